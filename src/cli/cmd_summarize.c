/*
 * `nsum [OPTIONS] FILE...` and `nsum --jsonl`: summarize articles.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/inputs.h"
#include "config.h"

void print_main_usage(FILE *f);

enum {
	OPT_RATIO = 256, OPT_JSONL, OPT_NO_MODEL, OPT_REDUNDANCY, OPT_EXPLAIN,
	OPT_LOSSY, OPT_WEIGHTS, OPT_NO_GLOSSARY, OPT_GLOSS, OPT_SEEN,
};

static const struct option long_options[] = {
	{ "sentences", required_argument, NULL, 'n' },
	{ "ratio", required_argument, NULL, OPT_RATIO },
	{ "words", required_argument, NULL, 'w' },
	{ "format", required_argument, NULL, 'f' },
	{ "terms", required_argument, NULL, 't' },
	{ "jsonl", no_argument, NULL, OPT_JSONL },
	{ "model", required_argument, NULL, 'm' },
	{ "no-model", no_argument, NULL, OPT_NO_MODEL },
	{ "redundancy", required_argument, NULL, OPT_REDUNDANCY },
	{ "explain", no_argument, NULL, OPT_EXPLAIN },
	{ "lossy", no_argument, NULL, OPT_LOSSY },
	{ "weights", required_argument, NULL, OPT_WEIGHTS },
	{ "glossary", required_argument, NULL, 'g' },
	{ "no-glossary", no_argument, NULL, OPT_NO_GLOSSARY },
	{ "gloss", no_argument, NULL, OPT_GLOSS },
	{ "seen", required_argument, NULL, OPT_SEEN },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

typedef struct run {
	nsum_engine *engine;
	nsum_summary_options sopt;
	nsum_render_options ropt;
	unsigned read_flags;
	FILE *out;           /* stdout, or a memory stream for --output */
	bool several;        /* more than one input: headers between results */
	char **seen;         /* topic: --seen inputs */
	size_t nseen;
	size_t done;         /* results written */
} run;

/* Summarize doc (taken over) and write the result.  Returns an exit code. */
static int summarize_doc(run *r, nsum_doc *doc)
{
	nsum_error err;
	nsum_summary *sum;
	nsum_doc *docs[1] = { doc };
	char *s;
	size_t len = 0;
	int code = EXIT_OK;

	nsum_error_init(&err);
	sum = nsum_summarize(r->engine, docs, 1, &r->sopt, &err);
	if (!sum) {
		code = cli_report(&err);
		goto out;
	}
	s = nsum_render_summary(doc, sum, &r->ropt, &len);
	if (!s) {
		cli_warn("%s: out of memory", doc->name);
		code = EXIT_NOMEM;
		goto out;
	}
	if (r->several && !r->ropt.compact) {
		if (r->done && r->ropt.format != NSUM_FORMAT_PLAIN)
			fputc('\n', r->out);
		if (r->ropt.format == NSUM_FORMAT_PLAIN) {
			if (r->done)
				fputc('\n', r->out);
		} else {
			fprintf(r->out, "==> %s <==\n", doc->name);
		}
	}
	if (fwrite(s, 1, len, r->out) != len)
		code = EXIT_IO;
	r->done++;
	nsum_free(s);
out:
	nsum_summary_destroy(sum);
	nsum_doc_destroy(doc);
	return code;
}

static int summarize_file(run *r, const char *path)
{
	nsum_error err;
	nsum_text text;
	nsum_doc *doc;

	nsum_error_init(&err);
	if (nsum_text_init_file(&text, path, r->read_flags, &err) != NSUM_OK)
		return cli_report(&err);
	doc = nsum_doc_create(r->engine, strcmp(path, "-") ? path : "<stdin>",
		&text, NULL, &err);
	if (!doc)
		return cli_report(&err);
	return summarize_doc(r, doc);
}

static int summarize_jsonl(run *r, const char *path)
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
		if (st == NSUM_EIO) {
			cli_fail(&code, cli_report(&err));
			break;
		}
		if (st != NSUM_OK) {
			cli_fail(&code, cli_report(&err));
			jsonl_error_line(r->out, NULL, jr.lineno, &err);
			continue;
		}
		st = jsonl_item_doc(r->engine, obj, jr.name, jr.lineno,
			r->read_flags, &doc, &err);
		if (st != NSUM_OK) {
			cli_fail(&code, cli_report(&err));
			jsonl_error_line(r->out, json_object_get(obj, "id"), jr.lineno,
				&err);
		} else {
			cli_fail(&code, summarize_doc(r, doc));
		}
		json_decref(obj);
	}
	jsonl_close(&jr);
	return code;
}

/*
 * `nsum topic`: every article of the inputs summarized together as one
 * story, each chosen sentence attributed to its article.
 */
static int summarize_topic(run *r, char *const *paths, size_t n)
{
	cli_articles arts, seen = { NULL, 0, 0 };
	nsum_doc **docs = NULL, **seen_docs = NULL;
	nsum_summary *sum = NULL;
	nsum_error err;
	char *s = NULL;
	size_t i, len = 0;
	int code = EXIT_OK;

	if (!cli_read_articles(r->engine, paths, n, r->read_flags, &arts, &code))
		goto out;
	if (arts.count == 0) {
		if (code == EXIT_OK) {
			cli_warn("no article to summarize (files: .txt, .md, .jsonl)");
			code = EXIT_EMPTY;
		}
		goto out;
	}
	nsum_articles_sort(arts.items, arts.count);
	docs = malloc(arts.count * sizeof(*docs));
	if (!docs)
		goto nomem;
	for (i = 0; i < arts.count; i++)
		docs[i] = arts.items[i].doc;
	if (r->nseen) {
		if (!cli_read_articles(r->engine, r->seen, r->nseen, r->read_flags,
			&seen, &code))
			goto out;
		seen_docs = malloc((seen.count + 1) * sizeof(*seen_docs));
		if (!seen_docs)
			goto nomem;
		for (i = 0; i < seen.count; i++)
			seen_docs[i] = seen.items[i].doc;
		r->sopt.seen = seen_docs;
		r->sopt.nseen = seen.count;
	}
	nsum_error_init(&err);
	sum = nsum_summarize(r->engine, docs, arts.count, &r->sopt, &err);
	if (!sum) {
		cli_fail(&code, cli_report(&err));
		goto out;
	}
	s = nsum_render_topic(arts.items, arts.count, sum, &r->ropt, &len);
	if (!s)
		goto nomem;
	if (fwrite(s, 1, len, r->out) != len)
		cli_fail(&code, EXIT_IO);
	r->done++;
	goto out;
nomem:
	cli_warn("out of memory");
	cli_fail(&code, EXIT_NOMEM);
out:
	nsum_free(s);
	nsum_summary_destroy(sum);
	free(docs);
	free(seen_docs);
	r->sopt.seen = NULL;
	r->sopt.nseen = 0;
	cli_articles_finish(&seen);
	cli_articles_finish(&arts);
	return code;
}

static void print_version(void)
{
	printf("nsum %s\n", NSUM_VERSION);
}

static const char topic_usage[] =
	"Usage: nsum topic [OPTIONS] INPUT...\n"
	"Summarize several articles on one story as one summary.  INPUTs are\n"
	"files, folders (recursive: .txt, .md, .jsonl) or - for JSON lines\n"
	"{\"id\",\"title\",\"text\",\"source\",\"date\"} on stdin.  Each sentence of\n"
	"the summary is attributed to its article; articles are read in date\n"
	"order.  Options are those of 'nsum FILE' (see nsum --help) except\n"
	"--jsonl and --explain; the default is 5 sentences.  And:\n"
	"      --seen INPUT    articles the reader already knows (repeatable):\n"
	"                      the summary says what is new since them\n";

/* Summarize single articles (topic false) or a topic (true). */
static int summarize_main(int argc, char **argv, bool topic)
{
	run r;
	nsum_error err;
	nsum_weights weights;
	bool jsonl = false, no_model = false, format_set = false;
	const char *model_path = NULL, *output = NULL;
	char *membuf = NULL, **glossaries = NULL;
	size_t memlen = 0, nglossaries = 0;
	bool no_glossary = false;
	nsum_glossary *glossary = NULL;
	int c, i, code = EXIT_OK, nfiles;
	double d;

	memset(&r, 0, sizeof(r));
	nsum_summary_options_default(&r.sopt);
	nsum_render_options_default(&r.ropt);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:w:f:t:m:o:g:hV", long_options,
		NULL)) != -1) {
		switch (c) {
		case 'n':
			if (!cli_parse_size(NULL, "-n/--sentences", optarg, 1,
				&r.sopt.sentences))
				return EXIT_USAGE;
			break;
		case OPT_RATIO:
			if (!cli_parse_double(NULL, "--ratio", optarg, 0, 1, true, &d))
				return EXIT_USAGE;
			r.sopt.ratio = d;
			break;
		case 'w':
			if (!cli_parse_size(NULL, "-w/--words", optarg, 1, &r.sopt.words))
				return EXIT_USAGE;
			break;
		case 'f':
			if (!nsum_format_parse(optarg, &r.ropt.format))
				return cli_usage_error(NULL, "unknown format '%s' (text, "
					"plain, json, md, html)", optarg);
			format_set = true;
			break;
		case 't':
			if (!cli_parse_size(NULL, "-t/--terms", optarg, 0, &r.sopt.terms))
				return EXIT_USAGE;
			break;
		case OPT_JSONL:
			jsonl = true;
			break;
		case 'm':
			model_path = optarg;
			break;
		case OPT_NO_MODEL:
			no_model = true;
			break;
		case OPT_REDUNDANCY:
			if (!cli_parse_double(NULL, "--redundancy", optarg, 0, 1, true, &d))
				return EXIT_USAGE;
			r.sopt.redundancy = d;
			break;
		case OPT_EXPLAIN:
			r.sopt.explain = r.ropt.explain = true;
			break;
		case OPT_LOSSY:
			r.read_flags |= NSUM_READ_LOSSY;
			break;
		case 'g': {
			char **v = realloc(glossaries, (nglossaries + 1) * sizeof(*v));

			if (!v) {
				free(glossaries);
				cli_warn("out of memory");
				return EXIT_NOMEM;
			}
			glossaries = v;
			glossaries[nglossaries++] = optarg;
			break;
		}
		case OPT_NO_GLOSSARY:
			no_glossary = true;
			break;
		case OPT_GLOSS:
			r.ropt.gloss = true;
			break;
		case OPT_SEEN: {
			char **v = realloc(r.seen, (r.nseen + 1) * sizeof(*v));

			if (!v) {
				free(r.seen);
				free(glossaries);
				cli_warn("out of memory");
				return EXIT_NOMEM;
			}
			r.seen = v;
			r.seen[r.nseen++] = optarg;
			break;
		}
		case OPT_WEIGHTS:
			nsum_error_init(&err);
			if (nsum_weights_read_file(optarg, &weights, &err) != NSUM_OK)
				return cli_report(&err);
			r.sopt.weights = &weights;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			if (topic)
				fputs(topic_usage, stdout);
			else
				print_main_usage(stdout);
			return EXIT_OK;
		case 'V':
			print_version();
			return EXIT_OK;
		case ':':
			return cli_usage_error(NULL, "option '%s' needs a value",
				argv[optind - 1]);
		default:
			return cli_usage_error(NULL, "unknown option '%s'",
				argv[optind - 1]);
		}
	}
	nfiles = argc - optind;
	if (r.nseen && !topic)
		return cli_usage_error(NULL, "--seen goes with 'nsum topic'");
	if (topic) {
		if (jsonl)
			return cli_usage_error("topic", "--jsonl is for one result per "
				"article; give - to read JSON lines");
		if (r.sopt.explain)
			return cli_usage_error("topic", "--explain is for one article");
		if (nfiles == 0)
			return cli_usage_error("topic", "give the articles: files, "
				"folders, or - for JSON lines");
		if (!r.sopt.sentences && r.sopt.ratio == 0 && !r.sopt.words)
			r.sopt.sentences = 5;
	}
	if (r.sopt.sentences && r.sopt.ratio > 0)
		return cli_usage_error(NULL, "give -n/--sentences or --ratio, not both");
	if (jsonl) {
		if (format_set && r.ropt.format != NSUM_FORMAT_JSON)
			return cli_usage_error(NULL, "--jsonl writes JSON lines: "
				"--format must be json or left out");
		r.ropt.format = NSUM_FORMAT_JSON;
		r.ropt.compact = true;
	}
	if (!jsonl && !topic && nfiles > 1) {
		r.several = true;
		if (r.ropt.format == NSUM_FORMAT_HTML)
			return cli_usage_error(NULL, "--format html makes one page: "
				"give one file at a time");
		if (r.ropt.format == NSUM_FORMAT_JSON)
			r.ropt.compact = true; /* JSON Lines, one object per file */
	}

	nsum_error_init(&err);
	r.engine = nsum_engine_create(&err);
	if (!r.engine)
		return cli_report(&err);
	if (!cli_use_model(r.engine, model_path, no_model, &code))
		goto out;
	if (no_glossary && (nglossaries || r.ropt.gloss)) {
		code = cli_usage_error(NULL, "--no-glossary goes with neither "
			"--glossary nor --gloss");
		goto out;
	}
	if (!no_glossary) {
		glossary = cli_load_glossaries(glossaries, nglossaries, false, &code);
		if (!glossary && code != EXIT_OK)
			goto out;
		r.sopt.glossary = r.ropt.glossary = glossary;
	}
	r.out = output ? open_memstream(&membuf, &memlen) : stdout;
	if (!r.out) {
		cli_warn("out of memory");
		code = EXIT_NOMEM;
		goto out;
	}
	if (topic) {
		cli_fail(&code, summarize_topic(&r, argv + optind, (size_t)nfiles));
		i = argc;
	} else if (nfiles == 0) {
		cli_fail(&code, jsonl ? summarize_jsonl(&r, "-") :
			summarize_file(&r, "-"));
	}
	for (i = topic ? argc : optind; i < argc; i++) {
		int rc = jsonl ? summarize_jsonl(&r, argv[i]) :
			summarize_file(&r, argv[i]);

		cli_fail(&code, rc);
		if (rc == EXIT_IO && ferror(r.out))
			break;
	}
	if (output) {
		if (fclose(r.out) != 0) {
			cli_warn("out of memory");
			cli_fail(&code, EXIT_NOMEM);
		} else if (code == EXIT_OK || r.done) {
			if (nsum_file_write_atomic(output, membuf, memlen, &err) != NSUM_OK)
				cli_fail(&code, cli_report(&err));
		}
		free(membuf);
	} else if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_warn("cannot write the output");
		cli_fail(&code, EXIT_IO);
	}
out:
	free(glossaries);
	free(r.seen);
	nsum_glossary_destroy(glossary);
	nsum_engine_destroy(r.engine);
	return code;
}

int cmd_summarize(int argc, char **argv)
{
	return summarize_main(argc, argv, false);
}

int cmd_topic(int argc, char **argv)
{
	return summarize_main(argc, argv, true);
}
