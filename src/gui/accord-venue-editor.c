/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-venue-editor"

#include <glib/gi18n.h>

#include "accord-validate.h"
#include "accord-venue-editor.h"
#include "accord-window.h"

struct _AccordVenueEditor
{
  AdwWindow      parent_instance;

  AccordStore   *store;
  gboolean       tried;

  /* Template widgets */
  AdwEntryRow   *name_row;
  GtkSpinButton *capacity_spin;
  AdwEntryRow   *address_row;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (AccordVenueEditor, accord_venue_editor, ADW_TYPE_WINDOW)

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
mark (GtkWidget *row,
      GError    *error)
{
  if (error != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* The checks core makes, so that the form explains before saving; the
 * name is required only once Add was pressed. */
static gboolean
validate (AccordVenueEditor *self)
{
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) address_error = NULL;
  GError *first;

  if (self->tried)
    accord_validate_text (_("Name"), row_text (self->name_row), ACCORD_NAME_MAX_CHARS, TRUE, &name_error);
  accord_validate_text (_("Address"), row_text (self->address_row), ACCORD_TITLE_MAX_CHARS, FALSE, &address_error);
  mark (GTK_WIDGET (self->name_row), name_error);
  mark (GTK_WIDGET (self->address_row), address_error);

  first = name_error != NULL ? name_error : address_error;
  gtk_label_set_text (self->error_label, first != NULL ? first->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), first != NULL);
  return first == NULL && self->tried;
}

static void
on_field_changed_cb (AccordVenueEditor *self)
{
  validate (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AccordVenueEditor *self = ACCORD_VENUE_EDITOR (widget);
  AccordWindow *window = accord_window_of (widget);
  g_autoptr(AccordVenue) venue = NULL;
  g_autoptr(GError) error = NULL;

  self->tried = TRUE;
  gtk_spin_button_update (self->capacity_spin);
  if (!validate (self))
    return;

  venue = accord_store_add_venue (self->store, row_text (self->name_row),
                                  gtk_spin_button_get_value_as_int (self->capacity_spin),
                                  row_text (self->address_row), &error);
  if (venue == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  if (window != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Venue %s added"), venue->name);

      accord_window_add_toast (window, adw_toast_new (text));
      accord_window_data_changed (window);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
accord_venue_editor_dispose (GObject *object)
{
  AccordVenueEditor *self = ACCORD_VENUE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_VENUE_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_venue_editor_parent_class)->dispose (object);
}

static void
accord_venue_editor_class_init (AccordVenueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_venue_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-venue-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordVenueEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AccordVenueEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, AccordVenueEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, AccordVenueEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "venue-editor.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_venue_editor_init (AccordVenueEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AccordVenueEditor *
accord_venue_editor_new (GtkWindow   *parent,
                         AccordStore *store)
{
  AccordVenueEditor *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  self = g_object_new (ACCORD_TYPE_VENUE_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}
