/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-deadlines"

#include <stdarg.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "accord-deadlines.h"

/* The statutory periods of a case (DOMAIN.md §2) are data: one JSON file per
 * profile under PROFILES_PATH, in the format resources/deadlines/README.md
 * describes.  A profile is parsed and checked once, into plain structs, so
 * that accord_deadlines_compute() can run over a whole register: per call it
 * parses the case's dates once and allocates only what it returns.
 *
 * The JSON gives the numbers; the names of the steps a coordinator reads come
 * from step_labels below, so that xgettext sees them. */

#define PROFILES_PATH "/org/accord/Accord/deadlines/"
#define LOCAL_RULE "local-first-petition"
#define FORMAT_VERSION 1
#define MAX_DAYS 3650
#define FACTS_CONTEXT "deadline counted from"

/* The dated events of a case, in workflow order. */
typedef enum
{
  EVENT_RECEIVED,
  EVENT_ACCEPTED,
  EVENT_DECLINED,
  EVENT_ASSIGNED,
  EVENT_REPLIED,
  EVENT_REVIEW_REQUESTED,
  EVENT_REVIEWED,
  EVENT_RE_REVIEW_REQUESTED,
  EVENT_TERMINATED,
  N_EVENTS
} Event;

typedef struct
{
  char       *id;
  char       *label;                /* untranslated English */
  /* Translated once, when the profile is loaded: gettext takes a lock per
   * call, and computing runs over whole registers. */
  const char *shown_label;
  const char *shown_from;
  Event       from;
  guint       days;
  gboolean    working_days;
  guint       max_extension;
  gboolean    exclude_hearings;
  gboolean    petitioner_period;    /* "party": "petitioner" */
  gboolean    first_petition_only;
  guint       n_done;
  Event       done[N_EVENTS];       /* the first one the case has completes the step */
  guint       applies;              /* bit set over statuses[]: where the step runs */
} Step;

struct _AccordDeadlineProfile
{
  char   *name;
  GArray *steps;                 /* Step, in workflow order */
};

/* What a computation needs of one case, parsed once. */
typedef struct
{
  const char *text[N_EVENTS];    /* NULL when absent or not a valid date */
  guint32     julian[N_EVENTS];  /* 0 when absent */
  guint       status_bit;
  gboolean    repeat;
  guint32     today;
  int         due_soon_days;
  int         hearing_days;
} CaseFacts;

static const struct
{
  const char     *code;
  AccordCaseText  field;
  const char     *noun;          /* completes "N days from NOUN on DATE" */
} events[N_EVENTS] = {
  [EVENT_RECEIVED] = { "received", ACCORD_CASE_RECEIVED_ON,
                       NC_("deadline counted from", "receipt") },
  [EVENT_ACCEPTED] = { "accepted", ACCORD_CASE_ACCEPTED_ON,
                       NC_("deadline counted from", "acceptance") },
  [EVENT_DECLINED] = { "declined", ACCORD_CASE_DECLINED_ON,
                       NC_("deadline counted from", "the decision not to accept") },
  [EVENT_ASSIGNED] = { "assigned", ACCORD_CASE_ASSIGNED_ON,
                       NC_("deadline counted from", "assignment") },
  [EVENT_REPLIED] = { "replied", ACCORD_CASE_REPLIED_ON,
                      NC_("deadline counted from", "the written reply") },
  [EVENT_REVIEW_REQUESTED] = { "review_requested", ACCORD_CASE_REVIEW_REQUESTED_ON,
                               NC_("deadline counted from", "the review request") },
  [EVENT_REVIEWED] = { "reviewed", ACCORD_CASE_REVIEWED_ON,
                       NC_("deadline counted from", "the review opinion") },
  [EVENT_RE_REVIEW_REQUESTED] = { "re_review_requested", ACCORD_CASE_RE_REVIEW_REQUESTED_ON,
                                  NC_("deadline counted from", "the re-review request") },
  [EVENT_TERMINATED] = { "terminated", ACCORD_CASE_TERMINATED_ON,
                         NC_("deadline counted from", "termination") },
};

/* The case statuses (accord-case.c); a step's "applies" is a bit set over them. */
static const char * const statuses[] = {
  "registered", "accepted", "declined", "assigned", "replied",
  "review", "reviewed", "re_review", "terminated",
};

static const char * const profile_names[] = { "national", "zhejiang", NULL };

/* Names of the known steps, keyed by the "id" of the JSON; a step the table
 * does not know keeps the JSON's "label", untranslated. */
static const struct
{
  const char *id;
  const char *label;
} step_labels[] = {
  { "register", N_("Register and transfer or assign") },
  { "accept", N_("Tell the petitioner whether the case is accepted") },
  { "objection", N_("Object to a matter outside the remit") },
  { "reply", N_("Handle and reply in writing") },
  { "review_request", N_("Petitioner may request a review") },
  { "review_reply", N_("Reply to the review request") },
  { "re_review_request", N_("Petitioner may request a re-review") },
  { "re_review_reply", N_("Reply to the re-review request") },
  { "meet", N_("Meet the petitioner (first petition)") },
  { "feedback", N_("Give the petitioner feedback (first petition)") },
  { "finish", N_("Finish handling (first petition)") },
};

static const char * const profile_members[] = { "format", "name", "label", "steps", NULL };
static const char * const step_members[] = {
  "id", "label", "source", "from", "days", "working_days", "max_extension",
  "exclude_hearings", "party", "first_petition_only", "done", "applies", NULL,
};

G_DEFINE_QUARK (accord-deadlines-error-quark, accord_deadlines_error)

/* Generated by glib-compile-resources (c_name accord_core). */
GResource *accord_core_get_resource (void);

/* Helpers: dates */

static guint32
julian_from_text (const char *text)
{
  GDate date;
  guint y = 0, m = 0, d = 0;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return 0;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return 0;
      if (i < 4)
        y = y * 10 + (guint) (text[i] - '0');
      else if (i < 7)
        m = m * 10 + (guint) (text[i] - '0');
      else
        d = d * 10 + (guint) (text[i] - '0');
    }
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

static GDate
date_from_julian (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return date;
}

static void
put_digits (char  *out,
            guint  value,
            guint  n_digits)
{
  for (guint i = n_digits; i > 0; i--, value /= 10)
    out[i - 1] = (char) ('0' + value % 10);
}

/* YYYY-MM-DD, without printf: it runs for every step of every case. */
static char *
text_from_julian (guint32 julian)
{
  GDate date = date_from_julian (julian);
  char *text = g_malloc (11);

  put_digits (text, g_date_get_year (&date), 4);
  text[4] = '-';
  put_digits (text + 5, g_date_get_month (&date), 2);
  text[7] = '-';
  put_digits (text + 8, g_date_get_day (&date), 2);
  text[10] = '\0';
  return text;
}

static guint32
julian_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  return g_date_get_julian (&date);
}

/* Helpers: lookups */

static gboolean
event_from_code (const char *code,
                 Event      *event)
{
  for (guint i = 0; i < N_EVENTS; i++)
    if (g_str_equal (events[i].code, code))
      {
        *event = (Event) i;
        return TRUE;
      }
  return FALSE;
}

static guint
status_bit (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i], code) == 0)
      return 1u << i;
  return 0;
}

static const char *
known_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_labels); i++)
    if (g_str_equal (step_labels[i].id, id))
      return step_labels[i].label;
  return NULL;
}

static const Step *
find_step (AccordDeadlineProfile *profile,
           const char            *id)
{
  for (guint i = 0; i < profile->steps->len; i++)
    {
      const Step *step = &g_array_index (profile->steps, Step, i);

      if (g_str_equal (step->id, id))
        return step;
    }
  return NULL;
}

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->id, g_free);
  g_clear_pointer (&step->label, g_free);
}

static GArray *
step_array_new (void)
{
  GArray *steps = g_array_new (FALSE, TRUE, sizeof (Step));

  g_array_set_clear_func (steps, step_clear);
  return steps;
}

/* Parsing: errors name the file and the step at fault */

static gboolean fail (GError     **error,
                      const char  *where,
                      const char  *format,
                      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      const char  *where,
      const char  *format,
      ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ACCORD_DEADLINES_ERROR, ACCORD_DEADLINES_ERROR_PARSE,
               _("The deadline rules are broken (%s): %s"), where, detail);
  return FALSE;
}

static gboolean
check_members (JsonObject         *object,
               const char * const *allowed,
               const char         *where,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return fail (error, where, _("unknown member “%s”"), (const char *) l->data);
  return TRUE;
}

/* A member that is absent leaves *node NULL; one of another type is an error. */
static gboolean
get_value (JsonObject  *object,
           const char  *member,
           GType        type,
           JsonNode   **node,
           const char  *where,
           GError     **error)
{
  JsonNode *found = json_object_get_member (object, member);

  *node = NULL;
  if (found == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (found) && json_node_get_value_type (found) == type)
    {
      *node = found;
      return TRUE;
    }

  if (type == G_TYPE_STRING)
    return fail (error, where, _("“%s” must be a text in quotes"), member);
  if (type == G_TYPE_INT64)
    return fail (error, where, _("“%s” must be a whole number"), member);
  return fail (error, where, _("“%s” must be true or false"), member);
}

static gboolean
read_string (JsonObject   *object,
             const char   *member,
             gboolean      required,
             const char  **out,
             const char   *where,
             GError      **error)
{
  JsonNode *node;

  if (!get_value (object, member, G_TYPE_STRING, &node, where, error))
    return FALSE;
  if (node == NULL && required)
    return fail (error, where, _("“%s” is missing"), member);

  *out = node != NULL ? json_node_get_string (node) : NULL;
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *member,
           gboolean    *out,
           const char  *where,
           GError     **error)
{
  JsonNode *node;

  if (!get_value (object, member, G_TYPE_BOOLEAN, &node, where, error))
    return FALSE;

  *out = node != NULL && json_node_get_boolean (node);
  return TRUE;
}

/* A whole number from @min to @max; 0 when absent and not @required. */
static gboolean
read_number (JsonObject  *object,
             const char  *member,
             gboolean     required,
             guint        min,
             guint        max,
             guint       *out,
             const char  *where,
             GError     **error)
{
  JsonNode *node;
  gint64 value;

  if (!get_value (object, member, G_TYPE_INT64, &node, where, error))
    return FALSE;
  if (node == NULL && required)
    return fail (error, where, _("“%s” is missing"), member);

  value = node != NULL ? json_node_get_int (node) : 0;
  if (node != NULL && (value < min || value > max))
    return fail (error, where, _("“%s” must be a whole number from %u to %u"), member, min, max);

  *out = (guint) value;
  return TRUE;
}

static gboolean
read_event (JsonObject  *object,
            const char  *member,
            Event       *event,
            const char  *where,
            GError     **error)
{
  const char *code;

  if (!read_string (object, member, TRUE, &code, where, error))
    return FALSE;
  if (!event_from_code (code, event))
    return fail (error, where, _("“%s” is not an event of a case"), code);
  return TRUE;
}

/* A non-empty array of strings. */
static gboolean
read_codes (JsonObject  *object,
            const char  *member,
            JsonArray  **out,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL)
    return fail (error, where, _("“%s” is missing"), member);
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) == 0)
    return fail (error, where, _("“%s” must be a list of one or more codes"), member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (error, where, _("“%s” must be a list of one or more codes"), member);
    }

  *out = array;
  return TRUE;
}

static gboolean
read_done (JsonObject  *object,
           Step        *step,
           const char  *where,
           GError     **error)
{
  JsonArray *array;

  if (!read_codes (object, "done", &array, where, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *code = json_array_get_string_element (array, i);
      Event event;

      if (!event_from_code (code, &event))
        return fail (error, where, _("“%s” is not an event of a case"), code);
      for (guint j = 0; j < step->n_done; j++)
        if (step->done[j] == event)
          return fail (error, where, _("“%s” is listed twice"), code);
      step->done[step->n_done++] = event;
    }
  return TRUE;
}

static gboolean
read_applies (JsonObject  *object,
              Step        *step,
              const char  *where,
              GError     **error)
{
  JsonArray *array;

  if (!read_codes (object, "applies", &array, where, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *code = json_array_get_string_element (array, i);
      guint bit = status_bit (code);

      if (bit == 0)
        return fail (error, where, _("“%s” is not a status of a case"), code);
      step->applies |= bit;
    }
  return TRUE;
}

static gboolean
read_party (JsonObject  *object,
            Step        *step,
            const char  *where,
            GError     **error)
{
  const char *party;

  if (!read_string (object, "party", FALSE, &party, where, error))
    return FALSE;
  if (party != NULL && !g_str_equal (party, "bureau") && !g_str_equal (party, "petitioner"))
    return fail (error, where, _("“party” must be “bureau” or “petitioner”"));

  step->petitioner_period = g_strcmp0 (party, "petitioner") == 0;
  return TRUE;
}

static gboolean
valid_id (const char *id)
{
  if (*id == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
read_identity (JsonObject  *object,
               Step        *step,
               const char  *where,
               GError     **error)
{
  const char *id, *label;

  if (!read_string (object, "id", TRUE, &id, where, error) ||
      !read_string (object, "label", FALSE, &label, where, error))
    return FALSE;
  if (!valid_id (id))
    return fail (error, where, _("“%s” is not a valid step id (use a–z, 0–9 and _)"), id);
  if (known_label (id) == NULL && label == NULL)
    return fail (error, where, _("step “%s” needs a “label”"), id);

  step->id = g_strdup (id);
  step->label = g_strdup (known_label (id) != NULL ? known_label (id) : label);
  return TRUE;
}

static gboolean
read_step (JsonNode    *node,
           Step        *step,
           const char  *where,
           GError     **error)
{
  JsonObject *object;
  const char *source;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, where, _("a step must be an object"));
  object = json_node_get_object (node);

  return check_members (object, step_members, where, error) &&
         read_identity (object, step, where, error) &&
         read_string (object, "source", FALSE, &source, where, error) &&
         read_event (object, "from", &step->from, where, error) &&
         read_number (object, "days", TRUE, 1, MAX_DAYS, &step->days, where, error) &&
         read_bool (object, "working_days", &step->working_days, where, error) &&
         read_number (object, "max_extension", FALSE, 0, MAX_DAYS, &step->max_extension, where, error) &&
         read_bool (object, "exclude_hearings", &step->exclude_hearings, where, error) &&
         read_party (object, step, where, error) &&
         read_bool (object, "first_petition_only", &step->first_petition_only, where, error) &&
         read_done (object, step, where, error) &&
         read_applies (object, step, where, error);
}

static gboolean
read_steps (JsonObject  *root,
            const char  *file,
            GArray      *steps,
            GError     **error)
{
  JsonNode *node = json_object_get_member (root, "steps");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) == 0)
    return fail (error, file, _("“steps” must be a list of one or more steps"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf (_("%s, step %u"), file, i + 1);
      Step step = { 0 };

      if (!read_step (json_array_get_element (array, i), &step, where, error))
        {
          step_clear (&step);
          return FALSE;
        }
      g_array_append_val (steps, step);
    }
  return TRUE;
}

static JsonObject *
read_header (JsonNode    *root,
             const char  *name,
             const char  *file,
             GError     **error)
{
  JsonObject *object;
  const char *found, *label;
  guint format = 0;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (error, file, _("the file must hold one object"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!check_members (object, profile_members, file, error) ||
      !read_number (object, "format", TRUE, 1, G_MAXINT, &format, file, error) ||
      !read_string (object, "name", TRUE, &found, file, error) ||
      !read_string (object, "label", FALSE, &label, file, error))
    return NULL;
  if (format != FORMAT_VERSION)
    {
      fail (error, file, _("format %u is not known (expected %d)"), format, FORMAT_VERSION);
      return NULL;
    }
  if (!g_str_equal (found, name))
    {
      fail (error, file, _("the name “%s” does not match the file"), found);
      return NULL;
    }
  return object;
}

/* Reads PROFILES_PATH/@name.json into @steps, in file order.  The global
 * lookup honours G_RESOURCE_OVERLAYS (the tests swap in broken files so). */
static gboolean
read_file (const char  *name,
           GArray      *steps,
           GError     **error)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_strconcat (PROFILES_PATH, file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *root;
  gsize len;
  const char *data;

  /* Naming the core resource keeps it, and the constructor that registers
   * it, linked into every program that uses the deadlines. */
  (void) accord_core_get_resource ();
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    return fail (error, file, "%s", local_error->message);

  data = g_bytes_get_data (bytes, &len);
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    return fail (error, file, "%s", local_error->message);

  root = read_header (json_parser_get_root (parser), name, file, error);
  return root != NULL && read_steps (root, file, steps, error);
}

/* Moves the steps of @parts into the profile, ordered by the event each is
 * counted from (file order within one event), so that the local rule's steps
 * sit among the national ones in workflow order. */
static gboolean
merge_steps (AccordDeadlineProfile  *profile,
             GArray                **parts,
             const char            **files,
             guint                   n_parts,
             GError                **error)
{
  for (guint event = 0; event < N_EVENTS; event++)
    for (guint p = 0; p < n_parts; p++)
      for (guint i = 0; i < parts[p]->len; i++)
        {
          Step *step = &g_array_index (parts[p], Step, i);

          if (step->from != event)
            continue;
          if (find_step (profile, step->id) != NULL)
            return fail (error, files[p], _("the step “%s” is defined twice"), step->id);
          step->shown_label = _(step->label);
          step->shown_from = g_dpgettext2 (NULL, FACTS_CONTEXT, events[step->from].noun);
          g_array_append_val (profile->steps, *step);
          step->id = NULL;
          step->label = NULL;
        }
  return TRUE;
}

/* Computing */

static void
case_facts_init (CaseFacts                   *facts,
                 AccordCase                  *c,
                 const AccordDeadlineContext *context)
{
  const char *status = accord_case_get_status (c);

  for (guint i = 0; i < N_EVENTS; i++)
    {
      const char *text = accord_case_get_text (c, events[i].field);

      facts->julian[i] = julian_from_text (text);
      facts->text[i] = facts->julian[i] != 0 ? text : NULL;
    }
  /* A case with no status yet has just been received. */
  facts->status_bit = status_bit (status != NULL ? status : "registered");
  facts->repeat = accord_case_get_flag (c, ACCORD_CASE_REPEAT);
  facts->today = context != NULL && context->today != NULL ? julian_from_text (context->today) : 0;
  if (facts->today == 0)
    facts->today = julian_today ();
  facts->due_soon_days = context != NULL ? MAX (context->due_soon_days, 0) : 3;
  facts->hearing_days = context != NULL ? CLAMP (context->hearing_days, 0, MAX_DAYS) : 0;
}

static int
extension_days (const AccordDeadlineContext *context,
                const char                  *step)
{
  int days = 0;

  if (context == NULL)
    return 0;
  for (guint i = 0; i < context->n_extensions; i++)
    if (context->extensions[i].days > 0 && g_strcmp0 (context->extensions[i].step, step) == 0)
      days += MIN (context->extensions[i].days, MAX_DAYS);
  /* Bounded so that nonsense cannot make the working-day count run for ages. */
  return MIN (days, MAX_DAYS);
}

static Event
done_event (const Step      *step,
            const CaseFacts *facts)
{
  for (guint i = 0; i < step->n_done; i++)
    if (facts->julian[step->done[i]] != 0)
      return step->done[i];
  return N_EVENTS;
}

static gboolean
step_applies (const Step      *step,
              const CaseFacts *facts,
              Event            done)
{
  if (facts->julian[step->from] == 0)
    return FALSE;
  if (step->first_petition_only && facts->repeat)
    return FALSE;
  /* Done steps stay, as the case's history. */
  return done != N_EVENTS || (step->applies & facts->status_bit) != 0;
}

static AccordDeadlineState
state_of (guint32          due,
          guint32          done,
          const CaseFacts *facts)
{
  if (done != 0)
    return done <= due ? ACCORD_DEADLINE_MET : ACCORD_DEADLINE_MET_LATE;
  if (facts->today > due)
    return ACCORD_DEADLINE_OVERDUE;
  if ((gint64) due - (gint64) facts->today <= facts->due_soon_days)
    return ACCORD_DEADLINE_DUE_SOON;
  return ACCORD_DEADLINE_ON_TIME;
}

static void
append_period (GString              *facts,
               const Step           *step,
               const AccordDeadline *d)
{
  const char *noun = step->shown_from;

  /* Translators: the start of a sentence explaining a due date, e.g. "60 days
   * from acceptance on 2026-01-10"; the parts below follow it.  The second
   * %s is an event such as "acceptance", the third a date; reorder them with
   * %1$d, %2$s and %3$s if needed. */
  if (d->working_days)
    g_string_append_printf (facts, ngettext ("%d working day from %s on %s",
                                             "%d working days from %s on %s", (gulong) d->days),
                            d->days, noun, d->start_date);
  else
    g_string_append_printf (facts, ngettext ("%d day from %s on %s",
                                             "%d days from %s on %s", (gulong) d->days),
                            d->days, noun, d->start_date);
  if (d->extension_days > 0)
    g_string_append_printf (facts, ngettext (", extended by %d day", ", extended by %d days",
                                             (gulong) d->extension_days),
                            d->extension_days);
  if (d->excluded_days > 0)
    g_string_append_printf (facts, ngettext (", not counting %d day spent on hearings",
                                             ", not counting %d days spent on hearings",
                                             (gulong) d->excluded_days),
                            d->excluded_days);
}

/* @last is the last day before moving off rest days. */
static void
append_last_day (GString              *facts,
                 AccordCalendar       *calendar,
                 guint32               last,
                 guint32               due,
                 const AccordDeadline *d)
{
  GDate date = date_from_julian (last);
  g_autofree char *last_text = NULL;
  const char *holiday;

  if (last == due)
    {
      g_string_append_printf (facts, _("; the last day is %s."), d->due_date);
      return;
    }

  last_text = text_from_julian (last);
  holiday = accord_calendar_day_kind (calendar, &date) == ACCORD_DAY_HOLIDAY
            ? accord_calendar_day_name (calendar, &date) : NULL;
  /* Translators: ends the due-date sentence: the last day, the holiday's
   * name as the calendar file gives it (e.g. 春节), and the day it moves to. */
  if (holiday != NULL)
    g_string_append_printf (facts, _("; the last day, %s, is a public holiday (%s), "
                                     "so it moves to the next working day, %s."),
                            last_text, holiday, d->due_date);
  else
    g_string_append_printf (facts, _("; the last day, %s, is not a working day, "
                                     "so it moves to %s."),
                            last_text, d->due_date);
}

static char *
describe (const Step           *step,
          const AccordDeadline *d,
          AccordCalendar       *calendar,
          guint32               last,
          guint32               due)
{
  GString *facts = g_string_sized_new (192);

  append_period (facts, step, d);
  append_last_day (facts, calendar, last, due, d);
  if (step->petitioner_period)
    g_string_append_printf (facts, " %s",
                            _("This is the petitioner’s period: once it has passed without a "
                              "request, the case may be terminated."));
  return g_string_free (facts, FALSE);
}

static AccordDeadline *
compute_step (const Step                  *step,
              AccordCalendar              *calendar,
              const CaseFacts             *facts,
              const AccordDeadlineContext *context,
              Event                        done)
{
  AccordDeadline *d = g_new0 (AccordDeadline, 1);
  guint32 start = facts->julian[step->from];
  guint32 done_julian = done != N_EVENTS ? facts->julian[done] : 0;
  GDate end = date_from_julian (start);
  guint total;

  d->step = g_strdup (step->id);
  d->label = g_strdup (step->shown_label);
  d->start_date = g_strdup (facts->text[step->from]);
  d->days = (int) step->days;
  d->working_days = step->working_days;
  d->extension_days = extension_days (context, step->id);
  d->excluded_days = step->exclude_hearings ? facts->hearing_days : 0;
  total = step->days + (guint) d->extension_days + (guint) d->excluded_days;

  accord_calendar_period_end (calendar, &end, total, step->working_days);
  d->due_date = text_from_julian (g_date_get_julian (&end));
  d->done_date = done != N_EVENTS ? g_strdup (facts->text[done]) : NULL;
  d->state = state_of (g_date_get_julian (&end), done_julian, facts);
  d->facts = describe (step, d, calendar,
                       step->working_days ? g_date_get_julian (&end) : start + total,
                       g_date_get_julian (&end));
  return d;
}

/* Public API */

/**
 * accord_deadline_profile_names:
 *
 * Returns: (transfer none) (array zero-terminated=1): the profiles Accord
 * ships, `national` (the default) and `zhejiang`.
 */
const char * const *
accord_deadline_profile_names (void)
{
  return profile_names;
}

/**
 * accord_deadline_profile_load:
 * @name: one of accord_deadline_profile_names()
 * @local_first_petition_rule: whether to add the stricter local rule for
 *   first petitions (3 days to meet, 7 to give feedback, 21 to finish);
 *   its steps apply only to cases without %ACCORD_CASE_REPEAT
 *
 * Reads and checks a profile once; computing with it parses nothing. The
 * names of the steps are translated here, so load profiles after the
 * locale is set.
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with
 * %ACCORD_DEADLINES_ERROR_UNKNOWN_PROFILE for a name Accord does not ship
 * and %ACCORD_DEADLINES_ERROR_PARSE for a file that breaks the format
 * (resources/deadlines/README.md).
 */
AccordDeadlineProfile *
accord_deadline_profile_load (const char  *name,
                              gboolean     local_first_petition_rule,
                              GError     **error)
{
  g_autoptr(AccordDeadlineProfile) profile = NULL;
  g_autoptr(GArray) base = step_array_new ();
  g_autoptr(GArray) local = step_array_new ();
  GArray *parts[] = { base, local };
  g_autofree char *base_file = g_strconcat (name, ".json", NULL);
  const char *files[] = { base_file, LOCAL_RULE ".json" };

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_strv_contains (profile_names, name))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) profile_names);

      g_set_error (error, ACCORD_DEADLINES_ERROR, ACCORD_DEADLINES_ERROR_UNKNOWN_PROFILE,
                   _("There are no deadline rules called “%s” (known: %s)"), name, known);
      return NULL;
    }

  profile = g_new0 (AccordDeadlineProfile, 1);
  profile->name = g_strdup (name);
  profile->steps = step_array_new ();
  if (!read_file (name, base, error) ||
      (local_first_petition_rule && !read_file (LOCAL_RULE, local, error)) ||
      !merge_steps (profile, parts, files, G_N_ELEMENTS (parts), error))
    return NULL;

  return g_steal_pointer (&profile);
}

void
accord_deadline_profile_free (AccordDeadlineProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->name);
  g_clear_pointer (&profile->steps, g_array_unref);
  g_free (profile);
}

const char *
accord_deadline_profile_get_name (AccordDeadlineProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);

  return profile->name;
}

/**
 * accord_deadline_profile_max_extension:
 * @step: a step id, e.g. "reply"
 *
 * The store refuses extensions beyond this (accord_deadlines_compute()
 * applies whatever it is given).
 *
 * Returns: the most days, in all, the profile lets @step be extended by:
 * 30 for "reply" nationally, 60 in Zhejiang; 0 for a step that cannot be
 * extended or that the profile does not have.
 */
int
accord_deadline_profile_max_extension (AccordDeadlineProfile *profile,
                                       const char            *step)
{
  const Step *found;

  g_return_val_if_fail (profile != NULL, 0);
  g_return_val_if_fail (step != NULL, 0);

  found = find_step (profile, step);
  return found != NULL ? (int) found->max_extension : 0;
}

gboolean
accord_deadline_profile_has_step (AccordDeadlineProfile *profile,
                                  const char            *step)
{
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  return find_step (profile, step) != NULL;
}

/**
 * accord_deadlines_compute:
 * @context: (nullable): extensions, hearing days, today and the due-soon
 *   margin; %NULL means none, the current local date and 3 days.  A %NULL
 *   or invalid `today` means the current local date; a negative margin, 0.
 *
 * Each step runs from the date of its "from" event: the start day is not
 * counted, and the due date is accord_calendar_period_end (start, days +
 * extension + excluded days), i.e. extensions and (for steps that exclude
 * them) hearing days lengthen the period before its last day is moved off a
 * holiday or weekend rest day.  Extensions of the same step add up; those of
 * zero or fewer days are ignored.  Limits are not checked here: see
 * accord_deadline_profile_max_extension().  Each step's facts explain in one
 * translated sentence how its due date was found.
 *
 * A pending step is %ACCORD_DEADLINE_OVERDUE after its due date,
 * %ACCORD_DEADLINE_DUE_SOON when due date − today ≤ the margin, else
 * %ACCORD_DEADLINE_ON_TIME; a done one is %ACCORD_DEADLINE_MET when its done
 * date ≤ its due date, else %ACCORD_DEADLINE_MET_LATE.
 *
 * A step is listed when the case has its start date and either one of its
 * "done" events (the first in the profile's order wins; the step is then
 * %ACCORD_DEADLINE_MET or %ACCORD_DEADLINE_MET_LATE, kept as history) or a
 * status in its "applies" list (pending).  Steps of the local first-petition
 * rule are left out for repeated petitions.  Dates that are not valid
 * YYYY-MM-DD count as absent.
 *
 * Returns: (transfer full) (element-type AccordDeadline): the steps in
 * workflow order; never %NULL.
 */
GPtrArray *
accord_deadlines_compute (AccordDeadlineProfile       *profile,
                          AccordCalendar              *calendar,
                          AccordCase                  *c,
                          const AccordDeadlineContext *context)
{
  GPtrArray *deadlines;
  CaseFacts facts;

  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (ACCORD_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (ACCORD_IS_CASE (c), NULL);

  case_facts_init (&facts, c, context);
  deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_deadline_free);
  for (guint i = 0; i < profile->steps->len; i++)
    {
      const Step *step = &g_array_index (profile->steps, Step, i);
      Event done = done_event (step, &facts);

      if (step_applies (step, &facts, done))
        g_ptr_array_add (deadlines, compute_step (step, calendar, &facts, context, done));
    }
  return deadlines;
}

void
accord_deadline_free (AccordDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->step);
  g_free (deadline->label);
  g_free (deadline->start_date);
  g_free (deadline->due_date);
  g_free (deadline->done_date);
  g_free (deadline->facts);
  g_free (deadline);
}

/**
 * accord_deadline_state_code:
 *
 * Returns: (transfer none): a stable code for @state, for `--json` output
 * and storage: "on_time", "due_soon", "overdue", "met" or "met_late".
 */
const char *
accord_deadline_state_code (AccordDeadlineState state)
{
  static const char * const codes[] = {
    [ACCORD_DEADLINE_ON_TIME] = "on_time",
    [ACCORD_DEADLINE_DUE_SOON] = "due_soon",
    [ACCORD_DEADLINE_OVERDUE] = "overdue",
    [ACCORD_DEADLINE_MET] = "met",
    [ACCORD_DEADLINE_MET_LATE] = "met_late",
  };

  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (codes), NULL);

  return codes[state];
}

/**
 * accord_deadline_step_label:
 *
 * Returns: the translated name of a step of the deadline rules, or @step
 * itself when it is not a known step.
 */
const char *
accord_deadline_step_label (const char *step)
{
  const char *label = step != NULL ? known_label (step) : NULL;

  return label != NULL ? _(label) : step;
}

/**
 * accord_deadline_is_bureau_step:
 *
 * Whether the bureau itself must act by the step's last day: not for the
 * petitioner's periods to ask for a review, nor for another body's period
 * to object to a matter outside its remit.
 */
gboolean
accord_deadline_is_bureau_step (const char *step)
{
  static const char *others[] = { "objection", "review_request", "re_review_request", NULL };

  return step != NULL && !g_strv_contains (others, step);
}
