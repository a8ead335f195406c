/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-case-file-export"

#include <glib/gi18n.h>

#include "accord-case-file-export.h"
#include "accord-doc-case-file.h"
#include "accord-window.h"

typedef struct
{
  AccordDocCaseFile *file;
  GFile             *dest;
} Export;

typedef struct
{
  GtkWidget   *parent;
  AccordStore *store;
  char        *number;
} Choice;

/* Helpers ---------------------------------------------------------------- */

static void
export_free (Export *export)
{
  g_clear_pointer (&export->file, accord_doc_case_file_free);
  g_clear_object (&export->dest);
  g_free (export);
}

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->parent);
  g_clear_object (&choice->store);
  g_free (choice->number);
  g_free (choice);
}

/* In the worker: nothing here touches the store or a widget. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = accord_doc_case_file_render (export->file, &error);
  gsize length = 0;
  const char *data;

  if (pdf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = g_bytes_get_data (pdf, &length);
  if (!g_file_replace_contents (export->dest, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE, NULL,
                                cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
announce (GtkWidget *parent,
          GFile     *dest)
{
  AccordWindow *window = accord_window_of (parent);
  g_autofree char *name = g_file_get_basename (dest);
  /* TRANSLATORS: %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Case file saved as %s"), name);

  if (window != NULL)
    accord_window_add_toast (window, adw_toast_new (title));
}

/* Callbacks -------------------------------------------------------------- */

static void
on_rendered_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  Export *export = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        accord_window_report_error (GTK_WIDGET (source), _("Could Not Export the Case File"), error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  announce (GTK_WIDGET (source), export->dest);
  g_task_return_boolean (outer, TRUE);
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   Choice          *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    accord_case_file_export_to (choice->parent, choice->store, choice->number, file, NULL, NULL, NULL);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Public API ------------------------------------------------------------- */

void
accord_case_file_export_choose (GtkWidget   *parent,
                                AccordStore *store,
                                const char  *case_number)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdfs = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  Choice *choice;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (ACCORD_IS_STORE (store));
  g_return_if_fail (case_number != NULL);

  root = gtk_widget_get_root (parent);
  chooser = gtk_file_chooser_native_new (_("Export Case File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* TRANSLATORS: the file name offered for a case file; %s is the case number */
  name = g_strdup_printf (_("Case file %s.pdf"), case_number);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (pdfs, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdfs, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdfs);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  choice = g_new0 (Choice, 1);
  choice->parent = g_object_ref (parent);
  choice->store = g_object_ref (store);
  choice->number = g_strdup (case_number);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_file_chosen_cb), choice,
                         (GClosureNotify) choice_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * accord_case_file_export_to:
 *
 * Reads the case file of @case_number now, then draws and writes it to
 * @file in a worker thread; a toast says where it went, a dialog why it
 * could not be written.
 */
void
accord_case_file_export_to (GtkWidget           *parent,
                            AccordStore         *store,
                            const char          *case_number,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (ACCORD_IS_STORE (store));
  g_return_if_fail (case_number != NULL);
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (outer, accord_case_file_export_to);

  export = g_new0 (Export, 1);
  export->dest = g_object_ref (file);
  language = accord_store_get_setting (store, "document_language", "zh_CN");
  export->file = accord_doc_case_file_read (store, case_number, language, &error);
  if (export->file == NULL)
    {
      export_free (export);
      accord_window_report_error (parent, _("Could Not Export the Case File"), error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  inner = g_task_new (parent, cancellable, on_rendered_cb, g_steal_pointer (&outer));
  g_task_set_task_data (inner, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (inner, export_thread);
}

gboolean
accord_case_file_export_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == accord_case_file_export_to, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
