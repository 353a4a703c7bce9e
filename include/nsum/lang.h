/*
 * Language data: stopword lists, abbreviations and a language guess.
 *
 * French is the language nsum summarizes; English sits beside it so that
 * English passages in a French page can be recognised and dropped.  An
 * nsum_lang is immutable once created and may be shared between threads.
 * The stopword lists are compiled from stopwords/fr.txt and stopwords/en.txt.
 */
#ifndef NSUM_LANG_H
#define NSUM_LANG_H

#include <stdbool.h>
#include <stddef.h>

#include "nsum/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nsum_lang_id {
	NSUM_LANG_UNKNOWN = 0,
	NSUM_LANG_FR,
	NSUM_LANG_EN,
} nsum_lang_id;

typedef struct nsum_lang nsum_lang;

/*
 * Create the language data.  Returns NULL and fills err (NSUM_ENOMEM) when
 * memory runs out.  Free with nsum_lang_destroy().
 */
nsum_lang *nsum_lang_create(nsum_error *err);

/* Free lang.  lang may be NULL. */
void nsum_lang_destroy(nsum_lang *lang);

/*
 * Whether word (len bytes, lower case, NFC, elision already removed) is a
 * stopword of language id.
 */
bool nsum_lang_is_stopword(const nsum_lang *lang, nsum_lang_id id,
	const char *word, size_t len);

/*
 * Whether word (lower case, NFC) cannot be a key term alone nor end one:
 * a stopword, or a word of stopwords/fr-terms.txt (months, days, number
 * words, time words, nouns too general to name a topic).
 */
bool nsum_lang_is_weak_term(const nsum_lang *lang, const char *word,
	size_t len);

/*
 * Whether word (lower case) is a verb or adverb form that no French noun
 * shares, and so is never part of a key term: -aient, -erait, -eraient,
 * -eront, -ront (future), -èrent, and adverbs in -emment, -amment.
 */
bool nsum_lang_is_verb_form(const char *word, size_t len);

typedef enum nsum_abbr {
	NSUM_ABBR_NONE = 0,  /* not an abbreviation */
	NSUM_ABBR_TITLE,     /* a title before a name ("M", "Mme", "Dr", "St"):
	                        its period never ends a sentence */
	NSUM_ABBR_OTHER,     /* "etc", "av", "J.-C", "cf", "janv": its period ends
	                        a sentence only if what follows starts one */
} nsum_abbr;

/*
 * Whether word (len bytes, as written, without its final period) is a
 * French abbreviation, and of which kind (see the list in lang.c).  Case
 * matters for titles ("M" but not "m"); other abbreviations also match with
 * an upper-case first letter ("Cf").
 */
nsum_abbr nsum_lang_abbreviation(const nsum_lang *lang, const char *word,
	size_t len);

/*
 * Guess whether text[0..len) is French or English from its function words.
 * Returns NSUM_LANG_UNKNOWN when the evidence is too thin (few words, or as
 * many of one as of the other).  The rule is documented in lang.c.
 */
nsum_lang_id nsum_lang_guess(const nsum_lang *lang, const char *text,
	size_t len);

#ifdef __cplusplus
}
#endif

#endif
