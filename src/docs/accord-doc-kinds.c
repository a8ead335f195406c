/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <glib/gi18n.h>

#include "accord-doc-kinds-private.h"
#include "accord-money.h"

typedef struct
{
  const char         *code;
  AccordDocKindBuild  build;
} KindEntry;

static const KindEntry kinds[] = {
  { "hearing_notice", accord_doc_build_hearing_notice },
  { "hearing_minutes", accord_doc_build_hearing_minutes },
  { "hearing_opinion", accord_doc_build_hearing_opinion },
  { "mediation_agreement", accord_doc_build_mediation_agreement },
  { "closure_commitment", accord_doc_build_closure_commitment },
  { "non_repetition_agreement", accord_doc_build_non_repetition_agreement },
};

/**
 * accord_doc_build:
 * @kind: the document kind's code
 * @content: the content snapshot (see accord-doc-kinds.h)
 * @builder: where the blocks go
 * @error: return location for an error
 *
 * Builds the blocks of one document, in the order of the official form.
 *
 * Returns: %FALSE with %ACCORD_DOC_ERROR_UNKNOWN_KIND or
 *   %ACCORD_DOC_ERROR_CONTENT if the document cannot be made
 */
gboolean
accord_doc_build (const char        *kind,
                  JsonObject        *content,
                  AccordDocBuilder  *builder,
                  GError           **error)
{
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (builder != NULL, FALSE);

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i].code))
      return kinds[i].build (content, builder, error);

  g_set_error (error, ACCORD_DOC_ERROR, ACCORD_DOC_ERROR_UNKNOWN_KIND,
               _("Unknown document kind “%s”"), kind != NULL ? kind : "");
  return FALSE;
}

/* Reading the snapshot ------------------------------------------------- */

static JsonNode *
member_node (JsonObject *object,
             const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

const char *
accord_doc_kinds_string (JsonObject *object,
                         const char *member)
{
  JsonNode *node = member_node (object, member);
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  return text != NULL && *text != '\0' ? text : NULL;
}

JsonObject *
accord_doc_kinds_object (JsonObject *object,
                         const char *member)
{
  JsonNode *node = member_node (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
accord_doc_kinds_array (JsonObject *object,
                        const char *member)
{
  JsonNode *node = member_node (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

gint64
accord_doc_kinds_int (JsonObject *object,
                      const char *member,
                      gint64      fallback)
{
  JsonNode *node = member_node (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

gboolean
accord_doc_kinds_bool (JsonObject *object,
                       const char *member)
{
  JsonNode *node = member_node (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  return json_node_get_boolean (node);
}

const char *
accord_doc_kinds_case_string (JsonObject *content,
                              const char *member)
{
  return accord_doc_kinds_string (accord_doc_kinds_object (content, "case"), member);
}

gboolean
accord_doc_kinds_fail (GError     **error,
                       const char  *message)
{
  g_set_error_literal (error, ACCORD_DOC_ERROR, ACCORD_DOC_ERROR_CONTENT, message);
  return FALSE;
}

/* Texts ---------------------------------------------------------------- */

/* A date to be filled in by hand when unknown. */
char *
accord_doc_kinds_date (const char *iso_date)
{
  char *text = accord_date_chinese (iso_date);

  return text != NULL ? text : g_strdup (C_("document", "(date)"));
}

char *
accord_doc_kinds_amount (gint64 fen)
{
  g_autofree char *figures = accord_money_figures (fen);
  g_autofree char *capital = accord_money_capital (fen);

  if (figures == NULL || capital == NULL)
    return NULL;
  return g_strdup_printf (C_("document", "¥%s (in words: %s)"), figures, capital);
}

char *
accord_doc_kinds_session_time (JsonObject *session)
{
  g_autofree char *date = accord_doc_kinds_date (accord_doc_kinds_string (session, "date"));
  const char *start = accord_doc_kinds_string (session, "start");
  const char *end = accord_doc_kinds_string (session, "end");

  if (start != NULL && end != NULL)
    return g_strdup_printf (C_("document", "%s, %s to %s"), date, start, end);
  if (start != NULL)
    return g_strdup_printf (C_("document", "%s, %s"), date, start);
  return g_steal_pointer (&date);
}

static const char * const counts[] = {
  NC_("document", "zero"), NC_("document", "one"), NC_("document", "two"),
  NC_("document", "three"), NC_("document", "four"), NC_("document", "five"),
  NC_("document", "six"), NC_("document", "seven"), NC_("document", "eight"),
  NC_("document", "nine"), NC_("document", "ten"),
};

/* A small number written out, as in 一式三份. */
const char *
accord_doc_kinds_count (guint n)
{
  return accord_doc_pgettext ("document", counts[MIN (n, G_N_ELEMENTS (counts) - 1)]);
}

static const char * const ordinals[] = {
  NC_("document", "1. "), NC_("document", "2. "), NC_("document", "3. "),
  NC_("document", "4. "), NC_("document", "5. "), NC_("document", "6. "),
  NC_("document", "7. "), NC_("document", "8. "), NC_("document", "9. "),
  NC_("document", "10. "), NC_("document", "11. "), NC_("document", "12. "),
  NC_("document", "13. "), NC_("document", "14. "), NC_("document", "15. "),
};

/* The number of an item at the first level: 一、二、… */
const char *
accord_doc_kinds_ordinal (guint n)
{
  g_return_val_if_fail (n >= 1, "");
  return accord_doc_pgettext ("document", ordinals[MIN (n, G_N_ELEMENTS (ordinals)) - 1]);
}

typedef struct
{
  const char *code;
  const char *label;
} RoleEntry;

static const RoleEntry roles[] = {
  { "presider", NC_("document", "Presiding officer") },
  { "panelist", NC_("document", "Panelist") },
  { "recorder", NC_("document", "Recorder") },
  { "mediator", NC_("document", "People's mediator") },
  { "lawyer", NC_("document", "Lawyer") },
  { "psychologist", NC_("document", "Psychologist") },
  { "deputy", NC_("document", "Deputy") },
  { "department_rep", NC_("document", "Department representative") },
  { "witness", NC_("document", "Witness") },
  { "observer", NC_("document", "Observer") },
  { "petitioner", NC_("document", "Petitioner") },
  { "agent", NC_("document", "Agent") },
};

const char *
accord_doc_kinds_role_label (const char *role)
{
  for (guint i = 0; role != NULL && i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (role, roles[i].code))
      return accord_doc_pgettext ("document", roles[i].label);
  return C_("document", "Participant");
}

/* A line to be filled in by hand. */
const char *
accord_doc_kinds_or_blank (const char *text)
{
  return text != NULL ? text : "________";
}

const char *
accord_doc_kinds_case_title (JsonObject *content)
{
  const char *title = accord_doc_kinds_case_string (content, "title");

  return title != NULL ? title : accord_doc_kinds_or_blank (accord_doc_kinds_case_string (content, "summary"));
}

const char *
accord_doc_kinds_case_number (JsonObject *content)
{
  return accord_doc_kinds_or_blank (accord_doc_kinds_case_string (content, "number"));
}

/* Party A of an agreement: the unit, else the responsible unit, else the
 * bureau. */
const char *
accord_doc_kinds_unit (JsonObject *content)
{
  const char *unit = accord_doc_kinds_string (content, "unit");

  if (unit == NULL)
    unit = accord_doc_kinds_case_string (content, "responsible_unit");
  if (unit == NULL)
    unit = accord_doc_kinds_string (content, "bureau");
  return unit;
}

/* A term of an agreement: who does what, by when, for how much.  The
 * amount in figures and in capital numerals. */
char *
accord_doc_kinds_term_text (JsonObject *term,
                            const char *party)
{
  const char *obligation = accord_doc_kinds_or_blank (accord_doc_kinds_string (term, "obligation"));
  gint64 fen = accord_doc_kinds_int (term, "amount_fen", -1);
  g_autofree char *amount = fen >= 0 ? accord_doc_kinds_amount (fen) : NULL;
  g_autofree char *due = accord_date_chinese (accord_doc_kinds_string (term, "due_on"));

  if (amount != NULL && due != NULL)
    return g_strdup_printf (C_("document", "%s shall, by %s, %s, the sum of %s."), party, due, obligation, amount);
  if (amount != NULL)
    return g_strdup_printf (C_("document", "%s shall %s, the sum of %s."), party, obligation, amount);
  if (due != NULL)
    return g_strdup_printf (C_("document", "%s shall, by %s, %s."), party, due, obligation);
  return g_strdup_printf (C_("document", "%s shall %s."), party, obligation);
}

static const char *
handling_opinion_label (const char *opinion)
{
  if (g_strcmp0 (opinion, "support") == 0)
    return C_("document", "the request is supported");
  if (g_strcmp0 (opinion, "explain") == 0)
    return C_("document", "the matter is explained to the petitioner");
  if (g_strcmp0 (opinion, "not_support") == 0)
    return C_("document", "the request is not supported");
  return NULL;
}

static gboolean
add_session_resolution (AccordDocBuilder *b,
                        JsonObject       *content)
{
  JsonObject *session = accord_doc_kinds_object (content, "session");
  const char *opinion = accord_doc_kinds_string (accord_doc_kinds_object (content, "outcome"), "opinion");
  const char *kind = accord_doc_kinds_string (session, "kind");
  const char *bureau = accord_doc_kinds_or_blank (accord_doc_kinds_string (content, "bureau"));
  const char *committee = accord_doc_kinds_string (content, "committee");
  g_autofree char *date = accord_doc_kinds_date (accord_doc_kinds_string (session, "date"));

  if (opinion == NULL)
    return FALSE;
  if (g_strcmp0 (kind, "hearing") == 0)
    accord_doc_kinds_paragraphf (b, C_("document", "On %s, %s held a petition hearing on this matter, which "
                                                   "reached the following opinion:"), date, bureau);
  else if (g_strcmp0 (kind, "mediation") == 0 || g_strcmp0 (kind, "joint_reception") == 0)
    accord_doc_kinds_paragraphf (b, C_("document", "On %s, %s organised a mediation of this matter, in which "
                                                   "the following was agreed:"), date,
                                 g_strcmp0 (kind, "mediation") == 0 && committee != NULL ? committee : bureau);
  else
    accord_doc_paragraph (b, C_("document", "This matter has been resolved as follows:"));
  accord_doc_paragraph (b, opinion);
  return TRUE;
}

static gboolean
add_handling_resolution (AccordDocBuilder *b,
                         JsonObject       *content)
{
  const char *label = handling_opinion_label (accord_doc_kinds_case_string (content, "opinion"));
  const char *unit = accord_doc_kinds_case_string (content, "responsible_unit");
  const char *replied = accord_doc_kinds_case_string (content, "replied_on");
  g_autofree char *date = NULL;

  if (label == NULL)
    return FALSE;
  if (unit == NULL)
    unit = accord_doc_kinds_or_blank (accord_doc_kinds_string (content, "bureau"));
  if (replied == NULL)
    {
      accord_doc_kinds_paragraphf (b, C_("document", "%s has given its written handling opinion on this "
                                                     "matter: %s."), unit, label);
      return TRUE;
    }
  date = accord_doc_kinds_date (replied);
  accord_doc_kinds_paragraphf (b, C_("document", "%s gave, on %s, its written handling opinion on this "
                                                 "matter: %s."), unit, date, label);
  return TRUE;
}

gboolean
accord_doc_kinds_has_resolution (JsonObject *content)
{
  return accord_doc_kinds_string (accord_doc_kinds_object (content, "outcome"), "opinion") != NULL ||
         handling_opinion_label (accord_doc_kinds_case_string (content, "opinion")) != NULL;
}

/* How the matter was resolved: the handling opinion, then the hearing
 * opinion or the agreement of the session.  FALSE if nothing is known. */
gboolean
accord_doc_kinds_add_resolution (AccordDocBuilder *b,
                                 JsonObject       *content)
{
  gboolean handled = add_handling_resolution (b, content);

  return add_session_resolution (b, content) || handled;
}

/* Participants --------------------------------------------------------- */

gboolean
accord_doc_kinds_attends (JsonObject *participant)
{
  const char *attendance = accord_doc_kinds_string (participant, "attendance");

  return attendance == NULL || (!g_str_equal (attendance, "absent") && !g_str_equal (attendance, "excused"));
}

/* The participants in @role (all if NULL), in the session's order.
 * Returns: (transfer container) (element-type JsonObject) */
GPtrArray *
accord_doc_kinds_participants (JsonObject *content,
                               const char *role,
                               gboolean    attending_only)
{
  JsonArray *people = accord_doc_kinds_array (accord_doc_kinds_object (content, "session"), "participants");
  GPtrArray *found = g_ptr_array_new ();
  guint n = people != NULL ? json_array_get_length (people) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (people, i);
      JsonObject *p = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (p == NULL || accord_doc_kinds_string (p, "name") == NULL)
        continue;
      if (role != NULL && g_strcmp0 (accord_doc_kinds_string (p, "role"), role) != 0)
        continue;
      if (attending_only && !accord_doc_kinds_attends (p))
        continue;
      g_ptr_array_add (found, p);
    }
  return found;
}

static char *
join_names (GPtrArray *objects)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < objects->len; i++)
    {
      if (i > 0)
        g_string_append (text, C_("document", ", "));
      g_string_append (text, accord_doc_kinds_string (g_ptr_array_index (objects, i), "name"));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The names in @role joined with 、, or NULL when there is nobody. */
char *
accord_doc_kinds_names (JsonObject *content,
                        const char *role,
                        gboolean    attending_only)
{
  g_autoptr(GPtrArray) people = accord_doc_kinds_participants (content, role, attending_only);

  return join_names (people);
}

static GPtrArray *
petitioner_objects (JsonObject *content)
{
  JsonArray *array = accord_doc_kinds_array (content, "petitioners");
  GPtrArray *found = g_ptr_array_new ();
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node) && accord_doc_kinds_string (json_node_get_object (node), "name") != NULL)
        g_ptr_array_add (found, json_node_get_object (node));
    }
  return found;
}

char *
accord_doc_kinds_petitioner_names (JsonObject *content)
{
  g_autoptr(GPtrArray) petitioners = petitioner_objects (content);

  return join_names (petitioners);
}

guint
accord_doc_kinds_n_petitioners (JsonObject *content)
{
  g_autoptr(GPtrArray) petitioners = petitioner_objects (content);

  return petitioners->len;
}

/* Blocks --------------------------------------------------------------- */

/* Title, then the number line: the document number, or the case number
 * while a draft has none. */
void
accord_doc_kinds_header (AccordDocBuilder *b,
                         JsonObject       *content,
                         const char       *title)
{
  const char *number = accord_doc_kinds_string (content, "number");
  const char *case_number = accord_doc_kinds_case_string (content, "number");

  accord_doc_title (b, title);
  if (number != NULL)
    accord_doc_subtitle (b, number);
  else if (case_number != NULL)
    accord_doc_subtitle (b, case_number);
}

void
accord_doc_kinds_field (AccordDocBuilder *b,
                        const char       *label,
                        const char       *value)
{
  accord_doc_field (b, label, accord_doc_kinds_or_blank (value));
}

/* A numbered paragraph: 一、… */
void
accord_doc_kinds_item (AccordDocBuilder *b,
                       guint            *counter,
                       const char       *text)
{
  g_autofree char *numbered = g_strconcat (accord_doc_kinds_ordinal (++*counter), text, NULL);

  accord_doc_paragraph (b, numbered);
}

void
accord_doc_kinds_itemf (AccordDocBuilder *b,
                        guint            *counter,
                        const char       *format,
                        ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  accord_doc_kinds_item (b, counter, text);
}

void
accord_doc_kinds_paragraphf (AccordDocBuilder *b,
                             const char       *format,
                             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  accord_doc_paragraph (b, text);
}

/* One paragraph for each string of @strings (which may be NULL). */
void
accord_doc_kinds_paragraphs (AccordDocBuilder *b,
                             JsonArray        *strings)
{
  guint n = strings != NULL ? json_array_get_length (strings) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (strings, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
          && *json_node_get_string (node) != '\0')
        accord_doc_paragraph (b, json_node_get_string (node));
    }
}

/* Name, ID number, address and phone of each petitioner. */
void
accord_doc_kinds_petitioner_fields (AccordDocBuilder *b,
                                    JsonObject       *content,
                                    const char       *label)
{
  g_autoptr(GPtrArray) petitioners = petitioner_objects (content);

  for (guint i = 0; i < petitioners->len; i++)
    {
      JsonObject *p = g_ptr_array_index (petitioners, i);

      accord_doc_kinds_field (b, label, accord_doc_kinds_string (p, "name"));
      accord_doc_kinds_field (b, C_("document", "ID number"), accord_doc_kinds_string (p, "id_number"));
      accord_doc_kinds_field (b, C_("document", "Address"), accord_doc_kinds_string (p, "address"));
      accord_doc_kinds_field (b, C_("document", "Phone"), accord_doc_kinds_string (p, "phone"));
    }
}

/* One box with a fingerprint area for every petitioner of the case. */
void
accord_doc_kinds_sign_petitioners (AccordDocBuilder *b,
                                   JsonObject       *content,
                                   const char       *label)
{
  JsonArray *array = accord_doc_kinds_array (content, "petitioners");
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *key = g_strdup_printf ("petitioner:%u", i);
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      name = accord_doc_kinds_string (json_node_get_object (node), "name");
      if (name != NULL)
        accord_doc_signature (b, key, label, name, TRUE);
    }
}

static void
sign_people (AccordDocBuilder *b,
             JsonObject       *content,
             const char       *role,
             const char       *label)
{
  g_autoptr(GPtrArray) people = accord_doc_kinds_participants (content, role, TRUE);
  gboolean fingerprint = g_str_equal (role, "petitioner") || g_str_equal (role, "agent");

  for (guint i = 0; i < people->len; i++)
    {
      JsonObject *p = g_ptr_array_index (people, i);
      const char *key = accord_doc_kinds_string (p, "key");
      g_autofree char *fallback = g_strdup_printf ("%s:%u", role, i);

      accord_doc_signature (b, key != NULL ? key : fallback, label, accord_doc_kinds_string (p, "name"),
                            fingerprint);
    }
}

/* One box for every attending participant in @role; petitioners and
 * agents also press a fingerprint. */
void
accord_doc_kinds_sign_role (AccordDocBuilder *b,
                            JsonObject       *content,
                            const char       *role)
{
  sign_people (b, content, role, accord_doc_kinds_role_label (role));
}

/* The witnesses of an undertaking or agreement: lawyers, deputies,
 * mediators and other witnesses of the session. */
void
accord_doc_kinds_sign_witnesses (AccordDocBuilder *b,
                                 JsonObject       *content)
{
  static const char * const witness_roles[] = { "lawyer", "deputy", "mediator", "witness" };

  for (guint i = 0; i < G_N_ELEMENTS (witness_roles); i++)
    {
      g_autofree char *label = NULL;

      if (g_str_equal (witness_roles[i], "witness"))
        label = g_strdup (accord_doc_kinds_role_label ("witness"));
      else
        label = g_strdup_printf (C_("document", "Witness (%s)"), accord_doc_kinds_role_label (witness_roles[i]));
      sign_people (b, content, witness_roles[i], label);
    }
}

/* The bureau's officer the snapshot names; a blank to fill in by hand in
 * an older snapshot that names none. */
void
accord_doc_kinds_sign_officer (AccordDocBuilder *b,
                               JsonObject       *content)
{
  const char *name = accord_doc_kinds_string (accord_doc_kinds_object (content, "officer"), "name");

  accord_doc_signature (b, "officer", C_("document", "Officer of the petition bureau"), name, FALSE);
}

void
accord_doc_kinds_seal (AccordDocBuilder *b,
                       JsonObject       *content,
                       const char       *label)
{
  g_autofree char *date = accord_doc_kinds_date (accord_doc_kinds_string (content, "date"));

  accord_doc_seal (b, label != NULL ? label : C_("document", "(seal)"), date);
}
