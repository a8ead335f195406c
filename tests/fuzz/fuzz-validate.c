/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-fuzz-validate"

#include <string.h>

#include "accord-validate.h"
#include "fuzz-target.h"

/* What the new-case form, the person form and accord-cli read from a
 * person: resident ID numbers, phone numbers, dates and free text, and the
 * masks that show them. */

static void
check_error (gboolean  ok,
             GError   *error)
{
  if (ok)
    fuzz_assert (error == NULL);
  else
    fuzz_assert (error != NULL && error->domain == ACCORD_VALIDATE_ERROR &&
                 g_utf8_validate (error->message, -1, NULL));
}

static void
check_mask (char *masked)
{
  fuzz_assert (masked != NULL);
  fuzz_assert (g_utf8_validate (masked, -1, NULL));
  g_free (masked);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autofree char *id_number = accord_normalize_id_number (text);
  gboolean ok;

  {
    g_autoptr(GError) error = NULL;

    ok = accord_validate_text ("Field", text, 20, size % 2 == 0, &error);
    check_error (ok, error);
    fuzz_assert (!ok || g_utf8_validate (text, -1, NULL));
  }

  {
    g_autoptr(GError) error = NULL;

    ok = accord_validate_id_number (id_number, &error);
    check_error (ok, error);
    if (ok)
      {
        g_autofree char *first17 = g_strndup (id_number, 17);
        g_autofree char *birth = g_strdup_printf ("%.4s-%.2s-%.2s", id_number + 6, id_number + 10, id_number + 12);
        g_autofree char *masked = accord_mask_id_number (id_number);

        fuzz_assert (strlen (id_number) == 18);
        fuzz_assert (accord_id_number_check_char (first17) == id_number[17]);
        fuzz_assert (accord_validate_date ("Birth date", birth, NULL));
        /* The mask keeps the area code and the last four characters only. */
        fuzz_assert (strlen (masked) == 18 && strncmp (masked, id_number, 6) == 0 &&
                     strcmp (masked + 14, id_number + 14) == 0);
        fuzz_assert (strspn (masked + 6, "*") == 8);
      }
    (void) accord_id_number_check_char (text);
  }

  {
    g_autoptr(GError) error = NULL;

    ok = accord_validate_phone (text, &error);
    check_error (ok, error);
  }

  {
    g_autoptr(GError) error = NULL;

    ok = accord_validate_date ("Date", text, &error);
    check_error (ok, error);
    if (ok)
      fuzz_assert (strlen (text) == 10);
  }

  {
    g_autoptr(GError) error = NULL;

    ok = accord_validate_received_on (text, "2026-11-20", &error);
    check_error (ok, error);
    fuzz_assert (!ok || strcmp (text, "2026-11-20") <= 0);
  }

  check_mask (accord_mask_id_number (text));
  check_mask (accord_mask_phone (text));
  check_mask (accord_mask_address (text));
  return 0;
}
