/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-case"

#include <glib/gi18n.h>
#include <stdio.h>

#include "accord-case.h"
#include "accord-enums.h"
#include "accord-validate.h"

struct _AccordCase
{
  GObject    parent_instance;
  gint64     id;
  gint64     version;
  char      *texts[ACCORD_CASE_N_TEXTS];
  gboolean   flags[ACCORD_CASE_N_FLAGS];
  GPtrArray *petitioners;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_FIRST_TEXT,
  PROP_FIRST_FLAG = PROP_FIRST_TEXT + ACCORD_CASE_N_TEXTS,
  N_PROPS = PROP_FIRST_FLAG + ACCORD_CASE_N_FLAGS
};

/* A workflow step: the states it may start from and the state it leads to. */
typedef struct
{
  const char *verb;
  const char *label;
  const char *from[4];
  const char *to;
  const char *refusal;
} ActionRule;

G_DEFINE_FINAL_TYPE (AccordCase, accord_case, G_TYPE_OBJECT)
G_DEFINE_QUARK (accord-case-error-quark, accord_case_error)

static GParamSpec *properties[N_PROPS];

static const char *text_names[ACCORD_CASE_N_TEXTS] = {
  "number", "title", "summary", "category", "channel", "status", "received_on", "accepted_on",
  "declined_on", "decline_reason", "assigned_on", "replied_on", "opinion", "review_requested_on",
  "reviewed_on", "review_opinion", "re_review_requested_on", "terminated_on", "re_review_opinion",
  "responsible_unit", "leader", "investigator", "evaluation", "next_step", "next_due", "petitioner_names",
};

static const char *flag_names[ACCORD_CASE_N_FLAGS] = {
  "collective", "repeat", "cross_level", "litigation_related",
};

/* Labels of the case fields, in the order of AccordCaseText. */
static const char * const text_labels[] = {
  [ACCORD_CASE_NUMBER] = N_("Number"),
  [ACCORD_CASE_TITLE] = N_("Title"),
  [ACCORD_CASE_SUMMARY] = N_("Summary"),
  [ACCORD_CASE_CATEGORY] = N_("Category"),
  [ACCORD_CASE_CHANNEL] = N_("Channel"),
  [ACCORD_CASE_STATUS] = N_("Status"),
  [ACCORD_CASE_RECEIVED_ON] = N_("Received on"),
  [ACCORD_CASE_ACCEPTED_ON] = N_("Accepted on"),
  [ACCORD_CASE_DECLINED_ON] = N_("Declined on"),
  [ACCORD_CASE_DECLINE_REASON] = N_("Reason for declining"),
  [ACCORD_CASE_ASSIGNED_ON] = N_("Assigned on"),
  [ACCORD_CASE_REPLIED_ON] = N_("Replied on"),
  [ACCORD_CASE_OPINION] = N_("Handling opinion"),
  [ACCORD_CASE_REVIEW_REQUESTED_ON] = N_("Review requested on"),
  [ACCORD_CASE_REVIEWED_ON] = N_("Reviewed on"),
  [ACCORD_CASE_REVIEW_OPINION] = N_("Review opinion"),
  [ACCORD_CASE_RE_REVIEW_REQUESTED_ON] = N_("Re-review requested on"),
  [ACCORD_CASE_TERMINATED_ON] = N_("Terminated on"),
  [ACCORD_CASE_RE_REVIEW_OPINION] = N_("Re-review opinion"),
  [ACCORD_CASE_RESPONSIBLE_UNIT] = N_("Responsible unit"),
  [ACCORD_CASE_LEADER] = N_("Leader in charge"),
  [ACCORD_CASE_INVESTIGATOR] = N_("Investigator"),
  [ACCORD_CASE_EVALUATION] = N_("Evaluation"),
  [ACCORD_CASE_NEXT_STEP] = N_("Next step"),
  [ACCORD_CASE_NEXT_DUE] = N_("Next deadline"),
  [ACCORD_CASE_PETITIONER_NAMES] = N_("Petitioners"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (text_labels) == ACCORD_CASE_N_TEXTS);

static const char * const flag_labels[] = {
  [ACCORD_CASE_COLLECTIVE] = N_("Collective petition"),
  [ACCORD_CASE_REPEAT] = N_("Repeated petition"),
  [ACCORD_CASE_CROSS_LEVEL] = N_("Skips a level"),
  [ACCORD_CASE_LITIGATION_RELATED] = N_("Law- or litigation-related"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (flag_labels) == ACCORD_CASE_N_FLAGS);

static const ActionRule rules[ACCORD_CASE_N_ACTIONS] = {
  { "accept", N_("Accept"), { "registered" }, "accepted",
    N_("Only a registered case can be accepted") },
  { "decline", N_("Decline"), { "registered" }, "declined",
    N_("Only a registered case can be declined") },
  { "assign", N_("Assign to a unit"), { "accepted" }, "assigned",
    N_("Only an accepted case can be assigned to a responsible unit") },
  { "reply", N_("Reply"), { "accepted", "assigned" }, "replied",
    N_("A case can be replied to only after it has been accepted") },
  { "request-review", N_("Request review"), { "replied" }, "review",
    N_("A review can be requested only after a written reply") },
  { "review-reply", N_("Reply to review"), { "review" }, "reviewed",
    N_("Only a case under review can receive a review opinion") },
  { "request-re-review", N_("Request re-review"), { "reviewed" }, "re_review",
    N_("A re-review can be requested only after a review opinion") },
  { "re-review-reply", N_("Reply to re-review"), { "re_review" }, "terminated",
    N_("Only a case under re-review can receive a re-review opinion") },
  { "terminate", N_("Terminate"), { "replied", "reviewed" }, "terminated",
    N_("Only a replied or reviewed case can be terminated") },
  { "evaluate", N_("Record evaluation"), { "replied", "reviewed", "terminated" }, NULL,
    N_("A case can be evaluated only after a written reply") },
};

static void
accord_case_finalize (GObject *object)
{
  AccordCase *self = (AccordCase *) object;

  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    g_free (self->texts[i]);
  g_clear_pointer (&self->petitioners, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_case_parent_class)->finalize (object);
}

static void
accord_case_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AccordCase *self = ACCORD_CASE (object);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_VERSION)
    g_value_set_int64 (value, self->version);
  else if (prop_id < PROP_FIRST_FLAG)
    g_value_set_string (value, self->texts[prop_id - PROP_FIRST_TEXT]);
  else if (prop_id < N_PROPS)
    g_value_set_boolean (value, self->flags[prop_id - PROP_FIRST_FLAG]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static char *
property_name (const char *field)
{
  char *name = g_strdup (field);

  g_strdelimit (name, "_", '-');
  return name;
}

static void
accord_case_class_init (AccordCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = accord_case_finalize;
  object_class->get_property = accord_case_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* Property names live as long as the type: they are interned. */
  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    {
      g_autofree char *name = property_name (text_names[i]);
      properties[PROP_FIRST_TEXT + i] =
        g_param_spec_string (g_intern_string (name), NULL, NULL, NULL, flags);
    }
  for (guint i = 0; i < ACCORD_CASE_N_FLAGS; i++)
    {
      g_autofree char *name = property_name (flag_names[i]);
      properties[PROP_FIRST_FLAG + i] =
        g_param_spec_boolean (g_intern_string (name), NULL, NULL, FALSE, flags);
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accord_case_init (AccordCase *self)
{
  self->petitioners = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_petitioner_free);
}

AccordCase *
accord_case_new (void)
{
  return g_object_new (ACCORD_TYPE_CASE, NULL);
}

gint64
accord_case_get_id (AccordCase *self)
{
  g_return_val_if_fail (ACCORD_IS_CASE (self), 0);

  return self->id;
}

void
accord_case_set_id (AccordCase *self,
                    gint64      id)
{
  g_return_if_fail (ACCORD_IS_CASE (self));

  self->id = id;
}

gint64
accord_case_get_version (AccordCase *self)
{
  g_return_val_if_fail (ACCORD_IS_CASE (self), 0);

  return self->version;
}

void
accord_case_set_version (AccordCase *self,
                         gint64      version)
{
  g_return_if_fail (ACCORD_IS_CASE (self));

  self->version = version;
}

const char *
accord_case_get_text (AccordCase     *self,
                      AccordCaseText  field)
{
  g_return_val_if_fail (ACCORD_IS_CASE (self), NULL);
  g_return_val_if_fail (field < ACCORD_CASE_N_TEXTS, NULL);

  return self->texts[field];
}

void
accord_case_set_text (AccordCase     *self,
                      AccordCaseText  field,
                      const char     *value)
{
  g_return_if_fail (ACCORD_IS_CASE (self));
  g_return_if_fail (field < ACCORD_CASE_N_TEXTS);

  g_free (self->texts[field]);
  self->texts[field] = g_strdup (value);
}

gboolean
accord_case_get_flag (AccordCase     *self,
                      AccordCaseFlag  flag)
{
  g_return_val_if_fail (ACCORD_IS_CASE (self), FALSE);
  g_return_val_if_fail (flag < ACCORD_CASE_N_FLAGS, FALSE);

  return self->flags[flag];
}

void
accord_case_set_flag (AccordCase     *self,
                      AccordCaseFlag  flag,
                      gboolean        value)
{
  g_return_if_fail (ACCORD_IS_CASE (self));
  g_return_if_fail (flag < ACCORD_CASE_N_FLAGS);

  self->flags[flag] = !!value;
}

const char *
accord_case_get_number (AccordCase *self)
{
  return accord_case_get_text (self, ACCORD_CASE_NUMBER);
}

const char *
accord_case_get_title (AccordCase *self)
{
  return accord_case_get_text (self, ACCORD_CASE_TITLE);
}

const char *
accord_case_get_status (AccordCase *self)
{
  return accord_case_get_text (self, ACCORD_CASE_STATUS);
}

GPtrArray *
accord_case_get_petitioners (AccordCase *self)
{
  g_return_val_if_fail (ACCORD_IS_CASE (self), NULL);

  return self->petitioners;
}

void
accord_case_take_petitioner (AccordCase       *self,
                             AccordPetitioner *petitioner)
{
  g_return_if_fail (ACCORD_IS_CASE (self));
  g_return_if_fail (petitioner != NULL);

  g_ptr_array_add (self->petitioners, petitioner);
}

const char *
accord_case_text_name (AccordCaseText field)
{
  g_return_val_if_fail (field < ACCORD_CASE_N_TEXTS, NULL);

  return text_names[field];
}

const char *
accord_case_flag_name (AccordCaseFlag flag)
{
  g_return_val_if_fail (flag < ACCORD_CASE_N_FLAGS, NULL);

  return flag_names[flag];
}

const char *
accord_case_text_label (AccordCaseText field)
{
  g_return_val_if_fail (field < ACCORD_CASE_N_TEXTS, NULL);

  return _(text_labels[field]);
}

const char *
accord_case_flag_label (AccordCaseFlag flag)
{
  g_return_val_if_fail (flag < ACCORD_CASE_N_FLAGS, NULL);

  return _(flag_labels[flag]);
}

const char *
accord_case_action_verb (AccordCaseAction action)
{
  g_return_val_if_fail (action < ACCORD_CASE_N_ACTIONS, NULL);

  return rules[action].verb;
}

gboolean
accord_case_action_from_verb (const char       *verb,
                              AccordCaseAction *action)
{
  for (guint i = 0; i < ACCORD_CASE_N_ACTIONS; i++)
    if (g_strcmp0 (rules[i].verb, verb) == 0)
      {
        *action = i;
        return TRUE;
      }

  return FALSE;
}

const char *
accord_case_action_label (AccordCaseAction action)
{
  g_return_val_if_fail (action < ACCORD_CASE_N_ACTIONS, NULL);

  return _(rules[action].label);
}

gboolean
accord_case_can (AccordCase       *self,
                 AccordCaseAction  action)
{
  g_return_val_if_fail (ACCORD_IS_CASE (self), FALSE);
  g_return_val_if_fail (action < ACCORD_CASE_N_ACTIONS, FALSE);

  if (action == ACCORD_CASE_ACTION_EVALUATE && self->texts[ACCORD_CASE_EVALUATION] != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rules[action].from) && rules[action].from[i]; i++)
    if (g_strcmp0 (rules[action].from[i], self->texts[ACCORD_CASE_STATUS]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
refuse (GError     **error,
        int          code,
        const char  *message)
{
  g_set_error_literal (error, ACCORD_CASE_ERROR, code, message);
  return FALSE;
}

/* The step's date: a real date, not in the future, not before the step
 * it follows. */
static gboolean
check_date (AccordCase  *self,
            const char  *date,
            const char  *after,
            GError     **error)
{
  g_autofree char *today = accord_today ();

  if (!accord_validate_date (_("Date"), date, error))
    return FALSE;
  if (strcmp (date, today) > 0)
    return refuse (error, ACCORD_CASE_ERROR_INVALID, _("Date: a workflow step cannot be dated in the future"));
  if (after != NULL && strcmp (date, after) < 0)
    return refuse (error, ACCORD_CASE_ERROR_INVALID, _("Date: a workflow step cannot be dated before the step it follows"));

  return TRUE;
}

static gboolean
check_opinion (const char  *opinion,
               GError     **error)
{
  g_autofree char *codes = NULL;

  if (accord_vocab_has (ACCORD_VOCAB_OPINION, opinion))
    return TRUE;

  codes = accord_vocab_codes_joined (ACCORD_VOCAB_OPINION);
  g_set_error (error, ACCORD_CASE_ERROR, ACCORD_CASE_ERROR_INVALID,
               _("Opinion must be one of: %s"), codes);
  return FALSE;
}

/* The fields an action sets besides the status, and the one its date must
 * not precede. */
static gboolean
apply_fields (AccordCase                 *self,
              const AccordCaseTransition *t,
              const char                 *date,
              GError                    **error)
{
  char **s = self->texts;

  switch (t->action)
    {
    case ACCORD_CASE_ACTION_ACCEPT:
      if (self->flags[ACCORD_CASE_LITIGATION_RELATED])
        return refuse (error, ACCORD_CASE_ERROR_NOT_ALLOWED,
                       _("A litigation-related matter goes to the courts: decline it with a reason instead of accepting it"));
      if (!check_date (self, date, s[ACCORD_CASE_RECEIVED_ON], error))
        return FALSE;
      accord_case_set_text (self, ACCORD_CASE_ACCEPTED_ON, date);
      return TRUE;

    case ACCORD_CASE_ACTION_DECLINE:
      if (!accord_validate_text (_("Reason"), t->reason, 1000, TRUE, error) ||
          !check_date (self, date, s[ACCORD_CASE_RECEIVED_ON], error))
        return FALSE;
      accord_case_set_text (self, ACCORD_CASE_DECLINED_ON, date);
      accord_case_set_text (self, ACCORD_CASE_DECLINE_REASON, t->reason);
      return TRUE;

    case ACCORD_CASE_ACTION_ASSIGN:
      if (!accord_validate_text (_("Responsible unit"), t->unit, ACCORD_NAME_MAX_CHARS, TRUE, error) ||
          !check_date (self, date, s[ACCORD_CASE_ACCEPTED_ON], error))
        return FALSE;
      accord_case_set_text (self, ACCORD_CASE_ASSIGNED_ON, date);
      accord_case_set_text (self, ACCORD_CASE_RESPONSIBLE_UNIT, t->unit);
      return TRUE;

    case ACCORD_CASE_ACTION_REPLY:
      if (!check_opinion (t->opinion, error) ||
          !check_date (self, date, s[ACCORD_CASE_ASSIGNED_ON] ? s[ACCORD_CASE_ASSIGNED_ON] : s[ACCORD_CASE_ACCEPTED_ON], error))
        return FALSE;
      accord_case_set_text (self, ACCORD_CASE_REPLIED_ON, date);
      accord_case_set_text (self, ACCORD_CASE_OPINION, t->opinion);
      return TRUE;

    case ACCORD_CASE_ACTION_REQUEST_REVIEW:
      if (!check_date (self, date, s[ACCORD_CASE_REPLIED_ON], error))
        return FALSE;
      accord_case_set_text (self, ACCORD_CASE_REVIEW_REQUESTED_ON, date);
      return TRUE;

    case ACCORD_CASE_ACTION_REVIEW_REPLY:
      if (!check_opinion (t->opinion, error) ||
          !check_date (self, date, s[ACCORD_CASE_REVIEW_REQUESTED_ON], error))
        return FALSE;
      accord_case_set_text (self, ACCORD_CASE_REVIEWED_ON, date);
      accord_case_set_text (self, ACCORD_CASE_REVIEW_OPINION, t->opinion);
      return TRUE;

    case ACCORD_CASE_ACTION_REQUEST_RE_REVIEW:
      if (!check_date (self, date, s[ACCORD_CASE_REVIEWED_ON], error))
        return FALSE;
      accord_case_set_text (self, ACCORD_CASE_RE_REVIEW_REQUESTED_ON, date);
      return TRUE;

    case ACCORD_CASE_ACTION_RE_REVIEW_REPLY:
      if (!check_opinion (t->opinion, error) ||
          !check_date (self, date, s[ACCORD_CASE_RE_REVIEW_REQUESTED_ON], error))
        return FALSE;
      accord_case_set_text (self, ACCORD_CASE_TERMINATED_ON, date);
      accord_case_set_text (self, ACCORD_CASE_RE_REVIEW_OPINION, t->opinion);
      return TRUE;

    case ACCORD_CASE_ACTION_TERMINATE:
      if (!check_date (self, date, s[ACCORD_CASE_REVIEWED_ON] ? s[ACCORD_CASE_REVIEWED_ON] : s[ACCORD_CASE_REPLIED_ON], error))
        return FALSE;
      accord_case_set_text (self, ACCORD_CASE_TERMINATED_ON, date);
      return TRUE;

    case ACCORD_CASE_ACTION_EVALUATE:
      if (!accord_vocab_has (ACCORD_VOCAB_EVALUATION, t->evaluation))
        {
          g_autofree char *codes = accord_vocab_codes_joined (ACCORD_VOCAB_EVALUATION);
          g_set_error (error, ACCORD_CASE_ERROR, ACCORD_CASE_ERROR_INVALID,
                       _("Evaluation must be one of: %s"), codes);
          return FALSE;
        }
      accord_case_set_text (self, ACCORD_CASE_EVALUATION, t->evaluation);
      return TRUE;

    case ACCORD_CASE_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * accord_case_apply:
 *
 * Applies a workflow step to the case in memory, or leaves it untouched
 * and explains why the step is not allowed.  The store persists the result.
 */
gboolean
accord_case_apply (AccordCase                 *self,
                   const AccordCaseTransition *transition,
                   GError                    **error)
{
  g_autoptr(AccordCase) scratch = NULL;
  g_autofree char *today = NULL;
  const ActionRule *rule;

  g_return_val_if_fail (ACCORD_IS_CASE (self), FALSE);
  g_return_val_if_fail (transition != NULL && transition->action < ACCORD_CASE_N_ACTIONS, FALSE);

  rule = &rules[transition->action];
  if (!accord_case_can (self, transition->action))
    {
      if (transition->action == ACCORD_CASE_ACTION_EVALUATE && self->texts[ACCORD_CASE_EVALUATION])
        return refuse (error, ACCORD_CASE_ERROR_NOT_ALLOWED, _("This case has already been evaluated"));
      g_set_error (error, ACCORD_CASE_ERROR, ACCORD_CASE_ERROR_NOT_ALLOWED, "%s (%s)",
                   _(rule->refusal), accord_vocab_label (ACCORD_VOCAB_CASE_STATUS, self->texts[ACCORD_CASE_STATUS]));
      return FALSE;
    }

  /* Work on a copy of the texts so that a refusal leaves the case as it was. */
  today = accord_today ();
  scratch = accord_case_new ();
  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    scratch->texts[i] = g_strdup (self->texts[i]);
  memcpy (scratch->flags, self->flags, sizeof self->flags);

  if (!apply_fields (scratch, transition, transition->date ? transition->date : today, error))
    return FALSE;
  if (rule->to != NULL)
    accord_case_set_text (scratch, ACCORD_CASE_STATUS, rule->to);

  for (guint i = 0; i < ACCORD_CASE_N_TEXTS; i++)
    {
      char *tmp = self->texts[i];
      self->texts[i] = scratch->texts[i];
      scratch->texts[i] = tmp;
    }
  return TRUE;
}

static gboolean
julian_of (const char *date,
           guint32    *julian)
{
  guint year, month, day;
  GDate d;

  /* Called for every row drawn: a fixed format, no locale-dependent parsing. */
  if (date == NULL || strlen (date) != 10 || sscanf (date, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *julian = g_date_get_julian (&d);
  return TRUE;
}

/**
 * accord_case_due_state:
 * @due: the last day of the next step, YYYY-MM-DD, or %NULL
 * @today: today in the bureau's time zone (accord_store_today())
 * @due_soon_days: the margin (setting deadline_due_soon_days)
 *
 * Counts as the deadline rules and the reminders do: calendar days, due
 * soon from @due_soon_days days before the last day, overdue the day
 * after it.
 */
AccordCaseDueState
accord_case_due_state (const char *due,
                       const char *today,
                       int         due_soon_days)
{
  guint32 due_day, today_day;

  if (!julian_of (due, &due_day) || !julian_of (today, &today_day))
    return ACCORD_CASE_DUE_NONE;
  if (today_day > due_day)
    return ACCORD_CASE_DUE_OVERDUE;
  if ((gint64) due_day - (gint64) today_day <= MAX (due_soon_days, 0))
    return ACCORD_CASE_DUE_SOON;
  return ACCORD_CASE_DUE_ON_TIME;
}

AccordCaseDueState
accord_case_get_due_state (AccordCase *self,
                           const char *today,
                           int         due_soon_days)
{
  g_return_val_if_fail (ACCORD_IS_CASE (self), ACCORD_CASE_DUE_NONE);

  return accord_case_due_state (self->texts[ACCORD_CASE_NEXT_DUE], today, due_soon_days);
}

/* Returns: a stable code: "none", "on_time", "due_soon" or "overdue" */
const char *
accord_case_due_state_code (AccordCaseDueState state)
{
  static const char * const codes[] = { "none", "on_time", "due_soon", "overdue" };

  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (codes), NULL);

  return codes[state];
}

const char *
accord_case_due_state_label (AccordCaseDueState state)
{
  static const char * const labels[] = { N_("No deadline"), N_("On time"), N_("Due soon"), N_("Overdue") };

  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (labels), NULL);

  return _(labels[state]);
}

char *
accord_case_format_number (const char *pattern,
                           int         year,
                           gint64      seq)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      int width = 0;

      if (g_str_has_prefix (p, "{year}"))
        {
          g_string_append_printf (out, "%04d", year);
          p += strlen ("{year}") - 1;
        }
      else if (sscanf (p, "{seq:%d}", &width) == 1 && strchr (p, '}') != NULL)
        {
          g_string_append_printf (out, "%0*" G_GINT64_FORMAT, CLAMP (width, 1, 12), seq);
          p = strchr (p, '}');
        }
      else if (g_str_has_prefix (p, "{seq}"))
        {
          g_string_append_printf (out, "%" G_GINT64_FORMAT, seq);
          p += strlen ("{seq}") - 1;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

gboolean
accord_case_validate_pattern (const char  *pattern,
                              GError     **error)
{
  if (!accord_validate_text (_("Case number pattern"), pattern, 40, TRUE, error))
    return FALSE;
  if (strstr (pattern, "{year}") == NULL || strstr (pattern, "{seq") == NULL)
    {
      g_set_error_literal (error, ACCORD_CASE_ERROR, ACCORD_CASE_ERROR_INVALID,
                           _("Case number pattern must contain {year} and {seq} (or {seq:6} for six digits)"));
      return FALSE;
    }
  return TRUE;
}
