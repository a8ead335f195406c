/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_cases;
  guint   n_people;
  guint32 seed;
  guint   n_sessions;   /* 0: none */
  guint   n_venues;     /* 0: three */
} AccordSeedOptions;

#define ACCORD_SEED_DEFAULT_CASES 200
#define ACCORD_SEED_DEFAULT_PEOPLE 40
#define ACCORD_SEED_DEFAULT_SESSIONS 150

/* Fills an empty database with a demo bureau: people covering every role,
 * venues and cases in every workflow state, received in the two years
 * before today, and sessions from the first receipt to a month ahead.  The same seed and the same today give the same data. */
gboolean accord_seed (AccordStore             *store,
                      const AccordSeedOptions *options,
                      GError                 **error);

G_END_DECLS
