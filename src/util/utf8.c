/*
 * UTF-8 decoding and character classes (see utf8.h).  ASCII and Latin-1
 * take the inline fast paths of utf8.h; the functions here are the slow
 * paths, which ask utf8proc.  The *_multi functions answer for any code
 * point, so that a test can compare them with the inline ones.
 */
#include <string.h>

#include <utf8proc.h>

#include "util/utf8.h"

size_t u8_decode_multi(const char *s, size_t n, size_t i, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s + i;
	utf8proc_int32_t c;
	utf8proc_ssize_t len;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	/* Two bytes (Latin-1 accents, most of French): no library call. */
	if (p[0] >= 0xC2 && p[0] <= 0xDF && n - i >= 2 &&
		(p[1] & 0xC0) == 0x80) {
		*cp = ((int32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		return 2;
	}
	len = utf8proc_iterate(p, (utf8proc_ssize_t)(n - i), &c);
	if (len <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)len;
}

size_t u8_decode_prev_multi(const char *s, size_t i, int32_t *cp)
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

bool u8_is_space_multi(int32_t cp)
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

bool u8_is_letter_multi(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
		(c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

bool u8_is_digit_multi(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool u8_is_upper_multi(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool u8_is_lower_multi(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int u8_lower_append(nsum_buf *b, const char *s, size_t n)
{
	size_t i = 0;
	char *d;

	/*
	 * A lower-case form is at most half as long again (Ⱥ, 2 bytes, gives
	 * ⱥ, 3 bytes): room for that, then write straight into the buffer.
	 */
	if (buf_reserve(b, n + n / 2 + 4) < 0)
		return -1;
	d = b->data + b->len;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp, lo;
		size_t k;

		if (c < 0x80) {
			*d++ = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
			i++;
			continue;
		}
		/* U+00C0..U+00FF: À..Þ (not ×) are +0x20, the rest stays. */
		if (c == 0xC3 && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			unsigned char c2 = (unsigned char)s[i + 1];

			*d++ = (char)c;
			*d++ = (char)(c2 <= 0x9E && c2 != 0x97 ? c2 + 0x20 : c2);
			i += 2;
			continue;
		}
		k = u8_decode(s, n, i, &cp);
		lo = utf8proc_tolower(cp);
		if (lo != cp) {
			d += u8_encode(lo, d);
		} else {
			memcpy(d, s + i, k);
			d += k;
		}
		i += k;
	}
	b->len = (size_t)(d - b->data);
	b->data[b->len] = '\0';
	return 0;
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

bool u8_needs_nfc(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp;
		const utf8proc_property_t *p;

		if ((unsigned char)s[i] < 0xCC) {
			/* Below U+0300 nothing changes under NFC. */
			i++;
			continue;
		}
		if (((unsigned char)s[i] & 0xC0) == 0x80) {
			i++;
			continue;
		}
		i += u8_decode(s, n, i, &cp);
		if (cp < 0x300)
			continue;
		p = utf8proc_get_property(cp);
		if (p->combining_class != 0 || p->comb_index != UINT16_MAX ||
			p->comp_exclusion ||
			(p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0))
			return true;
	}
	return false;
}
