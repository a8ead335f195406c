/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-report"

/* The dashboard, the backup and the case file on a large register (by
 * default 200,000 cases, 600,000 sessions and 10,000 people; see
 * build-aux/bench-scale.sh for the provincial scale):
 *
 * - each of the dashboard's figures for a year, as its page reads them (in
 *   a thread, on a connection of its own), and all of them together; the
 *   indicators month by month against the same indicators counted once
 *   over the year (the baseline, measured in the same run);
 * - an online backup of the database (SQLite's backup API, then its quick
 *   check and a sync) against `cp` of the same file and a sync (the
 *   baseline);
 * - the case file of the case with the most documents: reading it from
 *   the store, and drawing its PDF, read back with poppler.
 *
 * ACCORD_BENCH_DB keeps the seeded database for the next run;
 * ACCORD_BENCH_BACKUP_RUNS sets the number of backups (3), which need
 * twice the database's size free beside the temporary folder. */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "bench-util.h"

#include "accord-backup.h"
#include "accord-doc-case-file.h"
#include "accord-doc-render.h"
#include "accord-i18n.h"
#include "accord-seed.h"
#include "accord-store-report.h"

#define RUNS 11
#define FROM "2025-11-20"
#define TO "2026-11-20"
#define OVERDUE_SHOWN 50    /* as the dashboard page shows them */
#define WORKLOAD_SHOWN 20

typedef void (*BenchFunc) (AccordStore *store, gpointer data);

static double
median_ms (BenchFunc    func,
           AccordStore *store,
           gpointer     data)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      func (store, data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return bench_median (times, RUNS);
}

static void
units (AccordStore *store,
       gpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = accord_store_responsible_units (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (names);
}

static void
monthly (AccordStore *store,
         gpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = accord_store_monthly_indicators (store, FROM, TO, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 13);
  if (data != NULL)
    {
      gint64 *due = data;

      *due = 0;
      for (guint m = 0; m < months->len; m++)
        *due += g_array_index (months, AccordMonthIndicators, m).counts.acceptance_due;
    }
}

static void
indicators (AccordStore *store,
            gpointer     data)
{
  g_autoptr(GError) error = NULL;
  AccordIndicators counts;

  accord_store_indicators (store, FROM, TO, NULL, &counts, &error);
  g_assert_no_error (error);
  if (data != NULL)
    *(gint64 *) data = counts.acceptance_due;
}

static void
count_overdue (AccordStore *store,
               gpointer     data)
{
  g_autoptr(GError) error = NULL;
  gint64 n = accord_store_count_overdue_cases (store, FROM, TO, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (n, >=, 0);
  if (data != NULL)
    *(gint64 *) data = n;
}

static void
overdue (AccordStore *store,
         gpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = accord_store_overdue_cases (store, FROM, TO, NULL, OVERDUE_SHOWN, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, <=, OVERDUE_SHOWN);
}

static void
results (AccordStore *store,
         gpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tallies = accord_store_session_results (store, FROM, TO, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tallies->len, >, 0);
}

static void
workload (AccordStore *store,
          gpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = accord_store_panelist_workload (store, FROM, TO, NULL, WORKLOAD_SHOWN, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (people->len, >, 0);
  g_assert_cmpuint (people->len, <=, WORKLOAD_SHOWN);
}

/* Everything the page reads for one period, in its order. */
static void
whole_page (AccordStore *store,
            gpointer     data)
{
  AccordCaseFilter any = { 0 };
  g_autoptr(GPtrArray) one = accord_store_list_cases (store, &any, 0, 0, 1, NULL);

  g_assert_cmpuint (one->len, ==, 1);
  units (store, NULL);
  monthly (store, NULL);
  count_overdue (store, NULL);
  overdue (store, NULL);
  results (store, NULL);
  workload (store, NULL);
}

static void
sync_file (const char *path)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fsync (fd), ==, 0);
  close (fd);
}

/* Online backups against cp, alternating, each copy removed at once. */
static void
bench_backup (const char *path)
{
  guint runs = MAX (1, bench_env_uint ("ACCORD_BENCH_BACKUP_RUNS", 3));
  g_autofree char *dir = g_dir_make_tmp ("accord-bench-backup-XXXXXX", NULL);
  g_autofree char *dest = g_build_filename (dir, "backup.db", NULL);
  g_autofree double *backup = g_new (double, runs);
  g_autofree double *copy = g_new (double, runs);
  GStatBuf st;
  double backup_ms, copy_ms;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *argv[] = { "cp", path, dest, NULL };
      int status = 0;
      gint64 start = g_get_monotonic_time ();

      g_assert_true (accord_backup_copy (path, dest, &error));
      g_assert_no_error (error);
      backup[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        {
          GStatBuf made;

          g_assert_cmpint (g_stat (dest, &made), ==, 0);
          printf ("backup of a %.2f GB database: %.2f GB\n", st.st_size / 1e9, made.st_size / 1e9);
        }
      g_assert_cmpint (g_unlink (dest), ==, 0);

      start = g_get_monotonic_time ();
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                                   &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      sync_file (dest);
      copy[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpint (g_unlink (dest), ==, 0);
    }
  backup_ms = bench_median (backup, runs);
  copy_ms = bench_median (copy, runs);
  printf ("online backup (copy, quick check, sync): %.1f s median of %u; cp and sync of the same file "
          "(baseline) %.1f s; ratio %.1fx\n", backup_ms / 1000, runs, copy_ms / 1000, backup_ms / copy_ms);
  g_rmdir (dir);
}

/* The case with the most issued or signed documents. */
static char *
case_with_documents (const char *path,
                     gint64     *n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *number = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT c.number, count(*) FROM document d JOIN \"case\" c ON c.id = d.case_id "
                                       "WHERE d.status IN ('issued', 'signed') GROUP BY d.case_id "
                                       "ORDER BY count(*) DESC, d.case_id LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      number = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *n = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return number;
}

static void
bench_case_file (AccordStore *store)
{
  gint64 n_documents = 0;
  g_autofree char *number = case_with_documents (accord_store_get_path (store), &n_documents);
  double read[RUNS], render[RUNS];
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *doc;
  int n_pages;

  /* A database seeded without a renderer has no documents. */
  if (number == NULL)
    {
      printf ("no case has documents: no case file\n");
      return;
    }
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AccordDocCaseFile) file = NULL;
      gint64 start = g_get_monotonic_time ();

      file = accord_doc_case_file_read (store, number, "zh_CN", &error);
      g_assert_no_error (error);
      read[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (accord_doc_case_file_get_n_documents (file), >=, n_documents);

      start = g_get_monotonic_time ();
      g_clear_pointer (&pdf, g_bytes_unref);
      pdf = accord_doc_case_file_render (file, &error);
      g_assert_no_error (error);
      render[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  /* A cover and at least a page for each document. */
  doc = poppler_document_new_from_bytes (pdf, NULL, NULL);
  g_assert_nonnull (doc);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, >, n_documents);
  g_object_unref (doc);

  printf ("case file of %s (%" G_GINT64_FORMAT " documents, %d pages, %zu bytes): read %.1f ms, "
          "draw %.1f ms median\n", number, n_documents, n_pages, g_bytes_get_size (pdf),
          bench_median (read, RUNS), bench_median (render, RUNS));
}

int
main (int   argc,
      char *argv[])
{
  AccordSeedOptions options = {
    bench_env_uint ("ACCORD_BENCH_CASES", 200000), bench_env_uint ("ACCORD_BENCH_PEOPLE", 10000), 1,
    bench_env_uint ("ACCORD_BENCH_SESSIONS", 600000), bench_env_uint ("ACCORD_BENCH_VENUES", 500),
    accord_doc_render, NULL,
  };
  g_autofree char *dir = NULL;
  gboolean existing = FALSE;
  g_autofree char *path = bench_db_path (&dir, &existing);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, by_month = 0, by_year = 0, n_overdue = 0;
  double monthly_ms, year_ms;

  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);
  /* The catalogue that gives the documents their official Chinese wording. */
  accord_i18n_init ();
  store = accord_store_open (path, &error);
  g_assert_no_error (error);
  if (!existing)
    {
      start = g_get_monotonic_time ();
      accord_seed (store, &options, &error);
      g_assert_no_error (error);
      printf ("seeded %u cases, %u people and %u sessions in %.1f s\n", options.n_cases, options.n_people,
              options.n_sessions, (g_get_monotonic_time () - start) / 1e6);
    }

  printf ("dashboard, %s to %s, medians of %d:\n", FROM, TO, RUNS);
  printf ("  responsible units: %.1f ms\n", median_ms (units, store, NULL));
  monthly_ms = median_ms (monthly, store, NULL);
  year_ms = median_ms (indicators, store, NULL);
  monthly (store, &by_month);
  indicators (store, &by_year);
  g_assert_cmpint (by_month, ==, by_year);
  printf ("  indicators month by month: %.1f ms; the same counted once over the year (baseline) %.1f ms; "
          "ratio %.2fx\n", monthly_ms, year_ms, monthly_ms / year_ms);
  count_overdue (store, &n_overdue);
  printf ("  count the overdue cases (%" G_GINT64_FORMAT "): %.1f ms\n", n_overdue,
          median_ms (count_overdue, store, NULL));
  printf ("  the first %d overdue cases: %.1f ms\n", OVERDUE_SHOWN, median_ms (overdue, store, NULL));
  printf ("  sessions by result: %.1f ms\n", median_ms (results, store, NULL));
  printf ("  the %d busiest panelists: %.1f ms\n", WORKLOAD_SHOWN, median_ms (workload, store, NULL));
  printf ("  the whole page: %.1f ms\n", median_ms (whole_page, store, NULL));

  bench_case_file (store);
  g_clear_object (&store);

  bench_backup (path);

  if (dir != NULL)
    bench_remove_db (path, dir);
  return 0;
}
