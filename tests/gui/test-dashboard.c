/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-dashboard"

#include <math.h>

#include "accord-cases-page.h"
#include "accord-store-report.h"

#include "accord-gui-test.h"

/* The dashboard on the seeded fixture shows what core counts for the same
 * period and unit, and its overdue cases open. */

#define N_SEEDED_CASES 200
#define TODAY "2026-11-20"
#define YEAR_START "2026-01-01"

typedef AccordGuiFixture Fixture;

static const char * const rate_names[] = { "acceptance", "completion", "participation", "satisfaction", "resolution" };

typedef struct
{
  Fixture    *f;
  char       *texts[10];   /* the five rates, then the five counts */
} Expected;

static void
expected_clear (Expected *e)
{
  for (guint i = 0; i < G_N_ELEMENTS (e->texts); i++)
    g_clear_pointer (&e->texts[i], g_free);
}

/* The rate as accord-cli report indicators prints it. */
static char *
rate_text (gint64 part,
           gint64 whole)
{
  double rate = accord_indicator_rate (part, whole);

  if (isnan (rate))
    return g_strdup ("—");
  return g_strdup_printf ("%.2f %%", (double) (gint64) (rate * 100.0 + 0.5) / 100.0);
}

/* What the cards should read for the period and unit, from core. */
static void
expect_indicators (Expected   *e,
                   const char *from,
                   const char *to,
                   const char *unit)
{
  g_autoptr(GError) error = NULL;
  AccordIndicators i = { 0 };
  gint64 parts[5], wholes[5];

  accord_store_indicators (e->f->store, from, to, unit, &i, &error);
  g_assert_no_error (error);
  parts[0] = i.acceptance_timely, wholes[0] = i.acceptance_due;
  parts[1] = i.completion_on_time, wholes[1] = i.completion_due;
  parts[2] = i.rated, wholes[2] = i.rated + i.overdue_unrated;
  parts[3] = i.satisfied + i.basically_satisfied, wholes[3] = i.rated;
  parts[4] = i.resolved, wholes[4] = i.led;

  expected_clear (e);
  for (guint k = 0; k < 5; k++)
    {
      e->texts[k] = rate_text (parts[k], wholes[k]);
      e->texts[5 + k] = g_strdup_printf ("%lld of %lld", (long long) parts[k], (long long) wholes[k]);
    }
}

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = accord_gui_find_named (GTK_WIDGET (f->window), name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
cards_show (gpointer data)
{
  Expected *e = data;

  for (guint k = 0; k < 5; k++)
    {
      g_autofree char *rate = g_strdup_printf ("rate-%s", rate_names[k]);
      g_autofree char *counts = g_strdup_printf ("counts-%s", rate_names[k]);

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (named (e->f, rate))), e->texts[k]) != 0 ||
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (named (e->f, counts))), e->texts[5 + k]) != 0)
        return FALSE;
    }
  return gtk_widget_get_mapped (named (e->f, "rate-acceptance"));
}

static void
assert_cards_show (Expected *e)
{
  if (!accord_gui_wait_until (cards_show, e))
    {
      for (guint k = 0; k < 5; k++)
        {
          g_autofree char *rate = g_strdup_printf ("rate-%s", rate_names[k]);

          g_test_message ("%s: shown %s, expected %s", rate, gtk_label_get_text (GTK_LABEL (named (e->f, rate))),
                          e->texts[k]);
        }
      g_assert_not_reached ();
    }
}

typedef struct
{
  Fixture    *f;
  const char *name;
} StackExpectation;

static gboolean
stack_shows (gpointer data)
{
  StackExpectation *s = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (named (s->f, "dashboard-stack"))), s->name) == 0;
}

static void
show_dashboard (Fixture *f)
{
  accord_window_show_page (f->window, "dashboard");
}

/* The unit whose figures differ most visibly from all units'. */
static guint
some_unit (Fixture  *f,
           char    **unit)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) units = accord_store_responsible_units (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (units), >, 2);
  *unit = g_strdup (units[1]);
  return 2;   /* after "All Units" and the first unit */
}

/* Tests ------------------------------------------------------------------ */

static void
test_dashboard_rates (Fixture       *f,
                      gconstpointer  data)
{
  Expected e = { f };

  show_dashboard (f);
  /* This year to today, as accord-cli report indicators counts by default. */
  expect_indicators (&e, YEAR_START, TODAY, NULL);
  assert_cards_show (&e);
  /* Every rate has something to count in the seeded year. */
  for (guint k = 0; k < 5; k++)
    g_assert_cmpstr (e.texts[k], !=, "—");
  g_assert_true (gtk_widget_is_visible (named (f, "trend-chart")));
  expected_clear (&e);
}

static void
test_dashboard_unit_and_period (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *unit = NULL;
  Expected all = { f };
  Expected e = { f };
  guint position = some_unit (f, &unit);
  gboolean differs = FALSE;

  show_dashboard (f);
  expect_indicators (&all, YEAR_START, TODAY, NULL);
  assert_cards_show (&all);

  /* One unit's figures are not all units'. */
  expect_indicators (&e, YEAR_START, TODAY, unit);
  for (guint k = 5; k < 10; k++)
    differs |= g_strcmp0 (e.texts[k], all.texts[k]) != 0;
  g_assert_true (differs);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (f, "unit-dropdown")), position);
  assert_cards_show (&e);

  /* The last twelve months: from the first of December last year. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (f, "period-dropdown")), 1);
  expect_indicators (&e, "2025-12-01", TODAY, unit);
  assert_cards_show (&e);

  /* And back to all units. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (f, "unit-dropdown")), 0);
  expect_indicators (&e, "2025-12-01", TODAY, NULL);
  assert_cards_show (&e);

  expected_clear (&all);
  expected_clear (&e);
}

static void
test_dashboard_range (Fixture       *f,
                      gconstpointer  data)
{
  StackExpectation invalid = { f, "invalid" };
  Expected e = { f };

  show_dashboard (f);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (f, "period-dropdown")), 3);
  expect_indicators (&e, YEAR_START, TODAY, NULL);
  assert_cards_show (&e);

  /* A period that ends before it begins is explained, not counted. */
  gtk_editable_set_text (GTK_EDITABLE (named (f, "from-entry")), "2026-06-01");
  gtk_editable_set_text (GTK_EDITABLE (named (f, "to-entry")), "2026-02-30");
  g_assert_true (accord_gui_wait_until (stack_shows, &invalid));
  g_assert_true (gtk_widget_has_css_class (named (f, "to-entry"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (named (f, "to-entry")), "2026-05-01");
  g_assert_true (accord_gui_wait_until (stack_shows, &invalid));
  g_assert_true (gtk_widget_has_css_class (named (f, "to-entry"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (named (f, "from-entry")), "2025-03-01");
  expect_indicators (&e, "2025-03-01", "2026-05-01", NULL);
  assert_cards_show (&e);
  g_assert_false (gtk_widget_has_css_class (named (f, "to-entry"), "error"));

  /* One month: October, the month before this one; no trend to draw. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (f, "period-dropdown")), 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (f, "month-dropdown")), 1);
  expect_indicators (&e, "2026-10-01", "2026-10-31", NULL);
  assert_cards_show (&e);
  g_assert_false (gtk_widget_is_visible (named (f, "trend-chart")));
  expected_clear (&e);
}

typedef struct
{
  Fixture    *f;
  const char *number;
} RowExpectation;

static gboolean
overdue_row_listed (gpointer data)
{
  RowExpectation *r = data;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (named (r->f, "overdue-list")), 0);

  return row != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (row), "case-number"), r->number) == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (row));
}

static void
test_dashboard_overdue_opens_case (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overdue = accord_store_overdue_cases (f->store, YEAR_START, TODAY, NULL, 1, &error);
  AccordCasesPage *cases_page = ACCORD_CASES_PAGE (accord_gui_find (GTK_WIDGET (f->window),
                                                                    ACCORD_TYPE_CASES_PAGE, NULL, NULL));
  RowExpectation r = { f };
  GtkListBoxRow *row;
  GtkWidget *stack;

  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 1);
  r.number = ((AccordOverdueCase *) g_ptr_array_index (overdue, 0))->number;

  show_dashboard (f);
  g_assert_true (accord_gui_wait_until (overdue_row_listed, &r));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (named (f, "overdue-list")), 0);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));

  stack = accord_gui_find (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, NULL, NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "cases");
  g_assert_cmpstr (accord_cases_page_get_shown_case (cases_page), ==, r.number);
}

static void
test_dashboard_empty (Fixture       *f,
                      gconstpointer  data)
{
  StackExpectation empty = { f, "empty" };

  show_dashboard (f);
  g_assert_true (accord_gui_wait_until (stack_shows, &empty));
}

int
main (int   argc,
      char *argv[])
{
  if (!accord_gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), accord_gui_fixture_set_up, func, \
              accord_gui_fixture_tear_down)

  ADD ("/gui/dashboard/rates", N_SEEDED_CASES, test_dashboard_rates);
  ADD ("/gui/dashboard/unit-and-period", N_SEEDED_CASES, test_dashboard_unit_and_period);
  ADD ("/gui/dashboard/range", N_SEEDED_CASES, test_dashboard_range);
  ADD ("/gui/dashboard/overdue-opens-case", N_SEEDED_CASES, test_dashboard_overdue_opens_case);
  ADD ("/gui/dashboard/empty", 0, test_dashboard_empty);

#undef ADD

  return g_test_run ();
}
