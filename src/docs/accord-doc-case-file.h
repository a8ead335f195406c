/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "accord-store.h"

G_BEGIN_DECLS

/* The case file (一案一卷, DOMAIN.md §1): one PDF with a cover that sums up
 * the case, its documents and its history, followed by every issued or
 * signed document of the case, each drawn from its stored snapshot as its
 * own PDF shows it, with a bookmark for the cover and one per document.
 * Voided documents are listed on the cover, marked void with the reason,
 * and their pages are left out; drafts are neither listed nor included.
 *
 * Reading and drawing are apart: read where the store is used, then render
 * anywhere (a worker thread), since rendering needs no store. */
typedef struct _AccordDocCaseFile AccordDocCaseFile;

AccordDocCaseFile *accord_doc_case_file_read            (AccordStore        *store,
                                                         const char         *case_number,
                                                         const char         *language,
                                                         GError            **error);
GBytes            *accord_doc_case_file_render          (AccordDocCaseFile  *file,
                                                         GError            **error);
guint              accord_doc_case_file_get_n_documents (AccordDocCaseFile  *file);
void               accord_doc_case_file_free            (AccordDocCaseFile  *file);

/* Both at once. */
GBytes            *accord_doc_case_file                 (AccordStore        *store,
                                                         const char         *case_number,
                                                         const char         *language,
                                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordDocCaseFile, accord_doc_case_file_free)

G_END_DECLS
