/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-cli-report"

#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* case deadlines, case extend and report indicators, run as a child
 * process against a fresh database in a temporary directory.  "Today" is
 * fixed through ACCORD_TODAY; the national deadline profile is in force. */

#define TODAY "2026-11-20"
#define ID_NUMBER "11010519491231002X"
#define PHONE "13812345678"

enum
{
  EXIT_OK = 0,
  EXIT_ERROR = 1,
  EXIT_USAGE = 2,
  EXIT_REFUSED = 3,
};

typedef struct
{
  char *dir;
  char *db;
  char *out;
  char *err;
} Fixture;

/* Helpers */

static void
fixture_clear_output (Fixture *f)
{
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
}

static char **
child_environment (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "ACCORD_TODAY", TODAY, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "ACCORD_DB");

  return envp;
}

/* Runs accord-cli --db DB with @args (NULL-terminated); returns the exit status. */
static int
run_argv (Fixture            *f,
          const char * const *args)
{
  const char *cli = g_getenv ("ACCORD_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = child_environment ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  fixture_clear_output (f);

  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &f->out, &f->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  g_test_message ("exit %d\nstdout: %s\nstderr: %s", WEXITSTATUS (wait_status), f->out, f->err);
  return WEXITSTATUS (wait_status);
}

#define run(f, ...) run_argv ((f), (const char * const []) { __VA_ARGS__, NULL })

static GBytes *
read_db (Fixture *f)
{
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  /* Every connection is closed after a command, so the WAL has been
   * checkpointed into the main file and removed (or left empty). */
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);

  g_file_get_contents (f->db, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Runs a command that must be refused with @expected and must leave the
 * database file exactly as it was. */
static void
assert_refused_argv (Fixture            *f,
                     int                 expected,
                     const char * const *args)
{
  g_autoptr(GBytes) before = read_db (f);
  g_autoptr(GBytes) after = NULL;

  g_assert_cmpint (run_argv (f, args), ==, expected);
  g_assert_true (g_str_has_prefix (f->err, "accord-cli: "));
  if (expected == EXIT_USAGE)
    g_assert_nonnull (strstr (f->err, "--help"));

  after = read_db (f);
  g_assert_true (g_bytes_equal (before, after));
}

#define assert_refused(f, code, ...) \
  assert_refused_argv ((f), (code), (const char * const []) { __VA_ARGS__, NULL })

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
add_case (Fixture    *f,
          const char *received)
{
  g_assert_cmpint (run (f, "case", "add", "--title", "期限测试", "--petitioner", "张三",
                        "--id-number", ID_NUMBER, "--phone", PHONE, "--category", "其他",
                        "--channel", "visit", "--received", received), ==, EXIT_OK);
  return g_strstrip (g_strdup (f->out));
}

static void
transition (Fixture    *f,
            const char *verb,
            const char *number,
            const char *option,
            const char *value)
{
  if (option != NULL)
    g_assert_cmpint (run (f, "case", verb, number, option, value), ==, EXIT_OK);
  else
    g_assert_cmpint (run (f, "case", verb, number), ==, EXIT_OK);
}

/* Received 2026-11-18, accepted 2026-11-19. */
static char *
add_accepted_case (Fixture *f)
{
  char *number = add_case (f, "2026-11-18");

  transition (f, "accept", number, "--date", "2026-11-19");
  return number;
}

/* The step @step of the `case deadlines --json` array in @root. */
static JsonObject *
deadline_of (JsonNode   *root,
             const char *step)
{
  JsonArray *deadlines;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  deadlines = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (deadlines); i++)
    {
      JsonObject *deadline = json_array_get_object_element (deadlines, i);

      if (g_strcmp0 (json_object_get_string_member (deadline, "step"), step) == 0)
        return deadline;
    }

  g_assert_not_reached ();
}

static JsonNode *
deadlines_json (Fixture    *f,
                const char *number)
{
  g_assert_cmpint (run (f, "--json", "case", "deadlines", number), ==, EXIT_OK);
  return parse_json (f->out);
}

static JsonObject *
member_object (JsonNode   *root,
               const char *name)
{
  return json_object_get_object_member (json_node_get_object (root), name);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("accord-cli-report-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "accord.db", NULL);

  g_assert_cmpint (run (f, "init"), ==, EXIT_OK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  fixture_clear_output (f);
  g_free (f->db);
  g_free (f->dir);
}

/* Tests */

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (run (f, "--help"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "report"));

  g_assert_cmpint (run (f, "case", "--help"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "deadlines"));
  g_assert_nonnull (strstr (f->out, "extend"));

  g_assert_cmpint (run (f, "case", "extend", "--help"), ==, EXIT_OK);
  for (const char * const *o = (const char * const []) { "--step", "--days", "--approver", "--reason", NULL };
       *o != NULL; o++)
    g_assert_nonnull (strstr (f->out, *o));

  g_assert_cmpint (run (f, "report", "--help"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "indicators"));
  g_assert_cmpint (run (f, "report", "indicators", "--help"), ==, EXIT_OK);
  for (const char * const *o = (const char * const []) { "--from", "--to", "--unit", NULL }; *o != NULL; o++)
    g_assert_nonnull (strstr (f->out, *o));
}

static void
test_deadlines (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *number = add_accepted_case (f);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *reply;
  JsonObject *accept;

  /* Text: piped, so the facts are a column of their own. */
  g_assert_cmpint (run (f, "case", "deadlines", number), ==, EXIT_OK);
  g_assert_true (g_str_has_prefix (f->out, "Step"));
  g_assert_nonnull (strstr (f->out, "Facts"));
  g_assert_nonnull (strstr (f->out, "2027-01-18"));
  g_assert_nonnull (strstr (f->out, "2026-12-03"));
  g_assert_nonnull (strstr (f->out, "60 days"));
  g_assert_nonnull (strstr (f->out, "5 working days"));
  g_assert_nonnull (strstr (f->out, "on time"));
  g_assert_nonnull (strstr (f->out, "met"));
  g_assert_nonnull (strstr (f->out, "60 days from acceptance on 2026-11-19"));

  root = deadlines_json (f, number);
  reply = deadline_of (root, "reply");
  g_assert_cmpstr (json_object_get_string_member (reply, "start_date"), ==, "2026-11-19");
  g_assert_cmpint (json_object_get_int_member (reply, "days"), ==, 60);
  g_assert_false (json_object_get_boolean_member (reply, "working_days"));
  g_assert_cmpint (json_object_get_int_member (reply, "extension_days"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (reply, "excluded_days"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (reply, "due_date"), ==, "2027-01-18");
  g_assert_true (json_object_get_null_member (reply, "done_date"));
  g_assert_cmpstr (json_object_get_string_member (reply, "state"), ==, "on_time");
  g_assert_nonnull (strstr (json_object_get_string_member (reply, "facts"), "2027-01-18"));
  g_assert_cmpstr (json_object_get_string_member (reply, "label"), !=, "");

  accept = deadline_of (root, "accept");
  g_assert_cmpstr (json_object_get_string_member (accept, "start_date"), ==, "2026-11-18");
  g_assert_cmpint (json_object_get_int_member (accept, "days"), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (accept, "due_date"), ==, "2026-12-03");
  g_assert_cmpstr (json_object_get_string_member (accept, "done_date"), ==, "2026-11-19");
  g_assert_cmpstr (json_object_get_string_member (accept, "state"), ==, "met");

  /* Usage and unknown cases. */
  assert_refused (f, EXIT_USAGE, "case", "deadlines");
  assert_refused (f, EXIT_USAGE, "case", "deadlines", number, "extra");
  assert_refused (f, EXIT_ERROR, "case", "deadlines", "XF-1999-999999");
}

static void
test_extend (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *number = add_accepted_case (f);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) extended = NULL;
  JsonObject *reply;

  /* Over the 30-day limit, a step that cannot be extended, an unknown
   * step: refused, nothing written. */
  assert_refused (f, EXIT_REFUSED, "case", "extend", number, "--step", "reply", "--days", "31",
                  "--approver", "王局长", "--reason", "情况复杂");
  g_assert_nonnull (strstr (f->err, "30"));
  assert_refused (f, EXIT_REFUSED, "case", "extend", number, "--step", "accept", "--days", "5",
                  "--approver", "王局长", "--reason", "材料不全");
  assert_refused (f, EXIT_REFUSED, "case", "extend", number, "--step", "reply", "--days", "0",
                  "--approver", "王局长", "--reason", "情况复杂");
  assert_refused (f, EXIT_REFUSED, "case", "extend", number, "--step", "reply", "--days", "10",
                  "--approver", "", "--reason", "情况复杂");
  assert_refused (f, EXIT_ERROR, "case", "extend", "XF-1999-999999", "--step", "reply", "--days", "10",
                  "--approver", "王局长", "--reason", "情况复杂");

  /* Every option is required: a usage error, before core is asked. */
  assert_refused (f, EXIT_USAGE, "case", "extend", number, "--days", "30", "--approver", "王局长",
                  "--reason", "情况复杂");
  assert_refused (f, EXIT_USAGE, "case", "extend", number, "--step", "reply", "--approver", "王局长",
                  "--reason", "情况复杂");
  g_assert_nonnull (strstr (f->err, "--days"));
  assert_refused (f, EXIT_USAGE, "case", "extend", number, "--step", "reply", "--days", "30",
                  "--reason", "情况复杂");
  assert_refused (f, EXIT_USAGE, "case", "extend", number, "--step", "reply", "--days", "30",
                  "--approver", "王局长");
  assert_refused (f, EXIT_USAGE, "case", "extend", "--step", "reply", "--days", "30",
                  "--approver", "王局长", "--reason", "情况复杂");

  /* 60 + 30 days from 2026-11-19 is Wednesday 2027-02-17. */
  g_assert_cmpint (run (f, "case", "extend", number, "--step", "reply", "--days", "30",
                        "--approver", "王局长", "--reason", "需要补充调查"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, number));
  g_assert_nonnull (strstr (f->out, "2027-02-17"));

  g_assert_cmpint (run (f, "case", "deadlines", number), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "+30 days"));
  g_assert_nonnull (strstr (f->out, "2027-02-17"));
  g_assert_nonnull (strstr (f->out, "extended by 30 days"));

  root = deadlines_json (f, number);
  reply = deadline_of (root, "reply");
  g_assert_cmpint (json_object_get_int_member (reply, "extension_days"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (reply, "due_date"), ==, "2027-02-17");
  g_assert_cmpstr (json_object_get_string_member (deadline_of (root, "accept"), "due_date"), ==, "2026-12-03");

  /* The limit is for all extensions together. */
  assert_refused (f, EXIT_REFUSED, "case", "extend", number, "--step", "reply", "--days", "1",
                  "--approver", "王局长", "--reason", "再延");

  /* --json prints the extended step. */
  {
    g_autofree char *other = add_accepted_case (f);

    g_assert_cmpint (run (f, "--json", "case", "extend", other, "--step", "reply", "--days", "10",
                          "--approver", "王局长", "--reason", "等待鉴定结论"), ==, EXIT_OK);
    extended = parse_json (f->out);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (extended), "step"), ==, "reply");
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (extended), "extension_days"), ==, 10);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (extended), "due_date"), ==,
                     "2027-01-28");
  }

  g_assert_cmpint (run (f, "audit", "verify"), ==, EXIT_OK);
}

/* The register of tests/test-reminders.c, whose counts are asserted there
 * through the C API; no leader is set, so nothing counts for resolution. */
static void
add_register (Fixture *f)
{
  g_autofree char *a = add_case (f, "2026-10-01");   /* accepted in time */
  g_autofree char *b = add_case (f, "2026-10-01");   /* accepted late */
  g_autofree char *c = add_case (f, "2026-10-05");   /* declined in time */
  g_autofree char *d = add_case (f, "2026-11-18");   /* not due yet */
  g_autofree char *e = add_case (f, "2026-07-01");   /* replied on time, satisfied */
  g_autofree char *ff = add_case (f, "2026-07-01");  /* replied late, never rated */
  g_autofree char *g = add_case (f, "2026-07-01");   /* never replied */

  transition (f, "accept", a, "--date", "2026-10-10");
  transition (f, "accept", b, "--date", "2026-10-20");
  g_assert_cmpint (run (f, "case", "decline", c, "--date", "2026-10-08", "--reason", "不属于本机关职责范围"),
                   ==, EXIT_OK);
  for (const char **n = (const char *[]) { e, ff, g, NULL }; *n != NULL; n++)
    transition (f, "accept", *n, "--date", "2026-07-02");
  g_assert_cmpint (run (f, "case", "reply", e, "--date", "2026-08-20", "--opinion", "support"), ==, EXIT_OK);
  g_assert_cmpint (run (f, "case", "reply", ff, "--date", "2026-09-15", "--opinion", "explain"), ==, EXIT_OK);
  transition (f, "evaluate", e, "--rating", "satisfied");
  (void) d;
}

static void
assert_rate (JsonObject *indicator,
             double      expected)
{
  g_assert_false (json_object_get_null_member (indicator, "rate"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (indicator, "rate"), expected, 0.001);
}

static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) by_unit = NULL;
  g_autoptr(JsonNode) defaults = NULL;
  JsonObject *o;

  add_register (f);

  g_assert_cmpint (run (f, "--json", "report", "indicators", "--from", "2026-07-01", "--to", "2026-11-19"),
                   ==, EXIT_OK);
  root = parse_json (f->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "from"), ==, "2026-07-01");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "to"), ==, "2026-11-19");
  g_assert_true (json_object_get_null_member (json_node_get_object (root), "unit"));

  o = member_object (root, "acceptance");
  g_assert_cmpint (json_object_get_int_member (o, "due"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (o, "timely"), ==, 5);
  assert_rate (o, 83.33);

  o = member_object (root, "completion");
  g_assert_cmpint (json_object_get_int_member (o, "due"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (o, "on_time"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "late"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "unreplied"), ==, 1);
  assert_rate (o, 33.33);

  o = member_object (root, "participation");
  g_assert_cmpint (json_object_get_int_member (o, "rated"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "overdue_unrated"), ==, 1);
  assert_rate (o, 50.0);

  o = member_object (root, "satisfaction");
  g_assert_cmpint (json_object_get_int_member (o, "satisfied"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "basically_satisfied"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "dissatisfied"), ==, 0);
  assert_rate (o, 100.0);

  o = member_object (root, "resolution");
  g_assert_cmpint (json_object_get_int_member (o, "led"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "resolved"), ==, 0);
  g_assert_true (json_object_get_null_member (o, "rate"));

  /* Text */
  g_assert_cmpint (run (f, "report", "indicators", "--from", "2026-07-01", "--to", "2026-11-19"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "Timely acceptance rate: 83.33 % (5 / 6)"));
  g_assert_nonnull (strstr (f->out, "On-time completion rate: 33.33 % (1 / 3)"));
  g_assert_nonnull (strstr (f->out, "Participation rate: 50.00 % (1 / 2)"));
  g_assert_nonnull (strstr (f->out, "Satisfaction rate: 100.00 % (1 / 1)"));
  g_assert_nonnull (strstr (f->out, "Resolution rate (cases with a leader in charge): — (0 / 0)"));
  g_assert_nonnull (strstr (f->out, "On time: 1, late: 1, not replied: 1"));
  g_assert_nonnull (strstr (f->out, "Satisfied: 1, basically satisfied: 0, dissatisfied: 0"));

  /* Defaults: from January 1 of this year to today. */
  g_assert_cmpint (run (f, "report", "indicators", "--json"), ==, EXIT_OK);
  defaults = parse_json (f->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (defaults), "from"), ==, "2026-01-01");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (defaults), "to"), ==, TODAY);
  g_assert_cmpint (json_object_get_int_member (member_object (defaults, "acceptance"), "due"), ==, 6);

  /* By responsible unit: none of these was assigned. */
  g_assert_cmpint (run (f, "--json", "report", "indicators", "--from", "2026-07-01", "--to", "2026-11-19",
                        "--unit", "区民政局"), ==, EXIT_OK);
  by_unit = parse_json (f->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (by_unit), "unit"), ==, "区民政局");
  g_assert_cmpint (json_object_get_int_member (member_object (by_unit, "acceptance"), "due"), ==, 0);
  g_assert_true (json_object_get_null_member (member_object (by_unit, "acceptance"), "rate"));

  assert_refused (f, EXIT_REFUSED, "report", "indicators", "--from", "2026-13-01");
  assert_refused (f, EXIT_USAGE, "report", "indicators", "extra");
  assert_refused (f, EXIT_USAGE, "report");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/cli/report/help", test_help);
  ADD ("/cli/case/deadlines", test_deadlines);
  ADD ("/cli/case/extend", test_extend);
  ADD ("/cli/report/indicators", test_indicators);

#undef ADD

  return g_test_run ();
}
