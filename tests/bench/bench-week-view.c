/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-week-view"

/* The week view with a busy week (by default 400 sessions, many of them
 * overlapping): the median time to lay the week out once, as after a
 * change of data, to draw the first frame after it, and to draw a frame
 * — snapshot the widget and render the nodes to a 1200×800 image — as on
 * every redraw of an unchanged week (a drag, a selection, the time line).
 * A frame must take under 16 ms. */

#include <stdio.h>

#include "bench-util.h"

#include "accord-week-view.h"

#define WIDTH 1200
#define HEIGHT 800

static const char *kinds[] = { "hearing", "mediation", "joint_reception", "follow_up" };

/* Sessions spread over the five working days from 08:00 to 18:00, a
 * quarter of an hour apart, 60 to 120 minutes long, so that up to eight
 * overlap at a time. */
static GPtrArray *
busy_week (GTimeZone *zone,
           guint      n)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_session_free);

  for (guint i = 0; i < n; i++)
    {
      AccordSession *s = g_new0 (AccordSession, 1);
      g_autoptr(GDateTime) start = g_date_time_new (zone, 2026, 11, 16 + i % 5, 8, 0, 0);
      g_autoptr(GDateTime) at = g_date_time_add_minutes (start, 15 * ((i / 5) % 40));

      s->id = i + 1;
      s->case_number = g_strdup_printf ("XF-2026-%06u", i + 1);
      s->kind = g_strdup (kinds[i % G_N_ELEMENTS (kinds)]);
      s->status = g_strdup ("planned");
      s->venue_name = g_strdup ("第一听证室");
      s->starts_at = g_date_time_to_unix (at);
      s->ends_at = s->starts_at + 60 * (60 + 30 * (i % 3));
      s->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_participant_free);
      g_ptr_array_add (sessions, s);
    }
  return sessions;
}

static double
draw_frame (AccordWeekView  *view,
            cairo_surface_t *surface)
{
  gint64 start = g_get_monotonic_time ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr = cairo_create (surface);

  accord_week_view_render (view, snapshot, WIDTH, HEIGHT);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  guint n_sessions = bench_env_uint ("ACCORD_BENCH_WEEK_SESSIONS", 400);
  guint rounds = bench_env_uint ("ACCORD_BENCH_ROUNDS", 50);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree double *layout_ms = g_new (double, rounds);
  g_autofree double *first_ms = g_new (double, rounds);
  g_autofree double *frame_ms = g_new (double, rounds);
  cairo_surface_t *surface;
  GtkWidget *view;
  GDate monday;

  /* The widget needs a display for its fonts; without one, a skip. */
  if (!gtk_init_check ())
    {
      printf ("bench-week-view: no display, skipped\n");
      return 77;
    }

  sessions = busy_week (zone, n_sessions);
  view = g_object_ref_sink (accord_week_view_new ());
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 16, 11, 2026);
  accord_week_view_set_days (ACCORD_WEEK_VIEW (view), &monday, 7, zone);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  for (guint i = 0; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();

      accord_week_view_set_sessions (ACCORD_WEEK_VIEW (view), sessions, NULL);
      layout_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      /* The first frame after a change sizes the text (and draws the
       * blocks of a busy week once); later ones only draw. */
      first_ms[i] = draw_frame (ACCORD_WEEK_VIEW (view), surface);
      frame_ms[i] = draw_frame (ACCORD_WEEK_VIEW (view), surface);
    }

  printf ("week view, %u sessions (%u laid out), %d×%d:\n", n_sessions,
          accord_week_view_get_n_blocks (ACCORD_WEEK_VIEW (view)), WIDTH, HEIGHT);
  printf ("  layout after a data change: median %.2f ms\n", bench_median (layout_ms, rounds));
  printf ("  first frame after it: median %.2f ms\n", bench_median (first_ms, rounds));
  printf ("  redraw (snapshot + render): median %.2f ms (budget 16 ms)\n", bench_median (frame_ms, rounds));

  cairo_surface_destroy (surface);
  g_object_unref (view);
  return 0;
}
