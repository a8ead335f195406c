/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers shared by the benchmarks. */
guint   bench_env_uint  (const char *name,
                         guint       fallback);
double  bench_median    (double     *values,
                         guint       n);
void    bench_remove_db (const char *path,
                         const char *dir);
char   *bench_db_path   (char      **dir,
                         gboolean   *existing);

G_END_DECLS
