/* Unit tests for articles and their dates (nsum/article.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "nsum/nsum.h"

static nsum_engine *engine;

static int setup(void **state)
{
	(void)state;
	engine = nsum_engine_create(NULL);
	return engine ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	nsum_engine_destroy(engine);
	return 0;
}

/* The date at the start of s as "YYYY-MM-DD", "" if none; its length. */
static size_t parse(const char *s, char *out)
{
	nsum_date d = { 0, 0, 0 };
	size_t n = nsum_date_parse(s, strlen(s), &d);

	nsum_date_format(&d, out);
	return n;
}

static void test_parse_forms(void **state)
{
	char buf[11];

	(void)state;
	assert_int_equal(parse("2026-01-06", buf), 10);
	assert_string_equal(buf, "2026-01-06");
	assert_int_equal(parse("2026-01-06T11:03:00Z", buf), 10);
	assert_int_equal(parse("2026/1/6", buf), 8);
	assert_string_equal(buf, "2026-01-06");
	assert_int_equal(parse("29/12/2025 11:03", buf), 10);
	assert_string_equal(buf, "2025-12-29");
	assert_int_equal(parse("06.01.2026", buf), 10);
	assert_string_equal(buf, "2026-01-06");
	assert_int_equal(parse("6-1-2026", buf), 8);
	assert_string_equal(buf, "2026-01-06");
	assert_int_equal(parse("6 janvier 2026", buf), strlen("6 janvier 2026"));
	assert_string_equal(buf, "2026-01-06");
	assert_true(parse("1er février 2026", buf) > 0);
	assert_string_equal(buf, "2026-02-01");
	assert_true(parse("1er FÉVRIER 2026", buf) > 0);
	assert_string_equal(buf, "2026-02-01");
	assert_true(parse("15 aout 2025", buf) > 0);
	assert_string_equal(buf, "2025-08-15");
	assert_true(parse("3 déc. 2025", buf) > 0);
	assert_string_equal(buf, "2025-12-03");
	assert_true(parse("3\xC2\xA0" "sept. 2025", buf) > 0);
	assert_string_equal(buf, "2025-09-03");
	/* 29 February only in a leap year. */
	assert_true(parse("29/02/2024", buf) > 0);
	assert_int_equal(parse("29/02/2025", buf), 0);
}

static void test_parse_rejects(void **state)
{
	char buf[11];
	static const char *const bad[] = {
		"32/01/2026", "12/13/2026", "2026-13-01", "2026-02-30",
		"6 janvierr 2026", "6 janvier", "6 janvier 26", "20.000 euros",
		"2,5 %", "90 %", "1850-01-01", "12345", "", "janvier 2026",
		"2026-01", "06/01", "6 mai2026",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (parse(bad[i], buf) != 0)
			fail_msg("'%s' read as %s", bad[i], buf);
	}
}

static void test_find(void **state)
{
	nsum_date d;
	size_t at;
	char buf[11];
	const char *s = "Réunis ce mardi 6 janvier 2026 à Paris";

	(void)state;
	assert_true(nsum_date_find(s, strlen(s), &d, &at));
	assert_string_equal(nsum_date_format(&d, buf), "2026-01-06");
	assert_int_equal(at, strlen("Réunis ce mardi "));
	/* Not inside a number or a word, not followed by a digit. */
	s = "réf. 106/01/2026 et 12/01/20260";
	assert_false(nsum_date_find(s, strlen(s), &d, NULL));
	s = "Serap Doğansoy | 06.01.2026 - Mise à jour : 07.01.2026";
	assert_true(nsum_date_find(s, strlen(s), &d, NULL));
	assert_string_equal(nsum_date_format(&d, buf), "2026-01-06");
}

static void test_from_string(void **state)
{
	nsum_date d;
	char buf[11];

	(void)state;
	assert_true(nsum_date_from_string("2026-02-03T07:30:00+01:00", &d));
	assert_string_equal(nsum_date_format(&d, buf), "2026-02-03");
	assert_true(nsum_date_from_string(" 3 février 2026", &d));
	assert_true(nsum_date_from_string("03/02/2026 07h30", &d));
	assert_false(nsum_date_from_string("2026-02-03 et demain", &d));
	assert_false(nsum_date_from_string("hier", &d));
	assert_false(nsum_date_from_string("", &d));
}

static void test_compare_valid(void **state)
{
	nsum_date a = { 2026, 1, 6 }, b = { 2025, 12, 31 }, none = { 0, 0, 0 };
	char buf[11];

	(void)state;
	assert_true(nsum_date_compare(&a, &b) > 0);
	assert_true(nsum_date_compare(&b, &a) < 0);
	assert_int_equal(nsum_date_compare(&a, &a), 0);
	assert_true(nsum_date_compare(&none, &b) < 0);
	assert_string_equal(nsum_date_format(&none, buf), "");
	assert_true(nsum_date_valid(2000, 2, 29));
	assert_false(nsum_date_valid(1900, 2, 29));
	assert_false(nsum_date_valid(2026, 4, 31));
	assert_false(nsum_date_valid(2200, 1, 1));
}

/* An analyzed, cleaned article. */
static nsum_doc *doc_of(const char *s)
{
	nsum_text text;
	nsum_doc *d;

	assert_int_equal(nsum_text_init_bytes(&text, s, strlen(s), "t.txt", 0,
		NULL), NSUM_OK);
	d = nsum_doc_create(engine, "t.txt", &text, NULL, NULL);
	assert_non_null(d);
	return d;
}

static const char page[] =
	"Le conseil municipal vote le budget de la ville\n"
	"Publié le 14/03/2026 10:05 Mis à jour le 15/03/2026 08:00\n"
	"\n"
	"Le conseil municipal a adopté jeudi soir le budget de la ville pour "
	"l'année, après quatre heures de débats.\n"
	"La dette baissera de deux millions d'euros, selon l'adjoint aux "
	"finances.\n";

static const char social[] =
	"Le conseil municipal vote le budget de la ville\n"
	"\n"
	"Le budget de la ville a été adopté par le conseil municipal après "
	"quatre heures de débats animés.\n"
	"Le vote a été salué par les élus de la majorité et critiqué par "
	"l'opposition municipale.\n"
	"Un budget voté, enfin ! Merci aux élus.\n"
	"— Mairie (@mairie) March 12, 2026\n"
	"La dette de la ville baissera de deux millions d'euros l'an prochain.\n";

static const char partial[] =
	"Le conseil municipal vote le budget de la ville\n"
	"\n"
	"Le conseil municipal se réunira ce mardi 6 janvier pour voter le "
	"budget de la ville, après des semaines de débats.\n"
	"La dette de la ville baissera de deux millions d'euros l'an prochain.\n";

static void test_doc_date(void **state)
{
	nsum_doc *d;
	nsum_date date, ref = { 2026, 11, 21 };
	char buf[11];

	(void)state;
	/* The dateline's first date: published, not updated. */
	d = doc_of(page);
	assert_true(nsum_doc_find_date(d, NULL, &date));
	assert_string_equal(nsum_date_format(&date, buf), "2026-03-14");
	nsum_doc_destroy(d);
	/* A social post's date is not the article's. */
	d = doc_of(social);
	assert_false(nsum_doc_find_date(d, &ref, &date));
	nsum_doc_destroy(d);
	/* A day without its year: placed before the reference day, on the
	 * year where 6 January is a Tuesday. */
	d = doc_of(partial);
	assert_false(nsum_doc_find_date(d, NULL, &date));
	assert_true(nsum_doc_find_date(d, &ref, &date));
	assert_string_equal(nsum_date_format(&date, buf), "2026-01-06");
	ref.year = 2029;
	assert_true(nsum_doc_find_date(d, &ref, &date));
	assert_string_equal(nsum_date_format(&date, buf), "2026-01-06");
	nsum_doc_destroy(d);
}

static void test_article_sort(void **state)
{
	nsum_article a[4];
	nsum_date d1 = { 2026, 3, 13 }, d2 = { 2026, 3, 12 };
	nsum_error err;

	(void)state;
	nsum_error_init(&err);
	assert_int_equal(nsum_article_init(&a[0], doc_of(page), "b.txt", "ouest",
		&d1, NULL, &err), NSUM_OK);
	assert_int_equal(a[0].date_origin, NSUM_DATE_GIVEN);
	assert_string_equal(a[0].source, "ouest");
	assert_int_equal(nsum_article_init(&a[1], doc_of(social), "a.txt", NULL,
		NULL, NULL, &err), NSUM_OK);
	assert_int_equal(a[1].date_origin, NSUM_DATE_NONE);
	assert_null(a[1].source);
	assert_int_equal(nsum_article_init(&a[2], doc_of(page), "c.txt", "",
		&d2, NULL, &err), NSUM_OK);
	assert_null(a[2].source);
	assert_int_equal(nsum_article_init(&a[3], doc_of(page), "a.txt", NULL,
		NULL, NULL, &err), NSUM_OK);
	assert_int_equal(a[3].date_origin, NSUM_DATE_TEXT);
	/* By date, undated last; same date by path. */
	nsum_articles_sort(a, 4);
	assert_string_equal(a[0].path, "c.txt");
	assert_string_equal(a[1].path, "b.txt");
	assert_string_equal(a[2].path, "a.txt");
	assert_int_equal(a[2].date.month, 3);
	assert_int_equal(a[2].date.day, 14);
	assert_int_equal(a[3].date.year, 0);
	nsum_article_finish(&a[0]);
	nsum_article_finish(&a[1]);
	nsum_article_finish(&a[2]);
	nsum_article_finish(&a[3]);
	nsum_article_finish(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_from_string),
		cmocka_unit_test(test_compare_valid),
		cmocka_unit_test(test_doc_date),
		cmocka_unit_test(test_article_sort),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
