/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <math.h>

#include "accord-doc-private.h"

#define MM           ACCORD_DOC_MM
#define QR_SIZE      (16.0 * MM)
#define QR_MARGIN    (6.0 * MM)
#define RULE_WIDTH   0.75
/* GB/T 9704-2012 7.5: the folio sits 7 mm under the type area.  The
 * standard puts odd folios on the right and even ones on the left for
 * printing on both sides; these documents are printed one-sided, and the
 * standard's centred variant is used. */
#define FOLIO_BASELINE (ACCORD_DOC_MARGIN_TOP + ACCORD_DOC_AREA_HEIGHT + 10.0 * MM)

typedef struct
{
  double x, y, p;
} Point;

/* Helpers */

static void
set_gray (cairo_t *cr,
          double   gray)
{
  cairo_set_source_rgb (cr, gray, gray, gray);
}

static void
show_centred (cairo_t     *cr,
              PangoLayout *text,
              double       centre,
              double       baseline)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (text, 0);
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);
  cairo_move_to (cr, centre - (double) logical.width / PANGO_SCALE / 2.0, baseline);
  pango_cairo_show_layout_line (cr, line);
}

static void
draw_watermark (cairo_t     *cr,
                PangoLayout *text)
{
  cairo_save (cr);
  cairo_translate (cr, ACCORD_DOC_PAGE_WIDTH / 2.0, ACCORD_DOC_PAGE_HEIGHT / 2.0);
  cairo_rotate (cr, -atan2 (ACCORD_DOC_PAGE_HEIGHT, ACCORD_DOC_PAGE_WIDTH));
  set_gray (cr, 0.9);
  show_centred (cr, text, 0.0, 40.0);
  cairo_restore (cr);
}

/* The code is an image of one pixel a module, scaled without smoothing: a
 * PDF holds it once for all pages, where rectangles would cost every page. */
static void
draw_qr (cairo_t         *cr,
         cairo_surface_t *qr,
         double           x0,
         double           y0)
{
  int modules = cairo_image_surface_get_width (qr);
  double scale = QR_SIZE / modules;

  cairo_save (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, qr, 0.0, 0.0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, 0.0, 0.0, modules, modules);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Internal API */

cairo_surface_t *
accord_doc_qr_surface_new (const QRcode *qr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, qr->width, qr->width);
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < qr->width; y++)
    for (int x = 0; x < qr->width; x++)
      ((guint32 *) (data + y * stride))[x] = (qr->data[y * qr->width + x] & 1) ? 0x000000 : 0xffffff;
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* Helpers */

static void
draw_footer (AccordDocLayout *layout,
             cairo_t         *cr)
{
  double qr_x = ACCORD_DOC_PAGE_WIDTH - QR_MARGIN - QR_SIZE;
  double qr_y = ACCORD_DOC_PAGE_HEIGHT - QR_MARGIN - QR_SIZE;
  PangoRectangle logical;

  if (layout->footer != NULL)
    {
      pango_layout_get_extents (layout->footer, NULL, &logical);
      set_gray (cr, 0.35);
      cairo_move_to (cr, qr_x - 2.0 * MM - (double) logical.width / PANGO_SCALE,
                     qr_y + QR_SIZE - 1.0);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (layout->footer, 0));
    }
  if (layout->qr != NULL)
    draw_qr (cr, layout->qr, qr_x, qr_y);
}

/* Handwriting */

static GArray *
stroke_points (JsonArray *stroke)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (Point));

  for (guint i = 0; i < json_array_get_length (stroke); i++)
    {
      JsonNode *node = json_array_get_element (stroke, i);
      JsonObject *object;
      Point point;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      point.x = CLAMP (json_object_get_double_member_with_default (object, "x", 0.0), 0.0, 1.0);
      point.y = CLAMP (json_object_get_double_member_with_default (object, "y", 0.0), 0.0, 1.0);
      point.p = CLAMP (json_object_get_double_member_with_default (object, "p", 0.5), 0.0, 1.0);
      g_array_append_val (points, point);
    }
  return points;
}

static Point
midpoint (const Point *a,
          const Point *b)
{
  return (Point) { (a->x + b->x) / 2.0, (a->y + b->y) / 2.0, (a->p + b->p) / 2.0 };
}

static double
pen_width (double pressure)
{
  return 0.5 + 1.8 * pressure;
}

/* A quadratic Bézier from @from through control @c to @to, as cairo's cubic. */
static void
quad_to (cairo_t     *cr,
         const Point *from,
         const Point *c,
         const Point *to)
{
  cairo_move_to (cr, from->x, from->y);
  cairo_curve_to (cr,
                  from->x + 2.0 / 3.0 * (c->x - from->x), from->y + 2.0 / 3.0 * (c->y - from->y),
                  to->x + 2.0 / 3.0 * (c->x - to->x), to->y + 2.0 / 3.0 * (c->y - to->y),
                  to->x, to->y);
}

/* Quadratic curves between the midpoints of successive samples, each piece
 * as wide as the pressure at its control point. */
static void
draw_stroke (cairo_t *cr,
             GArray  *points)
{
  Point *pts = (Point *) points->data;
  Point from;

  if (points->len == 0)
    return;
  if (points->len == 1)
    {
      cairo_arc (cr, pts[0].x, pts[0].y, pen_width (pts[0].p) / 2.0, 0.0, 2 * G_PI);
      cairo_fill (cr);
      return;
    }
  from = pts[0];
  for (guint i = 1; i < points->len; i++)
    {
      Point to = i + 1 < points->len ? midpoint (&pts[i], &pts[i + 1]) : pts[i];

      quad_to (cr, &from, &pts[i], &to);
      cairo_set_line_width (cr, pen_width (pts[i].p));
      cairo_stroke (cr);
      from = to;
    }
}

static void
draw_strokes (cairo_t           *cr,
              const AccordDocOp *op)
{
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_gray (cr, 0.0);
  for (guint i = 0; i < json_array_get_length (op->strokes); i++)
    {
      JsonNode *node = json_array_get_element (op->strokes, i);
      g_autoptr(GArray) points = NULL;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        continue;
      points = stroke_points (json_node_get_array (node));
      for (guint j = 0; j < points->len; j++)
        {
          Point *p = &g_array_index (points, Point, j);

          p->x = op->x + p->x * op->w;
          p->y = op->y + p->y * op->h;
        }
      draw_stroke (cr, points);
    }
  cairo_restore (cr);
}

/* A bold line is shown twice, the second time a 36th of its size to the
 * right, which thickens its strokes about as much as an emboldened face
 * would, in the one font the document embeds.  Readers that take the text
 * out of a PDF count such an overprint once (poppler does). */
static void
show_line (cairo_t         *cr,
           PangoLayoutLine *line,
           double           x,
           double           y)
{
  const PangoFontDescription *font = pango_layout_get_font_description (line->layout);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout_line (cr, line);
  if (font != NULL && pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD)
    {
      cairo_move_to (cr, x + (double) pango_font_description_get_size (font) / PANGO_SCALE / 36.0, y);
      pango_cairo_show_layout_line (cr, line);
    }
}

static void
draw_op (cairo_t           *cr,
         const AccordDocOp *op)
{
  static const double dash[] = { 4.0, 3.0 };

  set_gray (cr, op->gray);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_set_dash (cr, dash, op->dashed ? G_N_ELEMENTS (dash) : 0, 0.0);
  switch (op->kind)
    {
    case ACCORD_DOC_OP_TEXT:
      show_line (cr, op->line, op->x, op->y);
      break;
    case ACCORD_DOC_OP_RULE:
      cairo_move_to (cr, op->x, op->y);
      cairo_rel_line_to (cr, op->w, op->h);
      cairo_stroke (cr);
      break;
    case ACCORD_DOC_OP_BOX:
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_stroke (cr);
      break;
    case ACCORD_DOC_OP_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, op->x, op->y, op->w, 0.0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case ACCORD_DOC_OP_STROKES:
      draw_strokes (cr, op);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Everything but the rows: paper, draft mark, folio, verification footer. */
void
accord_doc_draw_decorations (AccordDocLayout *layout,
                             cairo_t         *cr,
                             guint            page)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0.0, 0.0, ACCORD_DOC_PAGE_WIDTH, ACCORD_DOC_PAGE_HEIGHT);
  set_gray (cr, 1.0);
  cairo_fill (cr);
  if (layout->watermark != NULL)
    draw_watermark (cr, layout->watermark);
  set_gray (cr, 0.0);
  show_centred (cr, g_ptr_array_index (layout->folios, page),
                ACCORD_DOC_MARGIN_LEFT + ACCORD_DOC_AREA_WIDTH / 2.0, FOLIO_BASELINE);
  draw_footer (layout, cr);
  cairo_restore (cr);
}

void
accord_doc_draw_row (AccordDocLayout *layout,
                     cairo_t         *cr,
                     AccordDocRow    *row)
{
  for (guint i = 0; i < row->ops->len; i++)
    draw_op (cr, &g_array_index (row->ops, AccordDocOp, i));
}
