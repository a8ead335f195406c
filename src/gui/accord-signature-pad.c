/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-signature-pad"

#include <math.h>

#include <glib/gi18n.h>

#include "accord-signature-pad.h"

/* Handwriting for a signature box: a pen (with its pressure) through
 * GtkGestureStylus, a mouse or a finger through GtkGestureDrag.  Points are
 * kept from 0 to 1 across the box, as the document draws them, with the
 * time in milliseconds since the stroke began; the pad has the box's shape
 * and draws the pen as the PDF will, only larger. */

/* What core accepts at most (accord_validate_strokes()). */
#define MAX_STROKES 500
#define MAX_POINTS  50000
/* Samples closer than this to the last one, in pixels, add nothing. */
#define MIN_STEP    0.75
#define MOUSE_PRESSURE 0.5
#define MIN_HEIGHT  80
#define MAX_HEIGHT  320
/* The document's rule is this far above the bottom of the box, in points. */
#define RULE_BELOW  3.0

typedef struct
{
  double x, y, p;
  gint64 t;
} Point;

struct _AccordSignaturePad
{
  GtkWidget         parent_instance;

  double            box_width;
  double            box_height;
  GPtrArray        *strokes;      /* GArray of Point */
  GPtrArray        *undone;       /* GArray of Point, the last undone on top */
  GArray           *stroke;       /* the stroke being drawn, also last in strokes */
  gint64            stroke_start; /* ms */
  double            drag_x;
  double            drag_y;
  guint             n_points;
  GtkGesture       *stylus;
  GtkGesture       *drag;
  PangoLayout      *hint;
};

enum {
  PROP_0,
  PROP_EMPTY,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AccordSignaturePad, accord_signature_pad, GTK_TYPE_WIDGET)

/* Geometry ------------------------------------------------------------------ */

/* The largest rectangle of the box's shape, centred in the widget. */
static graphene_rect_t
pad_rect (AccordSignaturePad *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double aspect = self->box_width / self->box_height;
  double rw = w, rh = w / aspect;

  if (rh > h)
    {
      rh = h;
      rw = h * aspect;
    }
  return GRAPHENE_RECT_INIT ((w - rw) / 2.0, (h - rh) / 2.0, rw, rh);
}

static double
pen_width (AccordSignaturePad *self,
           double              pressure,
           double              rect_width)
{
  /* As the document draws it (accord-doc-draw.c), in points of the box. */
  return (0.5 + 1.8 * pressure) * rect_width / self->box_width;
}

/* State ----------------------------------------------------------------------- */

static guint
count_points (GPtrArray *strokes)
{
  guint n = 0;

  for (guint i = 0; i < strokes->len; i++)
    n += ((GArray *) g_ptr_array_index (strokes, i))->len;
  return n;
}

static void
update_actions (AccordSignaturePad *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature-pad.undo", self->strokes->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature-pad.redo", self->undone->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature-pad.clear", self->strokes->len > 0);
}

/* Call with what empty and can-redo were before a change. */
static void
changed (AccordSignaturePad *self,
         gboolean            was_empty,
         gboolean            could_redo)
{
  self->n_points = count_points (self->strokes);
  update_actions (self);
  if (was_empty != accord_signature_pad_is_empty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
  if (could_redo != accord_signature_pad_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gint64
event_time (GtkGesture *gesture)
{
  guint32 time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));

  return time != 0 ? (gint64) time : g_get_monotonic_time () / 1000;
}

static void
add_point (AccordSignaturePad *self,
           GtkGesture         *gesture,
           double              x,
           double              y,
           double              pressure,
           gboolean            last)
{
  graphene_rect_t r = pad_rect (self);
  Point point;

  if (self->stroke == NULL || self->n_points >= MAX_POINTS || r.size.width <= 0.0 || r.size.height <= 0.0)
    return;
  point.x = CLAMP ((x - r.origin.x) / r.size.width, 0.0, 1.0);
  point.y = CLAMP ((y - r.origin.y) / r.size.height, 0.0, 1.0);
  point.p = CLAMP (pressure, 0.0, 1.0);
  point.t = MAX (event_time (gesture) - self->stroke_start, 0);
  if (self->stroke->len > 0 && !last)
    {
      const Point *prev = &g_array_index (self->stroke, Point, self->stroke->len - 1);

      if (hypot ((point.x - prev->x) * r.size.width, (point.y - prev->y) * r.size.height) < MIN_STEP)
        return;
    }
  g_array_append_val (self->stroke, point);
  self->n_points++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
begin_stroke (AccordSignaturePad *self,
              GtkGesture         *gesture,
              double              x,
              double              y,
              double              pressure)
{
  gboolean was_empty = accord_signature_pad_is_empty (self);
  gboolean could_redo = accord_signature_pad_can_redo (self);

  if (self->strokes->len >= MAX_STROKES || self->n_points >= MAX_POINTS)
    {
      self->stroke = NULL;
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->stroke = g_array_new (FALSE, FALSE, sizeof (Point));
  self->stroke_start = event_time (gesture);
  g_ptr_array_add (self->strokes, self->stroke);
  g_ptr_array_set_size (self->undone, 0);
  add_point (self, gesture, x, y, pressure, FALSE);
  changed (self, was_empty, could_redo);
}

static void
end_stroke (AccordSignaturePad *self,
            GtkGesture         *gesture,
            double              x,
            double              y,
            double              pressure)
{
  if (self->stroke == NULL)
    return;
  if (self->stroke->len > 0)
    {
      const Point *prev = &g_array_index (self->stroke, Point, self->stroke->len - 1);
      graphene_rect_t r = pad_rect (self);

      /* The release where the last sample was is no new point. */
      if (fabs (prev->x * r.size.width + r.origin.x - x) > 0.01 ||
          fabs (prev->y * r.size.height + r.origin.y - y) > 0.01)
        add_point (self, gesture, x, y, pressure, TRUE);
    }
  else
    g_ptr_array_remove (self->strokes, self->stroke);
  self->stroke = NULL;
  changed (self, FALSE, FALSE);
}

/* Callbacks ------------------------------------------------------------------ */

static double
stylus_pressure (GtkGestureStylus *stylus)
{
  double pressure;

  if (!gtk_gesture_stylus_get_axis (stylus, GDK_AXIS_PRESSURE, &pressure))
    return MOUSE_PRESSURE;
  return pressure;
}

static void
on_stylus_down_cb (GtkGestureStylus   *stylus,
                   double              x,
                   double              y,
                   AccordSignaturePad *self)
{
  begin_stroke (self, GTK_GESTURE (stylus), x, y, stylus_pressure (stylus));
}

static void
on_stylus_motion_cb (GtkGestureStylus   *stylus,
                     double              x,
                     double              y,
                     AccordSignaturePad *self)
{
  GdkTimeCoord *backlog = NULL;
  guint n = 0;

  /* The samples the tablet sent between two frames make a smoother line. */
  if (gtk_gesture_stylus_get_backlog (stylus, &backlog, &n))
    {
      for (guint i = 0; i < n; i++)
        if (backlog[i].flags & GDK_AXIS_FLAG_X && backlog[i].flags & GDK_AXIS_FLAG_Y)
          add_point (self, GTK_GESTURE (stylus), backlog[i].axes[GDK_AXIS_X], backlog[i].axes[GDK_AXIS_Y],
                     backlog[i].flags & GDK_AXIS_FLAG_PRESSURE ? backlog[i].axes[GDK_AXIS_PRESSURE]
                                                               : MOUSE_PRESSURE,
                     FALSE);
      g_free (backlog);
    }
  add_point (self, GTK_GESTURE (stylus), x, y, stylus_pressure (stylus), FALSE);
}

static void
on_stylus_up_cb (GtkGestureStylus   *stylus,
                 double              x,
                 double              y,
                 AccordSignaturePad *self)
{
  end_stroke (self, GTK_GESTURE (stylus), x, y, stylus_pressure (stylus));
}

/* A pen's press also reaches the drag gesture: the stylus gesture has it. */
static gboolean
is_pen (GtkGesture *gesture)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  GdkDeviceTool *tool = event != NULL ? gdk_event_get_device_tool (event) : NULL;

  if (tool == NULL)
    return FALSE;
  switch (gdk_device_tool_get_tool_type (tool))
    {
    case GDK_DEVICE_TOOL_TYPE_PEN:
    case GDK_DEVICE_TOOL_TYPE_ERASER:
    case GDK_DEVICE_TOOL_TYPE_BRUSH:
    case GDK_DEVICE_TOOL_TYPE_PENCIL:
    case GDK_DEVICE_TOOL_TYPE_AIRBRUSH:
      return TRUE;
    case GDK_DEVICE_TOOL_TYPE_UNKNOWN:
    case GDK_DEVICE_TOOL_TYPE_MOUSE:
    case GDK_DEVICE_TOOL_TYPE_LENS:
    default:
      return FALSE;
    }
}

static void
on_drag_begin_cb (GtkGestureDrag     *drag,
                  double              x,
                  double              y,
                  AccordSignaturePad *self)
{
  if (is_pen (GTK_GESTURE (drag)))
    {
      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_x = x;
  self->drag_y = y;
  begin_stroke (self, GTK_GESTURE (drag), x, y, MOUSE_PRESSURE);
}

static void
on_drag_update_cb (GtkGestureDrag     *drag,
                   double              dx,
                   double              dy,
                   AccordSignaturePad *self)
{
  add_point (self, GTK_GESTURE (drag), self->drag_x + dx, self->drag_y + dy, MOUSE_PRESSURE, FALSE);
}

static void
on_drag_end_cb (GtkGestureDrag     *drag,
                double              dx,
                double              dy,
                AccordSignaturePad *self)
{
  end_stroke (self, GTK_GESTURE (drag), self->drag_x + dx, self->drag_y + dy, MOUSE_PRESSURE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accord_signature_pad_undo (ACCORD_SIGNATURE_PAD (widget));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accord_signature_pad_redo (ACCORD_SIGNATURE_PAD (widget));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  accord_signature_pad_clear (ACCORD_SIGNATURE_PAD (widget));
}

/* Drawing -------------------------------------------------------------------- */

static void
midpoint (const Point *a,
          const Point *b,
          double      *x,
          double      *y)
{
  *x = (a->x + b->x) / 2.0;
  *y = (a->y + b->y) / 2.0;
}

/* Quadratic curves between the midpoints of successive samples, each piece
 * as wide as the pressure at its control point, as the document draws. */
static void
draw_stroke (AccordSignaturePad *self,
             cairo_t            *cr,
             GArray             *stroke,
             double              w,
             double              h)
{
  const Point *pts = (const Point *) stroke->data;
  double fx, fy;

  if (stroke->len == 0)
    return;
  if (stroke->len == 1)
    {
      cairo_arc (cr, pts[0].x * w, pts[0].y * h, pen_width (self, pts[0].p, w) / 2.0, 0.0, 2 * G_PI);
      cairo_fill (cr);
      return;
    }
  fx = pts[0].x;
  fy = pts[0].y;
  for (guint i = 1; i < stroke->len; i++)
    {
      double tx = pts[i].x, ty = pts[i].y;
      double cx = pts[i].x, cy = pts[i].y;

      if (i + 1 < stroke->len)
        midpoint (&pts[i], &pts[i + 1], &tx, &ty);
      cairo_move_to (cr, fx * w, fy * h);
      cairo_curve_to (cr,
                      (fx + 2.0 / 3.0 * (cx - fx)) * w, (fy + 2.0 / 3.0 * (cy - fy)) * h,
                      (tx + 2.0 / 3.0 * (cx - tx)) * w, (ty + 2.0 / 3.0 * (cy - ty)) * h,
                      tx * w, ty * h);
      cairo_set_line_width (cr, pen_width (self, pts[i].p, w));
      cairo_stroke (cr);
      fx = tx;
      fy = ty;
    }
}

static void
draw_paper (AccordSignaturePad *self,
            cairo_t            *cr,
            double              w,
            double              h)
{
  static const double dash[] = { 6.0, 4.0 };
  double rule_y = h * (self->box_height - RULE_BELOW) / self->box_height;

  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  /* Where the document's signature rule runs under the handwriting. */
  cairo_set_source_rgba (cr, 0.0, 0.0, 0.0, 0.35);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0.0);
  cairo_move_to (cr, 0.0, floor (rule_y) + 0.5);
  cairo_line_to (cr, w, floor (rule_y) + 0.5);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);
}

static void
accord_signature_pad_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  AccordSignaturePad *self = ACCORD_SIGNATURE_PAD (widget);
  graphene_rect_t r = pad_rect (self);
  GdkRGBA border = { 0.0, 0.0, 0.0, 0.3 };
  GskRoundedRect outline;
  cairo_t *cr;

  if (r.size.width < 1.0 || r.size.height < 1.0)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &r.origin);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, r.size.width, r.size.height));
  draw_paper (self, cr, r.size.width, r.size.height);
  cairo_set_source_rgb (cr, 0.05, 0.05, 0.15);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->strokes->len; i++)
    draw_stroke (self, cr, g_ptr_array_index (self->strokes, i), r.size.width, r.size.height);
  cairo_destroy (cr);

  if (self->strokes->len == 0)
    {
      GdkRGBA gray = { 0.0, 0.0, 0.0, 0.4 };
      int tw, th;

      pango_layout_get_pixel_size (self->hint, &tw, &th);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((r.size.width - tw) / 2.0,
                                                             (r.size.height - th) / 2.0));
      gtk_snapshot_append_layout (snapshot, self->hint, &gray);
      gtk_snapshot_restore (snapshot);
    }

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, r.size.width, r.size.height), 0);
  gtk_snapshot_append_border (snapshot, &outline, (float[]) { 1, 1, 1, 1 },
                              (GdkRGBA[]) { border, border, border, border });
  gtk_snapshot_restore (snapshot);
}

/* Overrides ------------------------------------------------------------------ */

static GtkSizeRequestMode
accord_signature_pad_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
accord_signature_pad_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  AccordSignaturePad *self = ACCORD_SIGNATURE_PAD (widget);
  double aspect = self->box_width / self->box_height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
    }
  else
    {
      /* A scrolled window gives its child the minimum height: the pad
       * asks for its whole shape at the width it gets, up to a limit. */
      *minimum = *natural = CLAMP ((int) ceil ((for_size > 0 ? for_size : 640) / aspect), MIN_HEIGHT, MAX_HEIGHT);
    }
}

static void
accord_signature_pad_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AccordSignaturePad *self = ACCORD_SIGNATURE_PAD (object);

  switch (prop_id)
    {
    case PROP_EMPTY:
      g_value_set_boolean (value, accord_signature_pad_is_empty (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, accord_signature_pad_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_signature_pad_dispose (GObject *object)
{
  AccordSignaturePad *self = ACCORD_SIGNATURE_PAD (object);

  g_clear_object (&self->hint);

  G_OBJECT_CLASS (accord_signature_pad_parent_class)->dispose (object);
}

static void
accord_signature_pad_finalize (GObject *object)
{
  AccordSignaturePad *self = ACCORD_SIGNATURE_PAD (object);

  g_ptr_array_unref (self->strokes);
  g_ptr_array_unref (self->undone);

  G_OBJECT_CLASS (accord_signature_pad_parent_class)->finalize (object);
}

static void
accord_signature_pad_class_init (AccordSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = accord_signature_pad_get_property;
  object_class->dispose = accord_signature_pad_dispose;
  object_class->finalize = accord_signature_pad_finalize;
  widget_class->snapshot = accord_signature_pad_snapshot;
  widget_class->measure = accord_signature_pad_measure;
  widget_class->get_request_mode = accord_signature_pad_get_request_mode;

  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "signature-pad.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "signature-pad.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "signature-pad.clear", NULL, clear_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "signature-pad.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "signature-pad.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "signature-pad.clear", NULL);

  gtk_widget_class_set_css_name (widget_class, "signature-pad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
accord_signature_pad_init (AccordSignaturePad *self)
{
  self->box_width = 3.0;
  self->box_height = 1.0;
  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->undone = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  /* TRANSLATORS: shown in the empty signature pad */
  self->hint = gtk_widget_create_pango_layout (GTK_WIDGET (self), _("Sign here"));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");

  self->stylus = gtk_gesture_stylus_new ();
  g_signal_connect (self->stylus, "down", G_CALLBACK (on_stylus_down_cb), self);
  g_signal_connect (self->stylus, "motion", G_CALLBACK (on_stylus_motion_cb), self);
  g_signal_connect (self->stylus, "up", G_CALLBACK (on_stylus_up_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->stylus));

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (self->drag), FALSE);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  update_actions (self);
}

/* Public API ----------------------------------------------------------------- */

GtkWidget *
accord_signature_pad_new (void)
{
  return g_object_new (ACCORD_TYPE_SIGNATURE_PAD, NULL);
}

void
accord_signature_pad_set_box_size (AccordSignaturePad *self,
                                   double              width,
                                   double              height)
{
  g_return_if_fail (ACCORD_IS_SIGNATURE_PAD (self));
  g_return_if_fail (width > 0.0 && height > 0.0);

  self->box_width = width;
  self->box_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
accord_signature_pad_is_empty (AccordSignaturePad *self)
{
  g_return_val_if_fail (ACCORD_IS_SIGNATURE_PAD (self), TRUE);
  return self->strokes->len == 0;
}

gboolean
accord_signature_pad_can_redo (AccordSignaturePad *self)
{
  g_return_val_if_fail (ACCORD_IS_SIGNATURE_PAD (self), FALSE);
  return self->undone->len > 0;
}

guint
accord_signature_pad_get_n_strokes (AccordSignaturePad *self)
{
  g_return_val_if_fail (ACCORD_IS_SIGNATURE_PAD (self), 0);
  return self->strokes->len;
}

void
accord_signature_pad_undo (AccordSignaturePad *self)
{
  gboolean could_redo;

  g_return_if_fail (ACCORD_IS_SIGNATURE_PAD (self));

  if (self->strokes->len == 0)
    return;
  could_redo = accord_signature_pad_can_redo (self);
  self->stroke = NULL;
  g_ptr_array_add (self->undone, g_ptr_array_steal_index (self->strokes, self->strokes->len - 1));
  changed (self, FALSE, could_redo);
}

void
accord_signature_pad_redo (AccordSignaturePad *self)
{
  gboolean was_empty;

  g_return_if_fail (ACCORD_IS_SIGNATURE_PAD (self));

  if (self->undone->len == 0)
    return;
  was_empty = accord_signature_pad_is_empty (self);
  g_ptr_array_add (self->strokes, g_ptr_array_steal_index (self->undone, self->undone->len - 1));
  changed (self, was_empty, TRUE);
}

void
accord_signature_pad_clear (AccordSignaturePad *self)
{
  gboolean was_empty, could_redo;

  g_return_if_fail (ACCORD_IS_SIGNATURE_PAD (self));

  was_empty = accord_signature_pad_is_empty (self);
  could_redo = accord_signature_pad_can_redo (self);
  self->stroke = NULL;
  g_ptr_array_set_size (self->strokes, 0);
  g_ptr_array_set_size (self->undone, 0);
  changed (self, was_empty, could_redo);
}

char *
accord_signature_pad_get_strokes (AccordSignaturePad *self)
{
  GString *json;
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], p[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (ACCORD_IS_SIGNATURE_PAD (self), NULL);

  if (self->strokes->len == 0)
    return NULL;
  /* Four decimals: a tenth of a millimetre in the largest box is plenty. */
  json = g_string_new ("[");
  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      g_string_append (json, i > 0 ? ",[" : "[");
      for (guint k = 0; k < stroke->len; k++)
        {
          const Point *pt = &g_array_index (stroke, Point, k);

          g_string_append_printf (json, "%s{\"x\":%s,\"y\":%s,\"p\":%s,\"t\":%" G_GINT64_FORMAT "}",
                                  k > 0 ? "," : "",
                                  g_ascii_formatd (x, sizeof x, "%.4f", pt->x),
                                  g_ascii_formatd (y, sizeof y, "%.4f", pt->y),
                                  g_ascii_formatd (p, sizeof p, "%.3f", pt->p), pt->t);
        }
      g_string_append_c (json, ']');
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}
