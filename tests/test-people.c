/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-people"

#include "accord-seed.h"
#include "accord-store.h"
#include "accord-validate.h"
#include "accord-test-util.h"

static const AccordPetitionerInput petitioners[] = {
  { "张伟", "11010519491231002X", "13812345678", "北京市朝阳区建国路1号" },
  { "李娜", "110105194912310038", "13912345678", NULL },
};

static gint64
add_person (AccordStore *store,
            const char  *name)
{
  const char *roles[] = { "lawyer", NULL };
  AccordPersonInput in = { name, roles, "某律师事务所", "13800000000" };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPerson) p = accord_store_add_person (store, &in, &error);

  g_assert_no_error (error);
  return p->id;
}

static AccordCase *
add_case (AccordStore *store)
{
  AccordCaseInput in = { .title = "拖欠工资", .summary = "反映拖欠工资问题", .category = "劳动社保",
                         .channel = "visit", .received_on = "2026-03-02",
                         .petitioners = petitioners, .n_petitioners = 2 };
  g_autoptr(GError) error = NULL;
  AccordCase *c = accord_store_add_case (store, &in, &error);

  g_assert_no_error (error);
  return c;
}

static void
test_weekly_round_trip (AccordTestDb  *db,
                        gconstpointer  data)
{
  gint64 id = add_person (db->store, "王芳");
  AccordWeeklySlot slots[] = { { 3, 14 * 60, 17 * 60 }, { 1, 8 * 60 + 30, 12 * 60 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) read = NULL;
  AccordWeeklySlot *first;

  read = accord_store_get_weekly_availability (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 0);
  g_clear_pointer (&read, g_array_unref);

  g_assert_true (accord_store_set_weekly_availability (db->store, id, slots, 2, &error));
  read = accord_store_get_weekly_availability (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);
  /* In order of weekday, whatever order they were given in. */
  first = &g_array_index (read, AccordWeeklySlot, 0);
  g_assert_cmpint (first->weekday, ==, 1);
  g_assert_cmpint (first->start_minute, ==, 8 * 60 + 30);
  g_assert_cmpint (first->end_minute, ==, 12 * 60);
  g_assert_cmpint (g_array_index (read, AccordWeeklySlot, 1).weekday, ==, 3);
}

static void
test_weekly_unknown_person (AccordTestDb  *db,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (accord_store_get_weekly_availability (db->store, 42, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
}

static void
test_absences_list_and_delete (AccordTestDb  *db,
                               gconstpointer  data)
{
  gint64 id = add_person (db->store, "王芳");
  gint64 other = add_person (db->store, "李建国");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AccordPersonAbsence *a;

  g_assert_true (accord_store_add_absence (db->store, id, 5000, 6000, "出差", &error));
  g_assert_true (accord_store_add_absence (db->store, id, 1000, 2000, "年假", &error));
  g_assert_true (accord_store_add_absence (db->store, other, 1000, 9000, "病假", &error));

  list = accord_store_list_absences (db->store, id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpint (a->starts_at, ==, 1000);
  g_assert_cmpint (a->ends_at, ==, 2000);
  g_assert_cmpstr (a->reason, ==, "年假");
  g_assert_cmpint (a->person_id, ==, id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Past absences are left out from @since on. */
  list = accord_store_list_absences (db->store, id, 2000, &error);
  g_assert_cmpuint (list->len, ==, 1);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpstr (a->reason, ==, "出差");

  g_assert_true (accord_store_delete_absence (db->store, a->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = accord_store_list_absences (db->store, id, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((AccordPersonAbsence *) g_ptr_array_index (list, 0))->reason, ==, "年假");
  g_assert_cmpint (accord_test_count_rows (db->store, "availability"), ==, 2);
}

static void
test_absence_delete_missing (AccordTestDb  *db,
                             gconstpointer  data)
{
  gint64 id = add_person (db->store, "王芳");
  AccordWeeklySlot slot = { 1, 480, 720 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weekly = NULL;
  gint64 audit_before;

  /* A weekly row is not an absence: deleting its id must not touch it. */
  g_assert_true (accord_store_set_weekly_availability (db->store, id, &slot, 1, &error));
  audit_before = accord_test_count_rows (db->store, "audit");
  g_assert_false (accord_store_delete_absence (db->store, 1, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (accord_test_count_rows (db->store, "audit"), ==, audit_before);
  weekly = accord_store_get_weekly_availability (db->store, id, NULL);
  g_assert_cmpuint (weekly->len, ==, 1);
}

static void
test_interests_list_and_delete (AccordTestDb  *db,
                                gconstpointer  data)
{
  gint64 id = add_person (db->store, "王芳");
  g_autoptr(AccordCase) c = add_case (db->store);
  AccordPetitioner *second = g_ptr_array_index (accord_case_get_petitioners (c), 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AccordInterest *i;

  g_assert_true (accord_store_add_interest (db->store, id, accord_case_get_number (c), 0, "曾代理该案", &error));
  g_assert_true (accord_store_add_interest (db->store, id, NULL, second->id, "亲属", &error));
  g_assert_no_error (error);

  list = accord_store_list_interests (db->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  i = g_ptr_array_index (list, 0);
  g_assert_cmpstr (i->case_number, ==, accord_case_get_number (c));
  g_assert_cmpint (i->case_id, ==, accord_case_get_id (c));
  g_assert_cmpint (i->petitioner_id, ==, 0);
  g_assert_null (i->petitioner_name);
  g_assert_cmpstr (i->note, ==, "曾代理该案");
  i = g_ptr_array_index (list, 1);
  g_assert_null (i->case_number);
  g_assert_cmpint (i->petitioner_id, ==, second->id);
  g_assert_cmpstr (i->petitioner_name, ==, "李娜");

  g_assert_true (accord_store_delete_interest (db->store, i->id, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = accord_store_list_interests (db->store, id, &error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_false (accord_store_delete_interest (db->store, 999, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
}

/* The count agrees with the sessions listed for the person, cancelled
 * ones left out. */
static void
test_count_person_sessions (AccordTestDb  *db,
                            gconstpointer  data)
{
  AccordSeedOptions options = { 20, 12, 3, 80, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gint64 from = 0, to = G_MAXINT32;
  guint busiest = 0;

  g_assert_true (accord_seed (db->store, &options, &error));
  people = accord_store_list_persons (db->store, NULL, &error);
  for (guint p = 0; p < people->len; p++)
    {
      AccordPerson *person = g_ptr_array_index (people, p);
      g_autoptr(GPtrArray) sessions = accord_store_list_sessions (db->store, from, to, person->id, 0, &error);
      gint64 expected = 0;

      g_assert_no_error (error);
      for (guint s = 0; s < sessions->len; s++)
        expected += g_strcmp0 (((AccordSession *) g_ptr_array_index (sessions, s))->status, "cancelled") != 0;
      g_assert_cmpint (accord_store_count_person_sessions (db->store, person->id, from, to, &error), ==, expected);
      g_assert_no_error (error);
      busiest = MAX (busiest, expected);
    }
  g_assert_cmpuint (busiest, >, 0);
  g_assert_cmpint (accord_store_count_person_sessions (db->store, 1, 0, 1, &error), ==, 0);
}

static void
test_person_active (AccordTestDb  *db,
                    gconstpointer  data)
{
  gint64 id = add_person (db->store, "王芳");
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPerson) p = NULL;

  g_assert_true (accord_store_set_person_active (db->store, id, FALSE, &error));
  g_assert_no_error (error);
  p = accord_store_get_person (db->store, id, &error);
  g_assert_false (p->active);
  g_assert_cmpint (p->version, ==, 2);
  g_clear_pointer (&p, accord_person_free);

  g_assert_true (accord_store_set_person_active (db->store, id, TRUE, &error));
  p = accord_store_get_person (db->store, id, &error);
  g_assert_true (p->active);

  g_assert_false (accord_store_set_person_active (db->store, 999, FALSE, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, AccordTestDb, NULL, accord_test_db_setup, func, accord_test_db_teardown)

  ADD ("/people/weekly/round-trip", test_weekly_round_trip);
  ADD ("/people/weekly/unknown-person", test_weekly_unknown_person);
  ADD ("/people/absences/list-and-delete", test_absences_list_and_delete);
  ADD ("/people/absences/delete-missing", test_absence_delete_missing);
  ADD ("/people/interests/list-and-delete", test_interests_list_and_delete);
  ADD ("/people/load/count", test_count_person_sessions);
  ADD ("/people/active", test_person_active);

#undef ADD

  return g_test_run ();
}
