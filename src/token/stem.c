/*
 * Cached Snowball stemming (see nsum/stem.h).  Two maps: word -> stem id
 * (the cache) and stem -> id (the vocabulary, an interner).  The cache is
 * cleared when it grows past a bound, so memory stays flat on endless input;
 * stem ids stay valid since the vocabulary is kept.
 */
#include <stdlib.h>

#include <libstemmer.h>
#include <utf8proc.h>

#include "nsum/stem.h"
#include "util/mem.h"
#include "util/strmap.h"
#include "util/utf8.h"

/* Words cached before the cache is cleared. */
#define CACHE_MAX (1u << 21)
/* Longer words are not stemmed (Snowball gains nothing on them). */
#define WORD_MAX 64

struct nsum_stemmer {
	struct sb_stemmer *sb;
	strmap cache;  /* word -> stem id */
	strmap stems;  /* stem -> stem id (interned) */
};

nsum_stemmer *nsum_stemmer_create(nsum_error *err)
{
	nsum_stemmer *s = mem_calloc(1, sizeof(*s));

	if (!s) {
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	strmap_init(&s->cache);
	strmap_init(&s->stems);
	s->sb = sb_stemmer_new("french", "UTF_8");
	if (!s->sb) {
		/* NULL means no French algorithm or no memory. */
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0,
			"cannot create the French Snowball stemmer "
			"(libstemmer lacks it or memory ran out)");
		nsum_stemmer_destroy(s);
		return NULL;
	}
	return s;
}

void nsum_stemmer_destroy(nsum_stemmer *s)
{
	if (!s)
		return;
	sb_stemmer_delete(s->sb);
	strmap_finish(&s->cache);
	strmap_finish(&s->stems);
	nsum_free(s);
}

uint32_t nsum_stemmer_intern(nsum_stemmer *s, const char *str, size_t len)
{
	return strmap_intern(&s->stems, str, len);
}

/*
 * Intern stem (len bytes) in NFC.  Snowball can take the accent off a
 * letter that a combining accent follows ("révélé" U+0301 "les" gives
 * "révéle" U+0301 "l"), and the two then compose: without this, such a
 * stem would differ from the same stem read back from a model file.
 */
static uint32_t intern_nfc(nsum_stemmer *s, const char *stem, size_t len)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t n;
	uint32_t id;

	if (!u8_needs_nfc(stem, len))
		return strmap_intern(&s->stems, stem, len);
	n = utf8proc_map((const utf8proc_uint8_t *)stem, (utf8proc_ssize_t)len,
		&nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return NSUM_NO_STEM;
	id = strmap_intern(&s->stems, (const char *)nfc, (size_t)n);
	free(nfc);
	return id;
}

uint32_t nsum_stemmer_stem(nsum_stemmer *s, const char *word, size_t len)
{
	const sb_symbol *stem;
	uint32_t id;

	if (strmap_get(&s->cache, word, len, &id))
		return id;
	if (len > WORD_MAX)
		return nsum_stemmer_intern(s, word, len);
	stem = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
	if (!stem)
		return NSUM_NO_STEM;
	id = intern_nfc(s, (const char *)stem, (size_t)sb_stemmer_length(s->sb));
	if (id == NSUM_NO_STEM)
		return id;
	if (s->cache.count >= CACHE_MAX) {
		strmap_finish(&s->cache);
		strmap_init(&s->cache);
	}
	if (strmap_put(&s->cache, word, len, id) < 0)
		return NSUM_NO_STEM;
	return id;
}

const char *nsum_stemmer_string(const nsum_stemmer *s, uint32_t id,
	size_t *len)
{
	return strmap_key(&s->stems, id, len);
}

size_t nsum_stemmer_count(const nsum_stemmer *s)
{
	return s->stems.count;
}
