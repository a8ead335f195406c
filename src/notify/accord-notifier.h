/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "accord-reminders.h"

G_BEGIN_DECLS

#define ACCORD_NOTIFIER_ERROR (accord_notifier_error_quark ())

typedef enum
{
  ACCORD_NOTIFIER_ERROR_NO_SERVICE,   /* nothing owns org.freedesktop.Notifications */
  ACCORD_NOTIFIER_ERROR_FAILED,       /* the service refused or lost a notification */
} AccordNotifierError;

#define ACCORD_TYPE_NOTIFIER (accord_notifier_get_type ())

G_DECLARE_FINAL_TYPE (AccordNotifier, accord_notifier, ACCORD, NOTIFIER, GObject)

GQuark          accord_notifier_error_quark (void);

AccordNotifier *accord_notifier_new         (const char      *app_name);
gboolean        accord_notifier_send        (AccordNotifier  *self,
                                             GPtrArray       *reminders,
                                             GError         **error);

G_END_DECLS
