/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-scheduler.h"
#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_SESSION_EDITOR (accord_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (AccordSessionEditor, accord_session_editor, ACCORD, SESSION_EDITOR, AdwWindow)

AccordSessionEditor *accord_session_editor_new          (GtkWindow           *parent,
                                                         AccordStore         *store,
                                                         AccordScheduler     *scheduler);
void                 accord_session_editor_set_case     (AccordSessionEditor *self,
                                                         const char          *case_number);
void                 accord_session_editor_set_times    (AccordSessionEditor *self,
                                                         gint64               starts_at,
                                                         gint64               ends_at);
void                 accord_session_editor_set_session  (AccordSessionEditor *self,
                                                         const AccordSession *session);
gint64               accord_session_editor_get_session_id (AccordSessionEditor *self);
GPtrArray           *accord_session_editor_get_conflicts (AccordSessionEditor *self);
guint                accord_session_editor_get_n_slots  (AccordSessionEditor *self);

G_END_DECLS
