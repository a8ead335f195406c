/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-validate.h"

#include "accord-cli-output.h"
#include "accord-cli-output-private.h"

static void
add_person (JsonBuilder        *builder,
            const AccordPerson *person,
            gboolean            reveal)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, person->id);
  cli_json_add_string_or_null (builder, "name", person->name);

  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; person->roles != NULL && person->roles[i] != NULL; i++)
    json_builder_add_string_value (builder, person->roles[i]);
  json_builder_end_array (builder);

  cli_json_add_string_or_null (builder, "organisation", person->organisation);
  cli_json_add_masked (builder, "phone", person->phone, reveal, accord_mask_phone);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, person->active);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, person->version);
  json_builder_end_object (builder);
}

static void
add_venue (JsonBuilder       *builder,
           const AccordVenue *venue)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, venue->id);
  cli_json_add_string_or_null (builder, "name", venue->name);
  json_builder_set_member_name (builder, "capacity");
  json_builder_add_int_value (builder, venue->capacity);
  cli_json_add_string_or_null (builder, "address", venue->address);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, venue->active);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, venue->version);
  json_builder_end_object (builder);
}

JsonNode *
cli_json_person (const AccordPerson *person,
                 gboolean            reveal)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_person (builder, person, reveal);
  return json_builder_get_root (builder);
}

JsonNode *
cli_json_persons (GPtrArray *persons,
                  gboolean   reveal)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < persons->len; i++)
    add_person (builder, g_ptr_array_index (persons, i), reveal);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cli_json_venue (const AccordVenue *venue)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_venue (builder, venue);
  return json_builder_get_root (builder);
}

JsonNode *
cli_json_venues (GPtrArray *venues)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < venues->len; i++)
    add_venue (builder, g_ptr_array_index (venues, i));
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static char *
role_labels (char **roles)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    g_strv_builder_add (builder, accord_vocab_label (ACCORD_VOCAB_PERSON_ROLE, roles[i]));
  labels = g_strv_builder_end (builder);

  return g_strjoinv (_(", "), labels);
}

static char *
yes_no (gboolean value)
{
  return g_strdup (value ? _("yes") : _("no"));
}

void
cli_print_person_table (GPtrArray *persons,
                        gboolean   reveal)
{
  static const char * const header[] = {
    N_("ID"), N_("Name"), N_("Roles"), N_("Organisation"), N_("Phone"), N_("Active"),
  };
  g_autoptr(CliTable) table = cli_table_new (G_N_ELEMENTS (header), header);

  for (guint i = 0; i < persons->len; i++)
    {
      AccordPerson *person = g_ptr_array_index (persons, i);
      char *cells[] = {
        g_strdup_printf ("%" G_GINT64_FORMAT, person->id),
        g_strdup (person->name),
        role_labels (person->roles),
        g_strdup (person->organisation),
        cli_shown (person->phone, reveal, accord_mask_phone),
        yes_no (person->active),
      };

      cli_table_take_row (table, cells);
    }

  cli_table_print (table);
}

void
cli_print_venue_table (GPtrArray *venues)
{
  static const char * const header[] = {
    N_("ID"), N_("Name"), N_("Capacity"), N_("Address"), N_("Active"),
  };
  g_autoptr(CliTable) table = cli_table_new (G_N_ELEMENTS (header), header);

  for (guint i = 0; i < venues->len; i++)
    {
      AccordVenue *venue = g_ptr_array_index (venues, i);
      char *cells[] = {
        g_strdup_printf ("%" G_GINT64_FORMAT, venue->id),
        g_strdup (venue->name),
        g_strdup_printf ("%d", venue->capacity),
        g_strdup (venue->address),
        yes_no (venue->active),
      };

      cli_table_take_row (table, cells);
    }

  cli_table_print (table);
}
