/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-util.h"

guint
bench_env_uint (const char *name,
                guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values. */
double
bench_median (double *values,
              guint   n)
{
  qsort (values, n, sizeof values[0], compare_doubles);
  return values[n / 2];
}

/* A database file, its WAL and shared-memory files, and the folder
 * (when @dir is not NULL). */
void
bench_remove_db (const char *path,
                 const char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  if (dir != NULL)
    g_rmdir (dir);
}

/* The database a benchmark runs on: ACCORD_BENCH_DB when it is set, kept
 * for the next run (and for the other benchmarks, see
 * build-aux/bench-scale.sh), or else a file in a new temporary folder,
 * returned in @dir for bench_remove_db().  @existing tells whether the
 * file is already there, seeded by an earlier run. */
char *
bench_db_path (char     **dir,
               gboolean  *existing)
{
  const char *kept = g_getenv ("ACCORD_BENCH_DB");

  *dir = NULL;
  if (kept != NULL && *kept != '\0')
    {
      *existing = g_file_test (kept, G_FILE_TEST_EXISTS);
      return g_strdup (kept);
    }
  *existing = FALSE;
  *dir = g_dir_make_tmp ("accord-bench-XXXXXX", NULL);
  g_assert_nonnull (*dir);
  return g_build_filename (*dir, "bench.db", NULL);
}
