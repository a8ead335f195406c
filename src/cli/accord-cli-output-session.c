/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-enums.h"

#include "accord-cli-output.h"
#include "accord-cli-output-private.h"

/* Scheduling: times */

static GDateTime *
local_time (gint64     instant,
            GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, zone);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b)
         && g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

char *
cli_format_time (gint64     instant,
                 GTimeZone *zone)
{
  g_autoptr(GDateTime) time = local_time (instant, zone);

  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

/* The end without its date when the session ends on the day it starts. */
static char *
format_end (gint64     starts_at,
            gint64     ends_at,
            GTimeZone *zone)
{
  g_autoptr(GDateTime) start = local_time (starts_at, zone);
  g_autoptr(GDateTime) end = local_time (ends_at, zone);

  return g_date_time_format (end, same_day (start, end) ? "%H:%M" : "%Y-%m-%d %H:%M");
}

/* "2026-12-07 09:00–11:00" */
char *
cli_format_span (gint64     starts_at,
                 gint64     ends_at,
                 GTimeZone *zone)
{
  g_autofree char *start = cli_format_time (starts_at, zone);
  g_autofree char *end = format_end (starts_at, ends_at, zone);

  return g_strdup_printf ("%s–%s", start, end);
}

/* ISO 8601 with the bureau's offset, e.g. "2026-12-07T09:00:00+08:00". */
char *
cli_format_iso_time (gint64     instant,
                     GTimeZone *zone)
{
  g_autoptr(GDateTime) time = local_time (instant, zone);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Scheduling: conflicts */

static const char *
severity_code (AccordSeverity severity)
{
  return severity == ACCORD_SEVERITY_HARD ? "hard" : "soft";
}

static const char *
severity_label (AccordSeverity severity)
{
  /* TRANSLATORS: the severity of a broken scheduling rule; a hard one stops the booking */
  return severity == ACCORD_SEVERITY_HARD ? _("hard") : _("soft");
}

static char *
conflict_line (const AccordConflict *conflict)
{
  /* TRANSLATORS: a broken rule: its severity ("hard" or "soft"), the rule's id and what is wrong */
  return g_strdup_printf (_("[%s] %s: %s"), severity_label (conflict->severity), conflict->rule,
                          conflict->message);
}

char *
cli_format_conflicts (GPtrArray *conflicts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      g_autofree char *line = conflict_line (g_ptr_array_index (conflicts, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "  %s", line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
cli_print_conflicts (GPtrArray *conflicts)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *line = conflict_line (g_ptr_array_index (conflicts, i));

      g_print ("%s\n", line);
    }
}

void
cli_print_conflict_warnings (GPtrArray *conflicts)
{
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      g_autofree char *line = conflict_line (g_ptr_array_index (conflicts, i));

      cli_print_warning (line);
    }
}

/* Scheduling: JSON */

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *name,
                 gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_ids (JsonBuilder *builder,
         const char  *name,
         GArray      *ids)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       instant,
          GTimeZone   *zone)
{
  g_autofree char *text = cli_format_iso_time (instant, zone);

  cli_json_add_string_or_null (builder, name, text);
}

static void
add_conflict (JsonBuilder          *builder,
              const AccordConflict *conflict)
{
  json_builder_begin_object (builder);
  cli_json_add_string_or_null (builder, "rule", conflict->rule);
  cli_json_add_string_or_null (builder, "severity", severity_code (conflict->severity));
  cli_json_add_string_or_null (builder, "message", conflict->message);
  add_ids (builder, "person_ids", conflict->person_ids);
  add_int_or_null (builder, "venue_id", conflict->venue_id);
  add_ids (builder, "session_ids", conflict->session_ids);
  json_builder_end_object (builder);
}

static void
add_conflicts (JsonBuilder *builder,
               GPtrArray   *conflicts)
{
  json_builder_begin_array (builder);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    add_conflict (builder, g_ptr_array_index (conflicts, i));
  json_builder_end_array (builder);
}

/* A petitioner's name is shown: it is what a coordinator needs, and
 * AccordParticipant carries no ID number or phone. */
static void
add_participant (JsonBuilder             *builder,
                 const AccordParticipant *participant)
{
  json_builder_begin_object (builder);
  add_int_or_null (builder, "person_id", participant->person_id);
  add_int_or_null (builder, "petitioner_id", participant->petitioner_id);
  cli_json_add_string_or_null (builder, "name", participant->name);
  cli_json_add_string_or_null (builder, "role", participant->role);
  cli_json_add_string_or_null (builder, "attendance", participant->attendance);
  json_builder_end_object (builder);
}

static void
add_participants (JsonBuilder         *builder,
                  const AccordSession *session)
{
  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; session->participants != NULL && i < session->participants->len; i++)
    add_participant (builder, g_ptr_array_index (session->participants, i));
  json_builder_end_array (builder);
}

static void
add_session (JsonBuilder         *builder,
             const AccordSession *session,
             GPtrArray           *conflicts,
             GTimeZone           *zone)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, session->id);
  cli_json_add_string_or_null (builder, "case_number", session->case_number);
  cli_json_add_string_or_null (builder, "kind", session->kind);
  add_time (builder, "starts_at", session->starts_at, zone);
  add_time (builder, "ends_at", session->ends_at, zone);
  add_int_or_null (builder, "venue_id", session->venue_id);
  cli_json_add_string_or_null (builder, "venue_name", session->venue_name);
  cli_json_add_string_or_null (builder, "status", session->status);
  json_builder_set_member_name (builder, "public");
  json_builder_add_boolean_value (builder, session->is_public);
  cli_json_add_string_or_null (builder, "notice_date", session->notice_date);
  cli_json_add_string_or_null (builder, "override_reason", session->override_reason);
  cli_json_add_string_or_null (builder, "notes", session->notes);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, session->version);
  add_participants (builder, session);
  if (conflicts != NULL)
    {
      json_builder_set_member_name (builder, "conflicts");
      add_conflicts (builder, conflicts);
    }
  json_builder_end_object (builder);
}

JsonNode *
cli_json_conflicts (GPtrArray *conflicts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_conflicts (builder, conflicts);
  return json_builder_get_root (builder);
}

/* @conflicts: (nullable): those accepted when booking or moving */
JsonNode *
cli_json_session (const AccordSession *session,
                  GPtrArray           *conflicts,
                  GTimeZone           *zone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_session (builder, session, conflicts, zone);
  return json_builder_get_root (builder);
}

JsonNode *
cli_json_sessions (GPtrArray *sessions,
                   GTimeZone *zone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < sessions->len; i++)
    add_session (builder, g_ptr_array_index (sessions, i), NULL, zone);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Each broken session with the hard rules it now breaks. */
JsonNode *
cli_json_broken (GPtrArray *broken,
                 GTimeZone *zone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < broken->len; i++)
    {
      AccordBroken *b = g_ptr_array_index (broken, i);

      add_session (builder, b->session, b->conflicts, zone);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* @slots: AccordSession values made from suggested slots (no id, no
 * status), participants named. */
JsonNode *
cli_json_slots (GPtrArray *slots,
                GTimeZone *zone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < slots->len; i++)
    {
      AccordSession *slot = g_ptr_array_index (slots, i);

      json_builder_begin_object (builder);
      add_time (builder, "starts_at", slot->starts_at, zone);
      add_time (builder, "ends_at", slot->ends_at, zone);
      add_int_or_null (builder, "venue_id", slot->venue_id);
      cli_json_add_string_or_null (builder, "venue_name", slot->venue_name);
      add_participants (builder, slot);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Scheduling: text */

static const char *
session_kind_label (const AccordSession *session)
{
  return session->kind != NULL ? accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, session->kind) : "";
}

static char *
participant_line (const AccordParticipant *participant)
{
  const char *role = accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, participant->role);
  g_autofree char *id = NULL;

  if (participant->person_id > 0)
    {
      id = cli_format_id (participant->person_id);
      /* TRANSLATORS: someone taking part: name, id in the pool, role, e.g. "王芳 (person 3), panelist" */
      return g_strdup_printf (_("%s (person %s), %s"), cli_or_dash (participant->name), id, role);
    }

  id = cli_format_id (participant->petitioner_id);
  /* TRANSLATORS: a petitioner taking part: name, petitioner id, role, e.g. "刘洋 (petitioner 1), petitioner" */
  return g_strdup_printf (_("%s (petitioner %s), %s"), cli_or_dash (participant->name), id, role);
}

static void
print_participants (const AccordSession *session)
{
  for (guint i = 0; session->participants != NULL && i < session->participants->len; i++)
    {
      g_autofree char *line = participant_line (g_ptr_array_index (session->participants, i));

      g_print ("  %s\n", line);
    }
}

void
cli_print_session_table (GPtrArray *sessions,
                         GTimeZone *zone)
{
  static const char * const header[] = {
    N_("ID"), N_("Start"), N_("End"), N_("Kind"), N_("Case"), N_("Venue"), N_("Status"), N_("Participants"),
  };
  g_autoptr(CliTable) table = cli_table_new (G_N_ELEMENTS (header), header);

  table->shrink_column = 5;
  for (guint i = 0; i < sessions->len; i++)
    {
      AccordSession *session = g_ptr_array_index (sessions, i);
      char *cells[] = {
        cli_format_id (session->id),
        cli_format_time (session->starts_at, zone),
        format_end (session->starts_at, session->ends_at, zone),
        g_strdup (session_kind_label (session)),
        g_strdup (session->case_number),
        g_strdup (cli_or_dash (session->venue_name)),
        g_strdup (accord_vocab_label (ACCORD_VOCAB_SESSION_STATUS, session->status)),
        g_strdup_printf ("%u", session->participants != NULL ? session->participants->len : 0),
      };

      cli_table_take_row (table, cells);
    }

  cli_table_print (table);
}

static gsize
labels_width (const char * const *labels,
              guint               n_labels)
{
  gsize width = 0;

  for (guint i = 0; i < n_labels; i++)
    width = MAX (width, cli_display_width (labels[i]) + 1);

  return width;
}

void
cli_print_session_details (const AccordSession *session,
                           GTimeZone           *zone)
{
  g_autofree char *id = cli_format_id (session->id);
  g_autofree char *span = cli_format_span (session->starts_at, session->ends_at, zone);
  g_autofree char *version = cli_format_id (session->version);
  const char *labels[] = {
    _("Session"), _("Case"), _("Kind"), _("Time"), _("Venue"), _("Status"), _("Public"),
    _("Notice date"), _("Override reason"), _("Notes"), _("Version"),
  };
  const char *values[] = {
    id, session->case_number, session_kind_label (session), span, cli_or_dash (session->venue_name),
    accord_vocab_label (ACCORD_VOCAB_SESSION_STATUS, session->status),
    session->is_public ? _("yes") : _("no"), cli_or_dash (session->notice_date),
    cli_or_dash (session->override_reason), cli_or_dash (session->notes), version,
  };
  gsize width = labels_width (labels, G_N_ELEMENTS (labels));

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    cli_print_field (labels[i], values[i], width, 0);

  g_print ("%s:\n", _("Participants"));
  print_participants (session);
}

static void
print_session_summary (const AccordSession *session,
                       GTimeZone           *zone)
{
  g_autofree char *id = cli_format_id (session->id);
  g_autofree char *span = cli_format_span (session->starts_at, session->ends_at, zone);

  /* TRANSLATORS: a session's id, time, kind, case number and venue, e.g.
   * "Session 4: 2026-12-07 09:00–11:00, Hearing, XF-2026-000001, 一号听证室" */
  cli_print (_("Session %s: %s, %s, %s, %s"), id, span, session_kind_label (session),
             session->case_number, cli_or_dash (session->venue_name));
}

void
cli_print_broken (GPtrArray *broken,
                  GTimeZone *zone)
{
  for (guint i = 0; i < broken->len; i++)
    {
      AccordBroken *b = g_ptr_array_index (broken, i);
      g_autofree char *conflicts = cli_format_conflicts (b->conflicts);

      print_session_summary (b->session, zone);
      g_print ("%s\n", conflicts);
    }
}

void
cli_print_slots (GPtrArray *slots,
                 GTimeZone *zone)
{
  for (guint i = 0; i < slots->len; i++)
    {
      AccordSession *slot = g_ptr_array_index (slots, i);
      g_autofree char *span = cli_format_span (slot->starts_at, slot->ends_at, zone);

      if (i > 0)
        g_print ("\n");
      /* TRANSLATORS: a suggested slot: its number, time and venue, e.g. "1. 2026-12-01 08:30–10:30, 一号听证室" */
      cli_print (_("%u. %s, %s"), i + 1, span, slot->venue_name != NULL ? slot->venue_name : _("no venue"));
      print_participants (slot);
    }
}
