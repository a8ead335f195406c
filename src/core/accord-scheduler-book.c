/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-scheduler"

/* Booking, moving, updating, restoring and cancelling sessions: each
 * change is checked by accord_scheduler_check() and written, with its
 * audit entry, in one transaction. */

#include <glib/gi18n.h>

#include "accord-scheduler-private.h"
#include "accord-store-private.h"
#include "accord-store-schedule.h"
#include "accord-validate.h"

/* Booking, moving, cancelling ------------------------------------------ */

typedef struct
{
  AccordScheduler          *self;
  const AccordSessionInput *proposal;
  gint64                    session_id;     /* move, cancel */
  gint64                    expected_version;
  const char               *reason;         /* override or cancel reason */
  GPtrArray                *conflicts;
  gint64                    result_id;
} Booking;

static void
add_conflict_details (JsonBuilder *details,
                      GPtrArray   *conflicts,
                      const char  *reason)
{
  json_builder_set_member_name (details, "overridden");
  json_builder_begin_array (details);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      AccordConflict *c = g_ptr_array_index (conflicts, i);
      if (c->severity == ACCORD_SEVERITY_HARD)
        json_builder_add_string_value (details, c->rule);
    }
  json_builder_end_array (details);
  if (reason != NULL)
    {
      json_builder_set_member_name (details, "reason");
      json_builder_add_string_value (details, reason);
    }
}

static gboolean
audit_session (AccordStore *store,
               const char  *action,
               gint64       id,
               const char  *case_number,
               GPtrArray   *conflicts,
               const char  *reason,
               GError     **error)
{
  g_autoptr(JsonBuilder) details = json_builder_new ();

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "case");
  json_builder_add_string_value (details, case_number);
  add_conflict_details (details, conflicts, reason);
  json_builder_end_object (details);
  return accord_store_audit (store, action, "session", id, details, error);
}

/* Hard conflicts stop the action unless the coordinator gave a reason. */
static gboolean
allowed (GPtrArray   *conflicts,
         const char  *reason,
         GError     **error)
{
  if (!accord_conflicts_have_hard (conflicts))
    return TRUE;
  if (accord_validate_text (_("Reason"), reason, 2000, TRUE, NULL))
    return TRUE;

  g_set_error_literal (error, ACCORD_SCHEDULER_ERROR, ACCORD_SCHEDULER_ERROR_CONFLICT,
                       ((AccordConflict *) g_ptr_array_index (conflicts, 0))->message);
  return FALSE;
}

static gboolean
book_action (AccordStore  *store,
             gpointer      data,
             GError      **error)
{
  Booking *b = data;
  g_auto(Check) check = { 0 };

  if (!accord_scheduler_check_prepare (&check, b->self, b->proposal, 0, error) || !accord_scheduler_check_run (&check, error))
    return FALSE;
  b->conflicts = g_ptr_array_ref (check.conflicts);
  if (!allowed (check.conflicts, b->reason, error))
    return FALSE;

  return accord_store_insert_session (store, &check.input, check.context,
                                      accord_conflicts_have_hard (check.conflicts) ? b->reason : NULL,
                                      &b->result_id, error) &&
         audit_session (store, "session.add", b->result_id, check.context->number,
                        check.conflicts, accord_conflicts_have_hard (check.conflicts) ? b->reason : NULL, error);
}

/* Runs @action in one transaction; hands the conflicts found out in
 * @conflicts and returns the session as written. */
static AccordSession *
run_booking (AccordScheduler    *self,
             AccordStoreAction   action,
             Booking            *b,
             gint64              session_id,
             GPtrArray         **conflicts,
             GError            **error)
{
  AccordStore *store = accord_scheduler_get_store (self);
  gboolean ok = accord_store_run (store, action, b, error);

  if (conflicts != NULL)
    *conflicts = b->conflicts ? g_ptr_array_ref (b->conflicts) : NULL;
  g_clear_pointer (&b->conflicts, g_ptr_array_unref);

  return ok ? accord_store_get_session (store, session_id != 0 ? session_id : b->result_id, error) : NULL;
}

static gboolean
validate_reason (const char  *reason,
                 GError     **error)
{
  return accord_validate_text (_("Reason"), reason, 2000, FALSE, error);
}

/**
 * accord_scheduler_book:
 * @override_reason: (nullable): why the session is booked despite hard
 *   conflicts; written to the audit log
 * @conflicts: (out) (optional): every conflict found, soft ones included
 *
 * Checks and books in one transaction, so two coordinators cannot take the
 * same slot.  Refused with %ACCORD_SCHEDULER_ERROR_CONFLICT (and nothing
 * written) when a hard rule breaks and no reason is given.
 */
AccordSession *
accord_scheduler_book (AccordScheduler          *self,
                       const AccordSessionInput *proposal,
                       const char               *override_reason,
                       GPtrArray               **conflicts,
                       GError                  **error)
{
  Booking b = { self, proposal, 0, 0, override_reason };

  g_return_val_if_fail (ACCORD_IS_SCHEDULER (self), NULL);

  if (!validate_reason (override_reason, error))
    return NULL;

  return run_booking (self, book_action, &b, 0, conflicts, error);
}

static AccordSessionInput
input_from_session (AccordSession *session,
                    GArray        *participants)
{
  AccordSessionInput in = {
    session->case_number, session->kind, session->starts_at, session->ends_at, session->venue_id,
    NULL, 0, session->notice_date, !session->is_public, session->notes,
  };

  for (guint i = 0; i < session->participants->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (session->participants, i);
      AccordParticipantInput pi = { p->person_id, p->petitioner_id, p->role };
      g_array_append_val (participants, pi);
    }
  in.participants = (const AccordParticipantInput *) participants->data;
  in.n_participants = participants->len;
  return in;
}

static gboolean
move_action (AccordStore  *store,
             gpointer      data,
             GError      **error)
{
  Booking *b = data;
  g_auto(Check) check = { 0 };

  if (!accord_scheduler_check_prepare (&check, b->self, b->proposal, b->session_id, error) || !accord_scheduler_check_run (&check, error))
    return FALSE;
  b->conflicts = g_ptr_array_ref (check.conflicts);
  if (!allowed (check.conflicts, b->reason, error))
    return FALSE;

  return accord_store_move_session (store, b->session_id, b->expected_version, b->proposal->starts_at,
                                    b->proposal->ends_at,
                                    accord_conflicts_have_hard (check.conflicts) ? b->reason : NULL, error) &&
         audit_session (store, "session.move", b->session_id, check.context->number, check.conflicts,
                        accord_conflicts_have_hard (check.conflicts) ? b->reason : NULL, error);
}

/**
 * accord_scheduler_move:
 * @expected_version: the version the coordinator saw; 0 for the current one
 *
 * Moves a session to a new time with the same checks as booking.
 */
AccordSession *
accord_scheduler_move (AccordScheduler  *self,
                       gint64            session_id,
                       gint64            expected_version,
                       gint64            starts_at,
                       gint64            ends_at,
                       const char       *override_reason,
                       GPtrArray       **conflicts,
                       GError          **error)
{
  g_autoptr(AccordSession) session = NULL;
  g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (AccordParticipantInput));
  AccordSessionInput proposal;
  Booking b = { self, &proposal, session_id, expected_version, override_reason };

  g_return_val_if_fail (ACCORD_IS_SCHEDULER (self), NULL);

  if (!validate_reason (override_reason, error) ||
      (session = accord_store_get_session (accord_scheduler_get_store (self), session_id, error)) == NULL)
    return NULL;
  if (g_str_equal (session->status, "cancelled") || g_str_equal (session->status, "held"))
    {
      accord_scheduler_invalid (error, _("Only a planned session can be moved"));
      return NULL;
    }

  proposal = input_from_session (session, participants);
  proposal.starts_at = starts_at;
  proposal.ends_at = ends_at;
  if (b.expected_version == 0)
    b.expected_version = session->version;

  return run_booking (self, move_action, &b, session_id, conflicts, error);
}

static gboolean
update_action (AccordStore  *store,
               gpointer      data,
               GError      **error)
{
  Booking *b = data;
  g_auto(Check) check = { 0 };
  const char *reason;

  if (!accord_scheduler_check_prepare (&check, b->self, b->proposal, b->session_id, error) || !accord_scheduler_check_run (&check, error))
    return FALSE;
  b->conflicts = g_ptr_array_ref (check.conflicts);
  if (!allowed (check.conflicts, b->reason, error))
    return FALSE;

  reason = accord_conflicts_have_hard (check.conflicts) ? b->reason : NULL;
  return accord_store_update_session (store, b->session_id, b->expected_version, &check.input, reason, error) &&
         audit_session (store, "session.update", b->session_id, check.context->number, check.conflicts,
                        reason, error);
}

/**
 * accord_scheduler_update:
 * @proposal: the session as it should be; its case must be the session's
 * @expected_version: the version the coordinator saw
 *
 * Changes a planned session (its time, kind, venue, notice, notes and
 * participants) with the same checks as booking.
 */
AccordSession *
accord_scheduler_update (AccordScheduler          *self,
                         gint64                    session_id,
                         gint64                    expected_version,
                         const AccordSessionInput *proposal,
                         const char               *override_reason,
                         GPtrArray               **conflicts,
                         GError                  **error)
{
  g_autoptr(AccordSession) session = NULL;
  Booking b = { self, proposal, session_id, expected_version, override_reason };

  g_return_val_if_fail (ACCORD_IS_SCHEDULER (self), NULL);
  g_return_val_if_fail (proposal != NULL, NULL);

  if (!validate_reason (override_reason, error) ||
      (session = accord_store_get_session (accord_scheduler_get_store (self), session_id, error)) == NULL)
    return NULL;
  if (g_str_equal (session->status, "cancelled") || g_str_equal (session->status, "held"))
    {
      accord_scheduler_invalid (error, _("Only a planned session can be changed"));
      return NULL;
    }
  if (g_strcmp0 (proposal->case_number, session->case_number) != 0)
    {
      accord_scheduler_invalid (error, _("A session stays with its case; book a new session for another case"));
      return NULL;
    }

  return run_booking (self, update_action, &b, session_id, conflicts, error);
}

static gboolean
restore_action (AccordStore  *store,
                gpointer      data,
                GError      **error)
{
  Booking *b = data;
  g_auto(Check) check = { 0 };

  /* The time may have been given to someone else since the cancellation. */
  if (!accord_scheduler_check_prepare (&check, b->self, b->proposal, b->session_id, error) || !accord_scheduler_check_run (&check, error))
    return FALSE;
  b->conflicts = g_ptr_array_ref (check.conflicts);
  if (!allowed (check.conflicts, NULL, error))
    return FALSE;

  return accord_store_restore_session (store, b->session_id, b->expected_version, b->reason, error) &&
         audit_session (store, "session.restore", b->session_id, check.context->number, check.conflicts,
                        NULL, error);
}

/**
 * accord_scheduler_restore:
 * @status: what the session was before it was cancelled, "planned" or
 *   "notified"
 *
 * Undoes a cancellation, if the session still fits the schedule.
 */
gboolean
accord_scheduler_restore (AccordScheduler  *self,
                          gint64            session_id,
                          gint64            expected_version,
                          const char       *status,
                          GError          **error)
{
  g_autoptr(AccordSession) session = NULL;
  g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (AccordParticipantInput));
  AccordSessionInput proposal;
  Booking b = { self, &proposal, session_id, expected_version, status };
  gboolean ok;

  g_return_val_if_fail (ACCORD_IS_SCHEDULER (self), FALSE);
  g_return_val_if_fail (g_strcmp0 (status, "planned") == 0 || g_strcmp0 (status, "notified") == 0, FALSE);

  if ((session = accord_store_get_session (accord_scheduler_get_store (self), session_id, error)) == NULL)
    return FALSE;
  if (!g_str_equal (session->status, "cancelled"))
    return accord_scheduler_invalid (error, _("Only a cancelled session can be restored"));

  proposal = input_from_session (session, participants);
  if (b.expected_version == 0)
    b.expected_version = session->version;
  ok = accord_store_run (accord_scheduler_get_store (self), restore_action, &b, error);
  g_clear_pointer (&b.conflicts, g_ptr_array_unref);
  return ok;
}

static gboolean
cancel_action (AccordStore  *store,
               gpointer      data,
               GError      **error)
{
  Booking *b = data;

  return accord_store_cancel_session (store, b->session_id, b->expected_version, error) &&
         audit_session (store, "session.cancel", b->session_id, b->proposal->case_number, NULL, b->reason, error);
}

gboolean
accord_scheduler_cancel (AccordScheduler  *self,
                         gint64            session_id,
                         gint64            expected_version,
                         const char       *reason,
                         GError          **error)
{
  g_autoptr(AccordSession) session = NULL;
  AccordSessionInput proposal = { 0 };
  Booking b = { self, &proposal, session_id, expected_version, reason };

  g_return_val_if_fail (ACCORD_IS_SCHEDULER (self), FALSE);

  if (!validate_reason (reason, error) ||
      (session = accord_store_get_session (accord_scheduler_get_store (self), session_id, error)) == NULL)
    return FALSE;
  if (!g_str_equal (session->status, "planned") && !g_str_equal (session->status, "notified"))
    return accord_scheduler_invalid (error, _("Only a planned session can be cancelled"));

  proposal.case_number = session->case_number;
  if (b.expected_version == 0)
    b.expected_version = session->version;
  return accord_store_run (accord_scheduler_get_store (self), cancel_action, &b, error);
}

/**
 * accord_scheduler_broken:
 *
 * After an absence, a closed venue or a move: the planned sessions in
 * [@from, @to) (of @person_id or in @venue_id when positive) that now
 * break a hard rule.
 *
 * Returns: (transfer full): AccordBroken values in order of time.
 */
GPtrArray *
accord_scheduler_broken (AccordScheduler  *self,
                         gint64            from,
                         gint64            to,
                         gint64            person_id,
                         gint64            venue_id,
                         GError          **error)
{
  g_autoptr(GPtrArray) broken = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_broken_free);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ACCORD_IS_SCHEDULER (self), NULL);

  if ((ids = accord_store_active_session_ids (accord_scheduler_get_store (self), from, to, person_id, venue_id, error)) == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(AccordSession) session = accord_store_get_session (accord_scheduler_get_store (self), id, error);
      g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (AccordParticipantInput));
      g_autoptr(GPtrArray) conflicts = NULL;
      AccordSessionInput proposal;
      AccordBroken *b;

      if (session == NULL)
        return NULL;
      proposal = input_from_session (session, participants);
      if ((conflicts = accord_scheduler_check (self, &proposal, id, error)) == NULL)
        return NULL;
      if (!accord_conflicts_have_hard (conflicts))
        continue;

      b = g_new0 (AccordBroken, 1);
      b->session = g_steal_pointer (&session);
      b->conflicts = g_steal_pointer (&conflicts);
      g_ptr_array_add (broken, b);
    }
  return g_steal_pointer (&broken);
}

