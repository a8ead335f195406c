/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-cli-doc"

#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>
#ifdef HAVE_POPPLER
#include <poppler.h>
#endif

#include "accord-test-util.h"

/* The outcome and doc nouns of accord-cli, run as a child process against
 * a fresh database in a temporary directory: a hearing held on 2026-11-10
 * ("today" is 2026-11-20), its outcome, and the documents issued on it. */

#define ID_NUMBER "11010519491231002X"
#define PHONE "13812345678"
#define UNIT "区住房和城乡建设委员会"
#define CLOSURE_TITLE "息诉罢访承诺书"
#define STROKES "[[{\"x\":0.1,\"y\":0.5,\"p\":0.5,\"t\":0},{\"x\":0.9,\"y\":0.5,\"p\":0.7,\"t\":120}]]"

/* A case, a presiding officer, three panelists, a venue and a hearing. */
typedef struct
{
  char *number;
  char *officer;
  char *panelists[3];
  char *venue;
  char *session;
} Bureau;

typedef struct
{
  AccordTestCli cli;
  Bureau        bureau;
} Fixture;

/* Helpers */

#define run(f, ...) accord_test_cli_run (&(f)->cli, __VA_ARGS__)
#define assert_refused(f, code, ...) accord_test_cli_assert_refused (&(f)->cli, (code), __VA_ARGS__)

static char *
add_person (AccordTestCli *cli,
            const char    *name,
            const char    *role)
{
  g_assert_cmpint (accord_test_cli_run (cli, "person", "add", "--name", name, "--role", role), ==, ACCORD_TEST_EXIT_OK);
  return accord_test_cli_stripped_output (cli);
}

static char *
with (const char *person,
      const char *role)
{
  return g_strdup_printf ("%s:%s", person, role);
}

static void
build_bureau (AccordTestCli *cli,
              Bureau        *b)
{
  g_autofree char *presider = NULL;
  char *panel[3] = { NULL };

  g_assert_cmpint (accord_test_cli_run (cli, "case", "add", "--title", "房屋征收补偿问题", "--petitioner", "张三",
                                        "--id-number", ID_NUMBER, "--phone", PHONE, "--category", "城乡建设",
                                        "--channel", "visit", "--received", "2026-10-09"), ==, ACCORD_TEST_EXIT_OK);
  b->number = accord_test_cli_stripped_output (cli);
  b->officer = add_person (cli, "周建华", "officer");
  b->panelists[0] = add_person (cli, "王芳", "lawyer");
  b->panelists[1] = add_person (cli, "李建国", "npc_deputy");
  b->panelists[2] = add_person (cli, "孙丽华", "expert");
  g_assert_cmpint (accord_test_cli_run (cli, "venue", "add", "--name", "一号听证室", "--capacity", "20"), ==,
                   ACCORD_TEST_EXIT_OK);
  b->venue = accord_test_cli_stripped_output (cli);

  presider = with (b->officer, "presider");
  for (guint i = 0; i < G_N_ELEMENTS (panel); i++)
    panel[i] = with (b->panelists[i], "panelist");
  g_assert_cmpint (accord_test_cli_run (cli, "session", "add", "--case", b->number, "--kind", "hearing",
                                        "--start", "2026-11-10 14:00", "--end", "2026-11-10 16:00",
                                        "--venue", b->venue, "--notice-date", "2026-11-01", "--with", presider,
                                        "--with", panel[0], "--with", panel[1], "--with", panel[2]), ==,
                   ACCORD_TEST_EXIT_OK);
  b->session = accord_test_cli_stripped_output (cli);
  g_assert_cmpint (g_ascii_strtoll (b->session, NULL, 10), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (panel); i++)
    g_free (panel[i]);
}

static void
bureau_clear (Bureau *b)
{
  g_free (b->number);
  g_free (b->officer);
  for (guint i = 0; i < G_N_ELEMENTS (b->panelists); i++)
    g_free (b->panelists[i]);
  g_free (b->venue);
  g_free (b->session);
}

static char *
write_file (AccordTestCli *cli,
            const char    *name,
            const char    *contents,
            gssize         length)
{
  g_autofree char *path = g_build_filename (cli->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The outcome of the hearing: every panelist votes, one term with an
 * amount. */
static int
record_outcome (AccordTestCli *cli,
                const Bureau  *b,
                const char    *minutes_file)
{
  g_autofree char *v0 = g_strdup_printf ("%s:support", b->panelists[0]);
  g_autofree char *v1 = g_strdup_printf ("%s:support", b->panelists[1]);
  g_autofree char *v2 = g_strdup_printf ("%s:oppose:补偿标准偏低", b->panelists[2]);

  return accord_test_cli_run (cli, "outcome", "record", b->session, "--result", "agreement",
                              "--opinion", "建议按照征收补偿方案支付补偿款，信访人息诉罢访。",
                              "--minute", "听证会于14时开始，信访人陈述了诉求。", "--minutes-file", minutes_file,
                              "--present", b->officer, "--vote", v0, "--vote", v1, "--vote", v2,
                              "--term", UNIT "|支付补偿款|220000|2026-12-31", "--follow-up", "2026-12-15",
                              "--facts", "信访人房屋建筑面积86平方米，于2026年5月纳入征收范围。",
                              "--facts", "评估报告已送达信访人。");
}

static gint64
issue (AccordTestCli *cli,
       const Bureau  *b,
       const char    *kind)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *document;

  g_assert_cmpint (accord_test_cli_run (cli, "--json", "doc", "issue", "--kind", kind, "--case", b->number,
                                        "--session", b->session), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (cli->out);
  document = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (document, "kind"), ==, kind);
  g_assert_cmpstr (json_object_get_string_member (document, "status"), ==, "issued");
  g_assert_cmpstr (json_object_get_string_member (document, "case_number"), ==, b->number);
  g_assert_nonnull (json_object_get_string_member (document, "number"));
  g_assert_cmpuint (strlen (json_object_get_string_member (document, "sha256")), ==, 64);
  return json_object_get_int_member (document, "id");
}

static char *
export (AccordTestCli *cli,
        gint64         id,
        const char    *name)
{
  g_autofree char *path = g_build_filename (cli->dir, name, NULL);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_assert_cmpint (accord_test_cli_run (cli, "doc", "export", id_text, "--out", path), ==, ACCORD_TEST_EXIT_OK);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&path);
}

#define MO_MAGIC 0x950412deU
#define DOCUMENT_CONTEXT "document\004"

static guint32
mo_word (const char *mo,
         gsize       length,
         gsize       offset)
{
  guint32 word = 0;

  if (offset + sizeof word <= length)
    memcpy (&word, mo + offset, sizeof word);
  return word;
}

/* Whether the Chinese catalogue of the build translates a text of the
 * documents (context "document") as @text; without that the documents come
 * out in English.  Reads the .mo tables: N at 8, originals at 12,
 * translations at 16, each entry a length and an offset. */
static gboolean
catalogue_has (const char *text)
{
  const char *dir = g_getenv ("ACCORD_LOCALEDIR");
  g_autofree char *path = NULL;
  g_autofree char *mo = NULL;
  gsize length = 0;
  guint32 n, originals, translations;

  if (dir == NULL || *dir == '\0')
    return FALSE;
  path = g_build_filename (dir, "zh_CN", "LC_MESSAGES", "accord.mo", NULL);
  if (!g_file_get_contents (path, &mo, &length, NULL) || mo_word (mo, length, 0) != MO_MAGIC)
    return FALSE;

  n = mo_word (mo, length, 8);
  originals = mo_word (mo, length, 12);
  translations = mo_word (mo, length, 16);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_length = mo_word (mo, length, originals + 8 * i);
      guint32 id_offset = mo_word (mo, length, originals + 8 * i + 4);
      guint32 str_length = mo_word (mo, length, translations + 8 * i);
      guint32 str_offset = mo_word (mo, length, translations + 8 * i + 4);

      if ((gsize) id_offset + id_length >= length || (gsize) str_offset + str_length >= length)
        return FALSE;
      if (g_str_has_prefix (mo + id_offset, DOCUMENT_CONTEXT) && strstr (mo + str_offset, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

#ifdef HAVE_POPPLER
/* The text of every page, without white space. */
static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
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
  return g_string_free (text, FALSE);
}
#endif

static void
assert_pdf_title (const char *path)
{
#ifdef HAVE_POPPLER
  g_autoptr(GBytes) pdf = read_file (path);
  g_autofree char *text = pdf_text (pdf);

  if (!catalogue_has (CLOSURE_TITLE))
    {
      g_test_message ("The Chinese catalogue lacks %s; the title is not checked", CLOSURE_TITLE);
      return;
    }
  g_assert_nonnull (strstr (text, CLOSURE_TITLE));
#else
  g_test_message ("Built without poppler-glib; the PDF's text is not checked");
#endif
}

static JsonObject *
find_document (JsonArray *documents,
               gint64     id)
{
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);

      if (json_object_get_int_member (document, "id") == id)
        return document;
    }

  g_assert_not_reached ();
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  accord_test_cli_set_up (&f->cli, data);
  build_bureau (&f->cli, &f->bureau);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bureau_clear (&f->bureau);
  accord_test_cli_tear_down (&f->cli, data);
}

/* Tests */

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (run (f, "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "outcome"));
  g_assert_nonnull (strstr (f->cli.out, "doc"));

  g_assert_cmpint (run (f, "doc", "--help"), ==, ACCORD_TEST_EXIT_OK);
  for (const char * const *verb = (const char * const []) { "render", "issue", "sign", "list", "export", "void",
                                                            "verify", NULL };
       *verb != NULL; verb++)
    g_assert_nonnull (strstr (f->cli.out, *verb));

  g_assert_cmpint (run (f, "outcome", "record", "--help"), ==, ACCORD_TEST_EXIT_OK);
  for (const char * const *o = (const char * const []) { "--result", "--opinion", "--minute", "--minutes-file",
                                                         "--facts", "--present", "--absent", "--excused", "--vote",
                                                         "--term", "--follow-up", "no_agreement", NULL };
       *o != NULL; o++)
    g_assert_nonnull (strstr (f->cli.out, *o));

  g_assert_cmpint (run (f, "doc", "issue", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "closure_commitment"));

  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "outcome", "record", f->bureau.session);
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "doc", "issue", "--kind", "closure_commitment");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "doc", "sign", "1", "--signer", "petitioner", "--role", "petitioner",
                  "--strokes", "x.json");
}

static void
test_outcome (Fixture       *f,
              gconstpointer  data)
{
  Bureau *b = &f->bureau;
  g_autofree char *minutes = write_file (&f->cli, "minutes.txt",
                                         "区住建委说明了补偿方案，\n并出示了评估报告。\n\n\n"
                                         "听证员就补偿标准提问。\n", -1);
  g_autofree char *v0 = g_strdup_printf ("%s:support", b->panelists[0]);
  g_autofree char *v1 = g_strdup_printf ("%s:support", b->panelists[1]);
  g_autofree char *v_officer = g_strdup_printf ("%s:support", b->officer);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *outcome;
  JsonObject *term;
  JsonArray *minutes_array;

  /* A panelist present without a vote: the opinion cannot be formed. */
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "outcome", "record", b->session, "--result", "agreement",
                  "--opinion", "建议支付补偿款。", "--present", b->panelists[2], "--vote", v0, "--vote", v1);
  g_assert_nonnull (strstr (f->cli.err, "panelist"));
  /* Someone who does not take part, a vote of the presiding officer, a
   * malformed term or amount. */
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "outcome", "record", b->session, "--result", "adjourned",
                  "--present", "999");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "outcome", "record", b->session, "--result", "adjourned",
                  "--vote", v_officer);
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "outcome", "record", b->session, "--result", "adjourned",
                  "--term", "只有一栏");
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "outcome", "record", b->session, "--result", "adjourned",
                  "--term", UNIT "|支付补偿款|12.345|");
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "outcome", "record", b->session, "--result", "adjourned",
                  "--present", b->officer, "--absent", b->officer);
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "outcome", "show", b->session);

  g_assert_cmpint (record_outcome (&f->cli, b, minutes), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpstr (f->cli.out, ==, "Outcome recorded\n");

  g_assert_cmpint (run (f, "outcome", "show", b->session), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "¥220,000.00"));
  g_assert_nonnull (strstr (f->cli.out, "贰拾贰万元整"));
  g_assert_nonnull (strstr (f->cli.out, "2026-12-31"));
  g_assert_nonnull (strstr (f->cli.out, "2026-12-15"));
  g_assert_nonnull (strstr (f->cli.out, "补偿标准偏低"));
  g_assert_nonnull (strstr (f->cli.out, "2 support, 1 oppose, 0 abstain"));
  g_assert_nonnull (strstr (f->cli.out, "区住建委说明了补偿方案，并出示了评估报告。"));
  g_assert_nonnull (strstr (f->cli.out, "评估报告已送达信访人。"));

  g_assert_cmpint (run (f, "--json", "outcome", "show", b->session), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  outcome = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (outcome, "result"), ==, "agreement");
  g_assert_cmpint (json_object_get_int_member (outcome, "votes_support"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (outcome, "votes_oppose"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (outcome, "votes_abstain"), ==, 0);
  g_assert_true (json_object_get_boolean_member (outcome, "majority"));
  g_assert_cmpstr (json_object_get_string_member (outcome, "follow_up_on"), ==, "2026-12-15");
  minutes_array = json_object_get_array_member (outcome, "minutes");
  g_assert_cmpuint (json_array_get_length (minutes_array), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (minutes_array, 2), ==, "听证员就补偿标准提问。");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (outcome, "facts")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (outcome, "facts"), 0), ==,
                   "信访人房屋建筑面积86平方米，于2026年5月纳入征收范围。");
  term = json_array_get_object_element (json_object_get_array_member (outcome, "terms"), 0);
  g_assert_cmpstr (json_object_get_string_member (term, "party"), ==, UNIT);
  g_assert_cmpint (json_object_get_int_member (term, "amount_fen"), ==, 22000000);
  g_assert_cmpstr (json_object_get_string_member (term, "amount_capital"), ==, "贰拾贰万元整");
  g_assert_cmpstr (json_object_get_string_member (term, "due_on"), ==, "2026-12-31");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (outcome, "attendance")), ==, 5);

  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  Bureau *b = &f->bureau;
  g_autofree char *minutes = write_file (&f->cli, "minutes.txt", "听证员就补偿标准提问。\n", -1);
  g_autofree char *strokes = write_file (&f->cli, "strokes.json", STROKES, -1);
  g_autofree char *bad_strokes = write_file (&f->cli, "bad.json", "[[{\"x\":2,\"y\":0.5}]]", -1);
  g_autofree char *not_pdf = write_file (&f->cli, "note.txt", "not a PDF\n", -1);
  g_autofree char *draft = g_build_filename (f->cli.dir, "draft.pdf", NULL);
  g_autofree char *issued = NULL;
  g_autofree char *altered = NULL;
  g_autofree char *signed_pdf = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *closure_id = NULL;
  g_autofree char *agreement_id = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree guint8 *copy = NULL;
  JsonArray *documents;
  JsonObject *document;
  gint64 closure, agreement;
  gsize length;

  /* A hearing opinion states the facts found (DOMAIN.md §5). */
  {
    g_autofree char *v0 = g_strdup_printf ("%s:support", b->panelists[0]);
    g_autofree char *v1 = g_strdup_printf ("%s:support", b->panelists[1]);
    g_autofree char *v2 = g_strdup_printf ("%s:oppose", b->panelists[2]);

    g_assert_cmpint (run (f, "outcome", "record", b->session, "--result", "agreement", "--opinion", "建议支付补偿款。",
                          "--vote", v0, "--vote", v1, "--vote", v2), ==, ACCORD_TEST_EXIT_OK);
    assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "doc", "render", "--kind", "hearing_opinion", "--case", b->number,
                    "--session", b->session, "--out", draft);
  }
  g_assert_cmpint (record_outcome (&f->cli, b, minutes), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (run (f, "doc", "render", "--kind", "hearing_opinion", "--case", b->number,
                        "--session", b->session, "--out", draft), ==, ACCORD_TEST_EXIT_OK);

  /* A draft is written and nothing is kept. */
  before = accord_test_cli_read_db (&f->cli);
  g_assert_cmpint (run (f, "doc", "render", "--kind", "closure_commitment", "--case", b->number,
                        "--session", b->session, "--for-signature", "--out", draft), ==, ACCORD_TEST_EXIT_OK);
  after = accord_test_cli_read_db (&f->cli);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = read_file (draft);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "doc", "render", "--kind", "memo", "--case", b->number,
                  "--out", draft);

  closure = issue (&f->cli, b, "closure_commitment");
  agreement = issue (&f->cli, b, "non_repetition_agreement");
  g_assert_cmpint (agreement, >, closure);
  closure_id = g_strdup_printf ("%" G_GINT64_FORMAT, closure);
  agreement_id = g_strdup_printf ("%" G_GINT64_FORMAT, agreement);

  g_assert_cmpint (run (f, "--json", "doc", "list"), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  documents = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (find_document (documents, agreement), "kind"), ==,
                   "non_repetition_agreement");
  g_assert_cmpint (run (f, "doc", "list", "--case", b->number), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "Closure commitment"));
  g_assert_nonnull (strstr (f->cli.out, "Non-repetition agreement"));
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "doc", "list", "--case", "XF-1999-999999");

  /* The issued PDF verifies; a copy with one byte changed does not. */
  issued = export (&f->cli, closure, "closure.pdf");
  g_assert_cmpint (run (f, "doc", "verify", issued), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "Authentic"));
  g_assert_nonnull (strstr (f->cli.out, b->number));
#ifdef HAVE_POPPLER
  {
    g_autoptr(GBytes) pdf = read_file (issued);
    g_autofree char *text = pdf_text (pdf);

    /* The bureau's officer signs by name: its staff at the hearing. */
    g_assert_nonnull (strstr (text, "周建华"));
  }
#endif

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = read_file (issued);
  copy = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);
  copy[length / 2] ^= 0x01;
  altered = write_file (&f->cli, "altered.pdf", (const char *) copy, (gssize) length);
  g_assert_cmpint (run (f, "doc", "verify", altered), ==, ACCORD_TEST_EXIT_ERROR);
  accord_test_cli_assert_error_line (&f->cli);
  g_assert_nonnull (strstr (f->cli.err, "altered"));
  g_assert_cmpint (run (f, "--json", "doc", "verify", altered), ==, ACCORD_TEST_EXIT_ERROR);
  g_clear_pointer (&root, json_node_unref);
  root = accord_test_parse_json (f->cli.out);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (root), "authentic"));

  g_assert_cmpint (run (f, "doc", "verify", not_pdf), ==, ACCORD_TEST_EXIT_ERROR);
  accord_test_cli_assert_error_line (&f->cli);
  g_assert_cmpint (run (f, "doc", "verify", draft), ==, ACCORD_TEST_EXIT_ERROR);
  g_assert_cmpint (run (f, "doc", "verify", "no-such-file.pdf"), ==, ACCORD_TEST_EXIT_ERROR);

  /* The same document issued by another database is not this one's. */
  {
    AccordTestCli other = { 0 };
    Bureau other_bureau = { 0 };
    g_autofree char *other_minutes = write_file (&f->cli, "other-minutes.txt", "听证员就补偿标准提问。\n", -1);

    accord_test_cli_set_up (&other, NULL);
    build_bureau (&other, &other_bureau);
    g_assert_cmpint (record_outcome (&other, &other_bureau, other_minutes), ==, ACCORD_TEST_EXIT_OK);
    foreign = export (&other, issue (&other, &other_bureau, "closure_commitment"), "foreign.pdf");
    g_assert_cmpint (accord_test_cli_run (&other, "doc", "verify", foreign), ==, ACCORD_TEST_EXIT_OK);

    g_assert_cmpint (run (f, "doc", "verify", foreign), ==, ACCORD_TEST_EXIT_ERROR);
    g_assert_nonnull (strstr (f->cli.err, "not from this database"));

    bureau_clear (&other_bureau);
    accord_test_cli_tear_down (&other, NULL);
  }

  /* Signing: the petitioner signs in the first petitioner's box. */
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "doc", "sign", closure_id, "--signer", "petitioner:0",
                  "--role", "petitioner", "--strokes", bad_strokes);
  g_assert_cmpint (run (f, "doc", "sign", closure_id, "--signer", "petitioner:0", "--role", "petitioner",
                        "--strokes", strokes), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "Signed"));
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "doc", "sign", closure_id, "--signer", "petitioner:0",
                  "--role", "petitioner", "--strokes", strokes);
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "doc", "sign", "999", "--signer", "officer",
                  "--role", "officer", "--strokes", strokes);

  signed_pdf = export (&f->cli, closure, "closure-signed.pdf");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = read_file (signed_pdf);
  {
    g_autoptr(GBytes) issued_bytes = read_file (issued);

    g_assert_false (g_bytes_equal (bytes, issued_bytes));
  }
  g_assert_cmpint (run (f, "doc", "verify", signed_pdf), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "signed copy"));
  g_assert_nonnull (strstr (f->cli.out, "petitioner:0"));
  g_assert_cmpint (run (f, "--json", "doc", "verify", signed_pdf), ==, ACCORD_TEST_EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  root = accord_test_parse_json (f->cli.out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "authentic"));
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "signed_copy"));
  /* The copy as issued stays authentic. */
  g_assert_cmpint (run (f, "doc", "verify", issued), ==, ACCORD_TEST_EXIT_OK);
  assert_pdf_title (signed_pdf);

  /* Voiding. */
  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "doc", "void", agreement_id);
  g_assert_cmpint (run (f, "doc", "void", agreement_id, "--reason", "金额有误，重新出具"), ==, ACCORD_TEST_EXIT_OK);
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "doc", "sign", agreement_id, "--signer", "unit",
                  "--role", "unit", "--strokes", strokes);
  assert_refused (f, ACCORD_TEST_EXIT_REFUSED, "doc", "void", agreement_id, "--reason", "再次作废");
  g_assert_cmpint (run (f, "doc", "list"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "Void"));
  g_assert_cmpint (run (f, "--json", "doc", "list"), ==, ACCORD_TEST_EXIT_OK);
  g_clear_pointer (&root, json_node_unref);
  root = accord_test_parse_json (f->cli.out);
  documents = json_node_get_array (root);
  document = find_document (documents, agreement);
  g_assert_cmpstr (json_object_get_string_member (document, "status"), ==, "void");
  g_assert_cmpstr (json_object_get_string_member (document, "void_reason"), ==, "金额有误，重新出具");
  document = find_document (documents, closure);
  g_assert_cmpstr (json_object_get_string_member (document, "status"), ==, "signed");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document, "signatures")), ==, 1);

  g_assert_cmpint (run (f, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
}

/* doc case-file: a cover, then each stored PDF's pages, with bookmarks. */
static void
test_case_file (Fixture       *f,
                gconstpointer  data)
{
  Bureau *b = &f->bureau;
  g_autofree char *minutes = write_file (&f->cli, "minutes.txt", "听证员就补偿标准提问。\n", -1);
  g_autofree char *out = g_build_filename (f->cli.dir, "case-file.pdf", NULL);
  g_autofree char *notice = NULL;
  g_autofree char *closure = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_assert_cmpint (record_outcome (&f->cli, b, minutes), ==, ACCORD_TEST_EXIT_OK);
  notice = export (&f->cli, issue (&f->cli, b, "hearing_notice"), "notice.pdf");
  closure = export (&f->cli, issue (&f->cli, b, "closure_commitment"), "closure.pdf");

  assert_refused (f, ACCORD_TEST_EXIT_USAGE, "doc", "case-file", "--case", b->number);
  assert_refused (f, ACCORD_TEST_EXIT_ERROR, "doc", "case-file", "--case", "XF-1999-999999", "--out", out);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (f, "--json", "doc", "case-file", "--case", b->number, "--out", out), ==,
                   ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (f->cli.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "path"), ==, out);
  pdf = read_file (out);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

#ifdef HAVE_POPPLER
  {
    g_autoptr(GBytes) notice_pdf = read_file (notice);
    g_autoptr(GBytes) closure_pdf = read_file (closure);
    PopplerDocument *file = poppler_document_new_from_bytes (pdf, NULL, NULL);
    PopplerDocument *parts[] = {
      poppler_document_new_from_bytes (notice_pdf, NULL, NULL),
      poppler_document_new_from_bytes (closure_pdf, NULL, NULL),
    };
    PopplerIndexIter *iter = poppler_index_iter_new (file);
    PopplerPage *cover = poppler_document_get_page (file, 0);
    g_autofree char *cover_text = poppler_page_get_text (cover);
    int n_bookmarks = 0;

    g_assert_cmpint (poppler_document_get_n_pages (file), >,
                     poppler_document_get_n_pages (parts[0]) + poppler_document_get_n_pages (parts[1]));
    g_assert_nonnull (strstr (cover_text, b->number));
    g_assert_nonnull (iter);
    do
      n_bookmarks++;
    while (poppler_index_iter_next (iter));
    g_assert_cmpint (n_bookmarks, ==, 3);
    poppler_index_iter_free (iter);
    g_object_unref (cover);
    g_object_unref (parts[0]);
    g_object_unref (parts[1]);
    g_object_unref (file);
  }
#endif

  g_assert_cmpint (run (f, "doc", "case-file", "--help"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (f->cli.out, "--out"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/doc/help", Fixture, NULL, fixture_set_up, test_help, fixture_tear_down);
  g_test_add ("/cli/doc/outcome", Fixture, NULL, fixture_set_up, test_outcome, fixture_tear_down);
  g_test_add ("/cli/doc/documents", Fixture, NULL, fixture_set_up, test_documents, fixture_tear_down);
  g_test_add ("/cli/doc/case-file", Fixture, NULL, fixture_set_up, test_case_file, fixture_tear_down);

  return g_test_run ();
}
