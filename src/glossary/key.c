/*
 * Glossary keys (see key.h): French words without their inflection, with
 * or without accents, or exactly as written.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "glossary/key.h"
#include "nsum/token.h"
#include "util/mem.h"
#include "util/utf8.h"

/*
 * U+00C0 to U+017F without their accents: the base letter of each letter
 * that decomposes into an ASCII letter and marks, '.' for the others (which
 * take utf8proc's way).  Checked against utf8proc by tests/test_glossary.c.
 */
static const char latin_base[] =
	"AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.y"
	"AaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl."
	"...NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.";

/*
 * key_plain() for text of ASCII and Latin letters (nearly every French
 * word): 0 done, 1 the text needs utf8proc, -1 no memory (b may then hold
 * part of the text).
 */
static int plain_fast(nsum_buf *b, const char *s, size_t n, bool casefold)
{
	size_t i = 0, start = b->len;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		char base;

		if (c < 0x80) {
			if (buf_putc(b, casefold && c >= 'A' && c <= 'Z' ?
				(char)(c | 0x20) : (char)c) < 0)
				return -1;
			i++;
			continue;
		}
		if (c < 0xC3 || c > 0xC5 || i + 1 >= n ||
			((unsigned char)s[i + 1] & 0xC0) != 0x80)
			goto slow;
		cp = ((c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
		if (cp < 0xC0 || cp > 0x17F)
			goto slow;
		if (cp == 0xE6 || (casefold && cp == 0xC6)) {
			if (buf_puts(b, "ae") < 0)
				return -1;
		} else if (cp == 0x153 || (casefold && cp == 0x152)) {
			if (buf_puts(b, "oe") < 0)
				return -1;
		} else {
			base = latin_base[cp - 0xC0];
			if (base == '.')
				goto slow;
			if (casefold && base >= 'A' && base <= 'Z')
				base = (char)(base | 0x20);
			if (buf_putc(b, base) < 0)
				return -1;
		}
		i += 2;
	}
	return 0;
slow:
	b->len = start;
	if (b->data)
		b->data[start] = '\0';
	return 1;
}

int key_plain(nsum_buf *b, const char *s, size_t n, bool casefold)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t m;
	size_t i;
	int fast = plain_fast(b, s, n, casefold);

	if (fast <= 0)
		return fast;
	m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
		UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
		(casefold ? UTF8PROC_CASEFOLD : 0));
	if (m < 0)
		return buf_append(b, s, n);
	for (i = 0; i < (size_t)m; i++) {
		int rc;

		if (out[i] == 0xC5 && i + 1 < (size_t)m && out[i + 1] == 0x93) {
			rc = buf_puts(b, "oe");
			i++;
		} else if (out[i] == 0xC3 && i + 1 < (size_t)m && out[i + 1] == 0xA6) {
			rc = buf_puts(b, "ae");
			i++;
		} else {
			rc = buf_putc(b, (char)out[i]);
		}
		if (rc < 0) {
			free(out);
			return -1;
		}
	}
	free(out);
	return 0;
}

static bool ends(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k + 1 && memcmp(w + n - k, suffix, k) == 0;
}

/*
 * Remove the French inflection of the lower-case word at b->data[start..]:
 * the plural (-s, -x after u; -aux becomes -al), then the feminine (-ée, -enne,
 * -elle, -euse, -rice, -ive, -ère become -é, -en, -el, -eur, -eur, -if,
 * -er; -aise becomes -ai, as "français" loses its -s like a plural).
 * 0 or -1.
 */
static int uninflect(nsum_buf *b, size_t start)
{
	static const struct {
		const char *suffix, *to;
	} feminine[] = {
		{ "\xC3\xA9" "e", "\xC3\xA9" }, { "enne", "en" }, { "elle", "el" },
		{ "euse", "eur" }, { "rice", "eur" }, { "ive", "if" },
		{ "aise", "ai" },
		{ "\xC3\xA8re", "er" },
	};
	const char *w = b->data + start;
	size_t n = b->len - start, i;

	if (u8_length(w, n) <= 3)
		return 0;
	if (ends(w, n, "aux")) {
		b->len = start + n - 3;
		return buf_puts(b, "al");
	}
	/* -x marks a plural only after u (jeux, bijoux, eaux): not in paix,
	 * prix, voix, infox. */
	if (w[n - 1] == 's' || (w[n - 1] == 'x' && w[n - 2] == 'u'))
		n--;
	b->len = start + n;
	b->data[b->len] = '\0';
	for (i = 0; i < sizeof(feminine) / sizeof(*feminine); i++) {
		if (ends(w, n, feminine[i].suffix)) {
			b->len = start + n - strlen(feminine[i].suffix);
			return buf_puts(b, feminine[i].to);
		}
	}
	return 0;
}

/*
 * Append the key of every kind of the word part text[a..b) to keys[kind]:
 * exact, then lower-cased and uninflected (with accents), then the same
 * without them.  0 or -1.
 */
static int part_keys(const char *text, size_t a, size_t b,
	nsum_buf keys[KEY_KINDS], nsum_buf *tmp)
{
	nsum_buf *plain = &keys[KEY_PLAIN];
	size_t n, start = plain->len;
	bool ascii = true;

	if (buf_append(&keys[KEY_EXACT], text + a, b - a) < 0)
		return -1;
	buf_clear(tmp);
	if (u8_lower_append(tmp, text + a, b - a) < 0 || uninflect(tmp, 0) < 0 ||
		buf_append(&keys[KEY_ACCENT], tmp->data, tmp->len) < 0 ||
		key_plain(plain, tmp->data, tmp->len, false) < 0)
		return -1;
	for (n = a; n < b && ascii; n++)
		ascii = (unsigned char)text[n] < 0x80;
	/* Written without accents, "-ee" stands for "-ée". */
	if (ascii && plain->len - start > 4 && plain->data[plain->len - 1] == 'e' &&
		plain->data[plain->len - 2] == 'e')
		plain->data[--plain->len] = '\0';
	return 0;
}

void parts_finish(parts *p)
{
	size_t k;

	nsum_free(p->items);
	for (k = 0; k < KEY_KINDS; k++)
		buf_finish(&p->keys[k]);
	memset(p, 0, sizeof(*p));
}

/*
 * The word parts of text[a..b): words split at their hyphens, with their
 * keys of every kind.  0 or -1.
 */
int text_parts(const char *text, size_t a, size_t b, parts *p)
{
	size_t pos = a, k;
	nsum_word w;
	nsum_buf tmp;
	int rc = 0;

	buf_init(&tmp);
	while (rc == 0 && nsum_word_next(text, b, &pos, &w)) {
		size_t i = w.start, s = w.start;

		while (rc == 0 && i <= w.end) {
			int32_t cp = 0;
			size_t step = i < w.end ? u8_decode(text, w.end, i, &cp) : 0;

			if (i == w.end || u8_is_hyphen(cp)) {
				if (i > s) {
					part *pt;

					if (mem_grow((void **)&p->items, &p->cap, p->count + 1,
						sizeof(*p->items)) < 0) {
						rc = -1;
						break;
					}
					pt = &p->items[p->count];
					pt->start = s;
					pt->end = i;
					for (k = 0; k < KEY_KINDS; k++)
						pt->off[k] = p->keys[k].len;
					rc = part_keys(text, s, i, p->keys, &tmp);
					for (k = 0; k < KEY_KINDS; k++)
						pt->len[k] = p->keys[k].len - pt->off[k];
					p->count++;
				}
				if (i == w.end)
					break;
				s = i + step;
			}
			i += step;
		}
	}
	buf_finish(&tmp);
	return rc;
}

void parts_reset(parts *p)
{
	size_t k;

	p->count = 0;
	for (k = 0; k < KEY_KINDS; k++)
		buf_clear(&p->keys[k]);
}

/* Each kind's key: the parts' keys of that kind joined by SEP. */
int term_keys(const char *term, size_t len, parts *scratch,
	nsum_buf keys[KEY_KINDS], size_t *nparts)
{
	size_t i, k;

	parts_reset(scratch);
	*nparts = 0;
	if (text_parts(term, 0, len, scratch) < 0)
		return -1;
	for (k = 0; k < KEY_KINDS; k++) {
		buf_clear(&keys[k]);
		if (buf_reserve(&keys[k], 1) < 0)
			return -1;
		for (i = 0; i < scratch->count; i++) {
			const part *pt = &scratch->items[i];

			/* A part's key may be empty (a lone combining mark): no bytes. */
			if ((i && buf_putc(&keys[k], SEP) < 0) || (pt->len[k] &&
				buf_append(&keys[k], scratch->keys[k].data + pt->off[k],
					pt->len[k]) < 0))
				return -1;
		}
	}
	*nparts = scratch->count;
	return 0;
}

int term_key(const char *term, size_t len, enum key_kind kind,
	nsum_buf *key, size_t *nparts)
{
	nsum_buf keys[KEY_KINDS];
	parts p;
	size_t k;
	int rc;

	memset(&p, 0, sizeof(p));
	for (k = 0; k < KEY_KINDS; k++)
		buf_init(&keys[k]);
	rc = term_keys(term, len, &p, keys, nparts);
	buf_clear(key);
	if (rc == 0)
		rc = buf_append(key, keys[kind].data, keys[kind].len);
	for (k = 0; k < KEY_KINDS; k++)
		buf_finish(&keys[k]);
	parts_finish(&p);
	return rc;
}

/*
 * Put key (and every prefix of it, at part boundaries) in m, the full key
 * pointing at entry idx unless replace is false and another entry has it.
 * 0 or -1.
 */
int index_key(strmap *m, const nsum_buf *key, size_t idx, bool replace)
{
	size_t i;
	uint32_t v;

	for (i = 0; i < key->len; i++) {
		if (key->data[i] != SEP)
			continue;
		if (!strmap_get(m, key->data, i, &v) && strmap_put(m, key->data, i, 0) < 0)
			return -1;
	}
	if (!replace && strmap_get(m, key->data, key->len, &v) && v && v != idx + 1)
		return 0;
	return strmap_put(m, key->data, key->len, (uint32_t)idx + 1);
}

