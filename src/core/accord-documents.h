/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "accord-store.h"

G_BEGIN_DECLS

/* Issued documents (DOMAIN.md §5): the content snapshot frozen at issue,
 * the PDF and its SHA-256, signatures, voiding.  Core does not draw: the
 * caller passes the renderer (src/docs), which core calls inside the
 * issuing or signing action so that number, PDF and hash are written
 * together or not at all. */

typedef struct
{
  char   *signer;       /* the signer key of the box, e.g. "petitioner:0" */
  char   *role;
  gint64  signed_at;
} AccordSignature;

typedef struct
{
  gint64     id;
  char      *public_id;       /* printed on every page: "<database>-<id>" */
  char      *kind;
  char      *case_number;
  gint64     session_id;      /* 0: none */
  char      *number;          /* NULL while a draft */
  char      *status;          /* draft | issued | signed | void */
  char      *sha256;          /* of the issued PDF */
  char      *signed_sha256;   /* of the signed PDF */
  char      *void_reason;
  gint64     issued_at;
  GPtrArray *signatures;      /* AccordSignature */
} AccordDocument;

typedef GBytes *(*AccordDocumentRenderer) (JsonObject  *content,
                                           const char  *public_id,
                                           const char  *short_hash,
                                           JsonObject  *signatures,
                                           gpointer     user_data,
                                           GError     **error);

typedef struct
{
  gboolean        authentic;          /* byte for byte a PDF this database issued or signed */
  gboolean        signed_copy;        /* ... and it is the signed one */
  gboolean        from_this_database; /* it names a document of this database */
  AccordDocument *document;           /* the document it is or names, if any */
} AccordVerification;

void            accord_document_free            (AccordDocument      *self);
void            accord_verification_clear       (AccordVerification  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordDocument, accord_document_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AccordVerification, accord_verification_clear)

JsonObject     *accord_store_document_content   (AccordStore         *store,
                                                 const char          *kind,
                                                 const char          *case_number,
                                                 gint64               session_id,
                                                 gboolean             for_signature,
                                                 GError             **error);
AccordDocument *accord_store_issue_document     (AccordStore         *store,
                                                 const char          *kind,
                                                 const char          *case_number,
                                                 gint64               session_id,
                                                 AccordDocumentRenderer renderer,
                                                 gpointer             user_data,
                                                 GError             **error);
AccordDocument *accord_store_sign_document      (AccordStore         *store,
                                                 gint64               document_id,
                                                 const char          *signer,
                                                 const char          *role,
                                                 const char          *strokes_json,
                                                 AccordDocumentRenderer renderer,
                                                 gpointer             user_data,
                                                 GError             **error);
gboolean        accord_store_void_document      (AccordStore         *store,
                                                 gint64               document_id,
                                                 const char          *reason,
                                                 GError             **error);
AccordDocument *accord_store_get_document       (AccordStore         *store,
                                                 gint64               document_id,
                                                 GError             **error);
GPtrArray      *accord_store_list_documents     (AccordStore         *store,
                                                 const char          *case_number,
                                                 GError             **error);
/* What to draw for an issued or signed document: its frozen content (with
 * the signing record once signed), the short hash printed on its pages and
 * each signer's strokes; the arguments the renderer was given. */
gboolean        accord_store_document_drawing   (AccordStore         *store,
                                                 gint64               document_id,
                                                 JsonObject         **content,
                                                 char               **short_hash,
                                                 JsonObject         **strokes,
                                                 GError             **error);
GBytes         *accord_store_document_pdf       (AccordStore         *store,
                                                 gint64               document_id,
                                                 GError             **error);
gboolean        accord_store_verify_pdf         (AccordStore         *store,
                                                 GBytes              *pdf,
                                                 AccordVerification  *verification,
                                                 GError             **error);
gboolean        accord_validate_strokes         (const char          *strokes_json,
                                                 GError             **error);

G_END_DECLS
