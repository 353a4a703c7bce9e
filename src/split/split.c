/*
 * The split stage (see nsum/split.h): sentence spans in the kept segments
 * of a French text.
 *
 * Segments are first grouped into units: a segment is a unit of its own
 * unless it continues a hard-wrapped line (the line before it has no final
 * punctuation, this one starts in lower case, nothing but white space lies
 * between them).  Each unit is scanned once, forward.  A sentence may end at
 * a run of final punctuation (. ! ? … ...) or at a quote glued to a
 * capitalized word; the decision looks a bounded distance back (the word
 * before a period, at most WORD_MAX bytes, for abbreviations and initials)
 * and forward over the closing quotes, spaces and opening punctuation that
 * follow.  Those forward stretches hold no final punctuation, so no two of
 * them overlap, and the token around a glued period (to spare URLs and
 * e-mail addresses) is read once per token: time and memory are linear in
 * the size of the text.  A sentence without a letter or a digit is dropped.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "nsum/split.h"
#include "util/mem.h"
#include "util/utf8.h"

enum {
	WORD_MAX = 40, /* longest word, in bytes, read back from a period */
	EXT_MAX = 5,   /* longest file extension recognised after a period */
};

/* What the word before a single period says about it. */
typedef enum word_kind {
	WORD_PLAIN,   /* an ordinary word, a number, or nothing */
	WORD_TITLE,   /* M. Mme Dr: the period never ends a sentence */
	WORD_ABBR,    /* etc. av. janv.: ends one only before a clear start */
	WORD_INITIAL, /* J. U.S.A. c.-à-d., J.-C. in a name: never ends one */
} word_kind;

/* What must follow a run of final punctuation for a sentence to end. */
typedef enum need {
	NEED_START, /* an upper-case letter, a digit or opening punctuation */
	NEED_UPPER, /* an upper-case letter, after optional openers */
	NEED_WORD,  /* a capitalized word (Le, L'armée, À), after openers */
} need;

/* A sentence end found by the scan. */
typedef struct boundary {
	size_t end;  /* one past the last byte of the sentence that ends */
	size_t next; /* first byte of the next one */
	bool glued;  /* no white space between them */
} boundary;

/* State of one nsum_split() call. */
typedef struct splitter {
	const nsum_lang *lang;     /* abbreviations; may be NULL */
	const char *text;          /* the whole text */
	const nsum_segment *segs;  /* the segments */
	nsum_sentences *out;       /* sentences found so far */
	size_t cap;                /* capacity of out->items */
	size_t paragraphs;         /* paragraphs that have a sentence */
	bool para_pending;         /* the next sentence starts a paragraph */
	size_t ustart, uend;       /* the unit being scanned, trimmed */
	size_t seg_cur, seg_last;  /* its segments: current (for lines), last */
	size_t quotes;             /* straight quotes in [ustart, scan point) */
	size_t tok_start;          /* first byte of the token being scanned */
	bool tok_known;            /* tok_protected is computed for tok_start */
	size_t tok_known_start;    /*   ... for the token starting here */
	bool tok_protected;        /* that token is a URL or e-mail address */
} splitter;

/* Whether cp ends a sentence: . ! ? … and their look-alikes. */
static bool is_term(int32_t cp)
{
	switch (cp) {
	case '.': case '!': case '?':
	case 0x2026: /* … */
	case 0x203C: case 0x2047: case 0x2048: case 0x2049: /* ‼ ⁇ ⁈ ⁉ */
	case 0x3002: case 0xFF01: case 0xFF0E: case 0xFF1F: /* 。！．？ */
		return true;
	}
	return false;
}

/* Whether cp closes a quotation or a bracket (not the straight quote). */
static bool is_closer(int32_t cp)
{
	switch (cp) {
	case 0xBB:   /* » */
	case 0x201D: /* ” */
	case 0x2019: /* ’ */
	case 0x203A: /* › */
	case ')': case ']':
		return true;
	}
	return false;
}

/* Whether cp is a list bullet, which may start a sentence glued or not. */
static bool is_bullet(int32_t cp)
{
	switch (cp) {
	case 0x2022: case 0x2023: case 0x25AA: case 0x25A0: case 0x25CF:
	case 0x25B6: case 0x25BA: case 0x25C6: case 0x25FE: case 0x27A2:
	case 0x27A4: case 0x2713: case 0x2714: case 0x2192:
		return true;
	}
	return false;
}

/* Whether cp opens a sentence whatever follows: « “ „ ‹ — – and bullets. */
static bool is_strong_opener(int32_t cp)
{
	switch (cp) {
	case 0xAB: case 0x201C: case 0x201E: case 0x2039:
	case 0x2014: case 0x2013:
		return true;
	}
	return is_bullet(cp);
}

/* Whether cp opens a sentence when a capital or a digit follows it. */
static bool is_weak_opener(int32_t cp)
{
	switch (cp) {
	case '"': case '\'': case 0x2018: case '(': case '[': case '-':
	case 0xBF: case 0xA1: /* ¿ ¡ */
		return true;
	}
	return false;
}

/*
 * Decode the character at i of the current unit into *cp and return its
 * length; past the unit's end, *cp = -1 and the length is 0.
 */
static size_t cp_at(const splitter *sp, size_t i, int32_t *cp)
{
	if (i >= sp->uend) {
		*cp = -1;
		return 0;
	}
	return u8_decode(sp->text, sp->uend, i, cp);
}

/* The character just before i in the current unit, or -1 at its start. */
static int32_t cp_before(const splitter *sp, size_t i)
{
	int32_t cp;

	if (i <= sp->ustart)
		return -1;
	u8_decode_prev(sp->text, i, &cp);
	return cp;
}

/*
 * The character before i in the current unit, looking past one white-space
 * character (the space French puts before ! ? and »), or -1.
 */
static int32_t cp_before_space(const splitter *sp, size_t i)
{
	int32_t cp = cp_before(sp, i);

	if (cp >= 0 && u8_is_space(cp))
		cp = cp_before(sp, i - u8_decode_prev(sp->text, i, &cp));
	return cp;
}

/* The first position at or after i that is not white space (or uend). */
static size_t skip_spaces(const splitter *sp, size_t i)
{
	int32_t cp;
	size_t k;

	while ((k = cp_at(sp, i, &cp)) && u8_is_space(cp))
		i += k;
	return i;
}

/*
 * Whether the straight quote at j closes a quotation, given the number of
 * straight quotes before it in the unit.  Its neighbours decide when they
 * can (a space before it and a letter after it opens); otherwise the parity
 * of the quotes before it does (an odd count means one is open).
 */
static bool quote_closes(const splitter *sp, size_t j, size_t before)
{
	int32_t prev = cp_before(sp, j), next;
	bool prev_space = prev < 0 || u8_is_space(prev);
	bool next_space;

	cp_at(sp, j + 1, &next);
	next_space = next < 0 || u8_is_space(next);
	if (prev_space != next_space)
		return next_space;
	if (!prev_space && !u8_is_alnum(next) && !is_weak_opener(next) &&
		!is_strong_opener(next))
		return true; /* non". */
	return before % 2 == 1;
}

/*
 * The end of the closing quotes and brackets that follow a run of final
 * punctuation ending at re, spaces between them included ("réussi. »").
 * *quotes counts the straight quotes before the scan point and is moved on
 * past the ones taken.  Returns re when nothing closes there.
 */
static size_t closers_end(const splitter *sp, size_t re, size_t *quotes)
{
	size_t p = re;

	for (;;) {
		size_t j = skip_spaces(sp, p), k;
		int32_t cp;

		k = cp_at(sp, j, &cp);
		if (cp == '"' && quote_closes(sp, j, *quotes))
			(*quotes)++;
		else if (cp < 0 || !is_closer(cp))
			return p;
		p = j + k;
	}
}

/*
 * Whether s[0..n) is the lower-case word w, its first letter also matching
 * in upper case ("Avant" for "avant").
 */
static bool word_is(const char *s, size_t n, const char *w)
{
	size_t len = strlen(w);

	if (n != len || n == 0)
		return false;
	if (s[0] != w[0] && !(s[0] >= 'A' && s[0] <= 'Z' &&
		(char)(s[0] | 0x20) == w[0]))
		return false;
	return memcmp(s + 1, w + 1, n - 1) == 0;
}

/*
 * Whether the word before position j (the start of "J.-C") is av. apr.
 * avant or après, which make J.-C. the era and not a name's initials.
 */
static bool era_before(const splitter *sp, size_t j)
{
	size_t i = j, end;
	bool dot = false;
	int32_t cp;

	while (i > sp->ustart && j - i < 8) {
		size_t k = u8_decode_prev(sp->text, i, &cp);

		if (!u8_is_space(cp))
			break;
		i -= k;
	}
	if (i == j)
		return false;
	if (i > sp->ustart && sp->text[i - 1] == '.') {
		dot = true;
		i--;
	}
	end = i;
	while (i > sp->ustart && end - i < 8) {
		size_t k = u8_decode_prev(sp->text, i, &cp);

		if (!u8_is_letter(cp))
			break;
		i -= k;
	}
	if (dot)
		return word_is(sp->text + i, end - i, "av") ||
			word_is(sp->text + i, end - i, "apr");
	return word_is(sp->text + i, end - i, "avant") ||
		word_is(sp->text + i, end - i, "après");
}

/*
 * Whether s[0..n) is dotted initials: pieces of one or two letters joined
 * by '.' or ".-" or '-', at least one '.' among them ("U.S.A", "J.-C",
 * "c.-à-d", "Ph.D").
 */
static bool dotted_initials(const char *s, size_t n)
{
	size_t i = 0, letters = 0;
	bool dot = false;

	while (i < n) {
		int32_t cp;
		size_t k = u8_decode(s, n, i, &cp);

		if (u8_is_letter(cp)) {
			if (++letters > 2)
				return false;
		} else if (cp == '.' || u8_is_hyphen(cp)) {
			if (letters == 0 && !(cp != '.' && i > 0 && s[i - 1] == '.'))
				return false;
			dot |= cp == '.';
			letters = 0;
		} else {
			return false;
		}
		i += k;
	}
	return dot && letters > 0;
}

/*
 * What the word that ends at rs (just before a period) is: read back over
 * letters, digits, '.', '-' and '°' (n°) up to WORD_MAX bytes, stopping at
 * an apostrophe so that "l'art" gives "art".
 */
static word_kind word_before(const splitter *sp, size_t rs)
{
	const char *t = sp->text;
	size_t j = rs;
	int32_t cp;

	while (j > sp->ustart) {
		size_t k = u8_decode_prev(t, j, &cp);

		if (!u8_is_alnum(cp) && cp != '.' && !u8_is_hyphen(cp) &&
			cp != 0xB0)
			break;
		if (rs - (j - k) > WORD_MAX)
			return WORD_PLAIN;
		j -= k;
	}
	while (j < rs && (t[j] == '.' || t[j] == '-'))
		j++;
	if (j == rs)
		return WORD_PLAIN;
	if (sp->lang) {
		switch (nsum_lang_abbreviation(sp->lang, t + j, rs - j)) {
		case NSUM_ABBR_TITLE:
			return WORD_TITLE;
		case NSUM_ABBR_OTHER:
			if (memchr(t + j, '.', rs - j) && !era_before(sp, j))
				return WORD_INITIAL;
			return WORD_ABBR;
		case NSUM_ABBR_NONE:
			break;
		}
	}
	if (u8_decode(t, rs, j, &cp) == rs - j)
		return u8_is_upper(cp) ? WORD_INITIAL : WORD_PLAIN;
	return dotted_initials(t + j, rs - j) ? WORD_INITIAL : WORD_PLAIN;
}

/*
 * Whether a capitalized word starts at q: "Le", "L'armée", "À Paris" or
 * "A Paris" (the accent is often left off capitals), or a title with its
 * period ("M. Dupont", "MM. Martin").
 */
static bool capitalized_word(const splitter *sp, size_t q)
{
	int32_t c, d;
	size_t k = cp_at(sp, q, &c), r;

	if (c < 0 || !u8_is_upper(c))
		return false;
	cp_at(sp, q + k, &d);
	if (d < 0)
		return false;
	if (u8_is_lower(d) || u8_is_apostrophe(d) ||
		((c == 0xC0 || c == 'A') && u8_is_space(d)))
		return true;
	if (!sp->lang)
		return false;
	for (r = q; r < sp->uend && r - q < WORD_MAX; r++) {
		char b = sp->text[r];

		if (!(b >= 'A' && b <= 'Z') && !(b >= 'a' && b <= 'z'))
			break;
	}
	return r < sp->uend && sp->text[r] == '.' &&
		nsum_lang_abbreviation(sp->lang, sp->text + q, r - q) ==
		NSUM_ABBR_TITLE;
}

/* Whether what starts at q (not white space) starts a sentence as n says. */
static bool starts(const splitter *sp, size_t q, need n)
{
	int32_t c;
	size_t k = cp_at(sp, q, &c);

	if (n == NEED_START && is_strong_opener(c))
		return true;
	while (k && (is_strong_opener(c) || is_weak_opener(c))) {
		q = skip_spaces(sp, q + k);
		k = cp_at(sp, q, &c);
	}
	if (c < 0)
		return false;
	switch (n) {
	case NEED_START:
		return u8_is_upper(c) || u8_is_digit(c);
	case NEED_UPPER:
		return u8_is_upper(c);
	case NEED_WORD:
		return capitalized_word(sp, q);
	}
	return false;
}

/*
 * Whether the token around the scan point (from sp->tok_start to the next
 * white space) is a URL or an e-mail address: it holds "://", starts with
 * "www.", has an '@' with a '.' after it, or a '/' after a '.'.  Read once
 * per token and remembered.
 */
static bool token_protected(splitter *sp)
{
	const char *t = sp->text;
	size_t i = sp->tok_start, n;
	bool at = false, dot = false, prot = false;

	if (sp->tok_known && sp->tok_known_start == sp->tok_start)
		return sp->tok_protected;
	n = sp->uend - i;
	if (n >= 4 && (t[i] == 'w' || t[i] == 'W') &&
		(t[i + 1] | 0x20) == 'w' && (t[i + 2] | 0x20) == 'w' &&
		t[i + 3] == '.')
		prot = true;
	while (!prot && i < sp->uend) {
		int32_t cp;
		size_t k = u8_decode(t, sp->uend, i, &cp);

		if (u8_is_space(cp))
			break;
		if (cp == '@')
			at = true;
		else if (cp == '.')
			dot = true;
		if ((cp == '.' && at) || (cp == '/' && dot) ||
			(cp == ':' && sp->uend - i >= 3 && t[i + 1] == '/' &&
			t[i + 2] == '/'))
			prot = true;
		i += k;
	}
	sp->tok_known = true;
	sp->tok_known_start = sp->tok_start;
	sp->tok_protected = prot;
	return prot;
}

/*
 * Whether a file extension ("Jpg", "Pdf") starts at p, right after a glued
 * period: a few letters from a known list, then no more letter.
 */
static bool file_extension(const splitter *sp, size_t p)
{
	static const char *const exts[] = {
		"jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif",
		"tiff", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
		"odt", "txt", "csv", "zip", "mp3", "mp4", "mov", "avi", "wav",
		"html", "htm", "php", "aspx", "json", "xml",
	};
	char low[EXT_MAX + 1];
	size_t n = 0, i;

	while (p + n < sp->uend && n <= EXT_MAX) {
		char c = sp->text[p + n];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c | 0x20);
		if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9'))
			break;
		if (n < EXT_MAX)
			low[n] = c;
		n++;
	}
	if (n == 0 || n > EXT_MAX)
		return false;
	if (p + n < sp->uend) {
		int32_t cp;

		cp_at(sp, p + n, &cp);
		if (u8_is_letter(cp) || u8_is_apostrophe(cp))
			return false;
	}
	low[n] = '\0';
	for (i = 0; i < sizeof(exts) / sizeof(*exts); i++)
		if (strcmp(low, exts[i]) == 0)
			return true;
	return false;
}

/* Whether text[s..e) is one to three ASCII digits: a list number ("1."). */
static bool list_number(const splitter *sp, size_t s, size_t e)
{
	size_t i;

	if (e <= s || e - s > 3)
		return false;
	for (i = s; i < e; i++)
		if (sp->text[i] < '0' || sp->text[i] > '9')
			return false;
	return true;
}

/*
 * Whether the run of final punctuation [rs, re) ends the sentence that
 * started at sent; if so, fills *b.
 */
static bool run_boundary(splitter *sp, size_t sent, size_t rs, size_t re,
	boundary *b)
{
	const char *t = sp->text;
	size_t quotes = sp->quotes, p, ws, i, dots = 0;
	bool ellipsis = false, single = re - rs == 1 && t[rs] == '.';
	bool strong = false, url_ok = false;
	int32_t prev = cp_before(sp, rs), cp;

	for (i = rs; i < re; ) {
		i += u8_decode(t, re, i, &cp);
		if (cp == '.')
			dots++;
		else if (cp == 0x2026)
			ellipsis = true;
		else
			strong = true;
	}
	ellipsis = !strong && (ellipsis || dots >= 2);
	if (ellipsis && (prev == '(' || prev == '['))
		return false; /* "(...)" and "[…]" leave text out */
	p = closers_end(sp, re, &quotes);
	ws = skip_spaces(sp, p);
	if (ws >= sp->uend)
		return false; /* the unit's end ends the sentence anyway */
	if (ws > p) {
		need n = ellipsis ? NEED_UPPER : NEED_START;

		if (single) {
			word_kind w = word_before(sp, rs);

			if (w == WORD_INITIAL && token_protected(sp))
				w = WORD_PLAIN; /* "https://site.fr/a.b. Le" */
			if (w == WORD_TITLE || w == WORD_INITIAL ||
				list_number(sp, sent, rs))
				return false;
			if (w == WORD_ABBR)
				n = NEED_WORD;
		}
		if (!starts(sp, ws, n))
			return false;
		b->end = p;
		b->next = ws;
		b->glued = false;
		return true;
	}
	/*
	 * Glued: "pays.Pour", "médecin.\"L'unité", "YouTube.• Fin", and
	 * "utile ?En" with the space French puts before ! and ?.
	 */
	if (!single)
		prev = cp_before_space(sp, rs);
	if (prev < 0 || !(u8_is_lower(prev) || u8_is_digit(prev) ||
		prev == 0xBB || prev == 0x201D || prev == '"' || prev == ')'))
		return false;
	cp_at(sp, p, &cp);
	if (is_bullet(cp) || cp == 0xAB || cp == 0x201C)
		url_ok = true; /* no URL goes on with a bullet or a guillemet */
	if (!is_bullet(cp)) {
		size_t q = p, k = cp_at(sp, q, &cp);

		if (cp == 0xAB || cp == 0x201C ||
			(cp == '"' && !quote_closes(sp, q, quotes)))
			q = skip_spaces(sp, q + k);
		if (!capitalized_word(sp, q))
			return false;
		if (q == p && single && file_extension(sp, p))
			return false;
	}
	if (single) {
		word_kind w = word_before(sp, rs);

		if (w == WORD_TITLE || w == WORD_INITIAL)
			return false;
	}
	if (!url_ok && token_protected(sp))
		return false;
	b->end = p;
	b->next = p;
	b->glued = true;
	return true;
}

/*
 * Whether the quote cp at i (length k), glued to a capitalized word after
 * it, ends a sentence without final punctuation, as scrapers leave a
 * heading or a quotation glued to what follows: a closing quote after a
 * lower-case letter (`un soupçon"Après`, `« alarmistes »Outre`) ends one
 * after it; an opening straight quote after a lower-case letter, a closing
 * quote or bracket (`cette affaire"Je suis`) starts one.  Two straight
 * quotes glued together (`péril""Ça`) close one and open the next, whatever
 * the parity says.
 */
static bool quote_boundary(const splitter *sp, size_t i, size_t k,
	int32_t cp, boundary *b)
{
	int32_t prev;
	bool closes;

	prev = cp_before(sp, i);
	if (cp == '"' && i + 1 < sp->uend && sp->text[i + 1] == '"' &&
		prev >= 0 && prev != '"' && !u8_is_space(prev) &&
		capitalized_word(sp, i + 2)) {
		b->end = i + 1;
		b->next = i + 1;
		b->glued = true;
		return true;
	}
	if (cp == '"')
		closes = quote_closes(sp, i, sp->quotes);
	else if (cp == 0xBB || cp == 0x201D)
		closes = true;
	else
		return false;
	if (!capitalized_word(sp, i + k))
		return false;
	if (closes && cp != '"')
		prev = cp_before_space(sp, i);
	if (prev < 0 || !(u8_is_lower(prev) ||
		(!closes && (prev == '"' || prev == 0xBB || prev == 0x201D ||
		prev == ')'))))
		return false;
	b->end = closes ? i + k : i;
	b->next = b->end;
	b->glued = true;
	return true;
}

/* Whether text[s..e) holds a letter or a digit. */
static bool has_alnum(const char *text, size_t s, size_t e)
{
	while (s < e) {
		int32_t cp;

		s += u8_decode(text, e, s, &cp);
		if (u8_is_alnum(cp))
			return true;
	}
	return false;
}

/* Trim white space off both ends of text[*s..*e). */
static void trim(const char *text, size_t *s, size_t *e)
{
	int32_t cp;

	while (*s < *e) {
		size_t k = u8_decode(text, *e, *s, &cp);

		if (!u8_is_space(cp))
			break;
		*s += k;
	}
	while (*e > *s) {
		size_t k = u8_decode_prev(text, *e, &cp);

		if (!u8_is_space(cp))
			break;
		*e -= k;
	}
}

/*
 * Add the sentence text[s..e), trimmed, to sp->out unless it holds no
 * letter or digit.  Returns 0, or -1 on no memory.
 */
static int emit(splitter *sp, size_t s, size_t e, bool glued, bool heading)
{
	nsum_sentence *st;

	trim(sp->text, &s, &e);
	if (!has_alnum(sp->text, s, e))
		return 0;
	if (mem_grow((void **)&sp->out->items, &sp->cap, sp->out->count + 1,
		sizeof(*sp->out->items)) < 0)
		return -1;
	while (sp->seg_cur < sp->seg_last && sp->segs[sp->seg_cur].end <= s)
		sp->seg_cur++;
	st = &sp->out->items[sp->out->count++];
	memset(st, 0, sizeof(*st));
	st->start = s;
	st->end = e;
	st->line = sp->segs[sp->seg_cur].line;
	st->drop = NSUM_KEEP;
	if (sp->para_pending) {
		st->flags |= NSUM_SENT_PARAGRAPH;
		sp->paragraphs++;
		sp->para_pending = false;
	}
	st->paragraph = sp->paragraphs ? sp->paragraphs - 1 : 0;
	if (heading)
		st->flags |= NSUM_SENT_HEADING;
	if (glued)
		st->flags |= NSUM_SENT_GLUED;
	return 0;
}

/*
 * Whether the current unit ends with final punctuation (. ! ? … : ;),
 * closing quotes and brackets after it allowed.
 */
static bool ends_with_final(const splitter *sp)
{
	size_t i = sp->uend;
	int32_t cp;

	while (i > sp->ustart) {
		size_t k = u8_decode_prev(sp->text, i, &cp);

		if (!u8_is_space(cp) && !is_closer(cp) && cp != '"')
			return is_term(cp) || cp == ':' || cp == ';';
		i -= k;
	}
	return false;
}

/*
 * Split the current unit (sp->ustart .. sp->uend, segments seg_cur ..
 * seg_last) and add its sentences.  Returns 0, or -1 on no memory.
 */
static int split_unit(splitter *sp)
{
	size_t i = sp->ustart, sent = sp->ustart;
	bool glued = false, split = false, single = sp->seg_cur == sp->seg_last;
	boundary b;

	sp->quotes = 0;
	sp->tok_start = sp->ustart;
	sp->tok_known = false;
	while (i < sp->uend) {
		int32_t cp;
		size_t k = cp_at(sp, i, &cp);
		bool found = false;

		if (is_term(cp)) {
			size_t re = i + k;

			while ((k = cp_at(sp, re, &cp)) && is_term(cp))
				re += k;
			found = run_boundary(sp, sent, i, re, &b);
			i = re;
		} else {
			found = quote_boundary(sp, i, k, cp, &b);
			if (cp == '"')
				sp->quotes++;
			else if (u8_is_space(cp))
				sp->tok_start = i + k;
			i += k;
		}
		if (found && b.end > sent) {
			if (emit(sp, sent, b.end, glued, false) < 0)
				return -1;
			sent = b.next;
			glued = b.glued;
			split = true;
		}
	}
	return emit(sp, sent, sp->uend, glued,
		!split && single && !ends_with_final(sp));
}

/*
 * Whether segment b continues the hard-wrapped segment a: b is on the next
 * line and starts no paragraph, a (trimmed to ae) has no final punctuation,
 * b (trimmed from bs) starts in lower case, and only white space lies
 * between them.
 */
static bool continues(const char *text, const nsum_segment *a, size_t ae,
	const nsum_segment *b, size_t bs)
{
	int32_t last, first;
	size_t i;

	if (b->line != a->line + 1 || (b->flags & NSUM_SEG_PARAGRAPH) ||
		bs >= b->end || ae <= a->start || bs < ae)
		return false;
	u8_decode_prev(text, ae, &last);
	if (is_term(last) || last == ':' || last == ';' || last == 0xBB ||
		last == '"' || last == 0x201D)
		return false;
	u8_decode(text, b->end, bs, &first);
	if (!u8_is_lower(first))
		return false;
	for (i = ae; i < bs; ) {
		int32_t cp;

		i += u8_decode(text, bs, i, &cp);
		if (!u8_is_space(cp))
			return false;
	}
	return true;
}

nsum_status nsum_split(const nsum_lang *lang, const char *text,
	const nsum_segment *segs, size_t nsegs, nsum_sentences *out,
	nsum_error *err)
{
	splitter sp;
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	memset(&sp, 0, sizeof(sp));
	sp.lang = lang;
	sp.text = text;
	sp.segs = segs;
	sp.out = out;
	sp.para_pending = true;
	while (i < nsegs) {
		size_t s = segs[i].start, e = segs[i].end, last = i;

		if (segs[i].flags & NSUM_SEG_PARAGRAPH)
			sp.para_pending = true;
		if (e < s) {
			i++;
			continue;
		}
		trim(text, &s, &e);
		if (s == e) {
			i++;
			continue;
		}
		sp.ustart = s;
		sp.uend = e;
		while (last + 1 < nsegs) {
			size_t ns = segs[last + 1].start, ne = segs[last + 1].end;

			if (ne < ns)
				break;
			trim(text, &ns, &ne);
			if (!continues(text, &segs[last], sp.uend,
				&segs[last + 1], ns))
				break;
			sp.uend = ne;
			last++;
		}
		sp.seg_cur = i;
		sp.seg_last = last;
		if (split_unit(&sp) < 0) {
			nsum_sentences_finish(out);
			return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0,
				"out of memory");
		}
		i = last + 1;
	}
	return NSUM_OK;
}

void nsum_sentences_finish(nsum_sentences *s)
{
	if (!s)
		return;
	nsum_free(s->items);
	memset(s, 0, sizeof(*s));
}
