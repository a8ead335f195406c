/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-cli"

#include <glib/gi18n.h>

#include "accord-enums.h"
#include "accord-money.h"

#include "accord-cli-output.h"
#include "accord-cli-output-private.h"

/* Money */

/* "¥1,409.50 (壹仟肆佰零玖元伍角整)": figures and capital numerals, as the
 * documents write it (DOMAIN.md §5). */
char *
cli_format_money (gint64 fen)
{
  g_autofree char *figures = accord_money_figures (fen);
  g_autofree char *capital = accord_money_capital (fen);

  if (figures == NULL || capital == NULL)
    return NULL;

  return g_strdup_printf ("¥%s (%s)", figures, capital);
}

/* JSON */

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *name,
                 gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_term (JsonBuilder      *builder,
          const AccordTerm *term)
{
  g_autofree char *figures = term->amount_fen >= 0 ? accord_money_figures (term->amount_fen) : NULL;
  g_autofree char *capital = term->amount_fen >= 0 ? accord_money_capital (term->amount_fen) : NULL;

  json_builder_begin_object (builder);
  add_int (builder, "id", term->id);
  cli_json_add_string_or_null (builder, "party", term->party);
  cli_json_add_string_or_null (builder, "obligation", term->obligation);
  json_builder_set_member_name (builder, "amount_fen");
  if (term->amount_fen >= 0)
    json_builder_add_int_value (builder, term->amount_fen);
  else
    json_builder_add_null_value (builder);
  cli_json_add_string_or_null (builder, "amount", figures);
  cli_json_add_string_or_null (builder, "amount_capital", capital);
  cli_json_add_string_or_null (builder, "due_on", term->due_on);
  json_builder_set_member_name (builder, "performed");
  json_builder_add_boolean_value (builder, term->performed);
  json_builder_end_object (builder);
}

static void
add_attendance (JsonBuilder         *builder,
                const AccordSession *session)
{
  json_builder_set_member_name (builder, "attendance");
  json_builder_begin_array (builder);
  for (guint i = 0; i < session->participants->len; i++)
    {
      AccordParticipant *p = g_ptr_array_index (session->participants, i);

      json_builder_begin_object (builder);
      add_int_or_null (builder, "person_id", p->person_id);
      add_int_or_null (builder, "petitioner_id", p->petitioner_id);
      cli_json_add_string_or_null (builder, "name", p->name);
      cli_json_add_string_or_null (builder, "role", p->role);
      cli_json_add_string_or_null (builder, "attendance", p->attendance);
      cli_json_add_string_or_null (builder, "vote", p->vote);
      cli_json_add_string_or_null (builder, "vote_comment", p->vote_comment);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* @session: the session, for who attended and how each panelist voted */
JsonNode *
cli_json_outcome (const AccordOutcome *outcome,
                  const AccordSession *session)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "session_id", outcome->session_id);
  cli_json_add_string_or_null (builder, "result", outcome->result);
  cli_json_add_string_or_null (builder, "opinion", outcome->opinion);
  add_int (builder, "votes_support", outcome->votes_support);
  add_int (builder, "votes_oppose", outcome->votes_oppose);
  add_int (builder, "votes_abstain", outcome->votes_abstain);
  json_builder_set_member_name (builder, "majority");
  json_builder_add_boolean_value (builder, outcome->majority);

  json_builder_set_member_name (builder, "minutes");
  json_builder_begin_array (builder);
  for (guint i = 0; outcome->minutes != NULL && outcome->minutes[i] != NULL; i++)
    json_builder_add_string_value (builder, outcome->minutes[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "facts");
  json_builder_begin_array (builder);
  for (guint i = 0; outcome->facts != NULL && outcome->facts[i] != NULL; i++)
    json_builder_add_string_value (builder, outcome->facts[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "terms");
  json_builder_begin_array (builder);
  for (guint i = 0; outcome->terms != NULL && i < outcome->terms->len; i++)
    add_term (builder, g_ptr_array_index (outcome->terms, i));
  json_builder_end_array (builder);

  cli_json_add_string_or_null (builder, "follow_up_on", outcome->follow_up_on);
  add_int (builder, "version", outcome->version);
  add_attendance (builder, session);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Text */

static gsize
labels_width (const char * const *labels,
              guint               n_labels)
{
  gsize width = 0;

  for (guint i = 0; i < n_labels; i++)
    width = MAX (width, cli_display_width (labels[i]) + 1);

  return width;
}

static char *
votes_text (const AccordOutcome *outcome)
{
  /* TRANSLATORS: the panel's votes on the hearing opinion */
  g_autofree char *counts = g_strdup_printf (_("%d support, %d oppose, %d abstain"), outcome->votes_support,
                                             outcome->votes_oppose, outcome->votes_abstain);
  const char *majority = outcome->majority ? _("the majority of the panel supports the opinion")
                                           : _("no majority of the panel supports the opinion");

  /* TRANSLATORS: the vote counts, then whether a majority supports the opinion */
  return g_strdup_printf (_("%s; %s"), counts, majority);
}

static char *
who (const AccordParticipant *p)
{
  g_autofree char *id = cli_format_id (p->person_id > 0 ? p->person_id : p->petitioner_id);

  if (p->person_id > 0)
    /* TRANSLATORS: someone of the pool: name and person id, e.g. "王芳 (person 3)" */
    return g_strdup_printf (_("%s (person %s)"), cli_or_dash (p->name), id);

  /* TRANSLATORS: a petitioner: name and petitioner id, e.g. "刘洋 (petitioner 1)" */
  return g_strdup_printf (_("%s (petitioner %s)"), cli_or_dash (p->name), id);
}

/* "王芳 (person 3), Panelist: Present, Opposes — 补偿偏低" */
static char *
attendance_line (const AccordParticipant *p)
{
  g_autofree char *name = who (p);
  g_autoptr(GString) line = g_string_new (NULL);

  /* TRANSLATORS: someone taking part, their role and attendance, e.g. "王芳 (person 3), Panelist: Present" */
  g_string_append_printf (line, _("%s, %s: %s"), name, accord_vocab_label (ACCORD_VOCAB_SESSION_ROLE, p->role),
                          accord_vocab_label (ACCORD_VOCAB_ATTENDANCE, p->attendance));
  if (p->vote != NULL)
    g_string_append_printf (line, ", %s", accord_vocab_label (ACCORD_VOCAB_VOTE, p->vote));
  if (p->vote_comment != NULL && *p->vote_comment != '\0')
    g_string_append_printf (line, " — %s", p->vote_comment);

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
print_attendance (const AccordSession *session)
{
  g_print ("%s:\n", _("Attendance"));
  for (guint i = 0; i < session->participants->len; i++)
    {
      g_autofree char *line = attendance_line (g_ptr_array_index (session->participants, i));

      g_print ("  %s\n", line);
    }
}

/* Lines after the first line up with it. */
static void
print_indented (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("  %s\n", lines[i]);
}

static char *
term_line (const AccordTerm *term,
           guint             position)
{
  g_autoptr(GString) line = g_string_new (NULL);

  /* TRANSLATORS: a term of an outcome: its number, the party and what it must do */
  g_string_append_printf (line, _("%u. %s: %s"), position, term->party, term->obligation);
  if (term->amount_fen >= 0)
    {
      g_autofree char *money = cli_format_money (term->amount_fen);

      g_string_append_printf (line, ", %s", money);
    }
  if (term->due_on != NULL)
    {
      g_string_append (line, ", ");
      /* TRANSLATORS: when a term must be performed, e.g. "due 2026-12-31" */
      g_string_append_printf (line, _("due %s"), term->due_on);
    }
  if (term->performed)
    g_string_append_printf (line, " (%s)", _("performed"));

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* Votes are shown for a hearing, or when any were cast. */
void
cli_print_outcome (const AccordOutcome *outcome,
                   const AccordSession *session)
{
  g_autofree char *id = cli_format_id (outcome->session_id);
  g_autofree char *votes = votes_text (outcome);
  gboolean show_votes = g_strcmp0 (session->kind, "hearing") == 0
                        || outcome->votes_support + outcome->votes_oppose + outcome->votes_abstain > 0;
  const char *labels[] = { _("Session"), _("Case"), _("Result"), _("Opinion"), _("Votes"), _("Follow-up") };
  const char *values[] = {
    id, session->case_number, accord_vocab_label (ACCORD_VOCAB_OUTCOME_RESULT, outcome->result),
    cli_or_dash (outcome->opinion), votes, cli_or_dash (outcome->follow_up_on),
  };
  gsize width = labels_width (labels, G_N_ELEMENTS (labels));

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (values[i] != votes || show_votes)
      cli_print_field (labels[i], values[i], width, 0);

  print_attendance (session);

  g_print ("%s:\n", _("Minutes"));
  for (guint i = 0; outcome->minutes != NULL && outcome->minutes[i] != NULL; i++)
    print_indented (outcome->minutes[i]);

  if (outcome->facts != NULL && outcome->facts[0] != NULL)
    {
      g_print ("%s:\n", _("Facts found"));
      for (guint i = 0; outcome->facts[i] != NULL; i++)
        print_indented (outcome->facts[i]);
    }

  g_print ("%s:\n", _("Terms"));
  for (guint i = 0; outcome->terms != NULL && i < outcome->terms->len; i++)
    {
      g_autofree char *line = term_line (g_ptr_array_index (outcome->terms, i), i + 1);

      g_print ("  %s\n", line);
    }
}
