/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A hearing, mediation, joint reception or follow-up visit as read from the
 * store, with everyone taking part. */

typedef struct
{
  gint64  id;
  gint64  person_id;       /* 0 for a petitioner */
  gint64  petitioner_id;   /* 0 for a person of the pool */
  char   *name;
  char   *role;
  char   *attendance;
  char   *vote;            /* panelists of a held hearing */
  char   *vote_comment;
} AccordParticipant;

typedef struct
{
  gint64     id;
  gint64     case_id;
  char      *case_number;
  char      *kind;
  gint64     starts_at;
  gint64     ends_at;
  gint64     venue_id;     /* 0: no venue */
  char      *venue_name;
  char      *status;
  gboolean   is_public;
  char      *notice_date;
  char      *override_reason;
  char      *notes;
  gint64     version;
  GPtrArray *participants; /* of AccordParticipant */
} AccordSession;

typedef struct
{
  gint64      person_id;
  gint64      petitioner_id;
  const char *role;
} AccordParticipantInput;

typedef struct
{
  const char                   *case_number;
  const char                   *kind;
  gint64                        starts_at;
  gint64                        ends_at;
  gint64                        venue_id;
  const AccordParticipantInput *participants;
  guint                         n_participants;
  const char                   *notice_date;   /* YYYY-MM-DD; NULL: today */
  gboolean                      is_private;
  const char                   *notes;
} AccordSessionInput;

#define ACCORD_TYPE_SESSION (accord_session_get_type ())

GType              accord_session_get_type      (void) G_GNUC_CONST;
AccordSession     *accord_session_copy          (const AccordSession     *self);
void               accord_session_free          (AccordSession           *self);
void               accord_participant_free      (AccordParticipant       *self);
AccordParticipant *accord_participant_copy      (const AccordParticipant *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordSession, accord_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordParticipant, accord_participant_free)

G_END_DECLS
