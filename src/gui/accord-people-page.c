/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-people-page"

#include <glib/gi18n.h>

#include "accord-booking-rows.h"
#include "accord-enums.h"
#include "accord-people-page.h"
#include "accord-person-editor.h"
#include "accord-person-view.h"
#include "accord-validate.h"
#include "accord-window.h"

struct _AccordPeoplePage
{
  AdwBin            parent_instance;

  AccordStore      *store;
  /* The pool is a few hundred people at most: read whole, filtered here. */
  GPtrArray        *persons;
  char             *search;   /* casefolded; NULL: none */

  /* Template widgets */
  AdwLeaflet       *leaflet;
  GtkDropDown      *role_dropdown;
  GtkToggleButton  *reveal_button;
  GtkLabel         *count_label;
  GtkStack         *list_stack;
  GtkListBox       *list_box;
  AdwStatusPage    *empty_page;
  AccordPersonView *person_view;
};

G_DEFINE_FINAL_TYPE (AccordPeoplePage, accord_people_page, ADW_TYPE_BIN)

/* Helpers ---------------------------------------------------------------- */

static const char *
selected_role (AccordPeoplePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);

  /* The first choice is "All roles". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return accord_vocab_codes (ACCORD_VOCAB_PERSON_ROLE)[selected - 1];
}

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
person_matches (AccordPeoplePage   *self,
                const AccordPerson *person)
{
  const char *role = selected_role (self);

  if (role != NULL && !g_strv_contains ((const char * const *) person->roles, role))
    return FALSE;
  if (self->search == NULL)
    return TRUE;
  return contains_folded (person->name, self->search) ||
         contains_folded (person->organisation, self->search) ||
         contains_folded (person->phone, self->search);
}

static GtkWidget *
person_row_new (AccordPeoplePage   *self,
                const AccordPerson *person)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *masked = person->phone != NULL ? accord_mask_phone (person->phone) : NULL;
  const char *phone = gtk_toggle_button_get_active (self->reveal_button) ? person->phone : masked;
  g_autofree char *subtitle = g_strdup_printf ("%s%s%s", person->organisation != NULL ? person->organisation : "",
                                               person->organisation != NULL && phone != NULL ? " · " : "",
                                               phone != NULL ? phone : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  for (guint i = 0; person->roles[i] != NULL; i++)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               accord_badge_new (accord_vocab_label (ACCORD_VOCAB_PERSON_ROLE, person->roles[i]),
                                                 g_str_equal (person->roles[i], "officer") ? "accent" : NULL));
  if (!person->active)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), accord_badge_new (_("Inactive"), "warning"));
      gtk_widget_add_css_class (row, "dim-label");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "person-id", GINT_TO_POINTER ((int) person->id));
  return row;
}

/* Rows are rebuilt rather than filtered so that the count, the empty
 * state and the masking always agree with what is shown. */
static void
show_rows (AccordPeoplePage *self)
{
  g_autofree char *count = NULL;
  guint shown = 0;

  accord_list_box_remove_all (self->list_box);
  for (guint i = 0; self->persons != NULL && i < self->persons->len; i++)
    {
      AccordPerson *person = g_ptr_array_index (self->persons, i);

      if (!person_matches (self, person))
        continue;
      gtk_list_box_append (self->list_box, person_row_new (self, person));
      shown++;
    }

  count = g_strdup_printf (ngettext ("%u person", "%u people", shown), shown);
  gtk_label_set_text (self->count_label, count);
  if (shown == 0)
    {
      gboolean filtered = self->search != NULL || selected_role (self) != NULL;

      adw_status_page_set_title (self->empty_page, filtered ? _("No Matching People") : _("No People"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("Try another name or role.")
                                                : _("Add the lawyers, deputies, mediators and others who sit on panels."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "empty");
}

static void
build_role_choices (AccordPeoplePage *self)
{
  const char * const *codes = accord_vocab_codes (ACCORD_VOCAB_PERSON_ROLE);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("All Roles"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (choices, accord_vocab_label (ACCORD_VOCAB_PERSON_ROLE, codes[i]));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (choices));
}

/* Callbacks -------------------------------------------------------------- */

static void
on_filter_changed_cb (AccordPeoplePage *self)
{
  show_rows (self);
}

static void
on_reveal_toggled_cb (AccordPeoplePage *self)
{
  show_rows (self);
}

static void
on_row_activated_cb (AccordPeoplePage *self,
                     GtkListBoxRow    *row)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "person-id"));

  if (id > 0)
    accord_people_page_show_person (self, id);
}

/* Back on the list, focus returns to a row so the keyboard can go on. */
static void
on_visible_child_changed_cb (AccordPeoplePage *self)
{
  GtkListBoxRow *first;

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") != 0)
    return;
  if ((first = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

/* Actions ---------------------------------------------------------------- */

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  accord_people_page_new_person (ACCORD_PEOPLE_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordPeoplePage *self = ACCORD_PEOPLE_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/* Overrides -------------------------------------------------------------- */

static void
accord_people_page_dispose (GObject *object)
{
  AccordPeoplePage *self = ACCORD_PEOPLE_PAGE (object);

  /* AdwBin owns its child: let go of it before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->persons, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_people_page_parent_class)->dispose (object);
}

static void
accord_people_page_finalize (GObject *object)
{
  AccordPeoplePage *self = ACCORD_PEOPLE_PAGE (object);

  g_free (self->search);

  G_OBJECT_CLASS (accord_people_page_parent_class)->finalize (object);
}

static void
accord_people_page_class_init (AccordPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_people_page_dispose;
  object_class->finalize = accord_people_page_finalize;

  g_type_ensure (ACCORD_TYPE_PERSON_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordPeoplePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AccordPeoplePage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordPeoplePage, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, AccordPeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AccordPeoplePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordPeoplePage, list_box);
  gtk_widget_class_bind_template_child (widget_class, AccordPeoplePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AccordPeoplePage, person_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed_cb);

  gtk_widget_class_install_action (widget_class, "people.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "people.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "people.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "people.back", NULL);
}

static void
accord_people_page_init (AccordPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_role_choices (self);
}

/* Public API ------------------------------------------------------------- */

void
accord_people_page_set_store (AccordPeoplePage *self,
                              AccordStore      *store)
{
  g_return_if_fail (ACCORD_IS_PEOPLE_PAGE (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
  accord_people_page_reload (self);
}

void
accord_people_page_reload (AccordPeoplePage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ACCORD_IS_PEOPLE_PAGE (self));

  if (self->store == NULL)
    return;
  g_clear_pointer (&self->persons, g_ptr_array_unref);
  self->persons = accord_store_list_persons (self->store, NULL, &error);
  if (self->persons == NULL)
    accord_window_report_error (GTK_WIDGET (self), _("Could Not Read the Pool"), error);
  show_rows (self);
  if (accord_person_view_get_id (self->person_view) > 0)
    accord_person_view_reload (self->person_view);
}

void
accord_people_page_set_search (AccordPeoplePage *self,
                               const char       *text)
{
  g_return_if_fail (ACCORD_IS_PEOPLE_PAGE (self));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);
  show_rows (self);
}

/* Returns: (transfer none): the dialog, already shown */
GtkWindow *
accord_people_page_new_person (AccordPeoplePage *self)
{
  GtkRoot *root;
  AccordPersonEditor *editor;

  g_return_val_if_fail (ACCORD_IS_PEOPLE_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = accord_person_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

void
accord_people_page_show_person (AccordPeoplePage *self,
                                gint64            person_id)
{
  g_return_if_fail (ACCORD_IS_PEOPLE_PAGE (self));
  g_return_if_fail (self->store != NULL);

  /* Shown first, so that the view can take the keyboard focus. */
  adw_leaflet_set_visible_child_name (self->leaflet, "person");
  accord_person_view_show (self->person_view, self->store, person_id);
}

/* Returns: (transfer none): the person page */
AccordPersonView *
accord_people_page_get_person_view (AccordPeoplePage *self)
{
  g_return_val_if_fail (ACCORD_IS_PEOPLE_PAGE (self), NULL);

  return self->person_view;
}
