/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-calendar"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "accord-calendar.h"

/* Made-up data for the tests, not the official 2027 arrangement. */
#define CUSTOM_2027 \
  "# test data\n" \
  "year 2027\n" \
  "2027-01-01 holiday 元旦\n" \
  "2027-02-06 holiday 春节\n" \
  "2027-02-07 holiday 春节\n" \
  "2027-02-08 holiday 春节\n" \
  "2027-02-20 workday 春节调休\n" \
  "2027-10-01 holiday\n"

/* Helpers */

static GDate
parse_day (const char *iso)
{
  int y = 0, m = 0, d = 0;
  GDate date;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_assert_true (g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return date;
}

static char *
format_day (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static void
assert_kind (AccordCalendar *calendar,
             const char     *iso,
             AccordDayKind   kind)
{
  GDate date = parse_day (iso);

  g_test_message ("kind of %s", iso);
  g_assert_cmpint (accord_calendar_day_kind (calendar, &date), ==, kind);
  g_assert_cmpint (accord_calendar_is_working_day (calendar, &date), ==, kind == ACCORD_DAY_WORKING);
}

static void
assert_kind_range (AccordCalendar *calendar,
                   const char     *first,
                   const char     *last,
                   AccordDayKind   kind,
                   const char     *name)
{
  GDate date = parse_day (first);
  GDate end = parse_day (last);

  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1))
    {
      g_autofree char *iso = format_day (&date);

      assert_kind (calendar, iso, kind);
      g_assert_cmpstr (accord_calendar_day_name (calendar, &date), ==, name);
    }
}

static void
assert_name (AccordCalendar *calendar,
             const char     *iso,
             const char     *name)
{
  GDate date = parse_day (iso);

  g_assert_cmpstr (accord_calendar_day_name (calendar, &date), ==, name);
}

static void
assert_add_working_days (AccordCalendar *calendar,
                         const char     *from,
                         guint           n,
                         const char     *expected)
{
  GDate date = parse_day (from);
  g_autofree char *result = NULL;

  accord_calendar_add_working_days (calendar, &date, n);
  result = format_day (&date);
  g_test_message ("%s + %u working days", from, n);
  g_assert_cmpstr (result, ==, expected);
}

static void
assert_period_end (AccordCalendar *calendar,
                   const char     *from,
                   guint           n,
                   gboolean        working_days,
                   const char     *expected)
{
  GDate date = parse_day (from);
  g_autofree char *result = NULL;

  accord_calendar_period_end (calendar, &date, n, working_days);
  result = format_day (&date);
  g_test_message ("period of %u %s from %s", n, working_days ? "working days" : "days", from);
  g_assert_cmpstr (result, ==, expected);
}

static guint
count_working_days (AccordCalendar *calendar,
                    int             year)
{
  GDate date, end;
  guint n = 0;

  g_date_clear (&date, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) year);
  g_date_set_dmy (&end, 31, G_DATE_DECEMBER, (GDateYear) year);
  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1))
    n += accord_calendar_is_working_day (calendar, &date);

  return n;
}

static guint
count_kind (AccordCalendar *calendar,
            int             year,
            AccordDayKind   kind,
            gboolean        on_weekend)
{
  GDate date, end;
  guint n = 0;

  g_date_clear (&date, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) year);
  g_date_set_dmy (&end, 31, G_DATE_DECEMBER, (GDateYear) year);
  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1))
    {
      gboolean weekend = g_date_get_weekday (&date) >= G_DATE_SATURDAY;

      if (accord_calendar_day_kind (calendar, &date) == kind && weekend == on_weekend)
        n++;
    }

  return n;
}

/* Everything the calendar says about 2024-2028, to check that failed loads
 * change nothing. */
static char *
fingerprint (AccordCalendar *calendar)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree int *years = NULL;
  guint n_years = 0;
  GDate date = parse_day ("2024-01-01");
  GDate end = parse_day ("2028-12-31");

  years = accord_calendar_get_years (calendar, &n_years);
  for (guint i = 0; i < n_years; i++)
    g_string_append_printf (out, "%d ", years[i]);
  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1))
    {
      const char *name = accord_calendar_day_name (calendar, &date);

      g_string_append_printf (out, "%d%s;", accord_calendar_day_kind (calendar, &date),
                              name != NULL ? name : "");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_years (AccordCalendar *calendar,
              const int      *expected,
              guint           n_expected)
{
  g_autofree int *years = NULL;
  guint n_years = 0;

  years = accord_calendar_get_years (calendar, &n_years);
  g_assert_cmpmem (years, n_years * sizeof (int), expected, n_expected * sizeof (int));
  g_assert_cmpint (years[n_years], ==, 0);
}

/* Tests */

static void
test_shipped_years (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  static const int expected[] = { 2025, 2026 };

  g_assert_true (accord_calendar_has_year (calendar, 2025));
  g_assert_true (accord_calendar_has_year (calendar, 2026));
  g_assert_false (accord_calendar_has_year (calendar, 2024));
  g_assert_false (accord_calendar_has_year (calendar, 2027));
  assert_years (calendar, expected, G_N_ELEMENTS (expected));
}

/* Counted independently of the data files: 365 days, 104 weekend days, the
 * weekday holidays and the worked weekend days of the State Council notices. */
static void
test_shipped_totals (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();

  g_assert_cmpuint (count_kind (calendar, 2025, ACCORD_DAY_HOLIDAY, FALSE), ==, 18);
  g_assert_cmpuint (count_kind (calendar, 2025, ACCORD_DAY_HOLIDAY, TRUE), ==, 10);
  g_assert_cmpuint (count_kind (calendar, 2025, ACCORD_DAY_WORKING, TRUE), ==, 5);
  g_assert_cmpuint (count_working_days (calendar, 2025), ==, 248);

  g_assert_cmpuint (count_kind (calendar, 2026, ACCORD_DAY_HOLIDAY, FALSE), ==, 19);
  g_assert_cmpuint (count_kind (calendar, 2026, ACCORD_DAY_HOLIDAY, TRUE), ==, 14);
  g_assert_cmpuint (count_kind (calendar, 2026, ACCORD_DAY_WORKING, TRUE), ==, 6);
  g_assert_cmpuint (count_working_days (calendar, 2026), ==, 248);
}

static void
test_spring_festival_2026 (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();

  assert_kind (calendar, "2026-02-13", ACCORD_DAY_WORKING);
  assert_kind_range (calendar, "2026-02-14", "2026-02-14", ACCORD_DAY_WORKING, "春节调休");
  assert_kind_range (calendar, "2026-02-15", "2026-02-23", ACCORD_DAY_HOLIDAY, "春节");
  assert_kind_range (calendar, "2026-02-24", "2026-02-27", ACCORD_DAY_WORKING, NULL);
  assert_kind_range (calendar, "2026-02-28", "2026-02-28", ACCORD_DAY_WORKING, "春节调休");
  assert_kind_range (calendar, "2026-03-01", "2026-03-01", ACCORD_DAY_WEEKEND, NULL);
  assert_kind_range (calendar, "2026-02-07", "2026-02-08", ACCORD_DAY_WEEKEND, NULL);
}

static void
test_national_day_2026 (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();

  assert_kind_range (calendar, "2026-09-19", "2026-09-19", ACCORD_DAY_WEEKEND, NULL);
  assert_kind_range (calendar, "2026-09-20", "2026-09-20", ACCORD_DAY_WORKING, "国庆节调休");
  assert_kind_range (calendar, "2026-09-21", "2026-09-24", ACCORD_DAY_WORKING, NULL);
  assert_kind_range (calendar, "2026-09-25", "2026-09-27", ACCORD_DAY_HOLIDAY, "中秋节");
  assert_kind_range (calendar, "2026-09-28", "2026-09-30", ACCORD_DAY_WORKING, NULL);
  assert_kind_range (calendar, "2026-10-01", "2026-10-07", ACCORD_DAY_HOLIDAY, "国庆节");
  assert_kind_range (calendar, "2026-10-08", "2026-10-09", ACCORD_DAY_WORKING, NULL);
  assert_kind_range (calendar, "2026-10-10", "2026-10-10", ACCORD_DAY_WORKING, "国庆节调休");
  assert_kind_range (calendar, "2026-10-11", "2026-10-11", ACCORD_DAY_WEEKEND, NULL);
}

static void
test_national_day_2025 (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();

  assert_kind_range (calendar, "2025-09-27", "2025-09-27", ACCORD_DAY_WEEKEND, NULL);
  assert_kind_range (calendar, "2025-09-28", "2025-09-28", ACCORD_DAY_WORKING, "国庆节、中秋节调休");
  assert_kind_range (calendar, "2025-09-29", "2025-09-30", ACCORD_DAY_WORKING, NULL);
  assert_kind_range (calendar, "2025-10-01", "2025-10-08", ACCORD_DAY_HOLIDAY, "国庆节、中秋节");
  assert_kind_range (calendar, "2025-10-09", "2025-10-10", ACCORD_DAY_WORKING, NULL);
  assert_kind_range (calendar, "2025-10-11", "2025-10-11", ACCORD_DAY_WORKING, "国庆节、中秋节调休");
  assert_kind_range (calendar, "2025-10-12", "2025-10-12", ACCORD_DAY_WEEKEND, NULL);
}

static void
test_other_holidays (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();

  assert_kind_range (calendar, "2025-01-01", "2025-01-01", ACCORD_DAY_HOLIDAY, "元旦");
  assert_kind_range (calendar, "2025-01-26", "2025-01-26", ACCORD_DAY_WORKING, "春节调休");
  assert_kind_range (calendar, "2025-01-28", "2025-02-04", ACCORD_DAY_HOLIDAY, "春节");
  assert_kind_range (calendar, "2025-02-08", "2025-02-08", ACCORD_DAY_WORKING, "春节调休");
  assert_kind_range (calendar, "2025-04-04", "2025-04-06", ACCORD_DAY_HOLIDAY, "清明节");
  assert_kind_range (calendar, "2025-04-27", "2025-04-27", ACCORD_DAY_WORKING, "劳动节调休");
  assert_kind_range (calendar, "2025-05-01", "2025-05-05", ACCORD_DAY_HOLIDAY, "劳动节");
  assert_kind_range (calendar, "2025-05-31", "2025-06-02", ACCORD_DAY_HOLIDAY, "端午节");
  assert_kind_range (calendar, "2026-01-01", "2026-01-03", ACCORD_DAY_HOLIDAY, "元旦");
  assert_kind_range (calendar, "2026-01-04", "2026-01-04", ACCORD_DAY_WORKING, "元旦调休");
  assert_kind_range (calendar, "2026-04-04", "2026-04-06", ACCORD_DAY_HOLIDAY, "清明节");
  assert_kind_range (calendar, "2026-05-01", "2026-05-05", ACCORD_DAY_HOLIDAY, "劳动节");
  assert_kind_range (calendar, "2026-05-09", "2026-05-09", ACCORD_DAY_WORKING, "劳动节调休");
  assert_kind_range (calendar, "2026-06-19", "2026-06-21", ACCORD_DAY_HOLIDAY, "端午节");

  /* Ordinary days have no name. */
  assert_name (calendar, "2026-03-10", NULL);
  assert_name (calendar, "2026-03-14", NULL);
  assert_name (calendar, "2027-01-01", NULL);
}

static void
test_next_working_day (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  static const char *vectors[][2] = {
    { "2026-02-13", "2026-02-13" },  /* already a working day */
    { "2026-02-14", "2026-02-14" },  /* worked Saturday */
    { "2026-02-15", "2026-02-24" },
    { "2026-10-03", "2026-10-08" },
    { "2026-10-11", "2026-10-12" },  /* plain Sunday */
    { "2025-10-04", "2025-10-09" },
    { "2027-01-01", "2027-01-01" },  /* not shipped: a Friday like any other */
  };

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      GDate date = parse_day (vectors[i][0]);
      g_autofree char *result = NULL;

      accord_calendar_next_working_day (calendar, &date);
      result = format_day (&date);
      g_assert_cmpstr (result, ==, vectors[i][1]);
    }
}

static void
test_add_working_days (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();

  /* Sunday 2026-09-20 is worked. */
  assert_add_working_days (calendar, "2026-09-18", 1, "2026-09-20");
  assert_add_working_days (calendar, "2026-09-18", 2, "2026-09-21");
  assert_add_working_days (calendar, "2026-09-19", 1, "2026-09-20");

  /* Across the Spring Festival 2026. */
  assert_add_working_days (calendar, "2026-02-12", 1, "2026-02-13");
  assert_add_working_days (calendar, "2026-02-12", 2, "2026-02-14");
  assert_add_working_days (calendar, "2026-02-12", 3, "2026-02-24");
  assert_add_working_days (calendar, "2026-02-13", 5, "2026-02-27");
  assert_add_working_days (calendar, "2026-02-13", 6, "2026-02-28");
  assert_add_working_days (calendar, "2026-02-13", 7, "2026-03-02");
  assert_add_working_days (calendar, "2026-02-16", 1, "2026-02-24");

  /* Across National Day: a matter received on Monday 2026-09-28 may be
   * objected to within 5 working days (art. 23). */
  assert_add_working_days (calendar, "2026-09-28", 5, "2026-10-10");
  assert_add_working_days (calendar, "2026-09-30", 1, "2026-10-08");
  assert_add_working_days (calendar, "2025-09-26", 2, "2025-09-29");
  assert_add_working_days (calendar, "2025-09-30", 1, "2025-10-09");

  /* Zero leaves the date alone, even on a holiday. */
  assert_add_working_days (calendar, "2026-10-01", 0, "2026-10-01");
  /* Into a year that is not shipped. */
  assert_add_working_days (calendar, "2026-12-31", 1, "2027-01-01");
}

static void
test_period_end (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();

  /* The start day is not counted. */
  assert_period_end (calendar, "2026-03-02", 15, FALSE, "2026-03-17");
  /* Ending on a holiday: moved to the next working day. */
  assert_period_end (calendar, "2026-01-31", 15, FALSE, "2026-02-24");
  assert_period_end (calendar, "2026-09-16", 15, FALSE, "2026-10-08");
  assert_period_end (calendar, "2025-08-04", 60, FALSE, "2025-10-09");
  /* Ending on a plain Saturday: moved to Monday. */
  assert_period_end (calendar, "2026-03-06", 15, FALSE, "2026-03-23");
  /* Ending on a worked weekend day: it stays there. */
  assert_period_end (calendar, "2026-02-13", 15, FALSE, "2026-02-28");
  assert_period_end (calendar, "2025-09-13", 15, FALSE, "2025-09-28");
  assert_period_end (calendar, "2025-09-26", 15, FALSE, "2025-10-11");
  /* Starting inside a holiday changes nothing by itself. */
  assert_period_end (calendar, "2026-10-01", 15, FALSE, "2026-10-16");
  assert_period_end (calendar, "2026-10-01", 0, FALSE, "2026-10-08");
  /* 2027 is not shipped: 1 January 2027 is just a Friday. */
  assert_period_end (calendar, "2026-12-17", 15, FALSE, "2027-01-01");

  /* In working days it is add_working_days. */
  assert_period_end (calendar, "2026-09-28", 5, TRUE, "2026-10-10");
  assert_period_end (calendar, "2026-02-12", 3, TRUE, "2026-02-24");
  assert_period_end (calendar, "2026-09-18", 1, TRUE, "2026-09-20");
}

static void
test_unknown_year (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();

  g_assert_false (accord_calendar_has_year (calendar, 2027));
  assert_kind_range (calendar, "2027-01-01", "2027-01-01", ACCORD_DAY_WORKING, NULL);
  assert_kind_range (calendar, "2027-01-02", "2027-01-03", ACCORD_DAY_WEEKEND, NULL);
  assert_kind_range (calendar, "2027-02-08", "2027-02-12", ACCORD_DAY_WORKING, NULL);
  assert_kind_range (calendar, "2027-10-01", "2027-10-01", ACCORD_DAY_WORKING, NULL);
  assert_kind_range (calendar, "2024-10-01", "2024-10-04", ACCORD_DAY_WORKING, NULL);
  g_assert_cmpuint (count_working_days (calendar, 2027), ==, 261);
  g_assert_cmpuint (count_working_days (calendar, 2024), ==, 262);
}

static void
test_load_custom_year (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  g_autoptr(GError) error = NULL;
  static const int expected[] = { 2025, 2026, 2027 };

  g_assert_true (accord_calendar_load (calendar, CUSTOM_2027, &error));
  g_assert_no_error (error);

  g_assert_true (accord_calendar_has_year (calendar, 2027));
  assert_years (calendar, expected, G_N_ELEMENTS (expected));
  assert_kind_range (calendar, "2027-01-01", "2027-01-01", ACCORD_DAY_HOLIDAY, "元旦");
  assert_kind_range (calendar, "2027-02-06", "2027-02-08", ACCORD_DAY_HOLIDAY, "春节");
  assert_kind_range (calendar, "2027-02-20", "2027-02-20", ACCORD_DAY_WORKING, "春节调休");
  assert_kind_range (calendar, "2027-02-21", "2027-02-21", ACCORD_DAY_WEEKEND, NULL);
  assert_kind_range (calendar, "2027-10-01", "2027-10-01", ACCORD_DAY_HOLIDAY, NULL);
  assert_kind_range (calendar, "2027-10-04", "2027-10-04", ACCORD_DAY_WORKING, NULL);
  g_assert_cmpuint (count_working_days (calendar, 2027), ==, 261 - 3 + 1);
  assert_period_end (calendar, "2027-01-22", 15, FALSE, "2027-02-09");

  /* The shipped years are untouched. */
  assert_kind_range (calendar, "2026-02-15", "2026-02-23", ACCORD_DAY_HOLIDAY, "春节");
  g_assert_cmpuint (count_working_days (calendar, 2026), ==, 248);
}

static void
test_load_replaces_year (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_calendar_load (calendar,
                                       "year 2026\n2026-10-08 holiday 测试\n", &error));
  g_assert_no_error (error);

  /* Only what the file says is left of 2026. */
  assert_kind_range (calendar, "2026-10-01", "2026-10-02", ACCORD_DAY_WORKING, NULL);
  assert_kind_range (calendar, "2026-10-08", "2026-10-08", ACCORD_DAY_HOLIDAY, "测试");
  assert_kind_range (calendar, "2026-09-20", "2026-09-20", ACCORD_DAY_WEEKEND, NULL);
  g_assert_cmpuint (count_working_days (calendar, 2026), ==, 261 - 1);
  /* 2025 is kept. */
  g_assert_cmpuint (count_working_days (calendar, 2025), ==, 248);

  /* A year with no day lines is known and has only weekends. */
  g_assert_true (accord_calendar_load (calendar, "year 2025\n", &error));
  g_assert_no_error (error);
  g_assert_true (accord_calendar_has_year (calendar, 2025));
  g_assert_cmpuint (count_working_days (calendar, 2025), ==, 261);
}

/* Several years in one file, the year line after the dates, CR LF line ends,
 * a byte-order mark, tabs and blanks, comments and blank lines. */
static void
test_load_format (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  g_autoptr(GError) error = NULL;
  static const int expected[] = { 2025, 2026, 2028, 2029 };
  const char *text =
    "\xEF\xBB\xBF# two years\r\n"
    "\r\n"
    "2028-01-03\tholiday\t元旦 补休\r\n"
    "   # indented comment\r\n"
    "  2029-01-06   workday   调休  \r\n"
    "year 2028\r\n"
    "year 2029\r\n"
    "year 2029";

  g_assert_true (accord_calendar_load (calendar, text, &error));
  g_assert_no_error (error);
  assert_years (calendar, expected, G_N_ELEMENTS (expected));
  assert_kind_range (calendar, "2028-01-03", "2028-01-03", ACCORD_DAY_HOLIDAY, "元旦 补休");
  assert_kind_range (calendar, "2029-01-06", "2029-01-06", ACCORD_DAY_WORKING, "调休");
  assert_kind_range (calendar, "2029-01-07", "2029-01-07", ACCORD_DAY_WEEKEND, NULL);
}

static void
test_load_limits (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("year 2027\n");
  g_autofree char *name = NULL;
  GDate date = parse_day ("2027-01-01");

  /* A line of exactly 200 bytes, not counting its line end. */
  name = g_strnfill (200 - strlen ("2027-01-01 holiday "), 'x');
  g_string_append_printf (text, "2027-01-01 holiday %s\r\n", name);
  /* Exactly 2000 lines in all. */
  for (guint i = 2; i < 2000; i++)
    g_string_append (text, "#\n");

  g_assert_true (accord_calendar_load (calendar, text->str, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (accord_calendar_day_name (calendar, &date), ==, name);
}

typedef struct
{
  const char *text;
  guint       line;   /* 0: the message names no line */
} BadFile;

static const BadFile bad_files[] = {
  { "year 2027\n2027-02-30 holiday 春节\n", 2 },
  { "year 2027\n2027-2-3 holiday 春节\n", 2 },
  { "year 2027\n20270203 holiday 春节\n", 2 },
  { "year 2027\n2027-01-01 festival 元旦\n", 2 },
  { "year 2027\n2027-01-01 Holiday 元旦\n", 2 },
  { "year 2027\n2027-01-01\n", 2 },
  /* Outside the declared years; the error names the first such line. */
  { "year 2027\n\n2028-01-01 holiday 元旦\n", 3 },
  { "year 2027\n2027-01-01 holiday 元旦\n2026-12-31 holiday x\n2026-10-01 holiday y\n", 3 },
  /* A worked Monday. */
  { "year 2027\n2027-01-04 workday 调休\n", 2 },
  /* The same day twice. */
  { "year 2027\n2027-01-01 holiday 元旦\n2027-01-01 holiday 元旦\n", 3 },
  { "year 2027\n2027-01-02 holiday 元旦\n2027-01-02 workday 调休\n", 3 },
  /* A character cut short, and a byte that is never UTF-8. */
  { "year 2027\n2027-01-01 holiday \xE5\x85\n", 2 },
  { "year 2027\n2027-01-01 holiday \xff\n", 2 },
  { "year 27\n", 1 },
  { "year 3000\n", 1 },
  { "year 2027 2028\n", 1 },
  { "year\n", 1 },
  { "year 2027\nhello world\n", 2 },
  /* A good start is not applied on its own. */
  { "year 2026\n2026-10-08 holiday 测试\nbogus\n", 3 },
  /* No year at all. */
  { "", 0 },
  { "# nothing\n\n", 0 },
  { "2027-01-01 holiday 元旦\n", 0 },
};

static void
assert_load_fails (AccordCalendar *calendar,
                   const char     *text,
                   guint           line)
{
  g_autofree char *before = fingerprint (calendar);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (accord_calendar_load (calendar, text, &error));
  g_assert_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE);
  g_test_message ("%s", error->message);
  if (line > 0)
    {
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", line);

      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
  else
    {
      g_assert_null (strstr (error->message, "Line"));
    }

  after = fingerprint (calendar);
  g_assert_cmpstr (after, ==, before);
}

static void
test_parse_errors (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  g_autoptr(GError) error = NULL;

  /* A loaded year too, which a bad file declaring it must not disturb. */
  g_assert_true (accord_calendar_load (calendar, CUSTOM_2027, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    assert_load_fails (calendar, bad_files[i].text, bad_files[i].line);
  g_assert_false (accord_calendar_has_year (calendar, 2028));
}

static void
test_parse_errors_size (void)
{
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  g_autoptr(GString) text = g_string_new ("year 2027\n");
  g_autofree char *long_name = g_strnfill (201 - strlen ("2027-01-01 holiday "), 'x');
  g_autofree char *long_line = g_strdup_printf ("year 2027\n2027-01-01 holiday %s\n", long_name);

  assert_load_fails (calendar, long_line, 2);

  for (guint i = 1; i < 2000; i++)
    g_string_append (text, "#\n");
  g_string_append (text, "2027-01-01 holiday 元旦\n");
  assert_load_fails (calendar, text->str, 2001);
  g_assert_false (accord_calendar_has_year (calendar, 2027));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/shipped/years", test_shipped_years);
  g_test_add_func ("/calendar/shipped/totals", test_shipped_totals);
  g_test_add_func ("/calendar/shipped/spring-festival-2026", test_spring_festival_2026);
  g_test_add_func ("/calendar/shipped/national-day-2026", test_national_day_2026);
  g_test_add_func ("/calendar/shipped/national-day-2025", test_national_day_2025);
  g_test_add_func ("/calendar/shipped/other-holidays", test_other_holidays);
  g_test_add_func ("/calendar/count/next-working-day", test_next_working_day);
  g_test_add_func ("/calendar/count/add-working-days", test_add_working_days);
  g_test_add_func ("/calendar/count/period-end", test_period_end);
  g_test_add_func ("/calendar/count/unknown-year", test_unknown_year);
  g_test_add_func ("/calendar/load/custom-year", test_load_custom_year);
  g_test_add_func ("/calendar/load/replaces-year", test_load_replaces_year);
  g_test_add_func ("/calendar/load/format", test_load_format);
  g_test_add_func ("/calendar/load/limits", test_load_limits);
  g_test_add_func ("/calendar/load/errors", test_parse_errors);
  g_test_add_func ("/calendar/load/errors-size", test_parse_errors_size);

  return g_test_run ();
}
