/*
 * Keys of French terms for the glossary and the dictionaries.
 *
 * A term is cut into word parts (words split at their hyphens, elided
 * articles left out by the tokenizer), and each part gets three keys:
 *
 *   KEY_ACCENT  lower-case, without its inflection (plural -s, -x after u,
 *               -aux; feminine -ée, -enne, -elle, -euse, -rice, -ive,
 *               -aise, -ère)
 *   KEY_PLAIN   the same without accents (œ, æ spelled out); a word written
 *               without accents ends "-ee" for "-ée"
 *   KEY_EXACT   the word as written
 *
 * Snowball's French stemmer is not used here: it strips derivation too, so
 * that "Macron" met "macroniste", "russes" met "Russie" and "constitue" met
 * "Constitution".  The feminine -e after a consonant stays, since "retrait"
 * and "retraite", "droit" and "droite" are different terms.
 *
 * A term's key is its parts' keys joined by KEY_SEP.
 */
#ifndef NSUM_GLOSSARY_KEY_H
#define NSUM_GLOSSARY_KEY_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/strmap.h"

#define SEP '\x1f'

enum key_kind {
	KEY_ACCENT = 0,
	KEY_PLAIN,
	KEY_EXACT,
	KEY_KINDS
};

/* One word part of a text: its bytes and where its keys sit. */
typedef struct part {
	size_t start, end;       /* bytes in the text */
	size_t off[KEY_KINDS];   /* its key of each kind in keys[kind] */
	size_t len[KEY_KINDS];
} part;

typedef struct parts {
	part *items;             /* owned */
	size_t count;
	size_t cap;
	nsum_buf keys[KEY_KINDS]; /* keys of each kind, back to back */
} parts;

/*
 * Append s[0..n) to b without accents (œ and æ spelled out), lower-cased
 * too with casefold.  0 or -1.
 */
int key_plain(nsum_buf *b, const char *s, size_t n, bool casefold);

/*
 * The word parts of text[a..b) with their keys, appended to *p (zeroed by
 * the caller the first time).  0 or -1 on no memory.
 */
int text_parts(const char *text, size_t a, size_t b, parts *p);
void parts_finish(parts *p);

/* Empty p, keeping its memory for the next term. */
void parts_reset(parts *p);

/*
 * The keys of every kind of the whole term into keys[] (emptied first,
 * never left without a buffer), with scratch as working space; the number
 * of word parts in *nparts.  0 or -1.
 */
int term_keys(const char *term, size_t len, parts *scratch,
	nsum_buf keys[KEY_KINDS], size_t *nparts);

/*
 * The key of kind of the whole term into key (emptied first); its number of
 * word parts in *nparts.  0 or -1.
 */
int term_key(const char *term, size_t len, enum key_kind kind, nsum_buf *key,
	size_t *nparts);

/*
 * Put key and each of its prefixes (at part boundaries) in m, the full key
 * pointing at idx + 1, prefixes at 0; with replace false, a full key that
 * already points at another index is left alone.  0 or -1.
 */
int index_key(strmap *m, const nsum_buf *key, size_t idx, bool replace);

#endif
