/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-store.h"

G_BEGIN_DECLS

/* What happened in a held session (DOMAIN.md §3-§4): attendance, minutes,
 * each present panelist's vote, the result, the agreed terms and a
 * follow-up date. */

typedef struct
{
  gint64      participant_id;   /* AccordParticipant.id of the session */
  const char *attendance;       /* present | absent | excused */
  const char *vote;             /* support | oppose | abstain; panelists of a hearing */
  const char *vote_comment;
} AccordAttendanceInput;

typedef struct
{
  const char *party;
  const char *obligation;
  gint64      amount_fen;       /* -1: no amount */
  const char *due_on;           /* YYYY-MM-DD or NULL */
  gboolean    performed;
} AccordTermInput;

typedef struct
{
  gint64                       session_id;
  const AccordAttendanceInput *attendance;
  guint                        n_attendance;
  const char                  *result;     /* agreement | partial | no_agreement | adjourned | withdrawn */
  const char                  *opinion;    /* the hearing opinion or the resolution agreed */
  const char * const          *minutes;    /* paragraphs, NULL-terminated; may be NULL */
  const AccordTermInput       *terms;
  guint                        n_terms;
  const char                  *follow_up_on;
  const char * const          *facts;      /* the facts found, paragraphs, NULL-terminated; may be NULL */
} AccordOutcomeInput;

typedef struct
{
  gint64     session_id;
  char      *result;
  char      *opinion;
  int        votes_support;
  int        votes_oppose;
  int        votes_abstain;
  gboolean   majority;        /* more panelists support the opinion than not */
  char     **minutes;
  char     **facts;           /* the facts found (查明的事实), paragraphs */
  char      *follow_up_on;
  GPtrArray *terms;           /* AccordTerm */
  gint64     version;
} AccordOutcome;

typedef struct
{
  gint64    id;
  char     *party;
  char     *obligation;
  gint64    amount_fen;       /* -1: none */
  char     *due_on;
  gboolean  performed;
} AccordTerm;

void           accord_outcome_free          (AccordOutcome            *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordOutcome, accord_outcome_free)

gboolean       accord_store_record_outcome  (AccordStore              *store,
                                             const AccordOutcomeInput *input,
                                             GError                  **error);
AccordOutcome *accord_store_get_outcome     (AccordStore              *store,
                                             gint64                    session_id,
                                             GError                  **error);

/* A form in progress, such as an outcome being recorded. */
#define ACCORD_DRAFT_MAX_CHARS (4 * 1024 * 1024)
gboolean       accord_store_save_draft      (AccordStore              *store,
                                             const char               *key,
                                             const char               *content,
                                             GError                  **error);
char          *accord_store_load_draft      (AccordStore              *store,
                                             const char               *key);

G_END_DECLS
