/*
 * Glossary files for editing (see nsum/glossary.h): the CSV rows with
 * their original bytes, so that a change rewrites only what it touches, and
 * the locked, atomic update of a file on disk.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "glossary/csv.h"
#include "glossary/key.h"
#include "nsum/file.h"
#include "nsum/glossary.h"
#include "util/buf.h"
#include "util/path.h"
#include "util/mem.h"

static const char *const standard_columns[] = {
	"fr", "en", "note", "pos", "domain", "status", "case",
};

typedef struct grow {
	char **cells;     /* owned */
	size_t count;
	size_t *pos;      /* line, column of each cell (2 per cell); NULL if new */
	char *raw;        /* the original bytes, line end included; NULL once
	                     changed, and for new rows */
	size_t rawlen;
	size_t line;      /* 0 for a new row */
} grow;

struct nsum_glossfile {
	grow header;
	grow *rows;
	size_t nrows;
	size_t cap;
	bool bom;         /* write a byte order mark back */
	bool crlf;        /* the file's line ends */
	bool widened;     /* columns were added: every row is re-encoded */
};

static void grow_finish(grow *r)
{
	size_t i;

	for (i = 0; i < r->count; i++)
		nsum_free(r->cells[i]);
	nsum_free(r->cells);
	nsum_free(r->pos);
	nsum_free(r->raw);
	memset(r, 0, sizeof(*r));
}

void nsum_glossfile_destroy(nsum_glossfile *f)
{
	size_t i;

	if (!f)
		return;
	grow_finish(&f->header);
	for (i = 0; i < f->nrows; i++)
		grow_finish(&f->rows[i]);
	nsum_free(f->rows);
	nsum_free(f);
}

/* Take over the cells of rec (their values are moved out). 0 or -1. */
static int grow_from(grow *r, csv_record *rec, const char *data)
{
	size_t i;

	memset(r, 0, sizeof(*r));
	r->cells = mem_calloc(rec->count + 1, sizeof(*r->cells));
	r->pos = mem_calloc(2 * rec->count + 2, sizeof(*r->pos));
	r->raw = mem_strndup(data + rec->start, rec->end - rec->start);
	if (!r->cells || !r->pos || !r->raw) {
		grow_finish(r);
		return -1;
	}
	r->rawlen = rec->end - rec->start;
	r->line = rec->line;
	for (i = 0; i < rec->count; i++) {
		r->cells[i] = rec->fields[i].value;
		rec->fields[i].value = NULL;
		r->pos[2 * i] = rec->fields[i].line;
		r->pos[2 * i + 1] = rec->fields[i].column;
	}
	r->count = rec->count;
	return 0;
}

static nsum_glossfile *empty_file(nsum_error *err)
{
	nsum_glossfile *f = mem_calloc(1, sizeof(*f));
	size_t i, n = sizeof(standard_columns) / sizeof(*standard_columns);

	if (!f)
		goto nomem;
	f->header.cells = mem_calloc(n, sizeof(char *));
	if (!f->header.cells)
		goto nomem;
	for (i = 0; i < n; i++) {
		f->header.cells[i] = mem_strndup(standard_columns[i],
			strlen(standard_columns[i]));
		if (!f->header.cells[i])
			goto nomem;
		f->header.count++;
	}
	return f;
nomem:
	nsum_glossfile_destroy(f);
	nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	return NULL;
}

nsum_glossfile *nsum_glossfile_create(nsum_error *err)
{
	return empty_file(err);
}

long nsum_glossfile_column_index(const nsum_glossfile *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->header.count; i++)
		if (strcmp(f->header.cells[i], name) == 0)
			return (long)i;
	return -1;
}

nsum_glossfile *nsum_glossfile_parse(const char *data, size_t len,
	const char *source, nsum_error *err)
{
	nsum_glossfile *f = NULL;
	csv_file csv;
	size_t i, j;
	long cfr, cen;

	if (csv_parse(data, len, source, &csv, err) != NSUM_OK)
		return NULL;
	if (csv.count == 0) {
		nsum_error_set(err, NSUM_EFORMAT, source, 1, 1,
			"empty glossary: expected a header row with fr and en columns");
		goto out;
	}
	f = mem_calloc(1, sizeof(*f));
	if (!f || grow_from(&f->header, &csv.records[0], data) < 0)
		goto nomem;
	f->bom = csv.bom;
	f->crlf = csv.crlf;
	for (i = 0; i < f->header.count; i++) {
		const char *name = f->header.cells[i];

		if (!name[0]) {
			nsum_error_set(err, NSUM_EFORMAT, source, f->header.pos[2 * i],
				f->header.pos[2 * i + 1], "empty column name in the header");
			goto fail;
		}
		for (j = 0; j < i; j++) {
			if (strcmp(f->header.cells[j], name) == 0) {
				nsum_error_set(err, NSUM_EFORMAT, source,
					f->header.pos[2 * i], f->header.pos[2 * i + 1],
					"column '%s' appears twice in the header", name);
				goto fail;
			}
		}
	}
	cfr = nsum_glossfile_column_index(f, "fr");
	cen = nsum_glossfile_column_index(f, "en");
	if (cfr < 0 || cen < 0) {
		nsum_error_set(err, NSUM_EFORMAT, source, f->header.line, 1,
			"the header has no '%s' column (a glossary needs fr and en)",
			cfr < 0 ? "fr" : "en");
		goto fail;
	}
	f->rows = mem_calloc(csv.count, sizeof(*f->rows));
	if (!f->rows)
		goto nomem;
	f->cap = csv.count;
	for (i = 1; i < csv.count; i++) {
		csv_record *rec = &csv.records[i];
		grow *r;

		if (rec->count != f->header.count) {
			size_t at = rec->count < f->header.count ? rec->count - 1 :
				f->header.count;

			nsum_error_set(err, NSUM_EFORMAT, source, rec->fields[at].line,
				rec->fields[at].column, "%zu field%s where the header has %zu",
				rec->count, rec->count == 1 ? "" : "s", f->header.count);
			goto fail;
		}
		r = &f->rows[f->nrows];
		if (grow_from(r, rec, data) < 0)
			goto nomem;
		f->nrows++;
		for (j = 0; j < 2; j++) {
			size_t c = (size_t)(j == 0 ? cfr : cen);

			if (!r->cells[c][0]) {
				nsum_error_set(err, NSUM_EFORMAT, source, r->pos[2 * c],
					r->pos[2 * c + 1], "empty '%s' cell",
					j == 0 ? "fr" : "en");
				goto fail;
			}
		}
	}
	goto out;
nomem:
	nsum_error_set(err, NSUM_ENOMEM, source, 0, 0, "out of memory");
fail:
	nsum_glossfile_destroy(f);
	f = NULL;
out:
	csv_file_finish(&csv);
	return f;
}

nsum_glossfile *nsum_glossfile_read(const char *path, bool missing_ok,
	nsum_error *err)
{
	nsum_glossfile *f;
	struct stat st;
	char *data = NULL;
	size_t len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		if (errno == ENOENT && missing_ok)
			return empty_file(err);
		nsum_error_set(err, NSUM_EIO, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		nsum_error_set(err, NSUM_EIO, path, 0, 0, "%s",
			S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno));
		close(fd);
		return NULL;
	}
	data = nsum_malloc((size_t)st.st_size + 1);
	if (!data) {
		close(fd);
		nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
		return NULL;
	}
	while (len < (size_t)st.st_size) {
		ssize_t r = read(fd, data + len, (size_t)st.st_size - len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	f = nsum_glossfile_parse(data, len, path, err);
	nsum_free(data);
	return f;
}

size_t nsum_glossfile_columns(const nsum_glossfile *f)
{
	return f->header.count;
}

const char *nsum_glossfile_column(const nsum_glossfile *f, size_t c)
{
	return c < f->header.count ? f->header.cells[c] : "";
}

size_t nsum_glossfile_rows(const nsum_glossfile *f)
{
	return f->nrows;
}

const char *nsum_glossfile_cell(const nsum_glossfile *f, size_t row,
	size_t col)
{
	const grow *r = &f->rows[row];

	return col < r->count ? r->cells[col] : "";
}

void nsum_glossfile_position(const nsum_glossfile *f, size_t row, size_t col,
	size_t *line, size_t *column)
{
	const grow *r = &f->rows[row];

	*line = *column = 0;
	if (r->pos && col < r->count) {
		*line = r->pos[2 * col];
		*column = r->pos[2 * col + 1];
	}
}

/* s lower-cased, accents removed, œ and æ spelled out, in b.  0 or -1. */
static int fold(const char *s, nsum_buf *b)
{
	buf_clear(b);
	return key_plain(b, s, strlen(s), true);
}

int nsum_glossfile_compare(const char *a, const char *b)
{
	nsum_buf fa, fb;
	int c;

	buf_init(&fa);
	buf_init(&fb);
	if (fold(a, &fa) < 0 || fold(b, &fb) < 0) {
		c = strcmp(a, b);
	} else {
		c = strcmp(fa.data ? fa.data : "", fb.data ? fb.data : "");
		if (c == 0)
			c = strcmp(a, b);
	}
	buf_finish(&fa);
	buf_finish(&fb);
	return c;
}

bool nsum_glossfile_sorted(const nsum_glossfile *f)
{
	long cfr = nsum_glossfile_column_index(f, "fr");
	size_t i;

	for (i = 1; i < f->nrows; i++)
		if (nsum_glossfile_compare(nsum_glossfile_cell(f, i - 1, (size_t)cfr),
			nsum_glossfile_cell(f, i, (size_t)cfr)) > 0)
			return false;
	return true;
}

/* Add a column named name at the end of the header.  Its index, or -1. */
static long add_column(nsum_glossfile *f, const char *name)
{
	char **cells = nsum_realloc(f->header.cells,
		(f->header.count + 1) * sizeof(*cells));
	char *copy = mem_strndup(name, strlen(name));

	if (cells)
		f->header.cells = cells;
	if (!cells || !copy) {
		nsum_free(copy);
		return -1;
	}
	f->header.cells[f->header.count++] = copy;
	nsum_free(f->header.raw);
	f->header.raw = NULL;
	f->widened = true;
	return (long)f->header.count - 1;
}

/* Give row r header-many cells (empty ones at the end).  0 or -1. */
static int widen(grow *r, size_t count)
{
	char **cells;

	if (r->count >= count)
		return 0;
	cells = nsum_realloc(r->cells, count * sizeof(*cells));
	if (!cells)
		return -1;
	r->cells = cells;
	while (r->count < count) {
		r->cells[r->count] = mem_strndup("", 0);
		if (!r->cells[r->count])
			return -1;
		r->count++;
	}
	return 0;
}

/* Add a row: in sorted place when sorted and the file is, else at the end. */
static nsum_status add_row(nsum_glossfile *f, const char *const *names,
	const char *const *values, size_t n, bool sorted, size_t *row,
	nsum_error *err)
{
	long cfr = nsum_glossfile_column_index(f, "fr");
	const char *fr = NULL, *en = NULL;
	size_t i, at;
	grow r;

	for (i = 0; i < n; i++) {
		if (strcmp(names[i], "fr") == 0)
			fr = values[i];
		else if (strcmp(names[i], "en") == 0)
			en = values[i];
	}
	if (sorted && (!fr || !fr[0] || !en || !en[0]))
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"a glossary entry needs a non-empty fr and en");
	if (!fr)
		fr = "";
	memset(&r, 0, sizeof(r));
	for (i = 0; i < n; i++)
		if (values[i][0] && nsum_glossfile_column_index(f, names[i]) < 0 &&
			add_column(f, names[i]) < 0)
			goto nomem;
	if (widen(&r, f->header.count) < 0)
		goto nomem;
	for (i = 0; i < n; i++) {
		long c = nsum_glossfile_column_index(f, names[i]);
		char *v;

		if (c < 0)
			continue;
		v = mem_strndup(values[i], strlen(values[i]));
		if (!v)
			goto nomem;
		nsum_free(r.cells[c]);
		r.cells[c] = v;
	}
	if (mem_grow((void **)&f->rows, &f->cap, f->nrows + 1, sizeof(*f->rows)) < 0)
		goto nomem;
	at = f->nrows;
	if (sorted && nsum_glossfile_sorted(f)) {
		size_t lo = 0, hi = f->nrows;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (nsum_glossfile_compare(f->rows[mid].cells[cfr], fr) <= 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		at = lo;
	}
	memmove(&f->rows[at + 1], &f->rows[at], (f->nrows - at) * sizeof(*f->rows));
	f->rows[at] = r;
	f->nrows++;
	if (row)
		*row = at;
	return NSUM_OK;
nomem:
	grow_finish(&r);
	return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
}

nsum_status nsum_glossfile_insert(nsum_glossfile *f, const char *const *names,
	const char *const *values, size_t n, size_t *row, nsum_error *err)
{
	return add_row(f, names, values, n, true, row, err);
}

nsum_status nsum_glossfile_append(nsum_glossfile *f, const char *const *names,
	const char *const *values, size_t n, nsum_error *err)
{
	return add_row(f, names, values, n, false, NULL, err);
}

nsum_status nsum_glossfile_set(nsum_glossfile *f, size_t row, size_t col,
	const char *value, nsum_error *err)
{
	grow *r = &f->rows[row];
	char *v;

	if (widen(r, f->header.count) < 0 || col >= r->count ||
		!(v = mem_strndup(value, strlen(value))))
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	nsum_free(r->cells[col]);
	r->cells[col] = v;
	nsum_free(r->raw);
	r->raw = NULL;
	return NSUM_OK;
}

void nsum_glossfile_remove(nsum_glossfile *f, size_t row)
{
	grow_finish(&f->rows[row]);
	memmove(&f->rows[row], &f->rows[row + 1],
		(f->nrows - row - 1) * sizeof(*f->rows));
	f->nrows--;
}

/* Append row r: its raw bytes if untouched, else re-encoded. 0 or -1. */
static int put_row(const nsum_glossfile *f, const grow *r, nsum_buf *b)
{
	size_t i;

	if (r->raw && !f->widened) {
		if (buf_append(b, r->raw, r->rawlen) < 0)
			return -1;
		if (r->rawlen && r->raw[r->rawlen - 1] == '\n')
			return 0;
		return buf_puts(b, f->crlf ? "\r\n" : "\n");
	}
	for (i = 0; i < f->header.count; i++) {
		const char *v = i < r->count ? r->cells[i] : "";

		if ((i && buf_putc(b, ',') < 0) || csv_append_field(b, v, strlen(v)) < 0)
			return -1;
	}
	return buf_puts(b, f->crlf ? "\r\n" : "\n");
}

char *nsum_glossfile_format(const nsum_glossfile *f, size_t *len)
{
	nsum_buf b;
	size_t i;

	buf_init(&b);
	if (f->bom && buf_puts(&b, "\xEF\xBB\xBF") < 0)
		goto nomem;
	if (put_row(f, &f->header, &b) < 0)
		goto nomem;
	for (i = 0; i < f->nrows; i++)
		if (put_row(f, &f->rows[i], &b) < 0)
			goto nomem;
	if (len)
		*len = b.len;
	return buf_steal(&b);
nomem:
	buf_finish(&b);
	return NULL;
}

nsum_status nsum_glossfile_update(const char *path, nsum_glossfile_edit_fn edit,
	void *ctx, nsum_error *err)
{
	nsum_glossfile *f = NULL;
	nsum_status st;
	nsum_buf dir;
	char *out;
	size_t len;
	int dfd;

	/*
	 * The lock is on the folder, not the file: the file is replaced by a
	 * rename, so a lock on it would guard an inode that is gone by the
	 * time the next writer gets it, and a missing file has no inode.
	 */
	buf_init(&dir);
	if (path_folder(path, &dir) < 0) {
		buf_finish(&dir);
		return nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
	}
	dfd = open(dir.data, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	buf_finish(&dir);
	if (dfd < 0)
		return nsum_error_set(err, NSUM_EIO, path, 0, 0,
			"cannot open its folder: %s", strerror(errno));
	while (flock(dfd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			st = nsum_error_set(err, NSUM_EIO, path, 0, 0,
				"cannot lock its folder: %s", strerror(errno));
			close(dfd);
			return st;
		}
	}
	f = nsum_glossfile_read(path, true, err);
	if (!f) {
		st = err ? err->status : NSUM_EFORMAT;
		goto out;
	}
	st = edit(f, ctx, err);
	if (st != NSUM_OK)
		goto out;
	out = nsum_glossfile_format(f, &len);
	if (!out) {
		st = nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
		goto out;
	}
	st = nsum_file_write_atomic(path, out, len, err);
	nsum_free(out);
out:
	nsum_glossfile_destroy(f);
	flock(dfd, LOCK_UN);
	close(dfd);
	return st;
}
