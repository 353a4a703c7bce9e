/* Placeholder until the splitter lands: one sentence per segment. */
#include <string.h>

#include "nsum/split.h"
#include "util/mem.h"

nsum_status nsum_split(const nsum_lang *lang, const char *text,
	const nsum_segment *segs, size_t nsegs, nsum_sentences *out,
	nsum_error *err)
{
	size_t i;

	(void)lang;
	(void)text;
	memset(out, 0, sizeof(*out));
	out->items = mem_calloc(nsegs + 1, sizeof(*out->items));
	if (!out->items)
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < nsegs; i++) {
		nsum_sentence *s = &out->items[out->count++];

		s->start = segs[i].start;
		s->end = segs[i].end;
		s->line = segs[i].line;
		s->paragraph = i;
		s->flags = NSUM_SENT_PARAGRAPH;
	}
	return NSUM_OK;
}

void nsum_sentences_finish(nsum_sentences *s)
{
	if (!s)
		return;
	nsum_free(s->items);
	memset(s, 0, sizeof(*s));
}
