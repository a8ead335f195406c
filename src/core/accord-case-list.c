/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-case-list"

#include "accord-case-list.h"

#define PAGE_SIZE 100
#define MAX_PAGES 50

struct _AccordCaseList
{
  GObject      parent_instance;
  AccordStore *store;
  char        *status;
  char        *category;
  char        *query;
  gboolean     overdue_only;
  AccordCaseOrder order;
  guint        n_items;
  /* page number -> GPtrArray of AccordCase */
  GHashTable  *pages;
};

static void accord_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordCaseList, accord_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, accord_case_list_model_init))

static AccordCaseFilter
current_filter (AccordCaseList *self)
{
  return (AccordCaseFilter) { self->status, self->category, self->query, self->overdue_only, self->order };
}

/* The last id of the page before lets the store seek by key instead of
 * skipping rows, so scrolling stays fast however deep it goes. */
static GPtrArray *
load_page (AccordCaseList *self,
           guint           page)
{
  g_autoptr(GError) error = NULL;
  AccordCaseFilter filter = current_filter (self);
  GPtrArray *previous = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page - 1));
  GPtrArray *rows;

  if (page > 0 && previous != NULL && previous->len == PAGE_SIZE)
    rows = accord_store_list_cases_after (self->store, &filter, g_ptr_array_index (previous, PAGE_SIZE - 1),
                                          PAGE_SIZE, &error);
  else
    rows = accord_store_list_cases (self->store, &filter, 0, (gint64) page * PAGE_SIZE,
                                    PAGE_SIZE, &error);

  if (rows == NULL)
    {
      g_debug ("Cannot read cases: %s", error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  if (g_hash_table_size (self->pages) >= MAX_PAGES)
    g_hash_table_remove_all (self->pages);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  return rows;
}

static GType
accord_case_list_get_item_type (GListModel *model)
{
  return ACCORD_TYPE_CASE;
}

static guint
accord_case_list_get_n_items (GListModel *model)
{
  return ACCORD_CASE_LIST (model)->n_items;
}

static gpointer
accord_case_list_get_item (GListModel *model,
                           guint       position)
{
  AccordCaseList *self = ACCORD_CASE_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    rows = load_page (self, page);

  if (position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
accord_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = accord_case_list_get_item_type;
  iface->get_n_items = accord_case_list_get_n_items;
  iface->get_item = accord_case_list_get_item;
}

static void
accord_case_list_dispose (GObject *object)
{
  AccordCaseList *self = (AccordCaseList *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (accord_case_list_parent_class)->dispose (object);
}

static void
accord_case_list_finalize (GObject *object)
{
  AccordCaseList *self = (AccordCaseList *) object;

  g_free (self->status);
  g_free (self->category);
  g_free (self->query);

  G_OBJECT_CLASS (accord_case_list_parent_class)->finalize (object);
}

static void
accord_case_list_class_init (AccordCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_case_list_dispose;
  object_class->finalize = accord_case_list_finalize;
}

static void
accord_case_list_init (AccordCaseList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

AccordCaseList *
accord_case_list_new (AccordStore *store)
{
  AccordCaseList *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  self = g_object_new (ACCORD_TYPE_CASE_LIST, NULL);
  self->store = g_object_ref (store);
  accord_case_list_reload (self);
  return self;
}

/**
 * accord_case_list_reload:
 *
 * Forgets what was read and counts the matching cases again, for example
 * after the database changed.
 */
void
accord_case_list_reload (AccordCaseList *self)
{
  g_autoptr(GError) error = NULL;
  AccordCaseFilter filter;
  guint old_n;
  gint64 count;

  g_return_if_fail (ACCORD_IS_CASE_LIST (self));

  filter = current_filter (self);
  old_n = self->n_items;
  count = accord_store_count_cases (self->store, &filter, &error);
  if (count < 0)
    {
      g_debug ("Cannot count cases: %s", error->message);
      count = 0;
    }

  g_hash_table_remove_all (self->pages);
  self->n_items = (guint) MIN (count, G_MAXUINT);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

void
accord_case_list_set_filter (AccordCaseList         *self,
                             const AccordCaseFilter *filter)
{
  g_return_if_fail (ACCORD_IS_CASE_LIST (self));

  g_free (self->status);
  g_free (self->category);
  g_free (self->query);
  self->status = filter ? g_strdup (filter->status) : NULL;
  self->category = filter ? g_strdup (filter->category) : NULL;
  self->query = filter && filter->query && *filter->query ? g_strdup (filter->query) : NULL;
  self->overdue_only = filter ? filter->overdue_only : FALSE;
  self->order = filter ? filter->order : ACCORD_CASE_ORDER_REGISTERED;

  accord_case_list_reload (self);
}
