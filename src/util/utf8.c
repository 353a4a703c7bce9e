/*
 * UTF-8 decoding and character classes (see utf8.h).  ASCII takes a fast
 * path everywhere; everything else asks utf8proc.
 */
#include <utf8proc.h>

#include "util/utf8.h"

size_t u8_decode(const char *s, size_t n, size_t i, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s + i;
	utf8proc_int32_t c;
	utf8proc_ssize_t len;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	len = utf8proc_iterate(p, (utf8proc_ssize_t)(n - i), &c);
	if (len <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)len;
}

size_t u8_decode_prev(const char *s, size_t i, int32_t *cp)
{
	size_t j = i;

	if (i == 0) {
		*cp = 0;
		return 0;
	}
	j--;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	if (u8_decode(s, i, j, cp) != i - j) {
		*cp = (unsigned char)s[i - 1];
		return 1;
	}
	return i - j;
}

size_t u8_encode(int32_t cp, char *out)
{
	utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);

	return n > 0 ? (size_t)n : 0;
}

bool u8_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	switch (cp) {
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000: case 0x200B: case 0xFEFF:
		return true;
	}
	return cp >= 0x2000 && cp <= 0x200A;
}

bool u8_is_letter(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
		(c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

bool u8_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool u8_is_upper(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool u8_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool u8_is_alnum(int32_t cp)
{
	return u8_is_letter(cp) || u8_is_digit(cp);
}

bool u8_is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

bool u8_is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

bool u8_is_dash(int32_t cp)
{
	return (cp >= 0x2012 && cp <= 0x2015) || cp == 0x2212;
}

int u8_lower_append(nsum_buf *b, const char *s, size_t n)
{
	size_t i = 0, start = 0;
	char enc[4];

	if (buf_reserve(b, n) < 0)
		return -1;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp, lo;
		size_t k;

		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z') {
				if (buf_append(b, s + start, i - start) < 0)
					return -1;
				if (buf_putc(b, (char)(c | 0x20)) < 0)
					return -1;
				start = i + 1;
			}
			i++;
			continue;
		}
		k = u8_decode(s, n, i, &cp);
		lo = utf8proc_tolower(cp);
		if (lo != cp) {
			if (buf_append(b, s + start, i - start) < 0)
				return -1;
			if (buf_append(b, enc, u8_encode(lo, enc)) < 0)
				return -1;
			start = i + k;
		}
		i += k;
	}
	return buf_append(b, s + start, n - start);
}

size_t u8_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		int32_t cp;

		i += u8_decode(s, n, i, &cp);
		w += cp < 0x80 ? 1 : (size_t)utf8proc_charwidth(cp);
	}
	return w;
}

size_t u8_length(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}
