/*
 * RFC 4180 CSV, read so that it can be written back byte for byte.
 *
 * The parser keeps each record's raw bytes (its line end included) beside
 * the unescaped cells, so that a tool rewriting a file can copy untouched
 * records as they were and re-encode only what it changed.  Fields are
 * separated by commas and records by LF or CRLF; a quoted field may hold
 * commas, quotes (doubled) and line breaks.  Every problem is reported with
 * the line and column (in characters) where it starts: an unterminated or
 * stray quote, text after a closing quote, a control character, invalid
 * UTF-8.  Field counts are checked by the caller, who knows the header.
 */
#ifndef NSUM_GLOSSARY_CSV_H
#define NSUM_GLOSSARY_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "nsum/error.h"

typedef struct csv_field {
	char *value;       /* unescaped, NUL-terminated; owned */
	size_t len;
	size_t line;       /* where the field starts (1-based) */
	size_t column;     /*   in characters */
	bool quoted;
} csv_field;

typedef struct csv_record {
	size_t start;      /* first byte of the record in the data */
	size_t end;        /* one past its line end (or the data's end) */
	size_t line;       /* 1-based line where it starts */
	csv_field *fields; /* owned */
	size_t count;
} csv_record;

typedef struct csv_file {
	csv_record *records; /* owned; blank lines are not records */
	size_t count;
	size_t cap;
	bool bom;            /* the data began with a UTF-8 byte order mark */
	bool crlf;           /* the first record ends with CRLF */
} csv_file;

/*
 * Parse data[0..len) into *out (initialized here).  source names the input
 * in errors.  Returns NSUM_OK, NSUM_EFORMAT or NSUM_EENCODING (err says
 * where), or NSUM_ENOMEM; on failure *out is empty.  Free with
 * csv_file_finish().
 */
nsum_status csv_parse(const char *data, size_t len, const char *source,
	csv_file *out, nsum_error *err);

void csv_file_finish(csv_file *f);

/*
 * Append one field to b, quoted only when it must be (it holds a comma, a
 * quote, a line break, or leading or trailing space).  0 or -1 on no memory.
 */
struct nsum_buf;
int csv_append_field(struct nsum_buf *b, const char *s, size_t n);

#endif
