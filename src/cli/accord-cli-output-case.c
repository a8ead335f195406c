/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-validate.h"

#include "accord-cli-output.h"
#include "accord-cli-output-private.h"

static void
add_petitioner (JsonBuilder            *builder,
                const AccordPetitioner *petitioner,
                gboolean                reveal)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, petitioner->id);
  cli_json_add_string_or_null (builder, "name", petitioner->name);
  cli_json_add_masked (builder, "id_number", petitioner->id_number, reveal, accord_mask_id_number);
  cli_json_add_masked (builder, "phone", petitioner->phone, reveal, accord_mask_phone);
  cli_json_add_masked (builder, "address", petitioner->address, reveal, accord_mask_address);
  json_builder_end_object (builder);
}

static void
add_petitioners (JsonBuilder *builder,
                 AccordCase  *c,
                 gboolean     reveal)
{
  GPtrArray *petitioners = accord_case_get_petitioners (c);

  json_builder_set_member_name (builder, "petitioners");
  json_builder_begin_array (builder);
  for (guint i = 0; petitioners != NULL && i < petitioners->len; i++)
    add_petitioner (builder, g_ptr_array_index (petitioners, i), reveal);
  json_builder_end_array (builder);
}

static void
add_case (JsonBuilder *builder,
          AccordCase  *c,
          gboolean     reveal)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, accord_case_get_id (c));

  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    cli_json_add_string_or_null (builder, accord_case_text_name (i), accord_case_get_text (c, i));

  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    {
      json_builder_set_member_name (builder, accord_case_flag_name (i));
      json_builder_add_boolean_value (builder, accord_case_get_flag (c, i));
    }

  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, accord_case_get_version (c));
  add_petitioners (builder, c, reveal);
  json_builder_end_object (builder);
}

JsonNode *
cli_json_case (AccordCase *c,
               gboolean    reveal)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_case (builder, c, reveal);
  return json_builder_get_root (builder);
}

JsonNode *
cli_json_cases (GPtrArray *cases,
                gboolean   reveal)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < cases->len; i++)
    add_case (builder, g_ptr_array_index (cases, i), reveal);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Listings */

static char *
case_petitioner_names (AccordCase *c)
{
  const char *names = accord_case_get_text (c, ACCORD_CASE_PETITIONER_NAMES);
  GPtrArray *petitioners = accord_case_get_petitioners (c);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) strv = NULL;

  if (names != NULL || petitioners == NULL)
    return g_strdup (names);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < petitioners->len; i++)
    g_strv_builder_add (builder, ((AccordPetitioner *) g_ptr_array_index (petitioners, i))->name);
  strv = g_strv_builder_end (builder);
  /* TRANSLATORS: separator between names in a list */
  return g_strjoinv (_(", "), strv);
}

void
cli_print_case_table (GPtrArray *cases)
{
  static const char * const header[] = {
    N_("Number"), N_("Received"), N_("Status"), N_("Category"), N_("Petitioners"), N_("Title"),
  };
  g_autoptr(CliTable) table = cli_table_new (G_N_ELEMENTS (header), header);

  table->shrink_column = G_N_ELEMENTS (header) - 1;
  for (guint i = 0; i < cases->len; i++)
    {
      AccordCase *c = g_ptr_array_index (cases, i);
      char *cells[] = {
        g_strdup (accord_case_get_number (c)),
        g_strdup (accord_case_get_text (c, ACCORD_CASE_RECEIVED_ON)),
        g_strdup (accord_vocab_label (ACCORD_VOCAB_CASE_STATUS, accord_case_get_status (c))),
        g_strdup (accord_case_get_text (c, ACCORD_CASE_CATEGORY)),
        case_petitioner_names (c),
        g_strdup (accord_case_get_title (c)),
      };

      cli_table_take_row (table, cells);
    }

  cli_table_print (table);
}

/* Deadlines of a case */

static const char *
deadline_state_label (AccordDeadlineState state)
{
  switch (state)
    {
    case ACCORD_DEADLINE_DUE_SOON:
      return C_("deadline", "due soon");
    case ACCORD_DEADLINE_OVERDUE:
      return C_("deadline", "overdue");
    case ACCORD_DEADLINE_MET:
      return C_("deadline", "met");
    case ACCORD_DEADLINE_MET_LATE:
      return C_("deadline", "met late");
    case ACCORD_DEADLINE_ON_TIME:
    default:
      return C_("deadline", "on time");
    }
}

static char *
deadline_period (const AccordDeadline *deadline)
{
  if (deadline->working_days)
    /* TRANSLATORS: the length of a statutory period in working days, e.g. "5 working days" */
    return g_strdup_printf (ngettext ("%d working day", "%d working days", (gulong) deadline->days),
                            deadline->days);

  /* TRANSLATORS: the length of a statutory period in calendar days, e.g. "60 days" */
  return g_strdup_printf (ngettext ("%d day", "%d days", (gulong) deadline->days), deadline->days);
}

static char *
deadline_extension (const AccordDeadline *deadline)
{
  if (deadline->extension_days <= 0)
    return g_strdup (cli_or_dash (NULL));

  /* TRANSLATORS: the days a period was extended by, e.g. "+30 days" */
  return g_strdup_printf (ngettext ("+%d day", "+%d days", (gulong) deadline->extension_days),
                          deadline->extension_days);
}

static void
add_deadline (JsonBuilder          *builder,
              const AccordDeadline *deadline)
{
  json_builder_begin_object (builder);
  cli_json_add_string_or_null (builder, "step", deadline->step);
  cli_json_add_string_or_null (builder, "label", deadline->label);
  cli_json_add_string_or_null (builder, "start_date", deadline->start_date);
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder, deadline->days);
  json_builder_set_member_name (builder, "working_days");
  json_builder_add_boolean_value (builder, deadline->working_days);
  json_builder_set_member_name (builder, "extension_days");
  json_builder_add_int_value (builder, deadline->extension_days);
  json_builder_set_member_name (builder, "excluded_days");
  json_builder_add_int_value (builder, deadline->excluded_days);
  cli_json_add_string_or_null (builder, "due_date", deadline->due_date);
  cli_json_add_string_or_null (builder, "done_date", deadline->done_date);
  cli_json_add_string_or_null (builder, "state", accord_deadline_state_code (deadline->state));
  cli_json_add_string_or_null (builder, "facts", deadline->facts);
  json_builder_end_object (builder);
}

JsonNode *
cli_json_deadline (const AccordDeadline *deadline)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_deadline (builder, deadline);
  return json_builder_get_root (builder);
}

JsonNode *
cli_json_deadlines (GPtrArray *deadlines)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < deadlines->len; i++)
    add_deadline (builder, g_ptr_array_index (deadlines, i));
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* On a terminal the facts go on a line of their own under each step;
 * elsewhere they are the last column, one line per step for programs. */
void
cli_print_deadline_table (GPtrArray *deadlines)
{
  static const char * const header[] = {
    N_("Step"), N_("Counted from"), N_("Period"), N_("Extension"), N_("Due"), N_("Done"), N_("State"),
    N_("Facts"),
  };
  gboolean facts_column = !isatty (STDOUT_FILENO);
  g_autoptr(CliTable) table = cli_table_new (G_N_ELEMENTS (header) - (facts_column ? 0 : 1), header);

  table->shrink_column = 0;
  for (guint i = 0; i < deadlines->len; i++)
    {
      AccordDeadline *deadline = g_ptr_array_index (deadlines, i);
      char *cells[] = {
        g_strdup (deadline->label),
        g_strdup (cli_or_dash (deadline->start_date)),
        deadline_period (deadline),
        deadline_extension (deadline),
        g_strdup (cli_or_dash (deadline->due_date)),
        g_strdup (cli_or_dash (deadline->done_date)),
        g_strdup (deadline_state_label (deadline->state)),
        g_strdup (deadline->facts),
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (cells) == G_N_ELEMENTS (header));
      if (facts_column)
        cli_table_take_row (table, cells);
      else
        cli_table_take_row_with_note (table, cells, cells[G_N_ELEMENTS (cells) - 1]);
    }

  cli_table_print (table);
}

/* Details of one case */

static AccordVocab
case_text_vocab (AccordCaseText field)
{
  switch (field)
    {
    case ACCORD_CASE_STATUS:
      return ACCORD_VOCAB_CASE_STATUS;
    case ACCORD_CASE_CHANNEL:
      return ACCORD_VOCAB_CHANNEL;
    case ACCORD_CASE_OPINION:
    case ACCORD_CASE_REVIEW_OPINION:
    case ACCORD_CASE_RE_REVIEW_OPINION:
      return ACCORD_VOCAB_OPINION;
    case ACCORD_CASE_EVALUATION:
      return ACCORD_VOCAB_EVALUATION;
    default:
      return ACCORD_N_VOCABS;
    }
}

static const char *
case_text_display (AccordCase     *c,
                   AccordCaseText  field)
{
  const char *value = accord_case_get_text (c, field);
  AccordVocab vocab = case_text_vocab (field);

  if (value != NULL && vocab != ACCORD_N_VOCABS)
    return accord_vocab_label (vocab, value);

  return cli_or_dash (value);
}

static gsize
case_label_width (void)
{
  gsize width = cli_display_width (_("Version")) + 1;

  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    width = MAX (width, cli_display_width (accord_case_text_label (i)) + 1);
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    width = MAX (width, cli_display_width (accord_case_flag_label (i)) + 1);

  return width;
}

static void
print_petitioner (const AccordPetitioner *petitioner,
                  gboolean                reveal)
{
  g_autofree char *id_number = cli_shown (petitioner->id_number, reveal, accord_mask_id_number);
  g_autofree char *phone = cli_shown (petitioner->phone, reveal, accord_mask_phone);
  g_autofree char *address = cli_shown (petitioner->address, reveal, accord_mask_address);
  gsize width = MAX (cli_display_width (_("Resident ID number")),
                     MAX (cli_display_width (_("Phone")), cli_display_width (_("Address")))) + 1;

  g_print ("  %s\n", petitioner->name != NULL ? petitioner->name : "");
  cli_print_field (_("Resident ID number"), cli_or_dash (id_number), width, 4);
  cli_print_field (_("Phone"), cli_or_dash (phone), width, 4);
  cli_print_field (_("Address"), cli_or_dash (address), width, 4);
}

void
cli_print_case_details (AccordCase *c,
                        gboolean    reveal)
{
  gsize width = case_label_width ();
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, accord_case_get_version (c));
  GPtrArray *petitioners = accord_case_get_petitioners (c);

  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    if (i != ACCORD_CASE_PETITIONER_NAMES)
      cli_print_field (accord_case_text_label (i), case_text_display (c, i), width, 0);

  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    cli_print_field (accord_case_flag_label (i),
                 accord_case_get_flag (c, i) ? _("yes") : _("no"), width, 0);

  cli_print_field (_("Version"), version, width, 0);

  g_print ("%s:\n", _("Petitioners"));
  for (guint i = 0; petitioners != NULL && i < petitioners->len; i++)
    print_petitioner (g_ptr_array_index (petitioners, i), reveal);
}
