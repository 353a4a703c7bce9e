/*
 * An analyzed article: the text after read, clean, split and tokenize.
 *
 * nsum_doc_create() runs the first stages of the pipeline on one article:
 * the cleaner marks noise lines and finds the title, the splitter cuts the
 * kept text into sentences, sentences in English are marked dropped
 * (NSUM_DROP_ENGLISH), and every word is tokenized, lower-cased, checked
 * against the stopwords and stemmed.  Everything points into the text by
 * byte offsets, so each sentence and word traces back to its bytes.
 */
#ifndef NSUM_DOC_H
#define NSUM_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nsum/clean.h"
#include "nsum/engine.h"
#include "nsum/error.h"
#include "nsum/split.h"
#include "nsum/text.h"
#include "nsum/token.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nsum_token {
	size_t start;          /* first byte of the word */
	size_t end;            /* one past its last byte */
	uint32_t stem;         /* stem id in the engine's stemmer */
	uint8_t kind;          /* nsum_word_kind */
	unsigned stop : 1;     /* a French or English stopword */
	unsigned weak : 1;     /* on a word list (stopwords or weak terms):
	                          may sit inside a key term, never be one */
	unsigned verb : 1;     /* ends as a conjugated verb: never in a key
	                          term (nsum_lang_is_verb_form) */
	unsigned capitalized : 1; /* starts with an upper-case letter */
	unsigned elided : 1;   /* came after l' d' qu' ... */
} nsum_token;

/*
 * Whether a token is a content word: a word of letters that is not a
 * stopword.  Scoring, key terms, topics and history all count these.
 */
static inline bool nsum_token_is_content(const nsum_token *t)
{
	return t->kind == NSUM_WORD_ALPHA && !t->stop;
}

typedef struct nsum_doc_options {
	bool clean;            /* run the cleaner (default true) */
	const char *title;     /* a title known apart from the text (JSONL);
	                          NULL: find it in the text */
	const char *id;        /* an identifier to carry along; may be NULL */
} nsum_doc_options;

typedef struct nsum_doc {
	char *name;            /* source name ("<stdin>", a path); owned */
	char *id;              /* identifier from the options, or NULL; owned */
	nsum_text text;        /* the normalized text; owned */
	nsum_cleaned clean;    /* decision for every line */
	char *title;           /* the title, one line, or NULL; owned */
	size_t title_line;     /* 1-based line of the title in the text, 0 if
	                          none or given apart */
	nsum_sentences sents;  /* every sentence; drop != 0 for unused ones */
	nsum_token *tokens;    /* words of all sentences, in text order */
	size_t ntokens;
	size_t *first;         /* sentence i has tokens [first[i], first[i+1]) */
	nsum_token *title_tokens; /* words of the title; offsets into title */
	size_t ntitle_tokens;
	size_t english;        /* sentences dropped as English */
} nsum_doc;

/* Default options: clean = true, no title, no id. */
void nsum_doc_options_default(nsum_doc_options *opt);

/*
 * Analyze one article.  Takes over text: on return, success or failure,
 * *text is empty and the doc (or nobody) owns its buffer.  name, and the
 * id and title of opt, are copied as UTF-8: a byte that is not valid UTF-8
 * becomes U+FFFD, so that every output format (JSON) can show them.
 * opt may be NULL for the defaults.  Returns NULL and fills err on failure
 * (NSUM_ENOMEM).  Free with nsum_doc_destroy().
 */
nsum_doc *nsum_doc_create(nsum_engine *engine, const char *name,
	nsum_text *text, const nsum_doc_options *opt, nsum_error *err);

/* Free doc.  doc may be NULL. */
void nsum_doc_destroy(nsum_doc *doc);

/*
 * Whether sentence i can go into a summary: kept, not a heading, with at
 * least one content word.
 */
bool nsum_doc_candidate(const nsum_doc *doc, size_t i);

/*
 * Sentence i as one line of text: white space runs (line
 * breaks of a hard wrap, no-break spaces) become one space.  Returns a new
 * string (free with nsum_free()) or NULL on no memory.
 */
char *nsum_doc_sentence_text(const nsum_doc *doc, size_t i);

#ifdef __cplusplus
}
#endif

#endif
