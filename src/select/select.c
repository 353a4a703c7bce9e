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

long select_picks(const set *s, const double *score,
	const nsum_summary_options *opt, nsum_pick **picks)
{
	size_t limit = sentence_limit(s, opt), used = 0, n = 0, i, j;
	size_t *chosen = NULL;
	ranked *order = NULL;
	nsum_pick *out = NULL;

	*picks = NULL;
	order = nsum_malloc((s->ncands + 1) * sizeof(*order));
	chosen = nsum_malloc((s->ncands + 1) * sizeof(*chosen));
	out = mem_calloc(s->ncands + 1, sizeof(*out));
	if (!order || !chosen || !out) {
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
		bool redundant = false;

		for (j = 0; j < n && !redundant; j++)
			redundant = set_overlap(s, order[i].cand, chosen[j]) >
				opt->redundancy;
		if (redundant)
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
		chosen[n++] = order[i].cand;
		used += c->words;
	}
	qsort(out, n, sizeof(*out), by_position);
	nsum_free(order);
	nsum_free(chosen);
	*picks = out;
	return (long)n;
}
