/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-preferences-window"

/* The bureau's settings.  They live in the database, not in GSettings, so
 * that the command line, the reminder timer and every coordinator's
 * window follow the same rules.  Each change is saved on its own (one
 * transaction) and checked by core; a refused value is put back and the
 * reason shown as a toast. */

#include <glib/gi18n.h>

#include "accord-backup.h"
#include "accord-composition-group.h"
#include "accord-deadlines.h"
#include "accord-preferences-window.h"
#include "accord-window.h"

typedef enum
{
  ROW_TEXT,
  ROW_NUMBER,
  ROW_TIME,      /* minutes from midnight, shown as HH:MM */
  ROW_HOURS,     /* a list of seconds, shown as hours: "86400,3600" is "24, 1" */
  ROW_SWITCH,
} RowKind;

typedef struct
{
  const char *group;
  const char *key;
  RowKind     kind;
  const char *title;
  const char *subtitle;
  int         min;
  int         max;
  const char *fallback;   /* the value core uses while the setting is unset */
} RowSpec;

struct _AccordPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AccordStore          *store;
  gboolean              loading;

  AdwPreferencesGroup  *bureau_group;
  AdwPreferencesGroup  *documents_group;
  AdwPreferencesGroup  *reminders_group;
  AdwComboRow          *language_row;
  AdwActionRow         *holidays_row;
  AdwActionRow         *database_row;
  AdwActionRow         *backup_folder_row;
  AdwActionRow         *last_backup_row;
  GtkFileChooserNative *chooser;
  AdwPreferencesGroup  *numbers_group;
  AdwPreferencesGroup  *sessions_group;
  AccordCompositionGroup *hearing_composition_group;
  AccordCompositionGroup *mediation_composition_group;
  AdwPreferencesGroup  *hours_group;
  AdwPreferencesGroup  *deadlines_group;
  AdwComboRow          *profile_row;
  char                 *restoring;   /* the backup being restored from */
};

G_DEFINE_FINAL_TYPE (AccordPreferencesWindow, accord_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The fallbacks repeat the defaults of accord-scheduler.c, accord-store.c
 * and accord-store-deadlines.c. */
static const RowSpec rows[] = {
  { "bureau", "bureau_name", ROW_TEXT, N_("Bureau _name"), NULL, 0, 0, "" },
  { "bureau", "mediation_committee", ROW_TEXT, N_("_Mediation committee"), NULL, 0, 0, "" },
  { "bureau", "bureau_contact", ROW_TEXT, N_("_Contact"), NULL, 0, 0, "" },
  { "documents", "time_zone", ROW_TEXT, N_("_Time zone"), NULL, 0, 0, "Asia/Shanghai" },
  { "reminders", "reminders.lead_seconds", ROW_HOURS, N_("Remind _before (hours)"), NULL, 0, 0,
    "86400,3600" },
  { "numbers", "case_number_pattern", ROW_TEXT, N_("Case number _pattern"), NULL, 0, 0,
    ACCORD_DEFAULT_CASE_NUMBER_PATTERN },
  { "numbers", "document_number_prefix", ROW_TEXT, N_("_Document number prefix"), NULL, 0, 0, "" },
  { "sessions", "schedule.buffer_minutes", ROW_NUMBER, N_("_Buffer between sessions"),
    N_("Minutes a person or a venue needs between two sessions"), 0, 240, "15" },
  { "sessions", "schedule.min_panel", ROW_NUMBER, N_("_Smallest hearing panel"),
    N_("Hearings need an odd number of panelists, at least this many"), 1, 15, "3" },
  { "sessions", "schedule.notice_days", ROW_NUMBER, N_("_Notice period"),
    N_("Days from the notice to the session"), 0, 60, "7" },
  { "sessions", "schedule.weekly_load", ROW_NUMBER, N_("Sessions per person a _week"),
    N_("More than this is shown as a warning"), 1, 100, "6" },
  { "sessions", "schedule.max_representatives", ROW_NUMBER, N_("_Representatives of a collective petition"),
    NULL, 1, 50, "5" },
  { "sessions", "schedule.allow_non_working_days", ROW_SWITCH, N_("Allow sessions on non-_working days"),
    NULL, 0, 1, "0" },
  { "hours", "schedule.morning_start", ROW_TIME, N_("Morning _starts"), NULL, 0, 0, "510" },
  { "hours", "schedule.morning_end", ROW_TIME, N_("Morning _ends"), NULL, 0, 0, "720" },
  { "hours", "schedule.afternoon_start", ROW_TIME, N_("_Afternoon starts"), NULL, 0, 0, "840" },
  { "hours", "schedule.afternoon_end", ROW_TIME, N_("Afternoon en_ds"), NULL, 0, 0, "1050" },
  { "deadlines", "deadline_due_soon_days", ROW_NUMBER, N_("_Due soon"),
    N_("Days before a deadline from which a case shows as due soon"), 0, 60, "3" },
  { "deadlines", "deadline_local_first_petition", ROW_SWITCH, N_("Local rule for _first petitions"),
    N_("Meet the petitioner within 3 days, give feedback within 7 and finish within 21"), 0, 1, "0" },
};

static AdwPreferencesGroup *
group_for (AccordPreferencesWindow *self,
           const char              *name)
{
  if (g_str_equal (name, "bureau"))
    return self->bureau_group;
  if (g_str_equal (name, "numbers"))
    return self->numbers_group;
  if (g_str_equal (name, "sessions"))
    return self->sessions_group;
  if (g_str_equal (name, "hours"))
    return self->hours_group;
  if (g_str_equal (name, "documents"))
    return self->documents_group;
  if (g_str_equal (name, "reminders"))
    return self->reminders_group;
  return self->deadlines_group;
}

static char *
format_time (const char *minutes)
{
  gint64 m = g_ascii_strtoll (minutes, NULL, 10);

  return g_strdup_printf ("%02d:%02d", (int) (m / 60), (int) (m % 60));
}

/* "8:30" or "08:30" to "510"; NULL for anything else. */
static char *
parse_time (const char *text)
{
  guint64 hours, minutes;
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 0, 23, &hours, NULL) ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 0, 59, &minutes, NULL))
    return NULL;

  return g_strdup_printf ("%d", (int) (hours * 60 + minutes));
}

/* "86400,3600" to "24, 1"; hours that are not whole keep their decimals. */
static char *
format_hours (const char *seconds)
{
  g_auto(GStrv) parts = g_strsplit (seconds, ",", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (number, sizeof number, "%g", g_ascii_strtod (parts[i], NULL) / 3600.0);
      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", number);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "24, 1" or "24，1" to "86400,3600"; NULL for anything that is not a list
 * of positive numbers (core checks the range). */
static char *
parse_hours (const char *text)
{
  g_autoptr(GString) ascii = g_string_new (text);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) seconds = g_string_new (NULL);

  g_string_replace (ascii, "，", ",", 0);
  g_string_replace (ascii, "、", ",", 0);
  parts = g_strsplit (ascii->str, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      double hours = g_ascii_strtod (g_strstrip (parts[i]), &end);

      if (end == parts[i] || *end != '\0' || hours <= 0)
        return NULL;
      g_string_append_printf (seconds, "%s%.0f", i > 0 ? "," : "", hours * 3600);
    }
  return seconds->len > 0 ? g_string_free (g_steal_pointer (&seconds), FALSE) : NULL;
}

static char *
stored_value (AccordPreferencesWindow *self,
              const RowSpec           *spec)
{
  return accord_store_get_setting (self->store, spec->key, spec->fallback);
}

static void load_row (AccordPreferencesWindow *self,
                      GtkWidget               *row);

static void
save (AccordPreferencesWindow *self,
      GtkWidget               *row,
      const char              *value)
{
  const RowSpec *spec = g_object_get_data (G_OBJECT (row), "accord-row");
  g_autoptr(GError) error = NULL;
  AccordWindow *window;

  if (self->loading)
    return;

  if (value == NULL && spec->kind == ROW_HOURS)
    g_set_error_literal (&error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED,
                         _("Enter hours separated by commas, for example 24, 1."));
  else if (value == NULL)
    g_set_error_literal (&error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED,
                         _("Enter a time as hours and minutes, for example 08:30."));
  else if (accord_store_set_setting (self->store, spec->key, value, &error))
    {
      window = accord_window_of (GTK_WIDGET (self));
      if (window != NULL)
        accord_window_rules_changed (window);
      return;
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  load_row (self, row);
}

static void
on_entry_apply_cb (AdwEntryRow             *row,
                   AccordPreferencesWindow *self)
{
  const RowSpec *spec = g_object_get_data (G_OBJECT (row), "accord-row");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *value = spec->kind == ROW_TIME ? parse_time (text)
                         : spec->kind == ROW_HOURS ? parse_hours (text) : g_strdup (text);

  save (self, GTK_WIDGET (row), value);
}

static void
on_spin_value_changed_cb (GtkSpinButton           *spin,
                          AccordPreferencesWindow *self)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  save (self, g_object_get_data (G_OBJECT (spin), "accord-row-widget"), value);
}

static void
on_switch_active_cb (GtkSwitch               *sw,
                     GParamSpec              *pspec,
                     AccordPreferencesWindow *self)
{
  save (self, g_object_get_data (G_OBJECT (sw), "accord-row-widget"),
        gtk_switch_get_active (sw) ? "1" : "0");
}

static void
load_row (AccordPreferencesWindow *self,
          GtkWidget               *row)
{
  const RowSpec *spec = g_object_get_data (G_OBJECT (row), "accord-row");
  GtkWidget *control = g_object_get_data (G_OBJECT (row), "accord-control");
  g_autofree char *value = stored_value (self, spec);
  g_autofree char *time = NULL;

  self->loading = TRUE;
  switch (spec->kind)
    {
    case ROW_TEXT:
      gtk_editable_set_text (GTK_EDITABLE (row), value);
      break;
    case ROW_TIME:
      time = format_time (value);
      gtk_editable_set_text (GTK_EDITABLE (row), time);
      break;
    case ROW_HOURS:
      time = format_hours (value);
      gtk_editable_set_text (GTK_EDITABLE (row), time);
      break;
    case ROW_NUMBER:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (control), g_ascii_strtod (value, NULL));
      break;
    case ROW_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (control), g_str_equal (value, "1"));
      break;
    }
  self->loading = FALSE;
}

static GtkWidget *
make_entry_row (AccordPreferencesWindow *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (on_entry_apply_cb), self);
  return row;
}

static GtkWidget *
make_control_row (AccordPreferencesWindow *self,
                  const RowSpec           *spec)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *control;

  if (spec->kind == ROW_NUMBER)
    {
      control = gtk_spin_button_new_with_range (spec->min, spec->max, 1);
      g_signal_connect (control, "value-changed", G_CALLBACK (on_spin_value_changed_cb), self);
    }
  else
    {
      control = gtk_switch_new ();
      g_signal_connect (control, "notify::active", G_CALLBACK (on_switch_active_cb), self);
    }
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  if (spec->subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(spec->subtitle));
  g_object_set_data (G_OBJECT (row), "accord-control", control);
  g_object_set_data (G_OBJECT (control), "accord-row-widget", row);
  return row;
}

static void
add_rows (AccordPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const RowSpec *spec = &rows[i];
      gboolean entry = spec->kind == ROW_TEXT || spec->kind == ROW_TIME || spec->kind == ROW_HOURS;
      GtkWidget *row = entry ? make_entry_row (self) : make_control_row (self, spec);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(spec->title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      gtk_widget_set_name (row, spec->key);
      g_object_set_data (G_OBJECT (row), "accord-row", (gpointer) spec);
      adw_preferences_group_add (group_for (self, spec->group), row);
      load_row (self, row);
    }
}

static const char *
profile_label (const char *name)
{
  if (g_str_equal (name, "national"))
    return _("National periods");
  if (g_str_equal (name, "zhejiang"))
    return _("Zhejiang province");
  return name;
}

static void
load_profiles (AccordPreferencesWindow *self)
{
  const char * const *names = accord_deadline_profile_names ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *current = accord_store_get_setting (self->store, "deadline_profile", "national");

  self->loading = TRUE;
  for (guint i = 0; names[i] != NULL; i++)
    gtk_string_list_append (labels, profile_label (names[i]));
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (labels));
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], current))
      adw_combo_row_set_selected (self->profile_row, i);
  self->loading = FALSE;
}

static void
on_profile_selected_cb (AccordPreferencesWindow *self,
                        GParamSpec              *pspec,
                        AdwComboRow             *row)
{
  const char * const *names = accord_deadline_profile_names ();
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;
  AccordWindow *window;

  if (self->loading || selected >= g_strv_length ((char **) names))
    return;
  if (!accord_store_set_setting (self->store, "deadline_profile", names[selected], &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      load_profiles (self);
      return;
    }
  window = accord_window_of (GTK_WIDGET (self));
  if (window != NULL)
    accord_window_rules_changed (window);
}

static const char * const languages[] = { "zh_CN", "en" };

static void
load_language (AccordPreferencesWindow *self)
{
  g_autofree char *current = accord_store_get_setting (self->store, "document_language", "zh_CN");
  const char *labels[] = { _("Chinese (Simplified)"), _("English"), NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  self->loading = TRUE;
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->language_row, g_str_equal (current, "en") ? 1 : 0);
  self->loading = FALSE;
}

static void
on_language_selected_cb (AccordPreferencesWindow *self,
                         GParamSpec              *pspec,
                         AdwComboRow             *row)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->loading || selected >= G_N_ELEMENTS (languages))
    return;
  if (!accord_store_set_setting (self->store, "document_language", languages[selected], &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      load_language (self);
    }
}

static void
load_holidays (AccordPreferencesWindow *self)
{
  g_autoptr(AccordCalendar) calendar = accord_store_load_calendar (self->store, NULL);
  g_autoptr(GString) years = g_string_new (NULL);
  g_autofree int *list = NULL;
  guint n = 0;

  if (calendar != NULL)
    list = accord_calendar_get_years (calendar, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (years, "%s%d", i > 0 ? _(", ") : "", list[i]);
  adw_action_row_set_subtitle (self->holidays_row, n > 0 ? years->str : _("None"));
}

/* The file the chooser's user accepted, or NULL; the chooser is let go. */
static GFile *
take_chosen_file (AccordPreferencesWindow *self,
                  int                      response,
                  GtkFileChooserNative    *chooser)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  return file;
}

static void
on_holidays_chosen_cb (AccordPreferencesWindow *self,
                       int                      response,
                       GtkFileChooserNative    *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  AccordWindow *window;

  file = take_chosen_file (self, response, chooser);
  if (file == NULL)
    return;

  if (!g_file_load_contents (file, NULL, &text, NULL, NULL, &error) ||
      !accord_store_add_calendar_file (self->store, text, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  load_holidays (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Holiday calendar imported")));
  if ((window = accord_window_of (GTK_WIDGET (self))) != NULL)
    accord_window_rules_changed (window);
}

static void
on_database_chosen_cb (AccordPreferencesWindow *self,
                       int                      response,
                       GtkFileChooserNative    *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;

  file = take_chosen_file (self, response, chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "database-path", path);
  adw_action_row_set_subtitle (self->database_row, path);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Accord opens this database when it starts next")));
}

static void
choose_file (AccordPreferencesWindow *self,
             const char              *title,
             GtkFileChooserAction     action,
             GCallback                callback)
{
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", callback, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_holidays_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_file (ACCORD_PREFERENCES_WINDOW (widget), _("Import a Holiday Calendar"),
               GTK_FILE_CHOOSER_ACTION_OPEN, G_CALLBACK (on_holidays_chosen_cb));
}

static void
choose_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_file (ACCORD_PREFERENCES_WINDOW (widget), _("Choose the Database File"),
               GTK_FILE_CHOOSER_ACTION_SAVE, G_CALLBACK (on_database_chosen_cb));
}

static void
load_backups (AccordPreferencesWindow *self)
{
  g_autofree char *folder = accord_backup_get_folder (self->store);
  gint64 last = accord_backup_get_last (self->store);
  g_autofree char *when = last > 0 ? accord_store_format_local (self->store, last, "%Y-%m-%d %H:%M") : NULL;

  adw_action_row_set_subtitle (self->backup_folder_row, folder);
  adw_action_row_set_subtitle (self->last_backup_row, when != NULL ? when : C_("last backup", "Never"));
}

static void
show_backup_error (AccordPreferencesWindow *self,
                   const char              *heading,
                   const GError            *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_backup_folder_chosen_cb (AccordPreferencesWindow *self,
                            int                      response,
                            GtkFileChooserNative    *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  file = take_chosen_file (self, response, chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!accord_store_set_setting (self->store, "backup.folder", path, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  load_backups (self);
}

/* The window may be closed while the copy is made: it is kept until then. */
static void
on_backed_up_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AccordPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = accord_backup_now_finish (ACCORD_STORE (source), result, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.back-up", TRUE);
  if (self->store == NULL)
    return;
  if (path == NULL)
    {
      show_backup_error (self, _("Could Not Back Up"), error);
      return;
    }

  load_backups (self);
  name = g_filename_display_basename (path);
  message = g_strdup_printf (_("Backed up to %s"), name);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static gboolean
close_later_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* While a restore runs, nothing here can be changed, the window not
 * closed, and the window says what it is doing. */
static void
set_restoring (AccordPreferencesWindow *self,
               const char              *path)
{
  g_free (self->restoring);
  self->restoring = g_strdup (path);
  gtk_widget_set_sensitive (GTK_WIDGET (self), path == NULL);
  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = g_strdup_printf (_("Restoring from %s…"), name);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }
}

static void
on_restored_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AccordPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean restored = accord_backup_restore_finish (ACCORD_STORE (source), result, NULL, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AccordWindow *window;

  if (self->store == NULL)
    return;
  name = g_filename_display_basename (self->restoring);
  set_restoring (self, NULL);
  if (!restored)
    {
      show_backup_error (self, _("Could Not Restore"), error);
      return;
    }

  /* The same store now reads the restored records: every section reads
   * them again, and these preferences are the restored ones. */
  message = g_strdup_printf (_("Records restored from %s"), name);
  if ((window = accord_window_of (GTK_WIDGET (self))) != NULL)
    {
      accord_window_rules_changed (window);
      accord_window_add_toast (window, adw_toast_new (message));
    }
  /* Once the dialog, which belongs to this window, has closed. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later_cb, g_object_ref (self), g_object_unref);
}

static void
on_restore_response_cb (AdwMessageDialog        *dialog,
                        const char              *response,
                        AccordPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "accord-backup");

  if (!g_str_equal (response, "restore"))
    return;

  /* The backup is checked and copied in a thread, which takes a while for
   * a large database; meanwhile these preferences cannot be changed. */
  set_restoring (self, path);
  accord_backup_restore_async (self->store, path, NULL, on_restored_cb, g_object_ref (self));
}

static void
confirm_restore (AccordPreferencesWindow *self,
                 const char              *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *body = g_strdup_printf (_("Every record in this database is replaced by those of the backup "
                                             "“%s”. The records as they are now are first kept as a copy in the "
                                             "backup folder."), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Every Record?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "accord-backup", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_restore_chosen_cb (AccordPreferencesWindow *self,
                      int                      response,
                      GtkFileChooserNative    *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  file = take_chosen_file (self, response, chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "preferences.restore-from", "s", path);
}

/* The backup file chosen: asks before replacing anything. */
static void
restore_from_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  confirm_restore (ACCORD_PREFERENCES_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
choose_backup_folder_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  choose_file (ACCORD_PREFERENCES_WINDOW (widget), _("Choose the Backup Folder"),
               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, G_CALLBACK (on_backup_folder_chosen_cb));
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordPreferencesWindow *self = ACCORD_PREFERENCES_WINDOW (widget);

  gtk_widget_action_set_enabled (widget, "preferences.back-up", FALSE);
  accord_backup_now_async (self->store, NULL, FALSE, NULL, on_backed_up_cb, g_object_ref (self));
}

/* The chooser opens in the backup folder. */
static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordPreferencesWindow *self = ACCORD_PREFERENCES_WINDOW (widget);
  g_autofree char *folder = accord_backup_get_folder (self->store);
  g_autoptr(GFile) location = g_file_new_for_path (folder);

  self->chooser = gtk_file_chooser_native_new (_("Restore from a Backup"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (g_file_query_exists (location, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), location, NULL);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_restore_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
accord_preferences_window_dispose (GObject *object)
{
  AccordPreferencesWindow *self = ACCORD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->restoring, g_free);

  G_OBJECT_CLASS (accord_preferences_window_parent_class)->dispose (object);
}

static void
accord_preferences_window_class_init (AccordPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_preferences_window_dispose;

  g_type_ensure (ACCORD_TYPE_COMPOSITION_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/accord/Accord/accord-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, bureau_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, documents_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, holidays_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, backup_folder_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, last_backup_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, numbers_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, hearing_composition_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, mediation_composition_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, hours_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, AccordPreferencesWindow, profile_row);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);
  gtk_widget_class_install_action (widget_class, "preferences.import-holidays", NULL, import_holidays_action);
  gtk_widget_class_install_action (widget_class, "preferences.choose-database", NULL, choose_database_action);
  gtk_widget_class_install_action (widget_class, "preferences.choose-backup-folder", NULL,
                                   choose_backup_folder_action);
  gtk_widget_class_install_action (widget_class, "preferences.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "preferences.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "preferences.restore-from", "s", restore_from_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_preferences_window_init (AccordPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AccordPreferencesWindow *
accord_preferences_window_new (GtkWindow   *parent,
                               AccordStore *store)
{
  AccordPreferencesWindow *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  self = g_object_new (ACCORD_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  add_rows (self);
  accord_composition_group_set_store (self->hearing_composition_group, store);
  accord_composition_group_set_store (self->mediation_composition_group, store);
  load_profiles (self);
  load_language (self);
  load_holidays (self);
  adw_action_row_set_subtitle (self->database_row, accord_store_get_path (store));
  load_backups (self);
  return self;
}
