/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-fuzz-calendar"

#include "accord-calendar.h"
#include "fuzz-target.h"

/* A working-calendar file a bureau imports (resources/holidays/README.md):
 * a file that does not load leaves the calendar as it was; one that loads
 * gives every day of its years a kind, and deadlines can be counted on it. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autofree int *before = NULL;
  g_autofree int *after = NULL;
  guint n_before = 0, n_after = 0;

  before = accord_calendar_get_years (calendar, &n_before);
  if (!accord_calendar_load (calendar, text, &error))
    {
      fuzz_assert (error != NULL && error->domain == ACCORD_CALENDAR_ERROR);
      fuzz_assert (g_utf8_validate (error->message, -1, NULL));
      after = accord_calendar_get_years (calendar, &n_after);
      fuzz_assert (n_after == n_before);
      for (guint i = 0; i < n_before; i++)
        fuzz_assert (after[i] == before[i]);
      return 0;
    }

  fuzz_assert (error == NULL);
  after = accord_calendar_get_years (calendar, &n_after);
  fuzz_assert (n_after >= 1 && after[n_after] == 0);
  /* The first three years: a file may declare a thousand. */
  for (guint i = 0; i < n_after && i < 3; i++)
    {
      GDate date;

      fuzz_assert (after[i] >= 1900 && after[i] <= 2999);
      fuzz_assert (i == 0 || after[i] > after[i - 1]);
      fuzz_assert (accord_calendar_has_year (calendar, after[i]));
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) after[i]);
      while (g_date_get_year (&date) == (GDateYear) after[i])
        {
          AccordDayKind kind = accord_calendar_day_kind (calendar, &date);
          const char *name = accord_calendar_day_name (calendar, &date);

          fuzz_assert (kind == ACCORD_DAY_WORKING || kind == ACCORD_DAY_WEEKEND || kind == ACCORD_DAY_HOLIDAY);
          fuzz_assert (accord_calendar_is_working_day (calendar, &date) == (kind == ACCORD_DAY_WORKING));
          fuzz_assert (name == NULL || g_utf8_validate (name, -1, NULL));
          g_date_add_days (&date, 1);
        }

      /* Sixty working days from New Year's Day land on a working day. */
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) after[i]);
      accord_calendar_period_end (calendar, &date, 60, TRUE);
      fuzz_assert (g_date_valid (&date) && accord_calendar_is_working_day (calendar, &date));
    }
  return 0;
}
