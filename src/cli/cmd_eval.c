/*
 * `nsum eval`: ROUGE of summaries against references, from line-aligned
 * text files or from a JSON-lines data set and a JSON-lines output, as a
 * table or JSON, with bootstrap intervals.  The scores are libnsum's
 * (nsum/rouge.h); this file reads the inputs, matches items, and prints.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
	"Usage: nsum eval --refs FILE [--refs FILE ...] --sums FILE [OPTIONS]\n"
	"       nsum eval --data FILE.jsonl --sums FILE.jsonl [OPTIONS]\n"
	"Score summaries against references with ROUGE-1, ROUGE-2, ROUGE-L and\n"
	"ROUGE-Lsum (precision, recall, F1), as the evaluation harness's\n"
	"score.py and Google's rouge-score compute them.\n"
	"\n"
	"Text files: line i of --sums is scored against line i of every --refs\n"
	"file (repeat --refs for several references; an empty line is no\n"
	"reference).  JSON lines: --data items {\"id\", \"summary\"} (a string or\n"
	"a list) or {\"id\", \"summaries\": [...]}, --sums items {\"id\",\n"
	"\"summary\"} matched by id.  Several references: the best F1 per\n"
	"metric.  A summary that is missing, empty or has an \"error\" scores 0.\n"
	"\n"
	"  -r, --refs FILE       references, one per line (repeatable)\n"
	"  -d, --data FILE       JSON-lines data set holding the references\n"
	"  -s, --sums FILE       the summaries (- for stdin)\n"
	"      --stem            Snowball French stems of tokens over 3 letters\n"
	"      --ascii           rouge-score's tokens: only a-z and 0-9, accented\n"
	"                        letters dropped (published OrangeSum numbers)\n"
	"      --lsum-split WHEN split texts into sentences for ROUGE-Lsum:\n"
	"                        auto (default: a text without a newline), newline\n"
	"                        (never: lines are sentences) or always\n"
	"      --skip-missing    score only the data items that have a summary\n"
	"  -b, --bootstrap N     resamples for the 95% intervals (default 1000,\n"
	"                        0 for none)\n"
	"      --seed N          bootstrap seed (default 0)\n"
	"  -f, --format FMT      text (default, scores x 100) or json\n"
	"      --per-item FILE   write every item's scores as JSON lines\n"
	"  -h, --help            this help\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 3 read/write error, 4 invalid input\n"
	"(malformed JSON, line counts that differ, an id twice), 5 no item.\n";

enum {
	OPT_STEM = 256,
	OPT_ASCII,
	OPT_LSUM_SPLIT,
	OPT_SKIP_MISSING,
	OPT_SEED,
	OPT_PER_ITEM,
};

static const struct option long_options[] = {
	{ "refs", required_argument, NULL, 'r' },
	{ "data", required_argument, NULL, 'd' },
	{ "sums", required_argument, NULL, 's' },
	{ "stem", no_argument, NULL, OPT_STEM },
	{ "ascii", no_argument, NULL, OPT_ASCII },
	{ "lsum-split", required_argument, NULL, OPT_LSUM_SPLIT },
	{ "skip-missing", no_argument, NULL, OPT_SKIP_MISSING },
	{ "bootstrap", required_argument, NULL, 'b' },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "format", required_argument, NULL, 'f' },
	{ "per-item", required_argument, NULL, OPT_PER_ITEM },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static const char *const split_names[] = { "auto", "newline", "always" };

/* One evaluation: the scorer, the items' scores, counts, per-item lines. */
typedef struct eval_run {
	nsum_rouge *rouge;
	nsum_rouge_options opt;
	nsum_rouge_result *items; /* one result per scored item */
	size_t n;                 /* items scored */
	size_t cap;               /* capacity of items */
	size_t missing;           /* items without a summary (scored 0) */
	size_t skipped;           /* ... left out (--skip-missing) */
	size_t failed;            /* summary empty or with an "error" (scored 0) */
	size_t no_ref;            /* items without a reference (scored 0) */
	char *first_missing;      /* id of the first item without a summary */
	FILE *per;                /* per-item lines (open_memstream), or NULL */
	char *per_data;           /* what per holds */
	size_t per_len;
} eval_run;

/* Whether s[0..n) holds only white space (ASCII or a no-break space). */
static bool blank_text(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
			i++;
		} else if (i + 1 < n && memcmp(s + i, "\xC2\xA0", 2) == 0) {
			i += 2;
		} else if (i + 2 < n && (memcmp(s + i, "\xE2\x80\xAF", 3) == 0 ||
			memcmp(s + i, "\xE2\x80\x89", 3) == 0)) {
			i += 3;
		} else {
			return false;
		}
	}
	return true;
}

/* The JSON object {"p", "r", "f"} of v, with "ci" from lo and hi if given. */
static json_t *prf_json(const nsum_rouge_prf *v, const nsum_rouge_prf *lo,
	const nsum_rouge_prf *hi)
{
	json_t *o = json_object();

	json_object_set_new(o, "p", json_real(v->p));
	json_object_set_new(o, "r", json_real(v->r));
	json_object_set_new(o, "f", json_real(v->f));
	if (lo && hi) {
		json_t *ci = json_object();

		json_object_set_new(ci, "p", json_pack("[f,f]", lo->p, hi->p));
		json_object_set_new(ci, "r", json_pack("[f,f]", lo->r, hi->r));
		json_object_set_new(ci, "f", json_pack("[f,f]", lo->f, hi->f));
		json_object_set_new(o, "ci", ci);
	}
	return o;
}

/*
 * Record the scores s of one item (key: "id" or "line" with value v,
 * borrowed): in the results and, with --per-item, as a JSON line.
 * false on no memory (reported).
 */
static bool add_item(eval_run *e, const nsum_rouge_result *s, const char *key,
	json_t *v, bool missing, bool failed)
{
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 256;
		nsum_rouge_result *p = realloc(e->items, cap * sizeof(*p));

		if (!p) {
			cli_warn("out of memory");
			return false;
		}
		e->items = p;
		e->cap = cap;
	}
	e->items[e->n++] = *s;
	if (e->per) {
		json_t *o = json_object();
		char *line;
		int m;

		json_object_set(o, key, v);
		if (missing)
			json_object_set_new(o, "missing", json_true());
		if (failed)
			json_object_set_new(o, "failed", json_true());
		for (m = 0; m < NSUM_ROUGE_METRICS; m++)
			json_object_set_new(o, nsum_rouge_metric_name(m),
				prf_json(&s->metric[m], NULL, NULL));
		line = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(10));
		json_decref(o);
		if (!line) {
			cli_warn("out of memory");
			return false;
		}
		fprintf(e->per, "%s\n", line);
		free(line);
	}
	return true;
}

/* Score summary against refs and record the item.  An exit code. */
static int score_item(eval_run *e, const char *summary, size_t len,
	const char *const *refs, const size_t *ref_lens, size_t nrefs,
	const char *key, json_t *v, bool failed, const char *source, size_t line)
{
	nsum_rouge_result s;
	nsum_error err;

	memset(&s, 0, sizeof(s));
	nsum_error_init(&err);
	if (!failed && (!summary || blank_text(summary, len)))
		failed = true;
	if (failed)
		e->failed++;
	if (!nrefs)
		e->no_ref++;
	if (!failed && nsum_rouge_score(e->rouge, summary, len, refs, ref_lens,
		nrefs, &s, &err) != NSUM_OK) {
		/* err's position is within one text: name the item instead. */
		snprintf(err.source, sizeof(err.source), "%s", source);
		err.line = line;
		err.column = 0;
		return cli_report(&err);
	}
	return add_item(e, &s, key, v, false, failed) ? EXIT_OK : EXIT_NOMEM;
}

/* ---- Text files ---- */

/* A text file cut into lines (no line for a final newline). */
typedef struct lines {
	nsum_text text;
	size_t *start;   /* line k is text.data[start[k] .. end[k]) */
	size_t *end;
	size_t count;
} lines;

/* Read path into *l.  An exit code (the error reported). */
static int read_lines(const char *path, lines *l)
{
	nsum_error err;
	size_t pos = 0, k = 0, n = 0, i;

	memset(l, 0, sizeof(*l));
	nsum_error_init(&err);
	if (nsum_text_init_file(&l->text, path, NSUM_READ_ALLOW_EMPTY, &err) !=
		NSUM_OK)
		return cli_report(&err);
	for (i = 0; i < l->text.len; i++)
		n += l->text.data[i] == '\n';
	n += l->text.len && l->text.data[l->text.len - 1] != '\n';
	l->start = malloc((n ? n : 1) * sizeof(*l->start));
	l->end = malloc((n ? n : 1) * sizeof(*l->end));
	if (!l->start || !l->end) {
		cli_warn("out of memory");
		return EXIT_NOMEM;
	}
	while (pos < l->text.len) {
		const char *nl = memchr(l->text.data + pos, '\n', l->text.len - pos);
		size_t e = nl ? (size_t)(nl - l->text.data) : l->text.len;

		l->start[k] = pos;
		l->end[k] = e;
		k++;
		pos = e + 1;
	}
	l->count = k;
	return EXIT_OK;
}

/* Free what *l holds and leave it empty. */
static void lines_finish(lines *l)
{
	nsum_text_finish(&l->text);
	free(l->start);
	free(l->end);
	memset(l, 0, sizeof(*l));
}

/* path as messages name it: "<stdin>" for -. */
static const char *display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* Line-aligned text files.  An exit code. */
static int eval_text(eval_run *e, char *const *ref_paths, size_t nref_files,
	const char *sums_path)
{
	lines sums, *refs = calloc(nref_files, sizeof(*refs));
	const char **texts = calloc(nref_files, sizeof(*texts));
	size_t *lens = calloc(nref_files, sizeof(*lens));
	size_t f, i;
	int code;

	memset(&sums, 0, sizeof(sums));
	if (!refs || !texts || !lens) {
		cli_warn("out of memory");
		code = EXIT_NOMEM;
		goto out;
	}
	code = read_lines(sums_path, &sums);
	for (f = 0; f < nref_files && code == EXIT_OK; f++)
		code = read_lines(ref_paths[f], &refs[f]);
	for (f = 0; f < nref_files && code == EXIT_OK; f++) {
		const char *longer = display_name(sums_path);
		const char *shorter = display_name(ref_paths[f]);
		size_t have = refs[f].count, more = sums.count;

		if (have == more)
			continue;
		if (have > more) {
			longer = shorter;
			shorter = display_name(sums_path);
			more = have;
			have = sums.count;
		}
		cli_warn("%s:%zu:1: no line %zu in %s (%zu line%s): the files must "
			"have one line per item", longer, have + 1, have + 1, shorter,
			have, have == 1 ? "" : "s");
		code = EXIT_DATA;
	}
	for (i = 0; i < sums.count && code == EXIT_OK; i++) {
		size_t nrefs = 0;
		json_t *line = json_integer((json_int_t)(i + 1));

		for (f = 0; f < nref_files; f++) {
			const lines *l = &refs[f];

			if (l->end[i] > l->start[i]) {
				texts[nrefs] = l->text.data + l->start[i];
				lens[nrefs++] = l->end[i] - l->start[i];
			}
		}
		code = score_item(e, sums.text.data + sums.start[i],
			sums.end[i] - sums.start[i], texts, lens, nrefs, "line", line,
			false, display_name(sums_path), i + 1);
		json_decref(line);
	}
out:
	lines_finish(&sums);
	for (f = 0; refs && f < nref_files; f++)
		lines_finish(&refs[f]);
	free(refs);
	free(texts);
	free(lens);
	return code;
}

/* ---- JSON lines ---- */

/*
 * The column (1-based, in characters) of "key" as an object key in
 * line[0..n), 0 when it is not found: to point at a bad field.
 */
static size_t key_column(const char *line, size_t n, const char *key)
{
	size_t k = strlen(key), i, col = 1;

	for (i = 0; i + k + 2 <= n; i++) {
		if (line[i] == '"' && memcmp(line + i + 1, key, k) == 0 &&
			line[i + k + 1] == '"') {
			size_t j = i + k + 2;

			while (j < n && (line[j] == ' ' || line[j] == '\t'))
				j++;
			if (j < n && line[j] == ':')
				return col;
		}
		col += ((unsigned char)line[i] & 0xC0) != 0x80;
	}
	return 0;
}

/* Report a bad field key of the object on the reader's current line. */
static int field_error(const jsonl_reader *r, const char *key,
	const char *what)
{
	nsum_error err;

	nsum_error_init(&err);
	nsum_error_set(&err, NSUM_EFORMAT, r->name, r->lineno,
		key_column(r->line, strlen(r->line), key), "\"%s\" %s", key, what);
	return cli_report(&err);
}

/*
 * The id of obj as a string: a string as it is, an integer printed (so
 * that 7 and "7" match, as score.py's str() makes them).  NULL when "id"
 * is absent or of another type.  buf holds a printed integer.
 */
static const char *id_of(json_t *obj, char *buf, size_t size)
{
	json_t *id = json_object_get(obj, "id");

	if (json_is_string(id))
		return json_string_value(id);
	if (json_is_integer(id)) {
		snprintf(buf, size, "%lld", (long long)json_integer_value(id));
		return buf;
	}
	return NULL;
}

/* A summary of the --sums file. */
typedef struct sum_entry {
	json_t *summary;   /* the "summary" string, or NULL */
	bool failed;       /* an "error", or a summary that is not a string */
	bool used;         /* a data item took it */
	size_t line;       /* where it is */
} sum_entry;

/*
 * Read the summaries file into entries (*n of them) and byid (id ->
 * index).  An exit code.
 */
static int read_sums(const char *path, json_t *byid, sum_entry **entries,
	size_t *n)
{
	jsonl_reader r;
	nsum_error err;
	size_t cap = 0;
	int code = EXIT_OK;

	nsum_error_init(&err);
	if (!jsonl_open(&r, path, &err))
		return cli_report(&err);
	for (;;) {
		json_t *obj = NULL, *sum, *seen;
		char buf[32];
		const char *id;
		nsum_status st = jsonl_next(&r, &obj, &err);

		if (st == NSUM_EEMPTY)
			break;
		if (st != NSUM_OK) {
			code = cli_report(&err);
			break;
		}
		id = id_of(obj, buf, sizeof(buf));
		sum = json_object_get(obj, "summary");
		if (!id) {
			code = json_object_get(obj, "id") ?
				field_error(&r, "id", "must be a string or an integer") :
				field_error(&r, "id", "is missing");
		} else if (sum && !json_is_string(sum) && !json_is_null(sum)) {
			code = field_error(&r, "summary", "must be a string or null");
		} else if ((seen = json_object_get(byid, id)) != NULL) {
			nsum_error_set(&err, NSUM_EFORMAT, r.name, r.lineno,
				key_column(r.line, strlen(r.line), "id"),
				"id \"%s\" is already at line %zu", id,
				(*entries)[json_integer_value(seen)].line);
			code = cli_report(&err);
		} else if (*n == cap) {
			sum_entry *p = realloc(*entries, (cap ? cap * 2 : 256) *
				sizeof(*p));

			if (!p) {
				cli_warn("out of memory");
				code = EXIT_NOMEM;
			} else {
				*entries = p;
				cap = cap ? cap * 2 : 256;
			}
		}
		if (code == EXIT_OK) {
			sum_entry *s = &(*entries)[*n];

			s->summary = json_is_string(sum) ? json_incref(sum) : NULL;
			s->failed = json_object_get(obj, "error") != NULL &&
				!json_is_null(json_object_get(obj, "error"));
			s->used = false;
			s->line = r.lineno;
			if (json_object_set_new(byid, id, json_integer((json_int_t)*n))) {
				json_decref(s->summary);
				cli_warn("out of memory");
				code = EXIT_NOMEM;
			} else {
				(*n)++;
			}
		}
		json_decref(obj);
		if (code != EXIT_OK)
			break;
	}
	jsonl_close(&r);
	return code;
}

/*
 * The references of a data item, as score.py's refs_of() finds them:
 * "summaries" (when it or "docs" is there), else "summary", a string or a
 * list; empty strings are left out.  Fills texts/lens (grown as needed).
 * An exit code.
 */
static int refs_of(const jsonl_reader *r, json_t *obj, const char ***texts,
	size_t **lens, size_t *cap, size_t *n)
{
	bool multi = json_object_get(obj, "docs") || json_object_get(obj, "summaries");
	const char *key = multi ? "summaries" : "summary";
	json_t *v = json_object_get(obj, key), *x;
	size_t i, count;

	*n = 0;
	if (!v || json_is_null(v))
		return EXIT_OK;
	if (json_is_string(v) && !multi) {
		count = 1;
	} else if (json_is_array(v)) {
		count = json_array_size(v);
	} else {
		return field_error(r, key, multi ? "must be a list of strings" :
			"must be a string or a list of strings");
	}
	if (count > *cap) {
		const char **t = realloc(*texts, count * sizeof(*t));
		size_t *l = t ? realloc(*lens, count * sizeof(*l)) : NULL;

		if (t)
			*texts = t;
		if (!t || !l) {
			cli_warn("out of memory");
			return EXIT_NOMEM;
		}
		*lens = l;
		*cap = count;
	}
	for (i = 0; i < count; i++) {
		x = json_is_array(v) ? json_array_get(v, i) : v;
		if (!json_is_string(x))
			return field_error(r, key, "must hold only strings");
		if (json_string_length(x) == 0)
			continue;
		(*texts)[*n] = json_string_value(x);
		(*lens)[*n] = json_string_length(x);
		(*n)++;
	}
	return EXIT_OK;
}

/* A JSON-lines data set and summaries matched by id.  An exit code. */
static int eval_jsonl(eval_run *e, const char *data_path,
	const char *sums_path, bool skip_missing)
{
	json_t *byid = json_object();
	sum_entry *sums = NULL;
	size_t nsums = 0, nrefs = 0, cap = 0, i, unmatched = 0;
	const char **texts = NULL;
	size_t *lens = NULL;
	jsonl_reader r;
	nsum_error err;
	int code;

	nsum_error_init(&err);
	if (!byid) {
		cli_warn("out of memory");
		return EXIT_NOMEM;
	}
	code = read_sums(sums_path, byid, &sums, &nsums);
	if (code != EXIT_OK)
		goto out;
	if (!jsonl_open(&r, data_path, &err)) {
		code = cli_report(&err);
		goto out;
	}
	for (;;) {
		json_t *obj = NULL, *idx, *idv;
		char buf[32];
		const char *id;
		nsum_status st = jsonl_next(&r, &obj, &err);
		sum_entry *s = NULL;

		if (st == NSUM_EEMPTY)
			break;
		if (st != NSUM_OK) {
			code = cli_report(&err);
			break;
		}
		id = id_of(obj, buf, sizeof(buf));
		if (!id)
			code = json_object_get(obj, "id") ?
				field_error(&r, "id", "must be a string or an integer") :
				field_error(&r, "id", "is missing");
		if (code == EXIT_OK)
			code = refs_of(&r, obj, &texts, &lens, &cap, &nrefs);
		if (code != EXIT_OK) {
			json_decref(obj);
			break;
		}
		idx = json_object_get(byid, id);
		idv = json_object_get(obj, "id");
		if (idx) {
			s = &sums[json_integer_value(idx)];
			s->used = true;
			code = score_item(e, s->summary ? json_string_value(s->summary) :
				NULL, s->summary ? json_string_length(s->summary) : 0,
				texts, lens, nrefs, "id", idv, s->failed,
				display_name(sums_path), s->line);
		} else if (skip_missing) {
			e->skipped++;
		} else {
			nsum_rouge_result zero;

			memset(&zero, 0, sizeof(zero));
			if (!e->missing++)
				e->first_missing = strdup(id);
			if (!nrefs)
				e->no_ref++;
			if (!add_item(e, &zero, "id", idv, true, false))
				code = EXIT_NOMEM;
		}
		json_decref(obj);
		if (code != EXIT_OK)
			break;
	}
	jsonl_close(&r);
	if (code != EXIT_OK)
		goto out;
	for (i = 0; i < nsums; i++)
		unmatched += !sums[i].used;
	for (i = 0; i < nsums && unmatched; i++) {
		if (!sums[i].used) {
			cli_warn("%s:%zu: %zu summar%s with an id that %s not in %s, "
				"left out (this is the first)", display_name(sums_path),
				sums[i].line, unmatched, unmatched == 1 ? "y" : "ies",
				unmatched == 1 ? "is" : "are", display_name(data_path));
			break;
		}
	}
out:
	for (i = 0; i < nsums; i++)
		json_decref(sums[i].summary);
	free(sums);
	free(texts);
	free(lens);
	json_decref(byid);
	return code;
}

/* ---- Output ---- */

/* The table (scores x 100) on stdout; ci may be NULL (no bootstrap). */
static void print_text(const eval_run *e, const nsum_rouge_result *mean,
	const nsum_rouge_interval *ci, size_t resamples, size_t seed)
{
	const char *sep = ": ";
	int m;

	printf("%zu item%s", e->n, e->n == 1 ? "" : "s");
	if (e->missing) {
		printf("%s%zu without a summary (scored 0)", sep, e->missing);
		sep = ", ";
	}
	if (e->failed) {
		printf("%s%zu failed (scored 0)", sep, e->failed);
		sep = ", ";
	}
	if (e->skipped)
		printf("%s%zu without a summary left out", sep, e->skipped);
	printf("\n%s tokens, %s, ROUGE-Lsum sentences: %s\n",
		e->opt.tokens == NSUM_ROUGE_ASCII ? "ASCII" : "Unicode",
		e->opt.stem ? "Snowball French stems" : "no stemming",
		split_names[e->opt.lsum_split]);
	if (ci)
		printf("95%% intervals: percentile bootstrap, %zu resamples, seed "
			"%zu\n", resamples, seed);
	printf("\n%-10s %7s %7s %7s%s\n", "x 100", "P", "R", "F1",
		ci ? "   F1 95% interval" : "");
	for (m = 0; m < NSUM_ROUGE_METRICS; m++) {
		const nsum_rouge_prf *v = &mean->metric[m];

		printf("%-10s %7.2f %7.2f %7.2f", nsum_rouge_metric_name(m),
			100 * v->p, 100 * v->r, 100 * v->f);
		if (ci)
			printf("   [%.2f, %.2f]", 100 * ci->lo.metric[m].f,
				100 * ci->hi.metric[m].f);
		putchar('\n');
	}
}

/* The JSON object on stdout; ci may be NULL.  An exit code. */
static int print_json(const eval_run *e, const nsum_rouge_result *mean,
	const nsum_rouge_interval *ci, size_t resamples, size_t seed)
{
	json_t *o = json_object();
	char *s;
	int m;

	json_object_set_new(o, "items", json_integer((json_int_t)e->n));
	json_object_set_new(o, "missing", json_integer((json_int_t)e->missing));
	json_object_set_new(o, "failed", json_integer((json_int_t)e->failed));
	if (e->skipped)
		json_object_set_new(o, "skipped", json_integer((json_int_t)e->skipped));
	json_object_set_new(o, "tokens", json_string(
		e->opt.tokens == NSUM_ROUGE_ASCII ? "ascii" : "unicode"));
	json_object_set_new(o, "stem", json_boolean(e->opt.stem));
	json_object_set_new(o, "lsum_split",
		json_string(split_names[e->opt.lsum_split]));
	json_object_set_new(o, "bootstrap", ci ? json_pack("{s:I,s:I}",
		"resamples", (json_int_t)resamples, "seed", (json_int_t)seed) :
		json_null());
	for (m = 0; m < NSUM_ROUGE_METRICS; m++)
		json_object_set_new(o, nsum_rouge_metric_name(m),
			prf_json(&mean->metric[m], ci ? &ci->lo.metric[m] : NULL,
				ci ? &ci->hi.metric[m] : NULL));
	s = json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
	json_decref(o);
	if (!s) {
		cli_warn("out of memory");
		return EXIT_NOMEM;
	}
	printf("%s\n", s);
	free(s);
	return EXIT_OK;
}

int cmd_eval(int argc, char **argv)
{
	const char *data = NULL, *sums = NULL, *per_item = NULL;
	char **refs = calloc((size_t)argc, sizeof(*refs));
	size_t nrefs = 0, resamples = NSUM_ROUGE_RESAMPLES, seed = 0;
	bool json = false, skip_missing = false;
	nsum_rouge_result mean;
	nsum_rouge_interval ci;
	eval_run e;
	nsum_error err;
	int c, code = EXIT_OK;

	memset(&e, 0, sizeof(e));
	nsum_rouge_options_default(&e.opt);
	if (!refs) {
		cli_warn("out of memory");
		return EXIT_NOMEM;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":r:d:s:b:f:h", long_options,
		NULL)) != -1) {
		switch (c) {
		case 'r':
			refs[nrefs++] = optarg;
			break;
		case 'd':
			data = optarg;
			break;
		case 's':
			sums = optarg;
			break;
		case OPT_STEM:
			e.opt.stem = true;
			break;
		case OPT_ASCII:
			e.opt.tokens = NSUM_ROUGE_ASCII;
			break;
		case OPT_LSUM_SPLIT:
			if (strcmp(optarg, "auto") == 0)
				e.opt.lsum_split = NSUM_LSUM_AUTO;
			else if (strcmp(optarg, "newline") == 0)
				e.opt.lsum_split = NSUM_LSUM_NEWLINE;
			else if (strcmp(optarg, "always") == 0)
				e.opt.lsum_split = NSUM_LSUM_ALWAYS;
			else
				code = cli_usage_error("eval", "--lsum-split must be auto, "
					"newline or always, not '%s'", optarg);
			break;
		case OPT_SKIP_MISSING:
			skip_missing = true;
			break;
		case 'b':
			if (!cli_parse_size("eval", "--bootstrap", optarg, 0, &resamples))
				code = EXIT_USAGE;
			break;
		case OPT_SEED:
			if (!cli_parse_size("eval", "--seed", optarg, 0, &seed))
				code = EXIT_USAGE;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0 || strcmp(optarg, "text") == 0)
				json = optarg[0] == 'j';
			else
				code = cli_usage_error("eval", "--format must be text or "
					"json, not '%s'", optarg);
			break;
		case OPT_PER_ITEM:
			per_item = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			free(refs);
			return EXIT_OK;
		case ':':
			code = cli_usage_error("eval", "option '%s' needs a value",
				argv[optind - 1]);
			break;
		default:
			code = cli_usage_error("eval", "unknown option '%s'",
				argv[optind - 1]);
			break;
		}
		if (code != EXIT_OK)
			goto out;
	}
	if (optind < argc)
		code = cli_usage_error("eval", "unexpected argument '%s' (inputs go "
			"with --refs, --data and --sums)", argv[optind]);
	else if (!sums)
		code = cli_usage_error("eval", "--sums FILE is needed");
	else if (!data && !nrefs)
		code = cli_usage_error("eval", "--refs FILE or --data FILE is needed");
	else if (data && nrefs)
		code = cli_usage_error("eval", "--refs and --data do not go together");
	else if (skip_missing && !data)
		code = cli_usage_error("eval", "--skip-missing goes with --data");
	if (code != EXIT_OK)
		goto out;
	{
		size_t stdin_uses = (strcmp(sums, "-") == 0) +
			(data && strcmp(data, "-") == 0), i;

		for (i = 0; i < nrefs; i++)
			stdin_uses += strcmp(refs[i], "-") == 0;
		if (stdin_uses > 1) {
			code = cli_usage_error("eval", "only one input can be - (stdin)");
			goto out;
		}
	}

	nsum_error_init(&err);
	e.rouge = nsum_rouge_create(&e.opt, &err);
	if (!e.rouge) {
		code = cli_report(&err);
		goto out;
	}
	if (per_item) {
		e.per = open_memstream(&e.per_data, &e.per_len);
		if (!e.per) {
			cli_warn("out of memory");
			code = EXIT_NOMEM;
			goto out;
		}
	}
	code = data ? eval_jsonl(&e, data, sums, skip_missing) :
		eval_text(&e, refs, nrefs, sums);
	if (code != EXIT_OK)
		goto out;
	if (e.missing)
		cli_warn("%s: %zu item%s of %s %s no summary, scored 0 (the first: "
			"id \"%s\")", display_name(sums), e.missing,
			e.missing == 1 ? "" : "s", display_name(data),
			e.missing == 1 ? "has" : "have",
			e.first_missing ? e.first_missing : "");
	if (e.skipped)
		cli_warn("%s: %zu item%s of %s without a summary left out",
			display_name(sums), e.skipped, e.skipped == 1 ? "" : "s",
			display_name(data));
	if (e.no_ref)
		cli_warn("%zu item%s no reference, scored 0", e.no_ref,
			e.no_ref == 1 ? " has" : "s have");
	if (!e.n) {
		cli_warn("%s: no item to score", display_name(data ? data : sums));
		code = EXIT_EMPTY;
		goto out;
	}
	nsum_rouge_mean(e.items, e.n, &mean);
	if (resamples && nsum_rouge_bootstrap(e.items, e.n, resamples,
		(uint64_t)seed, &ci, &err) != NSUM_OK) {
		code = cli_report(&err);
		goto out;
	}
	/* The per-item file first: if it cannot be written, no table. */
	if (e.per) {
		int rc = fclose(e.per);

		e.per = NULL;
		if (rc != 0) {
			cli_warn("out of memory");
			code = EXIT_NOMEM;
			goto out;
		}
		if (nsum_file_write_atomic(per_item, e.per_data, e.per_len, &err) !=
			NSUM_OK) {
			code = cli_report(&err);
			goto out;
		}
	}
	if (json)
		code = print_json(&e, &mean, resamples ? &ci : NULL, resamples, seed);
	else
		print_text(&e, &mean, resamples ? &ci : NULL, resamples, seed);
	if (code == EXIT_OK && fflush(stdout) != 0) {
		cli_warn("cannot write the output");
		code = EXIT_IO;
	}
out:
	if (e.per)
		fclose(e.per);
	free(e.per_data);
	free(e.items);
	free(e.first_missing);
	nsum_rouge_destroy(e.rouge);
	free(refs);
	return code;
}
