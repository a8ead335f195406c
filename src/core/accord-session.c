/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-session"

#include "accord-session.h"

G_DEFINE_BOXED_TYPE (AccordSession, accord_session, accord_session_copy, accord_session_free)

AccordParticipant *
accord_participant_copy (const AccordParticipant *self)
{
  AccordParticipant *copy = g_new0 (AccordParticipant, 1);

  copy->id = self->id;
  copy->person_id = self->person_id;
  copy->petitioner_id = self->petitioner_id;
  copy->name = g_strdup (self->name);
  copy->role = g_strdup (self->role);
  copy->attendance = g_strdup (self->attendance);
  copy->vote = g_strdup (self->vote);
  copy->vote_comment = g_strdup (self->vote_comment);
  return copy;
}

void
accord_participant_free (AccordParticipant *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->role);
  g_free (self->attendance);
  g_free (self->vote);
  g_free (self->vote_comment);
  g_free (self);
}

AccordSession *
accord_session_copy (const AccordSession *self)
{
  AccordSession *copy = g_new0 (AccordSession, 1);

  *copy = *self;
  copy->case_number = g_strdup (self->case_number);
  copy->kind = g_strdup (self->kind);
  copy->venue_name = g_strdup (self->venue_name);
  copy->status = g_strdup (self->status);
  copy->notice_date = g_strdup (self->notice_date);
  copy->override_reason = g_strdup (self->override_reason);
  copy->notes = g_strdup (self->notes);
  copy->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_participant_free);
  for (guint i = 0; self->participants != NULL && i < self->participants->len; i++)
    g_ptr_array_add (copy->participants, accord_participant_copy (g_ptr_array_index (self->participants, i)));
  return copy;
}

void
accord_session_free (AccordSession *self)
{
  if (self == NULL)
    return;
  g_free (self->case_number);
  g_free (self->kind);
  g_free (self->venue_name);
  g_free (self->status);
  g_free (self->notice_date);
  g_free (self->override_reason);
  g_free (self->notes);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_free (self);
}
