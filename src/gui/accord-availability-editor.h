/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_AVAILABILITY_EDITOR (accord_availability_editor_get_type ())
G_DECLARE_FINAL_TYPE (AccordAvailabilityEditor, accord_availability_editor, ACCORD, AVAILABILITY_EDITOR, AdwBin)

void    accord_availability_editor_load       (AccordAvailabilityEditor *self,
                                               AccordStore              *store,
                                               gint64                    person_id);
void    accord_availability_editor_add_window (AccordAvailabilityEditor *self,
                                               int                       weekday,
                                               int                       start_minute,
                                               int                       end_minute);
GArray *accord_availability_editor_get_slots  (AccordAvailabilityEditor *self);

G_END_DECLS
