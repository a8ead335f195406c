/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"
#include "accord-week-view.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_SCHEDULE_PAGE (accord_schedule_page_get_type ())
G_DECLARE_FINAL_TYPE (AccordSchedulePage, accord_schedule_page, ACCORD, SCHEDULE_PAGE, AdwBin)

void accord_schedule_page_set_store  (AccordSchedulePage *self,
                                  AccordStore    *store);
void accord_schedule_page_reload     (AccordSchedulePage *self);
void accord_schedule_page_set_search (AccordSchedulePage *self,
                                  const char     *text);
void accord_schedule_page_new_session  (AccordSchedulePage *self,
                                        const char         *case_number);
void accord_schedule_page_show_session (AccordSchedulePage *self,
                                        gint64              session_id);

AccordWeekView *accord_schedule_page_get_week_view (AccordSchedulePage *self);
void accord_schedule_page_show_date    (AccordSchedulePage *self,
                                        const GDate        *date);

G_END_DECLS
