/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-preferences"

#include <string.h>

#include <glib/gstdio.h>

#include "accord-backup.h"
#include "accord-gui-test.h"
#include "accord-preferences-window.h"
#include "accord-scheduler.h"

static AccordPreferencesWindow *
open_preferences (AccordGuiFixture *f)
{
  AccordPreferencesWindow *prefs = accord_preferences_window_new (GTK_WINDOW (f->window), f->store);

  gtk_window_present (GTK_WINDOW (prefs));
  accord_gui_wait_idle ();
  return prefs;
}

static char *
setting (AccordGuiFixture *f,
         const char       *key)
{
  return accord_store_get_setting (f->store, key, NULL);
}

/* A spin button's new value is in the database at once. */
static void
test_number_saved (AccordGuiFixture *f,
                   gconstpointer     data)
{
  AccordPreferencesWindow *prefs = open_preferences (f);
  GtkWidget *row = accord_gui_find_named (GTK_WIDGET (prefs), "schedule.buffer_minutes");
  GtkWidget *spin = accord_gui_find (row, GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  g_autofree char *value = NULL;

  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 15);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 25);
  value = setting (f, "schedule.buffer_minutes");
  g_assert_cmpstr (value, ==, "25");
}

/* A time that is not one is refused, the row shows the stored time again
 * and the database is unchanged; a good one is saved as minutes. */
static void
test_time_checked (AccordGuiFixture *f,
                   gconstpointer     data)
{
  AccordPreferencesWindow *prefs = open_preferences (f);
  GtkWidget *row = accord_gui_find_named (GTK_WIDGET (prefs), "schedule.morning_start");
  g_autofree char *refused = NULL, *saved = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "08:30");

  gtk_editable_set_text (GTK_EDITABLE (row), "25:00");
  g_signal_emit_by_name (row, "apply");
  refused = setting (f, "schedule.morning_start");
  g_assert_null (refused);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "08:30");

  gtk_editable_set_text (GTK_EDITABLE (row), "9:05");
  g_signal_emit_by_name (row, "apply");
  saved = setting (f, "schedule.morning_start");
  g_assert_cmpstr (saved, ==, "545");
}

/* A case number pattern without its sequence is refused by core. */
static void
test_pattern_checked (AccordGuiFixture *f,
                      gconstpointer     data)
{
  AccordPreferencesWindow *prefs = open_preferences (f);
  GtkWidget *row = accord_gui_find_named (GTK_WIDGET (prefs), "case_number_pattern");
  g_autofree char *value = NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), "XF-{year}");
  g_signal_emit_by_name (row, "apply");
  value = setting (f, "case_number_pattern");
  g_assert_null (value);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "XF-{year}-{seq:6}");
}

/* Reminder times are entered in hours and kept in seconds; a time zone
 * that does not exist is refused. */
static void
test_reminders_and_zone (AccordGuiFixture *f,
                         gconstpointer     data)
{
  AccordPreferencesWindow *prefs = open_preferences (f);
  GtkWidget *leads = accord_gui_find_named (GTK_WIDGET (prefs), "reminders.lead_seconds");
  GtkWidget *zone = accord_gui_find_named (GTK_WIDGET (prefs), "time_zone");
  g_autofree char *saved = NULL, *refused = NULL, *no_zone = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (leads)), ==, "24, 1");
  gtk_editable_set_text (GTK_EDITABLE (leads), "48，0.5");
  g_signal_emit_by_name (leads, "apply");
  saved = setting (f, "reminders.lead_seconds");
  g_assert_cmpstr (saved, ==, "172800,1800");

  gtk_editable_set_text (GTK_EDITABLE (leads), "tomorrow");
  g_signal_emit_by_name (leads, "apply");
  refused = setting (f, "reminders.lead_seconds");
  g_assert_cmpstr (refused, ==, "172800,1800");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (leads)), ==, "48, 0.5");

  gtk_editable_set_text (GTK_EDITABLE (zone), "Mars/Olympus");
  g_signal_emit_by_name (zone, "apply");
  no_zone = setting (f, "time_zone");
  g_assert_null (no_zone);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zone)), ==, "Asia/Shanghai");
}

/* The document language is chosen from a list. */
static void
test_document_language (AccordGuiFixture *f,
                        gconstpointer     data)
{
  AccordPreferencesWindow *prefs = open_preferences (f);
  GtkWidget *row = accord_gui_find (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, NULL, NULL);
  g_autofree char *value = NULL;

  /* The first combo row is the document language (the profile is on the
   * deadlines page). */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  value = setting (f, "document_language");
  g_assert_cmpstr (value, ==, "en");
}

static gboolean
backup_shown (gpointer data)
{
  return !g_str_equal (adw_action_row_get_subtitle (ADW_ACTION_ROW (data)), "Never");
}

/* Back Up Now makes today's backup in the folder beside the database,
 * readable by its owner only, and shows when it was made. */
static void
test_back_up_now (AccordGuiFixture *f,
                  gconstpointer     data)
{
  AccordPreferencesWindow *prefs = open_preferences (f);
  GtkWidget *folder = accord_gui_find_named (GTK_WIDGET (prefs), "backup-folder");
  GtkWidget *last = accord_gui_find_named (GTK_WIDGET (prefs), "last-backup");
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *today = accord_store_today (f->store);
  g_autofree char *name = accord_backup_daily_name (today);
  g_autofree char *path = g_build_filename (backups, name, NULL);
  GStatBuf st;

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (folder)), ==, backups);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (last)), ==, "Never");

  gtk_widget_activate_action (GTK_WIDGET (prefs), "preferences.back-up", NULL);
  g_assert_true (accord_gui_wait_until (backup_shown, last));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (accord_backup_get_last (f->store), >, 0);
}

static gboolean
has_dialog (gpointer data)
{
  return accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
has_no_dialog (gpointer data)
{
  return !has_dialog (data);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
click (AdwMessageDialog *dialog,
       const char       *label)
{
  GtkWidget *button = accord_gui_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, has_label, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static AdwMessageDialog *
ask_restore (AccordPreferencesWindow *prefs,
             const char              *path)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (prefs), "preferences.restore-from", "s", path);
  g_assert_true (accord_gui_wait_until (has_dialog, NULL));
  dialog = ADW_MESSAGE_DIALOG (accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“before.db”"));
  return dialog;
}

/* Restoring asks first; cancelled, nothing changes; confirmed, the records
 * are the backup's, those replaced are kept beside it and the preferences
 * close on the restored settings. */
static void
test_restore (AccordGuiFixture *f,
              gconstpointer     data)
{
  AccordPreferencesWindow *prefs = open_preferences (f);
  g_autofree char *path = g_build_filename (f->dir, "before.db", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *changed = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  AdwMessageDialog *dialog;
  gpointer alive = prefs;

  g_assert_true (accord_backup_to_file (f->store, path, &error));
  g_assert_true (accord_store_set_setting (f->store, "bureau_name", "备份之后改的名称", &error));
  g_assert_no_error (error);

  dialog = ask_restore (prefs, path);
  click (dialog, "_Cancel");
  g_assert_true (accord_gui_wait_until (has_no_dialog, NULL));
  changed = setting (f, "bureau_name");
  g_assert_cmpstr (changed, ==, "备份之后改的名称");
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  g_object_add_weak_pointer (G_OBJECT (prefs), &alive);
  dialog = ask_restore (prefs, path);
  click (dialog, "_Replace");
  /* The backup is checked and copied in a thread; meanwhile the
   * preferences cannot be changed. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (prefs)));
  g_assert_true (accord_gui_wait_until (is_gone, &alive));
  restored = setting (f, "bureau_name");
  g_assert_null (restored);

  dir = g_dir_open (backups, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_dir_read_name (dir), "accord-before-restore-"));
}

/* A case, a pool that makes the usual panel and a room, for the
 * scheduler's checks of a hearing on Tuesday 2026-12-01. */
typedef struct
{
  char   *number;
  gint64  presider, lawyer, deputy, expert, mediator, psychologist;
  gint64  room;
} Bureau;

static gint64
add_person (AccordGuiFixture *f,
            const char       *name,
            const char       *role)
{
  const char *roles[] = { role, NULL };
  AccordPersonInput in = { name, roles, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPerson) person = accord_store_add_person (f->store, &in, &error);

  g_assert_no_error (error);
  return person->id;
}

static void
bureau_set_up (AccordGuiFixture *f,
               Bureau           *b)
{
  static const AccordPetitionerInput petitioner = { "刘洋", "440304198501011235", "13800001111", NULL };
  AccordCaseInput in = { .title = "房屋征收补偿问题", .category = "城乡建设", .channel = "visit",
                         .received_on = "2026-10-09", .petitioners = &petitioner, .n_petitioners = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) c = accord_store_add_case (f->store, &in, &error);
  g_autoptr(AccordVenue) room = NULL;

  g_assert_no_error (error);
  b->number = g_strdup (accord_case_get_number (c));
  b->presider = add_person (f, "周建华", "officer");
  b->lawyer = add_person (f, "王芳", "lawyer");
  b->deputy = add_person (f, "李建国", "npc_deputy");
  b->expert = add_person (f, "孙丽华", "expert");
  b->mediator = add_person (f, "何平", "mediator");
  b->psychologist = add_person (f, "郑静", "psychologist");
  room = accord_store_add_venue (f->store, "一号听证室", 20, NULL, &error);
  g_assert_no_error (error);
  b->room = room->id;
}

/* The messages of the composition conflicts the window's scheduler finds,
 * joined with "; " ("" when none). */
static char *
composition_conflicts (AccordGuiFixture             *f,
                       Bureau                       *b,
                       const char                   *kind,
                       const AccordParticipantInput *people,
                       guint                         n_people)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2026, 12, 1, 14, 0, 0);
  AccordSessionInput in = { b->number, kind, g_date_time_to_unix (start), g_date_time_to_unix (start) + 7200,
                            b->room, people, n_people, "2026-11-20" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = accord_scheduler_check (accord_window_get_scheduler (f->window), &in, 0, &error);
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < conflicts->len; i++)
    {
      AccordConflict *c = g_ptr_array_index (conflicts, i);

      if (g_str_equal (c->rule, "composition"))
        g_ptr_array_add (messages, c->message);
    }
  g_ptr_array_add (messages, NULL);
  return g_strjoinv ("; ", (char **) messages->pdata);
}

static char *
hearing_conflicts (AccordGuiFixture *f,
                   Bureau           *b)
{
  AccordParticipantInput people[] = {
    { b->presider, 0, "presider" }, { b->lawyer, 0, "panelist" }, { b->deputy, 0, "panelist" },
    { b->expert, 0, "panelist" },
  };

  return composition_conflicts (f, b, "hearing", people, G_N_ELEMENTS (people));
}

static gboolean
has_title (GtkWidget     *widget,
           gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (GtkWidget  *group,
          const char *title)
{
  return accord_gui_find (group, ADW_TYPE_ACTION_ROW, has_title, title);
}

static gboolean
has_undo (gpointer data)
{
  return accord_gui_find (GTK_WIDGET (data), GTK_TYPE_BUTTON, has_label, "_Undo") != NULL;
}

/* Ticks @roles in the group's Add dialog, asks for @count and adds. */
static void
add_requirement (GtkWidget          *group,
                 const char * const *roles,
                 int                 count)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (group, "composition.add", NULL);
  g_assert_true (accord_gui_wait_until (has_dialog, NULL));
  dialog = ADW_MESSAGE_DIALOG (accord_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  for (guint i = 0; roles[i] != NULL; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (accord_gui_find_named (GTK_WIDGET (dialog), roles[i])), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (accord_gui_find_named (GTK_WIDGET (dialog), "count")), count);
  click (dialog, "_Add");
  g_assert_true (accord_gui_wait_until (has_no_dialog, NULL));
}

/* A requirement added in the Add dialog is saved, shown as a row and
 * followed by the scheduler at once; its count changed in the row too;
 * removed, the panel is accepted again, and Undo brings it back. */
static void
test_hearing_composition (AccordGuiFixture *f,
                          gconstpointer     data)
{
  static const char * const psychologist[] = { "psychologist", NULL };
  AccordPreferencesWindow *prefs;
  GtkWidget *group, *row, *spin, *undo;
  g_autofree char *before = NULL, *added = NULL, *lacking = NULL, *two = NULL, *removed = NULL;
  g_autofree char *accepted = NULL, *undone = NULL, *again = NULL;
  Bureau b = { 0 };

  bureau_set_up (f, &b);
  prefs = open_preferences (f);
  group = accord_gui_find_named (GTK_WIDGET (prefs), "schedule.hearing_composition");
  g_assert_nonnull (find_row (group, "At least 1 of: Lawyer or Legal worker"));
  g_assert_nonnull (find_row (group, "At least 1 of: People's congress deputy or CPPCC member"));
  before = hearing_conflicts (f, &b);
  g_assert_cmpstr (before, ==, "");

  add_requirement (group, psychologist, 1);
  added = setting (f, "schedule.hearing_composition");
  g_assert_cmpstr (added, ==, "lawyer|legal_worker:1,npc_deputy|cppcc_member:1,psychologist:1");
  row = find_row (group, "At least 1 of: Psychologist");
  g_assert_nonnull (row);
  lacking = hearing_conflicts (f, &b);
  g_assert_cmpstr (lacking, ==, "The panel should include at least 1 of: Psychologist");

  spin = accord_gui_find (row, GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2);
  two = setting (f, "schedule.hearing_composition");
  g_assert_cmpstr (two, ==, "lawyer|legal_worker:1,npc_deputy|cppcc_member:1,psychologist:2");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "At least 2 of: Psychologist");

  gtk_widget_activate_action (group, "composition.remove", "u", 2);
  removed = setting (f, "schedule.hearing_composition");
  g_assert_cmpstr (removed, ==, "lawyer|legal_worker:1,npc_deputy|cppcc_member:1");
  g_assert_null (find_row (group, "At least 2 of: Psychologist"));
  accepted = hearing_conflicts (f, &b);
  g_assert_cmpstr (accepted, ==, "");

  g_assert_true (accord_gui_wait_until (has_undo, prefs));
  undo = accord_gui_find (GTK_WIDGET (prefs), GTK_TYPE_BUTTON, has_label, "_Undo");
  g_signal_emit_by_name (undo, "clicked");
  undone = setting (f, "schedule.hearing_composition");
  g_assert_cmpstr (undone, ==, "lawyer|legal_worker:1,npc_deputy|cppcc_member:1,psychologist:2");
  g_assert_nonnull (find_row (group, "At least 2 of: Psychologist"));
  again = hearing_conflicts (f, &b);
  g_assert_cmpstr (again, ==, "The panel should include at least 2 of: Psychologist");
  g_free (b.number);
}

/* A mediation's requirements are roles in the session: once every one is
 * removed, a mediation without a mediator is accepted; one added asks for
 * a psychologist among those taking part. */
static void
test_mediation_composition (AccordGuiFixture *f,
                            gconstpointer     data)
{
  static const char * const psychologist[] = { "psychologist", "lawyer", NULL };
  AccordPreferencesWindow *prefs;
  GtkWidget *group;
  g_autofree char *before = NULL, *cleared = NULL, *none = NULL, *added = NULL, *lacking = NULL;
  Bureau b = { 0 };
  AccordParticipantInput people[1];

  bureau_set_up (f, &b);
  people[0] = (AccordParticipantInput) { b.expert, 0, "observer" };
  prefs = open_preferences (f);
  group = accord_gui_find_named (GTK_WIDGET (prefs), "schedule.mediation_composition");
  g_assert_nonnull (find_row (group, "At least 1 of: mediator"));
  before = composition_conflicts (f, &b, "mediation", people, 1);
  g_assert_cmpstr (before, ==, "The session should include at least 1 of: mediator");

  gtk_widget_activate_action (group, "composition.remove", "u", 0);
  cleared = setting (f, "schedule.mediation_composition");
  g_assert_cmpstr (cleared, ==, "");
  g_assert_true (gtk_widget_get_visible (find_row (group, "No requirements")));
  none = composition_conflicts (f, &b, "mediation", people, 1);
  g_assert_cmpstr (none, ==, "");

  add_requirement (group, psychologist, 1);
  added = setting (f, "schedule.mediation_composition");
  g_assert_cmpstr (added, ==, "lawyer|psychologist:1");
  g_assert_false (gtk_widget_get_visible (find_row (group, "No requirements")));
  lacking = composition_conflicts (f, &b, "mediation", people, 1);
  g_assert_cmpstr (lacking, ==, "The session should include at least 1 of: lawyer or psychologist");
  g_free (b.number);
}

int
main (int   argc,
      char *argv[])
{
  if (!accord_gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, AccordGuiFixture, GUINT_TO_POINTER (0), accord_gui_fixture_set_up, func, \
              accord_gui_fixture_tear_down)

  ADD ("/gui/preferences/number-saved", test_number_saved);
  ADD ("/gui/preferences/time-checked", test_time_checked);
  ADD ("/gui/preferences/pattern-checked", test_pattern_checked);
  ADD ("/gui/preferences/reminders-and-zone", test_reminders_and_zone);
  ADD ("/gui/preferences/document-language", test_document_language);
  ADD ("/gui/preferences/back-up-now", test_back_up_now);
  ADD ("/gui/preferences/restore", test_restore);
  ADD ("/gui/preferences/hearing-composition", test_hearing_composition);
  ADD ("/gui/preferences/mediation-composition", test_mediation_composition);

  return g_test_run ();
}
