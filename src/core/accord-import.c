/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-import"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "accord-case.h"
#include "accord-csv.h"
#include "accord-import.h"
#include "accord-records.h"
#include "accord-store-private.h"

/* Deeper than any file of cases needs; stops a hostile file before the
 * JSON parser recurses on it. */
#define MAX_JSON_DEPTH 32

/* Columns of a CSV file of cases: one row per petitioner; rows that share
 * a non-empty "ref" are one case with several petitioners. */
enum
{
  CASE_REF,
  CASE_TITLE,
  CASE_SUMMARY,
  CASE_CATEGORY,
  CASE_CHANNEL,
  CASE_RECEIVED_ON,
  CASE_FIRST_FLAG,
  CASE_PETITIONER_NAME = CASE_FIRST_FLAG + ACCORD_CASE_N_FLAGS,
  CASE_PETITIONER_ID_NUMBER,
  CASE_PETITIONER_PHONE,
  CASE_PETITIONER_ADDRESS,
  CASE_N_COLUMNS
};

static const AccordCsvColumn case_columns[CASE_N_COLUMNS] = {
  [CASE_REF] = { "ref", FALSE },
  [CASE_TITLE] = { "title", TRUE },
  [CASE_SUMMARY] = { "summary", FALSE },
  [CASE_CATEGORY] = { "category", TRUE },
  [CASE_CHANNEL] = { "channel", TRUE },
  [CASE_RECEIVED_ON] = { "received_on", FALSE },
  [CASE_FIRST_FLAG + ACCORD_CASE_COLLECTIVE] = { "collective", FALSE },
  [CASE_FIRST_FLAG + ACCORD_CASE_REPEAT] = { "repeat", FALSE },
  [CASE_FIRST_FLAG + ACCORD_CASE_CROSS_LEVEL] = { "cross_level", FALSE },
  [CASE_FIRST_FLAG + ACCORD_CASE_LITIGATION_RELATED] = { "litigation_related", FALSE },
  [CASE_PETITIONER_NAME] = { "petitioner_name", TRUE },
  [CASE_PETITIONER_ID_NUMBER] = { "petitioner_id_number", TRUE },
  [CASE_PETITIONER_PHONE] = { "petitioner_phone", TRUE },
  [CASE_PETITIONER_ADDRESS] = { "petitioner_address", FALSE },
};

enum
{
  PERSON_NAME,
  PERSON_ROLES,
  PERSON_ORGANISATION,
  PERSON_PHONE,
  PERSON_N_COLUMNS
};

static const AccordCsvColumn person_columns[PERSON_N_COLUMNS] = {
  [PERSON_NAME] = { "name", TRUE },
  [PERSON_ROLES] = { "roles", TRUE },
  [PERSON_ORGANISATION] = { "organisation", FALSE },
  [PERSON_PHONE] = { "phone", FALSE },
};

G_DEFINE_QUARK (accord-import-error-quark, accord_import_error)

/* Helpers --------------------------------------------------------------- */

static void
set_place_error (GError    **error,
                 guint       row,
                 gboolean    from_json,
                 int         code,
                 const char *message)
{
  if (from_json)
    /* TRANSLATORS: the first %u is the position of a record in a JSON file; the %s says what is wrong with it */
    g_set_error (error, ACCORD_IMPORT_ERROR, code, _("Entry %u: %s"), row, message);
  else
    accord_csv_set_row_error (error, row, code, message);
}

static void
prefix_place (GError   **error,
              guint      row,
              gboolean   from_json)
{
  if (from_json)
    g_prefix_error (error, _("Entry %u: "), row);
  else
    g_prefix_error (error, _("Row %u: "), row);
}

static gboolean
check_utf8 (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end = NULL;
  guint line = 1;

  if (length <= G_MAXSSIZE && g_utf8_validate_len (data, length, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      line++;
  g_set_error (error, ACCORD_IMPORT_ERROR, ACCORD_IMPORT_ERROR_ENCODING,
               _("The file is not UTF-8 text (line %u); save it as UTF-8 and import it again"), line);
  return FALSE;
}

static const char *
skip_bom (const char *data,
          gsize      *length)
{
  if (*length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      *length -= 3;
      return data + 3;
    }
  return data;
}

/* "yes"/"no" in the forms a spreadsheet or a person writes them. */
static gboolean
parse_flag (const char *text,
            gboolean   *value)
{
  static const char * const yes[] = { "1", "yes", "true", "y", "是", NULL };
  static const char * const no[] = { "0", "no", "false", "n", "否", NULL };

  if (text == NULL || *text == '\0')
    {
      *value = FALSE;
      return TRUE;
    }
  for (guint i = 0; yes[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      return (*value = TRUE);
  for (guint i = 0; no[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *value = FALSE;
        return TRUE;
      }
  return FALSE;
}

/* Records --------------------------------------------------------------- */

void
accord_import_case_free (AccordImportCase *record)
{
  if (record == NULL)
    return;
  g_string_chunk_free (record->strings);
  g_array_unref (record->petitioners);
  g_free (record);
}

void
accord_import_person_free (AccordImportPerson *record)
{
  if (record == NULL)
    return;
  g_string_chunk_free (record->strings);
  g_ptr_array_unref (record->roles);
  g_free (record);
}

static AccordImportCase *
case_record_new (guint    row,
                 gboolean from_json)
{
  AccordImportCase *record = g_new0 (AccordImportCase, 1);

  record->row = row;
  record->from_json = from_json;
  record->strings = g_string_chunk_new (256);
  record->petitioners = g_array_new (FALSE, TRUE, sizeof (AccordPetitionerInput));
  return record;
}

static AccordImportPerson *
person_record_new (guint    row,
                   gboolean from_json)
{
  AccordImportPerson *record = g_new0 (AccordImportPerson, 1);

  record->row = row;
  record->from_json = from_json;
  record->strings = g_string_chunk_new (128);
  record->roles = g_ptr_array_new ();
  return record;
}

static const char *
keep (GStringChunk *strings,
      const char   *text)
{
  return text != NULL ? g_string_chunk_insert (strings, text) : NULL;
}

/* The petitioners array may have moved while it grew: point at it last. */
static void
case_records_finish (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      AccordImportCase *record = g_ptr_array_index (records, i);

      record->input.petitioners = (const AccordPetitionerInput *) (gpointer) record->petitioners->data;
      record->input.n_petitioners = record->petitioners->len;
    }
}

static void
person_records_finish (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      AccordImportPerson *record = g_ptr_array_index (records, i);

      g_ptr_array_add (record->roles, NULL);
      record->input.roles = (const char * const *) record->roles->pdata;
    }
}

typedef struct
{
  GPtrArray  *records;
  GHashTable *by_ref;
} CsvCases;

static gboolean
csv_case_flags (const AccordCsvRow  *row,
                guint                n,
                gboolean            *flags,
                GError             **error)
{
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    if (!parse_flag (accord_csv_cell (row, CASE_FIRST_FLAG + i), &flags[i]))
      {
        g_autofree char *message =
          /* TRANSLATORS: %s is a case's flag, such as "Collective petition" */
          g_strdup_printf (_("%s must be yes or no"), accord_case_flag_label (i));

        set_place_error (error, n, FALSE, ACCORD_IMPORT_ERROR_SHAPE, message);
        return FALSE;
      }
  return TRUE;
}

/* A further row of a case (same ref) may leave the case's columns empty
 * or repeat them, but not contradict the first row. */
static gboolean
csv_case_matches (const AccordCsvRow  *row,
                  AccordImportCase    *record,
                  const gboolean      *flags)
{
  const char *given[] = { accord_csv_cell (row, CASE_TITLE), accord_csv_cell (row, CASE_SUMMARY),
                          accord_csv_cell (row, CASE_CATEGORY), accord_csv_cell (row, CASE_CHANNEL),
                          accord_csv_cell (row, CASE_RECEIVED_ON) };
  const char *kept[] = { record->input.title, record->input.summary, record->input.category,
                         record->input.channel, record->input.received_on };

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    if (given[i] != NULL && g_strcmp0 (given[i], kept[i]) != 0)
      return FALSE;
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    if (accord_csv_cell (row, CASE_FIRST_FLAG + i) != NULL && flags[i] != record->input.flags[i])
      return FALSE;
  return TRUE;
}

static gboolean
csv_case_row (const AccordCsvRow  *row,
              guint                n,
              gpointer             data,
              GError             **error)
{
  CsvCases *cases = data;
  const char *ref = accord_csv_cell (row, CASE_REF);
  AccordImportCase *record = ref ? g_hash_table_lookup (cases->by_ref, ref) : NULL;
  AccordPetitionerInput petitioner;
  gboolean flags[ACCORD_CASE_N_FLAGS];

  if (!csv_case_flags (row, n, flags, error))
    return FALSE;

  if (record != NULL && !csv_case_matches (row, record, flags))
    {
      g_autofree char *message =
        g_strdup_printf (_("the row adds a petitioner to the case of row %u but gives it other particulars"), record->row);

      set_place_error (error, n, FALSE, ACCORD_IMPORT_ERROR_SHAPE, message);
      return FALSE;
    }
  if (record == NULL)
    {
      record = case_record_new (n, FALSE);
      record->input.title = keep (record->strings, accord_csv_cell (row, CASE_TITLE));
      record->input.summary = keep (record->strings, accord_csv_cell (row, CASE_SUMMARY));
      record->input.category = keep (record->strings, accord_csv_cell (row, CASE_CATEGORY));
      record->input.channel = keep (record->strings, accord_csv_cell (row, CASE_CHANNEL));
      record->input.received_on = keep (record->strings, accord_csv_cell (row, CASE_RECEIVED_ON));
      memcpy (record->input.flags, flags, sizeof flags);
      g_ptr_array_add (cases->records, record);
      if (ref != NULL)
        {
          record->ref = keep (record->strings, ref);
          g_hash_table_insert (cases->by_ref, (gpointer) record->ref, record);
        }
    }

  petitioner.name = keep (record->strings, accord_csv_cell (row, CASE_PETITIONER_NAME));
  petitioner.id_number = keep (record->strings, accord_csv_cell (row, CASE_PETITIONER_ID_NUMBER));
  petitioner.phone = keep (record->strings, accord_csv_cell (row, CASE_PETITIONER_PHONE));
  petitioner.address = keep (record->strings, accord_csv_cell (row, CASE_PETITIONER_ADDRESS));
  g_array_append_val (record->petitioners, petitioner);
  return TRUE;
}

static void
add_roles (AccordImportPerson *record,
           const char         *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;、\\s]+", text ? text : "", 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (record->roles, (gpointer) keep (record->strings, parts[i]));
}

static gboolean
csv_person_row (const AccordCsvRow  *row,
                guint                n,
                gpointer             data,
                GError             **error)
{
  GPtrArray *records = data;
  AccordImportPerson *record = person_record_new (n, FALSE);

  record->input.name = keep (record->strings, accord_csv_cell (row, PERSON_NAME));
  record->input.organisation = keep (record->strings, accord_csv_cell (row, PERSON_ORGANISATION));
  record->input.phone = keep (record->strings, accord_csv_cell (row, PERSON_PHONE));
  add_roles (record, accord_csv_cell (row, PERSON_ROLES));
  g_ptr_array_add (records, record);
  return TRUE;
}

/* JSON ------------------------------------------------------------------ */

static gboolean
json_depth_ok (const char *data,
               gsize       length)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if (c == ']' || c == '}')
        depth--;
    }
  return TRUE;
}

/* The list of records: the document itself, or its member @member. */
static JsonArray *
json_records (JsonParser  *parser,
              const char  *data,
              gsize        length,
              const char  *member,
              const char  *shape,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  JsonNode *root;

  if (!json_depth_ok (data, length))
    {
      g_set_error_literal (error, ACCORD_IMPORT_ERROR, ACCORD_IMPORT_ERROR_SHAPE, shape);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local))
    {
      /* json-glib quotes the token it stopped at cut to a number of bytes,
       * possibly inside a character. */
      g_autofree char *reason = g_utf8_make_valid (local->message, -1);

      g_set_error (error, ACCORD_IMPORT_ERROR, ACCORD_IMPORT_ERROR_FORMAT,
                   _("The file is not valid JSON: %s"), reason);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    root = json_object_get_member (json_node_get_object (root), member);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, ACCORD_IMPORT_ERROR, ACCORD_IMPORT_ERROR_SHAPE, shape);
      return NULL;
    }
  return json_node_get_array (root);
}

static gboolean
json_text (JsonObject    *object,
           const char    *member,
           GStringChunk  *strings,
           guint          n,
           const char   **out,
           GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *message = NULL;
  const char *text;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* TRANSLATORS: %s is the name of a member in a JSON file, left untranslated */
      message = g_strdup_printf (_("“%s” must be a string"), member);
      set_place_error (error, n, TRUE, ACCORD_IMPORT_ERROR_SHAPE, message);
      return FALSE;
    }
  text = json_node_get_string (node);
  if (strlen (text) > ACCORD_IMPORT_MAX_FIELD_BYTES)
    {
      message = g_strdup_printf (_("“%s” is larger than 1 MB; nothing was imported"), member);
      set_place_error (error, n, TRUE, ACCORD_IMPORT_ERROR_TOO_LARGE, message);
      return FALSE;
    }
  *out = keep (strings, text);
  return TRUE;
}

static gboolean
json_flag (JsonObject  *object,
           const char  *member,
           guint        n,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }

  {
    g_autofree char *message = g_strdup_printf (_("“%s” must be true or false"), member);

    set_place_error (error, n, TRUE, ACCORD_IMPORT_ERROR_SHAPE, message);
  }
  return FALSE;
}

static JsonObject *
json_entry_object (JsonNode  *node,
                   guint      n,
                   GError   **error)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  set_place_error (error, n, TRUE, ACCORD_IMPORT_ERROR_SHAPE, _("the entry is not an object"));
  return NULL;
}

static gboolean
json_petitioners (JsonObject        *object,
                  AccordImportCase  *record,
                  GError           **error)
{
  JsonNode *node = json_object_get_member (object, "petitioners");
  JsonArray *list;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_place_error (error, record->row, TRUE, ACCORD_IMPORT_ERROR_SHAPE,
                       _("“petitioners” must be a list of objects"));
      return FALSE;
    }

  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      AccordPetitionerInput p = { 0 };
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          set_place_error (error, record->row, TRUE, ACCORD_IMPORT_ERROR_SHAPE,
                           _("“petitioners” must be a list of objects"));
          return FALSE;
        }
      o = json_node_get_object (item);
      if (!json_text (o, "name", record->strings, record->row, &p.name, error) ||
          !json_text (o, "id_number", record->strings, record->row, &p.id_number, error) ||
          !json_text (o, "phone", record->strings, record->row, &p.phone, error) ||
          !json_text (o, "address", record->strings, record->row, &p.address, error))
        return FALSE;
      g_array_append_val (record->petitioners, p);
    }
  return TRUE;
}

/* An AccordImportCase, or NULL. */
static gpointer
json_case (JsonNode  *node,
           guint      n,
           GError   **error)
{
  g_autoptr(AccordImportCase) record = case_record_new (n, TRUE);
  AccordCaseInput *in = &record->input;
  JsonObject *object;

  if ((object = json_entry_object (node, n, error)) == NULL ||
      !json_text (object, "title", record->strings, n, &in->title, error) ||
      !json_text (object, "summary", record->strings, n, &in->summary, error) ||
      !json_text (object, "category", record->strings, n, &in->category, error) ||
      !json_text (object, "channel", record->strings, n, &in->channel, error) ||
      !json_text (object, "received_on", record->strings, n, &in->received_on, error))
    return NULL;
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    if (!json_flag (object, accord_case_flag_name (i), n, &in->flags[i], error))
      return NULL;
  if (!json_petitioners (object, record, error))
    return NULL;

  return g_steal_pointer (&record);
}

static gboolean
json_roles (JsonObject          *object,
            AccordImportPerson  *record,
            GError             **error)
{
  JsonNode *node = json_object_get_member (object, "roles");
  JsonArray *list;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      add_roles (record, json_node_get_string (node));
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      guint i, n;

      list = json_node_get_array (node);
      n = json_array_get_length (list);
      for (i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (list, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            break;
          g_ptr_array_add (record->roles, (gpointer) keep (record->strings, json_node_get_string (item)));
        }
      if (i == n)
        return TRUE;
    }

  set_place_error (error, record->row, TRUE, ACCORD_IMPORT_ERROR_SHAPE,
                   _("“roles” must be a list of role codes"));
  return FALSE;
}

/* An AccordImportPerson, or NULL. */
static gpointer
json_person (JsonNode  *node,
             guint      n,
             GError   **error)
{
  g_autoptr(AccordImportPerson) record = person_record_new (n, TRUE);
  AccordPersonInput *in = &record->input;
  JsonObject *object;

  if ((object = json_entry_object (node, n, error)) == NULL ||
      !json_text (object, "name", record->strings, n, &in->name, error) ||
      !json_text (object, "organisation", record->strings, n, &in->organisation, error) ||
      !json_text (object, "phone", record->strings, n, &in->phone, error) ||
      !json_roles (object, record, error))
    return NULL;

  return g_steal_pointer (&record);
}

/* Parsing --------------------------------------------------------------- */

const char *
accord_import_guess_format (const char *data,
                            gsize       length)
{
  g_return_val_if_fail (data != NULL || length == 0, "csv");

  data = skip_bom (data, &length);
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return data[i] == '[' || data[i] == '{' ? "json" : "csv";
  return "csv";
}

/* Checks what every format needs; *@format becomes the one to use. */
static gboolean
prepare (const char  **data,
         gsize        *length,
         const char  **format,
         GError      **error)
{
  if (*format == NULL)
    *format = accord_import_guess_format (*data, *length);
  if (strcmp (*format, "json") != 0 && strcmp (*format, "csv") != 0)
    {
      g_set_error_literal (error, ACCORD_IMPORT_ERROR, ACCORD_IMPORT_ERROR_FORMAT,
                           _("The format must be json or csv"));
      return FALSE;
    }

  *data = skip_bom (*data, length);
  return check_utf8 (*data, *length, error);
}

/* The records of @data as @format says: CSV rows go to @csv_row with
 * @csv_data, JSON entries (a list, or the list in @member) to @json_entry. */
typedef struct
{
  const AccordCsvColumn *columns;
  guint                  n_columns;
  AccordCsvRowFunc       csv_row;
  const char            *member;
  const char            *shape;
  gpointer (*json_entry) (JsonNode *node, guint n, GError **error);
} Parser;

static gboolean
parse_records (const char    *data,
               gsize          length,
               const char    *format,
               const Parser  *parser,
               gpointer       csv_data,
               GPtrArray     *records,
               GError       **error)
{
  if (data == NULL)
    data = "";
  if (!prepare (&data, &length, &format, error))
    return FALSE;

  if (strcmp (format, "csv") == 0)
    return accord_csv_parse (data, length, parser->columns, parser->n_columns, parser->csv_row, csv_data, error);

  {
    g_autoptr(JsonParser) json = json_parser_new_immutable ();
    JsonArray *list = json_records (json, data, length, parser->member, parser->shape, error);

    if (list == NULL)
      return FALSE;
    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        gpointer record = parser->json_entry (json_array_get_element (list, i), i + 1, error);

        if (record == NULL)
          return FALSE;
        g_ptr_array_add (records, record);
      }
  }
  return TRUE;
}

gboolean
accord_import_parse_cases (const char  *data,
                           gsize        length,
                           const char  *format,
                           GPtrArray  **out,
                           GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_import_case_free);
  g_autoptr(GHashTable) by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  CsvCases cases = { records, by_ref };
  Parser parser = {
    .columns = case_columns, .n_columns = CASE_N_COLUMNS, .csv_row = csv_case_row,
    .member = "cases",
    .shape = _("The JSON must be a list of cases, or an object whose “cases” member is one"),
    .json_entry = json_case,
  };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_records (data, length, format, &parser, &cases, records, error))
    return FALSE;

  case_records_finish (records);
  *out = g_steal_pointer (&records);
  return TRUE;
}

gboolean
accord_import_parse_persons (const char  *data,
                             gsize        length,
                             const char  *format,
                             GPtrArray  **out,
                             GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_import_person_free);
  Parser parser = {
    .columns = person_columns, .n_columns = PERSON_N_COLUMNS, .csv_row = csv_person_row,
    .member = "people",
    .shape = _("The JSON must be a list of people, or an object whose “people” member is one"),
    .json_entry = json_person,
  };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_records (data, length, format, &parser, records, records, error))
    return FALSE;

  person_records_finish (records);
  *out = g_steal_pointer (&records);
  return TRUE;
}

/* Writing --------------------------------------------------------------- */

typedef struct
{
  GPtrArray *records;
  GPtrArray *numbers;
  GArray    *ids;
} Import;

static gboolean
import_cases_action (AccordStore  *store,
                     gpointer      data,
                     GError      **error)
{
  Import *import = data;
  /* Every case asks for the bureau's zone; GLib keeps a zone loaded only
   * while someone holds it, so hold it instead of reading the file each time. */
  g_autoptr(GTimeZone) zone = accord_store_get_time_zone (store);

  for (guint i = 0; i < import->records->len; i++)
    {
      AccordImportCase *record = g_ptr_array_index (import->records, i);
      g_autoptr(AccordCase) added = accord_store_add_case (store, &record->input, error);

      if (added == NULL)
        {
          prefix_place (error, record->row, record->from_json);
          return FALSE;
        }
      g_ptr_array_add (import->numbers, g_strdup (accord_case_get_number (added)));
    }
  return TRUE;
}

gboolean
accord_import_cases (AccordStore  *store,
                     GPtrArray    *cases,
                     GPtrArray   **numbers,
                     GError      **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  Import import = { cases, added, NULL };

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (cases != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!accord_store_run (store, import_cases_action, &import, error))
    return FALSE;
  if (numbers != NULL)
    *numbers = g_steal_pointer (&added);
  return TRUE;
}

static gboolean
import_persons_action (AccordStore  *store,
                       gpointer      data,
                       GError      **error)
{
  Import *import = data;

  for (guint i = 0; i < import->records->len; i++)
    {
      AccordImportPerson *record = g_ptr_array_index (import->records, i);
      g_autoptr(AccordPerson) added = accord_store_add_person (store, &record->input, error);

      if (added == NULL)
        {
          prefix_place (error, record->row, record->from_json);
          return FALSE;
        }
      g_array_append_val (import->ids, added->id);
    }
  return TRUE;
}

gboolean
accord_import_persons (AccordStore  *store,
                       GPtrArray    *persons,
                       GArray      **ids,
                       GError      **error)
{
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  Import import = { persons, NULL, added };

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (persons != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!accord_store_run (store, import_persons_action, &import, error))
    return FALSE;
  if (ids != NULL)
    *ids = g_steal_pointer (&added);
  return TRUE;
}
