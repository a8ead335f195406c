/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-doc.h"

G_BEGIN_DECLS

/* The six kinds of DOMAIN.md §5, each built from its content snapshot (a
 * JSON object made by core when the draft is made; see
 * accord_store_document_content).  One function per kind; this one
 * dispatches on the kind's code.
 *
 * The snapshot (members absent or null when unknown):
 *
 *   kind          "closure_commitment", "non_repetition_agreement",
 *                 "mediation_agreement", "hearing_notice", "hearing_minutes",
 *                 "hearing_opinion"
 *   bureau        the bureau's name, e.g. "北京市朝阳区信访局"
 *   committee     the people's mediation committee (mediation agreement)
 *   contact       the bureau's contact line (phone, address) for notices
 *   number        the document number, e.g. "朝信〔2026〕12号"; null in a draft
 *   date          YYYY-MM-DD: issue date (today in a draft)
 *   for_signature true when printed for signing on paper: ID numbers in full
 *   case          { number, title, summary, category, channel, received_on,
 *                   accepted_on, replied_on, opinion (support|explain|
 *                   not_support), responsible_unit, leader, collective }
 *   petitioners   [ { name, id_number, phone, address } ] (masked unless
 *                   for_signature)
 *   unit          party A of a non-repetition agreement: the responsible
 *                   unit, or the bureau
 *   officer       { name }: the bureau's officer who signs for it: the
 *                   bureau staff (pool role "officer") attending the
 *                   session, else the user who made the document
 *   session       { id, kind, date (YYYY-MM-DD), start ("14:00"), end,
 *                   venue, public (bool), notice_date,
 *                   participants: [ { key, name, role (session role code),
 *                   attendance (expected|present|absent|excused), vote
 *                   (support|oppose|abstain), vote_comment } ] }
 *   outcome       { result (agreement|partial|no_agreement|adjourned|
 *                   withdrawn), opinion (the hearing opinion or the agreed
 *                   resolution), votes_support, votes_oppose, votes_abstain,
 *                   minutes: [ paragraph, … ], refusals: [ text, … ],
 *                   facts: [ paragraph, … ] (the facts the hearing found),
 *                   follow_up_on, terms: [ { party, obligation, amount_fen
 *                   (integer or null), due_on } ] }
 *
 * Signature boxes take their signer key from the participant's "key" or,
 * for petitioners, "petitioner:<index>"; the bureau's officer is
 * "officer", the unit's representative "unit". */
gboolean accord_doc_build (const char        *kind,
                           JsonObject        *content,
                           AccordDocBuilder  *builder,
                           GError           **error);

G_END_DECLS
