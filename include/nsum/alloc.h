/*
 * Memory allocation used by libnsum.
 *
 * Every allocation the library makes itself goes through the functions set
 * here (by default the C library's malloc, realloc and free).  Tests use this
 * to make the N-th allocation fail and check that every path reports
 * NSUM_ENOMEM cleanly.  The setting is process-wide: set it once, before any
 * other call, and not while another thread uses the library.
 */
#ifndef NSUM_ALLOC_H
#define NSUM_ALLOC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void *(*nsum_malloc_fn)(size_t size);
typedef void *(*nsum_realloc_fn)(void *ptr, size_t size);
typedef void (*nsum_free_fn)(void *ptr);

/* Replace the allocator; passing NULL for all three restores the default. */
void nsum_set_alloc_funcs(nsum_malloc_fn m, nsum_realloc_fn r, nsum_free_fn f);

/* The library's allocator, for callers that free what the library returns. */
void *nsum_malloc(size_t size);
void *nsum_realloc(void *ptr, size_t size);
void nsum_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif
