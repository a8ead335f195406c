/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-week-layout"

#include "accord-week-layout.h"

#define FIRST (7 * 60)
#define LAST (21 * 60)

/* 7 days 700 px wide after a 50 px gutter, 14 hours 840 px high after a
 * 30 px header: 100 px a day, 1 px a minute. */
static AccordWeekLayout *
week_layout (void)
{
  AccordWeekLayout *layout = accord_week_layout_new (7, FIRST, LAST);
  AccordWeekRect area = { 50, 30, 700, 840 };

  accord_week_layout_set_area (layout, &area);
  return layout;
}

static const AccordWeekBlock *
block_of (AccordWeekLayout *layout,
          gint64            id)
{
  int index = accord_week_layout_find_block (layout, id);

  g_assert_cmpint (index, >=, 0);
  return accord_week_layout_get_block (layout, (guint) index);
}

static void
test_overlapping_side_by_side (void)
{
  g_autoptr(AccordWeekLayout) layout = week_layout ();
  /* 1 and 2 overlap; 3 overlaps 2 only, and takes 1's column once 1 ended. */
  AccordWeekItem items[] = {
    { 1, 2, 9 * 60, 10 * 60 },
    { 2, 2, 9 * 60 + 30, 11 * 60 },
    { 3, 2, 10 * 60, 10 * 60 + 30 },
  };
  AccordWeekRect r1, r2, r3;

  accord_week_layout_set_items (layout, items, G_N_ELEMENTS (items));
  g_assert_cmpuint (accord_week_layout_get_n_blocks (layout), ==, 3);

  g_assert_cmpuint (block_of (layout, 1)->column, ==, 0);
  g_assert_cmpuint (block_of (layout, 2)->column, ==, 1);
  g_assert_cmpuint (block_of (layout, 3)->column, ==, 0);
  for (gint64 id = 1; id <= 3; id++)
    g_assert_cmpuint (block_of (layout, id)->n_columns, ==, 2);

  accord_week_layout_block_rect (layout, block_of (layout, 1), &r1);
  accord_week_layout_block_rect (layout, block_of (layout, 2), &r2);
  accord_week_layout_block_rect (layout, block_of (layout, 3), &r3);
  g_assert_cmpfloat_with_epsilon (r1.x, 250, 1e-9);
  g_assert_cmpfloat_with_epsilon (r1.width, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (r2.x, 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (r2.width, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (r3.x, r1.x, 1e-9);
  /* side by side: they do not overlap on screen */
  g_assert_cmpfloat (r1.x + r1.width, <=, r2.x);
}

static void
test_separate_share_full_width (void)
{
  g_autoptr(AccordWeekLayout) layout = week_layout ();
  AccordWeekItem items[] = {
    { 10, 0, 9 * 60, 10 * 60 },
    { 11, 0, 10 * 60, 11 * 60 },        /* starts as 10 ends: no overlap */
    { 12, 1, 9 * 60 + 30, 10 * 60 },    /* same hours, another day */
  };
  AccordWeekRect r;

  accord_week_layout_set_items (layout, items, G_N_ELEMENTS (items));
  for (gint64 id = 10; id <= 12; id++)
    {
      const AccordWeekBlock *b = block_of (layout, id);

      g_assert_cmpuint (b->column, ==, 0);
      g_assert_cmpuint (b->n_columns, ==, 1);
      accord_week_layout_block_rect (layout, b, &r);
      g_assert_cmpfloat_with_epsilon (r.width, 100, 1e-9);
      g_assert_cmpfloat_with_epsilon (r.x, 50 + 100 * b->day, 1e-9);
    }

  accord_week_layout_block_rect (layout, block_of (layout, 11), &r);
  g_assert_cmpfloat_with_epsilon (r.y, 30 + 3 * 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.height, 60, 1e-9);
}

static void
test_days_outside_are_dropped (void)
{
  g_autoptr(AccordWeekLayout) layout = week_layout ();
  AccordWeekItem items[] = {
    { 1, -1, 9 * 60, 10 * 60 },
    { 2, 7, 9 * 60, 10 * 60 },
    { 3, 6, 6 * 60, 8 * 60 },   /* starts before the hours shown: clipped */
  };
  AccordWeekRect r;

  accord_week_layout_set_items (layout, items, G_N_ELEMENTS (items));
  g_assert_cmpuint (accord_week_layout_get_n_blocks (layout), ==, 1);
  accord_week_layout_block_rect (layout, block_of (layout, 3), &r);
  g_assert_cmpfloat_with_epsilon (r.y, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.height, 60, 1e-9);
}

static void
test_time_and_y (void)
{
  g_autoptr(AccordWeekLayout) layout = week_layout ();

  g_assert_cmpfloat_with_epsilon (accord_week_layout_minute_to_y (layout, FIRST), 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (accord_week_layout_minute_to_y (layout, LAST), 870, 1e-9);
  g_assert_cmpfloat_with_epsilon (accord_week_layout_minute_to_y (layout, 12 * 60), 330, 1e-9);

  g_assert_cmpint (accord_week_layout_y_to_minute (layout, 330, 1), ==, 12 * 60);
  g_assert_cmpint (accord_week_layout_y_to_minute (layout, 330 + 29, 30), ==, 12 * 60);
  g_assert_cmpint (accord_week_layout_y_to_minute (layout, 330 + 31, 30), ==, 12 * 60 + 30);
  g_assert_cmpint (accord_week_layout_y_to_minute (layout, 0, 15), ==, FIRST);
  g_assert_cmpint (accord_week_layout_y_to_minute (layout, 5000, 15), ==, LAST);

  /* round trip at every quarter hour */
  for (int m = FIRST; m <= LAST; m += 15)
    g_assert_cmpint (accord_week_layout_y_to_minute (layout, accord_week_layout_minute_to_y (layout, m), 15), ==, m);

  g_assert_cmpint (accord_week_layout_x_to_day (layout, 49), ==, -1);
  g_assert_cmpint (accord_week_layout_x_to_day (layout, 50), ==, 0);
  g_assert_cmpint (accord_week_layout_x_to_day (layout, 349.5), ==, 2);
  g_assert_cmpint (accord_week_layout_x_to_day (layout, 749), ==, 6);
  g_assert_cmpint (accord_week_layout_x_to_day (layout, 750), ==, -1);
  g_assert_cmpfloat_with_epsilon (accord_week_layout_day_to_x (layout, 3), 350, 1e-9);
}

static void
test_hit_and_neighbours (void)
{
  g_autoptr(AccordWeekLayout) layout = week_layout ();
  AccordWeekItem items[] = {
    { 1, 0, 9 * 60, 10 * 60 },
    { 2, 0, 9 * 60, 10 * 60 },
    { 3, 0, 14 * 60, 15 * 60 },
    { 4, 3, 14 * 60, 15 * 60 },
  };
  int first;

  accord_week_layout_set_items (layout, items, G_N_ELEMENTS (items));
  /* 1 and 2 are side by side in day 0 (x 50..150), 9:00 is y 150 */
  g_assert_cmpint (accord_week_layout_get_block (layout, accord_week_layout_hit (layout, 60, 160))->id, ==, 1);
  g_assert_cmpint (accord_week_layout_get_block (layout, accord_week_layout_hit (layout, 140, 160))->id, ==, 2);
  g_assert_cmpint (accord_week_layout_hit (layout, 60, 300), ==, -1);
  g_assert_cmpint (accord_week_layout_hit (layout, 20, 160), ==, -1);

  first = accord_week_layout_neighbour (layout, -1, 0, 1);
  g_assert_cmpint (accord_week_layout_get_block (layout, first)->id, ==, 1);
  g_assert_cmpint (accord_week_layout_get_block (layout, accord_week_layout_neighbour (layout, first, 0, 1))->id, ==, 2);
  /* right from day 0 skips the empty days to day 3 */
  g_assert_cmpint (accord_week_layout_get_block (layout, accord_week_layout_neighbour (layout, first, 1, 0))->id, ==, 4);
  /* nowhere to go left */
  g_assert_cmpint (accord_week_layout_neighbour (layout, first, -1, 0), ==, first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/week-layout/overlapping-side-by-side", test_overlapping_side_by_side);
  g_test_add_func ("/week-layout/separate-share-full-width", test_separate_share_full_width);
  g_test_add_func ("/week-layout/days-outside-dropped", test_days_outside_are_dropped);
  g_test_add_func ("/week-layout/time-and-y", test_time_and_y);
  g_test_add_func ("/week-layout/hit-and-neighbours", test_hit_and_neighbours);

  return g_test_run ();
}
