/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "accord-store.h"

G_BEGIN_DECLS

/* Rows shared by the people and venue pages. */

/* How far ahead a person's or a venue's bookings are listed: a bounded
 * time range, never all of a million sessions. */
#define ACCORD_BOOKINGS_AHEAD_DAYS 90

GtkWidget *accord_booking_row_new        (AccordStore         *store,
                                          const AccordSession *session,
                                          gboolean             with_venue);
gint64     accord_booking_row_get_id     (GtkListBoxRow       *row);
guint      accord_booking_rows_fill      (GtkListBox          *list,
                                          AccordStore         *store,
                                          gint64               person_id,
                                          gint64               venue_id,
                                          GError             **error);
void       accord_list_box_remove_all    (GtkListBox          *list);
GtkWidget *accord_badge_new              (const char          *text,
                                          const char          *style);

G_END_DECLS
