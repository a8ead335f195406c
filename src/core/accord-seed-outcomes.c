/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-seed"

#include <math.h>

#include "accord-documents.h"
#include "accord-enums.h"
#include "accord-outcome.h"
#include "accord-seed-private.h"
#include "accord-store-private.h"
#include "accord-validate.h"

/* Outcomes and documents ------------------------------------------------- */

/* The demo's held hearings and mediations, newest first, with what their
 * outcome and documents are drawn from.  Its own random numbers, so that
 * the cases and sessions of a seed do not depend on them. */
typedef struct
{
  gint64      session_id;
  const char *kind;
  const char *result;
} Recorded;

static char *
session_day (Seeder *s,
             gint64  at,
             GDate  *date)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, s->zone);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return accord_seed_date_string (date);
}

static char *
days_after (const GDate *day,
            guint        days)
{
  GDate later = *day;

  g_date_add_days (&later, days);
  return accord_seed_date_string (&later);
}

static const char *
pick_result (GRand      *rand,
             const char *kind)
{
  int n = g_rand_int_range (rand, 0, 20);

  if (g_str_equal (kind, "hearing"))
    return n < 9 ? "agreement" : n < 13 ? "partial" : n < 18 ? "no_agreement" : "adjourned";
  return n < 11 ? "agreement" : n < 15 ? "partial" : n < 19 ? "no_agreement" : "adjourned";
}

/* The minutes of the session, in four paragraphs. */
static void
write_minutes (gboolean     hearing,
               const char  *petitioner,
               const char  *title,
               const char  *unit,
               GPtrArray   *strings,
               const char **minutes)
{
  guint first = strings->len;

  if (hearing)
    {
      g_ptr_array_add (strings, g_strdup_printf ("主持人宣布听证会开始，核对到场人员身份，宣读听证纪律，告知信访人%s享有申请回避、陈述和申辩等权利，信访人表示不申请回避。", petitioner));
      g_ptr_array_add (strings, g_strdup_printf ("信访人%s陈述了“%s”的基本情况和诉求，提交了相关书面材料。", petitioner, title));
      g_ptr_array_add (strings, g_strdup_printf ("%s代表就该事项的调查处理情况作了说明，出示了相关政策依据和前期处理记录。", unit));
      g_ptr_array_add (strings, g_strdup ("听证员围绕争议焦点分别向双方提问，双方作最后陈述。听证员退席合议。"));
    }
  else
    {
      g_ptr_array_add (strings, g_strdup_printf ("调解员宣布调解开始，告知信访人%s在调解中享有的权利和承担的义务，双方均表示自愿接受调解。", petitioner));
      g_ptr_array_add (strings, g_strdup_printf ("信访人%s陈述了“%s”的经过和具体诉求。", petitioner, title));
      g_ptr_array_add (strings, g_strdup_printf ("%s代表介绍了前期处理情况，表示愿意在政策范围内协商解决。", unit));
      g_ptr_array_add (strings, g_strdup ("调解员释法明理，心理咨询师对信访人进行情绪疏导，双方就主要争议事项充分交换了意见。"));
    }
  for (guint i = first; i < strings->len; i++)
    minutes[i - first] = g_ptr_array_index (strings, i);
}

/* The facts a hearing found, in two paragraphs. */
static void
write_facts (const char  *petitioner,
             const char  *title,
             const char  *unit,
             GPtrArray   *strings,
             const char **facts)
{
  g_ptr_array_add (strings, g_strdup_printf ("经查，信访人%s反映的“%s”基本属实，%s已于前期作出处理意见，但对信访人提出的部分诉求未作书面答复。", petitioner, title, unit));
  facts[0] = g_ptr_array_index (strings, strings->len - 1);
  g_ptr_array_add (strings, g_strdup_printf ("%s提交的材料表明，相关补偿和待遇标准符合现行政策规定；信访人提出的超出政策范围的诉求缺乏依据。", unit));
  facts[1] = g_ptr_array_index (strings, strings->len - 1);
}

static char *
outcome_opinion (const char *kind,
                 const char *result,
                 const char *unit)
{
  gboolean hearing = g_str_equal (kind, "hearing");

  if (g_str_equal (result, "agreement"))
    return hearing
      ? g_strdup_printf ("听证员经合议认为，%s作出的处理意见事实清楚、依据充分，建议予以维持；同时建议%s在政策范围内对信访人的合理诉求予以解决。信访人表示接受。", unit, unit)
      : g_strdup_printf ("经调解，双方自愿达成协议：%s按约定履行相关义务，信访人认可处理结果，不再就同一事项信访。", unit);
  if (g_str_equal (result, "partial"))
    return hearing
      ? g_strdup_printf ("听证员经合议认为，信访人的部分诉求合理，建议%s依照政策予以解决；对超出政策规定的诉求不予支持。", unit)
      : g_strdup_printf ("经调解，双方就主要事项达成一致，其余事项由%s进一步核查后另行书面答复。", unit);
  if (g_str_equal (result, "no_agreement"))
    return hearing
      ? g_strdup_printf ("听证员经合议认为，%s的处理意见符合政策规定，信访人的诉求缺乏依据，不予支持。信访人表示不接受，可依法通过其他途径主张权利。", unit)
      : g_strdup ("经调解，双方分歧较大，未能达成协议。已告知信访人可依法通过其他途径解决。");
  return hearing ? g_strdup ("因信访人提交了需要核实的新证据材料，听证延期举行。")
                 : g_strdup ("双方同意另行安排时间继续调解。");
}

static const char *
pick_vote (GRand      *rand,
           const char *result)
{
  int n = g_rand_int_range (rand, 0, 10);

  if (g_str_equal (result, "adjourned"))
    return NULL;
  return n < 8 ? "support" : n < 9 ? "oppose" : "abstain";
}

static const char *
vote_comment (const char *vote)
{
  if (g_strcmp0 (vote, "oppose") == 0)
    return "认为处理意见对信访人的实际困难考虑不足。";
  if (g_strcmp0 (vote, "abstain") == 0)
    return "部分事实尚需进一步核实。";
  return NULL;
}

/* Agreed terms: the unit pays and acts, the petitioner withdraws. */
static guint
agreed_terms (Seeder          *s,
              GRand           *rand,
              const char      *result,
              const char      *unit,
              const char      *petitioner,
              const GDate     *day,
              AccordTermInput *terms,
              GPtrArray       *strings)
{
  guint n = 0;
  char *due;

  if (!g_str_equal (result, "agreement") && !g_str_equal (result, "partial"))
    return 0;

  if (g_str_equal (result, "agreement") || g_rand_boolean (rand))
    {
      due = days_after (day, 30);
      g_ptr_array_add (strings, due);
      terms[n++] = (AccordTermInput) { unit, "一次性支付补偿款（含困难救助金）",
                                       (gint64) g_rand_int_range (rand, 80, 1200) * 100 * 100, due,
                                       strcmp (due, s->today_text) < 0 };
    }
  if (n == 0 || g_rand_boolean (rand))
    {
      due = days_after (day, 20);
      g_ptr_array_add (strings, due);
      terms[n++] = (AccordTermInput) { unit, "协调有关部门为信访人办理相关手续，并将办理结果书面告知信访人", -1, due,
                                       strcmp (due, s->today_text) < 0 };
    }
  if (g_str_equal (result, "agreement") && petitioner != NULL)
    {
      due = days_after (day, 7);
      g_ptr_array_add (strings, due);
      terms[n++] = (AccordTermInput) { petitioner, "撤回就同一事项提出的其他信访请求，不再以同一事实和理由信访", -1, due,
                                       strcmp (due, s->today_text) < 0 };
    }
  return n;
}

/* The outcome of one held session, recorded the way the outcome editor
 * records it; then dated to the end of the session, not to today. */
static gboolean
record_one (AccordStore  *store,
            Seeder       *s,
            GRand        *rand,
            gint64        session_id,
            Recorded     *recorded,
            GError      **error)
{
  g_autoptr(AccordSession) session = NULL;
  g_autoptr(AccordCase) c = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) attendance = g_array_new (FALSE, TRUE, sizeof (AccordAttendanceInput));
  g_autofree char *date = NULL;
  g_autofree char *opinion = NULL;
  g_autofree char *follow_up = NULL;
  const char *minutes[5] = { NULL };
  const char *facts[3] = { NULL };
  AccordTermInput terms[3];
  const char *unit, *title, *petitioner = NULL, *result;
  gboolean hearing;
  gint64 updated_at = 0;
  GDate day;
  sqlite3_stmt *stmt;
  AccordOutcomeInput in = { session_id };

  if ((session = accord_store_get_session (store, session_id, error)) == NULL ||
      (c = accord_store_get_case (store, session->case_number, error)) == NULL)
    return FALSE;

  hearing = g_str_equal (session->kind, "hearing");
  result = pick_result (rand, session->kind);
  unit = accord_case_get_text (c, ACCORD_CASE_RESPONSIBLE_UNIT);
  if (unit == NULL)
    unit = "区信访局";
  title = accord_case_get_text (c, ACCORD_CASE_TITLE);
  date = session_day (s, session->starts_at, &day);

  for (guint i = 0; i < session->participants->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (session->participants, i);
      AccordAttendanceInput a = { p->id, "present" };

      if (p->petitioner_id > 0 && petitioner == NULL)
        petitioner = p->name;
      else if (g_str_equal (p->role, "psychologist") && g_rand_int_range (rand, 0, 4) == 0)
        a.attendance = "excused";
      if (g_str_equal (p->role, "panelist") && hearing)
        {
          a.vote = pick_vote (rand, result);
          a.vote_comment = vote_comment (a.vote);
        }
      g_array_append_val (attendance, a);
    }
  if (petitioner == NULL)
    petitioner = "信访人";

  write_minutes (hearing, petitioner, title, unit, strings, minutes);
  if (hearing && !g_str_equal (result, "adjourned"))
    write_facts (petitioner, title, unit, strings, facts);

  opinion = outcome_opinion (session->kind, result, unit);
  if (!g_str_equal (result, "adjourned"))
    follow_up = days_after (&day, g_str_equal (result, "no_agreement") ? 15 : 45);

  in.attendance = (const AccordAttendanceInput *) attendance->data;
  in.n_attendance = attendance->len;
  in.result = result;
  in.opinion = opinion;
  in.minutes = minutes;
  in.terms = terms;
  in.n_terms = agreed_terms (s, rand, result, unit, petitioner, &day, terms, strings);
  in.follow_up_on = follow_up;
  in.facts = facts[0] != NULL ? facts : NULL;

  stmt = accord_store_prepare (store, "SELECT updated_at FROM \"case\" WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session->case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    updated_at = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!accord_store_record_outcome (store, &in, error))
    return FALSE;

  stmt = accord_store_prepare (store, "UPDATE outcome SET recorded_at = ? WHERE session_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session->ends_at);
  sqlite3_bind_int64 (stmt, 2, session_id);
  if (!accord_store_step_done (store, stmt, error))
    return FALSE;
  stmt = accord_store_prepare (store, "UPDATE \"case\" SET updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, MAX (updated_at, session->ends_at));
  sqlite3_bind_int64 (stmt, 2, session->case_id);
  if (!accord_store_step_done (store, stmt, error))
    return FALSE;

  *recorded = (Recorded) { session_id, g_str_equal (session->kind, "hearing") ? "hearing" : "mediation", result };
  return TRUE;
}

/* The latest held hearings and mediations of cases that were accepted
 * before them; about three in four have their outcome recorded. */
static gboolean
seed_outcomes (AccordStore  *store,
               Seeder       *s,
               GRand        *rand,
               GArray       *recorded,
               GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (store,
                               "SELECT s.id FROM session s JOIN \"case\" c ON c.id = s.case_id "
                               "WHERE s.status = 'held' AND s.kind IN ('hearing', 'mediation') "
                               "AND c.status NOT IN ('registered', 'declined') "
                               "AND date (s.starts_at, 'unixepoch') > c.received_on "
                               "ORDER BY s.starts_at DESC, s.id LIMIT ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, ACCORD_SEED_MAX_OUTCOMES * 4 / 3);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_step_done (store, stmt, error);

  for (guint i = 0; i < ids->len && recorded->len < ACCORD_SEED_MAX_OUTCOMES; i++)
    {
      Recorded r;

      /* The newest always, so that the demo's latest hearing has one. */
      if (i > 0 && g_rand_int_range (rand, 0, 4) == 0)
        continue;
      if (!record_one (store, s, rand, g_array_index (ids, gint64, i), &r, error))
        return FALSE;
      g_array_append_val (recorded, r);
    }
  return TRUE;
}

/* A signature as a pen writes it: two or three strokes from left to
 * right, each a run of cursive loops (a stretched cycloid) of varying
 * height, the pressure rising and falling along the stroke. */
static char *
handwriting (GRand *rand)
{
  GString *json = g_string_new ("[");
  guint n_strokes = g_rand_int_range (rand, 2, 4);
  double x0 = 0.08, t0 = 0;

  for (guint k = 0; k < n_strokes; k++)
    {
      double width = (0.84 / n_strokes) * g_rand_double_range (rand, 0.7, 0.85);
      guint loops = g_rand_int_range (rand, 2, 5);
      double advance = width / (loops + 0.5);
      double baseline = g_rand_double_range (rand, 0.62, 0.7);
      double heights[5];
      const guint per_loop = 24, n_points = per_loop * loops + per_loop / 2;

      for (guint l = 0; l < G_N_ELEMENTS (heights); l++)
        heights[l] = g_rand_double_range (rand, 0.2, 0.45);
      g_string_append (json, k > 0 ? ",[" : "[");
      for (guint i = 0; i <= n_points; i++)
        {
          double angle = 2 * G_PI * i / per_loop;
          guint l = MIN (i / per_loop, G_N_ELEMENTS (heights) - 1);
          double x = x0 + advance * angle / (2 * G_PI) - 0.3 * advance * sin (angle);
          double y = baseline - heights[l] * (1 - cos (angle)) / 2 + 0.04 * (double) i / n_points;
          double p = 0.3 + 0.55 * sin (G_PI * i / n_points);
          char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE], ps[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (xs, sizeof xs, "%.4f", CLAMP (x, 0.02, 0.98));
          g_ascii_formatd (ys, sizeof ys, "%.4f", CLAMP (y, 0.05, 0.95));
          g_ascii_formatd (ps, sizeof ps, "%.2f", p);
          g_string_append_printf (json, "%s{\"x\":%s,\"y\":%s,\"p\":%s,\"t\":%d}", i > 0 ? "," : "",
                                  xs, ys, ps, (int) (t0 + 10 * i));
        }
      g_string_append_c (json, ']');
      x0 += width + 0.84 / n_strokes * 0.15;
      t0 += 10 * n_points + g_rand_int_range (rand, 150, 400);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static gboolean
issue (AccordStore  *store,
       Seeder       *s,
       const char   *kind,
       gint64        session_id,
       gint64       *document_id,
       guint        *n_issued,
       GError      **error)
{
  g_autoptr(AccordSession) session = accord_store_get_session (store, session_id, error);
  g_autoptr(AccordDocument) document = NULL;

  if (session == NULL)
    return FALSE;
  document = accord_store_issue_document (store, kind, session->case_number, session_id,
                                          s->options->renderer, s->options->renderer_data, error);
  if (document == NULL)
    return FALSE;
  *document_id = document->id;
  (*n_issued)++;
  return TRUE;
}

/* Documents for the newest outcomes: the hearing opinion or the mediation
 * agreement, and for an agreement the petitioner's closure commitment or
 * a non-repetition agreement; the first of each of these two signed by
 * the petitioner. */
static gboolean
seed_documents (AccordStore  *store,
                Seeder       *s,
                GRand        *rand,
                GArray       *recorded,
                GError      **error)
{
  guint n = 0;
  gboolean commitment_signed = FALSE, agreement_signed = FALSE, commitment_next = TRUE;

  if (s->options->renderer == NULL)
    return TRUE;

  for (guint i = 0; i < recorded->len && n + 2 <= ACCORD_SEED_MAX_DOCUMENTS; i++)
    {
      Recorded *r = &g_array_index (recorded, Recorded, i);
      gboolean hearing = g_str_equal (r->kind, "hearing");
      const char *kind;
      gint64 id;

      if (g_str_equal (r->result, "adjourned") || (!hearing && !g_str_equal (r->result, "agreement")))
        continue;
      if (!issue (store, s, hearing ? "hearing_opinion" : "mediation_agreement", r->session_id, &id, &n, error))
        return FALSE;
      if (!g_str_equal (r->result, "agreement"))
        continue;

      kind = commitment_next ? "closure_commitment" : "non_repetition_agreement";
      if (!issue (store, s, kind, r->session_id, &id, &n, error))
        return FALSE;
      if (commitment_next ? !commitment_signed : !agreement_signed)
        {
          g_autofree char *strokes = handwriting (rand);
          /* The role as the document's signature box names it. */
          g_autoptr(AccordDocument) signed_document =
            accord_store_sign_document (store, id, "petitioner:0", commitment_next ? "承诺人" : "乙方", strokes,
                                        s->options->renderer, s->options->renderer_data, error);

          if (signed_document == NULL)
            return FALSE;
          if (commitment_next)
            commitment_signed = TRUE;
          else
            agreement_signed = TRUE;
        }
      commitment_next = !commitment_next;
    }
  return TRUE;
}

gboolean
accord_seed_outcomes_and_documents (AccordStore  *store,
                                    Seeder       *s,
                                    GError      **error)
{
  g_autoptr(GArray) recorded = g_array_new (FALSE, FALSE, sizeof (Recorded));
  GRand *rand;
  gboolean ok;

  if (s->options->n_cases == 0 || s->options->n_sessions == 0)
    return TRUE;

  rand = g_rand_new_with_seed (s->options->seed ^ 0x5eed0c0e);
  ok = seed_outcomes (store, s, rand, recorded, error) && seed_documents (store, s, rand, recorded, error);
  g_rand_free (rand);
  return ok;
}
