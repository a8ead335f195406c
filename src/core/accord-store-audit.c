/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-audit"

#include <glib/gi18n.h>

#include "accord-store-private.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct
{
  gint64      at;
  const char *actor;
  const char *action;
  const char *entity;
  gint64      entity_id;
  const char *details;
  const char *prev_hash;
} AuditEntry;

/* The hash covers every field and the previous hash, separated by a byte
 * that cannot occur in valid UTF-8 text fields. */
static char *
entry_hash (const AuditEntry *e)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *numbers = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT, e->at, e->entity_id);
  const char *parts[] = { e->prev_hash, numbers, e->actor, e->action, e->entity, e->details };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (sum, (const guchar *) parts[i], -1);
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }

  return g_strdup (g_checksum_get_string (sum));
}

static char *
last_hash (AccordStore  *self,
           GError      **error)
{
  sqlite3_stmt *stmt = accord_store_prepare (self, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", error);
  char *hash = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hash = accord_column_text (stmt, 0);
  sqlite3_reset (stmt);

  return hash != NULL ? hash : g_strdup (GENESIS_HASH);
}

gboolean
accord_store_audit (AccordStore  *self,
                    const char   *action,
                    const char   *entity,
                    gint64        entity_id,
                    JsonBuilder  *details,
                    GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  AuditEntry e;

  if ((prev = last_hash (self, error)) == NULL)
    return FALSE;

  root = details != NULL ? json_builder_get_root (details) : NULL;
  if (root != NULL)
    {
      json_generator_set_root (generator, root);
      json = json_generator_to_data (generator, NULL);
    }

  e = (AuditEntry) { accord_store_now (), accord_store_get_actor (self), action, entity,
                     entity_id, json ? json : "{}", prev };
  hash = entry_hash (&e);

  stmt = accord_store_prepare (self,
                               "INSERT INTO audit (at, actor, action, entity, entity_id, details, prev_hash, hash) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e.at);
  accord_bind_text (stmt, 2, e.actor);
  accord_bind_text (stmt, 3, e.action);
  accord_bind_text (stmt, 4, e.entity);
  sqlite3_bind_int64 (stmt, 5, e.entity_id);
  accord_bind_text (stmt, 6, e.details);
  accord_bind_text (stmt, 7, e.prev_hash);
  accord_bind_text (stmt, 8, hash);

  return accord_store_step_done (self, stmt, error);
}

static const char *
column_or_empty (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static gboolean
row_intact (sqlite3_stmt *stmt,
            const char   *expected_prev)
{
  g_autofree char *hash = NULL;
  AuditEntry e = {
    sqlite3_column_int64 (stmt, 1), column_or_empty (stmt, 2), column_or_empty (stmt, 3),
    column_or_empty (stmt, 4), sqlite3_column_int64 (stmt, 5), column_or_empty (stmt, 6),
    column_or_empty (stmt, 7),
  };

  if (!g_str_equal (e.prev_hash, expected_prev))
    return FALSE;

  hash = entry_hash (&e);
  return g_str_equal (hash, column_or_empty (stmt, 8));
}

/**
 * accord_store_verify_audit:
 *
 * Walks the audit chain from its first entry.  Returns %FALSE only when the
 * chain could not be read; a broken chain is reported in @report.
 */
gboolean
accord_store_verify_audit (AccordStore        *self,
                           AccordAuditReport  *report,
                           GError            **error)
{
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORD_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  *report = (AccordAuditReport) { TRUE, 0, 0 };
  stmt = accord_store_prepare (self,
                               "SELECT id, at, actor, action, entity, entity_id, details, prev_hash, hash "
                               "FROM audit ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      report->n_entries++;
      if (!row_intact (stmt, expected_prev))
        {
          report->intact = FALSE;
          report->first_broken_id = sqlite3_column_int64 (stmt, 0);
          break;
        }
      g_free (expected_prev);
      expected_prev = accord_column_text (stmt, 8);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return accord_store_sqlite_error (self, rc, error);

  return TRUE;
}
