/* Unit tests for the read stage (nsum/text.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nsum/text.h"

static nsum_status init(nsum_text *t, const char *s, size_t n, unsigned flags,
	nsum_error *err)
{
	nsum_error_init(err);
	return nsum_text_init_bytes(t, s, n, "in.txt", flags, err);
}

static void test_plain_ascii(void **state)
{
	nsum_text t;
	nsum_error err;

	(void)state;
	assert_int_equal(init(&t, "Bonjour.\n", 9, 0, &err), NSUM_OK);
	assert_string_equal(t.data, "Bonjour.\n");
	assert_int_equal(t.len, 9);
	assert_false(t.had_bom);
	assert_false(t.normalized);
	nsum_text_finish(&t);
	assert_null(t.data);
}

static void test_bom_and_line_ends(void **state)
{
	const char in[] = "\xEF\xBB\xBFun\r\ndeux\rtrois\n";
	nsum_text t;
	nsum_error err;

	(void)state;
	assert_int_equal(init(&t, in, sizeof(in) - 1, 0, &err), NSUM_OK);
	assert_string_equal(t.data, "un\ndeux\ntrois\n");
	assert_true(t.had_bom);
	assert_int_equal(t.crlf, 2);
	nsum_text_finish(&t);
}

static void test_nfc(void **state)
{
	/* "e" + combining acute, then a precomposed "é" that must stay. */
	const char in[] = "cre\xCC\x81" "e, \xC3\xA9t\xC3\xA9";
	nsum_text t;
	nsum_error err;

	(void)state;
	assert_int_equal(init(&t, in, sizeof(in) - 1, 0, &err), NSUM_OK);
	assert_string_equal(t.data, "cr\xC3\xA9" "e, \xC3\xA9t\xC3\xA9");
	assert_true(t.normalized);
	nsum_text_finish(&t);
}

static void test_nbsp_kept(void **state)
{
	/* No-break spaces are text: they stay (the tokenizer treats them as
	 * spaces). */
	const char in[] = "Quoi\xE2\x80\xAF?\xC2\xA0Oui.";
	nsum_text t;
	nsum_error err;

	(void)state;
	assert_int_equal(init(&t, in, sizeof(in) - 1, 0, &err), NSUM_OK);
	assert_string_equal(t.data, in);
	nsum_text_finish(&t);
}

static void test_invalid_utf8_position(void **state)
{
	const char in[] = "ligne un\nd\xC3\xA9j\xC3\xA0 \xFF ici\n";
	nsum_text t;
	nsum_error err;
	char msg[512];

	(void)state;
	assert_int_equal(init(&t, in, sizeof(in) - 1, 0, &err), NSUM_EENCODING);
	assert_null(t.data);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 6); /* d é j à space 0xFF */
	nsum_error_format(&err, msg, sizeof(msg));
	assert_non_null(strstr(msg, "in.txt:2:6: invalid UTF-8 byte 0xFF"));
}

static void test_invalid_sequences(void **state)
{
	/* Overlong "/", a UTF-16 surrogate, a code point above U+10FFFF, a
	 * truncated sequence at the end. */
	const char *bad[] = { "a\xC0\xAF", "a\xED\xA0\x80", "a\xF4\x90\x80\x80",
		"a\xE2\x82" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		nsum_text t;
		nsum_error err;

		assert_int_equal(init(&t, bad[i], strlen(bad[i]), 0, &err),
			NSUM_EENCODING);
		assert_int_equal(err.line, 1);
		assert_int_equal(err.column, 2);
	}
}

static void test_lossy(void **state)
{
	const char in[] = "caf\xE9 cr\xC3\xA8me";
	nsum_text t;
	nsum_error err;

	(void)state;
	assert_int_equal(init(&t, in, sizeof(in) - 1, NSUM_READ_LOSSY, &err), NSUM_OK);
	assert_string_equal(t.data, "caf\xEF\xBF\xBD cr\xC3\xA8me");
	assert_int_equal(t.replaced, 1);
	nsum_text_finish(&t);
}

static void test_binary(void **state)
{
	const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	char controls[200];
	nsum_text t;
	nsum_error err;
	size_t i;

	(void)state;
	assert_int_equal(init(&t, png, sizeof(png) - 1, NSUM_READ_LOSSY, &err),
		NSUM_EBINARY);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.column, 1);
	for (i = 0; i < sizeof(controls); i++)
		controls[i] = (char)(i % 3 == 0 ? 0x01 : 'a');
	assert_int_equal(init(&t, controls, sizeof(controls), 0, &err), NSUM_EBINARY);
}

static void test_stray_control_becomes_space(void **state)
{
	const char in[] = "un\x01" "deux\x7F" "trois";
	nsum_text t;
	nsum_error err;

	(void)state;
	assert_int_equal(init(&t, in, sizeof(in) - 1, 0, &err), NSUM_OK);
	assert_string_equal(t.data, "un deux trois");
	nsum_text_finish(&t);
}

static void test_empty(void **state)
{
	nsum_text t;
	nsum_error err;

	(void)state;
	assert_int_equal(init(&t, "", 0, 0, &err), NSUM_EEMPTY);
	assert_int_equal(init(&t, " \n\t\xC2\xA0\n", 6, 0, &err), NSUM_EEMPTY);
	assert_int_equal(init(&t, "\xEF\xBB\xBF", 3, 0, &err), NSUM_EEMPTY);
	assert_int_equal(init(&t, "", 0, NSUM_READ_ALLOW_EMPTY, &err), NSUM_OK);
	assert_int_equal(t.len, 0);
	nsum_text_finish(&t);
}

static void test_files(void **state)
{
	char dir[] = "/tmp/nsum-test-XXXXXX", path[64];
	nsum_text t;
	nsum_error err;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	nsum_error_init(&err);
	assert_int_equal(nsum_text_init_file(&t, dir, 0, &err), NSUM_EIO);
	assert_string_equal(err.source, dir);
	snprintf(path, sizeof(path), "%s/missing.txt", dir);
	nsum_error_init(&err);
	assert_int_equal(nsum_text_init_file(&t, path, 0, &err), NSUM_EIO);
	assert_non_null(strstr(err.text, "No such file"));
	snprintf(path, sizeof(path), "%s/a.txt", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("Un texte.\r\n", f);
	fclose(f);
	nsum_error_init(&err);
	assert_int_equal(nsum_text_init_file(&t, path, 0, &err), NSUM_OK);
	assert_string_equal(t.data, "Un texte.\n");
	nsum_text_finish(&t);
	unlink(path);
	rmdir(dir);
}

static void test_position(void **state)
{
	const char s[] = "ab\n\xC3\xA9t\xC3\xA9 x";
	size_t line, col;

	(void)state;
	nsum_text_position(s, sizeof(s) - 1, 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	nsum_text_position(s, sizeof(s) - 1, 8, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 4);
}

static void test_long_line(void **state)
{
	size_t n = 10u << 20, i;
	char *big = malloc(n);
	nsum_text t;
	nsum_error err;

	(void)state;
	assert_non_null(big);
	for (i = 0; i < n; i++)
		big[i] = (char)(i % 7 == 6 ? ' ' : 'a' + (char)(i % 7));
	assert_int_equal(init(&t, big, n, 0, &err), NSUM_OK);
	assert_int_equal(t.len, n);
	nsum_text_finish(&t);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_ascii),
		cmocka_unit_test(test_bom_and_line_ends),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_nbsp_kept),
		cmocka_unit_test(test_invalid_utf8_position),
		cmocka_unit_test(test_invalid_sequences),
		cmocka_unit_test(test_lossy),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_stray_control_becomes_space),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_position),
		cmocka_unit_test(test_long_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
