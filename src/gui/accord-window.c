/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-window"

#include <glib/gi18n.h>

#include "accord-case-list.h"
#include "accord-enums.h"
#include "accord-validate.h"
#include "accord-window.h"

struct _AccordWindow
{
  AdwApplicationWindow  parent_instance;

  AccordStore          *store;
  AccordCaseList       *cases;
  GSettings            *settings;
  char                 *query;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkSearchEntry       *search_entry;
  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *number_column;
  GtkColumnViewColumn  *received_column;
  GtkColumnViewColumn  *status_column;
  GtkColumnViewColumn  *category_column;
  GtkColumnViewColumn  *petitioners_column;
  GtkColumnViewColumn  *title_column;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AccordWindow, accord_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_view (AccordWindow *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  g_autofree char *subtitle = NULL;
  const char *page;

  subtitle = g_strdup_printf (ngettext ("%d case", "%d cases", n_items), (int) n_items);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (n_items > 0)
    page = "cases";
  else if (self->query != NULL)
    page = "no-results";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* Blank queries count as no search so that the empty state stays "No Cases". */
static void
apply_search (AccordWindow *self,
              const char   *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *query = NULL;
  AccordCaseFilter filter = { NULL };

  /* The store refuses longer searches; a pasted paragraph is searched by
   * its beginning instead. */
  if (g_utf8_strlen (stripped, -1) > ACCORD_TITLE_MAX_CHARS)
    query = g_utf8_substring (stripped, 0, ACCORD_TITLE_MAX_CHARS);
  else if (stripped[0] != '\0')
    query = g_steal_pointer (&stripped);

  if (g_strcmp0 (query, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&query);

  filter.query = self->query;
  accord_case_list_set_filter (self->cases, &filter);
  update_view (self);
}

/* Cells hold one label made once in setup; bind only changes its text,
 * so scrolling through many rows creates no widgets. */
static void
on_text_cell_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  gboolean numeric = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_text_cell_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  AccordCaseText field = GPOINTER_TO_UINT (user_data);
  AccordCase *c = gtk_list_item_get_item (item);
  const char *text = c != NULL ? accord_case_get_text (c, field) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
on_status_cell_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "status-badge");
  gtk_list_item_set_child (item, label);
}

/* The colour says what the bureau has to do next: blue while the case is
 * being handled, yellow while it is contested, green once answered, red
 * when it was not accepted, grey when it is over. */
static const char *
status_tone (const char *code)
{
  static const struct { const char *code; const char *tone; } tones[] = {
    { "registered", "accent" }, { "accepted", "accent" }, { "assigned", "accent" },
    { "review", "warning" }, { "re_review", "warning" },
    { "replied", "success" }, { "reviewed", "success" },
    { "declined", "error" },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (tones); i++)
    if (g_str_equal (code, tones[i].code))
      return tones[i].tone;

  return NULL;
}

static void
on_status_cell_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  AccordCase *c = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *code = c != NULL ? accord_case_get_status (c) : NULL;
  const char *label_text = code != NULL ? accord_vocab_label (ACCORD_VOCAB_CASE_STATUS, code) : "";
  char status_class[64];
  /* A status without a tone ends the list early: a plain grey badge. */
  const char *classes[] = { "status-badge", status_class, status_tone (code), NULL };

  /* Codes such as "re_review" become the class "status-re-review". */
  g_snprintf (status_class, sizeof status_class, "status-%s", code != NULL ? code : "unknown");
  g_strdelimit (status_class, "_", '-');

  gtk_widget_set_css_classes (label, classes);
  gtk_label_set_text (GTK_LABEL (label), label_text);
}

static void
set_text_factory (GtkColumnViewColumn *column,
                  AccordCaseText       field,
                  gboolean             numeric)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_text_cell_setup_cb),
                    GUINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (on_text_cell_bind_cb),
                    GUINT_TO_POINTER (field));
  gtk_column_view_column_set_factory (column, factory);
}

static void
set_status_factory (GtkColumnViewColumn *column)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_status_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_status_cell_bind_cb), NULL);
  gtk_column_view_column_set_factory (column, factory);
}

static void
setup_columns (AccordWindow *self)
{
  set_text_factory (self->number_column, ACCORD_CASE_NUMBER, TRUE);
  set_text_factory (self->received_column, ACCORD_CASE_RECEIVED_ON, TRUE);
  set_status_factory (self->status_column);
  set_text_factory (self->category_column, ACCORD_CASE_CATEGORY, FALSE);
  set_text_factory (self->petitioners_column, ACCORD_CASE_PETITIONER_NAMES, FALSE);
  set_text_factory (self->title_column, ACCORD_CASE_TITLE, FALSE);
}

static void
setup_model (AccordWindow *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  /* Autoselect is turned off before the model is set, or the first case
   * would already be selected. */
  self->cases = accord_case_list_new (self->store);
  selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_model (selection, G_LIST_MODEL (self->cases));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

static void
restore_window_state (AccordWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
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
  g_settings_apply (self->settings);
}

static void
on_search_changed_cb (AccordWindow   *self,
                      GtkSearchEntry *entry)
{
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search_cb (AccordWindow   *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  apply_search (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_cases_items_changed_cb (AccordWindow *self,
                           guint         position,
                           guint         removed,
                           guint         added,
                           GListModel   *model)
{
  update_view (self);
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

  setup_model (self);
  g_signal_connect_object (self->cases, "items-changed",
                           G_CALLBACK (on_cases_items_changed_cb), self, G_CONNECT_SWAPPED);
  restore_window_state (self);
  update_view (self);
}

static void
accord_window_dispose (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_WINDOW);
  g_clear_object (&self->cases);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accord_window_parent_class)->dispose (object);
}

static void
accord_window_finalize (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  g_free (self->query);

  G_OBJECT_CLASS (accord_window_parent_class)->finalize (object);
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
accord_window_class_init (AccordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = accord_window_constructed;
  object_class->dispose = accord_window_dispose;
  object_class->finalize = accord_window_finalize;
  object_class->get_property = accord_window_get_property;
  object_class->set_property = accord_window_set_property;

  window_class->close_request = accord_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ACCORD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, number_column);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, received_column);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, status_column);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, category_column);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, petitioners_column);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, title_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "window.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "window.search", NULL);
}

static void
accord_window_init (AccordWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  setup_columns (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
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

/* Returns: (transfer none): the list of cases shown, an AccordCaseList */
GListModel *
accord_window_get_case_model (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->cases);
}

/* Sets the search entry's text and applies it at once, without waiting
 * for the entry's typing delay. */
void
accord_window_set_search_text (AccordWindow *self,
                               const char   *text)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  apply_search (self, text);
}
