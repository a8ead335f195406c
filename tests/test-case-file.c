/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-case-file"

#include <string.h>

#include <glib/gstdio.h>
#include "accord-doc-case-file.h"
#include "accord-doc-render.h"
#include "accord-documents.h"
#include "accord-i18n.h"
#include "accord-store.h"
#include "accord-test-pdf.h"
#include "accord-test-util.h"

/* The case file of a case with three documents: one signed, one issued and
 * one voided, each issued through core as the application does, then read
 * back with poppler. */

#define STROKES "[[{\"x\":0.1,\"y\":0.5,\"p\":0.5,\"t\":0},{\"x\":0.9,\"y\":0.5,\"p\":0.7,\"t\":120}]]"
#define BUREAU "北京市朝阳区信访局"

/* poppler-glib 22.02 has no cleanup functions of its own. */
typedef PopplerDocument TestPdf;
typedef PopplerFontInfo TestFonts;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestFonts, g_object_unref)

typedef struct
{
  char           *dir;
  AccordStore    *store;
  char           *number;
  AccordDocument *signed_doc;
  AccordDocument *issued_doc;
  AccordDocument *void_doc;
} Fixture;

/* Helpers */

static void
step (Fixture          *f,
      AccordCaseAction  action,
      const char       *arg)
{
  AccordCaseTransition t = { action, "2026-10-20", arg, arg, arg, arg };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = accord_store_transition_case (f->store, f->number, 0, &t, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
}

static AccordDocument *
issue (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AccordDocument *d = accord_store_issue_document (f->store, "closure_commitment", f->number, 0,
                                                   accord_doc_render, (gpointer) "zh_CN", &error);

  g_assert_no_error (error);
  g_assert_nonnull (d->number);
  return d;
}

/* The case file of the fixture's case, as a PDF. */
static PopplerDocument *
case_file_pdf (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = accord_doc_case_file (f->store, f->number, "zh_CN", &error);

  g_assert_no_error (error);
  return accord_test_pdf_open (pdf);
}

static int
stored_pages (Fixture        *f,
              AccordDocument *d,
              PopplerDocument **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = accord_store_document_pdf (f->store, d->id, &error);

  g_assert_no_error (error);
  *out = accord_test_pdf_open (pdf);
  return poppler_document_get_n_pages (*out);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const AccordPetitionerInput p = { "刘洋", "440304198501011235", "0755-83212345", NULL };
  AccordCaseInput in = { .title = "房屋征收补偿问题", .category = "城乡建设", .channel = "letter",
                         .received_on = "2026-10-09", .petitioners = &p, .n_petitioners = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = NULL;
  g_autoptr(AccordDocument) signed_doc = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("accord-case-file-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "accord.db", NULL);
  f->store = accord_store_open (path, &error);
  g_assert_no_error (error);
  accord_store_set_setting (f->store, "bureau_name", BUREAU, &error);
  g_assert_no_error (error);

  c = accord_store_add_case (f->store, &in, &error);
  g_assert_no_error (error);
  f->number = g_strdup (accord_case_get_number (c));
  step (f, ACCORD_CASE_ACTION_ACCEPT, NULL);
  step (f, ACCORD_CASE_ACTION_ASSIGN, "区住房和城乡建设委员会");
  step (f, ACCORD_CASE_ACTION_REPLY, "support");

  f->signed_doc = issue (f);
  signed_doc = accord_store_sign_document (f->store, f->signed_doc->id, "petitioner:0", "petitioner", STROKES,
                                           accord_doc_render, (gpointer) "zh_CN", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signed_doc->status, ==, "signed");
  f->void_doc = issue (f);
  accord_store_void_document (f->store, f->void_doc->id, "编号有误", &error);
  g_assert_no_error (error);
  f->issued_doc = issue (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->signed_doc, accord_document_free);
  g_clear_pointer (&f->issued_doc, accord_document_free);
  g_clear_pointer (&f->void_doc, accord_document_free);
  g_free (f->number);
  accord_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Tests */

/* Cover pages, then the pages of each stored PDF, page for page the same
 * text; the voided document is listed, not included. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TestPdf) doc = NULL;
  g_autoptr(TestPdf) first = NULL;
  g_autoptr(TestPdf) second = NULL;
  g_autoptr(GString) cover = g_string_new (NULL);
  int n_first, n_second, n_cover;

  doc = case_file_pdf (f);
  n_first = stored_pages (f, f->signed_doc, &first);
  n_second = stored_pages (f, f->issued_doc, &second);
  n_cover = poppler_document_get_n_pages (doc) - n_first - n_second;
  g_assert_cmpint (n_cover, >=, 1);

  for (int i = 0; i < n_cover; i++)
    {
      g_autofree char *text = accord_test_pdf_squashed_text (doc, i);

      g_string_append (cover, text);
    }
  g_assert_nonnull (strstr (cover->str, f->number));
  g_assert_nonnull (strstr (cover->str, f->signed_doc->number));
  g_assert_nonnull (strstr (cover->str, f->issued_doc->number));
  g_assert_nonnull (strstr (cover->str, f->void_doc->number));
  g_assert_nonnull (strstr (cover->str, BUREAU));
  g_assert_nonnull (strstr (cover->str, "刘洋"));
  /* The petitioner's ID number is masked on the cover. */
  g_assert_null (strstr (cover->str, "440304198501011235"));

  for (int i = 0; i < n_first + n_second; i++)
    {
      PopplerDocument *stored = i < n_first ? first : second;
      g_autofree char *expected = accord_test_pdf_squashed_text (stored, i < n_first ? i : i - n_first);
      g_autofree char *actual = accord_test_pdf_squashed_text (doc, n_cover + i);

      g_assert_cmpstr (actual, ==, expected);
    }
}

static void
test_outline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TestPdf) doc = NULL;
  g_autoptr(TestPdf) first = NULL;
  g_autoptr(TestPdf) second = NULL;
  PopplerIndexIter *iter;
  const char *numbers[] = { NULL, f->signed_doc->number, f->issued_doc->number };
  int pages[3];
  int n = 0;

  doc = case_file_pdf (f);
  pages[1] = poppler_document_get_n_pages (doc) - stored_pages (f, f->signed_doc, &first)
             - stored_pages (f, f->issued_doc, &second) + 1;
  pages[0] = 1;
  pages[2] = pages[1] + poppler_document_get_n_pages (first);

  iter = poppler_index_iter_new (doc);
  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerDest *dest;

      g_assert_cmpint (n, <, 3);
      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      dest = action->goto_dest.dest;
      if (dest->type == POPPLER_DEST_NAMED)
        dest = poppler_document_find_dest (doc, dest->named_dest);
      else
        dest = poppler_dest_copy (dest);
      g_assert_cmpint (dest->page_num, ==, pages[n]);
      if (numbers[n] != NULL)
        g_assert_nonnull (strstr (action->any.title, numbers[n]));
      else
        g_assert_nonnull (strstr (action->any.title, f->number));
      poppler_dest_free (dest);
      poppler_action_free (action);
      n++;
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  g_assert_cmpint (n, ==, 3);
}

static void
test_fonts_and_metadata (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TestPdf) doc = NULL;
  g_autoptr(TestFonts) info = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *keywords = NULL;
  PopplerFontsIter *fonts = NULL;
  int n_fonts = 0;

  doc = case_file_pdf (f);
  info = poppler_font_info_new (doc);
  while (poppler_font_info_scan (info, poppler_document_get_n_pages (doc), &fonts))
    {
      if (fonts == NULL)
        continue;
      do
        {
          g_assert_true (poppler_fonts_iter_is_embedded (fonts));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (fonts));
      poppler_fonts_iter_free (fonts);
      fonts = NULL;
    }
  g_assert_cmpint (n_fonts, >, 0);

  title = poppler_document_get_title (doc);
  author = poppler_document_get_author (doc);
  keywords = poppler_document_get_keywords (doc);
  g_assert_nonnull (strstr (title, f->number));
  g_assert_cmpstr (author, ==, BUREAU);
  g_assert_nonnull (strstr (keywords, f->number));
  /* Not mistaken for one of the documents by the verifier. */
  g_assert_null (strstr (keywords, "accord:doc:"));
}

static gpointer
render_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = accord_doc_case_file_render (data, &error);

  g_assert_no_error (error);
  return pdf;
}

/* Read in one place and drawn in another, as the window does. */
static void
test_render_in_thread (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordDocCaseFile) file = accord_doc_case_file_read (f->store, f->number, "zh_CN", &error);
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(TestPdf) doc = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (accord_doc_case_file_get_n_documents (file), ==, 2);
  thread = g_thread_new ("case-file", render_thread, file);
  pdf = g_thread_join (g_steal_pointer (&thread));
  g_assert_nonnull (pdf);
  doc = accord_test_pdf_open (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 3);
}

static void
test_unknown_case (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = accord_doc_case_file (f->store, "XF-1999-999999", "zh_CN", &error);

  g_assert_null (pdf);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  accord_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/case-file/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/case-file/outline", Fixture, NULL, fixture_set_up, test_outline, fixture_tear_down);
  g_test_add ("/case-file/fonts-metadata", Fixture, NULL, fixture_set_up, test_fonts_and_metadata,
              fixture_tear_down);
  g_test_add ("/case-file/thread", Fixture, NULL, fixture_set_up, test_render_in_thread, fixture_tear_down);
  g_test_add ("/case-file/unknown-case", Fixture, NULL, fixture_set_up, test_unknown_case, fixture_tear_down);
  return g_test_run ();
}
