/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-notify"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include <json-glib/json-glib.h>

#include "accord-notifier.h"
#include "accord-reminder-timer.h"
#include "accord-reminders.h"
#include "accord-scheduler.h"
#include "accord-store.h"
#include "accord-test-util.h"

/* Each test gets its own session bus (GTestDBus) and, unless it is about a
 * missing service, python3-dbusmock's notification daemon on it.  What the
 * daemon received is read back through dbusmock's GetCalls. */

#define TODAY "2026-12-01"
#define NOW_LOCAL "2026-12-01 09:00"   /* a Tuesday */
#define NOTIFY_NAME "org.freedesktop.Notifications"
#define NOTIFY_PATH "/org/freedesktop/Notifications"
#define MOCK_IFACE "org.freedesktop.DBus.Mock"
#define NO_DAEMON "no daemon"
#define NO_SERVICE_MESSAGE "No notification service is running: reminders were not shown"
#define WAIT_SECONDS 20

/* The arguments of a Notify call, in order. */
enum
{
  ARG_APP_NAME,
  ARG_REPLACES_ID,
  ARG_APP_ICON,
  ARG_SUMMARY,
  ARG_BODY,
  ARG_ACTIONS,
  ARG_HINTS,
  ARG_TIMEOUT,
};

typedef struct
{
  AccordTestDb     db;
  GTestDBus       *bus;
  GSubprocess     *daemon;       /* NULL: no notification service */
  GDBusConnection *connection;
  gint64           now;
  char            *overdue_number;
  char            *soon_number;
  gint64           session_id;
} Fixture;

typedef struct
{
  guint  count;
  char  *number;
  gint64 session_id;
} OpenRequest;

/* Helpers */

/* Local time in the bureau's zone (Asia/Shanghai) as a Unix instant. */
static gint64
at (const char *local)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h, mi;

  g_assert_cmpint (sscanf (local, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  dt = g_date_time_new (tz, y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

static gboolean
name_has_owner (Fixture *f)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (f->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", NOTIFY_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static void
start_daemon (Fixture    *f,
              const char *caps)
{
  g_autofree char *parameters = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  parameters = caps != NULL ? g_strdup_printf ("{\"capabilities\": \"%s\"}", caps) : g_strdup ("{}");
  f->daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", "-m", "dbusmock",
                                "--template", "notification_daemon", "--parameters", parameters, NULL);
  g_assert_no_error (error);

  while (!name_has_owner (f))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("python3-dbusmock did not take the name %s", NOTIFY_NAME);
      g_usleep (G_USEC_PER_SEC / 50);
    }
}

static void
stop_daemon (Fixture *f)
{
  if (f->daemon == NULL)
    return;

  g_subprocess_force_exit (f->daemon);
  g_subprocess_wait (f->daemon, NULL, NULL);
  g_clear_object (&f->daemon);
}

static GVariant *
mock_call (Fixture    *f,
           const char *method,
           GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_sync (f->connection, NOTIFY_NAME, NOTIFY_PATH, MOCK_IFACE, method,
                                                 parameters, NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);

  g_assert_no_error (error);
  return reply;
}

/* The arguments ("av") of every Notify call the daemon received, in order. */
static GPtrArray *
notify_calls (Fixture *f)
{
  g_autoptr(GVariant) reply = mock_call (f, "GetCalls", NULL);
  g_autoptr(GVariant) calls = g_variant_get_child_value (reply, 0);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  for (gsize i = 0; i < g_variant_n_children (calls); i++)
    {
      g_autoptr(GVariant) call = g_variant_get_child_value (calls, i);
      const char *method = NULL;
      GVariant *args = NULL;

      g_variant_get (call, "(t&s@av)", NULL, &method, &args);
      if (g_str_equal (method, "Notify"))
        g_ptr_array_add (result, args);
      else
        g_variant_unref (args);
    }
  return result;
}

static GVariant *
call_arg (GVariant *call,
          guint     index)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (call, index);

  return g_variant_get_variant (boxed);
}

static char *
call_string (GVariant *call,
             guint     index)
{
  g_autoptr(GVariant) value = call_arg (call, index);

  return g_variant_dup_string (value, NULL);
}

static char *
call_actions (GVariant *call)
{
  g_autoptr(GVariant) value = call_arg (call, ARG_ACTIONS);
  g_autofree const char **actions = g_variant_get_strv (value, NULL);

  return g_strjoinv (" ", (char **) actions);
}

static GVariant *
call_hint (GVariant   *call,
           const char *key)
{
  g_autoptr(GVariant) hints = call_arg (call, ARG_HINTS);

  return g_variant_lookup_value (hints, key, NULL);
}

static guchar
call_urgency (GVariant *call)
{
  g_autoptr(GVariant) urgency = call_hint (call, "urgency");

  g_assert_nonnull (urgency);
  g_assert_true (g_variant_is_of_type (urgency, G_VARIANT_TYPE_BYTE));
  return g_variant_get_byte (urgency);
}

static void
assert_string_hint (GVariant   *call,
                    const char *key,
                    const char *expected)
{
  g_autoptr(GVariant) hint = call_hint (call, key);

  g_assert_nonnull (hint);
  g_assert_cmpstr (g_variant_get_string (hint, NULL), ==, expected);
}

static void
assert_call_string (GVariant   *call,
                    guint       index,
                    const char *expected)
{
  g_autofree char *value = call_string (call, index);

  g_assert_cmpstr (value, ==, expected);
}

static guint
count_kind (GPtrArray  *reminders,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < reminders->len; i++)
    n += g_str_equal (((AccordReminder *) g_ptr_array_index (reminders, i))->kind, kind);
  return n;
}

static AccordReminder *
find_kind (GPtrArray  *reminders,
           const char *kind)
{
  for (guint i = 0; i < reminders->len; i++)
    if (g_str_equal (((AccordReminder *) g_ptr_array_index (reminders, i))->kind, kind))
      return g_ptr_array_index (reminders, i);

  g_assert_not_reached ();
}

static char *
keys_of (GPtrArray *reminders)
{
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < reminders->len; i++)
    g_string_append_printf (keys, "%s\n", ((AccordReminder *) g_ptr_array_index (reminders, i))->key);
  return g_string_free (keys, FALSE);
}

static GPtrArray *
plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders = accord_reminders_plan (f->db.store, f->now, 10, &error);

  g_assert_no_error (error);
  return reminders;
}

static GPtrArray *
one_reminder (const char *kind,
              const char *body)
{
  GPtrArray *reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_reminder_free);
  AccordReminder *r = g_new0 (AccordReminder, 1);

  r->key = g_strdup ("test:1");
  r->kind = g_strdup (kind);
  r->urgency = ACCORD_URGENCY_LOW;
  r->case_number = g_strdup ("XF-TEST-000001");
  r->session_id = 42;
  r->summary = g_strdup ("Follow-up visit: XF-TEST-000001");
  r->body = g_strdup (body);
  g_ptr_array_add (reminders, r);
  return reminders;
}

static char *
add_case (Fixture    *f,
          const char *received_on,
          const char *name,
          const char *id_number)
{
  const AccordPetitionerInput petitioner = { name, id_number, "13800001111", NULL };
  AccordCaseInput in = { .title = "房屋征收补偿问题", .category = "城乡建设", .channel = "visit",
                         .received_on = received_on, .petitioners = &petitioner, .n_petitioners = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = accord_store_add_case (f->db.store, &in, &error);

  g_assert_no_error (error);
  return g_strdup (accord_case_get_number (c));
}

/* A mediation from 09:30, half an hour after "now". */
static gint64
book_mediation (Fixture    *f,
                const char *number)
{
  const char *roles[] = { "mediator", NULL };
  AccordPersonInput mediator = { "何平", roles, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPerson) person = NULL;
  g_autoptr(AccordVenue) room = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(AccordSession) session = NULL;
  AccordParticipantInput people[1] = { { 0, 0, "mediator" } };
  AccordSessionInput in = { number, "mediation", at ("2026-12-01 09:30"), at ("2026-12-01 10:30"), 0,
                            people, G_N_ELEMENTS (people) };

  person = accord_store_add_person (f->db.store, &mediator, &error);
  g_assert_no_error (error);
  room = accord_store_add_venue (f->db.store, "小会议室", 6, NULL, &error);
  g_assert_no_error (error);
  scheduler = accord_scheduler_new (f->db.store, &error);
  g_assert_no_error (error);
  people[0].person_id = person->id;
  in.venue_id = room->id;
  session = accord_scheduler_book (scheduler, &in, NULL, NULL, &error);
  g_assert_no_error (error);
  return session->id;
}

/* One case long overdue, one received today, and a mediation about to
 * start.  The wide due-soon margin makes the new case's first step due
 * soon whatever the deadline rules say. */
static void
add_bureau (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->overdue_number = add_case (f, "2026-09-01", "刘洋", "440304198501011235");
  f->soon_number = add_case (f, TODAY, "赵敏", "11010119900307002X");
  f->session_id = book_mediation (f, f->overdue_number);
  accord_store_set_setting (f->db.store, "deadline_due_soon_days", "60", &error);
  g_assert_no_error (error);
}

static void
assert_bureau_reminders (Fixture   *f,
                         GPtrArray *reminders)
{
  AccordReminder *overdue = find_kind (reminders, "overdue");
  AccordReminder *session = find_kind (reminders, "session");

  g_assert_cmpuint (count_kind (reminders, "overdue"), ==, 1);
  g_assert_cmpuint (count_kind (reminders, "step"), ==, 1);
  g_assert_cmpuint (count_kind (reminders, "session"), ==, 2);   /* the day-before and hour-before leads */
  g_assert_cmpstr (overdue->case_number, ==, f->overdue_number);
  g_assert_cmpint (overdue->urgency, ==, ACCORD_URGENCY_CRITICAL);
  g_assert_cmpstr (find_kind (reminders, "step")->case_number, ==, f->soon_number);
  g_assert_cmpint (session->session_id, ==, f->session_id);
}

static void
assert_nothing_marked (Fixture   *f,
                       GPtrArray *planned)
{
  g_autoptr(GPtrArray) again = plan (f);
  g_autofree char *keys = keys_of (planned);
  g_autofree char *keys_again = keys_of (again);

  g_assert_cmpint (accord_test_count_rows (f->db.store, "reminder_sent"), ==, 0);
  g_assert_cmpstr (keys_again, ==, keys);
}

/* Runs accord-cli with @args (NULL-terminated) against the fixture's
 * database and bus; returns the exit status. */
static int
run_cli (Fixture            *f,
         const char * const *args,
         char              **out,
         char              **err)
{
  const char *cli = g_getenv ("ACCORD_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *now = g_strdup_printf ("%lld", (long long) f->now);
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  envp = g_environ_setenv (envp, "ACCORD_DB", f->db.path, TRUE);
  envp = g_environ_setenv (envp, "ACCORD_NOW", now, TRUE);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", WEXITSTATUS (wait_status), *out, *err);
  return WEXITSTATUS (wait_status);
}

#define RUN_CLI(f, out, err, ...) run_cli ((f), (const char * const []) { __VA_ARGS__, NULL }, (out), (err))

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gboolean
on_wait_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_open_requested_cb (AccordNotifier *notifier,
                      const char     *number,
                      gint64          session_id,
                      OpenRequest    *request)
{
  request->count++;
  g_free (request->number);
  request->number = g_strdup (number);
  request->session_id = session_id;
}

/* Fixture */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *caps = data;
  g_autoptr(GError) error = NULL;

  f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->bus);
  f->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (caps, NO_DAEMON) != 0)
    start_daemon (f, caps);

  accord_test_db_setup (&f->db, NULL);
  f->now = at (NOW_LOCAL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  accord_test_db_teardown (&f->db, NULL);
  stop_daemon (f);
  /* The bus waits for the last reference to its connection. */
  g_clear_object (&f->connection);
  g_test_dbus_down (f->bus);
  g_clear_object (&f->bus);
  g_free (f->overdue_number);
  g_free (f->soon_number);
}

/* Tests */

static void
test_send (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(AccordNotifier) notifier = accord_notifier_new ("Accord");
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  add_bureau (f);
  reminders = plan (f);
  assert_bureau_reminders (f, reminders);

  g_assert_true (accord_notifier_send (notifier, reminders, &error));
  g_assert_no_error (error);

  calls = notify_calls (f);
  g_assert_cmpuint (calls->len, ==, reminders->len);
  for (guint i = 0; i < calls->len; i++)
    {
      AccordReminder *r = g_ptr_array_index (reminders, i);
      GVariant *call = g_ptr_array_index (calls, i);
      g_autofree char *category = g_strconcat ("x-accord.", r->kind, NULL);
      g_autofree char *actions = call_actions (call);

      assert_call_string (call, ARG_APP_NAME, "Accord");
      assert_call_string (call, ARG_APP_ICON, "org.accord.Accord");
      assert_call_string (call, ARG_SUMMARY, r->summary);
      assert_call_string (call, ARG_BODY, r->body);   /* nothing to escape in these */
      assert_string_hint (call, "category", category);
      assert_string_hint (call, "desktop-entry", "org.accord.Accord");
      g_assert_cmpuint (call_urgency (call), ==, g_str_equal (r->kind, "overdue") ? 2 : 1);
      g_assert_cmpstr (actions, ==, "");   /* the template's default capabilities lack "actions" */
    }

  g_assert_true (accord_reminders_mark_sent (f->db.store, reminders, f->now, &error));
  g_assert_no_error (error);
  again = plan (f);
  g_assert_cmpuint (again->len, ==, 0);
}

static void
test_no_service (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AccordNotifier) notifier = accord_notifier_new ("Accord");
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;

  add_bureau (f);
  reminders = plan (f);
  g_assert_cmpuint (reminders->len, >, 0);

  g_assert_false (accord_notifier_send (notifier, reminders, &error));
  g_assert_error (error, ACCORD_NOTIFIER_ERROR, ACCORD_NOTIFIER_ERROR_NO_SERVICE);
  g_assert_cmpstr (error->message, ==, NO_SERVICE_MESSAGE);
  assert_nothing_marked (f, reminders);
}

/* Nothing to show needs no service. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(AccordNotifier) notifier = accord_notifier_new ("Accord");
  g_autoptr(GPtrArray) reminders = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_notifier_send (notifier, reminders, &error));
  g_assert_no_error (error);
}

/* The service takes the first notification and refuses the rest. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  static const char *code =
    "if self.next_id > 1:\n"
    "    raise dbus.exceptions.DBusException('Too many', name='org.freedesktop.Notifications.Error.Full')\n"
    "ret = self.next_id\n"
    "self.next_id += 1\n";
  g_autoptr(AccordNotifier) notifier = accord_notifier_new ("Accord");
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = mock_call (f, "AddMethod", g_variant_new ("(sssss)", NOTIFY_NAME, "Notify", "susssasa{sv}i", "u", code));
  add_bureau (f);
  reminders = plan (f);
  g_assert_cmpuint (reminders->len, >, 1);

  g_assert_false (accord_notifier_send (notifier, reminders, &error));
  g_assert_error (error, ACCORD_NOTIFIER_ERROR, ACCORD_NOTIFIER_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Too many"));
  assert_nothing_marked (f, reminders);
}

/* A server that reads markup must not eat "&" or "<". */
static void
test_markup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(AccordNotifier) notifier = accord_notifier_new ("Accord");
  g_autoptr(GPtrArray) reminders = one_reminder ("follow_up", "Call A & B <today>");
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_notifier_send (notifier, reminders, &error));
  g_assert_no_error (error);

  calls = notify_calls (f);
  g_assert_cmpuint (calls->len, ==, 1);
  assert_call_string (g_ptr_array_index (calls, 0), ARG_BODY, "Call A &amp; B &lt;today&gt;");
  assert_string_hint (g_ptr_array_index (calls, 0), "category", "x-accord.follow_up");
  g_assert_cmpuint (call_urgency (g_ptr_array_index (calls, 0)), ==, 0);
}

/* With "actions" the notification offers Open, which asks the application
 * to show the case and session. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AccordNotifier) notifier = accord_notifier_new ("Accord");
  g_autoptr(GPtrArray) reminders = one_reminder ("session", "Call A & B");
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actions = NULL;
  OpenRequest request = { 0 };
  gboolean timed_out = FALSE;
  guint timeout_id;

  g_signal_connect (notifier, "open-requested", G_CALLBACK (on_open_requested_cb), &request);
  g_assert_true (accord_notifier_send (notifier, reminders, &error));
  g_assert_no_error (error);

  calls = notify_calls (f);
  g_assert_cmpuint (calls->len, ==, 1);
  actions = call_actions (g_ptr_array_index (calls, 0));
  g_assert_cmpstr (actions, ==, "default Open open Open");
  assert_call_string (g_ptr_array_index (calls, 0), ARG_BODY, "Call A & B");   /* no body-markup */

  /* The mock numbers notifications from 1. */
  reply = mock_call (f, "EmitSignal", g_variant_new_parsed ("(%s, 'ActionInvoked', 'us', [<uint32 1>, <'open'>])",
                                                            NOTIFY_NAME));
  timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_wait_timeout_cb, &timed_out);
  while (request.count == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  g_assert_cmpuint (request.count, ==, 1);
  g_assert_cmpstr (request.number, ==, "XF-TEST-000001");
  g_assert_cmpint (request.session_id, ==, 42);
  g_free (request.number);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  JsonArray *listed;

  add_bureau (f);

  g_assert_cmpint (RUN_CLI (f, &out, &err, "--json", "remind", "--dry-run"), ==, 0);
  result = parse_object (out);
  listed = json_object_get_array_member (result, "reminders");
  g_assert_true (json_object_get_boolean_member (result, "dry_run"));
  g_assert_cmpint (json_object_get_int_member (result, "sent"), ==, 0);
  g_assert_cmpuint (json_array_get_length (listed), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (listed, 0), "urgency"), ==,
                   "critical");
  calls = notify_calls (f);
  g_assert_cmpuint (calls->len, ==, 0);
  g_assert_cmpint (accord_test_count_rows (f->db.store, "reminder_sent"), ==, 0);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (RUN_CLI (f, &out, &err, "remind", "--dry-run"), ==, 0);
  g_assert_nonnull (strstr (out, "4 reminders would be sent"));
  g_assert_nonnull (strstr (out, "(critical)"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (RUN_CLI (f, &out, &err, "remind", "--limit", "3"), ==, 0);
  g_assert_cmpstr (out, ==, "Sent 4 reminders\n");
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = notify_calls (f);
  g_assert_cmpuint (calls->len, ==, 4);
  g_assert_cmpint (accord_test_count_rows (f->db.store, "reminder_sent"), ==, 4);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (RUN_CLI (f, &out, &err, "remind"), ==, 0);
  g_assert_cmpstr (out, ==, "No reminders are due.\n");
}

static void
test_cli_no_service (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  add_bureau (f);

  g_assert_cmpint (RUN_CLI (f, &out, &err, "remind"), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "accord-cli: " NO_SERVICE_MESSAGE "\n");
  g_assert_cmpint (accord_test_count_rows (f->db.store, "reminder_sent"), ==, 0);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (RUN_CLI (f, &out, &err, "remind", "--limit", "0"), ==, 2);
}

/* The application's timer delivers what is due once, then nothing new. */
static void
test_timer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(AccordNotifier) notifier = accord_notifier_new ("Accord");
  g_autoptr(AccordReminderTimer) timer = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sent = 0;

  add_bureau (f);
  timer = accord_reminder_timer_new (f->db.store, notifier);
  g_assert_true (accord_reminder_timer_deliver (timer, f->now, &n_sent, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sent, >, 0);
  calls = notify_calls (f);
  g_assert_cmpuint (calls->len, ==, n_sent);

  g_assert_true (accord_reminder_timer_deliver (timer, f->now + 60, &n_sent, &error));
  g_assert_cmpuint (n_sent, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ACCORD_TODAY", TODAY, TRUE);
  /* Straight to the session bus, never to a sandbox portal. */
  g_setenv ("NOTIFY_IGNORE_PORTAL", "1", TRUE);

#define ADD(path, caps, func) g_test_add (path, Fixture, caps, fixture_setup, func, fixture_teardown)

  ADD ("/notify/send", NULL, test_send);
  ADD ("/notify/no-service", NO_DAEMON, test_no_service);
  ADD ("/notify/empty", NO_DAEMON, test_empty);
  ADD ("/notify/refused", NULL, test_refused);
  ADD ("/notify/markup", NULL, test_markup);
  ADD ("/notify/actions", "body actions", test_actions);
  ADD ("/notify/cli", NULL, test_cli);
  ADD ("/notify/cli-no-service", NO_DAEMON, test_cli_no_service);
  ADD ("/notify/timer", NULL, test_timer);

  return g_test_run ();
}
