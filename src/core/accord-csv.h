/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A reader of CSV files (RFC 4180) with a header row naming their
 * columns, for the importer.  Private to the core library; errors are in
 * the ACCORD_IMPORT_ERROR domain and name the row (the header is row 1). */

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  gboolean    required;
} AccordCsvColumn;

/* A CSV row mapped onto the known columns: index of each column's field,
 * or -1 when the file has no such column. */
typedef struct
{
  GPtrArray *fields;
  int       *map;
} AccordCsvRow;

/* Called with every record after the header; @n is its row. */
typedef gboolean (*AccordCsvRowFunc) (const AccordCsvRow  *row,
                                      guint                n,
                                      gpointer             data,
                                      GError             **error);

void        accord_csv_set_row_error (GError              **error,
                                      guint                 row,
                                      int                   code,
                                      const char           *message);

const char *accord_csv_cell          (const AccordCsvRow   *row,
                                      guint                 column);

gboolean    accord_csv_parse         (const char           *data,
                                      gsize                 length,
                                      const AccordCsvColumn *columns,
                                      guint                 n_columns,
                                      AccordCsvRowFunc      each,
                                      gpointer              user_data,
                                      GError              **error);

G_END_DECLS
