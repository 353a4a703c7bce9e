/*
 * Score, select and find key terms: from analyzed articles to a summary.
 *
 * Every candidate sentence gets features -- position, overlap with the
 * title, TF-IDF weight, similarity to the article's centroid, length -- and
 * a score that is a weighted sum of them (weights fitted on news; see
 * docs/scoring.md).  Selection takes the best sentences under the budget
 * (a number of sentences, a ratio, or a number of words), never two
 * near-identical ones, and returns them in reading order.  Key terms are
 * the article's top single and multi-word terms.
 *
 * Several documents can be summarized together; picks then say which
 * document each sentence comes from.
 */
#ifndef NSUM_SUMMARIZE_H
#define NSUM_SUMMARIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "nsum/doc.h"
#include "nsum/engine.h"
#include "nsum/error.h"
#include "nsum/glossary.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sentence features, in the order of nsum_weights.w and of --explain. */
typedef enum nsum_feature {
	NSUM_F_FIRST = 0,  /* 1 for the first candidate of its document */
	NSUM_F_POSITION,   /* 1 / (1 + rank among candidates) */
	NSUM_F_RELPOS,     /* rank / number of candidates, 0..1 */
	NSUM_F_PARAGRAPH,  /* 1 for the first sentence of a paragraph, other
	                      than the document's first candidate */
	NSUM_F_TITLE,      /* share of the title's content stems present */
	NSUM_F_CENTROID,   /* cosine with the document's TF-IDF centroid */
	NSUM_F_TFIDF,      /* mean TF-IDF of its content words / the max */
	NSUM_F_LENGTH,     /* log(1 + words) / log(1 + 50) */
	NSUM_F_SHORT,      /* 1 below 8 words */
	NSUM_F_QUOTE,      /* share of the sentence inside quotation marks */
	NSUM_F_NUMBER,     /* 1 if it holds a number */
	NSUM_F_COUNT
} nsum_feature;

typedef struct nsum_weights {
	double bias;
	double w[NSUM_F_COUNT];
} nsum_weights;

typedef struct nsum_summary_options {
	size_t sentences;   /* at most this many sentences; 0: see below */
	double ratio;       /* (0,1]: this share of the candidates; 0: unused */
	size_t words;       /* at most this many words; 0: no word budget */
	double redundancy;  /* two picks never share more than this (cosine of
	                       content stems, 0..1); default 0.4 */
	size_t terms;       /* key terms to find; default 10 */
	const nsum_weights *weights; /* NULL: the built-in weights */
	bool explain;       /* keep every sentence's features */
	const nsum_glossary *glossary; /* give terms and chosen sentences their
	                       English from it; NULL: none */
	nsum_doc *const *seen; /* documents the reader already knows (an
	                       earlier digest, the first articles of a story),
	                       from the same engine: a sentence that says what
	                       one of their sentences says is passed over for
	                       what is new (update summaries); may be NULL */
	size_t nseen;
} nsum_summary_options;

typedef struct nsum_pick {
	size_t doc;         /* index of the document in the input array */
	size_t sentence;    /* sentence index in that document */
	double score;       /* its score */
	size_t cut;         /* 0: the whole sentence; else the byte where it is
	                       cut to fit the word budget ("…" follows) */
} nsum_pick;

typedef struct nsum_term {
	char *text;         /* surface form from the text; owned */
	double score;       /* higher is more central */
	size_t doc;         /* document of the first occurrence */
	size_t start;       /* its bytes in that document's text */
	size_t end;
	size_t count;       /* occurrences in all documents */
	size_t words;       /* words in the term */
	long entry;         /* its glossary entry, -1 if the glossary lacks it
	                       (or no glossary was given) */
} nsum_term;

/* A glossary term found in a chosen sentence. */
typedef struct nsum_gloss_hit {
	size_t doc;         /* document */
	size_t start;       /* its bytes in that document's text */
	size_t end;
	size_t entry;       /* glossary entry */
} nsum_gloss_hit;

typedef struct nsum_summary {
	nsum_pick *picks;   /* in reading order (document, then position) */
	size_t npicks;
	size_t ndocs;
	size_t *offset;     /* sentence j of document d is entry offset[d] + j
	                       of score and features; offset[ndocs] = total */
	double *score;      /* score of every sentence (-inf if not candidate) */
	double *features;   /* with explain: NSUM_F_COUNT per sentence */
	size_t candidates;  /* sentences that could be picked */
	nsum_term *terms;   /* best first */
	size_t nterms;
	nsum_gloss_hit *hits; /* glossary terms in the picks, reading order */
	size_t nhits;
	long headline;      /* the document whose title is the most central (the
	                       headline of several documents); -1 if none has a
	                       title */
} nsum_summary;

/* Default options: 3 sentences, redundancy 0.4, 10 terms. */
void nsum_summary_options_default(nsum_summary_options *opt);

/* The built-in weights (fitted on news; see docs/scoring.md). */
const nsum_weights *nsum_weights_default(void);

/* The stable name of a feature ("first", "position", ...). */
const char *nsum_feature_name(nsum_feature f);

/*
 * Read weights from a file of "name value" lines ('#' starts a comment;
 * names: "bias" and the feature names).  Starts from the built-in weights,
 * so a file may set only some.  An unknown name, a bad number or a name
 * given twice is NSUM_EFORMAT naming the line and column.
 */
nsum_status nsum_weights_read_file(const char *path, nsum_weights *out,
	nsum_error *err);

/*
 * Check opt: a ratio outside (0,1], a redundancy outside (0,1] are
 * NSUM_EINVAL with a message naming the option.
 */
nsum_status nsum_summary_options_check(const nsum_summary_options *opt,
	nsum_error *err);

/*
 * Summarize ndocs analyzed documents together.  The documents must stay
 * alive while the summary is used (picks and terms point into them).
 * Returns NULL and fills err on failure.  A document without any candidate
 * sentence gives an empty summary, not an error.  Free with
 * nsum_summary_destroy().
 */
nsum_summary *nsum_summarize(nsum_engine *engine, nsum_doc *const *docs,
	size_t ndocs, const nsum_summary_options *opt, nsum_error *err);

/* Free s.  s may be NULL. */
void nsum_summary_destroy(nsum_summary *s);

#ifdef __cplusplus
}
#endif

#endif
