/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_PREFERENCES_WINDOW (accord_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AccordPreferencesWindow, accord_preferences_window, ACCORD, PREFERENCES_WINDOW, AdwPreferencesWindow)

AccordPreferencesWindow *accord_preferences_window_new (GtkWindow   *parent,
                                                        AccordStore *store);

G_END_DECLS
