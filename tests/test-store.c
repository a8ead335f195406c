/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "accord-store.h"
#include "accord-validate.h"
#include "accord-test-util.h"

static const AccordPetitionerInput petitioner = {
  "张伟", "11010519491231002X", "13812345678", "北京市朝阳区建国路1号",
};

static AccordCase *
add_case (AccordStore  *store,
          const char   *title,
          GError      **error)
{
  AccordCaseInput in = { .title = title, .summary = "反映拖欠工资问题", .category = "劳动社保",
                         .channel = "visit", .received_on = "2026-03-02",
                         .petitioners = &petitioner, .n_petitioners = 1 };

  return accord_store_add_case (store, &in, error);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrate_empty (AccordTestDb  *db,
                    gconstpointer  data)
{
  const char *tables[] = { "petitioner", "case", "case_petitioner", "person", "person_role",
                           "availability", "interest", "venue", "session", "session_participant",
                           "outcome", "outcome_term", "document", "signature", "reminder_sent", "audit" };
  g_autofree char *database_id = accord_store_get_setting (db->store, "database_id", NULL);
  GStatBuf st;

  g_assert_cmpint (accord_store_get_schema_version (db->store), ==, ACCORD_STORE_SCHEMA_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (accord_test_count_rows (db->store, tables[i]), ==, 0);
  /* Only the random id of the database. */
  g_assert_cmpint (accord_test_count_rows (db->store, "setting"), ==, 1);
  g_assert_cmpint (strlen (database_id), ==, 32);

  g_assert_cmpint (g_stat (db->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_reopen_keeps_data (AccordTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = add_case (db->store, "拖欠工资问题", &error);
  g_autoptr(AccordCase) again = NULL;

  g_assert_no_error (error);
  g_clear_object (&db->store);

  db->store = accord_store_open (db->path, &error);
  g_assert_no_error (error);
  again = accord_store_get_case (db->store, accord_case_get_number (c), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accord_case_get_title (again), ==, "拖欠工资问题");
  g_assert_cmpint (accord_store_get_schema_version (db->store), ==, ACCORD_STORE_SCHEMA_VERSION);
}

static void
test_too_new (AccordTestDb  *db,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;

  g_clear_object (&db->store);
  raw_exec (db->path, "PRAGMA user_version = 99");
  store = accord_store_open (db->path, &error);
  g_assert_null (store);
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_TOO_NEW);
}

static void
test_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "junk.db", NULL);
  g_autoptr(AccordStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "this is not a database, just some text in a file", -1, NULL));
  store = accord_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_CORRUPT);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_refused_action_leaves_no_trace (AccordTestDb  *db,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) first = add_case (db->store, "第一件", &error);
  g_autoptr(AccordCase) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AccordPetitionerInput two[] = {
    { "李娜", "110101199003070011", "13912345678", NULL },
    { "王芳", "110101199003070012", "13912345679", NULL },   /* wrong check digit */
  };
  AccordCaseInput in = { .title = "集体反映问题", .category = "城乡建设", .channel = "letter",
                         .received_on = "2026-03-02", .petitioners = two, .n_petitioners = 2 };

  g_assert_no_error (error);
  g_assert_cmpstr (accord_case_get_number (first), ==, "XF-2026-000001");
  before = accord_test_dump (db->path);

  g_assert_null (accord_store_add_case (db->store, &in, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_CHECKSUM);
  g_clear_error (&error);

  /* A failure inside the transaction, after rows were written. */
  two[1].id_number = "11010519491231002X";
  g_assert_null (accord_store_add_case (db->store, &in, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
  g_clear_error (&error);

  after = accord_test_dump (db->path);
  g_assert_cmpstr (before, ==, after);

  /* Numbers stay gap-free after refusals. */
  second = add_case (db->store, "第二件", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accord_case_get_number (second), ==, "XF-2026-000002");
}

static void
test_petitioner_reused (AccordTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) a = add_case (db->store, "第一次反映", &error);
  g_autoptr(AccordCase) b = add_case (db->store, "再次反映", &error);
  AccordPetitioner *pa, *pb;

  g_assert_no_error (error);
  pa = g_ptr_array_index (accord_case_get_petitioners (a), 0);
  pb = g_ptr_array_index (accord_case_get_petitioners (b), 0);
  g_assert_cmpint (pa->id, ==, pb->id);
  g_assert_cmpstr (pb->id_number, ==, "11010519491231002X");
  g_assert_cmpint (accord_test_count_rows (db->store, "petitioner"), ==, 1);
}

static void
test_audit_chain (AccordTestDb  *db,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AccordAuditReport report;

  for (int i = 0; i < 4; i++)
    {
      g_autoptr(AccordCase) c = add_case (db->store, "拖欠工资问题", &error);
      g_assert_no_error (error);
    }

  g_assert_true (accord_store_verify_audit (db->store, &report, &error));
  g_assert_no_error (error);
  g_assert_true (report.intact);
  g_assert_cmpint (report.n_entries, ==, 4);

  raw_exec (db->path, "UPDATE audit SET actor = 'someone' WHERE id = 3");
  g_assert_true (accord_store_verify_audit (db->store, &report, &error));
  g_assert_false (report.intact);
  g_assert_cmpint (report.first_broken_id, ==, 3);
}

static void
test_audit_deleted_entry (AccordTestDb  *db,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AccordAuditReport report;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(AccordCase) c = add_case (db->store, "拖欠工资问题", &error);
      g_assert_no_error (error);
    }

  raw_exec (db->path, "DELETE FROM audit WHERE id = 2");
  g_assert_true (accord_store_verify_audit (db->store, &report, &error));
  g_assert_false (report.intact);
  g_assert_cmpint (report.first_broken_id, ==, 3);
}

static void
test_audit_has_no_personal_data (AccordTestDb  *db,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = add_case (db->store, "拖欠工资问题", &error);
  g_autofree char *dump = accord_test_dump (db->path);
  char *audit = strstr (dump, "[audit]");
  char *end;

  g_assert_no_error (error);
  g_assert_nonnull (audit);
  if ((end = strstr (audit + 1, "\n[")) != NULL)
    *end = '\0';
  g_assert_nonnull (strstr (audit, "case.add"));
  g_assert_null (strstr (audit, petitioner.id_number));
  g_assert_null (strstr (audit, petitioner.phone));
}

static void
test_stale_update (AccordTestDb  *db,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = add_case (db->store, "原标题", &error);
  g_autoptr(AccordCase) mine = accord_store_get_case (db->store, accord_case_get_number (c), &error);
  g_autoptr(AccordCase) theirs = accord_store_get_case (db->store, accord_case_get_number (c), &error);
  g_autoptr(AccordCase) reread = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  accord_case_set_text (theirs, ACCORD_CASE_TITLE, "他们的标题");
  g_assert_true (accord_store_update_case (db->store, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (accord_case_get_version (theirs), ==, 2);

  before = accord_test_dump (db->path);
  accord_case_set_text (mine, ACCORD_CASE_TITLE, "我的标题");
  g_assert_false (accord_store_update_case (db->store, mine, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_STALE);
  after = accord_test_dump (db->path);
  g_assert_cmpstr (before, ==, after);

  reread = accord_store_get_case (db->store, accord_case_get_number (c), NULL);
  g_assert_cmpstr (accord_case_get_title (reread), ==, "他们的标题");
}

static void
test_update_validates (AccordTestDb  *db,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = add_case (db->store, "原标题", &error);
  g_autoptr(GString) long_title = g_string_new (NULL);

  for (int i = 0; i < 201; i++)
    g_string_append (long_title, "长");
  accord_case_set_text (c, ACCORD_CASE_TITLE, long_title->str);
  g_assert_false (accord_store_update_case (db->store, c, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_TOO_LONG);
  g_assert_cmpint (accord_case_get_version (c), ==, 1);
}

static void
test_case_input_validation (AccordTestDb  *db,
                            gconstpointer  data)
{
  g_autofree char *before = accord_test_dump (db->path);
  g_autofree char *after = NULL;
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'a');
  AccordCaseInput base = { .title = "标题", .category = "教育", .channel = "online",
                           .received_on = "2026-03-02", .petitioners = &petitioner, .n_petitioners = 1 };
  struct { AccordCaseInput in; int code; } cases[] = {
    { base, ACCORD_VALIDATE_ERROR_REQUIRED },
    { base, ACCORD_VALIDATE_ERROR_FORMAT },
    { base, ACCORD_VALIDATE_ERROR_DATE },
    { base, ACCORD_VALIDATE_ERROR_DATE },
    { base, ACCORD_VALIDATE_ERROR_TOO_LONG },
    { base, ACCORD_VALIDATE_ERROR_ENCODING },
    { base, ACCORD_VALIDATE_ERROR_REQUIRED },
  };

  cases[0].in.title = "  ";
  cases[1].in.channel = "pigeon";
  cases[2].in.received_on = "2026-02-30";
  cases[3].in.received_on = "2099-01-01";
  cases[4].in.summary = huge;
  cases[5].in.title = "\xff\xfe bad";
  cases[6].in.n_petitioners = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_null (accord_store_add_case (db->store, &cases[i].in, &error));
      g_assert_error (error, ACCORD_VALIDATE_ERROR, cases[i].code);
    }

  after = accord_test_dump (db->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_number_pattern (AccordTestDb  *db,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;

  g_assert_false (accord_store_set_setting (db->store, "case_number_pattern", "XF-{seq}", &error));
  g_assert_error (error, ACCORD_CASE_ERROR, ACCORD_CASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (accord_store_set_setting (db->store, "case_number_pattern", "朝信〔{year}〕{seq:4}号", &error));
  g_assert_no_error (error);
  c = add_case (db->store, "标题", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accord_case_get_number (c), ==, "朝信〔2026〕0001号");
}

/* A number setting out of range or not a number is refused and leaves the
 * setting as it was. */
static void
test_number_settings (AccordTestDb  *db,
                      gconstpointer  data)
{
  const char *bad[] = { "-1", "abc", "", "3.5", "100000" };
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_true (accord_store_set_setting (db->store, "schedule.buffer_minutes", "20", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (accord_store_set_setting (db->store, "schedule.buffer_minutes", bad[i], &error));
      g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED);
      g_clear_error (&error);
    }
  value = accord_store_get_setting (db->store, "schedule.buffer_minutes", NULL);
  g_assert_cmpstr (value, ==, "20");
}

/* Time zones, the document language and the reminder times are checked. */
static void
test_other_settings (AccordTestDb  *db,
                     gconstpointer  data)
{
  static const char *refused[][2] = {
    { "time_zone", "Mars/Olympus" }, { "time_zone", "" },
    { "document_language", "fr" },
    { "reminders.lead_seconds", "" }, { "reminders.lead_seconds", "86400,abc" },
    { "reminders.lead_seconds", "10" }, { "reminders.lead_seconds", "86400,,3600" },
  };
  static const char *accepted[][2] = {
    { "time_zone", "Asia/Urumqi" }, { "document_language", "en" },
    { "reminders.lead_seconds", "172800, 3600" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;

      g_assert_false (accord_store_set_setting (db->store, refused[i][0], refused[i][1], &error));
      g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED);
      value = accord_store_get_setting (db->store, refused[i][0], NULL);
      g_assert_null (value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (accord_store_set_setting (db->store, accepted[i][0], accepted[i][1], &error));
      g_assert_no_error (error);
    }
}

static void
test_people_and_venues (AccordTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *roles[] = { "lawyer", "mediator", NULL };
  const char *bad_roles[] = { "wizard", NULL };
  AccordPersonInput in = { "王芳", roles, "北京市正言律师事务所", "13912345678" };
  g_autoptr(AccordPerson) person = accord_store_add_person (db->store, &in, &error);
  g_autoptr(AccordVenue) venue = NULL;
  g_autoptr(GPtrArray) mediators = NULL;
  g_autoptr(GPtrArray) deputies = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_strv_length (person->roles), ==, 2);

  in.roles = bad_roles;
  g_assert_null (accord_store_add_person (db->store, &in, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
  g_clear_error (&error);

  mediators = accord_store_list_persons (db->store, "mediator", &error);
  deputies = accord_store_list_persons (db->store, "npc_deputy", &error);
  g_assert_cmpint (mediators->len, ==, 1);
  g_assert_cmpint (deputies->len, ==, 0);

  venue = accord_store_add_venue (db->store, "一号听证室", 40, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (venue->capacity, ==, 40);
  g_assert_null (accord_store_add_venue (db->store, "一号听证室", 20, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (accord_store_add_venue (db->store, "二号", 0, NULL, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
  g_assert_cmpint (accord_test_count_rows (db->store, "venue"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);

#define ADD(path, func) \
  g_test_add (path, AccordTestDb, NULL, accord_test_db_setup, func, accord_test_db_teardown)

  ADD ("/store/migrate-empty", test_migrate_empty);
  ADD ("/store/reopen", test_reopen_keeps_data);
  ADD ("/store/too-new", test_too_new);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  ADD ("/store/rollback", test_refused_action_leaves_no_trace);
  ADD ("/store/petitioner-reused", test_petitioner_reused);
  ADD ("/store/audit-chain", test_audit_chain);
  ADD ("/store/audit-deleted", test_audit_deleted_entry);
  ADD ("/store/audit-private", test_audit_has_no_personal_data);
  ADD ("/store/stale", test_stale_update);
  ADD ("/store/update-validates", test_update_validates);
  ADD ("/store/validation", test_case_input_validation);
  ADD ("/store/number-pattern", test_number_pattern);
  ADD ("/store/number-settings", test_number_settings);
  ADD ("/store/other-settings", test_other_settings);
  ADD ("/store/people-venues", test_people_and_venues);

  return g_test_run ();
}
