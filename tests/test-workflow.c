/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-workflow"

#include "accord-store.h"
#include "accord-validate.h"
#include "accord-test-util.h"

static char *
new_case (AccordTestDb *db,
          gboolean      litigation)
{
  static const AccordPetitionerInput p = { "刘洋", "440304198501011235", "0755-83212345", NULL };
  AccordCaseInput in = { .title = "房屋征收补偿问题", .category = "城乡建设", .channel = "letter",
                         .received_on = "2026-01-05", .petitioners = &p, .n_petitioners = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;

  in.flags[ACCORD_CASE_LITIGATION_RELATED] = litigation;
  c = accord_store_add_case (db->store, &in, &error);
  g_assert_no_error (error);
  return g_strdup (accord_case_get_number (c));
}

static AccordCase *
step (AccordTestDb      *db,
      const char        *number,
      AccordCaseAction   action,
      const char        *date,
      const char        *arg,
      GError           **error)
{
  AccordCaseTransition t = { action, date, arg, arg, arg, arg };

  return accord_store_transition_case (db->store, number, 0, &t, error);
}

static void
assert_step (AccordTestDb     *db,
             const char       *number,
             AccordCaseAction  action,
             const char       *date,
             const char       *arg,
             const char       *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = step (db, number, action, date, arg, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (accord_case_get_status (c), ==, status);
}

static void
assert_refused (AccordTestDb     *db,
                const char       *number,
                AccordCaseAction  action,
                const char       *date,
                const char       *arg,
                GQuark            domain,
                int               code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = accord_test_dump (db->path);
  g_autofree char *after = NULL;
  g_autoptr(AccordCase) c = step (db, number, action, date, arg, &error);

  g_assert_null (c);
  g_assert_error (error, domain, code);
  after = accord_test_dump (db->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_full_path (AccordTestDb  *db,
                gconstpointer  data)
{
  g_autofree char *n = new_case (db, FALSE);
  g_autoptr(AccordCase) c = NULL;
  AccordAuditReport report;

  assert_step (db, n, ACCORD_CASE_ACTION_ACCEPT, "2026-01-10", NULL, "accepted");
  assert_step (db, n, ACCORD_CASE_ACTION_ASSIGN, "2026-01-12", "区住房和城乡建设委员会", "assigned");
  assert_step (db, n, ACCORD_CASE_ACTION_REPLY, "2026-03-01", "explain", "replied");
  assert_step (db, n, ACCORD_CASE_ACTION_REQUEST_REVIEW, "2026-03-20", NULL, "review");
  assert_step (db, n, ACCORD_CASE_ACTION_REVIEW_REPLY, "2026-04-15", "not_support", "reviewed");
  assert_step (db, n, ACCORD_CASE_ACTION_REQUEST_RE_REVIEW, "2026-05-01", NULL, "re_review");
  assert_step (db, n, ACCORD_CASE_ACTION_RE_REVIEW_REPLY, "2026-05-25", "not_support", "terminated");
  assert_step (db, n, ACCORD_CASE_ACTION_EVALUATE, NULL, "basically_satisfied", "terminated");

  c = accord_store_get_case (db->store, n, NULL);
  g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_ACCEPTED_ON), ==, "2026-01-10");
  g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_RESPONSIBLE_UNIT), ==, "区住房和城乡建设委员会");
  g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_TERMINATED_ON), ==, "2026-05-25");
  g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_EVALUATION), ==, "basically_satisfied");
  g_assert_cmpint (accord_case_get_version (c), ==, 9);

  g_assert_true (accord_store_verify_audit (db->store, &report, NULL));
  g_assert_true (report.intact);
  g_assert_cmpint (report.n_entries, ==, 9);
}

static void
test_refusals (AccordTestDb  *db,
               gconstpointer  data)
{
  g_autofree char *n = new_case (db, FALSE);
  const GQuark CE = ACCORD_CASE_ERROR, VE = ACCORD_VALIDATE_ERROR;

  /* No reply, assignment or review before acceptance. */
  assert_refused (db, n, ACCORD_CASE_ACTION_REPLY, NULL, "support", CE, ACCORD_CASE_ERROR_NOT_ALLOWED);
  assert_refused (db, n, ACCORD_CASE_ACTION_ASSIGN, NULL, "区民政局", CE, ACCORD_CASE_ERROR_NOT_ALLOWED);
  assert_refused (db, n, ACCORD_CASE_ACTION_REQUEST_REVIEW, NULL, NULL, CE, ACCORD_CASE_ERROR_NOT_ALLOWED);
  assert_refused (db, n, ACCORD_CASE_ACTION_EVALUATE, NULL, "satisfied", CE, ACCORD_CASE_ERROR_NOT_ALLOWED);
  /* A declined case needs a reason. */
  assert_refused (db, n, ACCORD_CASE_ACTION_DECLINE, NULL, NULL, VE, ACCORD_VALIDATE_ERROR_REQUIRED);
  assert_refused (db, n, ACCORD_CASE_ACTION_DECLINE, NULL, "   ", VE, ACCORD_VALIDATE_ERROR_REQUIRED);
  /* Dates: not before receipt, not in the future, real. */
  assert_refused (db, n, ACCORD_CASE_ACTION_ACCEPT, "2026-01-04", NULL, CE, ACCORD_CASE_ERROR_INVALID);
  assert_refused (db, n, ACCORD_CASE_ACTION_ACCEPT, "2026-11-21", NULL, CE, ACCORD_CASE_ERROR_INVALID);
  assert_refused (db, n, ACCORD_CASE_ACTION_ACCEPT, "2026-13-01", NULL, VE, ACCORD_VALIDATE_ERROR_DATE);

  assert_step (db, n, ACCORD_CASE_ACTION_ACCEPT, "2026-01-05", NULL, "accepted");
  assert_refused (db, n, ACCORD_CASE_ACTION_ACCEPT, NULL, NULL, CE, ACCORD_CASE_ERROR_NOT_ALLOWED);
  assert_refused (db, n, ACCORD_CASE_ACTION_REPLY, NULL, "maybe", CE, ACCORD_CASE_ERROR_INVALID);
  /* Reply straight after acceptance is allowed (the bureau handles it itself). */
  assert_step (db, n, ACCORD_CASE_ACTION_REPLY, "2026-02-01", "support", "replied");
  assert_refused (db, n, ACCORD_CASE_ACTION_REVIEW_REPLY, NULL, "support", CE, ACCORD_CASE_ERROR_NOT_ALLOWED);
  assert_step (db, n, ACCORD_CASE_ACTION_EVALUATE, NULL, "satisfied", "replied");
  assert_refused (db, n, ACCORD_CASE_ACTION_EVALUATE, NULL, "satisfied", CE, ACCORD_CASE_ERROR_NOT_ALLOWED);
  assert_step (db, n, ACCORD_CASE_ACTION_TERMINATE, "2026-03-05", NULL, "terminated");
  assert_refused (db, n, ACCORD_CASE_ACTION_REQUEST_REVIEW, NULL, NULL, CE, ACCORD_CASE_ERROR_NOT_ALLOWED);
}

static void
test_litigation_related (AccordTestDb  *db,
                         gconstpointer  data)
{
  g_autofree char *n = new_case (db, TRUE);
  g_autoptr(AccordCase) c = NULL;

  assert_refused (db, n, ACCORD_CASE_ACTION_ACCEPT, NULL, NULL, ACCORD_CASE_ERROR, ACCORD_CASE_ERROR_NOT_ALLOWED);
  assert_step (db, n, ACCORD_CASE_ACTION_DECLINE, "2026-01-06", "涉法涉诉事项，请向人民法院起诉", "declined");
  c = accord_store_get_case (db->store, n, NULL);
  g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_DECLINE_REASON), ==, "涉法涉诉事项，请向人民法院起诉");
  assert_refused (db, n, ACCORD_CASE_ACTION_ACCEPT, NULL, NULL, ACCORD_CASE_ERROR, ACCORD_CASE_ERROR_NOT_ALLOWED);
}

static void
test_expected_version (AccordTestDb  *db,
                       gconstpointer  data)
{
  g_autofree char *n = new_case (db, FALSE);
  g_autoptr(GError) error = NULL;
  AccordCaseTransition accept = { ACCORD_CASE_ACTION_ACCEPT, "2026-01-06" };
  g_autoptr(AccordCase) c = NULL;

  g_assert_null (accord_store_transition_case (db->store, n, 5, &accept, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_STALE);
  g_clear_error (&error);

  c = accord_store_transition_case (db->store, n, 1, &accept, &error);
  g_assert_no_error (error);
  g_assert_cmpint (accord_case_get_version (c), ==, 2);

  g_assert_null (step (db, "XF-2026-999999", ACCORD_CASE_ACTION_ACCEPT, NULL, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
}

static void
test_can (void)
{
  g_autoptr(AccordCase) c = accord_case_new ();
  AccordCaseAction action;

  accord_case_set_text (c, ACCORD_CASE_STATUS, "registered");
  g_assert_true (accord_case_can (c, ACCORD_CASE_ACTION_ACCEPT));
  g_assert_true (accord_case_can (c, ACCORD_CASE_ACTION_DECLINE));
  g_assert_false (accord_case_can (c, ACCORD_CASE_ACTION_REPLY));

  g_assert_true (accord_case_action_from_verb ("request-re-review", &action));
  g_assert_cmpint (action, ==, ACCORD_CASE_ACTION_REQUEST_RE_REVIEW);
  g_assert_false (accord_case_action_from_verb ("fly", &action));
}

static void
test_format_number (void)
{
  g_autofree char *a = accord_case_format_number ("XF-{year}-{seq:6}", 2026, 123);
  g_autofree char *b = accord_case_format_number ("{year}{seq}", 2025, 7);

  g_assert_cmpstr (a, ==, "XF-2026-000123");
  g_assert_cmpstr (b, ==, "20257");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);

#define ADD(path, func) \
  g_test_add (path, AccordTestDb, NULL, accord_test_db_setup, func, accord_test_db_teardown)

  ADD ("/workflow/full-path", test_full_path);
  ADD ("/workflow/refusals", test_refusals);
  ADD ("/workflow/litigation-related", test_litigation_related);
  ADD ("/workflow/expected-version", test_expected_version);
  g_test_add_func ("/workflow/can", test_can);
  g_test_add_func ("/workflow/format-number", test_format_number);

  return g_test_run ();
}
