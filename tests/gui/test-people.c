/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-people"

#include "accord-availability-editor.h"
#include "accord-gui-test.h"
#include "accord-people-page.h"
#include "accord-person-editor.h"
#include "accord-venue-editor.h"
#include "accord-venues-page.h"

#define N_SEEDED_CASES 20

typedef struct
{
  GtkWidget  *root;
  const char *name;    /* of the list */
  guint       n;
  const char *title;   /* of a row */
} Expectation;

/* Helpers ---------------------------------------------------------------- */

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
label_says (GtkWidget     *widget,
            gconstpointer  text)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

static gboolean
list_has_n_rows (gpointer data)
{
  Expectation *e = data;

  return count_rows (accord_gui_find_named (e->root, e->name)) == e->n;
}

static gboolean
row_is_shown (gpointer data)
{
  Expectation *e = data;
  GtkWidget *row = accord_gui_find (accord_gui_find_named (e->root, e->name), ADW_TYPE_ACTION_ROW,
                                    row_titled, e->title);

  return row != NULL && gtk_widget_get_mapped (row);
}

static gboolean
toplevel_gone (gpointer data)
{
  return accord_gui_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  GtkWindow *window = accord_gui_find_toplevel (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
wait_for_row (AccordGuiFixture *f,
              const char       *list,
              const char       *title)
{
  Expectation e = { GTK_WIDGET (f->window), list, 0, title };

  g_assert_true (accord_gui_wait_until (row_is_shown, &e));
}

static AccordPeoplePage *
show_people (AccordGuiFixture *f)
{
  accord_window_show_page (f->window, "people");
  return ACCORD_PEOPLE_PAGE (accord_gui_find (GTK_WIDGET (f->window), ACCORD_TYPE_PEOPLE_PAGE, NULL, NULL));
}

static GPtrArray *
persons (AccordGuiFixture *f,
         const char       *role)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = accord_store_list_persons (f->store, role, &error);

  g_assert_no_error (error);
  return list;
}

static void
set_row_text (GtkWidget  *root,
              const char *name,
              const char *text)
{
  GtkWidget *row = accord_gui_find_named (root, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Tests ------------------------------------------------------------------ */

static void
test_people_list_and_filters (AccordGuiFixture *f,
                              gconstpointer     data)
{
  AccordPeoplePage *page = show_people (f);
  g_autoptr(GPtrArray) all = persons (f, NULL);
  g_autoptr(GPtrArray) lawyers = persons (f, "lawyer");
  AccordPerson *wanted = g_ptr_array_index (all, 5);
  GtkWidget *dropdown = accord_gui_find_named (GTK_WIDGET (page), "role_dropdown");
  GtkWidget *entry = accord_gui_find (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  Expectation e = { GTK_WIDGET (f->window), "people_list", all->len };
  guint same_name = 0;

  g_assert_cmpuint (all->len, ==, 40);
  g_assert_true (accord_gui_wait_until (list_has_n_rows, &e));
  wait_for_row (f, "people_list", wanted->name);

  /* The header search narrows the pool to the people whose name has it. */
  for (guint i = 0; i < all->len; i++)
    same_name += strstr (((AccordPerson *) g_ptr_array_index (all, i))->name, wanted->name) != NULL;
  gtk_editable_set_text (GTK_EDITABLE (entry), wanted->name);
  e.n = same_name;
  g_assert_true (accord_gui_wait_until (list_has_n_rows, &e));
  wait_for_row (f, "people_list", wanted->name);

  /* The role filter shows the people core lists for that role. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);   /* lawyer: the first role */
  e.n = lawyers->len;
  g_assert_cmpuint (lawyers->len, >, 0);
  g_assert_cmpuint (lawyers->len, <, all->len);
  g_assert_true (accord_gui_wait_until (list_has_n_rows, &e));
  wait_for_row (f, "people_list", ((AccordPerson *) g_ptr_array_index (lawyers, 0))->name);

  /* Nothing matches: the empty state, not an empty list. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzz-nobody");
  e.n = 0;
  g_assert_true (accord_gui_wait_until (list_has_n_rows, &e));
  g_assert_nonnull (accord_gui_find (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, NULL, NULL));
}

static void
test_people_phone_masked (AccordGuiFixture *f,
                          gconstpointer     data)
{
  AccordPeoplePage *page = show_people (f);
  g_autoptr(GPtrArray) all = persons (f, NULL);
  AccordPerson *first = g_ptr_array_index (all, 0);
  GtkWidget *list = accord_gui_find_named (GTK_WIDGET (page), "people_list");
  GtkWidget *row = accord_gui_find (list, ADW_TYPE_ACTION_ROW, row_titled, first->name);

  g_assert_nonnull (first->phone);
  g_assert_nonnull (row);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), first->phone));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "****"));
}

static GtkWidget *
open_person_editor (AccordGuiFixture *f)
{
  AccordPeoplePage *page = show_people (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "people.new-person", NULL));
  g_assert_true (accord_gui_wait_until (toplevel_shown, GSIZE_TO_POINTER (ACCORD_TYPE_PERSON_EDITOR)));
  return GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_PERSON_EDITOR));
}

static void
test_people_new_person (AccordGuiFixture *f,
                        gconstpointer     data)
{
  GtkWidget *editor = open_person_editor (f);
  GtkWidget *phone_error = accord_gui_find_named (editor, "details_error");
  GtkWidget *lawyer = accord_gui_find_named (editor, "lawyer");
  g_autoptr(GPtrArray) before = persons (f, NULL);
  g_autoptr(GPtrArray) after = NULL;
  AccordPerson *added;

  set_row_text (editor, "name_row", "欧阳明");
  set_row_text (editor, "organisation_row", "明德律师事务所");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (lawyer), TRUE);

  /* A bad phone is explained as it is typed, and Add changes nothing. */
  set_row_text (editor, "phone_row", "12345");
  g_assert_true (gtk_widget_get_visible (phone_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (phone_error)), "hone"));
  g_assert_true (gtk_widget_has_css_class (accord_gui_find_named (editor, "phone_row"), "error"));
  g_assert_true (gtk_widget_activate_action (editor, "person-editor.add", NULL));
  accord_gui_wait_idle ();
  g_assert_true (accord_gui_find_toplevel (ACCORD_TYPE_PERSON_EDITOR) == GTK_WINDOW (editor));
  after = persons (f, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* A good one is taken, the dialog closes and the pool shows it. */
  set_row_text (editor, "phone_row", "13800138000");
  g_assert_false (gtk_widget_get_visible (phone_error));
  g_assert_true (gtk_widget_activate_action (editor, "person-editor.add", NULL));
  g_assert_true (accord_gui_wait_until (toplevel_gone, GSIZE_TO_POINTER (ACCORD_TYPE_PERSON_EDITOR)));
  after = persons (f, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  added = g_ptr_array_index (after, after->len - 1);
  g_assert_cmpstr (added->name, ==, "欧阳明");
  g_assert_cmpstr (added->phone, ==, "13800138000");
  g_assert_cmpstr (added->roles[0], ==, "lawyer");
  wait_for_row (f, "people_list", "欧阳明");
}

static void
test_people_role_required (AccordGuiFixture *f,
                           gconstpointer     data)
{
  GtkWidget *editor = open_person_editor (f);
  GtkWidget *roles_error = accord_gui_find_named (editor, "roles_error");
  g_autoptr(GPtrArray) before = persons (f, NULL);
  g_autoptr(GPtrArray) after = NULL;

  set_row_text (editor, "name_row", "欧阳明");
  g_assert_true (gtk_widget_activate_action (editor, "person-editor.add", NULL));
  accord_gui_wait_idle ();
  g_assert_true (gtk_widget_get_visible (roles_error));
  after = persons (f, NULL);
  g_assert_cmpuint (after->len, ==, before->len);

  /* Escape closes the dialog without adding anyone. */
  gtk_widget_activate_action (editor, "window.close", NULL);
  g_assert_true (accord_gui_wait_until (toplevel_gone, GSIZE_TO_POINTER (ACCORD_TYPE_PERSON_EDITOR)));
}

static void
test_people_availability_saved (AccordGuiFixture *f,
                                gconstpointer     data)
{
  AccordPeoplePage *page = show_people (f);
  g_autoptr(GPtrArray) all = persons (f, NULL);
  AccordPerson *person = g_ptr_array_index (all, 3);
  AccordAvailabilityEditor *editor;
  GtkWidget *save;
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  AccordWeeklySlot *slot;

  accord_people_page_show_person (page, person->id);
  editor = ACCORD_AVAILABILITY_EDITOR (accord_gui_find (GTK_WIDGET (page), ACCORD_TYPE_AVAILABILITY_EDITOR,
                                                        NULL, NULL));
  accord_availability_editor_add_window (editor, 5, 14 * 60, 17 * 60 + 30);
  accord_availability_editor_add_window (editor, 2, 8 * 60 + 30, 12 * 60);
  /* Unsaved edits light up Save; saving puts it out. */
  save = accord_gui_find_named (GTK_WIDGET (editor), "availability_save");
  g_assert_true (gtk_widget_has_css_class (save, "suggested-action"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "availability.save", NULL));
  g_assert_false (gtk_widget_has_css_class (save, "suggested-action"));

  slots = accord_store_get_weekly_availability (f->store, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 2);
  slot = &g_array_index (slots, AccordWeeklySlot, 0);
  g_assert_cmpint (slot->weekday, ==, 2);
  g_assert_cmpint (slot->start_minute, ==, 8 * 60 + 30);
  g_assert_cmpint (slot->end_minute, ==, 12 * 60);
  slot = &g_array_index (slots, AccordWeeklySlot, 1);
  g_assert_cmpint (slot->weekday, ==, 5);
  g_assert_cmpint (slot->end_minute, ==, 17 * 60 + 30);

  /* Opening the person again shows the saved pattern. */
  accord_people_page_show_person (page, person->id);
  g_clear_pointer (&slots, g_array_unref);
  slots = accord_availability_editor_get_slots (editor);
  g_assert_cmpuint (slots->len, ==, 2);

  /* A window that ends before it starts is refused and nothing changes. */
  accord_availability_editor_add_window (editor, 3, 16 * 60, 9 * 60);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "availability.save", NULL));
  g_assert_true (accord_gui_wait_until (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  g_clear_pointer (&slots, g_array_unref);
  slots = accord_store_get_weekly_availability (f->store, person->id, &error);
  g_assert_cmpuint (slots->len, ==, 2);
}

static void
test_people_absence_added_and_deleted (AccordGuiFixture *f,
                                       gconstpointer     data)
{
  AccordPeoplePage *page = show_people (f);
  g_autoptr(GPtrArray) all = persons (f, NULL);
  AccordPerson *person = g_ptr_array_index (all, 2);
  GtkWidget *view = GTK_WIDGET (accord_people_page_get_person_view (page));
  g_autoptr(GPtrArray) absences = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  accord_people_page_show_person (page, person->id);
  set_row_text (view, "absence_from_row", "2099-03-02 08:30");
  set_row_text (view, "absence_to_row", "2099-03-06 17:30");
  set_row_text (view, "absence_reason_row", "出差");
  g_assert_true (gtk_widget_activate_action (view, "person.add-absence", NULL));

  absences = accord_store_list_absences (f->store, person->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (absences->len, ==, 1);
  g_assert_cmpstr (((AccordPersonAbsence *) g_ptr_array_index (absences, 0))->reason, ==, "出差");
  g_assert_cmpint (((AccordPersonAbsence *) g_ptr_array_index (absences, 0))->ends_at -
                   ((AccordPersonAbsence *) g_ptr_array_index (absences, 0))->starts_at, ==,
                   4 * 86400 + 9 * 3600);

  /* Deleting asks first; only "Delete" deletes. */
  g_assert_true (gtk_widget_activate_action (view, "person.delete-absence", "x",
                                             ((AccordPersonAbsence *) g_ptr_array_index (absences, 0))->id));
  g_assert_true (accord_gui_wait_until (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  dialog = ADW_MESSAGE_DIALOG (accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_clear_pointer (&absences, g_ptr_array_unref);
  absences = accord_store_list_absences (f->store, person->id, 0, &error);
  g_assert_cmpuint (absences->len, ==, 1);
  adw_message_dialog_response (dialog, "delete");
  g_clear_pointer (&absences, g_ptr_array_unref);
  absences = accord_store_list_absences (f->store, person->id, 0, &error);
  g_assert_cmpuint (absences->len, ==, 0);
}

static gboolean
label_in_row (GtkWidget     *widget,
              gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
test_people_open_and_back (AccordGuiFixture *f,
                           gconstpointer     data)
{
  AccordPeoplePage *page = show_people (f);
  g_autoptr(GPtrArray) all = persons (f, NULL);
  AccordPerson *first = g_ptr_array_index (all, 0);
  GtkWidget *list = accord_gui_find_named (GTK_WIDGET (page), "people_list");
  AccordPersonView *view = accord_people_page_get_person_view (page);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  GtkWidget *focus;

  /* Enter on a row activates it: the person's page opens with the
   * keyboard on it, so that Escape can take it back. */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpint (accord_person_view_get_id (view), ==, first->id);
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (view)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "people.back", NULL));
  accord_gui_wait_idle ();
  g_assert_true (gtk_widget_get_child_visible (list) || gtk_widget_get_mapped (list));
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, list));
}

static void
test_people_deactivate (AccordGuiFixture *f,
                        gconstpointer     data)
{
  AccordPeoplePage *page = show_people (f);
  g_autoptr(GPtrArray) all = persons (f, NULL);
  AccordPerson *person = g_ptr_array_index (all, 1);
  GtkWidget *view = GTK_WIDGET (accord_people_page_get_person_view (page));
  GtkWidget *list = accord_gui_find_named (GTK_WIDGET (page), "people_list");
  g_autoptr(AccordPerson) read = NULL;
  GtkWidget *row;

  accord_people_page_show_person (page, person->id);
  g_assert_true (gtk_widget_activate_action (view, "person.toggle-active", NULL));
  read = accord_store_get_person (f->store, person->id, NULL);
  g_assert_false (read->active);
  row = accord_gui_find (list, ADW_TYPE_ACTION_ROW, row_titled, person->name);
  g_assert_nonnull (accord_gui_find (row, GTK_TYPE_LABEL, label_in_row, "Inactive"));

  g_assert_true (gtk_widget_activate_action (view, "person.toggle-active", NULL));
  g_clear_pointer (&read, accord_person_free);
  read = accord_store_get_person (f->store, person->id, NULL);
  g_assert_true (read->active);
  row = accord_gui_find (list, ADW_TYPE_ACTION_ROW, row_titled, person->name);
  g_assert_null (accord_gui_find (row, GTK_TYPE_LABEL, label_in_row, "Inactive"));
}

static void
test_people_interest_declared (AccordGuiFixture *f,
                               gconstpointer     data)
{
  AccordPeoplePage *page = show_people (f);
  g_autoptr(GPtrArray) all = persons (f, NULL);
  AccordPerson *person = g_ptr_array_index (all, 4);
  GtkWidget *view = GTK_WIDGET (accord_people_page_get_person_view (page));
  g_autoptr(GPtrArray) cases = accord_store_list_cases (f->store, NULL, 0, 0, 1, NULL);
  /* Listed cases leave their petitioners out; the full record has them. */
  g_autoptr(AccordCase) c = accord_store_get_case (f->store,
                                                   accord_case_get_number (g_ptr_array_index (cases, 0)), NULL);
  AccordPetitioner *petitioner = g_ptr_array_index (accord_case_get_petitioners (c), 0);
  AdwComboRow *link;
  g_autoptr(GPtrArray) interests = NULL;
  AccordInterest *interest;

  accord_people_page_show_person (page, person->id);
  link = ADW_COMBO_ROW (accord_gui_find (view, ADW_TYPE_COMBO_ROW, NULL, NULL));
  set_row_text (view, "interest_case_row", accord_case_get_number (c));
  /* The case and each of its petitioners. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (link)), ==,
                    1 + accord_case_get_petitioners (c)->len);

  adw_combo_row_set_selected (link, 1);
  set_row_text (view, "interest_note_row", "表亲");
  g_assert_true (gtk_widget_activate_action (view, "person.add-interest", NULL));
  interests = accord_store_list_interests (f->store, person->id, NULL);
  g_assert_cmpuint (interests->len, ==, 1);
  interest = g_ptr_array_index (interests, 0);
  g_assert_cmpint (interest->petitioner_id, ==, petitioner->id);
  g_assert_null (interest->case_number);
  g_assert_cmpstr (interest->note, ==, "表亲");

  /* Then an interest in the case as a whole. */
  set_row_text (view, "interest_case_row", accord_case_get_number (c));
  adw_combo_row_set_selected (link, 0);
  g_assert_true (gtk_widget_activate_action (view, "person.add-interest", NULL));
  g_clear_pointer (&interests, g_ptr_array_unref);
  interests = accord_store_list_interests (f->store, person->id, NULL);
  g_assert_cmpuint (interests->len, ==, 2);
  interest = g_ptr_array_index (interests, 1);
  g_assert_cmpstr (interest->case_number, ==, accord_case_get_number (c));
  g_assert_cmpint (interest->petitioner_id, ==, 0);
}

static void
test_venues_add_and_close (AccordGuiFixture *f,
                           gconstpointer     data)
{
  AccordVenuesPage *page;
  GtkWidget *editor;
  g_autoptr(GPtrArray) venues = NULL;
  g_autoptr(GError) error = NULL;
  AccordVenue *added;
  AdwMessageDialog *dialog;

  accord_window_show_page (f->window, "venues");
  page = ACCORD_VENUES_PAGE (accord_gui_find (GTK_WIDGET (f->window), ACCORD_TYPE_VENUES_PAGE, NULL, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "venues.new-venue", NULL));
  g_assert_true (accord_gui_wait_until (toplevel_shown, GSIZE_TO_POINTER (ACCORD_TYPE_VENUE_EDITOR)));
  editor = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_VENUE_EDITOR));

  /* No name: refused inline. */
  g_assert_true (gtk_widget_activate_action (editor, "venue-editor.add", NULL));
  accord_gui_wait_idle ();
  g_assert_true (gtk_widget_get_visible (accord_gui_find_named (editor, "venue_error")));

  set_row_text (editor, "venue_name_row", "第三调解室");
  set_row_text (editor, "venue_address_row", "信访局二楼");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (accord_gui_find_named (editor, "capacity_spin")), 8);
  g_assert_true (gtk_widget_activate_action (editor, "venue-editor.add", NULL));
  g_assert_true (accord_gui_wait_until (toplevel_gone, GSIZE_TO_POINTER (ACCORD_TYPE_VENUE_EDITOR)));

  venues = accord_store_list_venues (f->store, &error);
  added = g_ptr_array_index (venues, venues->len - 1);
  g_assert_cmpstr (added->name, ==, "第三调解室");
  g_assert_cmpint (added->capacity, ==, 8);
  g_assert_true (added->active);
  wait_for_row (f, "venues_list", "第三调解室");

  /* Closing asks first. */
  accord_venues_page_show_venue (page, added->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "venues.toggle-active", NULL));
  g_assert_true (accord_gui_wait_until (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  dialog = ADW_MESSAGE_DIALOG (accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "close");
  g_clear_pointer (&venues, g_ptr_array_unref);
  venues = accord_store_list_venues (f->store, &error);
  added = g_ptr_array_index (venues, venues->len - 1);
  g_assert_false (added->active);
  g_assert_nonnull (accord_gui_find (accord_gui_find_named (GTK_WIDGET (page), "venues_list"),
                                     GTK_TYPE_LABEL, label_says, "Closed"));

  /* Reopening needs no confirmation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "venues.toggle-active", NULL));
  g_clear_pointer (&venues, g_ptr_array_unref);
  venues = accord_store_list_venues (f->store, &error);
  added = g_ptr_array_index (venues, venues->len - 1);
  g_assert_true (added->active);
}

int
main (int   argc,
      char *argv[])
{
  if (!accord_gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, AccordGuiFixture, GUINT_TO_POINTER (N_SEEDED_CASES), accord_gui_fixture_set_up, func, \
              accord_gui_fixture_tear_down)

  ADD ("/gui/people/list-and-filters", test_people_list_and_filters);
  ADD ("/gui/people/phone-masked", test_people_phone_masked);
  ADD ("/gui/people/new-person", test_people_new_person);
  ADD ("/gui/people/role-required", test_people_role_required);
  ADD ("/gui/people/availability-saved", test_people_availability_saved);
  ADD ("/gui/people/absence-added-and-deleted", test_people_absence_added_and_deleted);
  ADD ("/gui/people/open-and-back", test_people_open_and_back);
  ADD ("/gui/people/deactivate", test_people_deactivate);
  ADD ("/gui/people/interest-declared", test_people_interest_declared);
  ADD ("/gui/venues/add-and-close", test_venues_add_and_close);

#undef ADD

  return g_test_run ();
}
