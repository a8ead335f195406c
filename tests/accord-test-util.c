/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "accord-test-util.h"

/* A temporary folder and everything in it. */
void
accord_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        accord_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
accord_test_db_setup (AccordTestDb  *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  db->dir = g_dir_make_tmp ("accord-test-XXXXXX", &error);
  g_assert_no_error (error);
  db->path = g_build_filename (db->dir, "accord.db", NULL);
  db->store = accord_store_open (db->path, &error);
  g_assert_no_error (error);
  accord_store_set_actor (db->store, "tester");
}

void
accord_test_db_teardown (AccordTestDb  *db,
                         gconstpointer  data)
{
  g_clear_object (&db->store);
  accord_test_remove_tree (db->dir);
  g_free (db->dir);
  g_free (db->path);
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

gint64
accord_test_count_rows (AccordStore *store,
                        const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  sqlite3 *db = open_raw (accord_store_get_path (store));
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static void
dump_table (sqlite3    *db,
            const char *table,
            GString    *out)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_string_append_printf (out, "[%s]\n", table);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s\x1f", (const char *) sqlite3_column_text (stmt, i) ?: "NULL");
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

/**
 * accord_test_dump:
 *
 * Every row of every table (and the schema version) as text, to show that a
 * refused action changed nothing.
 */
char *
accord_test_dump (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);

      g_string_append_printf (out, "%s\n", sql ? sql : name);
      if (sql != NULL && g_str_has_prefix (sql, "CREATE TABLE"))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    dump_table (db, g_ptr_array_index (tables, i), out);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static void
cli_clear_output (AccordTestCli *cli)
{
  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->err, g_free);
}

/**
 * accord_test_cli_set_up:
 *
 * A temporary folder with a database made by `accord-cli init`.
 */
void
accord_test_cli_set_up (AccordTestCli *cli,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cli->dir = g_dir_make_tmp ("accord-cli-XXXXXX", &error);
  g_assert_no_error (error);
  cli->db = g_build_filename (cli->dir, "accord.db", NULL);

  g_assert_cmpint (accord_test_cli_run (cli, "init"), ==, ACCORD_TEST_EXIT_OK);
}

void
accord_test_cli_tear_down (AccordTestCli *cli,
                           gconstpointer  data)
{
  accord_test_remove_tree (cli->dir);
  cli_clear_output (cli);
  g_free (cli->db);
  g_free (cli->dir);
}

static char **
cli_environment (AccordTestCli *cli,
                 gboolean       db_in_env)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "ACCORD_TODAY", ACCORD_TEST_CLI_TODAY, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "ACCORD_DB");
  if (db_in_env)
    envp = g_environ_setenv (envp, "ACCORD_DB", cli->db, TRUE);

  return envp;
}

/**
 * accord_test_cli_run_argv:
 *
 * Runs accord-cli with @args (NULL-terminated); --db comes first unless the
 * database is passed through ACCORD_DB.  Returns the exit status.
 */
int
accord_test_cli_run_argv (AccordTestCli      *cli,
                          gboolean            db_in_env,
                          const char * const *args)
{
  const char *program = g_getenv ("ACCORD_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = cli_environment (cli, db_in_env);
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (program);
  cli_clear_output (cli);

  g_ptr_array_add (argv, (gpointer) program);
  if (!db_in_env)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, cli->db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cli->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &cli->out, &cli->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  g_test_message ("exit %d\nstdout: %s\nstderr: %s", WEXITSTATUS (wait_status), cli->out, cli->err);
  return WEXITSTATUS (wait_status);
}

/* The last run's standard output without surrounding space, as a copy. */
char *
accord_test_cli_stripped_output (AccordTestCli *cli)
{
  return g_strstrip (g_strdup (cli->out));
}

/**
 * accord_test_cli_read_db:
 *
 * The bytes of the database file, to show that a refused command changed
 * nothing byte for byte.
 */
GBytes *
accord_test_cli_read_db (AccordTestCli *cli)
{
  g_autofree char *wal = g_strconcat (cli->db, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  /* Every connection is closed after a command, so the WAL has been
   * checkpointed into the main file and removed (or left empty). */
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);

  g_file_get_contents (cli->db, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

void
accord_test_cli_assert_error_line (AccordTestCli *cli)
{
  g_assert_true (g_str_has_prefix (cli->err, "accord-cli: "));
}

/**
 * accord_test_cli_assert_refused_argv:
 *
 * Runs a command that must be refused with @expected and must leave the
 * database file exactly as it was.
 */
void
accord_test_cli_assert_refused_argv (AccordTestCli      *cli,
                                     int                 expected,
                                     const char * const *args)
{
  g_autoptr(GBytes) before = accord_test_cli_read_db (cli);
  g_autoptr(GBytes) after = NULL;

  g_assert_cmpint (accord_test_cli_run_argv (cli, FALSE, args), ==, expected);
  accord_test_cli_assert_error_line (cli);
  if (expected == ACCORD_TEST_EXIT_USAGE)
    g_assert_nonnull (strstr (cli->err, "--help"));

  after = accord_test_cli_read_db (cli);
  g_assert_true (g_bytes_equal (before, after));
}

JsonNode *
accord_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}
