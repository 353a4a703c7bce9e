/* Unit tests for the shared utilities: buffer, string map, UTF-8 classes,
 * errors, atomic files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

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

/*
 * The inline fast paths of utf8.h (ASCII, Latin-1, two-byte sequences)
 * against the slow paths, which ask utf8proc, for every code point.
 */
static void test_utf8_fast_paths(void **state)
{
	static const char *const bad[] = {
		"\xC3", "\xC3.", "\xC0\x80", "\xC1\xBF", "\xE2\x82", "\xED\xA0\x80",
		"\xF4\x90\x80\x80", "\x80", "\xFF",
	};
	nsum_buf b;
	char enc[8], want[8];
	int32_t cp, got;
	size_t i, k;

	(void)state;
	buf_init(&b);
	for (cp = 0; cp <= 0x10FFFF; cp++) {
		assert_int_equal(u8_is_space(cp), u8_is_space_multi(cp));
		assert_int_equal(u8_is_letter(cp), u8_is_letter_multi(cp));
		assert_int_equal(u8_is_digit(cp), u8_is_digit_multi(cp));
		assert_int_equal(u8_is_upper(cp), u8_is_upper_multi(cp));
		assert_int_equal(u8_is_lower(cp), u8_is_lower_multi(cp));
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		k = u8_encode(cp, enc);
		assert_int_equal(u8_decode(enc, k, 0, &got), k);
		assert_int_equal(got, cp);
		assert_int_equal(u8_decode_prev(enc, k, &got), k);
		assert_int_equal(got, cp);
		buf_clear(&b);
		assert_int_equal(u8_lower_append(&b, enc, k), 0);
		k = u8_encode(utf8proc_tolower(cp), want);
		assert_int_equal(b.len, k);
		assert_memory_equal(b.data, want, k);
	}
	/* Invalid sequences decode as one byte of U+FFFD, and lower-casing
	 * copies them as they are. */
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(u8_decode(bad[i], strlen(bad[i]), 0, &got), 1);
		assert_int_equal(got, 0xFFFD);
		buf_clear(&b);
		assert_int_equal(u8_lower_append(&b, bad[i], strlen(bad[i])), 0);
		assert_string_equal(b.data, bad[i]);
	}
	buf_clear(&b);
	assert_int_equal(u8_lower_append(&b, "L'\xC3\x89T\xC3\x89 \xC3\x97 \xC3\x9F "
		"\xC8\xBA!", 17), 0);
	assert_string_equal(b.data, "l'\xC3\xA9t\xC3\xA9 \xC3\x97 \xC3\x9F \xE2\xB1\xA5!");
	buf_finish(&b);
}

/* Keys of every length through the hash's 8-byte, 4-byte and 1-byte paths,
 * and a reserved map that never rebuilds its table. */
static void test_strmap_keys(void **state)
{
	char key[40];
	strmap m;
	uint32_t v;
	size_t n, mask;

	(void)state;
	strmap_init(&m);
	assert_int_equal(strmap_reserve(&m, 1000), 0);
	mask = m.mask;
	for (n = 0; n < sizeof(key); n++)
		key[n] = (char)('a' + n % 26);
	for (n = 0; n <= sizeof(key); n++)
		assert_int_equal(strmap_put(&m, key, n, (uint32_t)n), 0);
	for (n = 0; n < 900; n++) {
		char k[16];

		snprintf(k, sizeof(k), "%zu", n);
		assert_int_equal(strmap_put(&m, k, strlen(k), (uint32_t)n + 100), 0);
	}
	assert_int_equal(m.mask, mask);
	for (n = 0; n <= sizeof(key); n++) {
		assert_true(strmap_get(&m, key, n, &v));
		assert_int_equal(v, n);
	}
	assert_true(strmap_get(&m, "899", 3, &v));
	assert_int_equal(v, 999);
	assert_false(strmap_get(&m, "900", 3, &v));
	assert_int_equal(strmap_reserve(&m, 10), 0);
	assert_int_equal(m.mask, mask);
	strmap_finish(&m);

	/* strmap_slot(): a new key starts at 0, an old one keeps its value. */
	strmap_init(&m);
	for (n = 0; n < 3000; n++) {
		char k[16];
		uint32_t *p;

		snprintf(k, sizeof(k), "w%zu", n % 1000);
		p = strmap_slot(&m, k, strlen(k));
		assert_non_null(p);
		assert_int_equal(*p, n / 1000);
		*p += 1;
	}
	assert_int_equal(m.count, 1000);
	assert_true(strmap_get(&m, "w999", 4, &v));
	assert_int_equal(v, 3);
	strmap_finish(&m);
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

/* Whether s is valid UTF-8 as far as whole sequences go (no cut one). */
static bool whole_chars(const char *s)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		int32_t cp;
		size_t k = u8_decode(s, n, i, &cp);

		if (k == 1 && cp == 0xFFFD)
			return false;
		i += k;
	}
	return true;
}

static void test_error_cut_utf8(void **state)
{
	char name[400], text[400], buf[300];
	nsum_error err;
	size_t i;

	(void)state;
	/* 199 'é' (2 bytes) and "x" then 132 '…' (3 bytes) overflow both
	 * fields; the cuts must not fall inside a character. */
	for (i = 0; i < 199; i++)
		memcpy(name + 2 * i, "\xC3\xA9", 2);
	name[398] = '\0';
	text[0] = 'x';
	for (i = 0; i < 132; i++)
		memcpy(text + 1 + 3 * i, "\xE2\x80\xA6", 3);
	text[397] = '\0';
	nsum_error_init(&err);
	nsum_error_set(&err, NSUM_EFORMAT, name, 3, 4, "%s", text);
	assert_true(strlen(err.source) < sizeof(err.source));
	assert_true(whole_chars(err.source));
	assert_true(whole_chars(err.text));
	assert_true(strlen(err.text) >= sizeof(err.text) - 4);
	for (i = 1; i < sizeof(buf); i += 7) {
		nsum_error_format(&err, buf, i);
		assert_true(whole_chars(buf));
		assert_true(strlen(buf) < i);
	}
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
		cmocka_unit_test(test_utf8_fast_paths),
		cmocka_unit_test(test_strmap_keys),
		cmocka_unit_test(test_error),
		cmocka_unit_test(test_error_cut_utf8),
		cmocka_unit_test(test_atomic_write),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
