/*
 * Article analysis (see nsum/doc.h): clean, split, mark English sentences,
 * tokenize and stem.  The glue between the first stages of the pipeline.
 */
#include <string.h>

#include "lang/lang.h"
#include "nsum/doc.h"
#include "nsum/token.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

void nsum_doc_options_default(nsum_doc_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->clean = true;
}

/* Token array under construction. */
typedef struct tokvec {
	nsum_token *items;
	size_t count;
	size_t cap;
} tokvec;

/*
 * Tokenize text[start..end) and append the words to v: lower-case, look up
 * the stopwords, stem.  With tally non-NULL, also count the words' evidence
 * for nsum_lang_guess() there (the same words it would read).  low is
 * scratch space.  0, or -1 on no memory.
 */
static int tokenize(nsum_engine *e, const char *text, size_t start,
	size_t end, tokvec *v, nsum_buf *low, lang_tally *tally)
{
	const nsum_lang *lang = nsum_engine_lang(e);
	nsum_stemmer *st = nsum_engine_stemmer(e);
	size_t pos = start;
	nsum_word w;

	while (nsum_word_next(text, end, &pos, &w)) {
		nsum_token *t;
		bool fr_stop = false, en_stop = false;
		unsigned lists;

		if (mem_grow((void **)&v->items, &v->cap, v->count + 1,
			sizeof(*v->items)) < 0)
			return -1;
		buf_clear(low);
		if (u8_lower_append(low, text + w.start, w.end - w.start) < 0)
			return -1;
		lists = lang_word_lists(lang, low->data, low->len);
		if (w.kind == NSUM_WORD_ALPHA) {
			fr_stop = (lists & LANG_STOP_FR) != 0;
			en_stop = (lists & LANG_STOP_EN) != 0;
			if (tally)
				lang_tally_word(tally, low->data, low->len, w.elided,
					fr_stop, en_stop);
		}
		t = &v->items[v->count];
		t->start = w.start;
		t->end = w.end;
		t->kind = (uint8_t)w.kind;
		t->capitalized = w.capitalized;
		t->elided = w.elided;
		t->stop = fr_stop || en_stop;
		t->weak = lists != 0;
		t->verb = nsum_lang_is_verb_form(low->data, low->len);
		t->stem = w.kind == NSUM_WORD_ALPHA ?
			nsum_stemmer_stem(st, low->data, low->len) :
			nsum_stemmer_intern(st, low->data, low->len);
		if (t->stem == NSUM_NO_STEM)
			return -1;
		v->count++;
	}
	return 0;
}

/*
 * Append the character of s[0..n) at i (its length k, decoded as cp) to b:
 * as it is, or U+FFFD for a byte that is not valid UTF-8.  Strings handed
 * in by the caller (a file name, an id, a title) may hold any bytes; the
 * doc keeps them as UTF-8, which every output format (JSON above all)
 * needs.  0, or -1 on no memory.
 */
static int append_char(nsum_buf *b, const char *s, size_t i, size_t k,
	int32_t cp)
{
	if (k == 1 && cp == 0xFFFD)
		return buf_append(b, "\xEF\xBF\xBD", 3);
	return buf_append(b, s + i, k);
}

/* A copy of s (any bytes) as UTF-8, invalid bytes made U+FFFD; NULL on no memory. */
static char *utf8_copy(const char *s)
{
	size_t i = 0, n = strlen(s);
	nsum_buf b;

	buf_init(&b);
	if (buf_reserve(&b, n) < 0)
		return NULL;
	while (i < n) {
		int32_t cp;
		size_t k = u8_decode(s, n, i, &cp);

		if (append_char(&b, s, i, k, cp) < 0) {
			buf_finish(&b);
			return NULL;
		}
		i += k;
	}
	return buf_steal(&b);
}

/*
 * A copy of s[0..n) on one line, white space runs made one space, trimmed,
 * invalid UTF-8 bytes made U+FFFD.
 */
static char *one_line(const char *s, size_t n)
{
	nsum_buf b;
	size_t i = 0;
	bool space = false;

	buf_init(&b);
	if (buf_reserve(&b, n) < 0)
		return NULL;
	while (i < n) {
		int32_t cp;
		size_t k = u8_decode(s, n, i, &cp);

		if (u8_is_space(cp)) {
			space = b.len > 0;
		} else {
			if (space && buf_putc(&b, ' ') < 0)
				goto nomem;
			space = false;
			if (append_char(&b, s, i, k, cp) < 0)
				goto nomem;
		}
		i += k;
	}
	return buf_steal(&b);
nomem:
	buf_finish(&b);
	return NULL;
}

static nsum_status analyze(nsum_engine *e, nsum_doc *d,
	const nsum_doc_options *opt, nsum_error *err)
{
	const nsum_lang *lang = nsum_engine_lang(e);
	nsum_clean_options copt;
	nsum_segment *segs = NULL;
	size_t nsegs = 0, i;
	tokvec v = { 0 };
	nsum_buf low;
	nsum_status st;

	buf_init(&low);
	nsum_clean_options_default(&copt);
	copt.classify = opt->clean;
	copt.find_title = opt->clean && opt->title == NULL;
	st = nsum_clean(lang, d->text.data, d->text.len, &copt, &d->clean, err);
	if (st == NSUM_OK)
		st = nsum_cleaned_segments(&d->clean, &segs, &nsegs, err);
	if (st == NSUM_OK)
		st = nsum_split(lang, d->text.data, segs, nsegs, &d->sents, err);
	nsum_free(segs);
	if (st != NSUM_OK)
		return st;

	if (opt->title) {
		d->title = one_line(opt->title, strlen(opt->title));
		if (!d->title)
			goto nomem;
	} else if (d->clean.has_title) {
		const nsum_line *l = &d->clean.lines[d->clean.title];

		d->title = one_line(d->text.data + l->start, l->end - l->start);
		if (!d->title)
			goto nomem;
		d->title_line = d->clean.title + 1;
	}

	d->first = nsum_malloc((d->sents.count + 1) * sizeof(*d->first));
	if (!d->first)
		goto nomem;
	for (i = 0; i < d->sents.count; i++) {
		nsum_sentence *s = &d->sents.items[i];
		lang_tally tally = { 0, 0 };

		d->first[i] = v.count;
		if (tokenize(e, d->text.data, s->start, s->end, &v, &low,
			&tally) < 0)
			goto nomem;
		/* As nsum_lang_guess() on the sentence, without reading it twice. */
		if (lang_tally_verdict(&tally) == NSUM_LANG_EN) {
			s->drop = NSUM_DROP_ENGLISH;
			d->english++;
		}
	}
	d->first[d->sents.count] = v.count;
	d->tokens = v.items;
	d->ntokens = v.count;
	memset(&v, 0, sizeof(v));
	if (d->title && tokenize(e, d->title, 0, strlen(d->title), &v, &low,
		NULL) < 0)
		goto nomem;
	d->title_tokens = v.items;
	d->ntitle_tokens = v.count;
	buf_finish(&low);
	return NSUM_OK;
nomem:
	nsum_free(v.items);
	buf_finish(&low);
	return nsum_error_set(err, NSUM_ENOMEM, d->name, 0, 0, "out of memory");
}

nsum_doc *nsum_doc_create(nsum_engine *engine, const char *name,
	nsum_text *text, const nsum_doc_options *opt, nsum_error *err)
{
	nsum_doc_options defaults;
	nsum_doc *d;

	if (!opt) {
		nsum_doc_options_default(&defaults);
		opt = &defaults;
	}
	d = mem_calloc(1, sizeof(*d));
	if (!d) {
		nsum_text_finish(text);
		nsum_error_set(err, NSUM_ENOMEM, name, 0, 0, "out of memory");
		return NULL;
	}
	d->text = *text;
	memset(text, 0, sizeof(*text));
	d->name = utf8_copy(name ? name : "");
	if (opt->id)
		d->id = utf8_copy(opt->id);
	if (!d->name || (opt->id && !d->id)) {
		nsum_error_set(err, NSUM_ENOMEM, name, 0, 0, "out of memory");
		nsum_doc_destroy(d);
		return NULL;
	}
	if (analyze(engine, d, opt, err) != NSUM_OK) {
		nsum_doc_destroy(d);
		return NULL;
	}
	return d;
}

void nsum_doc_destroy(nsum_doc *doc)
{
	if (!doc)
		return;
	nsum_free(doc->name);
	nsum_free(doc->id);
	nsum_text_finish(&doc->text);
	nsum_cleaned_finish(&doc->clean);
	nsum_free(doc->title);
	nsum_sentences_finish(&doc->sents);
	nsum_free(doc->tokens);
	nsum_free(doc->first);
	nsum_free(doc->title_tokens);
	nsum_free(doc);
}

/* Words a candidate sentence has at least. */
#define MIN_WORDS 4

bool nsum_doc_candidate(const nsum_doc *doc, size_t i)
{
	const nsum_sentence *s = &doc->sents.items[i];
	size_t t;

	bool content = false;

	if (s->drop != NSUM_KEEP || (s->flags & NSUM_SENT_HEADING))
		return false;
	/* A sentence of one to three words ("Finance.", "Dépréciations.") is
	 * a rubric or a label, never a summary sentence. */
	if (doc->first[i + 1] - doc->first[i] < MIN_WORDS)
		return false;
	for (t = doc->first[i]; t < doc->first[i + 1] && !content; t++)
		content = nsum_token_is_content(&doc->tokens[t]);
	return content;
}

char *nsum_doc_sentence_text(const nsum_doc *doc, size_t i)
{
	const nsum_sentence *s = &doc->sents.items[i];

	return one_line(doc->text.data + s->start, s->end - s->start);
}
