/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_CASE_VIEW (accord_case_view_get_type ())
G_DECLARE_FINAL_TYPE (AccordCaseView, accord_case_view, ACCORD, CASE_VIEW, AdwBin)

void        accord_case_view_set_store        (AccordCaseView     *self,
                                               AccordStore        *store);
gboolean    accord_case_view_show             (AccordCaseView     *self,
                                               const char         *number,
                                               GError            **error);
void        accord_case_view_reload           (AccordCaseView     *self);
const char *accord_case_view_get_number       (AccordCaseView     *self);

/* The badges the case list shares with the case page. */
void        accord_case_view_set_status_badge (GtkLabel           *badge,
                                               const char         *status);
void        accord_case_view_set_due_badge    (GtkLabel           *badge,
                                               AccordCaseDueState  state);

G_END_DECLS
