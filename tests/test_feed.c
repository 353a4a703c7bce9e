/* Unit tests for the digest feeds (nsum/feed.h): feed.json and feed.xml. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "nsum/alloc.h"
#include "nsum/feed.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/nsum-feed-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The path of name in the test folder (a static buffer per name). */
static const char *in_dir(const char *name)
{
	static char json[128], xml[128], other[128];
	char *p = strcmp(name, NSUM_FEED_JSON) == 0 ? json :
		strcmp(name, NSUM_FEED_XML) == 0 ? xml : other;

	snprintf(p, 128, "%s/%s", dir, name);
	return p;
}

/* The whole file at path, NUL-terminated (free()), or NULL if missing. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	if (!f)
		return NULL;
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

static void spit(const char *path, const char *content)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* Count the occurrences of needle in s. */
static size_t count(const char *s, const char *needle)
{
	size_t n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return n;
}

/* Update the test folder with the entry of date; asserts NSUM_OK. */
static void update(const char *date, const char *title,
	const nsum_feed_options *opt)
{
	nsum_feed_entry e = { date, title, "Une manchette\nUne autre", NULL };
	nsum_error err;
	nsum_status st;

	nsum_error_init(&err);
	st = nsum_feed_update(dir, &e, opt, &err);
	if (st != NSUM_OK)
		fail_msg("%s:%zu:%zu: %s", err.source, err.line, err.column, err.text);
}

/* feed.json parsed; json_decref() it. */
static json_t *load_json(void)
{
	json_error_t je;
	json_t *root = json_load_file(in_dir(NSUM_FEED_JSON), 0, &je);

	if (!root)
		fail_msg("feed.json: %d:%d: %s", je.line, je.column, je.text);
	return root;
}

/* The _nsum.date of every item of feed.json, joined by spaces. */
static void item_dates(char *out, size_t size)
{
	json_t *root = load_json(), *items = json_object_get(root, "items");
	size_t i;

	out[0] = '\0';
	assert_true(json_is_array(items));
	for (i = 0; i < json_array_size(items); i++) {
		json_t *ext = json_object_get(json_array_get(items, i), "_nsum");
		const char *d = json_string_value(json_object_get(ext, "date"));

		assert_non_null(d);
		if (i)
			strncat(out, " ", size - strlen(out) - 1);
		strncat(out, d, size - strlen(out) - 1);
	}
	json_decref(root);
}

/* The dates in the Atom entries' <updated>, joined by spaces. */
static void entry_dates(char *out, size_t size)
{
	char *xml = slurp(in_dir(NSUM_FEED_XML)), *p;

	assert_non_null(xml);
	out[0] = '\0';
	p = strstr(xml, "<entry>");
	while (p && (p = strstr(p, "<updated>")) != NULL) {
		p += strlen("<updated>");
		if (out[0])
			strncat(out, " ", size - strlen(out) - 1);
		strncat(out, p, 10 < size - strlen(out) - 1 ? 10 :
			size - strlen(out) - 1);
	}
	free(xml);
}

/* ---- a small structural check of XML 1.0 ---- */

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == ':' || c == '_' || c == '-' || c == '.';
}

/* Check the reference at s ('&'); returns its length, or 0 if invalid. */
static size_t reference(const char *s)
{
	static const char *const named[] = {
		"&amp;", "&lt;", "&gt;", "&quot;", "&apos;",
	};
	size_t i, k;

	for (i = 0; i < sizeof(named) / sizeof(*named); i++)
		if (strncmp(s, named[i], strlen(named[i])) == 0)
			return strlen(named[i]);
	if (s[1] != '#')
		return 0;
	k = 2;
	if (s[k] == 'x') {
		for (k++; (s[k] >= '0' && s[k] <= '9') || (s[k] >= 'a' && s[k] <= 'f') ||
			(s[k] >= 'A' && s[k] <= 'F'); k++)
			;
	} else {
		while (s[k] >= '0' && s[k] <= '9')
			k++;
	}
	return k > 2 && s[k] == ';' ? k + 1 : 0;
}

/* True if c may appear in an XML 1.0 document (for the bytes < 0x80). */
static bool xml_char(unsigned char c)
{
	return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Check that s is a well-formed XML document of one root element named
 * root: a declaration, balanced tags, quoted attributes, valid references,
 * no '<' or '&' unescaped in text or attributes, no forbidden control
 * character, no U+FFFE or U+FFFF.  Fails the test with a message if not.
 */
static void check_xml(const char *s, const char *root)
{
	const char *stack[32];
	size_t len[32], depth = 0, roots = 0, i;
	const char *p = s;

	for (i = 0; s[i]; i++) {
		if (!xml_char((unsigned char)s[i]))
			fail_msg("forbidden control character at byte %zu", i);
		if ((unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBF &&
			((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF))
			fail_msg("U+FFFE or U+FFFF at byte %zu", i);
	}
	if (strncmp(p, "<?xml version=\"1.0\"", 19) != 0)
		fail_msg("no XML declaration");
	p = strstr(p, "?>");
	assert_non_null(p);
	p += 2;
	while (*p) {
		if (*p == '&') {
			size_t r = reference(p);

			if (!r)
				fail_msg("bad reference at byte %zu", (size_t)(p - s));
			if (!depth)
				fail_msg("text outside the root element");
			p += r;
		} else if (*p == '<' && p[1] == '/') {
			const char *name = p + 2;
			size_t n = 0;

			while (name_char(name[n]))
				n++;
			if (!depth || n != len[depth - 1] ||
				strncmp(name, stack[depth - 1], n) != 0 || name[n] != '>')
				fail_msg("mismatched end tag at byte %zu", (size_t)(p - s));
			depth--;
			p = name + n + 1;
		} else if (*p == '<') {
			const char *name = p + 1;
			size_t n = 0;

			while (name_char(name[n]))
				n++;
			if (!n)
				fail_msg("bad tag at byte %zu", (size_t)(p - s));
			if (!depth) {
				if (roots++ || n != strlen(root) || strncmp(name, root, n))
					fail_msg("root element is not a single <%s>", root);
			}
			p = name + n;
			for (;;) {
				size_t an = 0;

				while (*p == ' ' || *p == '\n' || *p == '\t')
					p++;
				if (*p == '>' || (p[0] == '/' && p[1] == '>'))
					break;
				while (name_char(p[an]))
					an++;
				if (!an || p[an] != '=' || p[an + 1] != '"')
					fail_msg("bad attribute at byte %zu", (size_t)(p - s));
				p += an + 2;
				while (*p && *p != '"') {
					if (*p == '<')
						fail_msg("'<' in an attribute at byte %zu",
							(size_t)(p - s));
					if (*p == '&') {
						if (!reference(p))
							fail_msg("bad reference at byte %zu",
								(size_t)(p - s));
					}
					p++;
				}
				if (*p != '"')
					fail_msg("unterminated attribute");
				p++;
			}
			if (*p == '/') {
				p += 2;
			} else {
				if (depth == 32)
					fail_msg("too deep");
				stack[depth] = name;
				len[depth++] = n;
				p++;
			}
		} else {
			if (*p == '>')
				fail_msg("unescaped '>' in text at byte %zu", (size_t)(p - s));
			if (!depth && *p != '\n' && *p != ' ')
				fail_msg("text outside the root element at byte %zu",
					(size_t)(p - s));
			p++;
		}
	}
	if (depth || roots != 1)
		fail_msg("unbalanced document (depth %zu, %zu roots)", depth, roots);
}

/*
 * The checker's parts refuse what they should (cmocka cannot expect a
 * failed check, so the refusals are tested on reference() and xml_char()),
 * and the checker passes a small document.
 */
static void test_checker(void **state)
{
	(void)state;
	assert_int_equal(reference("&amp;x"), 5);
	assert_int_equal(reference("&#13;"), 5);
	assert_int_equal(reference("&#x1F;"), 6);
	assert_int_equal(reference("& x"), 0);
	assert_int_equal(reference("&#;"), 0);
	assert_int_equal(reference("&nbsp;"), 0);
	assert_false(xml_char(0x01));
	assert_true(xml_char('\n'));
	check_xml("<?xml version=\"1.0\"?>\n<feed a=\"&amp;\"><e/><f>x</f></feed>\n",
		"feed");
}

/* ---- tests ---- */

static void test_first_entry(void **state)
{
	char *xml, *json;
	json_t *root, *item;

	(void)state;
	assert_false(exists(in_dir(NSUM_FEED_JSON)));
	update("2026-01-06", "Digest of 2026-01-06: 4 topics", NULL);
	json = slurp(in_dir(NSUM_FEED_JSON));
	xml = slurp(in_dir(NSUM_FEED_XML));
	assert_non_null(json);
	assert_non_null(xml);

	root = load_json();
	assert_string_equal(json_string_value(json_object_get(root, "version")),
		"https://jsonfeed.org/version/1.1");
	assert_string_equal(json_string_value(json_object_get(root, "title")),
		"nsum digest");
	assert_null(json_object_get(root, "home_page_url"));
	assert_null(json_object_get(root, "feed_url"));
	assert_int_equal(json_array_size(json_object_get(root, "items")), 1);
	item = json_array_get(json_object_get(root, "items"), 0);
	assert_string_equal(json_string_value(json_object_get(item, "id")),
		"tag:nsum,2026-01-06:digest");
	assert_null(json_object_get(item, "url"));  /* no base URL */
	assert_string_equal(json_string_value(json_object_get(item, "title")),
		"Digest of 2026-01-06: 4 topics");
	assert_string_equal(json_string_value(json_object_get(item, "content_text")),
		"Une manchette\nUne autre");
	assert_string_equal(json_string_value(json_object_get(item,
		"date_published")), "2026-01-06T00:00:00Z");
	assert_string_equal(json_string_value(json_object_get(
		json_object_get(item, "_nsum"), "href")), "2026-01-06.html");
	json_decref(root);
	assert_int_equal(json[strlen(json) - 1], '\n');

	check_xml(xml, "feed");
	assert_non_null(strstr(xml, "<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
	assert_non_null(strstr(xml, "  <id>tag:nsum,2026:digest-feed</id>\n"));
	assert_non_null(strstr(xml, "  <title type=\"text\">nsum digest</title>\n"));
	assert_non_null(strstr(xml, "  <updated>2026-01-06T00:00:00Z</updated>\n"));
	assert_non_null(strstr(xml, "<author>\n    <name>nsum</name>\n  </author>"));
	assert_null(strstr(xml, "rel=\"self\""));
	assert_non_null(strstr(xml, "    <id>tag:nsum,2026-01-06:digest</id>\n"));
	assert_non_null(strstr(xml, "    <link rel=\"alternate\" "
		"href=\"2026-01-06.html\"/>\n"));
	assert_non_null(strstr(xml, "    <summary type=\"text\">Une manchette\n"
		"Une autre</summary>\n"));
	assert_int_equal(count(xml, "<entry>"), 1);
	free(xml);
	free(json);
}

static void test_defaults(void **state)
{
	nsum_feed_entry e = { "2026-01-06", NULL, NULL, NULL };
	nsum_error err;
	json_t *root, *item;

	(void)state;
	nsum_error_init(&err);
	assert_int_equal(nsum_feed_update(dir, &e, NULL, &err), NSUM_OK);
	root = load_json();
	item = json_array_get(json_object_get(root, "items"), 0);
	assert_string_equal(json_string_value(json_object_get(item, "title")),
		"Digest of 2026-01-06");
	assert_string_equal(json_string_value(json_object_get(item, "content_text")),
		"");
	assert_string_equal(json_string_value(json_object_get(
		json_object_get(item, "_nsum"), "href")), "2026-01-06.html");
	json_decref(root);
}

static void test_newest_first(void **state)
{
	char dates[128];

	(void)state;
	update("2026-01-05", "five", NULL);
	update("2026-01-06", "six", NULL);
	update("2026-01-04", "four", NULL);
	update("2025-12-31", "new year's eve", NULL);
	item_dates(dates, sizeof(dates));
	assert_string_equal(dates, "2026-01-06 2026-01-05 2026-01-04 2025-12-31");
	entry_dates(dates, sizeof(dates));
	assert_string_equal(dates, "2026-01-06 2026-01-05 2026-01-04 2025-12-31");
}

static void test_same_day_replaces(void **state)
{
	char dates[128], *xml;
	json_t *root;

	(void)state;
	update("2026-01-05", "five", NULL);
	update("2026-01-06", "six, first run", NULL);
	update("2026-01-06", "six, second run", NULL);
	item_dates(dates, sizeof(dates));
	assert_string_equal(dates, "2026-01-06 2026-01-05");
	root = load_json();
	assert_string_equal(json_string_value(json_object_get(json_array_get(
		json_object_get(root, "items"), 0), "title")), "six, second run");
	json_decref(root);
	xml = slurp(in_dir(NSUM_FEED_XML));
	assert_int_equal(count(xml, "<entry>"), 2);
	assert_null(strstr(xml, "first run"));
	assert_non_null(strstr(xml, "six, second run"));
	free(xml);

	/* Replacing an older day keeps it in its place. */
	update("2026-01-05", "five again", NULL);
	item_dates(dates, sizeof(dates));
	assert_string_equal(dates, "2026-01-06 2026-01-05");
}

static void test_twice_identical(void **state)
{
	nsum_feed_options opt = { "Revue", "https://example.org/digest", 0 };
	char *json1, *xml1, *json2, *xml2;

	(void)state;
	update("2026-01-05", "five", &opt);
	update("2026-01-06", "six", &opt);
	json1 = slurp(in_dir(NSUM_FEED_JSON));
	xml1 = slurp(in_dir(NSUM_FEED_XML));
	update("2026-01-06", "six", &opt);
	json2 = slurp(in_dir(NSUM_FEED_JSON));
	xml2 = slurp(in_dir(NSUM_FEED_XML));
	assert_string_equal(json1, json2);
	assert_string_equal(xml1, xml2);
	free(json2);
	free(xml2);

	/* The order of the updates does not show either. */
	assert_int_equal(unlink(in_dir(NSUM_FEED_JSON)), 0);
	assert_int_equal(unlink(in_dir(NSUM_FEED_XML)), 0);
	update("2026-01-06", "six", &opt);
	update("2026-01-05", "five", &opt);
	json2 = slurp(in_dir(NSUM_FEED_JSON));
	xml2 = slurp(in_dir(NSUM_FEED_XML));
	assert_string_equal(json1, json2);
	assert_string_equal(xml1, xml2);
	free(json1);
	free(xml1);
	free(json2);
	free(xml2);
}

static void test_max_entries(void **state)
{
	nsum_feed_options opt = { NULL, NULL, 3 };
	char dates[128], *xml;

	(void)state;
	update("2026-01-01", "1", NULL);
	update("2026-01-02", "2", NULL);
	update("2026-01-03", "3", NULL);
	update("2026-01-04", "4", NULL);
	update("2026-01-05", "5", &opt);
	item_dates(dates, sizeof(dates));
	assert_string_equal(dates, "2026-01-05 2026-01-04 2026-01-03");
	entry_dates(dates, sizeof(dates));
	assert_string_equal(dates, "2026-01-05 2026-01-04 2026-01-03");
	xml = slurp(in_dir(NSUM_FEED_XML));
	assert_int_equal(count(xml, "<entry>"), 3);
	free(xml);

	/* A day older than those kept does not get in. */
	update("2025-12-31", "old", &opt);
	item_dates(dates, sizeof(dates));
	assert_string_equal(dates, "2026-01-05 2026-01-04 2026-01-03");

	/* 1 keeps the newest only; 0 keeps all that are left. */
	opt.max_entries = 1;
	update("2026-01-04", "4 again", &opt);
	item_dates(dates, sizeof(dates));
	assert_string_equal(dates, "2026-01-05");
	opt.max_entries = 0;
	update("2026-01-04", "4 again", &opt);
	item_dates(dates, sizeof(dates));
	assert_string_equal(dates, "2026-01-05 2026-01-04");
}

/*
 * Put content in feed.json and a marker in feed.xml, update, and check the
 * error (status, line, column, a piece of the text) and that neither file
 * changed.
 */
static void expect_bad_feed(const char *content, size_t line, size_t column,
	const char *text)
{
	nsum_feed_entry e = { "2026-01-06", "six", "s", NULL };
	nsum_error err;
	char *json, *xml;

	spit(in_dir(NSUM_FEED_JSON), content);
	spit(in_dir(NSUM_FEED_XML), "old xml\n");
	nsum_error_init(&err);
	assert_int_equal(nsum_feed_update(dir, &e, NULL, &err), NSUM_EFORMAT);
	assert_int_equal(err.status, NSUM_EFORMAT);
	assert_string_equal(err.source, in_dir(NSUM_FEED_JSON));
	if (err.line != line || err.column != column || !strstr(err.text, text))
		fail_msg("got %zu:%zu: %s; want %zu:%zu: ...%s...", err.line,
			err.column, err.text, line, column, text);
	json = slurp(in_dir(NSUM_FEED_JSON));
	xml = slurp(in_dir(NSUM_FEED_XML));
	assert_string_equal(json, content);
	assert_string_equal(xml, "old xml\n");
	free(json);
	free(xml);
}

static void test_malformed(void **state)
{
	(void)state;
	/* Syntax errors: jansson's line and column. */
	expect_bad_feed("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n"
		"  \"items\": [\n    {\"id\": 1,,}\n  ]\n}\n", 4, 14, "");
	expect_bad_feed("", 1, 1, "");
	expect_bad_feed("{\"version\": \"https://jsonfeed.org/version/1.1\", "
		"\"items\": []", 1, 59, "");
	expect_bad_feed("{\"a\": 1, \"a\": 2}", 1, 12, "duplicate");

	/* Valid JSON that is not a feed nsum wrote: the value's position. */
	expect_bad_feed("\n  [1, 2]\n", 2, 3, "expected an object");
	expect_bad_feed("{\"items\": []}", 1, 1, "\"version\"");
	expect_bad_feed("{\n  \"version\": \"https://example.org/v2\",\n"
		"  \"items\": []\n}\n", 2, 14, "\"version\"");
	expect_bad_feed("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n"
		"  \"items\": {}\n}\n", 3, 12, "\"items\" is not an array");
	expect_bad_feed("{\n  \"version\": \"https://jsonfeed.org/version/1\",\n"
		"  \"items\": [\n    {\"id\": \"x\", \"content_text\": \"\"}\n  ]\n}\n",
		4, 5, "items[0] has no \"_nsum\"");
	expect_bad_feed("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n"
		"  \"items\": [\n"
		"    {\"id\": \"a\", \"title\": \"t\", \"content_text\": \"\", "
		"\"_nsum\": {\"date\": \"2026-01-05\", \"href\": \"a.html\"}},\n"
		"    {\"id\": \"b\", \"title\": \"é\", \"content_text\": \"\", "
		"\"_nsum\": {\"date\": \"2026-02-30\", \"href\": \"b.html\"}}\n"
		"  ]\n}\n", 5, 69, "items[1]._nsum.date");
	expect_bad_feed("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n"
		"  \"items\": [\n"
		"    {\"id\": \"a\", \"title\": \"t\", \"content_text\": \"\", "
		"\"_nsum\": {\"date\": \"2026-01-05\", \"href\": \"a.html\"}},\n"
		"    {\"id\": \"b\", \"title\": \"t\", \"content_text\": \"\", "
		"\"_nsum\": {\"date\": \"2026-01-05\", \"href\": \"b.html\"}}\n"
		"  ]\n}\n", 5, 5, "items[1] is a second item of 2026-01-05");
	expect_bad_feed("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n"
		"  \"items\": [\n"
		"    {\"id\": \"a\", \"title\": null, \"content_text\": \"\", "
		"\"_nsum\": {\"date\": \"2026-01-05\", \"href\": \"a.html\"}}\n"
		"  ]\n}\n", 4, 26, "items[0].title");
}

/* A feed.json this module wrote is read back whole. */
static void test_roundtrip_json(void **state)
{
	nsum_feed_options opt = { "Revue de presse", "https://example.org/d/", 0 };
	json_t *root, *item;

	(void)state;
	update("2026-01-05", "cinq", &opt);
	update("2026-01-06", "six", &opt);
	/* Another base URL: links and ids follow the options of the update. */
	opt.base_url = "https://example.net";
	update("2026-01-07", "sept", &opt);
	root = load_json();
	assert_string_equal(json_string_value(json_object_get(root, "title")),
		"Revue de presse");
	assert_string_equal(json_string_value(json_object_get(root,
		"home_page_url")), "https://example.net/");
	assert_string_equal(json_string_value(json_object_get(root, "feed_url")),
		"https://example.net/feed.json");
	item = json_array_get(json_object_get(root, "items"), 2);
	assert_string_equal(json_string_value(json_object_get(item, "title")),
		"cinq");
	assert_string_equal(json_string_value(json_object_get(item, "id")),
		"https://example.net/2026-01-05.html");
	assert_string_equal(json_string_value(json_object_get(item, "url")),
		"https://example.net/2026-01-05.html");
	json_decref(root);
}

static void test_base_url(void **state)
{
	nsum_feed_options opt = { NULL, "https://example.org/digest/", 0 };
	nsum_feed_entry e = { "2026-01-06", "six", "", "https://cdn.example.com/x.html" };
	nsum_error err;
	char *xml;
	json_t *root, *item;

	(void)state;
	update("2026-01-05", "five", &opt);
	nsum_error_init(&err);
	assert_int_equal(nsum_feed_update(dir, &e, &opt, &err), NSUM_OK);
	xml = slurp(in_dir(NSUM_FEED_XML));
	check_xml(xml, "feed");
	assert_non_null(strstr(xml,
		"  <id>https://example.org/digest/feed.xml</id>\n"));
	assert_non_null(strstr(xml, "  <link rel=\"self\" "
		"type=\"application/atom+xml\" "
		"href=\"https://example.org/digest/feed.xml\"/>\n"));
	assert_non_null(strstr(xml, "    <id>https://example.org/digest/"
		"2026-01-05.html</id>\n"));
	assert_non_null(strstr(xml, "    <link rel=\"alternate\" "
		"href=\"https://example.org/digest/2026-01-05.html\"/>\n"));
	/* An absolute href stays as it is. */
	assert_non_null(strstr(xml, "href=\"https://cdn.example.com/x.html\""));
	free(xml);
	root = load_json();
	item = json_array_get(json_object_get(root, "items"), 0);
	assert_string_equal(json_string_value(json_object_get(item, "url")),
		"https://cdn.example.com/x.html");
	json_decref(root);
}

static void test_escaping(void **state)
{
	/* < & " > in the title; a control character, CR, U+FFFE in the
	 * summary; é and U+2019 pass. */
	const char *title = "Paix <&\"> l\xE2\x80\x99\xC3\xA9t\xC3\xA9";
	const char *summary = "un\x01 deux\r\ntrois\xEF\xBF\xBE" "fin\tx";
	nsum_feed_options opt = { "A & B <feed>", "https://example.org/?a=1&b=\"2\"", 0 };
	nsum_feed_entry e = { "2026-01-06", title, summary, "p<1>&q.html" };
	nsum_error err;
	char *xml;
	json_t *root, *item;

	(void)state;
	nsum_error_init(&err);
	assert_int_equal(nsum_feed_update(dir, &e, &opt, &err), NSUM_OK);
	xml = slurp(in_dir(NSUM_FEED_XML));
	check_xml(xml, "feed");
	assert_non_null(strstr(xml, "<title type=\"text\">Paix &lt;&amp;&quot;&gt; "
		"l\xE2\x80\x99\xC3\xA9t\xC3\xA9</title>"));
	assert_non_null(strstr(xml, "<title type=\"text\">A &amp; B &lt;feed&gt;"
		"</title>"));
	assert_non_null(strstr(xml, "<summary type=\"text\">un deux&#13;\ntroisfin"
		"\tx</summary>"));
	assert_non_null(strstr(xml, "href=\"https://example.org/?a=1&amp;b=&quot;2"
		"&quot;/p&lt;1&gt;&amp;q.html\""));
	free(xml);

	/* feed.json keeps the text as it was given. */
	root = load_json();
	item = json_array_get(json_object_get(root, "items"), 0);
	assert_string_equal(json_string_value(json_object_get(item, "title")), title);
	assert_string_equal(json_string_value(json_object_get(item, "content_text")),
		summary);
	json_decref(root);

	/* ... and reads it back. */
	update("2026-01-07", "sept", &opt);
	root = load_json();
	item = json_array_get(json_object_get(root, "items"), 1);
	assert_string_equal(json_string_value(json_object_get(item, "title")), title);
	json_decref(root);
}

/* Update with e and opt; expect NSUM_EINVAL and no file written. */
static void expect_invalid(const nsum_feed_entry *e,
	const nsum_feed_options *opt, const char *text)
{
	nsum_error err;

	nsum_error_init(&err);
	assert_int_equal(nsum_feed_update(dir, e, opt, &err), NSUM_EINVAL);
	assert_int_equal(err.status, NSUM_EINVAL);
	if (!strstr(err.text, text))
		fail_msg("got '%s', want ...%s...", err.text, text);
	assert_false(exists(in_dir(NSUM_FEED_JSON)));
	assert_false(exists(in_dir(NSUM_FEED_XML)));
}

static void test_bad_arguments(void **state)
{
	static const char *const bad[] = {
		"2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-06",
		"2026-01-6", "2026/01/06", "2026-01-06 ", "20260106", "", "2100-02-29",
		"2026-04-31", "abcd-ef-gh", "2026-01-0\xC3\xA9",
	};
	static const char *const good[] = {
		"2024-02-29", "2000-02-29", "2026-12-31", "1999-01-01",
	};
	nsum_feed_entry e = { NULL, "t", "s", NULL };
	nsum_feed_options opt = { NULL, NULL, 0 };
	nsum_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		e.date = bad[i];
		expect_invalid(&e, NULL, "not a day");
	}
	e.date = NULL;
	expect_invalid(&e, NULL, "not a day");
	expect_invalid(NULL, NULL, "not a day");

	e.date = "2026-01-06";
	e.title = "caf\xC3";
	expect_invalid(&e, NULL, "not valid UTF-8");
	e.title = "t";
	e.summary = "\xC0\xAF";
	expect_invalid(&e, NULL, "not valid UTF-8");
	e.summary = "s";
	e.href = "a\nb.html";
	expect_invalid(&e, NULL, "control character");
	e.href = "";
	expect_invalid(&e, NULL, "link is empty");
	e.href = NULL;
	opt.base_url = "example.org/digest";
	expect_invalid(&e, &opt, "not absolute");
	opt.base_url = "";
	expect_invalid(&e, &opt, "not absolute");
	opt.base_url = NULL;

	nsum_error_init(&err);
	assert_int_equal(nsum_feed_update(NULL, &e, NULL, &err), NSUM_EINVAL);
	nsum_error_init(&err);
	assert_int_equal(nsum_feed_update("", &e, NULL, &err), NSUM_EINVAL);

	for (i = 0; i < sizeof(good) / sizeof(*good); i++) {
		e.date = good[i];
		nsum_error_init(&err);
		assert_int_equal(nsum_feed_update(dir, &e, NULL, &err), NSUM_OK);
	}
}

static void test_no_folder(void **state)
{
	nsum_feed_entry e = { "2026-01-06", "t", "s", NULL };
	nsum_error err;

	(void)state;
	nsum_error_init(&err);
	assert_int_equal(nsum_feed_update(in_dir("missing"), &e, NULL, &err),
		NSUM_EIO);
	assert_string_equal(err.source, in_dir("missing"));
}

/* feed.xml without feed.json: start from no entries, rebuild feed.xml. */
static void test_xml_without_json(void **state)
{
	char *xml;

	(void)state;
	spit(in_dir(NSUM_FEED_XML), "<feed>hand-written</feed>\n");
	update("2026-01-06", "six", NULL);
	xml = slurp(in_dir(NSUM_FEED_XML));
	check_xml(xml, "feed");
	assert_null(strstr(xml, "hand-written"));
	assert_int_equal(count(xml, "<entry>"), 1);
	free(xml);
}

/* A trailing slash on the folder makes no double slash. */
static void test_folder_slash(void **state)
{
	nsum_feed_entry e = { "2026-01-06", "t", "s", NULL };
	nsum_error err;
	char slashed[80];

	(void)state;
	snprintf(slashed, sizeof(slashed), "%s/", dir);
	nsum_error_init(&err);
	assert_int_equal(nsum_feed_update(slashed, &e, NULL, &err), NSUM_OK);
	assert_true(exists(in_dir(NSUM_FEED_JSON)));
	assert_true(exists(in_dir(NSUM_FEED_XML)));
}

/* Python's XML and JSON parsers read both files (skipped without python). */
static void test_python_parses(void **state)
{
	nsum_feed_options opt = { "Revue <&>", "https://example.org/d/", 0 };
	nsum_feed_entry e = { "2026-01-06", "Paix <&\"> \xC3\xA9t\xC3\xA9",
		"a\x01\x02 b\r\nc\xEF\xBF\xBF", NULL };
	nsum_error err;
	char cmd[4096];

	(void)state;
	if (access("/usr/bin/python3", X_OK) != 0)
		skip();
	update("2026-01-05", "cinq", &opt);
	nsum_error_init(&err);
	assert_int_equal(nsum_feed_update(dir, &e, &opt, &err), NSUM_OK);
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 -c '"
		"import json, sys, xml.etree.ElementTree as ET\n"
		"A = \"{http://www.w3.org/2005/Atom}\"\n"
		"r = ET.parse(sys.argv[1]).getroot()\n"
		"assert r.tag == A + \"feed\", r.tag\n"
		"for t in (\"id\", \"title\", \"updated\", \"author\"):\n"
		"    assert r.find(A + t) is not None, t\n"
		"assert r.find(A + \"title\").text == \"Revue <&>\"\n"
		"es = r.findall(A + \"entry\")\n"
		"assert [x.find(A + \"updated\").text for x in es] == "
		"[\"2026-01-06T00:00:00Z\", \"2026-01-05T00:00:00Z\"]\n"
		"assert es[0].find(A + \"title\").text == \"Paix <&\\\"> \\u00e9t\\u00e9\"\n"
		"assert es[0].find(A + \"summary\").text == \"a b\\r\\nc\", "
		"repr(es[0].find(A + \"summary\").text)\n"
		"for x in es:\n"
		"    for t in (\"id\", \"title\", \"updated\", \"link\", \"summary\"):\n"
		"        assert x.find(A + t) is not None, t\n"
		"f = json.load(open(sys.argv[2]))\n"
		"assert f[\"version\"] == \"https://jsonfeed.org/version/1.1\"\n"
		"assert [i[\"date_published\"] for i in f[\"items\"]] == "
		"[\"2026-01-06T00:00:00Z\", \"2026-01-05T00:00:00Z\"]\n"
		"assert f[\"items\"][0][\"url\"] == \"https://example.org/d/2026-01-06.html\"\n"
		"' %s %s", in_dir(NSUM_FEED_XML), in_dir(NSUM_FEED_JSON));
	assert_int_equal(system(cmd), 0);
}

/*
 * Two processes update one folder at once, each with its own days: the
 * folder lock makes them take turns, so no update is lost.
 */
static void test_concurrent(void **state)
{
	char dates[1024];
	pid_t pid;
	int status, day;
	json_t *root;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	for (day = 1; day <= 20; day++) {
		nsum_feed_entry e = { NULL, "t", "s", NULL };
		nsum_error err;
		char date[16];

		snprintf(date, sizeof(date), "2026-%02d-%02d", pid ? 1 : 2, day);
		e.date = date;
		nsum_error_init(&err);
		if (nsum_feed_update(dir, &e, NULL, &err) != NSUM_OK) {
			if (!pid)
				_exit(1);
			fail_msg("%s", err.text);
		}
	}
	if (!pid)
		_exit(0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	root = load_json();
	assert_int_equal(json_array_size(json_object_get(root, "items")), 40);
	json_decref(root);
	item_dates(dates, sizeof(dates));
	assert_true(strncmp(dates, "2026-02-20 2026-02-19", 21) == 0);
}

/* ---- allocation failures ---- */

static size_t alloc_left;

static void *failing_malloc(size_t n)
{
	if (alloc_left == 0)
		return NULL;
	alloc_left--;
	return malloc(n);
}

static void *failing_realloc(void *p, size_t n)
{
	if (alloc_left == 0)
		return NULL;
	alloc_left--;
	return realloc(p, n);
}

/*
 * Make the N-th allocation fail for every N: each failure is NSUM_ENOMEM,
 * leaks nothing (the sanitizer build checks), and leaves feed.xml as it
 * was; the run that has enough memory writes what a plain run writes.
 */
static void test_alloc_failures(void **state)
{
	nsum_feed_options opt = { NULL, "https://example.org/", 0 };
	nsum_feed_entry e = { "2026-01-07", "sept <&>", "Une manchette\nUne autre",
		NULL };
	char *json0, *xml0, *want_json, *want_xml, *json, *xml;
	size_t budget;
	bool done = false;

	(void)state;
	update("2026-01-05", "cinq", &opt);
	update("2026-01-06", "six", &opt);
	json0 = slurp(in_dir(NSUM_FEED_JSON));
	xml0 = slurp(in_dir(NSUM_FEED_XML));
	update("2026-01-07", "sept <&>", &opt);
	want_json = slurp(in_dir(NSUM_FEED_JSON));
	want_xml = slurp(in_dir(NSUM_FEED_XML));

	for (budget = 0; !done && budget < 100000; budget++) {
		nsum_error err;
		nsum_status st;

		spit(in_dir(NSUM_FEED_JSON), json0);
		spit(in_dir(NSUM_FEED_XML), xml0);
		nsum_error_init(&err);
		alloc_left = budget;
		nsum_set_alloc_funcs(failing_malloc, failing_realloc, free);
		st = nsum_feed_update(dir, &e, &opt, &err);
		nsum_set_alloc_funcs(NULL, NULL, NULL);
		json = slurp(in_dir(NSUM_FEED_JSON));
		xml = slurp(in_dir(NSUM_FEED_XML));
		if (st == NSUM_OK) {
			assert_string_equal(json, want_json);
			assert_string_equal(xml, want_xml);
			done = true;
		} else {
			if (st != NSUM_ENOMEM)
				fail_msg("budget %zu: %s:%zu:%zu: %s", budget, err.source,
					err.line, err.column, err.text);
			assert_int_equal(err.status, NSUM_ENOMEM);
			/* feed.json goes first: it may be new while feed.xml is old. */
			if (strcmp(json, json0) != 0)
				assert_string_equal(json, want_json);
			assert_string_equal(xml, xml0);
		}
		free(json);
		free(xml);
	}
	assert_true(done);
	free(json0);
	free(xml0);
	free(want_json);
	free(want_xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checker),
		cmocka_unit_test_setup_teardown(test_first_entry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newest_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_day_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_twice_identical, setup, teardown),
		cmocka_unit_test_setup_teardown(test_max_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roundtrip_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_base_url, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escaping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xml_without_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_folder_slash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_python_parses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_concurrent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alloc_failures, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
