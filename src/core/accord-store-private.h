/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "accord-deadlines.h"
#include "accord-store.h"

G_BEGIN_DECLS

/* One user action: runs inside a single IMMEDIATE transaction that is
 * committed only when the function returns TRUE. */
typedef gboolean (*AccordStoreAction) (AccordStore  *self,
                                       gpointer      data,
                                       GError      **error);

sqlite3      *accord_store_get_db        (AccordStore        *self);
sqlite3_stmt *accord_store_prepare       (AccordStore        *self,
                                          const char         *sql,
                                          GError            **error);
gboolean      accord_store_exec          (AccordStore        *self,
                                          const char         *sql,
                                          GError            **error);
gboolean      accord_store_run           (AccordStore        *self,
                                          AccordStoreAction   action,
                                          gpointer            data,
                                          GError            **error);
gboolean      accord_store_sqlite_error  (AccordStore        *self,
                                          int                 rc,
                                          GError            **error);
gboolean      accord_store_step_done     (AccordStore        *self,
                                          sqlite3_stmt       *stmt,
                                          GError            **error);
gboolean      accord_store_check_version (AccordStore        *self,
                                          sqlite3_stmt       *update,
                                          const char         *table,
                                          gint64              id,
                                          GError            **error);
gint64        accord_store_now           (void);
AccordCalendar *accord_store_calendar    (AccordStore        *self,
                                          GError            **error);
AccordDeadlineProfile *accord_store_deadline_profile (AccordStore *self,
                                          GError            **error);
AccordCase   *accord_store_find_case     (AccordStore        *self,
                                          const char         *number,
                                          gint64              id,
                                          GError            **error);
gboolean      accord_store_refresh_deadlines (AccordStore    *self,
                                          gint64              case_id,
                                          GError            **error);
const char   *accord_store_get_actor     (AccordStore        *self);
gboolean      accord_store_reload        (AccordStore        *self,
                                          GError            **error);

/* Appends to the audit chain; called inside the action's transaction. */
gboolean      accord_store_audit         (AccordStore        *self,
                                          const char         *action,
                                          const char         *entity,
                                          gint64              entity_id,
                                          JsonBuilder        *details,
                                          GError            **error);

void          accord_bind_text           (sqlite3_stmt       *stmt,
                                          int                 index,
                                          const char         *value);
char         *accord_column_text         (sqlite3_stmt       *stmt,
                                          int                 column);

G_END_DECLS
