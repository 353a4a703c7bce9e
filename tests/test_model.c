/* Unit tests for document-frequency models (nsum/model.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nsum/alloc.h"
#include "nsum/model.h"

static void add(nsum_model *m, const char *words)
{
	const char *stems[16];
	size_t lens[16], n = 0;
	const char *p = words;

	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);

		stems[n] = p;
		lens[n++] = len;
		p += len + (sp != NULL);
	}
	assert_int_equal(nsum_model_add_document(m, stems, lens, n, NULL), NSUM_OK);
}

static char *format(const nsum_model *m)
{
	size_t len;
	char *s = nsum_model_format(m, &len);

	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	return s;
}

static void test_counts_and_format(void **state)
{
	nsum_model *m = nsum_model_create(NULL);
	char *s;

	(void)state;
	add(m, "paix accord paix");
	add(m, "accord garant");
	assert_int_equal(nsum_model_documents(m), 2);
	assert_int_equal(nsum_model_df(m, "paix", 4), 1);   /* once per doc */
	assert_int_equal(nsum_model_df(m, "accord", 6), 2);
	assert_int_equal(nsum_model_df(m, "absent", 6), 0);
	s = format(m);
	assert_string_equal(s, "nsum-model 1\ndocuments 2\nstems 3\n"
		"accord\t2\ngarant\t1\npaix\t1\n");
	nsum_free(s);
	nsum_model_destroy(m);
}

static void test_merge_equals_whole(void **state)
{
	nsum_model *a = nsum_model_create(NULL), *b = nsum_model_create(NULL);
	nsum_model *all = nsum_model_create(NULL);
	char *sa, *sall;

	(void)state;
	add(a, "paix accord");
	add(b, "accord s\xC3\xA9" "cur");
	add(b, "zz");
	add(all, "paix accord");
	add(all, "accord s\xC3\xA9" "cur");
	add(all, "zz");
	assert_int_equal(nsum_model_merge(a, b, NULL), NSUM_OK);
	sa = format(a);
	sall = format(all);
	assert_string_equal(sa, sall);
	nsum_free(sa);
	nsum_free(sall);
	nsum_model_destroy(a);
	nsum_model_destroy(b);
	nsum_model_destroy(all);
}

static char path[64];

static void write_file(const char *content)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static void test_roundtrip(void **state)
{
	nsum_model *m = nsum_model_create(NULL), *r;
	nsum_error err;
	char *s1, *s2;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/nsum-model-%d", (int)getpid());
	add(m, "a b c");
	add(m, "b c");
	nsum_error_init(&err);
	assert_int_equal(nsum_model_write_file(m, path, &err), NSUM_OK);
	r = nsum_model_read_file(path, &err);
	assert_non_null(r);
	s1 = format(m);
	s2 = format(r);
	assert_string_equal(s1, s2);
	nsum_free(s1);
	nsum_free(s2);
	nsum_model_destroy(m);
	nsum_model_destroy(r);
	unlink(path);
}

static void expect_error(const char *content, size_t line, size_t col,
	const char *text)
{
	nsum_error err;
	nsum_model *m;

	write_file(content);
	nsum_error_init(&err);
	m = nsum_model_read_file(path, &err);
	assert_null(m);
	assert_int_equal(err.status, NSUM_EFORMAT);
	assert_int_equal(err.line, line);
	assert_int_equal(err.column, col);
	assert_non_null(strstr(err.text, text));
	assert_string_equal(err.source, path);
}

static void test_malformed(void **state)
{
	(void)state;
	snprintf(path, sizeof(path), "/tmp/nsum-model-%d", (int)getpid());
	expect_error("", 1, 1, "empty file");
	expect_error("hello\n", 1, 1, "not an nsum model");
	expect_error("nsum-model 1\ndocs 2\n", 2, 1, "documents N");
	expect_error("nsum-model 1\ndocuments x\nstems 0\n", 2, 11, "documents N");
	expect_error("nsum-model 1\ndocuments 2\n", 3, 1, "truncated header");
	expect_error("nsum-model 1\ndocuments 2\nstems 1\npaix 1\n", 4, 7,
		"stem<TAB>count");
	expect_error("nsum-model 1\ndocuments 2\nstems 1\npaix\t3\n", 4, 6,
		"between 1 and");
	expect_error("nsum-model 1\ndocuments 2\nstems 1\n\xC3\xA9t\xC3\xA9\tx\n", 4, 5,
		"document count");
	expect_error("nsum-model 1\ndocuments 2\nstems 2\nb\t1\na\t1\n", 5, 1,
		"out of order");
	expect_error("nsum-model 1\ndocuments 2\nstems 2\na\t1\na\t1\n", 5, 1,
		"twice");
	expect_error("nsum-model 1\ndocuments 2\nstems 3\na\t1\nb\t1\n", 5, 0,
		"truncated");
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_and_format),
		cmocka_unit_test(test_merge_equals_whole),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_malformed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
