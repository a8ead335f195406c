/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-store.h"

G_BEGIN_DECLS

typedef enum
{
  ACCORD_URGENCY_LOW,
  ACCORD_URGENCY_NORMAL,
  ACCORD_URGENCY_CRITICAL,
} AccordUrgency;

/* Something to tell the coordinator now.  The key is stable: a reminder
 * with a key in reminder_sent is never planned again. */
typedef struct
{
  char          *key;
  char          *kind;          /* "session", "notice", "step", "overdue", "follow_up", "term", "signature", "summary" */
  AccordUrgency  urgency;
  char          *case_number;   /* NULL for a summary */
  gint64         session_id;    /* 0 unless about a session */
  char          *summary;       /* translated, short: the notification's title */
  char          *body;          /* translated: what is due and what to do; no ID or phone numbers */
} AccordReminder;

void       accord_reminder_free            (AccordReminder  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordReminder, accord_reminder_free)

/* What is due at @now (Unix seconds): sessions starting within the lead
 * times (settings reminders.lead_seconds, default "86400,3600"), hearing
 * notices that must go out, case steps due soon or overdue (an overdue
 * step again at most once a day), follow-up visits and agreed terms due
 * soon, documents waiting for signature for more than 3 days.  At most
 * @limit individual case-step reminders, the most urgent first; the rest
 * are counted in one "summary" reminder.
 *
 * Returns: (transfer full): AccordReminder values, most urgent first. */
GPtrArray *accord_reminders_plan          (AccordStore     *store,
                                           gint64           now,
                                           guint            limit,
                                           GError         **error);

/* Records that these reminders were delivered, in one action. */
gboolean   accord_reminders_mark_sent     (AccordStore     *store,
                                           GPtrArray       *reminders,
                                           gint64           now,
                                           GError         **error);

G_END_DECLS
