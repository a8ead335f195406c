/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <string.h>

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-money.h"
#include "accord-outcome.h"
#include "accord-store.h"
#include "accord-validate.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

#define TERM_MIN_FIELDS 2
#define TERM_MAX_FIELDS 4

typedef struct
{
  char  *result;
  char  *opinion;
  GStrv  minutes;
  char  *minutes_file;
  GStrv  facts;
  GStrv  present;
  GStrv  absent;
  GStrv  excused;
  GStrv  votes;
  GStrv  terms;
  char  *follow_up;
  char  *result_help;
} RecordOptions;

/* What the options say of one person of the pool; the strings point into
 * the options. */
typedef struct
{
  gint64      person_id;
  const char *attendance;   /* NULL: only a vote was given, which implies present */
  const char *vote;
  const char *comment;
} PersonAttendance;

/* The input to core and the strings it points to. */
typedef struct
{
  GArray    *people;        /* PersonAttendance */
  GArray    *attendance;    /* AccordAttendanceInput */
  GPtrArray *minutes;       /* char *, NULL-terminated once read */
  GPtrArray *facts;         /* char *, NULL-terminated */
  GArray    *terms;         /* AccordTermInput */
  GPtrArray *strings;       /* owned strings the terms point to */
} RecordInput;

/* Helpers */

static void
record_options_clear (RecordOptions *options)
{
  g_free (options->result);
  g_free (options->opinion);
  g_strfreev (options->minutes);
  g_free (options->minutes_file);
  g_strfreev (options->facts);
  g_strfreev (options->present);
  g_strfreev (options->absent);
  g_strfreev (options->excused);
  g_strfreev (options->votes);
  g_strfreev (options->terms);
  g_free (options->follow_up);
  g_free (options->result_help);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecordOptions, record_options_clear)

static void
record_input_init (RecordInput *input)
{
  input->people = g_array_new (FALSE, TRUE, sizeof (PersonAttendance));
  input->attendance = g_array_new (FALSE, TRUE, sizeof (AccordAttendanceInput));
  input->minutes = g_ptr_array_new_with_free_func (g_free);
  input->facts = g_ptr_array_new_with_free_func (g_free);
  input->terms = g_array_new (FALSE, TRUE, sizeof (AccordTermInput));
  input->strings = g_ptr_array_new_with_free_func (g_free);
}

static void
record_input_clear (RecordInput *input)
{
  g_clear_pointer (&input->people, g_array_unref);
  g_clear_pointer (&input->attendance, g_array_unref);
  g_clear_pointer (&input->minutes, g_ptr_array_unref);
  g_clear_pointer (&input->facts, g_ptr_array_unref);
  g_clear_pointer (&input->terms, g_array_unref);
  g_clear_pointer (&input->strings, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecordInput, record_input_clear)

static char *
result_help (void)
{
  g_autofree char *codes = accord_vocab_codes_joined (ACCORD_VOCAB_OUTCOME_RESULT);

  /* TRANSLATORS: %s is the list of outcome results */
  return g_strdup_printf (_("What came of the session (required): %s"), codes);
}

static PersonAttendance *
person_entry (GArray *people,
              gint64  person_id)
{
  PersonAttendance entry = { person_id, NULL, NULL, NULL };

  for (guint i = 0; i < people->len; i++)
    if (g_array_index (people, PersonAttendance, i).person_id == person_id)
      return &g_array_index (people, PersonAttendance, i);

  g_array_append_val (people, entry);
  return &g_array_index (people, PersonAttendance, people->len - 1);
}

static gboolean
set_twice_error (GError     **error,
                 gint64       person_id)
{
  g_autofree char *id = cli_format_id (person_id);

  /* TRANSLATORS: %s is a person's id */
  g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("Person %s is given more than once"), id);
  return FALSE;
}

static gboolean
parse_attendance (GArray      *people,
                  GStrv        ids,
                  const char  *attendance,
                  GError     **error)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      PersonAttendance *entry;
      gint64 id = 0;

      if (!cli_parse_id (ids[i], _("the person id"), &id, error))
        return FALSE;
      entry = person_entry (people, id);
      if (entry->attendance != NULL)
        return set_twice_error (error, id);
      entry->attendance = attendance;
    }

  return TRUE;
}

/* "12:support" or "12:oppose:the amount is too low"; cut in place. */
static gboolean
parse_votes (GArray      *people,
             GStrv        votes,
             GError     **error)
{
  for (guint i = 0; votes != NULL && votes[i] != NULL; i++)
    {
      char *vote = strchr (votes[i], ':');
      char *comment = NULL;
      PersonAttendance *entry;
      gint64 id = 0;

      if (vote != NULL)
        {
          *vote++ = '\0';
          if ((comment = strchr (vote, ':')) != NULL)
            *comment++ = '\0';
        }
      if (vote == NULL || *vote == '\0' || !g_ascii_string_to_signed (votes[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE,
                               _("The option --vote takes a person id and a vote, such as “12:support” "
                                 "or “12:oppose:the amount is too low”"));
          return FALSE;
        }

      entry = person_entry (people, id);
      if (entry->vote != NULL)
        return set_twice_error (error, id);
      entry->vote = vote;
      entry->comment = comment != NULL && *comment != '\0' ? comment : NULL;
    }

  return TRUE;
}

/* "PARTY|OBLIGATION|AMOUNT_YUAN|DUE_DATE"; amount and date may be empty
 * or left out. */
static gboolean
parse_term (const char       *text,
            RecordInput      *input,
            GError          **error)
{
  g_auto(GStrv) fields = g_strsplit (text, "|", -1);
  guint n = g_strv_length (fields);
  AccordTermInput term = { NULL, NULL, -1, NULL, FALSE };

  if (n < TERM_MIN_FIELDS || n > TERM_MAX_FIELDS)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE,
                           _("The option --term takes “PARTY|OBLIGATION|AMOUNT_YUAN|DUE_DATE”, "
                             "such as “区住建委|支付补偿款|220000|2026-12-31”; amount and date may be empty"));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    g_strstrip (fields[i]);
  if (n > 2 && *fields[2] != '\0' && !accord_money_parse_yuan (fields[2], &term.amount_fen, error))
    return FALSE;

  term.party = fields[0];
  term.obligation = fields[1];
  term.due_on = n > 3 && *fields[3] != '\0' ? fields[3] : NULL;
  g_array_append_val (input->terms, term);

  /* The term points into @fields, which the input keeps. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (input->strings, g_steal_pointer (&fields[i]));
  return TRUE;
}

static gboolean
ends_wide (const GString *text)
{
  const char *last = text->len > 0 ? g_utf8_find_prev_char (text->str, text->str + text->len) : NULL;

  return last != NULL && g_unichar_iswide (g_utf8_get_char (last));
}

/* Lines of one paragraph are joined as the script wants: Chinese without
 * a space, other text with one. */
static void
append_line (GString    *paragraph,
             const char *line)
{
  if (paragraph->len > 0 && !(ends_wide (paragraph) && g_unichar_iswide (g_utf8_get_char (line))))
    g_string_append_c (paragraph, ' ');
  g_string_append (paragraph, line);
}

static void
end_paragraph (GPtrArray *minutes,
               GString   *paragraph)
{
  if (paragraph->len > 0)
    g_ptr_array_add (minutes, g_strdup (paragraph->str));
  g_string_truncate (paragraph, 0);
}

/* One paragraph per block of lines; blocks are separated by blank lines. */
static gboolean
read_minutes_file (const char  *path,
                   GPtrArray   *minutes,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);

  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_ENCODING,
                           _("The minutes file must be UTF-8 text"));
      return FALSE;
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        end_paragraph (minutes, paragraph);
      else
        append_line (paragraph, lines[i]);
    }
  end_paragraph (minutes, paragraph);
  return TRUE;
}

/* What can be read before the database is opened. */
static gboolean
read_record_options (RecordOptions  *options,
                     RecordInput    *input,
                     GError        **error)
{
  if (!cli_require_option (options->result != NULL, "--result", error)
      || !parse_attendance (input->people, options->present, "present", error)
      || !parse_attendance (input->people, options->absent, "absent", error)
      || !parse_attendance (input->people, options->excused, "excused", error)
      || !parse_votes (input->people, options->votes, error))
    return FALSE;

  for (guint i = 0; options->terms != NULL && options->terms[i] != NULL; i++)
    if (!parse_term (options->terms[i], input, error))
      return FALSE;

  for (guint i = 0; options->minutes != NULL && options->minutes[i] != NULL; i++)
    g_ptr_array_add (input->minutes, g_strdup (options->minutes[i]));
  if (options->minutes_file != NULL && !read_minutes_file (options->minutes_file, input->minutes, error))
    return FALSE;
  g_ptr_array_add (input->minutes, NULL);

  for (guint i = 0; options->facts != NULL && options->facts[i] != NULL; i++)
    g_ptr_array_add (input->facts, g_strdup (options->facts[i]));
  g_ptr_array_add (input->facts, NULL);
  return TRUE;
}

/* People are named by their id in the pool; core wants the session's
 * participant ids.  A vote implies being present. */
static gboolean
map_participants (RecordInput    *input,
                  AccordSession  *session,
                  GError        **error)
{
  for (guint i = 0; i < input->people->len; i++)
    {
      PersonAttendance *entry = &g_array_index (input->people, PersonAttendance, i);
      gboolean found = FALSE;

      for (guint k = 0; k < session->participants->len; k++)
        {
          AccordParticipant *p = g_ptr_array_index (session->participants, k);
          AccordAttendanceInput a = { p->id, entry->attendance != NULL ? entry->attendance : "present",
                                      entry->vote, entry->comment };

          if (p->person_id != entry->person_id)
            continue;
          g_array_append_val (input->attendance, a);
          found = TRUE;
        }

      if (!found)
        {
          g_autofree char *person = cli_format_id (entry->person_id);
          g_autofree char *id = cli_format_id (session->id);

          /* TRANSLATORS: a person's id and a session's id */
          g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                       _("Person %s does not take part in session %s"), person, id);
          return FALSE;
        }
    }

  return TRUE;
}

static void
print_outcome (CliContext    *cli,
               AccordOutcome *outcome,
               AccordSession *session)
{
  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_outcome (outcome, session);

      cli_print_json (node);
    }
  else
    cli_print_outcome (outcome, session);
}

/* outcome record */

static GOptionContext *
record_context_new (RecordOptions *options)
{
  const char *help = (options->result_help = result_help ());
  const GOptionEntry entries[] = {
    { "result", 0, 0, G_OPTION_ARG_STRING, &options->result, help, N_("RESULT") },
    { "opinion", 0, 0, G_OPTION_ARG_STRING, &options->opinion,
      N_("The hearing opinion or the resolution agreed (required for a hearing that decides)"), N_("TEXT") },
    { "minute", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->minutes,
      N_("A paragraph of the minutes; repeat for several"), N_("PARAGRAPH") },
    { "minutes-file", 0, 0, G_OPTION_ARG_FILENAME, &options->minutes_file,
      N_("Read paragraphs of the minutes from a UTF-8 text file, one per block of lines; blank lines "
         "separate the blocks; they follow those of --minute"), N_("FILE") },
    { "facts", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->facts,
      N_("A paragraph of the facts the hearing found (needed for a hearing opinion); repeat for several"),
      N_("PARAGRAPH") },
    { "present", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->present,
      N_("A person of the pool who was present; repeat for several"), N_("PERSON_ID") },
    { "absent", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->absent,
      N_("A person of the pool who was absent; repeat for several"), N_("PERSON_ID") },
    { "excused", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->excused,
      N_("A person of the pool who was excused; repeat for several"), N_("PERSON_ID") },
    { "vote", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->votes,
      N_("A panelist's vote on the opinion (support, oppose or abstain) and an optional comment; "
         "implies present; repeat for each panelist"), N_("PERSON_ID:VOTE[:COMMENT]") },
    { "term", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->terms,
      N_("An agreed term: who does what, the amount in yuan and the due date (both may be empty); "
         "repeat for several"), N_("\"PARTY|OBLIGATION|AMOUNT_YUAN|DUE_DATE\"") },
    { "follow-up", 0, 0, G_OPTION_ARG_STRING, &options->follow_up,
      N_("The day to follow up on the outcome"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  return cli_option_context_new (_("SESSION_ID"),
                                 _("Record what came of a session: attendance, votes, minutes, the opinion or "
                                   "resolution and the agreed terms. Recording again replaces the outcome."),
                                 entries);
}

static gboolean
outcome_record (CliContext  *cli,
                int          argc,
                char       **argv,
                GError     **error)
{
  g_auto(RecordOptions) options = { 0 };
  g_autoptr(GOptionContext) context = record_context_new (&options);
  g_auto(RecordInput) input = { 0 };
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordSession) session = NULL;
  g_autoptr(AccordOutcome) outcome = NULL;
  AccordOutcomeInput in = { 0 };

  record_input_init (&input);
  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the session id"), &in.session_id, error)
      || !read_record_options (&options, &input, error))
    return FALSE;

  if ((store = cli_open_store (cli, FALSE, error)) == NULL
      || (session = accord_store_get_session (store, in.session_id, error)) == NULL
      || !map_participants (&input, session, error))
    return FALSE;

  in.attendance = (const AccordAttendanceInput *) input.attendance->data;
  in.n_attendance = input.attendance->len;
  in.result = options.result;
  in.opinion = options.opinion;
  in.minutes = (const char * const *) input.minutes->pdata;
  in.terms = (const AccordTermInput *) input.terms->data;
  in.n_terms = input.terms->len;
  in.follow_up_on = options.follow_up;
  in.facts = (const char * const *) input.facts->pdata;
  if (!accord_store_record_outcome (store, &in, error))
    return FALSE;

  if (!cli->json)
    {
      cli_print ("%s", _("Outcome recorded"));
      return TRUE;
    }

  g_clear_pointer (&session, accord_session_free);
  if ((session = accord_store_get_session (store, in.session_id, error)) == NULL
      || (outcome = accord_store_get_outcome (store, in.session_id, error)) == NULL)
    return FALSE;
  print_outcome (cli, outcome, session);
  return TRUE;
}

/* outcome show */

static gboolean
outcome_show (CliContext  *cli,
              int          argc,
              char       **argv,
              GError     **error)
{
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("SESSION_ID"), _("Show the outcome of a session: result, opinion, votes, "
                                               "attendance, minutes and the agreed terms."), NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordSession) session = NULL;
  g_autoptr(AccordOutcome) outcome = NULL;
  gint64 id = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the session id"), &id, error))
    return FALSE;

  if ((store = cli_open_store (cli, FALSE, error)) == NULL
      || (session = accord_store_get_session (store, id, error)) == NULL
      || (outcome = accord_store_get_outcome (store, id, error)) == NULL)
    return FALSE;

  print_outcome (cli, outcome, session);
  return TRUE;
}

/* Public */

GArray *
cli_outcome_verbs (void)
{
  const CliVerb all[] = {
    { "record", _("Record the outcome of a held session"), outcome_record },
    { "show", _("Show the outcome of a session"), outcome_show },
  };

  return cli_verbs_new (all, G_N_ELEMENTS (all));
}
