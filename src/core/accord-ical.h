/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-store.h"

G_BEGIN_DECLS

#define ACCORD_ICAL_ERROR (accord_ical_error_quark ())

typedef enum
{
  ACCORD_ICAL_ERROR_PARSE,
} AccordIcalError;

GQuark    accord_ical_error_quark       (void);

/* An iCalendar (RFC 5545) VCALENDAR with one VEVENT per session of
 * @sessions (AccordSession, as from accord_store_list_sessions()).  UIDs
 * are stable per session and database; the description names the case
 * number and, when @person_id > 0, that person's role in the session. */
char     *accord_ical_export_sessions   (AccordStore  *store,
                                         GPtrArray    *sessions,
                                         gint64        person_id,
                                         GError      **error);

/* Reads busy times (VEVENTs that are not TRANSP:TRANSPARENT and not
 * cancelled; timed in UTC, with a TZID, or floating in the bureau's zone;
 * all-day events cover whole local days) and records them as absences of
 * the person in one action.  Nothing is recorded when the file is
 * malformed. */
gboolean  accord_ical_import_absences   (AccordStore  *store,
                                         gint64        person_id,
                                         const char   *text,
                                         guint        *n_imported,
                                         GError      **error);

G_END_DECLS
