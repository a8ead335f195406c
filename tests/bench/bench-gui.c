/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-gui"

/* The window at scale: launches the real `accord` (argv[1]) on a database
 * of 1,000,000 cases and 1,000,000 sessions and on the demo bureau, in its
 * measuring mode (ACCORD_BENCHMARK, see src/gui/accord-benchmark.c), and
 * reports the time from launch to the first painted frame, the time from a
 * keystroke in the search to the frame showing its result, and the peak
 * memory.  The demo bureau is the baseline of the same run.  Needs a
 * display (the test script runs the benchmarks under Xvfb). */

#include <stdio.h>

#include "bench-util.h"

#include "accord-seed.h"
#include "accord-store.h"

#define RUNS 5

typedef struct
{
  double launch_ms;
  double search_ms;
  double rss_mb;
  double anon_mb;
  double file_mb;
  double schedule_ms;
} Figures;

static char *
seeded_db (const char *dir,
           const char *name,
           guint       n_cases,
           guint       n_sessions)
{
  AccordSeedOptions options = { n_cases, n_cases >= 100000 ? 10000 : 40, 1, n_sessions, 0 };
  /* No folder: @name is the database's path. */
  char *path = dir != NULL ? g_build_filename (dir, name, NULL) : g_strdup (name);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  store = accord_store_open (path, &error);
  g_assert_no_error (error);
  accord_seed (store, &options, &error);
  g_assert_no_error (error);
  printf ("seeded %u cases and %u sessions in %.1f s\n", n_cases, n_sessions,
          (g_get_monotonic_time () - start) / 1e6);
  return path;
}

static void
launch (const char *accord,
        const char *db,
        Figures    *figures)
{
  const char *argv[] = { accord, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_frame = 0, rss_kb = 0, anon_kb = 0, file_kb = 0, started;
  int status = 0;

  envp = g_environ_setenv (envp, "ACCORD_DB", db, TRUE);
  envp = g_environ_setenv (envp, "ACCORD_BENCHMARK", "1", TRUE);
  envp = g_environ_setenv (envp, "ACCORD_NO_REMINDERS", "1", TRUE);
  started = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "first-frame=%" G_GINT64_FORMAT " search-ms=%lf peak-rss-kb=%" G_GINT64_FORMAT
                           " anon-kb=%" G_GINT64_FORMAT " file-kb=%" G_GINT64_FORMAT " schedule-ms=%lf",
                           &first_frame, &figures->search_ms, &rss_kb, &anon_kb, &file_kb,
                           &figures->schedule_ms), ==, 6);
  figures->launch_ms = (first_frame - started) / 1000.0;
  figures->rss_mb = rss_kb / 1024.0;
  figures->anon_mb = anon_kb / 1024.0;
  figures->file_mb = file_kb / 1024.0;
}

static Figures
median_of_runs (const char *accord,
                const char *db)
{
  double launch_ms[RUNS], search_ms[RUNS], rss_mb[RUNS], anon_mb[RUNS], file_mb[RUNS], schedule_ms[RUNS];
  Figures f;

  for (guint i = 0; i < RUNS; i++)
    {
      launch (accord, db, &f);
      launch_ms[i] = f.launch_ms;
      search_ms[i] = f.search_ms;
      rss_mb[i] = f.rss_mb;
      anon_mb[i] = f.anon_mb;
      file_mb[i] = f.file_mb;
      schedule_ms[i] = f.schedule_ms;
    }
  return (Figures) { bench_median (launch_ms, RUNS), bench_median (search_ms, RUNS),
                     bench_median (rss_mb, RUNS), bench_median (anon_mb, RUNS),
                     bench_median (file_mb, RUNS), bench_median (schedule_ms, RUNS) };
}

int
main (int   argc,
      char *argv[])
{
  guint n_cases = bench_env_uint ("ACCORD_BENCH_CASES", 1000000);
  guint n_sessions = bench_env_uint ("ACCORD_BENCH_SESSIONS", 1000000);
  /* ACCORD_BENCH_GUI_DIR keeps the seeded databases for the next run;
   * ACCORD_BENCH_DB names the large one, shared with the other benchmarks. */
  const char *kept = g_getenv ("ACCORD_BENCH_GUI_DIR");
  const char *shared = g_getenv ("ACCORD_BENCH_DB");
  g_autofree char *dir = kept ? g_strdup (kept) : g_dir_make_tmp ("accord-bench-XXXXXX", NULL);
  g_autofree char *big = NULL, *demo = NULL;
  Figures at_scale, baseline;

  g_assert_cmpint (argc, ==, 2);
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);
  g_mkdir_with_parents (dir, 0700);
  big = shared != NULL && *shared != '\0' ? seeded_db (NULL, shared, n_cases, n_sessions)
                                          : seeded_db (dir, "big.db", n_cases, n_sessions);
  demo = seeded_db (dir, "demo.db", ACCORD_SEED_DEFAULT_CASES, ACCORD_SEED_DEFAULT_SESSIONS);

  baseline = median_of_runs (argv[1], demo);
  at_scale = median_of_runs (argv[1], big);

  printf ("launch to first frame: %.0f ms with %u cases and %u sessions, %.0f ms with the demo bureau (%.2fx)\n",
          at_scale.launch_ms, n_cases, n_sessions, baseline.launch_ms, at_scale.launch_ms / baseline.launch_ms);
  printf ("keystroke to search result on screen: %.1f ms median, %.1f ms with the demo bureau (%.1fx)\n",
          at_scale.search_ms, baseline.search_ms, at_scale.search_ms / baseline.search_ms);
  printf ("opening the schedule on this week: %.0f ms, %.0f ms with the demo bureau\n",
          at_scale.schedule_ms, baseline.schedule_ms);
  printf ("peak memory: %.0f MB (at the end %.0f MB own, %.0f MB of mapped files), "
          "%.0f MB with the demo bureau (%.0f MB own, %.0f MB mapped)\n",
          at_scale.rss_mb, at_scale.anon_mb, at_scale.file_mb,
          baseline.rss_mb, baseline.anon_mb, baseline.file_mb);

  if (kept == NULL)
    {
      if (shared == NULL || *shared == '\0')
        bench_remove_db (big, NULL);
      bench_remove_db (demo, dir);
    }
  return 0;
}
