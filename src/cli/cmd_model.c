/*
 * `nsum model build` and `nsum model merge`: document-frequency models.
 */
#include <dirent.h>
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

static const char usage[] =
	"Usage: nsum model build [-o FILE] INPUT...\n"
	"       nsum model merge [-o FILE] MODEL...\n"
	"\n"
	"build  count, for each stem, the documents that hold it.  An INPUT is\n"
	"       a text file (one article), a .jsonl file (one {\"text\": ...}\n"
	"       object per line, \"title\" optional), a directory (its .txt, .md\n"
	"       and .jsonl files, recursively, in name order) or - (JSON lines\n"
	"       on stdin).\n"
	"merge  add the counts of several models: the merge of models built on\n"
	"       parts of a corpus equals the model of the whole corpus.\n"
	"\n"
	"  -o, --output FILE  write the model to FILE, atomically (default:\n"
	"                     stdout)\n"
	"      --lossy        replace invalid UTF-8 by U+FFFD instead of failing\n"
	"  -h, --help         this help\n"
	"\n"
	"Use a model with 'nsum --model FILE', or put it at\n"
	"$XDG_DATA_HOME/nsum/model (~/.local/share/nsum/model) to make it the\n"
	"default.  File format: docs/model.md.\n";

enum { OPT_LOSSY = 256 };

static const struct option long_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "lossy", no_argument, NULL, OPT_LOSSY },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

typedef struct builder {
	nsum_engine *engine;
	nsum_model *model;
	unsigned flags;
	const char **stems;  /* scratch: the stems of one document */
	size_t *lens;
	size_t cap;
	size_t documents;
} builder;

/* Count doc's stems (kept sentences and title) in the model. */
static int add_doc(builder *b, nsum_doc *doc)
{
	nsum_stemmer *st = nsum_engine_stemmer(b->engine);
	size_t n = 0, i, t, need = doc->ntokens + doc->ntitle_tokens;
	nsum_error err;

	if (need > b->cap) {
		const char **s = realloc(b->stems, need * sizeof(*s));
		size_t *l = s ? realloc(b->lens, need * sizeof(*l)) : NULL;

		if (s)
			b->stems = s;
		if (!s || !l) {
			cli_warn("out of memory");
			return EXIT_NOMEM;
		}
		b->lens = l;
		b->cap = need;
	}
	for (i = 0; i < doc->sents.count; i++) {
		if (doc->sents.items[i].drop != NSUM_KEEP)
			continue;
		for (t = doc->first[i]; t < doc->first[i + 1]; t++) {
			const nsum_token *tok = &doc->tokens[t];

			if (tok->kind != NSUM_WORD_ALPHA || tok->stop)
				continue;
			b->stems[n] = nsum_stemmer_string(st, tok->stem, &b->lens[n]);
			n++;
		}
	}
	for (t = 0; t < doc->ntitle_tokens; t++) {
		const nsum_token *tok = &doc->title_tokens[t];

		if (tok->kind != NSUM_WORD_ALPHA || tok->stop)
			continue;
		b->stems[n] = nsum_stemmer_string(st, tok->stem, &b->lens[n]);
		n++;
	}
	nsum_error_init(&err);
	if (nsum_model_add_document(b->model, b->stems, b->lens, n, &err) != NSUM_OK)
		return cli_report(&err);
	b->documents++;
	return EXIT_OK;
}

static int build_text(builder *b, const char *path)
{
	nsum_error err;
	nsum_text text;
	nsum_doc *doc;
	int code;

	nsum_error_init(&err);
	if (nsum_text_init_file(&text, path, b->flags, &err) != NSUM_OK)
		return cli_report(&err);
	doc = nsum_doc_create(b->engine, path, &text, NULL, &err);
	if (!doc)
		return cli_report(&err);
	code = add_doc(b, doc);
	nsum_doc_destroy(doc);
	return code;
}

static int build_jsonl(builder *b, const char *path)
{
	jsonl_reader jr;
	nsum_error err;
	int code = EXIT_OK;

	nsum_error_init(&err);
	if (!jsonl_open(&jr, path, &err))
		return cli_report(&err);
	for (;;) {
		json_t *obj = NULL;
		nsum_doc *doc;
		nsum_status st;

		nsum_error_init(&err);
		st = jsonl_next(&jr, &obj, &err);
		if (st == NSUM_EEMPTY)
			break;
		if (st == NSUM_OK)
			st = jsonl_item_doc(b->engine, obj, jr.name, jr.lineno, b->flags,
				&doc, &err);
		if (st == NSUM_OK) {
			cli_fail(&code, add_doc(b, doc));
			nsum_doc_destroy(doc);
		} else {
			/* Reported and skipped; the model of the rest is written. */
			cli_fail(&code, cli_report(&err));
		}
		json_decref(obj);
		if (st == NSUM_EIO)
			break;
	}
	jsonl_close(&jr);
	return code;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int build_path(builder *b, const char *path);

/* The .txt, .md and .jsonl files of a directory, recursively, sorted. */
static int build_dir(builder *b, const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int code = EXIT_OK;

	if (!d) {
		cli_warn("%s: cannot open the directory", path);
		return EXIT_IO;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len;
		char *full;

		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **nn = realloc(names, (cap ? cap * 2 : 32) * sizeof(*nn));

			if (!nn) {
				code = EXIT_NOMEM;
				break;
			}
			names = nn;
			cap = cap ? cap * 2 : 32;
		}
		len = strlen(path) + strlen(e->d_name) + 2;
		full = malloc(len);
		if (!full) {
			code = EXIT_NOMEM;
			break;
		}
		snprintf(full, len, "%s/%s", path, e->d_name);
		names[n++] = full;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		struct stat st;

		if (code == EXIT_OK || code == EXIT_DATA || code == EXIT_EMPTY) {
			if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
				cli_fail(&code, build_dir(b, names[i]));
			else if (ends_with(names[i], ".txt") || ends_with(names[i], ".md") ||
				ends_with(names[i], ".jsonl"))
				cli_fail(&code, build_path(b, names[i]));
		}
		free(names[i]);
	}
	free(names);
	if (code == EXIT_NOMEM)
		cli_warn("out of memory");
	return code;
}

static int build_path(builder *b, const char *path)
{
	struct stat st;

	if (strcmp(path, "-") == 0 || ends_with(path, ".jsonl"))
		return build_jsonl(b, path);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return build_dir(b, path);
	return build_text(b, path);
}

/* Write the model to output (atomically) or stdout. */
static int write_model(const nsum_model *m, const char *output)
{
	nsum_error err;
	size_t len;
	char *s;

	nsum_error_init(&err);
	if (output) {
		if (nsum_model_write_file(m, output, &err) != NSUM_OK)
			return cli_report(&err);
		return EXIT_OK;
	}
	s = nsum_model_format(m, &len);
	if (!s) {
		cli_warn("out of memory");
		return EXIT_NOMEM;
	}
	if (!cli_write(s, len) || fflush(stdout) != 0) {
		nsum_free(s);
		return EXIT_IO;
	}
	nsum_free(s);
	return EXIT_OK;
}

int cmd_model(int argc, char **argv)
{
	const char *output = NULL, *sub;
	unsigned flags = 0;
	nsum_error err;
	int c, i, code = EXIT_OK;

	if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	sub = argv[1];
	if (strcmp(sub, "build") != 0 && strcmp(sub, "merge") != 0)
		return cli_usage_error("model", "unknown subcommand '%s' (build, merge)",
			sub);
	argc--;
	argv++;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:h", long_options, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case OPT_LOSSY:
			flags |= NSUM_READ_LOSSY;
			break;
		case 'h':
			fputs(usage, stdout);
			return EXIT_OK;
		case ':':
			return cli_usage_error("model", "option '%s' needs a value",
				argv[optind - 1]);
		default:
			return cli_usage_error("model", "unknown option '%s'",
				argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("model", "%s needs at least one input", sub);
	nsum_error_init(&err);

	if (strcmp(sub, "merge") == 0) {
		nsum_model *all = nsum_model_create(&err);

		if (!all)
			return cli_report(&err);
		for (i = optind; i < argc && code == EXIT_OK; i++) {
			nsum_model *m = nsum_model_read_file(argv[i], &err);

			if (!m || nsum_model_merge(all, m, &err) != NSUM_OK)
				code = cli_report(&err);
			nsum_model_destroy(m);
		}
		if (code == EXIT_OK)
			code = write_model(all, output);
		nsum_model_destroy(all);
		return code;
	} else {
		builder b;

		memset(&b, 0, sizeof(b));
		b.flags = flags;
		b.engine = nsum_engine_create(&err);
		b.model = b.engine ? nsum_model_create(&err) : NULL;
		if (!b.model) {
			nsum_engine_destroy(b.engine);
			return cli_report(&err);
		}
		for (i = optind; i < argc; i++) {
			int rc = build_path(&b, argv[i]);

			cli_fail(&code, rc);
			if (rc == EXIT_NOMEM || rc == EXIT_IO)
				break;
		}
		/* Bad documents are reported and skipped; the model is still written. */
		if (code != EXIT_NOMEM && code != EXIT_IO) {
			int wc = write_model(b.model, output);

			if (wc != EXIT_OK)
				code = wc;
		}
		free(b.stems);
		free(b.lens);
		nsum_model_destroy(b.model);
		nsum_engine_destroy(b.engine);
		return code;
	}
}
