/*
 * The read stage: bytes in, normalized text out.
 *
 * Input is validated as UTF-8 (an invalid sequence is an error naming its
 * line and column, or is replaced by U+FFFD with NSUM_READ_LOSSY), a leading
 * byte order mark is dropped, CRLF and lone CR become LF, and the text is put
 * in Unicode NFC.  NUL bytes and runs of control characters mark a binary
 * file; a text of only white space is empty.  Both are errors.
 *
 * All byte offsets that later stages report (sentences, terms) index into
 * nsum_text.data.  For a file that is already NFC, LF-terminated and without
 * a BOM -- nearly every real file -- they are the file's own offsets.
 */
#ifndef NSUM_TEXT_H
#define NSUM_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "nsum/error.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
	NSUM_READ_LOSSY = 1u << 0, /* replace invalid UTF-8 by U+FFFD */
	NSUM_READ_ALLOW_EMPTY = 1u << 1, /* an empty text is not an error */
};

typedef struct nsum_text {
	char *data;        /* normalized UTF-8, NUL-terminated; owned */
	size_t len;        /* bytes in data, without the final NUL */
	size_t replaced;   /* invalid sequences replaced (NSUM_READ_LOSSY) */
	bool had_bom;      /* a UTF-8 byte order mark was removed */
	size_t crlf;       /* line ends converted from CRLF or CR */
	bool normalized;   /* NFC changed the text */
} nsum_text;

/*
 * Normalize len bytes at bytes into *out (initialized here).  source names
 * the input in error messages ("<stdin>" when NULL).  flags: NSUM_READ_*.
 * On failure *out is left empty (data NULL) and err says why, where.
 * Free with nsum_text_finish().
 */
nsum_status nsum_text_init_bytes(nsum_text *out, const char *bytes, size_t len,
	const char *source, unsigned flags, nsum_error *err);

/*
 * Read the file at path ("-" for standard input) and normalize it as
 * nsum_text_init_bytes() does.  I/O failures are NSUM_EIO with the system's
 * reason in the message.
 */
nsum_status nsum_text_init_file(nsum_text *out, const char *path,
	unsigned flags, nsum_error *err);

/* Free what *text holds and leave it empty.  text may be NULL. */
void nsum_text_finish(nsum_text *text);

/*
 * Find the line and column (1-based, column in characters) of byte offset
 * off in data[0..len).  Used to turn an offset into a message position.
 */
void nsum_text_position(const char *data, size_t len, size_t off,
	size_t *line, size_t *column);

#ifdef __cplusplus
}
#endif

#endif
