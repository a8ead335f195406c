/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-window"

#include <glib/gi18n.h>

#include "accord-cases-page.h"
#include "accord-dashboard-page.h"
#include "accord-people-page.h"
#include "accord-schedule-page.h"
#include "accord-venues-page.h"
#include "accord-verify-dialog.h"
#include "accord-window.h"

struct _AccordWindow
{
  AdwApplicationWindow  parent_instance;

  AccordStore          *store;
  AccordScheduler      *scheduler;
  GSettings            *settings;
  /* Each section keeps its own search text while another is shown. */
  GHashTable           *searches;
  /* Sections are read when first shown, and again when shown after a
   * change made elsewhere: a million sessions cost nothing at start-up
   * while the cases are in view. */
  GHashTable           *loaded;
  GHashTable           *stale;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkSearchEntry       *search_entry;
  AccordCasesPage      *cases_page;
  AccordSchedulePage   *schedule_page;
  AccordPeoplePage     *people_page;
  AccordVenuesPage     *venues_page;
  AccordDashboardPage  *dashboard_page;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AccordWindow, accord_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
visible_page (AccordWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return name != NULL ? name : "cases";
}

static void
page_set_store (AccordWindow *self,
                const char   *page)
{
  if (g_str_equal (page, "cases"))
    accord_cases_page_set_store (self->cases_page, self->store);
  else if (g_str_equal (page, "schedule"))
    accord_schedule_page_set_store (self->schedule_page, self->store);
  else if (g_str_equal (page, "people"))
    accord_people_page_set_store (self->people_page, self->store);
  else if (g_str_equal (page, "venues"))
    accord_venues_page_set_store (self->venues_page, self->store);
  else if (g_str_equal (page, "dashboard"))
    accord_dashboard_page_set_store (self->dashboard_page, self->store);
}

static void
page_reload (AccordWindow *self,
             const char   *page)
{
  if (g_str_equal (page, "cases"))
    accord_cases_page_reload (self->cases_page);
  else if (g_str_equal (page, "schedule"))
    accord_schedule_page_reload (self->schedule_page);
  else if (g_str_equal (page, "people"))
    accord_people_page_reload (self->people_page);
  else if (g_str_equal (page, "venues"))
    accord_venues_page_reload (self->venues_page);
  else if (g_str_equal (page, "dashboard"))
    accord_dashboard_page_reload (self->dashboard_page);
}

/* Makes @page show what is in the store now. */
static void
ensure_page (AccordWindow *self,
             const char   *page)
{
  if (self->store == NULL)
    return;
  if (!g_hash_table_contains (self->loaded, page))
    {
      g_hash_table_add (self->loaded, g_strdup (page));
      page_set_store (self, page);
    }
  else if (g_hash_table_remove (self->stale, page))
    page_reload (self, page);
}

static void
apply_search (AccordWindow *self,
              const char   *page,
              const char   *text)
{
  if (g_str_equal (page, "cases"))
    accord_cases_page_set_search (self->cases_page, text);
  else if (g_str_equal (page, "people"))
    accord_people_page_set_search (self->people_page, text);
  else if (g_str_equal (page, "venues"))
    accord_venues_page_set_search (self->venues_page, text);
  else if (g_str_equal (page, "schedule"))
    accord_schedule_page_set_search (self->schedule_page, text);
}

static const char *
search_placeholder (const char *page)
{
  if (g_str_equal (page, "people"))
    return _("Search people");
  if (g_str_equal (page, "venues"))
    return _("Search venues");
  if (g_str_equal (page, "schedule"))
    return _("Search sessions by case");
  return _("Search cases");
}

static void
restore_window_state (AccordWindow *self)
{
  g_autofree char *section = g_settings_get_string (self->settings, "section");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (adw_view_stack_get_child_by_name (self->view_stack, section) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, section);
}

/* The default size is the unmaximized size, which is what we want back. */
static void
save_window_state (AccordWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "section", visible_page (self));
  g_settings_apply (self->settings);
}

static void on_search_changed_cb (AccordWindow   *self,
                                  GtkSearchEntry *entry);

/* Setting the entry's text deletes the old text first, and an empty
 * search entry reports at once: the handler is held back so that showing
 * a search does not run a search for nothing on the way. */
static void
show_search_text (AccordWindow *self,
                  const char   *text)
{
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed_cb, self);
}

static void
on_search_changed_cb (AccordWindow   *self,
                      GtkSearchEntry *entry)
{
  const char *page = visible_page (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_hash_table_insert (self->searches, g_strdup (page), g_strdup (text));
  apply_search (self, page, text);
}

static void
on_stop_search_cb (AccordWindow   *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  apply_search (self, visible_page (self), NULL);
}

/* The entry shows the search of the section in view, which that section
 * has applied already. */
static void
on_visible_page_changed_cb (AccordWindow *self,
                            GParamSpec   *pspec,
                            AdwViewStack *stack)
{
  const char *page = visible_page (self);
  const char *text = g_hash_table_lookup (self->searches, page);

  ensure_page (self, page);
  g_object_set (self->search_entry, "placeholder-text", search_placeholder (page), NULL);
  show_search_text (self, text);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  accord_window_show_page (self, "cases");
  accord_cases_page_new_case (self->cases_page);
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  accord_window_new_session (ACCORD_WINDOW (widget), NULL);
}

static void
verify_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  accord_verify_dialog_choose (ACCORD_WINDOW (widget));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  accord_window_show_page (ACCORD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
accord_window_close_request (GtkWindow *window)
{
  save_window_state (ACCORD_WINDOW (window));

  return GTK_WINDOW_CLASS (accord_window_parent_class)->close_request (window);
}

static void
accord_window_constructed (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  G_OBJECT_CLASS (accord_window_parent_class)->constructed (object);

  restore_window_state (self);
  on_visible_page_changed_cb (self, NULL, self->view_stack);
}

static void
accord_window_dispose (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_WINDOW);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->searches, g_hash_table_unref);
  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);

  G_OBJECT_CLASS (accord_window_parent_class)->dispose (object);
}

static void
accord_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_page_shortcut (GtkWidgetClass *widget_class,
                   guint           key,
                   const char     *page)
{
  gtk_widget_class_add_binding_action (widget_class, key, GDK_ALT_MASK,
                                       "window.show-page", "s", page);
}

static void
accord_window_class_init (AccordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = accord_window_constructed;
  object_class->dispose = accord_window_dispose;
  object_class->get_property = accord_window_get_property;
  object_class->set_property = accord_window_set_property;

  window_class->close_request = accord_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ACCORD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORD_TYPE_CASES_PAGE);
  g_type_ensure (ACCORD_TYPE_SCHEDULE_PAGE);
  g_type_ensure (ACCORD_TYPE_PEOPLE_PAGE);
  g_type_ensure (ACCORD_TYPE_VENUES_PAGE);
  g_type_ensure (ACCORD_TYPE_DASHBOARD_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, cases_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, schedule_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, venues_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, dashboard_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "window.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "window.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "window.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "window.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "window.verify-document", NULL, verify_document_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "window.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "window.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "window.verify-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "window.new-session", NULL);
  add_page_shortcut (widget_class, GDK_KEY_1, "cases");
  add_page_shortcut (widget_class, GDK_KEY_2, "schedule");
  add_page_shortcut (widget_class, GDK_KEY_3, "people");
  add_page_shortcut (widget_class, GDK_KEY_4, "venues");
  add_page_shortcut (widget_class, GDK_KEY_5, "dashboard");
}

static void
accord_window_init (AccordWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->searches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* A PDF dropped anywhere on the window is verified. */
  gtk_widget_add_controller (GTK_WIDGET (self), accord_verify_drop_target_new ());
}

AccordWindow *
accord_window_new (AccordApplication *app,
                   AccordStore       *store)
{
  g_return_val_if_fail (ACCORD_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  return g_object_new (ACCORD_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       NULL);
}

/* Returns: (transfer none): the store the window shows */
AccordStore *
accord_window_get_store (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  return self->store;
}

/* The scheduler reads the holiday calendars and the rules once; every
 * page of the window shares it.
 *
 * Returns: (transfer none) (nullable): the scheduler, or %NULL after
 * showing why it could not be made */
AccordScheduler *
accord_window_get_scheduler (AccordWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  if (self->scheduler == NULL)
    self->scheduler = accord_scheduler_new (self->store, &error);
  if (self->scheduler == NULL)
    accord_window_show_error (self, _("Could Not Load the Schedule Rules"), error);

  return self->scheduler;
}

/* Returns: (transfer none): the list of cases shown, an AccordCaseList */
GListModel *
accord_window_get_case_model (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  ensure_page (self, "cases");
  return accord_cases_page_get_model (self->cases_page);
}

/* Shows the cases and searches for @text at once, without waiting for the
 * entry's typing delay. */
void
accord_window_set_search_text (AccordWindow *self,
                               const char   *text)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));

  accord_window_show_page (self, "cases");
  show_search_text (self, text);
  g_hash_table_insert (self->searches, g_strdup ("cases"), g_strdup (text != NULL ? text : ""));
  accord_cases_page_set_search (self->cases_page, text);
}

void
accord_window_show_page (AccordWindow *self,
                         const char   *name)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  ensure_page (self, name);
}

void
accord_window_show_case (AccordWindow *self,
                         const char   *number)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (number != NULL);

  accord_window_show_page (self, "cases");
  accord_cases_page_show_case (self->cases_page, number);
}

void
accord_window_show_session (AccordWindow *self,
                            gint64        session_id)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));

  accord_window_show_page (self, "schedule");
  accord_schedule_page_show_session (self->schedule_page, session_id);
}

void
accord_window_new_session (AccordWindow *self,
                           const char   *case_number)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));

  accord_window_show_page (self, "schedule");
  accord_schedule_page_new_session (self->schedule_page, case_number);
}

/* Something was written (a case, a session, a person): the section in
 * view reads again what it shows, the others when they are next shown. */
void
accord_window_data_changed (AccordWindow *self)
{
  const char *shown;
  GHashTableIter iter;
  gpointer page;

  g_return_if_fail (ACCORD_IS_WINDOW (self));

  shown = visible_page (self);
  g_hash_table_iter_init (&iter, self->loaded);
  while (g_hash_table_iter_next (&iter, &page, NULL))
    if (g_str_equal (page, shown))
      page_reload (self, page);
    else
      g_hash_table_add (self->stale, g_strdup (page));
}

/* A setting changed: the scheduler reads the rules again when next asked,
 * and every section shows what follows from them. */
void
accord_window_rules_changed (AccordWindow *self)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));

  g_clear_object (&self->scheduler);
  accord_window_data_changed (self);
}

/* Takes ownership of @toast. */
void
accord_window_add_toast (AccordWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* One dialog for an error the coordinator must read: what failed as the
 * heading, why (already translated by core) as the body. */
void
accord_window_show_error (AccordWindow *self,
                          const char   *heading,
                          const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A page that cannot read what it shows says so in a dialog; before it is
 * in a window there is nobody to tell, and the page stays empty. */
void
accord_window_report_error (GtkWidget    *widget,
                            const char   *heading,
                            const GError *error)
{
  AccordWindow *self;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  self = accord_window_of (widget);
  if (self != NULL)
    accord_window_show_error (self, heading, error);
}

/* Returns: (transfer none) (nullable): the main window @widget is shown
 * in, directly or through a dialog transient for it */
AccordWindow *
accord_window_of (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWindow *window;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  while (window != NULL && !ACCORD_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  return window != NULL ? ACCORD_WINDOW (window) : NULL;
}
