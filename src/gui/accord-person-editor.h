/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_PERSON_EDITOR (accord_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (AccordPersonEditor, accord_person_editor, ACCORD, PERSON_EDITOR, AdwWindow)

AccordPersonEditor *accord_person_editor_new (GtkWindow   *parent,
                                              AccordStore *store);

G_END_DECLS
