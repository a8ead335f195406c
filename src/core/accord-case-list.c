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
  /* Counting a million rows takes longer than a frame: with this set, a
   * full first page is shown at once and the rest counted in a thread. */
  gboolean      count_in_thread;
  gboolean      counting;
  GCancellable *count_cancellable;
  /* See accord_case_list_hold_count() */
  gboolean      count_held;
  gboolean      count_pending;
};

enum {
  PROP_0,
  PROP_COUNTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* Counting in a thread ---------------------------------------------------- */

typedef struct
{
  char            *path;
  AccordCaseFilter filter;
} CountRequest;

static void
count_request_free (CountRequest *request)
{
  g_free (request->path);
  g_free ((char *) request->filter.status);
  g_free ((char *) request->filter.category);
  g_free ((char *) request->filter.query);
  g_free (request);
}

/* The store is not shared between threads: the count reads through a
 * connection of its own, which WAL lets read while the window writes. */
static void
count_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  CountRequest *request = data;
  g_autoptr(AccordStore) store = NULL;
  GError *error = NULL;
  gint64 count = -1;

  if ((store = accord_store_open (request->path, &error)) != NULL &&
      accord_store_set_lean (store, &error))
    count = accord_store_count_cases (store, &request->filter, &error);
  if (count < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, (gssize) MIN (count, G_MAXUINT));
}

static void
set_counting (AccordCaseList *self,
              gboolean        counting)
{
  if (self->counting == counting)
    return;
  self->counting = counting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

/* The rows read so far stay; only the length of the list changes. */
static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AccordCaseList) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize count;
  guint old_n;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->count_cancellable);
  count = g_task_propagate_int (G_TASK (result), &error);
  old_n = self->n_items;
  if (count < 0)
    g_debug ("Cannot count cases: %s", error->message);
  else
    self->n_items = (guint) count;
  set_counting (self, FALSE);
  if (self->n_items > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_items - old_n);
  else if (self->n_items < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, old_n - self->n_items, 0);
}

static void
start_count (AccordCaseList *self)
{
  CountRequest *request = g_new0 (CountRequest, 1);
  g_autoptr(GTask) task = NULL;

  self->count_pending = FALSE;
  *request = (CountRequest) { g_strdup (accord_store_get_path (self->store)),
                              { g_strdup (self->status), g_strdup (self->category), g_strdup (self->query),
                                self->overdue_only, self->order } };
  self->count_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->count_cancellable, on_counted_cb, g_object_ref (self));
  g_task_set_task_data (task, request, (GDestroyNotify) count_request_free);
  g_task_run_in_thread (task, count_in_thread);
}

/* Overrides ---------------------------------------------------------------- */

static void
accord_case_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AccordCaseList *self = ACCORD_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_COUNTING:
      g_value_set_boolean (value, self->counting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_case_list_dispose (GObject *object)
{
  AccordCaseList *self = (AccordCaseList *) object;

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
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
  object_class->get_property = accord_case_list_get_property;

  /* TRUE while the list holds its first page and the rest is being
   * counted in a thread (see accord_case_list_new_counting_in_thread()) */
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
 * accord_case_list_new_counting_in_thread:
 *
 * A list for a window: it reads nothing until accord_case_list_set_filter()
 * or accord_case_list_reload(), which then read the first page at once
 * and, when that page is full, count the matching cases in a thread: the
 * list holds the first page until the count is in (see #AccordCaseList:counting).
 */
AccordCaseList *
accord_case_list_new_counting_in_thread (AccordStore *store)
{
  AccordCaseList *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  self = g_object_new (ACCORD_TYPE_CASE_LIST, NULL);
  self->store = g_object_ref (store);
  self->count_in_thread = TRUE;
  return self;
}

/**
 * accord_case_list_hold_count:
 * @hold: %TRUE to keep the count from starting, %FALSE to let it start
 *
 * A window holds the count back until its first frame is out: the
 * first page is all that frame needs.
 */
void
accord_case_list_hold_count (AccordCaseList *self,
                             gboolean        hold)
{
  g_return_if_fail (ACCORD_IS_CASE_LIST (self));

  self->count_held = hold;
  if (!hold && self->count_pending)
    start_count (self);
}

gboolean
accord_case_list_is_counting (AccordCaseList *self)
{
  g_return_val_if_fail (ACCORD_IS_CASE_LIST (self), FALSE);

  return self->counting;
}

/**
 * accord_case_list_reload:
 *
 * Forgets what was read and counts the matching cases again, for example
 * after the database changed.  A list counting in a thread holds its first
 * page meanwhile.
 */
void
accord_case_list_reload (AccordCaseList *self)
{
  g_autoptr(GError) error = NULL;
  AccordCaseFilter filter;
  guint old_n;
  gint64 count;

  g_return_if_fail (ACCORD_IS_CASE_LIST (self));

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  old_n = self->n_items;
  g_hash_table_remove_all (self->pages);

  if (self->count_in_thread)
    {
      GPtrArray *first = load_page (self, 0);
      gboolean full = first->len == PAGE_SIZE;

      self->n_items = first->len;
      self->count_pending = full;
      if (full && !self->count_held)
        start_count (self);
      set_counting (self, full);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
      return;
    }

  filter = current_filter (self);
  count = accord_store_count_cases (self->store, &filter, &error);
  if (count < 0)
    {
      g_debug ("Cannot count cases: %s", error->message);
      count = 0;
    }

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
