/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-fuzz-verify-pdf"

#include <string.h>

#include "accord-doc-render.h"
#include "accord-documents.h"
#include "fuzz-store.h"
#include "fuzz-target.h"

/* A PDF someone brings to the bureau (accord-cli doc verify, the verify
 * dialog), checked against a small real database with one issued document:
 * only that document's bytes are authentic, and a file naming it is an
 * altered copy of it. */

static GBytes *issued;
static gint64 issued_id;

/* Accepted and replied to with a handling opinion: a closure commitment
 * can be issued. */
static void
step (AccordCase                 **c,
      const AccordCaseTransition  *transition)
{
  g_autoptr(GError) error = NULL;
  AccordCase *next = accord_store_transition_case (fuzz_store (), accord_case_get_number (*c),
                                                   accord_case_get_version (*c), transition, &error);

  if (next == NULL)
    g_error ("%s", error->message);
  g_object_unref (*c);
  *c = next;
}

static void
issue_document (void)
{
  static const AccordPetitionerInput petitioner = {
    "张伟", "11010519491231002X", "13812345678", "北京市朝阳区建国路1号",
  };
  AccordCaseInput in = { .title = "房屋征收补偿问题", .summary = "反映房屋征收补偿标准偏低",
                         .category = "城乡建设", .channel = "visit", .received_on = "2026-03-02",
                         .petitioners = &petitioner, .n_petitioners = 1 };
  AccordStore *store = fuzz_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;
  g_autoptr(AccordDocument) document = NULL;
  g_auto(AccordVerification) v = { 0 };
  g_autofree guchar *altered = NULL;
  gsize length;

  if ((c = accord_store_add_case (store, &in, &error)) == NULL)
    g_error ("%s", error->message);
  step (&c, &(AccordCaseTransition) { ACCORD_CASE_ACTION_ACCEPT, .date = "2026-03-03" });
  step (&c, &(AccordCaseTransition) { ACCORD_CASE_ACTION_REPLY, .date = "2026-04-01", .opinion = "support" });
  if ((document = accord_store_issue_document (store, "closure_commitment", accord_case_get_number (c), 0,
                                               accord_doc_render, NULL, &error)) == NULL ||
      (issued = accord_store_document_pdf (store, document->id, &error)) == NULL)
    g_error ("%s", error->message);
  issued_id = document->id;

  /* The issued file is authentic; the same file with one byte changed is not,
   * but still names the document. */
  fuzz_assert (accord_store_verify_pdf (store, issued, &v, NULL));
  fuzz_assert (v.authentic && !v.signed_copy && v.from_this_database && v.document->id == issued_id);
  accord_verification_clear (&v);

  altered = g_bytes_unref_to_data (g_bytes_ref (issued), &length);
  altered[length / 2] ^= 0x01;
  {
    g_autoptr(GBytes) copy = g_bytes_new_static (altered, length);

    fuzz_assert (accord_store_verify_pdf (store, copy, &v, NULL));
    fuzz_assert (!v.authentic && v.from_this_database && v.document->id == issued_id);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AccordVerification) v = { 0 };

  if (issued == NULL)
    issue_document ();

  /* A copy that libFuzzer's bounds checking sees the end of. */
  pdf = g_bytes_new (data, size);
  fuzz_assert (accord_store_verify_pdf (fuzz_store (), pdf, &v, &error));
  fuzz_assert (error == NULL);
  fuzz_assert (!v.authentic || g_bytes_equal (pdf, issued));
  fuzz_assert (!v.signed_copy || v.authentic);
  fuzz_assert ((v.document != NULL) == v.from_this_database);
  fuzz_assert (v.document == NULL || v.document->id == issued_id);
  return 0;
}
