/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

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

G_END_DECLS
