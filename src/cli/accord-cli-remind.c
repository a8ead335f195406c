/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-backup.h"
#include "accord-notifier.h"
#include "accord-reminders.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

#define DEFAULT_LIMIT 5
#define MAX_LIMIT 100

typedef struct
{
  gboolean dry_run;
  int      limit;
} RemindOptions;

/* Helpers */

/* Tests fix "now" with ACCORD_NOW (Unix seconds); anything else there is
 * ignored, as ACCORD_TODAY is. */
static gint64
now_seconds (void)
{
  const char *text = g_getenv ("ACCORD_NOW");
  guint64 now;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &now, NULL))
    return (gint64) now;

  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
check_limit (int       limit,
             GError  **error)
{
  if (limit >= 1 && limit <= MAX_LIMIT)
    return TRUE;

  g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE,
               _("The option --limit takes a number from 1 to %d"), MAX_LIMIT);
  return FALSE;
}

static const char *
urgency_code (AccordUrgency urgency)
{
  switch (urgency)
    {
    case ACCORD_URGENCY_LOW:
      return "low";
    case ACCORD_URGENCY_CRITICAL:
      return "critical";
    case ACCORD_URGENCY_NORMAL:
    default:
      return "normal";
    }
}

static const char *
urgency_label (AccordUrgency urgency)
{
  switch (urgency)
    {
    case ACCORD_URGENCY_LOW:
      return C_("urgency", "low");
    case ACCORD_URGENCY_CRITICAL:
      return C_("urgency", "critical");
    case ACCORD_URGENCY_NORMAL:
    default:
      return C_("urgency", "normal");
    }
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_json_reminder (JsonBuilder          *builder,
                   const AccordReminder *reminder)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "key", reminder->key);
  add_string_member (builder, "kind", reminder->kind);
  add_string_member (builder, "urgency", urgency_code (reminder->urgency));
  add_string_member (builder, "case_number", reminder->case_number);
  json_builder_set_member_name (builder, "session_id");
  if (reminder->session_id != 0)
    json_builder_add_int_value (builder, reminder->session_id);
  else
    json_builder_add_null_value (builder);
  add_string_member (builder, "summary", reminder->summary);
  add_string_member (builder, "body", reminder->body);
  json_builder_end_object (builder);
}

static void
print_json (GPtrArray *reminders,
            gboolean   dry_run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);
  json_builder_set_member_name (builder, "sent");
  json_builder_add_int_value (builder, dry_run ? 0 : reminders->len);
  json_builder_set_member_name (builder, "reminders");
  json_builder_begin_array (builder);
  for (guint i = 0; i < reminders->len; i++)
    add_json_reminder (builder, g_ptr_array_index (reminders, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  cli_print_json (node);
}

static void
print_reminder (const AccordReminder *reminder)
{
  /* TRANSLATORS: %s is the reminder's stable key, e.g. "step:XF-2026-000031:reply:2026-11-23" */
  g_autofree char *key = g_strdup_printf (_("key: %s"), reminder->key);

  /* TRANSLATORS: a reminder's title and its urgency, e.g. "Overdue: XF-2026-000031 (critical)" */
  cli_print (_("%s (%s)"), reminder->summary, urgency_label (reminder->urgency));
  cli_print ("    %s", reminder->body != NULL ? reminder->body : "");
  cli_print ("    %s", key);
}

static void
print_text (GPtrArray *reminders,
            gboolean   dry_run)
{
  if (reminders->len == 0)
    {
      cli_print ("%s", _("No reminders are due."));
      return;
    }

  if (!dry_run)
    {
      cli_print (ngettext ("Sent %u reminder", "Sent %u reminders", reminders->len), reminders->len);
      return;
    }

  for (guint i = 0; i < reminders->len; i++)
    print_reminder (g_ptr_array_index (reminders, i));
  cli_print (ngettext ("%u reminder would be sent", "%u reminders would be sent", reminders->len),
             reminders->len);
}

/* Marked sent only once every one was shown: a failure part-way leaves
 * them all to be planned again. */
static gboolean
send_and_mark (AccordStore  *store,
               GPtrArray    *reminders,
               gint64        now,
               GError      **error)
{
  g_autoptr(AccordNotifier) notifier = NULL;

  if (reminders->len == 0)
    return TRUE;

  notifier = accord_notifier_new ("Accord");
  return accord_notifier_send (notifier, reminders, error)
         && accord_reminders_mark_sent (store, reminders, now, error);
}

/* The systemd timer runs this every 15 minutes, so the daily backup is
 * made here too.  A backup that fails does not hold the reminders back. */
static void
make_daily_backup (AccordStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = accord_backup_auto (store, NULL, &error);

  if (error != NULL)
    cli_print_warning (error->message);
}

/* remind */

gboolean
cli_remind (CliContext  *cli,
            int          argc,
            char       **argv,
            GError     **error)
{
  RemindOptions options = { FALSE, DEFAULT_LIMIT };
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &options.dry_run,
      N_("Only show what would be sent: send nothing and mark nothing as sent"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &options.limit,
      N_("Show at most N case-step reminders one by one and count the rest in one (default: 5)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (NULL, _("Show the reminders that are due now as desktop notifications: sessions about "
                                    "to start, hearing notices to send, deadlines due soon or overdue, follow-up "
                                    "visits, agreed terms and documents waiting for signature. Each is shown once."),
                            entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  gint64 now = now_seconds ();

  if (!cli_parse_options (cli, context, &argc, &argv, error) || !cli_no_arguments (argc, argv, error)
      || !check_limit (options.limit, error))
    return FALSE;

  store = cli_open_store (cli, FALSE, error);
  if (store == NULL || (reminders = accord_reminders_plan (store, now, (guint) options.limit, error)) == NULL)
    return FALSE;

  if (!options.dry_run)
    make_daily_backup (store);
  if (!options.dry_run && !send_and_mark (store, reminders, now, error))
    return FALSE;

  if (cli->json)
    print_json (reminders, options.dry_run);
  else
    print_text (reminders, options.dry_run);
  return TRUE;
}
