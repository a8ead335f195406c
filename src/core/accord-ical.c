/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-ical"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "accord-enums.h"
#include "accord-ical.h"
#include "accord-validate.h"

/* iCalendar (RFC 5545) in both directions.  Sessions leave as events in
 * UTC.  Busy times come in as absences: in UTC, tied to a VTIMEZONE of the
 * file or a known zone name, or floating, which means the bureau's local
 * time.  What comes in is read whole before anything is recorded, so a
 * damaged file records nothing. */

#define MAX_FILE_MB          5
#define MAX_FILE_BYTES       (MAX_FILE_MB * 1024 * 1024)
#define MAX_EVENTS           10000
/* A recurring event may never end: its instances are taken from today to
 * this many days ahead, and a rule that needs more steps than this to get
 * there is refused. */
#define HORIZON_DAYS         (2 * 366)
#define MAX_RECURRENCE_STEPS 100000
#define UTF8_BOM             "\xef\xbb\xbf"

typedef struct
{
  const char          *database_id;
  const char          *bureau;
  gint64               person_id;
  struct icaltimetype  stamp;
} Export;

typedef struct
{
  GTimeZone  *zone;        /* the bureau's */
  gint64      not_before;  /* today's start: earlier instances of a series are history */
  gint64      horizon;
  GHashTable *taken;       /* "UID\x1finstant" of instances recorded, excluded or overridden */
  GArray     *spans;       /* gint64 start, end pairs */
} Import;

/* One recurring event being expanded. */
typedef struct
{
  icalcomponent           *event;
  const char              *uid;
  struct icaltimetype      start;
  gint64                   length;   /* seconds, for a timed event */
  int                      days;     /* for an all-day event */
} Series;

G_DEFINE_QUARK (accord-ical-error-quark, accord_ical_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalrecur_iterator, icalrecur_iterator_free)

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, ACCORD_ICAL_ERROR, ACCORD_ICAL_ERROR_PARSE, message);
  return FALSE;
}

/* Export */

static icalcomponent *
new_calendar (void)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();

  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Accord//Accord//ZH"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  return calendar;
}

static struct icaltimetype
utc_time (gint64 instant)
{
  return icaltime_from_timet_with_zone ((time_t) instant, FALSE, icaltimezone_get_utc_timezone ());
}

static icalproperty *
with_name (icalproperty *prop,
           const char   *name)
{
  if (name != NULL && *name != '\0')
    icalproperty_add_parameter (prop, icalparameter_new_cn (name));
  return prop;
}

/* There are no mail addresses, so people and the bureau are named by URNs
 * that are unique per database. */
static icalproperty *
new_organizer (const Export *ex)
{
  g_autofree char *address = g_strdup_printf ("urn:accord:%s:bureau", ex->database_id);

  return with_name (icalproperty_new_organizer (address), ex->bureau);
}

static icalproperty *
new_attendee (const Export            *ex,
              const AccordParticipant *p)
{
  g_autofree char *address = g_strdup_printf ("urn:accord:%s:person:%" G_GINT64_FORMAT,
                                              ex->database_id, p->person_id);
  icalproperty *prop = with_name (icalproperty_new_attendee (address), p->name);
  gboolean chair = g_strcmp0 (p->role, "presider") == 0;

  icalproperty_add_parameter (prop, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
  icalproperty_add_parameter (prop, icalparameter_new_role (chair ? ICAL_ROLE_CHAIR : ICAL_ROLE_REQPARTICIPANT));
  return prop;
}

/* Petitioners are personal data: they are counted in the description but
 * never named. */
static void
add_attendees (icalcomponent       *event,
               const Export        *ex,
               const AccordSession *session)
{
  for (guint i = 0; session->participants != NULL && i < session->participants->len; i++)
    {
      const AccordParticipant *p = g_ptr_array_index (session->participants, i);

      if (p->person_id > 0)
        icalcomponent_add_property (event, new_attendee (ex, p));
    }
}

static char *
describe (const Export        *ex,
          const AccordSession *session)
{
  GString *text = g_string_new (NULL);
  const char *role = NULL;
  guint petitioners = 0;

  for (guint i = 0; session->participants != NULL && i < session->participants->len; i++)
    {
      const AccordParticipant *p = g_ptr_array_index (session->participants, i);

      if (p->person_id <= 0 && p->petitioner_id > 0)
        petitioners++;
      else if (ex->person_id > 0 && p->person_id == ex->person_id && role == NULL)
        role = p->role;
    }

  g_string_append_printf (text, _("Case: %s"), session->case_number);
  if (role != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Role: %s"), accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, role));
    }
  if (petitioners > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Petitioners: %u"), petitioners);
    }
  return g_string_free (text, FALSE);
}

static icalcomponent *
new_event (const Export        *ex,
           const AccordSession *session)
{
  g_autofree char *uid = g_strdup_printf ("session-%" G_GINT64_FORMAT "-%s@accord", session->id, ex->database_id);
  g_autofree char *summary = g_strdup_printf ("%s %s", accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, session->kind),
                                              session->case_number);
  g_autofree char *description = describe (ex, session);
  gboolean cancelled = g_strcmp0 (session->status, "cancelled") == 0;
  icalcomponent *event = icalcomponent_new_vevent ();

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (ex->stamp));
  /* Every change raises the version, so calendars replace their copy. */
  icalcomponent_add_property (event, icalproperty_new_sequence ((int) MAX (session->version - 1, 0)));
  icalcomponent_add_property (event, icalproperty_new_dtstart (utc_time (session->starts_at)));
  icalcomponent_add_property (event, icalproperty_new_dtend (utc_time (session->ends_at)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (session->venue_name != NULL && *session->venue_name != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (session->venue_name));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_status (cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property (event, new_organizer (ex));
  add_attendees (event, ex, session);
  return event;
}

/* Import: reading times */

static gboolean
time_exists (struct icaltimetype t)
{
  if (t.year < 1900 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1 ||
      t.day > g_date_get_days_in_month ((GDateMonth) t.month, (GDateYear) t.year))
    return FALSE;
  return t.is_date || (t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 &&
                       t.second >= 0 && t.second <= 60);
}

/* All-day dates and floating times are the bureau's local time. */
static gboolean
to_instant (const Import         *import,
            struct icaltimetype   t,
            gint64               *instant,
            GError              **error)
{
  g_autoptr(GDateTime) local = NULL;

  if (!time_exists (t))
    return refuse (error, _("An event in the calendar has an invalid date."));

  if (!t.is_date && t.zone != NULL)
    {
      *instant = icaltime_as_timet_with_zone (t, t.zone);
      return TRUE;
    }

  if (t.is_date)
    t.hour = t.minute = t.second = 0;
  local = g_date_time_new (import->zone, t.year, t.month, t.day, t.hour, t.minute, MIN (t.second, 59));
  if (local == NULL)
    return refuse (error, _("An event in the calendar has an invalid date."));
  *instant = g_date_time_to_unix (local);
  return TRUE;
}

static icaltimezone *
find_zone (icalcomponent *event,
           const char    *tzid)
{
  icaltimezone *zone = NULL;

  for (icalcomponent *c = icalcomponent_get_parent (event); c != NULL && zone == NULL; c = icalcomponent_get_parent (c))
    zone = icalcomponent_get_timezone (c, tzid);
  if (zone == NULL)
    zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == NULL)
    zone = icaltimezone_get_builtin_timezone_from_tzid (tzid);
  return zone;
}

/* Attaches the zone named by the property's TZID: the file's VTIMEZONE of
 * that name or else the zone database's. */
static gboolean
resolve_zone (icalcomponent        *event,
              icalproperty         *prop,
              struct icaltimetype  *t,
              GError              **error)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid = param != NULL ? icalparameter_get_tzid (param) : NULL;
  icaltimezone *zone;

  if (tzid == NULL || t->is_date || icaltime_is_utc (*t))
    return TRUE;
  if ((zone = find_zone (event, tzid)) == NULL)
    {
      g_autofree char *shown = g_utf8_substring (tzid, 0, MIN (g_utf8_strlen (tzid, -1), 64));

      g_set_error (error, ACCORD_ICAL_ERROR, ACCORD_ICAL_ERROR_PARSE,
                   _("An event in the calendar uses the unknown time zone “%s”."), shown);
      return FALSE;
    }
  t->zone = zone;
  return TRUE;
}

static struct icaltimetype
property_time (icalproperty *prop)
{
  switch (icalproperty_isa (prop))
    {
    case ICAL_DTSTART_PROPERTY:
      return icalproperty_get_dtstart (prop);
    case ICAL_DTEND_PROPERTY:
      return icalproperty_get_dtend (prop);
    case ICAL_RECURRENCEID_PROPERTY:
      return icalproperty_get_recurrenceid (prop);
    case ICAL_EXDATE_PROPERTY:
      return icalproperty_get_exdate (prop);
    case ICAL_RDATE_PROPERTY:
      {
        struct icaldatetimeperiodtype rdate = icalproperty_get_rdate (prop);

        return icaltime_is_null_time (rdate.time) ? rdate.period.start : rdate.time;
      }
    default:
      return icaltime_null_time ();
    }
}

static gboolean
read_time (icalcomponent        *event,
           icalproperty         *prop,
           struct icaltimetype  *t,
           GError              **error)
{
  *t = property_time (prop);
  t->zone = icaltime_is_utc (*t) ? t->zone : NULL;
  if (icaltime_is_null_time (*t))
    return refuse (error, _("An event in the calendar has a date, time or other value that cannot be read."));
  return resolve_zone (event, prop, t, error);
}

/* DTSTART and the end from DTEND or DURATION.  Without either an all-day
 * event lasts one day and a timed one no time at all (RFC 5545, 3.6.1). */
static gboolean
event_times (icalcomponent        *event,
             struct icaltimetype  *start,
             struct icaltimetype  *end,
             GError              **error)
{
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalproperty *dtend = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);

  if (dtstart == NULL)
    return refuse (error, _("An event in the calendar has no start time."));
  if (dtend != NULL && duration != NULL)
    return refuse (error, _("An event in the calendar has both an end and a duration."));
  if (!read_time (event, dtstart, start, error))
    return FALSE;
  if (dtend != NULL)
    return read_time (event, dtend, end, error);
  *end = duration != NULL ? icaltime_add (*start, icalproperty_get_duration (duration)) : *start;
  if (start->is_date && icaltime_compare_date_only (*end, *start) == 0)
    icaltime_adjust (end, 1, 0, 0, 0);
  return TRUE;
}

/* Import: events */

static gboolean
is_busy (icalcomponent *event)
{
  icalproperty *transp = icalcomponent_get_first_property (event, ICAL_TRANSP_PROPERTY);

  if (transp != NULL)
    {
      icalproperty_transp value = icalproperty_get_transp (transp);

      if (value == ICAL_TRANSP_TRANSPARENT || value == ICAL_TRANSP_TRANSPARENTNOCONFLICT)
        return FALSE;
    }
  return icalcomponent_get_status (event) != ICAL_STATUS_CANCELLED;
}

/* libical drops a value it cannot read and leaves an X-LIC-ERROR instead:
 * a dropped DTEND or RRULE would silently change the busy times. */
static gboolean
has_unreadable_value (icalcomponent *event)
{
  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_XLICERROR_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_XLICERROR_PROPERTY))
    {
      icalparameter *type = icalproperty_get_first_parameter (prop, ICAL_XLICERRORTYPE_PARAMETER);

      if (type != NULL && icalparameter_get_xlicerrortype (type) == ICAL_XLICERRORTYPE_VALUEPARSEERROR)
        return TRUE;
    }
  return FALSE;
}

static gboolean
add_span (Import  *import,
          gint64   from,
          gint64   to,
          GError **error)
{
  gint64 span[2] = { from, to };

  if (to == from)
    return TRUE;
  if (import->spans->len / 2 >= MAX_EVENTS)
    {
      g_set_error (error, ACCORD_ICAL_ERROR, ACCORD_ICAL_ERROR_PARSE,
                   _("The calendar has more than %d events."), MAX_EVENTS);
      return FALSE;
    }
  g_array_append_vals (import->spans, span, 2);
  return TRUE;
}

static char *
instance_key (const char *uid,
              gint64      instant)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, uid, instant);
}

static const char *
event_uid (icalcomponent *event)
{
  const char *uid = icalcomponent_get_uid (event);

  return uid != NULL ? uid : "";
}

static int
days_between (struct icaltimetype start,
              struct icaltimetype end)
{
  g_autoptr(GDate) first = g_date_new_dmy ((GDateDay) start.day, (GDateMonth) start.month, (GDateYear) start.year);
  g_autoptr(GDate) last = g_date_new_dmy ((GDateDay) end.day, (GDateMonth) end.month, (GDateYear) end.year);

  return g_date_days_between (first, last);
}

/* Records one instance of a series unless it is excluded, overridden, a
 * repeat, or over before today. */
static gboolean
add_instance (Import               *import,
              const Series         *series,
              struct icaltimetype   at,
              gint64               *from,
              GError              **error)
{
  g_autofree char *key = NULL;
  gint64 to;

  if (!to_instant (import, at, from, error))
    return FALSE;
  key = instance_key (series->uid, *from);
  if (*from > import->horizon || !g_hash_table_add (import->taken, g_steal_pointer (&key)))
    return TRUE;
  if (series->start.is_date)
    {
      icaltime_adjust (&at, series->days, 0, 0, 0);
      if (!to_instant (import, at, &to, error))
        return FALSE;
    }
  else
    to = *from + series->length;
  return to <= import->not_before || add_span (import, *from, to, error);
}

static gboolean
expand_rule (Import        *import,
             const Series  *series,
             icalproperty  *rrule,
             GError       **error)
{
  g_autoptr(icalrecur_iterator) it = icalrecur_iterator_new (icalproperty_get_rrule (rrule), series->start);
  struct icaltimetype at;
  guint steps = 0;
  gint64 from = 0;

  if (it == NULL)
    return refuse (error, _("An event in the calendar has a date, time or other value that cannot be read."));
  for (at = icalrecur_iterator_next (it); !icaltime_is_null_time (at); at = icalrecur_iterator_next (it))
    {
      if (++steps > MAX_RECURRENCE_STEPS)
        {
          g_set_error (error, ACCORD_ICAL_ERROR, ACCORD_ICAL_ERROR_PARSE,
                       _("The calendar has more than %d events."), MAX_EVENTS);
          return FALSE;
        }
      at.zone = series->start.zone;
      if (!add_instance (import, series, at, &from, error))
        return FALSE;
      if (from > import->horizon)
        break;
    }
  return TRUE;
}

static gboolean
exclude_dates (Import        *import,
               const Series  *series,
               GError       **error)
{
  icalcomponent *event = series->event;

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_EXDATE_PROPERTY))
    {
      struct icaltimetype at;
      gint64 instant;

      if (!read_time (event, prop, &at, error) || !to_instant (import, at, &instant, error))
        return FALSE;
      g_hash_table_add (import->taken, instance_key (series->uid, instant));
    }
  return TRUE;
}

static gboolean
add_extra_dates (Import        *import,
                 const Series  *series,
                 GError       **error)
{
  icalcomponent *event = series->event;

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_RDATE_PROPERTY))
    {
      struct icaltimetype at;
      gint64 from;

      if (!read_time (event, prop, &at, error) || !add_instance (import, series, at, &from, error))
        return FALSE;
    }
  return TRUE;
}

/* RRULE and RDATE instances from today to the horizon, less EXDATEs and
 * instances that have a VEVENT of their own (RECURRENCE-ID).  DTSTART is
 * always the first instance. */
static gboolean
expand_series (Import               *import,
               icalcomponent        *event,
               struct icaltimetype   start,
               struct icaltimetype   end,
               gint64                length,
               GError              **error)
{
  Series series = { event, event_uid (event), start, length, days_between (start, end) };
  gint64 from;

  if (!exclude_dates (import, &series, error) || !add_instance (import, &series, start, &from, error))
    return FALSE;
  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_RRULE_PROPERTY))
    if (!expand_rule (import, &series, prop, error))
      return FALSE;
  return add_extra_dates (import, &series, error);
}

static gboolean
is_series (icalcomponent *event)
{
  return icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) == NULL &&
         (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY) != NULL ||
          icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY) != NULL);
}

static gboolean
import_event (Import         *import,
              icalcomponent  *event,
              GError        **error)
{
  struct icaltimetype start, end;
  gint64 from, to;

  if (!is_busy (event))
    return TRUE;
  if (has_unreadable_value (event))
    return refuse (error, _("An event in the calendar has a date, time or other value that cannot be read."));
  if (!event_times (event, &start, &end, error) ||
      !to_instant (import, start, &from, error) || !to_instant (import, end, &to, error))
    return FALSE;
  if (to < from)
    return refuse (error, _("An event in the calendar ends before it starts."));
  if (is_series (event))
    return expand_series (import, event, start, end, to - from, error);
  return add_span (import, from, to, error);
}

/* An instance moved or cancelled on its own replaces that instance of its
 * series, whatever it now says. */
static gboolean
collect_overrides (Import     *import,
                   GPtrArray  *events,
                   GError    **error)
{
  for (guint i = 0; i < events->len; i++)
    {
      icalcomponent *event = g_ptr_array_index (events, i);
      icalproperty *prop = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);
      struct icaltimetype at;
      gint64 instant;

      if (prop == NULL)
        continue;
      if (!read_time (event, prop, &at, error) || !to_instant (import, at, &instant, error))
        return FALSE;
      g_hash_table_add (import->taken, instance_key (event_uid (event), instant));
    }
  return TRUE;
}

/* Import: the file */

static gboolean
check_text (const char  *text,
            GError     **error)
{
  gsize length = strnlen (text, MAX_FILE_BYTES + 1);

  if (length > MAX_FILE_BYTES)
    {
      g_set_error (error, ACCORD_ICAL_ERROR, ACCORD_ICAL_ERROR_PARSE,
                   _("The calendar file is larger than %d MB."), MAX_FILE_MB);
      return FALSE;
    }
  if (!g_utf8_validate (text, length, NULL))
    return refuse (error, _("The calendar file is not valid UTF-8 text."));
  return TRUE;
}

static void
add_calendar_events (icalcomponent *calendar,
                     GPtrArray     *events)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_ptr_array_add (events, event);
}

/* The VEVENTs of every VCALENDAR of the file (libical puts several under
 * an XROOT). */
static GPtrArray *
collect_events (icalcomponent  *root,
                GError        **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  gboolean found = FALSE;

  if (root != NULL && icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    {
      add_calendar_events (root, events);
      found = TRUE;
    }
  for (icalcomponent *c = root != NULL && icalcomponent_isa (root) == ICAL_XROOT_COMPONENT ?
                          icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT) : NULL;
       c != NULL;
       c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
    {
      add_calendar_events (c, events);
      found = TRUE;
    }

  if (!found)
    {
      refuse (error, _("The file is not an iCalendar file."));
      return NULL;
    }
  if (events->len > MAX_EVENTS)
    {
      g_set_error (error, ACCORD_ICAL_ERROR, ACCORD_ICAL_ERROR_PARSE,
                   _("The calendar has more than %d events."), MAX_EVENTS);
      return NULL;
    }
  return g_steal_pointer (&events);
}

static void
import_init (Import      *import,
             AccordStore *store)
{
  g_autofree char *today = accord_today ();
  g_autoptr(GDateTime) midnight = NULL;
  int year, month, day;

  import->zone = accord_store_get_time_zone (store);
  import->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->spans = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (sscanf (today, "%d-%d-%d", &year, &month, &day) == 3)
    midnight = g_date_time_new (import->zone, year, month, day, 0, 0, 0);
  import->not_before = midnight != NULL ? g_date_time_to_unix (midnight) : g_get_real_time () / G_USEC_PER_SEC;
  import->horizon = import->not_before + (gint64) HORIZON_DAYS * 24 * 3600;
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->zone, g_time_zone_unref);
  g_clear_pointer (&import->taken, g_hash_table_unref);
  g_clear_pointer (&import->spans, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Public API */

/**
 * accord_ical_export_sessions:
 * @store: the store the sessions come from (for the database id and the
 *   bureau's name)
 * @sessions: (element-type AccordSession): the sessions to export
 * @person_id: whose calendar this is, to name their role; 0 for none
 * @error: unused: exporting cannot fail
 *
 * Times are in UTC.  Attendees are the people of the pool taking part;
 * petitioners are only counted.
 *
 * Returns: (transfer full): the iCalendar text
 */
char *
accord_ical_export_sessions (AccordStore  *store,
                             GPtrArray    *sessions,
                             gint64        person_id,
                             GError      **error)
{
  g_autofree char *database_id = NULL;
  g_autofree char *bureau = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  Export ex;
  char *text;
  char *result;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (sessions != NULL, NULL);
  g_return_val_if_fail (person_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database_id = accord_store_get_setting (store, "database_id", "0");
  bureau = accord_store_get_setting (store, "bureau_name", "Accord");
  ex = (Export) { database_id, bureau, person_id, utc_time (g_get_real_time () / G_USEC_PER_SEC) };

  calendar = new_calendar ();
  for (guint i = 0; i < sessions->len; i++)
    icalcomponent_add_component (calendar, new_event (&ex, g_ptr_array_index (sessions, i)));

  text = icalcomponent_as_ical_string_r (calendar);
  result = g_strdup (text);
  icalmemory_free_buffer (text);
  return result;
}

/**
 * accord_ical_import_absences:
 * @store: the store
 * @person_id: whose busy times these are
 * @text: the iCalendar text
 * @n_imported: (out) (optional): how many absences were recorded
 * @error: return location for an error
 *
 * Recurring events are expanded from today to two years ahead.  The
 * absences' reason never repeats an event's summary, which may be
 * private.  The file is refused, and nothing recorded, when it is over
 * 5 MB, holds more than 10,000 events, is not UTF-8 or not iCalendar, or
 * has an event without a start, ending before it starts, in an unknown
 * time zone or with a value that cannot be read.
 *
 * Returns: %TRUE when the file was read and its busy times recorded
 */
gboolean
accord_ical_import_absences (AccordStore  *store,
                             gint64        person_id,
                             const char   *text,
                             guint        *n_imported,
                             GError      **error)
{
  g_autoptr(AccordPerson) person = NULL;
  g_autoptr(icalcomponent) root = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_auto(Import) import = { 0 };
  guint n;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_id > 0, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if ((person = accord_store_get_person (store, person_id, error)) == NULL || !check_text (text, error))
    return FALSE;

  if (g_str_has_prefix (text, UTF8_BOM))
    text += strlen (UTF8_BOM);
  root = icalparser_parse_string (text);
  if ((events = collect_events (root, error)) == NULL)
    return FALSE;

  import_init (&import, store);
  if (!collect_overrides (&import, events, error))
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    if (!import_event (&import, g_ptr_array_index (events, i), error))
      return FALSE;

  n = import.spans->len / 2;
  if (n > 0 && !accord_store_add_absences (store, person_id, &g_array_index (import.spans, gint64, 0), n,
                                           _("Busy (imported calendar)"), error))
    return FALSE;
  if (n_imported != NULL)
    *n_imported = n;
  return TRUE;
}
