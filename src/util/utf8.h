/*
 * UTF-8 helpers for text that nsum_text has already validated.
 *
 * Character classes come from utf8proc's Unicode tables, never from
 * <ctype.h>, which knows nothing of UTF-8.  White space includes the
 * no-break spaces French typography puts before : ; ! ? and inside « ».
 */
#ifndef NSUM_UTIL_UTF8_H
#define NSUM_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/*
 * Decode the character at s[i] (s holds n bytes, valid UTF-8) into *cp and
 * return its length in bytes (1..4).  Returns 1 with *cp = U+FFFD if the
 * bytes are not valid after all, so that a scan always moves forward.
 */
size_t u8_decode(const char *s, size_t n, size_t i, int32_t *cp);

/*
 * Decode the character that ends just before s[i] (i > 0) into *cp and
 * return its length.  Returns 0 when i == 0.
 */
size_t u8_decode_prev(const char *s, size_t i, int32_t *cp);

/* Encode cp into out (at least 4 bytes); returns the length (1..4). */
size_t u8_encode(int32_t cp, char *out);

bool u8_is_space(int32_t cp);   /* Zs, tab, newlines, U+00A0, U+202F ... */
bool u8_is_letter(int32_t cp);  /* L* or M* (marks stay with letters) */
bool u8_is_digit(int32_t cp);   /* Nd */
bool u8_is_upper(int32_t cp);   /* Lu or Lt */
bool u8_is_lower(int32_t cp);   /* Ll */
bool u8_is_alnum(int32_t cp);   /* letter or digit */
bool u8_is_apostrophe(int32_t cp); /* ' U+2019 U+02BC */
bool u8_is_hyphen(int32_t cp);  /* - U+2010 U+2011 (word-internal hyphens) */
bool u8_is_dash(int32_t cp);    /* U+2012..U+2015, U+2212 (never inside words) */

/*
 * Append the lower-case form of s[0..n) to b (simple per-character case
 * mapping, which keeps NFC text NFC).  Returns 0, or -1 on no memory.
 */
int u8_lower_append(nsum_buf *b, const char *s, size_t n);

/* Display width in columns of s[0..n) (for aligned terminal output). */
size_t u8_width(const char *s, size_t n);

/* Number of characters (code points) in s[0..n). */
size_t u8_length(const char *s, size_t n);

#endif
