/* Unit tests for the dictionaries behind glossary suggestions
 * (nsum/dict.h): dictd and TSV reading, lookups, composition. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "nsum/alloc.h"
#include "nsum/dict.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/nsum-dict-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A dictd base-64 number. */
static void b64(size_t v, char *out)
{
	static const char a[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char tmp[16];
	size_t n = 0, i;

	do {
		tmp[n++] = a[v % 64];
		v /= 64;
	} while (v);
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* Write a dictd pair (index and gzip'd dict) from headword/definition
 * pairs; returns the index path. */
static const char *write_dictd(const char *const *entries, size_t n)
{
	static char index[128];
	char dict[128], o[16], l[16];
	FILE *fi;
	gzFile fd;
	size_t i, off = 0;

	snprintf(index, sizeof(index), "%s/test.index", dir);
	snprintf(dict, sizeof(dict), "%s/test.dict.dz", dir);
	fi = fopen(index, "w");
	fd = gzopen(dict, "wb");
	assert_non_null(fi);
	assert_non_null(fd);
	for (i = 0; i < n; i += 2) {
		size_t len = strlen(entries[i + 1]);

		b64(off, o);
		b64(len, l);
		fprintf(fi, "%s\t%s\t%s\n", entries[i], o, l);
		gzwrite(fd, entries[i + 1], (unsigned)len);
		off += len;
	}
	fclose(fi);
	gzclose(fd);
	return index;
}

static const char *const freedict[] = {
	"00databaseshort", "A test dictionary\n",
	"garantie", "garantie /ga/ <n, fem>\nguarantee, warranty\n",
	"sécurité", "sécurité /se/ <n, fem>\nsafety, security\n",
	"armée", "armée /a/ <n, fem>\narmy\n",
	"ukrainien", "ukrainien /y/ <n, masc>\nUkrainian\n",
	"ukrainien", "ukrainien /y/ <adj>\nUkrainian\n",
	"juste", "juste /j/ <adj>\n1. fair\n2. just\n",
	"durable", "durable /d/ <adj>\nlasting\n",
	"paix", "paix /p/ <n, fem>\npeace\n",
	"et", "et /e/ <conj>\nand\n",
};

static char *first(const nsum_dict *d, const char *term, const char **source)
{
	nsum_dict_candidate *c;
	size_t n;
	char *s;

	assert_int_equal(nsum_dict_translate(d, term, strlen(term), 3, &c, &n, NULL),
		NSUM_OK);
	if (!n)
		return NULL;
	s = strdup(c[0].en);
	if (source)
		*source = c[0].source;
	nsum_dict_candidates_free(c, n);
	return s;
}

#define FIRST_IS(d, term, want) do { \
	char *got_ = first(d, term, NULL); \
	assert_non_null(got_); \
	assert_string_equal(got_, want); \
	free(got_); \
} while (0)

static void test_dictd(void **state)
{
	nsum_dict *d = nsum_dict_create(NULL);
	nsum_dict_candidate *c;
	const char *source = NULL;
	char *s;
	size_t n;

	(void)state;
	assert_int_equal(nsum_dict_load(d, write_dictd(freedict,
		sizeof(freedict) / sizeof(*freedict)), NULL), NSUM_OK);
	assert_int_equal(nsum_dict_size(d), 8); /* metadata left out */
	/* The sense most like the French word first. */
	s = first(d, "sécurité", &source);
	assert_string_equal(s, "security");
	assert_string_equal(source, "test.index");
	free(s);
	/* Inflected forms find their headword. */
	FIRST_IS(d, "garanties", "guarantee");
	assert_int_equal(nsum_dict_translate(d, "sécurité", strlen("sécurité"), 5, &c, &n,
		NULL), NSUM_OK);
	assert_int_equal(n, 2);
	nsum_dict_candidates_free(c, n);
	nsum_dict_destroy(d);
}

static void test_composition(void **state)
{
	nsum_dict *d = nsum_dict_create(NULL);
	const char *source;
	char *s;

	(void)state;
	assert_int_equal(nsum_dict_load(d, write_dictd(freedict,
		sizeof(freedict) / sizeof(*freedict)), NULL), NSUM_OK);
	FIRST_IS(d, "garanties de sécurité", "security guarantees");
	FIRST_IS(d, "armée ukrainienne", "Ukrainian army");
	/* "just" is the sense most like "juste", the cognate. */
	FIRST_IS(d, "paix juste et durable", "just and lasting peace");
	s = first(d, "garanties de sécurité", &source);
	assert_string_equal(source, "composed");
	free(s);
	/* A term of names stays as written; an unknown word stops composing. */
	FIRST_IS(d, "Volodymyr Zelensky", "Volodymyr Zelensky");
	assert_null(first(d, "garanties de réassurance", NULL));
	nsum_dict_destroy(d);
}

static void test_tsv(void **state)
{
	static const char tsv[] = "id\tfr\tpos\ten\n"
		"1\tforce de réassurance\tnoun\treassurance force\n"
		"2\tcessez-le-feu\tm\tceasefire; truce\n";
	char path[128];
	nsum_dict *d = nsum_dict_create(NULL);
	nsum_error err;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/lex.tsv", dir);
	f = fopen(path, "w");
	fputs(tsv, f);
	fclose(f);
	assert_int_equal(nsum_dict_load(d, path, NULL), NSUM_OK);
	FIRST_IS(d, "forces de réassurance", "reassurance force");
	FIRST_IS(d, "cessez le feu", "ceasefire");
	nsum_dict_destroy(d);

	/* A lexicon without an English column is refused. */
	f = fopen(path, "w");
	fputs("fr\tde\nmot\tWort\n", f);
	fclose(f);
	d = nsum_dict_create(NULL);
	nsum_error_init(&err);
	assert_int_equal(nsum_dict_load(d, path, &err), NSUM_EFORMAT);
	assert_int_equal(err.line, 1);
	nsum_dict_destroy(d);
}

static void test_bad_index(void **state)
{
	static const char *const bad[] = { "mot", "mot /m/ <n>\nword\n" };
	char path[128];
	nsum_dict *d = nsum_dict_create(NULL);
	nsum_error err;
	FILE *f;

	(void)state;
	write_dictd(bad, 2);
	snprintf(path, sizeof(path), "%s/test.index", dir);
	f = fopen(path, "a");
	fputs("broken line without tabs\n", f);
	fclose(f);
	nsum_error_init(&err);
	assert_int_equal(nsum_dict_load(d, path, &err), NSUM_EFORMAT);
	assert_int_equal(err.line, 2);
	nsum_dict_destroy(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dictd),
		cmocka_unit_test(test_composition),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_bad_index),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
