/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-store-documents"

#include <glib/gi18n.h>
#include <string.h>

#include "accord-documents.h"
#include "accord-enums.h"
#include "accord-outcome.h"
#include "accord-store-private.h"
#include "accord-validate.h"

#define MAX_STROKES 500
#define MAX_POINTS 50000

void
accord_document_free (AccordDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->public_id);
  g_free (self->kind);
  g_free (self->case_number);
  g_free (self->number);
  g_free (self->status);
  g_free (self->sha256);
  g_free (self->signed_sha256);
  g_free (self->void_reason);
  g_clear_pointer (&self->signatures, g_ptr_array_unref);
  g_free (self);
}

void
accord_verification_clear (AccordVerification *self)
{
  g_clear_pointer (&self->document, accord_document_free);
}

static void
signature_free (AccordSignature *s)
{
  g_free (s->signer);
  g_free (s->role);
  g_free (s);
}

/* The content snapshot ------------------------------------------------- */

static void
set_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static JsonObject *
case_object (AccordCase *c)
{
  static const AccordCaseText fields[] = {
    ACCORD_CASE_NUMBER, ACCORD_CASE_TITLE, ACCORD_CASE_SUMMARY, ACCORD_CASE_CATEGORY, ACCORD_CASE_CHANNEL,
    ACCORD_CASE_RECEIVED_ON, ACCORD_CASE_ACCEPTED_ON, ACCORD_CASE_REPLIED_ON, ACCORD_CASE_OPINION,
    ACCORD_CASE_RESPONSIBLE_UNIT, ACCORD_CASE_LEADER,
  };
  JsonObject *o = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    set_string (o, accord_case_text_name (fields[i]), accord_case_get_text (c, fields[i]));
  json_object_set_boolean_member (o, "collective", accord_case_get_flag (c, ACCORD_CASE_COLLECTIVE));
  return o;
}

/* Personal data in full only when printed for signing. */
static JsonArray *
petitioners_array (AccordCase *c,
                   gboolean    for_signature)
{
  GPtrArray *petitioners = accord_case_get_petitioners (c);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < petitioners->len; i++)
    {
      AccordPetitioner *p = g_ptr_array_index (petitioners, i);
      g_autofree char *id = for_signature ? g_strdup (p->id_number) : accord_mask_id_number (p->id_number);
      g_autofree char *phone = for_signature ? g_strdup (p->phone) : accord_mask_phone (p->phone);
      g_autofree char *address = for_signature ? g_strdup (p->address) : accord_mask_address (p->address);
      JsonObject *o = json_object_new ();

      set_string (o, "name", p->name);
      set_string (o, "id_number", id);
      set_string (o, "phone", phone);
      set_string (o, "address", address);
      json_array_add_object_element (array, o);
    }
  return array;
}

static JsonObject *
session_object (AccordStore   *store,
                AccordSession *s)
{
  g_autofree char *date = accord_store_format_local (store, s->starts_at, "%Y-%m-%d");
  g_autofree char *start = accord_store_format_local (store, s->starts_at, "%H:%M");
  g_autofree char *end = accord_store_format_local (store, s->ends_at, "%H:%M");
  JsonObject *o = json_object_new ();
  JsonArray *people = json_array_new ();
  guint petitioner_index = 0;

  json_object_set_int_member (o, "id", s->id);
  set_string (o, "kind", s->kind);
  set_string (o, "date", date);
  set_string (o, "start", start);
  set_string (o, "end", end);
  set_string (o, "venue", s->venue_name);
  json_object_set_boolean_member (o, "public", s->is_public);
  set_string (o, "notice_date", s->notice_date);
  for (guint i = 0; i < s->participants->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (s->participants, i);
      JsonObject *po = json_object_new ();
      g_autofree char *key = p->person_id > 0 ? g_strdup_printf ("person:%" G_GINT64_FORMAT, p->person_id)
                                              : g_strdup_printf ("petitioner:%u", petitioner_index++);

      set_string (po, "key", key);
      set_string (po, "name", p->name);
      set_string (po, "role", p->role);
      set_string (po, "attendance", p->attendance);
      set_string (po, "vote", p->vote);
      set_string (po, "vote_comment", p->vote_comment);
      json_array_add_object_element (people, po);
    }
  json_object_set_array_member (o, "participants", people);
  return o;
}

static JsonObject *
outcome_object (AccordOutcome *o)
{
  JsonObject *object = json_object_new ();
  JsonArray *minutes = json_array_new ();
  JsonArray *facts = json_array_new ();
  JsonArray *terms = json_array_new ();

  set_string (object, "result", o->result);
  set_string (object, "opinion", o->opinion);
  json_object_set_int_member (object, "votes_support", o->votes_support);
  json_object_set_int_member (object, "votes_oppose", o->votes_oppose);
  json_object_set_int_member (object, "votes_abstain", o->votes_abstain);
  for (guint i = 0; o->minutes != NULL && o->minutes[i] != NULL; i++)
    json_array_add_string_element (minutes, o->minutes[i]);
  json_object_set_array_member (object, "minutes", minutes);
  for (guint i = 0; o->facts != NULL && o->facts[i] != NULL; i++)
    json_array_add_string_element (facts, o->facts[i]);
  json_object_set_array_member (object, "facts", facts);
  json_object_set_array_member (object, "refusals", json_array_new ());
  set_string (object, "follow_up_on", o->follow_up_on);
  for (guint i = 0; i < o->terms->len; i++)
    {
      AccordTerm *t = g_ptr_array_index (o->terms, i);
      JsonObject *to = json_object_new ();

      set_string (to, "party", t->party);
      set_string (to, "obligation", t->obligation);
      if (t->amount_fen >= 0)
        json_object_set_int_member (to, "amount_fen", t->amount_fen);
      else
        json_object_set_null_member (to, "amount_fen");
      set_string (to, "due_on", t->due_on);
      json_array_add_object_element (terms, to);
    }
  json_object_set_array_member (object, "terms", terms);
  return object;
}

static gboolean
add_session (AccordStore  *store,
             JsonObject   *content,
             const char   *case_number,
             gint64        session_id,
             GError      **error)
{
  g_autoptr(AccordSession) s = NULL;
  g_autoptr(AccordOutcome) o = NULL;

  json_object_set_null_member (content, "session");
  json_object_set_null_member (content, "outcome");
  if (session_id <= 0)
    return TRUE;

  if ((s = accord_store_get_session (store, session_id, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (s->case_number, case_number) != 0)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("Session: it belongs to another case"));
      return FALSE;
    }
  json_object_set_object_member (content, "session", session_object (store, s));
  if ((o = accord_store_get_outcome (store, session_id, NULL)) != NULL)
    json_object_set_object_member (content, "outcome", outcome_object (o));
  return TRUE;
}

static gboolean
is_officer (AccordStore       *store,
            AccordParticipant *p)
{
  g_autoptr(AccordPerson) person = NULL;

  if (p->person_id <= 0 || g_strcmp0 (p->attendance, "absent") == 0 || g_strcmp0 (p->attendance, "excused") == 0)
    return FALSE;
  person = accord_store_get_person (store, p->person_id, NULL);
  return person != NULL && person->roles != NULL && g_strv_contains ((const char * const *) person->roles, "officer");
}

/* The bureau's officer who signs a document for the bureau: its own staff
 * (pool role "officer") at the session.  Without one the name is left blank
 * for the officer to write by hand: the store's actor is a login name, fit
 * for the audit log but not for a legal document. */
static JsonObject *
officer_object (AccordStore *store,
                gint64       session_id)
{
  g_autoptr(AccordSession) s = session_id > 0 ? accord_store_get_session (store, session_id, NULL) : NULL;
  const char *name = "";
  JsonObject *o = json_object_new ();

  for (guint i = 0; s != NULL && i < s->participants->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (s->participants, i);

      if (is_officer (store, p))
        {
          name = p->name;
          break;
        }
    }
  set_string (o, "name", name);
  return o;
}

/**
 * accord_store_document_content:
 * @session_id: the hearing or mediation the document is about, or 0
 * @for_signature: personal data in full, for a copy printed to be signed
 *
 * Returns: (transfer full): the content snapshot of a document of @kind
 * (see src/docs/accord-doc-kinds.h), as a draft: no number yet.
 */
JsonObject *
accord_store_document_content (AccordStore  *store,
                               const char   *kind,
                               const char   *case_number,
                               gint64        session_id,
                               gboolean      for_signature,
                               GError      **error)
{
  g_autoptr(AccordCase) c = NULL;
  g_autoptr(JsonObject) content = NULL;
  g_autofree char *bureau = accord_store_get_setting (store, "bureau_name", _("Petition Bureau"));
  g_autofree char *committee = accord_store_get_setting (store, "mediation_committee", NULL);
  g_autofree char *contact = accord_store_get_setting (store, "bureau_contact", NULL);
  g_autofree char *today = accord_today ();
  const char *unit;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  if (!accord_vocab_has (ACCORD_VOCAB_DOCUMENT_KIND, kind))
    {
      g_autofree char *codes = accord_vocab_codes_joined (ACCORD_VOCAB_DOCUMENT_KIND);
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT, _("Kind must be one of: %s"), codes);
      return NULL;
    }
  if ((c = accord_store_get_case (store, case_number, error)) == NULL)
    return NULL;

  content = json_object_new ();
  set_string (content, "kind", kind);
  set_string (content, "bureau", bureau);
  set_string (content, "committee", committee);
  set_string (content, "contact", contact);
  json_object_set_null_member (content, "number");
  set_string (content, "date", today);
  json_object_set_boolean_member (content, "for_signature", for_signature);
  json_object_set_object_member (content, "case", case_object (c));
  json_object_set_array_member (content, "petitioners", petitioners_array (c, for_signature));
  unit = accord_case_get_text (c, ACCORD_CASE_RESPONSIBLE_UNIT);
  set_string (content, "unit", unit != NULL ? unit : bureau);
  if (!add_session (store, content, case_number, session_id, error))
    return NULL;
  json_object_set_object_member (content, "officer", officer_object (store, session_id));

  return g_steal_pointer (&content);
}

/* Issuing and signing ---------------------------------------------------- */

static char *
content_json (JsonObject *content)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), content);

  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static char *
sha256_of (const guchar *data,
           gsize         length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

static char *
public_id (AccordStore *store,
           gint64       id)
{
  g_autofree char *database = accord_store_get_setting (store, "database_id", "00000000");

  return g_strdup_printf ("%.8s-%06" G_GINT64_FORMAT, database, id);
}

static char *
next_document_number (AccordStore  *store,
                      GError      **error)
{
  g_autofree char *today = accord_today ();
  g_autofree char *prefix = accord_store_get_setting (store, "document_number_prefix", "");
  sqlite3_stmt *stmt;
  int year = atoi (today);
  gint64 seq = 0;
  int rc;

  stmt = accord_store_prepare (store,
                               "INSERT INTO document_number_counter (year, last) VALUES (?, 1) "
                               "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      accord_store_sqlite_error (store, rc, error);
      return NULL;
    }
  /* GB/T 9704: the year in 〔〕, then the sequence and 号. */
  return g_strdup_printf ("%s〔%d〕%" G_GINT64_FORMAT "号", prefix, year, seq);
}

typedef struct
{
  const char             *kind;
  const char             *case_number;
  gint64                  session_id;
  gint64                  document_id;
  const char             *signer;
  const char             *role;
  const char             *strokes;
  const char             *reason;
  AccordDocumentRenderer  renderer;
  gpointer                user_data;
} DocumentAction;

static gboolean
audit_document (AccordStore  *store,
                const char   *action,
                gint64        id,
                const char   *key,
                const char   *value,
                GError      **error)
{
  g_autoptr(JsonBuilder) details = json_builder_new ();

  json_builder_begin_object (details);
  json_builder_set_member_name (details, key);
  json_builder_add_string_value (details, value);
  json_builder_end_object (details);
  return accord_store_audit (store, action, "document", id, details, error);
}

static gboolean
insert_document (AccordStore     *store,
                 DocumentAction  *a,
                 gint64           case_id,
                 GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "INSERT INTO document (kind, case_id, session_id, created_at) "
                               "VALUES (?, ?, nullif (?, 0), ?)", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, a->kind);
  sqlite3_bind_int64 (stmt, 2, case_id);
  sqlite3_bind_int64 (stmt, 3, a->session_id);
  sqlite3_bind_int64 (stmt, 4, accord_store_now ());
  if (!accord_store_step_done (store, stmt, error))
    return FALSE;
  a->document_id = sqlite3_last_insert_rowid (accord_store_get_db (store));
  return TRUE;
}

static gboolean
store_issued (AccordStore  *store,
              gint64        id,
              const char   *number,
              const char   *json,
              GBytes       *pdf,
              GError      **error)
{
  gsize length;
  const guchar *data = g_bytes_get_data (pdf, &length);
  g_autofree char *sha = sha256_of (data, length);
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "UPDATE document SET number = ?, content = ?, pdf = ?, sha256 = ?, status = 'issued', "
                               "issued_at = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, number);
  accord_bind_text (stmt, 2, json);
  sqlite3_bind_blob64 (stmt, 3, data, length, SQLITE_TRANSIENT);
  accord_bind_text (stmt, 4, sha);
  sqlite3_bind_int64 (stmt, 5, accord_store_now ());
  sqlite3_bind_int64 (stmt, 6, id);
  return accord_store_step_done (store, stmt, error);
}

static gboolean
issue_action (AccordStore  *store,
              gpointer      data,
              GError      **error)
{
  DocumentAction *a = data;
  g_autoptr(JsonObject) content = NULL;
  g_autoptr(AccordCase) c = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *number = NULL;
  g_autofree char *json = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *pid = NULL;

  if ((content = accord_store_document_content (store, a->kind, a->case_number, a->session_id, FALSE, error)) == NULL ||
      (c = accord_store_get_case (store, a->case_number, error)) == NULL ||
      !insert_document (store, a, accord_case_get_id (c), error) ||
      (number = next_document_number (store, error)) == NULL)
    return FALSE;

  /* The number is part of the frozen content; the short hash printed on
   * every page is the content's. */
  json_object_set_string_member (content, "number", number);
  json = content_json (content);
  hash = sha256_of ((const guchar *) json, strlen (json));
  hash[12] = '\0';
  pid = public_id (store, a->document_id);

  if ((pdf = a->renderer (content, pid, hash, NULL, a->user_data, error)) == NULL)
    return FALSE;
  return store_issued (store, a->document_id, number, json, pdf, error) &&
         audit_document (store, "document.issue", a->document_id, "number", number, error);
}

/**
 * accord_store_issue_document:
 *
 * Freezes the content of a new document, gives it the next number of the
 * year, renders it with @renderer and keeps the PDF and its SHA-256, all
 * in one action.
 */
AccordDocument *
accord_store_issue_document (AccordStore            *store,
                             const char             *kind,
                             const char             *case_number,
                             gint64                  session_id,
                             AccordDocumentRenderer  renderer,
                             gpointer                user_data,
                             GError                **error)
{
  DocumentAction a = { kind, case_number, session_id, 0, NULL, NULL, NULL, NULL, renderer, user_data };

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (renderer != NULL, NULL);

  if (!accord_store_run (store, issue_action, &a, error))
    return NULL;
  return accord_store_get_document (store, a.document_id, error);
}

static gboolean
valid_point (JsonNode *node)
{
  JsonObject *p;
  static const char *members[] = { "x", "y" };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  p = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *member = json_object_get_member (p, members[i]);
      GType type = member != NULL && JSON_NODE_HOLDS_VALUE (member) ? json_node_get_value_type (member) : G_TYPE_INVALID;
      double v;

      if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
        return FALSE;
      v = json_node_get_double (member);
      if (!(v >= 0.0 && v <= 1.0))
        return FALSE;
    }
  return TRUE;
}

/**
 * accord_validate_strokes:
 *
 * A handwritten signature: a JSON array of strokes, each an array of
 * points {x, y, p, t} with x and y from 0 to 1 within the box.
 */
gboolean
accord_validate_strokes (const char  *strokes_json,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *strokes;
  guint points = 0;

  if (!accord_validate_text (_("Signature"), strokes_json, 4 * 1024 * 1024, TRUE, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, strokes_json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    goto invalid;

  strokes = json_node_get_array (root);
  if (json_array_get_length (strokes) == 0 || json_array_get_length (strokes) > MAX_STROKES)
    goto invalid;
  for (guint i = 0; i < json_array_get_length (strokes); i++)
    {
      JsonNode *stroke = json_array_get_element (strokes, i);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (stroke))
        goto invalid;
      array = json_node_get_array (stroke);
      points += json_array_get_length (array);
      for (guint k = 0; k < json_array_get_length (array); k++)
        if (!valid_point (json_array_get_element (array, k)))
          goto invalid;
    }
  if (points == 0 || points > MAX_POINTS)
    goto invalid;
  return TRUE;

invalid:
  g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                       _("Signature: the strokes must be a list of lines of points with x and y between 0 and 1"));
  return FALSE;
}

static gboolean
load_signatures (AccordStore  *store,
                 gint64        id,
                 JsonObject   *strokes,
                 JsonArray    *record,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (store,
                               "SELECT signer, role, strokes, signed_at FROM signature WHERE document_id = ? ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *signer = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 2), NULL);
      g_autofree char *when = accord_store_format_local (store, sqlite3_column_int64 (stmt, 3), "%Y-%m-%d %H:%M");
      JsonObject *entry = json_object_new ();

      if (node != NULL)
        json_object_set_member (strokes, signer, json_node_copy (node));
      set_string (entry, "signer", signer);
      set_string (entry, "role", (const char *) sqlite3_column_text (stmt, 1));
      set_string (entry, "signed_at", when);
      json_array_add_object_element (record, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (store, rc, error);
  return TRUE;
}

static gboolean
insert_signature (AccordStore     *store,
                  DocumentAction  *a,
                  GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "INSERT INTO signature (document_id, signer, role, strokes, signed_at) VALUES (?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->document_id);
  accord_bind_text (stmt, 2, a->signer);
  accord_bind_text (stmt, 3, a->role);
  accord_bind_text (stmt, 4, a->strokes);
  sqlite3_bind_int64 (stmt, 5, accord_store_now ());
  if (accord_store_step_done (store, stmt, error))
    return TRUE;
  if (g_error_matches (*error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_DUPLICATE))
    {
      g_clear_error (error);
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("Signer: this box has already been signed"));
    }
  return FALSE;
}

static gboolean
store_signed (AccordStore  *store,
              gint64        id,
              GBytes       *pdf,
              GError      **error)
{
  gsize length;
  const guchar *data = g_bytes_get_data (pdf, &length);
  g_autofree char *sha = sha256_of (data, length);
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "UPDATE document SET signed_pdf = ?, signed_sha256 = ?, status = 'signed', "
                               "version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob64 (stmt, 1, data, length, SQLITE_TRANSIENT);
  accord_bind_text (stmt, 2, sha);
  sqlite3_bind_int64 (stmt, 3, id);
  return accord_store_step_done (store, stmt, error);
}

/* The frozen content of an issued document, with the short hash printed on
 * its pages (that of the issued content, whatever was signed since). */
static JsonObject *
issued_content (AccordStore  *store,
                gint64        id,
                char        **short_hash,
                GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  sqlite3_stmt *stmt;

  if ((stmt = accord_store_prepare (store, "SELECT content FROM document WHERE id = ? AND content IS NOT NULL",
                                    error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *json = (const char *) sqlite3_column_text (stmt, 0);

      node = json_from_string (json, NULL);
      *short_hash = sha256_of ((const guchar *) json, strlen (json));
      (*short_hash)[12] = '\0';
    }
  sqlite3_reset (stmt);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                           _("This document has no PDF: it was never issued"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (node));
}

/* The content with a signing record naming each signer so far and the
 * SHA-256 of the issued PDF, and each signer's strokes. */
static gboolean
add_signatures (AccordStore     *store,
                AccordDocument  *doc,
                JsonObject      *content,
                JsonObject      *strokes,
                GError         **error)
{
  JsonArray *signers = json_array_new ();
  JsonObject *record;

  if (!load_signatures (store, doc->id, strokes, signers, error))
    {
      json_array_unref (signers);
      return FALSE;
    }
  if (json_array_get_length (signers) == 0)
    {
      json_array_unref (signers);
      return TRUE;
    }
  record = json_object_new ();
  json_object_set_string_member (record, "issued_sha256", doc->sha256);
  json_object_set_array_member (record, "signers", signers);
  json_object_set_object_member (content, "signing_record", record);
  return TRUE;
}

gboolean
accord_store_document_drawing (AccordStore  *store,
                               gint64        document_id,
                               JsonObject  **content,
                               char        **short_hash,
                               JsonObject  **strokes,
                               GError      **error)
{
  g_autoptr(AccordDocument) doc = NULL;
  g_autoptr(JsonObject) c = NULL;
  g_autoptr(JsonObject) s = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (content != NULL && short_hash != NULL && strokes != NULL, FALSE);

  if ((doc = accord_store_get_document (store, document_id, error)) == NULL ||
      (c = issued_content (store, document_id, &hash, error)) == NULL)
    return FALSE;
  s = json_object_new ();
  if (!add_signatures (store, doc, c, s, error))
    return FALSE;
  *content = g_steal_pointer (&c);
  *short_hash = g_steal_pointer (&hash);
  *strokes = g_steal_pointer (&s);
  return TRUE;
}

/* The signed PDF is the issued content with every signature so far drawn
 * in its box, and a signing record naming each signer and the SHA-256 of
 * the issued PDF. */
static gboolean
sign_action (AccordStore  *store,
             gpointer      data,
             GError      **error)
{
  DocumentAction *a = data;
  g_autoptr(AccordDocument) doc = accord_store_get_document (store, a->document_id, error);
  g_autoptr(JsonObject) content = NULL;
  g_autoptr(JsonObject) strokes = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *hash = NULL;

  if (doc == NULL)
    return FALSE;
  if (!g_str_equal (doc->status, "issued") && !g_str_equal (doc->status, "signed"))
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("Only an issued document can be signed"));
      return FALSE;
    }
  if (!insert_signature (store, a, error) ||
      !accord_store_document_drawing (store, a->document_id, &content, &hash, &strokes, error))
    return FALSE;
  if ((pdf = a->renderer (content, doc->public_id, hash, strokes, a->user_data, error)) == NULL)
    return FALSE;
  return store_signed (store, a->document_id, pdf, error) &&
         audit_document (store, "document.sign", a->document_id, "role", a->role, error);
}

AccordDocument *
accord_store_sign_document (AccordStore            *store,
                            gint64                  document_id,
                            const char             *signer,
                            const char             *role,
                            const char             *strokes_json,
                            AccordDocumentRenderer  renderer,
                            gpointer                user_data,
                            GError                **error)
{
  DocumentAction a = { NULL, NULL, 0, document_id, signer, role, strokes_json, NULL, renderer, user_data };

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (renderer != NULL, NULL);

  if (!accord_validate_text (_("Signer"), signer, ACCORD_NAME_MAX_CHARS, TRUE, error) ||
      !accord_validate_text (_("Role"), role, ACCORD_NAME_MAX_CHARS, TRUE, error) ||
      !accord_validate_strokes (strokes_json, error) ||
      !accord_store_run (store, sign_action, &a, error))
    return NULL;
  return accord_store_get_document (store, document_id, error);
}

static gboolean
void_action (AccordStore  *store,
             gpointer      data,
             GError      **error)
{
  DocumentAction *a = data;
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "UPDATE document SET status = 'void', void_reason = ?, version = version + 1 "
                               "WHERE id = ? AND status IN ('issued', 'signed')", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, a->reason);
  sqlite3_bind_int64 (stmt, 2, a->document_id);
  if (!accord_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (accord_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("Only an issued or signed document can be voided"));
      return FALSE;
    }
  return audit_document (store, "document.void", a->document_id, "reason", a->reason, error);
}

/**
 * accord_store_void_document:
 *
 * An issued document is never changed or deleted: it is voided, with the
 * reason, and a corrected one is issued.
 */
gboolean
accord_store_void_document (AccordStore  *store,
                            gint64        document_id,
                            const char   *reason,
                            GError      **error)
{
  DocumentAction a = { 0 };

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);

  a.document_id = document_id;
  a.reason = reason;
  if (!accord_validate_text (_("Reason"), reason, 2000, TRUE, error))
    return FALSE;
  return accord_store_run (store, void_action, &a, error);
}

/* Reading ---------------------------------------------------------------- */

#define SELECT_DOCUMENT \
  "SELECT d.id, d.kind, c.number, coalesce (d.session_id, 0), d.number, d.status, d.sha256, d.signed_sha256, " \
  "d.void_reason, coalesce (d.issued_at, 0) FROM document d JOIN \"case\" c ON c.id = d.case_id "

static AccordDocument *
read_document (AccordStore  *store,
               sqlite3_stmt *stmt)
{
  AccordDocument *d = g_new0 (AccordDocument, 1);

  d->id = sqlite3_column_int64 (stmt, 0);
  d->public_id = public_id (store, d->id);
  d->kind = accord_column_text (stmt, 1);
  d->case_number = accord_column_text (stmt, 2);
  d->session_id = sqlite3_column_int64 (stmt, 3);
  d->number = accord_column_text (stmt, 4);
  d->status = accord_column_text (stmt, 5);
  d->sha256 = accord_column_text (stmt, 6);
  d->signed_sha256 = accord_column_text (stmt, 7);
  d->void_reason = accord_column_text (stmt, 8);
  d->issued_at = sqlite3_column_int64 (stmt, 9);
  d->signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) signature_free);
  return d;
}

static gboolean
read_signature_list (AccordStore     *store,
                     AccordDocument  *d,
                     GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (store, "SELECT signer, role, signed_at FROM signature WHERE document_id = ? ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordSignature *s = g_new0 (AccordSignature, 1);

      s->signer = accord_column_text (stmt, 0);
      s->role = accord_column_text (stmt, 1);
      s->signed_at = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (d->signatures, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (store, rc, error);
  return TRUE;
}

static GPtrArray *
query_documents (AccordStore  *store,
                 const char   *sql,
                 const char   *text,
                 gint64        id,
                 GError      **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_document_free);
  sqlite3_stmt *stmt = accord_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    accord_bind_text (stmt, 1, text);
  else if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (docs, read_document (store, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accord_store_sqlite_error (store, rc, error);
      return NULL;
    }
  for (guint i = 0; i < docs->len; i++)
    if (!read_signature_list (store, g_ptr_array_index (docs, i), error))
      return NULL;
  return g_steal_pointer (&docs);
}

AccordDocument *
accord_store_get_document (AccordStore  *store,
                           gint64        document_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) docs = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  docs = query_documents (store, SELECT_DOCUMENT "WHERE d.id = ?", NULL, MAX (document_id, 1), error);
  if (docs == NULL)
    return NULL;
  if (docs->len == 0 || document_id < 1)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                           _("There is no document with this id"));
      return NULL;
    }
  return g_ptr_array_steal_index (docs, 0);
}

GPtrArray *
accord_store_list_documents (AccordStore  *store,
                             const char   *case_number,
                             GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  if (case_number != NULL)
    return query_documents (store, SELECT_DOCUMENT "WHERE c.number = ? ORDER BY d.id", case_number, 0, error);
  return query_documents (store, SELECT_DOCUMENT "ORDER BY d.id", NULL, 0, error);
}

/* The signed PDF when there is one, else the issued one. */
GBytes *
accord_store_document_pdf (AccordStore  *store,
                           gint64        document_id,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  GBytes *pdf = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  stmt = accord_store_prepare (store, "SELECT coalesce (signed_pdf, pdf) FROM document WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_BLOB)
    pdf = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);

  if (pdf == NULL)
    g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                         _("This document has no PDF: it was never issued"));
  return pdf;
}

/* A PDF holds NUL bytes, so g_strstr_len () would stop short of it. */
static const char *
find_bytes (const char *data,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The id the renderer puts in the PDF's keywords: "accord:doc:<public id>". */
static gint64
named_document (AccordStore  *store,
                GBytes       *pdf)
{
  g_autofree char *database = accord_store_get_setting (store, "database_id", "00000000");
  g_autofree char *needle = g_strdup_printf ("accord:doc:%.8s-", database);
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);
  const char *found = find_bytes (data, length, needle);

  if (found == NULL)
    return 0;
  return g_ascii_strtoll (found + strlen (needle), NULL, 10);
}

/**
 * accord_store_verify_pdf:
 *
 * Whether @pdf is, byte for byte, a document this database issued or
 * signed; when not, whether it names one of this database's documents (an
 * altered copy).  Returns %FALSE only when the database cannot be read.
 */
gboolean
accord_store_verify_pdf (AccordStore         *store,
                         GBytes              *pdf,
                         AccordVerification  *v,
                         GError             **error)
{
  gsize length;
  const guchar *data = g_bytes_get_data (pdf, &length);
  g_autofree char *sha = sha256_of (data, length);
  g_autoptr(GPtrArray) found = NULL;
  gint64 named;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);

  *v = (AccordVerification) { 0 };
  found = query_documents (store, SELECT_DOCUMENT "WHERE d.sha256 = ?1 OR d.signed_sha256 = ?1", sha, 0, error);
  if (found == NULL)
    return FALSE;
  if (found->len > 0)
    {
      v->document = g_ptr_array_steal_index (found, 0);
      v->authentic = v->from_this_database = TRUE;
      v->signed_copy = g_strcmp0 (v->document->signed_sha256, sha) == 0;
      return TRUE;
    }

  if ((named = named_document (store, pdf)) > 0)
    {
      v->document = accord_store_get_document (store, named, NULL);
      v->from_this_database = v->document != NULL;
    }
  return TRUE;
}
