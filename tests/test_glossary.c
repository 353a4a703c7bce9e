/* Unit tests for the glossary: CSV reading and writing, loading, matching,
 * lookups, and safe concurrent updates (nsum/glossary.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <utf8proc.h>

#include "glossary/key.h"
#include "nsum/nsum.h"
#include "nsum/glossary.h"
#include "util/buf.h"
#include "util/utf8.h"

static nsum_engine *engine;
static char dir[64];

static int setup(void **state)
{
	(void)state;
	engine = nsum_engine_create(NULL);
	snprintf(dir, sizeof(dir), "/tmp/nsum-gloss-XXXXXX");
	return engine && mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	nsum_engine_destroy(engine);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *write_tmp(const char *name, const char *data, size_t len)
{
	static char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	return path;
}

#define WRITE(name, lit) write_tmp(name, lit, sizeof(lit) - 1)

/* ---- CSV torture ---- */

static nsum_glossfile *parse(const char *lit, size_t len, nsum_error *err)
{
	nsum_error_init(err);
	return nsum_glossfile_parse(lit, len, "g.csv", err);
}

#define PARSE(lit, err) parse(lit, sizeof(lit) - 1, err)

static void expect_bad(const char *lit, size_t len, size_t line, size_t col,
	const char *text)
{
	nsum_error err;
	nsum_glossfile *f = parse(lit, len, &err);

	if (f)
		fail_msg("parsed, expected '%s'", text);
	if (err.line != line || err.column != col || !strstr(err.text, text))
		fail_msg("got %zu:%zu: %s, expected %zu:%zu: %s", err.line,
			err.column, err.text, line, col, text);
}

#define BAD(lit, line, col, text) expect_bad(lit, sizeof(lit) - 1, line, col, text)

static void test_csv_quoting(void **state)
{
	nsum_error err;
	nsum_glossfile *f = PARSE("fr,en,note\n"
		"\"accord, de paix\",peace agreement,\"say \"\"deal\"\" in headlines\"\n"
		"\"cessez-le-feu\",\"ceasefire\n| truce\",\n"
		"OTAN,NATO,\n", &err);

	(void)state;
	assert_non_null(f);
	assert_int_equal(nsum_glossfile_rows(f), 3);
	assert_string_equal(nsum_glossfile_cell(f, 0, 0), "accord, de paix");
	assert_string_equal(nsum_glossfile_cell(f, 0, 2), "say \"deal\" in headlines");
	assert_string_equal(nsum_glossfile_cell(f, 1, 1), "ceasefire\n| truce");
	assert_string_equal(nsum_glossfile_cell(f, 2, 2), "");
	nsum_glossfile_destroy(f);
}

static void test_csv_crlf_bom_blank(void **state)
{
	const char in[] = "\xEF\xBB\xBF" "fr,en\r\n\r\nUE,EU\r\n\"a\r\nb\",x\r\nfin,end";
	nsum_error err;
	nsum_glossfile *f = PARSE(in, &err);
	char *out;
	size_t len;

	(void)state;
	assert_non_null(f);
	assert_int_equal(nsum_glossfile_rows(f), 3);
	assert_string_equal(nsum_glossfile_cell(f, 1, 0), "a\nb");
	assert_string_equal(nsum_glossfile_cell(f, 2, 1), "end");
	/* Untouched, it writes back byte for byte (blank line aside). */
	out = nsum_glossfile_format(f, &len);
	assert_string_equal(out, "\xEF\xBB\xBF" "fr,en\r\nUE,EU\r\n\"a\r\nb\",x\r\nfin,end\r\n");
	nsum_free(out);
	nsum_glossfile_destroy(f);
}

static void test_csv_errors(void **state)
{
	(void)state;
	BAD("fr,en\n\"paix,peace\n", 2, 1, "unterminated quoted field");
	BAD("fr,en\npa\"ix,peace\n", 2, 3, "stray quote");
	BAD("fr,en\n\"paix\"x,peace\n", 2, 7, "text after the closing quote");
	BAD("fr,en\npaix,peace,extra\n", 2, 12, "3 fields where the header has 2");
	BAD("fr,en,note\npaix,peace\n", 2, 6, "2 fields where the header has 3");
	BAD("fr,en\npaix\n", 2, 1, "1 field where the header has 2");
	BAD("fr,en\npa\x01ix,peace\n", 2, 3, "control character");
	BAD("fr,en\n\xC3\xA9t\xC3\xA9,summer\nh\xE9,x\n", 3, 2, "invalid UTF-8");
	BAD("fr,en\n,peace\n", 2, 1, "empty 'fr' cell");
	BAD("fr,en\npaix,\n", 2, 6, "empty 'en' cell");
	BAD("fr,note\npaix,x\n", 1, 1, "no 'en' column");
	BAD("fr,en,fr\n", 1, 7, "appears twice");
	BAD("", 1, 1, "empty glossary");
}

static void test_csv_unknown_columns_kept(void **state)
{
	nsum_error err;
	nsum_glossfile *f = PARSE("fr,source,en\nOTAN,AFP style,NATO\n", &err);
	const char *names[] = { "fr", "en", "domain" };
	const char *values[] = { "ONU", "UN", "international" };
	char *out;

	(void)state;
	assert_non_null(f);
	assert_int_equal(nsum_glossfile_columns(f), 3);
	assert_string_equal(nsum_glossfile_column(f, 1), "source");
	assert_int_equal(nsum_glossfile_insert(f, names, values, 3, NULL, &err), NSUM_OK);
	out = nsum_glossfile_format(f, NULL);
	/* A new column is appended; every row gets its cell; the one-row file
	 * was sorted, so ONU goes before OTAN. */
	assert_string_equal(out, "fr,source,en,domain\nONU,,UN,international\n"
		"OTAN,AFP style,NATO,\n");
	nsum_free(out);
	nsum_glossfile_destroy(f);
}

static void test_sorted_insert_keeps_bytes(void **state)
{
	nsum_error err;
	nsum_glossfile *f = PARSE("fr,en\n\xC3\x89lys\xC3\xA9" "e,   \"the \xC3\x89lys\xC3\xA9" "e\"\n"
		"OTAN,NATO\n", &err);
	const char *names[] = { "fr", "en" };
	const char *values[] = { "Matignon", "the Prime Minister's office" };
	size_t row;
	char *out;

	(void)state;
	/* A stray space before a quote is an error... */
	assert_null(f);
	f = PARSE("fr,en\n\xC3\x89lys\xC3\xA9" "e,\"the  \xC3\x89lys\xC3\xA9" "e\"\n"
		"OTAN,NATO\n", &err);
	assert_non_null(f);
	assert_true(nsum_glossfile_sorted(f));
	assert_int_equal(nsum_glossfile_insert(f, names, values, 2, &row, &err), NSUM_OK);
	assert_int_equal(row, 1);   /* between Élysée and OTAN */
	out = nsum_glossfile_format(f, NULL);
	/* The untouched row keeps its needless quotes and double space. */
	assert_string_equal(out, "fr,en\n\xC3\x89lys\xC3\xA9" "e,\"the  \xC3\x89lys\xC3\xA9" "e\"\n"
		"Matignon,the Prime Minister's office\nOTAN,NATO\n");
	nsum_free(out);
	nsum_glossfile_remove(f, 0);
	out = nsum_glossfile_format(f, NULL);
	assert_string_equal(out, "fr,en\nMatignon,the Prime Minister's office\nOTAN,NATO\n");
	nsum_free(out);
	nsum_glossfile_destroy(f);
}

static void test_compare(void **state)
{
	(void)state;
	assert_true(nsum_glossfile_compare("\xC3\xA9tat", "Etats-Unis") < 0);
	assert_true(nsum_glossfile_compare("\xC5\x93uvre", "oeuvrer") < 0);
	assert_true(nsum_glossfile_compare("zone euro", "\xC3\x89lys\xC3\xA9" "e") > 0);
	assert_int_equal(nsum_glossfile_compare("OTAN", "OTAN"), 0);
}

static void test_quoting_on_write(void **state)
{
	nsum_error err;
	nsum_glossfile *f = PARSE("fr,en,note\n", &err);
	const char *names[] = { "fr", "en", "note" };
	const char *values[] = { "accord de paix", "peace deal", "a, \"b\"\nc" };
	char *out;

	(void)state;
	assert_int_equal(nsum_glossfile_insert(f, names, values, 3, NULL, &err), NSUM_OK);
	out = nsum_glossfile_format(f, NULL);
	assert_string_equal(out, "fr,en,note\naccord de paix,peace deal,\"a, \"\"b\"\"\nc\"\n");
	nsum_free(out);
	nsum_glossfile_destroy(f);
}

/* ---- Loading and matching ---- */

static const char glossary_csv[] =
	"fr,en,note,pos,domain,status,case\n"
	"accord de paix,peace agreement | peace deal,,noun,diplomacy,,\n"
	"cessez-le-feu,ceasefire | truce,,noun,military,,\n"
	"coalition des volontaires,coalition of the willing,,noun,diplomacy,,\n"
	"\xC3\x89lys\xC3\xA9" "e,the \xC3\x89lys\xC3\xA9" "e,French presidency,proper noun,institutions,,\n"
	"\xC3\x89tats-Unis,United States,,proper noun,international,,\n"
	"garantie de s\xC3\xA9" "curit\xC3\xA9,security guarantee,,noun,security,,\n"
	"garantie,guarantee,,noun,,,\n"
	"OTAN,NATO,,acronym,international,,yes\n"
	"Verts,the Greens,French party,proper noun,politics,,yes\n"
	"ministre d\xC3\xA9l\xC3\xA9gu\xC3\xA9,junior minister | minister delegate,,title,politics,,\n"
	"Quai d'Orsay,French Foreign Ministry,,proper noun,institutions,,\n";

static nsum_glossary *load(const char *csv, size_t len)
{
	nsum_glossary *g = nsum_glossary_create(NULL);
	nsum_error err;
	const char *path = write_tmp("g.csv", csv, len);

	nsum_error_init(&err);
	if (nsum_glossary_load(g, path, &err) != NSUM_OK)
		fail_msg("%s:%zu:%zu: %s", err.source, err.line, err.column, err.text);
	return g;
}

static void check_matches(const nsum_glossary *g, const char *text,
	const char *expected)
{
	nsum_gloss_match *m;
	size_t n, i, len = 0;
	char got[512];

	got[0] = '\0';
	assert_int_equal(nsum_glossary_find(g, text, 0, strlen(text), &m, &n,
		NULL), NSUM_OK);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%.*s=%s",
			i ? " | " : "", (int)(m[i].end - m[i].start), text + m[i].start,
			nsum_glossary_entry(g, m[i].entry)->en);
	nsum_free(m);
	assert_string_equal(got, expected);
}

static void test_matching(void **state)
{
	nsum_glossary *g = load(glossary_csv, sizeof(glossary_csv) - 1);

	(void)state;
	assert_int_equal(nsum_glossary_count(g), 11);
	/* Inflection, longest match, no overlap. */
	check_matches(g, "Les garanties de s\xC3\xA9" "curit\xC3\xA9 et la garantie.",
		"garanties de s\xC3\xA9" "curit\xC3\xA9=security guarantee | garantie=guarantee");
	/* Elision and hyphens both ways. */
	check_matches(g, "l'OTAN et un cessez le feu, puis le cessez-le-feu",
		"OTAN=NATO | cessez le feu=ceasefire | truce | cessez-le-feu=ceasefire | truce");
	/* Accents dropped on capitals; case-insensitive unless marked. */
	check_matches(g, "ELYSEE, Etats-Unis, \xC3\xA9lys\xC3\xA9" "e",
		"ELYSEE=the \xC3\x89lys\xC3\xA9" "e | Etats-Unis=United States | "
		"\xC3\xA9lys\xC3\xA9" "e=the \xC3\x89lys\xC3\xA9" "e");
	check_matches(g, "les Verts et les feux verts, l'otan", "Verts=the Greens");
	check_matches(g, "la ministre d\xC3\xA9l\xC3\xA9gu\xC3\xA9" "e au Quai d\xE2\x80\x99Orsay",
		"ministre d\xC3\xA9l\xC3\xA9gu\xC3\xA9" "e=junior minister | minister delegate | "
		"Quai d\xE2\x80\x99Orsay=French Foreign Ministry");
	check_matches(g, "rien ici", "");
	/* Without accents only where capitals drop them. */
	nsum_glossary_destroy(g);
	{
		static const char armee[] = "fr,en\narm\xC3\xA9" "e,army\n";

		g = load(armee, sizeof(armee) - 1);
	}
	check_matches(g, "les armes et l'ARMEE, l'arm\xC3\xA9" "e", "ARMEE=army | "
		"arm\xC3\xA9" "e=army");
	nsum_glossary_destroy(g);
}

static void test_lookup(void **state)
{
	nsum_glossary *g = load(glossary_csv, sizeof(glossary_csv) - 1);
	size_t *hits, n;
	long i;

	(void)state;
	i = nsum_glossary_lookup(g, "garanties de s\xC3\xA9" "curit\xC3\xA9", 23);
	assert_true(i >= 0);
	assert_string_equal(nsum_glossary_entry(g, (size_t)i)->en, "security guarantee");
	/* Only whole terms. */
	assert_int_equal(nsum_glossary_lookup(g, "la garantie de paix", 19), -1);
	assert_int_equal(nsum_glossary_lookup(g, "inconnu", 7), -1);
	/* English, any alternative, any inflection. */
	assert_int_equal(nsum_glossary_lookup_en(g, "Peace Deals", 11, &hits, &n, NULL),
		NSUM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(nsum_glossary_entry(g, hits[0])->fr, "accord de paix");
	nsum_free(hits);
	nsum_glossary_destroy(g);
}

static void test_load_errors(void **state)
{
	static const char dup[] = "fr,en\ngarantie de s\xC3\xA9" "curit\xC3\xA9,a\n"
		"Garanties de s\xC3\xA9" "curit\xC3\xA9,b\n";
	static const char status[] = "fr,en,status\npaix,peace,valid\n";
	static const char casev[] = "fr,en,case\npaix,peace,maybe\n";
	static const char empty[] = "fr,en\n\xE2\x80\x94,dash\n";
	const char *inputs[] = { dup, status, casev, empty };
	const char *texts[] = { "same term as", "unknown status", "case must be",
		"never match" };
	size_t lines[] = { 3, 2, 2, 2 }, cols[] = { 1, 12, 12, 1 }, i;

	(void)state;
	for (i = 0; i < 4; i++) {
		nsum_glossary *g = nsum_glossary_create(NULL);
		nsum_error err;

		nsum_error_init(&err);
		assert_int_equal(nsum_glossary_load(g,
			write_tmp("bad.csv", inputs[i], strlen(inputs[i])), &err), NSUM_EFORMAT);
		assert_non_null(strstr(err.text, texts[i]));
		assert_int_equal(err.line, lines[i]);
		assert_int_equal(err.column, cols[i]);
		assert_int_equal(nsum_glossary_count(g), 0);
		nsum_glossary_destroy(g);
	}
}

static void test_override(void **state)
{
	static const char user[] = "fr,en\nOTAN,N.A.T.O.\ncessez-le-feu,truce\n";
	nsum_glossary *g = load(glossary_csv, sizeof(glossary_csv) - 1);
	nsum_error err;
	long i;

	(void)state;
	nsum_error_init(&err);
	/* The user's file: cessez-le-feu replaced; OTAN is case-insensitive
	 * there, a different key from the installed case-sensitive one. */
	assert_int_equal(nsum_glossary_load(g, WRITE("user.csv", user), &err),
		NSUM_OK);
	i = nsum_glossary_lookup(g, "cessez-le-feu", 13);
	assert_string_equal(nsum_glossary_entry(g, (size_t)i)->en, "truce");
	assert_int_equal(nsum_glossary_entry(g, (size_t)i)->file, 1);
	assert_int_equal(nsum_glossary_count(g), 12);
	nsum_glossary_destroy(g);
}

/* ---- Keys ---- */

/* utf8proc's decomposition of s without marks, with ae and oe for the
 * ligatures, as key_plain() is documented to give: into out. */
static void plain_by_utf8proc(const char *s, size_t n, bool fold, char *out)
{
	utf8proc_uint8_t *want = NULL;
	utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s,
		(utf8proc_ssize_t)n, &want, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
		UTF8PROC_STRIPMARK | (fold ? UTF8PROC_CASEFOLD : 0));
	const char *p = (const char *)want;

	assert_true(m >= 0);
	while (*p) {
		if (strncmp(p, "\xC3\xA6", 2) == 0 || strncmp(p, "\xC5\x93", 2) == 0) {
			*out++ = p[0] == '\xC3' ? 'a' : 'o';
			*out++ = 'e';
			p += 2;
		} else {
			*out++ = *p++;
		}
	}
	*out = '\0';
	free(want);
}

/* key_plain() answers Latin letters from its own table: the same as
 * utf8proc's way, for every character it covers and its neighbours. */
static void test_plain_key_table(void **state)
{
	int32_t cp;
	int fold;

	(void)state;
	for (fold = 0; fold < 2; fold++) {
		for (cp = 0x20; cp < 0x250; cp++) {
			char in[8], want[32];
			size_t n = 0;
			nsum_buf got;

			if (cp == 0x7F)
				continue;
			in[n++] = 'x';
			n += u8_encode(cp, in + n);
			in[n++] = 'Y';
			plain_by_utf8proc(in, n, fold, want);
			buf_init(&got);
			assert_int_equal(key_plain(&got, in, n, fold), 0);
			if (strcmp(got.data, want) != 0)
				fail_msg("U+%04X%s: '%s', utf8proc '%s'", (unsigned)cp,
					fold ? " folded" : "", got.data, want);
			buf_finish(&got);
		}
	}
}

/* ---- Saving and restoring ---- */

/* g and r have the same entries and find the same matches. */
static void check_same(const nsum_glossary *g, const nsum_glossary *r)
{
	static const char text[] = "Un accord de paix, le cessez-le-feu et "
		"l'OTAN : les Etats-Unis et les Verts au Quai d'Orsay.";
	nsum_gloss_match *m1, *m2;
	size_t i, n1, n2;

	assert_int_equal(nsum_glossary_count(r), nsum_glossary_count(g));
	for (i = 0; i < nsum_glossary_count(g); i++) {
		const nsum_gloss_entry *a = nsum_glossary_entry(g, i);
		const nsum_gloss_entry *b = nsum_glossary_entry(r, i);

		assert_string_equal(a->fr, b->fr);
		assert_string_equal(a->en, b->en);
		assert_string_equal(a->note, b->note);
		assert_string_equal(a->pos, b->pos);
		assert_string_equal(a->domain, b->domain);
		assert_int_equal(a->status, b->status);
		assert_int_equal(a->case_sensitive, b->case_sensitive);
		assert_int_equal(a->line, b->line);
		assert_int_equal(a->file, b->file);
		assert_int_equal(nsum_glossary_lookup(r, a->fr, strlen(a->fr)), (long)i);
	}
	assert_string_equal(nsum_glossary_file(r, 0), nsum_glossary_file(g, 0));
	assert_int_equal(nsum_glossary_find(g, text, 0, sizeof(text) - 1, &m1, &n1,
		NULL), NSUM_OK);
	assert_int_equal(nsum_glossary_find(r, text, 0, sizeof(text) - 1, &m2, &n2,
		NULL), NSUM_OK);
	assert_int_equal(n1, n2);
	assert_true(n1 >= 5);
	assert_memory_equal(m1, m2, n1 * sizeof(*m1));
	nsum_free(m1);
	nsum_free(m2);
}

static void test_save_restore(void **state)
{
	nsum_glossary *g = load(glossary_csv, sizeof(glossary_csv) - 1), *r;
	size_t len;
	char *saved = nsum_glossary_save(g, 7, &len);
	FILE *f;
	char path[128];

	(void)state;
	assert_non_null(saved);
	r = nsum_glossary_restore(saved, len, 7);
	assert_non_null(r);
	check_same(g, r);
	nsum_glossary_destroy(r);
	/* Another tag: the files changed since. */
	assert_null(nsum_glossary_restore(saved, len, 8));
	/* From a file, mapped. */
	snprintf(path, sizeof(path), "%s/saved.bin", dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(saved, 1, len, f), len);
	fclose(f);
	r = nsum_glossary_restore_file(path, 7);
	assert_non_null(r);
	check_same(g, r);
	nsum_glossary_destroy(r);
	assert_null(nsum_glossary_restore_file(path, 6));
	snprintf(path, sizeof(path), "%s/none.bin", dir);
	assert_null(nsum_glossary_restore_file(path, 7));
	nsum_free(saved);
	nsum_glossary_destroy(g);
}

/* Every cut of the bytes is refused; a changed byte is refused or gives a
 * glossary that stays in bounds (the sanitizers watch). */
static void test_restore_damaged(void **state)
{
	nsum_glossary *g = load(glossary_csv, sizeof(glossary_csv) - 1), *r;
	size_t len, i, n, refused = 0;
	char *saved = nsum_glossary_save(g, 7, &len), *copy;

	(void)state;
	assert_non_null(saved);
	for (i = 0; i < len; i++)
		assert_null(nsum_glossary_restore(saved, i, 7));
	copy = malloc(len);
	assert_non_null(copy);
	for (i = 0; i < len; i++) {
		static const unsigned char flips[] = { 0x01, 0x80, 0xFF };
		size_t k;

		for (k = 0; k < sizeof(flips); k++) {
			nsum_gloss_match *m;

			memcpy(copy, saved, len);
			copy[i] = (char)(copy[i] ^ flips[k]);
			r = nsum_glossary_restore(copy, len, 7);
			if (!r) {
				refused++;
				continue;
			}
			for (n = 0; n < nsum_glossary_count(r); n++) {
				const nsum_gloss_entry *e = nsum_glossary_entry(r, n);

				assert_true(nsum_glossary_lookup(r, e->fr, strlen(e->fr)) <
					(long)nsum_glossary_count(r));
			}
			assert_int_equal(nsum_glossary_find(r, "l'accord de paix de l'OTAN",
				0, 26, &m, &n, NULL), NSUM_OK);
			while (n--)
				assert_true(m[n].entry < nsum_glossary_count(r));
			nsum_free(m);
			nsum_glossary_destroy(r);
		}
	}
	/* The header, counts, offsets and string bytes are all checked. */
	assert_true(refused > len);
	free(copy);
	nsum_free(saved);
	nsum_glossary_destroy(g);
}

/*
 * An offset of a saved string that points inside a string is refused: it
 * could cut a character ("\x89lys\xC3\xA9" + "e" from "\xC3\x89lys\xC3\xA9" "e"),
 * and every string of a glossary must be UTF-8.  (Found by fuzz_glossary:
 * fuzz/corpus/glossary/saved-offset-inside-string.bin.)
 */
static void test_restore_offset_inside_string(void **state)
{
	nsum_glossary *g = load(glossary_csv, sizeof(glossary_csv) - 1), *r;
	size_t len, i, k, strings, tested = 0;
	char *saved = nsum_glossary_save(g, 7, &len), *copy;
	uint32_t nfiles, nentries, off, slen;

	(void)state;
	assert_non_null(saved);
	copy = malloc(len);
	assert_non_null(copy);
	/* magic 8, abi 4, tag 8, then the file and entry counts. */
	memcpy(&nfiles, saved + 20, 4);
	memcpy(&nentries, saved + 24, 4);
	assert_int_equal(nentries, nsum_glossary_count(g));
	/* File offsets, then 8 words an entry (5 offsets), then the strings. */
	strings = 28 + 4 * (size_t)nfiles + 32 * (size_t)nentries;
	memcpy(&slen, saved + strings, 4);
	strings += 4;
	for (i = 0; i < nentries; i++) {
		for (k = 0; k < 5; k++) {
			size_t at = 28 + 4 * (size_t)nfiles + 32 * i + 4 * k;

			memcpy(&off, saved + at, 4);
			if (off + 1 >= slen || saved[strings + off] == '\0')
				continue;
			memcpy(copy, saved, len);
			off++;
			memcpy(copy + at, &off, 4);
			r = nsum_glossary_restore(copy, len, 7);
			if (r)
				fail_msg("entry %zu, string %zu: offset inside '%s' taken",
					i, k, saved + strings + off - 1);
			tested++;
		}
	}
	assert_true(tested >= nentries * 2);
	free(copy);
	nsum_free(saved);
	nsum_glossary_destroy(g);
}

/* A restored glossary takes more files as a loaded one does: its tables,
 * borrowed from the saved bytes, are copied before they change. */
static void test_restore_then_load(void **state)
{
	static const char user[] = "fr,en\nOTAN,N.A.T.O.\ncessez-le-feu,truce\n"
		"retrait,withdrawal\n";
	nsum_glossary *g = load(glossary_csv, sizeof(glossary_csv) - 1), *r;
	size_t len;
	char *saved = nsum_glossary_save(g, 1, &len);
	nsum_error err;
	long i;

	(void)state;
	r = nsum_glossary_restore(saved, len, 1);
	assert_non_null(r);
	nsum_error_init(&err);
	assert_int_equal(nsum_glossary_load(r, WRITE("user.csv", user), &err),
		NSUM_OK);
	assert_int_equal(nsum_glossary_count(r), 13);
	i = nsum_glossary_lookup(r, "cessez-le-feu", 13);
	assert_string_equal(nsum_glossary_entry(r, (size_t)i)->en, "truce");
	i = nsum_glossary_lookup(r, "retraits", 8);
	assert_string_equal(nsum_glossary_entry(r, (size_t)i)->en, "withdrawal");
	i = nsum_glossary_lookup(r, "accord de paix", 14);
	assert_string_equal(nsum_glossary_entry(r, (size_t)i)->en,
		"peace agreement | peace deal");
	nsum_glossary_destroy(r);
	nsum_free(saved);
	nsum_glossary_destroy(g);
}

/* ---- Updates ---- */

typedef struct add_ctx {
	const char *fr, *en;
} add_ctx;

static nsum_status add_edit(nsum_glossfile *f, void *ctx, nsum_error *err)
{
	add_ctx *a = ctx;
	const char *names[] = { "fr", "en" };
	const char *values[] = { a->fr, a->en };

	return nsum_glossfile_insert(f, names, values, 2, NULL, err);
}

static nsum_status fail_edit(nsum_glossfile *f, void *ctx, nsum_error *err)
{
	(void)f;
	(void)ctx;
	return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0, "refused");
}

static void test_update_concurrent(void **state)
{
	char path[128], fr[16];
	pid_t pids[8];
	nsum_glossfile *f;
	int i, status;

	(void)state;
	snprintf(path, sizeof(path), "%s/shared.csv", dir);
	for (i = 0; i < 8; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			add_ctx a = { fr, "term" };

			snprintf(fr, sizeof(fr), "terme %d", i);
			_exit(nsum_glossfile_update(path, add_edit, &a, NULL) == NSUM_OK ? 0 : 1);
		}
	}
	for (i = 0; i < 8; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	f = nsum_glossfile_read(path, false, NULL);
	assert_non_null(f);
	assert_int_equal(nsum_glossfile_rows(f), 8);
	assert_true(nsum_glossfile_sorted(f));
	nsum_glossfile_destroy(f);
	/* A refused edit leaves the file as it was. */
	assert_int_equal(nsum_glossfile_update(path, fail_edit, NULL, NULL), NSUM_EINVAL);
	f = nsum_glossfile_read(path, false, NULL);
	assert_int_equal(nsum_glossfile_rows(f), 8);
	nsum_glossfile_destroy(f);
}

/* ---- Exchange ---- */

static void test_export_import_roundtrip(void **state)
{
	nsum_glossary *g = load(glossary_csv, sizeof(glossary_csv) - 1);
	static const nsum_gloss_format fmts[] = { NSUM_GLOSS_TBX, NSUM_GLOSS_TSV,
		NSUM_GLOSS_DEEPL };
	size_t f;

	(void)state;
	for (f = 0; f < 3; f++) {
		nsum_gloss_item *items;
		size_t n, len, i;
		char *out = nsum_glossary_export(g, fmts[f], &len);
		nsum_error err;

		assert_non_null(out);
		nsum_error_init(&err);
		assert_int_equal(nsum_gloss_import_parse(out, len, "x", fmts[f], &items,
			&n, &err), NSUM_OK);
		/* Every entry comes back: TBX with every field, TSV with all the
		 * alternatives, DeepL with the preferred English. */
		assert_int_equal(n, nsum_glossary_count(g));
		for (i = 0; i < n; i++) {
			const nsum_gloss_entry *e = nsum_glossary_entry(g, i);

			assert_string_equal(items[i].fr, e->fr);
			if (fmts[f] == NSUM_GLOSS_DEEPL)
				assert_true(strncmp(e->en, items[i].en, strlen(items[i].en)) == 0);
			else
				assert_string_equal(items[i].en, e->en);
			if (fmts[f] == NSUM_GLOSS_TBX) {
				assert_string_equal(items[i].note, e->note);
				assert_string_equal(items[i].pos, e->pos);
				assert_string_equal(items[i].domain, e->domain);
				assert_int_equal(items[i].status, e->status);
			}
		}
		nsum_gloss_items_free(items, n);
		nsum_free(out);
	}
	nsum_glossary_destroy(g);
}

static void test_export_formats(void **state)
{
	static const char csv[] = "fr,en,note,status\n"
		"accord de paix,\"peace deal, \"\"formal\"\"\",x & <y>,\n"
		"vieux terme,old term,,deprecated\n";
	nsum_glossary *g = load(csv, sizeof(csv) - 1);
	char *deepl = nsum_glossary_export(g, NSUM_GLOSS_DEEPL, NULL);
	char *tbx = nsum_glossary_export(g, NSUM_GLOSS_TBX, NULL);

	(void)state;
	/* Deprecated entries stay out of DeepL; quoting follows RFC 4180. */
	assert_string_equal(deepl, "accord de paix,\"peace deal, \"\"formal\"\"\"\n");
	assert_non_null(strstr(tbx, "<note>x &amp; &lt;y&gt;</note>"));
	assert_non_null(strstr(tbx, "deprecatedTerm-admn-sts"));
	assert_non_null(strstr(tbx, "<martif type=\"TBX-Basic\""));
	nsum_free(deepl);
	nsum_free(tbx);
	nsum_glossary_destroy(g);
}

static void test_import_errors(void **state)
{
	static const char tsv[] = "paix\tpeace\npaix\ttruce\nguerre\n";
	static const char tbx[] = "<martif><text><body><termEntry>"
		"<langSet xml:lang=\"fr\"><tig><term>paix &bad;</term></tig></langSet>"
		"</termEntry></body></text></martif>";
	nsum_gloss_item *items;
	size_t n;
	nsum_error err;

	(void)state;
	nsum_error_init(&err);
	assert_int_equal(nsum_gloss_import_parse(tsv, sizeof(tsv) - 1, "g.tsv",
		NSUM_GLOSS_TSV, &items, &n, &err), NSUM_EFORMAT);
	assert_int_equal(err.line, 3);
	nsum_error_init(&err);
	assert_int_equal(nsum_gloss_import_parse(tsv, 22, "g.tsv", NSUM_GLOSS_TSV,
		&items, &n, &err), NSUM_OK);
	/* Two rows of one source are alternatives of one entry. */
	assert_int_equal(n, 1);
	assert_string_equal(items[0].en, "peace | truce");
	nsum_gloss_items_free(items, n);
	nsum_error_init(&err);
	assert_int_equal(nsum_gloss_import_parse(tbx, sizeof(tbx) - 1, "g.tbx",
		NSUM_GLOSS_TBX, &items, &n, &err), NSUM_EFORMAT);
	assert_non_null(strstr(err.text, "entity"));
}

/* ---- Checks ---- */

typedef struct reports {
	char text[2048];
	size_t len, count;
} reports;

static void collect_report(void *ctx, const char *path, size_t line,
	size_t col, const char *msg)
{
	reports *r = ctx;

	(void)path;
	r->len += (size_t)snprintf(r->text + r->len, sizeof(r->text) - r->len,
		"%zu:%zu: %s\n", line, col, msg);
	r->count++;
}

static void test_check(void **state)
{
	static const char bad[] = "fr,en,status\n"
		"paix,peace,\n"
		"Paix,truce,\n"
		"\"guerre \",war,\n"
		"de la,of the,\n"
		"conflit,conflict|war,\n"
		"cre\xCC\x81" "dit,credit,\n"
		"traite,treaty,old\n";
	reports r;
	long n;

	(void)state;
	memset(&r, 0, sizeof(r));
	n = nsum_glossary_check(WRITE("bad.csv", bad), NULL, collect_report, &r);
	assert_int_equal(n, (long)r.count);
	assert_non_null(strstr(r.text, "3:1: 'Paix' is the same term as 'paix' on line 2"));
	assert_non_null(strstr(r.text, "4:1: 'fr' has a space or line break at either end"));
	assert_non_null(strstr(r.text, "5:1: 'de la' is only function words"));
	assert_non_null(strstr(r.text, "6:9: 'conflict|war': separate English"));
	assert_non_null(strstr(r.text, "7:1: 'fr' is not in Unicode NFC"));
	assert_non_null(strstr(r.text, "8:15: unknown status 'old'"));
	assert_int_equal(n, 6);
	memset(&r, 0, sizeof(r));
	assert_int_equal(nsum_glossary_check(write_tmp("ok.csv", glossary_csv,
		sizeof(glossary_csv) - 1), NULL, collect_report, &r), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_csv_crlf_bom_blank),
		cmocka_unit_test(test_csv_errors),
		cmocka_unit_test(test_csv_unknown_columns_kept),
		cmocka_unit_test(test_sorted_insert_keeps_bytes),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_quoting_on_write),
		cmocka_unit_test(test_matching),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_override),
		cmocka_unit_test(test_plain_key_table),
		cmocka_unit_test(test_save_restore),
		cmocka_unit_test(test_restore_damaged),
		cmocka_unit_test(test_restore_offset_inside_string),
		cmocka_unit_test(test_restore_then_load),
		cmocka_unit_test(test_update_concurrent),
		cmocka_unit_test(test_export_import_roundtrip),
		cmocka_unit_test(test_export_formats),
		cmocka_unit_test(test_import_errors),
		cmocka_unit_test(test_check),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
