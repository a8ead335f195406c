/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-cli-session"

#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "accord-test-util.h"

/* The scheduling commands of accord-cli, run as a child process against a
 * fresh database in a temporary directory.  "Today" is fixed through
 * ACCORD_TODAY; the sessions fall on working days of December 2026. */

#define TODAY ACCORD_TEST_CLI_TODAY
#define ID_NUMBER "11010519491231002X"
#define PHONE "13812345678"
#define PETITIONER "张三"

/* A case with one petitioner, a small pool and two venues. */
typedef struct
{
  AccordTestCli cli;
  char *number;
  char *mediator;
  char *mediator2;
  char *officer;
  char *lawyer;
  char *deputy;
  char *expert;
  char *room;        /* 调解室 */
  char *hall;        /* 一号听证室 */
} Fixture;

/* Helpers */

#define run(f, ...) accord_test_cli_run (&(f)->cli, __VA_ARGS__)
#define assert_refused(f, code, ...) accord_test_cli_assert_refused (&(f)->cli, (code), __VA_ARGS__)

static char *
add_person (Fixture    *f,
            const char *name,
            const char *role)
{
  g_assert_cmpint (run (f, "person", "add", "--name", name, "--role", role), ==, ACCORD_TEST_EXIT_OK);
  return accord_test_cli_stripped_output (&f->cli);
}

static char *
add_venue (Fixture    *f,
           const char *name,
           const char *capacity)
{
  g_assert_cmpint (run (f, "venue", "add", "--name", name, "--capacity", capacity), ==, ACCORD_TEST_EXIT_OK);
  return accord_test_cli_stripped_output (&f->cli);
}

static char *
with (const char *person,
      const char *role)
{
  return g_strdup_printf ("%s:%s", person, role);
}

/* Books a mediation with @mediator and prints nothing but its id. */
static char *
book_mediation (Fixture    *f,
                const char *start,
                const char *end,
                const char *venue,
                const char *mediator)
{
  g_autofree char *participant = with (mediator, "mediator");

  g_assert_cmpint (run (f, "session", "add", "--case", f->number, "--kind", "mediation", "--start", start,
                        "--end", end, "--venue", venue, "--with", participant), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (g_ascii_strtoll (f->cli.out, NULL, 10), >, 0);
  return accord_test_cli_stripped_output (&f->cli);
}

/* A mediation that would take place at @start–@end with @mediator:
 * session check's exit status. */
static int
check_mediation (Fixture    *f,
                 const char *start,
                 const char *end,
                 const char *venue,
                 const char *mediator)
{
  g_autofree char *participant = with (mediator, "mediator");

  if (venue == NULL)
    return run (f, "--json", "session", "check", "--case", f->number, "--kind", "mediation",
                "--start", start, "--end", end, "--with", participant);

  return run (f, "--json", "session", "check", "--case", f->number, "--kind", "mediation",
              "--start", start, "--end", end, "--venue", venue, "--with", participant);
}

static gboolean
array_has_rule (JsonArray  *conflicts,
                const char *rule)
{
  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (conflicts, i), "rule"), rule))
      return TRUE;

  return FALSE;
}

/* Whether the JSON list of conflicts in @text has one for @rule. */
static gboolean
has_rule (const char *text,
          const char *rule)
{
  g_autoptr(JsonNode) root = accord_test_parse_json (text);

  return array_has_rule (json_node_get_array (root), rule);
}

static JsonObject *
session_object (Fixture    *f,
                const char *id,
                JsonNode  **root)
{
  g_assert_cmpint (run (f, "--json", "session", "show", id), ==, ACCORD_TEST_EXIT_OK);
  *root = accord_test_parse_json (f->cli.out);
  return json_node_get_object (*root);
}

static gboolean
array_has_int (JsonArray *array,
               gint64     value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (json_array_get_int_element (array, i) == value)
      return TRUE;

  return FALSE;
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (f->cli.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  accord_test_cli_set_up (&f->cli, data);
  g_assert_cmpint (run (f, "case", "add", "--title", "房屋征收补偿问题", "--petitioner", PETITIONER,
                        "--id-number", ID_NUMBER, "--phone", PHONE, "--category", "城乡建设",
                        "--channel", "visit", "--received", "2026-10-09"), ==, ACCORD_TEST_EXIT_OK);
  f->number = accord_test_cli_stripped_output (&f->cli);

  f->mediator = add_person (f, "何平", "mediator");
  f->mediator2 = add_person (f, "何二", "mediator");
  f->officer = add_person (f, "周建华", "officer");
  f->lawyer = add_person (f, "王芳", "lawyer");
  f->deputy = add_person (f, "李建国", "npc_deputy");
  f->expert = add_person (f, "孙丽华", "expert");
  f->room = add_venue (f, "调解室", "8");
  f->hall = add_venue (f, "一号听证室", "20");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  accord_test_cli_tear_down (&f->cli, data);
  g_free (f->number);
  g_free (f->mediator);
  g_free (f->mediator2);
  g_free (f->officer);
  g_free (f->lawyer);
  g_free (f->deputy);
  g_free (f->expert);
  g_free (f->room);
  g_free (f->hall);
}

/* Tests */

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (run (f, "--help"), ==, ACCORD_TEST_EXIT_OK);
  for (const char * const *noun = (const char * const []) { "session", "calendar", "export", "import", NULL };
       *noun != NULL; noun++)
    g_assert_nonnull (strstr (f->cli.out, *noun));

  g_assert_cmpint (run (f, "session", "--help"), ==, ACCORD_TEST_EXIT_OK);
  for (const char * const *verb = (const char * const []) { "check", "add", "move", "cancel", "show", "list",
                                                            "broken", "suggest", NULL };
       *verb != NULL; verb++)
    g_assert_nonnull (strstr (f->cli.out, *verb));

  g_assert_cmpint (run (f, "session", "add", "--help"), ==, ACCORD_TEST_EXIT_OK);
  for (const char * const *o = (const char * const []) { "--case", "--kind", "--start", "--end", "--venue",
                                                         "--with", "--petitioner", "--notice-date", "--private",
                                                         "--notes", "--override-reason", "joint_reception", NULL };
       *o != NULL; o++)
    g_assert_nonnull (strstr (f->cli.out, *o));

  g_assert_cmpint (run (f, "session", "check", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_null (strstr (f->cli.out, "--override-reason"));
  g_assert_cmpint (run (f, "person", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "availability"));
  g_assert_cmpint (run (f, "person", "absence", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "add"));
  g_assert_cmpint (run (f, "person", "absence", "add", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "--reason"));
  g_assert_cmpint (run (f, "venue", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "close"));
  g_assert_cmpint (run (f, "export", "ics", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "--out"));
  g_assert_cmpint (run (f, "calendar", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "import"));

  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "person", "absence");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "person", "absence", "frobnicate");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "suggest", "--case", f->number, "--kind", "mediation");
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *participant = with (f->mediator, "mediator");
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  JsonArray *conflicts;
  gboolean venue_busy = FALSE;

  before = accord_test_cli_read_db (&f->cli);
  g_assert_cmpint (run (f, "session", "check", "--case", f->number, "--kind", "mediation",
                        "--start", "2026-12-08 09:00", "--end", "2026-12-08 10:00", "--venue", f->room,
                        "--with", participant), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (f->cli.out, ==, "No conflicts\n");
  after = accord_test_cli_read_db (&f->cli);
  g_assert_true (g_bytes_equal (before, after));

  g_assert_cmpint (check_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", f->room, f->mediator), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (g_strstrip (f->cli.out), ==, "[]");

  /* The same instant, written in UTC. */
  id = book_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", f->room, f->mediator);
  g_assert_cmpint (check_mediation (f, "2026-12-08T01:30:00Z", "2026-12-08T10:30:00+08:00", f->room, f->mediator),
                   ==, ACCORD_TEST_EXIT_REFUSED);
  g_assert_true (g_str_has_prefix (f->cli.err, "accord-cli: "));
  root = accord_test_parse_json (f->cli.out);
  conflicts = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (conflicts), >=, 2);
  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    {
      JsonObject *conflict = json_array_get_object_element (conflicts, i);

      for (const char * const *key = (const char * const []) { "rule", "severity", "message", "person_ids",
                                                               "venue_id", "session_ids", NULL };
           *key != NULL; key++)
        g_assert_true (json_object_has_member (conflict, *key));
      g_assert_true (array_has_int (json_object_get_array_member (conflict, "session_ids"),
                                    g_ascii_strtoll (id, NULL, 10)));
      if (g_str_equal (json_object_get_string_member (conflict, "rule"), "venue-busy"))
        {
          venue_busy = TRUE;
          g_assert_cmpstr (json_object_get_string_member (conflict, "severity"), ==, "hard");
          g_assert_cmpint (json_object_get_int_member (conflict, "venue_id"), ==, g_ascii_strtoll (f->room, NULL, 10));
        }
    }
  g_assert_true (venue_busy);
  g_assert_true (has_rule (f->cli.out, "person-busy"));

  /* Plain text names the rules. */
  g_assert_cmpint (run (f, "session", "check", "--case", f->number, "--kind", "mediation",
                        "--start", "2026-12-08 09:30", "--end", "2026-12-08 10:30", "--venue", f->room,
                        "--with", participant), ==, ACCORD_TEST_EXIT_REFUSED);
  g_assert_nonnull (strstr (f->cli.out, "person-busy"));
  g_assert_nonnull (strstr (f->cli.out, "venue-busy"));

  /* Malformed proposals. */
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "check", "--case", f->number, "--kind", "mediation",
                  "--start", "2026-12-08", "--end", "2026-12-08 10:00", "--with", participant);
  g_assert_nonnull (strstr (f->cli.err, "--start"));
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "check", "--case", f->number, "--kind", "mediation",
                  "--start", "2026-02-30 09:00", "--end", "2026-12-08 10:00", "--with", participant);
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "check", "--case", f->number, "--kind", "mediation",
                  "--start", "2026-12-08 09:00", "--end", "2026-12-08 10:00", "--with", "abc");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "check", "--kind", "mediation",
                  "--start", "2026-12-08 09:00", "--end", "2026-12-08 10:00", "--with", participant);
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "session", "check", "--case", f->number, "--kind", "picnic",
                  "--start", "2026-12-08 09:00", "--end", "2026-12-08 10:00", "--with", participant);
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "session", "check", "--case", "XF-1999-999999", "--kind", "mediation",
                  "--start", "2026-12-08 09:00", "--end", "2026-12-08 10:00", "--with", participant);
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *participant = with (f->mediator, "mediator");
  g_autofree char *first = book_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", f->room, f->mediator);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *session;
  JsonArray *participants;
  JsonArray *conflicts;
  gboolean saw_petitioner = FALSE;

  g_assert_cmpint (run (f, "--json", "session", "add", "--case", f->number, "--kind", "mediation",
                        "--start", "2026-12-09 14:00", "--end", "2026-12-09 15:30", "--venue", f->hall,
                        "--with", participant, "--private", "--notes", "双方同意调解"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  session = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (session, "id"), >, g_ascii_strtoll (first, NULL, 10));
  g_assert_cmpstr (json_object_get_string_member (session, "case_number"), ==, f->number);
  g_assert_cmpstr (json_object_get_string_member (session, "kind"), ==, "mediation");
  g_assert_cmpstr (json_object_get_string_member (session, "starts_at"), ==, "2026-12-09T14:00:00+08:00");
  g_assert_cmpstr (json_object_get_string_member (session, "ends_at"), ==, "2026-12-09T15:30:00+08:00");
  g_assert_cmpint (json_object_get_int_member (session, "venue_id"), ==, g_ascii_strtoll (f->hall, NULL, 10));
  g_assert_cmpstr (json_object_get_string_member (session, "venue_name"), ==, "一号听证室");
  g_assert_cmpstr (json_object_get_string_member (session, "status"), ==, "planned");
  g_assert_false (json_object_get_boolean_member (session, "public"));
  g_assert_true (json_object_has_member (session, "notice_date"));
  g_assert_true (json_object_get_null_member (session, "override_reason"));
  g_assert_cmpint (json_object_get_int_member (session, "version"), >=, 1);
  conflicts = json_object_get_array_member (session, "conflicts");
  g_assert_cmpuint (json_array_get_length (conflicts), ==, 0);

  participants = json_object_get_array_member (session, "participants");
  g_assert_cmpuint (json_array_get_length (participants), ==, 2);
  for (guint i = 0; i < json_array_get_length (participants); i++)
    {
      JsonObject *p = json_array_get_object_element (participants, i);

      g_assert_true (json_object_has_member (p, "attendance"));
      if (g_str_equal (json_object_get_string_member (p, "role"), "petitioner"))
        {
          saw_petitioner = TRUE;
          g_assert_cmpstr (json_object_get_string_member (p, "name"), ==, PETITIONER);
          g_assert_true (json_object_get_null_member (p, "person_id"));
          g_assert_cmpint (json_object_get_int_member (p, "petitioner_id"), >, 0);
        }
      else
        g_assert_cmpint (json_object_get_int_member (p, "person_id"), ==, g_ascii_strtoll (f->mediator, NULL, 10));
    }
  g_assert_true (saw_petitioner);
  g_assert_null (strstr (f->cli.out, ID_NUMBER));
  g_assert_null (strstr (f->cli.out, PHONE));

  /* A clash is refused and changes nothing; every conflict is on stderr. */
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "session", "add", "--case", f->number, "--kind", "mediation",
                  "--start", "2026-12-08 09:30", "--end", "2026-12-08 10:30", "--venue", f->room,
                  "--with", participant);
  g_assert_nonnull (strstr (f->cli.err, "person-busy"));
  g_assert_nonnull (strstr (f->cli.err, "venue-busy"));
  g_assert_nonnull (strstr (f->cli.err, "--override-reason"));
  g_assert_cmpstr (f->cli.out, ==, "");

  /* With a reason it is booked, and the audit log stays intact. */
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpint (run (f, "--json", "session", "add", "--case", f->number, "--kind", "mediation",
                        "--start", "2026-12-08 09:30", "--end", "2026-12-08 10:30", "--venue", f->room,
                        "--with", participant, "--override-reason", "当事人要求当天调解"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  session = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (session, "override_reason"), ==, "当事人要求当天调解");
  g_assert_true (array_has_rule (json_object_get_array_member (session, "conflicts"), "venue-busy"));

  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "--json", "session", "list", "--from", "2026-12-01", "--to", "2026-12-31"), ==, ACCORD_TEST_EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  root = accord_test_parse_json (f->cli.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
}

static void
test_move_cancel (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = book_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", f->room, f->mediator);
  g_autofree char *second = book_mediation (f, "2026-12-10 09:00", "2026-12-10 10:00", f->room, f->mediator);
  g_autofree char *version = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *session;

  g_assert_cmpint (run (f, "session", "move", second, "--start", "2026-12-11 14:00", "--end", "2026-12-11 15:00"),
                   ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "2026-12-11 14:00"));
  session = session_object (f, second, &root);
  g_assert_cmpstr (json_object_get_string_member (session, "starts_at"), ==, "2026-12-11T14:00:00+08:00");
  version = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (session, "version"));

  /* Onto the first session: refused, unchanged. */
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "session", "move", second, "--start", "2026-12-08 09:00",
                  "--end", "2026-12-08 10:00");
  g_assert_nonnull (strstr (f->cli.err, "person-busy"));
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "session", "move", second, "--start", "2026-12-14 09:00",
                  "--end", "2026-12-14 10:00", "--expect-version", "999");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "move", second, "--start", "tomorrow", "--end", "2026-12-14 10:00");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "move", second, "--end", "2026-12-14 10:00");
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "session", "move", "999", "--start", "2026-12-14 09:00", "--end", "2026-12-14 10:00");

  g_assert_cmpint (run (f, "--json", "session", "move", second, "--start", "2026-12-14 09:00",
                        "--end", "2026-12-14 10:00", "--expect-version", version), ==, ACCORD_TEST_EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  root = accord_test_parse_json (f->cli.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "ends_at"), ==,
                   "2026-12-14T10:00:00+08:00");

  g_assert_cmpint (run (f, "session", "cancel", second, "--reason", "申请人撤回"), ==, ACCORD_TEST_EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  session = session_object (f, second, &root);
  g_assert_cmpstr (json_object_get_string_member (session, "status"), ==, "cancelled");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "session", "cancel", second);
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "cancel");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "cancel", "two");

  /* The cancelled session no longer blocks its slot. */
  g_assert_cmpint (check_mediation (f, "2026-12-14 09:00", "2026-12-14 10:00", f->room, f->mediator), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
}

static void
test_list_show (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *first = book_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", f->room, f->mediator);
  g_autofree char *second = book_mediation (f, "2026-12-09 09:00", "2026-12-09 10:00", f->hall, f->mediator2);
  g_autofree char *late = book_mediation (f, "2027-01-12 09:00", "2027-01-12 10:00", f->hall, f->mediator2);
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;

  /* Default: today and the next 30 days. */
  g_assert_cmpint (run (f, "--json", "session", "list"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);

  g_assert_cmpint (run (f, "--json", "session", "list", "--from", "2026-12-01", "--to", "2027-01-31"), ==, ACCORD_TEST_EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  root = accord_test_parse_json (f->cli.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);

  g_assert_cmpint (run (f, "--json", "session", "list", "--person", f->mediator), ==, ACCORD_TEST_EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  root = accord_test_parse_json (f->cli.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (root), 0), "id"),
                   ==, g_ascii_strtoll (first, NULL, 10));

  g_assert_cmpint (run (f, "--json", "session", "list", "--venue", f->hall, "--to", "2027-12-31"), ==, ACCORD_TEST_EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  root = accord_test_parse_json (f->cli.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);

  g_assert_cmpint (run (f, "session", "list"), ==, ACCORD_TEST_EXIT_OK);
  lines = g_strsplit (g_strchomp (f->cli.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2);
  for (const char * const *column = (const char * const []) { "ID", "Start", "End", "Kind", "Case", "Venue",
                                                              "Status", "Participants", NULL };
       *column != NULL; column++)
    g_assert_nonnull (strstr (lines[0], *column));
  g_assert_nonnull (strstr (lines[1], "2026-12-08 09:00"));
  g_assert_nonnull (strstr (lines[1], f->number));
  g_assert_nonnull (strstr (lines[2], "一号听证室"));

  g_assert_cmpint (run (f, "session", "list", "--from", "2026-11-21", "--to", "2026-11-30"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (f->cli.out, ==, "No sessions found.\n");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "list", "--from", "2026-12-10", "--to", "2026-12-01");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "list", "--from", "12/01/2026");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "list", "--person", "-3");

  g_assert_cmpint (run (f, "session", "show", second), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, f->number));
  g_assert_nonnull (strstr (f->cli.out, "何二"));
  g_assert_nonnull (strstr (f->cli.out, PETITIONER));
  g_assert_nonnull (strstr (f->cli.out, "2026-12-09 09:00–10:00"));
  g_assert_null (strstr (f->cli.out, ID_NUMBER));
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "session", "show", "999");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "show", "first");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "show");
  g_assert_cmpint (g_ascii_strtoll (late, NULL, 10), >, 0);
}

static void
test_suggest (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *first_run = NULL;
  JsonArray *slots;

  g_assert_cmpint (run (f, "--json", "session", "suggest", "--case", f->number, "--kind", "hearing",
                        "--duration", "120", "--panel", "3", "--from", "2026-12-01", "--to", "2026-12-04",
                        "--venue", f->hall), ==, ACCORD_TEST_EXIT_OK);
  first_run = g_strdup (f->cli.out);
  root = accord_test_parse_json (f->cli.out);
  slots = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (slots), ==, 3);
  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);
      JsonArray *participants = json_object_get_array_member (slot, "participants");
      guint panelists = 0, presiders = 0;

      g_assert_true (g_str_has_prefix (json_object_get_string_member (slot, "starts_at"), "2026-12-0"));
      g_assert_true (g_str_has_suffix (json_object_get_string_member (slot, "ends_at"), "+08:00"));
      g_assert_cmpint (json_object_get_int_member (slot, "venue_id"), ==, g_ascii_strtoll (f->hall, NULL, 10));
      g_assert_cmpstr (json_object_get_string_member (slot, "venue_name"), ==, "一号听证室");
      for (guint k = 0; k < json_array_get_length (participants); k++)
        {
          JsonObject *p = json_array_get_object_element (participants, k);
          const char *role = json_object_get_string_member (p, "role");

          g_assert_nonnull (json_object_get_string_member (p, "name"));
          panelists += g_str_equal (role, "panelist");
          presiders += g_str_equal (role, "presider");
        }
      g_assert_cmpuint (panelists, ==, 3);
      g_assert_cmpuint (presiders, ==, 1);
    }

  /* The same data gives the same slots and people. */
  g_assert_cmpint (run (f, "--json", "session", "suggest", "--case", f->number, "--kind", "hearing",
                        "--duration", "120", "--panel", "3", "--from", "2026-12-01", "--to", "2026-12-04",
                        "--venue", f->hall), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (f->cli.out, ==, first_run);

  g_assert_cmpint (run (f, "session", "suggest", "--case", f->number, "--kind", "mediation",
                        "--duration", "60", "--from", "2026-12-07", "--to", "2026-12-07", "--count", "1"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_true (g_str_has_prefix (f->cli.out, "1. 2026-12-07 08:30–09:30"));
  g_assert_nonnull (strstr (f->cli.out, "mediator"));

  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "session", "suggest", "--case", f->number, "--kind", "mediation",
                  "--duration", "5", "--from", "2026-12-07", "--to", "2026-12-07");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "session", "suggest", "--case", f->number, "--kind", "mediation",
                  "--duration", "60", "--from", "2026-12-07", "--to", "2026-12-07", "--venue", "hall");
}

static void
test_absence (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *id = book_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", f->room, f->mediator);
  g_autofree char *label = g_strdup_printf ("Session %s:", id);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *broken;

  g_assert_cmpint (run (f, "session", "broken"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (f->cli.out, ==, "No session breaks a hard rule.\n");

  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "person", "absence", "add", f->mediator, "--from", "next week", "--to", "2026-12-08");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "person", "absence", "add", f->mediator, "--from", "2026-12-08");
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "person", "absence", "add", "999", "--from", "2026-12-08", "--to", "2026-12-08");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "person", "absence", "add", f->mediator, "--from", "2026-12-09",
                  "--to", "2026-12-08 12:00");

  /* A plain date is the whole local day. */
  g_assert_cmpint (run (f, "person", "absence", "add", f->mediator, "--from", "2026-12-08", "--to", "2026-12-08",
                        "--reason", "出差"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "Warning"));
  g_assert_nonnull (strstr (f->cli.out, label));
  g_assert_nonnull (strstr (f->cli.out, "absent"));

  g_assert_cmpint (run (f, "--json", "session", "broken", "--person", f->mediator), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  broken = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (broken), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (broken, 0), "id"), ==,
                   g_ascii_strtoll (id, NULL, 10));
  g_assert_true (array_has_rule (json_object_get_array_member (json_array_get_object_element (broken, 0), "conflicts"),
                                 "absent"));

  /* An absence that touches nothing booked. */
  g_assert_cmpint (run (f, "--json", "person", "absence", "add", f->mediator2, "--from", "2026-12-08 14:00",
                        "--to", "2026-12-08 17:00"), ==, ACCORD_TEST_EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  root = accord_test_parse_json (f->cli.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "from"), ==, "2026-12-08T14:00:00+08:00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "broken")), ==, 0);
  g_assert_cmpint (check_mediation (f, "2026-12-08 15:00", "2026-12-08 16:00", NULL, f->mediator2), ==, ACCORD_TEST_EXIT_REFUSED);
  g_assert_true (has_rule (f->cli.out, "absent"));
}

static void
test_availability (Fixture       *f,
                   gconstpointer  data)
{
  /* 2026-12-08 is a Tuesday. */
  g_assert_cmpint (run (f, "person", "availability", "set", f->mediator, "--slot", "1:08:30-12:00",
                        "--slot", "3:14:00-17:30"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (check_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", NULL, f->mediator), ==, ACCORD_TEST_EXIT_REFUSED);
  g_assert_true (has_rule (f->cli.out, "unavailable"));
  g_assert_cmpint (check_mediation (f, "2026-12-07 09:00", "2026-12-07 10:00", NULL, f->mediator), ==, ACCORD_TEST_EXIT_OK);

  g_assert_cmpint (run (f, "person", "availability", "set", f->mediator, "--clear"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (check_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", NULL, f->mediator), ==, ACCORD_TEST_EXIT_OK);

  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "person", "availability", "set", f->mediator);
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "person", "availability", "set", f->mediator, "--clear", "--slot", "1:08:30-12:00");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "person", "availability", "set", f->mediator, "--slot", "Monday 8-12");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "person", "availability", "set", f->mediator, "--slot", "8:08:30-12:00");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "person", "availability", "set", f->mediator, "--slot", "1:12:00-08:30");
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "person", "availability", "set", "999", "--clear");
}

static void
test_interest (Fixture       *f,
               gconstpointer  data)
{
  g_assert_cmpint (check_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", NULL, f->mediator), ==, ACCORD_TEST_EXIT_OK);

  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "person", "interest", "add", f->mediator);
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "person", "interest", "add", f->mediator, "--case", f->number,
                  "--petitioner-id", "1");
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "person", "interest", "add", f->mediator, "--case", "XF-1999-999999");

  g_assert_cmpint (run (f, "person", "interest", "add", f->mediator, "--case", f->number, "--note", "申请人亲属"),
                   ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (check_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", NULL, f->mediator), ==, ACCORD_TEST_EXIT_REFUSED);
  g_assert_true (has_rule (f->cli.out, "recusal"));
  /* Someone else may mediate. */
  g_assert_cmpint (check_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", NULL, f->mediator2), ==, ACCORD_TEST_EXIT_OK);
}

static void
test_venue_close (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = book_mediation (f, "2026-12-09 09:00", "2026-12-09 10:00", f->room, f->mediator);
  g_autofree char *label = g_strdup_printf ("Session %s:", id);
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (run (f, "venue", "close", f->room), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, label));
  g_assert_nonnull (strstr (f->cli.out, "venue-closed"));
  g_assert_cmpint (check_mediation (f, "2026-12-10 09:00", "2026-12-10 10:00", f->room, f->mediator), ==, ACCORD_TEST_EXIT_REFUSED);
  g_assert_true (has_rule (f->cli.out, "venue-closed"));

  g_assert_cmpint (run (f, "--json", "venue", "open", f->room), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "active"));
  g_assert_cmpint (check_mediation (f, "2026-12-10 09:00", "2026-12-10 10:00", f->room, f->mediator), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "session", "broken", "--venue", f->room), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (f->cli.out, ==, "No session breaks a hard rule.\n");

  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "venue", "close", "999");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "venue", "close");
}

static const char busy_ics[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Accord tests//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:busy-1@test\r\n"
  "DTSTAMP:20261101T000000Z\r\n"
  "DTSTART:20261214T010000Z\r\n"
  "DTEND:20261214T030000Z\r\n"
  "SUMMARY:Busy\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:busy-2@test\r\n"
  "DTSTAMP:20261101T000000Z\r\n"
  "DTSTART;VALUE=DATE:20261215\r\n"
  "DTEND;VALUE=DATE:20261216\r\n"
  "SUMMARY:Leave\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_ics (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *id = book_mediation (f, "2026-12-08 09:00", "2026-12-08 10:00", f->room, f->mediator);
  g_autofree char *out = g_build_filename (f->cli.dir, "sessions.ics", NULL);
  g_autofree char *busy = write_file (f, "busy.ics", busy_ics);
  g_autofree char *bad = write_file (f, "bad.ics", "BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n");
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (f, "export", "ics", "--person", f->mediator, "--out", out), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "1 session"));
  g_file_get_contents (out, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (text, f->number));
  g_assert_null (strstr (text, ID_NUMBER));

  g_assert_cmpint (run (f, "--json", "export", "ics", "--session", id, "--out", out), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "sessions"), ==, 1);
  g_assert_cmpint (run (f, "export", "ics", "--venue", f->hall, "--from", "2026-12-01", "--to", "2026-12-31",
                        "--out", out), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "0 sessions"));

  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "export", "ics", "--out", out);
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "export", "ics", "--person", f->mediator, "--venue", f->room, "--out", out);
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "export", "ics", "--person", f->mediator);
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "export", "ics", "--person", "999", "--out", out);

  g_assert_cmpint (run (f, "import", "ics", "--person", f->mediator2, busy), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (f->cli.out, ==, "Recorded 2 absences\n");
  g_assert_cmpint (check_mediation (f, "2026-12-14 09:00", "2026-12-14 10:00", NULL, f->mediator2), ==, ACCORD_TEST_EXIT_REFUSED);
  g_assert_true (has_rule (f->cli.out, "absent"));
  g_assert_cmpint (check_mediation (f, "2026-12-15 14:00", "2026-12-15 15:00", NULL, f->mediator2), ==, ACCORD_TEST_EXIT_REFUSED);
  g_assert_cmpint (check_mediation (f, "2026-12-16 09:00", "2026-12-16 10:00", NULL, f->mediator2), ==, ACCORD_TEST_EXIT_OK);

  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "import", "ics", "--person", f->mediator2, bad);
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "import", "ics", busy);
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "import", "ics", "--person", f->mediator2, "missing.ics");
  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *good = write_file (f, "2027.txt",
                                      "# A test calendar\n"
                                      "year 2027\n"
                                      "2027-01-01 holiday 元旦\n"
                                      "2027-01-02 holiday 元旦\n"
                                      "2027-01-03 holiday 元旦\n"
                                      "2027-02-20 workday 春节调休\n");
  g_autofree char *bad = write_file (f, "bad.txt", "year 2027\n2027-13-45 holiday 元旦\n");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *year;

  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "calendar", "import", bad);
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "calendar", "import", "missing.txt");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "calendar", "import");

  g_assert_cmpint (run (f, "calendar", "import", good), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "calendar", "show", "2027"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "2027-01-01  元旦"));
  g_assert_nonnull (strstr (f->cli.out, "2027-02-20"));

  g_assert_cmpint (run (f, "--json", "calendar", "show", "2027"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  year = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (year, "year"), ==, 2027);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (year, "holidays")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (year, "worked_weekend_days")), ==, 1);
  /* 261 weekdays in 2027, less New Year's Day, plus one worked Saturday. */
  g_assert_cmpint (json_object_get_int_member (year, "working_days"), ==, 261);

  /* The imported holiday now counts when scheduling. */
  g_assert_cmpint (check_mediation (f, "2027-01-01 09:00", "2027-01-01 10:00", NULL, f->mediator), ==, ACCORD_TEST_EXIT_REFUSED);
  g_assert_true (has_rule (f->cli.out, "non-working-day"));

  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "calendar", "show", "next");
  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/cli/session/help", test_help);
  ADD ("/cli/session/check", test_check);
  ADD ("/cli/session/add", test_add);
  ADD ("/cli/session/move-cancel", test_move_cancel);
  ADD ("/cli/session/list-show", test_list_show);
  ADD ("/cli/session/suggest", test_suggest);
  ADD ("/cli/person/absence", test_absence);
  ADD ("/cli/person/availability", test_availability);
  ADD ("/cli/person/interest", test_interest);
  ADD ("/cli/venue/close", test_venue_close);
  ADD ("/cli/ics", test_ics);
  ADD ("/cli/calendar", test_calendar);

#undef ADD

  return g_test_run ();
}
