/*
 * JSON output through jansson (schema in docs/json.md).  Keys are inserted
 * in a fixed order, which jansson keeps, so output is stable; numbers are
 * rounded to 4 decimals.
 */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "render/render.h"
#include "util/json.h"
#include "util/mem.h"

/* Set key of obj to v, taking v over; returns -1 if v is NULL or on error. */
static int put(json_t *obj, const char *key, json_t *v)
{
	return v ? json_object_set_new(obj, key, v) : -1;
}

static json_t *str_n(const char *s, size_t n)
{
	return json_stringn(s, n);
}

/* A JSON string of s[0..n) on one line. */
static json_t *line_str(const char *s, size_t n)
{
	nsum_buf b;
	json_t *j;

	buf_init(&b);
	if (render_one_line(&b, s, n) < 0 || buf_putc(&b, '\0') < 0) {
		buf_finish(&b);
		return NULL;
	}
	j = json_stringn(b.data, b.len - 1);
	buf_finish(&b);
	return j;
}

static json_t *score_value(double x)
{
	return isfinite(x) ? json_real(render_round(x)) : json_null();
}

/* Dump root, with a final newline, and free it; NULL on failure. */
static char *dump(json_t *root, const nsum_render_options *opt, size_t *len)
{
	size_t flags = JSON_REAL_PRECISION(10);
	nsum_buf b;

	if (!root)
		return NULL;
	flags |= opt && opt->compact ? JSON_COMPACT : JSON_INDENT(2);
	buf_init(&b);
	if (json_dump_append(root, flags, &b) < 0 || buf_putc(&b, '\n') < 0) {
		json_decref(root);
		buf_finish(&b);
		return NULL;
	}
	json_decref(root);
	if (len)
		*len = b.len;
	return buf_steal(&b);
}

static json_t *stats(const nsum_doc *doc, const nsum_summary *sum)
{
	json_t *o = json_object(), *dropped = json_object();
	size_t r, kept = 0, i;
	int rc = 0;

	if (!o || !dropped) {
		json_decref(o);
		json_decref(dropped);
		return NULL;
	}
	for (i = 0; i < doc->clean.count; i++)
		kept += doc->clean.lines[i].reason == NSUM_KEEP;
	for (r = NSUM_DROP_BLANK + 1; r < NSUM_DROP_COUNT; r++) {
		size_t n = r == NSUM_DROP_ENGLISH ? doc->english : doc->clean.dropped[r];

		if (n)
			rc |= put(dropped, nsum_drop_name((nsum_drop)r), json_integer((json_int_t)n));
	}
	rc |= put(o, "bytes", json_integer((json_int_t)doc->text.len));
	rc |= put(o, "lines", json_integer((json_int_t)doc->clean.count));
	rc |= put(o, "lines_kept", json_integer((json_int_t)kept));
	rc |= put(o, "dropped", dropped);
	rc |= put(o, "sentences", json_integer((json_int_t)doc->sents.count));
	if (sum)
		rc |= put(o, "candidates", json_integer((json_int_t)sum->candidates));
	rc |= put(o, "invalid_replaced", json_integer((json_int_t)doc->text.replaced));
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* The glossary terms of pick p: [{term, en, start, end}]. */
static json_t *pick_gloss(const nsum_doc *doc, const nsum_summary *sum,
	const nsum_pick *p, const nsum_glossary *g)
{
	const nsum_sentence *s = &doc->sents.items[p->sentence];
	size_t end = p->cut ? p->cut : s->end, h;
	json_t *arr = json_array();
	int rc = 0;

	for (h = 0; arr && g && h < sum->nhits && !rc; h++) {
		const nsum_gloss_hit *hit = &sum->hits[h];
		json_t *o;

		if (hit->doc != p->doc || hit->start < s->start || hit->end > end)
			continue;
		o = json_object();
		rc |= put(o, "term", line_str(doc->text.data + hit->start,
			hit->end - hit->start));
		rc |= put(o, "en", json_string(nsum_glossary_entry(g, hit->entry)->en));
		rc |= put(o, "start", json_integer((json_int_t)hit->start));
		rc |= put(o, "end", json_integer((json_int_t)hit->end));
		rc |= json_array_append_new(arr, o) ? -1 : 0;
	}
	if (rc) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

static json_t *pick_json(const nsum_doc *doc, const nsum_summary *sum,
	size_t i, const nsum_render_options *opt)
{
	const nsum_pick *p = &sum->picks[i];
	const nsum_sentence *s = &doc->sents.items[p->sentence];
	json_t *o = json_object();
	nsum_buf b;
	int rc = 0;

	buf_init(&b);
	if (!o || render_pick_text(&b, doc, p) < 0 || buf_putc(&b, '\0') < 0) {
		buf_finish(&b);
		json_decref(o);
		return NULL;
	}
	rc |= put(o, "text", str_n(b.data, b.len - 1));
	buf_finish(&b);
	rc |= put(o, "index", json_integer((json_int_t)p->sentence));
	rc |= put(o, "start", json_integer((json_int_t)s->start));
	rc |= put(o, "end", json_integer((json_int_t)(p->cut ? p->cut : s->end)));
	rc |= put(o, "line", json_integer((json_int_t)s->line));
	rc |= put(o, "score", score_value(p->score));
	if (p->cut)
		rc |= put(o, "cut", json_true());
	if (opt->glossary)
		rc |= put(o, "glossary", pick_gloss(doc, sum, p, opt->glossary));
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *term_json(const nsum_term *t, const nsum_glossary *g)
{
	const nsum_gloss_entry *e = g && t->entry >= 0 ?
		nsum_glossary_entry(g, (size_t)t->entry) : NULL;
	json_t *o = json_object();
	int rc = 0;

	if (!o)
		return NULL;
	rc |= put(o, "term", json_string(t->text));
	rc |= put(o, "score", score_value(t->score));
	rc |= put(o, "count", json_integer((json_int_t)t->count));
	rc |= put(o, "start", json_integer((json_int_t)t->start));
	rc |= put(o, "end", json_integer((json_int_t)t->end));
	/* null: no glossary, or the glossary lacks the term */
	rc |= put(o, "en", e ? json_string(e->en) : json_null());
	rc |= put(o, "status", e ? json_string(nsum_gloss_status_name(e->status)) :
		json_null());
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *sentence_json(const nsum_doc *doc, const nsum_summary *sum,
	size_t i)
{
	const nsum_sentence *s = &doc->sents.items[i];
	json_t *o = json_object();
	int rc = 0;
	size_t k;

	if (!o)
		return NULL;
	rc |= put(o, "index", json_integer((json_int_t)i));
	rc |= put(o, "text", line_str(doc->text.data + s->start, s->end - s->start));
	rc |= put(o, "start", json_integer((json_int_t)s->start));
	rc |= put(o, "end", json_integer((json_int_t)s->end));
	rc |= put(o, "line", json_integer((json_int_t)s->line));
	rc |= put(o, "paragraph", json_integer((json_int_t)s->paragraph));
	rc |= put(o, "heading", json_boolean(s->flags & NSUM_SENT_HEADING));
	rc |= put(o, "dropped", s->drop ?
		json_string(nsum_drop_name((nsum_drop)s->drop)) : json_null());
	rc |= put(o, "score", score_value(sum->score[i]));
	if (sum->features && isfinite(sum->score[i])) {
		json_t *f = json_object();

		for (k = 0; f && k < NSUM_F_COUNT; k++)
			rc |= put(f, nsum_feature_name((nsum_feature)k),
				json_real(render_round(sum->features[i * NSUM_F_COUNT + k])));
		rc |= put(o, "features", f);
	}
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

char *render_json_summary(const nsum_doc *doc, const nsum_summary *sum,
	const nsum_render_options *opt, size_t *len)
{
	json_t *root = json_object(), *arr;
	size_t i;
	int rc = 0;

	if (!root)
		return NULL;
	rc |= put(root, "source", json_string(doc->name));
	if (doc->id)
		rc |= put(root, "id", json_string(doc->id));
	rc |= put(root, "title", doc->title ? json_string(doc->title) : json_null());
	arr = json_array();
	for (i = 0; arr && i < sum->npicks; i++)
		rc |= json_array_append_new(arr, pick_json(doc, sum, i, opt)) ? -1 : 0;
	rc |= put(root, "summary", arr);
	arr = json_array();
	for (i = 0; arr && i < sum->nterms; i++)
		rc |= json_array_append_new(arr, term_json(&sum->terms[i], opt->glossary)) ? -1 : 0;
	rc |= put(root, "terms", arr);
	rc |= put(root, "stats", stats(doc, sum));
	if (opt->explain) {
		arr = json_array();
		for (i = 0; arr && i < doc->sents.count; i++)
			rc |= json_array_append_new(arr, sentence_json(doc, sum, i)) ? -1 : 0;
		rc |= put(root, "sentences", arr);
	}
	if (rc) {
		json_decref(root);
		return NULL;
	}
	return dump(root, opt, len);
}

char *render_json_clean(const nsum_doc *doc, const nsum_render_options *opt,
	size_t *len)
{
	json_t *root = json_object(), *lines = json_array(), *dropped = json_array();
	size_t i;
	int rc = 0;

	if (!root || !lines || !dropped) {
		json_decref(root);
		json_decref(lines);
		json_decref(dropped);
		return NULL;
	}
	for (i = 0; i < doc->clean.count; i++) {
		const nsum_line *l = &doc->clean.lines[i];
		json_t *o = json_object();

		if (!o) {
			rc = -1;
			break;
		}
		if (l->reason == NSUM_DROP_BLANK) {
			json_decref(o);
			continue;
		}
		rc |= put(o, "line", json_integer((json_int_t)(i + 1)));
		if (l->reason == NSUM_KEEP) {
			rc |= put(o, "text", line_str(doc->text.data + l->keep_start,
				l->keep_end - l->keep_start));
			rc |= put(o, "start", json_integer((json_int_t)l->keep_start));
			rc |= put(o, "end", json_integer((json_int_t)l->keep_end));
			rc |= json_array_append_new(lines, o) ? -1 : 0;
		} else {
			rc |= put(o, "reason", json_string(nsum_drop_name(l->reason)));
			rc |= put(o, "text", line_str(doc->text.data + l->start,
				l->end - l->start));
			rc |= json_array_append_new(dropped, o) ? -1 : 0;
		}
	}
	for (i = 0; i < doc->sents.count && !rc; i++) {
		const nsum_sentence *s = &doc->sents.items[i];
		json_t *o;

		if (s->drop != NSUM_DROP_ENGLISH)
			continue;
		o = json_object();
		rc |= put(o, "line", json_integer((json_int_t)s->line));
		rc |= put(o, "reason", json_string("english"));
		rc |= put(o, "text", line_str(doc->text.data + s->start, s->end - s->start));
		rc |= put(o, "start", json_integer((json_int_t)s->start));
		rc |= put(o, "end", json_integer((json_int_t)s->end));
		rc |= json_array_append_new(dropped, o) ? -1 : 0;
	}
	rc |= put(root, "source", json_string(doc->name));
	rc |= put(root, "title", doc->title ? json_string(doc->title) : json_null());
	rc |= put(root, "kept", lines);
	rc |= put(root, "dropped", dropped);
	rc |= put(root, "stats", stats(doc, NULL));
	if (rc) {
		json_decref(root);
		return NULL;
	}
	return dump(root, opt, len);
}

char *render_json_split(const nsum_doc *doc, const nsum_render_options *opt,
	size_t *len)
{
	json_t *arr = json_array();
	size_t i;
	int rc = 0;

	for (i = 0; arr && i < doc->sents.count && !rc; i++) {
		const nsum_sentence *s = &doc->sents.items[i];
		json_t *o = json_object();

		rc |= put(o, "text", line_str(doc->text.data + s->start, s->end - s->start));
		rc |= put(o, "start", json_integer((json_int_t)s->start));
		rc |= put(o, "end", json_integer((json_int_t)s->end));
		rc |= put(o, "line", json_integer((json_int_t)s->line));
		rc |= json_array_append_new(arr, o) ? -1 : 0;
	}
	if (rc) {
		json_decref(arr);
		return NULL;
	}
	return dump(arr, opt, len);
}

json_t *render_article_json(const nsum_article *a)
{
	json_t *o = json_object();
	char day[11];
	int rc = 0;

	if (!o)
		return NULL;
	rc |= put(o, "id", json_string(a->doc->id ? a->doc->id : a->path));
	rc |= put(o, "path", json_string(a->path));
	rc |= put(o, "title", a->doc->title ? json_string(a->doc->title) :
		json_null());
	rc |= put(o, "source", a->source ? json_string(a->source) : json_null());
	nsum_date_format(&a->date, day);
	rc |= put(o, "date", day[0] ? json_string(day) : json_null());
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* The articles of a topic: [{id, path, title, source, date}]. */
static json_t *topic_articles(const nsum_article *arts, size_t n)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; arr && i < n; i++)
		if (json_array_append_new(arr, render_article_json(&arts[i])) < 0) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

char *render_json_topic(const nsum_article *arts, size_t n,
	const nsum_summary *sum, const nsum_render_options *opt, size_t *len)
{
	json_t *root = json_object(), *arr;
	size_t i;
	int rc = 0;

	if (!root)
		return NULL;
	rc |= put(root, "headline", sum->headline >= 0 &&
		(size_t)sum->headline < n ?
		json_string(arts[sum->headline].doc->title) : json_null());
	rc |= put(root, "articles", topic_articles(arts, n));
	arr = json_array();
	for (i = 0; arr && i < sum->npicks; i++) {
		const nsum_pick *p = &sum->picks[i];
		json_t *o = pick_json(arts[p->doc].doc, sum, i, opt);

		/* The article first: insert it, then move the others after it. */
		if (o) {
			json_t *t = json_object();
			const char *k;
			json_t *v;

			if (!t || put(t, "article", json_integer((json_int_t)p->doc)) < 0) {
				json_decref(t);
				json_decref(o);
				o = NULL;
			} else {
				json_object_foreach(o, k, v)
					if (json_object_set(t, k, v) < 0)
						rc = -1;
				json_decref(o);
				o = t;
			}
		}
		rc |= json_array_append_new(arr, o) ? -1 : 0;
	}
	rc |= put(root, "summary", arr);
	arr = json_array();
	for (i = 0; arr && i < sum->nterms; i++) {
		json_t *o = term_json(&sum->terms[i], opt->glossary);

		if (o && put(o, "article", json_integer((json_int_t)sum->terms[i].doc)) < 0) {
			json_decref(o);
			o = NULL;
		}
		rc |= json_array_append_new(arr, o) ? -1 : 0;
	}
	rc |= put(root, "terms", arr);
	if (rc) {
		json_decref(root);
		return NULL;
	}
	return dump(root, opt, len);
}
