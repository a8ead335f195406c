/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-scheduler"

#include <stdio.h>

#include "accord-composition.h"
#include "accord-scheduler.h"
#include "accord-seed.h"
#include "accord-store.h"
#include "accord-validate.h"
#include "accord-test-util.h"

/* A small bureau: one case with two petitioners, a pool that covers a
 * hearing panel, and two venues. */
typedef struct
{
  AccordTestDb     db;
  AccordScheduler *scheduler;
  char            *number;
  gint64           petitioners[2];
  gint64           presider, lawyer, deputy, expert, cppcc, psychologist, mediator, officer2;
  gint64           room, small_room;
} Fixture;

static gint64
add_person (Fixture    *f,
            const char *name,
            const char *role)
{
  const char *roles[] = { role, NULL };
  AccordPersonInput in = { name, roles, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPerson) p = accord_store_add_person (f->db.store, &in, &error);

  g_assert_no_error (error);
  return p->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const AccordPetitionerInput petitioners[] = {
    { "刘洋", "440304198501011235", "13800001111", NULL },
    { "赵敏", "11010119900307002X", "13800002222", NULL },
  };
  AccordCaseInput in = { .title = "房屋征收补偿问题", .category = "城乡建设", .channel = "visit",
                         .received_on = "2026-10-09", .petitioners = petitioners, .n_petitioners = 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;
  g_autoptr(AccordVenue) room = NULL;
  g_autoptr(AccordVenue) small = NULL;

  accord_test_db_setup (&f->db, NULL);
  c = accord_store_add_case (f->db.store, &in, &error);
  g_assert_no_error (error);
  f->number = g_strdup (accord_case_get_number (c));
  f->petitioners[0] = ((AccordPetitioner *) g_ptr_array_index (accord_case_get_petitioners (c), 0))->id;
  f->petitioners[1] = ((AccordPetitioner *) g_ptr_array_index (accord_case_get_petitioners (c), 1))->id;

  f->presider = add_person (f, "周建华", "officer");
  f->lawyer = add_person (f, "王芳", "lawyer");
  f->deputy = add_person (f, "李建国", "npc_deputy");
  f->expert = add_person (f, "孙丽华", "expert");
  f->cppcc = add_person (f, "吴志强", "cppcc_member");
  f->psychologist = add_person (f, "郑静", "psychologist");
  f->mediator = add_person (f, "何平", "mediator");
  f->officer2 = add_person (f, "高明", "officer");

  room = accord_store_add_venue (f->db.store, "一号听证室", 20, NULL, &error);
  small = accord_store_add_venue (f->db.store, "小会议室", 6, NULL, &error);
  g_assert_no_error (error);
  f->room = room->id;
  f->small_room = small->id;

  f->scheduler = accord_scheduler_new (f->db.store, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->scheduler);
  g_free (f->number);
  accord_test_db_teardown (&f->db, NULL);
}

/* Local time in the bureau's zone (Asia/Shanghai) as a Unix instant. */
static gint64
at (const char *local)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  int y, mo, d, h, mi;

  g_assert_cmpint (sscanf (local, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  {
    g_autoptr(GDateTime) dt = g_date_time_new (tz, y, mo, d, h, mi, 0);
    return g_date_time_to_unix (dt);
  }
}

typedef struct
{
  AccordSessionInput     input;
  AccordParticipantInput people[12];
} Proposal;

/* A valid hearing: presider, lawyer, deputy and expert on the panel. */
static void
hearing (Fixture    *f,
         Proposal   *p,
         const char *start,
         const char *end)
{
  AccordParticipantInput people[] = {
    { f->presider, 0, "presider" }, { f->lawyer, 0, "panelist" }, { f->deputy, 0, "panelist" },
    { f->expert, 0, "panelist" },
  };

  memset (p, 0, sizeof *p);
  memcpy (p->people, people, sizeof people);
  p->input = (AccordSessionInput) { f->number, "hearing", at (start), at (end), f->room,
                                    p->people, G_N_ELEMENTS (people), "2026-11-20" };
}

static void
add_participant (Proposal   *p,
                 gint64      person,
                 const char *role)
{
  p->people[p->input.n_participants++] = (AccordParticipantInput) { person, 0, role };
}

static GPtrArray *
check (Fixture  *f,
       Proposal *p)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = accord_scheduler_check (f->scheduler, &p->input, 0, &error);

  g_assert_no_error (error);
  return conflicts;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The rule ids found, sorted and joined with spaces: "" when clean. */
static char *
rules_of (GPtrArray *conflicts)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < conflicts->len; i++)
    {
      AccordConflict *c = g_ptr_array_index (conflicts, i);
      if (!g_ptr_array_find_with_equal_func (ids, c->rule, g_str_equal, NULL))
        g_ptr_array_add (ids, c->rule);
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

#define ASSERT_RULES(f, p, expected) \
  G_STMT_START { \
    g_autoptr(GPtrArray) conflicts_ = check (f, p); \
    g_autofree char *rules_ = rules_of (conflicts_); \
    g_assert_cmpstr (rules_, ==, expected); \
  } G_STMT_END

static AccordSession *
book (Fixture    *f,
      Proposal   *p,
      const char *reason)
{
  g_autoptr(GError) error = NULL;
  AccordSession *s = accord_scheduler_book (f->scheduler, &p->input, reason, NULL, &error);

  g_assert_no_error (error);
  return s;
}

/* A mediation with one mediator and one psychologist in the small room. */
static void
mediation (Fixture    *f,
           Proposal   *p,
           const char *start,
           const char *end)
{
  memset (p, 0, sizeof *p);
  p->input = (AccordSessionInput) { f->number, "mediation", at (start), at (end), f->small_room, p->people, 0 };
  add_participant (p, f->mediator, "mediator");
}

static void
test_clean (Fixture       *f,
            gconstpointer  data)
{
  Proposal p;

  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  ASSERT_RULES (f, &p, "");
  mediation (f, &p, "2026-12-01 09:00", "2026-12-01 11:30");
  ASSERT_RULES (f, &p, "");
}

static void
test_time (Fixture       *f,
           gconstpointer  data)
{
  Proposal p;

  mediation (f, &p, "2026-12-01 09:00", "2026-12-01 09:00");
  ASSERT_RULES (f, &p, "time");
  mediation (f, &p, "2026-12-01 09:00", "2026-12-02 09:01");
  ASSERT_RULES (f, &p, "time");
  mediation (f, &p, "2026-12-01 10:00", "2026-12-01 09:00");
  ASSERT_RULES (f, &p, "time");
}

/* Overlap by one minute, within the buffer, and the buffer met exactly. */
static void
test_double_booking (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AccordSession) first = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  AccordConflict *c;
  Proposal p;

  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  first = book (f, &p, NULL);

  mediation (f, &p, "2026-12-01 15:59", "2026-12-01 17:00");
  add_participant (&p, f->lawyer, "lawyer");
  p.input.venue_id = f->room;
  conflicts = check (f, &p);
  {
    g_autofree char *rules = rules_of (conflicts);
    g_assert_cmpstr (rules, ==, "person-busy petitioner-busy venue-busy");
  }
  c = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (c->severity, ==, ACCORD_SEVERITY_HARD);
  g_assert_cmpint (g_array_index (c->session_ids, gint64, 0), ==, first->id);

  /* 16:00 keeps no buffer; 16:15 keeps exactly 15 minutes. */
  mediation (f, &p, "2026-12-01 16:00", "2026-12-01 17:00");
  add_participant (&p, f->lawyer, "lawyer");
  ASSERT_RULES (f, &p, "buffer");
  mediation (f, &p, "2026-12-01 16:14", "2026-12-01 17:00");
  ASSERT_RULES (f, &p, "buffer");
  mediation (f, &p, "2026-12-01 16:15", "2026-12-01 17:15");
  add_participant (&p, f->lawyer, "lawyer");
  p.input.venue_id = f->room;
  ASSERT_RULES (f, &p, "");
  /* Ends exactly a buffer before the hearing starts. */
  mediation (f, &p, "2026-12-01 11:00", "2026-12-01 13:45");
  ASSERT_RULES (f, &p, "hours");
  mediation (f, &p, "2026-12-01 11:00", "2026-12-01 13:46");
  ASSERT_RULES (f, &p, "buffer hours");
}

static void
test_message_names_the_clash (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(AccordSession) first = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *expected = NULL;
  Proposal p;

  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  first = book (f, &p, NULL);
  mediation (f, &p, "2026-12-01 15:00", "2026-12-01 17:00");
  p.input.venue_id = 0;
  p.people[0] = (AccordParticipantInput) { f->lawyer, 0, "mediator" };
  p.input.n_participants = 1;
  p.people[1] = (AccordParticipantInput) { 0, f->petitioners[1], "petitioner" };
  p.input.n_participants = 2;
  conflicts = check (f, &p);
  expected = g_strdup_printf ("王芳 is already booked as panelist for %s, 2026-12-01 14:00–16:00 in 一号听证室", f->number);
  g_assert_cmpstr (((AccordConflict *) g_ptr_array_index (conflicts, 0))->message, ==, expected);
}

static void
test_availability (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AccordWeeklySlot tuesday[] = { { 2, 14 * 60, 17 * 60 + 30 } };
  Proposal p;

  g_assert_true (accord_store_set_weekly_availability (f->db.store, f->expert, tuesday, 1, &error));
  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");   /* a Tuesday */
  ASSERT_RULES (f, &p, "");
  hearing (f, &p, "2026-12-02 14:00", "2026-12-02 16:00");
  ASSERT_RULES (f, &p, "unavailable");
  hearing (f, &p, "2026-12-01 13:59", "2026-12-01 16:00");
  ASSERT_RULES (f, &p, "hours unavailable");

  /* A dated absence, and one that ends exactly when the session starts. */
  g_assert_true (accord_store_add_absence (f->db.store, f->lawyer, at ("2026-12-01 08:00"),
                                           at ("2026-12-01 14:00"), "出庭", &error));
  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  ASSERT_RULES (f, &p, "");
  hearing (f, &p, "2026-12-01 10:00", "2026-12-01 11:30");
  p.people[3].person_id = f->cppcc;   /* the expert is not available in the morning */
  ASSERT_RULES (f, &p, "absent");
}

static void
test_capacity (Fixture       *f,
               gconstpointer  data)
{
  Proposal p;

  /* Six people in a room for six: presider, three panelists, two petitioners. */
  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  p.input.venue_id = f->small_room;
  ASSERT_RULES (f, &p, "");
  add_participant (&p, f->psychologist, "psychologist");
  ASSERT_RULES (f, &p, "capacity");
}

static void
test_recusal (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Proposal p;

  /* Through a petitioner of the case, not the case itself. */
  g_assert_true (accord_store_add_interest (f->db.store, f->deputy, NULL, f->petitioners[1], "亲属", &error));
  g_assert_true (accord_store_add_interest (f->db.store, f->psychologist, f->number, 0, NULL, &error));
  g_assert_no_error (error);

  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  ASSERT_RULES (f, &p, "recusal");
  /* A psychologist does not decide: no recusal. */
  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  p.people[2].person_id = f->cppcc;
  add_participant (&p, f->psychologist, "psychologist");
  ASSERT_RULES (f, &p, "");
}

static void
test_panel (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;
  Proposal p;

  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  p.input.n_participants = 3;
  ASSERT_RULES (f, &p, "panel-size");
  add_participant (&p, f->expert, "panelist");
  add_participant (&p, f->cppcc, "panelist");
  ASSERT_RULES (f, &p, "panel-size");
  add_participant (&p, f->psychologist, "panelist");
  ASSERT_RULES (f, &p, "");

  accord_scheduler_get_rules (f->scheduler)->min_panel = 7;
  ASSERT_RULES (f, &p, "panel-size");
  accord_scheduler_get_rules (f->scheduler)->min_panel = 3;

  /* No presiding officer; then the case's own leader presiding. */
  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  p.people[0].role = "recorder";
  ASSERT_RULES (f, &p, "presider");
  c = accord_store_get_case (f->db.store, f->number, &error);
  accord_case_set_text (c, ACCORD_CASE_LEADER, "周建华");
  g_assert_true (accord_store_update_case (f->db.store, c, &error));
  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  ASSERT_RULES (f, &p, "presider");
  p.people[0].person_id = f->officer2;
  ASSERT_RULES (f, &p, "");
}

static void
test_notice (Fixture       *f,
             gconstpointer  data)
{
  Proposal p;

  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  p.input.notice_date = "2026-11-24";   /* exactly 7 days */
  ASSERT_RULES (f, &p, "");
  p.input.notice_date = "2026-11-25";
  ASSERT_RULES (f, &p, "notice");
  /* Without a notice date the notice goes out today (2026-11-20). */
  hearing (f, &p, "2026-11-27 09:00", "2026-11-27 11:00");
  p.input.notice_date = NULL;
  ASSERT_RULES (f, &p, "");
  hearing (f, &p, "2026-11-26 09:00", "2026-11-26 11:00");
  p.input.notice_date = NULL;
  ASSERT_RULES (f, &p, "notice");
}

static void
test_working_days (Fixture       *f,
                   gconstpointer  data)
{
  Proposal p;

  /* National Day 2026, the Saturday worked after it, and a plain Sunday. */
  mediation (f, &p, "2026-10-02 09:00", "2026-10-02 11:00");
  ASSERT_RULES (f, &p, "non-working-day");
  mediation (f, &p, "2026-10-10 09:00", "2026-10-10 11:00");
  ASSERT_RULES (f, &p, "");
  mediation (f, &p, "2026-10-11 09:00", "2026-10-11 11:00");
  ASSERT_RULES (f, &p, "non-working-day");

  accord_scheduler_get_rules (f->scheduler)->allow_non_working_days = TRUE;
  mediation (f, &p, "2026-10-02 09:00", "2026-10-02 11:00");
  ASSERT_RULES (f, &p, "");
}

static void
test_soft_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  Proposal p;

  mediation (f, &p, "2026-12-01 08:30", "2026-12-01 12:00");
  ASSERT_RULES (f, &p, "");
  mediation (f, &p, "2026-12-01 08:29", "2026-12-01 12:00");
  ASSERT_RULES (f, &p, "hours");
  mediation (f, &p, "2026-12-01 14:00", "2026-12-01 17:31");
  ASSERT_RULES (f, &p, "hours");

  /* A mediation without a mediator; a panel without a lawyer. */
  mediation (f, &p, "2026-12-01 09:00", "2026-12-01 10:00");
  p.people[0].role = "observer";
  ASSERT_RULES (f, &p, "composition");
  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  p.people[1].person_id = f->cppcc;
  conflicts = check (f, &p);
  g_assert_cmpint (((AccordConflict *) g_ptr_array_index (conflicts, 0))->severity, ==, ACCORD_SEVERITY_SOFT);
  g_assert_cmpstr (((AccordConflict *) g_ptr_array_index (conflicts, 0))->message, ==,
                   "The panel should include at least 1 of: Lawyer or Legal worker");
}

/* A composition setting is read back as it was written; unknown roles, a
 * count below 1 and a malformed text are refused by the store with a
 * reason; a new scheduler follows the setting stored. */
static void
test_composition_setting (Fixture       *f,
                          gconstpointer  data)
{
  static const struct
  {
    const char *key;
    const char *value;
    const char *message;
  } refused[] = {
    { "schedule.hearing_composition", "lawyer|wizard:1", "“wizard” is not a role of the pool" },
    { "schedule.hearing_composition", "lawyer:0", "A requirement asks for at least 1 person and at most 15" },
    { "schedule.hearing_composition", "lawyer:-2", "A requirement asks for at least 1 person and at most 15" },
    { "schedule.hearing_composition", "lawyer:16", "A requirement asks for at least 1 person and at most 15" },
    { "schedule.hearing_composition", "lawyer",
      "Write each requirement as roles separated by | and a number, for example lawyer|legal_worker:1" },
    { "schedule.hearing_composition", "lawyer:1,,expert:1",
      "Write each requirement as roles separated by | and a number, for example lawyer|legal_worker:1" },
    { "schedule.hearing_composition", "|:1",
      "Write each requirement as roles separated by | and a number, for example lawyer|legal_worker:1" },
    { "schedule.hearing_composition", "mediator:one",
      "Write each requirement as roles separated by | and a number, for example lawyer|legal_worker:1" },
    /* A mediation counts roles in the session, not in the pool. */
    { "schedule.mediation_composition", "npc_deputy:1", "“npc_deputy” is not a role in a session" },
  };
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;
  Proposal p;

  parsed = accord_composition_parse (" lawyer | legal_worker:1, expert:2 ", ACCORD_VOCAB_PERSON_ROLE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 2);
  described = accord_requirement_describe (g_ptr_array_index (parsed, 0), ACCORD_VOCAB_PERSON_ROLE);
  g_assert_cmpstr (described, ==, "Lawyer or Legal worker");
  text = accord_composition_format (parsed);
  g_assert_cmpstr (text, ==, "lawyer|legal_worker:1,expert:2");
  g_clear_pointer (&parsed, g_ptr_array_unref);
  parsed = accord_composition_parse ("", ACCORD_VOCAB_SESSION_ROLE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *kept = NULL;

      g_assert_false (accord_store_set_setting (f->db.store, refused[i].key, refused[i].value, &error));
      g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
      g_assert_cmpstr (error->message, ==, refused[i].message);
      g_clear_error (&error);
      kept = accord_store_get_setting (f->db.store, refused[i].key, NULL);
      g_assert_null (kept);
    }

  /* The default panel lacks an expert pair; the setting asks for one. */
  g_assert_true (accord_store_set_setting (f->db.store, "schedule.hearing_composition",
                                           "lawyer|legal_worker:1,expert|psychologist:2", &error));
  g_assert_no_error (error);
  g_clear_object (&f->scheduler);
  f->scheduler = accord_scheduler_new (f->db.store, &error);
  g_assert_no_error (error);
  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  conflicts = check (f, &p);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((AccordConflict *) g_ptr_array_index (conflicts, 0))->message, ==,
                   "The panel should include at least 2 of: Expert or Psychologist");

  /* No requirement at all: a panel of officers is accepted. */
  g_assert_true (accord_store_set_setting (f->db.store, "schedule.hearing_composition", "", &error));
  g_assert_no_error (error);
  g_clear_object (&f->scheduler);
  f->scheduler = accord_scheduler_new (f->db.store, &error);
  g_assert_no_error (error);
  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  p.people[1].person_id = f->officer2;
  ASSERT_RULES (f, &p, "");
}

static void
test_weekly_load (Fixture       *f,
                  gconstpointer  data)
{
  const char *days[] = { "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05" };
  Proposal p;

  /* Six mediations in the week of Monday 2026-11-30 (Saturday the 5th is not
   * a working day, so it moves to the afternoon of the 4th). */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *start = g_strdup_printf ("%s 09:00", days[i]);
      g_autofree char *end = g_strdup_printf ("%s 10:00", days[i]);
      g_autoptr(AccordSession) s = NULL;

      mediation (f, &p, start, end);
      s = book (f, &p, NULL);
    }
  mediation (f, &p, "2026-12-04 14:00", "2026-12-04 15:00");
  ASSERT_RULES (f, &p, "");
  {
    g_autoptr(AccordSession) s = book (f, &p, NULL);
  }
  mediation (f, &p, "2026-12-04 16:00", "2026-12-04 17:00");
  ASSERT_RULES (f, &p, "load");
  /* The next week is free again. */
  mediation (f, &p, "2026-12-07 09:00", "2026-12-07 10:00");
  ASSERT_RULES (f, &p, "");
}

static void
test_representatives (Fixture       *f,
                      gconstpointer  data)
{
  AccordPetitionerInput people[6] = {
    { "甲一", "110101199001010015", "13800000001" }, { "乙二", "110101199001020010", "13800000002" },
    { "丙三", "110101199001030016", "13800000003" }, { "丁四", "110101199001040011", "13800000004" },
    { "戊五", "110101199001050017", "13800000005" }, { "己六", "110101199001060012", "13800000006" },
  };
  AccordCaseInput in = { .title = "集体反映拖欠工资", .category = "劳动社保", .channel = "visit",
                         .received_on = "2026-11-02", .petitioners = people, .n_petitioners = 6 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;
  Proposal p;

  in.flags[ACCORD_CASE_COLLECTIVE] = TRUE;
  c = accord_store_add_case (f->db.store, &in, &error);
  g_assert_no_error (error);
  mediation (f, &p, "2026-12-01 09:00", "2026-12-01 10:00");
  p.input.case_number = accord_case_get_number (c);
  p.input.venue_id = f->room;
  ASSERT_RULES (f, &p, "representatives");
}

static void
test_override (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(AccordSession) s = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *audit = NULL;
  Proposal p;

  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  p.input.n_participants = 3;   /* two panelists: refused */
  before = accord_test_dump (f->db.path);
  g_assert_null (accord_scheduler_book (f->scheduler, &p.input, NULL, &conflicts, &error));
  g_assert_error (error, ACCORD_SCHEDULER_ERROR, ACCORD_SCHEDULER_ERROR_CONFLICT);
  g_assert_cmpint (conflicts->len, >, 0);
  g_clear_error (&error);
  g_assert_null (accord_scheduler_book (f->scheduler, &p.input, "   ", NULL, &error));
  g_assert_error (error, ACCORD_SCHEDULER_ERROR, ACCORD_SCHEDULER_ERROR_CONFLICT);
  g_clear_error (&error);
  after = accord_test_dump (f->db.path);
  g_assert_cmpstr (before, ==, after);

  s = accord_scheduler_book (f->scheduler, &p.input, "第三名听证员临时生病，经局长批准两人听证", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->override_reason, ==, "第三名听证员临时生病，经局长批准两人听证");
  g_assert_cmpint (s->participants->len, ==, 5);   /* with both petitioners */

  audit = accord_test_dump (f->db.path);
  g_assert_nonnull (strstr (audit, "session.add"));
  g_assert_nonnull (strstr (audit, "\"overridden\":[\"panel-size\"]"));
  g_assert_nonnull (strstr (audit, "经局长批准两人听证"));
}

static void
test_ripple (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordSession) hearing_session = NULL;
  g_autoptr(AccordSession) other = NULL;
  g_autoptr(AccordSession) moved = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  gint64 from = at ("2026-11-20 00:00"), to = at ("2027-01-01 00:00");
  Proposal p;

  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  hearing_session = book (f, &p, NULL);
  mediation (f, &p, "2026-12-02 09:00", "2026-12-02 10:00");
  other = book (f, &p, NULL);

  broken = accord_scheduler_broken (f->scheduler, from, to, 0, 0, &error);
  g_assert_cmpint (broken->len, ==, 0);
  g_clear_pointer (&broken, g_ptr_array_unref);

  /* The lawyer falls ill. */
  g_assert_true (accord_store_add_absence (f->db.store, f->lawyer, at ("2026-12-01 00:00"),
                                           at ("2026-12-02 00:00"), "病假", &error));
  broken = accord_scheduler_broken (f->scheduler, from, to, f->lawyer, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (broken->len, ==, 1);
  g_assert_cmpint (((AccordBroken *) g_ptr_array_index (broken, 0))->session->id, ==, hearing_session->id);
  g_clear_pointer (&broken, g_ptr_array_unref);

  /* The small room closes. */
  g_assert_true (accord_store_set_venue_active (f->db.store, f->small_room, FALSE, &error));
  broken = accord_scheduler_broken (f->scheduler, from, to, 0, f->small_room, &error);
  g_assert_cmpint (broken->len, ==, 1);
  g_assert_cmpint (((AccordBroken *) g_ptr_array_index (broken, 0))->session->id, ==, other->id);
  g_clear_pointer (&broken, g_ptr_array_unref);

  /* A move onto the hearing is refused; with a reason it goes through and
   * both sessions are then listed. */
  g_assert_null (accord_scheduler_move (f->scheduler, other->id, 0, at ("2026-12-01 15:00"),
                                        at ("2026-12-01 16:00"), NULL, NULL, &error));
  g_assert_error (error, ACCORD_SCHEDULER_ERROR, ACCORD_SCHEDULER_ERROR_CONFLICT);
  g_clear_error (&error);
  moved = accord_scheduler_move (f->scheduler, other->id, 0, at ("2026-12-01 15:00"),
                                 at ("2026-12-01 16:00"), "信访人要求同日处理", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (moved->starts_at, ==, at ("2026-12-01 15:00"));
  broken = accord_scheduler_broken (f->scheduler, from, to, 0, 0, &error);
  g_assert_cmpint (broken->len, ==, 2);
}

static void
test_move_and_cancel (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordSession) a = NULL;
  g_autoptr(AccordSession) b = NULL;
  g_autoptr(AccordSession) moved = NULL;
  Proposal p;

  hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
  a = book (f, &p, NULL);
  hearing (f, &p, "2026-12-03 14:00", "2026-12-03 16:00");
  b = book (f, &p, NULL);

  /* A stale version is refused. */
  g_assert_null (accord_scheduler_move (f->scheduler, b->id, b->version + 1, at ("2026-12-04 14:00"),
                                        at ("2026-12-04 16:00"), NULL, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_STALE);
  g_clear_error (&error);

  /* Cancelling the first frees its slot for the second. */
  g_assert_true (accord_scheduler_cancel (f->scheduler, a->id, a->version, "信访人撤回申请", &error));
  g_assert_no_error (error);
  moved = accord_scheduler_move (f->scheduler, b->id, b->version, at ("2026-12-01 14:00"),
                                 at ("2026-12-01 16:00"), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (moved->version, ==, b->version + 1);
  g_assert_false (accord_scheduler_cancel (f->scheduler, a->id, 0, NULL, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
}

/* A planned session's kind, venue and people change with the same checks
 * as a booking; a stale version, another case and a cancelled session are
 * refused. */
static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordSession) a = NULL;
  g_autoptr(AccordSession) b = NULL;
  g_autoptr(AccordSession) changed = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  Proposal p, q;

  mediation (f, &p, "2026-12-01 09:00", "2026-12-01 10:00");
  a = book (f, &p, NULL);
  mediation (f, &q, "2026-12-02 09:00", "2026-12-02 10:00");
  b = book (f, &q, NULL);

  /* Moving b onto a's time with a's mediator clashes; with a note and a
   * later time it is saved, participants and all. */
  q.input.starts_at = at ("2026-12-01 09:00");
  q.input.ends_at = at ("2026-12-01 10:00");
  g_assert_null (accord_scheduler_update (f->scheduler, b->id, b->version, &q.input, NULL, &conflicts, &error));
  g_assert_error (error, ACCORD_SCHEDULER_ERROR, ACCORD_SCHEDULER_ERROR_CONFLICT);
  g_clear_error (&error);
  q.input.starts_at = at ("2026-12-01 14:00");
  q.input.ends_at = at ("2026-12-01 15:30");
  q.input.notes = "改在下午";
  changed = accord_scheduler_update (f->scheduler, b->id, b->version, &q.input, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed->starts_at, ==, at ("2026-12-01 14:00"));
  g_assert_cmpstr (changed->notes, ==, "改在下午");
  g_assert_cmpint (changed->version, ==, b->version + 1);
  g_assert_cmpuint (changed->participants->len, ==, b->participants->len);

  /* The version b was read at is stale now. */
  g_assert_null (accord_scheduler_update (f->scheduler, b->id, b->version, &q.input, NULL, NULL, &error));
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_STALE);
  g_clear_error (&error);

  q.input.case_number = "XF-2099-000001";
  g_assert_null (accord_scheduler_update (f->scheduler, b->id, changed->version, &q.input, NULL, NULL, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_true (accord_scheduler_cancel (f->scheduler, a->id, a->version, "撤回", &error));
  g_assert_null (accord_scheduler_update (f->scheduler, a->id, 0, &p.input, NULL, NULL, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
}

/* Undoing a cancellation puts the session back with its people, unless
 * its time has been given to someone else meanwhile. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordSession) a = NULL;
  g_autoptr(AccordSession) b = NULL;
  g_autoptr(AccordSession) back = NULL;
  g_autoptr(AccordSession) other = NULL;
  Proposal p;

  mediation (f, &p, "2026-12-01 09:00", "2026-12-01 10:00");
  a = book (f, &p, NULL);
  g_assert_true (accord_scheduler_cancel (f->scheduler, a->id, a->version, "误操作", &error));
  g_assert_true (accord_scheduler_restore (f->scheduler, a->id, 0, "planned", &error));
  g_assert_no_error (error);
  back = accord_store_get_session (f->db.store, a->id, &error);
  g_assert_cmpstr (back->status, ==, "planned");
  g_assert_cmpint (back->version, ==, a->version + 2);
  g_assert_false (accord_scheduler_restore (f->scheduler, a->id, 0, "planned", &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
  g_clear_error (&error);

  /* Cancelled again, and the mediator is booked at that time meanwhile. */
  g_assert_true (accord_scheduler_cancel (f->scheduler, a->id, back->version, "改期", &error));
  mediation (f, &p, "2026-12-01 09:00", "2026-12-01 10:00");
  b = book (f, &p, NULL);
  g_assert_false (accord_scheduler_restore (f->scheduler, a->id, 0, "planned", &error));
  g_assert_error (error, ACCORD_SCHEDULER_ERROR, ACCORD_SCHEDULER_ERROR_CONFLICT);
  other = accord_store_get_session (f->db.store, a->id, NULL);
  g_assert_cmpstr (other->status, ==, "cancelled");
}

static void
test_bad_proposals (Fixture       *f,
                    gconstpointer  data)
{
  Proposal p;
  struct { const char *what; GQuark domain; int code; } expected[] = {
    { "kind", ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT },
    { "case", ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND },
    { "person", ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND },
    { "venue", ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND },
    { "role", ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT },
    { "twice", ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT },
    { "notice", ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;

      hearing (f, &p, "2026-12-01 14:00", "2026-12-01 16:00");
      if (i == 0) p.input.kind = "party";
      if (i == 1) p.input.case_number = "XF-2026-999999";
      if (i == 2) p.people[1].person_id = 4242;
      if (i == 3) p.input.venue_id = 4242;
      if (i == 4) p.people[1].role = "judge";
      if (i == 5) p.people[2].person_id = f->lawyer;
      if (i == 6) p.input.notice_date = "2026-02-30";
      conflicts = accord_scheduler_check (f->scheduler, &p.input, 0, &error);
      g_assert_null (conflicts);
      g_assert_error (error, expected[i].domain, expected[i].code);
    }
}

/* Instants are stored in UTC and shown in the bureau's zone. */
static void
test_time_zone (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordSession) s = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  Proposal p;

  mediation (f, &p, "2026-12-01 09:00", "2026-12-01 10:00");
  g_assert_cmpint (p.input.starts_at, ==, 1796086800);   /* 2026-12-01T01:00:00Z */
  s = book (f, &p, NULL);
  listed = accord_store_list_sessions (f->db.store, 1796083200, 1796086801, 0, 0, &error);
  g_assert_cmpint (listed->len, ==, 1);

  mediation (f, &p, "2026-12-01 09:30", "2026-12-01 10:30");
  conflicts = check (f, &p);
  g_assert_nonnull (strstr (((AccordConflict *) g_ptr_array_index (conflicts, 0))->message,
                            "2026-12-01 09:00–10:00"));
}

static gboolean
slot_has (AccordSlot *slot,
          gint64      person,
          const char *role)
{
  for (guint i = 0; i < slot->participants->len; i++)
    {
      AccordParticipantInput *p = &g_array_index (slot->participants, AccordParticipantInput, i);
      if (p->person_id == person && (role == NULL || g_str_equal (p->role, role)))
        return TRUE;
    }
  return FALSE;
}

static char *
describe_slots (GPtrArray *slots)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < slots->len; i++)
    {
      AccordSlot *slot = g_ptr_array_index (slots, i);
      g_string_append_printf (out, "%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT ":", slot->starts_at, slot->venue_id);
      for (guint k = 0; k < slot->participants->len; k++)
        {
          AccordParticipantInput *p = &g_array_index (slot->participants, AccordParticipantInput, k);
          g_string_append_printf (out, " %" G_GINT64_FORMAT "/%s", p->person_id, p->role);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_suggest (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *needs[] = { "psychologist:1", NULL };
  gint64 recused, busy_expert;
  AccordSlotRequest request = { f->number, "hearing", 120, NULL, 0, 5, needs, "2026-11-23", "2026-12-31",
                                NULL, 0, 3 };
  Proposal p;

  add_person (f, "钱进", "legal_worker");
  add_person (f, "冯雪", "community_rep");
  add_person (f, "褚红", "notable");
  add_person (f, "卫东", "expert");
  recused = add_person (f, "蒋涛", "npc_deputy");
  add_person (f, "沈玉兰", "psychologist");
  g_assert_true (accord_store_add_interest (f->db.store, recused, f->number, 0, NULL, &error));

  /* The expert was busy recently: others are preferred. */
  busy_expert = f->expert;
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *start = g_strdup_printf ("2026-11-%02d 09:00", 9 + i);
      g_autofree char *end = g_strdup_printf ("2026-11-%02d 10:00", 9 + i);
      g_autoptr(AccordSession) s = NULL;

      mediation (f, &p, start, end);
      add_participant (&p, busy_expert, "observer");
      s = book (f, &p, NULL);
    }

  slots = accord_scheduler_suggest (f->scheduler, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (slots->len, ==, 3);

  /* Not before the notice period (7 days from 2026-11-20), and every rule holds. */
  g_assert_cmpint (((AccordSlot *) g_ptr_array_index (slots, 0))->starts_at, ==, at ("2026-11-27 08:30"));
  for (guint i = 0; i < slots->len; i++)
    {
      AccordSlot *slot = g_ptr_array_index (slots, i);
      AccordSessionInput in = { f->number, "hearing", slot->starts_at, slot->ends_at, slot->venue_id,
                                (AccordParticipantInput *) slot->participants->data, slot->participants->len };
      g_autoptr(GPtrArray) conflicts = accord_scheduler_check (f->scheduler, &in, 0, &error);

      g_assert_no_error (error);
      g_assert_cmpint (conflicts->len, ==, 0);
      g_assert_false (slot_has (slot, recused, NULL));
      g_assert_false (slot_has (slot, busy_expert, NULL));
      g_assert_true (slot_has (slot, f->presider, "presider"));
      g_assert_cmpint (slot->venue_id, >, 0);
    }

  again = accord_scheduler_suggest (f->scheduler, &request, &error);
  first = describe_slots (slots);
  second = describe_slots (again);
  g_assert_cmpstr (first, ==, second);
}

static void
test_suggest_respects_bookings (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(AccordSession) s = NULL;
  AccordParticipantInput required[] = { { f->psychologist, 0, "psychologist" } };
  AccordSlotRequest request = { f->number, "mediation", 60, required, 1, 0, NULL, "2026-12-01", "2026-12-01",
                                &f->small_room, 1, 2 };
  Proposal p;

  /* The psychologist is taken all morning. */
  mediation (f, &p, "2026-12-01 08:30", "2026-12-01 12:00");
  p.people[0].person_id = f->psychologist;
  p.people[0].role = "psychologist";
  add_participant (&p, f->officer2, "mediator");
  p.input.venue_id = f->room;
  s = book (f, &p, NULL);

  slots = accord_scheduler_suggest (f->scheduler, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (slots->len, ==, 2);
  g_assert_cmpint (((AccordSlot *) g_ptr_array_index (slots, 0))->starts_at, ==, at ("2026-12-01 14:00"));
  g_assert_cmpint (((AccordSlot *) g_ptr_array_index (slots, 1))->starts_at, ==, at ("2026-12-01 14:30"));
  g_assert_true (slot_has (g_ptr_array_index (slots, 0), f->mediator, "mediator"));

  /* A day with no free afternoon either: fewer slots than asked, no error. */
  request.from = request.to = "2026-12-05";   /* a Saturday */
  g_clear_pointer (&slots, g_ptr_array_unref);
  slots = accord_scheduler_suggest (f->scheduler, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (slots->len, ==, 0);
}

/* A seeded bureau whose days are partly booked (4,500 sessions among 60
 * people and 4 venues, and an absence): the slots found, their panels and
 * venues, exactly as the finder has always given them for this data, also
 * with a low weekly load and a longer buffer. */
static void
test_suggest_seeded (void)
{
  static const struct
  {
    const char *kind;
    int         duration;
    gboolean    required;
    int         panel;
    const char *need;
    const char *from, *to;
    gboolean    venues;
    guint       count;
    int         weekly_load;   /* 0: the default */
    int         buffer;
    const char *expected;
  } requests[] = {
    { "hearing", 120, FALSE, 5, "psychologist:1", "2026-11-23", "2026-12-31", FALSE, 5, 0, 15,
      "1795739400@3: 2/panelist 4/panelist 10/panelist 11/panelist 14/panelist 12/presider 39/psychologist\n"
      "1795741200@3: 2/panelist 4/panelist 10/panelist 11/panelist 14/panelist 12/presider 39/psychologist\n"
      "1795743000@3: 2/panelist 4/panelist 10/panelist 11/panelist 14/panelist 12/presider 39/psychologist\n"
      "1795744800@2: 2/panelist 4/panelist 10/panelist 11/panelist 14/panelist 36/presider 39/psychologist\n"
      "1795759200@2: 2/panelist 4/panelist 10/panelist 11/panelist 14/panelist 36/presider 3/psychologist\n" },
    { "hearing", 60, FALSE, 3, NULL, "2026-12-01", "2026-12-04", FALSE, 12, 0, 15,
      "1796094000@1: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796104800@4: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796106600@4: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796108400@4: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796110200@4: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796112000@2: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796113800@2: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796171400@2: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796173200@2: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796175000@2: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796176800@2: 2/panelist 16/panelist 10/panelist 36/presider\n"
      "1796178600@2: 2/panelist 16/panelist 10/panelist 36/presider\n" },
    { "mediation", 90, TRUE, 0, "lawyer:1", "2026-11-24", "2026-12-18", TRUE, 6, 0, 15,
      "1795480200@4: 3/observer 2/lawyer 19/mediator\n"
      "1795482000@4: 3/observer 2/lawyer 19/mediator\n"
      "1795483800@4: 3/observer 2/lawyer 19/mediator\n"
      "1795485600@4: 3/observer 2/lawyer 19/mediator\n"
      "1795487400@4: 3/observer 2/lawyer 19/mediator\n"
      "1795507200@2: 3/observer 2/lawyer 19/mediator\n" },
    { "joint_reception", 180, TRUE, 0, "deputy:2", "2026-11-20", "2026-12-31", FALSE, 4, 0, 15,
      "1795134600@2: 3/observer 6/deputy 18/deputy\n"
      "1795136400@2: 3/observer 6/deputy 18/deputy\n"
      "1795480200@4: 3/observer 6/deputy 18/deputy\n"
      "1795482000@4: 3/observer 6/deputy 18/deputy\n" },
    /* At most two sessions a week, and half an hour between sessions. */
    { "hearing", 120, FALSE, 3, NULL, "2026-11-23", "2026-12-31", TRUE, 5, 2, 30,
      "1797294600@2: 2/panelist 4/panelist 10/panelist 36/presider\n"
      "1797296400@2: 2/panelist 4/panelist 10/panelist 36/presider\n"
      "1797298200@2: 2/panelist 4/panelist 10/panelist 36/presider\n"
      "1797300000@2: 2/panelist 4/panelist 10/panelist 36/presider\n"
      "1797400800@2: 2/panelist 4/panelist 10/panelist 36/presider\n" },
    { "mediation", 60, TRUE, 0, "lawyer:1", "2026-11-20", "2026-12-31", FALSE, 5, 2, 30,
      "1797822000@4: 3/observer 2/lawyer 19/mediator\n"
      "1797832800@2: 3/observer 2/lawyer 55/mediator\n"
      "1797834600@2: 3/observer 2/lawyer 55/mediator\n"
      "1797836400@2: 3/observer 2/lawyer 55/mediator\n"
      "1797838200@2: 3/observer 2/lawyer 55/mediator\n" },
  };
  AccordSeedOptions options = { 400, 60, 7, 4500, 4 };
  AccordTestDb db;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GError) error = NULL;
  AccordParticipantInput required[] = { { 3, 0, "observer" } };
  gint64 venues[] = { 2, 4 };

  accord_test_db_setup (&db, NULL);
  g_assert_true (accord_seed (db.store, &options, &error));
  g_assert_no_error (error);
  /* Someone of the pool is away for two days. */
  g_assert_true (accord_store_add_absence (db.store, 9, at ("2026-12-01 00:00"), at ("2026-12-03 00:00"), "出差", &error));
  g_assert_no_error (error);
  scheduler = accord_scheduler_new (db.store, &error);
  g_assert_no_error (error);

  for (guint r = 0; r < G_N_ELEMENTS (requests); r++)
    {
      const char *needs[] = { requests[r].need, NULL };
      AccordSlotRequest request = {
        "XF-2026-000001", requests[r].kind, requests[r].duration, requests[r].required ? required : NULL,
        requests[r].required ? 1 : 0, requests[r].panel, needs, requests[r].from, requests[r].to,
        requests[r].venues ? venues : NULL, requests[r].venues ? G_N_ELEMENTS (venues) : 0, requests[r].count,
      };
      AccordScheduleRules *rules = accord_scheduler_get_rules (scheduler);
      g_autoptr(GPtrArray) slots = NULL;
      g_autofree char *found = NULL;

      rules->weekly_load = requests[r].weekly_load ? requests[r].weekly_load : 6;
      rules->buffer_minutes = requests[r].buffer;
      slots = accord_scheduler_suggest (scheduler, &request, &error);
      g_assert_no_error (error);
      found = describe_slots (slots);
      g_assert_cmpstr (found, ==, requests[r].expected);

      for (guint i = 0; i < slots->len; i++)
        {
          AccordSlot *slot = g_ptr_array_index (slots, i);
          AccordSessionInput in = { "XF-2026-000001", requests[r].kind, slot->starts_at, slot->ends_at, slot->venue_id,
                                    (AccordParticipantInput *) slot->participants->data, slot->participants->len };
          g_autoptr(GPtrArray) conflicts = accord_scheduler_check (scheduler, &in, 0, &error);

          g_assert_no_error (error);
          g_assert_cmpint (conflicts->len, ==, 0);
        }
    }

  /* A session booked since counts for the recent load of its people, and
   * the next search, by the same scheduler, sees it. */
  accord_scheduler_get_rules (scheduler)->weekly_load = 6;
  accord_scheduler_get_rules (scheduler)->buffer_minutes = 15;
  {
    const char *needs[] = { "deputy:2", NULL };
    AccordSlotRequest request = { "XF-2026-000001", "joint_reception", 180, required, 1, 0, needs, "2026-11-20",
                                  "2026-12-31", NULL, 0, 4 };
    AccordParticipantInput people[] = { { 6, 0, "deputy" }, { 18, 0, "deputy" } };
    AccordSessionInput past = { "XF-2026-000001", "mediation", at ("2026-11-19 09:00"), at ("2026-11-19 10:00"), 0,
                                people, G_N_ELEMENTS (people) };
    g_autoptr(GPtrArray) before = accord_scheduler_suggest (scheduler, &request, &error);
    g_autoptr(AccordSession) booked = accord_scheduler_book (scheduler, &past, "补录", NULL, &error);
    g_autoptr(GPtrArray) after = accord_scheduler_suggest (scheduler, &request, &error);
    g_autoptr(AccordScheduler) fresh = accord_scheduler_new (db.store, &error);
    g_autoptr(GPtrArray) anew = accord_scheduler_suggest (fresh, &request, &error);
    g_autofree char *described_before = describe_slots (before);
    g_autofree char *described_after = describe_slots (after);
    g_autofree char *described_anew = describe_slots (anew);

    g_assert_no_error (error);
    g_assert_nonnull (booked);
    g_assert_cmpstr (described_after, !=, described_before);
    g_assert_cmpstr (described_after, ==, described_anew);
  }

  g_clear_object (&scheduler);
  accord_test_db_teardown (&db, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/scheduler/clean", test_clean);
  ADD ("/scheduler/time", test_time);
  ADD ("/scheduler/double-booking", test_double_booking);
  ADD ("/scheduler/message", test_message_names_the_clash);
  ADD ("/scheduler/availability", test_availability);
  ADD ("/scheduler/capacity", test_capacity);
  ADD ("/scheduler/recusal", test_recusal);
  ADD ("/scheduler/panel", test_panel);
  ADD ("/scheduler/notice", test_notice);
  ADD ("/scheduler/working-days", test_working_days);
  ADD ("/scheduler/soft-rules", test_soft_rules);
  ADD ("/scheduler/composition-setting", test_composition_setting);
  ADD ("/scheduler/weekly-load", test_weekly_load);
  ADD ("/scheduler/representatives", test_representatives);
  ADD ("/scheduler/override", test_override);
  ADD ("/scheduler/ripple", test_ripple);
  ADD ("/scheduler/move-and-cancel", test_move_and_cancel);
  ADD ("/scheduler/update", test_update);
  ADD ("/scheduler/restore", test_restore);
  ADD ("/scheduler/bad-proposals", test_bad_proposals);
  ADD ("/scheduler/time-zone", test_time_zone);
  ADD ("/scheduler/suggest", test_suggest);
  ADD ("/scheduler/suggest-bookings", test_suggest_respects_bookings);
  g_test_add_func ("/scheduler/suggest-seeded", test_suggest_seeded);

  return g_test_run ();
}
