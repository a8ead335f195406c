/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-backup"

/* Backups of the database with SQLite's online backup API: a consistent
 * copy taken while the store stays open, written under a temporary name
 * and renamed into place only once it is complete, synced and checked, so
 * that a crash never leaves half a backup under a backup's name.  The
 * same API copies a checked backup back into the open database, in one
 * transaction, for a restore. */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accord-backup.h"
#include "accord-store-private.h"
#include "accord-validate.h"

#define FOLDER_KEY "backup.folder"
#define LAST_AUTO_KEY "backup.last_auto"
#define LAST_AT_KEY "backup.last_at"
#define DAILY_PREFIX "accord-"
#define DAILY_SUFFIX ".db"
#define TEMP_PREFIX ".accord-backup-"
#define BUSY_TIMEOUT_MS 10000
#define BUSY_RETRIES 100
#define BUSY_PAUSE_US (100 * 1000)
/* Left behind by a crash: removed when a day old, as no backup runs that long. */
#define STALE_TEMP_SECONDS (24 * 3600)

/* The tables every Accord database has had since schema 1. */
#define ACCORD_TABLES "'audit', 'case', 'document', 'person', 'session', 'setting'"
#define N_ACCORD_TABLES 6

typedef struct
{
  const char *file;
  const char *today;   /* set for the automatic daily backup */
} Made;

typedef struct
{
  const char *from;
  const char *kept;
} Restored;

typedef struct
{
  char *db_path;
  char *path;
  char *auto_date;   /* NULL unless automatic */
  char *from;        /* the backup restored from */
} BackupTask;

G_DEFINE_QUARK (accord-backup-error-quark, accord_backup_error)

/* Helpers */

static gboolean
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  GError     **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error_literal (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_FAILED,
                         _("The disk is full: the backup was not made"));
  else
    g_set_error (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_FAILED,
                 _("The database could not be copied: %s"), detail);
  return FALSE;
}

static gboolean set_failed (GError     **error,
                            const char  *format,
                            ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_failed (GError     **error,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_FAILED, message);
  return FALSE;
}

static gboolean
set_invalid_error (const char  *path,
                   GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_INVALID,
               _("“%s” is not a sound backup of an Accord database; nothing was changed"), name);
  return FALSE;
}

static sqlite3 *
open_db (const char  *path,
         int          flags,
         GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

/* The busy handler covers only the source; the destination is retried
 * here for as long as the store's own busy timeout. */
static gboolean
run_backup (sqlite3  *dest,
            sqlite3  *source,
            GError  **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    return set_sqlite_error (dest, sqlite3_errcode (dest), error);

  for (guint i = 0; ; i++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || i >= BUSY_RETRIES)
        break;
      g_usleep (BUSY_PAUSE_US);
    }
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (dest, rc, error);
  return TRUE;
}

/* "ok" as the only row of the check; anything else, including an error
 * while reading, is damage. */
static gboolean
check_passes (sqlite3    *db,
              const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 &&
         sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);

  return ok;
}

static gint64
query_number (sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
check_accord_db (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  gint64 version = query_number (db, "PRAGMA user_version");
  gint64 tables = query_number (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                    "AND name IN (" ACCORD_TABLES ")");

  if (version < 1 || tables != N_ACCORD_TABLES || !check_passes (db, "PRAGMA integrity_check"))
    return set_invalid_error (path, error);

  if (version > ACCORD_STORE_SCHEMA_VERSION)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Accord (schema %d); this version understands schema %d; nothing was changed"),
                   name, (int) version, ACCORD_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
sync_path (const char  *path,
           int          flags,
           GError     **error)
{
  g_autofree char *name = NULL;
  int fd = g_open (path, flags | O_CLOEXEC, 0);
  int saved = 0;

  if (fd < 0 || g_fsync (fd) != 0)
    saved = errno;
  if (fd >= 0)
    close (fd);
  if (saved == 0)
    return TRUE;

  name = g_filename_display_name (path);
  return set_failed (error, _("Cannot write the backup “%s”: %s"), name, g_strerror (saved));
}

/* Copied, made a single self-contained file (no -wal beside it), checked,
 * then flushed to the disk. */
static gboolean
write_temp (const char  *db_path,
            const char  *temp,
            GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  gboolean ok = FALSE;

  if ((source = open_db (db_path, SQLITE_OPEN_READWRITE, error)) != NULL &&
      (dest = open_db (temp, SQLITE_OPEN_READWRITE, error)) != NULL &&
      run_backup (dest, source, error))
    {
      int rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        set_sqlite_error (dest, rc, error);
      else if (!check_passes (dest, "PRAGMA quick_check"))
        g_set_error_literal (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_FAILED,
                             _("The copy of the database did not pass its check; the backup was not made"));
      else
        ok = TRUE;
    }
  sqlite3_close (dest);
  sqlite3_close (source);

  return ok && sync_path (temp, O_RDWR, error);
}

static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf x, y;

  return g_stat (a, &x) == 0 && g_stat (b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

static gboolean
is_daily_name (const char *name)
{
  g_autofree char *date = NULL;

  if (strlen (name) != strlen (DAILY_PREFIX "YYYY-MM-DD" DAILY_SUFFIX) ||
      !g_str_has_prefix (name, DAILY_PREFIX) || !g_str_has_suffix (name, DAILY_SUFFIX))
    return FALSE;

  date = g_strndup (name + strlen (DAILY_PREFIX), strlen ("YYYY-MM-DD"));
  return accord_validate_date ("date", date, NULL);
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
remove_stale_temp (const char *folder,
                   const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GStatBuf st;

  if (g_stat (path, &st) == 0 && accord_store_now () - st.st_mtime > STALE_TEMP_SECONDS)
    g_unlink (path);
}

static gboolean
set_setting (AccordStore  *store,
             const char   *key,
             const char   *value,
             GError      **error)
{
  sqlite3_stmt *stmt = accord_store_prepare (store,
                                             "INSERT INTO setting (key, value) VALUES (?, ?) "
                                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                             error);

  if (stmt == NULL)
    return FALSE;
  accord_bind_text (stmt, 1, key);
  accord_bind_text (stmt, 2, value);
  return accord_store_step_done (store, stmt, error);
}

/* One audit entry for the backup; the times it shows are settings kept
 * without an entry of their own. */
static gboolean
record_backup_action (AccordStore  *store,
                      gpointer      data,
                      GError      **error)
{
  const Made *made = data;
  g_autoptr(JsonBuilder) details = json_builder_new ();
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, accord_store_now ());

  if (!set_setting (store, LAST_AT_KEY, now, error) ||
      (made->today != NULL && !set_setting (store, LAST_AUTO_KEY, made->today, error)))
    return FALSE;

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "file");
  json_builder_add_string_value (details, made->file);
  json_builder_set_member_name (details, "automatic");
  json_builder_add_boolean_value (details, made->today != NULL);
  json_builder_end_object (details);
  return accord_store_audit (store, "backup.make", "backup", 0, details, error);
}

static gboolean
record_restore_action (AccordStore  *store,
                       gpointer      data,
                       GError      **error)
{
  const Restored *restored = data;
  g_autoptr(JsonBuilder) details = json_builder_new ();

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "from");
  json_builder_add_string_value (details, restored->from);
  json_builder_set_member_name (details, "kept");
  json_builder_add_string_value (details, restored->kept);
  json_builder_end_object (details);
  return accord_store_audit (store, "backup.restore", "backup", 0, details, error);
}

/* In the store's thread, once the copy is in place. */
static char *
record_daily_backup (AccordStore  *store,
                     const char   *path,
                     const char   *auto_date,
                     GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) rotate_error = NULL;
  Made made = { path, auto_date };

  if (!accord_store_run (store, record_backup_action, &made, error))
    return NULL;

  /* The backup is made: a file that cannot be deleted is left for the next time. */
  if (accord_backup_rotate (folder, ACCORD_BACKUP_KEEP, &rotate_error) == G_MAXUINT)
    g_message ("Old backups not deleted: %s", rotate_error->message);

  return g_strdup (path);
}

static char *
daily_path (AccordStore *store,
            const char  *date)
{
  g_autofree char *folder = accord_backup_get_folder (store);
  g_autofree char *name = accord_backup_daily_name (date);

  return g_build_filename (folder, name, NULL);
}

static gboolean
auto_done (AccordStore *store,
           const char  *date)
{
  g_autofree char *last = accord_store_get_setting (store, LAST_AUTO_KEY, "");

  return g_str_equal (last, date);
}

static char *
make_daily_backup (AccordStore  *store,
                   const char   *today,
                   gboolean      automatic,
                   GError      **error)
{
  g_autofree char *path = daily_path (store, today);

  if (!accord_backup_copy (accord_store_get_path (store), path, error))
    return NULL;
  return record_daily_backup (store, path, automatic ? today : NULL, error);
}

static void
backup_task_free (BackupTask *task)
{
  g_free (task->db_path);
  g_free (task->path);
  g_free (task->auto_date);
  g_free (task->from);
  g_free (task);
}

static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  BackupTask *backup = data;
  GError *error = NULL;

  if (accord_backup_copy (backup->db_path, backup->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static AccordBackupInfo *
backup_info_new (const char *folder,
                 const char *name)
{
  AccordBackupInfo *info = g_new0 (AccordBackupInfo, 1);
  GStatBuf st;

  info->path = g_build_filename (folder, name, NULL);
  info->name = g_strdup (name);
  if (is_daily_name (name))
    info->date = g_strndup (name + strlen (DAILY_PREFIX), strlen ("YYYY-MM-DD"));
  if (g_stat (info->path, &st) == 0)
    {
      info->size = st.st_size;
      info->modified = st.st_mtime;
    }

  return info;
}

static int
compare_info_newest_first (gconstpointer a,
                           gconstpointer b)
{
  const AccordBackupInfo *x = *(AccordBackupInfo * const *) a;
  const AccordBackupInfo *y = *(AccordBackupInfo * const *) b;

  if (x->modified != y->modified)
    return x->modified < y->modified ? 1 : -1;
  return -g_strcmp0 (x->name, y->name);
}

/* Public */

void
accord_backup_info_free (AccordBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->name);
  g_free (info->date);
  g_free (info);
}

/**
 * accord_backup_get_folder:
 *
 * Returns: (transfer full): the folder of the daily backups: the setting
 * "backup.folder", or a "backups" folder beside the database.
 */
char *
accord_backup_get_folder (AccordStore *store)
{
  g_autofree char *folder = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  folder = accord_store_get_setting (store, FOLDER_KEY, "");
  if (folder[0] != '\0')
    return g_steal_pointer (&folder);

  dir = g_path_get_dirname (accord_store_get_path (store));
  return g_build_filename (dir, "backups", NULL);
}

/* Returns: when the last backup of this database was made (Unix seconds),
 * 0 if never */
gint64
accord_backup_get_last (AccordStore *store)
{
  g_autofree char *text = NULL;
  gint64 at = 0;

  g_return_val_if_fail (ACCORD_IS_STORE (store), 0);

  text = accord_store_get_setting (store, LAST_AT_KEY, "0");
  if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &at, NULL))
    return 0;
  return at;
}

char *
accord_backup_daily_name (const char *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_strconcat (DAILY_PREFIX, date, DAILY_SUFFIX, NULL);
}

/**
 * accord_backup_copy:
 *
 * Copies the database at @db_path to @dest (mode 0600), replacing @dest
 * only when the copy is complete and checked.  Uses a connection of its
 * own, so it may run in a thread while the store is in use.
 */
gboolean
accord_backup_copy (const char  *db_path,
                    const char  *dest,
                    GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp = NULL;
  int fd;

  g_return_val_if_fail (db_path != NULL && dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_same_file (dest, db_path))
    {
      g_set_error_literal (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_FAILED,
                           _("A backup cannot be written over the database itself"));
      return FALSE;
    }

  folder = g_path_get_dirname (dest);
  name = g_filename_display_name (folder);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    return set_failed (error, _("Cannot create the backup folder “%s”: %s"), name, g_strerror (errno));

  temp = g_build_filename (folder, TEMP_PREFIX "XXXXXX", NULL);
  if ((fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    return set_failed (error, _("Cannot write in the backup folder “%s”: %s"), name, g_strerror (errno));
  close (fd);

  if (!write_temp (db_path, temp, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, dest) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dest);

      g_unlink (temp);
      return set_failed (error, _("Cannot write the backup “%s”: %s"), display, g_strerror (saved));
    }

  /* The rename itself is on the disk only once the folder is synced. */
  return sync_path (folder, O_RDONLY, error);
}

/**
 * accord_backup_check:
 *
 * Whether the file at @path can be restored: an SQLite file with
 * Accord's tables, of a schema this version understands, that passes
 * SQLite's integrity check.  The file is only read.
 */
gboolean
accord_backup_check (const char  *path,
                     GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_FAILED,
                   _("There is no file “%s”; nothing was changed"), name);
      return FALSE;
    }

  if ((db = open_db (path, SQLITE_OPEN_READONLY, NULL)) == NULL)
    return set_invalid_error (path, error);
  ok = check_accord_db (db, path, error);
  sqlite3_close (db);

  return ok;
}

/**
 * accord_backup_to_file:
 *
 * Backs the open store up to @dest, and notes it in the audit log.
 */
gboolean
accord_backup_to_file (AccordStore  *store,
                       const char   *dest,
                       GError      **error)
{
  Made made = { dest, NULL };

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  return accord_backup_copy (accord_store_get_path (store), dest, error)
         && accord_store_run (store, record_backup_action, &made, error);
}

/**
 * accord_backup_now:
 * @today: (nullable): the bureau's date, YYYY-MM-DD; %NULL for today
 *
 * Backs the store up into the backup folder under the day's name
 * (replacing an earlier backup of the same day) and deletes the daily
 * backups beyond the newest %ACCORD_BACKUP_KEEP.
 *
 * Returns: (transfer full): the backup's path, or %NULL on error
 */
char *
accord_backup_now (AccordStore  *store,
                   const char   *today,
                   GError      **error)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  date = today != NULL ? g_strdup (today) : accord_store_today (store);
  return make_daily_backup (store, date, FALSE, error);
}

/**
 * accord_backup_auto:
 * @today: (nullable): the bureau's date, YYYY-MM-DD; %NULL for today
 *
 * The automatic daily backup: made as accord_backup_now() does when none
 * was made automatically on @today yet.
 *
 * Returns: (transfer full) (nullable): the backup's path; %NULL without an
 * error when it was not due
 */
char *
accord_backup_auto (AccordStore  *store,
                    const char   *today,
                    GError      **error)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  date = today != NULL ? g_strdup (today) : accord_store_today (store);
  if (auto_done (store, date))
    return NULL;

  return make_daily_backup (store, date, TRUE, error);
}

/**
 * accord_backup_now_async:
 * @today: (nullable): the bureau's date, YYYY-MM-DD; %NULL for today
 * @automatic: make the automatic daily backup, only if it is due
 *
 * accord_backup_now() or accord_backup_auto() with the copy made in a
 * thread, so that a large database does not hold up the caller.
 */
void
accord_backup_now_async (AccordStore         *store,
                         const char          *today,
                         gboolean             automatic,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *date = NULL;
  BackupTask *backup;

  g_return_if_fail (ACCORD_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, accord_backup_now_async);
  date = today != NULL ? g_strdup (today) : accord_store_today (store);

  backup = g_new0 (BackupTask, 1);
  backup->db_path = g_strdup (accord_store_get_path (store));
  backup->path = daily_path (store, date);
  backup->auto_date = automatic ? g_steal_pointer (&date) : NULL;
  g_task_set_task_data (task, backup, (GDestroyNotify) backup_task_free);

  if (automatic && auto_done (store, backup->auto_date))
    g_task_return_boolean (task, FALSE);
  else
    g_task_run_in_thread (task, backup_thread);
}

/**
 * accord_backup_now_finish:
 *
 * Notes the backup in the audit log and deletes the oldest daily backups.
 *
 * Returns: (transfer full) (nullable): the backup's path; %NULL without an
 * error when an automatic backup was not due
 */
char *
accord_backup_now_finish (AccordStore   *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  BackupTask *backup;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  backup = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  return record_daily_backup (store, backup->path, backup->auto_date, error);
}

/**
 * accord_backup_rotate:
 *
 * Deletes the daily backups in @folder beyond the newest @keep, by the
 * date in their names, and what a crash left of unfinished ones.
 *
 * Returns: how many backups were deleted, %G_MAXUINT on error
 */
guint
accord_backup_rotate (const char  *folder,
                      guint        keep,
                      GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) daily = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint deleted = 0;

  g_return_val_if_fail (folder != NULL, G_MAXUINT);

  if ((dir = g_dir_open (folder, 0, error)) == NULL)
    return G_MAXUINT;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_daily_name (name))
      g_ptr_array_add (daily, g_strdup (name));
    else if (g_str_has_prefix (name, TEMP_PREFIX))
      remove_stale_temp (folder, name);

  g_ptr_array_sort (daily, compare_names_newest_first);
  for (guint i = keep; i < daily->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (daily, i), NULL);

      if (g_unlink (path) != 0)
        {
          int saved = errno;
          g_autofree char *display = g_filename_display_name (path);

          set_failed (error, _("Cannot delete the old backup “%s”: %s"), display, g_strerror (saved));
          return G_MAXUINT;
        }
      deleted++;
    }

  return deleted;
}

/**
 * accord_backup_list:
 *
 * Returns: (transfer full) (element-type AccordBackupInfo): the backups in
 * the backup folder, daily ones and the copies kept by a restore, newest
 * first; empty when the folder does not exist yet
 */
GPtrArray *
accord_backup_list (AccordStore  *store,
                    GError      **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_backup_info_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (ACCORD_IS_STORE (store), NULL);

  folder = accord_backup_get_folder (store);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&list);
  if ((dir = g_dir_open (folder, 0, error)) == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, DAILY_PREFIX) && g_str_has_suffix (name, DAILY_SUFFIX))
      g_ptr_array_add (list, backup_info_new (folder, name));

  g_ptr_array_sort (list, compare_info_newest_first);
  return g_steal_pointer (&list);
}

/* What a restore does away from the store's own connection: checks the
 * backup, keeps a copy of the current database and copies the backup over
 * it through a connection of its own.  Safe to run in a thread. */
static gboolean
restore_files (const char  *db_path,
               const char  *backup,
               const char  *kept,
               GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  gboolean ok = FALSE;

  if (is_same_file (backup, db_path))
    {
      g_set_error_literal (error, ACCORD_BACKUP_ERROR, ACCORD_BACKUP_ERROR_INVALID,
                           _("This is the database itself, not a backup of it; nothing was changed"));
      return FALSE;
    }
  if (!accord_backup_check (backup, error) || !accord_backup_copy (db_path, kept, error))
    return FALSE;

  if ((source = open_db (backup, SQLITE_OPEN_READONLY, error)) != NULL &&
      (dest = open_db (db_path, SQLITE_OPEN_READWRITE, error)) != NULL)
    ok = run_backup (dest, source, error);
  sqlite3_close (dest);
  sqlite3_close (source);

  return ok;
}

/* Where the records replaced by a restore are kept. */
static char *
kept_path (AccordStore *store)
{
  g_autofree char *folder = accord_backup_get_folder (store);
  g_autofree char *stamp = accord_store_format_local (store, accord_store_now (), "%Y-%m-%d-%H%M%S");
  g_autofree char *name = g_strdup_printf (DAILY_PREFIX "before-restore-%s" DAILY_SUFFIX, stamp);

  return g_build_filename (folder, name, NULL);
}

/* The store reads the restored records, and the restore is audited. */
static gboolean
restore_done (AccordStore  *store,
              const char   *backup,
              const char   *kept,
              GError      **error)
{
  Restored restored = { backup, kept };

  return accord_store_reload (store, error) &&
         accord_store_run (store, record_restore_action, &restored, error);
}

/**
 * accord_backup_restore:
 * @kept: (out) (optional): where the records replaced were kept
 *
 * Replaces the records of the open store with those of @backup, after
 * checking it (accord_backup_check()) and keeping a copy of the current
 * database in the backup folder.  The restored database's audit log is
 * the backup's, followed by an entry for the restore.  Other programs
 * with the database open see the restored records at their next read.
 */
gboolean
accord_backup_restore (AccordStore  *store,
                       const char   *backup,
                       char        **kept,
                       GError      **error)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (ACCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = kept_path (store);
  if (!restore_files (accord_store_get_path (store), backup, copy, error) ||
      !restore_done (store, backup, copy, error))
    return FALSE;

  if (kept != NULL)
    *kept = g_steal_pointer (&copy);
  return TRUE;
}

static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  BackupTask *restore = data;
  GError *error = NULL;

  if (restore_files (restore->db_path, restore->from, restore->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * accord_backup_restore_async:
 *
 * accord_backup_restore() with the checks and the copies made in a thread,
 * so that a large database does not hold up the caller; the store must
 * not be written to until it finishes.
 */
void
accord_backup_restore_async (AccordStore         *store,
                             const char          *backup,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupTask *restore;

  g_return_if_fail (ACCORD_IS_STORE (store));
  g_return_if_fail (backup != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, accord_backup_restore_async);

  restore = g_new0 (BackupTask, 1);
  restore->db_path = g_strdup (accord_store_get_path (store));
  restore->path = kept_path (store);
  restore->from = g_strdup (backup);
  g_task_set_task_data (task, restore, (GDestroyNotify) backup_task_free);
  g_task_run_in_thread (task, restore_thread);
}

/**
 * accord_backup_restore_finish:
 * @kept: (out) (optional): where the records replaced were kept
 *
 * Makes the store read the restored records and audits the restore.
 */
gboolean
accord_backup_restore_finish (AccordStore   *store,
                              GAsyncResult  *result,
                              char         **kept,
                              GError       **error)
{
  BackupTask *restore;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  restore = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error) ||
      !restore_done (store, restore->from, restore->path, error))
    return FALSE;

  if (kept != NULL)
    *kept = g_strdup (restore->path);
  return TRUE;
}
