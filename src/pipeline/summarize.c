/*
 * Summarization (see nsum/summarize.h): build the set, score, select, find
 * the key terms, and hand back one result that owns all of it.
 */
#include <math.h>
#include <string.h>

#include "glossary/lookup.h"
#include "score/score.h"
#include "util/mem.h"

void nsum_summary_options_default(nsum_summary_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->redundancy = 0.4;
	opt->terms = 10;
}

nsum_status nsum_summary_options_check(const nsum_summary_options *opt,
	nsum_error *err)
{
	if (opt->ratio < 0 || opt->ratio > 1 || isnan(opt->ratio))
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"--ratio must be a number in (0, 1], not %g", opt->ratio);
	if (!(opt->redundancy > 0 && opt->redundancy <= 1))
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"--redundancy must be a number in (0, 1], not %g",
			opt->redundancy);
	return NSUM_OK;
}

/*
 * The glossary's part of a summary: each term's entry, and the glossary
 * terms of every pick.  0, or -1 on no memory.
 */
static int gloss(nsum_summary *sum, nsum_doc *const *docs,
	const nsum_glossary *g)
{
	size_t i, k, cap = 0;

	for (i = 0; i < sum->nterms; i++) {
		sum->terms[i].entry = -1;
		if (g && gloss_lookup(g, sum->terms[i].text,
			strlen(sum->terms[i].text), &sum->terms[i].entry) < 0)
			return -1;
	}
	for (i = 0; g && i < sum->npicks; i++) {
		const nsum_pick *p = &sum->picks[i];
		const nsum_doc *d = docs[p->doc];
		const nsum_sentence *st = &d->sents.items[p->sentence];
		nsum_gloss_match *m;
		size_t n;

		if (nsum_glossary_find(g, d->text.data, st->start,
			p->cut ? p->cut : st->end, &m, &n, NULL) != NSUM_OK)
			return -1;
		for (k = 0; k < n; k++) {
			if (mem_grow((void **)&sum->hits, &cap, sum->nhits + 1,
				sizeof(*sum->hits)) < 0) {
				nsum_free(m);
				return -1;
			}
			sum->hits[sum->nhits].doc = p->doc;
			sum->hits[sum->nhits].start = m[k].start;
			sum->hits[sum->nhits].end = m[k].end;
			sum->hits[sum->nhits].entry = m[k].entry;
			sum->nhits++;
		}
		nsum_free(m);
	}
	return 0;
}

nsum_summary *nsum_summarize(nsum_engine *engine, nsum_doc *const *docs,
	size_t ndocs, const nsum_summary_options *opt, nsum_error *err)
{
	nsum_summary_options defaults;
	const nsum_weights *w;
	nsum_summary *sum;
	double *feat = NULL, *cscore = NULL;
	size_t d, c, total = 0;
	long n;
	set s;

	if (!opt) {
		nsum_summary_options_default(&defaults);
		opt = &defaults;
	}
	if (nsum_summary_options_check(opt, err) != NSUM_OK)
		return NULL;
	w = opt->weights ? opt->weights : nsum_weights_default();
	sum = mem_calloc(1, sizeof(*sum));
	if (!sum)
		goto nomem;
	if (set_build(&s, engine, docs, ndocs) < 0) {
		nsum_free(sum);
		goto nomem;
	}
	sum->ndocs = ndocs;
	sum->offset = mem_calloc(ndocs + 1, sizeof(*sum->offset));
	if (!sum->offset)
		goto fail;
	for (d = 0; d < ndocs; d++) {
		sum->offset[d] = total;
		total += docs[d]->sents.count;
	}
	sum->offset[ndocs] = total;
	sum->score = nsum_malloc((total + 1) * sizeof(double));
	feat = mem_calloc(s.ncands * NSUM_F_COUNT + 1, sizeof(double));
	cscore = mem_calloc(s.ncands + 1, sizeof(double));
	if (!sum->score || !feat || !cscore)
		goto fail;
	if (opt->explain) {
		sum->features = mem_calloc(total * NSUM_F_COUNT + 1, sizeof(double));
		if (!sum->features)
			goto fail;
	}
	if (score_candidates(&s, w, feat, cscore) < 0)
		goto fail;
	for (c = 0; c < total; c++)
		sum->score[c] = -INFINITY;
	for (c = 0; c < s.ncands; c++) {
		size_t at = sum->offset[s.cands[c].doc] + s.cands[c].index;

		sum->score[at] = cscore[c];
		if (sum->features)
			memcpy(sum->features + at * NSUM_F_COUNT,
				feat + c * NSUM_F_COUNT, NSUM_F_COUNT * sizeof(double));
	}
	sum->candidates = s.ncands;
	sum->headline = score_headline(&s);
	if (sum->headline < -1)
		goto fail;
	n = select_picks(&s, cscore, opt, &sum->picks);
	if (n < 0)
		goto fail;
	sum->npicks = (size_t)n;
	if (opt->terms && terms_find(&s, engine, opt->terms, &sum->terms,
		&sum->nterms) < 0)
		goto fail;
	if (gloss(sum, docs, opt->glossary) < 0)
		goto fail;
	nsum_free(feat);
	nsum_free(cscore);
	set_finish(&s);
	return sum;
fail:
	nsum_free(feat);
	nsum_free(cscore);
	set_finish(&s);
	nsum_summary_destroy(sum);
nomem:
	nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	return NULL;
}

void nsum_summary_destroy(nsum_summary *s)
{
	size_t i;

	if (!s)
		return;
	nsum_free(s->picks);
	nsum_free(s->offset);
	nsum_free(s->score);
	nsum_free(s->features);
	for (i = 0; i < s->nterms; i++)
		nsum_free(s->terms[i].text);
	nsum_free(s->terms);
	nsum_free(s->hits);
	nsum_free(s);
}
