/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-store-session"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-store-private.h"
#include "accord-store-schedule.h"
#include "accord-validate.h"

/* Sessions, their participants and the availability of people: the
 * queries behind the scheduler. */

void
accord_booking_free (AccordBooking *self)
{
  if (self == NULL)
    return;
  g_free (self->case_number);
  g_free (self->role);
  g_free (self->venue_name);
  g_free (self);
}

void
accord_absence_free (AccordAbsence *self)
{
  if (self == NULL)
    return;
  g_free (self->reason);
  g_free (self);
}

void
accord_case_context_free (AccordCaseContext *self)
{
  if (self == NULL)
    return;
  g_free (self->number);
  g_free (self->leader);
  g_free (self->investigator);
  g_clear_pointer (&self->petitioner_ids, g_array_unref);
  g_free (self);
}

static gboolean
finish_rows (AccordStore   *self,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

AccordCaseContext *
accord_store_case_context (AccordStore  *self,
                           const char   *number,
                           GError      **error)
{
  g_autoptr(AccordCaseContext) context = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (self,
                               "SELECT c.id, c.number, c.leader, c.investigator, c.collective, cp.petitioner_id "
                               "FROM \"case\" c LEFT JOIN case_petitioner cp ON cp.case_id = c.id "
                               "WHERE c.number = ? ORDER BY cp.position", error);
  if (stmt == NULL)
    return NULL;

  accord_bind_text (stmt, 1, number);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 petitioner_id = sqlite3_column_int64 (stmt, 5);

      if (context == NULL)
        {
          context = g_new0 (AccordCaseContext, 1);
          context->id = sqlite3_column_int64 (stmt, 0);
          context->number = accord_column_text (stmt, 1);
          context->leader = accord_column_text (stmt, 2);
          context->investigator = accord_column_text (stmt, 3);
          context->collective = sqlite3_column_int (stmt, 4);
          context->petitioner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
      if (petitioner_id > 0)
        g_array_append_val (context->petitioner_ids, petitioner_id);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  if (context == NULL)
    not_found (error, _("There is no case with this number"));
  return g_steal_pointer (&context);
}

static GPtrArray *
read_bookings (AccordStore   *self,
               sqlite3_stmt  *stmt,
               gint64         key,
               gint64         from,
               gint64         to,
               gint64         ignore_session,
               GError       **error)
{
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_booking_free);
  int rc;

  /* A session lasts at most a day, so only starts in the day before
   * the window can reach into it: the index range stays short. */
  sqlite3_bind_int64 (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, from - 86400);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_int64 (stmt, 4, from);
  sqlite3_bind_int64 (stmt, 5, ignore_session);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordBooking *b = g_new0 (AccordBooking, 1);

      b->session_id = sqlite3_column_int64 (stmt, 0);
      b->case_number = accord_column_text (stmt, 1);
      b->role = accord_column_text (stmt, 2);
      b->starts_at = sqlite3_column_int64 (stmt, 3);
      b->ends_at = sqlite3_column_int64 (stmt, 4);
      b->venue_name = accord_column_text (stmt, 5);
      g_ptr_array_add (bookings, b);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&bookings);
}

#define BOOKING_COLUMNS \
  "SELECT s.id, c.number, sp.role, s.starts_at, s.ends_at, v.name FROM session_participant sp " \
  "JOIN session s ON s.id = sp.session_id JOIN \"case\" c ON c.id = s.case_id " \
  "LEFT JOIN venue v ON v.id = s.venue_id "

GPtrArray *
accord_store_person_bookings (AccordStore  *self,
                              gint64        person_id,
                              gint64        from,
                              gint64        to,
                              gint64        ignore_session,
                              GError      **error)
{
  sqlite3_stmt *stmt = accord_store_prepare (self,
                                             BOOKING_COLUMNS
                                             "WHERE sp.person_id = ?1 AND sp.starts_at > ?2 AND sp.starts_at < ?3 "
                                             "AND sp.ends_at > ?4 AND sp.active AND sp.session_id <> ?5 "
                                             "ORDER BY sp.starts_at", error);

  return stmt ? read_bookings (self, stmt, person_id, from, to, ignore_session, error) : NULL;
}

GPtrArray *
accord_store_petitioner_bookings (AccordStore  *self,
                                  gint64        petitioner_id,
                                  gint64        from,
                                  gint64        to,
                                  gint64        ignore_session,
                                  GError      **error)
{
  sqlite3_stmt *stmt = accord_store_prepare (self,
                                             BOOKING_COLUMNS
                                             "WHERE sp.petitioner_id = ?1 AND sp.starts_at > ?2 AND sp.starts_at < ?3 "
                                             "AND sp.ends_at > ?4 AND sp.active AND sp.session_id <> ?5 "
                                             "ORDER BY sp.starts_at", error);

  return stmt ? read_bookings (self, stmt, petitioner_id, from, to, ignore_session, error) : NULL;
}

GPtrArray *
accord_store_venue_bookings (AccordStore  *self,
                             gint64        venue_id,
                             gint64        from,
                             gint64        to,
                             gint64        ignore_session,
                             GError      **error)
{
  sqlite3_stmt *stmt = accord_store_prepare (self,
                                             "SELECT s.id, c.number, s.kind, s.starts_at, s.ends_at, v.name "
                                             "FROM session s JOIN \"case\" c ON c.id = s.case_id "
                                             "JOIN venue v ON v.id = s.venue_id "
                                             "WHERE s.venue_id = ?1 AND s.starts_at > ?2 AND s.starts_at < ?3 "
                                             "AND s.ends_at > ?4 AND s.status <> 'cancelled' AND s.id <> ?5 "
                                             "ORDER BY s.starts_at", error);

  return stmt ? read_bookings (self, stmt, venue_id, from, to, ignore_session, error) : NULL;
}

gint64
accord_store_person_load (AccordStore *self,
                          gint64       person_id,
                          gint64       from,
                          gint64       to,
                          gint64       ignore_session)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  /* Without a session to leave out, the count reads the index alone. */
  if (ignore_session > 0)
    stmt = accord_store_prepare (self,
                                 "SELECT count(*) FROM session_participant WHERE person_id = ?1 "
                                 "AND starts_at >= ?2 AND starts_at < ?3 AND active AND session_id <> ?4", NULL);
  else
    stmt = accord_store_prepare (self,
                                 "SELECT count(*) FROM session_participant WHERE person_id = ?1 "
                                 "AND starts_at >= ?2 AND starts_at < ?3 AND active", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  if (ignore_session > 0)
    sqlite3_bind_int64 (stmt, 4, ignore_session);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

GArray *
accord_store_weekly_availability (AccordStore  *self,
                                  gint64        person_id,
                                  GError      **error)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (AccordWeeklySlot));
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (self,
                               "SELECT weekday, start_minute, end_minute FROM availability "
                               "WHERE person_id = ? AND kind = 'weekly' ORDER BY weekday, start_minute", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordWeeklySlot slot = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                                sqlite3_column_int (stmt, 2) };
      g_array_append_val (slots, slot);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&slots);
}

GPtrArray *
accord_store_absences (AccordStore  *self,
                       gint64        person_id,
                       gint64        from,
                       gint64        to,
                       GError      **error)
{
  g_autoptr(GPtrArray) absences = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_absence_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (self,
                               "SELECT starts_at, ends_at, reason FROM availability WHERE person_id = ? "
                               "AND kind = 'absence' AND starts_at < ? AND ends_at > ? ORDER BY starts_at", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, from);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordAbsence *a = g_new0 (AccordAbsence, 1);

      a->starts_at = sqlite3_column_int64 (stmt, 0);
      a->ends_at = sqlite3_column_int64 (stmt, 1);
      a->reason = accord_column_text (stmt, 2);
      g_ptr_array_add (absences, a);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&absences);
}

static GHashTable *
id_set (AccordStore   *self,
        sqlite3_stmt  *stmt,
        GError       **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (set, id);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&set);
}

/* People who declared an interest in the case or in one of its petitioners. */
GHashTable *
accord_store_interested_persons (AccordStore              *self,
                                 const AccordCaseContext  *context,
                                 GError                  **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "SELECT person_id FROM interest WHERE case_id = ?1 UNION "
                               "SELECT i.person_id FROM interest i JOIN case_petitioner cp "
                               "ON cp.petitioner_id = i.petitioner_id WHERE cp.case_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, context->id);
  return id_set (self, stmt, error);
}

static GArray *
read_spans (AccordStore   *self,
            sqlite3_stmt  *stmt,
            gint64         key,
            gint64         from,
            gint64         to,
            GError       **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (AccordBusySpan));
  int rc;

  sqlite3_bind_int64 (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordBusySpan span = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                              sqlite3_column_int (stmt, 2) };
      g_array_append_val (spans, span);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&spans);
}

/**
 * accord_store_person_busy:
 *
 * What may keep a person from [@from, @to): the sessions they take part
 * in that start in the day before @to and end after @from, cancelled ones
 * left out, and their absences overlapping the window.  The slot finder
 * reads a person's week once and tries every slot of it in memory, instead
 * of reading the whole register's bookings for each slot.
 *
 * Returns: (transfer full): AccordBusySpan values.
 */
GArray *
accord_store_person_busy (AccordStore  *self,
                          gint64        person_id,
                          gint64        from,
                          gint64        to,
                          GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "SELECT starts_at, ends_at, 0 FROM session_participant "
                               "WHERE person_id = ?1 AND starts_at > ?2 - 86400 AND starts_at < ?3 "
                               "AND ends_at > ?2 AND active "
                               "UNION ALL SELECT starts_at, ends_at, 1 FROM availability "
                               "WHERE person_id = ?1 AND kind = 'absence' AND starts_at < ?3 AND ends_at > ?2", error);

  return stmt ? read_spans (self, stmt, person_id, from, to, error) : NULL;
}

/**
 * accord_store_venue_busy:
 *
 * The sessions in @venue_id that start in the day before @to and end
 * after @from, cancelled ones left out.
 *
 * Returns: (transfer full): AccordBusySpan values.
 */
GArray *
accord_store_venue_busy (AccordStore  *self,
                         gint64        venue_id,
                         gint64        from,
                         gint64        to,
                         GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "SELECT starts_at, ends_at, 0 FROM session "
                               "WHERE venue_id = ?1 AND starts_at > ?2 - 86400 AND starts_at < ?3 "
                               "AND ends_at > ?2 AND status <> 'cancelled'", error);

  return stmt ? read_spans (self, stmt, venue_id, from, to, error) : NULL;
}

/**
 * accord_store_role_loads:
 *
 * Returns: (transfer full): an AccordPersonLoad for each active person with
 * @role: how many sessions they take part in that start in [@since, @until).
 */
GArray *
accord_store_role_loads (AccordStore  *self,
                         const char   *role,
                         gint64        since,
                         gint64        until,
                         GError      **error)
{
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (AccordPersonLoad));
  sqlite3_stmt *stmt;
  int rc;

  /* One statement for the whole role: the counts read the covering
   * (person_id, starts_at, active) index. */
  stmt = accord_store_prepare (self,
                               "SELECT r.person_id, (SELECT count(*) FROM session_participant sp "
                               "  WHERE sp.person_id = r.person_id AND sp.starts_at >= ?2 AND sp.starts_at < ?3 "
                               "  AND sp.active) "
                               "FROM person_role r JOIN person p ON p.id = r.person_id "
                               "WHERE r.role = ?1 AND p.active ORDER BY r.person_id", error);
  if (stmt == NULL)
    return NULL;
  accord_bind_text (stmt, 1, role);
  sqlite3_bind_int64 (stmt, 2, since);
  sqlite3_bind_int64 (stmt, 3, until);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordPersonLoad load = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (loads, load);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&loads);
}

/**
 * accord_store_begin_read:
 * @began: (out): whether a transaction was begun, for
 *   accord_store_end_read()
 *
 * Reads what follows from one snapshot of the database, unless a
 * transaction is already open: a check reads some thirty statements, and
 * each would otherwise take and give back the file's lock on its own.
 */
gboolean
accord_store_begin_read (AccordStore  *self,
                         gboolean     *began,
                         GError      **error)
{
  *began = FALSE;
  if (!sqlite3_get_autocommit (accord_store_get_db (self)))
    return TRUE;
  if (!accord_store_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  *began = TRUE;
  return TRUE;
}

void
accord_store_end_read (AccordStore *self,
                       gboolean     began)
{
  if (began && !sqlite3_get_autocommit (accord_store_get_db (self)))
    sqlite3_exec (accord_store_get_db (self), "COMMIT", NULL, NULL, NULL);
}

/**
 * accord_store_change_stamp:
 * @stamp: (out caller-allocates): two numbers that both stay the same as
 *   long as no one writes to the database
 *
 * The writes of this connection and the commits of every other one, for
 * results read earlier to be kept until either changes.
 */
void
accord_store_change_stamp (AccordStore *self,
                           gint64       stamp[2])
{
  sqlite3_stmt *stmt = accord_store_prepare (self, "PRAGMA data_version", NULL);

  stamp[0] = sqlite3_total_changes64 (accord_store_get_db (self));
  stamp[1] = -1;   /* unknown: nothing read earlier is kept */
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    stamp[1] = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

/* Writing sessions: called inside the scheduler's transaction -------- */

static gboolean
insert_participant (AccordStore                  *self,
                    gint64                        session_id,
                    const AccordSessionInput     *input,
                    const AccordParticipantInput *p,
                    GError                      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "INSERT INTO session_participant (session_id, person_id, petitioner_id, role, "
                               "starts_at, ends_at) VALUES (?, nullif (?, 0), nullif (?, 0), ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, p->person_id);
  sqlite3_bind_int64 (stmt, 3, p->petitioner_id);
  accord_bind_text (stmt, 4, p->role);
  sqlite3_bind_int64 (stmt, 5, input->starts_at);
  sqlite3_bind_int64 (stmt, 6, input->ends_at);
  return accord_store_step_done (self, stmt, error);
}

gboolean
accord_store_insert_session (AccordStore               *self,
                             const AccordSessionInput  *input,
                             const AccordCaseContext   *context,
                             const char                *override_reason,
                             gint64                    *id,
                             GError                   **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "INSERT INTO session (case_id, kind, starts_at, ends_at, venue_id, public, "
                               "notice_date, override_reason, notes, created_at) "
                               "VALUES (?, ?, ?, ?, nullif (?, 0), ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, context->id);
  accord_bind_text (stmt, 2, input->kind);
  sqlite3_bind_int64 (stmt, 3, input->starts_at);
  sqlite3_bind_int64 (stmt, 4, input->ends_at);
  sqlite3_bind_int64 (stmt, 5, input->venue_id);
  sqlite3_bind_int (stmt, 6, !input->is_private);
  accord_bind_text (stmt, 7, input->notice_date);
  accord_bind_text (stmt, 8, override_reason);
  accord_bind_text (stmt, 9, input->notes);
  sqlite3_bind_int64 (stmt, 10, accord_store_now ());
  if (!accord_store_step_done (self, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (accord_store_get_db (self));
  for (guint i = 0; i < input->n_participants; i++)
    if (!insert_participant (self, *id, input, &input->participants[i], error))
      return FALSE;

  return TRUE;
}

gboolean
accord_store_move_session (AccordStore  *self,
                           gint64        id,
                           gint64        expected_version,
                           gint64        starts_at,
                           gint64        ends_at,
                           const char   *override_reason,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "UPDATE session SET starts_at = ?, ends_at = ?, override_reason = ?, "
                               "version = version + 1 WHERE id = ? AND version = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, starts_at);
  sqlite3_bind_int64 (stmt, 2, ends_at);
  accord_bind_text (stmt, 3, override_reason);
  sqlite3_bind_int64 (stmt, 4, id);
  sqlite3_bind_int64 (stmt, 5, expected_version);
  if (!accord_store_check_version (self, stmt, "session", id, error))
    return FALSE;

  stmt = accord_store_prepare (self,
                               "UPDATE session_participant SET starts_at = ?, ends_at = ? WHERE session_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, starts_at);
  sqlite3_bind_int64 (stmt, 2, ends_at);
  sqlite3_bind_int64 (stmt, 3, id);
  return accord_store_step_done (self, stmt, error);
}

/* Everything of a planned session but its case: the times, kind, venue,
 * notice, notes and who takes part (the participants are replaced). */
gboolean
accord_store_update_session (AccordStore               *self,
                             gint64                     id,
                             gint64                     expected_version,
                             const AccordSessionInput  *input,
                             const char                *override_reason,
                             GError                   **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "UPDATE session SET kind = ?, starts_at = ?, ends_at = ?, venue_id = nullif (?, 0), "
                               "public = ?, notice_date = ?, notes = ?, override_reason = ?, version = version + 1 "
                               "WHERE id = ? AND version = ?", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, input->kind);
  sqlite3_bind_int64 (stmt, 2, input->starts_at);
  sqlite3_bind_int64 (stmt, 3, input->ends_at);
  sqlite3_bind_int64 (stmt, 4, input->venue_id);
  sqlite3_bind_int (stmt, 5, !input->is_private);
  accord_bind_text (stmt, 6, input->notice_date);
  accord_bind_text (stmt, 7, input->notes);
  accord_bind_text (stmt, 8, override_reason);
  sqlite3_bind_int64 (stmt, 9, id);
  sqlite3_bind_int64 (stmt, 10, expected_version);
  if (!accord_store_check_version (self, stmt, "session", id, error))
    return FALSE;

  stmt = accord_store_prepare (self, "DELETE FROM session_participant WHERE session_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!accord_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < input->n_participants; i++)
    if (!insert_participant (self, id, input, &input->participants[i], error))
      return FALSE;

  return TRUE;
}

gboolean
accord_store_cancel_session (AccordStore  *self,
                             gint64        id,
                             gint64        expected_version,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "UPDATE session SET status = 'cancelled', version = version + 1 "
                               "WHERE id = ? AND version = ? AND status <> 'cancelled'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, expected_version);
  if (!accord_store_check_version (self, stmt, "session", id, error))
    return FALSE;

  stmt = accord_store_prepare (self, "UPDATE session_participant SET active = 0 WHERE session_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return accord_store_step_done (self, stmt, error);
}

/* Undoes accord_store_cancel_session(): the session is @status again and
 * its participants take part again. */
gboolean
accord_store_restore_session (AccordStore  *self,
                              gint64        id,
                              gint64        expected_version,
                              const char   *status,
                              GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "UPDATE session SET status = ?, version = version + 1 "
                               "WHERE id = ? AND version = ? AND status = 'cancelled'", error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, status);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, expected_version);
  if (!accord_store_check_version (self, stmt, "session", id, error))
    return FALSE;

  stmt = accord_store_prepare (self, "UPDATE session_participant SET active = 1 WHERE session_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return accord_store_step_done (self, stmt, error);
}

/* Sessions still to take place in [from, to), optionally of one person or
 * one venue: the ones a change may have broken. */
GArray *
accord_store_active_session_ids (AccordStore  *self,
                                 gint64        from,
                                 gint64        to,
                                 gint64        person_id,
                                 gint64        venue_id,
                                 GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (self,
                               "SELECT s.id FROM session s WHERE s.starts_at < ?2 AND s.ends_at > ?1 "
                               "AND s.status IN ('planned', 'notified') "
                               "AND (?3 = 0 OR s.id IN (SELECT session_id FROM session_participant "
                               "  WHERE person_id = ?3 AND starts_at < ?2 AND ends_at > ?1)) "
                               "AND (?4 = 0 OR s.venue_id = ?4) ORDER BY s.starts_at, s.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, person_id);
  sqlite3_bind_int64 (stmt, 4, venue_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&ids);
}

/* Reading sessions --------------------------------------------------- */

#define SELECT_SESSION \
  "SELECT s.id, s.case_id, c.number, s.kind, s.starts_at, s.ends_at, coalesce (s.venue_id, 0), v.name, " \
  "s.status, s.public, s.notice_date, s.override_reason, s.notes, s.version " \
  "FROM session s JOIN \"case\" c ON c.id = s.case_id LEFT JOIN venue v ON v.id = s.venue_id "

static AccordSession *
read_session (sqlite3_stmt *stmt)
{
  AccordSession *s = g_new0 (AccordSession, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->case_id = sqlite3_column_int64 (stmt, 1);
  s->case_number = accord_column_text (stmt, 2);
  s->kind = accord_column_text (stmt, 3);
  s->starts_at = sqlite3_column_int64 (stmt, 4);
  s->ends_at = sqlite3_column_int64 (stmt, 5);
  s->venue_id = sqlite3_column_int64 (stmt, 6);
  s->venue_name = accord_column_text (stmt, 7);
  s->status = accord_column_text (stmt, 8);
  s->is_public = sqlite3_column_int (stmt, 9);
  s->notice_date = accord_column_text (stmt, 10);
  s->override_reason = accord_column_text (stmt, 11);
  s->notes = accord_column_text (stmt, 12);
  s->version = sqlite3_column_int64 (stmt, 13);
  s->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_participant_free);
  return s;
}

static gboolean
load_participants (AccordStore    *self,
                   AccordSession  *session,
                   GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (self,
                               "SELECT sp.id, coalesce (sp.person_id, 0), coalesce (sp.petitioner_id, 0), "
                               "coalesce (p.name, t.name), sp.role, sp.attendance, sp.vote, sp.vote_comment FROM session_participant sp "
                               "LEFT JOIN person p ON p.id = sp.person_id "
                               "LEFT JOIN petitioner t ON t.id = sp.petitioner_id "
                               "WHERE sp.session_id = ? ORDER BY sp.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordParticipant *p = g_new0 (AccordParticipant, 1);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->person_id = sqlite3_column_int64 (stmt, 1);
      p->petitioner_id = sqlite3_column_int64 (stmt, 2);
      p->name = accord_column_text (stmt, 3);
      p->role = accord_column_text (stmt, 4);
      p->attendance = accord_column_text (stmt, 5);
      p->vote = accord_column_text (stmt, 6);
      p->vote_comment = accord_column_text (stmt, 7);
      g_ptr_array_add (session->participants, p);
    }
  return finish_rows (self, stmt, rc, error);
}

AccordSession *
accord_store_get_session (AccordStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(AccordSession) session = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if ((stmt = accord_store_prepare (self, SELECT_SESSION "WHERE s.id = ?", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    session = read_session (stmt);
  sqlite3_reset (stmt);

  if (session == NULL)
    {
      not_found (error, _("There is no session with this id"));
      return NULL;
    }
  if (!load_participants (self, session, error))
    return NULL;
  return g_steal_pointer (&session);
}

static GPtrArray *
list_sessions (AccordStore  *self,
               gint64        from,
               gint64        to,
               gint64        person_id,
               gint64        venue_id,
               gboolean      with_participants,
               GError      **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_session_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (self,
                               SELECT_SESSION
                               "WHERE s.starts_at > ?1 - 86400 AND s.starts_at < ?2 AND s.ends_at > ?1 "
                               "AND (?3 = 0 OR s.id IN (SELECT session_id FROM session_participant "
                               "  WHERE person_id = ?3 AND starts_at < ?2 AND ends_at > ?1)) "
                               "AND (?4 = 0 OR s.venue_id = ?4) ORDER BY s.starts_at, s.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, person_id);
  sqlite3_bind_int64 (stmt, 4, venue_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sessions, read_session (stmt));
  if (!finish_rows (self, stmt, rc, error))
    return NULL;

  for (guint i = 0; with_participants && i < sessions->len; i++)
    if (!load_participants (self, g_ptr_array_index (sessions, i), error))
      return NULL;
  return g_steal_pointer (&sessions);
}

/**
 * accord_store_list_sessions:
 * @person_id: when positive, only sessions this person takes part in
 * @venue_id: when positive, only sessions in this venue
 *
 * Returns: (transfer full): the sessions overlapping [@from, @to) in
 * order of time, with their participants, cancelled ones included.
 */
GPtrArray *
accord_store_list_sessions (AccordStore  *self,
                            gint64        from,
                            gint64        to,
                            gint64        person_id,
                            gint64        venue_id,
                            GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  return list_sessions (self, from, to, person_id, venue_id, TRUE, error);
}

/**
 * accord_store_list_sessions_brief:
 *
 * As accord_store_list_sessions(), without reading who takes part: each
 * session's participants are empty.  A calendar draws a week of tens of
 * thousands of sessions from these, read in a fraction of the time;
 * accord_store_load_participants() reads them for a session that needs
 * them.
 *
 * Returns: (transfer full): the sessions overlapping [@from, @to)
 */
GPtrArray *
accord_store_list_sessions_brief (AccordStore  *self,
                                  gint64        from,
                                  gint64        to,
                                  gint64        person_id,
                                  gint64        venue_id,
                                  GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  return list_sessions (self, from, to, person_id, venue_id, FALSE, error);
}

/**
 * accord_store_load_participants:
 *
 * Reads again who takes part in @session, replacing its participants.
 */
gboolean
accord_store_load_participants (AccordStore    *self,
                                AccordSession  *session,
                                GError        **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL && session->participants != NULL, FALSE);

  g_ptr_array_set_size (session->participants, 0);
  return load_participants (self, session, error);
}

/**
 * accord_store_count_sessions:
 * @bounds: (array length=n_bounds): ascending instants; interval i is
 *   [@bounds[i], @bounds[i + 1])
 * @person_id: when positive, only sessions this person takes part in
 * @venue_id: when positive, only sessions in this venue
 *
 * Counts the sessions that start in each interval, cancelled ones left
 * out, without reading them: a month of a busy bureau is counted in a
 * few index lookups.
 *
 * Returns: (transfer full): @n_bounds - 1 counts (gint64)
 */
GArray *
accord_store_count_sessions (AccordStore   *self,
                             const gint64  *bounds,
                             guint          n_bounds,
                             gint64         person_id,
                             gint64         venue_id,
                             GError       **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (bounds != NULL || n_bounds == 0, NULL);

  stmt = accord_store_prepare (self,
                               "SELECT count(*) FROM session s "
                               "WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.status <> 'cancelled' "
                               "AND (?3 = 0 OR s.id IN (SELECT session_id FROM session_participant "
                               "  WHERE person_id = ?3 AND starts_at >= ?1 AND starts_at < ?2)) "
                               "AND (?4 = 0 OR s.venue_id = ?4)", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i + 1 < n_bounds; i++)
    {
      gint64 count;
      int rc;

      sqlite3_bind_int64 (stmt, 1, bounds[i]);
      sqlite3_bind_int64 (stmt, 2, bounds[i + 1]);
      sqlite3_bind_int64 (stmt, 3, person_id);
      sqlite3_bind_int64 (stmt, 4, venue_id);
      rc = sqlite3_step (stmt);
      count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          accord_store_sqlite_error (self, rc, error);
          return NULL;
        }
      g_array_append_val (counts, count);
    }
  return g_steal_pointer (&counts);
}
