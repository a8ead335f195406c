/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-application.h"
#include "accord-scheduler.h"
#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_WINDOW (accord_window_get_type ())
G_DECLARE_FINAL_TYPE (AccordWindow, accord_window, ACCORD, WINDOW, AdwApplicationWindow)

AccordWindow    *accord_window_new             (AccordApplication *app,
                                                AccordStore       *store);
AccordStore     *accord_window_get_store       (AccordWindow      *self);
AccordScheduler *accord_window_get_scheduler   (AccordWindow      *self);
GListModel      *accord_window_get_case_model  (AccordWindow      *self);
void             accord_window_set_search_text (AccordWindow      *self,
                                                const char        *text);
void             accord_window_show_page       (AccordWindow      *self,
                                                const char        *name);
void             accord_window_show_case       (AccordWindow      *self,
                                                const char        *number);
void             accord_window_show_session    (AccordWindow      *self,
                                                gint64             session_id);
void             accord_window_new_session     (AccordWindow      *self,
                                                const char        *case_number);
void             accord_window_data_changed    (AccordWindow      *self);
void             accord_window_rules_changed   (AccordWindow      *self);
void             accord_window_add_toast       (AccordWindow      *self,
                                                AdwToast          *toast);
void             accord_window_show_error      (AccordWindow      *self,
                                                const char        *heading,
                                                const GError      *error);

/* accord_window_show_error() on the window @widget belongs to. */
void             accord_window_report_error    (GtkWidget         *widget,
                                                const char        *heading,
                                                const GError      *error);

/* The window a page or dialog belongs to; NULL outside one. */
AccordWindow    *accord_window_of              (GtkWidget         *widget);

G_END_DECLS
