/*
 * JSON output (schema in docs/json.md), written straight into a buffer.
 *
 * The layout is jansson's, byte for byte, so that output did not change
 * when the renderers stopped building a jansson tree to dump it: compact
 * (`{"a":1,"b":[]}`) for JSON lines, or indented by two spaces with ": "
 * after keys; strings escape `"` `\` and control characters (`\n`,
 * `\u001F`) and keep other characters as UTF-8; reals are printed with
 * "%.10g" and always hold a '.' or an exponent.  Keys come in a fixed order,
 * so output is stable; numbers are rounded to 4 decimals.  A string that is
 * not valid UTF-8 (a file name can be anything) fails the whole render, as
 * it did with jansson.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/render.h"
#include "util/mem.h"
#include "util/utf8.h"

/* A JSON text being written into a buffer. */
typedef struct jw {
	nsum_buf *b;       /* the output */
	bool indent;       /* indented layout; else compact */
	size_t depth;      /* objects and arrays open */
	bool empty;        /* the innermost one has no member yet */
	bool after_key;    /* a key was written: its value comes next */
	int rc;            /* 0, or -1 once anything failed */
} jw;

static void jw_init(jw *w, nsum_buf *b, const nsum_render_options *opt)
{
	w->b = b;
	w->indent = !(opt && opt->compact);
	w->depth = 0;
	w->empty = false;
	w->after_key = false;
	w->rc = 0;
}

/* Append s[0..n) raw, recording a failure. */
static void jw_raw(jw *w, const char *s, size_t n)
{
	if (buf_append(w->b, s, n) < 0)
		w->rc = -1;
}

/* A line break and the indentation of the current depth (indented only). */
static void jw_newline(jw *w)
{
	size_t i;

	if (!w->indent)
		return;
	jw_raw(w, "\n", 1);
	for (i = 0; i < w->depth; i++)
		jw_raw(w, "  ", 2);
}

/* What comes before a value or a key: nothing after a key or at the top,
 * else a comma after an earlier member, and the line break. */
static void jw_prefix(jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	if (!w->empty)
		jw_raw(w, ",", 1);
	jw_newline(w);
	w->empty = false;
}

/* Open an object ('{') or an array ('['). */
static void jw_open(jw *w, char c)
{
	jw_prefix(w);
	jw_raw(w, &c, 1);
	w->depth++;
	w->empty = true;
}

/* Close the innermost object ('}') or array (']'). */
static void jw_close(jw *w, char c)
{
	w->depth--;
	if (!w->empty)
		jw_newline(w);
	jw_raw(w, &c, 1);
	w->empty = false;
}

/* A string token for s[0..n); invalid UTF-8 fails the render. */
static void jw_quoted(jw *w, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i = 0, run = 0;

	jw_raw(w, "\"", 1);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		char esc[6];
		size_t k = 1, m = 2;
		int32_t cp;

		if (c >= 0x80) {
			k = u8_decode(s, n, i, &cp);
			if (k == 1) {
				w->rc = -1;
				return;
			}
			i += k;
			continue;
		}
		if (c >= 0x20 && c != '"' && c != '\\') {
			i++;
			continue;
		}
		jw_raw(w, s + run, i - run);
		esc[0] = '\\';
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			m = 6;
			break;
		}
		jw_raw(w, esc, m);
		run = ++i;
	}
	jw_raw(w, s + run, n - run);
	jw_raw(w, "\"", 1);
}

/* A member's key: a name of the schema, which needs no escape. */
static void jw_key(jw *w, const char *key)
{
	jw_prefix(w);
	jw_raw(w, "\"", 1);
	jw_raw(w, key, strlen(key));
	if (w->indent)
		jw_raw(w, "\": ", 3);
	else
		jw_raw(w, "\":", 2);
	w->after_key = true;
}

static void jw_string(jw *w, const char *s, size_t n)
{
	jw_prefix(w);
	jw_quoted(w, s, n);
}

static void jw_cstring(jw *w, const char *s)
{
	jw_string(w, s, strlen(s));
}

/* A string, or null for NULL. */
static void jw_string_or_null(jw *w, const char *s)
{
	jw_prefix(w);
	if (s)
		jw_quoted(w, s, strlen(s));
	else
		jw_raw(w, "null", 4);
}

/* An integer, as jansson prints a json_int_t ("%lld"). */
static void jw_int(jw *w, size_t v)
{
	long long x = (long long)v;
	unsigned long long u = x < 0 ? 0ull - (unsigned long long)x :
		(unsigned long long)x;
	char num[24];
	size_t i = sizeof(num);

	do {
		num[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (x < 0)
		num[--i] = '-';
	jw_prefix(w);
	jw_raw(w, num + i, sizeof(num) - i);
}

static void jw_bool(jw *w, bool v)
{
	jw_prefix(w);
	if (v)
		jw_raw(w, "true", 4);
	else
		jw_raw(w, "false", 5);
}

static void jw_null(jw *w)
{
	jw_prefix(w);
	jw_raw(w, "null", 4);
}

/*
 * A real, as jansson prints it with 10 significant digits: "%.10g", a
 * '.' as the decimal point, ".0" added when there is neither a '.' nor an
 * exponent, and no '+' nor leading zeros in the exponent ("1e-5").  A
 * value that is not finite fails the render (jansson has no such reals).
 */
static void jw_real(jw *w, double x)
{
	char num[48], *start, *end, *comma;
	int n;
	size_t len;

	jw_prefix(w);
	n = snprintf(num, sizeof(num), "%.10g", x);
	if (!isfinite(x) || n < 0 || (size_t)n + 3 >= sizeof(num)) {
		w->rc = -1;
		return;
	}
	len = (size_t)n;
	comma = strchr(num, ',');
	if (comma)
		*comma = '.';
	if (!strchr(num, '.') && !strchr(num, 'e')) {
		memcpy(num + len, ".0", 3);
		len += 2;
	}
	start = strchr(num, 'e');
	if (start) {
		start++;
		end = start + 1;
		if (*start == '-')
			start++;
		while (*end == '0')
			end++;
		if (end != start) {
			memmove(start, end, len - (size_t)(end - num) + 1);
			len -= (size_t)(end - start);
		}
	}
	jw_raw(w, num, len);
}

/* A score rounded to 4 decimals, or null when it is not finite. */
static void jw_score(jw *w, double x)
{
	if (isfinite(x))
		jw_real(w, render_round(x));
	else
		jw_null(w);
}

/* A string of s[0..n) on one line (white space runs as one space). */
static void jw_line(jw *w, nsum_buf *tmp, const char *s, size_t n)
{
	buf_clear(tmp);
	if (render_one_line(tmp, s, n) < 0) {
		w->rc = -1;
		return;
	}
	jw_string(w, tmp->data ? tmp->data : "", tmp->len);
}

/*
 * Finish: the final newline, then the text as a new string (free with
 * nsum_free()), its length in *len; NULL if anything failed.
 */
static char *jw_finish(jw *w, size_t *len)
{
	char *s;

	jw_raw(w, "\n", 1);
	if (w->rc < 0) {
		buf_finish(w->b);
		return NULL;
	}
	if (len)
		*len = w->b->len;
	s = buf_steal(w->b);
	return s;
}

static void stats(jw *w, const nsum_doc *doc, const nsum_summary *sum)
{
	size_t r, kept = 0, i;

	for (i = 0; i < doc->clean.count; i++)
		kept += doc->clean.lines[i].reason == NSUM_KEEP;
	jw_open(w, '{');
	jw_key(w, "bytes");
	jw_int(w, doc->text.len);
	jw_key(w, "lines");
	jw_int(w, doc->clean.count);
	jw_key(w, "lines_kept");
	jw_int(w, kept);
	jw_key(w, "dropped");
	jw_open(w, '{');
	for (r = NSUM_DROP_BLANK + 1; r < NSUM_DROP_COUNT; r++) {
		size_t n = r == NSUM_DROP_ENGLISH ? doc->english : doc->clean.dropped[r];

		if (n) {
			jw_key(w, nsum_drop_name((nsum_drop)r));
			jw_int(w, n);
		}
	}
	jw_close(w, '}');
	jw_key(w, "sentences");
	jw_int(w, doc->sents.count);
	if (sum) {
		jw_key(w, "candidates");
		jw_int(w, sum->candidates);
	}
	jw_key(w, "invalid_replaced");
	jw_int(w, doc->text.replaced);
	jw_close(w, '}');
}

static void pick_json(jw *w, nsum_buf *tmp, const nsum_doc *doc,
	const nsum_pick *p)
{
	const nsum_sentence *s = &doc->sents.items[p->sentence];

	jw_open(w, '{');
	jw_key(w, "text");
	buf_clear(tmp);
	if (render_pick_text(tmp, doc, p) < 0)
		w->rc = -1;
	else
		jw_string(w, tmp->data ? tmp->data : "", tmp->len);
	jw_key(w, "index");
	jw_int(w, p->sentence);
	jw_key(w, "start");
	jw_int(w, s->start);
	jw_key(w, "end");
	jw_int(w, p->cut ? p->cut : s->end);
	jw_key(w, "line");
	jw_int(w, s->line);
	jw_key(w, "score");
	jw_score(w, p->score);
	if (p->cut) {
		jw_key(w, "cut");
		jw_bool(w, true);
	}
	jw_close(w, '}');
}

static void term_json(jw *w, const nsum_term *t)
{
	jw_open(w, '{');
	jw_key(w, "term");
	jw_cstring(w, t->text);
	jw_key(w, "score");
	jw_score(w, t->score);
	jw_key(w, "count");
	jw_int(w, t->count);
	jw_key(w, "start");
	jw_int(w, t->start);
	jw_key(w, "end");
	jw_int(w, t->end);
	jw_close(w, '}');
}

static void sentence_json(jw *w, nsum_buf *tmp, const nsum_doc *doc,
	const nsum_summary *sum, size_t i)
{
	const nsum_sentence *s = &doc->sents.items[i];
	size_t k;

	jw_open(w, '{');
	jw_key(w, "index");
	jw_int(w, i);
	jw_key(w, "text");
	jw_line(w, tmp, doc->text.data + s->start, s->end - s->start);
	jw_key(w, "start");
	jw_int(w, s->start);
	jw_key(w, "end");
	jw_int(w, s->end);
	jw_key(w, "line");
	jw_int(w, s->line);
	jw_key(w, "paragraph");
	jw_int(w, s->paragraph);
	jw_key(w, "heading");
	jw_bool(w, s->flags & NSUM_SENT_HEADING);
	jw_key(w, "dropped");
	if (s->drop)
		jw_cstring(w, nsum_drop_name((nsum_drop)s->drop));
	else
		jw_null(w);
	jw_key(w, "score");
	jw_score(w, sum->score[i]);
	if (sum->features && isfinite(sum->score[i])) {
		jw_key(w, "features");
		jw_open(w, '{');
		for (k = 0; k < NSUM_F_COUNT; k++) {
			jw_key(w, nsum_feature_name((nsum_feature)k));
			jw_real(w, render_round(sum->features[i * NSUM_F_COUNT + k]));
		}
		jw_close(w, '}');
	}
	jw_close(w, '}');
}

char *render_json_summary(const nsum_doc *doc, const nsum_summary *sum,
	const nsum_render_options *opt, size_t *len)
{
	nsum_buf b, tmp;
	jw w;
	size_t i;

	buf_init(&b);
	buf_init(&tmp);
	jw_init(&w, &b, opt);
	jw_open(&w, '{');
	jw_key(&w, "source");
	jw_cstring(&w, doc->name);
	if (doc->id) {
		jw_key(&w, "id");
		jw_cstring(&w, doc->id);
	}
	jw_key(&w, "title");
	jw_string_or_null(&w, doc->title);
	jw_key(&w, "summary");
	jw_open(&w, '[');
	for (i = 0; i < sum->npicks; i++)
		pick_json(&w, &tmp, doc, &sum->picks[i]);
	jw_close(&w, ']');
	jw_key(&w, "terms");
	jw_open(&w, '[');
	for (i = 0; i < sum->nterms; i++)
		term_json(&w, &sum->terms[i]);
	jw_close(&w, ']');
	jw_key(&w, "stats");
	stats(&w, doc, sum);
	if (opt->explain) {
		jw_key(&w, "sentences");
		jw_open(&w, '[');
		for (i = 0; i < doc->sents.count; i++)
			sentence_json(&w, &tmp, doc, sum, i);
		jw_close(&w, ']');
	}
	jw_close(&w, '}');
	buf_finish(&tmp);
	return jw_finish(&w, len);
}

char *render_json_clean(const nsum_doc *doc, const nsum_render_options *opt,
	size_t *len)
{
	nsum_buf b, tmp;
	jw w;
	size_t i;

	buf_init(&b);
	buf_init(&tmp);
	jw_init(&w, &b, opt);
	jw_open(&w, '{');
	jw_key(&w, "source");
	jw_cstring(&w, doc->name);
	jw_key(&w, "title");
	jw_string_or_null(&w, doc->title);
	jw_key(&w, "kept");
	jw_open(&w, '[');
	for (i = 0; i < doc->clean.count; i++) {
		const nsum_line *l = &doc->clean.lines[i];

		if (l->reason != NSUM_KEEP)
			continue;
		jw_open(&w, '{');
		jw_key(&w, "line");
		jw_int(&w, i + 1);
		jw_key(&w, "text");
		jw_line(&w, &tmp, doc->text.data + l->keep_start,
			l->keep_end - l->keep_start);
		jw_key(&w, "start");
		jw_int(&w, l->keep_start);
		jw_key(&w, "end");
		jw_int(&w, l->keep_end);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	/* Dropped lines, then the sentences dropped as English. */
	jw_key(&w, "dropped");
	jw_open(&w, '[');
	for (i = 0; i < doc->clean.count; i++) {
		const nsum_line *l = &doc->clean.lines[i];

		if (l->reason == NSUM_KEEP || l->reason == NSUM_DROP_BLANK)
			continue;
		jw_open(&w, '{');
		jw_key(&w, "line");
		jw_int(&w, i + 1);
		jw_key(&w, "reason");
		jw_cstring(&w, nsum_drop_name(l->reason));
		jw_key(&w, "text");
		jw_line(&w, &tmp, doc->text.data + l->start, l->end - l->start);
		jw_close(&w, '}');
	}
	for (i = 0; i < doc->sents.count; i++) {
		const nsum_sentence *s = &doc->sents.items[i];

		if (s->drop != NSUM_DROP_ENGLISH)
			continue;
		jw_open(&w, '{');
		jw_key(&w, "line");
		jw_int(&w, s->line);
		jw_key(&w, "reason");
		jw_cstring(&w, "english");
		jw_key(&w, "text");
		jw_line(&w, &tmp, doc->text.data + s->start, s->end - s->start);
		jw_key(&w, "start");
		jw_int(&w, s->start);
		jw_key(&w, "end");
		jw_int(&w, s->end);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	jw_key(&w, "stats");
	stats(&w, doc, NULL);
	jw_close(&w, '}');
	buf_finish(&tmp);
	return jw_finish(&w, len);
}

char *render_json_split(const nsum_doc *doc, const nsum_render_options *opt,
	size_t *len)
{
	nsum_buf b, tmp;
	jw w;
	size_t i;

	buf_init(&b);
	buf_init(&tmp);
	jw_init(&w, &b, opt);
	jw_open(&w, '[');
	for (i = 0; i < doc->sents.count; i++) {
		const nsum_sentence *s = &doc->sents.items[i];

		jw_open(&w, '{');
		jw_key(&w, "text");
		jw_line(&w, &tmp, doc->text.data + s->start, s->end - s->start);
		jw_key(&w, "start");
		jw_int(&w, s->start);
		jw_key(&w, "end");
		jw_int(&w, s->end);
		jw_key(&w, "line");
		jw_int(&w, s->line);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	buf_finish(&tmp);
	return jw_finish(&w, len);
}
