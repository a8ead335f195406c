/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-backup.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

typedef struct
{
  char     *out;
  gboolean  automatic;
} BackupOptions;

/* Helpers */

static void
print_made (CliContext *cli,
            const char *path)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!cli->json)
    {
      cli_print (_("Backed up to %s"), path);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "made");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  cli_print_json_object (builder);
}

static void
print_not_due (CliContext *cli)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!cli->json)
    {
      cli_print ("%s", _("Today's automatic backup is already made; nothing to do."));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "made");
  json_builder_add_boolean_value (builder, FALSE);
  cli_print_json_object (builder);
}

static JsonNode *
json_backups (AccordStore *store,
              GPtrArray   *backups)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < backups->len; i++)
    {
      AccordBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *modified = accord_store_format_local (store, info->modified, "%Y-%m-%dT%H:%M:%S%:z");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, info->name);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, info->path);
      json_builder_set_member_name (builder, "date");
      if (info->date != NULL)
        json_builder_add_string_value (builder, info->date);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, info->size);
      json_builder_set_member_name (builder, "modified");
      json_builder_add_string_value (builder, modified);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
print_backups (AccordStore *store,
               GPtrArray   *backups)
{
  g_autofree char *folder = accord_backup_get_folder (store);

  if (backups->len == 0)
    {
      cli_print (_("No backups in %s"), folder);
      return;
    }

  cli_print (_("Backups in %s:"), folder);
  for (guint i = 0; i < backups->len; i++)
    {
      AccordBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *modified = accord_store_format_local (store, info->modified, "%Y-%m-%d %H:%M");
      g_autofree char *size = g_format_size ((guint64) info->size);

      cli_print ("  %-36s %s  %s", info->name, modified, size);
    }
}

static gboolean
backup_list (CliContext  *cli,
             int          argc,
             char       **argv,
             GError     **error)
{
  g_autoptr(GOptionContext) context =
    cli_option_context_new (NULL, _("List the backups in the backup folder, newest first: the daily ones and the "
                                    "copies a restore kept."), NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  if (!cli_parse_options (cli, context, &argc, &argv, error) || !cli_no_arguments (argc, argv, error))
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL || (backups = accord_backup_list (store, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = json_backups (store, backups);

      cli_print_json (node);
    }
  else
    print_backups (store, backups);
  return TRUE;
}

static gboolean
make_backup (CliContext           *cli,
             const BackupOptions  *options,
             GError              **error)
{
  g_autoptr(AccordStore) store = NULL;
  g_autofree char *path = NULL;

  if (options->out != NULL && options->automatic)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE,
                           _("The options --out and --auto cannot be used together"));
      return FALSE;
    }

  if ((store = cli_open_store (cli, FALSE, error)) == NULL)
    return FALSE;

  if (options->out != NULL)
    {
      if (!accord_backup_to_file (store, options->out, error))
        return FALSE;
      path = g_strdup (options->out);
    }
  else if (options->automatic)
    {
      if ((path = accord_backup_auto (store, NULL, error)) == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          print_not_due (cli);
          return TRUE;
        }
    }
  else if ((path = accord_backup_now (store, NULL, error)) == NULL)
    return FALSE;

  print_made (cli, path);
  return TRUE;
}

/* Public */

gboolean
cli_backup (CliContext  *cli,
            int          argc,
            char       **argv,
            GError     **error)
{
  BackupOptions options = { NULL, FALSE };
  g_autofree char *keep_help = g_strdup_printf (_("Back up to FILE instead of the backup folder, where a "
                                                  "backup is named by the date and the newest %d are kept"),
                                                ACCORD_BACKUP_KEEP);
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &options.out, keep_help, N_("FILE") },
    { "auto", 0, 0, G_OPTION_ARG_NONE, &options.automatic,
      N_("Make the daily backup only if it was not made today"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("[list]"),
                            _("Back the database up while it is in use: a checked copy in one file, readable by "
                                "its owner only. “accord-cli backup list” lists the backups."),
                            entries);
  gboolean ok;

  /* "list" is a verb of its own; without it, the noun makes a backup. */
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    {
      g_autofree char *command = g_strdup_printf ("%s list", cli->command);

      g_free (cli->command);
      cli->command = g_steal_pointer (&command);
      g_set_prgname (cli->command);
      return backup_list (cli, argc - 1, argv + 1, error);
    }

  ok = cli_parse_options (cli, context, &argc, &argv, error) && cli_no_arguments (argc, argv, error)
       && make_backup (cli, &options, error);
  g_free (options.out);
  return ok;
}

gboolean
cli_restore (CliContext  *cli,
             int          argc,
             char       **argv,
             GError     **error)
{
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("FILE"),
                            _("Replace every record of the database with those of a backup. The backup must be an "
                              "undamaged Accord database; the records replaced are first kept as a copy in the "
                              "backup folder."),
                            NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autofree char *kept = NULL;
  const char *file;

  if (!cli_parse_options (cli, context, &argc, &argv, error) ||
      (file = cli_single_argument (argc, argv, _("the backup file"), error)) == NULL)
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL || !accord_backup_restore (store, file, &kept, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "restored");
      json_builder_add_string_value (builder, file);
      json_builder_set_member_name (builder, "kept");
      json_builder_add_string_value (builder, kept);
      cli_print_json_object (builder);
    }
  else
    cli_print (_("Restored the records of %s; the records replaced are kept in %s"), file, kept);
  return TRUE;
}
