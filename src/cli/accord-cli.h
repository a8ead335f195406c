/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "accord-scheduler.h"
#include "accord-store.h"

G_BEGIN_DECLS

/* Exit statuses (DESIGN.md §4). */
typedef enum
{
  CLI_EXIT_OK = 0,
  CLI_EXIT_ERROR = 1,
  CLI_EXIT_USAGE = 2,
  CLI_EXIT_REFUSED = 3,
} CliExit;

#define CLI_ERROR (cli_error_quark ())

typedef enum
{
  CLI_ERROR_FAILED,
  CLI_ERROR_USAGE,
} CliError;

typedef struct
{
  char     *db_path;   /* --db, or NULL */
  gboolean  json;
  gboolean  reveal;
  char     *command;   /* e.g. "accord-cli case add", for --help hints */
} CliContext;

/* How a time option reads a plain date (YYYY-MM-DD) */
typedef enum
{
  CLI_TIME_EXACT,       /* not at all: a date and a time are required */
  CLI_TIME_DAY_START,   /* as the start of that local day */
  CLI_TIME_DAY_END,     /* as the end of that local day (the next midnight) */
} CliTimeKind;

/* A command gets its verb (or verb-less noun) as argv[0]. */
typedef gboolean (*CliCommandFunc) (CliContext  *cli,
                                    int          argc,
                                    char       **argv,
                                    GError     **error);

typedef struct
{
  const char     *name;
  const char     *summary;   /* already translated */
  CliCommandFunc  func;
} CliVerb;

GQuark          cli_error_quark       (void);

GOptionContext *cli_option_context_new (const char          *parameters,
                                        const char          *summary,
                                        const GOptionEntry  *entries);
gboolean        cli_parse_options      (CliContext          *cli,
                                        GOptionContext      *context,
                                        int                 *argc,
                                        char              ***argv,
                                        GError             **error);
const char     *cli_single_argument    (int                  argc,
                                        char               **argv,
                                        const char          *what,
                                        GError             **error);
gboolean        cli_no_arguments       (int                  argc,
                                        char               **argv,
                                        GError             **error);
gboolean        cli_require_option     (gboolean             given,
                                        const char          *option,
                                        GError             **error);
AccordStore    *cli_open_store         (CliContext          *cli,
                                        gboolean             create,
                                        GError             **error);
GArray         *cli_verbs_new          (const CliVerb       *verbs,
                                        guint                n_verbs);
gboolean        cli_run_subverbs       (CliContext          *cli,
                                        const char          *summary,
                                        GArray              *verbs,
                                        int                  argc,
                                        char               **argv,
                                        GError             **error);

/* Shared by the scheduling commands (accord-cli-session.c). */
AccordScheduler *cli_open_scheduler    (CliContext          *cli,
                                        AccordStore        **store,
                                        GError             **error);
GTimeZone      *cli_scheduler_zone     (AccordScheduler     *scheduler);
gboolean        cli_parse_id           (const char          *text,
                                        const char          *what,
                                        gint64              *id,
                                        GError             **error);
gboolean        cli_single_id          (int                  argc,
                                        char               **argv,
                                        const char          *what,
                                        gint64              *id,
                                        GError             **error);
gboolean        cli_parse_time         (const char          *option,
                                        const char          *text,
                                        GTimeZone           *zone,
                                        CliTimeKind          kind,
                                        gint64              *instant,
                                        GError             **error);
gboolean        cli_parse_range        (const char          *from,
                                        const char          *to,
                                        GTimeZone           *zone,
                                        guint                default_days,
                                        gint64              *start,
                                        gint64              *end,
                                        GError             **error);

/* Verb tables, built at run time so that the summaries are translated and
 * the workflow verbs take their names from core. */
GArray         *cli_case_verbs         (void);
GArray         *cli_person_verbs       (void);
GArray         *cli_venue_verbs        (void);
GArray         *cli_audit_verbs        (void);
GArray         *cli_session_verbs      (void);
GArray         *cli_outcome_verbs      (void);
GArray         *cli_doc_verbs          (void);
GArray         *cli_calendar_verbs     (void);
GArray         *cli_export_verbs       (void);
GArray         *cli_import_verbs       (void);
GArray         *cli_report_verbs       (void);

gboolean        cli_admin_init         (CliContext          *cli,
                                        int                  argc,
                                        char               **argv,
                                        GError             **error);
gboolean        cli_admin_seed         (CliContext          *cli,
                                        int                  argc,
                                        char               **argv,
                                        GError             **error);
gboolean        cli_remind             (CliContext          *cli,
                                        int                  argc,
                                        char               **argv,
                                        GError             **error);

/* case import, person import (accord-cli-import.c) */
gboolean        cli_case_import        (CliContext          *cli,
                                        int                  argc,
                                        char               **argv,
                                        GError             **error);
gboolean        cli_person_import      (CliContext          *cli,
                                        int                  argc,
                                        char               **argv,
                                        GError             **error);

gboolean        cli_backup             (CliContext          *cli,
                                        int                  argc,
                                        char               **argv,
                                        GError             **error);
gboolean        cli_restore            (CliContext          *cli,
                                        int                  argc,
                                        char               **argv,
                                        GError             **error);

G_END_DECLS
