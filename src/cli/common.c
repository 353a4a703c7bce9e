/*
 * Shared CLI helpers: messages, exit codes, output, option values, the
 * default model location, and the JSON-lines reader.
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

const char *cli_name = "nsum";

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s%s%s --help' for more information.\n",
		cli_name, cmd ? " " : "", cmd ? cmd : "");
	return EXIT_USAGE;
}

int cli_exit_code(nsum_status st)
{
	switch (st) {
	case NSUM_OK: return EXIT_OK;
	case NSUM_ENOMEM: return EXIT_NOMEM;
	case NSUM_EIO: return EXIT_IO;
	case NSUM_EENCODING:
	case NSUM_EBINARY:
	case NSUM_EFORMAT:
	case NSUM_ELIMIT: return EXIT_DATA;
	case NSUM_EEMPTY: return EXIT_EMPTY;
	case NSUM_EINVAL: return EXIT_USAGE;
	}
	return EXIT_DATA;
}

int cli_report(const nsum_error *err)
{
	char msg[NSUM_ERROR_SOURCE_MAX + NSUM_ERROR_TEXT_MAX + 64];

	cli_warn("%s", nsum_error_format(err, msg, sizeof(msg)));
	return cli_exit_code(err->status);
}

void cli_fail(int *code, int code_new)
{
	if (*code == EXIT_OK)
		*code = code_new;
}

bool cli_write(const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, stdout) != n) {
		cli_warn("cannot write the output: %s", strerror(errno));
		return false;
	}
	return true;
}

bool cli_parse_size(const char *cmd, const char *opt, const char *arg,
	size_t min, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	if (arg[0] < '0' || arg[0] > '9')
		goto bad;
	v = strtoull(arg, &end, 10);
	if (errno || *end || v < min || v > (unsigned long long)SIZE_MAX / 2)
		goto bad;
	*out = (size_t)v;
	return true;
bad:
	cli_usage_error(cmd, "%s must be an integer of at least %zu, not '%s'",
		opt, min, arg);
	return false;
}

bool cli_parse_double(const char *cmd, const char *opt, const char *arg,
	double lo, double hi, bool lo_open, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno || *end || end == arg || isnan(v) || v > hi ||
		(lo_open ? v <= lo : v < lo)) {
		cli_usage_error(cmd, "%s must be a number in %s%g, %g], not '%s'",
			opt, lo_open ? "(" : "[", lo, hi, arg);
		return false;
	}
	*out = v;
	return true;
}

bool cli_use_model(nsum_engine *engine, const char *path, bool no_model,
	int *code)
{
	char *default_model = NULL;
	nsum_model *m;
	nsum_error err;

	if (!path && !no_model)
		path = default_model = cli_default_model();
	if (!path)
		return true;
	nsum_error_init(&err);
	m = nsum_model_read_file(path, &err);
	free(default_model);
	if (!m) {
		*code = cli_report(&err);
		return false;
	}
	nsum_engine_set_model(engine, m);
	return true;
}

char *cli_default_model(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	struct stat st;
	char *path;
	size_t n;

	if (xdg && xdg[0] == '/') {
		n = strlen(xdg) + sizeof("/nsum/model");
		path = malloc(n);
		if (!path)
			return NULL;
		snprintf(path, n, "%s/nsum/model", xdg);
	} else if (home && home[0]) {
		n = strlen(home) + sizeof("/.local/share/nsum/model");
		path = malloc(n);
		if (!path)
			return NULL;
		snprintf(path, n, "%s/.local/share/nsum/model", home);
	} else {
		return NULL;
	}
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		free(path);
		return NULL;
	}
	return path;
}

bool jsonl_open(jsonl_reader *r, const char *path, nsum_error *err)
{
	memset(r, 0, sizeof(*r));
	if (strcmp(path, "-") == 0) {
		r->f = stdin;
		r->name = "<stdin>";
		return true;
	}
	r->f = fopen(path, "r");
	r->name = path;
	if (!r->f) {
		nsum_error_set(err, NSUM_EIO, path, 0, 0, "%s", strerror(errno));
		return false;
	}
	r->close = true;
	return true;
}

void jsonl_close(jsonl_reader *r)
{
	if (r->close && r->f)
		fclose(r->f);
	free(r->line);
	memset(r, 0, sizeof(*r));
}

static bool blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

nsum_status jsonl_parse(const char *line, size_t n, const char *name,
	size_t lineno, json_t **obj, nsum_error *err)
{
	json_error_t je;
	json_t *j;

	*obj = NULL;
	if (blank(line, n))
		return NSUM_EEMPTY;
	j = json_loadb(line, n, 0, &je);
	if (!j)
		return nsum_error_set(err, NSUM_EFORMAT, name, lineno,
			je.column > 0 ? (size_t)je.column : 1, "%s", je.text);
	if (!json_is_object(j)) {
		json_decref(j);
		return nsum_error_set(err, NSUM_EFORMAT, name, lineno, 1,
			"expected a JSON object on each line");
	}
	*obj = j;
	return NSUM_OK;
}

nsum_status jsonl_next(jsonl_reader *r, json_t **obj, nsum_error *err)
{
	for (;;) {
		ssize_t n;
		nsum_status st;

		errno = 0;
		n = getline(&r->line, &r->cap, r->f);
		if (n < 0) {
			if (ferror(r->f))
				return nsum_error_set(err, NSUM_EIO, r->name, r->lineno + 1,
					0, "%s", strerror(errno ? errno : EIO));
			return NSUM_EEMPTY;
		}
		r->lineno++;
		st = jsonl_parse(r->line, (size_t)n, r->name, r->lineno, obj, err);
		if (st != NSUM_EEMPTY)
			return st;
	}
}

/* The id of a JSONL item as a string: strings as they are, numbers printed. */
static char *item_id(json_t *id)
{
	char buf[64];

	if (json_is_string(id))
		return strdup(json_string_value(id));
	if (json_is_integer(id)) {
		snprintf(buf, sizeof(buf), "%lld", (long long)json_integer_value(id));
		return strdup(buf);
	}
	return NULL;
}

nsum_status jsonl_item_doc(nsum_engine *engine, json_t *obj, const char *name,
	size_t lineno, unsigned read_flags, nsum_doc **doc, nsum_error *err)
{
	json_t *jtext = json_object_get(obj, "text");
	json_t *jtitle = json_object_get(obj, "title");
	nsum_doc_options dopt;
	nsum_text text;
	nsum_status st;
	char *id;

	*doc = NULL;
	if (!json_is_string(jtext) || (jtitle && !json_is_string(jtitle) &&
		!json_is_null(jtitle)))
		return nsum_error_set(err, NSUM_EFORMAT, name, lineno, 0, "%s",
			!json_is_string(jtext) ? "\"text\" must be a string" :
			"\"title\" must be a string");
	id = item_id(json_object_get(obj, "id"));
	nsum_doc_options_default(&dopt);
	dopt.id = id;
	dopt.title = json_is_string(jtitle) ? json_string_value(jtitle) : NULL;
	st = nsum_text_init_bytes(&text, json_string_value(jtext),
		json_string_length(jtext), name, read_flags, err);
	if (st != NSUM_OK) {
		if (err) {
			err->line = lineno;
			err->column = 0;
		}
		free(id);
		return st;
	}
	*doc = nsum_doc_create(engine, name, &text, &dopt, err);
	free(id);
	if (!*doc)
		return err ? err->status : NSUM_ENOMEM;
	return NSUM_OK;
}

/*
 * The message of err as a JSON string.  The message may hold bytes that
 * are not UTF-8 -- a file name, or jansson's quote of the bad token, which
 * can stop in the middle of a character -- and a JSON string cannot: they
 * become U+FFFD (the read stage's lossy mode does it).
 */
static json_t *error_string(const nsum_error *err)
{
	char msg[NSUM_ERROR_SOURCE_MAX + NSUM_ERROR_TEXT_MAX + 64];
	nsum_text t;
	json_t *j;

	nsum_error_format(err, msg, sizeof(msg));
	j = json_string(msg);
	if (j)
		return j;
	if (nsum_text_init_bytes(&t, msg, strlen(msg),
		NULL, NSUM_READ_LOSSY | NSUM_READ_ALLOW_EMPTY, NULL) != NSUM_OK)
		return json_string(nsum_status_string(err->status));
	j = json_string(t.data);
	nsum_text_finish(&t);
	return j;
}

void jsonl_error_line(FILE *out, json_t *id, size_t line,
	const nsum_error *err)
{
	json_t *o = json_object();
	char *s;

	json_object_set_new(o, "line", json_integer((json_int_t)line));
	json_object_set(o, "id", id ? id : json_null());
	json_object_set_new(o, "error", error_string(err));
	s = json_dumps(o, JSON_COMPACT);
	if (s) {
		fprintf(out, "%s\n", s);
		free(s);
	}
	json_decref(o);
}

bool cli_fill_dict(nsum_dict *dict, char *const *paths, size_t n,
	const nsum_glossary *g, int *code)
{
	nsum_error err;
	size_t i;

	nsum_error_init(&err);
	for (i = 0; i < n; i++) {
		if (nsum_dict_load(dict, paths[i], &err) != NSUM_OK) {
			*code = cli_report(&err);
			return false;
		}
	}
	/* The glossary's own terms help compose ("grève des contrôleurs
	 * aériens" from "grève" and "contrôleur aérien"). */
	for (i = 0; g && i < nsum_glossary_count(g); i++) {
		const nsum_gloss_entry *e = nsum_glossary_entry(g, i);
		const char *bar = strstr(e->en, " | ");
		char *first = bar ? strndup(e->en, (size_t)(bar - e->en)) : NULL;

		if (bar && !first) {
			cli_warn("out of memory");
			*code = EXIT_NOMEM;
			return false;
		}
		if (nsum_dict_add(dict, e->fr, first ? first : e->en, e->pos,
			"glossary", &err) != NSUM_OK) {
			free(first);
			*code = cli_report(&err);
			return false;
		}
		free(first);
	}
	return true;
}
