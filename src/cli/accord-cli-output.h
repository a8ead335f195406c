/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "accord-case.h"
#include "accord-deadlines.h"
#include "accord-documents.h"
#include "accord-outcome.h"
#include "accord-records.h"
#include "accord-scheduler.h"
#include "accord-session.h"

G_BEGIN_DECLS

/* The only place in accord-cli that writes to stdout or stderr. */

void      cli_print               (const char  *format,
                                   ...) G_GNUC_PRINTF (1, 2);
void      cli_print_error         (const char  *message);
void      cli_print_usage_error   (const char  *message,
                                   const char  *command);
void      cli_print_json          (JsonNode    *node);
void      cli_print_warning       (const char  *message);
/* Ends the object being built in @builder and prints it. */
void      cli_print_json_object   (JsonBuilder *builder);
char     *cli_format_id           (gint64       id);

JsonNode *cli_json_case           (AccordCase         *c,
                                   gboolean            reveal);
JsonNode *cli_json_cases          (GPtrArray          *cases,
                                   gboolean            reveal);
JsonNode *cli_json_person         (const AccordPerson *person,
                                   gboolean            reveal);
JsonNode *cli_json_persons        (GPtrArray          *persons,
                                   gboolean            reveal);
JsonNode *cli_json_venue          (const AccordVenue  *venue);
JsonNode *cli_json_venues         (GPtrArray          *venues);

void      cli_print_case_table    (GPtrArray          *cases);
void      cli_print_case_details  (AccordCase         *c,
                                   gboolean            reveal);
void      cli_print_person_table  (GPtrArray          *persons,
                                   gboolean            reveal);
void      cli_print_venue_table   (GPtrArray          *venues);

/* Statutory deadlines of a case: AccordDeadline values. */
JsonNode *cli_json_deadline       (const AccordDeadline *deadline);
JsonNode *cli_json_deadlines      (GPtrArray          *deadlines);
void      cli_print_deadline_table (GPtrArray         *deadlines);

/* Scheduling.  Times are shown in the bureau's time @zone. */
char     *cli_format_time         (gint64              instant,
                                   GTimeZone          *zone);
char     *cli_format_iso_time     (gint64              instant,
                                   GTimeZone          *zone);
char     *cli_format_span         (gint64              starts_at,
                                   gint64              ends_at,
                                   GTimeZone          *zone);
char     *cli_format_conflicts    (GPtrArray          *conflicts);

JsonNode *cli_json_conflicts      (GPtrArray          *conflicts);
JsonNode *cli_json_session        (const AccordSession *session,
                                   GPtrArray          *conflicts,
                                   GTimeZone          *zone);
JsonNode *cli_json_sessions       (GPtrArray          *sessions,
                                   GTimeZone          *zone);
JsonNode *cli_json_broken         (GPtrArray          *broken,
                                   GTimeZone          *zone);
JsonNode *cli_json_slots          (GPtrArray          *slots,
                                   GTimeZone          *zone);

void      cli_print_conflicts     (GPtrArray          *conflicts);
void      cli_print_conflict_warnings (GPtrArray      *conflicts);
void      cli_print_session_table (GPtrArray          *sessions,
                                   GTimeZone          *zone);
void      cli_print_session_details (const AccordSession *session,
                                   GTimeZone          *zone);
void      cli_print_broken        (GPtrArray          *broken,
                                   GTimeZone          *zone);
void      cli_print_slots         (GPtrArray          *slots,
                                   GTimeZone          *zone);

/* Outcomes of sessions.  Money as "¥1,409.50 (壹仟肆佰零玖元伍角整)". */
char     *cli_format_money        (gint64              fen);
JsonNode *cli_json_outcome        (const AccordOutcome *outcome,
                                   const AccordSession *session);
void      cli_print_outcome       (const AccordOutcome *outcome,
                                   const AccordSession *session);

/* Issued documents.  Times are shown in the bureau's time @zone. */
const char *cli_document_status_label (const char  *status);
char     *cli_format_document     (const AccordDocument *document);
JsonNode *cli_json_document       (const AccordDocument *document,
                                   GTimeZone          *zone);
JsonNode *cli_json_documents      (GPtrArray          *documents,
                                   GTimeZone          *zone);
JsonNode *cli_json_verification   (const AccordVerification *verification,
                                   GTimeZone          *zone);
void      cli_print_document_table (GPtrArray         *documents);
void      cli_print_verification  (const AccordVerification *verification,
                                   GTimeZone          *zone);

G_END_DECLS
