/*
 * RFC 4180 CSV reader and field writer (see csv.h).  One pass over the
 * bytes; the state machine is the usual one (field start, unquoted,
 * quoted, quote inside quoted).
 */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "glossary/csv.h"
#include "util/buf.h"
#include "util/mem.h"

typedef struct parser {
	const char *s;
	size_t n;
	size_t i;          /* current byte */
	size_t line;       /* line of byte i */
	size_t col;        /* column (characters) of byte i */
	const char *source;
	nsum_error *err;
	nsum_buf value;    /* the field being read */
	csv_record rec;    /* the record being read */
	size_t fcap;
} parser;

static nsum_status fail(parser *p, size_t line, size_t col, nsum_status st,
	const char *msg)
{
	return nsum_error_set(p->err, st, p->source, line, col, "%s", msg);
}

/*
 * Check the character at p->i: valid UTF-8, not a control character (tab,
 * and line breaks inside quotes, are fine).  Returns its length, 0 after
 * setting an error.
 */
static size_t check_char(parser *p, bool in_quotes)
{
	unsigned char c = (unsigned char)p->s[p->i];
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	if (c < 0x80) {
		if ((c < 0x20 && c != '\t' && !(in_quotes && (c == '\n' || c == '\r'))) ||
			c == 0x7F) {
			fail(p, p->line, p->col, NSUM_EFORMAT,
				"control character in a field");
			return 0;
		}
		return 1;
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)p->s + p->i,
		(utf8proc_ssize_t)(p->n - p->i), &cp);
	if (k <= 0) {
		nsum_error_set(p->err, NSUM_EENCODING, p->source, p->line, p->col,
			"invalid UTF-8 byte 0x%02X", c);
		return 0;
	}
	if ((cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
		fail(p, p->line, p->col, NSUM_EFORMAT, "control character in a field");
		return 0;
	}
	return (size_t)k;
}

/*
 * The length of the run of plain ASCII at p->i (printable, no comma, quote
 * or line break): bytes that need no check and count one column each.
 */
static size_t plain_run(const parser *p, bool comma_ends)
{
	size_t j = p->i;

	while (j < p->n) {
		unsigned char c = (unsigned char)p->s[j];

		if (c < 0x20 || c >= 0x7F || c == '"' || (comma_ends && c == ','))
			break;
		j++;
	}
	return j - p->i;
}

/* Move past k bytes of one character, keeping line and column. */
static void advance(parser *p, size_t k)
{
	if (p->s[p->i] == '\n') {
		p->line++;
		p->col = 1;
	} else if (!(p->s[p->i] == '\r' && p->i + 1 < p->n && p->s[p->i + 1] == '\n')) {
		p->col++;
	}
	p->i += k;
}

static int add_field(parser *p, size_t line, size_t col, bool quoted)
{
	csv_field *f;

	if (mem_grow((void **)&p->rec.fields, &p->fcap, p->rec.count + 1,
		sizeof(*p->rec.fields)) < 0)
		return -1;
	f = &p->rec.fields[p->rec.count];
	f->value = mem_strndup(p->value.data ? p->value.data : "", p->value.len);
	if (!f->value)
		return -1;
	f->len = p->value.len;
	f->line = line;
	f->column = col;
	f->quoted = quoted;
	p->rec.count++;
	buf_clear(&p->value);
	return 0;
}

static void record_free(csv_record *r)
{
	size_t i;

	for (i = 0; i < r->count; i++)
		nsum_free(r->fields[i].value);
	nsum_free(r->fields);
	memset(r, 0, sizeof(*r));
}

/* Whether the line starting at p->i is empty (only a line end or EOF). */
static bool blank_line(const parser *p)
{
	return p->i >= p->n || p->s[p->i] == '\n' ||
		(p->s[p->i] == '\r' && p->i + 1 < p->n && p->s[p->i + 1] == '\n');
}

/*
 * Read one record starting at p->i into p->rec.  Returns NSUM_OK and leaves
 * p->i after its line end.
 */
static nsum_status read_record(parser *p)
{
	nsum_status st = NSUM_OK;

	p->rec.start = p->i;
	p->rec.line = p->line;
	for (;;) {
		size_t fline = p->line, fcol = p->col, k;
		bool quoted = false;

		if (p->i < p->n && p->s[p->i] == '"') {
			quoted = true;
			advance(p, 1);
			for (;;) {
				if (p->i >= p->n)
					return fail(p, fline, fcol, NSUM_EFORMAT,
						"unterminated quoted field");
				k = plain_run(p, false);
				if (k) {
					if (buf_append(&p->value, p->s + p->i, k) < 0)
						goto nomem;
					p->i += k;
					p->col += k;
					continue;
				}
				if (p->s[p->i] == '"') {
					if (p->i + 1 < p->n && p->s[p->i + 1] == '"') {
						if (buf_putc(&p->value, '"') < 0)
							goto nomem;
						advance(p, 1);
						advance(p, 1);
						continue;
					}
					advance(p, 1);
					break;
				}
				k = check_char(p, true);
				if (!k)
					return p->err ? p->err->status : NSUM_EFORMAT;
				/* Line breaks inside a field are kept as LF. */
				if (p->s[p->i] == '\r' && p->i + 1 < p->n && p->s[p->i + 1] == '\n') {
					advance(p, 1);
					continue;
				}
				if (buf_append(&p->value, p->s + p->i, k) < 0)
					goto nomem;
				advance(p, k);
			}
			if (p->i < p->n && p->s[p->i] != ',' && !blank_line(p))
				return fail(p, p->line, p->col, NSUM_EFORMAT,
					"text after the closing quote of a field");
		} else {
			while (p->i < p->n && p->s[p->i] != ',' && !blank_line(p)) {
				k = plain_run(p, true);
				if (k) {
					if (buf_append(&p->value, p->s + p->i, k) < 0)
						goto nomem;
					p->i += k;
					p->col += k;
					continue;
				}
				if (p->s[p->i] == '"')
					return fail(p, p->line, p->col, NSUM_EFORMAT,
						"stray quote in an unquoted field (quote the "
						"field and double the quote)");
				k = check_char(p, false);
				if (!k)
					return p->err ? p->err->status : NSUM_EFORMAT;
				if (buf_append(&p->value, p->s + p->i, k) < 0)
					goto nomem;
				advance(p, k);
			}
		}
		if (add_field(p, fline, fcol, quoted) < 0)
			goto nomem;
		if (p->i < p->n && p->s[p->i] == ',') {
			advance(p, 1);
			continue;
		}
		break;
	}
	/* The line end. */
	if (p->i < p->n && p->s[p->i] == '\r')
		p->i++;
	if (p->i < p->n && p->s[p->i] == '\n') {
		p->i++;
		p->line++;
		p->col = 1;
	}
	p->rec.end = p->i;
	return st;
nomem:
	return nsum_error_set(p->err, NSUM_ENOMEM, p->source, 0, 0, "out of memory");
}

nsum_status csv_parse(const char *data, size_t len, const char *source,
	csv_file *out, nsum_error *err)
{
	parser p;
	nsum_status st = NSUM_OK;

	memset(out, 0, sizeof(*out));
	memset(&p, 0, sizeof(p));
	p.s = data;
	p.n = len;
	p.line = 1;
	p.col = 1;
	p.source = source;
	p.err = err;
	buf_init(&p.value);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		out->bom = true;
		p.i = 3;
	}
	while (p.i < p.n) {
		if (blank_line(&p)) {
			/* A blank line is not a record (and not an error). */
			if (p.s[p.i] == '\r')
				p.i++;
			p.i++;
			p.line++;
			p.col = 1;
			continue;
		}
		st = read_record(&p);
		if (st != NSUM_OK)
			break;
		if (out->count == 0)
			out->crlf = p.rec.end >= 2 && data[p.rec.end - 1] == '\n' &&
				data[p.rec.end - 2] == '\r';
		if (mem_grow((void **)&out->records, &out->cap, out->count + 1,
			sizeof(*out->records)) < 0) {
			st = nsum_error_set(err, NSUM_ENOMEM, source, 0, 0, "out of memory");
			break;
		}
		out->records[out->count++] = p.rec;
		memset(&p.rec, 0, sizeof(p.rec));
		p.fcap = 0;
	}
	record_free(&p.rec);
	buf_finish(&p.value);
	if (st != NSUM_OK)
		csv_file_finish(out);
	return st;
}

void csv_file_finish(csv_file *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->count; i++)
		record_free(&f->records[i]);
	nsum_free(f->records);
	memset(f, 0, sizeof(*f));
}

int csv_append_field(nsum_buf *b, const char *s, size_t n)
{
	bool quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
	size_t i;

	for (i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
	if (!quote)
		return buf_append(b, s, n);
	if (buf_putc(b, '"') < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] == '"' && buf_putc(b, '"') < 0)
			return -1;
		if (buf_putc(b, s[i]) < 0)
			return -1;
	}
	return buf_putc(b, '"');
}
