/*
 * Topics (see nsum/cluster.h): articles as TF-IDF vectors, pairs found
 * through an inverted index of their top terms, near-duplicates by word
 * triples, topics by average-link merging of the similar pairs.
 *
 * The work, in order, each step linear in the articles' words or in the
 * pairs found (at most NSUM_CLUSTER_MAX_NEIGHBORS per article):
 *
 *   vocabulary   content stems -> dense local ids, in stem id order, and
 *                their document frequencies
 *   vectors      one sorted sparse unit vector per article
 *   pairs        top terms -> postings -> the articles sharing the most
 *                top-term weight with each article -> exact cosines
 *   copies       pairs of cosine >= DUP_COSINE compared by word triples
 *   topics       average link: the two topics with the highest mean
 *                cosine across them merge first, while it is >= threshold;
 *                only topics joined by a pair of cosine >= threshold are
 *                compared, and a topic's vector sum gives the mean exactly
 *
 * One clustering is one call per digest: arrays indexed by the engine's
 * stem ids cost the stems the engine knows, once, which is less than the
 * articles' own words.  Local ids follow the stems' bytes and every sum
 * runs in local id order, so the similarities, to the last bit, and the
 * choice of top terms do not depend on the order of the articles.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nsum/cluster.h"
#include "nsum/token.h"
#include "util/mem.h"

#define NONE UINT32_MAX

/* Title words count as this many occurrences each. */
#define TITLE_WEIGHT 2.0
/* Pairs at least this similar are checked for being copies. */
#define DUP_COSINE 0.5
/* Word triples for the resemblance of copies. */
#define SHINGLE 3

/* A pair of articles found similar: a < b, their cosine. */
typedef struct edge {
	uint32_t a;
	uint32_t b;
	double cos;
} edge;

/* A term of an article with its weight. */
typedef struct term {
	uint32_t lid;
	double w;
} term;

/*
 * The vector sum of a topic's articles, terms sorted by local id.  A topic
 * of one article has none (terms NULL): its article's vector serves.
 */
typedef struct gsum {
	term *terms;       /* owned */
	size_t n;
} gsum;

/* An article in the postings of a term, with the term's weight there. */
typedef struct posting {
	uint32_t doc;
	double w;
} posting;

/* Everything one run holds; freed by work_finish(). */
typedef struct work {
	nsum_doc *const *docs;
	size_t ndocs;
	size_t nstems;       /* stems the engine knew at the start */
	size_t nlocal;       /* distinct content stems */
	uint32_t *lid_of;    /* engine stem id -> local id, or NONE */
	uint32_t *stem_of;   /* local id -> engine stem id */
	uint32_t *df;        /* articles holding each local id */
	double *idf;         /* per local id */
	size_t *voff;        /* article d's vector: terms [voff[d], voff[d+1]) */
	term *vec;           /* every article's terms, by local id */
	size_t *toff;        /* article d's top terms: [toff[d], toff[d+1]) */
	term *top;           /* by weight, heaviest first */
	size_t *poff;        /* postings of local id l: [poff[l], poff[l+1]) */
	posting *post;       /* in article order */
	uint64_t *pairs;     /* candidate pairs, a << 32 | b with a < b */
	size_t npairs;
	size_t pairs_cap;
	edge *edges;         /* pairs similar enough to matter */
	size_t nedges;
	uint64_t **shingles; /* per article, its sorted distinct word-triple
	                        hashes, computed when first needed */
	size_t *nshingles;
	uint32_t *dup;       /* union-find of copies, the root its lowest */
	uint32_t *lead;      /* at a root of dup: the copy that stands for
	                        the group in topics (see leads()) */
	uint32_t *parent;    /* union-find of topics */
	uint32_t *members;   /* articles (group firsts) in a topic, at roots */
	gsum *sum;           /* vector sum of a topic, at roots */
} work;

void nsum_cluster_options_default(nsum_cluster_options *opt)
{
	opt->threshold = NSUM_CLUSTER_THRESHOLD;
	opt->duplicate = NSUM_CLUSTER_DUPLICATE;
	opt->top_terms = NSUM_CLUSTER_TOP_TERMS;
}

void nsum_clustering_finish(nsum_clustering *c)
{
	if (!c)
		return;
	nsum_free(c->topic);
	nsum_free(c->copy_of);
	memset(c, 0, sizeof(*c));
}

/* Whether sentence i of doc is article text. */
static bool kept(const nsum_doc *doc, size_t i)
{
	return doc->sents.items[i].drop == NSUM_KEEP;
}

/* qsort() orders: increasing 32-bit and 64-bit integers. */
static int by_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

static int by_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Heaviest first, then by local id. */
static int by_weight(const void *a, const void *b)
{
	const term *x = a, *y = b;

	if (x->w != y->w)
		return x->w < y->w ? 1 : -1;
	return (x->lid > y->lid) - (x->lid < y->lid);
}

/* Free everything w holds and leave it empty. */
static void work_finish(work *w)
{
	size_t d;

	nsum_free(w->lid_of);
	nsum_free(w->stem_of);
	nsum_free(w->df);
	nsum_free(w->idf);
	nsum_free(w->voff);
	nsum_free(w->vec);
	nsum_free(w->toff);
	nsum_free(w->top);
	nsum_free(w->poff);
	nsum_free(w->post);
	nsum_free(w->pairs);
	nsum_free(w->edges);
	for (d = 0; w->shingles && d < w->ndocs; d++)
		nsum_free(w->shingles[d]);
	nsum_free(w->shingles);
	nsum_free(w->nshingles);
	nsum_free(w->dup);
	nsum_free(w->lead);
	nsum_free(w->parent);
	nsum_free(w->members);
	for (d = 0; w->sum && d < w->ndocs; d++)
		nsum_free(w->sum[d].terms);
	nsum_free(w->sum);
	memset(w, 0, sizeof(*w));
}

/* A stem with its string, to order local ids by the strings. */
typedef struct named_stem {
	const char *str;   /* borrowed from the stemmer */
	size_t len;
	uint32_t stem;
} named_stem;

/* By the bytes of the stems (distinct stems have distinct strings). */
static int by_string(const void *a, const void *b)
{
	const named_stem *x = a, *y = b;
	int c = memcmp(x->str, y->str, x->len < y->len ? x->len : y->len);

	if (c)
		return c;
	return (x->len > y->len) - (x->len < y->len);
}

/*
 * Local ids for the content stems of kept sentences and titles, in the
 * order of the stems' bytes (not of their ids, which depend on what the
 * engine read first), and their document frequencies.  0, or -1 on no
 * memory.
 */
static int build_vocabulary(work *w, nsum_engine *e)
{
	const nsum_stemmer *st = nsum_engine_stemmer(e);
	size_t nstems = w->nstems = nsum_stemmer_count(st);
	uint32_t *last = mem_calloc(nstems + 1, sizeof(*last));
	uint32_t *df = mem_calloc(nstems + 1, sizeof(*df));
	named_stem *named = NULL;
	size_t d, i, t, s, l;

	w->lid_of = nsum_malloc((nstems + 1) * sizeof(*w->lid_of));
	if (!last || !df || !w->lid_of)
		goto nomem;
	for (d = 0; d < w->ndocs; d++) {
		const nsum_doc *doc = w->docs[d];

		/* last[s] = d + 1: stem s already counted for article d. */
		for (i = 0; i < doc->sents.count; i++) {
			if (!kept(doc, i))
				continue;
			for (t = doc->first[i]; t < doc->first[i + 1]; t++) {
				const nsum_token *tok = &doc->tokens[t];

				if (nsum_token_is_content(tok) && tok->stem < nstems &&
					last[tok->stem] != d + 1) {
					last[tok->stem] = (uint32_t)(d + 1);
					df[tok->stem]++;
				}
			}
		}
		for (t = 0; t < doc->ntitle_tokens; t++) {
			const nsum_token *tok = &doc->title_tokens[t];

			if (nsum_token_is_content(tok) && tok->stem < nstems &&
				last[tok->stem] != d + 1) {
				last[tok->stem] = (uint32_t)(d + 1);
				df[tok->stem]++;
			}
		}
	}
	for (s = 0; s < nstems; s++)
		if (df[s])
			w->nlocal++;
	w->stem_of = nsum_malloc((w->nlocal + 1) * sizeof(*w->stem_of));
	w->df = nsum_malloc((w->nlocal + 1) * sizeof(*w->df));
	named = nsum_malloc((w->nlocal + 1) * sizeof(*named));
	if (!w->stem_of || !w->df || !named)
		goto nomem;
	w->nlocal = 0;
	for (s = 0; s < nstems; s++) {
		w->lid_of[s] = NONE;
		if (df[s]) {
			named_stem *ns = &named[w->nlocal++];

			ns->stem = (uint32_t)s;
			ns->str = nsum_stemmer_string(st, (uint32_t)s, &ns->len);
		}
	}
	if (w->nlocal)
		qsort(named, w->nlocal, sizeof(*named), by_string);
	for (l = 0; l < w->nlocal; l++) {
		w->lid_of[named[l].stem] = (uint32_t)l;
		w->stem_of[l] = named[l].stem;
		w->df[l] = df[named[l].stem];
	}
	nsum_free(named);
	nsum_free(last);
	nsum_free(df);
	return 0;
nomem:
	nsum_free(last);
	nsum_free(df);
	nsum_free(named);
	return -1;
}

/* Inverse document frequencies, from the model or from the articles. */
static int build_idf(work *w, nsum_engine *e)
{
	const nsum_model *model = nsum_engine_model(e);
	const nsum_stemmer *st = nsum_engine_stemmer(e);
	size_t l;

	w->idf = nsum_malloc((w->nlocal + 1) * sizeof(*w->idf));
	if (!w->idf)
		return -1;
	for (l = 0; l < w->nlocal; l++) {
		if (model) {
			size_t len;
			const char *str = nsum_stemmer_string(st, w->stem_of[l], &len);
			double D = (double)nsum_model_documents(model);
			double df = (double)nsum_model_df(model, str, len);

			w->idf[l] = log((D + 1) / (df + 1)) + 1;
		} else {
			w->idf[l] = log(((double)w->ndocs + 1) /
				((double)w->df[l] + 1)) + 1;
		}
	}
	return 0;
}

/*
 * One unit vector per article: weight (1 + ln tf) * idf, terms sorted by
 * local id.  0, or -1 on no memory.
 */
static int build_vectors(work *w)
{
	double *tf = mem_calloc(w->nlocal + 1, sizeof(*tf));
	uint32_t *seen = nsum_malloc((w->nlocal + 1) * sizeof(*seen));
	size_t d, i, t, l, total = 0;

	for (l = 0; l < w->nlocal; l++)
		total += w->df[l];
	w->voff = nsum_malloc((w->ndocs + 1) * sizeof(*w->voff));
	w->vec = nsum_malloc((total + 1) * sizeof(*w->vec));
	if (!tf || !seen || !w->voff || !w->vec) {
		nsum_free(tf);
		nsum_free(seen);
		return -1;
	}
	total = 0;
	for (d = 0; d < w->ndocs; d++) {
		const nsum_doc *doc = w->docs[d];
		term *v = w->vec + total;
		size_t n = 0, k;
		double norm = 0;

		w->voff[d] = total;
		for (i = 0; i < doc->sents.count; i++) {
			if (!kept(doc, i))
				continue;
			for (t = doc->first[i]; t < doc->first[i + 1]; t++) {
				const nsum_token *tok = &doc->tokens[t];
				uint32_t lid;

				if (!nsum_token_is_content(tok) || tok->stem >= w->nstems)
					continue;
				lid = w->lid_of[tok->stem];
				if (tf[lid] == 0)
					seen[n++] = lid;
				tf[lid] += 1;
			}
		}
		for (t = 0; t < doc->ntitle_tokens; t++) {
			const nsum_token *tok = &doc->title_tokens[t];
			uint32_t lid;

			if (!nsum_token_is_content(tok) || tok->stem >= w->nstems)
				continue;
			lid = w->lid_of[tok->stem];
			if (tf[lid] == 0)
				seen[n++] = lid;
			tf[lid] += TITLE_WEIGHT;
		}
		if (n)
			qsort(seen, n, sizeof(*seen), by_u32);
		for (k = 0; k < n; k++) {
			v[k].lid = seen[k];
			v[k].w = (1 + log(tf[seen[k]])) * w->idf[seen[k]];
			norm += v[k].w * v[k].w;
			tf[seen[k]] = 0;
		}
		norm = sqrt(norm);
		for (k = 0; k < n; k++)
			v[k].w /= norm;
		total += n;
	}
	w->voff[w->ndocs] = total;
	nsum_free(tf);
	nsum_free(seen);
	return 0;
}

/*
 * Each article's top_terms heaviest terms and the postings of them.  0, or
 * -1 on no memory.
 */
static int build_index(work *w, size_t top_terms)
{
	size_t d, k, l, total = 0;
	term *scratch = NULL;
	size_t maxlen = 0;

	for (d = 0; d < w->ndocs; d++) {
		size_t n = w->voff[d + 1] - w->voff[d];

		if (n > maxlen)
			maxlen = n;
		total += n < top_terms ? n : top_terms;
	}
	scratch = nsum_malloc((maxlen + 1) * sizeof(*scratch));
	w->toff = nsum_malloc((w->ndocs + 1) * sizeof(*w->toff));
	w->top = nsum_malloc((total + 1) * sizeof(*w->top));
	w->poff = mem_calloc(w->nlocal + 2, sizeof(*w->poff));
	w->post = nsum_malloc((total + 1) * sizeof(*w->post));
	if (!scratch || !w->toff || !w->top || !w->poff || !w->post) {
		nsum_free(scratch);
		return -1;
	}
	total = 0;
	for (d = 0; d < w->ndocs; d++) {
		size_t n = w->voff[d + 1] - w->voff[d];

		memcpy(scratch, w->vec + w->voff[d], n * sizeof(*scratch));
		if (n)
			qsort(scratch, n, sizeof(*scratch), by_weight);
		if (n > top_terms)
			n = top_terms;
		w->toff[d] = total;
		memcpy(w->top + total, scratch, n * sizeof(*scratch));
		total += n;
		for (k = 0; k < n; k++)
			w->poff[scratch[k].lid + 1]++;
	}
	w->toff[w->ndocs] = total;
	nsum_free(scratch);
	for (l = 0; l < w->nlocal; l++)
		w->poff[l + 1] += w->poff[l];
	/* Fill in article order; poff[l] runs ahead and is moved back. */
	for (d = 0; d < w->ndocs; d++) {
		for (k = w->toff[d]; k < w->toff[d + 1]; k++) {
			posting *p = &w->post[w->poff[w->top[k].lid]++];

			p->doc = (uint32_t)d;
			p->w = w->top[k].w;
		}
	}
	for (l = w->nlocal; l > 0; l--)
		w->poff[l] = w->poff[l - 1];
	w->poff[0] = 0;
	return 0;
}

/* An article touched through the index, and the top-term weight shared. */
typedef struct touch {
	uint32_t doc;
	double score;
} touch;

/* Whether x ranks before y: more shared weight, then by position. */
static bool better(const touch *x, const touch *y)
{
	if (x->score != y->score)
		return x->score > y->score;
	return x->doc < y->doc;
}

/* Restore the heap order (the worst at the top) of h[0..n) below i. */
static void sift_worst(touch *h, size_t n, size_t i)
{
	touch x = h[i];

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && better(&h[c], &h[c + 1]))
			c++;
		if (!better(&x, &h[c]))
			break;
		h[i] = h[c];
		i = c;
	}
	h[i] = x;
}

/*
 * Move the k best of t[0..n) (n > k) to t[0..k), in no particular order;
 * returns k.  A heap of the k best so far, the worst on top: n log k.
 */
static size_t keep_best(touch *t, size_t n, size_t k)
{
	size_t i;

	for (i = k / 2; i-- > 0; )
		sift_worst(t, k, i);
	for (i = k; i < n; i++) {
		if (better(&t[i], &t[0])) {
			t[0] = t[i];
			sift_worst(t, k, 0);
		}
	}
	return k;
}

/*
 * Candidate pairs: for each article, the at most NSUM_CLUSTER_MAX_NEIGHBORS
 * articles that share the most top-term weight with it.  Sorted, distinct.
 * 0, or -1 on no memory.
 */
static int find_pairs(work *w)
{
	double *score = mem_calloc(w->ndocs + 1, sizeof(*score));
	touch *touched = nsum_malloc((w->ndocs + 1) * sizeof(*touched));
	size_t d, k, p, i, n;

	if (!score || !touched)
		goto nomem;
	/* A day of few articles: every pair, as the cap would allow anyway;
	 * two articles on one story need not share a top term (a list of the
	 * summit's participants, a report of its opening). */
	if (w->ndocs <= NSUM_CLUSTER_MAX_NEIGHBORS + 1) {
		for (d = 0; d < w->ndocs; d++)
			for (p = d + 1; p < w->ndocs; p++) {
				if (mem_grow((void **)&w->pairs, &w->pairs_cap, w->npairs + 1,
					sizeof(*w->pairs)) < 0)
					goto nomem;
				w->pairs[w->npairs++] = (uint64_t)d << 32 | p;
			}
		nsum_free(score);
		nsum_free(touched);
		return 0;
	}
	for (d = 0; d < w->ndocs; d++) {
		size_t ntouched = 0;

		for (k = w->toff[d]; k < w->toff[d + 1]; k++) {
			const term *t = &w->top[k];
			size_t lo = w->poff[t->lid], hi = w->poff[t->lid + 1];

			if (hi - lo > NSUM_CLUSTER_MAX_POSTING)
				continue;
			for (p = lo; p < hi; p++) {
				uint32_t o = w->post[p].doc;

				if (o == d)
					continue;
				if (score[o] == 0)
					touched[ntouched++].doc = o;
				score[o] += t->w * w->post[p].w;
			}
		}
		for (i = 0; i < ntouched; i++) {
			touched[i].score = score[touched[i].doc];
			score[touched[i].doc] = 0;
		}
		if (ntouched > NSUM_CLUSTER_MAX_NEIGHBORS)
			ntouched = keep_best(touched, ntouched,
				NSUM_CLUSTER_MAX_NEIGHBORS);
		if (mem_grow((void **)&w->pairs, &w->pairs_cap,
			w->npairs + ntouched + 1, sizeof(*w->pairs)) < 0)
			goto nomem;
		for (i = 0; i < ntouched; i++) {
			uint64_t a = d, b = touched[i].doc;

			w->pairs[w->npairs++] = a < b ? a << 32 | b : b << 32 | a;
		}
	}
	if (w->npairs)
		qsort(w->pairs, w->npairs, sizeof(*w->pairs), by_u64);
	for (i = n = 0; i < w->npairs; i++)
		if (i == 0 || w->pairs[i] != w->pairs[i - 1])
			w->pairs[n++] = w->pairs[i];
	w->npairs = n;
	nsum_free(score);
	nsum_free(touched);
	return 0;
nomem:
	nsum_free(score);
	nsum_free(touched);
	return -1;
}

/*
 * Exact cosines of the candidate pairs (the dot products of the unit
 * vectors); keep those of at least min.  The pairs come sorted by their
 * first article: its vector is spread once into a dense array, and each
 * partner's terms are looked up in it, in local id order (so the sum is
 * the same whichever article of the pair is spread).  0, or -1.
 */
static int measure_pairs(work *w, double min)
{
	double *dense = mem_calloc(w->nlocal + 1, sizeof(*dense));
	size_t i, k, first = 0;

	w->edges = nsum_malloc((w->npairs + 1) * sizeof(*w->edges));
	if (!dense || !w->edges) {
		nsum_free(dense);
		return -1;
	}
	for (i = 0; i < w->npairs; i++) {
		uint32_t a = (uint32_t)(w->pairs[i] >> 32);
		uint32_t b = (uint32_t)(w->pairs[i] & 0xFFFFFFFFu);
		double dot = 0;

		if (i == 0 || a != (uint32_t)(w->pairs[i - 1] >> 32)) {
			if (i > 0) {
				uint32_t prev = (uint32_t)(w->pairs[first] >> 32);

				for (k = w->voff[prev]; k < w->voff[prev + 1]; k++)
					dense[w->vec[k].lid] = 0;
			}
			for (k = w->voff[a]; k < w->voff[a + 1]; k++)
				dense[w->vec[k].lid] = w->vec[k].w;
			first = i;
		}
		for (k = w->voff[b]; k < w->voff[b + 1]; k++)
			dot += dense[w->vec[k].lid] * w->vec[k].w;
		if (dot >= min) {
			w->edges[w->nedges].a = a;
			w->edges[w->nedges].b = b;
			w->edges[w->nedges++].cos = dot;
		}
	}
	nsum_free(dense);
	nsum_free(w->pairs);
	w->pairs = NULL;
	w->npairs = w->pairs_cap = 0;
	return 0;
}

/* splitmix64's finalizer: a well-mixed 64-bit hash of x. */
static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xBF58476D1CE4E5B9);
	x ^= x >> 27;
	x *= UINT64_C(0x94D049BB133111EB);
	x ^= x >> 31;
	return x;
}

/*
 * The sorted distinct hashes of the word triples (stems of every word,
 * stopwords and numbers included) of article d's kept sentences; a text
 * shorter than a triple is one "triple" of all its words.  0, or -1 on no
 * memory.
 */
static int shingles_of(work *w, size_t d)
{
	const nsum_doc *doc = w->docs[d];
	uint32_t *seq = nsum_malloc((doc->ntokens + 1) * sizeof(*seq));
	uint64_t *h;
	size_t i, t, n = 0, m = 0, k;

	if (!seq)
		return -1;
	for (i = 0; i < doc->sents.count; i++)
		if (kept(doc, i))
			for (t = doc->first[i]; t < doc->first[i + 1]; t++)
				seq[n++] = doc->tokens[t].stem;
	h = nsum_malloc((n + 1) * sizeof(*h));
	if (!h) {
		nsum_free(seq);
		return -1;
	}
	for (i = 0; i + SHINGLE <= n || (i == 0 && n > 0); i++) {
		uint64_t x = UINT64_C(0x243F6A8885A308D3);

		for (k = i; k < i + SHINGLE && k < n; k++)
			x = mix64(x ^ seq[k]);
		h[m++] = x;
	}
	nsum_free(seq);
	if (m)
		qsort(h, m, sizeof(*h), by_u64);
	for (i = n = 0; i < m; i++)
		if (i == 0 || h[i] != h[i - 1])
			h[n++] = h[i];
	w->shingles[d] = h;
	w->nshingles[d] = n;
	return 0;
}

/* Jaccard resemblance of the word triples of a and b, or -1 on no memory. */
static double resemblance(work *w, size_t a, size_t b)
{
	size_t i = 0, j = 0, common = 0, na, nb;
	const uint64_t *x, *y;

	if ((!w->shingles[a] && shingles_of(w, a) < 0) ||
		(!w->shingles[b] && shingles_of(w, b) < 0))
		return -1;
	x = w->shingles[a];
	y = w->shingles[b];
	na = w->nshingles[a];
	nb = w->nshingles[b];
	if (!na || !nb)
		return 0;
	while (i < na && j < nb) {
		if (x[i] < y[j]) {
			i++;
		} else if (x[i] > y[j]) {
			j++;
		} else {
			common++;
			i++;
			j++;
		}
	}
	return (double)common / (double)(na + nb - common);
}

/* The root of x in the union-find parent[], halving paths on the way. */
static uint32_t find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

/* Groups of copies; their lowest article is the root.  0, or -1. */
static int find_copies(work *w, double duplicate)
{
	size_t d, i;

	w->dup = nsum_malloc((w->ndocs + 1) * sizeof(*w->dup));
	w->shingles = mem_calloc(w->ndocs + 1, sizeof(*w->shingles));
	w->nshingles = mem_calloc(w->ndocs + 1, sizeof(*w->nshingles));
	if (!w->dup || !w->shingles || !w->nshingles)
		return -1;
	for (d = 0; d < w->ndocs; d++)
		w->dup[d] = (uint32_t)d;
	for (i = 0; i < w->nedges; i++) {
		const edge *e = &w->edges[i];
		uint32_t ra, rb;
		double r;

		if (e->cos < DUP_COSINE)
			continue;
		ra = find(w->dup, e->a);
		rb = find(w->dup, e->b);
		if (ra == rb)
			continue;
		r = resemblance(w, e->a, e->b);
		if (r < 0)
			return -1;
		if (r >= duplicate) {
			if (ra < rb)
				w->dup[rb] = ra;
			else
				w->dup[ra] = rb;
		}
	}
	/* The triples are done with: give their memory back now. */
	for (d = 0; d < w->ndocs; d++)
		nsum_free(w->shingles[d]);
	nsum_free(w->shingles);
	nsum_free(w->nshingles);
	w->shingles = NULL;
	w->nshingles = NULL;
	return 0;
}

/* Whether article a should stand for its group of copies before b: the
 * longer text, then by the bytes of the text and of the title.  It is the
 * articles' content that decides, not their order. */
static bool leads(const work *w, uint32_t a, uint32_t b)
{
	const nsum_doc *x = w->docs[a], *y = w->docs[b];
	int c;

	if (x->ntokens != y->ntokens)
		return x->ntokens > y->ntokens;
	if (x->text.len != y->text.len)
		return x->text.len > y->text.len;
	c = memcmp(x->text.data, y->text.data, x->text.len);
	if (c)
		return c < 0;
	if (!x->title || !y->title)
		return x->title && !y->title;
	c = strcmp(x->title, y->title);
	return c ? c < 0 : a < b;
}

/* The leader of every group of copies, at its root.  0, or -1. */
static int find_leaders(work *w)
{
	size_t d;

	w->lead = nsum_malloc((w->ndocs + 1) * sizeof(*w->lead));
	if (!w->lead)
		return -1;
	for (d = 0; d < w->ndocs; d++)
		w->lead[d] = (uint32_t)d;
	for (d = 0; d < w->ndocs; d++) {
		uint32_t r = find(w->dup, (uint32_t)d);

		if (r != d && leads(w, (uint32_t)d, w->lead[r]))
			w->lead[r] = (uint32_t)d;
	}
	return 0;
}

/* The vector sum of topic root r (its article's vector if alone). */
static const term *sum_of(const work *w, uint32_t r, size_t *n)
{
	if (w->sum[r].terms) {
		*n = w->sum[r].n;
		return w->sum[r].terms;
	}
	*n = w->voff[r + 1] - w->voff[r];
	return w->vec + w->voff[r];
}

/* The first index in v[lo..hi) whose local id is >= lid. */
static size_t lower_bound(const term *v, size_t lo, size_t hi, uint32_t lid)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].lid < lid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The sum of the cosines of every pair of articles across topics ra and
 * rb: the dot product of their vector sums.  The smaller sum is walked and
 * its terms looked up in the larger by binary search, so the products
 * are added in local id order whichever topic is which.
 */
static double cross(const work *w, uint32_t ra, uint32_t rb)
{
	const term *x, *y;
	size_t nx, ny, i, j = 0;
	double dot = 0;

	x = sum_of(w, ra, &nx);
	y = sum_of(w, rb, &ny);
	if (nx > ny) {
		const term *t = x;
		size_t tn = nx;

		x = y;
		nx = ny;
		y = t;
		ny = tn;
	}
	for (i = 0; i < nx && j < ny; i++) {
		j = lower_bound(y, j, ny, x[i].lid);
		if (j < ny && y[j].lid == x[i].lid)
			dot += x[i].w * y[j].w;
	}
	return dot;
}

/*
 * Make the vector sum of topic into that of into and from together (a
 * merge of two sorted lists); from's is freed.  0, or -1 on no memory
 * (nothing changed).
 */
static int absorb(work *w, uint32_t into, uint32_t from)
{
	const term *x, *y;
	size_t nx, ny, i = 0, j = 0, n = 0;
	term *t;

	x = sum_of(w, into, &nx);
	y = sum_of(w, from, &ny);
	t = nsum_malloc((nx + ny + 1) * sizeof(*t));
	if (!t)
		return -1;
	while (i < nx || j < ny) {
		if (j == ny || (i < nx && x[i].lid < y[j].lid)) {
			t[n++] = x[i++];
		} else if (i == nx || y[j].lid < x[i].lid) {
			t[n++] = y[j++];
		} else {
			t[n].lid = x[i].lid;
			t[n++].w = x[i++].w + y[j++].w;
		}
	}
	nsum_free(w->sum[into].terms);
	nsum_free(w->sum[from].terms);
	w->sum[from].terms = NULL;
	w->sum[from].n = 0;
	w->sum[into].terms = t;
	w->sum[into].n = n;
	return 0;
}

/*
 * A pair of topics waiting in the merge queue: key is the mean cosine
 * across them when it was measured, sa and sb the topics' stamps then (a
 * topic's stamp changes each time it takes another in).
 */
typedef struct entry {
	double key;
	uint32_t a;        /* a < b, both topic roots when queued */
	uint32_t b;
	uint32_t sa;
	uint32_t sb;
} entry;

/* Whether x comes out of the queue before y: higher key, then position. */
static bool before(const entry *x, const entry *y)
{
	if (x->key != y->key)
		return x->key > y->key;
	if (x->a != y->a)
		return x->a < y->a;
	return x->b < y->b;
}

/* A binary heap of entries, the next to come out at the top. */
typedef struct queue {
	entry *items;
	size_t n;
	size_t cap;
} queue;

/* Add e to q.  0, or -1 on no memory. */
static int queue_push(queue *q, const entry *e)
{
	size_t i;

	if (mem_grow((void **)&q->items, &q->cap, q->n + 1, sizeof(*q->items)) < 0)
		return -1;
	i = q->n++;
	while (i > 0 && before(e, &q->items[(i - 1) / 2])) {
		q->items[i] = q->items[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	q->items[i] = *e;
	return 0;
}

/* Take the top of q (not empty) into *e. */
static void queue_pop(queue *q, entry *e)
{
	entry last = q->items[--q->n];
	size_t i = 0;

	*e = q->items[0];
	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= q->n)
			break;
		if (c + 1 < q->n && before(&q->items[c + 1], &q->items[c]))
			c++;
		if (!before(&q->items[c], &last))
			break;
		q->items[i] = q->items[c];
		i = c;
	}
	if (q->n)
		q->items[i] = last;
}

/* Mean cosine over every pair of articles across topics ra and rb. */
static double mean_cosine(const work *w, uint32_t ra, uint32_t rb)
{
	return cross(w, ra, rb) /
		((double)w->members[ra] * (double)w->members[rb]);
}

/*
 * The stamps at which each pair of topics was last measured: a map from
 * a << 32 | b to sa << 32 | sb (open addressing, linear probing, EMPTY
 * for a free slot).  A stale entry of a pair measured since at the same
 * stamps is dropped: the queue already holds that measure, or it failed.
 */
#define EMPTY UINT64_MAX

typedef struct pairmap {
	uint64_t *keys;
	uint64_t *vals;
	size_t mask;
	size_t count;
} pairmap;

/* Free what m holds and leave it empty. */
static void pairmap_finish(pairmap *m)
{
	nsum_free(m->keys);
	nsum_free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* The slot of key in m's table: where it is, or the free slot for it. */
static size_t pairmap_slot(const pairmap *m, uint64_t key)
{
	size_t i = (size_t)(mix64(key) & m->mask);

	while (m->keys[i] != EMPTY && m->keys[i] != key)
		i = (i + 1) & m->mask;
	return i;
}

/* Room for one more key in m (at most half full).  0, or -1. */
static int pairmap_reserve(pairmap *m)
{
	pairmap big;
	size_t cap = 64, i;

	if (m->keys && 2 * (m->count + 1) <= m->mask + 1)
		return 0;
	while (cap < 2 * (m->count + 1))
		cap *= 2;
	big.keys = nsum_malloc(cap * sizeof(*big.keys));
	big.vals = nsum_malloc(cap * sizeof(*big.vals));
	if (!big.keys || !big.vals) {
		pairmap_finish(&big);
		return -1;
	}
	big.mask = cap - 1;
	big.count = m->count;
	for (i = 0; i < cap; i++)
		big.keys[i] = EMPTY;
	for (i = 0; m->keys && i <= m->mask; i++) {
		if (m->keys[i] != EMPTY) {
			size_t s = pairmap_slot(&big, m->keys[i]);

			big.keys[s] = m->keys[i];
			big.vals[s] = m->vals[i];
		}
	}
	pairmap_finish(m);
	*m = big;
	return 0;
}

/*
 * Record that pair key is measured at stamps val.  Returns 1 if it already
 * was (nothing to do), 0 if not (now recorded), -1 on no memory.
 */
static int pairmap_mark(pairmap *m, uint64_t key, uint64_t val)
{
	size_t s;

	if (pairmap_reserve(m) < 0)
		return -1;
	s = pairmap_slot(m, key);
	if (m->keys[s] == key && m->vals[s] == val)
		return 1;
	if (m->keys[s] != key) {
		m->keys[s] = key;
		m->count++;
	}
	m->vals[s] = val;
	return 0;
}

/*
 * Topics over the leaders of the groups of copies, by average link:
 * the pairs of cosine >= threshold start the queue; the pair of topics
 * with the highest mean cosine across them merges first, as long as that
 * mean is >= threshold.  An entry whose topics have grown since it was
 * queued is measured again and queued anew.  0, or -1 on no memory.
 */
static int find_topics(work *w, double threshold)
{
	queue q = { NULL, 0, 0 };
	pairmap measured = { NULL, NULL, 0, 0 };
	uint32_t *stamp = NULL;
	size_t d, i;
	entry e;

	w->parent = nsum_malloc((w->ndocs + 1) * sizeof(*w->parent));
	w->members = nsum_malloc((w->ndocs + 1) * sizeof(*w->members));
	w->sum = mem_calloc(w->ndocs + 1, sizeof(*w->sum));
	stamp = mem_calloc(w->ndocs + 1, sizeof(*stamp));
	if (!w->parent || !w->members || !w->sum || !stamp)
		goto nomem;
	for (d = 0; d < w->ndocs; d++) {
		w->parent[d] = (uint32_t)d;
		w->members[d] = 1;
	}
	/*
	 * Pairs between groups of copies, as pairs of their leaders.  A pair
	 * found through another copy is queued stale, to be measured between
	 * the leaders.
	 */
	for (i = 0; i < w->nedges; i++) {
		uint32_t a = w->lead[find(w->dup, w->edges[i].a)];
		uint32_t b = w->lead[find(w->dup, w->edges[i].b)];

		if (w->edges[i].cos < threshold || a == b)
			continue;
		e.key = w->edges[i].cos;
		e.a = a < b ? a : b;
		e.b = a < b ? b : a;
		e.sa = e.sb = 0;
		if (a != w->edges[i].a && a != w->edges[i].b)
			e.sa = NONE;
		if (b != w->edges[i].a && b != w->edges[i].b)
			e.sb = NONE;
		if (queue_push(&q, &e) < 0)
			goto nomem;
	}
	nsum_free(w->edges);
	w->edges = NULL;
	w->nedges = 0;
	while (q.n) {
		uint32_t ra, rb;

		queue_pop(&q, &e);
		ra = find(w->parent, e.a);
		rb = find(w->parent, e.b);
		if (ra == rb)
			continue;
		if (ra != e.a || rb != e.b || stamp[ra] != e.sa ||
			stamp[rb] != e.sb) {
			/* Stale: measure the topics as they are now, once. */
			int seen;

			e.a = ra < rb ? ra : rb;
			e.b = ra < rb ? rb : ra;
			e.sa = stamp[e.a];
			e.sb = stamp[e.b];
			seen = pairmap_mark(&measured, (uint64_t)e.a << 32 | e.b,
				(uint64_t)e.sa << 32 | e.sb);
			if (seen < 0)
				goto nomem;
			if (seen)
				continue;
			e.key = mean_cosine(w, ra, rb);
			if (e.key >= threshold && queue_push(&q, &e) < 0)
				goto nomem;
			continue;
		}
		/* The larger topic takes the smaller in. */
		if (w->members[ra] < w->members[rb] ||
			(w->members[ra] == w->members[rb] && rb < ra)) {
			uint32_t t = ra;

			ra = rb;
			rb = t;
		}
		if (absorb(w, ra, rb) < 0)
			goto nomem;
		w->parent[rb] = ra;
		w->members[ra] += w->members[rb];
		stamp[ra]++;
	}
	nsum_free(q.items);
	nsum_free(stamp);
	pairmap_finish(&measured);
	return 0;
nomem:
	nsum_free(q.items);
	nsum_free(stamp);
	pairmap_finish(&measured);
	return -1;
}

/* Whether opt is in range; fills err if not. */
static bool options_ok(const nsum_cluster_options *opt, nsum_error *err)
{
	if (!(opt->threshold > 0 && opt->threshold <= 1)) {
		nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"topic threshold must be in (0, 1], not %g", opt->threshold);
		return false;
	}
	if (!(opt->duplicate > 0 && opt->duplicate <= 1)) {
		nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"duplicate threshold must be in (0, 1], not %g", opt->duplicate);
		return false;
	}
	if (opt->top_terms == 0) {
		nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"top terms must be at least 1");
		return false;
	}
	return true;
}

nsum_status nsum_cluster(nsum_engine *engine, nsum_doc *const *docs,
	size_t ndocs, const nsum_cluster_options *opt, nsum_clustering *out,
	nsum_error *err)
{
	nsum_cluster_options defaults;
	uint32_t *number = NULL;
	size_t d;
	work w;

	memset(out, 0, sizeof(*out));
	memset(&w, 0, sizeof(w));
	if (!opt) {
		nsum_cluster_options_default(&defaults);
		opt = &defaults;
	}
	if (!options_ok(opt, err))
		return NSUM_EINVAL;
	if (!docs && ndocs)
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"no articles to cluster");
	if (ndocs >= UINT32_MAX)
		return nsum_error_set(err, NSUM_ELIMIT, NULL, 0, 0,
			"too many articles to cluster: %zu", ndocs);
	w.docs = docs;
	w.ndocs = ndocs;
	out->topic = nsum_malloc((ndocs + 1) * sizeof(*out->topic));
	out->copy_of = nsum_malloc((ndocs + 1) * sizeof(*out->copy_of));
	number = nsum_malloc((ndocs + 1) * sizeof(*number));
	if (!out->topic || !out->copy_of || !number ||
		build_vocabulary(&w, engine) < 0 || build_idf(&w, engine) < 0 ||
		build_vectors(&w) < 0 || build_index(&w, opt->top_terms) < 0 ||
		find_pairs(&w) < 0 ||
		measure_pairs(&w, opt->threshold < DUP_COSINE ?
			opt->threshold : DUP_COSINE) < 0 ||
		find_copies(&w, opt->duplicate) < 0 || find_leaders(&w) < 0 ||
		find_topics(&w, opt->threshold) < 0) {
		nsum_free(number);
		work_finish(&w);
		nsum_clustering_finish(out);
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0,
			"out of memory");
	}
	/* Number the topics by their first article. */
	out->ndocs = ndocs;
	for (d = 0; d < ndocs; d++)
		number[d] = NONE;
	for (d = 0; d < ndocs; d++) {
		uint32_t first = find(w.dup, (uint32_t)d);
		uint32_t root = find(w.parent, w.lead[first]);

		if (number[root] == NONE)
			number[root] = (uint32_t)out->ntopics++;
		out->topic[d] = number[root];
		out->copy_of[d] = first;
	}
	nsum_free(number);
	work_finish(&w);
	return NSUM_OK;
}
