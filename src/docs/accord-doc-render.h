/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-doc.h"

G_BEGIN_DECLS

/* A document's content snapshot to PDF, in the document language
 * (@language, e.g. "zh_CN"; NULL for zh_CN).  Its signature is core's
 * AccordDocumentRenderer, with the language as user data; a NULL
 * @public_id renders a draft. */
GBytes *accord_doc_render (JsonObject  *content,
                           const char  *public_id,
                           const char  *short_hash,
                           JsonObject  *signatures,
                           gpointer     language,
                           GError     **error);

/* The same pages as a layout, to draw on any cairo_t: the preview, the
 * printed page and the case file draw what the PDF shows. */
AccordDocLayout *accord_doc_render_layout (JsonObject  *content,
                                           const char  *public_id,
                                           const char  *short_hash,
                                           JsonObject  *signatures,
                                           const char  *language,
                                           GError     **error);

G_END_DECLS
