/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-case-editor"

#include <glib/gi18n.h>
#include <string.h>

#include "accord-case-editor.h"
#include "accord-enums.h"
#include "accord-petitioner-form.h"
#include "accord-validate.h"

/* The form for a new case.  Save stays insensitive while something is
 * wrong, and each field that is wrong says why; saving is one store call,
 * and a refusal from the store is shown without closing the form. */

struct _AccordCaseEditor
{
  AdwWindow            parent_instance;

  AccordStore         *store;
  GtkWidget           *flag_switches[ACCORD_CASE_N_FLAGS];
  gboolean             title_touched;

  /* Template widgets */
  GtkWidget           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwEntryRow         *title_row;
  AdwComboRow         *category_row;
  AdwComboRow         *channel_row;
  AdwEntryRow         *received_row;
  GtkLabel            *particulars_errors;
  GtkTextView         *summary_view;
  AdwPreferencesGroup *flags_group;
  GtkBox              *petitioners_box;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AccordCaseEditor, accord_case_editor, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The received date must be a real date, and not a day still to come. */
static gboolean
check_received (AccordCaseEditor  *self,
                GError           **error)
{
  g_autofree char *today = accord_store_today (self->store);

  return accord_validate_received_on (text_of (self->received_row), today, error);
}

static gboolean
check_title (AccordCaseEditor  *self,
             GError           **error)
{
  return accord_validate_text (_("Title"), text_of (self->title_row), ACCORD_TITLE_MAX_CHARS, TRUE, error);
}

static void
show_field_error (GString     *messages,
                  GtkWidget   *row,
                  gboolean     valid,
                  gboolean     shown,
                  GError      *error)
{
  if (!valid && shown)
    {
      g_string_append_printf (messages, "%s%s", messages->len > 0 ? "\n" : "", error->message);
      gtk_widget_add_css_class (row, "error");
    }
  else
    gtk_widget_remove_css_class (row, "error");
}

/* Returns: whether the case's own fields are valid */
static gboolean
update_particulars_errors (AccordCaseEditor *self)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(GError) title_error = NULL;
  g_autoptr(GError) received_error = NULL;
  gboolean title_ok = check_title (self, &title_error);
  gboolean received_ok = check_received (self, &received_error);

  show_field_error (messages, GTK_WIDGET (self->title_row), title_ok, self->title_touched, title_error);
  show_field_error (messages, GTK_WIDGET (self->received_row), received_ok, TRUE, received_error);
  gtk_label_set_text (self->particulars_errors, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->particulars_errors), messages->len > 0);

  return title_ok && received_ok;
}

static gboolean
petitioners_valid (AccordCaseEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->petitioners_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!accord_petitioner_form_is_valid (ACCORD_PETITIONER_FORM (child)))
      return FALSE;

  return TRUE;
}

static void
update_actions (AccordCaseEditor *self)
{
  gboolean valid = update_particulars_errors (self);

  valid = petitioners_valid (self) && valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
}

/* Petitioners are numbered as they stand; only a second one can go. */
static void
renumber_petitioners (AccordCaseEditor *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->petitioners_box));
  gboolean several = first != NULL && gtk_widget_get_next_sibling (first) != NULL;
  guint n = 1;

  for (GtkWidget *child = first; child != NULL; child = gtk_widget_get_next_sibling (child), n++)
    {
      g_autofree char *title = g_strdup_printf (_("Petitioner %u"), n);

      accord_petitioner_form_set_title (ACCORD_PETITIONER_FORM (child), title);
      accord_petitioner_form_set_removable (ACCORD_PETITIONER_FORM (child), several);
    }
}

static void
on_petitioner_changed_cb (AccordCaseEditor *self)
{
  update_actions (self);
}

static void
on_petitioner_remove_cb (AccordCaseEditor     *self,
                         AccordPetitionerForm *form)
{
  gtk_box_remove (self->petitioners_box, GTK_WIDGET (form));
  renumber_petitioners (self);
  update_actions (self);
}

static GtkWidget *
add_petitioner (AccordCaseEditor *self)
{
  GtkWidget *form = accord_petitioner_form_new ();

  g_signal_connect_object (form, "changed", G_CALLBACK (on_petitioner_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (form, "remove", G_CALLBACK (on_petitioner_remove_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->petitioners_box, form);
  renumber_petitioners (self);
  update_actions (self);
  return form;
}

static void
on_particulars_changed_cb (AccordCaseEditor *self,
                           GtkEditable      *row)
{
  if (row == GTK_EDITABLE (self->title_row))
    self->title_touched = TRUE;
  update_actions (self);
}

/* Saving ----------------------------------------------------------------- */

static char *
summary_text (AccordCaseEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
combo_code (AdwComboRow        *row,
            const char * const *codes)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected != GTK_INVALID_LIST_POSITION ? codes[selected] : NULL;
}

static void
show_store_error (AccordCaseEditor *self,
                  const GError     *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordCaseEditor *self = ACCORD_CASE_EDITOR (widget);
  g_autoptr(GArray) petitioners = g_array_new (FALSE, TRUE, sizeof (AccordPetitionerInput));
  g_autofree char *summary = summary_text (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) saved = NULL;
  AccordCaseInput input = { 0 };

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->petitioners_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AccordPetitionerInput p = { 0 };

      accord_petitioner_form_get_input (ACCORD_PETITIONER_FORM (child), &p);
      g_array_append_val (petitioners, p);
    }

  input.title = text_of (self->title_row);
  input.summary = summary;
  input.category = combo_code (self->category_row, accord_default_categories ());
  input.channel = combo_code (self->channel_row, accord_vocab_codes (ACCORD_VOCAB_CHANNEL));
  input.received_on = text_of (self->received_row);
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    input.flags[i] = gtk_switch_get_active (GTK_SWITCH (self->flag_switches[i]));
  input.petitioners = (const AccordPetitionerInput *) petitioners->data;
  input.n_petitioners = petitioners->len;

  if ((saved = accord_store_add_case (self->store, &input, &error)) == NULL)
    {
      show_store_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, accord_case_get_number (saved));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_petitioner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordCaseEditor *self = ACCORD_CASE_EDITOR (widget);
  GtkWidget *form = add_petitioner (self);

  gtk_widget_grab_focus (form);
  gtk_widget_child_focus (form, GTK_DIR_TAB_FORWARD);
}

/* Setup ------------------------------------------------------------------ */

static void
fill_combo (AdwComboRow        *row,
            AccordVocab         vocab,
            const char * const *codes)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, vocab < ACCORD_N_VOCABS ? accord_vocab_label (vocab, codes[i]) : codes[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
setup_flags (AccordCaseEditor *self)
{
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), accord_case_flag_label (i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->flags_group, row);
      self->flag_switches[i] = toggle;
    }
}

static void
accord_case_editor_dispose (GObject *object)
{
  AccordCaseEditor *self = ACCORD_CASE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_CASE_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_case_editor_parent_class)->dispose (object);
}

static void
accord_case_editor_class_init (AccordCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_case_editor_dispose;

  /* The case was saved; its number is the argument. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ACCORD_TYPE_PETITIONER_FORM);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-case-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, received_row);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, particulars_errors);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, flags_group);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseEditor, petitioners_box);
  gtk_widget_class_bind_template_callback (widget_class, on_particulars_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-petitioner", NULL, add_petitioner_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
accord_case_editor_init (AccordCaseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_combo (self->category_row, ACCORD_N_VOCABS, accord_default_categories ());
  fill_combo (self->channel_row, ACCORD_VOCAB_CHANNEL, accord_vocab_codes (ACCORD_VOCAB_CHANNEL));
  setup_flags (self);
}

AccordCaseEditor *
accord_case_editor_new (AccordStore *store,
                        GtkWindow   *parent)
{
  AccordCaseEditor *self;
  g_autofree char *today = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  self = g_object_new (ACCORD_TYPE_CASE_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  today = accord_store_today (store);
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), today);
  add_petitioner (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}
