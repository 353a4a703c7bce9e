/* Unit tests for the renderers (nsum/render.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <string.h>

#include "nsum/nsum.h"

static nsum_engine *engine;
static nsum_doc *doc;
static nsum_summary *sum;

static const char text[] =
	"Le sommet <Paris> & Kiev : les garanties de s\xC3\xA9" "curit\xC3\xA9 avancent.\n"
	"Les dirigeants \"alli\xC3\xA9s\" se retrouvent mardi pour la coalition des volontaires.\n"
	"Le d\xC3\xA9jeuner \xC3\xA9tait servi \xC3\xA0 midi.\n";

static int setup(void **state)
{
	nsum_doc_options opt;
	nsum_text t;

	(void)state;
	engine = nsum_engine_create(NULL);
	if (!engine || nsum_text_init_bytes(&t, text, strlen(text), "a.txt", 0,
		NULL) != NSUM_OK)
		return -1;
	nsum_doc_options_default(&opt);
	opt.clean = false;
	opt.title = "Sommet : garanties de s\xC3\xA9" "curit\xC3\xA9";
	opt.id = "42";
	doc = nsum_doc_create(engine, "a.txt", &t, &opt, NULL);
	sum = doc ? nsum_summarize(engine, &doc, 1, NULL, NULL) : NULL;
	return sum ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	nsum_summary_destroy(sum);
	nsum_doc_destroy(doc);
	nsum_engine_destroy(engine);
	return 0;
}

static char *render(nsum_format f, bool explain)
{
	nsum_render_options opt;
	size_t len = 0;
	char *s;

	nsum_render_options_default(&opt);
	opt.format = f;
	opt.explain = explain;
	s = nsum_render_summary(doc, sum, &opt, &len);
	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	return s;
}

static void test_json(void **state)
{
	char *s = render(NSUM_FORMAT_JSON, false);
	const char *keys[] = { "source", "id", "title", "summary", "terms", "stats" };
	json_t *root, *first, *v;
	const char *key;
	size_t i = 0;

	(void)state;
	root = json_loads(s, 0, NULL);
	assert_non_null(root);
	/* Keys in the documented order. */
	json_object_foreach(root, key, v) {
		assert_true(i < 6);
		assert_string_equal(key, keys[i++]);
	}
	assert_int_equal(i, 6);
	assert_string_equal(json_string_value(json_object_get(root, "id")), "42");
	assert_int_equal(json_array_size(json_object_get(root, "summary")), 3);
	first = json_array_get(json_object_get(root, "summary"), 0);
	/* Offsets point at the sentence's bytes in the text. */
	assert_int_equal(json_integer_value(json_object_get(first, "start")), 0);
	assert_memory_equal(text + json_integer_value(json_object_get(first, "end")) - 9,
		"avancent.", 9);
	assert_true(json_is_real(json_object_get(first, "score")));
	assert_true(json_array_size(json_object_get(root, "terms")) > 0);
	json_decref(root);
	nsum_free(s);
}

static void test_json_explain(void **state)
{
	nsum_summary_options sopt;
	nsum_summary *plain = sum;
	json_t *root, *sents, *f;
	char *s;

	(void)state;
	nsum_summary_options_default(&sopt);
	sopt.explain = true;
	sum = nsum_summarize(engine, &doc, 1, &sopt, NULL);
	assert_non_null(sum);
	s = render(NSUM_FORMAT_JSON, true);
	nsum_summary_destroy(sum);
	sum = plain;
	root = json_loads(s, 0, NULL);
	assert_non_null(root);
	sents = json_object_get(root, "sentences");
	assert_int_equal(json_array_size(sents), 3);
	f = json_object_get(json_array_get(sents, 0), "features");
	assert_non_null(json_object_get(f, "position"));
	assert_non_null(json_object_get(f, "title"));
	json_decref(root);
	nsum_free(s);
}

static void test_plain(void **state)
{
	char *s = render(NSUM_FORMAT_PLAIN, false);
	size_t lines = 0, i;

	(void)state;
	for (i = 0; s[i]; i++)
		lines += s[i] == '\n';
	assert_int_equal(lines, sum->npicks);
	assert_null(strstr(s, "Key terms"));
	nsum_free(s);
}

static void test_text_and_md(void **state)
{
	char *t = render(NSUM_FORMAT_TEXT, false), *m = render(NSUM_FORMAT_MD, false);

	(void)state;
	assert_true(strncmp(t, "Sommet", 6) == 0);
	assert_non_null(strstr(t, "Key terms: "));
	assert_true(strncmp(m, "# Sommet", 8) == 0);
	assert_non_null(strstr(m, "\n- Le sommet"));
	nsum_free(t);
	nsum_free(m);
}

static void test_html(void **state)
{
	char *s = render(NSUM_FORMAT_HTML, false);

	(void)state;
	assert_true(strncmp(s, "<!DOCTYPE html>", 15) == 0);
	/* Escaped, self-contained, every sentence shaded, picks outlined. */
	assert_non_null(strstr(s, "&lt;Paris&gt; &amp; Kiev"));
	assert_non_null(strstr(s, "&quot;alli"));
	assert_null(strstr(s, "<Paris>"));
	assert_null(strstr(s, "http"));
	assert_null(strstr(s, "<script"));
	assert_non_null(strstr(s, "id=\"s2\""));
	assert_non_null(strstr(s, "class=\"s pick\""));
	nsum_free(s);
}

static void test_split_json(void **state)
{
	nsum_render_options opt;
	char *s;
	json_t *arr;

	(void)state;
	nsum_render_options_default(&opt);
	opt.format = NSUM_FORMAT_JSON;
	s = nsum_render_split(doc, &opt, NULL);
	arr = json_loads(s, 0, NULL);
	assert_int_equal(json_array_size(arr), 3);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(arr, 2),
		"line")), 3);
	json_decref(arr);
	nsum_free(s);
}

/* Analyze s (no cleaning unless clean) with the given name, id and title. */
static nsum_doc *doc_named(const char *s, bool clean, const char *name,
	const char *id, const char *title)
{
	nsum_doc_options opt;
	nsum_text t;
	nsum_doc *d;

	assert_int_equal(nsum_text_init_bytes(&t, s, strlen(s), name, 0, NULL),
		NSUM_OK);
	nsum_doc_options_default(&opt);
	opt.clean = clean;
	opt.id = id;
	opt.title = title;
	d = nsum_doc_create(engine, name, &t, &opt, NULL);
	assert_non_null(d);
	return d;
}

static void test_names_not_utf8(void **state)
{
	/* A file name, an id or a title given apart need not be UTF-8; JSON
	 * cannot hold such bytes, so the doc keeps U+FFFD in their place. */
	nsum_doc *d = doc_named("Le conseil a vot\xC3\xA9 le budget.\n", false,
		"caf\xE9.txt", "\xFF" "1", "Titre \xC3 coup\xC3\xA9");
	nsum_summary *s = nsum_summarize(engine, &d, 1, NULL, NULL);
	nsum_render_options opt;
	json_t *root;
	char *out;

	(void)state;
	assert_string_equal(d->name, "caf\xEF\xBF\xBD.txt");
	assert_string_equal(d->id, "\xEF\xBF\xBD" "1");
	assert_string_equal(d->title, "Titre \xEF\xBF\xBD coup\xC3\xA9");
	nsum_render_options_default(&opt);
	opt.format = NSUM_FORMAT_JSON;
	out = nsum_render_summary(d, s, &opt, NULL);
	assert_non_null(out);
	root = json_loads(out, 0, NULL);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(root, "source")),
		"caf\xEF\xBF\xBD.txt");
	json_decref(root);
	nsum_free(out);
	out = nsum_render_clean(d, &opt, NULL);
	assert_non_null(out);
	nsum_free(out);
	nsum_summary_destroy(s);
	nsum_doc_destroy(d);
}

static void test_clean_without_english(void **state)
{
	/* English sentences leave the cleaned text, wherever they sit in a
	 * line; the lines around them stay whole. */
	const char *page =
		"Le maire a parl\xC3\xA9 lundi. The mayor said that the plan "
		"would be delayed until the end of the year. Il reste confiant.\n"
		"\n"
		"Les travaux commencent en mai.\n"
		"They will last for two years and the costs are not known yet.\n"
		"Les riverains sont inquiets.\n";
	nsum_doc *d = doc_named(page, true, "en.txt", NULL, "Travaux");
	nsum_render_options opt;
	char *out;

	(void)state;
	assert_int_equal(d->english, 2);
	nsum_render_options_default(&opt);
	out = nsum_render_clean(d, &opt, NULL);
	assert_string_equal(out, "Travaux\n"
		"Le maire a parl\xC3\xA9 lundi. Il reste confiant.\n"
		"\n"
		"Les travaux commencent en mai.\n"
		"Les riverains sont inquiets.\n");
	nsum_free(out);
	opt.explain = true;
	out = nsum_render_clean(d, &opt, NULL);
	assert_non_null(strstr(out, "1: english: The mayor said"));
	assert_non_null(strstr(out, "4: english: They will last"));
	nsum_free(out);
	nsum_doc_destroy(d);
}

static void test_format_parse(void **state)
{
	nsum_format f;

	(void)state;
	assert_true(nsum_format_parse("markdown", &f));
	assert_int_equal(f, NSUM_FORMAT_MD);
	assert_false(nsum_format_parse("pdf", &f));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_explain),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_text_and_md),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_split_json),
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_names_not_utf8),
		cmocka_unit_test(test_clean_without_english),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
