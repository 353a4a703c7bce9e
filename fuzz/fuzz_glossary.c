/*
 * Fuzz target: glossary files, their matcher and the exchange formats.
 *
 * The bytes are a glossary CSV.  Checked:
 *   - nsum_glossfile_parse() either fails with a position or reads a file
 *     that writes back (nsum_glossfile_format) to bytes that parse again to
 *     the same cells;
 *   - when the whole file loads as a glossary, every entry is found again
 *     by its own French term, matches of the bytes (when they are UTF-8)
 *     are in order, inside the text and never overlap, and the DeepL, TSV
 *     and TBX exports read back with the import parser;
 *   - the loaded glossary, saved and restored, has the same entries and
 *     finds the same matches;
 *   - the same bytes read as TSV and TBX imports fail cleanly or give
 *     items with their strings set.
 * Bytes that start as a saved glossary does ("NSUMGLS") are restored
 * instead, with the tag they carry: a damaged one is refused or gives a
 * glossary that passes the checks above, never a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

/* Write len bytes to a new temporary file; its path, to free(). */
static char *temp_file(const void *data, size_t len)
{
	const char *dir = getenv("TMPDIR");
	size_t n;
	char *path;
	int fd;

	if (!dir || !dir[0])
		dir = "/tmp";
	n = strlen(dir) + sizeof("/nsum-fuzz-glossary-XXXXXX");
	path = malloc(n);
	if (!path)
		fuzz_fail("out of memory");
	snprintf(path, n, "%s/nsum-fuzz-glossary-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0)
		fuzz_fail("cannot create a temporary file in %s", dir);
	if (len && write(fd, data, len) != (ssize_t)len)
		fuzz_fail("cannot write %s", path);
	close(fd);
	return path;
}

/* A file that parses writes back to bytes that parse to the same cells. */
static void check_roundtrip(const nsum_glossfile *f)
{
	nsum_glossfile *g;
	size_t len, r, c;
	char *out = nsum_glossfile_format(f, &len);

	fuzz_check(out != NULL, "format failed");
	g = nsum_glossfile_parse(out, len, "again", NULL);
	fuzz_check(g != NULL, "the written file does not parse");
	fuzz_check(nsum_glossfile_rows(g) == nsum_glossfile_rows(f) &&
		nsum_glossfile_columns(g) == nsum_glossfile_columns(f),
		"written file: %zu rows, %zu columns; read: %zu, %zu",
		nsum_glossfile_rows(g), nsum_glossfile_columns(g),
		nsum_glossfile_rows(f), nsum_glossfile_columns(f));
	for (r = 0; r < nsum_glossfile_rows(f); r++)
		for (c = 0; c < nsum_glossfile_columns(f); c++)
			fuzz_check(strcmp(nsum_glossfile_cell(f, r, c),
				nsum_glossfile_cell(g, r, c)) == 0,
				"row %zu column %zu changed on the way back", r, c);
	nsum_glossfile_destroy(g);
	nsum_free(out);
}

/* The checks on a glossary; consistent: it was loaded from a file, so that
 * every entry must be found by its own term (a damaged saved glossary can
 * point its keys anywhere, in bounds). */
static void check_glossary(const nsum_glossary *g, const char *text, size_t len,
	bool consistent)
{
	static const nsum_gloss_format fmts[] = { NSUM_GLOSS_DEEPL,
		NSUM_GLOSS_TSV, NSUM_GLOSS_TBX };
	nsum_gloss_match *m;
	size_t i, n, k;

	for (i = 0; i < nsum_glossary_count(g); i++) {
		const nsum_gloss_entry *e = nsum_glossary_entry(g, i);
		long found = nsum_glossary_lookup(g, e->fr, strlen(e->fr));

		fuzz_check(found < (long)nsum_glossary_count(g),
			"lookup of entry %zu gives %ld", i, found);
		fuzz_check(!consistent || found >= 0,
			"entry %zu ('%s') is not found by its own term", i, e->fr);
	}
	if (fuzz_utf8_valid(text, len)) {
		fuzz_check(nsum_glossary_find(g, text, 0, len, &m, &n, NULL) == NSUM_OK,
			"find failed");
		for (i = 0; i < n; i++) {
			fuzz_check(m[i].start < m[i].end && m[i].end <= len &&
				m[i].entry < nsum_glossary_count(g), "match %zu out of bounds", i);
			fuzz_check(i == 0 || m[i - 1].end <= m[i].start,
				"matches %zu and %zu overlap", i - 1, i);
		}
		nsum_free(m);
	}
	for (k = 0; k < 3; k++) {
		nsum_gloss_item *items;
		size_t ni, olen;
		char *out = nsum_glossary_export(g, fmts[k], &olen);
		nsum_error err;

		fuzz_check(out != NULL, "export %zu failed", k);
		nsum_error_init(&err);
		fuzz_check(nsum_gloss_import_parse(out, olen, "export", fmts[k], &items,
			&ni, &err) == NSUM_OK, "export %zu does not import: %zu:%zu: %s",
			k, err.line, err.column, err.text);
		if (fmts[k] == NSUM_GLOSS_TBX)
			fuzz_check(ni == nsum_glossary_count(g),
				"TBX export of %zu entries imports %zu", nsum_glossary_count(g), ni);
		nsum_gloss_items_free(items, ni);
		nsum_free(out);
	}
}

/* Matches of text[0..len) in g, or NULL (and *n 0) when text is not UTF-8. */
static nsum_gloss_match *matches(const nsum_glossary *g, const char *text,
	size_t len, size_t *n)
{
	nsum_gloss_match *m = NULL;

	*n = 0;
	if (fuzz_utf8_valid(text, len))
		fuzz_check(nsum_glossary_find(g, text, 0, len, &m, n, NULL) == NSUM_OK,
			"find failed");
	return m;
}

/* g saved and restored is the same glossary. */
static void check_saved(const nsum_glossary *g, const char *text, size_t len)
{
	size_t slen, i, n1, n2;
	char *saved = nsum_glossary_save(g, 42, &slen);
	nsum_glossary *r;
	nsum_gloss_match *m1, *m2;

	fuzz_check(saved != NULL, "save failed");
	fuzz_check(nsum_glossary_restore(saved, slen, 43) == NULL,
		"restored under another tag");
	r = nsum_glossary_restore(saved, slen, 42);
	fuzz_check(r != NULL, "a saved glossary does not restore");
	fuzz_check(nsum_glossary_count(r) == nsum_glossary_count(g),
		"%zu entries saved, %zu restored", nsum_glossary_count(g),
		nsum_glossary_count(r));
	for (i = 0; i < nsum_glossary_count(g); i++) {
		const nsum_gloss_entry *a = nsum_glossary_entry(g, i);
		const nsum_gloss_entry *b = nsum_glossary_entry(r, i);

		fuzz_check(strcmp(a->fr, b->fr) == 0 && strcmp(a->en, b->en) == 0 &&
			strcmp(a->note, b->note) == 0 && a->status == b->status &&
			a->line == b->line, "entry %zu changed on restoring", i);
	}
	m1 = matches(g, text, len, &n1);
	m2 = matches(r, text, len, &n2);
	fuzz_check(n1 == n2 && (n1 == 0 || memcmp(m1, m2, n1 * sizeof(*m1)) == 0),
		"restored glossary finds other matches");
	nsum_free(m1);
	nsum_free(m2);
	nsum_glossary_destroy(r);
	nsum_free(saved);
}

/* Bytes given as a saved glossary. */
static void check_restore(const uint8_t *data, size_t size)
{
	uint64_t tag = 0;
	nsum_glossary *g;

	if (size >= 20)
		memcpy(&tag, data + 12, sizeof(tag));
	g = nsum_glossary_restore((const char *)data, size, tag);
	if (g) {
		check_glossary(g, (const char *)data, size, false);
		nsum_glossary_destroy(g);
	}
}

static void check_imports(const uint8_t *data, size_t size)
{
	static const nsum_gloss_format fmts[] = { NSUM_GLOSS_TSV, NSUM_GLOSS_TBX,
		NSUM_GLOSS_DEEPL };
	size_t k, i;

	for (k = 0; k < 3; k++) {
		nsum_gloss_item *items;
		size_t n;
		nsum_error err;
		nsum_status st;

		nsum_error_init(&err);
		st = nsum_gloss_import_parse((const char *)data, size, "in", fmts[k],
			&items, &n, &err);
		if (st != NSUM_OK) {
			fuzz_check(err.status == st && err.text[0],
				"import %zu failed without a message", k);
			continue;
		}
		for (i = 0; i < n; i++)
			fuzz_check(items[i].fr && items[i].en && items[i].note &&
				items[i].pos && items[i].domain, "item %zu has a NULL string", i);
		nsum_gloss_items_free(items, n);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nsum_glossfile *f;
	nsum_error err;

	if (size >= 7 && memcmp(data, "NSUMGLS", 7) == 0) {
		check_restore(data, size);
		return 0;
	}
	nsum_error_init(&err);
	f = nsum_glossfile_parse((const char *)data, size, "fuzz.csv", &err);
	if (!f) {
		fuzz_check(err.status != NSUM_OK && err.line > 0,
			"a refused file without a line: %s", err.text);
	} else {
		nsum_glossary *g = nsum_glossary_create(NULL);
		char *path = temp_file(data, size);

		check_roundtrip(f);
		nsum_error_init(&err);
		if (nsum_glossary_load(g, path, &err) == NSUM_OK) {
			check_glossary(g, (const char *)data, size, true);
			check_saved(g, (const char *)data, size);
		}
		else
			fuzz_check(err.status == NSUM_EFORMAT || err.status == NSUM_EENCODING,
				"load failed with status %d: %s", (int)err.status, err.text);
		unlink(path);
		free(path);
		nsum_glossary_destroy(g);
		nsum_glossfile_destroy(f);
	}
	check_imports(data, size);
	return 0;
}
