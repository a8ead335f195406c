/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-session-editor"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-outcome-editor.h"
#include "accord-session-editor.h"
#include "accord-validate.h"
#include "accord-window.h"

/* A session's particulars, its participants and the conflicts the engine
 * finds in them, checked again a moment after every change.  A new
 * session is booked; a booked one can be moved in time or cancelled. */

#define CHECK_DELAY_MS 150
#define SLOT_COUNT 5
#define SLOT_WORKING_DAYS 30

typedef struct
{
  gint64      person_id;
  gint64      petitioner_id;
  const char *role;      /* interned */
  char       *name;
} Chosen;

struct _AccordSessionEditor
{
  AdwWindow        parent_instance;

  AccordStore     *store;
  AccordScheduler *scheduler;
  GTimeZone       *time_zone;
  AccordSession   *session;       /* the session edited; NULL for a new one */
  AccordCase      *kase;          /* the case the number names, once found */
  GArray          *chosen;        /* Chosen */
  GArray          *person_ids;    /* gint64, as in person_dropdown */
  GHashTable      *person_names;  /* gint64 * -> name */
  GArray          *venue_ids;     /* gint64, as in venue_row; 0 first */
  GPtrArray       *role_codes;    /* as in role_dropdown */
  GPtrArray       *conflicts;     /* AccordConflict, of the last check */
  GPtrArray       *slots;         /* AccordSlot, of the last search */
  gboolean         complete;      /* every field a check needs is valid */
  guint            check_timeout;

  /* Template widgets */
  GtkWidget       *save_button;
  AdwEntryRow     *case_row;
  AdwComboRow     *kind_row;
  AdwEntryRow     *date_row;
  GtkCalendar     *date_calendar;
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  AdwComboRow     *venue_row;
  AdwEntryRow     *notice_row;
  GtkSwitch       *public_switch;
  AdwEntryRow     *notes_row;
  GtkLabel        *case_error;
  GtkWidget       *add_box;
  GtkDropDown     *person_dropdown;
  GtkDropDown     *role_dropdown;
  GtkListBox      *participant_list;
  GtkListBox      *conflict_list;
  GtkWidget       *override_group;
  AdwEntryRow     *override_row;
  GtkListBox      *slot_list;
  GtkWidget       *cancel_session_button;
  GtkWidget       *record_outcome_button;
};

G_DEFINE_FINAL_TYPE (AccordSessionEditor, accord_session_editor, ADW_TYPE_WINDOW)

static void schedule_check (AccordSessionEditor *self);

/* Helpers ---------------------------------------------------------------- */

static void
chosen_clear (Chosen *chosen)
{
  g_free (chosen->name);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
parse_minute (const char *text,
              int        *minute)
{
  int h, m;
  char rest;

  if (sscanf (text, "%d:%d%c", &h, &m, &rest) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
    return FALSE;
  *minute = h * 60 + m;
  return TRUE;
}

static gint64
local_instant (AccordSessionEditor *self,
               const GDate         *date,
               int                  minute)
{
  g_autoptr(GDateTime) local = g_date_time_new (self->time_zone, g_date_get_year (date),
                                                g_date_get_month (date), g_date_get_day (date),
                                                minute / 60, minute % 60, 0);

  return g_date_time_to_unix (local);
}

static gboolean
read_times (AccordSessionEditor *self,
            gint64              *starts_at,
            gint64              *ends_at)
{
  GDate date;
  int start, end;

  if (!parse_date (entry_text (self->date_row), &date) ||
      !parse_minute (entry_text (self->start_row), &start) ||
      !parse_minute (entry_text (self->end_row), &end))
    return FALSE;
  *starts_at = local_instant (self, &date, start);
  *ends_at = local_instant (self, &date, end);
  return TRUE;
}

static char *
format_local (AccordSessionEditor *self,
              gint64               instant,
              const char          *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->time_zone);

  return g_date_time_format (local, format);
}

static const char *
selected_kind (AccordSessionEditor *self)
{
  const char * const *codes = accord_vocab_codes (ACCORD_VOCAB_SESSION_KIND);

  return codes[adw_combo_row_get_selected (self->kind_row)];
}

static gint64
selected_venue (AccordSessionEditor *self)
{
  guint index = adw_combo_row_get_selected (self->venue_row);

  return index < self->venue_ids->len ? g_array_index (self->venue_ids, gint64, index) : 0;
}

/* The participants as the engine takes them; points into self->chosen. */
static GArray *
participant_inputs (AccordSessionEditor *self)
{
  GArray *inputs = g_array_new (FALSE, FALSE, sizeof (AccordParticipantInput));

  for (guint i = 0; i < self->chosen->len; i++)
    {
      const Chosen *c = &g_array_index (self->chosen, Chosen, i);
      AccordParticipantInput input = { c->person_id, c->petitioner_id, c->role };

      g_array_append_val (inputs, input);
    }
  return inputs;
}

/* Fills @proposal from the fields; its strings point into the widgets. */
static gboolean
read_proposal (AccordSessionEditor *self,
               AccordSessionInput  *proposal,
               GArray              *inputs)
{
  const char *notice = entry_text (self->notice_row);

  *proposal = (AccordSessionInput) { 0 };
  if (self->kase == NULL || !read_times (self, &proposal->starts_at, &proposal->ends_at))
    return FALSE;
  proposal->case_number = accord_case_get_number (self->kase);
  proposal->kind = selected_kind (self);
  proposal->venue_id = selected_venue (self);
  proposal->participants = (const AccordParticipantInput *) inputs->data;
  proposal->n_participants = inputs->len;
  proposal->notice_date = notice[0] != '\0' ? notice : NULL;
  proposal->is_private = !gtk_switch_get_active (self->public_switch);
  proposal->notes = entry_text (self->notes_row);
  return TRUE;
}

static gboolean
has_hard_conflicts (AccordSessionEditor *self)
{
  return self->conflicts != NULL && accord_conflicts_have_hard (self->conflicts);
}

/* A session not yet held nor cancelled can still be changed. */
static gboolean
session_is_planned (const AccordSession *session)
{
  return !g_str_equal (session->status, "cancelled") && !g_str_equal (session->status, "held");
}

/* A session that has begun, or was held or adjourned, has an outcome to
 * record or to correct; a cancelled one has none. */
static gboolean
session_has_outcome (AccordSessionEditor *self)
{
  g_autofree char *today = NULL;
  g_autofree char *day = NULL;
  int order;

  if (self->session == NULL || g_str_equal (self->session->status, "cancelled"))
    return FALSE;
  if (g_str_equal (self->session->status, "held") || g_str_equal (self->session->status, "adjourned"))
    return TRUE;
  today = accord_store_today (self->store);
  day = format_local (self, self->session->starts_at, "%Y-%m-%d");
  order = strcmp (day, today);
  return order < 0 || (order == 0 && self->session->starts_at <= g_get_real_time () / G_USEC_PER_SEC);
}

static void
update_actions (AccordSessionEditor *self)
{
  g_autofree char *reason_text = g_strstrip (g_strdup (entry_text (self->override_row)));
  gboolean hard = has_hard_conflicts (self);
  gboolean reason = reason_text[0] != '\0';
  gboolean editable = self->session == NULL || session_is_planned (self->session);
  gboolean cancellable = self->session != NULL &&
                         !g_str_equal (self->session->status, "cancelled") &&
                         !g_str_equal (self->session->status, "held");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 self->complete && self->check_timeout == 0 && (!hard || reason));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-petitioners", editable && self->kase != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-participant",
                                 editable && self->person_ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-participant", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.find-slot", self->kase != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel-session", cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.record-outcome", session_has_outcome (self));
  gtk_widget_set_visible (self->override_group, hard);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
message_row (const char *title,
             const char *subtitle,
             const char *icon,
             const char *style)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (style != NULL)
    gtk_widget_add_css_class (image, style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  return row;
}

static void
show_conflicts (AccordSessionEditor *self,
                const char          *problem)
{
  clear_list (self->conflict_list);
  if (problem != NULL)
    {
      gtk_list_box_append (self->conflict_list,
                           message_row (problem, NULL, "dialog-information-symbolic", NULL));
      return;
    }
  for (guint i = 0; self->conflicts != NULL && i < self->conflicts->len; i++)
    {
      const AccordConflict *c = g_ptr_array_index (self->conflicts, i);
      gboolean hard = c->severity == ACCORD_SEVERITY_HARD;

      gtk_list_box_append (self->conflict_list,
                           message_row (c->message,
                                        hard ? _("Hard conflict: needs a written reason to book")
                                             : _("Soft conflict: a warning"),
                                        hard ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                                        hard ? "error" : "warning"));
    }
  if (self->conflicts != NULL && self->conflicts->len == 0)
    gtk_list_box_append (self->conflict_list,
                         message_row (_("No conflicts"), NULL, "emblem-ok-symbolic", "success"));
}

static void
show_participants (AccordSessionEditor *self)
{
  clear_list (self->participant_list);
  for (guint i = 0; i < self->chosen->len; i++)
    {
      const Chosen *c = &g_array_index (self->chosen, Chosen, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, c->role));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-participant");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->participant_list, row);
    }
  if (self->chosen->len == 0)
    gtk_list_box_append (self->participant_list,
                         message_row (_("No participants yet"), NULL, "system-users-symbolic", NULL));
}

static gboolean
is_chosen (AccordSessionEditor *self,
           gint64               person_id,
           gint64               petitioner_id)
{
  for (guint i = 0; i < self->chosen->len; i++)
    {
      const Chosen *c = &g_array_index (self->chosen, Chosen, i);

      if (c->person_id == person_id && c->petitioner_id == petitioner_id)
        return TRUE;
    }
  return FALSE;
}

static void
choose (AccordSessionEditor *self,
        gint64               person_id,
        gint64               petitioner_id,
        const char          *role,
        const char          *name)
{
  Chosen c = { person_id, petitioner_id, g_intern_string (role), g_strdup (name) };

  if (is_chosen (self, person_id, petitioner_id))
    {
      g_free (c.name);
      return;
    }
  g_array_append_val (self->chosen, c);
}

static const char *
person_name (AccordSessionEditor *self,
             gint64               person_id)
{
  const char *name = g_hash_table_lookup (self->person_names, &person_id);

  return name != NULL ? name : "?";
}

/* The case is looked up as it is typed; its petitioners can be added. */
static void
find_case (AccordSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strstrip (g_strdup (entry_text (self->case_row)));

  g_clear_object (&self->kase);
  if (number[0] != '\0')
    self->kase = accord_store_get_case (self->store, number, &error);
  gtk_label_set_text (self->case_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->case_error), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->case_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->case_row), "error");
}

static const char *
incomplete_reason (AccordSessionEditor *self)
{
  GDate date;
  int minute;

  if (self->kase == NULL)
    return _("Enter the number of an existing case");
  if (!parse_date (entry_text (self->date_row), &date))
    return _("Enter the date as YYYY-MM-DD");
  if (!parse_minute (entry_text (self->start_row), &minute) ||
      !parse_minute (entry_text (self->end_row), &minute))
    return _("Enter the start and end as HH:MM");
  return NULL;
}

static void
run_check (AccordSessionEditor *self)
{
  g_autoptr(GArray) inputs = participant_inputs (self);
  g_autoptr(GError) error = NULL;
  AccordSessionInput proposal;
  const char *problem;

  find_case (self);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  problem = incomplete_reason (self);
  self->complete = problem == NULL && read_proposal (self, &proposal, inputs);
  if (self->complete)
    {
      self->conflicts = accord_scheduler_check (self->scheduler, &proposal,
                                                self->session != NULL ? self->session->id : 0, &error);
      if (self->conflicts == NULL)
        {
          self->complete = FALSE;
          problem = error->message;
        }
    }
  show_conflicts (self, problem);
  update_actions (self);
}

static void
load_kinds (AccordSessionEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes = accord_vocab_codes (ACCORD_VOCAB_SESSION_KIND);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, codes[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
}

/* Petitioners join from the case, not from this list. */
static void
load_roles (AccordSessionEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes = accord_vocab_codes (ACCORD_VOCAB_SESSION_ROLE);

  for (guint i = 0; codes[i] != NULL; i++)
    if (!g_str_equal (codes[i], "petitioner"))
      {
        g_ptr_array_add (self->role_codes, (gpointer) codes[i]);
        gtk_string_list_append (labels, accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, codes[i]));
      }
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (labels));
}

static void
load_venues (AccordSessionEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) venues = accord_store_list_venues (self->store, NULL);
  gint64 none = 0;

  g_array_append_val (self->venue_ids, none);
  gtk_string_list_append (labels, _("No venue"));
  for (guint i = 0; venues != NULL && i < venues->len; i++)
    {
      const AccordVenue *v = g_ptr_array_index (venues, i);

      if (!v->active)
        continue;
      g_array_append_val (self->venue_ids, v->id);
      gtk_string_list_append (labels, v->name);
    }
  adw_combo_row_set_model (self->venue_row, G_LIST_MODEL (labels));
}

static char *
person_label (const AccordPerson *p)
{
  g_autoptr(GString) roles = g_string_new (NULL);

  for (guint i = 0; p->roles != NULL && p->roles[i] != NULL; i++)
    g_string_append_printf (roles, "%s%s", i > 0 ? ", " : "",
                            accord_vocab_label (ACCORD_VOCAB_PERSON_ROLE, p->roles[i]));
  return g_strdup_printf ("%s (%s)", p->name, roles->str);
}

static void
load_people (AccordSessionEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) persons = accord_store_list_persons (self->store, NULL, NULL);
  GtkExpression *expression;

  for (guint i = 0; persons != NULL && i < persons->len; i++)
    {
      const AccordPerson *p = g_ptr_array_index (persons, i);
      g_autofree char *label = person_label (p);

      g_hash_table_insert (self->person_names, g_memdup2 (&p->id, sizeof p->id), g_strdup (p->name));
      if (!p->active)
        continue;
      g_array_append_val (self->person_ids, p->id);
      gtk_string_list_append (labels, label);
    }
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->person_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (labels));
}

static char *
slot_title (AccordSessionEditor *self,
            const AccordSlot    *slot)
{
  /* TRANSLATORS: a free slot, e.g. "Mon 2025-03-10 09:00"; see g_date_time_format() */
  g_autofree char *start = format_local (self, slot->starts_at, _("%a %Y-%m-%d %H:%M"));
  g_autofree char *end = format_local (self, slot->ends_at, "%H:%M");
  g_autoptr(AccordVenue) venue = slot->venue_id > 0 ? accord_store_get_venue (self->store, slot->venue_id, NULL) : NULL;

  return g_strdup_printf ("%s–%s · %s", start, end, venue != NULL ? venue->name : _("No venue"));
}

static char *
slot_people (AccordSessionEditor *self,
             const AccordSlot    *slot)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < slot->participants->len; i++)
    {
      const AccordParticipantInput *p = &g_array_index (slot->participants, AccordParticipantInput, i);

      if (p->person_id <= 0)
        continue;
      g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "; " : "",
                              accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, p->role),
                              person_name (self, p->person_id));
    }
  return g_string_free (text, FALSE);
}

static void
show_slots (AccordSessionEditor *self,
            const char          *problem)
{
  clear_list (self->slot_list);
  gtk_widget_set_visible (GTK_WIDGET (self->slot_list), TRUE);
  if (problem != NULL || self->slots->len == 0)
    {
      gtk_list_box_append (self->slot_list,
                           message_row (problem != NULL ? problem : _("No free slot in the next 30 working days"),
                                        NULL, "dialog-information-symbolic", NULL));
      return;
    }
  for (guint i = 0; i < self->slots->len; i++)
    {
      const AccordSlot *slot = g_ptr_array_index (self->slots, i);
      g_autofree char *title = slot_title (self, slot);
      g_autofree char *people = slot_people (self, slot);
      GtkWidget *row = message_row (title, people, "x-office-calendar-symbolic", NULL);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "slot");
      gtk_list_box_append (self->slot_list, row);
    }
}

static int
panelists_chosen (AccordSessionEditor *self)
{
  int n = 0;

  for (guint i = 0; i < self->chosen->len; i++)
    n += g_str_equal (g_array_index (self->chosen, Chosen, i).role, "panelist");
  return n;
}

/* From the next working day, 30 working days on. */
static void
slot_range (AccordSessionEditor *self,
            char                 from[11],
            char                 to[11])
{
  AccordCalendar *calendar = accord_scheduler_get_calendar (self->scheduler);
  g_autofree char *today = accord_today ();
  GDate date;

  parse_date (today, &date);
  g_date_add_days (&date, 1);
  accord_calendar_next_working_day (calendar, &date);
  g_date_strftime (from, 11, "%Y-%m-%d", &date);
  accord_calendar_add_working_days (calendar, &date, SLOT_WORKING_DAYS);
  g_date_strftime (to, 11, "%Y-%m-%d", &date);
}

static void
apply_slot (AccordSessionEditor *self,
            const AccordSlot    *slot)
{
  g_autofree char *date = format_local (self, slot->starts_at, "%Y-%m-%d");
  g_autofree char *start = format_local (self, slot->starts_at, "%H:%M");
  g_autofree char *end = format_local (self, slot->ends_at, "%H:%M");

  set_entry_text (self->date_row, date);
  set_entry_text (self->start_row, start);
  set_entry_text (self->end_row, end);
  for (guint i = 0; i < self->venue_ids->len; i++)
    if (g_array_index (self->venue_ids, gint64, i) == slot->venue_id)
      adw_combo_row_set_selected (self->venue_row, i);
  for (guint i = 0; i < slot->participants->len; i++)
    {
      const AccordParticipantInput *p = &g_array_index (slot->participants, AccordParticipantInput, i);

      if (p->person_id > 0)
        choose (self, p->person_id, 0, p->role, person_name (self, p->person_id));
    }
  show_participants (self);
  schedule_check (self);
}

/* Callbacks -------------------------------------------------------------- */

static gboolean
on_check_timeout_cb (gpointer data)
{
  AccordSessionEditor *self = data;

  self->check_timeout = 0;
  run_check (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (AccordSessionEditor *self)
{
  g_clear_handle_id (&self->check_timeout, g_source_remove);
  self->check_timeout = g_timeout_add (CHECK_DELAY_MS, on_check_timeout_cb, self);
  update_actions (self);
}

static void
on_field_changed_cb (AccordSessionEditor *self)
{
  schedule_check (self);
}

static void
on_override_changed_cb (AccordSessionEditor *self)
{
  update_actions (self);
}

static void
on_day_selected_cb (AccordSessionEditor *self,
                    GtkCalendar         *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  set_entry_text (self->date_row, text);
}

static void
on_slot_activated_cb (AccordSessionEditor *self,
                      GtkListBoxRow       *row,
                      GtkListBox          *list)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->slots->len && gtk_widget_has_css_class (GTK_WIDGET (row), "slot"))
    apply_slot (self, g_ptr_array_index (self->slots, index));
}

/* What an Undo on the "Session cancelled" toast needs once the editor
 * has gone. */
typedef struct
{
  AccordWindow    *window;
  AccordScheduler *scheduler;
  gint64           session_id;
  char            *status;
} Cancelled;

static void
cancelled_free (gpointer  data,
                GClosure *closure)
{
  Cancelled *c = data;

  g_object_unref (c->window);
  g_object_unref (c->scheduler);
  g_free (c->status);
  g_free (c);
}

static void
on_undo_cancel_cb (AdwToast  *toast,
                   Cancelled *c)
{
  g_autoptr(GError) error = NULL;

  if (!accord_scheduler_restore (c->scheduler, c->session_id, 0, c->status, &error))
    accord_window_show_error (c->window, _("Could Not Restore the Session"), error);
  accord_window_data_changed (c->window);
}

static AdwToast *
cancelled_toast (AccordSessionEditor *self,
                 AccordWindow        *window)
{
  AdwToast *toast = adw_toast_new (_("Session cancelled"));
  Cancelled *c = g_new0 (Cancelled, 1);

  c->window = g_object_ref (window);
  c->scheduler = g_object_ref (self->scheduler);
  c->session_id = self->session->id;
  c->status = g_strdup (self->session->status);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_cancel_cb), c,
                         cancelled_free, 0);
  return toast;
}

static void
destroy_window_cb (gpointer data)
{
  g_autoptr(GtkWindow) window = data;

  gtk_window_destroy (window);
}

static void
on_cancel_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       AccordSessionEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "cancel-session"))
    return;
  if (!accord_scheduler_cancel (self->scheduler, self->session->id, self->session->version,
                                gtk_editable_get_text (entry), &error))
    {
      if (window != NULL)
        accord_window_show_error (window, _("Could Not Cancel the Session"), error);
      if (window != NULL && g_error_matches (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_STALE))
        accord_window_data_changed (window);
      return;
    }
  if (window != NULL)
    {
      accord_window_add_toast (window, cancelled_toast (self, window));
      accord_window_data_changed (window);
    }
  /* The dialog answering is transient for this window: the window goes
   * once the dialog is done with it. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_once (destroy_window_cb, g_object_ref (self));
}

static void
on_cancel_reason_changed_cb (GtkEditable      *entry,
                             AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "cancel-session", reason[0] != '\0');
}

/* Actions ---------------------------------------------------------------- */

static void
add_participant_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AccordSessionEditor *self = ACCORD_SESSION_EDITOR (widget);
  guint person = gtk_drop_down_get_selected (self->person_dropdown);
  guint role = gtk_drop_down_get_selected (self->role_dropdown);
  gint64 id;

  if (person >= self->person_ids->len || role >= self->role_codes->len)
    return;
  id = g_array_index (self->person_ids, gint64, person);
  choose (self, id, 0, g_ptr_array_index (self->role_codes, role), person_name (self, id));
  show_participants (self);
  schedule_check (self);
}

static void
remove_participant_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AccordSessionEditor *self = ACCORD_SESSION_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < self->chosen->len)
    g_array_remove_index (self->chosen, index);
  show_participants (self);
  schedule_check (self);
}

static void
add_petitioners_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AccordSessionEditor *self = ACCORD_SESSION_EDITOR (widget);
  GPtrArray *petitioners = self->kase != NULL ? accord_case_get_petitioners (self->kase) : NULL;

  for (guint i = 0; petitioners != NULL && i < petitioners->len; i++)
    {
      const AccordPetitioner *p = g_ptr_array_index (petitioners, i);

      choose (self, 0, p->id, "petitioner", p->name);
    }
  show_participants (self);
  schedule_check (self);
}

static void
find_slot_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordSessionEditor *self = ACCORD_SESSION_EDITOR (widget);
  AccordScheduleRules *rules = accord_scheduler_get_rules (self->scheduler);
  g_autoptr(GArray) inputs = participant_inputs (self);
  g_autoptr(GError) error = NULL;
  AccordSlotRequest request = { 0 };
  gint64 starts_at, ends_at, venue = selected_venue (self);
  char from[11], to[11];
  GPtrArray *slots;

  if (self->kase == NULL)
    return;
  slot_range (self, from, to);
  request.case_number = accord_case_get_number (self->kase);
  request.kind = selected_kind (self);
  request.duration_minutes = read_times (self, &starts_at, &ends_at) && ends_at > starts_at
                             ? (int) ((ends_at - starts_at) / 60) : 60;
  request.required = (const AccordParticipantInput *) inputs->data;
  request.n_required = inputs->len;
  if (g_str_equal (request.kind, "hearing"))
    request.panel_size = MAX (rules->min_panel - panelists_chosen (self), 0);
  request.from = from;
  request.to = to;
  request.venue_ids = venue > 0 ? &venue : NULL;
  request.n_venues = venue > 0 ? 1 : 0;
  request.count = SLOT_COUNT;

  slots = accord_scheduler_suggest (self->scheduler, &request, &error);
  g_ptr_array_set_size (self->slots, 0);
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    g_ptr_array_add (self->slots, g_ptr_array_steal_index (slots, i--));
  g_clear_pointer (&slots, g_ptr_array_unref);
  show_slots (self, error != NULL ? error->message : NULL);
}

static gboolean
save_new (AccordSessionEditor *self,
          const char          *reason,
          GError             **error)
{
  g_autoptr(GArray) inputs = participant_inputs (self);
  g_autoptr(AccordSession) booked = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  AccordSessionInput proposal;

  if (!read_proposal (self, &proposal, inputs))
    return FALSE;
  booked = accord_scheduler_book (self->scheduler, &proposal, reason, &conflicts, error);
  return booked != NULL;
}

static gboolean
save_existing (AccordSessionEditor *self,
               const char          *reason,
               GError             **error)
{
  g_autoptr(GArray) inputs = participant_inputs (self);
  g_autoptr(AccordSession) changed = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  AccordSessionInput proposal;

  if (!read_proposal (self, &proposal, inputs))
    return FALSE;
  changed = accord_scheduler_update (self->scheduler, self->session->id, self->session->version,
                                     &proposal, reason, &conflicts, error);
  return changed != NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordSessionEditor *self = ACCORD_SESSION_EDITOR (widget);
  AccordWindow *window = accord_window_of (widget);
  g_autofree char *reason = g_strstrip (g_strdup (entry_text (self->override_row)));
  const char *override = has_hard_conflicts (self) && reason[0] != '\0' ? reason : NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = self->session == NULL ? save_new (self, override, &error) : save_existing (self, override, &error);
  if (!saved)
    {
      if (window != NULL && error != NULL)
        accord_window_show_error (window, _("Could Not Save the Session"), error);
      if (window != NULL && g_error_matches (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_STALE))
        accord_window_data_changed (window);
      run_check (self);
      return;
    }
  if (window != NULL)
    {
      accord_window_add_toast (window, adw_toast_new (self->session == NULL ? _("Session booked")
                                                                            : _("Session saved")));
      accord_window_data_changed (window);
    }
  /* The entry with the focus is told it lost it before it goes. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Cancelling cannot be undone in the store, so it is confirmed first,
 * with the reason the audit log keeps. */
static void
cancel_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordSessionEditor *self = ACCORD_SESSION_EDITOR (widget);
  GtkWidget *dialog, *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cancel This Session?"),
                                   _("The participants will have to be told. Give the reason for the record."));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Session"),
                                    "cancel-session", _("_Cancel Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-session",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "cancel-session", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel-session");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (entry, "changed", G_CALLBACK (on_cancel_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The outcome is recorded in its own window, in place of this one. */
static void
record_outcome_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordSessionEditor *self = ACCORD_SESSION_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  AccordOutcomeEditor *editor;

  editor = accord_outcome_editor_new (parent, self->store, self->session->id, &error);
  if (editor == NULL)
    {
      accord_window_report_error (widget, _("Could Not Open the Outcome"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides -------------------------------------------------------------- */

static void
accord_session_editor_dispose (GObject *object)
{
  AccordSessionEditor *self = ACCORD_SESSION_EDITOR (object);

  g_clear_handle_id (&self->check_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_SESSION_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (accord_session_editor_parent_class)->dispose (object);
}

static void
accord_session_editor_finalize (GObject *object)
{
  AccordSessionEditor *self = ACCORD_SESSION_EDITOR (object);

  g_clear_pointer (&self->session, accord_session_free);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_array_unref (self->chosen);
  g_array_unref (self->person_ids);
  g_hash_table_unref (self->person_names);
  g_array_unref (self->venue_ids);
  g_ptr_array_unref (self->role_codes);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_ptr_array_unref (self->slots);

  G_OBJECT_CLASS (accord_session_editor_parent_class)->finalize (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, case_row);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, venue_row);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, notice_row);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, public_switch);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, case_error);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, add_box);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, participant_list);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, conflict_list);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, override_group);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, override_row);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, slot_list);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, cancel_session_button);
  gtk_widget_class_bind_template_child (widget_class, AccordSessionEditor, record_outcome_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_override_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_slot_activated_cb);
}

static void
accord_session_editor_class_init (AccordSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_session_editor_dispose;
  object_class->finalize = accord_session_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-session-editor.ui");
  bind_children (widget_class);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-participant", NULL, add_participant_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-participant", "u", remove_participant_action);
  gtk_widget_class_install_action (widget_class, "editor.add-petitioners", NULL, add_petitioners_action);
  gtk_widget_class_install_action (widget_class, "editor.find-slot", NULL, find_slot_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel-session", NULL, cancel_session_action);
  gtk_widget_class_install_action (widget_class, "editor.record-outcome", NULL, record_outcome_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
accord_session_editor_init (AccordSessionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_array_new (FALSE, TRUE, sizeof (Chosen));
  g_array_set_clear_func (self->chosen, (GDestroyNotify) chosen_clear);
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->venue_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->role_codes = g_ptr_array_new ();
  self->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_slot_free);
  load_kinds (self);
  load_roles (self);
  show_participants (self);
}

/* Public API ------------------------------------------------------------- */

AccordSessionEditor *
accord_session_editor_new (GtkWindow       *parent,
                           AccordStore     *store,
                           AccordScheduler *scheduler)
{
  AccordSessionEditor *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (ACCORD_IS_SCHEDULER (scheduler), NULL);

  self = g_object_new (ACCORD_TYPE_SESSION_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->scheduler = g_object_ref (scheduler);
  self->time_zone = accord_store_get_time_zone (store);
  load_venues (self);
  load_people (self);
  update_actions (self);
  schedule_check (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->case_row));
  return self;
}

void
accord_session_editor_set_case (AccordSessionEditor *self,
                                const char          *case_number)
{
  g_return_if_fail (ACCORD_IS_SESSION_EDITOR (self));

  set_entry_text (self->case_row, case_number);
}

void
accord_session_editor_set_times (AccordSessionEditor *self,
                                 gint64               starts_at,
                                 gint64               ends_at)
{
  g_autofree char *date = NULL, *start = NULL, *end = NULL;

  g_return_if_fail (ACCORD_IS_SESSION_EDITOR (self));

  date = format_local (self, starts_at, "%Y-%m-%d");
  start = format_local (self, starts_at, "%H:%M");
  end = format_local (self, ends_at, "%H:%M");
  set_entry_text (self->date_row, date);
  set_entry_text (self->start_row, start);
  set_entry_text (self->end_row, end);
}

static void
select_code (AdwComboRow        *row,
             const char * const *codes,
             const char         *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      adw_combo_row_set_selected (row, i);
}

/* A booked session: its time can change (a move) and it can be
 * cancelled; what else it holds is shown as booked. */
void
accord_session_editor_set_session (AccordSessionEditor *self,
                                   const AccordSession *session)
{
  g_return_if_fail (ACCORD_IS_SESSION_EDITOR (self));
  g_return_if_fail (session != NULL);

  g_clear_pointer (&self->session, accord_session_free);
  self->session = accord_session_copy (session);
  gtk_window_set_title (GTK_WINDOW (self), _("Session"));
  set_entry_text (self->case_row, session->case_number);
  select_code (self->kind_row, accord_vocab_codes (ACCORD_VOCAB_SESSION_KIND), session->kind);
  accord_session_editor_set_times (self, session->starts_at, session->ends_at);
  for (guint i = 0; i < self->venue_ids->len; i++)
    if (g_array_index (self->venue_ids, gint64, i) == session->venue_id)
      adw_combo_row_set_selected (self->venue_row, i);
  set_entry_text (self->notice_row, session->notice_date);
  gtk_switch_set_active (self->public_switch, session->is_public);
  set_entry_text (self->notes_row, session->notes);
  g_array_set_size (self->chosen, 0);
  for (guint i = 0; session->participants != NULL && i < session->participants->len; i++)
    {
      const AccordParticipant *p = g_ptr_array_index (session->participants, i);

      choose (self, p->person_id, p->petitioner_id, p->role, p->name);
    }
  show_participants (self);

  /* A session stays with its case; a held or cancelled one is a record. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->case_row), FALSE);
  if (!session_is_planned (session))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->venue_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->notice_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->public_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->notes_row), FALSE);
      gtk_widget_set_visible (self->add_box, FALSE);
    }
  gtk_widget_set_visible (self->cancel_session_button, TRUE);
  gtk_widget_set_visible (self->record_outcome_button, session_has_outcome (self));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->start_row));
  schedule_check (self);
}

gint64
accord_session_editor_get_session_id (AccordSessionEditor *self)
{
  g_return_val_if_fail (ACCORD_IS_SESSION_EDITOR (self), 0);

  return self->session != NULL ? self->session->id : 0;
}

/* Returns: (transfer none) (nullable) (element-type AccordConflict): the
 * conflicts of the last check, NULL while the fields are incomplete */
GPtrArray *
accord_session_editor_get_conflicts (AccordSessionEditor *self)
{
  g_return_val_if_fail (ACCORD_IS_SESSION_EDITOR (self), NULL);

  return self->conflicts;
}

guint
accord_session_editor_get_n_slots (AccordSessionEditor *self)
{
  g_return_val_if_fail (ACCORD_IS_SESSION_EDITOR (self), 0);

  return self->slots->len;
}
