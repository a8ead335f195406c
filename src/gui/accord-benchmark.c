/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-benchmark"

/* A measuring mode for tests/bench/bench-gui.c: with ACCORD_BENCHMARK set,
 * the window notes when its first frame is painted, then types a few
 * searches and notes when each result is on screen, prints one line of
 * figures on stdout and quits.  Times are CLOCK_MONOTONIC microseconds, the
 * clock the benchmark that launched us reads too. */

#include <stdio.h>

#include "accord-benchmark.h"

typedef struct
{
  AccordWindow *window;
  gint64        first_frame;
  gint64        typed_at;
  guint         query;
  double        schedule_ms;  /* from switching to the week to its frame */
  GArray       *search_ms;   /* double */
  gulong        handler;
} Run;

static const char * const queries[] = {
  "朝阳", "拖欠", "XF-2026-0001", "张", "房屋征收补偿", "海淀区人事", "李",
};

static void on_after_paint_cb (GdkFrameClock *clock,
                               Run           *run);

/* A figure of /proc/self/status in kB, such as the peak resident set
 * "VmHWM" or the part of it that is the process's own memory, "RssAnon",
 * rather than pages of mapped files (the database, the fonts). */
static gint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line != NULL ? g_ascii_strtoll (line + strlen (field) + 1, NULL, 10) : -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len > 0 ? g_array_index (values, double, values->len / 2) : 0;
}

static void
finish (Run *run)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (run->window));

  g_signal_handler_disconnect (clock, run->handler);
  printf ("first-frame=%" G_GINT64_FORMAT " search-ms=%.2f peak-rss-kb=%" G_GINT64_FORMAT
          " anon-kb=%" G_GINT64_FORMAT " file-kb=%" G_GINT64_FORMAT " schedule-ms=%.2f\n",
          run->first_frame, median (run->search_ms), status_kb ("VmHWM:"),
          status_kb ("RssAnon:"), status_kb ("RssFile:"), run->schedule_ms);
  fflush (stdout);
  g_array_unref (run->search_ms);
  g_application_quit (g_application_get_default ());
  g_free (run);
}

/* Each search is timed from the keystroke to the frame that shows its
 * result; the next one is typed once that frame is out.  Last, the
 * schedule is opened on the current week. */
static void
type_next (Run *run)
{
  if (run->query == G_N_ELEMENTS (queries) + 1)
    {
      finish (run);
      return;
    }
  if (run->query == G_N_ELEMENTS (queries))
    {
      run->query++;
      run->typed_at = g_get_monotonic_time ();
      accord_window_show_page (run->window, "schedule");
      gtk_widget_queue_draw (GTK_WIDGET (run->window));
      return;
    }
  run->typed_at = g_get_monotonic_time ();
  accord_window_set_search_text (run->window, queries[run->query++]);
  gtk_widget_queue_draw (GTK_WIDGET (run->window));
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Run           *run)
{
  gint64 now = g_get_monotonic_time ();

  if (run->first_frame == 0)
    run->first_frame = now;
  else if (run->query <= G_N_ELEMENTS (queries))
    {
      double ms = (now - run->typed_at) / 1000.0;
      g_array_append_val (run->search_ms, ms);
    }
  else
    run->schedule_ms = (now - run->typed_at) / 1000.0;
  type_next (run);
}

gboolean
accord_benchmark_requested (void)
{
  return g_getenv ("ACCORD_BENCHMARK") != NULL;
}

static void
on_window_realize_cb (GtkWidget *widget,
                      Run       *run)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  run->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), run);
}

void
accord_benchmark_run (AccordWindow *window)
{
  Run *run = g_new0 (Run, 1);

  run->window = window;
  run->search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), run);
}
