/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-person-view"

#include <glib/gi18n.h>

#include "accord-availability-editor.h"
#include "accord-booking-rows.h"
#include "accord-enums.h"
#include "accord-person-view.h"
#include "accord-validate.h"
#include "accord-window.h"

struct _AccordPersonView
{
  AdwBin                    parent_instance;

  AccordStore              *store;
  AccordPerson             *person;
  /* The petitioner ids behind the "Interest in" choices; 0 is the case. */
  GArray                   *link_ids;

  /* Template widgets */
  GtkButton                *back_button;
  GtkLabel                 *title_label;
  GtkButton                *active_button;
  GtkScrolledWindow        *scroller;
  AdwActionRow             *roles_row;
  AdwActionRow             *organisation_row;
  AdwActionRow             *phone_row;
  GtkToggleButton          *reveal_button;
  AdwActionRow             *load_row;
  GtkListBox               *sessions_list;
  AccordAvailabilityEditor *availability_editor;
  GtkListBox               *absences_list;
  AdwExpanderRow           *absence_form;
  AdwEntryRow              *absence_from_row;
  AdwEntryRow              *absence_to_row;
  AdwEntryRow              *absence_reason_row;
  GtkListBox               *interests_list;
  AdwExpanderRow           *interest_form;
  AdwEntryRow              *interest_case_row;
  AdwComboRow              *interest_link_row;
  AdwEntryRow              *interest_note_row;
};

G_DEFINE_FINAL_TYPE (AccordPersonView, accord_person_view, ADW_TYPE_BIN)

typedef gboolean (*DeleteFunc) (AccordStore *store, gint64 id, GError **error);

/* Helpers ---------------------------------------------------------------- */

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
report_error (AccordPersonView *self,
              const char       *heading,
              const GError     *error)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));

  if (window != NULL)
    accord_window_show_error (window, heading, error);
  else
    g_message ("%s: %s", heading, error->message);
}

static void
wrote (AccordPersonView *self,
       const char       *toast)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));

  if (window == NULL)
    {
      accord_person_view_reload (self);
      return;
    }
  accord_window_add_toast (window, adw_toast_new (toast));
  accord_window_data_changed (window);
}

static void
show_phone (AccordPersonView *self)
{
  const char *phone = self->person->phone;
  g_autofree char *masked = phone != NULL ? accord_mask_phone (phone) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), phone != NULL);
  if (phone == NULL)
    adw_action_row_set_subtitle (self->phone_row, _("None given"));
  else
    adw_action_row_set_subtitle (self->phone_row,
                                 gtk_toggle_button_get_active (self->reveal_button) ? phone : masked);
}

static char *
role_labels (const AccordPerson *person)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; person->roles[i] != NULL; i++)
    /* Translators: between role names, "、" in Chinese */
    g_string_append_printf (text, "%s%s", i > 0 ? _(", ") : "",
                            accord_vocab_label (ACCORD_VOCAB_PERSON_ROLE, person->roles[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gint64
week_start (AccordStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (accord_store_get_time_zone (store));
  g_autoptr(GDateTime) day = g_date_time_new (accord_store_get_time_zone (store),
                                              g_date_time_get_year (now), g_date_time_get_month (now),
                                              g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));

  return g_date_time_to_unix (monday);
}

/* This week's sessions against the scheduler's suggested weekly limit,
 * and the last 90 days for a longer view of how often the person sat. */
static void
show_load (AccordPersonView *self)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));
  AccordScheduler *scheduler = window != NULL ? accord_window_get_scheduler (window) : NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 monday = week_start (self->store);
  gint64 week, quarter;
  g_autofree char *text = NULL;

  week = accord_store_count_person_sessions (self->store, self->person->id, monday, monday + 7 * 86400, NULL);
  quarter = accord_store_count_person_sessions (self->store, self->person->id, now - 90 * 86400, now, NULL);
  if (scheduler != NULL)
    text = g_strdup_printf (_("This week %d of at most %d sessions · last 90 days %d"),
                            (int) week, accord_scheduler_get_rules (scheduler)->weekly_load, (int) quarter);
  else
    text = g_strdup_printf (_("This week %d sessions · last 90 days %d"), (int) week, (int) quarter);
  adw_action_row_set_subtitle (self->load_row, text);
  if (scheduler != NULL && week > accord_scheduler_get_rules (scheduler)->weekly_load)
    gtk_widget_add_css_class (GTK_WIDGET (self->load_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->load_row), "warning");
}

static GtkWidget *
delete_button_new (const char *tooltip,
                   const char *action,
                   gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static GtkWidget *
empty_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
fill_absences (AccordPersonView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) absences = accord_store_list_absences (self->store, self->person->id,
                                                              g_get_real_time () / G_USEC_PER_SEC, &error);

  accord_list_box_remove_all (self->absences_list);
  if (absences == NULL || absences->len == 0)
    gtk_list_box_append (self->absences_list, empty_row_new (_("No absences ahead")));
  for (guint i = 0; absences != NULL && i < absences->len; i++)
    {
      AccordPersonAbsence *a = g_ptr_array_index (absences, i);
      g_autofree char *from = accord_store_format_local (self->store, a->starts_at, "%Y-%m-%d %H:%M");
      g_autofree char *to = accord_store_format_local (self->store, a->ends_at, "%Y-%m-%d %H:%M");
      g_autofree char *title = g_strdup_printf ("%s – %s", from, to);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), a->reason != NULL ? a->reason : "");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 delete_button_new (_("Delete this absence"), "person.delete-absence", a->id));
      gtk_list_box_append (self->absences_list, row);
    }
}

static char *
interest_title (const AccordInterest *interest)
{
  if (interest->case_number != NULL && interest->petitioner_name != NULL)
    return g_strdup_printf (_("Case %s, petitioner %s"), interest->case_number, interest->petitioner_name);
  if (interest->case_number != NULL)
    return g_strdup_printf (_("Case %s"), interest->case_number);
  return g_strdup_printf (_("Petitioner %s"), interest->petitioner_name);
}

static void
fill_interests (AccordPersonView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) interests = accord_store_list_interests (self->store, self->person->id, &error);

  accord_list_box_remove_all (self->interests_list);
  if (interests == NULL || interests->len == 0)
    gtk_list_box_append (self->interests_list, empty_row_new (_("No interests declared")));
  for (guint i = 0; interests != NULL && i < interests->len; i++)
    {
      AccordInterest *interest = g_ptr_array_index (interests, i);
      g_autofree char *title = interest_title (interest);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), interest->note != NULL ? interest->note : "");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 delete_button_new (_("Withdraw this interest"), "person.delete-interest",
                                                    interest->id));
      gtk_list_box_append (self->interests_list, row);
    }
}

static void
fill_sessions (AccordPersonView *self)
{
  g_autoptr(GError) error = NULL;
  guint n = accord_booking_rows_fill (self->sessions_list, self->store, self->person->id, 0, &error);

  if (n == 0 || n == G_MAXUINT)
    gtk_list_box_append (self->sessions_list, empty_row_new (_("No sessions in the next 90 days")));
}

/* Parses "YYYY-MM-DD HH:MM" (or a bare date, meaning its midnight) in the
 * bureau's time zone; -1 when it is no such time. */
static gint64
parse_local (AccordStore *store,
             const char  *text)
{
  unsigned y, m, d, hh = 0, mm = 0;
  int n = sscanf (text, "%u-%u-%u %u:%u", &y, &m, &d, &hh, &mm);
  g_autoptr(GDateTime) time = NULL;

  if ((n != 3 && n != 5) || !g_date_valid_dmy (d, m, y) || hh > 23 || mm > 59)
    return -1;
  time = g_date_time_new (accord_store_get_time_zone (store), y, m, d, hh, mm, 0);
  return time != NULL ? g_date_time_to_unix (time) : -1;
}

/* Callbacks -------------------------------------------------------------- */

static void
on_reveal_toggled_cb (AccordPersonView *self)
{
  if (self->person != NULL)
    show_phone (self);
}

static void
on_session_activated_cb (AccordPersonView *self,
                         GtkListBoxRow    *row)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));
  gint64 id = accord_booking_row_get_id (row);

  if (window != NULL && id > 0)
    accord_window_show_session (window, id);
}

/* The petitioners of the case typed so far become choices: an interest
 * can be in the case or in one of its petitioners. */
static void
on_interest_case_changed_cb (AccordPersonView *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *number = g_strstrip (g_strdup (entry_text (self->interest_case_row)));
  g_autoptr(AccordCase) c = NULL;
  GPtrArray *petitioners;
  gint64 none = 0;

  gtk_string_list_append (choices, _("The case as a whole"));
  g_array_set_size (self->link_ids, 0);
  g_array_append_val (self->link_ids, none);
  if (self->store != NULL && *number != '\0')
    c = accord_store_get_case (self->store, number, NULL);
  petitioners = c != NULL ? accord_case_get_petitioners (c) : NULL;
  for (guint i = 0; petitioners != NULL && i < petitioners->len; i++)
    {
      AccordPetitioner *p = g_ptr_array_index (petitioners, i);
      g_autofree char *label = g_strdup_printf (_("Petitioner %s"), p->name);

      gtk_string_list_append (choices, label);
      g_array_append_val (self->link_ids, p->id);
    }
  adw_combo_row_set_model (self->interest_link_row, G_LIST_MODEL (choices));
}

typedef struct
{
  AccordPersonView *self;
  DeleteFunc        delete;
  gint64            id;
  const char       *done;
} DeleteRequest;

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DeleteRequest    *request)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0 && request->self->store != NULL)
    {
      if (request->delete (request->self->store, request->id, &error))
        wrote (request->self, request->done);
      else
        report_error (request->self, _("Could Not Delete"), error);
    }
  g_object_unref (request->self);
  g_free (request);
}

/* Nothing is deleted without the coordinator saying so. */
static void
confirm_delete (AccordPersonView *self,
                const char       *heading,
                const char       *button,
                DeleteRequest     request)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  DeleteRequest *copy = g_memdup2 (&request, sizeof request);
  GtkWidget *dialog;

  copy->self = g_object_ref (self);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", button, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), copy);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions ---------------------------------------------------------------- */

static gboolean
set_active (AccordPersonView *self,
            gint64            person_id,
            gboolean          active)
{
  g_autoptr(GError) error = NULL;

  if (!accord_store_set_person_active (self->store, person_id, active, &error))
    {
      report_error (self, active ? _("Could Not Reactivate") : _("Could Not Deactivate"), error);
      return FALSE;
    }
  return TRUE;
}

static void
on_undo_deactivate_cb (AdwToast         *toast,
                       AccordPersonView *self)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "person-id"));

  if (self->store != NULL && set_active (self, id, TRUE))
    wrote (self, _("Reactivated"));
}

/* Deactivating takes a person off future panels: it is undone from the
 * toast rather than confirmed beforehand. */
static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordPersonView *self = ACCORD_PERSON_VIEW (widget);
  AccordWindow *window = accord_window_of (widget);
  gboolean active = !self->person->active;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (!set_active (self, self->person->id, active))
    return;
  if (active || window == NULL)
    {
      wrote (self, active ? _("Reactivated") : _("Deactivated"));
      return;
    }
  text = g_strdup_printf (_("%s is no longer offered for sessions"), self->person->name);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "person-id", GINT_TO_POINTER ((int) self->person->id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_deactivate_cb), self, 0);
  accord_window_add_toast (window, toast);
  accord_window_data_changed (window);
}

static void
add_absence_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordPersonView *self = ACCORD_PERSON_VIEW (widget);
  gint64 from = parse_local (self->store, entry_text (self->absence_from_row));
  gint64 to = parse_local (self->store, entry_text (self->absence_to_row));
  g_autoptr(GError) error = NULL;

  if (from < 0 || to < 0)
    g_set_error_literal (&error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE,
                         _("Enter the start and the end as a date and a time, such as 2026-12-01 08:30"));
  if (error != NULL ||
      !accord_store_add_absence (self->store, self->person->id, from, to, entry_text (self->absence_reason_row), &error))
    {
      report_error (self, _("Could Not Add the Absence"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->absence_from_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->absence_to_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->absence_reason_row), "");
  adw_expander_row_set_expanded (self->absence_form, FALSE);
  wrote (self, _("Absence added"));
}

static void
add_interest_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordPersonView *self = ACCORD_PERSON_VIEW (widget);
  g_autofree char *number = g_strstrip (g_strdup (entry_text (self->interest_case_row)));
  guint choice = adw_combo_row_get_selected (self->interest_link_row);
  gint64 petitioner_id = choice < self->link_ids->len ? g_array_index (self->link_ids, gint64, choice) : 0;
  g_autoptr(GError) error = NULL;

  if (*number == '\0')
    g_set_error_literal (&error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED,
                         _("Case number is required: an interest names a case or one of its petitioners"));
  /* An interest in a petitioner covers every case of theirs, not only
   * the one used to find them. */
  if (error != NULL ||
      !accord_store_add_interest (self->store, self->person->id, petitioner_id > 0 ? NULL : number,
                                  petitioner_id, entry_text (self->interest_note_row), &error))
    {
      report_error (self, _("Could Not Declare the Interest"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->interest_case_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->interest_note_row), "");
  adw_expander_row_set_expanded (self->interest_form, FALSE);
  wrote (self, _("Interest declared"));
}

static void
delete_absence_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeleteRequest request = { NULL, accord_store_delete_absence, g_variant_get_int64 (parameter),
                            _("Absence deleted") };

  confirm_delete (ACCORD_PERSON_VIEW (widget), _("Delete This Absence?"), _("_Delete"), request);
}

static void
delete_interest_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeleteRequest request = { NULL, accord_store_delete_interest, g_variant_get_int64 (parameter),
                            _("Interest withdrawn") };

  confirm_delete (ACCORD_PERSON_VIEW (widget), _("Withdraw This Interest?"), _("_Withdraw"), request);
}

/* Overrides -------------------------------------------------------------- */

static void
accord_person_view_dispose (GObject *object)
{
  AccordPersonView *self = ACCORD_PERSON_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_PERSON_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->person, accord_person_free);

  G_OBJECT_CLASS (accord_person_view_parent_class)->dispose (object);
}

static void
accord_person_view_finalize (GObject *object)
{
  AccordPersonView *self = ACCORD_PERSON_VIEW (object);

  g_clear_pointer (&self->link_ids, g_array_unref);

  G_OBJECT_CLASS (accord_person_view_parent_class)->finalize (object);
}

static void
accord_person_view_class_init (AccordPersonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_person_view_dispose;
  object_class->finalize = accord_person_view_finalize;

  g_type_ensure (ACCORD_TYPE_AVAILABILITY_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-person-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, back_button);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, active_button);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, roles_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, load_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, availability_editor);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, absences_list);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, absence_form);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, absence_from_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, absence_to_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, absence_reason_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, interests_list);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, interest_form);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, interest_case_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, interest_link_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonView, interest_note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_interest_case_changed_cb);

  gtk_widget_class_install_action (widget_class, "person.toggle-active", NULL, toggle_active_action);
  gtk_widget_class_install_action (widget_class, "person.add-absence", NULL, add_absence_action);
  gtk_widget_class_install_action (widget_class, "person.add-interest", NULL, add_interest_action);
  gtk_widget_class_install_action (widget_class, "person.delete-absence", "x", delete_absence_action);
  gtk_widget_class_install_action (widget_class, "person.delete-interest", "x", delete_interest_action);
}

static void
accord_person_view_init (AccordPersonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->link_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  on_interest_case_changed_cb (self);
}

/* Public API ------------------------------------------------------------- */

void
accord_person_view_show (AccordPersonView *self,
                         AccordStore      *store,
                         gint64            person_id)
{
  g_return_if_fail (ACCORD_IS_PERSON_VIEW (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->person, accord_person_free);
  gtk_toggle_button_set_active (self->reveal_button, FALSE);
  self->person = accord_store_get_person (store, person_id, NULL);
  accord_person_view_reload (self);
  if (self->person != NULL)
    accord_availability_editor_load (self->availability_editor, store, person_id);
  /* Another person starts at the top, with the keyboard on the page. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

/* Reads the person again after a write; the availability being edited is
 * left as it is, so reloading for another write does not lose edits. */
void
accord_person_view_reload (AccordPersonView *self)
{
  g_autofree char *roles = NULL;
  g_autofree char *title = NULL;
  AccordPerson *fresh;

  g_return_if_fail (ACCORD_IS_PERSON_VIEW (self));

  if (self->store == NULL || self->person == NULL)
    return;
  if ((fresh = accord_store_get_person (self->store, self->person->id, NULL)) == NULL)
    return;
  accord_person_free (self->person);
  self->person = fresh;

  roles = role_labels (self->person);
  title = self->person->active ? g_strdup (self->person->name)
                               : g_strdup_printf (_("%s (inactive)"), self->person->name);
  gtk_label_set_text (self->title_label, title);
  gtk_button_set_label (self->active_button, self->person->active ? _("_Deactivate") : _("_Reactivate"));
  adw_action_row_set_subtitle (self->roles_row, roles);
  adw_action_row_set_subtitle (self->organisation_row,
                               self->person->organisation != NULL ? self->person->organisation : _("None given"));
  show_phone (self);
  show_load (self);
  fill_sessions (self);
  fill_absences (self);
  fill_interests (self);
}

gint64
accord_person_view_get_id (AccordPersonView *self)
{
  g_return_val_if_fail (ACCORD_IS_PERSON_VIEW (self), 0);

  return self->person != NULL ? self->person->id : 0;
}
