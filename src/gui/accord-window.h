/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-application.h"
#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_WINDOW (accord_window_get_type ())
G_DECLARE_FINAL_TYPE (AccordWindow, accord_window, ACCORD, WINDOW, AdwApplicationWindow)

AccordWindow *accord_window_new             (AccordApplication *app,
                                             AccordStore       *store);
AccordStore  *accord_window_get_store       (AccordWindow      *self);
GListModel   *accord_window_get_case_model  (AccordWindow      *self);
void          accord_window_set_search_text (AccordWindow      *self,
                                             const char        *text);

G_END_DECLS
