/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-outcome-editor"

/* What came of a held session: attendance, each present panelist's vote,
 * minutes, facts found, the result, the opinion, the agreed terms and a
 * follow-up date.  Core checks the whole on Save (one transaction); until
 * then the form is kept as a draft in the database a second after each
 * change and when the window closes, so nothing typed is lost. */

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "accord-enums.h"
#include "accord-money.h"
#include "accord-outcome.h"
#include "accord-outcome-editor.h"
#include "accord-validate.h"
#include "accord-window.h"

#define AUTOSAVE_DELAY_MS 1000

/* The widgets of one participant's row. */
typedef struct
{
  gint64          participant_id;
  GtkCheckButton *present;
  GtkDropDown    *absence;    /* absent | excused, while not present */
  GtkDropDown    *vote;       /* panelists of a hearing only */
  GtkEntry       *comment;
} PartRow;

/* The form read for core: the inputs and the strings they point into. */
typedef struct
{
  AccordOutcomeInput  in;
  GArray             *attendance;   /* AccordAttendanceInput */
  GArray             *terms;        /* AccordTermInput */
  GPtrArray          *strings;
  GPtrArray          *minutes;
  GPtrArray          *facts;
} Form;

struct _AccordOutcomeEditor
{
  AdwWindow       parent_instance;

  AccordStore    *store;
  AccordSession  *session;
  char           *session_date;   /* local YYYY-MM-DD */
  char           *draft_key;
  GPtrArray      *parts;          /* PartRow */
  guint           autosave_id;
  gboolean        loading;
  gboolean        dirty;          /* changed since the draft was last kept */
  gboolean        saved;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *error_label;
  GtkWidget      *draft_box;
  GtkLabel       *draft_label;
  GtkWidget      *discard_button;
  AdwPreferencesGroup *attendance_group;
  GtkWidget      *facts_group;
  GtkTextView    *minutes_view;
  GtkTextView    *facts_view;
  GtkTextView    *opinion_view;
  AdwComboRow    *result_row;
  AdwEntryRow    *follow_up_row;
  GtkListBox     *terms_list;
};

G_DEFINE_FINAL_TYPE (AccordOutcomeEditor, accord_outcome_editor, ADW_TYPE_WINDOW)

static const char * const absence_codes[] = { "absent", "excused", NULL };

static void schedule_autosave (AccordOutcomeEditor *self);

/* Helpers ---------------------------------------------------------------- */

static gboolean
is_hearing (AccordOutcomeEditor *self)
{
  return g_str_equal (self->session->kind, "hearing");
}

static GtkDropDown *
codes_dropdown (AccordVocab         vocab,
                const char * const *codes,
                const char         *none)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (none != NULL)
    gtk_string_list_append (labels, none);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, accord_vocab_label (vocab, codes[i]));
  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
}

/* The code at @selected; NULL for the "none" entry. */
static const char *
code_at (const char * const *codes,
         guint               selected,
         gboolean            has_none)
{
  if (has_none)
    {
      if (selected == 0)
        return NULL;
      selected--;
    }
  return selected < g_strv_length ((char **) codes) ? codes[selected] : NULL;
}

/* The position of @code, or 0 (the "none" entry, or the first code). */
static guint
position_of (const char * const *codes,
             const char         *code,
             gboolean            has_none)
{
  for (guint i = 0; code != NULL && codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i + (has_none ? 1 : 0);
  return 0;
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* One paragraph a line, blank lines dropped; NULL-terminated. */
static GPtrArray *
paragraphs (GtkTextView *view)
{
  g_autofree char *text = view_text (view);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_ptr_array_add (kept, g_strdup (lines[i]));
  g_ptr_array_add (kept, NULL);
  return kept;
}

static const char *
entry_text (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* A trimmed copy kept in @strings; NULL when blank. */
static const char *
kept_text (GPtrArray  *strings,
           const char *text)
{
  char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*copy == '\0')
    {
      g_free (copy);
      return NULL;
    }
  g_ptr_array_add (strings, copy);
  return copy;
}

static void
mark_field (GtkWidget    *widget,
            const GError *error)
{
  if (error == NULL)
    gtk_widget_remove_css_class (widget, "error");
  else
    gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, error != NULL ? error->message : NULL);
}

/* An empty text is no amount (-1). */
static gboolean
parse_amount (const char  *text,
              gint64      *fen,
              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    {
      *fen = -1;
      return TRUE;
    }
  return accord_money_parse_yuan (trimmed, fen, error);
}

/* The check core makes of a due or follow-up date, made as it is typed. */
static gboolean
check_date (AccordOutcomeEditor  *self,
            const char           *field,
            const char           *text,
            GError              **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    return TRUE;
  if (!accord_validate_date (field, trimmed, error))
    return FALSE;
  if (strcmp (trimmed, self->session_date) >= 0)
    return TRUE;
  g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_DATE,
               _("%s cannot be before the session"), field);
  return FALSE;
}

static void
show_error (AccordOutcomeEditor *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Participants ------------------------------------------------------------ */

static void
update_part (PartRow *part)
{
  gboolean present = gtk_check_button_get_active (part->present);

  gtk_widget_set_visible (GTK_WIDGET (part->absence), !present);
  if (part->vote != NULL)
    gtk_widget_set_visible (GTK_WIDGET (part->vote), present);
  if (part->comment != NULL)
    gtk_widget_set_visible (GTK_WIDGET (part->comment), present);
}

static void
on_changed_cb (AccordOutcomeEditor *self)
{
  schedule_autosave (self);
}

static void
on_present_toggled_cb (GtkCheckButton      *check,
                       AccordOutcomeEditor *self)
{
  for (guint i = 0; i < self->parts->len; i++)
    {
      PartRow *part = g_ptr_array_index (self->parts, i);

      if (part->present == check)
        update_part (part);
    }
  schedule_autosave (self);
}

static void
add_vote_widgets (AccordOutcomeEditor *self,
                  PartRow             *part,
                  GtkWidget           *row)
{
  part->comment = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (part->comment), "comment");
  gtk_entry_set_placeholder_text (part->comment, _("Comment on the vote"));
  gtk_editable_set_width_chars (GTK_EDITABLE (part->comment), 14);
  gtk_widget_set_valign (GTK_WIDGET (part->comment), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (part->comment), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comment on the vote"), -1);
  g_signal_connect_swapped (part->comment, "changed", G_CALLBACK (on_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (part->comment));

  part->vote = codes_dropdown (ACCORD_VOCAB_VOTE, accord_vocab_codes (ACCORD_VOCAB_VOTE), _("No vote"));
  gtk_widget_set_name (GTK_WIDGET (part->vote), "vote");
  gtk_widget_set_valign (GTK_WIDGET (part->vote), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (part->vote), _("Vote on the hearing opinion"));
  g_signal_connect_swapped (part->vote, "notify::selected", G_CALLBACK (on_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (part->vote));
}

static void
add_part_row (AccordOutcomeEditor     *self,
              const AccordParticipant *p)
{
  GtkWidget *row = adw_action_row_new ();
  PartRow *part = g_new0 (PartRow, 1);
  g_autofree char *name = g_strdup_printf ("part-%" G_GINT64_FORMAT, p->id);

  part->participant_id = p->id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, p->role));
  gtk_widget_set_name (row, name);

  part->present = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_name (GTK_WIDGET (part->present), "present");
  gtk_widget_set_valign (GTK_WIDGET (part->present), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (part->present), _("Present"));
  g_signal_connect (part->present, "toggled", G_CALLBACK (on_present_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (part->present));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (part->present));

  if (is_hearing (self) && g_str_equal (p->role, "panelist"))
    add_vote_widgets (self, part, row);
  part->absence = codes_dropdown (ACCORD_VOCAB_ATTENDANCE, absence_codes, NULL);
  gtk_widget_set_name (GTK_WIDGET (part->absence), "absence");
  gtk_widget_set_valign (GTK_WIDGET (part->absence), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (part->absence, "notify::selected", G_CALLBACK (on_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (part->absence));

  adw_preferences_group_add (self->attendance_group, row);
  g_ptr_array_add (self->parts, part);
}

static PartRow *
find_part (AccordOutcomeEditor *self,
           gint64               participant_id)
{
  for (guint i = 0; i < self->parts->len; i++)
    if (((PartRow *) g_ptr_array_index (self->parts, i))->participant_id == participant_id)
      return g_ptr_array_index (self->parts, i);
  return NULL;
}

/* Someone not yet marked ("expected") is ticked present: most come. */
static void
set_part (PartRow    *part,
          const char *attendance,
          const char *vote,
          const char *comment)
{
  gboolean present = attendance == NULL || g_str_equal (attendance, "present") ||
                     g_str_equal (attendance, "expected");

  gtk_check_button_set_active (part->present, present);
  gtk_drop_down_set_selected (part->absence, present ? 0 : position_of (absence_codes, attendance, FALSE));
  if (part->vote != NULL)
    gtk_drop_down_set_selected (part->vote, position_of (accord_vocab_codes (ACCORD_VOCAB_VOTE), vote, TRUE));
  if (part->comment != NULL)
    gtk_editable_set_text (GTK_EDITABLE (part->comment), comment != NULL ? comment : "");
  update_part (part);
}

static const char *
part_attendance (PartRow *part)
{
  if (gtk_check_button_get_active (part->present))
    return "present";
  return code_at (absence_codes, gtk_drop_down_get_selected (part->absence), FALSE);
}

static const char *
part_vote (PartRow *part)
{
  if (part->vote == NULL || !gtk_check_button_get_active (part->present))
    return NULL;
  return code_at (accord_vocab_codes (ACCORD_VOCAB_VOTE), gtk_drop_down_get_selected (part->vote), TRUE);
}

/* Terms ------------------------------------------------------------------ */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
term_field (GtkWidget  *row,
            const char *name)
{
  return find_named (row, name);
}

static void
on_amount_changed_cb (GtkEditable         *entry,
                      AccordOutcomeEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 fen;

  parse_amount (gtk_editable_get_text (entry), &fen, &error);
  mark_field (GTK_WIDGET (entry), error);
  schedule_autosave (self);
}

static void
on_due_changed_cb (GtkEditable         *entry,
                   AccordOutcomeEditor *self)
{
  g_autoptr(GError) error = NULL;

  check_date (self, _("Due date"), gtk_editable_get_text (entry), &error);
  mark_field (GTK_WIDGET (entry), error);
  schedule_autosave (self);
}

static void
on_follow_up_changed_cb (GtkEditable         *row,
                         AccordOutcomeEditor *self)
{
  g_autoptr(GError) error = NULL;

  check_date (self, _("Follow-up date"), gtk_editable_get_text (row), &error);
  mark_field (GTK_WIDGET (row), error);
  schedule_autosave (self);
}

static void
on_remove_term_cb (GtkButton           *button,
                   AccordOutcomeEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->terms_list, row);
  schedule_autosave (self);
}

static GtkWidget *
term_entry (GtkWidget  *box,
            const char *name,
            const char *placeholder,
            const char *text,
            int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

/* Two lines: who and what; then how much, by when, and whether done. */
static GtkWidget *
add_term_row (AccordOutcomeEditor *self,
              const char          *party,
              const char          *obligation,
              const char          *amount,
              const char          *due_on,
              gboolean             performed)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *entry, *check, *remove;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);

  entry = term_entry (top, "term-party", _("Party"), party, 12);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_changed_cb), self);
  entry = term_entry (top, "term-obligation", _("Obligation"), obligation, 20);
  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_changed_cb), self);

  entry = term_entry (bottom, "term-amount", _("Amount in yuan"), amount, 12);
  g_signal_connect (entry, "changed", G_CALLBACK (on_amount_changed_cb), self);
  on_amount_changed_cb (GTK_EDITABLE (entry), self);
  entry = term_entry (bottom, "term-due", _("Due date (YYYY-MM-DD)"), due_on, 16);
  g_signal_connect (entry, "changed", G_CALLBACK (on_due_changed_cb), self);
  on_due_changed_cb (GTK_EDITABLE (entry), self);
  check = gtk_check_button_new_with_label (_("Performed"));
  gtk_widget_set_name (check, "term-performed");
  gtk_widget_set_hexpand (check, TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), performed);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_changed_cb), self);
  gtk_box_append (GTK_BOX (bottom), check);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove this term"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_term_cb), self);
  gtk_box_append (GTK_BOX (bottom), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->terms_list, row);
  return row;
}

static void
clear_terms (AccordOutcomeEditor *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->terms_list))) != NULL)
    gtk_list_box_remove (self->terms_list, row);
}

/* Reading the form -------------------------------------------------------- */

static void
form_clear (Form *form)
{
  g_clear_pointer (&form->attendance, g_array_unref);
  g_clear_pointer (&form->terms, g_array_unref);
  g_clear_pointer (&form->strings, g_ptr_array_unref);
  g_clear_pointer (&form->minutes, g_ptr_array_unref);
  g_clear_pointer (&form->facts, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Form, form_clear)

static void
read_attendance (AccordOutcomeEditor *self,
                 Form                *form)
{
  for (guint i = 0; i < self->parts->len; i++)
    {
      PartRow *part = g_ptr_array_index (self->parts, i);
      AccordAttendanceInput a = { part->participant_id, part_attendance (part), part_vote (part), NULL };

      if (part->comment != NULL && gtk_check_button_get_active (part->present))
        a.vote_comment = kept_text (form->strings, entry_text (GTK_WIDGET (part->comment)));
      g_array_append_val (form->attendance, a);
    }
}

/* A term left wholly empty (just added) is no term; an amount that is not
 * one stops the save here, before core is asked. */
static gboolean
read_terms (AccordOutcomeEditor  *self,
            Form                 *form,
            GError              **error)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->terms_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *amount = term_field (row, "term-amount");
      AccordTermInput t = {
        kept_text (form->strings, entry_text (term_field (row, "term-party"))),
        kept_text (form->strings, entry_text (term_field (row, "term-obligation"))),
        -1,
        kept_text (form->strings, entry_text (term_field (row, "term-due"))),
        gtk_check_button_get_active (GTK_CHECK_BUTTON (term_field (row, "term-performed"))),
      };

      if (!parse_amount (entry_text (amount), &t.amount_fen, error))
        {
          gtk_widget_grab_focus (amount);
          return FALSE;
        }
      if (t.party == NULL && t.obligation == NULL && t.due_on == NULL && t.amount_fen < 0)
        continue;
      g_array_append_val (form->terms, t);
    }
  return TRUE;
}

static gboolean
read_form (AccordOutcomeEditor  *self,
           Form                 *form,
           GError              **error)
{
  g_autofree char *opinion = view_text (self->opinion_view);
  const char * const *results = accord_vocab_codes (ACCORD_VOCAB_OUTCOME_RESULT);

  form->attendance = g_array_new (FALSE, TRUE, sizeof (AccordAttendanceInput));
  form->terms = g_array_new (FALSE, TRUE, sizeof (AccordTermInput));
  form->strings = g_ptr_array_new_with_free_func (g_free);
  form->minutes = paragraphs (self->minutes_view);
  form->facts = is_hearing (self) ? paragraphs (self->facts_view) : NULL;

  read_attendance (self, form);
  if (!read_terms (self, form, error))
    return FALSE;

  form->in.session_id = self->session->id;
  form->in.attendance = (const AccordAttendanceInput *) (gpointer) form->attendance->data;
  form->in.n_attendance = form->attendance->len;
  form->in.result = code_at (results, adw_combo_row_get_selected (self->result_row), FALSE);
  form->in.opinion = kept_text (form->strings, opinion);
  form->in.minutes = (const char * const *) form->minutes->pdata;
  form->in.facts = form->facts != NULL ? (const char * const *) form->facts->pdata : NULL;
  form->in.terms = (const AccordTermInput *) (gpointer) form->terms->data;
  form->in.n_terms = form->terms->len;
  form->in.follow_up_on = kept_text (form->strings, entry_text (GTK_WIDGET (self->follow_up_row)));
  return TRUE;
}

/* The draft ------------------------------------------------------------- */

static void
add_member (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
build_attendance (AccordOutcomeEditor *self,
                  JsonBuilder         *b)
{
  json_builder_set_member_name (b, "attendance");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->parts->len; i++)
    {
      PartRow *part = g_ptr_array_index (self->parts, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, part->participant_id);
      add_member (b, "attendance", part_attendance (part));
      add_member (b, "vote", part->vote != NULL ? code_at (accord_vocab_codes (ACCORD_VOCAB_VOTE),
                                                           gtk_drop_down_get_selected (part->vote), TRUE) : NULL);
      add_member (b, "comment", part->comment != NULL ? entry_text (GTK_WIDGET (part->comment)) : NULL);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
build_terms (AccordOutcomeEditor *self,
             JsonBuilder         *b)
{
  json_builder_set_member_name (b, "terms");
  json_builder_begin_array (b);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->terms_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      json_builder_begin_object (b);
      add_member (b, "party", entry_text (term_field (row, "term-party")));
      add_member (b, "obligation", entry_text (term_field (row, "term-obligation")));
      add_member (b, "amount", entry_text (term_field (row, "term-amount")));
      add_member (b, "due", entry_text (term_field (row, "term-due")));
      json_builder_set_member_name (b, "performed");
      json_builder_add_boolean_value (b, gtk_check_button_get_active (GTK_CHECK_BUTTON (term_field (row, "term-performed"))));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The whole form as typed, invalid amounts and dates included. */
static char *
form_to_json (AccordOutcomeEditor *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *minutes = view_text (self->minutes_view);
  g_autofree char *facts = view_text (self->facts_view);
  g_autofree char *opinion = view_text (self->opinion_view);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "saved_at");
  json_builder_add_int_value (b, g_get_real_time () / G_USEC_PER_SEC);
  build_attendance (self, b);
  add_member (b, "minutes", minutes);
  add_member (b, "facts", facts);
  add_member (b, "opinion", opinion);
  add_member (b, "result", code_at (accord_vocab_codes (ACCORD_VOCAB_OUTCOME_RESULT),
                                    adw_combo_row_get_selected (self->result_row), FALSE));
  add_member (b, "follow_up", entry_text (GTK_WIDGET (self->follow_up_row)));
  build_terms (self, b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static JsonArray *
member_array (JsonObject *o,
              const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
apply_draft_attendance (AccordOutcomeEditor *self,
                        JsonArray           *attendance)
{
  for (guint i = 0; attendance != NULL && i < json_array_get_length (attendance); i++)
    {
      JsonObject *a = json_array_get_object_element (attendance, i);
      PartRow *part = a != NULL ? find_part (self, json_object_get_int_member_with_default (a, "id", 0)) : NULL;

      if (part != NULL)
        set_part (part, member_string (a, "attendance"), member_string (a, "vote"), member_string (a, "comment"));
    }
}

static void
apply_draft_terms (AccordOutcomeEditor *self,
                   JsonArray           *terms)
{
  clear_terms (self);
  for (guint i = 0; terms != NULL && i < json_array_get_length (terms); i++)
    {
      JsonObject *t = json_array_get_object_element (terms, i);

      if (t != NULL)
        add_term_row (self, member_string (t, "party"), member_string (t, "obligation"),
                      member_string (t, "amount"), member_string (t, "due"),
                      json_object_get_boolean_member_with_default (t, "performed", FALSE));
    }
}

/* Returns: when the draft was kept (Unix seconds), or 0 when there is no
 * draft one can read */
static gint64
apply_draft (AccordOutcomeEditor *self,
             const char          *content)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char * const *results = accord_vocab_codes (ACCORD_VOCAB_OUTCOME_RESULT);
  JsonNode *root;
  JsonObject *o;

  if (!json_parser_load_from_data (parser, content, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  o = json_node_get_object (root);
  apply_draft_attendance (self, member_array (o, "attendance"));
  set_view_text (self->minutes_view, member_string (o, "minutes"));
  set_view_text (self->facts_view, member_string (o, "facts"));
  set_view_text (self->opinion_view, member_string (o, "opinion"));
  adw_combo_row_set_selected (self->result_row, position_of (results, member_string (o, "result"), FALSE));
  gtk_editable_set_text (GTK_EDITABLE (self->follow_up_row),
                         member_string (o, "follow_up") != NULL ? member_string (o, "follow_up") : "");
  apply_draft_terms (self, member_array (o, "terms"));
  return MAX (json_object_get_int_member_with_default (o, "saved_at", 1), 1);
}

static char *
format_time (AccordOutcomeEditor *self,
             gint64               unix_time)
{
  return accord_store_format_local (self->store, unix_time, "%Y-%m-%d %H:%M:%S");
}

static void
show_draft_note (AccordOutcomeEditor *self,
                 const char          *note,
                 gboolean             discardable)
{
  gtk_label_set_text (self->draft_label, note);
  gtk_widget_set_visible (self->draft_box, TRUE);
  gtk_widget_set_visible (self->discard_button, discardable);
}

/* Keeps the form as the draft; FALSE (with a warning) if the store
 * refuses, which then says so in the window. */
static gboolean
keep_draft (AccordOutcomeEditor *self)
{
  g_autofree char *content = form_to_json (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *note = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!accord_store_save_draft (self->store, self->draft_key, content, &error))
    {
      show_draft_note (self, error->message, FALSE);
      return FALSE;
    }
  self->dirty = FALSE;
  when = format_time (self, g_get_real_time () / G_USEC_PER_SEC);
  /* TRANSLATORS: %s is a date and time */
  note = g_strdup_printf (_("Draft autosaved at %s"), when);
  show_draft_note (self, note, TRUE);
  return TRUE;
}

static gboolean
on_autosave_timeout_cb (gpointer data)
{
  AccordOutcomeEditor *self = data;

  self->autosave_id = 0;
  keep_draft (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (AccordOutcomeEditor *self)
{
  if (self->loading || self->saved)
    return;
  self->dirty = TRUE;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, on_autosave_timeout_cb, self);
}

/* Filling in ------------------------------------------------------------- */

static char *
amount_text (gint64 fen)
{
  return fen >= 0 ? accord_money_figures (fen) : NULL;
}

static void
fill_from_outcome (AccordOutcomeEditor *self,
                   const AccordOutcome *o)
{
  g_autofree char *minutes = o->minutes != NULL ? g_strjoinv ("\n", o->minutes) : NULL;
  g_autofree char *facts = o->facts != NULL ? g_strjoinv ("\n", o->facts) : NULL;
  const char * const *results = accord_vocab_codes (ACCORD_VOCAB_OUTCOME_RESULT);

  set_view_text (self->minutes_view, minutes);
  set_view_text (self->facts_view, facts);
  set_view_text (self->opinion_view, o->opinion);
  adw_combo_row_set_selected (self->result_row, position_of (results, o->result, FALSE));
  gtk_editable_set_text (GTK_EDITABLE (self->follow_up_row), o->follow_up_on != NULL ? o->follow_up_on : "");
  for (guint i = 0; o->terms != NULL && i < o->terms->len; i++)
    {
      const AccordTerm *t = g_ptr_array_index (o->terms, i);
      g_autofree char *amount = amount_text (t->amount_fen);

      add_term_row (self, t->party, t->obligation, amount, t->due_on, t->performed);
    }
}

/* What the store holds: the attendance and votes of the session and its
 * outcome, if one was recorded. */
static void
fill_stored (AccordOutcomeEditor *self)
{
  g_autoptr(AccordOutcome) outcome = accord_store_get_outcome (self->store, self->session->id, NULL);

  for (guint i = 0; i < self->session->participants->len; i++)
    {
      const AccordParticipant *p = g_ptr_array_index (self->session->participants, i);

      set_part (find_part (self, p->id), p->attendance, p->vote, p->vote_comment);
    }
  clear_terms (self);
  set_view_text (self->minutes_view, NULL);
  set_view_text (self->facts_view, NULL);
  set_view_text (self->opinion_view, NULL);
  adw_combo_row_set_selected (self->result_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->follow_up_row), "");
  if (outcome != NULL)
    fill_from_outcome (self, outcome);
}

static void
fill (AccordOutcomeEditor *self)
{
  g_autofree char *draft = accord_store_load_draft (self->store, self->draft_key);
  gint64 saved_at;

  self->loading = TRUE;
  fill_stored (self);
  if (draft != NULL && (saved_at = apply_draft (self, draft)) > 0)
    {
      g_autofree char *when = format_time (self, saved_at);
      /* TRANSLATORS: %s is a date and time */
      g_autofree char *note = g_strdup_printf (_("Draft restored: autosaved at %s, not saved yet"), when);

      show_draft_note (self, note, TRUE);
    }
  else
    gtk_widget_set_visible (self->draft_box, FALSE);
  self->loading = FALSE;
  self->dirty = FALSE;
  /* A change made while the window was being built (its result list) is
   * not the user's: the form holds what the store or the draft holds. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
}

static void
set_up_session (AccordOutcomeEditor *self)
{
  g_autofree char *when = accord_store_format_local (self->store, self->session->starts_at, "%Y-%m-%d %H:%M");
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s",
                                               accord_vocab_label (ACCORD_VOCAB_SESSION_KIND, self->session->kind),
                                               when, self->session->case_number);

  self->session_date = accord_store_format_local (self->store, self->session->starts_at, "%Y-%m-%d");
  self->draft_key = g_strdup_printf ("outcome:%" G_GINT64_FORMAT, self->session->id);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->facts_group, is_hearing (self));
  adw_preferences_group_set_description (self->attendance_group,
                                         is_hearing (self) ? _("Tick who was present. Each panelist present votes on the hearing opinion.")
                                                           : _("Tick who was present."));
  for (guint i = 0; i < self->session->participants->len; i++)
    add_part_row (self, g_ptr_array_index (self->session->participants, i));
}

static void
load_results (AccordOutcomeEditor *self)
{
  const char * const *codes = accord_vocab_codes (ACCORD_VOCAB_OUTCOME_RESULT);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, accord_vocab_label (ACCORD_VOCAB_OUTCOME_RESULT, codes[i]));
  adw_combo_row_set_model (self->result_row, G_LIST_MODEL (labels));
}

/* Actions ---------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accord_outcome_editor_save (ACCORD_OUTCOME_EDITOR (widget));
}

static void
add_term_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AccordOutcomeEditor *self = ACCORD_OUTCOME_EDITOR (widget);
  GtkWidget *row = add_term_row (self, NULL, NULL, NULL, NULL, FALSE);

  gtk_widget_grab_focus (term_field (row, "term-party"));
  schedule_autosave (self);
}

/* Back to what the store holds; the draft is gone. */
static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordOutcomeEditor *self = ACCORD_OUTCOME_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!accord_store_save_draft (self->store, self->draft_key, NULL, &error))
    {
      show_error (self, error->message);
      return;
    }
  self->loading = TRUE;
  fill_stored (self);
  self->loading = FALSE;
  self->dirty = FALSE;
  show_error (self, NULL);
  gtk_widget_set_visible (self->draft_box, FALSE);
}

/* Overrides -------------------------------------------------------------- */

static gboolean
accord_outcome_editor_close_request (GtkWindow *window)
{
  accord_outcome_editor_keep_draft (ACCORD_OUTCOME_EDITOR (window));
  return GTK_WINDOW_CLASS (accord_outcome_editor_parent_class)->close_request (window);
}

static void
accord_outcome_editor_dispose (GObject *object)
{
  AccordOutcomeEditor *self = ACCORD_OUTCOME_EDITOR (object);

  /* Destroyed without a close request, as with its main window. */
  if (self->store != NULL && self->session != NULL)
    accord_outcome_editor_keep_draft (self);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_OUTCOME_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accord_outcome_editor_parent_class)->dispose (object);
}

static void
accord_outcome_editor_finalize (GObject *object)
{
  AccordOutcomeEditor *self = ACCORD_OUTCOME_EDITOR (object);

  g_clear_pointer (&self->session, accord_session_free);
  g_free (self->session_date);
  g_free (self->draft_key);
  g_ptr_array_unref (self->parts);

  G_OBJECT_CLASS (accord_outcome_editor_parent_class)->finalize (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, draft_box);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, discard_button);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, facts_group);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, minutes_view);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, facts_view);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, opinion_view);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, result_row);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, AccordOutcomeEditor, terms_list);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_up_changed_cb);
}

static void
accord_outcome_editor_class_init (AccordOutcomeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = accord_outcome_editor_dispose;
  object_class->finalize = accord_outcome_editor_finalize;
  window_class->close_request = accord_outcome_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/accord/Accord/accord-outcome-editor.ui");
  bind_children (widget_class);

  gtk_widget_class_install_action (widget_class, "outcome.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "outcome.add-term", NULL, add_term_action);
  gtk_widget_class_install_action (widget_class, "outcome.discard-draft", NULL, discard_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "outcome.save", NULL);
}

static void
accord_outcome_editor_init (AccordOutcomeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->parts = g_ptr_array_new_with_free_func (g_free);
  load_results (self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->minutes_view), "changed",
                            G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->facts_view), "changed",
                            G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->opinion_view), "changed",
                            G_CALLBACK (on_changed_cb), self);
}

/* Public API ------------------------------------------------------------- */

/**
 * accord_outcome_editor_new:
 *
 * The outcome of @session_id, as stored or as last typed (the draft).
 *
 * Returns: (transfer none) (nullable): the editor, or %NULL with @error
 *   set when the session cannot be read or is cancelled
 */
AccordOutcomeEditor *
accord_outcome_editor_new (GtkWindow    *parent,
                           AccordStore  *store,
                           gint64        session_id,
                           GError      **error)
{
  g_autoptr(AccordSession) session = NULL;
  AccordOutcomeEditor *self;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((session = accord_store_get_session (store, session_id, error)) == NULL)
    return NULL;
  if (g_str_equal (session->status, "cancelled"))
    {
      g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                           _("A cancelled session has no outcome"));
      return NULL;
    }

  self = g_object_new (ACCORD_TYPE_OUTCOME_EDITOR, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->store = g_object_ref (store);
  self->session = g_steal_pointer (&session);
  set_up_session (self);
  fill (self);
  return self;
}

/**
 * accord_outcome_editor_save:
 *
 * Records the outcome as typed.  A refusal is shown in the window and
 * nothing is written; a success drops the draft and closes the window.
 *
 * Returns: whether the outcome was recorded
 */
gboolean
accord_outcome_editor_save (AccordOutcomeEditor *self)
{
  g_auto(Form) form = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) draft_error = NULL;
  AccordWindow *window;

  g_return_val_if_fail (ACCORD_IS_OUTCOME_EDITOR (self), FALSE);

  if (!read_form (self, &form, &error) || !accord_store_record_outcome (self->store, &form.in, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  self->saved = TRUE;
  self->dirty = FALSE;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!accord_store_save_draft (self->store, self->draft_key, NULL, &draft_error))
    g_warning ("Cannot drop the draft of a recorded outcome: %s", draft_error->message);
  if ((window = accord_window_of (GTK_WIDGET (self))) != NULL)
    {
      accord_window_add_toast (window, adw_toast_new (_("Outcome recorded")));
      accord_window_data_changed (window);
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/**
 * accord_outcome_editor_keep_draft:
 *
 * Keeps what was typed since the draft was last kept, at once.
 */
void
accord_outcome_editor_keep_draft (AccordOutcomeEditor *self)
{
  g_return_if_fail (ACCORD_IS_OUTCOME_EDITOR (self));

  if (self->dirty && !self->saved)
    keep_draft (self);
}
