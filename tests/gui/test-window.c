/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "accord-case-editor.h"
#include "accord-document-window.h"
#include "accord-gui-test.h"
#include "accord-outcome-editor.h"
#include "accord-person-editor.h"
#include "accord-session-editor.h"
#include "accord-signing-dialog.h"
#include "accord-venue-editor.h"
#include "accord-verify-dialog.h"

#define N_SEEDED_CASES 60

typedef AccordGuiFixture Fixture;

static gboolean
label_shows (GtkWidget     *widget,
             gconstpointer  text)
{
  return gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
status_page_shows (GtkWidget     *widget,
                   gconstpointer  title)
{
  return gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static GtkWidget *
find_cell_label (AccordWindow *window,
                 const char   *text)
{
  GtkWidget *column_view = accord_gui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL, NULL);

  g_assert_nonnull (column_view);
  return accord_gui_find (column_view, GTK_TYPE_LABEL, label_shows, text);
}

static GtkWidget *
find_status_page (AccordWindow *window,
                  const char   *title)
{
  return accord_gui_find (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, status_page_shows, title);
}

typedef struct
{
  AccordWindow *window;
  const char   *text;
  guint         n_items;
} Expectation;

static gboolean
cell_is_shown (gpointer data)
{
  Expectation *e = data;

  return find_cell_label (e->window, e->text) != NULL;
}

static gboolean
status_page_is_shown (gpointer data)
{
  Expectation *e = data;

  return find_status_page (e->window, e->text) != NULL;
}

static gboolean
model_has_n_items (gpointer data)
{
  Expectation *e = data;

  return g_list_model_get_n_items (accord_window_get_case_model (e->window)) == e->n_items;
}

/* The list opens with the latest received case first. */
static gint64
newest_case_id (AccordStore *store)
{
  g_autoptr(GError) error = NULL;
  AccordCaseFilter newest = { .order = ACCORD_CASE_ORDER_NEWEST };
  g_autoptr(GPtrArray) cases = accord_store_list_cases (store, &newest, 0, 0, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  return accord_case_get_id (g_ptr_array_index (cases, 0));
}

static gint64
count_matches (AccordStore *store,
               const char  *query)
{
  g_autoptr(GError) error = NULL;
  AccordCaseFilter filter = { .query = query };
  gint64 n = accord_store_count_cases (store, &filter, &error);

  g_assert_no_error (error);
  return n;
}

static void
type_search (AccordWindow *window,
             const char   *text)
{
  GtkWidget *entry = accord_gui_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Tests ------------------------------------------------------------------ */

static void
test_window_lists_cases (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *model = accord_window_get_case_model (f->window);
  g_autoptr(AccordCase) first = NULL;
  Expectation e = { f->window, NULL, 0 };

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SEEDED_CASES);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpint (accord_case_get_id (first), ==, newest_case_id (f->store));

  e.text = accord_case_get_number (first);
  g_assert_true (accord_gui_wait_until (cell_is_shown, &e));
}

static void
test_window_search_filters (Fixture       *f,
                            gconstpointer  data)
{
  GListModel *model = accord_window_get_case_model (f->window);
  g_autoptr(AccordCase) wanted = g_list_model_get_item (model, 10);
  g_autoptr(AccordCase) found = NULL;
  Expectation e = { f->window, accord_case_get_number (wanted), 1 };

  g_assert_cmpint (count_matches (f->store, e.text), ==, 1);
  type_search (f->window, e.text);
  g_assert_true (accord_gui_wait_until (model_has_n_items, &e));

  found = g_list_model_get_item (model, 0);
  g_assert_cmpint (accord_case_get_id (found), ==, accord_case_get_id (wanted));
  g_assert_true (accord_gui_wait_until (cell_is_shown, &e));
}

static void
test_window_search_by_petitioner (Fixture       *f,
                                  gconstpointer  data)
{
  GListModel *model = accord_window_get_case_model (f->window);
  g_autoptr(AccordCase) wanted = g_list_model_get_item (model, 3);
  g_auto(GStrv) names = g_strsplit (accord_case_get_text (wanted, ACCORD_CASE_PETITIONER_NAMES),
                                    "、", 2);
  Expectation e = { f->window, names[0], 0 };
  gint64 expected = count_matches (f->store, names[0]);

  g_assert_cmpint (expected, >=, 1);
  g_assert_cmpint (expected, <, N_SEEDED_CASES);

  e.n_items = expected;
  accord_window_set_search_text (f->window, names[0]);
  g_assert_true (accord_gui_wait_until (model_has_n_items, &e));
}

static void
test_window_no_results (Fixture       *f,
                        gconstpointer  data)
{
  Expectation e = { f->window, "No Results", 0 };

  type_search (f->window, "zzz-no-such-case");
  g_assert_true (accord_gui_wait_until (model_has_n_items, &e));
  g_assert_true (accord_gui_wait_until (status_page_is_shown, &e));
  g_assert_null (find_status_page (f->window, "No Cases"));

  type_search (f->window, "");
  e.n_items = N_SEEDED_CASES;
  g_assert_true (accord_gui_wait_until (model_has_n_items, &e));
}

static void
test_window_empty_database (Fixture       *f,
                            gconstpointer  data)
{
  Expectation e = { f->window, "No Cases", 0 };

  g_assert_cmpuint (g_list_model_get_n_items (accord_window_get_case_model (f->window)), ==, 0);
  g_assert_true (accord_gui_wait_until (status_page_is_shown, &e));
  g_assert_null (find_status_page (f->window, "No Results"));
}

static void
test_window_search_shortcut (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *entry = accord_gui_find (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  GtkWidget *column_view = accord_gui_find (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  GtkWidget *focus;

  gtk_widget_grab_focus (column_view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.search", NULL));

  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Each section is read when first shown: the search entry speaks of it,
 * the section is remembered for the next start, and Alt+2 is the
 * schedule. */
static void
test_window_sections (Fixture       *f,
                      gconstpointer  data)
{
  static const char *pages[] = { "schedule", "people", "venues", "dashboard", "cases" };
  g_autoptr(GSettings) settings = g_settings_new ("org.accord.Accord");
  GtkWidget *stack = accord_gui_find (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, NULL, NULL);
  GtkWidget *entry = accord_gui_find (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  g_autofree char *placeholder = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.show-page", "s", pages[i]));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, pages[i]);
    }

  accord_window_show_page (f->window, "people");
  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Search people");

  gtk_window_close (GTK_WINDOW (f->window));
  f->window = accord_window_new (accord_gui_test_app (), f->store);
  g_assert_cmpstr (g_settings_get_string (settings, "section"), ==, "people");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack = accord_gui_find (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, NULL, NULL))), ==, "people");
  g_settings_reset (settings, "section");
}

static void
test_window_remembers_size (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.accord.Accord");
  AccordWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);
  window = accord_window_new (accord_gui_test_app (), f->store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (accord_gui_wait_until (window_is_mapped, window));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* "<Control>z" for Ctrl+Z, whichever case the key was bound in. */
static char *
accelerator_key (guint           keyval,
                 GdkModifierType mods)
{
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), mods);
}

static void
collect_listed (GtkWidget  *widget,
                GHashTable *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerators = NULL;
      g_auto(GStrv) each = NULL;

      g_object_get (widget, "accelerator", &accelerators, NULL);
      each = g_strsplit (accelerators != NULL ? accelerators : "", " ", -1);
      for (guint i = 0; each[i] != NULL; i++)
        {
          guint keyval;
          GdkModifierType mods;

          g_assert_true (gtk_accelerator_parse (each[i], &keyval, &mods));
          g_hash_table_add (listed, accelerator_key (keyval, mods));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, listed);
}

/* The keypad's keys and Ctrl+= do what the keys listed beside them do. */
static gboolean
is_alternative (guint keyval)
{
  return keyval == GDK_KEY_KP_Add || keyval == GDK_KEY_KP_Subtract || keyval == GDK_KEY_KP_0 ||
         keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_equal;
}

/* The keys @widget's own shortcut controllers are bound to. */
static GHashTable *
bound_keys (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          guint keyval;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          if (!is_alternative (keyval))
            g_hash_table_add (keys, accelerator_key (keyval, gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
        }
    }
  return keys;
}

/* The keys GTK and libadwaita bind for the class @type derives from. */
static GHashTable *
inherited_keys (GType type)
{
  GType parent = type;
  GtkWidget *plain;
  GHashTable *keys;

  while (g_str_has_prefix (g_type_name (parent), "Accord"))
    parent = g_type_parent (parent);
  if (G_TYPE_IS_ABSTRACT (parent))
    return g_hash_table_new (g_str_hash, g_str_equal);

  plain = g_object_ref_sink (g_object_new (parent, NULL));
  keys = bound_keys (plain);
  if (GTK_IS_WINDOW (plain))
    gtk_window_destroy (GTK_WINDOW (plain));
  g_object_unref (plain);
  return keys;
}

/* Asserts that every key the classes of Accord's widgets in @widget bind
 * is in @listed. */
static void
assert_bindings_listed (GtkWidget  *widget,
                        GHashTable *listed)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Accord"))
    {
      g_autoptr(GHashTable) keys = bound_keys (widget);
      g_autoptr(GHashTable) inherited = inherited_keys (G_OBJECT_TYPE (widget));
      GHashTableIter iter;
      const char *key;

      g_hash_table_iter_init (&iter, keys);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        if (!g_hash_table_contains (inherited, key) && !g_hash_table_contains (listed, key))
          g_error ("%s binds %s, which the shortcuts window does not list", G_OBJECT_TYPE_NAME (widget), key);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_bindings_listed (child, listed);
}

/* Ctrl+? lists every key the main window, its sections and the windows it
 * opens (documents, signing, outcomes, the forms) are bound to. */
static void
test_window_shortcuts_listed (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/accord/Accord/gtk/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const GType windows[] = {
    ACCORD_TYPE_DOCUMENT_WINDOW, ACCORD_TYPE_SIGNING_DIALOG, ACCORD_TYPE_OUTCOME_EDITOR,
    ACCORD_TYPE_CASE_EDITOR, ACCORD_TYPE_SESSION_EDITOR, ACCORD_TYPE_PERSON_EDITOR,
    ACCORD_TYPE_VENUE_EDITOR, ACCORD_TYPE_VERIFY_DIALOG,
  };

  collect_listed (GTK_WIDGET (overlay), listed);
  g_assert_true (g_hash_table_contains (listed, "<Control>Return"));
  assert_bindings_listed (GTK_WIDGET (f->window), listed);
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      GtkWidget *window = g_object_new (windows[i], NULL);

      assert_bindings_listed (window, listed);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  gtk_window_destroy (overlay);
}

int
main (int   argc,
      char *argv[])
{
  if (!accord_gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), accord_gui_fixture_set_up, func, \
              accord_gui_fixture_tear_down)

  ADD ("/gui/window/lists-cases", N_SEEDED_CASES, test_window_lists_cases);
  ADD ("/gui/window/search-filters", N_SEEDED_CASES, test_window_search_filters);
  ADD ("/gui/window/search-by-petitioner", N_SEEDED_CASES, test_window_search_by_petitioner);
  ADD ("/gui/window/no-results", N_SEEDED_CASES, test_window_no_results);
  ADD ("/gui/window/empty-database", 0, test_window_empty_database);
  ADD ("/gui/window/search-shortcut", 0, test_window_search_shortcut);
  ADD ("/gui/window/remembers-size", 0, test_window_remembers_size);
  ADD ("/gui/window/sections", 0, test_window_sections);
  ADD ("/gui/window/shortcuts-listed", 0, test_window_shortcuts_listed);

#undef ADD

  return g_test_run ();
}
