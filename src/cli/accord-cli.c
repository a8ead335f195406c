/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <string.h>

#include <glib/gi18n.h>

#include "accord-i18n.h"
#include "accord-calendar.h"
#include "accord-case.h"
#include "accord-deadlines.h"
#include "accord-ical.h"
#include "accord-import.h"
#include "accord-scheduler.h"
#include "accord-validate.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

#define NAME_COLUMN_WIDTH 20
#define MAX_ECHOED_WORD 24

typedef struct
{
  const char     *name;
  const char     *summary;          /* N_() */
  GArray       *(*verbs) (void);    /* NULL: a noun without verbs */
  CliCommandFunc  func;
} CliNoun;

static const CliNoun nouns[] = {
  { "init", N_("Create the database or bring it up to date; show its path and schema version"),
    NULL, cli_admin_init },
  { "seed", N_("Fill an empty database with a demo bureau"), NULL, cli_admin_seed },
  { "case", N_("Register petition cases, list, show and move them through the workflow"),
    cli_case_verbs, NULL },
  { "person", N_("Keep the pool of people: lawyers, deputies, mediators, officers…"),
    cli_person_verbs, NULL },
  { "venue", N_("Keep the rooms where hearings and mediations take place"),
    cli_venue_verbs, NULL },
  { "session", N_("Check, book, move and cancel hearings, mediations and other sessions; find slots"),
    cli_session_verbs, NULL },
  { "outcome", N_("Record and show what came of a session: attendance, votes, minutes, agreed terms"), cli_outcome_verbs, NULL },
  { "doc", N_("Draft, issue, sign, list, export, void and verify documents"), cli_doc_verbs, NULL },
  { "calendar", N_("Import and show the working calendar: public holidays and worked weekend days"),
    cli_calendar_verbs, NULL },
  { "remind", N_("Show the reminders that are due now as desktop notifications"), NULL, cli_remind },
  { "report", N_("Show the assessment indicators of a period and their rates"), cli_report_verbs, NULL },
  { "export", N_("Export sessions to other programs"), cli_export_verbs, NULL },
  { "import", N_("Import busy times from other programs"), cli_import_verbs, NULL },
  { "backup", N_("Back up the database, make the daily backup, list the backups"), NULL, cli_backup },
  { "restore", N_("Replace the records of the database with those of a backup"), NULL, cli_restore },
  { "audit", N_("Check the audit log"), cli_audit_verbs, NULL },
};

G_DEFINE_QUARK (accord-cli-error-quark, cli_error)

/* Helpers */

static void
add_global_entries (GOptionContext *context,
                    CliContext     *cli)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_path,
      N_("Use the database at PATH instead of $ACCORD_DB or the default"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json,
      N_("Print machine-readable JSON"), NULL },
    { "reveal", 0, 0, G_OPTION_ARG_NONE, &cli->reveal,
      N_("Show ID numbers, phone numbers and addresses in full instead of masked"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Only plain words are repeated back: anything else might be personal
 * data typed in the wrong place, and stderr ends up in logs. */
static gboolean
is_plain_word (const char *s)
{
  gsize n = strlen (s);

  if (n == 0 || n > MAX_ECHOED_WORD)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalpha (s[i]) && s[i] != '-' && s[i] != '_')
      return FALSE;

  return TRUE;
}

static void
set_unknown_word_error (GError     **error,
                        gboolean     is_noun,
                        const char  *word)
{
  if (!is_plain_word (word))
    g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE,
                         is_noun ? _("Unknown noun") : _("Unknown verb"));
  else if (is_noun)
    g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("Unknown noun “%s”"), word);
  else
    g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("Unknown verb “%s”"), word);
}

static void
append_listing (GString    *text,
                const char *name,
                const char *summary)
{
  g_string_append_printf (text, "\n  %-*s%s", NAME_COLUMN_WIDTH, name, summary);
}

static char *
nouns_summary (void)
{
  GString *text = g_string_new (_("Nouns:"));

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    append_listing (text, nouns[i].name, _(nouns[i].summary));

  return g_string_free (text, FALSE);
}

static char *
verbs_summary (const char *summary,
               GArray     *verbs)
{
  GString *text = g_string_new (summary);

  g_string_append_printf (text, "\n\n%s", _("Verbs:"));
  for (guint i = 0; i < verbs->len; i++)
    {
      const CliVerb *verb = &g_array_index (verbs, CliVerb, i);

      append_listing (text, verb->name, verb->summary);
    }

  return g_string_free (text, FALSE);
}

static const CliNoun *
find_noun (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_str_equal (nouns[i].name, name))
      return &nouns[i];

  return NULL;
}

static const CliVerb *
find_verb (GArray     *verbs,
           const char *name)
{
  for (guint i = 0; i < verbs->len; i++)
    if (g_str_equal (g_array_index (verbs, CliVerb, i).name, name))
      return &g_array_index (verbs, CliVerb, i);

  return NULL;
}

static void
set_command (CliContext *cli,
             const char *noun)
{
  g_free (cli->command);
  if (noun == NULL)
    cli->command = g_strdup ("accord-cli");
  else
    cli->command = g_strdup_printf ("accord-cli %s", noun);

  g_set_prgname (cli->command);
}

static gboolean
run_verb (CliContext     *cli,
          const CliNoun  *noun,
          int             argc,
          char          **argv,
          GError        **error)
{
  g_autoptr(GArray) verbs = noun->verbs ();

  return cli_run_subverbs (cli, _(noun->summary), verbs, argc, argv, error);
}

static gboolean
run (CliContext  *cli,
     int          argc,
     char       **argv,
     GError     **error)
{
  g_autofree char *summary = nouns_summary ();
  g_autoptr(GOptionContext) context = cli_option_context_new (_("NOUN [VERB] [OPTION…]"), summary, NULL);
  const CliNoun *noun;

  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_description (context, _("Run “accord-cli NOUN --help” for the verbs of a noun."));
  if (!cli_parse_options (cli, context, &argc, &argv, error))
    return FALSE;

  if (argc < 2)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("A noun is required"));
      return FALSE;
    }

  noun = find_noun (argv[1]);
  if (noun == NULL)
    {
      set_unknown_word_error (error, TRUE, argv[1]);
      return FALSE;
    }

  set_command (cli, noun->name);
  if (noun->verbs == NULL)
    return noun->func (cli, argc - 1, argv + 1, error);

  return run_verb (cli, noun, argc - 1, argv + 1, error);
}

static gboolean
is_refusal (const GError *error)
{
  return error->domain == ACCORD_VALIDATE_ERROR
         || error->domain == ACCORD_CASE_ERROR
         || error->domain == ACCORD_SCHEDULER_ERROR
         || g_error_matches (error, ACCORD_DEADLINES_ERROR, ACCORD_DEADLINES_ERROR_EXTENSION)
         || g_error_matches (error, ACCORD_CALENDAR_ERROR, ACCORD_CALENDAR_ERROR_PARSE)
         || g_error_matches (error, ACCORD_ICAL_ERROR, ACCORD_ICAL_ERROR_PARSE)
         || error->domain == ACCORD_IMPORT_ERROR
         || g_error_matches (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_DUPLICATE)
         || g_error_matches (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_STALE);
}

static int
report_error (CliContext   *cli,
              const GError *error)
{
  if (g_error_matches (error, CLI_ERROR, CLI_ERROR_USAGE))
    {
      cli_print_usage_error (error->message, cli->command);
      return CLI_EXIT_USAGE;
    }

  cli_print_error (error->message);
  return is_refusal (error) ? CLI_EXIT_REFUSED : CLI_EXIT_ERROR;
}

static char *
database_path (CliContext *cli)
{
  const char *from_env = g_getenv ("ACCORD_DB");

  if (cli->db_path != NULL && *cli->db_path != '\0')
    return g_strdup (cli->db_path);
  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  return accord_store_default_path ();
}

/* Shared with the noun files */

GOptionContext *
cli_option_context_new (const char         *parameters,
                        const char         *summary,
                        const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

gboolean
cli_parse_options (CliContext       *cli,
                   GOptionContext   *context,
                   int              *argc,
                   char           ***argv,
                   GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Added last so that --help lists them after the verb's own options. */
  add_global_entries (context, cli);
  if (g_option_context_parse (context, argc, argv, &local_error))
    return TRUE;

  g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, local_error->message);
  return FALSE;
}

/* argv[0] is the verb; exactly one argument must follow the options. */
const char *
cli_single_argument (int          argc,
                     char       **argv,
                     const char  *what,
                     GError     **error)
{
  if (argc < 2)
    {
      /* TRANSLATORS: %s names the missing argument, e.g. "the case number" */
      g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("Missing %s"), what);
      return NULL;
    }

  if (argc > 2)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("Too many arguments"));
      return NULL;
    }

  return argv[1];
}

gboolean
cli_no_arguments (int          argc,
                  char       **argv,
                  GError     **error)
{
  if (argc > 1)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("Too many arguments"));
      return FALSE;
    }

  return TRUE;
}

gboolean
cli_require_option (gboolean     given,
                    const char  *option,
                    GError     **error)
{
  if (!given)
    {
      /* TRANSLATORS: %s is an option such as --title */
      g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("The option %s is required"), option);
      return FALSE;
    }

  return TRUE;
}

/* A verb's options end at its first argument: that argument names the
 * next verb (a noun's verb, or "add" in "person absence add"). */
/* A verb table holding a copy of @verbs. */
GArray *
cli_verbs_new (const CliVerb *verbs,
               guint          n_verbs)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (CliVerb));

  g_array_append_vals (array, verbs, n_verbs);
  return array;
}

gboolean
cli_run_subverbs (CliContext  *cli,
                  const char  *summary,
                  GArray      *verbs,
                  int          argc,
                  char       **argv,
                  GError     **error)
{
  g_autofree char *text = verbs_summary (summary, verbs);
  g_autoptr(GOptionContext) context = cli_option_context_new (_("VERB"), text, NULL);
  const CliVerb *verb;
  char *command;

  /* Options after the verb belong to the verb. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_description (context, _("Run “accord-cli NOUN VERB --help” for the options of a verb."));
  if (!cli_parse_options (cli, context, &argc, &argv, error))
    return FALSE;

  if (argc < 2)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("A verb is required"));
      return FALSE;
    }

  verb = find_verb (verbs, argv[1]);
  if (verb == NULL)
    {
      set_unknown_word_error (error, FALSE, argv[1]);
      return FALSE;
    }

  command = g_strdup_printf ("%s %s", cli->command, verb->name);
  g_free (cli->command);
  cli->command = command;
  g_set_prgname (cli->command);
  return verb->func (cli, argc - 1, argv + 1, error);
}

/* Only init and seed may create a database: elsewhere a mistyped --db
 * would otherwise leave an empty database behind. */
AccordStore *
cli_open_store (CliContext  *cli,
                gboolean     create,
                GError     **error)
{
  g_autofree char *path = database_path (cli);
  g_autoptr(AccordStore) store = NULL;

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CLI_ERROR, CLI_ERROR_FAILED,
                   _("There is no database at %s; create one with “accord-cli init”"), path);
      return NULL;
    }

  store = accord_store_open (path, error);
  if (store == NULL)
    return NULL;

  accord_store_set_actor (store, g_get_user_name ());
  return g_steal_pointer (&store);
}

int
main (int    argc,
      char **argv)
{
  CliContext cli = { 0 };
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  accord_i18n_init ();

  set_command (&cli, NULL);
  if (!run (&cli, argc, argv, &error))
    status = report_error (&cli, error);

  g_free (cli.db_path);
  g_free (cli.command);
  return status;
}
