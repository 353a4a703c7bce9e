/*
 * Error reports: first error wins, formatted like a compiler's messages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "nsum/error.h"

/*
 * s[0..size) was just filled by snprintf(), which returned n: when the text
 * did not fit, cut it before the UTF-8 sequence that the cut left
 * incomplete, so that a message made of UTF-8 parts stays UTF-8.
 */
static void fit(char *s, size_t size, int n)
{
	size_t len, i, need;
	unsigned char lead;

	if (n < 0 || (size_t)n < size)
		return;
	len = strlen(s);
	i = len;
	while (i > 0 && len - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	lead = (unsigned char)s[i - 1];
	need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (len - (i - 1) < need)
		s[i - 1] = '\0';
}

void nsum_error_init(nsum_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof(*err));
}

nsum_status nsum_error_set(nsum_error *err, nsum_status status,
	const char *source, size_t line, size_t column, const char *fmt, ...)
{
	va_list ap;

	if (!err || err->status != NSUM_OK)
		return status;
	err->status = status;
	fit(err->source, sizeof(err->source), snprintf(err->source,
		sizeof(err->source), "%s", source ? source : ""));
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	fit(err->text, sizeof(err->text),
		vsnprintf(err->text, sizeof(err->text), fmt, ap));
	va_end(ap);
	return status;
}

char *nsum_error_format(const nsum_error *err, char *buf, size_t size)
{
	int n = 0;

	if (!size)
		return buf;
	buf[0] = '\0';
	if (!err)
		return buf;
	if (err->source[0] && err->line && err->column)
		n = snprintf(buf, size, "%s:%zu:%zu: ", err->source, err->line,
			err->column);
	else if (err->source[0] && err->line)
		n = snprintf(buf, size, "%s:%zu: ", err->source, err->line);
	else if (err->source[0])
		n = snprintf(buf, size, "%s: ", err->source);
	if (n < 0 || (size_t)n >= size) {
		fit(buf, size, n);
		return buf;
	}
	fit(buf + n, size - (size_t)n, snprintf(buf + n, size - (size_t)n, "%s",
		err->text[0] ? err->text : nsum_status_string(err->status)));
	return buf;
}

const char *nsum_status_string(nsum_status status)
{
	switch (status) {
	case NSUM_OK: return "success";
	case NSUM_ENOMEM: return "out of memory";
	case NSUM_EIO: return "input/output error";
	case NSUM_EENCODING: return "invalid UTF-8";
	case NSUM_EBINARY: return "binary data";
	case NSUM_EEMPTY: return "empty input";
	case NSUM_EFORMAT: return "malformed input";
	case NSUM_EINVAL: return "invalid argument";
	case NSUM_ELIMIT: return "input too large";
	}
	return "unknown error";
}
