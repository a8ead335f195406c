/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-week-view"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-week-layout.h"
#include "accord-week-view.h"

/* The week (or a day) drawn as a grid: days across, hours down, each
 * session a block coloured by its kind.  The layout and the text of the
 * blocks are made once per change of data or size; a frame only draws. */

#define FIRST_MINUTE (7 * 60)
#define LAST_MINUTE (21 * 60)
#define HEADER_HEIGHT 44
#define GUTTER_WIDTH 56
#define MIN_HOUR_HEIGHT 36
#define SNAP_MINUTES 15
#define BLOCK_PADDING 4
/* Narrower or lower blocks show their text in the tooltip only. */
#define MIN_TEXT_WIDTH 28
#define MIN_TEXT_HEIGHT 12
/* From this many blocks on, the blocks are drawn once into a texture per
 * change of data or size, and a frame draws that texture: a week of tens
 * of thousands of sessions takes a renderer longer than a frame to fill
 * block by block, and a drag redraws on every move. */
#define CACHE_MIN_BLOCKS 1000

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,   /* pressed, not yet moved past the threshold */
  DRAG_MOVE,
  DRAG_CREATE,
} DragMode;

struct _AccordWeekView
{
  GtkWidget            parent_instance;

  GDate                first_day;
  int                  n_days;
  GTimeZone           *time_zone;
  AccordCalendar      *calendar;
  GPtrArray           *sessions;     /* AccordSession */
  GHashTable          *conflicts;    /* session id -> message */
  AccordWeekLayout    *layout;
  GPtrArray           *block_text;   /* PangoLayout or NULL, one per block */
  GPtrArray           *day_text;     /* PangoLayout, one per day */
  GPtrArray           *hour_text;    /* PangoLayout, one per hour */
  int                  laid_out_width;
  int                  laid_out_height;
  /* The blocks drawn once, see CACHE_MIN_BLOCKS; the texture is made
   * from the image for renderers other than cairo. */
  cairo_surface_t     *blocks_image;
  GdkTexture          *blocks_texture;
  int                  blocks_scale;
  gint64               selected;
  guint                now_timeout;

  AccordWeekCheckFunc  check_func;
  gpointer             check_data;
  AccordWeekDetailsFunc details_func;
  gpointer             details_data;
  AccordSession       *details;      /* of the last tooltip */

  DragMode             drag_mode;
  int                  drag_block;
  double               drag_x;
  double               drag_y;
  int                  drag_day;
  int                  drag_start;    /* minutes */
  int                  drag_end;
  char                *drag_message;
};

enum {
  SESSION_ACTIVATED,
  CREATE_SESSION,
  MOVE_SESSION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AccordWeekView, accord_week_view, GTK_TYPE_WIDGET)

/* Helpers ---------------------------------------------------------------- */

static void
kind_color (const char *kind,
            const char *status,
            GdkRGBA    *color)
{
  /* Parsed once: a busy week asks for tens of thousands. */
  static const struct { const char *kind; GdkRGBA rgba; } colors[] = {
    { "hearing", { 0x1c / 255., 0x71 / 255., 0xd8 / 255., 1 } },          /* blue 4 */
    { "mediation", { 0x26 / 255., 0xa2 / 255., 0x69 / 255., 1 } },        /* green 5 */
    { "joint_reception", { 0x81 / 255., 0x3d / 255., 0x9c / 255., 1 } },  /* purple 4 */
    { "follow_up", { 0xc6 / 255., 0x46 / 255., 0x00 / 255., 1 } },        /* orange 5 */
  };

  *color = (GdkRGBA) { 0x5e / 255., 0x5c / 255., 0x64 / 255., 1 };
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (kind, colors[i].kind) == 0)
      *color = colors[i].rgba;
  /* Cancelled and held sessions are history: they stay, but step back. */
  if (g_strcmp0 (status, "cancelled") == 0)
    color->alpha = 0.35;
  else if (g_strcmp0 (status, "held") == 0)
    color->alpha = 0.7;
}

static GDateTime *
local_time (AccordWeekView *self,
            gint64          unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_to_timezone (utc, self->time_zone);
}

/* The day of the grid @unix_time falls on (may be outside 0..n_days-1)
 * and its minute from that day's midnight. */
/* The Julian day (GDate's count, 1 January of year 1 being day 1) of
 * 1 January 1970. */
#define UNIX_EPOCH_JULIAN 719163

static int
grid_day (AccordWeekView *self,
          gint64          unix_time,
          int            *minute)
{
  /* Counted from the zone's offset at that instant rather than through a
   * GDateTime: a busy week lays out tens of thousands of sessions. */
  int interval = g_time_zone_find_interval (self->time_zone, G_TIME_TYPE_UNIVERSAL, unix_time);
  gint64 local = unix_time + (interval >= 0 ? g_time_zone_get_offset (self->time_zone, interval) : 0);
  gint64 days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);

  *minute = (int) ((local - days * 86400) / 60);
  return (int) (days + UNIX_EPOCH_JULIAN - (gint64) g_date_get_julian (&self->first_day));
}

static gint64
grid_time (AccordWeekView *self,
           int             day,
           int             minute)
{
  GDate date = self->first_day;
  g_autoptr(GDateTime) local = NULL;

  g_date_add_days (&date, day);
  local = g_date_time_new (self->time_zone, g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date), minute / 60, minute % 60, 0);
  return g_date_time_to_unix (local);
}

static const AccordSession *
block_session (AccordWeekView *self,
               int             index)
{
  const AccordWeekBlock *block = accord_week_layout_get_block (self->layout, index);

  return g_ptr_array_index (self->sessions, block->item);
}

static int
selected_block (AccordWeekView *self)
{
  return self->selected > 0 ? accord_week_layout_find_block (self->layout, self->selected) : -1;
}

static char *
block_markup (AccordWeekView      *self,
              const AccordSession *session)
{
  g_autoptr(GDateTime) start = local_time (self, session->starts_at);
  g_autofree char *time = g_date_time_format (start, "%H:%M");
  const char *warning = g_hash_table_contains (self->conflicts, &session->id) ? "⚠ " : "";
  const char *place = session->venue_name != NULL ? session->venue_name : "";

  return g_markup_printf_escaped ("<b>%s%s %s</b>\n%s\n%s", warning, time, session->case_number,
                                  accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, session->kind), place);
}

static PangoLayout *
small_layout (AccordWeekView *self,
              const char     *markup)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static char *
day_markup (AccordWeekView *self,
            int             day)
{
  GDate date = self->first_day;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *label = NULL;
  const char *holiday;

  g_date_add_days (&date, day);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  /* TRANSLATORS: a day in the week view's header, e.g. "Mon 3/9"; see g_date_time_format() */
  label = g_date_time_format (dt, _("%a %-m/%-d"));
  holiday = self->calendar != NULL ? accord_calendar_day_name (self->calendar, &date) : NULL;
  if (holiday != NULL)
    return g_markup_printf_escaped ("<b>%s</b>\n%s", label, holiday);
  return g_markup_printf_escaped ("<b>%s</b>", label);
}

/* The text of the header and the gutter, made when the days change. */
static void
make_frame_text (AccordWeekView *self)
{
  g_ptr_array_set_size (self->day_text, 0);
  g_ptr_array_set_size (self->hour_text, 0);
  for (int day = 0; day < self->n_days; day++)
    {
      g_autofree char *markup = day_markup (self, day);
      PangoLayout *layout = small_layout (self, markup);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      g_ptr_array_add (self->day_text, layout);
    }
  for (int minute = FIRST_MINUTE; minute < LAST_MINUTE; minute += 60)
    {
      g_autofree char *text = g_strdup_printf ("%02d:00", minute / 60);

      g_ptr_array_add (self->hour_text, small_layout (self, text));
    }
}

static void
drop_blocks_image (AccordWeekView *self)
{
  g_clear_pointer (&self->blocks_image, cairo_surface_destroy);
  g_clear_object (&self->blocks_texture);
}

/* The layout and the block texts, made when the sessions change; their
 * sizes are set in size_blocks when the widget's size changes. */
static void
unref_text (gpointer text)
{
  if (text != NULL)
    g_object_unref (text);
}

static void
make_blocks (AccordWeekView *self)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (AccordWeekItem));

  for (guint i = 0; i < self->sessions->len; i++)
    {
      const AccordSession *s = g_ptr_array_index (self->sessions, i);
      AccordWeekItem item = { s->id, 0, 0, 0 };
      int end_day;

      item.day = grid_day (self, s->starts_at, &item.start_minute);
      end_day = grid_day (self, s->ends_at, &item.end_minute);
      if (end_day > item.day)
        item.end_minute = 24 * 60;
      g_array_append_val (items, item);
    }
  g_clear_pointer (&self->layout, accord_week_layout_free);
  self->layout = accord_week_layout_new (self->n_days, FIRST_MINUTE, LAST_MINUTE);
  accord_week_layout_set_items (self->layout, (AccordWeekItem *) items->data, items->len);

  /* The text is made when the blocks are sized, for the blocks that show
   * it: a week of tens of thousands of sessions has blocks too narrow
   * for text, and a layout each would cost a megabyte per hundred. */
  g_ptr_array_set_size (self->block_text, 0);
  g_ptr_array_set_size (self->block_text, accord_week_layout_get_n_blocks (self->layout));
  self->laid_out_width = -1;
  drop_blocks_image (self);
}

/* @r as the layout gives it, before the block's 1-pixel margin. */
static gboolean
shows_text (const AccordWeekRect *r)
{
  return r->width - 2 >= MIN_TEXT_WIDTH && r->height - 2 >= MIN_TEXT_HEIGHT;
}

static void
size_blocks (AccordWeekView *self,
             int             width,
             int             height)
{
  AccordWeekRect area = { GUTTER_WIDTH, HEADER_HEIGHT, MAX (width - GUTTER_WIDTH, 1),
                          MAX (height - HEADER_HEIGHT, 1) };

  if (width == self->laid_out_width && height == self->laid_out_height)
    return;
  drop_blocks_image (self);
  accord_week_layout_set_area (self->layout, &area);
  for (guint i = 0; i < self->block_text->len; i++)
    {
      AccordWeekRect r;

      PangoLayout *text;

      accord_week_layout_block_rect (self->layout, accord_week_layout_get_block (self->layout, i), &r);
      if (!shows_text (&r))
        {
          g_clear_object (&g_ptr_array_index (self->block_text, i));
          continue;
        }
      if ((text = g_ptr_array_index (self->block_text, i)) == NULL)
        {
          g_autofree char *markup = block_markup (self, block_session (self, i));

          text = g_ptr_array_index (self->block_text, i) = small_layout (self, markup);
          pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
        }
      pango_layout_set_width (text, MAX (r.width - 2 * BLOCK_PADDING, 1) * PANGO_SCALE);
      pango_layout_set_height (text, MAX (r.height - BLOCK_PADDING, 1) * PANGO_SCALE);
    }
  for (guint i = 0; i < self->day_text->len; i++)
    pango_layout_set_width (g_ptr_array_index (self->day_text, i),
                            (int) (area.width / self->n_days) * PANGO_SCALE);
  self->laid_out_width = width;
  self->laid_out_height = height;
}

/* Drawing ---------------------------------------------------------------- */

static void
foreground (AccordWeekView *self,
            double          alpha,
            GdkRGBA        *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color->alpha *= alpha;
}

static void
draw_days (AccordWeekView *self,
           GtkSnapshot    *snapshot,
           int             height)
{
  double day_width = accord_week_layout_day_to_x (self->layout, 1) - accord_week_layout_day_to_x (self->layout, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now (self->time_zone);
  int today, minute;
  GdkRGBA shade, line, text;

  foreground (self, 0.06, &shade);
  foreground (self, 0.15, &line);
  foreground (self, 1.0, &text);
  today = grid_day (self, g_date_time_to_unix (now), &minute);
  for (int day = 0; day < self->n_days; day++)
    {
      double x = accord_week_layout_day_to_x (self->layout, day);
      GDate date = self->first_day;

      g_date_add_days (&date, day);
      if (self->calendar != NULL && !accord_calendar_is_working_day (self->calendar, &date))
        gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (x, 0, day_width, height));
      if (day == today)
        {
          GdkRGBA accent = { 0.21, 0.52, 0.89, 0.10 };
          gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x, 0, day_width, height));
        }
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, 0, 1, height));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, 4));
      gtk_snapshot_append_layout (snapshot, g_ptr_array_index (self->day_text, day), &text);
      gtk_snapshot_restore (snapshot);
    }
}

static void
draw_hours (AccordWeekView *self,
            GtkSnapshot    *snapshot,
            int             width)
{
  GdkRGBA line, text;

  foreground (self, 0.15, &line);
  foreground (self, 0.6, &text);
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, width, 1));
  for (guint i = 0; i < self->hour_text->len; i++)
    {
      double y = accord_week_layout_minute_to_y (self->layout, FIRST_MINUTE + 60 * i);

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (GUTTER_WIDTH, y, width, 1));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (8, y + 2));
      gtk_snapshot_append_layout (snapshot, g_ptr_array_index (self->hour_text, i), &text);
      gtk_snapshot_restore (snapshot);
    }
}

static void
draw_now (AccordWeekView *self,
          GtkSnapshot    *snapshot)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->time_zone);
  GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };
  int minute, day = grid_day (self, g_date_time_to_unix (now), &minute);
  double x, width, y;

  if (day < 0 || day >= self->n_days || minute < FIRST_MINUTE || minute > LAST_MINUTE)
    return;
  x = accord_week_layout_day_to_x (self->layout, day);
  width = accord_week_layout_day_to_x (self->layout, day + 1) - x;
  y = accord_week_layout_minute_to_y (self->layout, minute);
  gtk_snapshot_append_color (snapshot, &red, &GRAPHENE_RECT_INIT (x, y - 1, width, 2));
  gtk_snapshot_append_color (snapshot, &red, &GRAPHENE_RECT_INIT (x - 3, y - 4, 6, 8));
}

static void
append_border (GtkSnapshot          *snapshot,
               const AccordWeekRect *r,
               double                width,
               const GdkRGBA        *color)
{
  GskRoundedRect outline;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height), 4);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
draw_block (AccordWeekView *self,
            GtkSnapshot    *snapshot,
            int             index)
{
  const AccordSession *session = block_session (self, index);
  PangoLayout *text = g_ptr_array_index (self->block_text, index);
  GdkRGBA fill, white = { 1, 1, 1, 1 }, red = { 0.88, 0.11, 0.14, 1 };
  AccordWeekRect r;

  accord_week_layout_block_rect (self->layout, accord_week_layout_get_block (self->layout, index), &r);
  r.x += 1, r.width = MAX (r.width - 2, 1), r.y += 1, r.height = MAX (r.height - 2, 1);
  kind_color (session->kind, session->status, &fill);

  /* Square corners and a plain clip: a rounded clip per block costs the
   * cairo renderer a path clip each, which a busy week cannot afford. */
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (r.x, r.y, r.width, r.height));
  if (text != NULL)
    {
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (r.x, r.y, r.width, r.height));
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (r.x + BLOCK_PADDING, r.y + 2));
      gtk_snapshot_append_layout (snapshot, text, &white);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-(r.x + BLOCK_PADDING), -(r.y + 2)));
      gtk_snapshot_pop (snapshot);
    }

  if (g_hash_table_contains (self->conflicts, &session->id))
    append_border (snapshot, &r, 2, &red);
}

/* The ring is drawn over the blocks, apart from them, so that a change
 * of selection or focus leaves the blocks as they were. */
static void
draw_selection (AccordWeekView *self,
                GtkSnapshot    *snapshot,
                gboolean        focused)
{
  int index = selected_block (self);
  GdkRGBA ring;
  AccordWeekRect r;

  if (index < 0)
    return;
  accord_week_layout_block_rect (self->layout, accord_week_layout_get_block (self->layout, index), &r);
  r.x += 1, r.width = MAX (r.width - 2, 1), r.y += 1, r.height = MAX (r.height - 2, 1);
  foreground (self, focused ? 1.0 : 0.6, &ring);
  r.x -= 2, r.y -= 2, r.width += 4, r.height += 4;
  append_border (snapshot, &r, focused ? 3 : 2, &ring);
}

/* The blocks drawn the usual way, onto an image the size of the widget
 * in device pixels. */
static cairo_surface_t *
draw_blocks_image (AccordWeekView *self,
                   int             width,
                   int             height,
                   int             scale)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  for (guint i = 0; i < accord_week_layout_get_n_blocks (self->layout); i++)
    draw_block (self, snapshot, i);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The texture shares the image's pixels. */
static GdkTexture *
image_to_texture (cairo_surface_t *image)
{
  int stride = cairo_image_surface_get_stride (image);
  int height = cairo_image_surface_get_height (image);
  g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (image), (gsize) stride * height,
                                                        (GDestroyNotify) cairo_surface_destroy,
                                                        cairo_surface_reference (image));

  return gdk_memory_texture_new (cairo_image_surface_get_width (image), height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* The cairo renderer (and the benchmark, which draws without a window)
 * paints an image as it is, where a texture would be copied out on every
 * frame; the GL renderer uploads a texture once and keeps it. */
static gboolean
renders_with_cairo (AccordWeekView *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
}

static void
draw_blocks (AccordWeekView *self,
             GtkSnapshot    *snapshot,
             int             width,
             int             height)
{
  guint n_blocks = accord_week_layout_get_n_blocks (self->layout);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (n_blocks < CACHE_MIN_BLOCKS || width <= 0 || height <= 0)
    {
      for (guint i = 0; i < n_blocks; i++)
        draw_block (self, snapshot, i);
      return;
    }
  if (self->blocks_image == NULL || self->blocks_scale != scale)
    {
      drop_blocks_image (self);
      self->blocks_image = draw_blocks_image (self, width, height, scale);
      self->blocks_scale = scale;
    }
  if (renders_with_cairo (self))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      cairo_set_source_surface (cr, self->blocks_image, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }
  if (self->blocks_texture == NULL)
    self->blocks_texture = image_to_texture (self->blocks_image);
  gtk_snapshot_append_texture (snapshot, self->blocks_texture, &bounds);
}

/* Where a dragged session would go: red while it would break a hard rule. */
static void
draw_drag (AccordWeekView *self,
           GtkSnapshot    *snapshot)
{
  GdkRGBA fill = { 0.21, 0.52, 0.89, 0.35 }, edge = { 0.21, 0.52, 0.89, 1 };
  AccordWeekBlock ghost = { 0, 0, self->drag_day, self->drag_start, self->drag_end, 0, 1 };
  AccordWeekRect r;

  if (self->drag_mode != DRAG_MOVE && self->drag_mode != DRAG_CREATE)
    return;
  if (self->drag_message != NULL)
    fill = (GdkRGBA) { 0.88, 0.11, 0.14, 0.45 }, edge = (GdkRGBA) { 0.88, 0.11, 0.14, 1 };
  accord_week_layout_block_rect (self->layout, &ghost, &r);
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (r.x, r.y, r.width, r.height));
  append_border (snapshot, &r, 2, &edge);
}

/* Callbacks -------------------------------------------------------------- */

static void
select_block (AccordWeekView *self,
              int             index)
{
  self->selected = index >= 0 ? accord_week_layout_get_block (self->layout, index)->id : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_block (AccordWeekView *self,
                int             index)
{
  if (index < 0)
    return;
  select_block (self, index);
  g_signal_emit (self, signals[SESSION_ACTIVATED], 0, self->selected);
}

static gboolean
on_key_pressed_cb (AccordWeekView        *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  int current = selected_block (self);
  int dx = 0, dy = 0;

  /* Alt+arrows and Ctrl+arrows belong to the page (previous/next week). */
  if (state & (GDK_ALT_MASK | GDK_CONTROL_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = 1; break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space:
      activate_block (self, current);
      return current >= 0;
    default:
      return FALSE;
    }
  if (accord_week_layout_get_n_blocks (self->layout) == 0)
    return FALSE;
  select_block (self, accord_week_layout_neighbour (self->layout, current, dx, dy));
  return TRUE;
}

/* A session is moved by whole quarter hours, keeping its length. */
static void
update_move_target (AccordWeekView *self,
                    double          x,
                    double          y)
{
  const AccordWeekBlock *block = accord_week_layout_get_block (self->layout, self->drag_block);
  int length = block->end_minute - block->start_minute;
  int from = accord_week_layout_y_to_minute (self->layout, self->drag_y, 1);
  int to = accord_week_layout_y_to_minute (self->layout, y, 1);
  int start = block->start_minute + (to - from);
  int day = accord_week_layout_x_to_day (self->layout, x);

  start -= start % SNAP_MINUTES;
  start = CLAMP (start, 0, 24 * 60 - length);
  if (day < 0)
    day = self->drag_day;
  if (day == self->drag_day && start == self->drag_start)
    return;

  self->drag_day = day;
  self->drag_start = start;
  self->drag_end = start + length;
  g_clear_pointer (&self->drag_message, g_free);
  if (self->check_func != NULL)
    self->drag_message = self->check_func (block_session (self, self->drag_block),
                                           grid_time (self, day, start),
                                           grid_time (self, day, start + length),
                                           self->check_data);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->drag_message);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_create_target (AccordWeekView *self,
                      double          y)
{
  int a = accord_week_layout_y_to_minute (self->layout, self->drag_y, SNAP_MINUTES);
  int b = accord_week_layout_y_to_minute (self->layout, y, SNAP_MINUTES);

  self->drag_start = MIN (a, b);
  self->drag_end = MAX (MAX (a, b), self->drag_start + SNAP_MINUTES);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin_cb (AccordWeekView *self,
                  double          x,
                  double          y,
                  GtkGestureDrag *gesture)
{
  self->drag_mode = DRAG_PENDING;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_block = accord_week_layout_hit (self->layout, x, y);
  self->drag_day = accord_week_layout_x_to_day (self->layout, x);
  if (self->drag_block >= 0)
    {
      const AccordWeekBlock *block = accord_week_layout_get_block (self->layout, self->drag_block);

      self->drag_start = block->start_minute;
      self->drag_end = block->end_minute;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update_cb (AccordWeekView *self,
                   double          dx,
                   double          dy,
                   GtkGestureDrag *gesture)
{
  if (self->drag_mode == DRAG_PENDING)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      if (self->drag_block < 0 && self->drag_day < 0)
        return;
      self->drag_mode = self->drag_block >= 0 ? DRAG_MOVE : DRAG_CREATE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  if (self->drag_mode == DRAG_MOVE)
    update_move_target (self, self->drag_x + dx, self->drag_y + dy);
  else if (self->drag_mode == DRAG_CREATE)
    update_create_target (self, self->drag_y + dy);
}

static void
finish_drag (AccordWeekView *self)
{
  if (self->drag_mode == DRAG_PENDING)
    activate_block (self, self->drag_block);
  else if (self->drag_mode == DRAG_CREATE)
    g_signal_emit (self, signals[CREATE_SESSION], 0,
                   grid_time (self, self->drag_day, self->drag_start),
                   grid_time (self, self->drag_day, self->drag_end));
  else if (self->drag_mode == DRAG_MOVE)
    {
      const AccordWeekBlock *block = accord_week_layout_get_block (self->layout, self->drag_block);
      const AccordSession *session = block_session (self, self->drag_block);
      gint64 id = session->id;
      gint64 starts_at = grid_time (self, self->drag_day, self->drag_start);
      gint64 ends_at = starts_at + (session->ends_at - session->starts_at);

      if (self->drag_day != block->day || self->drag_start != block->start_minute)
        g_signal_emit (self, signals[MOVE_SESSION], 0, id, starts_at, ends_at);
    }
}

static void
on_drag_end_cb (AccordWeekView *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  DragMode mode = self->drag_mode;

  /* The handlers may reload the view; the drag is over before they run. */
  if (mode != DRAG_NONE)
    finish_drag (self);
  self->drag_mode = DRAG_NONE;
  g_clear_pointer (&self->drag_message, g_free);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A double click on empty time makes an hour's session there. */
static void
on_click_pressed_cb (AccordWeekView  *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  int day = accord_week_layout_x_to_day (self->layout, x);
  int minute;

  if (n_press != 2 || day < 0 || y < HEADER_HEIGHT || accord_week_layout_hit (self->layout, x, y) >= 0)
    return;
  minute = accord_week_layout_y_to_minute (self->layout, y, 30);
  g_signal_emit (self, signals[CREATE_SESSION], 0,
                 grid_time (self, day, minute), grid_time (self, day, minute + 60));
}

static char *
session_tooltip (AccordWeekView      *self,
                 const AccordSession *s)
{
  g_autoptr(GDateTime) start = local_time (self, s->starts_at);
  g_autoptr(GDateTime) end = local_time (self, s->ends_at);
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");
  const char *conflict = g_hash_table_lookup (self->conflicts, &s->id);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s · %s\n%s–%s %s\n%s", s->case_number,
                          accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, s->kind), from, to,
                          s->venue_name != NULL ? s->venue_name : "",
                          accord_vocab_label (ACCORD_VOCAB_SESSION_STATUS, s->status));
  for (guint i = 0; s->participants != NULL && i < s->participants->len; i++)
    {
      const AccordParticipant *p = g_ptr_array_index (s->participants, i);

      g_string_append_printf (text, "\n%s: %s",
                              accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, p->role), p->name);
    }
  if (conflict != NULL)
    g_string_append_printf (text, "\n⚠ %s", conflict);
  return g_string_free (text, FALSE);
}

/* The tooltip is asked for on every move of the pointer: the session in
 * full is read once while the pointer stays on it. */
static const AccordSession *
session_in_full (AccordWeekView      *self,
                 const AccordSession *session)
{
  if (self->details_func == NULL)
    return session;
  if (self->details == NULL || self->details->id != session->id)
    {
      g_clear_pointer (&self->details, accord_session_free);
      self->details = self->details_func (session, self->details_data);
    }
  return self->details != NULL ? self->details : session;
}

static gboolean
on_query_tooltip_cb (AccordWeekView *self,
                     int             x,
                     int             y,
                     gboolean        keyboard,
                     GtkTooltip     *tooltip)
{
  int index = keyboard ? selected_block (self) : accord_week_layout_hit (self->layout, x, y);
  g_autofree char *text = NULL;

  if (self->drag_message != NULL)
    {
      gtk_tooltip_set_text (tooltip, self->drag_message);
      return TRUE;
    }
  if (index < 0)
    return FALSE;
  text = session_tooltip (self, session_in_full (self, block_session (self, index)));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_now_timeout_cb (gpointer data)
{
  gtk_widget_queue_draw (GTK_WIDGET (data));
  return G_SOURCE_CONTINUE;
}

/* Overrides -------------------------------------------------------------- */

static void
accord_week_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  AccordWeekView *self = ACCORD_WEEK_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = GUTTER_WIDTH + 60 * self->n_days;
  else
    *minimum = *natural = HEADER_HEIGHT + MIN_HOUR_HEIGHT * (LAST_MINUTE - FIRST_MINUTE) / 60;
}

static void
accord_week_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  accord_week_view_render (ACCORD_WEEK_VIEW (widget), snapshot,
                           gtk_widget_get_width (widget), gtk_widget_get_height (widget));
}

static void
accord_week_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  AccordWeekView *self = ACCORD_WEEK_VIEW (widget);

  GTK_WIDGET_CLASS (accord_week_view_parent_class)->css_changed (widget, change);
  /* Fonts may have changed: the cached text is remade. */
  make_frame_text (self);
  make_blocks (self);
}

static void
accord_week_view_dispose (GObject *object)
{
  AccordWeekView *self = ACCORD_WEEK_VIEW (object);

  g_clear_handle_id (&self->now_timeout, g_source_remove);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_hash_table_unref);
  g_clear_pointer (&self->block_text, g_ptr_array_unref);
  g_clear_pointer (&self->day_text, g_ptr_array_unref);
  g_clear_pointer (&self->hour_text, g_ptr_array_unref);
  g_clear_object (&self->calendar);
  drop_blocks_image (self);
  g_clear_pointer (&self->details, accord_session_free);

  G_OBJECT_CLASS (accord_week_view_parent_class)->dispose (object);
}

static void
accord_week_view_finalize (GObject *object)
{
  AccordWeekView *self = ACCORD_WEEK_VIEW (object);

  g_clear_pointer (&self->layout, accord_week_layout_free);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_free (self->drag_message);

  G_OBJECT_CLASS (accord_week_view_parent_class)->finalize (object);
}

static void
accord_week_view_class_init (AccordWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_week_view_dispose;
  object_class->finalize = accord_week_view_finalize;
  widget_class->measure = accord_week_view_measure;
  widget_class->snapshot = accord_week_view_snapshot;
  widget_class->css_changed = accord_week_view_css_changed;

  signals[SESSION_ACTIVATED] =
    g_signal_new ("session-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CREATE_SESSION] =
    g_signal_new ("create-session", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[MOVE_SESSION] =
    g_signal_new ("move-session", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "weekview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
add_controllers (AccordWeekView *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

static void
accord_week_view_init (AccordWeekView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->n_days = 7;
  self->time_zone = g_time_zone_new_local ();
  g_date_clear (&self->first_day, 1);
  g_date_set_dmy (&self->first_day, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  self->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_session_free);
  self->conflicts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->block_text = g_ptr_array_new_with_free_func (unref_text);
  self->day_text = g_ptr_array_new_with_free_func (g_object_unref);
  self->hour_text = g_ptr_array_new_with_free_func (g_object_unref);
  self->drag_block = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  add_controllers (self);
  make_frame_text (self);
  make_blocks (self);
  self->now_timeout = g_timeout_add_seconds (60, on_now_timeout_cb, self);
}

/* Public API ------------------------------------------------------------- */

GtkWidget *
accord_week_view_new (void)
{
  return g_object_new (ACCORD_TYPE_WEEK_VIEW, NULL);
}

void
accord_week_view_set_days (AccordWeekView *self,
                           const GDate    *first_day,
                           int             n_days,
                           GTimeZone      *time_zone)
{
  g_return_if_fail (ACCORD_IS_WEEK_VIEW (self));
  g_return_if_fail (g_date_valid (first_day));
  g_return_if_fail (n_days > 0);

  self->first_day = *first_day;
  self->n_days = n_days;
  if (time_zone != NULL)
    {
      g_clear_pointer (&self->time_zone, g_time_zone_unref);
      self->time_zone = g_time_zone_ref (time_zone);
    }
  make_frame_text (self);
  make_blocks (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Days off are shaded and holidays named from @calendar. */
void
accord_week_view_set_calendar (AccordWeekView *self,
                               AccordCalendar *calendar)
{
  g_return_if_fail (ACCORD_IS_WEEK_VIEW (self));

  g_set_object (&self->calendar, calendar);
  make_frame_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @sessions: (element-type AccordSession): copied
 * @conflicts: (nullable): session id (gint64 *) to the message of the
 * hard rule a booked session now breaks; copied */
void
accord_week_view_set_sessions (AccordWeekView *self,
                               GPtrArray      *sessions,
                               GHashTable     *conflicts)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (ACCORD_IS_WEEK_VIEW (self));
  g_return_if_fail (sessions != NULL);

  g_ptr_array_set_size (self->sessions, 0);
  for (guint i = 0; i < sessions->len; i++)
    g_ptr_array_add (self->sessions, accord_session_copy (g_ptr_array_index (sessions, i)));
  g_hash_table_remove_all (self->conflicts);
  if (conflicts != NULL)
    {
      g_hash_table_iter_init (&iter, conflicts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->conflicts, g_memdup2 (key, sizeof (gint64)), g_strdup (value));
    }
  g_clear_pointer (&self->details, accord_session_free);
  make_blocks (self);
  if (selected_block (self) < 0)
    self->selected = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
accord_week_view_set_check_func (AccordWeekView      *self,
                                 AccordWeekCheckFunc  func,
                                 gpointer             user_data)
{
  g_return_if_fail (ACCORD_IS_WEEK_VIEW (self));

  self->check_func = func;
  self->check_data = user_data;
}

void
accord_week_view_set_details_func (AccordWeekView        *self,
                                   AccordWeekDetailsFunc  func,
                                   gpointer               user_data)
{
  g_return_if_fail (ACCORD_IS_WEEK_VIEW (self));

  self->details_func = func;
  self->details_data = user_data;
  g_clear_pointer (&self->details, accord_session_free);
}

/* Returns: how many sessions are laid out in the days shown */
guint
accord_week_view_get_n_blocks (AccordWeekView *self)
{
  g_return_val_if_fail (ACCORD_IS_WEEK_VIEW (self), 0);

  return accord_week_layout_get_n_blocks (self->layout);
}

gint64
accord_week_view_get_selected (AccordWeekView *self)
{
  g_return_val_if_fail (ACCORD_IS_WEEK_VIEW (self), 0);

  return self->selected;
}

void
accord_week_view_select (AccordWeekView *self,
                         gint64          session_id)
{
  g_return_if_fail (ACCORD_IS_WEEK_VIEW (self));

  select_block (self, accord_week_layout_find_block (self->layout, session_id));
}

/* Returns: (transfer none) (nullable): the session shown with @session_id */
const AccordSession *
accord_week_view_get_session (AccordWeekView *self,
                              gint64          session_id)
{
  int index;

  g_return_val_if_fail (ACCORD_IS_WEEK_VIEW (self), NULL);

  index = accord_week_layout_find_block (self->layout, session_id);
  return index >= 0 ? block_session (self, index) : NULL;
}

/* Draws the view at @width × @height; the widget's snapshot, and the
 * benchmark, which draws without showing a window. */
void
accord_week_view_render (AccordWeekView *self,
                         GtkSnapshot    *snapshot,
                         int             width,
                         int             height)
{
  gboolean focused;

  g_return_if_fail (ACCORD_IS_WEEK_VIEW (self));

  focused = gtk_widget_has_focus (GTK_WIDGET (self));
  size_blocks (self, width, height);
  draw_days (self, snapshot, height);
  draw_hours (self, snapshot, width);
  draw_blocks (self, snapshot, width, height);
  draw_selection (self, snapshot, focused);
  draw_drag (self, snapshot);
  draw_now (self, snapshot);
}
