/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-validate.h"

#include "accord-cli-output.h"

#define COLUMN_GAP 2
#define DEFAULT_TERMINAL_WIDTH 80
#define MIN_SHRUNK_WIDTH 10
#define ELLIPSIS "…"

typedef char *(*MaskFunc) (const char *value);

typedef struct
{
  guint      n_columns;
  GPtrArray *rows;          /* of GStrv; the first is the header */
  GPtrArray *notes;         /* one per row: NULL, or a line printed under it */
  int        shrink_column; /* -1: none */
} CliTable;

static void cli_table_free (CliTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliTable, cli_table_free)


/* Helpers */

static gsize
display_width (const char *s)
{
  gsize width = 0;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* Table cells are one line each. */
static char *
one_line (const char *value)
{
  char *copy = g_strdup (value != NULL ? value : "");

  return g_strdelimit (copy, "\t\r\n", ' ');
}

static char *
truncate_to_width (const char *s,
                   gsize       max_width)
{
  GString *out;
  gsize width = 0;

  if (display_width (s) <= max_width)
    return g_strdup (s);

  out = g_string_new (NULL);
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize w = g_unichar_iszerowidth (c) ? 0 : (g_unichar_iswide (c) ? 2 : 1);

      if (width + w + 1 > max_width)
        break;
      g_string_append_unichar (out, c);
      width += w;
    }

  g_string_append (out, ELLIPSIS);
  return g_string_free (out, FALSE);
}

static void
append_padded (GString    *line,
               const char *cell,
               gsize       width)
{
  g_string_append (line, cell);
  for (gsize w = display_width (cell); w < width; w++)
    g_string_append_c (line, ' ');
}

/* Only when a person is looking at a terminal; piped output is never cut. */
static gsize
terminal_width (void)
{
  struct winsize size;
  const char *columns;

  if (!isatty (STDOUT_FILENO))
    return 0;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;

  columns = g_getenv ("COLUMNS");
  if (columns != NULL && g_ascii_strtoull (columns, NULL, 10) > 0)
    return (gsize) g_ascii_strtoull (columns, NULL, 10);

  return DEFAULT_TERMINAL_WIDTH;
}

static char *
shown (const char *value,
       gboolean    reveal,
       MaskFunc    mask)
{
  if (value == NULL || reveal)
    return g_strdup (value);

  return mask (value);
}

static const char *
or_dash (const char *value)
{
  return value != NULL && *value != '\0' ? value : "—";
}

/* Table */

static CliTable *
cli_table_new (guint                n_columns,
               const char * const  *header)
{
  CliTable *table = g_new0 (CliTable, 1);
  GStrv row = g_new0 (char *, n_columns + 1);

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->notes = g_ptr_array_new_with_free_func (g_free);
  table->shrink_column = -1;

  for (guint i = 0; i < n_columns; i++)
    row[i] = g_strdup (_(header[i]));
  g_ptr_array_add (table->rows, row);
  g_ptr_array_add (table->notes, NULL);

  return table;
}

static void
cli_table_free (CliTable *table)
{
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->notes);
  g_free (table);
}

/* Takes the cells. */
static void
cli_table_take_row (CliTable  *table,
                    char     **cells)
{
  GStrv row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    {
      row[i] = one_line (cells[i]);
      g_free (cells[i]);
    }

  g_ptr_array_add (table->rows, row);
  g_ptr_array_add (table->notes, NULL);
}

/* Takes the cells and @note, a line printed indented under the row. */
static void
cli_table_take_row_with_note (CliTable  *table,
                              char     **cells,
                              char      *note)
{
  cli_table_take_row (table, cells);
  g_ptr_array_index (table->notes, table->notes->len - 1) = one_line (note);
  g_free (note);
}

static void
cli_table_measure (CliTable *table,
                   gsize    *widths)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], display_width (row[c]));
    }
}

static void
cli_table_fit (CliTable *table,
               gsize    *widths)
{
  gsize total = 0;
  gsize available = terminal_width ();
  guint shrink;

  if (table->shrink_column < 0 || available == 0)
    return;

  shrink = (guint) table->shrink_column;
  for (guint c = 0; c < table->n_columns; c++)
    total += widths[c] + (c + 1 < table->n_columns ? COLUMN_GAP : 0);

  if (total > available)
    widths[shrink] = MAX (MIN_SHRUNK_WIDTH, widths[shrink] - MIN (widths[shrink], total - available));
}

static void
cli_table_print (CliTable *table)
{
  g_autofree gsize *widths = g_new0 (gsize, table->n_columns);

  cli_table_measure (table, widths);
  cli_table_fit (table, widths);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *cell = truncate_to_width (row[c], widths[c]);
          gboolean last = (c + 1 == table->n_columns);

          append_padded (line, cell, last ? 0 : widths[c] + COLUMN_GAP);
        }

      g_print ("%s\n", line->str);
      if (g_ptr_array_index (table->notes, r) != NULL)
        g_print ("%*s%s\n", COLUMN_GAP, "", (const char *) g_ptr_array_index (table->notes, r));
    }
}

/* Plain text */

void
cli_print (const char *format,
           ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_print ("%s\n", text);
}

void
cli_print_error (const char *message)
{
  g_printerr ("accord-cli: %s\n", message);
}

void
cli_print_usage_error (const char *message,
                       const char *command)
{
  cli_print_error (message);
  /* TRANSLATORS: %s is a command such as "accord-cli case add" */
  g_printerr (_("Try “%s --help” for more information."), command);
  g_printerr ("\n");
}

void
cli_print_warning (const char *message)
{
  /* TRANSLATORS: %s is a warning, e.g. about a rule a booked session breaks */
  g_printerr (_("Warning: %s"), message);
  g_printerr ("\n");
}

/* JSON is written as UTF-8 whatever the locale, for programs to read. */
void
cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, NULL);

  fputs (data, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/* JSON objects */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_masked (JsonBuilder *builder,
            const char  *name,
            const char  *value,
            gboolean     reveal,
            MaskFunc     mask)
{
  g_autofree char *text = shown (value, reveal, mask);

  add_string_or_null (builder, name, text);
}

static void
add_petitioner (JsonBuilder            *builder,
                const AccordPetitioner *petitioner,
                gboolean                reveal)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, petitioner->id);
  add_string_or_null (builder, "name", petitioner->name);
  add_masked (builder, "id_number", petitioner->id_number, reveal, accord_mask_id_number);
  add_masked (builder, "phone", petitioner->phone, reveal, accord_mask_phone);
  add_masked (builder, "address", petitioner->address, reveal, accord_mask_address);
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
    add_string_or_null (builder, accord_case_text_name (i), accord_case_get_text (c, i));

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

static void
add_person (JsonBuilder        *builder,
            const AccordPerson *person,
            gboolean            reveal)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, person->id);
  add_string_or_null (builder, "name", person->name);

  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; person->roles != NULL && person->roles[i] != NULL; i++)
    json_builder_add_string_value (builder, person->roles[i]);
  json_builder_end_array (builder);

  add_string_or_null (builder, "organisation", person->organisation);
  add_masked (builder, "phone", person->phone, reveal, accord_mask_phone);
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
  add_string_or_null (builder, "name", venue->name);
  json_builder_set_member_name (builder, "capacity");
  json_builder_add_int_value (builder, venue->capacity);
  add_string_or_null (builder, "address", venue->address);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, venue->active);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, venue->version);
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
        shown (person->phone, reveal, accord_mask_phone),
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
    return g_strdup (or_dash (NULL));

  /* TRANSLATORS: the days a period was extended by, e.g. "+30 days" */
  return g_strdup_printf (ngettext ("+%d day", "+%d days", (gulong) deadline->extension_days),
                          deadline->extension_days);
}

static void
add_deadline (JsonBuilder          *builder,
              const AccordDeadline *deadline)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "step", deadline->step);
  add_string_or_null (builder, "label", deadline->label);
  add_string_or_null (builder, "start_date", deadline->start_date);
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder, deadline->days);
  json_builder_set_member_name (builder, "working_days");
  json_builder_add_boolean_value (builder, deadline->working_days);
  json_builder_set_member_name (builder, "extension_days");
  json_builder_add_int_value (builder, deadline->extension_days);
  json_builder_set_member_name (builder, "excluded_days");
  json_builder_add_int_value (builder, deadline->excluded_days);
  add_string_or_null (builder, "due_date", deadline->due_date);
  add_string_or_null (builder, "done_date", deadline->done_date);
  add_string_or_null (builder, "state", accord_deadline_state_code (deadline->state));
  add_string_or_null (builder, "facts", deadline->facts);
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
        g_strdup (or_dash (deadline->start_date)),
        deadline_period (deadline),
        deadline_extension (deadline),
        g_strdup (or_dash (deadline->due_date)),
        g_strdup (or_dash (deadline->done_date)),
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

  return or_dash (value);
}

/* Continuation lines of a multi-line value line up under its first line. */
static void
print_field (const char *label,
             const char *value,
             gsize       label_width,
             guint       indent)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *labelled = g_strdup_printf ("%s:", label);
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
  gsize value_column = indent + label_width + COLUMN_GAP;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_truncate (line, 0);
      for (guint s = 0; s < (i == 0 ? indent : value_column); s++)
        g_string_append_c (line, ' ');
      if (i == 0)
        append_padded (line, labelled, label_width + COLUMN_GAP);
      g_string_append (line, lines[i]);
      g_print ("%s\n", line->str);
    }
}

static gsize
case_label_width (void)
{
  gsize width = display_width (_("Version")) + 1;

  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    width = MAX (width, display_width (accord_case_text_label (i)) + 1);
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    width = MAX (width, display_width (accord_case_flag_label (i)) + 1);

  return width;
}

static void
print_petitioner (const AccordPetitioner *petitioner,
                  gboolean                reveal)
{
  g_autofree char *id_number = shown (petitioner->id_number, reveal, accord_mask_id_number);
  g_autofree char *phone = shown (petitioner->phone, reveal, accord_mask_phone);
  g_autofree char *address = shown (petitioner->address, reveal, accord_mask_address);
  gsize width = MAX (display_width (_("Resident ID number")),
                     MAX (display_width (_("Phone")), display_width (_("Address")))) + 1;

  g_print ("  %s\n", petitioner->name != NULL ? petitioner->name : "");
  print_field (_("Resident ID number"), or_dash (id_number), width, 4);
  print_field (_("Phone"), or_dash (phone), width, 4);
  print_field (_("Address"), or_dash (address), width, 4);
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
      print_field (accord_case_text_label (i), case_text_display (c, i), width, 0);

  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    print_field (accord_case_flag_label (i),
                 accord_case_get_flag (c, i) ? _("yes") : _("no"), width, 0);

  print_field (_("Version"), version, width, 0);

  g_print ("%s:\n", _("Petitioners"));
  for (guint i = 0; petitioners != NULL && i < petitioners->len; i++)
    print_petitioner (g_ptr_array_index (petitioners, i), reveal);
}

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

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
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

  add_string_or_null (builder, name, text);
}

static void
add_conflict (JsonBuilder          *builder,
              const AccordConflict *conflict)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "rule", conflict->rule);
  add_string_or_null (builder, "severity", severity_code (conflict->severity));
  add_string_or_null (builder, "message", conflict->message);
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
  add_string_or_null (builder, "name", participant->name);
  add_string_or_null (builder, "role", participant->role);
  add_string_or_null (builder, "attendance", participant->attendance);
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
  add_string_or_null (builder, "case_number", session->case_number);
  add_string_or_null (builder, "kind", session->kind);
  add_time (builder, "starts_at", session->starts_at, zone);
  add_time (builder, "ends_at", session->ends_at, zone);
  add_int_or_null (builder, "venue_id", session->venue_id);
  add_string_or_null (builder, "venue_name", session->venue_name);
  add_string_or_null (builder, "status", session->status);
  json_builder_set_member_name (builder, "public");
  json_builder_add_boolean_value (builder, session->is_public);
  add_string_or_null (builder, "notice_date", session->notice_date);
  add_string_or_null (builder, "override_reason", session->override_reason);
  add_string_or_null (builder, "notes", session->notes);
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
      add_string_or_null (builder, "venue_name", slot->venue_name);
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
      id = id_text (participant->person_id);
      /* TRANSLATORS: someone taking part: name, id in the pool, role, e.g. "王芳 (person 3), panelist" */
      return g_strdup_printf (_("%s (person %s), %s"), or_dash (participant->name), id, role);
    }

  id = id_text (participant->petitioner_id);
  /* TRANSLATORS: a petitioner taking part: name, petitioner id, role, e.g. "刘洋 (petitioner 1), petitioner" */
  return g_strdup_printf (_("%s (petitioner %s), %s"), or_dash (participant->name), id, role);
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
        id_text (session->id),
        cli_format_time (session->starts_at, zone),
        format_end (session->starts_at, session->ends_at, zone),
        g_strdup (session_kind_label (session)),
        g_strdup (session->case_number),
        g_strdup (or_dash (session->venue_name)),
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
    width = MAX (width, display_width (labels[i]) + 1);

  return width;
}

void
cli_print_session_details (const AccordSession *session,
                           GTimeZone           *zone)
{
  g_autofree char *id = id_text (session->id);
  g_autofree char *span = cli_format_span (session->starts_at, session->ends_at, zone);
  g_autofree char *version = id_text (session->version);
  const char *labels[] = {
    _("Session"), _("Case"), _("Kind"), _("Time"), _("Venue"), _("Status"), _("Public"),
    _("Notice date"), _("Override reason"), _("Notes"), _("Version"),
  };
  const char *values[] = {
    id, session->case_number, session_kind_label (session), span, or_dash (session->venue_name),
    accord_vocab_label (ACCORD_VOCAB_SESSION_STATUS, session->status),
    session->is_public ? _("yes") : _("no"), or_dash (session->notice_date),
    or_dash (session->override_reason), or_dash (session->notes), version,
  };
  gsize width = labels_width (labels, G_N_ELEMENTS (labels));

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    print_field (labels[i], values[i], width, 0);

  g_print ("%s:\n", _("Participants"));
  print_participants (session);
}

static void
print_session_summary (const AccordSession *session,
                       GTimeZone           *zone)
{
  g_autofree char *id = id_text (session->id);
  g_autofree char *span = cli_format_span (session->starts_at, session->ends_at, zone);

  /* TRANSLATORS: a session's id, time, kind, case number and venue, e.g.
   * "Session 4: 2026-12-07 09:00–11:00, Hearing, XF-2026-000001, 一号听证室" */
  cli_print (_("Session %s: %s, %s, %s, %s"), id, span, session_kind_label (session),
             session->case_number, or_dash (session->venue_name));
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
