/* Unit tests for the JSON-lines reader of the command line (src/cli/common.c):
 * jsonl_parse() reads the common line without jansson's parser, and must
 * answer exactly as json_loadb() does -- the same object, or the same
 * error -- for every line, odd ones included. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/*
 * What jsonl_parse() must do with line[0..n), by jansson alone: NSUM_OK and
 * the object, NSUM_EEMPTY for white space, or NSUM_EFORMAT and the message
 * nsum prints (column and text from jansson).
 */
static nsum_status reference(const char *line, size_t n, json_t **obj,
	char *msg, size_t size)
{
	json_error_t je;
	size_t i;

	*obj = NULL;
	for (i = 0; i < n && strchr(" \t\r\n", line[i]); i++)
		;
	if (i == n)
		return NSUM_EEMPTY;
	*obj = json_loadb(line, n, 0, &je);
	if (!*obj) {
		snprintf(msg, size, "t.jsonl:7:%d: %s", je.column > 0 ? je.column : 1,
			je.text);
		return NSUM_EFORMAT;
	}
	if (!json_is_object(*obj)) {
		json_decref(*obj);
		*obj = NULL;
		snprintf(msg, size, "t.jsonl:7:1: expected a JSON object on each line");
		return NSUM_EFORMAT;
	}
	return NSUM_OK;
}

/* jsonl_parse() on line[0..n) against reference(). */
static void check_line(const char *line, size_t n)
{
	char want_msg[600], got_msg[600];
	json_t *want = NULL, *got = NULL;
	nsum_status ws, gs;
	nsum_error err;

	nsum_error_init(&err);
	ws = reference(line, n, &want, want_msg, sizeof(want_msg));
	gs = jsonl_parse(line, n, "t.jsonl", 7, &got, &err);
	assert_int_equal(gs, ws);
	if (ws == NSUM_OK) {
		char *a = json_dumps(want, JSON_COMPACT), *b = json_dumps(got, JSON_COMPACT);

		/* Same members, same values, same order. */
		assert_non_null(a);
		assert_non_null(b);
		assert_string_equal(b, a);
		free(a);
		free(b);
	} else if (ws == NSUM_EFORMAT) {
		assert_null(got);
		assert_string_equal(nsum_error_format(&err, got_msg, sizeof(got_msg)),
			want_msg);
	}
	json_decref(want);
	json_decref(got);
}

static void test_lines(void **state)
{
	static const char *const lines[] = {
		"{\"id\": \"1\", \"title\": \"Titre\", \"text\": \"Un texte.\"}\n",
		"  {\"text\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\"}  \r\n",
		"{}", "{ }\n", "\n", "   \t", "[]", "\"x\"", "{\"a\":1}", "{\"a\":null}",
		"{\"a\":\"x\",}", "{\"a\" \"x\"}", "{\"a\":\"x\"} {", "{\"a\":\"x\"",
		"{\"a\":\"\\u0000\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00x\"}",
		"{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}",
		"{\"a\":\"\x01\"}", "{\"a\":\"\xff\"}", "{\"\xc3\":\"x\"}",
		"{\"a\":\"\xed\xa0\x80\"}", "{\"a\":\"x\",\"a\":\"y\"}",
		"{\"a\":true}", "{\"a\":{\"b\":\"c\"}}", "{\"a\":[\"b\"]}",
		"\xef\xbb\xbf{\"a\":\"x\"}", "{\"a\":nul}", "{\"a\":\"x\"}x",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lines) / sizeof(*lines); i++)
		check_line(lines[i], strlen(lines[i]));
	/* A NUL byte inside and outside a string. */
	check_line("{\"a\":\"x\0y\"}", 11);
	check_line("{\"a\":\"x\"}\0", 10);
}

/* Lines pieced together at random from JSON fragments, valid or not. */
static void test_random_lines(void **state)
{
	static const char *const pieces[] = {
		"{", "}", "\"", "\\", "\\\"", "\\\\", "\\/", "\\b", "\\n", "\\t",
		"\\u00e9", "\\u0000", "\\uD83D\\uDE00", "\\uD83D", "\\uDE00", "\\u12",
		"\\x", ":", ",", " ", "\t", "\n", "null", "true", "1", "[", "]", "a",
		"\xc3\xa9", "\xff", "\xc3", "\x01", "\x7f", "\"id\"", "\"text\"",
		"\"a\":\"b\"", "\"a\":null", ",\"a\":\"c\"", "\xe2\x82\xac",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\\uFFFF",
	};
	char line[400];
	unsigned long r = 12345;
	int t, q;

	(void)state;
	for (t = 0; t < 200000; t++) {
		size_t n = 0;
		int k;

		r = r * 6364136223846793005ul + 1442695040888963407ul;
		k = (int)(r >> 59);
		if (t % 3 == 0)
			n = (size_t)snprintf(line, sizeof(line),
				"{\"id\": \"%d\", \"title\": \"T\", \"text\": \"", t);
		for (q = 0; q < k; q++) {
			const char *p;
			size_t m;

			r = r * 6364136223846793005ul + 1442695040888963407ul;
			p = pieces[(r >> 33) % (sizeof(pieces) / sizeof(*pieces))];
			m = strlen(p);
			if (n + m + 3 < sizeof(line)) {
				memcpy(line + n, p, m);
				n += m;
			}
		}
		if (t % 3 == 0) {
			memcpy(line + n, "\"}\n", 3);
			n += 3;
		}
		check_line(line, n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_random_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
