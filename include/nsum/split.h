/*
 * The split stage: French sentences in kept text.
 *
 * The splitter reads the kept segments (lines) of a text and returns
 * sentence spans.  It knows French abbreviations (M. MM. Mme Dr Pr Me St,
 * av. J.-C., etc.), initials (J. Dupont), numbers (20.000, 2,5, 90 %, 1er),
 * ellipses (… and ...), guillemets « » and “ ” with the final punctuation
 * inside or outside, ?! inside quotes, and sentences glued without a space
 * ("Pyrénées.Alors que").  URLs and e-mail addresses are never broken.  A
 * line without final punctuation (a heading) is a sentence of its own; a
 * line that looks hard-wrapped (no final punctuation, next line starts in
 * lower case) is joined with the next one.
 */
#ifndef NSUM_SPLIT_H
#define NSUM_SPLIT_H

#include <stddef.h>

#include "nsum/clean.h"
#include "nsum/error.h"
#include "nsum/lang.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
	NSUM_SENT_HEADING = 1u << 0,   /* a whole line without final punctuation */
	NSUM_SENT_PARAGRAPH = 1u << 1, /* first sentence of a paragraph */
	NSUM_SENT_GLUED = 1u << 2,     /* began right after a period, no space */
};

typedef struct nsum_sentence {
	size_t start;       /* first byte (no leading white space) */
	size_t end;         /* one past the last byte (no trailing space) */
	size_t line;        /* 1-based line of the first byte */
	size_t paragraph;   /* 0-based paragraph index */
	unsigned flags;     /* NSUM_SENT_* */
	int drop;           /* nsum_drop: NSUM_KEEP, or why it is not used
	                       (set by later stages, e.g. NSUM_DROP_ENGLISH) */
} nsum_sentence;

typedef struct nsum_sentences {
	nsum_sentence *items; /* owned */
	size_t count;
} nsum_sentences;

/*
 * Split the segments of text (from nsum_cleaned_segments() or
 * nsum_segments_all()) into sentences, in text order, into *out
 * (initialized here).  Returns NSUM_OK, or NSUM_ENOMEM with *out empty.
 * Free with nsum_sentences_finish().
 */
nsum_status nsum_split(const nsum_lang *lang, const char *text,
	const nsum_segment *segs, size_t nsegs, nsum_sentences *out,
	nsum_error *err);

/* Free what *s holds and leave it empty.  s may be NULL. */
void nsum_sentences_finish(nsum_sentences *s);

#ifdef __cplusplus
}
#endif

#endif
