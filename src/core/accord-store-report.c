/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-store-report"

#include <glib/gi18n.h>
#include <math.h>

#include "accord-store-private.h"
#include "accord-validate.h"

/* The assessment indicators, counted in SQL over the deadline columns the
 * store keeps with every case. */

static gboolean
run_counts (AccordStore  *self,
            const char   *sql,
            const char   *from,
            const char   *to,
            const char   *unit,
            const char   *today,
            gint64      **outs,
            guint         n_outs,
            GError      **error)
{
  sqlite3_stmt *stmt = accord_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, from);
  accord_bind_text (stmt, 2, to);
  accord_bind_text (stmt, 3, unit);
  accord_bind_text (stmt, 4, today);

  rc = sqlite3_step (stmt);
  for (guint i = 0; rc == SQLITE_ROW && i < n_outs; i++)
    *outs[i] = sqlite3_column_int64 (stmt, i);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return accord_store_sqlite_error (self, rc, error);
  return TRUE;
}

#define UNIT_FILTER " AND (?3 IS NULL OR responsible_unit = ?3)"

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
  g_autofree char *rating_days = accord_store_get_setting (self, "rating_days", "7");
  g_autofree char *rating_cutoff = NULL;
  AccordIndicators *i = out;
  gint64 *acceptance[] = { &i->acceptance_due, &i->acceptance_timely };
  gint64 *completion[] = { &i->completion_due, &i->completion_on_time, &i->completion_late, &i->completion_unreplied };
  gint64 *rating[] = { &i->replied, &i->rated, &i->overdue_unrated, &i->satisfied, &i->basically_satisfied,
                       &i->dissatisfied };
  gint64 *resolution[] = { &i->led, &i->resolved };
  GDate cutoff;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!accord_validate_date (_("From"), from, error) || !accord_validate_date (_("To"), to, error) ||
      !accord_validate_text (_("Responsible unit"), unit, ACCORD_NAME_MAX_CHARS, FALSE, error))
    return FALSE;

  /* Unrated cases count against participation once the rating period is over. */
  g_date_clear (&cutoff, 1);
  g_date_set_parse (&cutoff, today);
  g_date_subtract_days (&cutoff, CLAMP (atoi (rating_days), 0, 365));
  rating_cutoff = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&cutoff), g_date_get_month (&cutoff),
                                   g_date_get_day (&cutoff));

  *out = (AccordIndicators) { 0 };
  return run_counts (self,
                     "SELECT count(*), coalesce (sum (coalesce (accepted_on, declined_on) <= accept_due), 0) "
                     "FROM \"case\" WHERE accept_due BETWEEN ?1 AND ?2 AND accept_due <= ?4" UNIT_FILTER,
                     from, to, unit, today, acceptance, G_N_ELEMENTS (acceptance), error) &&
         run_counts (self,
                     "SELECT count(*), coalesce (sum (replied_on <= reply_due), 0), "
                     "coalesce (sum (replied_on > reply_due), 0), coalesce (sum (replied_on IS NULL), 0) "
                     "FROM \"case\" WHERE reply_due BETWEEN ?1 AND ?2 AND reply_due <= ?4" UNIT_FILTER,
                     from, to, unit, today, completion, G_N_ELEMENTS (completion), error) &&
         run_counts (self,
                     "SELECT count(*), coalesce (sum (evaluation IS NOT NULL), 0), "
                     "coalesce (sum (evaluation IS NULL AND replied_on <= ?4), 0), "
                     "coalesce (sum (evaluation = 'satisfied'), 0), "
                     "coalesce (sum (evaluation = 'basically_satisfied'), 0), "
                     "coalesce (sum (evaluation = 'dissatisfied'), 0) "
                     "FROM \"case\" WHERE replied_on BETWEEN ?1 AND ?2" UNIT_FILTER,
                     from, to, unit, rating_cutoff, rating, G_N_ELEMENTS (rating), error) &&
         run_counts (self,
                     "SELECT count(*), coalesce (sum (status = 'terminated' OR "
                     "evaluation IN ('satisfied', 'basically_satisfied')), 0) "
                     "FROM \"case\" WHERE received_on BETWEEN ?1 AND ?2 AND leader IS NOT NULL" UNIT_FILTER,
                     from, to, unit, today, resolution, G_N_ELEMENTS (resolution), error);
}

/* A percentage, or NAN when nothing was counted. */
double
accord_indicator_rate (gint64 part,
                       gint64 whole)
{
  return whole > 0 ? 100.0 * (double) part / (double) whole : NAN;
}
