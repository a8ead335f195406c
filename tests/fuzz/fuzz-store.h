/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-store.h"

G_BEGIN_DECLS

/* The database id of the fuzzing database: the seed corpora name
 * documents of it ("accord:doc:f0220220-000001"). */
#define FUZZ_DATABASE_ID "f02202202202202202202202202202ff"

/* A store on a fresh database file in a temporary folder, made on the
 * first call and removed when the process exits. */
AccordStore *fuzz_store      (void);

/* Runs SQL on it, aborting on an error. */
void         fuzz_store_exec (const char *sql);

G_END_DECLS
