/*
 * Selection (see nsum/summarize.h): the best-scored candidates under the
 * budget, never two that say the same thing, in reading order.
 *
 * Budget: -n sentences, or --ratio of the candidates, or --words.  Under a
 * word budget whole sentences are taken, best first, while they fit; a
 * sentence that does not fit is passed over for a shorter one.  If even the
 * best sentence alone is longer than the budget, it is cut after the
 * budget's last word (the renderer adds "…").
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nsum/token.h"
#include "score/score.h"
#include "util/mem.h"

typedef struct ranked {
	size_t cand;
	double score;
} ranked;

static int by_score(const void *a, const void *b)
{
	const ranked *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return (x->cand > y->cand) - (x->cand < y->cand);
}

static int by_position(const void *a, const void *b)
{
	const nsum_pick *x = a, *y = b;

	if (x->doc != y->doc)
		return (x->doc > y->doc) - (x->doc < y->doc);
	return (x->sentence > y->sentence) - (x->sentence < y->sentence);
}

#define NONE UINT32_MAX

/*
 * The picks made so far, indexed by stem: for each local stem id, a chain
 * of the picks that hold it.  The redundancy test of a candidate then
 * visits only the picks that share a stem with it, not every pick: with a
 * large budget (--ratio, a high -n) over a long text, comparing each
 * candidate with each pick was quadratic.
 */
typedef struct posting {
	uint32_t pick;      /* index of the pick in chosen[] */
	uint32_t next;      /* next posting of the same stem, or NONE */
} posting;

typedef struct pick_index {
	uint32_t *head;     /* per local stem id: its last posting, or NONE */
	posting *post;      /* postings of every pick's stems */
	size_t npost;
	uint32_t *common;   /* per pick: stems shared with the candidate */
	uint32_t *touched;  /* the picks whose common count is not 0 */
} pick_index;

/* Room for the picks of s.  0, or -1 on no memory. */
static int index_init(pick_index *ix, const set *s)
{
	size_t i, total = 0;

	memset(ix, 0, sizeof(*ix));
	for (i = 0; i < s->ncands; i++)
		total += s->cands[i].nstems;
	ix->head = nsum_malloc((s->nlocal + 1) * sizeof(*ix->head));
	ix->post = nsum_malloc((total + 1) * sizeof(*ix->post));
	ix->common = mem_calloc(s->ncands + 1, sizeof(*ix->common));
	ix->touched = nsum_malloc((s->ncands + 1) * sizeof(*ix->touched));
	if (!ix->head || !ix->post || !ix->common || !ix->touched)
		return -1;
	for (i = 0; i < s->nlocal; i++)
		ix->head[i] = NONE;
	return 0;
}

static void index_finish(pick_index *ix)
{
	nsum_free(ix->head);
	nsum_free(ix->post);
	nsum_free(ix->common);
	nsum_free(ix->touched);
}

/* Record candidate cand as pick number pick. */
static void index_add(pick_index *ix, const set *s, size_t cand, size_t pick)
{
	const set_sentence *c = &s->cands[cand];
	size_t k;

	for (k = 0; k < c->nstems; k++) {
		uint32_t l = c->stems[k];

		ix->post[ix->npost].pick = (uint32_t)pick;
		ix->post[ix->npost].next = ix->head[l];
		ix->head[l] = (uint32_t)ix->npost++;
	}
}

/*
 * Whether candidate cand shares more than limit (the cosine of set_overlap())
 * with one of the picks (chosen[] maps picks to candidates).
 */
static bool redundant(pick_index *ix, const set *s, const size_t *chosen,
	size_t cand, double limit)
{
	const set_sentence *x = &s->cands[cand];
	size_t k, ntouched = 0;
	bool red = false;

	for (k = 0; k < x->nstems; k++) {
		uint32_t p;

		for (p = ix->head[x->stems[k]]; p != NONE; p = ix->post[p].next) {
			uint32_t j = ix->post[p].pick;

			if (ix->common[j]++ == 0)
				ix->touched[ntouched++] = j;
		}
	}
	for (k = 0; k < ntouched; k++) {
		uint32_t j = ix->touched[k];
		const set_sentence *y = &s->cands[chosen[j]];

		/* The same arithmetic as set_overlap(), so the same answers. */
		if ((double)ix->common[j] /
			sqrt((double)x->nstems * (double)y->nstems) > limit)
			red = true;
		ix->common[j] = 0;
	}
	return red;
}

/* How many sentences the options allow at most. */
static size_t sentence_limit(const set *s, const nsum_summary_options *opt)
{
	if (opt->sentences)
		return opt->sentences;
	if (opt->ratio > 0) {
		size_t n = (size_t)ceil(opt->ratio * (double)s->ncands);

		return n ? n : 1;
	}
	return opt->words ? SIZE_MAX : 3;
}

/* Relevance against novelty in select_mmr(); set on RPM2 dev
 * (docs/scoring.md, "Several articles"). */
#define MMR_LAMBDA 0.85

/*
 * Maximal marginal relevance, for several documents or when the reader
 * has seen some already (opt->seen): each step takes the
 * candidate with the best lambda * score - (1 - lambda) * similarity to
 * the closest pick so far, scores scaled to 0..1 over the candidates.
 * Among articles on one story the best sentences often say the same thing
 * in other words; MMR prefers the next best that adds something, where
 * the single-article rule only refuses near-copies.  Redundancy above the
 * limit is still refused.  Same contract as select_picks().
 */
static long select_mmr(const set *s, const double *score,
	const nsum_summary_options *opt, nsum_pick **picks)
{
	size_t limit = sentence_limit(s, opt), used = 0, n = 0, i;
	double lo = INFINITY, hi = -INFINITY, *sim;
	nsum_pick *out;
	bool *done;

	*picks = NULL;
	sim = mem_calloc(s->ncands + 1, sizeof(*sim));
	done = mem_calloc(s->ncands + 1, sizeof(*done));
	out = mem_calloc(s->ncands + 1, sizeof(*out));
	if (!sim || !done || !out) {
		nsum_free(sim);
		nsum_free(done);
		nsum_free(out);
		return -1;
	}
	for (i = 0; i < s->ncands; i++) {
		lo = fmin(lo, score[i]);
		hi = fmax(hi, score[i]);
	}
	/* What the reader has seen counts as picked already. */
	if (opt->nseen && set_seen(s, opt->seen, opt->nseen, sim) < 0) {
		nsum_free(sim);
		nsum_free(done);
		nsum_free(out);
		return -1;
	}
	while (n < limit) {
		size_t best = SIZE_MAX;
		double bv = -INFINITY;
		const set_sentence *c;

		for (i = 0; i < s->ncands; i++) {
			double v;

			if (done[i] || sim[i] > opt->redundancy)
				continue;
			if (opt->words && n > 0 && used + s->cands[i].words > opt->words)
				continue;
			v = MMR_LAMBDA * (hi > lo ? (score[i] - lo) / (hi - lo) : 1) -
				(1 - MMR_LAMBDA) * sim[i];
			if (v > bv) {
				bv = v;
				best = i;
			}
		}
		if (best == SIZE_MAX)
			break;
		c = &s->cands[best];
		done[best] = true;
		out[n].doc = c->doc;
		out[n].sentence = c->index;
		out[n].score = score[best];
		if (opt->words && used + c->words > opt->words) {
			/* The first pick alone is longer than the budget. */
			const nsum_doc *d = s->docs[c->doc];
			const nsum_sentence *st = &d->sents.items[c->index];

			out[n++].cut = nsum_word_cut(d->text.data, st->start, st->end,
				opt->words);
			break;
		}
		n++;
		used += c->words;
		for (i = 0; i < s->ncands; i++)
			if (!done[i])
				sim[i] = fmax(sim[i], set_overlap(s, i, best));
	}
	qsort(out, n, sizeof(*out), by_position);
	nsum_free(sim);
	nsum_free(done);
	*picks = out;
	return (long)n;
}

long select_picks(const set *s, const double *score,
	const nsum_summary_options *opt, nsum_pick **picks)
{
	size_t limit = sentence_limit(s, opt), used = 0, n = 0, i;
	size_t *chosen = NULL;
	ranked *order = NULL;
	nsum_pick *out = NULL;
	pick_index ix;

	if (s->ndocs > 1 || opt->nseen)
		return select_mmr(s, score, opt, picks);
	*picks = NULL;
	order = nsum_malloc((s->ncands + 1) * sizeof(*order));
	chosen = nsum_malloc((s->ncands + 1) * sizeof(*chosen));
	out = mem_calloc(s->ncands + 1, sizeof(*out));
	if (index_init(&ix, s) < 0 || !order || !chosen || !out) {
		index_finish(&ix);
		nsum_free(order);
		nsum_free(chosen);
		nsum_free(out);
		return -1;
	}
	for (i = 0; i < s->ncands; i++) {
		order[i].cand = i;
		order[i].score = score[i];
	}
	qsort(order, s->ncands, sizeof(*order), by_score);

	for (i = 0; i < s->ncands && n < limit; i++) {
		const set_sentence *c = &s->cands[order[i].cand];

		if (redundant(&ix, s, chosen, order[i].cand, opt->redundancy))
			continue;
		if (opt->words && used + c->words > opt->words) {
			if (n == 0) {
				const nsum_doc *d = s->docs[c->doc];
				const nsum_sentence *st = &d->sents.items[c->index];

				out[n].cut = nsum_word_cut(d->text.data, st->start,
					st->end, opt->words);
				out[n].doc = c->doc;
				out[n].sentence = c->index;
				out[n].score = order[i].score;
				chosen[n++] = order[i].cand;
				break;
			}
			continue;
		}
		out[n].doc = c->doc;
		out[n].sentence = c->index;
		out[n].score = order[i].score;
		index_add(&ix, s, order[i].cand, n);
		chosen[n++] = order[i].cand;
		used += c->words;
	}
	qsort(out, n, sizeof(*out), by_position);
	index_finish(&ix);
	nsum_free(order);
	nsum_free(chosen);
	*picks = out;
	return (long)n;
}
