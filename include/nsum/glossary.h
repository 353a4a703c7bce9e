/*
 * The French→English glossary: terms people maintain in a CSV file, found
 * in any text whatever their inflection.
 *
 * A glossary file is RFC 4180 CSV in UTF-8 with a header row.  Columns:
 *
 *   fr      the French term (required)
 *   en      its English equivalent (required); alternatives are separated
 *           by " | ", the first one preferred ("ceasefire | truce")
 *   note    free text for translators
 *   pos     part of speech (noun, verb, adj ...)
 *   domain  subject field (politics, diplomacy, military, eu, economy, law ...)
 *   status  preferred, admitted, deprecated, forbidden or proposed
 *           (empty means preferred)
 *   case    "yes" to match the French term only with its exact case
 *           (acronyms and names that are also words: "Verts", "UE")
 *
 * Columns may come in any order; columns nsum does not know are kept and
 * written back.  The loader never drops a row silently: every problem is an
 * error naming the file, line and column.
 *
 * Matching works on words, not strings: each word is lower-cased, stripped
 * of accents (French often drops them on capitals: "ELYSEE", "Etats-Unis")
 * and of its inflection (plural, feminine), hyphens split words ("cessez-
 * le-feu" matches "cessez le feu") and elided articles are skipped ("l'OTAN"
 * matches "OTAN").  So "garantie de sécurité" finds "garanties de
 * sécurité" and "ministre délégué" finds "ministre déléguée", but "Russie"
 * does not find "russes".  An entry marked case matches only its exact
 * words.  The longest match wins and matches never overlap.
 *
 * The second half of this header edits glossary files: rows are kept with
 * their original bytes, so that a tool that adds one entry rewrites nothing
 * else.
 */
#ifndef NSUM_GLOSSARY_H
#define NSUM_GLOSSARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nsum/dict.h"
#include "nsum/doc.h"
#include "nsum/engine.h"
#include "nsum/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nsum_gloss_status {
	NSUM_GLOSS_PREFERRED = 0, /* also an empty status cell */
	NSUM_GLOSS_ADMITTED,
	NSUM_GLOSS_DEPRECATED,
	NSUM_GLOSS_FORBIDDEN,
	NSUM_GLOSS_PROPOSED,
} nsum_gloss_status;

typedef struct nsum_gloss_entry {
	const char *fr;          /* as written in the file */
	const char *en;          /* alternatives separated by " | " */
	const char *note;        /* "" when absent; so are pos and domain */
	const char *pos;
	const char *domain;
	nsum_gloss_status status;
	bool case_sensitive;
	size_t file;             /* index of the file it was read from */
	size_t line;             /* its line in that file */
} nsum_gloss_entry;

typedef struct nsum_gloss_match {
	size_t start;            /* first byte of the match in the text */
	size_t end;              /* one past its last byte */
	size_t entry;            /* index of the entry */
} nsum_gloss_match;

typedef struct nsum_glossary nsum_glossary;

/* An empty glossary.  NULL and err on no memory. */
nsum_glossary *nsum_glossary_create(nsum_error *err);

/* Free g.  g may be NULL. */
void nsum_glossary_destroy(nsum_glossary *g);

/*
 * Add the entries of the CSV file at path.  Two rows of one file with the
 * same French term (after normalization) are an error; a row of a later
 * file replaces an earlier file's entry for the same term (a user's own
 * glossary overrides the installed one).  Returns NSUM_OK, NSUM_EIO,
 * NSUM_EENCODING, NSUM_EFORMAT (err names file, line and column) or
 * NSUM_ENOMEM.  A file with any bad row changes nothing; after NSUM_ENOMEM
 * g may hold part of the file (destroy it).
 */
nsum_status nsum_glossary_load(nsum_glossary *g, const char *path,
	nsum_error *err);

/*
 * The loaded glossary g as bytes that nsum_glossary_restore() turns back
 * into the same glossary much faster than loading the files again: for a
 * cache.  tag identifies what was loaded (the caller's choice: say, a hash
 * of the files' paths, sizes and times).  A new string (free with
 * nsum_free()), its length in *len; NULL on no memory.
 */
char *nsum_glossary_save(const nsum_glossary *g, uint64_t tag, size_t *len);

/*
 * The glossary saved in data[0..len) by this same version of nsum with
 * the same tag, or NULL when the bytes are not one (another tag, another
 * version, damaged, no memory): the caller then loads the files.  The
 * bytes are copied (once: the glossary then points into its copy).
 */
nsum_glossary *nsum_glossary_restore(const char *data, size_t len,
	uint64_t tag);

/*
 * The same from the file at path, which is mapped into memory rather than
 * read: the glossary's tables are used where they lie, and only the pages
 * a run looks at are read.  The file must not be changed in place while
 * the glossary lives (replace it with a rename, as nsum_file_write_atomic()
 * does).  NULL as above, or when the file cannot be opened.
 */
nsum_glossary *nsum_glossary_restore_file(const char *path, uint64_t tag);

/* Number of entries (after overrides). */
size_t nsum_glossary_count(const nsum_glossary *g);

/* Entry i, 0 <= i < count.  Borrowed: valid as long as g. */
const nsum_gloss_entry *nsum_glossary_entry(const nsum_glossary *g, size_t i);

/* The path of file index i (as given to nsum_glossary_load). */
const char *nsum_glossary_file(const nsum_glossary *g, size_t i);

/* The status's name ("preferred", ...), and back; false if unknown. */
const char *nsum_gloss_status_name(nsum_gloss_status s);
bool nsum_gloss_status_parse(const char *name, nsum_gloss_status *out);

/*
 * Find the glossary terms in text[start..end): the longest match at each
 * place, no overlaps, in text order.  *out is a new array (free with
 * nsum_free()), *n its length.  Returns NSUM_OK or NSUM_ENOMEM.
 */
nsum_status nsum_glossary_find(const nsum_glossary *g, const char *text,
	size_t start, size_t end, nsum_gloss_match **out, size_t *n,
	nsum_error *err);

/*
 * The entry whose French term is term (any inflection: normalized as for
 * matching), or -1.  The whole of term must match.
 */
long nsum_glossary_lookup(const nsum_glossary *g, const char *term,
	size_t len);

/*
 * The entries with English equivalent term (any of the alternatives,
 * compared lower-cased and stemmed with Snowball English), into *out (a
 * new array of entry indexes, free with nsum_free()) and *n.  Returns
 * NSUM_OK or NSUM_ENOMEM.
 */
nsum_status nsum_glossary_lookup_en(const nsum_glossary *g, const char *term,
	size_t len, size_t **out, size_t *n, nsum_error *err);

/*
 * Check the glossary file at path and call report once per problem found,
 * with the problem's line, column (characters) and message; returns the
 * number of problems (a CSV syntax error counts one and ends the check) or
 * -1 on no memory.  Problems: a row the loader refuses (unknown status,
 * bad case, no word, the same term twice after normalization); a cell with
 * forbidden characters (tabs, leading, trailing or doubled spaces, text
 * not in NFC); an empty English alternative or a '|' not written " | ";
 * a French term of function words only; and, when other is not NULL, the
 * same term with a different English in other (the glossaries loaded
 * before).
 */
typedef void (*nsum_gloss_report_fn)(void *ctx, const char *path, size_t line,
	size_t column, const char *message);
long nsum_glossary_check(const char *path, const nsum_glossary *other,
	nsum_gloss_report_fn report, void *ctx);

/* ---------------------------------------------------------------------- */
/* Suggestions: key terms the glossary lacks. */

typedef struct nsum_gloss_suggestion {
	char *fr;            /* the term as the articles write it most; owned */
	double score;        /* its key-term scores, summed over the articles */
	size_t articles;     /* articles where it is a key term */
	nsum_dict_candidate *candidates; /* proposed English, best first */
	size_t ncandidates;
} nsum_gloss_suggestion;

/*
 * The key terms (at most terms per article) of docs that g lacks, grouped
 * across articles by inflection, ranked by the number of articles, then by
 * summed score; each with up to three English candidates from d (which may
 * be NULL).  *out is a new array, free with nsum_gloss_suggestions_free().
 */
nsum_status nsum_glossary_suggest(const nsum_glossary *g, const nsum_dict *d,
	nsum_engine *e, nsum_doc *const *docs, size_t ndocs, size_t terms,
	nsum_gloss_suggestion **out, size_t *n, nsum_error *err);

void nsum_gloss_suggestions_free(nsum_gloss_suggestion *s, size_t n);

/* ---------------------------------------------------------------------- */
/* Exchange with other tools. */

typedef enum nsum_gloss_format {
	NSUM_GLOSS_CSV = 0, /* nsum's own CSV (import only) */
	NSUM_GLOSS_DEEPL,   /* DeepL glossary CSV: source,target, no header */
	NSUM_GLOSS_TSV,     /* OmegaT glossary: source<TAB>target<TAB>comment */
	NSUM_GLOSS_TBX,     /* TBX-Basic XML (ISO 30042) */
} nsum_gloss_format;

/* Parse a format name (csv, deepl, tsv, tbx); false if unknown. */
bool nsum_gloss_format_parse(const char *name, nsum_gloss_format *out);

/*
 * g in an exchange format, as a new string (free with nsum_free()), its
 * length in *len.  DeepL and TSV carry one row per French term (DeepL: the
 * preferred English only, TSV: one row per alternative) and leave out
 * deprecated, forbidden and proposed entries; TBX carries everything, with
 * statuses as administrativeStatus.  NULL on no memory.
 */
char *nsum_glossary_export(const nsum_glossary *g, nsum_gloss_format fmt,
	size_t *len);

/* One term read from another tool's file. */
typedef struct nsum_gloss_item {
	char *fr, *en, *note, *pos, *domain; /* owned; "" when absent */
	nsum_gloss_status status;
	size_t line;                         /* where it was read */
} nsum_gloss_item;

/*
 * Read the terms of data[0..len) in format fmt (CSV: nsum's glossary
 * format; DeepL: source,target rows; TSV: source, target, optional comment,
 * several rows of one source being alternatives; TBX: termEntry elements
 * with French and English langSets).  *items is a new array, free with
 * nsum_gloss_items_free().  Errors name source, line and column.
 */
nsum_status nsum_gloss_import_parse(const char *data, size_t len,
	const char *source, nsum_gloss_format fmt, nsum_gloss_item **items,
	size_t *n, nsum_error *err);

void nsum_gloss_items_free(nsum_gloss_item *items, size_t n);

/* ---------------------------------------------------------------------- */
/* Editing a glossary file. */

typedef struct nsum_glossfile nsum_glossfile;

/* An empty glossary with the standard header, for writing a new list. */
nsum_glossfile *nsum_glossfile_create(nsum_error *err);

/*
 * Read the CSV file at path for editing: RFC 4180 syntax, a header with
 * "fr" and "en" columns, the header's number of fields on every row, no
 * empty fr or en cell.  With missing_ok, a file that does not exist gives
 * an empty glossary with the standard header (fr,en,note,pos,domain,status,
 * case).  NULL and err (file:line:col) on failure.
 */
nsum_glossfile *nsum_glossfile_read(const char *path, bool missing_ok,
	nsum_error *err);

/* The same from data[0..len); source names it in errors. */
nsum_glossfile *nsum_glossfile_parse(const char *data, size_t len,
	const char *source, nsum_error *err);

/* Free f.  f may be NULL. */
void nsum_glossfile_destroy(nsum_glossfile *f);

/* The header: number of columns, and the name of column c. */
size_t nsum_glossfile_columns(const nsum_glossfile *f);
const char *nsum_glossfile_column(const nsum_glossfile *f, size_t c);

/* The index of the column named name, or -1. */
long nsum_glossfile_column_index(const nsum_glossfile *f, const char *name);

/* Data rows (the header is not one). */
size_t nsum_glossfile_rows(const nsum_glossfile *f);

/* Cell (row, column); "" past the row's end.  Borrowed until f changes. */
const char *nsum_glossfile_cell(const nsum_glossfile *f, size_t row,
	size_t col);

/*
 * Where cell (row, col) was in the file (1-based line and column); 0, 0
 * for a row added since.
 */
void nsum_glossfile_position(const nsum_glossfile *f, size_t row, size_t col,
	size_t *line, size_t *column);

/* Whether the rows are in glossary order (nsum_glossfile_compare()). */
bool nsum_glossfile_sorted(const nsum_glossfile *f);

/*
 * Order of two French terms in a sorted glossary: compared lower-cased and
 * without accents, ties broken by their bytes.  <0, 0 or >0.
 */
int nsum_glossfile_compare(const char *a, const char *b);

/*
 * Add a row.  names[i] = values[i] for i < n, every other cell empty; a
 * name that is not yet a column becomes a new column at the end (existing
 * rows get an empty cell there when they are next written).  The row goes
 * to its sorted place if the file is sorted, at the end otherwise; its
 * index is stored in *row when row is not NULL.  NSUM_OK, NSUM_EINVAL (an
 * empty fr or en) or NSUM_ENOMEM.
 */
nsum_status nsum_glossfile_insert(nsum_glossfile *f, const char *const *names,
	const char *const *values, size_t n, size_t *row, nsum_error *err);

/*
 * Add a row at the end, whatever the order, and without checking that fr
 * and en are filled: for lists to review (`nsum glossary suggest`).
 */
nsum_status nsum_glossfile_append(nsum_glossfile *f, const char *const *names,
	const char *const *values, size_t n, nsum_error *err);

/* Set cell (row, col) to value.  NSUM_OK or NSUM_ENOMEM. */
nsum_status nsum_glossfile_set(nsum_glossfile *f, size_t row, size_t col,
	const char *value, nsum_error *err);

/* Remove a row. */
void nsum_glossfile_remove(nsum_glossfile *f, size_t row);

/*
 * The row whose French term is fr once normalized as for matching (any
 * inflection, accents; exact for case-sensitive rows), or -1.  Also -1 on
 * no memory.
 */
long nsum_glossfile_find(const nsum_glossfile *f, const char *fr);

/*
 * The file's bytes: untouched rows exactly as read, changed and new rows
 * re-encoded (quoted only where needed, the file's line ends).  A new
 * string (free with nsum_free()), its length in *len; NULL on no memory.
 */
char *nsum_glossfile_format(const nsum_glossfile *f, size_t *len);

/*
 * Change the glossary file at path safely: take an exclusive advisory lock
 * (so that concurrent changes wait for each other), read the file (or start
 * an empty one when it does not exist), let edit change it, and if edit
 * returns NSUM_OK replace the file atomically (temporary file in the same
 * folder, fsync, rename).  On any failure the file is left as it was.
 * Returns edit's status or the first error.
 */
typedef nsum_status (*nsum_glossfile_edit_fn)(nsum_glossfile *f, void *ctx,
	nsum_error *err);
nsum_status nsum_glossfile_update(const char *path, nsum_glossfile_edit_fn edit,
	void *ctx, nsum_error *err);

#ifdef __cplusplus
}
#endif

#endif
