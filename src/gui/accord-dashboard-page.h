/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_DASHBOARD_PAGE (accord_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (AccordDashboardPage, accord_dashboard_page, ACCORD, DASHBOARD_PAGE, AdwBin)

void accord_dashboard_page_set_store (AccordDashboardPage *self,
                                     AccordStore        *store);
void accord_dashboard_page_reload    (AccordDashboardPage *self);

G_END_DECLS
