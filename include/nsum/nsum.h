/*
 * libnsum: extractive summaries of French news articles.
 *
 * The pipeline, one header per stage:
 *
 *   text.h       read: bytes -> validated, normalized UTF-8
 *   clean.h      clean: which lines of a scraped page are article text
 *   split.h      split: French sentences
 *   token.h      tokenize: words, elision, clitics
 *   stem.h       stem: cached Snowball French stems
 *   doc.h        the above, run on one article
 *   model.h      document frequencies from a corpus
 *   summarize.h  score, select, key terms
 *   render.h     text, plain, JSON, Markdown, HTML
 *   rouge.h      ROUGE scores of summaries against references (nsum eval)
 *   glossary.h   French-English glossary: files, matching, exchange
 *   dict.h       dictionaries that propose English for new terms
 *   article.h    an article with its source and date (topics, digests)
 *   feed.h       the Atom and JSON feeds of a digest folder
 *   cluster.h    topics: which articles tell the same story
 *   digest.h     the daily digest: topics, summaries, files
 *
 * engine.h holds what outlives one article; error.h, alloc.h and file.h are
 * shared by all.
 */
#ifndef NSUM_H
#define NSUM_H

#include "nsum/alloc.h"
#include "nsum/article.h"
#include "nsum/clean.h"
#include "nsum/cluster.h"
#include "nsum/dict.h"
#include "nsum/digest.h"
#include "nsum/doc.h"
#include "nsum/engine.h"
#include "nsum/error.h"
#include "nsum/feed.h"
#include "nsum/file.h"
#include "nsum/glossary.h"
#include "nsum/lang.h"
#include "nsum/model.h"
#include "nsum/render.h"
#include "nsum/rouge.h"
#include "nsum/split.h"
#include "nsum/stem.h"
#include "nsum/summarize.h"
#include "nsum/text.h"
#include "nsum/token.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, "MAJOR.MINOR.PATCH". */
const char *nsum_version(void);

#ifdef __cplusplus
}
#endif

#endif
