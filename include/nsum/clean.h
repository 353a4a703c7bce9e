/*
 * The clean stage: which lines of a scraped page are article text.
 *
 * Pages copied from the web carry more than the article: image paths and
 * photo captions, embedded social posts with their attribution lines, bare
 * links, "À lire aussi" teasers, ads, "Publié le ... Mis à jour le ...",
 * reading times, event-page chrome, agency disclaimers, bylines and author
 * signatures, lines printed twice.  The cleaner looks at the text line by
 * line and gives every dropped line a reason; a kept line may also lose a
 * noisy prefix or suffix (a leading "date 2026-01-06", a trailing handle).
 *
 * The first real line, when it looks like a headline, is the title: kept as
 * metadata, never as a sentence of the article.
 *
 * English passages are found later, sentence by sentence (see doc.h), since
 * one English sentence can sit inside a French paragraph.
 */
#ifndef NSUM_CLEAN_H
#define NSUM_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

#include "nsum/error.h"
#include "nsum/lang.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Why a line (or sentence) is not article text.  Stable: names are output. */
typedef enum nsum_drop {
	NSUM_KEEP = 0,         /* article text */
	NSUM_DROP_BLANK,       /* empty or only white space */
	NSUM_DROP_TITLE,       /* the title: kept as metadata */
	NSUM_DROP_REPEATED,    /* the same line (or the title) printed again */
	NSUM_DROP_IMAGE,       /* image path or file name */
	NSUM_DROP_CAPTION,     /* photo caption with a credit */
	NSUM_DROP_SOCIAL,      /* text of an embedded social post */
	NSUM_DROP_ATTRIBUTION, /* "— Name (@handle) December 29, 2025" */
	NSUM_DROP_LINK,        /* bare URL, handle or hashtags */
	NSUM_DROP_READ_ALSO,   /* "À lire aussi", "Lire aussi", "Voir aussi" */
	NSUM_DROP_AD,          /* advertising */
	NSUM_DROP_DATELINE,    /* "Publié le ... Mis à jour le ...", lone dates */
	NSUM_DROP_READING_TIME,/* "Temps de lecture : 1min" */
	NSUM_DROP_CHROME,      /* site furniture: categories, event-page notes,
	                          share buttons, sources */
	NSUM_DROP_DISCLAIMER,  /* agency subscription or copyright notice */
	NSUM_DROP_BYLINE,      /* author, agency or signature line */
	NSUM_DROP_ENGLISH,     /* a sentence in English (set by doc.c) */
	NSUM_DROP_COUNT
} nsum_drop;

typedef struct nsum_line {
	size_t start;      /* first byte of the line */
	size_t end;        /* one past its last byte, before the '\n' */
	size_t keep_start; /* kept part of a kept line: start <= keep_start */
	size_t keep_end;   /*   keep_end <= end; equal to start/end if whole */
	nsum_drop reason;  /* NSUM_KEEP for a kept line */
} nsum_line;

typedef struct nsum_clean_options {
	bool classify;     /* drop noise lines (default); false: keep every
	                      non-blank line, as it is, and find no title */
	bool find_title;   /* look for a title in the first lines (default) */
} nsum_clean_options;

typedef struct nsum_cleaned {
	nsum_line *lines;  /* every line of the text, in order; owned */
	size_t count;      /* number of lines */
	bool has_title;    /* a title line was found */
	size_t title;      /* index of the title line when has_title */
	size_t dropped[NSUM_DROP_COUNT]; /* lines dropped per reason */
} nsum_cleaned;

/*
 * A kept piece of text, ready for the splitter: the kept part of one line.
 * flags say how it relates to the piece before it.
 */
enum {
	NSUM_SEG_PARAGRAPH = 1u << 0, /* starts a paragraph (a blank or dropped
	                                 line, or the text's start, before it) */
};

typedef struct nsum_segment {
	size_t start;    /* first byte */
	size_t end;      /* one past the last byte */
	size_t line;     /* 1-based line number */
	unsigned flags;  /* NSUM_SEG_* */
} nsum_segment;

/* Default options: classify = true, find_title = true. */
void nsum_clean_options_default(nsum_clean_options *opt);

/*
 * Classify every line of text[0..len) into *out (initialized here).
 * opt may be NULL for the defaults.  Returns NSUM_OK, or NSUM_ENOMEM with
 * *out left empty.  Free with nsum_cleaned_finish().
 */
nsum_status nsum_clean(const nsum_lang *lang, const char *text, size_t len,
	const nsum_clean_options *opt, nsum_cleaned *out, nsum_error *err);

/* Free what *c holds and leave it empty.  c may be NULL. */
void nsum_cleaned_finish(nsum_cleaned *c);

/*
 * The kept pieces of c, in order, as a new array in *segs (count in *n);
 * the caller frees it with nsum_free().  Returns NSUM_OK or NSUM_ENOMEM.
 */
nsum_status nsum_cleaned_segments(const nsum_cleaned *c, nsum_segment **segs,
	size_t *n, nsum_error *err);

/*
 * Every line of text[0..len) as a kept segment (no cleaning): what
 * `nsum split` uses on raw text.  Same ownership as nsum_cleaned_segments().
 */
nsum_status nsum_segments_all(const char *text, size_t len,
	nsum_segment **segs, size_t *n, nsum_error *err);

/* The stable name of a reason ("image", "social", ...), "" for NSUM_KEEP. */
const char *nsum_drop_name(nsum_drop reason);

#ifdef __cplusplus
}
#endif

#endif
