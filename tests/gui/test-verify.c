/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-verify"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord-case-file-export.h"
#include "accord-doc-render.h"
#include "accord-documents.h"
#include "accord-gui-test.h"
#include "accord-verify-dialog.h"

/* The verify dialog on files written from a document issued through core:
 * the PDF as issued, the same with one byte changed, the document once
 * voided, a text file and a file too large to be a document. */

typedef struct
{
  AccordGuiFixture  gui;
  char             *number;
  AccordDocument   *document;
  GBytes           *pdf;
} Fixture;

/* Helpers ---------------------------------------------------------------- */

static void
step (Fixture          *f,
      AccordCaseAction  action,
      const char       *arg)
{
  AccordCaseTransition t = { action, "2026-10-20", arg, arg, arg, arg };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = accord_store_transition_case (f->gui.store, f->number, 0, &t, &error);

  g_assert_no_error (error);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const void *data,
            gsize       length)
{
  g_autofree char *path = g_build_filename (f->gui.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
verdict_known (gpointer data)
{
  return accord_verify_dialog_get_verdict (data) != ACCORD_VERIFY_READING;
}

static AccordVerifyDialog *
verify (Fixture *f,
        GFile   *file)
{
  AccordVerifyDialog *dialog = accord_verify_dialog_open (f->gui.window, file);

  g_assert_true (accord_gui_wait_until (verdict_known, dialog));
  return dialog;
}

static const char *
case_button_label (AccordVerifyDialog *dialog)
{
  GtkWidget *button = accord_gui_find_named (GTK_WIDGET (dialog), "verify-case-button");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  return gtk_button_get_label (GTK_BUTTON (button));
}

static gboolean
dialog_gone (gpointer data)
{
  return accord_gui_find_toplevel (ACCORD_TYPE_VERIFY_DIALOG) == NULL;
}

static gboolean
label_says (GtkWidget     *widget,
            gconstpointer  text)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
case_shown (gpointer data)
{
  Fixture *f = data;

  return accord_gui_find (GTK_WIDGET (f->gui.window), GTK_TYPE_LABEL, label_says, f->number) != NULL;
}

static void
close_dialog (AccordVerifyDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (accord_gui_wait_until (dialog_gone, NULL));
}

/* Fixture ---------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const AccordPetitionerInput p = { "刘洋", "440304198501011235", "0755-83212345", NULL };
  AccordCaseInput in = { .title = "房屋征收补偿问题", .category = "城乡建设", .channel = "letter",
                         .received_on = "2026-10-09", .petitioners = &p, .n_petitioners = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;

  accord_gui_fixture_set_up (&f->gui, GUINT_TO_POINTER (0));
  c = accord_store_add_case (f->gui.store, &in, &error);
  g_assert_no_error (error);
  f->number = g_strdup (accord_case_get_number (c));
  step (f, ACCORD_CASE_ACTION_ACCEPT, NULL);
  step (f, ACCORD_CASE_ACTION_ASSIGN, "区住房和城乡建设委员会");
  step (f, ACCORD_CASE_ACTION_REPLY, "support");

  f->document = accord_gui_issue_document (f->gui.store, "closure_commitment", f->number);
  f->pdf = accord_store_document_pdf (f->gui.store, f->document->id, &error);
  g_assert_no_error (error);
  accord_window_data_changed (f->gui.window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->pdf, g_bytes_unref);
  g_clear_pointer (&f->document, accord_document_free);
  g_free (f->number);
  accord_gui_fixture_tear_down (&f->gui, data);
}

/* Tests ------------------------------------------------------------------ */

/* The PDF as issued: authentic, with its number and case; the case button
 * opens the case in the window. */
static void
test_authentic (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "issued.pdf", g_bytes_get_data (f->pdf, NULL), g_bytes_get_size (f->pdf));
  AccordVerifyDialog *dialog = verify (f, file);
  GtkWidget *button;

  g_assert_cmpint (accord_verify_dialog_get_verdict (dialog), ==, ACCORD_VERIFY_AUTHENTIC);
  g_assert_cmpstr (accord_gui_label_text (GTK_WIDGET (dialog), "verify-status"), ==, _("Authentic and Unaltered"));
  g_assert_cmpstr (case_button_label (dialog), ==, f->number);
  g_assert_nonnull (accord_gui_find (accord_gui_find_named (GTK_WIDGET (dialog), "verify-details"), GTK_TYPE_LABEL,
                                     label_says, f->document->number));

  button = accord_gui_find_named (GTK_WIDGET (dialog), "verify-case-button");
  gtk_widget_activate (button);
  g_assert_true (accord_gui_wait_until (dialog_gone, NULL));
  g_assert_true (accord_gui_wait_until (case_shown, f));
}

/* One byte changed: it still names the document, but is not it. */
static void
test_altered (Fixture       *f,
              gconstpointer  data)
{
  gsize length = 0;
  g_autofree guint8 *copy = g_bytes_unref_to_data (g_bytes_ref (f->pdf), &length);
  g_autoptr(GFile) file = NULL;
  AccordVerifyDialog *dialog;

  copy[length / 2] ^= 0x01;
  file = write_file (f, "altered.pdf", copy, length);
  dialog = verify (f, file);

  g_assert_cmpint (accord_verify_dialog_get_verdict (dialog), ==, ACCORD_VERIFY_ALTERED);
  g_assert_cmpstr (accord_gui_label_text (GTK_WIDGET (dialog), "verify-status"), ==, _("Altered"));
  g_assert_cmpstr (case_button_label (dialog), ==, f->number);
  close_dialog (dialog);
}

static void
test_voided (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "issued.pdf", g_bytes_get_data (f->pdf, NULL), g_bytes_get_size (f->pdf));
  g_autoptr(GError) error = NULL;
  AccordVerifyDialog *dialog;

  accord_store_void_document (f->gui.store, f->document->id, "编号有误", &error);
  g_assert_no_error (error);
  dialog = verify (f, file);

  g_assert_cmpint (accord_verify_dialog_get_verdict (dialog), ==, ACCORD_VERIFY_VOIDED);
  g_assert_cmpstr (accord_gui_label_text (GTK_WIDGET (dialog), "verify-status"), ==, _("Voided"));
  g_assert_nonnull (strstr (accord_gui_label_text (GTK_WIDGET (dialog), "verify-explanation"), "编号有误"));
  close_dialog (dialog);
}

/* A text file and a file far too large: one clear error each, the large
 * one refused before it is read. */
static void
test_not_a_document (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) text = write_file (f, "note.txt", "not a PDF\n", 10);
  g_autofree char *large_path = g_build_filename (f->gui.dir, "large.pdf", NULL);
  g_autoptr(GFile) large = NULL;
  AccordVerifyDialog *dialog;
  int fd;

  dialog = verify (f, text);
  g_assert_cmpint (accord_verify_dialog_get_verdict (dialog), ==, ACCORD_VERIFY_FAILED);
  g_assert_cmpstr (accord_gui_label_text (GTK_WIDGET (dialog), "verify-status"), ==, _("Cannot Verify This File"));
  g_assert_cmpstr (accord_gui_label_text (GTK_WIDGET (dialog), "verify-explanation"), ==, _("This file is not a PDF document."));
  g_assert_false (gtk_widget_is_visible (accord_gui_find_named (GTK_WIDGET (dialog), "verify-details")));
  close_dialog (dialog);

  /* 50 MB, sparse: it takes no room on the disk. */
  fd = g_open (large_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "%PDF-1.7\n", 9), ==, 9);
  g_assert_cmpint (ftruncate (fd, 50 * 1000 * 1000), ==, 0);
  close (fd);
  large = g_file_new_for_path (large_path);

  dialog = verify (f, large);
  g_assert_cmpint (accord_verify_dialog_get_verdict (dialog), ==, ACCORD_VERIFY_FAILED);
  g_assert_cmpstr (accord_gui_label_text (GTK_WIDGET (dialog), "verify-explanation"), ==,
                   _("This file is too large to be a document of this bureau."));
  close_dialog (dialog);
}

/* A PDF that is none of this bureau's documents: a draft. */
static void
test_foreign (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) content = accord_store_document_content (f->gui.store, "closure_commitment", f->number, 0,
                                                                 FALSE, &error);
  g_autoptr(GFile) file = NULL;
  AccordVerifyDialog *dialog;

  g_assert_no_error (error);
  other = accord_doc_render (content, NULL, NULL, NULL, (gpointer) "zh_CN", &error);
  g_assert_no_error (error);
  file = write_file (f, "draft.pdf", g_bytes_get_data (other, NULL), g_bytes_get_size (other));
  dialog = verify (f, file);

  g_assert_cmpint (accord_verify_dialog_get_verdict (dialog), ==, ACCORD_VERIFY_FOREIGN);
  g_assert_false (gtk_widget_is_visible (accord_gui_find_named (GTK_WIDGET (dialog), "verify-details")));
  close_dialog (dialog);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Exported;

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  Exported *e = data;

  e->ok = accord_case_file_export_finish (result, &e->error);
  e->done = TRUE;
}

static gboolean
exported (gpointer data)
{
  return ((Exported *) data)->done;
}

/* The case file exported from the window (drawn in a worker thread) is a
 * PDF, and is not mistaken for one of the documents it holds. */
static void
test_case_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->gui.dir, "case-file.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Exported e = { 0 };
  AccordVerifyDialog *dialog;

  accord_case_file_export_to (GTK_WIDGET (f->gui.window), f->gui.store, f->number, file, NULL, on_exported_cb, &e);
  g_assert_true (accord_gui_wait_until (exported, &e));
  g_assert_no_error (e.error);
  g_assert_true (e.ok);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, g_bytes_get_size (f->pdf));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  dialog = verify (f, file);
  g_assert_cmpint (accord_verify_dialog_get_verdict (dialog), ==, ACCORD_VERIFY_FOREIGN);
  close_dialog (dialog);
}

static GtkDropTarget *
window_drop_target (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->gui.window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
verify_dialog_shown (gpointer data)
{
  GtkWindow *dialog = accord_gui_find_toplevel (ACCORD_TYPE_VERIFY_DIALOG);

  return dialog != NULL && accord_verify_dialog_get_verdict (ACCORD_VERIFY_DIALOG (dialog)) != ACCORD_VERIFY_READING;
}

/* A PDF dropped on the window, as a file list: the window's drop target
 * takes files and opens the dialog on the first. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "issued.pdf", g_bytes_get_data (f->pdf, NULL), g_bytes_get_size (f->pdf));
  GtkDropTarget *target = window_drop_target (f);
  GSList *list = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  gsize n_types = 0;
  const GType *types;
  gboolean accepted = FALSE;
  AccordVerifyDialog *dialog;

  g_assert_nonnull (target);
  types = gtk_drop_target_get_gtypes (target, &n_types);
  g_assert_cmpuint (n_types, ==, 2);
  g_assert_true (types[0] == GDK_TYPE_FILE_LIST || types[1] == GDK_TYPE_FILE_LIST);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  g_assert_true (accord_gui_wait_until (verify_dialog_shown, NULL));
  dialog = ACCORD_VERIFY_DIALOG (accord_gui_find_toplevel (ACCORD_TYPE_VERIFY_DIALOG));
  g_assert_cmpint (accord_verify_dialog_get_verdict (dialog), ==, ACCORD_VERIFY_AUTHENTIC);
  close_dialog (dialog);
}

static gboolean
chooser_shown (gpointer data)
{
  GtkWindow *chooser = accord_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  return chooser != NULL && gtk_widget_get_mapped (GTK_WIDGET (chooser));
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* Verify Document… asks for the file, then verifies it. */
static void
test_choose (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "issued.pdf", g_bytes_get_data (f->pdf, NULL), g_bytes_get_size (f->pdf));
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;
  AccordVerifyDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->gui.window), "window.verify-document", NULL));
  g_assert_true (accord_gui_wait_until (chooser_shown, NULL));
  chooser = accord_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, _("Verify Document"));
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
  g_assert_no_error (error);
  /* The folder is read before the file is selected in it. */
  g_assert_true (accord_gui_wait_until (chooser_has_file, chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (accord_gui_wait_until (verify_dialog_shown, NULL));
  dialog = ACCORD_VERIFY_DIALOG (accord_gui_find_toplevel (ACCORD_TYPE_VERIFY_DIALOG));
  g_assert_cmpint (accord_verify_dialog_get_verdict (dialog), ==, ACCORD_VERIFY_AUTHENTIC);
  close_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  if (!accord_gui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/verify/authentic", Fixture, NULL, fixture_set_up, test_authentic, fixture_tear_down);
  g_test_add ("/verify/altered", Fixture, NULL, fixture_set_up, test_altered, fixture_tear_down);
  g_test_add ("/verify/voided", Fixture, NULL, fixture_set_up, test_voided, fixture_tear_down);
  g_test_add ("/verify/not-a-document", Fixture, NULL, fixture_set_up, test_not_a_document, fixture_tear_down);
  g_test_add ("/verify/foreign", Fixture, NULL, fixture_set_up, test_foreign, fixture_tear_down);
  g_test_add ("/verify/case-file", Fixture, NULL, fixture_set_up, test_case_file, fixture_tear_down);
  g_test_add ("/verify/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/verify/choose", Fixture, NULL, fixture_set_up, test_choose, fixture_tear_down);
  return g_test_run ();
}
