/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-money"

#include <string.h>

#include <glib/gi18n.h>

#include "accord-money.h"
#include "accord-validate.h"

/* Money is written the way the People's Bank of China requires for bills
 * and settlement vouchers: 《支付结算办法》(银发〔1997〕393号), annex 1
 * 《正确填写票据和结算凭证的基本规定》. The rule numbers below refer to
 * that annex; where a rule leaves a choice, the choice is stated. */

#define FEN_PER_YUAN 100
#define MAX_YUAN (ACCORD_MONEY_MAX_FEN / FEN_PER_YUAN)
#define DIGITS_PER_GROUP 4
#define N_GROUPS 3
#define SIGN_MARK '$'

static const char * const capital_digits[] = {
  "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
};

/* Units inside a group of four digits, lowest first */
static const char * const capital_units[] = { "", "拾", "佰", "仟" };

/* Units between groups, lowest first */
static const char * const capital_groups[] = { "", "万", "亿" };

/* Helpers */

static gboolean
amount_is_valid (gint64 fen)
{
  return fen >= 0 && fen <= ACCORD_MONEY_MAX_FEN;
}

/* Writes one group (1–9999) without its leading zeros. Inside the group a
 * run of zeros between two digits becomes one 零 (rule 4.1, 4.2: 1409 is
 * 壹仟肆佰零玖, 6007 is 陆仟零柒); trailing zeros are not written. Every
 * digit is written with its unit, so a leading 1 in the tens is 壹拾
 * (10 is 壹拾, never 拾: the bank practice that prevents a digit being
 * added in front). */
static void
append_group (GString *out,
              guint    value)
{
  gboolean zero_pending = FALSE;
  gboolean started = FALSE;

  for (int pos = DIGITS_PER_GROUP - 1; pos >= 0; pos--)
    {
      guint digit = value;

      for (int i = 0; i < pos; i++)
        digit /= 10;
      digit %= 10;

      if (digit == 0)
        {
          zero_pending = started;
          continue;
        }

      if (zero_pending)
        g_string_append (out, capital_digits[0]);
      g_string_append (out, capital_digits[digit]);
      g_string_append (out, capital_units[pos]);
      zero_pending = FALSE;
      started = TRUE;
    }
}

/* Writes the whole yuan (> 0) in groups of four digits joined by 万 and 亿.
 * Zeros that cross a group boundary become one 零 when the next group has
 * no thousands digit (100,010,000 is 壹亿零壹万) or when a whole group is
 * zero (1,000,000,001 is 壹拾亿零壹, 100,007,000 is 壹亿零柒仟). When only
 * the trailing zeros of the group just above stand before a non-zero
 * thousands digit, rule 4.3 allows writing one 零 or none; we write none,
 * as in the rule's own example 107,000.53 → 壹拾万柒仟元零伍角叁分. */
static void
append_yuan (GString *out,
             gint64   yuan)
{
  guint groups[N_GROUPS];
  gboolean started = FALSE;
  gboolean group_skipped = FALSE;

  for (int g = 0; g < N_GROUPS; g++)
    {
      groups[g] = (guint) (yuan % 10000);
      yuan /= 10000;
    }

  for (int g = N_GROUPS - 1; g >= 0; g--)
    {
      if (groups[g] == 0)
        {
          group_skipped = started;
          continue;
        }

      if (started && (group_skipped || groups[g] < 1000))
        g_string_append (out, capital_digits[0]);
      append_group (out, groups[g]);
      g_string_append (out, capital_groups[g]);
      started = TRUE;
      group_skipped = FALSE;
    }
}

/* Jiao and fen after the yuan. A 零 goes between 元 and what follows when
 * the jiao is zero but the fen is not (rule 4.4, required: 1.05 is
 * 壹元零伍分) and when the units digit of the yuan is zero but the jiao is
 * not (rule 4.3 allows one 零 or none; we write it: 1,680.32 is
 * 壹仟陆佰捌拾元零叁角贰分). Rule 2: 整 follows an amount that ends in 元;
 * it may be left out after 角 but we write it (0.50 is 伍角整), so that
 * nothing can be added after it; it never follows 分. */
static void
append_decimals (GString *out,
                 gint64   yuan,
                 guint    jiao,
                 guint    fen)
{
  if (yuan > 0 && (jiao > 0 || fen > 0) && (jiao == 0 || yuan % 10 == 0))
    g_string_append (out, capital_digits[0]);

  if (jiao > 0)
    {
      g_string_append (out, capital_digits[jiao]);
      g_string_append (out, "角");
    }

  if (fen > 0)
    {
      g_string_append (out, capital_digits[fen]);
      g_string_append (out, "分");
    }
  else
    {
      g_string_append (out, "整");
    }
}

static void
set_format_error (GError **error)
{
  g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                       _("Amount must be a sum in yuan with at most two decimals, such as 1409.50"));
}

static void
set_too_large_error (GError **error)
{
  g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                       _("Amount must not be more than 999,999,999,999.99 yuan"));
}

/* Maps what a person may type to ASCII: digits (also full-width), the
 * decimal point (also full-width), the yuan sign (¥ or ￥) as SIGN_MARK,
 * commas (also full-width) and spaces as group separators. Anything else
 * maps to '\0'. */
static char
map_char (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (char) c;
  if (c >= 0xFF10 && c <= 0xFF19)
    return (char) ('0' + (c - 0xFF10));

  switch (c)
    {
    case '.': case 0xFF0E:
      return '.';
    case ',': case 0xFF0C:
      return ',';
    case 0x00A5: case 0xFFE5:
      return SIGN_MARK;
    default:
      return g_unichar_isspace (c) ? ' ' : '\0';
    }
}

static char *
normalize_amount (const char *text)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  char *start;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char c = map_char (g_utf8_get_char (p));

      if (c == '\0')
        return NULL;
      g_string_append_c (ascii, c);
    }

  g_strstrip (ascii->str);
  start = ascii->str;
  if (*start == SIGN_MARK)
    start = g_strchug (start + 1);

  return g_strdelimit (g_strdup (start), " ", ',');
}

/* Digits in groups of three after the first when separators are used:
 * "1409", "1,409" and "1 409" pass, "14,09" and "1,,409" do not. */
static gboolean
integer_part_is_valid (const char *s,
                       gsize       len)
{
  gsize run = 0;
  gboolean grouped = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (s[i]))
        {
          run++;
          continue;
        }
      if (s[i] != ',' || run == 0 || run > 3 || (grouped && run != 3))
        return FALSE;
      grouped = TRUE;
      run = 0;
    }

  return run > 0 && (!grouped || run == 3);
}

static gboolean
fraction_is_valid (const char *s)
{
  gsize len = strlen (s);

  return len >= 1 && len <= 2 && g_ascii_isdigit (s[0])
         && (len == 1 || g_ascii_isdigit (s[1]));
}

/* Splits a normalized amount at the point; FALSE if its shape is wrong. */
static gboolean
split_amount (const char  *ascii,
              gsize       *integer_len,
              const char **fraction)
{
  const char *point = strchr (ascii, '.');

  *integer_len = point != NULL ? (gsize) (point - ascii) : strlen (ascii);
  *fraction = point != NULL ? point + 1 : "";

  return integer_part_is_valid (ascii, *integer_len)
         && (point == NULL || fraction_is_valid (*fraction));
}

/* FALSE when the yuan exceed MAX_YUAN; stops before gint64 can overflow. */
static gboolean
read_yuan (const char *s,
           gsize       len,
           gint64     *out)
{
  gint64 yuan = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == ',')
        continue;
      yuan = yuan * 10 + (s[i] - '0');
      if (yuan > MAX_YUAN)
        return FALSE;
    }

  *out = yuan;
  return TRUE;
}

static gint64
read_fraction (const char *s)
{
  gint64 fen = 0;

  if (s[0] != '\0')
    fen += (s[0] - '0') * 10;
  if (s[0] != '\0' && s[1] != '\0')
    fen += s[1] - '0';

  return fen;
}

/* Public API */

/**
 * accord_money_figures:
 * @fen: an amount in fen
 *
 * Writes @fen in figures with thousands separators and always two
 * decimals: 140950 is "1,409.50", 0 is "0.00".
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL if @fen is
 *   negative or more than %ACCORD_MONEY_MAX_FEN
 */
char *
accord_money_figures (gint64 fen)
{
  g_autofree char *digits = NULL;
  GString *out;
  gsize len;

  if (!amount_is_valid (fen))
    return NULL;

  digits = g_strdup_printf ("%" G_GINT64_FORMAT, fen / FEN_PER_YUAN);
  len = strlen (digits);
  out = g_string_sized_new (len + len / 3 + 4);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, ".%02d", (int) (fen % FEN_PER_YUAN));

  return g_string_free (out, FALSE);
}

/**
 * accord_money_capital:
 * @fen: an amount in fen
 *
 * Writes @fen in capital Chinese numerals (大写金额) as the People's Bank
 * of China requires: 140950 is 壹仟肆佰零玖元伍角整, 0 is 零元整. The
 * caller puts 人民币 in front where the document has no printed label
 * (rule 3).
 *
 * Returns: (transfer full) (nullable): the capital amount, or %NULL if
 *   @fen is negative or more than %ACCORD_MONEY_MAX_FEN
 */
char *
accord_money_capital (gint64 fen)
{
  GString *out;
  gint64 yuan;
  guint jiao, cents;

  if (!amount_is_valid (fen))
    return NULL;

  if (fen == 0)
    return g_strdup ("零元整");

  yuan = fen / FEN_PER_YUAN;
  jiao = (guint) (fen % FEN_PER_YUAN / 10);
  cents = (guint) (fen % 10);
  out = g_string_new (NULL);

  if (yuan > 0)
    {
      append_yuan (out, yuan);
      g_string_append (out, "元");
    }
  append_decimals (out, yuan, jiao, cents);

  return g_string_free (out, FALSE);
}

/**
 * accord_money_parse_yuan:
 * @text: (nullable): an amount in yuan as a person types it
 * @fen: (out) (optional): the amount in fen
 * @error: return location for an error in %ACCORD_VALIDATE_ERROR
 *
 * Accepts "1409.5", "1,409.50", "¥1409.50", "￥ 1 409.50" and full-width
 * "１４０９．５０": an optional yuan sign, digits optionally grouped by
 * threes with commas or spaces, and at most two decimals. Refuses an empty
 * text, a sign (+ or -), letters, a bare point, more than two decimals and
 * more than %ACCORD_MONEY_MAX_FEN, with %ACCORD_VALIDATE_ERROR_FORMAT.
 * Never uses floating point.
 *
 * Returns: %TRUE if @text is a valid amount
 */
gboolean
accord_money_parse_yuan (const char  *text,
                         gint64      *fen,
                         GError     **error)
{
  g_autofree char *ascii = NULL;
  const char *fraction;
  gsize integer_len;
  gint64 yuan;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL)
      || (ascii = normalize_amount (text)) == NULL
      || !split_amount (ascii, &integer_len, &fraction))
    {
      set_format_error (error);
      return FALSE;
    }

  if (!read_yuan (ascii, integer_len, &yuan))
    {
      set_too_large_error (error);
      return FALSE;
    }

  if (fen != NULL)
    *fen = yuan * FEN_PER_YUAN + read_fraction (fraction);
  return TRUE;
}

/**
 * accord_date_chinese:
 * @iso_date: (nullable): a date written as YYYY-MM-DD
 *
 * Writes a date the way official documents do (GB/T 9704-2012): Arabic
 * numerals without leading zeros, 2026-01-05 is 2026年1月5日.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL if @iso_date is
 *   not a real date between 1900 and 2999
 */
char *
accord_date_chinese (const char *iso_date)
{
  guint year, month, day;

  if (iso_date == NULL || !accord_validate_date ("Date", iso_date, NULL))
    return NULL;

  /* Shape already checked: YYYY-MM-DD, all digits */
  year = (guint) g_ascii_strtoull (iso_date, NULL, 10);
  month = (guint) g_ascii_strtoull (iso_date + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (iso_date + 8, NULL, 10);

  return g_strdup_printf ("%u年%u月%u日", year, month, day);
}
