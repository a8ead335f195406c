/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-application"

#include <glib/gi18n.h>

#include "accord-application.h"
#include "accord-backup.h"
#include "accord-benchmark.h"
#include "accord-preferences-window.h"
#include "accord-reminder-timer.h"
#include "accord-window.h"

struct _AccordApplication
{
  AdwApplication  parent_instance;

  AccordStore         *store;
  AccordNotifier      *notifier;
  AccordReminderTimer *reminders;
  guint                backup_source;
  gboolean             backing_up;
};

/* The daily backup is made within a minute of starting and looked for
 * every 15 minutes after, as the reminder timer's `accord-cli remind`
 * does while the window is closed. */
#define BACKUP_FIRST_DELAY_SECONDS 60
#define BACKUP_INTERVAL_SECONDS (15 * 60)

G_DEFINE_FINAL_TYPE (AccordApplication, accord_application, ADW_TYPE_APPLICATION)

/* ACCORD_DB wins so that the command line and the window can be pointed at
 * the same file; then the preference; then the default location. */
static char *
get_database_path (void)
{
  const char *env = g_getenv ("ACCORD_DB");
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  settings = g_settings_new (APP_ID);
  path = g_settings_get_string (settings, "database-path");
  if (path[0] != '\0')
    return g_steal_pointer (&path);

  return accord_store_default_path ();
}

/* "Open" on a reminder: the window comes forward showing the session or
 * the case it is about. */
static void
on_open_requested_cb (AccordApplication *self,
                      const char        *case_number,
                      gint64             session_id,
                      AccordNotifier    *notifier)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (accord_window_new (self, self->store));
  if (session_id > 0)
    accord_window_show_session (ACCORD_WINDOW (window), session_id);
  else if (case_number != NULL)
    accord_window_show_case (ACCORD_WINDOW (window), case_number);
  gtk_window_present (window);
}

static gboolean on_backup_due_cb (gpointer user_data);

static void
on_auto_backup_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(AccordApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = accord_backup_now_finish (ACCORD_STORE (source), result, &error);

  self->backing_up = FALSE;
  if (error != NULL)
    g_message ("Daily backup not made: %s", error->message);
}

static gboolean
on_backup_due_cb (gpointer user_data)
{
  AccordApplication *self = user_data;

  if (!self->backing_up)
    {
      self->backing_up = TRUE;
      accord_backup_now_async (self->store, NULL, TRUE, NULL, on_auto_backup_done_cb, g_object_ref (self));
    }

  self->backup_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, BACKUP_INTERVAL_SECONDS,
                                                    on_backup_due_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
open_store (AccordApplication  *self,
            const char         *path,
            GError            **error)
{
  self->store = accord_store_open (path, error);
  if (self->store == NULL || !accord_store_set_lean (self->store, error))
    return FALSE;

  self->notifier = accord_notifier_new ("Accord");
  g_signal_connect_object (self->notifier, "open-requested", G_CALLBACK (on_open_requested_cb),
                           self, G_CONNECT_SWAPPED);
  if (g_getenv ("ACCORD_NO_REMINDERS") == NULL)
    {
      self->reminders = accord_reminder_timer_new (self->store, self->notifier);
      self->backup_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, BACKUP_FIRST_DELAY_SECONDS,
                                                        on_backup_due_cb, self, NULL);
    }
  return TRUE;
}

static void
on_error_response_cb (AccordApplication *self,
                      const char        *response,
                      AdwMessageDialog  *dialog)
{
  g_application_quit (G_APPLICATION (self));
}

/* The path is shown so that whoever looks after the bureau's computers
 * knows which file to check. */
static void
show_open_error (AccordApplication *self,
                 const char        *path,
                 const GError      *error)
{
  g_autofree char *location = g_strdup_printf (_("Database file: %s"), path);
  g_autofree char *body = g_strconcat (error->message, "\n\n", location, NULL);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Could Not Open the Database"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_error_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", "Accord",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Accord developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AccordApplication *self = ACCORD_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (accord_preferences_window_new (parent, self->store)));
}

/* Closing rather than quitting lets each window save its size. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "quit", .activate = quit_action },
};

static void
accord_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (accord_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
upgrade_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  /* A failure is reported when the database is opened again. */
  g_autoptr(AccordStore) store = accord_store_open (data, NULL);

  g_task_return_boolean (task, store != NULL);
}

/* The database is up to date: the window that said so gives way to the
 * application's window. */
static void
on_upgraded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GtkWindow *upgrading = user_data;
  GApplication *app = G_APPLICATION (source);

  g_application_hold (app);
  gtk_window_destroy (upgrading);
  g_application_activate (app);
  g_application_release (app);
}

/* A database made by an earlier version is brought up to date in a
 * thread, which takes a minute on a large register, while a window says
 * what is happening. */
static void
upgrade (AccordApplication *self,
         const char        *path)
{
  g_autoptr(GTask) task = NULL;
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (self));
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Accord"));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 360);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_widget_set_name (window, "upgrading");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Updating the Records"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("This version of Accord keeps the records in a new way. They are brought up "
                                     "to date once; a large register takes a minute."));
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), spinner);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  task = g_task_new (self, NULL, on_upgraded_cb, window);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, upgrade_thread);
}

static void
accord_application_activate (GApplication *app)
{
  AccordApplication *self = ACCORD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (window == NULL && self->store == NULL)
    path = get_database_path ();

  if (path != NULL && accord_store_needs_upgrade (path))
    {
      upgrade (self, path);
      return;
    }

  if (path != NULL && !open_store (self, path, &error))
    {
      show_open_error (self, path, error);
      return;
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (accord_window_new (self, self->store));
      if (accord_benchmark_requested ())
        accord_benchmark_run (ACCORD_WINDOW (window));
    }

  gtk_window_present (window);
}

static void
accord_application_dispose (GObject *object)
{
  AccordApplication *self = ACCORD_APPLICATION (object);

  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_object (&self->reminders);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_application_parent_class)->dispose (object);
}

static void
accord_application_class_init (AccordApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = accord_application_dispose;

  app_class->startup = accord_application_startup;
  app_class->activate = accord_application_activate;
}

static void
accord_application_init (AccordApplication *self)
{
}

AccordApplication *
accord_application_new (void)
{
  /* The resource base path is spelled out so that a test instance with
   * another id still finds the style sheet and icons. */
  return g_object_new (ACCORD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/accord/Accord",
                       NULL);
}

/* Returns: (transfer none) (nullable): the open store, if any */
AccordStore *
accord_application_get_store (AccordApplication *self)
{
  g_return_val_if_fail (ACCORD_IS_APPLICATION (self), NULL);

  return self->store;
}
