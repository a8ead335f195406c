/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-store-person"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-store-private.h"
#include "accord-store-schedule.h"
#include "accord-validate.h"

typedef struct
{
  const AccordPersonInput *input;
  gint64                   id;
} AddPerson;

typedef struct
{
  const char *name;
  int         capacity;
  const char *address;
  gint64      id;
} AddVenue;

static gboolean
validate_person (const AccordPersonInput  *in,
                 GError                  **error)
{
  if (!accord_validate_text (_("Name"), in->name, ACCORD_NAME_MAX_CHARS, TRUE, error) ||
      !accord_validate_text (_("Organisation"), in->organisation, ACCORD_TITLE_MAX_CHARS, FALSE, error))
    return FALSE;
  if (in->phone != NULL && *in->phone != '\0' && !accord_validate_phone (in->phone, error))
    return FALSE;

  if (in->roles == NULL || in->roles[0] == NULL)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED,
                           _("Role is required: a person needs at least one role"));
      return FALSE;
    }
  for (guint i = 0; in->roles[i] != NULL; i++)
    if (!accord_vocab_has (ACCORD_VOCAB_PERSON_ROLE, in->roles[i]))
      {
        g_autofree char *codes = accord_vocab_codes_joined (ACCORD_VOCAB_PERSON_ROLE);
        g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                     _("Role must be one of: %s"), codes);
        return FALSE;
      }

  return TRUE;
}

static JsonBuilder *
name_details (const char *name)
{
  JsonBuilder *details = json_builder_new ();

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "name");
  json_builder_add_string_value (details, name);
  json_builder_end_object (details);
  return details;
}

static gboolean
add_person_action (AccordStore  *self,
                   gpointer      data,
                   GError      **error)
{
  AddPerson *add = data;
  const AccordPersonInput *in = add->input;
  g_autoptr(JsonBuilder) details = NULL;
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "INSERT INTO person (name, organisation, phone, created_at) VALUES (?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, in->name);
  accord_bind_text (stmt, 2, in->organisation && *in->organisation ? in->organisation : NULL);
  accord_bind_text (stmt, 3, in->phone && *in->phone ? in->phone : NULL);
  sqlite3_bind_int64 (stmt, 4, accord_store_now ());
  if (!accord_store_step_done (self, stmt, error))
    return FALSE;
  add->id = sqlite3_last_insert_rowid (accord_store_get_db (self));

  stmt = accord_store_prepare (self, "INSERT OR IGNORE INTO person_role (person_id, role) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; in->roles[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, add->id);
      accord_bind_text (stmt, 2, in->roles[i]);
      if (!accord_store_step_done (self, stmt, error))
        return FALSE;
    }

  details = name_details (in->name);
  return accord_store_audit (self, "person.add", "person", add->id, details, error);
}

static AccordPerson *
read_person (sqlite3_stmt *stmt)
{
  AccordPerson *p = g_new0 (AccordPerson, 1);
  const char *roles = (const char *) sqlite3_column_text (stmt, 6);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->name = accord_column_text (stmt, 1);
  p->organisation = accord_column_text (stmt, 2);
  p->phone = accord_column_text (stmt, 3);
  p->active = sqlite3_column_int (stmt, 4);
  p->version = sqlite3_column_int64 (stmt, 5);
  p->roles = g_strsplit (roles ? roles : "", ",", -1);
  return p;
}

#define SELECT_PERSON \
  "SELECT p.id, p.name, p.organisation, p.phone, p.active, p.version, " \
  "(SELECT group_concat (role, ',') FROM (SELECT role FROM person_role r WHERE r.person_id = p.id ORDER BY role)) " \
  "FROM person p "

static GPtrArray *
query_persons (AccordStore  *self,
               const char   *sql,
               const char   *text,
               gint64        id,
               GError      **error)
{
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_person_free);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = accord_store_prepare (self, sql, error)) == NULL)
    return NULL;
  if (text != NULL)
    accord_bind_text (stmt, 1, text);
  else if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (persons, read_person (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      accord_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&persons);
}

AccordPerson *
accord_store_add_person (AccordStore              *self,
                         const AccordPersonInput  *input,
                         GError                  **error)
{
  AddPerson add = { input, 0 };
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if (!validate_person (input, error) ||
      !accord_store_run (self, add_person_action, &add, error))
    return NULL;

  found = query_persons (self, SELECT_PERSON "WHERE p.id = ?", NULL, add.id, error);
  if (found == NULL || found->len == 0)
    return NULL;
  return accord_person_copy (g_ptr_array_index (found, 0));
}

/**
 * accord_store_list_persons:
 * @role: (nullable): only people with this role
 *
 * Returns: (transfer full): AccordPerson records ordered by id.
 */
GPtrArray *
accord_store_list_persons (AccordStore  *self,
                           const char   *role,
                           GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if (role == NULL)
    return query_persons (self, SELECT_PERSON "ORDER BY p.id", NULL, 0, error);

  if (!accord_vocab_has (ACCORD_VOCAB_PERSON_ROLE, role))
    {
      g_autofree char *codes = accord_vocab_codes_joined (ACCORD_VOCAB_PERSON_ROLE);
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                   _("Role must be one of: %s"), codes);
      return NULL;
    }
  return query_persons (self,
                        SELECT_PERSON "WHERE p.id IN (SELECT person_id FROM person_role WHERE role = ?) "
                        "ORDER BY p.id", role, 0, error);
}

static gboolean
add_venue_action (AccordStore  *self,
                  gpointer      data,
                  GError      **error)
{
  AddVenue *add = data;
  g_autoptr(JsonBuilder) details = NULL;
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "INSERT INTO venue (name, capacity, address, created_at) VALUES (?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, add->name);
  sqlite3_bind_int (stmt, 2, add->capacity);
  accord_bind_text (stmt, 3, add->address && *add->address ? add->address : NULL);
  sqlite3_bind_int64 (stmt, 4, accord_store_now ());
  if (!accord_store_step_done (self, stmt, error))
    {
      if (g_error_matches (*error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_DUPLICATE,
                               _("Name: a venue with this name already exists"));
        }
      return FALSE;
    }
  add->id = sqlite3_last_insert_rowid (accord_store_get_db (self));

  details = name_details (add->name);
  return accord_store_audit (self, "venue.add", "venue", add->id, details, error);
}

static AccordVenue *
read_venue (sqlite3_stmt *stmt)
{
  AccordVenue *v = g_new0 (AccordVenue, 1);

  v->id = sqlite3_column_int64 (stmt, 0);
  v->name = accord_column_text (stmt, 1);
  v->capacity = sqlite3_column_int (stmt, 2);
  v->address = accord_column_text (stmt, 3);
  v->active = sqlite3_column_int (stmt, 4);
  v->version = sqlite3_column_int64 (stmt, 5);
  return v;
}

static GPtrArray *
query_venues (AccordStore  *self,
              gint64        id,
              GError      **error)
{
  g_autoptr(GPtrArray) venues = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_venue_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = accord_store_prepare (self,
                               "SELECT id, name, capacity, address, active, version FROM venue "
                               "WHERE ?1 = 0 OR id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (venues, read_venue (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      accord_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&venues);
}

AccordVenue *
accord_store_add_venue (AccordStore  *self,
                        const char   *name,
                        int           capacity,
                        const char   *address,
                        GError      **error)
{
  AddVenue add = { name, capacity, address, 0 };
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if (!accord_validate_text (_("Name"), name, ACCORD_NAME_MAX_CHARS, TRUE, error) ||
      !accord_validate_text (_("Address"), address, ACCORD_TITLE_MAX_CHARS, FALSE, error))
    return NULL;
  if (capacity < 1 || capacity > 10000)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("Capacity must be a whole number from 1 to 10000"));
      return NULL;
    }

  if (!accord_store_run (self, add_venue_action, &add, error))
    return NULL;

  found = query_venues (self, add.id, error);
  if (found == NULL || found->len == 0)
    return NULL;
  return accord_venue_copy (g_ptr_array_index (found, 0));
}

GPtrArray *
accord_store_list_venues (AccordStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  return query_venues (self, 0, error);
}

AccordPerson *
accord_store_get_person (AccordStore  *self,
                         gint64        id,
                         GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  found = query_persons (self, SELECT_PERSON "WHERE p.id = ?", NULL, MAX (id, 1), error);
  if (found == NULL)
    return NULL;
  if (found->len == 0 || id < 1)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                   _("There is no person with the id %d in the pool"), (int) id);
      return NULL;
    }
  return accord_person_copy (g_ptr_array_index (found, 0));
}

AccordVenue *
accord_store_get_venue (AccordStore  *self,
                        gint64        id,
                        GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  found = query_venues (self, MAX (id, 1), error);
  if (found == NULL)
    return NULL;
  if (found->len == 0 || id < 1)
    {
      g_set_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                   _("There is no venue with the id %d"), (int) id);
      return NULL;
    }
  return accord_venue_copy (g_ptr_array_index (found, 0));
}

typedef struct
{
  const char *sql;
  const char *action;
  const char *entity;
  gint64      entity_id;
  gint64      ints[4];
  const char *texts[2];
} SimpleWrite;

/* One statement and its audit entry; the details name only ids. */
static gboolean
simple_write_action (AccordStore  *self,
                     gpointer      data,
                     GError      **error)
{
  SimpleWrite *w = data;
  g_autoptr(JsonBuilder) details = json_builder_new ();
  sqlite3_stmt *stmt = accord_store_prepare (self, w->sql, error);

  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (sqlite3_bind_parameter_count (stmt) > i)
      sqlite3_bind_int64 (stmt, i + 1, w->ints[i]);
  for (int i = 0; i < 2; i++)
    if (sqlite3_bind_parameter_count (stmt) > 4 + i)
      accord_bind_text (stmt, 5 + i, w->texts[i]);
  if (!accord_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (accord_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND,
                           _("This record no longer exists"));
      return FALSE;
    }

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "values");
  json_builder_begin_array (details);
  for (int i = 0; i < 4; i++)
    json_builder_add_int_value (details, w->ints[i]);
  json_builder_end_array (details);
  json_builder_end_object (details);
  return accord_store_audit (self, w->action, w->entity, w->entity_id, details, error);
}

gboolean
accord_store_set_venue_active (AccordStore  *self,
                               gint64        venue_id,
                               gboolean      active,
                               GError      **error)
{
  SimpleWrite w = { "UPDATE venue SET active = ?2, version = version + 1 WHERE id = ?1",
                    active ? "venue.open" : "venue.close", "venue", venue_id, { venue_id, active } };

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  return accord_store_run (self, simple_write_action, &w, error);
}

typedef struct
{
  gint64        person_id;
  const gint64 *spans;
  guint         n_spans;
  const char   *reason;
} AbsencesWrite;

static gboolean
absences_action (AccordStore  *self,
                 gpointer      data,
                 GError      **error)
{
  AbsencesWrite *w = data;
  g_autoptr(JsonBuilder) details = json_builder_new ();
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self,
                               "INSERT INTO availability (person_id, kind, starts_at, ends_at, reason) "
                               "VALUES (?, 'absence', ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < w->n_spans; i++)
    {
      sqlite3_bind_int64 (stmt, 1, w->person_id);
      sqlite3_bind_int64 (stmt, 2, w->spans[2 * i]);
      sqlite3_bind_int64 (stmt, 3, w->spans[2 * i + 1]);
      accord_bind_text (stmt, 4, w->reason);
      if (!accord_store_step_done (self, stmt, error))
        return FALSE;
    }

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "absences");
  json_builder_add_int_value (details, w->n_spans);
  json_builder_end_object (details);
  return accord_store_audit (self, "person.absences", "person", w->person_id, details, error);
}

/**
 * accord_store_add_absences:
 * @spans: @n_spans pairs of start and end instants
 *
 * Records several absences (an imported calendar) in one action: all of
 * them or, when one is invalid, none.
 */
gboolean
accord_store_add_absences (AccordStore   *self,
                           gint64         person_id,
                           const gint64  *spans,
                           guint          n_spans,
                           const char    *reason,
                           GError       **error)
{
  g_autoptr(AccordPerson) person = NULL;
  AbsencesWrite w = { person_id, spans, n_spans, reason };

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  if ((person = accord_store_get_person (self, person_id, error)) == NULL ||
      !accord_validate_text (_("Reason"), reason, ACCORD_TITLE_MAX_CHARS, FALSE, error))
    return FALSE;
  for (guint i = 0; i < n_spans; i++)
    if (spans[2 * i + 1] <= spans[2 * i])
      {
        g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE,
                             _("End must be after the start"));
        return FALSE;
      }
  return accord_store_run (self, absences_action, &w, error);
}

gboolean
accord_store_add_absence (AccordStore  *self,
                          gint64        person_id,
                          gint64        starts_at,
                          gint64        ends_at,
                          const char   *reason,
                          GError      **error)
{
  gint64 span[2] = { starts_at, ends_at };

  return accord_store_add_absences (self, person_id, span, 1, reason, error);
}

typedef struct
{
  gint64                  person_id;
  const AccordWeeklySlot *slots;
  guint                   n_slots;
} WeeklyWrite;

static gboolean
weekly_action (AccordStore  *self,
               gpointer      data,
               GError      **error)
{
  WeeklyWrite *w = data;
  g_autoptr(JsonBuilder) details = json_builder_new ();
  sqlite3_stmt *stmt;

  stmt = accord_store_prepare (self, "DELETE FROM availability WHERE person_id = ? AND kind = 'weekly'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->person_id);
  if (!accord_store_step_done (self, stmt, error))
    return FALSE;

  stmt = accord_store_prepare (self,
                               "INSERT INTO availability (person_id, kind, weekday, start_minute, end_minute) "
                               "VALUES (?, 'weekly', ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  json_builder_begin_object (details);
  json_builder_set_member_name (details, "slots");
  json_builder_add_int_value (details, w->n_slots);
  json_builder_end_object (details);
  for (guint i = 0; i < w->n_slots; i++)
    {
      sqlite3_bind_int64 (stmt, 1, w->person_id);
      sqlite3_bind_int (stmt, 2, w->slots[i].weekday);
      sqlite3_bind_int (stmt, 3, w->slots[i].start_minute);
      sqlite3_bind_int (stmt, 4, w->slots[i].end_minute);
      if (!accord_store_step_done (self, stmt, error))
        return FALSE;
    }
  return accord_store_audit (self, "person.availability", "person", w->person_id, details, error);
}

/**
 * accord_store_set_weekly_availability:
 * @n_slots: 0 makes the person available at any time again
 *
 * Replaces the person's weekly pattern.
 */
gboolean
accord_store_set_weekly_availability (AccordStore             *self,
                                      gint64                   person_id,
                                      const AccordWeeklySlot  *slots,
                                      guint                    n_slots,
                                      GError                 **error)
{
  g_autoptr(AccordPerson) person = NULL;
  WeeklyWrite w = { person_id, slots, n_slots };

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  if ((person = accord_store_get_person (self, person_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_slots; i++)
    if (slots[i].weekday < 1 || slots[i].weekday > 7 || slots[i].start_minute < 0 ||
        slots[i].end_minute > 1440 || slots[i].end_minute <= slots[i].start_minute)
      {
        g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                             _("Availability must name a weekday (1 = Monday to 7 = Sunday) and a time range such as 08:30-12:00 whose end is after its start"));
        return FALSE;
      }
  return accord_store_run (self, weekly_action, &w, error);
}

gboolean
accord_store_add_interest (AccordStore  *self,
                           gint64        person_id,
                           const char   *case_number,
                           gint64        petitioner_id,
                           const char   *note,
                           GError      **error)
{
  g_autoptr(AccordPerson) person = NULL;
  g_autoptr(AccordCase) c = NULL;
  SimpleWrite w = { "INSERT INTO interest (person_id, case_id, petitioner_id, note) "
                    "VALUES (?1, nullif (?2, 0), nullif (?3, 0), ?5)",
                    "person.interest", "person", person_id, { person_id, 0, petitioner_id }, { note } };

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  if ((person = accord_store_get_person (self, person_id, error)) == NULL ||
      !accord_validate_text (_("Note"), note, ACCORD_TITLE_MAX_CHARS, FALSE, error))
    return FALSE;
  if (case_number != NULL)
    {
      if ((c = accord_store_get_case (self, case_number, error)) == NULL)
        return FALSE;
      w.ints[1] = accord_case_get_id (c);
    }
  if (w.ints[1] == 0 && petitioner_id <= 0)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED,
                           _("An interest names a case or a petitioner"));
      return FALSE;
    }
  return accord_store_run (self, simple_write_action, &w, error);
}

/**
 * accord_store_get_weekly_availability:
 *
 * Returns: (transfer full): the person's weekly pattern, AccordWeeklySlot
 * in order of weekday and start; empty when the person has none (free at
 * any time).
 */
GArray *
accord_store_get_weekly_availability (AccordStore  *self,
                                      gint64        person_id,
                                      GError      **error)
{
  g_autoptr(AccordPerson) person = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  if ((person = accord_store_get_person (self, person_id, error)) == NULL)
    return NULL;
  return accord_store_weekly_availability (self, person_id, error);
}

static gboolean
finish_query (AccordStore   *self,
              sqlite3_stmt  *stmt,
              int            rc,
              GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return accord_store_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * accord_store_list_absences:
 * @since: only absences that end after this instant
 *
 * Returns: (transfer full): AccordPersonAbsence records in order of start.
 */
GPtrArray *
accord_store_list_absences (AccordStore  *self,
                            gint64        person_id,
                            gint64        since,
                            GError      **error)
{
  g_autoptr(GPtrArray) absences = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_person_absence_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  stmt = accord_store_prepare (self,
                               "SELECT id, starts_at, ends_at, reason FROM availability "
                               "WHERE person_id = ? AND kind = 'absence' AND ends_at > ? "
                               "ORDER BY starts_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordPersonAbsence *a = g_new0 (AccordPersonAbsence, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->person_id = person_id;
      a->starts_at = sqlite3_column_int64 (stmt, 1);
      a->ends_at = sqlite3_column_int64 (stmt, 2);
      a->reason = accord_column_text (stmt, 3);
      g_ptr_array_add (absences, a);
    }
  if (!finish_query (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&absences);
}

/* The audit entry names the person, whose record the absence is part of. */
gboolean
accord_store_delete_absence (AccordStore  *self,
                             gint64        absence_id,
                             GError      **error)
{
  SimpleWrite w = { "DELETE FROM availability WHERE id = ?1 AND kind = 'absence'",
                    "person.absence.delete", "availability", absence_id, { absence_id } };

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  return accord_store_run (self, simple_write_action, &w, error);
}

/**
 * accord_store_list_interests:
 *
 * Returns: (transfer full): the person's declared interests (AccordInterest)
 * in the order they were declared.
 */
GPtrArray *
accord_store_list_interests (AccordStore  *self,
                             gint64        person_id,
                             GError      **error)
{
  g_autoptr(GPtrArray) interests = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_interest_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), NULL);

  stmt = accord_store_prepare (self,
                               "SELECT i.id, ifnull (i.case_id, 0), c.number, ifnull (i.petitioner_id, 0), "
                               "p.name, i.note FROM interest i "
                               "LEFT JOIN \"case\" c ON c.id = i.case_id "
                               "LEFT JOIN petitioner p ON p.id = i.petitioner_id "
                               "WHERE i.person_id = ? ORDER BY i.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordInterest *i = g_new0 (AccordInterest, 1);

      i->id = sqlite3_column_int64 (stmt, 0);
      i->person_id = person_id;
      i->case_id = sqlite3_column_int64 (stmt, 1);
      i->case_number = accord_column_text (stmt, 2);
      i->petitioner_id = sqlite3_column_int64 (stmt, 3);
      i->petitioner_name = accord_column_text (stmt, 4);
      i->note = accord_column_text (stmt, 5);
      g_ptr_array_add (interests, i);
    }
  if (!finish_query (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&interests);
}

gboolean
accord_store_delete_interest (AccordStore  *self,
                              gint64        interest_id,
                              GError      **error)
{
  SimpleWrite w = { "DELETE FROM interest WHERE id = ?1",
                    "person.interest.delete", "interest", interest_id, { interest_id } };

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  return accord_store_run (self, simple_write_action, &w, error);
}

/**
 * accord_store_count_person_sessions:
 *
 * Counts the sessions the person takes part in that start in [@from, @to),
 * cancelled ones left out: the load the scheduler weighs.
 *
 * Returns: the count, or -1 with @error set
 */
gint64
accord_store_count_person_sessions (AccordStore  *self,
                                    gint64        person_id,
                                    gint64        from,
                                    gint64        to,
                                    GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), -1);

  stmt = accord_store_prepare (self,
                               "SELECT count(*) FROM session_participant WHERE person_id = ? "
                               "AND starts_at >= ? AND starts_at < ? AND active", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      count = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (!finish_query (self, stmt, rc, error))
    return -1;
  return count;
}

/* An inactive person stays in the records of past sessions but is no
 * longer offered for panels. */
gboolean
accord_store_set_person_active (AccordStore  *self,
                                gint64        person_id,
                                gboolean      active,
                                GError      **error)
{
  SimpleWrite w = { "UPDATE person SET active = ?2, version = version + 1 WHERE id = ?1",
                    active ? "person.activate" : "person.deactivate", "person", person_id,
                    { person_id, active } };

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);

  return accord_store_run (self, simple_write_action, &w, error);
}
