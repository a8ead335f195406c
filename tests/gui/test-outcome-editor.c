/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-outcome-editor"

#include "accord-enums.h"
#include "accord-gui-test.h"
#include "accord-outcome.h"
#include "accord-outcome-editor.h"
#include "accord-session-editor.h"

#define N_SEEDED_CASES 60

typedef AccordGuiFixture Fixture;

/* Helpers ---------------------------------------------------------------- */

static guint
count_panelists (const AccordSession *s)
{
  guint n = 0;

  for (guint i = 0; i < s->participants->len; i++)
    n += g_str_equal (((AccordParticipant *) g_ptr_array_index (s->participants, i))->role, "panelist");
  return n;
}

/* A session before the fixture's today, not cancelled, of @kind (any kind
 * when NULL), with at least @min_panelists panelists and no outcome yet. */
static AccordSession *
past_session (Fixture    *f,
              const char *kind,
              guint       min_panelists)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 11, 19, 0, 0, 0);
  g_autoptr(GPtrArray) sessions = accord_store_list_sessions (f->store, g_date_time_to_unix (to) - 700 * 86400,
                                                              g_date_time_to_unix (to), 0, 0, &error);

  g_assert_no_error (error);
  for (guint i = sessions->len; i > 0; i--)
    {
      AccordSession *s = g_ptr_array_index (sessions, i - 1);
      g_autoptr(AccordOutcome) outcome = accord_store_get_outcome (f->store, s->id, NULL);

      if (!g_str_equal (s->status, "cancelled") && outcome == NULL && (kind == NULL || g_str_equal (s->kind, kind)) &&
          count_panelists (s) >= min_panelists && s->participants->len > 0)
        return accord_session_copy (s);
    }
  g_assert_not_reached ();
}

static AccordOutcomeEditor *
open_outcome (Fixture *f,
              gint64   session_id)
{
  g_autoptr(GError) error = NULL;
  AccordOutcomeEditor *editor = accord_outcome_editor_new (GTK_WINDOW (f->window), f->store, session_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (editor);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static GtkWidget *
named (gpointer    root,
       const char *name)
{
  GtkWidget *widget = accord_gui_find_named (GTK_WIDGET (root), name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
part_widget (AccordOutcomeEditor *editor,
             gint64               participant_id,
             const char          *name)
{
  g_autofree char *row_name = g_strdup_printf ("part-%" G_GINT64_FORMAT, participant_id);

  return named (named (editor, row_name), name);
}

static void
set_text (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* As a recorder types: at the cursor, one piece after another. */
static void
type_into (GtkWidget  *view,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_widget_grab_focus (view);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
vote_position (const char *code)
{
  const char * const *codes = accord_vocab_codes (ACCORD_VOCAB_VOTE);

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i + 1;   /* after "No vote" */
  g_assert_not_reached ();
}

static void
select_result (AccordOutcomeEditor *editor,
               const char          *code)
{
  const char * const *codes = accord_vocab_codes (ACCORD_VOCAB_OUTCOME_RESULT);

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "result-row")), i);
        return;
      }
  g_assert_not_reached ();
}

static const char *
error_shown (AccordOutcomeEditor *editor)
{
  GtkWidget *label = named (editor, "error-label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
assert_no_outcome (Fixture             *f,
                   const AccordSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordOutcome) outcome = accord_store_get_outcome (f->store, session->id, &error);
  g_autoptr(AccordSession) again = accord_store_get_session (f->store, session->id, NULL);

  g_assert_null (outcome);
  g_assert_error (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (again->version, ==, session->version);
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
outcome_editor_gone (gpointer data)
{
  return accord_gui_find_toplevel (ACCORD_TYPE_OUTCOME_EDITOR) == NULL;
}

typedef struct
{
  AccordStore *store;
  const char  *key;
  const char  *contains;
} DraftCheck;

static gboolean
draft_holds (gpointer data)
{
  DraftCheck *check = data;
  g_autofree char *draft = accord_store_load_draft (check->store, check->key);

  return draft != NULL && strstr (draft, check->contains) != NULL;
}

/* Tests ------------------------------------------------------------------ */

/* A hearing opinion without the vote of a panelist present is refused,
 * with core's reason shown and nothing stored; with every vote it is
 * recorded as typed, the amount in fen. */
static void
test_record_hearing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AccordSession) session = past_session (f, "hearing", 2);
  g_autofree char *key = g_strdup_printf ("outcome:%" G_GINT64_FORMAT, session->id);
  g_autoptr(AccordOutcome) outcome = NULL;
  g_autoptr(AccordSession) held = NULL;
  g_autofree char *draft = NULL;
  AccordOutcomeEditor *editor = open_outcome (f, session->id);
  GPtrArray *panelists = g_ptr_array_new ();
  g_autofree char *row_title = g_strdup_printf ("%s · %s · %s", accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, "hearing"),
                                                accord_vocab_label (ACCORD_VOCAB_SESSION_STATUS, "held"),
                                                accord_vocab_label (ACCORD_VOCAB_OUTCOME_RESULT, "agreement"));
  GtkWidget *term;
  const AccordTerm *t;

  for (guint i = 0; i < session->participants->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (session->participants, i);

      if (g_str_equal (p->role, "panelist"))
        g_ptr_array_add (panelists, p);
      /* everyone is ticked present to begin with */
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (part_widget (editor, p->id, "present"))));
    }

  select_result (editor, "agreement");
  set_text (named (editor, "opinion-view"), "支持信访人的合理诉求，由责任单位补发拖欠工资。");
  set_text (named (editor, "minutes-view"), "信访人陈述事实。\n责任单位答复。");
  set_text (named (editor, "facts-view"), "拖欠工资属实。");
  set_text (named (editor, "follow-up-row"), "2026-12-31");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "outcome.add-term", NULL));
  term = gtk_widget_get_first_child (named (editor, "terms-list"));
  set_text (named (term, "term-party"), "某区人社局");
  set_text (named (term, "term-obligation"), "补发拖欠工资");
  set_text (named (term, "term-amount"), "1,409.50");
  set_text (named (term, "term-due"), "2026-12-15");
  /* An empty term just added is no term. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "outcome.add-term", NULL));

  /* Every panelist votes but the last. */
  for (guint i = 0; i + 1 < panelists->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (panelists, i);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (part_widget (editor, p->id, "vote")), vote_position ("support"));
      set_text (part_widget (editor, p->id, "comment"), "同意");
    }
  g_assert_false (accord_outcome_editor_save (editor));
  g_assert_cmpstr (error_shown (editor), ==, "Vote: a hearing opinion needs the vote of every panelist present");
  assert_no_outcome (f, session);

  /* A due date before the session is core's refusal too. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part_widget (editor, ((AccordParticipant *) g_ptr_array_index (panelists, panelists->len - 1))->id, "vote")),
                              vote_position ("oppose"));
  set_text (named (term, "term-due"), "2020-01-01");
  g_assert_true (gtk_widget_has_css_class (named (term, "term-due"), "error"));
  g_assert_false (accord_outcome_editor_save (editor));
  g_assert_cmpstr (error_shown (editor), ==, "Due date cannot be before the session");
  assert_no_outcome (f, session);

  /* An amount that is not one is refused before core is asked. */
  set_text (named (term, "term-due"), "2026-12-15");
  set_text (named (term, "term-amount"), "-5");
  g_assert_true (gtk_widget_has_css_class (named (term, "term-amount"), "error"));
  g_assert_false (accord_outcome_editor_save (editor));
  g_assert_cmpstr (error_shown (editor), ==, "Amount must be a sum in yuan with at most two decimals, such as 1409.50");
  assert_no_outcome (f, session);

  set_text (named (term, "term-amount"), "1,409.50");
  g_assert_false (gtk_widget_has_css_class (named (term, "term-amount"), "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "outcome.save", NULL));
  g_assert_true (accord_gui_wait_until (outcome_editor_gone, NULL));

  outcome = accord_store_get_outcome (f->store, session->id, NULL);
  g_assert_nonnull (outcome);
  g_assert_cmpstr (outcome->result, ==, "agreement");
  g_assert_cmpstr (outcome->opinion, ==, "支持信访人的合理诉求，由责任单位补发拖欠工资。");
  g_assert_cmpint (outcome->votes_support, ==, panelists->len - 1);
  g_assert_cmpint (outcome->votes_oppose, ==, 1);
  g_assert_cmpint (outcome->votes_abstain, ==, 0);
  g_assert_cmpuint (g_strv_length (outcome->minutes), ==, 2);
  g_assert_cmpstr (outcome->minutes[1], ==, "责任单位答复。");
  g_assert_cmpstr (outcome->facts[0], ==, "拖欠工资属实。");
  g_assert_cmpstr (outcome->follow_up_on, ==, "2026-12-31");
  g_assert_cmpuint (outcome->terms->len, ==, 1);
  t = g_ptr_array_index (outcome->terms, 0);
  g_assert_cmpstr (t->party, ==, "某区人社局");
  g_assert_cmpstr (t->obligation, ==, "补发拖欠工资");
  g_assert_cmpint (t->amount_fen, ==, 140950);
  g_assert_cmpstr (t->due_on, ==, "2026-12-15");
  g_assert_false (t->performed);

  held = accord_store_get_session (f->store, session->id, NULL);
  g_assert_cmpstr (held->status, ==, "held");
  for (guint i = 0; i < held->participants->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (held->participants, i);

      g_assert_cmpstr (p->attendance, ==, "present");
      if (g_str_equal (p->role, "panelist"))
        g_assert_nonnull (p->vote);
    }
  draft = accord_store_load_draft (f->store, key);
  g_assert_null (draft);

  /* The case page's row of the session says what came of it. */
  accord_window_show_case (f->window, session->case_number);
  accord_gui_wait_idle ();
  g_assert_nonnull (accord_gui_find (GTK_WIDGET (f->window), ADW_TYPE_ACTION_ROW, row_titled, row_title));
  g_ptr_array_unref (panelists);
}

/* Minutes typed are kept as a draft a moment later and when the window
 * closes; reopening restores them and says so. */
static void
test_draft_survives_close (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AccordSession) session = past_session (f, NULL, 0);
  g_autofree char *key = g_strdup_printf ("outcome:%" G_GINT64_FORMAT, session->id);
  DraftCheck typed = { f->store, key, "第一段记录" };
  DraftCheck closed = { f->store, key, "第二段记录" };
  const AccordParticipant *first = g_ptr_array_index (session->participants, 0);
  AccordOutcomeEditor *editor = open_outcome (f, session->id);
  g_autofree char *minutes = NULL;
  g_autofree char *still = NULL;
  GtkWidget *note;

  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (named (editor, "draft-label"))));
  type_into (named (editor, "minutes-view"), "第一段记录");
  g_assert_true (accord_gui_wait_until (draft_holds, &typed));
  note = named (editor, "draft-label");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (note)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (note)), "Draft autosaved at "));

  /* Typed just before closing: no wait for the autosave. */
  type_into (named (editor, "minutes-view"), "\n第二段记录");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (part_widget (editor, first->id, "present")), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  g_assert_true (accord_gui_wait_until (outcome_editor_gone, NULL));
  g_assert_true (draft_holds (&closed));
  assert_no_outcome (f, session);

  editor = open_outcome (f, session->id);
  minutes = view_text (named (editor, "minutes-view"));
  g_assert_cmpstr (minutes, ==, "第一段记录\n第二段记录");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (part_widget (editor, first->id, "present"))));
  g_assert_true (gtk_widget_get_visible (part_widget (editor, first->id, "absence")));
  note = named (editor, "draft-label");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (note)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (note)), "Draft restored: autosaved at "));

  /* Closing without a change leaves the draft as it was. */
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (accord_gui_wait_until (outcome_editor_gone, NULL));
  still = accord_store_load_draft (f->store, key);
  g_assert_nonnull (still);

  /* Discarding it goes back to what the store holds. */
  editor = open_outcome (f, session->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "outcome.discard-draft", NULL));
  g_clear_pointer (&minutes, g_free);
  minutes = view_text (named (editor, "minutes-view"));
  g_assert_cmpstr (minutes, ==, "");
  g_clear_pointer (&still, g_free);
  still = accord_store_load_draft (f->store, key);
  g_assert_null (still);
}

static gboolean
session_editor_open (gpointer data)
{
  GtkWindow *editor = accord_gui_find_toplevel (ACCORD_TYPE_SESSION_EDITOR);

  return editor != NULL && gtk_widget_get_mapped (GTK_WIDGET (editor));
}

static gboolean
outcome_editor_open (gpointer data)
{
  GtkWindow *editor = accord_gui_find_toplevel (ACCORD_TYPE_OUTCOME_EDITOR);

  return editor != NULL && gtk_widget_get_mapped (GTK_WIDGET (editor));
}

static gboolean
session_editor_gone (gpointer data)
{
  return accord_gui_find_toplevel (ACCORD_TYPE_SESSION_EDITOR) == NULL;
}

static AccordSession *
future_session (Fixture *f)
{
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 11, 22, 0, 0, 0);
  g_autoptr(GPtrArray) sessions = accord_store_list_sessions (f->store, g_date_time_to_unix (from),
                                                              g_date_time_to_unix (from) + 30 * 86400, 0, 0, NULL);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      AccordSession *s = g_ptr_array_index (sessions, i);

      if (g_str_equal (s->status, "planned") || g_str_equal (s->status, "notified"))
        return accord_session_copy (s);
    }
  g_assert_not_reached ();
}

/* A past session offers Record Outcome in the session editor, which opens
 * the outcome in its place; a future one does not. */
static void
test_session_editor_offers_outcome (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(AccordSession) past = past_session (f, "hearing", 1);
  g_autoptr(AccordSession) future = future_session (f);
  GtkWidget *editor, *button;
  GtkWindow *outcome;

  accord_window_show_session (f->window, future->id);
  g_assert_true (accord_gui_wait_until (session_editor_open, NULL));
  editor = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_SESSION_EDITOR));
  g_assert_false (gtk_widget_get_visible (named (editor, "record-outcome-button")));
  gtk_widget_activate_action (editor, "editor.record-outcome", NULL);
  g_assert_null (accord_gui_find_toplevel (ACCORD_TYPE_OUTCOME_EDITOR));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_true (accord_gui_wait_until (session_editor_gone, NULL));

  accord_window_show_session (f->window, past->id);
  g_assert_true (accord_gui_wait_until (session_editor_open, NULL));
  editor = GTK_WIDGET (accord_gui_find_toplevel (ACCORD_TYPE_SESSION_EDITOR));
  button = named (editor, "record-outcome-button");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Record _Outcome…");
  g_signal_emit_by_name (button, "clicked");

  g_assert_true (accord_gui_wait_until (outcome_editor_open, NULL));
  g_assert_true (accord_gui_wait_until (session_editor_gone, NULL));
  outcome = accord_gui_find_toplevel (ACCORD_TYPE_OUTCOME_EDITOR);
  g_assert_true (gtk_window_get_transient_for (outcome) == GTK_WINDOW (f->window));
  g_assert_nonnull (accord_gui_find_named (GTK_WIDGET (outcome), "facts-view"));
  g_assert_true (gtk_widget_get_visible (accord_gui_find_named (GTK_WIDGET (outcome), "facts-view")));
}

int
main (int   argc,
      char *argv[])
{
  if (!accord_gui_test_init (&argc, &argv))
    return 77;

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), accord_gui_fixture_set_up, func, accord_gui_fixture_tear_down)

  ADD ("/gui/outcome/record-hearing", N_SEEDED_CASES, test_record_hearing);
  ADD ("/gui/outcome/draft-survives-close", N_SEEDED_CASES, test_draft_survives_close);
  ADD ("/gui/outcome/from-session-editor", N_SEEDED_CASES, test_session_editor_offers_outcome);

#undef ADD

  return g_test_run ();
}
