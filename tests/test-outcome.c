/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-outcome"

#include "accord-money.h"
#include "accord-outcome.h"
#include "accord-scheduler.h"
#include "accord-store.h"
#include "accord-validate.h"
#include "accord-test-util.h"

/* Recording the outcome of a held hearing: attendance, votes, terms. */
typedef struct
{
  AccordTestDb   db;
  char          *number;
  AccordSession *hearing;
  gint64         panelists[3];
} Fixture;

static gint64
add_person (Fixture    *f,
            const char *name,
            const char *role)
{
  const char *roles[] = { role, NULL };
  AccordPersonInput in = { name, roles, NULL, NULL };
  g_autoptr(AccordPerson) p = accord_store_add_person (f->db.store, &in, NULL);

  return p->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const AccordPetitionerInput petitioner = { "刘洋", "440304198501011235", "13800001111", NULL };
  AccordCaseInput in = { .title = "房屋征收补偿问题", .category = "城乡建设", .channel = "visit",
                         .received_on = "2026-10-09", .petitioners = &petitioner, .n_petitioners = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-11-10T14:00:00+08:00", NULL);
  AccordParticipantInput people[4];
  AccordSessionInput session;

  accord_test_db_setup (&f->db, NULL);
  c = accord_store_add_case (f->db.store, &in, &error);
  g_assert_no_error (error);
  f->number = g_strdup (accord_case_get_number (c));
  people[0] = (AccordParticipantInput) { add_person (f, "周建华", "officer"), 0, "presider" };
  f->panelists[0] = add_person (f, "王芳", "lawyer");
  f->panelists[1] = add_person (f, "李建国", "npc_deputy");
  f->panelists[2] = add_person (f, "孙丽华", "expert");
  for (int i = 0; i < 3; i++)
    people[i + 1] = (AccordParticipantInput) { f->panelists[i], 0, "panelist" };
  session = (AccordSessionInput) { f->number, "hearing", g_date_time_to_unix (start),
                                   g_date_time_to_unix (start) + 7200, 0, people, 4, "2026-11-01" };

  scheduler = accord_scheduler_new (f->db.store, &error);
  f->hearing = accord_scheduler_book (scheduler, &session, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->hearing, accord_session_free);
  g_free (f->number);
  accord_test_db_teardown (&f->db, NULL);
}

static gint64
participant_id (Fixture *f,
                gint64   person_id)
{
  for (guint i = 0; i < f->hearing->participants->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (f->hearing->participants, i);
      if (p->person_id == person_id)
        return p->id;
    }
  g_assert_not_reached ();
}

static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordOutcome) o = NULL;
  g_autoptr(AccordSession) held = NULL;
  const char *minutes[] = { "信访人陈述了诉求。", "责任单位作了答复。", NULL };
  AccordAttendanceInput attendance[] = {
    { participant_id (f, f->panelists[0]), "present", "support", NULL },
    { participant_id (f, f->panelists[1]), "present", "support", "同意" },
    { participant_id (f, f->panelists[2]), "present", "oppose", "补偿偏低" },
  };
  AccordTermInput terms[] = {
    { "区住房和城乡建设委员会", "支付补偿款", 22000000, "2026-12-31", FALSE },
    { "信访人", "不再就同一事实重复信访", -1, NULL, FALSE },
  };
  const char *facts[] = { "信访人房屋建筑面积86平方米。", "评估报告已送达信访人。", NULL };
  AccordOutcomeInput in = { f->hearing->id, attendance, 3, "agreement", "维持原补偿决定并增加过渡费",
                            minutes, terms, 2, "2027-01-15", facts };

  g_assert_true (accord_store_record_outcome (f->db.store, &in, &error));
  g_assert_no_error (error);

  o = accord_store_get_outcome (f->db.store, f->hearing->id, &error);
  g_assert_cmpint (o->votes_support, ==, 2);
  g_assert_cmpint (o->votes_oppose, ==, 1);
  g_assert_true (o->majority);
  g_assert_cmpint (o->terms->len, ==, 2);
  g_assert_cmpint (((AccordTerm *) g_ptr_array_index (o->terms, 0))->amount_fen, ==, 22000000);
  g_assert_cmpint (((AccordTerm *) g_ptr_array_index (o->terms, 1))->amount_fen, ==, -1);
  g_assert_cmpstr (o->minutes[1], ==, "责任单位作了答复。");
  g_assert_cmpstr (o->facts[0], ==, "信访人房屋建筑面积86平方米。");
  g_assert_cmpstr (o->facts[1], ==, "评估报告已送达信访人。");
  g_assert_null (o->facts[2]);

  held = accord_store_get_session (f->db.store, f->hearing->id, NULL);
  g_assert_cmpstr (held->status, ==, "held");
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *before = accord_test_dump (f->db.path);
  g_autofree char *after = NULL;
  AccordAttendanceInput two[] = {
    { participant_id (f, f->panelists[0]), "present", "support", NULL },
    { participant_id (f, f->panelists[1]), "present", "support", NULL },
    { participant_id (f, f->panelists[2]), "present", NULL, NULL },   /* no vote */
  };
  AccordTermInput negative[] = { { "区民政局", "支付救助金", -5, NULL, FALSE } };
  AccordTermInput too_much[] = { { "区民政局", "支付救助金", ACCORD_MONEY_MAX_FEN + 1, NULL, FALSE } };
  AccordTermInput early[] = { { "区民政局", "支付救助金", 100, "2026-11-09", FALSE } };
  struct { AccordOutcomeInput in; int code; } cases[] = {
    { { f->hearing->id, two, 3, "agreement", "意见" }, ACCORD_VALIDATE_ERROR_REQUIRED },
    { { f->hearing->id, two, 2, "agreement", NULL }, ACCORD_VALIDATE_ERROR_REQUIRED },
    { { f->hearing->id, two, 2, "agreement", "意见", NULL, negative, 1 }, ACCORD_VALIDATE_ERROR_FORMAT },
    { { f->hearing->id, two, 2, "agreement", "意见", NULL, too_much, 1 }, ACCORD_VALIDATE_ERROR_FORMAT },
    { { f->hearing->id, two, 2, "agreement", "意见", NULL, early, 1 }, ACCORD_VALIDATE_ERROR_DATE },
    { { f->hearing->id, two, 2, "lost", "意见" }, ACCORD_VALIDATE_ERROR_FORMAT },
    { { f->hearing->id, two, 2, "agreement", "意见", NULL, NULL, 0, "2026-11-01" }, ACCORD_VALIDATE_ERROR_DATE },
  };

  /* The third panelist's attendance stays "expected" in case 2: only the
   * two who voted are present. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (accord_store_record_outcome (f->db.store, &cases[i].in, &error));
      g_assert_error (error, ACCORD_VALIDATE_ERROR, cases[i].code);
    }
  after = accord_test_dump (f->db.path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_withdrawn_ends_case (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;
  AccordOutcomeInput in = { f->hearing->id, NULL, 0, "withdrawn" };

  g_assert_true (accord_store_record_outcome (f->db.store, &in, &error));
  g_assert_no_error (error);
  c = accord_store_get_case (f->db.store, f->number, NULL);
  g_assert_cmpstr (accord_case_get_status (c), ==, "terminated");
  g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_TERMINATED_ON), ==, "2026-11-10");
}

/* A form in progress is kept, replaced, dropped; an oversized one is
 * refused and the kept one stays. */
static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  AccordStore *store = f->db.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (ACCORD_DRAFT_MAX_CHARS + 1, 'x');
  g_autofree char *first = NULL, *second = NULL, *gone = NULL;

  g_assert_null (accord_store_load_draft (store, "outcome:1"));
  g_assert_true (accord_store_save_draft (store, "outcome:1", "{\"minutes\":\"甲方称\"}", &error));
  g_assert_no_error (error);
  first = accord_store_load_draft (store, "outcome:1");
  g_assert_cmpstr (first, ==, "{\"minutes\":\"甲方称\"}");

  g_assert_true (accord_store_save_draft (store, "outcome:1", "{\"minutes\":\"乙方称\"}", &error));
  g_assert_false (accord_store_save_draft (store, "outcome:1", huge, &error));
  g_assert_nonnull (error);
  second = accord_store_load_draft (store, "outcome:1");
  g_assert_cmpstr (second, ==, "{\"minutes\":\"乙方称\"}");

  g_assert_true (accord_store_save_draft (store, "outcome:1", NULL, NULL));
  gone = accord_store_load_draft (store, "outcome:1");
  g_assert_null (gone);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/outcome/record", test_record);
  ADD ("/outcome/refusals", test_refusals);
  ADD ("/outcome/withdrawn", test_withdrawn_ends_case);
  ADD ("/outcome/drafts", test_drafts);

  return g_test_run ();
}
