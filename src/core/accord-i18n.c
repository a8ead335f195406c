/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-i18n"

#include <glib/gi18n.h>
#include <locale.h>

#include "accord-i18n.h"

/**
 * accord_i18n_init:
 *
 * Sets the locale and binds the message catalogue.  `ACCORD_LOCALEDIR`
 * points at a build tree's catalogues, so an uninstalled build is shown in
 * the user's language too.
 */
void
accord_i18n_init (void)
{
  const char *dir = g_getenv ("ACCORD_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
