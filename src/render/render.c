/*
 * Renderers for people: text, plain and Markdown summaries, the cleaned
 * text and the sentence list; shared helpers; the format dispatcher.
 * JSON and HTML live in json.c and html.c.
 */
#include <math.h>
#include <string.h>

#include "render/render.h"
#include "util/mem.h"
#include "util/utf8.h"

void nsum_render_options_default(nsum_render_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->format = NSUM_FORMAT_TEXT;
	opt->width = 78;
}

bool nsum_format_parse(const char *name, nsum_format *out)
{
	static const struct {
		const char *name;
		nsum_format f;
	} names[] = {
		{ "text", NSUM_FORMAT_TEXT }, { "plain", NSUM_FORMAT_PLAIN },
		{ "json", NSUM_FORMAT_JSON }, { "md", NSUM_FORMAT_MD },
		{ "markdown", NSUM_FORMAT_MD }, { "html", NSUM_FORMAT_HTML },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].f;
			return true;
		}
	}
	return false;
}

double render_round(double x)
{
	return round(x * 10000.0) / 10000.0;
}

int render_one_line(nsum_buf *b, const char *s, size_t n)
{
	size_t i = 0;
	bool space = false, any = false;

	while (i < n) {
		size_t j = i, k;
		int32_t cp;

		/* A run without white space goes out in one piece. */
		while (j < n) {
			k = u8_decode(s, n, j, &cp);
			if (u8_is_space(cp))
				break;
			j += k;
		}
		if (j > i) {
			if (space && buf_putc(b, ' ') < 0)
				return -1;
			space = false;
			any = true;
			if (buf_append(b, s + i, j - i) < 0)
				return -1;
			i = j;
		}
		if (i < n) {
			space = any;
			i += u8_decode(s, n, i, &cp);
		}
	}
	return 0;
}

/* Where the text of pick p ends: its cut point without the comma, colon
 * or dash before it, or the sentence's end. */
static size_t pick_end(const nsum_doc *doc, const nsum_pick *p)
{
	const nsum_sentence *s = &doc->sents.items[p->sentence];
	size_t end = p->cut ? p->cut : s->end;

	if (p->cut) {
		/* No comma or colon before the ellipsis. */
		while (end > s->start) {
			int32_t cp;
			size_t k = u8_decode_prev(doc->text.data, end, &cp);

			if (!(u8_is_space(cp) || cp == ',' || cp == ';' || cp == ':' ||
				u8_is_dash(cp) || cp == '-'))
				break;
			end -= k;
		}
	}
	return end;
}

int render_pick_text(nsum_buf *b, const nsum_doc *doc, const nsum_pick *p)
{
	const nsum_sentence *s = &doc->sents.items[p->sentence];
	size_t end = pick_end(doc, p);

	if (render_one_line(b, doc->text.data + s->start, end - s->start) < 0)
		return -1;
	return p->cut ? buf_puts(b, "\xE2\x80\xA6") : 0;
}

const char *render_english(const nsum_gloss_entry *e, size_t *n)
{
	const char *bar = strstr(e->en, " | ");

	*n = bar ? (size_t)(bar - e->en) : strlen(e->en);
	return e->en;
}

/* Whether the byte at s is white space. */
static bool space_at(const char *text, size_t len, size_t at)
{
	int32_t cp;

	if (at >= len)
		return false;
	u8_decode(text, len, at, &cp);
	return u8_is_space(cp);
}

int render_pick(nsum_buf *b, const nsum_doc *doc, const nsum_summary *sum,
	size_t i, const nsum_render_options *opt)
{
	const nsum_pick *p = &sum->picks[i];
	const nsum_sentence *s = &doc->sents.items[p->sentence];
	size_t end = pick_end(doc, p), pos = s->start, h;
	const char *t = doc->text.data;

	if (!opt || !opt->gloss || !opt->glossary || !sum->nhits)
		return render_pick_text(b, doc, p);
	/* The sentence in pieces, each up to the end of a glossary term. */
	for (h = 0; h < sum->nhits; h++) {
		const nsum_gloss_hit *g = &sum->hits[h];
		const char *en;
		size_t n, before = b->len;

		if (g->doc != p->doc || g->start < pos || g->end > end)
			continue;
		if (pos > s->start && space_at(t, doc->text.len, pos) &&
			buf_putc(b, ' ') < 0)
			return -1;
		if (render_one_line(b, t + pos, g->end - pos) < 0)
			return -1;
		en = render_english(nsum_glossary_entry(opt->glossary, g->entry), &n);
		if (b->len > before && (buf_puts(b, " [") < 0 ||
			buf_append(b, en, n) < 0 || buf_putc(b, ']') < 0))
			return -1;
		pos = g->end;
	}
	if (pos < end) {
		if (pos > s->start && space_at(t, doc->text.len, pos) &&
			buf_putc(b, ' ') < 0)
			return -1;
		if (render_one_line(b, t + pos, end - pos) < 0)
			return -1;
	}
	return p->cut ? buf_puts(b, "\xE2\x80\xA6") : 0;
}

int render_wrap(nsum_buf *b, const char *s, size_t n, size_t width,
	size_t indent)
{
	size_t i = 0, col = 0, k;

	while (i < n) {
		size_t j = i, w;

		while (j < n && s[j] != ' ')
			j++;
		w = u8_width(s + i, j - i);
		if (col > 0 && width && col + 1 + w > width) {
			if (buf_putc(b, '\n') < 0)
				return -1;
			col = 0;
		}
		if (col == 0) {
			for (k = 0; k < indent; k++)
				if (buf_putc(b, ' ') < 0)
					return -1;
			col = indent;
		} else {
			if (buf_putc(b, ' ') < 0)
				return -1;
			col++;
		}
		if (buf_append(b, s + i, j - i) < 0)
			return -1;
		col += w;
		i = j + 1;
	}
	return buf_putc(b, '\n');
}

int render_html_escape(nsum_buf *b, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		const char *rep = NULL;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		if (buf_append(b, s + start, i - start) < 0 || buf_puts(b, rep) < 0)
			return -1;
		start = i + 1;
	}
	return buf_append(b, s + start, n - start);
}

int render_terms_text(nsum_buf *b, const nsum_summary *sum,
	const nsum_render_options *opt)
{
	nsum_buf line;
	size_t i, wmax = 0, w;
	int rc = -1;

	if (!sum->nterms)
		return 0;
	buf_init(&line);
	if (opt->glossary) {
		/* One term a line, its English in a second column. */
		for (i = 0; i < sum->nterms; i++) {
			w = u8_width(sum->terms[i].text, strlen(sum->terms[i].text));
			if (w > wmax)
				wmax = w;
		}
		if (wmax > 36)
			wmax = 36;
		if (buf_puts(b, "\nKey terms:\n") < 0)
			goto out;
		for (i = 0; i < sum->nterms; i++) {
			const nsum_term *t = &sum->terms[i];
			const nsum_gloss_entry *e = t->entry >= 0 ?
				nsum_glossary_entry(opt->glossary, (size_t)t->entry) : NULL;

			w = u8_width(t->text, strlen(t->text));
			if (buf_printf(b, "  %s%*s  %s\n", t->text,
				(int)(w < wmax ? wmax - w : 0), "",
				e ? e->en : "(not in the glossary)") < 0)
				goto out;
		}
	} else {
		if (buf_puts(&line, "Key terms:") < 0)
			goto out;
		for (i = 0; i < sum->nterms; i++)
			if (buf_printf(&line, "%s %s", i ? "," : "",
				sum->terms[i].text) < 0)
				goto out;
		if (buf_putc(b, '\n') < 0 ||
			render_wrap(b, line.data, line.len, opt->width, 0) < 0)
			goto out;
	}
	rc = 0;
out:
	buf_finish(&line);
	return rc;
}

/* The summary for a terminal: title, wrapped sentences, key terms. */
static int text_summary(nsum_buf *b, const nsum_doc *doc,
	const nsum_summary *sum, const nsum_render_options *opt)
{
	nsum_buf line;
	size_t i;
	int rc = -1;

	buf_init(&line);
	if (doc->title) {
		if (render_wrap(b, doc->title, strlen(doc->title), opt->width, 0) < 0)
			goto out;
		if (buf_putc(b, '\n') < 0)
			goto out;
	}
	if (sum->npicks == 0 && buf_puts(b, "  (no sentence to summarize)\n") < 0)
		goto out;
	for (i = 0; i < sum->npicks; i++) {
		buf_clear(&line);
		if (render_pick(&line, doc, sum, i, opt) < 0 ||
			render_wrap(b, line.data, line.len, opt->width, 2) < 0)
			goto out;
		if (i + 1 < sum->npicks && buf_putc(b, '\n') < 0)
			goto out;
	}
	if (render_terms_text(b, sum, opt) < 0)
		goto out;
	rc = 0;
out:
	buf_finish(&line);
	return rc;
}

static int plain_summary(nsum_buf *b, const nsum_doc *doc,
	const nsum_summary *sum, const nsum_render_options *opt)
{
	size_t i;

	for (i = 0; i < sum->npicks; i++)
		if (render_pick(b, doc, sum, i, opt) < 0 || buf_putc(b, '\n') < 0)
			return -1;
	return 0;
}

/* Markdown: a heading, the sentences as a list, the key terms. */
/* Append s[0..n) for a Markdown table cell ('|' escaped). */
static int md_cell(nsum_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((s[i] == '|' && buf_putc(b, '\\') < 0) || buf_putc(b, s[i]) < 0)
			return -1;
	return 0;
}

int render_terms_md(nsum_buf *b, const nsum_summary *sum,
	const nsum_render_options *opt)
{
	size_t i;

	if (sum->nterms && opt->glossary) {
		if (buf_puts(b, "\n| Key term | English |\n|---|---|\n") < 0)
			return -1;
		for (i = 0; i < sum->nterms; i++) {
			const nsum_term *t = &sum->terms[i];
			const char *en = t->entry >= 0 ?
				nsum_glossary_entry(opt->glossary, (size_t)t->entry)->en : NULL;

			if (buf_puts(b, "| ") < 0 || md_cell(b, t->text, strlen(t->text)) < 0 ||
				buf_puts(b, " | ") < 0 ||
				(en ? md_cell(b, en, strlen(en)) : buf_puts(b,
					"*not in the glossary*")) < 0 || buf_puts(b, " |\n") < 0)
				return -1;
		}
	} else if (sum->nterms) {
		if (buf_puts(b, "\n**Key terms:** ") < 0)
			return -1;
		for (i = 0; i < sum->nterms; i++)
			if (buf_printf(b, "%s%s", i ? ", " : "", sum->terms[i].text) < 0)
				return -1;
		if (buf_putc(b, '\n') < 0)
			return -1;
	}
	return 0;
}

static int md_summary(nsum_buf *b, const nsum_doc *doc,
	const nsum_summary *sum, const nsum_render_options *opt)
{
	size_t i;

	if (doc->title && (buf_puts(b, "# ") < 0 ||
		buf_puts(b, doc->title) < 0 || buf_puts(b, "\n\n") < 0))
		return -1;
	for (i = 0; i < sum->npicks; i++)
		if (buf_puts(b, "- ") < 0 || render_pick(b, doc, sum, i, opt) < 0 ||
			buf_putc(b, '\n') < 0)
			return -1;
	return render_terms_md(b, sum, opt);
}

/* With --explain in text: every sentence, its score and features. */
static int text_explain(nsum_buf *b, const nsum_doc *doc,
	const nsum_summary *sum)
{
	size_t i, k;

	if (buf_puts(b, "\nSentences (score, then features):\n") < 0)
		return -1;
	for (i = 0; i < doc->sents.count; i++) {
		const nsum_sentence *s = &doc->sents.items[i];
		double sc = sum->score[i];

		if (isinf(sc)) {
			if (buf_printf(b, "%4zu       -  ", i) < 0)
				return -1;
		} else if (buf_printf(b, "%4zu %8.4f  ", i, sc) < 0) {
			return -1;
		}
		if (sum->features && !isinf(sc)) {
			for (k = 0; k < NSUM_F_COUNT; k++)
				if (buf_printf(b, "%s=%.3g ", nsum_feature_name((nsum_feature)k),
					sum->features[i * NSUM_F_COUNT + k]) < 0)
					return -1;
		} else if (s->drop) {
			if (buf_printf(b, "[%s] ", nsum_drop_name((nsum_drop)s->drop)) < 0)
				return -1;
		} else if (s->flags & NSUM_SENT_HEADING) {
			if (buf_puts(b, "[heading] ") < 0)
				return -1;
		}
		if (buf_puts(b, "| ") < 0 ||
			render_one_line(b, doc->text.data + s->start, s->end - s->start) < 0 ||
			buf_putc(b, '\n') < 0)
			return -1;
	}
	return 0;
}

char *nsum_render_summary(const nsum_doc *doc, const nsum_summary *sum,
	const nsum_render_options *opt, size_t *len)
{
	nsum_render_options defaults;
	nsum_buf b;
	int rc = 0;

	if (!opt) {
		nsum_render_options_default(&defaults);
		opt = &defaults;
	}
	if (opt->format == NSUM_FORMAT_JSON)
		return render_json_summary(doc, sum, opt, len);
	buf_init(&b);
	switch (opt->format) {
	case NSUM_FORMAT_TEXT:
		rc = text_summary(&b, doc, sum, opt);
		if (rc == 0 && opt->explain)
			rc = text_explain(&b, doc, sum);
		break;
	case NSUM_FORMAT_PLAIN:
		rc = plain_summary(&b, doc, sum, opt);
		break;
	case NSUM_FORMAT_MD:
		rc = md_summary(&b, doc, sum, opt);
		break;
	case NSUM_FORMAT_HTML:
		rc = render_html_summary(&b, doc, sum, opt);
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

/*
 * The kept part of line l, English sentences left out, on one line.
 * *next is the first sentence that may reach into l: lines come in order,
 * so the caller keeps it from one line to the next and the whole text
 * costs one pass over the sentences.
 */
static int kept_line(nsum_buf *b, const nsum_doc *doc, const nsum_line *l,
	size_t *next)
{
	size_t i, pos = l->keep_start;
	nsum_buf part;
	int rc = -1;

	buf_init(&part);
	while (*next < doc->sents.count &&
		doc->sents.items[*next].end <= l->keep_start)
		(*next)++;
	for (i = *next; i < doc->sents.count &&
		doc->sents.items[i].start < l->keep_end; i++) {
		const nsum_sentence *s = &doc->sents.items[i];

		if (s->end <= pos || s->drop != NSUM_DROP_ENGLISH)
			continue;
		if (render_one_line(&part, doc->text.data + pos,
			(s->start > pos ? s->start : pos) - pos) < 0)
			goto out;
		if (part.len && buf_putc(&part, ' ') < 0)
			goto out;
		pos = s->end < l->keep_end ? s->end : l->keep_end;
	}
	if (render_one_line(&part, doc->text.data + pos, l->keep_end - pos) < 0)
		goto out;
	/* Trim a trailing space left by a removed sentence. */
	while (part.len && part.data[part.len - 1] == ' ')
		part.data[--part.len] = '\0';
	rc = part.len ? buf_append(b, part.data, part.len) : 0;
	if (rc == 0 && part.len)
		rc = buf_putc(b, '\n');
out:
	buf_finish(&part);
	return rc;
}

char *nsum_render_clean(const nsum_doc *doc, const nsum_render_options *opt,
	size_t *len)
{
	nsum_buf b;
	size_t i;

	if (opt && opt->format == NSUM_FORMAT_JSON)
		return render_json_clean(doc, opt, len);
	buf_init(&b);
	if (opt && opt->explain) {
		for (i = 0; i < doc->clean.count; i++) {
			const nsum_line *l = &doc->clean.lines[i];

			if (l->reason == NSUM_KEEP || l->reason == NSUM_DROP_BLANK)
				continue;
			if (buf_printf(&b, "%zu: %s: ", i + 1, nsum_drop_name(l->reason)) < 0 ||
				render_one_line(&b, doc->text.data + l->start,
					l->end - l->start) < 0 || buf_putc(&b, '\n') < 0)
				goto nomem;
		}
		for (i = 0; i < doc->sents.count; i++) {
			const nsum_sentence *s = &doc->sents.items[i];

			if (s->drop != NSUM_DROP_ENGLISH)
				continue;
			if (buf_printf(&b, "%zu: english: ", s->line) < 0 ||
				render_one_line(&b, doc->text.data + s->start,
					s->end - s->start) < 0 || buf_putc(&b, '\n') < 0)
				goto nomem;
		}
	} else {
		nsum_buf line;
		bool any = false, pending = false;
		size_t next = 0;

		buf_init(&line);
		if (doc->title && (buf_puts(&b, doc->title) < 0 ||
			buf_putc(&b, '\n') < 0))
			goto nomem;
		any = doc->title != NULL;
		for (i = 0; i < doc->clean.count; i++) {
			const nsum_line *l = &doc->clean.lines[i];

			if (l->reason == NSUM_DROP_BLANK)
				pending = true;
			if (l->reason != NSUM_KEEP)
				continue;
			buf_clear(&line);
			if (kept_line(&line, doc, l, &next) < 0) {
				buf_finish(&line);
				goto nomem;
			}
			if (!line.len)
				continue;
			if ((any && pending && buf_putc(&b, '\n') < 0) ||
				buf_append(&b, line.data, line.len) < 0) {
				buf_finish(&line);
				goto nomem;
			}
			any = true;
			pending = false;
		}
		buf_finish(&line);
	}
	if (len)
		*len = b.len;
	return buf_steal(&b);
nomem:
	buf_finish(&b);
	return NULL;
}

char *nsum_render_split(const nsum_doc *doc, const nsum_render_options *opt,
	size_t *len)
{
	nsum_buf b;
	size_t i;

	if (opt && opt->format == NSUM_FORMAT_JSON)
		return render_json_split(doc, opt, len);
	buf_init(&b);
	for (i = 0; i < doc->sents.count; i++) {
		const nsum_sentence *s = &doc->sents.items[i];

		if (render_one_line(&b, doc->text.data + s->start, s->end - s->start) < 0 ||
			buf_putc(&b, '\n') < 0) {
			buf_finish(&b);
			return NULL;
		}
	}
	if (len)
		*len = b.len;
	return buf_steal(&b);
}
