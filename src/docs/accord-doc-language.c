/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <locale.h>

#include "accord-doc-private.h"
#include "accord-enums.h"

/* Documents are written in the bureau's language, whatever the interface's.
 *
 * A document's own texts are looked up in the catalogue of its language,
 * read once from the message catalogue file and never changed afterwards,
 * through a stack that belongs to the calling thread: a document laid out
 * in a worker thread changes nothing another thread sees.  gettext itself
 * cannot be told a language for one thread only (LANGUAGE, which comes
 * first, is the whole process's), so the engine does not go through it.
 *
 * The thread's LC_MESSAGES is switched too (uselocale(), seen by no other
 * thread), for the texts core gives in the language of the calling thread.
 * accord_doc_language_push_process() also sets LANGUAGE, for a caller on
 * the main thread that reads core's texts for a document (the case file's
 * history); rendering never does.  Pushes nest. */

typedef struct
{
  char       *language;
  GHashTable *texts;   /* "context\004msgid" or "msgid" -> translation; NULL: untranslated */
} Catalogue;

typedef struct
{
  const Catalogue *catalogue;
  locale_t         previous;  /* the thread's locale before the push */
  locale_t         ours;      /* (locale_t) 0 when newlocale() failed */
  gboolean         process;   /* LANGUAGE was set by the push */
  char            *language;  /* LANGUAGE before a process push; NULL: unset */
} Pushed;

static GMutex lock;
static GHashTable *catalogues;   /* language -> Catalogue, kept for the process */

#ifdef __GLIBC__
/* GNU gettext caches translations; bumping this counter drops the cache
 * after LANGUAGE changes (as the gettext manual advises). */
extern int _nl_msg_cat_cntr;
#endif

/* Helpers */

static void
forget_translations (void)
{
#ifdef __GLIBC__
  ++_nl_msg_cat_cntr;
#endif
}

static void
pushed_stack_free (gpointer data)
{
  g_ptr_array_unref (data);
}

static GPtrArray *
thread_stack (void)
{
  static GPrivate key = G_PRIVATE_INIT (pushed_stack_free);
  GPtrArray *stack = g_private_get (&key);

  if (stack == NULL)
    {
      stack = g_ptr_array_new ();
      g_private_set (&key, stack);
    }
  return stack;
}

static locale_t
messages_locale (const char *language)
{
  g_autofree char *name = g_strdup_printf ("%s.UTF-8", language);
  locale_t base = duplocale (uselocale ((locale_t) 0));
  locale_t locale;

  if (base == (locale_t) 0)
    return (locale_t) 0;
  locale = newlocale (LC_MESSAGES_MASK, name, base);
  /* Without the locale, any LC_MESSAGES other than "C" lets LANGUAGE speak. */
  if (locale == (locale_t) 0)
    locale = newlocale (LC_MESSAGES_MASK, "C.UTF-8", base);
  if (locale == (locale_t) 0)
    freelocale (base);
  return locale;
}

static guint32
mo_word (const guchar *data,
         gsize         offset,
         gboolean      swapped)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The strings of a GNU message catalogue (.mo): each original (its
 * singular) to its translation (the singular too).  NULL if the file
 * cannot be read or is malformed. */
static GHashTable *
mo_read (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GHashTable) texts = NULL;
  const guchar *data;
  gsize size;
  gboolean swapped;
  guint32 n, originals, translations;

  if (file == NULL || (size = g_mapped_file_get_length (file)) < 28)
    return NULL;
  data = (const guchar *) g_mapped_file_get_contents (file);
  if (mo_word (data, 0, FALSE) == 0x950412de)
    swapped = FALSE;
  else if (mo_word (data, 0, TRUE) == 0x950412de)
    swapped = TRUE;
  else
    return NULL;
  n = mo_word (data, 8, swapped);
  originals = mo_word (data, 12, swapped);
  translations = mo_word (data, 16, swapped);
  if (originals > size || translations > size || n > (size - MAX (originals, translations)) / 8)
    return NULL;

  texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 o_len = mo_word (data, originals + 8 * i, swapped);
      guint32 o_at = mo_word (data, originals + 8 * i + 4, swapped);
      guint32 t_len = mo_word (data, translations + 8 * i, swapped);
      guint32 t_at = mo_word (data, translations + 8 * i + 4, swapped);

      if (o_at > size || o_len >= size - o_at || t_at > size || t_len >= size - t_at)
        return NULL;
      /* The empty original is the catalogue's header. */
      if (o_len > 0)
        g_hash_table_insert (texts, g_strndup ((const char *) data + o_at, o_len),
                             g_strndup ((const char *) data + t_at, t_len));
    }
  return g_steal_pointer (&texts);
}

/* The catalogue file of @language where the message domain is bound:
 * "zh_CN" is looked for as zh_CN, then zh. */
static GHashTable *
catalogue_read (const char *language)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_auto(GStrv) names = g_get_locale_variants (language);

  for (guint i = 0; dir != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      GHashTable *texts;

      if (strchr (names[i], '.') != NULL || strchr (names[i], '@') != NULL)
        continue;
      if ((texts = mo_read (path)) != NULL)
        return texts;
    }
  return NULL;
}

static const Catalogue *
catalogue_get (const char *language)
{
  Catalogue *catalogue;

  g_mutex_lock (&lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new (g_str_hash, g_str_equal);
  catalogue = g_hash_table_lookup (catalogues, language);
  if (catalogue == NULL)
    {
      catalogue = g_new0 (Catalogue, 1);
      catalogue->language = g_strdup (language);
      catalogue->texts = catalogue_read (language);
      g_hash_table_insert (catalogues, catalogue->language, catalogue);
    }
  g_mutex_unlock (&lock);
  return catalogue;
}

static const Catalogue *
current_catalogue (void)
{
  GPtrArray *stack = thread_stack ();

  return stack->len > 0 ? ((Pushed *) g_ptr_array_index (stack, stack->len - 1))->catalogue : NULL;
}

static void
push (const char *language,
      gboolean    process)
{
  Pushed *pushed;

  g_return_if_fail (language != NULL && *language != '\0');

  pushed = g_new0 (Pushed, 1);
  pushed->catalogue = catalogue_get (language);
  pushed->ours = messages_locale (language);
  pushed->previous = pushed->ours != (locale_t) 0 ? uselocale (pushed->ours) : (locale_t) 0;
  if (pushed->ours == (locale_t) 0)
    g_warning ("No locale for the document language %s", language);
  pushed->process = process;
  if (process)
    {
      g_mutex_lock (&lock);
      pushed->language = g_strdup (g_getenv ("LANGUAGE"));
      g_setenv ("LANGUAGE", language, TRUE);
      forget_translations ();
      g_mutex_unlock (&lock);
    }
  g_ptr_array_add (thread_stack (), pushed);
}

/* Internal API */

/* A document's text (context, \004, then the text) in the language pushed
 * on this thread; without a push, in the thread's own language. */
const char *
accord_doc_gettext (const char *context_id,
                    size_t      offset)
{
  const Catalogue *catalogue = current_catalogue ();
  const char *translation;

  if (catalogue != NULL)
    {
      translation = catalogue->texts != NULL ? g_hash_table_lookup (catalogue->texts, context_id) : NULL;
      return translation != NULL ? translation : context_id + offset;
    }
  translation = dcgettext (GETTEXT_PACKAGE, context_id, LC_MESSAGES);
  return translation == context_id ? context_id + offset : translation;
}

/* What C_ () does, for a text that is not a literal (one marked with NC_ ()). */
const char *
accord_doc_pgettext (const char *context,
                     const char *msgid)
{
  g_autofree char *context_id = g_strconcat (context, "\004", msgid, NULL);
  const char *translation = accord_doc_gettext (context_id, strlen (context) + 1);

  return translation == context_id + strlen (context) + 1 ? msgid : translation;
}

/* A vocabulary's label in the document language (core's own label is in
 * the interface language). */
const char *
accord_doc_vocab_label (AccordVocab  vocab,
                        const char  *code)
{
  const Catalogue *catalogue = current_catalogue ();
  const char *msgid = accord_vocab_msgid (vocab, code);
  const char *translation;

  if (catalogue == NULL || msgid == NULL)
    return accord_vocab_label (vocab, code);
  translation = catalogue->texts != NULL ? g_hash_table_lookup (catalogue->texts, msgid) : NULL;
  return translation != NULL ? translation : msgid;
}

/* As accord_doc_language_push(), and core's texts follow too, whatever
 * LANGUAGE says: for reading them on the main thread, never while a
 * document is rendered in another thread that reads the environment. */
void
accord_doc_language_push_process (const char *language)
{
  push (language, TRUE);
}

/* Public API */

void
accord_doc_language_push (const char *language)
{
  push (language, FALSE);
}

void
accord_doc_language_pop (void)
{
  GPtrArray *stack = thread_stack ();
  Pushed *pushed;

  g_return_if_fail (stack->len > 0);

  pushed = g_ptr_array_steal_index (stack, stack->len - 1);
  if (pushed->process)
    {
      g_mutex_lock (&lock);
      if (pushed->language != NULL)
        g_setenv ("LANGUAGE", pushed->language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      forget_translations ();
      g_mutex_unlock (&lock);
    }
  if (pushed->ours != (locale_t) 0)
    {
      uselocale (pushed->previous);
      freelocale (pushed->ours);
    }
  g_free (pushed->language);
  g_free (pushed);
}
