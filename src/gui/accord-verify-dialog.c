/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-verify-dialog"

#include <string.h>

#include <glib/gi18n.h>

#include "accord-booking-rows.h"
#include "accord-documents.h"
#include "accord-enums.h"
#include "accord-verify-dialog.h"

#define PDF_MAGIC "%PDF-"

/* The largest file read: Accord's documents, signed and with their fonts,
 * are a few hundred kilobytes; a bigger file is none of them and is not
 * read into memory. */
#define MAX_PDF_SIZE (20 * 1000 * 1000)

struct _AccordVerifyDialog
{
  AdwWindow                 parent_instance;

  AccordStore              *store;
  GCancellable             *cancellable;
  AccordVerifyVerdict       verdict;
  char                     *case_number;

  /* Template widgets */
  AdwWindowTitle           *window_title;
  GtkStack                 *stack;
  GtkSpinner               *spinner;
  GtkImage                 *status_icon;
  GtkLabel                 *status_label;
  GtkLabel                 *explanation_label;
  AdwPreferencesGroup      *details_group;
  GtkListBox               *details_list;
  AdwPreferencesGroup      *signatures_group;
  GtkListBox               *signatures_list;
};

enum {
  PROP_0,
  PROP_VERDICT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AccordVerifyDialog, accord_verify_dialog, ADW_TYPE_WINDOW)

/* Helpers ---------------------------------------------------------------- */

static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (value != NULL)
    {
      label = gtk_label_new (value);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_append (list, row);
  return row;
}

static void
set_verdict (AccordVerifyDialog  *self,
             AccordVerifyVerdict  verdict,
             const char          *icon,
             const char          *tone,
             const char          *title,
             const char          *explanation)
{
  const char *classes[] = { "title-1", tone, NULL };

  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_icon), (const char *[]) { tone, NULL });
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label), classes);
  gtk_label_set_text (self->status_label, title);
  gtk_label_set_text (self->explanation_label, explanation);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "result");

  self->verdict = verdict;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
}

static void
show_failure (AccordVerifyDialog *self,
              const char         *message)
{
  accord_list_box_remove_all (self->details_list);
  accord_list_box_remove_all (self->signatures_list);
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->signatures_group), FALSE);
  set_verdict (self, ACCORD_VERIFY_FAILED, "dialog-error-symbolic", "error", _("Cannot Verify This File"), message);
}

static char *
local_time (AccordVerifyDialog *self,
            gint64              instant)
{
  return instant > 0 ? accord_store_format_local (self->store, instant, "%Y-%m-%d %H:%M") : g_strdup ("—");
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "signed") == 0)
    return C_("document status", "Signed");
  if (g_strcmp0 (status, "void") == 0)
    return C_("document status", "Void");
  if (g_strcmp0 (status, "draft") == 0)
    return C_("document status", "Draft");
  return C_("document status", "Issued");
}

/* Who a signature box stands for: the petitioner or pool member by name,
 * else what the box is. */
static char *
signer_name (AccordVerifyDialog *self,
             const char         *key)
{
  g_autoptr(AccordCase) c = NULL;
  g_autoptr(AccordPerson) person = NULL;

  if (g_str_has_prefix (key, "petitioner:") && self->case_number != NULL
      && (c = accord_store_get_case (self->store, self->case_number, NULL)) != NULL)
    {
      GPtrArray *petitioners = accord_case_get_petitioners (c);
      guint64 index = g_ascii_strtoull (key + strlen ("petitioner:"), NULL, 10);

      if (petitioners != NULL && index < petitioners->len)
        return g_strdup (((AccordPetitioner *) g_ptr_array_index (petitioners, index))->name);
    }
  if (g_str_has_prefix (key, "person:")
      && (person = accord_store_get_person (self->store, g_ascii_strtoll (key + strlen ("person:"), NULL, 10),
                                            NULL)) != NULL)
    return g_strdup (person->name);
  if (g_str_equal (key, "officer"))
    return g_strdup (_("The bureau's officer"));
  if (g_str_equal (key, "unit"))
    return g_strdup (_("The responsible unit"));
  return g_strdup (key);
}

static const char *
role_label (const char *role)
{
  if (role != NULL && accord_vocab_has (ACCORD_VOCAB_SESSION_ROLE, role))
    return accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, role);
  return role != NULL ? role : "";
}

static void
fill_signatures (AccordVerifyDialog   *self,
                 const AccordDocument *d)
{
  guint n = d->signatures != NULL ? d->signatures->len : 0;

  accord_list_box_remove_all (self->signatures_list);
  for (guint i = 0; i < n; i++)
    {
      AccordSignature *s = g_ptr_array_index (d->signatures, i);
      g_autofree char *name = signer_name (self, s->signer);
      g_autofree char *when = local_time (self, s->signed_at);
      GtkWidget *row = add_row (self->signatures_list, name, when);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), role_label (s->role));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->signatures_group), n > 0);
}

static GtkWidget *
case_button (const char *number)
{
  GtkWidget *button = gtk_button_new_with_label (number);

  gtk_widget_set_name (button, "verify-case-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Open the Case"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "verify.show-case");
  return button;
}

static void
fill_details (AccordVerifyDialog   *self,
              const AccordDocument *d,
              gboolean              named_only)
{
  g_autofree char *issued = local_time (self, d->issued_at);
  GtkWidget *row;

  g_free (self->case_number);
  self->case_number = g_strdup (d->case_number);

  accord_list_box_remove_all (self->details_list);
  adw_preferences_group_set_title (self->details_group,
                                   named_only ? _("The Document the File Names") : _("Document"));
  add_row (self->details_list, _("Kind"), accord_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, d->kind));
  add_row (self->details_list, _("Number"), d->number != NULL ? d->number : "—");
  row = add_row (self->details_list, _("Case"), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), case_button (d->case_number));
  add_row (self->details_list, _("Status"), status_label (d->status));
  if (d->void_reason != NULL)
    add_row (self->details_list, _("Reason for voiding"), d->void_reason);
  add_row (self->details_list, _("Issued at"), issued);
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), TRUE);
  fill_signatures (self, d);
}

static const char *
copy_explanation (const AccordVerification *v)
{
  if (v->signed_copy)
    return _("This file is, byte for byte, the signed copy of a document this bureau issued.");
  if (v->document->signed_sha256 != NULL)
    return _("This file is, byte for byte, a document this bureau issued, as it was before signing; "
             "a signed copy exists.");
  return _("This file is, byte for byte, a document this bureau issued. It has not been signed.");
}

static void
show_verification (AccordVerifyDialog       *self,
                   const AccordVerification *v)
{
  g_autofree char *voided = NULL;

  if (v->document != NULL)
    fill_details (self, v->document, !v->authentic);
  else
    {
      g_clear_pointer (&self->case_number, g_free);
      gtk_widget_set_visible (GTK_WIDGET (self->details_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->signatures_group), FALSE);
    }

  if (v->authentic && g_strcmp0 (v->document->status, "void") == 0)
    {
      /* TRANSLATORS: %s is the reason given when the document was voided */
      voided = g_strdup_printf (_("This file is a document this bureau issued, unaltered, but it has been voided "
                                  "and is no longer valid: %s"), v->document->void_reason);
      set_verdict (self, ACCORD_VERIFY_VOIDED, "dialog-warning-symbolic", "warning", _("Voided"), voided);
    }
  else if (v->authentic)
    set_verdict (self, ACCORD_VERIFY_AUTHENTIC, "emblem-ok-symbolic", "success", _("Authentic and Unaltered"),
                 copy_explanation (v));
  else if (v->from_this_database && v->document != NULL)
    set_verdict (self, ACCORD_VERIFY_ALTERED, "dialog-error-symbolic", "error", _("Altered"),
                 _("This file names a document of this bureau, but it is not the PDF that was issued or "
                   "signed: it has been changed since. Do not rely on it; ask for the original."));
  else
    set_verdict (self, ACCORD_VERIFY_FOREIGN, "dialog-error-symbolic", "error", _("Not From This Bureau"),
                 _("This file is none of the documents this bureau issued or signed."));
}

static void
verify (AccordVerifyDialog *self,
        GBytes             *pdf)
{
  g_auto(AccordVerification) v = { 0 };
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (pdf, &length);

  if (length < strlen (PDF_MAGIC) || memcmp (data, PDF_MAGIC, strlen (PDF_MAGIC)) != 0)
    {
      show_failure (self, _("This file is not a PDF document."));
      return;
    }
  if (length > MAX_PDF_SIZE)
    {
      show_failure (self, _("This file is too large to be a document of this bureau."));
      return;
    }
  if (!accord_store_verify_pdf (self->store, pdf, &v, &error))
    {
      show_failure (self, error->message);
      return;
    }
  show_verification (self, &v);
}

static void
start_reading (AccordVerifyDialog *self,
               const char         *name)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  adw_window_title_set_subtitle (self->window_title, name != NULL ? name : "");
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "reading");
  self->verdict = ACCORD_VERIFY_READING;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
}

/* Callbacks -------------------------------------------------------------- */

static void
on_contents_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AccordVerifyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, error->message);
      return;
    }
  pdf = g_bytes_new_take (contents, length);
  verify (self, pdf);
}

/* The size is looked at before reading, so that a large file is refused
 * without being read. */
static void
on_info_queried_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AccordVerifyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, &error);

  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, error->message);
      return;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      show_failure (self, _("This is not a file that can be verified: choose a PDF document."));
      return;
    }
  if (g_file_info_get_size (info) > MAX_PDF_SIZE)
    {
      show_failure (self, _("This file is too large to be a document of this bureau."));
      return;
    }
  g_file_load_contents_async (G_FILE (source), self->cancellable, on_contents_loaded_cb, g_object_ref (self));
}

static void
show_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordVerifyDialog *self = ACCORD_VERIFY_DIALOG (widget);
  AccordWindow *window = accord_window_of (widget);
  g_autofree char *number = g_strdup (self->case_number);

  if (window == NULL || number == NULL)
    return;
  gtk_window_close (GTK_WINDOW (self));
  accord_window_show_case (window, number);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        AccordWindow    *window)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    accord_verify_dialog_open (window, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GFile *
dropped_file (const GValue *value)
{
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    return g_value_get_object (value);
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      GFile *first = files != NULL ? files->data : NULL;

      g_slist_free (files);
      return first;
    }
  return NULL;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            gpointer       user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GFile *file = dropped_file (value);

  if (file == NULL || !ACCORD_IS_WINDOW (widget))
    return FALSE;
  accord_verify_dialog_open (ACCORD_WINDOW (widget), file);
  return TRUE;
}

/* Overrides -------------------------------------------------------------- */

static void
accord_verify_dialog_dispose (GObject *object)
{
  AccordVerifyDialog *self = ACCORD_VERIFY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_VERIFY_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_verify_dialog_parent_class)->dispose (object);
}

static void
accord_verify_dialog_finalize (GObject *object)
{
  AccordVerifyDialog *self = ACCORD_VERIFY_DIALOG (object);

  g_free (self->case_number);

  G_OBJECT_CLASS (accord_verify_dialog_parent_class)->finalize (object);
}

static void
accord_verify_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AccordVerifyDialog *self = ACCORD_VERIFY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_VERDICT:
      g_value_set_int (value, self->verdict);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_verify_dialog_class_init (AccordVerifyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_verify_dialog_dispose;
  object_class->finalize = accord_verify_dialog_finalize;
  object_class->get_property = accord_verify_dialog_get_property;

  /* An AccordVerifyVerdict. */
  properties[PROP_VERDICT] =
    g_param_spec_int ("verdict", NULL, NULL,
                      ACCORD_VERIFY_READING, ACCORD_VERIFY_FAILED, ACCORD_VERIFY_READING,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-verify-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordVerifyDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AccordVerifyDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordVerifyDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordVerifyDialog, status_icon);
  gtk_widget_class_bind_template_child (widget_class, AccordVerifyDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AccordVerifyDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, AccordVerifyDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, AccordVerifyDialog, details_list);
  gtk_widget_class_bind_template_child (widget_class, AccordVerifyDialog, signatures_group);
  gtk_widget_class_bind_template_child (widget_class, AccordVerifyDialog, signatures_list);

  gtk_widget_class_install_action (widget_class, "verify.show-case", NULL, show_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_verify_dialog_init (AccordVerifyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API ------------------------------------------------------------- */

AccordVerifyDialog *
accord_verify_dialog_new (GtkWindow   *parent,
                          AccordStore *store)
{
  AccordVerifyDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  self = g_object_new (ACCORD_TYPE_VERIFY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* Reads @file without blocking the window, then shows what it is. */
void
accord_verify_dialog_verify_file (AccordVerifyDialog *self,
                                  GFile              *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (ACCORD_IS_VERIFY_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  start_reading (self, name);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, self->cancellable, on_info_queried_cb,
                           g_object_ref (self));
}

void
accord_verify_dialog_verify_bytes (AccordVerifyDialog *self,
                                   GBytes             *pdf,
                                   const char         *name)
{
  g_return_if_fail (ACCORD_IS_VERIFY_DIALOG (self));
  g_return_if_fail (pdf != NULL);

  start_reading (self, name);
  verify (self, pdf);
}

AccordVerifyVerdict
accord_verify_dialog_get_verdict (AccordVerifyDialog *self)
{
  g_return_val_if_fail (ACCORD_IS_VERIFY_DIALOG (self), ACCORD_VERIFY_READING);

  return self->verdict;
}

/* Returns: (transfer none): the dialog, shown over @window, verifying @file */
AccordVerifyDialog *
accord_verify_dialog_open (AccordWindow *window,
                           GFile        *file)
{
  AccordVerifyDialog *self;

  g_return_val_if_fail (ACCORD_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = accord_verify_dialog_new (GTK_WINDOW (window), accord_window_get_store (window));
  accord_verify_dialog_verify_file (self, file);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/* Asks for a PDF, then verifies it. */
void
accord_verify_dialog_choose (AccordWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdfs = gtk_file_filter_new ();

  g_return_if_fail (ACCORD_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Verify Document"), GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Verify"), _("_Cancel"));
  gtk_file_filter_set_name (pdfs, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdfs, "application/pdf");
  gtk_file_filter_add_suffix (pdfs, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdfs);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Returns: (transfer full): for the main window: a file dropped on it is
 * verified */
GtkEventController *
accord_verify_drop_target_new (void)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), NULL);
  return GTK_EVENT_CONTROLLER (target);
}
