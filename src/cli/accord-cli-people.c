/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-store.h"

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

/* Public */

GArray *
cli_person_verbs (void)
{
  GArray *verbs = g_array_new (FALSE, TRUE, sizeof (CliVerb));
  const CliVerb all[] = {
    { "add", _("Add a person to the pool"), person_add },
    { "list", _("List the people in the pool"), person_list },
  };

  g_array_append_vals (verbs, all, G_N_ELEMENTS (all));
  return verbs;
}

GArray *
cli_venue_verbs (void)
{
  GArray *verbs = g_array_new (FALSE, TRUE, sizeof (CliVerb));
  const CliVerb all[] = {
    { "add", _("Add a venue"), venue_add },
    { "list", _("List the venues"), venue_list },
  };

  g_array_append_vals (verbs, all, G_N_ELEMENTS (all));
  return verbs;
}
