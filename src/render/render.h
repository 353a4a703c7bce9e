/*
 * Internal helpers shared by the renderers.
 */
#ifndef NSUM_RENDER_INTERNAL_H
#define NSUM_RENDER_INTERNAL_H

#include "nsum/render.h"
#include "util/buf.h"

/*
 * Append the text of pick p of doc to b: the sentence on one line, or, for
 * a cut sentence, its words up to the cut followed by "…".  0 or -1.
 */
int render_pick_text(nsum_buf *b, const nsum_doc *doc, const nsum_pick *p);

/*
 * The same for pick i of sum, with " [English]" after each glossary term
 * when opt asks for it (opt->gloss and a glossary).  0 or -1.
 */
int render_pick(nsum_buf *b, const nsum_doc *doc, const nsum_summary *sum,
	size_t i, const nsum_render_options *opt);

/* The preferred (first) English of glossary entry e, its length in *n. */
const char *render_english(const nsum_gloss_entry *e, size_t *n);

/* Append s[0..n) on one line (white space runs as one space).  0 or -1. */
int render_one_line(nsum_buf *b, const char *s, size_t n);

/*
 * Append s (one line) wrapped at width columns, every line prefixed by
 * indent spaces.  0 or -1.
 */
int render_wrap(nsum_buf *b, const char *s, size_t n, size_t width,
	size_t indent);

/* Append s[0..n) escaped for HTML text and attributes.  0 or -1. */
int render_html_escape(nsum_buf *b, const char *s, size_t n);

/* Round x to 4 decimals (stable numbers in output). */
double render_round(double x);

char *render_json_summary(const nsum_doc *doc, const nsum_summary *sum,
	const nsum_render_options *opt, size_t *len);
char *render_json_clean(const nsum_doc *doc, const nsum_render_options *opt,
	size_t *len);
char *render_json_split(const nsum_doc *doc, const nsum_render_options *opt,
	size_t *len);
char *render_json_topic(const nsum_article *arts, size_t n,
	const nsum_summary *sum, const nsum_render_options *opt, size_t *len);
int render_html_topic(nsum_buf *b, const nsum_article *arts, size_t n,
	const nsum_summary *sum, const nsum_render_options *opt);
/*
 * Article a as JSON, {id, path, title, source, date} (docs/json.md): a new
 * object, NULL on no memory.
 */
struct json_t *render_article_json(const nsum_article *a);
/* Append "source, YYYY-MM-DD" of a (either part may be missing).  0 or -1. */
int render_topic_source(nsum_buf *b, const nsum_article *a);
/*
 * The key terms of sum for a terminal ("Key terms:" and one term a line
 * with its English, or a wrapped list without a glossary), for Markdown (a
 * table with the English, or a list), for HTML (a list of pills).  Nothing
 * when there is none.  0 or -1.
 */
int render_terms_text(nsum_buf *b, const nsum_summary *sum,
	const nsum_render_options *opt);
int render_terms_md(nsum_buf *b, const nsum_summary *sum,
	const nsum_render_options *opt);
int render_terms_html(nsum_buf *b, const nsum_summary *sum,
	const nsum_render_options *opt);
/* Append s[0..n) with the characters Markdown reads as markup escaped. */
int render_md_escape(nsum_buf *b, const char *s, size_t n);
int render_html_summary(nsum_buf *b, const nsum_doc *doc,
	const nsum_summary *sum, const nsum_render_options *opt);

#endif
