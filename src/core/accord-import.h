/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_IMPORT_ERROR (accord_import_error_quark ())

typedef enum
{
  ACCORD_IMPORT_ERROR_FORMAT,     /* not the format it claims, or an unknown format */
  ACCORD_IMPORT_ERROR_ENCODING,   /* not UTF-8 */
  ACCORD_IMPORT_ERROR_SHAPE,      /* wrong columns, members or types */
  ACCORD_IMPORT_ERROR_TOO_LARGE,  /* a field beyond ACCORD_IMPORT_MAX_FIELD_BYTES */
} AccordImportError;

/* No field the store accepts comes near this (the longest text is
 * ACCORD_TEXT_MAX_CHARS characters of at most 4 bytes); the parser stops
 * at it instead of copying a runaway field. */
#define ACCORD_IMPORT_MAX_FIELD_BYTES (1024 * 1024)

/* One case read from a file.  @input points into memory the record owns;
 * @row is where the case starts: the CSV row (the header is row 1) or the
 * position in the JSON list (from 1). */
typedef struct
{
  guint            row;
  gboolean         from_json;
  AccordCaseInput  input;
  /*< private >*/
  GStringChunk    *strings;
  GArray          *petitioners;
  const char      *ref;
  guint            n_fields;
} AccordImportCase;

typedef struct
{
  guint              row;
  gboolean           from_json;
  AccordPersonInput  input;
  /*< private >*/
  GStringChunk      *strings;
  GPtrArray         *roles;
} AccordImportPerson;

GQuark      accord_import_error_quark   (void);

/* The format of @data when none is named: "json" when its first
 * non-blank character opens a JSON list or object, otherwise "csv". */
const char *accord_import_guess_format  (const char          *data,
                                         gsize                length);

/* Pure parsers: no store, no side effects.  @format is "json", "csv" or
 * NULL (guessed).  On success *@out holds AccordImportCase or
 * AccordImportPerson records in file order (possibly none).  The fields
 * are not yet checked against the store's rules: the store does that when
 * the records are written. */
gboolean    accord_import_parse_cases   (const char          *data,
                                         gsize                length,
                                         const char          *format,
                                         GPtrArray          **out,
                                         GError             **error);
gboolean    accord_import_parse_persons (const char          *data,
                                         gsize                length,
                                         const char          *format,
                                         GPtrArray          **out,
                                         GError             **error);

/* Write every record in one transaction through the store's own add
 * functions (validation, numbering, search index, deadlines, audit): all
 * of them, or, when one is refused, none; the error then names the row.
 * @numbers / @ids (nullable) receive the new case numbers / person ids. */
gboolean    accord_import_cases         (AccordStore         *store,
                                         GPtrArray           *cases,
                                         GPtrArray          **numbers,
                                         GError             **error);
gboolean    accord_import_persons       (AccordStore         *store,
                                         GPtrArray           *persons,
                                         GArray             **ids,
                                         GError             **error);

void        accord_import_case_free     (AccordImportCase    *record);
void        accord_import_person_free   (AccordImportPerson  *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordImportCase, accord_import_case_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordImportPerson, accord_import_person_free)

G_END_DECLS
