/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-case-view"

#include <glib/gi18n.h>

#include "accord-booking-rows.h"
#include "accord-case-file-export.h"
#include "accord-case-view.h"
#include "accord-deadlines.h"
#include "accord-document-window.h"
#include "accord-documents.h"
#include "accord-enums.h"
#include "accord-outcome.h"
#include "accord-signing-dialog.h"
#include "accord-validate.h"
#include "accord-window.h"

struct _AccordCaseView
{
  AdwBin          parent_instance;

  AccordStore    *store;
  AccordCase     *c;

  /* Template widgets */
  GtkLabel       *number_label;
  GtkLabel       *status_badge;
  GtkLabel       *due_badge;
  GtkBox         *actions_box;
  GtkMenuButton  *new_document_button;
  GtkLabel       *title_label;
  GtkListBox     *particulars_list;
  GtkListBox     *petitioners_list;
  GtkListBox     *deadlines_list;
  GtkListBox     *sessions_list;
  GtkListBox     *documents_list;
  GtkListBox     *timeline_list;
};

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a workflow step asks for, as `accord-cli case VERB` does. */
typedef struct
{
  AccordCaseView   *view;
  AccordCaseAction  action;
  char             *number;
  gint64            version;
  GtkEditable      *date;
  GtkEditable      *text;     /* reason (decline) or unit (assign) */
  GtkDropDown      *choice;   /* opinion or evaluation */
} ActionForm;

typedef struct
{
  AccordCaseView *view;
  char           *number;
  char           *step;
  GtkSpinButton  *days;
  GtkEditable    *approver;
  GtkEditable    *reason;
} ExtensionForm;

G_DEFINE_FINAL_TYPE (AccordCaseView, accord_case_view, ADW_TYPE_BIN)

static void
action_form_free (ActionForm *form)
{
  g_clear_object (&form->view);
  g_free (form->number);
  g_free (form);
}

static void
extension_form_free (ExtensionForm *form)
{
  g_clear_object (&form->view);
  g_free (form->number);
  g_free (form->step);
  g_free (form);
}

/* Badges -------------------------------------------------------------- */

/* The colour says what the bureau has to do next: blue while the case is
 * being handled, yellow while it is contested, green once answered, red
 * when it was not accepted, grey when it is over. */
static const char *
status_tone (const char *code)
{
  static const struct { const char *code; const char *tone; } tones[] = {
    { "registered", "accent" }, { "accepted", "accent" }, { "assigned", "accent" },
    { "review", "warning" }, { "re_review", "warning" },
    { "replied", "success" }, { "reviewed", "success" },
    { "declined", "error" },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (tones); i++)
    if (g_str_equal (code, tones[i].code))
      return tones[i].tone;

  return NULL;
}

void
accord_case_view_set_status_badge (GtkLabel   *badge,
                                   const char *status)
{
  char status_class[64];
  /* A status without a tone ends the list early: a plain grey badge. */
  const char *classes[] = { "status-badge", status_class, status_tone (status), NULL };

  g_return_if_fail (GTK_IS_LABEL (badge));

  /* Codes such as "re_review" become the class "status-re-review". */
  g_snprintf (status_class, sizeof status_class, "status-%s", status != NULL ? status : "unknown");
  g_strdelimit (status_class, "_", '-');

  gtk_widget_set_css_classes (GTK_WIDGET (badge), classes);
  gtk_label_set_text (badge, status != NULL ? accord_vocab_label (ACCORD_VOCAB_CASE_STATUS, status) : "");
}

static void
set_badge (GtkLabel   *badge,
           const char *text,
           const char *tone,
           const char *state_class)
{
  const char *classes[] = { "status-badge", state_class, tone, NULL };

  gtk_widget_set_css_classes (GTK_WIDGET (badge), classes);
  gtk_label_set_text (badge, text);
  gtk_widget_set_visible (GTK_WIDGET (badge), text != NULL);
}

void
accord_case_view_set_due_badge (GtkLabel           *badge,
                                AccordCaseDueState  state)
{
  static const char * const tones[] = { NULL, "success", "warning", "error" };

  g_return_if_fail (GTK_IS_LABEL (badge));
  g_return_if_fail ((guint) state < G_N_ELEMENTS (tones));

  set_badge (badge, state != ACCORD_CASE_DUE_NONE ? accord_case_due_state_label (state) : NULL,
             tones[state], state == ACCORD_CASE_DUE_OVERDUE ? "due-overdue"
                           : state == ACCORD_CASE_DUE_SOON ? "due-soon" : "due-on-time");
}

static void
set_deadline_badge (GtkLabel           *badge,
                    AccordDeadlineState state)
{
  switch (state)
    {
    case ACCORD_DEADLINE_ON_TIME:
      accord_case_view_set_due_badge (badge, ACCORD_CASE_DUE_ON_TIME);
      break;
    case ACCORD_DEADLINE_DUE_SOON:
      accord_case_view_set_due_badge (badge, ACCORD_CASE_DUE_SOON);
      break;
    case ACCORD_DEADLINE_OVERDUE:
      accord_case_view_set_due_badge (badge, ACCORD_CASE_DUE_OVERDUE);
      break;
    case ACCORD_DEADLINE_MET:
      set_badge (badge, C_("deadline", "Met"), NULL, "due-met");
      break;
    case ACCORD_DEADLINE_MET_LATE:
    default:
      set_badge (badge, C_("deadline", "Met late"), "warning", "due-met-late");
      break;
    }
}

/* Rows ---------------------------------------------------------------- */

static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
  return row;
}

static GtkWidget *
new_badge (void)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  return badge;
}

static void
add_value_row (AccordCaseView *self,
               const char     *label,
               const char     *value)
{
  GtkWidget *row;
  GtkWidget *text;

  if (value == NULL || *value == '\0')
    return;

  row = add_row (self->particulars_list, label, NULL);
  text = gtk_label_new (value);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 1.0f);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 50);
  /* Wrapping labels ask for little width: take what the row leaves. */
  gtk_widget_set_hexpand (text, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), text);
}

static void
fill_particulars (AccordCaseView *self)
{
  static const struct { AccordCaseText field; AccordVocab vocab; } shown[] = {
    { ACCORD_CASE_CATEGORY, ACCORD_N_VOCABS }, { ACCORD_CASE_CHANNEL, ACCORD_VOCAB_CHANNEL },
    { ACCORD_CASE_RECEIVED_ON, ACCORD_N_VOCABS }, { ACCORD_CASE_RESPONSIBLE_UNIT, ACCORD_N_VOCABS },
    { ACCORD_CASE_LEADER, ACCORD_N_VOCABS }, { ACCORD_CASE_INVESTIGATOR, ACCORD_N_VOCABS },
    { ACCORD_CASE_OPINION, ACCORD_VOCAB_OPINION }, { ACCORD_CASE_DECLINE_REASON, ACCORD_N_VOCABS },
    { ACCORD_CASE_REVIEW_OPINION, ACCORD_VOCAB_OPINION }, { ACCORD_CASE_RE_REVIEW_OPINION, ACCORD_VOCAB_OPINION },
    { ACCORD_CASE_EVALUATION, ACCORD_VOCAB_EVALUATION }, { ACCORD_CASE_SUMMARY, ACCORD_N_VOCABS },
  };
  g_autoptr(GString) flags = g_string_new (NULL);

  accord_list_box_remove_all (self->particulars_list);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const char *value = accord_case_get_text (self->c, shown[i].field);

      if (value != NULL && shown[i].vocab < ACCORD_N_VOCABS)
        value = accord_vocab_label (shown[i].vocab, value);
      add_value_row (self, accord_case_text_label (shown[i].field), value);
    }

  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    if (accord_case_get_flag (self->c, i))
      g_string_append_printf (flags, "%s%s", flags->len > 0 ? "、" : "", accord_case_flag_label (i));
  add_value_row (self, _("Flags"), flags->str);
}

/* Personal data is masked until the coordinator asks to see it, for one
 * petitioner at a time. */
static void
show_petitioner (AdwActionRow           *row,
                 const AccordPetitioner *p,
                 gboolean                reveal)
{
  g_autofree char *id_number = reveal ? g_strdup (p->id_number) : accord_mask_id_number (p->id_number);
  g_autofree char *phone = reveal ? g_strdup (p->phone) : accord_mask_phone (p->phone);
  g_autofree char *address = reveal ? g_strdup (p->address) : accord_mask_address (p->address);
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf ("%s · %s%s%s", id_number != NULL ? id_number : "", phone != NULL ? phone : "",
                              address != NULL && *address != '\0' ? " · " : "", address != NULL ? address : "");
  adw_action_row_set_subtitle (row, subtitle);
}

static void
on_reveal_toggled_cb (GtkToggleButton *button,
                      AdwActionRow    *row)
{
  const AccordPetitioner *p = g_object_get_data (G_OBJECT (row), "petitioner");
  gboolean reveal = gtk_toggle_button_get_active (button);

  show_petitioner (row, p, reveal);
  gtk_button_set_icon_name (GTK_BUTTON (button), reveal ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), reveal ? _("Hide Personal Data") : _("Show Personal Data"));
}

static void
fill_petitioners (AccordCaseView *self)
{
  GPtrArray *petitioners = accord_case_get_petitioners (self->c);

  accord_list_box_remove_all (self->petitioners_list);
  for (guint i = 0; i < petitioners->len; i++)
    {
      const AccordPetitioner *p = g_ptr_array_index (petitioners, i);
      GtkWidget *row = add_row (self->petitioners_list, p->name, NULL);
      GtkWidget *reveal = gtk_toggle_button_new ();

      g_object_set_data_full (G_OBJECT (row), "petitioner", accord_petitioner_copy (p),
                              (GDestroyNotify) accord_petitioner_free);
      gtk_widget_set_valign (reveal, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (reveal, "flat");
      gtk_widget_add_css_class (reveal, "reveal-button");
      g_signal_connect (reveal, "toggled", G_CALLBACK (on_reveal_toggled_cb), row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reveal);
      on_reveal_toggled_cb (GTK_TOGGLE_BUTTON (reveal), ADW_ACTION_ROW (row));
    }
}

static GtkWidget *
extend_button (AccordCaseView *self,
               AccordDeadline *d)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Extend…"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "case.extend");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", d->step);
  return button;
}

static void
fill_deadlines (AccordCaseView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deadlines = accord_store_case_deadlines (self->store, accord_case_get_number (self->c), &error);

  accord_list_box_remove_all (self->deadlines_list);
  if (deadlines == NULL)
    {
      add_row (self->deadlines_list, _("The deadlines could not be computed"), error->message);
      return;
    }

  for (guint i = 0; i < deadlines->len; i++)
    {
      AccordDeadline *d = g_ptr_array_index (deadlines, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *badge = new_badge ();

      if (d->done_date != NULL)
        subtitle = g_strdup_printf (_("Due %s, done %s"), d->due_date, d->done_date);
      else
        subtitle = g_strdup_printf (_("Due %s · %s"), d->due_date, d->facts != NULL ? d->facts : "");
      row = add_row (self->deadlines_list, d->label, subtitle);
      set_deadline_badge (GTK_LABEL (badge), d->state);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      if (d->done_date == NULL && accord_store_max_extension (self->store, d->step) > 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), extend_button (self, d));
    }
}

static char *
session_time (AccordCaseView *self,
              AccordSession  *s)
{
  g_autofree char *start = accord_store_format_local (self->store, s->starts_at, "%Y-%m-%d %H:%M");
  g_autofree char *end = accord_store_format_local (self->store, s->ends_at, "%H:%M");

  if (s->venue_name != NULL)
    return g_strdup_printf ("%s–%s · %s", start, end, s->venue_name);
  return g_strdup_printf ("%s–%s", start, end);
}

/* A held session's row says what came of it, once recorded. */
static char *
session_title (AccordCaseView *self,
               AccordSession  *s)
{
  const char *kind = accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, s->kind);
  const char *status = accord_vocab_label (ACCORD_VOCAB_SESSION_STATUS, s->status);
  g_autoptr(AccordOutcome) outcome = NULL;

  if (g_str_equal (s->status, "held") || g_str_equal (s->status, "adjourned"))
    outcome = accord_store_get_outcome (self->store, s->id, NULL);
  if (outcome != NULL)
    return g_strdup_printf ("%s · %s · %s", kind, status,
                            accord_vocab_label (ACCORD_VOCAB_OUTCOME_RESULT, outcome->result));
  return g_strdup_printf ("%s · %s", kind, status);
}

static void
fill_sessions (AccordCaseView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = accord_store_case_sessions (self->store, accord_case_get_number (self->c), &error);

  accord_list_box_remove_all (self->sessions_list);
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      AccordSession *s = g_ptr_array_index (sessions, i);
      g_autofree char *title = session_title (self, s);
      g_autofree char *when = session_time (self, s);
      GtkWidget *row = add_row (self->sessions_list, title, when);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "session-id", g_memdup2 (&s->id, sizeof s->id), g_free);
    }
  if (sessions == NULL)
    g_debug ("Cannot read the sessions of a case: %s", error->message);
}

static const char *
document_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("document", "Draft");
  if (g_strcmp0 (status, "issued") == 0)
    return C_("document", "Issued");
  if (g_strcmp0 (status, "signed") == 0)
    return C_("document", "Signed");
  return C_("document", "Void");
}

/* An issued document is signed from its row, without opening it first. */
static GtkWidget *
new_sign_button (gint64 document_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Sign…"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "case.sign-document");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", document_id);
  return button;
}

static void
fill_documents (AccordCaseView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = accord_store_list_documents (self->store, accord_case_get_number (self->c), &error);

  accord_list_box_remove_all (self->documents_list);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      AccordDocument *d = g_ptr_array_index (documents, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", d->number != NULL ? d->number : _("Not numbered yet"),
                                                   document_status_label (d->status));

      GtkWidget *row = add_row (self->documents_list, accord_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, d->kind),
                                subtitle);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (g_str_equal (d->status, "issued") || g_str_equal (d->status, "signed"))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_sign_button (d->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "document-id", g_memdup2 (&d->id, sizeof d->id), g_free);
    }
  if (documents == NULL)
    g_debug ("Cannot read the documents of a case: %s", error->message);
}

static const char *
event_icon (const char *kind)
{
  if (g_str_equal (kind, "session"))
    return "x-office-calendar-symbolic";
  if (g_str_equal (kind, "document"))
    return "text-x-generic-symbolic";
  if (g_str_equal (kind, "reminder"))
    return "alarm-symbolic";
  if (g_str_equal (kind, "extension"))
    return "appointment-soon-symbolic";
  return "emblem-default-symbolic";
}

static void
fill_timeline (AccordCaseView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = accord_store_case_timeline (self->store, accord_case_get_number (self->c), &error);

  accord_list_box_remove_all (self->timeline_list);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      AccordCaseEvent *e = g_ptr_array_index (events, i);
      g_autofree char *when = e->at != 0 ? accord_store_format_local (self->store, e->at, "%Y-%m-%d %H:%M")
                                         : g_strdup (e->date);
      g_autofree char *subtitle = e->detail != NULL ? g_strdup_printf ("%s · %s", when, e->detail) : g_strdup (when);
      GtkWidget *row = add_row (self->timeline_list, e->title, subtitle);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (event_icon (e->kind)));
    }
  if (events == NULL)
    g_debug ("Cannot read the timeline of a case: %s", error->message);
}

static void
fill_actions (AccordCaseView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    gtk_box_remove (self->actions_box, child);

  for (AccordCaseAction a = 0; a < ACCORD_CASE_N_ACTIONS; a++)
    {
      GtkWidget *button;

      if (!accord_case_can (self->c, a))
        continue;
      button = gtk_button_new_with_label (accord_case_action_label (a));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "case.action");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", accord_case_action_verb (a));
      if (a == ACCORD_CASE_ACTION_ACCEPT || a == ACCORD_CASE_ACTION_REPLY)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_box_append (self->actions_box, button);
    }
}

static void
fill (AccordCaseView *self)
{
  g_autofree char *today = accord_store_today (self->store);
  int soon = accord_store_due_soon_days (self->store);

  gtk_label_set_text (self->number_label, accord_case_get_number (self->c));
  gtk_label_set_text (self->title_label, accord_case_get_title (self->c));
  accord_case_view_set_status_badge (self->status_badge, accord_case_get_status (self->c));
  accord_case_view_set_due_badge (self->due_badge, accord_case_get_due_state (self->c, today, soon));
  fill_actions (self);
  fill_particulars (self);
  fill_petitioners (self);
  fill_deadlines (self);
  fill_sessions (self);
  fill_documents (self);
  fill_timeline (self);
}

/* Workflow steps ------------------------------------------------------- */

static void
after_write (AccordCaseView *self)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));

  /* The window reloads every section, this page included. */
  if (window != NULL)
    accord_window_data_changed (window);
  else
    accord_case_view_reload (self);
}

static void
report_error (AccordCaseView *self,
              const char     *heading,
              const GError   *error)
{
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));

  if (window != NULL)
    accord_window_show_error (window, heading, error);
  else
    g_debug ("%s: %s", heading, error->message);

  /* Someone else saved the case: show what they saved. */
  if (g_error_matches (error, ACCORD_STORE_ERROR, ACCORD_STORE_ERROR_STALE))
    after_write (self);
}

static const char *
dropdown_code (GtkDropDown *dropdown,
               AccordVocab  vocab)
{
  guint selected = dropdown != NULL ? gtk_drop_down_get_selected (dropdown) : GTK_INVALID_LIST_POSITION;

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return accord_vocab_codes (vocab)[selected];
}

static void
on_action_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ActionForm       *form)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordCase) changed = NULL;
  AccordCaseTransition t = { form->action };
  const char *text = form->text != NULL ? gtk_editable_get_text (form->text) : NULL;

  if (!g_str_equal (response, "apply"))
    return;

  t.date = form->date != NULL ? gtk_editable_get_text (form->date) : NULL;
  t.reason = text;
  t.unit = text;
  t.opinion = dropdown_code (form->choice, ACCORD_VOCAB_OPINION);
  if (form->action == ACCORD_CASE_ACTION_EVALUATE)
    t.evaluation = dropdown_code (form->choice, ACCORD_VOCAB_EVALUATION);

  changed = accord_store_transition_case (form->view->store, form->number, form->version, &t, &error);
  if (changed == NULL)
    {
      report_error (form->view, accord_case_action_label (form->action), error);
      return;
    }
  after_write (form->view);
}

static GtkWidget *
form_field (GtkBox     *box,
            const char *label,
            GtkWidget  *field)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_box_append (box, title);
  gtk_box_append (box, field);
  return field;
}

static GtkWidget *
vocab_dropdown (AccordVocab vocab)
{
  const char * const *codes = accord_vocab_codes (vocab);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, accord_vocab_label (vocab, codes[i]));
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
}

static GtkWidget *
entry_with_text (const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return entry;
}

static GtkWidget *
build_action_form (AccordCaseView *self,
                   ActionForm     *form)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  g_autofree char *today = accord_store_today (self->store);

  switch (form->action)
    {
    case ACCORD_CASE_ACTION_DECLINE:
      form->text = GTK_EDITABLE (form_field (box, _("_Reason"), entry_with_text (NULL)));
      gtk_widget_set_name (GTK_WIDGET (form->text), "action-text");
      break;
    case ACCORD_CASE_ACTION_ASSIGN:
      form->text = GTK_EDITABLE (form_field (box, _("Responsible _unit"),
                                             entry_with_text (accord_case_get_text (self->c, ACCORD_CASE_RESPONSIBLE_UNIT))));
      gtk_widget_set_name (GTK_WIDGET (form->text), "action-text");
      break;
    case ACCORD_CASE_ACTION_REPLY:
    case ACCORD_CASE_ACTION_REVIEW_REPLY:
    case ACCORD_CASE_ACTION_RE_REVIEW_REPLY:
      form->choice = GTK_DROP_DOWN (form_field (box, _("_Opinion"), vocab_dropdown (ACCORD_VOCAB_OPINION)));
      break;
    case ACCORD_CASE_ACTION_EVALUATE:
      form->choice = GTK_DROP_DOWN (form_field (box, _("_Evaluation"), vocab_dropdown (ACCORD_VOCAB_EVALUATION)));
      return GTK_WIDGET (box);
    default:
      break;
    }

  form->date = GTK_EDITABLE (form_field (box, _("_Date (YYYY-MM-DD)"), entry_with_text (today)));
  gtk_widget_set_name (GTK_WIDGET (form->date), "action-date");
  return GTK_WIDGET (box);
}

static void
open_action_dialog (AccordCaseView   *self,
                    AccordCaseAction  action)
{
  ActionForm *form = g_new0 (ActionForm, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  form->view = g_object_ref (self);
  form->action = action;
  form->number = g_strdup (accord_case_get_number (self->c));
  form->version = accord_case_get_version (self->c);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   accord_case_action_label (action), form->number);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), build_action_form (self, form));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "apply", accord_case_action_label (action), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              action == ACCORD_CASE_ACTION_DECLINE ? ADW_RESPONSE_DESTRUCTIVE
                                                                                   : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_action_response_cb), form,
                         (GClosureNotify) action_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
workflow_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AccordCaseView *self = ACCORD_CASE_VIEW (widget);
  AccordCaseAction action;

  if (self->c == NULL || !accord_case_action_from_verb (g_variant_get_string (parameter, NULL), &action))
    return;
  open_action_dialog (self, action);
}

/* Extensions ------------------------------------------------------------ */

static void
on_extension_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ExtensionForm    *form)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "extend"))
    return;

  if (!accord_store_extend_deadline (form->view->store, form->number, form->step,
                                     gtk_spin_button_get_value_as_int (form->days),
                                     gtk_editable_get_text (form->approver),
                                     gtk_editable_get_text (form->reason), &error))
    {
      report_error (form->view, _("Could Not Extend the Deadline"), error);
      return;
    }
  after_write (form->view);
}

static void
extend_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordCaseView *self = ACCORD_CASE_VIEW (widget);
  ExtensionForm *form = g_new0 (ExtensionForm, 1);
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkRoot *root = gtk_widget_get_root (widget);
  int max;
  GtkWidget *dialog;

  form->view = g_object_ref (self);
  form->number = g_strdup (accord_case_get_number (self->c));
  form->step = g_variant_dup_string (parameter, NULL);
  max = MAX (accord_store_max_extension (self->store, form->step), 1);
  form->days = GTK_SPIN_BUTTON (form_field (box, _("_Days"), gtk_spin_button_new_with_range (1, max, 1)));
  gtk_spin_button_set_value (form->days, max);
  form->approver = GTK_EDITABLE (form_field (box, _("_Approved by"), entry_with_text (NULL)));
  form->reason = GTK_EDITABLE (form_field (box, _("_Reason told to the petitioner"), entry_with_text (NULL)));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Extend the Deadline"),
                                   accord_deadline_step_label (form->step));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (box));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "extend", _("_Extend"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "extend", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "extend");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_extension_response_cb), form,
                         (GClosureNotify) extension_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordCaseView *self = ACCORD_CASE_VIEW (widget);
  AccordWindow *window = accord_window_of (widget);

  if (window != NULL && self->c != NULL)
    accord_window_new_session (window, accord_case_get_number (self->c));
}

static void
export_case_file_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AccordCaseView *self = ACCORD_CASE_VIEW (widget);

  if (self->c != NULL)
    accord_case_file_export_choose (widget, self->store, accord_case_get_number (self->c));
}

static void
sign_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordCaseView *self = ACCORD_CASE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  accord_signing_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 g_variant_get_int64 (parameter));
}

/* A draft of @kind, about the session it most likely is about; the
 * document window lets the coordinator pick another. */
static void
new_document_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordCaseView *self = ACCORD_CASE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  const char *number;
  AccordDocumentWindow *window;

  if (self->c == NULL)
    return;
  number = accord_case_get_number (self->c);
  window = accord_document_window_new_draft (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, kind,
                                             number, accord_document_window_suggest_session (self->store, kind,
                                                                                             number));
  gtk_window_present (GTK_WINDOW (window));
}

static GMenuModel *
new_document_menu (void)
{
  const char * const *kinds = accord_vocab_codes (ACCORD_VOCAB_DOCUMENT_KIND);
  GMenu *menu = g_menu_new ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (accord_vocab_label (ACCORD_VOCAB_DOCUMENT_KIND, kinds[i]), NULL);

      g_menu_item_set_action_and_target (item, "case.new-document", "s", kinds[i]);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* Callbacks ------------------------------------------------------------- */

static void
on_back_clicked_cb (AccordCaseView *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
on_session_activated_cb (AccordCaseView *self,
                         GtkListBoxRow  *row,
                         GtkListBox     *list)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "session-id");
  AccordWindow *window = accord_window_of (GTK_WIDGET (self));

  if (id != NULL && window != NULL)
    accord_window_show_session (window, *id);
}

static void
on_document_activated_cb (AccordCaseView *self,
                          GtkListBoxRow  *row,
                          GtkListBox     *list)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "document-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (id != NULL)
    gtk_window_present (GTK_WINDOW (accord_document_window_new_for_document (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                                     : NULL,
                                                                               self->store, *id)));
}

/* Overrides ------------------------------------------------------------- */

static void
accord_case_view_dispose (GObject *object)
{
  AccordCaseView *self = ACCORD_CASE_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_CASE_VIEW);
  g_clear_object (&self->c);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_case_view_parent_class)->dispose (object);
}

static void
accord_case_view_class_init (AccordCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_case_view_dispose;

  /* The coordinator asked to go back to the list. */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, number_label);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, status_badge);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, due_badge);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, new_document_button);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, particulars_list);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, petitioners_list);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, documents_list);
  gtk_widget_class_bind_template_child (widget_class, AccordCaseView, timeline_list);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_document_activated_cb);

  gtk_widget_class_install_action (widget_class, "case.action", "s", workflow_action);
  gtk_widget_class_install_action (widget_class, "case.extend", "s", extend_action);
  gtk_widget_class_install_action (widget_class, "case.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "case.export-case-file", NULL, export_case_file_action);
  gtk_widget_class_install_action (widget_class, "case.new-document", "s", new_document_action);
  gtk_widget_class_install_action (widget_class, "case.sign-document", "x", sign_document_action);
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

static void
accord_case_view_init (AccordCaseView *self)
{
  g_autoptr(GMenuModel) documents_menu = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  documents_menu = new_document_menu ();
  gtk_menu_button_set_menu_model (self->new_document_button, documents_menu);
  set_placeholder (self->deadlines_list, _("No deadlines apply"));
  set_placeholder (self->sessions_list, _("No sessions yet"));
  set_placeholder (self->documents_list, _("No documents yet"));
  set_placeholder (self->timeline_list, _("Nothing recorded yet"));
}

/* Public API ------------------------------------------------------------- */

void
accord_case_view_set_store (AccordCaseView *self,
                            AccordStore    *store)
{
  g_return_if_fail (ACCORD_IS_CASE_VIEW (self));
  g_return_if_fail (ACCORD_IS_STORE (store));

  g_set_object (&self->store, store);
}

/* Reads the case and shows it; on error nothing changes. */
gboolean
accord_case_view_show (AccordCaseView  *self,
                       const char      *number,
                       GError         **error)
{
  AccordCase *c;

  g_return_val_if_fail (ACCORD_IS_CASE_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  if ((c = accord_store_get_case (self->store, number, error)) == NULL)
    return FALSE;

  g_clear_object (&self->c);
  self->c = c;
  fill (self);
  return TRUE;
}

void
accord_case_view_reload (AccordCaseView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  g_return_if_fail (ACCORD_IS_CASE_VIEW (self));

  if (self->c == NULL)
    return;
  number = g_strdup (accord_case_get_number (self->c));
  if (!accord_case_view_show (self, number, &error))
    g_debug ("Cannot read the case again: %s", error->message);
}

/* Returns: (nullable): the number of the case shown */
const char *
accord_case_view_get_number (AccordCaseView *self)
{
  g_return_val_if_fail (ACCORD_IS_CASE_VIEW (self), NULL);

  return self->c != NULL ? accord_case_get_number (self->c) : NULL;
}
