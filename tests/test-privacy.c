/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-privacy"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <sqlite3.h>

#include "accord-reminders.h"
#include "accord-test-util.h"

/* ID numbers, phone numbers and addresses are shown masked in lists,
 * exports, documents and notifications unless the user asks for them, and
 * never written to logs (DOMAIN.md §6).  accord-cli runs as a child process
 * with every debug message on, on a demo bureau and a case whose personal
 * data is known; everything it prints, every file it writes and the audit
 * log are searched for the personal data of every petitioner and person in
 * the database. */

#define TODAY ACCORD_TEST_CLI_TODAY
#define ID_NUMBER "11010519491231002X"
#define PHONE "13812345678"
#define ADDRESS "北京市朝阳区建国路88号"
#define ID_NUMBER_2 "320102197503151236"
#define PHONE_2 "13987654321"
#define ADDRESS_2 "江苏省南京市玄武区中山路18号"
#define ID_NUMBER_BAD_CHECK "510107199206112340"
#define OFFICER_PHONE "13900001111"
#define STROKES "[[{\"x\":0.1,\"y\":0.5,\"p\":0.5,\"t\":0},{\"x\":0.9,\"y\":0.5,\"p\":0.7,\"t\":120}]]"

/* A case with known personal data, heard on 2026-11-10 with an officer
 * presiding and three panelists; its outcome and an issued closure
 * commitment.  Around it, a seeded demo bureau. */
typedef struct
{
  AccordTestCli  cli;
  char          *number;
  char          *officer;
  char          *venue;
  char          *session;
  char          *document;
} Fixture;

/* Helpers */

#define run(f, ...) accord_test_cli_run (&(f)->cli, __VA_ARGS__)

static char *
run_output (Fixture            *f,
            const char * const *args)
{
  g_assert_cmpint (accord_test_cli_run_argv (&f->cli, FALSE, args), ==, ACCORD_TEST_EXIT_OK);
  return accord_test_cli_stripped_output (&f->cli);
}

#define output(f, ...) run_output ((f), (const char * const []) { __VA_ARGS__, NULL })

/* "Now" for the reminders: the day before the follow-up visit. */
static gint64
reminder_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 14, 2, 0, 0);

  return g_date_time_to_unix (now);
}

/* Runs accord-cli as accord_test_cli_run_argv() does, but with every debug
 * message of every log domain on and "now" fixed; it must succeed.
 * Returns what it printed on standard output and standard error. */
static char *
run_logged_argv (Fixture            *f,
                 const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, reminder_now ());
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  envp = g_environ_setenv (envp, "ACCORD_TODAY", TODAY, TRUE);
  envp = g_environ_setenv (envp, "ACCORD_NOW", now, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "G_MESSAGES_DEBUG", "all", TRUE);
  envp = g_environ_unsetenv (envp, "ACCORD_DB");

  g_ptr_array_add (argv, (gpointer) g_getenv ("ACCORD_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->cli.db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f->cli.dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("%s\nstdout: %s\nstderr: %s", args[0], out, err);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, ACCORD_TEST_EXIT_OK);

  return g_strconcat (out, err, NULL);
}

#define run_logged(f, ...) run_logged_argv ((f), (const char * const []) { __VA_ARGS__, NULL })

static void
add_column (GPtrArray  *secrets,
            sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (sqlite3_column_text (stmt, 0) != NULL)
      g_ptr_array_add (secrets, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
}

/* Every ID number, phone number and address of a petitioner, and every
 * phone number of a person in the pool, as the database holds them. */
static GPtrArray *
secrets (Fixture *f)
{
  GPtrArray *secrets = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->cli.db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  add_column (secrets, db, "SELECT id_number FROM petitioner");
  add_column (secrets, db, "SELECT phone FROM petitioner");
  add_column (secrets, db, "SELECT address FROM petitioner");
  add_column (secrets, db, "SELECT phone FROM person");
  sqlite3_close (db);

  /* Not vacuous: the known values are among them. */
  for (const char * const *known = (const char * const []) { ID_NUMBER, PHONE, ADDRESS, OFFICER_PHONE, NULL };
       *known != NULL; known++)
    g_assert_true (g_ptr_array_find_with_equal_func (secrets, *known, g_str_equal, NULL));
  g_assert_cmpuint (secrets->len, >, 20);

  return secrets;
}

static void
assert_no_secret (Fixture    *f,
                  const char *what,
                  const char *text)
{
  g_autoptr(GPtrArray) all = secrets (f);

  g_assert_nonnull (text);
  for (guint i = 0; i < all->len; i++)
    if (strstr (text, g_ptr_array_index (all, i)) != NULL)
      g_error ("%s shows personal data in full: %s", what, (const char *) g_ptr_array_index (all, i));
}

static void
assert_revealed (const char *what,
                 const char *text)
{
  for (const char * const *known = (const char * const []) { ID_NUMBER, PHONE, ADDRESS, NULL };
       *known != NULL; known++)
    if (strstr (text, *known) == NULL)
      g_error ("%s does not show %s although asked to", what, *known);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* An iCalendar file's text with its folded lines joined again. */
static char *
unfolded (const char *ics)
{
  g_autofree char *text = read_text (ics);
  g_autoptr(GString) joined = g_string_new (text);

  g_string_replace (joined, "\r\n ", "", 0);
  g_string_replace (joined, "\n ", "", 0);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* The text of every page of a PDF, without white space. */
static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      for (const char *p = page_text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (text, g_utf8_get_char (p));
      g_object_unref (page);
    }
  g_object_unref (document);
  g_assert_cmpuint (text->len, >, 0);
  return g_string_free (text, FALSE);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->cli.dir, name, NULL);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = path_in (f, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Fixture */

static void
build_hearing (Fixture *f)
{
  g_autofree char *presider = NULL;
  char *panel[3] = { NULL };
  char *votes[3] = { NULL };
  const char *roles[3] = { "lawyer", "npc_deputy", "expert" };
  const char *names[3] = { "王芳", "李建国", "孙丽华" };

  f->officer = output (f, "person", "add", "--name", "周建华", "--role", "officer", "--phone", OFFICER_PHONE);
  presider = g_strdup_printf ("%s:presider", f->officer);
  for (guint i = 0; i < G_N_ELEMENTS (panel); i++)
    {
      g_autofree char *id = output (f, "person", "add", "--name", names[i], "--role", roles[i]);

      panel[i] = g_strdup_printf ("%s:panelist", id);
      votes[i] = g_strdup_printf ("%s:support", id);
    }
  f->venue = output (f, "venue", "add", "--name", "隐私听证室", "--capacity", "20");
  f->session = output (f, "session", "add", "--case", f->number, "--kind", "hearing",
                       "--start", "2026-11-10 14:00", "--end", "2026-11-10 16:00", "--venue", f->venue,
                       "--notice-date", "2026-11-01", "--with", presider, "--with", panel[0],
                       "--with", panel[1], "--with", panel[2]);
  g_assert_cmpint (run (f, "outcome", "record", f->session, "--result", "agreement",
                        "--opinion", "建议按照征收补偿方案支付补偿款，信访人息诉罢访。",
                        "--present", f->officer, "--vote", votes[0], "--vote", votes[1], "--vote", votes[2],
                        "--term", "区住房和城乡建设委员会|支付补偿款|220000|2026-12-31",
                        "--follow-up", "2026-12-15", "--facts", "信访人房屋于2026年5月纳入征收范围。"), ==,
                   ACCORD_TEST_EXIT_OK);
  for (guint i = 0; i < G_N_ELEMENTS (panel); i++)
    {
      g_free (panel[i]);
      g_free (votes[i]);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;

  accord_test_cli_set_up (&f->cli, data);
  g_assert_cmpint (run (f, "seed", "--cases", "12", "--people", "10", "--sessions", "8", "--seed", "5"), ==,
                   ACCORD_TEST_EXIT_OK);
  f->number = output (f, "case", "add", "--title", "房屋征收补偿问题", "--petitioner", "张三",
                      "--id-number", ID_NUMBER, "--phone", PHONE, "--address", ADDRESS,
                      "--category", "城乡建设", "--channel", "visit", "--received", "2026-10-09");
  build_hearing (f);

  g_assert_cmpint (run (f, "--json", "doc", "issue", "--kind", "closure_commitment", "--case", f->number,
                        "--session", f->session), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  f->document = g_strdup_printf ("%" G_GINT64_FORMAT,
                                 json_object_get_int_member (json_node_get_object (root), "id"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->number);
  g_free (f->officer);
  g_free (f->venue);
  g_free (f->session);
  g_free (f->document);
  accord_test_cli_tear_down (&f->cli, data);
}

/* Tests */

/* Lists, shows, reports, reminders, checks and backups, in text and JSON,
 * with every debug message on: no personal data in full. */
static void
test_masked_output (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = write_file (f, "cases.csv",
                                     "title,category,channel,petitioner_name,petitioner_id_number,"
                                     "petitioner_phone,petitioner_address\n"
                                     "拖欠工资问题,劳动社保,letter,钱七," ID_NUMBER_2 "," PHONE_2 "," ADDRESS_2 "\n");
  const char * const *commands[] = {
    (const char * const []) { "case", "list", NULL },
    (const char * const []) { "--json", "case", "list", "--limit", "100", NULL },
    (const char * const []) { "case", "list", "--search", "张三", NULL },
    (const char * const []) { "case", "show", f->number, NULL },
    (const char * const []) { "--json", "case", "show", f->number, NULL },
    (const char * const []) { "--json", "case", "deadlines", f->number, NULL },
    (const char * const []) { "person", "list", NULL },
    (const char * const []) { "--json", "person", "list", NULL },
    (const char * const []) { "--json", "venue", "list", NULL },
    (const char * const []) { "session", "list", "--from", "2026-10-01", "--to", "2027-01-31", NULL },
    (const char * const []) { "--json", "session", "list", "--from", "2026-10-01", "--to", "2027-01-31", NULL },
    (const char * const []) { "session", "show", f->session, NULL },
    (const char * const []) { "--json", "session", "show", f->session, NULL },
    (const char * const []) { "--json", "session", "broken", NULL },
    (const char * const []) { "outcome", "show", f->session, NULL },
    (const char * const []) { "--json", "outcome", "show", f->session, NULL },
    (const char * const []) { "doc", "list", NULL },
    (const char * const []) { "--json", "doc", "list", NULL },
    (const char * const []) { "remind", "--dry-run", "--limit", "100", NULL },
    (const char * const []) { "--json", "remind", "--dry-run", NULL },
    (const char * const []) { "report", "indicators", NULL },
    (const char * const []) { "--json", "report", "indicators", NULL },
    (const char * const []) { "--json", "case", "import", csv, NULL },
    (const char * const []) { "--json", "case", "accept", f->number, NULL },
    (const char * const []) { "audit", "verify", NULL },
    (const char * const []) { "--json", "audit", "verify", NULL },
    (const char * const []) { "backup", NULL },
    (const char * const []) { "--json", "backup", "list", NULL },
  };
  guint reminded = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *what = g_strjoinv (" ", (char **) commands[i]);
      g_autofree char *text = run_logged_argv (f, commands[i]);

      assert_no_secret (f, what, text);
      if (strstr (what, "remind") != NULL && strstr (text, f->number) != NULL)
        reminded++;
    }
  /* The reminders did speak of the case, in text and in JSON. */
  g_assert_cmpuint (reminded, ==, 2);

  /* The imported petitioner's data is now in the database, and was not
   * shown either. */
  {
    g_autoptr(GPtrArray) all = secrets (f);

    g_assert_true (g_ptr_array_find_with_equal_func (all, ADDRESS_2, g_str_equal, NULL));
  }
}

/* --reveal shows them; without it the same commands do not. */
static void
test_revealed_output (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = run_logged (f, "--reveal", "case", "show", f->number);
  g_autofree char *json = run_logged (f, "--json", "--reveal", "case", "show", f->number);
  g_autofree char *people = run_logged (f, "--reveal", "person", "list");
  g_autofree char *masked = run_logged (f, "person", "list");

  assert_revealed ("case show --reveal", text);
  assert_revealed ("case show --json --reveal", json);
  g_assert_nonnull (strstr (people, OFFICER_PHONE));
  g_assert_null (strstr (masked, OFFICER_PHONE));
}

/* Drafts, issued documents, the case file and calendar exports are masked;
 * only a draft printed for signature carries the data in full. */
static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *draft = path_in (f, "draft.pdf");
  g_autofree char *agreement = path_in (f, "agreement.pdf");
  g_autofree char *notice = path_in (f, "notice.pdf");
  g_autofree char *minutes = path_in (f, "minutes.pdf");
  g_autofree char *opinion = path_in (f, "opinion.pdf");
  g_autofree char *mediation = path_in (f, "mediation.pdf");
  g_autofree char *issued = path_in (f, "issued.pdf");
  g_autofree char *signed_pdf = path_in (f, "signed.pdf");
  g_autofree char *case_file = path_in (f, "case-file.pdf");
  g_autofree char *for_signature = path_in (f, "for-signature.pdf");
  g_autofree char *session_ics = path_in (f, "session.ics");
  g_autofree char *person_ics = path_in (f, "person.ics");
  g_autofree char *strokes = write_file (f, "strokes.json", STROKES);
  struct { const char *path; const char * const *args; } files[] = {
    { draft, (const char * const []) { "doc", "render", "--kind", "closure_commitment", "--case", f->number,
                                       "--session", f->session, "--out", draft, NULL } },
    { agreement, (const char * const []) { "doc", "render", "--kind", "non_repetition_agreement",
                                           "--case", f->number, "--session", f->session, "--out", agreement,
                                           NULL } },
    { notice, (const char * const []) { "doc", "render", "--kind", "hearing_notice", "--case", f->number,
                                        "--session", f->session, "--out", notice, NULL } },
    { minutes, (const char * const []) { "doc", "render", "--kind", "hearing_minutes", "--case", f->number,
                                         "--session", f->session, "--out", minutes, NULL } },
    { opinion, (const char * const []) { "doc", "render", "--kind", "hearing_opinion", "--case", f->number,
                                         "--session", f->session, "--out", opinion, NULL } },
    { mediation, (const char * const []) { "doc", "render", "--kind", "mediation_agreement", "--case", f->number,
                                           "--session", f->session, "--out", mediation, NULL } },
    { issued, (const char * const []) { "doc", "export", f->document, "--out", issued, NULL } },
    { NULL, (const char * const []) { "--json", "doc", "verify", issued, NULL } },
    { NULL, (const char * const []) { "doc", "sign", f->document, "--signer", "petitioner:0",
                                      "--role", "petitioner", "--strokes", strokes, NULL } },
    { signed_pdf, (const char * const []) { "doc", "export", f->document, "--out", signed_pdf, NULL } },
    { case_file, (const char * const []) { "doc", "case-file", "--case", f->number, "--out", case_file, NULL } },
    { session_ics, (const char * const []) { "export", "ics", "--session", f->session, "--out", session_ics,
                                             NULL } },
    { person_ics, (const char * const []) { "export", "ics", "--person", f->officer, "--from", "2026-10-01",
                                            "--out", person_ics, NULL } },
  };
  g_autofree char *revealed = NULL;
  g_autofree char *revealed_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *what = g_strjoinv (" ", (char **) files[i].args);
      g_autofree char *printed = run_logged_argv (f, files[i].args);
      g_autofree char *written = NULL;

      assert_no_secret (f, what, printed);
      if (files[i].path == NULL)
        continue;
      written = g_str_has_suffix (files[i].path, ".ics") ? unfolded (files[i].path) : pdf_text (files[i].path);
      assert_no_secret (f, files[i].path, written);
    }

  /* The masked closure commitment does name the petitioner and the case. */
  {
    g_autofree char *text = pdf_text (draft);

    g_assert_nonnull (strstr (text, "张三"));
    g_assert_nonnull (strstr (text, f->number));
  }

  revealed = run_logged (f, "doc", "render", "--kind", "closure_commitment", "--case", f->number,
                         "--session", f->session, "--for-signature", "--out", for_signature);
  assert_no_secret (f, "doc render --for-signature", revealed);
  revealed_text = pdf_text (for_signature);
  assert_revealed (for_signature, revealed_text);

  /* A copy with ID numbers in full is readable by its owner alone. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (for_signature, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

/* Refused input is explained without repeating it. */
static void
test_refused_input (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = write_file (f, "refused.csv",
                                     "title,category,channel,petitioner_name,petitioner_id_number,"
                                     "petitioner_phone,petitioner_address\n"
                                     "拖欠工资问题,劳动社保,letter,钱七," ID_NUMBER_2 "," PHONE_2 "," ADDRESS_2 "\n"
                                     "征地补偿问题,国土资源,visit,孙八," ID_NUMBER_BAD_CHECK "," PHONE_2 ",\n");
  const char * const *refused[] = {
    (const char * const []) { "case", "import", csv, NULL },
    (const char * const []) { "case", "add", "--title", "电话有误", "--petitioner", "钱七", "--id-number", ID_NUMBER_2,
                              "--phone", "1398765432", "--address", ADDRESS_2, "--category", "劳动社保",
                              "--channel", "visit", NULL },
    (const char * const []) { "case", "add", "--title", "身份证号有误", "--petitioner", "孙八",
                              "--id-number", ID_NUMBER_BAD_CHECK, "--phone", PHONE_2, "--category", "劳动社保",
                              "--channel", "visit", NULL },
    (const char * const []) { "case", "add", "--title", "同号异名", "--petitioner", "李四", "--id-number", ID_NUMBER,
                              "--phone", PHONE, "--category", "劳动社保", "--channel", "visit", NULL },
    (const char * const []) { "case", "show", ID_NUMBER, NULL },
    (const char * const []) { "case", "accept", PHONE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *what = g_strjoinv (" ", (char **) refused[i]);

      g_assert_cmpint (accord_test_cli_run_argv (&f->cli, FALSE, refused[i]), !=, ACCORD_TEST_EXIT_OK);
      accord_test_cli_assert_error_line (&f->cli);
      for (const char * const *value = (const char * const []) { ID_NUMBER, PHONE, ADDRESS, ID_NUMBER_2, PHONE_2,
                                                                 ADDRESS_2, ID_NUMBER_BAD_CHECK, "1398765432", NULL };
           *value != NULL; value++)
        if (strstr (f->cli.err, *value) != NULL || strstr (f->cli.out, *value) != NULL)
          g_error ("%s repeats %s", what, *value);
    }
}

/* The audit log is a log: its entries hold no personal data, and the
 * chain still verifies after every kind of write above. */
static void
test_audit_log (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *strokes = write_file (f, "strokes.json", STROKES);
  g_autoptr(GString) log = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  guint n_entries = 0;

  g_assert_cmpint (run (f, "case", "accept", f->number), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "case", "add", "--title", "拖欠工资问题", "--petitioner", "钱七", "--id-number", ID_NUMBER_2,
                        "--phone", PHONE_2, "--address", ADDRESS_2, "--category", "劳动社保", "--channel", "letter"),
                   ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "doc", "sign", f->document, "--signer", "petitioner:0", "--role", "petitioner",
                        "--strokes", strokes), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "backup"), ==, ACCORD_TEST_EXIT_OK);

  g_assert_cmpint (sqlite3_open_v2 (f->cli.db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT actor, action, entity, details FROM audit", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 4; i++)
        g_string_append_printf (log, "%s\n", (const char *) sqlite3_column_text (stmt, i));
      n_entries++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (n_entries, >=, 10);
  g_assert_nonnull (strstr (log->str, "case.add"));
  g_assert_nonnull (strstr (log->str, "document.sign"));
  assert_no_secret (f, "the audit log", log->str);

  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
}

/* What the desktop notifications and the case page's timeline say comes
 * from core; neither holds personal data. */
static void
test_reminders_and_timeline (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = accord_store_open (f->cli.db, &error);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GString) said = g_string_new (NULL);
  gboolean about_case = FALSE;

  g_assert_no_error (error);
  reminders = accord_reminders_plan (store, reminder_now (), 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reminders->len; i++)
    {
      AccordReminder *r = g_ptr_array_index (reminders, i);

      g_string_append_printf (said, "%s\n%s\n%s\n", r->key, r->summary, r->body);
      about_case |= g_strcmp0 (r->case_number, f->number) == 0;
    }
  g_assert_true (about_case);

  timeline = accord_store_case_timeline (store, f->number, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, >, 0);
  for (guint i = 0; i < timeline->len; i++)
    {
      AccordCaseEvent *e = g_ptr_array_index (timeline, i);

      g_string_append_printf (said, "%s\n%s\n", e->title, e->detail ? e->detail : "");
    }

  g_clear_object (&store);
  assert_no_secret (f, "the reminders and the timeline", said->str);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* The database and the -wal and -shm files beside it, and the backups,
 * are readable by their owner only, whatever the umask; an older file
 * readable by others is narrowed when opened. */
static void
test_file_modes (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (f, "wide.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backups = path_in (f, "backups");
  g_autofree char *daily = g_build_filename (backups, "accord-" TODAY ".db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordStore) store = NULL;
  mode_t saved = umask (0);

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  store = accord_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (accord_store_set_setting (store, "time_zone", "Asia/Shanghai", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  g_clear_object (&store);

  g_assert_cmpint (run (f, "backup"), ==, ACCORD_TEST_EXIT_OK);
  umask (saved);
  g_assert_cmpuint (file_mode (f->cli.db), ==, 0600);
  g_assert_cmpuint (file_mode (backups), ==, 0700);
  g_assert_cmpuint (file_mode (daily), ==, 0600);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ((path), Fixture, NULL, fixture_set_up, (fn), fixture_tear_down)
  ADD ("/privacy/masked-output", test_masked_output);
  ADD ("/privacy/revealed-output", test_revealed_output);
  ADD ("/privacy/documents", test_documents);
  ADD ("/privacy/refused-input", test_refused_input);
  ADD ("/privacy/audit-log", test_audit_log);
  ADD ("/privacy/reminders-and-timeline", test_reminders_and_timeline);
  ADD ("/privacy/file-modes", test_file_modes);
#undef ADD

  return g_test_run ();
}
