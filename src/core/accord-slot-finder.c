/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-slot-finder"

#include <glib/gi18n.h>

#include "accord-scheduler-private.h"
#include "accord-store-schedule.h"
#include "accord-validate.h"

/* Finding a slot and a panel ------------------------------------------- */

/* People to find: @count of them for @session_role, drawn from those
 * with one of @pool_roles. */
typedef struct
{
  const char *session_role;
  char      **pool_roles;
  int         count;
  GArray     *candidates;   /* gint64 ids, fewest recent sessions first */
} Need;

typedef struct
{
  AccordScheduler         *self;
  const AccordSlotRequest *request;
  AccordCaseContext       *context;
  GHashTable              *interested;
  GHashTable              *weekly;     /* id -> GArray of AccordWeeklySlot */
  GHashTable              *role_loads; /* pool role -> GArray of AccordPersonLoad */
  GPtrArray               *needs;      /* Need */
  GPtrArray               *venues;     /* AccordVenue, in the order to try */
  GPtrArray               *slots;      /* AccordSlot */
  gint64                   week_start; /* the local week being scanned */
  gint64                   week_end;
  GHashTable              *week_people; /* id -> Busy in the week */
  GHashTable              *week_venues; /* id -> Busy in the week */
} Finder;

/* What keeps a person or venue from the slots of a week: the spans that
 * reach into it, buffers included, and the sessions that start in it. */
typedef struct
{
  GArray *spans;   /* AccordBusySpan */
  gint64  load;
} Busy;

static const char *panel_pool[] = {
  "npc_deputy", "cppcc_member", "lawyer", "legal_worker", "expert", "psychologist", "community_rep",
  "notable", NULL
};

static void
busy_free (Busy *busy)
{
  g_array_unref (busy->spans);
  g_free (busy);
}

static void
need_free (Need *need)
{
  g_strfreev (need->pool_roles);
  g_clear_pointer (&need->candidates, g_array_unref);
  g_free (need);
}

static void
finder_clear (Finder *f)
{
  g_clear_pointer (&f->context, accord_case_context_free);
  g_clear_pointer (&f->interested, g_hash_table_unref);
  g_clear_pointer (&f->weekly, g_hash_table_unref);
  g_clear_pointer (&f->role_loads, g_hash_table_unref);
  g_clear_pointer (&f->needs, g_ptr_array_unref);
  g_clear_pointer (&f->venues, g_ptr_array_unref);
  g_clear_pointer (&f->slots, g_ptr_array_unref);
  g_clear_pointer (&f->week_people, g_hash_table_unref);
  g_clear_pointer (&f->week_venues, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Finder, finder_clear)

static char **
pool_roles_for (const char *session_role)
{
  static const struct { const char *session_role; const char *pool_roles; } map[] = {
    { "presider", "officer" }, { "recorder", "officer" }, { "mediator", "mediator" },
    { "lawyer", "lawyer|legal_worker" }, { "psychologist", "psychologist" },
    { "deputy", "npc_deputy|cppcc_member|party_delegate" }, { "department_rep", "department_rep" },
  };

  if (g_str_equal (session_role, "panelist"))
    return g_strdupv ((char **) panel_pool);
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].session_role, session_role))
      return g_strsplit (map[i].pool_roles, "|", -1);
  return NULL;
}

static void
add_need (Finder     *f,
          const char *session_role,
          char      **pool_roles,
          int         count)
{
  Need *need = g_new0 (Need, 1);

  need->session_role = g_intern_string (session_role);
  need->pool_roles = pool_roles;
  need->count = count;
  g_ptr_array_add (f->needs, need);
}

static gboolean
required_has_role (const AccordSlotRequest *r,
                   const char              *role)
{
  for (guint i = 0; i < r->n_required; i++)
    if (g_strcmp0 (r->required[i].role, role) == 0)
      return TRUE;
  return FALSE;
}

/* A hearing's panel: the composition groups first, then any panelists;
 * a presiding officer when none is named; then the extra needs. */
static gboolean
plan_needs (Finder  *f,
            GError **error)
{
  const AccordSlotRequest *r = f->request;
  int panel_left = r->panel_size;

  f->needs = g_ptr_array_new_with_free_func ((GDestroyNotify) need_free);
  if (g_str_equal (r->kind, "hearing") && panel_left > 0)
    {
      g_auto(GStrv) groups = g_strsplit (accord_scheduler_get_rules (f->self)->hearing_composition, ",", -1);

      for (guint g = 0; groups[g] != NULL && panel_left > 0; g++)
        {
          g_auto(GStrv) parts = g_strsplit (groups[g], ":", 2);
          int n = parts[0] && parts[1] ? MIN (atoi (parts[1]), panel_left) : 0;

          if (n > 0)
            add_need (f, "panelist", g_strsplit (parts[0], "|", -1), n);
          panel_left -= MAX (n, 0);
        }
      if (panel_left > 0)
        add_need (f, "panelist", pool_roles_for ("panelist"), panel_left);
    }
  if (g_str_equal (r->kind, "hearing") && !required_has_role (r, "presider"))
    add_need (f, "presider", pool_roles_for ("presider"), 1);

  for (guint i = 0; r->needs != NULL && r->needs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (r->needs[i], ":", 2);
      char **pool = parts[0] ? pool_roles_for (parts[0]) : NULL;
      int n = parts[0] && parts[1] ? atoi (parts[1]) : 0;

      if (pool == NULL || n <= 0 || n > 50)
        {
          g_strfreev (pool);
          g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                               _("A need is written ROLE:COUNT, with ROLE one of presider, recorder, panelist, mediator, lawyer, psychologist, deputy, department_rep"));
          return FALSE;
        }
      add_need (f, parts[0], pool, n);
    }
  if (g_str_equal (r->kind, "mediation") && !required_has_role (r, "mediator") &&
      strstr (accord_scheduler_get_rules (f->self)->mediation_composition, "mediator") != NULL)
    {
      gboolean asked = FALSE;
      for (guint i = 0; i < f->needs->len; i++)
        asked |= g_str_equal (((Need *) g_ptr_array_index (f->needs, i))->session_role, "mediator");
      if (!asked)
        add_need (f, "mediator", pool_roles_for ("mediator"), 1);
    }
  return TRUE;
}

static gboolean
is_required (const AccordSlotRequest *r,
             gint64                   id)
{
  for (guint i = 0; i < r->n_required; i++)
    if (r->required[i].person_id == id)
      return TRUE;
  return FALSE;
}

static int
compare_loads (gconstpointer a,
               gconstpointer b)
{
  const AccordPersonLoad *x = a, *y = b;

  if (x->load != y->load)
    return x->load < y->load ? -1 : 1;
  return (x->person_id > y->person_id) - (x->person_id < y->person_id);
}

/* Candidates of a need, fewest sessions in the 90 days before the range
 * first, then by id, so that the same data gives the same panel. */
static gboolean
rank_candidates (Finder  *f,
                 Need    *need,
                 gint64   since,
                 gint64   until,
                 GError **error)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (AccordPersonLoad));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean deciding = g_str_equal (need->session_role, "panelist") || g_str_equal (need->session_role, "presider") ||
                      g_str_equal (need->session_role, "mediator");

  for (guint k = 0; need->pool_roles[k] != NULL; k++)
    {
      /* Roles recur across needs (a lawyer is also a panelist): read each once. */
      GArray *loads = g_hash_table_lookup (f->role_loads, need->pool_roles[k]);

      if (loads == NULL)
        {
          if ((loads = accord_scheduler_role_loads (f->self, need->pool_roles[k], since, until, error)) == NULL)
            return FALSE;
          g_hash_table_insert (f->role_loads, g_strdup (need->pool_roles[k]), loads);
        }
      for (guint i = 0; i < loads->len; i++)
        {
          AccordPersonLoad *l = &g_array_index (loads, AccordPersonLoad, i);

          if (g_hash_table_contains (seen, &l->person_id) || is_required (f->request, l->person_id) ||
              (deciding && g_hash_table_contains (f->interested, &l->person_id)))
            continue;
          g_hash_table_add (seen, &l->person_id);
          g_array_append_val (ranked, *l);
        }
    }

  g_array_sort (ranked, compare_loads);
  need->candidates = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ranked->len);
  for (guint i = 0; i < ranked->len; i++)
    g_array_append_val (need->candidates, g_array_index (ranked, AccordPersonLoad, i).person_id);
  return TRUE;
}

static gboolean
weekly_allows (Finder    *f,
               gint64     id,
               GDateTime *start,
               int        duration)
{
  GArray *slots = g_hash_table_lookup (f->weekly, &id);
  int weekday = g_date_time_get_day_of_week (start);
  int minute = g_date_time_get_hour (start) * 60 + g_date_time_get_minute (start);

  if (slots == NULL)
    {
      slots = accord_store_weekly_availability (accord_scheduler_get_store (f->self), id, NULL);
      if (slots == NULL)
        return FALSE;
      g_hash_table_insert (f->weekly, g_memdup2 (&id, sizeof id), slots);
    }
  if (slots->len == 0)
    return TRUE;

  for (guint k = 0; k < slots->len; k++)
    {
      AccordWeeklySlot *s = &g_array_index (slots, AccordWeeklySlot, k);
      if (s->weekday == weekday && s->start_minute <= minute && minute + duration <= s->end_minute)
        return TRUE;
    }
  return FALSE;
}

/* Whether a span keeps its owner from the buffered window [@from, @to) of
 * a slot: an absence that overlaps it, or a session that does; sessions
 * last at most a day, so only those starting in the day before count. */
static gboolean
spans_busy (GArray *spans,
            gint64  from,
            gint64  to)
{
  for (guint i = 0; i < spans->len; i++)
    {
      AccordBusySpan *s = &g_array_index (spans, AccordBusySpan, i);

      if (s->starts_at < to && s->ends_at > from && (s->absence || s->starts_at > from - 86400))
        return TRUE;
    }
  return FALSE;
}

static GArray *
read_spans (Finder   *f,
            gboolean  venue,
            gint64    id,
            gint64    from,
            gint64    to,
            GError  **error)
{
  AccordStore *store = accord_scheduler_get_store (f->self);

  return venue ? accord_store_venue_busy (store, id, from, to, error)
               : accord_store_person_busy (store, id, from, to, error);
}

/* A person's or venue's week, read once: every slot of the week's days
 * is tried against it in memory. */
static Busy *
week_busy (Finder      *f,
           gboolean     venue,
           gint64       id,
           GError     **error)
{
  GHashTable *cache = venue ? f->week_venues : f->week_people;
  gint64 buffer = (gint64) accord_scheduler_get_rules (f->self)->buffer_minutes * 60;
  Busy *busy = g_hash_table_lookup (cache, &id);
  GArray *spans;

  if (busy != NULL)
    return busy;
  if ((spans = read_spans (f, venue, id, f->week_start - buffer, f->week_end + buffer, error)) == NULL)
    return NULL;

  busy = g_new0 (Busy, 1);
  busy->spans = spans;
  /* As the load rule counts them (accord_store_person_load). */
  for (guint i = 0; i < spans->len; i++)
    {
      AccordBusySpan *s = &g_array_index (spans, AccordBusySpan, i);
      busy->load += !s->absence && s->starts_at >= f->week_start && s->starts_at < f->week_end;
    }
  g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), busy);
  return busy;
}

/* Whether a person or venue is taken in the buffered window [@from, @to)
 * of a slot. */
static gboolean
slot_busy (Finder      *f,
           gboolean     venue,
           gint64       id,
           gint64       from,
           gint64       to,
           gboolean    *busy,
           GError     **error)
{
  gint64 buffer = (gint64) accord_scheduler_get_rules (f->self)->buffer_minutes * 60;
  g_autoptr(GArray) spans = NULL;
  Busy *week;

  /* Working hours past midnight would reach beyond the week's spans. */
  if (from < f->week_start - buffer || to > f->week_end + buffer)
    {
      if ((spans = read_spans (f, venue, id, from, to, error)) == NULL)
        return FALSE;
      *busy = spans_busy (spans, from, to);
      return TRUE;
    }
  if ((week = week_busy (f, venue, id, error)) == NULL)
    return FALSE;
  *busy = spans_busy (week->spans, from, to);
  return TRUE;
}

static gboolean
taken (GArray *participants,
       gint64  id)
{
  for (guint i = 0; i < participants->len; i++)
    if (g_array_index (participants, AccordParticipantInput, i).person_id == id)
      return TRUE;
  return FALSE;
}

/* The panel and other people for the slot whose buffered window is
 * [@from, @to); @met is FALSE when a need cannot be met by someone free
 * then. */
static gboolean
fill_needs (Finder     *f,
            gint64      from,
            gint64      to,
            GDateTime  *start,
            GArray     *participants,
            gboolean   *met,
            GError    **error)
{
  int duration = f->request->duration_minutes;

  *met = FALSE;
  for (guint n = 0; n < f->needs->len; n++)
    {
      Need *need = g_ptr_array_index (f->needs, n);
      int found = 0;

      for (guint i = 0; i < need->candidates->len && found < need->count; i++)
        {
          gint64 id = g_array_index (need->candidates, gint64, i);
          AccordParticipantInput p = { id, 0, need->session_role };
          gboolean busy;

          if (!slot_busy (f, FALSE, id, from, to, &busy, error))
            return FALSE;
          if (busy || taken (participants, id) || !weekly_allows (f, id, start, duration))
            continue;
          g_array_append_val (participants, p);
          found++;
        }
      if (found < need->count)
        return TRUE;
    }
  *met = TRUE;
  return TRUE;
}

static gboolean
required_free (Finder     *f,
               gint64      from,
               gint64      to,
               GDateTime  *start,
               gboolean   *free,
               GError    **error)
{
  *free = FALSE;
  for (guint i = 0; i < f->request->n_required; i++)
    {
      gint64 id = f->request->required[i].person_id;
      gboolean busy;

      if (id <= 0)
        continue;
      if (!slot_busy (f, FALSE, id, from, to, &busy, error))
        return FALSE;
      if (busy || !weekly_allows (f, id, start, f->request->duration_minutes))
        return TRUE;
    }
  *free = TRUE;
  return TRUE;
}

/* Whether someone would go over the weekly load, a rule of the full
 * check that no venue changes: then the check is not worth running. */
static gboolean
over_weekly_load (Finder    *f,
                  GArray    *participants,
                  gint64     starts_at,
                  gboolean  *over,
                  GError   **error)
{
  int limit = accord_scheduler_get_rules (f->self)->weekly_load;

  *over = FALSE;
  if (starts_at < f->week_start || starts_at >= f->week_end)
    return TRUE;
  for (guint i = 0; i < participants->len && !*over; i++)
    {
      gint64 id = g_array_index (participants, AccordParticipantInput, i).person_id;
      Busy *week;

      if (id <= 0)
        continue;
      if ((week = week_busy (f, FALSE, id, error)) == NULL)
        return FALSE;
      *over = week->load + 1 > limit;
    }
  return TRUE;
}

static gboolean
only_venue_rules (GPtrArray *conflicts)
{
  for (guint i = 0; i < conflicts->len; i++)
    if (((AccordConflict *) g_ptr_array_index (conflicts, i))->venue_id == 0)
      return FALSE;
  return TRUE;
}

/* Every rule, soft ones included, must hold for a suggested slot.  Sets
 * @venue_only when what failed concerns the venue alone, so that another
 * venue may still do. */
static gboolean
slot_is_clean (Finder    *f,
               gint64     starts_at,
               gint64     venue_id,
               GArray    *participants,
               gboolean  *venue_only,
               GError   **error)
{
  AccordSessionInput proposal = {
    f->request->case_number, f->request->kind, starts_at,
    starts_at + (gint64) f->request->duration_minutes * 60, venue_id,
    (const AccordParticipantInput *) participants->data, participants->len,
  };
  g_autoptr(GPtrArray) conflicts = accord_scheduler_check (f->self, &proposal, 0, error);

  *venue_only = conflicts != NULL && only_venue_rules (conflicts);
  return conflicts != NULL && conflicts->len == 0;
}

static gboolean
try_slot (Finder     *f,
          GDateTime  *start,
          gboolean   *found,
          GError    **error)
{
  gint64 starts_at = g_date_time_to_unix (start);
  gint64 buffer = (gint64) accord_scheduler_get_rules (f->self)->buffer_minutes * 60;
  gint64 ends_at = starts_at + (gint64) f->request->duration_minutes * 60;
  g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (AccordParticipantInput));
  gboolean ok;

  *found = FALSE;
  if (!required_free (f, starts_at - buffer, ends_at + buffer, start, &ok, error))
    return FALSE;
  if (!ok)
    return TRUE;

  g_array_append_vals (participants, f->request->required, f->request->n_required);
  if (!fill_needs (f, starts_at - buffer, ends_at + buffer, start, participants, &ok, error))
    return FALSE;
  if (!ok)
    return TRUE;
  if (!over_weekly_load (f, participants, starts_at, &ok, error))
    return FALSE;
  if (ok)
    return TRUE;

  /* Only free venues that are large enough get the full check. */
  for (guint v = 0; v < MAX (f->venues->len, 1); v++)
    {
      AccordVenue *venue = f->venues->len ? g_ptr_array_index (f->venues, v) : NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean venue_only, busy = FALSE;
      AccordSlot *slot;

      if (venue != NULL && (guint) venue->capacity < participants->len + f->context->petitioner_ids->len)
        continue;
      if (venue != NULL && !slot_busy (f, TRUE, venue->id, starts_at - buffer, ends_at + buffer, &busy, error))
        return FALSE;
      if (busy)
        continue;
      if (!slot_is_clean (f, starts_at, venue ? venue->id : 0, participants, &venue_only, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (venue_only)
            continue;
          return TRUE;   /* the people do not fit: no venue will help */
        }

      slot = g_new0 (AccordSlot, 1);
      slot->starts_at = starts_at;
      slot->ends_at = ends_at;
      slot->venue_id = venue ? venue->id : 0;
      slot->participants = g_array_ref (participants);
      g_ptr_array_add (f->slots, slot);
      *found = TRUE;
      return TRUE;
    }
  return TRUE;
}

/* The day's slots, every 30 minutes of the morning and the afternoon. */
static GPtrArray *
day_slots (Finder *f,
           GDate  *day)
{
  const AccordScheduleRules *r = accord_scheduler_get_rules (f->self);
  const int windows[2][2] = { { r->morning_start, r->morning_end }, { r->afternoon_start, r->afternoon_end } };
  int duration = f->request->duration_minutes;
  GPtrArray *starts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);

  for (guint w = 0; w < 2; w++)
    for (int t = windows[w][0]; t + duration <= windows[w][1]; t += 30)
      g_ptr_array_add (starts, g_date_time_new (r->time_zone, g_date_get_year (day), g_date_get_month (day),
                                                g_date_get_day (day), t / 60, t % 60, 0));
  return starts;
}

/* The local week (Monday to Sunday) of @day, as the load rule takes it:
 * the bookings of the people and venues tried are read once a week. */
static void
start_week (Finder *f,
            GDate  *day)
{
  GTimeZone *tz = accord_scheduler_get_rules (f->self)->time_zone;
  g_autoptr(GDateTime) midnight = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 0, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_add_days (midnight, 1 - g_date_time_get_day_of_week (midnight));
  g_autoptr(GDateTime) next = g_date_time_add_weeks (monday, 1);

  if (f->week_start == g_date_time_to_unix (monday))
    return;
  f->week_start = g_date_time_to_unix (monday);
  f->week_end = g_date_time_to_unix (next);
  g_hash_table_remove_all (f->week_people);
  g_hash_table_remove_all (f->week_venues);
}

static gboolean
scan_day (Finder  *f,
          GDate   *day,
          GError **error)
{
  g_autoptr(GPtrArray) starts = day_slots (f, day);

  start_week (f, day);
  for (guint i = 0; i < starts->len && f->slots->len < f->request->count; i++)
    {
      gboolean found;

      if (!try_slot (f, g_ptr_array_index (starts, i), &found, error))
        return FALSE;
    }
  return TRUE;
}

/* The venues asked for, or every open one, smallest first so that large
 * rooms stay free for large sessions. */
static int
compare_capacity (gconstpointer a,
                  gconstpointer b)
{
  const AccordVenue *x = *(AccordVenue * const *) a, *y = *(AccordVenue * const *) b;

  if (x->capacity != y->capacity)
    return x->capacity - y->capacity;
  return (x->id > y->id) - (x->id < y->id);
}

static gboolean
load_venues (Finder  *f,
             GError **error)
{
  const AccordSlotRequest *r = f->request;
  g_autoptr(GPtrArray) all = NULL;

  f->venues = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_venue_free);
  for (guint i = 0; r->venue_ids != NULL && i < r->n_venues; i++)
    {
      AccordVenue *venue = accord_store_get_venue (accord_scheduler_get_store (f->self), r->venue_ids[i], error);

      if (venue == NULL)
        return FALSE;
      g_ptr_array_add (f->venues, venue);
    }
  if (r->venue_ids != NULL && r->n_venues > 0)
    return TRUE;

  if ((all = accord_store_list_venues (accord_scheduler_get_store (f->self), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      AccordVenue *v = g_ptr_array_index (all, i);
      if (v->active)
        g_ptr_array_add (f->venues, accord_venue_copy (v));
    }
  g_ptr_array_sort (f->venues, compare_capacity);
  return TRUE;
}

static gboolean
validate_request (const AccordSlotRequest  *r,
                  GDate                    *from,
                  GDate                    *to,
                  GError                  **error)
{
  if (!accord_validate_date (_("From"), r->from, error) || !accord_validate_date (_("To"), r->to, error))
    return FALSE;
  accord_scheduler_parse_date (r->from, from);
  accord_scheduler_parse_date (r->to, to);
  if (g_date_compare (from, to) > 0 || g_date_days_between (from, to) > 366)
    return accord_scheduler_invalid (error, _("The search range must not end before it starts, and spans at most 366 days"));
  if (r->duration_minutes < 15 || r->duration_minutes > 12 * 60)
    return accord_scheduler_invalid (error, _("Duration must be between 15 minutes and 12 hours"));
  if (r->count < 1 || r->count > 50)
    return accord_scheduler_invalid (error, _("Ask for between 1 and 50 slots"));
  if (r->panel_size < 0 || r->panel_size > 25)
    return accord_scheduler_invalid (error, _("A panel has at most 25 panelists"));
  return TRUE;
}

static gboolean
find_slots (Finder  *f,
            GDate   *day,
            GDate   *last,
            GError **error)
{
  AccordScheduler *self = f->self;
  const AccordSlotRequest *request = f->request;
  g_autofree char *today_text = accord_today ();
  g_autoptr(GDateTime) since = NULL;
  GDate today;

  if ((f->context = accord_store_case_context (accord_scheduler_get_store (self), request->case_number, error)) == NULL ||
      (f->interested = accord_store_interested_persons (accord_scheduler_get_store (self), f->context, error)) == NULL ||
      !plan_needs (f, error) || !load_venues (f, error))
    return FALSE;

  since = g_date_time_new (accord_scheduler_get_rules (self)->time_zone, g_date_get_year (day), g_date_get_month (day),
                           g_date_get_day (day), 0, 0, 0);
  f->role_loads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  f->weekly = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  f->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_slot_free);
  f->week_people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) busy_free);
  f->week_venues = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) busy_free);
  for (guint n = 0; n < f->needs->len; n++)
    if (!rank_candidates (f, g_ptr_array_index (f->needs, n), g_date_time_to_unix (since) - 90 * 86400,
                          g_date_time_to_unix (since), error))
      return FALSE;

  /* No slot before today, nor, for a hearing, before the notice period. */
  accord_scheduler_parse_date (today_text, &today);
  if (g_str_equal (request->kind, "hearing"))
    g_date_add_days (&today, accord_scheduler_get_rules (self)->notice_days);
  if (g_date_compare (day, &today) < 0)
    *day = today;

  for (; g_date_compare (day, last) <= 0 && f->slots->len < request->count; g_date_add_days (day, 1))
    if ((accord_scheduler_get_rules (self)->allow_non_working_days || accord_calendar_is_working_day (accord_scheduler_get_calendar (self), day)) &&
        !scan_day (f, day, error))
      return FALSE;
  return TRUE;
}

/**
 * accord_scheduler_suggest:
 *
 * Finds the earliest slots (every 30 minutes within working hours, on
 * working days) in which every rule holds, each with a proposed panel and
 * people drawn from the pool: no one recused, those with the fewest
 * sessions in the 90 days before the range first, ties by id.
 *
 * Returns: (transfer full): at most @request->count AccordSlot values.
 */
GPtrArray *
accord_scheduler_suggest (AccordScheduler          *self,
                          const AccordSlotRequest  *request,
                          GError                  **error)
{
  g_auto(Finder) f = { self, request };
  gboolean began, ok;
  GDate day, last;

  g_return_val_if_fail (ACCORD_IS_SCHEDULER (self), NULL);

  if (!validate_request (request, &day, &last, error) ||
      !accord_store_begin_read (accord_scheduler_get_store (self), &began, error))
    return NULL;
  ok = find_slots (&f, &day, &last, error);
  accord_store_end_read (accord_scheduler_get_store (self), began);

  return ok ? g_steal_pointer (&f.slots) : NULL;
}
