/*
 * The grouping benchmark's program (see bench/grouping): cluster a stream
 * of articles into topics with nsum_cluster() and print the result.
 *
 * Input: JSON lines {"id", "title", "text"} on standard input ("title" may
 * be missing or null; "id" a string or a number, else the line number).
 * Each article goes through nsum_doc_create() as `nsum --jsonl` reads it
 * (cleaner on, title given apart).  Output, one line per article in input
 * order:
 *
 *     id<TAB>topic<TAB>copy_of
 *
 * where topic is the article's topic number and copy_of the input index
 * (0-based) of the first article of its near-duplicate group (its own
 * index if none).  On standard error, one line:
 *
 *     cluster: N articles, T topics, C copies, largest topic L; read R s,
 *     cluster K s (CPU U s); peak RSS A MB read, B MB clustered
 *
 * (wall times on the monotonic clock; U is the CPU time nsum_cluster()
 * took, which the load of the machine changes less; A and B the peak
 * resident memory after reading and after clustering, so that B - A is
 * what clustering adds to the analyzed articles).
 *
 * Usage: cluster [--threshold X] [--duplicate Y] [--top-terms N]
 *                [--model FILE]
 * Exit status: 0; 1 on bad input or no memory; 2 on a bad argument.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <time.h>

#include <jansson.h>

#include "nsum/cluster.h"
#include "nsum/nsum.h"

/* The articles read so far. */
typedef struct articles {
	nsum_doc **docs;   /* owned, each freed with nsum_doc_destroy() */
	char **ids;        /* owned (malloc) */
	size_t n;
	size_t cap;
} articles;

/* Seconds on clock (CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID). */
static double now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Peak resident memory of the process so far, in MB. */
static double peak_mb(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return 0;
	return (double)ru.ru_maxrss / 1024;   /* Linux: KB */
}

/* Free everything a holds. */
static void articles_finish(articles *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		nsum_doc_destroy(a->docs[i]);
		free(a->ids[i]);
	}
	free(a->docs);
	free(a->ids);
	memset(a, 0, sizeof(*a));
}

/* The id of obj as a new string: "id" if a string or integer, else the
 * line number.  NULL on no memory. */
static char *id_of(json_t *obj, size_t lineno)
{
	json_t *jid = json_object_get(obj, "id");
	char buf[32];

	if (json_is_string(jid))
		return strdup(json_string_value(jid));
	if (json_is_integer(jid))
		snprintf(buf, sizeof(buf), "%lld", (long long)json_integer_value(jid));
	else
		snprintf(buf, sizeof(buf), "%zu", lineno);
	return strdup(buf);
}

/*
 * Analyze the JSON object on line lineno and append it to a.  Returns 0,
 * or -1 after printing why on standard error.
 */
static int add_article(nsum_engine *engine, articles *a, json_t *obj,
	size_t lineno)
{
	json_t *jtext = json_object_get(obj, "text");
	json_t *jtitle = json_object_get(obj, "title");
	nsum_doc_options dopt;
	nsum_error err;
	nsum_text text;
	char msg[NSUM_ERROR_SOURCE_MAX + NSUM_ERROR_TEXT_MAX + 16];
	nsum_doc *doc;
	char *id;

	if (!json_is_string(jtext)) {
		fprintf(stderr, "cluster: <stdin>:%zu: \"text\" must be a string\n",
			lineno);
		return -1;
	}
	if (a->n == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 1024;
		nsum_doc **docs = realloc(a->docs, cap * sizeof(*docs));
		char **ids;

		if (!docs)
			goto nomem;
		a->docs = docs;
		ids = realloc(a->ids, cap * sizeof(*ids));
		if (!ids)
			goto nomem;
		a->ids = ids;
		a->cap = cap;
	}
	id = id_of(obj, lineno);
	if (!id)
		goto nomem;
	nsum_error_init(&err);
	nsum_doc_options_default(&dopt);
	dopt.id = id;
	dopt.title = json_is_string(jtitle) ? json_string_value(jtitle) : NULL;
	if (nsum_text_init_bytes(&text, json_string_value(jtext),
		json_string_length(jtext), "<stdin>",
		NSUM_READ_LOSSY | NSUM_READ_ALLOW_EMPTY, &err) != NSUM_OK) {
		free(id);
		fprintf(stderr, "cluster: line %zu: %s\n", lineno,
			nsum_error_format(&err, msg, sizeof(msg)));
		return -1;
	}
	doc = nsum_doc_create(engine, "<stdin>", &text, &dopt, &err);
	if (!doc) {
		free(id);
		fprintf(stderr, "cluster: line %zu: %s\n", lineno,
			nsum_error_format(&err, msg, sizeof(msg)));
		return -1;
	}
	a->docs[a->n] = doc;
	a->ids[a->n++] = id;
	return 0;
nomem:
	fprintf(stderr, "cluster: out of memory\n");
	return -1;
}

/* Read every JSON line of in into a.  0, or -1 (reported). */
static int read_articles(nsum_engine *engine, FILE *in, articles *a)
{
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = 0;

	while ((n = getline(&line, &cap, in)) >= 0) {
		json_error_t jerr;
		json_t *obj;

		lineno++;
		if (n == 0 || (n == 1 && line[0] == '\n'))
			continue;
		obj = json_loadb(line, (size_t)n, 0, &jerr);
		if (!json_is_object(obj)) {
			fprintf(stderr, "cluster: <stdin>:%zu:%d: %s\n", lineno,
				jerr.column, obj ? "not a JSON object" : jerr.text);
			json_decref(obj);
			rc = -1;
			break;
		}
		rc = add_article(engine, a, obj, lineno);
		json_decref(obj);
		if (rc < 0)
			break;
	}
	if (rc == 0 && ferror(in)) {
		fprintf(stderr, "cluster: <stdin>: %s\n", strerror(errno));
		rc = -1;
	}
	free(line);
	return rc;
}

/* Parse a number in (0, 1] for option name.  0, or -1 (reported). */
static int parse_unit(const char *name, const char *s, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !(v > 0 && v <= 1)) {
		fprintf(stderr, "cluster: %s: expected a number in (0, 1], not '%s'\n",
			name, s);
		return -1;
	}
	*out = v;
	return 0;
}

static const char usage[] =
	"usage: cluster [--threshold X] [--duplicate Y] [--top-terms N] "
	"[--model FILE] < articles.jsonl\n";

int main(int argc, char **argv)
{
	nsum_cluster_options opt;
	nsum_clustering c;
	nsum_engine *engine;
	nsum_error err;
	articles a;
	char msg[NSUM_ERROR_SOURCE_MAX + NSUM_ERROR_TEXT_MAX + 16];
	const char *model_path = NULL;
	double t0, t1, t2, c1, c2, m1, m2;
	size_t i, copies = 0, largest = 0, *sizes;
	int k;

	nsum_cluster_options_default(&opt);
	for (k = 1; k < argc; k++) {
		const char *arg = argv[k];

		if (k + 1 >= argc) {
			fputs(usage, stderr);
			return 2;
		}
		if (!strcmp(arg, "--threshold")) {
			if (parse_unit(arg, argv[++k], &opt.threshold) < 0)
				return 2;
		} else if (!strcmp(arg, "--duplicate")) {
			if (parse_unit(arg, argv[++k], &opt.duplicate) < 0)
				return 2;
		} else if (!strcmp(arg, "--top-terms")) {
			char *end;
			long v = strtol(argv[++k], &end, 10);

			if (*end || v < 1 || v > 10000) {
				fprintf(stderr, "cluster: --top-terms: expected 1..10000\n");
				return 2;
			}
			opt.top_terms = (size_t)v;
		} else if (!strcmp(arg, "--model")) {
			model_path = argv[++k];
		} else {
			fputs(usage, stderr);
			return 2;
		}
	}

	nsum_error_init(&err);
	engine = nsum_engine_create(&err);
	if (!engine) {
		fprintf(stderr, "cluster: %s\n",
			nsum_error_format(&err, msg, sizeof(msg)));
		return 1;
	}
	if (model_path) {
		nsum_model *m = nsum_model_read_file(model_path, &err);

		if (!m) {
			fprintf(stderr, "cluster: %s\n",
				nsum_error_format(&err, msg, sizeof(msg)));
			nsum_engine_destroy(engine);
			return 1;
		}
		nsum_engine_set_model(engine, m);
	}
	memset(&a, 0, sizeof(a));
	t0 = now(CLOCK_MONOTONIC);
	if (read_articles(engine, stdin, &a) < 0) {
		articles_finish(&a);
		nsum_engine_destroy(engine);
		return 1;
	}
	t1 = now(CLOCK_MONOTONIC);
	c1 = now(CLOCK_PROCESS_CPUTIME_ID);
	m1 = peak_mb();
	if (nsum_cluster(engine, a.docs, a.n, &opt, &c, &err) != NSUM_OK) {
		fprintf(stderr, "cluster: %s\n",
			nsum_error_format(&err, msg, sizeof(msg)));
		articles_finish(&a);
		nsum_engine_destroy(engine);
		return 1;
	}
	t2 = now(CLOCK_MONOTONIC);
	c2 = now(CLOCK_PROCESS_CPUTIME_ID);
	m2 = peak_mb();
	sizes = calloc(c.ntopics + 1, sizeof(*sizes));
	if (!sizes) {
		fprintf(stderr, "cluster: out of memory\n");
		nsum_clustering_finish(&c);
		articles_finish(&a);
		nsum_engine_destroy(engine);
		return 1;
	}
	for (i = 0; i < c.ndocs; i++) {
		printf("%s\t%zu\t%zu\n", a.ids[i], c.topic[i], c.copy_of[i]);
		if (c.copy_of[i] != i)
			copies++;
		if (++sizes[c.topic[i]] > largest)
			largest = sizes[c.topic[i]];
	}
	fprintf(stderr, "cluster: %zu articles, %zu topics, %zu copies, "
		"largest topic %zu; read %.3f s, cluster %.3f s (CPU %.3f s); "
		"peak RSS %.0f MB read, %.0f MB clustered\n",
		c.ndocs, c.ntopics, copies, largest, t1 - t0, t2 - t1, c2 - c1,
		m1, m2);
	free(sizes);
	nsum_clustering_finish(&c);
	articles_finish(&a);
	nsum_engine_destroy(engine);
	return fflush(stdout) == 0 ? 0 : 1;
}
