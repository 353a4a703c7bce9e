/*
 * The tokenizer (see nsum/token.h): word spans in French text, with elided
 * articles and pronouns split off the front and clitic pronouns off the
 * back.  It never allocates.
 */
#include <stdint.h>
#include <string.h>

#include "nsum/token.h"
#include "util/utf8.h"

/* Elided forms, lower case, without the apostrophe. */
static const char *const elisions[] = {
	"l", "d", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
	"n", "s", "c", "j", "m", "t",
};

/* Pronouns that follow a verb after a hyphen: "dit-il", "donne-le". */
static const char *const clitics[] = {
	"il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous", "ce",
	"moi", "toi", "lui", "leur", "y", "en", "le", "la", "les", "là", "ci",
};

static bool ascii_ieq(const char *s, size_t n, const char *word)
{
	size_t i;

	if (strlen(word) != n)
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c | 0x20);
		if (c != word[i])
			return false;
	}
	return true;
}

static bool in_list(const char *s, size_t n, const char *const *list,
	size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (ascii_ieq(s, n, list[i]))
			return true;
	return false;
}

/* Whether the word text[start..end) that an apostrophe ends is elided. */
static bool is_elision(const char *text, size_t start, size_t end)
{
	return end - start <= 6 &&
		in_list(text + start, end - start, elisions,
			sizeof(elisions) / sizeof(*elisions));
}

/*
 * Scan the raw word at text[i..end): letters and digits joined by inner
 * hyphens and apostrophes, and digits joined by '.' or ','.  Returns the
 * end of the word; *joins says whether it holds an apostrophe (1) or a
 * hyphen (2), the only places where an elision or a clitic can be.
 */
static size_t scan_word(const char *text, size_t end, size_t i,
	unsigned *joins)
{
	int32_t cp, prev = 0;

	*joins = 0;
	while (i < end) {
		size_t k = u8_decode(text, end, i, &cp);

		if (u8_is_alnum(cp)) {
			prev = cp;
			i += k;
			continue;
		}
		if (i + k < end && (u8_is_hyphen(cp) || u8_is_apostrophe(cp) ||
			((cp == '.' || cp == ',') && u8_is_digit(prev)))) {
			int32_t next;

			u8_decode(text, end, i + k, &next);
			if (cp == '.' || cp == ',' ? u8_is_digit(next) :
				u8_is_alnum(next)) {
				*joins |= u8_is_apostrophe(cp) ? 1u :
					u8_is_hyphen(cp) ? 2u : 0u;
				i += k;
				prev = cp;
				continue;
			}
		}
		break;
	}
	return i;
}

/*
 * If the word text[start..end) ends in a clitic pronoun after a hyphen,
 * return where the verb ends and set *resume to where the pronoun starts;
 * otherwise return end.
 */
static size_t strip_clitic(const char *text, size_t start, size_t end,
	size_t *resume)
{
	size_t i = end, hy = 0, hylen = 0;
	int32_t cp;

	while (i > start) {
		size_t k = u8_decode_prev(text, i, &cp);

		if (u8_is_hyphen(cp)) {
			hy = i - k;
			hylen = k;
			break;
		}
		i -= k;
	}
	if (!hylen || hy == start || ascii_ieq(text + start, end - start,
		"rendez-vous"))
		return end;
	if (!in_list(text + hy + hylen, end - hy - hylen, clitics,
		sizeof(clitics) / sizeof(*clitics)) &&
		!(end - hy - hylen == 3 && memcmp(text + hy + hylen, "l\xc3\xa0", 3) == 0))
		return end;
	*resume = hy + hylen;
	/* "a-t-elle": drop the euphonic -t- as well. */
	if (hy >= start + 2) {
		size_t k2, k3;
		int32_t c2, c3;

		k2 = u8_decode_prev(text, hy, &c2);
		if ((c2 == 't' || c2 == 'T') && hy - k2 > start) {
			k3 = u8_decode_prev(text, hy - k2, &c3);
			if (u8_is_hyphen(c3) && hy - k2 - k3 > start)
				return hy - k2 - k3;
		}
	}
	return hy;
}

bool nsum_word_next(const char *text, size_t end, size_t *pos, nsum_word *w)
{
	size_t i = *pos;

	for (;;) {
		size_t start, stop, j, resume = 0;
		int32_t cp;
		bool elided = false;
		unsigned joins;

		while (i < end) {
			size_t k = u8_decode(text, end, i, &cp);

			if (u8_is_alnum(cp))
				break;
			i += k;
		}
		if (i >= end) {
			*pos = end;
			return false;
		}
		start = i;
		stop = scan_word(text, end, i, &joins);
		/* Elision: "l'OTAN", "qu'aujourd'hui", "jusqu'à". */
		for (j = start; (joins & 1) && j < stop;) {
			size_t k = u8_decode(text, stop, j, &cp);

			if (u8_is_apostrophe(cp)) {
				if (is_elision(text, start, j)) {
					start = j + k;
					elided = true;
				}
				break;
			}
			if (u8_is_hyphen(cp))
				break;
			j += k;
		}
		u8_decode(text, end, start, &cp);
		w->kind = u8_is_digit(cp) ? NSUM_WORD_NUMBER : NSUM_WORD_ALPHA;
		w->capitalized = u8_is_upper(cp);
		w->elided = elided;
		w->start = start;
		w->end = stop;
		if (w->kind == NSUM_WORD_ALPHA && (joins & 2))
			w->end = strip_clitic(text, start, stop, &resume);
		*pos = w->end == stop ? stop : resume;
		if (w->end > w->start)
			return true;
		i = *pos;
	}
}

/*
 * Walk the words of text[start..end) as a reader counts them (chunks
 * between white space with a letter or digit) and stop after the limit-th:
 * returns how many were seen and, in *stop, the byte after the last one
 * seen (the end of its chunk).
 */
static size_t count_chunks(const char *text, size_t start, size_t end,
	size_t limit, size_t *stop)
{
	size_t i = start, count = 0;
	bool in_chunk = false, counted = false;

	*stop = end;
	while (i < end) {
		int32_t cp;
		size_t k;

		/* Inside a counted chunk only white space matters: skip ASCII. */
		if (in_chunk && counted) {
			while (i < end && (unsigned char)text[i] > ' ' &&
				(unsigned char)text[i] < 0x80)
				i++;
			if (i >= end)
				break;
		}
		k = u8_decode(text, end, i, &cp);
		if (u8_is_space(cp)) {
			if (in_chunk && counted && count == limit) {
				*stop = i;
				return count;
			}
			in_chunk = false;
		} else {
			if (!in_chunk) {
				in_chunk = true;
				counted = false;
			}
			if (!counted && u8_is_alnum(cp)) {
				count++;
				counted = true;
			}
		}
		i += k;
	}
	return count;
}

size_t nsum_word_count(const char *text, size_t start, size_t end)
{
	size_t stop;

	return count_chunks(text, start, end, SIZE_MAX, &stop);
}

size_t nsum_word_count_max(const char *text, size_t start, size_t end,
	size_t max)
{
	size_t stop;

	return max ? count_chunks(text, start, end, max, &stop) : 0;
}

size_t nsum_word_cut(const char *text, size_t start, size_t end, size_t n)
{
	size_t stop;

	if (n == 0)
		return start;
	count_chunks(text, start, end, n, &stop);
	return stop;
}
