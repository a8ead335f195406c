/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* PDFs read back with poppler-glib, for the tests that check what a
 * document holds; each asserts that @pdf is a PDF. */
PopplerDocument *accord_gui_pdf_open      (GBytes *pdf);
int              accord_gui_pdf_pages     (GBytes *pdf);
/* The text of every page, one after the other. */
char            *accord_gui_pdf_text      (GBytes *pdf);
/* The text of page @page, counted from 0; a negative @page counts from
 * the end (-1: the last page). */
char            *accord_gui_pdf_page_text (GBytes *pdf,
                                           int     page);

G_END_DECLS
