/*
 * The day's digest for people: the D.json object (docs/digest.md) as
 * Markdown and as one self-contained HTML page (inline CSS, no script, no
 * external asset, readable on a phone, light and dark).
 *
 * Both formats walk the object the same way, in its own order, so the same
 * object gives the same bytes.  The object may come from a file someone
 * edited: every key is looked up defensively, a key that is missing or of
 * the wrong type is treated as absent, and every text value is put on one
 * line and escaped for the format.  Values that go into links (topic ids,
 * dates) are used only when they have the expected shape; otherwise the
 * text is shown without the link.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "digest/digest_render.h"
#include "render/render.h"
#include "util/buf.h"

/* One rendering in progress. */
typedef struct page {
	nsum_buf b;           /* the output */
	nsum_buf line;        /* scratch: the text value being escaped */
	bool html;            /* HTML, else Markdown */
	const json_t *topics; /* the digest's topics (NULL unless an array) */
} page;

static const char em_dash[] = "\xE2\x80\x94";

/*
 * The page's style.  System fonts only; no fixed width (the column is at
 * most 46em and shrinks with the screen); long words, paths and URLs wrap
 * anywhere rather than widen the page; the colours are variables that a
 * dark colour scheme swaps.
 */
static const char style[] =
	":root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--mute:#5f5f66;"
	"--chip:#eef2f7;--miss:#f9e3e3;--link:#0b57c2;--line:#dcdce0}"
	"@media (prefers-color-scheme:dark){:root{--fg:#e6e6ea;--bg:#17171a;"
	"--mute:#a4a4ad;--chip:#262c36;--miss:#4a2629;--link:#8fb8ff;"
	"--line:#34343a}}"
	"*{box-sizing:border-box}"
	"body{font:17px/1.55 Georgia,'DejaVu Serif',serif;max-width:46em;"
	"margin:1.5em auto;padding:0 1em;color:var(--fg);background:var(--bg);"
	"word-wrap:break-word;overflow-wrap:anywhere}"
	"a{color:var(--link)}"
	"h1{font-size:1.6em;line-height:1.2;margin:.3em 0}"
	"h2{font-size:1.25em;line-height:1.3;margin:2em 0 .5em;padding-top:.8em;"
	"border-top:1px solid var(--line)}"
	"h3{font:600 .78em system-ui,sans-serif;text-transform:uppercase;"
	"letter-spacing:.08em;color:var(--mute);margin:1.4em 0 .4em}"
	".meta,.continues,footer{font:.85em system-ui,sans-serif;color:var(--mute)}"
	"ol,ul{padding-left:1.4em}"
	"li{margin:.35em 0}"
	"nav ol{font:.95em system-ui,sans-serif}"
	"a.ref{display:inline-block;max-width:100%;font:.72em system-ui,"
	"sans-serif;line-height:1.5;text-decoration:none;padding:0 .3em;"
	"border-radius:.3em;background:var(--chip)}"
	"ul.terms{padding:0;list-style:none}"
	"ul.terms li{display:inline-block;max-width:100%;margin:.2em .3em .2em 0;"
	"padding:.1em .6em;border-radius:1em;background:var(--chip);"
	"font:.85em system-ui,sans-serif}"
	"ul.terms li.missing{background:var(--miss)}"
	".en{font-style:italic;color:var(--mute)}"
	"cite{font-style:normal;font-weight:600}"
	"code{font:.8em ui-monospace,'DejaVu Sans Mono',monospace}"
	".dup{font:.85em system-ui,sans-serif;color:var(--mute)}"
	":target{scroll-margin-top:.5em}"
	"li:target{background:var(--chip)}"
	"@media (max-width:600px){body{font-size:16px;margin:1em auto}}";

/*
 * The string value of key in o, its length in *n.  NULL when o is not an
 * object, or the value is missing, not a string or empty.  Borrowed from o.
 */
static const char *str_at(const json_t *o, const char *key, size_t *n)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || json_string_length(v) == 0)
		return NULL;
	*n = json_string_length(v);
	return json_string_value(v);
}

static bool is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_ascii_alnum(char c)
{
	return is_ascii_digit(c) || (c >= 'a' && c <= 'z') ||
		(c >= 'A' && c <= 'Z');
}

/*
 * Whether s[0..n) can go as it is into an HTML id and a URL fragment:
 * 1 to 64 ASCII letters, digits, '-' or '_'.
 */
static bool is_name(const char *s, size_t n)
{
	size_t i;

	if (!s || n == 0 || n > 64)
		return false;
	for (i = 0; i < n; i++)
		if (!is_ascii_alnum(s[i]) && s[i] != '-' && s[i] != '_')
			return false;
	return true;
}

/* Whether s[0..n) has the shape YYYY-MM-DD (safe in a file name). */
static bool is_day(const char *s, size_t n)
{
	size_t i;

	if (!s || n != 10)
		return false;
	for (i = 0; i < n; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !is_ascii_digit(s[i]))
			return false;
	return true;
}

/*
 * Append the anchor of topic t, the i-th of the topics (from 0): its id
 * when is_name() accepts it, else "t<i+1>".  0 or -1 (no memory).
 */
static int put_anchor(nsum_buf *b, const json_t *t, size_t i)
{
	size_t n = 0;
	const char *id = str_at(t, "id", &n);

	if (is_name(id, n))
		return buf_append(b, id, n);
	return buf_printf(b, "t%zu", i + 1);
}

/* Append "<n> <word>" with an English plural.  0 or -1. */
static int put_count(nsum_buf *b, size_t n, const char *word)
{
	return buf_printf(b, "%zu %s%s", n, word, n == 1 ? "" : "s");
}

/* The articles of topic t, duplicates included. */
static size_t topic_articles(const json_t *t)
{
	const json_t *arts = json_object_get(t, "articles");
	size_t k, n = json_array_size(arts);

	for (k = 0; k < json_array_size(arts); k++)
		n += json_array_size(json_object_get(json_array_get(arts, k),
			"duplicates"));
	return n;
}

/*
 * Append s[0..n), already on one line, escaped for HTML text and
 * attributes; C0 control characters and DEL are left out.  0 or -1.
 */
static int html_escape(nsum_buf *b, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != 0x7F)
			continue;
		if (render_html_escape(b, s + start, i - start) < 0)
			return -1;
		start = i + 1;
	}
	return render_html_escape(b, s + start, n - start);
}

/* Whether s[i..n) is all '#' (a heading's closing sequence). */
static bool closing_hashes(const char *s, size_t n, size_t i)
{
	for (; i < n; i++)
		if (s[i] != '#')
			return false;
	return true;
}

/* Whether s[0..i) is 1 to 9 ASCII digits (an ordered list's number). */
static bool list_number(const char *s, size_t i)
{
	size_t k;

	if (i == 0 || i > 9)
		return false;
	for (k = 0; k < i; k++)
		if (!is_ascii_digit(s[k]))
			return false;
	return true;
}

/*
 * Whether the '.' at s[i] ends "www" (any case) at the start of a word,
 * where GFM would start an autolink.
 */
static bool www_dot(const char *s, size_t i)
{
	size_t k;

	if (i < 3 || (i > 3 && is_ascii_alnum(s[i - 4])))
		return false;
	for (k = i - 3; k < i; k++)
		if ((s[k] | 0x20) != 'w')
			return false;
	return true;
}

/*
 * Append s[0..n), already on one line, as literal Markdown text: a
 * backslash before every character that could start markup (emphasis,
 * links, code, raw HTML, entities, strike-through, a heading's closing
 * #s, GFM's autolinks at "www." and "://") and, when lead (the text opens
 * a block: a heading, a list item), before what would make a block of it
 * there (#, >, +, -, =, "1." or "1)").  C0 control characters and DEL are
 * left out.  0 or -1.
 */
static int md_escape(nsum_buf *b, const char *s, size_t n, bool lead)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];
		bool esc = false;

		if ((unsigned char)c < 0x20 || c == 0x7F)
			continue;
		switch (c) {
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '<': case '~':
			esc = true;
			break;
		case '&':
			esc = i + 1 < n && (is_ascii_alnum(s[i + 1]) || s[i + 1] == '#');
			break;
		case '#':
			esc = (lead && i == 0) || closing_hashes(s, n, i);
			break;
		case '>': case '+': case '-': case '=':
			esc = lead && i == 0;
			break;
		case '.':
			esc = (lead && list_number(s, i)) || www_dot(s, i);
			break;
		case ')':
			esc = lead && list_number(s, i);
			break;
		case ':':
			/* Not an extended autolink (GFM), which would keep the
			 * backslashes that follow in its text. */
			esc = i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/';
			break;
		default:
			break;
		}
		if ((esc && buf_putc(b, '\\') < 0) || buf_putc(b, c) < 0)
			return -1;
	}
	return 0;
}

/*
 * Append the text s[0..n) taken from the digest: on one line (white space
 * runs as one space), escaped for the page's format (lead: see
 * md_escape()).  0 or -1.
 */
static int put_text(page *p, const char *s, size_t n, bool lead)
{
	buf_clear(&p->line);
	if (render_one_line(&p->line, s, n) < 0)
		return -1;
	if (p->html)
		return html_escape(&p->b, p->line.data, p->line.len);
	return md_escape(&p->b, p->line.data, p->line.len, lead);
}

/*
 * Append s[0..n) on one line as a Markdown code span: fenced by one
 * backtick more than its longest run of backticks, padded with a space
 * when it starts or ends with one.  Control characters are left out.
 * 0 or -1.
 */
static int md_code(page *p, const char *s, size_t n)
{
	size_t i, run = 0, longest = 0, k;
	const char *t;
	bool pad;

	buf_clear(&p->line);
	if (render_one_line(&p->line, s, n) < 0)
		return -1;
	t = p->line.data;
	n = p->line.len;
	for (i = 0; i < n; i++) {
		run = t[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	pad = n && (t[0] == '`' || t[n - 1] == '`');
	for (k = 0; k <= longest; k++)
		if (buf_putc(&p->b, '`') < 0)
			return -1;
	if (pad && buf_putc(&p->b, ' ') < 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((unsigned char)t[i] >= 0x20 && t[i] != 0x7F &&
			buf_putc(&p->b, t[i]) < 0)
			return -1;
	if (pad && buf_putc(&p->b, ' ') < 0)
		return -1;
	for (k = 0; k <= longest; k++)
		if (buf_putc(&p->b, '`') < 0)
			return -1;
	return 0;
}

/* In Markdown, a blank line before the next block (none at the top). */
static int md_block(page *p)
{
	return p->html || p->b.len == 0 ? 0 : buf_putc(&p->b, '\n');
}

/* A paragraph of our own text (not escaped).  0 or -1. */
static int put_note(page *p, const char *text)
{
	return md_block(p) < 0 || buf_puts(&p->b, p->html ? "<p>" : "") < 0 ||
		buf_puts(&p->b, text) < 0 ||
		buf_puts(&p->b, p->html ? "</p>\n" : "\n") < 0 ? -1 : 0;
}

/* Append the headline of topic t (the i-th), else "Topic <i+1>". */
static int put_headline(page *p, const json_t *t, size_t i, bool lead)
{
	size_t n = 0;
	const char *s = str_at(t, "headline", &n);

	return s ? put_text(p, s, n, lead) : buf_printf(&p->b, "Topic %zu", i + 1);
}

/*
 * The topic whose id is s[0..n), its position in *at; NULL when there is
 * none.  Borrowed from the digest.
 */
static const json_t *find_topic(const page *p, const char *s, size_t n,
	size_t *at)
{
	size_t i, m = 0;

	/* nsum names the i-th topic "t<i+1>": try that one first, so that a
	 * digest of thousands of topics does not search them all for every
	 * missing term. */
	if (n > 1 && s[0] == 't') {
		size_t k = 0;

		for (i = 1; i < n && s[i] >= '0' && s[i] <= '9' && k < SIZE_MAX / 10; i++)
			k = k * 10 + (size_t)(s[i] - '0');
		if (i == n && k >= 1 && k <= json_array_size(p->topics)) {
			const json_t *t = json_array_get(p->topics, k - 1);
			const char *id = str_at(t, "id", &m);

			if (id && m == n && memcmp(id, s, n) == 0) {
				*at = k - 1;
				return t;
			}
		}
	}
	for (i = 0; i < json_array_size(p->topics); i++) {
		const json_t *t = json_array_get(p->topics, i);
		const char *id = str_at(t, "id", &m);

		if (id && m == n && memcmp(id, s, n) == 0) {
			*at = i;
			return t;
		}
	}
	return NULL;
}

/*
 * Append a link to topic t (the i-th): its headline, linked to its
 * anchor.  0 or -1.
 */
static int put_topic_link(page *p, const json_t *t, size_t i)
{
	nsum_buf *b = &p->b;

	if (p->html)
		return buf_puts(b, "<a href=\"#") < 0 || put_anchor(b, t, i) < 0 ||
			buf_puts(b, "\" lang=\"fr\">") < 0 || put_headline(p, t, i, false) < 0 ||
			buf_puts(b, "</a>") < 0 ? -1 : 0;
	return buf_putc(b, '[') < 0 || put_headline(p, t, i, false) < 0 ||
		buf_puts(b, "](#") < 0 || put_anchor(b, t, i) < 0 ||
		buf_putc(b, ')') < 0 ? -1 : 0;
}

/* The top: title, counts, the table of contents.  0 or -1. */
static int put_top(page *p, const json_t *d)
{
	nsum_buf *b = &p->b;
	const json_t *narts = json_object_get(d, "articles");
	size_t i, k, ndate = 0, ntopics = 0, articles = 0;
	const char *date = str_at(d, "date", &ndate);

	for (i = 0; i < json_array_size(p->topics); i++) {
		const json_t *t = json_array_get(p->topics, i);

		if (!json_is_object(t))
			continue;
		ntopics++;
		articles += topic_articles(t);
	}
	if (json_is_integer(narts) && json_integer_value(narts) >= 0 &&
		(uint64_t)json_integer_value(narts) <= SIZE_MAX)
		articles = (size_t)json_integer_value(narts);

	if (p->html) {
		if (buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
			"<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" "
			"content=\"width=device-width,initial-scale=1\">\n"
			"<meta name=\"color-scheme\" content=\"light dark\">\n"
			"<title>Digest") < 0 ||
			(date && (buf_printf(b, " %s ", em_dash) < 0 ||
			put_text(p, date, ndate, false) < 0)) ||
			buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n"
				"<header>\n<h1>Digest", style) < 0)
			return -1;
		if (date && (buf_printf(b, " %s ", em_dash) < 0 ||
			(is_day(date, ndate) && buf_printf(b, "<time datetime=\"%.10s\">",
				date) < 0) ||
			put_text(p, date, ndate, false) < 0 ||
			(is_day(date, ndate) && buf_puts(b, "</time>") < 0)))
			return -1;
		if (buf_puts(b, "</h1>\n<p class=\"meta\">") < 0 ||
			put_count(b, ntopics, "topic") < 0 || buf_puts(b, " \xC2\xB7 ") < 0 ||
			put_count(b, articles, "article") < 0 ||
			(json_is_object(json_object_get(d, "glossary")) && buf_puts(b,
				" \xC2\xB7 <a href=\"#glossary\">Glossary</a>") < 0) ||
			buf_puts(b, "</p>\n") < 0)
			return -1;
		if (ntopics && buf_puts(b, "<nav aria-label=\"Topics\">\n<ol>\n") < 0)
			return -1;
	} else {
		if (buf_puts(b, "# Digest") < 0 ||
			(date && (buf_printf(b, " %s ", em_dash) < 0 ||
			put_text(p, date, ndate, false) < 0)) ||
			buf_puts(b, "\n\n") < 0 || put_count(b, ntopics, "topic") < 0 ||
			buf_puts(b, " \xC2\xB7 ") < 0 || put_count(b, articles, "article") < 0 ||
			buf_putc(b, '\n') < 0)
			return -1;
		if (ntopics && buf_putc(b, '\n') < 0)
			return -1;
	}
	/* The table of contents: one line a topic, in the topics' order. */
	for (i = k = 0; i < json_array_size(p->topics); i++) {
		const json_t *t = json_array_get(p->topics, i);

		if (!json_is_object(t))
			continue;
		if (buf_puts(b, p->html ? "<li>" : "") < 0 ||
			(!p->html && buf_printf(b, "%zu. ", ++k) < 0) ||
			put_topic_link(p, t, i) < 0 || buf_puts(b, " (") < 0 ||
			put_count(b, topic_articles(t), "article") < 0 ||
			buf_puts(b, p->html ? ")</li>\n" : ")\n") < 0)
			return -1;
	}
	if (p->html && ntopics && buf_puts(b, "</ol>\n</nav>\n") < 0)
		return -1;
	if (p->html && buf_puts(b, "</header>\n<main>\n") < 0)
		return -1;
	return ntopics ? 0 : put_note(p, "No topic today.");
}

/*
 * The line on the earlier topic that topic t continues, when it has one:
 * its headline, linked to DATE.html#ID when the date and the id have their
 * expected shapes, then its date.  0 or -1.
 */
static int put_continues(page *p, const json_t *t)
{
	const json_t *c = json_object_get(t, "continues");
	size_t nd = 0, ni = 0, nh = 0;
	const char *date = str_at(c, "date", &nd), *id = str_at(c, "id", &ni);
	const char *head = str_at(c, "headline", &nh);
	bool link = is_day(date, nd) && is_name(id, ni);
	nsum_buf *b = &p->b;

	if (!json_is_object(c))
		return 0;
	if (md_block(p) < 0 || buf_puts(b, p->html ?
		"<p class=\"continues\">Continues: " : "*Continues:* ") < 0)
		return -1;
	if (p->html && link && (buf_printf(b, "<a href=\"%.10s.html#", date) < 0 ||
		buf_append(b, id, ni) < 0 || buf_puts(b, "\" lang=\"fr\">") < 0))
		return -1;
	if (p->html && !link && buf_puts(b, "<span lang=\"fr\">") < 0)
		return -1;
	if (!p->html && link && buf_putc(b, '[') < 0)
		return -1;
	if ((head ? put_text(p, head, nh, false) :
		buf_puts(b, "an earlier topic")) < 0)
		return -1;
	if (p->html && buf_puts(b, link ? "</a>" : "</span>") < 0)
		return -1;
	if (link && !p->html && (buf_printf(b, "](%.10s.html#", date) < 0 ||
		buf_append(b, id, ni) < 0 || buf_putc(b, ')') < 0))
		return -1;
	if (date && (buf_puts(b, " (") < 0 || put_text(p, date, nd, false) < 0 ||
		buf_putc(b, ')') < 0))
		return -1;
	return buf_puts(b, p->html ? "</p>\n" : "\n");
}

/*
 * The summary of topic t (the i-th): one item a sentence, each followed by
 * a reference to its article ("[k] source", linked to the article in the
 * topic's list).  0 or -1.
 */
static int put_summary(page *p, const json_t *t, size_t i)
{
	const json_t *sents = json_object_get(t, "summary");
	const json_t *arts = json_object_get(t, "articles");
	nsum_buf *b = &p->b;
	size_t k, n = 0, ns = 0;
	bool open = false;

	for (k = 0; k < json_array_size(sents); k++) {
		const json_t *s = json_array_get(sents, k);
		const json_t *a = json_object_get(s, "article");
		const char *text = str_at(s, "text", &n), *src;
		json_int_t ai = json_is_integer(a) ? json_integer_value(a) : -1;
		bool ref = ai >= 0 && (uint64_t)ai < json_array_size(arts);

		if (!text)
			continue;
		if (!open && (md_block(p) < 0 ||
			(p->html && buf_puts(b, "<ul class=\"summary\" lang=\"fr\">\n") < 0)))
			return -1;
		open = true;
		if (buf_puts(b, p->html ? "<li>" : "- ") < 0 ||
			put_text(p, text, n, true) < 0)
			return -1;
		if (ref) {
			src = str_at(json_array_get(arts, (size_t)ai), "source", &ns);
			if (buf_puts(b, p->html ? " <a class=\"ref\" href=\"#" : " [") < 0 ||
				(p->html && (put_anchor(b, t, i) < 0 ||
				buf_printf(b, "-a%lld\">", (long long)ai + 1) < 0)) ||
				buf_printf(b, p->html ? "[%lld]" : "\\[%lld\\]",
					(long long)ai + 1) < 0 ||
				(src && (buf_puts(b, p->html ? "&#160;" : " ") < 0 ||
				put_text(p, src, ns, false) < 0)) ||
				(p->html && buf_puts(b, "</a>") < 0) ||
				(!p->html && (buf_puts(b, "](#") < 0 || put_anchor(b, t, i) < 0 ||
				buf_printf(b, "-a%lld)", (long long)ai + 1) < 0)))
				return -1;
		}
		if (buf_puts(b, p->html ? "</li>\n" : "\n") < 0)
			return -1;
	}
	return open && p->html ? buf_puts(b, "</ul>\n") : 0;
}

/*
 * Append the item of glossary entry e: "term — English", or "term — not
 * in the glossary" (in HTML, an item of class "missing") when it has no
 * English.  Nothing when it has no term.  0 or -1.
 */
static int put_term(page *p, const json_t *e)
{
	size_t nt = 0, ne = 0;
	const char *term = str_at(e, "term", &nt), *en = str_at(e, "en", &ne);
	nsum_buf *b = &p->b;

	if (!term)
		return 0;
	if (p->html)
		return buf_puts(b, en ? "<li><span lang=\"fr\">" :
			"<li class=\"missing\"><span lang=\"fr\">") < 0 ||
			put_text(p, term, nt, false) < 0 ||
			buf_printf(b, "</span> %s <span class=\"en\">", em_dash) < 0 ||
			(en ? put_text(p, en, ne, false) :
				buf_puts(b, "not in the glossary")) < 0 ||
			buf_puts(b, "</span></li>\n") < 0 ? -1 : 0;
	return buf_puts(b, "- ") < 0 || put_text(p, term, nt, true) < 0 ||
		buf_printf(b, " %s ", em_dash) < 0 ||
		(en ? put_text(p, en, ne, false) :
			buf_puts(b, "*not in the glossary*")) < 0 ||
		buf_putc(b, '\n') < 0 ? -1 : 0;
}

/* The number of entries of array a that have a term. */
static size_t count_terms(const json_t *a)
{
	size_t k, n = 0, m = 0;

	for (k = 0; k < json_array_size(a); k++)
		n += str_at(json_array_get(a, k), "term", &m) != NULL;
	return n;
}

/* The key terms of topic t with their English.  0 or -1. */
static int put_terms(page *p, const json_t *t)
{
	const json_t *terms = json_object_get(t, "terms");
	size_t k;

	if (!count_terms(terms))
		return 0;
	if (md_block(p) < 0 || buf_puts(&p->b, p->html ?
		"<h3>Key terms</h3>\n<ul class=\"terms\">\n" : "Key terms:\n\n") < 0)
		return -1;
	for (k = 0; k < json_array_size(terms); k++)
		if (put_term(p, json_array_get(terms, k)) < 0)
			return -1;
	return p->html ? buf_puts(&p->b, "</ul>\n") : 0;
}

/*
 * The name a copy of an article goes by in "also in": its source, else its
 * title, path or id, else "?".  0 or -1.
 */
static int put_dup(page *p, const json_t *a)
{
	static const char *const keys[] = { "source", "title", "path", "id" };
	size_t k, n = 0;
	const char *s;

	for (k = 0; k < sizeof(keys) / sizeof(*keys); k++)
		if ((s = str_at(a, keys[k], &n)) != NULL)
			return put_text(p, s, n, false);
	return buf_putc(&p->b, '?');
}

/* The width of "<k>. ", a Markdown list item's marker for item k. */
static size_t marker_width(size_t k)
{
	size_t w = 3;

	while (k >= 10) {
		k /= 10;
		w++;
	}
	return w;
}

/*
 * The articles of topic t (the i-th), numbered from 1 as the summary's
 * references are, each with its title, source, date and path, and the
 * sources of its duplicates ("also in").  0 or -1.
 */
static int put_articles(page *p, const json_t *t, size_t i)
{
	static const char *const keys[] = { "source", "date", "path" };
	const json_t *arts = json_object_get(t, "articles");
	nsum_buf *b = &p->b;
	size_t k, j, n = 0;

	if (!json_array_size(arts))
		return 0;
	if (md_block(p) < 0 || buf_puts(b, p->html ?
		"<h3>Articles</h3>\n<ol class=\"articles\">\n" : "Articles:\n\n") < 0)
		return -1;
	for (k = 0; k < json_array_size(arts); k++) {
		const json_t *a = json_array_get(arts, k);
		const json_t *dups = json_object_get(a, "duplicates");
		const char *title = str_at(a, "title", &n);
		bool first = true;

		/* The item and its anchor, the target of the references. */
		if (p->html) {
			if (buf_puts(b, "<li id=\"") < 0 || put_anchor(b, t, i) < 0 ||
				buf_printf(b, "-a%zu\">", k + 1) < 0)
				return -1;
		} else if (buf_printf(b, "%zu. <a id=\"", k + 1) < 0 ||
			put_anchor(b, t, i) < 0 || buf_printf(b, "-a%zu\"></a>", k + 1) < 0) {
			return -1;
		}
		if (!title) {
			if (buf_puts(b, "(no title)") < 0)
				return -1;
		} else if (buf_puts(b, p->html ? "<cite lang=\"fr\">" : "**") < 0 ||
			put_text(p, title, n, false) < 0 ||
			buf_puts(b, p->html ? "</cite>" : "**") < 0) {
			return -1;
		}
		for (j = 0; j < sizeof(keys) / sizeof(*keys); j++) {
			const char *s = str_at(a, keys[j], &n);
			bool path = j == 2;

			if (!s)
				continue;
			if (buf_printf(b, first ? " %s " : ", ", em_dash) < 0)
				return -1;
			first = false;
			if (path && !p->html) {
				if (md_code(p, s, n) < 0)
					return -1;
			} else if ((path && buf_puts(b, "<code>") < 0) ||
				put_text(p, s, n, false) < 0 ||
				(path && buf_puts(b, "</code>") < 0)) {
				return -1;
			}
		}
		if (json_array_size(dups)) {
			/* In Markdown, a list inside the item: indented by its marker. */
			if (p->html ? buf_puts(b, "<br><span class=\"dup\">also in: ") < 0 :
				buf_printf(b, "\n%*s- also in: ", (int)marker_width(k + 1), "") < 0)
				return -1;
			for (j = 0; j < json_array_size(dups); j++)
				if ((j && buf_puts(b, ", ") < 0) ||
					put_dup(p, json_array_get(dups, j)) < 0)
					return -1;
			if (p->html && buf_puts(b, "</span>") < 0)
				return -1;
		}
		if (buf_puts(b, p->html ? "</li>\n" : "\n") < 0)
			return -1;
	}
	return p->html ? buf_puts(b, "</ol>\n") : 0;
}

/* Topic t, the i-th: headline, continues, summary, terms, articles. */
static int put_topic(page *p, const json_t *t, size_t i)
{
	nsum_buf *b = &p->b;

	if (p->html) {
		if (buf_puts(b, "<section>\n<h2 id=\"") < 0 || put_anchor(b, t, i) < 0 ||
			buf_puts(b, "\" lang=\"fr\">") < 0 || put_headline(p, t, i, false) < 0 ||
			buf_puts(b, "</h2>\n") < 0)
			return -1;
	} else if (md_block(p) < 0 || buf_puts(b, "## <a id=\"") < 0 ||
		put_anchor(b, t, i) < 0 || buf_puts(b, "\"></a>") < 0 ||
		put_headline(p, t, i, true) < 0 || buf_putc(b, '\n') < 0) {
		return -1;
	}
	if (put_continues(p, t) < 0 || put_summary(p, t, i) < 0 ||
		put_terms(p, t) < 0 || put_articles(p, t, i) < 0)
		return -1;
	return p->html ? buf_puts(b, "</section>\n") : 0;
}

/*
 * The English the dictionaries propose for a missing term (its
 * "proposed" array), as "; proposed: a, b"; nothing when there is none.
 * 0 or -1.
 */
static int put_proposed(page *p, const json_t *arr)
{
	nsum_buf *b = &p->b;
	bool first = true;
	size_t j, n;

	for (j = 0; j < json_array_size(arr); j++) {
		const json_t *v = json_array_get(arr, j);

		n = json_string_length(v);
		if (!json_is_string(v) || n == 0)
			continue;
		if (buf_puts(b, first ? (p->html ?
			"; <span class=\"proposed\">proposed: " : "; proposed: ") : ", ") < 0 ||
			put_text(p, json_string_value(v), n, false) < 0)
			return -1;
		first = false;
	}
	return !first && p->html ? buf_puts(b, "</span>") : 0;
}

/*
 * The glossary of the day: the terms the glossary has, with their English,
 * then the terms it lacks, each with links to the topics that use it.
 * Nothing when the digest has no glossary object.  0 or -1.
 */
static int put_glossary(page *p, const json_t *d)
{
	const json_t *g = json_object_get(d, "glossary");
	const json_t *terms = json_object_get(g, "terms");
	const json_t *missing = json_object_get(g, "missing");
	nsum_buf *b = &p->b;
	size_t k, j, n, nt = 0, at = 0;

	if (!json_is_object(g))
		return 0;
	if (md_block(p) < 0 || buf_puts(b, p->html ?
		"<section>\n<h2 id=\"glossary\">Glossary</h2>\n" : "## Glossary\n") < 0)
		return -1;
	if (!count_terms(terms)) {
		if (put_note(p, "No key term of the day is in the glossary.") < 0)
			return -1;
	} else {
		if (md_block(p) < 0 || (p->html &&
			buf_puts(b, "<ul class=\"gloss\">\n") < 0))
			return -1;
		for (k = 0; k < json_array_size(terms); k++)
			if (put_term(p, json_array_get(terms, k)) < 0)
				return -1;
		if (p->html && buf_puts(b, "</ul>\n") < 0)
			return -1;
	}

	if (md_block(p) < 0 || buf_puts(b, p->html ?
		"<h2 id=\"missing\">Missing from the glossary</h2>\n" :
		"## Missing from the glossary\n") < 0)
		return -1;
	if (!count_terms(missing))
		return put_note(p, "Every key term of the day is in the glossary.") < 0 ||
			(p->html && buf_puts(b, "</section>\n") < 0) ? -1 : 0;
	if (md_block(p) < 0 || (p->html && buf_puts(b, "<ul class=\"gloss\">\n") < 0))
		return -1;
	for (k = 0; k < json_array_size(missing); k++) {
		const json_t *e = json_array_get(missing, k);
		const json_t *ids = json_object_get(e, "topics");
		const char *term = str_at(e, "term", &nt);
		bool first = true;

		if (!term)
			continue;
		if (buf_puts(b, p->html ? "<li><span lang=\"fr\">" : "- ") < 0 ||
			put_text(p, term, nt, !p->html) < 0 ||
			(p->html && buf_puts(b, "</span>") < 0))
			return -1;
		for (j = 0; j < json_array_size(ids); j++) {
			const json_t *v = json_array_get(ids, j), *t;

			n = json_string_length(v);
			if (!json_is_string(v) || n == 0)
				continue;
			if (buf_printf(b, first ? " %s " : ", ", em_dash) < 0)
				return -1;
			first = false;
			t = find_topic(p, json_string_value(v), n, &at);
			if ((t ? put_topic_link(p, t, at) :
				put_text(p, json_string_value(v), n, false)) < 0)
				return -1;
		}
		if (put_proposed(p, json_object_get(e, "proposed")) < 0 ||
			buf_puts(b, p->html ? "</li>\n" : "\n") < 0)
			return -1;
	}
	return p->html ? buf_puts(b, "</ul>\n</section>\n") : 0;
}

/* The end: the generator, and in HTML the closing tags.  0 or -1. */
static int put_end(page *p, const json_t *d)
{
	size_t n = 0;
	const char *gen = str_at(d, "generator", &n);
	nsum_buf *b = &p->b;

	if (p->html && buf_puts(b, "</main>\n") < 0)
		return -1;
	if (gen && (md_block(p) < 0 ||
		buf_puts(b, p->html ? "<footer>Made with " : "Made with ") < 0 ||
		put_text(p, gen, n, false) < 0 ||
		buf_puts(b, p->html ? ".</footer>\n" : ".\n") < 0))
		return -1;
	return p->html ? buf_puts(b, "</body>\n</html>\n") : 0;
}

/* The whole digest d in the format p asks for; see digest_render_md(). */
static char *render(page *p, const json_t *d, size_t *len)
{
	size_t i;
	char *s = NULL;

	buf_init(&p->b);
	buf_init(&p->line);
	p->topics = json_is_array(json_object_get(d, "topics")) ?
		json_object_get(d, "topics") : NULL;
	if (put_top(p, d) < 0)
		goto out;
	for (i = 0; i < json_array_size(p->topics); i++) {
		const json_t *t = json_array_get(p->topics, i);

		if (json_is_object(t) && put_topic(p, t, i) < 0)
			goto out;
	}
	if (put_glossary(p, d) < 0 || put_end(p, d) < 0)
		goto out;
	if (len)
		*len = p->b.len;
	s = buf_steal(&p->b);
out:
	buf_finish(&p->b);
	buf_finish(&p->line);
	return s;
}

char *digest_render_md(const json_t *d, size_t *len)
{
	page p = { .html = false };

	return render(&p, d, len);
}

char *digest_render_html(const json_t *d, size_t *len)
{
	page p = { .html = true };

	return render(&p, d, len);
}
