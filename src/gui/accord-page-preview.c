/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-page-preview"

#include <math.h>

#include "accord-page-preview.h"

struct _AccordPagePreview
{
  GtkWidget        parent_instance;

  AccordDocLayout *layout;
  guint            page;
  double           zoom;     /* pixels per point */
};

G_DEFINE_FINAL_TYPE (AccordPagePreview, accord_page_preview, GTK_TYPE_WIDGET)

/* Overrides ------------------------------------------------------------- */

static void
accord_page_preview_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  AccordPagePreview *self = ACCORD_PAGE_PREVIEW (widget);
  double points = orientation == GTK_ORIENTATION_HORIZONTAL ? ACCORD_DOC_PAGE_WIDTH : ACCORD_DOC_PAGE_HEIGHT;

  *minimum = *natural = (int) ceil (points * self->zoom);
}

/* The page keeps its proportions whatever size it is given: the drawing is
 * scaled from points to the allocation, as the printed page is scaled to
 * the paper. */
static void
accord_page_preview_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AccordPagePreview *self = ACCORD_PAGE_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const GdkRGBA edge[4] = { { 0, 0, 0, 0.2 }, { 0, 0, 0, 0.2 }, { 0, 0, 0, 0.2 }, { 0, 0, 0, 0.2 } };
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  /* Paper on the desk: a square sheet with a soft shadow, as the PDF is
   * shown by a viewer. */
  gtk_snapshot_append_outset_shadow (snapshot, &GSK_ROUNDED_RECT_INIT (0, 0, width, height),
                                     &(GdkRGBA) { 0, 0, 0, 0.25 }, 0, 1, 0, 3);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, width / ACCORD_DOC_PAGE_WIDTH, height / ACCORD_DOC_PAGE_HEIGHT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  accord_doc_layout_draw_page (self->layout, cr, self->page);
  cairo_destroy (cr);
  gtk_snapshot_append_border (snapshot, &GSK_ROUNDED_RECT_INIT (0, 0, width, height),
                              (const float[4]) { 1, 1, 1, 1 }, edge);
}

static void
accord_page_preview_class_init (AccordPagePreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = accord_page_preview_measure;
  widget_class->snapshot = accord_page_preview_snapshot;
  gtk_widget_class_set_css_name (widget_class, "pagepreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
accord_page_preview_init (AccordPagePreview *self)
{
  self->zoom = 1.0;
}

/* Public API ------------------------------------------------------------- */

GtkWidget *
accord_page_preview_new (AccordDocLayout *layout,
                         guint            page,
                         double           zoom)
{
  AccordPagePreview *self;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (page < accord_doc_layout_get_n_pages (layout), NULL);
  g_return_val_if_fail (zoom > 0.0, NULL);

  self = g_object_new (ACCORD_TYPE_PAGE_PREVIEW, NULL);
  self->layout = layout;
  self->page = page;
  self->zoom = zoom;
  return GTK_WIDGET (self);
}

guint
accord_page_preview_get_page (AccordPagePreview *self)
{
  g_return_val_if_fail (ACCORD_IS_PAGE_PREVIEW (self), 0);

  return self->page;
}

double
accord_page_preview_get_zoom (AccordPagePreview *self)
{
  g_return_val_if_fail (ACCORD_IS_PAGE_PREVIEW (self), 1.0);

  return self->zoom;
}

void
accord_page_preview_set_zoom (AccordPagePreview *self,
                              double             zoom)
{
  g_return_if_fail (ACCORD_IS_PAGE_PREVIEW (self));
  g_return_if_fail (zoom > 0.0);

  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
