/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-fuzz"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "accord-store-private.h"
#include "fuzz-store.h"

static AccordStore *store;
static char *folder;

static void
remove_folder (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&store);
  if (folder == NULL || (dir = g_dir_open (folder, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
  g_clear_pointer (&folder, g_free);
}

void
fuzz_store_exec (const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!accord_store_exec (fuzz_store (), sql, &error))
    g_error ("%s: %s", sql, error->message);
}

AccordStore *
fuzz_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (store != NULL)
    return store;

  if ((folder = g_dir_make_tmp ("accord-fuzz-XXXXXX", &error)) == NULL)
    g_error ("%s", error->message);
  atexit (remove_folder);
  path = g_build_filename (folder, "accord.db", NULL);
  if ((store = accord_store_open (path, &error)) == NULL)
    g_error ("%s", error->message);
  accord_store_set_actor (store, "fuzz");
  /* Nothing here needs to survive a power cut: write as fast as possible. */
  fuzz_store_exec ("PRAGMA synchronous = OFF");
  fuzz_store_exec ("UPDATE setting SET value = '" FUZZ_DATABASE_ID "' WHERE key = 'database_id'");
  return store;
}
