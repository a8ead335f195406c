/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-venues-page"

#include <glib/gi18n.h>

#include "accord-booking-rows.h"
#include "accord-venue-editor.h"
#include "accord-venues-page.h"
#include "accord-window.h"

struct _AccordVenuesPage
{
  AdwBin         parent_instance;

  AccordStore   *store;
  /* A bureau has a handful of rooms: read whole, filtered here. */
  GPtrArray     *venues;
  AccordVenue   *venue;    /* the one shown on the venue page */
  char          *search;   /* casefolded; NULL: none */

  /* Template widgets */
  AdwLeaflet    *leaflet;
  GtkLabel      *count_label;
  GtkStack      *list_stack;
  GtkListBox    *list_box;
  AdwStatusPage *empty_page;
  GtkButton     *back_button;
  GtkLabel      *title_label;
  GtkButton     *active_button;
  AdwActionRow  *capacity_row;
  AdwActionRow  *address_row;
  AdwActionRow  *status_row;
  GtkListBox    *bookings_list;
};

G_DEFINE_FINAL_TYPE (AccordVenuesPage, accord_venues_page, ADW_TYPE_BIN)

/* Helpers ---------------------------------------------------------------- */

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  return folded != NULL && strstr (folded, needle) != NULL;
}

static char *
capacity_text (const AccordVenue *venue)
{
  return g_strdup_printf (ngettext ("%d seat", "%d seats", venue->capacity), venue->capacity);
}

static GtkWidget *
venue_row_new (const AccordVenue *venue)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *capacity = capacity_text (venue);
  g_autofree char *subtitle = g_strdup_printf ("%s%s%s", capacity, venue->address != NULL ? " · " : "",
                                               venue->address != NULL ? venue->address : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), venue->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             venue->active ? accord_badge_new (C_("venue", "Open"), "success")
                                           : accord_badge_new (C_("venue", "Closed"), "warning"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "venue-id", GINT_TO_POINTER ((int) venue->id));
  if (!venue->active)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
show_rows (AccordVenuesPage *self)
{
  g_autofree char *count = NULL;
  guint shown = 0;

  accord_list_box_remove_all (self->list_box);
  for (guint i = 0; self->venues != NULL && i < self->venues->len; i++)
    {
      AccordVenue *venue = g_ptr_array_index (self->venues, i);

      if (self->search != NULL && !contains_folded (venue->name, self->search) &&
          !contains_folded (venue->address, self->search))
        continue;
      gtk_list_box_append (self->list_box, venue_row_new (venue));
      shown++;
    }

  count = g_strdup_printf (ngettext ("%u venue", "%u venues", shown), shown);
  gtk_label_set_text (self->count_label, count);
  adw_status_page_set_title (self->empty_page, self->search != NULL ? _("No Matching Venues") : _("No Venues"));
  adw_status_page_set_description (self->empty_page,
                                   self->search != NULL ? _("Try another name or address.")
                                                        : _("Add the rooms where hearings and mediations take place."));
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "empty");
}

static void
show_venue (AccordVenuesPage *self)
{
  g_autofree char *capacity = capacity_text (self->venue);
  g_autoptr(GError) error = NULL;
  guint n;

  gtk_label_set_text (self->title_label, self->venue->name);
  adw_action_row_set_subtitle (self->capacity_row, capacity);
  adw_action_row_set_subtitle (self->address_row, self->venue->address != NULL ? self->venue->address : _("None given"));
  adw_action_row_set_subtitle (self->status_row,
                               self->venue->active ? _("Open for booking") : _("Closed: no new sessions are booked here"));
  gtk_button_set_label (self->active_button, self->venue->active ? _("_Close Venue") : _("_Reopen Venue"));

  n = accord_booking_rows_fill (self->bookings_list, self->store, 0, self->venue->id, &error);
  if (n == 0 || n == G_MAXUINT)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No bookings in the next 90 days"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->bookings_list, row);
    }
}

static void
set_active (AccordVenuesPage *self,
            gboolean          active)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (!accord_store_set_venue_active (self->store, self->venue->id, active, &error))
    {
      if (window != NULL)
        accord_window_show_error (window, active ? _("Could Not Reopen the Venue") : _("Could Not Close the Venue"), error);
      return;
    }
  toast = g_strdup_printf (active ? _("%s reopened") : _("%s closed"), self->venue->name);
  if (window != NULL)
    {
      accord_window_add_toast (window, adw_toast_new (toast));
      accord_window_data_changed (window);
    }
  else
    accord_venues_page_reload (self);
}

/* Callbacks -------------------------------------------------------------- */

static void
on_row_activated_cb (AccordVenuesPage *self,
                     GtkListBoxRow    *row)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "venue-id"));

  if (id > 0)
    accord_venues_page_show_venue (self, id);
}

static void
on_booking_activated_cb (AccordVenuesPage *self,
                         GtkListBoxRow    *row)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));
  gint64 id = accord_booking_row_get_id (row);

  if (window != NULL && id > 0)
    accord_window_show_session (window, id);
}

/* However the list comes back (the back button, Escape, Alt+Left or a
 * swipe), the keyboard lands on it. */
static void
on_visible_child_changed_cb (AccordVenuesPage *self)
{
  GtkListBoxRow *first;

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") != 0)
    return;
  if ((first = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AccordVenuesPage *self)
{
  if (g_strcmp0 (response, "close") == 0 && self->venue != NULL)
    set_active (self, FALSE);
}

/* Actions ---------------------------------------------------------------- */

static void
new_venue_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  accord_venues_page_new_venue (ACCORD_VENUES_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordVenuesPage *self = ACCORD_VENUES_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/* Closing stops new bookings, so it is confirmed; reopening is not. */
static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordVenuesPage *self = ACCORD_VENUES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->venue == NULL)
    return;
  if (!self->venue->active)
    {
      set_active (self, TRUE);
      return;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Close This Venue?"),
                                   _("No new sessions can be booked here until it is reopened. Sessions already booked stay as they are."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "close", _("_Close Venue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides -------------------------------------------------------------- */

static void
accord_venues_page_dispose (GObject *object)
{
  AccordVenuesPage *self = ACCORD_VENUES_PAGE (object);

  /* AdwBin owns its child: let go of it before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_VENUES_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->venues, g_ptr_array_unref);
  g_clear_pointer (&self->venue, accord_venue_free);

  G_OBJECT_CLASS (accord_venues_page_parent_class)->dispose (object);
}

static void
accord_venues_page_finalize (GObject *object)
{
  AccordVenuesPage *self = ACCORD_VENUES_PAGE (object);

  g_free (self->search);

  G_OBJECT_CLASS (accord_venues_page_parent_class)->finalize (object);
}

static void
accord_venues_page_class_init (AccordVenuesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_venues_page_dispose;
  object_class->finalize = accord_venues_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-venues-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, active_button);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, AccordVenuesPage, bookings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_booking_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed_cb);

  gtk_widget_class_install_action (widget_class, "venues.new-venue", NULL, new_venue_action);
  gtk_widget_class_install_action (widget_class, "venues.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "venues.toggle-active", NULL, toggle_active_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "venues.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "venues.back", NULL);
}

static void
accord_venues_page_init (AccordVenuesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API ------------------------------------------------------------- */

void
accord_venues_page_set_store (AccordVenuesPage *self,
                              AccordStore      *store)
{
  g_return_if_fail (ACCORD_IS_VENUES_PAGE (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
  accord_venues_page_reload (self);
}

void
accord_venues_page_reload (AccordVenuesPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ACCORD_IS_VENUES_PAGE (self));

  if (self->store == NULL)
    return;
  g_clear_pointer (&self->venues, g_ptr_array_unref);
  self->venues = accord_store_list_venues (self->store, &error);
  if (self->venues == NULL)
    g_message ("Could not read the venues: %s", error->message);
  show_rows (self);
  if (self->venue != NULL)
    accord_venues_page_show_venue (self, self->venue->id);
}

void
accord_venues_page_set_search (AccordVenuesPage *self,
                               const char       *text)
{
  g_return_if_fail (ACCORD_IS_VENUES_PAGE (self));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);
  show_rows (self);
}

/* Returns: (transfer none): the dialog, already shown */
GtkWindow *
accord_venues_page_new_venue (AccordVenuesPage *self)
{
  GtkRoot *root;
  AccordVenueEditor *editor;

  g_return_val_if_fail (ACCORD_IS_VENUES_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = accord_venue_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

void
accord_venues_page_show_venue (AccordVenuesPage *self,
                               gint64            venue_id)
{
  AccordVenue *venue;

  g_return_if_fail (ACCORD_IS_VENUES_PAGE (self));
  g_return_if_fail (self->store != NULL);

  if ((venue = accord_store_get_venue (self->store, venue_id, NULL)) == NULL)
    return;
  g_clear_pointer (&self->venue, accord_venue_free);
  self->venue = venue;
  show_venue (self);
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "venue") != 0)
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "venue");
      /* The row that was activated is hidden now: keep the keyboard on the page. */
      gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
    }
}
