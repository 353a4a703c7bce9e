/*
 * Unit tests for the digest's Markdown and HTML (src/digest/render.c): a
 * digest of three topics built by hand, with text to escape in both
 * formats, a duplicate, a "continues" link, key terms with and without
 * English; then malformed digests (wrong types, missing keys, no topics),
 * which must render without a crash, and every allocation failing in turn.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "digest/digest_render.h"
#include "nsum/alloc.h"

static json_t *sample;

/* An entry of topics[].articles (or of its duplicates); NULL fields: null. */
static json_t *article(const char *id, const char *path, const char *title,
	const char *source, const char *date)
{
	return json_pack("{s:s, s:s, s:s?, s:s?, s:s?}", "id", id, "path", path,
		"title", title, "source", source, "date", date);
}

/* An entry of topics[].summary. */
static json_t *sentence(const char *text, int from)
{
	return json_pack("{s:s, s:i, s:f}", "text", text, "article", from,
		"score", 0.5);
}

/* An entry of topics[].terms or glossary.terms; en NULL: null. */
static json_t *term(const char *t, const char *en)
{
	return json_pack("{s:s, s:s?}", "term", t, "en", en);
}

/*
 * The sample: t1 with text to escape, a duplicate and a continues link;
 * t2 with a headline to escape in Markdown and a term without English;
 * t3 without headline, terms or a valid reference.
 */
static int setup(void **state)
{
	json_t *a1 = article("a1", "presse/lemonde/sommet_paris.txt",
		"Sommet \xC3\xA0 Paris : l'Europe <unie>", "Le Monde", "2026-01-06");
	json_t *t1, *t2, *t3;

	(void)state;
	json_object_set_new(a1, "duplicates", json_pack("[o, o]",
		article("a3", "presse/of/sommet.txt", "Sommet : l'Europe unie",
			"Ouest-France", "2026-01-06"),
		article("a4", "presse/anonyme.txt", "Copie sans source", NULL, NULL)));
	t1 = json_pack("{s:s, s:s, s:[o, o, o], s:[o, o, o], s:[o, o], s:o}",
		"id", "t1",
		"headline", "Sommet de Paris : les *garanties* de s\xC3\xA9" "curit\xC3\xA9"
			" <script>alert(1)</script>",
		"summary",
		sentence("Les dirigeants europ\xC3\xA9" "ens se retrouvent mardi \xC3\xA0 "
			"Paris pour parler des garanties de s\xC3\xA9" "curit\xC3\xA9.", 0),
		sentence("Le ministre \xC3\xA9voque un cessez-le-feu & des [mesures] "
			"concr\xC3\xA8tes_rapides.", 1),
		sentence("2026. Une ann\xC3\xA9" "e d\xC3\xA9" "cisive, selon "
			"l'\xC3\x89lys\xC3\xA9" "e.", 1),
		"terms",
		term("garanties de s\xC3\xA9" "curit\xC3\xA9", "security guarantees"),
		term("cessez-le-feu", "ceasefire"),
		term("coalition des volontaires", NULL),
		"articles", a1,
		article("a2", "presse/liberation/sommet-2.txt", "Les volontaires "
			"\"alli\xC3\xA9s\" \xC3\xA0 Paris", "Lib\xC3\xA9ration", "2026-01-06"),
		"continues", json_pack("{s:s, s:s, s:s}", "date", "2026-01-05",
			"id", "t2", "headline", "Pr\xC3\xA9paratifs du sommet"));
	t2 = json_pack("{s:s, s:s, s:[o, o], s:[o], s:[o], s:o}",
		"id", "t2",
		"headline", "# Gr\xC3\xA8ve \xC3\xA0 la SNCF & trafic perturb\xC3\xA9",
		"summary",
		sentence("> Les syndicats ont d\xC3\xA9pos\xC3\xA9 un pr\xC3\xA9" "avis "
			"de gr\xC3\xA8ve pour jeudi.", 0),
		sentence("1) Le trafic sera tr\xC3\xA8s perturb\xC3\xA9 en \xC3\x8E"
			"le-de-France.", 0),
		"terms", term("pr\xC3\xA9" "avis de gr\xC3\xA8ve", NULL),
		"articles", article("b1", "presse/`code`.txt", "Gr\xC3\xA8ve jeudi",
			"20 Minutes", "2026-01-06"),
		/* An id that would break out of the attribute: shown, not linked. */
		"continues", json_pack("{s:s, s:s, s:s}", "date", "2026-01-05",
			"id", "x\" onclick=\"y", "headline", "Ancien sujet"));
	t3 = json_pack("{s:s, s:[o], s:[o]}",
		"id", "t3",
		"summary", sentence("Une phrase sans article connu.", 7),
		"articles", article("c1", "c.txt", NULL, NULL, NULL));
	sample = json_pack("{s:s, s:s, s:i, s:[o, o, o], s:{s:[o, o], s:[o, o, o]}}",
		"date", "2026-01-06",
		"generator", "nsum 0.1.0",
		"articles", 6,
		"topics", t1, t2, t3,
		"glossary",
		"terms",
		term("garanties de s\xC3\xA9" "curit\xC3\xA9", "security guarantees"),
		term("cessez-le-feu", "ceasefire"),
		"missing",
		json_pack("{s:s, s:[s]}", "term", "coalition des volontaires",
			"topics", "t1"),
		json_pack("{s:s, s:[s, s]}", "term", "pr\xC3\xA9" "avis de gr\xC3\xA8ve",
			"topics", "t2", "t1"),
		json_pack("{s:s, s:[s]}", "term", "inconnu", "topics", "t9"));
	return sample ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	json_decref(sample);
	return 0;
}

/* d rendered (html or Markdown); checks the length and the final NUL. */
static char *render(const json_t *d, bool html)
{
	size_t len = 0;
	char *s = html ? digest_render_html(d, &len) : digest_render_md(d, &len);

	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	return s;
}

/* Whether every "<" of s is written "\<" (Markdown text, no raw HTML). */
static bool md_lt_escaped(const char *s, const char *what)
{
	const char *p = s;

	while ((p = strstr(p, what)) != NULL) {
		if (p == s || p[-1] != '\\')
			return false;
		p++;
	}
	return true;
}

/* Whether s starts with prefix. */
static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The number of times what occurs in s. */
static size_t count(const char *s, const char *what)
{
	size_t n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s++;
	}
	return n;
}

static void test_md(void **state)
{
	char *m = render(sample, false);

	(void)state;
	assert_true(starts_with(m, "# Digest \xE2\x80\x94 2026-01-06\n\n"
		"3 topics \xC2\xB7 6 articles\n\n"));
	/* The table of contents: headlines linked to the topics' anchors. */
	assert_non_null(strstr(m, "\n1. [Sommet de Paris : les \\*garanties\\* de "
		"s\xC3\xA9" "curit\xC3\xA9 \\<script>alert(1)\\</script>](#t1) "
		"(4 articles)\n"));
	assert_non_null(strstr(m, "\n3. [Topic 3](#t3) (1 article)\n"));
	/* Headings with their anchors; escaped where they would be markup. */
	assert_non_null(strstr(m, "\n## <a id=\"t1\"></a>Sommet de Paris : les "
		"\\*garanties\\*"));
	assert_non_null(strstr(m, "\n## <a id=\"t2\"></a>\\# Gr\xC3\xA8ve \xC3\xA0 "
		"la SNCF & trafic"));
	assert_true(md_lt_escaped(m, "<script"));
	assert_true(md_lt_escaped(m, "</script"));
	assert_true(md_lt_escaped(m, "<unie>"));
	/* Each sentence attributed to its article, linked to the list. */
	assert_non_null(strstr(m, "de s\xC3\xA9" "curit\xC3\xA9. "
		"[\\[1\\] Le Monde](#t1-a1)\n"));
	assert_non_null(strstr(m, "- Le ministre \xC3\xA9voque un cessez-le-feu & "
		"des \\[mesures\\] concr\xC3\xA8tes\\_rapides. "
		"[\\[2\\] Lib\xC3\xA9ration](#t1-a2)\n"));
	/* Block markup at the start of an item is escaped. */
	assert_non_null(strstr(m, "\n- 2026\\. Une ann\xC3\xA9" "e"));
	assert_non_null(strstr(m, "\n- \\> Les syndicats"));
	assert_non_null(strstr(m, "\n- 1\\) Le trafic"));
	/* A reference to no article is left out. */
	assert_non_null(strstr(m, "\n- Une phrase sans article connu.\n"));
	/* Key terms with their English, or marked. */
	assert_non_null(strstr(m, "\n- garanties de s\xC3\xA9" "curit\xC3\xA9 "
		"\xE2\x80\x94 security guarantees\n"));
	assert_non_null(strstr(m, "\n- coalition des volontaires \xE2\x80\x94 "
		"*not in the glossary*\n"));
	/* Articles: anchor, title, source, date, path; duplicates below. */
	assert_non_null(strstr(m, "\n1. <a id=\"t1-a1\"></a>**Sommet \xC3\xA0 Paris "
		": l'Europe \\<unie>** \xE2\x80\x94 Le Monde, 2026-01-06, "
		"`presse/lemonde/sommet_paris.txt`\n"
		"   - also in: Ouest-France, Copie sans source\n"));
	assert_non_null(strstr(m, "``presse/`code`.txt``"));
	assert_non_null(strstr(m, "\n1. <a id=\"t3-a1\"></a>(no title) "
		"\xE2\x80\x94 `c.txt`\n"));
	/* Continues: linked to the earlier page, or shown without a link. */
	assert_non_null(strstr(m, "\n*Continues:* [Pr\xC3\xA9paratifs du sommet]"
		"(2026-01-05.html#t2) (2026-01-05)\n"));
	assert_non_null(strstr(m, "\n*Continues:* Ancien sujet (2026-01-05)\n"));
	assert_null(strstr(m, "onclick"));
	/* The glossary of the day and what it lacks, with the topics. */
	assert_non_null(strstr(m, "\n## Glossary\n\n- garanties de s\xC3\xA9"
		"curit\xC3\xA9 \xE2\x80\x94 security guarantees\n"
		"- cessez-le-feu \xE2\x80\x94 ceasefire\n"));
	assert_non_null(strstr(m, "\n## Missing from the glossary\n\n"
		"- coalition des volontaires \xE2\x80\x94 [Sommet de Paris"));
	assert_non_null(strstr(m, "\n- pr\xC3\xA9" "avis de gr\xC3\xA8ve "
		"\xE2\x80\x94 [# Gr\xC3\xA8ve"));
	assert_non_null(strstr(m, "](#t2), [Sommet de Paris"));
	assert_non_null(strstr(m, "\n- inconnu \xE2\x80\x94 t9\n"));
	/* The end, one newline, no blank line run. */
	assert_non_null(strstr(m, "\n\nMade with nsum 0.1.0.\n"));
	assert_int_equal(m[strlen(m) - 2], '.');
	assert_null(strstr(m, "\n\n\n"));
	nsum_free(m);
}

static void test_html(void **state)
{
	char *h = render(sample, true);

	(void)state;
	assert_true(starts_with(h, "<!DOCTYPE html>\n<html lang=\"en\">\n"));
	assert_non_null(strstr(h, "<meta name=\"viewport\" "
		"content=\"width=device-width,initial-scale=1\">"));
	assert_non_null(strstr(h, "<title>Digest \xE2\x80\x94 2026-01-06</title>"));
	assert_non_null(strstr(h, "<time datetime=\"2026-01-06\">2026-01-06</time>"));
	/* Self-contained: no script, no external asset, CSS inline. */
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "http"));
	assert_null(strstr(h, "<link"));
	assert_null(strstr(h, "<img"));
	assert_null(strstr(h, "@import"));
	assert_null(strstr(h, "url("));
	assert_non_null(strstr(h, "overflow-wrap:anywhere"));
	assert_non_null(strstr(h, "prefers-color-scheme:dark"));
	/* Table of contents and anchors. */
	assert_non_null(strstr(h, "<nav aria-label=\"Topics\">\n<ol>\n<li><a "
		"href=\"#t1\" lang=\"fr\">Sommet de Paris : les *garanties* de "
		"s\xC3\xA9" "curit\xC3\xA9 &lt;script&gt;alert(1)&lt;/script&gt;</a> "
		"(4 articles)</li>\n"));
	assert_non_null(strstr(h, "<h2 id=\"t1\" lang=\"fr\">Sommet de Paris"));
	assert_non_null(strstr(h, "<h2 id=\"t2\" lang=\"fr\"># Gr\xC3\xA8ve \xC3\xA0 "
		"la SNCF &amp; trafic perturb\xC3\xA9</h2>"));
	assert_non_null(strstr(h, "<h2 id=\"t3\" lang=\"fr\">Topic 3</h2>"));
	/* Attribution, linked to the article's item. */
	assert_non_null(strstr(h, "<ul class=\"summary\" lang=\"fr\">"));
	assert_non_null(strstr(h, "concr\xC3\xA8tes_rapides. <a class=\"ref\" "
		"href=\"#t1-a2\">[2]&#160;Lib\xC3\xA9ration</a></li>"));
	assert_non_null(strstr(h, "<li id=\"t1-a2\"><cite lang=\"fr\">Les "
		"volontaires &quot;alli\xC3\xA9s&quot; \xC3\xA0 Paris</cite>"));
	assert_non_null(strstr(h, "<li id=\"t1-a1\"><cite lang=\"fr\">Sommet "
		"\xC3\xA0 Paris : l&#39;Europe &lt;unie&gt;</cite> \xE2\x80\x94 Le Monde, "
		"2026-01-06, <code>presse/lemonde/sommet_paris.txt</code>"
		"<br><span class=\"dup\">also in: Ouest-France, Copie sans source"
		"</span></li>"));
	assert_non_null(strstr(h, "<li>Une phrase sans article connu.</li>"));
	/* Terms, with the missing ones marked. */
	assert_non_null(strstr(h, "<li><span lang=\"fr\">cessez-le-feu</span> "
		"\xE2\x80\x94 <span class=\"en\">ceasefire</span></li>"));
	assert_non_null(strstr(h, "<li class=\"missing\"><span lang=\"fr\">"
		"coalition des volontaires</span> \xE2\x80\x94 <span class=\"en\">"
		"not in the glossary</span></li>"));
	/* Continues: linked, or (unsafe id) not. */
	assert_non_null(strstr(h, "Continues: <a href=\"2026-01-05.html#t2\" "
		"lang=\"fr\">Pr\xC3\xA9paratifs du sommet</a> (2026-01-05)"));
	assert_non_null(strstr(h, "Continues: <span lang=\"fr\">Ancien sujet"
		"</span> (2026-01-05)"));
	assert_null(strstr(h, "onclick"));
	/* The glossary sections, the missing terms linked to their topics. */
	assert_non_null(strstr(h, "<h2 id=\"glossary\">Glossary</h2>"));
	assert_non_null(strstr(h, "<span lang=\"fr\">pr\xC3\xA9" "avis de "
		"gr\xC3\xA8ve</span> \xE2\x80\x94 <a href=\"#t2\" lang=\"fr\"># "
		"Gr\xC3\xA8ve \xC3\xA0 la SNCF &amp; trafic perturb\xC3\xA9</a>, "
		"<a href=\"#t1\""));
	assert_non_null(strstr(h, "<span lang=\"fr\">inconnu</span> \xE2\x80\x94 "
		"t9</li>"));
	assert_non_null(strstr(h, "<footer>Made with nsum 0.1.0.</footer>"));
	assert_non_null(strstr(h, "6 articles \xC2\xB7 <a href=\"#glossary\">"
		"Glossary</a></p>"));
	/* Balanced. */
	assert_int_equal(count(h, "<section>"), count(h, "</section>"));
	assert_int_equal(count(h, "<section>"), 4);
	assert_int_equal(count(h, "<li"), count(h, "</li>"));
	assert_int_equal(count(h, "<ul"), count(h, "</ul>"));
	assert_int_equal(count(h, "<ol"), count(h, "</ol>"));
	assert_int_equal(count(h, "<a "), count(h, "</a>"));
	assert_string_equal(h + strlen(h) - 16, "</body>\n</html>\n");
	nsum_free(h);
}

/* The same object gives the same bytes. */
static void test_deterministic(void **state)
{
	int html;

	(void)state;
	for (html = 0; html < 2; html++) {
		char *a = render(sample, html), *b = render(sample, html);

		assert_string_equal(a, b);
		nsum_free(a);
		nsum_free(b);
	}
}

/* Text values are put on one line; control characters are left out. */
static void test_one_line(void **state)
{
	static const char head[] = "Deux\n  lignes\x01 \xC2\xA0" "et\0nul";
	json_t *d = json_pack("{s:s, s:[{s:s, s:o, s:[{s:o}]}]}",
		"date", "2026-01-06",
		"topics", "id", "t1",
		"headline", json_stringn(head, sizeof(head) - 1),
		"summary", "text", json_string("Une\tphrase\r\nsur deux lignes."));
	int html;

	(void)state;
	assert_non_null(d);
	for (html = 0; html < 2; html++) {
		char *s = render(d, html);

		assert_non_null(strstr(s, "Deux lignes etnul"));
		assert_non_null(strstr(s, "Une phrase sur deux lignes."));
		assert_null(strchr(s, '\x01'));
		assert_null(strchr(s, '\t'));
		nsum_free(s);
	}
	json_decref(d);
}

/* Malformed digests: wrong types, missing keys; never a crash. */
static void test_malformed(void **state)
{
	const char *docs[] = {
		"[]",
		"{}",
		"{\"topics\": []}",
		"{\"date\": 5, \"topics\": \"x\", \"articles\": \"many\", "
			"\"glossary\": [], \"generator\": null}",
		"{\"date\": \"pas une date\", \"articles\": -3, \"topics\": "
			"[5, null, [], {}, {\"id\": 7, \"headline\": [\"x\"], "
			"\"summary\": {\"a\": 1}, \"terms\": [1, {\"term\": 2}, "
			"{\"term\": \"x\", \"en\": 3}, {\"term\": \"\"}], \"articles\": "
			"[3, {\"duplicates\": \"x\"}, {\"duplicates\": [1, {}]}], "
			"\"continues\": \"t1\"}, {\"summary\": [{\"text\": \"a\", "
			"\"article\": -1}, {\"text\": \"b\", \"article\": 0.0}, "
			"{\"text\": \"c\", \"article\": 9223372036854775807}, "
			"{\"text\": 3}, 4], \"continues\": {\"date\": 1, \"id\": \"t1\"}, "
			"\"articles\": [{\"title\": \"x\"}]}], \"glossary\": {\"terms\": {}, \"missing\": "
			"[{\"term\": \"y\", \"topics\": \"t1\"}, {\"term\": \"z\", "
			"\"topics\": [1, \"t3\", \"\"]}, {\"topics\": [\"t1\"]}]}}",
		"{\"topics\": [{\"id\": \"t1\", \"continues\": {}}], "
			"\"glossary\": {}}",
	};
	size_t i;
	int html;

	(void)state;
	/* Not even an object. */
	for (html = 0; html < 2; html++) {
		char *s = render(NULL, html);

		assert_non_null(strstr(s, "No topic today."));
		assert_non_null(strstr(s, "0 topics \xC2\xB7 0 articles"));
		nsum_free(s);
	}
	for (i = 0; i < sizeof(docs) / sizeof(*docs); i++) {
		json_t *d = json_loads(docs[i], 0, NULL);

		assert_non_null(d);
		for (html = 0; html < 2; html++) {
			char *s = render(d, html);

			assert_true(starts_with(s, html ? "<!DOCTYPE html>\n" : "# Digest"));
			if (html)
				assert_non_null(strstr(s, "</html>\n"));
			if (i == 4) {
				/* Topics that are no objects are skipped, the rest numbered
				 * by position; a non-string id gets the positional anchor. */
				assert_non_null(strstr(s, "3 topics"));
				assert_non_null(strstr(s, html ? "<h2 id=\"t5\" lang=\"fr\">"
					"Topic 5</h2>" : "## <a id=\"t5\"></a>Topic 5\n"));
				assert_non_null(strstr(s, html ? "<h2 id=\"t4\"" :
					"<a id=\"t4\"></a>Topic 4"));
				assert_non_null(strstr(s, html ? "<span class=\"en\">not in "
					"the glossary</span>" : "- x \xE2\x80\x94 *not in the "
					"glossary*"));
				assert_non_null(strstr(s, "also in: ?"));
				assert_non_null(strstr(s, "pas une date"));
				assert_null(strstr(s, "datetime"));
				assert_non_null(strstr(s, "No key term of the day is in "
					"the glossary."));
				/* No reference for a bad index (negative, real, too large). */
				assert_non_null(strstr(s, html ? "<li>a</li>" : "\n- a\n"));
				assert_non_null(strstr(s, html ? "<li>b</li>" : "\n- b\n"));
				assert_non_null(strstr(s, html ? "<li>c</li>" : "\n- c\n"));
				assert_non_null(strstr(s, html ? "z</span> \xE2\x80\x94 t3</li>" :
					"\n- z \xE2\x80\x94 t3\n"));
				assert_non_null(strstr(s, "an earlier topic"));
			}
			if (i == 5)
				assert_non_null(strstr(s, "Every key term of the day is in "
					"the glossary."));
			nsum_free(s);
		}
		json_decref(d);
	}
}

/*
 * A Markdown code span holds any run of backticks; URLs are not
 * autolinks; an id that is no plain name is not used as an anchor.
 */
static void test_md_code_and_anchors(void **state)
{
	json_t *d = json_pack("{s:[{s:s, s:s, s:[{s:s}], s:[{s:s, s:s}]}]}",
		"topics", "id", "un id avec espaces", "headline", "Titre",
		"summary", "text", "Voir www.exemple.fr/un_deux ou "
			"https://exemple.fr/a_b.",
		"articles", "path", "``a`", "title", "T");
	char *m, *h;

	(void)state;
	assert_non_null(d);
	m = render(d, false);
	h = render(d, true);
	/* An id that is not a plain name gives the positional anchor. */
	assert_non_null(strstr(m, "<a id=\"t1\"></a>Titre"));
	assert_non_null(strstr(m, "<a id=\"t1-a1\"></a>**T** \xE2\x80\x94 "
		"``` ``a` ```\n"));
	/* No GFM autolink, which would show the backslashes inside it. */
	assert_non_null(strstr(m, "\n- Voir www\\.exemple.fr/un\\_deux ou "
		"https\\://exemple.fr/a\\_b.\n"));
	assert_non_null(strstr(h, "<h2 id=\"t1\" lang=\"fr\">Titre</h2>"));
	assert_null(strstr(h, "espaces"));
	nsum_free(m);
	nsum_free(h);
	json_decref(d);
}

/* Allocations left before failing_malloc() fails. */
static size_t alloc_left;

/* An allocator that fails once alloc_left allocations are spent. */
static void *failing_malloc(size_t size)
{
	if (alloc_left == 0)
		return NULL;
	alloc_left--;
	return malloc(size);
}

static void *failing_realloc(void *ptr, size_t size)
{
	if (alloc_left == 0)
		return NULL;
	alloc_left--;
	return realloc(ptr, size);
}

/* Every allocation failing in turn: NULL, nothing leaked (ASan). */
static void test_no_memory(void **state)
{
	int html;

	(void)state;
	for (html = 0; html < 2; html++) {
		size_t budget;
		char *s = NULL;

		for (budget = 0; !s && budget < 1000; budget++) {
			alloc_left = budget;
			nsum_set_alloc_funcs(failing_malloc, failing_realloc, free);
			s = html ? digest_render_html(sample, NULL) :
				digest_render_md(sample, NULL);
			nsum_set_alloc_funcs(NULL, NULL, NULL);
		}
		assert_non_null(s);
		assert_true(budget > 1);
		nsum_free(s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_one_line),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_md_code_and_anchors),
		cmocka_unit_test(test_no_memory),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
