/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_CASE_LIST (accord_case_list_get_type ())
G_DECLARE_FINAL_TYPE (AccordCaseList, accord_case_list, ACCORD, CASE_LIST, GObject)

/* A GListModel of AccordCase in the filter's order (last registered first
 * by default) that reads rows from the store a page at a time as they are
 * asked for. */
AccordCaseList *accord_case_list_new                    (AccordStore            *store);
AccordCaseList *accord_case_list_new_counting_in_thread (AccordStore            *store);
void            accord_case_list_set_filter             (AccordCaseList         *self,
                                                         const AccordCaseFilter *filter);
void            accord_case_list_reload                 (AccordCaseList         *self);
void            accord_case_list_hold_count             (AccordCaseList         *self,
                                                         gboolean                hold);
gboolean        accord_case_list_is_counting            (AccordCaseList         *self);

G_END_DECLS
