/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_OUTCOME_EDITOR (accord_outcome_editor_get_type ())
G_DECLARE_FINAL_TYPE (AccordOutcomeEditor, accord_outcome_editor, ACCORD, OUTCOME_EDITOR, AdwWindow)

AccordOutcomeEditor *accord_outcome_editor_new        (GtkWindow           *parent,
                                                       AccordStore         *store,
                                                       gint64               session_id,
                                                       GError             **error);
gboolean             accord_outcome_editor_save       (AccordOutcomeEditor *self);
void                 accord_outcome_editor_keep_draft (AccordOutcomeEditor *self);

G_END_DECLS
