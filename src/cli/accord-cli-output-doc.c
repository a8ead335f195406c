/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-enums.h"

#include "accord-cli-output.h"
#include "accord-cli-output-private.h"

const char *
cli_document_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("document status", "Draft");
  if (g_strcmp0 (status, "issued") == 0)
    return C_("document status", "Issued");
  if (g_strcmp0 (status, "signed") == 0)
    return C_("document status", "Signed");
  if (g_strcmp0 (status, "void") == 0)
    return C_("document status", "Void");

  return cli_or_dash (status);
}

static const char *
kind_label (const AccordDocument *document)
{
  return document->kind != NULL ? accord_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, document->kind) : "—";
}

/* JSON */

static void
add_time_or_null (JsonBuilder *builder,
                  const char  *name,
                  gint64       instant,
                  GTimeZone   *zone)
{
  g_autofree char *text = instant > 0 ? cli_format_iso_time (instant, zone) : NULL;

  cli_json_add_string_or_null (builder, name, text);
}

static void
add_signatures (JsonBuilder          *builder,
                const AccordDocument *document,
                GTimeZone            *zone)
{
  json_builder_set_member_name (builder, "signatures");
  json_builder_begin_array (builder);
  for (guint i = 0; document->signatures != NULL && i < document->signatures->len; i++)
    {
      AccordSignature *s = g_ptr_array_index (document->signatures, i);

      json_builder_begin_object (builder);
      cli_json_add_string_or_null (builder, "signer", s->signer);
      cli_json_add_string_or_null (builder, "role", s->role);
      add_time_or_null (builder, "signed_at", s->signed_at, zone);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_document (JsonBuilder          *builder,
              const AccordDocument *document,
              GTimeZone            *zone)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, document->id);
  cli_json_add_string_or_null (builder, "public_id", document->public_id);
  cli_json_add_string_or_null (builder, "kind", document->kind);
  cli_json_add_string_or_null (builder, "case_number", document->case_number);
  json_builder_set_member_name (builder, "session_id");
  if (document->session_id > 0)
    json_builder_add_int_value (builder, document->session_id);
  else
    json_builder_add_null_value (builder);
  cli_json_add_string_or_null (builder, "number", document->number);
  cli_json_add_string_or_null (builder, "status", document->status);
  cli_json_add_string_or_null (builder, "sha256", document->sha256);
  cli_json_add_string_or_null (builder, "signed_sha256", document->signed_sha256);
  cli_json_add_string_or_null (builder, "void_reason", document->void_reason);
  add_time_or_null (builder, "issued_at", document->issued_at, zone);
  add_signatures (builder, document, zone);
  json_builder_end_object (builder);
}

JsonNode *
cli_json_document (const AccordDocument *document,
                   GTimeZone            *zone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_document (builder, document, zone);
  return json_builder_get_root (builder);
}

JsonNode *
cli_json_documents (GPtrArray *documents,
                    GTimeZone *zone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < documents->len; i++)
    add_document (builder, g_ptr_array_index (documents, i), zone);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cli_json_verification (const AccordVerification *verification,
                       GTimeZone                *zone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "authentic");
  json_builder_add_boolean_value (builder, verification->authentic);
  json_builder_set_member_name (builder, "signed_copy");
  json_builder_add_boolean_value (builder, verification->signed_copy);
  json_builder_set_member_name (builder, "from_this_database");
  json_builder_add_boolean_value (builder, verification->from_this_database);
  json_builder_set_member_name (builder, "document");
  if (verification->document != NULL)
    add_document (builder, verification->document, zone);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Text */

void
cli_print_document_table (GPtrArray *documents)
{
  static const char * const header[] = {
    N_("ID"), N_("Number"), N_("Kind"), N_("Case"), N_("Status"), N_("Signers"),
  };
  g_autoptr(CliTable) table = cli_table_new (G_N_ELEMENTS (header), header);

  for (guint i = 0; i < documents->len; i++)
    {
      AccordDocument *document = g_ptr_array_index (documents, i);
      char *cells[] = {
        cli_format_id (document->id),
        g_strdup (cli_or_dash (document->number)),
        g_strdup (kind_label (document)),
        g_strdup (document->case_number),
        g_strdup (cli_document_status_label (document->status)),
        g_strdup_printf ("%u", document->signatures != NULL ? document->signatures->len : 0),
      };

      cli_table_take_row (table, cells);
    }

  cli_table_print (table);
}

/* "document 3, 朝信〔2026〕1号, Closure commitment, case XF-2026-000001" */
char *
cli_format_document (const AccordDocument *document)
{
  g_autofree char *id = cli_format_id (document->id);

  /* TRANSLATORS: a document: its id, number, kind and case number,
   * e.g. "document 3, 朝信〔2026〕1号, Closure commitment, case XF-2026-000001" */
  return g_strdup_printf (_("document %s, %s, %s, case %s"), id, cli_or_dash (document->number),
                          kind_label (document), document->case_number);
}

static void
print_signers (const AccordDocument *document,
               GTimeZone            *zone)
{
  for (guint i = 0; document->signatures != NULL && i < document->signatures->len; i++)
    {
      AccordSignature *s = g_ptr_array_index (document->signatures, i);
      g_autofree char *when = cli_format_time (s->signed_at, zone);
      /* TRANSLATORS: a signature: the role, the signature box and when, e.g. "petitioner (petitioner:0), 2026-11-20 10:15" */
      g_autofree char *line = g_strdup_printf (_("%s (%s), %s"), s->role, s->signer, when);

      cli_print ("  %s", line);
    }
}

/* Only for an authentic file; the others are errors. */
void
cli_print_verification (const AccordVerification *verification,
                        GTimeZone                *zone)
{
  const AccordDocument *document = verification->document;
  g_autofree char *what = cli_format_document (document);

  /* TRANSLATORS: %s describes the document, e.g. "document 3, 朝信〔2026〕1号, Closure commitment, case XF-2026-000001" */
  cli_print (_("Authentic and unaltered: this file is %s, issued by this database."), what);
  if (verification->signed_copy)
    {
      cli_print ("%s", _("It is the signed copy. Signed by:"));
      print_signers (document, zone);
    }
  else if (document->signed_sha256 != NULL)
    cli_print ("%s", _("It is the copy as issued, before signing; a signed copy exists."));
  else
    cli_print ("%s", _("It is the copy as issued; it has not been signed."));

  if (g_strcmp0 (document->status, "void") == 0)
    {
      /* TRANSLATORS: %s is the reason given when the document was voided */
      g_autofree char *warning = g_strdup_printf (_("This document has been voided: %s"),
                                                  cli_or_dash (document->void_reason));

      cli_print_warning (warning);
    }
}
