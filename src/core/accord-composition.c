/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-composition"

#include <glib/gi18n.h>

#include "accord-composition.h"
#include "accord-validate.h"

AccordRequirement *
accord_requirement_new (const char * const *roles,
                        int                 count)
{
  AccordRequirement *self;

  g_return_val_if_fail (roles != NULL, NULL);

  self = g_new0 (AccordRequirement, 1);
  self->roles = g_strdupv ((char **) roles);
  self->count = count;
  return self;
}

void
accord_requirement_free (AccordRequirement *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->roles);
  g_free (self);
}

/* "Lawyer or Legal worker", in the words the scheduler's conflicts use. */
char *
accord_requirement_describe (const AccordRequirement *self,
                             AccordVocab              vocab)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->roles[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) accord_vocab_label (vocab, self->roles[i]));
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (_(" or "), (char **) labels->pdata);
}

/* A hearing's panel is counted by the pool roles of its panelists, any
 * other session by the roles people have in it. */
AccordVocab
accord_composition_vocab (const char *session_kind)
{
  return g_strcmp0 (session_kind, "hearing") == 0 ? ACCORD_VOCAB_PERSON_ROLE : ACCORD_VOCAB_SESSION_ROLE;
}

/* Returns: the setting of @session_kind's composition, or %NULL for a kind
 * that has none. */
const char *
accord_composition_key (const char *session_kind)
{
  if (g_strcmp0 (session_kind, "hearing") == 0)
    return "schedule.hearing_composition";
  if (g_strcmp0 (session_kind, "mediation") == 0)
    return "schedule.mediation_composition";
  return NULL;
}

const char *
accord_composition_default (const char *session_kind)
{
  if (g_strcmp0 (session_kind, "hearing") == 0)
    return ACCORD_DEFAULT_HEARING_COMPOSITION;
  if (g_strcmp0 (session_kind, "mediation") == 0)
    return ACCORD_DEFAULT_MEDIATION_COMPOSITION;
  return "";
}

static gboolean
format_error (GError **error)
{
  g_set_error_literal (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                       _("Write each requirement as roles separated by | and a number, "
                         "for example lawyer|legal_worker:1"));
  return FALSE;
}

static gboolean
parse_roles (const char   *text,
             AccordVocab   vocab,
             GPtrArray    *roles,
             GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "|", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *role = g_strstrip (parts[i]);

      if (*role == '\0')
        return format_error (error);
      if (!accord_vocab_has (vocab, role))
        {
          g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                       vocab == ACCORD_VOCAB_PERSON_ROLE ? _("“%s” is not a role of the pool")
                                                         : _("“%s” is not a role in a session"),
                       role);
          return FALSE;
        }
      if (!g_ptr_array_find_with_equal_func (roles, role, g_str_equal, NULL))
        g_ptr_array_add (roles, g_strdup (role));
    }
  return TRUE;
}

static AccordRequirement *
parse_requirement (char         *text,
                   AccordVocab   vocab,
                   GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AccordRequirement) requirement = g_new0 (AccordRequirement, 1);
  gint64 count;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_signed (g_strstrip (parts[1]), 10, G_MININT, G_MAXINT, &count, NULL))
    {
      format_error (error);
      return NULL;
    }
  if (!parse_roles (parts[0], vocab, roles, error))
    return NULL;
  if (roles->len == 0)
    {
      format_error (error);
      return NULL;
    }
  if (count < 1 || count > ACCORD_COMPOSITION_MAX_COUNT)
    {
      g_set_error (error, ACCORD_VALIDATE_ERROR, ACCORD_VALIDATE_ERROR_FORMAT,
                   _("A requirement asks for at least 1 person and at most %d"),
                   ACCORD_COMPOSITION_MAX_COUNT);
      return NULL;
    }

  g_ptr_array_add (roles, NULL);
  requirement->roles = (char **) g_ptr_array_free (g_steal_pointer (&roles), FALSE);
  requirement->count = (int) count;
  return g_steal_pointer (&requirement);
}

/**
 * accord_composition_parse:
 * @vocab: the roles allowed (accord_composition_vocab())
 *
 * Reads a composition; "" is one without requirements.  Unknown roles, a
 * count below 1 and anything not written ROLE|ROLE:COUNT are refused.
 *
 * Returns: (transfer full): AccordRequirement values, or %NULL with @error set
 */
GPtrArray *
accord_composition_parse (const char  *text,
                          AccordVocab  vocab,
                          GError     **error)
{
  g_autoptr(GPtrArray) requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_requirement_free);
  g_autofree char *copy = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return g_steal_pointer (&requirements);

  groups = g_strsplit (copy, ",", -1);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      AccordRequirement *requirement = parse_requirement (groups[i], vocab, error);

      if (requirement == NULL)
        return NULL;
      g_ptr_array_add (requirements, requirement);
    }
  return g_steal_pointer (&requirements);
}

/* The setting's text for @requirements, as accord_composition_parse() reads it. */
char *
accord_composition_format (GPtrArray *requirements)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (requirements != NULL, NULL);

  for (guint i = 0; i < requirements->len; i++)
    {
      const AccordRequirement *r = g_ptr_array_index (requirements, i);
      g_autofree char *roles = g_strjoinv ("|", r->roles);

      g_string_append_printf (text, "%s%s:%d", i > 0 ? "," : "", roles, r->count);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
