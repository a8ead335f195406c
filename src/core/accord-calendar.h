/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_CALENDAR (accord_calendar_get_type ())
G_DECLARE_FINAL_TYPE (AccordCalendar, accord_calendar, ACCORD, CALENDAR, GObject)

#define ACCORD_CALENDAR_ERROR (accord_calendar_error_quark ())

typedef enum
{
  ACCORD_CALENDAR_ERROR_PARSE,
  ACCORD_CALENDAR_ERROR_UNKNOWN_YEAR,
} AccordCalendarError;

typedef enum
{
  ACCORD_DAY_WORKING,        /* an ordinary weekday, or a weekend day worked instead (调休) */
  ACCORD_DAY_WEEKEND,        /* a Saturday or Sunday rest day */
  ACCORD_DAY_HOLIDAY,        /* a public holiday, including the days moved next to it */
} AccordDayKind;

GQuark          accord_calendar_error_quark     (void);

/* The working calendar: weekends, public holidays and worked weekend days.
 * A new calendar knows the years shipped with Accord. */
AccordCalendar *accord_calendar_new             (void);
gboolean        accord_calendar_load            (AccordCalendar  *self,
                                                 const char      *text,
                                                 GError         **error);
gboolean        accord_calendar_has_year        (AccordCalendar  *self,
                                                 int              year);
int            *accord_calendar_get_years       (AccordCalendar  *self,
                                                 guint           *n_years);
AccordDayKind   accord_calendar_day_kind        (AccordCalendar  *self,
                                                 const GDate     *date);
const char     *accord_calendar_day_name        (AccordCalendar  *self,
                                                 const GDate     *date);
gboolean        accord_calendar_is_working_day  (AccordCalendar  *self,
                                                 const GDate     *date);
void            accord_calendar_next_working_day (AccordCalendar *self,
                                                 GDate           *date);
void            accord_calendar_add_working_days (AccordCalendar *self,
                                                 GDate           *date,
                                                 guint            n);
void            accord_calendar_period_end      (AccordCalendar  *self,
                                                 GDate           *date,
                                                 guint            n,
                                                 gboolean         working_days);

G_END_DECLS
