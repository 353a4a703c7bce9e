/*
 * The set of documents summarized together (see score.h): local stem ids,
 * term frequencies and inverse document frequencies, computed once.
 *
 * Stem ids from the engine's stemmer grow with everything the process has
 * read; a batch of 20,000 articles has hundreds of thousands.  Arrays
 * indexed by them would cost more to clear than to use, so the set maps the
 * stems it holds to dense local ids by sorting.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nsum/token.h"
#include "score/score.h"
#include "util/mem.h"

/*
 * Sort a[0..n) in increasing order: quicksort on the median of three,
 * insertion sort for short runs, recursion only into the smaller side (so
 * at most log2(n) deep).  Stem ids are plain integers: any correct sort
 * gives the same array, and this one costs no call per comparison.
 */
static void sort_u32(uint32_t *a, size_t n)
{
	size_t k;

	while (n > 16) {
		size_t i = 0, j = n - 1, mid = n / 2;
		uint32_t p, t;

		/* Median of a[0], a[mid], a[n - 1] as the pivot. */
		if (a[mid] < a[0]) {
			t = a[mid]; a[mid] = a[0]; a[0] = t;
		}
		if (a[n - 1] < a[0]) {
			t = a[n - 1]; a[n - 1] = a[0]; a[0] = t;
		}
		if (a[n - 1] < a[mid]) {
			t = a[n - 1]; a[n - 1] = a[mid]; a[mid] = t;
		}
		p = a[mid];
		/* Hoare partition: a[0..j] <= p <= a[j+1..n). */
		for (;;) {
			while (a[i] < p)
				i++;
			while (a[j] > p)
				j--;
			if (i >= j)
				break;
			t = a[i]; a[i] = a[j]; a[j] = t;
			i++;
			j--;
		}
		if (j + 1 < n - j - 1) {
			sort_u32(a, j + 1);
			a += j + 1;
			n -= j + 1;
		} else {
			sort_u32(a + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	for (k = 1; k < n; k++) {
		uint32_t v = a[k];
		size_t j = k;

		for (; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

uint32_t set_index(const uint32_t *u, size_t n, uint32_t stem)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (u[mid] < stem)
			lo = mid + 1;
		else if (u[mid] > stem)
			hi = mid;
		else
			return (uint32_t)mid;
	}
	return NO_LID;
}

int set_build(set *s, nsum_engine *e, nsum_doc *const *docs, size_t ndocs)
{
	const nsum_model *model = nsum_engine_model(e);
	const nsum_stemmer *st = nsum_engine_stemmer(e);
	size_t d, i, t, total = 0, ttotal = 0, n = 0, c, pooln = 0;
	uint32_t *all = NULL;
	double *sdf = NULL;

	memset(s, 0, sizeof(*s));
	s->docs = docs;
	s->ndocs = ndocs;
	s->tok_offset = mem_calloc(ndocs + 1, sizeof(size_t));
	s->title_offset = mem_calloc(ndocs + 1, sizeof(size_t));
	s->cand_count = mem_calloc(ndocs + 1, sizeof(size_t));
	if (!s->tok_offset || !s->title_offset || !s->cand_count)
		goto nomem;
	for (d = 0; d < ndocs; d++) {
		s->tok_offset[d] = total;
		s->title_offset[d] = ttotal;
		total += docs[d]->ntokens;
		ttotal += docs[d]->ntitle_tokens;
		for (i = 0; i < docs[d]->sents.count; i++)
			if (nsum_doc_candidate(docs[d], i))
				s->ncands++;
	}
	s->tok_offset[ndocs] = total;
	s->title_offset[ndocs] = ttotal;

	/* Local ids: the distinct content stems of candidates and titles. */
	all = nsum_malloc((total + ttotal + 1) * sizeof(*all));
	s->lid = nsum_malloc((total + 1) * sizeof(*s->lid));
	s->title_lid = nsum_malloc((ttotal + 1) * sizeof(*s->title_lid));
	s->cands = mem_calloc(s->ncands + 1, sizeof(*s->cands));
	if (!all || !s->lid || !s->title_lid || !s->cands)
		goto nomem;
	for (d = 0; d < ndocs; d++) {
		const nsum_doc *doc = docs[d];

		for (i = 0; i < doc->sents.count; i++) {
			if (!nsum_doc_candidate(doc, i))
				continue;
			for (t = doc->first[i]; t < doc->first[i + 1]; t++)
				if (nsum_token_is_content(&doc->tokens[t]))
					all[n++] = doc->tokens[t].stem;
		}
		for (t = 0; t < doc->ntitle_tokens; t++)
			if (nsum_token_is_content(&doc->title_tokens[t]))
				all[n++] = doc->title_tokens[t].stem;
	}
	if (n)
		sort_u32(all, n);
	for (i = 0; i < n; i++)
		if (i == 0 || all[i] != all[i - 1])
			all[s->nlocal++] = all[i];
	s->stem_of = all;
	all = NULL;
	s->tf = mem_calloc(s->nlocal + 1, sizeof(double));
	s->idf = mem_calloc(s->nlocal + 1, sizeof(double));
	sdf = mem_calloc(s->nlocal + 1, sizeof(double));
	if (!s->tf || !s->idf || !sdf)
		goto nomem;

	/* Token local ids, term frequencies, candidate sentences. */
	for (d = 0; d < ndocs; d++) {
		const nsum_doc *doc = docs[d];
		size_t base = s->tok_offset[d], rank = 0;

		for (t = 0; t < doc->ntokens; t++)
			s->lid[base + t] = nsum_token_is_content(&doc->tokens[t]) ?
				set_index(s->stem_of, s->nlocal, doc->tokens[t].stem) : NO_LID;
		for (t = 0; t < doc->ntitle_tokens; t++)
			s->title_lid[s->title_offset[d] + t] =
				nsum_token_is_content(&doc->title_tokens[t]) ?
				set_index(s->stem_of, s->nlocal, doc->title_tokens[t].stem) :
				NO_LID;
		for (i = 0; i < doc->sents.count; i++) {
			if (!nsum_doc_candidate(doc, i))
				continue;
			for (t = doc->first[i]; t < doc->first[i + 1]; t++) {
				uint32_t l = s->lid[base + t];

				if (l != NO_LID) {
					s->tf[l] += 1;
					pooln++;
				}
			}
			rank++;
		}
		s->cand_count[d] = rank;
	}
	s->pool = nsum_malloc((pooln + 1) * sizeof(*s->pool));
	if (!s->pool)
		goto nomem;
	pooln = 0;
	c = 0;
	for (d = 0; d < ndocs; d++) {
		const nsum_doc *doc = docs[d];
		size_t base = s->tok_offset[d], rank = 0;

		for (i = 0; i < doc->sents.count; i++) {
			set_sentence *ss;
			size_t k, m = 0;

			if (!nsum_doc_candidate(doc, i))
				continue;
			ss = &s->cands[c++];
			ss->doc = d;
			ss->index = i;
			ss->rank = rank++;
			ss->words = nsum_word_count(doc->text.data,
				doc->sents.items[i].start, doc->sents.items[i].end);
			ss->stems = s->pool + pooln;
			for (t = doc->first[i]; t < doc->first[i + 1]; t++)
				if (s->lid[base + t] != NO_LID)
					ss->stems[m++] = s->lid[base + t];
			if (m)
				sort_u32(ss->stems, m);
			for (k = 0; k < m; k++)
				if (k == 0 || ss->stems[k] != ss->stems[k - 1])
					ss->stems[ss->nstems++] = ss->stems[k];
			pooln += m;
			for (k = 0; k < ss->nstems; k++)
				sdf[ss->stems[k]] += 1;
		}
	}

	/* IDF from the model, or from the set's own sentences. */
	for (i = 0; i < s->nlocal; i++) {
		if (model) {
			size_t len;
			const char *str = nsum_stemmer_string(st, s->stem_of[i], &len);
			double D = (double)nsum_model_documents(model);
			double df = (double)nsum_model_df(model, str, len);

			s->idf[i] = log((D + 1) / (df + 1)) + 1;
		} else {
			s->idf[i] = log(((double)s->ncands + 1) / (sdf[i] + 1)) + 1;
		}
	}
	nsum_free(sdf);
	return 0;
nomem:
	nsum_free(all);
	nsum_free(sdf);
	set_finish(s);
	return -1;
}

void set_finish(set *s)
{
	nsum_free(s->cand_count);
	nsum_free(s->lid);
	nsum_free(s->tok_offset);
	nsum_free(s->title_lid);
	nsum_free(s->title_offset);
	nsum_free(s->stem_of);
	nsum_free(s->tf);
	nsum_free(s->idf);
	nsum_free(s->cands);
	nsum_free(s->pool);
	memset(s, 0, sizeof(*s));
}

double set_overlap(const set *s, size_t a, size_t b)
{
	const set_sentence *x = &s->cands[a], *y = &s->cands[b];
	size_t i = 0, j = 0, common = 0;

	if (!x->nstems || !y->nstems)
		return 0;
	while (i < x->nstems && j < y->nstems) {
		if (x->stems[i] < y->stems[j]) {
			i++;
		} else if (x->stems[i] > y->stems[j]) {
			j++;
		} else {
			common++;
			i++;
			j++;
		}
	}
	return (double)common / sqrt((double)x->nstems * (double)y->nstems);
}

int set_seen(const set *s, nsum_doc *const *seen, size_t nseen, double *sim)
{
	uint32_t *u = NULL, *loc = NULL;
	size_t cap = 0, d, i, t, c;

	for (d = 0; d < nseen; d++) {
		const nsum_doc *doc = seen[d];

		for (i = 0; i < doc->sents.count; i++) {
			size_t n = 0, k, distinct = 0, nloc = 0;

			if (doc->sents.items[i].drop != NSUM_KEEP)
				continue;
			if (doc->first[i + 1] - doc->first[i] + 1 > cap) {
				size_t want = doc->first[i + 1] - doc->first[i] + 1;
				uint32_t *nu = nsum_realloc(u, want * sizeof(*u)), *nl;

				if (nu)
					u = nu;
				nl = nu ? nsum_realloc(loc, want * sizeof(*loc)) : NULL;
				if (!nl) {
					nsum_free(u);
					nsum_free(loc);
					return -1;
				}
				loc = nl;
				cap = want;
			}
			for (t = doc->first[i]; t < doc->first[i + 1]; t++)
				if (nsum_token_is_content(&doc->tokens[t]))
					u[n++] = doc->tokens[t].stem;
			if (!n)
				continue;
			sort_u32(u, n);
			/* Its distinct stems; those the set knows, as local ids. */
			for (k = 0; k < n; k++) {
				uint32_t l;

				if (k > 0 && u[k] == u[k - 1])
					continue;
				distinct++;
				l = set_index(s->stem_of, s->nlocal, u[k]);
				if (l != NO_LID)
					loc[nloc++] = l;
			}
			sort_u32(loc, nloc);
			for (c = 0; c < s->ncands && nloc; c++) {
				const set_sentence *x = &s->cands[c];
				size_t a = 0, b = 0, common = 0;
				double cos;

				while (a < x->nstems && b < nloc) {
					if (x->stems[a] < loc[b])
						a++;
					else if (x->stems[a] > loc[b])
						b++;
					else {
						common++;
						a++;
						b++;
					}
				}
				cos = x->nstems ? (double)common /
					sqrt((double)x->nstems * (double)distinct) : 0;
				if (cos > sim[c])
					sim[c] = cos;
			}
		}
	}
	nsum_free(u);
	nsum_free(loc);
	return 0;
}
