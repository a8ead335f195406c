/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_BACKUP_ERROR (accord_backup_error_quark ())

typedef enum
{
  ACCORD_BACKUP_ERROR_FAILED,
  ACCORD_BACKUP_ERROR_INVALID,   /* not a sound backup of an Accord database */
  ACCORD_BACKUP_ERROR_TOO_NEW,   /* made by a newer Accord */
} AccordBackupError;

/* Daily backups kept in the folder; older ones are deleted. */
#define ACCORD_BACKUP_KEEP 7

typedef struct
{
  char   *path;
  char   *name;
  char   *date;       /* YYYY-MM-DD of a daily backup, NULL for another copy */
  gint64  size;       /* bytes */
  gint64  modified;   /* Unix seconds */
} AccordBackupInfo;

GQuark      accord_backup_error_quark   (void);

void        accord_backup_info_free     (AccordBackupInfo  *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordBackupInfo, accord_backup_info_free)

char       *accord_backup_get_folder    (AccordStore       *store);
gint64      accord_backup_get_last      (AccordStore       *store);
char       *accord_backup_daily_name    (const char        *date);

gboolean    accord_backup_copy          (const char        *db_path,
                                         const char        *dest,
                                         GError           **error);
gboolean    accord_backup_check         (const char        *path,
                                         GError           **error);

gboolean    accord_backup_to_file       (AccordStore       *store,
                                         const char        *dest,
                                         GError           **error);
char       *accord_backup_now           (AccordStore       *store,
                                         const char        *today,
                                         GError           **error);
char       *accord_backup_auto          (AccordStore       *store,
                                         const char        *today,
                                         GError           **error);
void        accord_backup_now_async     (AccordStore       *store,
                                         const char        *today,
                                         gboolean           automatic,
                                         GCancellable      *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer           user_data);
char       *accord_backup_now_finish    (AccordStore       *store,
                                         GAsyncResult      *result,
                                         GError           **error);
guint       accord_backup_rotate        (const char        *folder,
                                         guint              keep,
                                         GError           **error);
GPtrArray  *accord_backup_list          (AccordStore       *store,
                                         GError           **error);
gboolean    accord_backup_restore       (AccordStore       *store,
                                         const char        *backup,
                                         char             **kept,
                                         GError           **error);
void        accord_backup_restore_async (AccordStore       *store,
                                         const char        *backup,
                                         GCancellable      *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer           user_data);
gboolean    accord_backup_restore_finish (AccordStore      *store,
                                          GAsyncResult     *result,
                                          char            **kept,
                                          GError          **error);

G_END_DECLS
