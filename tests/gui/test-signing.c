/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-signing"

#include "accord-case-view.h"
#include "accord-doc-render.h"
#include "accord-document-window.h"
#include "accord-documents.h"
#include "accord-gui-test.h"
#include "accord-test-pdf.h"
#include "accord-signature-pad.h"
#include "accord-signing-dialog.h"

#define N_SEEDED_CASES 20
/* The seeded fixture's first case has a handling opinion, so a closure
 * commitment can be issued for it without a session. */
#define CASE_WITH_OPINION "XF-2024-000001"
/* ... and one with a hearing planned. */
#define CASE_WITH_HEARING "XF-2025-000008"

/* Helpers ---------------------------------------------------------------- */

static gboolean
widget_has_size (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* A stroke through the pad's own drag handlers: from (x, y), by (dx, dy)
 * in @steps moves. */
static void
drag (AccordSignaturePad *pad,
      double              x,
      double              y,
      double              dx,
      double              dy,
      guint               steps)
{
  GtkEventController *gesture = accord_gui_find_controller (GTK_WIDGET (pad), GTK_TYPE_GESTURE_DRAG);

  g_assert_nonnull (gesture);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  for (guint i = 1; i <= steps; i++)
    g_signal_emit_by_name (gesture, "drag-update", dx * i / steps, dy * i / steps + 6.0 * (i % 2));
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
}

/* A pen stroke through the stylus gesture's handlers; without a tablet's
 * event there is no pressure axis, and the pad takes the mouse's. */
static void
pen (AccordSignaturePad *pad,
     double              x,
     double              y)
{
  GtkEventController *gesture = accord_gui_find_controller (GTK_WIDGET (pad), GTK_TYPE_GESTURE_STYLUS);

  g_assert_nonnull (gesture);

  g_signal_emit_by_name (gesture, "down", x, y);
  for (guint i = 1; i <= 8; i++)
    g_signal_emit_by_name (gesture, "motion", x + 10.0 * i, y + 3.0 * i);
  g_signal_emit_by_name (gesture, "up", x + 80.0, y + 24.0);
}

static JsonArray *
parse_strokes (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static void
assert_strokes (AccordSignaturePad *pad,
                guint               n_strokes)
{
  g_autofree char *json = accord_signature_pad_get_strokes (pad);
  g_autoptr(JsonArray) strokes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (json);
  g_assert_true (accord_validate_strokes (json, &error));
  g_assert_no_error (error);
  strokes = parse_strokes (json);
  g_assert_cmpuint (json_array_get_length (strokes), ==, n_strokes);
  for (guint i = 0; i < n_strokes; i++)
    {
      JsonArray *stroke = json_array_get_array_element (strokes, i);
      gint64 last_t = 0;

      g_assert_cmpuint (json_array_get_length (stroke), >=, 2);
      for (guint k = 0; k < json_array_get_length (stroke); k++)
        {
          JsonObject *p = json_array_get_object_element (stroke, k);

          g_assert_cmpfloat (json_object_get_double_member (p, "x"), >=, 0.0);
          g_assert_cmpfloat (json_object_get_double_member (p, "x"), <=, 1.0);
          g_assert_cmpfloat (json_object_get_double_member (p, "y"), >=, 0.0);
          g_assert_cmpfloat (json_object_get_double_member (p, "y"), <=, 1.0);
          g_assert_cmpfloat (json_object_get_double_member (p, "p"), ==, 0.5);
          /* Milliseconds since the stroke began, never going back. */
          g_assert_cmpint (json_object_get_int_member (p, "t"), >=, last_t);
          last_t = json_object_get_int_member (p, "t");
        }
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (stroke, 0), "t"), ==, 0);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static GBytes *
stored_pdf (AccordStore *store,
            gint64       document_id)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = accord_store_document_pdf (store, document_id, &error);

  g_assert_no_error (error);
  return pdf;
}

static int
stored_pdf_pages (AccordStore *store,
                  gint64       document_id)
{
  g_autoptr(GBytes) pdf = stored_pdf (store, document_id);

  return accord_test_pdf_pages (pdf);
}

static char *
last_page_text (AccordStore *store,
                gint64       document_id)
{
  g_autoptr(GBytes) pdf = stored_pdf (store, document_id);

  return accord_test_pdf_page_text (pdf, -1);
}

/* The signature boxes of a stored document, as drawn. */
static GPtrArray *
document_signers (AccordStore *store,
                  gint64       document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) content = NULL;
  g_autoptr(JsonObject) strokes = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(AccordDocLayout) layout = NULL;
  g_autoptr(AccordDocument) document = accord_store_get_document (store, document_id, &error);
  GPtrArray *boxes, *signers = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_assert_true (accord_store_document_drawing (store, document_id, &content, &hash, &strokes, &error));
  g_assert_no_error (error);
  layout = accord_doc_render_layout (content, document->public_id, hash, strokes, "zh_CN", &error);
  g_assert_no_error (error);
  boxes = accord_doc_layout_get_signers (layout);
  for (guint i = 0; i < boxes->len; i++)
    {
      const AccordDocSigner *box = g_ptr_array_index (boxes, i);

      g_assert_cmpfloat (box->width, >, box->height);
      g_assert_cmpfloat (box->height, >, 0.0);
      for (guint k = 0; k < signers->len; k++)
        g_assert_cmpstr (g_ptr_array_index (signers, k), !=, box->key);
      g_ptr_array_add (signers, g_strdup (box->key));
      /* The title the dialog announces: role, then name. */
      g_ptr_array_add (signers, *box->name != '\0' ? g_strdup_printf ("%s %s", box->role, box->name)
                                                  : g_strdup (box->role));
    }
  return signers;
}

static void
sign_on_pad (GtkWidget *dialog)
{
  AccordSignaturePad *pad = ACCORD_SIGNATURE_PAD (accord_gui_find_named (dialog, "signature_pad"));

  g_assert_true (accord_gui_wait_until (widget_has_size, pad));
  /* Nothing to sign with yet. */
  g_assert_true (accord_signature_pad_is_empty (pad));
  g_assert_false (gtk_widget_is_sensitive (accord_gui_find_named (dialog, "sign_button")));
  drag (pad, 20.0, 40.0, 180.0, 30.0, 12);
  drag (pad, 60.0, 20.0, 10.0, 60.0, 6);
  g_assert_true (gtk_widget_is_sensitive (accord_gui_find_named (dialog, "sign_button")));
  g_assert_true (gtk_widget_activate_action (dialog, "signing.sign", NULL));
}

/* Tests ------------------------------------------------------------------ */

static void
test_pad_strokes (void)
{
  GtkWidget *window = gtk_window_new ();
  AccordSignaturePad *pad = ACCORD_SIGNATURE_PAD (accord_signature_pad_new ());
  guint empty_notes = 0, redo_notes = 0;

  accord_signature_pad_set_box_size (pad, 200.0, 50.0);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pad));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 200);
  g_signal_connect (pad, "notify::empty", G_CALLBACK (count_notify), &empty_notes);
  g_signal_connect (pad, "notify::can-redo", G_CALLBACK (count_notify), &redo_notes);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (accord_gui_wait_until (widget_has_size, pad));

  g_assert_true (accord_signature_pad_is_empty (pad));
  g_assert_null (accord_signature_pad_get_strokes (pad));

  /* The second stroke runs out of the pad: its points stay on the edge. */
  drag (pad, 30.0, 60.0, 400.0, 40.0, 20);
  g_assert_false (accord_signature_pad_is_empty (pad));
  g_assert_cmpuint (empty_notes, ==, 1);
  drag (pad, 500.0, 20.0, 300.0, 400.0, 10);
  g_assert_cmpuint (accord_signature_pad_get_n_strokes (pad), ==, 2);
  assert_strokes (pad, 2);

  /* Ctrl+Z and Ctrl+Shift+Z are the pad's undo and redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pad), "signature-pad.undo", NULL));
  g_assert_cmpuint (accord_signature_pad_get_n_strokes (pad), ==, 1);
  g_assert_true (accord_signature_pad_can_redo (pad));
  g_assert_cmpuint (redo_notes, ==, 1);
  assert_strokes (pad, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pad), "signature-pad.redo", NULL));
  assert_strokes (pad, 2);
  g_assert_false (accord_signature_pad_can_redo (pad));

  /* A new stroke after an undo drops what could be redone. */
  accord_signature_pad_undo (pad);
  accord_signature_pad_undo (pad);
  g_assert_true (accord_signature_pad_is_empty (pad));
  g_assert_null (accord_signature_pad_get_strokes (pad));
  drag (pad, 100.0, 100.0, 50.0, -30.0, 5);
  g_assert_false (accord_signature_pad_can_redo (pad));
  assert_strokes (pad, 1);

  pen (pad, 40.0, 40.0);
  assert_strokes (pad, 2);

  accord_signature_pad_clear (pad);
  g_assert_true (accord_signature_pad_is_empty (pad));
  gtk_widget_activate_action (GTK_WIDGET (pad), "signature-pad.undo", NULL);
  g_assert_true (accord_signature_pad_is_empty (pad));
  g_assert_false (accord_signature_pad_can_redo (pad));
  g_assert_cmpuint (empty_notes, ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sign_document (AccordGuiFixture *f,
                    gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordDocument) issued = accord_gui_issue_document (f->store, "closure_commitment", CASE_WITH_OPINION);
  g_autoptr(AccordDocument) now = NULL;
  g_autoptr(GPtrArray) signers = NULL;
  g_autofree char *next = NULL;
  g_autofree char *record = NULL;
  AccordDocumentWindow *window;
  GtkWidget *dialog;
  int issued_pages;

  g_assert_no_error (error);
  g_assert_cmpstr (issued->status, ==, "issued");
  issued_pages = stored_pdf_pages (f->store, issued->id);
  signers = document_signers (f->store, issued->id);
  /* A petitioner and the bureau's officer at least. */
  g_assert_cmpuint (signers->len / 2, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (signers, 0), ==, "petitioner:0");

  /* Sign… in the document's window opens the dialog on it. */
  window = accord_document_window_new_for_document (GTK_WINDOW (f->window), f->store, issued->id);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.sign", NULL));
  g_assert_true (accord_gui_wait_until (accord_gui_toplevel_shown, GSIZE_TO_POINTER (ACCORD_TYPE_SIGNING_DIALOG)));
  dialog = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_SIGNING_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  next = g_strdup_printf ("Next: %s", (char *) g_ptr_array_index (signers, 1));
  g_assert_cmpstr (accord_gui_label_text (dialog, "next_label"), ==, next);

  sign_on_pad (dialog);
  g_assert_false (gtk_widget_get_visible (accord_gui_find_named (dialog, "signing_error")));
  now = accord_store_get_document (f->store, issued->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (now->status, ==, "signed");
  g_assert_cmpuint (now->signatures->len, ==, 1);
  g_assert_cmpstr (((AccordSignature *) g_ptr_array_index (now->signatures, 0))->signer, ==, "petitioner:0");
  /* The signed PDF: the issued pages and the signing record. */
  g_assert_cmpint (stored_pdf_pages (f->store, issued->id), ==, issued_pages + 1);
  record = last_page_text (f->store, issued->id);
  g_assert_nonnull (strstr (record, "petitioner:0"));

  /* The pad is clean and the next signer is announced. */
  g_assert_true (accord_signature_pad_is_empty (ACCORD_SIGNATURE_PAD (accord_gui_find_named (dialog,
                                                                                             "signature_pad"))));
  g_clear_pointer (&next, g_free);
  next = g_strdup_printf ("Next: %s", (char *) g_ptr_array_index (signers, 3));
  g_assert_cmpstr (accord_gui_label_text (dialog, "next_label"), ==, next);
}

/* Someone signs the box the dialog shows behind its back: the dialog says
 * why it was refused and moves on; once every box is signed it says so. */
static void
test_sign_refused_then_all (AccordGuiFixture *f,
                            gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordDocument) issued = accord_gui_issue_document (f->store, "closure_commitment", CASE_WITH_OPINION);
  g_autoptr(AccordDocument) elsewhere = NULL;
  g_autoptr(AccordDocument) now = NULL;
  g_autoptr(GPtrArray) signers = NULL;
  g_autofree char *next = NULL;
  GtkWidget *dialog, *error_label;
  int issued_pages;

  g_assert_no_error (error);
  issued_pages = stored_pdf_pages (f->store, issued->id);
  signers = document_signers (f->store, issued->id);
  accord_signing_dialog_present (GTK_WINDOW (f->window), f->store, issued->id);
  g_assert_true (accord_gui_wait_until (accord_gui_toplevel_shown, GSIZE_TO_POINTER (ACCORD_TYPE_SIGNING_DIALOG)));
  dialog = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_SIGNING_DIALOG));

  elsewhere = accord_store_sign_document (f->store, issued->id, "petitioner:0", "信访人",
                                          "[[{\"x\":0.1,\"y\":0.5,\"p\":0.5,\"t\":0},"
                                          "{\"x\":0.9,\"y\":0.5,\"p\":0.5,\"t\":80}]]",
                                          accord_doc_render, "zh_CN", &error);
  g_assert_no_error (error);

  sign_on_pad (dialog);
  error_label = accord_gui_find_named (dialog, "signing_error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "already been signed"));
  next = g_strdup_printf ("Next: %s", (char *) g_ptr_array_index (signers, 3));
  g_assert_cmpstr (accord_gui_label_text (dialog, "next_label"), ==, next);

  for (guint i = 1; i < signers->len / 2; i++)
    {
      sign_on_pad (dialog);
      g_assert_false (gtk_widget_get_visible (error_label));
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (accord_gui_find_named (dialog, "signing_stack"))),
                   ==, "done");
  g_assert_true (gtk_widget_is_visible (accord_gui_find_named (dialog, "signing_done")));

  now = accord_store_get_document (f->store, issued->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (now->signatures->len, ==, signers->len / 2);
  g_assert_cmpint (stored_pdf_pages (f->store, issued->id), ==, issued_pages + 1);
}

/* Hearing minutes have a place for each participant at the foot of every
 * page and a box for each at the end: one signer each, shown by the box. */
static void
test_minutes_signers (AccordGuiFixture *f,
                      gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  gint64 hearing = accord_document_window_suggest_session (f->store, "hearing_minutes", CASE_WITH_HEARING);
  g_autoptr(JsonObject) content = NULL;
  g_autoptr(AccordDocLayout) layout = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *signers;

  g_assert_cmpint (hearing, >, 0);
  content = accord_store_document_content (f->store, "hearing_minutes", CASE_WITH_HEARING, hearing, FALSE, &error);
  g_assert_no_error (error);
  layout = accord_doc_render_layout (content, NULL, NULL, NULL, "zh_CN", &error);
  g_assert_no_error (error);
  signers = accord_doc_layout_get_signers (layout);
  g_assert_cmpuint (signers->len, >=, 2);
  for (guint i = 0; i < signers->len; i++)
    {
      const AccordDocSigner *signer = g_ptr_array_index (signers, i);

      g_assert_true (g_hash_table_add (keys, signer->key));
      g_assert_cmpstr (signer->role, !=, "");
      /* The box at the end, not the short line at the foot of a page. */
      g_assert_cmpfloat (signer->width / signer->height, >, 2.5);
    }
}

static gboolean
is_sign_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Sign…") == 0;
}

static gboolean
sign_button_shown (gpointer data)
{
  return accord_gui_find (GTK_WIDGET (data), GTK_TYPE_BUTTON, is_sign_button, NULL) != NULL;
}

static gboolean
row_says_signed (GtkWidget     *widget,
                 gconstpointer  data)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

  return gtk_widget_get_mapped (widget) && subtitle != NULL && g_str_has_suffix (subtitle, " · Signed");
}

/* The case page's document row has its own Sign… */
static void
test_sign_from_case_page (AccordGuiFixture *f,
                          gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordDocument) issued = accord_gui_issue_document (f->store, "closure_commitment", CASE_WITH_OPINION);
  g_autoptr(GPtrArray) signers = NULL;
  g_autofree char *next = NULL;
  GtkWidget *view, *dialog;

  g_assert_no_error (error);
  signers = document_signers (f->store, issued->id);
  accord_window_show_case (f->window, CASE_WITH_OPINION);
  view = accord_gui_find (GTK_WIDGET (f->window), ACCORD_TYPE_CASE_VIEW, NULL, NULL);
  g_assert_nonnull (view);
  g_assert_true (accord_gui_wait_until (sign_button_shown, view));
  gtk_widget_activate (accord_gui_find (view, GTK_TYPE_BUTTON, is_sign_button, NULL));
  g_assert_true (accord_gui_wait_until (accord_gui_toplevel_shown, GSIZE_TO_POINTER (ACCORD_TYPE_SIGNING_DIALOG)));
  dialog = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_SIGNING_DIALOG));
  next = g_strdup_printf ("Next: %s", (char *) g_ptr_array_index (signers, 1));
  g_assert_cmpstr (accord_gui_label_text (dialog, "next_label"), ==, next);

  /* The case page shows the document signed. */
  g_assert_null (accord_gui_find (view, ADW_TYPE_ACTION_ROW, row_says_signed, NULL));
  sign_on_pad (dialog);
  accord_gui_wait_idle ();
  view = accord_gui_find (GTK_WIDGET (f->window), ACCORD_TYPE_CASE_VIEW, NULL, NULL);
  g_assert_nonnull (accord_gui_find (view, ADW_TYPE_ACTION_ROW, row_says_signed, NULL));
}

int
main (int   argc,
      char *argv[])
{
  if (!accord_gui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/gui/signing/pad-strokes", test_pad_strokes);
  g_test_add ("/gui/signing/sign-document", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_sign_document, accord_gui_fixture_tear_down);
  g_test_add ("/gui/signing/refused-then-all-signed", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_sign_refused_then_all, accord_gui_fixture_tear_down);

  g_test_add ("/gui/signing/minutes-signers", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_minutes_signers, accord_gui_fixture_tear_down);
  g_test_add ("/gui/signing/from-case-page", AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES),
              accord_gui_fixture_set_up, test_sign_from_case_page, accord_gui_fixture_tear_down);

  return g_test_run ();
}
