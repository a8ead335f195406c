/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-enums"

#include <glib/gi18n.h>

#include "accord-enums.h"

typedef struct
{
  const char *code;
  const char *label;
} VocabEntry;

static const VocabEntry case_statuses[] = {
  { "registered", N_("Registered") },
  { "accepted", N_("Accepted") },
  { "declined", N_("Declined") },
  { "assigned", N_("Assigned") },
  { "replied", N_("Replied") },
  { "review", N_("Under review") },
  { "reviewed", N_("Reviewed") },
  { "re_review", N_("Under re-review") },
  { "terminated", N_("Terminated") },
  { NULL, NULL }
};

static const VocabEntry channels[] = {
  { "letter", N_("Letter") },
  { "visit", N_("Visit") },
  { "online", N_("Online") },
  { "phone", N_("Phone") },
  { "fax", N_("Fax") },
  { NULL, NULL }
};

static const VocabEntry person_roles[] = {
  { "lawyer", N_("Lawyer") },
  { "legal_worker", N_("Legal worker") },
  { "psychologist", N_("Psychologist") },
  { "npc_deputy", N_("People's congress deputy") },
  { "cppcc_member", N_("CPPCC member") },
  { "party_delegate", N_("Party congress delegate") },
  { "mediator", N_("People's mediator") },
  { "department_rep", N_("Department representative") },
  { "expert", N_("Expert") },
  { "community_rep", N_("Community representative") },
  { "notable", N_("Public figure") },
  { "officer", N_("Bureau officer") },
  { NULL, NULL }
};

static const VocabEntry opinions[] = {
  { "support", N_("Support") },
  { "explain", N_("Explain") },
  { "not_support", N_("Not support") },
  { NULL, NULL }
};

static const VocabEntry evaluations[] = {
  { "satisfied", N_("Satisfied") },
  { "basically_satisfied", N_("Basically satisfied") },
  { "dissatisfied", N_("Dissatisfied") },
  { NULL, NULL }
};

static const VocabEntry session_kinds[] = {
  { "hearing", N_("Hearing") },
  { "mediation", N_("Mediation") },
  { "joint_reception", N_("Joint reception") },
  { "follow_up", N_("Follow-up visit") },
  { NULL, NULL }
};

static const VocabEntry session_roles[] = {
  { "presider", N_("presiding officer") },
  { "panelist", N_("panelist") },
  { "recorder", N_("recorder") },
  { "mediator", N_("mediator") },
  { "lawyer", N_("lawyer") },
  { "psychologist", N_("psychologist") },
  { "deputy", N_("deputy") },
  { "department_rep", N_("department representative") },
  { "witness", N_("witness") },
  { "observer", N_("observer") },
  { "petitioner", N_("petitioner") },
  { "agent", N_("agent") },
  { NULL, NULL }
};

static const VocabEntry session_statuses[] = {
  { "planned", N_("Planned") },
  { "notified", N_("Notified") },
  { "held", N_("Held") },
  { "adjourned", N_("Adjourned") },
  { "cancelled", N_("Cancelled") },
  { NULL, NULL }
};

static const VocabEntry outcome_results[] = {
  { "agreement", N_("Agreement") },
  { "partial", N_("Partial agreement") },
  { "no_agreement", N_("No agreement") },
  { "adjourned", N_("Adjourned") },
  { "withdrawn", N_("Withdrawn") },
  { NULL, NULL }
};

static const VocabEntry attendances[] = {
  { "expected", N_("Expected") },
  { "present", N_("Present") },
  { "absent", N_("Absent") },
  { "excused", N_("Excused") },
  { NULL, NULL }
};

static const VocabEntry votes[] = {
  { "support", N_("Supports") },
  { "oppose", N_("Opposes") },
  { "abstain", N_("Abstains") },
  { NULL, NULL }
};

static const VocabEntry document_kinds[] = {
  { "hearing_notice", N_("Hearing notice") },
  { "hearing_minutes", N_("Hearing minutes") },
  { "hearing_opinion", N_("Hearing opinion") },
  { "mediation_agreement", N_("Mediation agreement") },
  { "closure_commitment", N_("Closure commitment") },
  { "non_repetition_agreement", N_("Non-repetition agreement") },
  { NULL, NULL }
};

static const VocabEntry *vocabs[ACCORD_N_VOCABS] = {
  case_statuses, channels, person_roles, opinions, evaluations, session_kinds, session_roles,
  session_statuses, outcome_results, attendances, votes, document_kinds,
};

static const char *default_categories[] = {
  "政治综合", "经济综合", "宣传舆论", "纪检监察", "劳动社保", "教育", "卫生健康", "科技文体",
  "组织人事", "交通能源环保", "民政", "农村农业", "国土资源", "城乡建设", "信息产业", "商贸旅游",
  "政法", "其他", NULL
};

static const VocabEntry *
find_entry (AccordVocab  vocab,
            const char  *code)
{
  if (code == NULL)
    return NULL;

  for (const VocabEntry *e = vocabs[vocab]; e->code != NULL; e++)
    if (g_str_equal (e->code, code))
      return e;

  return NULL;
}

gboolean
accord_vocab_has (AccordVocab  vocab,
                  const char  *code)
{
  g_return_val_if_fail (vocab < ACCORD_N_VOCABS, FALSE);

  return find_entry (vocab, code) != NULL;
}

const char *
accord_vocab_label (AccordVocab  vocab,
                    const char  *code)
{
  const VocabEntry *e;

  g_return_val_if_fail (vocab < ACCORD_N_VOCABS, NULL);

  e = find_entry (vocab, code);
  return e != NULL ? _(e->label) : code;
}

/* The label before translation, the key of its translations: for text in
 * another language than the interface's (a document's).  NULL for an
 * unknown code. */
const char *
accord_vocab_msgid (AccordVocab  vocab,
                    const char  *code)
{
  const VocabEntry *e;

  g_return_val_if_fail (vocab < ACCORD_N_VOCABS, NULL);

  e = find_entry (vocab, code);
  return e != NULL ? e->label : NULL;
}

const char * const *
accord_vocab_codes (AccordVocab vocab)
{
  static const char **codes[ACCORD_N_VOCABS];

  g_return_val_if_fail (vocab < ACCORD_N_VOCABS, NULL);

  if (g_once_init_enter (&codes[vocab]))
    {
      GPtrArray *array = g_ptr_array_new ();

      for (const VocabEntry *e = vocabs[vocab]; e->code != NULL; e++)
        g_ptr_array_add (array, (gpointer) e->code);
      g_ptr_array_add (array, NULL);
      g_once_init_leave (&codes[vocab], (const char **) g_ptr_array_free (array, FALSE));
    }

  return codes[vocab];
}

char *
accord_vocab_codes_joined (AccordVocab vocab)
{
  return g_strjoinv (", ", (char **) accord_vocab_codes (vocab));
}

const char * const *
accord_default_categories (void)
{
  return default_categories;
}
