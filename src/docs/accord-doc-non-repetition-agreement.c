/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <glib/gi18n.h>

#include "accord-doc-kinds-private.h"
#include "accord-money.h"

/* 息诉息访协议书 (DOMAIN.md §5): party A (the responsible unit or the
 * bureau) and party B (the petitioners); recitals; A's obligations with
 * amounts and dates; the performance schedule; B's undertaking not to
 * petition again on the same facts and reasons; breach by either side;
 * voluntariness; copies; effect on signature; witnesses; signatures,
 * fingerprints and seals.  Like the closure commitment, it leaves the
 * lawful remedies of both sides intact. */

static gboolean
is_party_b (JsonObject *term)
{
  const char *party = accord_doc_kinds_string (term, "party");

  return party != NULL &&
         (g_str_equal (party, "petitioner") || g_str_equal (party, "B") || g_str_equal (party, "b"));
}

static const char *
party_label (JsonObject *term)
{
  return is_party_b (term) ? C_("document", "Party B") : C_("document", "Party A");
}

static GPtrArray *
terms_of (JsonObject *content)
{
  JsonArray *terms = accord_doc_kinds_array (accord_doc_kinds_object (content, "outcome"), "terms");
  GPtrArray *found = g_ptr_array_new ();
  guint n = terms != NULL ? json_array_get_length (terms) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (terms, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        g_ptr_array_add (found, json_node_get_object (node));
    }
  return found;
}

static void
add_recitals (AccordDocBuilder *b,
              JsonObject       *content)
{
  const char *summary = accord_doc_kinds_case_string (content, "summary");
  const char *received = accord_doc_kinds_case_string (content, "received_on");
  g_autofree char *date = received != NULL ? accord_doc_kinds_date (received) : NULL;

  if (date != NULL)
    accord_doc_kinds_paragraphf (b, C_("document", "On %s Party B petitioned about “%s” (case no. %s)."), date,
                                 accord_doc_kinds_case_title (content), accord_doc_kinds_case_number (content));
  else
    accord_doc_kinds_paragraphf (b, C_("document", "Party B petitioned about “%s” (case no. %s)."),
                                 accord_doc_kinds_case_title (content), accord_doc_kinds_case_number (content));
  if (summary != NULL)
    accord_doc_kinds_paragraphf (b, C_("document", "The matter in brief: %s"), summary);
  accord_doc_kinds_add_resolution (b, content);
  accord_doc_paragraph (b, C_("document", "To resolve the dispute properly, Party A and Party B, on the principles "
                                          "of equality, free will and good faith, have reached the following "
                                          "agreement through consultation:"));
}

static void
add_heading (AccordDocBuilder *b,
             guint            *counter,
             const char       *text)
{
  g_autofree char *heading = g_strconcat (accord_doc_kinds_ordinal (++*counter), text, NULL);

  accord_doc_heading (b, heading);
}

/* The terms of one side, numbered 1, 2, … */
static void
add_obligations (AccordDocBuilder *b,
                 GPtrArray        *terms,
                 gboolean          party_b)
{
  guint number = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      JsonObject *term = g_ptr_array_index (terms, i);
      g_autofree char *text = NULL;

      if (is_party_b (term) != party_b)
        continue;
      text = accord_doc_kinds_term_text (term, party_label (term));
      accord_doc_kinds_paragraphf (b, C_("document", "%u. %s"), ++number, text);
    }
}

static char **
schedule_row (JsonObject *term,
              guint       number)
{
  gint64 fen = accord_doc_kinds_int (term, "amount_fen", -1);
  g_autofree char *figures = fen >= 0 ? accord_money_figures (fen) : NULL;
  char *due = accord_date_chinese (accord_doc_kinds_string (term, "due_on"));
  char **row = g_new0 (char *, 6);

  row[0] = g_strdup_printf ("%u", number);
  row[1] = g_strdup (party_label (term));
  row[2] = g_strdup (accord_doc_kinds_or_blank (accord_doc_kinds_string (term, "obligation")));
  row[3] = figures != NULL ? g_strdup_printf ("¥%s", figures) : g_strdup ("—");
  row[4] = due != NULL ? due : g_strdup ("—");
  return row;
}

static void
add_schedule (AccordDocBuilder *b,
              GPtrArray        *terms,
              guint            *counter)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = {
    C_("document", "No."), C_("document", "Performed by"), C_("document", "Performance"), C_("document", "Amount"),
    C_("document", "Due by"), NULL,
  };

  for (guint i = 0; i < terms->len; i++)
    g_ptr_array_add (rows, schedule_row (g_ptr_array_index (terms, i), i + 1));
  add_heading (b, counter, C_("document", "Performance schedule"));
  accord_doc_table (b, headers, rows);
  accord_doc_paragraph (b, C_("document", "Each obligation shall be performed in full by the date given above."));
}

static void
add_undertaking (AccordDocBuilder *b,
                 GPtrArray        *terms,
                 guint            *counter)
{
  add_heading (b, counter, C_("document", "Undertaking of Party B"));
  add_obligations (b, terms, TRUE);
  accord_doc_paragraph (b, C_("document", "Party B accepts the above resolution and undertakes, from the day this "
                                          "agreement takes effect, not to petition again on the same facts and "
                                          "reasons, and withdraws the petitions on this matter that have not yet "
                                          "been concluded."));
  accord_doc_paragraph (b, C_("document", "This agreement does not affect Party B's lawful rights, such as the "
                                          "right to apply for administrative reconsideration or to bring a "
                                          "lawsuit."));
}

static void
add_breach (AccordDocBuilder *b,
            guint            *counter)
{
  add_heading (b, counter, C_("document", "Breach"));
  accord_doc_paragraph (b, C_("document", "If Party A does not perform its obligations as agreed, Party B may "
                                          "require it to perform them and may assert its rights through the "
                                          "channels the law provides."));
  accord_doc_paragraph (b, C_("document", "If Party B, in breach of this agreement, petitions again on the same "
                                          "facts and reasons, the bodies concerned deal with it under the "
                                          "Regulations on Petition Work, and Party A may suspend the obligations "
                                          "not yet performed."));
}

static void
add_final_clauses (AccordDocBuilder *b,
                   JsonObject       *content,
                   guint            *counter)
{
  const char *unit = accord_doc_kinds_unit (content);
  const char *bureau = accord_doc_kinds_string (content, "bureau");
  gboolean bureau_keeps = bureau != NULL && g_strcmp0 (unit, bureau) != 0;
  guint copies = 1 + accord_doc_kinds_n_petitioners (content) + (bureau_keeps ? 1 : 0);

  add_heading (b, counter, C_("document", "Other provisions"));
  accord_doc_paragraph (b, C_("document", "This agreement is concluded by Party A and Party B on an equal footing, "
                                          "of their own free will and by consensus, and expresses their true "
                                          "intention."));
  if (bureau_keeps)
    accord_doc_kinds_paragraphf (b, C_("document", "This agreement is made in %s copies of equal effect: Party A "
                                                   "and Party B each keep one, and %s keeps one."),
                                 accord_doc_kinds_count (copies), bureau);
  else
    accord_doc_kinds_paragraphf (b, C_("document", "This agreement is made in %s copies of equal effect: Party A "
                                                   "and Party B each keep one."),
                                 accord_doc_kinds_count (copies));
  accord_doc_paragraph (b, C_("document", "This agreement takes effect on the day both parties sign it (seal it, "
                                          "press their fingerprints)."));
}

static void
add_signatures (AccordDocBuilder *b,
                JsonObject       *content)
{
  const char *unit = accord_doc_kinds_unit (content);
  const char *bureau = accord_doc_kinds_string (content, "bureau");

  accord_doc_space (b, 1);
  accord_doc_signature (b, "unit", C_("document", "Party A (representative)"), "", FALSE);
  accord_doc_kinds_seal (b, content, unit);
  accord_doc_kinds_sign_petitioners (b, content, C_("document", "Party B"));
  accord_doc_kinds_sign_witnesses (b, content);
  accord_doc_kinds_sign_officer (b, content);
  if (bureau != NULL && g_strcmp0 (unit, bureau) != 0)
    accord_doc_kinds_seal (b, content, bureau);
}

gboolean
accord_doc_build_non_repetition_agreement (JsonObject        *content,
                                           AccordDocBuilder  *b,
                                           GError           **error)
{
  g_autoptr(GPtrArray) terms = terms_of (content);
  guint counter = 0;

  if (accord_doc_kinds_n_petitioners (content) == 0)
    return accord_doc_kinds_fail (error, _("A non-repetition agreement needs the petitioner as Party B"));
  if (accord_doc_kinds_unit (content) == NULL)
    return accord_doc_kinds_fail (error, _("A non-repetition agreement needs the unit or bureau as Party A"));
  if (terms->len == 0)
    return accord_doc_kinds_fail (error, _("A non-repetition agreement needs the agreed terms"));

  accord_doc_kinds_header (b, content, C_("document", "Non-repetition Agreement"));
  accord_doc_kinds_field (b, C_("document", "Party A"), accord_doc_kinds_unit (content));
  accord_doc_kinds_petitioner_fields (b, content, C_("document", "Party B"));
  add_recitals (b, content);
  add_heading (b, &counter, C_("document", "Obligations of Party A"));
  add_obligations (b, terms, FALSE);
  add_schedule (b, terms, &counter);
  add_undertaking (b, terms, &counter);
  add_breach (b, &counter);
  add_final_clauses (b, content, &counter);
  add_signatures (b, content);
  return TRUE;
}
