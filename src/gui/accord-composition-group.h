/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_COMPOSITION_GROUP (accord_composition_group_get_type ())
G_DECLARE_FINAL_TYPE (AccordCompositionGroup, accord_composition_group, ACCORD, COMPOSITION_GROUP, AdwPreferencesGroup)

void accord_composition_group_set_store (AccordCompositionGroup *self,
                                         AccordStore            *store);

G_END_DECLS
