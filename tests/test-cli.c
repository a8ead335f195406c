/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-cli"

#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

/* accord-cli runs as a child process against a fresh database in a
 * temporary directory.  "Today" is fixed through ACCORD_TODAY. */

#define TODAY "2026-11-20"
#define ID_NUMBER "11010519491231002X"
#define ID_NUMBER_MASKED "110105********002X"
#define ID_NUMBER_2 "440305198807150015"
#define ID_NUMBER_BAD_CHECK "110105194912310021"
#define PHONE "13812345678"
#define PHONE_MASKED "138****5678"
#define PHONE_2 "13987654321"
#define ADDRESS "北京市朝阳区建国路88号"
#define CATEGORY "劳动社保"

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
child_environment (Fixture  *f,
                   gboolean  db_in_env)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "ACCORD_TODAY", TODAY, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "ACCORD_DB");
  if (db_in_env)
    envp = g_environ_setenv (envp, "ACCORD_DB", f->db, TRUE);

  return envp;
}

/* Runs accord-cli with @args (NULL-terminated); --db comes first unless
 * the database is passed through ACCORD_DB.  Returns the exit status. */
static int
run_argv (Fixture            *f,
          gboolean            db_in_env,
          const char * const *args)
{
  const char *cli = g_getenv ("ACCORD_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = child_environment (f, db_in_env);
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  fixture_clear_output (f);

  g_ptr_array_add (argv, (gpointer) cli);
  if (!db_in_env)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, f->db);
    }
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

#define run(f, ...) run_argv ((f), FALSE, (const char * const []) { __VA_ARGS__, NULL })

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

static void
assert_error_line (Fixture *f)
{
  g_assert_true (g_str_has_prefix (f->err, "accord-cli: "));
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

  g_assert_cmpint (run_argv (f, FALSE, args), ==, expected);
  assert_error_line (f);
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
                        "--category", CATEGORY, "--channel", "visit"), ==, EXIT_OK);
  return g_strstrip (g_strdup (f->out));
}

static guint
json_array_length_of (const char *text)
{
  g_autoptr(JsonNode) root = parse_json (text);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_get_length (json_node_get_array (root));
}

static const char *
case_status (Fixture    *f,
             const char *number)
{
  static char status[64];
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (run (f, "--json", "case", "show", number), ==, EXIT_OK);
  root = parse_json (f->out);
  g_strlcpy (status, json_object_get_string_member (json_node_get_object (root), "status"), sizeof status);
  return status;
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

  f->dir = g_dir_make_tmp ("accord-cli-XXXXXX", &error);
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
test_init (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpint (run (f, "init"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, f->db));
  g_assert_nonnull (strstr (f->out, "Schema version: "));

  g_assert_cmpint (run (f, "init", "--json"), ==, EXIT_OK);
  root = parse_json (f->out);
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
  g_assert_cmpint (run (f, "case", "list"), ==, EXIT_ERROR);
  assert_error_line (f);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  g_free (f->db);
  f->db = g_steal_pointer (&db);
}

static void
test_db_from_environment (Fixture       *f,
                          gconstpointer  data)
{
  g_free (add_case (f, "环境变量指定数据库"));
  g_assert_cmpint (run_argv (f, TRUE, (const char * const []) { "case", "list", "--json", NULL }), ==, EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 1);
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (run (f, "--help"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "init"));
  g_assert_nonnull (strstr (f->out, "case"));
  g_assert_nonnull (strstr (f->out, "person"));
  g_assert_nonnull (strstr (f->out, "audit"));
  g_assert_nonnull (strstr (f->out, "--json"));

  g_assert_cmpint (run (f, "case", "--help"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "request-re-review"));
  g_assert_nonnull (strstr (f->out, "show"));

  g_assert_cmpint (run (f, "case", "add", "--help"), ==, EXIT_OK);
  for (const char * const *o = (const char * const []) { "--title", "--petitioner", "--id-number",
                                                         "--phone", "--address", "--category",
                                                         "--channel", "--received", "--summary",
                                                         "--collective", "--repeat", "--cross-level",
                                                         "--litigation-related", "--db", "--reveal",
                                                         NULL };
       *o != NULL; o++)
    g_assert_nonnull (strstr (f->out, *o));

  g_assert_cmpint (run (f, "case", "decline", "--help"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "--reason"));
  g_assert_cmpint (run (f, "seed", "--help"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "--if-empty"));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *number = add_case (f, "用法错误测试");

  assert_refused (f, EXIT_USAGE, "case", "list", "--bogus");
  assert_refused (f, EXIT_USAGE, "--bogus", "case", "list");
  assert_refused (f, EXIT_USAGE, "frobnicate");
  g_assert_nonnull (strstr (f->err, "frobnicate"));
  assert_refused (f, EXIT_USAGE, "case", "frobnicate");
  assert_refused (f, EXIT_USAGE, "case");
  assert_refused (f, EXIT_USAGE, "case", "show");
  assert_refused (f, EXIT_USAGE, "case", "show", number, "extra");
  assert_refused (f, EXIT_USAGE, "case", "list", "--limit", "0");
  assert_refused (f, EXIT_USAGE, "case", "add", "--petitioner", "张三", "--id-number", ID_NUMBER,
                  "--phone", PHONE, "--category", CATEGORY, "--channel", "visit");
  /* The i-th --id-number belongs to the i-th --petitioner. */
  assert_refused (f, EXIT_USAGE, "case", "add", "--title", "两人", "--petitioner", "张三",
                  "--petitioner", "李四", "--id-number", ID_NUMBER, "--phone", PHONE,
                  "--phone", PHONE_2, "--category", CATEGORY, "--channel", "visit");

  /* A word that might be personal data is not repeated on stderr. */
  assert_refused (f, EXIT_USAGE, ID_NUMBER);
  g_assert_null (strstr (f->err, ID_NUMBER));

  g_assert_cmpint (run_argv (f, FALSE, (const char * const []) { NULL }), ==, EXIT_USAGE);
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
                        "--channel", "letter", "--received", "2026-11-02", "--collective"), ==, EXIT_OK);
  root = parse_json (f->out);
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
                        "--category", "其他", "--channel", "phone"), ==, EXIT_OK);
  root = parse_json (f->out);
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
  assert_refused (f, EXIT_REFUSED, "case", "add", "--title", "校验位错误", "--petitioner", "张三",
                  "--id-number", ID_NUMBER_BAD_CHECK, "--phone", PHONE,
                  "--category", CATEGORY, "--channel", "visit");
  g_assert_nonnull (strstr (f->err, "Resident ID number"));
  g_assert_null (strstr (f->err, ID_NUMBER_BAD_CHECK));
  g_assert_null (strstr (f->err, "张三"));

  assert_refused (f, EXIT_REFUSED, "case", "add", "--title", "电话错误", "--petitioner", "张三",
                  "--id-number", ID_NUMBER, "--phone", "12345",
                  "--category", CATEGORY, "--channel", "visit");
  g_assert_nonnull (strstr (f->err, "Phone"));

  assert_refused (f, EXIT_REFUSED, "case", "add", "--title", "渠道错误", "--petitioner", "张三",
                  "--id-number", ID_NUMBER, "--phone", PHONE,
                  "--category", CATEGORY, "--channel", "pigeon");
  assert_refused (f, EXIT_REFUSED, "case", "add", "--title", "", "--petitioner", "张三",
                  "--id-number", ID_NUMBER, "--phone", PHONE,
                  "--category", CATEGORY, "--channel", "visit");

  g_assert_cmpint (run (f, "--json", "case", "list"), ==, EXIT_OK);
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
  g_assert_cmpint (run (f, "--json", "case", "list"), ==, EXIT_OK);
  root = parse_json (f->out);
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

  g_assert_cmpint (run (f, "case", "list", "--json", "--search", "农民工工资"), ==, EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (f->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  c = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (c, "number"), ==, first);

  /* Shorter than a trigram. */
  g_assert_cmpint (run (f, "--json", "case", "list", "--search", "物业"), ==, EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 1);

  g_assert_cmpint (run (f, "--json", "case", "list", "--limit", "2"), ==, EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 2);
  g_assert_cmpint (run (f, "--json", "case", "list", "--status", "accepted"), ==, EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 0);
  g_assert_cmpint (run (f, "--json", "case", "list", "--category", CATEGORY), ==, EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 3);

  /* Plain text: piped output keeps whole titles; personal data is masked. */
  g_assert_cmpint (run (f, "case", "list"), ==, EXIT_OK);
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

  g_assert_cmpint (run (f, "case", "show", number), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, number));
  g_assert_nonnull (strstr (f->out, "医疗纠纷"));
  g_assert_nonnull (strstr (f->out, "Title:"));
  g_assert_nonnull (strstr (f->out, "Registered"));
  g_assert_nonnull (strstr (f->out, ID_NUMBER_MASKED));
  g_assert_nonnull (strstr (f->out, PHONE_MASKED));
  g_assert_null (strstr (f->out, ID_NUMBER));
  g_assert_null (strstr (f->out, ADDRESS));

  g_assert_cmpint (run (f, "--reveal", "case", "show", number), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, ID_NUMBER));
  g_assert_nonnull (strstr (f->out, PHONE));
  g_assert_nonnull (strstr (f->out, ADDRESS));

  g_assert_cmpint (run (f, "case", "show", "XF-1999-999999"), ==, EXIT_ERROR);
  assert_error_line (f);
}

static void
test_workflow (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *number = add_case (f, "全流程");
  g_autoptr(JsonNode) root = NULL;

  /* Refusals first, while the case is registered. */
  assert_refused (f, EXIT_REFUSED, "case", "reply", number, "--opinion", "support");
  g_assert_nonnull (strstr (f->err, "accepted"));
  /* A missing required option is a usage error, decided before core is asked. */
  assert_refused (f, EXIT_USAGE, "case", "decline", number);
  g_assert_nonnull (strstr (f->err, "--reason"));
  assert_refused (f, EXIT_REFUSED, "case", "accept", number, "--date", "2027-01-01");
  assert_refused (f, EXIT_REFUSED, "case", "accept", number, "--expect-version", "99");
  assert_refused (f, EXIT_ERROR, "case", "accept", "XF-1999-999999");

  g_assert_cmpint (run (f, "case", "accept", number), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "Accepted"));
  g_assert_cmpint (run (f, "case", "assign", number, "--unit", "区人社局", "--date", TODAY), ==, EXIT_OK);
  g_assert_cmpstr (case_status (f, number), ==, "assigned");
  assert_refused (f, EXIT_REFUSED, "case", "reply", number, "--opinion", "maybe");
  g_assert_cmpint (run (f, "case", "reply", number, "--opinion", "support"), ==, EXIT_OK);
  g_assert_cmpstr (case_status (f, number), ==, "replied");
  g_assert_cmpint (run (f, "case", "request-review", number), ==, EXIT_OK);
  g_assert_cmpstr (case_status (f, number), ==, "review");
  g_assert_cmpint (run (f, "case", "review-reply", number, "--opinion", "explain"), ==, EXIT_OK);
  g_assert_cmpstr (case_status (f, number), ==, "reviewed");
  g_assert_cmpint (run (f, "case", "request-re-review", number), ==, EXIT_OK);
  g_assert_cmpstr (case_status (f, number), ==, "re_review");

  g_assert_cmpint (run (f, "--json", "case", "re-review-reply", number, "--opinion", "not_support"), ==, EXIT_OK);
  root = parse_json (f->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "status"), ==, "terminated");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "re_review_opinion"), ==, "not_support");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "responsible_unit"), ==, "区人社局");

  g_assert_cmpint (run (f, "case", "evaluate", number, "--rating", "basically_satisfied"), ==, EXIT_OK);
  assert_refused (f, EXIT_REFUSED, "case", "evaluate", number, "--rating", "satisfied");
  assert_refused (f, EXIT_USAGE, "case", "evaluate", number, "--date", TODAY, "--rating", "satisfied");
}

static void
test_workflow_short (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *terminated = add_case (f, "答复后终结");
  g_autofree char *declined = add_case (f, "不予受理");
  g_autoptr(JsonNode) root = NULL;
  gint64 version;

  g_assert_cmpint (run (f, "--json", "case", "accept", terminated), ==, EXIT_OK);
  root = parse_json (f->out);
  version = json_object_get_int_member (json_node_get_object (root), "version");
  assert_refused (f, EXIT_REFUSED, "case", "terminate", terminated);

  g_assert_cmpint (run (f, "case", "reply", terminated, "--opinion", "explain",
                        "--expect-version", "0"), ==, EXIT_OK);
  g_assert_cmpint (run (f, "case", "terminate", terminated), ==, EXIT_OK);
  g_assert_cmpstr (case_status (f, terminated), ==, "terminated");
  g_assert_cmpint (version, >=, 1);

  g_assert_cmpint (run (f, "case", "decline", declined, "--reason", "属于诉讼程序"), ==, EXIT_OK);
  g_assert_cmpstr (case_status (f, declined), ==, "declined");
  assert_refused (f, EXIT_REFUSED, "case", "accept", declined);
}

static void
test_expect_version (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *number = add_case (f, "版本检查");
  g_autofree char *version = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (run (f, "--json", "case", "show", number), ==, EXIT_OK);
  root = parse_json (f->out);
  version = g_strdup_printf ("%" G_GINT64_FORMAT,
                             json_object_get_int_member (json_node_get_object (root), "version"));

  g_assert_cmpint (run (f, "case", "accept", number, "--expect-version", version), ==, EXIT_OK);
  /* The same version again is now stale. */
  assert_refused (f, EXIT_REFUSED, "case", "assign", number, "--unit", "区住建局",
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
                        "--role", "mediator", "--org", "某某律师事务所", "--phone", PHONE_2), ==, EXIT_OK);
  root = parse_json (f->out);
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

  g_assert_cmpint (run (f, "person", "add", "--name", "王代表", "--role", "npc_deputy"), ==, EXIT_OK);
  g_assert_cmpint (g_ascii_strtoll (f->out, NULL, 10), >, 0);

  assert_refused (f, EXIT_REFUSED, "person", "add", "--name", "某人", "--role", "astrologer");
  assert_refused (f, EXIT_USAGE, "person", "add", "--name", "某人");

  g_assert_cmpint (run (f, "--json", "person", "list"), ==, EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 2);
  g_assert_null (strstr (f->out, PHONE_2));
  g_assert_cmpint (run (f, "--json", "person", "list", "--role", "mediator"), ==, EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 1);
  g_assert_cmpint (run (f, "person", "list"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "王代表"));
  g_assert_null (strstr (f->out, PHONE_2));
  g_assert_cmpint (run (f, "--reveal", "person", "list"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, PHONE_2));
}

static void
test_venue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *venue;

  g_assert_cmpint (run (f, "--json", "venue", "add", "--name", "第一听证室", "--capacity", "30",
                        "--address", "市信访局三楼"), ==, EXIT_OK);
  root = parse_json (f->out);
  venue = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (venue, "id"), >, 0);
  g_assert_cmpint (json_object_get_int_member (venue, "capacity"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (venue, "address"), ==, "市信访局三楼");

  g_assert_cmpint (run (f, "venue", "add", "--name", "调解室", "--capacity", "8"), ==, EXIT_OK);
  assert_refused (f, EXIT_USAGE, "venue", "add", "--name", "无容量");
  assert_refused (f, EXIT_USAGE, "venue", "add", "--name", "坏容量", "--capacity", "many");

  g_assert_cmpint (run (f, "--json", "venue", "list"), ==, EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 2);
  g_assert_cmpint (run (f, "venue", "list"), ==, EXIT_OK);
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
  g_assert_cmpint (run (f, "case", "accept", first), ==, EXIT_OK);
  g_assert_cmpint (run (f, "audit", "verify"), ==, EXIT_OK);
  g_assert_cmpstr (f->out, ==, "Audit log intact: 3 entries\n");

  tamper_audit (f);
  before = read_db (f);
  g_assert_cmpint (run (f, "audit", "verify"), ==, EXIT_ERROR);
  assert_error_line (f);
  g_assert_nonnull (strstr (f->err, "Audit log broken at entry 2"));
  g_assert_cmpstr (f->out, ==, "");
  after = read_db (f);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_seed (Fixture       *f,
           gconstpointer  data)
{
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (f, "seed", "--cases", "50", "--people", "15", "--seed", "7"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "50 cases"));

  g_assert_cmpint (run (f, "--json", "case", "list", "--limit", "1000"), ==, EXIT_OK);
  g_assert_cmpuint (json_array_length_of (f->out), ==, 50);
  g_assert_cmpint (run (f, "case", "list", "--limit", "5"), ==, EXIT_OK);
  lines = g_strsplit (g_strchomp (f->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5);

  g_assert_cmpint (run (f, "seed", "--if-empty"), ==, EXIT_OK);
  g_assert_nonnull (strstr (f->out, "nothing to do"));
  assert_refused (f, EXIT_ERROR, "seed", "--cases", "5");
  assert_refused (f, EXIT_USAGE, "seed", "--cases", "-5");

  g_assert_cmpint (run (f, "audit", "verify"), ==, EXIT_OK);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

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

#undef ADD

  return g_test_run ();
}
