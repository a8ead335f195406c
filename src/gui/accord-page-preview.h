/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "accord-doc.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_PAGE_PREVIEW (accord_page_preview_get_type ())
G_DECLARE_FINAL_TYPE (AccordPagePreview, accord_page_preview, ACCORD, PAGE_PREVIEW, GtkWidget)

/* One page of a document's layout, drawn as the PDF draws it.  The layout
 * is borrowed: whoever owns it removes the preview before freeing it. */
GtkWidget *accord_page_preview_new      (AccordDocLayout   *layout,
                                         guint              page,
                                         double             zoom);
guint      accord_page_preview_get_page (AccordPagePreview *self);
double     accord_page_preview_get_zoom (AccordPagePreview *self);
void       accord_page_preview_set_zoom (AccordPagePreview *self,
                                         double             zoom);

G_END_DECLS
