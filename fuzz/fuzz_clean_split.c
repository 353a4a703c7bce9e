/*
 * Fuzz target: read (lossy), clean, split.
 *
 * Bytes go through nsum_text_init_bytes() with NSUM_READ_LOSSY, then the
 * cleaner (classifying, and keeping every line as `nsum split` does) and
 * the splitter.  Checked on every input: the lines cover the text, each
 * kept part lies inside its line, the per-reason counts add up; segments
 * are kept parts in order; sentences are in order, inside the text and
 * inside their segments, non-empty, trimmed, cut on character boundaries,
 * hold a letter or a digit and carry the right line number.
 */
#include <string.h>

#include "fuzz.h"
#include "util/utf8.h"

/* Whether byte i of t starts a character (or is the end, n). */
static bool boundary(const char *t, size_t n, size_t i)
{
	return i == n || ((unsigned char)t[i] & 0xC0) != 0x80;
}

/* Whether t[a..b) holds only white space. */
static bool all_space(const char *t, size_t a, size_t b)
{
	while (a < b) {
		int32_t cp;

		a += u8_decode(t, b, a, &cp);
		if (!u8_is_space(cp))
			return false;
	}
	return true;
}

/* Whether t[a..b) holds a letter or a digit. */
static bool any_alnum(const char *t, size_t a, size_t b)
{
	while (a < b) {
		int32_t cp;

		a += u8_decode(t, b, a, &cp);
		if (u8_is_alnum(cp))
			return true;
	}
	return false;
}

/* The lines of c cover t[0..n) and agree with their reasons and counts. */
static void check_lines(const nsum_text *t, const nsum_cleaned *c)
{
	size_t counts[NSUM_DROP_COUNT] = { 0 }, i, pos = 0;
	int r;

	for (i = 0; i < c->count; i++) {
		const nsum_line *l = &c->lines[i];

		fuzz_check(l->start == pos, "line %zu starts at %zu, not %zu", i + 1,
			l->start, pos);
		fuzz_check(l->start <= l->end && l->end <= t->len,
			"line %zu: [%zu, %zu) outside the text", i + 1, l->start, l->end);
		fuzz_check(memchr(t->data + l->start, '\n', l->end - l->start) == NULL,
			"line %zu holds a line break", i + 1);
		fuzz_check(l->end == t->len || t->data[l->end] == '\n',
			"line %zu does not end at a line break", i + 1);
		fuzz_check(l->start <= l->keep_start && l->keep_start <= l->keep_end &&
			l->keep_end <= l->end, "line %zu: kept part [%zu, %zu) outside "
			"[%zu, %zu)", i + 1, l->keep_start, l->keep_end, l->start, l->end);
		fuzz_check(boundary(t->data, t->len, l->keep_start) &&
			boundary(t->data, t->len, l->keep_end),
			"line %zu: kept part cuts a character", i + 1);
		fuzz_check((unsigned)l->reason < NSUM_DROP_COUNT,
			"line %zu: reason %d", i + 1, (int)l->reason);
		fuzz_check(l->reason != NSUM_DROP_ENGLISH,
			"line %zu: the cleaner set the reason english", i + 1);
		counts[l->reason]++;
		pos = l->end + 1;
	}
	fuzz_check(pos >= t->len, "the lines end at %zu of %zu", pos, t->len);
	for (r = 1; r < NSUM_DROP_COUNT; r++)
		fuzz_check(counts[r] == c->dropped[r], "%zu lines dropped as %s, "
			"%zu counted", counts[r], nsum_drop_name((nsum_drop)r),
			c->dropped[r]);
	if (c->has_title)
		fuzz_check(c->title < c->count &&
			c->lines[c->title].reason == NSUM_DROP_TITLE,
			"the title line %zu is not dropped as title", c->title + 1);
}

/* Segments are the non-empty kept parts of kept lines, in order. */
static void check_segments(const nsum_cleaned *c, const nsum_segment *segs,
	size_t n)
{
	size_t i, j = 0;

	for (i = 0; i < c->count; i++) {
		const nsum_line *l = &c->lines[i];

		if (l->reason != NSUM_KEEP || l->keep_start == l->keep_end)
			continue;
		fuzz_check(j < n, "kept line %zu has no segment", i + 1);
		fuzz_check(segs[j].start == l->keep_start &&
			segs[j].end == l->keep_end && segs[j].line == i + 1,
			"segment %zu is not the kept part of line %zu", j, i + 1);
		j++;
	}
	fuzz_check(j == n, "%zu segments for %zu kept lines", n, j);
}

/* Line (1-based) of byte off: lines counted incrementally from *at. */
static size_t line_of(const char *t, size_t off, size_t *at, size_t *line)
{
	while (*at < off) {
		if (t[*at] == '\n')
			(*line)++;
		(*at)++;
	}
	return *line;
}

/*
 * The sentences of s lie in order inside the text and inside the segments
 * (or the white space between two), non-empty, trimmed, on character
 * boundaries, with a letter or a digit and the line they start on.
 */
static void check_sentences(const nsum_text *t, const nsum_segment *segs,
	size_t nsegs, const nsum_sentences *s)
{
	size_t i, prev_end = 0, prev_para = 0, seg = 0, at = 0, line = 1;

	for (i = 0; i < s->count; i++) {
		const nsum_sentence *x = &s->items[i];
		int32_t cp;

		fuzz_check(x->start < x->end, "sentence %zu is empty", i);
		fuzz_check(x->end <= t->len, "sentence %zu ends past the text", i);
		fuzz_check(x->start >= prev_end, "sentence %zu starts at %zu, "
			"before the end of the previous one (%zu)", i, x->start,
			prev_end);
		fuzz_check(boundary(t->data, t->len, x->start) &&
			boundary(t->data, t->len, x->end),
			"sentence %zu cuts a character", i);
		u8_decode(t->data, x->end, x->start, &cp);
		fuzz_check(!u8_is_space(cp), "sentence %zu starts with a space", i);
		u8_decode_prev(t->data, x->end, &cp);
		fuzz_check(!u8_is_space(cp), "sentence %zu ends with a space", i);
		fuzz_check(any_alnum(t->data, x->start, x->end),
			"sentence %zu has no letter or digit", i);
		fuzz_check(x->drop == NSUM_KEEP, "sentence %zu dropped by split", i);
		fuzz_check(i == 0 || x->paragraph >= prev_para,
			"sentence %zu: paragraph goes back", i);
		fuzz_check(line_of(t->data, x->start, &at, &line) == x->line,
			"sentence %zu: line %zu, but it starts on line %zu", i, x->line,
			line);

		/* Every byte in a segment or in white space between two. */
		while (seg < nsegs && segs[seg].end <= x->start)
			seg++;
		fuzz_check(seg < nsegs && segs[seg].start <= x->start,
			"sentence %zu starts outside the segments", i);
		while (segs[seg].end < x->end) {
			fuzz_check(seg + 1 < nsegs &&
				all_space(t->data, segs[seg].end, segs[seg + 1].start),
				"sentence %zu spans text outside the segments", i);
			seg++;
		}
		prev_end = x->end;
		prev_para = x->paragraph;
	}
}

/* Clean with opt (NULL: keep every line), check, split, check. */
static void run(const nsum_lang *lang, const nsum_text *t,
	const nsum_clean_options *opt)
{
	nsum_cleaned c;
	nsum_segment *segs = NULL;
	nsum_sentences s;
	size_t n = 0;
	nsum_status st;

	if (opt) {
		st = nsum_clean(lang, t->data, t->len, opt, &c, NULL);
		fuzz_check(st == NSUM_OK, "nsum_clean: status %d", (int)st);
		check_lines(t, &c);
		st = nsum_cleaned_segments(&c, &segs, &n, NULL);
		fuzz_check(st == NSUM_OK, "nsum_cleaned_segments: status %d",
			(int)st);
		check_segments(&c, segs, n);
		nsum_cleaned_finish(&c);
	} else {
		st = nsum_segments_all(t->data, t->len, &segs, &n, NULL);
		fuzz_check(st == NSUM_OK, "nsum_segments_all: status %d", (int)st);
	}
	st = nsum_split(lang, t->data, segs, n, &s, NULL);
	fuzz_check(st == NSUM_OK, "nsum_split: status %d", (int)st);
	check_sentences(t, segs, n, &s);
	nsum_sentences_finish(&s);
	nsum_free(segs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nsum_clean_options opt;
	nsum_text t;
	nsum_error err;
	nsum_lang *lang;

	nsum_error_init(&err);
	if (nsum_text_init_bytes(&t, (const char *)data, size, "fuzz",
		NSUM_READ_LOSSY, &err) != NSUM_OK) {
		fuzz_check(err.status == NSUM_EEMPTY || err.status == NSUM_EBINARY,
			"lossy read failed: %s", nsum_status_string(err.status));
		return 0;
	}
	fuzz_check(t.data[t.len] == '\0' && strlen(t.data) == t.len &&
		fuzz_utf8_valid(t.data, t.len), "the read text is not NUL-free UTF-8");
	fuzz_check(memchr(t.data, '\r', t.len) == NULL, "a CR is left");
	lang = nsum_lang_create(NULL);
	if (!lang)
		fuzz_fail("nsum_lang_create failed");
	nsum_clean_options_default(&opt);
	run(lang, &t, &opt);
	opt.find_title = false;
	run(lang, &t, &opt);
	opt.classify = false;
	run(lang, &t, &opt);
	run(lang, &t, NULL);
	nsum_lang_destroy(lang);
	nsum_text_finish(&t);
	return 0;
}
