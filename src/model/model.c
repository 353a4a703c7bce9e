/*
 * Document-frequency models (see nsum/model.h): counting, merging, and the
 * text file format with errors that name the line and column.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "nsum/file.h"
#include "nsum/model.h"
#include "nsum/text.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/strmap.h"

#define MAGIC "nsum-model 1"

struct nsum_model {
	uint64_t documents;
	strmap df;        /* stem -> index into counts */
	uint64_t *counts; /* document frequency per stem */
	size_t cap;       /* capacity of counts */
};

nsum_model *nsum_model_create(nsum_error *err)
{
	nsum_model *m = mem_calloc(1, sizeof(*m));

	if (!m) {
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	strmap_init(&m->df);
	return m;
}

void nsum_model_destroy(nsum_model *m)
{
	if (!m)
		return;
	strmap_finish(&m->df);
	nsum_free(m->counts);
	nsum_free(m);
}

uint64_t nsum_model_documents(const nsum_model *m)
{
	return m->documents;
}

size_t nsum_model_stems(const nsum_model *m)
{
	return m->df.count;
}

uint64_t nsum_model_df(const nsum_model *m, const char *stem, size_t len)
{
	uint32_t i;

	if (!strmap_get(&m->df, stem, len, &i))
		return 0;
	return m->counts[i];
}

/* Index of stem, added with count 0 when new; UINT32_MAX on no memory. */
static uint32_t slot(nsum_model *m, const char *stem, size_t len)
{
	uint32_t i;

	if (strmap_get(&m->df, stem, len, &i))
		return i;
	if (mem_grow((void **)&m->counts, &m->cap, m->df.count + 1,
		sizeof(*m->counts)) < 0)
		return UINT32_MAX;
	i = strmap_intern(&m->df, stem, len);
	if (i != UINT32_MAX)
		m->counts[i] = 0;
	return i;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

nsum_status nsum_model_add_document(nsum_model *m, const char *const *stems,
	const size_t *lens, size_t n, nsum_error *err)
{
	uint32_t *idx = n ? nsum_malloc(n * sizeof(*idx)) : NULL;
	size_t i;

	if (n && !idx)
		goto nomem;
	for (i = 0; i < n; i++) {
		idx[i] = slot(m, stems[i], lens[i]);
		if (idx[i] == UINT32_MAX)
			goto nomem;
	}
	/* Count each stem once: sort the indexes, skip repeats. */
	if (n)
		qsort(idx, n, sizeof(*idx), cmp_u32);
	for (i = 0; i < n; i++)
		if (i == 0 || idx[i] != idx[i - 1])
			m->counts[idx[i]]++;
	m->documents++;
	nsum_free(idx);
	return NSUM_OK;
nomem:
	/* New stems may stay with a count of 0: they change no result. */
	nsum_free(idx);
	return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
}

nsum_status nsum_model_merge(nsum_model *into, const nsum_model *from,
	nsum_error *err)
{
	size_t it = 0;
	const char *key;
	size_t len;
	uint32_t v;

	if (into->documents > UINT64_MAX - from->documents)
		return nsum_error_set(err, NSUM_ELIMIT, NULL, 0, 0,
			"document count overflows");
	while (strmap_next(&from->df, &it, &key, &len, &v)) {
		uint32_t i = slot(into, key, len);

		if (i == UINT32_MAX)
			return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0,
				"out of memory");
		into->counts[i] += from->counts[v];
	}
	into->documents += from->documents;
	return NSUM_OK;
}

typedef struct entry {
	const char *key;
	size_t len;
	uint64_t df;
} entry;

static int cmp_entry(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->key, y->key, n);

	if (c)
		return c;
	return (x->len > y->len) - (x->len < y->len);
}

char *nsum_model_format(const nsum_model *m, size_t *len)
{
	entry *e = NULL;
	size_t n = 0, it = 0, i, klen;
	const char *key;
	uint32_t v;
	nsum_buf b;

	buf_init(&b);
	if (m->df.count) {
		e = nsum_malloc(m->df.count * sizeof(*e));
		if (!e)
			return NULL;
	}
	while (strmap_next(&m->df, &it, &key, &klen, &v)) {
		if (!m->counts[v])
			continue;
		e[n].key = key;
		e[n].len = klen;
		e[n].df = m->counts[v];
		n++;
	}
	if (n)
		qsort(e, n, sizeof(*e), cmp_entry);
	if (buf_printf(&b, MAGIC "\ndocuments %" PRIu64 "\nstems %zu\n",
		m->documents, n) < 0)
		goto nomem;
	for (i = 0; i < n; i++) {
		if (buf_append(&b, e[i].key, e[i].len) < 0 ||
			buf_printf(&b, "\t%" PRIu64 "\n", e[i].df) < 0)
			goto nomem;
	}
	nsum_free(e);
	*len = b.len;
	return buf_steal(&b);
nomem:
	nsum_free(e);
	buf_finish(&b);
	return NULL;
}

nsum_status nsum_model_write_file(const nsum_model *m, const char *path,
	nsum_error *err)
{
	size_t len;
	char *s = nsum_model_format(m, &len);
	nsum_status st;

	if (!s)
		return nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
	st = nsum_file_write_atomic(path, s, len, err);
	nsum_free(s);
	return st;
}

/*
 * Parse an unsigned decimal at s[*i..n) up to a delimiter; on success store
 * it in *out and move *i past the digits.  Returns false when there are no
 * digits or the value overflows.
 */
static bool parse_u64(const char *s, size_t n, size_t *i, uint64_t *out)
{
	uint64_t v = 0;
	size_t j = *i;

	while (j < n && s[j] >= '0' && s[j] <= '9') {
		unsigned d = (unsigned)(s[j] - '0');

		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
		j++;
	}
	if (j == *i)
		return false;
	*i = j;
	*out = v;
	return true;
}

/* Column (1-based, characters) of byte off within the line at line. */
static size_t column(const char *line, size_t off)
{
	size_t line_no, col;

	nsum_text_position(line, off, off, &line_no, &col);
	return col;
}

/* Read the "<word> <number>" header line at s[0..n).  0 or the bad column. */
static size_t header(const char *s, size_t n, const char *word, uint64_t *v)
{
	size_t w = strlen(word), i = w + 1;

	if (n < w + 2 || memcmp(s, word, w) != 0 || s[w] != ' ')
		return 1;
	if (!parse_u64(s, n, &i, v))
		return w + 2;
	if (i != n)
		return column(s, i);
	return 0;
}

nsum_model *nsum_model_read_file(const char *path, nsum_error *err)
{
	nsum_text text;
	nsum_model *m = NULL;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	uint64_t docs = 0, stems = 0, count = 0;
	size_t pos = 0, line = 0, prev = 0, prevlen = 0;
	bool have_prev = false;

	if (nsum_text_init_file(&text, path, NSUM_READ_ALLOW_EMPTY, err) != NSUM_OK)
		return NULL;
	m = nsum_model_create(err);
	if (!m)
		goto out;
	while (pos < text.len) {
		const char *s = text.data + pos;
		const char *nl = memchr(s, '\n', text.len - pos);
		size_t n = nl ? (size_t)(nl - s) : text.len - pos, bad;

		line++;
		pos += n + (nl != NULL);
		if (line == 1) {
			if (n != strlen(MAGIC) || memcmp(s, MAGIC, n) != 0) {
				nsum_error_set(err, NSUM_EFORMAT, name, 1, 1,
					"not an nsum model (expected \"" MAGIC "\")");
				goto fail;
			}
		} else if (line == 2) {
			if ((bad = header(s, n, "documents", &docs)) != 0) {
				nsum_error_set(err, NSUM_EFORMAT, name, 2, bad,
					"expected \"documents N\"");
				goto fail;
			}
		} else if (line == 3) {
			if ((bad = header(s, n, "stems", &stems)) != 0) {
				nsum_error_set(err, NSUM_EFORMAT, name, 3, bad,
					"expected \"stems N\"");
				goto fail;
			}
		} else {
			const char *tab = memchr(s, '\t', n);
			size_t i, klen;
			uint64_t df;
			uint32_t k;

			if (!tab || tab == s) {
				nsum_error_set(err, NSUM_EFORMAT, name, line,
					tab ? 1 : column(s, n),
					tab ? "empty stem" : "expected \"stem<TAB>count\"");
				goto fail;
			}
			klen = (size_t)(tab - s);
			i = klen + 1;
			if (!parse_u64(s, n, &i, &df) || i != n) {
				nsum_error_set(err, NSUM_EFORMAT, name, line,
					column(s, i), "expected a document count");
				goto fail;
			}
			if (df == 0 || df > docs) {
				nsum_error_set(err, NSUM_EFORMAT, name, line,
					column(s, klen + 1),
					"count %" PRIu64 " is not between 1 and the "
					"document count %" PRIu64, df, docs);
				goto fail;
			}
			if (have_prev) {
				entry a = { text.data + prev, prevlen, 0 };
				entry b = { s, klen, 0 };

				if (cmp_entry(&a, &b) >= 0) {
					nsum_error_set(err, NSUM_EFORMAT, name, line, 1,
						cmp_entry(&a, &b) == 0 ? "stem listed twice" :
						"stems out of order (the file must be sorted)");
					goto fail;
				}
			}
			k = slot(m, s, klen);
			if (k == UINT32_MAX) {
				nsum_error_set(err, NSUM_ENOMEM, name, 0, 0, "out of memory");
				goto fail;
			}
			m->counts[k] = df;
			prev = (size_t)(s - text.data);
			prevlen = klen;
			have_prev = true;
			count++;
		}
	}
	if (line < 3) {
		nsum_error_set(err, NSUM_EFORMAT, name, line + 1, 1,
			line == 0 ? "empty file, not an nsum model" :
			"truncated header");
		goto fail;
	}
	if (count != stems) {
		nsum_error_set(err, NSUM_EFORMAT, name, line, 0,
			"header announces %" PRIu64 " stems, file has %" PRIu64
			" (truncated?)", stems, count);
		goto fail;
	}
	m->documents = docs;
	goto out;
fail:
	nsum_model_destroy(m);
	m = NULL;
out:
	nsum_text_finish(&text);
	return m;
}
