/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "accord-enums.h"

G_BEGIN_DECLS

/* Who a session must include, written "lawyer|legal_worker:1,npc_deputy|cppcc_member:1":
 * requirements separated by commas, each at least COUNT people with one of
 * the roles separated by |.  A hearing's panel is counted by its panelists'
 * roles in the pool (setting "schedule.hearing_composition"), a mediation by
 * its participants' roles in the session ("schedule.mediation_composition"). */
#define ACCORD_DEFAULT_HEARING_COMPOSITION "lawyer|legal_worker:1,npc_deputy|cppcc_member:1"
#define ACCORD_DEFAULT_MEDIATION_COMPOSITION "mediator:1"
#define ACCORD_COMPOSITION_MAX_COUNT 15

typedef struct
{
  char **roles;   /* codes of the vocabulary */
  int    count;   /* at least this many, 1 to ACCORD_COMPOSITION_MAX_COUNT */
} AccordRequirement;

AccordRequirement *accord_requirement_new        (const char * const  *roles,
                                                  int                  count);
void               accord_requirement_free       (AccordRequirement   *self);
char              *accord_requirement_describe   (const AccordRequirement *self,
                                                  AccordVocab          vocab);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordRequirement, accord_requirement_free)

AccordVocab        accord_composition_vocab      (const char          *session_kind);
const char        *accord_composition_key        (const char          *session_kind);
const char        *accord_composition_default    (const char          *session_kind);
GPtrArray         *accord_composition_parse      (const char          *text,
                                                  AccordVocab          vocab,
                                                  GError             **error);
char              *accord_composition_format     (GPtrArray           *requirements);

G_END_DECLS
