/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "accord-doc.h"
#include "accord-doc-gettext.h"

G_BEGIN_DECLS

/* The geometry of GB/T 9704-2012 (DOMAIN.md §5), in points. */
#define ACCORD_DOC_MM            (72.0 / 25.4)
#define ACCORD_DOC_MARGIN_TOP    (37.0 * ACCORD_DOC_MM)
#define ACCORD_DOC_MARGIN_LEFT   (28.0 * ACCORD_DOC_MM)
#define ACCORD_DOC_AREA_WIDTH    (156.0 * ACCORD_DOC_MM)
#define ACCORD_DOC_AREA_HEIGHT   (225.0 * ACCORD_DOC_MM)
#define ACCORD_DOC_LINES         22
#define ACCORD_DOC_PITCH         (ACCORD_DOC_AREA_HEIGHT / ACCORD_DOC_LINES)

/* Size 3 (三号) is 16 pt, but 28 characters of 16 pt (448 pt) do not fit
 * the 156 mm (442.2 pt) line the standard asks for; the standard's own
 * arithmetic gives 15.8 pt a character with no extra spacing.  15.75 pt
 * (a whole number of Pango units) makes 28 characters 441 pt wide. */
#define ACCORD_DOC_BODY_SIZE     15.75
#define ACCORD_DOC_TITLE_SIZE    22.0
#define ACCORD_DOC_TABLE_SIZE    14.0
#define ACCORD_DOC_FOLIO_SIZE    14.0
#define ACCORD_DOC_FOOTER_SIZE   7.5
#define ACCORD_DOC_FONT          "Noto Serif CJK SC"

typedef enum
{
  ACCORD_DOC_BLOCK_TITLE,
  ACCORD_DOC_BLOCK_SUBTITLE,
  ACCORD_DOC_BLOCK_HEADING,
  ACCORD_DOC_BLOCK_PARAGRAPH,
  ACCORD_DOC_BLOCK_FIELD,
  ACCORD_DOC_BLOCK_RIGHT,
  ACCORD_DOC_BLOCK_TABLE,
  ACCORD_DOC_BLOCK_SIGNATURE,
  ACCORD_DOC_BLOCK_SEAL,
  ACCORD_DOC_BLOCK_SPACE,
  ACCORD_DOC_BLOCK_PAGE_BREAK,
} AccordDocBlockKind;

typedef struct
{
  AccordDocBlockKind kind;
  char              *text;        /* the text; field label; signature role; seal label */
  char              *text2;       /* field value; signer's name; seal date */
  char              *key;         /* signature: the signer key */
  char             **headers;     /* table */
  GPtrArray         *rows;        /* table: char ** each, as many cells as headers */
  gboolean           fingerprint;
  double             lines;       /* space */
} AccordDocBlock;

struct _AccordDocBuilder
{
  GPtrArray *blocks;
  char      *page_label;    /* the signature line at the foot of every page */
  GPtrArray *page_signers;  /* of AccordDocBlock (SIGNATURE): who signs every page */
};

typedef enum
{
  ACCORD_DOC_OP_TEXT,     /* line drawn with its baseline at (x, y) */
  ACCORD_DOC_OP_RULE,     /* from (x, y) to (x + w, y + h) */
  ACCORD_DOC_OP_BOX,      /* rectangle */
  ACCORD_DOC_OP_CIRCLE,   /* centre (x, y), radius w */
  ACCORD_DOC_OP_STROKES,  /* handwriting inside the box */
} AccordDocOpKind;

typedef struct
{
  AccordDocOpKind  kind;
  double           x, y, w, h;
  double           gray;      /* 0 black … 1 white */
  gboolean         dashed;
  PangoLayoutLine *line;      /* TEXT: owned by a layout of AccordDocLayout.texts */
  JsonArray       *strokes;   /* STROKES */
} AccordDocOp;

typedef enum
{
  ACCORD_DOC_ROW_TEXT,
  ACCORD_DOC_ROW_SPACE,
  ACCORD_DOC_ROW_SIGN,          /* signature or seal */
  ACCORD_DOC_ROW_TABLE_HEADER,
  ACCORD_DOC_ROW_TABLE_BODY,
  ACCORD_DOC_ROW_PAGE_BREAK,    /* what follows starts a new page */
} AccordDocRowKind;

/* The unit of pagination: never split, placed at a y in the type area. */
typedef struct _AccordDocRow AccordDocRow;
struct _AccordDocRow
{
  AccordDocRowKind  kind;
  double            height;
  gboolean          break_before;   /* may a page begin with this row? */
  gboolean          seal;           /* SIGN: a seal, which belongs to the signature before it */
  AccordDocRow     *header;         /* TABLE_BODY: the header row repeated on a new page */
  GArray           *ops;            /* of AccordDocOp, relative to the row's top left */
};

typedef struct
{
  AccordDocRow *row;
  guint         index;   /* in AccordDocLayout.rows; a repeated header has its page's first */
  double        y;
} AccordDocPlacement;

struct _AccordDocLayout
{
  GPtrArray   *rows;       /* of AccordDocRow */
  GPtrArray   *pages;      /* of GArray of AccordDocPlacement */
  AccordDocRow *foot;      /* the signatures every page carries at its foot, or NULL */
  GArray      *footed;     /* of gboolean, one a page: does it carry the foot? */
  GPtrArray   *texts;      /* of PangoLayout: the lines' owners */
  GPtrArray   *folios;     /* of PangoLayout: "— 1 —", one a page */
  PangoLayout *footer;     /* NULL for a draft */
  PangoLayout *watermark;  /* NULL unless a draft */
  cairo_surface_t *qr;    /* the verification code, a pixel a module; NULL for a draft */
  JsonObject  *signatures;
  GPtrArray   *signers;    /* of AccordDocSigner, each key once, in the order of the document */

  char        *title;
  char        *author;
  char        *subject;
  char        *keywords;
  gint64       created;
};

/* A PDF of A4 pages written into @bytes: the context to draw its pages on;
 * accord_doc_pdf_end() finishes it and gives @bytes (transfer full) back as
 * the file, or NULL and @error.  Empty metadata are left out; @created is
 * a Unix time, 0 for none. */
cairo_t      *accord_doc_pdf_begin        (GByteArray                 *bytes);
void          accord_doc_pdf_set_metadata (cairo_t                    *cr,
                                           const char                 *title,
                                           const char                 *author,
                                           const char                 *subject,
                                           const char                 *keywords,
                                           gint64                      created);
GBytes       *accord_doc_pdf_end          (cairo_t                    *cr,
                                           GByteArray                 *bytes,
                                           GError                    **error);

PangoContext *accord_doc_context          (void);
PangoLayout  *accord_doc_text_get         (AccordDocLayout            *layout,
                                           const char                 *text,
                                           const PangoFontDescription *font,
                                           double                      width,
                                           PangoAlignment              alignment,
                                           double                      indent);
void          accord_doc_flow             (AccordDocLayout            *layout,
                                           AccordDocBuilder           *builder);
void          accord_doc_paginate         (AccordDocLayout            *layout);
double        accord_doc_page_room        (AccordDocLayout            *layout,
                                           guint                       page);
void          accord_doc_draw_decorations (AccordDocLayout            *layout,
                                           cairo_t                    *cr,
                                           guint                       page);
cairo_surface_t *accord_doc_qr_surface_new (const QRcode          *qr);
void          accord_doc_draw_row         (AccordDocLayout            *layout,
                                           cairo_t                    *cr,
                                           AccordDocRow               *row);

G_END_DECLS
