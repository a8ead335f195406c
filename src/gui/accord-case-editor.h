/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_CASE_EDITOR (accord_case_editor_get_type ())
G_DECLARE_FINAL_TYPE (AccordCaseEditor, accord_case_editor, ACCORD, CASE_EDITOR, AdwWindow)

AccordCaseEditor *accord_case_editor_new (AccordStore *store,
                                          GtkWindow   *parent);

G_END_DECLS
