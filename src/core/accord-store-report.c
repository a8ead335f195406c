/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-store-report"

#include <glib/gi18n.h>
#include <math.h>

#include "accord-store-private.h"
#include "accord-store-report.h"
#include "accord-validate.h"

/* The assessment indicators, counted in SQL over the deadline columns the
 * store keeps with every case. */

#define UNIT_FILTER " AND (?3 IS NULL OR responsible_unit = ?3)"

/* What each indicator counts: the totals and the monthly series select
 * the same counts from the same rows, so that a month's figures are the
 * period's figures over that month's days. */
#define ACCEPTANCE_COUNTS \
  "count(*), coalesce (sum (coalesce (accepted_on, declined_on) <= accept_due), 0) " \
  "FROM \"case\" WHERE accept_due BETWEEN ?1 AND ?2 AND accept_due <= ?4" UNIT_FILTER
#define COMPLETION_COUNTS \
  "count(*), coalesce (sum (replied_on <= reply_due), 0), " \
  "coalesce (sum (replied_on > reply_due), 0), coalesce (sum (replied_on IS NULL), 0) " \
  "FROM \"case\" WHERE reply_due BETWEEN ?1 AND ?2 AND reply_due <= ?4" UNIT_FILTER
#define RATING_COUNTS \
  "count(*), coalesce (sum (evaluation IS NOT NULL), 0), " \
  "coalesce (sum (evaluation IS NULL AND replied_on <= ?4), 0), " \
  "coalesce (sum (evaluation = 'satisfied'), 0), " \
  "coalesce (sum (evaluation = 'basically_satisfied'), 0), " \
  "coalesce (sum (evaluation = 'dissatisfied'), 0) " \
  "FROM \"case\" WHERE replied_on BETWEEN ?1 AND ?2" UNIT_FILTER
#define RESOLUTION_COUNTS \
  "count(*), coalesce (sum (status = 'terminated' OR " \
  "evaluation IN ('satisfied', 'basically_satisfied')), 0) " \
  "FROM \"case\" WHERE received_on BETWEEN ?1 AND ?2 AND leader IS NOT NULL" UNIT_FILTER

#define ACCEPTANCE_FIELDS \
  { G_STRUCT_OFFSET (AccordIndicators, acceptance_due), G_STRUCT_OFFSET (AccordIndicators, acceptance_timely) }
#define COMPLETION_FIELDS \
  { G_STRUCT_OFFSET (AccordIndicators, completion_due), G_STRUCT_OFFSET (AccordIndicators, completion_on_time), \
    G_STRUCT_OFFSET (AccordIndicators, completion_late), G_STRUCT_OFFSET (AccordIndicators, completion_unreplied) }
#define RATING_FIELDS \
  { G_STRUCT_OFFSET (AccordIndicators, replied), G_STRUCT_OFFSET (AccordIndicators, rated), \
    G_STRUCT_OFFSET (AccordIndicators, overdue_unrated), G_STRUCT_OFFSET (AccordIndicators, satisfied), \
    G_STRUCT_OFFSET (AccordIndicators, basically_satisfied), G_STRUCT_OFFSET (AccordIndicators, dissatisfied) }
#define RESOLUTION_FIELDS \
  { G_STRUCT_OFFSET (AccordIndicators, led), G_STRUCT_OFFSET (AccordIndicators, resolved) }

#define FIELD(indicators, offset) (G_STRUCT_MEMBER (gint64, (indicators), (offset)))

/* One figure's counts: the query, its date column and where each count goes. */
typedef struct
{
  const char *sql;
  gsize       fields[6];
  guint       n_fields;
  gboolean    rating;      /* ?4 is the rating cutoff rather than today */
} Figure;

static const Figure figures[] = {
  { "SELECT " ACCEPTANCE_COUNTS, ACCEPTANCE_FIELDS, 2, FALSE },
  { "SELECT " COMPLETION_COUNTS, COMPLETION_FIELDS, 4, FALSE },
  { "SELECT " RATING_COUNTS, RATING_FIELDS, 6, TRUE },
  { "SELECT " RESOLUTION_COUNTS, RESOLUTION_FIELDS, 2, FALSE },
};

/* A period's three filters, checked as the indicators check them. */
static gboolean
validate_period (const char  *from,
                 const char  *to,
                 const char  *unit,
                 GError     **error)
{
  return accord_validate_date (_("From"), from, error) && accord_validate_date (_("To"), to, error) &&
         accord_validate_text (_("Responsible unit"), unit, ACCORD_NAME_MAX_CHARS, FALSE, error);
}

/* Unrated cases count against participation once the rating period
 * (setting rating_days, default 7) is over: those replied by this day. */
static char *
rating_cutoff (AccordStore *self,
               const char  *today)
{
  g_autofree char *rating_days = accord_store_get_setting (self, "rating_days", "7");
  GDate cutoff;

  g_date_clear (&cutoff, 1);
  g_date_set_parse (&cutoff, today);
  g_date_subtract_days (&cutoff, CLAMP (atoi (rating_days), 0, 365));
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&cutoff), g_date_get_month (&cutoff),
                          g_date_get_day (&cutoff));
}

static sqlite3_stmt *
prepare_period (AccordStore  *self,
                const char   *sql,
                const char   *from,
                const char   *to,
                const char   *unit,
                const char   *fourth,
                GError      **error)
{
  sqlite3_stmt *stmt = accord_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  accord_bind_text (stmt, 1, from);
  accord_bind_text (stmt, 2, to);
  accord_bind_text (stmt, 3, unit);
  if (fourth != NULL)
    accord_bind_text (stmt, 4, fourth);
  return stmt;
}

/* Reads the counts of row @stmt from column @first on into @out. */
static void
read_counts (sqlite3_stmt     *stmt,
             int               first,
             const Figure     *figure,
             AccordIndicators *out)
{
  for (guint i = 0; i < figure->n_fields; i++)
    FIELD (out, figure->fields[i]) = sqlite3_column_int64 (stmt, first + (int) i);
}

static gboolean
run_counts (AccordStore       *self,
            const Figure      *figure,
            const char        *from,
            const char        *to,
            const char        *unit,
            const char        *fourth,
            AccordIndicators  *out,
            GError           **error)
{
  sqlite3_stmt *stmt = prepare_period (self, figure->sql, from, to, unit, fourth, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    read_counts (stmt, 0, figure, out);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return accord_store_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * accord_store_indicators:
 * @from: first day of the period, YYYY-MM-DD
 * @to: last day of the period
 * @unit: (nullable): only cases of this responsible unit
 *
 * Counts, for the period:
 * - acceptance: cases whose acceptance deadline falls in it and has come,
 *   and of those the ones accepted or declined by that deadline;
 * - completion: cases whose reply deadline falls in it and has come:
 *   replied on time, replied late, or not replied;
 * - participation and satisfaction: cases replied in it; rated ones, and
 *   unrated ones whose rating period (setting rating_days, default 7)
 *   has passed; the ratings;
 * - resolution: cases received in it with a leader in charge, and of
 *   those the ones terminated or rated satisfied or basically satisfied.
 */
gboolean
accord_store_indicators (AccordStore       *self,
                         const char        *from,
                         const char        *to,
                         const char        *unit,
                         AccordIndicators  *out,
                         GError           **error)
{
  g_autofree char *today = accord_today ();
  g_autofree char *cutoff = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!validate_period (from, to, unit, error))
    return FALSE;

  cutoff = rating_cutoff (self, today);
  *out = (AccordIndicators) { 0 };
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (!run_counts (self, &figures[i], from, to, unit, figures[i].rating ? cutoff : today, out, error))
      return FALSE;
  return TRUE;
}

/* A percentage, or NAN when nothing was counted. */
double
accord_indicator_rate (gint64 part,
                       gint64 whole)
{
  return whole > 0 ? 100.0 * (double) part / (double) whole : NAN;
}

/* Monthly series */

static int
month_number (const char *date)
{
  return atoi (date) * 12 + atoi (date + 5) - 1;
}

static GArray *
empty_months (const char *from,
              const char *to)
{
  int first = month_number (from);
  int last = month_number (to);
  GArray *months = g_array_new (FALSE, TRUE, sizeof (AccordMonthIndicators));

  for (int m = first; m <= last; m++)
    {
      AccordMonthIndicators month = { { 0 } };

      g_snprintf (month.month, sizeof month.month, "%04d-%02d", m / 12, m % 12 + 1);
      g_array_append_val (months, month);
    }
  return months;
}

/* Each month is counted with the period's own query over its days in the
 * period, a range of the covering index each: grouping the period's rows
 * by month instead had SQLite sort them all first, and took four times
 * as long as counting the period once. */
static gboolean
run_monthly (AccordStore   *self,
             const Figure  *figure,
             const char    *from,
             const char    *to,
             const char    *unit,
             const char    *fourth,
             GArray        *months,
             GError       **error)
{
  for (guint m = 0; m < months->len; m++)
    {
      AccordMonthIndicators *month = &g_array_index (months, AccordMonthIndicators, m);
      char first[16], last[16];

      /* Dates compare as text: day 31 ends every month. */
      g_snprintf (first, sizeof first, "%s-01", month->month);
      g_snprintf (last, sizeof last, "%s-31", month->month);
      if (!run_counts (self, figure, strcmp (first, from) > 0 ? first : from, strcmp (last, to) < 0 ? last : to,
                       unit, fourth, &month->counts, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * accord_store_monthly_indicators:
 * @from: first day of the period, YYYY-MM-DD
 * @to: last day of the period
 * @unit: (nullable): only cases of this responsible unit
 *
 * The indicators' counts for each month the period touches, from the
 * first to the last: each as accord_store_indicators() counts them over
 * that month's days in the period. A month with nothing to count has
 * every count 0.
 *
 * Returns: (transfer full) (element-type AccordMonthIndicators): the
 *   months in order, or %NULL on error
 */
GArray *
accord_store_monthly_indicators (AccordStore  *self,
                                 const char   *from,
                                 const char   *to,
                                 const char   *unit,
                                 GError      **error)
{
  g_autofree char *today = accord_today ();
  g_autofree char *cutoff = NULL;
  g_autoptr(GArray) months = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if (!validate_period (from, to, unit, error))
    return NULL;

  cutoff = rating_cutoff (self, today);
  months = empty_months (from, to);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (!run_monthly (self, &figures[i], from, to, unit, figures[i].rating ? cutoff : today, months, error))
      return NULL;
  return g_steal_pointer (&months);
}

/* Responsible units */

/**
 * accord_store_responsible_units:
 *
 * Returns: (transfer full): the responsible units cases are assigned to,
 *   sorted, or %NULL on error
 */
char **
accord_store_responsible_units (AccordStore  *self,
                                GError      **error)
{
  /* One index seek per unit instead of reading every case (case_by_unit). */
  sqlite3_stmt *stmt = accord_store_prepare (self,
                                             "WITH RECURSIVE unit (name) AS ("
                                             " SELECT min (responsible_unit) FROM \"case\""
                                             " WHERE responsible_unit IS NOT NULL"
                                             " UNION ALL"
                                             " SELECT (SELECT min (responsible_unit) FROM \"case\""
                                             " WHERE responsible_unit > unit.name) FROM unit WHERE name IS NOT NULL)"
                                             " SELECT name FROM unit WHERE name IS NOT NULL",
                                             error);
  g_autoptr(GStrvBuilder) units = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (units, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      accord_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (units);
}

/* Overdue cases */

/* A unit's overdue cases are one range of case_by_unit, all units' one
 * range of case_by_next_due: two statements, as "?3 IS NULL OR" would
 * keep the planner from the first. */
#define OVERDUE_WHERE "WHERE next_due BETWEEN ?1 AND ?2 AND next_due < ?4 AND ?3 IS NULL"
#define UNIT_OVERDUE_WHERE "WHERE responsible_unit = ?3 AND next_due BETWEEN ?1 AND ?2 AND next_due < ?4"
#define OVERDUE_COLUMNS \
  "SELECT id, number, title, next_step, next_due, responsible_unit FROM \"case\" "
#define OVERDUE_ORDER " ORDER BY next_due, id LIMIT ?5"

void
accord_overdue_case_free (AccordOverdueCase *self)
{
  if (self == NULL)
    return;
  g_free (self->number);
  g_free (self->title);
  g_free (self->step);
  g_free (self->due);
  g_free (self->unit);
  g_free (self);
}

/**
 * accord_store_count_overdue_cases:
 *
 * Returns: how many cases have a pending step whose last day fell in the
 *   period and has passed, or -1 on error
 */
gint64
accord_store_count_overdue_cases (AccordStore  *self,
                                  const char   *from,
                                  const char   *to,
                                  const char   *unit,
                                  GError      **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), -1);

  if (!validate_period (from, to, unit, error))
    return -1;

  today = accord_store_today (self);
  stmt = prepare_period (self,
                         unit != NULL ? "SELECT count(*) FROM \"case\" " UNIT_OVERDUE_WHERE
                                      : "SELECT count(*) FROM \"case\" " OVERDUE_WHERE,
                         from, to, unit, today, error);
  if (stmt == NULL)
    return -1;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    accord_store_sqlite_error (self, rc, error);
  return n;
}

static AccordOverdueCase *
read_overdue (sqlite3_stmt *stmt)
{
  AccordOverdueCase *c = g_new0 (AccordOverdueCase, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->number = accord_column_text (stmt, 1);
  c->title = accord_column_text (stmt, 2);
  c->step = accord_column_text (stmt, 3);
  c->due = accord_column_text (stmt, 4);
  c->unit = accord_column_text (stmt, 5);
  return c;
}

/**
 * accord_store_overdue_cases:
 * @limit: at most this many
 *
 * The cases accord_store_count_overdue_cases() counts, the longest
 * overdue first.
 *
 * Returns: (transfer full) (element-type AccordOverdueCase): the cases,
 *   or %NULL on error
 */
GPtrArray *
accord_store_overdue_cases (AccordStore  *self,
                            const char   *from,
                            const char   *to,
                            const char   *unit,
                            guint         limit,
                            GError      **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if (!validate_period (from, to, unit, error))
    return NULL;

  today = accord_store_today (self);
  stmt = prepare_period (self,
                         unit != NULL ? OVERDUE_COLUMNS UNIT_OVERDUE_WHERE OVERDUE_ORDER
                                      : OVERDUE_COLUMNS OVERDUE_WHERE OVERDUE_ORDER,
                         from, to, unit, today, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 5, limit);

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_overdue_case_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, read_overdue (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      accord_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&cases);
}

/* Sessions */

/* The instants of the period's first moment and of the moment after its
 * last day, in the bureau's time zone, as ?1 and ?2. */
static sqlite3_stmt *
prepare_instants (AccordStore  *self,
                  const char   *sql,
                  const char   *from,
                  const char   *to,
                  const char   *unit,
                  GError      **error)
{
  g_autoptr(GTimeZone) zone = accord_store_get_time_zone (self);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) end = NULL;
  sqlite3_stmt *stmt;

  if (!validate_period (from, to, unit, error))
    return NULL;

  start = g_date_time_new (zone, atoi (from), atoi (from + 5), atoi (from + 8), 0, 0, 0);
  last = g_date_time_new (zone, atoi (to), atoi (to + 5), atoi (to + 8), 0, 0, 0);
  end = g_date_time_add_days (last, 1);
  if ((stmt = accord_store_prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (start));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (end));
  accord_bind_text (stmt, 3, unit);
  return stmt;
}

#define SESSION_UNIT_FILTER \
  " AND (?3 IS NULL OR (SELECT c.responsible_unit FROM \"case\" c WHERE c.id = s.case_id) = ?3)"

void
accord_session_tally_free (AccordSessionTally *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->result);
  g_free (self);
}

/**
 * accord_store_session_results:
 *
 * Hearings and mediations that start in the period and were not
 * cancelled, counted by kind and by the result of their outcome.
 *
 * Returns: (transfer full) (element-type AccordSessionTally): one entry
 *   per kind and result that occurs, by kind then result, or %NULL on error
 */
GPtrArray *
accord_store_session_results (AccordStore  *self,
                              const char   *from,
                              const char   *to,
                              const char   *unit,
                              GError      **error)
{
  g_autoptr(GPtrArray) tallies = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  stmt = prepare_instants (self,
                           "SELECT s.kind, o.result, count(*) FROM session s "
                           "LEFT JOIN outcome o ON o.session_id = s.id "
                           "WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.status <> 'cancelled' "
                           "AND s.kind IN ('hearing', 'mediation')" SESSION_UNIT_FILTER
                           " GROUP BY s.kind, o.result ORDER BY s.kind, o.result",
                           from, to, unit, error);
  if (stmt == NULL)
    return NULL;

  tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_session_tally_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordSessionTally *t = g_new0 (AccordSessionTally, 1);

      t->kind = accord_column_text (stmt, 0);
      t->result = accord_column_text (stmt, 1);
      t->n = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (tallies, t);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      accord_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&tallies);
}

void
accord_workload_free (AccordWorkload *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self);
}

/**
 * accord_store_panelist_workload:
 * @limit: at most this many people
 *
 * The people who sit as panelists in sessions that start in the period
 * and still take place, with how many such sessions each has.
 *
 * Returns: (transfer full) (element-type AccordWorkload): the busiest
 *   first (then by name), or %NULL on error
 */
GPtrArray *
accord_store_panelist_workload (AccordStore  *self,
                                const char   *from,
                                const char   *to,
                                const char   *unit,
                                guint         limit,
                                GError      **error)
{
  g_autoptr(GPtrArray) load = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  /* Counted from the copies of the session's start and whether it takes
   * place that each participant row keeps (session_participant_by_panelist),
   * person by person; only then are the people's names read. */
  stmt = prepare_instants (self,
                           "SELECT p.id, p.name, t.n FROM "
                           "(SELECT sp.person_id, count(*) AS n FROM session_participant sp "
                           " WHERE sp.role = 'panelist' AND sp.starts_at >= ?1 AND sp.starts_at < ?2 "
                           " AND sp.active = 1 AND (?3 IS NULL OR (SELECT c.responsible_unit FROM session s "
                           " JOIN \"case\" c ON c.id = s.case_id WHERE s.id = sp.session_id) = ?3)"
                           " GROUP BY sp.person_id) t "
                           "JOIN person p ON p.id = t.person_id ORDER BY t.n DESC, p.name, p.id LIMIT ?4",
                           from, to, unit, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 4, limit);

  load = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_workload_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordWorkload *w = g_new0 (AccordWorkload, 1);

      w->person_id = sqlite3_column_int64 (stmt, 0);
      w->name = accord_column_text (stmt, 1);
      w->sessions = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (load, w);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      accord_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&load);
}
