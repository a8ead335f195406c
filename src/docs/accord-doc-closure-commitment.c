/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <glib/gi18n.h>

#include "accord-doc-kinds-private.h"

/* 息诉罢访承诺书 (DOMAIN.md §5): the petitioner's particulars, the matter,
 * the resolution accepted, the undertaking to stop petitioning on the same
 * facts and reasons and to withdraw pending petitions, voluntariness;
 * signatures.  Courts treat such an undertaking as an administrative
 * agreement and do not enforce a waiver of the right to sue: the text
 * says in so many words that lawful remedies are not affected. */

static void
add_matter (AccordDocBuilder *b,
            JsonObject       *content)
{
  const char *summary = accord_doc_kinds_case_string (content, "summary");
  const char *received = accord_doc_kinds_case_string (content, "received_on");
  g_autofree char *date = received != NULL ? accord_doc_kinds_date (received) : NULL;

  if (date != NULL)
    accord_doc_kinds_paragraphf (b, C_("document", "On %s I petitioned about “%s” (case no. %s)."), date,
                                 accord_doc_kinds_case_title (content), accord_doc_kinds_case_number (content));
  else
    accord_doc_kinds_paragraphf (b, C_("document", "I petitioned about “%s” (case no. %s)."),
                                 accord_doc_kinds_case_title (content), accord_doc_kinds_case_number (content));
  if (summary != NULL)
    accord_doc_kinds_paragraphf (b, C_("document", "The matter in brief: %s"), summary);
}

static void
add_undertakings (AccordDocBuilder *b)
{
  guint counter = 0;

  accord_doc_paragraph (b, C_("document", "I fully understand the above resolution, accept it, and solemnly "
                                          "undertake as follows:"));
  accord_doc_kinds_item (b, &counter,
                         C_("document", "I accept the above resolution and of my own free will end my "
                                        "petitioning on this matter; I will not petition again on the same "
                                        "facts and reasons."));
  accord_doc_kinds_item (b, &counter,
                         C_("document", "I withdraw the other petitions I have made on this matter that have "
                                        "not yet been concluded."));
  accord_doc_kinds_item (b, &counter,
                         C_("document", "Should I have new facts, reasons or other requests, I will raise them "
                                        "through the channels the law provides."));
  accord_doc_kinds_item (b, &counter,
                         C_("document", "This undertaking does not affect my lawful rights, such as the right "
                                        "to apply for administrative reconsideration or to bring a lawsuit."));
  accord_doc_kinds_item (b, &counter,
                         C_("document", "I sign this undertaking of my own free will, having been fully "
                                        "informed; it expresses my true intention."));
  accord_doc_paragraph (b, C_("document", "I hereby make this undertaking."));
}

static void
add_signatures (AccordDocBuilder *b,
                JsonObject       *content)
{
  accord_doc_space (b, 1);
  accord_doc_kinds_sign_petitioners (b, content, C_("document", "Undertaking party"));
  accord_doc_kinds_sign_witnesses (b, content);
  accord_doc_kinds_sign_officer (b, content);
  accord_doc_kinds_seal (b, content, accord_doc_kinds_string (content, "bureau"));
}

gboolean
accord_doc_build_closure_commitment (JsonObject        *content,
                                     AccordDocBuilder  *b,
                                     GError           **error)
{
  if (accord_doc_kinds_object (content, "case") == NULL)
    return accord_doc_kinds_fail (error, _("A closure commitment needs the case"));
  if (accord_doc_kinds_n_petitioners (content) == 0)
    return accord_doc_kinds_fail (error, _("A closure commitment needs at least one petitioner"));
  if (!accord_doc_kinds_has_resolution (content))
    return accord_doc_kinds_fail (error, _("A closure commitment needs the resolution the petitioner accepts: "
                                           "a handling opinion, a hearing opinion or an agreement"));

  accord_doc_kinds_header (b, content, C_("document", "Closure Commitment"));
  accord_doc_kinds_petitioner_fields (b, content, C_("document", "Undertaking party"));
  add_matter (b, content);
  accord_doc_kinds_add_resolution (b, content);
  add_undertakings (b);
  add_signatures (b, content);
  return TRUE;
}
