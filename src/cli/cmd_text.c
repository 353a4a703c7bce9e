/*
 * `nsum clean` and `nsum split`: the first stages of the pipeline on their
 * own, to see what the cleaner keeps and where the splitter cuts.
 */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"

static const char clean_usage[] =
	"Usage: nsum clean [OPTIONS] FILE...\n"
	"Print the article text without the page noise (image paths, social\n"
	"posts, ads, bylines, repeated lines, English passages ...).\n"
	"\n"
	"  -e, --explain      list every dropped line with its reason instead\n"
	"  -f, --format FMT   text (default) or json (kept and dropped lines)\n"
	"      --lossy        replace invalid UTF-8 by U+FFFD instead of failing\n"
	"  -h, --help         this help\n";

static const char split_usage[] =
	"Usage: nsum split [OPTIONS] FILE...\n"
	"Print the sentences of the text, one per line.\n"
	"\n"
	"  -c, --clean        clean the page first (as the summarizer does)\n"
	"  -f, --format FMT   text (default) or json (with byte offsets)\n"
	"      --lossy        replace invalid UTF-8 by U+FFFD instead of failing\n"
	"  -h, --help         this help\n";

enum { OPT_LOSSY = 256 };

static const struct option long_options[] = {
	{ "explain", no_argument, NULL, 'e' },
	{ "clean", no_argument, NULL, 'c' },
	{ "format", required_argument, NULL, 'f' },
	{ "lossy", no_argument, NULL, OPT_LOSSY },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Shared driver; split selects the command. */
static int run(int argc, char **argv, bool split)
{
	const char *cmd = split ? "split" : "clean";
	nsum_render_options ropt;
	nsum_doc_options dopt;
	nsum_engine *engine;
	nsum_error err;
	unsigned flags = 0;
	int c, i, code = EXIT_OK, nfiles;

	nsum_render_options_default(&ropt);
	nsum_doc_options_default(&dopt);
	dopt.clean = !split;
	opterr = 0;
	while ((c = getopt_long(argc, argv, split ? ":cf:h" : ":ef:h",
		long_options, NULL)) != -1) {
		switch (c) {
		case 'e':
			if (split)
				return cli_usage_error(cmd, "unknown option '--explain'");
			ropt.explain = true;
			break;
		case 'c':
			if (!split)
				return cli_usage_error(cmd, "unknown option '--clean'");
			dopt.clean = true;
			break;
		case 'f':
			if (!nsum_format_parse(optarg, &ropt.format) ||
				(ropt.format != NSUM_FORMAT_TEXT &&
				ropt.format != NSUM_FORMAT_PLAIN &&
				ropt.format != NSUM_FORMAT_JSON))
				return cli_usage_error(cmd, "format must be text or json, "
					"not '%s'", optarg);
			break;
		case OPT_LOSSY:
			flags |= NSUM_READ_LOSSY;
			break;
		case 'h':
			fputs(split ? split_usage : clean_usage, stdout);
			return EXIT_OK;
		case ':':
			return cli_usage_error(cmd, "option '%s' needs a value",
				argv[optind - 1]);
		default:
			return cli_usage_error(cmd, "unknown option '%s'",
				argv[optind - 1]);
		}
	}
	nfiles = argc - optind;
	nsum_error_init(&err);
	engine = nsum_engine_create(&err);
	if (!engine)
		return cli_report(&err);
	for (i = nfiles ? optind : argc - 1; i < argc; i++) {
		const char *path = nfiles ? argv[i] : "-";
		nsum_text text;
		nsum_doc *doc;
		char *s;
		size_t len = 0;

		nsum_error_init(&err);
		if (nsum_text_init_file(&text, path, flags, &err) != NSUM_OK) {
			cli_fail(&code, cli_report(&err));
			continue;
		}
		doc = nsum_doc_create(engine, strcmp(path, "-") ? path : "<stdin>",
			&text, &dopt, &err);
		if (!doc) {
			cli_fail(&code, cli_report(&err));
			continue;
		}
		s = split ? nsum_render_split(doc, &ropt, &len) :
			nsum_render_clean(doc, &ropt, &len);
		if (!s) {
			cli_warn("%s: out of memory", path);
			cli_fail(&code, EXIT_NOMEM);
		} else if (!cli_write(s, len)) {
			cli_fail(&code, EXIT_IO);
			nsum_free(s);
			nsum_doc_destroy(doc);
			break;
		}
		nsum_free(s);
		nsum_doc_destroy(doc);
	}
	nsum_engine_destroy(engine);
	if (fflush(stdout) != 0) {
		cli_warn("cannot write the output");
		cli_fail(&code, EXIT_IO);
	}
	return code;
}

int cmd_clean(int argc, char **argv)
{
	return run(argc, argv, false);
}

int cmd_split(int argc, char **argv)
{
	return run(argc, argv, true);
}
