/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-cli-report"

#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "accord-test-util.h"

/* case deadlines, case extend and report indicators, run as a child
 * process against a fresh database in a temporary directory.  "Today" is
 * fixed through ACCORD_TODAY; the national deadline profile is in force. */

#define TODAY ACCORD_TEST_CLI_TODAY
#define ID_NUMBER "11010519491231002X"
#define PHONE "13812345678"

typedef AccordTestCli Fixture;

/* Helpers */

#define run(f, ...) accord_test_cli_run ((f), __VA_ARGS__)
#define assert_refused(f, code, ...) accord_test_cli_assert_refused ((f), (code), __VA_ARGS__)

static char *
add_case (Fixture    *f,
          const char *received)
{
  g_assert_cmpint (run (f, "case", "add", "--title", "期限测试", "--petitioner", "张三",
                        "--id-number", ID_NUMBER, "--phone", PHONE, "--category", "其他",
                        "--channel", "visit", "--received", received), ==, ACCORD_TEST_EXIT_OK);
  return accord_test_cli_stripped_output (f);
}

static void
transition (Fixture    *f,
            const char *verb,
            const char *number,
            const char *option,
            const char *value)
{
  if (option != NULL)
    g_assert_cmpint (run (f, "case", verb, number, option, value), ==, ACCORD_TEST_EXIT_OK);
  else
    g_assert_cmpint (run (f, "case", verb, number), ==, ACCORD_TEST_EXIT_OK);
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
  g_assert_cmpint (run (f, "--json", "case", "deadlines", number), ==, ACCORD_TEST_EXIT_OK);
  return accord_test_parse_json (f->out);
}

static JsonObject *
member_object (JsonNode   *root,
               const char *name)
{
  return json_object_get_object_member (json_node_get_object (root), name);
}

/* Tests */

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (run (f, "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "report"));

  g_assert_cmpint (run (f, "case", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "deadlines"));
  g_assert_nonnull (strstr (f->out, "extend"));

  g_assert_cmpint (run (f, "case", "extend", "--help"), ==, ACCORD_TEST_EXIT_OK);
  for (const char * const *o = (const char * const []) { "--step", "--days", "--approver", "--reason", NULL };
       *o != NULL; o++)
    g_assert_nonnull (strstr (f->out, *o));

  g_assert_cmpint (run (f, "report", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "indicators"));
  g_assert_cmpint (run (f, "report", "indicators", "--help"), ==, ACCORD_TEST_EXIT_OK);
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
  g_assert_cmpint (run (f, "case", "deadlines", number), ==, ACCORD_TEST_EXIT_OK);
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
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "deadlines");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "deadlines", number, "extra");
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "case", "deadlines", "XF-1999-999999");
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
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "extend", number, "--step", "reply", "--days", "31",
                  "--approver", "王局长", "--reason", "情况复杂");
  g_assert_nonnull (strstr (f->err, "30"));
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "extend", number, "--step", "accept", "--days", "5",
                  "--approver", "王局长", "--reason", "材料不全");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "extend", number, "--step", "reply", "--days", "0",
                  "--approver", "王局长", "--reason", "情况复杂");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "extend", number, "--step", "reply", "--days", "10",
                  "--approver", "", "--reason", "情况复杂");
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "case", "extend", "XF-1999-999999", "--step", "reply", "--days", "10",
                  "--approver", "王局长", "--reason", "情况复杂");

  /* Every option is required: a usage error, before core is asked. */
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "extend", number, "--days", "30", "--approver", "王局长",
                  "--reason", "情况复杂");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "extend", number, "--step", "reply", "--approver", "王局长",
                  "--reason", "情况复杂");
  g_assert_nonnull (strstr (f->err, "--days"));
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "extend", number, "--step", "reply", "--days", "30",
                  "--reason", "情况复杂");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "extend", number, "--step", "reply", "--days", "30",
                  "--approver", "王局长");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "extend", "--step", "reply", "--days", "30",
                  "--approver", "王局长", "--reason", "情况复杂");

  /* 60 + 30 days from 2026-11-19 is Wednesday 2027-02-17. */
  g_assert_cmpint (run (f, "case", "extend", number, "--step", "reply", "--days", "30",
                        "--approver", "王局长", "--reason", "需要补充调查"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, number));
  g_assert_nonnull (strstr (f->out, "2027-02-17"));

  g_assert_cmpint (run (f, "case", "deadlines", number), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "+30 days"));
  g_assert_nonnull (strstr (f->out, "2027-02-17"));
  g_assert_nonnull (strstr (f->out, "extended by 30 days"));

  root = deadlines_json (f, number);
  reply = deadline_of (root, "reply");
  g_assert_cmpint (json_object_get_int_member (reply, "extension_days"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (reply, "due_date"), ==, "2027-02-17");
  g_assert_cmpstr (json_object_get_string_member (deadline_of (root, "accept"), "due_date"), ==, "2026-12-03");

  /* The limit is for all extensions together. */
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "extend", number, "--step", "reply", "--days", "1",
                  "--approver", "王局长", "--reason", "再延");

  /* --json prints the extended step. */
  {
    g_autofree char *other = add_accepted_case (f);

    g_assert_cmpint (run (f, "--json", "case", "extend", other, "--step", "reply", "--days", "10",
                          "--approver", "王局长", "--reason", "等待鉴定结论"), ==, ACCORD_TEST_EXIT_OK);
    extended = accord_test_parse_json (f->out);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (extended), "step"), ==, "reply");
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (extended), "extension_days"), ==, 10);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (extended), "due_date"), ==,
                     "2027-01-28");
  }

  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
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
                   ==, ACCORD_TEST_EXIT_OK);
  for (const char **n = (const char *[]) { e, ff, g, NULL }; *n != NULL; n++)
    transition (f, "accept", *n, "--date", "2026-07-02");
  g_assert_cmpint (run (f, "case", "reply", e, "--date", "2026-08-20", "--opinion", "support"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "case", "reply", ff, "--date", "2026-09-15", "--opinion", "explain"), ==, ACCORD_TEST_EXIT_OK);
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
                   ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
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
  g_assert_cmpint (run (f, "report", "indicators", "--from", "2026-07-01", "--to", "2026-11-19"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "Timely acceptance rate: 83.33 % (5 / 6)"));
  g_assert_nonnull (strstr (f->out, "On-time completion rate: 33.33 % (1 / 3)"));
  g_assert_nonnull (strstr (f->out, "Participation rate: 50.00 % (1 / 2)"));
  g_assert_nonnull (strstr (f->out, "Satisfaction rate: 100.00 % (1 / 1)"));
  g_assert_nonnull (strstr (f->out, "Resolution rate (cases with a leader in charge): — (0 / 0)"));
  g_assert_nonnull (strstr (f->out, "On time: 1, late: 1, not replied: 1"));
  g_assert_nonnull (strstr (f->out, "Satisfied: 1, basically satisfied: 0, dissatisfied: 0"));

  /* Defaults: from January 1 of this year to today. */
  g_assert_cmpint (run (f, "report", "indicators", "--json"), ==, ACCORD_TEST_EXIT_OK);
  defaults = accord_test_parse_json (f->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (defaults), "from"), ==, "2026-01-01");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (defaults), "to"), ==, TODAY);
  g_assert_cmpint (json_object_get_int_member (member_object (defaults, "acceptance"), "due"), ==, 6);

  /* By responsible unit: none of these was assigned. */
  g_assert_cmpint (run (f, "--json", "report", "indicators", "--from", "2026-07-01", "--to", "2026-11-19",
                        "--unit", "区民政局"), ==, ACCORD_TEST_EXIT_OK);
  by_unit = accord_test_parse_json (f->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (by_unit), "unit"), ==, "区民政局");
  g_assert_cmpint (json_object_get_int_member (member_object (by_unit, "acceptance"), "due"), ==, 0);
  g_assert_true (json_object_get_null_member (member_object (by_unit, "acceptance"), "rate"));

  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "report", "indicators", "--from", "2026-13-01");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "report", "indicators", "extra");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "report");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, accord_test_cli_set_up, (func), accord_test_cli_tear_down)

  ADD ("/cli/report/help", test_help);
  ADD ("/cli/case/deadlines", test_deadlines);
  ADD ("/cli/case/extend", test_extend);
  ADD ("/cli/report/indicators", test_indicators);

#undef ADD

  return g_test_run ();
}
