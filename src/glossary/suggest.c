/*
 * Glossary suggestions (see nsum/glossary.h): the key terms of articles
 * that the glossary lacks, grouped, ranked and given English candidates.
 */
#include <stdlib.h>
#include <string.h>

#include "glossary/key.h"
#include "glossary/lookup.h"
#include "nsum/glossary.h"
#include "nsum/summarize.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/strmap.h"

typedef struct sugg_vec {
	nsum_gloss_suggestion *v;
	size_t n, cap;
} sugg_vec;

static int by_rank(const void *a, const void *b)
{
	const nsum_gloss_suggestion *x = a, *y = b;

	if (x->articles != y->articles)
		return x->articles < y->articles ? 1 : -1;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return strcmp(x->fr, y->fr);
}

void nsum_gloss_suggestions_free(nsum_gloss_suggestion *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		nsum_free(s[i].fr);
		nsum_dict_candidates_free(s[i].candidates, s[i].ncandidates);
	}
	nsum_free(s);
}

nsum_status nsum_glossary_suggest(const nsum_glossary *g, const nsum_dict *d,
	nsum_engine *e, nsum_doc *const *docs, size_t ndocs, size_t terms,
	nsum_gloss_suggestion **out, size_t *n, nsum_error *err)
{
	nsum_summary_options opt;
	sugg_vec s = { NULL, 0, 0 };
	strmap keys;
	nsum_buf key;
	size_t i, k, nparts;
	nsum_status st = NSUM_OK;

	*out = NULL;
	*n = 0;
	strmap_init(&keys);
	buf_init(&key);
	nsum_summary_options_default(&opt);
	opt.sentences = 1;
	opt.terms = terms;
	for (i = 0; i < ndocs; i++) {
		nsum_summary *sum = nsum_summarize(e, &docs[i], 1, &opt, err);

		if (!sum) {
			st = err ? err->status : NSUM_ENOMEM;
			goto out;
		}
		for (k = 0; k < sum->nterms; k++) {
			const nsum_term *t = &sum->terms[k];
			uint32_t at;
			long entry = -1;

			if (g && gloss_lookup(g, t->text, strlen(t->text), &entry) < 0)
				goto nomem_sum;
			if (entry >= 0)
				continue;
			if (term_key(t->text, strlen(t->text), KEY_ACCENT, &key, &nparts) < 0)
				goto nomem_sum;
			if (strmap_get(&keys, key.data, key.len, &at)) {
				s.v[at].articles++;
				s.v[at].score += t->score;
				continue;
			}
			if (mem_grow((void **)&s.v, &s.cap, s.n + 1, sizeof(*s.v)) < 0 ||
				strmap_put(&keys, key.data, key.len, (uint32_t)s.n) < 0)
				goto nomem_sum;
			memset(&s.v[s.n], 0, sizeof(*s.v));
			s.v[s.n].fr = mem_strndup(t->text, strlen(t->text));
			if (!s.v[s.n].fr)
				goto nomem_sum;
			s.v[s.n].articles = 1;
			s.v[s.n].score = t->score;
			s.n++;
		}
		nsum_summary_destroy(sum);
		continue;
nomem_sum:
		nsum_summary_destroy(sum);
		st = nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (s.n > 1)
		qsort(s.v, s.n, sizeof(*s.v), by_rank);
	for (i = 0; d && i < s.n; i++) {
		st = nsum_dict_translate(d, s.v[i].fr, strlen(s.v[i].fr), 3,
			&s.v[i].candidates, &s.v[i].ncandidates, err);
		if (st != NSUM_OK)
			goto out;
	}
out:
	strmap_finish(&keys);
	buf_finish(&key);
	if (st != NSUM_OK) {
		nsum_gloss_suggestions_free(s.v, s.n);
		return st;
	}
	*out = s.v;
	*n = s.n;
	return NSUM_OK;
}
