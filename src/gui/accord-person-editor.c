/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-person-editor"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-person-editor.h"
#include "accord-validate.h"
#include "accord-window.h"

struct _AccordPersonEditor
{
  AdwWindow     parent_instance;

  AccordStore  *store;
  /* Whether Add was pressed once: from then on every field says at once
   * what is wrong with it, not only the phone. */
  gboolean      tried;

  /* Template widgets */
  AdwEntryRow  *name_row;
  AdwEntryRow  *organisation_row;
  AdwEntryRow  *phone_row;
  GtkLabel     *details_error;
  GtkFlowBox   *roles_box;
  GtkLabel     *roles_error;
};

G_DEFINE_FINAL_TYPE (AccordPersonEditor, accord_person_editor, ADW_TYPE_WINDOW)

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Marks @row and adds its message to @messages; TRUE when it is valid. */
static gboolean
mark_row (AdwEntryRow *row,
          GError      *error,
          GString     *messages)
{
  if (error == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  g_string_append_printf (messages, "%s%s", messages->len > 0 ? "\n" : "", error->message);
  return FALSE;
}

static GPtrArray *
checked_roles (AccordPersonEditor *self)
{
  GPtrArray *roles = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->roles_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_ptr_array_add (roles, g_object_get_data (G_OBJECT (check), "role"));
    }
  g_ptr_array_add (roles, NULL);
  return roles;
}

/* The same checks core makes, run as the coordinator types so that the
 * form explains what is wrong before anything is saved.  The phone is
 * checked as soon as there is one; the rest after the first Add. */
static gboolean
validate (AccordPersonEditor *self)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) organisation_error = NULL;
  g_autoptr(GError) phone_error = NULL;
  g_autoptr(GPtrArray) roles = checked_roles (self);
  gboolean ok = TRUE;

  if (self->tried)
    accord_validate_text (_("Name"), row_text (self->name_row), ACCORD_NAME_MAX_CHARS, TRUE, &name_error);
  accord_validate_text (_("Organisation"), row_text (self->organisation_row),
                        ACCORD_TITLE_MAX_CHARS, FALSE, &organisation_error);
  if (*row_text (self->phone_row) != '\0')
    accord_validate_phone (row_text (self->phone_row), &phone_error);

  ok &= mark_row (self->name_row, name_error, messages);
  ok &= mark_row (self->organisation_row, organisation_error, messages);
  ok &= mark_row (self->phone_row, phone_error, messages);
  show_error (self->details_error, messages->len > 0 ? messages->str : NULL);

  if (self->tried && roles->len == 1)
    {
      show_error (self->roles_error, _("Choose at least one role"));
      ok = FALSE;
    }
  else
    show_error (self->roles_error, NULL);
  return ok && self->tried;
}

static void
on_field_changed_cb (AccordPersonEditor *self)
{
  validate (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AccordPersonEditor *self = ACCORD_PERSON_EDITOR (widget);
  g_autoptr(GPtrArray) roles = checked_roles (self);
  AccordPersonInput input = { row_text (self->name_row), (const char * const *) roles->pdata,
                              row_text (self->organisation_row), row_text (self->phone_row) };
  g_autoptr(AccordPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  AccordWindow *window = accord_window_of (widget);

  self->tried = TRUE;
  if (!validate (self))
    return;

  person = accord_store_add_person (self->store, &input, &error);
  if (person == NULL)
    {
      show_error (self->details_error, error->message);
      return;
    }
  if (window != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s added to the pool"), person->name);

      accord_window_add_toast (window, adw_toast_new (text));
      accord_window_data_changed (window);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_role_toggled_cb (AccordPersonEditor *self)
{
  validate (self);
}

static void
build_roles (AccordPersonEditor *self)
{
  const char * const *codes = accord_vocab_codes (ACCORD_VOCAB_PERSON_ROLE);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (accord_vocab_label (ACCORD_VOCAB_PERSON_ROLE, codes[i]));

      gtk_widget_set_name (check, codes[i]);
      g_object_set_data (G_OBJECT (check), "role", (gpointer) codes[i]);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_role_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->roles_box, check);
    }
}

static void
accord_person_editor_dispose (GObject *object)
{
  AccordPersonEditor *self = ACCORD_PERSON_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_PERSON_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_person_editor_parent_class)->dispose (object);
}

static void
accord_person_editor_class_init (AccordPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_person_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonEditor, roles_box);
  gtk_widget_class_bind_template_child (widget_class, AccordPersonEditor, roles_error);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "person-editor.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_person_editor_init (AccordPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_roles (self);
}

AccordPersonEditor *
accord_person_editor_new (GtkWindow   *parent,
                          AccordStore *store)
{
  AccordPersonEditor *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  self = g_object_new (ACCORD_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}
