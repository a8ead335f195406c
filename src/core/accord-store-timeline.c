/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-store-timeline"

#include <glib/gi18n.h>
#include <string.h>

#include "accord-deadlines.h"
#include "accord-enums.h"
#include "accord-store-private.h"

/* What happened to a case, gathered from where each thing is recorded:
 * the workflow dates on the case, the audit log (edits, extensions,
 * evaluation and the instant of each step), its sessions and documents,
 * and the reminders sent about it. */

typedef struct
{
  AccordStore *store;
  AccordCase  *c;
  GPtrArray   *events;
  GHashTable  *audit_times;   /* action -> instant of its first entry */
  GArray      *session_ids;
  GArray      *document_ids;
} Timeline;

/* A workflow step, the date field that records it and what it adds. */
static const struct
{
  const char     *verb;
  AccordCaseText  date;
  const char     *title;
  AccordCaseText  detail;
  AccordVocab     vocab;        /* ACCORD_N_VOCABS: the detail is shown as it is */
} steps[] = {
  { "add", ACCORD_CASE_RECEIVED_ON, N_("Received and registered"), ACCORD_CASE_CHANNEL, ACCORD_VOCAB_CHANNEL },
  { "accept", ACCORD_CASE_ACCEPTED_ON, N_("Accepted"), ACCORD_CASE_N_TEXTS, ACCORD_N_VOCABS },
  { "decline", ACCORD_CASE_DECLINED_ON, N_("Declined"), ACCORD_CASE_DECLINE_REASON, ACCORD_N_VOCABS },
  { "assign", ACCORD_CASE_ASSIGNED_ON, N_("Assigned to a unit"), ACCORD_CASE_RESPONSIBLE_UNIT, ACCORD_N_VOCABS },
  { "reply", ACCORD_CASE_REPLIED_ON, N_("Replied in writing"), ACCORD_CASE_OPINION, ACCORD_VOCAB_OPINION },
  { "request-review", ACCORD_CASE_REVIEW_REQUESTED_ON, N_("Review requested"), ACCORD_CASE_N_TEXTS, ACCORD_N_VOCABS },
  { "review-reply", ACCORD_CASE_REVIEWED_ON, N_("Review opinion given"), ACCORD_CASE_REVIEW_OPINION, ACCORD_VOCAB_OPINION },
  { "request-re-review", ACCORD_CASE_RE_REVIEW_REQUESTED_ON, N_("Re-review requested"), ACCORD_CASE_N_TEXTS, ACCORD_N_VOCABS },
  { "terminate", ACCORD_CASE_TERMINATED_ON, N_("Terminated"), ACCORD_CASE_RE_REVIEW_OPINION, ACCORD_VOCAB_OPINION },
};

void
accord_case_event_free (AccordCaseEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->date);
  g_free (event->kind);
  g_free (event->code);
  g_free (event->title);
  g_free (event->detail);
  g_free (event);
}

static AccordCaseEvent *
add_event (Timeline   *t,
           const char *date,
           gint64      at,
           const char *kind,
           const char *code,
           char       *title,
           char       *detail)
{
  AccordCaseEvent *e = g_new0 (AccordCaseEvent, 1);

  e->date = at != 0 ? accord_store_format_local (t->store, at, "%Y-%m-%d") : g_strdup (date);
  e->at = at;
  e->kind = g_strdup (kind);
  e->code = g_strdup (code);
  e->title = title;
  e->detail = detail;
  g_ptr_array_add (t->events, e);
  return e;
}

static char *
text_of (AccordCase    *c,
         AccordCaseText field,
         AccordVocab    vocab)
{
  const char *value = field < ACCORD_CASE_N_TEXTS ? accord_case_get_text (c, field) : NULL;

  if (value == NULL || *value == '\0')
    return NULL;
  return g_strdup (vocab < ACCORD_N_VOCABS ? accord_vocab_label (vocab, value) : value);
}

static char *
extension_detail (JsonObject *details)
{
  const char *step = json_object_get_string_member_with_default (details, "step", NULL);
  const char *approver = json_object_get_string_member_with_default (details, "approver", "");
  const char *reason = json_object_get_string_member_with_default (details, "reason", "");
  gint64 days = json_object_get_int_member_with_default (details, "days", 0);

  /* Translators: a deadline extension: the step, the days, who approved it and why. */
  return g_strdup_printf (ngettext ("%s: %d more day, approved by %s (%s)",
                                    "%s: %d more days, approved by %s (%s)", (gulong) days),
                          accord_deadline_step_label (step), (int) days, approver, reason);
}

static void
add_audit_event (Timeline   *t,
                 gint64      at,
                 const char *action,
                 JsonObject *details)
{
  if (g_str_equal (action, "case.update"))
    add_event (t, NULL, at, "update", "update", g_strdup (_("Particulars edited")), NULL);
  else if (g_str_equal (action, "case.extend") && details != NULL)
    add_event (t, NULL, at, "extension", "extend", g_strdup (_("Deadline extended")), extension_detail (details));
  else if (g_str_equal (action, "case.evaluate"))
    add_event (t, NULL, at, "step", "evaluate", g_strdup (_("Evaluation recorded")),
               text_of (t->c, ACCORD_CASE_EVALUATION, ACCORD_VOCAB_EVALUATION));
}

static JsonObject *
parse_details (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_object_ref (json_node_get_object (root)) : NULL;
}

static gboolean
gather_audit (Timeline  *t,
              GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (t->store,
                               "SELECT at, action, details FROM audit WHERE entity = 'case' AND entity_id = ? "
                               "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, accord_case_get_id (t->c));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 at = sqlite3_column_int64 (stmt, 0);
      const char *action = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(JsonObject) details = parse_details ((const char *) sqlite3_column_text (stmt, 2));

      if (!g_hash_table_contains (t->audit_times, action))
        g_hash_table_insert (t->audit_times, g_strdup (action), g_memdup2 (&at, sizeof at));
      add_audit_event (t, at, action, details);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (t->store, rc, error);
  return TRUE;
}

/* The step's own date is what counts (it may be back-dated); the audit
 * entry, when there is one on that same day, adds the time it was done. */
static void
gather_steps (Timeline *t)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const char *date = accord_case_get_text (t->c, steps[i].date);
      g_autofree char *action = g_strconcat ("case.", steps[i].verb, NULL);
      gint64 *at = g_hash_table_lookup (t->audit_times, action);
      g_autofree char *at_date = at != NULL ? accord_store_format_local (t->store, *at, "%Y-%m-%d") : NULL;
      AccordCaseEvent *e;

      if (date == NULL)
        continue;
      e = add_event (t, date, 0, "step", steps[i].verb, g_strdup (_(steps[i].title)),
                     text_of (t->c, steps[i].detail, steps[i].vocab));
      if (at != NULL && g_strcmp0 (at_date, date) == 0)
        e->at = *at;
    }
}

static gboolean
gather_sessions (Timeline  *t,
                 GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (t->store,
                               "SELECT s.id, s.kind, s.status, s.starts_at, v.name FROM session s "
                               "LEFT JOIN venue v ON v.id = s.venue_id WHERE s.case_id = ? ORDER BY s.starts_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, accord_case_get_id (t->c));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      const char *status = accord_vocab_label (ACCORD_VOCAB_SESSION_STATUS, (const char *) sqlite3_column_text (stmt, 2));
      const char *venue = (const char *) sqlite3_column_text (stmt, 4);
      AccordCaseEvent *e;

      e = add_event (t, NULL, sqlite3_column_int64 (stmt, 3), "session", kind,
                     g_strdup (accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, kind)),
                     venue != NULL ? g_strdup_printf ("%s · %s", status, venue) : g_strdup (status));
      e->session_id = id;
      g_array_append_val (t->session_ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (t->store, rc, error);
  return TRUE;
}

static const char *
document_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("document", "draft");
  if (g_strcmp0 (status, "issued") == 0)
    return C_("document", "issued");
  if (g_strcmp0 (status, "signed") == 0)
    return C_("document", "signed");
  return C_("document", "void");
}

static gboolean
gather_documents (Timeline  *t,
                  GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (t->store,
                               "SELECT id, kind, number, status, coalesce (issued_at, created_at), session_id "
                               "FROM document WHERE case_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, accord_case_get_id (t->c));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      const char *number = (const char *) sqlite3_column_text (stmt, 2);
      const char *status = (const char *) sqlite3_column_text (stmt, 3);
      AccordCaseEvent *e;

      /* Translators: a document in a case's timeline: its kind and its status. */
      e = add_event (t, NULL, sqlite3_column_int64 (stmt, 4), "document", kind,
                     g_strdup_printf (_("%s (%s)"), accord_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, kind),
                                      document_status_label (status)),
                     g_strdup (number));
      e->document_id = id;
      e->session_id = sqlite3_column_int64 (stmt, 5);
      g_array_append_val (t->document_ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (t->store, rc, error);
  return TRUE;
}

static char *
reminder_title (const char *kind)
{
  if (g_str_equal (kind, "overdue"))
    return g_strdup (_("Reminder sent: a step is overdue"));
  if (g_str_equal (kind, "step"))
    return g_strdup (_("Reminder sent: a step is due soon"));
  if (g_str_equal (kind, "session"))
    return g_strdup (_("Reminder sent: a session is coming up"));
  if (g_str_equal (kind, "notice"))
    return g_strdup (_("Reminder sent: a hearing notice must go out"));
  return g_strdup (_("Reminder sent: a document waits for signature"));
}

/* Reminder keys start with their kind and what they are about (see
 * accord-reminders.c), so each prefix is one range of the primary key. */
static gboolean
gather_reminders_with_prefix (Timeline    *t,
                              const char  *kind,
                              const char  *prefix,
                              gboolean     exact,
                              GError     **error)
{
  g_autofree char *end = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (t->store,
                               "SELECT key, sent_at FROM reminder_sent WHERE (?3 AND key = ?1) "
                               "OR (NOT ?3 AND key >= ?1 AND key < ?2)", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, prefix);
  accord_bind_text (stmt, 2, end);
  sqlite3_bind_int (stmt, 3, exact);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      g_auto(GStrv) parts = g_strsplit (key, ":", 4);
      /* overdue:NUMBER:STEP:DATE and step:NUMBER:STEP:DUE name the step. */
      const char *step = g_strv_length (parts) >= 3 && (g_str_equal (kind, "overdue") || g_str_equal (kind, "step"))
                         ? parts[2] : NULL;

      add_event (t, NULL, sqlite3_column_int64 (stmt, 1), "reminder", kind, reminder_title (kind),
                 step != NULL ? g_strdup (accord_deadline_step_label (step)) : NULL);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (t->store, rc, error);
  return TRUE;
}

static gboolean
gather_reminders (Timeline  *t,
                  GError   **error)
{
  const char *number = accord_case_get_number (t->c);
  g_autofree char *overdue = g_strdup_printf ("overdue:%s:", number);
  g_autofree char *step = g_strdup_printf ("step:%s:", number);

  if (!gather_reminders_with_prefix (t, "overdue", overdue, FALSE, error) ||
      !gather_reminders_with_prefix (t, "step", step, FALSE, error))
    return FALSE;

  for (guint i = 0; i < t->session_ids->len; i++)
    {
      gint64 id = g_array_index (t->session_ids, gint64, i);
      g_autofree char *session = g_strdup_printf ("session:%" G_GINT64_FORMAT ":", id);
      g_autofree char *notice = g_strdup_printf ("notice:%" G_GINT64_FORMAT, id);

      if (!gather_reminders_with_prefix (t, "session", session, FALSE, error) ||
          !gather_reminders_with_prefix (t, "notice", notice, TRUE, error))
        return FALSE;
    }
  for (guint i = 0; i < t->document_ids->len; i++)
    {
      g_autofree char *signature = g_strdup_printf ("signature:%" G_GINT64_FORMAT,
                                                    g_array_index (t->document_ids, gint64, i));

      if (!gather_reminders_with_prefix (t, "signature", signature, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

/* By day; within a day, what has only a date comes first, then by time.
 * The sort is stable, so steps of one day keep the workflow's order. */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const AccordCaseEvent *x = *(AccordCaseEvent * const *) a;
  const AccordCaseEvent *y = *(AccordCaseEvent * const *) b;
  int by_date = g_strcmp0 (x->date, y->date);

  if (by_date != 0)
    return by_date;
  return (x->at > y->at) - (x->at < y->at);
}

/**
 * accord_store_case_timeline:
 *
 * Returns: (transfer full): the AccordCaseEvent values of the case, oldest
 * first: its workflow steps, edits, extensions and evaluation, sessions,
 * documents and the reminders sent about it
 */
GPtrArray *
accord_store_case_timeline (AccordStore  *self,
                            const char   *number,
                            GError      **error)
{
  g_autoptr(AccordCase) c = NULL;
  g_autoptr(GHashTable) audit_times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_case_event_free);
  Timeline t;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if ((c = accord_store_find_case (self, number, 0, error)) == NULL)
    return NULL;

  t = (Timeline) { self, c, events, audit_times, session_ids, document_ids };
  if (!gather_audit (&t, error))
    return NULL;
  gather_steps (&t);
  if (!gather_sessions (&t, error) || !gather_documents (&t, error) || !gather_reminders (&t, error))
    return NULL;

  g_ptr_array_sort (events, compare_events);
  return g_steal_pointer (&events);
}

/**
 * accord_store_case_sessions:
 *
 * Returns: (transfer full): the AccordSession values of the case in order
 * of time, cancelled ones included, without their participants
 */
GPtrArray *
accord_store_case_sessions (AccordStore  *self,
                            const char   *number,
                            GError      **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_session_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  stmt = accord_store_prepare (self,
                               "SELECT s.id, s.case_id, c.number, s.kind, s.starts_at, s.ends_at, "
                               "coalesce (s.venue_id, 0), v.name, s.status, s.public, s.notice_date, s.version "
                               "FROM session s JOIN \"case\" c ON c.id = s.case_id "
                               "LEFT JOIN venue v ON v.id = s.venue_id WHERE c.number = ? ORDER BY s.starts_at, s.id",
                               error);
  if (stmt == NULL)
    return NULL;
  accord_bind_text (stmt, 1, number);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordSession *s = g_new0 (AccordSession, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->case_id = sqlite3_column_int64 (stmt, 1);
      s->case_number = accord_column_text (stmt, 2);
      s->kind = accord_column_text (stmt, 3);
      s->starts_at = sqlite3_column_int64 (stmt, 4);
      s->ends_at = sqlite3_column_int64 (stmt, 5);
      s->venue_id = sqlite3_column_int64 (stmt, 6);
      s->venue_name = accord_column_text (stmt, 7);
      s->status = accord_column_text (stmt, 8);
      s->is_public = sqlite3_column_int (stmt, 9);
      s->notice_date = accord_column_text (stmt, 10);
      s->version = sqlite3_column_int64 (stmt, 11);
      s->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_participant_free);
      g_ptr_array_add (sessions, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accord_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&sessions);
}
