/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The table and JSON machinery of accord-cli-output.c, shared by the
 * printers of each noun (accord-cli-output-*.c). */

#define CLI_COLUMN_GAP 2

typedef char *(*CliMaskFunc) (const char *value);

typedef struct
{
  guint      n_columns;
  GPtrArray *rows;          /* of GStrv; the first is the header */
  GPtrArray *notes;         /* one per row: NULL, or a line printed under it */
  int        shrink_column; /* -1: none */
} CliTable;

CliTable   *cli_table_new                (guint                n_columns,
                                          const char * const  *header);
void        cli_table_free               (CliTable            *table);
void        cli_table_take_row           (CliTable            *table,
                                          char               **cells);
void        cli_table_take_row_with_note (CliTable            *table,
                                          char               **cells,
                                          char                *note);
void        cli_table_print              (CliTable            *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliTable, cli_table_free)

gsize       cli_display_width            (const char          *s);
void        cli_append_padded            (GString             *line,
                                          const char          *cell,
                                          gsize                width);
char       *cli_shown                    (const char          *value,
                                          gboolean             reveal,
                                          CliMaskFunc          mask);
const char *cli_or_dash                  (const char          *value);
void        cli_print_field              (const char          *label,
                                          const char          *value,
                                          gsize                label_width,
                                          guint                indent);

void        cli_json_add_string_or_null  (JsonBuilder         *builder,
                                          const char          *name,
                                          const char          *value);
void        cli_json_add_masked          (JsonBuilder         *builder,
                                          const char          *name,
                                          const char          *value,
                                          gboolean             reveal,
                                          CliMaskFunc          mask);

G_END_DECLS
