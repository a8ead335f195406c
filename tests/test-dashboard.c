/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-dashboard"

#include <string.h>

#include <sqlite3.h>

#include "accord-outcome.h"
#include "accord-seed.h"
#include "accord-store-report.h"
#include "accord-validate.h"
#include "accord-test-util.h"

/* The dashboard's figures on a seeded bureau, each checked against a count
 * made here another way: from the rows read directly, from the cases and
 * sessions the store lists, or from the period's indicators. */

#define TODAY "2026-11-20"
#define FROM "2025-11-20"
#define UNIT "区住房和城乡建设委员会"

/* Helpers */

static void
seed (AccordTestDb *db)
{
  g_autoptr(GError) error = NULL;
  AccordSeedOptions options = { 400, ACCORD_SEED_DEFAULT_PEOPLE, 11, 300 };

  accord_seed (db->store, &options, &error);
  g_assert_no_error (error);
}

static GPtrArray *
all_cases (AccordStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = accord_store_list_cases (store, NULL, 0, 0, 100000, &error);

  g_assert_no_error (error);
  return cases;
}

static void
assert_same_counts (const AccordIndicators *a,
                    const AccordIndicators *b)
{
  g_assert_cmpint (a->acceptance_due, ==, b->acceptance_due);
  g_assert_cmpint (a->acceptance_timely, ==, b->acceptance_timely);
  g_assert_cmpint (a->completion_due, ==, b->completion_due);
  g_assert_cmpint (a->completion_on_time, ==, b->completion_on_time);
  g_assert_cmpint (a->completion_late, ==, b->completion_late);
  g_assert_cmpint (a->completion_unreplied, ==, b->completion_unreplied);
  g_assert_cmpint (a->replied, ==, b->replied);
  g_assert_cmpint (a->rated, ==, b->rated);
  g_assert_cmpint (a->overdue_unrated, ==, b->overdue_unrated);
  g_assert_cmpint (a->satisfied, ==, b->satisfied);
  g_assert_cmpint (a->basically_satisfied, ==, b->basically_satisfied);
  g_assert_cmpint (a->dissatisfied, ==, b->dissatisfied);
  g_assert_cmpint (a->led, ==, b->led);
  g_assert_cmpint (a->resolved, ==, b->resolved);
}

static void
add_counts (AccordIndicators       *sum,
            const AccordIndicators *add)
{
  gint64 *s = (gint64 *) sum;
  const gint64 *a = (const gint64 *) add;

  for (guint i = 0; i < sizeof (AccordIndicators) / sizeof (gint64); i++)
    s[i] += a[i];
}

static gboolean
in_period (const char *date,
           const char *from,
           const char *to)
{
  return date != NULL && strcmp (date, from) >= 0 && strcmp (date, to) <= 0;
}

static gboolean
before (const char *a,
        const char *b)
{
  return a != NULL && b != NULL && strcmp (a, b) <= 0;
}

/* The indicators counted row by row in C from the case table as it is on
 * disk, following DOMAIN.md §2 rather than the store's SQL. */
static AccordIndicators
count_by_hand (const char *path,
               const char *from,
               const char *to,
               const char *unit)
{
  AccordIndicators n = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT accept_due, accepted_on, declined_on, reply_due, replied_on, "
                                       "evaluation, received_on, leader, status, responsible_unit FROM \"case\"",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *col[10];

      for (int i = 0; i < 10; i++)
        col[i] = (const char *) sqlite3_column_text (stmt, i);
      if (unit != NULL && g_strcmp0 (col[9], unit) != 0)
        continue;

      /* Acceptance: due in the period and by today. */
      if (in_period (col[0], from, to) && before (col[0], TODAY))
        {
          n.acceptance_due++;
          n.acceptance_timely += before (col[1] ? col[1] : col[2], col[0]);
        }
      /* Completion: the reply due in the period and by today. */
      if (in_period (col[3], from, to) && before (col[3], TODAY))
        {
          n.completion_due++;
          n.completion_on_time += before (col[4], col[3]);
          n.completion_late += col[4] != NULL && !before (col[4], col[3]);
          n.completion_unreplied += col[4] == NULL;
        }
      /* Rating: replied in the period; unrated counts after seven days. */
      if (in_period (col[4], from, to))
        {
          n.replied++;
          n.rated += col[5] != NULL;
          n.overdue_unrated += col[5] == NULL && before (col[4], "2026-11-13");
          n.satisfied += g_strcmp0 (col[5], "satisfied") == 0;
          n.basically_satisfied += g_strcmp0 (col[5], "basically_satisfied") == 0;
          n.dissatisfied += g_strcmp0 (col[5], "dissatisfied") == 0;
        }
      /* Resolution: received in the period with a leader in charge. */
      if (in_period (col[6], from, to) && col[7] != NULL)
        {
          n.led++;
          n.resolved += g_strcmp0 (col[8], "terminated") == 0 || g_strcmp0 (col[5], "satisfied") == 0 ||
                        g_strcmp0 (col[5], "basically_satisfied") == 0;
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The last day of the month @month (YYYY-MM). */
static char *
month_end (const char *month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) atoi (month + 5), (GDateYear) atoi (month));
  g_date_add_months (&date, 1);
  g_date_subtract_days (&date, 1);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gint64
day_start (const char *date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) day = g_date_time_new (zone, atoi (date), atoi (date + 5), atoi (date + 8), 0, 0, 0);

  return g_date_time_to_unix (day);
}

static const char *
case_unit (GHashTable *units_by_id,
           gint64      case_id)
{
  return g_hash_table_lookup (units_by_id, &case_id);
}

static GHashTable *
units_by_case (AccordStore *store)
{
  g_autoptr(GPtrArray) cases = all_cases (store);
  GHashTable *units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < cases->len; i++)
    {
      AccordCase *c = g_ptr_array_index (cases, i);
      gint64 id = accord_case_get_id (c);
      const char *unit = accord_case_get_text (c, ACCORD_CASE_RESPONSIBLE_UNIT);

      if (unit != NULL)
        g_hash_table_insert (units, g_memdup2 (&id, sizeof id), g_strdup (unit));
    }
  return units;
}

/* The sessions of the period (by start), not cancelled, of @unit's cases. */
static GPtrArray *
period_sessions (AccordStore *store,
                 const char  *from,
                 const char  *to,
                 const char  *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) units = units_by_case (store);
  gint64 start = day_start (from);
  gint64 end = day_start (to) + 24 * 3600;
  GPtrArray *sessions = accord_store_list_sessions (store, start - 7 * 24 * 3600, end, 0, 0, &error);

  g_assert_no_error (error);
  for (guint i = sessions->len; i-- > 0;)
    {
      AccordSession *s = g_ptr_array_index (sessions, i);

      if (s->starts_at < start || s->starts_at >= end || g_str_equal (s->status, "cancelled") ||
          (unit != NULL && g_strcmp0 (case_unit (units, s->case_id), unit) != 0))
        g_ptr_array_remove_index (sessions, i);
    }
  return sessions;
}

/* Records results on some held sessions of the past, so that every result
 * and "none yet" occur. */
static guint
record_some_outcomes (AccordStore *store)
{
  static const char * const results[] = { "agreement", "partial", "no_agreement", "withdrawn" };
  g_autoptr(GPtrArray) sessions = period_sessions (store, FROM, "2026-11-19", NULL);
  guint recorded = 0;

  for (guint i = 0; i < sessions->len && recorded < 12; i += 2)
    {
      AccordSession *s = g_ptr_array_index (sessions, i);
      AccordOutcomeInput input = { s->id, NULL, 0, results[recorded % G_N_ELEMENTS (results)],
                                   "经调解，双方达成一致意见。" };

      if (accord_store_record_outcome (store, &input, NULL))
        recorded++;
    }
  return recorded;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Tests */

static void
test_units (AccordTestDb  *db,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_auto(GStrv) units = NULL;

  units = accord_store_responsible_units (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (units), ==, 0);
  g_clear_pointer (&units, g_strfreev);

  seed (db);
  cases = all_cases (db->store);
  for (guint i = 0; i < cases->len; i++)
    {
      const char *unit = accord_case_get_text (g_ptr_array_index (cases, i), ACCORD_CASE_RESPONSIBLE_UNIT);

      if (unit != NULL && !g_ptr_array_find_with_equal_func (expected, unit, g_str_equal, NULL))
        g_ptr_array_add (expected, (gpointer) unit);
    }
  g_ptr_array_sort (expected, compare_strings);
  g_ptr_array_add (expected, NULL);

  units = accord_store_responsible_units (db->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (units), >, 1);
  g_assert_cmpstrv (units, (char **) expected->pdata);
}

static void
test_indicators_by_hand (AccordTestDb  *db,
                         gconstpointer  data)
{
  const char *units[] = { NULL, UNIT };

  seed (db);
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GError) error = NULL;
      AccordIndicators counted = { 0 };
      AccordIndicators by_hand = count_by_hand (db->path, FROM, TODAY, units[u]);

      accord_store_indicators (db->store, FROM, TODAY, units[u], &counted, &error);
      g_assert_no_error (error);
      g_assert_cmpint (by_hand.acceptance_due, >, 0);
      g_assert_cmpint (by_hand.rated, >, 0);
      g_assert_cmpint (by_hand.led, >, 0);
      assert_same_counts (&counted, &by_hand);
    }
}

static void
test_monthly (AccordTestDb  *db,
              gconstpointer  data)
{
  const char *units[] = { NULL, UNIT };

  seed (db);
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) months = accord_store_monthly_indicators (db->store, FROM, TODAY, units[u], &error);
      AccordIndicators period = { 0 };
      AccordIndicators sum = { 0 };

      g_assert_no_error (error);
      /* November 2025 to November 2026, both in part. */
      g_assert_cmpuint (months->len, ==, 13);
      g_assert_cmpstr (g_array_index (months, AccordMonthIndicators, 0).month, ==, "2025-11");
      g_assert_cmpstr (g_array_index (months, AccordMonthIndicators, 12).month, ==, "2026-11");

      for (guint i = 0; i < months->len; i++)
        {
          const AccordMonthIndicators *m = &g_array_index (months, AccordMonthIndicators, i);
          g_autofree char *first = g_strdup_printf ("%s-01", m->month);
          g_autofree char *last = month_end (m->month);
          AccordIndicators alone = count_by_hand (db->path, strcmp (first, FROM) < 0 ? FROM : first,
                                                  strcmp (last, TODAY) > 0 ? TODAY : last, units[u]);

          assert_same_counts (&m->counts, &alone);
          add_counts (&sum, &m->counts);
        }
      accord_store_indicators (db->store, FROM, TODAY, units[u], &period, &error);
      g_assert_no_error (error);
      assert_same_counts (&sum, &period);
    }
}

static void
test_monthly_refuses_bad_period (AccordTestDb  *db,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = accord_store_monthly_indicators (db->store, "2026-13-01", TODAY, NULL, &error);

  g_assert_null (months);
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE);
}

static void
test_overdue (AccordTestDb  *db,
              gconstpointer  data)
{
  const char *units[] = { NULL, UNIT };
  g_autoptr(GPtrArray) cases = NULL;

  seed (db);
  cases = all_cases (db->store);
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      g_autoptr(GPtrArray) listed = NULL;
      gint64 n;

      for (guint i = 0; i < cases->len; i++)
        {
          AccordCase *c = g_ptr_array_index (cases, i);
          const char *due = accord_case_get_text (c, ACCORD_CASE_NEXT_DUE);

          if (in_period (due, FROM, TODAY) && strcmp (due, TODAY) < 0 &&
              (units[u] == NULL || g_strcmp0 (accord_case_get_text (c, ACCORD_CASE_RESPONSIBLE_UNIT), units[u]) == 0))
            g_ptr_array_add (expected, c);
        }
      g_assert_cmpuint (expected->len, >, 0);

      n = accord_store_count_overdue_cases (db->store, FROM, TODAY, units[u], &error);
      g_assert_no_error (error);
      g_assert_cmpint (n, ==, expected->len);

      listed = accord_store_overdue_cases (db->store, FROM, TODAY, units[u], 1000, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (listed->len, ==, expected->len);
      for (guint i = 0; i < listed->len; i++)
        {
          const AccordOverdueCase *o = g_ptr_array_index (listed, i);
          gboolean found = FALSE;

          for (guint j = 0; j < expected->len && !found; j++)
            found = g_str_equal (accord_case_get_number (g_ptr_array_index (expected, j)), o->number);
          g_assert_true (found);
          g_assert_nonnull (o->step);
          g_assert_cmpstr (o->due, <, TODAY);
          /* The longest overdue first. */
          if (i > 0)
            g_assert_cmpstr (((AccordOverdueCase *) g_ptr_array_index (listed, i - 1))->due, <=, o->due);
        }

      g_clear_pointer (&listed, g_ptr_array_unref);
      listed = accord_store_overdue_cases (db->store, FROM, TODAY, units[u], 3, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (listed->len, ==, MIN (3, expected->len));
    }
}

static void
test_session_results (AccordTestDb  *db,
                      gconstpointer  data)
{
  const char *units[] = { NULL, UNIT };

  seed (db);
  g_assert_cmpuint (record_some_outcomes (db->store), >, 0);
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) sessions = period_sessions (db->store, FROM, TODAY, units[u]);
      g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GPtrArray) tallies = NULL;
      gint64 total = 0;

      for (guint i = 0; i < sessions->len; i++)
        {
          AccordSession *s = g_ptr_array_index (sessions, i);
          g_autoptr(AccordOutcome) outcome = NULL;
          char *key;
          gint64 *n;

          if (!g_str_equal (s->kind, "hearing") && !g_str_equal (s->kind, "mediation"))
            continue;
          outcome = accord_store_get_outcome (db->store, s->id, NULL);
          key = g_strdup_printf ("%s/%s", s->kind, outcome != NULL ? outcome->result : "none");
          if ((n = g_hash_table_lookup (expected, key)) == NULL)
            g_hash_table_insert (expected, key, (n = g_new0 (gint64, 1)));
          else
            g_free (key);
          (*n)++;
        }

      tallies = accord_store_session_results (db->store, FROM, TODAY, units[u], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tallies->len, ==, g_hash_table_size (expected));
      for (guint i = 0; i < tallies->len; i++)
        {
          const AccordSessionTally *t = g_ptr_array_index (tallies, i);
          g_autofree char *key = g_strdup_printf ("%s/%s", t->kind, t->result ? t->result : "none");
          gint64 *n = g_hash_table_lookup (expected, key);

          g_assert_nonnull (n);
          g_assert_cmpint (t->n, ==, *n);
          total += t->n;
        }
      g_assert_cmpint (total, >, 0);
    }
}

static void
test_panelist_workload (AccordTestDb  *db,
                        gconstpointer  data)
{
  const char *units[] = { NULL, UNIT };

  seed (db);
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) sessions = period_sessions (db->store, FROM, TODAY, units[u]);
      g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_autoptr(GPtrArray) load = NULL;

      for (guint i = 0; i < sessions->len; i++)
        {
          AccordSession *s = g_ptr_array_index (sessions, i);

          for (guint j = 0; j < s->participants->len; j++)
            {
              AccordParticipant *p = g_ptr_array_index (s->participants, j);
              gint64 *n;

              if (p->person_id == 0 || !g_str_equal (p->role, "panelist"))
                continue;
              if ((n = g_hash_table_lookup (expected, &p->person_id)) == NULL)
                g_hash_table_insert (expected, g_memdup2 (&p->person_id, sizeof (gint64)), (n = g_new0 (gint64, 1)));
              (*n)++;
            }
        }
      g_assert_cmpuint (g_hash_table_size (expected), >, 0);

      load = accord_store_panelist_workload (db->store, FROM, TODAY, units[u], 1000, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (load->len, ==, g_hash_table_size (expected));
      for (guint i = 0; i < load->len; i++)
        {
          const AccordWorkload *w = g_ptr_array_index (load, i);
          gint64 *n = g_hash_table_lookup (expected, &w->person_id);

          g_assert_nonnull (n);
          g_assert_cmpint (w->sessions, ==, *n);
          g_assert_nonnull (w->name);
          if (i > 0)
            g_assert_cmpint (((AccordWorkload *) g_ptr_array_index (load, i - 1))->sessions, >=, w->sessions);
        }

      g_clear_pointer (&load, g_ptr_array_unref);
      load = accord_store_panelist_workload (db->store, FROM, TODAY, units[u], 2, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (load->len, ==, MIN (2, g_hash_table_size (expected)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("ACCORD_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, AccordTestDb, NULL, accord_test_db_setup, func, accord_test_db_teardown)
  ADD ("/dashboard/units", test_units);
  ADD ("/dashboard/indicators-by-hand", test_indicators_by_hand);
  ADD ("/dashboard/monthly", test_monthly);
  ADD ("/dashboard/monthly-bad-period", test_monthly_refuses_bad_period);
  ADD ("/dashboard/overdue", test_overdue);
  ADD ("/dashboard/session-results", test_session_results);
  ADD ("/dashboard/panelist-workload", test_panelist_workload);
#undef ADD

  return g_test_run ();
}
