/*
 * The daily digest (see nsum/digest.h): topics, their summaries, the day's
 * terms, the history link, and the files.
 *
 * The digest is built once as the D.json object (schema in docs/digest.md);
 * Markdown and HTML are rendered from that object (digest/render.c), so
 * the three files always say the same thing.
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "digest/digest_render.h"
#include "nsum/nsum.h"
#include "render/render.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/mem.h"
#include "util/strmap.h"

/* In the term map of glossary_json(), values are 1 + the entry's index,
 * with this bit for an entry of "missing"; 0 is a new term. */
#define MISSING 0x80000000u

struct nsum_digest {
	json_t *root;          /* the D.json object */
	char day[11];          /* "YYYY-MM-DD" */
	size_t ntopics;
};

/* A topic of an earlier digest, read from the history folder. */
typedef struct past {
	char date[11];
	char *id;              /* its id in that digest ("t3") */
	char *headline;
	nsum_doc *doc;         /* headline and summary, one sentence a line */
	uint32_t *stems;       /* its distinct content stems, sorted */
	size_t nstems;
} past;

/* Words of a headline made from a sentence, for a topic without titles. */
#define HEADLINE_WORDS 12

/* A topic of the day while it is built. */
typedef struct topic {
	size_t *members;       /* article indices, reading order */
	size_t n;
	size_t first;          /* lowest article index: ties of the order */
	json_t *obj;           /* its D.json object (without id) */
	const char *headline;  /* inside obj */
} topic;

void nsum_digest_options_default(nsum_digest_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	nsum_summary_options_default(&opt->summary);
	opt->summary.sentences = 3;
	opt->summary.terms = 8;
	nsum_cluster_options_default(&opt->cluster);
	opt->continues = NSUM_DIGEST_CONTINUES;
}

static int put(json_t *obj, const char *key, json_t *v)
{
	return v ? json_object_set_new(obj, key, v) : -1;
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/*
 * The distinct content stems of the tokens of doc's sentences (all of
 * them when lead is 0, else the first lead kept ones) and its title, added
 * to the sorted set *u (length *n, capacity *cap).  0, or -1 on no memory.
 */
static int add_stems(const nsum_doc *doc, size_t lead, uint32_t **u,
	size_t *n, size_t *cap)
{
	size_t i, t, kept = 0, k, m;

	for (i = 0; i < doc->sents.count; i++) {
		if (doc->sents.items[i].drop != NSUM_KEEP)
			continue;
		if (lead && kept++ >= lead)
			break;
		for (t = doc->first[i]; t < doc->first[i + 1]; t++) {
			const nsum_token *tk = &doc->tokens[t];

			if (!nsum_token_is_content(tk))
				continue;
			if (mem_grow((void **)u, cap, *n + 1, sizeof(**u)) < 0)
				return -1;
			(*u)[(*n)++] = tk->stem;
		}
	}
	for (t = 0; t < doc->ntitle_tokens; t++) {
		const nsum_token *tk = &doc->title_tokens[t];

		if (!nsum_token_is_content(tk))
			continue;
		if (mem_grow((void **)u, cap, *n + 1, sizeof(**u)) < 0)
			return -1;
		(*u)[(*n)++] = tk->stem;
	}
	if (*n)
		qsort(*u, *n, sizeof(**u), cmp_u32);
	for (k = 0, m = 0; k < *n; k++)
		if (m == 0 || (*u)[k] != (*u)[m - 1])
			(*u)[m++] = (*u)[k];
	*n = m;
	return 0;
}

/* Cosine of two sorted sets of stems. */
static double set_cosine(const uint32_t *a, size_t na, const uint32_t *b,
	size_t nb)
{
	size_t i = 0, j = 0, common = 0;

	if (!na || !nb)
		return 0;
	while (i < na && j < nb) {
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else {
			common++;
			i++;
			j++;
		}
	}
	return (double)common / sqrt((double)na * (double)nb);
}

/* ---- History ---- */

static void past_finish(past *p)
{
	nsum_free(p->id);
	nsum_free(p->headline);
	nsum_doc_destroy(p->doc);
	nsum_free(p->stems);
}

static int by_name_desc(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

/* Whether name is "YYYY-MM-DD.json" for a day before day. */
static bool digest_name(const char *name, const char *day)
{
	nsum_date d;

	if (strlen(name) != 15 || strcmp(name + 10, ".json") != 0)
		return false;
	if (nsum_date_parse(name, 10, &d) != 10 || name[4] != '-')
		return false;
	return strncmp(name, day, 10) < 0;
}

/*
 * Read the topics of one earlier digest (path, of day date) into *ps.
 * NSUM_OK, NSUM_EIO, NSUM_EFORMAT or NSUM_ENOMEM.
 */
static nsum_status read_past(nsum_engine *e, const char *path,
	const char *date, past **ps, size_t *n, size_t *cap, nsum_error *err)
{
	json_error_t jerr, again;
	json_t *root, *topics, *t;
	nsum_status st = NSUM_OK;
	size_t i;

	root = json_load_file(path, 0, &jerr);
	if (!root)
		root = json_load_file(path, 0, &again);
	if (!root) {
		if (json_failed_on_memory(&jerr, &again))
			return nsum_error_set(err, NSUM_ENOMEM, path, 0, 0,
				"out of memory");
		if (jerr.line <= 0)
			return nsum_error_set(err, NSUM_EIO, path, 0, 0, "%s", jerr.text);
		return nsum_error_set(err, NSUM_EFORMAT, path, (size_t)jerr.line,
			(size_t)(jerr.column > 0 ? jerr.column : 0), "%s", jerr.text);
	}
	topics = json_object_get(root, "topics");
	if (!json_is_array(topics)) {
		json_decref(root);
		return nsum_error_set(err, NSUM_EFORMAT, path, 0, 0,
			"not an nsum digest: no \"topics\" array");
	}
	json_array_foreach(topics, i, t) {
		const char *id = json_string_value(json_object_get(t, "id"));
		const char *h = json_string_value(json_object_get(t, "headline"));
		json_t *sum = json_object_get(t, "summary"), *s;
		nsum_doc_options dopt;
		nsum_text text;
		nsum_error terr;
		nsum_status tst;
		nsum_buf b;
		size_t k, ncap = 0;
		past *p;

		if (!id)
			continue;
		buf_init(&b);
		json_array_foreach(sum, k, s) {
			const char *x = json_string_value(json_object_get(s, "text"));

			if (x && (buf_puts(&b, x) < 0 || buf_putc(&b, '\n') < 0)) {
				buf_finish(&b);
				st = nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
				goto out;
			}
		}
		if (mem_grow((void **)ps, cap, *n + 1, sizeof(**ps)) < 0) {
			buf_finish(&b);
			st = nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
			goto out;
		}
		p = &(*ps)[*n];
		memset(p, 0, sizeof(*p));
		memcpy(p->date, date, 10);
		p->id = mem_strndup(id, strlen(id));
		p->headline = h ? mem_strndup(h, strlen(h)) : NULL;
		nsum_doc_options_default(&dopt);
		dopt.clean = false;
		dopt.title = h;
		nsum_error_init(&terr);
		tst = nsum_text_init_bytes(&text, b.data ? b.data : "", b.len, path,
			NSUM_READ_LOSSY | NSUM_READ_ALLOW_EMPTY, &terr);
		if (tst != NSUM_OK) {
			/* Text nsum wrote is text: anything else (runs of control
			 * characters written as \u escapes) is a damaged digest. */
			buf_finish(&b);
			past_finish(p);
			st = tst == NSUM_ENOMEM ?
				nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory") :
				nsum_error_set(err, NSUM_EFORMAT, path, 0, 0,
					"topic '%s' is not a digest's: its summary is not text (%s)",
					id, terr.text);
			goto out;
		}
		buf_finish(&b);
		p->doc = nsum_doc_create(e, path, &text, &dopt, err);
		if (!p->id || (h && !p->headline) || !p->doc ||
			add_stems(p->doc, 0, &p->stems, &p->nstems, &ncap) < 0) {
			past_finish(p);
			st = nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
			goto out;
		}
		(*n)++;
	}
out:
	json_decref(root);
	return st;
}

/* The topics of the digests in dir before day, newest first. */
static nsum_status read_history(nsum_engine *e, const char *dir,
	const char *day, past **ps, size_t *n, nsum_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	char **names = NULL;
	size_t nn = 0, ncap = 0, cap = 0, i;
	nsum_status st = NSUM_OK;

	*ps = NULL;
	*n = 0;
	if (!d)
		return nsum_error_set(err, NSUM_EIO, dir, 0, 0, "%s", strerror(errno));
	while ((ent = readdir(d)) != NULL) {
		if (!digest_name(ent->d_name, day))
			continue;
		if (mem_grow((void **)&names, &ncap, nn + 1, sizeof(*names)) < 0 ||
			!(names[nn] = mem_strndup(ent->d_name, strlen(ent->d_name)))) {
			st = nsum_error_set(err, NSUM_ENOMEM, dir, 0, 0, "out of memory");
			break;
		}
		nn++;
	}
	closedir(d);
	if (nn)
		qsort(names, nn, sizeof(*names), by_name_desc);
	for (i = 0; i < nn && i < NSUM_DIGEST_HISTORY_DAYS && st == NSUM_OK; i++) {
		nsum_buf path;

		buf_init(&path);
		if (buf_printf(&path, "%s/%s", dir, names[i]) < 0)
			st = nsum_error_set(err, NSUM_ENOMEM, dir, 0, 0, "out of memory");
		else
			st = read_past(e, path.data, names[i], ps, n, &cap, err);
		buf_finish(&path);
	}
	for (i = 0; i < nn; i++)
		nsum_free(names[i]);
	nsum_free(names);
	return st;
}

/* ---- Topics ---- */

/* An article of a topic while its members are put in reading order. */
typedef struct member {
	const nsum_article *a;
	size_t index;
} member;

static int by_reading(const void *x, const void *y)
{
	const member *a = x, *b = y;
	int c = nsum_article_compare(a->a, b->a);

	return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* Put the members of t in reading order.  0, or -1 on no memory. */
static int reading_order(topic *t, const nsum_article *arts)
{
	member *m = nsum_malloc((t->n + 1) * sizeof(*m));
	size_t i;

	if (!m)
		return -1;
	for (i = 0; i < t->n; i++) {
		m[i].a = &arts[t->members[i]];
		m[i].index = t->members[i];
	}
	qsort(m, t->n, sizeof(*m), by_reading);
	for (i = 0; i < t->n; i++)
		t->members[i] = m[i].index;
	nsum_free(m);
	return 0;
}

/*
 * The D.json object of topic t: its summary from its distinct articles,
 * terms, articles with their copies, and the earlier topic it continues.
 * Returns NULL on failure (err set).
 */
static json_t *topic_json(nsum_engine *e, const nsum_article *arts,
	const nsum_clustering *cl, topic *t, const past *ps, size_t nps,
	const nsum_digest_options *opt, nsum_error *err)
{
	nsum_summary_options sopt = opt->summary;
	nsum_doc **docs = NULL;
	size_t nd = 0, i, j, best = SIZE_MAX;
	nsum_summary *sum = NULL;
	json_t *o = NULL, *arr, *list;
	double bestc = 0;
	nsum_buf b;
	int rc = 0;

	buf_init(&b);
	docs = nsum_malloc((t->n + 1) * sizeof(*docs));
	if (!docs)
		goto nomem;
	/* Distinct articles in reading order, as "articles" lists them. */
	for (i = 0; i < t->n; i++) {
		size_t a = t->members[i];

		if (cl->copy_of[a] == a)
			docs[nd++] = arts[a].doc;
	}
	/* The earlier topic it continues: the most similar above the bar. */
	if (nps) {
		uint32_t *u = NULL;
		size_t nu = 0, ucap = 0;

		for (i = 0; i < nd; i++)
			if (add_stems(docs[i], 3, &u, &nu, &ucap) < 0) {
				nsum_free(u);
				goto nomem;
			}
		for (j = 0; j < nps; j++) {
			double c = set_cosine(u, nu, ps[j].stems, ps[j].nstems);

			if (c >= opt->continues && c > bestc) {
				bestc = c;
				best = j;
			}
		}
		nsum_free(u);
		if (best != SIZE_MAX) {
			sopt.seen = &ps[best].doc;
			sopt.nseen = 1;
		}
	}
	sum = nsum_summarize(e, docs, nd, &sopt, err);
	if (!sum)
		goto fail;
	o = json_object();
	if (!o)
		goto nomem;
	if (sum->headline >= 0) {
		rc |= put(o, "headline", json_string(docs[sum->headline]->title));
	} else if (sum->npicks) {
		/* No title: the opening words of the summary's first sentence. */
		nsum_pick p = sum->picks[0];
		const nsum_doc *pd = docs[p.doc];
		const nsum_sentence *st = &pd->sents.items[p.sentence];
		size_t cut = nsum_word_cut(pd->text.data, st->start,
			p.cut ? p.cut : st->end, HEADLINE_WORDS);

		if (cut < (p.cut ? p.cut : st->end))
			p.cut = cut;
		buf_clear(&b);
		if (render_pick_text(&b, pd, &p) < 0 || buf_putc(&b, '\0') < 0)
			goto nomem;
		rc |= put(o, "headline", json_string(b.data));
	} else {
		rc |= put(o, "headline", json_string(arts[t->members[0]].path));
	}
	arr = json_array();
	for (i = 0; arr && i < sum->npicks && !rc; i++) {
		const nsum_pick *p = &sum->picks[i];
		json_t *s = json_object();

		buf_clear(&b);
		if (!s || render_pick_text(&b, docs[p->doc], p) < 0 ||
			buf_putc(&b, '\0') < 0) {
			json_decref(s);
			rc = -1;
			break;
		}
		rc |= put(s, "text", json_string(b.data));
		rc |= put(s, "article", json_integer((json_int_t)p->doc));
		rc |= put(s, "score", json_real(render_round(p->score)));
		rc |= json_array_append_new(arr, s) ? -1 : 0;
	}
	rc |= put(o, "summary", arr);
	arr = json_array();
	for (i = 0; arr && i < sum->nterms && !rc; i++) {
		const nsum_term *tm = &sum->terms[i];
		json_t *s = json_object();
		const char *en = NULL;
		size_t len = 0;

		if (sopt.glossary && tm->entry >= 0)
			en = render_english(nsum_glossary_entry(sopt.glossary,
				(size_t)tm->entry), &len);
		if (!s) {
			rc = -1;
			break;
		}
		rc |= put(s, "term", json_string(tm->text));
		rc |= put(s, "en", en ? json_stringn(en, len) : json_null());
		rc |= json_array_append_new(arr, s) ? -1 : 0;
	}
	rc |= put(o, "terms", arr);
	/* Articles; a copy goes under the article it copies. */
	list = json_array();
	for (i = 0; list && i < t->n && !rc; i++) {
		size_t a = t->members[i];
		json_t *dups = NULL, *ao;

		if (cl->copy_of[a] != a)
			continue;
		ao = render_article_json(&arts[a]);
		for (j = 0; ao && j < t->n && !rc; j++) {
			size_t c = t->members[j];

			if (c == a || cl->copy_of[c] != a)
				continue;
			if (!dups && !(dups = json_array()))
				rc = -1;
			else
				rc |= json_array_append_new(dups, render_article_json(&arts[c])) ? -1 : 0;
		}
		if (ao && dups)
			rc |= put(ao, "duplicates", dups);
		else
			json_decref(dups);
		rc |= json_array_append_new(list, ao) ? -1 : 0;
	}
	rc |= put(o, "articles", list);
	if (best != SIZE_MAX) {
		json_t *c = json_object();

		if (c) {
			rc |= put(c, "date", json_string(ps[best].date));
			rc |= put(c, "id", json_string(ps[best].id));
			rc |= put(c, "headline", str_or_null(ps[best].headline));
		}
		rc |= put(o, "continues", c);
	}
	if (rc)
		goto nomem;
	t->headline = json_string_value(json_object_get(o, "headline"));
	nsum_summary_destroy(sum);
	nsum_free(docs);
	buf_finish(&b);
	return o;
nomem:
	nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
fail:
	json_decref(o);
	nsum_summary_destroy(sum);
	nsum_free(docs);
	buf_finish(&b);
	return NULL;
}

/* Topics: most articles first, then by headline, then by first article. */
static int by_coverage(const void *a, const void *b)
{
	const topic *x = a, *y = b;
	int c;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	c = strcmp(x->headline ? x->headline : "", y->headline ? y->headline : "");
	if (c)
		return c;
	return (x->first > y->first) - (x->first < y->first);
}

/* The day: the most common article date (latest on a tie), else today. */
static void pick_day(const nsum_article *arts, size_t n, char *day)
{
	nsum_date best = { 0, 0, 0 }, today;
	size_t i, j, bestn = 0;

	for (i = 0; i < n; i++) {
		size_t c = 0;

		if (!arts[i].date.year)
			continue;
		for (j = 0; j < n; j++)
			c += nsum_date_compare(&arts[i].date, &arts[j].date) == 0;
		if (c > bestn || (c == bestn &&
			nsum_date_compare(&arts[i].date, &best) > 0)) {
			bestn = c;
			best = arts[i].date;
		}
	}
	if (!best.year && nsum_date_from_time(time(NULL), &today))
		best = today;
	nsum_date_format(&best, day);
}

/* English proposed for term by the dictionaries, best first (at most 3). */
static json_t *proposed(const nsum_dict *dict, const char *term)
{
	nsum_dict_candidate *c = NULL;
	json_t *arr = json_array();
	size_t n = 0, i;

	if (!arr || nsum_dict_translate(dict, term, strlen(term), 3, &c, &n,
		NULL) != NSUM_OK) {
		json_decref(arr);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (json_array_append_new(arr, json_string(c[i].en)) < 0) {
			json_decref(arr);
			arr = NULL;
			break;
		}
	nsum_dict_candidates_free(c, n);
	return arr;
}

/*
 * The glossary part: {terms: [{term, en}], missing: [{term, topics}]}, in
 * topic order, each term once (a map from the term to its entry keeps the
 * cost linear in the number of terms).
 */
static json_t *glossary_json(json_t *topics, bool have_glossary,
	const nsum_dict *dict)
{
	json_t *g = json_object(), *known = json_array(), *missing = json_array();
	json_t *t, *tm;
	strmap seen;
	size_t i, k;
	int rc = 0;

	strmap_init(&seen);
	if (!g || !known || !missing) {
		json_decref(g);
		json_decref(known);
		json_decref(missing);
		return NULL;
	}
	json_array_foreach(topics, i, t) {
		const char *id = json_string_value(json_object_get(t, "id"));

		json_array_foreach(json_object_get(t, "terms"), k, tm) {
			const char *term = json_string_value(json_object_get(tm, "term"));
			json_t *en = json_object_get(tm, "en"), *x;
			bool has_en = json_is_string(en);
			uint32_t *slot, at;

			if (!term || !id || (!has_en && !have_glossary))
				continue;
			slot = strmap_slot(&seen, term, strlen(term));
			if (!slot) {
				rc = -1;
				break;
			}
			if (*slot != 0) {
				/* Seen: a missing term gains this topic. */
				at = *slot;
				if (!has_en && (at & MISSING))
					rc |= json_array_append_new(json_object_get(
						json_array_get(missing, (at & ~MISSING) - 1), "topics"),
						json_string(id)) ? -1 : 0;
				continue;
			}
			x = json_object();
			if (!x) {
				rc = -1;
				break;
			}
			rc |= put(x, "term", json_string(term));
			if (has_en) {
				*slot = (uint32_t)json_array_size(known) + 1;
				rc |= json_object_set(x, "en", en);
				rc |= json_array_append_new(known, x) ? -1 : 0;
			} else {
				*slot = ((uint32_t)json_array_size(missing) + 1) | MISSING;
				rc |= put(x, "topics", json_array());
				rc |= json_array_append_new(json_object_get(x, "topics"),
					json_string(id)) ? -1 : 0;
				if (dict)
					rc |= put(x, "proposed", proposed(dict, term));
				rc |= json_array_append_new(missing, x) ? -1 : 0;
			}
		}
	}
	strmap_finish(&seen);
	rc |= put(g, "terms", known);
	rc |= put(g, "missing", missing);
	if (rc) {
		json_decref(g);
		return NULL;
	}
	return g;
}

nsum_digest *nsum_digest_build(nsum_engine *engine, const nsum_article *arts,
	size_t n, const nsum_digest_options *opt, nsum_error *err)
{
	nsum_digest_options defaults;
	nsum_clustering cl;
	nsum_doc **docs = NULL;
	nsum_digest *d = NULL;
	topic *tops = NULL;
	past *ps = NULL;
	size_t nps = 0, i, k;
	json_t *topics = NULL;
	nsum_date day;
	char version[64];
	int rc = 0;

	memset(&cl, 0, sizeof(cl));
	if (!opt) {
		nsum_digest_options_default(&defaults);
		opt = &defaults;
	}
	if (opt->date && (strlen(opt->date) != 10 ||
		nsum_date_parse(opt->date, 10, &day) != 10 || opt->date[4] != '-')) {
		nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"--date must be a day written YYYY-MM-DD, not '%s'", opt->date);
		return NULL;
	}
	d = mem_calloc(1, sizeof(*d));
	docs = nsum_malloc((n + 1) * sizeof(*docs));
	if (!d || !docs)
		goto nomem;
	if (opt->date)
		memcpy(d->day, opt->date, 11);
	else
		pick_day(arts, n, d->day);
	for (i = 0; i < n; i++)
		docs[i] = arts[i].doc;
	if (nsum_cluster(engine, docs, n, &opt->cluster, &cl, err) != NSUM_OK)
		goto fail;
	if (opt->history && read_history(engine, opt->history, d->day, &ps, &nps,
		err) != NSUM_OK)
		goto fail;

	/* Members of every topic, in reading order. */
	tops = mem_calloc(cl.ntopics + 1, sizeof(*tops));
	if (!tops)
		goto nomem;
	for (i = 0; i < n; i++)
		tops[cl.topic[i]].n++;
	for (k = 0; k < cl.ntopics; k++) {
		tops[k].members = nsum_malloc((tops[k].n + 1) * sizeof(size_t));
		if (!tops[k].members)
			goto nomem;
		tops[k].first = SIZE_MAX;
		tops[k].n = 0;
	}
	for (i = 0; i < n; i++) {
		topic *t = &tops[cl.topic[i]];

		t->members[t->n++] = i;
		if (i < t->first)
			t->first = i;
	}
	for (k = 0; k < cl.ntopics; k++) {
		if (reading_order(&tops[k], arts) < 0)
			goto nomem;
		tops[k].obj = topic_json(engine, arts, &cl, &tops[k], ps, nps, opt, err);
		if (!tops[k].obj)
			goto fail;
	}
	qsort(tops, cl.ntopics, sizeof(*tops), by_coverage);

	/* The object, keys in the documented order. */
	d->root = json_object();
	topics = json_array();
	if (!d->root || !topics)
		goto nomem;
	snprintf(version, sizeof(version), "nsum %s", nsum_version());
	rc |= put(d->root, "date", json_string(d->day));
	rc |= put(d->root, "generator", json_string(version));
	rc |= put(d->root, "articles", json_integer((json_int_t)n));
	for (k = 0; k < cl.ntopics && !rc; k++) {
		json_t *o = json_object(), *v;
		const char *key;
		char id[32];

		snprintf(id, sizeof(id), "t%zu", k + 1);
		rc |= o ? 0 : -1;
		if (o) {
			rc |= put(o, "id", json_string(id));
			json_object_foreach(tops[k].obj, key, v)
				rc |= json_object_set(o, key, v);
			rc |= json_array_append_new(topics, o) ? -1 : 0;
		}
	}
	rc |= json_object_set(d->root, "topics", topics);
	rc |= put(d->root, "glossary", glossary_json(topics,
		opt->summary.glossary != NULL, opt->dict));
	if (rc)
		goto nomem;
	d->ntopics = cl.ntopics;
	goto out;
nomem:
	nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
fail:
	nsum_digest_destroy(d);
	d = NULL;
out:
	json_decref(topics);
	for (k = 0; tops && k < cl.ntopics; k++) {
		nsum_free(tops[k].members);
		json_decref(tops[k].obj);
	}
	nsum_free(tops);
	for (i = 0; i < nps; i++)
		past_finish(&ps[i]);
	nsum_free(ps);
	nsum_free(docs);
	nsum_clustering_finish(&cl);
	return d;
}

const char *nsum_digest_day(const nsum_digest *d)
{
	return d->day;
}

size_t nsum_digest_topic_count(const nsum_digest *d)
{
	return d->ntopics;
}

char *nsum_digest_render(const nsum_digest *d, nsum_format format,
	bool compact, size_t *len)
{
	nsum_buf b;

	if (format == NSUM_FORMAT_HTML)
		return digest_render_html(d->root, len);
	if (format != NSUM_FORMAT_JSON)
		return digest_render_md(d->root, len);
	buf_init(&b);
	if (json_dump_append(d->root, JSON_REAL_PRECISION(10) |
		(compact ? JSON_COMPACT : JSON_INDENT(2)), &b) < 0 ||
		buf_putc(&b, '\n') < 0) {
		buf_finish(&b);
		return NULL;
	}
	if (len)
		*len = b.len;
	return buf_steal(&b);
}

nsum_status nsum_digest_write(const nsum_digest *d, const char *dir,
	const nsum_feed_options *feed, nsum_error *err)
{
	static const struct {
		const char *ext;
		nsum_format f;
	} files[] = {
		{ "json", NSUM_FORMAT_JSON }, { "md", NSUM_FORMAT_MD },
		{ "html", NSUM_FORMAT_HTML },
	};
	nsum_feed_entry entry;
	nsum_buf path, title, summary;
	nsum_status st = NSUM_OK;
	size_t i;
	json_t *t;

	buf_init(&path);
	buf_init(&title);
	buf_init(&summary);
	for (i = 0; i < sizeof(files) / sizeof(*files) && st == NSUM_OK; i++) {
		size_t len = 0;
		char *s = nsum_digest_render(d, files[i].f, false, &len);

		buf_clear(&path);
		if (!s || buf_printf(&path, "%s/%s.%s", dir, d->day, files[i].ext) < 0)
			st = nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		else
			st = nsum_file_write_atomic(path.data, s, len, err);
		nsum_free(s);
	}
	if (st != NSUM_OK)
		goto out;
	/* The feed entry: the day's headlines. */
	json_array_foreach(json_object_get(d->root, "topics"), i, t) {
		const char *h = json_string_value(json_object_get(t, "headline"));

		if (h && (buf_puts(&summary, h) < 0 || buf_putc(&summary, '\n') < 0)) {
			st = nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
	}
	buf_clear(&path);
	if (buf_printf(&title, "Digest of %s: %zu topic%s", d->day, d->ntopics,
		d->ntopics == 1 ? "" : "s") < 0 ||
		buf_printf(&path, "%s.html", d->day) < 0 || buf_putc(&summary, '\0') < 0) {
		st = nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	memset(&entry, 0, sizeof(entry));
	entry.date = d->day;
	entry.title = title.data;
	entry.summary = summary.data;
	entry.href = path.data;
	st = nsum_feed_update(dir, &entry, feed, err);
out:
	buf_finish(&path);
	buf_finish(&title);
	buf_finish(&summary);
	return st;
}

void nsum_digest_destroy(nsum_digest *d)
{
	if (!d)
		return;
	json_decref(d->root);
	nsum_free(d);
}
