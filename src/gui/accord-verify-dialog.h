/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"
#include "accord-window.h"

G_BEGIN_DECLS

/* What the dialog found about a file (core's AccordVerification, told
 * plainly). */
typedef enum
{
  ACCORD_VERIFY_READING,    /* not known yet */
  ACCORD_VERIFY_AUTHENTIC,  /* byte for byte a document this bureau issued or signed */
  ACCORD_VERIFY_VOIDED,     /* ... but the document was voided since */
  ACCORD_VERIFY_ALTERED,    /* names a document of this bureau, but was changed */
  ACCORD_VERIFY_FOREIGN,    /* none of this bureau's documents */
  ACCORD_VERIFY_FAILED,     /* could not be read: too large, not a PDF, unreadable */
} AccordVerifyVerdict;

#define ACCORD_TYPE_VERIFY_DIALOG (accord_verify_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordVerifyDialog, accord_verify_dialog, ACCORD, VERIFY_DIALOG, AdwWindow)

AccordVerifyDialog  *accord_verify_dialog_new          (GtkWindow          *parent,
                                                        AccordStore        *store);
void                 accord_verify_dialog_verify_file  (AccordVerifyDialog *self,
                                                        GFile              *file);
void                 accord_verify_dialog_verify_bytes (AccordVerifyDialog *self,
                                                        GBytes             *pdf,
                                                        const char         *name);
AccordVerifyVerdict  accord_verify_dialog_get_verdict  (AccordVerifyDialog *self);

/* The ways to it from the main window: a file chooser, and dropping a
 * file on the window. */
AccordVerifyDialog  *accord_verify_dialog_open         (AccordWindow       *window,
                                                        GFile              *file);
void                 accord_verify_dialog_choose       (AccordWindow       *window);
GtkEventController  *accord_verify_drop_target_new     (void);

G_END_DECLS
