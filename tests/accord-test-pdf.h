/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* PDFs read back with poppler-glib, for the document and widget tests;
 * each asserts that @pdf is a PDF. */
PopplerDocument *accord_test_pdf_open          (GBytes          *pdf);
int              accord_test_pdf_pages         (GBytes          *pdf);
/* The text of every page, one after the other. */
char            *accord_test_pdf_text          (GBytes          *pdf);
/* The text of page @page, counted from 0; a negative @page counts from
 * the end (-1: the last page). */
char            *accord_test_pdf_page_text     (GBytes          *pdf,
                                                int              page);

/* Text without white space: poppler puts spaces and line ends where the
 * glyph positions suggest them. */
char            *accord_test_squash            (const char      *text);
/* The text of page @index of @doc, without white space. */
char            *accord_test_pdf_squashed_text (PopplerDocument *doc,
                                                int              index);

G_END_DECLS
