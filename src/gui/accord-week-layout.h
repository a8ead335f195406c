/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The geometry of a week (or a day) of sessions, without a display: which
 * column each session takes when sessions overlap, where its block lies,
 * and which time a point of the grid stands for.  The week view computes
 * it once per change of data or size and draws from it every frame. */

typedef struct
{
  gint64 id;             /* the session */
  int    day;            /* 0 .. n_days - 1 */
  int    start_minute;   /* from the day's midnight, local time */
  int    end_minute;
} AccordWeekItem;

typedef struct
{
  gint64 id;
  guint  item;           /* index of the item it was made from */
  int    day;
  int    start_minute;
  int    end_minute;
  guint  column;
  guint  n_columns;      /* of the cluster of overlapping sessions it is in */
} AccordWeekBlock;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} AccordWeekRect;

typedef struct _AccordWeekLayout AccordWeekLayout;

AccordWeekLayout      *accord_week_layout_new          (int                     n_days,
                                                        int                     first_minute,
                                                        int                     last_minute);
void                   accord_week_layout_free         (AccordWeekLayout       *self);
void                   accord_week_layout_set_items    (AccordWeekLayout       *self,
                                                        const AccordWeekItem   *items,
                                                        guint                   n_items);
void                   accord_week_layout_set_area     (AccordWeekLayout       *self,
                                                        const AccordWeekRect   *area);
int                    accord_week_layout_get_n_days   (AccordWeekLayout       *self);
int                    accord_week_layout_get_first_minute (AccordWeekLayout   *self);
int                    accord_week_layout_get_last_minute  (AccordWeekLayout   *self);
guint                  accord_week_layout_get_n_blocks (AccordWeekLayout       *self);
const AccordWeekBlock *accord_week_layout_get_block    (AccordWeekLayout       *self,
                                                        guint                   index);
int                    accord_week_layout_find_block   (AccordWeekLayout       *self,
                                                        gint64                  id);
void                   accord_week_layout_block_rect   (AccordWeekLayout       *self,
                                                        const AccordWeekBlock  *block,
                                                        AccordWeekRect         *rect);
double                 accord_week_layout_minute_to_y  (AccordWeekLayout       *self,
                                                        int                     minute);
int                    accord_week_layout_y_to_minute  (AccordWeekLayout       *self,
                                                        double                  y,
                                                        int                     step);
double                 accord_week_layout_day_to_x     (AccordWeekLayout       *self,
                                                        int                     day);
int                    accord_week_layout_x_to_day     (AccordWeekLayout       *self,
                                                        double                  x);
int                    accord_week_layout_hit          (AccordWeekLayout       *self,
                                                        double                  x,
                                                        double                  y);
int                    accord_week_layout_neighbour    (AccordWeekLayout       *self,
                                                        int                     index,
                                                        int                     dx,
                                                        int                     dy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordWeekLayout, accord_week_layout_free)

G_END_DECLS
