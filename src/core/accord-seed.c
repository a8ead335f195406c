/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-seed"

#include <glib/gi18n.h>

#include "accord-deadlines.h"
#include "accord-enums.h"
#include "accord-seed.h"
#include "accord-seed-private.h"
#include "accord-store-private.h"
#include "accord-validate.h"

/* The demo bureau is written in bulk inside the seed's one transaction,
 * with one audit entry for the whole action. */

static const char *surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
  "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
  "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
};

static const char *given[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
  "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "玉兰", "志强", "海燕", "国庆",
  "建国", "淑珍", "春梅", "晓东", "立新", "德明", "秀兰", "永强", "丽华", "振华",
};

static const char *districts[] = {
  "东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "通州区", "顺义区", "大兴区", "昌平区",
};

static const char *area_codes[] = {
  "110101", "110102", "110105", "110106", "110107", "110108", "110112", "110113", "110114", "110115",
  "130102", "130104", "370102", "410105", "320102", "440106", "510104", "420102", "610113", "210102",
};

static const char *streets[] = {
  "建国路", "和平里大街", "光华路", "学院路", "丰台北路", "新华大街", "幸福街", "长安街", "育新街", "振兴路",
};

typedef struct
{
  const char *category;
  const char *titles[3];
  const char *summary;
} Matter;

static const Matter matters[] = {
  { "劳动社保", { "拖欠工资问题", "工伤认定及待遇问题", "养老保险缴费年限认定问题" },
    "反映所在单位%s，多次协商未果，请求有关部门依法督促解决。" },
  { "城乡建设", { "房屋征收补偿问题", "小区物业管理纠纷", "违章建筑影响通行问题" },
    "反映%s，认为补偿标准与同类情况不一致，请求重新核定并书面答复。" },
  { "国土资源", { "宅基地确权纠纷", "土地承包经营权问题", "征地补偿款分配问题" },
    "反映%s，村集体处理意见未获认可，请求依法调查处理。" },
  { "卫生健康", { "医疗纠纷赔偿问题", "医疗费用报销问题", "医患沟通问题" },
    "反映在就医过程中发生%s，与医院协商未果，请求协调处理。" },
  { "教育", { "子女入学问题", "校外培训退费问题", "学校收费问题" },
    "反映%s，请求教育主管部门核查并给予答复。" },
  { "民政", { "最低生活保障申请问题", "残疾人补贴问题", "临时救助问题" },
    "反映%s，家庭生活困难，请求依政策予以救助。" },
  { "交通能源环保", { "噪声扰民问题", "道路施工影响出行问题", "企业排污问题" },
    "反映%s，长期影响周边居民正常生活，请求有关部门依法处理。" },
  { "农村农业", { "农业补贴发放问题", "农村道路建设问题", "土地流转租金问题" },
    "反映%s，请求乡镇政府核实并依规处理。" },
  { "商贸旅游", { "预付卡消费纠纷", "商品质量投诉问题", "旅游合同纠纷" },
    "反映%s，经营者拒不退款，请求市场监管部门介入。" },
  { "政法", { "案件执行问题", "治安案件处理问题", "法律援助申请问题" },
    "反映%s，对处理结果有异议，请求依法依规处理。" },
  { "经济综合", { "企业改制遗留问题", "集资款返还问题", "拖欠工程款问题" },
    "反映%s，涉及金额较大，请求政府协调解决。" },
  { "组织人事", { "退休待遇核定问题", "职称评定问题", "人事档案问题" },
    "反映%s，请求主管部门复核并书面答复。" },
};

static const char *units[] = {
  "区人力资源和社会保障局", "区住房和城乡建设委员会", "区规划和自然资源分局", "区卫生健康委员会",
  "区教育委员会", "区民政局", "区生态环境局", "区农业农村局", "区市场监督管理局", "区司法局",
  "区发展和改革委员会", "区委组织部",
};

static const char *leaders[] = { "王建国", "李卫东", "张丽华", "陈志强", "刘德明" };

typedef struct
{
  const char *role;
  const char *organisation;
} RoleOrg;

static const RoleOrg role_orgs[] = {
  { "lawyer", "北京市正言律师事务所" },
  { "legal_worker", "朝阳区法律服务所" },
  { "psychologist", "区心理健康服务中心" },
  { "npc_deputy", "区人大常委会" },
  { "cppcc_member", "区政协" },
  { "party_delegate", "区党代表联络办" },
  { "mediator", "区人民调解委员会" },
  { "department_rep", "区住房和城乡建设委员会" },
  { "expert", "首都师范大学法学院" },
  { "community_rep", "建国路社区居委会" },
  { "notable", "区新乡贤协会" },
  { "officer", "区信访局" },
};

/* Status and its share of the demo cases, in workflow order. */
static const struct { const char *status; int weight; } statuses[] = {
  { "registered", 8 }, { "declined", 5 }, { "accepted", 8 }, { "assigned", 15 },
  { "replied", 30 }, { "review", 4 }, { "reviewed", 5 }, { "re_review", 2 }, { "terminated", 23 },
};

static const char *opinions[] = { "support", "explain", "not_support" };
static const char *evaluations[] = { "satisfied", "basically_satisfied", "dissatisfied" };

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static char *
person_name (GRand *rand)
{
  return g_strconcat (PICK (rand, surnames), PICK (rand, given), NULL);
}

static char *
phone_number (GRand *rand)
{
  static const char *prefixes[] = { "13", "15", "17", "18", "19" };

  return g_strdup_printf ("%s%09d", PICK (rand, prefixes), g_rand_int_range (rand, 0, 1000000000));
}

/* A bijection from the petitioner's index onto area x birth day x sequence,
 * so that no two petitioners share an ID number. */
static char *
id_number (GRand  *rand,
           gint64  index)
{
  const gint64 n_days = 20000, n_areas = G_N_ELEMENTS (area_codes);
  const gint64 space = n_areas * n_days * 1000;
  gint64 k = (index * 1000003) % space;
  GDate birth;
  char first17[18];

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, G_DATE_JANUARY, 1940);
  g_date_add_days (&birth, (guint) ((k / 1000) % n_days));

  g_snprintf (first17, sizeof first17, "%s%04d%02d%02d%03d", area_codes[k / (1000 * n_days)],
              g_date_get_year (&birth), g_date_get_month (&birth), g_date_get_day (&birth),
              (int) (k % 1000));
  return g_strdup_printf ("%s%c", first17, accord_id_number_check_char (first17));
}

/* Midnight UTC of the date: creation times of demo rows stay deterministic. */
static gint64
date_to_unix (const GDate *date)
{
  const gint64 unix_epoch_julian = 719163;

  return ((gint64) g_date_get_julian (date) - unix_epoch_julian) * 86400;
}

char *
accord_seed_date_string (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* The next workflow date: a few days on, never after today. */
static char *
advance (Seeder *s,
         GDate  *date,
         int     max_days)
{
  g_date_add_days (date, g_rand_int_range (s->rand, 1, max_days + 1));
  if (g_date_compare (date, &s->today) > 0)
    *date = s->today;
  return accord_seed_date_string (date);
}

static gboolean
insert_person (AccordStore  *store,
               const char   *name,
               const char   *organisation,
               const char   *phone,
               const char   *role,
               const char   *role2,
               GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = accord_store_prepare (store,
                               "INSERT INTO person (name, organisation, phone, created_at) VALUES (?, ?, ?, 0)",
                               error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, name);
  accord_bind_text (stmt, 2, organisation);
  accord_bind_text (stmt, 3, phone);
  if (!accord_store_step_done (store, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (accord_store_get_db (store));

  stmt = accord_store_prepare (store, "INSERT OR IGNORE INTO person_role (person_id, role) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (const char *r = role; r != NULL; r = (r == role ? role2 : NULL))
    {
      sqlite3_bind_int64 (stmt, 1, id);
      accord_bind_text (stmt, 2, r);
      if (!accord_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Every role is covered: the pool cycles through them, and some people
 * have a second role. */
static gboolean
seed_people (AccordStore  *store,
             Seeder       *s,
             GError      **error)
{
  for (guint i = 0; i < s->options->n_people; i++)
    {
      const RoleOrg *ro = &role_orgs[i % G_N_ELEMENTS (role_orgs)];
      g_autofree char *name = person_name (s->rand);
      g_autofree char *phone = phone_number (s->rand);
      const char *role2 = NULL;

      if (g_str_equal (ro->role, "lawyer") && g_rand_boolean (s->rand))
        role2 = "mediator";
      else if (g_str_equal (ro->role, "npc_deputy") && g_rand_int_range (s->rand, 0, 3) == 0)
        role2 = "community_rep";

      if (!insert_person (store, name, ro->organisation, phone, ro->role, role2, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_venues (AccordStore  *store,
             Seeder       *s,
             GError      **error)
{
  static const struct { const char *name; int capacity; const char *address; } venues[] = {
    { "一号听证室", 40, "区信访局三层" },
    { "二号调解室", 12, "区信访局二层" },
    { "联合接访中心", 60, "区信访局一层大厅" },
  };
  guint n = s->options->n_venues ? s->options->n_venues : G_N_ELEMENTS (venues);
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "INSERT INTO venue (name, capacity, address, created_at) VALUES (?, ?, ?, 0)",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      guint k = i % G_N_ELEMENTS (venues);
      g_autofree char *name = i < G_N_ELEMENTS (venues)
                              ? g_strdup (venues[k].name)
                              : g_strdup_printf ("%s（%u）", venues[k].name, i / (guint) G_N_ELEMENTS (venues) + 1);

      accord_bind_text (stmt, 1, name);
      sqlite3_bind_int (stmt, 2, venues[k].capacity);
      accord_bind_text (stmt, 3, venues[k].address);
      if (!accord_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_petitioner (AccordStore  *store,
                   Seeder       *s,
                   const char   *name,
                   GError      **error)
{
  g_autofree char *id = id_number (s->rand, s->petitioner_id);
  g_autofree char *phone = phone_number (s->rand);
  g_autofree char *address = g_strdup_printf ("北京市%s%s%d号", PICK (s->rand, districts),
                                              PICK (s->rand, streets), g_rand_int_range (s->rand, 1, 300));
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "INSERT INTO petitioner (id, name, id_number, phone, address, created_at) "
                               "VALUES (?, ?, ?, ?, ?, 0)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ++s->petitioner_id);
  accord_bind_text (stmt, 2, name);
  accord_bind_text (stmt, 3, id);
  accord_bind_text (stmt, 4, phone);
  accord_bind_text (stmt, 5, address);
  return accord_store_step_done (store, stmt, error);
}

static const char *
pick_status (GRand *rand)
{
  int total = 0, roll;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    total += statuses[i].weight;
  roll = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if ((roll -= statuses[i].weight) < 0)
      return statuses[i].status;
  return "registered";
}

static int
status_rank (const char *status)
{
  static const char *order[] = { "registered", "accepted", "assigned", "replied", "review",
                                 "reviewed", "re_review", "terminated" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_str_equal (order[i], status))
      return i;
  return -1;
}

static void
set_step (AccordCase     *c,
          Seeder         *s,
          GDate          *date,
          AccordCaseText  field,
          int             max_days)
{
  g_autofree char *d = advance (s, date, max_days);

  accord_case_set_text (c, field, d);
}

/* Fills the workflow fields of a case that has come as far as @status,
 * each date a little after the one before. */
static void
fill_workflow (AccordCase *c,
               Seeder     *s,
               const char *status,
               GDate      *date)
{
  int rank = status_rank (status);

  accord_case_set_text (c, ACCORD_CASE_STATUS, status);
  if (g_str_equal (status, "declined"))
    {
      set_step (c, s, date, ACCORD_CASE_DECLINED_ON, 10);
      accord_case_set_text (c, ACCORD_CASE_DECLINE_REASON, "属于涉法涉诉事项，已告知信访人通过法律途径解决");
      accord_case_set_flag (c, ACCORD_CASE_LITIGATION_RELATED, TRUE);
      return;
    }

  if (rank >= 1)
    {
      set_step (c, s, date, ACCORD_CASE_ACCEPTED_ON, 12);
      accord_case_set_text (c, ACCORD_CASE_LEADER, PICK (s->rand, leaders));
    }
  if (rank == 2 || (rank >= 3 && g_rand_int_range (s->rand, 0, 10) < 7))
    {
      set_step (c, s, date, ACCORD_CASE_ASSIGNED_ON, 5);
      accord_case_set_text (c, ACCORD_CASE_RESPONSIBLE_UNIT, PICK (s->rand, units));
    }
  if (rank >= 3)
    {
      set_step (c, s, date, ACCORD_CASE_REPLIED_ON, 50);
      accord_case_set_text (c, ACCORD_CASE_OPINION, PICK (s->rand, opinions));
    }
  /* Most terminated cases end after the reply; some after a re-review. */
  if (rank >= 4 && (rank < 7 || g_rand_int_range (s->rand, 0, 4) == 0))
    {
      set_step (c, s, date, ACCORD_CASE_REVIEW_REQUESTED_ON, 25);
      if (rank >= 5)
        {
          set_step (c, s, date, ACCORD_CASE_REVIEWED_ON, 28);
          accord_case_set_text (c, ACCORD_CASE_REVIEW_OPINION, PICK (s->rand, opinions));
        }
      if (rank >= 6)
        set_step (c, s, date, ACCORD_CASE_RE_REVIEW_REQUESTED_ON, 25);
      if (rank == 7)
        accord_case_set_text (c, ACCORD_CASE_RE_REVIEW_OPINION, PICK (s->rand, opinions));
    }
  if (rank == 7)
    set_step (c, s, date, ACCORD_CASE_TERMINATED_ON, 30);
  if (rank >= 3 && rank != 4 && rank != 6 && g_rand_int_range (s->rand, 0, 10) < 7)
    accord_case_set_text (c, ACCORD_CASE_EVALUATION, PICK (s->rand, evaluations));
}

/* The deadline columns the store keeps for every case (see
 * accord_store_refresh_deadlines), computed in memory here. */
static void
bind_deadlines (sqlite3_stmt *stmt,
                Seeder       *s,
                AccordCase   *c)
{
  AccordDeadlineContext context = { NULL, 0, 0, s->today_text, 3 };
  g_autoptr(GPtrArray) deadlines = accord_deadlines_compute (s->profile, s->calendar, c, &context);
  AccordDeadline *next = NULL;

  for (guint i = 0; i < deadlines->len; i++)
    {
      AccordDeadline *d = g_ptr_array_index (deadlines, i);

      if (g_str_equal (d->step, "accept"))
        accord_bind_text (stmt, 31, d->due_date);
      else if (g_str_equal (d->step, "reply"))
        accord_bind_text (stmt, 32, d->due_date);
      if (d->done_date == NULL && accord_deadline_is_bureau_step (d->step) &&
          (next == NULL || strcmp (d->due_date, next->due_date) < 0))
        next = d;
    }
  accord_bind_text (stmt, 33, next ? next->step : NULL);
  accord_bind_text (stmt, 34, next ? next->due_date : NULL);
}

static void
bind_case (sqlite3_stmt *stmt,
           AccordCase   *c)
{
  static const struct { int param; AccordCaseText field; } texts[] = {
    { 2, ACCORD_CASE_NUMBER }, { 5, ACCORD_CASE_TITLE }, { 6, ACCORD_CASE_SUMMARY }, { 7, ACCORD_CASE_CATEGORY },
    { 8, ACCORD_CASE_CHANNEL }, { 9, ACCORD_CASE_STATUS }, { 10, ACCORD_CASE_ACCEPTED_ON },
    { 11, ACCORD_CASE_DECLINED_ON }, { 12, ACCORD_CASE_DECLINE_REASON }, { 13, ACCORD_CASE_ASSIGNED_ON },
    { 14, ACCORD_CASE_REPLIED_ON }, { 15, ACCORD_CASE_OPINION }, { 16, ACCORD_CASE_REVIEW_REQUESTED_ON },
    { 17, ACCORD_CASE_REVIEWED_ON }, { 18, ACCORD_CASE_REVIEW_OPINION }, { 19, ACCORD_CASE_RE_REVIEW_REQUESTED_ON },
    { 20, ACCORD_CASE_TERMINATED_ON }, { 21, ACCORD_CASE_RE_REVIEW_OPINION }, { 22, ACCORD_CASE_RESPONSIBLE_UNIT },
    { 23, ACCORD_CASE_LEADER }, { 24, ACCORD_CASE_EVALUATION }, { 25, ACCORD_CASE_RECEIVED_ON },
  };
  static const struct { int param; AccordCaseFlag flag; } flags[] = {
    { 26, ACCORD_CASE_LITIGATION_RELATED }, { 27, ACCORD_CASE_COLLECTIVE }, { 28, ACCORD_CASE_REPEAT },
    { 29, ACCORD_CASE_CROSS_LEVEL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    accord_bind_text (stmt, texts[i].param, accord_case_get_text (c, texts[i].field));
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    sqlite3_bind_int (stmt, flags[i].param, accord_case_get_flag (c, flags[i].flag));
}

static char *
next_number (Seeder *s,
             int     year,
             gint64 *seq)
{
  gpointer key = GINT_TO_POINTER (year);

  *seq = GPOINTER_TO_SIZE (g_hash_table_lookup (s->last_seq, key)) + 1;
  g_hash_table_insert (s->last_seq, key, GSIZE_TO_POINTER (*seq));
  return accord_case_format_number (s->pattern, year, *seq);
}

static gboolean
link_and_index (AccordStore  *store,
                gint64        case_id,
                gint64        first_petitioner,
                guint         n_petitioners,
                const char   *number,
                const char   *title,
                const char   *summary,
                const char   *names,
                GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "INSERT INTO case_petitioner (case_id, petitioner_id, position) VALUES (?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_petitioners; i++)
    {
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_int64 (stmt, 2, first_petitioner + i);
      sqlite3_bind_int (stmt, 3, i);
      if (!accord_store_step_done (store, stmt, error))
        return FALSE;
    }

  stmt = accord_store_prepare (store,
                               "INSERT INTO case_search (rowid, number, title, summary, petitioners) "
                               "VALUES (?1, ?2 || '  ', ?3 || '  ', ?4 || '  ', ?5 || '  ')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  accord_bind_text (stmt, 2, number);
  accord_bind_text (stmt, 3, title);
  accord_bind_text (stmt, 4, summary);
  accord_bind_text (stmt, 5, names);
  return accord_store_step_done (store, stmt, error);
}

static gboolean
seed_petitioners (AccordStore  *store,
                  Seeder       *s,
                  guint         n,
                  GString      *names,
                  GError      **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = person_name (s->rand);

      if (!insert_petitioner (store, s, name, error))
        return FALSE;
      if (i > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, name);
    }
  return TRUE;
}

static guint
petitioner_count (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 85)
    return 1;
  if (roll < 95)
    return g_rand_int_range (rand, 2, 4);
  return g_rand_int_range (rand, 5, 9);
}

static gboolean
seed_case (AccordStore  *store,
           Seeder       *s,
           gint64        case_id,
           GError      **error)
{
  static const char *channels[] = { "visit", "visit", "letter", "online", "online", "online", "phone", "fax" };
  const Matter *m = &PICK (s->rand, matters);
  const char *title_core = PICK (s->rand, m->titles);
  const char *district = PICK (s->rand, districts);
  const char *status = pick_status (s->rand);
  guint n_petitioners = petitioner_count (s->rand);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *title = g_strconcat (district, title_core, NULL);
  g_autofree char *summary = NULL;
  g_autofree char *received = NULL;
  g_autofree char *number = NULL;
  gint64 first_petitioner = s->petitioner_id + 1, seq;
  g_autoptr(AccordCase) c = NULL;
  sqlite3_stmt *stmt;
  GDate date = s->today, received_date;

  s->first_petitioner_of_case[case_id - 1] = first_petitioner;

  /* Received dates run forward with the case ids, as in a real register. */
  g_date_subtract_days (&date, 729 - (guint) ((case_id - 1) * 730 / s->options->n_cases));
  received = accord_seed_date_string (&date);
  received_date = date;
  number = next_number (s, g_date_get_year (&date), &seq);
  {
    GString *text = g_string_new (m->summary);
    g_string_replace (text, "%s", title_core, 1);
    summary = g_string_free (text, FALSE);
  }

  if (!seed_petitioners (store, s, n_petitioners, names, error))
    return FALSE;

  c = accord_case_new ();
  accord_case_set_text (c, ACCORD_CASE_NUMBER, number);
  accord_case_set_text (c, ACCORD_CASE_TITLE, title);
  accord_case_set_text (c, ACCORD_CASE_SUMMARY, summary);
  accord_case_set_text (c, ACCORD_CASE_CATEGORY, m->category);
  accord_case_set_text (c, ACCORD_CASE_CHANNEL, PICK (s->rand, channels));
  accord_case_set_text (c, ACCORD_CASE_RECEIVED_ON, received);
  fill_workflow (c, s, status, &date);
  accord_case_set_flag (c, ACCORD_CASE_COLLECTIVE, n_petitioners >= 5);
  accord_case_set_flag (c, ACCORD_CASE_REPEAT, g_rand_int_range (s->rand, 0, 10) == 0);
  accord_case_set_flag (c, ACCORD_CASE_CROSS_LEVEL, g_rand_int_range (s->rand, 0, 20) == 0);

  stmt = accord_store_prepare (store,
                               "INSERT INTO \"case\" (id, number, year, seq, title, summary, category, channel, "
                               "status, accepted_on, declined_on, decline_reason, assigned_on, replied_on, "
                               "opinion, review_requested_on, reviewed_on, review_opinion, "
                               "re_review_requested_on, terminated_on, re_review_opinion, responsible_unit, "
                               "leader, evaluation, received_on, litigation_related, collective, repeat, "
                               "cross_level, created_at, updated_at, accept_due, reply_due, next_step, next_due) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                               "?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?30, ?31, ?32, "
                               "?33, ?34)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 3, g_date_get_year (&received_date));
  sqlite3_bind_int64 (stmt, 4, seq);
  bind_case (stmt, c);
  bind_deadlines (stmt, s, c);
  sqlite3_bind_int64 (stmt, 30, date_to_unix (&received_date));

  return accord_store_step_done (store, stmt, error) &&
         link_and_index (store, case_id, first_petitioner, n_petitioners, number, title, summary,
                         names->str, error);
}

/* Sessions --------------------------------------------------------------- */

/* The pool cycles through role_orgs, so person i (from 1) has the role
 * role_orgs[(i - 1) % N]: a random person of a role is found without a query. */
static gint64
person_with_role (Seeder     *s,
                  const char *role)
{
  guint n_roles = G_N_ELEMENTS (role_orgs), r = 0;
  guint rounds;

  while (r < n_roles && !g_str_equal (role_orgs[r].role, role))
    r++;
  rounds = (s->options->n_people - r + n_roles - 1) / n_roles;
  if (r == n_roles || rounds == 0)
    return 0;
  return (gint64) g_rand_int_range (s->rand, 0, rounds) * n_roles + r + 1;
}

static gboolean
insert_participant (AccordStore  *store,
                    gint64        session_id,
                    gint64        person_id,
                    gint64        petitioner_id,
                    const char   *role,
                    gint64        starts_at,
                    gint64        ends_at,
                    gboolean      active,
                    GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store,
                               "INSERT OR IGNORE INTO session_participant (session_id, person_id, petitioner_id, "
                               "role, attendance, starts_at, ends_at, active) "
                               "VALUES (?, nullif (?, 0), nullif (?, 0), ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, petitioner_id);
  accord_bind_text (stmt, 4, role);
  accord_bind_text (stmt, 5, "expected");
  sqlite3_bind_int64 (stmt, 6, starts_at);
  sqlite3_bind_int64 (stmt, 7, ends_at);
  sqlite3_bind_int (stmt, 8, active);
  return accord_store_step_done (store, stmt, error);
}

typedef struct
{
  const char *role;
  const char *pool_role;
} Seat;

/* Who sits in a session of each kind. */
static const Seat hearing_seats[] = {
  { "presider", "officer" }, { "recorder", "officer" }, { "panelist", "lawyer" },
  { "panelist", "npc_deputy" }, { "panelist", "expert" }, { NULL, NULL },
};
static const Seat mediation_seats[] = {
  { "mediator", "mediator" }, { "lawyer", "lawyer" }, { "psychologist", "psychologist" }, { NULL, NULL },
};
static const Seat reception_seats[] = {
  { "presider", "officer" }, { "department_rep", "department_rep" }, { "deputy", "cppcc_member" },
  { NULL, NULL },
};
static const Seat follow_up_seats[] = { { "observer", "officer" }, { NULL, NULL } };

static gboolean
seat_people (AccordStore  *store,
             Seeder       *s,
             gint64        session_id,
             const Seat   *seats,
             gint64        starts_at,
             gint64        ends_at,
             gboolean      active,
             GError      **error)
{
  for (guint i = 0; seats[i].role != NULL; i++)
    {
      gint64 person = person_with_role (s, seats[i].pool_role);

      if (person > 0 &&
          !insert_participant (store, session_id, person, 0, seats[i].role, starts_at, ends_at, active, error))
        return FALSE;
    }
  return TRUE;
}

/* A session of a random case at a half hour of a working morning or
 * afternoon, from the first day of the register to a month after today. */
static gboolean
seed_session (AccordStore  *store,
              Seeder       *s,
              gint64        session_id,
              GError      **error)
{
  static const char *kinds[] = { "hearing", "mediation", "mediation", "joint_reception", "follow_up" };
  static const Seat *seats[] = { hearing_seats, mediation_seats, mediation_seats, reception_seats, follow_up_seats };
  guint kind = g_rand_int_range (s->rand, 0, G_N_ELEMENTS (kinds));
  gint64 case_id = g_rand_int_range (s->rand, 1, s->options->n_cases + 1);
  int minute = g_rand_boolean (s->rand) ? 8 * 60 + 30 + 30 * g_rand_int_range (s->rand, 0, 4)
                                        : 14 * 60 + 30 * g_rand_int_range (s->rand, 0, 4);
  int length = 60 + 30 * g_rand_int_range (s->rand, 0, 3);
  GDate day = s->today;
  g_autoptr(GDateTime) start = NULL;
  gint64 starts_at, ends_at, petitioner;
  const char *status;
  sqlite3_stmt *stmt;

  g_date_subtract_days (&day, 729);
  g_date_add_days (&day, (guint) ((session_id - 1) * 760 / s->options->n_sessions));
  while (g_date_get_weekday (&day) >= G_DATE_SATURDAY)
    g_date_add_days (&day, 1);
  start = g_date_time_new (s->zone, g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                           minute / 60, minute % 60, 0);
  starts_at = g_date_time_to_unix (start);
  ends_at = starts_at + length * 60;
  if (g_date_compare (&day, &s->today) >= 0)
    status = g_rand_int_range (s->rand, 0, 3) ? "planned" : "notified";
  else
    status = g_rand_int_range (s->rand, 0, 10) ? "held" : "cancelled";

  stmt = accord_store_prepare (store,
                               "INSERT INTO session (id, case_id, kind, starts_at, ends_at, venue_id, status, "
                               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  accord_bind_text (stmt, 3, kinds[kind]);
  sqlite3_bind_int64 (stmt, 4, starts_at);
  sqlite3_bind_int64 (stmt, 5, ends_at);
  sqlite3_bind_int64 (stmt, 6, g_rand_int_range (s->rand, 1, s->n_venues + 1));
  accord_bind_text (stmt, 7, status);
  sqlite3_bind_int64 (stmt, 8, starts_at);
  if (!accord_store_step_done (store, stmt, error))
    return FALSE;

  petitioner = s->first_petitioner_of_case[case_id - 1];
  return seat_people (store, s, session_id, seats[kind], starts_at, ends_at, !g_str_equal (status, "cancelled"), error) &&
         insert_participant (store, session_id, 0, petitioner, "petitioner", starts_at, ends_at,
                             !g_str_equal (status, "cancelled"), error);
}

static gboolean
seed_sessions (AccordStore  *store,
               Seeder       *s,
               GError      **error)
{
  if (s->options->n_cases == 0)
    return TRUE;

  for (guint i = 1; i <= s->options->n_sessions; i++)
    if (!seed_session (store, s, i, error))
      return FALSE;
  return TRUE;
}

static gboolean
save_counters (AccordStore  *store,
               Seeder       *s,
               GError      **error)
{
  GHashTableIter iter;
  gpointer year, last;
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store, "INSERT INTO case_number_counter (year, last) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, s->last_seq);
  while (g_hash_table_iter_next (&iter, &year, &last))
    {
      sqlite3_bind_int (stmt, 1, GPOINTER_TO_INT (year));
      sqlite3_bind_int64 (stmt, 2, GPOINTER_TO_SIZE (last));
      if (!accord_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
audit_seed (AccordStore  *store,
            Seeder       *s,
            GError      **error)
{
  g_autoptr(JsonBuilder) details = json_builder_new ();

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "cases");
  json_builder_add_int_value (details, s->options->n_cases);
  json_builder_set_member_name (details, "people");
  json_builder_add_int_value (details, s->options->n_people);
  json_builder_set_member_name (details, "sessions");
  json_builder_add_int_value (details, s->options->n_sessions);
  json_builder_set_member_name (details, "seed");
  json_builder_add_int_value (details, s->options->seed);
  json_builder_end_object (details);

  return accord_store_audit (store, "seed", "database", 0, details, error);
}

static gboolean
database_is_empty (AccordStore  *store,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean empty;

  stmt = accord_store_prepare (store,
                               "SELECT NOT EXISTS (SELECT 1 FROM \"case\") AND NOT EXISTS (SELECT 1 FROM person) "
                               "AND NOT EXISTS (SELECT 1 FROM petitioner)", error);
  if (stmt == NULL)
    return FALSE;
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (!empty)
    g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_FAILED,
                         _("The database already holds cases or people; demo data is only added to an empty database"));
  return empty;
}

/* The demo bureau's letterhead, unless the database already has one. */
static gboolean
seed_bureau (AccordStore  *store,
             GError      **error)
{
  static const char * const settings[][2] = {
    { "bureau_name", "示范市信访局" },
    { "mediation_committee", "示范市信访事项人民调解委员会" },
    { "bureau_contact", "示范市人民路1号　电话 010-12345678" },
  };
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (store, "INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      accord_bind_text (stmt, 1, settings[i][0]);
      accord_bind_text (stmt, 2, settings[i][1]);
      if (!accord_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_action (AccordStore  *store,
             gpointer      data,
             GError      **error)
{
  Seeder *s = data;

  if (!database_is_empty (store, error) ||
      !seed_bureau (store, error) ||
      !seed_people (store, s, error) ||
      !seed_venues (store, s, error))
    return FALSE;

  for (guint i = 1; i <= s->options->n_cases; i++)
    if (!seed_case (store, s, i, error))
      return FALSE;

  if (!seed_sessions (store, s, error))
    return FALSE;

  return save_counters (store, s, error) && audit_seed (store, s, error) &&
         accord_seed_outcomes_and_documents (store, s, error);
}

gboolean
accord_seed (AccordStore              *store,
             const AccordSeedOptions  *options,
             GError                  **error)
{
  g_autofree char *today = accord_today ();
  Seeder s = { options };
  gboolean ok;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  s.today_text = today;
  if ((s.calendar = accord_store_calendar (store, error)) == NULL ||
      (s.profile = accord_store_deadline_profile (store, error)) == NULL)
    return FALSE;
  s.rand = g_rand_new_with_seed (options->seed);
  s.last_seq = g_hash_table_new (NULL, NULL);
  s.pattern = accord_store_get_setting (store, "case_number_pattern", ACCORD_DEFAULT_CASE_NUMBER_PATTERN);
  s.first_petitioner_of_case = g_new0 (gint64, MAX (options->n_cases, 1));
  s.n_venues = options->n_venues ? options->n_venues : 3;
  s.zone = accord_store_get_time_zone (store);
  g_date_clear (&s.today, 1);
  g_date_set_parse (&s.today, today);

  ok = accord_store_run (store, seed_action, &s, error);

  g_rand_free (s.rand);
  g_hash_table_unref (s.last_seq);
  g_free (s.first_petitioner_of_case);
  g_time_zone_unref (s.zone);
  g_free (s.pattern);
  return ok;
}
