/*
 * Error reports: first error wins, formatted like a compiler's messages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "nsum/error.h"

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
	snprintf(err->source, sizeof(err->source), "%s", source ? source : "");
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
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
	if (n < 0 || (size_t)n >= size)
		return buf;
	snprintf(buf + n, size - (size_t)n, "%s",
		err->text[0] ? err->text : nsum_status_string(err->status));
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
