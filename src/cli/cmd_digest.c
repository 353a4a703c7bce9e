/*
 * `nsum digest [--date D] [--out DIR] INPUT...`: the day's articles as a
 * digest (D.md, D.html, D.json) and the folder's feeds.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/inputs.h"
#include "nsum/digest.h"

static const char usage[] =
	"Usage: nsum digest [OPTIONS] INPUT...\n"
	"The day's articles as topics, each summarized once from all its\n"
	"articles, written to DIR/D.md, DIR/D.html and DIR/D.json; DIR/feed.xml\n"
	"(Atom) and DIR/feed.json (JSON Feed) get the day's entry.  INPUTs are\n"
	"files, folders (recursive: .txt, .md, .jsonl) or - for JSON lines\n"
	"{\"id\",\"title\",\"text\",\"source\",\"date\",\"url\"} on stdin.\n"
	"\n"
	"  -d, --date D        the digest's day, YYYY-MM-DD (default: the most\n"
	"                      common date of the articles, else today)\n"
	"  -o, --out DIR       where to write (default: .); created if missing\n"
	"      --history DIR   earlier digests: a topic that continues one links\n"
	"                      to it and says what is new\n"
	"      --continues X   similarity that makes a topic continue an earlier\n"
	"                      one (default 0.15)\n"
	"  -n, --sentences N   sentences per topic (default 3)\n"
	"  -w, --words W       at most W words per topic instead\n"
	"  -t, --terms N       key terms per topic (default 8)\n"
	"      --threshold X   similarity that makes two articles one topic\n"
	"                      (default 0.15; see docs/digest.md)\n"
	"      --duplicate X   resemblance that makes two articles copies\n"
	"                      (default 0.7)\n"
	"  -g, --glossary FILE glossary (repeatable; default: the installed one\n"
	"                      and ~/.local/share/nsum/glossary.csv)\n"
	"      --no-glossary   no glossary\n"
	"      --dict FILE     dictionary (dictd index or TSV, repeatable): the\n"
	"                      terms the glossary lacks get proposed English\n"
	"  -m, --model FILE    IDF from a model; --no-model: ignore the default\n"
	"      --base-url URL  where DIR is published (absolute feed links)\n"
	"      --feed-title T  the feeds' title (default \"nsum digest\")\n"
	"      --lossy         replace invalid UTF-8 by U+FFFD instead of failing\n"
	"  -h, --help          this help\n"
	"\n"
	"Prints the files it wrote.  A bad input is reported and left out; the\n"
	"digest is still written, and the exit status is the input's.\n";

enum {
	OPT_HISTORY = 256, OPT_THRESHOLD, OPT_DUPLICATE, OPT_NO_GLOSSARY,
	OPT_NO_MODEL, OPT_BASE_URL, OPT_FEED_TITLE, OPT_LOSSY, OPT_CONTINUES,
	OPT_DICT,
};

static const struct option long_options[] = {
	{ "date", required_argument, NULL, 'd' },
	{ "out", required_argument, NULL, 'o' },
	{ "history", required_argument, NULL, OPT_HISTORY },
	{ "continues", required_argument, NULL, OPT_CONTINUES },
	{ "sentences", required_argument, NULL, 'n' },
	{ "words", required_argument, NULL, 'w' },
	{ "terms", required_argument, NULL, 't' },
	{ "threshold", required_argument, NULL, OPT_THRESHOLD },
	{ "duplicate", required_argument, NULL, OPT_DUPLICATE },
	{ "glossary", required_argument, NULL, 'g' },
	{ "no-glossary", no_argument, NULL, OPT_NO_GLOSSARY },
	{ "dict", required_argument, NULL, OPT_DICT },
	{ "model", required_argument, NULL, 'm' },
	{ "no-model", no_argument, NULL, OPT_NO_MODEL },
	{ "base-url", required_argument, NULL, OPT_BASE_URL },
	{ "feed-title", required_argument, NULL, OPT_FEED_TITLE },
	{ "lossy", no_argument, NULL, OPT_LOSSY },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int cmd_digest(int argc, char **argv)
{
	nsum_digest_options opt;
	nsum_feed_options feed;
	nsum_engine *engine = NULL;
	nsum_glossary *glossary = NULL;
	nsum_digest *dg = NULL;
	nsum_error err;
	cli_articles arts = { NULL, 0, 0 };
	const char *out = ".", *model_path = NULL;
	char *glossaries[64], *dicts[64];
	size_t nglossaries = 0, ndicts = 0, i;
	nsum_dict *dict = NULL;
	bool no_glossary = false, no_model = false;
	unsigned read_flags = 0;
	int c, code = EXIT_OK, rc;
	double x;

	nsum_digest_options_default(&opt);
	memset(&feed, 0, sizeof(feed));
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:o:n:w:t:g:m:h", long_options,
		NULL)) != -1) {
		switch (c) {
		case 'd':
			opt.date = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case OPT_HISTORY:
			opt.history = optarg;
			break;
		case OPT_CONTINUES:
			if (!cli_parse_double("digest", "--continues", optarg, 0, 1, true, &x))
				return EXIT_USAGE;
			opt.continues = x;
			break;
		case 'n':
			if (!cli_parse_size("digest", "-n/--sentences", optarg, 1,
				&opt.summary.sentences))
				return EXIT_USAGE;
			opt.summary.words = 0;
			break;
		case 'w':
			if (!cli_parse_size("digest", "-w/--words", optarg, 1,
				&opt.summary.words))
				return EXIT_USAGE;
			opt.summary.sentences = 0;
			break;
		case 't':
			if (!cli_parse_size("digest", "-t/--terms", optarg, 0,
				&opt.summary.terms))
				return EXIT_USAGE;
			break;
		case OPT_THRESHOLD:
			if (!cli_parse_double("digest", "--threshold", optarg, 0, 1, true, &x))
				return EXIT_USAGE;
			opt.cluster.threshold = x;
			break;
		case OPT_DUPLICATE:
			if (!cli_parse_double("digest", "--duplicate", optarg, 0, 1, true, &x))
				return EXIT_USAGE;
			opt.cluster.duplicate = x;
			break;
		case 'g':
			if (nglossaries == sizeof(glossaries) / sizeof(*glossaries))
				return cli_usage_error("digest", "at most %zu glossaries",
					sizeof(glossaries) / sizeof(*glossaries));
			glossaries[nglossaries++] = optarg;
			break;
		case OPT_NO_GLOSSARY:
			no_glossary = true;
			break;
		case OPT_DICT:
			if (ndicts == sizeof(dicts) / sizeof(*dicts))
				return cli_usage_error("digest", "at most %zu dictionaries",
					sizeof(dicts) / sizeof(*dicts));
			dicts[ndicts++] = optarg;
			break;
		case 'm':
			model_path = optarg;
			break;
		case OPT_NO_MODEL:
			no_model = true;
			break;
		case OPT_BASE_URL:
			feed.base_url = optarg;
			break;
		case OPT_FEED_TITLE:
			feed.title = optarg;
			break;
		case OPT_LOSSY:
			read_flags |= NSUM_READ_LOSSY;
			break;
		case 'h':
			fputs(usage, stdout);
			return EXIT_OK;
		case ':':
			return cli_usage_error("digest", "option '%s' needs a value",
				argv[optind - 1]);
		default:
			return cli_usage_error("digest", "unknown option '%s'",
				argv[optind - 1]);
		}
	}
	if (optind == argc)
		return cli_usage_error("digest", "give the day's articles: files, "
			"folders, or - for JSON lines");
	if (no_glossary && nglossaries)
		return cli_usage_error("digest", "--no-glossary goes with no --glossary");
	if (opt.date) {
		nsum_date d;

		if (strlen(opt.date) != 10 || opt.date[4] != '-' ||
			nsum_date_parse(opt.date, 10, &d) != 10)
			return cli_usage_error("digest", "--date must be a day written "
				"YYYY-MM-DD, not '%s'", opt.date);
	}

	nsum_error_init(&err);
	engine = nsum_engine_create(&err);
	if (!engine)
		return cli_report(&err);
	if (!cli_use_model(engine, model_path, no_model, &code))
		goto out;
	if (!no_glossary) {
		glossary = cli_load_glossaries(glossaries, nglossaries, false, &code);
		if (!glossary && code != EXIT_OK)
			goto out;
		opt.summary.glossary = glossary;
	}
	if (ndicts) {
		if (!glossary) {
			code = cli_usage_error("digest", "--dict proposes English for "
				"what the glossary lacks: it needs a glossary");
			goto out;
		}
		dict = nsum_dict_create(&err);
		if (!dict) {
			code = cli_report(&err);
			goto out;
		}
		if (!cli_fill_dict(dict, dicts, ndicts, glossary, &code))
			goto out;
		opt.dict = dict;
	}
	if (mkdir(out, 0777) != 0 && errno != EEXIST) {
		cli_warn("%s: %s", out, strerror(errno));
		code = EXIT_IO;
		goto out;
	}
	if (!cli_read_articles(engine, argv + optind, (size_t)(argc - optind),
		read_flags, &arts, &code))
		goto out;
	dg = nsum_digest_build(engine, arts.items, arts.count, &opt, &err);
	if (!dg) {
		cli_fail(&code, cli_report(&err));
		goto out;
	}
	rc = nsum_digest_write(dg, out, &feed, &err) == NSUM_OK ? EXIT_OK :
		cli_report(&err);
	cli_fail(&code, rc);
	if (rc == EXIT_OK) {
		static const char *const names[] = { "json", "md", "html" };

		for (i = 0; i < 3; i++)
			printf("%s/%s.%s\n", out, nsum_digest_day(dg), names[i]);
		printf("%s/feed.xml\n%s/feed.json\n", out, out);
		if (fflush(stdout) != 0)
			cli_fail(&code, EXIT_IO);
	}
out:
	nsum_digest_destroy(dg);
	cli_articles_finish(&arts);
	nsum_dict_destroy(dict);
	nsum_glossary_destroy(glossary);
	nsum_engine_destroy(engine);
	return code;
}
