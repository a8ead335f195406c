/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include "accord-doc-private.h"

G_DEFINE_QUARK (accord-doc-error-quark, accord_doc_error)

/* Helpers */

static void
block_free (gpointer data)
{
  AccordDocBlock *block = data;

  g_free (block->text);
  g_free (block->text2);
  g_free (block->key);
  g_strfreev (block->headers);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static AccordDocBlock *
add_block (AccordDocBuilder   *b,
           AccordDocBlockKind  kind,
           const char         *text,
           const char         *text2)
{
  AccordDocBlock *block = g_new0 (AccordDocBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  block->text2 = g_strdup (text2 != NULL ? text2 : "");
  g_ptr_array_add (b->blocks, block);
  return block;
}

static void
row_free (gpointer data)
{
  AccordDocRow *row = data;

  for (guint i = 0; i < row->ops->len; i++)
    g_clear_pointer (&g_array_index (row->ops, AccordDocOp, i).strokes, json_array_unref);
  g_array_unref (row->ops);
  g_free (row);
}

/* Bold text is set in the regular face, neither the bold face nor the
 * regular one emboldened by the font machinery: either would be a second
 * font program that cairo reads (24 MB), subsets and compresses for every
 * PDF it writes.  The drawing makes it bold (accord-doc-draw.c). */
static FcConfig *
fonts_config (void)
{
  static const char *reject =
    "<fontconfig><selectfont><rejectfont><glob>*/NotoSerifCJK-Bold.ttc</glob></rejectfont></selectfont>"
    "<match target=\"font\"><edit name=\"embolden\" mode=\"assign\"><bool>false</bool></edit></match>"
    "</fontconfig>";
  FcConfig *config = FcConfigCreate ();

  if (!FcConfigParseAndLoad (config, NULL, FcTrue) ||
      !FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) reject, FcTrue) ||
      !FcConfigBuildFonts (config))
    {
      FcConfigDestroy (config);
      return NULL;
    }
  return config;
}

static PangoContext *
context_new (void)
{
  g_autoptr(PangoFontMap) map = pango_cairo_font_map_new ();
  FcConfig *config = fonts_config ();
  PangoContext *context;
  cairo_font_options_t *options;

  if (config != NULL && PANGO_IS_FC_FONT_MAP (map))
    pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  if (config != NULL)
    FcConfigDestroy (config);
  context = pango_font_map_create_context (map);
  options = cairo_font_options_create ();

  /* Unhinted metrics and unrounded positions: the same widths on a PDF, an
   * image and a printer, so a document breaks its lines and pages alike. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* Pango knows no script list for "zh-hans", so it keeps the tag for the
   * Latin runs too (with "zh-cn" it gives them "en").  Under "en" Noto
   * CJK's locl swaps in unencoded Western digits: a case number would not
   * match the dates beside it, and cairo, finding no cmap entry for those
   * glyphs, scans the whole cmap once for each of them in every PDF. */
  pango_context_set_language (context, pango_language_from_string ("zh-hans"));
  return context;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t         *surface,
              cairo_pdf_metadata_t     key,
              const char              *value)
{
  if (value != NULL && *value != '\0')
    cairo_pdf_surface_set_metadata (surface, key, value);
}

void
accord_doc_pdf_set_metadata (cairo_t    *cr,
                             const char *title,
                             const char *author,
                             const char *subject,
                             const char *keywords,
                             gint64      created)
{
  cairo_surface_t *surface = cairo_get_target (cr);

  set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Accord");
  if (created > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (created);
      g_autofree char *iso = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");

      set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
      set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
    }
}

cairo_t *
accord_doc_pdf_begin (GByteArray *bytes)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes,
                                                                  ACCORD_DOC_PAGE_WIDTH, ACCORD_DOC_PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

GBytes *
accord_doc_pdf_end (cairo_t     *cr,
                    GByteArray  *bytes,
                    GError     **error)
{
  g_autoptr(GByteArray) owned = bytes;
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ACCORD_DOC_ERROR, ACCORD_DOC_ERROR_RENDER,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&owned));
}

static cairo_surface_t *
encode_qr (const char *document_id,
           const char *short_hash)
{
  g_autofree char *payload = NULL;
  cairo_surface_t *surface;
  QRcode *qr;

  if (document_id == NULL)
    return NULL;
  payload = g_strdup_printf ("accord:doc:%s:%s", document_id, short_hash != NULL ? short_hash : "");
  qr = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, TRUE);
  if (qr == NULL)
    {
      g_warning ("Could not encode the verification code of document %s", document_id);
      return NULL;
    }
  surface = accord_doc_qr_surface_new (qr);
  QRcode_free (qr);
  return surface;
}

static PangoLayout *
text_with_font (AccordDocLayout *layout,
                const char      *text,
                const char      *font_name)
{
  PangoFontDescription *font = pango_font_description_from_string (font_name);
  PangoLayout *text_layout = accord_doc_text_get (layout, text, font, -1.0, PANGO_ALIGN_LEFT, 0.0);

  pango_font_description_free (font);
  return g_object_ref (text_layout);
}

static void
make_decorations (AccordDocLayout     *layout,
                  const AccordDocPage *page)
{
  guint n_pages = layout->pages->len;

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *folio = g_strdup_printf ("— %u —", i + 1);

      g_ptr_array_add (layout->folios, text_with_font (layout, folio, ACCORD_DOC_FONT " 14"));
    }
  if (page->document_id != NULL)
    {
      g_autofree char *footer = g_strdup_printf (C_("document", "Document %s · %s"),
                                                 page->document_id,
                                                 page->short_hash != NULL ? page->short_hash : "");

      layout->footer = text_with_font (layout, footer, ACCORD_DOC_FONT " 7.5");
    }
  else
    {
      layout->watermark = text_with_font (layout, C_("document", "DRAFT"),
                                          ACCORD_DOC_FONT " 110");
    }
}

/* Internal API */

/* What a thread keeps between documents: its Pango context (Pango objects
 * are not thread-safe), and the texts it has laid out. */
typedef struct
{
  PangoContext *context;
  GHashTable   *texts;    /* key (font, width, alignment, indent, text) -> PangoLayout */
} ThreadFonts;

/* Most of a document is the fixed wording of its kind, laid out again for
 * every document, preview and signed copy; the thread keeps that many. */
#define TEXT_CACHE_SIZE 2048

static void
thread_fonts_free (gpointer data)
{
  ThreadFonts *fonts = data;

  g_hash_table_unref (fonts->texts);
  g_object_unref (fonts->context);
  g_free (fonts);
}

static ThreadFonts *
thread_fonts (void)
{
  static GPrivate key = G_PRIVATE_INIT (thread_fonts_free);
  ThreadFonts *fonts = g_private_get (&key);

  if (fonts == NULL)
    {
      fonts = g_new0 (ThreadFonts, 1);
      fonts->context = context_new ();
      fonts->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&key, fonts);
    }
  return fonts;
}

/* One context a thread, kept for the life of the thread: making a context
 * and loading its fonts costs more than laying out a document. */
PangoContext *
accord_doc_context (void)
{
  return thread_fonts ()->context;
}

/**
 * accord_doc_text_get:
 * @width: where the text wraps, in points; negative: it does not
 *
 * A text laid out, shared with @layout (and with the other documents the
 * thread lays out: a laid-out text is never changed afterwards, and the
 * same text in the same font and measure is laid out only once).
 */
PangoLayout *
accord_doc_text_get (AccordDocLayout            *layout,
                     const char                 *text,
                     const PangoFontDescription *font,
                     double                      width,
                     PangoAlignment              alignment,
                     double                      indent)
{
  ThreadFonts *fonts = thread_fonts ();
  g_autofree char *font_name = pango_font_description_to_string (font);
  int pango_width = width < 0.0 ? -1 : (int) (width * PANGO_SCALE);
  int pango_indent = (int) (indent * PANGO_SCALE);
  char *key = g_strdup_printf ("%s\x1f%d\x1f%d\x1f%d\x1f%s", font_name, pango_width, (int) alignment,
                               pango_indent, text);
  PangoLayout *text_layout = g_hash_table_lookup (fonts->texts, key);

  if (text_layout != NULL)
    {
      g_free (key);
      g_ptr_array_add (layout->texts, g_object_ref (text_layout));
      return text_layout;
    }

  text_layout = pango_layout_new (fonts->context);
  pango_layout_set_font_description (text_layout, font);
  pango_layout_set_width (text_layout, pango_width);
  pango_layout_set_wrap (text_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (text_layout, alignment);
  pango_layout_set_justify (text_layout, alignment == PANGO_ALIGN_LEFT && pango_width >= 0);
  pango_layout_set_indent (text_layout, pango_indent);
  pango_layout_set_text (text_layout, text, -1);
  /* Laid out now, so that the lines are only read from here on. */
  pango_layout_get_line_count (text_layout);

  if (g_hash_table_size (fonts->texts) >= TEXT_CACHE_SIZE)
    g_hash_table_remove_all (fonts->texts);
  g_hash_table_insert (fonts->texts, key, g_object_ref (text_layout));
  g_ptr_array_add (layout->texts, text_layout);
  return text_layout;
}

/* Public API */

AccordDocBuilder *
accord_doc_builder_new (void)
{
  AccordDocBuilder *b = g_new0 (AccordDocBuilder, 1);

  b->blocks = g_ptr_array_new_with_free_func (block_free);
  b->page_signers = g_ptr_array_new_with_free_func (block_free);
  return b;
}

void
accord_doc_builder_free (AccordDocBuilder *b)
{
  if (b == NULL)
    return;
  g_ptr_array_unref (b->blocks);
  g_ptr_array_unref (b->page_signers);
  g_free (b->page_label);
  g_free (b);
}

void
accord_doc_title (AccordDocBuilder *b,
                  const char       *text)
{
  g_return_if_fail (b != NULL);
  add_block (b, ACCORD_DOC_BLOCK_TITLE, text, NULL);
}

void
accord_doc_subtitle (AccordDocBuilder *b,
                     const char       *text)
{
  g_return_if_fail (b != NULL);
  add_block (b, ACCORD_DOC_BLOCK_SUBTITLE, text, NULL);
}

void
accord_doc_heading (AccordDocBuilder *b,
                    const char       *text)
{
  g_return_if_fail (b != NULL);
  add_block (b, ACCORD_DOC_BLOCK_HEADING, text, NULL);
}

void
accord_doc_paragraph (AccordDocBuilder *b,
                      const char       *text)
{
  g_return_if_fail (b != NULL);
  add_block (b, ACCORD_DOC_BLOCK_PARAGRAPH, text, NULL);
}

void
accord_doc_field (AccordDocBuilder *b,
                  const char       *label,
                  const char       *value)
{
  g_return_if_fail (b != NULL);
  add_block (b, ACCORD_DOC_BLOCK_FIELD, label, value);
}

void
accord_doc_right (AccordDocBuilder *b,
                  const char       *text)
{
  g_return_if_fail (b != NULL);
  add_block (b, ACCORD_DOC_BLOCK_RIGHT, text, NULL);
}

/**
 * accord_doc_table:
 * @headers: the column titles, NULL-terminated
 * @rows: (element-type GStrv): one NULL-terminated array of cells a row,
 *   in the order of @headers; missing cells are empty.  Copied.
 */
void
accord_doc_table (AccordDocBuilder   *b,
                  const char * const *headers,
                  GPtrArray          *rows)
{
  AccordDocBlock *block;

  g_return_if_fail (b != NULL);
  g_return_if_fail (headers != NULL && headers[0] != NULL);

  block = add_block (b, ACCORD_DOC_BLOCK_TABLE, NULL, NULL);
  block->headers = g_strdupv ((char **) headers);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_ptr_array_add (block->rows, g_strdupv (g_ptr_array_index (rows, i)));
}

void
accord_doc_signature (AccordDocBuilder *b,
                      const char       *signer_key,
                      const char       *role_label,
                      const char       *name,
                      gboolean          fingerprint)
{
  AccordDocBlock *block;

  g_return_if_fail (b != NULL);
  block = add_block (b, ACCORD_DOC_BLOCK_SIGNATURE, role_label, name);
  block->key = g_strdup (signer_key);
  block->fingerprint = fingerprint;
}

void
accord_doc_seal (AccordDocBuilder *b,
                 const char       *label,
                 const char       *date_text)
{
  g_return_if_fail (b != NULL);
  add_block (b, ACCORD_DOC_BLOCK_SEAL, label, date_text);
}

void
accord_doc_space (AccordDocBuilder *b,
                  double            lines)
{
  g_return_if_fail (b != NULL);
  add_block (b, ACCORD_DOC_BLOCK_SPACE, NULL, NULL)->lines = MAX (lines, 0.0);
}

/* What follows begins on a new page. */
void
accord_doc_page_break (AccordDocBuilder *b)
{
  g_return_if_fail (b != NULL);
  add_block (b, ACCORD_DOC_BLOCK_PAGE_BREAK, NULL, NULL);
}

/**
 * accord_doc_page_signatures:
 * @label: what the line says, e.g. "Signatures of the participants on
 *   this page"
 *
 * Puts a signature line at the foot of every page (of the document proper:
 * pages after an explicit page break do not carry it), with a place for
 * each signer of accord_doc_page_signer(), as hearing minutes need
 * (DOMAIN.md §3, §5).
 */
void
accord_doc_page_signatures (AccordDocBuilder *b,
                            const char       *label)
{
  g_return_if_fail (b != NULL);
  g_free (b->page_label);
  b->page_label = g_strdup (label != NULL ? label : "");
}

/* A place on the signature line of every page; a signer's handwriting
 * (AccordDocPage.signatures, by @signer_key) is drawn into each. */
void
accord_doc_page_signer (AccordDocBuilder *b,
                        const char       *signer_key,
                        const char       *name)
{
  AccordDocBlock *block;

  g_return_if_fail (b != NULL);
  block = g_new0 (AccordDocBlock, 1);
  block->kind = ACCORD_DOC_BLOCK_SIGNATURE;
  block->text = g_strdup ("");
  block->text2 = g_strdup (name != NULL ? name : "");
  block->key = g_strdup (signer_key);
  g_ptr_array_add (b->page_signers, block);
}

static void
signer_free (gpointer data)
{
  AccordDocSigner *signer = data;

  g_free (signer->key);
  g_free (signer->role);
  g_free (signer->name);
  g_free (signer);
}

/**
 * accord_doc_layout_new:
 *
 * Lays the blocks out on pages.  The engine's own texts (labels, the
 * footer, the draft mark) are looked up here, so keep the document
 * language (accord_doc_language_push()) in force across this call.
 * @b may be freed afterwards.
 */
AccordDocLayout *
accord_doc_layout_new (AccordDocBuilder    *b,
                       const AccordDocPage *page)
{
  AccordDocLayout *layout;

  g_return_val_if_fail (b != NULL, NULL);
  g_return_val_if_fail (page != NULL, NULL);

  layout = g_new0 (AccordDocLayout, 1);
  layout->rows = g_ptr_array_new_with_free_func (row_free);
  layout->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  layout->texts = g_ptr_array_new_with_free_func (g_object_unref);
  layout->folios = g_ptr_array_new_with_free_func (g_object_unref);
  layout->footed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  layout->title = g_strdup (page->title);
  layout->author = g_strdup (page->author);
  layout->subject = g_strdup (page->subject);
  layout->keywords = g_strdup (page->keywords);
  layout->created = page->created;
  layout->signatures = page->signatures != NULL ? json_object_ref (page->signatures) : NULL;
  layout->signers = g_ptr_array_new_with_free_func (signer_free);
  layout->qr = encode_qr (page->document_id, page->short_hash);

  accord_doc_flow (layout, b);
  accord_doc_paginate (layout);
  make_decorations (layout, page);
  return layout;
}

void
accord_doc_layout_free (AccordDocLayout *layout)
{
  if (layout == NULL)
    return;
  g_ptr_array_unref (layout->pages);
  g_ptr_array_unref (layout->rows);
  g_clear_pointer (&layout->foot, row_free);
  g_array_unref (layout->footed);
  g_ptr_array_unref (layout->texts);
  g_ptr_array_unref (layout->folios);
  g_clear_object (&layout->footer);
  g_clear_object (&layout->watermark);
  g_clear_pointer (&layout->qr, cairo_surface_destroy);
  g_clear_pointer (&layout->signatures, json_object_unref);
  g_ptr_array_unref (layout->signers);
  g_free (layout->title);
  g_free (layout->author);
  g_free (layout->subject);
  g_free (layout->keywords);
  g_free (layout);
}

guint
accord_doc_layout_get_n_pages (AccordDocLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->pages->len;
}

/**
 * accord_doc_layout_get_page_fill:
 * @page: from 0
 *
 * Returns: how much of the room a page has for the flow (the type area
 *   less the signature line at its foot) its rows take, from 0 to 1
 */
double
accord_doc_layout_get_page_fill (AccordDocLayout *layout,
                                 guint            page)
{
  GArray *placed;
  AccordDocPlacement *last;

  g_return_val_if_fail (layout != NULL, 0.0);
  g_return_val_if_fail (page < layout->pages->len, 0.0);

  placed = g_ptr_array_index (layout->pages, page);
  if (placed->len == 0)
    return 0.0;
  last = &g_array_index (placed, AccordDocPlacement, placed->len - 1);
  return (last->y + last->row->height) / accord_doc_page_room (layout, page);
}

/**
 * accord_doc_layout_get_signers:
 *
 * Returns: (transfer none) (element-type AccordDocSigner): every signature
 *   box of the document, in the order they appear, each signer key once
 *   (a signer of every page and of the final block signs once for both)
 */
GPtrArray *
accord_doc_layout_get_signers (AccordDocLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->signers;
}

/**
 * accord_doc_layout_draw_page:
 * @page: from 0
 *
 * Draws a page, white, at the origin of @cr in points: scale @cr for a
 * preview.
 */
void
accord_doc_layout_draw_page (AccordDocLayout *layout,
                             cairo_t         *cr,
                             guint            page)
{
  GArray *placed;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < layout->pages->len);

  placed = g_ptr_array_index (layout->pages, page);
  cairo_save (cr);
  accord_doc_draw_decorations (layout, cr, page);
  cairo_translate (cr, ACCORD_DOC_MARGIN_LEFT, ACCORD_DOC_MARGIN_TOP);
  for (guint i = 0; i < placed->len; i++)
    {
      AccordDocPlacement *p = &g_array_index (placed, AccordDocPlacement, i);

      cairo_save (cr);
      cairo_translate (cr, 0.0, p->y);
      accord_doc_draw_row (layout, cr, p->row);
      cairo_restore (cr);
    }
  if (g_array_index (layout->footed, gboolean, page))
    {
      cairo_translate (cr, 0.0, ACCORD_DOC_AREA_HEIGHT - layout->foot->height);
      accord_doc_draw_row (layout, cr, layout->foot);
    }
  cairo_restore (cr);
}

GBytes *
accord_doc_layout_to_pdf (AccordDocLayout  *layout,
                          GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_t *cr;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cr = accord_doc_pdf_begin (bytes);
  accord_doc_pdf_set_metadata (cr, layout->title, layout->author, layout->subject, layout->keywords,
                               layout->created);
  for (guint i = 0; i < layout->pages->len; i++)
    {
      accord_doc_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  return accord_doc_pdf_end (cr, g_steal_pointer (&bytes), error);
}
