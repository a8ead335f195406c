/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-store"

/* Store benchmarks: seeding, the window's first page, deep pages by key
 * against OFFSET paging, and trigram search against a plain scan of the
 * same text.  Figures are medians; ratios compare within this one run. */

#include <sqlite3.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-util.h"

#include "accord-seed.h"
#include "accord-store.h"

#define RUNS 15

typedef void (*BenchFunc) (AccordStore *store, gpointer data);

static double
median_ms (BenchFunc    func,
           AccordStore *store,
           gpointer     data)
{
  double times[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      func (store, data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return bench_median (times, RUNS);
}

static void
first_page (AccordStore *store,
            gpointer     data)
{
  g_autoptr(GPtrArray) rows = accord_store_list_cases (store, NULL, 0, 0, 100, NULL);
  g_assert_cmpint (rows->len, ==, 100);
}

static void
page_by_key (AccordStore *store,
             gpointer     data)
{
  g_autoptr(GPtrArray) rows = accord_store_list_cases (store, NULL, GPOINTER_TO_SIZE (data), 0, 100, NULL);
  g_assert_cmpint (rows->len, ==, 100);
}

static void
page_by_offset (AccordStore *store,
                gpointer     data)
{
  g_autoptr(GPtrArray) rows = accord_store_list_cases (store, NULL, 0, GPOINTER_TO_SIZE (data), 100, NULL);
  g_assert_cmpint (rows->len, ==, 100);
}

static void
count_search (AccordStore *store,
              gpointer     data)
{
  AccordCaseFilter filter = { .query = data };
  g_assert_cmpint (accord_store_count_cases (store, &filter, NULL), >=, 0);
}

static void
count_scan (AccordStore *store,
            gpointer     data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (accord_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM \"case\" c WHERE instr (c.number, ?1) OR instr (c.title, ?1) "
                                       "OR instr (c.summary, ?1) OR EXISTS (SELECT 1 FROM case_petitioner cp "
                                       "JOIN petitioner p ON p.id = cp.petitioner_id WHERE cp.case_id = c.id "
                                       "AND instr (p.name, ?1))", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  guint n_cases = bench_env_uint ("ACCORD_BENCH_CASES", 200000);
  g_autofree char *dir = NULL;
  gboolean existing = FALSE;
  /* ACCORD_BENCH_DB: a database seeded with ACCORD_BENCH_CASES cases,
   * kept for the next run. */
  g_autofree char *path = bench_db_path (&dir, &existing);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AccordSeedOptions options = {
    n_cases, bench_env_uint ("ACCORD_BENCH_PEOPLE", 1000), 1, bench_env_uint ("ACCORD_BENCH_SESSIONS", 0),
  };
  gsize deep = n_cases * 9 / 10;
  static const char *short_queries[] = { "王", "工资" };
  double seed_s, key_ms, offset_ms, search_ms, scan_ms;
  gint64 start;

  store = accord_store_open (path, &error);
  g_assert_no_error (error);

  printf ("cases: %u\n", n_cases);
  if (!existing)
    {
      start = g_get_monotonic_time ();
      accord_seed (store, &options, &error);
      g_assert_no_error (error);
      seed_s = (g_get_monotonic_time () - start) / 1e6;
      printf ("seed: %.1f s (%.0f cases/s)\n", seed_s, n_cases / seed_s);
    }
  printf ("first page of 100: %.2f ms median\n", median_ms (first_page, store, NULL));

  key_ms = median_ms (page_by_key, store, GSIZE_TO_POINTER (n_cases - deep));
  offset_ms = median_ms (page_by_offset, store, GSIZE_TO_POINTER (deep));
  printf ("page at row %zu: by key %.2f ms, by OFFSET (baseline) %.2f ms, ratio %.1fx\n",
          deep, key_ms, offset_ms, offset_ms / key_ms);

  search_ms = median_ms (count_search, store, "拖欠工资");
  scan_ms = median_ms (count_scan, store, "拖欠工资");
  printf ("count matches of \"拖欠工资\": trigram %.2f ms, scan (baseline) %.2f ms, ratio %.1fx\n",
          search_ms, scan_ms, scan_ms / search_ms);
  for (guint i = 0; i < G_N_ELEMENTS (short_queries); i++)
    {
      search_ms = median_ms (count_search, store, (gpointer) short_queries[i]);
      scan_ms = median_ms (count_scan, store, (gpointer) short_queries[i]);
      printf ("count matches of \"%s\": vocabulary %.2f ms, scan (baseline) %.2f ms, ratio %.1fx\n",
              short_queries[i], search_ms, scan_ms, scan_ms / search_ms);
    }

  g_clear_object (&store);
  if (dir != NULL)
    bench_remove_db (path, dir);
  return 0;
}
