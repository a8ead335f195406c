/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-scheduler"

#include <glib/gi18n.h>
#include <stdio.h>

#include "accord-composition.h"
#include "accord-enums.h"
#include "accord-scheduler-private.h"
#include "accord-store-private.h"
#include "accord-store-schedule.h"
#include "accord-validate.h"

struct _AccordScheduler
{
  GObject              parent_instance;
  AccordStore         *store;
  AccordCalendar      *calendar;
  AccordScheduleRules  rules;
  /* The slot finder's counts of recent sessions, per pool role, kept
   * while the database stays as it was when they were read. */
  GHashTable          *role_loads;
  gint64               loads_since;
  gint64               loads_until;
  gint64               loads_stamp[2];
};

G_DEFINE_FINAL_TYPE (AccordScheduler, accord_scheduler, G_TYPE_OBJECT)
G_DEFINE_QUARK (accord-scheduler-error-quark, accord_scheduler_error)

void
accord_conflict_free (AccordConflict *self)
{
  if (self == NULL)
    return;
  g_free (self->rule);
  g_free (self->message);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->session_ids, g_array_unref);
  g_free (self);
}

void
accord_slot_free (AccordSlot *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->participants, g_array_unref);
  g_free (self);
}

void
accord_broken_free (AccordBroken *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->session, accord_session_free);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_free (self);
}

/* Rules ---------------------------------------------------------------- */

static int
setting_int (AccordStore *store,
             const char  *name,
             int          fallback)
{
  g_autofree char *key = g_strconcat ("schedule.", name, NULL);
  g_autofree char *value = accord_store_get_setting (store, key, NULL);

  return value != NULL ? atoi (value) : fallback;
}

static void
load_rules (AccordScheduler *self)
{
  AccordScheduleRules *r = &self->rules;

  r->buffer_minutes = setting_int (self->store, "buffer_minutes", 15);
  r->max_duration_minutes = setting_int (self->store, "max_duration_minutes", 24 * 60);
  r->min_panel = setting_int (self->store, "min_panel", 3);
  r->notice_days = setting_int (self->store, "notice_days", 7);
  r->allow_non_working_days = setting_int (self->store, "allow_non_working_days", 0);
  r->morning_start = setting_int (self->store, "morning_start", 8 * 60 + 30);
  r->morning_end = setting_int (self->store, "morning_end", 12 * 60);
  r->afternoon_start = setting_int (self->store, "afternoon_start", 14 * 60);
  r->afternoon_end = setting_int (self->store, "afternoon_end", 17 * 60 + 30);
  r->weekly_load = setting_int (self->store, "weekly_load", 6);
  r->max_representatives = setting_int (self->store, "max_representatives", 5);
  r->hearing_composition = accord_store_get_setting (self->store, "schedule.hearing_composition",
                                                     ACCORD_DEFAULT_HEARING_COMPOSITION);
  r->mediation_composition = accord_store_get_setting (self->store, "schedule.mediation_composition",
                                                       ACCORD_DEFAULT_MEDIATION_COMPOSITION);
  r->time_zone = accord_store_get_time_zone (self->store);
}

static void
accord_scheduler_dispose (GObject *object)
{
  AccordScheduler *self = (AccordScheduler *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (accord_scheduler_parent_class)->dispose (object);
}

static void
accord_scheduler_finalize (GObject *object)
{
  AccordScheduler *self = (AccordScheduler *) object;

  g_free (self->rules.hearing_composition);
  g_free (self->rules.mediation_composition);
  g_clear_pointer (&self->rules.time_zone, g_time_zone_unref);
  g_clear_pointer (&self->role_loads, g_hash_table_unref);

  G_OBJECT_CLASS (accord_scheduler_parent_class)->finalize (object);
}

static void
accord_scheduler_class_init (AccordSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_scheduler_dispose;
  object_class->finalize = accord_scheduler_finalize;
}

static void
accord_scheduler_init (AccordScheduler *self)
{
  self->role_loads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
}

AccordScheduler *
accord_scheduler_new (AccordStore  *store,
                      GError      **error)
{
  g_autoptr(AccordScheduler) self = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  self = g_object_new (ACCORD_TYPE_SCHEDULER, NULL);
  self->store = g_object_ref (store);
  if ((self->calendar = accord_store_load_calendar (store, error)) == NULL)
    return NULL;
  load_rules (self);
  return g_steal_pointer (&self);
}

/**
 * accord_scheduler_get_rules:
 *
 * Returns: (transfer none): the rules in force, which callers (tests, the
 * preferences) may change for this scheduler.
 */
AccordScheduleRules *
accord_scheduler_get_rules (AccordScheduler *self)
{
  g_return_val_if_fail (ACCORD_IS_SCHEDULER (self), NULL);

  return &self->rules;
}

AccordCalendar *
accord_scheduler_get_calendar (AccordScheduler *self)
{
  g_return_val_if_fail (ACCORD_IS_SCHEDULER (self), NULL);

  return self->calendar;
}

/* Formatting ----------------------------------------------------------- */

static GDateTime *
local_time (AccordScheduler *self,
            gint64           instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, self->rules.time_zone);
}

/* "2026-11-24 14:00–16:00" (or with both dates when it spans midnight). */
static char *
format_span (AccordScheduler *self,
             gint64           starts_at,
             gint64           ends_at)
{
  g_autoptr(GDateTime) start = local_time (self, starts_at);
  g_autoptr(GDateTime) end = local_time (self, ends_at);
  g_autofree char *a = g_date_time_format (start, "%Y-%m-%d %H:%M");
  g_autofree char *b = NULL;

  if (g_date_time_get_day_of_year (start) == g_date_time_get_day_of_year (end) &&
      g_date_time_get_year (start) == g_date_time_get_year (end))
    b = g_date_time_format (end, "%H:%M");
  else
    b = g_date_time_format (end, "%Y-%m-%d %H:%M");

  return g_strdup_printf ("%s–%s", a, b);
}

static char *
format_minutes (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

static AccordConflict *
add_conflict (Check          *check,
              const char     *rule,
              AccordSeverity  severity,
              char           *message)
{
  AccordConflict *c = g_new0 (AccordConflict, 1);

  c->rule = g_strdup (rule);
  c->severity = severity;
  c->message = message;
  c->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (check->conflicts, c);
  return c;
}

gboolean
accord_conflicts_have_hard (GPtrArray *conflicts)
{
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    if (((AccordConflict *) g_ptr_array_index (conflicts, i))->severity == ACCORD_SEVERITY_HARD)
      return TRUE;
  return FALSE;
}

/* Participants --------------------------------------------------------- */

static const AccordParticipantInput *
participant_at (Check *check,
                guint  i)
{
  return &g_array_index (check->participants, AccordParticipantInput, i);
}

static const char *
participant_name (Check *check,
                  guint  i)
{
  AccordPerson *person = g_ptr_array_index (check->people, i);

  return person != NULL ? person->name : _("The petitioner");
}

static gboolean
person_has_role (AccordPerson *person,
                 const char   *role)
{
  return person != NULL && g_strv_contains ((const char * const *) person->roles, role);
}

/* Rules ---------------------------------------------------------------- */

static void
check_time (Check *check)
{
  const AccordSessionInput *in = &check->input;
  const AccordScheduleRules *r = &check->self->rules;

  if (in->ends_at <= in->starts_at)
    add_conflict (check, "time", ACCORD_SEVERITY_HARD, g_strdup (_("The session must end after it starts")));
  else if (in->ends_at - in->starts_at > (gint64) r->max_duration_minutes * 60)
    add_conflict (check, "time", ACCORD_SEVERITY_HARD,
                  g_strdup_printf (_("A session cannot last longer than %d hours"), r->max_duration_minutes / 60));
}

/* A booking that overlaps the session, or comes closer than the buffer. */
static void
report_bookings (Check      *check,
                 const char *rule,
                 const char *who,
                 gint64      person_id,
                 gint64      venue_id,
                 GPtrArray  *bookings)
{
  const AccordSessionInput *in = &check->input;
  int buffer = check->self->rules.buffer_minutes;

  for (guint i = 0; i < bookings->len; i++)
    {
      AccordBooking *b = g_ptr_array_index (bookings, i);
      g_autofree char *span = format_span (check->self, b->starts_at, b->ends_at);
      gboolean overlaps = b->starts_at < in->ends_at && b->ends_at > in->starts_at;
      const char *what = venue_id ? accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, b->role)
                                  : accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, b->role);
      AccordConflict *c;
      char *message;

      if (overlaps && venue_id)
        /* TRANSLATORS: "一号听证室 is already booked for XF-2026-000031 (Hearing), 2026-11-24 14:00–16:00" */
        message = g_strdup_printf (_("%s is already booked for %s (%s), %s"), who, b->case_number, what, span);
      else if (overlaps && b->venue_name != NULL)
        /* TRANSLATORS: "王芳 is already booked as panelist for XF-2026-000031, 2026-11-24 14:00–16:00 in 一号听证室" */
        message = g_strdup_printf (_("%s is already booked as %s for %s, %s in %s"),
                                   who, what, b->case_number, span, b->venue_name);
      else if (overlaps)
        /* TRANSLATORS: "王芳 is already booked as panelist for XF-2026-000031, 2026-11-24 14:00–16:00" */
        message = g_strdup_printf (_("%s is already booked as %s for %s, %s"), who, what, b->case_number, span);
      else
        message = g_strdup_printf (_("%s has another session for %s, %s: leave at least %d minutes between sessions"),
                                   who, b->case_number, span, buffer);

      c = add_conflict (check, overlaps ? rule : "buffer", ACCORD_SEVERITY_HARD, message);
      g_array_append_val (c->session_ids, b->session_id);
      if (person_id > 0)
        g_array_append_val (c->person_ids, person_id);
      c->venue_id = venue_id;
    }
}

static gboolean
check_weekly (Check                   *check,
              guint                    i,
              GError                 **error)
{
  const AccordParticipantInput *p = participant_at (check, i);
  g_autoptr(GArray) slots = accord_store_weekly_availability (check->self->store, p->person_id, error);
  int weekday = g_date_time_get_day_of_week (check->start);
  int start = g_date_time_get_hour (check->start) * 60 + g_date_time_get_minute (check->start);
  int end = g_date_time_get_hour (check->end) * 60 + g_date_time_get_minute (check->end);
  AccordConflict *c;

  if (slots == NULL)
    return FALSE;
  if (slots->len == 0)
    return TRUE;   /* no pattern: available whenever the bureau works */

  if (g_date_time_get_day_of_year (check->start) == g_date_time_get_day_of_year (check->end))
    for (guint k = 0; k < slots->len; k++)
      {
        AccordWeeklySlot *s = &g_array_index (slots, AccordWeeklySlot, k);
        if (s->weekday == weekday && s->start_minute <= start && end <= s->end_minute)
          return TRUE;
      }

  c = add_conflict (check, "unavailable", ACCORD_SEVERITY_HARD,
                    g_strdup_printf (_("%s is not available at this time according to their weekly availability"),
                                     participant_name (check, i)));
  g_array_append_val (c->person_ids, p->person_id);
  return TRUE;
}

static gboolean
check_absences (Check   *check,
                guint    i,
                GError **error)
{
  const AccordParticipantInput *p = participant_at (check, i);
  g_autoptr(GPtrArray) absences = accord_store_absences (check->self->store, p->person_id,
                                                         check->input.starts_at, check->input.ends_at, error);

  if (absences == NULL)
    return FALSE;
  for (guint k = 0; k < absences->len; k++)
    {
      AccordAbsence *a = g_ptr_array_index (absences, k);
      g_autofree char *span = format_span (check->self, a->starts_at, a->ends_at);
      AccordConflict *c;

      c = add_conflict (check, "absent", ACCORD_SEVERITY_HARD,
                        a->reason && *a->reason
                        ? g_strdup_printf (_("%s is absent during %s (%s)"), participant_name (check, i), span, a->reason)
                        : g_strdup_printf (_("%s is absent during %s"), participant_name (check, i), span));
      g_array_append_val (c->person_ids, p->person_id);
    }
  return TRUE;
}

static void
check_recusal (Check *check,
               guint  i)
{
  const AccordParticipantInput *p = participant_at (check, i);
  static const char *deciding[] = { "presider", "panelist", "mediator", NULL };
  AccordConflict *c;

  if (!g_strv_contains (deciding, p->role) || !g_hash_table_contains (check->interested, &p->person_id))
    return;

  c = add_conflict (check, "recusal", ACCORD_SEVERITY_HARD,
                    g_strdup_printf (_("%s has declared an interest in this case or its petitioner and must step aside"),
                                     participant_name (check, i)));
  g_array_append_val (c->person_ids, p->person_id);
}

/* Sessions in the local week (Monday to Sunday) of the proposal. */
static void
check_load (Check *check,
            guint  i)
{
  const AccordParticipantInput *p = participant_at (check, i);
  g_autoptr(GDateTime) day = g_date_time_new (check->self->rules.time_zone,
                                              g_date_time_get_year (check->start),
                                              g_date_time_get_month (check->start),
                                              g_date_time_get_day_of_month (check->start), 0, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));
  g_autoptr(GDateTime) next = g_date_time_add_weeks (monday, 1);
  int limit = check->self->rules.weekly_load;
  gint64 load;
  AccordConflict *c;

  load = accord_store_person_load (check->self->store, p->person_id, g_date_time_to_unix (monday),
                                   g_date_time_to_unix (next), check->ignore);
  if (load + 1 <= limit)
    return;

  c = add_conflict (check, "load", ACCORD_SEVERITY_SOFT,
                    g_strdup_printf (_("%s already has %d sessions that week (suggested at most %d)"),
                                     participant_name (check, i), (int) load, limit));
  g_array_append_val (c->person_ids, p->person_id);
}

static gboolean
check_participants (Check   *check,
                    GError **error)
{
  const AccordSessionInput *in = &check->input;
  gint64 from = in->starts_at - (gint64) check->self->rules.buffer_minutes * 60;
  gint64 to = in->ends_at + (gint64) check->self->rules.buffer_minutes * 60;

  for (guint i = 0; i < check->participants->len; i++)
    {
      const AccordParticipantInput *p = participant_at (check, i);
      g_autoptr(GPtrArray) bookings = NULL;

      if (p->person_id > 0)
        bookings = accord_store_person_bookings (check->self->store, p->person_id, from, to, check->ignore, error);
      else
        bookings = accord_store_petitioner_bookings (check->self->store, p->petitioner_id, from, to, check->ignore, error);
      if (bookings == NULL)
        return FALSE;
      report_bookings (check, p->person_id > 0 ? "person-busy" : "petitioner-busy",
                       participant_name (check, i), p->person_id, 0, bookings);

      if (p->person_id <= 0)
        continue;
      if (!check_weekly (check, i, error) || !check_absences (check, i, error))
        return FALSE;
      check_recusal (check, i);
      check_load (check, i);
    }
  return TRUE;
}

static gboolean
check_venue (Check   *check,
             GError **error)
{
  const AccordSessionInput *in = &check->input;
  gint64 buffer = (gint64) check->self->rules.buffer_minutes * 60;
  g_autoptr(AccordVenue) venue = NULL;
  g_autoptr(GPtrArray) bookings = NULL;
  AccordConflict *c;

  if (in->venue_id <= 0)
    return TRUE;
  if ((venue = accord_store_get_venue (check->self->store, in->venue_id, error)) == NULL)
    return FALSE;

  if (!venue->active)
    {
      c = add_conflict (check, "venue-closed", ACCORD_SEVERITY_HARD,
                        g_strdup_printf (_("%s is closed"), venue->name));
      c->venue_id = venue->id;
    }
  if ((guint) venue->capacity < check->participants->len)
    {
      c = add_conflict (check, "capacity", ACCORD_SEVERITY_HARD,
                        g_strdup_printf (_("%s holds %d people, but %u take part"), venue->name,
                                         venue->capacity, check->participants->len));
      c->venue_id = venue->id;
    }

  bookings = accord_store_venue_bookings (check->self->store, venue->id, in->starts_at - buffer,
                                          in->ends_at + buffer, check->ignore, error);
  if (bookings == NULL)
    return FALSE;
  report_bookings (check, "venue-busy", venue->name, 0, venue->id, bookings);
  return TRUE;
}

/* Panel rules of a hearing (DOMAIN.md §3). */
static void
check_panel (Check *check)
{
  const AccordScheduleRules *r = &check->self->rules;
  guint panelists = 0, presiders = 0;

  for (guint i = 0; i < check->participants->len; i++)
    {
      const AccordParticipantInput *p = participant_at (check, i);
      AccordPerson *person = g_ptr_array_index (check->people, i);

      if (g_str_equal (p->role, "panelist"))
        panelists++;
      if (!g_str_equal (p->role, "presider"))
        continue;
      presiders++;
      if (person != NULL && g_strcmp0 (person->name, check->context->leader) == 0)
        add_conflict (check, "presider", ACCORD_SEVERITY_HARD,
                      g_strdup_printf (_("%s cannot preside: they are the case's leader in charge"), person->name));
      else if (person != NULL && g_strcmp0 (person->name, check->context->investigator) == 0)
        add_conflict (check, "presider", ACCORD_SEVERITY_HARD,
                      g_strdup_printf (_("%s cannot preside: they investigated the case"), person->name));
    }

  if (presiders == 0)
    add_conflict (check, "presider", ACCORD_SEVERITY_HARD, g_strdup (_("A hearing needs a presiding officer")));
  if (panelists % 2 == 0 || panelists < (guint) r->min_panel)
    add_conflict (check, "panel-size", ACCORD_SEVERITY_HARD,
                  g_strdup_printf (_("A hearing panel needs an odd number of panelists, at least %d; this one has %u"),
                                   r->min_panel, panelists));
}

gboolean
accord_scheduler_parse_date (const char *text,
                             GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static void
local_date (GDateTime *time,
            GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
}

/* The notice must reach the petitioner the full period before the day of
 * the hearing: notice on the 1st for a hearing on the 8th gives 7 days. */
static void
check_notice (Check *check)
{
  g_autofree char *today = accord_today ();
  int period = check->self->rules.notice_days;
  GDate notice, day;
  int days;

  if (!accord_scheduler_parse_date (check->input.notice_date ? check->input.notice_date : today, &notice))
    return;
  local_date (check->start, &day);
  days = g_date_days_between (&notice, &day);
  if (days >= period)
    return;

  add_conflict (check, "notice", ACCORD_SEVERITY_HARD,
                g_strdup_printf (_("The hearing notice must reach the petitioner at least %d days before the hearing; notice on %s leaves %d"),
                                 period, check->input.notice_date ? check->input.notice_date : today, MAX (days, 0)));
}

static void
check_working_day (Check *check)
{
  AccordCalendar *calendar = check->self->calendar;
  const char *name;
  char text[16];
  GDate day;

  if (check->self->rules.allow_non_working_days)
    return;

  local_date (check->start, &day);
  if (accord_calendar_is_working_day (calendar, &day))
    return;

  g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
  name = accord_calendar_day_name (calendar, &day);
  add_conflict (check, "non-working-day", ACCORD_SEVERITY_HARD,
                name != NULL
                ? g_strdup_printf (_("%s is not a working day (%s)"), text, name)
                : g_strdup_printf (_("%s is not a working day (weekend)"), text));
}

static void
check_hours (Check *check)
{
  const AccordScheduleRules *r = &check->self->rules;
  int start = g_date_time_get_hour (check->start) * 60 + g_date_time_get_minute (check->start);
  int end = g_date_time_get_hour (check->end) * 60 + g_date_time_get_minute (check->end);
  gboolean same_day = check->input.ends_at - check->input.starts_at < 86400 && end > start;
  g_autofree char *ms = NULL, *me = NULL, *as = NULL, *ae = NULL;

  if (same_day && ((r->morning_start <= start && end <= r->morning_end) ||
                   (r->afternoon_start <= start && end <= r->afternoon_end)))
    return;

  ms = format_minutes (r->morning_start);
  me = format_minutes (r->morning_end);
  as = format_minutes (r->afternoon_start);
  ae = format_minutes (r->afternoon_end);
  add_conflict (check, "hours", ACCORD_SEVERITY_SOFT,
                g_strdup_printf (_("The session runs outside working hours (%s–%s and %s–%s)"), ms, me, as, ae));
}

/* "lawyer|legal_worker:1,npc_deputy|cppcc_member:1": at least 1 panelist
 * (hearing, by their roles in the pool) or participant (mediation, by their
 * role in the session) of each group. */
static void
check_composition (Check      *check,
                   const char *requirement,
                   gboolean    by_pool_role)
{
  g_auto(GStrv) groups = g_strsplit (requirement ? requirement : "", ",", -1);

  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_auto(GStrv) parts = g_strsplit (groups[g], ":", 2);
      g_auto(GStrv) roles = NULL;
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autofree char *joined = NULL;
      int needed, found = 0;

      if (parts[0] == NULL || parts[1] == NULL || (needed = atoi (parts[1])) <= 0)
        continue;
      roles = g_strsplit (parts[0], "|", -1);
      for (guint i = 0; i < check->participants->len; i++)
        {
          const AccordParticipantInput *p = participant_at (check, i);
          AccordPerson *person = g_ptr_array_index (check->people, i);

          for (guint k = 0; roles[k] != NULL; k++)
            if (by_pool_role ? (g_str_equal (p->role, "panelist") && person_has_role (person, roles[k]))
                             : g_str_equal (p->role, roles[k]))
              {
                found++;
                break;
              }
        }
      if (found >= needed)
        continue;

      for (guint k = 0; roles[k] != NULL; k++)
        g_ptr_array_add (labels, (gpointer) accord_vocab_label (by_pool_role ? ACCORD_VOCAB_PERSON_ROLE
                                                                             : ACCORD_VOCAB_SESSION_ROLE, roles[k]));
      g_ptr_array_add (labels, NULL);
      joined = g_strjoinv (_(" or "), (char **) labels->pdata);
      add_conflict (check, "composition", ACCORD_SEVERITY_SOFT,
                    by_pool_role
                    ? g_strdup_printf (_("The panel should include at least %d of: %s"), needed, joined)
                    : g_strdup_printf (_("The session should include at least %d of: %s"), needed, joined));
    }
}

static void
check_representatives (Check *check)
{
  int max = check->self->rules.max_representatives;
  guint n = 0;

  if (!check->context->collective)
    return;
  for (guint i = 0; i < check->participants->len; i++)
    if (participant_at (check, i)->petitioner_id > 0)
      n++;
  if (n <= (guint) max)
    return;

  add_conflict (check, "representatives", ACCORD_SEVERITY_SOFT,
                g_strdup_printf (_("A collective petition should send at most %d representatives; %u take part"), max, n));
}

/* Preparing a check ---------------------------------------------------- */

void
accord_scheduler_check_clear (Check *check)
{
  g_clear_pointer (&check->participants, g_array_unref);
  g_clear_pointer (&check->context, accord_case_context_free);
  g_clear_pointer (&check->people, g_ptr_array_unref);
  g_clear_pointer (&check->interested, g_hash_table_unref);
  g_clear_pointer (&check->start, g_date_time_unref);
  g_clear_pointer (&check->end, g_date_time_unref);
  g_clear_pointer (&check->conflicts, g_ptr_array_unref);
}


gboolean
accord_scheduler_invalid (GError     **error,
                          const char  *message)
{
  g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT, message);
  return FALSE;
}

static gboolean
validate_participant (const AccordParticipantInput  *p,
                      GError                       **error)
{
  g_autofree char *codes = NULL;

  if (!accord_vocab_has (ACCORD_VOCAB_SESSION_ROLE, p->role))
    {
      codes = accord_vocab_codes_joined (ACCORD_VOCAB_SESSION_ROLE);
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                   _("Role in the session must be one of: %s"), codes);
      return FALSE;
    }
  if ((p->person_id > 0) == (p->petitioner_id > 0))
    return accord_scheduler_invalid (error, _("Each participant is either a person of the pool or a petitioner of the case"));
  if (p->petitioner_id > 0 && !g_str_equal (p->role, "petitioner") && !g_str_equal (p->role, "agent"))
    return accord_scheduler_invalid (error, _("A petitioner takes part as petitioner or agent"));
  if (p->person_id > 0 && g_str_equal (p->role, "petitioner"))
    return accord_scheduler_invalid (error, _("A person of the pool cannot take part as petitioner"));
  return TRUE;
}

static gboolean
has_participant (GArray                       *list,
                 const AccordParticipantInput *p)
{
  for (guint i = 0; i < list->len; i++)
    {
      AccordParticipantInput *q = &g_array_index (list, AccordParticipantInput, i);
      if ((p->person_id > 0 && q->person_id == p->person_id) ||
          (p->petitioner_id > 0 && q->petitioner_id == p->petitioner_id))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_case_petitioner (AccordCaseContext *context,
                    gint64             petitioner_id)
{
  for (guint i = 0; i < context->petitioner_ids->len; i++)
    if (g_array_index (context->petitioner_ids, gint64, i) == petitioner_id)
      return TRUE;
  return FALSE;
}

/* The people as proposed, and the case's petitioners when none is named. */
static gboolean
collect_participants (Check                    *check,
                      const AccordSessionInput *proposal,
                      GError                  **error)
{
  gboolean any_petitioner = FALSE;

  check->participants = g_array_new (FALSE, FALSE, sizeof (AccordParticipantInput));
  for (guint i = 0; i < proposal->n_participants; i++)
    {
      const AccordParticipantInput *p = &proposal->participants[i];

      if (!validate_participant (p, error))
        return FALSE;
      if (has_participant (check->participants, p))
        return accord_scheduler_invalid (error, _("The same participant is listed twice"));
      if (p->petitioner_id > 0 && !is_case_petitioner (check->context, p->petitioner_id))
        return accord_scheduler_invalid (error, _("Only the case's own petitioners take part as petitioners"));
      any_petitioner |= p->petitioner_id > 0;
      g_array_append_vals (check->participants, p, 1);
    }

  for (guint i = 0; !any_petitioner && i < check->context->petitioner_ids->len; i++)
    {
      AccordParticipantInput p = { 0, g_array_index (check->context->petitioner_ids, gint64, i), "petitioner" };
      g_array_append_val (check->participants, p);
    }
  return TRUE;
}

static gboolean
load_people (Check   *check,
             GError **error)
{
  check->people = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_person_free);
  for (guint i = 0; i < check->participants->len; i++)
    {
      const AccordParticipantInput *p = participant_at (check, i);
      AccordPerson *person = NULL;

      if (p->person_id > 0 && (person = accord_store_get_person (check->self->store, p->person_id, error)) == NULL)
        return FALSE;
      g_ptr_array_add (check->people, person);
    }
  return TRUE;
}

gboolean
accord_scheduler_check_prepare (Check                    *check,
                                AccordScheduler          *self,
                                const AccordSessionInput *proposal,
                                gint64                    ignore,
                                GError                  **error)
{
  g_autofree char *kinds = NULL;

  check->self = self;
  check->ignore = ignore;
  check->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_conflict_free);

  if (!accord_vocab_has (ACCORD_VOCAB_SESSION_KIND, proposal->kind))
    {
      kinds = accord_vocab_codes_joined (ACCORD_VOCAB_SESSION_KIND);
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                   _("Kind must be one of: %s"), kinds);
      return FALSE;
    }
  if (proposal->notice_date != NULL && !accord_validate_date (_("Notice date"), proposal->notice_date, error))
    return FALSE;
  if (!accord_validate_text (_("Notes"), proposal->notes, ACCORD_TEXT_MAX_CHARS, FALSE, error))
    return FALSE;

  if ((check->context = accord_store_case_context (self->store, proposal->case_number, error)) == NULL ||
      !collect_participants (check, proposal, error) ||
      !load_people (check, error) ||
      (check->interested = accord_store_interested_persons (self->store, check->context, error)) == NULL)
    return FALSE;

  check->input = *proposal;
  check->input.participants = (const AccordParticipantInput *) check->participants->data;
  check->input.n_participants = check->participants->len;
  check->start = local_time (self, proposal->starts_at);
  check->end = local_time (self, proposal->ends_at);
  return TRUE;
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  const AccordConflict *x = *(AccordConflict * const *) a, *y = *(AccordConflict * const *) b;

  return (int) y->severity - (int) x->severity;
}

gboolean
accord_scheduler_check_run (Check   *check,
                            GError **error)
{
  const char *kind = check->input.kind;

  check_time (check);
  if (check->conflicts->len > 0)
    return TRUE;   /* the other rules need a real time span */

  if (!check_participants (check, error) || !check_venue (check, error))
    return FALSE;
  check_working_day (check);
  check_hours (check);
  check_representatives (check);
  if (g_str_equal (kind, "hearing"))
    {
      check_panel (check);
      check_notice (check);
      check_composition (check, check->self->rules.hearing_composition, TRUE);
    }
  else if (g_str_equal (kind, "mediation"))
    check_composition (check, check->self->rules.mediation_composition, FALSE);

  g_ptr_array_sort (check->conflicts, compare_severity);
  return TRUE;
}

/**
 * accord_scheduler_check:
 * @ignore_session: a session not to clash with (the one being moved), or 0
 *
 * Checks a proposed session against every rule.  Returns %NULL with
 * @error set only when the proposal itself is malformed (unknown case,
 * person or venue, a bad role); broken rules are the returned conflicts.
 *
 * Returns: (transfer full): AccordConflict values, hard ones first.
 */
GPtrArray *
accord_scheduler_check (AccordScheduler          *self,
                        const AccordSessionInput *proposal,
                        gint64                    ignore_session,
                        GError                  **error)
{
  g_auto(Check) check = { 0 };
  gboolean began, ok;

  g_return_val_if_fail (ACCORD_IS_SCHEDULER (self), NULL);
  g_return_val_if_fail (proposal != NULL, NULL);

  if (!accord_store_begin_read (self->store, &began, error))
    return NULL;
  ok = accord_scheduler_check_prepare (&check, self, proposal, ignore_session, error) && accord_scheduler_check_run (&check, error);
  accord_store_end_read (self->store, began);

  return ok ? g_steal_pointer (&check.conflicts) : NULL;
}

AccordStore *
accord_scheduler_get_store (AccordScheduler *self)
{
  return self->store;
}

/**
 * accord_scheduler_role_loads:
 *
 * accord_store_role_loads(), read again only after a write to the
 * database: counting the sessions of every member of the pool over 90
 * days is most of a search on a large register, and a search is often
 * asked again with other hours or needs from the same day.
 *
 * Returns: (transfer full): AccordPersonLoad values, not to be changed.
 */
GArray *
accord_scheduler_role_loads (AccordScheduler  *self,
                             const char       *role,
                             gint64            since,
                             gint64            until,
                             GError          **error)
{
  GArray *loads;
  gint64 stamp[2];

  accord_store_change_stamp (self->store, stamp);
  if (stamp[1] < 0 || stamp[0] != self->loads_stamp[0] || stamp[1] != self->loads_stamp[1] ||
      since != self->loads_since || until != self->loads_until)
    {
      g_hash_table_remove_all (self->role_loads);
      self->loads_stamp[0] = stamp[0];
      self->loads_stamp[1] = stamp[1];
      self->loads_since = since;
      self->loads_until = until;
    }

  if ((loads = g_hash_table_lookup (self->role_loads, role)) == NULL)
    {
      if ((loads = accord_store_role_loads (self->store, role, since, until, error)) == NULL)
        return NULL;
      g_hash_table_insert (self->role_loads, g_strdup (role), loads);
    }
  return g_array_ref (loads);
}
