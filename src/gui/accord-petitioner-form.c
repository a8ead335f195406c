/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-petitioner-form"

#include <glib/gi18n.h>

#include "accord-petitioner-form.h"
#include "accord-validate.h"

/* One petitioner of a new case: name, ID number, phone and address, each
 * checked as it is typed with core's validators, so that what is wrong is
 * said before saving.  A field shows its error once it has been edited. */

typedef enum
{
  FIELD_NAME,
  FIELD_ID_NUMBER,
  FIELD_PHONE,
  FIELD_ADDRESS,
  N_FIELDS
} Field;

struct _AccordPetitionerForm
{
  AdwBin               parent_instance;

  gboolean             touched[N_FIELDS];
  char                *id_number;   /* normalized, for the input */

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkWidget           *remove_button;
  AdwEntryRow         *name_row;
  AdwEntryRow         *id_number_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *address_row;
  GtkLabel            *errors_label;
};

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AccordPetitionerForm, accord_petitioner_form, ADW_TYPE_BIN)

static AdwEntryRow *
row_of (AccordPetitionerForm *self,
        Field                 field)
{
  AdwEntryRow *rows[N_FIELDS] = { self->name_row, self->id_number_row, self->phone_row, self->address_row };

  return rows[field];
}

static const char *
text_of (AccordPetitionerForm *self,
         Field                 field)
{
  return gtk_editable_get_text (GTK_EDITABLE (row_of (self, field)));
}

static gboolean
check (AccordPetitionerForm  *self,
       Field                  field,
       GError               **error)
{
  g_autofree char *id_number = NULL;

  switch (field)
    {
    case FIELD_NAME:
      return accord_validate_text (_("Petitioner name"), text_of (self, field), ACCORD_NAME_MAX_CHARS, TRUE, error);
    case FIELD_ID_NUMBER:
      id_number = accord_normalize_id_number (text_of (self, field));
      return accord_validate_id_number (id_number, error);
    case FIELD_PHONE:
      return accord_validate_phone (text_of (self, field), error);
    case FIELD_ADDRESS:
    case N_FIELDS:
    default:
      return accord_validate_text (_("Address"), text_of (self, field), ACCORD_TITLE_MAX_CHARS, FALSE, error);
    }
}

static void
update_errors (AccordPetitionerForm *self)
{
  g_autoptr(GString) messages = g_string_new (NULL);

  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autoptr(GError) error = NULL;
      gboolean shown = !check (self, f, &error) && self->touched[f];

      if (shown)
        g_string_append_printf (messages, "%s%s", messages->len > 0 ? "\n" : "", error->message);
      if (shown)
        gtk_widget_add_css_class (GTK_WIDGET (row_of (self, f)), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row_of (self, f)), "error");
    }

  gtk_label_set_text (self->errors_label, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), messages->len > 0);
}

static void
on_row_changed_cb (AccordPetitionerForm *self,
                   GtkEditable          *row)
{
  for (Field f = 0; f < N_FIELDS; f++)
    if (GTK_EDITABLE (row_of (self, f)) == row)
      self->touched[f] = TRUE;

  update_errors (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked_cb (AccordPetitionerForm *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
accord_petitioner_form_dispose (GObject *object)
{
  AccordPetitionerForm *self = ACCORD_PETITIONER_FORM (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_PETITIONER_FORM);

  G_OBJECT_CLASS (accord_petitioner_form_parent_class)->dispose (object);
}

static void
accord_petitioner_form_finalize (GObject *object)
{
  AccordPetitionerForm *self = ACCORD_PETITIONER_FORM (object);

  g_free (self->id_number);

  G_OBJECT_CLASS (accord_petitioner_form_parent_class)->finalize (object);
}

static void
accord_petitioner_form_class_init (AccordPetitionerFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_petitioner_form_dispose;
  object_class->finalize = accord_petitioner_form_finalize;

  /* A field was edited: the form may have become valid or invalid. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The coordinator asked to take this petitioner off the case. */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-petitioner-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordPetitionerForm, group);
  gtk_widget_class_bind_template_child (widget_class, AccordPetitionerForm, remove_button);
  gtk_widget_class_bind_template_child (widget_class, AccordPetitionerForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPetitionerForm, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPetitionerForm, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPetitionerForm, address_row);
  gtk_widget_class_bind_template_child (widget_class, AccordPetitionerForm, errors_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
accord_petitioner_form_init (AccordPetitionerForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accord_petitioner_form_new (void)
{
  return g_object_new (ACCORD_TYPE_PETITIONER_FORM, NULL);
}

void
accord_petitioner_form_set_title (AccordPetitionerForm *self,
                                  const char           *title)
{
  g_return_if_fail (ACCORD_IS_PETITIONER_FORM (self));

  adw_preferences_group_set_title (self->group, title);
}

/* The last petitioner of a case stays: a case needs one. */
void
accord_petitioner_form_set_removable (AccordPetitionerForm *self,
                                      gboolean              removable)
{
  g_return_if_fail (ACCORD_IS_PETITIONER_FORM (self));

  gtk_widget_set_visible (self->remove_button, removable);
}

gboolean
accord_petitioner_form_is_valid (AccordPetitionerForm *self)
{
  g_return_val_if_fail (ACCORD_IS_PETITIONER_FORM (self), FALSE);

  for (Field f = 0; f < N_FIELDS; f++)
    if (!check (self, f, NULL))
      return FALSE;

  return TRUE;
}

/* Fills @input with the form's texts; they stay valid until the form
 * changes. */
void
accord_petitioner_form_get_input (AccordPetitionerForm  *self,
                                  AccordPetitionerInput *input)
{
  g_return_if_fail (ACCORD_IS_PETITIONER_FORM (self));
  g_return_if_fail (input != NULL);

  g_free (self->id_number);
  self->id_number = accord_normalize_id_number (text_of (self, FIELD_ID_NUMBER));
  input->name = text_of (self, FIELD_NAME);
  input->id_number = self->id_number;
  input->phone = text_of (self, FIELD_PHONE);
  input->address = text_of (self, FIELD_ADDRESS);
}
