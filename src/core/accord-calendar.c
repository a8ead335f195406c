/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-calendar"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "accord-calendar.h"

#define HOLIDAYS_PATH "/org/accord/Accord/holidays/"
#define MAX_LINES 2000
#define MAX_LINE_BYTES 200
#define MIN_YEAR 1900
#define MAX_YEAR 2999
#define UTF8_BOM "\xEF\xBB\xBF"

/* A holiday or a worked weekend day. One allocation: the name follows. */
typedef struct
{
  AccordDayKind kind;   /* ACCORD_DAY_HOLIDAY or ACCORD_DAY_WORKING */
  int           year;
  guint         line;   /* where it was read; only used while parsing */
  char          name[]; /* "" when the file gave none */
} SpecialDay;

/* What one file says, kept apart until the whole file is known to be good. */
typedef struct
{
  GHashTable *days;     /* Julian day number → SpecialDay */
  GHashTable *years;    /* set of GINT_TO_POINTER (year) */
} Scratch;

struct _AccordCalendar
{
  GObject     parent_instance;

  /* Keyed by Julian day number so the hot lookup needs no allocation. */
  GHashTable *days;     /* Julian day number → SpecialDay */
  GHashTable *years;    /* set of GINT_TO_POINTER (year) */
};

G_DEFINE_FINAL_TYPE (AccordCalendar, accord_calendar, G_TYPE_OBJECT)

G_DEFINE_QUARK (accord-calendar-error-quark, accord_calendar_error)

/* Provided by the compiled core resource (c_name accord_core). */
GResource *accord_core_get_resource (void);

/* Helpers */

static GHashTable *
new_day_table (void)
{
  return g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
}

static GHashTable *
new_year_set (void)
{
  return g_hash_table_new (g_direct_hash, g_direct_equal);
}

static SpecialDay *
special_day_new (AccordDayKind  kind,
                 int            year,
                 guint          line,
                 const char   *name)
{
  gsize len = strlen (name);
  SpecialDay *day = g_malloc (sizeof (SpecialDay) + len + 1);

  day->kind = kind;
  day->year = year;
  day->line = line;
  memcpy (day->name, name, len + 1);
  return day;
}

static inline const SpecialDay *
lookup_day (AccordCalendar *self,
            const GDate    *date)
{
  return g_hash_table_lookup (self->days, GUINT_TO_POINTER (g_date_get_julian (date)));
}

static inline gboolean
is_weekend (const GDate *date)
{
  return g_date_get_weekday (date) >= G_DATE_SATURDAY;
}

static AccordDayKind
day_kind (AccordCalendar *self,
          const GDate    *date)
{
  const SpecialDay *day = lookup_day (self, date);

  if (day != NULL)
    return day->kind;
  return is_weekend (date) ? ACCORD_DAY_WEEKEND : ACCORD_DAY_WORKING;
}

static void
skip_to_working_day (AccordCalendar *self,
                     GDate          *date)
{
  while (day_kind (self, date) != ACCORD_DAY_WORKING)
    g_date_add_days (date, 1);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x > y) - (x < y);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
read_digits (const char *s,
             guint       n_digits,
             guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      value = value * 10 + (guint) (s[i] - '0');
    }

  *out = value;
  return TRUE;
}

static gboolean
looks_like_date (const char *s)
{
  return strlen (s) == 10 && s[4] == '-' && s[7] == '-';
}

/* Strict YYYY-MM-DD. */
static gboolean
parse_date (const char *s,
            GDate      *date)
{
  guint y, m, d;

  if (!looks_like_date (s) ||
      !read_digits (s, 4, &y) || !read_digits (s + 5, 2, &m) || !read_digits (s + 8, 2, &d))
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* Cuts the next blank-separated word out of *cursor (which it modifies). */
static char *
next_word (char **cursor)
{
  char *word = *cursor;
  char *p = word;

  while (*p != '\0' && *p != ' ' && *p != '\t')
    p++;
  if (*p != '\0')
    *p++ = '\0';
  while (*p == ' ' || *p == '\t')
    p++;

  *cursor = p;
  return word;
}

/* Parsing */

static gboolean
parse_year_line (Scratch     *scratch,
                 guint        line,
                 const char  *rest,
                 GError     **error)
{
  guint year;

  if (strlen (rest) != 4 || !read_digits (rest, 4, &year) || year < MIN_YEAR || year > MAX_YEAR)
    {
      g_set_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
                   _("Line %u: “%s” is not a valid year (expected a year from %d to %d)"),
                   line, rest, MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  g_hash_table_add (scratch->years, GINT_TO_POINTER ((int) year));
  return TRUE;
}

static gboolean
parse_kind (const char     *word,
            guint           line,
            AccordDayKind  *kind,
            GError        **error)
{
  if (g_str_equal (word, "holiday"))
    *kind = ACCORD_DAY_HOLIDAY;
  else if (g_str_equal (word, "workday"))
    *kind = ACCORD_DAY_WORKING;
  else if (*word == '\0')
    g_set_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
                 _("Line %u: the kind of day (“holiday” or “workday”) is missing"), line);
  else
    g_set_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
                 _("Line %u: unknown kind of day “%s” (expected “holiday” or “workday”)"),
                 line, word);

  return *kind != ACCORD_DAY_WEEKEND;
}

static gboolean
parse_day_line (Scratch     *scratch,
                guint        line,
                const char  *first,
                char        *rest,
                GError     **error)
{
  AccordDayKind kind = ACCORD_DAY_WEEKEND;
  const char *word;
  guint julian;
  GDate date;

  if (!parse_date (first, &date))
    {
      g_set_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
                   looks_like_date (first)
                   ? _("Line %u: “%s” is not a valid date")
                   : _("Line %u: expected “year YYYY” or “YYYY-MM-DD holiday|workday NAME”, found “%s”"),
                   line, first);
      return FALSE;
    }

  word = next_word (&rest);
  if (!parse_kind (word, line, &kind, error))
    return FALSE;
  if (kind == ACCORD_DAY_WORKING && !is_weekend (&date))
    {
      g_set_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
                   _("Line %u: %s is not a Saturday or Sunday, so it cannot be a worked weekend day"),
                   line, first);
      return FALSE;
    }

  julian = g_date_get_julian (&date);
  if (g_hash_table_contains (scratch->days, GUINT_TO_POINTER (julian)))
    {
      g_set_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
                   _("Line %u: %s is listed more than once"), line, first);
      return FALSE;
    }

  g_hash_table_insert (scratch->days, GUINT_TO_POINTER (julian),
                       special_day_new (kind, g_date_get_year (&date), line, rest));
  return TRUE;
}

static gboolean
parse_line (Scratch     *scratch,
            guint        line,
            const char  *text,
            gsize        len,
            GError     **error)
{
  char buffer[MAX_LINE_BYTES + 1];
  char *cursor;
  const char *first;

  if (len > 0 && text[len - 1] == '\r')
    len--;
  if (len > MAX_LINE_BYTES)
    {
      g_set_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
                   _("Line %u: the line is longer than %u bytes"), line, (guint) MAX_LINE_BYTES);
      return FALSE;
    }
  if (!g_utf8_validate (text, (gssize) len, NULL))
    {
      g_set_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
                   _("Line %u: the text is not valid UTF-8"), line);
      return FALSE;
    }

  memcpy (buffer, text, len);
  buffer[len] = '\0';
  cursor = g_strstrip (buffer);
  if (*cursor == '\0' || *cursor == '#')
    return TRUE;

  first = next_word (&cursor);
  if (g_str_equal (first, "year"))
    return parse_year_line (scratch, line, cursor, error);
  return parse_day_line (scratch, line, first, cursor, error);
}

/* Dates may precede their "year" line, so they are checked once the file is read.
 * The error names the first line at fault. */
static gboolean
check_days_in_years (Scratch  *scratch,
                     GError  **error)
{
  const SpecialDay *bad = NULL;
  guint bad_julian = 0;
  GHashTableIter iter;
  gpointer key, value;
  GDate date;
  char text[16];

  g_hash_table_iter_init (&iter, scratch->days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SpecialDay *day = value;

      if (!g_hash_table_contains (scratch->years, GINT_TO_POINTER (day->year)) &&
          (bad == NULL || day->line < bad->line))
        {
          bad = day;
          bad_julian = GPOINTER_TO_UINT (key);
        }
    }
  if (bad == NULL)
    return TRUE;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, bad_julian);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  g_set_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
               _("Line %u: %s is outside the years the file declares (add a line “year %d”)"),
               bad->line, text, bad->year);
  return FALSE;
}

static gboolean
parse_text (Scratch     *scratch,
            const char  *text,
            gsize        len,
            GError     **error)
{
  const char *p = text;
  const char *end = text + len;
  guint line = 0;

  if (len >= 3 && memcmp (text, UTF8_BOM, 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = nl != NULL ? nl : end;

      if (++line > MAX_LINES)
        {
          g_set_error (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
                       _("Line %u: too many lines (a calendar file has at most %u)"),
                       line, (guint) MAX_LINES);
          return FALSE;
        }
      if (!parse_line (scratch, line, p, (gsize) (line_end - p), error))
        return FALSE;
      p = line_end + 1;
    }

  if (g_hash_table_size (scratch->years) == 0)
    {
      g_set_error_literal (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE,
                           _("The calendar file declares no year (add a line such as “year 2027”)"));
      return FALSE;
    }

  return check_days_in_years (scratch, error);
}

/* Loading */

static gboolean
day_in_years_cb (gpointer key G_GNUC_UNUSED,
                 gpointer value,
                 gpointer user_data)
{
  const SpecialDay *day = value;

  return g_hash_table_contains (user_data, GINT_TO_POINTER (day->year));
}

/* Replaces what is known about the scratch's years; empties the scratch. */
static void
commit_scratch (AccordCalendar *self,
                Scratch        *scratch)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_foreach_remove (self->days, day_in_years_cb, scratch->years);

  g_hash_table_iter_init (&iter, scratch->days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->days, key, value);
    }

  g_hash_table_iter_init (&iter, scratch->years);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (self->years, key);
}

static gboolean
load_text (AccordCalendar  *self,
           const char      *text,
           gsize            len,
           GError         **error)
{
  Scratch scratch = { new_day_table (), new_year_set () };
  gboolean ok = parse_text (&scratch, text, len, error);

  if (ok)
    commit_scratch (self, &scratch);

  g_hash_table_unref (scratch.days);
  g_hash_table_unref (scratch.years);
  return ok;
}

static void
load_shipped_file (AccordCalendar *self,
                   const char     *name)
{
  g_autofree char *path = g_strconcat (HOLIDAYS_PATH, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  bytes = g_resource_lookup_data (accord_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Cannot read %s: %s", path, error->message);
      return;
    }

  data = g_bytes_get_data (bytes, &len);
  if (!load_text (self, data, len, &error))
    g_critical ("Shipped calendar %s is broken: %s", path, error->message);
}

/* Every *.txt under HOLIDAYS_PATH, so that shipping a new year needs no code. */
static void
load_shipped_years (AccordCalendar *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  names = g_resource_enumerate_children (accord_core_get_resource (), HOLIDAYS_PATH,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    {
      g_critical ("No shipped working calendar: %s", error->message);
      return;
    }

  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".txt"))
      load_shipped_file (self, names[i]);
}

/* Overrides */

static void
accord_calendar_finalize (GObject *object)
{
  AccordCalendar *self = (AccordCalendar *) object;

  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);

  G_OBJECT_CLASS (accord_calendar_parent_class)->finalize (object);
}

static void
accord_calendar_class_init (AccordCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accord_calendar_finalize;
}

static void
accord_calendar_init (AccordCalendar *self)
{
  self->days = new_day_table ();
  self->years = new_year_set ();
  load_shipped_years (self);
}

/* Public API */

/**
 * accord_calendar_new:
 *
 * Returns: (transfer full): a calendar that knows the years shipped with
 * Accord (every `*.txt` under /org/accord/Accord/holidays/ in the core resource).
 *
 * A calendar is not locked: it may be read from several threads at once as
 * long as nobody calls accord_calendar_load() meanwhile.
 */
AccordCalendar *
accord_calendar_new (void)
{
  return g_object_new (ACCORD_TYPE_CALENDAR, NULL);
}

/**
 * accord_calendar_load:
 * @text: a working-calendar file (format: resources/holidays/README.md)
 *
 * Replaces everything known about the years @text declares with what it
 * says; other years are kept. On error (%ACCORD_CALENDAR_ERROR_PARSE, with a
 * message naming the faulty line) the calendar is left unchanged.
 */
gboolean
accord_calendar_load (AccordCalendar  *self,
                      const char      *text,
                      GError         **error)
{
  g_return_val_if_fail (ACCORD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_text (self, text, strlen (text), error);
}

/**
 * accord_calendar_has_year:
 *
 * Returns: whether a calendar file covered @year; for other years only
 * Saturdays and Sundays are rest days.
 */
gboolean
accord_calendar_has_year (AccordCalendar *self,
                          int             year)
{
  g_return_val_if_fail (ACCORD_IS_CALENDAR (self), FALSE);

  return g_hash_table_contains (self->years, GINT_TO_POINTER (year));
}

/**
 * accord_calendar_get_years:
 * @n_years: (out) (optional): the number of years
 *
 * Returns: (transfer full) (array length=n_years zero-terminated=1): the
 * known years in ascending order, followed by a 0; free with g_free().
 */
int *
accord_calendar_get_years (AccordCalendar *self,
                           guint          *n_years)
{
  GArray *years;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (ACCORD_IS_CALENDAR (self), NULL);

  years = g_array_sized_new (TRUE, FALSE, sizeof (int), g_hash_table_size (self->years));
  g_hash_table_iter_init (&iter, self->years);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int year = GPOINTER_TO_INT (key);

      g_array_append_val (years, year);
    }
  g_array_sort (years, compare_years);

  if (n_years != NULL)
    *n_years = years->len;
  return (int *) (void *) g_array_free (years, FALSE);
}

/**
 * accord_calendar_day_kind:
 *
 * Cheap enough for hot loops: one hash lookup, no allocation.
 */
AccordDayKind
accord_calendar_day_kind (AccordCalendar *self,
                          const GDate    *date)
{
  g_return_val_if_fail (ACCORD_IS_CALENDAR (self), ACCORD_DAY_WORKING);
  g_return_val_if_fail (date != NULL && g_date_valid (date), ACCORD_DAY_WORKING);

  return day_kind (self, date);
}

/**
 * accord_calendar_day_name:
 *
 * Returns: (nullable) (transfer none): the name of the holiday @date belongs
 * to, or of the holiday a worked weekend day makes up for (e.g. "春节调休"),
 * or %NULL for an ordinary day. Valid until the next accord_calendar_load().
 */
const char *
accord_calendar_day_name (AccordCalendar *self,
                          const GDate    *date)
{
  const SpecialDay *day;

  g_return_val_if_fail (ACCORD_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  day = lookup_day (self, date);
  return day != NULL && day->name[0] != '\0' ? day->name : NULL;
}

gboolean
accord_calendar_is_working_day (AccordCalendar *self,
                                const GDate    *date)
{
  g_return_val_if_fail (ACCORD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return day_kind (self, date) == ACCORD_DAY_WORKING;
}

/**
 * accord_calendar_next_working_day:
 *
 * Moves @date forward to the first working day on or after it.
 */
void
accord_calendar_next_working_day (AccordCalendar *self,
                                  GDate          *date)
{
  g_return_if_fail (ACCORD_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  skip_to_working_day (self, date);
}

/**
 * accord_calendar_add_working_days:
 *
 * Moves @date forward by @n working days, not counting @date itself: the
 * result is the @n-th working day after @date (so it is always a working
 * day when @n > 0; @date is unchanged when @n is 0).
 */
void
accord_calendar_add_working_days (AccordCalendar *self,
                                  GDate          *date,
                                  guint           n)
{
  g_return_if_fail (ACCORD_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  for (guint i = 0; i < n; i++)
    {
      g_date_add_days (date, 1);
      skip_to_working_day (self, date);
    }
}

/**
 * accord_calendar_period_end:
 * @date: (inout): the day the period starts from (e.g. the day a petition
 *   was received); set to the last day of the period
 * @n: the length of the period
 * @working_days: whether the period is in working days (工作日) rather than days
 *
 * Applies the civil-code rule for periods (民法典 arts. 201-203): the start
 * day is not counted, and a period whose last day is a statutory rest day —
 * a public holiday or a Saturday or Sunday that is not worked — ends on the
 * next working day instead. A worked weekend day (调休) is a working day, so
 * a period may end on one.
 *
 * With @working_days FALSE, @n calendar days are added and the result moved
 * to the next working day if needed; with @working_days TRUE this is
 * accord_calendar_add_working_days() (whose result is always a working day).
 */
void
accord_calendar_period_end (AccordCalendar *self,
                            GDate          *date,
                            guint           n,
                            gboolean        working_days)
{
  g_return_if_fail (ACCORD_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (working_days)
    {
      accord_calendar_add_working_days (self, date, n);
      return;
    }

  g_date_add_days (date, n);
  skip_to_working_day (self, date);
}
