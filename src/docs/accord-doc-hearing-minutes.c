/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <glib/gi18n.h>

#include "accord-doc-kinds-private.h"

/* 听证笔录 (DOMAIN.md §3, §5): time, venue, presiding officer, panel,
 * recorder, who attended and who did not; the proceedings as the recorder
 * wrote them; the refusals to sign the presiding officer notes; a
 * signature line for every participant. */

/* Roles other than the hearing's own (presider, panel, recorder) and the
 * petitioners' side. */
static const char * const other_roles[] = {
  "mediator", "lawyer", "psychologist", "deputy", "department_rep", "witness", "observer",
};

/* The order of the signature lines. */
static const char * const signing_roles[] = {
  "presider", "panelist", "recorder", "petitioner", "agent",
  "mediator", "lawyer", "psychologist", "deputy", "department_rep", "witness", "observer",
};

static char *
others_text (JsonObject *content)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < G_N_ELEMENTS (other_roles); r++)
    {
      g_autoptr(GPtrArray) people = accord_doc_kinds_participants (content, other_roles[r], TRUE);

      for (guint i = 0; i < people->len; i++)
        {
          if (text->len > 0)
            g_string_append (text, C_("document", ", "));
          g_string_append_printf (text, C_("document", "%s (%s)"),
                                  accord_doc_kinds_string (g_ptr_array_index (people, i), "name"),
                                  accord_doc_kinds_role_label (other_roles[r]));
        }
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static char *
absentees_text (JsonObject *content)
{
  g_autoptr(GPtrArray) people = accord_doc_kinds_participants (content, NULL, FALSE);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      JsonObject *p = g_ptr_array_index (people, i);
      gboolean excused = g_strcmp0 (accord_doc_kinds_string (p, "attendance"), "excused") == 0;

      if (accord_doc_kinds_attends (p))
        continue;
      if (text->len > 0)
        g_string_append (text, C_("document", ", "));
      g_string_append_printf (text, excused ? C_("document", "%s (%s, excused)") : C_("document", "%s (%s, absent)"),
                              accord_doc_kinds_string (p, "name"),
                              accord_doc_kinds_role_label (accord_doc_kinds_string (p, "role")));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
add_names_field (AccordDocBuilder *b,
                 JsonObject       *content,
                 const char       *label,
                 const char       *role)
{
  g_autofree char *names = accord_doc_kinds_names (content, role, TRUE);

  if (names != NULL || g_str_equal (role, "presider") || g_str_equal (role, "panelist"))
    accord_doc_kinds_field (b, label, names);
}

static void
add_particulars (AccordDocBuilder *b,
                 JsonObject       *content)
{
  JsonObject *session = accord_doc_kinds_object (content, "session");
  g_autofree char *when = accord_doc_kinds_session_time (session);
  g_autofree char *others = others_text (content);
  g_autofree char *absentees = absentees_text (content);

  accord_doc_kinds_field (b, C_("document", "Matter"), accord_doc_kinds_case_title (content));
  accord_doc_kinds_field (b, C_("document", "Case number"), accord_doc_kinds_case_number (content));
  accord_doc_kinds_field (b, C_("document", "Time"), when);
  accord_doc_kinds_field (b, C_("document", "Place"), accord_doc_kinds_string (session, "venue"));
  accord_doc_kinds_field (b, C_("document", "Form"),
                          accord_doc_kinds_bool (session, "public") ? C_("document", "public hearing")
                                                                    : C_("document", "hearing not in public"));
  add_names_field (b, content, C_("document", "Presiding officer"), "presider");
  add_names_field (b, content, C_("document", "Panelists"), "panelist");
  add_names_field (b, content, C_("document", "Recorder"), "recorder");
  add_names_field (b, content, C_("document", "Petitioners present"), "petitioner");
  add_names_field (b, content, C_("document", "Agents present"), "agent");
  if (others != NULL)
    accord_doc_kinds_field (b, C_("document", "Others present"), others);
  accord_doc_kinds_field (b, C_("document", "Absent"), absentees != NULL ? absentees : C_("document", "none"));
}

static void
add_proceedings (AccordDocBuilder *b,
                 JsonObject       *content)
{
  JsonObject *outcome = accord_doc_kinds_object (content, "outcome");
  JsonArray *minutes = accord_doc_kinds_array (outcome, "minutes");
  JsonArray *refusals = accord_doc_kinds_array (outcome, "refusals");

  accord_doc_heading (b, C_("document", "Record of the hearing"));
  if (minutes != NULL && json_array_get_length (minutes) > 0)
    accord_doc_kinds_paragraphs (b, minutes);
  else
    accord_doc_space (b, 8);

  if (refusals != NULL && json_array_get_length (refusals) > 0)
    {
      accord_doc_heading (b, C_("document", "Refusals to sign"));
      accord_doc_kinds_paragraphs (b, refusals);
      accord_doc_paragraph (b, C_("document", "The above was noted in the minutes by the presiding officer."));
    }
}

static void
add_signatures (AccordDocBuilder *b,
                JsonObject       *content)
{
  accord_doc_paragraph (b, C_("document", "These minutes have been checked by the participants (or read out to "
                                          "them), who sign every page after confirming that they are correct. A "
                                          "refusal to sign is noted in the minutes by the presiding officer."));
  accord_doc_heading (b, C_("document", "Signatures of the participants"));
  for (guint r = 0; r < G_N_ELEMENTS (signing_roles); r++)
    accord_doc_kinds_sign_role (b, content, signing_roles[r]);
}

/* Participants check and sign every page (DOMAIN.md §3): a place for each
 * at the foot of every page, besides the signature block at the end. */
static void
add_page_signatures (AccordDocBuilder *b,
                     JsonObject       *content)
{
  accord_doc_page_signatures (b, C_("document", "Signatures of the participants on this page"));
  for (guint r = 0; r < G_N_ELEMENTS (signing_roles); r++)
    {
      g_autoptr(GPtrArray) people = accord_doc_kinds_participants (content, signing_roles[r], TRUE);

      for (guint i = 0; i < people->len; i++)
        {
          JsonObject *p = g_ptr_array_index (people, i);
          const char *key = accord_doc_kinds_string (p, "key");
          g_autofree char *fallback = g_strdup_printf ("%s:%u", signing_roles[r], i);

          accord_doc_page_signer (b, key != NULL ? key : fallback, accord_doc_kinds_string (p, "name"));
        }
    }
}

gboolean
accord_doc_build_hearing_minutes (JsonObject        *content,
                                  AccordDocBuilder  *b,
                                  GError           **error)
{
  g_autoptr(GPtrArray) people = accord_doc_kinds_participants (content, NULL, FALSE);

  if (accord_doc_kinds_object (content, "session") == NULL)
    return accord_doc_kinds_fail (error, _("Hearing minutes need a hearing"));
  if (people->len == 0)
    return accord_doc_kinds_fail (error, _("Hearing minutes need the participants of the hearing"));

  accord_doc_kinds_header (b, content, C_("document", "Hearing Minutes"));
  add_particulars (b, content);
  add_proceedings (b, content);
  add_signatures (b, content);
  add_page_signatures (b, content);
  return TRUE;
}
