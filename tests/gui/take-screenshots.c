/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "take-screenshots"

/* Takes the README's screenshots: opens the window on a database (the demo
 * bureau, seeded by build-aux/screenshots.sh), shows each screen and
 * renders every window on screen to OUTDIR/NAME.png, the main window to
 * NAME.png and a dialog on top to NAME.png instead.  Run under Xvfb in the
 * language wanted. */

#include <math.h>

#include "accord-documents.h"
#include "accord-enums.h"
#include "accord-document-window.h"
#include "accord-gui-test.h"
#include "accord-i18n.h"
#include "accord-outcome.h"
#include "accord-outcome-editor.h"
#include "accord-preferences-window.h"
#include "accord-signature-pad.h"
#include "accord-signing-dialog.h"
#include "accord-verify-dialog.h"

typedef void (*ShowFunc) (AccordWindow *window);

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_print ("%s\n", path);
}

/* The newest toplevel on screen: a dialog if one is open. */
static GtkWidget *
top_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *top = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (window) && !GTK_IS_POPOVER (window))
        top = window;
    }
  return top;
}

static void
close_dialogs (AccordWindow *window)
{
  GtkWidget *top;

  while ((top = top_window ()) != NULL && top != GTK_WIDGET (window))
    gtk_window_destroy (GTK_WINDOW (top));
}

static void show_cases (AccordWindow *w) { accord_window_show_page (w, "cases"); }
static void show_schedule (AccordWindow *w) { accord_window_show_page (w, "schedule"); }
static void show_people (AccordWindow *w) { accord_window_show_page (w, "people"); }
static void show_venues (AccordWindow *w) { accord_window_show_page (w, "venues"); }
static void show_dashboard (AccordWindow *w) { accord_window_show_page (w, "dashboard"); }
static void search_cases (AccordWindow *w) { accord_window_set_search_text (w, "朝阳区"); }
static void new_case (AccordWindow *w) { gtk_widget_activate_action (GTK_WIDGET (w), "window.new-case", NULL); }
static void new_session (AccordWindow *w) { accord_window_new_session (w, NULL); }

static void
show_case (AccordWindow *w)
{
  g_autoptr(AccordCase) first = NULL;

  accord_window_set_search_text (w, NULL);
  first = g_list_model_get_item (accord_window_get_case_model (w), 0);
  accord_window_show_case (w, accord_case_get_number (first));
}

static void
show_session (AccordWindow *w)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 at = g_date_time_to_unix (now);
  g_autoptr(GPtrArray) sessions = accord_store_list_sessions (accord_window_get_store (w), at,
                                                              at + 30 * 86400, 0, 0, NULL);

  if (sessions != NULL && sessions->len > 0)
    accord_window_show_session (w, ((AccordSession *) g_ptr_array_index (sessions, 0))->id);
}

static void
show_preferences (AccordWindow *w)
{
  gtk_window_present (GTK_WINDOW (accord_preferences_window_new (GTK_WINDOW (w),
                                                                 accord_window_get_store (w))));
}

/* The latest hearing of the demo with its outcome recorded. */
static void
show_outcome (AccordWindow *w)
{
  AccordStore *store = accord_window_get_store (w);
  g_autofree char *today = accord_store_today (store);
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  int y, m, d;

  g_assert_cmpint (sscanf (today, "%d-%d-%d", &y, &m, &d), ==, 3);
  end = g_date_time_new_local (y, m, d, 23, 59, 0);
  sessions = accord_store_list_sessions (store, g_date_time_to_unix (end) - 365 * 86400,
                                         g_date_time_to_unix (end), 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = sessions->len; i > 0; i--)
    {
      AccordSession *s = g_ptr_array_index (sessions, i - 1);
      g_autoptr(AccordOutcome) outcome = NULL;
      AccordOutcomeEditor *editor;

      if (!g_str_equal (s->kind, "hearing") || (outcome = accord_store_get_outcome (store, s->id, NULL)) == NULL ||
          outcome->facts == NULL)
        continue;
      editor = accord_outcome_editor_new (GTK_WINDOW (w), store, s->id, &error);
      g_assert_no_error (error);
      gtk_window_set_default_size (GTK_WINDOW (editor), 760, 800);
      gtk_window_present (GTK_WINDOW (editor));
      return;
    }
  g_assert_not_reached ();
}

/* The newest document of @kind, signed if @want_signed. */
static gint64
find_document (AccordWindow *w,
               const char   *kind,
               gboolean      want_signed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = accord_store_list_documents (accord_window_get_store (w), NULL, &error);

  g_assert_no_error (error);
  for (guint i = documents->len; i > 0; i--)
    {
      AccordDocument *d = g_ptr_array_index (documents, i - 1);

      if (g_str_equal (d->kind, kind) && g_str_equal (d->status, want_signed ? "signed" : "issued"))
        return d->id;
    }
  g_assert_not_reached ();
}

static void
show_document (AccordWindow *w)
{
  AccordDocumentWindow *window =
    accord_document_window_new_for_document (GTK_WINDOW (w), accord_window_get_store (w),
                                             find_document (w, "non_repetition_agreement", TRUE));

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 800);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
pad_has_size (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* A name written in three strokes through the pad's drag handlers: each
 * a run of cursive loops (a stretched cycloid) of varying height. */
static void
write_on_pad (AccordSignaturePad *pad)
{
  double width = gtk_widget_get_width (GTK_WIDGET (pad)), height = gtk_widget_get_height (GTK_WIDGET (pad));
  static const struct { double x; guint loops; double heights[4]; } strokes[] = {
    { 0.14, 3, { 0.40, 0.22, 0.30, 0 } }, { 0.40, 2, { 0.26, 0.42, 0, 0 } }, { 0.62, 4, { 0.24, 0.36, 0.20, 0.32 } },
  };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (pad));
  GtkGesture *gesture = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && gesture == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        gesture = GTK_GESTURE (controller);
    }
  g_assert_nonnull (gesture);

  for (guint k = 0; k < G_N_ELEMENTS (strokes); k++)
    {
      const guint per_loop = 20, n_points = per_loop * strokes[k].loops + per_loop / 2;
      double advance = 0.055 * width, dx = 0, dy = 0;

      g_signal_emit_by_name (gesture, "drag-begin", strokes[k].x * width, 0.62 * height);
      for (guint i = 1; i <= n_points; i++)
        {
          double angle = 2 * G_PI * i / per_loop;
          guint l = MIN (i / per_loop, strokes[k].loops - 1);

          dx = advance * angle / (2 * G_PI) - 0.3 * advance * sin (angle);
          dy = -strokes[k].heights[l] * height * (1 - cos (angle)) / 2 + 0.04 * height * i / n_points;
          g_signal_emit_by_name (gesture, "drag-update", dx, dy);
        }
      g_signal_emit_by_name (gesture, "drag-end", dx, dy);
    }
}

static void
show_signing (AccordWindow *w)
{
  GtkWindow *dialog;
  AccordSignaturePad *pad;

  accord_signing_dialog_present (GTK_WINDOW (w), accord_window_get_store (w),
                                 find_document (w, "closure_commitment", FALSE));
  dialog = accord_gui_find_toplevel (ACCORD_TYPE_SIGNING_DIALOG);
  g_assert_nonnull (dialog);
  pad = ACCORD_SIGNATURE_PAD (accord_gui_find_named (GTK_WIDGET (dialog), "signature_pad"));
  g_assert_true (accord_gui_wait_until (pad_has_size, pad));
  write_on_pad (pad);
}

static gboolean
verdict_known (gpointer data)
{
  return accord_verify_dialog_get_verdict (data) != ACCORD_VERIFY_READING;
}

static void
show_verify (AccordWindow *w)
{
  AccordStore *store = accord_window_get_store (w);
  gint64 id = find_document (w, "closure_commitment", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordDocument) document = accord_store_get_document (store, id, &error);
  g_autoptr(GBytes) pdf = accord_store_document_pdf (store, id, &error);
  g_autofree char *name = NULL;
  AccordVerifyDialog *dialog;

  g_assert_no_error (error);
  /* As the document window names the file it saves. */
  name = g_strdup_printf ("%s-%s-%s.pdf", accord_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, document->kind),
                          document->case_number, document->number);
  dialog = accord_verify_dialog_new (GTK_WINDOW (w), store);
  gtk_window_present (GTK_WINDOW (dialog));
  accord_verify_dialog_verify_bytes (dialog, pdf, name);
  g_assert_true (accord_gui_wait_until (verdict_known, dialog));
  g_assert_cmpint (accord_verify_dialog_get_verdict (dialog), ==, ACCORD_VERIFY_AUTHENTIC);
}

static const struct
{
  const char *name;
  ShowFunc    show;
} screens[] = {
  { "cases", show_cases },
  { "search", search_cases },
  { "case", show_case },
  { "new-case", new_case },
  { "schedule", show_schedule },
  { "session", show_session },
  { "new-session", new_session },
  { "people", show_people },
  { "venues", show_venues },
  { "dashboard", show_dashboard },
  { "outcome", show_outcome },
  { "document", show_document },
  { "signing", show_signing },
  { "verify", show_verify },
  { "preferences", show_preferences },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordApplication) app = NULL;
  AccordWindow *window;

  if (argc != 3)
    {
      g_printerr ("usage: %s DATABASE OUTDIR\n", argv[0]);
      return 2;
    }
  accord_i18n_init ();
  gtk_init ();
  store = accord_store_open (argv[1], &error);
  g_assert_no_error (error);
  app = accord_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = accord_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  accord_gui_wait_idle ();

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.png", argv[2], screens[i].name);

      close_dialogs (window);
      screens[i].show (window);
      accord_gui_wait_idle ();
      accord_gui_wait_idle ();
      save_png (top_window (), path);
    }

  close_dialogs (window);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
