/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-store-case"

#include <glib/gi18n.h>

#include "accord-deadlines.h"
#include "accord-enums.h"
#include "accord-store-private.h"
#include "accord-validate.h"

/* Columns in the order of AccordCaseText, then the flags, id and version. */
#define CASE_COLUMNS \
  "c.number, c.title, c.summary, c.category, c.channel, c.status, c.received_on, " \
  "c.accepted_on, c.declined_on, c.decline_reason, c.assigned_on, c.replied_on, c.opinion, " \
  "c.review_requested_on, c.reviewed_on, c.review_opinion, c.re_review_requested_on, " \
  "c.terminated_on, c.re_review_opinion, c.responsible_unit, c.leader, c.investigator, " \
  "c.evaluation, c.next_step, c.next_due, " \
  "(SELECT group_concat (name, '、') FROM (SELECT p.name FROM case_petitioner cp " \
  "  JOIN petitioner p ON p.id = cp.petitioner_id WHERE cp.case_id = c.id ORDER BY cp.position)), " \
  "c.collective, c.repeat, c.cross_level, c.litigation_related, c.id, c.version "

#define SELECT_CASE "SELECT " CASE_COLUMNS "FROM \"case\" c "

#define PETITIONER_SEPARATOR "、"

typedef struct
{
  const AccordCaseInput *input;
  AccordCase            *result;
} AddCase;

typedef struct
{
  const char                 *number;
  gint64                      expected_version;
  const AccordCaseTransition *transition;
  AccordCase                 *result;
} Transition;

static AccordCase *
read_case (sqlite3_stmt *stmt)
{
  AccordCase *c = accord_case_new ();
  int col = 0;

  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    accord_case_set_text (c, i, (const char *) sqlite3_column_text (stmt, col++));
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    accord_case_set_flag (c, i, sqlite3_column_int (stmt, col++));
  accord_case_set_id (c, sqlite3_column_int64 (stmt, col++));
  accord_case_set_version (c, sqlite3_column_int64 (stmt, col++));

  return c;
}

static gboolean
load_petitioners (AccordStore  *self,
                  AccordCase   *c,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (self,
                               "SELECT p.id, p.name, p.id_number, p.phone, p.address, p.version "
                               "FROM case_petitioner cp JOIN petitioner p ON p.id = cp.petitioner_id "
                               "WHERE cp.case_id = ? ORDER BY cp.position", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, accord_case_get_id (c));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordPetitioner *p = g_new0 (AccordPetitioner, 1);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->name = accord_column_text (stmt, 1);
      p->id_number = accord_column_text (stmt, 2);
      p->phone = accord_column_text (stmt, 3);
      p->address = accord_column_text (stmt, 4);
      p->version = sqlite3_column_int64 (stmt, 5);
      accord_case_take_petitioner (c, p);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (self, rc, error);
  return TRUE;
}

/* A case by number, or by id when @number is NULL, with its petitioners. */
AccordCase *
accord_store_find_case (AccordStore  *self,
              const char   *number,
              gint64        id,
              GError      **error)
{
  g_autoptr(AccordCase) c = NULL;
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self, number ? SELECT_CASE "WHERE c.number = ?" : SELECT_CASE "WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;

  if (number != NULL)
    accord_bind_text (stmt, 1, number);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    c = read_case (stmt);
  sqlite3_reset (stmt);

  if (c == NULL)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                           _("There is no case with this number"));
      return NULL;
    }
  if (!load_petitioners (self, c, error))
    return NULL;

  return g_steal_pointer (&c);
}

static AccordCase *
find_case (AccordStore  *self,
           const char   *number,
           GError      **error)
{
  return accord_store_find_case (self, number, 0, error);
}

AccordCase *
accord_store_get_case (AccordStore  *self,
                       const char   *number,
                       GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  return find_case (self, number, error);
}

/* Validation ------------------------------------------------------------ */

static gboolean
validate_code (AccordVocab   vocab,
               const char   *field,
               const char   *code,
               GError      **error)
{
  g_autofree char *codes = NULL;

  if (accord_vocab_has (vocab, code))
    return TRUE;

  codes = accord_vocab_codes_joined (vocab);
  g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
               _("%s must be one of: %s"), field, codes);
  return FALSE;
}

static gboolean
validate_petitioner (const AccordPetitionerInput  *p,
                     GError                      **error)
{
  g_autofree char *id_number = accord_normalize_id_number (p->id_number);

  return accord_validate_text (_("Petitioner name"), p->name, ACCORD_NAME_MAX_CHARS, TRUE, error) &&
         accord_validate_id_number (id_number, error) &&
         accord_validate_phone (p->phone, error) &&
         accord_validate_text (_("Address"), p->address, ACCORD_TITLE_MAX_CHARS, FALSE, error);
}

static gboolean
validate_particulars (const char  *title,
                      const char  *summary,
                      const char  *category,
                      const char  *channel,
                      GError     **error)
{
  return accord_validate_text (_("Title"), title, ACCORD_TITLE_MAX_CHARS, TRUE, error) &&
         accord_validate_text (_("Summary"), summary, ACCORD_TEXT_MAX_CHARS, FALSE, error) &&
         accord_validate_text (_("Category"), category, 50, TRUE, error) &&
         validate_code (ACCORD_VOCAB_CHANNEL, _("Channel"), channel, error);
}

static gboolean
validate_case_input (const AccordCaseInput  *in,
                     const char             *received,
                     const char             *today,
                     GError                **error)
{
  if (!validate_particulars (in->title, in->summary, in->category, in->channel, error) ||
      !accord_validate_received_on (received, today, error))
    return FALSE;

  if (in->n_petitioners == 0)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED,
                           _("Petitioner is required: a case needs at least one petitioner"));
      return FALSE;
    }
  for (guint i = 0; i < in->n_petitioners; i++)
    if (!validate_petitioner (&in->petitioners[i], error))
      return FALSE;

  return TRUE;
}

/* Writing --------------------------------------------------------------- */

static gboolean
next_number (AccordStore  *self,
             int           year,
             gint64       *seq,
             char        **number,
             GError      **error)
{
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* In the action's transaction: a refused action rolls the counter back,
   * so numbers stay gap-free. */
  stmt = accord_store_prepare (self,
                               "INSERT INTO case_number_counter (year, last) VALUES (?, 1) "
                               "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return accord_store_sqlite_error (self, rc, error);

  pattern = accord_store_get_setting (self, "case_number_pattern", ACCORD_DEFAULT_CASE_NUMBER_PATTERN);
  *number = accord_case_format_number (pattern, year, *seq);
  return TRUE;
}

/* A petitioner is identified by the ID number: a repeated petition reuses
 * the row and refreshes the contact details. */
static gboolean
upsert_petitioner (AccordStore                  *self,
                   const AccordPetitionerInput  *p,
                   gint64                       *id,
                   GError                      **error)
{
  g_autofree char *id_number = accord_normalize_id_number (p->id_number);
  g_autofree char *known_name = NULL;
  sqlite3_stmt *stmt;

  if ((stmt = accord_store_prepare (self, "SELECT id, name FROM petitioner WHERE id_number = ?", error)) == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, id_number);
  *id = 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      known_name = accord_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (*id != 0 && g_strcmp0 (known_name, p->name) != 0)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("Resident ID number already belongs to a petitioner registered under another name"));
      return FALSE;
    }

  if (*id != 0)
    stmt = accord_store_prepare (self,
                                 "UPDATE petitioner SET phone = ?2, address = coalesce (?3, address), "
                                 "version = version + 1 WHERE id = ?4", error);
  else
    stmt = accord_store_prepare (self,
                                 "INSERT INTO petitioner (name, id_number, phone, address, created_at) "
                                 "VALUES (?1, ?5, ?2, ?3, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, p->name);
  accord_bind_text (stmt, 2, p->phone);
  accord_bind_text (stmt, 3, p->address && *p->address ? p->address : NULL);
  sqlite3_bind_int64 (stmt, 4, *id);
  accord_bind_text (stmt, 5, id_number);
  sqlite3_bind_int64 (stmt, 6, accord_store_now ());
  if (!accord_store_step_done (self, stmt, error))
    return FALSE;

  if (*id == 0)
    *id = sqlite3_last_insert_rowid (accord_store_get_db (self));
  return TRUE;
}

static gboolean
link_petitioner (AccordStore  *self,
                 gint64        case_id,
                 gint64        petitioner_id,
                 int           position,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "INSERT INTO case_petitioner (case_id, petitioner_id, position) VALUES (?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, petitioner_id);
  sqlite3_bind_int (stmt, 3, position);
  return accord_store_step_done (self, stmt, error);
}

/* Keeps the search index row of a case in step with the case. */
static gboolean
index_case (AccordStore  *self,
            gint64        case_id,
            GError      **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = accord_store_prepare (self, "DELETE FROM case_search WHERE rowid = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (!accord_store_step_done (self, stmt, error))
    return FALSE;

  stmt = accord_store_prepare (self,
                               "INSERT INTO case_search (rowid, number, title, summary, petitioners) "
                               "SELECT c.id, c.number || '  ', c.title || '  ', c.summary || '  ', "
                               "  (SELECT group_concat (p.name, ' ') FROM case_petitioner cp "
                               "   JOIN petitioner p ON p.id = cp.petitioner_id WHERE cp.case_id = c.id) || '  ' "
                               "FROM \"case\" c WHERE c.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return accord_store_step_done (self, stmt, error);
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static gboolean
audit_case (AccordStore  *self,
            const char   *action,
            AccordCase   *c,
            const char   *key,
            const char   *value,
            GError      **error)
{
  g_autoptr(JsonBuilder) details = json_builder_new ();

  /* No personal data here: the audit log is exported and shown widely. */
  json_builder_begin_object (details);
  add_member (details, "number", accord_case_get_number (c));
  add_member (details, "status", accord_case_get_status (c));
  if (key != NULL)
    add_member (details, key, value);
  json_builder_end_object (details);

  return accord_store_audit (self, action, "case", accord_case_get_id (c), details, error);
}

static gboolean
insert_case (AccordStore            *self,
             const AccordCaseInput  *in,
             const char             *received,
             gint64                 *case_id,
             GError                **error)
{
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  gint64 seq = 0, now = accord_store_now ();
  int year = atoi (received);

  if (!next_number (self, year, &seq, &number, error))
    return FALSE;

  stmt = accord_store_prepare (self,
                               "INSERT INTO \"case\" (number, year, seq, title, summary, category, channel, "
                               "received_on, collective, repeat, cross_level, litigation_related, "
                               "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, number);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, seq);
  accord_bind_text (stmt, 4, in->title);
  accord_bind_text (stmt, 5, in->summary ? in->summary : "");
  accord_bind_text (stmt, 6, in->category);
  accord_bind_text (stmt, 7, in->channel);
  accord_bind_text (stmt, 8, received);
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    sqlite3_bind_int (stmt, 9 + i, in->flags[i] ? 1 : 0);
  sqlite3_bind_int64 (stmt, 13, now);
  sqlite3_bind_int64 (stmt, 14, now);
  if (!accord_store_step_done (self, stmt, error))
    return FALSE;

  *case_id = sqlite3_last_insert_rowid (accord_store_get_db (self));
  return TRUE;
}

static gboolean
add_case_action (AccordStore  *self,
                 gpointer      data,
                 GError      **error)
{
  AddCase *add = data;
  const AccordCaseInput *in = add->input;
  /* "Today" is the bureau's, whatever the time zone of this computer. */
  g_autofree char *today = accord_store_today (self);
  const char *received = in->received_on ? in->received_on : today;
  g_autofree char *number = NULL;
  gint64 case_id;

  if (!validate_case_input (in, received, today, error) ||
      !insert_case (self, in, received, &case_id, error))
    return FALSE;

  for (guint i = 0; i < in->n_petitioners; i++)
    {
      gint64 petitioner_id;

      if (!upsert_petitioner (self, &in->petitioners[i], &petitioner_id, error))
        return FALSE;
      if (!link_petitioner (self, case_id, petitioner_id, i, error))
        {
          if (g_error_matches (*error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_DUPLICATE))
            {
              g_clear_error (error);
              g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                                   _("The same petitioner is listed twice"));
            }
          return FALSE;
        }
    }

  if (!index_case (self, case_id, error) || !accord_store_refresh_deadlines (self, case_id, error))
    return FALSE;

  {
    sqlite3_stmt *stmt = accord_store_prepare (self, "SELECT number FROM \"case\" WHERE id = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, case_id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      number = accord_column_text (stmt, 0);
    sqlite3_reset (stmt);
  }

  if ((add->result = find_case (self, number, error)) == NULL)
    return FALSE;
  return audit_case (self, "case.add", add->result, "category", in->category, error);
}

AccordCase *
accord_store_add_case (AccordStore            *self,
                       const AccordCaseInput  *input,
                       GError                **error)
{
  AddCase add = { input, NULL };

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!accord_store_run (self, add_case_action, &add, error))
    {
      g_clear_object (&add.result);
      return NULL;
    }
  return add.result;
}

static gboolean
update_case_action (AccordStore  *self,
                    gpointer      data,
                    GError      **error)
{
  AccordCase *c = data;
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "UPDATE \"case\" SET title = ?, summary = ?, category = ?, channel = ?, "
                               "responsible_unit = ?, leader = ?, investigator = ?, "
                               "collective = ?, repeat = ?, cross_level = ?, litigation_related = ?, "
                               "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, accord_case_get_text (c, ACCORD_CASE_TITLE));
  accord_bind_text (stmt, 2, accord_case_get_text (c, ACCORD_CASE_SUMMARY) ?: "");
  accord_bind_text (stmt, 3, accord_case_get_text (c, ACCORD_CASE_CATEGORY));
  accord_bind_text (stmt, 4, accord_case_get_text (c, ACCORD_CASE_CHANNEL));
  accord_bind_text (stmt, 5, accord_case_get_text (c, ACCORD_CASE_RESPONSIBLE_UNIT));
  accord_bind_text (stmt, 6, accord_case_get_text (c, ACCORD_CASE_LEADER));
  accord_bind_text (stmt, 7, accord_case_get_text (c, ACCORD_CASE_INVESTIGATOR));
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    sqlite3_bind_int (stmt, 8 + i, accord_case_get_flag (c, i));
  sqlite3_bind_int64 (stmt, 12, accord_store_now ());
  sqlite3_bind_int64 (stmt, 13, accord_case_get_id (c));
  sqlite3_bind_int64 (stmt, 14, accord_case_get_version (c));

  return accord_store_check_version (self, stmt, "case", accord_case_get_id (c), error) &&
         index_case (self, accord_case_get_id (c), error) &&
         accord_store_refresh_deadlines (self, accord_case_get_id (c), error) &&
         audit_case (self, "case.update", c, NULL, NULL, error);
}

/**
 * accord_store_update_case:
 * @edited: a case read from the store whose particulars were changed
 *
 * Saves the particulars (title, summary, category, channel, unit, leader,
 * investigator, flags) if nobody saved the case since @edited was read;
 * on success @edited carries the new version.
 */
gboolean
accord_store_update_case (AccordStore  *self,
                          AccordCase   *edited,
                          GError      **error)
{
  const char *t[ACCORD_CASE_N_TEXTS];

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORD_IS_CASE (edited), FALSE);

  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    t[i] = accord_case_get_text (edited, i);
  if (!validate_particulars (t[ACCORD_CASE_TITLE], t[ACCORD_CASE_SUMMARY], t[ACCORD_CASE_CATEGORY],
                             t[ACCORD_CASE_CHANNEL], error) ||
      !accord_validate_text (_("Responsible unit"), t[ACCORD_CASE_RESPONSIBLE_UNIT], ACCORD_NAME_MAX_CHARS, FALSE, error) ||
      !accord_validate_text (_("Leader"), t[ACCORD_CASE_LEADER], ACCORD_NAME_MAX_CHARS, FALSE, error) ||
      !accord_validate_text (_("Investigator"), t[ACCORD_CASE_INVESTIGATOR], ACCORD_NAME_MAX_CHARS, FALSE, error))
    return FALSE;

  if (!accord_store_run (self, update_case_action, edited, error))
    return FALSE;

  accord_case_set_version (edited, accord_case_get_version (edited) + 1);
  return TRUE;
}

static gboolean
save_workflow (AccordStore  *self,
               AccordCase   *c,
               GError      **error)
{
  static const AccordCaseText fields[] = {
    ACCORD_CASE_STATUS, ACCORD_CASE_ACCEPTED_ON, ACCORD_CASE_DECLINED_ON,
    ACCORD_CASE_DECLINE_REASON, ACCORD_CASE_ASSIGNED_ON, ACCORD_CASE_REPLIED_ON,
    ACCORD_CASE_OPINION, ACCORD_CASE_REVIEW_REQUESTED_ON, ACCORD_CASE_REVIEWED_ON,
    ACCORD_CASE_REVIEW_OPINION, ACCORD_CASE_RE_REVIEW_REQUESTED_ON, ACCORD_CASE_TERMINATED_ON,
    ACCORD_CASE_RE_REVIEW_OPINION, ACCORD_CASE_RESPONSIBLE_UNIT, ACCORD_CASE_EVALUATION,
  };
  sqlite3_stmt *stmt;
  guint i;

  stmt = accord_store_prepare (self,
                               "UPDATE \"case\" SET status = ?, accepted_on = ?, declined_on = ?, "
                               "decline_reason = ?, assigned_on = ?, replied_on = ?, opinion = ?, "
                               "review_requested_on = ?, reviewed_on = ?, review_opinion = ?, "
                               "re_review_requested_on = ?, terminated_on = ?, re_review_opinion = ?, "
                               "responsible_unit = ?, evaluation = ?, "
                               "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (fields); i++)
    accord_bind_text (stmt, i + 1, accord_case_get_text (c, fields[i]));
  sqlite3_bind_int64 (stmt, ++i, accord_store_now ());
  sqlite3_bind_int64 (stmt, ++i, accord_case_get_id (c));
  sqlite3_bind_int64 (stmt, ++i, accord_case_get_version (c));

  if (!accord_store_check_version (self, stmt, "case", accord_case_get_id (c), error))
    return FALSE;
  accord_case_set_version (c, accord_case_get_version (c) + 1);
  return TRUE;
}

static gboolean
transition_action (AccordStore  *self,
                   gpointer      data,
                   GError      **error)
{
  Transition *t = data;
  g_autoptr(AccordCase) c = NULL;
  g_autofree char *from = NULL;
  const char *verb = accord_case_action_verb (t->transition->action);

  if ((c = find_case (self, t->number, error)) == NULL)
    return FALSE;
  if (t->expected_version > 0 && t->expected_version != accord_case_get_version (c))
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_STALE,
                           _("This record was changed by someone else in the meantime; reload it and try again"));
      return FALSE;
    }

  from = g_strdup (accord_case_get_status (c));
  if (!accord_case_apply (c, t->transition, error) || !save_workflow (self, c, error) ||
      !accord_store_refresh_deadlines (self, accord_case_get_id (c), error))
    return FALSE;

  {
    g_autofree char *action = g_strconcat ("case.", verb, NULL);
    if (!audit_case (self, action, c, "from", from, error))
      return FALSE;
  }

  /* Read back: the deadlines were derived anew. */
  t->result = find_case (self, t->number, error);
  return t->result != NULL;
}

AccordCase *
accord_store_transition_case (AccordStore                *self,
                              const char                 *number,
                              gint64                      expected_version,
                              const AccordCaseTransition *transition,
                              GError                    **error)
{
  Transition t = { number, expected_version, transition, NULL };

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL && transition != NULL, NULL);

  if (!accord_store_run (self, transition_action, &t, error))
    {
      g_clear_object (&t.result);
      return NULL;
    }
  return t.result;
}

/* Listing and search ---------------------------------------------------- */

/* Trigram search needs three characters.  A shorter query matches the
 * cases that contain any indexed trigram beginning with it (the index pads
 * every column, see the schema), found in the index's vocabulary. */
static gboolean
query_is_short (const char *query)
{
  return g_utf8_strlen (query, -1) < 3;
}

/* The sort key of each order.  The keys match the indexes of the schema:
 * case_by_received, case_by_status, case_by_category and
 * case_by_due_order (whose expression must stay the same as DUE_KEY);
 * every index ends with the id, so key and id together are one seek. */
#define DUE_KEY "ifnull (c.next_due, '9999-12-31')"

static const struct
{
  const char *key;          /* NULL: the id alone */
  gboolean    descending;
  const char *order_by;
} orders[ACCORD_CASE_N_ORDERS] = {
  [ACCORD_CASE_ORDER_REGISTERED] = { NULL, TRUE, "c.id DESC" },
  [ACCORD_CASE_ORDER_NEWEST] = { "c.received_on", TRUE, "c.received_on DESC, c.id DESC" },
  [ACCORD_CASE_ORDER_OLDEST] = { "c.received_on", FALSE, "c.received_on, c.id" },
  [ACCORD_CASE_ORDER_NEXT_DUE] = { DUE_KEY, FALSE, DUE_KEY ", c.id" },
};

/* The rows after a row come in two parts, each an index seek: those with
 * the same key and a later id, then those with a later key.  (A row-value
 * comparison would scan through every row sharing the key, and most cases
 * share the key "no deadline".) */
typedef enum
{
  AFTER_NONE,
  AFTER_SAME_KEY,
  AFTER_LATER_KEY,
  AFTER_ROW,        /* both at once: for a search, whose matches are sorted anyway */
} AfterPart;

static void
append_after (GString                *where,
              const AccordCaseFilter *filter,
              AfterPart               part)
{
  AccordCaseOrder order = filter != NULL ? filter->order : ACCORD_CASE_ORDER_REGISTERED;
  const char *cmp = orders[order].descending ? "<" : ">";

  if (part == AFTER_NONE)
    return;
  if (part == AFTER_ROW && orders[order].key != NULL)
    {
      g_string_append_printf (where, " AND (%s, c.id) %s (:after_key, :after_id)", orders[order].key, cmp);
      return;
    }
  if (orders[order].key == NULL || part == AFTER_SAME_KEY)
    g_string_append_printf (where, " AND c.id %s :after_id", cmp);
  if (orders[order].key != NULL && part == AFTER_SAME_KEY)
    g_string_append_printf (where, " AND %s = :after_key", orders[order].key);
  else if (orders[order].key != NULL)
    g_string_append_printf (where, " AND %s %s :after_key", orders[order].key, cmp);
}

/* How a search meets an order other than the id's.  Few matches are
 * sorted; many are found by reading the order's index and keeping the
 * matches, which stops after a page instead of sorting them all. */
#define SORTED_MATCHES_MAX 2000

typedef enum
{
  MATCHES_SORTED,
  MATCHES_SCANNED,
} MatchPlan;

static char *
filter_where (const AccordCaseFilter *filter,
              AfterPart               after,
              MatchPlan               plan)
{
  GString *where = g_string_new ("WHERE 1");

  /* In deadline order the deadline index is read in order and each row
   * checked; a status or category index would mean sorting every row of
   * that status on every page (the unary + keeps those indexes out). */
  gboolean by_due = filter != NULL && filter->order == ACCORD_CASE_ORDER_NEXT_DUE;

  if (filter != NULL && filter->status != NULL)
    g_string_append (where, by_due ? " AND +c.status = :status" : " AND c.status = :status");
  if (filter != NULL && filter->category != NULL)
    g_string_append (where, by_due ? " AND +c.category = :category" : " AND c.category = :category");
  if (filter != NULL && filter->overdue_only)
    g_string_append (where, " AND c.next_due < :today");
  if (filter != NULL && filter->query != NULL && *filter->query != '\0')
    g_string_append_printf (where, " AND %sc.id IN (SELECT rowid FROM case_search WHERE case_search MATCH :match)",
                            plan == MATCHES_SCANNED ? "+" : "");
  append_after (where, filter, after);

  return g_string_free (where, FALSE);
}

static void
append_phrase (GString    *match,
               const char *text)
{
  if (match->len > 0)
    g_string_append (match, " OR ");
  g_string_append_c (match, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
}

static char *
match_expression (AccordStore *self,
                  const char  *query)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autofree char *lowered = NULL;
  g_autofree char *upper = NULL;
  sqlite3_stmt *stmt;

  if (!query_is_short (query))
    {
      append_phrase (match, query);
      return g_string_free (g_steal_pointer (&match), FALSE);
    }

  /* Terms are case-folded trigrams; U+10FFFF sorts after any continuation. */
  lowered = g_utf8_strdown (query, -1);
  upper = g_strconcat (lowered, "\xf4\x8f\xbf\xbf", NULL);
  stmt = accord_store_prepare (self, "SELECT term FROM case_search_terms WHERE term >= ? AND term < ?", NULL);
  if (stmt != NULL)
    {
      accord_bind_text (stmt, 1, lowered);
      accord_bind_text (stmt, 2, upper);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        append_phrase (match, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  /* No trigram begins with it: a phrase that matches nothing. */
  if (match->len == 0)
    append_phrase (match, "\x01\x01\x01");
  return g_string_free (g_steal_pointer (&match), FALSE);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    accord_bind_text (stmt, index, value);
}

static void
bind_filter (AccordStore            *self,
             sqlite3_stmt           *stmt,
             const AccordCaseFilter *filter)
{
  g_autofree char *match = NULL;

  if (filter == NULL)
    return;

  bind_named_text (stmt, ":status", filter->status);
  bind_named_text (stmt, ":category", filter->category);
  if (filter->overdue_only)
    {
      g_autofree char *today = accord_store_today (self);
      bind_named_text (stmt, ":today", today);
    }
  if (filter->query == NULL || *filter->query == '\0')
    return;

  match = match_expression (self, filter->query);
  bind_named_text (stmt, ":match", match);
}

static AccordCaseFilter
normalized_filter (const AccordCaseFilter *filter,
                   char                  **query)
{
  AccordCaseFilter f = { 0 };

  if (filter != NULL)
    f = *filter;
  *query = f.query ? g_strstrip (g_strdup (f.query)) : NULL;
  f.query = *query;

  return f;
}

static gboolean
validate_filter (const AccordCaseFilter  *filter,
                 GError                 **error)
{
  if ((guint) filter->order >= ACCORD_CASE_N_ORDERS)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("Order: unknown order of cases"));
      return FALSE;
    }
  return accord_validate_text (_("Search"), filter->query, ACCORD_TITLE_MAX_CHARS, FALSE, error) &&
         (filter->status == NULL ||
          validate_code (ACCORD_VOCAB_CASE_STATUS, _("Status"), filter->status, error));
}

static gint64 count_matches (AccordStore *self,
                             const char  *query,
                             gint64       limit);

gint64
accord_store_count_cases (AccordStore             *self,
                          const AccordCaseFilter  *filter,
                          GError                 **error)
{
  g_autofree char *query = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  AccordCaseFilter f;
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), -1);

  f = normalized_filter (filter, &query);
  if (!validate_filter (&f, error))
    return -1;

  /* A search alone is counted in the index, which holds one row per case:
   * looking each match up among the cases reads a page of the file per
   * match, half a second for a common word in a million cases. */
  if (f.query != NULL && *f.query != '\0' && f.status == NULL && f.category == NULL && !f.overdue_only)
    return count_matches (self, f.query, -1);

  where = filter_where (&f, AFTER_NONE, MATCHES_SORTED);
  sql = g_strdup_printf ("SELECT count(*) FROM \"case\" c %s", where);
  if ((stmt = accord_store_prepare (self, sql, error)) == NULL)
    return -1;

  bind_filter (self, stmt, &f);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    accord_store_sqlite_error (self, rc, error);
  return count;
}

/* @limit: stop counting there; -1 for all */
static gint64
count_matches (AccordStore *self,
               const char  *query,
               gint64       limit)
{
  g_autofree char *match = match_expression (self, query);
  sqlite3_stmt *stmt = accord_store_prepare (self, "SELECT count(*) FROM (SELECT 1 FROM case_search "
                                                   "WHERE case_search MATCH ? LIMIT ?)", NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  accord_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
query_cases (AccordStore             *self,
             const AccordCaseFilter  *f,
             MatchPlan                plan,
             AfterPart                part,
             AccordCase              *after,
             gint64                   before_id,
             gint64                   offset,
             guint                    limit,
             GPtrArray               *cases,
             GError                 **error)
{
  g_autofree char *where = filter_where (f, part, plan);
  g_autofree char *sql = g_strdup_printf (SELECT_CASE "%s ORDER BY %s LIMIT :limit OFFSET :offset",
                                          where, orders[f->order].order_by);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = accord_store_prepare (self, sql, error)) == NULL)
    return FALSE;

  bind_filter (self, stmt, f);
  if (after != NULL)
    {
      const char *key = f->order == ACCORD_CASE_ORDER_NEXT_DUE ? accord_case_get_text (after, ACCORD_CASE_NEXT_DUE)
                                                               : accord_case_get_text (after, ACCORD_CASE_RECEIVED_ON);

      bind_named_text (stmt, ":after_key", key != NULL ? key : "9999-12-31");
      before_id = accord_case_get_id (after);
    }
  if (part != AFTER_NONE)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":after_id"), before_id);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, read_case (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (self, rc, error);
  return TRUE;
}

static GPtrArray *
list_cases (AccordStore             *self,
            const AccordCaseFilter  *filter,
            AccordCase              *after,
            gint64                   before_id,
            gint64                   offset,
            guint                    limit,
            GError                 **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *query = NULL;
  AccordCaseFilter f;
  MatchPlan plan = MATCHES_SORTED;
  gboolean keyed;

  f = normalized_filter (filter, &query);
  if (!validate_filter (&f, error))
    return NULL;

  keyed = orders[f.order].key != NULL;
  if (keyed && f.query != NULL && *f.query != '\0' && count_matches (self, f.query, SORTED_MATCHES_MAX + 1) > SORTED_MATCHES_MAX)
    plan = MATCHES_SCANNED;

  if (after == NULL && before_id <= 0)
    return query_cases (self, &f, plan, AFTER_NONE, NULL, 0, offset, limit, cases, error) ? g_steal_pointer (&cases) : NULL;
  /* Sorted matches: one query after the row, not two sorts. */
  if (keyed && f.query != NULL && *f.query != '\0' && plan == MATCHES_SORTED)
    return query_cases (self, &f, plan, AFTER_ROW, after, before_id, 0, limit, cases, error) ? g_steal_pointer (&cases) : NULL;

  if (!query_cases (self, &f, plan, AFTER_SAME_KEY, after, before_id, 0, limit, cases, error))
    return NULL;
  if (keyed && cases->len < limit &&
      !query_cases (self, &f, plan, AFTER_LATER_KEY, after, before_id, 0, limit - cases->len, cases, error))
    return NULL;
  return g_steal_pointer (&cases);
}

/**
 * accord_store_list_cases:
 * @before_id: when positive and the order is %ACCORD_CASE_ORDER_REGISTERED,
 *   only cases with a smaller id (keyset paging)
 * @offset: rows to skip after that
 *
 * Returns: (transfer full): AccordCase objects in the filter's order
 * (last registered first by default), without their petitioner records
 * (the names are in %ACCORD_CASE_PETITIONER_NAMES).
 */
GPtrArray *
accord_store_list_cases (AccordStore             *self,
                         const AccordCaseFilter  *filter,
                         gint64                   before_id,
                         gint64                   offset,
                         guint                    limit,
                         GError                 **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if (filter != NULL && filter->order != ACCORD_CASE_ORDER_REGISTERED)
    before_id = 0;
  return list_cases (self, filter, NULL, before_id, offset, limit, error);
}

/**
 * accord_store_list_cases_after:
 * @after: the last case of the page before, as this function returned it
 *
 * The page that follows @after in the filter's order, found by key: as
 * fast a million rows deep as at the top.
 *
 * Returns: (transfer full): AccordCase objects, as accord_store_list_cases()
 */
GPtrArray *
accord_store_list_cases_after (AccordStore             *self,
                               const AccordCaseFilter  *filter,
                               AccordCase              *after,
                               guint                    limit,
                               GError                 **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORD_IS_CASE (after), NULL);

  return list_cases (self, filter, after, 0, 0, limit, error);
}

/**
 * accord_store_today:
 *
 * Returns: (transfer full): today in the bureau's time zone as YYYY-MM-DD,
 * or the ACCORD_TODAY environment variable when it holds a valid date
 * (for tests), as the deadline rules see it
 */
char *
accord_store_today (AccordStore *self)
{
  const char *override = g_getenv ("ACCORD_TODAY");
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if (override != NULL && accord_validate_date ("ACCORD_TODAY", override, NULL))
    return g_strdup (override);

  zone = accord_store_get_time_zone (self);
  now = g_date_time_new_now (zone);
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Returns: how many days before its last day a step counts as due soon */
int
accord_store_due_soon_days (AccordStore *self)
{
  g_autofree char *days = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), 3);

  days = accord_store_get_setting (self, "deadline_due_soon_days", "3");
  return CLAMP (atoi (days), 0, 60);
}

/**
 * accord_store_max_extension:
 * @step: a step of the deadline rules, e.g. "reply"
 *
 * Returns: how many days in all the rules in force let the step's period
 * be extended by; 0 when it cannot be extended
 */
int
accord_store_max_extension (AccordStore *self,
                            const char  *step)
{
  AccordDeadlineProfile *profile;

  g_return_val_if_fail (ACCORD_IS_STORE (self), 0);
  g_return_val_if_fail (step != NULL, 0);

  profile = accord_store_deadline_profile (self, NULL);
  return profile != NULL ? accord_deadline_profile_max_extension (profile, step) : 0;
}
