/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-validate"

#include <string.h>

#include <glib/gi18n.h>

#include "accord-validate.h"

#define ID_NUMBER_LENGTH 18
#define ID_NUMBER_MASKED_MIDDLE 8
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2999
#define PHONE_MAX_DIGITS 32

G_DEFINE_QUARK (accord-validate-error-quark, accord_validate_error)

/* Helpers */

static gboolean
read_number (const char *s,
             guint       n_digits,
             guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      value = value * 10 + (guint) (s[i] - '0');
    }

  *out = value;
  return TRUE;
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;

  return TRUE;
}

static gboolean
make_date (guint  year,
           guint  month,
           guint  day,
           GDate *out)
{
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static gboolean
has_iso_date_shape (const char *value,
                    guint      *year,
                    guint      *month,
                    guint      *day)
{
  return strlen (value) == 10
         && value[4] == '-' && value[7] == '-'
         && read_number (value, 4, year)
         && read_number (value + 5, 2, month)
         && read_number (value + 8, 2, day);
}

/* Accepts exactly YYYY-MM-DD naming a real date in 1900–2999. */
static gboolean
parse_iso_date (const char *value,
                GDate      *out)
{
  guint year, month, day;

  return has_iso_date_shape (value, &year, &month, &day)
         && year >= DATE_MIN_YEAR && year <= DATE_MAX_YEAR
         && make_date (year, month, day, out);
}

static void
get_today (GDate *out)
{
  const char *override = g_getenv ("ACCORD_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (override != NULL && parse_iso_date (override, out))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
is_forbidden_control (gunichar c)
{
  return g_unichar_iscntrl (c) && c != '\t' && c != '\n' && c != '\r';
}

/* One pass over the characters; stops at the first problem so that a huge
 * value costs no more than max_chars + 1 steps after UTF-8 validation. */
static gboolean
check_characters (const char  *field,
                  const char  *value,
                  gsize        max_chars,
                  GError     **error)
{
  gsize n_chars = 0;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (++n_chars > max_chars)
        {
          guint shown = (guint) MIN (max_chars, (gsize) G_MAXUINT);

          g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_TOO_LONG,
                       ngettext ("%s is too long: at most %u character",
                                 "%s is too long: at most %u characters",
                                 shown),
                       field, shown);
          return FALSE;
        }

      if (is_forbidden_control (g_utf8_get_char (p)))
        {
          g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                       _("%s contains control characters"), field);
          return FALSE;
        }
    }

  return TRUE;
}

static char
id_check_char_unchecked (const char *digits)
{
  static const guint weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char map[] = "10X98765432";
  guint sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    sum += (guint) (digits[i] - '0') * weights[i];

  return map[sum % 11];
}

static gboolean
id_has_valid_shape (const char *value)
{
  char last;

  if (strlen (value) != ID_NUMBER_LENGTH || !all_digits (value, ID_NUMBER_LENGTH - 1))
    return FALSE;

  last = value[ID_NUMBER_LENGTH - 1];
  return g_ascii_isdigit (last) || last == 'X' || last == 'x';
}

static gboolean
id_check_birth_date (const char  *value,
                     GError     **error)
{
  guint year = 0, month = 0, day = 0;
  GDate birth, today;

  read_number (value + 6, 4, &year);
  read_number (value + 10, 2, &month);
  read_number (value + 12, 2, &day);

  if (!make_date (year, month, day, &birth))
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE,
                           _("Resident ID number contains a birth date that does not exist"));
      return FALSE;
    }

  if (year < DATE_MIN_YEAR)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE,
                           _("Resident ID number contains a birth date before 1900"));
      return FALSE;
    }

  get_today (&today);
  if (g_date_compare (&birth, &today) > 0)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE,
                           _("Resident ID number contains a birth date in the future"));
      return FALSE;
    }

  return TRUE;
}

/* Copies the digits of @s into @out, allowing runs of spaces and hyphens
 * between digits but nowhere else. */
static gboolean
collect_phone_digits (const char *s,
                      char       *out,
                      gsize       out_size)
{
  gsize n = 0;
  gboolean after_separator = FALSE;

  for (; *s != '\0'; s++)
    {
      if (g_ascii_isdigit (*s) && n + 1 < out_size)
        {
          out[n++] = *s;
          after_separator = FALSE;
        }
      else if ((*s == ' ' || *s == '-') && n > 0)
        after_separator = TRUE;
      else
        return FALSE;
    }

  out[n] = '\0';
  return n > 0 && !after_separator;
}

static gboolean
is_mobile_digits (const char *digits)
{
  return strlen (digits) == 11
         && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

static gboolean
phone_is_mobile (const char *s)
{
  char digits[PHONE_MAX_DIGITS];
  gboolean plus = (*s == '+');

  if (!collect_phone_digits (plus ? s + 1 : s, digits, sizeof digits))
    return FALSE;

  if (g_str_has_prefix (digits, "86") && (plus || strlen (digits) == 13))
    return is_mobile_digits (digits + 2);

  return !plus && is_mobile_digits (digits);
}

static gsize
digit_run (const char *s)
{
  gsize n = 0;

  while (g_ascii_isdigit (s[n]))
    n++;

  return n;
}

/* 0 + 2–3 digit area code, optional "-" or " ", 7–8 digits, then an
 * optional "-" extension of 1–6 digits. */
static gboolean
phone_is_landline (const char *s)
{
  gsize n = digit_run (s);

  if (s[0] != '0')
    return FALSE;

  if ((s[n] == '-' || s[n] == ' ') && n >= 3 && n <= 4)
    {
      s += n + 1;
      n = digit_run (s);
      if (n < 7 || n > 8)
        return FALSE;
    }
  else if (n < 10 || n > 12)
    return FALSE;

  s += n;
  if (*s == '\0')
    return TRUE;

  n = digit_run (s + 1);
  return *s == '-' && n >= 1 && n <= 6 && s[n + 1] == '\0';
}

static char *
stars (gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, '*', n);
  s[n] = '\0';
  return s;
}

/* Keeps @head and @tail characters (code points) of @value and replaces
 * each character between them with '*'. */
static char *
mask_middle (const char *value,
             glong       head,
             glong       tail)
{
  glong n_chars = g_utf8_strlen (value, -1);
  const char *head_end = g_utf8_offset_to_pointer (value, head);
  const char *tail_start = g_utf8_offset_to_pointer (value, n_chars - tail);
  g_autofree char *middle = stars ((gsize) (n_chars - head - tail));
  GString *out = g_string_new_len (value, head_end - value);

  g_string_append (out, middle);
  g_string_append (out, tail_start);
  return g_string_free (out, FALSE);
}

/* Public API */

/**
 * accord_validate_text:
 * @field: the translated name of the field, used in the message
 * @value: (nullable): the text to check
 * @max_chars: the largest allowed length in characters
 * @required: whether an empty or blank value is an error
 * @error: return location for an error in %ACCORD_VALIDATE_ERROR
 *
 * Returns: %TRUE if @value is acceptable
 */
gboolean
accord_validate_text (const char  *field,
                      const char  *value,
                      gsize        max_chars,
                      gboolean     required,
                      GError     **error)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_ENCODING,
                   _("%s is not valid UTF-8"), field);
      return FALSE;
    }

  if (is_blank (value))
    {
      if (!required)
        return TRUE;

      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED,
                   _("%s is required"), field);
      return FALSE;
    }

  return check_characters (field, value, max_chars, error);
}

/**
 * accord_validate_id_number:
 * @value: (nullable): a resident ID number, normalized with
 *   accord_normalize_id_number() (surrounding spaces are not accepted)
 * @error: return location for an error in %ACCORD_VALIDATE_ERROR
 *
 * Checks a GB 11643-1999 number: shape and area code (FORMAT), birth date
 * (DATE), then the check character (CHECKSUM). An empty value is REQUIRED.
 *
 * Returns: %TRUE if @value is a plausible resident ID number
 */
gboolean
accord_validate_id_number (const char  *value,
                           GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value == NULL || *value == '\0')
    {
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED,
                   _("%s is required"), _("Resident ID number"));
      return FALSE;
    }

  if (!id_has_valid_shape (value))
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("Resident ID number must have 18 characters: 17 digits and a check digit or X"));
      return FALSE;
    }

  if (value[0] < '1' || value[0] > '8')
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("Resident ID number starts with an area code that does not exist"));
      return FALSE;
    }

  if (!id_check_birth_date (value, error))
    return FALSE;

  if (g_ascii_toupper (value[ID_NUMBER_LENGTH - 1]) != id_check_char_unchecked (value))
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_CHECKSUM,
                           _("Resident ID number has a wrong check character"));
      return FALSE;
    }

  return TRUE;
}

/**
 * accord_validate_phone:
 * @value: (nullable): a phone number
 * @error: return location for an error in %ACCORD_VALIDATE_ERROR
 *
 * Accepts a mobile number (optionally with +86 or 86, spaces and hyphens)
 * or a landline with its area code and an optional extension. Service
 * numbers such as 12345 are refused. An empty value is REQUIRED.
 *
 * Returns: %TRUE if @value is acceptable
 */
gboolean
accord_validate_phone (const char  *value,
                       GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));
  if (*trimmed == '\0')
    {
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED,
                   _("%s is required"), _("Phone number"));
      return FALSE;
    }

  if (phone_is_mobile (trimmed) || phone_is_landline (trimmed))
    return TRUE;

  g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                       _("Phone number must be a Chinese mobile number (11 digits starting with 1) or a landline with its area code, such as 010-12345678"));
  return FALSE;
}

/**
 * accord_validate_date:
 * @field: the translated name of the field, used in the message
 * @value: (nullable): a date written as YYYY-MM-DD
 * @error: return location for an error in %ACCORD_VALIDATE_ERROR
 *
 * Returns: %TRUE if @value is a real date between 1900 and 2999
 */
/* A case's date of receipt: a date, and not after @today. */
gboolean
accord_validate_received_on (const char  *value,
                             const char  *today,
                             GError     **error)
{
  g_return_val_if_fail (today != NULL, FALSE);

  if (!accord_validate_date (_("Received date"), value, error))
    return FALSE;
  if (strcmp (value, today) > 0)
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE,
                           _("Received date cannot be in the future"));
      return FALSE;
    }
  return TRUE;
}

gboolean
accord_validate_date (const char  *field,
                      const char  *value,
                      GError     **error)
{
  guint year, month, day;
  GDate date;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value == NULL || !has_iso_date_shape (value, &year, &month, &day))
    {
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                   _("%s must be a date written as YYYY-MM-DD"), field);
      return FALSE;
    }

  if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR)
    {
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE,
                   _("%s must be a date between the years 1900 and 2999"), field);
      return FALSE;
    }

  if (!make_date (year, month, day, &date))
    {
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE,
                   _("%s is not a real date"), field);
      return FALSE;
    }

  return TRUE;
}

/**
 * accord_id_number_check_char:
 * @first17: (nullable): exactly 17 digits
 *
 * Returns: the GB 11643-1999 check character ('0'–'9' or 'X'), or '\0'
 *   if @first17 is not exactly 17 digits
 */
char
accord_id_number_check_char (const char *first17)
{
  if (first17 == NULL || strlen (first17) != ID_NUMBER_LENGTH - 1)
    return '\0';
  if (!all_digits (first17, ID_NUMBER_LENGTH - 1))
    return '\0';

  return id_check_char_unchecked (first17);
}

/**
 * accord_normalize_id_number:
 * @value: (nullable): a resident ID number as typed
 *
 * Returns: (transfer full) (nullable): @value without surrounding
 *   whitespace and with 'x' upper-cased
 */
char *
accord_normalize_id_number (const char *value)
{
  char *normalized;

  if (value == NULL)
    return NULL;

  normalized = g_strstrip (g_strdup (value));
  for (char *p = normalized; *p != '\0'; p++)
    if (*p == 'x')
      *p = 'X';

  return normalized;
}

/**
 * accord_mask_id_number:
 * @value: (nullable): a resident ID number
 *
 * Keeps the area code and the last four characters of an 18-character
 * number; other values keep two characters at each end.
 *
 * Returns: (transfer full) (nullable): the masked value
 */
char *
accord_mask_id_number (const char *value)
{
  glong n_chars;

  if (value == NULL)
    return NULL;
  if (!g_utf8_validate (value, -1, NULL))
    return g_strdup ("****");

  n_chars = g_utf8_strlen (value, -1);
  if (n_chars == ID_NUMBER_LENGTH)
    return mask_middle (value, 6, 4);
  if (n_chars < 5)
    return stars ((gsize) n_chars);

  return mask_middle (value, 2, 2);
}

/**
 * accord_mask_phone:
 * @value: (nullable): a phone number
 *
 * Keeps the first three and last four digits, ignoring separators and a
 * +86 country code, and replaces each digit between with '*'. Values with
 * fewer than 8 digits become one '*' per digit.
 *
 * Returns: (transfer full) (nullable): the masked value
 */
char *
accord_mask_phone (const char *value)
{
  g_autoptr(GString) digits = NULL;
  const char *kept;

  if (value == NULL)
    return NULL;

  digits = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  kept = digits->str;
  if (digits->len == 13 && g_str_has_prefix (kept, "861"))
    kept += 2;

  if (strlen (kept) < 8)
    return stars (strlen (kept));

  return mask_middle (kept, 3, 4);
}

/**
 * accord_mask_address:
 * @value: (nullable): an address
 *
 * Keeps the first six characters (typically province and city or district)
 * and replaces the rest with "****"; shorter values keep two characters.
 *
 * Returns: (transfer full) (nullable): the masked value
 */
char *
accord_mask_address (const char *value)
{
  glong n_chars;
  const char *end;

  if (value == NULL)
    return NULL;
  if (*value == '\0')
    return g_strdup ("");
  if (!g_utf8_validate (value, -1, NULL))
    return g_strdup ("****");

  n_chars = g_utf8_strlen (value, -1);
  end = g_utf8_offset_to_pointer (value, MIN (n_chars, n_chars > 6 ? 6 : 2));
  return g_strdup_printf ("%.*s****", (int) (end - value), value);
}

/**
 * accord_today:
 *
 * The local date, or the value of the ACCORD_TODAY environment variable
 * when it holds a valid YYYY-MM-DD date (for tests).
 *
 * Returns: (transfer full): today as YYYY-MM-DD
 */
char *
accord_today (void)
{
  GDate today;

  get_today (&today);
  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (&today),
                          (guint) g_date_get_month (&today),
                          (guint) g_date_get_day (&today));
}
