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
#include <libstemmer.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "glossary/key.h"
#include "nsum/glossary.h"
#include "nsum/lang.h"
#include "nsum/token.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/strmap.h"
#include "util/utf8.h"

typedef struct entry {
	nsum_gloss_entry pub;
	char *strings[5];   /* owned fr, en, note, pos, domain */
} entry;

struct nsum_glossary {
	entry *entries;
	size_t count;
	size_t cap;
	char **files;       /* paths, owned */
	size_t nfiles;
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
	size_t i;

	for (i = 0; i < 5; i++)
		nsum_free(e->strings[i]);
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

nsum_status nsum_glossary_load(nsum_glossary *g, const char *path,
	nsum_error *err)
{
	static const char *const names[5] = { "fr", "en", "note", "pos", "domain" };
	nsum_glossfile *f;
	nsum_buf key;
	strmap seen;
	long cols[7];
	size_t r, i, nparts;
	char **files;
	nsum_status st = NSUM_OK;

	f = nsum_glossfile_read(path, false, err);
	if (!f)
		return err ? err->status : NSUM_EFORMAT;
	for (i = 0; i < 5; i++)
		cols[i] = nsum_glossfile_column_index(f, names[i]);
	cols[5] = nsum_glossfile_column_index(f, "status");
	cols[6] = nsum_glossfile_column_index(f, "case");
	buf_init(&key);
	strmap_init(&seen);

	/* First every row is checked, so that a bad file changes nothing. */
	for (r = 0; r < nsum_glossfile_rows(f); r++) {
		nsum_gloss_status s;
		bool cs;
		size_t line, col;
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
		if (term_key(cell(f, r, cols[0]), strlen(cell(f, r, cols[0])),
			cs ? KEY_EXACT : KEY_ACCENT, &key, &nparts) < 0)
			goto nomem;
		nsum_glossfile_position(f, r, (size_t)cols[0], &line, &col);
		if (nparts == 0) {
			st = nsum_error_set(err, NSUM_EFORMAT, path, line, col,
				"'%s' has no word and can never match",
				cell(f, r, cols[0]));
			goto out;
		}
		/* Case-sensitive keys are told apart from folded ones. */
		if (buf_putc(&key, cs ? 'X' : 'F') < 0)
			goto nomem;
		if (strmap_get(&seen, key.data, key.len, &prev)) {
			size_t pline, pcol;

			nsum_glossfile_position(f, prev, (size_t)cols[0], &pline, &pcol);
			st = nsum_error_set(err, NSUM_EFORMAT, path, line, col,
				"'%s' is the same term as '%s' on line %zu",
				cell(f, r, cols[0]), cell(f, prev, cols[0]), pline);
			goto out;
		}
		if (strmap_put(&seen, key.data, key.len, (uint32_t)r) < 0)
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

	for (r = 0; r < nsum_glossfile_rows(f); r++) {
		const char *fr = cell(f, r, cols[0]);
		strmap *m;
		uint32_t v = 0;
		size_t idx, col;
		entry *en;
		bool cs = false;

		parse_case(cell(f, r, cols[6]), &cs);
		m = &g->maps[cs ? KEY_EXACT : KEY_ACCENT];
		if (term_key(fr, strlen(fr), cs ? KEY_EXACT : KEY_ACCENT, &key,
			&nparts) < 0)
			goto nomem;
		if (strmap_get(m, key.data, key.len, &v) && v) {
			/* An earlier file's entry: this one replaces it. */
			idx = v - 1;
			entry_finish(&g->entries[idx]);
		} else {
			if (mem_grow((void **)&g->entries, &g->cap, g->count + 1,
				sizeof(*g->entries)) < 0)
				goto nomem;
			idx = g->count++;
			memset(&g->entries[idx], 0, sizeof(entry));
		}
		en = &g->entries[idx];
		for (i = 0; i < 5; i++) {
			const char *v2 = cell(f, r, cols[i]);

			en->strings[i] = mem_strndup(v2, strlen(v2));
			if (!en->strings[i])
				goto nomem;
		}
		en->pub.fr = en->strings[0];
		en->pub.en = en->strings[1];
		en->pub.note = en->strings[2];
		en->pub.pos = en->strings[3];
		en->pub.domain = en->strings[4];
		nsum_gloss_status_parse(cell(f, r, cols[5]), &en->pub.status);
		en->pub.case_sensitive = cs;
		en->pub.file = g->nfiles - 1;
		nsum_glossfile_position(f, r, (size_t)cols[0], &en->pub.line, &col);
		if (index_key(m, &key, idx, true) < 0)
			goto nomem;
		if (!cs && (term_key(fr, strlen(fr), KEY_PLAIN, &key, &nparts) < 0 ||
			index_key(&g->maps[KEY_PLAIN], &key, idx, false) < 0))
			goto nomem;
	}
	goto out;
nomem:
	st = nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
out:
	buf_finish(&key);
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

long nsum_glossary_lookup(const nsum_glossary *g, const char *term,
	size_t len)
{
	nsum_gloss_match *m = NULL;
	size_t n = 0;
	long found = -1;

	/* The whole term must be one match: no word before or after it (an
	 * elided article is no word: "d'Orsay" is "Orsay"). */
	if (nsum_glossary_find(g, term, 0, len, &m, &n, NULL) != NSUM_OK)
		return -1;
	if (n == 1 && words_within(term, len, m[0].start, m[0].end))
		found = (long)m[0].entry;
	nsum_free(m);
	return found;
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

/* Whether every word of term is a French stopword. */
static bool only_function_words(const nsum_lang *lang, const char *term)
{
	size_t pos = 0, n = strlen(term), words = 0;
	nsum_word w;
	nsum_buf low;
	bool all = true;

	buf_init(&low);
	while (all && nsum_word_next(term, n, &pos, &w)) {
		words++;
		buf_clear(&low);
		if (u8_lower_append(&low, term + w.start, w.end - w.start) < 0)
			break;
		all = nsum_lang_is_stopword(lang, NSUM_LANG_FR, low.data, low.len);
	}
	buf_finish(&low);
	return words && all;
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
		bool cs = false;

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
		if (only_function_words(lang, fr))
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
			long o = nsum_glossary_lookup(other, fr, strlen(fr));

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
