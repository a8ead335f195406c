/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-validate"

#include <string.h>

#include <glib.h>

#include "accord-validate.h"

#define FAKE_TODAY "2026-03-15"

/* Personal data must never end up in a message. Very short values are
 * skipped because they can occur by chance (e.g. "18" in "18 characters"). */
static void
assert_message_hides (const GError *error,
                      const char   *value)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  if (value != NULL && strlen (value) >= 5)
    g_assert_null (strstr (error->message, value));
}

static void
assert_id_valid (const char *value)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("valid ID %s", value);
  g_assert_true (accord_validate_id_number (value, &error));
  g_assert_no_error (error);
}

static void
assert_id_invalid (const char *value,
                   int         code)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("invalid ID %s", value ? value : "(null)");
  g_assert_false (accord_validate_id_number (value, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, code);
  assert_message_hides (error, value);
}

static void
assert_phone_valid (const char *value)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("valid phone %s", value);
  g_assert_true (accord_validate_phone (value, &error));
  g_assert_no_error (error);
}

static void
assert_phone_invalid (const char *value,
                      int         code)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("invalid phone %s", value ? value : "(null)");
  g_assert_false (accord_validate_phone (value, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, code);
  assert_message_hides (error, value);
}

static void
assert_date (const char *value,
             int         code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = accord_validate_date ("Date received", value, &error);

  g_test_message ("date %s", value ? value : "(null)");
  if (code < 0)
    {
      g_assert_true (ok);
      g_assert_no_error (error);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, ACCORD_VALIDATE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "Date received"));
}

static void
assert_masked (char       *(*mask) (const char *),
               const char  *value,
               const char  *expected)
{
  g_autofree char *masked = mask (value);

  g_assert_cmpstr (masked, ==, expected);
}

/* ID numbers */

static void
test_id_valid (void)
{
  static const char * const valid[] = {
    "11010519491231002X",
    "31011519800101018X",
    "22010219751115007X",
    "53010220101009004X",
    "11010519491231002x",
    "440304200002291236",
    "310115198001010016",
    "510107199007071233",
    "650102201212254564",
    "810000199912310004",
    "320583201003150092",
    "120101190001010016",
    "110105202603150015", /* born on FAKE_TODAY */
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_id_valid (valid[i]);
}

static void
test_id_format (void)
{
  assert_id_invalid ("11010519491231002", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("11010519491231002XX", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("110105194912310", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("1101051949123100211", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("1101A5194912310021", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("11010519491231X021", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("11010519491231002Y", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_id_invalid (" 11010519491231002X", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("１10105194912310021", ACCORD_VALIDATE_ERROR_FORMAT);
  /* Area codes start with 1–8. */
  assert_id_invalid ("010105194912310021", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("910105194912310021", ACCORD_VALIDATE_ERROR_FORMAT);
}

static void
test_id_required (void)
{
  assert_id_invalid (NULL, ACCORD_VALIDATE_ERROR_REQUIRED);
  assert_id_invalid ("", ACCORD_VALIDATE_ERROR_REQUIRED);
}

static void
test_id_checksum (void)
{
  assert_id_invalid ("110105194912310021", ACCORD_VALIDATE_ERROR_CHECKSUM);
  assert_id_invalid ("110105194912310020", ACCORD_VALIDATE_ERROR_CHECKSUM);
  assert_id_invalid ("440304200002291230", ACCORD_VALIDATE_ERROR_CHECKSUM);
  assert_id_invalid ("44030420000229123X", ACCORD_VALIDATE_ERROR_CHECKSUM);
  /* Two swapped digits. */
  assert_id_invalid ("101105194912310021", ACCORD_VALIDATE_ERROR_CHECKSUM);
}

static void
test_id_date (void)
{
  /* All with a correct check character, so only the date is wrong. */
  assert_id_invalid ("110105194902300020", ACCORD_VALIDATE_ERROR_DATE);  /* Feb 30 */
  assert_id_invalid ("440304199902291236", ACCORD_VALIDATE_ERROR_DATE);  /* 1999 not leap */
  assert_id_valid ("440304200002291236");                                /* 2000 leap */
  assert_id_invalid ("110105189912310023", ACCORD_VALIDATE_ERROR_DATE);  /* 1899 */
  assert_id_invalid ("110105202603160010", ACCORD_VALIDATE_ERROR_DATE);  /* tomorrow */
  assert_id_invalid ("110105194913310016", ACCORD_VALIDATE_ERROR_DATE);  /* month 13 */
}

static void
test_id_check_char (void)
{
  g_assert_cmpint (accord_id_number_check_char ("11010519491231002"), ==, 'X');
  g_assert_cmpint (accord_id_number_check_char ("44030420000229123"), ==, '6');
  g_assert_cmpint (accord_id_number_check_char ("31011519800101001"), ==, '6');
  g_assert_cmpint (accord_id_number_check_char ("81000019991231000"), ==, '4');
  g_assert_cmpint (accord_id_number_check_char ("11010519491231001"), ==, '1');
  g_assert_cmpint (accord_id_number_check_char ("22010219751115007"), ==, 'X');
  g_assert_cmpint (accord_id_number_check_char (NULL), ==, '\0');
  g_assert_cmpint (accord_id_number_check_char (""), ==, '\0');
  g_assert_cmpint (accord_id_number_check_char ("1101051949123100"), ==, '\0');
  g_assert_cmpint (accord_id_number_check_char ("11010519491231002X"), ==, '\0');
  g_assert_cmpint (accord_id_number_check_char ("1101051949123100A"), ==, '\0');
}

static void
test_id_normalize (void)
{
  g_autofree char *a = accord_normalize_id_number ("  11010519491231002x \t");
  g_autofree char *b = accord_normalize_id_number ("440304200002291236");
  g_autofree char *c = accord_normalize_id_number ("");

  g_assert_cmpstr (a, ==, "11010519491231002X");
  g_assert_cmpstr (b, ==, "440304200002291236");
  g_assert_cmpstr (c, ==, "");
  g_assert_null (accord_normalize_id_number (NULL));
  assert_id_valid (a);
}

/* Phone numbers */

static void
test_phone_mobile (void)
{
  assert_phone_valid ("13812345678");
  assert_phone_valid ("19912345678");
  assert_phone_valid ("+8613812345678");
  assert_phone_valid ("+86 138 1234 5678");
  assert_phone_valid ("+86-138-1234-5678");
  assert_phone_valid ("8613812345678");
  assert_phone_valid ("86 13812345678");
  assert_phone_valid ("138-1234-5678");
  assert_phone_valid ("138 1234 5678");
  assert_phone_valid ("  13812345678  ");
}

static void
test_phone_landline (void)
{
  assert_phone_valid ("010-62345678");
  assert_phone_valid ("010 62345678");
  assert_phone_valid ("01062345678");
  assert_phone_valid ("021-6234567");
  assert_phone_valid ("0755-86013388");
  assert_phone_valid ("0571 8702345");
  assert_phone_valid ("075586013388");
  assert_phone_valid ("010-62345678-1234");
  assert_phone_valid ("0755-86013388-8");
  assert_phone_valid ("0755-86013388-123456");
}

static void
test_phone_invalid (void)
{
  assert_phone_invalid ("1381234567", ACCORD_VALIDATE_ERROR_FORMAT);       /* 10 digits */
  assert_phone_invalid ("138123456789", ACCORD_VALIDATE_ERROR_FORMAT);     /* 12 digits */
  assert_phone_invalid ("12812345678", ACCORD_VALIDATE_ERROR_FORMAT);      /* starts 12 */
  assert_phone_invalid ("11812345678", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("138abc45678", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("phone", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("12315", ACCORD_VALIDATE_ERROR_FORMAT);            /* service */
  assert_phone_invalid ("95588", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("+1 415 555 0100", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("+87 13812345678", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("-13812345678", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("13812345678-", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("010-623456", ACCORD_VALIDATE_ERROR_FORMAT);       /* 6 digits */
  assert_phone_invalid ("010-623456789", ACCORD_VALIDATE_ERROR_FORMAT);    /* 9 digits */
  assert_phone_invalid ("01-62345678", ACCORD_VALIDATE_ERROR_FORMAT);      /* short area */
  assert_phone_invalid ("01234-6234567", ACCORD_VALIDATE_ERROR_FORMAT);    /* long area */
  assert_phone_invalid ("010-62345678-", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("010-62345678-1234567", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("010-62345678 ext", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_phone_invalid ("", ACCORD_VALIDATE_ERROR_REQUIRED);
  assert_phone_invalid ("   ", ACCORD_VALIDATE_ERROR_REQUIRED);
  assert_phone_invalid (NULL, ACCORD_VALIDATE_ERROR_REQUIRED);
}

/* Text */

static void
test_text_required (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (accord_validate_text ("Title", NULL, 10, TRUE, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_clear_error (&error);

  g_assert_false (accord_validate_text ("Title", "", 10, TRUE, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED);
  g_clear_error (&error);

  g_assert_false (accord_validate_text ("Title", " \t\n\u3000 ", 10, TRUE, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED);
}

static void
test_text_optional (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_validate_text ("Notes", NULL, 10, FALSE, &error));
  g_assert_true (accord_validate_text ("Notes", "", 10, FALSE, &error));
  g_assert_true (accord_validate_text ("Notes", "   ", 10, FALSE, &error));
  g_assert_true (accord_validate_text ("Notes", "ok", 10, FALSE, NULL));
  g_assert_no_error (error);
}

static void
test_text_max_chars (void)
{
  /* Five code points but fifteen bytes. */
  const char *five = "信访事项单";
  g_autoptr(GError) error = NULL;

  g_assert_true (accord_validate_text ("Title", five, 5, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (accord_validate_text ("Title", "a\tb\r\nc", 6, TRUE, &error));
  g_assert_no_error (error);

  g_assert_false (accord_validate_text ("Title", five, 4, TRUE, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_assert_nonnull (strstr (error->message, "4"));
  assert_message_hides (error, five);
}

static void
test_text_encoding (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (accord_validate_text ("Name", "\xff\xfe", 10, FALSE, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_ENCODING);
  g_clear_error (&error);

  /* Checked before the length: the real problem is the encoding. */
  g_assert_false (accord_validate_text ("Name", "abcdef\xc3", 2, TRUE, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Name"));
}

static void
test_text_control (void)
{
  static const char * const bad[] = {
    "Zhang\x01San", "Zhang\x1bSan", "Zhang\x7fSan", "Zhang\xc2\x85San",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (accord_validate_text ("Name", bad[i], 100, TRUE, &error));
      g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
      assert_message_hides (error, bad[i]);
    }
}

static void
test_text_huge (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree char *huge = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;
  gint64 start;

  memset (huge, 'a', size);
  huge[size] = '\0';

  start = g_get_monotonic_time ();
  g_assert_false (accord_validate_text ("Description", huge, ACCORD_TEXT_MAX_CHARS, TRUE, &error));
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_TOO_LONG);
  g_assert_true (accord_validate_text ("Description", huge, G_MAXSIZE, TRUE, NULL));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpuint (strlen (error->message), <, 200);
}

/* Dates */

static void
test_date (void)
{
  assert_date ("2026-02-28", -1);
  assert_date ("2024-02-29", -1);
  assert_date ("2000-02-29", -1);
  assert_date ("1900-01-01", -1);
  assert_date ("2999-12-31", -1);
  assert_date ("2026-02-29", ACCORD_VALIDATE_ERROR_DATE);
  assert_date ("1900-02-29", ACCORD_VALIDATE_ERROR_DATE);
  assert_date ("2026-04-31", ACCORD_VALIDATE_ERROR_DATE);
  assert_date ("2026-13-01", ACCORD_VALIDATE_ERROR_DATE);
  assert_date ("2026-00-10", ACCORD_VALIDATE_ERROR_DATE);
  assert_date ("2026-01-00", ACCORD_VALIDATE_ERROR_DATE);
  assert_date ("1899-12-31", ACCORD_VALIDATE_ERROR_DATE);
  assert_date ("3000-01-01", ACCORD_VALIDATE_ERROR_DATE);
  assert_date ("2026-2-1", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_date ("2026/02/01", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_date ("20260201", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_date ("2026-02-01 ", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_date ("2026-02-0a", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_date ("", ACCORD_VALIDATE_ERROR_FORMAT);
  assert_date (NULL, ACCORD_VALIDATE_ERROR_FORMAT);
}

static void
test_today (void)
{
  g_autofree char *fake = accord_today ();
  g_autofree char *real = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_assert_cmpstr (fake, ==, FAKE_TODAY);

  g_setenv ("ACCORD_TODAY", "2026-02-30", TRUE);  /* invalid: ignored */
  now = g_date_time_new_now_local ();
  real = accord_today ();
  expected = g_date_time_format (now, "%Y-%m-%d");
  g_setenv ("ACCORD_TODAY", FAKE_TODAY, TRUE);

  g_assert_cmpstr (real, ==, expected);
}

/* Masking */

static void
test_mask_id (void)
{
  assert_masked (accord_mask_id_number, "11010519491231002X", "110105********002X");
  assert_masked (accord_mask_id_number, "440304200002291236", "440304********1236");
  assert_masked (accord_mask_id_number, "110105491231002", "11***********02");
  assert_masked (accord_mask_id_number, "12345", "12*45");
  assert_masked (accord_mask_id_number, "1234", "****");
  assert_masked (accord_mask_id_number, "", "");
  assert_masked (accord_mask_id_number, NULL, NULL);
}

static void
test_mask_phone (void)
{
  assert_masked (accord_mask_phone, "13812345678", "138****5678");
  assert_masked (accord_mask_phone, "138-1234-5678", "138****5678");
  assert_masked (accord_mask_phone, "+86 138 1234 5678", "138****5678");
  assert_masked (accord_mask_phone, "010-62345678", "010****5678");
  assert_masked (accord_mask_phone, "0755-86013388", "075*****3388");
  assert_masked (accord_mask_phone, "12345678", "123*5678");
  assert_masked (accord_mask_phone, "1234567", "*******");
  assert_masked (accord_mask_phone, "12315", "*****");
  assert_masked (accord_mask_phone, "", "");
  assert_masked (accord_mask_phone, NULL, NULL);
}

static void
test_mask_address (void)
{
  assert_masked (accord_mask_address, "北京市朝阳区建国路88号", "北京市朝阳区****");
  assert_masked (accord_mask_address, "北京市朝阳区", "北京****");
  assert_masked (accord_mask_address, "上海市", "上海****");
  assert_masked (accord_mask_address, "京", "京****");
  assert_masked (accord_mask_address, "12 Main Street", "12 Mai****");
  assert_masked (accord_mask_address, "", "");
  assert_masked (accord_mask_address, NULL, NULL);
}

/* Programming errors */

static void
test_guards (void)
{
  if (g_test_subprocess ())
    {
      accord_validate_text (NULL, "x", 10, TRUE, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*field != NULL*");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("ACCORD_TODAY", FAKE_TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/id/valid", test_id_valid);
  g_test_add_func ("/validate/id/format", test_id_format);
  g_test_add_func ("/validate/id/required", test_id_required);
  g_test_add_func ("/validate/id/checksum", test_id_checksum);
  g_test_add_func ("/validate/id/date", test_id_date);
  g_test_add_func ("/validate/id/check-char", test_id_check_char);
  g_test_add_func ("/validate/id/normalize", test_id_normalize);
  g_test_add_func ("/validate/phone/mobile", test_phone_mobile);
  g_test_add_func ("/validate/phone/landline", test_phone_landline);
  g_test_add_func ("/validate/phone/invalid", test_phone_invalid);
  g_test_add_func ("/validate/text/required", test_text_required);
  g_test_add_func ("/validate/text/optional", test_text_optional);
  g_test_add_func ("/validate/text/max-chars", test_text_max_chars);
  g_test_add_func ("/validate/text/encoding", test_text_encoding);
  g_test_add_func ("/validate/text/control", test_text_control);
  g_test_add_func ("/validate/text/huge", test_text_huge);
  g_test_add_func ("/validate/date", test_date);
  g_test_add_func ("/validate/today", test_today);
  g_test_add_func ("/validate/mask/id", test_mask_id);
  g_test_add_func ("/validate/mask/phone", test_mask_phone);
  g_test_add_func ("/validate/mask/address", test_mask_address);
  g_test_add_func ("/validate/guards", test_guards);

  return g_test_run ();
}
