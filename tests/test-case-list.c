/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-case-list"

#include "accord-case-list.h"
#include "accord-reminders.h"
#include "accord-seed.h"
#include "accord-store.h"
#include "accord-test-util.h"
#include "accord-validate.h"

#define TODAY "2026-11-20"

/* The deadline badge ---------------------------------------------------- */

static void
test_due_state (void)
{
  g_assert_cmpint (accord_case_due_state (NULL, TODAY, 3), ==, ACCORD_CASE_DUE_NONE);
  g_assert_cmpint (accord_case_due_state ("not a date", TODAY, 3), ==, ACCORD_CASE_DUE_NONE);
  g_assert_cmpint (accord_case_due_state ("2026-02-30", TODAY, 3), ==, ACCORD_CASE_DUE_NONE);
  g_assert_cmpint (accord_case_due_state ("2026-11-19", TODAY, 3), ==, ACCORD_CASE_DUE_OVERDUE);
  g_assert_cmpint (accord_case_due_state ("2025-12-31", TODAY, 3), ==, ACCORD_CASE_DUE_OVERDUE);
  /* The last day itself is not overdue yet. */
  g_assert_cmpint (accord_case_due_state ("2026-11-20", TODAY, 3), ==, ACCORD_CASE_DUE_SOON);
  g_assert_cmpint (accord_case_due_state ("2026-11-23", TODAY, 3), ==, ACCORD_CASE_DUE_SOON);
  g_assert_cmpint (accord_case_due_state ("2026-11-24", TODAY, 3), ==, ACCORD_CASE_DUE_ON_TIME);
  /* Across a month and a year end. */
  g_assert_cmpint (accord_case_due_state ("2027-01-02", "2026-12-30", 3), ==, ACCORD_CASE_DUE_SOON);
  g_assert_cmpint (accord_case_due_state ("2026-12-01", "2026-11-30", 0), ==, ACCORD_CASE_DUE_ON_TIME);
  g_assert_cmpint (accord_case_due_state ("2026-11-30", "2026-11-30", 0), ==, ACCORD_CASE_DUE_SOON);
  g_assert_cmpint (accord_case_due_state ("2026-11-30", "2026-11-30", -5), ==, ACCORD_CASE_DUE_SOON);

  g_assert_cmpstr (accord_case_due_state_code (ACCORD_CASE_DUE_OVERDUE), ==, "overdue");
  g_assert_cmpstr (accord_case_due_state_code (ACCORD_CASE_DUE_SOON), ==, "due_soon");
}

static void
test_due_state_of_case (void)
{
  g_autoptr(AccordCase) c = accord_case_new ();

  g_assert_cmpint (accord_case_get_due_state (c, TODAY, 3), ==, ACCORD_CASE_DUE_NONE);
  accord_case_set_text (c, ACCORD_CASE_NEXT_DUE, "2026-11-10");
  g_assert_cmpint (accord_case_get_due_state (c, TODAY, 3), ==, ACCORD_CASE_DUE_OVERDUE);
}

static void
test_store_today (AccordTestDb  *db,
                  gconstpointer  data)
{
  g_autofree char *today = accord_store_today (db->store);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (today, ==, TODAY);
  g_assert_cmpint (accord_store_due_soon_days (db->store), ==, 3);
  g_assert_true (accord_store_set_setting (db->store, "deadline_due_soon_days", "5", &error));
  g_assert_no_error (error);
  g_assert_cmpint (accord_store_due_soon_days (db->store), ==, 5);

  g_assert_cmpint (accord_store_max_extension (db->store, "reply"), ==, 30);
  g_assert_cmpint (accord_store_max_extension (db->store, "accept"), ==, 0);
}

/* Orders and filters ---------------------------------------------------- */

static void
seed (AccordTestDb *db,
      guint         n_cases,
      guint         n_sessions)
{
  AccordSeedOptions options = { n_cases, ACCORD_SEED_DEFAULT_PEOPLE, 7, n_sessions, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_seed (db->store, &options, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_all (AccordTestDb           *db,
          const AccordCaseFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = accord_store_list_cases (db->store, filter, 0, 0, 100000, &error);

  g_assert_no_error (error);
  return all;
}

/* Pages read by key, as the list model reads them, give the same rows in
 * the same order as one query. */
static void
assert_keyset_pages_match (AccordTestDb           *db,
                           const AccordCaseFilter *filter,
                           guint                   page_size)
{
  g_autoptr(GPtrArray) all = list_all (db, filter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = accord_store_list_cases (db->store, filter, 0, 0, page_size, &error);
  guint seen = 0;

  g_assert_no_error (error);
  while (page->len > 0)
    {
      AccordCase *last = g_ptr_array_index (page, page->len - 1);
      GPtrArray *next;

      for (guint i = 0; i < page->len; i++, seen++)
        g_assert_cmpint (accord_case_get_id (g_ptr_array_index (page, i)), ==,
                         accord_case_get_id (g_ptr_array_index (all, seen)));
      next = accord_store_list_cases_after (db->store, filter, last, page_size, &error);
      g_assert_no_error (error);
      g_ptr_array_unref (page);
      page = next;
    }
  g_assert_cmpuint (seen, ==, all->len);
}

static void
test_orders (AccordTestDb  *db,
             gconstpointer  data)
{
  AccordCaseFilter newest = { .order = ACCORD_CASE_ORDER_NEWEST };
  AccordCaseFilter oldest = { .order = ACCORD_CASE_ORDER_OLDEST };
  AccordCaseFilter due = { .order = ACCORD_CASE_ORDER_NEXT_DUE };
  g_autoptr(GPtrArray) by_newest = NULL;
  g_autoptr(GPtrArray) by_oldest = NULL;
  g_autoptr(GPtrArray) by_due = NULL;
  gboolean seen_none = FALSE;

  seed (db, 300, 0);
  by_newest = list_all (db, &newest);
  by_oldest = list_all (db, &oldest);
  by_due = list_all (db, &due);
  g_assert_cmpuint (by_newest->len, ==, 300);
  g_assert_cmpuint (by_due->len, ==, 300);

  for (guint i = 1; i < by_newest->len; i++)
    {
      g_assert_cmpstr (accord_case_get_text (g_ptr_array_index (by_newest, i - 1), ACCORD_CASE_RECEIVED_ON), >=,
                       accord_case_get_text (g_ptr_array_index (by_newest, i), ACCORD_CASE_RECEIVED_ON));
      /* Oldest is newest read backwards. */
      g_assert_cmpint (accord_case_get_id (g_ptr_array_index (by_oldest, i)), ==,
                       accord_case_get_id (g_ptr_array_index (by_newest, by_newest->len - 1 - i)));
    }

  /* Soonest next deadline first; cases without one come last. */
  for (guint i = 1; i < by_due->len; i++)
    {
      const char *a = accord_case_get_text (g_ptr_array_index (by_due, i - 1), ACCORD_CASE_NEXT_DUE);
      const char *b = accord_case_get_text (g_ptr_array_index (by_due, i), ACCORD_CASE_NEXT_DUE);

      if (a == NULL)
        g_assert_null (b);
      else if (b != NULL)
        g_assert_cmpstr (a, <=, b);
      seen_none |= b == NULL;
    }
  g_assert_true (seen_none);

  for (AccordCaseOrder order = 0; order < ACCORD_CASE_N_ORDERS; order++)
    {
      AccordCaseFilter filter = { .order = order };
      AccordCaseFilter overdue = { .order = order, .overdue_only = TRUE, .status = "assigned" };

      assert_keyset_pages_match (db, &filter, 7);
      assert_keyset_pages_match (db, &overdue, 3);
    }
}

/* A search with many matches is read through the order's index, with few
 * it is sorted: both give the order of the whole list, page after page. */
static void
test_search_orders (AccordTestDb  *db,
                    gconstpointer  data)
{
  const char *queries[] = { "XF-", "王" };

  seed (db, 2300, 0);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (AccordCaseOrder order = 0; order < ACCORD_CASE_N_ORDERS; order++)
      {
        AccordCaseFilter all = { .order = order };
        AccordCaseFilter search = { .order = order, .query = queries[q] };
        g_autoptr(GPtrArray) everything = list_all (db, &all);
        g_autoptr(GPtrArray) found = list_all (db, &search);
        guint j = 0;

        g_assert_cmpuint (found->len, >, 0);
        /* The matches come in the order they have in the whole list. */
        for (guint i = 0; i < everything->len && j < found->len; i++)
          if (accord_case_get_id (g_ptr_array_index (everything, i)) ==
              accord_case_get_id (g_ptr_array_index (found, j)))
            j++;
        g_assert_cmpuint (j, ==, found->len);
        assert_keyset_pages_match (db, &search, 150);
      }
}

static void
test_filters (AccordTestDb  *db,
              gconstpointer  data)
{
  AccordCaseFilter overdue = { .overdue_only = TRUE };
  AccordCaseFilter category = { .category = "教育" };
  AccordCaseFilter both = { .category = "教育", .overdue_only = TRUE, .order = ACCORD_CASE_ORDER_NEXT_DUE };
  AccordCaseFilter bad_order = { .order = ACCORD_CASE_N_ORDERS };
  g_autoptr(GPtrArray) overdue_rows = NULL;
  g_autoptr(GPtrArray) category_rows = NULL;
  g_autoptr(GPtrArray) both_rows = NULL;
  g_autoptr(GError) error = NULL;

  seed (db, 300, 0);
  overdue_rows = list_all (db, &overdue);
  category_rows = list_all (db, &category);
  both_rows = list_all (db, &both);

  g_assert_cmpuint (overdue_rows->len, >, 0);
  g_assert_cmpuint (overdue_rows->len, <, 300);
  g_assert_cmpint (accord_store_count_cases (db->store, &overdue, NULL), ==, overdue_rows->len);
  for (guint i = 0; i < overdue_rows->len; i++)
    g_assert_cmpint (accord_case_get_due_state (g_ptr_array_index (overdue_rows, i), TODAY, 3), ==,
                     ACCORD_CASE_DUE_OVERDUE);

  g_assert_cmpuint (category_rows->len, >, 0);
  g_assert_cmpint (accord_store_count_cases (db->store, &category, NULL), ==, category_rows->len);
  for (guint i = 0; i < category_rows->len; i++)
    g_assert_cmpstr (accord_case_get_text (g_ptr_array_index (category_rows, i), ACCORD_CASE_CATEGORY), ==, "教育");

  g_assert_cmpuint (both_rows->len, <=, category_rows->len);
  g_assert_cmpint (accord_store_count_cases (db->store, &both, NULL), ==, both_rows->len);

  g_assert_null (accord_store_list_cases (db->store, &bad_order, 0, 0, 10, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
}

/* The list model pages by key in every order. */
static void
test_model_order (AccordTestDb  *db,
                  gconstpointer  data)
{
  g_autoptr(AccordCaseList) list = accord_case_list_new (db->store);
  AccordCaseFilter due = { .order = ACCORD_CASE_ORDER_NEXT_DUE };
  g_autoptr(GPtrArray) expected = NULL;
  GListModel *model = G_LIST_MODEL (list);

  seed (db, 250, 0);
  accord_case_list_set_filter (list, &due);
  expected = list_all (db, &due);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);
  for (guint i = 0; i < 250; i++)
    {
      g_autoptr(AccordCase) c = g_list_model_get_item (model, i);
      g_assert_cmpint (accord_case_get_id (c), ==, accord_case_get_id (g_ptr_array_index (expected, i)));
    }
}

static void
on_counting_changed_cb (AccordCaseList *list,
                        GParamSpec     *pspec,
                        GPtrArray      *lengths)
{
  g_ptr_array_add (lengths, GUINT_TO_POINTER (g_list_model_get_n_items (G_LIST_MODEL (list))));
}

static void
wait_for_count (AccordCaseList *list)
{
  while (accord_case_list_is_counting (list))
    g_main_context_iteration (NULL, TRUE);
}

/* A window's list shows a full first page at once and counts the rest in
 * a thread; a list whose first page is not full needs no count. */
static void
test_count_in_thread (AccordTestDb  *db,
                      gconstpointer  data)
{
  g_autoptr(AccordCaseList) list = accord_case_list_new_counting_in_thread (db->store);
  g_autoptr(GPtrArray) lengths = g_ptr_array_new ();
  AccordCaseFilter all = { .order = ACCORD_CASE_ORDER_NEWEST };
  AccordCaseFilter education = { .category = "教育", .order = ACCORD_CASE_ORDER_NEWEST };
  AccordCaseFilter none = { .query = "没有这样的案件" };
  g_autoptr(GPtrArray) expected = NULL;
  GListModel *model = G_LIST_MODEL (list);

  seed (db, 250, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_signal_connect (list, "notify::counting", G_CALLBACK (on_counting_changed_cb), lengths);

  accord_case_list_set_filter (list, &all);
  g_assert_true (accord_case_list_is_counting (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100);
  wait_for_count (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);
  /* Counting began with the first page and ended with all of them. */
  g_assert_cmpuint (lengths->len, ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (lengths, 0)), ==, 100);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (lengths, 1)), ==, 250);
  expected = list_all (db, &all);
  for (guint i = 0; i < 250; i++)
    {
      g_autoptr(AccordCase) c = g_list_model_get_item (model, i);
      g_assert_cmpint (accord_case_get_id (c), ==, accord_case_get_id (g_ptr_array_index (expected, i)));
    }

  /* A search as the count runs: the older count is dropped. */
  accord_case_list_set_filter (list, &all);
  accord_case_list_set_filter (list, &education);
  wait_for_count (list);
  g_assert_cmpint (g_list_model_get_n_items (model), ==, accord_store_count_cases (db->store, &education, NULL));
  /* The dropped count's thread holds the list until it ends. */
  while (G_OBJECT (list)->ref_count > 1)
    g_main_context_iteration (NULL, TRUE);

  /* Held back, the count starts only when let go. */
  accord_case_list_hold_count (list, TRUE);
  accord_case_list_set_filter (list, &all);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (accord_case_list_is_counting (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100);
  accord_case_list_hold_count (list, FALSE);
  wait_for_count (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);

  g_ptr_array_set_size (lengths, 0);
  accord_case_list_set_filter (list, &none);
  g_assert_false (accord_case_list_is_counting (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (lengths->len, ==, 0);
}

/* A search alone is counted in the search index, as the cases count it. */
static void
test_count_search (AccordTestDb  *db,
                   gconstpointer  data)
{
  const char *queries[] = { "工资", "王", "XF-", "征收补偿", "没有这样的案件", " 教育 " };

  seed (db, 300, 0);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      AccordCaseFilter search = { .query = queries[i] };
      g_autoptr(GPtrArray) rows = list_all (db, &search);

      g_assert_cmpint (accord_store_count_cases (db->store, &search, NULL), ==, rows->len);
    }
}

/* The timeline --------------------------------------------------------- */

static char *
new_case (AccordTestDb *db)
{
  static const AccordPetitionerInput p = { "刘洋", "440304198501011235", "0755-83212345", "深圳市福田区" };
  AccordCaseInput in = { .title = "房屋征收补偿问题", .category = "城乡建设", .channel = "visit",
                         .received_on = "2026-10-05", .petitioners = &p, .n_petitioners = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = accord_store_add_case (db->store, &in, &error);

  g_assert_no_error (error);
  return g_strdup (accord_case_get_number (c));
}

static void
transition (AccordTestDb     *db,
            const char       *number,
            AccordCaseAction  action,
            const char       *date,
            const char       *arg)
{
  AccordCaseTransition t = { action, date, arg, arg, arg, arg };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = accord_store_transition_case (db->store, number, 0, &t, &error);

  g_assert_no_error (error);
}

static guint
find_event (GPtrArray  *events,
            const char *kind,
            const char *code)
{
  for (guint i = 0; i < events->len; i++)
    {
      AccordCaseEvent *e = g_ptr_array_index (events, i);
      if (g_str_equal (e->kind, kind) && g_strcmp0 (e->code, code) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_timeline (AccordTestDb  *db,
               gconstpointer  data)
{
  g_autofree char *number = new_case (db);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_reminder_free);
  g_autoptr(GError) error = NULL;
  AccordReminder *r = g_new0 (AccordReminder, 1);
  AccordCaseEvent *received, *accepted, *assigned, *extended, *reminded;

  transition (db, number, ACCORD_CASE_ACTION_ACCEPT, "2026-10-08", NULL);
  transition (db, number, ACCORD_CASE_ACTION_ASSIGN, "2026-10-09", "市住建局");
  g_assert_true (accord_store_extend_deadline (db->store, number, "reply", 10, "王局长", "需要现场调查", &error));
  g_assert_no_error (error);

  r->key = g_strdup_printf ("step:%s:reply:2026-12-07", number);
  g_ptr_array_add (reminders, r);
  g_assert_true (accord_reminders_mark_sent (db->store, reminders, 1795000000, &error));
  g_assert_no_error (error);

  events = accord_store_case_timeline (db->store, number, &error);
  g_assert_no_error (error);

  received = g_ptr_array_index (events, find_event (events, "step", "add"));
  accepted = g_ptr_array_index (events, find_event (events, "step", "accept"));
  assigned = g_ptr_array_index (events, find_event (events, "step", "assign"));
  extended = g_ptr_array_index (events, find_event (events, "extension", "extend"));
  reminded = g_ptr_array_index (events, find_event (events, "reminder", "step"));

  g_assert_cmpstr (received->date, ==, "2026-10-05");
  g_assert_cmpstr (accepted->date, ==, "2026-10-08");
  g_assert_cmpstr (assigned->detail, ==, "市住建局");
  g_assert_nonnull (strstr (extended->detail, "王局长"));
  g_assert_cmpint (reminded->at, ==, 1795000000);
  g_assert_nonnull (reminded->detail);

  /* Oldest first; the steps in workflow order. */
  g_assert_cmpuint (find_event (events, "step", "add"), <, find_event (events, "step", "accept"));
  g_assert_cmpuint (find_event (events, "step", "accept"), <, find_event (events, "step", "assign"));
  for (guint i = 1; i < events->len; i++)
    g_assert_cmpstr (((AccordCaseEvent *) g_ptr_array_index (events, i - 1))->date, <=,
                     ((AccordCaseEvent *) g_ptr_array_index (events, i))->date);

  /* Personal data stays out of it. */
  for (guint i = 0; i < events->len; i++)
    {
      AccordCaseEvent *e = g_ptr_array_index (events, i);
      g_assert_null (e->detail != NULL ? strstr (e->detail, "440304") : NULL);
    }

  g_assert_null (accord_store_case_timeline (db->store, "XF-1999-000001", &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
}

static void
test_timeline_sessions (AccordTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) any = NULL;
  const char *number = NULL;
  AccordCaseFilter all = { 0 };

  seed (db, 40, 60);
  any = list_all (db, &all);
  for (guint i = 0; i < any->len && number == NULL; i++)
    {
      const char *candidate = accord_case_get_number (g_ptr_array_index (any, i));
      g_autoptr(GPtrArray) sessions = accord_store_case_sessions (db->store, candidate, &error);

      g_assert_no_error (error);
      if (sessions->len > 0)
        {
          g_autoptr(GPtrArray) events = accord_store_case_timeline (db->store, candidate, &error);
          AccordSession *s = g_ptr_array_index (sessions, 0);
          AccordCaseEvent *e;

          g_assert_no_error (error);
          g_assert_cmpstr (s->case_number, ==, candidate);
          e = g_ptr_array_index (events, find_event (events, "session", s->kind));
          g_assert_cmpint (e->session_id, >, 0);
          g_assert_cmpint (e->at, >, 0);
          number = candidate;
        }
    }
  g_assert_nonnull (number);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ACCORD_TODAY", TODAY, TRUE);

#define ADD(path, func) \
  g_test_add (path, AccordTestDb, NULL, accord_test_db_setup, func, accord_test_db_teardown)

  g_test_add_func ("/case-list/due-state", test_due_state);
  g_test_add_func ("/case-list/due-state-of-case", test_due_state_of_case);
  ADD ("/case-list/store-today", test_store_today);
  ADD ("/case-list/orders", test_orders);
  ADD ("/case-list/search-orders", test_search_orders);
  ADD ("/case-list/filters", test_filters);
  ADD ("/case-list/model-order", test_model_order);
  ADD ("/case-list/count-in-thread", test_count_in_thread);
  ADD ("/case-list/count-search", test_count_search);
  ADD ("/case-list/timeline", test_timeline);
  ADD ("/case-list/timeline-sessions", test_timeline_sessions);

#undef ADD

  return g_test_run ();
}
