/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-calendar.h"
#include "accord-case.h"

G_BEGIN_DECLS

/* Statutory deadlines of a case (DOMAIN.md §2), from rules kept as data:
 * resources/deadlines/<profile>.json. */

#define ACCORD_DEADLINES_ERROR (accord_deadlines_error_quark ())

typedef enum
{
  ACCORD_DEADLINES_ERROR_UNKNOWN_PROFILE,
  ACCORD_DEADLINES_ERROR_PARSE,
  ACCORD_DEADLINES_ERROR_EXTENSION,
} AccordDeadlinesError;

typedef enum
{
  ACCORD_DEADLINE_ON_TIME,     /* pending, more than the due-soon margin left */
  ACCORD_DEADLINE_DUE_SOON,    /* pending, due within the margin (default 3 days) */
  ACCORD_DEADLINE_OVERDUE,     /* pending, past its last day */
  ACCORD_DEADLINE_MET,         /* done on or before its last day */
  ACCORD_DEADLINE_MET_LATE,    /* done after its last day */
} AccordDeadlineState;

/* An approved extension of one step of one case. */
typedef struct
{
  const char *step;
  int         days;
  const char *approver;
  const char *reason;
} AccordExtension;

/* What the rules need to know besides the case itself. */
typedef struct
{
  const AccordExtension *extensions;
  guint                  n_extensions;
  int                    hearing_days;   /* days of hearings after the re-review request, not counted */
  const char            *today;          /* YYYY-MM-DD */
  int                    due_soon_days;  /* default 3 */
} AccordDeadlineContext;

typedef struct
{
  char               *step;           /* rule id, e.g. "accept", "reply" */
  char               *label;          /* translated name of the step */
  char               *start_date;     /* the date counting starts from (not counted itself) */
  int                 days;
  gboolean            working_days;
  int                 extension_days;
  int                 excluded_days;
  char               *due_date;       /* last day, YYYY-MM-DD, after moving off holidays */
  char               *done_date;      /* NULL while pending */
  AccordDeadlineState state;
  char               *facts;          /* translated: how the due date was found */
} AccordDeadline;

typedef struct _AccordDeadlineProfile AccordDeadlineProfile;

GQuark                 accord_deadlines_error_quark      (void);
const char * const    *accord_deadline_profile_names     (void);
AccordDeadlineProfile *accord_deadline_profile_load      (const char                  *name,
                                                          gboolean                     local_first_petition_rule,
                                                          GError                     **error);
void                   accord_deadline_profile_free      (AccordDeadlineProfile       *profile);
const char            *accord_deadline_profile_get_name  (AccordDeadlineProfile       *profile);
/* The longest extension the profile allows for a step, 0 when none. */
int                    accord_deadline_profile_max_extension (AccordDeadlineProfile   *profile,
                                                          const char                  *step);
gboolean               accord_deadline_profile_has_step  (AccordDeadlineProfile       *profile,
                                                          const char                  *step);

/* Every step of the profile that applies to the case so far, pending or
 * done, in workflow order. */
GPtrArray             *accord_deadlines_compute          (AccordDeadlineProfile       *profile,
                                                          AccordCalendar              *calendar,
                                                          AccordCase                  *c,
                                                          const AccordDeadlineContext *context);
void                   accord_deadline_free              (AccordDeadline              *deadline);
const char            *accord_deadline_state_code        (AccordDeadlineState          state);
const char            *accord_deadline_step_label        (const char                  *step);
gboolean               accord_deadline_is_bureau_step    (const char                  *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordDeadlineProfile, accord_deadline_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordDeadline, accord_deadline_free)

G_END_DECLS
