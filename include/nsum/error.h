/*
 * Status codes and error reports shared by every stage of libnsum.
 *
 * A function that can fail returns an nsum_status (or NULL) and, when the
 * caller passes a non-NULL nsum_error, fills it with where the problem is
 * (source name, line, column in characters) and a message that reads like a
 * compiler's.  The first error wins: once an nsum_error holds a failure,
 * later failures do not overwrite it, so the report names the root cause.
 */
#ifndef NSUM_ERROR_H
#define NSUM_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nsum_status {
	NSUM_OK = 0,
	NSUM_ENOMEM,    /* an allocation failed */
	NSUM_EIO,       /* a file could not be read or written */
	NSUM_EENCODING, /* the input is not valid UTF-8 */
	NSUM_EBINARY,   /* the input holds binary data (NUL or control bytes) */
	NSUM_EEMPTY,    /* the input holds no text */
	NSUM_EFORMAT,   /* malformed structured input: JSON, model file, CSV */
	NSUM_EINVAL,    /* an invalid argument or option value */
	NSUM_ELIMIT,    /* the input exceeds a documented limit */
} nsum_status;

#define NSUM_ERROR_SOURCE_MAX 256
#define NSUM_ERROR_TEXT_MAX 256

typedef struct nsum_error {
	nsum_status status;                  /* NSUM_OK until a failure is set */
	char source[NSUM_ERROR_SOURCE_MAX];  /* file name, "<stdin>" or "" */
	size_t line;                         /* 1-based; 0 when not about a line */
	size_t column;                       /* 1-based, in characters; 0 if none */
	char text[NSUM_ERROR_TEXT_MAX];      /* what went wrong, no trailing dot */
} nsum_error;

/* Reset err to "no error".  err may be NULL. */
void nsum_error_init(nsum_error *err);

/*
 * Record a failure in err unless it already holds one (first error wins).
 * source may be NULL; line and column may be 0.  err may be NULL, in which
 * case nothing happens.  Returns status, so that a caller can write
 * `return nsum_error_set(err, NSUM_EIO, path, 0, 0, "...")`.
 */
nsum_status nsum_error_set(nsum_error *err, nsum_status status,
	const char *source, size_t line, size_t column, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 7)))
#endif
	;

/*
 * Write err as "source:line:column: text" into buf (at most size bytes,
 * always NUL-terminated when size > 0), leaving out the parts that are
 * empty or 0.  Returns buf.
 */
char *nsum_error_format(const nsum_error *err, char *buf, size_t size);

/* A short, constant, lower-case name for status ("invalid UTF-8", ...). */
const char *nsum_status_string(nsum_status status);

#ifdef __cplusplus
}
#endif

#endif
