/*
 * A document-frequency model: how many documents of a corpus hold each
 * stem.  `nsum model build` makes one from a corpus; with `--model` the
 * scorer takes its inverse document frequencies from it instead of from the
 * article's own sentences.
 *
 * File format (UTF-8 text, LF line ends; see docs/model.md):
 *
 *     nsum-model 1
 *     documents <D>
 *     stems <S>
 *     <stem>\t<df>          S lines, sorted by the stem's bytes
 *
 * Two models merge by adding their counts: the merge of models built on
 * shards of a corpus is byte for byte the model of the whole corpus.
 */
#ifndef NSUM_MODEL_H
#define NSUM_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "nsum/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nsum_model nsum_model;

/* An empty model (no documents).  NULL and err on no memory. */
nsum_model *nsum_model_create(nsum_error *err);

/* Free m.  m may be NULL. */
void nsum_model_destroy(nsum_model *m);

/* Number of documents counted. */
uint64_t nsum_model_documents(const nsum_model *m);

/* Number of distinct stems. */
size_t nsum_model_stems(const nsum_model *m);

/* Documents that hold stem (len bytes); 0 when unknown. */
uint64_t nsum_model_df(const nsum_model *m, const char *stem, size_t len);

/*
 * Count one more document holding the n stems of stems[] (lens[i] bytes
 * each; duplicates in the list count once).  NSUM_OK or NSUM_ENOMEM (the
 * model is then unchanged).
 */
nsum_status nsum_model_add_document(nsum_model *m, const char *const *stems,
	const size_t *lens, size_t n, nsum_error *err);

/* Add every count of from to into.  NSUM_OK, NSUM_ENOMEM or NSUM_ELIMIT. */
nsum_status nsum_model_merge(nsum_model *into, const nsum_model *from,
	nsum_error *err);

/*
 * Read a model file.  Malformed content is NSUM_EFORMAT with the file, line
 * and column of the problem.  Returns NULL on failure.
 */
nsum_model *nsum_model_read_file(const char *path, nsum_error *err);

/*
 * The file form of m as a new string (free with nsum_free()), its length
 * in *len.  NULL on no memory.
 */
char *nsum_model_format(const nsum_model *m, size_t *len);

/*
 * Write m to path atomically (a temporary file in the same folder, fsync,
 * rename): on failure the old file, if any, is left as it was.
 */
nsum_status nsum_model_write_file(const nsum_model *m, const char *path,
	nsum_error *err);

#ifdef __cplusplus
}
#endif

#endif
