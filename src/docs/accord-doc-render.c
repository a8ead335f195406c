/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <glib/gi18n.h>

#include "accord-doc-gettext.h"
#include "accord-doc-kinds.h"
#include "accord-doc-render.h"
#include "accord-enums.h"

static const char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* Each signer, role and time, and the SHA-256 of the issued document the
 * signatures were given on. */
static void
add_signing_record (AccordDocBuilder *b,
                    JsonObject       *record)
{
  JsonArray *signers = json_object_get_array_member (record, "signers");
  g_autofree char *issued = g_strdup_printf (C_("document", "SHA-256 of the issued document: %s"),
                                             member (record, "issued_sha256"));

  accord_doc_page_break (b);
  accord_doc_heading (b, C_("document", "Signing record"));
  accord_doc_paragraph (b, issued);
  for (guint i = 0; signers != NULL && i < json_array_get_length (signers); i++)
    {
      JsonObject *s = json_array_get_object_element (signers, i);
      g_autofree char *line = g_strdup_printf (C_("document", "%s (%s), signed on %s"),
                                               member (s, "role"), member (s, "signer"), member (s, "signed_at"));
      accord_doc_paragraph (b, line);
    }
}

static AccordDocLayout *
layout_content (JsonObject  *content,
                const char  *public_id,
                const char  *short_hash,
                JsonObject  *signatures,
                GError     **error)
{
  g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
  JsonObject *the_case = json_object_get_object_member (content, "case");
  const char *kind = member (content, "kind");
  g_autofree char *keywords = NULL;
  AccordDocPage page = { 0 };

  if (!accord_doc_build (kind, content, b, error))
    return NULL;
  if (json_object_has_member (content, "signing_record"))
    add_signing_record (b, json_object_get_object_member (content, "signing_record"));

  /* The verifier finds the document again by these keywords. */
  keywords = public_id ? g_strdup_printf ("accord:doc:%s %s", public_id, member (the_case, "number"))
                       : g_strdup (member (the_case, "number"));
  page = (AccordDocPage) {
    accord_doc_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, kind), member (content, "bureau"), member (the_case, "title"),
    keywords, g_get_real_time () / G_USEC_PER_SEC, public_id, short_hash, signatures,
  };
  return accord_doc_layout_new (b, &page);
}

AccordDocLayout *
accord_doc_render_layout (JsonObject  *content,
                          const char  *public_id,
                          const char  *short_hash,
                          JsonObject  *signatures,
                          const char  *language,
                          GError     **error)
{
  AccordDocLayout *layout;

  g_return_val_if_fail (content != NULL, NULL);

  accord_doc_language_push (language != NULL ? language : "zh_CN");
  layout = layout_content (content, public_id, short_hash, signatures, error);
  accord_doc_language_pop ();
  return layout;
}

GBytes *
accord_doc_render (JsonObject  *content,
                   const char  *public_id,
                   const char  *short_hash,
                   JsonObject  *signatures,
                   gpointer     language,
                   GError     **error)
{
  g_autoptr(AccordDocLayout) layout = NULL;
  GBytes *pdf = NULL;

  g_return_val_if_fail (content != NULL, NULL);

  accord_doc_language_push (language != NULL ? language : "zh_CN");
  layout = layout_content (content, public_id, short_hash, signatures, error);
  if (layout != NULL)
    pdf = accord_doc_layout_to_pdf (layout, error);
  accord_doc_language_pop ();
  return pdf;
}
