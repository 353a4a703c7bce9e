/*
 * A growable byte buffer.  init/finish on caller memory; the bytes are
 * always NUL-terminated once anything has been appended.
 */
#ifndef NSUM_UTIL_BUF_H
#define NSUM_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct nsum_buf {
	char *data;  /* owned; NULL until the first append */
	size_t len;  /* bytes used, without the final NUL */
	size_t cap;  /* bytes allocated */
} nsum_buf;

void buf_init(nsum_buf *b);
void buf_finish(nsum_buf *b);           /* frees; b may be NULL */
void buf_clear(nsum_buf *b);            /* len = 0, keeps the memory */

/* Make room for n more bytes.  Returns 0, or -1 on no memory (b intact). */
int buf_reserve(nsum_buf *b, size_t n);

/* Appenders return 0, or -1 on no memory (b intact, as before the call). */
int buf_append(nsum_buf *b, const char *s, size_t n);
int buf_puts(nsum_buf *b, const char *s);
int buf_putc(nsum_buf *b, char c);
int buf_printf(nsum_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
int buf_vprintf(nsum_buf *b, const char *fmt, va_list ap);

/*
 * Hand the bytes to the caller (free with nsum_free()) and leave b empty.
 * Returns an empty string, newly allocated, when nothing was appended;
 * NULL on no memory.
 */
char *buf_steal(nsum_buf *b);

#endif
