/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-scheduler.h"

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

G_END_DECLS
