/*
 * nsum: summaries of French news articles.  The entry point dispatches to
 * a subcommand; with none, it summarizes the files it is given.
 */
#include <string.h>

#include "cli/cli.h"
#include "config.h"

static const char usage[] =
	"Usage: nsum [OPTIONS] FILE...         summarize articles (- for stdin)\n"
	"       nsum topic [OPTIONS] INPUT...  several articles on one story as one\n"
	"                                      summary (files, folders, - JSON lines)\n"
	"       nsum digest [--out DIR] INPUT... the day's digest: topics, summaries,\n"
	"                                      Markdown, HTML, JSON and feeds\n"
	"       nsum clean [--explain] FILE... the article text without page noise\n"
	"       nsum split [--clean] FILE...   one sentence per line\n"
	"       nsum model build|merge ...     document-frequency models\n"
	"       nsum glossary COMMAND ...      the French-English glossary\n"
	"       nsum eval --refs F --sums F    ROUGE of summaries against references\n"
	"       nsum --help | --version\n"
	"\n"
	"Summary options:\n"
	"  -n, --sentences N   at most N sentences (default 3)\n"
	"      --ratio R       this share of the article's sentences, 0 < R <= 1\n"
	"  -w, --words W       at most W words (whole sentences while they fit)\n"
	"  -f, --format FMT    text (default), plain, json, md, html\n"
	"  -t, --terms N       key terms to show (default 10, 0 for none)\n"
	"      --jsonl         read JSON lines {\"id\",\"title\",\"text\"}, write one\n"
	"                      JSON result per line\n"
	"  -m, --model FILE    take IDF from a model built by 'nsum model build'\n"
	"      --no-model      ignore the default model\n"
	"      --redundancy X  max similarity of two chosen sentences (default 0.4)\n"
	"      --weights FILE  scoring weights (\"name value\" lines; see nsum(1))\n"
	"  -g, --glossary FILE French-English glossary for the key terms\n"
	"                      (repeatable; default: the installed one and\n"
	"                      ~/.local/share/nsum/glossary.csv)\n"
	"      --no-glossary   no glossary\n"
	"      --gloss         \"garanties de sécurité [security guarantees]\" in\n"
	"                      the summary\n"
	"      --explain       show every sentence's score and features\n"
	"      --lossy         replace invalid UTF-8 by U+FFFD instead of failing\n"
	"  -o, --output FILE   write to FILE (atomically) instead of stdout\n"
	"  -h, --help          this help\n"
	"  -V, --version       version\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 3 read/write error, 4 invalid input,\n"
	"5 empty input, 6 out of memory.  See nsum(1).\n";

void print_main_usage(FILE *f);

void print_main_usage(FILE *f)
{
	fputs(usage, f);
}

int main(int argc, char **argv)
{
	if (argc >= 2) {
		const char *cmd = argv[1];

		if (strcmp(cmd, "digest") == 0)
			return cmd_digest(argc - 1, argv + 1);
		if (strcmp(cmd, "topic") == 0)
			return cmd_topic(argc - 1, argv + 1);
		if (strcmp(cmd, "clean") == 0)
			return cmd_clean(argc - 1, argv + 1);
		if (strcmp(cmd, "split") == 0)
			return cmd_split(argc - 1, argv + 1);
		if (strcmp(cmd, "model") == 0)
			return cmd_model(argc - 1, argv + 1);
		if (strcmp(cmd, "glossary") == 0)
			return cmd_glossary(argc - 1, argv + 1);
		if (strcmp(cmd, "eval") == 0)
			return cmd_eval(argc - 1, argv + 1);
		if (strcmp(cmd, "help") == 0) {
			print_main_usage(stdout);
			return EXIT_OK;
		}
	}
	return cmd_summarize(argc, argv);
}
