/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-booking-rows"

#include <glib/gi18n.h>

#include "accord-booking-rows.h"
#include "accord-enums.h"

static char *
booking_subtitle (AccordStore         *store,
                  const AccordSession *session,
                  gboolean             with_venue)
{
  g_autofree char *end = accord_store_format_local (store, session->ends_at, "%H:%M");
  const char *status = accord_vocab_label (ACCORD_VOCAB_SESSION_STATUS, session->status);

  if (with_venue && session->venue_name != NULL)
    /* Translators: end time · venue · session status */
    return g_strdup_printf (_("until %s · %s · %s"), end, session->venue_name, status);
  /* Translators: end time · session status */
  return g_strdup_printf (_("until %s · %s"), end, status);
}

/* A session as one activatable row: when, what kind, which case; the
 * venue is left out on the venue's own page. */
GtkWidget *
accord_booking_row_new (AccordStore         *store,
                        const AccordSession *session,
                        gboolean             with_venue)
{
  g_autofree char *start = accord_store_format_local (store, session->starts_at, "%Y-%m-%d %H:%M");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = booking_subtitle (store, session, with_venue);
  GtkWidget *row = adw_action_row_new ();

  title = g_strdup_printf ("%s  %s  %s", start,
                           accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, session->kind),
                           session->case_number);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "session-id", GINT_TO_POINTER ((int) session->id));
  if (g_strcmp0 (session->status, "cancelled") == 0)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

gint64
accord_booking_row_get_id (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "session-id"));
}

/* Lists the sessions of the next ACCORD_BOOKINGS_AHEAD_DAYS days of a
 * person or a venue; the number listed, or G_MAXUINT on error. */
guint
accord_booking_rows_fill (GtkListBox   *list,
                          AccordStore  *store,
                          gint64        person_id,
                          gint64        venue_id,
                          GError      **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GPtrArray) sessions = NULL;

  accord_list_box_remove_all (list);
  sessions = accord_store_list_sessions (store, now,
                                         now + ACCORD_BOOKINGS_AHEAD_DAYS * 86400,
                                         person_id, venue_id, error);
  if (sessions == NULL)
    return G_MAXUINT;
  for (guint i = 0; i < sessions->len; i++)
    gtk_list_box_append (list, accord_booking_row_new (store, g_ptr_array_index (sessions, i), venue_id <= 0));
  return sessions->len;
}

void
accord_list_box_remove_all (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* By row, not by child: a placeholder is a child too and must stay. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* A small pill, such as a role or "Inactive"; @style is one of the
 * status-badge colours or NULL. */
GtkWidget *
accord_badge_new (const char *text,
                  const char *style)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "status-badge");
  if (style != NULL)
    gtk_widget_add_css_class (badge, style);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}
