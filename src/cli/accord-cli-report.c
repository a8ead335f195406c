/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <math.h>

#include <glib/gi18n.h>

#include "accord-store.h"
#include "accord-validate.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

typedef struct
{
  char *from;
  char *to;
  char *unit;
} IndicatorOptions;

/* One rate: its numerator and denominator as core counted them. */
typedef struct
{
  const char *label;   /* translated */
  gint64      part;
  gint64      whole;
} Rate;

/* Helpers */

static void
indicator_options_clear (IndicatorOptions *options)
{
  g_free (options->from);
  g_free (options->to);
  g_free (options->unit);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IndicatorOptions, indicator_options_clear)

/* Defaults: from the first day of this year to today. */
static void
fill_default_period (IndicatorOptions *options)
{
  g_autofree char *today = accord_today ();

  if (options->from == NULL)
    options->from = g_strdup_printf ("%.4s-01-01", today);
  if (options->to == NULL)
    options->to = g_steal_pointer (&today);
}

/* Rounded to two decimals, as the text shows it; NAN when nothing was counted. */
static double
rounded_rate (gint64 part,
              gint64 whole)
{
  double rate = accord_indicator_rate (part, whole);

  /* Rates are never negative, so this rounds half up without libm. */
  return isnan (rate) ? rate : (double) (gint64) (rate * 100.0 + 0.5) / 100.0;
}

/* JSON */

static void
add_count (JsonBuilder *builder,
           const char  *name,
           gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_rate (JsonBuilder *builder,
          gint64       part,
          gint64       whole)
{
  double rate = rounded_rate (part, whole);

  json_builder_set_member_name (builder, "rate");
  if (isnan (rate))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, rate);
}

static void
print_json (const IndicatorOptions *options,
            const AccordIndicators *i)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  add_string_or_null (builder, "from", options->from);
  add_string_or_null (builder, "to", options->to);
  add_string_or_null (builder, "unit", options->unit);

  json_builder_set_member_name (builder, "acceptance");
  json_builder_begin_object (builder);
  add_count (builder, "due", i->acceptance_due);
  add_count (builder, "timely", i->acceptance_timely);
  add_rate (builder, i->acceptance_timely, i->acceptance_due);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "completion");
  json_builder_begin_object (builder);
  add_count (builder, "due", i->completion_due);
  add_count (builder, "on_time", i->completion_on_time);
  add_count (builder, "late", i->completion_late);
  add_count (builder, "unreplied", i->completion_unreplied);
  add_rate (builder, i->completion_on_time, i->completion_due);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "participation");
  json_builder_begin_object (builder);
  add_count (builder, "rated", i->rated);
  add_count (builder, "overdue_unrated", i->overdue_unrated);
  add_rate (builder, i->rated, i->rated + i->overdue_unrated);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "satisfaction");
  json_builder_begin_object (builder);
  add_count (builder, "satisfied", i->satisfied);
  add_count (builder, "basically_satisfied", i->basically_satisfied);
  add_count (builder, "dissatisfied", i->dissatisfied);
  add_rate (builder, i->satisfied + i->basically_satisfied, i->rated);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "resolution");
  json_builder_begin_object (builder);
  add_count (builder, "led", i->led);
  add_count (builder, "resolved", i->resolved);
  add_rate (builder, i->resolved, i->led);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  cli_print_json (node);
}

/* Text */

static void
print_rate (const Rate *rate)
{
  double value = rounded_rate (rate->part, rate->whole);
  g_autofree char *shown = NULL;

  if (isnan (value))
    shown = g_strdup ("—");
  else
    /* TRANSLATORS: a rate in percent with two decimals, e.g. "92.13 %" */
    shown = g_strdup_printf (_("%.2f %%"), value);

  /* TRANSLATORS: an assessment indicator, its rate, and the counts it is
   * made of, e.g. "Timely acceptance rate: 92.13 % (1499 / 1627)" */
  cli_print (_("%s: %s (%lld / %lld)"), rate->label, shown, (long long) rate->part, (long long) rate->whole);
}

/* Takes @line and prints it indented under its rate. */
static void
print_counts (char *line)
{
  cli_print ("  %s", line);
  g_free (line);
}

static void
print_text (const IndicatorOptions *options,
            const AccordIndicators *i)
{
  const Rate acceptance = { _("Timely acceptance rate"), i->acceptance_timely, i->acceptance_due };
  const Rate completion = { _("On-time completion rate"), i->completion_on_time, i->completion_due };
  const Rate participation = { _("Participation rate"), i->rated, i->rated + i->overdue_unrated };
  const Rate satisfaction = { _("Satisfaction rate"), i->satisfied + i->basically_satisfied, i->rated };
  const Rate resolution = { _("Resolution rate (cases with a leader in charge)"), i->resolved, i->led };

  /* TRANSLATORS: the period the indicators cover, e.g. "Period: 2026-01-01 to 2026-11-20" */
  cli_print (_("Period: %s to %s"), options->from, options->to);
  if (options->unit != NULL)
    /* TRANSLATORS: %s is a responsible unit, e.g. 区人社局 */
    cli_print (_("Responsible unit: %s"), options->unit);
  else
    cli_print ("%s", _("Responsible unit: all units"));
  cli_print ("%s", "");

  print_rate (&acceptance);
  print_rate (&completion);
  /* TRANSLATORS: the cases due for a reply in the period, by outcome */
  print_counts (g_strdup_printf (_("On time: %lld, late: %lld, not replied: %lld"),
                                 (long long) i->completion_on_time, (long long) i->completion_late,
                                 (long long) i->completion_unreplied));
  print_rate (&participation);
  /* TRANSLATORS: cases replied in the period that the petitioner rated, and those
   * whose rating period has passed without a rating */
  print_counts (g_strdup_printf (_("Rated: %lld, rating period passed without a rating: %lld"),
                                 (long long) i->rated, (long long) i->overdue_unrated));
  print_rate (&satisfaction);
  /* TRANSLATORS: the petitioners' evaluations of cases replied in the period */
  print_counts (g_strdup_printf (_("Satisfied: %lld, basically satisfied: %lld, dissatisfied: %lld"),
                                 (long long) i->satisfied, (long long) i->basically_satisfied,
                                 (long long) i->dissatisfied));
  print_rate (&resolution);
}

/* report indicators */

static gboolean
report_indicators (CliContext  *cli,
                   int          argc,
                   char       **argv,
                   GError     **error)
{
  g_auto(IndicatorOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("The first day of the period (default: January 1 of this year)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to, N_("The last day of the period (default: today)"),
      N_("YYYY-MM-DD") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &options.unit, N_("Only cases of this responsible unit"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (NULL,
                            _("Show the assessment indicators of a period: the timely acceptance, on-time "
                              "completion, participation and satisfaction rates, and the resolution rate of "
                              "cases with a leader in charge, each with the counts it is made of."),
                            entries);
  g_autoptr(AccordStore) store = NULL;
  AccordIndicators indicators = { 0 };

  if (!cli_parse_options (cli, context, &argc, &argv, error) || !cli_no_arguments (argc, argv, error))
    return FALSE;

  fill_default_period (&options);
  store = cli_open_store (cli, FALSE, error);
  if (store == NULL
      || !accord_store_indicators (store, options.from, options.to, options.unit, &indicators, error))
    return FALSE;

  if (cli->json)
    print_json (&options, &indicators);
  else
    print_text (&options, &indicators);
  return TRUE;
}

/* Public */

GArray *
cli_report_verbs (void)
{
  const CliVerb fixed[] = {
    { "indicators", _("Show the assessment indicators of a period"), report_indicators },
  };

  return cli_verbs_new (fixed, G_N_ELEMENTS (fixed));
}
