/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <glib/gi18n.h>

#include "accord-doc-kinds-private.h"

/* 听证通知书 (DOMAIN.md §3, §5): to the petitioner, at least 7 days before
 * the hearing: the matter; time, venue, presiding officer and panel; the
 * rights (recusal, one or two agents, at most five representatives); what
 * to bring; contact. */

static void
add_addressee (AccordDocBuilder *b,
               JsonObject       *content)
{
  g_autofree char *names = accord_doc_kinds_petitioner_names (content);

  accord_doc_kinds_paragraphf (b, C_("document", "To %s:"), names);
}

static void
add_opening (AccordDocBuilder *b,
             JsonObject       *content)
{
  accord_doc_kinds_paragraphf (b, C_("document", "Concerning the petition “%s” (case no. %s) that you "
                                                 "submitted, this bureau has decided, after examination, to "
                                                 "hold a petition hearing. The particulars are as follows:"),
                               accord_doc_kinds_case_title (content), accord_doc_kinds_case_number (content));
}

static void
add_arrangements (AccordDocBuilder *b,
                  JsonObject       *content,
                  guint            *counter)
{
  JsonObject *session = accord_doc_kinds_object (content, "session");
  g_autofree char *when = accord_doc_kinds_session_time (session);
  g_autofree char *presider = accord_doc_kinds_names (content, "presider", FALSE);
  g_autofree char *panel = accord_doc_kinds_names (content, "panelist", FALSE);
  g_autofree char *recorder = accord_doc_kinds_names (content, "recorder", FALSE);
  const char *venue = accord_doc_kinds_string (session, "venue");

  accord_doc_kinds_itemf (b, counter, C_("document", "Time of the hearing: %s."), when);
  accord_doc_kinds_itemf (b, counter, C_("document", "Place of the hearing: %s."),
                          accord_doc_kinds_or_blank (venue));
  accord_doc_kinds_itemf (b, counter, C_("document", "Presiding officer: %s."),
                          accord_doc_kinds_or_blank (presider));
  accord_doc_kinds_itemf (b, counter, C_("document", "Panelists: %s."), accord_doc_kinds_or_blank (panel));
  if (recorder != NULL)
    accord_doc_kinds_itemf (b, counter, C_("document", "Recorder: %s."), recorder);
  if (accord_doc_kinds_bool (session, "public"))
    accord_doc_kinds_item (b, counter, C_("document", "The hearing is held in public."));
  else
    accord_doc_kinds_item (b, counter,
                           C_("document", "The hearing is not held in public, as the matter touches state "
                                          "secrets, commercial secrets or personal privacy."));
}

static void
add_rights (AccordDocBuilder *b,
            JsonObject       *content,
            guint            *counter)
{
  accord_doc_kinds_item (b, counter,
                         C_("document", "If you consider that the presiding officer, a panelist or the recorder "
                                        "has a direct interest in this matter or in you, you have the right to "
                                        "ask for their recusal. A request for recusal, with its reasons, shall "
                                        "be made to this bureau before the hearing."));
  accord_doc_kinds_item (b, counter,
                         C_("document", "You may appoint one or two agents to attend the hearing. An agent "
                                        "shall hand in to this bureau, before the hearing, a power of attorney "
                                        "signed or sealed by the principal."));
  if (accord_doc_kinds_bool (accord_doc_kinds_object (content, "case"), "collective"))
    accord_doc_kinds_item (b, counter,
                           C_("document", "As this petition was made by several people together, you shall "
                                          "elect representatives to attend the hearing, no more than five, and "
                                          "send their names to this bureau before the hearing."));
  accord_doc_kinds_item (b, counter,
                         C_("document", "Please bring your resident identity card, this notice and the evidence "
                                        "and other material relating to the petition, and arrive at the place "
                                        "of the hearing on time."));
  accord_doc_kinds_item (b, counter,
                         C_("document", "If you do not attend the hearing without good reason, or leave it "
                                        "without permission, you are deemed to have given up the hearing."));
}

static void
add_contact (AccordDocBuilder *b,
             JsonObject       *content)
{
  const char *contact = accord_doc_kinds_string (content, "contact");

  if (contact != NULL)
    accord_doc_kinds_paragraphf (b, C_("document", "Contact: %s"), contact);
}

gboolean
accord_doc_build_hearing_notice (JsonObject        *content,
                                 AccordDocBuilder  *b,
                                 GError           **error)
{
  guint counter = 0;

  if (accord_doc_kinds_object (content, "session") == NULL)
    return accord_doc_kinds_fail (error, _("A hearing notice needs a scheduled hearing"));
  if (accord_doc_kinds_n_petitioners (content) == 0)
    return accord_doc_kinds_fail (error, _("A hearing notice needs at least one petitioner"));

  accord_doc_kinds_header (b, content, C_("document", "Hearing Notice"));
  add_addressee (b, content);
  add_opening (b, content);
  add_arrangements (b, content, &counter);
  add_rights (b, content, &counter);
  accord_doc_paragraph (b, C_("document", "You are hereby notified."));
  add_contact (b, content);
  accord_doc_space (b, 1);
  accord_doc_kinds_seal (b, content, accord_doc_kinds_string (content, "bureau"));
  return TRUE;
}
