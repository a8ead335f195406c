/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_VENUE_EDITOR (accord_venue_editor_get_type ())
G_DECLARE_FINAL_TYPE (AccordVenueEditor, accord_venue_editor, ACCORD, VENUE_EDITOR, AdwWindow)

AccordVenueEditor *accord_venue_editor_new (GtkWindow   *parent,
                                            AccordStore *store);

G_END_DECLS
