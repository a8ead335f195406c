/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-reminder-timer"

#include "accord-reminder-timer.h"
#include "accord-reminders.h"

#define INDIVIDUAL_STEPS 5

struct _AccordReminderTimer
{
  GObject         parent_instance;
  AccordStore    *store;
  AccordNotifier *notifier;
  guint           source;
  gboolean        told_no_service;
};

G_DEFINE_FINAL_TYPE (AccordReminderTimer, accord_reminder_timer, G_TYPE_OBJECT)

static gboolean on_minute_cb (gpointer user_data);

/* The delay is found anew each time from the wall clock, so that the timer
 * stays on the minute after a suspend (when monotonic time stood still) or
 * a change of the system clock; planning at the real time then catches up
 * on whatever fell due meanwhile. */
static void
schedule_next (AccordReminderTimer *self)
{
  gint64 now_ms = g_get_real_time () / 1000;
  guint delay = 60000 - (guint) (now_ms % 60000);

  self->source = g_timeout_add_full (G_PRIORITY_LOW, delay + 50, on_minute_cb, self, NULL);
}

static gboolean
on_minute_cb (gpointer user_data)
{
  AccordReminderTimer *self = user_data;
  g_autoptr(GError) error = NULL;

  self->source = 0;
  if (!accord_reminder_timer_deliver (self, g_get_real_time () / G_USEC_PER_SEC, NULL, &error))
    {
      /* Said once: without a notification service there is nothing to do
       * until one appears, and nothing was marked as sent. */
      if (!self->told_no_service || !g_error_matches (error, ACCORD_NOTIFIER_ERROR, ACCORD_NOTIFIER_ERROR_NO_SERVICE))
        g_message ("Reminders not delivered: %s", error->message);
      self->told_no_service = g_error_matches (error, ACCORD_NOTIFIER_ERROR, ACCORD_NOTIFIER_ERROR_NO_SERVICE);
    }

  schedule_next (self);
  return G_SOURCE_REMOVE;
}

static void
accord_reminder_timer_dispose (GObject *object)
{
  AccordReminderTimer *self = (AccordReminderTimer *) object;

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->notifier);

  G_OBJECT_CLASS (accord_reminder_timer_parent_class)->dispose (object);
}

static void
accord_reminder_timer_class_init (AccordReminderTimerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = accord_reminder_timer_dispose;
}

static void
accord_reminder_timer_init (AccordReminderTimer *self)
{
}

AccordReminderTimer *
accord_reminder_timer_new (AccordStore    *store,
                           AccordNotifier *notifier)
{
  AccordReminderTimer *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (ACCORD_TYPE_REMINDER_TIMER, NULL);
  self->store = g_object_ref (store);
  self->notifier = g_object_ref (notifier);
  self->source = g_idle_add_full (G_PRIORITY_LOW, on_minute_cb, self, NULL);
  return self;
}

/**
 * accord_reminder_timer_deliver:
 * @n_sent: (out) (optional): how many reminders were shown
 *
 * Plans what is due at @now, shows it, and marks it as sent only when
 * every reminder was shown.
 */
gboolean
accord_reminder_timer_deliver (AccordReminderTimer  *self,
                               gint64                now,
                               guint                *n_sent,
                               GError              **error)
{
  g_autoptr(GPtrArray) reminders = NULL;

  g_return_val_if_fail (ACCORD_IS_REMINDER_TIMER (self), FALSE);

  reminders = accord_reminders_plan (self->store, now, INDIVIDUAL_STEPS, error);
  if (reminders == NULL ||
      !accord_notifier_send (self->notifier, reminders, error) ||
      !accord_reminders_mark_sent (self->store, reminders, now, error))
    return FALSE;

  if (n_sent != NULL)
    *n_sent = reminders->len;
  return TRUE;
}
