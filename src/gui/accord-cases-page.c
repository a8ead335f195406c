/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cases-page"

#include <glib/gi18n.h>

#include "accord-case-list.h"
#include "accord-enums.h"
#include "accord-validate.h"
#include "accord-cases-page.h"

struct _AccordCasesPage
{
  AdwBin                parent_instance;

  AccordStore          *store;
  AccordCaseList       *cases;
  char                 *query;

  /* Template widgets */
  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *number_column;
  GtkColumnViewColumn  *received_column;
  GtkColumnViewColumn  *status_column;
  GtkColumnViewColumn  *category_column;
  GtkColumnViewColumn  *petitioners_column;
  GtkColumnViewColumn  *title_column;
};

G_DEFINE_FINAL_TYPE (AccordCasesPage, accord_cases_page, ADW_TYPE_BIN)

static void
update_view (AccordCasesPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  const char *page;

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
apply_search (AccordCasesPage *self,
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
setup_columns (AccordCasesPage *self)
{
  set_text_factory (self->number_column, ACCORD_CASE_NUMBER, TRUE);
  set_text_factory (self->received_column, ACCORD_CASE_RECEIVED_ON, TRUE);
  set_status_factory (self->status_column);
  set_text_factory (self->category_column, ACCORD_CASE_CATEGORY, FALSE);
  set_text_factory (self->petitioners_column, ACCORD_CASE_PETITIONER_NAMES, FALSE);
  set_text_factory (self->title_column, ACCORD_CASE_TITLE, FALSE);
}

static void
setup_model (AccordCasesPage *self)
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

  /* AdwBin owns its child: let go of it before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_CASES_PAGE);
  g_clear_object (&self->cases);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_cases_page_parent_class)->dispose (object);
}

static void
accord_cases_page_finalize (GObject *object)
{
  AccordCasesPage *self = ACCORD_CASES_PAGE (object);

  g_free (self->query);

  G_OBJECT_CLASS (accord_cases_page_parent_class)->finalize (object);
}

static void
accord_cases_page_class_init (AccordCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_cases_page_dispose;
  object_class->finalize = accord_cases_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-cases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, number_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, received_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, category_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, petitioners_column);
  gtk_widget_class_bind_template_child (widget_class, AccordCasesPage, title_column);
}

static void
accord_cases_page_init (AccordCasesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_columns (self);
}

void
accord_cases_page_set_store (AccordCasesPage *self,
                             AccordStore     *store)
{
  g_return_if_fail (ACCORD_IS_CASES_PAGE (self));
  g_return_if_fail (ACCORD_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  setup_model (self);
  g_signal_connect_object (self->cases, "items-changed",
                           G_CALLBACK (on_cases_items_changed_cb), self, G_CONNECT_SWAPPED);
  update_view (self);
}

/* Something changed elsewhere (a new case, a transition): read again. */
void
accord_cases_page_reload (AccordCasesPage *self)
{
  AccordCaseFilter filter = { .query = self->query };

  g_return_if_fail (ACCORD_IS_CASES_PAGE (self));

  accord_case_list_set_filter (self->cases, &filter);
  update_view (self);
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

void
accord_cases_page_new_case (AccordCasesPage *self)
{
  g_return_if_fail (ACCORD_IS_CASES_PAGE (self));
}

void
accord_cases_page_show_case (AccordCasesPage *self,
                             const char      *number)
{
  g_return_if_fail (ACCORD_IS_CASES_PAGE (self));
  g_return_if_fail (number != NULL);

  apply_search (self, number);
}
