/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <stdio.h>

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-scheduler.h"
#include "accord-store.h"
#include "accord-validate.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

/* No valid capacity: tells "not given" apart from any number typed. */
#define CAPACITY_UNSET G_MININT

/* Helpers */

static char *
roles_help (void)
{
  g_autofree char *codes = accord_vocab_codes_joined (ACCORD_VOCAB_PERSON_ROLE);

  /* TRANSLATORS: %s is the list of role codes */
  return g_strdup_printf (_("A role in the pool (required; repeat for several): %s"), codes);
}

static void
print_id (gint64 id)
{
  cli_print ("%" G_GINT64_FORMAT, id);
}

/* What a change broke: a warning to act on, not a refusal. */
static void
print_broken_warning (GPtrArray *broken,
                      GTimeZone *zone)
{
  if (broken->len == 0)
    return;

  cli_print ("%s", _("Warning: these planned sessions now break a hard rule:"));
  cli_print_broken (broken, zone);
}

/* person add */

static gboolean
person_add (CliContext  *cli,
            int          argc,
            char       **argv,
            GError     **error)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) roles = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *role_help = roles_help ();
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The person's name (required)"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &roles, role_help, N_("ROLE") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &organisation, N_("The organisation the person belongs to"), N_("ORGANISATION") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("The person's phone number"), N_("PHONE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = cli_option_context_new (NULL, _("Add a person to the pool and print their id."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordPerson) person = NULL;
  AccordPersonInput input = { 0 };

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !cli_require_option (name != NULL, "--name", error)
      || !cli_require_option (roles != NULL && roles[0] != NULL, "--role", error))
    return FALSE;

  input.name = name;
  input.roles = (const char * const *) roles;
  input.organisation = organisation;
  input.phone = phone;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return FALSE;

  person = accord_store_add_person (store, &input, error);
  if (person == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_person (person, cli->reveal);

      cli_print_json (node);
    }
  else
    print_id (person->id);

  return TRUE;
}

/* person list */

static gboolean
person_list (CliContext  *cli,
             int          argc,
             char       **argv,
             GError     **error)
{
  g_autofree char *role = NULL;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Only people with this role"), N_("ROLE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = cli_option_context_new (NULL, _("List the people in the pool."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GPtrArray) persons = NULL;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error))
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return FALSE;

  persons = accord_store_list_persons (store, role, error);
  if (persons == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_persons (persons, cli->reveal);

      cli_print_json (node);
    }
  else if (persons->len == 0)
    cli_print ("%s", _("No people found."));
  else
    cli_print_person_table (persons, cli->reveal);

  return TRUE;
}

/* venue add */

static gboolean
venue_add (CliContext  *cli,
           int          argc,
           char       **argv,
           GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  int capacity = CAPACITY_UNSET;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The venue's name (required)"), N_("NAME") },
    { "capacity", 0, 0, G_OPTION_ARG_INT, &capacity, N_("How many people it seats (required)"), N_("N") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Where the venue is"), N_("ADDRESS") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = cli_option_context_new (NULL, _("Add a venue and print its id."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordVenue) venue = NULL;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !cli_require_option (name != NULL, "--name", error)
      || !cli_require_option (capacity != CAPACITY_UNSET, "--capacity", error))
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return FALSE;

  venue = accord_store_add_venue (store, name, capacity, address, error);
  if (venue == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_venue (venue);

      cli_print_json (node);
    }
  else
    print_id (venue->id);

  return TRUE;
}

/* venue list */

static gboolean
venue_list (CliContext  *cli,
            int          argc,
            char       **argv,
            GError     **error)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (NULL, _("List the venues."), NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GPtrArray) venues = NULL;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error))
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL)
    return FALSE;

  venues = accord_store_list_venues (store, error);
  if (venues == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_venues (venues);

      cli_print_json (node);
    }
  else if (venues->len == 0)
    cli_print ("%s", _("No venues found."));
  else
    cli_print_venue_table (venues);

  return TRUE;
}

/* person absence add */

static void
print_absence (CliContext *cli,
               gint64      person_id,
               gint64      starts_at,
               gint64      ends_at,
               GPtrArray  *broken,
               GTimeZone  *zone)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *span = NULL;
  g_autofree char *id = NULL;

  if (!cli->json)
    {
      span = cli_format_span (starts_at, ends_at, zone);
      id = cli_format_id (person_id);
      /* TRANSLATORS: a person's id and the time they are away */
      cli_print (_("Absence of person %s recorded: %s"), id, span);
      print_broken_warning (broken, zone);
      return;
    }

  from = cli_format_iso_time (starts_at, zone);
  to = cli_format_iso_time (ends_at, zone);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "person_id");
  json_builder_add_int_value (builder, person_id);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to);
  json_builder_set_member_name (builder, "broken");
  json_builder_add_value (builder, cli_json_broken (broken, zone));
  cli_print_json_object (builder);
}

static gboolean
person_absence_add (CliContext  *cli,
                    int          argc,
                    char       **argv,
                    GError     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("When the absence starts: a local time, or a date for the whole day (required)"), N_("\"YYYY-MM-DD HH:MM\"") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("When it ends: a local time, or a date for the whole day (required)"), N_("\"YYYY-MM-DD HH:MM\"") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the person is away"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("PERSON_ID"), _("Record that a person is away, and list the planned sessions this breaks."),
                            entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  gint64 person_id = 0, starts_at = 0, ends_at = 0;
  GTimeZone *zone;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the person id"), &person_id, error)
      || !cli_require_option (from != NULL, "--from", error)
      || !cli_require_option (to != NULL, "--to", error))
    return FALSE;

  scheduler = cli_open_scheduler (cli, &store, error);
  if (scheduler == NULL)
    return FALSE;

  zone = cli_scheduler_zone (scheduler);
  if (!cli_parse_time ("--from", from, zone, CLI_TIME_DAY_START, &starts_at, error)
      || !cli_parse_time ("--to", to, zone, CLI_TIME_DAY_END, &ends_at, error)
      || !accord_store_add_absence (store, person_id, starts_at, ends_at, reason, error)
      || (broken = accord_scheduler_broken (scheduler, starts_at, ends_at, person_id, 0, error)) == NULL)
    return FALSE;

  print_absence (cli, person_id, starts_at, ends_at, broken, zone);
  return TRUE;
}

/* person availability set */

/* "1:08:30-12:00": weekday (1 = Monday) and a local time range. */
static gboolean
parse_weekly_slot (const char        *text,
                   AccordWeeklySlot  *slot,
                   GError           **error)
{
  int weekday, h1, m1, h2, m2, end = -1;

  if (sscanf (text, "%1d:%2d:%2d-%2d:%2d%n", &weekday, &h1, &m1, &h2, &m2, &end) != 5
      || end < 0 || text[end] != '\0' || m1 > 59 || m2 > 59 || h1 > 24 || h2 > 24)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE,
                           _("The option --slot takes a weekday (1 = Monday to 7 = Sunday) and a time range, "
                             "such as “1:08:30-12:00”"));
      return FALSE;
    }

  slot->weekday = weekday;
  slot->start_minute = h1 * 60 + m1;
  slot->end_minute = h2 * 60 + m2;
  return TRUE;
}

static void
print_availability (CliContext *cli,
                    gint64      person_id,
                    GArray     *slots)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *id = NULL;

  if (!cli->json)
    {
      id = cli_format_id (person_id);
      if (slots->len == 0)
        /* TRANSLATORS: %s is a person's id */
        cli_print (_("Person %s is available whenever the bureau works"), id);
      else
        /* TRANSLATORS: %s is a person's id, %u a number of weekly windows */
        cli_print (ngettext ("Weekly availability of person %s set: %u window",
                             "Weekly availability of person %s set: %u windows", slots->len), id, slots->len);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "person_id");
  json_builder_add_int_value (builder, person_id);
  json_builder_set_member_name (builder, "slots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < slots->len; i++)
    {
      AccordWeeklySlot *slot = &g_array_index (slots, AccordWeeklySlot, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "weekday");
      json_builder_add_int_value (builder, slot->weekday);
      json_builder_set_member_name (builder, "start_minute");
      json_builder_add_int_value (builder, slot->start_minute);
      json_builder_set_member_name (builder, "end_minute");
      json_builder_add_int_value (builder, slot->end_minute);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  cli_print_json_object (builder);
}

static gboolean
person_availability_set (CliContext  *cli,
                         int          argc,
                         char       **argv,
                         GError     **error)
{
  g_auto(GStrv) texts = NULL;
  gboolean clear = FALSE;
  const GOptionEntry entries[] = {
    { "slot", 0, 0, G_OPTION_ARG_STRING_ARRAY, &texts,
      N_("A weekly window in which the person is available; repeat for several"), N_("WEEKDAY:HH:MM-HH:MM") },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear, N_("Make the person available whenever the bureau works"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("PERSON_ID"), _("Replace a person's weekly availability."), entries);
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (AccordWeeklySlot));
  g_autoptr(AccordStore) store = NULL;
  gint64 person_id = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the person id"), &person_id, error))
    return FALSE;

  if (clear == (texts != NULL && texts[0] != NULL))
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("Give either --slot or --clear"));
      return FALSE;
    }

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      AccordWeeklySlot slot;

      if (!parse_weekly_slot (texts[i], &slot, error))
        return FALSE;
      g_array_append_val (slots, slot);
    }

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL
      || !accord_store_set_weekly_availability (store, person_id, (const AccordWeeklySlot *) slots->data,
                                                slots->len, error))
    return FALSE;

  print_availability (cli, person_id, slots);
  return TRUE;
}

/* person interest add */

static gboolean
person_interest_add (CliContext  *cli,
                     int          argc,
                     char       **argv,
                     GError     **error)
{
  g_autofree char *case_number = NULL;
  g_autofree char *petitioner = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_number, N_("The case the person has an interest in"), N_("NUMBER") },
    { "petitioner-id", 0, 0, G_OPTION_ARG_STRING, &petitioner,
      N_("The petitioner the person has an interest in"), N_("ID") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the interest is"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("PERSON_ID"), _("Record that a person has an interest in a case or a petitioner, "
                                              "so that they step aside from deciding it."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autofree char *id = NULL;
  gint64 person_id = 0, petitioner_id = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the person id"), &person_id, error))
    return FALSE;

  if ((case_number == NULL) == (petitioner == NULL))
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("Give either --case or --petitioner-id"));
      return FALSE;
    }
  if (petitioner != NULL && !cli_parse_id (petitioner, _("the petitioner id"), &petitioner_id, error))
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL
      || !accord_store_add_interest (store, person_id, case_number, petitioner_id, note, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "person_id");
      json_builder_add_int_value (builder, person_id);
      json_builder_set_member_name (builder, "case_number");
      if (case_number != NULL)
        json_builder_add_string_value (builder, case_number);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "petitioner_id");
      if (petitioner_id > 0)
        json_builder_add_int_value (builder, petitioner_id);
      else
        json_builder_add_null_value (builder);
      cli_print_json_object (builder);
      return TRUE;
    }

  id = cli_format_id (person_id);
  /* TRANSLATORS: %s is a person's id */
  cli_print (_("Interest of person %s recorded"), id);
  return TRUE;
}

/* person absence, availability, interest */

static gboolean
person_absence (CliContext  *cli,
                int          argc,
                char       **argv,
                GError     **error)
{
  const CliVerb all[] = {
    { "add", _("Record that a person is away"), person_absence_add },
  };
  g_autoptr(GArray) verbs = cli_verbs_new (all, G_N_ELEMENTS (all));

  return cli_run_subverbs (cli, _("Record when people are away."), verbs, argc, argv, error);
}

static gboolean
person_availability (CliContext  *cli,
                     int          argc,
                     char       **argv,
                     GError     **error)
{
  const CliVerb all[] = {
    { "set", _("Replace a person's weekly availability"), person_availability_set },
  };
  g_autoptr(GArray) verbs = cli_verbs_new (all, G_N_ELEMENTS (all));

  return cli_run_subverbs (cli, _("Keep the weekly windows in which people are available."), verbs, argc, argv, error);
}

static gboolean
person_interest (CliContext  *cli,
                 int          argc,
                 char       **argv,
                 GError     **error)
{
  const CliVerb all[] = {
    { "add", _("Record an interest in a case or a petitioner"), person_interest_add },
  };
  g_autoptr(GArray) verbs = cli_verbs_new (all, G_N_ELEMENTS (all));

  return cli_run_subverbs (cli, _("Record interests that make people step aside."), verbs, argc, argv, error);
}

/* venue close and venue open */

static gboolean
venue_set_active (CliContext  *cli,
                  int          argc,
                  char       **argv,
                  gboolean     active,
                  GError     **error)
{
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("ID"), active ? _("Open a closed venue again.")
                                            : _("Close a venue, and list the planned sessions this breaks."), NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(AccordVenue) venue = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  g_autofree char *today = accord_today ();
  g_autofree char *id = NULL;
  gint64 venue_id = 0, from = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the venue id"), &venue_id, error))
    return FALSE;

  scheduler = cli_open_scheduler (cli, &store, error);
  if (scheduler == NULL
      || (venue = accord_store_get_venue (store, venue_id, error)) == NULL
      || !accord_store_set_venue_active (store, venue_id, active, error))
    return FALSE;

  /* Opening a venue breaks nothing; closing it lists what it broke. */
  g_clear_pointer (&venue, accord_venue_free);
  if ((venue = accord_store_get_venue (store, venue_id, error)) == NULL
      || !cli_parse_time ("--from", today, cli_scheduler_zone (scheduler), CLI_TIME_DAY_START, &from, error))
    return FALSE;
  if (active)
    broken = g_ptr_array_new ();
  else if ((broken = accord_scheduler_broken (scheduler, from, G_MAXINT64, 0, venue_id, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_venue (venue);

      if (!active)
        json_object_set_member (json_node_get_object (node), "broken",
                                cli_json_broken (broken, cli_scheduler_zone (scheduler)));
      cli_print_json (node);
      return TRUE;
    }

  id = cli_format_id (venue_id);
  /* TRANSLATORS: %s is a venue's id */
  cli_print (active ? _("Venue %s is open") : _("Venue %s is closed"), id);
  print_broken_warning (broken, cli_scheduler_zone (scheduler));
  return TRUE;
}

static gboolean
venue_close (CliContext  *cli,
             int          argc,
             char       **argv,
             GError     **error)
{
  return venue_set_active (cli, argc, argv, FALSE, error);
}

static gboolean
venue_open (CliContext  *cli,
            int          argc,
            char       **argv,
            GError     **error)
{
  return venue_set_active (cli, argc, argv, TRUE, error);
}

/* Public */

GArray *
cli_person_verbs (void)
{
  const CliVerb all[] = {
    { "add", _("Add a person to the pool"), person_add },
    { "list", _("List the people in the pool"), person_list },
    { "import", _("Add the people of a JSON or CSV file to the pool: all of them or none"), cli_person_import },
    { "absence", _("Record when people are away"), person_absence },
    { "availability", _("Set the weekly windows in which people are available"), person_availability },
    { "interest", _("Record interests that make people step aside"), person_interest },
  };

  return cli_verbs_new (all, G_N_ELEMENTS (all));
}

GArray *
cli_venue_verbs (void)
{
  const CliVerb all[] = {
    { "add", _("Add a venue"), venue_add },
    { "list", _("List the venues"), venue_list },
    { "close", _("Close a venue and list the sessions this breaks"), venue_close },
    { "open", _("Open a closed venue again"), venue_open },
  };

  return cli_verbs_new (all, G_N_ELEMENTS (all));
}
