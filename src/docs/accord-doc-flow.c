/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <math.h>


#include "accord-doc-private.h"

/* Turns blocks into rows (the units that are never split across pages)
 * with their break rules, then cuts the rows into pages. */

#define W       ACCORD_DOC_AREA_WIDTH
#define PITCH   ACCORD_DOC_PITCH
#define CHAR    ACCORD_DOC_BODY_SIZE
#define TITLE_PITCH (ACCORD_DOC_TITLE_SIZE * 1.6)
#define CELL_PITCH  (ACCORD_DOC_TABLE_SIZE * 1.45)
#define CELL_PAD    5.0
#define RULE_WIDTH  0.75

/* What GB/T 9704 indents: two characters for paragraphs and fields, the
 * date two characters from the right, four under a seal. */
#define INDENT       (2 * CHAR)
#define RIGHT_INDENT (2 * CHAR)
#define SEAL_INDENT  (4 * CHAR)
#define SEAL_RADIUS  (21.0 * ACCORD_DOC_MM)
#define FINGERPRINT  (15.0 * ACCORD_DOC_MM)

typedef struct
{
  AccordDocLayout      *layout;
  AccordDocRow         *row;        /* the row being filled */
  gboolean              glue;       /* the next row may not begin a page */
  PangoFontDescription *body;
  PangoFontDescription *bold;
  PangoFontDescription *title;
  PangoFontDescription *cell;
  PangoFontDescription *cell_bold;
  PangoFontDescription *small;
} Flow;

typedef struct
{
  PangoLayoutLine *line;
  double           x;        /* of the line's logical box */
  double           width;
  double           ascent;
  double           height;
} Line;

/* Rows and ops */

static AccordDocRow *
row_add (Flow             *flow,
         AccordDocRowKind  kind,
         double            height)
{
  AccordDocRow *row = g_new0 (AccordDocRow, 1);

  row->kind = kind;
  row->height = height;
  row->break_before = !flow->glue;
  row->ops = g_array_new (FALSE, TRUE, sizeof (AccordDocOp));
  flow->glue = FALSE;
  flow->row = row;
  g_ptr_array_add (flow->layout->rows, row);
  return row;
}

static AccordDocOp *
op_add (Flow            *flow,
        AccordDocOpKind  kind,
        double           x,
        double           y,
        double           w,
        double           h)
{
  AccordDocOp op = { kind, x, y, w, h, 0.0, FALSE, NULL, NULL };

  g_array_append_val (flow->row->ops, op);
  return &g_array_index (flow->row->ops, AccordDocOp, flow->row->ops->len - 1);
}

/* A line vertically centred in a slot from @top, @slot high. */
static void
op_add_line (Flow       *flow,
             const Line *line,
             double      x,
             double      top,
             double      slot)
{
  AccordDocOp *op;

  op = op_add (flow, ACCORD_DOC_OP_TEXT, x + line->x,
               top + (slot - line->height) / 2.0 + line->ascent, line->width, 0.0);
  op->line = line->line;
}

static double
snap (double height)
{
  return MAX (1.0, ceil (height / PITCH - 1e-6)) * PITCH;
}

/* Text */

static GArray *
get_lines (PangoLayout *text)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  PangoLayoutIter *iter = pango_layout_get_iter (text);

  do
    {
      PangoRectangle logical;
      Line line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.line = pango_layout_iter_get_line_readonly (iter);
      line.x = (double) logical.x / PANGO_SCALE;
      line.width = (double) logical.width / PANGO_SCALE;
      line.height = (double) logical.height / PANGO_SCALE;
      line.ascent = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

static GArray *
text_lines (Flow                       *flow,
            const char                 *text,
            const PangoFontDescription *font,
            double                      width,
            PangoAlignment              alignment,
            double                      indent)
{
  return get_lines (accord_doc_text_get (flow->layout, text, font, width, alignment, indent));
}

/* Widows and orphans: neither the first nor the last line of a block is
 * left alone on a page. */
static void
keep_lines (Flow  *flow,
            guint  first,
            guint  n_rows)
{
  GPtrArray *rows = flow->layout->rows;

  if (n_rows < 2)
    return;
  ((AccordDocRow *) g_ptr_array_index (rows, first + 1))->break_before = FALSE;
  ((AccordDocRow *) g_ptr_array_index (rows, first + n_rows - 1))->break_before = FALSE;
}

/* One row a line, on the grid. */
static void
flow_lines (Flow                       *flow,
            const char                 *text,
            const PangoFontDescription *font,
            PangoAlignment              alignment,
            double                      x,
            double                      width,
            double                      indent)
{
  g_autoptr(GArray) lines = text_lines (flow, text, font, width, alignment, indent);
  guint first = flow->layout->rows->len;

  for (guint i = 0; i < lines->len; i++)
    {
      row_add (flow, ACCORD_DOC_ROW_TEXT, PITCH);
      op_add_line (flow, &g_array_index (lines, Line, i), x, 0.0, PITCH);
    }
  keep_lines (flow, first, lines->len);
}

/* Blocks */

/* "label: " in the document's language; a Chinese label always takes the
 * full-width colon, whatever the language. */
static char *
label_text (const char *label)
{
  const char *last = *label != '\0' ? g_utf8_prev_char (label + strlen (label)) : label;

  gunichar c = g_utf8_get_char (last);

  if (c == 0xff1a || c == ':')   /* the caller's own colon */
    return g_strconcat (label, c == ':' ? " " : "", NULL);
  if (g_unichar_iswide (c))
    return g_strconcat (label, "：", NULL);
  return g_strdup_printf (C_("document", "%s: "), label);
}

static void
flow_title (Flow       *flow,
            const char *text)
{
  g_autoptr(GArray) lines = text_lines (flow, text, flow->title, W, PANGO_ALIGN_CENTER, 0.0);
  double height = snap (lines->len * TITLE_PITCH);
  double top = (height - lines->len * TITLE_PITCH) / 2.0;

  row_add (flow, ACCORD_DOC_ROW_TEXT, height);
  for (guint i = 0; i < lines->len; i++)
    op_add_line (flow, &g_array_index (lines, Line, i), 0.0, top + i * TITLE_PITCH, TITLE_PITCH);
  flow->glue = TRUE;
}

static void
flow_field (Flow                 *flow,
            const AccordDocBlock *block)
{
  g_autofree char *text = label_text (block->text);
  g_autoptr(GArray) label = text_lines (flow, text, flow->body, (W - INDENT) / 2.0,
                                        PANGO_ALIGN_LEFT, 0.0);
  double value_x = INDENT + g_array_index (label, Line, 0).width;
  g_autoptr(GArray) value = text_lines (flow, block->text2, flow->body, W - value_x,
                                        PANGO_ALIGN_LEFT, 0.0);
  guint first = flow->layout->rows->len;
  guint n = MAX (label->len, value->len);

  if (label->len > 1)
    value_x = INDENT + (W - INDENT) / 2.0;
  for (guint i = 0; i < n; i++)
    {
      row_add (flow, ACCORD_DOC_ROW_TEXT, PITCH);
      if (i < label->len)
        op_add_line (flow, &g_array_index (label, Line, i), INDENT, 0.0, PITCH);
      if (i < value->len && *block->text2 != '\0')
        op_add_line (flow, &g_array_index (value, Line, i), value_x, 0.0, PITCH);
    }
  keep_lines (flow, first, n);
}

static void
flow_space (Flow   *flow,
            double  lines)
{
  if (lines > 0.0)
    row_add (flow, ACCORD_DOC_ROW_SPACE, lines * PITCH);
}

/* Tables */

static double
natural_width (Flow                       *flow,
               const char                 *text,
               const PangoFontDescription *font)
{
  PangoLayout *layout = accord_doc_text_get (flow->layout, text != NULL ? text : "", font, -1.0,
                                             PANGO_ALIGN_LEFT, 0.0);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE + 2 * CELL_PAD;
}

static const char *
cell_text (char  **cells,
           guint   column)
{
  for (guint i = 0; i < column; i++)
    if (cells == NULL || cells[i] == NULL)
      return "";
  return cells[column] != NULL ? cells[column] : "";
}

/* The width every column wider than it is cut to, so that the table fits:
 * the narrow columns (numbers, amounts, dates) keep their whole width and
 * are never broken; the widest share what is left equally. */
static double
column_cap (const double *want,
            guint         n)
{
  g_autofree gboolean *fits = g_new0 (gboolean, n);
  double rest = W;
  guint wide = n;
  gboolean changed = TRUE;

  while (changed && wide > 0)
    {
      double cap = rest / wide;

      changed = FALSE;
      for (guint c = 0; c < n; c++)
        if (!fits[c] && want[c] <= cap)
          {
            fits[c] = changed = TRUE;
            rest -= want[c];
            wide--;
          }
    }
  return wide > 0 ? rest / wide : W;
}

/* Columns as wide as their longest cell when the table fits; otherwise the
 * wide ones are cut to a common width, never narrower than their header. */
static double *
column_widths (Flow                 *flow,
               const AccordDocBlock *block,
               guint                 n)
{
  double *want = g_new0 (double, n);
  double *least = g_new0 (double, n);
  double total = 0.0, cap;

  for (guint c = 0; c < n; c++)
    {
      least[c] = MIN (natural_width (flow, block->headers[c], flow->cell_bold), W / n);
      want[c] = least[c];
      for (guint r = 0; r < block->rows->len; r++)
        want[c] = MAX (want[c], natural_width (flow, cell_text (g_ptr_array_index (block->rows, r), c),
                                               flow->cell));
      total += want[c];
    }
  cap = total > W ? column_cap (want, n) : W;
  for (guint c = 0; c < n; c++)
    {
      if (total <= W)
        want[c] *= W / total;
      else if (want[c] > cap)
        want[c] = MAX (least[c], cap);
    }
  g_free (least);
  return want;
}

static void
flow_table_row (Flow                       *flow,
                const char * const         *cells,
                const double               *widths,
                guint                       n,
                const PangoFontDescription *font,
                AccordDocRowKind            kind)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  PangoAlignment alignment = kind == ACCORD_DOC_ROW_TABLE_HEADER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
  guint most = 1;
  double height, x = 0.0;

  for (guint c = 0; c < n; c++)
    {
      GArray *lines = text_lines (flow, cells[c], font, widths[c] - 2 * CELL_PAD, alignment, 0.0);

      most = MAX (most, lines->len);
      g_ptr_array_add (columns, lines);
    }
  height = snap (most * CELL_PITCH + CELL_PAD);
  row_add (flow, kind, height);
  for (guint c = 0; c < n; c++)
    {
      GArray *lines = g_ptr_array_index (columns, c);
      double top = (height - lines->len * CELL_PITCH) / 2.0;

      for (guint i = 0; i < lines->len; i++)
        op_add_line (flow, &g_array_index (lines, Line, i), x + CELL_PAD, top + i * CELL_PITCH,
                     CELL_PITCH);
      op_add (flow, ACCORD_DOC_OP_BOX, x, 0.0, widths[c], height);
      x += widths[c];
    }
}

static void
flow_table (Flow                 *flow,
            const AccordDocBlock *block)
{
  guint n = g_strv_length (block->headers);
  g_autofree double *widths = column_widths (flow, block, n);
  g_autofree const char **cells = g_new0 (const char *, n + 1);
  AccordDocRow *header;

  flow_table_row (flow, (const char * const *) block->headers, widths, n, flow->cell_bold,
                  ACCORD_DOC_ROW_TABLE_HEADER);
  header = flow->row;
  for (guint r = 0; r < block->rows->len; r++)
    {
      for (guint c = 0; c < n; c++)
        cells[c] = cell_text (g_ptr_array_index (block->rows, r), c);
      flow->glue = r == 0;
      flow_table_row (flow, cells, widths, n, flow->cell, ACCORD_DOC_ROW_TABLE_BODY);
      flow->row->header = header;
    }
}

/* Signatures and seals */

static double
flow_label (Flow                       *flow,
            const char                 *text,
            const PangoFontDescription *font,
            double                      x,
            double                      top,
            double                      slot,
            double                      gray)
{
  g_autoptr(GArray) lines = text_lines (flow, text, font, W, PANGO_ALIGN_LEFT, 0.0);
  Line *line = &g_array_index (lines, Line, 0);

  op_add_line (flow, line, x, top, slot);
  g_array_index (flow->row->ops, AccordDocOp, flow->row->ops->len - 1).gray = gray;
  return line->width;
}

static void
flow_fingerprint (Flow   *flow,
                  double  top)
{
  g_autoptr(GArray) lines = text_lines (flow, C_("document", "(fingerprint)"), flow->small,
                                        -1.0, PANGO_ALIGN_LEFT, 0.0);
  Line *line = &g_array_index (lines, Line, 0);
  AccordDocOp *op;

  op_add (flow, ACCORD_DOC_OP_BOX, W - FINGERPRINT, top, FINGERPRINT, FINGERPRINT);
  op_add_line (flow, line, W - FINGERPRINT / 2.0 - line->width / 2.0, top + FINGERPRINT,
               PITCH * 0.45);
  op = &g_array_index (flow->row->ops, AccordDocOp, flow->row->ops->len - 1);
  op->gray = 0.45;
}

/* The first box of a key is the one its signer is shown: the final block
 * comes before the signature line of every page. */
static void
note_signer (Flow                 *flow,
             const AccordDocBlock *block,
             double                width,
             double                height)
{
  GPtrArray *signers = flow->layout->signers;
  AccordDocSigner *signer;

  for (guint i = 0; i < signers->len; i++)
    if (g_str_equal (((AccordDocSigner *) g_ptr_array_index (signers, i))->key, block->key))
      return;
  signer = g_new0 (AccordDocSigner, 1);
  signer->key = g_strdup (block->key);
  signer->role = g_strdup (block->text != NULL ? block->text : "");
  signer->name = g_strdup (block->text2 != NULL ? block->text2 : "");
  signer->width = width;
  signer->height = height;
  g_ptr_array_add (signers, signer);
}

static void
flow_strokes (Flow                 *flow,
              const AccordDocBlock *block,
              double                x0,
              double                x1,
              double                baseline)
{
  JsonObject *signatures = flow->layout->signatures;
  /* From the line above the signature line down to just below the rule. */
  double top = baseline - 1.75 * PITCH, height = 1.75 * PITCH + 3.0;
  JsonNode *node;

  if (block->key == NULL)
    return;
  note_signer (flow, block, x1 - x0, height);
  node = signatures != NULL ? json_object_get_member (signatures, block->key) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  op_add (flow, ACCORD_DOC_OP_STROKES, x0, top, x1 - x0, height)
    ->strokes = json_array_ref (json_node_get_array (node));
}

/* role: name                                        +------+
 *   (room for the handwriting)                      |      |
 * Signature: ___________   Date: __________         +------+ */
static void
flow_signature (Flow                 *flow,
                const AccordDocBlock *block)
{
  g_autofree char *role = label_text (block->text);
  g_autofree char *who = g_strconcat (role, block->text2, NULL);
  double right = block->fingerprint ? W - FINGERPRINT - CHAR : W;
  double line_y = 3 * PITCH - 6.0;
  double x, sign_end;

  row_add (flow, ACCORD_DOC_ROW_SIGN, 3 * PITCH);
  flow_label (flow, who, flow->body, INDENT, 0.0, PITCH, 0.0);
  x = INDENT + flow_label (flow, C_("document", "Signature: "), flow->body, INDENT, 2 * PITCH,
                           PITCH, 0.0);
  sign_end = x + (right - x) * 0.58;
  op_add (flow, ACCORD_DOC_OP_RULE, x, line_y, sign_end - x - CHAR, 0.0);
  flow_strokes (flow, block, x, sign_end - CHAR, line_y);
  x = sign_end + flow_label (flow, C_("document", "Date: "), flow->body, sign_end, 2 * PITCH,
                             PITCH, 0.0);
  op_add (flow, ACCORD_DOC_OP_RULE, x, line_y, right - x, 0.0);
  if (block->fingerprint)
    flow_fingerprint (flow, 0.75 * PITCH);
}

/* The seal covers the issuing body and the date, which sit around and
 * below its centre; its top is within a line of the text above; the body is
 * centred over the date, the date four characters from the right (GB/T
 * 9704-2012 7.3.5.1).  The circle reaches a little below the row. */
static void
flow_seal (Flow                 *flow,
           const AccordDocBlock *block)
{
  g_autoptr(GArray) label = text_lines (flow, block->text, flow->body, W, PANGO_ALIGN_LEFT, 0.0);
  g_autoptr(GArray) date = text_lines (flow, block->text2, flow->body, W, PANGO_ALIGN_LEFT, 0.0);
  double label_w = g_array_index (label, Line, 0).width;
  double date_w = g_array_index (date, Line, 0).width;
  double centre = W - SEAL_INDENT - date_w / 2.0;
  double label_x = MIN (centre - label_w / 2.0, W - label_w);
  AccordDocOp *circle;

  row_add (flow, ACCORD_DOC_ROW_SIGN, 4 * PITCH)->seal = TRUE;
  op_add_line (flow, &g_array_index (label, Line, 0), label_x, PITCH, PITCH);
  op_add_line (flow, &g_array_index (date, Line, 0), W - SEAL_INDENT - date_w, 2 * PITCH, PITCH);
  centre = MIN (centre, W - SEAL_RADIUS + 2 * CHAR);
  circle = op_add (flow, ACCORD_DOC_OP_CIRCLE, centre, 2.2 * PITCH, SEAL_RADIUS, 0.0);
  circle->dashed = TRUE;
  circle->gray = 0.45;
}

/* The first signature of a run never begins a page: it takes the rows
 * before it along (spaces, and at least one row of text, two when that
 * text is a paragraph, by the widow rule; a heading is glued to it anyway).
 * A seal stays with the signature it seals.  The other signatures of a
 * run may begin a page, so that a long run breaks between two blocks
 * rather than leaving a page half empty. */
static void
glue_signatures (AccordDocLayout *layout)
{
  GPtrArray *rows = layout->rows;

  for (guint i = 1; i < rows->len; i++)
    {
      AccordDocRow *row = g_ptr_array_index (rows, i);
      AccordDocRow *before;
      guint p = i - 1;

      if (row->kind != ACCORD_DOC_ROW_SIGN)
        continue;
      while (p > 0 && ((AccordDocRow *) g_ptr_array_index (rows, p))->kind == ACCORD_DOC_ROW_SPACE)
        p--;
      before = g_ptr_array_index (rows, p);
      for (guint j = p + 1; j <= i; j++)
        ((AccordDocRow *) g_ptr_array_index (rows, j))->break_before = FALSE;
      if (before->kind == ACCORD_DOC_ROW_SIGN && !row->seal)
        ((AccordDocRow *) g_ptr_array_index (rows, p + 1))->break_before = TRUE;
    }
}

/* The signature line at the foot of every page: the label, then each
 * signer's name and a line to sign on, as many to a line as fit. */
#define FOOT_SIGN (5 * ACCORD_DOC_TABLE_SIZE)

static void
foot_strokes (Flow                 *flow,
              const AccordDocBlock *signer,
              double                x,
              double                line_y)
{
  JsonObject *signatures = flow->layout->signatures;
  const char *key = signer->key;
  JsonNode *node = signatures != NULL && key != NULL ? json_object_get_member (signatures, key) : NULL;

  if (key != NULL)
    note_signer (flow, signer, FOOT_SIGN, 1.2 * PITCH + 3.0);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  op_add (flow, ACCORD_DOC_OP_STROKES, x, line_y - 1.2 * PITCH, FOOT_SIGN, 1.2 * PITCH + 3.0)
    ->strokes = json_array_ref (json_node_get_array (node));
}

static void
flow_page_foot (Flow             *flow,
                AccordDocBuilder *builder)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) label = NULL;
  AccordDocRow *row;
  double x, top = 0.5 * PITCH;

  if (builder->page_label == NULL)
    return;
  row = g_new0 (AccordDocRow, 1);
  row->kind = ACCORD_DOC_ROW_SIGN;
  row->ops = g_array_new (FALSE, TRUE, sizeof (AccordDocOp));
  flow->layout->foot = flow->row = row;

  /* A fine rule parts the signatures from the text above. */
  op_add (flow, ACCORD_DOC_OP_RULE, 0.0, top, W, 0.0)->gray = 0.45;
  text = label_text (builder->page_label);
  label = text_lines (flow, text, flow->cell, -1.0, PANGO_ALIGN_LEFT, 0.0);
  op_add_line (flow, &g_array_index (label, Line, 0), 0.0, top, PITCH);
  x = g_array_index (label, Line, 0).width;
  for (guint i = 0; i < builder->page_signers->len; i++)
    {
      const AccordDocBlock *signer = g_ptr_array_index (builder->page_signers, i);
      g_autoptr(GArray) name = text_lines (flow, signer->text2, flow->cell, -1.0, PANGO_ALIGN_LEFT, 0.0);
      const Line *line = &g_array_index (name, Line, 0);
      double width = line->width + 2.0 + FOOT_SIGN;

      if (x > 0.0 && x + width > W)
        {
          x = 0.0;
          top += PITCH;
        }
      op_add_line (flow, line, x, top, PITCH);
      op_add (flow, ACCORD_DOC_OP_RULE, x + line->width + 2.0, top + PITCH - 6.0, FOOT_SIGN, 0.0);
      foot_strokes (flow, signer, x + line->width + 2.0, top + PITCH - 6.0);
      x += width + CHAR;
    }
  row->height = snap (top + PITCH);
}

static gboolean
is_heading (const AccordDocBlock *block)
{
  return block != NULL &&
         (block->kind == ACCORD_DOC_BLOCK_TITLE || block->kind == ACCORD_DOC_BLOCK_SUBTITLE);
}

static void
flow_block (Flow                 *flow,
            const AccordDocBlock *block,
            const AccordDocBlock *next)
{
  switch (block->kind)
    {
    case ACCORD_DOC_BLOCK_TITLE:
      flow_title (flow, block->text);
      break;
    case ACCORD_DOC_BLOCK_SUBTITLE:
      flow_lines (flow, block->text, flow->body, PANGO_ALIGN_CENTER, 0.0, W, 0.0);
      flow->glue = TRUE;
      break;
    case ACCORD_DOC_BLOCK_HEADING:
      flow_lines (flow, block->text, flow->bold, PANGO_ALIGN_LEFT, 0.0, W, INDENT);
      flow->glue = TRUE;
      break;
    case ACCORD_DOC_BLOCK_PARAGRAPH:
      flow_lines (flow, block->text, flow->body, PANGO_ALIGN_LEFT, 0.0, W, INDENT);
      break;
    case ACCORD_DOC_BLOCK_FIELD:
      flow_field (flow, block);
      break;
    case ACCORD_DOC_BLOCK_RIGHT:
      flow_lines (flow, block->text, flow->body, PANGO_ALIGN_RIGHT, 0.0, W - RIGHT_INDENT, 0.0);
      break;
    case ACCORD_DOC_BLOCK_TABLE:
      flow_table (flow, block);
      break;
    case ACCORD_DOC_BLOCK_SIGNATURE:
      flow_signature (flow, block);
      break;
    case ACCORD_DOC_BLOCK_SEAL:
      flow_seal (flow, block);
      break;
    case ACCORD_DOC_BLOCK_SPACE:
      flow_space (flow, block->lines);
      break;
    case ACCORD_DOC_BLOCK_PAGE_BREAK:
      row_add (flow, ACCORD_DOC_ROW_PAGE_BREAK, 0.0);
      break;
    default:
      g_assert_not_reached ();
    }

  /* A blank line under the title and document number, glued to both. */
  if (is_heading (block) && !is_heading (next) &&
      (next == NULL || next->kind != ACCORD_DOC_BLOCK_SPACE))
    {
      flow_space (flow, 1.0);
      flow->glue = TRUE;
    }
}

static PangoFontDescription *
font_new (const char *style,
          double      size)
{
  g_autofree char *name = g_strdup_printf (ACCORD_DOC_FONT " %s", style);
  PangoFontDescription *font = pango_font_description_from_string (name);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  return font;
}

static void
flow_fonts_free (Flow *flow)
{
  pango_font_description_free (flow->body);
  pango_font_description_free (flow->bold);
  pango_font_description_free (flow->title);
  pango_font_description_free (flow->cell);
  pango_font_description_free (flow->cell_bold);
  pango_font_description_free (flow->small);
}

/* Internal API */

void
accord_doc_flow (AccordDocLayout  *layout,
                 AccordDocBuilder *builder)
{
  GPtrArray *blocks = builder->blocks;
  Flow flow = { layout, NULL, FALSE };

  flow.body = font_new ("Regular", ACCORD_DOC_BODY_SIZE);
  flow.bold = font_new ("Bold", ACCORD_DOC_BODY_SIZE);
  flow.title = font_new ("Bold", ACCORD_DOC_TITLE_SIZE);
  flow.cell = font_new ("Regular", ACCORD_DOC_TABLE_SIZE);
  flow.cell_bold = font_new ("Bold", ACCORD_DOC_TABLE_SIZE);
  flow.small = font_new ("Regular", 8.0);
  for (guint i = 0; i < blocks->len; i++)
    flow_block (&flow, g_ptr_array_index (blocks, i),
                i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL);
  flow_page_foot (&flow, builder);
  flow_fonts_free (&flow);
  glue_signatures (layout);
}

/* Pagination */

static guint
first_kept (GArray *placed,
            guint   end)
{
  guint n = 0;

  while (n < placed->len && g_array_index (placed, AccordDocPlacement, n).index < end)
    n++;
  return n;
}

/* Fills a page from row @start; returns the first row of the next page.  A
 * page begins only at a row that allows it; a row that may not begin one
 * takes the rows it is glued to onto the next page. */
static guint
fill_page (AccordDocLayout *layout,
           guint            start,
           GArray          *placed,
           double           room)
{
  GPtrArray *rows = layout->rows;
  AccordDocRow *first = g_ptr_array_index (rows, start);
  double y = 0.0;
  guint i;

  if (first->kind == ACCORD_DOC_ROW_TABLE_BODY)
    {
      AccordDocPlacement p = { first->header, start, 0.0 };

      g_array_append_val (placed, p);
      y = first->header->height;
    }
  for (i = start; i < rows->len; i++)
    {
      AccordDocRow *row = g_ptr_array_index (rows, i);
      AccordDocPlacement p = { row, i, y };

      if ((row->kind == ACCORD_DOC_ROW_SPACE || row->kind == ACCORD_DOC_ROW_PAGE_BREAK) && y == 0.0)
        continue;
      if (row->kind == ACCORD_DOC_ROW_PAGE_BREAK)
        return i + 1;
      if (y + row->height > room + 0.01 && i > start)
        break;
      g_array_append_val (placed, p);
      y += row->height;
    }
  if (i < rows->len)
    {
      for (guint j = i; j > start; j--)
        if (((AccordDocRow *) g_ptr_array_index (rows, j))->break_before)
          {
            i = j;
            break;
          }
      g_array_set_size (placed, first_kept (placed, i));
    }
  return i;
}

/* Does an explicit page break come before the first row of a page that
 * begins at @start (only spaces and breaks before it)? */
static gboolean
breaks_before (AccordDocLayout *layout,
               guint            start)
{
  for (guint i = start; i < layout->rows->len; i++)
    {
      AccordDocRow *row = g_ptr_array_index (layout->rows, i);

      if (row->kind == ACCORD_DOC_ROW_PAGE_BREAK)
        return TRUE;
      if (row->kind != ACCORD_DOC_ROW_SPACE)
        return FALSE;
    }
  return FALSE;
}

/* The room a page has for rows: the type area less the signature line at
 * its foot. */
double
accord_doc_page_room (AccordDocLayout *layout,
                      guint            page)
{
  if (page < layout->footed->len && g_array_index (layout->footed, gboolean, page))
    return ACCORD_DOC_AREA_HEIGHT - layout->foot->height;
  return ACCORD_DOC_AREA_HEIGHT;
}

/* Pages of the document proper carry the foot; the pages after an
 * explicit break (the signing record) do not. */
void
accord_doc_paginate (AccordDocLayout *layout)
{
  gboolean footed = layout->foot != NULL;
  guint start = 0;

  do
    {
      GArray *placed = g_array_new (FALSE, FALSE, sizeof (AccordDocPlacement));
      guint page = layout->pages->len;

      if (start > 0 && breaks_before (layout, start))
        footed = FALSE;
      g_array_append_val (layout->footed, footed);
      if (start < layout->rows->len)
        {
          guint next = fill_page (layout, start, placed, accord_doc_page_room (layout, page));

          if (next > 0 && ((AccordDocRow *) g_ptr_array_index (layout->rows, next - 1))->kind
                          == ACCORD_DOC_ROW_PAGE_BREAK)
            footed = FALSE;
          start = next;
        }
      g_ptr_array_add (layout->pages, placed);
    }
  while (start < layout->rows->len);
}
