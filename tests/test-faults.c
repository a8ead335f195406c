/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-faults"

/* Faults a bureau's computer meets: accord-cli killed with SIGKILL in the
 * middle of a write, two programs writing at once, a read-only file or
 * folder, a full disk.  Every test uses real processes and real database
 * files; afterwards the file must pass SQLite's integrity check and the
 * audit chain must verify, and nothing may be half-written. */

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "accord-import.h"
#include "accord-store.h"
#include "accord-store-private.h"
#include "accord-validate.h"
#include "accord-test-util.h"

#define STROKES "[[{\"x\":0.1,\"y\":0.5,\"p\":0.5,\"t\":0},{\"x\":0.9,\"y\":0.5,\"p\":0.7,\"t\":120}]]"
#define N_IMPORTED 2000
#define N_WRITES 50
#define NOBODY 65534

/* Helpers --------------------------------------------------------------- */

static char **
cli_environment (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "ACCORD_TODAY", ACCORD_TEST_CLI_TODAY, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  return g_environ_unsetenv (envp, "ACCORD_DB");
}

static GPtrArray *
cli_argv (const char         *db,
          const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("ACCORD_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* Starts accord-cli on @db without waiting for it. */
static GPid
spawn_cli_argv (const char         *db,
                const char * const *args)
{
  g_autoptr(GPtrArray) argv = cli_argv (db, args);
  g_auto(GStrv) envp = cli_environment ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async (NULL, (char **) argv->pdata, envp,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

#define spawn_cli(db, ...) spawn_cli_argv ((db), (const char * const []) { __VA_ARGS__, NULL })

/* The child as someone who is not root, so that file modes apply to it. */
static void
drop_root_cb (gpointer data)
{
  if (geteuid () == 0 && (setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
    _exit (125);
}

/* Runs accord-cli on @db to its end; the exit status, its output in @out
 * and @err (nullable). */
static int
run_cli_argv (const char           *db,
              GSpawnChildSetupFunc  child_setup,
              gpointer              setup_data,
              char                **out,
              char              **err,
              const char * const *args)
{
  g_autoptr(GPtrArray) argv = cli_argv (db, args);
  g_auto(GStrv) envp = cli_environment ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                child_setup, setup_data, &stdout_text, &stderr_text, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  if (out != NULL)
    *out = g_strstrip (g_steal_pointer (&stdout_text));
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return WEXITSTATUS (status);
}

#define run_cli(db, out, err, ...) \
  run_cli_argv ((db), NULL, NULL, (out), (err), (const char * const []) { __VA_ARGS__, NULL })
#define run_cli_as_nobody(db, out, err, ...) \
  run_cli_argv ((db), drop_root_cb, NULL, (out), (err), (const char * const []) { __VA_ARGS__, NULL })

static char *
run_ok_argv (const char         *db,
             const char * const *args)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = run_cli_argv (db, NULL, NULL, &out, &err, args);

  if (status != 0)
    g_test_message ("accord-cli %s: %s", args[0], err);
  g_assert_cmpint (status, ==, 0);
  return out;
}

#define run_ok(db, ...) run_ok_argv ((db), (const char * const []) { __VA_ARGS__, NULL })

/* SIGKILL, unless it has already finished; TRUE if it was killed. */
static gboolean
kill_child (GPid     pid,
            gboolean finished)
{
  int status = 0;

  if (finished)
    {
      g_spawn_close_pid (pid);
      return FALSE;
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (WIFEXITED (status))
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return WIFSIGNALED (status);
}

/* Whether the child still runs; when it has ended, it is reaped and
 * *@finished set. */
static gboolean
child_running (GPid      pid,
               gboolean *finished)
{
  int status = 0;
  pid_t got = waitpid (pid, &status, WNOHANG);

  if (got == 0)
    return TRUE;
  g_assert_cmpint (got, ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  *finished = TRUE;
  return FALSE;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

/* A raw connection, as another program would open the file after the
 * crash: it recovers the WAL. */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  return db;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
assert_audit_verifies (const char *path)
{
  g_autofree char *out = run_ok (path, "audit", "verify");

  g_assert_nonnull (strstr (out, "intact"));
}

/* The numbers of every year run 1…n with no gap and no duplicate. */
static void
assert_case_numbers_dense (const char *path)
{
  g_assert_cmpint (query_int (path, "SELECT count (DISTINCT number) FROM \"case\""), ==,
                   query_int (path, "SELECT count (*) FROM \"case\""));
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM (SELECT year FROM \"case\" GROUP BY year "
                                    "HAVING max (seq) <> count (*) OR min (seq) <> 1)"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM case_number_counter k "
                                    "WHERE k.last <> (SELECT count (*) FROM \"case\" c WHERE c.year = k.year)"), ==, 0);
}

static char *
make_id_number (guint n)
{
  g_autofree char *first17 = g_strdup_printf ("1101051980%02u%02u%03u", 1 + n / 28000 % 12, 1 + n / 1000 % 28, n % 1000);

  return g_strdup_printf ("%s%c", first17, accord_id_number_check_char (first17));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* How long to let the child run before the kill: spread over what the
 * operation takes, with a random part (reproducible with --seed). */
static gulong
delay_us (guint round,
          gulong step_us)
{
  return round * step_us + g_test_rand_int_range (0, step_us);
}

/* Killed while importing ---------------------------------------------- */

static void
test_kill_import (AccordTestCli *cli,
                  gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("title,category,channel,petitioner_name,petitioner_id_number,petitioner_phone\n");
  g_autofree char *file = NULL;
  g_autofree char *wal = g_strconcat (cli->db, "-wal", NULL);
  guint n_killed = 0, n_whole = 0;

  for (guint i = 0; i < N_IMPORTED; i++)
    {
      g_autofree char *id_number = make_id_number (i);

      g_string_append_printf (csv, "导入案件 %u,劳动社保,visit,信访人%u,%s,13800000000\n", i, i, id_number);
    }
  file = write_file (cli->dir, "cases.csv", csv->str);

  for (guint round = 0; round < 8; round++)
    {
      gint64 cases_before = query_int (cli->db, "SELECT count (*) FROM \"case\"");
      gint64 audit_before = query_int (cli->db, "SELECT count (*) FROM audit");
      gint64 cases_after, added;
      GPid pid = spawn_cli (cli->db, "case", "import", file);
      gboolean finished = FALSE;

      if (round == 7)
        {
          /* The commit writes the transaction's pages to the WAL: kill it
           * while the WAL grows. */
          g_assert_cmpint (file_size (wal), <=, 0);
          while (child_running (pid, &finished) && file_size (wal) < 64 * 1024)
            g_usleep (500);
        }
      else
        g_usleep (delay_us (round, 400000));

      if (kill_child (pid, finished))
        n_killed++;
      else
        n_whole++;

      assert_integrity (cli->db);
      cases_after = query_int (cli->db, "SELECT count (*) FROM \"case\"");
      added = cases_after - cases_before;
      g_test_message ("round %u: %" G_GINT64_FORMAT " cases added", round, added);
      g_assert_true (added == 0 || added == N_IMPORTED);
      g_assert_cmpint (query_int (cli->db, "SELECT count (*) FROM audit") - audit_before, ==, added);
      g_assert_cmpint (query_int (cli->db, "SELECT count (*) FROM case_petitioner"), ==, cases_after);
      g_assert_cmpint (query_int (cli->db, "SELECT count (*) FROM case_search"), ==, cases_after);
      g_assert_cmpint (query_int (cli->db, "SELECT count (*) FROM \"case\" WHERE next_due IS NULL"), ==, 0);
      assert_case_numbers_dense (cli->db);
      assert_audit_verifies (cli->db);
    }

  g_test_message ("%u imports killed, %u finished before the kill", n_killed, n_whole);
  /* At least one import was really interrupted. */
  g_assert_cmpuint (n_killed, >, 0);
}

/* Killed while signing ------------------------------------------------ */

static char *
build_signable_document (const char *db)
{
  g_autofree char *number = run_ok (db, "case", "add", "--title", "房屋征收补偿问题", "--petitioner", "张三",
                                    "--id-number", "11010519491231002X", "--phone", "13800138000",
                                    "--category", "城乡建设", "--channel", "visit", "--received", "2026-10-09");
  g_autofree char *officer = run_ok (db, "person", "add", "--name", "周建华", "--role", "officer");
  g_autofree char *lawyer = run_ok (db, "person", "add", "--name", "王芳", "--role", "lawyer");
  g_autofree char *deputy = run_ok (db, "person", "add", "--name", "李建国", "--role", "npc_deputy");
  g_autofree char *expert = run_ok (db, "person", "add", "--name", "孙丽华", "--role", "expert");
  g_autofree char *venue = run_ok (db, "venue", "add", "--name", "一号听证室", "--capacity", "20");
  g_autofree char *presider = g_strdup_printf ("%s:presider", officer);
  g_autofree char *p1 = g_strdup_printf ("%s:panelist", lawyer);
  g_autofree char *p2 = g_strdup_printf ("%s:panelist", deputy);
  g_autofree char *p3 = g_strdup_printf ("%s:panelist", expert);
  g_autofree char *session = run_ok (db, "session", "add", "--case", number, "--kind", "hearing",
                                     "--start", "2026-11-10 14:00", "--end", "2026-11-10 16:00", "--venue", venue,
                                     "--notice-date", "2026-11-01", "--with", presider, "--with", p1,
                                     "--with", p2, "--with", p3);
  g_autofree char *v1 = g_strdup_printf ("%s:support", lawyer);
  g_autofree char *v2 = g_strdup_printf ("%s:support", deputy);
  g_autofree char *v3 = g_strdup_printf ("%s:support", expert);
  g_autofree char *recorded = run_ok (db, "outcome", "record", session, "--result", "agreement",
                                      "--opinion", "建议支付补偿款，信访人息诉罢访。", "--minute", "听证会开始。",
                                      "--present", officer, "--vote", v1, "--vote", v2, "--vote", v3,
                                      "--term", "区住建委|支付补偿款|220000|2026-12-31", "--follow-up", "2026-12-15");
  g_autofree char *issued = run_ok (db, "--json", "doc", "issue", "--kind", "closure_commitment",
                                    "--case", number, "--session", session);
  g_autoptr(JsonNode) root = accord_test_parse_json (issued);

  return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_node_get_object (root), "id"));
}

static char *
sha256_of_column (const char *path,
                  const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM document", column);
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  char *digest = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, 0),
                                          sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return digest;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* Either untouched (issued, no signature, no signed copy) or wholly signed
 * (the signature, the signed PDF and its hash). */
static gboolean
assert_document_whole (const char *path,
                       const char *issued_sha256)
{
  g_autofree char *status = query_text (path, "SELECT status FROM document");
  g_autofree char *pdf_sha256 = sha256_of_column (path, "pdf");
  g_autofree char *signed_sha256 = sha256_of_column (path, "signed_pdf");
  g_autofree char *stored_signed_sha256 = query_text (path, "SELECT signed_sha256 FROM document");
  gint64 n_signatures = query_int (path, "SELECT count (*) FROM signature");

  g_assert_cmpstr (pdf_sha256, ==, issued_sha256);
  if (g_str_equal (status, "issued"))
    {
      g_assert_cmpint (n_signatures, ==, 0);
      g_assert_null (signed_sha256);
      g_assert_null (stored_signed_sha256);
      return FALSE;
    }

  g_assert_cmpstr (status, ==, "signed");
  g_assert_cmpint (n_signatures, ==, 1);
  g_assert_nonnull (signed_sha256);
  g_assert_cmpstr (signed_sha256, ==, stored_signed_sha256);
  return TRUE;
}

static void
test_kill_signing (AccordTestCli *cli,
                   gconstpointer  data)
{
  g_autofree char *id = build_signable_document (cli->db);
  g_autofree char *strokes = write_file (cli->dir, "strokes.json", STROKES);
  g_autofree char *issued_sha256 = sha256_of_column (cli->db, "pdf");
  g_autofree char *stored_sha256 = query_text (cli->db, "SELECT sha256 FROM document");
  guint n_signed = 0, n_unsigned = 0;

  g_assert_cmpstr (issued_sha256, ==, stored_sha256);

  for (guint round = 0; round < 8; round++)
    {
      g_autofree char *name = g_strdup_printf ("sign-%u.db", round);
      g_autofree char *db = g_build_filename (cli->dir, name, NULL);
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);
      g_autofree char *pdf = g_build_filename (cli->dir, "exported.pdf", NULL);
      g_autofree char *out = NULL;
      GPid pid;

      copy_file (cli->db, db);
      pid = spawn_cli (db, "doc", "sign", id, "--signer", "petitioner:0", "--role", "petitioner", "--strokes", strokes);
      g_usleep (delay_us (round, 300000));
      kill_child (pid, FALSE);

      assert_integrity (db);
      assert_audit_verifies (db);
      if (assert_document_whole (db, issued_sha256))
        n_signed++;
      else
        {
          n_unsigned++;
          /* Nothing was left behind that stops signing again. */
          g_free (run_ok (db, "doc", "sign", id, "--signer", "petitioner:0", "--role", "petitioner",
                          "--strokes", strokes));
          g_assert_true (assert_document_whole (db, issued_sha256));
        }

      /* What the store hands out verifies as this bureau's signed copy. */
      g_free (run_ok (db, "doc", "export", id, "--out", pdf));
      out = run_ok (db, "doc", "verify", pdf);
      g_assert_nonnull (strstr (out, "signed"));
      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
    }

  g_test_message ("%u signings killed before their commit, %u after", n_unsigned, n_signed);
}

/* Killed while creating the database ------------------------------------ */

static void
test_kill_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-faults-XXXXXX", &error);
  g_autofree char *reference = g_build_filename (dir, "reference.db", NULL);
  gint64 n_schema;

  g_assert_no_error (error);
  g_free (run_ok (reference, "init"));
  n_schema = query_int (reference, "SELECT count (*) FROM sqlite_schema");

  for (guint round = 0; round < 12; round++)
    {
      g_autofree char *name = g_strdup_printf ("init-%u.db", round);
      g_autofree char *db = g_build_filename (dir, name, NULL);
      GPid pid = spawn_cli (db, "init");

      g_usleep (delay_us (round, 25000));
      kill_child (pid, FALSE);

      if (file_size (db) > 0)
        {
          gint64 version;

          assert_integrity (db);
          version = query_int (db, "PRAGMA user_version");
          g_test_message ("round %u: schema version %" G_GINT64_FORMAT " after the kill", round, version);
          /* Each migration is one transaction: a new file has the
           * schema of some version, whole, or nothing. */
          g_assert_true (version >= 0 && version <= ACCORD_STORE_SCHEMA_VERSION);
          if (version == 0)
            g_assert_cmpint (query_int (db, "SELECT count (*) FROM sqlite_schema"), ==, 0);
          else if (version == ACCORD_STORE_SCHEMA_VERSION)
            g_assert_cmpint (query_int (db, "SELECT count (*) FROM sqlite_schema"), ==, n_schema);
        }

      /* The next start finishes the job. */
      g_free (run_ok (db, "init"));
      assert_integrity (db);
      g_assert_cmpint (query_int (db, "SELECT count (*) FROM sqlite_schema"), ==, n_schema);
      assert_audit_verifies (db);
    }

  g_free (run_ok (reference, "audit", "verify"));
  accord_test_remove_tree (dir);
}

/* Killed while migrating ------------------------------------------------ */

#define N_MIGRATED_SESSIONS 300000

static char *
index_sql (const char *path,
           const char *name)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  char *sql;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE name = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return sql;
}

/* A database of schema 1 (tests/fixtures/schema-1.sql) with enough
 * sessions that rebuilding their index takes a while. */
static void
make_schema_1 (const char *path)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-1.sql", NULL);
  g_autofree char *dump = NULL;
  g_autofree char *inflate = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (fixture, &dump, NULL, &error);
  g_assert_no_error (error);
  inflate = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
                             "INSERT INTO session (case_id, kind, starts_at, ends_at, status, created_at) "
                             "SELECT (SELECT min (id) FROM \"case\"), 'mediation', 1800000000 + i * 600, "
                             "1800000000 + i * 600 + 300, 'cancelled', 1790000000 FROM n",
                             N_MIGRATED_SESSIONS);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, dump, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, inflate, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* accord-cli killed while it brings a database of schema 1 up to date:
 * afterwards the file is whole, of schema 1 or of the current one with
 * nothing between, and the next start finishes the job. */
static void
test_kill_migrate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-faults-XXXXXX", &error);
  g_autofree char *original = g_build_filename (dir, "schema-1.db", NULL);
  g_autofree char *reference = g_build_filename (dir, "reference.db", NULL);
  g_autofree char *old_index = NULL;
  g_autofree char *new_index = NULL;
  gint64 n_sessions;
  guint n_old = 0, n_new = 0;

  g_assert_no_error (error);
  make_schema_1 (original);
  old_index = index_sql (original, "session_by_start");
  n_sessions = query_int (original, "SELECT count (*) FROM session");
  copy_file (original, reference);
  g_free (run_ok (reference, "audit", "verify"));
  new_index = index_sql (reference, "session_by_start");
  g_assert_cmpstr (new_index, !=, old_index);

  for (guint round = 0; round < 10; round++)
    {
      g_autofree char *name = g_strdup_printf ("migrate-%u.db", round);
      g_autofree char *db = g_build_filename (dir, name, NULL);
      g_autofree char *index = NULL;
      GPid pid;
      gint64 version;

      copy_file (original, db);
      pid = spawn_cli (db, "audit", "verify");
      g_usleep (delay_us (round, 40000));
      kill_child (pid, FALSE);

      assert_integrity (db);
      version = query_int (db, "PRAGMA user_version");
      index = index_sql (db, "session_by_start");
      /* Each migration is whole: the file stops at one schema or another. */
      g_assert_true (version >= 1 && version <= ACCORD_STORE_SCHEMA_VERSION);
      g_assert_cmpstr (index, ==, version == 1 ? old_index : new_index);
      g_assert_cmpint (query_int (db, "SELECT count (*) FROM session"), ==, n_sessions);
      if (version == 1)
        n_old++;
      else
        n_new++;

      /* The next start finishes the job. */
      assert_audit_verifies (db);
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, ACCORD_STORE_SCHEMA_VERSION);
      g_clear_pointer (&index, g_free);
      index = index_sql (db, "session_by_start");
      g_assert_cmpstr (index, ==, new_index);
      g_assert_cmpint (query_int (db, "SELECT count (*) FROM session"), ==, n_sessions);
    }
  g_test_message ("%u migrations killed before their commit, %u after", n_old, n_new);

  accord_test_remove_tree (dir);
}

/* The window and the reminder timer may open a new file at the same
 * moment: both find it empty, and the second must not create the schema
 * again once the first has. */
static void
test_two_first_opens (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-faults-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint round = 0; round < 10; round++)
    {
      g_autofree char *name = g_strdup_printf ("first-%u.db", round);
      g_autofree char *db = g_build_filename (dir, name, NULL);
      GPid first = spawn_cli (db, "init");
      GPid second = spawn_cli (db, "init");
      int status = 0;

      g_assert_cmpint (waitpid (first, &status, 0), ==, first);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_cmpint (waitpid (second, &status, 0), ==, second);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_spawn_close_pid (first);
      g_spawn_close_pid (second);

      assert_integrity (db);
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, ACCORD_STORE_SCHEMA_VERSION);
      g_unlink (db);
    }
  g_rmdir (dir);
}

/* Two writers at once --------------------------------------------------- */

typedef struct
{
  const char *db;
  guint       writer;
  guint       n_ok;
  GString    *errors;
} Writer;

static gpointer
add_cases_thread (gpointer data)
{
  Writer *w = data;

  for (guint i = 0; i < N_WRITES; i++)
    {
      g_autofree char *title = g_strdup_printf ("并发案件 %u", i);
      g_autofree char *id_number = make_id_number (500 + i);
      g_autofree char *err = NULL;

      if (run_cli (w->db, NULL, &err, "case", "add", "--title", title, "--petitioner", "并发",
                   "--id-number", id_number, "--phone", "13800138000", "--category", "劳动社保",
                   "--channel", "visit", "--received", "2026-11-02") == 0)
        w->n_ok++;
      else
        g_string_append (w->errors, err);
    }
  return NULL;
}

static gpointer
book_sessions_thread (gpointer data)
{
  Writer *w = data;

  for (guint i = 0; i < N_WRITES; i++)
    {
      g_autofree char *start = g_strdup_printf ("2026-12-%02u %02u:00", 1 + i / 4, 9 + 2 * (i % 4));
      g_autofree char *end = g_strdup_printf ("2026-12-%02u %02u:30", 1 + i / 4, 9 + 2 * (i % 4));
      g_autofree char *err = NULL;

      if (run_cli (w->db, NULL, &err, "session", "add", "--case", "XF-2026-000001", "--kind", "follow_up",
                   "--start", start, "--end", end, "--with", "1:presider",
                   "--override-reason", "并发测试") == 0)
        w->n_ok++;
      else
        g_string_append (w->errors, err);
    }
  return NULL;
}

static void
test_two_writers (AccordTestCli *cli,
                  gconstpointer  data)
{
  g_autoptr(GString) errors_a = g_string_new (NULL);
  g_autoptr(GString) errors_b = g_string_new (NULL);
  Writer a = { cli->db, 0, 0, errors_a };
  Writer b = { cli->db, 1, 0, errors_b };
  GThread *cases, *sessions;

  g_free (run_ok (cli->db, "case", "add", "--title", "回访", "--petitioner", "张三", "--id-number", "11010519491231002X",
                  "--phone", "13800138000", "--category", "劳动社保", "--channel", "visit", "--received", "2026-11-02"));
  g_free (run_ok (cli->db, "person", "add", "--name", "周建华", "--role", "officer"));

  cases = g_thread_new ("cases", add_cases_thread, &a);
  sessions = g_thread_new ("sessions", book_sessions_thread, &b);
  g_thread_join (cases);
  g_thread_join (sessions);

  g_test_message ("case writer errors: %s\nsession writer errors: %s", errors_a->str, errors_b->str);
  g_assert_cmpstr (errors_a->str, ==, "");
  g_assert_cmpstr (errors_b->str, ==, "");
  g_assert_cmpuint (a.n_ok, ==, N_WRITES);
  g_assert_cmpuint (b.n_ok, ==, N_WRITES);

  /* Nothing lost, no number twice or skipped. */
  g_assert_cmpint (query_int (cli->db, "SELECT count (*) FROM \"case\""), ==, N_WRITES + 1);
  g_assert_cmpint (query_int (cli->db, "SELECT count (*) FROM session"), ==, N_WRITES);
  g_assert_cmpint (query_int (cli->db, "SELECT count (*) FROM audit WHERE action = 'case.add'"), ==, N_WRITES + 1);
  g_assert_cmpint (query_int (cli->db, "SELECT count (*) FROM audit WHERE action = 'session.add'"), ==, N_WRITES);
  assert_case_numbers_dense (cli->db);
  assert_integrity (cli->db);
  assert_audit_verifies (cli->db);
}

/* Two windows on the same case: the second save is refused, not lost. */
static void
test_stale_edit (AccordTestDb  *db,
                 gconstpointer  data)
{
  const AccordPetitionerInput petitioner = { "张三", "11010519491231002X", "13800138000", NULL };
  AccordCaseInput in = { .title = "拖欠工资", .category = "劳动社保", .channel = "visit",
                         .received_on = "2026-03-02", .petitioners = &petitioner, .n_petitioners = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) other = accord_store_open (db->path, &error);
  g_autoptr(AccordCase) added = accord_store_add_case (db->store, &in, &error);
  g_autoptr(AccordCase) mine = NULL;
  g_autoptr(AccordCase) theirs = NULL;
  g_autoptr(AccordCase) now = NULL;

  g_assert_no_error (error);
  mine = accord_store_get_case (db->store, accord_case_get_number (added), &error);
  theirs = accord_store_get_case (other, accord_case_get_number (added), &error);
  g_assert_no_error (error);

  accord_case_set_text (theirs, ACCORD_CASE_TITLE, "拖欠工资（他人修改）");
  g_assert_true (accord_store_update_case (other, theirs, &error));
  g_assert_no_error (error);

  accord_case_set_text (mine, ACCORD_CASE_TITLE, "拖欠工资（我的修改）");
  g_assert_false (accord_store_update_case (db->store, mine, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, "changed by someone else"));

  now = accord_store_get_case (db->store, accord_case_get_number (added), NULL);
  g_assert_cmpstr (accord_case_get_title (now), ==, "拖欠工资（他人修改）");
}

/* Read-only file and folder -------------------------------------------- */

static void
give_to (const char *path,
         uid_t       uid,
         mode_t      mode)
{
  g_assert_cmpint (chown (path, uid, uid), ==, 0);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* The -wal and -shm files SQLite keeps beside the database: left by the
 * last connection, they are removed while no program has the file open. */
static void
remove_side_files (const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
}

static void
assert_write_refused (AccordTestCli *cli,
                      const char    *number,
                      const char    *message,
                      gboolean       can_read)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listed = NULL;

  g_assert_cmpint (run_cli_as_nobody (cli->db, &out, &err, "case", "add", "--title", "新案件", "--petitioner", "李四",
                                      "--id-number", "110105194912310038", "--phone", "13900000000",
                                      "--category", "劳动社保", "--channel", "visit"), ==, 1);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, "accord-cli: "));
  g_assert_nonnull (strstr (err, message));
  /* One line. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_null (memchr (err, '\n', strlen (err) - 1));

  if (can_read)
    {
      g_assert_cmpint (run_cli_as_nobody (cli->db, &listed, NULL, "case", "list"), ==, 0);
      g_assert_nonnull (strstr (listed, number));
    }
}

static void
test_read_only (AccordTestCli *cli,
                gconstpointer  data)
{
  g_autofree char *number = run_ok (cli->db, "case", "add", "--title", "已保存", "--petitioner", "张三",
                                    "--id-number", "11010519491231002X", "--phone", "13800138000",
                                    "--category", "劳动社保", "--channel", "visit", "--received", "2026-11-02");
  g_autofree char *before = accord_test_dump (cli->db);
  g_autofree char *after = NULL;
  uid_t owner = geteuid () == 0 ? NOBODY : geteuid ();

  /* As root the modes would not apply: the child runs as nobody.  In a
   * read-only folder SQLite cannot make the WAL's files, so that reading
   * fails too; the message names the folder. */
  remove_side_files (cli->db);
  give_to (cli->db, owner, 0600);
  give_to (cli->dir, owner, 0500);
  assert_write_refused (cli, number, "its folder is read-only", FALSE);

  /* A read-only file can still be read, and the store does not quietly
   * make it writable again. */
  give_to (cli->dir, owner, 0700);
  give_to (cli->db, owner, 0400);
  assert_write_refused (cli, number, "the file is read-only", TRUE);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (cli->db, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0400);
  }
  after = accord_test_dump (cli->db);
  g_assert_cmpstr (after, ==, before);

  /* Made writable again, it takes writes again, although reading it left
   * read-only -wal and -shm files beside it. */
  give_to (cli->db, owner, 0600);
  g_assert_cmpint (run_cli_as_nobody (cli->db, NULL, NULL, "case", "add", "--title", "新案件", "--petitioner", "李四",
                                      "--id-number", "110105194912310038", "--phone", "13900000000",
                                      "--category", "劳动社保", "--channel", "visit"), ==, 0);
  g_assert_cmpint (query_int (cli->db, "SELECT count (*) FROM \"case\""), ==, 2);

  give_to (cli->dir, geteuid (), 0700);
  give_to (cli->db, geteuid (), 0600);
  remove_side_files (cli->db);
  assert_integrity (cli->db);
  assert_audit_verifies (cli->db);
}

/* A full disk ----------------------------------------------------------- */

/* SQLite's max_page_count caps this connection's file at a few more
 * pages: the writes see SQLITE_FULL as on a full disk, without needing a
 * small file system (which a test cannot mount portably). */
static void
limit_pages (AccordStore *store,
             gint64       extra)
{
  sqlite3 *db = accord_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  gint64 pages;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + extra);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_disk_full (AccordTestDb  *db,
                gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("title,summary,category,channel,petitioner_name,petitioner_id_number,petitioner_phone\n");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *summary = g_strnfill (2000, 'x');
  guint n_added = 0;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id_number = make_id_number (i);

      g_string_append_printf (csv, "案件 %u,%s,劳动社保,visit,人%u,%s,13800000000\n", i, summary, i, id_number);
    }
  g_assert_true (accord_import_parse_cases (csv->str, csv->len, "csv", &records, &error));

  limit_pages (db->store, 40);
  before = accord_test_dump (db->path);
  g_assert_false (accord_import_cases (db->store, records, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);
  after = accord_test_dump (db->path);
  g_assert_cmpstr (after, ==, before);

  /* One case at a time until the disk is full: each one is whole. */
  for (guint i = 0; i < records->len; i++)
    {
      AccordImportCase *record = g_ptr_array_index (records, i);
      g_autoptr(AccordCase) c = accord_store_add_case (db->store, &record->input, &error);

      if (c == NULL)
        break;
      n_added++;
    }
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FULL);
  g_assert_cmpuint (n_added, >, 0);
  g_assert_cmpuint (n_added, <, records->len);
  g_clear_object (&db->store);

  assert_integrity (db->path);
  g_assert_cmpint (query_int (db->path, "SELECT count (*) FROM \"case\""), ==, n_added);
  g_assert_cmpint (query_int (db->path, "SELECT count (*) FROM case_petitioner"), ==, n_added);
  g_assert_cmpint (query_int (db->path, "SELECT count (*) FROM audit"), ==, n_added);
  assert_case_numbers_dense (db->path);
  assert_audit_verifies (db->path);
}

/* The same through accord-cli, with a limit on the size of the files it
 * writes (RLIMIT_FSIZE): the system refuses its writes as a full disk or
 * quota would. */
static void
limit_file_size_cb (gpointer data)
{
  rlim_t *limit = data;
  struct rlimit rl = { *limit, *limit };

  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
    _exit (125);
}

static void
test_file_size_limit (AccordTestCli *cli,
                      gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("title,summary,category,channel,petitioner_name,petitioner_id_number,petitioner_phone\n");
  g_autofree char *summary = g_strnfill (1000, 'x');
  g_autofree char *file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  rlim_t limit = file_size (cli->db) + 256 * 1024;

  for (guint i = 0; i < N_IMPORTED; i++)
    {
      g_autofree char *id_number = make_id_number (i);

      g_string_append_printf (csv, "案件 %u,%s,劳动社保,visit,人%u,%s,13800000000\n", i, summary, i, id_number);
    }
  file = write_file (cli->dir, "cases.csv", csv->str);
  before = accord_test_dump (cli->db);

  g_assert_cmpint (run_cli_argv (cli->db, limit_file_size_cb, &limit, NULL, &err,
                                 (const char * const []) { "case", "import", file, NULL }), ==, 1);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, "accord-cli: "));
  g_assert_nonnull (strstr (err, "The disk refused to store more: nothing was saved"));

  after = accord_test_dump (cli->db);
  g_assert_cmpstr (after, ==, before);
  assert_integrity (cli->db);
  assert_audit_verifies (cli->db);

  /* With room again, the same file goes in whole. */
  g_free (run_ok (cli->db, "case", "import", file));
  g_assert_cmpint (query_int (cli->db, "SELECT count (*) FROM \"case\""), ==, N_IMPORTED);
  assert_case_numbers_dense (cli->db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/faults/kill-import", AccordTestCli, NULL, accord_test_cli_set_up, test_kill_import, accord_test_cli_tear_down);
  g_test_add ("/faults/kill-signing", AccordTestCli, NULL, accord_test_cli_set_up, test_kill_signing, accord_test_cli_tear_down);
  g_test_add_func ("/faults/kill-init", test_kill_init);
  g_test_add_func ("/faults/kill-migrate", test_kill_migrate);
  g_test_add_func ("/faults/two-first-opens", test_two_first_opens);
  g_test_add ("/faults/two-writers", AccordTestCli, NULL, accord_test_cli_set_up, test_two_writers, accord_test_cli_tear_down);
  g_test_add ("/faults/stale-edit", AccordTestDb, NULL, accord_test_db_setup, test_stale_edit, accord_test_db_teardown);
  g_test_add ("/faults/read-only", AccordTestCli, NULL, accord_test_cli_set_up, test_read_only, accord_test_cli_tear_down);
  g_test_add ("/faults/disk-full", AccordTestDb, NULL, accord_test_db_setup, test_disk_full, accord_test_db_teardown);
  g_test_add ("/faults/file-size-limit", AccordTestCli, NULL, accord_test_cli_set_up, test_file_size_limit, accord_test_cli_tear_down);

  return g_test_run ();
}
