/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord"

#include <glib/gi18n.h>

#include "accord-i18n.h"
#include "accord-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AccordApplication) app = NULL;

  accord_i18n_init ();

  app = accord_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
