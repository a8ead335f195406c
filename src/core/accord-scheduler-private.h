/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-scheduler.h"
#include "accord-store-schedule.h"

G_BEGIN_DECLS

/* Shared by the scheduler's files. */
AccordStore *accord_scheduler_get_store  (AccordScheduler  *self);
gboolean     accord_scheduler_parse_date (const char       *text,
                                          GDate            *date);
gboolean     accord_scheduler_invalid    (GError          **error,
                                          const char       *message);
GArray      *accord_scheduler_role_loads (AccordScheduler  *self,
                                          const char       *role,
                                          gint64            since,
                                          gint64            until,
                                          GError          **error);

/* A proposal being checked, with everything read for it once. */
typedef struct
{
  AccordScheduler          *self;
  AccordSessionInput        input;        /* participants: the effective list */
  GArray                   *participants; /* AccordParticipantInput */
  gint64                    ignore;
  AccordCaseContext        *context;
  GPtrArray                *people;       /* AccordPerson per participant, or NULL */
  GHashTable               *interested;
  GDateTime                *start;        /* local */
  GDateTime                *end;
  GPtrArray                *conflicts;
} Check;

gboolean     accord_scheduler_check_prepare (Check                    *check,
                                             AccordScheduler          *self,
                                             const AccordSessionInput *proposal,
                                             gint64                    ignore,
                                             GError                  **error);
gboolean     accord_scheduler_check_run     (Check                    *check,
                                             GError                  **error);
void         accord_scheduler_check_clear   (Check                    *check);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, accord_scheduler_check_clear)

G_END_DECLS
