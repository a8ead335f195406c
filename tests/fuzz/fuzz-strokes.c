/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "accord-fuzz-strokes"

#include "accord-documents.h"
#include "accord-validate.h"
#include "fuzz-target.h"

/* A handwritten signature as accord-cli doc sign --strokes and the signing
 * pad hand it to core: JSON that is either accepted whole or refused with a
 * validation error. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr(GError) error = NULL;

  if (accord_validate_strokes (text, &error))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      fuzz_assert (error == NULL);
      /* What was accepted is a non-empty JSON array. */
      fuzz_assert (json_parser_load_from_data (parser, text, -1, NULL));
      fuzz_assert (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
      fuzz_assert (json_array_get_length (json_node_get_array (json_parser_get_root (parser))) > 0);
    }
  else
    fuzz_assert (error != NULL && error->domain == ACCORD_VALIDATE_ERROR);
  return 0;
}
