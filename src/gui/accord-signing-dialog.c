/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-signing-dialog"

#include <glib/gi18n.h>

#include "accord-doc-render.h"
#include "accord-documents.h"
#include "accord-enums.h"
#include "accord-signature-pad.h"
#include "accord-signing-dialog.h"
#include "accord-window.h"

/* Signing an issued document on screen: every signature box of the
 * document, whether it has been signed, and a pad for the next one.  The
 * boxes are those of the document as drawn (its layout), so the list
 * cannot differ from the PDF; core writes each signature and the signed
 * PDF together. */

typedef struct
{
  char       *key;
  char       *role;
  char       *name;
  double      width;    /* the box, in points */
  double      height;
  AdwActionRow *row;
  GtkImage   *icon;
} Signer;

struct _AccordSigningDialog
{
  AdwWindow             parent_instance;

  AccordStore          *store;
  AccordDocument       *document;
  char                 *language;
  GPtrArray            *signers;    /* Signer */
  int                   current;    /* index in signers; -1: none left */
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkLabel             *next_label;
  AccordSignaturePad   *pad;
  GtkWidget            *sign_button;
  GtkLabel             *error_label;
  GtkLabel             *closed_label;
  AdwPreferencesGroup  *signers_group;
};

G_DEFINE_FINAL_TYPE (AccordSigningDialog, accord_signing_dialog, ADW_TYPE_WINDOW)

static void
signer_free (gpointer data)
{
  Signer *signer = data;

  g_free (signer->key);
  g_free (signer->role);
  g_free (signer->name);
  g_free (signer);
}

/* Helpers --------------------------------------------------------------------- */

/* "信访人 张三", or the role alone for a box whose name is left blank. */
static char *
signer_title (const Signer *signer)
{
  if (*signer->name == '\0')
    return g_strdup (*signer->role != '\0' ? signer->role : signer->key);
  if (*signer->role == '\0')
    return g_strdup (signer->name);
  /* TRANSLATORS: a signer: their role on the document, then their name, e.g. "信访人 张三" */
  return g_strdup_printf (C_("signer", "%s %s"), signer->role, signer->name);
}

static const AccordSignature *
signature_of (AccordSigningDialog *self,
              const char          *key)
{
  for (guint i = 0; i < self->document->signatures->len; i++)
    {
      const AccordSignature *s = g_ptr_array_index (self->document->signatures, i);

      if (g_strcmp0 (s->signer, key) == 0)
        return s;
    }
  return NULL;
}

static gboolean
can_sign (AccordSigningDialog *self)
{
  const char *status = self->document->status;

  return g_strcmp0 (status, "issued") == 0 || g_strcmp0 (status, "signed") == 0;
}

/* The current signer if still unsigned, else the first unsigned one. */
static int
next_signer (AccordSigningDialog *self)
{
  if (self->current >= 0 && (guint) self->current < self->signers->len &&
      signature_of (self, ((Signer *) g_ptr_array_index (self->signers, self->current))->key) == NULL)
    return self->current;
  for (guint i = 0; i < self->signers->len; i++)
    if (signature_of (self, ((Signer *) g_ptr_array_index (self->signers, i))->key) == NULL)
      return (int) i;
  return -1;
}

static void
show_error (AccordSigningDialog *self,
            const GError        *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
update_actions (AccordSigningDialog *self)
{
  gboolean signing = self->current >= 0 && can_sign (self);
  gboolean empty = accord_signature_pad_is_empty (self->pad);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signing.sign", signing && !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signing.undo", signing && !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signing.redo",
                                 signing && accord_signature_pad_can_redo (self->pad));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signing.clear", signing && !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signing.save", g_strcmp0 (self->document->status, "signed") == 0);
  gtk_widget_set_visible (self->sign_button, signing);
}

static void
update_row (AccordSigningDialog *self,
            guint                index)
{
  Signer *signer = g_ptr_array_index (self->signers, index);
  const AccordSignature *signature = signature_of (self, signer->key);
  g_autofree char *subtitle = NULL;

  if (signature != NULL)
    {
      g_autofree char *when = accord_store_format_local (self->store, signature->signed_at, "%Y-%m-%d %H:%M");

      /* TRANSLATORS: %s is a date and time, e.g. "2026-12-04 14:30" */
      subtitle = g_strdup_printf (_("Signed on %s"), when);
      gtk_image_set_from_icon_name (signer->icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (signer->icon), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (signer->icon), "accent");
    }
  else
    {
      gboolean next = (int) index == self->current && can_sign (self);

      subtitle = g_strdup (next ? _("Signs now") : _("Not signed yet"));
      if (next)
        gtk_image_set_from_icon_name (signer->icon, "document-edit-symbolic");
      else
        gtk_image_clear (signer->icon);
      gtk_widget_remove_css_class (GTK_WIDGET (signer->icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (signer->icon), "accent");
    }
  adw_action_row_set_subtitle (signer->row, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (signer->row), signature == NULL && can_sign (self));
}

static void
update_closed (AccordSigningDialog *self)
{
  const char *status = self->document->status;
  const char *text;

  if (g_strcmp0 (status, "void") == 0)
    text = _("The document was voided; a voided document is not signed.");
  else if (g_strcmp0 (status, "draft") == 0)
    text = _("Only an issued document can be signed: issue it first.");
  else
    text = _("The document has no signature boxes.");
  gtk_label_set_text (self->closed_label, text);
}

/* Shows where signing stands: each signer's state, and the pad for the
 * next one, or that everyone has signed. */
static void
refresh (AccordSigningDialog *self)
{
  g_autofree char *next = NULL;
  Signer *signer;

  self->current = next_signer (self);
  for (guint i = 0; i < self->signers->len; i++)
    update_row (self, i);

  if (!can_sign (self) || self->signers->len == 0)
    {
      update_closed (self);
      gtk_stack_set_visible_child_name (self->stack, "closed");
    }
  else if (self->current < 0)
    gtk_stack_set_visible_child_name (self->stack, "done");
  else
    {
      g_autofree char *title = NULL;

      signer = g_ptr_array_index (self->signers, self->current);
      title = signer_title (signer);
      /* TRANSLATORS: whose signature the pad takes, e.g. "Next: 信访人 张三" */
      next = g_strdup_printf (_("Next: %s"), title);
      gtk_label_set_text (self->next_label, next);
      accord_signature_pad_set_box_size (self->pad, signer->width, signer->height);
      gtk_stack_set_visible_child_name (self->stack, "pad");
    }
  update_actions (self);
}

static void
set_subtitle (AccordSigningDialog *self)
{
  const char *kind = accord_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, self->document->kind);
  g_autofree char *subtitle = NULL;

  if (self->document->number != NULL)
    /* TRANSLATORS: the document's kind and number, e.g. "息诉罢访承诺书 朝信〔2026〕12号" */
    subtitle = g_strdup_printf (C_("document title", "%s %s"), kind, self->document->number);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : kind);
}

static void
add_rows (AccordSigningDialog *self)
{
  for (guint i = 0; i < self->signers->len; i++)
    {
      Signer *signer = g_ptr_array_index (self->signers, i);
      g_autofree char *title = signer_title (signer);

      signer->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (signer->row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (signer->row), FALSE);
      signer->icon = GTK_IMAGE (gtk_image_new ());
      adw_action_row_add_suffix (signer->row, GTK_WIDGET (signer->icon));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (signer->row), "signing.choose");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (signer->row), "u", i);
      adw_preferences_group_add (self->signers_group, GTK_WIDGET (signer->row));
    }
}

/* The signature boxes of the document as the store draws it. */
static gboolean
load (AccordSigningDialog  *self,
      gint64                document_id,
      GError              **error)
{
  g_autoptr(JsonObject) content = NULL;
  g_autoptr(JsonObject) strokes = NULL;
  g_autoptr(AccordDocLayout) layout = NULL;
  g_autofree char *hash = NULL;
  GPtrArray *boxes;

  if ((self->document = accord_store_get_document (self->store, document_id, error)) == NULL)
    return FALSE;
  self->language = accord_store_get_setting (self->store, "document_language", "zh_CN");
  if (can_sign (self))
    {
      if (!accord_store_document_drawing (self->store, document_id, &content, &hash, &strokes, error) ||
          (layout = accord_doc_render_layout (content, self->document->public_id, hash, strokes, self->language,
                                              error)) == NULL)
        return FALSE;
      boxes = accord_doc_layout_get_signers (layout);
      for (guint i = 0; i < boxes->len; i++)
        {
          const AccordDocSigner *box = g_ptr_array_index (boxes, i);
          Signer *signer = g_new0 (Signer, 1);

          signer->key = g_strdup (box->key);
          signer->role = g_strdup (box->role);
          signer->name = g_strdup (box->name);
          signer->width = box->width;
          signer->height = box->height;
          g_ptr_array_add (self->signers, signer);
        }
    }
  set_subtitle (self);
  add_rows (self);
  refresh (self);
  return TRUE;
}

static void
save_pdf (AccordSigningDialog *self,
          GFile               *file)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if ((pdf = accord_store_document_pdf (self->store, self->document->id, &error)) == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE, NULL, NULL, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Signed PDF"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  name = g_file_get_basename (file);
  /* TRANSLATORS: %s is a file name */
  text = g_strdup_printf (_("Saved the signed document as %s"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* After a refusal: someone may have signed or voided the document
 * meanwhile, and the list shows it.  The handwriting stays on the pad
 * while it is still the same signer's turn. */
static void
reload (AccordSigningDialog *self)
{
  AccordDocument *now = accord_store_get_document (self->store, self->document->id, NULL);
  int before = self->current;

  if (now == NULL)
    return;
  accord_document_free (self->document);
  self->document = now;
  refresh (self);
  if (self->current != before)
    accord_signature_pad_clear (self->pad);
}

/* Callbacks ------------------------------------------------------------------- */

static void
on_pad_changed_cb (AccordSigningDialog *self)
{
  update_actions (self);
}

static void
on_save_response_cb (AccordSigningDialog  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    save_pdf (self, file);
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordSigningDialog *self = ACCORD_SIGNING_DIALOG (widget);
  g_autofree char *strokes = accord_signature_pad_get_strokes (self->pad);
  g_autoptr(AccordDocument) signed_doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  AccordWindow *window;
  Signer *signer;

  if (self->current < 0 || strokes == NULL)
    return;
  signer = g_ptr_array_index (self->signers, self->current);
  signed_doc = accord_store_sign_document (self->store, self->document->id, signer->key,
                                           *signer->role != '\0' ? signer->role : signer->key, strokes,
                                           accord_doc_render, self->language, &error);
  if (signed_doc == NULL)
    {
      show_error (self, error);
      reload (self);
      return;
    }

  accord_document_free (self->document);
  self->document = g_steal_pointer (&signed_doc);
  show_error (self, NULL);
  accord_signature_pad_clear (self->pad);
  title = signer_title (signer);
  /* TRANSLATORS: %s is a signer, e.g. "信访人 张三" */
  text = g_strdup_printf (_("Signed by %s"), title);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  refresh (self);
  if ((window = accord_window_of (widget)) != NULL)
    accord_window_data_changed (window);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordSigningDialog *self = ACCORD_SIGNING_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index >= self->signers->len || (int) index == self->current || !can_sign (self) ||
      signature_of (self, ((Signer *) g_ptr_array_index (self->signers, index))->key) != NULL)
    return;
  /* Handwriting is for one box: another signer starts on a clean pad. */
  accord_signature_pad_clear (self->pad);
  show_error (self, NULL);
  self->current = (int) index;
  refresh (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accord_signature_pad_undo (ACCORD_SIGNING_DIALOG (widget)->pad);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accord_signature_pad_redo (ACCORD_SIGNING_DIALOG (widget)->pad);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  accord_signature_pad_clear (ACCORD_SIGNING_DIALOG (widget)->pad);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordSigningDialog *self = ACCORD_SIGNING_DIALOG (widget);
  const char *kind = accord_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, self->document->kind);
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;
  /* TRANSLATORS: the suggested file name of a signed document; %s is its kind */
  name = g_strdup_printf (_("%s (signed).pdf"), kind);
  self->chooser = gtk_file_chooser_native_new (_("Save Signed PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Overrides ------------------------------------------------------------------- */

static void
accord_signing_dialog_dispose (GObject *object)
{
  AccordSigningDialog *self = ACCORD_SIGNING_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_SIGNING_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_signing_dialog_parent_class)->dispose (object);
}

static void
accord_signing_dialog_finalize (GObject *object)
{
  AccordSigningDialog *self = ACCORD_SIGNING_DIALOG (object);

  g_clear_pointer (&self->document, accord_document_free);
  g_ptr_array_unref (self->signers);
  g_free (self->language);

  G_OBJECT_CLASS (accord_signing_dialog_parent_class)->finalize (object);
}

static void
accord_signing_dialog_class_init (AccordSigningDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_signing_dialog_dispose;
  object_class->finalize = accord_signing_dialog_finalize;

  g_type_ensure (ACCORD_TYPE_SIGNATURE_PAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-signing-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordSigningDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AccordSigningDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordSigningDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordSigningDialog, next_label);
  gtk_widget_class_bind_template_child (widget_class, AccordSigningDialog, pad);
  gtk_widget_class_bind_template_child (widget_class, AccordSigningDialog, sign_button);
  gtk_widget_class_bind_template_child (widget_class, AccordSigningDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AccordSigningDialog, closed_label);
  gtk_widget_class_bind_template_child (widget_class, AccordSigningDialog, signers_group);

  gtk_widget_class_install_action (widget_class, "signing.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "signing.choose", "u", choose_action);
  gtk_widget_class_install_action (widget_class, "signing.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "signing.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "signing.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "signing.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "signing.sign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "signing.sign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "signing.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "signing.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "signing.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accord_signing_dialog_init (AccordSigningDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->signers = g_ptr_array_new_with_free_func (signer_free);
  self->current = -1;
  g_signal_connect_object (self->pad, "notify::empty", G_CALLBACK (on_pad_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pad, "notify::can-redo", G_CALLBACK (on_pad_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API ------------------------------------------------------------------ */

/**
 * accord_signing_dialog_present:
 * @parent: (nullable): the window the dialog is for
 *
 * Opens the signing dialog on an issued document; when the document cannot
 * be read, says so on the main window instead.
 */
void
accord_signing_dialog_present (GtkWindow   *parent,
                               AccordStore *store,
                               gint64       document_id)
{
  AccordSigningDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ACCORD_IS_STORE (store));

  self = g_object_new (ACCORD_TYPE_SIGNING_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (!load (self, document_id, &error))
    {
      if (parent != NULL)
        accord_window_report_error (GTK_WIDGET (parent), _("Could Not Open the Document for Signing"), error);
      else
        g_warning ("Could not open document %" G_GINT64_FORMAT " for signing: %s", document_id, error->message);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  gtk_window_present (GTK_WINDOW (self));
}
