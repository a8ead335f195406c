/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fixed vocabularies of the domain (DOMAIN.md §1).  Codes are the
 * stable identifiers stored in the database and used on the command line;
 * labels are their translated names. */
typedef enum
{
  ACCORD_VOCAB_CASE_STATUS,
  ACCORD_VOCAB_CHANNEL,
  ACCORD_VOCAB_PERSON_ROLE,
  ACCORD_VOCAB_OPINION,
  ACCORD_VOCAB_EVALUATION,
  ACCORD_VOCAB_SESSION_KIND,
  ACCORD_VOCAB_SESSION_ROLE,
  ACCORD_VOCAB_SESSION_STATUS,
  ACCORD_VOCAB_OUTCOME_RESULT,
  ACCORD_VOCAB_ATTENDANCE,
  ACCORD_VOCAB_VOTE,
  ACCORD_VOCAB_DOCUMENT_KIND,
  ACCORD_N_VOCABS
} AccordVocab;

gboolean            accord_vocab_has                (AccordVocab  vocab,
                                                     const char  *code);
const char         *accord_vocab_label              (AccordVocab  vocab,
                                                     const char  *code);
const char         *accord_vocab_msgid              (AccordVocab  vocab,
                                                     const char  *code);
const char * const *accord_vocab_codes              (AccordVocab  vocab);
char               *accord_vocab_codes_joined       (AccordVocab  vocab);

const char * const *accord_default_categories       (void);

G_END_DECLS
