/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-records"

#include "accord-records.h"

G_DEFINE_BOXED_TYPE (AccordPetitioner, accord_petitioner, accord_petitioner_copy, accord_petitioner_free)
G_DEFINE_BOXED_TYPE (AccordPerson, accord_person, accord_person_copy, accord_person_free)
G_DEFINE_BOXED_TYPE (AccordVenue, accord_venue, accord_venue_copy, accord_venue_free)
G_DEFINE_BOXED_TYPE (AccordPersonAbsence, accord_person_absence,
                     accord_person_absence_copy, accord_person_absence_free)
G_DEFINE_BOXED_TYPE (AccordInterest, accord_interest, accord_interest_copy, accord_interest_free)

AccordPetitioner *
accord_petitioner_copy (const AccordPetitioner *self)
{
  AccordPetitioner *copy = g_new0 (AccordPetitioner, 1);

  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->id_number = g_strdup (self->id_number);
  copy->phone = g_strdup (self->phone);
  copy->address = g_strdup (self->address);
  copy->version = self->version;
  return copy;
}

void
accord_petitioner_free (AccordPetitioner *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->id_number);
  g_free (self->phone);
  g_free (self->address);
  g_free (self);
}

AccordPerson *
accord_person_copy (const AccordPerson *self)
{
  AccordPerson *copy = g_new0 (AccordPerson, 1);

  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->roles = g_strdupv (self->roles);
  copy->organisation = g_strdup (self->organisation);
  copy->phone = g_strdup (self->phone);
  copy->active = self->active;
  copy->version = self->version;
  return copy;
}

void
accord_person_free (AccordPerson *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_strfreev (self->roles);
  g_free (self->organisation);
  g_free (self->phone);
  g_free (self);
}

AccordVenue *
accord_venue_copy (const AccordVenue *self)
{
  AccordVenue *copy = g_new0 (AccordVenue, 1);

  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->capacity = self->capacity;
  copy->address = g_strdup (self->address);
  copy->active = self->active;
  copy->version = self->version;
  return copy;
}

void
accord_venue_free (AccordVenue *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->address);
  g_free (self);
}

AccordPersonAbsence *
accord_person_absence_copy (const AccordPersonAbsence *self)
{
  AccordPersonAbsence *copy = g_memdup2 (self, sizeof *self);

  copy->reason = g_strdup (self->reason);
  return copy;
}

void
accord_person_absence_free (AccordPersonAbsence *self)
{
  if (self == NULL)
    return;
  g_free (self->reason);
  g_free (self);
}

AccordInterest *
accord_interest_copy (const AccordInterest *self)
{
  AccordInterest *copy = g_memdup2 (self, sizeof *self);

  copy->case_number = g_strdup (self->case_number);
  copy->petitioner_name = g_strdup (self->petitioner_name);
  copy->note = g_strdup (self->note);
  return copy;
}

void
accord_interest_free (AccordInterest *self)
{
  if (self == NULL)
    return;
  g_free (self->case_number);
  g_free (self->petitioner_name);
  g_free (self->note);
  g_free (self);
}
