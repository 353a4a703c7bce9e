/* Placeholder until the cleaner lands: keeps every line. */
#include <string.h>

#include "nsum/clean.h"
#include "util/mem.h"

void nsum_clean_options_default(nsum_clean_options *opt)
{
	opt->find_title = true;
}

nsum_status nsum_clean(const nsum_lang *lang, const char *text, size_t len,
	const nsum_clean_options *opt, nsum_cleaned *out, nsum_error *err)
{
	size_t i, start = 0, n = 0;

	(void)lang;
	(void)opt;
	memset(out, 0, sizeof(*out));
	for (i = 0; i < len; i++)
		if (text[i] == '\n')
			n++;
	out->lines = mem_calloc(n + 1, sizeof(*out->lines));
	if (!out->lines)
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i <= len; i++) {
		if (i == len || text[i] == '\n') {
			nsum_line *l = &out->lines[out->count++];

			l->start = l->keep_start = start;
			l->end = l->keep_end = i;
			start = i + 1;
		}
	}
	return NSUM_OK;
}

void nsum_cleaned_finish(nsum_cleaned *c)
{
	if (!c)
		return;
	nsum_free(c->lines);
	memset(c, 0, sizeof(*c));
}

nsum_status nsum_cleaned_segments(const nsum_cleaned *c, nsum_segment **segs,
	size_t *n, nsum_error *err)
{
	size_t i;

	*n = 0;
	*segs = mem_calloc(c->count + 1, sizeof(**segs));
	if (!*segs)
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < c->count; i++) {
		if (c->lines[i].reason != NSUM_KEEP ||
			c->lines[i].keep_end == c->lines[i].keep_start)
			continue;
		(*segs)[*n].start = c->lines[i].keep_start;
		(*segs)[*n].end = c->lines[i].keep_end;
		(*segs)[*n].line = i + 1;
		(*segs)[*n].flags = NSUM_SEG_PARAGRAPH;
		(*n)++;
	}
	return NSUM_OK;
}

nsum_status nsum_segments_all(const char *text, size_t len,
	nsum_segment **segs, size_t *n, nsum_error *err)
{
	nsum_cleaned c;
	nsum_status st = nsum_clean(NULL, text, len, NULL, &c, err);

	if (st != NSUM_OK)
		return st;
	st = nsum_cleaned_segments(&c, segs, n, err);
	nsum_cleaned_finish(&c);
	return st;
}

const char *nsum_drop_name(nsum_drop reason)
{
	(void)reason;
	return "";
}
