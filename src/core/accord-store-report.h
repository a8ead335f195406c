/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-store.h"

G_BEGIN_DECLS

/* The figures of the dashboard: the indicators month by month, the cases
 * whose step is overdue, sessions by result and the panelists' load, each
 * for a period (first and last day, YYYY-MM-DD) and optionally one
 * responsible unit. */

/* The indicators of one month of a period, counted as
 * accord_store_indicators() counts them over that month's days in the
 * period. */
typedef struct
{
  char             month[8];   /* YYYY-MM */
  AccordIndicators counts;
} AccordMonthIndicators;

typedef struct
{
  gint64  id;
  char   *number;
  char   *title;
  char   *step;                /* the pending step's code */
  char   *due;                 /* its last day, YYYY-MM-DD, before today */
  char   *unit;                /* may be NULL */
} AccordOverdueCase;

/* Sessions of one kind with one result; a NULL result counts sessions
 * with no outcome recorded yet. */
typedef struct
{
  char   *kind;
  char   *result;
  gint64  n;
} AccordSessionTally;

typedef struct
{
  gint64  person_id;
  char   *name;
  gint64  sessions;
} AccordWorkload;

void       accord_overdue_case_free            (AccordOverdueCase  *self);
void       accord_session_tally_free           (AccordSessionTally *self);
void       accord_workload_free                (AccordWorkload     *self);

char     **accord_store_responsible_units      (AccordStore        *self,
                                                GError            **error);
GArray    *accord_store_monthly_indicators     (AccordStore        *self,
                                                const char         *from,
                                                const char         *to,
                                                const char         *unit,
                                                GError            **error);
gint64     accord_store_count_overdue_cases    (AccordStore        *self,
                                                const char         *from,
                                                const char         *to,
                                                const char         *unit,
                                                GError            **error);
GPtrArray *accord_store_overdue_cases          (AccordStore        *self,
                                                const char         *from,
                                                const char         *to,
                                                const char         *unit,
                                                guint               limit,
                                                GError            **error);
GPtrArray *accord_store_session_results        (AccordStore        *self,
                                                const char         *from,
                                                const char         *to,
                                                const char         *unit,
                                                GError            **error);
GPtrArray *accord_store_panelist_workload      (AccordStore        *self,
                                                const char         *from,
                                                const char         *to,
                                                const char         *unit,
                                                guint               limit,
                                                GError            **error);

G_END_DECLS
