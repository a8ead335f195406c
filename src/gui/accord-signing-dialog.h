/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_SIGNING_DIALOG (accord_signing_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordSigningDialog, accord_signing_dialog, ACCORD, SIGNING_DIALOG, AdwWindow)

void accord_signing_dialog_present (GtkWindow   *parent,
                                    AccordStore *store,
                                    gint64       document_id);

G_END_DECLS
