/*
 * Shared pieces of the nsum command line: exit codes, messages, output.
 * The CLI only parses arguments, calls libnsum, prints, and maps errors to
 * exit codes; everything else is in the library.
 */
#ifndef NSUM_CLI_H
#define NSUM_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "nsum/nsum.h"

/* Exit codes (documented in nsum(1)). */
enum {
	EXIT_OK = 0,      /* success */
	EXIT_USAGE = 2,   /* bad command line: unknown option, bad value */
	EXIT_IO = 3,      /* a file could not be read or written */
	EXIT_DATA = 4,    /* invalid input: not UTF-8, binary, malformed JSON,
	                     model or CSV, too large */
	EXIT_EMPTY = 5,   /* an input holds no text */
	EXIT_NOMEM = 6,   /* out of memory */
};

/* The program name for messages ("nsum"). */
extern const char *cli_name;

/* "nsum: message" on stderr. */
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* A usage error: message, then a hint; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Print err as "nsum: file:line:col: text" and return its exit code. */
int cli_report(const nsum_error *err);

/* The exit code for a status. */
int cli_exit_code(nsum_status st);

/* Keep the first failure: *code = code unless it already holds one. */
void cli_fail(int *code, int code_new);

/*
 * Write n bytes to stdout; on failure print why once and return false.
 * Callers stop at the first failure and exit with EXIT_IO.
 */
bool cli_write(const char *s, size_t n);

/* Parse a positive integer option value; false (and a message) if bad. */
bool cli_parse_size(const char *cmd, const char *opt, const char *arg,
	size_t min, size_t *out);

/* Parse a number in [lo, hi]; false (and a message) if bad. */
bool cli_parse_double(const char *cmd, const char *opt, const char *arg,
	double lo, double hi, bool lo_open, double *out);

/*
 * The default model file: $XDG_DATA_HOME/nsum/model, else
 * ~/.local/share/nsum/model, if it exists; NULL otherwise.  Free with free().
 */
char *cli_default_model(void);

/*
 * Give engine the model at path, else (unless no_model) the default one
 * when it exists.  false, with the error reported and *code set, when the
 * model cannot be read.
 */
bool cli_use_model(nsum_engine *engine, const char *path, bool no_model,
	int *code);

/*
 * A JSON-lines reader: one JSON object per line of a file or stdin.
 */
typedef struct jsonl_reader {
	FILE *f;
	const char *name;  /* for messages */
	char *line;        /* getline buffer */
	size_t cap;
	size_t lineno;     /* 1-based number of the last line read */
	bool close;        /* f must be closed */
} jsonl_reader;

/* Open path ("-" for stdin).  false (and err) when it cannot be opened. */
bool jsonl_open(jsonl_reader *r, const char *path, nsum_error *err);
void jsonl_close(jsonl_reader *r);

/*
 * The next non-blank line parsed as a JSON object: NSUM_OK with *obj set
 * (caller decrefs), NSUM_EEMPTY at the end, NSUM_EFORMAT (err names the
 * line and column) for a line that is not a JSON object, NSUM_EIO on a read
 * error.  After NSUM_EFORMAT the reader goes on with the next line.
 */
struct json_t;
nsum_status jsonl_next(jsonl_reader *r, struct json_t **obj, nsum_error *err);

/*
 * Parse line[0..n) (line lineno of the JSON-lines input name) as
 * jsonl_next() does: NSUM_OK with *obj set (caller decrefs), NSUM_EEMPTY
 * for a blank line, NSUM_EFORMAT naming the line and column otherwise.
 */
nsum_status jsonl_parse(const char *line, size_t n, const char *name,
	size_t lineno, struct json_t **obj, nsum_error *err);

/*
 * Analyze the item obj {"id", "title", "text"} read from line lineno of
 * name: "text" must be a string, "title" a string, null or absent, and an
 * "id" string or integer is carried along.  NSUM_OK with a new *doc (free
 * with nsum_doc_destroy()); otherwise *doc is NULL and err says why:
 * NSUM_EFORMAT for a bad field, a read error (invalid UTF-8, empty text)
 * at line lineno, column 0, or a failure of nsum_doc_create().
 */
nsum_status jsonl_item_doc(nsum_engine *engine, struct json_t *obj,
	const char *name, size_t lineno, unsigned read_flags, nsum_doc **doc,
	nsum_error *err);

/*
 * Write to out the JSON line that stands for a failed item, so that the
 * output stays aligned with the input: {"line", "id", "error"}; id may be
 * NULL.
 */
void jsonl_error_line(FILE *out, struct json_t *id, size_t line,
	const nsum_error *err);

/*
 * Load the dictionaries paths[0..n) into dict, then the glossary g's terms
 * (g may be NULL), for proposing English.  false, with the error reported
 * and *code set, when one cannot be read.
 */
bool cli_fill_dict(nsum_dict *dict, char *const *paths, size_t n,
	const nsum_glossary *g, int *code);

/* Subcommands: argc/argv start at the subcommand's name. */
int cmd_summarize(int argc, char **argv);
int cmd_topic(int argc, char **argv);
int cmd_digest(int argc, char **argv);
int cmd_clean(int argc, char **argv);
int cmd_split(int argc, char **argv);
int cmd_model(int argc, char **argv);
int cmd_glossary(int argc, char **argv);
int cmd_eval(int argc, char **argv);

/*
 * The glossaries paths[0..n), or when n is 0 the installed one and the
 * user's own where they exist.  NULL with *code EXIT_OK when there is none
 * and required is false; NULL with an error reported and *code set
 * otherwise.  Free with nsum_glossary_destroy().
 */
nsum_glossary *cli_load_glossaries(char *const *paths, size_t n, bool required,
	int *code);

#endif
