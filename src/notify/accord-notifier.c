/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-notify"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "accord-notifier.h"

/* Shows what core's reminder planner says is due as desktop notifications
 * (the freedesktop.org notification spec, through libnotify). */

struct _AccordNotifier
{
  GObject    parent_instance;

  char      *app_name;
  GPtrArray *waiting;    /* NotifyNotification with an action, kept until closed */
};

enum {
  PROP_0,
  PROP_APP_NAME,
  N_PROPS
};

enum {
  OPEN_REQUESTED,
  N_SIGNALS
};

/* What the "Open" action of one notification brings up. */
typedef struct
{
  AccordNotifier *notifier;      /* unowned: it owns the notification */
  char           *case_number;   /* NULL for a summary */
  gint64          session_id;
} OpenTarget;

/* What the server said it can do, asked once per send. */
typedef struct
{
  gboolean actions;
  gboolean body_markup;
} ServerCaps;

G_DEFINE_FINAL_TYPE (AccordNotifier, accord_notifier, G_TYPE_OBJECT)
G_DEFINE_QUARK (accord-notifier-error-quark, accord_notifier_error)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Notifiers alive: libnotify is set up by the first and torn down after
 * the last, because its cached proxy holds the session bus connection. */
static guint libnotify_users;

/* Helpers */

static void
libnotify_hold (const char *app_name)
{
  if (libnotify_users++ == 0 && !notify_init (app_name))
    g_warning ("Could not initialise libnotify");
}

static void
libnotify_release (void)
{
  g_return_if_fail (libnotify_users > 0);

  if (--libnotify_users == 0)
    notify_uninit ();
}

static OpenTarget *
open_target_new (AccordNotifier       *notifier,
                 const AccordReminder *reminder)
{
  OpenTarget *target = g_new0 (OpenTarget, 1);

  target->notifier = notifier;
  target->case_number = g_strdup (reminder->case_number);
  target->session_id = reminder->session_id;
  return target;
}

static void
open_target_free (gpointer data)
{
  OpenTarget *target = data;

  g_free (target->case_number);
  g_free (target);
}

static gboolean
has_cap (GList      *caps,
         const char *cap)
{
  return g_list_find_custom (caps, cap, (GCompareFunc) g_strcmp0) != NULL;
}

static ServerCaps
query_server_caps (void)
{
  GList *caps = notify_get_server_caps ();
  ServerCaps result = { has_cap (caps, "actions"), has_cap (caps, "body-markup") };

  g_list_free_full (caps, g_free);
  return result;
}

/* Asked first: libnotify warns when asked for capabilities with no server. */
static gboolean
check_service (GError **error)
{
  if (notify_get_server_info (NULL, NULL, NULL, NULL))
    return TRUE;

  g_set_error_literal (error, ACCORD_NOTIFIER_ERROR, ACCORD_NOTIFIER_ERROR_NO_SERVICE,
                       _("No notification service is running: reminders were not shown"));
  return FALSE;
}

static NotifyUrgency
notify_urgency (AccordUrgency urgency)
{
  switch (urgency)
    {
    case ACCORD_URGENCY_LOW:
      return NOTIFY_URGENCY_LOW;
    case ACCORD_URGENCY_CRITICAL:
      return NOTIFY_URGENCY_CRITICAL;
    case ACCORD_URGENCY_NORMAL:
    default:
      return NOTIFY_URGENCY_NORMAL;
    }
}

/* A server that reads markup in bodies would eat a "<" or "&". */
static char *
body_text (const AccordReminder *reminder,
           const ServerCaps     *caps)
{
  const char *body = reminder->body != NULL ? reminder->body : "";

  return caps->body_markup ? g_markup_escape_text (body, -1) : g_strdup (body);
}

/* Callbacks */

static void
on_open_activated_cb (NotifyNotification *notification,
                      char               *action,
                      gpointer            user_data)
{
  OpenTarget *target = user_data;

  g_signal_emit (target->notifier, signals[OPEN_REQUESTED], 0, target->case_number, target->session_id);
}

static void
on_notification_closed_cb (NotifyNotification *notification,
                           AccordNotifier     *self)
{
  g_ptr_array_remove_fast (self->waiting, notification);
}

/* More helpers: they need the callbacks */

/* "default" is what a click on the bubble does; "open" is the button. */
static void
add_open_actions (AccordNotifier       *self,
                  NotifyNotification   *notification,
                  const AccordReminder *reminder)
{
  notify_notification_add_action (notification, "default", _("Open"), on_open_activated_cb,
                                  open_target_new (self, reminder), open_target_free);
  notify_notification_add_action (notification, "open", _("Open"), on_open_activated_cb,
                                  open_target_new (self, reminder), open_target_free);
}

static NotifyNotification *
build_notification (AccordNotifier       *self,
                    const AccordReminder *reminder,
                    const ServerCaps     *caps)
{
  g_autofree char *body = body_text (reminder, caps);
  g_autofree char *category = g_strconcat ("x-accord.", reminder->kind, NULL);
  NotifyNotification *notification = notify_notification_new (reminder->summary, body, APP_ID);

  notify_notification_set_app_name (notification, self->app_name);
  notify_notification_set_urgency (notification, notify_urgency (reminder->urgency));
  notify_notification_set_category (notification, category);
  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  if (caps->actions)
    add_open_actions (self, notification, reminder);

  return notification;
}

/* A notification with actions must outlive this call for its action to
 * reach us; the others can go at once. */
static void
keep_until_closed (AccordNotifier     *self,
                   NotifyNotification *notification)
{
  g_signal_connect (notification, "closed", G_CALLBACK (on_notification_closed_cb), self);
  g_ptr_array_add (self->waiting, g_object_ref (notification));
}

static gboolean
show_reminder (AccordNotifier       *self,
               const AccordReminder *reminder,
               const ServerCaps     *caps,
               GError              **error)
{
  NotifyNotification *notification = build_notification (self, reminder, caps);
  g_autoptr(GError) local_error = NULL;
  gboolean shown = notify_notification_show (notification, &local_error);

  if (shown && caps->actions)
    keep_until_closed (self, notification);
  g_object_unref (notification);

  if (!shown)
    {
      g_dbus_error_strip_remote_error (local_error);
      g_set_error (error, ACCORD_NOTIFIER_ERROR, ACCORD_NOTIFIER_ERROR_FAILED,
                   _("The notification service refused a reminder: %s"), local_error->message);
    }
  return shown;
}

/* Overrides */

static void
accord_notifier_constructed (GObject *object)
{
  AccordNotifier *self = ACCORD_NOTIFIER (object);

  G_OBJECT_CLASS (accord_notifier_parent_class)->constructed (object);

  libnotify_hold (self->app_name);
}

static void
accord_notifier_dispose (GObject *object)
{
  AccordNotifier *self = ACCORD_NOTIFIER (object);

  /* Before libnotify goes: a notification finalized afterwards would set
   * up a new connection to the server. */
  if (self->waiting != NULL)
    g_ptr_array_set_size (self->waiting, 0);

  G_OBJECT_CLASS (accord_notifier_parent_class)->dispose (object);
}

static void
accord_notifier_finalize (GObject *object)
{
  AccordNotifier *self = ACCORD_NOTIFIER (object);

  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_free (self->app_name);
  libnotify_release ();

  G_OBJECT_CLASS (accord_notifier_parent_class)->finalize (object);
}

static void
accord_notifier_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AccordNotifier *self = ACCORD_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_APP_NAME:
      g_value_set_string (value, self->app_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_notifier_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AccordNotifier *self = ACCORD_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_APP_NAME:
      g_free (self->app_name);
      self->app_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_notifier_class_init (AccordNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = accord_notifier_constructed;
  object_class->dispose = accord_notifier_dispose;
  object_class->finalize = accord_notifier_finalize;
  object_class->get_property = accord_notifier_get_property;
  object_class->set_property = accord_notifier_set_property;

  properties[PROP_APP_NAME] =
    g_param_spec_string ("app-name", NULL, NULL, "Accord",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordNotifier::open-requested:
   * @case_number: (nullable): the case to show, %NULL for the case list
   * @session_id: the session to show, 0 for none
   *
   * The user chose "Open" on a reminder.
   */
  signals[OPEN_REQUESTED] =
    g_signal_new ("open-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
accord_notifier_init (AccordNotifier *self)
{
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

/**
 * accord_notifier_new:
 * @app_name: the name the notification service shows for Accord
 *
 * Returns: (transfer full): a new notifier
 */
AccordNotifier *
accord_notifier_new (const char *app_name)
{
  g_return_val_if_fail (app_name != NULL && *app_name != '\0', NULL);

  return g_object_new (ACCORD_TYPE_NOTIFIER, "app-name", app_name, NULL);
}

/**
 * accord_notifier_send:
 * @reminders: (element-type AccordReminder): what to show, most urgent first
 *
 * Shows one notification per reminder.  When no notification service is
 * running nothing is sent and the error is %ACCORD_NOTIFIER_ERROR_NO_SERVICE;
 * when the service refuses one, the ones before it were shown.  Either way
 * the caller must not mark any of them sent, so they are planned again.
 *
 * Returns: %TRUE when every reminder was shown
 */
gboolean
accord_notifier_send (AccordNotifier  *self,
                      GPtrArray       *reminders,
                      GError         **error)
{
  ServerCaps caps;

  g_return_val_if_fail (ACCORD_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (reminders != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reminders->len == 0)
    return TRUE;
  if (!check_service (error))
    return FALSE;

  caps = query_server_caps ();
  for (guint i = 0; i < reminders->len; i++)
    if (!show_reminder (self, g_ptr_array_index (reminders, i), &caps, error))
      return FALSE;

  return TRUE;
}
