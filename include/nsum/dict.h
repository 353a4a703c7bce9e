/*
 * Bilingual dictionaries that propose English for French terms a glossary
 * lacks (`nsum glossary suggest --dict FILE`).
 *
 * Two kinds of files are read:
 *
 *   dictd     a FreeDict dictionary in dictd format, as Debian's
 *             dict-freedict-fra-eng installs it: give the .index file (or
 *             the .dict / .dict.dz beside it); compressed .dict.dz files
 *             are read directly
 *   TSV       a tab-separated lexicon whose header names a "fr" column and
 *             an English one ("en", or "en_prefLabel" as in EuroVoc
 *             exports); a "pos" column, when present, tells nouns from
 *             adjectives
 *
 * Lookups ignore inflection and accents the way the glossary does.  A
 * multi-word term no dictionary holds whole is composed word by word, in
 * English order: "garanties de sécurité" gives "security guarantees" (X de
 * Y → Y X), "armée ukrainienne" gives "Ukrainian army" (noun adjective →
 * adjective noun).
 */
#ifndef NSUM_DICT_H
#define NSUM_DICT_H

#include <stdbool.h>
#include <stddef.h>

#include "nsum/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nsum_dict nsum_dict;

typedef struct nsum_dict_candidate {
	char *en;           /* the proposed English; owned */
	const char *source; /* the dictionary's file name, or "composed" */
} nsum_dict_candidate;

/* An empty set of dictionaries.  NULL and err on no memory. */
nsum_dict *nsum_dict_create(nsum_error *err);

/* Free d.  d may be NULL. */
void nsum_dict_destroy(nsum_dict *d);

/*
 * Add the dictionary at path (kind told by its name and content, see
 * above).  NSUM_OK, NSUM_EIO, NSUM_EFORMAT (with file:line:column for a bad
 * TSV line or index entry) or NSUM_ENOMEM.
 */
nsum_status nsum_dict_load(nsum_dict *d, const char *path, nsum_error *err);

/*
 * Add one translation: French fr, English en, part of speech pos ("noun",
 * "adj", ... or ""), from source (a name shown with candidates; copied).
 * `nsum glossary suggest` adds the glossary this way, so that a term is
 * composed from the glossary's words too.  NSUM_OK or NSUM_ENOMEM.
 */
nsum_status nsum_dict_add(nsum_dict *d, const char *fr, const char *en,
	const char *pos, const char *source, nsum_error *err);

/* Headwords loaded, over all dictionaries. */
size_t nsum_dict_size(const nsum_dict *d);

/*
 * English candidates for the French term[0..len): what the dictionaries
 * give for the whole term, else a word-by-word composition; at most max,
 * best first, no duplicates.  *out is a new array (free with
 * nsum_dict_candidates_free()).  NSUM_OK (possibly with *n == 0) or
 * NSUM_ENOMEM.
 */
nsum_status nsum_dict_translate(const nsum_dict *d, const char *term,
	size_t len, size_t max, nsum_dict_candidate **out, size_t *n,
	nsum_error *err);

void nsum_dict_candidates_free(nsum_dict_candidate *c, size_t n);

#ifdef __cplusplus
}
#endif

#endif
