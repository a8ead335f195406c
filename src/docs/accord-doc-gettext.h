/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ACCORD_DOC_GETTEXT_H
#define ACCORD_DOC_GETTEXT_H

#include <string.h>

#include <glib.h>
#if !defined (__G_I18N_H__) && !defined (__G_I18N_LIB_H__)
#include <glib/gi18n-lib.h>
#endif

#include "accord-enums.h"

G_BEGIN_DECLS

/* A document's texts, C_("document", …), come from the catalogue of the
 * document language pushed on the calling thread (accord-doc-language.c),
 * not from g_dpgettext(), which follows the interface's language (and
 * leaves every text untranslated, for good, when the interface's locale
 * has no catalogue) and, for another language, LANGUAGE: the process's.
 * Each inclusion (hence no include-once) takes C_() back from
 * <glib/gi18n.h> or <glib/gi18n-lib.h>, whichever came first. */
const char *accord_doc_gettext               (const char  *context_id,
                                              size_t       offset) G_GNUC_FORMAT (1);
const char *accord_doc_pgettext              (const char  *context,
                                              const char  *msgid) G_GNUC_FORMAT (2);
const char *accord_doc_vocab_label           (AccordVocab  vocab,
                                              const char  *code);
void        accord_doc_language_push_process (const char  *language);

G_END_DECLS

#endif /* ACCORD_DOC_GETTEXT_H */

#undef C_
#define C_(Context, String) accord_doc_gettext (Context "\004" String, strlen (Context) + 1)
