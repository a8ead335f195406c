/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_CASES_PAGE (accord_cases_page_get_type ())
G_DECLARE_FINAL_TYPE (AccordCasesPage, accord_cases_page, ACCORD, CASES_PAGE, AdwBin)

void        accord_cases_page_set_store  (AccordCasesPage *self,
                                          AccordStore     *store);
void        accord_cases_page_reload     (AccordCasesPage *self);
void        accord_cases_page_set_search (AccordCasesPage *self,
                                          const char      *text);
GListModel *accord_cases_page_get_model  (AccordCasesPage *self);
void        accord_cases_page_new_case   (AccordCasesPage *self);
void        accord_cases_page_show_case  (AccordCasesPage *self,
                                          const char      *number);
const char *accord_cases_page_get_shown_case (AccordCasesPage *self);

G_END_DECLS
