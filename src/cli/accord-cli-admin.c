/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-doc-render.h"
#include "accord-seed.h"
#include "accord-store.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

#define DEFAULT_SEED 1

typedef struct
{
  int      n_cases;
  int      n_people;
  int      n_sessions;
  int      n_venues;
  gint64   seed;
  gboolean if_empty;
} SeedOptions;

typedef struct
{
  gint64 n_cases;
  gint64 n_people;
} Counts;

/* Helpers */

static gboolean
count_all (AccordStore  *store,
           Counts       *counts,
           GError      **error)
{
  AccordCaseFilter everything = { 0 };
  g_autoptr(GPtrArray) persons = NULL;

  counts->n_cases = accord_store_count_cases (store, &everything, error);
  if (counts->n_cases < 0)
    return FALSE;

  persons = accord_store_list_persons (store, NULL, error);
  if (persons == NULL)
    return FALSE;

  counts->n_people = persons->len;
  return TRUE;
}

static gboolean
check_seed_options (const SeedOptions  *options,
                    GError            **error)
{
  if (options->n_cases < 0 || options->n_people < 0 || options->n_sessions < 0 || options->n_venues < 0)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE,
                           _("The options --cases, --people, --sessions and --venues must be zero or more"));
      return FALSE;
    }

  if (options->seed < 0 || options->seed > G_MAXUINT32)
    {
      g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE,
                   _("The option --seed takes a number from 0 to %u"), G_MAXUINT32);
      return FALSE;
    }

  return TRUE;
}

static void
print_nothing_to_do (CliContext *cli)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!cli->json)
    {
      cli_print ("%s", _("The database already has cases or people; nothing to do."));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seeded");
  json_builder_add_boolean_value (builder, FALSE);
  cli_print_json_object (builder);
}

static void
print_seeded (CliContext   *cli,
              const Counts *made,
              gint64        elapsed_us)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *people = NULL;

  if (!cli->json)
    {
      cases = g_strdup_printf (ngettext ("%lld case", "%lld cases", (gulong) made->n_cases),
                               (long long) made->n_cases);
      people = g_strdup_printf (ngettext ("%lld person", "%lld people", (gulong) made->n_people),
                                (long long) made->n_people);
      /* TRANSLATORS: "Created 200 cases and 40 people in 1.2 seconds" */
      cli_print (_("Created %s and %s in %.2f seconds"), cases, people,
                 (double) elapsed_us / G_USEC_PER_SEC);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seeded");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "cases");
  json_builder_add_int_value (builder, made->n_cases);
  json_builder_set_member_name (builder, "people");
  json_builder_add_int_value (builder, made->n_people);
  json_builder_set_member_name (builder, "milliseconds");
  json_builder_add_int_value (builder, elapsed_us / 1000);
  cli_print_json_object (builder);
}

static gboolean
seed_store (CliContext         *cli,
            AccordStore        *store,
            const SeedOptions  *options,
            GError            **error)
{
  AccordSeedOptions seed_options = {
    .n_cases = (guint) options->n_cases,
    .n_people = (guint) options->n_people,
    .n_sessions = (guint) options->n_sessions,
    .n_venues = (guint) options->n_venues,
    .seed = (guint32) options->seed,
    /* The demo's documents are drawn in the document language. */
    .renderer = accord_doc_render,
  };
  Counts before, after, made;
  gint64 started;

  if (!count_all (store, &before, error))
    return FALSE;

  /* Core seeds only a database without cases or people. */
  if (options->if_empty && (before.n_cases > 0 || before.n_people > 0))
    {
      print_nothing_to_do (cli);
      return TRUE;
    }

  started = g_get_monotonic_time ();
  if (!accord_seed (store, &seed_options, error) || !count_all (store, &after, error))
    return FALSE;

  made.n_cases = after.n_cases - before.n_cases;
  made.n_people = after.n_people - before.n_people;
  print_seeded (cli, &made, g_get_monotonic_time () - started);
  return TRUE;
}

static gboolean
audit_verify (CliContext  *cli,
              int          argc,
              char       **argv,
              GError     **error)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (NULL, _("Check that no entry of the audit log has been changed or removed."), NULL);
  g_autoptr(AccordStore) store = NULL;
  AccordAuditReport report = { 0 };

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error))
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL || !accord_store_verify_audit (store, &report, error))
    return FALSE;

  if (!report.intact)
    {
      g_autofree char *entry = g_strdup_printf ("%" G_GINT64_FORMAT, report.first_broken_id);

      g_set_error (error, CLI_ERROR, CLI_ERROR_FAILED, _("Audit log broken at entry %s"), entry);
      return FALSE;
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "intact");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "entries");
      json_builder_add_int_value (builder, report.n_entries);
      cli_print_json_object (builder);
    }
  else
    cli_print (ngettext ("Audit log intact: %lld entry", "Audit log intact: %lld entries",
                         (gulong) report.n_entries),
               (long long) report.n_entries);

  return TRUE;
}

/* Public */

gboolean
cli_admin_init (CliContext  *cli,
                int          argc,
                char       **argv,
                GError     **error)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (NULL, _("Create the database, or bring an existing one up to the current schema, and show its path and schema version."), NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error))
    return FALSE;

  store = cli_open_store (cli, TRUE, error);
  if (store == NULL)
    return FALSE;

  if (!cli->json)
    {
      cli_print (_("Database: %s"), accord_store_get_path (store));
      cli_print (_("Schema version: %d"), accord_store_get_schema_version (store));
      return TRUE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, accord_store_get_path (store));
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, accord_store_get_schema_version (store));
  cli_print_json_object (builder);
  return TRUE;
}

gboolean
cli_admin_seed (CliContext  *cli,
                int          argc,
                char       **argv,
                GError     **error)
{
  SeedOptions options = {
    .n_cases = ACCORD_SEED_DEFAULT_CASES,
    .n_people = ACCORD_SEED_DEFAULT_PEOPLE,
    .n_sessions = ACCORD_SEED_DEFAULT_SESSIONS,
    .seed = DEFAULT_SEED,
  };
  g_autofree char *cases_help = g_strdup_printf (_("How many cases to make (default: %d)"),
                                                 ACCORD_SEED_DEFAULT_CASES);
  g_autofree char *people_help = g_strdup_printf (_("How many people to put in the pool (default: %d)"),
                                                  ACCORD_SEED_DEFAULT_PEOPLE);
  g_autofree char *sessions_help = g_strdup_printf (_("How many sessions to schedule (default: %d)"),
                                                    ACCORD_SEED_DEFAULT_SESSIONS);
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &options.n_cases, cases_help, N_("N") },
    { "sessions", 0, 0, G_OPTION_ARG_INT, &options.n_sessions, sessions_help, N_("N") },
    { "venues", 0, 0, G_OPTION_ARG_INT, &options.n_venues, N_("How many venues to set up (default: 3)"), N_("N") },
    { "people", 0, 0, G_OPTION_ARG_INT, &options.n_people, people_help, N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &options.seed, N_("The random seed; the same seed gives the same data (default: 1)"), N_("S") },
    { "if-empty", 0, 0, G_OPTION_ARG_NONE, &options.if_empty, N_("Leave a database that already has cases or people as it is, and succeed"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = cli_option_context_new (NULL, _("Fill an empty database with a demo bureau: people in every role, venues, and cases in every state of the workflow."), entries);
  g_autoptr(AccordStore) store = NULL;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !check_seed_options (&options, error))
    return FALSE;

  store = cli_open_store (cli, TRUE, error);
  if (store == NULL)
    return FALSE;

  return seed_store (cli, store, &options, error);
}

GArray *
cli_audit_verbs (void)
{
  const CliVerb all[] = {
    { "verify", _("Check the hash chain of the audit log"), audit_verify },
  };

  return cli_verbs_new (all, G_N_ELEMENTS (all));
}
