/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

/* Exporting a case file (src/docs/accord-doc-case-file.h) from the window:
 * the store is read at once, the PDF drawn and written in a worker thread,
 * and a toast (or an error dialog) says how it went. */

/* Asks for a file name, then exports. */
void     accord_case_file_export_choose        (GtkWidget            *parent,
                                                AccordStore          *store,
                                                const char           *case_number);
void     accord_case_file_export_to            (GtkWidget            *parent,
                                                AccordStore          *store,
                                                const char           *case_number,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean accord_case_file_export_finish        (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
