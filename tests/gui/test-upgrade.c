/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-upgrade"

/* Opening a database made by an earlier version: the application brings
 * it up to date in a thread while a window says so, then opens its own
 * window on it. */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "accord-gui-test.h"
#include "accord-window.h"

/* The open window whose widget name is @name, or NULL. */
static GtkWindow *
toplevel_named (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), name) == 0)
        return window;
    }
  return NULL;
}

static gboolean
has_window (gpointer data)
{
  return accord_gui_find_toplevel (ACCORD_TYPE_WINDOW) != NULL;
}

static int
schema_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* A database as schema 1 made it (tests/fixtures/schema-1.sql). */
static void
load_schema_1 (const char *path)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-1.sql", NULL);
  g_autofree char *dump = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (fixture, &dump, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, dump, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-upgrade-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "accord.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  GtkWindow *upgrading;
  GtkWindow *window;
  GtkWidget *page;

  g_assert_no_error (error);
  load_schema_1 (path);
  g_assert_true (accord_store_needs_upgrade (path));
  g_assert_false (accord_store_needs_upgrade (missing));

  g_setenv ("ACCORD_DB", path, TRUE);
  g_application_activate (G_APPLICATION (accord_gui_test_app ()));

  /* Shown at once, before the database is opened. */
  upgrading = toplevel_named ("upgrading");
  g_assert_nonnull (upgrading);
  page = accord_gui_find (GTK_WIDGET (upgrading), ADW_TYPE_STATUS_PAGE, NULL, NULL);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Updating the Records");

  /* Then the application's window, on the database brought up to date. */
  g_assert_true (accord_gui_wait_until (has_window, NULL));
  g_assert_null (toplevel_named ("upgrading"));
  g_assert_cmpint (schema_version (path), ==, ACCORD_STORE_SCHEMA_VERSION);
  g_assert_false (accord_store_needs_upgrade (path));

  window = accord_gui_find_toplevel (ACCORD_TYPE_WINDOW);
  gtk_window_destroy (window);
  accord_gui_wait_idle ();
  g_unsetenv ("ACCORD_DB");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("ACCORD_NO_REMINDERS", "1", TRUE);
  if (!accord_gui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/upgrade/earlier-schema", test_upgrade);

  return g_test_run ();
}
