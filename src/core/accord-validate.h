/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ACCORD_VALIDATE_ERROR (accord_validate_error_quark ())

typedef enum
{
  ACCORD_VALIDATE_ERROR_REQUIRED,
  ACCORD_VALIDATE_ERROR_TOO_LONG,
  ACCORD_VALIDATE_ERROR_ENCODING,
  ACCORD_VALIDATE_ERROR_FORMAT,
  ACCORD_VALIDATE_ERROR_CHECKSUM,
  ACCORD_VALIDATE_ERROR_DATE,
} AccordValidateError;

/* Lengths are counted in characters (Unicode code points), not bytes. */
#define ACCORD_TITLE_MAX_CHARS 200
#define ACCORD_NAME_MAX_CHARS 100
#define ACCORD_TEXT_MAX_CHARS 100000

GQuark    accord_validate_error_quark   (void);

/* Every validator names the field in its (translated) message, e.g.
 * "Resident ID number has a wrong check character". Messages never quote
 * the value: it is personal data. */
gboolean  accord_validate_text          (const char  *field,
                                         const char  *value,
                                         gsize        max_chars,
                                         gboolean     required,
                                         GError     **error);
gboolean  accord_validate_id_number     (const char  *value,
                                         GError     **error);
gboolean  accord_validate_phone         (const char  *value,
                                         GError     **error);
gboolean  accord_validate_date          (const char  *field,
                                         const char  *value,
                                         GError     **error);
gboolean  accord_validate_received_on   (const char  *value,
                                         const char  *today,
                                         GError     **error);

char      accord_id_number_check_char   (const char  *first17);
char     *accord_normalize_id_number    (const char  *value);

char     *accord_mask_id_number         (const char  *value);
char     *accord_mask_phone             (const char  *value);
char     *accord_mask_address           (const char  *value);

char     *accord_today                  (void);

G_END_DECLS
