/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-deadlines"

#include <stdarg.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "accord-deadlines.h"

/* The expected dates below were worked out by hand on the shipped 2026
 * calendar (resources/holidays/2026.txt): Spring Festival Feb 15–23 with
 * Feb 14 and Feb 28 (Saturdays) worked; Labour Day May 1–5; National Day
 * Oct 1–7 with Oct 10 (Saturday) worked. */

#define END (-1)

typedef struct
{
  AccordCalendar        *calendar;
  AccordDeadlineProfile *national;
  AccordDeadlineProfile *zhejiang;
  AccordDeadlineProfile *local;      /* national + the first-petition rule */
} Fixture;

/* Helpers */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->calendar = accord_calendar_new ();
  f->national = accord_deadline_profile_load ("national", FALSE, &error);
  g_assert_no_error (error);
  f->zhejiang = accord_deadline_profile_load ("zhejiang", FALSE, &error);
  g_assert_no_error (error);
  f->local = accord_deadline_profile_load ("national", TRUE, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->calendar);
  g_clear_pointer (&f->national, accord_deadline_profile_free);
  g_clear_pointer (&f->zhejiang, accord_deadline_profile_free);
  g_clear_pointer (&f->local, accord_deadline_profile_free);
}

/* A case in @status with the given dates: pairs of AccordCaseText and text,
 * ended by END. */
static AccordCase *
new_case (const char *status,
          ...)
{
  AccordCase *c = accord_case_new ();
  va_list args;
  int field;

  accord_case_set_text (c, ACCORD_CASE_STATUS, status);
  va_start (args, status);
  while ((field = va_arg (args, int)) != END)
    accord_case_set_text (c, (AccordCaseText) field, va_arg (args, const char *));
  va_end (args);
  return c;
}

static GPtrArray *
compute (AccordDeadlineProfile *profile,
         AccordCalendar        *calendar,
         AccordCase            *c,
         const char            *today)
{
  AccordDeadlineContext context = { NULL, 0, 0, today, 3 };

  return accord_deadlines_compute (profile, calendar, c, &context);
}

static AccordDeadline *
find (GPtrArray  *deadlines,
      const char *step)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      AccordDeadline *d = g_ptr_array_index (deadlines, i);

      if (g_str_equal (d->step, step))
        return d;
    }
  return NULL;
}

static AccordDeadline *
assert_due (GPtrArray           *deadlines,
            const char          *step,
            const char          *due,
            AccordDeadlineState  state)
{
  AccordDeadline *d = find (deadlines, step);

  g_test_message ("step %s", step);
  g_assert_nonnull (d);
  g_assert_cmpstr (d->due_date, ==, due);
  g_assert_cmpstr (accord_deadline_state_code (d->state), ==, accord_deadline_state_code (state));
  g_assert_nonnull (d->label);
  g_assert_nonnull (d->facts);
  return d;
}

static void
assert_facts_contain (const AccordDeadline *d,
                      ...)
{
  va_list args;
  const char *part;

  g_test_message ("facts: %s", d->facts);
  va_start (args, d);
  while ((part = va_arg (args, const char *)) != NULL)
    g_assert_nonnull (strstr (d->facts, part));
  va_end (args);
}

static char *
steps_of (GPtrArray *deadlines)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < deadlines->len; i++)
    {
      AccordDeadline *d = g_ptr_array_index (deadlines, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", d->step);
    }
  return g_string_free (ids, FALSE);
}

static void
assert_steps (GPtrArray  *deadlines,
              const char *expected)
{
  g_autofree char *ids = steps_of (deadlines);

  g_assert_cmpstr (ids, ==, expected);
}

/* Profiles */

static void
test_profile_names (void)
{
  const char * const *names = accord_deadline_profile_names ();

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 2);
  g_assert_cmpstr (names[0], ==, "national");
  g_assert_cmpstr (names[1], ==, "zhejiang");
}

static void
test_profile_unknown (void)
{
  const char *bad[] = { "guangdong", "local-first-petition", "", "../national" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AccordDeadlineProfile) profile = accord_deadline_profile_load (bad[i], FALSE, &error);

      g_assert_null (profile);
      g_assert_error (error, ACCORD_DEADLINES_ERROR, ACCORD_DEADLINES_ERROR_UNKNOWN_PROFILE);
      g_assert_nonnull (strstr (error->message, "national"));
    }
}

static void
test_profile_steps (Fixture       *f,
                    gconstpointer  data)
{
  const char *national[] = { "register", "accept", "objection", "reply", "review_request",
                             "review_reply", "re_review_request", "re_review_reply" };

  g_assert_cmpstr (accord_deadline_profile_get_name (f->national), ==, "national");
  g_assert_cmpstr (accord_deadline_profile_get_name (f->zhejiang), ==, "zhejiang");
  g_assert_cmpstr (accord_deadline_profile_get_name (f->local), ==, "national");
  for (guint i = 0; i < G_N_ELEMENTS (national); i++)
    {
      g_assert_true (accord_deadline_profile_has_step (f->national, national[i]));
      g_assert_true (accord_deadline_profile_has_step (f->zhejiang, national[i]));
      g_assert_true (accord_deadline_profile_has_step (f->local, national[i]));
    }
  g_assert_false (accord_deadline_profile_has_step (f->national, "meet"));
  g_assert_false (accord_deadline_profile_has_step (f->national, "finish"));
  g_assert_true (accord_deadline_profile_has_step (f->local, "meet"));
  g_assert_true (accord_deadline_profile_has_step (f->local, "feedback"));
  g_assert_true (accord_deadline_profile_has_step (f->local, "finish"));
  g_assert_false (accord_deadline_profile_has_step (f->national, "nonsense"));
}

static void
test_profile_max_extension (Fixture       *f,
                            gconstpointer  data)
{
  g_assert_cmpint (accord_deadline_profile_max_extension (f->national, "reply"), ==, 30);
  g_assert_cmpint (accord_deadline_profile_max_extension (f->zhejiang, "reply"), ==, 60);
  g_assert_cmpint (accord_deadline_profile_max_extension (f->local, "reply"), ==, 30);
  g_assert_cmpint (accord_deadline_profile_max_extension (f->national, "accept"), ==, 0);
  g_assert_cmpint (accord_deadline_profile_max_extension (f->national, "re_review_reply"), ==, 0);
  g_assert_cmpint (accord_deadline_profile_max_extension (f->national, "nonsense"), ==, 0);
}

/* Broken profile files, swapped in through G_RESOURCE_OVERLAYS in a child
 * process (the variable is read once per process). */
static void
test_profile_parse_error (gconstpointer data)
{
  const char *json = data;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AccordDeadlineProfile) profile = NULL;
      g_autofree char *path = NULL;
      g_autofree char *overlay = NULL;
      int fd;

      fd = g_file_open_tmp ("accord-deadlines-XXXXXX.json", &path, &error);
      g_assert_no_error (error);
      g_close (fd, NULL);
      g_file_set_contents (path, json, -1, &error);
      g_assert_no_error (error);
      overlay = g_strconcat ("/org/accord/Accord/deadlines/zhejiang.json=", path, NULL);
      g_setenv ("G_RESOURCE_OVERLAYS", overlay, TRUE);

      profile = accord_deadline_profile_load ("zhejiang", FALSE, &error);
      g_unlink (path);
      g_assert_null (profile);
      g_assert_error (error, ACCORD_DEADLINES_ERROR, ACCORD_DEADLINES_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "zhejiang.json"));

      /* The other files are untouched. */
      g_clear_error (&error);
      profile = accord_deadline_profile_load ("national", TRUE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (profile);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

#define STEP(members) \
  "{ \"format\": 1, \"name\": \"zhejiang\", \"steps\": [ { \"id\": \"accept\", " members " } ] }"
#define GOOD_STEP "\"from\": \"received\", \"days\": 5, \"done\": [\"accepted\"], \"applies\": [\"registered\"]"

static const char * const broken_profiles[][2] = {
  { "syntax", "{ \"format\": 1, \"name\": \"zhejiang\", \"steps\": [ " },
  { "not-object", "[ 1, 2 ]" },
  { "wrong-name", "{ \"format\": 1, \"name\": \"national\", \"steps\": [] }" },
  { "format", "{ \"format\": 2, \"name\": \"zhejiang\", \"steps\": [] }" },
  { "no-steps", "{ \"format\": 1, \"name\": \"zhejiang\", \"steps\": [] }" },
  { "unknown-member", STEP (GOOD_STEP ", \"extension\": 30") },
  { "unknown-event", STEP ("\"from\": \"posted\", \"days\": 5, \"done\": [\"accepted\"], \"applies\": [\"registered\"]") },
  { "unknown-status", STEP ("\"from\": \"received\", \"days\": 5, \"done\": [\"accepted\"], \"applies\": [\"open\"]") },
  { "zero-days", STEP ("\"from\": \"received\", \"days\": 0, \"done\": [\"accepted\"], \"applies\": [\"registered\"]") },
  { "text-days", STEP ("\"from\": \"received\", \"days\": \"5\", \"done\": [\"accepted\"], \"applies\": [\"registered\"]") },
  { "fraction-days", STEP ("\"from\": \"received\", \"days\": 5.5, \"done\": [\"accepted\"], \"applies\": [\"registered\"]") },
  { "no-done", STEP ("\"from\": \"received\", \"days\": 5, \"done\": [], \"applies\": [\"registered\"]") },
  { "bad-bool", STEP (GOOD_STEP ", \"working_days\": 1") },
  { "bad-party", STEP (GOOD_STEP ", \"party\": \"court\"") },
  { "negative-extension", STEP (GOOD_STEP ", \"max_extension\": -1") },
  { "duplicate", "{ \"format\": 1, \"name\": \"zhejiang\", \"steps\": [ { \"id\": \"accept\", " GOOD_STEP " }, "
                 "{ \"id\": \"accept\", " GOOD_STEP " } ] }" },
  { "unlabelled", "{ \"format\": 1, \"name\": \"zhejiang\", \"steps\": [ { \"id\": \"mystery\", " GOOD_STEP " } ] }" },
};

/* Counting */

static void
test_spring_festival (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AccordCase) c = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-02-06", END);
  g_autoptr(GPtrArray) deadlines = compute (f->national, f->calendar, c, "2026-02-06");
  AccordDeadline *d;

  assert_steps (deadlines, "register,accept,objection");
  /* Feb 6 + 15 days = Sat Feb 21, inside the holiday: the next working day is Tue Feb 24. */
  d = assert_due (deadlines, "accept", "2026-02-24", ACCORD_DEADLINE_ON_TIME);
  g_assert_cmpstr (d->start_date, ==, "2026-02-06");
  g_assert_cmpint (d->days, ==, 15);
  g_assert_false (d->working_days);
  g_assert_cmpint (d->extension_days, ==, 0);
  g_assert_cmpint (d->excluded_days, ==, 0);
  g_assert_null (d->done_date);
  assert_facts_contain (d, "15 days", "receipt", "2026-02-06", "2026-02-21", "春节", "2026-02-24", NULL);
  assert_due (deadlines, "register", "2026-02-24", ACCORD_DEADLINE_ON_TIME);
  /* Five working days: Feb 9–13. */
  d = assert_due (deadlines, "objection", "2026-02-13", ACCORD_DEADLINE_ON_TIME);
  g_assert_true (d->working_days);
  assert_facts_contain (d, "5 working days", "2026-02-06", "2026-02-13", NULL);
}

static void
test_worked_saturday (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AccordCase) c = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-02-13", END);
  g_autoptr(GPtrArray) deadlines = compute (f->national, f->calendar, c, "2026-02-13");
  AccordDeadline *d;

  /* Feb 13 + 15 days = Sat Feb 28, worked instead of a Spring Festival day. */
  d = assert_due (deadlines, "accept", "2026-02-28", ACCORD_DEADLINE_ON_TIME);
  assert_facts_contain (d, "15 days", "2026-02-13", "the last day is 2026-02-28", NULL);
  g_assert_null (strstr (d->facts, "moves"));
}

static void
test_objection_across_holiday (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AccordCase) c = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-02-11", END);
  g_autoptr(GPtrArray) deadlines = compute (f->national, f->calendar, c, "2026-02-11");

  /* Feb 12, 13, 14 (worked Saturday), then 24 and 25 after the holiday. */
  assert_due (deadlines, "objection", "2026-02-25", ACCORD_DEADLINE_ON_TIME);
  /* Feb 11 + 15 = Thu Feb 26, a working day. */
  assert_due (deadlines, "accept", "2026-02-26", ACCORD_DEADLINE_ON_TIME);
}

static void
test_national_day (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AccordCase) a = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-09-20", END);
  g_autoptr(AccordCase) b = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-09-25", END);
  g_autoptr(AccordCase) c = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-09-30", END);
  g_autoptr(GPtrArray) da = compute (f->national, f->calendar, a, "2026-09-20");
  g_autoptr(GPtrArray) db = compute (f->national, f->calendar, b, "2026-09-25");
  g_autoptr(GPtrArray) dc = compute (f->national, f->calendar, c, "2026-09-30");
  AccordDeadline *d;

  /* Sep 20 + 15 = Mon Oct 5, a holiday: Thu Oct 8. */
  d = assert_due (da, "accept", "2026-10-08", ACCORD_DEADLINE_ON_TIME);
  assert_facts_contain (d, "2026-10-05", "国庆节", "2026-10-08", NULL);
  /* Sep 25 + 15 = Sat Oct 10, worked: it stays. */
  assert_due (db, "accept", "2026-10-10", ACCORD_DEADLINE_ON_TIME);
  /* Oct 8, 9, 10 (worked Saturday), 12, 13. */
  d = assert_due (dc, "objection", "2026-10-13", ACCORD_DEADLINE_ON_TIME);
  assert_facts_contain (d, "5 working days", "2026-09-30", "2026-10-13", NULL);
}

static void
test_weekend_end (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AccordCase) c = new_case ("accepted", ACCORD_CASE_RECEIVED_ON, "2026-01-05",
                                      ACCORD_CASE_ACCEPTED_ON, "2026-01-13", END);
  g_autoptr(GPtrArray) deadlines = compute (f->national, f->calendar, c, "2026-01-13");
  AccordDeadline *d;

  /* Jan 13 + 60 = Sat Mar 14, an ordinary weekend: Mon Mar 16. */
  d = assert_due (deadlines, "reply", "2026-03-16", ACCORD_DEADLINE_ON_TIME);
  assert_facts_contain (d, "60 days", "acceptance", "2026-01-13",
                        "the last day, 2026-03-14, is not a working day, so it moves to 2026-03-16", NULL);
}

/* Extensions and hearings */

static void
test_reply_extension (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AccordCase) c = new_case ("assigned", ACCORD_CASE_RECEIVED_ON, "2026-01-05",
                                      ACCORD_CASE_ACCEPTED_ON, "2026-01-11",
                                      ACCORD_CASE_ASSIGNED_ON, "2026-01-12", END);
  AccordExtension thirty[] = { { "reply", 30, "Director Wang", "site survey needed" } };
  AccordExtension split[] = { { "reply", 10, "Director Wang", "a" },
                              { "review_reply", 99, "nobody", "another step" },
                              { "reply", 20, "Director Wang", "b" } };
  AccordDeadlineContext context = { NULL, 0, 0, "2026-03-01", 3 };
  g_autoptr(GPtrArray) plain = accord_deadlines_compute (f->national, f->calendar, c, &context);
  g_autoptr(GPtrArray) extended = NULL;
  g_autoptr(GPtrArray) in_parts = NULL;
  AccordDeadline *d;

  /* Jan 11 + 60 = Thu Mar 12. */
  d = assert_due (plain, "reply", "2026-03-12", ACCORD_DEADLINE_ON_TIME);
  g_assert_cmpint (d->extension_days, ==, 0);
  g_assert_null (strstr (d->facts, "extended"));

  /* due = period_end (Jan 11, 60 + 30) = Sat Apr 11 → Mon Apr 13. */
  context.extensions = thirty;
  context.n_extensions = G_N_ELEMENTS (thirty);
  extended = accord_deadlines_compute (f->national, f->calendar, c, &context);
  d = assert_due (extended, "reply", "2026-04-13", ACCORD_DEADLINE_ON_TIME);
  g_assert_cmpint (d->days, ==, 60);
  g_assert_cmpint (d->extension_days, ==, 30);
  assert_facts_contain (d, "60 days from acceptance on 2026-01-11", "extended by 30 days",
                        "2026-04-11", "2026-04-13", NULL);

  context.extensions = split;
  context.n_extensions = G_N_ELEMENTS (split);
  in_parts = accord_deadlines_compute (f->national, f->calendar, c, &context);
  d = assert_due (in_parts, "reply", "2026-04-13", ACCORD_DEADLINE_ON_TIME);
  g_assert_cmpint (d->extension_days, ==, 30);
  /* Another step's extension changes nothing here. */
  assert_due (in_parts, "accept", "2026-01-20", ACCORD_DEADLINE_MET);
  g_assert_cmpint (find (in_parts, "accept")->extension_days, ==, 0);
  g_assert_null (find (in_parts, "review_reply"));
}

/* The profile's limit is what the store checks before it records an
 * extension; compute applies whatever it is given. */
static void
test_extension_limit (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AccordCase) c = new_case ("accepted", ACCORD_CASE_RECEIVED_ON, "2026-01-05",
                                      ACCORD_CASE_ACCEPTED_ON, "2026-01-11", END);
  AccordExtension too_long[] = { { "reply", 45, "Director Wang", "more than allowed" } };
  AccordDeadlineContext context = { too_long, 1, 0, "2026-03-01", 3 };
  g_autoptr(GPtrArray) deadlines = NULL;
  int max = accord_deadline_profile_max_extension (f->national, "reply");

  g_assert_cmpint (max, ==, 30);
  g_assert_cmpint (too_long[0].days, >, max);
  g_assert_cmpint (accord_deadline_profile_max_extension (f->national, "accept"), ==, 0);

  /* Jan 11 + 105 = Sun Apr 26 → Mon Apr 27. */
  deadlines = accord_deadlines_compute (f->national, f->calendar, c, &context);
  assert_due (deadlines, "reply", "2026-04-27", ACCORD_DEADLINE_ON_TIME);
}

static void
test_re_review_hearing (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AccordCase) c = new_case ("re_review",
                                      ACCORD_CASE_RECEIVED_ON, "2025-09-01",
                                      ACCORD_CASE_ACCEPTED_ON, "2025-09-05",
                                      ACCORD_CASE_ASSIGNED_ON, "2025-09-08",
                                      ACCORD_CASE_REPLIED_ON, "2025-10-30",
                                      ACCORD_CASE_REVIEW_REQUESTED_ON, "2025-11-20",
                                      ACCORD_CASE_REVIEWED_ON, "2026-02-25",
                                      ACCORD_CASE_RE_REVIEW_REQUESTED_ON, "2026-03-20", END);
  AccordDeadlineContext context = { NULL, 0, 0, "2026-04-01", 3 };
  g_autoptr(GPtrArray) plain = accord_deadlines_compute (f->national, f->calendar, c, &context);
  g_autoptr(GPtrArray) heard = NULL;
  AccordDeadline *d;

  /* The whole history, in workflow order. */
  assert_steps (plain, "register,accept,objection,reply,review_request,review_reply,"
                       "re_review_request,re_review_reply");
  /* Mar 20 + 30 = Sun Apr 19 → Mon Apr 20. */
  d = assert_due (plain, "re_review_reply", "2026-04-20", ACCORD_DEADLINE_ON_TIME);
  g_assert_cmpint (d->excluded_days, ==, 0);
  /* The review opinion came late: Nov 20 + 30 = Sat Dec 20 → Mon Dec 22. */
  d = assert_due (plain, "review_reply", "2025-12-22", ACCORD_DEADLINE_MET_LATE);
  g_assert_cmpstr (d->done_date, ==, "2026-02-25");

  /* Mar 20 + 30 + 12 = Fri May 1, Labour Day (May 1–5): Wed May 6. */
  context.hearing_days = 12;
  heard = accord_deadlines_compute (f->national, f->calendar, c, &context);
  d = assert_due (heard, "re_review_reply", "2026-05-06", ACCORD_DEADLINE_ON_TIME);
  g_assert_cmpint (d->days, ==, 30);
  g_assert_cmpint (d->excluded_days, ==, 12);
  assert_facts_contain (d, "30 days", "the re-review request", "2026-03-20", "not counting 12 days spent on hearings",
                        "2026-05-01", "劳动节", "2026-05-06", NULL);
  /* Hearings only stop the re-review clock. */
  assert_due (heard, "review_reply", "2025-12-22", ACCORD_DEADLINE_MET_LATE);
}

/* Profiles and local rules */

static void
test_zhejiang (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AccordCase) registered = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-02-11", END);
  g_autoptr(AccordCase) accepted = new_case ("accepted", ACCORD_CASE_RECEIVED_ON, "2026-01-05",
                                             ACCORD_CASE_ACCEPTED_ON, "2026-01-11", END);
  AccordExtension sixty[] = { { "reply", 60, "Director Wang", "complex matter" } };
  AccordDeadlineContext context = { NULL, 0, 0, "2026-02-11", 3 };
  g_autoptr(GPtrArray) first = accord_deadlines_compute (f->zhejiang, f->calendar, registered, &context);
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  AccordDeadline *d;

  /* Five working days: Feb 12, 13, 14 (worked), 24, 25. */
  d = assert_due (first, "accept", "2026-02-25", ACCORD_DEADLINE_ON_TIME);
  g_assert_true (d->working_days);
  g_assert_cmpint (d->days, ==, 5);
  assert_facts_contain (d, "5 working days", "2026-02-11", "2026-02-25", NULL);
  /* The rest is national. */
  assert_due (first, "register", "2026-02-26", ACCORD_DEADLINE_ON_TIME);
  assert_due (first, "objection", "2026-02-25", ACCORD_DEADLINE_ON_TIME);

  /* Jan 11 + 30 = Tue Feb 10. */
  context.today = "2026-01-20";
  second = accord_deadlines_compute (f->zhejiang, f->calendar, accepted, &context);
  d = assert_due (second, "reply", "2026-02-10", ACCORD_DEADLINE_ON_TIME);
  g_assert_cmpint (d->days, ==, 30);

  /* Jan 11 + 30 + 60 = Sat Apr 11 → Mon Apr 13. */
  context.extensions = sixty;
  context.n_extensions = 1;
  third = accord_deadlines_compute (f->zhejiang, f->calendar, accepted, &context);
  d = assert_due (third, "reply", "2026-04-13", ACCORD_DEADLINE_ON_TIME);
  assert_facts_contain (d, "30 days", "extended by 60 days", NULL);
  g_assert_cmpint (accord_deadline_profile_max_extension (f->zhejiang, "reply"), ==, 60);
}

static void
test_local_first_petition (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AccordCase) first = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-03-02", END);
  g_autoptr(AccordCase) repeat = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-03-02", END);
  g_autoptr(GPtrArray) with_rule = NULL;
  g_autoptr(GPtrArray) repeated = NULL;
  g_autoptr(GPtrArray) without_rule = NULL;

  accord_case_set_flag (repeat, ACCORD_CASE_REPEAT, TRUE);
  with_rule = compute (f->local, f->calendar, first, "2026-03-02");
  repeated = compute (f->local, f->calendar, repeat, "2026-03-02");
  without_rule = compute (f->national, f->calendar, first, "2026-03-02");

  assert_steps (with_rule, "register,accept,objection,meet,feedback,finish");
  /* Mar 2 + 3 = Thu Mar 5 (within the 3-day margin); + 7 = Mon Mar 9; + 21 = Mon Mar 23. */
  assert_due (with_rule, "meet", "2026-03-05", ACCORD_DEADLINE_DUE_SOON);
  assert_due (with_rule, "feedback", "2026-03-09", ACCORD_DEADLINE_ON_TIME);
  assert_due (with_rule, "finish", "2026-03-23", ACCORD_DEADLINE_ON_TIME);
  assert_due (with_rule, "accept", "2026-03-17", ACCORD_DEADLINE_ON_TIME);

  assert_steps (repeated, "register,accept,objection");
  assert_steps (without_rule, "register,accept,objection");
}

static void
test_local_progress (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AccordCase) c = new_case ("assigned", ACCORD_CASE_RECEIVED_ON, "2026-03-02",
                                      ACCORD_CASE_ACCEPTED_ON, "2026-03-04",
                                      ACCORD_CASE_ASSIGNED_ON, "2026-03-10", END);
  g_autoptr(GPtrArray) deadlines = compute (f->local, f->calendar, c, "2026-03-12");
  AccordDeadline *d;

  assert_steps (deadlines, "register,accept,objection,meet,feedback,finish,reply");
  d = assert_due (deadlines, "meet", "2026-03-05", ACCORD_DEADLINE_MET);
  g_assert_cmpstr (d->done_date, ==, "2026-03-04");
  d = assert_due (deadlines, "feedback", "2026-03-09", ACCORD_DEADLINE_MET_LATE);
  g_assert_cmpstr (d->done_date, ==, "2026-03-10");
  assert_due (deadlines, "finish", "2026-03-23", ACCORD_DEADLINE_ON_TIME);
  /* Mar 4 + 60 = Sun May 3, Labour Day: Wed May 6. */
  assert_due (deadlines, "reply", "2026-05-06", ACCORD_DEADLINE_ON_TIME);
}

/* States */

static void
assert_accept_state (Fixture             *f,
                     const char          *today,
                     int                  due_soon_days,
                     AccordDeadlineState  state)
{
  g_autoptr(AccordCase) c = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-03-02", END);
  AccordDeadlineContext context = { NULL, 0, 0, today, due_soon_days };
  g_autoptr(GPtrArray) deadlines = accord_deadlines_compute (f->national, f->calendar, c, &context);

  g_test_message ("today %s, margin %d", today, due_soon_days);
  /* Mar 2 + 15 = Tue Mar 17. */
  assert_due (deadlines, "accept", "2026-03-17", state);
}

static void
assert_accepted_state (Fixture             *f,
                       const char          *accepted_on,
                       AccordDeadlineState  state)
{
  g_autoptr(AccordCase) c = new_case ("accepted", ACCORD_CASE_RECEIVED_ON, "2026-03-02",
                                      ACCORD_CASE_ACCEPTED_ON, accepted_on, END);
  g_autoptr(GPtrArray) deadlines = compute (f->national, f->calendar, c, "2026-06-30");
  AccordDeadline *d = assert_due (deadlines, "accept", "2026-03-17", state);

  g_assert_cmpstr (d->done_date, ==, accepted_on);
}

static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  assert_accept_state (f, "2026-03-02", 3, ACCORD_DEADLINE_ON_TIME);
  assert_accept_state (f, "2026-03-13", 3, ACCORD_DEADLINE_ON_TIME);   /* 4 days left */
  assert_accept_state (f, "2026-03-14", 3, ACCORD_DEADLINE_DUE_SOON);  /* 3 days left */
  assert_accept_state (f, "2026-03-17", 3, ACCORD_DEADLINE_DUE_SOON);  /* the last day */
  assert_accept_state (f, "2026-03-18", 3, ACCORD_DEADLINE_OVERDUE);
  assert_accept_state (f, "2026-03-16", 0, ACCORD_DEADLINE_ON_TIME);
  assert_accept_state (f, "2026-03-17", 0, ACCORD_DEADLINE_DUE_SOON);
  assert_accept_state (f, "2026-03-10", 7, ACCORD_DEADLINE_DUE_SOON);

  assert_accepted_state (f, "2026-03-03", ACCORD_DEADLINE_MET);
  assert_accepted_state (f, "2026-03-17", ACCORD_DEADLINE_MET);
  assert_accepted_state (f, "2026-03-18", ACCORD_DEADLINE_MET_LATE);
}

static void
test_state_codes (void)
{
  g_assert_cmpstr (accord_deadline_state_code (ACCORD_DEADLINE_ON_TIME), ==, "on_time");
  g_assert_cmpstr (accord_deadline_state_code (ACCORD_DEADLINE_DUE_SOON), ==, "due_soon");
  g_assert_cmpstr (accord_deadline_state_code (ACCORD_DEADLINE_OVERDUE), ==, "overdue");
  g_assert_cmpstr (accord_deadline_state_code (ACCORD_DEADLINE_MET), ==, "met");
  g_assert_cmpstr (accord_deadline_state_code (ACCORD_DEADLINE_MET_LATE), ==, "met_late");
}

/* Which steps apply */

static void
test_declined (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AccordCase) c = new_case ("declined", ACCORD_CASE_RECEIVED_ON, "2026-03-02",
                                      ACCORD_CASE_DECLINED_ON, "2026-03-06", END);
  g_autoptr(GPtrArray) deadlines = compute (f->local, f->calendar, c, "2026-03-20");
  AccordDeadline *d;

  /* Feedback and finish never came, but a declined case no longer runs them. */
  assert_steps (deadlines, "register,accept,objection,meet");
  d = assert_due (deadlines, "accept", "2026-03-17", ACCORD_DEADLINE_MET);
  g_assert_cmpstr (d->done_date, ==, "2026-03-06");
  assert_due (deadlines, "register", "2026-03-17", ACCORD_DEADLINE_MET);
  /* Mar 2 + 5 working days = Mon Mar 9. */
  assert_due (deadlines, "objection", "2026-03-09", ACCORD_DEADLINE_MET);
  assert_due (deadlines, "meet", "2026-03-05", ACCORD_DEADLINE_MET_LATE);
}

static void
test_review_request (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AccordCase) replied = new_case ("replied", ACCORD_CASE_RECEIVED_ON, "2026-01-05",
                                            ACCORD_CASE_ACCEPTED_ON, "2026-01-08",
                                            ACCORD_CASE_ASSIGNED_ON, "2026-01-09",
                                            ACCORD_CASE_REPLIED_ON, "2026-02-27", END);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) terminated = NULL;
  AccordDeadline *d;

  before = compute (f->national, f->calendar, replied, "2026-03-20");
  assert_steps (before, "register,accept,objection,reply,review_request");
  assert_due (before, "reply", "2026-03-09", ACCORD_DEADLINE_MET);
  /* Feb 27 + 30 = Sun Mar 29 → Mon Mar 30: the petitioner's period. */
  d = assert_due (before, "review_request", "2026-03-30", ACCORD_DEADLINE_ON_TIME);
  assert_facts_contain (d, "30 days", "the written reply", "2026-02-27", "2026-03-29", "2026-03-30",
                        "petitioner", "terminated", NULL);
  after = compute (f->national, f->calendar, replied, "2026-03-31");
  assert_due (after, "review_request", "2026-03-30", ACCORD_DEADLINE_OVERDUE);

  /* Terminated after the period without a request: nothing is left to run. */
  accord_case_set_text (replied, ACCORD_CASE_STATUS, "terminated");
  accord_case_set_text (replied, ACCORD_CASE_TERMINATED_ON, "2026-04-02");
  terminated = compute (f->national, f->calendar, replied, "2026-04-10");
  assert_steps (terminated, "register,accept,objection,reply");
}

static void
test_late_review_request (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AccordCase) c = new_case ("review", ACCORD_CASE_RECEIVED_ON, "2026-01-05",
                                      ACCORD_CASE_ACCEPTED_ON, "2026-01-08",
                                      ACCORD_CASE_REPLIED_ON, "2026-02-27",
                                      ACCORD_CASE_REVIEW_REQUESTED_ON, "2026-04-02", END);
  g_autoptr(GPtrArray) deadlines = compute (f->national, f->calendar, c, "2026-04-10");

  assert_steps (deadlines, "register,accept,objection,reply,review_request,review_reply");
  assert_due (deadlines, "review_request", "2026-03-30", ACCORD_DEADLINE_MET_LATE);
  /* Apr 2 + 30 = Sat May 2, Labour Day → Wed May 6. */
  assert_due (deadlines, "review_reply", "2026-05-06", ACCORD_DEADLINE_ON_TIME);
  /* Never assigned: registration was completed by the reply (Jan 5 + 15 = Tue Jan 20). */
  assert_due (deadlines, "register", "2026-01-20", ACCORD_DEADLINE_MET_LATE);
}

static void
test_bad_dates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AccordCase) none = new_case ("registered", END);
  g_autoptr(AccordCase) junk = new_case ("registered", ACCORD_CASE_RECEIVED_ON, "2026-02-30", END);
  g_autoptr(AccordCase) no_status = accord_case_new ();
  g_autoptr(GPtrArray) a = compute (f->national, f->calendar, none, "2026-03-01");
  g_autoptr(GPtrArray) b = compute (f->national, f->calendar, junk, "2026-03-01");
  g_autoptr(GPtrArray) c = NULL;

  g_assert_cmpuint (a->len, ==, 0);
  g_assert_cmpuint (b->len, ==, 0);

  /* No status yet means just received; no context means today and 3 days. */
  accord_case_set_text (no_status, ACCORD_CASE_RECEIVED_ON, "2026-03-02");
  c = accord_deadlines_compute (f->national, f->calendar, no_status, NULL);
  assert_steps (c, "register,accept,objection");
  g_assert_cmpstr (find (c, "accept")->due_date, ==, "2026-03-17");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deadlines/profile/names", test_profile_names);
  g_test_add_func ("/deadlines/profile/unknown", test_profile_unknown);
  g_test_add ("/deadlines/profile/steps", Fixture, NULL, fixture_setup, test_profile_steps, fixture_teardown);
  g_test_add ("/deadlines/profile/max-extension", Fixture, NULL,
              fixture_setup, test_profile_max_extension, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (broken_profiles); i++)
    {
      g_autofree char *path = g_strconcat ("/deadlines/profile/parse-error/", broken_profiles[i][0], NULL);

      g_test_add_data_func (path, broken_profiles[i][1], test_profile_parse_error);
    }
  g_test_add ("/deadlines/count/spring-festival", Fixture, NULL,
              fixture_setup, test_spring_festival, fixture_teardown);
  g_test_add ("/deadlines/count/worked-saturday", Fixture, NULL,
              fixture_setup, test_worked_saturday, fixture_teardown);
  g_test_add ("/deadlines/count/objection-across-holiday", Fixture, NULL,
              fixture_setup, test_objection_across_holiday, fixture_teardown);
  g_test_add ("/deadlines/count/national-day", Fixture, NULL, fixture_setup, test_national_day, fixture_teardown);
  g_test_add ("/deadlines/count/weekend", Fixture, NULL, fixture_setup, test_weekend_end, fixture_teardown);
  g_test_add ("/deadlines/extension/reply", Fixture, NULL, fixture_setup, test_reply_extension, fixture_teardown);
  g_test_add ("/deadlines/extension/limit", Fixture, NULL, fixture_setup, test_extension_limit, fixture_teardown);
  g_test_add ("/deadlines/hearing/re-review", Fixture, NULL,
              fixture_setup, test_re_review_hearing, fixture_teardown);
  g_test_add ("/deadlines/profile/zhejiang", Fixture, NULL, fixture_setup, test_zhejiang, fixture_teardown);
  g_test_add ("/deadlines/local/first-petition", Fixture, NULL,
              fixture_setup, test_local_first_petition, fixture_teardown);
  g_test_add ("/deadlines/local/progress", Fixture, NULL, fixture_setup, test_local_progress, fixture_teardown);
  g_test_add ("/deadlines/state/margin", Fixture, NULL, fixture_setup, test_states, fixture_teardown);
  g_test_add_func ("/deadlines/state/codes", test_state_codes);
  g_test_add ("/deadlines/applies/declined", Fixture, NULL, fixture_setup, test_declined, fixture_teardown);
  g_test_add ("/deadlines/applies/review-request", Fixture, NULL,
              fixture_setup, test_review_request, fixture_teardown);
  g_test_add ("/deadlines/applies/late-review-request", Fixture, NULL,
              fixture_setup, test_late_review_request, fixture_teardown);
  g_test_add ("/deadlines/applies/bad-dates", Fixture, NULL, fixture_setup, test_bad_dates, fixture_teardown);

  return g_test_run ();
}
