/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "accord-records.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_CASE (accord_case_get_type ())
G_DECLARE_FINAL_TYPE (AccordCase, accord_case, ACCORD, CASE, GObject)

#define ACCORD_CASE_ERROR (accord_case_error_quark ())

typedef enum
{
  ACCORD_CASE_ERROR_NOT_ALLOWED,
  ACCORD_CASE_ERROR_INVALID,
} AccordCaseError;

/* Text fields, in the order of the store's columns; the property and
 * column names are given by accord_case_text_name(). */
typedef enum
{
  ACCORD_CASE_NUMBER,
  ACCORD_CASE_TITLE,
  ACCORD_CASE_SUMMARY,
  ACCORD_CASE_CATEGORY,
  ACCORD_CASE_CHANNEL,
  ACCORD_CASE_STATUS,
  ACCORD_CASE_RECEIVED_ON,
  ACCORD_CASE_ACCEPTED_ON,
  ACCORD_CASE_DECLINED_ON,
  ACCORD_CASE_DECLINE_REASON,
  ACCORD_CASE_ASSIGNED_ON,
  ACCORD_CASE_REPLIED_ON,
  ACCORD_CASE_OPINION,
  ACCORD_CASE_REVIEW_REQUESTED_ON,
  ACCORD_CASE_REVIEWED_ON,
  ACCORD_CASE_REVIEW_OPINION,
  ACCORD_CASE_RE_REVIEW_REQUESTED_ON,
  ACCORD_CASE_TERMINATED_ON,
  ACCORD_CASE_RE_REVIEW_OPINION,
  ACCORD_CASE_RESPONSIBLE_UNIT,
  ACCORD_CASE_LEADER,
  ACCORD_CASE_INVESTIGATOR,
  ACCORD_CASE_EVALUATION,
  ACCORD_CASE_NEXT_STEP,       /* derived from the deadline rules */
  ACCORD_CASE_NEXT_DUE,
  ACCORD_CASE_PETITIONER_NAMES,
  ACCORD_CASE_N_TEXTS
} AccordCaseText;

typedef enum
{
  ACCORD_CASE_COLLECTIVE,
  ACCORD_CASE_REPEAT,
  ACCORD_CASE_CROSS_LEVEL,
  ACCORD_CASE_LITIGATION_RELATED,
  ACCORD_CASE_N_FLAGS
} AccordCaseFlag;

/* Workflow steps (DOMAIN.md §2). */
typedef enum
{
  ACCORD_CASE_ACTION_ACCEPT,
  ACCORD_CASE_ACTION_DECLINE,
  ACCORD_CASE_ACTION_ASSIGN,
  ACCORD_CASE_ACTION_REPLY,
  ACCORD_CASE_ACTION_REQUEST_REVIEW,
  ACCORD_CASE_ACTION_REVIEW_REPLY,
  ACCORD_CASE_ACTION_REQUEST_RE_REVIEW,
  ACCORD_CASE_ACTION_RE_REVIEW_REPLY,
  ACCORD_CASE_ACTION_TERMINATE,
  ACCORD_CASE_ACTION_EVALUATE,
  ACCORD_CASE_N_ACTIONS
} AccordCaseAction;

/* Where a case stands against its next deadline (the list's badge). */
typedef enum
{
  ACCORD_CASE_DUE_NONE,        /* no pending deadline */
  ACCORD_CASE_DUE_ON_TIME,
  ACCORD_CASE_DUE_SOON,        /* within the due-soon margin, as the deadline rules count it */
  ACCORD_CASE_DUE_OVERDUE,     /* past its last day */
} AccordCaseDueState;

typedef struct
{
  AccordCaseAction action;
  const char      *date;        /* YYYY-MM-DD; NULL for today */
  const char      *reason;      /* decline */
  const char      *unit;        /* assign */
  const char      *opinion;     /* reply, review-reply, re-review-reply */
  const char      *evaluation;  /* evaluate */
} AccordCaseTransition;

GQuark            accord_case_error_quark      (void);

AccordCase       *accord_case_new              (void);

gint64            accord_case_get_id           (AccordCase        *self);
void              accord_case_set_id           (AccordCase        *self,
                                                gint64             id);
gint64            accord_case_get_version      (AccordCase        *self);
void              accord_case_set_version      (AccordCase        *self,
                                                gint64             version);
const char       *accord_case_get_text         (AccordCase        *self,
                                                AccordCaseText     field);
void              accord_case_set_text         (AccordCase        *self,
                                                AccordCaseText     field,
                                                const char        *value);
gboolean          accord_case_get_flag         (AccordCase        *self,
                                                AccordCaseFlag     flag);
void              accord_case_set_flag         (AccordCase        *self,
                                                AccordCaseFlag     flag,
                                                gboolean           value);
const char       *accord_case_get_number       (AccordCase        *self);
const char       *accord_case_get_title        (AccordCase        *self);
const char       *accord_case_get_status       (AccordCase        *self);
GPtrArray        *accord_case_get_petitioners  (AccordCase        *self);
void              accord_case_take_petitioner  (AccordCase        *self,
                                                AccordPetitioner  *petitioner);

const char       *accord_case_text_name        (AccordCaseText     field);
const char       *accord_case_flag_name        (AccordCaseFlag     flag);
const char       *accord_case_text_label       (AccordCaseText     field);
const char       *accord_case_flag_label       (AccordCaseFlag     flag);

const char       *accord_case_action_verb      (AccordCaseAction   action);
gboolean          accord_case_action_from_verb (const char        *verb,
                                                AccordCaseAction  *action);
const char       *accord_case_action_label     (AccordCaseAction   action);
gboolean          accord_case_can              (AccordCase        *self,
                                                AccordCaseAction   action);
gboolean          accord_case_apply            (AccordCase        *self,
                                                const AccordCaseTransition *transition,
                                                GError           **error);

AccordCaseDueState accord_case_due_state      (const char        *due,
                                                const char        *today,
                                                int                due_soon_days);
AccordCaseDueState accord_case_get_due_state  (AccordCase        *self,
                                                const char        *today,
                                                int                due_soon_days);
const char       *accord_case_due_state_code   (AccordCaseDueState state);
const char       *accord_case_due_state_label  (AccordCaseDueState state);

char             *accord_case_format_number    (const char        *pattern,
                                                int                year,
                                                gint64             seq);
gboolean          accord_case_validate_pattern (const char        *pattern,
                                                GError           **error);

G_END_DECLS
