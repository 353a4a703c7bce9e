/*
 * The day's digest for people: the D.json object of `nsum digest` (schema
 * in docs/digest.md) rendered as Markdown and as one self-contained HTML
 * page.  Internal to the library and the CLI.
 */
#ifndef NSUM_DIGEST_RENDER_H
#define NSUM_DIGEST_RENDER_H

#include <stddef.h>

#include <jansson.h>

/*
 * The digest d (the D.json object, schema docs/digest.md) as Markdown / as
 * one self-contained HTML page.  Returns a new string (free with
 * nsum_free()), its length in *len when len is not NULL; NULL on no memory.
 * Missing optional keys are fine; a key of the wrong type is treated as
 * absent (never a crash), and d itself may be NULL or not an object.  Text
 * taken from articles is escaped for the format.  The same d gives the same
 * bytes.  d is only read.
 */
char *digest_render_md(const json_t *d, size_t *len);
char *digest_render_html(const json_t *d, size_t *len);

#endif
