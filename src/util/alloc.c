/*
 * The allocator every part of libnsum goes through, replaceable for fault
 * injection (see nsum/alloc.h).
 */
#include <stdlib.h>

#include <jansson.h>

#include "nsum/alloc.h"
#include "util/mem.h"

static nsum_malloc_fn do_malloc = malloc;
static nsum_realloc_fn do_realloc = realloc;
static nsum_free_fn do_free = free;

void nsum_set_alloc_funcs(nsum_malloc_fn m, nsum_realloc_fn r, nsum_free_fn f)
{
	do_malloc = m ? m : malloc;
	do_realloc = r ? r : realloc;
	do_free = f ? f : free;
	/* jansson allocates the JSON the renderers build: same allocator. */
	json_set_alloc_funcs(nsum_malloc, nsum_free);
}

void *nsum_malloc(size_t size)
{
	return do_malloc(size ? size : 1);
}

void *nsum_realloc(void *ptr, size_t size)
{
	return do_realloc(ptr, size ? size : 1);
}

void nsum_free(void *ptr)
{
	if (ptr)
		do_free(ptr);
}

void *mem_calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		return NULL;
	p = nsum_malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

int mem_grow(void **ptr, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return -1;
		ncap *= 2;
	}
	if (size && ncap > SIZE_MAX / size)
		return -1;
	p = nsum_realloc(*ptr, ncap * size);
	if (!p)
		return -1;
	*ptr = p;
	*cap = ncap;
	return 0;
}

char *mem_strndup(const char *s, size_t n)
{
	char *p = nsum_malloc(n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
