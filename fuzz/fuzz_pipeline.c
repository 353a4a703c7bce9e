/*
 * Fuzz target: the whole library pipeline on one article.
 *
 * Input layout: the first 4 bytes (when there are more than 4) choose the
 * options -- byte 0 the sentence count, byte 1 the word budget, byte 2 the
 * ratio, byte 3 flags (no cleaning, explain, no key terms, a tight
 * redundancy, a title and an id given apart: the raw bytes of the first
 * line, which need not be UTF-8) -- and the rest is the article, read
 * lossily.
 * The article is analyzed once and summarized with several budgets, alone
 * and twice over as a set of two documents, then rendered in every format.
 *
 * Checked: picks are candidates, in reading order, within the budget
 * (sentences, ratio, words counted with nsum_word_count(), a cut only
 * alone); every rendering is valid UTF-8 of the length reported; JSON
 * parses and lists the picks with their offsets; the HTML page shows every
 * sentence once, in order.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

enum {
	F_NO_CLEAN = 1u << 0,
	F_TITLE = 1u << 1,
	F_EXPLAIN = 1u << 2,
	F_NO_TERMS = 1u << 3,
	F_REDUNDANT = 1u << 4,
	F_ID = 1u << 5,
};

/* Words of pick p, as the budget counts them. */
static size_t pick_words(nsum_doc *const *docs, const nsum_pick *p)
{
	const nsum_doc *d = docs[p->doc];
	const nsum_sentence *s = &d->sents.items[p->sentence];

	return nsum_word_count(d->text.data, s->start, p->cut ? p->cut : s->end);
}

/*
 * sum, made of docs with opt, keeps its promises: scores for candidates
 * only, picks are candidates in reading order within the budget, key terms
 * are UTF-8 spans of the text.
 */
static void check_summary(nsum_doc *const *docs, size_t ndocs,
	const nsum_summary_options *opt, const nsum_summary *sum)
{
	size_t i, words = 0, cands = 0, d;

	fuzz_check(sum->ndocs == ndocs, "ndocs %zu, not %zu", sum->ndocs, ndocs);
	for (d = 0; d < ndocs; d++) {
		fuzz_check(sum->offset[d + 1] - sum->offset[d] ==
			docs[d]->sents.count, "offset of document %zu", d);
		for (i = 0; i < docs[d]->sents.count; i++) {
			bool cand = nsum_doc_candidate(docs[d], i);
			double sc = sum->score[sum->offset[d] + i];

			cands += cand;
			fuzz_check(cand ? isfinite(sc) : sc == -INFINITY,
				"document %zu, sentence %zu: score %g", d, i, sc);
		}
	}
	fuzz_check(sum->candidates == cands, "%zu candidates, %zu counted",
		sum->candidates, cands);
	for (i = 0; i < sum->npicks; i++) {
		const nsum_pick *p = &sum->picks[i];
		const nsum_doc *doc;

		fuzz_check(p->doc < ndocs, "pick %zu: document %zu", i, p->doc);
		doc = docs[p->doc];
		fuzz_check(p->sentence < doc->sents.count &&
			nsum_doc_candidate(doc, p->sentence),
			"pick %zu: sentence %zu is not a candidate", i, p->sentence);
		fuzz_check(i == 0 || p->doc > p[-1].doc || (p->doc == p[-1].doc &&
			p->sentence > p[-1].sentence), "pick %zu out of reading order",
			i);
		fuzz_check(isfinite(p->score) &&
			p->score == sum->score[sum->offset[p->doc] + p->sentence],
			"pick %zu: score %g", i, p->score);
		if (p->cut) {
			const nsum_sentence *s = &doc->sents.items[p->sentence];

			fuzz_check(opt->words && sum->npicks == 1,
				"pick %zu is cut, but not alone under a word budget", i);
			fuzz_check(p->cut > s->start && p->cut <= s->end,
				"pick %zu: cut %zu outside [%zu, %zu]", i, p->cut, s->start,
				s->end);
		}
		words += pick_words(docs, p);
	}
	if (opt->sentences)
		fuzz_check(sum->npicks <= opt->sentences, "%zu picks for -n %zu",
			sum->npicks, opt->sentences);
	else if (opt->ratio > 0)
		fuzz_check(sum->npicks <= (size_t)ceil(opt->ratio *
			(double)sum->candidates) + 1, "%zu picks for --ratio %g of %zu",
			sum->npicks, opt->ratio, sum->candidates);
	else if (!opt->words)
		fuzz_check(sum->npicks <= 3, "%zu picks by default", sum->npicks);
	if (opt->words)
		fuzz_check(words <= opt->words, "%zu words for --words %zu", words,
			opt->words);
	fuzz_check(cands == 0 || sum->npicks > 0,
		"no pick among %zu candidates", cands);
	for (i = 0; i < sum->nterms; i++) {
		const nsum_term *t = &sum->terms[i];

		fuzz_check(t->text && t->text[0] && fuzz_utf8_valid(t->text,
			strlen(t->text)), "term %zu: empty or not UTF-8", i);
		fuzz_check(t->doc < ndocs && t->start < t->end &&
			t->end <= docs[t->doc]->text.len, "term %zu: bad span", i);
	}
	if (opt->terms == 0)
		fuzz_check(sum->nterms == 0, "%zu terms for -t 0", sum->nterms);
}

/* The JSON summary lists the picks with their offsets. */
static void check_json_summary(const nsum_doc *doc, const nsum_summary *sum,
	const char *s, size_t len)
{
	json_t *root = fuzz_parse_json("json summary", s, len), *arr;
	size_t i;

	arr = json_object_get(root, "summary");
	fuzz_check(json_is_array(arr) && json_array_size(arr) == sum->npicks,
		"json summary: \"summary\" does not hold the %zu picks", sum->npicks);
	for (i = 0; i < sum->npicks; i++) {
		json_t *o = json_array_get(arr, i);
		const nsum_pick *p = &sum->picks[i];
		const nsum_sentence *st = &doc->sents.items[p->sentence];

		fuzz_check(json_is_string(json_object_get(o, "text")) &&
			json_integer_value(json_object_get(o, "start")) ==
			(json_int_t)st->start && json_integer_value(json_object_get(o,
			"end")) == (json_int_t)(p->cut ? p->cut : st->end),
			"json summary: pick %zu", i);
	}
	fuzz_check(json_is_array(json_object_get(root, "terms")) &&
		json_array_size(json_object_get(root, "terms")) == sum->nterms,
		"json summary: terms");
	json_decref(root);
}

/* The page has one id="sN" per sentence, N = 0, 1, 2 ... in order. */
static void check_html(const nsum_doc *doc, const char *s)
{
	const char *p = s;
	size_t next = 0;

	while ((p = strstr(p, " id=\"s")) != NULL) {
		char *end;
		unsigned long long n = strtoull(p + 6, &end, 10);

		fuzz_check(*end == '"' && n == next,
			"html: sentence %llu where %zu was expected", n, next);
		next++;
		p = end;
	}
	fuzz_check(next == doc->sents.count, "html: %zu of %zu sentences shown",
		next, doc->sents.count);
}

/*
 * Render sum in every format (explain as asked): UTF-8 of the stated
 * length; JSON lists the picks, the page shows every sentence, the plain
 * text holds the words of the picks.
 */
static void render_all(const nsum_doc *doc, const nsum_summary *sum,
	bool explain)
{
	static const nsum_format formats[] = {
		NSUM_FORMAT_TEXT, NSUM_FORMAT_PLAIN, NSUM_FORMAT_JSON,
		NSUM_FORMAT_MD, NSUM_FORMAT_HTML,
	};
	nsum_render_options ropt;
	size_t f, len;
	char *s;

	nsum_render_options_default(&ropt);
	ropt.explain = explain;
	for (f = 0; f < sizeof(formats) / sizeof(*formats); f++) {
		ropt.format = formats[f];
		ropt.compact = f % 2 == 0;
		len = (size_t)-1;
		s = nsum_render_summary(doc, sum, &ropt, &len);
		fuzz_check_output("nsum_render_summary", s, len);
		if (ropt.format == NSUM_FORMAT_JSON)
			check_json_summary(doc, sum, s, len);
		if (ropt.format == NSUM_FORMAT_HTML)
			check_html(doc, s);
		if (ropt.format == NSUM_FORMAT_PLAIN) {
			size_t i, words = 0;

			for (i = 0; i < sum->npicks; i++)
				words += nsum_word_count(doc->text.data,
					doc->sents.items[sum->picks[i].sentence].start,
					sum->picks[i].cut ? sum->picks[i].cut :
					doc->sents.items[sum->picks[i].sentence].end);
			fuzz_check(nsum_word_count(s, 0, len) == words,
				"plain: %zu words, the picks hold %zu",
				nsum_word_count(s, 0, len), words);
		}
		nsum_free(s);
	}
}

/* The cleaned text and the sentence list, text and JSON. */
static void render_parts(const nsum_doc *doc)
{
	nsum_render_options ropt;
	json_t *j;
	size_t len;
	char *s;

	nsum_render_options_default(&ropt);
	s = nsum_render_clean(doc, &ropt, &len);
	fuzz_check_output("nsum_render_clean", s, len);
	nsum_free(s);
	ropt.explain = true;
	s = nsum_render_clean(doc, &ropt, &len);
	fuzz_check_output("nsum_render_clean explain", s, len);
	nsum_free(s);
	ropt.format = NSUM_FORMAT_JSON;
	s = nsum_render_clean(doc, &ropt, &len);
	fuzz_check_output("nsum_render_clean json", s, len);
	json_decref(fuzz_parse_json("json clean", s, len));
	nsum_free(s);
	s = nsum_render_split(doc, &ropt, &len);
	fuzz_check_output("nsum_render_split json", s, len);
	j = fuzz_parse_json("json split", s, len);
	fuzz_check(json_is_array(j) && json_array_size(j) == doc->sents.count,
		"json split: not an array of the %zu sentences", doc->sents.count);
	json_decref(j);
	nsum_free(s);
	ropt.format = NSUM_FORMAT_TEXT;
	s = nsum_render_split(doc, &ropt, &len);
	fuzz_check_output("nsum_render_split", s, len);
	nsum_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t b[4] = { 0, 0, 0, 0 };
	nsum_summary_options opts[4];
	nsum_doc_options dopt;
	nsum_engine *engine;
	nsum_summary *sum;
	nsum_doc *doc, *docs[2];
	nsum_error err;
	nsum_text t;
	char *first = NULL;
	size_t k;

	if (size > 4) {
		memcpy(b, data, 4);
		data += 4;
		size -= 4;
	}
	if (b[3] & (F_TITLE | F_ID)) {
		const uint8_t *nl = memchr(data, '\n', size);
		size_t n = nl ? (size_t)(nl - data) : size;

		first = malloc(n + 1);
		if (!first)
			fuzz_fail("out of memory");
		memcpy(first, data, n);
		first[n] = '\0';
		data += n + (nl != NULL);
		size -= n + (nl != NULL);
	}
	nsum_error_init(&err);
	if (nsum_text_init_bytes(&t, (const char *)data, size, "fuzz",
		NSUM_READ_LOSSY, &err) != NSUM_OK) {
		fuzz_check(err.status == NSUM_EEMPTY || err.status == NSUM_EBINARY,
			"lossy read failed: %s", nsum_status_string(err.status));
		free(first);
		return 0;
	}
	engine = nsum_engine_create(NULL);
	if (!engine)
		fuzz_fail("nsum_engine_create failed");
	nsum_doc_options_default(&dopt);
	dopt.clean = !(b[3] & F_NO_CLEAN);
	dopt.title = b[3] & F_TITLE ? first : NULL;
	dopt.id = b[3] & F_ID ? first : "fuzz";
	doc = nsum_doc_create(engine, b[3] & F_ID ? first : "fuzz", &t, &dopt,
		&err);
	if (!doc)
		fuzz_fail("nsum_doc_create: %s", err.text);
	fuzz_check(fuzz_utf8_valid(doc->name, strlen(doc->name)) &&
		fuzz_utf8_valid(doc->id, strlen(doc->id)) &&
		(!doc->title || fuzz_utf8_valid(doc->title, strlen(doc->title))),
		"the doc's name, id or title is not UTF-8");
	render_parts(doc);

	for (k = 0; k < 4; k++) {
		nsum_summary_options_default(&opts[k]);
		opts[k].explain = (b[3] & F_EXPLAIN) != 0;
		opts[k].terms = b[3] & F_NO_TERMS ? 0 : 10;
		if (b[3] & F_REDUNDANT)
			opts[k].redundancy = 0.05;
	}
	opts[1].sentences = 1 + b[0] % 16;
	opts[2].words = 1 + b[1];
	opts[3].ratio = (b[2] + 1) / 256.0;
	if (b[0] & 0x80)
		opts[3].words = 1 + b[1] % 8;

	for (k = 0; k < 4; k++) {
		sum = nsum_summarize(engine, &doc, 1, &opts[k], &err);
		if (!sum)
			fuzz_fail("nsum_summarize: %s", err.text);
		check_summary(&doc, 1, &opts[k], sum);
		render_all(doc, sum, opts[k].explain);
		nsum_summary_destroy(sum);
	}
	docs[0] = docs[1] = doc;
	sum = nsum_summarize(engine, docs, 2, &opts[b[0] % 4], &err);
	if (!sum)
		fuzz_fail("nsum_summarize of two: %s", err.text);
	check_summary(docs, 2, &opts[b[0] % 4], sum);
	nsum_summary_destroy(sum);

	nsum_doc_destroy(doc);
	nsum_engine_destroy(engine);
	free(first);
	return 0;
}
