/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_PETITIONER_FORM (accord_petitioner_form_get_type ())
G_DECLARE_FINAL_TYPE (AccordPetitionerForm, accord_petitioner_form, ACCORD, PETITIONER_FORM, AdwBin)

GtkWidget *accord_petitioner_form_new        (void);
void       accord_petitioner_form_set_title  (AccordPetitionerForm  *self,
                                              const char            *title);
void       accord_petitioner_form_set_removable (AccordPetitionerForm *self,
                                              gboolean               removable);
gboolean   accord_petitioner_form_is_valid   (AccordPetitionerForm  *self);
void       accord_petitioner_form_get_input  (AccordPetitionerForm  *self,
                                              AccordPetitionerInput *input);

G_END_DECLS
