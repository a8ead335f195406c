/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-scheduler"

/* Scheduling benchmarks on a large bureau (by default 1,000,000 sessions
 * and 10,000 people): checking a proposed 5-person session against the
 * indexed store, against a naive scan of every booking (the baseline,
 * measured in the same run), and finding 3 slots for a 5-member panel, a
 * psychologist and a venue over 30 working days, the first time and again. */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bench-util.h"

#include "accord-scheduler.h"
#include "accord-seed.h"

/* The pool cycles through the twelve roles (see accord-seed.c): person
 * 12k + r + 1 has role r. */
static gint64
person (guint role,
        guint k)
{
  return (gint64) k * 12 + role + 1;
}

static void
proposal_at (AccordSessionInput     *in,
             AccordParticipantInput *people,
             const char             *number,
             gint64                  starts_at,
             guint                   k)
{
  /* presider (officer), lawyer, deputy and expert on the panel, psychologist */
  people[0] = (AccordParticipantInput) { person (11, k), 0, "presider" };
  people[1] = (AccordParticipantInput) { person (0, k + 1), 0, "panelist" };
  people[2] = (AccordParticipantInput) { person (3, k + 2), 0, "panelist" };
  people[3] = (AccordParticipantInput) { person (8, k + 3), 0, "panelist" };
  people[4] = (AccordParticipantInput) { person (2, k + 4), 0, "psychologist" };
  *in = (AccordSessionInput) { number, "hearing", starts_at, starts_at + 7200, 1 + k % 100, people, 5, NULL };
}

/* The baseline: every booking of each person and of the venue found by
 * reading all participations and all sessions, as a store without indexes
 * on time would. */
static void
naive_check (sqlite3                  *db,
             const AccordSessionInput *in)
{
  sqlite3_stmt *person_stmt = NULL, *venue_stmt = NULL;

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM session_participant NOT INDEXED WHERE person_id = ? "
                          "AND starts_at < ? AND ends_at > ? AND active", -1, &person_stmt, NULL);
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM session NOT INDEXED WHERE venue_id = ? "
                          "AND starts_at < ? AND ends_at > ? AND status <> 'cancelled'", -1, &venue_stmt, NULL);
  for (guint i = 0; i < in->n_participants; i++)
    {
      sqlite3_bind_int64 (person_stmt, 1, in->participants[i].person_id);
      sqlite3_bind_int64 (person_stmt, 2, in->ends_at + 900);
      sqlite3_bind_int64 (person_stmt, 3, in->starts_at - 900);
      g_assert_cmpint (sqlite3_step (person_stmt), ==, SQLITE_ROW);
      sqlite3_reset (person_stmt);
    }
  sqlite3_bind_int64 (venue_stmt, 1, in->venue_id);
  sqlite3_bind_int64 (venue_stmt, 2, in->ends_at + 900);
  sqlite3_bind_int64 (venue_stmt, 3, in->starts_at - 900);
  g_assert_cmpint (sqlite3_step (venue_stmt), ==, SQLITE_ROW);
  sqlite3_finalize (person_stmt);
  sqlite3_finalize (venue_stmt);
}

int
main (int   argc,
      char *argv[])
{
  AccordSeedOptions options = {
    bench_env_uint ("ACCORD_BENCH_CASES", 100000), bench_env_uint ("ACCORD_BENCH_PEOPLE", 10000), 1,
    bench_env_uint ("ACCORD_BENCH_SESSIONS", 1000000), bench_env_uint ("ACCORD_BENCH_VENUES", 500),
  };
  /* ACCORD_BENCH_DB keeps the seeded database for the next run. */
  const char *kept = g_getenv ("ACCORD_BENCH_DB");
  g_autofree char *dir = kept ? NULL : g_dir_make_tmp ("accord-bench-XXXXXX", NULL);
  g_autofree char *path = kept ? g_strdup (kept) : g_build_filename (dir, "bench.db", NULL);
  gboolean seeded = kept != NULL && g_file_test (kept, G_FILE_TEST_EXISTS);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const guint n_checks = 200, n_naive = 5, n_suggest = 15, n_fresh = 5;
  double checks[200], naive[5], suggest[15], fresh_ms[5], check_ms, naive_ms, first_ms;
  const char *needs[] = { "psychologist:1", NULL };
  g_autofree char *from = NULL, *to = NULL;
  sqlite3 *raw = NULL;
  gint64 start;

  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);
  store = accord_store_open (path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  if (!seeded)
    accord_seed (store, &options, &error);
  g_assert_no_error (error);
  printf ("seeded %u cases, %u people, %u sessions in %.1f s\n", options.n_cases, options.n_people,
          options.n_sessions, (g_get_monotonic_time () - start) / 1e6);

  scheduler = accord_scheduler_new (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < n_checks + n_naive; i++)
    {
      AccordParticipantInput people[5];
      AccordSessionInput in;
      gint64 t0;
      /* Working-day mornings in December 2026, when the register is busy. */
      gint64 at = 1796086800 + (gint64) (i % 20) * 86400 + (i % 3) * 1800;

      proposal_at (&in, people, "XF-2025-000001", at, i * 7 % (options.n_people / 12 - 5));
      t0 = g_get_monotonic_time ();
      if (i < n_checks)
        {
          g_autoptr(GPtrArray) conflicts = accord_scheduler_check (scheduler, &in, 0, &error);
          g_assert_no_error (error);
          checks[i] = (g_get_monotonic_time () - t0) / 1000.0;
        }
      else
        {
          naive_check (raw, &in);
          naive[i - n_checks] = (g_get_monotonic_time () - t0) / 1000.0;
        }
    }
  check_ms = bench_median (checks, n_checks);
  naive_ms = bench_median (naive, n_naive);
  printf ("check a 5-person session: %.3f ms median; naive scan (baseline) %.1f ms; ratio %.0fx\n",
          check_ms, naive_ms, naive_ms / check_ms);

  from = g_strdup ("2026-12-01");
  to = g_strdup ("2027-01-12");   /* 30 working days */
  for (guint i = 0; i < n_suggest; i++)
    {
      AccordSlotRequest request = { "XF-2025-000001", "hearing", 120, NULL, 0, 5, needs, from, to, NULL, 0, 3 };
      g_autoptr(GPtrArray) slots = NULL;
      gint64 t0 = g_get_monotonic_time ();

      slots = accord_scheduler_suggest (scheduler, &request, &error);
      g_assert_no_error (error);
      suggest[i] = (g_get_monotonic_time () - t0) / 1000.0;
      if (i == 0)
        printf ("suggest found %u slots\n", slots->len);
    }
  /* The first search of a scheduler also counts every pool member's
   * recent sessions, which it keeps until the database changes. */
  first_ms = suggest[0];
  for (guint i = 0; i < n_fresh; i++)
    {
      AccordSlotRequest request = { "XF-2025-000001", "hearing", 120, NULL, 0, 5, needs, from, to, NULL, 0, 3 };
      g_autoptr(AccordScheduler) fresh = accord_scheduler_new (store, &error);
      g_autoptr(GPtrArray) slots = NULL;
      gint64 t0 = g_get_monotonic_time ();

      slots = accord_scheduler_suggest (fresh, &request, &error);
      g_assert_no_error (error);
      fresh_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  printf ("find 3 slots (5-member panel, psychologist, venue, 30 working days): %.1f ms median; "
          "the first search %.1f ms; by a new scheduler each time %.1f ms median\n",
          bench_median (suggest, n_suggest), first_ms, bench_median (fresh_ms, n_fresh));

  sqlite3_close (raw);
  g_clear_object (&scheduler);
  g_clear_object (&store);
  if (kept == NULL)
    bench_remove_db (path, dir);
  return 0;
}
