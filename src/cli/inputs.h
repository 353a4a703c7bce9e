/*
 * Articles in, for `nsum topic` and `nsum digest` (see inputs.c).
 */
#ifndef NSUM_CLI_INPUTS_H
#define NSUM_CLI_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

#include "nsum/nsum.h"

typedef struct cli_articles {
	nsum_article *items;   /* in input order; owned */
	size_t count;
	size_t cap;
} cli_articles;

/*
 * Read every article of paths[0..n) into *out (initialized here): files,
 * folders (recursive: .txt, .md, .jsonl), "-" for JSON lines on stdin.  A
 * bad input is reported on stderr, skipped, and its exit code kept in
 * *code (cli_fail()).  With many inputs and stderr a terminal, progress is
 * shown there.  Returns false only when out of memory (reported, *code
 * set).  Free with cli_articles_finish(), whatever the result.
 */
bool cli_read_articles(nsum_engine *e, char *const *paths, size_t n,
	unsigned read_flags, cli_articles *out, int *code);

/* Free what *a holds and leave it empty.  a may be NULL. */
void cli_articles_finish(cli_articles *a);

#endif
