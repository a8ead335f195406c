/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-schedule"

#include "accord-enums.h"
#include "accord-gui-test.h"
#include "accord-schedule-page.h"
#include "accord-session-editor.h"
#include "accord-week-view.h"

#define N_SEEDED_CASES 60

typedef AccordGuiFixture Fixture;

/* Helpers ---------------------------------------------------------------- */

static AccordSchedulePage *
schedule_page (Fixture *f)
{
  GtkWidget *page = accord_gui_find (GTK_WIDGET (f->window), ACCORD_TYPE_SCHEDULE_PAGE, NULL, NULL);

  g_assert_nonnull (page);
  return ACCORD_SCHEDULE_PAGE (page);
}

static GDateTime *
local_time (AccordStore *store,
            gint64       instant)
{
  g_autoptr(GTimeZone) zone = accord_store_get_time_zone (store);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, zone);
}

static gint64
local_midnight (AccordStore *store,
                const GDate *date)
{
  g_autoptr(GTimeZone) zone = accord_store_get_time_zone (store);
  g_autoptr(GDateTime) local = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                                                g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (local);
}

static void
local_date (AccordStore *store,
            gint64       instant,
            GDate       *date)
{
  g_autoptr(GDateTime) local = local_time (store, instant);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* A planned session after the fixture's today with a person of the pool
 * taking part; @person gets that participant. */
static AccordSession *
future_session_with_person (Fixture            *f,
                            const AccordParticipant **person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 11, 21, 0, 0, 0);
  g_autoptr(GPtrArray) sessions = accord_store_list_sessions (f->store, g_date_time_to_unix (from),
                                                              g_date_time_to_unix (from) + 40 * 86400,
                                                              0, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    {
      AccordSession *s = g_ptr_array_index (sessions, i);

      if (!g_str_equal (s->status, "planned") && !g_str_equal (s->status, "notified"))
        continue;
      for (guint j = 0; j < s->participants->len; j++)
        {
          const AccordParticipant *p = g_ptr_array_index (s->participants, j);
          g_autoptr(AccordPerson) pool = p->person_id > 0 ? accord_store_get_person (f->store, p->person_id, NULL) : NULL;

          if (pool != NULL && pool->active)
            {
              AccordSession *copy = accord_session_copy (s);

              *person = g_ptr_array_index (copy->participants, j);
              return copy;
            }
        }
    }
  g_assert_not_reached ();
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
set_row (GtkWidget  *editor,
         const char *title,
         const char *text)
{
  GtkWidget *row = accord_gui_find (editor, ADW_TYPE_ENTRY_ROW, row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
row_text (GtkWidget  *editor,
          const char *title)
{
  GtkWidget *row = accord_gui_find (editor, ADW_TYPE_ENTRY_ROW, row_titled, title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static AccordSessionEditor *
open_editor (Fixture    *f,
             const char *case_number)
{
  GtkWindow *editor;

  accord_window_new_session (f->window, case_number);
  editor = accord_gui_find_toplevel (ACCORD_TYPE_SESSION_EDITOR);
  g_assert_nonnull (editor);
  return ACCORD_SESSION_EDITOR (editor);
}

/* The person dropdown's items read "name (roles)". */
static void
choose_person (AccordSessionEditor *editor,
               const char          *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (accord_gui_find (GTK_WIDGET (editor), GTK_TYPE_DROP_DOWN, NULL, NULL));
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autofree char *prefix = g_strconcat (name, " (", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      {
        gtk_drop_down_set_selected (dropdown, i);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-participant", NULL));
        return;
      }
  g_assert_not_reached ();
}

typedef struct
{
  AccordSessionEditor *editor;
  gint64               person_id;
  gboolean             busy;
} BusyCheck;

static const AccordConflict *
busy_conflict (AccordSessionEditor *editor,
               gint64               person_id)
{
  GPtrArray *conflicts = accord_session_editor_get_conflicts (editor);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      const AccordConflict *c = g_ptr_array_index (conflicts, i);

      for (guint j = 0; g_str_equal (c->rule, "person-busy") && j < c->person_ids->len; j++)
        if (g_array_index (c->person_ids, gint64, j) == person_id)
          return c;
    }
  return NULL;
}

static gboolean
busy_is (gpointer data)
{
  BusyCheck *check = data;

  return accord_session_editor_get_conflicts (check->editor) != NULL &&
         (busy_conflict (check->editor, check->person_id) != NULL) == check->busy;
}

static gboolean
has_slots (gpointer data)
{
  return accord_session_editor_get_n_slots (data) > 0;
}

static gboolean
subtitle_is (GtkWidget     *widget,
             gconstpointer  subtitle)
{
  return g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0;
}

static guint
count_rows (GtkWidget     *root,
            AccordGuiMatch match,
            gconstpointer  data)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (root) && match (root, data))
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_rows (c, match, data);
  return n;
}

/* A busy week of the week view ----------------------------------------- */

/* 50 pixels an hour from 07:00, 150 a day after the 56 of the hours. */
#define WEEK_WIDTH (56 + 7 * 150)
#define WEEK_HEIGHT (44 + 14 * 50)
#define BUSY_SESSIONS 1200

static AccordSession *
week_session (GTimeZone  *zone,
              gint64      id,
              int         day,
              int         minute,
              int         length,
              const char *kind)
{
  AccordSession *s = g_new0 (AccordSession, 1);
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2026, 11, 16 + day, minute / 60, minute % 60, 0);

  s->id = id;
  s->case_number = g_strdup_printf ("XF-2026-%06" G_GINT64_FORMAT, id);
  s->kind = g_strdup (kind);
  s->status = g_strdup ("planned");
  s->starts_at = g_date_time_to_unix (start);
  s->ends_at = s->starts_at + 60 * length;
  s->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_participant_free);
  return s;
}

/* Many sessions on the working days, and one alone on Sunday from 19:00
 * to 20:00, id 1, of @kind. */
static GPtrArray *
busy_week (GTimeZone  *zone,
           const char *kind)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_session_free);

  g_ptr_array_add (sessions, week_session (zone, 1, 6, 19 * 60, 60, kind));
  for (guint i = 0; i < BUSY_SESSIONS; i++)
    g_ptr_array_add (sessions, week_session (zone, i + 2, i % 5, 8 * 60 + 15 * ((i / 5) % 40), 90, "mediation"));
  return sessions;
}

static cairo_surface_t *
draw_week_at (AccordWeekView *view,
              int             width,
              int             height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  accord_week_view_render (view, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
draw_week (AccordWeekView *view)
{
  return draw_week_at (view, WEEK_WIDTH, WEEK_HEIGHT);
}

/* The pixel at (@x, @y) as 0xAARRGGBB, premultiplied. */
static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x];
}

/* A week too busy to draw block by block on every frame is drawn once
 * and kept: what is kept must follow a change of sessions, of size and
 * of selection. */
static void
test_busy_week_redraws (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GPtrArray) hearings = busy_week (zone, "hearing");
  g_autoptr(GPtrArray) mediations = busy_week (zone, "mediation");
  AccordWeekView *view = ACCORD_WEEK_VIEW (g_object_ref_sink (accord_week_view_new ()));
  cairo_surface_t *surface;
  GDate monday;
  /* Inside Sunday's block near its top right corner, clear of its text;
   * and the row just above it, where the selection ring goes. */
  int x = WEEK_WIDTH - 3, y = 44 + 12 * 50 + 4, above = 44 + 12 * 50 - 1;

  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 16, 11, 2026);
  accord_week_view_set_days (view, &monday, 7, zone);

  accord_week_view_set_sessions (view, hearings, NULL);
  g_assert_cmpuint (accord_week_view_get_n_blocks (view), ==, BUSY_SESSIONS + 1);
  surface = draw_week (view);
  g_assert_cmphex (pixel_at (surface, x, y), ==, 0xff1c71d8);   /* a hearing's blue */
  g_assert_cmphex (pixel_at (surface, x, above), ==, 0);
  cairo_surface_destroy (surface);

  /* Drawn again unchanged, and after new sessions. */
  surface = draw_week (view);
  g_assert_cmphex (pixel_at (surface, x, y), ==, 0xff1c71d8);
  cairo_surface_destroy (surface);
  accord_week_view_set_sessions (view, mediations, NULL);
  surface = draw_week (view);
  g_assert_cmphex (pixel_at (surface, x, y), ==, 0xff26a269);   /* a mediation's green */
  cairo_surface_destroy (surface);

  /* The ring of the selected session is drawn over what was kept. */
  accord_week_view_select (view, 1);
  g_assert_cmpint (accord_week_view_get_selected (view), ==, 1);
  surface = draw_week (view);
  g_assert_cmphex (pixel_at (surface, x, y), ==, 0xff26a269);
  g_assert_cmphex (pixel_at (surface, x - 20, above) >> 24, >, 0);
  cairo_surface_destroy (surface);

  /* Half as many pixels an hour: the block and its ring are drawn where
   * they now are. */
  surface = draw_week_at (view, WEEK_WIDTH, 44 + 14 * 25);
  g_assert_cmphex (pixel_at (surface, x, 44 + 12 * 25 + 4), ==, 0xff26a269);
  g_assert_cmphex (pixel_at (surface, x - 20, 44 + 12 * 25 - 1) >> 24, >, 0);
  cairo_surface_destroy (surface);

  g_object_unref (view);
}

/* Tests ------------------------------------------------------------------ */

static void
test_week_shows_sessions (Fixture       *f,
                          gconstpointer  data)
{
  const AccordParticipant *person;
  g_autoptr(AccordSession) session = future_session_with_person (f, &person);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  AccordWeekView *view;
  GDate monday, next;

  local_date (f->store, session->starts_at, &monday);
  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);
  next = monday;
  g_date_add_days (&next, 7);
  expected = accord_store_list_sessions (f->store, local_midnight (f->store, &monday),
                                         local_midnight (f->store, &next), 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);

  accord_window_show_page (f->window, "schedule");
  accord_schedule_page_show_date (schedule_page (f), &monday);
  view = accord_schedule_page_get_week_view (schedule_page (f));
  g_assert_cmpuint (accord_week_view_get_n_blocks (view), ==, expected->len);
  g_assert_nonnull (accord_week_view_get_session (view, session->id));
  /* The week is read without who takes part. */
  g_assert_cmpuint (accord_week_view_get_session (view, session->id)->participants->len, ==, 0);

  /* The search keeps only the sessions of one case. */
  accord_schedule_page_set_search (schedule_page (f), session->case_number);
  g_assert_cmpuint (accord_week_view_get_n_blocks (view), >=, 1);
  g_assert_cmpuint (accord_week_view_get_n_blocks (view), <=, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const AccordSession *s = g_ptr_array_index (expected, i);

      g_assert_true ((accord_week_view_get_session (view, s->id) != NULL) ==
                     (strstr (s->case_number, session->case_number) != NULL));
    }
  /* A search by a name reads who takes part. */
  accord_schedule_page_set_search (schedule_page (f), person->name);
  g_assert_nonnull (accord_week_view_get_session (view, session->id));
  g_assert_cmpuint (accord_week_view_get_session (view, session->id)->participants->len, ==,
                    session->participants->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const AccordSession *s = g_ptr_array_index (expected, i);
      gboolean named = FALSE;

      for (guint j = 0; j < s->participants->len; j++)
        named |= strstr (((AccordParticipant *) g_ptr_array_index (s->participants, j))->name, person->name) != NULL;
      if (named)
        g_assert_nonnull (accord_week_view_get_session (view, s->id));
    }

  accord_schedule_page_set_search (schedule_page (f), NULL);
  g_assert_cmpuint (accord_week_view_get_n_blocks (view), ==, expected->len);
}

static void
test_editor_shows_and_clears_conflict (Fixture       *f,
                                       gconstpointer  data)
{
  const AccordParticipant *person;
  g_autoptr(AccordSession) session = future_session_with_person (f, &person);
  g_autoptr(GDateTime) start = local_time (f->store, session->starts_at);
  g_autoptr(GDateTime) end = local_time (f->store, session->ends_at);
  g_autofree char *date = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");
  AccordSessionEditor *editor = open_editor (f, session->case_number);
  BusyCheck check = { editor, person->person_id, TRUE };
  const AccordConflict *conflict;

  set_row (GTK_WIDGET (editor), "_Date (YYYY-MM-DD)", date);
  set_row (GTK_WIDGET (editor), "_Starts (HH:MM)", from);
  set_row (GTK_WIDGET (editor), "_Ends (HH:MM)", to);
  choose_person (editor, person->name);

  g_assert_true (accord_gui_wait_until (busy_is, &check));
  conflict = busy_conflict (editor, person->person_id);
  g_assert_cmpint (conflict->severity, ==, ACCORD_SEVERITY_HARD);
  /* shown in the list as the engine words it, and Save waits for a reason */
  g_assert_nonnull (accord_gui_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, row_titled, conflict->message));
  g_assert_false (gtk_widget_is_sensitive (accord_gui_find_named (GTK_WIDGET (editor), "save-button")));
  gtk_editable_set_text (GTK_EDITABLE (accord_gui_find_named (GTK_WIDGET (editor), "override-row")),
                         "The lawyer confirmed by phone");
  g_assert_true (gtk_widget_is_sensitive (accord_gui_find_named (GTK_WIDGET (editor), "save-button")));

  /* An evening hour on the same day: the person is free. */
  set_row (GTK_WIDGET (editor), "_Starts (HH:MM)", "19:00");
  set_row (GTK_WIDGET (editor), "_Ends (HH:MM)", "19:30");
  check.busy = FALSE;
  g_assert_true (accord_gui_wait_until (busy_is, &check));
}

static void
test_find_slot_fills_editor (Fixture       *f,
                             gconstpointer  data)
{
  const AccordParticipant *person;
  g_autoptr(AccordSession) session = future_session_with_person (f, &person);
  AccordSessionEditor *editor = open_editor (f, session->case_number);
  const char *panelist = accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, "panelist");
  GtkWidget *slot_list, *slot_row;

  /* A hearing: the slot comes with a panel. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (accord_gui_find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, NULL, NULL)), 0);
  set_row (GTK_WIDGET (editor), "_Date (YYYY-MM-DD)", "");
  set_row (GTK_WIDGET (editor), "_Starts (HH:MM)", "");
  accord_gui_wait_idle ();
  g_assert_cmpuint (count_rows (GTK_WIDGET (editor), subtitle_is, panelist), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find-slot", NULL));
  g_assert_true (accord_gui_wait_until (has_slots, editor));

  slot_list = accord_gui_find_named (GTK_WIDGET (editor), "slot-list");
  slot_row = gtk_widget_get_first_child (slot_list);
  g_assert_nonnull (slot_row);
  g_signal_emit_by_name (slot_list, "row-activated", slot_row);

  g_assert_cmpuint (strlen (row_text (GTK_WIDGET (editor), "_Date (YYYY-MM-DD)")), ==, 10);
  g_assert_cmpuint (strlen (row_text (GTK_WIDGET (editor), "_Starts (HH:MM)")), ==, 5);
  g_assert_cmpuint (count_rows (GTK_WIDGET (editor), subtitle_is, panelist), >=, 3);
}

static gboolean
editor_is_open (gpointer data)
{
  GtkWindow *editor = accord_gui_find_toplevel (ACCORD_TYPE_SESSION_EDITOR);

  return editor != NULL && gtk_widget_get_mapped (GTK_WIDGET (editor));
}

static void
test_show_session_lands_on_it (Fixture       *f,
                               gconstpointer  data)
{
  const AccordParticipant *person;
  g_autoptr(AccordSession) session = future_session_with_person (f, &person);
  AccordWeekView *view;
  GtkWindow *editor;

  accord_window_show_session (f->window, session->id);
  view = accord_schedule_page_get_week_view (schedule_page (f));
  g_assert_cmpint (accord_week_view_get_selected (view), ==, session->id);
  g_assert_true (accord_gui_wait_until (editor_is_open, NULL));
  editor = accord_gui_find_toplevel (ACCORD_TYPE_SESSION_EDITOR);
  g_assert_cmpint (accord_session_editor_get_session_id (ACCORD_SESSION_EDITOR (editor)), ==, session->id);
}

static gboolean
save_is_enabled (gpointer data)
{
  GtkWidget *save = accord_gui_find_named (GTK_WIDGET (data), "save-button");

  return accord_session_editor_get_conflicts (ACCORD_SESSION_EDITOR (data)) != NULL &&
         gtk_widget_is_sensitive (save);
}

static gboolean
checked (gpointer data)
{
  return accord_session_editor_get_conflicts (ACCORD_SESSION_EDITOR (data)) != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return accord_gui_find_toplevel (ACCORD_TYPE_SESSION_EDITOR) == NULL;
}

/* A booked session's notes (and anything else but its case) can be
 * changed in the editor; the store has the new version. */
static void
test_edit_booked_session (Fixture       *f,
                          gconstpointer  data)
{
  const AccordParticipant *person;
  g_autoptr(AccordSession) session = future_session_with_person (f, &person);
  g_autoptr(AccordSession) saved = NULL;
  GtkWidget *editor, *notes, *override;

  accord_window_show_session (f->window, session->id);
  g_assert_true (accord_gui_wait_until (editor_is_open, NULL));
  editor = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_SESSION_EDITOR));
  notes = accord_gui_find_named (editor, "notes-row");
  g_assert_true (gtk_widget_is_sensitive (notes));
  gtk_editable_set_text (GTK_EDITABLE (notes), "改到小会议室，请提前十分钟到场");

  /* The seeded register may already break a rule at that time. */
  g_assert_true (accord_gui_wait_until (checked, editor));
  override = accord_gui_find_named (editor, "override-row");
  if (accord_conflicts_have_hard (accord_session_editor_get_conflicts (ACCORD_SESSION_EDITOR (editor))))
    gtk_editable_set_text (GTK_EDITABLE (override), "测试改备注");
  g_assert_true (accord_gui_wait_until (save_is_enabled, editor));
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_true (accord_gui_wait_until (toplevel_gone, NULL));

  saved = accord_store_get_session (f->store, session->id, NULL);
  g_assert_cmpstr (saved->notes, ==, "改到小会议室，请提前十分钟到场");
  g_assert_cmpint (saved->version, ==, session->version + 1);
  g_assert_cmpuint (saved->participants->len, ==, session->participants->len);
}

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
undo_is_shown (gpointer data)
{
  return accord_gui_find (GTK_WIDGET (data), GTK_TYPE_BUTTON, button_labelled, "_Undo") != NULL;
}

typedef struct
{
  AccordStore *store;
  gint64       id;
  const char  *status;
} StatusCheck;

static gboolean
session_has_status (gpointer data)
{
  StatusCheck *check = data;
  g_autoptr(AccordSession) s = accord_store_get_session (check->store, check->id, NULL);

  return s != NULL && g_str_equal (s->status, check->status);
}

/* Cancelling asks for a reason; the toast's Undo brings the session back. */
static void
test_cancel_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  const AccordParticipant *person;
  g_autoptr(AccordSession) session = future_session_with_person (f, &person);
  StatusCheck check = { f->store, session->id, "cancelled" };
  GtkWidget *editor, *dialog, *button;

  accord_window_show_session (f->window, session->id);
  g_assert_true (accord_gui_wait_until (editor_is_open, NULL));
  editor = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_SESSION_EDITOR));
  g_assert_true (gtk_widget_activate_action (editor, "editor.cancel-session", NULL));
  dialog = GTK_WIDGET (accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                         "信访人临时住院");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel-session");
  g_assert_true (accord_gui_wait_until (session_has_status, &check));

  g_assert_true (accord_gui_wait_until (undo_is_shown, f->window));
  button = accord_gui_find (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, button_labelled, "_Undo");
  g_signal_emit_by_name (button, "clicked");
  check.status = session->status;
  g_assert_true (accord_gui_wait_until (session_has_status, &check));
}

int
main (int   argc,
      char *argv[])
{
  if (!accord_gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), accord_gui_fixture_set_up, func, accord_gui_fixture_tear_down)

  g_test_add_func ("/gui/schedule/busy-week-redraws", test_busy_week_redraws);
  ADD ("/gui/schedule/week-shows-sessions", N_SEEDED_CASES, test_week_shows_sessions);
  ADD ("/gui/schedule/editor-conflict", N_SEEDED_CASES, test_editor_shows_and_clears_conflict);
  ADD ("/gui/schedule/find-slot", N_SEEDED_CASES, test_find_slot_fills_editor);
  ADD ("/gui/schedule/show-session", N_SEEDED_CASES, test_show_session_lands_on_it);
  ADD ("/gui/schedule/edit-booked", N_SEEDED_CASES, test_edit_booked_session);
  ADD ("/gui/schedule/cancel-and-undo", N_SEEDED_CASES, test_cancel_and_undo);

#undef ADD

  return g_test_run ();
}
