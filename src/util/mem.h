/*
 * Small allocation helpers on top of nsum_malloc() and friends.
 */
#ifndef NSUM_UTIL_MEM_H
#define NSUM_UTIL_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nsum/alloc.h"

/* Zeroed array of n elements of size bytes; NULL on overflow or no memory. */
void *mem_calloc(size_t n, size_t size);

/*
 * Grow the array *ptr (capacity *cap elements of size bytes) to hold at
 * least need elements, doubling.  Returns 0, or -1 on no memory, with *ptr
 * and *cap unchanged.
 */
int mem_grow(void **ptr, size_t *cap, size_t need, size_t size);

/* Copy of s[0..n) with a final NUL; free with nsum_free(). */
char *mem_strndup(const char *s, size_t n);

#endif
