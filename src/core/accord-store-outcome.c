/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-store-outcome"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-money.h"
#include "accord-outcome.h"
#include "accord-store-private.h"
#include "accord-validate.h"

/* Recording what happened in a session: one action that writes the
 * attendance and votes, the outcome and its terms, marks the session held
 * and updates the case. */

typedef struct
{
  const AccordOutcomeInput *in;
  AccordSession            *session;
  char                     *session_date;   /* local YYYY-MM-DD */
  int                       votes[3];       /* support, oppose, abstain */
} Recording;

void
accord_outcome_free (AccordOutcome *self)
{
  if (self == NULL)
    return;
  g_free (self->result);
  g_free (self->opinion);
  g_strfreev (self->minutes);
  g_strfreev (self->facts);
  g_free (self->follow_up_on);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_free (self);
}

static void
term_free (AccordTerm *t)
{
  g_free (t->party);
  g_free (t->obligation);
  g_free (t->due_on);
  g_free (t);
}

static gboolean
refuse (GError     **error,
        int          code,
        const char  *message)
{
  g_set_error_literal (error, ACCORD_VALIDATE_ERROR, code, message);
  return FALSE;
}

static gboolean
check_code (AccordVocab   vocab,
            const char   *field,
            const char   *code,
            GError      **error)
{
  g_autofree char *codes = NULL;

  if (accord_vocab_has (vocab, code))
    return TRUE;
  codes = accord_vocab_codes_joined (vocab);
  g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT, _("%s must be one of: %s"), field, codes);
  return FALSE;
}

static AccordParticipant *
participant (AccordSession *s,
             gint64         id)
{
  for (guint i = 0; i < s->participants->len; i++)
    if (((AccordParticipant *) g_ptr_array_index (s->participants, i))->id == id)
      return g_ptr_array_index (s->participants, i);
  return NULL;
}

/* The attendance as it will be once this input is applied. */
static const AccordAttendanceInput *
input_for (const AccordOutcomeInput *in,
           gint64                    participant_id)
{
  for (guint i = 0; i < in->n_attendance; i++)
    if (in->attendance[i].participant_id == participant_id)
      return &in->attendance[i];
  return NULL;
}

static gboolean
validate_attendance (Recording  *r,
                     GError    **error)
{
  const AccordOutcomeInput *in = r->in;

  for (guint i = 0; i < in->n_attendance; i++)
    {
      const AccordAttendanceInput *a = &in->attendance[i];
      AccordParticipant *p = participant (r->session, a->participant_id);

      if (p == NULL)
        return refuse (error, ACCORD_VALIDATE_ERROR_FORMAT, _("Attendance names someone who does not take part in this session"));
      if (!check_code (ACCORD_VOCAB_ATTENDANCE, _("Attendance"), a->attendance, error))
        return FALSE;
      if (a->vote != NULL && !check_code (ACCORD_VOCAB_VOTE, _("Vote"), a->vote, error))
        return FALSE;
      if (a->vote != NULL && !g_str_equal (p->role, "panelist"))
        return refuse (error, ACCORD_VALIDATE_ERROR_FORMAT, _("Only panelists vote on the hearing opinion"));
      if (a->vote != NULL && !g_str_equal (a->attendance, "present"))
        return refuse (error, ACCORD_VALIDATE_ERROR_FORMAT, _("Only a panelist who is present votes"));
      if (!accord_validate_text (_("Comment"), a->vote_comment, 2000, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

/* A hearing's opinion needs a vote from every panelist present. */
static gboolean
count_votes (Recording  *r,
             GError    **error)
{
  gboolean deciding = g_str_equal (r->session->kind, "hearing") &&
                      !g_str_equal (r->in->result, "adjourned") && !g_str_equal (r->in->result, "withdrawn");
  static const char *codes[] = { "support", "oppose", "abstain" };

  for (guint i = 0; i < r->session->participants->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (r->session->participants, i);
      const AccordAttendanceInput *a = input_for (r->in, p->id);
      const char *attendance = a ? a->attendance : p->attendance;

      if (!g_str_equal (p->role, "panelist") || !g_str_equal (attendance, "present"))
        continue;
      if (a == NULL || a->vote == NULL)
        {
          if (deciding)
            return refuse (error, ACCORD_VALIDATE_ERROR_REQUIRED,
                           _("Vote: a hearing opinion needs the vote of every panelist present"));
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
        r->votes[k] += g_str_equal (a->vote, codes[k]);
    }

  if (deciding && (r->in->opinion == NULL || *r->in->opinion == '\0'))
    return refuse (error, ACCORD_VALIDATE_ERROR_REQUIRED, _("Opinion is required: the panel's opinion of the hearing"));
  return TRUE;
}

static gboolean
validate_date_after (const char  *field,
                     const char  *date,
                     const char  *session_date,
                     GError     **error)
{
  g_autofree char *message = NULL;

  if (date == NULL)
    return TRUE;
  if (!accord_validate_date (field, date, error))
    return FALSE;
  if (strcmp (date, session_date) >= 0)
    return TRUE;

  message = g_strdup_printf (_("%s cannot be before the session"), field);
  return refuse (error, ACCORD_VALIDATE_ERROR_DATE, message);
}

static gboolean
validate_terms (Recording  *r,
                GError    **error)
{
  for (guint i = 0; i < r->in->n_terms; i++)
    {
      const AccordTermInput *t = &r->in->terms[i];

      if (!accord_validate_text (_("Party"), t->party, ACCORD_NAME_MAX_CHARS, TRUE, error) ||
          !accord_validate_text (_("Obligation"), t->obligation, 2000, TRUE, error) ||
          !validate_date_after (_("Due date"), t->due_on, r->session_date, error))
        return FALSE;
      if (t->amount_fen < -1 || t->amount_fen > ACCORD_MONEY_MAX_FEN)
        return refuse (error, ACCORD_VALIDATE_ERROR_FORMAT,
                       _("Amount must be zero or more and at most 999,999,999,999.99 yuan"));
    }
  return TRUE;
}

static gboolean
validate_paragraphs (const char          *label,
                     const char * const  *paragraphs,
                     GError             **error)
{
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    if (!accord_validate_text (label, paragraphs[i], ACCORD_TEXT_MAX_CHARS, FALSE, error))
      return FALSE;
  return TRUE;
}

static gboolean
validate_minutes (const char * const  *minutes,
                  GError             **error)
{
  return validate_paragraphs (_("Minutes"), minutes, error);
}

/* The facts the hearing found: only a hearing finds facts. */
static gboolean
validate_facts (Recording           *r,
                GError             **error)
{
  const char * const *facts = r->in->facts;

  if (facts != NULL && facts[0] != NULL && !g_str_equal (r->session->kind, "hearing"))
    return refuse (error, ACCORD_VALIDATE_ERROR_FORMAT, _("Only a hearing records the facts found"));
  return validate_paragraphs (_("Facts found"), facts, error);
}

static gboolean
validate (Recording  *r,
          GError    **error)
{
  const AccordOutcomeInput *in = r->in;

  if (g_str_equal (r->session->status, "cancelled"))
    return refuse (error, ACCORD_VALIDATE_ERROR_FORMAT, _("A cancelled session has no outcome"));
  return check_code (ACCORD_VOCAB_OUTCOME_RESULT, _("Result"), in->result, error) &&
         accord_validate_text (_("Opinion"), in->opinion, ACCORD_TEXT_MAX_CHARS, FALSE, error) &&
         validate_minutes (in->minutes, error) &&
         validate_facts (r, error) &&
         validate_attendance (r, error) &&
         count_votes (r, error) &&
         validate_terms (r, error) &&
         validate_date_after (_("Follow-up date"), in->follow_up_on, r->session_date, error);
}

static gboolean
write_attendance (AccordStore  *store,
                  Recording    *r,
                  GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "UPDATE session_participant SET attendance = ?, vote = ?, vote_comment = ? "
                               "WHERE id = ? AND session_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < r->in->n_attendance; i++)
    {
      const AccordAttendanceInput *a = &r->in->attendance[i];

      accord_bind_text (stmt, 1, a->attendance);
      accord_bind_text (stmt, 2, a->vote);
      accord_bind_text (stmt, 3, a->vote_comment);
      sqlite3_bind_int64 (stmt, 4, a->participant_id);
      sqlite3_bind_int64 (stmt, 5, r->session->id);
      if (!accord_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static char *
paragraphs_json (const char * const *minutes)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; minutes != NULL && minutes[i] != NULL; i++)
    json_builder_add_string_value (b, minutes[i]);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static gboolean
write_outcome (AccordStore  *store,
               Recording    *r,
               gint64       *outcome_id,
               GError      **error)
{
  g_autofree char *minutes = paragraphs_json (r->in->minutes);
  g_autofree char *facts = paragraphs_json (r->in->facts);
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "INSERT INTO outcome (session_id, result, opinion, votes_support, votes_oppose, "
                               "votes_abstain, minutes, follow_up_on, recorded_at, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT (session_id) DO UPDATE SET result = excluded.result, "
                               "opinion = excluded.opinion, votes_support = excluded.votes_support, "
                               "votes_oppose = excluded.votes_oppose, votes_abstain = excluded.votes_abstain, "
                               "minutes = excluded.minutes, facts = excluded.facts, follow_up_on = excluded.follow_up_on, "
                               "recorded_at = excluded.recorded_at, version = version + 1 RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->session->id);
  accord_bind_text (stmt, 2, r->in->result);
  accord_bind_text (stmt, 3, r->in->opinion);
  for (int k = 0; k < 3; k++)
    sqlite3_bind_int (stmt, 4 + k, r->votes[k]);
  accord_bind_text (stmt, 7, minutes);
  accord_bind_text (stmt, 8, r->in->follow_up_on);
  sqlite3_bind_int64 (stmt, 9, accord_store_now ());
  accord_bind_text (stmt, 10, facts);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      int rc = sqlite3_reset (stmt);
      return accord_store_sqlite_error (store, rc, error);
    }
  *outcome_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
write_terms (AccordStore  *store,
             Recording    *r,
             gint64        outcome_id,
             GError      **error)
{
  sqlite3_stmt *stmt = accord_store_prepare (store, "DELETE FROM outcome_term WHERE outcome_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outcome_id);
  if (!accord_store_step_done (store, stmt, error))
    return FALSE;

  stmt = accord_store_prepare (store,
                               "INSERT INTO outcome_term (outcome_id, position, party, obligation, amount_fen, "
                               "due_on, performed) VALUES (?, ?, ?, ?, nullif (?, -1), ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < r->in->n_terms; i++)
    {
      const AccordTermInput *t = &r->in->terms[i];

      sqlite3_bind_int64 (stmt, 1, outcome_id);
      sqlite3_bind_int (stmt, 2, i);
      accord_bind_text (stmt, 3, t->party);
      accord_bind_text (stmt, 4, t->obligation);
      sqlite3_bind_int64 (stmt, 5, t->amount_fen);
      accord_bind_text (stmt, 6, t->due_on);
      sqlite3_bind_int (stmt, 7, t->performed);
      if (!accord_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The session is held (or adjourned); a withdrawn petition ends the case,
 * and the case's deadlines are derived anew (hearing time, follow-ups). */
static gboolean
update_session_and_case (AccordStore  *store,
                         Recording    *r,
                         GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store, "UPDATE session SET status = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, g_str_equal (r->in->result, "adjourned") ? "adjourned" : "held");
  sqlite3_bind_int64 (stmt, 2, r->session->id);
  if (!accord_store_step_done (store, stmt, error))
    return FALSE;

  stmt = accord_store_prepare (store,
                               "UPDATE \"case\" SET status = CASE WHEN ?2 AND status NOT IN ('declined', 'terminated') "
                               "  THEN 'terminated' ELSE status END, "
                               "terminated_on = CASE WHEN ?2 AND status NOT IN ('declined', 'terminated') "
                               "  THEN ?3 ELSE terminated_on END, "
                               "version = version + 1, updated_at = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->session->case_id);
  sqlite3_bind_int (stmt, 2, g_str_equal (r->in->result, "withdrawn"));
  accord_bind_text (stmt, 3, r->session_date);
  sqlite3_bind_int64 (stmt, 4, accord_store_now ());
  return accord_store_step_done (store, stmt, error) &&
         accord_store_refresh_deadlines (store, r->session->case_id, error);
}

static gboolean
record_action (AccordStore  *store,
               gpointer      data,
               GError      **error)
{
  Recording *r = data;
  g_autoptr(JsonBuilder) details = json_builder_new ();
  gint64 outcome_id = 0;

  if (!validate (r, error) || !write_attendance (store, r, error) || !write_outcome (store, r, &outcome_id, error) ||
      !write_terms (store, r, outcome_id, error) || !update_session_and_case (store, r, error))
    return FALSE;

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "case");
  json_builder_add_string_value (details, r->session->case_number);
  json_builder_set_member_name (details, "result");
  json_builder_add_string_value (details, r->in->result);
  json_builder_set_member_name (details, "terms");
  json_builder_add_int_value (details, r->in->n_terms);
  json_builder_end_object (details);
  return accord_store_audit (store, "outcome.record", "session", r->session->id, details, error);
}

/**
 * accord_store_record_outcome:
 *
 * Records (or records again) the outcome of a session in one action.
 * Refused, with nothing written, when a hearing opinion lacks the vote of
 * a panelist present, an amount is negative or too large, or a date falls
 * before the session.
 */
gboolean
accord_store_record_outcome (AccordStore               *store,
                             const AccordOutcomeInput  *input,
                             GError                   **error)
{
  g_autoptr(AccordSession) session = NULL;
  g_autofree char *date = NULL;
  Recording r = { input };

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if ((session = accord_store_get_session (store, input->session_id, error)) == NULL)
    return FALSE;
  date = accord_store_format_local (store, session->starts_at, "%Y-%m-%d");
  r.session = session;
  r.session_date = date;
  return accord_store_run (store, record_action, &r, error);
}

static gboolean
load_terms (AccordStore    *store,
            gint64          outcome_id,
            AccordOutcome  *o,
            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (store,
                               "SELECT id, party, obligation, coalesce (amount_fen, -1), due_on, performed "
                               "FROM outcome_term WHERE outcome_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outcome_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordTerm *t = g_new0 (AccordTerm, 1);

      t->id = sqlite3_column_int64 (stmt, 0);
      t->party = accord_column_text (stmt, 1);
      t->obligation = accord_column_text (stmt, 2);
      t->amount_fen = sqlite3_column_int64 (stmt, 3);
      t->due_on = accord_column_text (stmt, 4);
      t->performed = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (o->terms, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (store, rc, error);
  return TRUE;
}

static char **
parse_paragraphs (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (paragraphs, g_strdup (json_array_get_string_element (array, i)));
    }
  g_ptr_array_add (paragraphs, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&paragraphs), FALSE);
}

AccordOutcome *
accord_store_get_outcome (AccordStore  *store,
                          gint64        session_id,
                          GError      **error)
{
  g_autoptr(AccordOutcome) o = NULL;
  sqlite3_stmt *stmt;
  gint64 outcome_id = 0;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  stmt = accord_store_prepare (store,
                               "SELECT id, result, opinion, votes_support, votes_oppose, votes_abstain, minutes, "
                               "follow_up_on, version, facts FROM outcome WHERE session_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      o = g_new0 (AccordOutcome, 1);
      outcome_id = sqlite3_column_int64 (stmt, 0);
      o->session_id = session_id;
      o->result = accord_column_text (stmt, 1);
      o->opinion = accord_column_text (stmt, 2);
      o->votes_support = sqlite3_column_int (stmt, 3);
      o->votes_oppose = sqlite3_column_int (stmt, 4);
      o->votes_abstain = sqlite3_column_int (stmt, 5);
      o->minutes = parse_paragraphs ((const char *) sqlite3_column_text (stmt, 6));
      o->facts = parse_paragraphs ((const char *) sqlite3_column_text (stmt, 9));
      o->follow_up_on = accord_column_text (stmt, 7);
      o->version = sqlite3_column_int64 (stmt, 8);
      o->majority = o->votes_support * 2 > o->votes_support + o->votes_oppose + o->votes_abstain;
      o->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
    }
  sqlite3_reset (stmt);

  if (o == NULL)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                           _("No outcome has been recorded for this session"));
      return NULL;
    }
  if (!load_terms (store, outcome_id, o, error))
    return NULL;
  return g_steal_pointer (&o);
}

/* Drafts ----------------------------------------------------------------- */

typedef struct
{
  const char *key;
  const char *content;
} Draft;

static gboolean
save_draft_action (AccordStore  *store,
                   gpointer      data,
                   GError      **error)
{
  Draft *draft = data;
  sqlite3_stmt *stmt;

  if (draft->content == NULL)
    stmt = accord_store_prepare (store, "DELETE FROM draft WHERE key = ?", error);
  else
    stmt = accord_store_prepare (store,
                                 "INSERT INTO draft (key, content, saved_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET content = excluded.content, "
                                 "saved_at = excluded.saved_at", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, draft->key);
  if (draft->content != NULL)
    {
      accord_bind_text (stmt, 2, draft->content);
      sqlite3_bind_int64 (stmt, 3, accord_store_now ());
    }
  return accord_store_step_done (store, stmt, error);
}

/**
 * accord_store_save_draft:
 * @key: what the draft is of, such as "outcome:42"
 * @content: (nullable): the form as text (JSON), or %NULL to drop the draft
 *
 * Keeps a form being filled in until it is saved for real.
 */
gboolean
accord_store_save_draft (AccordStore  *store,
                         const char   *key,
                         const char   *content,
                         GError      **error)
{
  Draft draft = { key, content };

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (content != NULL && !accord_validate_text (_("Draft"), content, ACCORD_DRAFT_MAX_CHARS, FALSE, error))
    return FALSE;
  return accord_store_run (store, save_draft_action, &draft, error);
}

/* Returns: (transfer full) (nullable): the draft kept under @key, if any */
char *
accord_store_load_draft (AccordStore *store,
                         const char  *key)
{
  sqlite3_stmt *stmt;
  char *content = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((stmt = accord_store_prepare (store, "SELECT content FROM draft WHERE key = ?", NULL)) == NULL)
    return NULL;
  accord_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    content = accord_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return content;
}
