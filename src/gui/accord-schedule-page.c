/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-schedule-page"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-schedule-page.h"
#include "accord-session-editor.h"
#include "accord-validate.h"
#include "accord-week-view.h"
#include "accord-window.h"

/* The schedule: a week, a day with its agenda, or a month of counts.
 * Only the days shown are read from the store, again after each change
 * of days, filters or data; the search filters what was read.  A busy
 * week holds tens of thousands of sessions, so they are read without
 * who takes part: that is read for a search, for the rows of the agenda,
 * for a tooltip and for a session being moved. */

#define MONTH_DAYS 42

struct _AccordSchedulePage
{
  AdwBin           parent_instance;

  AccordStore     *store;
  GTimeZone       *time_zone;
  GDate            anchor;        /* a day of the days shown */
  char            *view;          /* "day", "week" or "month" */
  char            *search;
  GPtrArray       *sessions;      /* AccordSession, of the days shown */
  gboolean         have_participants;  /* read for every one of them */
  GHashTable      *broken;        /* session id -> first hard conflict */
  GCancellable    *checking;      /* the conflict check of the days shown */
  GArray          *person_ids;    /* gint64, as in person_dropdown; 0 first */
  GArray          *venue_ids;     /* gint64, as in venue_dropdown; 0 first */
  gboolean         loading_filters;

  /* Template widgets */
  GtkLabel        *range_label;
  GtkDropDown     *person_dropdown;
  GtkDropDown     *venue_dropdown;
  GtkStack        *view_stack;
  AccordWeekView  *week_view;
  AccordWeekView  *day_view;
  GtkListBox      *agenda_list;
  GtkGrid         *month_grid;
};

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AccordSchedulePage, accord_schedule_page, ADW_TYPE_BIN)

/* Helpers ---------------------------------------------------------------- */

static AccordScheduler *
page_scheduler (AccordSchedulePage *self)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));

  return window != NULL ? accord_window_get_scheduler (window) : NULL;
}

/* Today as core counts it, so that a test's fixed today holds here too. */
static void
set_today (GDate     *date,
           GTimeZone *zone)
{
  g_autofree char *today = accord_today ();
  int y, m, d;

  g_date_clear (date, 1);
  if (sscanf (today, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (date, d, m, y);
}

static gint64
day_start (AccordSchedulePage *self,
           const GDate        *date)
{
  g_autoptr(GDateTime) local = g_date_time_new (self->time_zone, g_date_get_year (date),
                                                g_date_get_month (date), g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (local);
}

static GDateTime *
local_time (AccordSchedulePage *self,
            gint64              instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, self->time_zone);
}

/* The first day shown and how many. */
static int
shown_days (AccordSchedulePage *self,
            GDate              *first)
{
  *first = self->anchor;
  if (g_str_equal (self->view, "day"))
    return 1;
  if (g_str_equal (self->view, "month"))
    g_date_set_day (first, 1);
  g_date_subtract_days (first, g_date_get_weekday (first) - G_DATE_MONDAY);
  return g_str_equal (self->view, "month") ? MONTH_DAYS : 7;
}

static gint64
filter_id (GtkDropDown *dropdown,
           GArray      *ids)
{
  guint index = gtk_drop_down_get_selected (dropdown);

  return index < ids->len ? g_array_index (ids, gint64, index) : 0;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

/* By case number, venue, notes or the name of anyone taking part. */
static gboolean
matches_search (const AccordSession *s,
                const char          *needle)
{
  if (contains (s->case_number, needle) || contains (s->venue_name, needle) || contains (s->notes, needle))
    return TRUE;
  for (guint i = 0; s->participants != NULL && i < s->participants->len; i++)
    if (contains (((AccordParticipant *) g_ptr_array_index (s->participants, i))->name, needle))
      return TRUE;
  return FALSE;
}

static void
load_participants (AccordSchedulePage *self,
                   AccordSession      *session)
{
  g_autoptr(GError) error = NULL;

  if (!accord_store_load_participants (self->store, session, &error))
    g_debug ("Cannot read who takes part in session %" G_GINT64_FORMAT ": %s", session->id, error->message);
}

/* The search looks at names too. */
static void
ensure_participants (AccordSchedulePage *self)
{
  if (self->have_participants || self->sessions == NULL)
    return;
  for (guint i = 0; i < self->sessions->len; i++)
    load_participants (self, g_ptr_array_index (self->sessions, i));
  self->have_participants = TRUE;
}

static GPtrArray *
visible_sessions (AccordSchedulePage *self)
{
  GPtrArray *shown = g_ptr_array_new ();
  g_autofree char *needle = NULL;

  if (self->search != NULL && self->search[0] != '\0')
    needle = g_utf8_casefold (self->search, -1);
  if (needle != NULL)
    ensure_participants (self);
  for (guint i = 0; self->sessions != NULL && i < self->sessions->len; i++)
    if (needle == NULL || matches_search (g_ptr_array_index (self->sessions, i), needle))
      g_ptr_array_add (shown, g_ptr_array_index (self->sessions, i));
  return shown;
}

static char *
range_text (AccordSchedulePage *self,
            const GDate        *first,
            int                 n_days)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (first), g_date_get_month (first),
                                                      g_date_get_day (first), 0, 0, 0);
  g_autoptr(GDateTime) anchor = g_date_time_new_local (g_date_get_year (&self->anchor), g_date_get_month (&self->anchor),
                                                       g_date_get_day (&self->anchor), 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_days (start, n_days - 1);
  g_autofree char *a = NULL, *b = NULL;

  if (g_str_equal (self->view, "day"))
    /* TRANSLATORS: the day shown; see g_date_time_format() */
    return g_date_time_format (start, _("%A, %Y-%m-%d"));
  if (g_str_equal (self->view, "month"))
    /* TRANSLATORS: the month shown; see g_date_time_format() */
    return g_date_time_format (anchor, _("%B %Y"));
  /* TRANSLATORS: the week shown, e.g. "Week 11: 2025-03-10"; see g_date_time_format() */
  a = g_date_time_format (start, _("Week %V: %Y-%m-%d"));
  b = g_date_time_format (end, "%m-%d");
  return g_strdup_printf ("%s – %s", a, b);
}

/* Filters ---------------------------------------------------------------- */

static void
select_id (GtkDropDown *dropdown,
           GArray      *ids,
           gint64       id)
{
  guint index = 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      index = i;
  gtk_drop_down_set_selected (dropdown, index);
}

static void
load_person_filter (AccordSchedulePage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) persons = accord_store_list_persons (self->store, NULL, NULL);
  gint64 kept = filter_id (self->person_dropdown, self->person_ids), none = 0;
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  g_array_set_size (self->person_ids, 0);
  g_array_append_val (self->person_ids, none);
  gtk_string_list_append (labels, _("Everyone"));
  for (guint i = 0; persons != NULL && i < persons->len; i++)
    {
      const AccordPerson *p = g_ptr_array_index (persons, i);

      g_array_append_val (self->person_ids, p->id);
      gtk_string_list_append (labels, p->name);
    }
  gtk_drop_down_set_expression (self->person_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (labels));
  select_id (self->person_dropdown, self->person_ids, kept);
}

static void
load_venue_filter (AccordSchedulePage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) venues = accord_store_list_venues (self->store, NULL);
  gint64 kept = filter_id (self->venue_dropdown, self->venue_ids), none = 0;

  g_array_set_size (self->venue_ids, 0);
  g_array_append_val (self->venue_ids, none);
  gtk_string_list_append (labels, _("All venues"));
  for (guint i = 0; venues != NULL && i < venues->len; i++)
    {
      const AccordVenue *v = g_ptr_array_index (venues, i);

      g_array_append_val (self->venue_ids, v->id);
      gtk_string_list_append (labels, v->name);
    }
  gtk_drop_down_set_model (self->venue_dropdown, G_LIST_MODEL (labels));
  select_id (self->venue_dropdown, self->venue_ids, kept);
}

/* Showing ---------------------------------------------------------------- */

static GtkWidget *
agenda_row (AccordSchedulePage  *self,
            const AccordSession *s)
{
  g_autoptr(GDateTime) start = local_time (self, s->starts_at);
  g_autoptr(GDateTime) end = local_time (self, s->ends_at);
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");
  g_autofree char *title = g_strdup_printf ("%s–%s  %s · %s", from, to, s->case_number,
                                            accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, s->kind));
  g_autoptr(GString) people = g_string_new (s->venue_name != NULL ? s->venue_name : "");
  GtkWidget *row = adw_action_row_new ();
  const char *conflict = g_hash_table_lookup (self->broken, &s->id);

  g_string_append_printf (people, " · %s", accord_vocab_label (ACCORD_VOCAB_SESSION_STATUS, s->status));
  for (guint i = 0; s->participants != NULL && i < s->participants->len; i++)
    g_string_append_printf (people, "%s%s", i == 0 ? "\n" : "、",
                            ((AccordParticipant *) g_ptr_array_index (s->participants, i))->name);
  if (conflict != NULL)
    g_string_append_printf (people, "\n⚠ %s", conflict);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), people->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "session-id", g_memdup2 (&s->id, sizeof s->id), g_free);
  return row;
}

/* A day's agenda lists at most this many sessions; the rest are in the
 * day's grid and the filters narrow them down. */
#define AGENDA_MAX_ROWS 100

static void
show_agenda (AccordSchedulePage *self,
             GPtrArray          *shown)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, child);
  if (!g_str_equal (self->view, "day"))
    return;
  for (guint i = 0; i < MIN (shown->len, AGENDA_MAX_ROWS); i++)
    {
      if (!self->have_participants)
        load_participants (self, g_ptr_array_index (shown, i));
      gtk_list_box_append (self->agenda_list, agenda_row (self, g_ptr_array_index (shown, i)));
    }
  if (shown->len > AGENDA_MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "%u more session: choose a person or a venue to see it",
                                                            "%u more sessions: choose a person or a venue to see them",
                                                            shown->len - AGENDA_MAX_ROWS),
                                               shown->len - AGENDA_MAX_ROWS);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->agenda_list, row);
    }
  if (shown->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sessions this day"));
      gtk_list_box_append (self->agenda_list, row);
    }
}

/* Only the view in sight holds the sessions: changing views reads them
 * again anyway. */
static void
show_sessions (AccordSchedulePage *self)
{
  g_autoptr(GPtrArray) shown = visible_sessions (self);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  gboolean day = g_str_equal (self->view, "day");

  accord_week_view_set_sessions (self->week_view, day ? none : shown, self->broken);
  accord_week_view_set_sessions (self->day_view, day ? shown : none, self->broken);
  show_agenda (self, shown);
}

static void
on_month_day_clicked_cb (AccordSchedulePage *self,
                         GtkButton          *button);

static GtkWidget *
month_cell (AccordSchedulePage *self,
            const GDate        *date,
            gint64              count,
            AccordCalendar     *calendar)
{
  g_autofree char *text = NULL, *sessions = NULL, *escaped = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  const char *holiday = calendar != NULL ? accord_calendar_day_name (calendar, date) : NULL;
  GDate today;

  set_today (&today, self->time_zone);
  escaped = g_markup_escape_text (holiday != NULL ? holiday : "", -1);
  if (count > 0)
    sessions = g_strdup_printf (g_dngettext (NULL, "%d session", "%d sessions", count), (int) count);
  text = g_strdup_printf ("<b>%d</b>  %s\n%s", g_date_get_day (date), escaped, sessions != NULL ? sessions : "");
  gtk_label_set_markup (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_vexpand (button, TRUE);
  gtk_widget_add_css_class (button, "month-day");
  if (g_date_get_month (date) != g_date_get_month (&self->anchor))
    gtk_widget_add_css_class (button, "dim-label");
  if (calendar != NULL && !accord_calendar_is_working_day (calendar, date))
    gtk_widget_add_css_class (button, "day-off");
  if (g_date_compare (date, &today) == 0)
    gtk_widget_add_css_class (button, "today");
  g_object_set_data_full (G_OBJECT (button), "date", g_memdup2 (date, sizeof *date), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_month_day_clicked_cb), self, G_CONNECT_SWAPPED);
  return button;
}

static void
show_month (AccordSchedulePage *self,
            const GDate        *first,
            AccordCalendar     *calendar)
{
  gint64 bounds[MONTH_DAYS + 1];
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GDate date = *first;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->month_grid))) != NULL)
    gtk_grid_remove (self->month_grid, child);
  for (int i = 0; i <= MONTH_DAYS; i++, g_date_add_days (&date, 1))
    bounds[i] = day_start (self, &date);
  counts = accord_store_count_sessions (self->store, bounds, MONTH_DAYS + 1,
                                        filter_id (self->person_dropdown, self->person_ids),
                                        filter_id (self->venue_dropdown, self->venue_ids), &error);
  if (counts == NULL)
    accord_window_report_error (GTK_WIDGET (self), _("Could Not Read the Schedule"), error);
  date = *first;
  for (int i = 0; i < 7; i++, g_date_add_days (&date, 1))
    {
      char name[64];
      GtkWidget *label;

      g_date_strftime (name, sizeof name, "%a", &date);
      label = gtk_label_new (name);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->month_grid, label, i, 0, 1, 1);
    }
  date = *first;
  for (int i = 0; i < MONTH_DAYS; i++, g_date_add_days (&date, 1))
    gtk_grid_attach (self->month_grid,
                     month_cell (self, &date, counts != NULL ? g_array_index (counts, gint64, i) : 0, calendar),
                     i % 7, 1 + i / 7, 1, 1);
}

/* What a conflict check in the background looks at. */
typedef struct
{
  char   *path;
  gint64  from;
  gint64  to;
  gint64  person;
  gint64  venue;
} CheckRange;

static void
check_range_free (CheckRange *range)
{
  g_free (range->path);
  g_free (range);
}

/* Checking every booked session of a busy week against every rule takes
 * seconds when the register holds a million sessions, so it runs in a
 * thread on a connection of its own (WAL lets it read while the window
 * writes) and the marks appear when it is done. */
static void
check_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  CheckRange *range = data;
  GHashTable *broken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(AccordStore) store = NULL;
  g_autoptr(AccordScheduler) scheduler = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if ((store = accord_store_open (range->path, &error)) != NULL &&
      accord_store_set_lean (store, &error) &&
      (scheduler = accord_scheduler_new (store, &error)) != NULL)
    list = accord_scheduler_broken (scheduler, range->from, range->to, range->person, range->venue, &error);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const AccordBroken *b = g_ptr_array_index (list, i);

      for (guint j = 0; j < b->conflicts->len; j++)
        {
          const AccordConflict *c = g_ptr_array_index (b->conflicts, j);

          if (c->severity == ACCORD_SEVERITY_HARD && !g_hash_table_contains (broken, &b->session->id))
            g_hash_table_insert (broken, g_memdup2 (&b->session->id, sizeof (gint64)), g_strdup (c->message));
        }
    }
  if (list == NULL)
    g_debug ("No conflict check: %s", error != NULL ? error->message : "");
  g_task_return_pointer (task, broken, (GDestroyNotify) g_hash_table_unref);
}

static void show_sessions (AccordSchedulePage *self);

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AccordSchedulePage) self = user_data;
  GHashTable *broken = g_task_propagate_pointer (G_TASK (result), NULL);

  if (broken == NULL || g_task_had_error (G_TASK (result)) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&broken, g_hash_table_unref);
      return;
    }
  g_clear_pointer (&self->broken, g_hash_table_unref);
  self->broken = broken;
  show_sessions (self);
}

static void
check_days (AccordSchedulePage *self,
            gint64              from,
            gint64              to,
            gint64              person,
            gint64              venue)
{
  CheckRange *range = g_new0 (CheckRange, 1);
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  self->checking = g_cancellable_new ();
  *range = (CheckRange) { g_strdup (accord_store_get_path (self->store)), from, to, person, venue };
  task = g_task_new (NULL, self->checking, on_check_done_cb, g_object_ref (self));
  g_task_set_task_data (task, range, (GDestroyNotify) check_range_free);
  g_task_run_in_thread (task, check_in_thread);
}

static void
load_days (AccordSchedulePage *self)
{
  AccordScheduler *scheduler = page_scheduler (self);
  AccordCalendar *calendar = scheduler != NULL ? accord_scheduler_get_calendar (scheduler) : NULL;
  gint64 person = filter_id (self->person_dropdown, self->person_ids);
  gint64 venue = filter_id (self->venue_dropdown, self->venue_ids);
  g_autoptr(GError) error = NULL;
  g_autofree char *range = NULL;
  GDate first, end;
  int n_days = shown_days (self, &first);

  end = first;
  g_date_add_days (&end, n_days);
  range = range_text (self, &first, n_days);
  gtk_label_set_text (self->range_label, range);
  gtk_stack_set_visible_child_name (self->view_stack, self->view);
  accord_week_view_set_calendar (self->week_view, calendar);
  accord_week_view_set_calendar (self->day_view, calendar);
  if (g_str_equal (self->view, "month"))
    {
      show_month (self, &first, calendar);
      return;
    }

  accord_week_view_set_days (g_str_equal (self->view, "day") ? self->day_view : self->week_view,
                             &first, n_days, self->time_zone);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->broken, g_hash_table_unref);
  self->broken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->sessions = accord_store_list_sessions_brief (self->store, day_start (self, &first), day_start (self, &end),
                                                     person, venue, &error);
  self->have_participants = FALSE;
  check_days (self, day_start (self, &first), day_start (self, &end), person, venue);
  if (self->sessions == NULL)
    accord_window_report_error (GTK_WIDGET (self), _("Could Not Read the Schedule"), error);
  show_sessions (self);
}

static void
reload (AccordSchedulePage *self)
{
  if (self->store != NULL && !self->loading_filters)
    load_days (self);
}

static void
open_editor (AccordSchedulePage *self,
             AccordSessionEditor *editor)
{
  gtk_window_present (GTK_WINDOW (editor));
}

static AccordSessionEditor *
new_editor (AccordSchedulePage *self)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));
  AccordScheduler *scheduler = page_scheduler (self);

  if (window == NULL || scheduler == NULL)
    return NULL;
  return accord_session_editor_new (GTK_WINDOW (window), self->store, scheduler);
}

static void
edit_session (AccordSchedulePage *self,
              gint64              session_id)
{
  g_autoptr(AccordSession) session = NULL;
  g_autoptr(GError) error = NULL;
  AccordSessionEditor *editor;

  session = accord_store_get_session (self->store, session_id, &error);
  if (session == NULL)
    {
      AccordWindow *window = accord_window_of (GTK_WIDGET (self));

      if (window != NULL)
        accord_window_show_error (window, _("Could Not Open the Session"), error);
      return;
    }
  if ((editor = new_editor (self)) == NULL)
    return;
  accord_session_editor_set_session (editor, session);
  open_editor (self, editor);
}

/* A proposal for @session at a new time, its strings borrowed. */
static GArray *
moved_proposal (const AccordSession *session,
                gint64               starts_at,
                gint64               ends_at,
                AccordSessionInput  *proposal)
{
  GArray *inputs = g_array_new (FALSE, FALSE, sizeof (AccordParticipantInput));

  for (guint i = 0; session->participants != NULL && i < session->participants->len; i++)
    {
      const AccordParticipant *p = g_ptr_array_index (session->participants, i);
      AccordParticipantInput input = { p->person_id, p->petitioner_id, p->role };

      g_array_append_val (inputs, input);
    }
  *proposal = (AccordSessionInput) { session->case_number, session->kind, starts_at, ends_at,
                                     session->venue_id, (const AccordParticipantInput *) inputs->data,
                                     inputs->len, session->notice_date, !session->is_public, session->notes };
  return inputs;
}

static char *
check_move (const AccordSession *session,
            gint64               starts_at,
            gint64               ends_at,
            gpointer             user_data)
{
  AccordSchedulePage *self = user_data;
  AccordScheduler *scheduler = page_scheduler (self);
  /* The view's sessions come without who takes part. */
  g_autoptr(AccordSession) full = accord_store_get_session (self->store, session->id, NULL);
  AccordSessionInput proposal;
  g_autoptr(GArray) inputs = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  if (scheduler == NULL || full == NULL)
    return NULL;
  inputs = moved_proposal (full, starts_at, ends_at, &proposal);
  conflicts = accord_scheduler_check (scheduler, &proposal, session->id, NULL);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      const AccordConflict *c = g_ptr_array_index (conflicts, i);

      if (c->severity == ACCORD_SEVERITY_HARD)
        return g_strdup (c->message);
    }
  return NULL;
}

static AccordSession *
session_details (const AccordSession *session,
                 gpointer             user_data)
{
  AccordSchedulePage *self = user_data;

  return self->store != NULL ? accord_store_get_session (self->store, session->id, NULL) : NULL;
}

typedef struct
{
  gint64 id;
  gint64 version;
  gint64 starts_at;
  gint64 ends_at;
} Move;

static gboolean
do_move (AccordSchedulePage *self,
         const Move         *move,
         const char         *reason,
         GPtrArray         **conflicts)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));
  AccordScheduler *scheduler = page_scheduler (self);
  g_autoptr(AccordSession) moved = NULL;
  g_autoptr(GError) error = NULL;

  if (scheduler == NULL)
    return TRUE;
  moved = accord_scheduler_move (scheduler, move->id, move->version, move->starts_at, move->ends_at,
                                 reason, conflicts, &error);
  if (moved != NULL)
    {
      accord_window_add_toast (window, adw_toast_new (_("Session moved")));
      accord_window_data_changed (window);
      return TRUE;
    }
  if (g_error_matches (error, ACCORD_SCHEDULER_ERROR, ACCORD_SCHEDULER_ERROR_CONFLICT) && reason == NULL)
    return FALSE;
  accord_window_show_error (window, _("Could Not Move the Session"), error);
  accord_window_data_changed (window);
  return TRUE;
}

static void
on_override_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          data)
{
  AccordSchedulePage *self = ACCORD_SCHEDULE_PAGE (g_object_get_data (G_OBJECT (dialog), "page"));
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "move"))
    do_move (self, data, gtk_editable_get_text (entry), NULL);
  else
    reload (self);
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "move", reason[0] != '\0');
}

/* A drop on a time with hard conflicts books only with a written reason. */
static void
ask_override (AccordSchedulePage *self,
              const Move         *move,
              GPtrArray          *conflicts)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));
  g_autoptr(GString) body = g_string_new (_("The new time breaks these rules:"));
  GtkWidget *dialog, *entry = gtk_entry_new ();

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      const AccordConflict *c = g_ptr_array_index (conflicts, i);

      if (c->severity == ACCORD_SEVERITY_HARD)
        g_string_append_printf (body, "\n• %s", c->message);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Move Despite Conflicts?"), body->str);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for the override"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "page", g_object_ref (self), g_object_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_override_response_cb),
                         g_memdup2 (move, sizeof *move), (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks -------------------------------------------------------------- */

static void
on_filter_changed_cb (AccordSchedulePage *self)
{
  reload (self);
}

static void
on_session_activated_cb (AccordSchedulePage *self,
                         gint64              session_id)
{
  edit_session (self, session_id);
}

static void
on_create_session_cb (AccordSchedulePage *self,
                      gint64              starts_at,
                      gint64              ends_at)
{
  AccordSessionEditor *editor = new_editor (self);

  if (editor == NULL)
    return;
  accord_session_editor_set_times (editor, starts_at, ends_at);
  open_editor (self, editor);
}

static void
on_move_session_cb (AccordSchedulePage *self,
                    gint64              session_id,
                    gint64              starts_at,
                    gint64              ends_at,
                    AccordWeekView     *view)
{
  const AccordSession *session = accord_week_view_get_session (view, session_id);
  g_autoptr(GPtrArray) conflicts = NULL;
  Move move;

  if (session == NULL)
    return;
  move = (Move) { session_id, session->version, starts_at, ends_at };
  if (!do_move (self, &move, NULL, &conflicts))
    ask_override (self, &move, conflicts);
}

static void
on_agenda_activated_cb (AccordSchedulePage *self,
                        GtkListBoxRow      *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "session-id");

  if (id != NULL)
    edit_session (self, *id);
}

static void
on_month_day_clicked_cb (AccordSchedulePage *self,
                         GtkButton          *button)
{
  GDate *date = g_object_get_data (G_OBJECT (button), "date");

  self->anchor = *date;
  g_free (self->view);
  self->view = g_strdup ("week");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
  reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->week_view));
}

/* Actions ---------------------------------------------------------------- */

static void
step (AccordSchedulePage *self,
      int                 direction)
{
  if (g_str_equal (self->view, "day"))
    {
      if (direction > 0)
        g_date_add_days (&self->anchor, 1);
      else
        g_date_subtract_days (&self->anchor, 1);
    }
  else if (g_str_equal (self->view, "month"))
    {
      g_date_set_day (&self->anchor, 1);
      if (direction > 0)
        g_date_add_months (&self->anchor, 1);
      else
        g_date_subtract_months (&self->anchor, 1);
    }
  else if (direction > 0)
    g_date_add_days (&self->anchor, 7);
  else
    g_date_subtract_days (&self->anchor, 7);
  reload (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (ACCORD_SCHEDULE_PAGE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (ACCORD_SCHEDULE_PAGE (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AccordSchedulePage *self = ACCORD_SCHEDULE_PAGE (widget);

  set_today (&self->anchor, self->time_zone);
  reload (self);
}

/* Overrides -------------------------------------------------------------- */

static void
accord_schedule_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AccordSchedulePage *self = ACCORD_SCHEDULE_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_schedule_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AccordSchedulePage *self = ACCORD_SCHEDULE_PAGE (object);
  const char *view;

  switch (prop_id)
    {
    case PROP_VIEW:
      view = g_value_get_string (value);
      if (view == NULL || g_strcmp0 (view, self->view) == 0)
        return;
      g_free (self->view);
      self->view = g_strdup (view);
      g_object_notify_by_pspec (object, pspec);
      reload (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_schedule_page_dispose (GObject *object)
{
  AccordSchedulePage *self = ACCORD_SCHEDULE_PAGE (object);

  /* AdwBin owns its child: let go of it before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_SCHEDULE_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->broken, g_hash_table_unref);
  g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);

  G_OBJECT_CLASS (accord_schedule_page_parent_class)->dispose (object);
}

static void
accord_schedule_page_finalize (GObject *object)
{
  AccordSchedulePage *self = ACCORD_SCHEDULE_PAGE (object);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_free (self->view);
  g_free (self->search);
  g_array_unref (self->person_ids);
  g_array_unref (self->venue_ids);

  G_OBJECT_CLASS (accord_schedule_page_parent_class)->finalize (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "schedule.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "schedule.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "schedule.today", NULL, today_action);
  gtk_widget_class_install_property_action (widget_class, "schedule.view", "view");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "schedule.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "schedule.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "schedule.today", NULL);
}

static void
accord_schedule_page_class_init (AccordSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_schedule_page_dispose;
  object_class->finalize = accord_schedule_page_finalize;
  object_class->get_property = accord_schedule_page_get_property;
  object_class->set_property = accord_schedule_page_set_property;

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "week",
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORD_TYPE_WEEK_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordSchedulePage, range_label);
  gtk_widget_class_bind_template_child (widget_class, AccordSchedulePage, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordSchedulePage, venue_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordSchedulePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordSchedulePage, week_view);
  gtk_widget_class_bind_template_child (widget_class, AccordSchedulePage, day_view);
  gtk_widget_class_bind_template_child (widget_class, AccordSchedulePage, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, AccordSchedulePage, month_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_session_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_move_session_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_activated_cb);
  install_actions (widget_class);
}

static void
accord_schedule_page_init (AccordSchedulePage *self)
{
  self->view = g_strdup ("week");
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->venue_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->time_zone = g_time_zone_new_local ();
  set_today (&self->anchor, self->time_zone);

  gtk_widget_init_template (GTK_WIDGET (self));
  accord_week_view_set_check_func (self->week_view, check_move, self);
  accord_week_view_set_check_func (self->day_view, check_move, self);
  accord_week_view_set_details_func (self->week_view, session_details, self);
  accord_week_view_set_details_func (self->day_view, session_details, self);
}

/* Public API ------------------------------------------------------------- */

void
accord_schedule_page_set_store (AccordSchedulePage *self,
                                AccordStore        *store)
{
  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = accord_store_get_time_zone (store);
  set_today (&self->anchor, self->time_zone);
  accord_schedule_page_reload (self);
}

/* People and venues may have changed too: the filters are read again,
 * keeping what was chosen. */
void
accord_schedule_page_reload (AccordSchedulePage *self)
{
  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));

  if (self->store == NULL)
    return;
  self->loading_filters = TRUE;
  load_person_filter (self);
  load_venue_filter (self);
  self->loading_filters = FALSE;
  reload (self);
}

void
accord_schedule_page_set_search (AccordSchedulePage *self,
                                 const char         *text)
{
  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));

  g_free (self->search);
  self->search = g_strdup (text);
  if (self->sessions != NULL)
    show_sessions (self);
}

/* Opens the session editor for a new session, of @case_number if given,
 * on the next working day at nine. */
void
accord_schedule_page_new_session (AccordSchedulePage *self,
                                  const char         *case_number)
{
  AccordSessionEditor *editor;
  AccordScheduler *scheduler;
  GDate day;

  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));

  if ((editor = new_editor (self)) == NULL)
    return;
  scheduler = page_scheduler (self);
  set_today (&day, self->time_zone);
  g_date_add_days (&day, 1);
  accord_calendar_next_working_day (accord_scheduler_get_calendar (scheduler), &day);
  accord_session_editor_set_case (editor, case_number);
  accord_session_editor_set_times (editor, day_start (self, &day) + 9 * 3600, day_start (self, &day) + 10 * 3600);
  open_editor (self, editor);
}

/* Lands on the session's week with it selected, and opens it. */
void
accord_schedule_page_show_session (AccordSchedulePage *self,
                                   gint64              session_id)
{
  g_autoptr(AccordSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));

  session = accord_store_get_session (self->store, session_id, &error);
  if (session == NULL)
    {
      AccordWindow *window = accord_window_of (GTK_WIDGET (self));

      if (window != NULL)
        accord_window_show_error (window, _("Could Not Open the Session"), error);
      return;
    }
  start = local_time (self, session->starts_at);
  g_date_set_dmy (&self->anchor, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                  g_date_time_get_year (start));
  g_free (self->search);
  self->search = NULL;
  if (!g_str_equal (self->view, "week"))
    {
      g_free (self->view);
      self->view = g_strdup ("week");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
    }
  reload (self);
  accord_week_view_select (self->week_view, session_id);
  edit_session (self, session_id);
}

/* Returns: (transfer none): the week view, for tests */
AccordWeekView *
accord_schedule_page_get_week_view (AccordSchedulePage *self)
{
  g_return_val_if_fail (ACCORD_IS_SCHEDULE_PAGE (self), NULL);

  return self->week_view;
}

/* Sets the day shown, for tests and for callers that know a date. */
void
accord_schedule_page_show_date (AccordSchedulePage *self,
                                const GDate        *date)
{
  g_return_if_fail (ACCORD_IS_SCHEDULE_PAGE (self));
  g_return_if_fail (g_date_valid (date));

  self->anchor = *date;
  reload (self);
}
