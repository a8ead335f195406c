/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-calendar.h"
#include "accord-ical.h"
#include "accord-store.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

#define DEFAULT_EXPORT_DAYS 90
#define MIN_YEAR 1900
#define MAX_YEAR 9999

typedef struct
{
  char *session;
  char *person;
  char *venue;
  char *from;
  char *to;
  char *out;
} ExportOptions;

/* Helpers */

static void
export_options_clear (ExportOptions *options)
{
  g_free (options->session);
  g_free (options->person);
  g_free (options->venue);
  g_free (options->from);
  g_free (options->to);
  g_free (options->out);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

static char *
read_text_file (const char  *path,
                GError     **error)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;

  return g_steal_pointer (&text);
}

static char *
format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* calendar import */

static gboolean
calendar_import (CliContext  *cli,
                 int          argc,
                 char       **argv,
                 GError     **error)
{
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("FILE"), _("Import a working-calendar file: the public holidays and worked weekend days "
                                         "of one or more years. Nothing is imported when the file is malformed."), NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autofree char *text = NULL;
  const char *path;

  if (!cli_parse_options (cli, context, &argc, &argv, error))
    return FALSE;

  path = cli_single_argument (argc, argv, _("the calendar file"), error);
  if (path == NULL || (text = read_text_file (path, error)) == NULL)
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL || !accord_store_add_calendar_file (store, text, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "imported");
      json_builder_add_string_value (builder, path);
      cli_print_json_object (builder);
    }
  else
    cli_print ("%s", _("Working calendar imported"));

  return TRUE;
}

/* calendar show */

typedef struct
{
  int        working_days;
  GPtrArray *holidays;      /* "YYYY-MM-DD", name or NULL, flattened in pairs */
  GPtrArray *worked;        /* "YYYY-MM-DD" */
} YearSummary;

static void
year_summary_clear (YearSummary *summary)
{
  g_clear_pointer (&summary->holidays, g_ptr_array_unref);
  g_clear_pointer (&summary->worked, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (YearSummary, year_summary_clear)

static void
summarise_year (AccordCalendar *calendar,
                int             year,
                YearSummary    *summary)
{
  GDate day;

  summary->holidays = g_ptr_array_new_with_free_func (g_free);
  summary->worked = g_ptr_array_new_with_free_func (g_free);

  for (g_date_clear (&day, 1), g_date_set_dmy (&day, 1, G_DATE_JANUARY, (GDateYear) year);
       g_date_get_year (&day) == (GDateYear) year;
       g_date_add_days (&day, 1))
    {
      AccordDayKind kind = accord_calendar_day_kind (calendar, &day);
      GDateWeekday weekday = g_date_get_weekday (&day);

      if (kind == ACCORD_DAY_WORKING)
        summary->working_days++;
      if (kind == ACCORD_DAY_WORKING && (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY))
        g_ptr_array_add (summary->worked, format_date (&day));
      if (kind == ACCORD_DAY_HOLIDAY)
        {
          g_ptr_array_add (summary->holidays, format_date (&day));
          g_ptr_array_add (summary->holidays, g_strdup (accord_calendar_day_name (calendar, &day)));
        }
    }
}

static void
print_year_json (int                year,
                 const YearSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, year);
  json_builder_set_member_name (builder, "working_days");
  json_builder_add_int_value (builder, summary->working_days);

  json_builder_set_member_name (builder, "holidays");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < summary->holidays->len; i += 2)
    {
      const char *name = g_ptr_array_index (summary->holidays, i + 1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, g_ptr_array_index (summary->holidays, i));
      json_builder_set_member_name (builder, "name");
      if (name != NULL)
        json_builder_add_string_value (builder, name);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "worked_weekend_days");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->worked->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (summary->worked, i));
  json_builder_end_array (builder);

  cli_print_json_object (builder);
}

static void
print_year_text (int                year,
                 const YearSummary *summary)
{
  /* TRANSLATORS: a year and how many working days it has */
  cli_print (ngettext ("%d: %d working day", "%d: %d working days", summary->working_days),
             year, summary->working_days);

  cli_print ("%s", _("Public holidays:"));
  for (guint i = 0; i + 1 < summary->holidays->len; i += 2)
    {
      const char *name = g_ptr_array_index (summary->holidays, i + 1);

      cli_print ("  %s  %s", (const char *) g_ptr_array_index (summary->holidays, i), name != NULL ? name : "");
    }
  if (summary->holidays->len == 0)
    cli_print ("  —");

  cli_print ("%s", _("Worked weekend days:"));
  for (guint i = 0; i < summary->worked->len; i++)
    cli_print ("  %s", (const char *) g_ptr_array_index (summary->worked, i));
  if (summary->worked->len == 0)
    cli_print ("  —");
}

static gboolean
calendar_show (CliContext  *cli,
               int          argc,
               char       **argv,
               GError     **error)
{
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("YEAR"), _("Show the working days, public holidays and worked weekend days of a year."), NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordCalendar) calendar = NULL;
  g_auto(YearSummary) summary = { 0 };
  const char *text;
  gint64 year = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error))
    return FALSE;

  text = cli_single_argument (argc, argv, _("the year"), error);
  if (text == NULL)
    return FALSE;
  if (!g_ascii_string_to_signed (text, 10, MIN_YEAR, MAX_YEAR, &year, NULL))
    {
      g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("The year must be a number from %d to %d"), MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL || (calendar = accord_store_load_calendar (store, error)) == NULL)
    return FALSE;

  /* Still worth showing: the weekends are known. */
  if (!accord_calendar_has_year (calendar, (int) year))
    {
      g_autofree char *warning =
        g_strdup_printf (_("The working calendar has no holidays for %d, only weekends; "
                           "add them with “accord-cli calendar import”"), (int) year);

      cli_print_warning (warning);
    }

  summarise_year (calendar, (int) year, &summary);
  if (cli->json)
    print_year_json ((int) year, &summary);
  else
    print_year_text ((int) year, &summary);

  return TRUE;
}

/* export ics */

static gboolean
check_export_options (const ExportOptions  *options,
                      gint64               *session_id,
                      gint64               *person_id,
                      gint64               *venue_id,
                      GError              **error)
{
  int n_given = (options->session != NULL) + (options->person != NULL) + (options->venue != NULL);

  if (n_given != 1)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("Give one of --session, --person or --venue"));
      return FALSE;
    }
  if (options->session != NULL && (options->from != NULL || options->to != NULL))
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("The options --from and --to go with --person or --venue"));
      return FALSE;
    }

  return cli_require_option (options->out != NULL, "--out", error)
         && (options->session == NULL || cli_parse_id (options->session, _("the session id"), session_id, error))
         && (options->person == NULL || cli_parse_id (options->person, _("the person id"), person_id, error))
         && (options->venue == NULL || cli_parse_id (options->venue, _("the venue id"), venue_id, error));
}

/* The sessions to export; unknown ids are errors, not empty files. */
static GPtrArray *
sessions_to_export (AccordStore          *store,
                    const ExportOptions  *options,
                    GTimeZone            *zone,
                    gint64                session_id,
                    gint64                person_id,
                    gint64                venue_id,
                    GError              **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(AccordPerson) person = NULL;
  g_autoptr(AccordVenue) venue = NULL;
  gint64 from = 0, to = 0;

  if (session_id > 0)
    {
      AccordSession *session = accord_store_get_session (store, session_id, error);

      if (session == NULL)
        return NULL;
      sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_session_free);
      g_ptr_array_add (sessions, session);
      return g_steal_pointer (&sessions);
    }

  if ((person_id > 0 && (person = accord_store_get_person (store, person_id, error)) == NULL)
      || (venue_id > 0 && (venue = accord_store_get_venue (store, venue_id, error)) == NULL)
      || !cli_parse_range (options->from, options->to, zone, DEFAULT_EXPORT_DAYS, &from, &to, error))
    return NULL;

  return accord_store_list_sessions (store, from, to, person_id, venue_id, error);
}

static gboolean
export_ics (CliContext  *cli,
            int          argc,
            char       **argv,
            GError     **error)
{
  g_auto(ExportOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "session", 0, 0, G_OPTION_ARG_STRING, &options.session, N_("Export this session"), N_("ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &options.person, N_("Export this person's sessions"), N_("ID") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &options.venue, N_("Export the sessions in this venue"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from, N_("The first day (default: today)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to, N_("The last day (default: 90 days after the first)"), N_("DATE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &options.out, N_("The iCalendar file to write (required)"), N_("FILE.ics") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (NULL, _("Write sessions to an iCalendar file for other calendar programs."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *text = NULL;
  gint64 session_id = 0, person_id = 0, venue_id = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !check_export_options (&options, &session_id, &person_id, &venue_id, error))
    return FALSE;

  scheduler = cli_open_scheduler (cli, &store, error);
  if (scheduler == NULL
      || (sessions = sessions_to_export (store, &options, cli_scheduler_zone (scheduler),
                                         session_id, person_id, venue_id, error)) == NULL
      || (text = accord_ical_export_sessions (store, sessions, person_id, error)) == NULL
      || !g_file_set_contents (options.out, text, -1, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, options.out);
      json_builder_set_member_name (builder, "sessions");
      json_builder_add_int_value (builder, sessions->len);
      cli_print_json_object (builder);
    }
  else
    /* TRANSLATORS: a number of sessions and a file name */
    cli_print (ngettext ("Wrote %u session to %s", "Wrote %u sessions to %s", sessions->len),
               sessions->len, options.out);

  return TRUE;
}

/* import ics */

static gboolean
import_ics (CliContext  *cli,
            int          argc,
            char       **argv,
            GError     **error)
{
  g_autofree char *person = NULL;
  const GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The person whose busy times these are (required)"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("FILE.ics"), _("Record the busy times of an iCalendar file as a person's absences. "
                                             "Nothing is recorded when the file is malformed."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autofree char *text = NULL;
  const char *path;
  gint64 person_id = 0;
  guint n_imported = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error))
    return FALSE;

  path = cli_single_argument (argc, argv, _("the iCalendar file"), error);
  if (path == NULL
      || !cli_require_option (person != NULL, "--person", error)
      || !cli_parse_id (person, _("the person id"), &person_id, error)
      || (text = read_text_file (path, error)) == NULL)
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL || !accord_ical_import_absences (store, person_id, text, &n_imported, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "person_id");
      json_builder_add_int_value (builder, person_id);
      json_builder_set_member_name (builder, "absences");
      json_builder_add_int_value (builder, n_imported);
      cli_print_json_object (builder);
    }
  else
    /* TRANSLATORS: %u is a number of absences */
    cli_print (ngettext ("Recorded %u absence", "Recorded %u absences", n_imported), n_imported);

  return TRUE;
}

/* Public */

GArray *
cli_calendar_verbs (void)
{
  const CliVerb all[] = {
    { "import", _("Import a working-calendar file"), calendar_import },
    { "show", _("Show the working days and holidays of a year"), calendar_show },
  };

  return cli_verbs_new (all, G_N_ELEMENTS (all));
}

GArray *
cli_export_verbs (void)
{
  const CliVerb all[] = {
    { "ics", _("Write sessions to an iCalendar file"), export_ics },
  };

  return cli_verbs_new (all, G_N_ELEMENTS (all));
}

GArray *
cli_import_verbs (void)
{
  const CliVerb all[] = {
    { "ics", _("Record a person's busy times from an iCalendar file"), import_ics },
  };

  return cli_verbs_new (all, G_N_ELEMENTS (all));
}
