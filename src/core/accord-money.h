/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 999,999,999,999.99 yuan: the largest amount the capital units
 * 拾佰仟万亿 can write (9999亿9999万9999元9角9分). Money is always whole
 * fen (分) in a gint64, never floating point. */
#define ACCORD_MONEY_MAX_FEN G_GINT64_CONSTANT (99999999999999)

char     *accord_money_figures     (gint64       fen);
char     *accord_money_capital     (gint64       fen);
gboolean  accord_money_parse_yuan  (const char  *text,
                                    gint64      *fen,
                                    GError     **error);

char     *accord_date_chinese      (const char  *iso_date);

G_END_DECLS
