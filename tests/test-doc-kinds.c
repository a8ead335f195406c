/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-test-doc-kinds"

#include <string.h>

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <poppler.h>

#include "accord-doc-kinds.h"
#include "accord-i18n.h"
#include "accord-test-util.h"

/* The six documents built from realistic snapshots, written as PDFs, read
 * back with poppler: the official Chinese wording, the names and the
 * amounts must be there.  Needs the zh_CN catalogue (ACCORD_LOCALEDIR). */

#define RENDER_DPI 110.0

typedef PopplerDocument TestKindsPdf;
typedef PopplerPage     TestKindsPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestKindsPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestKindsPage, g_object_unref)

static char *tmp_dir;

/* Snapshots ------------------------------------------------------------- */

#define CASE_JSON \
  "\"case\": { \"number\": \"朝信访〔2026〕0381号\", \"title\": \"房屋征收补偿\"," \
  "  \"summary\": \"信访人反映其位于朝阳区某村的房屋在征收中补偿标准偏低，要求按照同区位市场价格重新核定补偿。\"," \
  "  \"category\": \"城乡建设\", \"channel\": \"visit\", \"received_on\": \"2026-09-01\"," \
  "  \"accepted_on\": \"2026-09-08\", \"replied_on\": \"2026-10-20\", \"opinion\": \"explain\"," \
  "  \"responsible_unit\": \"北京市朝阳区住房和城乡建设委员会\", \"leader\": \"赵立新\", \"collective\": %s },"

#define PETITIONERS_JSON \
  "\"petitioners\": [" \
  "  { \"name\": \"王建国\", \"id_number\": \"110105196203154417\", \"phone\": \"13801234567\"," \
  "    \"address\": \"北京市朝阳区将台乡某村12号\" }," \
  "  { \"name\": \"李秀英\", \"id_number\": \"110105196508207724\", \"phone\": \"13907654321\"," \
  "    \"address\": \"北京市朝阳区将台乡某村12号\" } ],"

#define PARTICIPANT(key, name, role, attendance, vote, comment) \
  "{ \"key\": \"" key "\", \"name\": \"" name "\", \"role\": \"" role "\", \"attendance\": \"" attendance "\"," \
  "  \"vote\": " vote ", \"vote_comment\": " comment " }"

#define HEARING_JSON \
  "\"session\": { \"id\": 7, \"kind\": \"hearing\", \"date\": \"2026-12-03\", \"start\": \"14:00\"," \
  "  \"end\": \"16:30\", \"venue\": \"朝阳区信访局第一听证室\", \"public\": true, \"notice_date\": \"2026-11-21\"," \
  "  \"participants\": [" \
  PARTICIPANT ("person:1", "陈志远", "presider", "present", "null", "null") "," \
  PARTICIPANT ("person:2", "孙丽华", "panelist", "present", "\"support\"", "\"补偿标准适用正确，应做好解释工作\"") "," \
  PARTICIPANT ("person:3", "周建明", "panelist", "present", "\"support\"", "null") "," \
  PARTICIPANT ("person:4", "吴晓东", "panelist", "present", "\"oppose\"", "\"建议重新评估\"") "," \
  PARTICIPANT ("person:5", "郑慧敏", "panelist", "excused", "null", "null") "," \
  PARTICIPANT ("person:6", "冯晓", "panelist", "present", "\"abstain\"", "null") "," \
  PARTICIPANT ("person:7", "何静", "recorder", "present", "null", "null") "," \
  PARTICIPANT ("petitioner:0", "王建国", "petitioner", "present", "null", "null") "," \
  PARTICIPANT ("petitioner:1", "李秀英", "petitioner", "present", "null", "null") "," \
  PARTICIPANT ("person:8", "马俊峰", "lawyer", "present", "null", "null") "," \
  PARTICIPANT ("person:9", "高玉兰", "deputy", "present", "null", "null") "," \
  PARTICIPANT ("person:10", "林涛", "department_rep", "present", "null", "null") " ] },"

#define HEARING_OUTCOME_JSON \
  "\"outcome\": { \"result\": \"agreement\"," \
  "  \"opinion\": \"责任单位适用的补偿标准符合《国有土地上房屋征收与补偿条例》和本市有关规定，建议维持原处理意见，并由责任单位协助信访人申请困难救助。\"," \
  "  \"votes_support\": 2, \"votes_oppose\": 1, \"votes_abstain\": 1," \
  "  \"minutes\": [ \"14时00分，主持人陈志远宣布听证开始，宣读听证纪律，核实参加人员身份，告知信访人的权利和义务。信访人表示不申请回避。\"," \
  "                 \"信访人王建国陈述：房屋评估时未考虑装修和附属设施，补偿明显偏低。\"," \
  "                 \"责任单位代表林涛答复：评估由依法选定的评估机构作出，补偿标准符合规定。\" ]," \
  "  \"refusals\": [ \"信访人李秀英拒绝在笔录上签名，理由是对责任单位的答复有异议。\" ]," \
  "  \"facts\": [ \"信访人房屋位于朝阳区将台乡某村12号，建筑面积86平方米，于2026年5月纳入征收范围。\"," \
  "               \"评估机构系依法选定，评估报告已送达信访人，装修和附属设施已单独评估。\" ]," \
  "  \"follow_up_on\": \"2026-12-20\", \"terms\": [] } }"

#define TERMS_OUTCOME_JSON \
  "\"outcome\": { \"result\": \"agreement\"," \
  "  \"opinion\": \"经调解，双方同意在原补偿基础上由责任单位给予一次性困难补助。\"," \
  "  \"minutes\": [], \"refusals\": [], \"follow_up_on\": null," \
  "  \"terms\": [" \
  "    { \"party\": \"unit\", \"obligation\": \"向乙方一次性支付困难补助\", \"amount_fen\": 22000000, \"due_on\": \"2026-12-31\" }," \
  "    { \"party\": \"unit\", \"obligation\": \"协助乙方办理安置房入住手续\", \"amount_fen\": null, \"due_on\": \"2027-01-15\" }," \
  "    { \"party\": \"unit\", \"obligation\": \"报销乙方搬迁费用\", \"amount_fen\": 140950, \"due_on\": \"2026-12-31\" }," \
  "    { \"party\": \"petitioner\", \"obligation\": \"配合办理房屋腾退手续\", \"amount_fen\": null, \"due_on\": \"2027-01-31\" } ] } }"

#define MEDIATION_JSON \
  "\"unit\": \"北京市朝阳区住房和城乡建设委员会\"," \
  "\"session\": { \"id\": 9, \"kind\": \"mediation\", \"date\": \"2026-11-18\", \"start\": \"09:30\"," \
  "  \"end\": \"11:30\", \"venue\": \"将台乡人民调解室\", \"public\": false, \"notice_date\": null," \
  "  \"participants\": [" \
  PARTICIPANT ("person:11", "黄淑芬", "mediator", "present", "null", "null") "," \
  PARTICIPANT ("petitioner:0", "王建国", "petitioner", "present", "null", "null") "," \
  PARTICIPANT ("person:8", "马俊峰", "lawyer", "present", "null", "null") "," \
  PARTICIPANT ("person:9", "高玉兰", "deputy", "present", "null", "null") " ] },"

static JsonObject *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
hearing_snapshot (const char *kind,
                  gboolean    collective)
{
  g_autofree char *head = g_strdup_printf ("{ \"kind\": \"%s\", \"bureau\": \"北京市朝阳区信访局\","
                                           "  \"committee\": null,"
                                           "  \"contact\": \"刘敏，010-85991234，朝阳区信访局一楼接待大厅\","
                                           "  \"number\": \"朝信听〔2026〕12号\", \"date\": \"2026-11-21\","
                                           "  \"for_signature\": false,", kind);
  g_autofree char *case_json = g_strdup_printf (CASE_JSON, collective ? "true" : "false");
  g_autofree char *json = g_strconcat (head, case_json, PETITIONERS_JSON, "\"unit\": null,",
                                       HEARING_JSON, HEARING_OUTCOME_JSON, NULL);

  return parse (json);
}

static JsonObject *
agreement_snapshot (const char *kind)
{
  g_autofree char *head = g_strdup_printf ("{ \"kind\": \"%s\", \"bureau\": \"北京市朝阳区信访局\","
                                           "  \"committee\": \"北京市朝阳区将台乡人民调解委员会\","
                                           "  \"contact\": null, \"number\": null, \"date\": \"2026-11-21\","
                                           "  \"for_signature\": true, \"officer\": { \"name\": \"刘敏\" },", kind);
  g_autofree char *case_json = g_strdup_printf (CASE_JSON, "false");
  g_autofree char *json = g_strconcat (head, case_json, PETITIONERS_JSON, MEDIATION_JSON,
                                       TERMS_OUTCOME_JSON, NULL);

  return parse (json);
}

/* Building, writing and reading back ------------------------------------ */

static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static GBytes *
write_pdf (const char *kind,
           JsonObject *content)
{
  g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
  g_autoptr(AccordDocLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  AccordDocPage page = {
    .title = kind, .author = "北京市朝阳区信访局", .subject = kind, .keywords = "朝信访〔2026〕0381号",
    .created = G_GINT64_CONSTANT (1795000000),
    /* Issued: a draft's watermark would cut into the extracted text. */
    .document_id = "accord-20261121-12", .short_hash = "3f9a1c2e",
  };
  GBytes *pdf;

  accord_doc_language_push ("zh_CN");
  accord_doc_build (kind, content, b, &error);
  g_assert_no_error (error);
  layout = accord_doc_layout_new (b, &page);
  pdf = accord_doc_layout_to_pdf (layout, &error);
  accord_doc_language_pop ();
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static void
render_first_page (PopplerDocument *doc,
                   const char      *png_name)
{
  g_autoptr(TestKindsPage) page = poppler_document_get_page (doc, 0);
  g_autofree char *name = g_strconcat (png_name, ".png", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  double scale = RENDER_DPI / 72.0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) (ACCORD_DOC_PAGE_WIDTH * scale),
                                                         (int) (ACCORD_DOC_PAGE_HEIGHT * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("page 1 rendered to %s", path);
}

/* The text of every page, without white space; page 1 as a PNG. */
static char *
build_and_read (const char *kind,
                JsonObject *content,
                const char *png_name)
{
  g_autoptr(GBytes) pdf = write_pdf (kind, content);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestKindsPdf) doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_autofree char *pdf_name = g_strconcat (png_name, ".pdf", NULL);
  g_autofree char *pdf_path = g_build_filename (tmp_dir, pdf_name, NULL);

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 1);
  g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf),
                                      NULL));
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(TestKindsPage) page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *squashed = squash (page_text);

      g_string_append (text, squashed);
    }
  render_first_page (doc, png_name);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_has (const char *text,
            const char *needle)
{
  g_autofree char *wanted = squash (needle);

  if (strstr (text, wanted) == NULL)
    g_error ("“%s” not found in the document:\n%s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” must not be in the document:\n%s", needle, text);
}

static void
assert_title (const char *text,
              const char *title)
{
  g_assert_true (g_str_has_prefix (text, title));
}

/* The kinds ------------------------------------------------------------- */

static void
test_hearing_notice (void)
{
  g_autoptr(JsonObject) content = hearing_snapshot ("hearing_notice", TRUE);
  g_autofree char *text = build_and_read ("hearing_notice", content, "hearing_notice");

  assert_title (text, "听证通知书");
  assert_has (text, "朝信听〔2026〕12号");
  assert_has (text, "王建国、李秀英：");
  assert_has (text, "“房屋征收补偿”信访事项（信访事项编号：朝信访〔2026〕0381号）");
  assert_has (text, "本机关决定举行信访听证");
  assert_has (text, "听证时间：2026年12月3日14:00至16:30");
  assert_has (text, "听证地点：朝阳区信访局第一听证室");
  assert_has (text, "听证主持人：陈志远");
  assert_has (text, "听证员：孙丽华、周建明、吴晓东、郑慧敏、冯晓");
  assert_has (text, "有权申请回避");
  assert_has (text, "委托一至二名代理人参加听证");
  assert_has (text, "代表人数不超过五人");
  assert_has (text, "居民身份证");
  assert_has (text, "视为放弃听证");
  assert_has (text, "刘敏，010-85991234");
  assert_has (text, "北京市朝阳区信访局");
  assert_has (text, "2026年11月21日");
}

static void
test_hearing_notice_single (void)
{
  g_autoptr(JsonObject) content = hearing_snapshot ("hearing_notice", FALSE);
  g_autofree char *text = build_and_read ("hearing_notice", content, "hearing_notice-single");

  assert_title (text, "听证通知书");
  assert_lacks (text, "不超过五人");
}

/* A document text in zh_CN, squashed; the English text while the
 * catalogue does not yet translate it. */
static char *
document_text (const char *msgid)
{
  g_autofree char *key = g_strconcat ("document", "\004", msgid, NULL);
  const char *translation;
  char *text;

  accord_doc_language_push ("zh_CN");
  translation = dcgettext (GETTEXT_PACKAGE, key, LC_MESSAGES);
  text = squash (translation == key ? msgid : translation);
  accord_doc_language_pop ();
  return text;
}

/* Long minutes flow onto more pages; the signature lines stay together at
 * the end, each with its name, after the last paragraph. */
static void
test_hearing_minutes_long (void)
{
  g_autoptr(JsonObject) content = hearing_snapshot ("hearing_minutes", FALSE);
  JsonObject *outcome = json_object_get_object_member (content, "outcome");
  JsonArray *minutes = json_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestKindsPdf) doc = NULL;
  int n, last_paragraph = -1, signatures = -1;
  g_autofree char *foot = document_text ("Signatures of the participants on this page");
  static const char * const present[] = {
    "陈志远", "孙丽华", "周建明", "吴晓东", "冯晓", "何静", "王建国", "李秀英", "马俊峰", "高玉兰", "林涛",
  };

  for (int i = 1; i <= 40; i++)
    json_array_add_string_element (minutes, i < 40 ? "听证员孙丽华询问责任单位补偿标准的依据，责任单位代表作了说明，并出示了征收补偿方案及评估报告。"
                                                    : "第四十段：主持人宣布听证结束。");
  json_object_set_array_member (outcome, "minutes", minutes);
  pdf = write_pdf ("hearing_minutes", content);
  doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  n = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n, >=, 3);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(TestKindsPage) page = poppler_document_get_page (doc, i);
      g_autofree char *raw = poppler_page_get_text (page);
      g_autofree char *text = squash (raw);

      if (strstr (text, "第四十段") != NULL)
        last_paragraph = i;
      /* Every participant present signs every page. */
      g_assert_nonnull (strstr (text, foot));
      for (guint j = 0; j < G_N_ELEMENTS (present); j++)
        g_assert_nonnull (strstr (text, present[j]));
      if (strstr (text, "记录员：何静") != NULL && last_paragraph >= 0 && signatures < 0)
        signatures = i;
    }
  g_assert_cmpint (last_paragraph, >=, 2);
  /* The signature lines come after the last paragraph, the last one on
   * the last page. */
  g_assert_cmpint (signatures, >=, last_paragraph);
  {
    g_autoptr(TestKindsPage) page = poppler_document_get_page (doc, n - 1);
    g_autofree char *raw = poppler_page_get_text (page);
    g_autofree char *text = squash (raw);

    g_assert_nonnull (strstr (text, "林涛"));
  }
}

static void
test_hearing_minutes (void)
{
  g_autoptr(JsonObject) content = hearing_snapshot ("hearing_minutes", FALSE);
  g_autofree char *text = build_and_read ("hearing_minutes", content, "hearing_minutes");
  static const char * const names[] = {
    "陈志远", "孙丽华", "周建明", "吴晓东", "冯晓", "何静", "王建国", "李秀英", "马俊峰", "高玉兰", "林涛",
  };

  assert_title (text, "听证笔录");
  assert_has (text, "听证事项：房屋征收补偿");
  assert_has (text, "时间：2026年12月3日14:00至16:30");
  assert_has (text, "地点：朝阳区信访局第一听证室");
  assert_has (text, "主持人：陈志远");
  assert_has (text, "记录员：何静");
  assert_has (text, "郑慧敏（听证员，请假）");
  assert_has (text, "马俊峰（律师）");
  assert_has (text, "信访人王建国陈述");
  assert_has (text, "信访人李秀英拒绝在笔录上签名");
  assert_has (text, "拒绝签名的，由主持人在笔录中注明");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *line = g_strdup_printf ("：%s", names[i]);

      assert_has (text, line);
    }
}

static void
test_hearing_opinion (void)
{
  g_autoptr(JsonObject) content = hearing_snapshot ("hearing_opinion", FALSE);
  g_autofree char *text = build_and_read ("hearing_opinion", content, "hearing_opinion");

  assert_title (text, "听证意见书");
  assert_has (text, "2026年12月3日，本机关在朝阳区信访局第一听证室就信访人王建国、李秀英反映的");
  assert_has (text, "听证由陈志远主持");
  assert_has (text, "查明的事实");
  assert_has (text, "建筑面积86平方米");
  assert_has (text, "装修和附属设施已单独评估");
  assert_has (text, "听证员意见");
  assert_has (text, "补偿标准适用正确，应做好解释工作");
  assert_has (text, "建议维持原处理意见");
  assert_has (text, "听证员共4名，经合议，2名同意上述意见，1名不同意，1名弃权");
  assert_has (text, "主要依据");
  assert_has (text, "听证员：孙丽华");
  assert_has (text, "听证员：冯晓");
  assert_lacks (text, "听证员：郑慧敏");
}

static void
test_mediation_agreement (void)
{
  g_autoptr(JsonObject) content = agreement_snapshot ("mediation_agreement");
  g_autofree char *text = build_and_read ("mediation_agreement", content, "mediation_agreement");

  assert_title (text, "人民调解协议书");
  assert_has (text, "当事人：王建国");
  assert_has (text, "身份证号码：110105196203154417");
  assert_has (text, "当事人：北京市朝阳区住房和城乡建设委员会");
  assert_has (text, "纠纷主要事实、争议事项");
  assert_has (text, "经调解，当事人自愿达成如下协议");
  assert_has (text, "¥220,000.00（大写：人民币贰拾贰万元整）");
  assert_has (text, "¥1,409.50（大写：人民币壹仟肆佰零玖元伍角整）");
  assert_has (text, "2026年12月31日");
  assert_has (text, "具有法律约束力");
  assert_has (text, "本协议一式四份，当事人各执一份，人民调解委员会留存一份");
  assert_has (text, "当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认");
  assert_has (text, "人民调解员：黄淑芬");
  assert_has (text, "北京市朝阳区将台乡人民调解委员会");
}

static void
test_closure_commitment (void)
{
  g_autoptr(JsonObject) content = agreement_snapshot ("closure_commitment");
  g_autofree char *text = build_and_read ("closure_commitment", content, "closure_commitment");

  assert_title (text, "息诉罢访承诺书");
  assert_has (text, "承诺人：王建国");
  assert_has (text, "承诺人：李秀英");
  assert_has (text, "身份证号码：110105196508207724");
  assert_has (text, "朝信访〔2026〕0381号");
  assert_has (text, "北京市朝阳区住房和城乡建设委员会已于2026年10月20日对该信访事项出具书面处理意见");
  assert_has (text, "2026年11月18日，北京市朝阳区将台乡人民调解委员会就该信访事项组织调解");
  assert_has (text, "双方同意在原补偿基础上由责任单位给予一次性困难补助");
  assert_has (text, "不再就同一事实和理由重复信访");
  assert_has (text, "撤回");
  assert_has (text, "本承诺不影响本人依法享有的申请行政复议、提起诉讼等法定权利");
  assert_has (text, "本人自愿");
  assert_has (text, "见证人（律师）：马俊峰");
  assert_has (text, "见证人（人民调解员）：黄淑芬");
  assert_has (text, "信访工作人员：刘敏");
  assert_lacks (text, "放弃诉讼");
  assert_lacks (text, "放弃起诉");
  assert_lacks (text, "不得起诉");
  assert_lacks (text, "放弃复议");
}

static void
test_non_repetition_agreement (void)
{
  g_autoptr(JsonObject) content = agreement_snapshot ("non_repetition_agreement");
  g_autofree char *text = build_and_read ("non_repetition_agreement", content, "non_repetition_agreement");

  assert_title (text, "息诉息访协议书");
  assert_has (text, "甲方：北京市朝阳区住房和城乡建设委员会");
  assert_has (text, "乙方：王建国");
  assert_has (text, "乙方：李秀英");
  assert_has (text, "乙方于2026年9月1日就“房屋征收补偿”一事提出信访");
  assert_has (text, "甲方的义务");
  assert_has (text, "甲方应当于2026年12月31日前向乙方一次性支付困难补助");
  assert_has (text, "¥220,000.00（大写：人民币贰拾贰万元整）");
  assert_has (text, "¥1,409.50（大写：人民币壹仟肆佰零玖元伍角整）");
  assert_has (text, "履行期限");
  assert_has (text, "不再就同一事实和理由重复信访");
  assert_has (text, "违约责任");
  assert_has (text, "平等、自愿");
  assert_has (text, "本协议一式四份");
  assert_has (text, "本协议自双方签字（盖章、按指印）之日起生效");
  assert_has (text, "见证人（律师）：马俊峰");
  assert_has (text, "见证人（人大代表）：高玉兰");
  assert_has (text, "信访工作人员：刘敏");
  assert_lacks (text, "放弃诉讼");
}

/* What a kind needs ------------------------------------------------------ */

static void
assert_refused (const char *kind,
                JsonObject *content,
                gint        code)
{
  g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (accord_doc_build (kind, content, b, &error));
  g_assert_error (error, ACCORD_DOC_ERROR, code);
}

static void
test_missing_content (void)
{
  g_autoptr(JsonObject) hearing = hearing_snapshot ("hearing_minutes", FALSE);
  g_autoptr(JsonObject) agreement = agreement_snapshot ("non_repetition_agreement");

  assert_refused ("no_such_kind", hearing, ACCORD_DOC_ERROR_UNKNOWN_KIND);

  json_object_remove_member (json_object_get_object_member (agreement, "outcome"), "opinion");
  json_object_set_array_member (json_object_get_object_member (agreement, "outcome"), "terms",
                                json_array_new ());
  assert_refused ("non_repetition_agreement", agreement, ACCORD_DOC_ERROR_CONTENT);
  assert_refused ("mediation_agreement", agreement, ACCORD_DOC_ERROR_CONTENT);

  /* DOMAIN.md §5: a hearing opinion states the facts found. */
  json_object_set_array_member (json_object_get_object_member (hearing, "outcome"), "facts", json_array_new ());
  assert_refused ("hearing_opinion", hearing, ACCORD_DOC_ERROR_CONTENT);
  json_object_remove_member (json_object_get_object_member (hearing, "outcome"), "opinion");
  assert_refused ("hearing_opinion", hearing, ACCORD_DOC_ERROR_CONTENT);
  json_object_set_null_member (hearing, "session");
  assert_refused ("hearing_minutes", hearing, ACCORD_DOC_ERROR_CONTENT);
  assert_refused ("hearing_notice", hearing, ACCORD_DOC_ERROR_CONTENT);

  json_object_set_array_member (hearing, "petitioners", json_array_new ());
  assert_refused ("closure_commitment", hearing, ACCORD_DOC_ERROR_CONTENT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  accord_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("accord-doc-kinds-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/doc-kinds/hearing-notice", test_hearing_notice);
  g_test_add_func ("/doc-kinds/hearing-notice/single", test_hearing_notice_single);
  g_test_add_func ("/doc-kinds/hearing-minutes", test_hearing_minutes);
  g_test_add_func ("/doc-kinds/hearing-minutes/long", test_hearing_minutes_long);
  g_test_add_func ("/doc-kinds/hearing-opinion", test_hearing_opinion);
  g_test_add_func ("/doc-kinds/mediation-agreement", test_mediation_agreement);
  g_test_add_func ("/doc-kinds/closure-commitment", test_closure_commitment);
  g_test_add_func ("/doc-kinds/non-repetition-agreement", test_non_repetition_agreement);
  g_test_add_func ("/doc-kinds/missing-content", test_missing_content);
  status = g_test_run ();

  /* ACCORD_TEST_KEEP keeps the rendered pages for a look. */
  if (g_getenv ("ACCORD_TEST_KEEP") == NULL)
    accord_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
