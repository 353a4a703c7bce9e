/*
 * Internal interface of the language data, for the document analysis.
 *
 * The stopword lists and the weak-term list live in one map from a word to
 * the lists that hold it, so that the analysis, which looks up every word
 * of every article, asks once instead of once per list.
 *
 * nsum_lang_guess() tokenizes a text and weighs its words; the document
 * analysis (pipeline/doc.c) already tokenizes, lower-cases and looks up
 * every word of every sentence, so it tallies the same evidence on the way
 * instead of reading each sentence twice.  Both go through the tally
 * functions below: the rule exists once.
 */
#ifndef NSUM_LANG_LANG_H
#define NSUM_LANG_LANG_H

#include <stdbool.h>
#include <stddef.h>

#include "nsum/lang.h"

/* The lists a word is on (lang_word_lists()). */
enum {
	LANG_STOP_FR = 1u << 0,  /* French stopword (stopwords/fr.txt) */
	LANG_STOP_EN = 1u << 1,  /* English stopword (stopwords/en.txt) */
	LANG_WEAK = 1u << 2,     /* weak term (stopwords/fr-terms.txt) */
};

/*
 * The lists that hold word (len bytes, lower case, NFC): LANG_* bits, 0 for
 * none.  nsum_lang_is_stopword() in one lookup for both languages.
 */
unsigned lang_word_lists(const nsum_lang *lang, const char *word,
	size_t len);

/* Words that speak for each language; start at { 0, 0 }. */
typedef struct lang_tally {
	size_t fr;  /* words that are French and not English */
	size_t en;  /* words that are English and not French */
} lang_tally;

/*
 * Count one word of kind NSUM_WORD_ALPHA: low[0..len) in lower case,
 * elided when it came after l' d' qu' ..., fr_stop and en_stop its
 * nsum_lang_is_stopword() answers for French and English.
 */
void lang_tally_word(lang_tally *t, const char *low, size_t len, bool elided,
	bool fr_stop, bool en_stop);

/* The guess the tally supports (the rule is in lang.c). */
nsum_lang_id lang_tally_verdict(const lang_tally *t);

#endif
