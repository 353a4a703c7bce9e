/*
 * Articles in, for `nsum topic` and `nsum digest`: files, folders walked
 * recursively (.txt, .md, .jsonl, in name order, hidden entries skipped),
 * and "-" for JSON lines on standard input.
 *
 * Each article gets its metadata here, where the input is known:
 *   id      the JSON line's "id", else its path
 *   path    the file, or FILE:LINE for a JSON line
 *   source  the JSON line's "source", else the host of its "url"; for a file
 *           found in a subfolder of a folder given on the command line, the
 *           name of that subfolder (today/lemonde/a.txt: "lemonde")
 *   date    the JSON line's "date", else the text's, else (files) the
 *           modification time
 * A bad input is reported on stderr and skipped; the run goes on.
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/inputs.h"

/* Folders deeper than this are not entered (a loop of symbolic links). */
#define MAX_DEPTH 32

typedef struct found {
	char *path;       /* owned */
	char *source;     /* subfolder name, or NULL; owned */
	bool jsonl;
} found;

typedef struct walk {
	found *items;
	size_t count, cap;
} walk;

static bool has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && strcmp(name + n - e, ext) == 0;
}

static bool push(walk *w, const char *path, const char *source, bool jsonl)
{
	found *f;

	if (w->count == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 64;
		found *v = realloc(w->items, cap * sizeof(*v));

		if (!v)
			return false;
		w->items = v;
		w->cap = cap;
	}
	f = &w->items[w->count];
	f->path = strdup(path);
	f->source = source ? strdup(source) : NULL;
	f->jsonl = jsonl;
	if (!f->path || (source && !f->source)) {
		free(f->path);
		free(f->source);
		return false;
	}
	w->count++;
	return true;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Add the articles under folder dir; source is the subfolder of the
 * command-line folder we are in (NULL at its top).  Returns false on no
 * memory; an unreadable folder is reported and *code set.
 */
static bool walk_dir(walk *w, const char *dir, const char *source, int depth,
	int *code)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	bool ok = true;

	if (depth > MAX_DEPTH) {
		cli_warn("%s: folders nested too deep, not entered", dir);
		cli_fail(code, EXIT_IO);
		return true;
	}
	d = opendir(dir);
	if (!d) {
		cli_warn("%s: %s", dir, strerror(errno));
		cli_fail(code, EXIT_IO);
		return true;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			size_t c = cap ? cap * 2 : 64;
			char **v = realloc(names, c * sizeof(*v));

			if (!v) {
				ok = false;
				break;
			}
			names = v;
			cap = c;
		}
		names[n] = strdup(e->d_name);
		if (!names[n]) {
			ok = false;
			break;
		}
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n && ok; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *p = malloc(len);
		struct stat st;

		if (!p) {
			ok = false;
			break;
		}
		snprintf(p, len, "%s%s%s", dir,
			dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		if (stat(p, &st) != 0) {
			cli_warn("%s: %s", p, strerror(errno));
			cli_fail(code, EXIT_IO);
		} else if (S_ISDIR(st.st_mode)) {
			ok = walk_dir(w, p, source ? source : names[i], depth + 1, code);
		} else if (S_ISREG(st.st_mode)) {
			if (has_ext(names[i], ".jsonl"))
				ok = push(w, p, NULL, true);
			else if (has_ext(names[i], ".txt") || has_ext(names[i], ".md"))
				ok = push(w, p, source, false);
		}
		free(p);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ok;
}

static bool add_article(cli_articles *out, nsum_article *a)
{
	if (out->count == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 64;
		nsum_article *v = realloc(out->items, cap * sizeof(*v));

		if (!v)
			return false;
		out->items = v;
		out->cap = cap;
	}
	out->items[out->count++] = *a;
	return true;
}

/* The host of an URL ("https://www.lemonde.fr/x" -> "lemonde.fr"). */
static char *url_host(const char *url)
{
	const char *p = strstr(url, "://"), *end;

	if (!p)
		return NULL;
	p += 3;
	if (strncmp(p, "www.", 4) == 0)
		p += 4;
	end = p + strcspn(p, "/:?#");
	return end > p ? strndup(p, (size_t)(end - p)) : NULL;
}

/* Read one text file as an article.  Returns false on no memory. */
static bool read_file(nsum_engine *e, const found *f, unsigned read_flags,
	cli_articles *out, int *code)
{
	nsum_error err;
	nsum_text text;
	nsum_doc *doc;
	nsum_article a;
	nsum_date mtime = { 0, 0, 0 };
	struct stat st;

	nsum_error_init(&err);
	if (nsum_text_init_file(&text, f->path, read_flags, &err) != NSUM_OK) {
		cli_fail(code, cli_report(&err));
		return true;
	}
	if (strcmp(f->path, "-") != 0 && stat(f->path, &st) == 0)
		nsum_date_from_time(st.st_mtime, &mtime);
	else
		nsum_date_from_time(time(NULL), &mtime);
	doc = nsum_doc_create(e, f->path, &text, NULL, &err);
	if (!doc || nsum_article_init(&a, doc, f->path, f->source, NULL,
		&mtime, &err) != NSUM_OK) {
		cli_fail(code, cli_report(&err));
		return err.status != NSUM_ENOMEM;
	}
	if (!a.date.year && mtime.year) {
		a.date = mtime;
		a.date_origin = NSUM_DATE_FILE;
	}
	if (!add_article(out, &a)) {
		nsum_article_finish(&a);
		return false;
	}
	return true;
}

/* Read the JSON lines of path ("-": stdin).  Returns false on no memory. */
static bool read_jsonl(nsum_engine *e, const char *path, unsigned read_flags,
	cli_articles *out, int *code, bool progress)
{
	jsonl_reader jr;
	nsum_error err;
	nsum_date today = { 0, 0, 0 };
	bool ok = true;

	nsum_date_from_time(time(NULL), &today);

	nsum_error_init(&err);
	if (!jsonl_open(&jr, path, &err)) {
		cli_fail(code, cli_report(&err));
		return true;
	}
	while (ok) {
		json_t *obj = NULL, *j;
		nsum_doc *doc;
		nsum_article a;
		nsum_date date = { 0, 0, 0 }, *dp = NULL;
		char where[NSUM_ERROR_SOURCE_MAX + 32], *source = NULL;
		nsum_status st;

		nsum_error_init(&err);
		st = jsonl_next(&jr, &obj, &err);
		if (st == NSUM_EEMPTY)
			break;
		if (st != NSUM_OK) {
			cli_fail(code, cli_report(&err));
			if (st == NSUM_EIO)
				break;
			continue;
		}
		st = jsonl_item_doc(e, obj, jr.name, jr.lineno, read_flags, &doc, &err);
		if (st != NSUM_OK) {
			cli_fail(code, cli_report(&err));
			json_decref(obj);
			ok = st != NSUM_ENOMEM;
			continue;
		}
		j = json_object_get(obj, "date");
		if (json_is_string(j)) {
			if (nsum_date_from_string(json_string_value(j), &date))
				dp = &date;
			else
				cli_warn("%s:%zu: \"date\" is not a date nsum reads (%s): "
					"looking in the text", jr.name, jr.lineno,
					json_string_value(j));
		}
		j = json_object_get(obj, "source");
		if (json_is_string(j) && json_string_length(j))
			source = strdup(json_string_value(j));
		else if (json_is_string(json_object_get(obj, "url")))
			source = url_host(json_string_value(json_object_get(obj, "url")));
		snprintf(where, sizeof(where), "%s:%zu", jr.name, jr.lineno);
		if (nsum_article_init(&a, doc, where, source, dp, &today,
			&err) != NSUM_OK ||
			!add_article(out, &a)) {
			if (err.status == NSUM_OK)
				nsum_article_finish(&a);
			ok = false;
		}
		free(source);
		json_decref(obj);
		if (progress && out->count % 500 == 0)
			fprintf(stderr, "\rnsum: %zu articles read", out->count);
	}
	jsonl_close(&jr);
	return ok;
}

bool cli_read_articles(nsum_engine *e, char *const *paths, size_t n,
	unsigned read_flags, cli_articles *out, int *code)
{
	walk w = { NULL, 0, 0 };
	bool ok = true, tty = isatty(STDERR_FILENO) == 1;
	size_t i, step;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n && ok; i++) {
		struct stat st;

		if (strcmp(paths[i], "-") == 0) {
			ok = push(&w, "-", NULL, true);
			continue;
		}
		if (stat(paths[i], &st) != 0) {
			cli_warn("%s: %s", paths[i], strerror(errno));
			cli_fail(code, EXIT_IO);
			continue;
		}
		if (S_ISDIR(st.st_mode))
			ok = walk_dir(&w, paths[i], NULL, 0, code);
		else
			ok = push(&w, paths[i], NULL, has_ext(paths[i], ".jsonl"));
	}
	step = w.count / 100 ? w.count / 100 : 1;
	for (i = 0; i < w.count && ok; i++) {
		if (w.items[i].jsonl)
			ok = read_jsonl(e, w.items[i].path, read_flags, out, code,
				tty && w.count == 1);
		else
			ok = read_file(e, &w.items[i], read_flags, out, code);
		if (tty && w.count >= 20 && (i % step == 0 || i + 1 == w.count))
			fprintf(stderr, "\rnsum: reading %zu/%zu files", i + 1, w.count);
	}
	if (tty && (w.count >= 20 || out->count >= 500))
		fputs("\r\033[K", stderr);
	for (i = 0; i < w.count; i++) {
		free(w.items[i].path);
		free(w.items[i].source);
	}
	free(w.items);
	if (!ok) {
		cli_warn("out of memory");
		cli_fail(code, EXIT_NOMEM);
	}
	return ok;
}

void cli_articles_finish(cli_articles *a)
{
	size_t i;

	if (!a)
		return;
	for (i = 0; i < a->count; i++)
		nsum_article_finish(&a->items[i]);
	free(a->items);
	memset(a, 0, sizeof(*a));
}
