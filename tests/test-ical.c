/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ical"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "accord-ical.h"
#include "accord-scheduler.h"
#include "accord-store.h"
#include "accord-test-util.h"

/* One case with two petitioners, a hearing panel, a mediator and a room. */
typedef struct
{
  AccordTestDb     db;
  AccordScheduler *scheduler;
  char            *number;
  gint64           presider, lawyer, deputy, expert, mediator;
  gint64           room;
} Fixture;

/* Checks an export with another parser: one line per VEVENT with UID,
 * start and end in UTC, summary, description, status, location, organizer
 * and the sorted attendees, separated by "|". */
static const char python_script[] =
  "import sys\n"
  "from datetime import timezone\n"
  "import icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "print('CALENDAR', cal['PRODID'], cal['VERSION'], cal['CALSCALE'], cal['METHOD'])\n"
  "def utc(ev, name):\n"
  "    return ev.decoded(name).astimezone(timezone.utc).isoformat()\n"
  "def addr(a):\n"
  "    return '%s<%s>%s' % (a.params.get('CN'), a.params.get('ROLE', ''), a)\n"
  "for ev in cal.walk('VEVENT'):\n"
  "    att = ev.get('ATTENDEE', [])\n"
  "    att = att if isinstance(att, list) else [att]\n"
  "    print('|'.join([str(ev['UID']), utc(ev, 'DTSTART'), utc(ev, 'DTEND'), str(ev['SUMMARY']),\n"
  "                    str(ev.get('DESCRIPTION', '')).replace('\\n', '/'), str(ev['STATUS']),\n"
  "                    str(ev.get('LOCATION', '')), addr(ev['ORGANIZER']),\n"
  "                    ','.join(sorted(addr(a) for a in att))]))\n";

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

  accord_test_db_setup (&f->db, NULL);
  c = accord_store_add_case (f->db.store, &in, &error);
  g_assert_no_error (error);
  f->number = g_strdup (accord_case_get_number (c));

  f->presider = add_person (f, "周建华", "officer");
  f->lawyer = add_person (f, "王芳", "lawyer");
  f->deputy = add_person (f, "李建国", "npc_deputy");
  f->expert = add_person (f, "孙丽华", "expert");
  f->mediator = add_person (f, "何平", "mediator");
  room = accord_store_add_venue (f->db.store, "一号听证室", 20, NULL, &error);
  g_assert_no_error (error);
  f->room = room->id;

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

/* "YYYY-MM-DD HH:MM" in the given zone as a Unix instant. */
static gint64
at_in (const char *zone_name,
       const char *local)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h, mi;

  g_assert_nonnull (tz);
  g_assert_cmpint (sscanf (local, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  dt = g_date_time_new (tz, y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

static gint64
at (const char *local)
{
  return at_in ("Asia/Shanghai", local);
}

static gint64
utc (const char *local)
{
  return at_in ("UTC", local);
}

static AccordSession *
book (Fixture                      *f,
      const char                   *kind,
      const char                   *start,
      const char                   *end,
      const AccordParticipantInput *people,
      guint                         n_people)
{
  AccordSessionInput in = { f->number, kind, at (start), at (end), f->room, people, n_people, "2026-11-20" };
  g_autoptr(GError) error = NULL;
  AccordSession *s = accord_scheduler_book (f->scheduler, &in, NULL, NULL, &error);

  g_assert_no_error (error);
  return s;
}

/* Three sessions in December 2026: a hearing, a mediation and a cancelled
 * mediation. */
static void
book_sessions (Fixture *f)
{
  AccordParticipantInput panel[] = {
    { f->presider, 0, "presider" }, { f->lawyer, 0, "panelist" }, { f->deputy, 0, "panelist" },
    { f->expert, 0, "panelist" },
  };
  AccordParticipantInput mediators[] = { { f->mediator, 0, "mediator" }, { f->lawyer, 0, "lawyer" } };
  AccordParticipantInput alone[] = { { f->mediator, 0, "mediator" } };
  g_autoptr(AccordSession) cancelled = NULL;
  g_autoptr(GError) error = NULL;

  accord_session_free (book (f, "hearing", "2026-12-01 09:00", "2026-12-01 11:00", panel, G_N_ELEMENTS (panel)));
  accord_session_free (book (f, "mediation", "2026-12-02 14:00", "2026-12-02 16:00", mediators, 2));
  cancelled = book (f, "mediation", "2026-12-03 09:00", "2026-12-03 10:30", alone, 1);
  g_assert_true (accord_scheduler_cancel (f->scheduler, cancelled->id, cancelled->version, "改期", &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_sessions (Fixture *f,
               gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = accord_store_list_sessions (f->db.store, at ("2026-11-01 00:00"), at ("2027-01-01 00:00"),
                                                    person_id, 0, &error);

  g_assert_no_error (error);
  return sessions;
}

static char *
export (Fixture *f,
        gint64   person_id)
{
  g_autoptr(GPtrArray) sessions = list_sessions (f, 0);
  g_autoptr(GError) error = NULL;
  char *text = accord_ical_export_sessions (f->db.store, sessions, person_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* The lines python3-icalendar reads from @text, or NULL (test skipped)
 * without it. */
static char **
parse_with_python (Fixture    *f,
                   const char *text)
{
  g_autofree char *path = g_build_filename (f->db.dir, "export.ics", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", python_script, path, NULL };
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is not installed");
      return NULL;
    }
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (strstr (err, "No module named 'icalendar'") != NULL)
    {
      g_test_skip ("python3-icalendar is not installed");
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("python3-icalendar refused the export: %s", err);
  g_strchomp (out);
  return g_strsplit (out, "\n", -1);
}

static const char *
find_line (char       **lines,
           const char  *prefix)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return lines[i];
  g_error ("no line starts with %s", prefix);
  return NULL;
}

static char *
expected_uid (Fixture *f,
              gint64   session_id)
{
  g_autofree char *database_id = accord_store_get_setting (f->db.store, "database_id", NULL);

  g_assert_nonnull (database_id);
  g_assert_cmpuint (strlen (database_id), >=, 16);
  return g_strdup_printf ("session-%" G_GINT64_FORMAT "-%s@accord", session_id, database_id);
}

static char *
person_urn (Fixture *f,
            gint64   person_id)
{
  g_autofree char *database_id = accord_store_get_setting (f->db.store, "database_id", NULL);

  return g_strdup_printf ("urn:accord:%s:person:%" G_GINT64_FORMAT, database_id, person_id);
}

static void
test_export_format (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = NULL;

  book_sessions (f);
  text = export (f, 0);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "\r\nPRODID:-//Accord//Accord//ZH\r\n"));
  g_assert_nonnull (strstr (text, "\r\nVERSION:2.0\r\n"));
  g_assert_nonnull (strstr (text, "\r\nCALSCALE:GREGORIAN\r\n"));
  g_assert_nonnull (strstr (text, "\r\nMETHOD:PUBLISH\r\n"));
  /* 09:00 in Shanghai is 01:00 UTC, written in the Z form. */
  g_assert_nonnull (strstr (text, "\r\nDTSTART:20261201T010000Z\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTEND:20261201T030000Z\r\n"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_export_python (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *hearing_uid = NULL;
  g_autofree char *mediation_uid = NULL;
  g_autofree char *cancelled_uid = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *presider = person_urn (f, f->presider);
  g_autofree char *lawyer = person_urn (f, f->lawyer);
  g_autofree char *deputy = person_urn (f, f->deputy);
  g_autofree char *expert = person_urn (f, f->expert);
  g_autofree char *mediator = person_urn (f, f->mediator);
  g_autofree char *database_id = accord_store_get_setting (f->db.store, "database_id", NULL);
  g_autofree char *bureau = g_strdup_printf ("Accord<>urn:accord:%s:bureau", database_id);

  book_sessions (f);
  sessions = list_sessions (f, 0);
  g_assert_cmpuint (sessions->len, ==, 3);
  hearing_uid = expected_uid (f, ((AccordSession *) g_ptr_array_index (sessions, 0))->id);
  mediation_uid = expected_uid (f, ((AccordSession *) g_ptr_array_index (sessions, 1))->id);
  cancelled_uid = expected_uid (f, ((AccordSession *) g_ptr_array_index (sessions, 2))->id);

  text = export (f, f->lawyer);
  if ((lines = parse_with_python (f, text)) == NULL)
    return;
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "CALENDAR -//Accord//Accord//ZH 2.0 GREGORIAN PUBLISH");

  expected = g_strdup_printf ("%s|2026-12-01T01:00:00+00:00|2026-12-01T03:00:00+00:00|Hearing %s|"
                              "Case: %s/Role: panelist/Petitioners: 2|CONFIRMED|一号听证室|%s|"
                              "周建华<CHAIR>%s,孙丽华<REQ-PARTICIPANT>%s,李建国<REQ-PARTICIPANT>%s,王芳<REQ-PARTICIPANT>%s",
                              hearing_uid, f->number, f->number, bureau, presider, expert, deputy, lawyer);
  g_assert_cmpstr (find_line (lines, hearing_uid), ==, expected);
  g_free (expected);
  expected = g_strdup_printf ("%s|2026-12-02T06:00:00+00:00|2026-12-02T08:00:00+00:00|Mediation %s|"
                              "Case: %s/Role: lawyer/Petitioners: 2|CONFIRMED|一号听证室|%s|"
                              "何平<REQ-PARTICIPANT>%s,王芳<REQ-PARTICIPANT>%s",
                              mediation_uid, f->number, f->number, bureau, mediator, lawyer);
  g_assert_cmpstr (find_line (lines, mediation_uid), ==, expected);
  g_free (expected);
  /* The lawyer is not in this one: no role. */
  expected = g_strdup_printf ("%s|2026-12-03T01:00:00+00:00|2026-12-03T02:30:00+00:00|Mediation %s|"
                              "Case: %s/Petitioners: 2|CANCELLED|一号听证室|%s|何平<REQ-PARTICIPANT>%s",
                              cancelled_uid, f->number, f->number, bureau, mediator);
  g_assert_cmpstr (find_line (lines, cancelled_uid), ==, expected);
}

static void
test_export_stable_uids (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(GStrv) first_lines = NULL;
  g_auto(GStrv) second_lines = NULL;

  book_sessions (f);
  first = export (f, 0);
  second = export (f, f->mediator);
  if ((first_lines = parse_with_python (f, first)) == NULL ||
      (second_lines = parse_with_python (f, second)) == NULL)
    return;

  g_assert_cmpuint (g_strv_length (first_lines), ==, 4);
  for (guint i = 1; i < 4; i++)
    {
      g_auto(GStrv) a = g_strsplit (first_lines[i], "|", 2);
      g_auto(GStrv) b = g_strsplit (second_lines[i], "|", 2);

      g_assert_cmpstr (a[0], ==, b[0]);
      for (guint j = 1; j < i; j++)
        g_assert_false (g_str_has_prefix (first_lines[j], a[0]));
    }
}

/* Petitioners take part in every session but are never named in the
 * file, nor are their ID numbers or phones. */
static void
test_export_no_personal_data (Fixture       *f,
                              gconstpointer  data)
{
  const char *secrets[] = { "刘洋", "赵敏", "440304198501011235", "11010119900307002X", "13800001111", "13800002222" };
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *text = NULL;
  guint petitioners = 0;

  book_sessions (f);
  sessions = list_sessions (f, 0);
  for (guint i = 0; i < sessions->len; i++)
    {
      GPtrArray *participants = ((AccordSession *) g_ptr_array_index (sessions, i))->participants;

      for (guint j = 0; j < participants->len; j++)
        petitioners += ((AccordParticipant *) g_ptr_array_index (participants, j))->petitioner_id > 0;
    }
  g_assert_cmpuint (petitioners, ==, 6);

  text = export (f, 0);
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    g_assert_null (strstr (text, secrets[i]));
}

static void
test_export_empty_and_bureau (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bureau_text = NULL;

  text = accord_ical_export_sessions (f->db.store, sessions, 0, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text, "VEVENT"));

  g_assert_true (accord_store_set_setting (f->db.store, "bureau_name", "某市信访局", &error));
  book_sessions (f);
  bureau_text = export (f, 0);
  g_assert_nonnull (strstr (bureau_text, "ORGANIZER;CN=某市信访局:urn:accord:"));
}

/* Import */

#define CRLF "\r\n"

static const char busy_calendar[] =
  "BEGIN:VCALENDAR" CRLF
  "VERSION:2.0" CRLF
  "PRODID:-//Test//Test//EN" CRLF
  "BEGIN:VTIMEZONE" CRLF
  "TZID:Asia/Shanghai" CRLF
  "BEGIN:STANDARD" CRLF
  "DTSTART:19700101T000000" CRLF
  "TZOFFSETFROM:+0800" CRLF
  "TZOFFSETTO:+0800" CRLF
  "TZNAME:CST" CRLF
  "END:STANDARD" CRLF
  "END:VTIMEZONE" CRLF
  "BEGIN:VTIMEZONE" CRLF
  "TZID:Bureau Test Time" CRLF
  "BEGIN:STANDARD" CRLF
  "DTSTART:19700101T000000" CRLF
  "TZOFFSETFROM:+0530" CRLF
  "TZOFFSETTO:+0530" CRLF
  "END:STANDARD" CRLF
  "END:VTIMEZONE" CRLF
  "BEGIN:VEVENT" CRLF
  "UID:utc@test" CRLF
  "DTSTAMP:20261101T000000Z" CRLF
  "DTSTART:20261201T020000Z" CRLF
  "DTEND:20261201T040000Z" CRLF
  "SUMMARY:看病（私人）" CRLF
  "END:VEVENT" CRLF
  "BEGIN:VEVENT" CRLF
  "UID:zoned@test" CRLF
  "DTSTART;TZID=Asia/Shanghai:20261202T090000" CRLF
  "DURATION:PT2H" CRLF
  "END:VEVENT" CRLF
  "BEGIN:VEVENT" CRLF
  "UID:own-zone@test" CRLF
  "DTSTART;TZID=Bureau Test Time:20261202T150000" CRLF
  "DTEND;TZID=Bureau Test Time:20261202T160000" CRLF
  "END:VEVENT" CRLF
  "BEGIN:VEVENT" CRLF
  "UID:floating@test" CRLF
  "DTSTART:20261203T140000" CRLF
  "DTEND:20261203T160000" CRLF
  "TRANSP:OPAQUE" CRLF
  "END:VEVENT" CRLF
  "BEGIN:VEVENT" CRLF
  "UID:all-day@test" CRLF
  "DTSTART;VALUE=DATE:20261204" CRLF
  "END:VEVENT" CRLF
  "BEGIN:VEVENT" CRLF
  "UID:two-days@test" CRLF
  "DTSTART;VALUE=DATE:20261207" CRLF
  "DTEND;VALUE=DATE:20261209" CRLF
  "END:VEVENT" CRLF
  "BEGIN:VEVENT" CRLF
  "UID:free@test" CRLF
  "DTSTART:20261208T010000Z" CRLF
  "DTEND:20261208T020000Z" CRLF
  "TRANSP:TRANSPARENT" CRLF
  "END:VEVENT" CRLF
  "BEGIN:VEVENT" CRLF
  "UID:cancelled@test" CRLF
  "DTSTART:20261209T010000Z" CRLF
  "DTEND:20261209T020000Z" CRLF
  "STATUS:CANCELLED" CRLF
  "END:VEVENT" CRLF
  "BEGIN:VEVENT" CRLF
  "UID:instant@test" CRLF
  "DTSTART:20261210T010000Z" CRLF
  "END:VEVENT" CRLF
  "BEGIN:VTODO" CRLF
  "UID:todo@test" CRLF
  "DTSTART:20261211T010000Z" CRLF
  "END:VTODO" CRLF
  "END:VCALENDAR" CRLF;

/* The person's absences as "start end reason" lines, start and end in
 * UTC, read straight from the database. */
static char *
absences (Fixture *f,
          gint64   person_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT starts_at, ends_at, reason FROM availability "
                                          "WHERE kind = 'absence' AND person_id = %" G_GINT64_FORMAT
                                          " ORDER BY starts_at", person_id);
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db.path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
      g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 1));
      g_autofree char *a = g_date_time_format (from, "%Y-%m-%d %H:%M");
      g_autofree char *b = g_date_time_format (to, "%Y-%m-%d %H:%M");

      g_string_append_printf (out, "%s %s %s\n", a, b, (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static guint
import (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  guint n = 99;

  g_assert_true (accord_ical_import_absences (f->db.store, f->lawyer, text, &n, &error));
  g_assert_no_error (error);
  return n;
}

static gboolean
has_rule (GPtrArray  *conflicts,
          const char *rule)
{
  for (guint i = 0; i < conflicts->len; i++)
    if (g_str_equal (((AccordConflict *) g_ptr_array_index (conflicts, i))->rule, rule))
      return TRUE;
  return FALSE;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  AccordParticipantInput people[] = { { f->mediator, 0, "mediator" }, { f->lawyer, 0, "lawyer" } };
  AccordSessionInput in = { f->number, "mediation", at ("2026-12-03 14:30"), at ("2026-12-03 15:30"), f->room,
                            people, 2, "2026-11-20" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *found = NULL;
  gint64 rows = accord_test_count_rows (f->db.store, "availability");

  before = accord_scheduler_check (f->scheduler, &in, 0, &error);
  g_assert_no_error (error);
  g_assert_false (has_rule (before, "absent"));

  g_assert_cmpuint (import (f, busy_calendar), ==, 6);
  g_assert_cmpint (accord_test_count_rows (f->db.store, "availability"), ==, rows + 6);
  found = absences (f, f->lawyer);
  g_assert_cmpstr (found, ==,
                   "2026-12-01 02:00 2026-12-01 04:00 Busy (imported calendar)\n"   /* UTC */
                   "2026-12-02 01:00 2026-12-02 03:00 Busy (imported calendar)\n"   /* 09:00 in Shanghai */
                   "2026-12-02 09:30 2026-12-02 10:30 Busy (imported calendar)\n"   /* 15:00 at +05:30 */
                   "2026-12-03 06:00 2026-12-03 08:00 Busy (imported calendar)\n"   /* floating: bureau time */
                   "2026-12-03 16:00 2026-12-04 16:00 Busy (imported calendar)\n"   /* all day, local */
                   "2026-12-06 16:00 2026-12-08 16:00 Busy (imported calendar)\n");
  g_assert_cmpint (at ("2026-12-04 00:00"), ==, utc ("2026-12-03 16:00"));

  /* The private summary is not recorded anywhere. */
  {
    g_autofree char *dump = accord_test_dump (f->db.path);
    g_assert_null (strstr (dump, "看病"));
  }

  after = accord_scheduler_check (f->scheduler, &in, 0, &error);
  g_assert_no_error (error);
  g_assert_true (has_rule (after, "absent"));
}

/* Floating times and dates follow the bureau's time zone setting. */
static void
test_import_bureau_zone (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  const char *text =
    "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//Test//Test//EN" CRLF
    "BEGIN:VEVENT" CRLF "UID:a@test" CRLF "DTSTART:20261203T140000" CRLF "DTEND:20261203T160000" CRLF "END:VEVENT" CRLF
    "BEGIN:VEVENT" CRLF "UID:b@test" CRLF "DTSTART;VALUE=DATE:20261204" CRLF "DURATION:P1D" CRLF "END:VEVENT" CRLF
    "END:VCALENDAR" CRLF;

  g_assert_true (accord_store_set_setting (f->db.store, "time_zone", "Asia/Tokyo", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import (f, text), ==, 2);
  found = absences (f, f->lawyer);
  g_assert_cmpstr (found, ==,
                   "2026-12-03 05:00 2026-12-03 07:00 Busy (imported calendar)\n"
                   "2026-12-03 15:00 2026-12-04 15:00 Busy (imported calendar)\n");
}

/* A weekly series with an excluded date, a moved instance and a cancelled
 * one; a series that began before today; an endless daily series. */
static void
test_import_recurring (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *found = NULL;
  g_auto(GStrv) lines = NULL;
  const char *text =
    "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//Test//Test//EN" CRLF
    "BEGIN:VEVENT" CRLF "UID:weekly@test" CRLF
    "DTSTART;TZID=Asia/Shanghai:20261207T090000" CRLF "DTEND;TZID=Asia/Shanghai:20261207T100000" CRLF
    "RRULE:FREQ=WEEKLY;COUNT=4" CRLF "EXDATE;TZID=Asia/Shanghai:20261214T090000" CRLF "END:VEVENT" CRLF
    "BEGIN:VEVENT" CRLF "UID:weekly@test" CRLF "RECURRENCE-ID;TZID=Asia/Shanghai:20261221T090000" CRLF
    "DTSTART;TZID=Asia/Shanghai:20261222T150000" CRLF "DTEND;TZID=Asia/Shanghai:20261222T160000" CRLF "END:VEVENT" CRLF
    "BEGIN:VEVENT" CRLF "UID:weekly@test" CRLF "RECURRENCE-ID:20261228T010000Z" CRLF "STATUS:CANCELLED" CRLF
    "DTSTART;TZID=Asia/Shanghai:20261228T090000" CRLF "DTEND;TZID=Asia/Shanghai:20261228T100000" CRLF "END:VEVENT" CRLF
    "BEGIN:VEVENT" CRLF "UID:past@test" CRLF "DTSTART:20261101T000000Z" CRLF "DTEND:20261101T010000Z" CRLF
    "RRULE:FREQ=WEEKLY;UNTIL=20261231T000000Z" CRLF "END:VEVENT" CRLF
    "END:VCALENDAR" CRLF;
  const char *endless =
    "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//Test//Test//EN" CRLF
    "BEGIN:VEVENT" CRLF "UID:daily@test" CRLF "DTSTART;VALUE=DATE:20261120" CRLF "RRULE:FREQ=DAILY" CRLF "END:VEVENT" CRLF
    "END:VCALENDAR" CRLF;
  guint n;

  g_assert_cmpuint (import (f, text), ==, 8);
  found = absences (f, f->lawyer);
  /* Today is 2026-11-20: the weekly series from 2026-11-01 counts from 11-22. */
  g_assert_cmpstr (found, ==,
                   "2026-11-22 00:00 2026-11-22 01:00 Busy (imported calendar)\n"
                   "2026-11-29 00:00 2026-11-29 01:00 Busy (imported calendar)\n"
                   "2026-12-06 00:00 2026-12-06 01:00 Busy (imported calendar)\n"
                   "2026-12-07 01:00 2026-12-07 02:00 Busy (imported calendar)\n"
                   "2026-12-13 00:00 2026-12-13 01:00 Busy (imported calendar)\n"
                   "2026-12-20 00:00 2026-12-20 01:00 Busy (imported calendar)\n"
                   "2026-12-22 07:00 2026-12-22 08:00 Busy (imported calendar)\n"
                   "2026-12-27 00:00 2026-12-27 01:00 Busy (imported calendar)\n");

  /* An endless series stops about two years ahead. */
  n = import (f, endless);
  g_assert_cmpuint (n, >=, 700);
  g_assert_cmpuint (n, <=, 800);
  g_clear_pointer (&found, g_free);
  found = absences (f, f->lawyer);
  lines = g_strsplit (found, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "2026-11-19 16:00 2026-11-20 16:00 Busy (imported calendar)");
}

static void
assert_refused (Fixture    *f,
                const char *text)
{
  g_autofree char *before = accord_test_dump (f->db.path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 99;

  g_assert_false (accord_ical_import_absences (f->db.store, f->lawyer, text, &n, &error));
  g_assert_error (error, ACCORD_ICAL_ERROR, ACCORD_ICAL_ERROR_PARSE);
  g_assert_cmpuint (n, ==, 0);
  g_assert_nonnull (error->message);
  g_assert_null (strchr (error->message, '\n'));
  after = accord_test_dump (f->db.path);
  g_assert_cmpstr (before, ==, after);
}

#define ONE_EVENT(lines) \
  "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//Test//Test//EN" CRLF \
  "BEGIN:VEVENT" CRLF "UID:good@test" CRLF "DTSTART:20261201T020000Z" CRLF "DTEND:20261201T040000Z" CRLF "END:VEVENT" CRLF \
  "BEGIN:VEVENT" CRLF "UID:bad@test" CRLF lines "END:VEVENT" CRLF \
  "END:VCALENDAR" CRLF

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  assert_refused (f, "");
  assert_refused (f, "This is not a calendar.\n");
  assert_refused (f, "BEGIN:VCALENDAR" CRLF "BEGIN:VEVENT" CRLF "DTSTART:20261201T020000Z" CRLF);
  assert_refused (f, "BEGIN:VEVENT" CRLF "DTSTART:20261201T020000Z" CRLF "END:VEVENT" CRLF);
  assert_refused (f, ONE_EVENT ("DTSTART:20261201T050000Z" CRLF "DTEND:20261201T040000Z" CRLF));
  assert_refused (f, ONE_EVENT ("DTSTART;VALUE=DATE:20261205" CRLF "DTEND;VALUE=DATE:20261204" CRLF));
  assert_refused (f, ONE_EVENT ("DTSTART:20261201T050000Z" CRLF "DURATION:-PT1H" CRLF));
  assert_refused (f, ONE_EVENT ("DTEND:20261201T040000Z" CRLF));
  assert_refused (f, ONE_EVENT ("DTSTART:tomorrow" CRLF "DTEND:20261201T040000Z" CRLF));
  assert_refused (f, ONE_EVENT ("DTSTART:20261201T020000Z" CRLF "DTEND:someday" CRLF));
  assert_refused (f, ONE_EVENT ("DTSTART:20261301T020000Z" CRLF "DTEND:20261301T040000Z" CRLF));
  assert_refused (f, ONE_EVENT ("DTSTART:20261201T020000Z" CRLF "DTEND:20261201T040000Z" CRLF "DURATION:PT1H" CRLF));
  assert_refused (f, ONE_EVENT ("DTSTART;TZID=Nowhere/Nothing:20261201T090000" CRLF "DURATION:PT1H" CRLF));
  assert_refused (f, ONE_EVENT ("DTSTART:20261201T020000Z" CRLF "DTEND:20261201T040000Z" CRLF "RRULE:FREQ=SOMETIMES" CRLF));
  assert_refused (f, ONE_EVENT ("DTSTART:20261201T020000Z" CRLF "DTEND:20261201T040000Z" CRLF "SUMMARY:\xff\xfe" CRLF));
  g_assert_cmpint (accord_test_count_rows (f->db.store, "availability"), ==, 0);
}

static void
test_import_limits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) many = g_string_new ("BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//Test//Test//EN" CRLF);
  g_autoptr(GString) large = NULL;
  const char *secondly =
    "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//Test//Test//EN" CRLF
    "BEGIN:VEVENT" CRLF "UID:s@test" CRLF "DTSTART:20261120T000000Z" CRLF "DURATION:PT1S" CRLF
    "RRULE:FREQ=SECONDLY" CRLF "END:VEVENT" CRLF "END:VCALENDAR" CRLF;

  for (guint i = 0; i < 10001; i++)
    g_string_append_printf (many, "BEGIN:VEVENT" CRLF "UID:%u@test" CRLF "DTSTART:20261201T020000Z" CRLF
                            "DTEND:20261201T040000Z" CRLF "END:VEVENT" CRLF, i);
  g_string_append (many, "END:VCALENDAR" CRLF);
  g_assert_cmpuint (many->len, <, 5 * 1024 * 1024);
  assert_refused (f, many->str);

  large = g_string_new (many->str);
  while (large->len <= 5 * 1024 * 1024)
    g_string_append (large, "X-PADDING:0123456789012345678901234567890123456789012345678901234567" CRLF);
  assert_refused (f, large->str);

  assert_refused (f, secondly);
}

/* A byte-order mark, several calendars in one file, an empty calendar. */
static void
test_import_variants (Fixture       *f,
                      gconstpointer  data)
{
  const char *two =
    "\xef\xbb\xbf" "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//Test//Test//EN" CRLF
    "BEGIN:VEVENT" CRLF "UID:a@test" CRLF "DTSTART:20261201T020000Z" CRLF "DTEND:20261201T040000Z" CRLF "END:VEVENT" CRLF
    "END:VCALENDAR" CRLF
    "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//Test//Test//EN" CRLF
    "BEGIN:VEVENT" CRLF "UID:b@test" CRLF "DTSTART:20261202T020000Z" CRLF "DTEND:20261202T040000Z" CRLF "END:VEVENT" CRLF
    "END:VCALENDAR" CRLF;
  const char *empty = "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//Test//Test//EN" CRLF "END:VCALENDAR" CRLF;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpuint (import (f, two), ==, 2);
  before = accord_test_dump (f->db.path);
  g_assert_cmpuint (import (f, empty), ==, 0);
  after = accord_test_dump (f->db.path);
  g_assert_cmpstr (before, ==, after);
}

/* Exported sessions read back as the lawyer's busy times. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *found = NULL;

  book_sessions (f);
  text = export (f, f->lawyer);
  g_assert_cmpuint (import (f, text), ==, 2);
  found = absences (f, f->lawyer);
  g_assert_cmpstr (found, ==,
                   "2026-12-01 01:00 2026-12-01 03:00 Busy (imported calendar)\n"
                   "2026-12-02 06:00 2026-12-02 08:00 Busy (imported calendar)\n");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("ACCORD_TODAY", "2026-11-20", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/ical/export/format", test_export_format);
  ADD ("/ical/export/python", test_export_python);
  ADD ("/ical/export/stable-uids", test_export_stable_uids);
  ADD ("/ical/export/no-personal-data", test_export_no_personal_data);
  ADD ("/ical/export/empty-and-bureau", test_export_empty_and_bureau);
  ADD ("/ical/import/busy", test_import);
  ADD ("/ical/import/bureau-zone", test_import_bureau_zone);
  ADD ("/ical/import/recurring", test_import_recurring);
  ADD ("/ical/import/refused", test_import_refused);
  ADD ("/ical/import/limits", test_import_limits);
  ADD ("/ical/import/variants", test_import_variants);
  ADD ("/ical/round-trip", test_round_trip);

  return g_test_run ();
}
