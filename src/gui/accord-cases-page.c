/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cases-page"

#include <glib/gi18n.h>

#include "accord-case-editor.h"
#include "accord-case-list.h"
#include "accord-case-view.h"
#include "accord-cases-page.h"
#include "accord-deadlines.h"
#include "accord-enums.h"
#include "accord-validate.h"
#include "accord-window.h"

struct _AccordCasesPage
{
  AdwBin                parent_instance;

  AccordStore          *store;
  AccordCaseList       *cases;
  /* What the view shows of the cases: after a search only the first rows,
   * the rest once that frame is out (see apply_filter). */
  GtkSliceListModel    *shown;
  guint                 grow_id;
  guint                 first_frame_tick;
  gboolean              first_frame_begun;
  char                 *query;
  char                 *sort_order;
  char                 *today;
  int                   due_soon_days;
  /* Two cases only the header sorters compare, to learn which column
   * the coordinator sorted by and which way (see read_header_sort). */
  AccordCase           *probe_a;
  AccordCase           *probe_b;
  const char           *probed;
  gboolean              syncing_headers;

  /* Template widgets */
  GtkStack             *pages;
  GtkStack             *stack;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *category_dropdown;
  GtkToggleButton      *overdue_button;
  GtkLabel             *count_label;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *number_column;
  GtkColumnViewColumn  *received_column;
  GtkColumnViewColumn  *title_column;
  GtkColumnViewColumn  *petitioners_column;
  GtkColumnViewColumn  *category_column;
  GtkColumnViewColumn  *status_column;
  GtkColumnViewColumn  *due_column;
  AccordCaseView       *case_view;
};

enum {
  PROP_0,
  PROP_SORT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_list (AccordCasesPage *self);

G_DEFINE_FINAL_TYPE (AccordCasesPage, accord_cases_page, ADW_TYPE_BIN)

/* The sort orders the menu and the column headers offer. */
static const struct
{
  const char      *code;
  AccordCaseOrder  order;
} sort_orders[] = {
  { "newest", ACCORD_CASE_ORDER_NEWEST },
  { "oldest", ACCORD_CASE_ORDER_OLDEST },
  { "due", ACCORD_CASE_ORDER_NEXT_DUE },
};

static AccordCaseOrder
current_order (AccordCasesPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    if (g_strcmp0 (self->sort_order, sort_orders[i].code) == 0)
      return sort_orders[i].order;

  return ACCORD_CASE_ORDER_NEWEST;
}

/* The code of the dropdown's choice; the first item means "any". */
static const char *
selected_code (GtkDropDown        *dropdown,
               const char * const *codes)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || codes == NULL)
    return NULL;
  return codes[selected - 1];
}

static gboolean
has_filters (AccordCasesPage *self)
{
  return self->query != NULL || gtk_drop_down_get_selected (self->status_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->category_dropdown) > 0 ||
         gtk_toggle_button_get_active (self->overdue_button);
}

static void
update_view (AccordCasesPage *self)
{
  guint n_items = self->cases != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->cases)) : 0;
  g_autofree char *count = NULL;
  const char *page;

  /* A full first page is on screen while the rest is counted. */
  if (self->cases != NULL && accord_case_list_is_counting (self->cases))
    count = g_strdup (_("Counting cases…"));
  else
    count = g_strdup_printf (ngettext ("%u case", "%u cases", n_items), n_items);

  if (n_items > 0)
    page = "cases";
  else if (has_filters (self))
    page = "no-results";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_label_set_text (self->count_label, count);
}

#define FIRST_ROWS 40

static gboolean
show_all_rows_cb (gpointer data)
{
  AccordCasesPage *self = data;

  self->grow_id = 0;
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

static gboolean on_first_frame_tick_cb (GtkWidget     *widget,
                                        GdkFrameClock *clock,
                                        gpointer       user_data);

/* The first page is all the next frame shows: the count of the rest, in
 * a thread, waits until that frame is out rather than compete with it. */
static void
hold_count_for_a_frame (AccordCasesPage *self)
{
  accord_case_list_hold_count (self->cases, TRUE);
  self->first_frame_begun = FALSE;
  if (self->first_frame_tick == 0)
    self->first_frame_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_first_frame_tick_cb, NULL, NULL);
}

/* One store query for the search, the filters and the order together. */
static void
apply_filter (AccordCasesPage *self)
{
  AccordCaseFilter filter = {
    .status = selected_code (self->status_dropdown, accord_vocab_codes (ACCORD_VOCAB_CASE_STATUS)),
    .category = selected_code (self->category_dropdown, accord_default_categories ()),
    .query = self->query,
    .overdue_only = gtk_toggle_button_get_active (self->overdue_button),
    .order = current_order (self),
  };
  GtkSingleSelection *selection;

  if (self->cases == NULL)
    return;
  /* The view is detached while the list is replaced: otherwise GTK looks
   * for the rows it showed among every new row, reading all million of
   * them, because a new search gives new objects.  GTK 4.8 then builds
   * the 200 rows it keeps around the top at once; showing a screenful
   * first and the rest after that frame puts the result on screen in
   * a fraction of the time. */
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->column_view));
  gtk_single_selection_set_model (selection, NULL);
  hold_count_for_a_frame (self);
  accord_case_list_set_filter (self->cases, &filter);
  gtk_slice_list_model_set_size (self->shown, FIRST_ROWS);
  gtk_single_selection_set_model (selection, G_LIST_MODEL (self->shown));
  if (self->grow_id == 0)
    self->grow_id = g_idle_add_full (G_PRIORITY_LOW, show_all_rows_cb, self, NULL);
  update_view (self);
}

/* Called as each frame begins: the second time, the first frame is out
 * and the cases may be counted. */
static gboolean
on_first_frame_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  AccordCasesPage *self = ACCORD_CASES_PAGE (widget);

  if (!self->first_frame_begun)
    {
      self->first_frame_begun = TRUE;
      return G_SOURCE_CONTINUE;
    }
  self->first_frame_tick = 0;
  accord_case_list_hold_count (self->cases, FALSE);
  return G_SOURCE_REMOVE;
}

/* Blank queries count as no search so that the empty state stays "No Cases". */
static void
apply_search (AccordCasesPage *self,
              const char      *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *query = NULL;

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
  apply_filter (self);

  /* Typing a search while a case is open means looking for another one. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "case") == 0)
    show_list (self);
}

/* Cells --------------------------------------------------------------- */

/* Cells hold widgets made once in setup; bind only changes their text,
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

static GtkWidget *
new_badge (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "status-badge");
  return label;
}

static void
on_status_cell_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  gtk_list_item_set_child (item, new_badge ());
}

static void
on_status_cell_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  AccordCase *c = gtk_list_item_get_item (item);

  accord_case_view_set_status_badge (GTK_LABEL (gtk_list_item_get_child (item)),
                                     c != NULL ? accord_case_get_status (c) : NULL);
}

static void
on_due_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *step = gtk_label_new (NULL);

  /* The date first: its width never changes, so the badges line up. */
  gtk_widget_add_css_class (date, "numeric");
  gtk_label_set_xalign (GTK_LABEL (step), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (step), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), new_badge ());
  gtk_box_append (GTK_BOX (box), step);
  gtk_list_item_set_child (item, box);
}

static void
on_due_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AccordCasesPage          *self)
{
  AccordCase *c = gtk_list_item_get_item (item);
  GtkWidget *date = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *badge = gtk_widget_get_next_sibling (date);
  GtkWidget *step = gtk_widget_get_next_sibling (badge);
  const char *due = c != NULL ? accord_case_get_text (c, ACCORD_CASE_NEXT_DUE) : NULL;
  const char *code = c != NULL ? accord_case_get_text (c, ACCORD_CASE_NEXT_STEP) : NULL;
  const char *label = code != NULL ? accord_deadline_step_label (code) : NULL;

  accord_case_view_set_due_badge (GTK_LABEL (badge), accord_case_due_state (due, self->today, self->due_soon_days));
  gtk_label_set_text (GTK_LABEL (date), due != NULL ? due : "");
  gtk_label_set_text (GTK_LABEL (step), label != NULL ? label : "");
  gtk_widget_set_tooltip_text (step, label);
}

static void
set_factory (GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind,
             gpointer             setup_data,
             gpointer             bind_data)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, setup_data);
  g_signal_connect (factory, "bind", bind, bind_data);
  gtk_column_view_column_set_factory (column, factory);
}

static void
set_text_factory (GtkColumnViewColumn *column,
                  AccordCaseText       field,
                  gboolean             numeric)
{
  set_factory (column, G_CALLBACK (on_text_cell_setup_cb), G_CALLBACK (on_text_cell_bind_cb),
               GUINT_TO_POINTER (numeric), GUINT_TO_POINTER (field));
}

static void
setup_columns (AccordCasesPage *self)
{
  set_text_factory (self->number_column, ACCORD_CASE_NUMBER, TRUE);
  set_text_factory (self->received_column, ACCORD_CASE_RECEIVED_ON, TRUE);
  set_text_factory (self->title_column, ACCORD_CASE_TITLE, FALSE);
  set_text_factory (self->petitioners_column, ACCORD_CASE_PETITIONER_NAMES, FALSE);
  set_text_factory (self->category_column, ACCORD_CASE_CATEGORY, FALSE);
  set_factory (self->status_column, G_CALLBACK (on_status_cell_setup_cb), G_CALLBACK (on_status_cell_bind_cb),
               NULL, NULL);
  set_factory (self->due_column, G_CALLBACK (on_due_cell_setup_cb), G_CALLBACK (on_due_cell_bind_cb),
               NULL, self);
}

/* Sorting ------------------------------------------------------------- */

/* A column view sorts a model it owns; ours is the store's, a million
 * rows read by key, so a header click changes the store's order instead.
 * GTK 4.8 does not say which column is sorted: each sortable column gets
 * a sorter that only notes that it was asked, and comparing two probes
 * through the view's sorter asks the primary column first. */
static int
on_probe_received_cb (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  ((AccordCasesPage *) user_data)->probed = "received";
  return -1;
}

static int
on_probe_due_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ((AccordCasesPage *) user_data)->probed = "due";
  return -1;
}

static const char *
read_header_sort (AccordCasesPage *self,
                  gboolean        *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  int result;

  self->probed = NULL;
  result = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  *descending = result > 0;
  return self->probed;
}

static void
show_order_in_headers (AccordCasesPage *self)
{
  AccordCaseOrder order = current_order (self);

  self->syncing_headers = TRUE;
  if (order == ACCORD_CASE_ORDER_NEXT_DUE)
    gtk_column_view_sort_by_column (self->column_view, self->due_column, GTK_SORT_ASCENDING);
  else
    gtk_column_view_sort_by_column (self->column_view, self->received_column,
                                    order == ACCORD_CASE_ORDER_OLDEST ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
  self->syncing_headers = FALSE;
}

static void
set_sort_order (AccordCasesPage *self,
                const char      *code)
{
  if (g_strcmp0 (code, self->sort_order) == 0)
    return;

  g_free (self->sort_order);
  self->sort_order = g_strdup (code);
  show_order_in_headers (self);
  apply_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
}

static void
on_header_sort_changed_cb (AccordCasesPage *self,
                           GtkSorterChange  change,
                           GtkSorter       *sorter)
{
  gboolean descending = FALSE;
  const char *column;

  if (self->syncing_headers)
    return;

  column = read_header_sort (self, &descending);
  /* The deadline column sorts one way only: soonest first. */
  if (g_strcmp0 (column, "due") == 0)
    set_sort_order (self, "due");
  else
    set_sort_order (self, column != NULL && !descending ? "oldest" : "newest");
  show_order_in_headers (self);
}

static void
setup_sorting (AccordCasesPage *self)
{
  g_autoptr(GtkSorter) received = GTK_SORTER (gtk_custom_sorter_new (on_probe_received_cb, self, NULL));
  g_autoptr(GtkSorter) due = GTK_SORTER (gtk_custom_sorter_new (on_probe_due_cb, self, NULL));

  self->probe_a = accord_case_new ();
  self->probe_b = accord_case_new ();
  gtk_column_view_column_set_sorter (self->received_column, received);
  gtk_column_view_column_set_sorter (self->due_column, due);
  show_order_in_headers (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_header_sort_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Filters ------------------------------------------------------------- */

static void
fill_dropdown (GtkDropDown        *dropdown,
               const char         *any,
               AccordVocab         vocab,
               const char * const *codes)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, any);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (strings, vocab < ACCORD_N_VOCABS ? accord_vocab_label (vocab, codes[i]) : codes[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
}

static void
setup_filters (AccordCasesPage *self)
{
  fill_dropdown (self->status_dropdown, _("All Statuses"), ACCORD_VOCAB_CASE_STATUS,
                 accord_vocab_codes (ACCORD_VOCAB_CASE_STATUS));
  fill_dropdown (self->category_dropdown, _("All Categories"), ACCORD_N_VOCABS, accord_default_categories ());
}

static void
on_filter_changed_cb (AccordCasesPage *self)
{
  apply_filter (self);
}

/* Overdue cases are worked through most overdue first. */
static void
on_overdue_toggled_cb (AccordCasesPage *self)
{
  if (gtk_toggle_button_get_active (self->overdue_button) && current_order (self) != ACCORD_CASE_ORDER_NEXT_DUE)
    set_sort_order (self, "due");
  else
    apply_filter (self);
}

/* The case page -------------------------------------------------------- */

static void
update_actions (AccordCasesPage *self)
{
  gboolean showing_case = g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "case") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.back", showing_case);
}

static void
show_list (AccordCasesPage *self)
{
  gtk_stack_set_visible_child_name (self->pages, "list");
  update_actions (self);
}

static void
go_back (AccordCasesPage *self)
{
  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_case_view_back_cb (AccordCasesPage *self)
{
  go_back (self);
}

static void
on_row_activated_cb (AccordCasesPage *self,
                     guint            position,
                     GtkColumnView   *view)
{
  g_autoptr(AccordCase) c = g_list_model_get_item (G_LIST_MODEL (self->cases), position);

  if (c != NULL)
    accord_cases_page_show_case (self, accord_case_get_number (c));
}

static void
on_editor_saved_cb (AccordCasesPage  *self,
                    const char       *number,
                    AccordCaseEditor *editor)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));

  if (window != NULL)
    accord_window_data_changed (window);
  else
    accord_cases_page_reload (self);
  accord_cases_page_show_case (self, number);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go_back (ACCORD_CASES_PAGE (widget));
}

/* Overrides ------------------------------------------------------------ */

static void
on_cases_items_changed_cb (AccordCasesPage *self,
                           guint            position,
                           guint            removed,
                           guint            added,
                           GListModel      *model)
{
  update_view (self);
}

static void
accord_cases_page_dispose (GObject *object)
{
  AccordCasesPage *self = ACCORD_CASES_PAGE (object);

  /* Columns leaving the view change its sorter: nothing to sort by then. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  /* AdwBin owns its child: let go of it before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_CASES_PAGE);
  g_clear_handle_id (&self->grow_id, g_source_remove);
  if (self->first_frame_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->first_frame_tick);
  self->first_frame_tick = 0;
  g_clear_object (&self->shown);
  g_clear_object (&self->cases);
  g_clear_object (&self->store);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (accord_cases_page_parent_class)->dispose (object);
}

static void
accord_cases_page_finalize (GObject *object)
{
  AccordCasesPage *self = ACCORD_CASES_PAGE (object);

  g_free (self->query);
  g_free (self->sort_order);
  g_free (self->today);

  G_OBJECT_CLASS (accord_cases_page_parent_class)->finalize (object);
}

static void
accord_cases_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordCasesPage *self = ACCORD_CASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT_ORDER:
      g_value_set_string (value, self->sort_order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_cases_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AccordCasesPage *self = ACCORD_CASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT_ORDER:
      set_sort_order (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_cases_page_class_init (AccordCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_cases_page_dispose;
  object_class->finalize = accord_cases_page_finalize;
  object_class->get_property = accord_cases_page_get_property;
  object_class->set_property = accord_cases_page_set_property;

  /* "newest", "oldest" or "due" */
  properties[PROP_SORT_ORDER] =
    g_param_spec_string ("sort-order", NULL, NULL, "newest",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORD_TYPE_CASE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-cases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, pages);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, number_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, received_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, petitioners_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, category_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, case_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_case_view_back_cb);

  gtk_widget_class_install_property_action (widget_class, "cases.sort", "sort-order");
  gtk_widget_class_install_action (widget_class, "cases.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "cases.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "cases.back", NULL);
}

static void
accord_cases_page_init (AccordCasesPage *self)
{
  self->sort_order = g_strdup ("newest");
  self->due_soon_days = 3;

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_columns (self);
  setup_filters (self);
  setup_sorting (self);
  update_actions (self);
}

/* Public API ------------------------------------------------------------- */

void
accord_cases_page_set_store (AccordCasesPage *self,
                             AccordStore     *store)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_if_fail (ACCORD_IS_CASES_PAGE (self));
  g_return_if_fail (ACCORD_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->today = accord_store_today (store);
  self->due_soon_days = accord_store_due_soon_days (store);
  accord_case_view_set_store (self->case_view, store);

  /* Autoselect is turned off before the model is set, or the first case
   * would already be selected. */
  self->cases = accord_case_list_new_counting_in_thread (self->store);
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->cases)), 0, G_MAXUINT);
  selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_model (selection, G_LIST_MODEL (self->shown));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->cases, "items-changed",
                           G_CALLBACK (on_cases_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cases, "notify::counting",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  apply_filter (self);
}

/* Something changed elsewhere (a new case, a transition): read again. */
void
accord_cases_page_reload (AccordCasesPage *self)
{
  g_return_if_fail (ACCORD_IS_CASES_PAGE (self));

  if (self->store == NULL)
    return;

  /* The day may have turned, or the margin changed in the preferences. */
  g_free (self->today);
  self->today = accord_store_today (self->store);
  self->due_soon_days = accord_store_due_soon_days (self->store);
  apply_filter (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "case") == 0)
    accord_case_view_reload (self->case_view);
}

void
accord_cases_page_set_search (AccordCasesPage *self,
                              const char      *text)
{
  g_return_if_fail (ACCORD_IS_CASES_PAGE (self));

  apply_search (self, text);
}

/* Returns: (transfer none): the list of cases shown, an AccordCaseList */
GListModel *
accord_cases_page_get_model (AccordCasesPage *self)
{
  g_return_val_if_fail (ACCORD_IS_CASES_PAGE (self), NULL);

  return G_LIST_MODEL (self->cases);
}

/* Opens the form for a new case; once it is saved, the case's page. */
void
accord_cases_page_new_case (AccordCasesPage *self)
{
  AccordCaseEditor *editor;
  GtkRoot *root;

  g_return_if_fail (ACCORD_IS_CASES_PAGE (self));
  g_return_if_fail (self->store != NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = accord_case_editor_new (self->store, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Shows the page of a case, for example from a reminder's "Open". */
void
accord_cases_page_show_case (AccordCasesPage *self,
                             const char      *number)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ACCORD_IS_CASES_PAGE (self));
  g_return_if_fail (number != NULL);

  if (!accord_case_view_show (self->case_view, number, &error))
    {
      AccordWindow *window = accord_window_of (GTK_WIDGET (self));

      if (window != NULL)
        accord_window_show_error (window, _("Could Not Open the Case"), error);
      return;
    }
  gtk_stack_set_visible_child_name (self->pages, "case");
  update_actions (self);
}

/* Returns: (nullable): the number of the case shown, %NULL while the list is */
const char *
accord_cases_page_get_shown_case (AccordCasesPage *self)
{
  g_return_val_if_fail (ACCORD_IS_CASES_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "case") != 0)
    return NULL;
  return accord_case_view_get_number (self->case_view);
}
