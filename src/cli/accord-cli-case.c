/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-case.h"
#include "accord-enums.h"
#include "accord-store.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

#define DEFAULT_LIST_LIMIT 50

typedef struct
{
  char     *title;
  char     *summary;
  char     *category;
  char     *channel;
  char     *received_on;
  GStrv     names;
  GStrv     id_numbers;
  GStrv     phones;
  GStrv     addresses;
  gboolean  flags[ACCORD_CASE_N_FLAGS];
} CaseAddOptions;

typedef struct
{
  char *step;
  int   days;
  char *approver;
  char *reason;
} ExtendOptions;

typedef struct
{
  char   *date;
  char   *value;             /* --reason, --unit, --opinion or --rating */
  gint64  expected_version;
} TransitionOptions;

static const struct
{
  const char *option;
  const char *description;
} flag_options[] = {
  [ACCORD_CASE_COLLECTIVE] = { "collective", N_("Mark the case as a collective petition") },
  [ACCORD_CASE_REPEAT] = { "repeat", N_("Mark the case as a repeated petition") },
  [ACCORD_CASE_CROSS_LEVEL] = { "cross-level", N_("Mark the case as skipping a level") },
  [ACCORD_CASE_LITIGATION_RELATED] = { "litigation-related", N_("Mark the case as law- or litigation-related") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (flag_options) == ACCORD_CASE_N_FLAGS);

/* Helpers */

static void
case_add_options_clear (CaseAddOptions *options)
{
  g_free (options->title);
  g_free (options->summary);
  g_free (options->category);
  g_free (options->channel);
  g_free (options->received_on);
  g_strfreev (options->names);
  g_strfreev (options->id_numbers);
  g_strfreev (options->phones);
  g_strfreev (options->addresses);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaseAddOptions, case_add_options_clear)

static void
transition_options_clear (TransitionOptions *options)
{
  g_free (options->date);
  g_free (options->value);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TransitionOptions, transition_options_clear)

static void
extend_options_clear (ExtendOptions *options)
{
  g_free (options->step);
  g_free (options->approver);
  g_free (options->reason);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExtendOptions, extend_options_clear)

static char *
describe_codes (const char  *description,
                AccordVocab  vocab)
{
  g_autofree char *codes = accord_vocab_codes_joined (vocab);

  /* TRANSLATORS: an option's description followed by its allowed values */
  return g_strdup_printf (_("%s: %s"), description, codes);
}

static void
add_flag_entries (GOptionContext *context,
                  gboolean       *flags)
{
  GOptionEntry entries[ACCORD_CASE_N_FLAGS + 1] = { { NULL } };

  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    {
      entries[i].long_name = flag_options[i].option;
      entries[i].arg = G_OPTION_ARG_NONE;
      entries[i].arg_data = &flags[i];
      entries[i].description = flag_options[i].description;
    }

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static void
print_case (CliContext *cli,
            AccordCase *c)
{
  g_autoptr(JsonNode) node = NULL;

  if (!cli->json)
    {
      cli_print ("%s", accord_case_get_number (c));
      return;
    }

  node = cli_json_case (c, cli->reveal);
  cli_print_json (node);
}

/* case add */

static gboolean
check_petitioner_options (const CaseAddOptions  *options,
                          guint                 *n_petitioners,
                          GError               **error)
{
  guint n = options->names != NULL ? g_strv_length (options->names) : 0;

  if (!cli_require_option (n > 0, "--petitioner", error))
    return FALSE;

  if ((options->id_numbers == NULL || g_strv_length (options->id_numbers) != n)
      || (options->phones == NULL || g_strv_length (options->phones) != n)
      || (options->addresses != NULL && g_strv_length (options->addresses) > n))
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE,
                           _("Give one --id-number and one --phone for each --petitioner, "
                             "and at most one --address each"));
      return FALSE;
    }

  *n_petitioners = n;
  return TRUE;
}

static gboolean
check_case_add_options (const CaseAddOptions  *options,
                        guint                 *n_petitioners,
                        GError               **error)
{
  return cli_require_option (options->title != NULL, "--title", error)
         && cli_require_option (options->category != NULL, "--category", error)
         && cli_require_option (options->channel != NULL, "--channel", error)
         && check_petitioner_options (options, n_petitioners, error);
}

static AccordPetitionerInput *
petitioner_inputs (const CaseAddOptions *options,
                   guint                 n_petitioners)
{
  AccordPetitionerInput *inputs = g_new0 (AccordPetitionerInput, n_petitioners);
  guint n_addresses = options->addresses != NULL ? g_strv_length (options->addresses) : 0;

  for (guint i = 0; i < n_petitioners; i++)
    {
      inputs[i].name = options->names[i];
      inputs[i].id_number = options->id_numbers[i];
      inputs[i].phone = options->phones[i];
      inputs[i].address = i < n_addresses ? options->addresses[i] : NULL;
    }

  return inputs;
}

static AccordCase *
add_case (CliContext            *cli,
          const CaseAddOptions  *options,
          guint                  n_petitioners,
          GError               **error)
{
  g_autofree AccordPetitionerInput *petitioners = petitioner_inputs (options, n_petitioners);
  g_autoptr(AccordStore) store = NULL;
  AccordCaseInput input = {
    .title = options->title,
    .summary = options->summary,
    .category = options->category,
    .channel = options->channel,
    .received_on = options->received_on,
    .petitioners = petitioners,
    .n_petitioners = n_petitioners,
  };

  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    input.flags[i] = options->flags[i];

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return NULL;

  return accord_store_add_case (store, &input, error);
}

static gboolean
case_add (CliContext  *cli,
          int          argc,
          char       **argv,
          GError     **error)
{
  g_auto(CaseAddOptions) options = { 0 };
  g_autofree char *channel_help = describe_codes (_("How the petition came in (required)"), ACCORD_VOCAB_CHANNEL);
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &options.title, N_("The title of the case (required)"), N_("TEXT") },
    { "petitioner", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.names,
      N_("A petitioner's name (required); repeat for several petitioners"), N_("NAME") },
    { "id-number", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.id_numbers,
      N_("The resident ID number of the petitioner in the same position (required)"), N_("ID") },
    { "phone", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.phones,
      N_("The phone number of the petitioner in the same position (required)"), N_("PHONE") },
    { "address", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.addresses,
      N_("The address of the petitioner in the same position"), N_("ADDRESS") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &options.category, N_("The category of the matter (required)"), N_("CATEGORY") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &options.channel, channel_help, N_("CHANNEL") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &options.received_on,
      N_("The day the petition was received (default: today)"), N_("YYYY-MM-DD") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &options.summary, N_("A summary of the matter"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = cli_option_context_new (NULL, _("Register a new petition case and print its number."), entries);
  g_autoptr(AccordCase) c = NULL;
  guint n_petitioners = 0;

  add_flag_entries (context, options.flags);
  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !check_case_add_options (&options, &n_petitioners, error))
    return FALSE;

  c = add_case (cli, &options, n_petitioners, error);
  if (c == NULL)
    return FALSE;

  print_case (cli, c);
  return TRUE;
}

/* case list */

static gboolean
case_list (CliContext  *cli,
           int          argc,
           char       **argv,
           GError     **error)
{
  g_autofree char *status = NULL;
  g_autofree char *category = NULL;
  g_autofree char *query = NULL;
  int limit = DEFAULT_LIST_LIMIT;
  g_autofree char *status_help = describe_codes (_("Only cases in this state"), ACCORD_VOCAB_CASE_STATUS);
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, status_help, N_("STATUS") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("Only cases in this category"), N_("CATEGORY") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &query,
      N_("Only cases whose number, title, summary or petitioners contain this text"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N cases, newest first (default: 50)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = cli_option_context_new (NULL, _("List cases, newest first."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  AccordCaseFilter filter = { 0 };

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error))
    return FALSE;

  if (limit <= 0)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("The option --limit must be a positive number"));
      return FALSE;
    }

  filter.status = status;
  filter.category = category;
  filter.query = query;
  store = cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return FALSE;

  cases = accord_store_list_cases (store, &filter, 0, 0, (guint) limit, error);
  if (cases == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_cases (cases, cli->reveal);

      cli_print_json (node);
    }
  else if (cases->len == 0)
    cli_print ("%s", _("No cases found."));
  else
    cli_print_case_table (cases);

  return TRUE;
}

/* case show */

static gboolean
case_show (CliContext  *cli,
           int          argc,
           char       **argv,
           GError     **error)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (_("NUMBER"), _("Show every field of a case."), NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordCase) c = NULL;
  const char *number;

  if (!cli_parse_options (cli, context, &argc, &argv, error))
    return FALSE;

  number = cli_single_argument (argc, argv, _("the case number"), error);
  if (number == NULL)
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return FALSE;

  c = accord_store_get_case (store, number, error);
  if (c == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_case (c, cli->reveal);

      cli_print_json (node);
    }
  else
    cli_print_case_details (c, cli->reveal);

  return TRUE;
}

/* case deadlines */

static gboolean
case_deadlines (CliContext  *cli,
                int          argc,
                char       **argv,
                GError     **error)
{
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("NUMBER"),
                            _("Show the statutory deadlines of a case: each step, the day its period is "
                              "counted from, the period and any extension, the last day, when the step was "
                              "done and how the last day was found."),
                            NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  const char *number;

  if (!cli_parse_options (cli, context, &argc, &argv, error))
    return FALSE;

  number = cli_single_argument (argc, argv, _("the case number"), error);
  if (number == NULL)
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return FALSE;

  deadlines = accord_store_case_deadlines (store, number, error);
  if (deadlines == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_deadlines (deadlines);

      cli_print_json (node);
    }
  else if (deadlines->len == 0)
    cli_print ("%s", _("No deadlines apply to this case."));
  else
    cli_print_deadline_table (deadlines);

  return TRUE;
}

/* case extend */

#define DAYS_NOT_GIVEN G_MININT

static gboolean
check_extend_options (const ExtendOptions  *options,
                      GError              **error)
{
  return cli_require_option (options->step != NULL, "--step", error)
         && cli_require_option (options->days != DAYS_NOT_GIVEN, "--days", error)
         && cli_require_option (options->approver != NULL, "--approver", error)
         && cli_require_option (options->reason != NULL, "--reason", error);
}

static const AccordDeadline *
find_deadline (GPtrArray  *deadlines,
               const char *step)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      const AccordDeadline *deadline = g_ptr_array_index (deadlines, i);

      if (g_strcmp0 (deadline->step, step) == 0)
        return deadline;
    }

  return NULL;
}

static void
print_extended (CliContext           *cli,
                const char           *number,
                const AccordDeadline *deadline)
{
  g_autoptr(JsonNode) node = NULL;

  if (!cli->json)
    {
      /* TRANSLATORS: after an extension: the case number, the step's name and its new last day,
       * e.g. "XF-2026-000001: Handle and reply in writing is now due on 2027-02-17" */
      cli_print (_("%s: %s is now due on %s"), number, deadline->label, deadline->due_date);
      return;
    }

  node = cli_json_deadline (deadline);
  cli_print_json (node);
}

static gboolean
case_extend (CliContext  *cli,
             int          argc,
             char       **argv,
             GError     **error)
{
  g_auto(ExtendOptions) options = { NULL, DAYS_NOT_GIVEN, NULL, NULL };
  const GOptionEntry entries[] = {
    { "step", 0, 0, G_OPTION_ARG_STRING, &options.step,
      N_("The step whose period is extended, as “case deadlines --json” names it, e.g. reply (required)"),
      N_("STEP") },
    { "days", 0, 0, G_OPTION_ARG_INT, &options.days, N_("How many days to add to the period (required)"), N_("N") },
    { "approver", 0, 0, G_OPTION_ARG_STRING, &options.approver,
      N_("Who approved the extension, e.g. the head of the bureau (required)"), N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &options.reason,
      N_("Why the period is extended, as the petitioner is told (required)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("NUMBER"),
                            _("Extend the period of a pending step, within the limit the deadline rules allow, "
                              "and print its new last day."),
                            entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  const AccordDeadline *deadline;
  const char *number;

  if (!cli_parse_options (cli, context, &argc, &argv, error))
    return FALSE;

  number = cli_single_argument (argc, argv, _("the case number"), error);
  if (number == NULL || !check_extend_options (&options, error))
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return FALSE;

  if (!accord_store_extend_deadline (store, number, options.step, options.days, options.approver,
                                     options.reason, error))
    return FALSE;

  deadlines = accord_store_case_deadlines (store, number, error);
  if (deadlines == NULL)
    return FALSE;

  deadline = find_deadline (deadlines, options.step);
  if (deadline == NULL)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_FAILED,
                           _("The extension was recorded, but the step is no longer among the case’s deadlines"));
      return FALSE;
    }

  print_extended (cli, number, deadline);
  return TRUE;
}

/* Workflow verbs */

/* The option that carries a transition's own value, or NULL. */
static const char *
transition_value_option (AccordCaseAction action)
{
  switch (action)
    {
    case ACCORD_CASE_ACTION_DECLINE:
      return "reason";
    case ACCORD_CASE_ACTION_ASSIGN:
      return "unit";
    case ACCORD_CASE_ACTION_REPLY:
    case ACCORD_CASE_ACTION_REVIEW_REPLY:
    case ACCORD_CASE_ACTION_RE_REVIEW_REPLY:
      return "opinion";
    case ACCORD_CASE_ACTION_EVALUATE:
      return "rating";
    default:
      return NULL;
    }
}

static GOptionEntry
transition_value_entry (AccordCaseAction  action,
                        char            **value,
                        char            **help)
{
  GOptionEntry entry = { transition_value_option (action), 0, 0, G_OPTION_ARG_STRING, value, NULL, NULL };

  switch (action)
    {
    case ACCORD_CASE_ACTION_DECLINE:
      entry.description = N_("Why the case is not accepted (required)");
      entry.arg_description = N_("TEXT");
      break;
    case ACCORD_CASE_ACTION_ASSIGN:
      entry.description = N_("The responsible unit (required)");
      entry.arg_description = N_("UNIT");
      break;
    case ACCORD_CASE_ACTION_REPLY:
    case ACCORD_CASE_ACTION_REVIEW_REPLY:
    case ACCORD_CASE_ACTION_RE_REVIEW_REPLY:
      *help = describe_codes (_("The written opinion (required)"), ACCORD_VOCAB_OPINION);
      entry.description = *help;
      entry.arg_description = N_("OPINION");
      break;
    case ACCORD_CASE_ACTION_EVALUATE:
      *help = describe_codes (_("The petitioner's evaluation (required)"), ACCORD_VOCAB_EVALUATION);
      entry.description = *help;
      entry.arg_description = N_("RATING");
      break;
    default:
      break;
    }

  return entry;
}

static gboolean
check_transition_value (AccordCaseAction          action,
                        const TransitionOptions  *options,
                        GError                  **error)
{
  const char *option = transition_value_option (action);
  g_autofree char *flag = NULL;

  if (option == NULL)
    return TRUE;

  flag = g_strconcat ("--", option, NULL);
  return cli_require_option (options->value != NULL, flag, error);
}

static void
fill_transition (AccordCaseTransition    *transition,
                 const TransitionOptions *options)
{
  transition->date = options->date;

  switch (transition->action)
    {
    case ACCORD_CASE_ACTION_DECLINE:
      transition->reason = options->value;
      break;
    case ACCORD_CASE_ACTION_ASSIGN:
      transition->unit = options->value;
      break;
    case ACCORD_CASE_ACTION_REPLY:
    case ACCORD_CASE_ACTION_REVIEW_REPLY:
    case ACCORD_CASE_ACTION_RE_REVIEW_REPLY:
      transition->opinion = options->value;
      break;
    case ACCORD_CASE_ACTION_EVALUATE:
      transition->evaluation = options->value;
      break;
    default:
      break;
    }
}

static GOptionContext *
transition_context_new (AccordCaseAction   action,
                        TransitionOptions *options,
                        char             **help)
{
  GOptionEntry value = transition_value_entry (action, &options->value, help);
  const GOptionEntry value_entries[] = { value, G_OPTION_ENTRY_NULL };
  const GOptionEntry date_entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &options->date, N_("The day of the step (default: today)"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry version_entries[] = {
    { "expect-version", 0, 0, G_OPTION_ARG_INT64, &options->expected_version,
      N_("Refuse if the case is no longer at version N (default: 0, do not check)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context = cli_option_context_new (_("NUMBER"), accord_case_action_label (action), value_entries);

  /* Recording the petitioner's evaluation is not dated. */
  if (action != ACCORD_CASE_ACTION_EVALUATE)
    g_option_context_add_main_entries (context, date_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, version_entries, GETTEXT_PACKAGE);

  return context;
}

static void
print_transitioned (CliContext *cli,
                    AccordCase *c)
{
  g_autoptr(JsonNode) node = NULL;
  const char *status = accord_case_get_status (c);

  if (!cli->json)
    {
      /* TRANSLATORS: a case number and the name of its new state */
      cli_print (_("%s: %s"), accord_case_get_number (c),
                 accord_vocab_label (ACCORD_VOCAB_CASE_STATUS, status));
      return;
    }

  node = cli_json_case (c, cli->reveal);
  cli_print_json (node);
}

static gboolean
case_transition (CliContext  *cli,
                 int          argc,
                 char       **argv,
                 GError     **error)
{
  g_auto(TransitionOptions) options = { 0 };
  g_autofree char *help = NULL;
  AccordCaseTransition transition = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordCase) c = NULL;
  const char *number;

  if (!accord_case_action_from_verb (argv[0], &transition.action))
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("Unknown verb"));
      return FALSE;
    }

  context = transition_context_new (transition.action, &options, &help);
  if (!cli_parse_options (cli, context, &argc, &argv, error))
    return FALSE;

  number = cli_single_argument (argc, argv, _("the case number"), error);
  if (number == NULL || !check_transition_value (transition.action, &options, error))
    return FALSE;

  fill_transition (&transition, &options);

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return FALSE;

  c = accord_store_transition_case (store, number, options.expected_version, &transition, error);
  if (c == NULL)
    return FALSE;

  print_transitioned (cli, c);
  return TRUE;
}

/* Public */

GArray *
cli_case_verbs (void)
{
  const CliVerb fixed[] = {
    { "add", _("Register a new case"), case_add },
    { "list", _("List cases, with filters and search"), case_list },
    { "show", _("Show every field of a case"), case_show },
    { "deadlines", _("Show the statutory deadlines of a case and how each was found"), case_deadlines },
    { "extend", _("Extend the period of a pending step, with the approver and the reason"), case_extend },
    { "import", _("Register the cases of a JSON or CSV file: all of them or none"), cli_case_import },
  };
  GArray *verbs = cli_verbs_new (fixed, G_N_ELEMENTS (fixed));

  for (guint i = 0; i < ACCORD_CASE_N_ACTIONS; i++)
    {
      CliVerb verb = { accord_case_action_verb (i), accord_case_action_label (i), case_transition };

      g_array_append_val (verbs, verb);
    }

  return verbs;
}
