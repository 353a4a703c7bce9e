/*
 * Pathological inputs through the whole library pipeline: text -> doc ->
 * summarize -> render (JSON, and the other formats, the cleaned text and
 * the sentence list).  Huge inputs without punctuation, one 10 MB line,
 * 100 000 lines, half a million tiny sentences, nothing but stopwords,
 * emoji or numbers, empty or invalid input, CRLF and no-break spaces
 * everywhere; and pathological uses: a budget of every sentence, a title
 * of 20 000 words, a model of a huge document.  Each case asserts what the
 * result must be -- an error with its position, or a summary whose
 * sentences come from the text -- and must run in linear time: every case
 * prints how long it took, and one that goes quadratic runs into the
 * test's timeout.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* A growable input under construction. */
typedef struct input {
	char *data;
	size_t len;
	size_t cap;
} input;

/* Append n bytes of s to in. */
static void put(input *in, const char *s, size_t n)
{
	if (in->len + n + 1 > in->cap) {
		size_t cap = in->cap ? in->cap : 4096;

		while (cap < in->len + n + 1)
			cap *= 2;
		in->data = realloc(in->data, cap);
		assert_non_null(in->data);
		in->cap = cap;
	}
	memcpy(in->data + in->len, s, n);
	in->len += n;
	in->data[in->len] = '\0';
}

/* Append the string s to in. */
static void puts_in(input *in, const char *s)
{
	put(in, s, strlen(s));
}

/* Append s until in holds at least size bytes. */
static void repeat(input *in, const char *s, size_t size)
{
	size_t n = strlen(s);

	while (in->len < size)
		put(in, s, n);
}

/* Monotonic time in seconds. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* What one run of the pipeline gave. */
typedef struct result {
	nsum_status status;   /* NSUM_OK, or where the pipeline stopped */
	nsum_error err;
	nsum_doc *doc;        /* NULL on failure */
	nsum_summary *sum;
} result;

/* Free what r holds and leave it empty. */
static void result_finish(result *r)
{
	nsum_summary_destroy(r->sum);
	nsum_doc_destroy(r->doc);
	memset(r, 0, sizeof(*r));
}

/* Render with format f (and explain), check the length, return the string. */
static char *render(const result *r, nsum_format f, bool explain, size_t *len)
{
	nsum_render_options ropt;
	char *s;

	nsum_render_options_default(&ropt);
	ropt.format = f;
	ropt.explain = explain;
	s = nsum_render_summary(r->doc, r->sum, &ropt, len);
	assert_non_null(s);
	assert_int_equal(strlen(s), *len);
	return s;
}

/*
 * The JSON summary parses and lists the picks: each one's text is its
 * sentence of the document on one line (no-break spaces and line breaks
 * made plain spaces), with offsets inside the text.
 */
static void check_json(const result *r)
{
	const nsum_doc *doc = r->doc;
	size_t len, i;
	char *s = render(r, NSUM_FORMAT_JSON, false, &len);
	json_t *root = json_loadb(s, len, 0, NULL), *arr;

	assert_non_null(root);
	arr = json_object_get(root, "summary");
	assert_true(json_is_array(arr));
	assert_int_equal(json_array_size(arr), r->sum->npicks);
	for (i = 0; i < r->sum->npicks; i++) {
		const nsum_pick *p = &r->sum->picks[i];
		const nsum_sentence *st = &doc->sents.items[p->sentence];
		json_t *o = json_array_get(arr, i);
		const char *text = json_string_value(json_object_get(o, "text"));
		char *want = nsum_doc_sentence_text(doc, p->sentence);

		assert_non_null(text);
		assert_non_null(want);
		assert_true(nsum_doc_candidate(doc, p->sentence));
		assert_true(i == 0 || p->sentence > r->sum->picks[i - 1].sentence);
		assert_true(st->start < st->end && st->end <= doc->text.len);
		assert_int_equal(json_integer_value(json_object_get(o, "start")),
			st->start);
		if (!p->cut)
			assert_string_equal(text, want);
		assert_null(strstr(text, "\xC2\xA0"));
		assert_null(strstr(text, "\xE2\x80\xAF"));
		assert_null(strchr(text, '\n'));
		nsum_free(want);
	}
	json_decref(root);
	nsum_free(s);
}

/* Every other rendering, for the time it takes and its validity. */
static void render_others(const result *r)
{
	static const nsum_format formats[] = {
		NSUM_FORMAT_TEXT, NSUM_FORMAT_PLAIN, NSUM_FORMAT_MD,
		NSUM_FORMAT_HTML,
	};
	nsum_render_options ropt;
	size_t f, len;
	char *s;

	for (f = 0; f < sizeof(formats) / sizeof(*formats); f++)
		nsum_free(render(r, formats[f], false, &len));
	nsum_render_options_default(&ropt);
	s = nsum_render_clean(r->doc, &ropt, &len);
	assert_non_null(s);
	nsum_free(s);
	ropt.explain = true;
	s = nsum_render_clean(r->doc, &ropt, &len);
	assert_non_null(s);
	nsum_free(s);
	ropt.explain = false;
	s = nsum_render_split(r->doc, &ropt, &len);
	assert_non_null(s);
	nsum_free(s);
}

/*
 * Run in[0..len) through the pipeline: read with flags, analyze (cleaned
 * unless raw), summarize with opt (NULL: defaults), render and check.
 * Prints the time it took under name.
 */
static void run_opt(const char *name, const char *in, size_t len,
	unsigned flags, bool raw, const nsum_summary_options *opt, result *r)
{
	nsum_doc_options dopt;
	nsum_text text;
	double t0 = now();

	memset(r, 0, sizeof(*r));
	nsum_error_init(&r->err);
	r->status = nsum_text_init_bytes(&text, in, len, "in.txt", flags,
		&r->err);
	if (r->status == NSUM_OK) {
		nsum_doc_options_default(&dopt);
		dopt.clean = !raw;
		r->doc = nsum_doc_create(engine, "in.txt", &text, &dopt, &r->err);
		assert_non_null(r->doc);
		r->sum = nsum_summarize(engine, &r->doc, 1, opt, &r->err);
		assert_non_null(r->sum);
		check_json(r);
		render_others(r);
	} else {
		assert_int_equal(r->err.status, r->status);
		assert_null(text.data);
	}
	printf("  %-28s %9zu bytes  %6.3f s\n", name, len, now() - t0);
}

/* run_opt() with the default options, cleaning on. */
static void run(const char *name, const char *in, size_t len, unsigned flags,
	result *r)
{
	run_opt(name, in, len, flags, false, NULL, r);
}

/* Lower-case words, no punctuation at all, a line break every 70 bytes. */
static void test_no_punctuation(void **state)
{
	static const char *const words[] = {
		"le", "conseil", "municipal", "vote", "budget", "annuel", "pour",
		"les", "travaux", "de", "voirie", "et", "la", "nouvelle", "école",
		"du", "quartier", "nord",
	};
	input in = { 0 };
	size_t i = 0, col = 0;
	result r;

	(void)state;
	while (in.len < (1u << 20)) {
		const char *w = words[i++ % (sizeof(words) / sizeof(*words))];

		puts_in(&in, w);
		col += strlen(w) + 1;
		if (col > 70) {
			puts_in(&in, "\n");
			col = 0;
		} else {
			puts_in(&in, " ");
		}
	}
	run("1 MB, no punctuation", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	/* Hard-wrapped lines in lower case join into one long sentence. */
	assert_true(r.doc->sents.count >= 1);
	assert_true(r.sum->npicks >= 1);
	result_finish(&r);

	/* The same words as one line, raw: a single heading-like sentence. */
	for (i = 0; i < in.len; i++)
		if (in.data[i] == '\n')
			in.data[i] = ' ';
	run_opt("1 MB, one line, raw", in.data, in.len, 0, true, NULL, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.doc->sents.count, 1);
	result_finish(&r);
	free(in.data);
}

/* Nothing but stopwords: sentences, but no candidate. */
static void test_only_stopwords(void **state)
{
	input in = { 0 };
	result r;

	(void)state;
	repeat(&in, "Le la les de des du un une et \xC3\xA0 au aux ce ces il "
		"elle nous vous ils qui que dont o\xC3\xB9 mais ou donc or ni car. ",
		200000);
	run("only stopwords", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_true(r.doc->sents.count > 1000);
	assert_int_equal(r.sum->candidates, 0);
	assert_int_equal(r.sum->npicks, 0);
	result_finish(&r);
	free(in.data);
}

/* Empty and white-space-only inputs of every kind are NSUM_EEMPTY. */
static void test_empty_and_blank(void **state)
{
	static const char *const blank[] = {
		"", " ", "\n\n\n", " \t\r\n\r\n\f\v ", "\xC2\xA0\xE2\x80\xAF\n",
		"\xEF\xBB\xBF", "\xEF\xBB\xBF \r\n",
		"\xE2\x80\x83\xE3\x80\x80\xE2\x80\xA8\n", /* em space, ideographic */
	};
	input in = { 0 };
	size_t i;
	result r;

	(void)state;
	for (i = 0; i < sizeof(blank) / sizeof(*blank); i++) {
		run("empty or blank", blank[i], strlen(blank[i]), 0, &r);
		assert_int_equal(r.status, NSUM_EEMPTY);
		run("empty or blank, lossy", blank[i], strlen(blank[i]),
			NSUM_READ_LOSSY, &r);
		assert_int_equal(r.status, NSUM_EEMPTY);
	}
	repeat(&in, " \n\t\r\n\xC2\xA0", 1u << 20);
	run("1 MB of white space", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_EEMPTY);
	free(in.data);
}

/* Invalid UTF-8: an error naming line and column, or U+FFFD when lossy. */
static void test_invalid_utf8(void **state)
{
	input in = { 0 };
	result r;
	char msg[600];
	size_t i;

	(void)state;
	/* "Deuxième l" is 10 characters: the bad byte is column 11. */
	puts_in(&in, "Premi\xC3\xA8re ligne du texte.\r\nDeuxi\xC3\xA8me l\xE9gne "
		"du texte.\nTroisi\xC3\xA8me ligne, \xFF\xFE fin \xF0\x9F\x98.\n");
	run("invalid UTF-8", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_EENCODING);
	assert_int_equal(r.err.line, 2);
	assert_int_equal(r.err.column, 11);
	nsum_error_format(&r.err, msg, sizeof(msg));
	assert_non_null(strstr(msg, "in.txt:2:11: invalid UTF-8 byte 0xE9"));

	run("invalid UTF-8, lossy", in.data, in.len, NSUM_READ_LOSSY, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.doc->text.replaced, 6); /* E9, FF, FE, F0 9F 98 */
	assert_non_null(strstr(r.doc->text.data, "l\xEF\xBF\xBDgne"));
	assert_int_equal(r.doc->sents.count, 3);
	assert_true(r.sum->npicks >= 1);
	result_finish(&r);

	/* A bad byte far down a big file: line and column still right. */
	in.len = 0;
	for (i = 0; i < 50000; i++)
		puts_in(&in, "Une ligne correcte et sans histoire.\n");
	puts_in(&in, "\xC3\xA9t\xC3\xA9 \xC3\x28.\n");
	run("invalid UTF-8 at line 50001", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_EENCODING);
	assert_int_equal(r.err.line, 50001);
	assert_int_equal(r.err.column, 5); /* after "été " */
	free(in.data);
}

/* CRLF line ends, and no-break spaces wherever French typography puts them. */
static void test_crlf_nbsp(void **state)
{
	input in = { 0 };
	char line[256];
	size_t i;
	result r;

	(void)state;
	for (i = 0; i < 20000; i++) {
		snprintf(line, sizeof(line), "Le\xC2\xA0maire a dit\xC2\xA0: "
			"\xC2\xAB\xE2\x80\xAFnous voterons le budget %zu\xE2\x80\xAF"
			"\xC2\xBB\xC2\xA0! Pourquoi\xE2\x80\xAF? Parce\xC2\xA0que la "
			"ville %zu le veut.\r\n", i, i % 97);
		puts_in(&in, line);
		if (i % 5 == 4)
			puts_in(&in, "\r\n");
	}
	run("CRLF and no-break spaces", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.doc->text.crlf, 20000 + 20000 / 5);
	assert_null(memchr(r.doc->text.data, '\r', r.doc->text.len));
	assert_true(r.doc->sents.count >= 20000);
	assert_true(r.sum->npicks >= 1);
	result_finish(&r);
	free(in.data);
}

/* Ten megabytes of distinct sentences on a single line. */
static void test_one_huge_line(void **state)
{
	input in = { 0 };
	char s[128];
	size_t i = 0;
	result r;

	(void)state;
	while (in.len < 10u << 20) {
		snprintf(s, sizeof(s), "Le conseil a vot\xC3\xA9 la d\xC3\xA9lib"
			"\xC3\xA9ration %zu sur la voirie. ", i++);
		puts_in(&in, s);
	}
	run("one 10 MB line", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.doc->clean.count, 1);
	assert_true(r.doc->sents.count > 100000);
	assert_true(r.sum->npicks >= 1 && r.sum->npicks <= 3);
	result_finish(&r);
	free(in.data);
}

/* 100 000 short lines, each a sentence, with a few budgets. */
static void test_many_lines(void **state)
{
	static const char *const towns[] = {
		"Lyon", "Lille", "Nantes", "Rennes", "Brest", "Nice", "Metz",
	};
	nsum_summary_options opt;
	input in = { 0 };
	char s[128];
	size_t i;
	result r;

	(void)state;
	for (i = 0; i < 100000; i++) {
		snprintf(s, sizeof(s), "%s vote %zu fois.\n", towns[i % 7], i);
		puts_in(&in, s);
	}
	run("100 000 short lines", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.doc->clean.count, 100000);
	assert_true(r.doc->sents.count >= 99000);
	assert_true(r.sum->npicks >= 1 && r.sum->npicks <= 3);
	result_finish(&r);

	nsum_summary_options_default(&opt);
	opt.ratio = 0.5;
	run_opt("100 000 lines, --ratio 0.5", in.data, in.len, 0, false, &opt,
		&r);
	assert_int_equal(r.status, NSUM_OK);
	assert_true(r.sum->npicks >= 1);
	result_finish(&r);

	nsum_summary_options_default(&opt);
	opt.words = 100000;
	run_opt("100 000 lines, --words", in.data, in.len, 0, false, &opt, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_true(r.sum->npicks >= 1);
	result_finish(&r);

	nsum_summary_options_default(&opt);
	opt.sentences = 50000;
	run_opt("100 000 lines, -n 50000", in.data, in.len, 0, true, &opt, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_true(r.sum->npicks >= 1);
	result_finish(&r);
	free(in.data);
}

/* The same line, over and over: the cleaner keeps it once. */
static void test_repeated_lines(void **state)
{
	input in = { 0 };
	result r;

	(void)state;
	repeat(&in, "La m\xC3\xAAme phrase revient encore une fois ici.\n",
		4u << 20);
	run("identical lines", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.sum->candidates, 1);
	assert_int_equal(r.sum->npicks, 1);
	assert_true(r.doc->clean.dropped[NSUM_DROP_REPEATED] > 50000);
	result_finish(&r);

	/* Raw, every copy is a candidate; one is picked, the rest repeat it. */
	run_opt("identical lines, raw", in.data, in.len, 0, true, NULL, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_true(r.sum->candidates > 50000);
	assert_int_equal(r.sum->npicks, 1);
	result_finish(&r);
	free(in.data);
}

/* Half a million tiny sentences. */
static void test_tiny_sentences(void **state)
{
	input in = { 0 };
	result r;
	size_t i;

	(void)state;
	for (i = 0; i < 500000; i++)
		put(&in, "A. ", 3);
	run("\"A. \" x 500k", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	/* "A." reads as an initial, "a" is a stopword: nothing to pick. */
	assert_true(r.doc->sents.count >= 1);
	assert_int_equal(r.sum->npicks, 0);
	result_finish(&r);

	in.len = 0;
	for (i = 0; i < 500000; i++)
		put(&in, "Pluie sur Paris. ", 17);
	run("\"Pluie sur Paris. \" x 500k", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.doc->sents.count, 500000);
	/* Three words: a label, not a candidate. */
	assert_int_equal(r.sum->candidates, 0);
	assert_int_equal(r.sum->npicks, 0);
	result_finish(&r);

	in.len = 0;
	for (i = 0; i < 200000; i++)
		put(&in, "Il pleut sur Paris. ", 20);
	run("\"Il pleut sur Paris. \" x 200k", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.doc->sents.count, 200000);
	assert_int_equal(r.sum->npicks, 1); /* all the same */
	result_finish(&r);
	free(in.data);
}

/* Emoji only: text, but no sentence (no letter or digit). */
static void test_only_emoji(void **state)
{
	input in = { 0 };
	result r;

	(void)state;
	repeat(&in, "\xF0\x9F\x98\x80\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD "
		"\xE2\x9D\xA4\xEF\xB8\x8F \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 !\n",
		1u << 20);
	run("only emoji", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.doc->sents.count, 0);
	assert_int_equal(r.sum->npicks, 0);
	result_finish(&r);
	free(in.data);
}

/* Numbers only: sentences, but no candidate (no content word). */
static void test_only_numbers(void **state)
{
	input in = { 0 };
	result r;

	(void)state;
	repeat(&in, "12 345 6,7 20.000 1er 2e 90 % 3.14. 2026 1789.\n", 1u << 20);
	run("only numbers", in.data, in.len, 0, &r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.sum->candidates, 0);
	assert_int_equal(r.sum->npicks, 0);
	result_finish(&r);
	free(in.data);
}

/* Word number k of a made-up vocabulary: distinct syllable strings. */
static void made_up_word(size_t k, char *out)
{
	static const char *const syl[] = {
		"ba", "ko", "ri", "tu", "ma", "ne", "lo", "vi", "sa", "pe", "du",
		"fi", "go", "ja", "ze", "wu",
	};
	size_t n = 0;

	do {
		const char *p = syl[k % 16];

		out[n++] = p[0];
		out[n++] = p[1];
		k /= 16;
	} while (k);
	memcpy(out + n, "ra", 3);
}

/* A pseudo-random number (a fixed LCG: the test is the same every run). */
static size_t next_rand(uint64_t *state)
{
	*state = *state * 6364136223846793005u + 1442695040888963407u;
	return (size_t)(*state >> 33);
}

/*
 * A large budget over many distinct sentences: every candidate is tested
 * against every pick for redundancy, which must not cost picks x
 * candidates.
 */
static void test_large_budget(void **state)
{
	nsum_summary_options opt;
	input in = { 0 };
	uint64_t seed = 42;
	char w[40];
	size_t i, k;
	result r;

	(void)state;
	for (i = 0; i < 30000; i++) {
		for (k = 0; k < 10; k++) {
			made_up_word(next_rand(&seed) % 30000, w);
			if (k == 0)
				w[0] = (char)(w[0] - 'a' + 'A');
			puts_in(&in, w);
			puts_in(&in, k < 9 ? " " : ".\n");
		}
	}
	nsum_summary_options_default(&opt);
	opt.ratio = 1;
	run_opt("30 000 sentences, --ratio 1", in.data, in.len, 0, true, &opt,
		&r);
	assert_int_equal(r.status, NSUM_OK);
	assert_int_equal(r.sum->candidates, 30000);
	assert_true(r.sum->npicks > 27000);
	result_finish(&r);
	free(in.data);
}

/* A title of 20 000 words given apart, over 20 000 sentences. */
static void test_huge_title(void **state)
{
	nsum_doc_options dopt;
	input title = { 0 }, in = { 0 };
	nsum_summary *sum;
	nsum_text text;
	nsum_doc *doc;
	char w[40], line[128];
	double t0 = now();
	size_t i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		made_up_word(i, w);
		puts_in(&title, w);
		puts_in(&title, " ");
		made_up_word(i * 7 % 20000, w);
		snprintf(line, sizeof(line), "Le conseil parle de %s ce soir.\n", w);
		puts_in(&in, line);
	}
	assert_int_equal(nsum_text_init_bytes(&text, in.data, in.len, "t.jsonl",
		0, NULL), NSUM_OK);
	nsum_doc_options_default(&dopt);
	dopt.title = title.data;
	doc = nsum_doc_create(engine, "t.jsonl", &text, &dopt, NULL);
	assert_non_null(doc);
	assert_true(doc->ntitle_tokens >= 20000);
	sum = nsum_summarize(engine, &doc, 1, NULL, NULL);
	assert_non_null(sum);
	assert_true(sum->npicks >= 1);
	printf("  %-28s %9zu bytes  %6.3f s\n", "20 000-word title",
		title.len + in.len, now() - t0);
	nsum_summary_destroy(sum);
	nsum_doc_destroy(doc);
	free(title.data);
	free(in.data);
}

/*
 * A model counts a document's stems once each however often they repeat:
 * half a million stems, a thousand distinct, in an order that made the
 * old insertion sort quadratic.
 */
static void test_model_big_document(void **state)
{
	nsum_model *m = nsum_model_create(NULL);
	const char **stems = malloc(500000 * sizeof(*stems));
	size_t *lens = malloc(500000 * sizeof(*lens));
	char (*words)[40] = malloc(1000 * sizeof(*words));
	double t0 = now();
	size_t i;

	(void)state;
	assert_non_null(m);
	assert_true(stems && lens && words);
	for (i = 0; i < 1000; i++)
		made_up_word(i, words[i]);
	for (i = 0; i < 500000; i++) {
		stems[i] = words[999 - i % 1000];
		lens[i] = strlen(stems[i]);
	}
	assert_int_equal(nsum_model_add_document(m, stems, lens, 500000, NULL),
		NSUM_OK);
	assert_int_equal(nsum_model_add_document(m, stems, lens, 500000, NULL),
		NSUM_OK);
	assert_int_equal(nsum_model_stems(m), 1000);
	assert_int_equal(nsum_model_df(m, words[5], strlen(words[5])), 2);
	printf("  %-28s %9d stems  %6.3f s\n", "model of a big document",
		1000000, now() - t0);
	nsum_model_destroy(m);
	free(stems);
	free(lens);
	free(words);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_punctuation),
		cmocka_unit_test(test_only_stopwords),
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_crlf_nbsp),
		cmocka_unit_test(test_one_huge_line),
		cmocka_unit_test(test_many_lines),
		cmocka_unit_test(test_repeated_lines),
		cmocka_unit_test(test_tiny_sentences),
		cmocka_unit_test(test_only_emoji),
		cmocka_unit_test(test_only_numbers),
		cmocka_unit_test(test_large_budget),
		cmocka_unit_test(test_huge_title),
		cmocka_unit_test(test_model_big_document),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
