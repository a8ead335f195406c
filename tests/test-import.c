/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import"

#include <string.h>

#include "accord-import.h"
#include "accord-store.h"
#include "accord-validate.h"
#include "accord-test-util.h"

/* Text that must come back byte for byte: quotes, a comma, an SQL
 * fragment, tab / newline / CR, right-to-left marks and an override, and
 * characters outside the BMP. */
static const char *const tricky_titles[] = {
  "拖欠工资，\"急\", 'single' quotes",
  "土地 '); DROP TABLE \"case\";--",
  "多行\n标题\twith tab\r\nand CRLF",
  "\u200f\u202eعربي\u202c mixed 文字 \u200e",
  "😀 emoji 𠀀 and a trailing space ",
};

static char *
make_id_number (guint n)
{
  /* 110105 (Beijing, Chaoyang), a birth date in 1980, then n. */
  g_autofree char *first17 = g_strdup_printf ("1101051980%02u%02u%03u", 1 + n / 28000 % 12, 1 + n / 1000 % 28, n % 1000);

  return g_strdup_printf ("%s%c", first17, accord_id_number_check_char (first17));
}

/* A CSV field, quoted as RFC 4180 says. */
static void
append_csv_field (GString    *csv,
                  const char *value,
                  gboolean    last)
{
  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append (csv, last ? "\"\r\n" : "\",");
}

static GPtrArray *
parse_cases (const char  *data,
             gssize       length,
             const char  *format,
             GError     **error)
{
  GPtrArray *records = NULL;

  if (length < 0)
    length = strlen (data);
  if (!accord_import_parse_cases (data, length, format, &records, error))
    return NULL;
  return records;
}

static GPtrArray *
import_cases (AccordStore  *store,
              const char   *data,
              const char   *format,
              GError      **error)
{
  g_autoptr(GPtrArray) records = parse_cases (data, -1, format, error);
  GPtrArray *numbers = NULL;

  if (records == NULL || !accord_import_cases (store, records, &numbers, error))
    return NULL;
  return numbers;
}

static void
assert_audit_intact (AccordStore *store,
                     gint64       n_entries)
{
  g_autoptr(GError) error = NULL;
  AccordAuditReport report;

  g_assert_true (accord_store_verify_audit (store, &report, &error));
  g_assert_no_error (error);
  g_assert_true (report.intact);
  g_assert_cmpint (report.n_entries, ==, n_entries);
}

/* Round trips ------------------------------------------------------------ */

static void
test_csv_round_trip (AccordTestDb  *db,
                     gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("\xef\xbb\xbf" "title,summary,category,channel,received_on,collective,"
                                         "petitioner_name,petitioner_id_number,petitioner_phone,petitioner_address\r\n");
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tricky_titles); i++)
    {
      g_autofree char *id_number = make_id_number (i);

      append_csv_field (csv, tricky_titles[i], FALSE);
      append_csv_field (csv, tricky_titles[(i + 1) % G_N_ELEMENTS (tricky_titles)], FALSE);
      append_csv_field (csv, "劳动社保", FALSE);
      append_csv_field (csv, "visit", FALSE);
      append_csv_field (csv, "2026-03-02", FALSE);
      append_csv_field (csv, i % 2 ? "yes" : "no", FALSE);
      append_csv_field (csv, "张\"三\"", FALSE);
      append_csv_field (csv, id_number, FALSE);
      append_csv_field (csv, "13800138000", FALSE);
      append_csv_field (csv, tricky_titles[i], TRUE);
    }

  numbers = import_cases (db->store, csv->str, "csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (numbers->len, ==, G_N_ELEMENTS (tricky_titles));

  for (guint i = 0; i < numbers->len; i++)
    {
      g_autoptr(AccordCase) c = accord_store_get_case (db->store, g_ptr_array_index (numbers, i), &error);
      AccordPetitioner *p;

      g_assert_no_error (error);
      g_assert_cmpstr (accord_case_get_title (c), ==, tricky_titles[i]);
      g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_SUMMARY), ==,
                       tricky_titles[(i + 1) % G_N_ELEMENTS (tricky_titles)]);
      g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_RECEIVED_ON), ==, "2026-03-02");
      g_assert_cmpint (accord_case_get_flag (c, ACCORD_CASE_COLLECTIVE), ==, i % 2);
      g_assert_cmpuint (accord_case_get_petitioners (c)->len, ==, 1);
      p = g_ptr_array_index (accord_case_get_petitioners (c), 0);
      g_assert_cmpstr (p->name, ==, "张\"三\"");
      g_assert_cmpstr (p->address, ==, tricky_titles[i]);
    }

  /* The table the SQL fragment names is still there. */
  g_assert_cmpint (accord_test_count_rows (db->store, "case"), ==, G_N_ELEMENTS (tricky_titles));
  assert_audit_intact (db->store, G_N_ELEMENTS (tricky_titles));
}

static JsonNode *
case_to_json (AccordCase *c)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *petitioners = accord_case_get_petitioners (c);

  /* The members `accord-cli case show --json --reveal` prints, and some it
   * prints that the import ignores. */
  json_builder_begin_object (builder);
  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    if (accord_case_get_text (c, i) != NULL)
      {
        json_builder_set_member_name (builder, accord_case_text_name (i));
        json_builder_add_string_value (builder, accord_case_get_text (c, i));
      }
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    {
      json_builder_set_member_name (builder, accord_case_flag_name (i));
      json_builder_add_boolean_value (builder, accord_case_get_flag (c, i));
    }
  json_builder_set_member_name (builder, "petitioners");
  json_builder_begin_array (builder);
  for (guint i = 0; i < petitioners->len; i++)
    {
      AccordPetitioner *p = g_ptr_array_index (petitioners, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, p->name);
      json_builder_set_member_name (builder, "id_number");
      json_builder_add_string_value (builder, p->id_number);
      json_builder_set_member_name (builder, "phone");
      json_builder_add_string_value (builder, p->phone);
      json_builder_set_member_name (builder, "address");
      if (p->address != NULL)
        json_builder_add_string_value (builder, p->address);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
cases_to_json (AccordStore *store,
               GPtrArray   *numbers)
{
  g_autoptr(JsonArray) list = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < numbers->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AccordCase) c = accord_store_get_case (store, g_ptr_array_index (numbers, i), &error);

      g_assert_no_error (error);
      json_array_add_element (list, case_to_json (c));
    }
  json_node_set_array (root, list);
  return json_to_string (root, TRUE);
}

/* @text as a JSON string, quotes included. */
static char *
json_quote (const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return json_to_string (node, FALSE);
}

static void
test_json_round_trip (AccordTestDb  *db,
                      gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new ("{\"cases\": [");
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *reexported = NULL;
  AccordTestDb second = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (tricky_titles); i++)
    {
      g_autofree char *title = json_quote (tricky_titles[i]);
      g_autofree char *a = make_id_number (10 + 2 * i);
      g_autofree char *b = make_id_number (11 + 2 * i);

      /* Two petitioners per case, one with an address and one without. */
      g_string_append_printf (json,
                              "%s{\"title\": %s, \"category\": \"信访\\\"类\\\"\", \"channel\": \"letter\", "
                              "\"received_on\": \"2026-0%u-15\", \"repeat\": true, \"ignored\": [1, {}], "
                              "\"petitioners\": [{\"name\": \"王五\", \"id_number\": \"%s\", \"phone\": \"010-12345678\", "
                              "\"address\": \"\\u200f地址\\t\"}, {\"name\": \"赵六\", \"id_number\": \"%s\", \"phone\": \"13900000000\"}]}",
                              i ? ", " : "", title, 1 + i, a, b);
    }
  g_string_append (json, "]}");

  numbers = import_cases (db->store, json->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (numbers->len, ==, G_N_ELEMENTS (tricky_titles));

  for (guint i = 0; i < numbers->len; i++)
    {
      g_autoptr(AccordCase) c = accord_store_get_case (db->store, g_ptr_array_index (numbers, i), &error);
      AccordPetitioner *p;

      g_assert_no_error (error);
      g_assert_cmpstr (accord_case_get_title (c), ==, tricky_titles[i]);
      g_assert_cmpstr (accord_case_get_text (c, ACCORD_CASE_CATEGORY), ==, "信访\"类\"");
      g_assert_true (accord_case_get_flag (c, ACCORD_CASE_REPEAT));
      g_assert_false (accord_case_get_flag (c, ACCORD_CASE_COLLECTIVE));
      g_assert_cmpuint (accord_case_get_petitioners (c)->len, ==, 2);
      p = g_ptr_array_index (accord_case_get_petitioners (c), 0);
      g_assert_cmpstr (p->address, ==, "\u200f地址\t");
      p = g_ptr_array_index (accord_case_get_petitioners (c), 1);
      g_assert_cmpstr (p->name, ==, "赵六");
      g_assert_null (p->address);
    }

  /* What the store holds, written out and read into another database,
   * reads back the same. */
  exported = cases_to_json (db->store, numbers);
  accord_test_db_setup (&second, NULL);
  again = import_cases (second.store, exported, "json", &error);
  g_assert_no_error (error);
  reexported = cases_to_json (second.store, again);
  g_assert_cmpstr (reexported, ==, exported);
  accord_test_db_teardown (&second, NULL);
}

static void
test_csv_several_petitioners (AccordTestDb  *db,
                              gconstpointer  data)
{
  g_autofree char *a = make_id_number (1);
  g_autofree char *b = make_id_number (2);
  g_autofree char *c = make_id_number (3);
  /* Columns in any order; rows that share a ref are one case; blank lines
   * and a file without a final newline are fine. */
  g_autofree char *csv = g_strdup_printf ("petitioner_phone,ref,petitioner_name,petitioner_id_number,title,category,channel\n"
                                          "13800000001,A,甲,%s,集体讨薪,劳动社保,visit\n"
                                          "\n"
                                          "13800000002,B,乙,%s,征地补偿,国土资源,online\n"
                                          "13800000003,A,丙,%s,,,visit",
                                          a, b, c);
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(AccordCase) first = NULL;
  g_autoptr(GError) error = NULL;

  numbers = import_cases (db->store, csv, "csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (numbers->len, ==, 2);

  first = accord_store_get_case (db->store, g_ptr_array_index (numbers, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accord_case_get_title (first), ==, "集体讨薪");
  g_assert_cmpuint (accord_case_get_petitioners (first)->len, ==, 2);
  g_assert_cmpstr (((AccordPetitioner *) g_ptr_array_index (accord_case_get_petitioners (first), 1))->name, ==, "丙");
  g_assert_cmpint (accord_test_count_rows (db->store, "petitioner"), ==, 3);
}

static void
test_persons_round_trip (AccordTestDb  *db,
                         gconstpointer  data)
{
  const char *csv = "name,roles,organisation,phone\r\n"
                    "\"王, 律师\",lawyer;legal_worker,\"某\"\"律师\"\"事务所\",13800000000\r\n"
                    "李心理,psychologist,,\r\n";
  const char *json = "[{\"name\": \"\u202e代表\", \"roles\": [\"npc_deputy\"], \"organisation\": null},"
                     " {\"name\": \"调解员\", \"roles\": \"mediator community_rep\", \"phone\": \"010-12345678\"}]";
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  AccordPerson *p;

  g_assert_true (accord_import_parse_persons (csv, strlen (csv), "csv", &records, &error));
  g_assert_no_error (error);
  g_assert_true (accord_import_persons (db->store, records, &ids, &error));
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_true (accord_import_parse_persons (json, strlen (json), NULL, &records, &error));
  g_assert_no_error (error);
  g_assert_true (accord_import_persons (db->store, records, &ids, &error));
  g_assert_cmpuint (ids->len, ==, 2);

  persons = accord_store_list_persons (db->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 4);
  p = g_ptr_array_index (persons, 0);
  g_assert_cmpstr (p->name, ==, "王, 律师");
  g_assert_cmpstr (p->organisation, ==, "某\"律师\"事务所");
  g_assert_cmpuint (g_strv_length (p->roles), ==, 2);
  g_assert_cmpstr (p->roles[0], ==, "lawyer");
  g_assert_cmpstr (p->roles[1], ==, "legal_worker");
  p = g_ptr_array_index (persons, 1);
  g_assert_null (p->organisation);
  g_assert_null (p->phone);
  p = g_ptr_array_index (persons, 2);
  g_assert_cmpstr (p->name, ==, "\u202e代表");
  p = g_ptr_array_index (persons, 3);
  g_assert_cmpstr (p->roles[0], ==, "community_rep");
  g_assert_cmpstr (p->roles[1], ==, "mediator");
  g_assert_cmpstr (p->phone, ==, "010-12345678");
  assert_audit_intact (db->store, 4);
}

/* Refusals: nothing changes ------------------------------------------- */

typedef struct
{
  const char *name;
  const char *format;
  const char *data;      /* "@ID@" stands for a valid ID number */
  GQuark      (*domain) (void);
  int         code;
  const char *message;   /* a part of the error message */
} Refusal;

#define CASE_HEADER "title,category,channel,petitioner_name,petitioner_id_number,petitioner_phone\n"
#define GOOD_ROW "欠薪,劳动社保,visit,张三,@ID@,13800000000\n"
#define GOOD_ENTRY "{\"title\": \"欠薪\", \"category\": \"劳动社保\", \"channel\": \"visit\", " \
                   "\"petitioners\": [{\"name\": \"张三\", \"id_number\": \"@ID@\", \"phone\": \"13800000000\"}]}"

static const Refusal refusals[] = {
  { "bad-utf8", "csv", CASE_HEADER GOOD_ROW "欠\xff薪,劳动社保,visit,张三,@ID@,13800000000\n",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_ENCODING, "(line 3)" },
  { "latin1-json", "json", "[{\"title\": \"caf\xe9\"}]", accord_import_error_quark, ACCORD_IMPORT_ERROR_ENCODING, "UTF-8" },
  { "nul-byte", "csv", CASE_HEADER "欠薪\\0", accord_import_error_quark, ACCORD_IMPORT_ERROR_ENCODING, "(line 2)" },
  { "unbalanced-quote", "csv", CASE_HEADER GOOD_ROW "\"欠薪,劳动社保,visit,张三,@ID@,13800000000\n",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_FORMAT, "Row 3: a quoted field has no closing quote" },
  { "text-after-quote", "csv", CASE_HEADER "\"欠\"薪,劳动社保,visit,张三,@ID@,13800000000\n",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_FORMAT, "Row 2: text follows a closing quote" },
  { "unknown-column", "csv", "title,category,channel,petitioner_name,petitioner_id_number,petitioner_phone,colour\n",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "Column 7 of the header is not a known column" },
  { "missing-column", "csv", "title,category,petitioner_name,petitioner_id_number,petitioner_phone\n",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "no column “channel”" },
  { "twice-column", "csv", "title,title,category,channel,petitioner_name,petitioner_id_number,petitioner_phone\n",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "“title” twice" },
  { "short-row", "csv", CASE_HEADER GOOD_ROW "欠薪,劳动社保,visit,张三\n",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "Row 3: the row has 4 fields but the header has 6 columns" },
  { "long-row", "csv", CASE_HEADER "欠薪,劳动社保,visit,张三,@ID@,13800000000,\n",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "Row 2: the row has 7 fields" },
  { "empty", "csv", "", accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "The file is empty" },
  { "bad-flag", "csv", "title,category,channel,petitioner_name,petitioner_id_number,petitioner_phone,collective\n"
                       "欠薪,劳动社保,visit,张三,@ID@,13800000000,maybe\n",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "Row 2: " },
  { "ref-conflict", "csv", "ref,title,category,channel,petitioner_name,petitioner_id_number,petitioner_phone\n"
                           "x,欠薪,劳动社保,visit,张三,@ID@,13800000000\n"
                           "x,别的案件,劳动社保,visit,李四,@ID@,13800000000\n",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "Row 3: the row adds a petitioner to the case of row 2" },
  { "not-json", "json", "[{\"title\": ", accord_import_error_quark, ACCORD_IMPORT_ERROR_FORMAT, "not valid JSON" },
  /* json-glib quotes the first 37 bytes of the name: the cut falls inside 二. */
  { "not-json-cut", "json", "[{\"一二三四五六七八九十一二三四五六七八九十\", 1}]",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_FORMAT, "not valid JSON" },
  { "json-object", "json", "{\"title\": \"欠薪\"}", accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "a list of cases" },
  { "json-number", "json", "42", accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "a list of cases" },
  { "json-entry", "json", "[" GOOD_ENTRY ", 7]", accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "Entry 2: the entry is not an object" },
  { "json-type", "json", "[{\"title\": 12}]", accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "Entry 1: “title” must be a string" },
  { "json-flag", "json", "[{\"collective\": \"yes\"}]", accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "“collective” must be true or false" },
  { "json-petitioners", "json", "[{\"petitioners\": {\"name\": \"张三\"}}]",
    accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "“petitioners” must be a list of objects" },
  { "json-deep", "json", NULL, accord_import_error_quark, ACCORD_IMPORT_ERROR_SHAPE, "a list of cases" },
  /* Rows the parser accepts and the store refuses: the row is named and
   * the rows before it are not kept. */
  { "id-number", "csv", CASE_HEADER GOOD_ROW "欠薪,劳动社保,visit,李四,110105198001010010,13800000000\n",
    accord_validate_error_quark, ACCORD_VALIDATE_ERROR_CHECKSUM, "Row 3: Resident ID number" },
  { "phone", "json", "[" GOOD_ENTRY ", " GOOD_ENTRY ", {\"title\": \"欠薪\", \"category\": \"劳动社保\", \"channel\": \"visit\", "
                     "\"petitioners\": [{\"name\": \"张三\", \"id_number\": \"@ID@\", \"phone\": \"12345\"}]}]",
    accord_validate_error_quark, ACCORD_VALIDATE_ERROR_FORMAT, "Entry 3: Phone number" },
  { "control", "csv", CASE_HEADER GOOD_ROW "欠\x01薪,劳动社保,visit,张三,@ID@,13800000000\n",
    accord_validate_error_quark, ACCORD_VALIDATE_ERROR_FORMAT, "Row 3: Title contains control characters" },
  { "channel", "csv", CASE_HEADER GOOD_ROW "欠薪,劳动社保,pigeon,张三,@ID@,13800000000\n",
    accord_validate_error_quark, ACCORD_VALIDATE_ERROR_FORMAT, "Row 3: Channel must be one of" },
  { "no-petitioner", "json", "[" GOOD_ENTRY ", {\"title\": \"欠薪\", \"category\": \"劳动社保\", \"channel\": \"visit\"}]",
    accord_validate_error_quark, ACCORD_VALIDATE_ERROR_REQUIRED, "Entry 2: Petitioner is required" },
  { "future", "csv", "title,category,channel,received_on,petitioner_name,petitioner_id_number,petitioner_phone\n"
                     "欠薪,劳动社保,visit,2999-01-01,张三,@ID@,13800000000\n",
    accord_validate_error_quark, ACCORD_VALIDATE_ERROR_DATE, "Row 2: Received date" },
};

static char *
refusal_data (const Refusal *refusal,
              gsize         *length)
{
  g_autofree char *id_number = make_id_number (7);
  char *data;

  if (refusal->data == NULL)
    {
      /* Nested far deeper than any list of cases. */
      GString *deep = g_string_new (NULL);

      for (guint i = 0; i < 100000; i++)
        g_string_append_c (deep, '[');
      *length = deep->len;
      return g_string_free (deep, FALSE);
    }

  {
    GString *text = g_string_new (refusal->data);

    g_string_replace (text, "@ID@", id_number, 0);
    *length = text->len;
    data = g_string_free (text, FALSE);
  }
  if (g_str_has_suffix (data, "\\0"))
    {
      /* A NUL byte inside the data. */
      data[*length - 2] = '\0';
      *length -= 1;
    }
  return data;
}

/* A refused import leaves every table, and the audit chain, as it was. */
static void
assert_import_refused (AccordTestDb  *db,
                       const char    *data,
                       gsize          length,
                       const char    *format,
                       GQuark         domain,
                       int            code,
                       const char    *message)
{
  g_autofree char *before = accord_test_dump (db->path);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (accord_import_parse_cases (data, length, format, &records, &error))
    accord_import_cases (db->store, records, NULL, &error);
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  after = accord_test_dump (db->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refusals (AccordTestDb  *db,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_number = make_id_number (99);
  g_autofree char *first = g_strdup_printf (CASE_HEADER "已有,劳动社保,visit,王五,%s,13800000000\n", id_number);

  /* Something already there, to show that it stays. */
  numbers = import_cases (db->store, first, "csv", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      gsize length;
      g_autofree char *text = refusal_data (&refusals[i], &length);

      g_test_message ("refusal %s", refusals[i].name);
      assert_import_refused (db, text, length, refusals[i].format, refusals[i].domain (),
                             refusals[i].code, refusals[i].message);
    }

  assert_audit_intact (db->store, 1);
  g_assert_cmpint (accord_test_count_rows (db->store, "case"), ==, 1);
  g_assert_cmpint (accord_test_count_rows (db->store, "petitioner"), ==, 1);
}

static void
test_person_refusals (AccordTestDb  *db,
                      gconstpointer  data)
{
  const char *bad_role = "name,roles\n甲,lawyer\n乙,lawyer\n丙,astronaut\n";
  const char *bad_phone = "[{\"name\": \"甲\", \"roles\": [\"lawyer\"], \"phone\": \"13800000000\"},"
                          " {\"name\": \"乙\", \"roles\": [\"lawyer\"], \"phone\": \"call me\"}]";
  const char *bad_roles = "[{\"name\": \"甲\", \"roles\": [\"lawyer\", 3]}]";
  const char *no_roles = "name,organisation\n甲,某单位\n";
  const char *const data_[] = { bad_role, bad_phone, bad_roles, no_roles };
  const char *const messages[] = { "Row 4: Role must be one of", "Entry 2: Phone number",
                                   "Entry 1: “roles” must be a list of role codes", "no column “roles”" };
  g_autofree char *before = accord_test_dump (db->path);

  for (guint i = 0; i < G_N_ELEMENTS (data_); i++)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      if (accord_import_parse_persons (data_[i], strlen (data_[i]), NULL, &records, &error))
        accord_import_persons (db->store, records, NULL, &error);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, messages[i]));
      after = accord_test_dump (db->path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpint (accord_test_count_rows (db->store, "person"), ==, 0);
}

/* A 10 MB field is refused by the parser, in either format, whether it
 * is quoted or not, before anything is copied into a record. */
static void
test_huge_field (AccordTestDb  *db,
                 gconstpointer  data)
{
  gsize big = 10 * 1024 * 1024;
  g_autofree char *filler = g_malloc (big + 1);
  g_autofree char *id_number = make_id_number (5);
  char *texts[3] = { NULL };

  memset (filler, 'a', big);
  filler[big] = '\0';
  texts[0] = g_strdup_printf (CASE_HEADER "欠薪,劳动社保,visit,张三,%s,%s\n", id_number, filler);
  texts[1] = g_strdup_printf (CASE_HEADER "\"%s\",劳动社保,visit,张三,%s,13800000000\n", filler, id_number);
  texts[2] = g_strdup_printf ("[{\"title\": \"欠薪\", \"summary\": \"%s\", \"petitioners\": [{\"id_number\": \"%s\"}]}]",
                              filler, id_number);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_import_refused (db, texts[i], strlen (texts[i]), i == 2 ? "json" : "csv",
                           ACCORD_IMPORT_ERROR, ACCORD_IMPORT_ERROR_TOO_LARGE,
                           i == 2 ? "Entry 1: “summary” is larger than 1 MB" : "Row 2: a field is larger than 1 MB");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i]);
}

/* The last of many cases is refused: none is kept, and the numbers the
 * refused import would have used are given to the next one. */
static void
test_all_or_none (AccordTestDb  *db,
                  gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new (CASE_HEADER);
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = accord_test_dump (db->path);
  g_autofree char *after = NULL;
  g_autofree char *one = NULL;
  guint n = 500;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id_number = make_id_number (1000 + i);

      g_string_append_printf (csv, "案件 %u,劳动社保,visit,人%u,%s,13800000000\n", i, i, id_number);
    }
  g_string_append (csv, "最后一件,劳动社保,visit,末,not-an-id,13800000000\n");

  numbers = import_cases (db->store, csv->str, "csv", &error);
  g_assert_null (numbers);
  g_assert_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "Row 502: Resident ID number"));
  after = accord_test_dump (db->path);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  one = g_strdup_printf (CASE_HEADER "欠薪,劳动社保,visit,张三,%s,13800000000\n", "11010519491231002X");
  numbers = import_cases (db->store, one, "csv", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (numbers, 0), "-000001"));
  assert_audit_intact (db->store, 1);
}

/* The parser reads only the bytes it is given: a buffer that is not
 * NUL-terminated is read up to its length (as a fuzzer hands it over). */
static void
test_parse_bounds (void)
{
  const char *text = CASE_HEADER "欠薪,劳动社保,visit,张三,11010519491231002X,13800000000\nGARBAGE\"";
  gsize length = strstr (text, "GARBAGE") - text;
  g_autofree char *exact = g_memdup2 (text, length);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  AccordImportCase *record;

  g_assert_true (accord_import_parse_cases (exact, length, "csv", &records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpuint (record->row, ==, 2);
  g_assert_cmpstr (record->input.petitioners[0].phone, ==, "13800000000");
  g_assert_cmpstr (accord_import_guess_format ("\xef\xbb\xbf  [", 6), ==, "json");
  g_assert_cmpstr (accord_import_guess_format ("title", 5), ==, "csv");
}

/* accord-cli ---------------------------------------------------------- */

static void
test_cli (AccordTestCli *cli,
          gconstpointer  data)
{
  g_autofree char *cases = g_build_filename (cli->dir, "cases.txt", NULL);
  g_autofree char *people = g_build_filename (cli->dir, "people.csv", NULL);
  g_autofree char *bad = g_build_filename (cli->dir, "bad.csv", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_file_set_contents (cases, "[" GOOD_ENTRY "]", -1, &error);
  g_assert_no_error (error);
  {
    /* The file's name does not say its format: the contents do. */
    g_autofree char *text = NULL;
    g_autoptr(GString) json = NULL;

    g_file_get_contents (cases, &text, NULL, &error);
    json = g_string_new (text);
    g_string_replace (json, "@ID@", "11010519491231002X", 0);
    g_file_set_contents (cases, json->str, -1, &error);
    g_assert_no_error (error);
  }
  g_file_set_contents (people, "name,roles\n王芳,lawyer\n李建国,npc_deputy\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad, CASE_HEADER "\"欠薪,劳动社保,visit,张三,11010519491231002X,13800000000\n", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (accord_test_cli_run (cli, "--json", "case", "import", cases), ==, ACCORD_TEST_EXIT_OK);
  root = accord_test_parse_json (cli->out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "imported"), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "numbers"), 0), ==,
                   "XF-2026-000001");

  g_assert_cmpint (accord_test_cli_run (cli, "person", "import", people), ==, ACCORD_TEST_EXIT_OK);
  g_assert_nonnull (strstr (cli->out, "Imported 2 people"));

  /* A malformed file and a refused row change nothing, byte for byte. */
  accord_test_cli_assert_refused (cli, ACCORD_TEST_EXIT_REFUSED, "case", "import", bad);
  g_assert_nonnull (strstr (cli->err, "Row 2: a quoted field has no closing quote"));
  accord_test_cli_assert_refused (cli, ACCORD_TEST_EXIT_REFUSED, "person", "import", "--format", "csv", cases);
  accord_test_cli_assert_refused (cli, ACCORD_TEST_EXIT_USAGE, "case", "import", "--format", "xml", cases);
  accord_test_cli_assert_refused (cli, ACCORD_TEST_EXIT_USAGE, "case", "import");
  accord_test_cli_assert_refused (cli, ACCORD_TEST_EXIT_ERROR, "case", "import", "no-such-file.csv");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/csv-round-trip", AccordTestDb, NULL, accord_test_db_setup, test_csv_round_trip, accord_test_db_teardown);
  g_test_add ("/import/json-round-trip", AccordTestDb, NULL, accord_test_db_setup, test_json_round_trip, accord_test_db_teardown);
  g_test_add ("/import/csv-several-petitioners", AccordTestDb, NULL, accord_test_db_setup, test_csv_several_petitioners, accord_test_db_teardown);
  g_test_add ("/import/persons-round-trip", AccordTestDb, NULL, accord_test_db_setup, test_persons_round_trip, accord_test_db_teardown);
  g_test_add ("/import/refusals", AccordTestDb, NULL, accord_test_db_setup, test_refusals, accord_test_db_teardown);
  g_test_add ("/import/person-refusals", AccordTestDb, NULL, accord_test_db_setup, test_person_refusals, accord_test_db_teardown);
  g_test_add ("/import/huge-field", AccordTestDb, NULL, accord_test_db_setup, test_huge_field, accord_test_db_teardown);
  g_test_add ("/import/all-or-none", AccordTestDb, NULL, accord_test_db_setup, test_all_or_none, accord_test_db_teardown);
  g_test_add_func ("/import/parse-bounds", test_parse_bounds);
  g_test_add ("/import/cli", AccordTestCli, NULL, accord_test_cli_set_up, test_cli, accord_test_cli_tear_down);

  return g_test_run ();
}
