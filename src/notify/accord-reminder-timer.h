/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-notifier.h"
#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_REMINDER_TIMER (accord_reminder_timer_get_type ())
G_DECLARE_FINAL_TYPE (AccordReminderTimer, accord_reminder_timer, ACCORD, REMINDER_TIMER, GObject)

/* Delivers due reminders while the application runs: at start and then at
 * the turn of every minute of the wall clock. */
AccordReminderTimer *accord_reminder_timer_new      (AccordStore         *store,
                                                     AccordNotifier      *notifier);
gboolean             accord_reminder_timer_deliver  (AccordReminderTimer *self,
                                                     gint64               now,
                                                     guint               *n_sent,
                                                     GError             **error);

G_END_DECLS
