/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-dashboard-page"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "accord-dashboard-page.h"
#include "accord-deadlines.h"
#include "accord-enums.h"
#include "accord-store-report.h"
#include "accord-validate.h"
#include "accord-window.h"

/* How many overdue cases and panelists the page lists. */
#define OVERDUE_SHOWN 50
#define WORKLOAD_SHOWN 20
/* How many months "One Month" offers, counting back from this one. */
#define MONTHS_OFFERED 36

struct _AccordDashboardPage
{
  AdwBin          parent_instance;

  AccordStore    *store;
  GCancellable   *loading;
  char          **units;           /* as the unit dropdown lists them, after "All units" */
  gboolean        filling_units;
  char           *today;

  /* The figures shown, for the chart */
  GArray         *months;          /* AccordMonthIndicators */

  GtkDropDown    *period_dropdown;
  GtkDropDown    *month_dropdown;
  GtkEntry       *from_entry;
  GtkLabel       *to_label;
  GtkEntry       *to_entry;
  GtkLabel       *period_label;
  GtkDropDown    *unit_dropdown;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *invalid_page;
  GtkFlowBox     *cards_box;
  GtkWidget      *trend_group;
  GtkDrawingArea *chart;
  AdwPreferencesGroup *overdue_group;
  GtkListBox     *overdue_list;
  GtkGrid        *results_grid;
  AdwPreferencesGroup *workload_group;
  GtkListBox     *workload_list;

  GtkLabel       *rate_labels[5];
  GtkLabel       *count_labels[5];
};

G_DEFINE_FINAL_TYPE (AccordDashboardPage, accord_dashboard_page, ADW_TYPE_BIN)

enum
{
  PERIOD_THIS_YEAR,
  PERIOD_LAST_12_MONTHS,
  PERIOD_MONTH,
  PERIOD_RANGE,
};

/* The five rates in the order of the cards, the chart's legend and the
 * command line's report; the colours are libadwaita's palette (blue 3,
 * green 5, yellow 5, purple 3, orange 4). */
typedef struct
{
  const char *name;
  const char *title;
  guint32     rgb;
} RateKind;

static const RateKind rate_kinds[] = {
  { "acceptance", N_("Timely acceptance rate"), 0x3584e4 },
  { "completion", N_("On-time completion rate"), 0x26a269 },
  { "participation", N_("Participation rate"), 0xe5a50a },
  { "satisfaction", N_("Satisfaction rate"), 0x9141ac },
  { "resolution", N_("Resolution rate"), 0xe66100 },
};

/* What a load in the background reads and returns. */
typedef struct
{
  char *path;
  char *from;
  char *to;
  char *unit;
} Request;

typedef struct
{
  gboolean          has_cases;
  char            **units;
  AccordIndicators  totals;
  GArray           *months;
  gint64            n_overdue;
  GPtrArray        *overdue;
  GPtrArray        *results;
  GPtrArray        *workload;
} Figures;

/* Helpers ---------------------------------------------------------------- */

static void
request_free (Request *request)
{
  g_free (request->path);
  g_free (request->from);
  g_free (request->to);
  g_free (request->unit);
  g_free (request);
}

static void
figures_free (Figures *figures)
{
  g_strfreev (figures->units);
  g_clear_pointer (&figures->months, g_array_unref);
  g_clear_pointer (&figures->overdue, g_ptr_array_unref);
  g_clear_pointer (&figures->results, g_ptr_array_unref);
  g_clear_pointer (&figures->workload, g_ptr_array_unref);
  g_free (figures);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Figures, figures_free)

/* The numerator and denominator of rate @kind, as the command line's
 * report takes them. */
static void
rate_counts (const AccordIndicators *i,
             guint                   kind,
             gint64                 *part,
             gint64                 *whole)
{
  const gint64 parts[] = { i->acceptance_timely, i->completion_on_time, i->rated,
                           i->satisfied + i->basically_satisfied, i->resolved };
  const gint64 wholes[] = { i->acceptance_due, i->completion_due, i->rated + i->overdue_unrated, i->rated,
                            i->led };

  *part = parts[kind];
  *whole = wholes[kind];
}

/* The rate as the command line prints it: rounded half up to two
 * decimals, or a dash when nothing was counted. */
static char *
format_rate (gint64 part,
             gint64 whole)
{
  double rate = accord_indicator_rate (part, whole);

  if (isnan (rate))
    return g_strdup ("—");
  /* TRANSLATORS: a rate in percent with two decimals, e.g. "92.13 %" */
  return g_strdup_printf (_("%.2f %%"), (double) (gint64) (rate * 100.0 + 0.5) / 100.0);
}

static char *
date_text (GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
parse_day (GDate      *date,
           const char *text)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) atoi (text + 8), (GDateMonth) atoi (text + 5), (GDateYear) atoi (text));
}

/* The first day of the month @back months before today's. */
static void
month_back (const char *today,
            guint       back,
            GDate      *first)
{
  parse_day (first, today);
  g_date_set_day (first, 1);
  g_date_subtract_months (first, back);
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0,
                         alpha);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* The period ------------------------------------------------------------- */

/* The period chosen, or FALSE with @error saying what is wrong with the
 * dates typed. */
static gboolean
chosen_period (AccordDashboardPage  *self,
               char                **from,
               char                **to,
               GError              **error)
{
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  GDate first, last;

  if (period == PERIOD_RANGE)
    {
      const char *a = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
      const char *b = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));

      if (!accord_validate_date (_("First day"), a, error))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
          return FALSE;
        }
      if (!accord_validate_date (_("Last day"), b, error))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
          return FALSE;
        }
      if (strcmp (a, b) > 0)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
          g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE,
                               _("The last day comes before the first day"));
          return FALSE;
        }
      *from = g_strdup (a);
      *to = g_strdup (b);
      return TRUE;
    }

  if (period == PERIOD_MONTH)
    {
      month_back (self->today, MIN (gtk_drop_down_get_selected (self->month_dropdown), MONTHS_OFFERED - 1), &first);
      last = first;
      g_date_add_months (&last, 1);
      g_date_subtract_days (&last, 1);
      *from = date_text (&first);
      *to = date_text (&last);
      return TRUE;
    }

  /* This year, as the command line's report has it by default, or the
   * twelve months ending with this one. */
  if (period == PERIOD_LAST_12_MONTHS)
    month_back (self->today, 11, &first);
  else
    g_date_set_dmy (&first, 1, G_DATE_JANUARY, (GDateYear) atoi (self->today));
  *from = date_text (&first);
  *to = g_strdup (self->today);
  return TRUE;
}

static const char *
chosen_unit (AccordDashboardPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->units == NULL ||
      selected > g_strv_length (self->units))
    return NULL;
  return self->units[selected - 1];
}

static void
fill_months (AccordDashboardPage *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  for (guint i = 0; i < MONTHS_OFFERED; i++)
    {
      GDate first;
      g_autoptr(GDateTime) month = NULL;
      g_autofree char *text = NULL;

      month_back (self->today, i, &first);
      month = g_date_time_new_local (g_date_get_year (&first), g_date_get_month (&first), 1, 0, 0, 0);
      /* TRANSLATORS: a month in the dashboard's period chooser, as a
       * g_date_time_format() format, e.g. "November 2026" */
      text = g_date_time_format (month, _("%B %Y"));
      gtk_string_list_append (months, text);
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (months));
}

/* Lists @units after "All units", keeping the unit chosen if it is there. */
static void
fill_units (AccordDashboardPage  *self,
            char                **units)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_strdup (chosen_unit (self));
  guint selected = 0;

  if (self->units != NULL && units != NULL && g_strv_equal ((const char * const *) self->units,
                                                            (const char * const *) units))
    return;

  gtk_string_list_append (list, _("All Units"));
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    {
      gtk_string_list_append (list, units[i]);
      if (g_strcmp0 (units[i], chosen) == 0)
        selected = i + 1;
    }

  g_strfreev (self->units);
  self->units = g_strdupv (units);
  self->filling_units = TRUE;
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->unit_dropdown, selected);
  self->filling_units = FALSE;
}

static void
update_period_widgets (AccordDashboardPage *self)
{
  guint period = gtk_drop_down_get_selected (self->period_dropdown);

  gtk_widget_set_visible (GTK_WIDGET (self->month_dropdown), period == PERIOD_MONTH);
  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), period == PERIOD_RANGE);
  gtk_widget_set_visible (GTK_WIDGET (self->to_label), period == PERIOD_RANGE);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), period == PERIOD_RANGE);
}

/* Loading ---------------------------------------------------------------- */

/* The period's counts are the sum of its months' (core counts a month as
 * the period's days in it), which saves counting the period twice. */
static gboolean
sum_months (GArray           *months,
            AccordIndicators *totals)
{
  gint64 *sum = (gint64 *) totals;

  *totals = (AccordIndicators) { 0 };
  for (guint m = 0; m < months->len; m++)
    {
      const gint64 *counts = (const gint64 *) &g_array_index (months, AccordMonthIndicators, m).counts;

      for (guint i = 0; i < sizeof (AccordIndicators) / sizeof (gint64); i++)
        sum[i] += counts[i];
    }
  return TRUE;
}

static gboolean
read_figures (AccordStore  *store,
              Request      *r,
              Figures      *f,
              GError      **error)
{
  AccordCaseFilter any = { 0 };
  g_autoptr(GPtrArray) one = accord_store_list_cases (store, &any, 0, 0, 1, error);

  if (one == NULL)
    return FALSE;
  f->has_cases = one->len > 0;
  return (f->units = accord_store_responsible_units (store, error)) != NULL &&
         (f->months = accord_store_monthly_indicators (store, r->from, r->to, r->unit, error)) != NULL &&
         sum_months (f->months, &f->totals) &&
         (f->n_overdue = accord_store_count_overdue_cases (store, r->from, r->to, r->unit, error)) >= 0 &&
         (f->overdue = accord_store_overdue_cases (store, r->from, r->to, r->unit, OVERDUE_SHOWN, error)) != NULL &&
         (f->results = accord_store_session_results (store, r->from, r->to, r->unit, error)) != NULL &&
         (f->workload = accord_store_panelist_workload (store, r->from, r->to, r->unit, WORKLOAD_SHOWN, error)) != NULL;
}

/* A year of a large register takes a moment to count, so the figures are
 * read in a thread on a connection of its own, as the schedule checks
 * conflicts (the store is not shared between threads). */
static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Request *request = data;
  g_autoptr(Figures) figures = g_new0 (Figures, 1);
  g_autoptr(AccordStore) store = NULL;
  GError *error = NULL;

  if ((store = accord_store_open (request->path, &error)) == NULL ||
      !accord_store_set_lean (store, &error) ||
      !read_figures (store, request, figures, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&figures), (GDestroyNotify) figures_free);
}

static void show_figures (AccordDashboardPage *self,
                          Figures             *figures);

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AccordDashboardPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Figures) figures = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->loading);
  gtk_spinner_stop (self->spinner);

  figures = g_task_propagate_pointer (G_TASK (result), &error);
  if (figures == NULL)
    {
      accord_window_report_error (GTK_WIDGET (self), _("Could Not Read the Figures"), error);
      return;
    }
  show_figures (self, figures);
}

static void
load (AccordDashboardPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;
  Request *request;

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  if (!chosen_period (self, &from, &to, &error))
    {
      adw_status_page_set_description (self->invalid_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "invalid");
      gtk_label_set_text (self->period_label, "");
      return;
    }

  request = g_new0 (Request, 1);
  *request = (Request) { g_strdup (accord_store_get_path (self->store)), g_steal_pointer (&from),
                         g_steal_pointer (&to), g_strdup (chosen_unit (self)) };
  /* TRANSLATORS: the period the dashboard shows, e.g. "2026-01-01 to 2026-11-20" */
  period = g_strdup_printf (_("%s to %s"), request->from, request->to);
  gtk_label_set_text (self->period_label, period);

  /* Figures already shown stay until the new ones are read. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "figures") != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }

  self->loading = g_cancellable_new ();
  task = g_task_new (NULL, self->loading, on_loaded_cb, g_object_ref (self));
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, load_in_thread);
}

/* Showing ---------------------------------------------------------------- */

static void
draw_dot_cb (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  set_rgb (cr, GPOINTER_TO_UINT (data), 1.0);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static GtkWidget *
new_card (AccordDashboardPage *self,
          guint                kind)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_drawing_area_new ();
  GtkWidget *title = gtk_label_new (_(rate_kinds[kind].title));
  GtkWidget *rate = gtk_label_new (NULL);
  GtkWidget *counts = gtk_label_new (NULL);
  g_autofree char *rate_name = g_strdup_printf ("rate-%s", rate_kinds[kind].name);
  g_autofree char *counts_name = g_strdup_printf ("counts-%s", rate_kinds[kind].name);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_size_request (card, 170, -1);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 10);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 10);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot_cb, GUINT_TO_POINTER (rate_kinds[kind].rgb), NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (heading), dot);
  gtk_box_append (GTK_BOX (heading), title);

  gtk_widget_set_name (rate, rate_name);
  gtk_label_set_xalign (GTK_LABEL (rate), 0);
  gtk_widget_add_css_class (rate, "title-1");
  gtk_widget_add_css_class (rate, "numeric");
  gtk_widget_set_name (counts, counts_name);
  gtk_label_set_xalign (GTK_LABEL (counts), 0);
  gtk_widget_add_css_class (counts, "dim-label");
  gtk_widget_add_css_class (counts, "numeric");

  for (GtkWidget *w = heading; w != NULL; w = w == heading ? rate : w == rate ? counts : NULL)
    {
      gtk_widget_set_margin_start (w, 14);
      gtk_widget_set_margin_end (w, 14);
      gtk_box_append (GTK_BOX (card), w);
    }
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (counts, 12);

  self->rate_labels[kind] = GTK_LABEL (rate);
  self->count_labels[kind] = GTK_LABEL (counts);
  return card;
}

static void
show_rates (AccordDashboardPage    *self,
            const AccordIndicators *totals)
{
  for (guint kind = 0; kind < G_N_ELEMENTS (rate_kinds); kind++)
    {
      g_autofree char *rate = NULL;
      g_autofree char *counts = NULL;
      gint64 part, whole;

      rate_counts (totals, kind, &part, &whole);
      rate = format_rate (part, whole);
      /* TRANSLATORS: the cases a rate is made of, e.g. "1499 of 1627" */
      counts = g_strdup_printf (_("%lld of %lld"), (long long) part, (long long) whole);
      gtk_label_set_text (self->rate_labels[kind], rate);
      gtk_label_set_text (self->count_labels[kind], counts);
    }
}

static void
on_overdue_activated_cb (AccordDashboardPage *self,
                         GtkListBoxRow       *row,
                         GtkListBox          *list)
{
  const char *number = g_object_get_data (G_OBJECT (row), "case-number");
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));

  if (number != NULL && window != NULL)
    accord_window_show_case (window, number);
}

static GtkWidget *
overdue_row (AccordDashboardPage     *self,
             const AccordOverdueCase *c)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  g_autofree char *subtitle = NULL;
  g_autofree char *late = NULL;
  GDate due, today;
  int days;

  parse_day (&due, c->due);
  parse_day (&today, self->today);
  days = g_date_days_between (&due, &today);
  /* TRANSLATORS: a case number, the step that is overdue and its last day,
   * e.g. "XF-2026-000123 · Reply · due 2026-10-30" */
  subtitle = g_strdup_printf (_("%s · %s · due %s"), c->number, accord_deadline_step_label (c->step), c->due);
  late = g_strdup_printf (ngettext ("%d day late", "%d days late", days), days);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "case-number", g_strdup (c->number), g_free);

  badge = gtk_label_new (late);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, "error");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
show_overdue (AccordDashboardPage *self,
              Figures             *f)
{
  g_autofree char *description = NULL;

  remove_all_rows (self->overdue_list);
  for (guint i = 0; i < f->overdue->len; i++)
    gtk_list_box_append (self->overdue_list, overdue_row (self, g_ptr_array_index (f->overdue, i)));
  if (f->overdue->len == 0)
    gtk_list_box_append (self->overdue_list, placeholder_row (_("No case of this period is overdue")));

  if (f->n_overdue > f->overdue->len)
    /* TRANSLATORS: more cases are overdue than the dashboard lists */
    description = g_strdup_printf (ngettext ("%lld case is overdue; the %u longest overdue are listed",
                                             "%lld cases are overdue; the %u longest overdue are listed",
                                             (gulong) MIN (f->n_overdue, (gint64) G_MAXLONG)),
                                   (long long) f->n_overdue, f->overdue->len);
  else
    description = g_strdup_printf (ngettext ("%lld case with a step past its last day",
                                             "%lld cases with a step past their last day",
                                             (gulong) MIN (f->n_overdue, (gint64) G_MAXLONG)),
                                   (long long) f->n_overdue);
  adw_preferences_group_set_description (self->overdue_group, description);
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static gint64
tally_of (GPtrArray  *tallies,
          const char *kind,
          const char *result)
{
  gint64 n = 0;

  for (guint i = 0; i < tallies->len; i++)
    {
      const AccordSessionTally *t = g_ptr_array_index (tallies, i);

      if ((kind == NULL || g_str_equal (t->kind, kind)) && g_strcmp0 (t->result, result) == 0)
        n += t->n;
    }
  return n;
}

static void
attach_count (GtkGrid *grid,
              gint64   n,
              int      column,
              int      row,
              gboolean total)
{
  g_autofree char *text = g_strdup_printf ("%lld", (long long) n);

  gtk_grid_attach (grid, grid_label (text, 1, total ? "heading" : n == 0 ? "dim-label" : NULL), column, row, 1, 1);
}

/* One row per result and one for sessions with none recorded yet; a
 * column per kind and one for both. */
static void
show_results (AccordDashboardPage *self,
              GPtrArray           *tallies)
{
  const char * const kinds[] = { "hearing", "mediation", NULL };
  const char * const *results = accord_vocab_codes (ACCORD_VOCAB_OUTCOME_RESULT);
  GtkWidget *child;
  gint64 totals[3] = { 0 };
  guint n_results = g_strv_length ((char **) results);
  GtkWidget *total_title;
  GtkWidget *head;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_grid))) != NULL)
    gtk_grid_remove (self->results_grid, child);

  gtk_grid_attach (self->results_grid, grid_label (_("Result"), 0, "caption-heading"), 0, 0, 1, 1);
  for (guint k = 0; k < 3; k++)
    {
      head = grid_label (kinds[k] ? accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, kinds[k]) : _("Total"), 1,
                         "caption-heading");
      gtk_widget_set_hexpand (head, k == 0);
      gtk_grid_attach (self->results_grid, head, (int) k + 1, 0, 1, 1);
    }

  for (guint r = 0; r <= n_results; r++)
    {
      const char *result = r < n_results ? results[r] : NULL;
      const char *label = result ? accord_vocab_label (ACCORD_VOCAB_OUTCOME_RESULT, result) : _("No result yet");

      gtk_grid_attach (self->results_grid, grid_label (label, 0, NULL), 0, (int) r + 1, 1, 1);
      for (guint k = 0; k < 3; k++)
        {
          gint64 n = tally_of (tallies, kinds[k], result);

          attach_count (self->results_grid, n, (int) k + 1, (int) r + 1, FALSE);
          totals[k] += n;
        }
    }

  total_title = grid_label (_("Total"), 0, "heading");
  gtk_grid_attach (self->results_grid, total_title, 0, (int) n_results + 2, 1, 1);
  for (guint k = 0; k < 3; k++)
    attach_count (self->results_grid, totals[k], (int) k + 1, (int) n_results + 2, TRUE);
}

static GtkWidget *
workload_row (const AccordWorkload *w,
              gint64                most)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, (double) MAX (most, 1));
  g_autofree char *text = g_strdup_printf (ngettext ("%lld session", "%lld sessions",
                                                     (gulong) MIN (w->sessions, (gint64) G_MAXLONG)),
                                           (long long) w->sessions);
  GtkWidget *count = gtk_label_new (text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), w->name);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (double) w->sessions);
  /* The bar compares people, it does not judge a load: no colour offsets. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (count), 6);
  gtk_label_set_xalign (GTK_LABEL (count), 1);
  gtk_widget_add_css_class (count, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  return row;
}

static void
show_workload (AccordDashboardPage *self,
               GPtrArray           *workload)
{
  gint64 most = 0;

  remove_all_rows (self->workload_list);
  for (guint i = 0; i < workload->len; i++)
    most = MAX (most, ((AccordWorkload *) g_ptr_array_index (workload, i))->sessions);
  for (guint i = 0; i < workload->len; i++)
    gtk_list_box_append (self->workload_list, workload_row (g_ptr_array_index (workload, i), most));
  if (workload->len == 0)
    gtk_list_box_append (self->workload_list, placeholder_row (_("No panelist sat in this period")));
}

static void
show_figures (AccordDashboardPage *self,
              Figures             *f)
{
  fill_units (self, f->units);
  if (!f->has_cases)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  show_rates (self, &f->totals);
  g_clear_pointer (&self->months, g_array_unref);
  self->months = g_steal_pointer (&f->months);
  /* A single month has no trend to draw. */
  gtk_widget_set_visible (self->trend_group, self->months->len > 1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
  show_overdue (self, f);
  show_results (self, f->results);
  show_workload (self, f->workload);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

/* The chart -------------------------------------------------------------- */

typedef struct
{
  double left, top, width, height;
} Plot;

static PangoLayout *
chart_layout (GtkWidget  *widget,
              const char *text,
              gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (small)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
    }
  return layout;
}

/* Draws the legend across the top; returns its height. */
static double
draw_legend (GtkWidget *widget,
             cairo_t   *cr,
             int        width,
             GdkRGBA   *fg)
{
  double x = 0, y = 0, line = 0;

  for (guint kind = 0; kind < G_N_ELEMENTS (rate_kinds); kind++)
    {
      g_autoptr(PangoLayout) layout = chart_layout (widget, _(rate_kinds[kind].title), TRUE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      if (x > 0 && x + 28 + w > width)
        {
          x = 0;
          y += line + 6;
        }
      line = MAX (line, h);
      set_rgb (cr, rate_kinds[kind].rgb, 1.0);
      cairo_set_line_width (cr, 3);
      cairo_move_to (cr, x, y + h / 2.0);
      cairo_line_to (cr, x + 16, y + h / 2.0);
      cairo_stroke (cr);
      gdk_cairo_set_source_rgba (cr, fg);
      cairo_move_to (cr, x + 22, y);
      pango_cairo_show_layout (cr, layout);
      x += 22 + w + 20;
    }
  return y + line;
}

static void
draw_axes (GtkWidget  *widget,
           cairo_t    *cr,
           const Plot *p,
           GdkRGBA    *fg)
{
  for (int percent = 0; percent <= 100; percent += 25)
    {
      g_autofree char *text = g_strdup_printf ("%d%%", percent);
      g_autoptr(PangoLayout) layout = chart_layout (widget, text, TRUE);
      double y = p->top + p->height * (1 - percent / 100.0);
      int w, h;

      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, percent == 0 ? 0.4 : 0.12);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, p->left, floor (y) + 0.5);
      cairo_line_to (cr, p->left + p->width, floor (y) + 0.5);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.6);
      cairo_move_to (cr, p->left - 8 - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
}

static double
month_x (const Plot *p,
         guint       i,
         guint       n)
{
  return p->left + p->width * (i + 0.5) / n;
}

/* Month names below the plot, the year under the first month and under
 * each January; every second or third month when they are many. */
static void
draw_months (GtkWidget  *widget,
             cairo_t    *cr,
             const Plot *p,
             GArray     *months,
             GdkRGBA    *fg)
{
  guint step = (months->len + 11) / 12;

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.6);
  for (guint i = 0; i < months->len; i += step)
    {
      const char *key = g_array_index (months, AccordMonthIndicators, i).month;
      g_autoptr(GDateTime) month = g_date_time_new_utc (atoi (key), atoi (key + 5), 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (month, "%b");
      g_autofree char *year = NULL;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      if (i == 0 || atoi (key + 5) <= (int) step)
        year = g_strdup_printf ("%.4s", key);
      text = year != NULL ? g_strdup_printf ("%s\n%s", g_strstrip (name), year) : g_strdup (g_strstrip (name));
      layout = chart_layout (widget, text, TRUE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, month_x (p, i, months->len) - w / 2.0, p->top + p->height + 6);
      pango_cairo_show_layout (cr, layout);
    }
}

/* One line per rate; a month with nothing to count leaves a gap. */
static void
draw_series (cairo_t    *cr,
             const Plot *p,
             GArray     *months,
             guint       kind)
{
  gboolean drawing = FALSE;

  set_rgb (cr, rate_kinds[kind].rgb, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < months->len; i++)
    {
      gint64 part, whole;
      double rate;

      rate_counts (&g_array_index (months, AccordMonthIndicators, i).counts, kind, &part, &whole);
      rate = accord_indicator_rate (part, whole);
      if (isnan (rate))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, month_x (p, i, months->len), p->top + p->height * (1 - rate / 100.0));
      else
        cairo_move_to (cr, month_x (p, i, months->len), p->top + p->height * (1 - rate / 100.0));
      drawing = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < months->len; i++)
    {
      gint64 part, whole;
      double rate;

      rate_counts (&g_array_index (months, AccordMonthIndicators, i).counts, kind, &part, &whole);
      rate = accord_indicator_rate (part, whole);
      if (isnan (rate))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, month_x (p, i, months->len), p->top + p->height * (1 - rate / 100.0), 3.5, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  AccordDashboardPage *self = ACCORD_DASHBOARD_PAGE (data);
  GtkWidget *widget = GTK_WIDGET (area);
  GdkRGBA fg;
  double legend;
  Plot p;

  if (self->months == NULL || self->months->len == 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cairo_save (cr);
  cairo_translate (cr, 12, 10);
  legend = draw_legend (widget, cr, width - 24, &fg);
  cairo_restore (cr);

  p = (Plot) { 56, 10 + legend + 18, width - 56 - 20, 0 };
  p.height = height - p.top - 44;
  if (p.width < 40 || p.height < 40)
    return;

  draw_axes (widget, cr, &p, &fg);
  draw_months (widget, cr, &p, self->months, &fg);
  for (guint kind = 0; kind < G_N_ELEMENTS (rate_kinds); kind++)
    draw_series (cr, &p, self->months, kind);
}

/* Callbacks -------------------------------------------------------------- */

static void
on_period_changed_cb (AccordDashboardPage *self)
{
  update_period_widgets (self);
  load (self);
}

static void
on_unit_changed_cb (AccordDashboardPage *self)
{
  if (!self->filling_units)
    load (self);
}

static void
on_range_changed_cb (AccordDashboardPage *self)
{
  if (gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_RANGE)
    load (self);
}

/* Overrides -------------------------------------------------------------- */

static void
accord_dashboard_page_dispose (GObject *object)
{
  AccordDashboardPage *self = ACCORD_DASHBOARD_PAGE (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  /* AdwBin owns its child: let go of it before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->months, g_array_unref);

  G_OBJECT_CLASS (accord_dashboard_page_parent_class)->dispose (object);
}

static void
accord_dashboard_page_finalize (GObject *object)
{
  AccordDashboardPage *self = ACCORD_DASHBOARD_PAGE (object);

  g_strfreev (self->units);
  g_free (self->today);

  G_OBJECT_CLASS (accord_dashboard_page_parent_class)->finalize (object);
}

static void
accord_dashboard_page_class_init (AccordDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_dashboard_page_dispose;
  object_class->finalize = accord_dashboard_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, to_label);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, invalid_page);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, trend_group);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, chart);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, results_grid);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, workload_group);
  gtk_widget_class_bind_template_child (widget_class, AccordDashboardPage, workload_list);
}

static void
accord_dashboard_page_init (AccordDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The cards only show figures: Tab need not stop on them. */
  for (guint kind = 0; kind < G_N_ELEMENTS (rate_kinds); kind++)
    {
      GtkWidget *card = new_card (self, kind);

      gtk_flow_box_append (self->cards_box, card);
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }
  gtk_drawing_area_set_draw_func (self->chart, draw_chart_cb, self, NULL);
  fill_units (self, NULL);

  g_signal_connect_object (self->period_dropdown, "notify::selected", G_CALLBACK (on_period_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->month_dropdown, "notify::selected", G_CALLBACK (on_period_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_dropdown, "notify::selected", G_CALLBACK (on_unit_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "changed", G_CALLBACK (on_range_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "changed", G_CALLBACK (on_range_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overdue_list, "row-activated", G_CALLBACK (on_overdue_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API ------------------------------------------------------------- */

void
accord_dashboard_page_set_store (AccordDashboardPage *self,
                                 AccordStore         *store)
{
  g_autofree char *from = NULL;

  g_return_if_fail (ACCORD_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* The range starts out as this year, ready to be changed. */
  g_free (self->today);
  self->today = accord_store_today (store);
  from = g_strdup_printf ("%.4s-01-01", self->today);
  fill_months (self);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), self->today);
}

void
accord_dashboard_page_reload (AccordDashboardPage *self)
{
  g_return_if_fail (ACCORD_IS_DASHBOARD_PAGE (self));

  load (self);
}
