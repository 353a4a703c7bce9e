/*
 * Allocation failure injection over the library's main paths (the
 * "chaos" test, after jansson's): for every N from 1 until a run
 * completes without an injected failure, the N-th allocation of the path
 * fails, and the path must end in a clean error -- NULL or NSUM_ENOMEM
 * with an nsum_error saying NSUM_ENOMEM -- or succeed with the very output
 * of a run that had all its memory.  Each N is run with only the N-th
 * allocation failing, then with it and every later one failing.  Every
 * allocation is accounted for:
 * after each run, what the library allocated through nsum's allocator
 * (jansson's allocations included: nsum_set_alloc_funcs() routes them
 * there) has been freed, so a leak fails here and names its N, not only
 * under LeakSanitizer.
 *
 * The paths, each on small inputs written for this test:
 *   summary   text from bytes, engine, doc, summary with a glossary,
 *             every renderer (gloss and explain on)
 *   glossary  a glossary CSV loaded from a file, matched, looked up,
 *             exported (the TBX imported back), a second glossary checked
 *             against it, saved and restored; the same CSV parsed in
 *             memory for editing, a row added, written back
 *   model     a model built from three documents, formatted, written
 *             (atomically), read back and merged
 *   topic     three articles (text, doc, article), summarized together
 *             (one as already seen), the glossary's suggestions, rendered
 *             as a topic in every format
 *   digest    the same articles as a digest with a history folder (an
 *             earlier D.json written here), a glossary and a dictionary,
 *             rendered as JSON, Markdown and HTML and written to a folder
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nsum/alloc.h"
#include "nsum/nsum.h"

/* ---- Inputs ---- */

static const char *const articles[] = {
	"Le pont Anne-de-Bretagne ferm\xC3\xA9 aux voitures\n"
	"Publi\xC3\xA9 le 12/03/2026 08:00\n\n"
	"Le pont Anne-de-Bretagne, \xC3\xA0 Nantes, sera ferm\xC3\xA9 aux "
	"voitures pendant deux mois pour des travaux de renforcement.\n"
	"Les cyclistes et les pi\xC3\xA9tons pourront toujours le traverser, "
	"a pr\xC3\xA9" "cis\xC3\xA9 la m\xC3\xA9tropole.\n"
	"Les chauffeurs de taxi craignent des embouteillages sur les autres "
	"ponts de la Loire.\n",

	"Nantes : deux mois de travaux sur le pont Anne-de-Bretagne\n"
	"12 mars 2026\n\n"
	"La m\xC3\xA9tropole de Nantes ferme le pont Anne-de-Bretagne aux "
	"voitures \xC3\xA0 partir de lundi.\n"
	"Les travaux de renforcement dureront deux mois, selon le "
	"vice-pr\xC3\xA9sident charg\xC3\xA9 des mobilit\xC3\xA9s.\n"
	"Une navette fluviale suppl\xC3\xA9mentaire sera mise en service "
	"pendant le chantier.\n",

	"Festival de cin\xC3\xA9ma \xC3\xA0 Lille : le jury r\xC3\xA9" "compense "
	"un premier film\n"
	"Publi\xC3\xA9 le 12/03/2026 19:30\n\n"
	"Le jury du festival de cin\xC3\xA9ma de Lille a remis son grand prix "
	"\xC3\xA0 un premier film tourn\xC3\xA9 dans le bassin minier.\n"
	"La r\xC3\xA9" "alisatrice a d\xC3\xA9" "di\xC3\xA9 la r\xC3\xA9"
	"compense aux habitants qui ont jou\xC3\xA9 dans le film.\n"
	"Le festival a attir\xC3\xA9 plus de vingt mille spectateurs en une "
	"semaine.\n",
};
#define NARTS (sizeof(articles) / sizeof(*articles))

static const char *const sources[NARTS] = { "Presse Ouest", NULL, "Nord" };

static const char glossary_csv[] =
	"fr,en,note,pos,domain,status,case\n"
	"pont,bridge,,noun,,,\n"
	"travaux de renforcement,reinforcement works,,noun,,,\n"
	"m\xC3\xA9tropole,metropolitan authority | metropolis,\"a \"\"note\"\"\","
	"noun,politics,,\n"
	"festival de cin\xC3\xA9ma,film festival,,noun,culture,,\n"
	"grand prix,grand prize,,noun,,admitted,\n"
	"Loire,Loire,,noun,,,yes\n";

/* A second glossary that disagrees with the first on one term. */
static const char other_csv[] =
	"fr,en\n"
	"ponts,deck\n"
	"voiture,car\n";

/*
 * An earlier digest: the bridge story the day before, a topic without an
 * id (skipped) and one with a summary of the wrong type.  Its first value
 * is longer than any other, and nsum does not read it: jansson 2.14's
 * lexer drops a byte when its token buffer cannot grow (lex_save() ignores
 * the failure), so that buffer had better reach its full size on a value
 * whose bytes do not matter.  What nsum reads is then parsed right or not
 * at all, whichever allocation fails.
 */
#define PAD16 "----------------"
static const char history_json[] =
	"{\"padding\": \"" PAD16 PAD16 PAD16 PAD16 PAD16 PAD16 PAD16 PAD16 "\",\n"
	"\"date\": \"2026-03-11\", \"generator\": \"nsum 0.1.0\", "
	"\"articles\": 3, \"topics\": [\n"
	" {\"id\": \"t1\", \"headline\": \"Travaux annonc\\u00e9s sur le pont "
	"Anne-de-Bretagne\", \"summary\": [\n"
	"  {\"text\": \"La m\\u00e9tropole de Nantes annonce des travaux de "
	"renforcement sur le pont Anne-de-Bretagne.\", \"article\": 0},\n"
	"  {\"text\": \"Le pont sera ferm\\u00e9 aux voitures pendant deux "
	"mois.\", \"article\": 0}]},\n"
	" {\"headline\": \"Sans identifiant\", \"summary\": []},\n"
	" {\"id\": \"t3\", \"headline\": null, \"summary\": {\"text\": 3}}\n"
	"]}\n";

/* ---- The test folder ---- */

static char dir[64];
static char glossary_path[128], other_path[128], history_dir[128],
	out_dir[128], model_path[128];

static void spit(const char *path, const char *content)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fputs(content, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
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

static int setup(void **state)
{
	char path[192];

	(void)state;
	/* In memory where there is /dev/shm: the digest path writes (and
	 * fsyncs) its five files thousands of times. */
	snprintf(dir, sizeof(dir), "/dev/shm/nsum-chaos-XXXXXX");
	if (!mkdtemp(dir)) {
		snprintf(dir, sizeof(dir), "/tmp/nsum-chaos-XXXXXX");
		if (!mkdtemp(dir))
			return -1;
	}
	snprintf(glossary_path, sizeof(glossary_path), "%s/fr-en.csv", dir);
	snprintf(other_path, sizeof(other_path), "%s/other.csv", dir);
	snprintf(history_dir, sizeof(history_dir), "%s/history", dir);
	snprintf(out_dir, sizeof(out_dir), "%s/out", dir);
	snprintf(model_path, sizeof(model_path), "%s/corpus.model", dir);
	spit(glossary_path, glossary_csv);
	spit(other_path, other_csv);
	if (mkdir(history_dir, 0700) < 0 || mkdir(out_dir, 0700) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/2026-03-11.json", history_dir);
	spit(path, history_json);
	/* Not a digest's name: never read. */
	snprintf(path, sizeof(path), "%s/notes.json", history_dir);
	spit(path, "not json");
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* ---- The allocator ---- */

/*
 * Two ways to fail: only the N-th allocation (the later ones succeed, so
 * that the code after a failure runs on), or the N-th and every one after
 * it (memory gone for good, as in jansson's own chaos test).
 */
typedef enum chaos_mode { ONE_FAILS, ALL_FAIL } chaos_mode;

static chaos_mode mode;
static size_t alloc_count; /* allocations since the path started */
static size_t fail_at;     /* the first that fails; 0: none */
static bool armed;         /* counting (and failing) */
static bool injected;      /* a failure happened in this run */
static long live;          /* allocated and not yet freed */

/* Whether the allocation being made fails. */
static bool fails(void)
{
	if (!armed)
		return false;
	alloc_count++;
	if (fail_at == 0 || alloc_count < fail_at ||
		(mode == ONE_FAILS && alloc_count > fail_at))
		return false;
	injected = true;
	return true;
}

static void *chaos_malloc(size_t size)
{
	void *p;

	if (fails())
		return NULL;
	p = malloc(size);
	if (p)
		live++;
	return p;
}

static void *chaos_realloc(void *ptr, size_t size)
{
	void *p;

	if (fails())
		return NULL;
	p = realloc(ptr, size);
	if (p && !ptr)
		live++;
	return p;
}

static void chaos_free(void *ptr)
{
	if (ptr)
		live--;
	free(ptr);
}

/* Whether the folder at path holds a temporary file of an atomic write. */
static bool temp_left(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	bool found = false;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		found |= strstr(e->d_name, ".tmp-") != NULL;
	closedir(d);
	return found;
}

/* ---- What a path produced ---- */

/* The outputs of one run, appended (the test's own memory, not nsum's). */
typedef struct sink {
	char *data;
	size_t len;
} sink;

static void sink_add(sink *k, const char *s, size_t len)
{
	char *p = realloc(k->data, k->len + len + 2);

	assert_non_null(p);
	memcpy(p + k->len, s, len);
	p[k->len + len] = '\x1E'; /* between outputs */
	k->len += len + 1;
	p[k->len] = '\0';
	k->data = p;
}

/*
 * Take s, a string the library returned (NULL: no memory) with its length
 * in *len (read after the call that set it), into k and free it.  Returns false (with err set to NSUM_ENOMEM) when s is NULL.
 */
static bool take(sink *k, char *s, const size_t *len, nsum_error *err)
{
	if (!s) {
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		return false;
	}
	assert_int_equal(strlen(s), *len);
	sink_add(k, s, *len);
	nsum_free(s);
	return true;
}

/*
 * A path: prepare (not counted, may be NULL) makes what the path takes as
 * given; run is the path, counted and failing; finish frees what prepare
 * made.  run returns NSUM_OK or the failure, err set.
 */
typedef struct chaos_path {
	const char *name;
	void (*prepare)(void **ctx);
	nsum_status (*run)(void *ctx, sink *out, nsum_error *err);
	void (*finish)(void *ctx);
} chaos_path;

/*
 * One run of p with the fail_at-th allocation failing (0: none): its
 * status, outputs and error; asserts that nothing leaked.
 */
static nsum_status run_once(const chaos_path *p, size_t at, sink *out,
	nsum_error *err)
{
	void *ctx = NULL;
	nsum_status st;

	memset(out, 0, sizeof(*out));
	nsum_error_init(err);
	live = 0;
	alloc_count = 0;
	fail_at = at;
	injected = false;
	nsum_set_alloc_funcs(chaos_malloc, chaos_realloc, chaos_free);
	if (p->prepare)
		p->prepare(&ctx);
	armed = true;
	st = p->run(ctx, out, err);
	armed = false;
	if (p->finish)
		p->finish(ctx);
	nsum_set_alloc_funcs(NULL, NULL, NULL);
	if (temp_left(dir) || temp_left(out_dir))
		fail_msg("%s, allocation %zu failing: a temporary file is left",
			p->name, at);
	if (live != 0)
		fail_msg("%s, allocation %zu failing: %ld blocks not freed (status "
			"%s)", p->name, at, live, nsum_status_string(st));
	return st;
}

/*
 * The chaos loop over path p in the current mode: one run for each N until
 * one completes without a failure, each compared with ref, the output of a
 * run with all its memory (total allocations).  Returns the number of runs.
 */
static size_t chaos_mode_runs(const chaos_path *p, const sink *ref,
	size_t total)
{
	const char *how = mode == ONE_FAILS ? "only allocation" :
		"allocations from";
	sink out;
	nsum_error err;
	nsum_status st;
	size_t n;

	for (n = 1;; n++) {
		st = run_once(p, n, &out, &err);
		if (!injected) {
			/* Every allocation succeeded: the path is done. */
			assert_int_equal(st, NSUM_OK);
			assert_true(n > total);
		}
		if (st == NSUM_OK) {
			/* A failure the path could do without changes nothing. */
			if (out.len != ref->len || memcmp(out.data, ref->data, ref->len)) {
				size_t at = 0;

				while (at < out.len && at < ref->len &&
					out.data[at] == ref->data[at])
					at++;
				at = at > 40 ? at - 40 : 0;
				fail_msg("%s, %s %zu failing: succeeded with other output, "
					"from byte %zu:\n%.120s\ninstead of\n%.120s", p->name,
					how, n, at, out.data + at, ref->data + at);
			}
		} else if (st != NSUM_ENOMEM || err.status != NSUM_ENOMEM) {
			fail_msg("%s, %s %zu failing: status %s, %s:%zu:%zu: %s",
				p->name, how, n, nsum_status_string(st), err.source, err.line,
				err.column, err.text);
		}
		free(out.data);
		if (!injected)
			return n;
		assert_true(n < 100000);
	}
}

/* The chaos loop over path p, in both modes. */
static void chaos(const chaos_path *p)
{
	sink ref;
	nsum_error err;
	size_t total, one, all;

	mode = ONE_FAILS;
	if (run_once(p, 0, &ref, &err) != NSUM_OK)
		fail_msg("%s: %s:%zu:%zu: %s", p->name, err.source, err.line,
			err.column, err.text);
	total = alloc_count;
	assert_true(total > 0);
	one = chaos_mode_runs(p, &ref, total);
	mode = ALL_FAIL;
	all = chaos_mode_runs(p, &ref, total);
	free(ref.data);
	print_message("%s: %zu allocations; %zu + %zu runs\n", p->name, total,
		one, all);
}

/* ---- Shared steps ---- */

/* An engine made outside the counted path (prepare). */
static void prepare_engine(void **ctx)
{
	nsum_engine *e = nsum_engine_create(NULL);

	assert_non_null(e);
	*ctx = e;
}

/* The glossary of glossary_csv; NULL and err on failure. */
static nsum_glossary *load_glossary(nsum_error *err)
{
	nsum_glossary *g = nsum_glossary_create(err);

	if (g && nsum_glossary_load(g, glossary_path, err) != NSUM_OK) {
		nsum_glossary_destroy(g);
		return NULL;
	}
	return g;
}

/* Article i analyzed, with the title found in its text. */
static nsum_doc *make_doc(nsum_engine *e, size_t i, nsum_error *err)
{
	char name[32];
	nsum_text text;

	snprintf(name, sizeof(name), "a%zu.txt", i + 1);
	if (nsum_text_init_bytes(&text, articles[i], strlen(articles[i]), name,
		0, err) != NSUM_OK)
		return NULL;
	return nsum_doc_create(e, name, &text, NULL, err);
}

/* The articles as nsum_article, arts[0..NARTS) (finish each). */
static nsum_status make_articles(nsum_engine *e, nsum_article *arts,
	nsum_error *err)
{
	size_t i;

	memset(arts, 0, NARTS * sizeof(*arts));
	for (i = 0; i < NARTS; i++) {
		nsum_doc *doc = make_doc(e, i, err);
		char path[32];

		if (!doc)
			return err->status;
		snprintf(path, sizeof(path), "presse/a%zu.txt", i + 1);
		if (nsum_article_init(&arts[i], doc, path, sources[i], NULL, NULL,
			err) != NSUM_OK)
			return err->status;
	}
	nsum_articles_sort(arts, NARTS);
	return NSUM_OK;
}

static void finish_articles(nsum_article *arts)
{
	size_t i;

	for (i = 0; i < NARTS; i++)
		nsum_article_finish(&arts[i]);
}

static const nsum_format formats[] = {
	NSUM_FORMAT_TEXT, NSUM_FORMAT_PLAIN, NSUM_FORMAT_JSON, NSUM_FORMAT_MD,
	NSUM_FORMAT_HTML,
};
#define NFORMATS (sizeof(formats) / sizeof(*formats))

/* ---- (a) One article: text, doc, summary, every renderer ---- */

static nsum_status run_summary(void *ctx, sink *out, nsum_error *err)
{
	nsum_summary_options sopt;
	nsum_render_options ropt;
	nsum_glossary *g = NULL;
	nsum_summary *sum = NULL;
	nsum_engine *e;
	nsum_doc *doc = NULL;
	size_t f, len = 0;

	(void)ctx;
	e = nsum_engine_create(err);
	if (!e)
		goto out;
	g = load_glossary(err);
	doc = g ? make_doc(e, 0, err) : NULL;
	if (!doc)
		goto out;
	nsum_summary_options_default(&sopt);
	sopt.glossary = g;
	sopt.explain = true;
	sum = nsum_summarize(e, &doc, 1, &sopt, err);
	if (!sum)
		goto out;
	nsum_render_options_default(&ropt);
	ropt.glossary = g;
	ropt.gloss = true;
	for (f = 0; f < NFORMATS; f++) {
		ropt.format = formats[f];
		ropt.explain = f % 2 == 0;
		if (!take(out, nsum_render_summary(doc, sum, &ropt, &len), &len, err))
			goto out;
	}
	ropt.format = NSUM_FORMAT_JSON;
	if (!take(out, nsum_render_clean(doc, &ropt, &len), &len, err) ||
		!take(out, nsum_render_split(doc, &ropt, &len), &len, err))
		goto out;
	ropt.format = NSUM_FORMAT_TEXT;
	ropt.explain = true;
	if (!take(out, nsum_render_clean(doc, &ropt, &len), &len, err) ||
		!take(out, nsum_render_split(doc, &ropt, &len), &len, err))
		goto out;
out:
	nsum_summary_destroy(sum);
	nsum_doc_destroy(doc);
	nsum_glossary_destroy(g);
	nsum_engine_destroy(e);
	return err->status;
}

static void test_summary(void **state)
{
	static const chaos_path p = { "summary", NULL, run_summary, NULL };

	(void)state;
	chaos(&p);
}

/* ---- (b) The glossary: load, use, export, cache; edit in memory ---- */

static const char *const new_row_names[] = { "fr", "en", "domain" };
static const char *const new_row_values[] = {
	"navette fluviale", "river shuttle", "transport",
};

/* A problem nsum_glossary_check() found, into the sink. */
static void report(void *ctx, const char *path, size_t line, size_t column,
	const char *message)
{
	char head[32];

	(void)path;
	snprintf(head, sizeof(head), "%zu:%zu: ", line, column);
	sink_add(ctx, head, strlen(head));
	sink_add(ctx, message, strlen(message));
}

static nsum_status run_glossary(void *ctx, sink *out, nsum_error *err)
{
	static const nsum_gloss_format exports[] = {
		NSUM_GLOSS_DEEPL, NSUM_GLOSS_TSV, NSUM_GLOSS_TBX,
	};
	static const char text[] = "Les PONTS de la Loire et la m\xC3\xA9tropole "
		"lancent des travaux de renforcement.";
	nsum_glossary *g = NULL, *again = NULL;
	nsum_glossfile *f = NULL;
	nsum_gloss_match *m = NULL;
	nsum_gloss_item *items = NULL;
	size_t *en = NULL, n = 0, nitems = 0, i, len = 0;
	char *saved = NULL, *s, line[64];

	(void)ctx;
	g = load_glossary(err);
	if (!g)
		goto out;
	if (nsum_glossary_find(g, text, 0, sizeof(text) - 1, &m, &n, err) !=
		NSUM_OK)
		goto out;
	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "%zu-%zu:%zu", m[i].start, m[i].end,
			m[i].entry);
		sink_add(out, line, strlen(line));
	}
	nsum_free(m);
	m = NULL;
	if (nsum_glossary_lookup_en(g, "bridges", 7, &en, &n, err) != NSUM_OK)
		goto out;
	snprintf(line, sizeof(line), "en %zu", n);
	sink_add(out, line, strlen(line));
	/* -1 for "not there" and for no memory alike: called, not compared. */
	(void)nsum_glossary_lookup(g, "grands prix", 11);
	for (i = 0; i < sizeof(exports) / sizeof(*exports); i++) {
		s = nsum_glossary_export(g, exports[i], &len);
		if (!s) {
			nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
		if (exports[i] == NSUM_GLOSS_TBX && nsum_gloss_import_parse(s, len,
			"export.tbx", NSUM_GLOSS_TBX, &items, &nitems, err) != NSUM_OK) {
			nsum_free(s);
			goto out;
		}
		take(out, s, &len, err);
	}
	/* The other glossary checked against this one. */
	if (nsum_glossary_check(other_path, g, report, out) < 0) {
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	/* The cache: saved and restored, the same entries. */
	saved = nsum_glossary_save(g, 42, &len);
	if (!saved) {
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	again = nsum_glossary_restore(saved, len, 42);
	if (!again) {
		/* NULL is "not one" or no memory: here, only memory. */
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	snprintf(line, sizeof(line), "%zu entries, %zu imported",
		nsum_glossary_count(again), nitems);
	sink_add(out, line, strlen(line));
	/* Editing: the CSV parsed from memory, a row added, written back. */
	f = nsum_glossfile_parse(glossary_csv, sizeof(glossary_csv) - 1,
		"fr-en.csv", err);
	if (!f || nsum_glossfile_insert(f, new_row_names, new_row_values, 3, NULL,
		err) != NSUM_OK)
		goto out;
	(void)nsum_glossfile_find(f, "Navettes fluviales");
	take(out, nsum_glossfile_format(f, &len), &len, err);
out:
	nsum_free(m);
	nsum_free(en);
	nsum_free(saved);
	nsum_gloss_items_free(items, nitems);
	nsum_glossfile_destroy(f);
	nsum_glossary_destroy(again);
	nsum_glossary_destroy(g);
	return err->status;
}

static void test_glossary(void **state)
{
	static const chaos_path p = { "glossary", NULL, run_glossary, NULL };

	(void)state;
	chaos(&p);
}

/* ---- (c) A model: built, written, read back, merged ---- */

/* The engine and the analyzed documents a model is built from. */
typedef struct model_ctx {
	nsum_engine *e;
	nsum_doc *docs[NARTS];
} model_ctx;

static void prepare_model(void **ctx)
{
	model_ctx *c = calloc(1, sizeof(*c));
	size_t i;

	assert_non_null(c);
	prepare_engine((void **)&c->e);
	for (i = 0; i < NARTS; i++) {
		c->docs[i] = make_doc(c->e, i, NULL);
		assert_non_null(c->docs[i]);
	}
	unlink(model_path);
	*ctx = c;
}

static void finish_model(void *ctx)
{
	model_ctx *c = ctx;
	size_t i;

	for (i = 0; i < NARTS; i++)
		nsum_doc_destroy(c->docs[i]);
	nsum_engine_destroy(c->e);
	free(c);
}

/* Count doc's content stems in m, as `nsum model build` does. */
static nsum_status add_doc(nsum_model *m, nsum_engine *e, const nsum_doc *doc,
	nsum_error *err)
{
	const char *stems[256];
	size_t lens[256], n = 0, t;

	for (t = 0; t < doc->ntokens && n < 256; t++) {
		const nsum_token *tok = &doc->tokens[t];

		if (tok->stop || tok->kind != NSUM_WORD_ALPHA)
			continue;
		stems[n] = nsum_stemmer_string(nsum_engine_stemmer(e), tok->stem,
			&lens[n]);
		n++;
	}
	return nsum_model_add_document(m, stems, lens, n, err);
}

static nsum_status run_model(void *ctx, sink *out, nsum_error *err)
{
	model_ctx *c = ctx;
	nsum_model *m, *read = NULL, *both = NULL;
	size_t i, len = 0;

	m = nsum_model_create(err);
	for (i = 0; m && i < NARTS; i++)
		if (add_doc(m, c->e, c->docs[i], err) != NSUM_OK)
			goto out;
	if (!m || !take(out, nsum_model_format(m, &len), &len, err) ||
		nsum_model_write_file(m, model_path, err) != NSUM_OK)
		goto out;
	read = nsum_model_read_file(model_path, err);
	both = read ? nsum_model_create(err) : NULL;
	if (!both || nsum_model_merge(both, m, err) != NSUM_OK ||
		nsum_model_merge(both, read, err) != NSUM_OK)
		goto out;
	take(out, nsum_model_format(both, &len), &len, err);
out:
	nsum_model_destroy(both);
	nsum_model_destroy(read);
	nsum_model_destroy(m);
	return err->status;
}

static void test_model(void **state)
{
	static const chaos_path p = {
		"model", prepare_model, run_model, finish_model,
	};

	(void)state;
	chaos(&p);
}

/* ---- (d) Several articles on one story: a topic ---- */

/* The engine with a glossary; prepare_glossed() makes both. */
typedef struct glossed {
	nsum_engine *e;
	nsum_glossary *g;
} glossed;

static void prepare_glossed(void **ctx)
{
	glossed *c = calloc(1, sizeof(*c));

	assert_non_null(c);
	prepare_engine((void **)&c->e);
	c->g = load_glossary(NULL);
	assert_non_null(c->g);
	*ctx = c;
}

static void finish_glossed(void *ctx)
{
	glossed *c = ctx;

	nsum_glossary_destroy(c->g);
	nsum_engine_destroy(c->e);
	free(c);
}

static nsum_status run_topic(void *ctx, sink *out, nsum_error *err)
{
	glossed *c = ctx;
	nsum_article arts[NARTS];
	nsum_doc *docs[NARTS];
	nsum_summary_options sopt;
	nsum_render_options ropt;
	nsum_summary *sum = NULL;
	nsum_gloss_suggestion *sug = NULL;
	size_t i, f, len = 0, nsug = 0;

	if (make_articles(c->e, arts, err) != NSUM_OK)
		goto out;
	for (i = 0; i < NARTS; i++)
		docs[i] = arts[i].doc;
	nsum_summary_options_default(&sopt);
	sopt.sentences = 5;
	sopt.glossary = c->g;
	sopt.seen = &docs[NARTS - 1]; /* the last one as already known */
	sopt.nseen = 1;
	sum = nsum_summarize(c->e, docs, NARTS - 1, &sopt, err);
	if (!sum)
		goto out;
	nsum_render_options_default(&ropt);
	ropt.glossary = c->g;
	ropt.gloss = true;
	/* The key terms the glossary lacks. */
	if (nsum_glossary_suggest(c->g, NULL, c->e, docs, NARTS, 6, &sug, &nsug,
		err) != NSUM_OK)
		goto out;
	for (i = 0; i < nsug; i++)
		sink_add(out, sug[i].fr, strlen(sug[i].fr));
	for (f = 0; f < NFORMATS; f++) {
		ropt.format = formats[f];
		ropt.compact = f == 2;
		if (!take(out, nsum_render_topic(arts, NARTS - 1, sum, &ropt, &len),
			&len, err))
			goto out;
	}
out:
	nsum_gloss_suggestions_free(sug, nsug);
	nsum_summary_destroy(sum);
	finish_articles(arts);
	return err->status;
}

static void test_topic(void **state)
{
	static const chaos_path p = {
		"topic", prepare_glossed, run_topic, finish_glossed,
	};

	(void)state;
	chaos(&p);
}

/* ---- (e) The digest: history, glossary, dictionary, files ---- */

static void prepare_digest(void **ctx)
{
	static const char *const names[] = {
		"2026-03-12.json", "2026-03-12.md", "2026-03-12.html", "feed.json",
		"feed.xml",
	};
	char path[192];
	size_t i;

	prepare_glossed(ctx);
	/* Every run writes into an empty folder. */
	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		snprintf(path, sizeof(path), "%s/%s", out_dir, names[i]);
		unlink(path);
	}
}

static nsum_status run_digest(void *ctx, sink *out, nsum_error *err)
{
	static const char *const files[] = {
		"2026-03-12.json", "2026-03-12.md", "2026-03-12.html",
	};
	glossed *c = ctx;
	nsum_article arts[NARTS];
	nsum_digest_options opt;
	nsum_digest *d = NULL;
	nsum_dict *dict = NULL;
	size_t i, len = 0;
	char path[192], *s;

	if (make_articles(c->e, arts, err) != NSUM_OK)
		goto out;
	dict = nsum_dict_create(err);
	/* Two senses of "jury": the cognate goes first. */
	if (!dict || nsum_dict_add(dict, "jury", "panel", "noun", "test",
		err) != NSUM_OK || nsum_dict_add(dict, "jury", "jury", "noun", "test",
		err) != NSUM_OK || nsum_dict_add(dict, "voiture", "car", "noun",
		"test", err) != NSUM_OK)
		goto out;
	nsum_digest_options_default(&opt);
	opt.date = "2026-03-12";
	opt.history = history_dir;
	opt.summary.glossary = c->g;
	opt.dict = dict;
	d = nsum_digest_build(c->e, arts, NARTS, &opt, err);
	if (!d)
		goto out;
	if (!take(out, nsum_digest_render(d, NSUM_FORMAT_JSON, true, &len), &len,
		err) ||
		!take(out, nsum_digest_render(d, NSUM_FORMAT_JSON, false, &len), &len,
		err) ||
		!take(out, nsum_digest_render(d, NSUM_FORMAT_MD, false, &len), &len,
		err) ||
		!take(out, nsum_digest_render(d, NSUM_FORMAT_HTML, false, &len), &len,
		err))
		goto out;
	if (nsum_digest_write(d, out_dir, NULL, err) != NSUM_OK)
		goto out;
	for (i = 0; i < sizeof(files) / sizeof(*files); i++) {
		snprintf(path, sizeof(path), "%s/%s", out_dir, files[i]);
		s = slurp(path);
		assert_non_null(s);
		sink_add(out, s, strlen(s));
		free(s);
	}
out:
	nsum_digest_destroy(d);
	nsum_dict_destroy(dict);
	finish_articles(arts);
	return err->status;
}

static void test_digest(void **state)
{
	static const chaos_path p = {
		"digest", prepare_digest, run_digest, finish_glossed,
	};

	(void)state;
	chaos(&p);
}

/* The digest of the reference run continues the earlier topic. */
static void test_digest_continues(void **state)
{
	sink out;
	nsum_error err;
	const chaos_path p = {
		"digest", prepare_digest, run_digest, finish_glossed,
	};

	(void)state;
	assert_int_equal(run_once(&p, 0, &out, &err), NSUM_OK);
	assert_non_null(strstr(out.data, "\"continues\""));
	assert_non_null(strstr(out.data, "\"2026-03-11\""));
	assert_non_null(strstr(out.data, "\"proposed\":[\"jury\",\"panel\"]"));
	free(out.data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_glossary),
		cmocka_unit_test(test_model),
		cmocka_unit_test(test_topic),
		cmocka_unit_test(test_digest_continues),
		cmocka_unit_test(test_digest),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
