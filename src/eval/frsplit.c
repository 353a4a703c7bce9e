/*
 * The sentence splitter of the evaluation harness (../shared/eval/
 * frsplit.py), rule for rule, for ROUGE-Lsum.
 *
 * Why a second splitter: score.py splits every reference (and every
 * summary) that has no newline with frsplit.py before ROUGE-Lsum, and
 * `nsum eval` must give its numbers.  nsum's own splitter (split.c) is the
 * better one for summarizing -- it also cuts "crise.A Beyrouth" and keeps
 * "en... 1775" whole -- but it cuts 4 of the 1,500 OrangeSum valid lead-k
 * summaries differently, which moves the mean ROUGE-Lsum by 1e-4, more
 * than the 4 decimals this module must agree to.  So this file follows
 * frsplit.py's regular expressions and checks exactly, including their
 * backtracking, and Python's character classes (str.isupper(), islower(),
 * isdigit(), isspace(), \w and \d), not nsum's.  Nothing else uses it.
 *
 * Python indexes strings by code point; the scans here step over whole
 * UTF-8 characters, so byte offsets stand for the same positions.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "eval/frsplit.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

/* A range of code points. */
typedef struct span {
	int32_t lo, hi;
} span;

/* Where str.isupper() is true beyond category Lu (Unicode 14). */
static const span upper_extra[] = {
	{ 0x2160, 0x216F }, { 0x24B6, 0x24CF }, { 0x1F130, 0x1F149 },
	{ 0x1F150, 0x1F169 }, { 0x1F170, 0x1F189 },
};

/* Where str.islower() is true beyond category Ll. */
static const span lower_extra[] = {
	{ 0xAA, 0xAA }, { 0xBA, 0xBA }, { 0x2B0, 0x2B8 }, { 0x2C0, 0x2C1 },
	{ 0x2E0, 0x2E4 }, { 0x345, 0x345 }, { 0x37A, 0x37A },
	{ 0x1D2C, 0x1D6A }, { 0x1D78, 0x1D78 }, { 0x1D9B, 0x1DBF },
	{ 0x2071, 0x2071 }, { 0x207F, 0x207F }, { 0x2090, 0x209C },
	{ 0x2170, 0x217F }, { 0x24D0, 0x24E9 }, { 0x2C7C, 0x2C7D },
	{ 0xA69C, 0xA69D }, { 0xA770, 0xA770 }, { 0xA7F8, 0xA7F9 },
	{ 0xAB5C, 0xAB5F }, { 0x10780, 0x10780 }, { 0x10783, 0x10785 },
	{ 0x10787, 0x107B0 }, { 0x107B2, 0x107BA },
};

/* Where str.isdigit() is true beyond category Nd. */
static const span digit_extra[] = {
	{ 0xB2, 0xB3 }, { 0xB9, 0xB9 }, { 0x1369, 0x1371 }, { 0x19DA, 0x19DA },
	{ 0x2070, 0x2070 }, { 0x2074, 0x2079 }, { 0x2080, 0x2089 },
	{ 0x2460, 0x2468 }, { 0x2474, 0x247C }, { 0x2488, 0x2490 },
	{ 0x24EA, 0x24EA }, { 0x24F5, 0x24FD }, { 0x24FF, 0x24FF },
	{ 0x2776, 0x277E }, { 0x2780, 0x2788 }, { 0x278A, 0x2792 },
	{ 0x10A40, 0x10A43 }, { 0x10E60, 0x10E68 }, { 0x11052, 0x1105A },
	{ 0x1F100, 0x1F10A },
};

#define COUNT(a) (sizeof(a) / sizeof(*(a)))

/* Whether cp is in one of the n ranges of s. */
static bool in_spans(const span *s, size_t n, int32_t cp)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cp >= s[i].lo && cp <= s[i].hi)
			return true;
	return false;
}

bool frsplit_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r') ||
			(cp >= 0x1C && cp <= 0x1F);
	switch (cp) {
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return true;
	}
	return cp >= 0x2000 && cp <= 0x200A;
}

bool frsplit_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
		in_spans(upper_extra, COUNT(upper_extra), cp);
}

bool frsplit_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL ||
		in_spans(lower_extra, COUNT(lower_extra), cp);
}

/* str.isdigit(): category Nd and the digits of Numeric_Type Digit. */
static bool py_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND ||
		in_spans(digit_extra, COUNT(digit_extra), cp);
}

/* str.isalpha(): category L. */
static bool py_alpha(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* The regex class [^\W\d_]: categories L, Nl and No. */
static bool re_letter(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
		c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO;
}

/* . ! ? and … */
static bool is_term(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* The spaces of the collapse and of the blank-line pattern. */
static bool is_blank(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F;
}

/* Whether cp is in the code points of the UTF-8 string set. */
static bool in_set(const char *set, int32_t cp)
{
	size_t i = 0, n = strlen(set);

	while (i < n) {
		int32_t c;

		i += u8_decode(set, n, i, &c);
		if (c == cp)
			return true;
	}
	return false;
}

/* The character at s[i] (0 past the end), its length in *k (may be NULL). */
static int32_t at(const char *s, size_t n, size_t i, size_t *k)
{
	int32_t cp = 0;
	size_t len = 0;

	if (i < n)
		len = u8_decode(s, n, i, &cp);
	if (k)
		*k = len;
	return cp;
}

/* The offset of the character after the one at s[i]. */
static size_t next(const char *s, size_t n, size_t i)
{
	size_t k;

	at(s, n, i, &k);
	return i + k;
}

/* ---- The checks of frsplit.py ---- */

/* frsplit.py's ABBREVIATIONS (it leaves "mes" out, a common word). */
static const char *const abbreviations[] = {
	"m", "mm", "mme", "mmes", "mlle", "mlles", "me", "dr", "drs", "pr",
	"prof", "mgr", "st", "ste", "sts", "stes", "sr", "jr", "gal",
	"g\xC3\xA9n", "col", "cdt", "lt", "cne", "sgt", "adj", "capt", "p",
	"pp", "cf", "vol", "chap", "art", "al", "fig", "no", "n\xC2\xB0", "nos",
	"r\xC3\xA9" "f", "t\xC3\xA9l", "hab", "env", "av", "apr", "bd", "boul",
	"fg", "janv", "f\xC3\xA9vr", "f\xC3\xA9v", "avr", "juil", "sept", "oct",
	"nov", "d\xC3\xA9" "c", "\xC3\xA9" "d", "coll", "trad", "dir", "ibid",
	"op", "vs",
};

/* Whether s[0..n) (lower case) is in abbreviations[]. */
static bool is_listed(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < COUNT(abbreviations); i++)
		if (strlen(abbreviations[i]) == n && memcmp(abbreviations[i], s, n) == 0)
			return true;
	return false;
}

/*
 * Whether tok[0..n) matches ^(?:[^\W\d_]{1,2}\.-?)+[^\W\d_]{1,2}$ ("U.S.A",
 * "J.-C"): runs of one or two letters, each but the last followed by a
 * period and an optional hyphen.
 */
static bool is_acronym(const char *tok, size_t n)
{
	size_t i = 0, runs = 0;

	for (;;) {
		size_t letters = 0;

		while (i < n && re_letter(at(tok, n, i, NULL)) && letters < 3) {
			i = next(tok, n, i);
			letters++;
		}
		if (letters < 1 || letters > 2)
			return false;
		runs++;
		if (i == n)
			return runs >= 2;
		if (tok[i] != '.')
			return false;
		i++;
		if (i < n && tok[i] == '-')
			i++;
	}
}

/*
 * _is_abbreviation(): whether the period run term (s[t..te)) ending a word
 * belongs to an abbreviation, an initial or an acronym.  -1 on no memory.
 */
static int is_abbreviation(const char *s, size_t t, size_t te, nsum_buf *low)
{
	size_t a = t, i;
	int32_t cp;

	if (te - t != 1 || s[t] != '.') {
		/* "(...)" and "[…]" inside a sentence */
		return t > 0 && (s[t - 1] == '(' || s[t - 1] == '[');
	}
	/* The run of non-space before the period, opening marks stripped. */
	while (a > 0) {
		size_t k = u8_decode_prev(s, a, &cp);

		if (frsplit_is_space(cp))
			break;
		a -= k;
	}
	while (a < t && in_set("\xC2\xAB\"\xE2\x80\x9C\xE2\x80\x98'([",
		at(s, t, a, NULL)))
		a = next(s, t, a);
	if (a == t)
		return 0;
	/* str.lower(): U+0130 is "i" and a combining dot. */
	buf_clear(low);
	for (i = a; i < t;) {
		char enc[4];
		size_t k = u8_decode(s, t, i, &cp);
		int32_t lo = cp == 0x130 ? 'i' : utf8proc_tolower(cp);

		if (buf_append(low, enc, u8_encode(lo, enc)) < 0 ||
			(cp == 0x130 && buf_append(low, "\xCC\x87", 2) < 0))
			return -1;
		i += k;
	}
	if (is_listed(low->data, low->len))
		return 1;
	/* "l'art." -> the part after the last apostrophe, of either kind */
	for (i = 0; i < 2; i++) {
		const char *ap = i ? "\xE2\x80\x99" : "'";
		size_t al = strlen(ap), j, last = SIZE_MAX;

		for (j = 0; j + al <= low->len; j++)
			if (memcmp(low->data + j, ap, al) == 0)
				last = j + al;
		if (last != SIZE_MAX && is_listed(low->data + last, low->len - last))
			return 1;
	}
	cp = at(s, t, a, NULL);
	if (next(s, t, a) == t && py_alpha(cp) && frsplit_is_upper(cp))
		return 1; /* an initial: "J. Dupont" */
	return is_acronym(s + a, t - a);
}

/*
 * _is_sentence_start(): an opening « “ — – •, or after optional weak
 * openers and spaces an upper-case letter or a digit.
 */
static bool is_sentence_start(const char *s, size_t n, size_t pos)
{
	int32_t cp;

	if (pos >= n)
		return false;
	cp = at(s, n, pos, NULL);
	if (in_set("\xC2\xAB\xE2\x80\x9C\xE2\x80\x94\xE2\x80\x93\xE2\x80\xA2", cp))
		return true;
	while (pos < n) {
		cp = at(s, n, pos, NULL);
		if (!(in_set("\"'\xE2\x80\x98([-", cp) || frsplit_is_space(cp)))
			break;
		pos = next(s, n, pos);
	}
	if (pos >= n)
		return false;
	return frsplit_is_upper(cp) || py_digit(cp);
}

/* ---- One segment ---- */

typedef struct cut {
	size_t end;  /* where the sentence before ends */
	size_t next; /* where the next one starts */
} cut;

typedef struct cuts {
	cut *items;
	size_t count;
	size_t cap;
} cuts;

/* Add the cut (end, nxt) to c.  0, or -1 on no memory. */
static int add_cut(cuts *c, size_t end, size_t nxt)
{
	if (mem_grow((void **)&c->items, &c->cap, c->count + 1,
		sizeof(*c->items)) < 0)
		return -1;
	c->items[c->count].end = end;
	c->items[c->count].next = nxt;
	c->count++;
	return 0;
}

/* Cuts in order of end, then of next (Python's sort of tuples). */
static int cmp_cut(const void *a, const void *b)
{
	const cut *x = a, *y = b;

	if (x->end != y->end)
		return (x->end > y->end) - (x->end < y->end);
	return (x->next > y->next) - (x->next < y->next);
}

/* The end of the run of term characters at s[i]. */
static size_t term_run(const char *s, size_t n, size_t i)
{
	while (i < n && is_term(at(s, n, i, NULL)))
		i = next(s, n, i);
	return i;
}

/*
 * The sentence ends found by _CANDIDATE_RE: a run of . ! ? …, closing
 * quotes or brackets (each after optional blanks), then white space, then
 * a sentence start, and no abbreviation.  0, or -1 on no memory.
 */
static int candidate_cuts(const char *s, size_t n, cuts *c, nsum_buf *low)
{
	static const char closers[] = "\xC2\xBB\xE2\x80\x9D\"\xE2\x80\x99)]";
	size_t p = 0;

	while (p < n) {
		size_t te, q, ws = SIZE_MAX, we;
		int ab;

		if (!is_term(at(s, n, p, NULL))) {
			p = next(s, n, p);
			continue;
		}
		te = term_run(s, n, p);
		/*
		 * Closing groups, greedy; the regex then backtracks to the most
		 * groups after which white space follows.
		 */
		q = te;
		for (;;) {
			size_t r = q;

			if (q < n && frsplit_is_space(at(s, n, q, NULL)))
				ws = q;
			while (r < n && is_blank(at(s, n, r, NULL)))
				r = next(s, n, r);
			if (r >= n || !in_set(closers, at(s, n, r, NULL)))
				break;
			q = next(s, n, r);
		}
		if (ws == SIZE_MAX) {
			/* Every start inside the run fails the same way. */
			p = te;
			continue;
		}
		we = ws;
		while (we < n && frsplit_is_space(at(s, n, we, NULL)))
			we = next(s, n, we);
		if (is_sentence_start(s, n, we)) {
			ab = is_abbreviation(s, p, te, low);
			if (ab < 0)
				return -1;
			if (!ab && add_cut(c, ws, we) < 0)
				return -1;
		}
		p = we;
	}
	return 0;
}

/* The lookahead (?=["«“]?[^\W\d_]|•) at s[x]. */
static bool glued_next(const char *s, size_t n, size_t x)
{
	int32_t cp = at(s, n, x, NULL);

	if (cp == 0x2022 || re_letter(cp))
		return true;
	return in_set("\"\xC2\xAB\xE2\x80\x9C", cp) &&
		re_letter(at(s, n, next(s, n, x), NULL));
}

/*
 * The sentence ends found by _glued_boundaries(): paragraphs glued without
 * a space by a scraper ("pays.Pour", "soupçon\"Après").  0 or -1.
 */
static int glued_cuts(const char *s, size_t n, cuts *c, nsum_buf *low)
{
	static const char closers[] = "\xC2\xBB\xE2\x80\x9D\"\xE2\x80\x99)";
	size_t p = 0;

	while (p < n) {
		int32_t cp = at(s, n, p, NULL), prev = 0, cj, cj1;
		size_t te, ce, end, j, quotes = 0, i;
		bool has_prev = p > 0, quote_close = false;
		int ab;

		if (!is_term(cp) && !in_set(closers, cp)) {
			p = next(s, n, p);
			continue;
		}
		te = term_run(s, n, p);
		ce = te;
		while (ce < n && in_set(closers, at(s, n, ce, NULL)))
			ce = next(s, n, ce);
		/*
		 * A shorter match leaves a closer or a term character next,
		 * which the lookahead refuses; so does every later start in
		 * these runs.
		 */
		if (!glued_next(s, n, ce)) {
			p = ce;
			continue;
		}
		/* The match: term s[p..te), close s[te..ce); the next search
		 * starts at ce whatever the checks say. */
		end = ce;
		j = end;
		if (j < n && in_set("\"\xC2\xAB\xE2\x80\x9C", at(s, n, j, NULL)))
			j = next(s, n, j);
		cj = at(s, n, j, NULL);
		cj1 = at(s, n, next(s, n, j), NULL);
		if (has_prev)
			u8_decode_prev(s, p, &prev);
		for (i = te; i < ce; i = next(s, n, i))
			quote_close |= in_set("\"\xC2\xBB\xE2\x80\x9D", at(s, n, i, NULL));
		if (cj != 0x2022 && !(next(s, n, j) < n && frsplit_is_upper(cj) &&
			(frsplit_is_lower(cj1) || cj1 == '\'' || cj1 == 0x2019 ||
			((cj == 0xC0 || cj == 0xC9) && cj1 == ' ')))) {
			p = ce;
			continue;
		}
		/* Python's prev is "" at the start, and "" is in any string. */
		if (has_prev && !(frsplit_is_lower(prev) || py_digit(prev) ||
			in_set("\"\xC2\xBB\xE2\x80\x9D)", prev))) {
			p = ce;
			continue;
		}
		if (te == p && !quote_close) {
			p = ce; /* camelCase ("iPhone") is no boundary */
			continue;
		}
		if (te > p) {
			ab = is_abbreviation(s, p, te, low);
			if (ab < 0)
				return -1;
			if (ab) {
				p = ce;
				continue;
			}
		}
		if (te == p && !(has_prev && frsplit_is_lower(prev))) {
			p = ce;
			continue;
		}
		if (ce > te && s[ce - 1] == '"') {
			for (i = 0; i < te; i++)
				quotes += s[i] == '"';
			/* An even number of straight quotes before: this one opens
			 * the next sentence ("non"."Je pars"). */
			if (quotes % 2 == 0)
				end = ce - 1;
		}
		if (add_cut(c, end, end) < 0)
			return -1;
		p = ce;
	}
	return 0;
}

/* Trim Python white space off both ends of s[*a..*b) (str.strip()). */
static void strip(const char *s, size_t *a, size_t *b)
{
	int32_t cp;

	while (*a < *b) {
		size_t k = u8_decode(s, *b, *a, &cp);

		if (!frsplit_is_space(cp))
			break;
		*a += k;
	}
	while (*b > *a) {
		size_t k = u8_decode_prev(s, *b, &cp);

		if (!frsplit_is_space(cp))
			break;
		*b -= k;
	}
}

/* split_segment(): the sentences of one segment s[0..n).  0, fn's, or -1. */
static int split_segment(const char *s, size_t n, cuts *c, nsum_buf *low,
	frsplit_fn fn, void *ctx)
{
	size_t start = 0, i, a, b;
	int rc;

	c->count = 0;
	if (candidate_cuts(s, n, c, low) < 0 || glued_cuts(s, n, c, low) < 0)
		return -1;
	if (c->count > 1)
		qsort(c->items, c->count, sizeof(*c->items), cmp_cut);
	for (i = 0; i < c->count; i++) {
		if (c->items[i].end < start)
			continue;
		a = start;
		b = c->items[i].end;
		strip(s, &a, &b);
		if (a < b && (rc = fn(ctx, s + a, b - a)) != 0)
			return rc;
		start = c->items[i].next;
	}
	a = start;
	b = n;
	strip(s, &a, &b);
	if (a < b && (rc = fn(ctx, s + a, b - a)) != 0)
		return rc;
	return 0;
}

/* State of one frsplit() call. */
typedef struct splitter {
	nsum_buf seg;     /* the segment being built: stripped lines, joined */
	nsum_buf flat;    /* the segment with blank runs made one space */
	nsum_buf low;     /* scratch of is_abbreviation() */
	cuts cuts;        /* the cuts of one segment */
	frsplit_fn fn;
	void *ctx;
} splitter;

/* Split the segment built so far, if any, and start a new one. */
static int flush(splitter *sp)
{
	size_t i = 0;
	bool blank = false;
	int rc;

	if (!sp->seg.len)
		return 0;
	buf_clear(&sp->flat);
	while (i < sp->seg.len) {
		int32_t cp;
		size_t k = u8_decode(sp->seg.data, sp->seg.len, i, &cp);

		if (is_blank(cp)) {
			if (!blank && buf_putc(&sp->flat, ' ') < 0)
				return -1;
			blank = true;
		} else {
			if (buf_append(&sp->flat, sp->seg.data + i, k) < 0)
				return -1;
			blank = false;
		}
		i += k;
	}
	buf_clear(&sp->seg);
	rc = split_segment(sp->flat.data, sp->flat.len, &sp->cuts, &sp->low,
		sp->fn, sp->ctx);
	return rc;
}

/* Whether s[a..b) holds only blanks (a line of the paragraph pattern). */
static bool blank_line(const char *s, size_t a, size_t b)
{
	while (a < b) {
		int32_t cp;
		size_t k = u8_decode(s, b, a, &cp);

		if (!is_blank(cp))
			return false;
		a += k;
	}
	return true;
}

/* What ends a line that is no hard wrap (_LINE_END_TERMINAL). */
static const char line_end_terminal[] =
	".!?\xE2\x80\xA6:;\xC2\xBB\"\xE2\x80\x9D)";

int frsplit(const char *text, size_t len, frsplit_fn fn, void *ctx)
{
	splitter sp;
	size_t pos = 0;
	int rc = 0;

	memset(&sp, 0, sizeof(sp));
	buf_init(&sp.seg);
	buf_init(&sp.flat);
	buf_init(&sp.low);
	sp.fn = fn;
	sp.ctx = ctx;
	/*
	 * Paragraphs are split at lines of blanks only (re.split on
	 * \n[ \t\u00a0\u202f]*\n); in a paragraph, a stripped line joins the
	 * segment before it when that one does not end a sentence and the
	 * line starts in lower case (a hard wrap).
	 */
	while (pos <= len && rc == 0) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t e = nl ? (size_t)(nl - text) : len, a = pos, b = e;

		pos = e + 1;
		if (blank_line(text, a, b)) {
			rc = flush(&sp);
			continue;
		}
		strip(text, &a, &b);
		if (a == b)
			continue;
		if (sp.seg.len) {
			int32_t last, first;

			u8_decode_prev(sp.seg.data, sp.seg.len, &last);
			u8_decode(text, b, a, &first);
			if (!in_set(line_end_terminal, last) && frsplit_is_lower(first)) {
				if (buf_putc(&sp.seg, ' ') < 0 ||
					buf_append(&sp.seg, text + a, b - a) < 0)
					rc = -1;
				continue;
			}
			rc = flush(&sp);
			if (rc)
				break;
		}
		if (buf_append(&sp.seg, text + a, b - a) < 0)
			rc = -1;
	}
	if (rc == 0)
		rc = flush(&sp);
	buf_finish(&sp.seg);
	buf_finish(&sp.flat);
	buf_finish(&sp.low);
	nsum_free(sp.cuts.items);
	return rc;
}
