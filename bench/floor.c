/*
 * The throughput floor for bench/speed: the least work any summarizer of
 * French text must do, with nothing else.
 *
 * It reads JSON lines as `nsum --jsonl` does (getline, then jansson), takes
 * each object's "text", cuts it into words (runs of letters and digits by
 * utf8proc's Unicode categories), lower-cases each word with utf8proc and
 * stems it with Snowball French.  There is no cache: every word is stemmed.
 * The stems go into a checksum that is printed, so that no step can be
 * optimized away.  Output, one line:
 *
 *     floor: N articles, W words, B bytes of text, checksum X
 *
 * Usage: floor [FILE]   (standard input when FILE is left out or "-")
 * Exit status: 0, or 1 on a read error, bad JSON or no memory.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <jansson.h>
#include <libstemmer.h>
#include <utf8proc.h>

/* What the floor has seen so far. */
typedef struct floor_stats {
	size_t articles;   /* JSON lines with a string "text" */
	size_t words;      /* words stemmed */
	size_t bytes;      /* bytes of article text */
	uint64_t checksum; /* sum of FNV-1a hashes of the stems */
} floor_stats;

/* A growable byte buffer for the lower-cased word. */
typedef struct word_buf {
	unsigned char *data; /* owned */
	size_t len;          /* bytes used */
	size_t cap;          /* bytes allocated */
} word_buf;

/*
 * Make room for n more bytes in w.  Returns true, or false on no memory
 * (w unchanged).
 */
static bool word_reserve(word_buf *w, size_t n)
{
	size_t cap = w->cap ? w->cap : 64;
	unsigned char *p;

	if (w->len + n <= w->cap)
		return true;
	while (cap < w->len + n)
		cap *= 2;
	p = realloc(w->data, cap);
	if (!p)
		return false;
	w->data = p;
	w->cap = cap;
	return true;
}

/* Whether cp is a letter (L*), a combining mark (M*) or a digit (Nd). */
static bool is_word_char(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
		(c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
		c == UTF8PROC_CATEGORY_ND;
}

/* FNV-1a over s[0..n). */
static uint64_t fnv1a(const unsigned char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* Stem the word in w and add it to st.  Returns false on no memory. */
static bool stem_word(struct sb_stemmer *sb, const word_buf *w,
	floor_stats *st)
{
	const sb_symbol *stem = sb_stemmer_stem(sb, w->data, (int)w->len);

	if (!stem)
		return false;
	st->checksum += fnv1a(stem, (size_t)sb_stemmer_length(sb));
	st->words++;
	return true;
}

/*
 * Cut text[0..n) into words, lower-case and stem each one.  Invalid UTF-8
 * bytes end a word and are skipped.  Returns false on no memory.
 */
static bool process_text(struct sb_stemmer *sb, const char *text, size_t n,
	word_buf *w, floor_stats *st)
{
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
	size_t i = 0;

	w->len = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(s + i,
			(utf8proc_ssize_t)(n - i), &cp);

		if (k <= 0) {
			k = 1;
			cp = -1;
		}
		i += (size_t)k;
		if (cp >= 0 && is_word_char(cp)) {
			if (!word_reserve(w, 4))
				return false;
			w->len += (size_t)utf8proc_encode_char(utf8proc_tolower(cp),
				w->data + w->len);
			continue;
		}
		if (w->len && !stem_word(sb, w, st))
			return false;
		w->len = 0;
	}
	if (w->len && !stem_word(sb, w, st))
		return false;
	w->len = 0;
	return true;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "-";
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	struct sb_stemmer *sb = NULL;
	floor_stats st = { 0 };
	word_buf w = { NULL, 0, 0 };
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int code = 1;

	if (argc > 2) {
		fprintf(stderr, "usage: floor [FILE]\n");
		return 2;
	}
	if (!f) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		return 1;
	}
	sb = sb_stemmer_new("french", "UTF_8");
	if (!sb) {
		fprintf(stderr, "floor: cannot create the French stemmer\n");
		goto out;
	}
	while ((n = getline(&line, &cap, f)) >= 0) {
		json_error_t je;
		json_t *obj, *text;

		lineno++;
		obj = json_loadb(line, (size_t)n, 0, &je);
		if (!obj) {
			fprintf(stderr, "floor: %s:%zu:%d: %s\n", path, lineno,
				je.column, je.text);
			goto out;
		}
		text = json_object_get(obj, "text");
		if (json_is_string(text)) {
			size_t len = json_string_length(text);

			if (!process_text(sb, json_string_value(text), len, &w, &st)) {
				json_decref(obj);
				fprintf(stderr, "floor: out of memory\n");
				goto out;
			}
			st.articles++;
			st.bytes += len;
		}
		json_decref(obj);
	}
	if (ferror(f)) {
		fprintf(stderr, "floor: %s: read error\n", path);
		goto out;
	}
	printf("floor: %zu articles, %zu words, %zu bytes of text, "
		"checksum %016" PRIx64 "\n", st.articles, st.words, st.bytes,
		st.checksum);
	code = 0;
out:
	free(line);
	free(w.data);
	sb_stemmer_delete(sb);
	if (f && f != stdin)
		fclose(f);
	return code;
}
