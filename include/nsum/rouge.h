/*
 * ROUGE: how much of a reference summary a summary recovers, the way
 * Google's rouge-score package and the evaluation harness (rouge.py,
 * score.py) compute it, so that nsum can score itself.
 *
 * Four metrics, each as precision, recall and F1 = 2PR / (P + R):
 *
 *   rouge1, rouge2  clipped unigram and bigram overlap
 *   rougeL          longest common subsequence of the two token sequences
 *   rougeLsum       summary-level LCS: for each reference sentence the
 *                   union of its LCS with every summary sentence, hits
 *                   clipped by the token counts of both texts
 *
 * Tokens.  The text is put in NFC and lower-cased.  In the default Unicode
 * mode a token is a maximal run of letters and digits (Unicode categories
 * L and N), so accents stay letters: "l'Été 2025" gives "l", "été", "2025"
 * -- rouge.py's tokens exactly.  The ASCII mode is rouge-score's own
 * tokenizer: every character but a-z and 0-9 separates tokens, so
 * "élève" gives "l", "ve"; published French ROUGE numbers (OrangeSum) were
 * computed so.  With stemming, tokens longer than 3 characters are replaced
 * by their Snowball French stem (rouge-score's rule; its own stemmer is
 * English Porter).
 *
 * ROUGE-Lsum sentences are lines.  A text with no newline between its
 * first and last character is first split into sentences (NSUM_LSUM_AUTO,
 * score.py's default); NSUM_LSUM_NEWLINE never splits, NSUM_LSUM_ALWAYS
 * always does.  The splitter is the harness's (frsplit.py's rules, not
 * nsum's own splitter, which cuts a few texts differently).
 *
 * Several references: for each metric on its own, the score of the
 * reference with the best F1 is kept (the first on a tie), as rouge-score's
 * score_multi does.  No reference, or an empty text, scores 0.
 *
 * A scorer caches stems and keeps scratch memory: use one per thread.  See
 * docs/eval.md for the agreement with the harness.
 */
#ifndef NSUM_ROUGE_H
#define NSUM_ROUGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nsum/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nsum_rouge_metric {
	NSUM_ROUGE_1 = 0, /* "rouge1" */
	NSUM_ROUGE_2,     /* "rouge2" */
	NSUM_ROUGE_L,     /* "rougeL" */
	NSUM_ROUGE_LSUM,  /* "rougeLsum" */
	NSUM_ROUGE_METRICS
} nsum_rouge_metric;

typedef enum nsum_rouge_tokens {
	NSUM_ROUGE_UNICODE = 0, /* runs of letters and digits (rouge.py) */
	NSUM_ROUGE_ASCII,       /* runs of a-z 0-9 (rouge-score) */
} nsum_rouge_tokens;

typedef enum nsum_rouge_lsum_split {
	NSUM_LSUM_AUTO = 0, /* split a text that has no inner newline */
	NSUM_LSUM_NEWLINE,  /* sentences are the lines, as given */
	NSUM_LSUM_ALWAYS,   /* split every text into sentences */
} nsum_rouge_lsum_split;

typedef struct nsum_rouge_options {
	nsum_rouge_tokens tokens;         /* default NSUM_ROUGE_UNICODE */
	bool stem;                        /* Snowball French; default false */
	nsum_rouge_lsum_split lsum_split; /* default NSUM_LSUM_AUTO */
} nsum_rouge_options;

/* Precision, recall and F1 of one metric, each in [0, 1]. */
typedef struct nsum_rouge_prf {
	double p;
	double r;
	double f;
} nsum_rouge_prf;

/* The four metrics of one summary, or their mean over items. */
typedef struct nsum_rouge_result {
	nsum_rouge_prf metric[NSUM_ROUGE_METRICS]; /* by nsum_rouge_metric */
} nsum_rouge_result;

/* A 95% interval for each number of a result. */
typedef struct nsum_rouge_interval {
	nsum_rouge_result lo; /* 2.5th percentile of the resampled means */
	nsum_rouge_result hi; /* 97.5th percentile */
} nsum_rouge_interval;

typedef struct nsum_rouge nsum_rouge;

/* Resamples of nsum_rouge_bootstrap() that score.py also uses by default. */
#define NSUM_ROUGE_RESAMPLES 1000

/* Longest LCS table of ROUGE-Lsum, in cells (one sentence pair). */
#define NSUM_ROUGE_LCS_MAX ((size_t)1 << 26)

/* Default options: Unicode tokens, no stemming, NSUM_LSUM_AUTO. */
void nsum_rouge_options_default(nsum_rouge_options *opt);

/* The metric's name as rouge-score spells it ("rougeLsum"); "" if unknown. */
const char *nsum_rouge_metric_name(nsum_rouge_metric m);

/*
 * A scorer with the options opt (NULL for the defaults).  NULL and err
 * (NSUM_ENOMEM, or NSUM_EINVAL for an option out of range) on failure.
 * Free with nsum_rouge_destroy().
 */
nsum_rouge *nsum_rouge_create(const nsum_rouge_options *opt, nsum_error *err);

/* Free r.  r may be NULL. */
void nsum_rouge_destroy(nsum_rouge *r);

/*
 * The tokens of text[0..len) as r scores them: tokens separated by a
 * space, ROUGE-Lsum sentences by a newline (a sentence without tokens is
 * left out).  The number of tokens in *count (may be NULL).  A new string,
 * free with nsum_free(); NULL and err on failure: what nsum_text_init_bytes()
 * says of a text that is not UTF-8 or is binary (err names the line and
 * column in the text, no source), or NSUM_ENOMEM.
 */
char *nsum_rouge_tokenize(nsum_rouge *r, const char *text, size_t len,
	size_t *count, nsum_error *err);

/*
 * Score summary[0..summary_len) against the nrefs references refs[i]
 * (ref_lens[i] bytes each; ref_lens may be NULL when every reference is
 * NUL-terminated) into *out: for each metric, the score of the reference
 * with the best F1.  nrefs may be 0 (all zero).  NSUM_OK, or an error with
 * *out all zero: as for nsum_rouge_tokenize(), or NSUM_ELIMIT (a
 * sentence pair needs an LCS table larger than NSUM_ROUGE_LCS_MAX cells),
 * NSUM_ENOMEM.
 */
nsum_status nsum_rouge_score(nsum_rouge *r, const char *summary,
	size_t summary_len, const char *const *refs, const size_t *ref_lens,
	size_t nrefs, nsum_rouge_result *out, nsum_error *err);

/*
 * The mean of items[0..n) into *mean, number by number, summed in item
 * order (as score.py sums).  n may be 0 (all zero).
 */
void nsum_rouge_mean(const nsum_rouge_result *items, size_t n,
	nsum_rouge_result *mean);

/*
 * Percentile-bootstrap 95% intervals of the mean of items[0..n): draw
 * resamples sets of n items with replacement (every number of an item is
 * drawn together), take each set's mean, and keep the 2.5th and 97.5th
 * percentiles of the means (linear interpolation, numpy's default).  The
 * draws come from a SplitMix64 stream started at seed, so one seed gives
 * the same interval on every run and machine.  NSUM_OK; NSUM_EINVAL when
 * n or resamples is 0; NSUM_ENOMEM.  On failure *out is all zero.
 */
nsum_status nsum_rouge_bootstrap(const nsum_rouge_result *items, size_t n,
	size_t resamples, uint64_t seed, nsum_rouge_interval *out,
	nsum_error *err);

#ifdef __cplusplus
}
#endif

#endif
