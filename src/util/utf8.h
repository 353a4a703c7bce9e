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
 * The slow paths of the inline functions below, for what is not ASCII
 * (or Latin-1, for the classes).  Call the inline functions instead.
 */
size_t u8_decode_multi(const char *s, size_t n, size_t i, int32_t *cp);
bool u8_is_space_multi(int32_t cp);
bool u8_is_letter_multi(int32_t cp);
bool u8_is_digit_multi(int32_t cp);
bool u8_is_upper_multi(int32_t cp);
bool u8_is_lower_multi(int32_t cp);

/*
 * Decode the character at s[i] (s holds n bytes, valid UTF-8) into *cp and
 * return its length in bytes (1..4).  Returns 1 with *cp = U+FFFD if the
 * bytes are not valid after all, so that a scan always moves forward.
 * Inline: every stage decodes every character, and most are ASCII.
 */
static inline size_t u8_decode(const char *s, size_t n, size_t i, int32_t *cp)
{
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	return u8_decode_multi(s, n, i, cp);
}

/* The slow path of u8_decode_prev(). */
size_t u8_decode_prev_multi(const char *s, size_t i, int32_t *cp);

/*
 * Decode the character that ends just before s[i] (i > 0) into *cp and
 * return its length.  Returns 0 (and *cp = 0) when i == 0.
 */
static inline size_t u8_decode_prev(const char *s, size_t i, int32_t *cp)
{
	if (i > 0 && (unsigned char)s[i - 1] < 0x80) {
		*cp = (unsigned char)s[i - 1];
		return 1;
	}
	return u8_decode_prev_multi(s, i, cp);
}

/* Encode cp into out (at least 4 bytes); returns the length (1..4). */
size_t u8_encode(int32_t cp, char *out);

/*
 * Character classes.  ASCII and Latin-1 (U+0080..U+00FF) are answered
 * here, the same as utf8proc's tables answer them; the rest asks utf8proc.
 */

/* Zs, tab, newlines, U+00A0, U+202F ... */
static inline bool u8_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return u8_is_space_multi(cp);
}

/* L* or M* (marks stay with letters) */
static inline bool u8_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp >= 0xC0 && cp <= 0xFF)
		return cp != 0xD7 && cp != 0xF7;
	return u8_is_letter_multi(cp);
}

/* Nd (Latin-1 has none outside ASCII) */
static inline bool u8_is_digit(int32_t cp)
{
	if (cp < 0x100)
		return cp >= '0' && cp <= '9';
	return u8_is_digit_multi(cp);
}

/* Lu or Lt */
static inline bool u8_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xC0 && cp <= 0xFF)
		return cp <= 0xDE && cp != 0xD7;
	return u8_is_upper_multi(cp);
}

/* Ll */
static inline bool u8_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	if (cp >= 0xC0 && cp <= 0xFF)
		return cp >= 0xDF && cp != 0xF7;
	return u8_is_lower_multi(cp);
}

/* letter or digit */
static inline bool u8_is_alnum(int32_t cp)
{
	return u8_is_letter(cp) || u8_is_digit(cp);
}

/* ' U+2019 U+02BC */
static inline bool u8_is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/* - U+2010 U+2011 (word-internal hyphens) */
static inline bool u8_is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* U+2012..U+2015, U+2212 (never inside words) */
static inline bool u8_is_dash(int32_t cp)
{
	return (cp >= 0x2012 && cp <= 0x2015) || cp == 0x2212;
}

/*
 * Append the lower-case form of s[0..n) to b (simple per-character case
 * mapping, which keeps NFC text NFC).  Returns 0, or -1 on no memory.
 */
int u8_lower_append(nsum_buf *b, const char *s, size_t n);

/*
 * Whether NFC could change s[0..n) (valid UTF-8): it holds a character that
 * composes, reorders or decomposes.  A scan that skips everything below
 * U+0300; false means s is already NFC.
 */
bool u8_needs_nfc(const char *s, size_t n);

/* Display width in columns of s[0..n) (for aligned terminal output). */
size_t u8_width(const char *s, size_t n);

/* Number of characters (code points) in s[0..n). */
size_t u8_length(const char *s, size_t n);

#endif
