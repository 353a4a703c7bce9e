/*
 * The render stage: a summary (or a cleaning or splitting result) as text
 * for people or programs.  Renderers build a string; the caller prints it.
 *
 * Formats:
 *   text   the title, the summary as wrapped paragraphs, the key terms --
 *          readable in a terminal
 *   plain  only the chosen sentences, one per line (scripts, scoring)
 *   json   one object, keys in a fixed order (schema in docs/json.md)
 *   md     Markdown
 *   html   one self-contained page: the article with the chosen sentences
 *          highlighted and every sentence shaded by its score
 */
#ifndef NSUM_RENDER_H
#define NSUM_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "nsum/article.h"
#include "nsum/doc.h"
#include "nsum/summarize.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nsum_format {
	NSUM_FORMAT_TEXT = 0,
	NSUM_FORMAT_PLAIN,
	NSUM_FORMAT_JSON,
	NSUM_FORMAT_MD,
	NSUM_FORMAT_HTML,
} nsum_format;

typedef struct nsum_render_options {
	nsum_format format;
	bool compact;     /* json: one line (for --jsonl) */
	bool explain;     /* json/text: every sentence with its features */
	size_t width;     /* text: wrap column (default 78; 0 = no wrap) */
	const nsum_glossary *glossary; /* the one given to nsum_summarize():
	                     key terms show their English from it */
	bool gloss;       /* text, plain, md, html: annotate glossary terms in
	                     the summary, "garanties de sécurité [security
	                     guarantees]" */
} nsum_render_options;

/* Default options: text, wrapped at 78 columns. */
void nsum_render_options_default(nsum_render_options *opt);

/*
 * Parse a format name ("text", "plain", "json", "md" or "markdown",
 * "html").  Returns false when the name is unknown.
 */
bool nsum_format_parse(const char *name, nsum_format *out);

/*
 * Render the summary of doc (summarized alone).  Returns a new string (free
 * with nsum_free()), its length in *len when len is not NULL; NULL on no
 * memory.
 */
char *nsum_render_summary(const nsum_doc *doc, const nsum_summary *sum,
	const nsum_render_options *opt, size_t *len);

/*
 * Render the summary of several articles summarized together: sum comes
 * from nsum_summarize() over arts[0..n)'s documents in that order.  Each
 * chosen sentence is attributed to its article ("[2]" in text and
 * Markdown, "article" in JSON); the headline is the most central title.
 * Same ownership as nsum_render_summary().
 */
char *nsum_render_topic(const nsum_article *arts, size_t n,
	const nsum_summary *sum, const nsum_render_options *opt, size_t *len);

/*
 * The cleaned text of doc: the kept part of every kept line, English
 * sentences left out, one line each (format text or plain), or a JSON
 * object with the kept lines and the dropped ones.  With explain (text),
 * every dropped line instead, as "LINE: reason: text".
 */
char *nsum_render_clean(const nsum_doc *doc, const nsum_render_options *opt,
	size_t *len);

/*
 * The sentences of doc, one per line (text or plain), or a JSON array of
 * objects with text, start, end, line.
 */
char *nsum_render_split(const nsum_doc *doc, const nsum_render_options *opt,
	size_t *len);

#ifdef __cplusplus
}
#endif

#endif
