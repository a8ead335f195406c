/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <cairo-pdf.h>

#include "accord-doc-case-file.h"
#include "accord-doc-kinds-private.h"
#include "accord-doc-private.h"
#include "accord-doc-render.h"
#include "accord-documents.h"
#include "accord-enums.h"
#include "accord-validate.h"

/* A document of the case as the cover lists it; its pages are drawn from
 * its snapshot unless it is void. */
typedef struct
{
  AccordDocument *document;
  JsonObject     *content;      /* NULL: listed only (void) */
  char           *short_hash;
  JsonObject     *strokes;
  char           *issued_on;    /* local YYYY-MM-DD, or NULL */
} Entry;

/* A line of the case's history, in the bureau's time zone. */
typedef struct
{
  char *when;
  char *title;
  char *detail;
} Event;

struct _AccordDocCaseFile
{
  char      *language;
  char      *bureau;
  char      *number;
  char      *title;
  char      *petitioners;   /* names with their ID numbers masked */
  char      *category;
  char      *channel;       /* labels, in the document language */
  char      *received_on;
  char      *status;
  char      *unit;
  char      *leader;
  GPtrArray *entries;       /* of Entry */
  GPtrArray *events;        /* of Event */
};

/* The cover is laid out again until its own page count is stable: the
 * list of documents gives the page where each begins. */
#define MAX_COVER_PASSES 3

/* Helpers */

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_clear_pointer (&e->document, accord_document_free);
  g_clear_pointer (&e->content, json_object_unref);
  g_clear_pointer (&e->strokes, json_object_unref);
  g_free (e->short_hash);
  g_free (e->issued_on);
  g_free (e);
}

static void
event_free (gpointer data)
{
  Event *e = data;

  g_free (e->when);
  g_free (e->title);
  g_free (e->detail);
  g_free (e);
}

static char *
petitioner_names (AccordCase *c)
{
  GPtrArray *petitioners = accord_case_get_petitioners (c);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; petitioners != NULL && i < petitioners->len; i++)
    {
      const AccordPetitioner *p = g_ptr_array_index (petitioners, i);
      g_autofree char *id_number = accord_mask_id_number (p->id_number);

      if (names->len > 0)
        g_string_append (names, C_("document", ", "));
      if (id_number != NULL && *id_number != '\0')
        g_string_append_printf (names, C_("document", "%s (%s)"), p->name, id_number);
      else
        g_string_append (names, p->name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
vocab_label (AccordVocab  vocab,
             const char  *code)
{
  return code != NULL ? accord_doc_vocab_label (vocab, code) : NULL;
}

static void
read_particulars (AccordDocCaseFile *file,
                  AccordStore       *store,
                  AccordCase        *c)
{
  file->bureau = accord_store_get_setting (store, "bureau_name", C_("document", "Petition Bureau"));
  file->number = g_strdup (accord_case_get_number (c));
  file->title = g_strdup (accord_case_get_title (c));
  file->petitioners = petitioner_names (c);
  file->category = g_strdup (accord_case_get_text (c, ACCORD_CASE_CATEGORY));
  file->channel = g_strdup (vocab_label (ACCORD_VOCAB_CHANNEL, accord_case_get_text (c, ACCORD_CASE_CHANNEL)));
  file->received_on = g_strdup (accord_case_get_text (c, ACCORD_CASE_RECEIVED_ON));
  file->status = g_strdup (vocab_label (ACCORD_VOCAB_CASE_STATUS, accord_case_get_status (c)));
  file->unit = g_strdup (accord_case_get_text (c, ACCORD_CASE_RESPONSIBLE_UNIT));
  file->leader = g_strdup (accord_case_get_text (c, ACCORD_CASE_LEADER));
}

static gboolean
read_documents (AccordDocCaseFile  *file,
                AccordStore        *store,
                GError            **error)
{
  g_autoptr(GPtrArray) documents = accord_store_list_documents (store, file->number, error);

  if (documents == NULL)
    return FALSE;

  for (guint i = 0; i < documents->len; i++)
    {
      AccordDocument *d = g_ptr_array_index (documents, i);
      Entry *e;

      if (d->number == NULL || g_strcmp0 (d->status, "draft") == 0)
        continue;

      e = g_new0 (Entry, 1);
      g_ptr_array_add (file->entries, e);
      e->document = g_ptr_array_steal_index (documents, i--);
      if (e->document->issued_at > 0)
        e->issued_on = accord_store_format_local (store, e->document->issued_at, "%Y-%m-%d");
      if (g_strcmp0 (e->document->status, "void") != 0
          && !accord_store_document_drawing (store, e->document->id, &e->content, &e->short_hash, &e->strokes,
                                             error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_history (AccordDocCaseFile  *file,
              AccordStore        *store,
              GError            **error)
{
  g_autoptr(GPtrArray) events = accord_store_case_timeline (store, file->number, error);

  if (events == NULL)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      AccordCaseEvent *ce = g_ptr_array_index (events, i);
      Event *e = g_new0 (Event, 1);

      e->when = ce->at != 0 ? accord_store_format_local (store, ce->at, "%Y-%m-%d %H:%M") : g_strdup (ce->date);
      e->title = g_strdup (ce->title);
      e->detail = g_strdup (ce->detail);
      g_ptr_array_add (file->events, e);
    }
  return TRUE;
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "signed") == 0)
    return C_("document", "Signed");
  if (g_strcmp0 (status, "void") == 0)
    return C_("document", "Void");
  return C_("document", "Issued");
}

static const char *
or_blank (const char *text)
{
  return text != NULL ? text : "";
}

static char *
entry_title (const Entry *e)
{
  /* TRANSLATORS: a bookmark of the case file: a document's kind and number */
  return g_strdup_printf (C_("document", "%s %s"), accord_doc_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, e->document->kind),
                          e->document->number);
}

static void
add_document_table (AccordDocCaseFile *file,
                    AccordDocBuilder  *b,
                    const guint       *first_pages)
{
  const char * const headers[] = {
    C_("document", "No."), C_("document", "Document"), C_("document", "Document number"),
    C_("document", "Status"), C_("document", "Issued on"), C_("document", "Page"), NULL,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < file->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (file->entries, i);
      const char *status = status_label (e->document->status);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers));

      row[0] = g_strdup_printf ("%u", i + 1);
      row[1] = g_strdup (accord_doc_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, e->document->kind));
      row[2] = g_strdup (e->document->number);
      row[3] = e->content == NULL && e->document->void_reason != NULL
               /* TRANSLATORS: a voided document's status and why it was voided */
               ? g_strdup_printf (C_("document", "%s: %s"), status, e->document->void_reason)
               : g_strdup (status);
      row[4] = g_strdup (or_blank (e->issued_on));
      row[5] = e->content != NULL ? g_strdup_printf ("%u", first_pages[i] + 1) : g_strdup ("—");
      g_ptr_array_add (rows, row);
    }
  accord_doc_table (b, headers, rows);
}

static void
add_history_table (AccordDocCaseFile *file,
                   AccordDocBuilder  *b)
{
  const char * const headers[] = {
    C_("document", "Date"), C_("document", "Event"), C_("document", "Particulars"), NULL,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < file->events->len; i++)
    {
      Event *e = g_ptr_array_index (file->events, i);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers));

      row[0] = g_strdup (or_blank (e->when));
      row[1] = g_strdup (or_blank (e->title));
      row[2] = g_strdup (or_blank (e->detail));
      g_ptr_array_add (rows, row);
    }
  accord_doc_table (b, headers, rows);
}

static guint
n_included (AccordDocCaseFile *file)
{
  guint n = 0;

  for (guint i = 0; i < file->entries->len; i++)
    if (((Entry *) g_ptr_array_index (file->entries, i))->content != NULL)
      n++;
  return n;
}

static void
build_cover (AccordDocCaseFile *file,
             AccordDocBuilder  *b,
             guint              n_pages,
             const guint       *first_pages)
{
  g_autofree char *received = accord_doc_kinds_date (file->received_on);
  g_autofree char *extent = NULL;

  accord_doc_title (b, C_("document", "Petition Case File"));
  accord_doc_subtitle (b, file->number);
  accord_doc_field (b, C_("document", "Filed by"), file->bureau);
  accord_doc_field (b, C_("document", "Case number"), file->number);
  accord_doc_field (b, C_("document", "Subject of the petition"), file->title);
  accord_doc_field (b, C_("document", "Petitioners"), accord_doc_kinds_or_blank (file->petitioners));
  accord_doc_field (b, C_("document", "Category"), accord_doc_kinds_or_blank (file->category));
  accord_doc_field (b, C_("document", "Channel"), accord_doc_kinds_or_blank (file->channel));
  accord_doc_field (b, C_("document", "Received on"), received);
  accord_doc_field (b, C_("document", "Status"), accord_doc_kinds_or_blank (file->status));
  accord_doc_field (b, C_("document", "Responsible unit"), accord_doc_kinds_or_blank (file->unit));
  if (file->leader != NULL)
    accord_doc_field (b, C_("document", "Leader in charge"), file->leader);

  /* TRANSLATORS: the extent of a case file: its pages and the documents in it */
  extent = g_strdup_printf (C_("document", "This file has %u pages and holds %u documents."), n_pages,
                            n_included (file));
  accord_doc_paragraph (b, extent);

  accord_doc_heading (b, C_("document", "Documents in this file"));
  if (file->entries->len > 0)
    add_document_table (file, b, first_pages);
  else
    accord_doc_paragraph (b, C_("document", "No document of this case has been issued."));

  accord_doc_heading (b, C_("document", "History of the case"));
  add_history_table (file, b);
}

/* The cover carries no verification code of its own (only the documents
 * do): it is laid out as a document without one, less the draft mark. */
static AccordDocLayout *
lay_out_cover (AccordDocCaseFile *file,
               guint              n_pages,
               const guint       *first_pages)
{
  g_autoptr(AccordDocBuilder) b = accord_doc_builder_new ();
  AccordDocPage page = { 0 };
  AccordDocLayout *layout;

  build_cover (file, b, n_pages, first_pages);
  layout = accord_doc_layout_new (b, &page);
  g_clear_object (&layout->watermark);
  return layout;
}

/* Lays out every included document, then the cover with the page each
 * document begins on. */
static AccordDocLayout *
lay_out (AccordDocCaseFile  *file,
         GPtrArray          *layouts,
         GError            **error)
{
  g_autofree guint *first_pages = g_new0 (guint, file->entries->len + 1);
  AccordDocLayout *cover = NULL;
  guint n_cover = 1;
  guint n_body = 0;

  for (guint i = 0; i < file->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (file->entries, i);
      AccordDocLayout *layout = NULL;

      if (e->content != NULL
          && (layout = accord_doc_render_layout (e->content, e->document->public_id, e->short_hash, e->strokes,
                                                 file->language, error)) == NULL)
        return NULL;
      g_ptr_array_add (layouts, layout);
    }

  for (guint pass = 0; pass < MAX_COVER_PASSES; pass++)
    {
      guint page = n_cover;

      for (guint i = 0; i < layouts->len; i++)
        {
          AccordDocLayout *layout = g_ptr_array_index (layouts, i);

          first_pages[i] = page;
          page += layout != NULL ? accord_doc_layout_get_n_pages (layout) : 0;
        }
      n_body = page - n_cover;

      g_clear_pointer (&cover, accord_doc_layout_free);
      cover = lay_out_cover (file, n_cover + n_body, first_pages);
      if (accord_doc_layout_get_n_pages (cover) == n_cover)
        break;
      n_cover = accord_doc_layout_get_n_pages (cover);
    }
  return cover;
}

static void
set_metadata (AccordDocCaseFile *file,
              cairo_t           *cr)
{
  g_autofree char *title = g_strdup_printf ("%s %s", C_("document", "Petition Case File"), file->number);
  g_autoptr(GString) keywords = g_string_new (file->number);

  for (guint i = 0; i < file->entries->len; i++)
    g_string_append_printf (keywords, " %s", ((Entry *) g_ptr_array_index (file->entries, i))->document->number);

  accord_doc_pdf_set_metadata (cr, title, file->bureau, file->title, keywords->str,
                               g_get_real_time () / G_USEC_PER_SEC);
}

static void
add_bookmark (cairo_surface_t *surface,
              const char      *name,
              guint            page)
{
  g_autofree char *link = g_strdup_printf ("page=%u", page + 1);

  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
}

/* Draws @layout's pages on @cr from page @first of the file; the page
 * after them. */
static guint
draw_pages (AccordDocLayout *layout,
            cairo_t         *cr,
            guint            first)
{
  guint n = accord_doc_layout_get_n_pages (layout);

  for (guint i = 0; i < n; i++)
    {
      accord_doc_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  return first + n;
}

static GBytes *
draw_file (AccordDocCaseFile  *file,
           AccordDocLayout    *cover,
           GPtrArray          *layouts,
           GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *cover_name = g_strdup_printf (C_("document", "Cover: %s"), file->number);
  cairo_t *cr = accord_doc_pdf_begin (bytes);
  cairo_surface_t *surface = cairo_get_target (cr);
  guint page = 0;

  set_metadata (file, cr);

  add_bookmark (surface, cover_name, page);
  page = draw_pages (cover, cr, page);
  for (guint i = 0; i < layouts->len; i++)
    {
      AccordDocLayout *layout = g_ptr_array_index (layouts, i);
      g_autofree char *name = NULL;

      if (layout == NULL)
        continue;
      name = entry_title (g_ptr_array_index (file->entries, i));
      add_bookmark (surface, name, page);
      page = draw_pages (layout, cr, page);
    }

  return accord_doc_pdf_end (cr, g_steal_pointer (&bytes), error);
}

/* Public API */

/**
 * accord_doc_case_file_read:
 * @language: the document language, e.g. "zh_CN"; NULL for zh_CN
 *
 * Reads what the case file of @case_number shows.  The texts core gives
 * (the statuses, the history) are read in @language.
 *
 * Returns: (transfer full): the case file, to render
 */
AccordDocCaseFile *
accord_doc_case_file_read (AccordStore  *store,
                           const char   *case_number,
                           const char   *language,
                           GError      **error)
{
  g_autoptr(AccordDocCaseFile) file = NULL;
  g_autoptr(AccordCase) c = NULL;
  gboolean ok;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (case_number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((c = accord_store_get_case (store, case_number, error)) == NULL)
    return NULL;

  file = g_new0 (AccordDocCaseFile, 1);
  file->language = g_strdup (language != NULL ? language : "zh_CN");
  file->entries = g_ptr_array_new_with_free_func (entry_free);
  file->events = g_ptr_array_new_with_free_func (event_free);

  /* Core gives its texts (the history) in the language of gettext. */
  accord_doc_language_push_process (file->language);
  read_particulars (file, store, c);
  ok = read_documents (file, store, error) && read_history (file, store, error);
  accord_doc_language_pop ();

  return ok ? g_steal_pointer (&file) : NULL;
}

/**
 * accord_doc_case_file_render:
 *
 * Draws the case file as one PDF.  Uses no store: it may run in a worker
 * thread, while nothing else uses @file.
 *
 * Returns: (transfer full): the PDF
 */
GBytes *
accord_doc_case_file_render (AccordDocCaseFile  *file,
                             GError            **error)
{
  g_autoptr(GPtrArray) layouts = NULL;
  g_autoptr(AccordDocLayout) cover = NULL;
  GBytes *pdf = NULL;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_doc_layout_free);
  accord_doc_language_push (file->language);
  if ((cover = lay_out (file, layouts, error)) != NULL)
    pdf = draw_file (file, cover, layouts, error);
  accord_doc_language_pop ();
  return pdf;
}

/* Returns: how many documents the file holds, voided ones not counted */
guint
accord_doc_case_file_get_n_documents (AccordDocCaseFile *file)
{
  g_return_val_if_fail (file != NULL, 0);

  return n_included (file);
}

void
accord_doc_case_file_free (AccordDocCaseFile *file)
{
  if (file == NULL)
    return;

  g_free (file->language);
  g_free (file->bureau);
  g_free (file->number);
  g_free (file->title);
  g_free (file->petitioners);
  g_free (file->category);
  g_free (file->channel);
  g_free (file->received_on);
  g_free (file->status);
  g_free (file->unit);
  g_free (file->leader);
  g_clear_pointer (&file->entries, g_ptr_array_unref);
  g_clear_pointer (&file->events, g_ptr_array_unref);
  g_free (file);
}

/**
 * accord_doc_case_file:
 *
 * accord_doc_case_file_read() and accord_doc_case_file_render() at once.
 *
 * Returns: (transfer full): the PDF of the case file of @case_number
 */
GBytes *
accord_doc_case_file (AccordStore  *store,
                      const char   *case_number,
                      const char   *language,
                      GError      **error)
{
  g_autoptr(AccordDocCaseFile) file = accord_doc_case_file_read (store, case_number, language, error);

  return file != NULL ? accord_doc_case_file_render (file, error) : NULL;
}
