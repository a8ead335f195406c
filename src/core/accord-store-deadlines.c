/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-store-deadlines"

#include <glib/gi18n.h>
#include <string.h>

#include "accord-deadlines.h"
#include "accord-store-private.h"
#include "accord-validate.h"

/* The deadlines of a case under the profile in force, the columns derived
 * from them, and extensions. */

typedef struct
{
  GPtrArray *strings;       /* owns the texts the extensions point to */
  GArray    *extensions;    /* AccordExtension */
  int        hearing_days;
} DeadlineFacts;

static void
deadline_facts_clear (DeadlineFacts *facts)
{
  g_clear_pointer (&facts->strings, g_ptr_array_unref);
  g_clear_pointer (&facts->extensions, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DeadlineFacts, deadline_facts_clear)

static gboolean
load_extensions (AccordStore    *self,
                 gint64          case_id,
                 DeadlineFacts  *facts,
                 GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (self,
                               "SELECT step, days, approver, reason FROM case_extension WHERE case_id = ? ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordExtension e = { 0 };

      g_ptr_array_add (facts->strings, accord_column_text (stmt, 0));
      e.step = g_ptr_array_index (facts->strings, facts->strings->len - 1);
      e.days = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (facts->strings, accord_column_text (stmt, 2));
      e.approver = g_ptr_array_index (facts->strings, facts->strings->len - 1);
      g_ptr_array_add (facts->strings, accord_column_text (stmt, 3));
      e.reason = g_ptr_array_index (facts->strings, facts->strings->len - 1);
      g_array_append_val (facts->extensions, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (self, rc, error);
  return TRUE;
}

/* Time spent on hearings after the re-review request is not counted
 * (DOMAIN.md §2): each hearing adds the days from its notice (or, without
 * one, from the day it was booked) to the hearing itself, both included. */
static gboolean
load_hearing_days (AccordStore    *self,
                   AccordCase     *c,
                   DeadlineFacts  *facts,
                   GError        **error)
{
  const char *requested = accord_case_get_text (c, ACCORD_CASE_RE_REVIEW_REQUESTED_ON);
  sqlite3_stmt *stmt;
  int rc;

  if (requested == NULL)
    return TRUE;
  stmt = accord_store_prepare (self,
                               "SELECT starts_at, notice_date, created_at FROM session "
                               "WHERE case_id = ? AND kind = 'hearing' AND status <> 'cancelled'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, accord_case_get_id (c));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Local dates of the bureau, compared as YYYY-MM-DD text. */
      g_autofree char *day = accord_store_format_local (self, sqlite3_column_int64 (stmt, 0), "%Y-%m-%d");
      g_autofree char *booked = accord_store_format_local (self, sqlite3_column_int64 (stmt, 2), "%Y-%m-%d");
      const char *notice = (const char *) sqlite3_column_text (stmt, 1);
      const char *from = notice != NULL ? notice : booked;
      GDate first, last;

      if (strcmp (day, requested) < 0)
        continue;
      if (strcmp (from, requested) < 0)
        from = requested;
      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
      g_date_set_parse (&first, from);
      g_date_set_parse (&last, day);
      if (g_date_valid (&first) && g_date_valid (&last))
        facts->hearing_days += MAX (g_date_days_between (&first, &last) + 1, 0);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (self, rc, error);
  return TRUE;
}

static GPtrArray *
compute_deadlines (AccordStore  *self,
                   AccordCase   *c,
                   GError      **error)
{
  g_auto(DeadlineFacts) facts = { g_ptr_array_new_with_free_func (g_free),
                                  g_array_new (FALSE, FALSE, sizeof (AccordExtension)), 0 };
  g_autofree char *today = accord_today ();
  g_autofree char *soon = accord_store_get_setting (self, "deadline_due_soon_days", "3");
  AccordDeadlineProfile *profile = accord_store_deadline_profile (self, error);
  AccordCalendar *calendar;
  AccordDeadlineContext context;

  if (profile == NULL || (calendar = accord_store_calendar (self, error)) == NULL ||
      !load_extensions (self, accord_case_get_id (c), &facts, error) ||
      !load_hearing_days (self, c, &facts, error))
    return NULL;

  context = (AccordDeadlineContext) { (const AccordExtension *) facts.extensions->data, facts.extensions->len,
                                      facts.hearing_days, today, atoi (soon) };
  return accord_deadlines_compute (profile, calendar, c, &context);
}

static const char *
due_of (GPtrArray  *deadlines,
        const char *step)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      AccordDeadline *d = g_ptr_array_index (deadlines, i);
      if (g_str_equal (d->step, step))
        return d->due_date;
    }
  return NULL;
}

static AccordDeadline *
next_pending (GPtrArray *deadlines)
{
  AccordDeadline *next = NULL;

  for (guint i = 0; i < deadlines->len; i++)
    {
      AccordDeadline *d = g_ptr_array_index (deadlines, i);

      /* The next step is the bureau's: not the petitioner's or another body's period. */
      if (d->done_date == NULL && accord_deadline_is_bureau_step (d->step) &&
          (next == NULL || strcmp (d->due_date, next->due_date) < 0))
        next = d;
    }
  return next;
}

/* Keeps the derived deadline columns of a case in step with its state;
 * called inside every action that changes a case. */
gboolean
accord_store_refresh_deadlines (AccordStore  *self,
                                gint64        case_id,
                                GError      **error)
{
  g_autoptr(AccordCase) c = accord_store_find_case (self, NULL, case_id, error);
  g_autoptr(GPtrArray) deadlines = NULL;
  AccordDeadline *next;
  sqlite3_stmt *stmt;

  if (c == NULL || (deadlines = compute_deadlines (self, c, error)) == NULL)
    return FALSE;

  next = next_pending (deadlines);
  stmt = accord_store_prepare (self,
                               "UPDATE \"case\" SET accept_due = ?, reply_due = ?, next_step = ?, next_due = ? "
                               "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, due_of (deadlines, "accept"));
  accord_bind_text (stmt, 2, due_of (deadlines, "reply"));
  accord_bind_text (stmt, 3, next ? next->step : NULL);
  accord_bind_text (stmt, 4, next ? next->due_date : NULL);
  sqlite3_bind_int64 (stmt, 5, case_id);
  return accord_store_step_done (self, stmt, error);
}

/**
 * accord_store_case_deadlines:
 *
 * Returns: (transfer full): the case's AccordDeadline values under the
 * profile in force, pending and done.
 */
GPtrArray *
accord_store_case_deadlines (AccordStore  *self,
                             const char   *number,
                             GError      **error)
{
  g_autoptr(AccordCase) c = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if ((c = accord_store_find_case (self, number, 0, error)) == NULL)
    return NULL;
  return compute_deadlines (self, c, error);
}

typedef struct
{
  const char *number;
  const char *step;
  int         days;
  const char *approver;
  const char *reason;
} Extension;

static int
extended_so_far (AccordStore *self,
                 gint64       case_id,
                 const char  *step)
{
  sqlite3_stmt *stmt = accord_store_prepare (self,
                                             "SELECT coalesce (sum (days), 0) FROM case_extension "
                                             "WHERE case_id = ? AND step = ?", NULL);
  int days = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  accord_bind_text (stmt, 2, step);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    days = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return days;
}

static gboolean
step_is_pending (GPtrArray  *deadlines,
                 const char *step)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      AccordDeadline *d = g_ptr_array_index (deadlines, i);
      if (g_str_equal (d->step, step))
        return d->done_date == NULL;
    }
  return FALSE;
}

static gboolean
check_extension (AccordStore  *self,
                 AccordCase   *c,
                 Extension    *e,
                 GError      **error)
{
  AccordDeadlineProfile *profile = accord_store_deadline_profile (self, error);
  g_autoptr(GPtrArray) deadlines = NULL;
  int max, so_far;

  if (profile == NULL || (deadlines = compute_deadlines (self, c, error)) == NULL)
    return FALSE;
  if ((max = accord_deadline_profile_max_extension (profile, e->step)) <= 0)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("Step: this period cannot be extended"));
      return FALSE;
    }
  if (!step_is_pending (deadlines, e->step))
    {
      g_set_error_literal (error, ACCORD_CASE_ERROR, ACCORD_CASE_ERROR_NOT_ALLOWED,
                           _("Only a step that is still pending can be extended"));
      return FALSE;
    }
  so_far = extended_so_far (self, accord_case_get_id (c), e->step);
  if (e->days < 1 || so_far + e->days > max)
    {
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                   _("Days: this period can be extended by at most %d days in all, and %d are already granted"),
                   max, so_far);
      return FALSE;
    }
  return TRUE;
}

static gboolean
extend_action (AccordStore  *self,
               gpointer      data,
               GError      **error)
{
  Extension *e = data;
  g_autoptr(AccordCase) c = accord_store_find_case (self, e->number, 0, error);
  g_autoptr(JsonBuilder) details = json_builder_new ();
  sqlite3_stmt *stmt;

  if (c == NULL || !check_extension (self, c, e, error))
    return FALSE;

  stmt = accord_store_prepare (self,
                               "INSERT INTO case_extension (case_id, step, days, approver, reason, granted_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, accord_case_get_id (c));
  accord_bind_text (stmt, 2, e->step);
  sqlite3_bind_int (stmt, 3, e->days);
  accord_bind_text (stmt, 4, e->approver);
  accord_bind_text (stmt, 5, e->reason);
  sqlite3_bind_int64 (stmt, 6, accord_store_now ());
  if (!accord_store_step_done (self, stmt, error) ||
      !accord_store_refresh_deadlines (self, accord_case_get_id (c), error))
    return FALSE;

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "number");
  json_builder_add_string_value (details, e->number);
  json_builder_set_member_name (details, "step");
  json_builder_add_string_value (details, e->step);
  json_builder_set_member_name (details, "days");
  json_builder_add_int_value (details, e->days);
  json_builder_set_member_name (details, "approver");
  json_builder_add_string_value (details, e->approver);
  json_builder_set_member_name (details, "reason");
  json_builder_add_string_value (details, e->reason);
  json_builder_end_object (details);
  return accord_store_audit (self, "case.extend", "case", accord_case_get_id (c), details, error);
}

/**
 * accord_store_extend_deadline:
 *
 * Extends a pending step's period (for example the 60 days to reply) with
 * the approver and the reason, within the profile's limit; audited.
 */
gboolean
accord_store_extend_deadline (AccordStore  *self,
                              const char   *number,
                              const char   *step,
                              int           days,
                              const char   *approver,
                              const char   *reason,
                              GError      **error)
{
  Extension e = { number, step, days, approver, reason };

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (number != NULL && step != NULL, FALSE);

  if (!accord_validate_text (_("Approver"), approver, ACCORD_NAME_MAX_CHARS, TRUE, error) ||
      !accord_validate_text (_("Reason"), reason, 2000, TRUE, error))
    return FALSE;
  return accord_store_run (self, extend_action, &e, error);
}
