/*
 * The engine: what the pipeline needs that outlives one article.
 *
 * An engine holds the language data, the cached stemmer and, optionally, a
 * document-frequency model.  Create one per thread and reuse it for every
 * article: the stem cache is what makes a batch fast.
 */
#ifndef NSUM_ENGINE_H
#define NSUM_ENGINE_H

#include "nsum/error.h"
#include "nsum/lang.h"
#include "nsum/model.h"
#include "nsum/stem.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nsum_engine nsum_engine;

/* A new engine without a model.  NULL and err on failure. */
nsum_engine *nsum_engine_create(nsum_error *err);

/* Free e and its model.  e may be NULL. */
void nsum_engine_destroy(nsum_engine *e);

/*
 * Use model for inverse document frequencies from now on (NULL: take them
 * from each article's own sentences).  Takes over model; a previous model is
 * freed.
 */
void nsum_engine_set_model(nsum_engine *e, nsum_model *model);

/* Borrowed parts, valid as long as e. */
const nsum_lang *nsum_engine_lang(const nsum_engine *e);
nsum_stemmer *nsum_engine_stemmer(nsum_engine *e);
const nsum_model *nsum_engine_model(const nsum_engine *e);

#ifdef __cplusplus
}
#endif

#endif
