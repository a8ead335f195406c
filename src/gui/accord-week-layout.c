/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-week-layout"

#include <math.h>

#include "accord-week-layout.h"

struct _AccordWeekLayout
{
  int             n_days;
  int             first_minute;
  int             last_minute;
  AccordWeekRect  area;
  GArray         *blocks;   /* AccordWeekBlock, by day, start, column */
};

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const AccordWeekBlock *x = a, *y = b;

  if (x->day != y->day)
    return x->day - y->day;
  if (x->start_minute != y->start_minute)
    return x->start_minute - y->start_minute;
  if (x->end_minute != y->end_minute)
    return y->end_minute - x->end_minute;
  return (x->id > y->id) - (x->id < y->id);
}

/* Every block of a cluster is as narrow as the widest moment of it, so
 * that blocks of one cluster line up in columns of equal width. */
static void
close_cluster (GArray *blocks,
               guint   first,
               guint   end,
               guint   n_columns)
{
  for (guint i = first; i < end; i++)
    g_array_index (blocks, AccordWeekBlock, i).n_columns = n_columns;
}

/* The first column whose last block has ended by @start. */
static guint
free_column (GArray *column_ends,
             int     start)
{
  guint c;

  for (c = 0; c < column_ends->len; c++)
    if (g_array_index (column_ends, int, c) <= start)
      break;
  if (c == column_ends->len)
    g_array_set_size (column_ends, c + 1);
  return c;
}

/* Blocks are sorted by day and start; a cluster is a run of blocks that
 * overlap one another transitively.  Within it each block takes the
 * first column free at its start. */
static void
assign_columns (GArray *blocks)
{
  g_autoptr(GArray) column_ends = g_array_new (FALSE, TRUE, sizeof (int));
  guint first = 0;
  int cluster_end = G_MININT, cluster_day = -1;

  for (guint i = 0; i < blocks->len; i++)
    {
      AccordWeekBlock *b = &g_array_index (blocks, AccordWeekBlock, i);

      if (b->day != cluster_day || b->start_minute >= cluster_end)
        {
          close_cluster (blocks, first, i, column_ends->len);
          g_array_set_size (column_ends, 0);
          first = i;
          cluster_day = b->day;
          cluster_end = G_MININT;
        }
      b->column = free_column (column_ends, b->start_minute);
      g_array_index (column_ends, int, b->column) = b->end_minute;
      cluster_end = MAX (cluster_end, b->end_minute);
    }
  close_cluster (blocks, first, blocks->len, column_ends->len);
}

AccordWeekLayout *
accord_week_layout_new (int n_days,
                        int first_minute,
                        int last_minute)
{
  AccordWeekLayout *self;

  g_return_val_if_fail (n_days > 0, NULL);
  g_return_val_if_fail (first_minute < last_minute, NULL);

  self = g_new0 (AccordWeekLayout, 1);
  self->n_days = n_days;
  self->first_minute = first_minute;
  self->last_minute = last_minute;
  self->area = (AccordWeekRect) { 0, 0, n_days, last_minute - first_minute };
  self->blocks = g_array_new (FALSE, TRUE, sizeof (AccordWeekBlock));
  return self;
}

void
accord_week_layout_free (AccordWeekLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->blocks);
  g_free (self);
}

/* Items outside the days shown are left out; an item shorter than a
 * minute still gets a minute so that it can be seen and hit. */
void
accord_week_layout_set_items (AccordWeekLayout     *self,
                              const AccordWeekItem *items,
                              guint                 n_items)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (items != NULL || n_items == 0);

  g_array_set_size (self->blocks, 0);
  for (guint i = 0; i < n_items; i++)
    {
      AccordWeekBlock b = { items[i].id, i, items[i].day, items[i].start_minute,
                            MAX (items[i].end_minute, items[i].start_minute + 1), 0, 1 };

      if (b.day >= 0 && b.day < self->n_days)
        g_array_append_val (self->blocks, b);
    }
  g_array_sort (self->blocks, compare_blocks);
  assign_columns (self->blocks);
}

/* The rectangle the hours and days fill, in the widget's coordinates. */
void
accord_week_layout_set_area (AccordWeekLayout     *self,
                             const AccordWeekRect *area)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (area != NULL);

  self->area = *area;
}

int
accord_week_layout_get_n_days (AccordWeekLayout *self)
{
  return self->n_days;
}

int
accord_week_layout_get_first_minute (AccordWeekLayout *self)
{
  return self->first_minute;
}

int
accord_week_layout_get_last_minute (AccordWeekLayout *self)
{
  return self->last_minute;
}

guint
accord_week_layout_get_n_blocks (AccordWeekLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->blocks->len;
}

const AccordWeekBlock *
accord_week_layout_get_block (AccordWeekLayout *self,
                              guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return &g_array_index (self->blocks, AccordWeekBlock, index);
}

/* Returns: the index of the block of session @id, or -1 */
int
accord_week_layout_find_block (AccordWeekLayout *self,
                               gint64            id)
{
  for (guint i = 0; i < self->blocks->len; i++)
    if (g_array_index (self->blocks, AccordWeekBlock, i).id == id)
      return (int) i;
  return -1;
}

double
accord_week_layout_minute_to_y (AccordWeekLayout *self,
                                int               minute)
{
  double span = self->last_minute - self->first_minute;

  return self->area.y + (minute - self->first_minute) * self->area.height / span;
}

/* The minute at @y, rounded down to a multiple of @step and kept within
 * the hours shown. */
int
accord_week_layout_y_to_minute (AccordWeekLayout *self,
                                double            y,
                                int               step)
{
  double span = self->last_minute - self->first_minute;
  int minute = self->first_minute + (int) floor ((y - self->area.y) * span / self->area.height);

  minute = CLAMP (minute, self->first_minute, self->last_minute);
  if (step > 1)
    minute -= (minute - self->first_minute) % step;
  return minute;
}

double
accord_week_layout_day_to_x (AccordWeekLayout *self,
                             int               day)
{
  return self->area.x + day * self->area.width / self->n_days;
}

/* Returns: the day under @x, or -1 left or right of the days */
int
accord_week_layout_x_to_day (AccordWeekLayout *self,
                             double            x)
{
  double rel = x - self->area.x;

  if (rel < 0 || rel >= self->area.width)
    return -1;
  return MIN ((int) (rel * self->n_days / self->area.width), self->n_days - 1);
}

/* Blocks keep at least the height of a line of text would need a font;
 * the layout knows none, so it keeps only what the hours give, clipped
 * to the hours shown. */
void
accord_week_layout_block_rect (AccordWeekLayout      *self,
                               const AccordWeekBlock *block,
                               AccordWeekRect        *rect)
{
  double day_width = self->area.width / self->n_days;
  double column_width = day_width / block->n_columns;
  int start = CLAMP (block->start_minute, self->first_minute, self->last_minute);
  int end = CLAMP (block->end_minute, self->first_minute, self->last_minute);

  rect->x = accord_week_layout_day_to_x (self, block->day) + block->column * column_width;
  rect->width = column_width;
  rect->y = accord_week_layout_minute_to_y (self, start);
  rect->height = accord_week_layout_minute_to_y (self, end) - rect->y;
}

/* Returns: the index of the block at (@x, @y), or -1 */
int
accord_week_layout_hit (AccordWeekLayout *self,
                        double            x,
                        double            y)
{
  int day = accord_week_layout_x_to_day (self, x);

  for (guint i = 0; day >= 0 && i < self->blocks->len; i++)
    {
      const AccordWeekBlock *b = &g_array_index (self->blocks, AccordWeekBlock, i);
      AccordWeekRect r;

      if (b->day != day)
        continue;
      accord_week_layout_block_rect (self, b, &r);
      if (x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)
        return (int) i;
    }
  return -1;
}

static int
nearest_in_day (AccordWeekLayout *self,
                int               day,
                int               minute)
{
  int best = -1, best_distance = G_MAXINT;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const AccordWeekBlock *b = &g_array_index (self->blocks, AccordWeekBlock, i);
      int distance = ABS (b->start_minute - minute);

      if (b->day == day && distance < best_distance)
        best = (int) i, best_distance = distance;
    }
  return best;
}

/* The block the arrow keys go to from block @index: up and down go to
 * the previous or next session in time, left and right to the session
 * nearest in time on the closest other day that has one.  -1 from
 * nowhere goes to the first block.
 *
 * Returns: a block index, or @index when there is nowhere to go */
int
accord_week_layout_neighbour (AccordWeekLayout *self,
                              int               index,
                              int               dx,
                              int               dy)
{
  const AccordWeekBlock *from;

  g_return_val_if_fail (self != NULL, -1);

  if (self->blocks->len == 0)
    return -1;
  if (index < 0 || index >= (int) self->blocks->len)
    return 0;
  if (dy != 0)
    return CLAMP (index + (dy > 0 ? 1 : -1), 0, (int) self->blocks->len - 1);

  from = &g_array_index (self->blocks, AccordWeekBlock, index);
  for (int day = from->day + dx; dx != 0 && day >= 0 && day < self->n_days; day += dx)
    {
      int found = nearest_in_day (self, day, from->start_minute);

      if (found >= 0)
        return found;
    }
  return index;
}
