/*
 * Key terms (see nsum/summarize.h): the article's central single and
 * multi-word terms, one per stem group, in the surface form the text uses.
 *
 * Candidates are runs of content words inside a sentence, joined only by
 * the connectors of French noun phrases ("garanties de sécurité", "chef
 * d'état-major", "coalition des volontaires"): never a stopword at either
 * end, never across punctuation.  Two runs with the same content stems are
 * the same term ("garantie de sécurité", "garanties de la sécurité").  A
 * term scores its frequency times the summed IDF of its words, with a bonus
 * for appearing early and in the title; a shorter term that mostly occurs
 * inside a chosen longer one is left out.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nsum/token.h"
#include "score/score.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/strmap.h"
#include "util/utf8.h"

#define MAX_CONTENT 4   /* content words in a term */
#define MAX_CONNECT 2   /* connector words inside a term */

/* Stopwords that may join the words of a term ("la" only after "de"). */
static const char *const connectors[] = { "de", "du", "des", "la" };

typedef struct cand {
	uint32_t lids[MAX_CONTENT]; /* content stems (local ids) */
	size_t n;                   /* number of content stems */
	size_t freq;                /* occurrences in candidate sentences */
	bool in_title;
	size_t first_rank;          /* earliest rank of a sentence holding it */
	size_t doc, start, end;     /* first occurrence */
	uint32_t first_occ;         /* its first occurrence (in ctx.occ) */
	uint32_t last_occ;          /* and its last: they are chained */
	double score;
	bool chosen;                /* already among the key terms */
} cand;

/* One occurrence of a candidate, for the vote on its surface form. */
typedef struct occ {
	const char *text;           /* the text it is in */
	size_t a, b;                /* its bytes */
	uint32_t weight;            /* its vote */
	uint32_t next;              /* next occurrence of the same candidate */
} occ;

#define NO_OCC UINT32_MAX

typedef struct ctx {
	const set *s;
	const nsum_lang *lang;
	strmap keys;       /* content-stem sequence -> cand index */
	cand *c;
	size_t nc, cap;
	occ *occ;          /* every occurrence of every candidate */
	size_t nocc, occ_cap;
	strmap sentences;  /* content-stem sets of the sentences seen */
	nsum_buf tmp;
} ctx;

static bool is_connector(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(connectors) / sizeof(*connectors); i++)
		if (strlen(connectors[i]) == n && memcmp(connectors[i], w, n) == 0)
			return true;
	return false;
}

/*
 * Whether the bytes between two tokens keep them in one phrase: white space,
 * and, when the next token was elided, the article "d'" or "l'" before it
 * ("chef d'état-major", "ministre de l'Intérieur").  *article is set to 'd'
 * or 'l' when an elided article was crossed, to 0 otherwise.
 */
static bool plain_gap(const char *text, size_t a, size_t b, bool elided,
	int32_t *article)
{
	size_t i = a, letters = 0;
	int32_t letter = 0;

	*article = 0;
	while (i < b) {
		int32_t cp;
		size_t k = u8_decode(text, b, i, &cp);

		if (u8_is_letter(cp)) {
			letter = cp;
			letters++;
		} else if (!u8_is_space(cp) && !u8_is_apostrophe(cp)) {
			return false;
		}
		i += k;
	}
	if (!letters)
		return true;
	if (!elided || letters != 1)
		return false;
	if (letter == 'D' || letter == 'L')
		letter |= 0x20;
	if (letter != 'd' && letter != 'l')
		return false;
	*article = letter;
	return true;
}

/* Append text[a..b) to out on one line (white space runs as one space). */
static int surface_text(nsum_buf *out, const char *text, size_t a, size_t b)
{
	size_t i;
	bool space = false;

	for (i = a; i < b;) {
		int32_t cp;
		size_t k = u8_decode(text, b, i, &cp);

		if (u8_is_space(cp)) {
			space = true;
		} else {
			if (space && buf_putc(out, ' ') < 0)
				return -1;
			space = false;
			if (buf_append(out, text + i, k) < 0)
				return -1;
		}
		i += k;
	}
	return 0;
}

/*
 * The surface form of t the text votes for: its occurrences replayed in
 * order, each voting with its weight for its form; the form that first
 * gets the most votes wins.  A new string in *str (free with nsum_free()),
 * its length in *len.  0, or -1 on no memory.
 */
static int best_surface(ctx *x, const cand *t, char **str, size_t *len)
{
	strmap forms;
	uint32_t *votes = NULL, best = 0, top = 0, o;
	size_t vcap = 0, n;
	const char *key;
	int rc = -1;

	strmap_init(&forms);
	for (o = t->first_occ; o != NO_OCC; o = x->occ[o].next) {
		const occ *p = &x->occ[o];
		size_t before = forms.count;
		uint32_t id;

		buf_clear(&x->tmp);
		if (surface_text(&x->tmp, p->text, p->a, p->b) < 0)
			goto out;
		id = strmap_intern(&forms, x->tmp.data ? x->tmp.data : "",
			x->tmp.len);
		if (id == UINT32_MAX || mem_grow((void **)&votes, &vcap,
			(size_t)id + 1, sizeof(*votes)) < 0)
			goto out;
		if (forms.count > before)
			votes[id] = 0;
		votes[id] += p->weight;
		if (votes[id] > top) {
			top = votes[id];
			best = id;
		}
	}
	key = strmap_key(&forms, best, &n);
	*str = mem_strndup(key, n);
	if (!*str)
		goto out;
	*len = n;
	rc = 0;
out:
	nsum_free(votes);
	strmap_finish(&forms);
	return rc;
}

/* Record one occurrence of the term lids[0..n) at text[a..b). */
static int occur(ctx *x, const uint32_t *lids, size_t n, size_t doc,
	const char *text, size_t a, size_t b, size_t rank, bool title,
	bool initial)
{
	uint32_t ci;
	cand *c;

	if (!strmap_get(&x->keys, (const char *)lids, n * sizeof(*lids), &ci)) {
		if (mem_grow((void **)&x->c, &x->cap, x->nc + 1, sizeof(*x->c)) < 0)
			return -1;
		ci = (uint32_t)x->nc;
		if (strmap_put(&x->keys, (const char *)lids, n * sizeof(*lids), ci) < 0)
			return -1;
		c = &x->c[x->nc++];
		memset(c, 0, sizeof(*c));
		memcpy(c->lids, lids, n * sizeof(*lids));
		c->n = n;
		c->first_rank = SIZE_MAX;
		c->doc = SIZE_MAX;
		c->first_occ = NO_OCC;
	}
	c = &x->c[ci];
	if (title) {
		c->in_title = true;
	} else {
		c->freq++;
		if (rank < c->first_rank)
			c->first_rank = rank;
		if (c->doc == SIZE_MAX) {
			c->doc = doc;
			c->start = a;
			c->end = b;
		}
	}
	/* Kept for the vote on the surface form, held for the chosen terms. */
	if (x->nocc >= NO_OCC || mem_grow((void **)&x->occ, &x->occ_cap,
		x->nocc + 1, sizeof(*x->occ)) < 0)
		return -1;
	x->occ[x->nocc].text = text;
	x->occ[x->nocc].a = a;
	x->occ[x->nocc].b = b;
	/* A form inside a sentence says more about case than one that opens it. */
	x->occ[x->nocc].weight = title ? 1 : initial ? 2 : 3;
	x->occ[x->nocc].next = NO_OCC;
	if (c->first_occ == NO_OCC)
		c->first_occ = (uint32_t)x->nocc;
	else
		x->occ[c->last_occ].next = (uint32_t)x->nocc;
	c->last_occ = (uint32_t)x->nocc++;
	return 0;
}

/*
 * Collect the candidates in tokens tok[0..n) of text (local ids lid[]).
 */
static int collect(ctx *x, const char *text, const nsum_token *tok,
	const uint32_t *lid, size_t n, size_t doc, size_t rank, bool title)
{
	size_t i, j;
	nsum_buf low;
	uint8_t *weak;
	int rc = 0;

	buf_init(&low);
	/* 1: words that may sit inside a term but neither be one nor end one;
	 * 2: verb forms, never in a term. */
	weak = mem_calloc(n + 1, sizeof(*weak));
	if (!weak)
		return -1;
	for (i = 0; i < n; i++)
		if (lid[i] != NO_LID)
			weak[i] = tok[i].verb ? 2 :
				tok[i].end - tok[i].start < 2 || tok[i].weak;
	for (i = 0; i < n && rc == 0; i++) {
		uint32_t lids[MAX_CONTENT];
		size_t nl = 0, connect = 0;
		bool after_de = false;
		int32_t article;

		if (lid[i] == NO_LID || tok[i].end - tok[i].start < 2 || weak[i] == 2)
			continue;
		lids[nl++] = lid[i];
		if (!weak[i])
			rc = occur(x, lids, nl, doc, text, tok[i].start, tok[i].end,
				rank, title, i == 0);
		for (j = i + 1; j < n && rc == 0; j++) {
			if (!plain_gap(text, tok[j - 1].end, tok[j].start, tok[j].elided,
				&article))
				break;
			/* "chef d'état-major", "ministre de l'Intérieur" only. */
			if ((article == 'd' && connect != 0) ||
				(article == 'l' && !after_de))
				break;
			if (lid[j] != NO_LID) {
				if (weak[j] == 2)
					break;
				lids[nl++] = lid[j];
				if (!weak[j])
					rc = occur(x, lids, nl, doc, text, tok[i].start,
						tok[j].end, rank, title, i == 0);
				if (nl == MAX_CONTENT)
					break;
				connect = 0;
				after_de = false;
				continue;
			}
			if (tok[j].kind != NSUM_WORD_ALPHA || !tok[j].stop ||
				++connect > MAX_CONNECT)
				break;
			buf_clear(&low);
			if (u8_lower_append(&low, text + tok[j].start,
				tok[j].end - tok[j].start) < 0) {
				rc = -1;
				break;
			}
			if (!is_connector(low.data, low.len) ||
				(strcmp(low.data, "la") == 0 && !after_de))
				break;
			after_de = strcmp(low.data, "de") == 0;
		}
	}
	buf_finish(&low);
	nsum_free(weak);
	return rc;
}

/* Whether a[0..na) occurs in b[0..nb) as a contiguous run. */
static bool inside(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i;

	for (i = 0; na <= nb && i + na <= nb; i++)
		if (memcmp(a, b + i, na * sizeof(*a)) == 0)
			return true;
	return false;
}

static int by_score(const void *a, const void *b)
{
	const cand *x = *(const cand *const *)a, *y = *(const cand *const *)b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	if (x->doc != y->doc)
		return (x->doc > y->doc) - (x->doc < y->doc);
	if (x->start != y->start)
		return (x->start > y->start) - (x->start < y->start);
	return (x->n > y->n) - (x->n < y->n);
}

int terms_find(const set *s, nsum_engine *e, size_t max, nsum_term **terms,
	size_t *nterms)
{
	ctx x;
	size_t d, c, i, k, out = 0, norder = 0;
	nsum_term *res = NULL;
	cand **order = NULL;
	int rc = -1;

	*terms = NULL;
	*nterms = 0;
	memset(&x, 0, sizeof(x));
	x.s = s;
	x.lang = nsum_engine_lang(e);
	strmap_init(&x.keys);
	strmap_init(&x.sentences);
	buf_init(&x.tmp);
	for (c = 0; c < s->ncands; c++) {
		const set_sentence *ss = &s->cands[c];
		const nsum_doc *doc = s->docs[ss->doc];
		size_t a = doc->first[ss->index], b = doc->first[ss->index + 1];
		uint32_t seen;

		/* A sentence printed twice (a standfirst repeated in the body, a
		 * wire story's lede) must not count its terms twice: skip any
		 * sentence whose content stems are exactly those of an earlier one. */
		if (ss->nstems > 1 && strmap_get(&x.sentences, (const char *)ss->stems,
			ss->nstems * sizeof(*ss->stems), &seen))
			continue;
		if (strmap_put(&x.sentences, (const char *)ss->stems,
			ss->nstems * sizeof(*ss->stems), (uint32_t)c) < 0)
			goto out;
		if (collect(&x, doc->text.data, doc->tokens + a,
			s->lid + s->tok_offset[ss->doc] + a, b - a, ss->doc, ss->rank,
			false) < 0)
			goto out;
	}
	for (d = 0; d < s->ndocs; d++) {
		const nsum_doc *doc = s->docs[d];

		if (doc->title && collect(&x, doc->title, doc->title_tokens,
			s->title_lid + s->title_offset[d], doc->ntitle_tokens, d, 0,
			true) < 0)
			goto out;
	}

	for (c = 0; c < x.nc; c++) {
		cand *t = &x.c[c];
		double idf = 0;

		if (t->freq == 0 || (t->n > 1 && t->freq < 2 && !t->in_title)) {
			t->score = 0;
			continue;
		}
		for (k = 0; k < t->n; k++)
			idf += s->idf[t->lids[k]];
		t->score = (double)t->freq * idf *
			(1.0 + 0.5 / (1.0 + (double)t->first_rank)) *
			(t->in_title ? 1.5 : 1.0);
	}
	/* Only candidates with a score can be chosen: sort pointers to them. */
	order = nsum_malloc((x.nc + 1) * sizeof(*order));
	if (!order)
		goto out;
	for (c = 0; c < x.nc; c++)
		if (x.c[c].score > 0)
			order[norder++] = &x.c[c];
	if (norder > 1)
		qsort(order, norder, sizeof(*order), by_score);

	res = mem_calloc(max + 1, sizeof(*res));
	if (!res)
		goto out;
	for (c = 0; c < norder && out < max; c++) {
		cand *t = order[c];
		bool skip = false;
		const char *str;
		size_t len;

		for (i = 0; i < c && !skip; i++) {
			cand *u = order[i];

			if (u->chosen && inside(t->lids, t->n, u->lids, u->n) &&
				(double)t->freq <= 1.5 * (double)u->freq)
				skip = true;
		}
		if (skip)
			continue;
		t->chosen = true;
		if (best_surface(&x, t, &res[out].text, &len) < 0)
			goto out;
		str = res[out].text;
		res[out].score = t->score;
		res[out].doc = t->doc;
		res[out].start = t->start;
		res[out].end = t->end;
		res[out].count = t->freq;
		res[out].words = nsum_word_count(str, 0, len);
		out++;
	}
	*terms = res;
	*nterms = out;
	res = NULL;
	rc = 0;
out:
	if (res) {
		for (i = 0; i < out; i++)
			nsum_free(res[i].text);
		nsum_free(res);
	}
	nsum_free(x.c);
	strmap_finish(&x.keys);
	nsum_free(order);
	nsum_free(x.occ);
	strmap_finish(&x.sentences);
	buf_finish(&x.tmp);
	return rc;
}
