/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-person-view.h"
#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_PEOPLE_PAGE (accord_people_page_get_type ())
G_DECLARE_FINAL_TYPE (AccordPeoplePage, accord_people_page, ACCORD, PEOPLE_PAGE, AdwBin)

void              accord_people_page_set_store       (AccordPeoplePage *self,
                                                      AccordStore      *store);
void              accord_people_page_reload          (AccordPeoplePage *self);
void              accord_people_page_set_search      (AccordPeoplePage *self,
                                                      const char       *text);
GtkWindow        *accord_people_page_new_person      (AccordPeoplePage *self);
void              accord_people_page_show_person     (AccordPeoplePage *self,
                                                      gint64            person_id);
AccordPersonView *accord_people_page_get_person_view (AccordPeoplePage *self);

G_END_DECLS
