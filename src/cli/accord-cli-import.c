/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <string.h>

#include <glib/gi18n.h>

#include "accord-import.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

typedef gboolean (*ParseFunc) (const char  *data,
                               gsize        length,
                               const char  *format,
                               GPtrArray  **out,
                               GError     **error);

/* Helpers */

/* --format, else the file's extension, else what the contents look like. */
static gboolean
choose_format (const char   *option,
               const char   *path,
               const char  **format,
               GError      **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (option != NULL)
    {
      if (strcmp (option, "json") != 0 && strcmp (option, "csv") != 0)
        {
          g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("--format must be json or csv"));
          return FALSE;
        }
      *format = option;
    }
  else if (g_str_has_suffix (lower, ".csv"))
    *format = "csv";
  else if (g_str_has_suffix (lower, ".json"))
    *format = "json";
  else
    *format = NULL;
  return TRUE;
}

/* Reads and parses FILE before the database is opened: a malformed file
 * never touches it. */
static GPtrArray *
read_records (CliContext   *cli,
              int           argc,
              char        **argv,
              const char   *summary,
              const char   *what,
              ParseFunc     parse,
              GError      **error)
{
  g_autofree char *format_option = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option,
      N_("json or csv (default: from the file name's extension, else from its contents)"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = cli_option_context_new (_("FILE"), summary, entries);
  g_autofree char *data = NULL;
  GPtrArray *records = NULL;
  const char *path, *format;
  gsize length = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || (path = cli_single_argument (argc, argv, what, error)) == NULL
      || !choose_format (format_option, path, &format, error)
      || !g_file_get_contents (path, &data, &length, error)
      || !parse (data, length, format, &records, error))
    return NULL;

  return records;
}

/* {"imported": @n, "@member": [ … ]}: the builder, inside the list. */
static JsonBuilder *
begin_imported_json (guint       n,
                     const char *member)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_int_value (builder, n);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  return builder;
}

static void
print_imported_numbers (CliContext *cli,
                        GPtrArray  *numbers)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = begin_imported_json (numbers->len, "numbers");

      for (guint i = 0; i < numbers->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (numbers, i));
      json_builder_end_array (builder);
      cli_print_json_object (builder);
      return;
    }

  if (numbers->len == 0)
    cli_print ("%s", _("The file holds no cases; nothing was imported."));
  else if (numbers->len == 1)
    cli_print (_("Imported 1 case: %s"), (const char *) g_ptr_array_index (numbers, 0));
  else
    /* TRANSLATORS: %u is a number of cases (more than one), then the first and the last case number */
    cli_print (_("Imported %u cases: %s … %s"), numbers->len,
               (const char *) g_ptr_array_index (numbers, 0),
               (const char *) g_ptr_array_index (numbers, numbers->len - 1));
}

static void
print_imported_ids (CliContext *cli,
                    GArray     *ids)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = begin_imported_json (ids->len, "ids");

      for (guint i = 0; i < ids->len; i++)
        json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
      json_builder_end_array (builder);
      cli_print_json_object (builder);
      return;
    }

  if (ids->len == 0)
    {
      cli_print ("%s", _("The file holds no people; nothing was imported."));
      return;
    }

  first = cli_format_id (g_array_index (ids, gint64, 0));
  last = cli_format_id (g_array_index (ids, gint64, ids->len - 1));
  if (ids->len == 1)
    /* TRANSLATORS: %s is the id given to the person */
    cli_print (_("Imported 1 person: id %s"), first);
  else
    /* TRANSLATORS: %u is a number of people (more than one), then the first and the last id given to them */
    cli_print (_("Imported %u people: ids %s … %s"), ids->len, first, last);
}

/* Public */

gboolean
cli_case_import (CliContext  *cli,
                 int          argc,
                 char       **argv,
                 GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(AccordStore) store = NULL;

  records = read_records (cli, argc, argv,
                          _("Register the cases of a JSON or CSV file, with their petitioners, in one step: "
                            "every case or, when one is refused, none.\n\n"
                            "JSON: a list of objects like the one “case show --json --reveal” prints: title, "
                            "summary, category, channel, received_on (YYYY-MM-DD), the flags collective, repeat, "
                            "cross_level and litigation_related (true or false) and petitioners, a list of "
                            "objects with name, id_number, phone and address; other members are ignored.\n\n"
                            "CSV (UTF-8, a header row naming the columns): title, summary, category, channel, "
                            "received_on, the four flags (yes or no), petitioner_name, petitioner_id_number, "
                            "petitioner_phone, petitioner_address and ref; rows that share a ref are one case "
                            "with several petitioners."),
                          _("the file of cases"), accord_import_parse_cases, error);
  if (records == NULL)
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL || !accord_import_cases (store, records, &numbers, error))
    return FALSE;

  print_imported_numbers (cli, numbers);
  return TRUE;
}

gboolean
cli_person_import (CliContext  *cli,
                   int          argc,
                   char       **argv,
                   GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(AccordStore) store = NULL;

  records = read_records (cli, argc, argv,
                          _("Add the people of a JSON or CSV file to the pool in one step: everyone or, "
                            "when one is refused, no one.\n\n"
                            "JSON: a list of objects with name, roles (a list of role codes), organisation "
                            "and phone; the output of “person list --json --reveal” reads back.\n\n"
                            "CSV (UTF-8, a header row naming the columns): name, roles (codes separated by "
                            "semicolons or spaces), organisation and phone."),
                          _("the file of people"), accord_import_parse_persons, error);
  if (records == NULL)
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL || !accord_import_persons (store, records, &ids, error))
    return FALSE;

  print_imported_ids (cli, ids);
  return TRUE;
}
