/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_DOCUMENT_WINDOW (accord_document_window_get_type ())
G_DECLARE_FINAL_TYPE (AccordDocumentWindow, accord_document_window, ACCORD, DOCUMENT_WINDOW, AdwWindow)

/* A draft of @kind for a case; @session_id 0 for none (see
 * accord_document_window_suggest_session). */
AccordDocumentWindow *accord_document_window_new_draft        (GtkWindow            *parent,
                                                               AccordStore          *store,
                                                               const char           *kind,
                                                               const char           *case_number,
                                                               gint64                session_id);
AccordDocumentWindow *accord_document_window_new_for_document (GtkWindow            *parent,
                                                               AccordStore          *store,
                                                               gint64                document_id);

/* The case's session a document of @kind is most likely about; 0: none. */
gint64             accord_document_window_suggest_session   (AccordStore          *store,
                                                             const char           *kind,
                                                             const char           *case_number);

/* 0 while the window shows a draft. */
gint64             accord_document_window_get_document_id   (AccordDocumentWindow *self);
guint              accord_document_window_get_n_pages       (AccordDocumentWindow *self);
/* The print job of what the window shows, ready to run; NULL with @error
 * if the document cannot be drawn. */
GtkPrintOperation *accord_document_window_new_print_operation (AccordDocumentWindow *self,
                                                               GError              **error);
/* Writes the PDF: a draft as it is shown, an issued or signed document
 * byte for byte as it was kept. */
gboolean           accord_document_window_save_pdf          (AccordDocumentWindow *self,
                                                             GFile                *file,
                                                             GError              **error);

G_END_DECLS
