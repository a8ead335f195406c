/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "accord-calendar.h"
#include "accord-session.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_WEEK_VIEW (accord_week_view_get_type ())
G_DECLARE_FINAL_TYPE (AccordWeekView, accord_week_view, ACCORD, WEEK_VIEW, GtkWidget)

/* Asked while a session is dragged: the first hard conflict the session
 * would have at the new time, as the engine words it, or NULL. */
typedef char *(*AccordWeekCheckFunc) (const AccordSession *session,
                                      gint64               starts_at,
                                      gint64               ends_at,
                                      gpointer             user_data);

/* Asked for a session's tooltip: the session in full, with who takes
 * part, when the sessions given to the view come without (see
 * accord_store_list_sessions_brief()); NULL to show what the view has. */
typedef AccordSession *(*AccordWeekDetailsFunc) (const AccordSession *session,
                                                 gpointer             user_data);

GtkWidget *accord_week_view_new            (void);
void       accord_week_view_set_days       (AccordWeekView      *self,
                                            const GDate         *first_day,
                                            int                  n_days,
                                            GTimeZone           *time_zone);
void       accord_week_view_set_calendar   (AccordWeekView      *self,
                                            AccordCalendar      *calendar);
void       accord_week_view_set_sessions   (AccordWeekView      *self,
                                            GPtrArray           *sessions,
                                            GHashTable          *conflicts);
void       accord_week_view_set_check_func (AccordWeekView      *self,
                                            AccordWeekCheckFunc  func,
                                            gpointer             user_data);
void       accord_week_view_set_details_func (AccordWeekView    *self,
                                            AccordWeekDetailsFunc func,
                                            gpointer             user_data);
guint      accord_week_view_get_n_blocks   (AccordWeekView      *self);
gint64     accord_week_view_get_selected   (AccordWeekView      *self);
void       accord_week_view_select         (AccordWeekView      *self,
                                            gint64               session_id);
const AccordSession *accord_week_view_get_session (AccordWeekView *self,
                                            gint64               session_id);
void       accord_week_view_render         (AccordWeekView      *self,
                                            GtkSnapshot         *snapshot,
                                            int                  width,
                                            int                  height);

G_END_DECLS
