/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Plain records read from the store.  They are snapshots: changing one
 * changes nothing in the database. */

typedef struct
{
  gint64  id;
  char   *name;
  char   *id_number;
  char   *phone;
  char   *address;
  gint64  version;
} AccordPetitioner;

typedef struct
{
  gint64   id;
  char    *name;
  char   **roles;
  char    *organisation;
  char    *phone;
  gboolean active;
  gint64   version;
} AccordPerson;

typedef struct
{
  gint64   id;
  char    *name;
  int      capacity;
  char    *address;
  gboolean active;
  gint64   version;
} AccordVenue;

/* A window of a person's weekly availability, in the bureau's local time. */
typedef struct
{
  int weekday;        /* 1 = Monday .. 7 = Sunday */
  int start_minute;   /* from midnight */
  int end_minute;
} AccordWeeklySlot;

/* A dated absence of a person, in instants. */
typedef struct
{
  gint64  id;
  gint64  person_id;
  gint64  starts_at;
  gint64  ends_at;
  char   *reason;
} AccordPersonAbsence;

/* A declared interest of a person (a ground for recusal): in a case, in a
 * petitioner, or in one petitioner of a case. */
typedef struct
{
  gint64  id;
  gint64  person_id;
  gint64  case_id;          /* 0: none */
  char   *case_number;
  gint64  petitioner_id;    /* 0: none */
  char   *petitioner_name;
  char   *note;
} AccordInterest;

#define ACCORD_TYPE_PETITIONER (accord_petitioner_get_type ())
#define ACCORD_TYPE_PERSON (accord_person_get_type ())
#define ACCORD_TYPE_VENUE (accord_venue_get_type ())
#define ACCORD_TYPE_PERSON_ABSENCE (accord_person_absence_get_type ())
#define ACCORD_TYPE_INTEREST (accord_interest_get_type ())

GType             accord_petitioner_get_type (void) G_GNUC_CONST;
AccordPetitioner *accord_petitioner_copy     (const AccordPetitioner *self);
void              accord_petitioner_free     (AccordPetitioner       *self);

GType             accord_person_get_type     (void) G_GNUC_CONST;
AccordPerson     *accord_person_copy         (const AccordPerson     *self);
void              accord_person_free         (AccordPerson           *self);

GType             accord_venue_get_type      (void) G_GNUC_CONST;
AccordVenue      *accord_venue_copy          (const AccordVenue      *self);
void              accord_venue_free          (AccordVenue            *self);

GType                accord_person_absence_get_type (void) G_GNUC_CONST;
AccordPersonAbsence *accord_person_absence_copy     (const AccordPersonAbsence *self);
void                 accord_person_absence_free     (AccordPersonAbsence       *self);

GType             accord_interest_get_type   (void) G_GNUC_CONST;
AccordInterest   *accord_interest_copy       (const AccordInterest   *self);
void              accord_interest_free       (AccordInterest         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordPetitioner, accord_petitioner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordPerson, accord_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordVenue, accord_venue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordPersonAbsence, accord_person_absence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordInterest, accord_interest_free)

G_END_DECLS
