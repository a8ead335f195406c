/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <glib/gi18n.h>

#include "accord-doc-kinds-private.h"

/* 听证意见书 (DOMAIN.md §3, §5): the hearing held; the matter and the facts
 * found; each panelist's view; the opinion the panel deliberated and how
 * many panelists support it; the panel's signatures. */

typedef struct
{
  gint64 support;
  gint64 oppose;
  gint64 abstain;
} Votes;

static void
add_opening (AccordDocBuilder *b,
             JsonObject       *content)
{
  JsonObject *session = accord_doc_kinds_object (content, "session");
  g_autofree char *date = accord_doc_kinds_date (accord_doc_kinds_string (session, "date"));
  g_autofree char *petitioners = accord_doc_kinds_petitioner_names (content);
  g_autofree char *presider = accord_doc_kinds_names (content, "presider", TRUE);
  g_autofree char *panel = accord_doc_kinds_names (content, "panelist", TRUE);
  g_autoptr(GPtrArray) panelists = accord_doc_kinds_participants (content, "panelist", TRUE);

  accord_doc_kinds_paragraphf (b, C_("document", "On %s, at %s, this bureau held a petition hearing on the "
                                                 "petition of %s concerning “%s” (case no. %s)."),
                               date, accord_doc_kinds_or_blank (accord_doc_kinds_string (session, "venue")),
                               accord_doc_kinds_or_blank (petitioners), accord_doc_kinds_case_title (content),
                               accord_doc_kinds_case_number (content));
  accord_doc_kinds_paragraphf (b, C_("document", "The hearing was presided over by %s; the panelists %s took "
                                                 "part (%u in all). The panel heard the petitioner's statement "
                                                 "and the answer of the responsible unit, examined the evidence "
                                                 "and deliberated apart. Its opinion is as follows:"),
                               accord_doc_kinds_or_blank (presider), accord_doc_kinds_or_blank (panel),
                               panelists->len);
}

/* The facts found (a string or an array of paragraphs), which DOMAIN.md
 * §5 requires of every hearing opinion. */
static gboolean
has_facts (JsonObject *outcome)
{
  JsonArray *paragraphs = accord_doc_kinds_array (outcome, "facts");

  if (accord_doc_kinds_string (outcome, "facts") != NULL)
    return TRUE;
  for (guint i = 0; paragraphs != NULL && i < json_array_get_length (paragraphs); i++)
    {
      JsonNode *node = json_array_get_element (paragraphs, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
          && *json_node_get_string (node) != '\0')
        return TRUE;
    }
  return FALSE;
}

static void
add_facts (AccordDocBuilder *b,
           JsonObject       *outcome,
           guint            *counter)
{
  const char *facts = accord_doc_kinds_string (outcome, "facts");
  JsonArray *paragraphs = accord_doc_kinds_array (outcome, "facts");
  g_autofree char *heading = NULL;

  heading = g_strconcat (accord_doc_kinds_ordinal (++*counter), C_("document", "Facts found"), NULL);
  accord_doc_heading (b, heading);
  if (facts != NULL)
    accord_doc_paragraph (b, facts);
  accord_doc_kinds_paragraphs (b, paragraphs);
}

static void
add_matter (AccordDocBuilder *b,
            JsonObject       *content,
            guint            *counter)
{
  const char *summary = accord_doc_kinds_case_string (content, "summary");
  g_autofree char *heading = g_strconcat (accord_doc_kinds_ordinal (++*counter),
                                          C_("document", "The petition"), NULL);

  accord_doc_heading (b, heading);
  accord_doc_paragraph (b, accord_doc_kinds_or_blank (summary != NULL ? summary
                                                                      : accord_doc_kinds_case_title (content)));
  add_facts (b, accord_doc_kinds_object (content, "outcome"), counter);
}

static const char *
vote_label (const char *vote)
{
  if (g_strcmp0 (vote, "support") == 0)
    return C_("document", "agrees");
  if (g_strcmp0 (vote, "oppose") == 0)
    return C_("document", "disagrees");
  if (g_strcmp0 (vote, "abstain") == 0)
    return C_("document", "abstains");
  return "—";
}

static void
count_vote (Votes      *votes,
            const char *vote)
{
  if (g_strcmp0 (vote, "support") == 0)
    votes->support++;
  else if (g_strcmp0 (vote, "oppose") == 0)
    votes->oppose++;
  else if (g_strcmp0 (vote, "abstain") == 0)
    votes->abstain++;
}

/* The panelists' views as a table; counts their votes into @votes. */
static void
add_views (AccordDocBuilder *b,
           JsonObject       *content,
           guint            *counter,
           Votes            *votes)
{
  g_autoptr(GPtrArray) panelists = accord_doc_kinds_participants (content, "panelist", TRUE);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *heading = g_strconcat (accord_doc_kinds_ordinal (++*counter),
                                          C_("document", "Views of the panelists"), NULL);
  const char *headers[] = {
    C_("document", "Panelist"), C_("document", "Vote"), C_("document", "Reasons"), NULL,
  };

  for (guint i = 0; i < panelists->len; i++)
    {
      JsonObject *p = g_ptr_array_index (panelists, i);
      const char *vote = accord_doc_kinds_string (p, "vote");
      const char *comment = accord_doc_kinds_string (p, "vote_comment");
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (accord_doc_kinds_string (p, "name"));
      row[1] = g_strdup (vote_label (vote));
      row[2] = g_strdup (comment != NULL ? comment : "—");
      g_ptr_array_add (rows, row);
      count_vote (votes, vote);
    }
  accord_doc_heading (b, heading);
  accord_doc_table (b, headers, rows);
}

static void
add_opinion (AccordDocBuilder *b,
             JsonObject       *content,
             guint            *counter,
             const Votes      *counted)
{
  JsonObject *outcome = accord_doc_kinds_object (content, "outcome");
  g_autoptr(GPtrArray) panelists = accord_doc_kinds_participants (content, "panelist", TRUE);
  g_autofree char *heading = g_strconcat (accord_doc_kinds_ordinal (++*counter),
                                          C_("document", "Opinion of the hearing"), NULL);
  gint64 support = accord_doc_kinds_int (outcome, "votes_support", counted->support);
  gint64 oppose = accord_doc_kinds_int (outcome, "votes_oppose", counted->oppose);
  gint64 abstain = accord_doc_kinds_int (outcome, "votes_abstain", counted->abstain);

  accord_doc_heading (b, heading);
  accord_doc_paragraph (b, accord_doc_kinds_string (outcome, "opinion"));
  accord_doc_kinds_paragraphf (b, C_("document", "The panel has %u members; after deliberation %d agree with "
                                                 "this opinion, %d disagree and %d abstain."),
                               panelists->len, (int) support, (int) oppose, (int) abstain);
  accord_doc_paragraph (b, C_("document", "This opinion and the minutes of the hearing are the main basis on "
                                          "which the petition is handled."));
}

static void
add_signatures (AccordDocBuilder *b,
                JsonObject       *content)
{
  accord_doc_heading (b, C_("document", "Signatures of the hearing panel"));
  accord_doc_kinds_sign_role (b, content, "presider");
  accord_doc_kinds_sign_role (b, content, "panelist");
  accord_doc_kinds_seal (b, content, accord_doc_kinds_string (content, "bureau"));
}

gboolean
accord_doc_build_hearing_opinion (JsonObject        *content,
                                  AccordDocBuilder  *b,
                                  GError           **error)
{
  JsonObject *outcome = accord_doc_kinds_object (content, "outcome");
  Votes votes = { 0, 0, 0 };
  guint counter = 0;

  if (accord_doc_kinds_object (content, "session") == NULL)
    return accord_doc_kinds_fail (error, _("A hearing opinion needs a hearing"));
  if (accord_doc_kinds_string (outcome, "opinion") == NULL)
    return accord_doc_kinds_fail (error, _("A hearing opinion needs the opinion the panel reached"));
  if (!has_facts (outcome))
    return accord_doc_kinds_fail (error, _("A hearing opinion needs the facts the hearing found"));

  accord_doc_kinds_header (b, content, C_("document", "Hearing Opinion"));
  add_opening (b, content);
  add_matter (b, content, &counter);
  add_views (b, content, &counter, &votes);
  add_opinion (b, content, &counter, &votes);
  add_signatures (b, content);
  return TRUE;
}
