/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "accord-cli-output.h"
#include "accord-cli-output-private.h"

#define DEFAULT_TERMINAL_WIDTH 80
#define MIN_SHRUNK_WIDTH 10
#define ELLIPSIS "…"

/* Helpers */

gsize
cli_display_width (const char *s)
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

  if (cli_display_width (s) <= max_width)
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

void
cli_append_padded (GString    *line,
                   const char *cell,
                   gsize       width)
{
  g_string_append (line, cell);
  for (gsize w = cli_display_width (cell); w < width; w++)
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

char *
cli_shown (const char  *value,
           gboolean     reveal,
           CliMaskFunc  mask)
{
  if (value == NULL || reveal)
    return g_strdup (value);

  return mask (value);
}

const char *
cli_or_dash (const char *value)
{
  return value != NULL && *value != '\0' ? value : "—";
}

/* Table */

CliTable *
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

void
cli_table_free (CliTable *table)
{
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->notes);
  g_free (table);
}

/* Takes the cells. */
void
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
void
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
        widths[c] = MAX (widths[c], cli_display_width (row[c]));
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
    total += widths[c] + (c + 1 < table->n_columns ? CLI_COLUMN_GAP : 0);

  if (total > available)
    widths[shrink] = MAX (MIN_SHRUNK_WIDTH, widths[shrink] - MIN (widths[shrink], total - available));
}

void
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

          cli_append_padded (line, cell, last ? 0 : widths[c] + CLI_COLUMN_GAP);
        }

      g_print ("%s\n", line->str);
      if (g_ptr_array_index (table->notes, r) != NULL)
        g_print ("%*s%s\n", CLI_COLUMN_GAP, "", (const char *) g_ptr_array_index (table->notes, r));
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

/* Continuation lines of a multi-line value line up under its first line. */
void
cli_print_field (const char *label,
                 const char *value,
                 gsize       label_width,
                 guint       indent)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *labelled = g_strdup_printf ("%s:", label);
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
  gsize value_column = indent + label_width + CLI_COLUMN_GAP;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_truncate (line, 0);
      for (guint s = 0; s < (i == 0 ? indent : value_column); s++)
        g_string_append_c (line, ' ');
      if (i == 0)
        cli_append_padded (line, labelled, label_width + CLI_COLUMN_GAP);
      g_string_append (line, lines[i]);
      g_print ("%s\n", line->str);
    }
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

void
cli_json_add_string_or_null (JsonBuilder *builder,
                             const char  *name,
                             const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
cli_json_add_masked (JsonBuilder *builder,
                     const char  *name,
                     const char  *value,
                     gboolean     reveal,
                     CliMaskFunc  mask)
{
  g_autofree char *text = cli_shown (value, reveal, mask);

  cli_json_add_string_or_null (builder, name, text);
}

void
cli_print_json_object (JsonBuilder *builder)
{
  g_autoptr(JsonNode) node = NULL;

  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  cli_print_json (node);
}

/* Ids */

char *
cli_format_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}
