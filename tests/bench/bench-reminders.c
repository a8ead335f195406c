/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-reminders"

/* Deadline benchmarks on a large register (by default 1,000,000 cases and
 * 100,000 sessions): planning reminders, and the assessment indicators for
 * a year counted in SQL over the stored deadline columns, against a
 * baseline that derives every case's deadlines anew (measured in the same
 * run). */

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-util.h"

#include "accord-case-list.h"
#include "accord-deadlines.h"
#include "accord-reminders.h"
#include "accord-seed.h"

/* The baseline: the acceptance indicator found by reading every case and
 * deriving its deadlines, as without stored due dates. */
static double
naive_acceptance (AccordStore *store,
                  gint64      *due,
                  gint64      *timely)
{
  g_autoptr(AccordCaseList) list = accord_case_list_new (store);
  g_autoptr(AccordDeadlineProfile) profile = accord_deadline_profile_load ("national", FALSE, NULL);
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  AccordDeadlineContext context = { NULL, 0, 0, "2026-11-20", 3 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gint64 start = g_get_monotonic_time ();

  *due = *timely = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordCase) c = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(GPtrArray) deadlines = accord_deadlines_compute (profile, calendar, c, &context);

      for (guint k = 0; k < deadlines->len; k++)
        {
          AccordDeadline *d = g_ptr_array_index (deadlines, k);
          if (!g_str_equal (d->step, "accept") || strcmp (d->due_date, "2025-11-20") < 0 ||
              strcmp (d->due_date, "2026-11-20") > 0)
            continue;
          (*due)++;
          *timely += d->state == ACCORD_DEADLINE_MET;
        }
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  AccordSeedOptions options = {
    bench_env_uint ("ACCORD_BENCH_CASES", 1000000), 1000, 1, bench_env_uint ("ACCORD_BENCH_SESSIONS", 100000), 200,
  };
  const char *kept = g_getenv ("ACCORD_BENCH_DB");
  g_autofree char *dir = kept ? NULL : g_dir_make_tmp ("accord-bench-XXXXXX", NULL);
  g_autofree char *path = kept ? g_strdup (kept) : g_build_filename (dir, "bench.db", NULL);
  gboolean seeded = kept != NULL && g_file_test (kept, G_FILE_TEST_EXISTS);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double plan[21], indicators[11], naive_ms, indicators_ms;
  AccordIndicators counts;
  gint64 start, due, timely;

  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);
  store = accord_store_open (path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  if (!seeded)
    accord_seed (store, &options, &error);
  g_assert_no_error (error);
  printf ("seeded %u cases and %u sessions in %.1f s\n", options.n_cases, options.n_sessions,
          (g_get_monotonic_time () - start) / 1e6);

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(GPtrArray) reminders = NULL;

      start = g_get_monotonic_time ();
      reminders = accord_reminders_plan (store, 1795651200 + i * 900, 20, &error);   /* 2026-11-26 08:00 +08 */
      g_assert_no_error (error);
      plan[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        printf ("planned %u reminders\n", reminders->len);
    }
  printf ("plan reminders: %.1f ms median\n", bench_median (plan, G_N_ELEMENTS (plan)));

  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      start = g_get_monotonic_time ();
      accord_store_indicators (store, "2025-11-20", "2026-11-20", NULL, &counts, &error);
      g_assert_no_error (error);
      indicators[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  indicators_ms = bench_median (indicators, G_N_ELEMENTS (indicators));
  naive_ms = naive_acceptance (store, &due, &timely);
  printf ("indicators for a year: %.1f ms median; deriving every case anew (baseline, acceptance only) %.0f ms; "
          "ratio %.0fx\n", indicators_ms, naive_ms, naive_ms / indicators_ms);
  printf ("timely acceptance %lld/%lld (stored) vs %lld/%lld (derived)\n", (long long) counts.acceptance_timely,
          (long long) counts.acceptance_due, (long long) timely, (long long) due);

  g_clear_object (&store);
  if (kept == NULL)
    bench_remove_db (path, dir);
  return 0;
}
