/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-fuzz-money"

#include "accord-money.h"
#include "accord-validate.h"
#include "fuzz-target.h"

/* An amount as a person types it (the outcome's agreed terms, the CLI's
 * --term): a parsed amount is in range and reads back from its figures. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *chinese_date = NULL;
  gint64 fen = -1;

  if (accord_money_parse_yuan (text, &fen, &error))
    {
      g_autofree char *figures = accord_money_figures (fen);
      g_autofree char *capital = accord_money_capital (fen);
      gint64 again = -1;

      fuzz_assert (error == NULL);
      fuzz_assert (fen >= 0 && fen <= ACCORD_MONEY_MAX_FEN);
      fuzz_assert (figures != NULL && capital != NULL);
      fuzz_assert (g_utf8_validate (capital, -1, NULL));
      fuzz_assert (accord_money_parse_yuan (figures, &again, NULL));
      fuzz_assert (again == fen);
    }
  else
    {
      fuzz_assert (error != NULL && error->domain == ACCORD_VALIDATE_ERROR);
      fuzz_assert (fen == -1);
    }

  chinese_date = accord_date_chinese (text);
  fuzz_assert (chinese_date == NULL || accord_validate_date ("Date", text, NULL));
  return 0;
}
