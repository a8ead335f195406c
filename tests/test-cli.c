/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-cli"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "accord-test-util.h"
#include <sqlite3.h>

/* accord-cli runs as a child process against a fresh database in a
 * temporary directory.  "Today" is fixed through ACCORD_TODAY. */

#define TODAY ACCORD_TEST_CLI_TODAY
#define ID_NUMBER "11010519491231002X"
#define ID_NUMBER_MASKED "110105********002X"
#define ID_NUMBER_2 "440305198807150015"
#define ID_NUMBER_BAD_CHECK "110105194912310021"
#define PHONE "13812345678"
#define PHONE_MASKED "138****5678"
#define PHONE_2 "13987654321"
#define ADDRESS "北京市朝阳区建国路88号"
#define CATEGORY "劳动社保"

typedef AccordTestCli Fixture;

/* Helpers */

#define run(f, ...) accord_test_cli_run ((f), __VA_ARGS__)
#define assert_refused(f, code, ...) accord_test_cli_assert_refused ((f), (code), __VA_ARGS__)

static JsonObject *
first_petitioner (JsonObject *c)
{
  JsonArray *petitioners = json_object_get_array_member (c, "petitioners");

  g_assert_cmpuint (json_array_get_length (petitioners), >=, 1);
  return json_array_get_object_element (petitioners, 0);
}

static char *
add_case (Fixture    *f,
          const char *title)
{
  g_assert_cmpint (run (f, "case", "add", "--title", title, "--petitioner", "张三",
                        "--id-number", ID_NUMBER, "--phone", PHONE, "--address", ADDRESS,
                        "--category", CATEGORY, "--channel", "visit"), ==, ACCORD_TEST_EXIT_OK);
  return accord_test_cli_stripped_output (f);
}

static guint
json_array_length_of (const char *text)
{
  g_autoptr(JsonNode) root = accord_test_parse_json (text);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_get_length (json_node_get_array (root));
}

static const char *
case_status (Fixture    *f,
             const char *number)
{
  static char status[64];
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (run (f, "--json", "case", "show", number), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  g_strlcpy (status, json_object_get_string_member (json_node_get_object (root), "status"), sizeof status);
  return status;
}

/* Tests */

static void
test_init (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpint (run (f, "init"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, f->db));
  g_assert_nonnull (strstr (f->out, "Schema version: "));

  g_assert_cmpint (run (f, "init", "--json"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, f->db);
  g_assert_cmpint (json_object_get_int_member (object, "schema_version"), >=, 1);
}

/* Only init and seed create a database. */
static void
test_missing_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *db = g_steal_pointer (&f->db);

  f->db = g_build_filename (f->dir, "elsewhere.db", NULL);
  g_assert_cmpint (run (f, "case", "list"), ==, ACCORD_TEST_EXIT_ERROR);
  accord_test_cli_assert_error_line (f);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  g_free (f->db);
  f->db = g_steal_pointer (&db);
}

static void
test_db_from_environment (Fixture       *f,
                          gconstpointer  data)
{
  g_free (add_case (f, "环境变量指定数据库"));
  g_assert_cmpint (accord_test_cli_run_argv (f, TRUE, (const char * const []) { "case", "list", "--json", NULL }), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 1);
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (run (f, "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "init"));
  g_assert_nonnull (strstr (f->out, "case"));
  g_assert_nonnull (strstr (f->out, "person"));
  g_assert_nonnull (strstr (f->out, "audit"));
  g_assert_nonnull (strstr (f->out, "--json"));

  g_assert_cmpint (run (f, "case", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "request-re-review"));
  g_assert_nonnull (strstr (f->out, "show"));

  g_assert_cmpint (run (f, "case", "add", "--help"), ==, ACCORD_TEST_EXIT_OK);
  for (const char * const *o = (const char * const []) { "--title", "--petitioner", "--id-number",
                                                         "--phone", "--address", "--category",
                                                         "--channel", "--received", "--summary",
                                                         "--collective", "--repeat", "--cross-level",
                                                         "--litigation-related", "--db", "--reveal",
                                                         NULL };
       *o != NULL; o++)
    g_assert_nonnull (strstr (f->out, *o));

  g_assert_cmpint (run (f, "case", "decline", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "--reason"));
  g_assert_cmpint (run (f, "seed", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "--if-empty"));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *number = add_case (f, "用法错误测试");

  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "list", "--bogus");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "--bogus", "case", "list");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "frobnicate");
  g_assert_nonnull (strstr (f->err, "frobnicate"));
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "frobnicate");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "show");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "show", number, "extra");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "list", "--limit", "0");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "add", "--petitioner", "张三", "--id-number", ID_NUMBER,
                  "--phone", PHONE, "--category", CATEGORY, "--channel", "visit");
  /* The i-th --id-number belongs to the i-th --petitioner. */
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "add", "--title", "两人", "--petitioner", "张三",
                  "--petitioner", "李四", "--id-number", ID_NUMBER, "--phone", PHONE,
                  "--phone", PHONE_2, "--category", CATEGORY, "--channel", "visit");

  /* A word that might be personal data is not repeated on stderr. */
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, ID_NUMBER);
  g_assert_null (strstr (f->err, ID_NUMBER));

  g_assert_cmpint (accord_test_cli_run_argv (f, FALSE, (const char * const []) { NULL }), ==, ACCORD_TEST_EXIT_USAGE);
}

static void
test_case_add (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *number = add_case (f, "拖欠工资问题");
  g_autoptr(GRegex) shape = g_regex_new ("^XF-[0-9]{4}-000001$", 0, 0, NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *c;
  JsonObject *petitioner;

  g_assert_true (g_regex_match (shape, number, 0, NULL));

  g_assert_cmpint (run (f, "--json", "case", "add", "--title", "征地补偿", "--petitioner", "张三",
                        "--id-number", ID_NUMBER, "--phone", PHONE, "--category", "国土资源",
                        "--channel", "letter", "--received", "2026-11-02", "--collective"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  c = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (c, "id"), >, 0);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (c, "number"), "-000002"));
  g_assert_cmpstr (json_object_get_string_member (c, "title"), ==, "征地补偿");
  g_assert_cmpstr (json_object_get_string_member (c, "received_on"), ==, "2026-11-02");
  g_assert_cmpstr (json_object_get_string_member (c, "status"), ==, "registered");
  g_assert_true (json_object_has_member (c, "accepted_on"));
  g_assert_true (json_object_get_null_member (c, "accepted_on"));
  g_assert_true (json_object_get_boolean_member (c, "collective"));
  g_assert_false (json_object_get_boolean_member (c, "cross_level"));
  g_assert_cmpint (json_object_get_int_member (c, "version"), >=, 1);

  petitioner = first_petitioner (c);
  g_assert_cmpint (json_object_get_int_member (petitioner, "id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (petitioner, "name"), ==, "张三");
  g_assert_cmpstr (json_object_get_string_member (petitioner, "id_number"), ==, ID_NUMBER_MASKED);
  g_assert_cmpstr (json_object_get_string_member (petitioner, "phone"), ==, PHONE_MASKED);
  g_assert_null (strstr (f->out, ID_NUMBER));
  g_assert_null (strstr (f->out, PHONE));
}

static void
test_case_add_reveal (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *petitioners;

  g_assert_cmpint (run (f, "--json", "--reveal", "case", "add", "--title", "邻里纠纷",
                        "--petitioner", "王五", "--id-number", ID_NUMBER, "--phone", PHONE,
                        "--address", ADDRESS,
                        "--petitioner", "赵六", "--id-number", ID_NUMBER_2, "--phone", PHONE_2,
                        "--category", "其他", "--channel", "phone"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  petitioners = json_object_get_array_member (json_node_get_object (root), "petitioners");
  g_assert_cmpuint (json_array_get_length (petitioners), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (petitioners, 0), "id_number"),
                   ==, ID_NUMBER);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (petitioners, 0), "address"),
                   ==, ADDRESS);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (petitioners, 1), "phone"),
                   ==, PHONE_2);
}

static void
test_case_add_invalid (Fixture       *f,
                       gconstpointer  data)
{
  g_free (add_case (f, "先有一件"));
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "add", "--title", "校验位错误", "--petitioner", "张三",
                  "--id-number", ID_NUMBER_BAD_CHECK, "--phone", PHONE,
                  "--category", CATEGORY, "--channel", "visit");
  g_assert_nonnull (strstr (f->err, "Resident ID number"));
  g_assert_null (strstr (f->err, ID_NUMBER_BAD_CHECK));
  g_assert_null (strstr (f->err, "张三"));

  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "add", "--title", "电话错误", "--petitioner", "张三",
                  "--id-number", ID_NUMBER, "--phone", "12345",
                  "--category", CATEGORY, "--channel", "visit");
  g_assert_nonnull (strstr (f->err, "Phone"));

  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "add", "--title", "渠道错误", "--petitioner", "张三",
                  "--id-number", ID_NUMBER, "--phone", PHONE,
                  "--category", CATEGORY, "--channel", "pigeon");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "add", "--title", "", "--petitioner", "张三",
                  "--id-number", ID_NUMBER, "--phone", PHONE,
                  "--category", CATEGORY, "--channel", "visit");

  g_assert_cmpint (run (f, "--json", "case", "list"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 1);
}

static void
test_case_list (Fixture       *f,
                gconstpointer  data)
{
  const char *long_title = "关于某某街道老旧小区加装电梯过程中部分住户意见不一致导致工程长期停滞的问题反映";
  g_autofree char *first = add_case (f, "拖欠农民工工资问题");
  g_autofree char *second = add_case (f, "小区物业收费纠纷");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *c;

  g_free (add_case (f, long_title));
  g_assert_cmpint (run (f, "--json", "case", "list"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
  c = json_array_get_object_element (json_node_get_array (root), 0);
  for (const char * const *key = (const char * const []) { "id", "number", "title", "summary", "category",
                                                           "channel", "status", "received_on",
                                                           "accepted_on", "evaluation", "collective",
                                                           "repeat", "cross_level",
                                                           "litigation_related", "version",
                                                           "petitioners", NULL };
       *key != NULL; key++)
    g_assert_true (json_object_has_member (c, *key));

  g_assert_cmpint (run (f, "case", "list", "--json", "--search", "农民工工资"), ==, ACCORD_TEST_EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  root = accord_test_parse_json (f->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  c = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (c, "number"), ==, first);

  /* Shorter than a trigram. */
  g_assert_cmpint (run (f, "--json", "case", "list", "--search", "物业"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 1);

  g_assert_cmpint (run (f, "--json", "case", "list", "--limit", "2"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 2);
  g_assert_cmpint (run (f, "--json", "case", "list", "--status", "accepted"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 0);
  g_assert_cmpint (run (f, "--json", "case", "list", "--category", CATEGORY), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 3);

  /* Plain text: piped output keeps whole titles; personal data is masked. */
  g_assert_cmpint (run (f, "case", "list"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, second));
  g_assert_nonnull (strstr (f->out, long_title));
  g_assert_nonnull (strstr (f->out, "张三"));
  g_assert_null (strstr (f->out, ID_NUMBER));
}

static void
test_case_show (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *number = add_case (f, "医疗纠纷");

  g_assert_cmpint (run (f, "case", "show", number), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, number));
  g_assert_nonnull (strstr (f->out, "医疗纠纷"));
  g_assert_nonnull (strstr (f->out, "Title:"));
  g_assert_nonnull (strstr (f->out, "Registered"));
  g_assert_nonnull (strstr (f->out, ID_NUMBER_MASKED));
  g_assert_nonnull (strstr (f->out, PHONE_MASKED));
  g_assert_null (strstr (f->out, ID_NUMBER));
  g_assert_null (strstr (f->out, ADDRESS));

  g_assert_cmpint (run (f, "--reveal", "case", "show", number), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, ID_NUMBER));
  g_assert_nonnull (strstr (f->out, PHONE));
  g_assert_nonnull (strstr (f->out, ADDRESS));

  g_assert_cmpint (run (f, "case", "show", "XF-1999-999999"), ==, ACCORD_TEST_EXIT_ERROR);
  accord_test_cli_assert_error_line (f);
}

static void
test_workflow (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *number = add_case (f, "全流程");
  g_autoptr(JsonNode) root = NULL;

  /* Refusals first, while the case is registered. */
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "reply", number, "--opinion", "support");
  g_assert_nonnull (strstr (f->err, "accepted"));
  /* A missing required option is a usage error, decided before core is asked. */
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "decline", number);
  g_assert_nonnull (strstr (f->err, "--reason"));
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "accept", number, "--date", "2027-01-01");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "accept", number, "--expect-version", "99");
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "case", "accept", "XF-1999-999999");

  g_assert_cmpint (run (f, "case", "accept", number), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "Accepted"));
  g_assert_cmpint (run (f, "case", "assign", number, "--unit", "区人社局", "--date", TODAY), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (case_status (f, number), ==, "assigned");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "reply", number, "--opinion", "maybe");
  g_assert_cmpint (run (f, "case", "reply", number, "--opinion", "support"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (case_status (f, number), ==, "replied");
  g_assert_cmpint (run (f, "case", "request-review", number), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (case_status (f, number), ==, "review");
  g_assert_cmpint (run (f, "case", "review-reply", number, "--opinion", "explain"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (case_status (f, number), ==, "reviewed");
  g_assert_cmpint (run (f, "case", "request-re-review", number), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (case_status (f, number), ==, "re_review");

  g_assert_cmpint (run (f, "--json", "case", "re-review-reply", number, "--opinion", "not_support"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "status"), ==, "terminated");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "re_review_opinion"), ==, "not_support");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "responsible_unit"), ==, "区人社局");

  g_assert_cmpint (run (f, "case", "evaluate", number, "--rating", "basically_satisfied"), ==, ACCORD_TEST_EXIT_OK);
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "evaluate", number, "--rating", "satisfied");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "case", "evaluate", number, "--date", TODAY, "--rating", "satisfied");
}

static void
test_workflow_short (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *terminated = add_case (f, "答复后终结");
  g_autofree char *declined = add_case (f, "不予受理");
  g_autoptr(JsonNode) root = NULL;
  gint64 version;

  g_assert_cmpint (run (f, "--json", "case", "accept", terminated), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  version = json_object_get_int_member (json_node_get_object (root), "version");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "terminate", terminated);

  g_assert_cmpint (run (f, "case", "reply", terminated, "--opinion", "explain",
                        "--expect-version", "0"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "case", "terminate", terminated), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (case_status (f, terminated), ==, "terminated");
  g_assert_cmpint (version, >=, 1);

  g_assert_cmpint (run (f, "case", "decline", declined, "--reason", "属于诉讼程序"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (case_status (f, declined), ==, "declined");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "accept", declined);
}

static void
test_expect_version (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *number = add_case (f, "版本检查");
  g_autofree char *version = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (run (f, "--json", "case", "show", number), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  version = g_strdup_printf ("%" G_GINT64_FORMAT,
                             json_object_get_int_member (json_node_get_object (root), "version"));

  g_assert_cmpint (run (f, "case", "accept", number, "--expect-version", version), ==, ACCORD_TEST_EXIT_OK);
  /* The same version again is now stale. */
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "case", "assign", number, "--unit", "区住建局",
                  "--expect-version", version);
}

static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *person;
  JsonArray *roles;

  g_assert_cmpint (run (f, "--json", "person", "add", "--name", "李律师", "--role", "lawyer",
                        "--role", "mediator", "--org", "某某律师事务所", "--phone", PHONE_2), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  person = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (person, "id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "李律师");
  roles = json_object_get_array_member (person, "roles");
  g_assert_cmpuint (json_array_get_length (roles), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, "lawyer");
  g_assert_cmpstr (json_object_get_string_member (person, "organisation"), ==, "某某律师事务所");
  g_assert_cmpstr (json_object_get_string_member (person, "phone"), ==, "139****4321");
  g_assert_true (json_object_get_boolean_member (person, "active"));
  g_assert_true (json_object_has_member (person, "version"));

  g_assert_cmpint (run (f, "person", "add", "--name", "王代表", "--role", "npc_deputy"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (g_ascii_strtoll (f->out, NULL, 10), >, 0);

  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "person", "add", "--name", "某人", "--role", "astrologer");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "person", "add", "--name", "某人");

  g_assert_cmpint (run (f, "--json", "person", "list"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 2);
  g_assert_null (strstr (f->out, PHONE_2));
  g_assert_cmpint (run (f, "--json", "person", "list", "--role", "mediator"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 1);
  g_assert_cmpint (run (f, "person", "list"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "王代表"));
  g_assert_null (strstr (f->out, PHONE_2));
  g_assert_cmpint (run (f, "--reveal", "person", "list"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, PHONE_2));
}

static void
test_venue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *venue;

  g_assert_cmpint (run (f, "--json", "venue", "add", "--name", "第一听证室", "--capacity", "30",
                        "--address", "市信访局三楼"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  venue = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (venue, "id"), >, 0);
  g_assert_cmpint (json_object_get_int_member (venue, "capacity"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (venue, "address"), ==, "市信访局三楼");

  g_assert_cmpint (run (f, "venue", "add", "--name", "调解室", "--capacity", "8"), ==, ACCORD_TEST_EXIT_OK);
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "venue", "add", "--name", "无容量");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "venue", "add", "--name", "坏容量", "--capacity", "many");

  g_assert_cmpint (run (f, "--json", "venue", "list"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 2);
  g_assert_cmpint (run (f, "venue", "list"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "调解室"));
}

static void
tamper_audit (Fixture *f)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET details = '{}' WHERE id = 2", NULL, NULL, &message),
                   ==, SQLITE_OK);
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *first = add_case (f, "审计一");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_free (add_case (f, "审计二"));
  g_assert_cmpint (run (f, "case", "accept", first), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (f->out, ==, "Audit log intact: 3 entries\n");

  tamper_audit (f);
  before = accord_test_cli_read_db (f);
  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_ERROR);
  accord_test_cli_assert_error_line (f);
  g_assert_nonnull (strstr (f->err, "Audit log broken at entry 2"));
  g_assert_cmpstr (f->out, ==, "");
  after = accord_test_cli_read_db (f);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_seed (Fixture       *f,
           gconstpointer  data)
{
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (f, "seed", "--cases", "50", "--people", "15", "--seed", "7"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "50 cases"));

  g_assert_cmpint (run (f, "--json", "case", "list", "--limit", "1000"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 50);
  g_assert_cmpint (run (f, "case", "list", "--limit", "5"), ==, ACCORD_TEST_EXIT_OK);
  lines = g_strsplit (g_strchomp (f->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5);

  g_assert_cmpint (run (f, "seed", "--if-empty"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "nothing to do"));
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "seed", "--cases", "5");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "seed", "--cases", "-5");

  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
}

static guint
backups_listed (Fixture *f)
{
  g_assert_cmpint (run (f, "--json", "backup", "list"), ==, ACCORD_TEST_EXIT_OK);
  return json_array_length_of (f->out);
}

/* A backup while the database is in use, the daily one once a day, and a
 * restore that brings the records back and keeps those it replaced; a file
 * that is not a backup is refused and changes nothing. */
static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *daily = g_build_filename (f->dir, "backups", "accord-" TODAY ".db", NULL);
  g_autofree char *out = g_build_filename (f->dir, "before.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autoptr(JsonNode) root = NULL;
  GStatBuf st;

  g_assert_cmpuint (backups_listed (f), ==, 0);
  g_assert_cmpint (run (f, "seed", "--cases", "20", "--people", "10"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "backup"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_true (g_str_has_prefix (f->out, "Backed up to "));
  g_assert_cmpstr (g_strstrip (f->out + strlen ("Backed up to ")), ==, daily);
  g_assert_cmpint (g_stat (daily, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (run (f, "--json", "backup", "--auto"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "made"));
  g_assert_cmpint (run (f, "backup", "--auto"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "nothing to do"));
  g_assert_cmpuint (backups_listed (f), ==, 1);

  g_assert_cmpint (run (f, "backup", "--out", out), ==, ACCORD_TEST_EXIT_OK);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_free (add_case (f, "备份之后登记"));
  g_assert_cmpint (run (f, "--json", "case", "list", "--limit", "100"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 21);

  g_assert_cmpint (run (f, "restore", out), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "accord-before-restore-"));
  g_assert_cmpint (run (f, "--json", "case", "list", "--limit", "100"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 20);
  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (backups_listed (f), ==, 2);

  g_assert_true (g_file_set_contents (text, "这不是数据库\n", -1, NULL));
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "restore", text);
  g_assert_nonnull (strstr (f->err, "nothing was changed"));
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "restore", "missing.db");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "restore");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "backup", "--out", out, "--auto");
  g_assert_cmpuint (backups_listed (f), ==, 2);
}

/* The reminder timer's run makes the daily backup once a day; a dry run
 * makes none. */
static void
test_remind_backup (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpint (run (f, "remind", "--dry-run"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpuint (backups_listed (f), ==, 0);

  g_assert_cmpint (run (f, "remind"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (f->out, ==, "No reminders are due.\n");
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpuint (backups_listed (f), ==, 1);
  g_assert_cmpint (run (f, "backup", "--auto"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->out, "nothing to do"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, accord_test_cli_set_up, (func), accord_test_cli_tear_down)

  ADD ("/cli/init", test_init);
  ADD ("/cli/missing-database", test_missing_database);
  ADD ("/cli/db-from-environment", test_db_from_environment);
  ADD ("/cli/help", test_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/case/add", test_case_add);
  ADD ("/cli/case/add-reveal", test_case_add_reveal);
  ADD ("/cli/case/add-invalid", test_case_add_invalid);
  ADD ("/cli/case/list", test_case_list);
  ADD ("/cli/case/show", test_case_show);
  ADD ("/cli/case/workflow", test_workflow);
  ADD ("/cli/case/workflow-short", test_workflow_short);
  ADD ("/cli/case/expect-version", test_expect_version);
  ADD ("/cli/person", test_person);
  ADD ("/cli/venue", test_venue);
  ADD ("/cli/audit", test_audit);
  ADD ("/cli/seed", test_seed);
  ADD ("/cli/backup", test_backup);
  ADD ("/cli/remind-backup", test_remind_backup);

#undef ADD

  return g_test_run ();
}
