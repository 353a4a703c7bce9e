/*
 * jansson on nsum's terms (see util/json.h).
 */
#include <string.h>

#include "util/json.h"

/* The state of one json_dump_append(): failed is sticky. */
typedef struct dump_sink {
	nsum_buf *b;
	bool failed;
} dump_sink;

static int append(const char *s, size_t n, void *data)
{
	dump_sink *k = data;

	if (k->failed || buf_append(k->b, s, n) < 0) {
		k->failed = true;
		return -1;
	}
	return 0;
}

int json_dump_append(const json_t *j, size_t flags, nsum_buf *b)
{
	dump_sink k = { b, false };

	return json_dump_callback(j, append, &k, flags) != 0 || k.failed ? -1 : 0;
}

bool json_failed_on_memory(const json_error_t *je, const json_error_t *again)
{
	return !je->text[0] || json_error_code(je) == json_error_out_of_memory ||
		je->line != again->line || je->column != again->column ||
		strcmp(je->text, again->text) != 0;
}
