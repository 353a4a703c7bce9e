/*
 * HTML output: one self-contained page (inline CSS, no script, no external
 * asset) with the summary and key terms on top and the whole article below,
 * every sentence shaded by its score and the chosen ones highlighted.
 * Dropped lines are shown struck through in a muted colour so the reader
 * sees what the cleaner removed and why (hover for the reason).
 */
#include <math.h>
#include <string.h>

#include "render/render.h"

static const char style[] =
	"body{font:17px/1.55 Georgia,'DejaVu Serif',serif;max-width:46em;"
	"margin:1.5em auto;padding:0 1em;color:#1d1d1f;background:#fff}"
	"h1{font-size:1.5em;line-height:1.25}"
	"h2{font:600 .8em system-ui,sans-serif;text-transform:uppercase;"
	"letter-spacing:.08em;color:#666;margin-top:2em}"
	"ol.summary li{margin:.4em 0}"
	"ul.terms{padding:0;list-style:none}"
	"ul.terms .en{color:#555;font-style:italic}"
	"ul.terms li.missing{background:#f7e6e6}"
	"ul.terms li{display:inline-block;margin:.2em .3em .2em 0;padding:.1em .6em;"
	"border-radius:1em;background:#eef2f7;font:.85em system-ui,sans-serif}"
	"p{margin:.8em 0}"
	".s{border-radius:.2em}"
	".pick{outline:2px solid #c98a00;background:#ffe8a3 !important}"
	".drop{color:#999;text-decoration:line-through;font-size:.85em}"
	".legend{font:.8em system-ui,sans-serif;color:#666}"
	"@media (max-width:600px){body{font-size:16px}}";

/* Append an attribute-safe number with 4 decimals. */
static int score_attr(nsum_buf *b, double x)
{
	if (!isfinite(x))
		return buf_puts(b, "-");
	return buf_printf(b, "%.4f", render_round(x));
}

/*
 * Whether sentence i is among the picks.  Sentences are asked in order and
 * picks are in reading order, so *k, the first pick not yet passed, only
 * moves forward: one pass over the picks for the whole page.
 */
static bool is_pick(const nsum_summary *sum, size_t i, size_t *k)
{
	while (*k < sum->npicks && sum->picks[*k].sentence < i)
		(*k)++;
	return *k < sum->npicks && sum->picks[*k].sentence == i;
}

int render_terms_html(nsum_buf *b, const nsum_summary *sum,
	const nsum_render_options *opt)
{
	size_t i;

	if (!sum->nterms)
		return 0;
	if (buf_puts(b, "<h2>Key terms</h2>\n<ul class=\"terms\">\n") < 0)
		return -1;
	for (i = 0; i < sum->nterms; i++) {
		const nsum_term *t = &sum->terms[i];
		const char *en = opt && opt->glossary && t->entry >= 0 ?
			nsum_glossary_entry(opt->glossary, (size_t)t->entry)->en : NULL;

		if (buf_puts(b, opt && opt->glossary && !en ?
			"<li class=\"missing\" title=\"not in the glossary\">" :
			"<li>") < 0 ||
			render_html_escape(b, t->text, strlen(t->text)) < 0 ||
			(en && (buf_puts(b, " <span class=\"en\">") < 0 ||
			render_html_escape(b, en, strlen(en)) < 0 ||
			buf_puts(b, "</span>") < 0)) ||
			buf_puts(b, "</li>\n") < 0)
			return -1;
	}
	return buf_puts(b, "</ul>\n");
}

int render_html_summary(nsum_buf *b, const nsum_doc *doc,
	const nsum_summary *sum, const nsum_render_options *opt)
{
	double lo = INFINITY, hi = -INFINITY;
	size_t i, l, next = 0, pk = 0;
	nsum_buf line;
	bool open = false;

	buf_init(&line);
	for (i = 0; i < doc->sents.count; i++) {
		if (!isfinite(sum->score[i]))
			continue;
		lo = fmin(lo, sum->score[i]);
		hi = fmax(hi, sum->score[i]);
	}
	if (buf_puts(b, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n"
		"<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>") < 0 ||
		render_html_escape(b, doc->title ? doc->title : doc->name,
			strlen(doc->title ? doc->title : doc->name)) < 0 ||
		buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", style) < 0)
		goto nomem;
	if (doc->title && (buf_puts(b, "<h1>") < 0 ||
		render_html_escape(b, doc->title, strlen(doc->title)) < 0 ||
		buf_puts(b, "</h1>\n") < 0))
		goto nomem;

	if (buf_puts(b, "<h2>Summary</h2>\n<ol class=\"summary\">\n") < 0)
		goto nomem;
	for (i = 0; i < sum->npicks; i++) {
		buf_clear(&line);
		if (render_pick(&line, doc, sum, i, opt) < 0 ||
			buf_printf(b, "<li><a href=\"#s%zu\">", sum->picks[i].sentence) < 0 ||
			render_html_escape(b, line.data, line.len) < 0 ||
			buf_puts(b, "</a></li>\n") < 0)
			goto nomem;
	}
	if (buf_puts(b, "</ol>\n") < 0)
		goto nomem;
	if (render_terms_html(b, sum, opt) < 0)
		goto nomem;

	if (buf_puts(b, "<h2>Article</h2>\n<p class=\"legend\">Each sentence is "
		"shaded by its score; the sentences of the summary are outlined; "
		"struck-through lines were removed as page noise.</p>\n") < 0)
		goto nomem;
	/* Walk lines; inside kept lines, wrap each sentence in a span. */
	for (l = 0; l < doc->clean.count; l++) {
		const nsum_line *ln = &doc->clean.lines[l];
		size_t pos;

		if (ln->reason == NSUM_DROP_BLANK || ln->reason == NSUM_DROP_TITLE) {
			if (open && buf_puts(b, "</p>\n") < 0)
				goto nomem;
			open = false;
			continue;
		}
		if (ln->reason != NSUM_KEEP) {
			if (open && buf_puts(b, "</p>\n") < 0)
				goto nomem;
			open = false;
			if (buf_printf(b, "<p class=\"drop\" title=\"%s\">",
				nsum_drop_name(ln->reason)) < 0 ||
				render_html_escape(b, doc->text.data + ln->start,
					ln->end - ln->start) < 0 ||
				buf_puts(b, "</p>\n") < 0)
				goto nomem;
			continue;
		}
		if (!open && buf_puts(b, "<p>") < 0)
			goto nomem;
		else if (open && buf_puts(b, "<br>\n") < 0)
			goto nomem;
		open = true;
		pos = ln->keep_start;
		while (next < doc->sents.count && doc->sents.items[next].start < ln->keep_end) {
			const nsum_sentence *s = &doc->sents.items[next];
			double sc = sum->score[next], a;
			bool pick = is_pick(sum, next, &pk);
			size_t from = s->start > pos ? s->start : pos;
			size_t to = s->end < ln->keep_end ? s->end : ln->keep_end;

			if (from > pos && render_html_escape(b, doc->text.data + pos,
				from - pos) < 0)
				goto nomem;
			a = isfinite(sc) && hi > lo ? 0.08 + 0.5 * (sc - lo) / (hi - lo) :
				isfinite(sc) ? 0.3 : 0;
			if (buf_printf(b, "<span%s%zu\" class=\"s%s%s\" "
				"style=\"background:rgba(255,190,0,%.2f)\" title=\"score ",
				from == s->start ? " id=\"s" : " data-s=\"", next,
				pick ? " pick" : "", s->drop ? " drop" : "", a) < 0 ||
				score_attr(b, sc) < 0 ||
				(s->drop && buf_printf(b, " (%s)",
					nsum_drop_name((nsum_drop)s->drop)) < 0) ||
				buf_puts(b, "\">") < 0 ||
				render_html_escape(b, doc->text.data + from, to - from) < 0 ||
				buf_puts(b, "</span>") < 0)
				goto nomem;
			pos = to;
			if (s->end > ln->keep_end)
				break; /* continues on the next line (hard wrap) */
			next++;
		}
		if (pos < ln->keep_end && render_html_escape(b, doc->text.data + pos,
			ln->keep_end - pos) < 0)
			goto nomem;
	}
	if (open && buf_puts(b, "</p>\n") < 0)
		goto nomem;
	if (buf_puts(b, "</body>\n</html>\n") < 0)
		goto nomem;
	buf_finish(&line);
	return 0;
nomem:
	buf_finish(&line);
	return -1;
}

int render_html_topic(nsum_buf *b, const nsum_article *arts, size_t n,
	const nsum_summary *sum, const nsum_render_options *opt)
{
	const char *h = sum->headline >= 0 ? arts[sum->headline].doc->title :
		"Topic";
	nsum_buf line;
	size_t i;

	buf_init(&line);
	if (buf_puts(b, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n"
		"<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>") < 0 || render_html_escape(b, h, strlen(h)) < 0 ||
		buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>",
			style) < 0 ||
		render_html_escape(b, h, strlen(h)) < 0 ||
		buf_puts(b, "</h1>\n<h2>Summary</h2>\n<ol class=\"summary\">\n") < 0)
		goto nomem;
	for (i = 0; i < sum->npicks; i++) {
		const nsum_pick *p = &sum->picks[i];

		buf_clear(&line);
		if (render_pick(&line, arts[p->doc].doc, sum, i, opt) < 0 ||
			buf_puts(b, "<li>") < 0 ||
			render_html_escape(b, line.data, line.len) < 0 ||
			buf_printf(b, " <a class=\"ref\" href=\"#a%zu\">[%zu]</a></li>\n",
				p->doc + 1, p->doc + 1) < 0)
			goto nomem;
	}
	if (buf_puts(b, "</ol>\n") < 0)
		goto nomem;
	if (render_terms_html(b, sum, opt) < 0)
		goto nomem;
	if (buf_puts(b, "<h2>Articles</h2>\n<ol class=\"articles\">\n") < 0)
		goto nomem;
	for (i = 0; i < n; i++) {
		const nsum_article *a = &arts[i];
		const char *t = a->doc->title ? a->doc->title : "(no title)";

		buf_clear(&line);
		if (render_topic_source(&line, a) < 0 ||
			buf_printf(b, "<li id=\"a%zu\">", i + 1) < 0 ||
			render_html_escape(b, t, strlen(t)) < 0 ||
			(line.len && (buf_puts(b, " <span class=\"legend\">") < 0 ||
			render_html_escape(b, line.data, line.len) < 0 ||
			buf_puts(b, "</span>") < 0)) ||
			buf_puts(b, " <code>") < 0 ||
			render_html_escape(b, a->path, strlen(a->path)) < 0 ||
			buf_puts(b, "</code></li>\n") < 0)
			goto nomem;
	}
	if (buf_puts(b, "</ol>\n</body>\n</html>\n") < 0)
		goto nomem;
	buf_finish(&line);
	return 0;
nomem:
	buf_finish(&line);
	return -1;
}
