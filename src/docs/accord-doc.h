/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Documents are built as a list of blocks (this builder), then laid out on
 * A4 pages with the GB/T 9704-2012 type area (DOMAIN.md §5) and drawn on
 * any cairo_t: the PDF, the on-screen preview and the printed page are one
 * drawing.  Units are PostScript points; a page is ACCORD_DOC_PAGE_WIDTH x
 * ACCORD_DOC_PAGE_HEIGHT. */

#define ACCORD_DOC_PAGE_WIDTH  595.2756   /* 210 mm */
#define ACCORD_DOC_PAGE_HEIGHT 841.8898   /* 297 mm */

#define ACCORD_DOC_ERROR (accord_doc_error_quark ())

typedef enum
{
  ACCORD_DOC_ERROR_UNKNOWN_KIND,
  ACCORD_DOC_ERROR_CONTENT,       /* the content lacks what the kind needs */
  ACCORD_DOC_ERROR_RENDER,
} AccordDocError;

typedef struct _AccordDocBuilder AccordDocBuilder;
typedef struct _AccordDocLayout  AccordDocLayout;

/* What a page carries besides the blocks. */
typedef struct
{
  const char *title;          /* PDF metadata */
  const char *author;         /* the bureau */
  const char *subject;
  const char *keywords;       /* includes the case number */
  gint64      created;        /* Unix seconds, for the PDF's creation date */
  const char *document_id;    /* verification footer and QR code; NULL: a draft, marked as such */
  const char *short_hash;
  JsonObject *signatures;     /* signer key -> array of strokes, each an array of {x, y, p, t};
                                 x and y from 0 to 1 within the signature box; NULL: none */
} AccordDocPage;

/* A signature box of a laid-out document: whom it is for and the size of
 * the area the handwriting is drawn into, in points (the strokes' x and y
 * run from 0 to 1 across it). */
typedef struct
{
  char   *key;      /* the signer key, e.g. "petitioner:0" */
  char   *role;     /* the role label printed by the box, in the document language; "" if none */
  char   *name;     /* the signer's name; "" if left blank */
  double  width;
  double  height;
} AccordDocSigner;

GQuark            accord_doc_error_quark     (void);

AccordDocBuilder *accord_doc_builder_new     (void);
void              accord_doc_builder_free    (AccordDocBuilder       *b);

void              accord_doc_title           (AccordDocBuilder       *b,
                                              const char             *text);
void              accord_doc_subtitle        (AccordDocBuilder       *b,
                                              const char             *text);
void              accord_doc_heading         (AccordDocBuilder       *b,
                                              const char             *text);
void              accord_doc_paragraph       (AccordDocBuilder       *b,
                                              const char             *text);
void              accord_doc_field           (AccordDocBuilder       *b,
                                              const char             *label,
                                              const char             *value);
void              accord_doc_right           (AccordDocBuilder       *b,
                                              const char             *text);
void              accord_doc_table           (AccordDocBuilder       *b,
                                              const char * const     *headers,
                                              GPtrArray              *rows);
void              accord_doc_signature       (AccordDocBuilder       *b,
                                              const char             *signer_key,
                                              const char             *role_label,
                                              const char             *name,
                                              gboolean                fingerprint);
void              accord_doc_seal            (AccordDocBuilder       *b,
                                              const char             *label,
                                              const char             *date_text);
void              accord_doc_space           (AccordDocBuilder       *b,
                                              double                  lines);
void              accord_doc_page_break      (AccordDocBuilder       *b);
void              accord_doc_page_signatures (AccordDocBuilder       *b,
                                              const char             *label);
void              accord_doc_page_signer     (AccordDocBuilder       *b,
                                              const char             *signer_key,
                                              const char             *name);

AccordDocLayout  *accord_doc_layout_new      (AccordDocBuilder       *b,
                                              const AccordDocPage    *page);
void              accord_doc_layout_free     (AccordDocLayout        *layout);
guint             accord_doc_layout_get_n_pages (AccordDocLayout     *layout);
double            accord_doc_layout_get_page_fill (AccordDocLayout   *layout,
                                              guint                   page);
GPtrArray        *accord_doc_layout_get_signers (AccordDocLayout     *layout);
void              accord_doc_layout_draw_page (AccordDocLayout       *layout,
                                              cairo_t                *cr,
                                              guint                   page);
GBytes           *accord_doc_layout_to_pdf   (AccordDocLayout        *layout,
                                              GError                **error);

/* Runs the text of documents in @language (e.g. "zh_CN") whatever the
 * interface language, on the calling thread only (other threads, and the
 * environment, are left as they are); pop restores it.  Texts are
 * C_("document", …). */
void              accord_doc_language_push   (const char             *language);
void              accord_doc_language_pop    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordDocBuilder, accord_doc_builder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordDocLayout, accord_doc_layout_free)

G_END_DECLS
