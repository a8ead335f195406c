/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-gui-test"

#include <glib/gstdio.h>

#include "accord-doc-render.h"
#include "accord-documents.h"
#include "accord-gui-test.h"
#include "accord-seed.h"

static AccordApplication *app;

gboolean
accord_gui_test_init (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    return FALSE;
  /* Without a window manager focus moves between the test's windows
   * without focus-out events, and a blinking cursor then warns. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  app = accord_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return TRUE;
}

AccordApplication *
accord_gui_test_app (void)
{
  return app;
}

static gboolean
on_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @predicate holds or ten seconds pass;
 * the tick makes sure a blocking iteration always wakes up to look again. */
gboolean
accord_gui_wait_until (AccordGuiPredicate predicate,
                       gpointer           data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, on_tick_cb, NULL);
  gboolean ok;

  while (!(ok = predicate (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return ok;
}

/* Runs whatever is pending, such as a debounced check or a redraw. */
void
accord_gui_wait_idle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  guint tick = g_timeout_add (10, on_tick_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

GtkWidget *
accord_gui_find (GtkWidget      *root,
                 GType           type,
                 AccordGuiMatch  match,
                 gconstpointer   data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = accord_gui_find (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The widget whose gtk_widget_get_name() is @name. */
GtkWidget *
accord_gui_find_named (GtkWidget  *root,
                       const char *name)
{
  return accord_gui_find (root, GTK_TYPE_WIDGET, has_name, name);
}

/* The text of the label named @name under @root. */
const char *
accord_gui_label_text (GtkWidget  *root,
                       const char *name)
{
  return gtk_label_get_text (GTK_LABEL (accord_gui_find_named (root, name)));
}

/* @widget's event controller of @type, such as its drag gesture. */
GtkEventController *
accord_gui_find_controller (GtkWidget *widget,
                            GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);
    }
  return NULL;
}

gboolean
accord_gui_widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/* For accord_gui_wait_until(): GSIZE_TO_POINTER of a window type. */
gboolean
accord_gui_toplevel_shown (gpointer type)
{
  GtkWindow *window = accord_gui_find_toplevel (GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* The newest toplevel of @type, such as a dialog the test opened. */
GtkWindow *
accord_gui_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        found = window;
    }
  return found;
}


static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

void
accord_gui_fixture_set_up (AccordGuiFixture *f,
                           gconstpointer     data)
{
  guint n_cases = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("accord-gui-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "accord.db", NULL);
  f->store = accord_store_open (path, &error);
  g_assert_no_error (error);

  if (n_cases > 0)
    {
      AccordSeedOptions options = { n_cases, ACCORD_SEED_DEFAULT_PEOPLE, 7,
                                    ACCORD_SEED_DEFAULT_SESSIONS };

      g_assert_true (accord_seed (f->store, &options, &error));
      g_assert_no_error (error);
    }

  f->window = accord_window_new (app, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (accord_gui_wait_until (accord_gui_widget_mapped, f->window));
}

void
accord_gui_fixture_tear_down (AccordGuiFixture *f,
                              gconstpointer     data)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  /* Dialogs first, then the window they belong to. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->dir);
}

/* @kind issued for @case_number (no session) through core, drawn in
 * Chinese. */
AccordDocument *
accord_gui_issue_document (AccordStore *store,
                           const char  *kind,
                           const char  *case_number)
{
  g_autoptr(GError) error = NULL;
  AccordDocument *document = accord_store_issue_document (store, kind, case_number, 0, accord_doc_render,
                                                          (gpointer) "zh_CN", &error);

  g_assert_no_error (error);
  return document;
}
