/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-money"

#include <glib.h>

#include "accord-money.h"
#include "accord-validate.h"

typedef struct
{
  gint64      fen;
  const char *capital;
} CapitalVector;

/* The first five are the examples of 《支付结算办法》annex 1, rule 4
 * (with 整 after 角, which the rules allow and we always write). */
static const CapitalVector capital_vectors[] = {
  { G_GINT64_CONSTANT (140950), "壹仟肆佰零玖元伍角整" },
  { G_GINT64_CONSTANT (600714), "陆仟零柒元壹角肆分" },
  { G_GINT64_CONSTANT (168032), "壹仟陆佰捌拾元零叁角贰分" },
  { G_GINT64_CONSTANT (10700053), "壹拾万柒仟元零伍角叁分" },
  { G_GINT64_CONSTANT (1640902), "壹万陆仟肆佰零玖元零贰分" },
  { G_GINT64_CONSTANT (32504), "叁佰贰拾伍元零肆分" },
  { G_GINT64_CONSTANT (0), "零元整" },
  { G_GINT64_CONSTANT (1), "壹分" },
  { G_GINT64_CONSTANT (5), "伍分" },
  { G_GINT64_CONSTANT (50), "伍角整" },
  { G_GINT64_CONSTANT (15), "壹角伍分" },
  { G_GINT64_CONSTANT (100), "壹元整" },
  { G_GINT64_CONSTANT (105), "壹元零伍分" },
  { G_GINT64_CONSTANT (1005), "壹拾元零伍分" },
  { G_GINT64_CONSTANT (1050), "壹拾元零伍角整" },
  { G_GINT64_CONSTANT (1000), "壹拾元整" },
  { G_GINT64_CONSTANT (1100), "壹拾壹元整" },
  { G_GINT64_CONSTANT (11000), "壹佰壹拾元整" },
  { G_GINT64_CONSTANT (10100), "壹佰零壹元整" },
  { G_GINT64_CONSTANT (100100), "壹仟零壹元整" },
  { G_GINT64_CONSTANT (1000000), "壹万元整" },
  { G_GINT64_CONSTANT (10000000), "壹拾万元整" },
  { G_GINT64_CONSTANT (22000000), "贰拾贰万元整" },
  { G_GINT64_CONSTANT (1000100), "壹万零壹元整" },
  { G_GINT64_CONSTANT (1010000), "壹万零壹佰元整" },
  { G_GINT64_CONSTANT (100000000), "壹佰万元整" },
  { G_GINT64_CONSTANT (1000000000), "壹仟万元整" },
  { G_GINT64_CONSTANT (1000070000), "壹仟万零柒佰元整" },
  { G_GINT64_CONSTANT (10000000000), "壹亿元整" },
  { G_GINT64_CONSTANT (10001000000), "壹亿零壹万元整" },
  { G_GINT64_CONSTANT (10000700000), "壹亿零柒仟元整" },
  { G_GINT64_CONSTANT (10700000000), "壹亿零柒佰万元整" },
  { G_GINT64_CONSTANT (17000000000), "壹亿柒仟万元整" },
  { G_GINT64_CONSTANT (107000000000), "壹拾亿柒仟万元整" },
  { G_GINT64_CONSTANT (100000000100), "壹拾亿零壹元整" },
  { G_GINT64_CONSTANT (100000000000000) - 1,
    "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
};

typedef struct
{
  const char *text;
  gint64      fen;
} ParseVector;

static const ParseVector parse_accepted[] = {
  { "1409.5", G_GINT64_CONSTANT (140950) },
  { "1409.50", G_GINT64_CONSTANT (140950) },
  { "1,409.50", G_GINT64_CONSTANT (140950) },
  { "¥1409.50", G_GINT64_CONSTANT (140950) },
  { "￥ 1 409.50", G_GINT64_CONSTANT (140950) },
  { "１４０９．５０", G_GINT64_CONSTANT (140950) },
  { "１，４０９．５", G_GINT64_CONSTANT (140950) },
  { "  1409  ", G_GINT64_CONSTANT (140900) },
  { "\u3000￥1409\u3000", G_GINT64_CONSTANT (140900) },
  { "0", G_GINT64_CONSTANT (0) },
  { "0.05", G_GINT64_CONSTANT (5) },
  { "220000", G_GINT64_CONSTANT (22000000) },
  { "1,000,000", G_GINT64_CONSTANT (100000000) },
  { "999999999999.99", G_GINT64_CONSTANT (99999999999999) },
  { "999,999,999,999.99", G_GINT64_CONSTANT (99999999999999) },
  { "000000000000001.00", G_GINT64_CONSTANT (100) },
};

static const char * const parse_refused[] = {
  "", "   ", "¥", "-1", "-1409.50", "+5", "1409.505", "1409.", ".5",
  "abc", "12a", "1e3", "1409,50", "14,09", "1,,409", "1, 409", ",1409",
  "1409,", "1.2.3", "1..5", "1 409 .5", "¥¥5", "5¥", "5元", "0x10",
  "１４０９．５０５", "NaN", "inf",
};

static const char * const parse_too_large[] = {
  "1000000000000", "1,000,000,000,000.00", "999999999999999999999999999999",
};

static void
test_capital_vectors (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (capital_vectors); i++)
    {
      g_autofree char *capital = accord_money_capital (capital_vectors[i].fen);

      g_test_message ("%" G_GINT64_FORMAT " fen", capital_vectors[i].fen);
      g_assert_cmpstr (capital, ==, capital_vectors[i].capital);
    }
}

static void
test_capital_max (void)
{
  g_autofree char *max = accord_money_capital (ACCORD_MONEY_MAX_FEN);

  g_assert_cmpint (ACCORD_MONEY_MAX_FEN, ==, G_GINT64_CONSTANT (99999999999999));
  g_assert_cmpstr (max, ==, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
  g_assert_null (accord_money_capital (ACCORD_MONEY_MAX_FEN + 1));
  g_assert_null (accord_money_capital (-1));
  g_assert_null (accord_money_capital (G_MININT64));
  g_assert_null (accord_money_capital (G_MAXINT64));
}

static gboolean
has_doubled_zero (const char *s)
{
  return g_strstr_len (s, -1, "零零") != NULL;
}

/* Every amount with a few digits set: never two 零 in a row, never a
 * leading 零 except for 零元整, 整 exactly when the fen are zero, and the
 * digit count never exceeds the number's digits. */
static void
test_capital_invariants (void)
{
  for (gint64 fen = 0; fen <= 2000000; fen += 7)
    {
      g_autofree char *capital = accord_money_capital (fen);

      g_assert_nonnull (capital);
      g_assert_false (has_doubled_zero (capital));
      if (fen != 0)
        g_assert_false (g_str_has_prefix (capital, "零"));
      g_assert_true (g_str_has_suffix (capital, "整") == (fen % 10 == 0));
      g_assert_true (g_str_has_suffix (capital, "分") == (fen % 10 != 0));
    }
}

static void
test_figures (void)
{
  static const CapitalVector vectors[] = {
    { 0, "0.00" },
    { 1, "0.01" },
    { 50, "0.50" },
    { 100, "1.00" },
    { 99999, "999.99" },
    { 100000, "1,000.00" },
    { 140950, "1,409.50" },
    { 10700053, "107,000.53" },
    { 22000000, "220,000.00" },
    { 100000000, "1,000,000.00" },
    { G_GINT64_CONSTANT (99999999999999), "999,999,999,999.99" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autofree char *figures = accord_money_figures (vectors[i].fen);

      g_assert_cmpstr (figures, ==, vectors[i].capital);
    }

  g_assert_null (accord_money_figures (-1));
  g_assert_null (accord_money_figures (ACCORD_MONEY_MAX_FEN + 1));
  g_assert_null (accord_money_figures (G_MININT64));
  g_assert_null (accord_money_figures (G_MAXINT64));
}

static void
test_parse_accepts (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (parse_accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;

      g_test_message ("accepts “%s”", parse_accepted[i].text);
      g_assert_true (accord_money_parse_yuan (parse_accepted[i].text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, parse_accepted[i].fen);
    }

  g_assert_true (accord_money_parse_yuan ("1409.50", NULL, NULL));
}

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -1;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    g_test_message ("refuses “%s”", text != NULL ? text : "(null)");
  g_assert_false (accord_money_parse_yuan (text, &fen, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (fen, ==, -1);
}

static void
test_parse_refuses (void)
{
  const char *format = "Amount must be a sum in yuan with at most two decimals, such as 1409.50";
  const char *too_large = "Amount must not be more than 999,999,999,999.99 yuan";

  for (gsize i = 0; i < G_N_ELEMENTS (parse_refused); i++)
    assert_refused (parse_refused[i], format);
  for (gsize i = 0; i < G_N_ELEMENTS (parse_too_large); i++)
    assert_refused (parse_too_large[i], too_large);

  assert_refused (NULL, format);
  assert_refused ("14\xff" "09", format);
  assert_refused ("\xe2\x82", format);
  g_assert_false (accord_money_parse_yuan ("x", NULL, NULL));
}

/* Figures written by accord_money_figures() read back to the same fen. */
static void
test_parse_round_trip (void)
{
  static const gint64 amounts[] = {
    0, 1, 10, 99, 100, 140950, 600714, 10700053, 22000000,
    G_GINT64_CONSTANT (99999999999999),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *figures = accord_money_figures (amounts[i]);
      gint64 fen = -1;

      g_assert_true (accord_money_parse_yuan (figures, &fen, NULL));
      g_assert_cmpint (fen, ==, amounts[i]);
    }
}

static void
test_date_chinese (void)
{
  static const char * const invalid[] = {
    "", "2026-1-5", "2026-13-01", "2026-02-29", "2026-00-10", "2026-01-32",
    "20260105", "2026/01/05", "1899-12-31", "abcd-ef-gh", "2026-01-05x",
  };
  g_autofree char *a = accord_date_chinese ("2026-11-21");
  g_autofree char *b = accord_date_chinese ("2026-01-05");
  g_autofree char *c = accord_date_chinese ("2028-02-29");
  g_autofree char *d = accord_date_chinese ("2000-10-10");

  g_assert_cmpstr (a, ==, "2026年11月21日");
  g_assert_cmpstr (b, ==, "2026年1月5日");
  g_assert_cmpstr (c, ==, "2028年2月29日");
  g_assert_cmpstr (d, ==, "2000年10月10日");
  g_assert_null (accord_date_chinese (NULL));

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_null (accord_date_chinese (invalid[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/capital/vectors", test_capital_vectors);
  g_test_add_func ("/money/capital/max", test_capital_max);
  g_test_add_func ("/money/capital/invariants", test_capital_invariants);
  g_test_add_func ("/money/figures", test_figures);
  g_test_add_func ("/money/parse/accepts", test_parse_accepts);
  g_test_add_func ("/money/parse/refuses", test_parse_refuses);
  g_test_add_func ("/money/parse/round-trip", test_parse_round_trip);
  g_test_add_func ("/money/date-chinese", test_date_chinese);

  return g_test_run ();
}
