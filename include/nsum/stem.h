/*
 * Snowball French stemming with a cache, and the stem vocabulary.
 *
 * Stemming is the hot path of the pipeline: every word of every article
 * goes through it.  An nsum_stemmer remembers the stem of every word it has
 * seen, so a word is stemmed once per process, and gives each distinct stem
 * a dense id (0, 1, 2, ...) that later stages use instead of strings.
 *
 * libstemmer wants NFC, lower-cased input and owns the returned buffer until
 * its next call; this module copies the stem out at once.  An nsum_stemmer
 * is mutable: use one per thread.
 */
#ifndef NSUM_STEM_H
#define NSUM_STEM_H

#include <stddef.h>
#include <stdint.h>

#include "nsum/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NSUM_NO_STEM UINT32_MAX

typedef struct nsum_stemmer nsum_stemmer;

/*
 * Create a French stemmer.  Returns NULL and fills err when libstemmer has
 * no French algorithm or memory runs out.  Free with nsum_stemmer_destroy().
 */
nsum_stemmer *nsum_stemmer_create(nsum_error *err);

/* Free s.  s may be NULL. */
void nsum_stemmer_destroy(nsum_stemmer *s);

/*
 * The id of the stem of word (len bytes, lower case, NFC).  Returns
 * NSUM_NO_STEM when memory runs out.
 */
uint32_t nsum_stemmer_stem(nsum_stemmer *s, const char *word, size_t len);

/*
 * The id of str taken as a stem as it is, without stemming (numbers, or
 * stems read from a model file).  NSUM_NO_STEM when memory runs out.
 */
uint32_t nsum_stemmer_intern(nsum_stemmer *s, const char *str, size_t len);

/*
 * The stem with id, NUL-terminated, its length in *len (may be NULL).
 * Borrowed: valid as long as s.
 */
const char *nsum_stemmer_string(const nsum_stemmer *s, uint32_t id,
	size_t *len);

/* How many distinct stems s has handed out (ids are 0 .. count-1). */
size_t nsum_stemmer_count(const nsum_stemmer *s);

#ifdef __cplusplus
}
#endif

#endif
