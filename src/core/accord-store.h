/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "accord-calendar.h"
#include "accord-case.h"
#include "accord-records.h"
#include "accord-session.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_STORE (accord_store_get_type ())
G_DECLARE_FINAL_TYPE (AccordStore, accord_store, ACCORD, STORE, GObject)

#define ACCORD_STORE_ERROR (accord_store_error_quark ())

typedef enum
{
  ACCORD_STORE_ERROR_FAILED,
  ACCORD_STORE_ERROR_NOT_FOUND,
  ACCORD_STORE_ERROR_STALE,       /* changed by someone else */
  ACCORD_STORE_ERROR_DUPLICATE,
  ACCORD_STORE_ERROR_BUSY,
  ACCORD_STORE_ERROR_READ_ONLY,
  ACCORD_STORE_ERROR_FULL,
  ACCORD_STORE_ERROR_CORRUPT,
  ACCORD_STORE_ERROR_TOO_NEW,     /* schema newer than this build */
} AccordStoreError;

#define ACCORD_STORE_SCHEMA_VERSION 3
#define ACCORD_DEFAULT_CASE_NUMBER_PATTERN "XF-{year}-{seq:6}"

typedef struct
{
  const char *name;
  const char *id_number;
  const char *phone;
  const char *address;
} AccordPetitionerInput;

typedef struct
{
  const char                  *title;
  const char                  *summary;
  const char                  *category;
  const char                  *channel;
  const char                  *received_on;   /* NULL: today */
  gboolean                     flags[ACCORD_CASE_N_FLAGS];
  const AccordPetitionerInput *petitioners;
  guint                        n_petitioners;
} AccordCaseInput;

/* Orders of the case list; each is served by an index, so that a page
 * deep in a million cases is one index seek away (keyset paging). */
typedef enum
{
  ACCORD_CASE_ORDER_REGISTERED,     /* last registered first (by id) */
  ACCORD_CASE_ORDER_NEWEST,         /* latest received first */
  ACCORD_CASE_ORDER_OLDEST,         /* earliest received first */
  ACCORD_CASE_ORDER_NEXT_DUE,       /* soonest next deadline first, none last */
  ACCORD_CASE_N_ORDERS
} AccordCaseOrder;

typedef struct
{
  const char      *status;        /* NULL: any */
  const char      *category;      /* NULL: any */
  const char      *query;         /* NULL or "": no search */
  gboolean         overdue_only;  /* only cases whose next deadline has passed */
  AccordCaseOrder  order;
} AccordCaseFilter;

/* Something that happened to a case, for its timeline. */
typedef struct
{
  char   *date;          /* local YYYY-MM-DD */
  gint64  at;            /* the instant, 0 when only the date is known */
  char   *kind;          /* "step", "extension", "update", "session", "document", "reminder" */
  char   *code;          /* the step verb, session kind, document kind or reminder kind */
  char   *title;         /* translated */
  char   *detail;        /* translated, may be NULL; no personal data */
  gint64  session_id;    /* 0 unless about a session */
  gint64  document_id;   /* 0 unless about a document */
} AccordCaseEvent;

typedef struct
{
  const char         *name;
  const char * const *roles;   /* NULL-terminated, at least one */
  const char         *organisation;
  const char         *phone;
} AccordPersonInput;

/* The counts behind the assessment indicators (DOMAIN.md §2) for cases of
 * a period; see accord_store_indicators() for what each counts. */
typedef struct
{
  gint64 acceptance_due;
  gint64 acceptance_timely;
  gint64 completion_due;
  gint64 completion_on_time;
  gint64 completion_late;
  gint64 completion_unreplied;
  gint64 replied;
  gint64 rated;
  gint64 overdue_unrated;
  gint64 satisfied;
  gint64 basically_satisfied;
  gint64 dissatisfied;
  gint64 led;
  gint64 resolved;
} AccordIndicators;

typedef struct
{
  gboolean intact;
  gint64   n_entries;
  gint64   first_broken_id;   /* 0 when intact */
} AccordAuditReport;

GQuark        accord_store_error_quark        (void);

char         *accord_store_default_path       (void);
gboolean      accord_store_needs_upgrade      (const char          *path);
AccordStore  *accord_store_open               (const char              *path,
                                               GError                 **error);
const char   *accord_store_get_path           (AccordStore             *self);
gboolean      accord_store_set_lean           (AccordStore             *self,
                                               GError                 **error);
void          accord_store_set_actor          (AccordStore             *self,
                                               const char              *actor);
int           accord_store_get_schema_version (AccordStore             *self);

GTimeZone    *accord_store_get_time_zone      (AccordStore             *self);
char         *accord_store_format_local       (AccordStore             *self,
                                               gint64                   instant,
                                               const char              *format);
char         *accord_store_get_setting        (AccordStore             *self,
                                               const char              *key,
                                               const char              *fallback);
gboolean      accord_store_set_setting        (AccordStore             *self,
                                               const char              *key,
                                               const char              *value,
                                               GError                 **error);

AccordCase   *accord_store_add_case           (AccordStore             *self,
                                               const AccordCaseInput   *input,
                                               GError                 **error);
AccordCase   *accord_store_get_case           (AccordStore             *self,
                                               const char              *number,
                                               GError                 **error);
gboolean      accord_store_update_case        (AccordStore             *self,
                                               AccordCase              *edited,
                                               GError                 **error);
AccordCase   *accord_store_transition_case    (AccordStore             *self,
                                               const char              *number,
                                               gint64                   expected_version,
                                               const AccordCaseTransition *transition,
                                               GError                 **error);
gint64        accord_store_count_cases        (AccordStore             *self,
                                               const AccordCaseFilter  *filter,
                                               GError                 **error);
GPtrArray    *accord_store_list_cases         (AccordStore             *self,
                                               const AccordCaseFilter  *filter,
                                               gint64                   before_id,
                                               gint64                   offset,
                                               guint                    limit,
                                               GError                 **error);
GPtrArray    *accord_store_list_cases_after   (AccordStore             *self,
                                               const AccordCaseFilter  *filter,
                                               AccordCase              *after,
                                               guint                    limit,
                                               GError                 **error);
char         *accord_store_today              (AccordStore             *self);
int           accord_store_due_soon_days      (AccordStore             *self);
int           accord_store_max_extension      (AccordStore             *self,
                                               const char              *step);
GPtrArray    *accord_store_case_sessions      (AccordStore             *self,
                                               const char              *number,
                                               GError                 **error);
GPtrArray    *accord_store_case_timeline      (AccordStore             *self,
                                               const char              *number,
                                               GError                 **error);
void          accord_case_event_free          (AccordCaseEvent         *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordCaseEvent, accord_case_event_free)

GPtrArray    *accord_store_case_deadlines     (AccordStore             *self,
                                               const char              *number,
                                               GError                 **error);
gboolean      accord_store_extend_deadline    (AccordStore             *self,
                                               const char              *number,
                                               const char              *step,
                                               int                      days,
                                               const char              *approver,
                                               const char              *reason,
                                               GError                 **error);

AccordPerson *accord_store_add_person         (AccordStore             *self,
                                               const AccordPersonInput *input,
                                               GError                 **error);
GPtrArray    *accord_store_list_persons       (AccordStore             *self,
                                               const char              *role,
                                               GError                 **error);
AccordVenue  *accord_store_add_venue          (AccordStore             *self,
                                               const char              *name,
                                               int                      capacity,
                                               const char              *address,
                                               GError                 **error);
GPtrArray    *accord_store_list_venues        (AccordStore             *self,
                                               GError                 **error);

AccordPerson *accord_store_get_person         (AccordStore             *self,
                                               gint64                   id,
                                               GError                 **error);
AccordVenue  *accord_store_get_venue          (AccordStore             *self,
                                               gint64                   id,
                                               GError                 **error);
gboolean      accord_store_set_venue_active   (AccordStore             *self,
                                               gint64                   venue_id,
                                               gboolean                 active,
                                               GError                 **error);
gboolean      accord_store_add_absence        (AccordStore             *self,
                                               gint64                   person_id,
                                               gint64                   starts_at,
                                               gint64                   ends_at,
                                               const char              *reason,
                                               GError                 **error);
gboolean      accord_store_add_absences       (AccordStore             *self,
                                               gint64                   person_id,
                                               const gint64            *spans,
                                               guint                    n_spans,
                                               const char              *reason,
                                               GError                 **error);
gboolean      accord_store_set_weekly_availability (AccordStore        *self,
                                               gint64                   person_id,
                                               const AccordWeeklySlot  *slots,
                                               guint                    n_slots,
                                               GError                 **error);
gboolean      accord_store_add_interest       (AccordStore             *self,
                                               gint64                   person_id,
                                               const char              *case_number,
                                               gint64                   petitioner_id,
                                               const char              *note,
                                               GError                 **error);
GArray       *accord_store_get_weekly_availability (AccordStore        *self,
                                               gint64                   person_id,
                                               GError                 **error);
GPtrArray    *accord_store_list_absences      (AccordStore             *self,
                                               gint64                   person_id,
                                               gint64                   since,
                                               GError                 **error);
gboolean      accord_store_delete_absence     (AccordStore             *self,
                                               gint64                   absence_id,
                                               GError                 **error);
GPtrArray    *accord_store_list_interests     (AccordStore             *self,
                                               gint64                   person_id,
                                               GError                 **error);
gboolean      accord_store_delete_interest    (AccordStore             *self,
                                               gint64                   interest_id,
                                               GError                 **error);
gint64        accord_store_count_person_sessions (AccordStore          *self,
                                               gint64                   person_id,
                                               gint64                   from,
                                               gint64                   to,
                                               GError                 **error);
gboolean      accord_store_set_person_active  (AccordStore             *self,
                                               gint64                   person_id,
                                               gboolean                 active,
                                               GError                 **error);

AccordSession *accord_store_get_session       (AccordStore             *self,
                                               gint64                   id,
                                               GError                 **error);
GPtrArray    *accord_store_list_sessions      (AccordStore             *self,
                                               gint64                   from,
                                               gint64                   to,
                                               gint64                   person_id,
                                               gint64                   venue_id,
                                               GError                 **error);
GPtrArray    *accord_store_list_sessions_brief (AccordStore            *self,
                                               gint64                   from,
                                               gint64                   to,
                                               gint64                   person_id,
                                               gint64                   venue_id,
                                               GError                 **error);
gboolean      accord_store_load_participants  (AccordStore             *self,
                                               AccordSession           *session,
                                               GError                 **error);
GArray       *accord_store_count_sessions     (AccordStore             *self,
                                               const gint64            *bounds,
                                               guint                    n_bounds,
                                               gint64                   person_id,
                                               gint64                   venue_id,
                                               GError                 **error);

char        **accord_store_calendar_files     (AccordStore             *self,
                                               GError                 **error);
gboolean      accord_store_add_calendar_file  (AccordStore             *self,
                                               const char              *text,
                                               GError                 **error);
AccordCalendar *accord_store_load_calendar    (AccordStore             *self,
                                               GError                 **error);

gboolean      accord_store_indicators         (AccordStore             *self,
                                               const char              *from,
                                               const char              *to,
                                               const char              *unit,
                                               AccordIndicators        *indicators,
                                               GError                 **error);
double        accord_indicator_rate           (gint64                   part,
                                               gint64                   whole);

gboolean      accord_store_verify_audit       (AccordStore             *self,
                                               AccordAuditReport       *report,
                                               GError                 **error);

G_END_DECLS
