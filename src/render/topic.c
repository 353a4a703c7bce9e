/*
 * Renderers for several articles summarized together (a topic): every
 * chosen sentence is attributed to its article by a number, "[2]", that
 * the list of articles below the summary explains.  Plain output stays one
 * sentence per line, for scripts and scoring.  JSON is in json.c, HTML in
 * html.c.
 */
#include <string.h>

#include "render/render.h"
#include "util/mem.h"
#include "util/utf8.h"

int render_topic_source(nsum_buf *b, const nsum_article *a)
{
	char day[11];
	bool sep = false;

	if (a->source) {
		if (buf_puts(b, a->source) < 0)
			return -1;
		sep = true;
	}
	nsum_date_format(&a->date, day);
	if (day[0]) {
		if ((sep && buf_puts(b, ", ") < 0) || buf_puts(b, day) < 0)
			return -1;
		sep = true;
	}
	return 0;
}

/* "  [1] Title -- source, date (path)" for every article. */
static int text_articles(nsum_buf *b, const nsum_article *arts, size_t n,
	const nsum_render_options *opt)
{
	nsum_buf line;
	size_t i;
	int rc = -1;

	buf_init(&line);
	if (buf_puts(b, "\nArticles:\n") < 0)
		goto out;
	for (i = 0; i < n; i++) {
		const nsum_article *a = &arts[i];

		buf_clear(&line);
		if (buf_printf(&line, "[%zu] %s", i + 1,
			a->doc->title ? a->doc->title : "(no title)") < 0)
			goto out;
		if (a->source || a->date.year) {
			if (buf_puts(&line, " \xE2\x80\x94 ") < 0 ||
				render_topic_source(&line, a) < 0)
				goto out;
		}
		if (buf_printf(&line, " (%s)", a->path) < 0 ||
			render_wrap(b, line.data, line.len, opt->width, 2) < 0)
			goto out;
	}
	rc = 0;
out:
	buf_finish(&line);
	return rc;
}

static int text_topic(nsum_buf *b, const nsum_article *arts, size_t n,
	const nsum_summary *sum, const nsum_render_options *opt)
{
	nsum_buf line;
	size_t i;
	int rc = -1;

	buf_init(&line);
	if (sum->headline >= 0) {
		const char *h = arts[sum->headline].doc->title;

		if (render_wrap(b, h, strlen(h), opt->width, 0) < 0 ||
			buf_putc(b, '\n') < 0)
			goto out;
	}
	if (sum->npicks == 0 && buf_puts(b, "  (no sentence to summarize)\n") < 0)
		goto out;
	for (i = 0; i < sum->npicks; i++) {
		const nsum_pick *p = &sum->picks[i];

		buf_clear(&line);
		if (render_pick(&line, arts[p->doc].doc, sum, i, opt) < 0 ||
			buf_printf(&line, " [%zu]", p->doc + 1) < 0 ||
			render_wrap(b, line.data, line.len, opt->width, 2) < 0)
			goto out;
		if (i + 1 < sum->npicks && buf_putc(b, '\n') < 0)
			goto out;
	}
	if (text_articles(b, arts, n, opt) < 0 || render_terms_text(b, sum, opt) < 0)
		goto out;
	rc = 0;
out:
	buf_finish(&line);
	return rc;
}

/* Append s for Markdown text: characters that would be markup escaped. */
int render_md_escape(nsum_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strchr("\\`*_[]<>|#", s[i]) && s[i] && buf_putc(b, '\\') < 0)
			return -1;
		if (buf_putc(b, s[i]) < 0)
			return -1;
	}
	return 0;
}

static int md_topic(nsum_buf *b, const nsum_article *arts, size_t n,
	const nsum_summary *sum, const nsum_render_options *opt)
{
	nsum_buf line;
	size_t i;
	int rc = -1;

	buf_init(&line);
	if (sum->headline >= 0) {
		const char *h = arts[sum->headline].doc->title;

		if (buf_puts(b, "# ") < 0 || render_md_escape(b, h, strlen(h)) < 0 ||
			buf_puts(b, "\n\n") < 0)
			goto out;
	}
	for (i = 0; i < sum->npicks; i++) {
		const nsum_pick *p = &sum->picks[i];

		buf_clear(&line);
		if (render_pick(&line, arts[p->doc].doc, sum, i, opt) < 0 ||
			buf_puts(b, "- ") < 0 ||
			render_md_escape(b, line.data, line.len) < 0 ||
			buf_printf(b, " \\[%zu\\]\n", p->doc + 1) < 0)
			goto out;
	}
	if (buf_puts(b, "\n## Articles\n\n") < 0)
		goto out;
	for (i = 0; i < n; i++) {
		const nsum_article *a = &arts[i];
		const char *t = a->doc->title ? a->doc->title : "(no title)";

		buf_clear(&line);
		if (render_topic_source(&line, a) < 0 ||
			buf_printf(b, "%zu. ", i + 1) < 0 ||
			render_md_escape(b, t, strlen(t)) < 0 ||
			(line.len && (buf_puts(b, " \xE2\x80\x94 ") < 0 ||
			render_md_escape(b, line.data, line.len) < 0)) ||
			buf_puts(b, " (`") < 0 || buf_puts(b, a->path) < 0 ||
			buf_puts(b, "`)\n") < 0)
			goto out;
	}
	if (render_terms_md(b, sum, opt) < 0)
		goto out;
	rc = 0;
out:
	buf_finish(&line);
	return rc;
}

char *nsum_render_topic(const nsum_article *arts, size_t n,
	const nsum_summary *sum, const nsum_render_options *opt, size_t *len)
{
	nsum_render_options defaults;
	nsum_buf b;
	size_t i;
	int rc = 0;

	if (!opt) {
		nsum_render_options_default(&defaults);
		opt = &defaults;
	}
	if (opt->format == NSUM_FORMAT_JSON)
		return render_json_topic(arts, n, sum, opt, len);
	buf_init(&b);
	switch (opt->format) {
	case NSUM_FORMAT_TEXT:
		rc = text_topic(&b, arts, n, sum, opt);
		break;
	case NSUM_FORMAT_PLAIN:
		for (i = 0; i < sum->npicks && rc == 0; i++)
			if (render_pick(&b, arts[sum->picks[i].doc].doc, sum, i, opt) < 0 ||
				buf_putc(&b, '\n') < 0)
				rc = -1;
		break;
	case NSUM_FORMAT_MD:
		rc = md_topic(&b, arts, n, sum, opt);
		break;
	case NSUM_FORMAT_HTML:
		rc = render_html_topic(&b, arts, n, sum, opt);
		break;
	case NSUM_FORMAT_JSON:
		break;
	}
	if (rc < 0) {
		buf_finish(&b);
		return NULL;
	}
	if (len)
		*len = b.len;
	return buf_steal(&b);
}
