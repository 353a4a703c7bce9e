/*
 * The tokenizer: where words are in a French text.
 *
 * A word is a run of letters and digits; an inner hyphen or apostrophe keeps
 * it whole ("cessez-le-feu", "États-Unis", "aujourd'hui").  An elided article
 * or pronoun in front (l' d' qu' jusqu' lorsqu' puisqu' quoiqu' n' s' c' j'
 * m' t', with ' or U+2019) is not part of the word: "l'OTAN" gives "OTAN".
 * A clitic pronoun after a verb is split off ("dit-il", "a-t-elle").  Numbers
 * ("20.000", "2,5", "1er") are tokens of their own kind.  Punctuation,
 * symbols and emoji are not tokens.
 *
 * The tokenizer only finds spans; it neither copies nor lower-cases.
 */
#ifndef NSUM_TOKEN_H
#define NSUM_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nsum_word_kind {
	NSUM_WORD_ALPHA = 0, /* letters (with inner hyphens or apostrophes) */
	NSUM_WORD_NUMBER,    /* starts with a digit */
} nsum_word_kind;

typedef struct nsum_word {
	size_t start;        /* first byte of the word in the text */
	size_t end;          /* one past its last byte */
	nsum_word_kind kind;
	bool capitalized;    /* starts with an upper-case letter */
	bool elided;         /* came after an elided l' d' qu' ... */
} nsum_word;

/*
 * Find the next word in text[*pos..end).  On success fills *w, moves *pos
 * past it and returns true; returns false at the end.  text must be valid
 * UTF-8 (as nsum_text guarantees).
 */
bool nsum_word_next(const char *text, size_t end, size_t *pos, nsum_word *w);

/*
 * Count the words of text[start..end) as a reader counts them: chunks
 * between white space (including no-break spaces) that hold at least one
 * letter or digit.  "l'OTAN" is one word, "20 000" two, "—" none.  Word
 * budgets (--words) use this count.
 */
size_t nsum_word_count(const char *text, size_t start, size_t end);

/* The same, but counting stops at max: min(words, max), and no more of the
 * text is read than that takes. */
size_t nsum_word_count_max(const char *text, size_t start, size_t end,
	size_t max);

/*
 * The byte just after the n-th word (counted as nsum_word_count() does) of
 * text[start..end), or end if there are fewer words.
 */
size_t nsum_word_cut(const char *text, size_t start, size_t end, size_t n);

#ifdef __cplusplus
}
#endif

#endif
