/*
 * `nsum glossary ...`: keep the French-English glossary.
 *
 *   list, lookup, add, remove, check, suggest, export, import
 *
 * Commands that read take any number of --glossary FILE (default: the
 * installed glossary and the user's own, $XDG_DATA_HOME/nsum/glossary.csv,
 * when present).  Commands that write take one (default: the user's own,
 * created when missing) and change it under a lock, atomically.
 */
#define _XOPEN_SOURCE 700 /* realpath() */

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/paths.h"
#include "nsum/dict.h"
#include "nsum/glossary.h"

/* Exit status of a negative answer: no such entry, already there, a
 * conflict (documented in nsum(1)). */
#define EXIT_NO 1

static const char usage[] =
	"Usage: nsum glossary COMMAND [OPTIONS] ...\n"
	"\n"
	"  list                         every entry (-f json: every cell)\n"
	"  lookup TERM                  a term, French or English, any inflection\n"
	"  add FR EN [--note N] [--pos P] [--domain D] [--status S] [--case]\n"
	"  remove FR\n"
	"  check                        problems, as file:line:column messages\n"
	"  suggest FILE... [--dict D]   key terms of articles the glossary lacks,\n"
	"                               as CSV rows to review and append\n"
	"  export -f deepl|tsv|tbx      for DeepL, OmegaT, TBX tools\n"
	"  import FILE [-f csv|deepl|tsv|tbx]\n"
	"\n"
	"  -g, --glossary FILE  the glossary (repeatable for list, lookup,\n"
	"                       check, suggest, export; one for add, remove,\n"
	"                       import).  Default: the installed glossary and\n"
	"                       ~/.local/share/nsum/glossary.csv; add, remove and\n"
	"                       import write the latter.\n"
	"  -f, --format FMT     list, lookup: text or json; export, import:\n"
	"                       the exchange format\n"
	"  -d, --dict FILE      suggest: a FreeDict .index (dictd) or a TSV\n"
	"                       lexicon with fr and en columns (repeatable)\n"
	"  -t, --terms N        suggest: key terms per article (default 20)\n"
	"  -o, --output FILE    export: write to FILE, atomically\n"
	"  -h, --help           this help\n"
	"\n"
	"Exit status: 0 ok, 1 not found / already there / conflicts,\n"
	"2 usage, 3 read/write error, 4 invalid glossary or input.\n";

enum {
	OPT_NOTE = 256, OPT_POS, OPT_DOMAIN, OPT_STATUS, OPT_CASE, OPT_LOSSY,
};

static const struct option long_options[] = {
	{ "glossary", required_argument, NULL, 'g' },
	{ "format", required_argument, NULL, 'f' },
	{ "dict", required_argument, NULL, 'd' },
	{ "terms", required_argument, NULL, 't' },
	{ "output", required_argument, NULL, 'o' },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "pos", required_argument, NULL, OPT_POS },
	{ "domain", required_argument, NULL, OPT_DOMAIN },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "case", no_argument, NULL, OPT_CASE },
	{ "lossy", no_argument, NULL, OPT_LOSSY },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

typedef struct gopts {
	const char *cmd;           /* "list", "add" ... */
	char **glossaries;         /* --glossary, in order */
	size_t nglossaries;
	char **dicts;
	size_t ndicts;
	const char *format;
	const char *output;
	const char *note, *pos, *domain, *status;
	bool case_sensitive;
	size_t terms;
	unsigned read_flags;
	char *installed;           /* default paths, owned */
	char *user;
} gopts;

static void gopts_finish(gopts *o)
{
	free(o->glossaries);
	free(o->dicts);
	free(o->installed);
	free(o->user);
}

static int push_path(char ***v, size_t *n, char *path)
{
	char **p = realloc(*v, (*n + 1) * sizeof(**v));

	if (!p)
		return -1;
	*v = p;
	(*v)[(*n)++] = path;
	return 0;
}

/* FNV-1a over n bytes, continuing from h. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= c[i];
		h *= 1099511628211ull;
	}
	return h;
}

/*
 * The cache of the glossaries list[0..n): its file in *cache (free()) and
 * the tag that says which versions of the files it holds: their paths,
 * devices, inodes, sizes and times.  false when a file cannot be examined
 * or caching is off (NSUM_NO_CACHE set).  *fresh: a file changed in the
 * last seconds, so that a second change within its clock's tick (up to 2 s
 * on some file systems) could keep the same times: such files are not
 * cached, as git does with its index.
 */
static bool cache_of(const char *const *list, size_t n, char **cache,
	uint64_t *tag, bool *fresh)
{
	uint64_t name = 1469598103934665603ull, t = name;
	time_t now = time(NULL);
	char file[64];
	size_t i;

	*cache = NULL;
	*fresh = false;
	if (getenv("NSUM_NO_CACHE"))
		return false;
	for (i = 0; i < n; i++) {
		struct stat st;
		char *real = realpath(list[i], NULL);
		uint64_t id[7];

		if (!real || stat(real, &st) != 0) {
			free(real);
			return false;
		}
		name = fnv(name, real, strlen(real) + 1);
		id[0] = (uint64_t)st.st_dev;
		id[1] = (uint64_t)st.st_ino;
		id[2] = (uint64_t)st.st_size;
		id[3] = (uint64_t)st.st_mtim.tv_sec;
		id[4] = (uint64_t)st.st_mtim.tv_nsec;
		id[5] = (uint64_t)st.st_ctim.tv_sec;
		id[6] = (uint64_t)st.st_ctim.tv_nsec;
		t = fnv(fnv(t, real, strlen(real) + 1), id, sizeof(id));
		if (st.st_mtim.tv_sec >= now - 2 || st.st_ctim.tv_sec >= now - 2)
			*fresh = true;
		free(real);
	}
	snprintf(file, sizeof(file), "glossary-%016llx.bin", (unsigned long long)name);
	*cache = paths_cache_file(file, false);
	*tag = t;
	return *cache != NULL;
}

/*
 * The glossaries to read: paths[0..n), or when n is 0 the installed
 * glossary and the user's own, those that exist.  Returns the loaded
 * glossary, or NULL with *code set: EXIT_OK when no default exists and
 * required is false, otherwise an error already reported.  A glossary once
 * loaded is saved in the user's cache folder, so that the next run with
 * the same unchanged files reads it back at once.
 */
nsum_glossary *cli_load_glossaries(char *const *paths, size_t n, bool required,
	int *code)
{
	char *installed = n ? NULL : paths_installed_glossary();
	char *user = n ? NULL : paths_user_file("glossary.csv", false);
	char *cache = NULL;
	const char *defaults[2];
	const char *const *list = (const char *const *)paths;
	nsum_glossary *g = NULL;
	nsum_error err;
	uint64_t tag = 0;
	size_t i, count = n;
	bool cached, fresh;

	*code = EXIT_OK;
	if (!n) {
		if (installed)
			defaults[count++] = installed;
		if (user && paths_exists(user))
			defaults[count++] = user;
		list = defaults;
		if (!count) {
			if (required)
				*code = cli_usage_error("glossary", "no glossary found: "
					"give --glossary FILE (or set NSUM_DATADIR)");
			goto out;
		}
	}
	cached = cache_of(list, count, &cache, &tag, &fresh);
	if (cached && (g = nsum_glossary_restore_file(cache, tag)) != NULL)
		goto out;
	nsum_error_init(&err);
	g = nsum_glossary_create(&err);
	for (i = 0; g && i < count; i++) {
		if (nsum_glossary_load(g, list[i], &err) != NSUM_OK) {
			nsum_glossary_destroy(g);
			g = NULL;
		}
	}
	if (!g) {
		*code = cli_report(&err);
		goto out;
	}
	if (cached && !fresh) {
		size_t len;
		char *data = nsum_glossary_save(g, tag, &len);
		char *dir = paths_cache_file("", true);

		/* A convenience: if it cannot be written, the next run loads the
		 * files again. */
		if (data && dir)
			(void)nsum_file_write_atomic(cache, data, len, NULL);
		free(dir);
		nsum_free(data);
	}
out:
	free(installed);
	free(user);
	free(cache);
	return g;
}

/* The glossary to write: the one option, or the user's own. */
static const char *write_path(gopts *o, int *code)
{
	if (o->nglossaries > 1) {
		*code = cli_usage_error("glossary", "%s changes one glossary: give "
			"--glossary once", o->cmd);
		return NULL;
	}
	if (o->nglossaries)
		return o->glossaries[0];
	o->user = paths_user_file("glossary.csv", true);
	if (!o->user) {
		*code = cli_usage_error("glossary", "no user glossary (HOME and "
			"XDG_DATA_HOME are unset): give --glossary FILE");
		return NULL;
	}
	return o->user;
}

static nsum_glossary *load_all(gopts *o, int *code)
{
	return cli_load_glossaries(o->glossaries, o->nglossaries, true, code);
}

/* The files list and check read: the options', or the defaults. */
static int read_paths(gopts *o)
{
	if (o->nglossaries)
		return EXIT_OK;
	o->installed = paths_installed_glossary();
	o->user = paths_user_file("glossary.csv", false);
	if (o->installed && push_path(&o->glossaries, &o->nglossaries, o->installed) < 0)
		return EXIT_NOMEM;
	if (o->user && paths_exists(o->user) &&
		push_path(&o->glossaries, &o->nglossaries, o->user) < 0)
		return EXIT_NOMEM;
	if (!o->nglossaries)
		return cli_usage_error("glossary", "no glossary found: give "
			"--glossary FILE (or set NSUM_DATADIR)");
	return EXIT_OK;
}

/* "fr → en  (domain; status)  note" */
static void print_entry(const nsum_glossary *g, const nsum_gloss_entry *e,
	bool where)
{
	printf("%s \xE2\x86\x92 %s", e->fr, e->en);
	if (e->domain[0] || e->status != NSUM_GLOSS_PREFERRED) {
		printf("  (%s%s%s)", e->domain, e->domain[0] &&
			e->status != NSUM_GLOSS_PREFERRED ? "; " : "",
			e->status != NSUM_GLOSS_PREFERRED ? nsum_gloss_status_name(e->status) : "");
	}
	if (e->note[0])
		printf("  %s", e->note);
	if (where)
		printf("  [%s:%zu]", nsum_glossary_file(g, e->file), e->line);
	putchar('\n');
}

/* ---- list ---- */

static int list(gopts *o)
{
	json_t *arr = NULL;
	size_t i, r, c;
	int code = read_paths(o);
	bool json;

	if (code != EXIT_OK)
		return code;
	json = o->format && strcmp(o->format, "json") == 0;
	if (o->format && !json && strcmp(o->format, "text") != 0)
		return cli_usage_error("glossary", "list: format must be text or json");
	if (json)
		arr = json_array();
	for (i = 0; i < o->nglossaries; i++) {
		nsum_error err;
		nsum_glossfile *f;

		nsum_error_init(&err);
		f = nsum_glossfile_read(o->glossaries[i], false, &err);
		if (!f) {
			cli_fail(&code, cli_report(&err));
			continue;
		}
		if (!json && o->nglossaries > 1)
			printf("%s# %s\n", i ? "\n" : "", o->glossaries[i]);
		for (r = 0; r < nsum_glossfile_rows(f); r++) {
			long cfr = nsum_glossfile_column_index(f, "fr");
			long cen = nsum_glossfile_column_index(f, "en");
			size_t line, col;

			nsum_glossfile_position(f, r, 0, &line, &col);
			if (json) {
				json_t *row = json_object(), *cells = json_object();

				json_object_set_new(row, "file", json_string(o->glossaries[i]));
				json_object_set_new(row, "line", json_integer((json_int_t)line));
				for (c = 0; c < nsum_glossfile_columns(f); c++)
					json_object_set_new(cells, nsum_glossfile_column(f, c),
						json_string(nsum_glossfile_cell(f, r, c)));
				json_object_set_new(row, "cells", cells);
				json_array_append_new(arr, row);
			} else {
				printf("%s \xE2\x86\x92 %s\n", nsum_glossfile_cell(f, r, (size_t)cfr),
					nsum_glossfile_cell(f, r, (size_t)cen));
			}
		}
		nsum_glossfile_destroy(f);
	}
	if (json) {
		char *s = json_dumps(arr, JSON_INDENT(2));

		if (!s || !cli_write(s, strlen(s)) || !cli_write("\n", 1))
			cli_fail(&code, EXIT_IO);
		free(s);
		json_decref(arr);
	}
	return code;
}

/* ---- lookup ---- */

static int lookup(gopts *o, const char *term)
{
	nsum_glossary *g;
	nsum_error err;
	size_t *hits = NULL, n = 0, i;
	long fr;
	int code;
	json_t *arr = NULL;
	bool json = o->format && strcmp(o->format, "json") == 0;

	if (o->format && !json && strcmp(o->format, "text") != 0)
		return cli_usage_error("glossary", "lookup: format must be text or json");
	g = load_all(o, &code);
	if (!g)
		return code;
	fr = nsum_glossary_lookup(g, term, strlen(term));
	nsum_error_init(&err);
	if (nsum_glossary_lookup_en(g, term, strlen(term), &hits, &n, &err) != NSUM_OK) {
		nsum_glossary_destroy(g);
		return cli_report(&err);
	}
	if (json)
		arr = json_array();
	for (i = 0; i < n + (fr >= 0); i++) {
		size_t idx = i == 0 && fr >= 0 ? (size_t)fr : hits[i - (fr >= 0)];
		const nsum_gloss_entry *e = nsum_glossary_entry(g, idx);

		if (i > 0 && fr >= 0 && idx == (size_t)fr)
			continue;
		if (json) {
			json_t *obj = json_object();

			json_object_set_new(obj, "fr", json_string(e->fr));
			json_object_set_new(obj, "en", json_string(e->en));
			json_object_set_new(obj, "note", json_string(e->note));
			json_object_set_new(obj, "pos", json_string(e->pos));
			json_object_set_new(obj, "domain", json_string(e->domain));
			json_object_set_new(obj, "status",
				json_string(nsum_gloss_status_name(e->status)));
			json_object_set_new(obj, "file",
				json_string(nsum_glossary_file(g, e->file)));
			json_object_set_new(obj, "line", json_integer((json_int_t)e->line));
			json_array_append_new(arr, obj);
		} else {
			print_entry(g, e, true);
		}
	}
	if (json) {
		char *s = json_dumps(arr, JSON_INDENT(2));

		if (s)
			printf("%s\n", s);
		free(s);
		json_decref(arr);
	}
	code = fr >= 0 || n ? EXIT_OK : EXIT_NO;
	if (code == EXIT_NO)
		cli_warn("no entry for '%s'", term);
	nsum_free(hits);
	nsum_glossary_destroy(g);
	return code;
}

/* ---- add, remove, import: edits under the lock ---- */

typedef struct add_ctx {
	const char *fr, *en;
	gopts *o;
	const char *path;
} add_ctx;

static nsum_status add_edit(nsum_glossfile *f, void *ctx, nsum_error *err)
{
	add_ctx *a = ctx;
	const char *names[7], *values[7];
	long at = nsum_glossfile_find(f, a->fr);
	size_t n = 0;

	if (at >= 0) {
		size_t line, col;
		long cen = nsum_glossfile_column_index(f, "en");

		nsum_glossfile_position(f, (size_t)at, 0, &line, &col);
		return nsum_error_set(err, NSUM_EINVAL, a->path, line, 1,
			"'%s' is already in the glossary as '%s' \xE2\x86\x92 '%s'", a->fr,
			nsum_glossfile_cell(f, (size_t)at,
				(size_t)nsum_glossfile_column_index(f, "fr")),
			nsum_glossfile_cell(f, (size_t)at, (size_t)cen));
	}
	names[n] = "fr", values[n++] = a->fr;
	names[n] = "en", values[n++] = a->en;
	if (a->o->note)
		names[n] = "note", values[n++] = a->o->note;
	if (a->o->pos)
		names[n] = "pos", values[n++] = a->o->pos;
	if (a->o->domain)
		names[n] = "domain", values[n++] = a->o->domain;
	names[n] = "status", values[n++] = a->o->status ? a->o->status : "preferred";
	if (a->o->case_sensitive)
		names[n] = "case", values[n++] = "yes";
	return nsum_glossfile_insert(f, names, values, n, NULL, err);
}

static nsum_status remove_edit(nsum_glossfile *f, void *ctx, nsum_error *err)
{
	add_ctx *a = ctx;
	long at = nsum_glossfile_find(f, a->fr);

	if (at < 0)
		return nsum_error_set(err, NSUM_EINVAL, a->path, 0, 0,
			"'%s' is not in the glossary", a->fr);
	nsum_glossfile_remove(f, (size_t)at);
	return NSUM_OK;
}

static int add_or_remove(gopts *o, const char *fr, const char *en)
{
	nsum_gloss_status st;
	nsum_error err;
	add_ctx a = { fr, en, o, NULL };
	int code = EXIT_OK;

	if (o->status && !nsum_gloss_status_parse(o->status, &st))
		return cli_usage_error("glossary", "--status must be preferred, "
			"admitted, deprecated, forbidden or proposed, not '%s'", o->status);
	if (!fr[0] || (en && !en[0]))
		return cli_usage_error("glossary", "%s needs a non-empty term", o->cmd);
	a.path = write_path(o, &code);
	if (!a.path)
		return code;
	nsum_error_init(&err);
	if (nsum_glossfile_update(a.path, en ? add_edit : remove_edit, &a, &err)
		!= NSUM_OK) {
		code = err.status == NSUM_EINVAL ? EXIT_NO : cli_exit_code(err.status);
		cli_report(&err);
		return code;
	}
	printf("%s: %s '%s'%s%s\n", a.path, en ? "added" : "removed", fr,
		en ? " \xE2\x86\x92 " : "", en ? en : "");
	return EXIT_OK;
}

typedef struct import_ctx {
	nsum_gloss_item *items;
	size_t n;
	const char *source;
	size_t added, present, conflicts;
} import_ctx;

/* Whether the English alternatives a and b share one. */
static bool share_alternative(const char *a, const char *b)
{
	const char *p = a;

	for (;;) {
		const char *bar = strstr(p, " | "), *q = b;
		size_t n = bar ? (size_t)(bar - p) : strlen(p);

		for (;;) {
			const char *bar2 = strstr(q, " | ");
			size_t m = bar2 ? (size_t)(bar2 - q) : strlen(q);

			if (m == n && strncmp(p, q, n) == 0)
				return true;
			if (!bar2)
				break;
			q = bar2 + 3;
		}
		if (!bar)
			return false;
		p = bar + 3;
	}
}

static nsum_status import_edit(nsum_glossfile *f, void *ctx, nsum_error *err)
{
	import_ctx *c = ctx;
	long cen = nsum_glossfile_column_index(f, "en");
	size_t i;

	for (i = 0; i < c->n; i++) {
		const nsum_gloss_item *it = &c->items[i];
		long at = nsum_glossfile_find(f, it->fr);
		const char *names[] = { "fr", "en", "note", "pos", "domain", "status" };
		const char *values[6];
		size_t nv = 0, k;
		nsum_status st;

		if (!it->fr[0] || !it->en[0])
			continue;
		if (at >= 0) {
			const char *have = nsum_glossfile_cell(f, (size_t)at, (size_t)cen);
			size_t line, col;

			if (share_alternative(have, it->en)) {
				c->present++;
				continue;
			}
			nsum_glossfile_position(f, (size_t)at, 0, &line, &col);
			cli_warn("%s:%zu: '%s' is '%s' in the import, '%s' in the glossary "
				"(line %zu): kept", c->source, it->line, it->fr, it->en, have, line);
			c->conflicts++;
			continue;
		}
		values[nv++] = it->fr;
		values[nv++] = it->en;
		values[nv++] = it->note;
		values[nv++] = it->pos;
		values[nv++] = it->domain;
		values[nv++] = nsum_gloss_status_name(it->status);
		for (k = 0; k < nv; k++)
			if (!values[k][0] && k >= 2)
				values[k] = "";
		st = nsum_glossfile_insert(f, names, values, nv, NULL, err);
		if (st != NSUM_OK)
			return st;
		c->added++;
	}
	return NSUM_OK;
}

static int import(gopts *o, const char *path)
{
	nsum_gloss_format fmt = NSUM_GLOSS_CSV;
	import_ctx c;
	nsum_text text;
	nsum_error err;
	const char *target, *dot = strrchr(path, '.');
	int code = EXIT_OK;

	memset(&c, 0, sizeof(c));
	if (o->format) {
		if (!nsum_gloss_format_parse(o->format, &fmt))
			return cli_usage_error("glossary", "import: unknown format '%s' "
				"(csv, deepl, tsv, tbx)", o->format);
	} else if (dot && (strcmp(dot, ".tsv") == 0 || strcmp(dot, ".txt") == 0 ||
		strcmp(dot, ".utf8") == 0)) {
		fmt = NSUM_GLOSS_TSV;
	} else if (dot && strcmp(dot, ".tbx") == 0) {
		fmt = NSUM_GLOSS_TBX;
	}
	nsum_error_init(&err);
	if (nsum_text_init_file(&text, path, o->read_flags, &err) != NSUM_OK)
		return cli_report(&err);
	c.source = path;
	if (nsum_gloss_import_parse(text.data, text.len, path, fmt, &c.items, &c.n,
		&err) != NSUM_OK) {
		nsum_text_finish(&text);
		return cli_report(&err);
	}
	nsum_text_finish(&text);
	target = write_path(o, &code);
	if (target && nsum_glossfile_update(target, import_edit, &c, &err) != NSUM_OK)
		code = cli_report(&err);
	if (target && code == EXIT_OK) {
		printf("%s: %zu added, %zu already there, %zu conflicts (kept)\n",
			target, c.added, c.present, c.conflicts);
		if (c.conflicts)
			code = EXIT_NO;
	}
	nsum_gloss_items_free(c.items, c.n);
	return code;
}

/* ---- check ---- */

static void report(void *ctx, const char *path, size_t line, size_t col,
	const char *msg)
{
	(void)ctx;
	if (line && col)
		printf("%s:%zu:%zu: %s\n", path, line, col, msg);
	else if (line)
		printf("%s:%zu: %s\n", path, line, msg);
	else
		printf("%s: %s\n", path, msg);
}

static int check(gopts *o)
{
	nsum_glossary *before;
	nsum_error err;
	long total = 0;
	size_t i;
	int code = read_paths(o);

	if (code != EXIT_OK)
		return code;
	nsum_error_init(&err);
	before = nsum_glossary_create(&err);
	if (!before)
		return cli_report(&err);
	for (i = 0; i < o->nglossaries; i++) {
		long n = nsum_glossary_check(o->glossaries[i], i ? before : NULL,
			report, NULL);

		if (n < 0) {
			cli_warn("out of memory");
			nsum_glossary_destroy(before);
			return EXIT_NOMEM;
		}
		total += n;
		/* Later files are compared with the earlier ones. */
		nsum_error_init(&err);
		if (n == 0 && nsum_glossary_load(before, o->glossaries[i], &err) != NSUM_OK)
			cli_report(&err);
	}
	nsum_glossary_destroy(before);
	fflush(stdout);
	if (total) {
		cli_warn("%ld problem%s in %zu glossar%s", total, total == 1 ? "" : "s",
			o->nglossaries, o->nglossaries == 1 ? "y" : "ies");
		return EXIT_DATA;
	}
	return EXIT_OK;
}

/* ---- suggest ---- */

static int suggest(gopts *o, char **files, size_t nfiles)
{
	nsum_gloss_suggestion *s = NULL;
	nsum_glossary *g;
	nsum_engine *engine = NULL;
	nsum_dict *dict = NULL;
	nsum_doc **docs = NULL;
	nsum_glossfile *list = NULL;
	nsum_error err;
	size_t i, k, ndocs = 0, n = 0;
	int code;

	g = load_all(o, &code);
	if (!g)
		return code;
	nsum_error_init(&err);
	engine = nsum_engine_create(&err);
	dict = engine ? nsum_dict_create(&err) : NULL;
	docs = calloc(nfiles + 1, sizeof(*docs));
	if (!engine || !dict || !docs) {
		code = err.status ? cli_report(&err) : EXIT_NOMEM;
		goto out;
	}
	if (!cli_fill_dict(dict, o->dicts, o->ndicts, g, &code))
		goto out;
	for (i = 0; i < nfiles; i++) {
		nsum_text text;

		nsum_error_init(&err);
		if (nsum_text_init_file(&text, files[i], o->read_flags, &err) != NSUM_OK) {
			cli_fail(&code, cli_report(&err));
			continue;
		}
		docs[ndocs] = nsum_doc_create(engine, files[i], &text, NULL, &err);
		if (!docs[ndocs]) {
			cli_fail(&code, cli_report(&err));
			continue;
		}
		ndocs++;
	}
	nsum_error_init(&err);
	if (nsum_glossary_suggest(g, dict, engine, docs, ndocs, o->terms, &s, &n,
		&err) != NSUM_OK) {
		cli_fail(&code, cli_report(&err));
		goto out;
	}
	list = nsum_glossfile_create(&err);
	if (!list) {
		code = cli_report(&err);
		goto out;
	}
	for (i = 0; i < n; i++) {
		const char *names[] = { "fr", "en", "note", "status" };
		const char *values[4];
		char note[256], en[512];
		size_t len = 0, nl;

		en[0] = '\0';
		for (k = 0; k < s[i].ncandidates && len < sizeof(en); k++)
			len += (size_t)snprintf(en + len, sizeof(en) - len, "%s%s",
				k ? " | " : "", s[i].candidates[k].en);
		nl = (size_t)snprintf(note, sizeof(note), "key term in %zu article%s",
			s[i].articles, s[i].articles == 1 ? "" : "s");
		for (k = 0; k < s[i].ncandidates && nl < sizeof(note); k++) {
			size_t j;
			bool dup = false;

			for (j = 0; j < k && !dup; j++)
				dup = strcmp(s[i].candidates[j].source, s[i].candidates[k].source) == 0;
			if (!dup)
				nl += (size_t)snprintf(note + nl, sizeof(note) - nl, "%s%s",
					k ? ", " : "; from ", s[i].candidates[k].source);
		}
		values[0] = s[i].fr;
		values[1] = en;
		values[2] = note;
		values[3] = "proposed";
		/* An empty en cell marks a term no dictionary could translate: fill
		 * it in before appending (check reports it). */
		if (nsum_glossfile_append(list, names, values, 4, &err) != NSUM_OK) {
			code = cli_report(&err);
			goto out;
		}
	}
	{
		size_t len;
		char *text = nsum_glossfile_format(list, &len);

		if (!text || !cli_write(text, len))
			cli_fail(&code, text ? EXIT_IO : EXIT_NOMEM);
		nsum_free(text);
	}
out:
	nsum_glossfile_destroy(list);
	nsum_gloss_suggestions_free(s, n);
	for (i = 0; i < ndocs; i++)
		nsum_doc_destroy(docs[i]);
	free(docs);
	nsum_dict_destroy(dict);
	nsum_engine_destroy(engine);
	nsum_glossary_destroy(g);
	return code;
}

/* ---- export ---- */

static int export(gopts *o)
{
	nsum_gloss_format fmt;
	nsum_glossary *g;
	nsum_error err;
	size_t len;
	char *s;
	int code;

	if (!o->format || !nsum_gloss_format_parse(o->format, &fmt) ||
		fmt == NSUM_GLOSS_CSV)
		return cli_usage_error("glossary", "export needs -f deepl, tsv or tbx");
	g = load_all(o, &code);
	if (!g)
		return code;
	s = nsum_glossary_export(g, fmt, &len);
	nsum_glossary_destroy(g);
	if (!s) {
		cli_warn("out of memory");
		return EXIT_NOMEM;
	}
	nsum_error_init(&err);
	if (o->output) {
		if (nsum_file_write_atomic(o->output, s, len, &err) != NSUM_OK)
			code = cli_report(&err);
	} else if (!cli_write(s, len) || fflush(stdout) != 0) {
		code = EXIT_IO;
	}
	nsum_free(s);
	return code;
}

int cmd_glossary(int argc, char **argv)
{
	static const char *const cmds[] = { "list", "lookup", "add", "remove",
		"check", "suggest", "export", "import" };
	gopts o;
	int c, code = EXIT_OK;
	size_t i, nargs;
	char **args;

	if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	memset(&o, 0, sizeof(o));
	o.cmd = argv[1];
	o.terms = 20;
	for (i = 0; i < sizeof(cmds) / sizeof(*cmds); i++)
		if (strcmp(o.cmd, cmds[i]) == 0)
			break;
	if (i == sizeof(cmds) / sizeof(*cmds))
		return cli_usage_error("glossary", "unknown command '%s' (list, lookup, "
			"add, remove, check, suggest, export, import)", o.cmd);
	argc--;
	argv++;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":g:f:d:t:o:h", long_options, NULL)) != -1) {
		switch (c) {
		case 'g':
			if (push_path(&o.glossaries, &o.nglossaries, optarg) < 0)
				code = EXIT_NOMEM;
			break;
		case 'd':
			if (push_path(&o.dicts, &o.ndicts, optarg) < 0)
				code = EXIT_NOMEM;
			break;
		case 'f':
			o.format = optarg;
			break;
		case 't':
			if (!cli_parse_size("glossary", "-t/--terms", optarg, 1, &o.terms))
				code = EXIT_USAGE;
			break;
		case 'o':
			o.output = optarg;
			break;
		case OPT_NOTE:
			o.note = optarg;
			break;
		case OPT_POS:
			o.pos = optarg;
			break;
		case OPT_DOMAIN:
			o.domain = optarg;
			break;
		case OPT_STATUS:
			o.status = optarg;
			break;
		case OPT_CASE:
			o.case_sensitive = true;
			break;
		case OPT_LOSSY:
			o.read_flags |= NSUM_READ_LOSSY;
			break;
		case 'h':
			fputs(usage, stdout);
			gopts_finish(&o);
			return EXIT_OK;
		case ':':
			code = cli_usage_error("glossary", "option '%s' needs a value",
				argv[optind - 1]);
			break;
		default:
			code = cli_usage_error("glossary", "unknown option '%s'",
				argv[optind - 1]);
			break;
		}
		if (code != EXIT_OK) {
			gopts_finish(&o);
			return code;
		}
	}
	args = argv + optind;
	nargs = (size_t)(argc - optind);
	if (strcmp(o.cmd, "list") == 0 && nargs == 0)
		code = list(&o);
	else if (strcmp(o.cmd, "lookup") == 0 && nargs == 1)
		code = lookup(&o, args[0]);
	else if (strcmp(o.cmd, "add") == 0 && nargs == 2)
		code = add_or_remove(&o, args[0], args[1]);
	else if (strcmp(o.cmd, "remove") == 0 && nargs == 1)
		code = add_or_remove(&o, args[0], NULL);
	else if (strcmp(o.cmd, "check") == 0 && nargs == 0)
		code = check(&o);
	else if (strcmp(o.cmd, "suggest") == 0 && nargs >= 1)
		code = suggest(&o, args, nargs);
	else if (strcmp(o.cmd, "export") == 0 && nargs == 0)
		code = export(&o);
	else if (strcmp(o.cmd, "import") == 0 && nargs == 1)
		code = import(&o, args[0]);
	else
		code = cli_usage_error("glossary", "wrong number of arguments for "
			"'%s'", o.cmd);
	gopts_finish(&o);
	return code;
}
