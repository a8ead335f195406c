/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_PERSON_VIEW (accord_person_view_get_type ())
G_DECLARE_FINAL_TYPE (AccordPersonView, accord_person_view, ACCORD, PERSON_VIEW, AdwBin)

void    accord_person_view_show      (AccordPersonView *self,
                                      AccordStore      *store,
                                      gint64            person_id);
void    accord_person_view_reload    (AccordPersonView *self);
gint64  accord_person_view_get_id    (AccordPersonView *self);

G_END_DECLS
