/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-fuzz"

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

#include "fuzz-target.h"

/* A fuzz target built without libFuzzer: feeds every file named on the
 * command line, and every file of every folder named there, to
 * LLVMFuzzerTestOneInput () once.  The normal test suite replays the seed
 * corpora this way; with -Dfuzzing=true libFuzzer's own main () is used. */

static guint n_inputs;

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  g_debug ("%s (%" G_GSIZE_FORMAT " bytes)", path, length);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  g_free (contents);
  n_inputs++;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
run_folder (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* The same order on every machine. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    run_file (g_ptr_array_index (names, i));
}

int
main (int    argc,
      char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s FILE-OR-FOLDER…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        run_folder (argv[i]);
      else
        run_file (argv[i]);
    }

  if (n_inputs == 0)
    {
      fprintf (stderr, "%s: no input in the corpus\n", argv[0]);
      return 1;
    }
  printf ("%s: %u inputs\n", argv[0], n_inputs);
  return 0;
}
