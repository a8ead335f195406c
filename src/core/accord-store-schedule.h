/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-session.h"
#include "accord-store.h"

G_BEGIN_DECLS

/* What the scheduler asks of the store.  Internal to core: the scheduler
 * holds the rules, the store the SQL. */

typedef struct
{
  gint64  session_id;
  char   *case_number;
  char   *role;
  gint64  starts_at;
  gint64  ends_at;
  char   *venue_name;
} AccordBooking;

typedef struct
{
  gint64  starts_at;
  gint64  ends_at;
  char   *reason;
} AccordAbsence;

typedef struct
{
  gint64 person_id;
  gint64 load;
} AccordPersonLoad;

/* A time in which a person or venue is taken: a booking, or an absence. */
typedef struct
{
  gint64   starts_at;
  gint64   ends_at;
  gboolean absence;
} AccordBusySpan;

typedef struct
{
  gint64  id;
  char   *number;
  char   *leader;
  char   *investigator;
  gboolean collective;
  GArray *petitioner_ids;   /* gint64 */
} AccordCaseContext;

void               accord_booking_free              (AccordBooking      *self);
void               accord_absence_free              (AccordAbsence      *self);
void               accord_case_context_free         (AccordCaseContext  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordCaseContext, accord_case_context_free)

AccordCaseContext *accord_store_case_context        (AccordStore        *self,
                                                     const char         *number,
                                                     GError            **error);
GPtrArray         *accord_store_person_bookings     (AccordStore        *self,
                                                     gint64              person_id,
                                                     gint64              from,
                                                     gint64              to,
                                                     gint64              ignore_session,
                                                     GError            **error);
GPtrArray         *accord_store_petitioner_bookings (AccordStore        *self,
                                                     gint64              petitioner_id,
                                                     gint64              from,
                                                     gint64              to,
                                                     gint64              ignore_session,
                                                     GError            **error);
GPtrArray         *accord_store_venue_bookings      (AccordStore        *self,
                                                     gint64              venue_id,
                                                     gint64              from,
                                                     gint64              to,
                                                     gint64              ignore_session,
                                                     GError            **error);
gint64             accord_store_person_load         (AccordStore        *self,
                                                     gint64              person_id,
                                                     gint64              from,
                                                     gint64              to,
                                                     gint64              ignore_session);
GArray            *accord_store_weekly_availability (AccordStore        *self,
                                                     gint64              person_id,
                                                     GError            **error);
GPtrArray         *accord_store_absences            (AccordStore        *self,
                                                     gint64              person_id,
                                                     gint64              from,
                                                     gint64              to,
                                                     GError            **error);
GHashTable        *accord_store_interested_persons  (AccordStore        *self,
                                                     const AccordCaseContext *context,
                                                     GError            **error);
GArray            *accord_store_person_busy         (AccordStore        *self,
                                                     gint64              person_id,
                                                     gint64              from,
                                                     gint64              to,
                                                     GError            **error);
GArray            *accord_store_venue_busy          (AccordStore        *self,
                                                     gint64              venue_id,
                                                     gint64              from,
                                                     gint64              to,
                                                     GError            **error);
GArray            *accord_store_role_loads          (AccordStore        *self,
                                                     const char         *role,
                                                     gint64              since,
                                                     gint64              until,
                                                     GError            **error);
gboolean           accord_store_begin_read          (AccordStore        *self,
                                                     gboolean           *began,
                                                     GError            **error);
void               accord_store_end_read            (AccordStore        *self,
                                                     gboolean            began);
void               accord_store_change_stamp        (AccordStore        *self,
                                                     gint64              stamp[2]);
gboolean           accord_store_insert_session      (AccordStore        *self,
                                                     const AccordSessionInput *input,
                                                     const AccordCaseContext  *context,
                                                     const char         *override_reason,
                                                     gint64             *id,
                                                     GError            **error);
gboolean           accord_store_move_session        (AccordStore        *self,
                                                     gint64              id,
                                                     gint64              expected_version,
                                                     gint64              starts_at,
                                                     gint64              ends_at,
                                                     const char         *override_reason,
                                                     GError            **error);
gboolean           accord_store_update_session      (AccordStore        *self,
                                                     gint64              id,
                                                     gint64              expected_version,
                                                     const AccordSessionInput *input,
                                                     const char         *override_reason,
                                                     GError            **error);
gboolean           accord_store_restore_session     (AccordStore        *self,
                                                     gint64              id,
                                                     gint64              expected_version,
                                                     const char         *status,
                                                     GError            **error);
gboolean           accord_store_cancel_session      (AccordStore        *self,
                                                     gint64              id,
                                                     gint64              expected_version,
                                                     GError            **error);
GArray            *accord_store_active_session_ids  (AccordStore        *self,
                                                     gint64              from,
                                                     gint64              to,
                                                     gint64              person_id,
                                                     gint64              venue_id,
                                                     GError            **error);

G_END_DECLS
