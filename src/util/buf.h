/*
 * A growable byte buffer.  init/finish on caller memory; the bytes are
 * always NUL-terminated once anything has been appended.
 */
#ifndef NSUM_UTIL_BUF_H
#define NSUM_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct nsum_buf {
	char *data;  /* owned; NULL until the first append */
	size_t len;  /* bytes used, without the final NUL */
	size_t cap;  /* bytes allocated */
} nsum_buf;

void buf_init(nsum_buf *b);
void buf_finish(nsum_buf *b);           /* frees; b may be NULL */
void buf_clear(nsum_buf *b);            /* len = 0, keeps the memory */

/* buf_reserve() when the room is not there yet.  Call buf_reserve(). */
int buf_reserve_grow(nsum_buf *b, size_t n);

/* Make room for n more bytes.  Returns 0, or -1 on no memory (b intact). */
static inline int buf_reserve(nsum_buf *b, size_t n)
{
	if (n < b->cap - b->len)
		return 0;
	return buf_reserve_grow(b, n);
}

/*
 * buf_append() when the bytes may not fit: grows b first.  Call
 * buf_append() instead.
 */
int buf_append_grow(nsum_buf *b, const char *s, size_t n);

/*
 * Appenders return 0, or -1 on no memory (b intact, as before the call).
 * buf_append() and buf_putc() are inline: renderers and the cleaner append
 * a character at a time, and the room is nearly always there.
 */
static inline int buf_append(nsum_buf *b, const char *s, size_t n)
{
	if (n >= b->cap - b->len)
		return buf_append_grow(b, s, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

static inline int buf_putc(nsum_buf *b, char c)
{
	if (b->cap - b->len < 2)
		return buf_append_grow(b, &c, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	return 0;
}

int buf_puts(nsum_buf *b, const char *s);
int buf_printf(nsum_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
int buf_vprintf(nsum_buf *b, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 0)))
#endif
	;

/*
 * Hand the bytes to the caller (free with nsum_free()) and leave b empty.
 * Returns an empty string, newly allocated, when nothing was appended;
 * NULL on no memory.
 */
char *buf_steal(nsum_buf *b);

#endif
