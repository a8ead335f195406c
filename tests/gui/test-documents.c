/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-documents"

#include <math.h>

#include <glib/gstdio.h>
#include "accord-case-view.h"
#include "accord-doc-render.h"
#include "accord-document-window.h"
#include "accord-documents.h"
#include "accord-gui-test.h"
#include "accord-test-pdf.h"
#include "accord-i18n.h"
#include "accord-page-preview.h"
#include "accord-signing-dialog.h"

#define N_SEEDED_CASES 20
/* Cases of the seeded fixture (seed 7): the first has a handling opinion,
 * so a closure commitment can be made without a session; the second has
 * a hearing notified for the coming days. */
#define CASE_WITH_OPINION "XF-2024-000001"
#define CASE_WITH_HEARING "XF-2025-000008"

/* Helpers ---------------------------------------------------------------- */

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static char *
temp_path (AccordGuiFixture *f,
           const char       *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static GBytes *
draft_pdf (AccordGuiFixture *f,
           const char       *kind,
           const char       *case_number,
           gint64            session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) content = accord_store_document_content (f->store, kind, case_number, session_id, FALSE,
                                                                 &error);
  GBytes *pdf;

  g_assert_no_error (error);
  pdf = accord_doc_render (content, NULL, NULL, NULL, "zh_CN", &error);
  g_assert_no_error (error);
  return pdf;
}

static AccordDocumentWindow *
open_draft (AccordGuiFixture *f,
            const char       *kind,
            const char       *case_number,
            gint64            session_id)
{
  AccordDocumentWindow *window = accord_document_window_new_draft (GTK_WINDOW (f->window), f->store, kind,
                                                                   case_number, session_id);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (accord_gui_wait_until (accord_gui_widget_mapped, window));
  return window;
}

static guint
count_previews (AccordDocumentWindow *window)
{
  GtkWidget *box = accord_gui_find_named (GTK_WIDGET (window), "pages-box");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ACCORD_IS_PAGE_PREVIEW (child) && gtk_widget_get_mapped (child))
      n++;
  return n;
}

static gboolean
has_dialog (gpointer data)
{
  return accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
issue_from_window (AccordDocumentWindow *window)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.issue", NULL));
  g_assert_true (accord_gui_wait_until (has_dialog, NULL));
  dialog = ADW_MESSAGE_DIALOG (accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "issue");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Tests ------------------------------------------------------------------ */

/* The preview draws the pages of the PDF: as many, for the same content. */
static void
test_preview_pages (AccordGuiFixture *f,
                    gconstpointer     data)
{
  gint64 hearing = accord_document_window_suggest_session (f->store, "hearing_notice", CASE_WITH_HEARING);
  g_autoptr(GBytes) pdf = NULL;
  AccordDocumentWindow *window;

  g_assert_cmpint (hearing, >, 0);
  pdf = draft_pdf (f, "hearing_notice", CASE_WITH_HEARING, hearing);
  window = open_draft (f, "hearing_notice", CASE_WITH_HEARING, hearing);

  g_assert_cmpint (accord_document_window_get_n_pages (window), >, 0);
  g_assert_cmpint (accord_document_window_get_n_pages (window), ==, accord_test_pdf_pages (pdf));
  accord_gui_wait_idle ();
  g_assert_cmpuint (count_previews (window), ==, accord_document_window_get_n_pages (window));
  g_assert_cmpint (accord_document_window_get_document_id (window), ==, 0);
}

/* A kind that needs a hearing says why it cannot be made without one, and
 * cannot be issued. */
static void
test_draft_needs_session (AccordGuiFixture *f,
                          gconstpointer     data)
{
  AccordDocumentWindow *window = open_draft (f, "hearing_notice", CASE_WITH_HEARING, 0);
  GtkWidget *status = accord_gui_find_named (GTK_WIDGET (window), "document-error");

  g_assert_cmpuint (accord_document_window_get_n_pages (window), ==, 0);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (status)));
  g_assert_false (gtk_widget_is_sensitive (accord_gui_find_named (GTK_WIDGET (window), "issue-button")));
}

/* The date typed into the draft is the date the draft's PDF carries. */
static void
test_draft_date (AccordGuiFixture *f,
                 gconstpointer     data)
{
  AccordDocumentWindow *window = open_draft (f, "closure_commitment", CASE_WITH_OPINION, 0);
  GtkWidget *date = accord_gui_find_named (GTK_WIDGET (window), "date-row");
  g_autofree char *path = temp_path (f, "draft.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  gtk_editable_set_text (GTK_EDITABLE (date), "2026-12-03");
  g_signal_emit_by_name (date, "apply");
  g_assert_cmpint (accord_document_window_get_n_pages (window), >, 0);

  g_assert_true (accord_document_window_save_pdf (window, file, &error));
  g_assert_no_error (error);
  saved = read_file (path);
  text = accord_test_pdf_text (saved);
  g_assert_nonnull (strstr (text, "2026年12月3日"));
  g_assert_cmpint (accord_test_pdf_pages (saved), ==, (int) accord_document_window_get_n_pages (window));
}

/* Printed for signing on paper, the draft carries personal data in full;
 * otherwise masked. */
static void
test_draft_for_signature (AccordGuiFixture *f,
                          gconstpointer     data)
{
  AccordDocumentWindow *window = open_draft (f, "closure_commitment", CASE_WITH_OPINION, 0);
  GtkWidget *toggle = accord_gui_find_named (GTK_WIDGET (window), "for-signature-switch");
  g_autoptr(AccordCase) c = accord_store_get_case (f->store, CASE_WITH_OPINION, NULL);
  const AccordPetitioner *p = g_ptr_array_index (accord_case_get_petitioners (c), 0);
  g_autofree char *masked_path = temp_path (f, "masked.pdf");
  g_autofree char *full_path = temp_path (f, "full.pdf");
  g_autoptr(GFile) masked_file = g_file_new_for_path (masked_path);
  g_autoptr(GFile) full_file = g_file_new_for_path (full_path);
  g_autoptr(GBytes) masked = NULL;
  g_autoptr(GBytes) full = NULL;
  g_autofree char *masked_text = NULL;
  g_autofree char *full_text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_document_window_save_pdf (window, masked_file, &error));
  g_assert_no_error (error);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (accord_document_window_save_pdf (window, full_file, &error));
  g_assert_no_error (error);

  masked = read_file (masked_path);
  full = read_file (full_path);
  masked_text = accord_test_pdf_text (masked);
  full_text = accord_test_pdf_text (full);
  g_assert_null (strstr (masked_text, p->id_number));
  g_assert_nonnull (strstr (full_text, p->id_number));
  g_assert_cmpint (accord_document_window_get_n_pages (window), ==, accord_test_pdf_pages (full));
}

/* Issued from the window, answering its confirmation: core has it issued,
 * the window shows it with its number, and it saves and prints. */
static void
test_issue_print_save (AccordGuiFixture *f,
                       gconstpointer     data)
{
  AccordDocumentWindow *window = open_draft (f, "closure_commitment", CASE_WITH_OPINION, 0);
  g_autoptr(AccordDocument) document = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) printed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_path = temp_path (f, "saved.pdf");
  g_autofree char *printed_path = temp_path (f, "printed.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (saved_path);
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;

  issue_from_window (window);
  g_assert_cmpint (accord_document_window_get_document_id (window), >, 0);
  document = accord_store_get_document (f->store, accord_document_window_get_document_id (window), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->status, ==, "issued");
  g_assert_nonnull (document->number);
  g_assert_false (gtk_widget_get_visible (accord_gui_find_named (GTK_WIDGET (window), "issue-button")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (accord_gui_find_named (GTK_WIDGET (window),
                                                                                       "number-row"))),
                   ==, document->number);

  /* Saved: the stored PDF, byte for byte. */
  stored = accord_store_document_pdf (f->store, document->id, &error);
  g_assert_no_error (error);
  g_assert_true (accord_document_window_save_pdf (window, file, &error));
  g_assert_no_error (error);
  saved = read_file (saved_path);
  g_assert_true (g_bytes_equal (saved, stored));
  g_assert_cmpint (accord_test_pdf_pages (stored), ==, (int) accord_document_window_get_n_pages (window));

  /* Printed: the same pages, with the document's Chinese title. */
  operation = accord_document_window_new_print_operation (window, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, printed_path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  printed = read_file (printed_path);
  g_assert_cmpint (accord_test_pdf_pages (printed), ==, accord_test_pdf_pages (stored));
  text = accord_test_pdf_text (printed);
  g_assert_nonnull (strstr (text, "息诉罢访承诺书"));
  g_assert_nonnull (strstr (text, document->number));
}

/* An issued document opened by id opens the signing dialog, and is voided
 * with a reason. */
static void
test_void (AccordGuiFixture *f,
           gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordDocument) issued = accord_gui_issue_document (f->store, "closure_commitment", CASE_WITH_OPINION);
  g_autoptr(AccordDocument) after = NULL;
  AccordDocumentWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *reason;

  g_assert_no_error (error);
  window = accord_document_window_new_for_document (GTK_WINDOW (f->window), f->store, issued->id);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (accord_gui_wait_until (accord_gui_widget_mapped, window));
  g_assert_cmpint (accord_document_window_get_n_pages (window), >, 0);
  g_assert_true (gtk_widget_get_visible (accord_gui_find_named (GTK_WIDGET (window), "sign-button")));

  /* Sign… opens the signing dialog on this document. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.sign", NULL));
  g_assert_true (accord_gui_wait_until (accord_gui_toplevel_shown, GSIZE_TO_POINTER (ACCORD_TYPE_SIGNING_DIALOG)));
  gtk_window_destroy (accord_gui_find_toplevel (ACCORD_TYPE_SIGNING_DIALOG));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.void", NULL));
  g_assert_true (accord_gui_wait_until (has_dialog, NULL));
  dialog = ADW_MESSAGE_DIALOG (accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "void"));
  reason = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (reason), "当事人姓名有误");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "void"));
  adw_message_dialog_response (dialog, "void");
  gtk_window_destroy (GTK_WINDOW (dialog));

  after = accord_store_get_document (f->store, issued->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->status, ==, "void");
  g_assert_cmpstr (after->void_reason, ==, "当事人姓名有误");
  g_assert_false (gtk_widget_get_visible (accord_gui_find_named (GTK_WIDGET (window), "sign-button")));
}

typedef struct
{
  GtkWidget *page;
  int        width;   /* 0: the width of the view */
} PageWidth;

/* The page is laid out at its zoom, and is @width wide (or fits the view:
 * its margins are 18 pixels a side). */
static gboolean
page_is_wide (gpointer data)
{
  PageWidth *w = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (w->page, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  double zoom = accord_page_preview_get_zoom (ACCORD_PAGE_PREVIEW (w->page));
  int width = gtk_widget_get_width (w->page);

  if (width != (int) ceil (ACCORD_DOC_PAGE_WIDTH * zoom))
    return FALSE;
  if (w->width > 0)
    return width == w->width;
  return fabs (width + 36 - gtk_adjustment_get_page_size (h)) <= 1.0;
}

/* Zooming changes the size of the pages; fitting brings them back to the
 * width of the view. */
static void
test_zoom (AccordGuiFixture *f,
           gconstpointer     data)
{
  AccordDocumentWindow *window = open_draft (f, "closure_commitment", CASE_WITH_OPINION, 0);
  PageWidth w = { accord_gui_find_named (GTK_WIDGET (window), "page-1"), 0 };
  int fitted;

  g_assert_true (accord_gui_wait_until (page_is_wide, &w));
  fitted = gtk_widget_get_width (w.page);
  g_assert_cmpint (fitted, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.zoom-in", NULL));
  w.width = (int) ceil (ACCORD_DOC_PAGE_WIDTH * accord_page_preview_get_zoom (ACCORD_PAGE_PREVIEW (w.page)));
  g_assert_true (accord_gui_wait_until (page_is_wide, &w));
  g_assert_cmpint (gtk_widget_get_width (w.page), >, fitted);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.zoom-out", NULL));
  w.width = (int) ceil (ACCORD_DOC_PAGE_WIDTH * accord_page_preview_get_zoom (ACCORD_PAGE_PREVIEW (w.page)));
  g_assert_true (accord_gui_wait_until (page_is_wide, &w));
  g_assert_cmpint (gtk_widget_get_width (w.page), <, fitted);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.zoom-fit", NULL));
  w.width = fitted;
  g_assert_true (accord_gui_wait_until (page_is_wide, &w));
}

static gboolean
document_window_shown (gpointer data)
{
  GtkWindow *window = accord_gui_find_toplevel (ACCORD_TYPE_DOCUMENT_WINDOW);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         accord_document_window_get_document_id (ACCORD_DOCUMENT_WINDOW (window)) == *(gint64 *) data;
}

static gboolean
case_lists_documents (gpointer data)
{
  GtkWidget *list = accord_gui_find_named (GTK_WIDGET (data), "documents-list");

  return list != NULL && gtk_widget_get_mapped (list) &&
         gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) != NULL;
}

/* The case page makes a draft of any kind from its New Document menu, and
 * opens a document of its list. */
static void
test_case_page (AccordGuiFixture *f,
                gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordDocument) issued = accord_gui_issue_document (f->store, "closure_commitment", CASE_WITH_OPINION);
  GtkWidget *view, *list;
  GtkListBoxRow *row;
  gint64 draft = 0;

  g_assert_no_error (error);
  accord_window_show_case (f->window, CASE_WITH_OPINION);
  view = accord_gui_find (GTK_WIDGET (f->window), ACCORD_TYPE_CASE_VIEW, NULL, NULL);
  g_assert_nonnull (view);
  g_assert_true (accord_gui_wait_until (case_lists_documents, view));

  list = accord_gui_find_named (view, "documents-list");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (accord_gui_wait_until (document_window_shown, &issued->id));
  gtk_window_destroy (accord_gui_find_toplevel (ACCORD_TYPE_DOCUMENT_WINDOW));

  g_assert_true (gtk_widget_activate_action (view, "case.new-document", "s", "non_repetition_agreement"));
  g_assert_true (accord_gui_wait_until (document_window_shown, &draft));
}

int
main (int   argc,
      char *argv[])
{
  if (!accord_gui_test_init (&argc, &argv))
    {
      g_test_skip ("No display");
      return 77;
    }
  /* The documents' own texts come from the catalogue in the build tree. */
  accord_i18n_init ();

  g_test_add ("/documents/preview-pages", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_preview_pages, accord_gui_fixture_tear_down);
  g_test_add ("/documents/draft-needs-session", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_draft_needs_session, accord_gui_fixture_tear_down);
  g_test_add ("/documents/draft-date", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_draft_date, accord_gui_fixture_tear_down);
  g_test_add ("/documents/draft-for-signature", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_draft_for_signature, accord_gui_fixture_tear_down);
  g_test_add ("/documents/issue-print-save", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_issue_print_save, accord_gui_fixture_tear_down);
  g_test_add ("/documents/void", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_void, accord_gui_fixture_tear_down);
  g_test_add ("/documents/zoom", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_zoom, accord_gui_fixture_tear_down);
  g_test_add ("/documents/case-page", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_case_page, accord_gui_fixture_tear_down);

  return g_test_run ();
}
