/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-documents.h"
#include "accord-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_cases;
  guint   n_people;
  guint32 seed;
  guint   n_sessions;   /* 0: none */
  guint   n_venues;     /* 0: three */
  /* Draws the demo's issued documents (src/docs' accord_doc_render);
   * NULL: outcomes are recorded, but no document is issued. */
  AccordDocumentRenderer renderer;
  gpointer                renderer_data;
} AccordSeedOptions;

#define ACCORD_SEED_DEFAULT_CASES 200
#define ACCORD_SEED_DEFAULT_PEOPLE 40
#define ACCORD_SEED_DEFAULT_SESSIONS 150
#define ACCORD_SEED_MAX_OUTCOMES 40
#define ACCORD_SEED_MAX_DOCUMENTS 10

/* Fills an empty database with a demo bureau: people covering every role,
 * venues and cases in every workflow state, received in the two years
 * before today, and sessions from the first receipt to a month ahead.  The
 * latest held hearings and mediations (at most ACCORD_SEED_MAX_OUTCOMES)
 * mostly have their outcome recorded, and with a renderer a few of those
 * cases (at most ACCORD_SEED_MAX_DOCUMENTS) have documents issued, two of
 * them signed.  The same seed and the same today give the same data. */
gboolean accord_seed (AccordStore             *store,
                      const AccordSeedOptions *options,
                      GError                 **error);

G_END_DECLS
