/*
 * Growable byte buffer (see buf.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

void buf_init(nsum_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_finish(nsum_buf *b)
{
	if (!b)
		return;
	nsum_free(b->data);
	buf_init(b);
}

void buf_clear(nsum_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

int buf_reserve_grow(nsum_buf *b, size_t n)
{
	if (n > SIZE_MAX - b->len - 1)
		return -1;
	return mem_grow((void **)&b->data, &b->cap, b->len + n + 1, 1);
}

int buf_append_grow(nsum_buf *b, const char *s, size_t n)
{
	if (buf_reserve(b, n) < 0)
		return -1;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int buf_puts(nsum_buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

int buf_vprintf(nsum_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || buf_reserve(b, (size_t)n) < 0)
		return -1;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int buf_printf(nsum_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *buf_steal(nsum_buf *b)
{
	char *p;

	if (!b->data && buf_reserve(b, 0) < 0)
		return NULL;
	b->data[b->len] = '\0';
	p = b->data;
	buf_init(b);
	return p;
}
