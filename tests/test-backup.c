/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-backup"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "accord-backup.h"
#include "accord-doc-render.h"
#include "accord-documents.h"
#include "accord-seed.h"
#include "accord-test-util.h"

#define TODAY "2026-11-20"

/* The tables that hold the bureau's records, compared row by row. */
static const char *record_tables[] = {
  "case", "petitioner", "case_petitioner", "person", "venue", "session",
  "session_participant", "document",
};

/* Helpers */

/* The demo bureau, and one issued document: a hearing notice of the first
 * hearing that can have one. */
static void
seed (AccordTestDb *db)
{
  AccordSeedOptions options = { 60, 20, 3, 30 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gboolean issued = FALSE;

  accord_seed (db->store, &options, &error);
  g_assert_no_error (error);
  sessions = accord_store_list_sessions (db->store, 0, G_MAXINT64, 0, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < sessions->len && !issued; i++)
    {
      AccordSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(AccordDocument) document = NULL;

      if (!g_str_equal (session->kind, "hearing"))
        continue;
      document = accord_store_issue_document (db->store, "hearing_notice", session->case_number, session->id,
                                              accord_doc_render, NULL, NULL);
      issued = document != NULL;
    }
  g_assert_true (issued);
}

static char *
dump_table (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", table);
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s\x1f", (const char *) sqlite3_column_text (stmt, i) ?: "NULL");
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static void
assert_same_records (const char *a,
                     const char *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
    {
      g_autofree char *x = dump_table (a, record_tables[i]);
      g_autofree char *y = dump_table (b, record_tables[i]);

      g_assert_cmpstr (x, ==, y);
    }
}

static void
assert_private_file (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
assert_audit_intact (AccordStore *store,
                     gint64       n_entries)
{
  g_autoptr(GError) error = NULL;
  AccordAuditReport report;

  g_assert_true (accord_store_verify_audit (store, &report, &error));
  g_assert_no_error (error);
  g_assert_true (report.intact);
  if (n_entries >= 0)
    g_assert_cmpint (report.n_entries, ==, n_entries);
}

static char *
last_audit_action (const char *path)
{
  g_autofree char *audit = dump_table (path, "audit");
  g_auto(GStrv) rows = g_strsplit (g_strchomp (audit), "\n", -1);
  g_auto(GStrv) fields = g_strsplit (rows[g_strv_length (rows) - 1], "\x1f", -1);

  return g_strdup (fields[3]);
}

static guint
count_files (const char *folder,
             const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, prefix);

  return n;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
backup_of (AccordTestDb *db,
           const char   *name)
{
  g_autofree char *path = g_build_filename (db->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_backup_to_file (db->store, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
add_case (AccordStore *store,
          const char  *title)
{
  static const AccordPetitionerInput petitioner = { "李娜", "440305198807150015", "13987654321", "深圳市南山区科技园1号" };
  AccordCaseInput in = { .title = title, .category = "其他", .channel = "letter",
                         .petitioners = &petitioner, .n_petitioners = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = accord_store_add_case (store, &in, &error);

  g_assert_no_error (error);
}

/* Tests */

/* A backup taken while the store is open holds every record of the moment
 * it was taken, as one file readable by its owner only. */
static void
test_backup_open_store (AccordTestDb  *db,
                        gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *action = NULL;
  g_autoptr(AccordStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_audit;

  seed (db);
  n_audit = accord_test_count_rows (db->store, "audit");
  before = accord_test_dump (db->path);
  g_assert_cmpint (accord_backup_get_last (db->store), ==, 0);

  path = backup_of (db, "copy.db");
  assert_private_file (path);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (db->dir, ".accord-backup-"), ==, 0);
  {
    g_autofree char *dumped = accord_test_dump (path);

    g_assert_cmpstr (dumped, ==, before);
  }

  /* The store notes the backup after it; the copy does not. */
  g_assert_cmpint (accord_test_count_rows (db->store, "audit"), ==, n_audit + 1);
  action = last_audit_action (db->path);
  g_assert_cmpstr (action, ==, "backup.make");
  g_assert_cmpint (accord_backup_get_last (db->store), >, 0);
  assert_audit_intact (db->store, n_audit + 1);

  /* Never over the database itself. */
  g_assert_false (accord_backup_to_file (db->store, db->path, &error));
  g_assert_error (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (accord_test_count_rows (db->store, "audit"), ==, n_audit + 1);

  copy = accord_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (accord_test_count_rows (copy, "case"), ==, 60);
  g_assert_cmpint (accord_test_count_rows (copy, "session"), ==, accord_test_count_rows (db->store, "session"));
  g_assert_cmpint (accord_test_count_rows (copy, "session"), >, 0);
  g_assert_cmpint (accord_test_count_rows (copy, "document"), ==, 1);
  assert_audit_intact (copy, n_audit);
}

/* Daily backups are named by the date and only the newest seven stay. */
static void
test_rotation (AccordTestDb  *db,
               gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (db->dir, "backups", NULL);
  g_autofree char *stored = accord_backup_get_folder (db->store);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (stored, ==, folder);
  add_case (db->store, "轮换");

  for (int day = 1; day <= 9; day++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02d", day);
      g_autofree char *path = accord_backup_now (db->store, date, &error);
      g_autofree char *name = accord_backup_daily_name (date);

      g_assert_no_error (error);
      g_assert_true (g_str_has_suffix (path, name));
      assert_private_file (path);
    }

  list = accord_backup_list (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, ACCORD_BACKUP_KEEP);
  g_assert_cmpuint (count_files (folder, "accord-"), ==, 7);
  for (int day = 1; day <= 9; day++)
    {
      g_autofree char *name = g_strdup_printf ("accord-2026-11-%02d.db", day);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, day > 2);
    }
  for (guint i = 0; i < list->len; i++)
    {
      AccordBackupInfo *info = g_ptr_array_index (list, i);

      g_assert_nonnull (info->date);
      g_assert_cmpint (info->size, >, 0);
    }
}

/* The automatic backup is made once a day, and the oldest goes. */
static void
test_auto (AccordTestDb  *db,
           gconstpointer  data)
{
  g_autofree char *other = g_build_filename (db->dir, "elsewhere", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *next = NULL;
  g_autofree char *folder = NULL;

  g_assert_true (accord_store_set_setting (db->store, "backup.folder", other, &error));
  g_assert_no_error (error);
  folder = accord_backup_get_folder (db->store);
  g_assert_cmpstr (folder, ==, other);

  first = accord_backup_auto (db->store, "2026-11-20", &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (first, other));
  again = accord_backup_auto (db->store, "2026-11-20", &error);
  g_assert_no_error (error);
  g_assert_null (again);

  for (int day = 21; day <= 28; day++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02d", day);

      g_free (next);
      next = accord_backup_auto (db->store, date, &error);
      g_assert_no_error (error);
      g_assert_nonnull (next);
    }
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (other, "accord-"), ==, ACCORD_BACKUP_KEEP);
}

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
backup_async (AccordStore  *store,
              const char   *today,
              GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  accord_backup_now_async (store, today, TRUE, NULL, on_backup_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return accord_backup_now_finish (store, result, error);
}

/* The window's backup: the copy in a thread, the rest as the plain one. */
static void
test_async (AccordTestDb  *db,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *action = NULL;

  seed (db);
  before = accord_test_dump (db->path);
  path = backup_async (db->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  assert_private_file (path);
  {
    g_autofree char *dumped = accord_test_dump (path);

    g_assert_cmpstr (dumped, ==, before);
  }
  action = last_audit_action (db->path);
  g_assert_cmpstr (action, ==, "backup.make");

  again = backup_async (db->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_null (again);
}

/* The plain restore, or the window's: the checks and copies in a thread,
 * the rest as the plain one. */
static gboolean
restore (AccordStore  *store,
         const char   *path,
         char        **kept,
         gboolean      in_thread,
         GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (!in_thread)
    return accord_backup_restore (store, path, kept, error);

  accord_backup_restore_async (store, path, NULL, on_backup_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return accord_backup_restore_finish (store, result, kept, error);
}

/* A restore replaces the records with the backup's, keeps the replaced
 * ones, and continues the backup's audit chain with an entry of its own;
 * another connection to the database sees the restored records. */
static void
test_restore (AccordTestDb  *db,
              gconstpointer  data)
{
  g_autoptr(AccordStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *action = NULL;
  g_autofree char *folder = NULL;
  AccordCaseFilter all = { 0 };
  gint64 n_audit;

  seed (db);
  other = accord_store_open (db->path, &error);
  g_assert_no_error (error);
  backup = accord_backup_now (db->store, TODAY, &error);
  g_assert_no_error (error);
  n_audit = accord_test_count_rows (db->store, "audit") - 1;

  add_case (db->store, "备份之后登记的事项");
  g_assert_cmpint (accord_store_count_cases (other, &all, NULL), ==, 61);

  g_assert_true (restore (db->store, backup, &kept, GPOINTER_TO_INT (data), &error));
  g_assert_no_error (error);
  assert_same_records (backup, db->path);
  g_assert_cmpint (accord_store_count_cases (db->store, &all, NULL), ==, 60);
  g_assert_cmpint (accord_store_count_cases (other, &all, NULL), ==, 60);

  assert_private_file (kept);
  folder = accord_backup_get_folder (db->store);
  g_assert_true (g_str_has_prefix (kept, folder));
  g_assert_cmpint (accord_test_count_rows (db->store, "audit"), ==, n_audit + 1);
  action = last_audit_action (db->path);
  g_assert_cmpstr (action, ==, "backup.restore");
  assert_audit_intact (db->store, n_audit + 1);
  assert_audit_intact (other, n_audit + 1);

  /* The copy kept holds what was replaced, the case registered last too. */
  {
    g_autoptr(AccordStore) previous = accord_store_open (kept, &error);

    g_assert_no_error (error);
    g_assert_cmpint (accord_store_count_cases (previous, &all, NULL), ==, 61);
  }

  /* The restored database is still written normally. */
  add_case (db->store, "恢复之后登记的事项");
  g_assert_cmpint (accord_store_count_cases (other, &all, NULL), ==, 61);
}

static void
assert_refused (AccordTestDb *db,
                const char   *path,
                int           code,
                gboolean      in_thread)
{
  g_autofree char *before = accord_test_dump (db->path);
  g_autofree char *after = NULL;
  g_autofree char *folder = accord_backup_get_folder (db->store);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (accord_backup_check (path, &error));
  g_assert_error (error, ACCORD_BACKUP_ERROR, code);
  g_clear_error (&error);

  g_assert_false (restore (db->store, path, &kept, in_thread, &error));
  g_assert_error (error, ACCORD_BACKUP_ERROR, code);
  g_assert_null (kept);
  g_assert_nonnull (strstr (error->message, "nothing was changed"));

  after = accord_test_dump (db->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_files (folder, "accord-before-restore-"), ==, 0);
}

/* Not a database, a truncated backup, a database that is not Accord's and
 * one from a newer Accord are refused and change nothing. */
static void
test_restore_refused (AccordTestDb  *db,
                      gconstpointer  data)
{
  g_autofree char *text = g_build_filename (db->dir, "notes.db", NULL);
  g_autofree char *missing = g_build_filename (db->dir, "missing.db", NULL);
  g_autofree char *foreign = g_build_filename (db->dir, "foreign.db", NULL);
  g_autofree char *good = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gboolean in_thread = GPOINTER_TO_INT (data);
  gsize length;

  seed (db);
  good = backup_of (db, "good.db");
  truncated = backup_of (db, "truncated.db");
  newer = backup_of (db, "newer.db");

  g_assert_true (g_file_set_contents (text, "这不是数据库\n", -1, &error));
  assert_refused (db, text, ACCORD_BACKUP_ERROR_INVALID, in_thread);

  g_assert_true (g_file_get_contents (good, &contents, &length, &error));
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, &error));
  assert_refused (db, truncated, ACCORD_BACKUP_ERROR_INVALID, in_thread);

  exec_sql (foreign, "CREATE TABLE notes (text TEXT); PRAGMA user_version = 1;");
  assert_refused (db, foreign, ACCORD_BACKUP_ERROR_INVALID, in_thread);

  exec_sql (newer, "PRAGMA user_version = 99;");
  assert_refused (db, newer, ACCORD_BACKUP_ERROR_TOO_NEW, in_thread);

  assert_refused (db, missing, ACCORD_BACKUP_ERROR_FAILED, in_thread);

  /* The database itself passes the check, but is no backup. */
  g_assert_false (restore (db->store, db->path, NULL, in_thread, &error));
  g_assert_error (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (accord_backup_check (good, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("ACCORD_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ((path), AccordTestDb, (data), accord_test_db_setup, (func), accord_test_db_teardown)

  ADD ("/backup/open-store", test_backup_open_store, NULL);
  ADD ("/backup/rotation", test_rotation, NULL);
  ADD ("/backup/auto", test_auto, NULL);
  ADD ("/backup/async", test_async, NULL);
  ADD ("/backup/restore", test_restore, GINT_TO_POINTER (FALSE));
  ADD ("/backup/restore-refused", test_restore_refused, GINT_TO_POINTER (FALSE));
  ADD ("/backup/restore-in-thread", test_restore, GINT_TO_POINTER (TRUE));
  ADD ("/backup/restore-in-thread-refused", test_restore_refused, GINT_TO_POINTER (TRUE));

#undef ADD

  return g_test_run ();
}
