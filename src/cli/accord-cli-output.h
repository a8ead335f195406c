/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "accord-case.h"
#include "accord-records.h"

G_BEGIN_DECLS

/* The only place in accord-cli that writes to stdout or stderr. */

void      cli_print               (const char  *format,
                                   ...) G_GNUC_PRINTF (1, 2);
void      cli_print_error         (const char  *message);
void      cli_print_usage_error   (const char  *message,
                                   const char  *command);
void      cli_print_json          (JsonNode    *node);

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

G_END_DECLS
