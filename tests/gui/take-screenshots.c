/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "take-screenshots"

/* Takes the README's screenshots: opens the window on a database (the demo
 * bureau, seeded by build-aux/screenshots.sh), shows each screen and
 * renders every window on screen to OUTDIR/NAME.png, the main window to
 * NAME.png and a dialog on top to NAME.png instead.  Run under Xvfb in the
 * language wanted. */

#include "accord-gui-test.h"
#include "accord-i18n.h"
#include "accord-preferences-window.h"

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
