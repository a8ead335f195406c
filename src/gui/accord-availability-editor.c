/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-availability-editor"

#include <glib/gi18n.h>

#include "accord-availability-editor.h"
#include "accord-window.h"

#define N_WEEKDAYS 7

struct _AccordAvailabilityEditor
{
  AdwBin                parent_instance;

  AccordStore          *store;
  gint64                person_id;
  /* The rows of each weekday's windows, Monday first; each row holds its
   * start and end spin buttons as "start" and "end". */
  GPtrArray            *windows[N_WEEKDAYS];
  AdwExpanderRow       *days[N_WEEKDAYS];

  /* Template widgets */
  AdwPreferencesGroup  *group;
  GtkButton            *save_button;
};

G_DEFINE_FINAL_TYPE (AccordAvailabilityEditor, accord_availability_editor, ADW_TYPE_BIN)

static const char *
weekday_name (int weekday)
{
  const char *names[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
                          N_("Friday"), N_("Saturday"), N_("Sunday") };

  return _(names[weekday - 1]);
}

static guint
count_windows (AccordAvailabilityEditor *self)
{
  guint n = 0;

  for (int d = 0; d < N_WEEKDAYS; d++)
    n += self->windows[d] != NULL ? self->windows[d]->len : 0;
  return n;
}

/* A day without windows means "not available" only while some other day
 * has one: with none at all the person is free at any time. */
static void
update_days (AccordAvailabilityEditor *self)
{
  gboolean any_time = count_windows (self) == 0;

  for (int d = 0; d < N_WEEKDAYS && self->windows[d] != NULL; d++)
    {
      guint n = self->windows[d]->len;
      g_autofree char *subtitle = NULL;

      if (n > 0)
        subtitle = g_strdup_printf (ngettext ("%u window", "%u windows", n), n);
      adw_expander_row_set_subtitle (self->days[d], subtitle != NULL ? subtitle
                                                    : any_time ? _("Any time") : _("Not available"));
    }
}

/* Unsaved edits light up Save, so that they are not left behind unseen. */
static void
set_dirty (AccordAvailabilityEditor *self,
           gboolean                  dirty)
{
  if (dirty)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
}

static void
on_window_changed_cb (AccordAvailabilityEditor *self)
{
  set_dirty (self, TRUE);
}

/* Spin buttons count minutes from midnight and show them as HH:MM. */
static gboolean
on_time_output_cb (GtkSpinButton *spin,
                   gpointer       data)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_time_input_cb (GtkSpinButton *spin,
                  double        *value,
                  gpointer       data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  unsigned hours, minutes;

  if (sscanf (text, "%u:%u", &hours, &minutes) == 2 && hours <= 24 && minutes < 60 &&
      hours * 60 + minutes <= 1440)
    {
      *value = hours * 60 + minutes;
      return TRUE;
    }
  if (sscanf (text, "%u", &hours) == 1 && hours <= 24)
    {
      *value = hours * 60;
      return TRUE;
    }
  return GTK_INPUT_ERROR;
}

static GtkWidget *
time_spin_new (int         minutes,
               const char *tooltip)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (minutes, 0, 1440, 15, 60, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 15, 0);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, tooltip);
  g_signal_connect (spin, "output", G_CALLBACK (on_time_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_time_input_cb), NULL);
  on_time_output_cb (GTK_SPIN_BUTTON (spin), NULL);
  return spin;
}

static void
on_remove_window_clicked_cb (GtkButton *button,
                             GtkWidget *row)
{
  AccordAvailabilityEditor *self =
    ACCORD_AVAILABILITY_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (button), ACCORD_TYPE_AVAILABILITY_EDITOR));
  int weekday = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "weekday"));

  g_ptr_array_remove (self->windows[weekday - 1], row);
  adw_expander_row_remove (self->days[weekday - 1], row);
  update_days (self);
  set_dirty (self, TRUE);
}

static GtkWidget *
window_row_new (int weekday,
                int start_minute,
                int end_minute)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *start = time_spin_new (start_minute, _("From"));
  GtkWidget *end = time_spin_new (end_minute, _("Until"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("From – until"));
  gtk_widget_set_tooltip_text (remove, _("Remove this window"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), start);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new ("–"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), end);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "weekday", GINT_TO_POINTER (weekday));
  g_object_set_data (G_OBJECT (row), "start", start);
  g_object_set_data (G_OBJECT (row), "end", end);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_window_clicked_cb), row);
  return row;
}

/* A new window starts where the day's last one ends, or in the morning. */
static void
on_add_window_clicked_cb (GtkButton *button,
                          gpointer   data)
{
  AccordAvailabilityEditor *self =
    ACCORD_AVAILABILITY_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (button), ACCORD_TYPE_AVAILABILITY_EDITOR));
  int weekday = GPOINTER_TO_INT (data);
  GPtrArray *rows = self->windows[weekday - 1];
  int start = 9 * 60;

  if (rows->len > 0)
    {
      GtkWidget *last = g_object_get_data (g_ptr_array_index (rows, rows->len - 1), "end");

      start = MIN ((int) gtk_spin_button_get_value (GTK_SPIN_BUTTON (last)) + 120, 1380);
    }
  accord_availability_editor_add_window (self, weekday, start, MIN (start + 180, 1440));
  adw_expander_row_set_expanded (self->days[weekday - 1], TRUE);
}

static void
clear_windows (AccordAvailabilityEditor *self)
{
  for (int d = 0; d < N_WEEKDAYS; d++)
    {
      for (guint i = 0; i < self->windows[d]->len; i++)
        adw_expander_row_remove (self->days[d], g_ptr_array_index (self->windows[d], i));
      g_ptr_array_set_size (self->windows[d], 0);
    }
  update_days (self);
}

static gboolean
check_slots (GArray  *slots,
             GError **error)
{
  for (guint i = 0; i < slots->len; i++)
    {
      AccordWeeklySlot *slot = &g_array_index (slots, AccordWeeklySlot, i);

      if (slot->end_minute <= slot->start_minute)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: a window must end after it starts"), weekday_name (slot->weekday));
          return FALSE;
        }
    }
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordAvailabilityEditor *self = ACCORD_AVAILABILITY_EDITOR (widget);
  AccordWindow *window = accord_window_of (widget);
  g_autoptr(GArray) slots = accord_availability_editor_get_slots (self);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!check_slots (slots, &error) ||
      !accord_store_set_weekly_availability (self->store, self->person_id,
                                             (AccordWeeklySlot *) slots->data, slots->len, &error))
    {
      if (window != NULL)
        accord_window_show_error (window, _("Could Not Save the Availability"), error);
      return;
    }
  set_dirty (self, FALSE);
  if (window != NULL)
    {
      accord_window_add_toast (window, adw_toast_new (_("Availability saved")));
      accord_window_data_changed (window);
    }
}

static void
build_days (AccordAvailabilityEditor *self)
{
  for (int d = 0; d < N_WEEKDAYS; d++)
    {
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Add a window on %s"), weekday_name (d + 1));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), weekday_name (d + 1));
      gtk_widget_set_tooltip_text (add, tooltip);
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (add, "flat");
      g_signal_connect (add, "clicked", G_CALLBACK (on_add_window_clicked_cb), GINT_TO_POINTER (d + 1));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), add);
      adw_preferences_group_add (self->group, row);
      self->days[d] = ADW_EXPANDER_ROW (row);
      self->windows[d] = g_ptr_array_new ();
    }
  update_days (self);
}

static void
accord_availability_editor_dispose (GObject *object)
{
  AccordAvailabilityEditor *self = ACCORD_AVAILABILITY_EDITOR (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_AVAILABILITY_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_availability_editor_parent_class)->dispose (object);
}

static void
accord_availability_editor_finalize (GObject *object)
{
  AccordAvailabilityEditor *self = ACCORD_AVAILABILITY_EDITOR (object);

  for (int d = 0; d < N_WEEKDAYS; d++)
    g_clear_pointer (&self->windows[d], g_ptr_array_unref);

  G_OBJECT_CLASS (accord_availability_editor_parent_class)->finalize (object);
}

static void
accord_availability_editor_class_init (AccordAvailabilityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_availability_editor_dispose;
  object_class->finalize = accord_availability_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-availability-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordAvailabilityEditor, group);
  gtk_widget_class_bind_template_child (widget_class, AccordAvailabilityEditor, save_button);

  gtk_widget_class_install_action (widget_class, "availability.save", NULL, save_action);
}

static void
accord_availability_editor_init (AccordAvailabilityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_days (self);
}

/* Shows the person's current weekly pattern. */
void
accord_availability_editor_load (AccordAvailabilityEditor *self,
                                 AccordStore              *store,
                                 gint64                    person_id)
{
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ACCORD_IS_AVAILABILITY_EDITOR (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
  self->person_id = person_id;
  clear_windows (self);
  slots = accord_store_get_weekly_availability (store, person_id, &error);
  if (slots == NULL)
    {
      g_debug ("No weekly pattern for person %" G_GINT64_FORMAT ": %s", person_id, error->message);
      return;
    }
  for (guint i = 0; i < slots->len; i++)
    {
      AccordWeeklySlot *slot = &g_array_index (slots, AccordWeeklySlot, i);

      accord_availability_editor_add_window (self, slot->weekday, slot->start_minute, slot->end_minute);
    }
  set_dirty (self, FALSE);
}

void
accord_availability_editor_add_window (AccordAvailabilityEditor *self,
                                       int                       weekday,
                                       int                       start_minute,
                                       int                       end_minute)
{
  GtkWidget *row;

  g_return_if_fail (ACCORD_IS_AVAILABILITY_EDITOR (self));
  g_return_if_fail (weekday >= 1 && weekday <= N_WEEKDAYS);

  row = window_row_new (weekday, start_minute, end_minute);
  g_signal_connect_object (g_object_get_data (G_OBJECT (row), "start"), "value-changed",
                           G_CALLBACK (on_window_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (g_object_get_data (G_OBJECT (row), "end"), "value-changed",
                           G_CALLBACK (on_window_changed_cb), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (self->days[weekday - 1], row);
  g_ptr_array_add (self->windows[weekday - 1], row);
  update_days (self);
  set_dirty (self, TRUE);
}

/* Returns: (transfer full): the windows as edited, AccordWeeklySlot */
GArray *
accord_availability_editor_get_slots (AccordAvailabilityEditor *self)
{
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (AccordWeeklySlot));

  g_return_val_if_fail (ACCORD_IS_AVAILABILITY_EDITOR (self), slots);

  for (int d = 0; d < N_WEEKDAYS; d++)
    for (guint i = 0; i < self->windows[d]->len; i++)
      {
        GObject *row = g_ptr_array_index (self->windows[d], i);
        AccordWeeklySlot slot;

        /* Take text typed but not yet committed with Enter. */
        gtk_spin_button_update (g_object_get_data (row, "start"));
        gtk_spin_button_update (g_object_get_data (row, "end"));
        slot = (AccordWeeklySlot) {
          d + 1,
          gtk_spin_button_get_value_as_int (g_object_get_data (row, "start")),
          gtk_spin_button_get_value_as_int (g_object_get_data (row, "end")),
        };

        g_array_append_val (slots, slot);
      }
  return slots;
}
