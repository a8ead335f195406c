/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

/* The entry point every fuzz target defines (libFuzzer's interface). */
int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);

/* The input as a NUL-terminated string: parsers of text read C strings, so
 * the input stops at its first NUL byte. */
static inline char *
fuzz_text (const uint8_t *data,
           size_t         size)
{
  return g_strndup ((const char *) data, size);
}

/* A check of the code under test that holds for every input: abort (not
 * g_error ()'s breakpoint trap), so that libFuzzer keeps the input as a
 * crash. */
#define fuzz_assert(expr) \
  G_STMT_START { \
    if G_LIKELY (expr) ; \
    else \
      { \
        g_printerr ("%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #expr); \
        abort (); \
      } \
  } G_STMT_END
