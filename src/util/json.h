/*
 * jansson on nsum's terms: writing JSON into an nsum_buf so that a failed
 * allocation always fails the whole dump, and telling a parse that ran out
 * of memory from bad JSON.
 *
 * jansson 2.14 does not check the result of writing an object's key
 * (do_dump() ignores dump_string()'s status), so json_dumps() can return
 * a string with a key cut short when one allocation fails and the next
 * succeeds.  And its parser reports some failed allocations as syntax
 * errors ("invalid token") or with no message at all.
 */
#ifndef NSUM_UTIL_JSON_H
#define NSUM_UTIL_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "util/buf.h"

/*
 * Append the JSON text of j (flags as for json_dumps()) to b.  Returns 0,
 * or -1 on no memory: once an append fails, every later one fails too,
 * so the output is never a torn mix.  b then holds part of the text.
 */
int json_dump_append(const json_t *j, size_t flags, nsum_buf *b);

/*
 * Whether a parse that failed with je was out of memory rather than bad
 * JSON, given again, the error of a second parse of the same bytes that
 * failed too: a real syntax error comes back the same.
 */
bool json_failed_on_memory(const json_error_t *je, const json_error_t *again);

#endif
