/*
 * Internal interface of the score, select and terms stages.
 *
 * A "set" is the group of documents summarized together.  set_build() maps
 * the stems that occur in it to dense local ids and computes term
 * frequencies and inverse document frequencies once; scoring, selection
 * and key terms all read it.
 */
#ifndef NSUM_SCORE_SCORE_H
#define NSUM_SCORE_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include "nsum/summarize.h"

#define NO_LID UINT32_MAX

typedef struct set_sentence {
	size_t doc;          /* document index */
	size_t index;        /* sentence index in the document */
	size_t rank;         /* rank among its document's candidates */
	size_t words;        /* words as a reader counts them */
	uint32_t *stems;     /* sorted distinct content local ids (in pool) */
	size_t nstems;
} set_sentence;

typedef struct set {
	nsum_doc *const *docs;
	size_t ndocs;
	size_t *cand_count;    /* candidates per document */
	uint32_t *lid;         /* local id per token, all docs concatenated;
	                          NO_LID for stopwords and numbers */
	size_t *tok_offset;    /* tokens of doc d start at tok_offset[d] */
	uint32_t *title_lid;   /* local ids of title tokens, concatenated */
	size_t *title_offset;  /* title tokens of doc d start here */
	uint32_t *stem_of;     /* local id -> engine stem id */
	size_t nlocal;         /* number of local ids */
	double *tf;            /* occurrences per local id in candidates */
	double *idf;           /* inverse document frequency per local id */
	set_sentence *cands;   /* candidate sentences, doc then position */
	size_t ncands;
	uint32_t *pool;        /* storage for the sentences' stem lists */
} set;

/* Index of v in the sorted array u[0..n) of distinct values, or NO_LID. */
uint32_t set_index(const uint32_t *u, size_t n, uint32_t v);

/* Build the set for docs.  0, or -1 on no memory (s is then finished). */
int set_build(set *s, nsum_engine *e, nsum_doc *const *docs, size_t ndocs);
void set_finish(set *s);

/*
 * For every candidate, raise sim[c] to its highest cosine (content stems,
 * as set_overlap()) with a kept sentence of the documents seen[0..nseen),
 * which must come from the same engine.  0, or -1 on no memory.
 */
int set_seen(const set *s, nsum_doc *const *seen, size_t nseen, double *sim);

/* Cosine of the content-stem sets of two candidates. */
double set_overlap(const set *s, size_t a, size_t b);

/*
 * Features of every candidate into feat (ncands * NSUM_F_COUNT) and scores
 * into score (ncands).  0, or -1 on no memory.
 */
int score_candidates(const set *s, const nsum_weights *w, double *feat,
	double *score);

/*
 * Pick candidates under the options' budget.  Fills picks (reading order),
 * returns how many, or -1 on no memory.  *picks is a new array.
 */
long select_picks(const set *s, const double *score,
	const nsum_summary_options *opt, nsum_pick **picks);

/*
 * The document whose title is the most central: the highest cosine between
 * its title's content stems (IDF-weighted) and the set's TF-IDF centroid,
 * the first one on a tie.  -1 when no document has a title, -2 on no memory.
 */
long score_headline(const set *s);

/* Key terms of the set.  0, or -1 on no memory. */
int terms_find(const set *s, nsum_engine *e, size_t max, nsum_term **terms,
	size_t *nterms);

#endif
