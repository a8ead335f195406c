/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-seed"

#include "accord-case-list.h"
#include "accord-doc-render.h"
#include "accord-documents.h"
#include "accord-enums.h"
#include "accord-outcome.h"
#include "accord-seed.h"
#include "accord-store-private.h"
#include "accord-validate.h"
#include "accord-test-util.h"

static void
seed (AccordTestDb *db,
      guint         n_cases,
      guint32       s)
{
  g_autoptr(GError) error = NULL;
  AccordSeedOptions options = { n_cases, ACCORD_SEED_DEFAULT_PEOPLE, s, n_cases / 2 };

  accord_seed (db->store, &options, &error);
  g_assert_no_error (error);
}

static void
test_every_state_and_role (AccordTestDb  *db,
                           gconstpointer  data)
{
  const char * const *statuses = accord_vocab_codes (ACCORD_VOCAB_CASE_STATUS);
  const char * const *roles = accord_vocab_codes (ACCORD_VOCAB_PERSON_ROLE);
  g_autoptr(GPtrArray) venues = NULL;

  seed (db, 400, 1);
  g_assert_cmpint (accord_test_count_rows (db->store, "case"), ==, 400);
  g_assert_cmpint (accord_test_count_rows (db->store, "person"), ==, ACCORD_SEED_DEFAULT_PEOPLE);

  for (guint i = 0; statuses[i] != NULL; i++)
    {
      AccordCaseFilter filter = { .status = statuses[i] };
      g_assert_cmpint (accord_store_count_cases (db->store, &filter, NULL), >, 0);
    }
  for (guint i = 0; roles[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) people = accord_store_list_persons (db->store, roles[i], NULL);
      g_assert_cmpint (people->len, >, 0);
    }

  venues = accord_store_list_venues (db->store, NULL);
  g_assert_cmpint (venues->len, ==, 3);
}

/* Every seeded case must be one the workflow could have produced. */
static void
test_consistent_cases (AccordTestDb  *db,
                       gconstpointer  data)
{
  g_autoptr(AccordCaseList) list = NULL;
  g_autofree char *today = accord_today ();
  guint n;

  seed (db, 300, 5);
  list = accord_case_list_new (db->store);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpint (n, ==, 300);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordCase) c = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(AccordCase) full = accord_store_get_case (db->store, accord_case_get_number (c), NULL);
      const char *status = accord_case_get_status (c);
      const char *received = accord_case_get_text (c, ACCORD_CASE_RECEIVED_ON);
      GPtrArray *petitioners = accord_case_get_petitioners (full);

      g_assert_cmpstr (received, <=, today);
      g_assert_cmpint (petitioners->len, >=, 1);
      for (guint k = 0; k < petitioners->len; k++)
        {
          AccordPetitioner *p = g_ptr_array_index (petitioners, k);
          g_autoptr(GError) error = NULL;
          accord_validate_id_number (p->id_number, &error);
          g_assert_no_error (error);
          accord_validate_phone (p->phone, &error);
          g_assert_no_error (error);
        }

      if (g_str_equal (status, "declined"))
        g_assert_nonnull (accord_case_get_text (c, ACCORD_CASE_DECLINE_REASON));
      if (g_strv_contains ((const char *[]) { "replied", "review", "reviewed", "re_review", "terminated", NULL }, status))
        {
          g_assert_nonnull (accord_case_get_text (c, ACCORD_CASE_REPLIED_ON));
          g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_ACCEPTED_ON), >=, received);
          g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_REPLIED_ON), >=,
                           accord_case_get_text (c, ACCORD_CASE_ACCEPTED_ON));
        }
      if (accord_case_get_text (c, ACCORD_CASE_EVALUATION) != NULL)
        g_assert_true (g_strv_contains ((const char *[]) { "replied", "reviewed", "terminated", NULL }, status));
    }
}

static void
test_gap_free_numbers (AccordTestDb  *db,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const AccordPetitionerInput p = { "赵敏", "11010119900307002X", "13512345678", NULL };
  AccordCaseInput in = { .title = "新登记", .category = "其他", .channel = "phone",
                         .received_on = "2026-11-19", .petitioners = &p, .n_petitioners = 1 };
  AccordCaseFilter this_year = { .query = "XF-2026-" };
  g_autoptr(AccordCase) c = NULL;
  g_autofree char *expected = NULL;
  gint64 n_2026;

  seed (db, 250, 3);
  n_2026 = accord_store_count_cases (db->store, &this_year, NULL);
  g_assert_cmpint (n_2026, >, 0);

  c = accord_store_add_case (db->store, &in, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("XF-2026-%06" G_GINT64_FORMAT, n_2026 + 1);
  g_assert_cmpstr (accord_case_get_number (c), ==, expected);
}

static void
drop_section (char       *dump,
              const char *name)
{
  char *start = strstr (dump, name);
  char *rest;

  if (start == NULL)
    return;
  if ((rest = strstr (start, "\n[")) == NULL)
    *start = '\0';
  else
    memmove (start, rest + 1, strlen (rest + 1) + 1);
}

static char *
seeded_dump (guint32 s)
{
  AccordTestDb db = { 0 };
  char *dump;

  accord_test_db_setup (&db, NULL);
  seed (&db, 120, s);
  dump = accord_test_dump (db.path);
  accord_test_db_teardown (&db, NULL);

  /* The time of seeding and the database's random id are not data. */
  drop_section (dump, "[audit]");
  drop_section (dump, "[setting]");
  return dump;
}

static void
test_deterministic (void)
{
  g_autofree char *a = seeded_dump (42);
  g_autofree char *b = seeded_dump (42);
  g_autofree char *c = seeded_dump (43);

  /* Not g_assert_cmpstr: a mismatch would print megabytes. */
  g_assert_true (g_str_equal (a, b));
  g_assert_false (g_str_equal (a, c));
  g_assert_nonnull (strstr (a, "XF-2026-"));
}

static void
test_refuses_non_empty (AccordTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AccordSeedOptions options = { 10, 5, 1 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AccordAuditReport report;
  gint64 n_entries;

  seed (db, 10, 1);
  g_assert_true (accord_store_verify_audit (db->store, &report, NULL));
  n_entries = report.n_entries;
  before = accord_test_dump (db->path);
  g_assert_false (accord_seed (db->store, &options, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED);
  after = accord_test_dump (db->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (accord_store_verify_audit (db->store, &report, NULL));
  g_assert_true (report.intact);
  g_assert_cmpint (report.n_entries, ==, n_entries);
}

/* An outcome the outcome editor could have recorded: a vote from every
 * panelist present at a deciding hearing, counted right; terms due after
 * the session. */
static void
check_outcome (AccordStore *store,
               gint64       session_id,
               GHashTable  *results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordSession) session = accord_store_get_session (store, session_id, &error);
  g_autoptr(AccordOutcome) outcome = accord_store_get_outcome (store, session_id, &error);
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *date = NULL;
  int present_panelists = 0, votes[3] = { 0 };
  gboolean deciding;

  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char *[]) { "hearing", "mediation", NULL }, session->kind));
  g_assert_cmpstr (session->status, !=, "cancelled");
  g_hash_table_add (results, g_strdup (outcome->result));
  deciding = g_str_equal (session->kind, "hearing") &&
             !g_strv_contains ((const char *[]) { "adjourned", "withdrawn", NULL }, outcome->result);

  for (guint i = 0; i < session->participants->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (session->participants, i);

      g_assert_cmpstr (p->attendance, !=, "expected");
      if (p->vote != NULL)
        {
          g_assert_cmpstr (p->role, ==, "panelist");
          g_assert_cmpstr (p->attendance, ==, "present");
          votes[g_str_equal (p->vote, "support") ? 0 : g_str_equal (p->vote, "oppose") ? 1 : 2]++;
        }
      if (g_str_equal (p->role, "panelist") && g_str_equal (p->attendance, "present"))
        {
          present_panelists++;
          if (deciding)
            g_assert_nonnull (p->vote);
        }
    }
  g_assert_cmpint (outcome->votes_support, ==, votes[0]);
  g_assert_cmpint (outcome->votes_oppose, ==, votes[1]);
  g_assert_cmpint (outcome->votes_abstain, ==, votes[2]);
  if (deciding)
    {
      g_assert_cmpint (votes[0] + votes[1] + votes[2], ==, present_panelists);
      g_assert_cmpint (outcome->majority, ==, votes[0] > votes[1] + votes[2]);
      g_assert_nonnull (outcome->opinion);
      g_assert_nonnull (outcome->facts);
      g_assert_cmpuint (g_strv_length (outcome->facts), >, 0);
    }
  g_assert_nonnull (outcome->minutes);
  g_assert_cmpuint (g_strv_length (outcome->minutes), >, 0);

  start = g_date_time_new_from_unix_local (session->starts_at);
  date = g_date_time_format (start, "%Y-%m-%d");
  for (guint i = 0; i < outcome->terms->len; i++)
    {
      AccordTerm *t = g_ptr_array_index (outcome->terms, i);

      g_assert_true (g_strv_contains ((const char *[]) { "agreement", "partial", NULL }, outcome->result));
      g_assert_true (t->amount_fen == -1 || (t->amount_fen > 0 && t->amount_fen % 100 == 0));
      g_assert_cmpstr (t->due_on, >=, date);
    }
  if (g_str_equal (outcome->result, "agreement"))
    g_assert_cmpuint (outcome->terms->len, >=, 1);
  if (outcome->follow_up_on != NULL)
    g_assert_cmpstr (outcome->follow_up_on, >=, date);
}

/* The demo shows outcomes and issued documents: a bounded number of each,
 * the votes as core's rules want them, every PDF authentic. */
static void
test_outcomes_and_documents (AccordTestDb  *db,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AccordSeedOptions options = { 300, ACCORD_SEED_DEFAULT_PEOPLE, 7, ACCORD_SEED_DEFAULT_SESSIONS,
                                .renderer = accord_doc_render };
  g_autoptr(GHashTable) results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) documents = NULL;
  AccordAuditReport report;
  sqlite3_stmt *stmt = NULL;
  guint n_outcomes = 0, n_signed = 0;
  GArray *sessions = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (accord_seed (db->store, &options, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (accord_store_get_db (db->store), "SELECT session_id FROM outcome",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (sessions, id);
    }
  sqlite3_finalize (stmt);
  n_outcomes = sessions->len;
  g_assert_cmpuint (n_outcomes, >=, 10);
  g_assert_cmpuint (n_outcomes, <=, ACCORD_SEED_MAX_OUTCOMES);
  for (guint i = 0; i < sessions->len; i++)
    check_outcome (db->store, g_array_index (sessions, gint64, i), results);
  g_array_unref (sessions);
  g_assert_true (g_hash_table_contains (results, "agreement"));
  g_assert_true (g_hash_table_contains (results, "no_agreement"));

  documents = accord_store_list_documents (db->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, >=, 4);
  g_assert_cmpuint (documents->len, <=, ACCORD_SEED_MAX_DOCUMENTS);
  for (guint i = 0; i < documents->len; i++)
    {
      AccordDocument *d = g_ptr_array_index (documents, i);
      g_autoptr(GBytes) pdf = accord_store_document_pdf (db->store, d->id, &error);
      g_auto(AccordVerification) verification = { 0 };

      g_assert_no_error (error);
      g_assert_nonnull (d->number);
      g_assert_cmpint (d->session_id, >, 0);
      g_hash_table_add (kinds, g_strdup (d->kind));
      g_assert_true (accord_store_verify_pdf (db->store, pdf, &verification, &error));
      g_assert_no_error (error);
      g_assert_true (verification.authentic);
      g_assert_cmpint (verification.document->id, ==, d->id);
      if (g_str_equal (d->status, "signed"))
        {
          n_signed++;
          g_assert_true (verification.signed_copy);
          g_assert_cmpuint (d->signatures->len, ==, 1);
        }
      else
        g_assert_cmpstr (d->status, ==, "issued");
    }
  g_assert_cmpuint (n_signed, >=, 1);
  g_assert_cmpuint (n_signed, <=, 2);
  for (guint i = 0; i < 4; i++)
    g_assert_true (g_hash_table_contains (kinds, ((const char *[]) { "closure_commitment", "non_repetition_agreement",
                                                                     "hearing_opinion", "mediation_agreement" })[i]));

  g_assert_true (accord_store_verify_audit (db->store, &report, &error));
  g_assert_no_error (error);
  g_assert_true (report.intact);
}

/* `accord-cli seed` issues the demo's documents, and `audit verify`
 * finds the log whole. */
static void
test_cli_seed (AccordTestCli *cli,
               gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;
  JsonArray *documents;

  g_assert_cmpint (accord_test_cli_run (cli, "seed"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_cmpint (accord_test_cli_run (cli, "--json", "doc", "list"), ==, ACCORD_TEST_EXIT_OK);
  list = accord_test_parse_json (cli->out);
  documents = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (documents), >, 0);
  g_assert_cmpuint (json_array_get_length (documents), <=, ACCORD_SEED_MAX_DOCUMENTS);
  g_assert_cmpint (accord_test_cli_run (cli, "audit", "verify"), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (cli->out, "intact"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);

#define ADD(path, func) \
  g_test_add (path, AccordTestDb, NULL, accord_test_db_setup, func, accord_test_db_teardown)

  ADD ("/seed/every-state-and-role", test_every_state_and_role);
  ADD ("/seed/consistent", test_consistent_cases);
  ADD ("/seed/gap-free", test_gap_free_numbers);
  g_test_add_func ("/seed/deterministic", test_deterministic);
  ADD ("/seed/refuses-non-empty", test_refuses_non_empty);
  ADD ("/seed/outcomes-and-documents", test_outcomes_and_documents);
  g_test_add ("/seed/cli", AccordTestCli, NULL, accord_test_cli_set_up, test_cli_seed, accord_test_cli_tear_down);

  return g_test_run ();
}
