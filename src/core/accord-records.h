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

#define ACCORD_TYPE_PETITIONER (accord_petitioner_get_type ())
#define ACCORD_TYPE_PERSON (accord_person_get_type ())
#define ACCORD_TYPE_VENUE (accord_venue_get_type ())

GType             accord_petitioner_get_type (void) G_GNUC_CONST;
AccordPetitioner *accord_petitioner_copy     (const AccordPetitioner *self);
void              accord_petitioner_free     (AccordPetitioner       *self);

GType             accord_person_get_type     (void) G_GNUC_CONST;
AccordPerson     *accord_person_copy         (const AccordPerson     *self);
void              accord_person_free         (AccordPerson           *self);

GType             accord_venue_get_type      (void) G_GNUC_CONST;
AccordVenue      *accord_venue_copy          (const AccordVenue      *self);
void              accord_venue_free          (AccordVenue            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordPetitioner, accord_petitioner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordPerson, accord_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordVenue, accord_venue_free)

G_END_DECLS
