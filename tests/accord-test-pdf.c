/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "accord-test-pdf.h"

PopplerDocument *
accord_test_pdf_open (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

int
accord_test_pdf_pages (GBytes *pdf)
{
  PopplerDocument *doc = accord_test_pdf_open (pdf);
  int n = poppler_document_get_n_pages (doc);

  g_object_unref (doc);
  return n;
}

char *
accord_test_pdf_text (GBytes *pdf)
{
  PopplerDocument *doc = accord_test_pdf_open (pdf);
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

char *
accord_test_pdf_page_text (GBytes *pdf,
                           int     page)
{
  PopplerDocument *doc = accord_test_pdf_open (pdf);
  PopplerPage *p;
  char *text;

  if (page < 0)
    page += poppler_document_get_n_pages (doc);
  p = poppler_document_get_page (doc, page);
  g_assert_nonnull (p);
  text = poppler_page_get_text (p);
  g_object_unref (p);
  g_object_unref (doc);
  return text;
}

char *
accord_test_squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

char *
accord_test_pdf_squashed_text (PopplerDocument *doc,
                               int              index)
{
  PopplerPage *page = poppler_document_get_page (doc, index);
  g_autofree char *text = poppler_page_get_text (page);

  g_object_unref (page);
  return accord_test_squash (text);
}
