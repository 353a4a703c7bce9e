/* Unit tests for scoring, selection and key terms (nsum/summarize.h), and
 * for the analysis that feeds them (nsum/doc.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
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

/* Analyze s (one sentence per line, no cleaning), title given apart. */
static nsum_doc *doc_of(const char *s, const char *title)
{
	nsum_doc_options opt;
	nsum_text text;
	nsum_error err;
	nsum_doc *d;

	nsum_error_init(&err);
	assert_int_equal(nsum_text_init_bytes(&text, s, strlen(s), "t.txt", 0, &err),
		NSUM_OK);
	nsum_doc_options_default(&opt);
	opt.clean = false;
	opt.title = title;
	d = nsum_doc_create(engine, "t.txt", &text, &opt, &err);
	assert_non_null(d);
	assert_null(text.data);
	return d;
}

static nsum_summary *summarize(nsum_doc *d, nsum_summary_options *opt)
{
	nsum_error err;
	nsum_summary *s;

	nsum_error_init(&err);
	s = nsum_summarize(engine, &d, 1, opt, &err);
	assert_non_null(s);
	return s;
}

static const char article[] =
	"Les dirigeants europ\xC3\xA9" "ens se r\xC3\xA9unissent \xC3\xA0 Paris pour parler des garanties de s\xC3\xA9" "curit\xC3\xA9.\n"
	"La r\xC3\xA9union de la coalition des volontaires doit fixer les garanties de s\xC3\xA9" "curit\xC3\xA9 pour l'Ukraine.\n"
	"Il faisait beau ce matin-l\xC3\xA0 sur les quais de la Seine.\n"
	"Chaque pays doit pr\xC3\xA9" "ciser sa contribution \xC3\xA0 la force de r\xC3\xA9" "assurance.\n"
	"Les garanties de s\xC3\xA9" "curit\xC3\xA9 seront au c\xC5\x93ur de la coalition des volontaires.\n"
	"Un d\xC3\xA9jeuner a \xC3\xA9t\xC3\xA9 servi.\n";

static const char title[] =
	"Paris accueille la coalition des volontaires sur les garanties de s\xC3\xA9" "curit\xC3\xA9";

static size_t words_of(const nsum_doc *d, const nsum_pick *p)
{
	const nsum_sentence *s = &d->sents.items[p->sentence];

	return nsum_word_count(d->text.data, s->start, p->cut ? p->cut : s->end);
}

static void test_sentence_budget(void **state)
{
	nsum_doc *d = doc_of(article, title);
	nsum_summary_options opt;
	nsum_summary *s;
	size_t i;

	(void)state;
	assert_int_equal(d->sents.count, 6);
	nsum_summary_options_default(&opt);
	s = summarize(d, &opt);
	assert_int_equal(s->npicks, 3);         /* default */
	for (i = 1; i < s->npicks; i++)          /* reading order */
		assert_true(s->picks[i - 1].sentence < s->picks[i].sentence);
	assert_int_equal(s->candidates, 6);
	nsum_summary_destroy(s);
	opt.sentences = 1;
	s = summarize(d, &opt);
	assert_int_equal(s->npicks, 1);
	/* The weather and the lunch are never the best sentence. */
	assert_true(s->picks[0].sentence != 2 && s->picks[0].sentence != 5);
	nsum_summary_destroy(s);
	opt.sentences = 0;
	opt.ratio = 0.5;
	s = summarize(d, &opt);
	assert_int_equal(s->npicks, 3);
	nsum_summary_destroy(s);
	opt.ratio = 0.01;
	s = summarize(d, &opt);
	assert_int_equal(s->npicks, 1);
	nsum_summary_destroy(s);
	nsum_doc_destroy(d);
}

static void test_word_budget(void **state)
{
	nsum_doc *d = doc_of(article, title);
	nsum_summary_options opt;
	nsum_summary *s;
	size_t i, total = 0;

	(void)state;
	nsum_summary_options_default(&opt);
	opt.words = 30;
	s = summarize(d, &opt);
	assert_true(s->npicks >= 2);
	for (i = 0; i < s->npicks; i++) {
		assert_int_equal(s->picks[i].cut, 0);
		total += words_of(d, &s->picks[i]);
	}
	assert_true(total <= 30);
	nsum_summary_destroy(s);

	/* Shorter than every sentence: the best one is cut at 5 words. */
	opt.words = 5;
	s = summarize(d, &opt);
	assert_int_equal(s->npicks, 1);
	assert_true(s->picks[0].cut > 0);
	assert_int_equal(words_of(d, &s->picks[0]), 5);
	nsum_summary_destroy(s);
	nsum_doc_destroy(d);
}

static void test_no_near_duplicates(void **state)
{
	const char *text =
		"Le sommet de Paris porte sur les garanties de s\xC3\xA9" "curit\xC3\xA9 pour l'Ukraine.\n"
		"Le sommet de Paris porte sur les garanties de s\xC3\xA9" "curit\xC3\xA9 pour l'Ukraine.\n"
		"Le sommet de Paris portera sur les garanties de s\xC3\xA9" "curit\xC3\xA9 de l'Ukraine.\n"
		"Les ministres des finances discutent du budget.\n";
	nsum_doc *d = doc_of(text, "Sommet de Paris sur l'Ukraine");
	nsum_summary_options opt;
	nsum_summary *s;

	(void)state;
	nsum_summary_options_default(&opt);
	opt.sentences = 3;
	s = summarize(d, &opt);
	/* Only one of the three near-identical sentences. */
	assert_int_equal(s->npicks, 2);
	assert_int_equal(s->picks[1].sentence, 3);
	nsum_summary_destroy(s);
	nsum_doc_destroy(d);
}

static void test_non_candidates(void **state)
{
	const char *text =
		"Sommet de Paris\n"
		"The leaders met in Paris on Tuesday and they agreed on the plan.\n"
		"Les dirigeants se sont retrouv\xC3\xA9s mardi \xC3\xA0 Paris.\n"
		"et de la\n";
	nsum_doc *d = doc_of(text, NULL);
	nsum_summary_options opt;
	nsum_summary *s;

	(void)state;
	assert_int_equal(d->english, 1);
	assert_int_equal(d->sents.items[1].drop, NSUM_DROP_ENGLISH);
	assert_false(nsum_doc_candidate(d, 0)); /* heading */
	assert_false(nsum_doc_candidate(d, 1)); /* English */
	assert_true(nsum_doc_candidate(d, 2));
	nsum_summary_options_default(&opt);
	s = summarize(d, &opt);
	assert_int_equal(s->npicks, 1);
	assert_int_equal(s->picks[0].sentence, 2);
	assert_true(isinf(s->score[0]));
	nsum_summary_destroy(s);
	nsum_doc_destroy(d);
}

static void test_title_feature(void **state)
{
	/* The share of the title's distinct content stems in the sentence:
	 * "budget" three times and "vote"/"voté" count once each. */
	nsum_doc *d = doc_of("Le budget a \xC3\xA9t\xC3\xA9 vot\xC3\xA9 hier soir.\n"
		"La pluie tombait sur la ville.\n",
		"Budget, budget : le vote du budget municipal");
	nsum_summary_options opt;
	nsum_summary *s;

	(void)state;
	nsum_summary_options_default(&opt);
	opt.explain = true;
	s = summarize(d, &opt);
	assert_non_null(s->features);
	assert_true(fabs(s->features[0 * NSUM_F_COUNT + NSUM_F_TITLE] -
		2.0 / 3.0) < 1e-9);
	assert_true(s->features[1 * NSUM_F_COUNT + NSUM_F_TITLE] == 0);
	nsum_summary_destroy(s);
	nsum_doc_destroy(d);
}

static void test_empty_summary(void **state)
{
	nsum_doc *d = doc_of("et de la\nou le\n", NULL);
	nsum_summary *s = summarize(d, NULL);

	(void)state;
	assert_int_equal(s->npicks, 0);
	assert_int_equal(s->nterms, 0);
	nsum_summary_destroy(s);
	nsum_doc_destroy(d);
}

static const nsum_term *find_term(const nsum_summary *s, const char *text)
{
	size_t i;

	for (i = 0; i < s->nterms; i++)
		if (strcmp(s->terms[i].text, text) == 0)
			return &s->terms[i];
	return NULL;
}

static void test_terms(void **state)
{
	nsum_doc *d = doc_of(article, title);
	nsum_summary *s = summarize(d, NULL);
	const nsum_term *t;
	size_t i;

	(void)state;
	assert_true(s->nterms > 3);
	t = find_term(s, "garanties de s\xC3\xA9" "curit\xC3\xA9");
	assert_non_null(t);
	assert_int_equal(t->count, 3);
	assert_int_equal(t->words, 3);
	assert_memory_equal(d->text.data + t->start, "garanties", 9);
	assert_non_null(find_term(s, "coalition des volontaires"));
	/* One term per stem group: the singular form is not listed apart. */
	assert_null(find_term(s, "garantie de s\xC3\xA9" "curit\xC3\xA9"));
	for (i = 0; i < s->nterms; i++) {
		const char *w = s->terms[i].text;
		size_t n = strlen(w);

		/* Never a stopword at either end. */
		assert_false(strncmp(w, "de ", 3) == 0 || strncmp(w, "la ", 3) == 0);
		assert_false(n > 3 && (strcmp(w + n - 3, " de") == 0 ||
			strcmp(w + n - 4, " des") == 0));
		if (i)
			assert_true(s->terms[i - 1].score >= s->terms[i].score);
	}
	nsum_summary_destroy(s);
	nsum_doc_destroy(d);
}

static void test_inflections_group(void **state)
{
	const char *text =
		"La garantie de s\xC3\xA9" "curit\xC3\xA9 est discut\xC3\xA9" "e.\n"
		"Les garanties de s\xC3\xA9" "curit\xC3\xA9 sont promises.\n"
		"Des garanties de la s\xC3\xA9" "curit\xC3\xA9 sont attendues.\n";
	nsum_doc *d = doc_of(text, NULL);
	nsum_summary *s = summarize(d, NULL);
	const nsum_term *t = &s->terms[0];

	(void)state;
	/* All three inflections count for one term, in its commonest form. */
	assert_int_equal(t->count, 3);
	assert_int_equal(t->words, 3);
	nsum_summary_destroy(s);
	nsum_doc_destroy(d);
}

static void test_options_check(void **state)
{
	nsum_summary_options opt;
	nsum_error err;

	(void)state;
	nsum_summary_options_default(&opt);
	nsum_error_init(&err);
	assert_int_equal(nsum_summary_options_check(&opt, &err), NSUM_OK);
	opt.ratio = 2;
	assert_int_equal(nsum_summary_options_check(&opt, &err), NSUM_EINVAL);
	assert_non_null(strstr(err.text, "--ratio"));
	opt.ratio = 0;
	opt.redundancy = 0;
	nsum_error_init(&err);
	assert_int_equal(nsum_summary_options_check(&opt, &err), NSUM_EINVAL);
}

static void test_model_idf(void **state)
{
	nsum_doc *d = doc_of(article, title);
	nsum_model *m = nsum_model_create(NULL);
	nsum_summary_options opt;
	nsum_summary *a, *b;
	const char *stems[] = { "garant", "s\xC3\xA9" "cur" };
	size_t lens[] = { 6, 5 }, i;

	(void)state;
	/* A corpus where "garanties" and "sécurité" are everywhere: they stop
	 * being the top term. */
	for (i = 0; i < 50; i++)
		assert_int_equal(nsum_model_add_document(m, stems, lens, 2, NULL), NSUM_OK);
	nsum_summary_options_default(&opt);
	a = summarize(d, &opt);
	nsum_engine_set_model(engine, m);
	b = summarize(d, &opt);
	nsum_engine_set_model(engine, NULL);
	assert_true(a->terms[0].score != b->terms[0].score ||
		strcmp(a->terms[0].text, b->terms[0].text) != 0);
	nsum_summary_destroy(a);
	nsum_summary_destroy(b);
	nsum_doc_destroy(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentence_budget),
		cmocka_unit_test(test_word_budget),
		cmocka_unit_test(test_no_near_duplicates),
		cmocka_unit_test(test_non_candidates),
		cmocka_unit_test(test_empty_summary),
		cmocka_unit_test(test_title_feature),
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_inflections_group),
		cmocka_unit_test(test_options_check),
		cmocka_unit_test(test_model_idf),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
