/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reminders"

#include <math.h>

#include "accord-case-list.h"
#include "accord-deadlines.h"
#include "accord-reminders.h"
#include "accord-scheduler.h"
#include "accord-seed.h"
#include "accord-store.h"
#include "accord-validate.h"
#include "accord-test-util.h"

/* Deadlines kept by the store, extensions, the indicators on a register
 * with known answers, and the reminder planner. */

static char *
add_case (AccordTestDb *db,
          const char   *received,
          int           n)
{
  g_autofree char *id17 = g_strdup_printf ("110101199001%02d%03d", 1 + n % 28, n);
  g_autofree char *id_number = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;
  AccordPetitionerInput p = { "测试人", NULL, "13800001111", NULL };
  AccordCaseInput in = { .title = "测试事项", .category = "其他", .channel = "visit", .received_on = received,
                         .petitioners = &p, .n_petitioners = 1 };
  char check = accord_id_number_check_char (id17);
  g_autofree char *name = g_strdup_printf ("测试人%d", n);

  id_number = g_strdup_printf ("%s%c", id17, check);
  p.id_number = id_number;
  p.name = name;
  c = accord_store_add_case (db->store, &in, &error);
  g_assert_no_error (error);
  return g_strdup (accord_case_get_number (c));
}

static void
step (AccordTestDb     *db,
      const char       *number,
      AccordCaseAction  action,
      const char       *date,
      const char       *arg)
{
  AccordCaseTransition t = { action, date, arg, arg, arg, arg };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = accord_store_transition_case (db->store, number, 0, &t, &error);

  g_assert_no_error (error);
}

static const char *
due_of (GPtrArray  *deadlines,
        const char *step_id)
{
  for (guint i = 0; i < deadlines->len; i++)
    if (g_str_equal (((AccordDeadline *) g_ptr_array_index (deadlines, i))->step, step_id))
      return ((AccordDeadline *) g_ptr_array_index (deadlines, i))->due_date;
  return NULL;
}

static void
test_store_keeps_deadlines (AccordTestDb  *db,
                            gconstpointer  data)
{
  g_autofree char *n = add_case (db, "2026-11-18", 1);
  g_autoptr(AccordCase) c = accord_store_get_case (db->store, n, NULL);
  g_autoptr(AccordCase) accepted = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;

  /* Register and accept, both 15 days; the objection period is another body's. */
  g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_NEXT_DUE), ==, "2026-12-03");
  g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_NEXT_STEP), ==, "register");
  step (db, n, ACCORD_CASE_ACTION_ACCEPT, "2026-11-19", NULL);
  deadlines = accord_store_case_deadlines (db->store, n, NULL);
  g_assert_cmpstr (due_of (deadlines, "accept"), ==, "2026-12-03");
  g_assert_cmpstr (due_of (deadlines, "reply"), ==, "2027-01-18");
  accepted = accord_store_get_case (db->store, n, NULL);
  g_assert_cmpstr (accord_case_get_text (accepted, ACCORD_CASE_NEXT_STEP), ==, "register");
  g_assert_cmpstr (accord_case_get_text (accepted, ACCORD_CASE_NEXT_DUE), ==, "2026-12-03");
}

static void
test_extension (AccordTestDb  *db,
                gconstpointer  data)
{
  g_autofree char *n = add_case (db, "2026-10-09", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *dump = NULL;

  step (db, n, ACCORD_CASE_ACTION_ACCEPT, "2026-10-12", NULL);
  before = accord_store_case_deadlines (db->store, n, NULL);
  g_assert_cmpstr (due_of (before, "reply"), ==, "2026-12-11");

  /* Not extendable, over the limit, and without an approver: refused. */
  g_assert_false (accord_store_extend_deadline (db->store, n, "accept", 5, "局长", "材料不全", &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (accord_store_extend_deadline (db->store, n, "reply", 31, "局长", "情况复杂", &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (accord_store_extend_deadline (db->store, n, "reply", 10, "", "情况复杂", &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED);
  g_clear_error (&error);

  g_assert_true (accord_store_extend_deadline (db->store, n, "reply", 20, "王局长", "需要补充调查", &error));
  g_assert_true (accord_store_extend_deadline (db->store, n, "reply", 10, "王局长", "等待鉴定结论", &error));
  g_assert_no_error (error);
  g_assert_false (accord_store_extend_deadline (db->store, n, "reply", 1, "王局长", "再延", &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);

  after = accord_store_case_deadlines (db->store, n, NULL);
  g_assert_cmpstr (due_of (after, "reply"), ==, "2027-01-11");   /* 90 days from 2026-10-12 */
  dump = accord_test_dump (db->path);
  g_assert_nonnull (strstr (dump, "case.extend"));
  g_assert_nonnull (strstr (dump, "需要补充调查"));
}

/* A register with known answers; see each case's comment. */
static void
test_indicators (AccordTestDb  *db,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = add_case (db, "2026-10-01", 10);   /* accepted in time */
  g_autofree char *b = add_case (db, "2026-10-01", 11);   /* accepted late */
  g_autofree char *c = add_case (db, "2026-10-05", 12);   /* declined in time */
  g_autofree char *d = add_case (db, "2026-11-18", 13);   /* not due yet */
  g_autofree char *e = add_case (db, "2026-07-01", 14);   /* replied on time, satisfied */
  g_autofree char *f = add_case (db, "2026-07-01", 15);   /* replied late, never rated */
  g_autofree char *g = add_case (db, "2026-07-01", 16);   /* never replied */
  AccordIndicators i;

  step (db, a, ACCORD_CASE_ACTION_ACCEPT, "2026-10-10", NULL);
  step (db, b, ACCORD_CASE_ACTION_ACCEPT, "2026-10-20", NULL);
  step (db, c, ACCORD_CASE_ACTION_DECLINE, "2026-10-08", "不属于本机关职责范围");
  for (const char **n = (const char *[]) { e, f, g, NULL }; *n != NULL; n++)
    step (db, *n, ACCORD_CASE_ACTION_ACCEPT, "2026-07-02", NULL);
  step (db, e, ACCORD_CASE_ACTION_REPLY, "2026-08-20", "support");
  step (db, f, ACCORD_CASE_ACTION_REPLY, "2026-09-15", "explain");
  step (db, e, ACCORD_CASE_ACTION_EVALUATE, NULL, "satisfied");
  for (const char **n = (const char *[]) { e, f, NULL }; *n != NULL; n++)
    {
      g_autoptr(AccordCase) edited = accord_store_get_case (db->store, *n, NULL);
      accord_case_set_text (edited, ACCORD_CASE_LEADER, "王建国");
      g_assert_true (accord_store_update_case (db->store, edited, &error));
    }
  (void) d;

  g_assert_true (accord_store_indicators (db->store, "2026-07-01", "2026-11-19", NULL, &i, &error));
  g_assert_no_error (error);
  g_assert_cmpint (i.acceptance_due, ==, 6);
  g_assert_cmpint (i.acceptance_timely, ==, 5);
  g_assert_cmpint (i.completion_due, ==, 3);
  g_assert_cmpint (i.completion_on_time, ==, 1);
  g_assert_cmpint (i.completion_late, ==, 1);
  g_assert_cmpint (i.completion_unreplied, ==, 1);
  g_assert_cmpint (i.replied, ==, 2);
  g_assert_cmpint (i.rated, ==, 1);
  g_assert_cmpint (i.overdue_unrated, ==, 1);
  g_assert_cmpint (i.satisfied, ==, 1);
  g_assert_cmpint (i.led, ==, 2);
  g_assert_cmpint (i.resolved, ==, 1);
  g_assert_cmpfloat_with_epsilon (accord_indicator_rate (i.acceptance_timely, i.acceptance_due), 83.333, 0.001);

  /* By responsible unit: none of these was assigned. */
  g_assert_true (accord_store_indicators (db->store, "2026-07-01", "2026-11-19", "区民政局", &i, &error));
  g_assert_cmpint (i.acceptance_due, ==, 0);
  g_assert_true (isnan (accord_indicator_rate (0, 0)));
}

/* On a seeded register the counts kept in SQL agree with the deadlines
 * derived for every case one by one. */
static void
test_indicators_seeded (AccordTestDb  *db,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AccordSeedOptions options = { 600, 40, 11 };
  g_autoptr(AccordCaseList) list = NULL;
  g_autoptr(AccordDeadlineProfile) profile = accord_deadline_profile_load ("national", FALSE, &error);
  g_autoptr(AccordCalendar) calendar = accord_calendar_new ();
  AccordDeadlineContext context = { NULL, 0, 0, "2026-11-20", 3 };
  gint64 due = 0, timely = 0, reply_due = 0, on_time = 0;
  AccordIndicators i;

  g_assert_true (accord_seed (db->store, &options, &error));
  list = accord_case_list_new (db->store);
  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (list)); k++)
    {
      g_autoptr(AccordCase) c = g_list_model_get_item (G_LIST_MODEL (list), k);
      g_autoptr(GPtrArray) deadlines = accord_deadlines_compute (profile, calendar, c, &context);

      for (guint n = 0; n < deadlines->len; n++)
        {
          AccordDeadline *d = g_ptr_array_index (deadlines, n);
          gboolean in_period = strcmp (d->due_date, "2026-01-01") >= 0 && strcmp (d->due_date, "2026-11-20") <= 0;

          if (in_period && g_str_equal (d->step, "accept"))
            {
              due++;
              timely += d->state == ACCORD_DEADLINE_MET;
            }
          if (in_period && g_str_equal (d->step, "reply"))
            {
              reply_due++;
              on_time += d->state == ACCORD_DEADLINE_MET;
            }
        }
    }

  g_assert_true (accord_store_indicators (db->store, "2026-01-01", "2026-11-20", NULL, &i, &error));
  g_assert_cmpint (due, >, 100);
  g_assert_cmpint (i.acceptance_due, ==, due);
  g_assert_cmpint (i.acceptance_timely, ==, timely);
  g_assert_cmpint (i.completion_due, ==, reply_due);
  g_assert_cmpint (i.completion_on_time, ==, on_time);
  g_assert_cmpint (i.completion_on_time + i.completion_late + i.completion_unreplied, ==, i.completion_due);
}

static gboolean
has_kind (GPtrArray  *reminders,
          const char *kind,
          AccordUrgency urgency)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      AccordReminder *r = g_ptr_array_index (reminders, i);
      if (g_str_equal (r->kind, kind) && r->urgency == urgency)
        return TRUE;
    }
  return FALSE;
}

static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (iso, NULL);
  return g_date_time_to_unix (t);
}

static void
test_planner (AccordTestDb  *db,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordScheduler) scheduler = accord_scheduler_new (db->store, &error);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) next_day = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(AccordSession) mediation = NULL;
  g_autofree char *overdue = add_case (db, "2026-10-01", 20);
  const char *roles[] = { "mediator", NULL };
  AccordPersonInput person = { "何平", roles, NULL, NULL };
  g_autoptr(AccordPerson) mediator = accord_store_add_person (db->store, &person, &error);
  AccordParticipantInput people[] = { { mediator->id, 0, "mediator" } };
  AccordSessionInput in = { overdue, "mediation", at ("2026-11-21T09:00:00+08:00"), at ("2026-11-21T10:00:00+08:00"),
                            0, people, 1 };
  gint64 now = at ("2026-11-20T10:00:00+08:00");

  step (db, overdue, ACCORD_CASE_ACTION_ACCEPT, "2026-10-10", NULL);
  accord_scheduler_get_rules (scheduler)->allow_non_working_days = TRUE;   /* the 21st is a Saturday */
  mediation = accord_scheduler_book (scheduler, &in, NULL, NULL, &error);
  g_assert_no_error (error);

  first = accord_reminders_plan (db->store, now, 20, &error);
  g_assert_no_error (error);
  g_assert_true (has_kind (first, "overdue", ACCORD_URGENCY_CRITICAL));
  g_assert_true (has_kind (first, "session", ACCORD_URGENCY_NORMAL));
  /* Most urgent first; no personal data in what is shown. */
  g_assert_cmpint (((AccordReminder *) g_ptr_array_index (first, 0))->urgency, ==, ACCORD_URGENCY_CRITICAL);
  for (guint i = 0; i < first->len; i++)
    g_assert_null (strstr (((AccordReminder *) g_ptr_array_index (first, i))->body, "13800001111"));

  g_assert_true (accord_reminders_mark_sent (db->store, first, now, &error));
  again = accord_reminders_plan (db->store, now + 600, 20, &error);
  g_assert_cmpint (again->len, ==, 0);

  /* The next day the overdue step is told again, the session (now within
   * the hour) under its other lead time. */
  next_day = accord_reminders_plan (db->store, at ("2026-11-21T08:30:00+08:00"), 20, &error);
  g_assert_true (has_kind (next_day, "overdue", ACCORD_URGENCY_CRITICAL));
  g_assert_true (has_kind (next_day, "session", ACCORD_URGENCY_NORMAL));

  limited = accord_reminders_plan (db->store, at ("2026-11-22T08:30:00+08:00"), 0, &error);
  g_assert_true (has_kind (limited, "summary", ACCORD_URGENCY_NORMAL));
  g_assert_false (has_kind (limited, "overdue", ACCORD_URGENCY_CRITICAL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);

#define ADD(path, func) \
  g_test_add (path, AccordTestDb, NULL, accord_test_db_setup, func, accord_test_db_teardown)

  ADD ("/reminders/store-keeps-deadlines", test_store_keeps_deadlines);
  ADD ("/reminders/extension", test_extension);
  ADD ("/reminders/indicators", test_indicators);
  ADD ("/reminders/indicators-seeded", test_indicators_seeded);
  ADD ("/reminders/planner", test_planner);

  return g_test_run ();
}
