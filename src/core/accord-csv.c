/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-import"

#include <string.h>

#include <glib/gi18n.h>

#include "accord-csv.h"
#include "accord-import.h"

typedef struct
{
  const char *p;
  const char *end;
  guint       row;       /* of the record last read; the header is row 1 */
  GString    *field;
} CsvReader;

void
accord_csv_set_row_error (GError     **error,
                          guint        row,
                          int          code,
                          const char  *message)
{
  /* TRANSLATORS: %u is a row of a CSV file (the header is row 1); the %s says what is wrong with it */
  g_set_error (error, ACCORD_IMPORT_ERROR, code, _("Row %u: %s"), row, message);
}

static char *
column_names (const AccordCsvColumn *columns,
              guint                  n_columns,
              gboolean               required_only)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < n_columns; i++)
    if (!required_only || columns[i].required)
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", columns[i].name);
  return g_string_free (names, FALSE);
}

static gboolean
csv_field_too_large (CsvReader  *r,
                     gsize       length,
                     GError    **error)
{
  if (length <= ACCORD_IMPORT_MAX_FIELD_BYTES)
    return FALSE;

  accord_csv_set_row_error (error, r->row, ACCORD_IMPORT_ERROR_TOO_LARGE,
                            _("a field is larger than 1 MB; nothing was imported"));
  return TRUE;
}

static gboolean
csv_read_quoted (CsvReader  *r,
                 GError    **error)
{
  r->p++;
  for (;;)
    {
      const char *quote = memchr (r->p, '"', r->end - r->p);

      if (quote == NULL)
        {
          accord_csv_set_row_error (error, r->row, ACCORD_IMPORT_ERROR_FORMAT,
                                    _("a quoted field has no closing quote"));
          return FALSE;
        }
      g_string_append_len (r->field, r->p, quote - r->p);
      r->p = quote + 1;
      if (csv_field_too_large (r, r->field->len, error))
        return FALSE;
      if (r->p < r->end && *r->p == '"')
        {
          g_string_append_c (r->field, '"');
          r->p++;
          continue;
        }
      break;
    }

  if (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
    {
      accord_csv_set_row_error (error, r->row, ACCORD_IMPORT_ERROR_FORMAT,
                                _("text follows a closing quote; a quote inside a quoted field is written twice (\"\")"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
csv_read_field (CsvReader  *r,
                GError    **error)
{
  const char *start = r->p;

  g_string_truncate (r->field, 0);
  if (r->p < r->end && *r->p == '"')
    return csv_read_quoted (r, error);

  while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
    r->p++;
  if (csv_field_too_large (r, r->p - start, error))
    return FALSE;
  g_string_append_len (r->field, start, r->p - start);
  return TRUE;
}

static void
csv_skip_line_end (CsvReader *r)
{
  if (r->p < r->end && *r->p == '\r')
    r->p++;
  if (r->p < r->end && *r->p == '\n')
    r->p++;
}

/* 1 and the fields of the next record, 0 at the end of the data, -1 on
 * an error.  Blank lines are skipped but counted as rows. */
static int
csv_read_record (CsvReader  *r,
                 GPtrArray  *fields,
                 GError    **error)
{
  g_ptr_array_set_size (fields, 0);

  for (;;)
    {
      if (r->p >= r->end)
        return 0;
      r->row++;
      if (*r->p != '\n' && *r->p != '\r')
        break;
      csv_skip_line_end (r);
    }

  for (;;)
    {
      if (!csv_read_field (r, error))
        return -1;
      g_ptr_array_add (fields, g_strndup (r->field->str, r->field->len));
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      csv_skip_line_end (r);
      return 1;
    }
}

static int *
csv_map_header (GPtrArray              *header,
                const AccordCsvColumn  *columns,
                guint                   n_columns,
                GError                **error)
{
  g_autofree int *map = g_new (int, n_columns);

  for (guint c = 0; c < n_columns; c++)
    map[c] = -1;

  for (guint f = 0; f < header->len; f++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip ((char *) g_ptr_array_index (header, f)), -1);
      guint c;

      for (c = 0; c < n_columns && strcmp (name, columns[c].name) != 0; c++)
        ;
      if (c == n_columns)
        {
          g_autofree char *known = column_names (columns, n_columns, FALSE);

          g_set_error (error, ACCORD_IMPORT_ERROR, ACCORD_IMPORT_ERROR_SHAPE,
                       /* TRANSLATORS: %u is a column's position, %s the list of column names */
                       _("Column %u of the header is not a known column; the columns are: %s"), f + 1, known);
          return NULL;
        }
      if (map[c] >= 0)
        {
          g_set_error (error, ACCORD_IMPORT_ERROR, ACCORD_IMPORT_ERROR_SHAPE,
                       _("The header names the column “%s” twice"), columns[c].name);
          return NULL;
        }
      map[c] = f;
    }

  for (guint c = 0; c < n_columns; c++)
    if (columns[c].required && map[c] < 0)
      {
        g_autofree char *required = column_names (columns, n_columns, TRUE);

        g_set_error (error, ACCORD_IMPORT_ERROR, ACCORD_IMPORT_ERROR_SHAPE,
                     /* TRANSLATORS: the first %s is a column name, the second the list of required ones */
                     _("The header has no column “%s”; these columns are required: %s"),
                     columns[c].name, required);
        return NULL;
      }

  return g_steal_pointer (&map);
}

/* The value of a column in a row; NULL when the file has no such column
 * or the field is empty. */
const char *
accord_csv_cell (const AccordCsvRow *row,
                 guint               column)
{
  const char *value;

  if (row->map[column] < 0)
    return NULL;
  value = g_ptr_array_index (row->fields, row->map[column]);
  return *value != '\0' ? value : NULL;
}

/* Reads the header and calls @each with every following record. */
gboolean
accord_csv_parse (const char             *data,
                  gsize                   length,
                  const AccordCsvColumn  *columns,
                  guint                   n_columns,
                  AccordCsvRowFunc        each,
                  gpointer                user_data,
                  GError                **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  g_autofree int *map = NULL;
  CsvReader r = { data, data + length, 0, field };
  guint n_header;
  int got;

  if ((got = csv_read_record (&r, fields, error)) < 0)
    return FALSE;
  if (got == 0)
    {
      g_set_error_literal (error, ACCORD_IMPORT_ERROR, ACCORD_IMPORT_ERROR_SHAPE,
                           _("The file is empty: a CSV file starts with a header row naming its columns"));
      return FALSE;
    }
  if ((map = csv_map_header (fields, columns, n_columns, error)) == NULL)
    return FALSE;
  n_header = fields->len;

  for (guint n = 0; (got = csv_read_record (&r, fields, error)) > 0; n++)
    {
      AccordCsvRow row = { fields, map };

      if (fields->len != n_header)
        {
          g_autofree char *message =
            /* TRANSLATORS: the first %u is a number of fields, the second of columns */
            g_strdup_printf (_("the row has %u fields but the header has %u columns"), fields->len, n_header);

          accord_csv_set_row_error (error, r.row, ACCORD_IMPORT_ERROR_SHAPE, message);
          return FALSE;
        }
      if (!each (&row, r.row, user_data, error))
        return FALSE;
    }

  return got == 0;
}
