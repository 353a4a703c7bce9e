/*
 * The daily digest: a day's articles as topics, each summarized once from
 * all its articles, with sources and key terms in English (docs/digest.md).
 *
 * nsum_digest_build() groups the articles (nsum/cluster.h), lists a
 * near-duplicate under the article it copies, summarizes every topic from
 * its distinct articles (nsum/summarize.h, in date order, each sentence
 * attributed), and gathers the day's key terms against the glossary.  With
 * a history folder (earlier digests' D.json files), a topic that continues
 * an earlier one links to it, and its summary passes over what that
 * earlier summary already said.
 *
 * nsum_digest_write() writes DIR/D.json, DIR/D.md and DIR/D.html
 * atomically and updates the folder's feeds (nsum/feed.h).  The same
 * articles give the same bytes.
 */
#ifndef NSUM_DIGEST_H
#define NSUM_DIGEST_H

#include <stddef.h>

#include "nsum/article.h"
#include "nsum/cluster.h"
#include "nsum/dict.h"
#include "nsum/engine.h"
#include "nsum/error.h"
#include "nsum/feed.h"
#include "nsum/render.h"
#include "nsum/summarize.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Earlier digests read from a history folder: at most this many days. */
#define NSUM_DIGEST_HISTORY_DAYS 30
/* A topic continues an earlier one at this similarity or more (cosine of
 * their content stems; docs/digest.md, "History"). */
#define NSUM_DIGEST_CONTINUES 0.15

typedef struct nsum_digest_options {
	const char *date;      /* the day, "YYYY-MM-DD"; NULL: the most common
	                          date of the articles (the latest on a tie),
	                          else today */
	nsum_summary_options summary; /* per topic, with its glossary;
	                          default: 3 sentences, 8 terms */
	nsum_cluster_options cluster;
	const char *history;   /* folder of earlier digests, or NULL */
	const nsum_dict *dict; /* dictionaries: English proposed for the terms
	                          the glossary lacks (nsum/dict.h); or NULL */
	double continues;      /* see NSUM_DIGEST_CONTINUES */
} nsum_digest_options;

typedef struct nsum_digest nsum_digest;

/* The defaults above. */
void nsum_digest_options_default(nsum_digest_options *opt);

/*
 * The digest of arts[0..n), which must stay alive until the digest is
 * destroyed.  opt may be NULL for the defaults.  A history folder that
 * cannot be read, or a D.json in it that is not a digest, is an error
 * (NSUM_EIO, NSUM_EFORMAT naming the file); NSUM_EINVAL for a bad date;
 * NSUM_ENOMEM.  n may be 0: a digest with no topic.  Returns NULL and
 * fills err on failure.  Free with nsum_digest_destroy().
 */
nsum_digest *nsum_digest_build(nsum_engine *engine, const nsum_article *arts,
	size_t n, const nsum_digest_options *opt, nsum_error *err);

/* The digest's day, "YYYY-MM-DD"; lives as long as d. */
const char *nsum_digest_day(const nsum_digest *d);

/* Its number of topics. */
size_t nsum_digest_topic_count(const nsum_digest *d);

/*
 * The digest as JSON (the D.json schema; compact when opt->compact),
 * Markdown or HTML (other formats: md).  Returns a new string (free with
 * nsum_free()), its length in *len; NULL on no memory.
 */
char *nsum_digest_render(const nsum_digest *d, nsum_format format,
	bool compact, size_t *len);

/*
 * Write DIR/D.json, DIR/D.md and DIR/D.html (each atomically), then add
 * or replace the day's entry in DIR/feed.json and DIR/feed.xml.  feed may
 * be NULL for the defaults.  NSUM_OK, or the first failure (the files
 * already written stay; the others keep their old content).
 */
nsum_status nsum_digest_write(const nsum_digest *d, const char *dir,
	const nsum_feed_options *feed, nsum_error *err);

/* Free d.  d may be NULL. */
void nsum_digest_destroy(nsum_digest *d);

#ifdef __cplusplus
}
#endif

#endif
