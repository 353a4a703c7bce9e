/*
 * The glossary (see nsum/glossary.h): entries from one or more CSV files,
 * and the matcher that finds them in text.
 *
 * Each entry's French term gets the keys of key.h: with accents and
 * without (for text written without accents on capitals: "ELYSEE",
 * "Etats-Unis"), or exactly as written for case-sensitive entries.  A key
 * without accents yields to one with them when both match ("arme" is not
 * "armée").  Every prefix of every key is in its map, so that matching
 * walks forward from each word and stops as soon as no entry can continue.
 */
#include <fcntl.h>
#include <libstemmer.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "glossary/key.h"
#include "glossary/lookup.h"
#include "nsum/glossary.h"
#include "nsum/lang.h"
#include "nsum/token.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/strmap.h"
#include "util/utf8.h"

typedef struct entry {
	nsum_gloss_entry pub;
	char *block;        /* fr, en, note, pos, domain, back to back; owned
	                       (NULL in a restored glossary: they are in its
	                       saved bytes) */
} entry;

struct nsum_glossary {
	entry *entries;
	size_t count;
	size_t cap;
	char **files;       /* paths, owned */
	size_t nfiles;
	void *saved;        /* the bytes of a restored glossary, which its
	                       entries and maps point into; owned */
	size_t saved_len;
	bool mapped;        /* saved is a mapping of a file, not nsum_malloc'd */
	strmap maps[3];     /* per key kind: key or prefix -> entry + 1, or 0 */
	struct sb_stemmer *english;
};

static const char *const status_names[] = {
	[NSUM_GLOSS_PREFERRED] = "preferred",
	[NSUM_GLOSS_ADMITTED] = "admitted",
	[NSUM_GLOSS_DEPRECATED] = "deprecated",
	[NSUM_GLOSS_FORBIDDEN] = "forbidden",
	[NSUM_GLOSS_PROPOSED] = "proposed",
};

const char *nsum_gloss_status_name(nsum_gloss_status s)
{
	return (unsigned)s <= NSUM_GLOSS_PROPOSED ? status_names[s] : "";
}

bool nsum_gloss_status_parse(const char *name, nsum_gloss_status *out)
{
	size_t i;

	if (!name[0]) {
		*out = NSUM_GLOSS_PREFERRED;
		return true;
	}
	for (i = 0; i <= NSUM_GLOSS_PROPOSED; i++) {
		if (strcmp(name, status_names[i]) == 0) {
			*out = (nsum_gloss_status)i;
			return true;
		}
	}
	return false;
}

nsum_glossary *nsum_glossary_create(nsum_error *err)
{
	nsum_glossary *g = mem_calloc(1, sizeof(*g));

	if (!g) {
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	strmap_init(&g->maps[0]);
	strmap_init(&g->maps[1]);
	strmap_init(&g->maps[2]);
	return g;
}

static void entry_finish(entry *e)
{
	nsum_free(e->block);
	memset(e, 0, sizeof(*e));
}

void nsum_glossary_destroy(nsum_glossary *g)
{
	size_t i;

	if (!g)
		return;
	for (i = 0; i < g->count; i++)
		entry_finish(&g->entries[i]);
	nsum_free(g->entries);
	for (i = 0; i < g->nfiles; i++)
		nsum_free(g->files[i]);
	nsum_free(g->files);
	strmap_finish(&g->maps[0]);
	strmap_finish(&g->maps[1]);
	strmap_finish(&g->maps[2]);
	if (g->mapped)
		munmap(g->saved, g->saved_len);
	else
		nsum_free(g->saved);
	if (g->english)
		sb_stemmer_delete(g->english);
	nsum_free(g);
}

size_t nsum_glossary_count(const nsum_glossary *g)
{
	return g->count;
}

const nsum_gloss_entry *nsum_glossary_entry(const nsum_glossary *g, size_t i)
{
	return &g->entries[i].pub;
}

const char *nsum_glossary_file(const nsum_glossary *g, size_t i)
{
	return i < g->nfiles ? g->files[i] : "";
}

/* ---------------------------------------------------------------------- */
/* Loading. */

static bool parse_case(const char *v, bool *out)
{
	static const char *const yes[] = { "yes", "true", "1", "y" };
	static const char *const no[] = { "", "no", "false", "0", "n" };
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(*yes); i++)
		if (strcmp(v, yes[i]) == 0)
			return *out = true;
	for (i = 0; i < sizeof(no) / sizeof(*no); i++) {
		if (strcmp(v, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

/* Whether the English cell en holds a term between its '|' separators. */
static bool has_alternative(const char *en)
{
	for (; *en; en++)
		if (*en != '|' && *en != ' ')
			return true;
	return false;
}

/* The cell of column c (or "" when the column is absent). */
static const char *cell(const nsum_glossfile *f, size_t row, long c)
{
	return c < 0 ? "" : nsum_glossfile_cell(f, row, (size_t)c);
}

/* The five strings of row r of f, copied into one block for entry en. */
static int copy_strings(entry *en, const nsum_glossfile *f, size_t r,
	const long *cols)
{
	const char **str[5] = { &en->pub.fr, &en->pub.en, &en->pub.note,
		&en->pub.pos, &en->pub.domain };
	size_t len[5], total = 0, i;
	char *p;

	for (i = 0; i < 5; i++) {
		len[i] = strlen(cell(f, r, cols[i]));
		total += len[i] + 1;
	}
	en->block = nsum_malloc(total);
	if (!en->block)
		return -1;
	for (i = 0, p = en->block; i < 5; i++) {
		memcpy(p, cell(f, r, cols[i]), len[i] + 1);
		*str[i] = p;
		p += len[i] + 1;
	}
	return 0;
}

nsum_status nsum_glossary_load(nsum_glossary *g, const char *path,
	nsum_error *err)
{
	static const char *const names[5] = { "fr", "en", "note", "pos", "domain" };
	nsum_glossfile *f;
	nsum_buf keys[KEY_KINDS], pool;
	parts scratch;
	strmap seen;
	long cols[7];
	size_t r, i, nparts, nrows, *at = NULL;
	char **files;
	nsum_status st = NSUM_OK;

	f = nsum_glossfile_read(path, false, err);
	if (!f)
		return err ? err->status : NSUM_EFORMAT;
	nrows = nsum_glossfile_rows(f);
	for (i = 0; i < 5; i++)
		cols[i] = nsum_glossfile_column_index(f, names[i]);
	cols[5] = nsum_glossfile_column_index(f, "status");
	cols[6] = nsum_glossfile_column_index(f, "case");
	for (i = 0; i < KEY_KINDS; i++)
		buf_init(&keys[i]);
	buf_init(&pool);
	memset(&scratch, 0, sizeof(scratch));
	strmap_init(&seen);
	/* Each row's main key (with accents, or exact) and plain key, in pool:
	 * at[2r], at[2r+1] are their offsets, each NUL-terminated. */
	at = nsum_malloc((2 * nrows + 1) * sizeof(*at));
	if (!at)
		goto nomem;

	/* First every row is checked, so that a bad file changes nothing. */
	for (r = 0; r < nrows; r++) {
		nsum_gloss_status s;
		bool cs;
		size_t line, col, main;
		uint32_t prev;

		if (!nsum_gloss_status_parse(cell(f, r, cols[5]), &s)) {
			nsum_glossfile_position(f, r, (size_t)cols[5], &line, &col);
			st = nsum_error_set(err, NSUM_EFORMAT, path, line, col,
				"unknown status '%s' (preferred, admitted, deprecated, "
				"forbidden, proposed)", cell(f, r, cols[5]));
			goto out;
		}
		if (!parse_case(cell(f, r, cols[6]), &cs)) {
			nsum_glossfile_position(f, r, (size_t)cols[6], &line, &col);
			st = nsum_error_set(err, NSUM_EFORMAT, path, line, col,
				"case must be yes or no, not '%s'", cell(f, r, cols[6]));
			goto out;
		}
		if (!has_alternative(cell(f, r, cols[1]))) {
			nsum_glossfile_position(f, r, (size_t)cols[1], &line, &col);
			st = nsum_error_set(err, NSUM_EFORMAT, path, line, col,
				"'%s' has no English term", cell(f, r, cols[1]));
			goto out;
		}
		if (term_keys(cell(f, r, cols[0]), strlen(cell(f, r, cols[0])),
			&scratch, keys, &nparts) < 0)
			goto nomem;
		nsum_glossfile_position(f, r, (size_t)cols[0], &line, &col);
		if (nparts == 0) {
			st = nsum_error_set(err, NSUM_EFORMAT, path, line, col,
				"'%s' has no word and can never match",
				cell(f, r, cols[0]));
			goto out;
		}
		main = cs ? KEY_EXACT : KEY_ACCENT;
		at[2 * r] = pool.len;
		if (buf_append(&pool, keys[main].data, keys[main].len) < 0 ||
			buf_putc(&pool, '\0') < 0)
			goto nomem;
		at[2 * r + 1] = pool.len;
		if (buf_append(&pool, keys[KEY_PLAIN].data, keys[KEY_PLAIN].len) < 0 ||
			buf_putc(&pool, '\0') < 0)
			goto nomem;
		/* Case-sensitive keys are told apart from folded ones. */
		if (buf_putc(&keys[main], cs ? 'X' : 'F') < 0)
			goto nomem;
		if (strmap_get(&seen, keys[main].data, keys[main].len, &prev)) {
			size_t pline, pcol;

			nsum_glossfile_position(f, prev, (size_t)cols[0], &pline, &pcol);
			st = nsum_error_set(err, NSUM_EFORMAT, path, line, col,
				"'%s' is the same term as '%s' on line %zu",
				cell(f, r, cols[0]), cell(f, prev, cols[0]), pline);
			goto out;
		}
		if (strmap_put(&seen, keys[main].data, keys[main].len, (uint32_t)r) < 0)
			goto nomem;
	}

	files = nsum_realloc(g->files, (g->nfiles + 1) * sizeof(*files));
	if (!files)
		goto nomem;
	g->files = files;
	g->files[g->nfiles] = mem_strndup(path, strlen(path));
	if (!g->files[g->nfiles])
		goto nomem;
	g->nfiles++;
	if (mem_grow((void **)&g->entries, &g->cap, g->count + nrows,
		sizeof(*g->entries)) < 0)
		goto nomem;

	for (r = 0; r < nrows; r++) {
		const char *mainkey = pool.data + at[2 * r];
		const char *plainkey = pool.data + at[2 * r + 1];
		nsum_buf kb;
		strmap *m;
		uint32_t v = 0;
		size_t idx, col;
		entry *en;
		bool cs = false;

		parse_case(cell(f, r, cols[6]), &cs);
		m = &g->maps[cs ? KEY_EXACT : KEY_ACCENT];
		if (strmap_get(m, mainkey, strlen(mainkey), &v) && v) {
			/* An earlier file's entry: this one replaces it. */
			idx = v - 1;
			entry_finish(&g->entries[idx]);
		} else {
			idx = g->count++;
			memset(&g->entries[idx], 0, sizeof(entry));
		}
		en = &g->entries[idx];
		if (copy_strings(en, f, r, cols) < 0)
			goto nomem;
		nsum_gloss_status_parse(cell(f, r, cols[5]), &en->pub.status);
		en->pub.case_sensitive = cs;
		en->pub.file = g->nfiles - 1;
		nsum_glossfile_position(f, r, (size_t)cols[0], &en->pub.line, &col);
		kb.data = (char *)mainkey;
		kb.len = strlen(mainkey);
		kb.cap = 0;
		if (index_key(m, &kb, idx, true) < 0)
			goto nomem;
		kb.data = (char *)plainkey;
		kb.len = strlen(plainkey);
		if (!cs && index_key(&g->maps[KEY_PLAIN], &kb, idx, false) < 0)
			goto nomem;
	}
	goto out;
nomem:
	st = nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
out:
	for (i = 0; i < KEY_KINDS; i++)
		buf_finish(&keys[i]);
	buf_finish(&pool);
	parts_finish(&scratch);
	nsum_free(at);
	strmap_finish(&seen);
	nsum_glossfile_destroy(f);
	return st;
}

/* ---------------------------------------------------------------------- */
/* Matching. */

/*
 * The longest entry of map kind whose key is the keys of parts i, i+1, ...
 * Returns the number of parts matched (0 if none), the entry in *found.
 */
static size_t longest(const nsum_glossary *g, const parts *p, size_t i,
	enum key_kind kind, nsum_buf *probe, size_t *found)
{
	const strmap *m = &g->maps[kind];
	size_t j, best = 0;
	uint32_t v;

	if (!m->count || buf_reserve(probe, 1) < 0)
		return 0;
	buf_clear(probe);
	for (j = i; j < p->count; j++) {
		const part *pt = &p->items[j];

		if ((j > i && buf_putc(probe, SEP) < 0) || (pt->len[kind] &&
			buf_append(probe, p->keys[kind].data + pt->off[kind],
				pt->len[kind]) < 0))
			break;
		if (!strmap_get(m, probe->data, probe->len, &v))
			break;
		if (v) {
			best = j - i + 1;
			*found = v - 1;
		}
	}
	return best;
}

/*
 * Whether a match of entry idx on parts i .. i+len-1 through the key
 * without accents is fair: French drops accents on capitals ("ELYSEE",
 * "Etats-Unis"), so a part that starts with an ASCII capital may lack
 * them, but any other part must agree with the entry's accents too ("les
 * armes" is not "les armées").
 */
static bool plain_fair(const nsum_glossary *g, const char *text,
	const parts *p, size_t i, size_t len, size_t idx)
{
	const char *fr = g->entries[idx].pub.fr;
	nsum_buf key;
	size_t nparts, j, off = 0;
	bool fair = true;

	buf_init(&key);
	if (term_key(fr, strlen(fr), KEY_ACCENT, &key, &nparts) < 0 ||
		nparts != len) {
		buf_finish(&key);
		return false;
	}
	for (j = 0; j < len && fair; j++) {
		const part *pt = &p->items[i + j];
		const char *sep = memchr(key.data + off, SEP, key.len - off);
		size_t klen = sep ? (size_t)(sep - key.data) - off : key.len - off;
		char c = text[pt->start];

		if (!(c >= 'A' && c <= 'Z'))
			fair = klen == pt->len[KEY_ACCENT] && (klen == 0 ||
				memcmp(key.data + off, p->keys[KEY_ACCENT].data +
					pt->off[KEY_ACCENT], klen) == 0);
		off += klen + 1;
	}
	buf_finish(&key);
	return fair;
}

nsum_status nsum_glossary_find(const nsum_glossary *g, const char *text,
	size_t start, size_t end, nsum_gloss_match **out, size_t *n,
	nsum_error *err)
{
	/* On equal length, an exact match beats one with accents, which beats
	 * one without. */
	static const enum key_kind order[] = { KEY_EXACT, KEY_ACCENT, KEY_PLAIN };
	nsum_gloss_match *res = NULL;
	size_t cap = 0, i = 0, k;
	nsum_buf probe;
	parts p;

	*out = NULL;
	*n = 0;
	if (!g->count)
		return NSUM_OK;
	memset(&p, 0, sizeof(p));
	buf_init(&probe);
	if (text_parts(text, start, end, &p) < 0)
		goto nomem;
	while (i < p.count) {
		size_t best = 0, which = 0;

		for (k = 0; k < 3; k++) {
			size_t e = 0, len = longest(g, &p, i, order[k], &probe, &e);

			if (len > best && (order[k] != KEY_PLAIN ||
				plain_fair(g, text, &p, i, len, e))) {
				best = len;
				which = e;
			}
		}
		if (!best) {
			i++;
			continue;
		}
		if (mem_grow((void **)&res, &cap, *n + 1, sizeof(*res)) < 0)
			goto nomem;
		res[*n].start = p.items[i].start;
		res[*n].end = p.items[i + best - 1].end;
		res[*n].entry = which;
		(*n)++;
		i += best;
	}
	parts_finish(&p);
	buf_finish(&probe);
	*out = res;
	return NSUM_OK;
nomem:
	parts_finish(&p);
	buf_finish(&probe);
	nsum_free(res);
	*n = 0;
	return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
}

/* Whether every word of text[0..len) lies in [a, b) (words as the
 * tokenizer sees them, in context: "d'" before a word is no word). */
static bool words_within(const char *text, size_t len, size_t a, size_t b)
{
	size_t pos = 0;
	nsum_word w;

	while (nsum_word_next(text, len, &pos, &w))
		if (w.start < a || w.end > b)
			return false;
	return true;
}

int gloss_lookup(const nsum_glossary *g, const char *term, size_t len,
	long *found)
{
	nsum_gloss_match *m = NULL;
	size_t n = 0;

	/* The whole term must be one match: no word before or after it (an
	 * elided article is no word: "d'Orsay" is "Orsay"). */
	*found = -1;
	if (nsum_glossary_find(g, term, 0, len, &m, &n, NULL) != NSUM_OK)
		return -1;
	if (n == 1 && words_within(term, len, m[0].start, m[0].end))
		*found = (long)m[0].entry;
	nsum_free(m);
	return 0;
}

long nsum_glossary_lookup(const nsum_glossary *g, const char *term,
	size_t len)
{
	long found;

	return gloss_lookup(g, term, len, &found) < 0 ? -1 : found;
}

/* The English key of s[0..n): words lower-cased and stemmed, space-joined. */
static int english_key(struct sb_stemmer *st, const char *s, size_t n,
	nsum_buf *key)
{
	size_t pos = 0;
	nsum_word w;
	nsum_buf low;
	int rc = 0;

	buf_clear(key);
	buf_init(&low);
	while (rc == 0 && nsum_word_next(s, n, &pos, &w)) {
		const sb_symbol *stem;

		buf_clear(&low);
		rc = u8_lower_append(&low, s + w.start, w.end - w.start);
		if (rc < 0)
			break;
		stem = sb_stemmer_stem(st, (const sb_symbol *)low.data, (int)low.len);
		if (!stem) {
			rc = -1;
			break;
		}
		if ((key->len && buf_putc(key, ' ') < 0) ||
			buf_append(key, (const char *)stem, (size_t)sb_stemmer_length(st)) < 0)
			rc = -1;
	}
	buf_finish(&low);
	if (rc == 0 && !key->data)
		rc = buf_puts(key, "");
	return rc;
}

nsum_status nsum_glossary_lookup_en(const nsum_glossary *g, const char *term,
	size_t len, size_t **out, size_t *n, nsum_error *err)
{
	struct sb_stemmer *st;
	nsum_buf want, have;
	size_t i, cap = 0;
	nsum_status rc = NSUM_OK;

	*out = NULL;
	*n = 0;
	/* English lookups are rare (a command, not a pipeline): a stemmer for
	 * the call keeps the glossary free of mutable state. */
	st = sb_stemmer_new("english", "UTF_8");
	if (!st)
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0,
			"cannot create the English Snowball stemmer");
	buf_init(&want);
	buf_init(&have);
	if (english_key(st, term, len, &want) < 0)
		goto nomem;
	for (i = 0; i < g->count; i++) {
		const char *en = g->entries[i].pub.en, *p = en;
		bool hit = false;

		while (!hit) {
			const char *bar = strstr(p, " | ");
			size_t alen = bar ? (size_t)(bar - p) : strlen(p);

			if (english_key(st, p, alen, &have) < 0)
				goto nomem;
			hit = have.len == want.len && memcmp(have.data, want.data, want.len) == 0;
			if (!bar)
				break;
			p = bar + 3;
		}
		if (!hit)
			continue;
		if (mem_grow((void **)out, &cap, *n + 1, sizeof(**out)) < 0)
			goto nomem;
		(*out)[(*n)++] = i;
	}
	goto done;
nomem:
	nsum_free(*out);
	*out = NULL;
	*n = 0;
	rc = nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
done:
	buf_finish(&want);
	buf_finish(&have);
	sb_stemmer_delete(st);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Finding rows and checking files. */

long nsum_glossfile_find(const nsum_glossfile *f, const char *fr)
{
	long cfr = nsum_glossfile_column_index(f, "fr");
	long ccase = nsum_glossfile_column_index(f, "case");
	nsum_buf want, have;
	size_t r, n;
	long found = -1;

	if (cfr < 0)
		return -1;
	buf_init(&want);
	buf_init(&have);
	if (term_key(fr, strlen(fr), KEY_ACCENT, &want, &n) < 0)
		goto out;
	for (r = 0; r < nsum_glossfile_rows(f) && found < 0; r++) {
		const char *v = nsum_glossfile_cell(f, r, (size_t)cfr);
		bool cs = false;

		parse_case(cell(f, r, ccase), &cs);
		if (cs) {
			if (strcmp(v, fr) == 0)
				found = (long)r;
			continue;
		}
		if (term_key(v, strlen(v), KEY_ACCENT, &have, &n) < 0)
			goto out;
		if (have.len == want.len && memcmp(have.data, want.data, want.len) == 0)
			found = (long)r;
	}
out:
	buf_finish(&want);
	buf_finish(&have);
	return found;
}

/* The problems of one cell's characters, or NULL. */
static const char *cell_problem(const char *v)
{
	size_t n = strlen(v);
	utf8proc_uint8_t *nfc;
	bool same;

	if (!n)
		return NULL;
	if (strchr(v, '\t'))
		return "has a tab";
	if (v[0] == ' ' || v[n - 1] == ' ' || v[0] == '\n' || v[n - 1] == '\n')
		return "has a space or line break at either end";
	if (strstr(v, "  "))
		return "has a double space";
	nfc = utf8proc_NFC((const utf8proc_uint8_t *)v);
	same = nfc && strcmp((const char *)nfc, v) == 0;
	free(nfc);
	if (!same)
		return "is not in Unicode NFC";
	return NULL;
}

/* The problem of an English cell's alternatives, or NULL. */
static const char *alternatives_problem(const char *en)
{
	const char *p;

	for (p = strchr(en, '|'); p; p = strchr(p + 1, '|')) {
		if (p == en || p[-1] != ' ' || p[1] != ' ')
			return "separate English alternatives with \" | \"";
		if (p - en < 2 || p[-2] == '|' || p[2] == '\0' || p[2] == '|' || p[2] == ' ')
			return "has an empty English alternative";
	}
	return NULL;
}

typedef struct checker {
	const char *path;
	nsum_gloss_report_fn report;
	void *ctx;
	long problems;
} checker;

static void problem(checker *c, size_t line, size_t col, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static void problem(checker *c, size_t line, size_t col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	c->report(c->ctx, c->path, line, col, msg);
	c->problems++;
}

/* Whether every word of term is a French stopword, into *only.  0, or -1
 * on no memory. */
static int only_function_words(const nsum_lang *lang, const char *term,
	bool *only)
{
	size_t pos = 0, n = strlen(term), words = 0;
	nsum_word w;
	nsum_buf low;
	bool all = true;
	int rc = 0;

	buf_init(&low);
	while (all && nsum_word_next(term, n, &pos, &w)) {
		words++;
		buf_clear(&low);
		if (u8_lower_append(&low, term + w.start, w.end - w.start) < 0) {
			rc = -1;
			break;
		}
		all = nsum_lang_is_stopword(lang, NSUM_LANG_FR, low.data, low.len);
	}
	buf_finish(&low);
	*only = rc == 0 && words && all;
	return rc;
}

long nsum_glossary_check(const char *path, const nsum_glossary *other,
	nsum_gloss_report_fn report, void *ctx)
{
	checker c = { path, report, ctx, 0 };
	nsum_glossfile *f;
	nsum_lang *lang = NULL;
	nsum_error err;
	nsum_buf key;
	strmap seen;
	long cols[7], rc = -1;
	static const char *const names[7] = {
		"fr", "en", "note", "pos", "domain", "status", "case",
	};
	size_t r, k, line, col, nparts;

	nsum_error_init(&err);
	f = nsum_glossfile_read(path, false, &err);
	if (!f) {
		if (err.status == NSUM_ENOMEM)
			return -1;
		problem(&c, err.line, err.column, "%s", err.text);
		return c.problems;
	}
	buf_init(&key);
	strmap_init(&seen);
	lang = nsum_lang_create(NULL);
	if (!lang)
		goto out;
	for (k = 0; k < 7; k++)
		cols[k] = nsum_glossfile_column_index(f, names[k]);
	for (r = 0; r < nsum_glossfile_rows(f); r++) {
		const char *fr = cell(f, r, cols[0]), *en = cell(f, r, cols[1]), *why;
		nsum_gloss_status st;
		uint32_t prev;
		bool cs = false, only;

		for (k = 0; k < nsum_glossfile_columns(f); k++) {
			why = cell_problem(nsum_glossfile_cell(f, r, k));
			if (why) {
				nsum_glossfile_position(f, r, k, &line, &col);
				problem(&c, line, col, "'%s' %s", nsum_glossfile_column(f, k), why);
			}
		}
		nsum_glossfile_position(f, r, (size_t)cols[1], &line, &col);
		if ((why = alternatives_problem(en)) != NULL)
			problem(&c, line, col, "'%s': %s", en, why);
		if (!nsum_gloss_status_parse(cell(f, r, cols[5]), &st)) {
			nsum_glossfile_position(f, r, (size_t)cols[5], &line, &col);
			problem(&c, line, col, "unknown status '%s' (preferred, admitted, "
				"deprecated, forbidden, proposed)", cell(f, r, cols[5]));
		}
		if (!parse_case(cell(f, r, cols[6]), &cs)) {
			nsum_glossfile_position(f, r, (size_t)cols[6], &line, &col);
			problem(&c, line, col, "case must be yes or no, not '%s'",
				cell(f, r, cols[6]));
		}
		nsum_glossfile_position(f, r, (size_t)cols[0], &line, &col);
		if (term_key(fr, strlen(fr), cs ? KEY_EXACT : KEY_ACCENT, &key,
			&nparts) < 0 || buf_putc(&key, cs ? 'X' : 'F') < 0)
			goto out;
		if (nparts == 0) {
			problem(&c, line, col, "'%s' has no word and can never match", fr);
			continue;
		}
		if (only_function_words(lang, fr, &only) < 0)
			goto out;
		if (only)
			problem(&c, line, col, "'%s' is only function words", fr);
		if (strmap_get(&seen, key.data, key.len, &prev)) {
			size_t pline, pcol;

			nsum_glossfile_position(f, prev, (size_t)cols[0], &pline, &pcol);
			problem(&c, line, col, "'%s' is the same term as '%s' on line %zu",
				fr, cell(f, prev, cols[0]), pline);
		} else if (strmap_put(&seen, key.data, key.len, (uint32_t)r) < 0) {
			goto out;
		}
		if (other) {
			long o;

			if (gloss_lookup(other, fr, strlen(fr), &o) < 0)
				goto out;
			if (o >= 0 && strcmp(other->entries[o].pub.en, en) != 0)
				problem(&c, line, col, "'%s' is '%s' here but '%s' in %s:%zu",
					fr, en, other->entries[o].pub.en,
					nsum_glossary_file(other, other->entries[o].pub.file),
					other->entries[o].pub.line);
		}
	}
	rc = c.problems;
out:
	nsum_lang_destroy(lang);
	strmap_finish(&seen);
	buf_finish(&key);
	nsum_glossfile_destroy(f);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Saving and restoring (a cache). */

#define SAVE_MAGIC "NSUMGLS2"
#define SAVE_ALIGN 8   /* of the maps' tables in the saved bytes */

/* The layout's own version: what a saved glossary depends on. */
static uint32_t save_abi(void)
{
	return (uint32_t)sizeof(strmap_entry) | (uint32_t)KEY_KINDS << 8 |
		(uint32_t)2 << 16;
}

static int put32(nsum_buf *b, uint32_t v)
{
	return buf_append(b, (const char *)&v, sizeof(v));
}

/*
 * Layout, in this machine's byte order: magic, abi, tag, file and entry
 * counts; each file's path and each entry's five strings as offsets into
 * the strings, then each entry's file, line and flags; the strings; then
 * per key kind the map's slot count and arena length, zeros up to a
 * multiple of SAVE_ALIGN, its slots and its arena.  The tables can be used
 * where they lie (see restore()).
 */
char *nsum_glossary_save(const nsum_glossary *g, uint64_t tag, size_t *len)
{
	nsum_buf b, strings;
	size_t i, k;

	buf_init(&b);
	buf_init(&strings);
	if (buf_puts(&b, SAVE_MAGIC) < 0 || put32(&b, save_abi()) < 0 ||
		buf_append(&b, (const char *)&tag, sizeof(tag)) < 0 ||
		put32(&b, (uint32_t)g->nfiles) < 0 || put32(&b, (uint32_t)g->count) < 0)
		goto nomem;
	for (i = 0; i < g->nfiles; i++)
		if (put32(&b, (uint32_t)strings.len) < 0 ||
			buf_append(&strings, g->files[i], strlen(g->files[i]) + 1) < 0)
			goto nomem;
	for (i = 0; i < g->count; i++) {
		const nsum_gloss_entry *e = &g->entries[i].pub;
		const char *str[5] = { e->fr, e->en, e->note, e->pos, e->domain };

		for (k = 0; k < 5; k++)
			if (put32(&b, (uint32_t)strings.len) < 0 ||
				buf_append(&strings, str[k], strlen(str[k]) + 1) < 0)
				goto nomem;
		if (put32(&b, (uint32_t)e->file) < 0 || put32(&b, (uint32_t)e->line) < 0 ||
			put32(&b, (uint32_t)e->status | (uint32_t)e->case_sensitive << 8) < 0)
			goto nomem;
	}
	if (strings.len > UINT32_MAX || put32(&b, (uint32_t)strings.len) < 0 ||
		buf_append(&b, strings.data, strings.len) < 0)
		goto nomem;
	for (k = 0; k < KEY_KINDS; k++) {
		static const char zeros[SAVE_ALIGN];
		const strmap_entry *slots;
		const char *arena;
		size_t nslots, alen;

		strmap_tables(&g->maps[k], &slots, &nslots, &arena, &alen);
		if (put32(&b, (uint32_t)nslots) < 0 || put32(&b, (uint32_t)alen) < 0 ||
			buf_append(&b, zeros, (SAVE_ALIGN - b.len % SAVE_ALIGN) %
				SAVE_ALIGN) < 0 ||
			(nslots && buf_append(&b, (const char *)slots,
				nslots * sizeof(*slots)) < 0) ||
			(alen && buf_append(&b, arena, alen) < 0))
			goto nomem;
	}
	buf_finish(&strings);
	if (len)
		*len = b.len;
	return buf_steal(&b);
nomem:
	buf_finish(&b);
	buf_finish(&strings);
	return NULL;
}

/* A reader over saved bytes that refuses to read past their end. */
typedef struct reader {
	const char *start;
	const char *p;
	size_t left;
	bool bad;
} reader;

static uint32_t get32(reader *r)
{
	uint32_t v = 0;

	if (r->left < sizeof(v)) {
		r->bad = true;
		return 0;
	}
	memcpy(&v, r->p, sizeof(v));
	r->p += sizeof(v);
	r->left -= sizeof(v);
	return v;
}

static const char *get_bytes(reader *r, size_t n)
{
	const char *p = r->p;

	if (r->left < n) {
		r->bad = true;
		return NULL;
	}
	r->p += n;
	r->left -= n;
	return p;
}

/*
 * Whether the saved strings s[0..n) could have come from glossary files:
 * NUL-separated, valid UTF-8, none of the control characters a CSV field
 * refuses.  The rest of nsum counts on it.
 */
static bool saved_strings_ok(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;

		if (c < 0x80) {
			if ((c < 0x20 && c && c != '\t' && c != '\n' && c != '\r') ||
				c == 0x7F)
				return false;
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
			(utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
			return false;
		i += (size_t)k;
	}
	return true;
}

/*
 * The glossary saved in data[0..len), which it takes over (mapped: a file
 * mapping, else nsum_malloc'd; SAVE_ALIGN-aligned either way): entries and
 * maps point into it rather than copy it.  NULL when the bytes are not a
 * saved glossary with this tag; data is then released.
 */
static nsum_glossary *restore(void *data, size_t len, uint64_t tag,
	bool mapped)
{
	reader r = { data, data, len, false };
	nsum_glossary *g = nsum_glossary_create(NULL);
	const char *magic = get_bytes(&r, 8), *strings, *tagp;
	uint32_t nfiles, nentries, slen, flags;
	uint64_t saved;
	reader meta;
	size_t i, k;

	if (!g) {
		if (mapped)
			munmap(data, len);
		else
			nsum_free(data);
		return NULL;
	}
	g->saved = data;
	g->saved_len = len;
	g->mapped = mapped;
	if (!magic || memcmp(magic, SAVE_MAGIC, 8) != 0 || get32(&r) != save_abi())
		goto fail;
	tagp = get_bytes(&r, sizeof(saved));
	if (!tagp)
		goto fail;
	memcpy(&saved, tagp, sizeof(saved));
	nfiles = get32(&r);
	nentries = get32(&r);
	if (r.bad || saved != tag || nfiles > r.left / 4 ||
		nentries > r.left / 32 || nentries >= UINT32_MAX)
		goto fail;
	/* The offsets and fields, read on the second pass below. */
	meta = r;
	if (!get_bytes(&r, 4 * ((size_t)nfiles + 8 * (size_t)nentries)))
		goto fail;
	slen = get32(&r);
	strings = get_bytes(&r, slen);
	if (r.bad || (slen && strings[slen - 1] != '\0') ||
		(!slen && nfiles + nentries) || !saved_strings_ok(strings, slen))
		goto fail;
	g->files = mem_calloc((size_t)nfiles + 1, sizeof(*g->files));
	g->entries = nsum_malloc(((size_t)nentries + 1) * sizeof(*g->entries));
	if (!g->files || !g->entries)
		goto fail;
	g->cap = (size_t)nentries + 1;
	/* An offset must start one of the strings: the middle of one could be
	 * the middle of a character. */
	for (i = 0; i < nfiles; i++) {
		uint32_t off = get32(&meta);

		if (off >= slen || (off && strings[off - 1] != '\0'))
			goto fail;
		g->files[i] = mem_strndup(strings + off, strlen(strings + off));
		if (!g->files[i])
			goto fail;
		g->nfiles++;
	}
	for (i = 0; i < nentries; i++) {
		entry *en = &g->entries[i];
		const char **str[5] = { &en->pub.fr, &en->pub.en, &en->pub.note,
			&en->pub.pos, &en->pub.domain };

		for (k = 0; k < 5; k++) {
			uint32_t off = get32(&meta);

			if (off >= slen || (off && strings[off - 1] != '\0'))
				goto fail;
			*str[k] = strings + off;
		}
		en->block = NULL;
		en->pub.file = get32(&meta);
		en->pub.line = get32(&meta);
		flags = get32(&meta);
		en->pub.status = (nsum_gloss_status)(flags & 0xFF);
		en->pub.case_sensitive = (flags >> 8) & 1;
		if (en->pub.file >= nfiles || en->pub.status > NSUM_GLOSS_PROPOSED)
			goto fail;
		g->count++;
	}
	for (k = 0; k < KEY_KINDS; k++) {
		uint32_t nslots = get32(&r), alen = get32(&r);
		const char *slots, *arena;

		get_bytes(&r, (SAVE_ALIGN - (size_t)(r.p - r.start) % SAVE_ALIGN) %
			SAVE_ALIGN);
		if (r.bad || nslots > r.left / sizeof(strmap_entry))
			goto fail;
		slots = get_bytes(&r, (size_t)nslots * sizeof(strmap_entry));
		arena = get_bytes(&r, alen);
		/* Values are entry indexes plus one. */
		if (r.bad || strmap_borrow(&g->maps[k], (const strmap_entry *)slots,
			nslots, arena, alen, nentries) < 0)
			goto fail;
	}
	if (r.left)
		goto fail;
	return g;
fail:
	nsum_glossary_destroy(g);
	return NULL;
}

nsum_glossary *nsum_glossary_restore(const char *data, size_t len,
	uint64_t tag)
{
	/* A copy, aligned as the tables want it (malloc's alignment). */
	char *copy = nsum_malloc(len ? len : 1);

	if (!copy)
		return NULL;
	memcpy(copy, data, len);
	return restore(copy, len, tag, false);
}

nsum_glossary *nsum_glossary_restore_file(const char *path, uint64_t tag)
{
	struct stat st;
	void *data;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
		(uintmax_t)st.st_size > SIZE_MAX) {
		close(fd);
		return NULL;
	}
	data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (data == MAP_FAILED)
		return NULL;
	return restore(data, (size_t)st.st_size, tag, true);
}
