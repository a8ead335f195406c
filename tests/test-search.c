/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-search"

#include "accord-case-list.h"
#include "accord-store.h"
#include "accord-validate.h"
#include "accord-test-util.h"

typedef struct
{
  const char *title;
  const char *summary;
  const char *name;
  const char *id_number;
} Row;

static const Row rows[] = {
  { "拖欠工资问题", "反映建筑公司拖欠农民工工资", "王芳", "11010119900307002X" },
  { "房屋征收补偿问题", "对征收补偿标准有异议", "李建国", "110101199003070011" },
  { "噪声扰民问题", "夜间施工噪声影响休息", "欧阳娜", "440304198501011235" },
  { "医疗纠纷赔偿问题", "手术后出现并发症", "王志强", "320102197806154418" },
  { "Wage arrears at ACME", "Quotes \"inside\" and 100% odd_chars", "张伟", "11010519491231002X" },
};

static void
fill (AccordTestDb *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      AccordPetitionerInput p = { rows[i].name, rows[i].id_number, "13800001111", NULL };
      AccordCaseInput in = { .title = rows[i].title, .summary = rows[i].summary, .category = "其他",
                             .channel = "online", .received_on = "2026-06-01",
                             .petitioners = &p, .n_petitioners = 1 };
      g_autoptr(GError) error = NULL;
      g_autoptr(AccordCase) c = accord_store_add_case (db->store, &in, &error);

      g_assert_no_error (error);
    }
}

/* The titles found by a query, newest first, joined by '|'. */
static char *
search (AccordTestDb *db,
        const char   *query)
{
  g_autoptr(GError) error = NULL;
  AccordCaseFilter filter = { .query = query };
  g_autoptr(GPtrArray) found = accord_store_list_cases (db->store, &filter, 0, 0, 100, &error);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (accord_store_count_cases (db->store, &filter, NULL), ==, found->len);
  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "|" : "", accord_case_get_title (g_ptr_array_index (found, i)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

#define ASSERT_SEARCH(db, query, expected) \
  G_STMT_START { g_autofree char *got = search (db, query); g_assert_cmpstr (got, ==, expected); } G_STMT_END

static void
test_one_character (AccordTestDb  *db,
                    gconstpointer  data)
{
  fill (db);
  ASSERT_SEARCH (db, "王", "医疗纠纷赔偿问题|拖欠工资问题");
  ASSERT_SEARCH (db, "娜", "噪声扰民问题");
  ASSERT_SEARCH (db, "鑫", "");
  /* At the very end of a column. */
  ASSERT_SEARCH (db, "症", "医疗纠纷赔偿问题");
  ASSERT_SEARCH (db, "E", "Wage arrears at ACME");
}

static void
test_two_characters (AccordTestDb  *db,
                     gconstpointer  data)
{
  fill (db);
  ASSERT_SEARCH (db, "工资", "拖欠工资问题");
  ASSERT_SEARCH (db, "问题", "医疗纠纷赔偿问题|噪声扰民问题|房屋征收补偿问题|拖欠工资问题");
  ASSERT_SEARCH (db, "欧阳", "噪声扰民问题");
  ASSERT_SEARCH (db, " 补偿 ", "房屋征收补偿问题");
  ASSERT_SEARCH (db, "休息", "噪声扰民问题");
  ASSERT_SEARCH (db, "\"\"", "");
}

static void
test_three_or_more (AccordTestDb  *db,
                    gconstpointer  data)
{
  fill (db);
  ASSERT_SEARCH (db, "农民工", "拖欠工资问题");
  ASSERT_SEARCH (db, "征收补偿标准", "房屋征收补偿问题");
  ASSERT_SEARCH (db, "李建国", "房屋征收补偿问题");
  ASSERT_SEARCH (db, "XF-2026-000003", "噪声扰民问题");
  ASSERT_SEARCH (db, "000004", "医疗纠纷赔偿问题");
  ASSERT_SEARCH (db, "acme", "Wage arrears at ACME");
  ASSERT_SEARCH (db, "\"inside\"", "Wage arrears at ACME");
  ASSERT_SEARCH (db, "100%", "Wage arrears at ACME");
  ASSERT_SEARCH (db, "OR 1=1 --", "");
  ASSERT_SEARCH (db, "工资问题不存在", "");
}

static void
test_filters_and_paging (AccordTestDb  *db,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AccordCaseTransition accept = { ACCORD_CASE_ACTION_ACCEPT };
  AccordCaseFilter accepted = { .status = "accepted" };
  AccordCaseFilter bad = { .status = "lost" };
  g_autoptr(AccordCase) c = NULL;
  g_autoptr(GPtrArray) page1 = NULL;
  g_autoptr(GPtrArray) page2 = NULL;
  g_autoptr(GPtrArray) accepted_rows = NULL;

  fill (db);
  c = accord_store_transition_case (db->store, "XF-2026-000002", 0, &accept, &error);
  g_assert_no_error (error);

  accepted_rows = accord_store_list_cases (db->store, &accepted, 0, 0, 10, &error);
  g_assert_cmpint (accepted_rows->len, ==, 1);
  g_assert_cmpstr (accord_case_get_number (g_ptr_array_index (accepted_rows, 0)), ==, "XF-2026-000002");

  page1 = accord_store_list_cases (db->store, NULL, 0, 0, 2, &error);
  page2 = accord_store_list_cases (db->store, NULL, accord_case_get_id (g_ptr_array_index (page1, 1)), 0, 2, &error);
  g_assert_cmpstr (accord_case_get_number (g_ptr_array_index (page1, 0)), ==, "XF-2026-000005");
  g_assert_cmpstr (accord_case_get_number (g_ptr_array_index (page2, 0)), ==, "XF-2026-000003");
  g_assert_cmpstr (accord_case_get_text (g_ptr_array_index (page2, 1), ACCORD_CASE_PETITIONER_NAMES), ==, "李建国");

  g_assert_null (accord_store_list_cases (db->store, &bad, 0, 0, 10, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
}

static void
test_search_follows_edits (AccordTestDb  *db,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;

  fill (db);
  c = accord_store_get_case (db->store, "XF-2026-000001", &error);
  accord_case_set_text (c, ACCORD_CASE_TITLE, "工程款结算问题");
  g_assert_true (accord_store_update_case (db->store, c, &error));
  g_assert_no_error (error);

  ASSERT_SEARCH (db, "工程款", "工程款结算问题");
  ASSERT_SEARCH (db, "拖欠工资问题", "");
}

static void
test_case_list_model (AccordTestDb  *db,
                      gconstpointer  data)
{
  g_autoptr(AccordCaseList) list = accord_case_list_new (db->store);
  g_autoptr(AccordCase) first = NULL;
  g_autoptr(AccordCase) last = NULL;
  AccordCaseFilter filter = { .query = "王" };

  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  fill (db);
  accord_case_list_reload (list);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), 4);
  g_assert_cmpstr (accord_case_get_number (first), ==, "XF-2026-000005");
  g_assert_cmpstr (accord_case_get_number (last), ==, "XF-2026-000001");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 5));

  accord_case_list_set_filter (list, &filter);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);

#define ADD(path, func) \
  g_test_add (path, AccordTestDb, NULL, accord_test_db_setup, func, accord_test_db_teardown)

  ADD ("/search/one-character", test_one_character);
  ADD ("/search/two-characters", test_two_characters);
  ADD ("/search/three-or-more", test_three_or_more);
  ADD ("/search/filters-and-paging", test_filters_and_paging);
  ADD ("/search/follows-edits", test_search_follows_edits);
  ADD ("/search/case-list-model", test_case_list_model);

  return g_test_run ();
}
