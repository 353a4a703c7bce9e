/*
 * Unit tests for ROUGE (nsum/rouge.h): scores computed by hand on small
 * French examples, multi-reference, the two token modes, stemming, the
 * ROUGE-Lsum sentence split (the harness's splitter), empty texts, the
 * mean and the bootstrap, and allocation failures on every path.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nsum/alloc.h"
#include "nsum/rouge.h"

#define EPS 1e-12

static nsum_rouge *scorer(nsum_rouge_tokens tokens, bool stem,
	nsum_rouge_lsum_split split)
{
	nsum_rouge_options o;
	nsum_rouge *r;

	nsum_rouge_options_default(&o);
	o.tokens = tokens;
	o.stem = stem;
	o.lsum_split = split;
	r = nsum_rouge_create(&o, NULL);
	assert_non_null(r);
	return r;
}

static nsum_rouge *plain(void)
{
	return scorer(NSUM_ROUGE_UNICODE, false, NSUM_LSUM_AUTO);
}

/* Score summary against the n NUL-terminated references refs. */
static nsum_rouge_result score_n(nsum_rouge *r, const char *summary,
	const char *const *refs, size_t n)
{
	nsum_rouge_result s;

	assert_int_equal(nsum_rouge_score(r, summary, strlen(summary), refs, NULL,
		n, &s, NULL), NSUM_OK);
	return s;
}

static nsum_rouge_result score1(nsum_rouge *r, const char *summary,
	const char *ref)
{
	return score_n(r, summary, &ref, 1);
}

static void check_prf(const nsum_rouge_prf *v, double p, double r, double f)
{
	if (v->p < p - EPS || v->p > p + EPS || v->r < r - EPS ||
		v->r > r + EPS || v->f < f - EPS || v->f > f + EPS)
		fail_msg("got P=%.15g R=%.15g F=%.15g, want P=%.15g R=%.15g F=%.15g",
			v->p, v->r, v->f, p, r, f);
}

/* The tokens of text as r sees them (lines are ROUGE-Lsum sentences). */
static void check_tokens(nsum_rouge *r, const char *text, const char *want,
	size_t want_count)
{
	size_t count = 0;
	char *got = nsum_rouge_tokenize(r, text, strlen(text), &count, NULL);

	assert_non_null(got);
	assert_string_equal(got, want);
	assert_int_equal(count, want_count);
	nsum_free(got);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(nsum_rouge_metric_name(NSUM_ROUGE_1), "rouge1");
	assert_string_equal(nsum_rouge_metric_name(NSUM_ROUGE_2), "rouge2");
	assert_string_equal(nsum_rouge_metric_name(NSUM_ROUGE_L), "rougeL");
	assert_string_equal(nsum_rouge_metric_name(NSUM_ROUGE_LSUM), "rougeLsum");
	assert_string_equal(nsum_rouge_metric_name(NSUM_ROUGE_METRICS), "");
}

/* One substitution in six tokens: R1 5/6, R2 3/5, L 5/6 (case, dot). */
static void test_one_word_changed(void **state)
{
	nsum_rouge *r = plain();
	nsum_rouge_result s = score1(r, "le chat dort sous le toit",
		"Le chat dort sur le toit.");

	(void)state;
	check_prf(&s.metric[NSUM_ROUGE_1], 5.0 / 6, 5.0 / 6, 5.0 / 6);
	check_prf(&s.metric[NSUM_ROUGE_2], 3.0 / 5, 3.0 / 5, 3.0 / 5);
	check_prf(&s.metric[NSUM_ROUGE_L], 5.0 / 6, 5.0 / 6, 5.0 / 6);
	check_prf(&s.metric[NSUM_ROUGE_LSUM], 5.0 / 6, 5.0 / 6, 5.0 / 6);
	nsum_rouge_destroy(r);
}

/*
 * Reference "Le maire signe. Les travaux commencent." (two sentences once
 * split), summary on two lines:
 *   R1: 6 of 9 summary tokens, all 6 reference tokens: P 2/3, R 1, F 0.8
 *   R2: les-travaux, le-maire, maire-signe: P 3/8, R 3/5, F 6/13
 *   L:  LCS 3 ("le maire signe" or "les travaux commencent"): P 1/3, R 1/2
 *   Lsum: each reference sentence is one summary line's LCS: 6 hits,
 *        "maire" twice in the summary but once in the reference: P 6/9
 */
static void test_hand_computed(void **state)
{
	nsum_rouge *r = plain();
	nsum_rouge_result s = score1(r,
		"Les travaux du maire commencent.\nLe maire signe lundi.",
		"Le maire signe. Les travaux commencent.");

	(void)state;
	check_prf(&s.metric[NSUM_ROUGE_1], 2.0 / 3, 1, 0.8);
	check_prf(&s.metric[NSUM_ROUGE_2], 3.0 / 8, 3.0 / 5, 6.0 / 13);
	check_prf(&s.metric[NSUM_ROUGE_L], 1.0 / 3, 0.5, 0.4);
	check_prf(&s.metric[NSUM_ROUGE_LSUM], 2.0 / 3, 1, 0.8);
	nsum_rouge_destroy(r);
}

/* Unequal lengths, clipped counts, word order. */
static void test_counts(void **state)
{
	nsum_rouge *r = plain();
	nsum_rouge_result s;

	(void)state;
	s = score1(r, "chat noir", "un chat tout noir");
	check_prf(&s.metric[NSUM_ROUGE_1], 1, 0.5, 2.0 / 3);
	check_prf(&s.metric[NSUM_ROUGE_2], 0, 0, 0);
	check_prf(&s.metric[NSUM_ROUGE_L], 1, 0.5, 2.0 / 3);
	/* "le" three times in the summary, once in the reference */
	s = score1(r, "le le le", "le chat");
	check_prf(&s.metric[NSUM_ROUGE_1], 1.0 / 3, 0.5, 0.4);
	/* reversed order: the LCS is one word */
	s = score1(r, "e d c b a", "a b c d e");
	check_prf(&s.metric[NSUM_ROUGE_L], 0.2, 0.2, 0.2);
	check_prf(&s.metric[NSUM_ROUGE_1], 1, 1, 1);
	nsum_rouge_destroy(r);
}

/*
 * ROUGE-Lsum: Lin (2004)'s example (union LCS w1 w2 w3 w5 of two summary
 * sentences: R 4/5, P 4/10), and hits clipped by the summary's counts.
 */
static void test_lsum(void **state)
{
	nsum_rouge *r = plain();
	nsum_rouge_result s;

	(void)state;
	s = score1(r, "a b f g h\na c h i e", "a b c d e");
	check_prf(&s.metric[NSUM_ROUGE_LSUM], 0.4, 0.8, 2 * 0.4 * 0.8 / 1.2);
	/* the second reference sentence finds no "a b" left to match */
	s = score1(r, "a b", "a b\na b");
	check_prf(&s.metric[NSUM_ROUGE_LSUM], 1, 0.5, 2.0 / 3);
	/* blank lines are no sentences; one line: Lsum equals L */
	s = score1(r, "\nle chat dort sous le toit\n\n", "le chat dort sur le toit");
	check_prf(&s.metric[NSUM_ROUGE_LSUM], 5.0 / 6, 5.0 / 6, 5.0 / 6);
	nsum_rouge_destroy(r);
}

/*
 * Several references: each metric takes the reference with its best F1
 * (here R1 from the first, R2 and L from the second); on a tie the first
 * reference wins, with its own precision and recall.
 */
static void test_multi_reference(void **state)
{
	static const char *const refs[] = { "noir chat le dort", "le chat noir" };
	static const char *const tie[] = { "a", "a b c d" };
	static const char *const tie_rev[] = { "a b c d", "a" };
	nsum_rouge *r = plain();
	nsum_rouge_result s;

	(void)state;
	s = score_n(r, "le chat noir dort", refs, 2);
	check_prf(&s.metric[NSUM_ROUGE_1], 1, 1, 1);
	check_prf(&s.metric[NSUM_ROUGE_2], 2.0 / 3, 1, 0.8);
	check_prf(&s.metric[NSUM_ROUGE_L], 0.75, 1, 6.0 / 7);
	s = score_n(r, "a b", tie, 2);
	check_prf(&s.metric[NSUM_ROUGE_1], 0.5, 1, 2.0 / 3);
	s = score_n(r, "a b", tie_rev, 2);
	check_prf(&s.metric[NSUM_ROUGE_1], 1, 0.5, 2.0 / 3);
	/* no reference at all */
	s = score_n(r, "a b", NULL, 0);
	check_prf(&s.metric[NSUM_ROUGE_1], 0, 0, 0);
	check_prf(&s.metric[NSUM_ROUGE_LSUM], 0, 0, 0);
	nsum_rouge_destroy(r);
}

/* Texts without tokens score 0 on every metric, both ways. */
static void test_empty(void **state)
{
	nsum_rouge *r = plain();
	nsum_rouge_result s;
	int m;

	(void)state;
	s = score1(r, "", "le chat dort");
	for (m = 0; m < NSUM_ROUGE_METRICS; m++)
		check_prf(&s.metric[m], 0, 0, 0);
	s = score1(r, "le chat dort", "");
	for (m = 0; m < NSUM_ROUGE_METRICS; m++)
		check_prf(&s.metric[m], 0, 0, 0);
	s = score1(r, "« … » !", " \n ");
	for (m = 0; m < NSUM_ROUGE_METRICS; m++)
		check_prf(&s.metric[m], 0, 0, 0);
	/* one token: no bigram, so R2 is 0 while R1 is 1 */
	s = score1(r, "Paris", "Paris");
	check_prf(&s.metric[NSUM_ROUGE_1], 1, 1, 1);
	check_prf(&s.metric[NSUM_ROUGE_2], 0, 0, 0);
	nsum_rouge_destroy(r);
}

/*
 * Unicode tokens keep accented letters; ASCII tokens (rouge-score's) drop
 * them, which splits words: "élève" gives "l", "ve".
 */
static void test_token_modes(void **state)
{
	nsum_rouge *u = plain();
	nsum_rouge *a = scorer(NSUM_ROUGE_ASCII, false, NSUM_LSUM_AUTO);
	const char *ref = "Un élève réussit l'épreuve";
	const char *sum = "Un eleve reussit l epreuve";
	nsum_rouge_result s;

	(void)state;
	check_tokens(u, "L'Été 2025, c'est-à-dire « Noël » !",
		"l été 2025 c est à dire noël", 8);
	check_tokens(a, "L'Été 2025, c'est-à-dire « Noël » !",
		"l t 2025 c est dire no l", 8);
	check_tokens(u, ref, "un élève réussit l épreuve", 5);
	check_tokens(a, ref, "un l ve r ussit l preuve", 7);
	/* un, l match in both modes; the reference is longer in ASCII */
	s = score1(u, sum, ref);
	check_prf(&s.metric[NSUM_ROUGE_1], 0.4, 0.4, 0.4);
	s = score1(a, sum, ref);
	check_prf(&s.metric[NSUM_ROUGE_1], 0.4, 2.0 / 7, 2 * 0.4 * (2.0 / 7) /
		(0.4 + 2.0 / 7));
	/* the same accented words match each other in both modes */
	s = score1(a, "Été à l'école", "été à l'école");
	check_prf(&s.metric[NSUM_ROUGE_1], 1, 1, 1);
	nsum_rouge_destroy(u);
	nsum_rouge_destroy(a);
}

/*
 * Python's lower-casing and character classes: NFC first, "İ" lowers to
 * "i" and a combining dot (which ends the token), a final capital sigma
 * becomes "ς", marks are no token characters, superscripts and
 * fractions are.
 */
static void test_unicode_details(void **state)
{
	nsum_rouge *u = plain();

	(void)state;
	check_tokens(u, "e\xCC\x81le\xCC\x80ve", "\xC3\xA9l\xC3\xA8ve", 1);
	check_tokens(u, "\xC4\xB0stanbul", "i stanbul", 2);
	check_tokens(u, "\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3 \xCE\xA3",
		"\xCE\xBF\xCE\xB4\xCE\xBF\xCF\x82 \xCF\x83", 2);
	check_tokens(u, "m\xC2\xB2 \xC2\xBD_x", "m\xC2\xB2 \xC2\xBD x", 3);
	nsum_rouge_destroy(u);
}

/* Snowball French stems tokens of more than 3 characters only. */
static void test_stemming(void **state)
{
	nsum_rouge *u = plain();
	nsum_rouge *st = scorer(NSUM_ROUGE_UNICODE, true, NSUM_LSUM_AUTO);
	nsum_rouge_result s;

	(void)state;
	s = score1(u, "garantie", "garanties");
	check_prf(&s.metric[NSUM_ROUGE_1], 0, 0, 0);
	s = score1(st, "garantie", "garanties");
	check_prf(&s.metric[NSUM_ROUGE_1], 1, 1, 1);
	s = score1(st, "les", "le");
	check_prf(&s.metric[NSUM_ROUGE_1], 0, 0, 0);
	check_tokens(st, "Les garanties de sécurité", "les garant de sécur", 4);
	nsum_rouge_destroy(u);
	nsum_rouge_destroy(st);
}

/*
 * ROUGE-Lsum sentences: auto splits a text without an inner newline with
 * the harness's rules (abbreviations, initials, glued paragraphs; an
 * ellipsis before a digit ends a sentence there, as frsplit.py has it),
 * keeps the lines of a text that has one; newline never splits; always
 * splits lines too, joining a hard wrap.
 */
static void test_lsum_split(void **state)
{
	nsum_rouge *a = plain();
	nsum_rouge *n = scorer(NSUM_ROUGE_UNICODE, false, NSUM_LSUM_NEWLINE);
	nsum_rouge *al = scorer(NSUM_ROUGE_UNICODE, false, NSUM_LSUM_ALWAYS);
	const char *text = "M. Durand arrive. Il parle.";

	(void)state;
	check_tokens(a, text, "m durand arrive\nil parle", 5);
	check_tokens(n, text, "m durand arrive il parle", 5);
	check_tokens(a, "Le pont ferme lundi.Les taxis protestent. J. Martin "
		"attend le bus de... 8 heures.",
		"le pont ferme lundi\nles taxis protestent\n"
		"j martin attend le bus de\n8 heures", 15);
	check_tokens(a, "« Nous partons. » a dit le maire. Voir p. 4 (...) Fin.",
		"nous partons a dit le maire\nvoir p 4 fin", 10);
	check_tokens(a, "Une ligne\nsuivie d'une autre.", "une ligne\nsuivie d une autre",
		6);
	check_tokens(al, "Une ligne\nsuivie d'une autre. Et la fin.",
		"une ligne suivie d une autre\net la fin", 9);
	check_tokens(al, "Un titre\n\nsuite du texte.", "un titre\nsuite du texte", 5);
	nsum_rouge_destroy(a);
	nsum_rouge_destroy(n);
	nsum_rouge_destroy(al);
}

static void test_bad_input(void **state)
{
	nsum_rouge_options o;
	nsum_rouge_result s;
	nsum_error err;
	nsum_rouge *r = plain();
	const char *ref = "un texte";

	(void)state;
	nsum_error_init(&err);
	assert_int_equal(nsum_rouge_score(r, "a\xFF", 2, &ref, NULL, 1, &s, &err),
		NSUM_EENCODING);
	assert_int_equal(err.status, NSUM_EENCODING);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, 2);
	check_prf(&s.metric[NSUM_ROUGE_1], 0, 0, 0);
	nsum_rouge_destroy(r);

	nsum_rouge_options_default(&o);
	o.tokens = (nsum_rouge_tokens)7;
	nsum_error_init(&err);
	assert_null(nsum_rouge_create(&o, &err));
	assert_int_equal(err.status, NSUM_EINVAL);
	nsum_rouge_destroy(NULL);
}

/* Scores of n items: item i has every number (i + 1) / 10. */
static nsum_rouge_result *ramp(size_t n)
{
	nsum_rouge_result *items = calloc(n, sizeof(*items));
	size_t i;
	int m;

	assert_non_null(items);
	for (i = 0; i < n; i++)
		for (m = 0; m < NSUM_ROUGE_METRICS; m++) {
			items[i].metric[m].p = (double)(i + 1) / 10;
			items[i].metric[m].r = (double)(i + 1) / 10;
			items[i].metric[m].f = (double)(i + 1) / 10;
		}
	return items;
}

static void test_mean(void **state)
{
	nsum_rouge_result *items = ramp(4), mean;

	(void)state;
	nsum_rouge_mean(items, 4, &mean);
	check_prf(&mean.metric[NSUM_ROUGE_LSUM], 0.25, 0.25, 0.25);
	nsum_rouge_mean(items, 0, &mean);
	check_prf(&mean.metric[NSUM_ROUGE_1], 0, 0, 0);
	free(items);
}

static void test_bootstrap(void **state)
{
	nsum_rouge_result *items = ramp(10);
	nsum_rouge_interval a, b;
	nsum_error err;
	int m;

	(void)state;
	assert_int_equal(nsum_rouge_bootstrap(items, 10, 1000, 0, &a, NULL),
		NSUM_OK);
	assert_int_equal(nsum_rouge_bootstrap(items, 10, 1000, 0, &b, NULL),
		NSUM_OK);
	/* same seed, same interval, to the bit */
	assert_memory_equal(&a, &b, sizeof(a));
	for (m = 0; m < NSUM_ROUGE_METRICS; m++) {
		/* around the mean 0.55, inside the range of the values */
		assert_true(a.lo.metric[m].f > 0.1 && a.lo.metric[m].f < 0.55);
		assert_true(a.hi.metric[m].f > 0.55 && a.hi.metric[m].f < 1.0);
		assert_true(a.lo.metric[m].p == a.lo.metric[m].f);
	}
	/* another seed, another interval */
	assert_int_equal(nsum_rouge_bootstrap(items, 10, 1000, 1, &b, NULL),
		NSUM_OK);
	assert_true(memcmp(&a, &b, sizeof(a)) != 0);
	/* one item: every resample is that item */
	assert_int_equal(nsum_rouge_bootstrap(items + 3, 1, 50, 7, &a, NULL),
		NSUM_OK);
	check_prf(&a.lo.metric[NSUM_ROUGE_2], 0.4, 0.4, 0.4);
	check_prf(&a.hi.metric[NSUM_ROUGE_2], 0.4, 0.4, 0.4);
	nsum_error_init(&err);
	assert_int_equal(nsum_rouge_bootstrap(items, 0, 10, 0, &a, &err),
		NSUM_EINVAL);
	assert_int_equal(nsum_rouge_bootstrap(items, 10, 0, 0, &a, NULL),
		NSUM_EINVAL);
	free(items);
}

/* ---- Allocation failures ---- */

static size_t alloc_count, fail_at;
static bool injected;
static long live;

static void *chaos_malloc(size_t size)
{
	void *p;

	if (++alloc_count == fail_at) {
		injected = true;
		return NULL;
	}
	p = malloc(size);
	live += p != NULL;
	return p;
}

static void *chaos_realloc(void *ptr, size_t size)
{
	void *p;

	if (++alloc_count == fail_at) {
		injected = true;
		return NULL;
	}
	p = realloc(ptr, size);
	live += p && !ptr;
	return p;
}

static void chaos_free(void *ptr)
{
	live -= ptr != NULL;
	free(ptr);
}

/* Create, tokenize, score (two references, stems), bootstrap. */
static nsum_status chaos_path(nsum_rouge_result *out, nsum_error *err)
{
	static const char *const refs[] = {
		"Le maire signe. Les travaux commencent lundi.",
		"Les travaux du pont commencent.\nLe maire l'annonce.",
	};
	const char *sum = "Les travaux commencent.\nLe maire signe.";
	nsum_rouge_options o;
	nsum_rouge_interval ci;
	nsum_rouge *r;
	nsum_status st;
	char *t;

	nsum_rouge_options_default(&o);
	o.stem = true;
	r = nsum_rouge_create(&o, err);
	if (!r)
		return err->status;
	t = nsum_rouge_tokenize(r, refs[0], strlen(refs[0]), NULL, err);
	st = t ? NSUM_OK : err->status;
	nsum_free(t);
	if (st == NSUM_OK)
		st = nsum_rouge_score(r, sum, strlen(sum), refs, NULL, 2, out, err);
	if (st == NSUM_OK)
		st = nsum_rouge_bootstrap(out, 1, 20, 0, &ci, err);
	nsum_rouge_destroy(r);
	return st;
}

static void test_chaos(void **state)
{
	nsum_rouge_result want, got;
	nsum_error err;
	size_t n;

	(void)state;
	nsum_error_init(&err);
	assert_int_equal(chaos_path(&want, &err), NSUM_OK);
	for (n = 1;; n++) {
		nsum_status st;

		alloc_count = 0;
		fail_at = n;
		injected = false;
		live = 0;
		nsum_error_init(&err);
		nsum_set_alloc_funcs(chaos_malloc, chaos_realloc, chaos_free);
		st = chaos_path(&got, &err);
		nsum_set_alloc_funcs(NULL, NULL, NULL);
		if (live != 0)
			fail_msg("allocation %zu failing: %ld blocks not freed", n, live);
		if (!injected) {
			assert_int_equal(st, NSUM_OK);
			break;
		}
		if (st == NSUM_OK) {
			assert_memory_equal(&got, &want, sizeof(got));
		} else {
			assert_int_equal(st, NSUM_ENOMEM);
			assert_int_equal(err.status, NSUM_ENOMEM);
		}
	}
	assert_true(n > 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_one_word_changed),
		cmocka_unit_test(test_hand_computed),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_lsum),
		cmocka_unit_test(test_multi_reference),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_token_modes),
		cmocka_unit_test(test_unicode_details),
		cmocka_unit_test(test_stemming),
		cmocka_unit_test(test_lsum_split),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_mean),
		cmocka_unit_test(test_bootstrap),
		cmocka_unit_test(test_chaos),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
