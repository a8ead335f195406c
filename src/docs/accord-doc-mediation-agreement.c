/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <glib/gi18n.h>

#include "accord-doc-kinds-private.h"

/* 人民调解协议书 (人民调解法 arts. 28-33; DOMAIN.md §4, §5): the parties'
 * particulars; the main facts and the points in dispute; the agreed terms
 * and how and by when they are performed; effect, copies and judicial
 * confirmation; the parties' signatures and fingerprints, the mediator's
 * signature and the committee's seal. */

static gboolean
has_terms (JsonObject *content)
{
  JsonArray *terms = accord_doc_kinds_array (accord_doc_kinds_object (content, "outcome"), "terms");

  return terms != NULL && json_array_get_length (terms) > 0;
}

/* The party other than the petitioners, if the snapshot names one: a
 * mediation is between the parties to the dispute, never the bureau. */
static const char *
other_party (JsonObject *content)
{
  return accord_doc_kinds_string (content, "unit");
}

/* Who performs a term: the other party, the petitioners, or as written. */
static const char *
term_party (JsonObject *content,
            JsonObject *term,
            char      **owned)
{
  const char *party = accord_doc_kinds_string (term, "party");

  if (party == NULL || g_str_equal (party, "unit") || g_str_equal (party, "A") || g_str_equal (party, "a"))
    return accord_doc_kinds_or_blank (other_party (content));
  if (g_str_equal (party, "petitioner") || g_str_equal (party, "B") || g_str_equal (party, "b"))
    return *owned = accord_doc_kinds_petitioner_names (content);
  return party;
}

static void
add_parties (AccordDocBuilder *b,
             JsonObject       *content)
{
  const char *unit = other_party (content);

  accord_doc_kinds_petitioner_fields (b, content, C_("document", "Party"));
  if (unit != NULL)
    accord_doc_kinds_field (b, C_("document", "Party"), unit);
}

static void
add_dispute (AccordDocBuilder *b,
             JsonObject       *content)
{
  const char *summary = accord_doc_kinds_case_string (content, "summary");

  accord_doc_heading (b, C_("document", "Main facts of the dispute and points in dispute"));
  accord_doc_paragraph (b, summary != NULL ? summary : accord_doc_kinds_case_title (content));
}

static char *
term_text (JsonObject *content,
           JsonObject *term)
{
  g_autofree char *owned = NULL;

  return accord_doc_kinds_term_text (term, term_party (content, term, &owned));
}

static void
add_terms (AccordDocBuilder *b,
           JsonObject       *content)
{
  JsonObject *outcome = accord_doc_kinds_object (content, "outcome");
  JsonArray *terms = accord_doc_kinds_array (outcome, "terms");
  const char *resolution = accord_doc_kinds_string (outcome, "opinion");
  guint n = terms != NULL ? json_array_get_length (terms) : 0;
  guint counter = 0;

  accord_doc_heading (b, C_("document", "Through mediation the parties have voluntarily agreed as follows"));
  if (resolution != NULL)
    accord_doc_paragraph (b, resolution);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (terms, i);
      g_autofree char *text = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      text = term_text (content, json_node_get_object (node));
      accord_doc_kinds_item (b, &counter, text);
    }
}

static void
add_performance (AccordDocBuilder *b)
{
  accord_doc_heading (b, C_("document", "Manner, place and time limit of performance"));
  accord_doc_paragraph (b, C_("document", "Each party shall perform its obligations in full, in the manner and "
                                          "within the time limits agreed above."));
}

static void
add_clauses (AccordDocBuilder *b,
             JsonObject       *content)
{
  guint parties = accord_doc_kinds_n_petitioners (content) + (other_party (content) != NULL ? 1 : 0);

  accord_doc_paragraph (b, C_("document", "This agreement, reached through mediation by the people's mediation "
                                          "committee, is legally binding; the parties shall perform it as "
                                          "agreed."));
  accord_doc_paragraph (b, C_("document", "This agreement takes effect when every party has signed, sealed or "
                                          "fingerprinted it, the people's mediator has signed it and the "
                                          "people's mediation committee has sealed it."));
  accord_doc_kinds_paragraphf (b, C_("document", "This agreement is made in %s copies: each party keeps one and "
                                                 "the people's mediation committee keeps one."),
                               accord_doc_kinds_count (parties + 1));
  accord_doc_paragraph (b, C_("document", "The parties may, within thirty days of this agreement taking effect, "
                                          "jointly apply to the people's court for judicial confirmation of it."));
}

static void
add_signatures (AccordDocBuilder *b,
                JsonObject       *content)
{
  g_autoptr(GPtrArray) mediators = accord_doc_kinds_participants (content, "mediator", TRUE);
  const char *unit = other_party (content);
  const char *committee = accord_doc_kinds_string (content, "committee");

  accord_doc_kinds_sign_petitioners (b, content, C_("document", "Party"));
  if (unit != NULL)
    accord_doc_signature (b, "unit", C_("document", "Party (representative)"), unit, FALSE);
  if (mediators->len > 0)
    accord_doc_kinds_sign_role (b, content, "mediator");
  else
    accord_doc_signature (b, "mediator", accord_doc_kinds_role_label ("mediator"), "", FALSE);
  accord_doc_kinds_seal (b, content,
                         committee != NULL ? committee : C_("document", "People's mediation committee (seal)"));
}

gboolean
accord_doc_build_mediation_agreement (JsonObject        *content,
                                      AccordDocBuilder  *b,
                                      GError           **error)
{
  JsonObject *outcome = accord_doc_kinds_object (content, "outcome");

  if (accord_doc_kinds_n_petitioners (content) == 0)
    return accord_doc_kinds_fail (error, _("A mediation agreement needs the parties"));
  if (!has_terms (content) && accord_doc_kinds_string (outcome, "opinion") == NULL)
    return accord_doc_kinds_fail (error, _("A mediation agreement needs the agreed terms"));

  accord_doc_kinds_header (b, content, C_("document", "People's Mediation Agreement"));
  add_parties (b, content);
  add_dispute (b, content);
  add_terms (b, content);
  add_performance (b);
  add_clauses (b, content);
  add_signatures (b, content);
  return TRUE;
}
