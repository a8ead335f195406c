/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-scheduler.h"
#include "accord-store.h"
#include "accord-validate.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

#define DEFAULT_LIST_DAYS 30
#define DEFAULT_SLOT_COUNT 3
/* No valid duration: tells "not given" apart from any number typed. */
#define DURATION_UNSET G_MININT

/* [T or space, hh:mm[:ss], and an offset or Z] after the date. */
#define TIME_PATTERN \
  "^([0-9]{4})-([0-9]{2})-([0-9]{2})" \
  "(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$"

typedef struct
{
  char     *case_number;
  char     *kind;
  char     *start;
  char     *end;
  char     *venue;
  GStrv     with;
  GStrv     petitioners;
  char     *notice_date;
  gboolean  is_private;
  char     *notes;
  char     *override_reason;
  char     *kind_help;
} ProposalOptions;

typedef struct
{
  char  *from;
  char  *to;
  char  *person;
  char  *venue;
} RangeOptions;

/* What session list and session broken read from their options. */
typedef struct
{
  gint64     person_id;
  gint64     venue_id;
  gint64     from;
  gint64     to;
  GTimeZone *zone;
} RangeQuery;

typedef struct
{
  char  *case_number;
  char  *kind;
  int    duration;
  GStrv  with;
  int    panel;
  GStrv  needs;
  char  *from;
  char  *to;
  GStrv  venues;
  int    count;
  char  *kind_help;
} SuggestOptions;

/* Helpers */

static void
proposal_options_clear (ProposalOptions *options)
{
  g_free (options->case_number);
  g_free (options->kind);
  g_free (options->start);
  g_free (options->end);
  g_free (options->venue);
  g_strfreev (options->with);
  g_strfreev (options->petitioners);
  g_free (options->notice_date);
  g_free (options->notes);
  g_free (options->override_reason);
  g_free (options->kind_help);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProposalOptions, proposal_options_clear)

static void
range_options_clear (RangeOptions *options)
{
  g_free (options->from);
  g_free (options->to);
  g_free (options->person);
  g_free (options->venue);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RangeOptions, range_options_clear)

static void
suggest_options_clear (SuggestOptions *options)
{
  g_free (options->case_number);
  g_free (options->kind);
  g_strfreev (options->with);
  g_strfreev (options->needs);
  g_free (options->from);
  g_free (options->to);
  g_strfreev (options->venues);
  g_free (options->kind_help);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SuggestOptions, suggest_options_clear)

static char *
kind_help (void)
{
  g_autofree char *codes = accord_vocab_codes_joined (ACCORD_VOCAB_SESSION_KIND);

  /* TRANSLATORS: %s is the list of session kinds */
  return g_strdup_printf (_("What kind of session (required): %s"), codes);
}

/* "+08", "+0800", "+08:00", "Z", or nothing for the bureau's zone. */
static GTimeZone *
zone_for_offset (const char *offset,
                 GTimeZone  *local)
{
  int sign, hours, minutes = 0;

  if (*offset == '\0')
    return g_time_zone_ref (local);
  if (*offset == 'Z' || *offset == 'z')
    return g_time_zone_new_utc ();

  sign = offset[0] == '-' ? -1 : 1;
  hours = (offset[1] - '0') * 10 + (offset[2] - '0');
  if (offset[3] != '\0')
    {
      const char *m = offset[3] == ':' ? offset + 4 : offset + 3;

      minutes = (m[0] - '0') * 10 + (m[1] - '0');
    }
  if (hours > 23 || minutes > 59)
    return NULL;

  return g_time_zone_new_offset (sign * (hours * 3600 + minutes * 60));
}

static int
match_int (GMatchInfo *match,
           int         group)
{
  g_autofree char *text = g_match_info_fetch (match, group);

  return text != NULL && *text != '\0' ? atoi (text) : 0;
}

static GDateTime *
parse_date_time (const char *text,
                 GTimeZone  *local,
                 gboolean   *has_time)
{
  g_autoptr(GRegex) regex = g_regex_new (TIME_PATTERN, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *hour = NULL;
  g_autofree char *offset = NULL;

  if (text == NULL || !g_regex_match (regex, text, 0, &match))
    return NULL;

  hour = g_match_info_fetch (match, 4);
  offset = g_match_info_fetch (match, 7);
  *has_time = hour != NULL && *hour != '\0';
  zone = zone_for_offset (offset != NULL ? offset : "", local);
  if (zone == NULL)
    return NULL;

  return g_date_time_new (zone, match_int (match, 1), match_int (match, 2), match_int (match, 3),
                          match_int (match, 4), match_int (match, 5), match_int (match, 6));
}

static void
set_time_error (GError      **error,
                const char   *option,
                CliTimeKind   kind)
{
  if (kind == CLI_TIME_EXACT)
    g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE,
                 /* TRANSLATORS: %s is an option such as --start */
                 _("The option %s takes a local time such as “2026-12-07 09:30”, "
                   "or an ISO 8601 time with an offset such as “2026-12-07T09:30:00+08:00”"), option);
  else
    g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE,
                 /* TRANSLATORS: %s is an option such as --from */
                 _("The option %s takes a date such as “2026-12-07” or a local time such as “2026-12-07 09:30”"),
                 option);
}

static GDateTime *
local_time (gint64     instant,
            GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, zone);
}

static gboolean
parse_optional_id (const char  *text,
                   const char  *what,
                   gint64      *id,
                   GError     **error)
{
  *id = 0;
  return text == NULL || cli_parse_id (text, what, id, error);
}

/* "12:panelist" as a person of the pool, or as a petitioner of the case.
 * The role is left in @text, which is cut at the colon. */
static gboolean
parse_participant (const char              *option,
                   char                    *text,
                   gboolean                 petitioner,
                   AccordParticipantInput  *participant,
                   GError                 **error)
{
  char *colon = strchr (text, ':');
  gint64 id = 0;

  if (colon != NULL)
    *colon = '\0';

  if (colon == NULL || colon[1] == '\0' || !g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      /* TRANSLATORS: %s is an option such as --with */
      g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("The option %s takes an id and a role, such as “12:panelist”"),
                   option);
      return FALSE;
    }

  participant->person_id = petitioner ? 0 : id;
  participant->petitioner_id = petitioner ? id : 0;
  participant->role = colon + 1;
  return TRUE;
}

static gboolean
parse_participants (const char  *option,
                    GStrv        texts,
                    gboolean     petitioner,
                    GArray      *participants,
                    GError     **error)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      AccordParticipantInput participant = { 0 };

      if (!parse_participant (option, texts[i], petitioner, &participant, error))
        return FALSE;
      g_array_append_val (participants, participant);
    }

  return TRUE;
}

/* Proposals (check and add) */

static GOptionContext *
proposal_context_new (ProposalOptions *options,
                      const char      *summary,
                      gboolean         booking)
{
  const char *help = (options->kind_help = kind_help ());
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &options->case_number, N_("The case number (required)"), N_("NUMBER") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options->kind, help, N_("KIND") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &options->start,
      N_("When it starts, in the bureau's local time (required)"), N_("\"YYYY-MM-DD HH:MM\"") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &options->end,
      N_("When it ends, in the bureau's local time (required)"), N_("\"YYYY-MM-DD HH:MM\"") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &options->venue, N_("The venue's id"), N_("ID") },
    { "with", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->with,
      N_("A person of the pool and their role in the session; repeat for several"), N_("PERSON_ID:ROLE") },
    { "petitioner", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->petitioners,
      N_("A petitioner of the case taking part as petitioner or agent (default: all the case's petitioners)"),
      N_("PETITIONER_ID:ROLE") },
    { "notice-date", 0, 0, G_OPTION_ARG_STRING, &options->notice_date,
      N_("The day the hearing notice reaches the petitioner (default: today)"), N_("YYYY-MM-DD") },
    { "private", 0, 0, G_OPTION_ARG_NONE, &options->is_private, N_("Hold the session in private"), NULL },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &options->notes, N_("Notes on the session"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry booking_entries[] = {
    { "override-reason", 0, 0, G_OPTION_ARG_STRING, &options->override_reason,
      N_("Book despite hard conflicts, for this reason (written to the audit log)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context = cli_option_context_new (NULL, summary, entries);

  if (booking)
    g_option_context_add_main_entries (context, booking_entries, GETTEXT_PACKAGE);

  return context;
}

/* What can be checked before the database is opened. */
static gboolean
check_proposal_options (ProposalOptions  *options,
                        GArray           *participants,
                        gint64           *venue_id,
                        GError          **error)
{
  return cli_require_option (options->case_number != NULL, "--case", error)
         && cli_require_option (options->kind != NULL, "--kind", error)
         && cli_require_option (options->start != NULL, "--start", error)
         && cli_require_option (options->end != NULL, "--end", error)
         && parse_optional_id (options->venue, _("the venue id"), venue_id, error)
         && parse_participants ("--with", options->with, FALSE, participants, error)
         && parse_participants ("--petitioner", options->petitioners, TRUE, participants, error);
}

static gboolean
fill_proposal (const ProposalOptions  *options,
               GArray                 *participants,
               GTimeZone              *zone,
               AccordSessionInput     *input,
               GError                **error)
{
  if (!cli_parse_time ("--start", options->start, zone, CLI_TIME_EXACT, &input->starts_at, error)
      || !cli_parse_time ("--end", options->end, zone, CLI_TIME_EXACT, &input->ends_at, error))
    return FALSE;

  input->case_number = options->case_number;
  input->kind = options->kind;
  input->participants = (const AccordParticipantInput *) participants->data;
  input->n_participants = participants->len;
  input->notice_date = options->notice_date;
  input->is_private = options->is_private;
  input->notes = options->notes;
  return TRUE;
}

/* A refusal lists every conflict, so that all of them can be dealt with
 * at once. */
static void
propagate_refusal (GError    **error,
                   GError     *local_error,
                   GPtrArray  *conflicts,
                   const char *message)
{
  g_autofree char *list = NULL;

  if (!g_error_matches (local_error, ACCORD_SCHEDULER_ERROR, ACCORD_SCHEDULER_ERROR_CONFLICT)
      || conflicts == NULL || conflicts->len == 0)
    {
      g_propagate_error (error, local_error);
      return;
    }

  list = cli_format_conflicts (conflicts);
  g_set_error (error, ACCORD_SCHEDULER_ERROR, ACCORD_SCHEDULER_ERROR_CONFLICT, "%s\n%s", message, list);
  g_error_free (local_error);
}

static void
print_changed (CliContext    *cli,
               AccordSession *session,
               GPtrArray     *conflicts,
               GTimeZone     *zone,
               const char    *text)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(JsonNode) node = NULL;

  if (!cli->json)
    {
      cli_print ("%s", text);
      cli_print_conflict_warnings (conflicts);
      return;
    }

  node = cli_json_session (session, conflicts != NULL ? conflicts : none, zone);
  cli_print_json (node);
}

/* session check */

static gboolean
session_check (CliContext  *cli,
               int          argc,
               char       **argv,
               GError     **error)
{
  g_auto(ProposalOptions) options = { 0 };
  g_autoptr(GOptionContext) context =
    proposal_context_new (&options, _("Check a proposed session against every rule without booking it. "
                                      "Exits with status 3 when a hard rule breaks."), FALSE);
  g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (AccordParticipantInput));
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  AccordSessionInput input = { 0 };

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !check_proposal_options (&options, participants, &input.venue_id, error))
    return FALSE;

  scheduler = cli_open_scheduler (cli, &store, error);
  if (scheduler == NULL
      || !fill_proposal (&options, participants, cli_scheduler_zone (scheduler), &input, error))
    return FALSE;

  conflicts = accord_scheduler_check (scheduler, &input, 0, error);
  if (conflicts == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_conflicts (conflicts);

      cli_print_json (node);
    }
  else if (conflicts->len == 0)
    cli_print ("%s", _("No conflicts"));
  else
    cli_print_conflicts (conflicts);

  if (!accord_conflicts_have_hard (conflicts))
    return TRUE;

  g_set_error_literal (error, ACCORD_SCHEDULER_ERROR, ACCORD_SCHEDULER_ERROR_CONFLICT,
                       _("The proposed session breaks a hard rule"));
  return FALSE;
}

/* session add */

static gboolean
session_add (CliContext  *cli,
             int          argc,
             char       **argv,
             GError     **error)
{
  g_auto(ProposalOptions) options = { 0 };
  g_autoptr(GOptionContext) context =
    proposal_context_new (&options, _("Book a session and print its id. Refused while a hard rule breaks, "
                                      "unless an override reason is given."), TRUE);
  g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (AccordParticipantInput));
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(AccordSession) session = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  AccordSessionInput input = { 0 };

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !check_proposal_options (&options, participants, &input.venue_id, error))
    return FALSE;

  scheduler = cli_open_scheduler (cli, &store, error);
  if (scheduler == NULL
      || !fill_proposal (&options, participants, cli_scheduler_zone (scheduler), &input, error))
    return FALSE;

  session = accord_scheduler_book (scheduler, &input, options.override_reason, &conflicts, &local_error);
  if (session == NULL)
    {
      propagate_refusal (error, g_steal_pointer (&local_error), conflicts,
                         _("The session was not booked: it breaks a hard rule. "
                           "Change it, or give --override-reason to book it anyway:"));
      return FALSE;
    }

  id = cli_format_id (session->id);
  print_changed (cli, session, conflicts, cli_scheduler_zone (scheduler), id);
  return TRUE;
}

/* session move */

static gboolean
session_move (CliContext  *cli,
              int          argc,
              char       **argv,
              GError     **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *reason = NULL;
  gint64 expected_version = 0;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start,
      N_("The new start, in the bureau's local time (required)"), N_("\"YYYY-MM-DD HH:MM\"") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end,
      N_("The new end, in the bureau's local time (required)"), N_("\"YYYY-MM-DD HH:MM\"") },
    { "override-reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Move despite hard conflicts, for this reason (written to the audit log)"), N_("TEXT") },
    { "expect-version", 0, 0, G_OPTION_ARG_INT64, &expected_version,
      N_("Refuse if the session is no longer at version N (default: 0, do not check)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = cli_option_context_new (_("ID"), _("Move a session to a new time, with the same checks as booking."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(AccordSession) session = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *span = NULL;
  g_autofree char *id_string = NULL;
  gint64 id = 0, starts_at = 0, ends_at = 0;
  GTimeZone *zone;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the session id"), &id, error)
      || !cli_require_option (start != NULL, "--start", error)
      || !cli_require_option (end != NULL, "--end", error))
    return FALSE;

  scheduler = cli_open_scheduler (cli, &store, error);
  if (scheduler == NULL)
    return FALSE;

  zone = cli_scheduler_zone (scheduler);
  if (!cli_parse_time ("--start", start, zone, CLI_TIME_EXACT, &starts_at, error)
      || !cli_parse_time ("--end", end, zone, CLI_TIME_EXACT, &ends_at, error))
    return FALSE;

  session = accord_scheduler_move (scheduler, id, expected_version, starts_at, ends_at, reason,
                                   &conflicts, &local_error);
  if (session == NULL)
    {
      propagate_refusal (error, g_steal_pointer (&local_error), conflicts,
                         _("The session was not moved: the new time breaks a hard rule. "
                           "Choose another, or give --override-reason to move it anyway:"));
      return FALSE;
    }

  id_string = cli_format_id (session->id);
  span = cli_format_span (session->starts_at, session->ends_at, zone);
  /* TRANSLATORS: a session's id and its new time */
  text = g_strdup_printf (_("Session %s moved to %s"), id_string, span);
  print_changed (cli, session, conflicts, zone, text);
  return TRUE;
}

/* session cancel */

static gboolean
session_cancel (CliContext  *cli,
                int          argc,
                char       **argv,
                GError     **error)
{
  g_autofree char *reason = NULL;
  gint64 expected_version = 0;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the session is cancelled (written to the audit log)"), N_("TEXT") },
    { "expect-version", 0, 0, G_OPTION_ARG_INT64, &expected_version,
      N_("Refuse if the session is no longer at version N (default: 0, do not check)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = cli_option_context_new (_("ID"), _("Cancel a planned session."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(AccordSession) session = NULL;
  g_autofree char *id_string = NULL;
  g_autofree char *text = NULL;
  gint64 id = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the session id"), &id, error))
    return FALSE;

  scheduler = cli_open_scheduler (cli, &store, error);
  if (scheduler == NULL
      || !accord_scheduler_cancel (scheduler, id, expected_version, reason, error)
      || (session = accord_store_get_session (store, id, error)) == NULL)
    return FALSE;

  id_string = cli_format_id (id);
  /* TRANSLATORS: %s is a session's id */
  text = g_strdup_printf (_("Session %s cancelled"), id_string);
  print_changed (cli, session, NULL, cli_scheduler_zone (scheduler), text);
  return TRUE;
}

/* session show */

static gboolean
session_show (CliContext  *cli,
              int          argc,
              char       **argv,
              GError     **error)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (_("ID"), _("Show a session and everyone taking part."), NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(AccordSession) session = NULL;
  gint64 id = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the session id"), &id, error))
    return FALSE;

  scheduler = cli_open_scheduler (cli, &store, error);
  if (scheduler == NULL || (session = accord_store_get_session (store, id, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_session (session, NULL, cli_scheduler_zone (scheduler));

      cli_print_json (node);
    }
  else
    cli_print_session_details (session, cli_scheduler_zone (scheduler));

  return TRUE;
}

/* session list and session broken */

static GOptionContext *
range_context_new (RangeOptions *options,
                   const char   *summary,
                   const char   *from_help,
                   const char   *to_help)
{
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from, from_help, N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to, to_help, N_("DATE") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &options->person, N_("Only sessions this person takes part in"), N_("ID") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &options->venue, N_("Only sessions in this venue"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };

  return cli_option_context_new (NULL, summary, entries);
}

/* Reads the options of session list or broken into @query; a range without
 * --to runs @default_days from its first day (0: without end). */
static AccordScheduler *
open_range (CliContext      *cli,
            GOptionContext  *context,
            RangeOptions    *options,
            guint            default_days,
            int              argc,
            char           **argv,
            AccordStore    **store,
            RangeQuery      *query,
            GError         **error)
{
  g_autoptr(AccordScheduler) scheduler = NULL;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !parse_optional_id (options->person, _("the person id"), &query->person_id, error)
      || !parse_optional_id (options->venue, _("the venue id"), &query->venue_id, error))
    return NULL;

  scheduler = cli_open_scheduler (cli, store, error);
  if (scheduler == NULL)
    return NULL;

  query->zone = cli_scheduler_zone (scheduler);
  if (!cli_parse_range (options->from, options->to, query->zone, default_days, &query->from, &query->to, error))
    return NULL;

  return g_steal_pointer (&scheduler);
}

static gboolean
session_list (CliContext  *cli,
              int          argc,
              char       **argv,
              GError     **error)
{
  g_auto(RangeOptions) options = { 0 };
  g_autoptr(GOptionContext) context =
    range_context_new (&options, _("List sessions in order of time, cancelled ones included."),
                       N_("The first day (default: today)"), N_("The last day (default: 30 days after the first)"));
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  RangeQuery q = { 0 };

  scheduler = open_range (cli, context, &options, DEFAULT_LIST_DAYS, argc, argv, &store, &q, error);
  if (scheduler == NULL
      || (sessions = accord_store_list_sessions (store, q.from, q.to, q.person_id, q.venue_id, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_sessions (sessions, q.zone);

      cli_print_json (node);
    }
  else if (sessions->len == 0)
    cli_print ("%s", _("No sessions found."));
  else
    cli_print_session_table (sessions, q.zone);

  return TRUE;
}

static gboolean
session_broken (CliContext  *cli,
                int          argc,
                char       **argv,
                GError     **error)
{
  g_auto(RangeOptions) options = { 0 };
  g_autoptr(GOptionContext) context =
    range_context_new (&options, _("List the planned sessions that now break a hard rule, "
                                   "after an absence, a closed venue or a move."),
                       N_("The first day (default: today)"), N_("The last day (default: no end)"));
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  RangeQuery q = { 0 };

  scheduler = open_range (cli, context, &options, 0, argc, argv, &store, &q, error);
  if (scheduler == NULL
      || (broken = accord_scheduler_broken (scheduler, q.from, q.to, q.person_id, q.venue_id, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_broken (broken, q.zone);

      cli_print_json (node);
    }
  else if (broken->len == 0)
    cli_print ("%s", _("No session breaks a hard rule."));
  else
    cli_print_broken (broken, q.zone);

  return TRUE;
}

/* session suggest */

static GOptionContext *
suggest_context_new (SuggestOptions *options)
{
  const char *help = (options->kind_help = kind_help ());
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &options->case_number, N_("The case number (required)"), N_("NUMBER") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options->kind, help, N_("KIND") },
    { "duration", 0, 0, G_OPTION_ARG_INT, &options->duration, N_("How long the session lasts (required)"), N_("MINUTES") },
    { "with", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->with,
      N_("A person who must take part, and their role; repeat for several"), N_("PERSON_ID:ROLE") },
    { "panel", 0, 0, G_OPTION_ARG_INT, &options->panel, N_("How many hearing panelists to propose"), N_("N") },
    { "need", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->needs,
      N_("People to propose for a role in the session, e.g. psychologist:1; repeat for several"), N_("ROLE:N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from, N_("The first day to search (required)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to, N_("The last day to search (required)"), N_("DATE") },
    { "venue", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->venues,
      N_("A venue to consider; repeat for several (default: every open venue)"), N_("ID") },
    { "count", 0, 0, G_OPTION_ARG_INT, &options->count, N_("How many slots to find (default: 3)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  return cli_option_context_new (NULL, _("Find the earliest slots in which every rule holds, "
                                         "with a proposed panel and people from the pool."), entries);
}

static gboolean
check_suggest_options (SuggestOptions  *options,
                       GArray          *required,
                       GArray          *venue_ids,
                       GError         **error)
{
  if (!cli_require_option (options->case_number != NULL, "--case", error)
      || !cli_require_option (options->kind != NULL, "--kind", error)
      || !cli_require_option (options->duration != DURATION_UNSET, "--duration", error)
      || !cli_require_option (options->from != NULL, "--from", error)
      || !cli_require_option (options->to != NULL, "--to", error)
      || !parse_participants ("--with", options->with, FALSE, required, error))
    return FALSE;

  for (guint i = 0; options->venues != NULL && options->venues[i] != NULL; i++)
    {
      gint64 id = 0;

      if (!cli_parse_id (options->venues[i], _("the venue id"), &id, error))
        return FALSE;
      g_array_append_val (venue_ids, id);
    }

  return TRUE;
}

static AccordParticipant *
slot_participant (AccordStore                   *store,
                  const AccordParticipantInput  *input,
                  GError                       **error)
{
  g_autoptr(AccordParticipant) participant = g_new0 (AccordParticipant, 1);

  participant->person_id = input->person_id;
  participant->petitioner_id = input->petitioner_id;
  participant->role = g_strdup (input->role);
  if (input->person_id > 0)
    {
      g_autoptr(AccordPerson) person = accord_store_get_person (store, input->person_id, error);

      if (person == NULL)
        return NULL;
      participant->name = g_strdup (person->name);
    }

  return g_steal_pointer (&participant);
}

/* A slot as a session that is not booked, with names to print. */
static AccordSession *
session_from_slot (AccordStore       *store,
                   const AccordSlot  *slot,
                   GError           **error)
{
  g_autoptr(AccordSession) session = g_new0 (AccordSession, 1);

  session->starts_at = slot->starts_at;
  session->ends_at = slot->ends_at;
  session->venue_id = slot->venue_id;
  session->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_participant_free);

  if (slot->venue_id > 0)
    {
      g_autoptr(AccordVenue) venue = accord_store_get_venue (store, slot->venue_id, error);

      if (venue == NULL)
        return NULL;
      session->venue_name = g_strdup (venue->name);
    }

  for (guint i = 0; i < slot->participants->len; i++)
    {
      AccordParticipant *participant =
        slot_participant (store, &g_array_index (slot->participants, AccordParticipantInput, i), error);

      if (participant == NULL)
        return NULL;
      g_ptr_array_add (session->participants, participant);
    }

  return g_steal_pointer (&session);
}

static GPtrArray *
sessions_from_slots (AccordStore  *store,
                     GPtrArray    *slots,
                     GError      **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_session_free);

  for (guint i = 0; i < slots->len; i++)
    {
      AccordSession *session = session_from_slot (store, g_ptr_array_index (slots, i), error);

      if (session == NULL)
        return NULL;
      g_ptr_array_add (sessions, session);
    }

  return g_steal_pointer (&sessions);
}

static gboolean
session_suggest (CliContext  *cli,
                 int          argc,
                 char       **argv,
                 GError     **error)
{
  g_auto(SuggestOptions) options = { .duration = DURATION_UNSET, .count = DEFAULT_SLOT_COUNT };
  g_autoptr(GOptionContext) context = suggest_context_new (&options);
  g_autoptr(GArray) required = g_array_new (FALSE, FALSE, sizeof (AccordParticipantInput));
  g_autoptr(GArray) venue_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  AccordSlotRequest request = { 0 };

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !check_suggest_options (&options, required, venue_ids, error))
    return FALSE;

  request.case_number = options.case_number;
  request.kind = options.kind;
  request.duration_minutes = options.duration;
  request.required = (const AccordParticipantInput *) required->data;
  request.n_required = required->len;
  request.panel_size = options.panel;
  request.needs = (const char * const *) options.needs;
  request.from = options.from;
  request.to = options.to;
  request.venue_ids = venue_ids->len > 0 ? (const gint64 *) venue_ids->data : NULL;
  request.n_venues = venue_ids->len;
  request.count = (guint) MAX (options.count, 0);

  scheduler = cli_open_scheduler (cli, &store, error);
  if (scheduler == NULL
      || (slots = accord_scheduler_suggest (scheduler, &request, error)) == NULL
      || (sessions = sessions_from_slots (store, slots, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_slots (sessions, cli_scheduler_zone (scheduler));

      cli_print_json (node);
    }
  else if (sessions->len == 0)
    cli_print ("%s", _("No free slot found in this range."));
  else
    cli_print_slots (sessions, cli_scheduler_zone (scheduler));

  return TRUE;
}

/* Shared with the other scheduling commands */

AccordScheduler *
cli_open_scheduler (CliContext   *cli,
                    AccordStore **store,
                    GError      **error)
{
  g_autoptr(AccordStore) opened = cli_open_store (cli, FALSE, error);
  AccordScheduler *scheduler;

  if (opened == NULL)
    return NULL;

  scheduler = accord_scheduler_new (opened, error);
  if (scheduler == NULL)
    return NULL;

  *store = g_steal_pointer (&opened);
  return scheduler;
}

GTimeZone *
cli_scheduler_zone (AccordScheduler *scheduler)
{
  return accord_scheduler_get_rules (scheduler)->time_zone;
}

gboolean
cli_parse_id (const char  *text,
              const char  *what,
              gint64      *id,
              GError     **error)
{
  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    return TRUE;

  /* TRANSLATORS: %s names what was expected, e.g. "the session id" */
  g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("Expected %s: a positive whole number"), what);
  return FALSE;
}

/* argv[0] is the verb; exactly one argument, an id, must follow. */
gboolean
cli_single_id (int          argc,
               char       **argv,
               const char  *what,
               gint64      *id,
               GError     **error)
{
  const char *text = cli_single_argument (argc, argv, what, error);

  return text != NULL && cli_parse_id (text, what, id, error);
}

/* A local time in the bureau's @zone, or a time with an offset; a plain
 * date when @kind allows it. */
gboolean
cli_parse_time (const char   *option,
                const char   *text,
                GTimeZone    *zone,
                CliTimeKind   kind,
                gint64       *instant,
                GError      **error)
{
  gboolean has_time = FALSE;
  g_autoptr(GDateTime) time = parse_date_time (text, zone, &has_time);

  if (time == NULL || (!has_time && kind == CLI_TIME_EXACT))
    {
      set_time_error (error, option, kind);
      return FALSE;
    }

  if (!has_time && kind == CLI_TIME_DAY_END)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (time, 1);

      *instant = g_date_time_to_unix (next);
      return TRUE;
    }

  *instant = g_date_time_to_unix (time);
  return TRUE;
}

/* [@start, @end) from --from and --to, both optional: from today, and
 * for @default_days more days (0: without end). */
gboolean
cli_parse_range (const char  *from,
                 const char  *to,
                 GTimeZone   *zone,
                 guint        default_days,
                 gint64      *start,
                 gint64      *end,
                 GError     **error)
{
  g_autofree char *today = accord_today ();

  if (!cli_parse_time ("--from", from != NULL ? from : today, zone, CLI_TIME_DAY_START, start, error))
    return FALSE;

  if (to != NULL)
    {
      if (!cli_parse_time ("--to", to, zone, CLI_TIME_DAY_END, end, error))
        return FALSE;
    }
  else if (default_days > 0)
    {
      g_autoptr(GDateTime) first = local_time (*start, zone);
      g_autoptr(GDateTime) last = g_date_time_add_days (first, (int) default_days + 1);

      *end = g_date_time_to_unix (last);
    }
  else
    *end = G_MAXINT64;

  if (*end <= *start)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("The option --to must not be before --from"));
      return FALSE;
    }

  return TRUE;
}

/* Public */

GArray *
cli_session_verbs (void)
{
  const CliVerb all[] = {
    { "check", _("Check a proposed session against the rules without booking it"), session_check },
    { "add", _("Book a session"), session_add },
    { "move", _("Move a session to a new time"), session_move },
    { "cancel", _("Cancel a session"), session_cancel },
    { "show", _("Show a session and everyone taking part"), session_show },
    { "list", _("List sessions in a range of days"), session_list },
    { "broken", _("List the sessions that now break a hard rule"), session_broken },
    { "suggest", _("Find free slots with a proposed panel"), session_suggest },
  };

  return cli_verbs_new (all, G_N_ELEMENTS (all));
}
