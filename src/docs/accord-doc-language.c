/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-docs"

#include <locale.h>

#include "accord-doc-private.h"

/* Documents are written in the bureau's language, whatever the interface's.
 * gettext takes the language from LANGUAGE first, then from LC_MESSAGES of
 * the calling thread; the thread's LC_MESSAGES is switched with uselocale()
 * (no other thread sees it), LANGUAGE for the process.  Pushes nest. */

typedef struct
{
  locale_t  previous;   /* the thread's locale before the push */
  locale_t  ours;       /* (locale_t) 0 when newlocale() failed */
  char     *language;   /* LANGUAGE before the push; NULL: unset */
} Pushed;

static GMutex lock;
static GPtrArray *stack;

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

/* Internal API */

const char *
accord_doc_gettext (const char *context_id,
                    size_t      offset)
{
  const char *translation = dcgettext (GETTEXT_PACKAGE, context_id, LC_MESSAGES);

  return translation == context_id ? context_id + offset : translation;
}

/* Public API */

void
accord_doc_language_push (const char *language)
{
  Pushed *pushed;

  g_return_if_fail (language != NULL && *language != '\0');

  pushed = g_new0 (Pushed, 1);
  pushed->ours = messages_locale (language);
  pushed->previous = pushed->ours != (locale_t) 0 ? uselocale (pushed->ours) : (locale_t) 0;
  if (pushed->ours == (locale_t) 0)
    g_warning ("No locale for the document language %s", language);

  g_mutex_lock (&lock);
  if (stack == NULL)
    stack = g_ptr_array_new ();
  pushed->language = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", language, TRUE);
  g_ptr_array_add (stack, pushed);
  forget_translations ();
  g_mutex_unlock (&lock);
}

void
accord_doc_language_pop (void)
{
  Pushed *pushed;

  g_mutex_lock (&lock);
  if (stack == NULL || stack->len == 0)
    {
      g_mutex_unlock (&lock);
      g_return_if_reached ();
    }
  pushed = g_ptr_array_steal_index (stack, stack->len - 1);
  if (pushed->language != NULL)
    g_setenv ("LANGUAGE", pushed->language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  forget_translations ();
  g_mutex_unlock (&lock);

  if (pushed->ours != (locale_t) 0)
    {
      uselocale (pushed->previous);
      freelocale (pushed->ours);
    }
  g_free (pushed->language);
  g_free (pushed);
}
