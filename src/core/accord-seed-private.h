/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the demo seed share.  Private to the core library. */

#include "accord-deadlines.h"
#include "accord-seed.h"
#include "accord-store.h"

G_BEGIN_DECLS

/* The state of one seed. */
typedef struct
{
  const AccordSeedOptions *options;
  GRand                   *rand;
  GDate                    today;
  GHashTable              *last_seq;   /* year -> last sequence number */
  gint64                   petitioner_id;
  gint64                  *first_petitioner_of_case;
  guint                    n_venues;
  GTimeZone               *zone;
  char                    *pattern;
  char                    *today_text;
  AccordCalendar          *calendar;
  AccordDeadlineProfile   *profile;
} Seeder;

char     *accord_seed_date_string            (const GDate  *date);

/* The outcomes of the latest held hearings and mediations, and the
 * documents of a few of them (accord-seed-outcomes.c). */
gboolean  accord_seed_outcomes_and_documents (AccordStore  *store,
                                              Seeder       *s,
                                              GError      **error);

G_END_DECLS
