/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-seed"

#include "accord-case-list.h"
#include "accord-enums.h"
#include "accord-seed.h"
#include "accord-validate.h"
#include "accord-test-util.h"

static void
seed (AccordTestDb *db,
      guint         n_cases,
      guint32       s)
{
  g_autoptr(GError) error = NULL;
  AccordSeedOptions options = { n_cases, ACCORD_SEED_DEFAULT_PEOPLE, s, n_cases / 2 };

  accord_seed (db->store, &options, &error);
  g_assert_no_error (error);
}

static void
test_every_state_and_role (AccordTestDb  *db,
                           gconstpointer  data)
{
  const char * const *statuses = accord_vocab_codes (ACCORD_VOCAB_CASE_STATUS);
  const char * const *roles = accord_vocab_codes (ACCORD_VOCAB_PERSON_ROLE);
  g_autoptr(GPtrArray) venues = NULL;

  seed (db, 400, 1);
  g_assert_cmpint (accord_test_count_rows (db->store, "case"), ==, 400);
  g_assert_cmpint (accord_test_count_rows (db->store, "person"), ==, ACCORD_SEED_DEFAULT_PEOPLE);

  for (guint i = 0; statuses[i] != NULL; i++)
    {
      AccordCaseFilter filter = { .status = statuses[i] };
      g_assert_cmpint (accord_store_count_cases (db->store, &filter, NULL), >, 0);
    }
  for (guint i = 0; roles[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) people = accord_store_list_persons (db->store, roles[i], NULL);
      g_assert_cmpint (people->len, >, 0);
    }

  venues = accord_store_list_venues (db->store, NULL);
  g_assert_cmpint (venues->len, ==, 3);
}

/* Every seeded case must be one the workflow could have produced. */
static void
test_consistent_cases (AccordTestDb  *db,
                       gconstpointer  data)
{
  g_autoptr(AccordCaseList) list = NULL;
  g_autofree char *today = accord_today ();
  guint n;

  seed (db, 300, 5);
  list = accord_case_list_new (db->store);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpint (n, ==, 300);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordCase) c = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(AccordCase) full = accord_store_get_case (db->store, accord_case_get_number (c), NULL);
      const char *status = accord_case_get_status (c);
      const char *received = accord_case_get_text (c, ACCORD_CASE_RECEIVED_ON);
      GPtrArray *petitioners = accord_case_get_petitioners (full);

      g_assert_cmpstr (received, <=, today);
      g_assert_cmpint (petitioners->len, >=, 1);
      for (guint k = 0; k < petitioners->len; k++)
        {
          AccordPetitioner *p = g_ptr_array_index (petitioners, k);
          g_autoptr(GError) error = NULL;
          accord_validate_id_number (p->id_number, &error);
          g_assert_no_error (error);
          accord_validate_phone (p->phone, &error);
          g_assert_no_error (error);
        }

      if (g_str_equal (status, "declined"))
        g_assert_nonnull (accord_case_get_text (c, ACCORD_CASE_DECLINE_REASON));
      if (g_strv_contains ((const char *[]) { "replied", "review", "reviewed", "re_review", "terminated", NULL }, status))
        {
          g_assert_nonnull (accord_case_get_text (c, ACCORD_CASE_REPLIED_ON));
          g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_ACCEPTED_ON), >=, received);
          g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_REPLIED_ON), >=,
                           accord_case_get_text (c, ACCORD_CASE_ACCEPTED_ON));
        }
      if (accord_case_get_text (c, ACCORD_CASE_EVALUATION) != NULL)
        g_assert_true (g_strv_contains ((const char *[]) { "replied", "reviewed", "terminated", NULL }, status));
    }
}

static void
test_gap_free_numbers (AccordTestDb  *db,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const AccordPetitionerInput p = { "赵敏", "11010119900307002X", "13512345678", NULL };
  AccordCaseInput in = { .title = "新登记", .category = "其他", .channel = "phone",
                         .received_on = "2026-11-19", .petitioners = &p, .n_petitioners = 1 };
  AccordCaseFilter this_year = { .query = "XF-2026-" };
  g_autoptr(AccordCase) c = NULL;
  g_autofree char *expected = NULL;
  gint64 n_2026;

  seed (db, 250, 3);
  n_2026 = accord_store_count_cases (db->store, &this_year, NULL);
  g_assert_cmpint (n_2026, >, 0);

  c = accord_store_add_case (db->store, &in, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("XF-2026-%06" G_GINT64_FORMAT, n_2026 + 1);
  g_assert_cmpstr (accord_case_get_number (c), ==, expected);
}

static void
drop_section (char       *dump,
              const char *name)
{
  char *start = strstr (dump, name);
  char *rest;

  if (start == NULL)
    return;
  if ((rest = strstr (start, "\n[")) == NULL)
    *start = '\0';
  else
    memmove (start, rest + 1, strlen (rest + 1) + 1);
}

static char *
seeded_dump (guint32 s)
{
  AccordTestDb db = { 0 };
  char *dump;

  accord_test_db_setup (&db, NULL);
  seed (&db, 120, s);
  dump = accord_test_dump (db.path);
  accord_test_db_teardown (&db, NULL);

  /* The time of seeding and the database's random id are not data. */
  drop_section (dump, "[audit]");
  drop_section (dump, "[setting]");
  return dump;
}

static void
test_deterministic (void)
{
  g_autofree char *a = seeded_dump (42);
  g_autofree char *b = seeded_dump (42);
  g_autofree char *c = seeded_dump (43);

  /* Not g_assert_cmpstr: a mismatch would print megabytes. */
  g_assert_true (g_str_equal (a, b));
  g_assert_false (g_str_equal (a, c));
  g_assert_nonnull (strstr (a, "XF-2026-"));
}

static void
test_refuses_non_empty (AccordTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AccordSeedOptions options = { 10, 5, 1 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AccordAuditReport report;

  seed (db, 10, 1);
  before = accord_test_dump (db->path);
  g_assert_false (accord_seed (db->store, &options, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED);
  after = accord_test_dump (db->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (accord_store_verify_audit (db->store, &report, NULL));
  g_assert_true (report.intact);
  g_assert_cmpint (report.n_entries, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);

#define ADD(path, func) \
  g_test_add (path, AccordTestDb, NULL, accord_test_db_setup, func, accord_test_db_teardown)

  ADD ("/seed/every-state-and-role", test_every_state_and_role);
  ADD ("/seed/consistent", test_consistent_cases);
  ADD ("/seed/gap-free", test_gap_free_numbers);
  g_test_add_func ("/seed/deterministic", test_deterministic);
  ADD ("/seed/refuses-non-empty", test_refuses_non_empty);

  return g_test_run ();
}
