/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "accord-test-util.h"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
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
  remove_tree (db->dir);
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
