/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_VENUES_PAGE (accord_venues_page_get_type ())
G_DECLARE_FINAL_TYPE (AccordVenuesPage, accord_venues_page, ACCORD, VENUES_PAGE, AdwBin)

void       accord_venues_page_set_store  (AccordVenuesPage *self,
                                          AccordStore      *store);
void       accord_venues_page_reload     (AccordVenuesPage *self);
void       accord_venues_page_set_search (AccordVenuesPage *self,
                                          const char       *text);
GtkWindow *accord_venues_page_new_venue  (AccordVenuesPage *self);
void       accord_venues_page_show_venue (AccordVenuesPage *self,
                                          gint64            venue_id);

G_END_DECLS
