/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-session-count"

#include <glib/gstdio.h>

#include "accord-seed.h"
#include "accord-store.h"

/* accord_store_count_sessions, behind the schedule's month overview,
 * agrees with the sessions listed day by day. */

static gint64
count_listed (AccordStore *store,
              gint64       from,
              gint64       to,
              gint64       person,
              gint64       venue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = accord_store_list_sessions (store, from, to, person, venue, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    {
      const AccordSession *s = g_ptr_array_index (sessions, i);

      n += s->starts_at >= from && s->starts_at < to && !g_str_equal (s->status, "cancelled");
    }
  return n;
}

static void
check_days (AccordStore *store,
            gint64       person,
            gint64       venue)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 9, 27, 16, 0, 0);
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 bounds[61];
  gint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    bounds[i] = g_date_time_to_unix (first) + i * 86400;
  counts = accord_store_count_sessions (store, bounds, G_N_ELEMENTS (bounds), person, venue, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, G_N_ELEMENTS (bounds) - 1);
  for (guint i = 0; i < counts->len; i++)
    {
      g_assert_cmpint (g_array_index (counts, gint64, i), ==,
                       count_listed (store, bounds[i], bounds[i + 1], person, venue));
      total += g_array_index (counts, gint64, i);
    }
  if (person == 0 && venue == 0)
    g_assert_cmpint (total, >, 0);
}

static void
test_counts_agree_with_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-test-count-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "accord.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  AccordSeedOptions options = { 100, ACCORD_SEED_DEFAULT_PEOPLE, 7, 400 };
  AccordStore *store;

  g_assert_no_error (error);
  store = accord_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (accord_seed (store, &options, &error));
  g_assert_no_error (error);

  check_days (store, 0, 0);
  check_days (store, 0, 1);
  check_days (store, 5, 0);

  g_object_unref (store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/count-sessions", test_counts_agree_with_list);

  return g_test_run ();
}
