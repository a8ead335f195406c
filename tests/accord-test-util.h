/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "accord-store.h"

G_BEGIN_DECLS

/* A store on a fresh database file in a temporary folder that is removed
 * when the fixture is torn down. */
typedef struct
{
  char        *dir;
  char        *path;
  AccordStore *store;
} AccordTestDb;

void     accord_test_db_setup     (AccordTestDb *db,
                                   gconstpointer data);
void     accord_test_db_teardown  (AccordTestDb *db,
                                   gconstpointer data);
gint64   accord_test_count_rows   (AccordStore  *store,
                                   const char   *table);
char    *accord_test_dump         (const char   *path);
void     accord_test_remove_tree  (const char   *path);

/* accord-cli run as a child process against a fresh database in a
 * temporary folder; "today" is fixed through ACCORD_TODAY. */
#define ACCORD_TEST_CLI_TODAY "2026-11-20"

/* The exit statuses of accord-cli (CLI_EXIT_* in src/cli/accord-cli.h). */
enum
{
  ACCORD_TEST_EXIT_OK = 0,
  ACCORD_TEST_EXIT_ERROR = 1,
  ACCORD_TEST_EXIT_USAGE = 2,
  ACCORD_TEST_EXIT_REFUSED = 3,
};

typedef struct
{
  char *dir;
  char *db;
  char *out;   /* standard output of the last run */
  char *err;   /* standard error of the last run */
} AccordTestCli;

void       accord_test_cli_set_up              (AccordTestCli      *cli,
                                                gconstpointer       data);
void       accord_test_cli_tear_down           (AccordTestCli      *cli,
                                                gconstpointer       data);
int        accord_test_cli_run_argv            (AccordTestCli      *cli,
                                                gboolean            db_in_env,
                                                const char * const *args);
char      *accord_test_cli_stripped_output     (AccordTestCli      *cli);
GBytes    *accord_test_cli_read_db             (AccordTestCli      *cli);
void       accord_test_cli_assert_error_line   (AccordTestCli      *cli);
void       accord_test_cli_assert_refused_argv (AccordTestCli      *cli,
                                                int                 expected,
                                                const char * const *args);
JsonNode  *accord_test_parse_json              (const char         *text);

/* Runs accord-cli --db DB with the arguments; the exit status. */
#define accord_test_cli_run(cli, ...) \
  accord_test_cli_run_argv ((cli), FALSE, (const char * const []) { __VA_ARGS__, NULL })

#define accord_test_cli_assert_refused(cli, code, ...) \
  accord_test_cli_assert_refused_argv ((cli), (code), (const char * const []) { __VA_ARGS__, NULL })

G_END_DECLS
