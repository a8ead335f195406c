/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-application.h"
#include "accord-documents.h"
#include "accord-window.h"

G_BEGIN_DECLS

/* What every widget test needs: a window on a seeded database in a
 * temporary folder, and ways to wait for and find widgets. */
typedef struct
{
  char         *dir;
  AccordStore  *store;
  AccordWindow *window;
} AccordGuiFixture;

typedef gboolean (*AccordGuiPredicate) (gpointer data);
typedef gboolean (*AccordGuiMatch)     (GtkWidget *widget, gconstpointer data);

/* Calls gtk_init_check and g_test_init; FALSE without a display. */
gboolean   accord_gui_test_init      (int                *argc,
                                      char             ***argv);
/* The application the fixtures' windows belong to. */
AccordApplication *accord_gui_test_app (void);
/* @data: GUINT_TO_POINTER of the number of cases to seed (0: none) */
void       accord_gui_fixture_set_up    (AccordGuiFixture *f,
                                         gconstpointer     data);
void       accord_gui_fixture_tear_down (AccordGuiFixture *f,
                                         gconstpointer     data);
gboolean   accord_gui_wait_until     (AccordGuiPredicate  predicate,
                                      gpointer            data);
void       accord_gui_wait_idle      (void);
GtkWidget *accord_gui_find           (GtkWidget          *root,
                                      GType               type,
                                      AccordGuiMatch      match,
                                      gconstpointer       data);
GtkWidget *accord_gui_find_named     (GtkWidget          *root,
                                      const char         *name);
GtkWindow *accord_gui_find_toplevel  (GType               type);
const char *accord_gui_label_text    (GtkWidget          *root,
                                      const char         *name);
GtkEventController *accord_gui_find_controller (GtkWidget *widget,
                                                GType      type);
/* Predicates for accord_gui_wait_until(). */
gboolean   accord_gui_widget_mapped  (gpointer            widget);
gboolean   accord_gui_toplevel_shown (gpointer            type);
AccordDocument *accord_gui_issue_document (AccordStore *store,
                                           const char  *kind,
                                           const char  *case_number);

G_END_DECLS
