/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-fuzz-ical"

#include "accord-ical.h"
#include "accord-store-private.h"
#include "fuzz-store.h"
#include "fuzz-target.h"

/* A person's calendar imported as absences (accord-cli import ics, the
 * person page): either every busy time is recorded or nothing is. */

static gint64 person_id;

static gint64
count_absences (void)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  fuzz_assert (sqlite3_prepare_v2 (accord_store_get_db (fuzz_store ()), "SELECT count (*) FROM availability WHERE kind = 'absence'", -1,
                                   &stmt, NULL) == SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
add_person (void)
{
  const char *roles[] = { "lawyer", NULL };
  AccordPersonInput in = { "王芳", roles, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPerson) person = accord_store_add_person (fuzz_store (), &in, &error);

  if (person == NULL)
    g_error ("%s", error->message);
  person_id = person->id;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  if (person_id == 0)
    add_person ();

  if (accord_ical_import_absences (fuzz_store (), person_id, text, &n, &error))
    {
      fuzz_assert (error == NULL);
      fuzz_assert (count_absences () == n);
      /* The next input starts from a person without absences. */
      fuzz_store_exec ("DELETE FROM availability WHERE kind = 'absence'");
    }
  else
    {
      fuzz_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      fuzz_assert (n == 0);
      fuzz_assert (count_absences () == 0);
    }
  return 0;
}
