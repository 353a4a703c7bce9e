/*
 * Helpers shared by the fuzz targets (see fuzz.h): failing loudly and the
 * checks every rendered string must pass.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Print "invariant failed: " and the message on stderr. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 0)))
#endif
static void vsay(const char *fmt, va_list ap)
{
	fputs("invariant failed: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	fflush(stderr);
}

void fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	abort();
}

void fuzz_check(bool ok, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return;
	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	abort();
}

bool fuzz_utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned char b = s[i];
		size_t k, j;
		uint32_t cp;

		if (b < 0x80) {
			i++;
			continue;
		}
		if (b >= 0xC2 && b <= 0xDF) {
			k = 2;
			cp = b & 0x1F;
		} else if (b >= 0xE0 && b <= 0xEF) {
			k = 3;
			cp = b & 0x0F;
		} else if (b >= 0xF0 && b <= 0xF4) {
			k = 4;
			cp = b & 0x07;
		} else {
			return false;
		}
		if (n - i < k)
			return false;
		for (j = 1; j < k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if ((k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000) ||
			cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += k;
	}
	return true;
}

void fuzz_check_output(const char *what, const char *s, size_t len)
{
	if (!s)
		fuzz_fail("%s returned NULL", what);
	fuzz_check(strlen(s) == len, "%s: length %zu, but strlen %zu", what, len,
		strlen(s));
	fuzz_check(fuzz_utf8_valid(s, len), "%s: output is not valid UTF-8",
		what);
}

json_t *fuzz_parse_json(const char *what, const char *s, size_t len)
{
	json_error_t je;
	json_t *j = json_loadb(s, len, 0, &je);

	if (!j)
		fuzz_fail("%s: output is not JSON: %d:%d: %s", what, je.line,
			je.column, je.text);
	return j;
}
