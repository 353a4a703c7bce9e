/*
 * Bilingual dictionaries (see nsum/dict.h): dictd and TSV readers, lookups
 * by glossary key, and word-by-word composition of multi-word terms.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "glossary/key.h"
#include "nsum/dict.h"
#include "nsum/text.h"
#include "nsum/token.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/strmap.h"
#include "util/utf8.h"

/* English senses kept per headword and dictionary. */
#define SENSES_MAX 8

enum pos { POS_UNKNOWN = 0, POS_NOUN, POS_ADJ, POS_VERB, POS_OTHER };

typedef struct sense {
	uint32_t en;      /* offset of the English in the pool */
	uint32_t source;  /* index in sources */
	uint32_t next;    /* next sense of the headword + 1, or 0 */
	uint8_t pos;      /* parts of speech: bit (1 << enum pos) each */
} sense;

typedef struct head {
	uint32_t first;   /* first sense + 1 */
	uint32_t last;    /* last sense + 1 */
	uint32_t count;
	char *word;       /* the headword, lower-cased; owned */
	bool proper;      /* written with a capital (a name: "Allemagne") */
} head;

struct nsum_dict {
	strmap keys[2];   /* KEY_ACCENT and KEY_PLAIN key -> head index */
	head *heads;
	size_t nheads, hcap;
	sense *senses;
	size_t nsenses, scap;
	nsum_buf pool;    /* English strings, NUL-terminated, back to back */
	char **sources;   /* file names */
	size_t nsources;
};

nsum_dict *nsum_dict_create(nsum_error *err)
{
	nsum_dict *d = mem_calloc(1, sizeof(*d));

	if (!d) {
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	strmap_init(&d->keys[0]);
	strmap_init(&d->keys[1]);
	buf_init(&d->pool);
	/* Offset 0 stays the empty string. */
	if (buf_putc(&d->pool, '\0') < 0) {
		nsum_dict_destroy(d);
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	return d;
}

void nsum_dict_destroy(nsum_dict *d)
{
	size_t i;

	if (!d)
		return;
	strmap_finish(&d->keys[0]);
	strmap_finish(&d->keys[1]);
	for (i = 0; i < d->nheads; i++)
		nsum_free(d->heads[i].word);
	nsum_free(d->heads);
	nsum_free(d->senses);
	buf_finish(&d->pool);
	for (i = 0; i < d->nsources; i++)
		nsum_free(d->sources[i]);
	nsum_free(d->sources);
	nsum_free(d);
}

size_t nsum_dict_size(const nsum_dict *d)
{
	return d->nheads;
}

/* The base name of path. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/*
 * Whether the English en[0..n) explains rather than translates, as
 * Wiktionary glosses often do: "A surname", "feminine form of X",
 * "An inhabitant of some place", "pertaining to ...".
 */
static bool gloss_not_translation(const char *en, size_t n)
{
	static const char *const starts[] = {
		"a ", "A ", "an ", "An ", "the ", "The ", "feminine", "masculine",
		"plural", "singular", "pertaining", "relating", "of or ",
		"form of", "alternative", "female given", "male given", "given name",
		"surname", "abbreviation", "initialism", "acronym", "used ",
		"third-person", "first-person", "second-person", "past participle",
		"present participle", "inflection",
	};
	size_t i;

	for (i = 0; i < sizeof(starts) / sizeof(*starts); i++) {
		size_t k = strlen(starts[i]);

		if (n >= k && memcmp(en, starts[i], k) == 0)
			return true;
	}
	return false;
}

/*
 * Add one sense: the French headword fr[0..frlen), the English en[0..enlen)
 * (trimmed; empty or over-long ones are skipped), its part of speech.
 * 0 or -1 on no memory.
 */
static int add_sense(nsum_dict *d, const char *fr, size_t frlen,
	const char *en, size_t enlen, enum pos pos, uint32_t source)
{
	nsum_buf key;
	size_t nparts, k;
	uint32_t h;
	head *hd;
	sense *s;
	int rc = -1;

	while (enlen && (en[0] == ' ' || en[0] == '\t'))
		en++, enlen--;
	/* An explanation in brackets is not part of the translation:
	 * "cop (police officer)", "(cigarette) lighter". */
	{
		const char *p = memchr(en, '(', enlen), *q = memchr(en, '[', enlen);

		if (q && (!p || q < p))
			p = q;
		if (p == en) {
			const char *close = memchr(en, *en == '(' ? ')' : ']', enlen);

			if (close) {
				enlen -= (size_t)(close + 1 - en);
				en = close + 1;
				while (enlen && en[0] == ' ')
					en++, enlen--;
			}
		} else if (p) {
			enlen = (size_t)(p - en);
		}
	}
	while (enlen && (en[enlen - 1] == ' ' || en[enlen - 1] == '\t' ||
		en[enlen - 1] == '.' || en[enlen - 1] == ','))
		enlen--;
	if (!enlen || enlen > 40 || !frlen || gloss_not_translation(en, enlen))
		return 0;
	buf_init(&key);
	if (term_key(fr, frlen, KEY_ACCENT, &key, &nparts) < 0)
		goto out;
	if (!nparts) {
		rc = 0;
		goto out;
	}
	if (!strmap_get(&d->keys[0], key.data, key.len, &h)) {
		if (mem_grow((void **)&d->heads, &d->hcap, d->nheads + 1,
			sizeof(*d->heads)) < 0)
			goto out;
		h = (uint32_t)d->nheads;
		memset(&d->heads[h], 0, sizeof(head));
		buf_clear(&key);
		if (u8_lower_append(&key, fr, frlen) < 0)
			goto out;
		d->heads[h].word = mem_strndup(key.data, key.len);
		if (!d->heads[h].word)
			goto out;
		{
			int32_t cp;

			u8_decode(fr, frlen, 0, &cp);
			d->heads[h].proper = u8_is_upper(cp);
		}
		d->nheads++;
		for (k = 0; k < 2; k++) {
			if (term_key(fr, frlen, k ? KEY_PLAIN : KEY_ACCENT, &key,
				&nparts) < 0)
				goto out;
			if (!strmap_get(&d->keys[k], key.data, key.len, NULL) &&
				strmap_put(&d->keys[k], key.data, key.len, h) < 0)
				goto out;
		}
	}
	hd = &d->heads[h];
	if (hd->count >= SENSES_MAX) {
		rc = 0;
		goto out;
	}
	/* No duplicate English for one headword: the parts of speech merge
	 * ("ukrainien" is a noun and an adjective, "Ukrainian" both times). */
	for (k = hd->first; k; k = d->senses[k - 1].next) {
		const char *have = d->pool.data + d->senses[k - 1].en;

		if (strlen(have) == enlen && memcmp(have, en, enlen) == 0) {
			d->senses[k - 1].pos |= (uint8_t)(1u << pos);
			rc = 0;
			goto out;
		}
	}
	if (mem_grow((void **)&d->senses, &d->scap, d->nsenses + 1,
		sizeof(*d->senses)) < 0 || d->pool.len > UINT32_MAX - enlen - 1)
		goto out;
	s = &d->senses[d->nsenses];
	s->en = (uint32_t)d->pool.len;
	s->source = source;
	s->pos = (uint8_t)(1u << pos);
	s->next = 0;
	if (buf_append(&d->pool, en, enlen) < 0 || buf_putc(&d->pool, '\0') < 0)
		goto out;
	d->nsenses++;
	if (hd->last)
		d->senses[hd->last - 1].next = (uint32_t)d->nsenses;
	else
		hd->first = (uint32_t)d->nsenses;
	hd->last = (uint32_t)d->nsenses;
	hd->count++;
	rc = 0;
out:
	buf_finish(&key);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* dictd. */

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Decode a dictd base-64 number; false if a character is not base 64. */
static bool b64_number(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (!n || n > 10)
		return false;
	for (i = 0; i < n; i++) {
		const char *p = memchr(b64, s[i], 64);

		if (!p || !s[i])
			return false;
		v = v * 64 + (uint64_t)(p - b64);
	}
	*out = v;
	return true;
}

/* Read the whole (possibly gzip-compressed) file at path into *data. */
static nsum_status read_gz(const char *path, nsum_buf *data, nsum_error *err)
{
	gzFile f = gzopen(path, "rb");
	char chunk[65536];
	int n;

	if (!f)
		return nsum_error_set(err, NSUM_EIO, path, 0, 0, "%s",
			errno ? strerror(errno) : "cannot open");
	while ((n = gzread(f, chunk, sizeof(chunk))) > 0) {
		if (buf_append(data, chunk, (size_t)n) < 0) {
			gzclose(f);
			return nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
		}
	}
	if (n < 0) {
		int code;
		const char *msg = gzerror(f, &code);

		gzclose(f);
		return nsum_error_set(err, NSUM_EFORMAT, path, 0, 0,
			"cannot decompress: %s", msg);
	}
	gzclose(f);
	return NSUM_OK;
}

/* The part of speech in a FreeDict headword line ("<n, fem>", "<adj>"). */
static enum pos dictd_pos(const char *line, size_t n)
{
	const char *lt = memchr(line, '<', n);

	if (!lt)
		return POS_UNKNOWN;
	lt++;
	if (strncmp(lt, "adj", 3) == 0)
		return POS_ADJ;
	if (lt[0] == 'n' && (lt[1] == '>' || lt[1] == ',' || lt[1] == ' '))
		return POS_NOUN;
	if (lt[0] == 'v')
		return POS_VERB;
	return POS_OTHER;
}

/*
 * Add the senses of one dictd definition def[0..n): a headword line, then
 * lines of translations ("1. agreement, accord", "safety, security").
 */
static int dictd_entry(nsum_dict *d, const char *word, size_t wlen,
	const char *def, size_t n, uint32_t source)
{
	const char *nl = memchr(def, '\n', n);
	enum pos pos = dictd_pos(def, nl ? (size_t)(nl - def) : n);
	size_t i = nl ? (size_t)(nl - def) + 1 : n;

	while (i < n) {
		const char *line = def + i, *end = memchr(line, '\n', n - i);
		size_t len = end ? (size_t)(end - line) : n - i, a = 0, b;

		i += len + 1;
		/* "1. " numbering */
		while (a < len && line[a] >= '0' && line[a] <= '9')
			a++;
		if (a && a < len && line[a] == '.')
			a++;
		else
			a = 0;
		while (a < len) {
			for (b = a; b < len && line[b] != ',' && line[b] != ';'; b++)
				;
			if (add_sense(d, word, wlen, line + a, b - a, pos, source) < 0)
				return -1;
			a = b + 1;
		}
	}
	return 0;
}

static nsum_status load_dictd(nsum_dict *d, const char *index_path,
	uint32_t source, nsum_error *err)
{
	nsum_buf idx, dict, path;
	nsum_status st = NSUM_OK;
	size_t pos = 0, line = 0, k;
	const char *suffixes[] = { ".dict.dz", ".dict" };

	buf_init(&idx);
	buf_init(&dict);
	buf_init(&path);
	st = read_gz(index_path, &idx, err);
	if (st != NSUM_OK)
		goto out;
	for (k = 0; k < 2; k++) {
		buf_clear(&path);
		if (buf_append(&path, index_path, strlen(index_path) - 6) < 0 ||
			buf_puts(&path, suffixes[k]) < 0) {
			st = nsum_error_set(err, NSUM_ENOMEM, index_path, 0, 0, "out of memory");
			goto out;
		}
		if (access(path.data, R_OK) == 0)
			break;
	}
	if (k == 2) {
		st = nsum_error_set(err, NSUM_EIO, index_path, 0, 0,
			"no .dict.dz or .dict file beside the index");
		goto out;
	}
	st = read_gz(path.data, &dict, err);
	if (st != NSUM_OK)
		goto out;
	while (pos < idx.len) {
		const char *s = idx.data + pos, *nl = memchr(s, '\n', idx.len - pos);
		size_t n = nl ? (size_t)(nl - s) : idx.len - pos;
		const char *t1 = memchr(s, '\t', n), *t2;
		uint64_t off, len;

		line++;
		pos += n + 1;
		if (!n)
			continue;
		t2 = t1 ? memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - s)) : NULL;
		if (!t1 || !t2 || !b64_number(t1 + 1, (size_t)(t2 - t1 - 1), &off) ||
			!b64_number(t2 + 1, n - (size_t)(t2 + 1 - s), &len)) {
			st = nsum_error_set(err, NSUM_EFORMAT, index_path, line, 1,
				"expected \"headword<TAB>offset<TAB>length\" (dictd index)");
			goto out;
		}
		if (off > dict.len || len > dict.len - off) {
			st = nsum_error_set(err, NSUM_EFORMAT, index_path, line,
				(size_t)(t1 - s) + 2, "entry points past the end of %s",
				base_name(path.data));
			goto out;
		}
		if (n >= 2 && s[0] == '0' && s[1] == '0')
			continue; /* 00-database-... metadata */
		if (dictd_entry(d, s, (size_t)(t1 - s), dict.data + off, (size_t)len,
			source) < 0) {
			st = nsum_error_set(err, NSUM_ENOMEM, index_path, 0, 0, "out of memory");
			goto out;
		}
	}
out:
	buf_finish(&idx);
	buf_finish(&dict);
	buf_finish(&path);
	return st;
}

/* ---------------------------------------------------------------------- */
/* TSV lexicons. */

/* The part of speech in a TSV cell: adj, noun, verb, or a gender (m, f,
 * mf, m pl ...) for nouns, as Wiktionary exports write them. */
static enum pos tsv_pos(const char *s, size_t n)
{
	if (n >= 3 && (memcmp(s, "adj", 3) == 0))
		return POS_ADJ;
	if ((n >= 4 && memcmp(s, "noun", 4) == 0) ||
		(n >= 1 && n <= 4 && (s[0] == 'm' || s[0] == 'f' || s[0] == 'n')))
		return POS_NOUN;
	if (n >= 4 && memcmp(s, "verb", 4) == 0)
		return POS_VERB;
	return n ? POS_OTHER : POS_UNKNOWN;
}

/* The span of field k of the tab-separated line s[0..n). */
static bool field(const char *s, size_t n, size_t k, size_t *a, size_t *b)
{
	size_t i = 0, f = 0;

	while (f < k) {
		const char *t = memchr(s + i, '\t', n - i);

		if (!t)
			return false;
		i = (size_t)(t - s) + 1;
		f++;
	}
	*a = i;
	*b = i;
	while (*b < n && s[*b] != '\t')
		(*b)++;
	return true;
}

static nsum_status load_tsv(nsum_dict *d, const char *path, uint32_t source,
	nsum_error *err)
{
	nsum_text text;
	nsum_status st;
	size_t pos = 0, line = 0, cfr = SIZE_MAX, cen = SIZE_MAX, cpos = SIZE_MAX;

	st = nsum_text_init_file(&text, path, 0, err);
	if (st != NSUM_OK)
		return st;
	while (pos < text.len) {
		const char *s = text.data + pos, *nl = memchr(s, '\n', text.len - pos);
		size_t n = nl ? (size_t)(nl - s) : text.len - pos, a, b, k;

		line++;
		pos += n + 1;
		if (line == 1) {
			for (k = 0; field(s, n, k, &a, &b); k++) {
				if (b - a == 2 && memcmp(s + a, "fr", 2) == 0)
					cfr = k;
				else if ((b - a == 2 && memcmp(s + a, "en", 2) == 0) ||
					(b - a == 12 && memcmp(s + a, "en_prefLabel", 12) == 0))
					cen = k;
				else if (b - a == 3 && memcmp(s + a, "pos", 3) == 0)
					cpos = k;
			}
			if (cfr == SIZE_MAX || cen == SIZE_MAX) {
				st = nsum_error_set(err, NSUM_EFORMAT, path, 1, 1,
					"a TSV lexicon needs a header with 'fr' and 'en' "
					"(or 'en_prefLabel') columns");
				break;
			}
			continue;
		}
		if (!n)
			continue;
		{
			size_t fa, fb, ea, eb, pa = 0, pb = 0;

			if (!field(s, n, cfr, &fa, &fb) || !field(s, n, cen, &ea, &eb)) {
				st = nsum_error_set(err, NSUM_EFORMAT, path, line, 1,
					"fewer fields than the header names");
				break;
			}
			if (cpos != SIZE_MAX)
				field(s, n, cpos, &pa, &pb);
			/* An English cell may list senses: "peace; quiet". */
			while (ea < eb) {
				size_t e2 = ea;

				while (e2 < eb && s[e2] != ';')
					e2++;
				if (add_sense(d, s + fa, fb - fa, s + ea, e2 - ea,
					tsv_pos(s + pa, pb - pa), source) < 0) {
					st = nsum_error_set(err, NSUM_ENOMEM, path, 0, 0,
						"out of memory");
					break;
				}
				ea = e2 + 1;
			}
		}
		if (st != NSUM_OK)
			break;
	}
	nsum_text_finish(&text);
	return st;
}

/* The index of source name, added if new; UINT32_MAX on no memory. */
static uint32_t source_index(nsum_dict *d, const char *name)
{
	char **sources;
	size_t i;

	for (i = 0; i < d->nsources; i++)
		if (strcmp(d->sources[i], name) == 0)
			return (uint32_t)i;
	sources = nsum_realloc(d->sources, (d->nsources + 1) * sizeof(*sources));
	if (!sources)
		return UINT32_MAX;
	d->sources = sources;
	d->sources[d->nsources] = mem_strndup(name, strlen(name));
	if (!d->sources[d->nsources])
		return UINT32_MAX;
	return (uint32_t)d->nsources++;
}

nsum_status nsum_dict_add(nsum_dict *d, const char *fr, const char *en,
	const char *pos, const char *source, nsum_error *err)
{
	uint32_t src = source_index(d, source);

	if (src == UINT32_MAX || add_sense(d, fr, strlen(fr), en, strlen(en),
		tsv_pos(pos, strlen(pos)), src) < 0)
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	return NSUM_OK;
}

nsum_status nsum_dict_load(nsum_dict *d, const char *path, nsum_error *err)
{
	nsum_buf index;
	nsum_status st;

	if (source_index(d, base_name(path)) == UINT32_MAX)
		return nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
	buf_init(&index);
	if (ends_with(path, ".index")) {
		st = load_dictd(d, path, source_index(d, base_name(path)), err);
	} else if (ends_with(path, ".dict.dz") || ends_with(path, ".dict")) {
		size_t cut = strlen(path) - (ends_with(path, ".dz") ? 8 : 5);

		if (buf_append(&index, path, cut) < 0 || buf_puts(&index, ".index") < 0)
			st = nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
		else
			st = load_dictd(d, index.data, source_index(d, base_name(path)), err);
	} else {
		st = load_tsv(d, path, source_index(d, base_name(path)), err);
	}
	buf_finish(&index);
	return st;
}

/* ---------------------------------------------------------------------- */
/* Translation. */

/* Similarity of two strings into *score: Dice coefficient of their letter
 * bigrams, compared without accents and case (cognates score high).  0, or
 * -1 on no memory. */
static int cognate(const char *fr, const char *en, double *score)
{
	nsum_buf a, b;
	size_t i, j, hits = 0, na, nb;
	int rc = 0;

	*score = 0;
	buf_init(&a);
	buf_init(&b);
	if (term_key(fr, strlen(fr), KEY_PLAIN, &a, &na) < 0 ||
		u8_lower_append(&b, en, strlen(en)) < 0) {
		rc = -1;
		goto out;
	}
	na = a.len > 1 ? a.len - 1 : 0;
	nb = b.len > 1 ? b.len - 1 : 0;
	if (!na || !nb)
		goto out;
	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			if (a.data[i] == b.data[j] && a.data[i + 1] == b.data[j + 1]) {
				hits++;
				break;
			}
	*score = 2.0 * (double)hits / (double)(na + nb);
out:
	buf_finish(&a);
	buf_finish(&b);
	return rc;
}

/*
 * The head of the French word or term s[0..n) into *found, NULL if there
 * is none.  0, or -1 on no memory.
 */
static int find_head(const nsum_dict *d, const char *s, size_t n,
	const head **found)
{
	nsum_buf key;
	size_t nparts, k;
	uint32_t h;
	int rc = 0;

	*found = NULL;
	buf_init(&key);
	for (k = 0; k < 2 && !*found; k++) {
		if (term_key(s, n, k ? KEY_PLAIN : KEY_ACCENT, &key, &nparts) < 0) {
			rc = -1;
			break;
		}
		if (nparts && strmap_get(&d->keys[k], key.data, key.len, &h))
			*found = &d->heads[h];
	}
	buf_finish(&key);
	return rc;
}

/*
 * The best English of a head in the role pos (POS_UNKNOWN: any) into
 * *best: among the senses of that part of speech if there are any, the one
 * most like the French word, the dictionary's first on ties; NULL if none.
 * 0, or -1 on no memory.
 */
static int best_sense(const nsum_dict *d, const head *h, enum pos pos,
	const sense **best)
{
	double bs = -1;
	uint32_t k;
	bool any = false;

	*best = NULL;
	for (k = h->first; k && pos != POS_UNKNOWN; k = d->senses[k - 1].next)
		any = any || (d->senses[k - 1].pos & (1u << pos));
	for (k = h->first; k; k = d->senses[k - 1].next) {
		const sense *s = &d->senses[k - 1];
		double c;

		if (any && !(s->pos & (1u << pos)))
			continue;
		if (cognate(h->word, d->pool.data + s->en, &c) < 0)
			return -1;
		if (c > bs + 0.15 || !*best) {
			bs = c;
			*best = s;
		}
	}
	return 0;
}

/* Whether head h has a sense of part of speech pos. */
static bool has_pos(const nsum_dict *d, const head *h, enum pos pos)
{
	uint32_t k;

	for (k = h ? h->first : 0; k; k = d->senses[k - 1].next)
		if (d->senses[k - 1].pos & (1u << pos))
			return true;
	return false;
}

/* English plural of en in b (cheap rules: -y → -ies, -s/-x/-ch/-sh → -es). */
static int pluralize(nsum_buf *b, const char *en)
{
	size_t n = strlen(en);

	if (n > 1 && en[n - 1] == 'y' && !strchr("aeiou", en[n - 2]))
		return buf_append(b, en, n - 1) < 0 ? -1 : buf_puts(b, "ies");
	if (buf_puts(b, en) < 0)
		return -1;
	if ((n && (en[n - 1] == 's' || en[n - 1] == 'x')) ||
		(n > 1 && (strcmp(en + n - 2, "ch") == 0 || strcmp(en + n - 2, "sh") == 0)))
		return buf_puts(b, "es");
	return buf_putc(b, 's');
}

/* One word of a term: its bytes, its head (or NULL), whether plural. */
typedef struct tword {
	size_t start, end;
	const head *h;
	bool plural;
	bool connector;  /* de, du, des, d', la, l', le, les */
	bool elided;
	bool keep;       /* a name: kept as written */
	bool coord;      /* et, ou */
} tword;

static bool connector_word(const char *s, size_t n)
{
	static const char *const words[] = { "de", "du", "des", "la", "le", "les" };
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (strlen(words[i]) == n && strncmp(words[i], s, n) == 0)
			return true;
	return false;
}

/*
 * Append the English of word w in the role pos (a noun is pluralized if the
 * French is plural).
 */
static int word_en(const nsum_dict *d, const char *term, const tword *w,
	enum pos pos, nsum_buf *b)
{
	const sense *s = NULL;
	const char *en;
	size_t n;

	if (w->h && best_sense(d, w->h, pos, &s) < 0)
		return -1;
	if (!s || w->keep)
		return buf_append(b, term + w->start, w->end - w->start);
	en = d->pool.data + s->en;
	n = strlen(en);
	/* "(...)" and "[...]" explanations, and further senses after a comma,
	 * are not part of a translation. */
	if (strcspn(en, "([,") < n)
		n = strcspn(en, "([,");
	while (n && en[n - 1] == ' ')
		n--;
	if (w->plural && pos != POS_ADJ) {
		nsum_buf one;
		int rc;

		buf_init(&one);
		rc = buf_append(&one, en, n) < 0 ? -1 : pluralize(b, one.data ? one.data : "");
		buf_finish(&one);
		return rc;
	}
	return buf_append(b, en, n);
}

/*
 * Compose words[a..b) in English order into out: "X de Y" → "Y X", "noun
 * adjective" → "adjective noun", otherwise word by word.  0 or -1.
 */
static int compose(const nsum_dict *d, const char *term, const tword *w,
	size_t a, size_t b, nsum_buf *out)
{
	size_t i, k;

	/* A part the dictionaries hold whole ("contrôleurs aériens" in
	 * "grève des contrôleurs aériens") is translated whole. */
	if (b - a > 1) {
		const head *h;

		if (find_head(d, term + w[a].start, w[b - 1].end - w[a].start, &h) < 0)
			return -1;
		if (h) {
			tword whole = w[b - 1];

			whole.start = w[a].start;
			whole.h = h;
			whole.keep = false;
			return word_en(d, term, &whole, POS_NOUN, out);
		}
	}

	/* The first "de" (or elided d') splits head and complement. */
	for (i = a + 1; i < b; i++) {
		if (w[i].connector || w[i].elided) {
			size_t c = i;

			while (c < b && w[c].connector)
				c++;
			if (c >= b)
				break;
			if (compose(d, term, w, c, b, out) < 0 || buf_putc(out, ' ') < 0)
				return -1;
			return compose(d, term, w, a, i, out);
		}
	}
	/* Adjectives after a noun ("paix juste et durable", "Premier ministre
	 * britannique") go before it in English. */
	for (k = b; k > a + 1 && !w[k - 1].keep &&
		(w[k - 1].coord || has_pos(d, w[k - 1].h, POS_ADJ)); k--)
		;
	while (k < b && w[k].coord)
		k++;
	if (k < b && (w[k - 1].keep || has_pos(d, w[k - 1].h, POS_NOUN))) {
		bool coord = false;
		size_t j;

		/* Stacked adjectives reverse ("réseau social américain": American
		 * social network); coordinated ones keep their order. */
		for (j = k; j < b; j++)
			coord = coord || w[j].coord;
		for (j = 0; j < b - k; j++)
			if (word_en(d, term, &w[coord ? k + j : b - 1 - j], POS_ADJ, out) < 0 ||
				buf_putc(out, ' ') < 0)
				return -1;
		return compose(d, term, w, a, k, out);
	}
	for (k = a; k < b; k++)
		if ((k > a && buf_putc(out, ' ') < 0) ||
			word_en(d, term, &w[k], k + 1 == b ? POS_NOUN : POS_UNKNOWN, out) < 0)
			return -1;
	return 0;
}

/* Add candidate en (unless already there) to the list. */
static int add_candidate(nsum_dict_candidate **out, size_t *n, size_t *cap,
	const char *en, size_t len, const char *source)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strlen((*out)[i].en) == len && memcmp((*out)[i].en, en, len) == 0)
			return 0;
	if (mem_grow((void **)out, cap, *n + 1, sizeof(**out)) < 0)
		return -1;
	(*out)[*n].en = mem_strndup(en, len);
	if (!(*out)[*n].en)
		return -1;
	(*out)[*n].source = source;
	(*n)++;
	return 0;
}

nsum_status nsum_dict_translate(const nsum_dict *d, const char *term,
	size_t len, size_t max, nsum_dict_candidate **out, size_t *n,
	nsum_error *err)
{
	const head *h;
	tword *w = NULL;
	size_t nw = 0, wcap = 0, pos = 0, cap = 0;
	nsum_word word;
	nsum_buf b, low;
	bool all_known = true, names = true;

	*out = NULL;
	*n = 0;
	buf_init(&b);
	buf_init(&low);
	if (find_head(d, term, len, &h) < 0)
		goto nomem;
	if (h) {
		uint32_t k;
		const sense *best;

		if (best_sense(d, h, POS_UNKNOWN, &best) < 0)
			goto nomem;
		/* The most cognate sense first, then the others in order. */
		if (best && add_candidate(out, n, &cap, d->pool.data + best->en,
			strlen(d->pool.data + best->en), d->sources[best->source]) < 0)
			goto nomem;
		for (k = h->first; k && *n < max; k = d->senses[k - 1].next) {
			const char *en = d->pool.data + d->senses[k - 1].en;

			if (add_candidate(out, n, &cap, en, strlen(en),
				d->sources[d->senses[k - 1].source]) < 0)
				goto nomem;
		}
		goto done;
	}
	while (nsum_word_next(term, len, &pos, &word)) {
		tword *t;

		if (mem_grow((void **)&w, &wcap, nw + 1, sizeof(*w)) < 0)
			goto nomem;
		t = &w[nw++];
		t->start = word.start;
		t->end = word.end;
		t->elided = word.elided;
		buf_clear(&low);
		if (u8_lower_append(&low, term + word.start, word.end - word.start) < 0)
			goto nomem;
		t->connector = connector_word(low.data, low.len);
		t->coord = (low.len == 2 && memcmp(low.data, "et", 2) == 0) ||
			(low.len == 2 && memcmp(low.data, "ou", 2) == 0);
		t->h = NULL;
		if (!t->connector && find_head(d, term + word.start,
			word.end - word.start, &t->h) < 0)
			goto nomem;
		/* A capitalized word no dictionary knows is a name: it stays as
		 * written. */
		t->keep = word.capitalized && !t->h;
		names = names && (t->connector || word.capitalized);
		t->plural = low.len > 3 && (low.data[low.len - 1] == 's' ||
			low.data[low.len - 1] == 'x') && t->h &&
			strcmp(t->h->word, low.data) != 0;
		if (!t->connector && !t->h && !t->keep && word.kind != NSUM_WORD_NUMBER)
			all_known = false;
	}
	/* Only a term whose every word is known is composed; a term of
	 * capitalized words ("Emmanuel Macron", "Marine Le Pen") is a name and
	 * stays as it is. */
	if (nw > 0 && names) {
		if (add_candidate(out, n, &cap, term, len, "name") < 0)
			goto nomem;
	} else if (nw > 1 && all_known) {
		if (compose(d, term, w, 0, nw, &b) < 0 ||
			add_candidate(out, n, &cap, b.data, b.len, "composed") < 0)
			goto nomem;
	}
done:
	nsum_free(w);
	buf_finish(&b);
	buf_finish(&low);
	return NSUM_OK;
nomem:
	nsum_free(w);
	buf_finish(&b);
	buf_finish(&low);
	nsum_dict_candidates_free(*out, *n);
	*out = NULL;
	*n = 0;
	return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
}

void nsum_dict_candidates_free(nsum_dict_candidate *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		nsum_free(c[i].en);
	nsum_free(c);
}
