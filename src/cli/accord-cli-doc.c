/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <string.h>

#include <glib/gi18n.h>

#include "accord-doc-case-file.h"
#include "accord-doc-render.h"
#include "accord-documents.h"
#include "accord-enums.h"
#include "accord-scheduler.h"
#include "accord-store.h"
#include "accord-validate.h"

#include "accord-cli.h"
#include "accord-cli-output.h"

#define PDF_MAGIC "%PDF-"

/* What doc render and doc issue read from their options. */
typedef struct
{
  char     *kind;
  char     *case_number;
  char     *session;
  gboolean  for_signature;
  char     *out;
  char     *kind_help;
} DocOptions;

/* Helpers */

static void
doc_options_clear (DocOptions *options)
{
  g_free (options->kind);
  g_free (options->case_number);
  g_free (options->session);
  g_free (options->out);
  g_free (options->kind_help);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocOptions, doc_options_clear)

static char *
kind_help (void)
{
  g_autofree char *codes = accord_vocab_codes_joined (ACCORD_VOCAB_DOCUMENT_KIND);

  /* TRANSLATORS: %s is the list of document kinds */
  return g_strdup_printf (_("What kind of document (required): %s"), codes);
}

static GOptionContext *
doc_context_new (DocOptions *options,
                 const char *summary,
                 gboolean    draft)
{
  const char *help = (options->kind_help = kind_help ());
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options->kind, help, N_("KIND") },
    { "case", 0, 0, G_OPTION_ARG_STRING, &options->case_number, N_("The case number (required)"), N_("NUMBER") },
    { "session", 0, 0, G_OPTION_ARG_STRING, &options->session,
      N_("The hearing or mediation the document is about"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry draft_entries[] = {
    { "for-signature", 0, 0, G_OPTION_ARG_NONE, &options->for_signature,
      N_("Print ID numbers, phone numbers and addresses in full, for a copy to be signed on paper"), NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &options->out, N_("The PDF file to write (required)"), N_("FILE.pdf") },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry issue_entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &options->out, N_("Also write the issued PDF to this file"), N_("FILE.pdf") },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context = cli_option_context_new (NULL, summary, entries);

  g_option_context_add_main_entries (context, draft ? draft_entries : issue_entries, GETTEXT_PACKAGE);
  return context;
}

static gboolean
check_doc_options (DocOptions  *options,
                   gboolean     draft,
                   gint64      *session_id,
                   GError     **error)
{
  *session_id = 0;
  return cli_require_option (options->kind != NULL, "--kind", error)
         && cli_require_option (options->case_number != NULL, "--case", error)
         && (!draft || cli_require_option (options->out != NULL, "--out", error))
         && (options->session == NULL || cli_parse_id (options->session, _("the session id"), session_id, error));
}

/* The documents are written in the bureau's document language, whatever
 * the language of the command line. */
static char *
document_language (AccordStore *store)
{
  return accord_store_get_setting (store, "document_language", "zh_CN");
}

/* A document whose content lacks what its kind needs (a hearing opinion
 * without an outcome, say) is refused like any other invalid input. */
static void
propagate_render_error (GError **error,
                        GError  *local_error)
{
  if (!g_error_matches (local_error, ACCORD_DOC_ERROR, ACCORD_DOC_ERROR_CONTENT))
    {
      g_propagate_error (error, local_error);
      return;
    }

  g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_REQUIRED, local_error->message);
  g_error_free (local_error);
}

static gboolean
write_pdf (const char  *path,
           GBytes      *pdf,
           GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);

  /* A document names people, and a copy for signing has their ID numbers
   * in full: only its owner reads it. */
  return g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
print_document (CliContext     *cli,
                AccordDocument *document,
                GTimeZone      *zone,
                const char     *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (!cli->json)
    {
      cli_print ("%s", text);
      return;
    }

  node = cli_json_document (document, zone);
  cli_print_json (node);
}

static void
print_written (CliContext *cli,
               const char *path,
               gint64      document_id,
               gboolean    signed_copy,
               const char *text)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!cli->json)
    {
      cli_print ("%s", text);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "document_id");
  if (document_id > 0)
    json_builder_add_int_value (builder, document_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "signed");
  json_builder_add_boolean_value (builder, signed_copy);
  cli_print_json_object (builder);
}

/* A signature box: "petitioner:0", "person:12", "officer" or "unit"
 * (src/docs/accord-doc-kinds.h). */
static gboolean
is_signer_key (const char *key)
{
  const char *prefixes[] = { "petitioner:", "person:" };

  if (g_str_equal (key, "officer") || g_str_equal (key, "unit"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (key, prefixes[i]))
      {
        const char *n = key + strlen (prefixes[i]);

        return *n != '\0' && strspn (n, "0123456789") == strlen (n);
      }

  return FALSE;
}

static char *
read_strokes (const char  *path,
              GError     **error)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;

  return g_steal_pointer (&text);
}

/* doc render */

static gboolean
doc_render (CliContext  *cli,
            int          argc,
            char       **argv,
            GError     **error)
{
  g_auto(DocOptions) options = { 0 };
  g_autoptr(GOptionContext) context =
    doc_context_new (&options, _("Write a draft of a document to a PDF file, to read it before issuing. "
                                 "A draft has no number, is marked as a draft and is not kept."), TRUE);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(JsonObject) content = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *language = NULL;
  g_autofree char *text = NULL;
  gint64 session_id = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !check_doc_options (&options, TRUE, &session_id, error))
    return FALSE;

  if ((store = cli_open_store (cli, FALSE, error)) == NULL
      || (content = accord_store_document_content (store, options.kind, options.case_number, session_id,
                                                   options.for_signature, error)) == NULL)
    return FALSE;

  language = document_language (store);
  if ((pdf = accord_doc_render (content, NULL, NULL, NULL, language, &local_error)) == NULL)
    {
      propagate_render_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!write_pdf (options.out, pdf, error))
    return FALSE;

  /* TRANSLATORS: %s is a file name */
  text = g_strdup_printf (_("Wrote a draft to %s"), options.out);
  print_written (cli, options.out, 0, FALSE, text);
  return TRUE;
}

/* doc issue */

static gboolean
doc_issue (CliContext  *cli,
           int          argc,
           char       **argv,
           GError     **error)
{
  g_auto(DocOptions) options = { 0 };
  g_autoptr(GOptionContext) context =
    doc_context_new (&options, _("Issue a document: give it the next number of the year, freeze its content "
                                 "and keep its PDF. Prints its id and number."), FALSE);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(AccordDocument) document = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *language = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  gint64 session_id = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !check_doc_options (&options, FALSE, &session_id, error)
      || (scheduler = cli_open_scheduler (cli, &store, error)) == NULL)
    return FALSE;

  language = document_language (store);
  document = accord_store_issue_document (store, options.kind, options.case_number, session_id,
                                          accord_doc_render, language, &local_error);
  if (document == NULL)
    {
      propagate_render_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  id = cli_format_id (document->id);
  if (options.out != NULL
      && ((pdf = accord_store_document_pdf (store, document->id, &local_error)) == NULL
          || !write_pdf (options.out, pdf, &local_error)))
    {
      /* TRANSLATORS: a document's id and why its PDF could not be written */
      g_set_error (error, CLI_ERROR, CLI_ERROR_FAILED, _("Document %s was issued, but its PDF was not written: %s"),
                   id, local_error->message);
      return FALSE;
    }

  /* TRANSLATORS: a document's id and number, e.g. "Issued document 3, number 朝信〔2026〕12号" */
  text = g_strdup_printf (_("Issued document %s, number %s"), id, document->number);
  if (options.out != NULL)
    {
      g_autofree char *line = text;
      /* TRANSLATORS: %s is a file name */
      g_autofree char *written = g_strdup_printf (_("Wrote %s"), options.out);

      text = g_strdup_printf ("%s\n%s", line, written);
    }
  print_document (cli, document, cli_scheduler_zone (scheduler), text);
  return TRUE;
}

/* doc sign */

static gboolean
doc_sign (CliContext  *cli,
          int          argc,
          char       **argv,
          GError     **error)
{
  g_autofree char *signer = NULL;
  g_autofree char *role = NULL;
  g_autofree char *strokes_path = NULL;
  const GOptionEntry entries[] = {
    { "signer", 0, 0, G_OPTION_ARG_STRING, &signer,
      N_("The signature box (required): petitioner:N (the Nth petitioner, from 0), person:ID, officer or unit"),
      N_("KEY") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("In what capacity they sign, e.g. petitioner, witness, mediator (required)"), N_("ROLE") },
    { "strokes", 0, 0, G_OPTION_ARG_FILENAME, &strokes_path,
      N_("The handwritten signature (required): a JSON list of strokes, each a list of points "
         "{\"x\", \"y\", \"p\", \"t\"} with x and y from 0 to 1 within the box"), N_("FILE.json") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("DOC_ID"), _("Add a handwritten signature to an issued document; the signed PDF "
                                           "is kept beside the issued one."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(AccordDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *strokes = NULL;
  g_autofree char *language = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  gint64 document_id = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the document id"), &document_id, error)
      || !cli_require_option (signer != NULL, "--signer", error)
      || !cli_require_option (role != NULL, "--role", error)
      || !cli_require_option (strokes_path != NULL, "--strokes", error))
    return FALSE;

  if (!is_signer_key (signer))
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE,
                           _("The option --signer takes a signature box: petitioner:N, person:ID, officer or unit"));
      return FALSE;
    }

  if ((strokes = read_strokes (strokes_path, error)) == NULL
      || (scheduler = cli_open_scheduler (cli, &store, error)) == NULL)
    return FALSE;

  language = document_language (store);
  document = accord_store_sign_document (store, document_id, signer, role, strokes, accord_doc_render, language,
                                         &local_error);
  if (document == NULL)
    {
      propagate_render_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  id = cli_format_id (document->id);
  /* TRANSLATORS: a document's id, the signature box and the document's status, e.g. "Document 3 signed in the box petitioner:0; now Signed" */
  text = g_strdup_printf (_("Document %s signed in the box %s; now %s"), id, signer,
                          cli_document_status_label (document->status));
  print_document (cli, document, cli_scheduler_zone (scheduler), text);
  return TRUE;
}

/* doc list */

static gboolean
doc_list (CliContext  *cli,
          int          argc,
          char       **argv,
          GError     **error)
{
  g_autofree char *case_number = NULL;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_number, N_("Only the documents of this case"), N_("NUMBER") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (NULL, _("List the issued documents, voided ones included."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || (scheduler = cli_open_scheduler (cli, &store, error)) == NULL)
    return FALSE;

  if (case_number != NULL)
    {
      g_autoptr(AccordCase) c = accord_store_get_case (store, case_number, error);

      if (c == NULL)
        return FALSE;
    }

  if ((documents = accord_store_list_documents (store, case_number, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_documents (documents, cli_scheduler_zone (scheduler));

      cli_print_json (node);
    }
  else if (documents->len == 0)
    cli_print ("%s", _("No documents found."));
  else
    cli_print_document_table (documents);

  return TRUE;
}

/* doc export */

static gboolean
doc_export (CliContext  *cli,
            int          argc,
            char       **argv,
            GError     **error)
{
  g_autofree char *out = NULL;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write (required)"), N_("FILE.pdf") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("DOC_ID"), _("Write a document's PDF to a file: the signed copy if it has been "
                                           "signed, else the copy as issued."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordDocument) document = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  gint64 document_id = 0;
  gboolean signed_copy;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the document id"), &document_id, error)
      || !cli_require_option (out != NULL, "--out", error))
    return FALSE;

  if ((store = cli_open_store (cli, FALSE, error)) == NULL
      || (document = accord_store_get_document (store, document_id, error)) == NULL
      || (pdf = accord_store_document_pdf (store, document_id, error)) == NULL
      || !write_pdf (out, pdf, error))
    return FALSE;

  id = cli_format_id (document->id);
  signed_copy = document->signed_sha256 != NULL;
  if (signed_copy)
    /* TRANSLATORS: a document's id and a file name */
    text = g_strdup_printf (_("Wrote the signed copy of document %s to %s"), id, out);
  else
    /* TRANSLATORS: a document's id and a file name */
    text = g_strdup_printf (_("Wrote document %s as issued to %s"), id, out);
  print_written (cli, out, document->id, signed_copy, text);
  return TRUE;
}

/* doc void */

static gboolean
doc_void (CliContext  *cli,
          int          argc,
          char       **argv,
          GError     **error)
{
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the document is voided (required; written to the audit log)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("DOC_ID"), _("Void an issued document. It is kept, marked void; issue a corrected "
                                           "one if needed."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(AccordDocument) document = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  gint64 document_id = 0;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_single_id (argc, argv, _("the document id"), &document_id, error)
      || !cli_require_option (reason != NULL, "--reason", error))
    return FALSE;

  if ((scheduler = cli_open_scheduler (cli, &store, error)) == NULL
      || (document = accord_store_get_document (store, document_id, error)) == NULL
      || !accord_store_void_document (store, document_id, reason, error))
    return FALSE;

  g_clear_pointer (&document, accord_document_free);
  if ((document = accord_store_get_document (store, document_id, error)) == NULL)
    return FALSE;

  id = cli_format_id (document_id);
  /* TRANSLATORS: %s is a document's id */
  text = g_strdup_printf (_("Document %s voided"), id);
  print_document (cli, document, cli_scheduler_zone (scheduler), text);
  return TRUE;
}

/* doc verify */

static GBytes *
read_pdf (const char  *path,
          GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  if (length < strlen (PDF_MAGIC) || memcmp (data, PDF_MAGIC, strlen (PDF_MAGIC)) != 0)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_FAILED, _("This file is not a PDF document"));
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

static void
set_not_authentic_error (const AccordVerification  *verification,
                         GError                   **error)
{
  g_autofree char *what = NULL;

  if (!verification->from_this_database || verification->document == NULL)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_FAILED,
                           _("Not authentic: this file is not from this database; it is none of the documents "
                             "this database issued or signed"));
      return;
    }

  what = cli_format_document (verification->document);
  /* TRANSLATORS: %s describes the document, e.g. "document 3, 朝信〔2026〕1号, Closure commitment, case XF-2026-000001" */
  g_set_error (error, CLI_ERROR, CLI_ERROR_FAILED,
               _("Not authentic: this file has been altered; it names %s of this database, but it is not "
                 "the PDF that was issued or signed"), what);
}

static gboolean
doc_verify (CliContext  *cli,
            int          argc,
            char       **argv,
            GError     **error)
{
  g_autoptr(GOptionContext) context =
    cli_option_context_new (_("FILE.pdf"), _("Check that a PDF is, byte for byte, a document this database issued "
                                             "or signed. Exits with status 0 only for an authentic, unaltered "
                                             "file."), NULL);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_auto(AccordVerification) verification = { 0 };
  const char *path;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || (path = cli_single_argument (argc, argv, _("the PDF file"), error)) == NULL
      || (pdf = read_pdf (path, error)) == NULL
      || (scheduler = cli_open_scheduler (cli, &store, error)) == NULL
      || !accord_store_verify_pdf (store, pdf, &verification, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cli_json_verification (&verification, cli_scheduler_zone (scheduler));

      cli_print_json (node);
    }
  else if (verification.authentic)
    cli_print_verification (&verification, cli_scheduler_zone (scheduler));

  if (verification.authentic)
    return TRUE;

  set_not_authentic_error (&verification, error);
  return FALSE;
}

/* doc case-file */

static gboolean
doc_case_file (CliContext  *cli,
               int          argc,
               char       **argv,
               GError     **error)
{
  g_autofree char *case_number = NULL;
  g_autofree char *out = NULL;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_number, N_("The case number (required)"), N_("NUMBER") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write (required)"), N_("FILE.pdf") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cli_option_context_new (NULL, _("Write the case file (one case, one file): a cover that sums up the case, its "
                                    "documents and its history, then every issued or signed document of the "
                                    "case as one PDF with a bookmark for each. Voided documents are listed on "
                                    "the cover but not included."), entries);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *language = NULL;
  g_autofree char *text = NULL;

  if (!cli_parse_options (cli, context, &argc, &argv, error)
      || !cli_no_arguments (argc, argv, error)
      || !cli_require_option (case_number != NULL, "--case", error)
      || !cli_require_option (out != NULL, "--out", error)
      || (store = cli_open_store (cli, FALSE, error)) == NULL)
    return FALSE;

  language = document_language (store);
  if ((pdf = accord_doc_case_file (store, case_number, language, error)) == NULL
      || !write_pdf (out, pdf, error))
    return FALSE;

  /* TRANSLATORS: a case number and a file name */
  text = g_strdup_printf (_("Wrote the case file of %s to %s"), case_number, out);
  print_written (cli, out, 0, FALSE, text);
  return TRUE;
}

/* Public */

GArray *
cli_doc_verbs (void)
{
  const CliVerb all[] = {
    { "render", _("Write a draft of a document to a PDF file"), doc_render },
    { "issue", _("Issue a document with the next number"), doc_issue },
    { "sign", _("Add a handwritten signature to an issued document"), doc_sign },
    { "list", _("List the issued documents"), doc_list },
    { "export", _("Write a document's PDF to a file"), doc_export },
    { "void", _("Void an issued document"), doc_void },
    { "verify", _("Check that a PDF is an unaltered document of this database"), doc_verify },
    { "case-file", _("Write a case's documents as one PDF with a cover"), doc_case_file },
  };

  return cli_verbs_new (all, G_N_ELEMENTS (all));
}
