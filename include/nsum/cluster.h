/*
 * Topics: which of a day's articles tell the same story.
 *
 * nsum_cluster() gives every article a topic and finds near-duplicates (the
 * same wire copy republished with small edits).  `nsum digest` summarizes
 * each topic once from all its articles and lists a copy under the article
 * it copies.
 *
 * How (docs/digest.md, "Topics", has the measures behind the defaults):
 *
 *  - Each article is a TF-IDF vector over the content stems of its kept
 *    sentences (stopwords and numbers left out), its title words counting
 *    twice; term frequencies are sublinear (1 + ln tf); inverse document
 *    frequencies come from the engine's model when it has one, else from
 *    the articles given (each article one document).  Vectors have unit
 *    length, so the dot product of two is their cosine.
 *  - Pairs to compare are found through an inverted index of each article's
 *    top_terms heaviest terms: two articles are compared only if they share
 *    one of those.  A term among the top terms of more than
 *    NSUM_CLUSTER_MAX_POSTING articles is too common to tell stories apart
 *    and finds no pairs, and each article is compared exactly with at most
 *    NSUM_CLUSTER_MAX_NEIGHBORS others (those sharing the most top-term
 *    weight with it), so the cost grows linearly with the number of
 *    articles, not with its square.  With at most
 *    NSUM_CLUSTER_MAX_NEIGHBORS + 1 articles, every pair is compared.
 *  - Near-duplicates: two articles whose cosine is at least 0.5 are
 *    compared word by word: the share of word triples (stems, stopwords
 *    included) they have in common (Jaccard resemblance) at or above
 *    `duplicate` makes them copies.  Copies form groups (a copy of a copy
 *    is in the group); a group counts as one article for topics, its
 *    longest copy, and every copy gets that article's topic.
 *  - Topics, by average link: the two topics with the highest mean cosine
 *    over every pair of articles across them merge first, and so on while
 *    that mean is at least `threshold`.  Only topics joined by a pair of
 *    cosine >= threshold are compared.  A mean over all pairs, where
 *    plain single link would need one pair, keeps one article that touches
 *    two stories (a round-up) from chaining them into one topic.
 *
 * The same articles in the same order give the same result, run after
 * run; in another order they give the same topics and copies (numbered by
 * their first article), unless two similarities tie exactly.  The engine is
 * used for its stemmer and model only; it is not changed.
 */
#ifndef NSUM_CLUSTER_H
#define NSUM_CLUSTER_H

#include <stddef.h>

#include "nsum/doc.h"
#include "nsum/engine.h"
#include "nsum/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A term in the top terms of more articles than this finds no pairs. */
#define NSUM_CLUSTER_MAX_POSTING 1000
/* Each article is compared exactly with at most this many others. */
#define NSUM_CLUSTER_MAX_NEIGHBORS 32

/* Defaults of nsum_cluster_options (see nsum_cluster_options_default()). */
#define NSUM_CLUSTER_THRESHOLD 0.15
#define NSUM_CLUSTER_DUPLICATE 0.7
#define NSUM_CLUSTER_TOP_TERMS 12

typedef struct nsum_cluster_options {
	double threshold;  /* two topics are one story while the mean cosine
	                      of the TF-IDF vectors of their articles is at
	                      least this; in (0, 1]; default
	                      NSUM_CLUSTER_THRESHOLD */
	double duplicate;  /* two articles are copies when the resemblance of
	                      their word triples is at least this; in (0, 1];
	                      default NSUM_CLUSTER_DUPLICATE */
	size_t top_terms;  /* terms per article in the inverted index that
	                      finds the pairs to compare; at least 1; default
	                      NSUM_CLUSTER_TOP_TERMS */
} nsum_cluster_options;

typedef struct nsum_clustering {
	size_t ndocs;      /* articles clustered */
	size_t *topic;     /* per article: its topic, 0 .. ntopics-1, topics
	                      numbered in the order of their first article */
	size_t ntopics;    /* number of topics */
	size_t *copy_of;   /* per article: the first article (lowest index) of
	                      its group of near-duplicates; itself if none */
} nsum_clustering;

/* The defaults: threshold 0.15, duplicate 0.7, top_terms 12. */
void nsum_cluster_options_default(nsum_cluster_options *opt);

/*
 * Group the ndocs articles of docs into topics, into *out (initialized
 * here; its arrays hold ndocs entries and are never NULL on success).
 * Every docs[i] is an article from nsum_doc_create() with this engine; the
 * articles are only read.  opt may be NULL for the defaults.  Returns
 * NSUM_OK; NSUM_EINVAL for an option out of range or docs NULL with ndocs
 * > 0; NSUM_ELIMIT for 2^32 - 1 articles or more; NSUM_ENOMEM.  On failure
 * *out is empty and err says why.  Free with nsum_clustering_finish().
 */
nsum_status nsum_cluster(nsum_engine *engine, nsum_doc *const *docs,
	size_t ndocs, const nsum_cluster_options *opt, nsum_clustering *out,
	nsum_error *err);

/* Free what c holds and leave it empty.  c may be NULL. */
void nsum_clustering_finish(nsum_clustering *c);

#ifdef __cplusplus
}
#endif

#endif
