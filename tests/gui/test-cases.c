/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cases"

#include "accord-case-editor.h"
#include "accord-case-list.h"
#include "accord-case-view.h"
#include "accord-cases-page.h"
#include "accord-enums.h"
#include "accord-gui-test.h"

#define N_SEEDED_CASES 60
#define TODAY "2026-11-20"

typedef struct
{
  AccordGuiFixture *f;
  const char       *name;
  const char       *text;
  guint             n_items;
} Expectation;

/* Helpers ---------------------------------------------------------------- */

static AccordCasesPage *
cases_page (AccordGuiFixture *f)
{
  GtkWidget *page = accord_gui_find (GTK_WIDGET (f->window), ACCORD_TYPE_CASES_PAGE, NULL, NULL);

  g_assert_nonnull (page);
  return ACCORD_CASES_PAGE (page);
}

static GListModel *
case_model (AccordGuiFixture *f)
{
  return accord_window_get_case_model (f->window);
}

static GtkWidget *
named (AccordGuiFixture *f,
       const char       *name)
{
  GtkWidget *widget = accord_gui_find_named (GTK_WIDGET (f->window), name);

  g_assert_nonnull (widget);
  return widget;
}

static AccordCase *
case_at (AccordGuiFixture *f,
         guint             position)
{
  return g_list_model_get_item (case_model (f), position);
}

static gint64
count_cases (AccordGuiFixture       *f,
             const AccordCaseFilter *filter)
{
  g_autoptr(GError) error = NULL;
  gint64 n = accord_store_count_cases (f->store, filter, &error);

  g_assert_no_error (error);
  return n;
}

static guint
code_index (const char * const *codes,
            const char         *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i;
  g_assert_not_reached ();
}

static gboolean
label_shows (gpointer data)
{
  Expectation *e = data;
  GtkWidget *label = accord_gui_find_named (GTK_WIDGET (e->f->window), e->name);

  return label != NULL && gtk_widget_get_mapped (label) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), e->text) == 0;
}

static gboolean
toplevel_gone (gpointer data)
{
  return accord_gui_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
model_has_n_items (gpointer data)
{
  Expectation *e = data;

  return g_list_model_get_n_items (case_model (e->f)) == e->n_items;
}

/* The list: filters and orders ------------------------------------------- */

static void
test_filters (AccordGuiFixture *f,
              gconstpointer     data)
{
  AccordCaseFilter registered = { .status = "registered" };
  AccordCaseFilter registered_overdue = { .status = "registered", .overdue_only = TRUE };
  GtkDropDown *status = GTK_DROP_DOWN (named (f, "status-filter"));
  g_autofree char *count = NULL;
  Expectation e = { f, "case-count", NULL, 0 };
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (case_model (f)), ==, N_SEEDED_CASES);
  e.text = "60 cases";
  g_assert_true (accord_gui_wait_until (label_shows, &e));

  /* The first item of the dropdown is "all"; statuses follow in vocabulary order. */
  gtk_drop_down_set_selected (status, code_index (accord_vocab_codes (ACCORD_VOCAB_CASE_STATUS), "registered") + 1);
  n = g_list_model_get_n_items (case_model (f));
  g_assert_cmpint (n, ==, count_cases (f, &registered));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, N_SEEDED_CASES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordCase) c = case_at (f, i);
      g_assert_cmpstr (accord_case_get_status (c), ==, "registered");
    }
  count = g_strdup_printf (n == 1 ? "%u case" : "%u cases", n);
  e.text = count;
  g_assert_true (accord_gui_wait_until (label_shows, &e));

  /* Overdue only: most overdue first. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (f, "overdue-filter")), TRUE);
  n = g_list_model_get_n_items (case_model (f));
  g_assert_cmpint (n, ==, count_cases (f, &registered_overdue));
  g_assert_cmpuint (n, >, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordCase) c = case_at (f, i);
      g_autoptr(AccordCase) next = i + 1 < n ? case_at (f, i + 1) : NULL;

      g_assert_cmpint (accord_case_get_due_state (c, TODAY, 3), ==, ACCORD_CASE_DUE_OVERDUE);
      if (next != NULL)
        g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_NEXT_DUE), <=,
                         accord_case_get_text (next, ACCORD_CASE_NEXT_DUE));
    }

  /* Back to everything. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (f, "overdue-filter")), FALSE);
  gtk_drop_down_set_selected (status, 0);
  g_assert_cmpuint (g_list_model_get_n_items (case_model (f)), ==, N_SEEDED_CASES);
}

static void
test_category_and_search (AccordGuiFixture *f,
                          gconstpointer     data)
{
  g_autoptr(AccordCase) wanted = case_at (f, 5);
  const char *category = accord_case_get_text (wanted, ACCORD_CASE_CATEGORY);
  AccordCaseFilter by_category = { .category = category };
  Expectation e = { f, NULL, NULL, 1 };
  guint n;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (f, "category-filter")),
                              code_index (accord_default_categories (), category) + 1);
  n = g_list_model_get_n_items (case_model (f));
  g_assert_cmpint (n, ==, count_cases (f, &by_category));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordCase) c = case_at (f, i);
      g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_CATEGORY), ==, category);
    }

  /* Search narrows the filtered list further. */
  accord_window_set_search_text (f->window, accord_case_get_number (wanted));
  g_assert_true (accord_gui_wait_until (model_has_n_items, &e));
}

static GtkColumnViewColumn *
column_titled (AccordGuiFixture *f,
               const char       *title)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (accord_gui_find (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW, NULL, NULL));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static void
assert_received_order (AccordGuiFixture *f,
                       gboolean          newest_first)
{
  guint n = g_list_model_get_n_items (case_model (f));

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(AccordCase) a = case_at (f, i - 1);
      g_autoptr(AccordCase) b = case_at (f, i);
      int cmp = g_strcmp0 (accord_case_get_text (a, ACCORD_CASE_RECEIVED_ON),
                           accord_case_get_text (b, ACCORD_CASE_RECEIVED_ON));

      g_assert_cmpint (newest_first ? -cmp : cmp, <=, 0);
    }
}

static char *
sort_order (AccordGuiFixture *f)
{
  char *order = NULL;

  g_object_get (cases_page (f), "sort-order", &order, NULL);
  return order;
}

static void
test_sort (AccordGuiFixture *f,
           gconstpointer     data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (accord_gui_find (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW, NULL, NULL));
  g_autofree char *initial = sort_order (f);
  g_autofree char *by_header = NULL;
  g_autofree char *by_received = NULL;
  g_autoptr(AccordCase) first = NULL;
  g_autoptr(AccordCase) last = NULL;

  g_assert_cmpstr (initial, ==, "newest");
  assert_received_order (f, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cases_page (f)), "cases.sort", "s", "oldest"));
  assert_received_order (f, FALSE);

  /* A click on a column header changes the store's order. */
  gtk_column_view_sort_by_column (view, column_titled (f, "Next Deadline"), GTK_SORT_ASCENDING);
  by_header = sort_order (f);
  g_assert_cmpstr (by_header, ==, "due");
  first = case_at (f, 0);
  last = case_at (f, N_SEEDED_CASES - 1);
  g_assert_nonnull (accord_case_get_text (first, ACCORD_CASE_NEXT_DUE));
  g_assert_null (accord_case_get_text (last, ACCORD_CASE_NEXT_DUE));

  gtk_column_view_sort_by_column (view, column_titled (f, "Received"), GTK_SORT_DESCENDING);
  by_received = sort_order (f);
  g_assert_cmpstr (by_received, ==, "newest");
  assert_received_order (f, TRUE);
}

/* The new-case form ------------------------------------------------------ */

static void
set_field (GtkWidget  *root,
           const char *name,
           const char *text)
{
  GtkWidget *field = accord_gui_find_named (root, name);

  g_assert_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static void
test_new_case (AccordGuiFixture *f,
               gconstpointer     data)
{
  AccordCasesPage *page = cases_page (f);
  GtkWidget *editor, *errors, *id_row, *save;
  Expectation e = { f, NULL, NULL, N_SEEDED_CASES + 1 };
  g_autoptr(AccordCase) shown = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.new-case", NULL));
  editor = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_CASE_EDITOR));
  g_assert_nonnull (editor);
  save = accord_gui_find_named (editor, "save-button");
  errors = accord_gui_find_named (editor, "petitioner-errors");
  id_row = accord_gui_find_named (editor, "petitioner-id-number");

  /* Nothing filled in: nothing to save, and no error shown yet. */
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (errors));

  set_field (editor, "case-title", "小区噪声扰民问题");
  set_field (editor, "petitioner-name", "刘洋");
  set_field (editor, "petitioner-phone", "13800138000");
  /* The right check character is 5. */
  set_field (editor, "petitioner-id-number", "440304198501011234");
  g_assert_true (gtk_widget_get_visible (errors));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (errors)), ==, "Resident ID number has a wrong check character");
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
  /* A disabled action does nothing, whatever asks for it. */
  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_assert_cmpint (accord_store_count_cases (f->store, NULL, NULL), ==, N_SEEDED_CASES);
  g_assert_true (GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_CASE_EDITOR)) == editor);

  set_field (editor, "petitioner-id-number", "440304198501011235");
  g_assert_false (gtk_widget_get_visible (errors));
  g_assert_false (gtk_widget_has_css_class (id_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (save));

  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_true (accord_gui_wait_until (toplevel_gone, GSIZE_TO_POINTER (ACCORD_TYPE_CASE_EDITOR)));
  g_assert_true (accord_gui_wait_until (model_has_n_items, &e));

  /* The new case is in the list, newest first, and its page is open. */
  shown = case_at (f, 0);
  g_assert_cmpstr (accord_case_get_title (shown), ==, "小区噪声扰民问题");
  g_assert_cmpstr (accord_cases_page_get_shown_case (page), ==, accord_case_get_number (shown));
}

static void
test_new_case_store_refusal (AccordGuiFixture *f,
                             gconstpointer     data)
{
  GtkWidget *editor, *error;

  accord_cases_page_new_case (cases_page (f));
  editor = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_CASE_EDITOR));
  set_field (editor, "case-title", "重复登记");
  set_field (editor, "petitioner-name", "刘洋");
  set_field (editor, "petitioner-phone", "13800138000");
  set_field (editor, "petitioner-id-number", "440304198501011235");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_true (accord_gui_wait_until (toplevel_gone, GSIZE_TO_POINTER (ACCORD_TYPE_CASE_EDITOR)));

  /* The same ID number under another name: the store refuses, the form stays. */
  accord_cases_page_new_case (cases_page (f));
  editor = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_CASE_EDITOR));
  set_field (editor, "case-title", "另一事项");
  set_field (editor, "petitioner-name", "王芳");
  set_field (editor, "petitioner-phone", "13800138000");
  set_field (editor, "petitioner-id-number", "440304198501011235");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  accord_gui_wait_idle ();
  g_assert_true (GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_CASE_EDITOR)) == editor);
  error = accord_gui_find_named (editor, "store-error");
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (error)) || gtk_widget_get_mapped (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==,
                   "Resident ID number already belongs to a petitioner registered under another name");
  g_assert_cmpint (accord_store_count_cases (f->store, NULL, NULL), ==, 1);
}

/* The case page ----------------------------------------------------------- */

static char *
first_registered (AccordGuiFixture *f)
{
  AccordCaseFilter registered = { .status = "registered" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = accord_store_list_cases (f->store, &registered, 0, 0, 50, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      AccordCase *c = g_ptr_array_index (rows, i);

      if (!accord_case_get_flag (c, ACCORD_CASE_LITIGATION_RELATED))
        return g_strdup (accord_case_get_number (c));
    }
  g_assert_not_reached ();
}

static gboolean
timeline_mentions (AccordGuiFixture *f,
                   const char       *title)
{
  GtkWidget *timeline = named (f, "case-timeline");

  for (GtkWidget *row = gtk_widget_get_first_child (timeline); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return TRUE;

  return FALSE;
}

static void
test_case_page_accept (AccordGuiFixture *f,
                       gconstpointer     data)
{
  g_autofree char *number = first_registered (f);
  AccordCasesPage *page = cases_page (f);
  GtkWidget *view;
  AdwMessageDialog *dialog;
  g_autoptr(AccordCase) after = NULL;
  Expectation e = { f, "case-status", NULL, 0 };

  accord_window_show_case (f->window, number);
  g_assert_cmpstr (accord_cases_page_get_shown_case (page), ==, number);
  e.text = accord_vocab_label (ACCORD_VOCAB_CASE_STATUS, "registered");
  g_assert_true (accord_gui_wait_until (label_shows, &e));
  g_assert_true (timeline_mentions (f, "Received and registered"));
  g_assert_false (timeline_mentions (f, "Accepted"));

  /* The page offers the workflow steps of the state: accept it. */
  view = accord_gui_find (GTK_WIDGET (f->window), ACCORD_TYPE_CASE_VIEW, NULL, NULL);
  g_assert_true (gtk_widget_activate_action (view, "case.action", "s", "accept"));
  dialog = ADW_MESSAGE_DIALOG (accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "apply");

  e.text = accord_vocab_label (ACCORD_VOCAB_CASE_STATUS, "accepted");
  g_assert_true (accord_gui_wait_until (label_shows, &e));
  g_assert_true (timeline_mentions (f, "Accepted"));
  after = accord_store_get_case (f->store, number, NULL);
  g_assert_cmpstr (accord_case_get_status (after), ==, "accepted");
  g_assert_cmpstr (accord_case_get_text (after, ACCORD_CASE_ACCEPTED_ON), ==, TODAY);

  /* Escape goes back to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cases.back", NULL));
  g_assert_null (accord_cases_page_get_shown_case (page));

  /* So does a search typed while a case is open. */
  accord_window_show_case (f->window, number);
  g_assert_cmpstr (accord_cases_page_get_shown_case (page), ==, number);
  accord_window_set_search_text (f->window, number);
  g_assert_null (accord_cases_page_get_shown_case (page));
  g_assert_cmpuint (g_list_model_get_n_items (case_model (f)), ==, 1);
}

static void
test_case_page_stale (AccordGuiFixture *f,
                      gconstpointer     data)
{
  g_autofree char *number = first_registered (f);
  AccordCaseTransition accept = { ACCORD_CASE_ACTION_ACCEPT };
  g_autoptr(AccordCase) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *view;
  Expectation e = { f, "case-status", NULL, 0 };

  accord_window_show_case (f->window, number);
  view = accord_gui_find (GTK_WIDGET (f->window), ACCORD_TYPE_CASE_VIEW, NULL, NULL);
  g_assert_true (gtk_widget_activate_action (view, "case.action", "s", "decline"));
  dialog = ADW_MESSAGE_DIALOG (accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Someone else accepts the case meanwhile. */
  elsewhere = accord_store_transition_case (f->store, number, 0, &accept, &error);
  g_assert_no_error (error);
  set_field (GTK_WIDGET (dialog), "action-text", "不属于本机关职责范围");
  adw_message_dialog_response (dialog, "apply");

  /* The refusal is explained and the page shows what was saved. */
  dialog = ADW_MESSAGE_DIALOG (accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "This record was changed by someone else in the meantime; reload it and try again");
  e.text = accord_vocab_label (ACCORD_VOCAB_CASE_STATUS, "accepted");
  g_assert_true (accord_gui_wait_until (label_shows, &e));
}

static gboolean
count_is_in (gpointer data)
{
  Expectation *e = data;

  return !accord_case_list_is_counting (ACCORD_CASE_LIST (case_model (e->f))) &&
         g_list_model_get_n_items (case_model (e->f)) == e->n_items;
}

/* More cases than a page: the first page is shown as the window opens,
 * and the rest counted once its first frame is out; a search too. */
static void
test_counted_after_first_page (AccordGuiFixture *f,
                               gconstpointer     data)
{
  AccordCaseFilter search = { .query = "XF-" };
  Expectation e = { f, "case-count", "250 cases", 250 };
  g_autofree char *count = NULL;

  g_assert_true (accord_gui_wait_until (count_is_in, &e));
  g_assert_true (accord_gui_wait_until (label_shows, &e));
  for (guint i = 0; i < 250; i += 50)
    {
      g_autoptr(AccordCase) c = case_at (f, i);
      g_assert_nonnull (c);
    }

  accord_window_set_search_text (f->window, search.query);
  e.n_items = count_cases (f, &search);
  g_assert_cmpuint (e.n_items, >, 100);
  /* The count's result arrives through the main loop, not before. */
  g_assert_true (accord_case_list_is_counting (ACCORD_CASE_LIST (case_model (f))));
  g_assert_cmpuint (g_list_model_get_n_items (case_model (f)), ==, 100);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (f, "case-count"))), ==, "Counting cases…");
  count = g_strdup_printf ("%u cases", e.n_items);
  e.text = count;
  g_assert_true (accord_gui_wait_until (count_is_in, &e));
  g_assert_true (accord_gui_wait_until (label_shows, &e));
}

int
main (int   argc,
      char *argv[])
{
  if (!accord_gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, n, func) \
  g_test_add (path, AccordGuiFixture, GUINT_TO_POINTER (n), accord_gui_fixture_set_up, func, \
              accord_gui_fixture_tear_down)

  ADD ("/gui/cases/filters", N_SEEDED_CASES, test_filters);
  ADD ("/gui/cases/counted-after-first-page", 250, test_counted_after_first_page);
  ADD ("/gui/cases/category-and-search", N_SEEDED_CASES, test_category_and_search);
  ADD ("/gui/cases/sort", N_SEEDED_CASES, test_sort);
  ADD ("/gui/cases/new-case", N_SEEDED_CASES, test_new_case);
  ADD ("/gui/cases/new-case-store-refusal", 0, test_new_case_store_refusal);
  ADD ("/gui/cases/case-page-accept", N_SEEDED_CASES, test_case_page_accept);
  ADD ("/gui/cases/case-page-stale", N_SEEDED_CASES, test_case_page_stale);

#undef ADD

  return g_test_run ();
}
