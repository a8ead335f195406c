/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "accord-window.h"

G_BEGIN_DECLS

gboolean accord_benchmark_requested (void);
void     accord_benchmark_run       (AccordWindow *window);

G_END_DECLS
