/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_SIGNATURE_PAD (accord_signature_pad_get_type ())
G_DECLARE_FINAL_TYPE (AccordSignaturePad, accord_signature_pad, ACCORD, SIGNATURE_PAD, GtkWidget)

GtkWidget *accord_signature_pad_new          (void);
/* The size, in points, of the document's box the strokes will fill: the
 * pad takes its shape and draws the pen at the width the PDF will. */
void       accord_signature_pad_set_box_size (AccordSignaturePad *self,
                                              double              width,
                                              double              height);
gboolean   accord_signature_pad_is_empty     (AccordSignaturePad *self);
gboolean   accord_signature_pad_can_redo     (AccordSignaturePad *self);
guint      accord_signature_pad_get_n_strokes (AccordSignaturePad *self);
void       accord_signature_pad_undo         (AccordSignaturePad *self);
void       accord_signature_pad_redo         (AccordSignaturePad *self);
void       accord_signature_pad_clear        (AccordSignaturePad *self);
/* The strokes as core takes them (accord_validate_strokes()): a list of
 * strokes, each a list of points {x, y, p, t}; NULL when empty. */
char      *accord_signature_pad_get_strokes  (AccordSignaturePad *self);

G_END_DECLS
