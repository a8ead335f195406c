/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-document-window"

/* A document of a case on screen: a draft made from what core knows now,
 * or a document the bureau issued.  The pages are the PDF's own drawing
 * (src/docs), scaled to the screen here and to the paper when printed.
 * A draft can be dated, printed with personal data in full for signing on
 * paper, and issued; an issued document can be signed, printed, saved
 * byte for byte and voided. */

#include <math.h>

#include <glib/gi18n.h>

#include "accord-doc-render.h"
#include "accord-document-window.h"
#include "accord-documents.h"
#include "accord-enums.h"
#include "accord-outcome.h"
#include "accord-page-preview.h"
#include "accord-session.h"
#include "accord-signing-dialog.h"
#include "accord-validate.h"
#include "accord-window.h"

#define ZOOM_MIN       0.25
#define ZOOM_MAX       4.0
#define ZOOM_STEP      1.2
#define THUMBNAIL_ZOOM 0.2
/* Pixels per point at 100 %: a page at its real size on a 96 dpi screen. */
#define ZOOM_ACTUAL    (96.0 / 72.0)

struct _AccordDocumentWindow
{
  AdwWindow          parent_instance;

  AccordStore       *store;
  char              *language;

  /* A draft: what to ask core for. */
  char              *kind;
  char              *case_number;
  gint64             session_id;
  gboolean           for_signature;
  char              *date;           /* NULL: the date core gives */
  GArray            *session_ids;    /* gint64, the session row's choices */

  /* An issued, signed or void document. */
  AccordDocument    *document;
  char              *short_hash;
  JsonObject        *strokes;

  JsonObject        *content;
  AccordDocLayout   *layout;
  double             zoom;
  gboolean           fit;
  gboolean           loading;
  guint              fit_id;
  GtkPrintSettings  *print_settings;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkToggleButton   *thumbnails_button;
  GtkWidget         *issue_button;
  GtkWidget         *sign_button;
  GtkListBox        *thumbnails_list;
  GtkStack          *view_stack;
  GtkScrolledWindow *scroller;
  GtkBox            *pages_box;
  AdwStatusPage     *error_page;
  GtkLabel          *page_label;
  GtkButton         *zoom_button;
  GtkWidget         *draft_group;
  AdwComboRow       *session_row;
  AdwEntryRow       *date_row;
  GtkSwitch         *for_signature_switch;
  GtkListBox        *details_list;
};

G_DEFINE_FINAL_TYPE (AccordDocumentWindow, accord_document_window, ADW_TYPE_WINDOW)

/* Helpers --------------------------------------------------------------- */

static gboolean
is_draft (AccordDocumentWindow *self)
{
  return self->document == NULL;
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "issued") == 0)
    return C_("document", "Issued");
  if (g_strcmp0 (status, "signed") == 0)
    return C_("document", "Signed");
  if (g_strcmp0 (status, "void") == 0)
    return C_("document", "Void");
  return C_("document", "Draft");
}

static void
show_error (AccordDocumentWindow *self,
            const char           *heading,
            const GError         *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_toast (AccordDocumentWindow *self,
           const char           *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* The main window lists the case's documents: it reads them again. */
static void
tell_main_window (AccordDocumentWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (ACCORD_IS_WINDOW (parent))
    accord_window_data_changed (ACCORD_WINDOW (parent));
}

static void
clear_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static AccordDocLayout *
make_layout (AccordDocumentWindow  *self,
             GError               **error)
{
  if (self->content == NULL)
    {
      g_set_error_literal (error, ACCORD_DOC_ERROR, ACCORD_DOC_ERROR_CONTENT, _("There is nothing to draw"));
      return NULL;
    }
  if (is_draft (self))
    return accord_doc_render_layout (self->content, NULL, NULL, NULL, self->language, error);
  return accord_doc_render_layout (self->content, self->document->public_id, self->short_hash, self->strokes,
                                   self->language, error);
}

/* Zoom and pages ---------------------------------------------------------- */

static void
update_zoom_label (AccordDocumentWindow *self)
{
  g_autofree char *text = g_strdup_printf (_("%d %%"), (int) round (self->zoom / ZOOM_ACTUAL * 100.0));

  gtk_button_set_label (self->zoom_button, text);
}

static void
set_zoom (AccordDocumentWindow *self,
          double                zoom)
{
  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  self->zoom = zoom;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    accord_page_preview_set_zoom (ACCORD_PAGE_PREVIEW (child), zoom);
  update_zoom_label (self);
}

/* Fitting follows the width of the view, less the margins around the pages. */
static void
fit_width (AccordDocumentWindow *self)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->scroller);
  double room = gtk_adjustment_get_page_size (h) - gtk_widget_get_margin_start (GTK_WIDGET (self->pages_box))
                - gtk_widget_get_margin_end (GTK_WIDGET (self->pages_box));

  if (room > 0)
    set_zoom (self, room / ACCORD_DOC_PAGE_WIDTH);
}

static double
page_top (AccordDocumentWindow *self,
          GtkWidget            *page)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (page, GTK_WIDGET (self->pages_box), &GRAPHENE_POINT_INIT (0, 0), &point))
    return 0;
  return point.y + gtk_widget_get_margin_top (GTK_WIDGET (self->pages_box));
}

/* The page that fills the middle of the view. */
static guint
current_page (AccordDocumentWindow *self)
{
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->scroller);
  double middle = gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v) / 2;
  guint current = 0;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    if (page_top (self, child) <= middle)
      current = i;
  return current;
}

static void
update_page_label (AccordDocumentWindow *self)
{
  guint n = self->layout != NULL ? accord_doc_layout_get_n_pages (self->layout) : 0;
  g_autofree char *text = NULL;
  GtkListBoxRow *row;

  if (n == 0)
    {
      gtk_label_set_text (self->page_label, "");
      return;
    }
  text = g_strdup_printf (_("Page %u of %u"), current_page (self) + 1, n);
  gtk_label_set_text (self->page_label, text);
  row = gtk_list_box_get_row_at_index (self->thumbnails_list, (int) current_page (self));
  if (row != NULL && row != gtk_list_box_get_selected_row (self->thumbnails_list))
    gtk_list_box_select_row (self->thumbnails_list, row);
}

static void
go_to_page (AccordDocumentWindow *self,
            guint                 page)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->scroller);

  for (guint i = 0; child != NULL && i < page; i++)
    child = gtk_widget_get_next_sibling (child);
  if (child == NULL)
    return;
  gtk_adjustment_set_value (v, page_top (self, child) - gtk_widget_get_margin_top (GTK_WIDGET (self->pages_box)));
  update_page_label (self);
}

static GtkWidget *
thumbnail_row (AccordDocLayout *layout,
               guint            page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *preview = accord_page_preview_new (layout, page, THUMBNAIL_ZOOM);
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  GtkWidget *label = gtk_label_new (number);

  gtk_widget_set_halign (preview, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), preview);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

/* The previews borrow the layout: they go before it does. */
static void
set_layout (AccordDocumentWindow *self,
            AccordDocLayout      *layout)
{
  guint n = layout != NULL ? accord_doc_layout_get_n_pages (layout) : 0;

  clear_children (GTK_WIDGET (self->pages_box));
  clear_children (GTK_WIDGET (self->thumbnails_list));
  g_clear_pointer (&self->layout, accord_doc_layout_free);
  self->layout = layout;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *page = accord_page_preview_new (layout, i, self->zoom);
      g_autofree char *name = g_strdup_printf ("page-%u", i + 1);

      gtk_widget_set_name (page, name);
      gtk_box_append (self->pages_box, page);
      gtk_list_box_append (self->thumbnails_list, thumbnail_row (layout, i));
    }
  gtk_stack_set_visible_child_name (self->view_stack, "pages");
  update_page_label (self);
}

static void
show_failure (AccordDocumentWindow *self,
              const GError         *error)
{
  set_layout (self, NULL);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->view_stack, "error");
}

/* The header, the details and the actions -------------------------------- */

static const char *
document_kind (AccordDocumentWindow *self)
{
  return self->document != NULL ? self->document->kind : self->kind;
}

static const char *
document_case (AccordDocumentWindow *self)
{
  return self->document != NULL ? self->document->case_number : self->case_number;
}

static void
update_title (AccordDocumentWindow *self)
{
  const char *kind = accord_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, document_kind (self));
  g_autofree char *subtitle = NULL;

  if (self->document != NULL && self->document->number != NULL)
    subtitle = g_strdup_printf ("%s · %s · %s", document_case (self), self->document->number,
                                status_label (self->document->status));
  else
    subtitle = g_strdup_printf ("%s · %s", document_case (self), status_label (NULL));
  adw_window_title_set_title (self->window_title, kind);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), kind);
}

static void
add_detail (AccordDocumentWindow *self,
            const char           *title,
            const char           *value,
            const char           *name)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  if (name != NULL)
    gtk_widget_set_name (row, name);
  gtk_list_box_append (self->details_list, row);
}

static void
fill_details (AccordDocumentWindow *self)
{
  AccordDocument *d = self->document;
  g_autofree char *issued = NULL;

  clear_children (GTK_WIDGET (self->details_list));
  add_detail (self, _("Case"), document_case (self), NULL);
  add_detail (self, _("Number"), d != NULL && d->number != NULL ? d->number : _("Not numbered yet"), "number-row");
  add_detail (self, _("Status"), status_label (d != NULL ? d->status : NULL), "status-row");
  if (d == NULL)
    return;
  if (d->issued_at > 0)
    issued = accord_store_format_local (self->store, d->issued_at, "%Y-%m-%d %H:%M");
  add_detail (self, _("Issued at"), issued, NULL);
  add_detail (self, _("Document ID"), d->public_id, NULL);
  add_detail (self, _("SHA-256 of the Issued PDF"), d->sha256, NULL);
  add_detail (self, _("SHA-256 of the Signed PDF"), d->signed_sha256, NULL);
  add_detail (self, _("Reason for Voiding"), d->void_reason, NULL);
}

static void
update_actions (AccordDocumentWindow *self)
{
  gboolean drawn = self->layout != NULL;
  gboolean kept = self->document != NULL && (g_strcmp0 (self->document->status, "issued") == 0 ||
                                             g_strcmp0 (self->document->status, "signed") == 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.issue", is_draft (self) && drawn);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.print", drawn);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.save-as", drawn || (self->document != NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.void", kept);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.sign", kept);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.zoom-in", drawn);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.zoom-out", drawn);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.zoom-fit", drawn);

  gtk_widget_set_visible (self->issue_button, is_draft (self));
  gtk_widget_set_visible (self->sign_button, kept);
  gtk_widget_set_visible (self->draft_group, is_draft (self));
}

static void
refresh (AccordDocumentWindow *self)
{
  update_title (self);
  fill_details (self);
  update_actions (self);
}

/* Loading ------------------------------------------------------------------- */

static void
render (AccordDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;
  AccordDocLayout *layout = make_layout (self, &error);

  if (layout == NULL)
    show_failure (self, error);
  else
    set_layout (self, layout);
  refresh (self);
}

/* A draft is made again from the store whenever what it depends on
 * changes: masking is core's, so for_signature asks core again. */
static void
load_draft (AccordDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->content, json_object_unref);
  self->content = accord_store_document_content (self->store, self->kind, self->case_number, self->session_id,
                                                 self->for_signature, &error);
  if (self->content == NULL)
    {
      show_failure (self, error);
      refresh (self);
      return;
    }
  if (self->date != NULL)
    json_object_set_string_member (self->content, "date", self->date);
  render (self);
}

static gboolean
load_document (AccordDocumentWindow  *self,
               gint64                 document_id,
               GError               **error)
{
  g_autoptr(AccordDocument) document = accord_store_get_document (self->store, document_id, error);
  g_autoptr(JsonObject) content = NULL;
  g_autoptr(JsonObject) strokes = NULL;
  g_autofree char *short_hash = NULL;

  if (document == NULL)
    return FALSE;
  if (!accord_store_document_drawing (self->store, document_id, &content, &short_hash, &strokes, error))
    return FALSE;

  g_clear_pointer (&self->document, accord_document_free);
  g_clear_pointer (&self->content, json_object_unref);
  g_clear_pointer (&self->strokes, json_object_unref);
  g_free (self->short_hash);
  self->document = g_steal_pointer (&document);
  self->content = g_steal_pointer (&content);
  self->strokes = g_steal_pointer (&strokes);
  self->short_hash = g_steal_pointer (&short_hash);
  render (self);
  return TRUE;
}

static char *
session_title (AccordDocumentWindow *self,
               AccordSession        *s)
{
  g_autofree char *when = accord_store_format_local (self->store, s->starts_at, "%Y-%m-%d %H:%M");

  return g_strdup_printf ("%s · %s · %s", accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, s->kind), when,
                          accord_vocab_label (ACCORD_VOCAB_SESSION_STATUS, s->status));
}

static void
fill_sessions (AccordDocumentWindow *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) sessions = accord_store_case_sessions (self->store, self->case_number, NULL);
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->session_ids, 0);
  g_array_append_val (self->session_ids, none);
  gtk_string_list_append (titles, C_("session", "None"));
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      AccordSession *s = g_ptr_array_index (sessions, i);
      g_autofree char *title = session_title (self, s);

      if (s->id == self->session_id)
        selected = self->session_ids->len;
      g_array_append_val (self->session_ids, s->id);
      gtk_string_list_append (titles, title);
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->session_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->session_row, selected);
  self->loading = FALSE;
}

/* Issuing ----------------------------------------------------------------- */

static void
issue (AccordDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordDocument) document = NULL;
  g_autofree char *text = NULL;

  document = accord_store_issue_document (self->store, self->kind, self->case_number, self->session_id,
                                          accord_doc_render, self->language, &error);
  if (document == NULL || !load_document (self, document->id, &error))
    {
      show_error (self, _("Could Not Issue the Document"), error);
      return;
    }

  /* TRANSLATORS: %s is the document's number */
  text = g_strdup_printf (_("Issued as %s"), self->document->number);
  add_toast (self, text);
  tell_main_window (self);
}

static void
on_issue_response_cb (AdwMessageDialog     *dialog,
                      const char           *response,
                      AccordDocumentWindow *self)
{
  if (g_str_equal (response, "issue") && is_draft (self))
    issue (self);
}

/* What the confirmation says beyond the rule: the issued document is made
 * by core afresh, dated today and with personal data masked. */
static char *
issue_body (AccordDocumentWindow *self)
{
  g_autoptr(GString) body = g_string_new (_("Issuing gives the document the next number of the year and freezes its "
                                            "content and PDF. This cannot be undone: an issued document can only be "
                                            "voided."));
  g_autofree char *today = accord_today ();

  if (self->date != NULL && g_strcmp0 (self->date, today) != 0)
    {
      g_string_append (body, "\n\n");
      /* TRANSLATORS: %s is a date */
      g_string_append_printf (body, _("The issued document is dated today, %s."), today);
    }
  if (self->for_signature)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("The issued document shows ID numbers, phone numbers and addresses masked."));
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* Actions ------------------------------------------------------------------ */

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (widget);
  g_autofree char *body = issue_body (self);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Issue This Document?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "issue", _("_Issue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_issue_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_void_reason_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "void", *reason != '\0');
}

static void
on_void_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     AccordDocumentWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "void") || self->document == NULL)
    return;

  id = self->document->id;
  if (!accord_store_void_document (self->store, id, gtk_editable_get_text (entry), &error) ||
      !load_document (self, id, &error))
    {
      show_error (self, _("Could Not Void the Document"), error);
      return;
    }
  add_toast (self, _("Document voided"));
  tell_main_window (self);
}

static void
void_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (widget);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Void This Document?"),
                                   _("A void document keeps its number and PDF, marked void with the reason. "
                                     "This cannot be undone."));
  gtk_widget_set_name (entry, "void-reason");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "void", _("_Void"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "void", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "void", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "void");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_void_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_void_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (widget);

  /* What was signed shows when this window is active again. */
  if (self->document != NULL)
    accord_signing_dialog_present (GTK_WINDOW (self), self->store, self->document->id);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 AccordDocLayout   *layout)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / ACCORD_DOC_PAGE_WIDTH,
                      gtk_print_context_get_height (context) / ACCORD_DOC_PAGE_HEIGHT);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  accord_doc_layout_draw_page (layout, cr, (guint) page);
  cairo_restore (cr);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  AccordDocumentWindow    *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  show_error (self, _("Could Not Print the Document"), error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if ((operation = accord_document_window_new_print_operation (self, &error)) == NULL)
    {
      show_error (self, _("Could Not Print the Document"), error);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (self->layout != NULL)
    gtk_print_operation_set_current_page (operation, (int) current_page (self));
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print the Document"), error);
}

static void
on_save_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     AccordDocumentWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  if (!accord_document_window_save_pdf (self, file, &error))
    {
      show_error (self, _("Could Not Save the PDF"), error);
      return;
    }
  name = g_file_get_basename (file);
  /* TRANSLATORS: %s is a file name */
  text = g_strdup_printf (_("Saved %s"), name);
  add_toast (self, text);
}

static char *
suggested_file_name (AccordDocumentWindow *self)
{
  const char *kind = accord_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, document_kind (self));
  const char *tag = self->document != NULL && self->document->number != NULL ? self->document->number
                                                                               : C_("document", "Draft");
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.pdf", kind, document_case (self), tag);

  return g_strdelimit (g_steal_pointer (&name), "/\\:", '-');
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_file_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (widget);

  self->fit = FALSE;
  set_zoom (self, self->zoom * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (widget);

  self->fit = FALSE;
  set_zoom (self, self->zoom / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (widget);

  self->fit = TRUE;
  fit_width (self);
}

static void
go_to_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  go_to_page (ACCORD_DOCUMENT_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
thumbnails_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (widget);

  gtk_toggle_button_set_active (self->thumbnails_button, !gtk_toggle_button_get_active (self->thumbnails_button));
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_thumbnail_activated_cb (AccordDocumentWindow *self,
                           GtkListBoxRow        *row)
{
  go_to_page (self, (guint) gtk_list_box_row_get_index (row));
}

static void
on_date_applied_cb (AccordDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));

  if (!accord_validate_date (_("Date"), date, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      show_error (self, _("Could Not Change the Date"), error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  g_free (self->date);
  self->date = g_steal_pointer (&date);
  load_draft (self);
}

static void
on_for_signature_cb (AccordDocumentWindow *self)
{
  gboolean active = gtk_switch_get_active (self->for_signature_switch);

  if (self->loading || active == self->for_signature)
    return;
  self->for_signature = active;
  if (is_draft (self) && self->kind != NULL)
    load_draft (self);
}

static void
on_session_selected_cb (AccordDocumentWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->session_row);

  if (self->loading || selected >= self->session_ids->len)
    return;
  self->session_id = g_array_index (self->session_ids, gint64, selected);
  load_draft (self);
}

static gboolean
on_view_resized_idle_cb (gpointer data)
{
  AccordDocumentWindow *self = data;

  self->fit_id = 0;
  if (self->fit)
    fit_width (self);
  update_page_label (self);
  return G_SOURCE_REMOVE;
}

/* The view's size changes while GTK allocates it: the pages are resized
 * and the page number told after, not during, the allocation. */
static void
on_view_resized_cb (AccordDocumentWindow *self)
{
  if (self->fit_id == 0)
    self->fit_id = g_idle_add (on_view_resized_idle_cb, self);
}

static void
on_scrolled_cb (AccordDocumentWindow *self)
{
  update_page_label (self);
}

/* Ctrl and the wheel zoom, as in document viewers. */
static gboolean
on_wheel_cb (GtkEventControllerScroll *controller,
             double                    dx,
             double                    dy,
             AccordDocumentWindow     *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0 || self->layout == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), dy < 0 ? "doc.zoom-in" : "doc.zoom-out", NULL);
  return TRUE;
}

/* The signing dialog writes to the store: whatever it did shows when the
 * window is active again. */
static void
on_active_changed_cb (AccordDocumentWindow *self)
{
  g_autoptr(AccordDocument) now = NULL;
  g_autoptr(GError) error = NULL;

  if (!gtk_window_is_active (GTK_WINDOW (self)) || self->document == NULL)
    return;
  now = accord_store_get_document (self->store, self->document->id, NULL);
  if (now == NULL || (g_strcmp0 (now->status, self->document->status) == 0 &&
                      now->signatures->len == self->document->signatures->len))
    return;
  if (!load_document (self, now->id, &error))
    show_error (self, _("Could Not Read the Document"), error);
}

/* Overrides ----------------------------------------------------------------- */

static void
accord_document_window_dispose (GObject *object)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (object);

  g_clear_handle_id (&self->fit_id, g_source_remove);
  /* The previews borrow the layout: they go first. */
  if (self->pages_box != NULL)
    {
      clear_children (GTK_WIDGET (self->pages_box));
      clear_children (GTK_WIDGET (self->thumbnails_list));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_DOCUMENT_WINDOW);
  g_clear_pointer (&self->layout, accord_doc_layout_free);
  g_clear_object (&self->store);
  g_clear_object (&self->print_settings);

  G_OBJECT_CLASS (accord_document_window_parent_class)->dispose (object);
}

static void
accord_document_window_finalize (GObject *object)
{
  AccordDocumentWindow *self = ACCORD_DOCUMENT_WINDOW (object);

  g_free (self->language);
  g_free (self->kind);
  g_free (self->case_number);
  g_free (self->date);
  g_free (self->short_hash);
  g_array_unref (self->session_ids);
  g_clear_pointer (&self->document, accord_document_free);
  g_clear_pointer (&self->strokes, json_object_unref);
  g_clear_pointer (&self->content, json_object_unref);

  G_OBJECT_CLASS (accord_document_window_parent_class)->finalize (object);
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  mods,
             const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

static void
accord_document_window_class_init (AccordDocumentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_document_window_dispose;
  object_class->finalize = accord_document_window_finalize;

  g_type_ensure (ACCORD_TYPE_PAGE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-document-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, thumbnails_button);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, issue_button);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, sign_button);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, thumbnails_list);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, pages_box);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, draft_group);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, session_row);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, for_signature_switch);
  gtk_widget_class_bind_template_child (widget_class, AccordDocumentWindow, details_list);
  gtk_widget_class_bind_template_callback (widget_class, on_thumbnail_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_for_signature_cb);

  gtk_widget_class_install_action (widget_class, "doc.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "doc.void", NULL, void_action);
  gtk_widget_class_install_action (widget_class, "doc.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "doc.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "doc.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "doc.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "doc.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "doc.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "doc.go-to-page", "u", go_to_page_action);
  gtk_widget_class_install_action (widget_class, "doc.toggle-thumbnails", NULL, thumbnails_action);

  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "doc.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "doc.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "doc.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "doc.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "doc.zoom-out");
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "doc.zoom-fit");
  add_binding (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "doc.zoom-fit");
  add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "doc.print");
  add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "doc.save-as");
  add_binding (widget_class, GDK_KEY_F9, 0, "doc.toggle-thumbnails");
  add_binding (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close");
  add_binding (widget_class, GDK_KEY_Escape, 0, "window.close");
}

static void
accord_document_window_init (AccordDocumentWindow *self)
{
  GtkEventController *wheel;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->zoom = ZOOM_ACTUAL;
  self->fit = TRUE;
  update_zoom_label (self);
  g_signal_connect_object (self->session_row, "notify::selected", G_CALLBACK (on_session_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (on_view_resized_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_view_resized_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed_cb), NULL);

  wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                           GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect_object (wheel, "scroll", G_CALLBACK (on_wheel_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), wheel);
}

/* Public API ----------------------------------------------------------------- */

static AccordDocumentWindow *
window_new (GtkWindow   *parent,
            AccordStore *store)
{
  AccordDocumentWindow *self = g_object_new (ACCORD_TYPE_DOCUMENT_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  /* Documents are written in the bureau's language, whatever the
   * interface's (the preferences hold it). */
  self->language = accord_store_get_setting (store, "document_language", "zh_CN");
  return self;
}

AccordDocumentWindow *
accord_document_window_new_draft (GtkWindow   *parent,
                                  AccordStore *store,
                                  const char  *kind,
                                  const char  *case_number,
                                  gint64       session_id)
{
  AccordDocumentWindow *self;
  g_autofree char *today = accord_today ();

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL && case_number != NULL, NULL);

  self = window_new (parent, store);
  self->kind = g_strdup (kind);
  self->case_number = g_strdup (case_number);
  self->session_id = session_id;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  fill_sessions (self);
  load_draft (self);
  return self;
}

AccordDocumentWindow *
accord_document_window_new_for_document (GtkWindow   *parent,
                                         AccordStore *store,
                                         gint64       document_id)
{
  AccordDocumentWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  self = window_new (parent, store);
  if (!load_document (self, document_id, &error))
    {
      show_failure (self, error);
      refresh (self);
    }
  return self;
}

/* How well a session suits a document of @kind: the notice is for a
 * hearing still to come; the others record what came of a session, best
 * one with an outcome. */
static int
session_fitness (AccordStore   *store,
                 const char    *kind,
                 AccordSession *s)
{
  gboolean hearing_kind = g_str_has_prefix (kind, "hearing_");
  g_autoptr(AccordOutcome) outcome = NULL;
  int score = 1;

  if (g_str_equal (s->status, "cancelled") || (hearing_kind && !g_str_equal (s->kind, "hearing")))
    return 0;
  if (g_str_equal (kind, "hearing_notice"))
    return g_str_equal (s->status, "planned") || g_str_equal (s->status, "notified") ? 2 : 1;
  if (g_str_equal (s->status, "held"))
    score += 1;
  if ((outcome = accord_store_get_outcome (store, s->id, NULL)) != NULL)
    score += 2;
  if (g_str_equal (kind, "mediation_agreement") && !g_str_equal (s->kind, "hearing"))
    score += 1;
  return score;
}

gint64
accord_document_window_suggest_session (AccordStore *store,
                                        const char  *kind,
                                        const char  *case_number)
{
  g_autoptr(GPtrArray) sessions = NULL;
  AccordSession *best = NULL;
  int best_score = 0;

  g_return_val_if_fail (ACCORD_IS_STORE (store), 0);
  g_return_val_if_fail (kind != NULL && case_number != NULL, 0);

  if ((sessions = accord_store_case_sessions (store, case_number, NULL)) == NULL)
    return 0;
  for (guint i = 0; i < sessions->len; i++)
    {
      AccordSession *s = g_ptr_array_index (sessions, i);
      int score = session_fitness (store, kind, s);

      if (score > best_score || (score == best_score && score > 0 && s->starts_at > best->starts_at))
        {
          best = s;
          best_score = score;
        }
    }
  return best != NULL ? best->id : 0;
}

gint64
accord_document_window_get_document_id (AccordDocumentWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT_WINDOW (self), 0);

  return self->document != NULL ? self->document->id : 0;
}

guint
accord_document_window_get_n_pages (AccordDocumentWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_DOCUMENT_WINDOW (self), 0);

  return self->layout != NULL ? accord_doc_layout_get_n_pages (self->layout) : 0;
}

/* The job draws a layout of its own, so that the window may change while
 * the printer dialog is open. */
GtkPrintOperation *
accord_document_window_new_print_operation (AccordDocumentWindow  *self,
                                            GError               **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  AccordDocLayout *layout;

  g_return_val_if_fail (ACCORD_IS_DOCUMENT_WINDOW (self), NULL);

  if ((layout = make_layout (self, error)) == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) accord_doc_layout_get_n_pages (layout));
  gtk_print_operation_set_job_name (operation, gtk_window_get_title (GTK_WINDOW (self)));
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  g_object_set_data_full (G_OBJECT (operation), "accord-layout", layout, (GDestroyNotify) accord_doc_layout_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), layout);
  return g_steal_pointer (&operation);
}

gboolean
accord_document_window_save_pdf (AccordDocumentWindow  *self,
                                 GFile                 *file,
                                 GError               **error)
{
  g_autoptr(GBytes) pdf = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (ACCORD_IS_DOCUMENT_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document != NULL)
    pdf = accord_store_document_pdf (self->store, self->document->id, error);
  else if (self->content != NULL)
    pdf = accord_doc_render (self->content, NULL, NULL, NULL, self->language, error);
  else
    g_set_error_literal (error, ACCORD_DOC_ERROR, ACCORD_DOC_ERROR_CONTENT, _("There is nothing to draw"));
  if (pdf == NULL)
    return FALSE;

  data = g_bytes_get_data (pdf, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE, NULL, NULL,
                                  error);
}
