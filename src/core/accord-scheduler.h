/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-calendar.h"
#include "accord-session.h"
#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_SCHEDULER (accord_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (AccordScheduler, accord_scheduler, ACCORD, SCHEDULER, GObject)

#define ACCORD_SCHEDULER_ERROR (accord_scheduler_error_quark ())

typedef enum
{
  ACCORD_SCHEDULER_ERROR_CONFLICT,   /* hard conflicts and no override reason */
  ACCORD_SCHEDULER_ERROR_INVALID,
} AccordSchedulerError;

typedef enum
{
  ACCORD_SEVERITY_SOFT,
  ACCORD_SEVERITY_HARD,
} AccordSeverity;

/* One broken rule of a proposed session. */
typedef struct
{
  char           *rule;          /* stable id, e.g. "person-busy" */
  AccordSeverity  severity;
  char           *message;       /* translated, for a coordinator */
  GArray         *person_ids;    /* gint64 */
  gint64          venue_id;
  GArray         *session_ids;   /* gint64: the sessions it clashes with */
} AccordConflict;

/* The rules' settings (DOMAIN.md §3); every one is a store setting
 * "schedule.<name>" with the default given in accord-scheduler.c. */
typedef struct
{
  int        buffer_minutes;
  int        max_duration_minutes;
  int        min_panel;
  int        notice_days;
  gboolean   allow_non_working_days;
  int        morning_start;      /* minutes from midnight */
  int        morning_end;
  int        afternoon_start;
  int        afternoon_end;
  int        weekly_load;
  int        max_representatives;
  char      *hearing_composition;    /* "lawyer|legal_worker:1,npc_deputy|cppcc_member:1" */
  char      *mediation_composition;  /* session roles: "mediator:1" */
  GTimeZone *time_zone;
} AccordScheduleRules;

/* What "Find a slot" is asked for. */
typedef struct
{
  const char                   *case_number;
  const char                   *kind;
  int                           duration_minutes;
  const AccordParticipantInput *required;       /* people who must attend */
  guint                         n_required;
  int                           panel_size;     /* hearing panelists to find (0: none) */
  const char * const           *needs;          /* "psychologist:1", "lawyer:1" (session roles) */
  const char                   *from;           /* YYYY-MM-DD, local */
  const char                   *to;             /* YYYY-MM-DD, inclusive */
  const gint64                 *venue_ids;      /* candidates; NULL: every active venue */
  guint                         n_venues;
  guint                         count;
} AccordSlotRequest;

typedef struct
{
  gint64     starts_at;
  gint64     ends_at;
  gint64     venue_id;
  GArray    *participants;   /* AccordParticipantInput, roles interned */
} AccordSlot;

/* A booked session that now breaks a hard rule. */
typedef struct
{
  AccordSession *session;
  GPtrArray     *conflicts;
} AccordBroken;

GQuark           accord_scheduler_error_quark   (void);
void             accord_broken_free             (AccordBroken        *self);
void             accord_conflict_free           (AccordConflict      *self);
void             accord_slot_free               (AccordSlot          *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordConflict, accord_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordSlot, accord_slot_free)

AccordScheduler *accord_scheduler_new           (AccordStore         *store,
                                                 GError             **error);
AccordScheduleRules *accord_scheduler_get_rules (AccordScheduler     *self);
AccordCalendar  *accord_scheduler_get_calendar  (AccordScheduler     *self);

GPtrArray       *accord_scheduler_check         (AccordScheduler     *self,
                                                 const AccordSessionInput *proposal,
                                                 gint64               ignore_session,
                                                 GError             **error);
gboolean         accord_conflicts_have_hard     (GPtrArray           *conflicts);

AccordSession   *accord_scheduler_book          (AccordScheduler     *self,
                                                 const AccordSessionInput *proposal,
                                                 const char          *override_reason,
                                                 GPtrArray          **conflicts,
                                                 GError             **error);
AccordSession   *accord_scheduler_move          (AccordScheduler     *self,
                                                 gint64               session_id,
                                                 gint64               expected_version,
                                                 gint64               starts_at,
                                                 gint64               ends_at,
                                                 const char          *override_reason,
                                                 GPtrArray          **conflicts,
                                                 GError             **error);
AccordSession   *accord_scheduler_update        (AccordScheduler     *self,
                                                 gint64               session_id,
                                                 gint64               expected_version,
                                                 const AccordSessionInput *proposal,
                                                 const char          *override_reason,
                                                 GPtrArray          **conflicts,
                                                 GError             **error);
gboolean         accord_scheduler_restore       (AccordScheduler     *self,
                                                 gint64               session_id,
                                                 gint64               expected_version,
                                                 const char          *status,
                                                 GError             **error);
gboolean         accord_scheduler_cancel        (AccordScheduler     *self,
                                                 gint64               session_id,
                                                 gint64               expected_version,
                                                 const char          *reason,
                                                 GError             **error);
GPtrArray       *accord_scheduler_broken        (AccordScheduler     *self,
                                                 gint64               from,
                                                 gint64               to,
                                                 gint64               person_id,
                                                 gint64               venue_id,
                                                 GError             **error);
GPtrArray       *accord_scheduler_suggest       (AccordScheduler     *self,
                                                 const AccordSlotRequest *request,
                                                 GError             **error);

G_END_DECLS
