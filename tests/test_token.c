/* Unit tests for the tokenizer (nsum/token.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "nsum/token.h"

/* The words of s joined by '|', kind marked with '#' for numbers. */
static void words(const char *s, char *out, size_t size)
{
	size_t pos = 0, n = 0, len = strlen(s);
	nsum_word w;

	out[0] = '\0';
	while (nsum_word_next(s, len, &pos, &w)) {
		n += (size_t)snprintf(out + n, size - n, "%s%s%.*s", n ? "|" : "",
			w.kind == NSUM_WORD_NUMBER ? "#" : "", (int)(w.end - w.start),
			s + w.start);
		assert_true(n < size);
	}
}

#define CHECK(in, expected) do { \
	char buf[512]; \
	words(in, buf, sizeof(buf)); \
	assert_string_equal(buf, expected); \
} while (0)

static void test_elision(void **state)
{
	(void)state;
	CHECK("l'OTAN et d\xE2\x80\x99" "Europe", "OTAN|et|Europe");
	CHECK("qu'il jusqu'\xC3\xA0 lorsqu'elle puisqu'on", "il|\xC3\xA0|elle|on");
	CHECK("L'\xC3\x89lys\xC3\xA9" "e, N'importe, C'est, J'ai, M'a, T'es, S'il",
		"\xC3\x89lys\xC3\xA9" "e|importe|est|ai|a|es|il");
	/* Not an elision: the apostrophe is inside the word. */
	CHECK("aujourd'hui d'aujourd'hui prud'hommes",
		"aujourd'hui|aujourd'hui|prud'hommes");
	/* A quote mark, not an apostrophe of elision. */
	CHECK("'bonjour'", "bonjour");
}

static void test_hyphens(void **state)
{
	(void)state;
	CHECK("cessez-le-feu, \xC3\x89tats-Unis et Jean-Marie",
		"cessez-le-feu|\xC3\x89tats-Unis|et|Jean-Marie");
	/* Clitic pronouns come off the verb. */
	CHECK("dit-il, a-t-elle, peut-on, est-ce", "dit|il|a|elle|peut|on|est|ce");
	CHECK("rendez-vous peut-\xC3\xAAtre", "rendez-vous|peut-\xC3\xAAtre");
	/* A dash is not a hyphen. */
	CHECK("Kiev \xE2\x80\x93 Paris", "Kiev|Paris");
	/* Trailing or leading hyphen. */
	CHECK("-pr\xC3\xA9 post-", "pr\xC3\xA9|post");
}

static void test_numbers(void **state)
{
	(void)state;
	CHECK("20.000 soldats, 2,5 %, 1er janvier, 19h30",
		"#20.000|soldats|#2,5|#1er|janvier|#19h30");
	CHECK("en 2025.Les", "en|#2025|Les");
	CHECK("90%", "#90");
}

static void test_symbols(void **state)
{
	(void)state;
	CHECK("\xF0\x9F\x94\xB4 \xC2\xAB Oui ! \xC2\xBB @macron #paix",
		"Oui|macron|paix");
	CHECK("", "");
	CHECK("... \xE2\x80\xA6 !", "");
}

static void test_flags(void **state)
{
	const char *s = "l'Europe vote";
	size_t pos = 0;
	nsum_word w;

	(void)state;
	assert_true(nsum_word_next(s, strlen(s), &pos, &w));
	assert_true(w.elided);
	assert_true(w.capitalized);
	assert_int_equal(w.start, 2);
	assert_int_equal(w.end, 8);
	assert_true(nsum_word_next(s, strlen(s), &pos, &w));
	assert_false(w.elided);
	assert_false(w.capitalized);
	assert_false(nsum_word_next(s, strlen(s), &pos, &w));
}

static void test_word_count(void **state)
{
	const char *s = "Le \xC2\xAB cessez-le-feu \xC2\xBB \xE2\x80\x94 20 000 "
		"l'OTAN.\xC2\xA0" "Fin";

	(void)state;
	/* Le, cessez-le-feu, 20, 000, l'OTAN., Fin (no-break space splits). */
	assert_int_equal(nsum_word_count(s, 0, strlen(s)), 6);
	assert_int_equal(nsum_word_count("", 0, 0), 0);
	assert_int_equal(nsum_word_count(" \xE2\x80\x94 ! ", 0, 6), 0);
}

static void test_word_cut(void **state)
{
	const char *s = "un deux, trois quatre";
	size_t n = strlen(s);

	(void)state;
	assert_int_equal(nsum_word_cut(s, 0, n, 0), 0);
	assert_int_equal(nsum_word_cut(s, 0, n, 1), 2);
	assert_int_equal(nsum_word_cut(s, 0, n, 2), 8);
	assert_int_equal(nsum_word_cut(s, 0, n, 4), n);
	assert_int_equal(nsum_word_cut(s, 0, n, 9), n);
	assert_int_equal(nsum_word_cut(s, 3, n, 1), 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elision),
		cmocka_unit_test(test_hyphens),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_symbols),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_word_count),
		cmocka_unit_test(test_word_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
