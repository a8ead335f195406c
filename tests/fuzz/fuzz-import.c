/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-fuzz-import"

#include <string.h>

#include "accord-import.h"
#include "fuzz-target.h"

/* Cases and people imported from a JSON or CSV file (accord-cli import,
 * the import dialog): the parsers read the bytes as given, with their
 * length, and hand on only UTF-8 text. */

static void
check_text (const char *text)
{
  fuzz_assert (text == NULL || g_utf8_validate (text, -1, NULL));
}

static void
check_cases (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      AccordImportCase *c = g_ptr_array_index (records, i);

      fuzz_assert (c->row >= 1);
      check_text (c->input.title);
      check_text (c->input.summary);
      check_text (c->input.category);
      check_text (c->input.channel);
      check_text (c->input.received_on);
      fuzz_assert (c->input.n_petitioners == 0 || c->input.petitioners != NULL);
      for (guint k = 0; k < c->input.n_petitioners; k++)
        {
          check_text (c->input.petitioners[k].name);
          check_text (c->input.petitioners[k].id_number);
          check_text (c->input.petitioners[k].phone);
          check_text (c->input.petitioners[k].address);
        }
    }
}

static void
check_persons (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      AccordImportPerson *p = g_ptr_array_index (records, i);

      fuzz_assert (p->row >= 1);
      check_text (p->input.name);
      check_text (p->input.organisation);
      check_text (p->input.phone);
      for (const char * const *role = p->input.roles; role != NULL && *role != NULL; role++)
        check_text (*role);
    }
}

static void
check_error (GError *error)
{
  fuzz_assert (error != NULL && error->message != NULL);
  fuzz_assert (g_utf8_validate (error->message, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *formats[] = { NULL, "json", "csv" };
  /* A copy of exactly @size bytes, not NUL-terminated: a parser reading past
   * the end is caught. */
  g_autofree char *bytes = g_memdup2 (data, size);
  const char *guessed = accord_import_guess_format (bytes, size);

  fuzz_assert (g_strcmp0 (guessed, "json") == 0 || g_strcmp0 (guessed, "csv") == 0);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GPtrArray) cases = NULL;
      g_autoptr(GPtrArray) persons = NULL;
      g_autoptr(GError) case_error = NULL;
      g_autoptr(GError) person_error = NULL;

      if (accord_import_parse_cases (bytes, size, formats[i], &cases, &case_error))
        {
          fuzz_assert (case_error == NULL && cases != NULL);
          check_cases (cases);
        }
      else
        check_error (case_error);

      if (accord_import_parse_persons (bytes, size, formats[i], &persons, &person_error))
        {
          fuzz_assert (person_error == NULL && persons != NULL);
          check_persons (persons);
        }
      else
        check_error (person_error);
    }
  return 0;
}
