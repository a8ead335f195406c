/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-docs"

#include <string.h>

#include <glib/gstdio.h>
#include <libintl.h>
#include "accord-doc.h"
#include "accord-doc-render.h"
#include "accord-i18n.h"
#include "accord-test-util.h"
#include "accord-test-pdf.h"

#define DOC_ID     "DOC-2026-0012"
#define DOC_HASH   "3f9a1c2e"
#define CREATED    G_GINT64_CONSTANT (1795000000)
#define RENDER_DPI 216.0

/* poppler-glib 22.02 defines no autoptr cleanups; local names keep these
 * from clashing with those of later versions. */
typedef PopplerDocument TestPdf;
typedef PopplerPage     TestPdfPage;
typedef PopplerFontInfo TestPdfFonts;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfFonts, g_object_unref)

static char *tmp_dir;

/* Helpers */

static AccordDocPage
page_info (const char *document_id)
{
  return (AccordDocPage) {
    .title = "息诉息访协议书",
    .author = "某市人民来访接待中心",
    .subject = "Non-repetition agreement",
    .keywords = "信访, 2026-XF-0012",
    .created = CREATED,
    .document_id = document_id,
    .short_hash = document_id != NULL ? DOC_HASH : NULL,
  };
}

static void
add_terms (AccordDocBuilder *b,
           guint             n)
{
  static const char * const headers[] = { "当事方", "义务内容", "金额", "履行期限", NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < n; i++)
    {
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup (i % 2 == 0 ? "甲方" : "乙方");
      row[1] = g_strdup_printf ("第%u项：一次性支付困难救助金并协调办理相关手续", i + 1);
      row[2] = g_strdup_printf ("%u,000.00元", 10 + i);
      row[3] = g_strdup_printf ("2026年12月%u日", 1 + i % 28);
      g_ptr_array_add (rows, row);
    }
  accord_doc_table (b, headers, rows);
}

/* A non-repetition agreement of about two pages. */
static AccordDocBuilder *
build_agreement (void)
{
  AccordDocBuilder *b = accord_doc_builder_new ();

  accord_doc_title (b, "息诉息访协议书");
  accord_doc_subtitle (b, "〔2026〕12号");
  accord_doc_field (b, "甲方", "某市住房和城乡建设局（责任单位）");
  accord_doc_field (b, "乙方", "张某某，身份证号码3301**********1234，住某市某区某街道某小区3幢2单元501室");
  accord_doc_field (b, "案件编号", "2026-XF-0012");
  accord_doc_heading (b, "一、基本情况");
  accord_doc_paragraph (b, "乙方因房屋征收补偿问题于2025年3月起多次到市信访局反映诉求。"
                        "经市信访局组织听证，听证员一致认为甲方在补偿标准的适用上存在瑕疵，"
                        "建议由甲方在法律政策框架内予以妥善解决。双方在平等、自愿的基础上，"
                        "经人民调解委员会主持调解，达成如下协议。");
  accord_doc_heading (b, "二、甲方义务");
  add_terms (b, 3);
  accord_doc_heading (b, "三、乙方承诺");
  accord_doc_paragraph (b, "乙方承诺在甲方履行本协议约定义务后，不再就同一事实和理由提出信访事项，"
                        "并于本协议签订之日起五个工作日内撤回尚在办理中的信访事项。本协议不影响"
                        "乙方依法提起行政诉讼、申请行政复议等法定救济权利。");
  accord_doc_paragraph (b, "本协议一式四份，甲乙双方各执一份，信访工作机构、人民调解委员会各存档一份，"
                        "自双方签字（盖章）之日起生效。双方确认本协议系自愿签订。");
  accord_doc_signature (b, "party_a", "甲方代表", "李某某", FALSE);
  accord_doc_signature (b, "party_b", "乙方", "张某某", TRUE);
  accord_doc_signature (b, "mediator", "调解员", "王某某", FALSE);
  accord_doc_seal (b, "某市人民调解委员会", "2026年11月21日");
  return b;
}

static GBytes *
make_pdf (AccordDocBuilder    *b,
          const AccordDocPage *page,
          guint               *n_pages)
{
  g_autoptr(AccordDocLayout) layout = accord_doc_layout_new (b, page);
  g_autoptr(GError) error = NULL;
  GBytes *pdf = accord_doc_layout_to_pdf (layout, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  if (n_pages != NULL)
    *n_pages = accord_doc_layout_get_n_pages (layout);
  return pdf;
}

static gboolean
page_has (PopplerDocument *doc,
          int              index,
          const char      *needle)
{
  g_autofree char *text = accord_test_pdf_squashed_text (doc, index);
  g_autofree char *wanted = accord_test_squash (needle);

  return strstr (text, wanted) != NULL;
}

/* The first page showing @needle, or -1. */
static int
page_of (PopplerDocument *doc,
         const char      *needle)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    if (page_has (doc, i, needle))
      return i;
  return -1;
}

static guint
dark_pixels (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

        if ((pixel & 0xff) < 128 && ((pixel >> 8) & 0xff) < 128)
          n++;
      }
  return n;
}

static cairo_surface_t *
white_surface (double scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) (ACCORD_DOC_PAGE_WIDTH * scale),
                                                         (int) (ACCORD_DOC_PAGE_HEIGHT * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

/* Renders a page with poppler to a PNG in the temporary folder. */
static char *
render_png (PopplerDocument *doc,
            int              index,
            const char      *name,
            guint           *n_dark)
{
  g_autoptr(TestPdfPage) page = poppler_document_get_page (doc, index);
  double scale = RENDER_DPI / 72.0;
  cairo_surface_t *surface = white_surface (scale);
  cairo_t *cr = cairo_create (surface);
  char *path = g_build_filename (tmp_dir, name, NULL);

  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  *n_dark = dark_pixels (surface);
  cairo_surface_destroy (surface);
  g_test_message ("page %d rendered to %s", index + 1, path);
  return path;
}

/* zbarimg's reading of the QR code on a PNG; NULL when it finds none. */
static char *
decode_qr (const char *zbarimg,
           const char *png)
{
  const char *argv[] = { zbarimg, "--raw", "-q", png, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_strdup (g_strstrip (out));
}

static AccordDocBuilder *
build_english (void)
{
  AccordDocBuilder *b = accord_doc_builder_new ();

  accord_doc_title (b, "Closure Commitment");
  accord_doc_subtitle (b, "No. 2026-12");
  accord_doc_field (b, "Petitioner", "Zhang San");
  accord_doc_paragraph (b, "The petitioner accepts the handling opinion of the bureau and "
                        "undertakes not to petition again on the same facts and reasons.");
  accord_doc_right (b, "2026-11-21");
  return b;
}

/* Tests */

static void
test_pdf_basic (void)
{
  g_autoptr(AccordDocBuilder) b = build_english ();
  AccordDocPage info = page_info (DOC_ID);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(TestPdf) doc = NULL;
  g_autofree char *title = NULL, *author = NULL, *keywords = NULL, *subject = NULL;
  guint n_pages = 0;

  pdf = make_pdf (b, &info, &n_pages);
  doc = accord_test_pdf_open (pdf);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  g_assert_true (page_has (doc, 0, "Closure Commitment"));
  g_assert_true (page_has (doc, 0, "handling opinion of the bureau"));
  g_assert_true (page_has (doc, 0, "Zhang San"));
  g_assert_true (page_has (doc, 0, "— 1 —"));
  g_assert_true (page_has (doc, 0, "Document " DOC_ID " · " DOC_HASH));

  title = poppler_document_get_title (doc);
  author = poppler_document_get_author (doc);
  keywords = poppler_document_get_keywords (doc);
  subject = poppler_document_get_subject (doc);
  g_assert_cmpstr (title, ==, "息诉息访协议书");
  g_assert_cmpstr (author, ==, "某市人民来访接待中心");
  g_assert_cmpstr (keywords, ==, "信访, 2026-XF-0012");
  g_assert_cmpstr (subject, ==, "Non-repetition agreement");
  g_assert_cmpint (poppler_document_get_creation_date (doc), ==, CREATED);
}

static void
test_pdf_fonts (void)
{
  g_autoptr(AccordDocBuilder) b = build_agreement ();
  AccordDocPage info = page_info (DOC_ID);
  g_autoptr(GBytes) pdf = make_pdf (b, &info, NULL);
  g_autoptr(TestPdf) doc = accord_test_pdf_open (pdf);
  g_autoptr(TestPdfFonts) fonts = poppler_font_info_new (doc);
  g_autofree char *text = accord_test_pdf_squashed_text (doc, 0);
  g_autofree char *title = accord_test_squash ("息诉息访协议书");
  PopplerFontsIter *iter = NULL;
  guint n = 0;

  g_assert_true (poppler_font_info_scan (fonts, poppler_document_get_n_pages (doc), &iter));
  g_assert_nonnull (iter);
  do
    {
      g_test_message ("font %s embedded %d", poppler_fonts_iter_get_name (iter),
                      poppler_fonts_iter_is_embedded (iter));
      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      g_assert_nonnull (strstr (poppler_fonts_iter_get_name (iter), "NotoSerifCJK"));
      n++;
    }
  while (poppler_fonts_iter_next (iter));
  poppler_fonts_iter_free (iter);
  /* Bold is the regular face drawn twice: one font, and its text read once. */
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (text, title));
  g_assert_null (strstr (strstr (text, title) + strlen (title), title));
}

static void
test_flow_long_paragraph (void)
{
  g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
  g_autoptr(GString) text = g_string_new ("STARTMARK");
  AccordDocPage info = page_info (DOC_ID);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(TestPdf) doc = NULL;
  guint n_pages = 0;

  for (guint i = 0; i < 60; i++)
    g_string_append (text, "信访工作机构应当依法及时受理办理信访事项，");
  g_string_append (text, "ENDMARK。");
  accord_doc_title (b, "长段落");
  accord_doc_paragraph (b, text->str);
  pdf = make_pdf (b, &info, &n_pages);
  doc = accord_test_pdf_open (pdf);

  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int) n_pages);
  g_assert_cmpint (page_of (doc, "STARTMARK"), ==, 0);
  g_assert_cmpint (page_of (doc, "ENDMARK"), ==, (int) n_pages - 1);
  g_assert_true (page_has (doc, 0, "— 1 —"));
  g_assert_true (page_has (doc, 1, "— 2 —"));
}

/* However much comes before, a signature never begins a page: the last
 * lines of the paragraph before it go along. */
static void
test_flow_signature_keeps (void)
{
  gboolean crossed = FALSE;

  for (guint fill = 8; fill <= 24; fill++)
    {
      g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
      AccordDocPage info = page_info (DOC_ID);
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(TestPdf) doc = NULL;
      int sign_page;

      for (guint i = 0; i < fill; i++)
        {
          g_autofree char *line = g_strdup_printf ("Filler line %u.", i);

          accord_doc_paragraph (b, line);
        }
      accord_doc_paragraph (b, "The parties have read this agreement, understand it and sign it "
                            "of their own free will, knowing that it does not take away any "
                            "lawful remedy; it takes effect when both have signed it and the "
                            "bureau has sealed it, and each keeps one copy ZETAEND");
      accord_doc_signature (b, "party_b", "SIGNERROLE", "Zhang San", TRUE);
      pdf = make_pdf (b, &info, NULL);
      doc = accord_test_pdf_open (pdf);

      sign_page = page_of (doc, "SIGNERROLE");
      g_test_message ("%u filler lines: signature on page %d", fill, sign_page + 1);
      g_assert_cmpint (sign_page, >=, 0);
      g_assert_cmpint (page_of (doc, "ZETAEND"), ==, sign_page);
      crossed |= sign_page > 0;
    }
  g_assert_true (crossed);
}

static void
test_table_header_repeats (void)
{
  static const char * const headers[] = { "Party", "Obligation", "Amount", "Due date", NULL };
  g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  AccordDocPage info = page_info (DOC_ID);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(TestPdf) doc = NULL;
  guint n_pages = 0;

  for (guint i = 0; i < 30; i++)
    {
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup ("Party A");
      row[1] = g_strdup_printf ("Term %02u: pay the hardship grant into the account of party B", i);
      row[2] = g_strdup ("CNY 12,000.00");
      row[3] = g_strdup ("2026-12-01");
      g_ptr_array_add (rows, row);
    }
  accord_doc_heading (b, "Terms");
  accord_doc_table (b, headers, rows);
  pdf = make_pdf (b, &info, &n_pages);
  doc = accord_test_pdf_open (pdf);

  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpint (page_of (doc, "Term 00"), ==, 0);
  g_assert_cmpint (page_of (doc, "Term 29"), ==, (int) n_pages - 1);
  for (guint i = 0; i < n_pages; i++)
    g_assert_true (page_has (doc, i, "Obligation"));
}

static void
test_render_png_and_qr (void)
{
  g_autoptr(AccordDocBuilder) b = build_agreement ();
  AccordDocPage info = page_info (DOC_ID);
  g_autoptr(GBytes) pdf = make_pdf (b, &info, NULL);
  g_autoptr(TestPdf) doc = accord_test_pdf_open (pdf);
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  g_autofree char *png = NULL, *png2 = NULL, *decoded = NULL;
  guint n_dark = 0;

  g_assert_true (page_has (doc, 0, "息诉息访协议书"));
  g_assert_true (page_has (doc, 0, "〔2026〕12号"));
  png = render_png (doc, 0, "agreement-1.png", &n_dark);
  g_assert_cmpuint (n_dark, >, 20000);
  if (poppler_document_get_n_pages (doc) > 1)
    png2 = render_png (doc, 1, "agreement-2.png", &n_dark);

  if (zbarimg == NULL)
    {
      g_test_skip ("zbarimg is not installed");
      return;
    }
  decoded = decode_qr (zbarimg, png);
  g_assert_cmpstr (decoded, ==, "accord:doc:" DOC_ID ":" DOC_HASH);
}

/* The preview draws the same pages straight onto an image. */
static void
test_render_preview (void)
{
  g_autoptr(AccordDocBuilder) b = build_agreement ();
  AccordDocPage info = page_info (DOC_ID);
  g_autoptr(AccordDocLayout) layout = accord_doc_layout_new (b, &info);
  g_autoptr(GBytes) pdf = accord_doc_layout_to_pdf (layout, NULL);
  g_autoptr(TestPdf) doc = accord_test_pdf_open (pdf);
  guint n_pages = accord_doc_layout_get_n_pages (layout);

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int) n_pages);
  g_assert_cmpuint (n_pages, >=, 2);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_surface_t *surface = white_surface (1.5);
      cairo_t *cr = cairo_create (surface);

      cairo_scale (cr, 1.5, 1.5);
      accord_doc_layout_draw_page (layout, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      g_assert_cmpuint (dark_pixels (surface), >, 2000);
      cairo_surface_destroy (surface);
    }
}

static void
test_draft (void)
{
  g_autoptr(AccordDocBuilder) b = build_english ();
  AccordDocPage info = page_info (NULL);
  g_autoptr(GBytes) pdf = make_pdf (b, &info, NULL);
  g_autoptr(TestPdf) doc = accord_test_pdf_open (pdf);
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  g_autofree char *png = NULL, *decoded = NULL;
  guint n_dark = 0;

  g_assert_true (page_has (doc, 0, "DRAFT"));
  g_assert_false (page_has (doc, 0, "Document "));
  png = render_png (doc, 0, "draft.png", &n_dark);
  if (zbarimg == NULL)
    return;
  decoded = decode_qr (zbarimg, png);
  g_assert_null (decoded);
}

static JsonObject *
make_strokes (void)
{
  g_autoptr(JsonNode) node = NULL;

  node = json_from_string ("{\"party_b\": ["
                           " [{\"x\":0.05,\"y\":0.7,\"p\":0.3,\"t\":0},{\"x\":0.2,\"y\":0.2,\"p\":0.6,\"t\":20},"
                           "  {\"x\":0.35,\"y\":0.8,\"p\":0.8,\"t\":40},{\"x\":0.5,\"y\":0.3,\"p\":0.5,\"t\":60},"
                           "  {\"x\":0.7,\"y\":0.75,\"p\":0.4,\"t\":80},{\"x\":0.95,\"y\":0.4,\"p\":0.2,\"t\":100}],"
                           " [{\"x\":0.6,\"y\":0.5,\"p\":0.5,\"t\":200}]"
                           "]}", NULL);
  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static guint
preview_dark (AccordDocBuilder *b,
              JsonObject       *signatures)
{
  AccordDocPage info = page_info (DOC_ID);
  g_autoptr(AccordDocLayout) layout = NULL;
  cairo_surface_t *surface = white_surface (2.0);
  cairo_t *cr = cairo_create (surface);
  guint n;

  info.signatures = signatures;
  layout = accord_doc_layout_new (b, &info);
  cairo_scale (cr, 2.0, 2.0);
  accord_doc_layout_draw_page (layout, cr, accord_doc_layout_get_n_pages (layout) - 1);
  cairo_destroy (cr);
  n = dark_pixels (surface);
  cairo_surface_destroy (surface);
  return n;
}

static void
test_signature_strokes (void)
{
  g_autoptr(AccordDocBuilder) b = build_agreement ();
  g_autoptr(JsonObject) strokes = make_strokes ();
  guint plain = preview_dark (b, NULL);
  guint signed_ = preview_dark (b, strokes);

  g_test_message ("dark pixels: %u unsigned, %u signed", plain, signed_);
  g_assert_cmpuint (signed_, >, plain + 200);
}

/* libc's gettext: g_dgettext() decides once whether to translate. */
static const char *
catalogue (const char *context_id)
{
  const char *text = dcgettext ("accord", context_id, LC_MESSAGES);

  return text == context_id ? strchr (context_id, '\004') + 1 : text;
}

static void
test_language (void)
{
  const char *dir = g_getenv ("ACCORD_LOCALEDIR");
  g_autofree char *mo = NULL;

  if (dir == NULL || *dir == '\0')
    {
      g_test_skip ("ACCORD_LOCALEDIR is not set");
      return;
    }
  mo = g_build_filename (dir, "zh_CN", "LC_MESSAGES", "accord.mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the zh_CN catalogue is not built");
      return;
    }

  g_assert_cmpstr (catalogue ("deadline\004overdue"), ==, "overdue");
  accord_doc_language_push ("zh_CN");
  g_assert_cmpstr (catalogue ("deadline\004overdue"), ==, "已逾期");
  accord_doc_language_push ("en_US");
  g_assert_cmpstr (catalogue ("deadline\004overdue"), ==, "overdue");
  accord_doc_language_pop ();
  g_assert_cmpstr (catalogue ("deadline\004overdue"), ==, "已逾期");
  accord_doc_language_pop ();
  g_assert_cmpstr (catalogue ("deadline\004overdue"), ==, "overdue");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "");
}

/* A non-repetition agreement, rendered in @language, as its words. */
static char *
agreement_text (const char *language)
{
  static const char *json =
    "{\"kind\": \"non_repetition_agreement\", \"bureau\": \"北京市朝阳区信访局\", \"number\": \"朝信〔2026〕12号\","
    " \"date\": \"2026-11-20\", \"for_signature\": false, \"unit\": \"北京市朝阳区住房和城乡建设委员会\","
    " \"case\": {\"number\": \"XF-2026-000123\", \"title\": \"房屋征收补偿问题\", \"summary\": \"请求重新核定补偿金额。\","
    "   \"received_on\": \"2026-03-02\", \"accepted_on\": \"2026-03-05\", \"replied_on\": \"2026-04-20\","
    "   \"opinion\": \"explain\", \"responsible_unit\": \"北京市朝阳区住房和城乡建设委员会\", \"collective\": false},"
    " \"petitioners\": [{\"name\": \"刘洋\", \"id_number\": \"440304********1235\", \"phone\": \"138****1111\","
    "   \"address\": \"北京市朝阳区****\"}],"
    " \"outcome\": {\"result\": \"agreement\", \"opinion\": \"建议增加过渡安置费。\", \"minutes\": [], \"refusals\": [],"
    "   \"follow_up_on\": null, \"terms\": [{\"party\": \"甲方\", \"obligation\": \"支付搬家补助费\","
    "   \"amount_fen\": 140950, \"due_on\": \"2026-12-31\"}]}}";
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  pdf = accord_doc_render (json_node_get_object (node), DOC_ID, DOC_HASH, NULL, (gpointer) language, &error);
  g_assert_no_error (error);
  text = accord_test_pdf_text (pdf);
  return accord_test_squash (text);
}

typedef struct
{
  GMutex  lock;
  GCond   changed;
  guint   step;
  char   *text;
} LanguageThread;

static void
language_thread_step (LanguageThread *t,
                      guint           step)
{
  g_mutex_lock (&t->lock);
  t->step = step;
  g_cond_broadcast (&t->changed);
  g_mutex_unlock (&t->lock);
}

static void
language_thread_wait (LanguageThread *t,
                      guint           step)
{
  g_mutex_lock (&t->lock);
  while (t->step < step)
    g_cond_wait (&t->changed, &t->lock);
  g_mutex_unlock (&t->lock);
}

/* Holds Chinese pushed while the main thread renders, then renders in
 * Chinese while the main thread holds English pushed. */
static gpointer
chinese_thread (gpointer data)
{
  LanguageThread *t = data;

  accord_doc_language_push ("zh_CN");
  language_thread_step (t, 1);
  language_thread_wait (t, 2);
  t->text = agreement_text ("zh_CN");
  accord_doc_language_pop ();
  return NULL;
}

/* The document language belongs to the thread that pushes it: the case
 * file is drawn in a worker thread while the window goes on in its own
 * language, and LANGUAGE (the process's) is left alone. */
static void
test_language_threads (void)
{
  const char *dir = g_getenv ("ACCORD_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autofree char *before = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *english = NULL;
  LanguageThread t = { 0 };
  GThread *thread;

  if (dir == NULL || *dir == '\0')
    {
      g_test_skip ("ACCORD_LOCALEDIR is not set");
      return;
    }
  mo = g_build_filename (dir, "zh_CN", "LC_MESSAGES", "accord.mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the zh_CN catalogue is not built");
      return;
    }

  thread = g_thread_new ("chinese", chinese_thread, &t);
  language_thread_wait (&t, 1);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, before);
  english = agreement_text ("en_US");
  g_assert_nonnull (strstr (english, "Non-repetitionAgreement"));
  g_assert_null (strstr (english, "息诉息访协议书"));

  accord_doc_language_push ("en_US");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, before);
  language_thread_step (&t, 2);
  g_thread_join (thread);
  accord_doc_language_pop ();

  g_assert_nonnull (strstr (t.text, "息诉息访协议书"));
  g_assert_nonnull (strstr (t.text, "刘洋"));
  g_assert_null (strstr (t.text, "Non-repetitionAgreement"));
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, before);
  g_free (t.text);
  g_mutex_clear (&t.lock);
  g_cond_clear (&t.changed);
}

/* Build, lay out and write the two-page agreement; the median of 21 runs. */
static void
test_page_break (void)
{
  g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(TestPdf) doc = NULL;
  AccordDocPage info = page_info (DOC_ID);
  guint n_pages;

  accord_doc_title (b, "Agreement");
  accord_doc_paragraph (b, "Before the break.");
  accord_doc_page_break (b);
  accord_doc_heading (b, "Signing record");
  accord_doc_paragraph (b, "After the break.");
  pdf = make_pdf (b, &info, &n_pages);
  doc = accord_test_pdf_open (pdf);

  g_assert_cmpuint (n_pages, ==, 2);
  g_assert_cmpint (page_of (doc, "Before the break."), ==, 0);
  g_assert_cmpint (page_of (doc, "Signing record"), ==, 1);
}

/* How far down the type area the lowest text of a page reaches, from 0 to
 * 1, read from the glyph positions poppler finds (the folio and the
 * verification footer lie below the type area and do not count). */
static double
text_fill (PopplerDocument *doc,
           int              index)
{
  g_autoptr(TestPdfPage) page = poppler_document_get_page (doc, index);
  const double top = 37.0 * 72.0 / 25.4, height = 225.0 * 72.0 / 25.4;
  PopplerRectangle *rects = NULL;
  guint n = 0;
  double lowest = top;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  for (guint i = 0; i < n; i++)
    if (rects[i].y2 <= top + height + 1.0)
      lowest = MAX (lowest, rects[i].y2);
  g_free (rects);
  return (lowest - top) / height;
}

/* A run of many signature blocks breaks between blocks: no page but the
 * last is left less than half full, the first block stays with the
 * paragraph before it and a seal with the signature it seals. */
static void
test_flow_signature_run (void)
{
  for (guint fill = 6; fill <= 18; fill += 3)
    {
      g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
      g_autoptr(AccordDocLayout) layout = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(TestPdf) doc = NULL;
      g_autoptr(GError) error = NULL;
      AccordDocPage info = page_info (DOC_ID);
      guint n_pages;

      accord_doc_title (b, "Agreement");
      for (guint i = 0; i < fill; i++)
        accord_doc_paragraph (b, "Filler paragraph of the agreement.");
      accord_doc_paragraph (b, "The parties sign this agreement of their own free will ZETAEND");
      accord_doc_space (b, 1);
      accord_doc_signature (b, "unit", "UNITROLE", "Li Si", FALSE);
      accord_doc_seal (b, "UNITSEAL", "2026-11-21");
      for (guint i = 0; i < 14; i++)
        {
          g_autofree char *key = g_strdup_printf ("witness:%u", i);
          g_autofree char *role = g_strdup_printf ("WITNESS%02u", i);

          accord_doc_signature (b, key, role, "Wang Wu", i % 3 == 0);
        }
      accord_doc_signature (b, "officer", "OFFICERROLE", "Zhao Liu", FALSE);
      accord_doc_seal (b, "BUREAUSEAL", "2026-11-21");

      layout = accord_doc_layout_new (b, &info);
      n_pages = accord_doc_layout_get_n_pages (layout);
      pdf = accord_doc_layout_to_pdf (layout, &error);
      g_assert_no_error (error);
      doc = accord_test_pdf_open (pdf);
      g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int) n_pages);
      g_assert_cmpuint (n_pages, >=, 2);
      for (guint i = 0; i + 1 < n_pages; i++)
        {
          g_test_message ("%u filler paragraphs: page %u is %.0f %% full (layout: %.0f %%)", fill, i + 1,
                          100 * text_fill (doc, (int) i), 100 * accord_doc_layout_get_page_fill (layout, i));
          g_assert_cmpfloat (text_fill (doc, (int) i), >=, 0.5);
          g_assert_cmpfloat (accord_doc_layout_get_page_fill (layout, i), >=, 0.5);
        }
      g_assert_cmpint (page_of (doc, "UNITROLE"), ==, page_of (doc, "ZETAEND"));
      g_assert_cmpint (page_of (doc, "UNITSEAL"), ==, page_of (doc, "UNITROLE"));
      g_assert_cmpint (page_of (doc, "BUREAUSEAL"), ==, page_of (doc, "OFFICERROLE"));
    }
}

/* Hearing minutes: every page carries a signature line for each signer,
 * the pages after an explicit break (the signing record) do not. */
static void
test_page_signatures (void)
{
  g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
  g_autoptr(AccordDocLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(TestPdf) doc = NULL;
  g_autoptr(GError) error = NULL;
  AccordDocPage info = page_info (DOC_ID);
  static const char * const names[] = { "Chen Yi", "Sun Er", "Zhou San", "Wu Si", "Zheng Wu", "Feng Liu", "He Qi" };
  guint n_pages;

  accord_doc_title (b, "Minutes");
  for (guint i = 0; i < 60; i++)
    accord_doc_paragraph (b, "The panel asked the unit how the compensation was assessed; the unit explained it.");
  accord_doc_page_signatures (b, "PAGESIGNATURES");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *key = g_strdup_printf ("person:%u", i);

      accord_doc_signature (b, key, "ROLE", names[i], FALSE);
      accord_doc_page_signer (b, key, names[i]);
    }
  accord_doc_page_break (b);
  accord_doc_paragraph (b, "RECORDPAGE");
  layout = accord_doc_layout_new (b, &info);
  n_pages = accord_doc_layout_get_n_pages (layout);
  pdf = accord_doc_layout_to_pdf (layout, &error);
  g_assert_no_error (error);
  doc = accord_test_pdf_open (pdf);

  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpint (page_of (doc, "RECORDPAGE"), ==, (int) n_pages - 1);
  for (guint i = 0; i + 1 < n_pages; i++)
    {
      g_assert_true (page_has (doc, (int) i, "PAGESIGNATURES"));
      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        g_assert_true (page_has (doc, (int) i, names[j]));
      /* The flow leaves the foot alone. */
      g_assert_cmpfloat (accord_doc_layout_get_page_fill (layout, i), <=, 1.0 + 1e-6);
    }
  g_assert_false (page_has (doc, (int) n_pages - 1, "PAGESIGNATURES"));
}

/* A signer's handwriting goes into the place on every page's foot too. */
static void
test_page_signature_strokes (void)
{
  g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
  g_autoptr(JsonObject) strokes = make_strokes ();
  guint plain, signed_;

  accord_doc_title (b, "Minutes");
  accord_doc_paragraph (b, "The hearing was opened.");
  accord_doc_page_signatures (b, "Signed on this page");
  accord_doc_page_signer (b, "party_b", "Zhang San");
  accord_doc_page_signer (b, "witness", "Li Si");
  plain = preview_dark (b, NULL);
  signed_ = preview_dark (b, strokes);
  g_test_message ("dark pixels: %u unsigned, %u signed", plain, signed_);
  g_assert_cmpuint (signed_, >, plain + 100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  accord_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("accord-docs-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/docs/pdf/basic", test_pdf_basic);
  g_test_add_func ("/docs/pdf/fonts", test_pdf_fonts);
  g_test_add_func ("/docs/flow/long-paragraph", test_flow_long_paragraph);
  g_test_add_func ("/docs/flow/signature-keeps", test_flow_signature_keeps);
  g_test_add_func ("/docs/flow/signature-run", test_flow_signature_run);
  g_test_add_func ("/docs/flow/page-signatures", test_page_signatures);
  g_test_add_func ("/docs/signature/page-strokes", test_page_signature_strokes);
  g_test_add_func ("/docs/table/header-repeats", test_table_header_repeats);
  g_test_add_func ("/docs/render/png-qr", test_render_png_and_qr);
  g_test_add_func ("/docs/render/preview", test_render_preview);
  g_test_add_func ("/docs/draft", test_draft);
  g_test_add_func ("/docs/signature/strokes", test_signature_strokes);
  g_test_add_func ("/docs/language", test_language);
  g_test_add_func ("/docs/language/threads", test_language_threads);
  g_test_add_func ("/docs/flow/page-break", test_page_break);
  status = g_test_run ();

  /* ACCORD_TEST_KEEP keeps the rendered pages for a look. */
  if (g_getenv ("ACCORD_TEST_KEEP") == NULL)
    accord_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
