/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-reminders"

#include <glib/gi18n.h>
#include <stdio.h>

#include "accord-deadlines.h"
#include "accord-enums.h"
#include "accord-reminders.h"
#include "accord-store-private.h"
#include "accord-validate.h"

/* The reminder planner: what is due now, each with a stable key so that
 * nothing is told twice.  The queries are range scans over the indexed
 * deadline and time columns, so planning does not grow with the register. */

typedef struct
{
  AccordStore *store;
  gint64       now;
  char        *today;
  char        *soon;         /* today + the due-soon margin */
  GTimeZone   *zone;
  GHashTable  *sent;         /* keys already delivered (only those asked about) */
  GPtrArray   *reminders;
} Planner;

void
accord_reminder_free (AccordReminder *self)
{
  if (self == NULL)
    return;
  g_free (self->key);
  g_free (self->kind);
  g_free (self->case_number);
  g_free (self->summary);
  g_free (self->body);
  g_free (self);
}

static void
planner_clear (Planner *p)
{
  g_clear_pointer (&p->today, g_free);
  g_clear_pointer (&p->soon, g_free);
  g_clear_pointer (&p->zone, g_time_zone_unref);
  g_clear_pointer (&p->sent, g_hash_table_unref);
  g_clear_pointer (&p->reminders, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Planner, planner_clear)

static gboolean
was_sent (Planner    *p,
          const char *key)
{
  sqlite3_stmt *stmt = accord_store_prepare (p->store, "SELECT 1 FROM reminder_sent WHERE key = ?", NULL);
  gboolean sent;

  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, key);
  sent = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return sent;
}

/* Takes @summary and @body. */
static void
add (Planner       *p,
     char          *key,
     const char    *kind,
     AccordUrgency  urgency,
     const char    *case_number,
     gint64         session_id,
     char          *summary,
     char          *body)
{
  AccordReminder *r;

  if (was_sent (p, key))
    {
      g_free (key);
      g_free (summary);
      g_free (body);
      return;
    }

  r = g_new0 (AccordReminder, 1);
  r->key = key;
  r->kind = g_strdup (kind);
  r->urgency = urgency;
  r->case_number = g_strdup (case_number);
  r->session_id = session_id;
  r->summary = summary;
  r->body = body;
  g_ptr_array_add (p->reminders, r);
}

static char *
local_time (Planner *p,
            gint64   instant,
            const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, p->zone);

  return g_date_time_format (local, format);
}

static char *
date_plus (const char *date,
           int         days)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

/* Sessions starting within each lead time ("86400,3600"): one reminder per
 * session and lead. */
static gboolean
plan_sessions (Planner  *p,
               GError  **error)
{
  g_autofree char *leads = accord_store_get_setting (p->store, "reminders.lead_seconds", "86400,3600");
  g_auto(GStrv) parts = g_strsplit (leads, ",", -1);
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (p->store,
                               "SELECT s.id, c.number, s.kind, s.starts_at, v.name FROM session s "
                               "JOIN \"case\" c ON c.id = s.case_id LEFT JOIN venue v ON v.id = s.venue_id "
                               "WHERE s.starts_at > ?1 AND s.starts_at <= ?2 AND s.status IN ('planned', 'notified') "
                               "ORDER BY s.starts_at", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 lead = g_ascii_strtoll (parts[i], NULL, 10);
      int rc;

      if (lead <= 0)
        continue;
      sqlite3_bind_int64 (stmt, 1, p->now);
      sqlite3_bind_int64 (stmt, 2, p->now + lead);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *number = (const char *) sqlite3_column_text (stmt, 1);
          const char *kind = accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, (const char *) sqlite3_column_text (stmt, 2));
          const char *venue = (const char *) sqlite3_column_text (stmt, 4);
          g_autofree char *when = local_time (p, sqlite3_column_int64 (stmt, 3), "%Y-%m-%d %H:%M");

          add (p, g_strdup_printf ("session:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, id, lead), "session",
               ACCORD_URGENCY_NORMAL, number, id,
               /* TRANSLATORS: "Hearing soon: XF-2026-000031" */
               g_strdup_printf (_("%s soon: %s"), kind, number),
               venue ? g_strdup_printf (_("Starts at %s in %s."), when, venue)
                     : g_strdup_printf (_("Starts at %s."), when));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return accord_store_sqlite_error (p->store, rc, error);
    }
  return TRUE;
}

/* Planned hearings whose notice must go out today to respect the notice
 * period (setting schedule.notice_days, default 7). */
static gboolean
plan_notices (Planner  *p,
              GError  **error)
{
  g_autofree char *days = accord_store_get_setting (p->store, "schedule.notice_days", "7");
  g_autofree char *limit = date_plus (p->today, atoi (days) + 1);
  g_autoptr(GDateTime) limit_start = NULL;
  sqlite3_stmt *stmt;
  int y, m, d, rc;

  /* Hearings before the start of that local day. */
  sscanf (limit, "%d-%d-%d", &y, &m, &d);
  limit_start = g_date_time_new (p->zone, y, m, d, 0, 0, 0);

  stmt = accord_store_prepare (p->store,
                               "SELECT s.id, c.number, s.starts_at FROM session s JOIN \"case\" c ON c.id = s.case_id "
                               "WHERE s.kind = 'hearing' AND s.status = 'planned' AND s.starts_at > ?1 "
                               "AND s.starts_at < ?2 ORDER BY s.starts_at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->now);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (limit_start));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *number = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *when = local_time (p, sqlite3_column_int64 (stmt, 2), "%Y-%m-%d %H:%M");

      add (p, g_strdup_printf ("notice:%" G_GINT64_FORMAT, id), "notice", ACCORD_URGENCY_CRITICAL, number, id,
           g_strdup_printf (_("Send the hearing notice: %s"), number),
           g_strdup_printf (_("The hearing on %s needs its written notice now to respect the notice period of %s days."),
                            when, days));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (p->store, rc, error);
  return TRUE;
}

static void
add_step (Planner    *p,
          const char *number,
          const char *step,
          const char *due)
{
  gboolean overdue = strcmp (due, p->today) < 0;
  const char *label = accord_deadline_step_label (step);

  if (overdue)
    /* Repeated at most once a day: the key carries today's date. */
    add (p, g_strdup_printf ("overdue:%s:%s:%s", number, step, p->today), "overdue", ACCORD_URGENCY_CRITICAL,
         number, 0, g_strdup_printf (_("Overdue: %s"), number),
         g_strdup_printf (_("The step “%s” was due on %s. Act on the case today."), label, due));
  else
    add (p, g_strdup_printf ("step:%s:%s:%s", number, step, due), "step", ACCORD_URGENCY_NORMAL,
         number, 0, g_strdup_printf (_("Due soon: %s"), number),
         g_strdup_printf (_("The step “%s” is due on %s."), label, due));
}

/* The most urgent pending steps one by one, the rest in one summary. */
static gboolean
plan_steps (Planner  *p,
            guint     limit,
            GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 total = 0;
  int rc;

  stmt = accord_store_prepare (p->store,
                               "SELECT number, next_step, next_due FROM \"case\" WHERE next_due <= ?1 "
                               "ORDER BY next_due, id LIMIT ?2", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, p->soon);
  sqlite3_bind_int (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_step (p, (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
              (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (p->store, rc, error);

  stmt = accord_store_prepare (p->store, "SELECT count(*) FROM \"case\" WHERE next_due <= ?1", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, p->soon);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    total = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (total > limit)
    {
      gint64 more = total - limit;

      add (p, g_strdup_printf ("summary:%s", p->today), "summary", ACCORD_URGENCY_NORMAL, NULL, 0,
           g_strdup_printf (ngettext ("%lld more case has a step due or overdue",
                                      "%lld more cases have steps due or overdue", (gulong) MIN (more, (gint64) G_MAXLONG)),
                            (long long) more),
           g_strdup (_("Open Accord and sort the cases by their next deadline.")));
    }
  return TRUE;
}

/* Follow-up visits and agreed terms due within the margin, and documents
 * issued but not signed for more than 3 days. */
static gboolean
plan_outcomes (Planner  *p,
               GError  **error)
{
  static const char *sql =
    "SELECT 'follow_up', o.id, c.number, o.follow_up_on, NULL FROM outcome o "
    "JOIN session s ON s.id = o.session_id JOIN \"case\" c ON c.id = s.case_id "
    "WHERE o.follow_up_on BETWEEN ?1 AND ?2 "
    "UNION ALL SELECT 'term', t.id, c.number, t.due_on, t.obligation FROM outcome_term t "
    "JOIN outcome o ON o.id = t.outcome_id JOIN session s ON s.id = o.session_id "
    "JOIN \"case\" c ON c.id = s.case_id WHERE NOT t.performed AND t.due_on <= ?2 "
    "UNION ALL SELECT 'signature', d.id, c.number, date (d.issued_at, 'unixepoch'), d.kind FROM document d "
    "JOIN \"case\" c ON c.id = d.case_id WHERE d.status = 'issued' AND d.issued_at < ?3";
  sqlite3_stmt *stmt = accord_store_prepare (p->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, p->today);
  accord_bind_text (stmt, 2, p->soon);
  sqlite3_bind_int64 (stmt, 3, p->now - 3 * 86400);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      const char *number = (const char *) sqlite3_column_text (stmt, 2);
      const char *date = (const char *) sqlite3_column_text (stmt, 3);
      char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);

      if (g_str_equal (kind, "follow_up"))
        add (p, key, kind, ACCORD_URGENCY_NORMAL, number, 0, g_strdup_printf (_("Follow-up visit: %s"), number),
             g_strdup_printf (_("A follow-up visit is planned for %s."), date));
      else if (g_str_equal (kind, "term"))
        add (p, key, kind, strcmp (date, p->today) < 0 ? ACCORD_URGENCY_CRITICAL : ACCORD_URGENCY_NORMAL, number, 0,
             g_strdup_printf (_("Agreed term due: %s"), number),
             g_strdup_printf (_("An agreed term is due on %s; check that it is performed."), date));
      else
        add (p, key, kind, ACCORD_URGENCY_NORMAL, number, 0, g_strdup_printf (_("Waiting for signature: %s"), number),
             g_strdup_printf (_("A document issued on %s has not been signed yet."), date));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (p->store, rc, error);
  return TRUE;
}

static int
compare_urgency (gconstpointer a,
                 gconstpointer b)
{
  const AccordReminder *x = *(AccordReminder * const *) a, *y = *(AccordReminder * const *) b;

  return (int) y->urgency - (int) x->urgency;
}

GPtrArray *
accord_reminders_plan (AccordStore  *store,
                       gint64        now,
                       guint         limit,
                       GError      **error)
{
  g_auto(Planner) p = { store, now };
  g_autofree char *soon_days = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  p.zone = accord_store_get_time_zone (store);
  utc = g_date_time_new_from_unix_utc (now);
  local = g_date_time_to_timezone (utc, p.zone);
  p.today = g_date_time_format (local, "%Y-%m-%d");
  soon_days = accord_store_get_setting (store, "deadline_due_soon_days", "3");
  p.soon = date_plus (p.today, CLAMP (atoi (soon_days), 0, 60));
  p.reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_reminder_free);

  if (!plan_sessions (&p, error) || !plan_notices (&p, error) || !plan_steps (&p, limit, error) ||
      !plan_outcomes (&p, error))
    return NULL;

  g_ptr_array_sort (p.reminders, compare_urgency);
  return g_steal_pointer (&p.reminders);
}

typedef struct
{
  GPtrArray *reminders;
  gint64     now;
} MarkSent;

static gboolean
mark_sent_action (AccordStore  *store,
                  gpointer      data,
                  GError      **error)
{
  MarkSent *m = data;
  g_autoptr(JsonBuilder) details = json_builder_new ();
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store, "INSERT OR IGNORE INTO reminder_sent (key, sent_at) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < m->reminders->len; i++)
    {
      AccordReminder *r = g_ptr_array_index (m->reminders, i);

      accord_bind_text (stmt, 1, r->key);
      sqlite3_bind_int64 (stmt, 2, m->now);
      if (!accord_store_step_done (store, stmt, error))
        return FALSE;
    }

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "reminders");
  json_builder_add_int_value (details, m->reminders->len);
  json_builder_end_object (details);
  return accord_store_audit (store, "reminders.sent", "reminder", 0, details, error);
}

gboolean
accord_reminders_mark_sent (AccordStore  *store,
                            GPtrArray    *reminders,
                            gint64        now,
                            GError      **error)
{
  MarkSent m = { reminders, now };

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (reminders != NULL, FALSE);

  if (reminders->len == 0)
    return TRUE;
  return accord_store_run (store, mark_sent_action, &m, error);
}
