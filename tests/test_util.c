/* Unit tests for the shared utilities: buffer, string map, UTF-8 classes,
 * errors, atomic files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nsum/error.h"
#include "nsum/alloc.h"
#include "nsum/file.h"
#include "util/buf.h"
#include "util/strmap.h"
#include "util/utf8.h"

static void test_buf(void **state)
{
	nsum_buf b;
	char *s;
	int i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 1000; i++)
		assert_int_equal(buf_printf(&b, "%d,", i % 10), 0);
	assert_int_equal(b.len, 2000);
	assert_int_equal(b.data[b.len], '\0');
	buf_clear(&b);
	assert_int_equal(buf_puts(&b, "abc"), 0);
	s = buf_steal(&b);
	assert_string_equal(s, "abc");
	assert_null(b.data);
	nsum_free(s);
	s = buf_steal(&b);
	assert_string_equal(s, "");
	nsum_free(s);
	buf_finish(&b);
	buf_finish(NULL);
}

static void test_strmap(void **state)
{
	strmap m;
	char key[32];
	uint32_t v, i;
	size_t it = 0, seen = 0, n;
	const char *k;

	(void)state;
	strmap_init(&m);
	assert_false(strmap_get(&m, "x", 1, &v));
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%u", i);
		assert_int_equal(strmap_intern(&m, key, strlen(key)), i);
	}
	assert_int_equal(strmap_intern(&m, "k42", 3), 42);
	assert_string_equal(strmap_key(&m, 4999, &n), "k4999");
	assert_int_equal(n, 5);
	while (strmap_next(&m, &it, &k, &n, &v))
		seen++;
	assert_int_equal(seen, 5000);
	strmap_finish(&m);

	/* Binary keys with NUL bytes are fine. */
	strmap_init(&m);
	assert_int_equal(strmap_put(&m, "a\0b", 3, 7), 0);
	assert_int_equal(strmap_put(&m, "a\0c", 3, 8), 0);
	assert_int_equal(strmap_put(&m, "a\0b", 3, 9), 0);
	assert_true(strmap_get(&m, "a\0b", 3, &v));
	assert_int_equal(v, 9);
	assert_int_equal(m.count, 2);
	strmap_finish(&m);
}

static void test_utf8(void **state)
{
	nsum_buf b;
	int32_t cp;

	(void)state;
	assert_true(u8_is_space(0xA0));
	assert_true(u8_is_space(0x202F));
	assert_true(u8_is_space('\n'));
	assert_false(u8_is_space('a'));
	assert_true(u8_is_letter(0xE9));
	assert_true(u8_is_letter(0x0301)); /* combining mark stays in words */
	assert_false(u8_is_letter('-'));
	assert_true(u8_is_upper(0xC9));
	assert_true(u8_is_digit('7'));
	assert_true(u8_is_apostrophe(0x2019));
	assert_true(u8_is_hyphen(0x2011));
	assert_true(u8_is_dash(0x2014));
	assert_int_equal(u8_decode("\xC3\xA9", 2, 0, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(u8_decode_prev("a\xC3\xA9", 3, &cp), 2);
	assert_int_equal(cp, 0xE9);
	buf_init(&b);
	assert_int_equal(u8_lower_append(&b, "\xC3\x89TATS-UNIS \xC5\x92UVRE", 18), 0);
	assert_string_equal(b.data, "\xC3\xA9tats-unis \xC5\x93uvre");
	buf_finish(&b);
	assert_int_equal(u8_length("\xC3\xA9t\xC3\xA9", 5), 3);
	assert_int_equal(u8_width("\xE6\x97\xA5", 3), 2);
}

static void test_error(void **state)
{
	nsum_error err;
	char buf[128];

	(void)state;
	nsum_error_init(&err);
	assert_int_equal(nsum_error_set(&err, NSUM_EFORMAT, "g.csv", 12, 7,
		"unterminated %s", "quoted field"), NSUM_EFORMAT);
	/* First error wins. */
	nsum_error_set(&err, NSUM_EIO, "other", 1, 1, "later");
	assert_string_equal(nsum_error_format(&err, buf, sizeof(buf)),
		"g.csv:12:7: unterminated quoted field");
	nsum_error_init(&err);
	nsum_error_set(&err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	assert_string_equal(nsum_error_format(&err, buf, sizeof(buf)), "out of memory");
	assert_int_equal(nsum_error_set(NULL, NSUM_EIO, NULL, 0, 0, "x"), NSUM_EIO);
	assert_string_equal(nsum_status_string(NSUM_EENCODING), "invalid UTF-8");
}

static size_t entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void test_atomic_write(void **state)
{
	char dir[] = "/tmp/nsum-file-XXXXXX", path[64], bad[80], got[16] = { 0 };
	nsum_error err;
	struct stat st;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/out.txt", dir);
	nsum_error_init(&err);
	assert_int_equal(nsum_file_write_atomic(path, "old", 3, &err), NSUM_OK);
	chmod(path, 0600);
	assert_int_equal(nsum_file_write_atomic(path, "new!", 4, &err), NSUM_OK);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(fread(got, 1, sizeof(got) - 1, f), 4);
	fclose(f);
	assert_string_equal(got, "new!");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600); /* mode kept */
	assert_int_equal(entries(dir), 1);          /* no temporary left */
	/* A folder that does not exist: error, nothing written. */
	snprintf(bad, sizeof(bad), "%s/none/out.txt", dir);
	assert_int_equal(nsum_file_write_atomic(bad, "x", 1, &err), NSUM_EIO);
	assert_string_equal(err.source, bad);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_strmap),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_error),
		cmocka_unit_test(test_atomic_write),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
