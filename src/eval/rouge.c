/*
 * ROUGE scores (see nsum/rouge.h), written to give the numbers of the
 * evaluation harness's rouge.py and of rouge-score bit for bit: the same
 * tokens, the same counts, the same LCS backtrack, and the same floating
 * point operations in the same order.
 *
 * A text is read once: normalized (nsum_text: NFC, LF line ends), cut
 * into ROUGE-Lsum sentences -- its lines, or the sentences of the
 * harness's splitter (frsplit.c) -- and each sentence tokenized into
 * stem-vocabulary ids.  The text's tokens are those of its sentences in
 * order, which is what rouge.py reads for the other metrics too (score.py
 * hands it the sentences joined by newlines).  Tokens are compared by id:
 * the stemmer's vocabulary interns the tokens that are not stemmed too, so
 * one string is one id.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "eval/frsplit.h"
#include "nsum/rouge.h"
#include "nsum/stem.h"
#include "nsum/text.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

/* One text, tokenized. */
typedef struct tokens {
	uint32_t *ids;     /* token ids, in text order */
	size_t count;      /* tokens */
	size_t cap;        /* capacity of ids */
	size_t *sents;     /* sentence k is tokens [sents[2k], sents[2k+1]) */
	size_t nsents;     /* sentences */
	size_t sents_cap;  /* capacity of sents, in entries */
} tokens;

struct nsum_rouge {
	nsum_rouge_options opt;
	nsum_stemmer *stemmer;   /* stems, and the vocabulary of every token */
	nsum_buf word;           /* the token being read, lower case */
	tokens sum;              /* the summary being scored */
	tokens ref;              /* the reference being scored */
	uint64_t *grams;         /* n-grams: the reference's, then the summary's */
	size_t grams_cap;
	uint32_t *lcs;           /* LCS rows or table */
	size_t lcs_cap;
	uint32_t *left_ref;      /* ROUGE-Lsum: tokens not yet matched, by id */
	uint32_t *left_sum;
	size_t left_cap;         /* ids covered by left_ref and left_sum */
	unsigned char *in_union; /* ROUGE-Lsum: reference tokens in the union */
	size_t union_cap;
};

void nsum_rouge_options_default(nsum_rouge_options *opt)
{
	opt->tokens = NSUM_ROUGE_UNICODE;
	opt->stem = false;
	opt->lsum_split = NSUM_LSUM_AUTO;
}

const char *nsum_rouge_metric_name(nsum_rouge_metric m)
{
	switch (m) {
	case NSUM_ROUGE_1: return "rouge1";
	case NSUM_ROUGE_2: return "rouge2";
	case NSUM_ROUGE_L: return "rougeL";
	case NSUM_ROUGE_LSUM: return "rougeLsum";
	case NSUM_ROUGE_METRICS: break;
	}
	return "";
}

nsum_rouge *nsum_rouge_create(const nsum_rouge_options *opt, nsum_error *err)
{
	nsum_rouge *r;

	if (opt && ((unsigned)opt->tokens > NSUM_ROUGE_ASCII ||
		(unsigned)opt->lsum_split > NSUM_LSUM_ALWAYS)) {
		nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"invalid ROUGE options");
		return NULL;
	}
	r = mem_calloc(1, sizeof(*r));
	if (!r) {
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	if (opt)
		r->opt = *opt;
	else
		nsum_rouge_options_default(&r->opt);
	buf_init(&r->word);
	r->stemmer = nsum_stemmer_create(err);
	if (!r->stemmer) {
		nsum_rouge_destroy(r);
		return NULL;
	}
	return r;
}

/* Free what *t holds and leave it empty. */
static void tokens_finish(tokens *t)
{
	nsum_free(t->ids);
	nsum_free(t->sents);
	memset(t, 0, sizeof(*t));
}

void nsum_rouge_destroy(nsum_rouge *r)
{
	if (!r)
		return;
	nsum_stemmer_destroy(r->stemmer);
	buf_finish(&r->word);
	tokens_finish(&r->sum);
	tokens_finish(&r->ref);
	nsum_free(r->grams);
	nsum_free(r->lcs);
	nsum_free(r->left_ref);
	nsum_free(r->left_sum);
	nsum_free(r->in_union);
	nsum_free(r);
}

/* ---- Tokens ---- */

/* Whether cp is Case_Ignorable: Mn Me Cf Lm Sk, and ' . : · ’ ... */
static bool case_ignorable(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp == '\'' || cp == '.' || cp == ':' || cp == '^' || cp == '`';
	switch (cp) {
	case 0xB7: case 0x387: case 0x55F: case 0x5F4: case 0x2018: case 0x2019:
	case 0x2024: case 0x2027: case 0xFE13: case 0xFE52: case 0xFE55:
	case 0xFF07: case 0xFF0E: case 0xFF1A:
		return true;
	}
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME ||
		c == UTF8PROC_CATEGORY_CF || c == UTF8PROC_CATEGORY_LM ||
		c == UTF8PROC_CATEGORY_SK;
}

/* Whether cp is Cased: Lt, or upper or lower case as Python sees it. */
static bool is_cased(int32_t cp)
{
	return frsplit_is_upper(cp) || frsplit_is_lower(cp) ||
		(cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LT);
}

/*
 * Whether the capital sigma at s[i] (k bytes) of s[0..n) is final, as
 * Python's str.lower() decides: a cased letter before it and none after
 * it, case-ignorable characters skipped both ways.
 */
static bool final_sigma(const char *s, size_t n, size_t i, size_t k)
{
	size_t j = i;
	int32_t cp = 0;
	bool before = false;

	while (j > 0) {
		j -= u8_decode_prev(s, j, &cp);
		if (!case_ignorable(cp)) {
			before = is_cased(cp);
			break;
		}
	}
	if (!before)
		return false;
	for (j = i + k; j < n;) {
		j += u8_decode(s, n, j, &cp);
		if (!case_ignorable(cp))
			return !is_cased(cp);
	}
	return true;
}

/*
 * The lower-case form of cp, the k bytes at s[i] of s[0..n), as Python's
 * str.lower() gives it.  *cut is set when the lower-case form goes on
 * with a character that ends a token: U+0130 is "i" and U+0307, a mark.
 */
static int32_t lower(const char *s, size_t n, size_t i, size_t k, int32_t cp,
	bool *cut)
{
	*cut = false;
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp == 0x130) {
		*cut = true;
		return 'i';
	}
	if (cp == 0x3A3)
		return final_sigma(s, n, i, k) ? 0x3C2 : 0x3C3;
	return utf8proc_tolower(cp);
}

/* Whether the lower-case character cp belongs to a token in mode m. */
static bool in_token(nsum_rouge_tokens m, int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
	if (m == NSUM_ROUGE_ASCII)
		return false;
	/* Python's [^\W_]: Lu Ll Lt Lm Lo and Nd Nl No, no marks. */
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
		(c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* Whether s[0..n) is a token of rouge-score's ASCII tokenizer. */
static bool ascii_token(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
			return false;
	return n > 0;
}

/*
 * Add the token in r->word (chars characters) to t: stemmed when it is
 * longer than 3 characters and r stems.  0, or -1 on no memory.
 */
static int emit(nsum_rouge *r, tokens *t, size_t chars)
{
	const char *w = r->word.data;
	size_t len = r->word.len;
	uint32_t id;

	if (r->opt.stem && chars > 3) {
		id = nsum_stemmer_stem(r->stemmer, w, len);
		if (id != NSUM_NO_STEM && r->opt.tokens == NSUM_ROUGE_ASCII) {
			size_t slen;
			const char *s = nsum_stemmer_string(r->stemmer, id, &slen);

			/* rouge-score keeps only stems that are still tokens. */
			if (!ascii_token(s, slen)) {
				buf_clear(&r->word);
				return 0;
			}
		}
	} else {
		id = nsum_stemmer_intern(r->stemmer, w, len);
	}
	buf_clear(&r->word);
	if (id == NSUM_NO_STEM)
		return -1;
	if (mem_grow((void **)&t->ids, &t->cap, t->count + 1,
		sizeof(*t->ids)) < 0)
		return -1;
	t->ids[t->count++] = id;
	return 0;
}

/*
 * Add the tokens of s[0..n) (normalized text) to t, as one sentence.  0,
 * or -1 on no memory.
 */
static int tokenize(nsum_rouge *r, const char *s, size_t n, tokens *t)
{
	size_t i = 0, chars = 0, first = t->count;

	buf_clear(&r->word);
	while (i < n) {
		int32_t cp, lo;
		size_t k = u8_decode(s, n, i, &cp);
		char enc[4];
		bool cut;

		lo = lower(s, n, i, k, cp, &cut);
		if (in_token(r->opt.tokens, lo)) {
			if (buf_append(&r->word, enc, u8_encode(lo, enc)) < 0)
				return -1;
			chars++;
		}
		if ((!in_token(r->opt.tokens, lo) || cut) && chars) {
			if (emit(r, t, chars) < 0)
				return -1;
			chars = 0;
		}
		i += k;
	}
	if (chars && emit(r, t, chars) < 0)
		return -1;
	if (mem_grow((void **)&t->sents, &t->sents_cap, 2 * (t->nsents + 1),
		sizeof(*t->sents)) < 0)
		return -1;
	t->sents[2 * t->nsents] = first;
	t->sents[2 * t->nsents + 1] = t->count;
	t->nsents++;
	return 0;
}

/* Whether s[0..n) has a newline between its first and last non-space. */
static bool inner_newline(const char *s, size_t n)
{
	size_t i = 0, first = n, last = 0;

	while (i < n) {
		int32_t cp;
		size_t k = u8_decode(s, n, i, &cp);

		if (!frsplit_is_space(cp)) {
			if (first == n)
				first = i;
			last = i;
		}
		i += k;
	}
	return first < n && memchr(s + first, '\n', last - first) != NULL;
}

/* What frsplit() hands each sentence to. */
typedef struct split_ctx {
	nsum_rouge *r;
	tokens *t;
} split_ctx;

/* frsplit_fn: tokenize one sentence into the context's tokens. */
static int add_sentence(void *ctx, const char *s, size_t n)
{
	split_ctx *c = ctx;

	return tokenize(c->r, s, n, c->t);
}

/*
 * Read text[0..len) into t: its ROUGE-Lsum sentences, tokenized.  As in
 * score.py, the newline test of NSUM_LSUM_AUTO looks at the text as given
 * (a lone CR is no newline there).  NSUM_OK or an error.
 */
static nsum_status prepare(nsum_rouge *r, const char *text, size_t len,
	tokens *t, nsum_error *err)
{
	nsum_rouge_lsum_split mode = r->opt.lsum_split;
	split_ctx ctx = { r, t };
	char *copy = NULL;
	nsum_text nt;
	nsum_status st;
	int rc = 0;

	t->count = 0;
	t->nsents = 0;
	if (mode == NSUM_LSUM_AUTO)
		mode = inner_newline(text, len) ? NSUM_LSUM_NEWLINE : NSUM_LSUM_ALWAYS;
	if (mode == NSUM_LSUM_NEWLINE && memchr(text, '\r', len)) {
		/*
		 * rouge.py's lines end at LF only; nsum_text would make a lone
		 * CR a line end, so it becomes a space (no token either way).
		 */
		size_t i;

		copy = nsum_malloc(len);
		if (!copy)
			return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0,
				"out of memory");
		memcpy(copy, text, len);
		for (i = 0; i < len; i++)
			if (copy[i] == '\r' && (i + 1 == len || copy[i + 1] != '\n'))
				copy[i] = ' ';
		text = copy;
	}
	/* No source name: the caller knows where the text comes from. */
	st = nsum_text_init_bytes(&nt, text, len, "", NSUM_READ_ALLOW_EMPTY, err);
	nsum_free(copy);
	if (st != NSUM_OK)
		return st;
	if (mode == NSUM_LSUM_NEWLINE) {
		size_t a = 0;

		while (a < nt.len && rc == 0) {
			const char *nl = memchr(nt.data + a, '\n', nt.len - a);
			size_t b = nl ? (size_t)(nl - nt.data) : nt.len;

			rc = tokenize(r, nt.data + a, b - a, t);
			a = b + 1;
		}
	} else {
		rc = frsplit(nt.data, nt.len, add_sentence, &ctx);
	}
	nsum_text_finish(&nt);
	if (rc)
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	return NSUM_OK;
}

char *nsum_rouge_tokenize(nsum_rouge *r, const char *text, size_t len,
	size_t *count, nsum_error *err)
{
	tokens *t = &r->sum;
	nsum_buf b;
	size_t k, i;

	buf_init(&b);
	if (prepare(r, text, len, t, err) != NSUM_OK)
		return NULL;
	for (k = 0; k < t->nsents; k++) {
		size_t a = t->sents[2 * k], e = t->sents[2 * k + 1];

		if (a == e)
			continue;
		if (b.len && buf_putc(&b, '\n') < 0)
			goto nomem;
		for (i = a; i < e; i++) {
			size_t n;
			const char *s = nsum_stemmer_string(r->stemmer, t->ids[i], &n);

			if ((i > a && buf_putc(&b, ' ') < 0) || buf_append(&b, s, n) < 0)
				goto nomem;
		}
	}
	if (count)
		*count = t->count;
	{
		char *s = buf_steal(&b);

		if (!s)
			goto nomem;
		return s;
	}
nomem:
	buf_finish(&b);
	nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	return NULL;
}

/* ---- Scores ---- */

/* F1 as rouge-score computes it (same operations, same order). */
static double fmeasure(double p, double r)
{
	if (p + r > 0)
		return 2 * p * r / (p + r);
	return 0.0;
}

/* P, R and F1 of hits among sum_total and ref_total (0 counts as 1). */
static nsum_rouge_prf prf(size_t hits, size_t sum_total, size_t ref_total)
{
	nsum_rouge_prf s;

	s.p = (double)hits / (double)(sum_total ? sum_total : 1);
	s.r = (double)hits / (double)(ref_total ? ref_total : 1);
	s.f = fmeasure(s.p, s.r);
	return s;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* The n-grams (n = 1 or 2) of t into g, sorted; their number. */
static size_t grams(const tokens *t, int n, uint64_t *g)
{
	size_t i, k = 0;

	for (i = 0; i + (size_t)n <= t->count; i++)
		g[k++] = n == 1 ? t->ids[i] :
			((uint64_t)t->ids[i] << 32) | t->ids[i + 1];
	if (k > 1)
		qsort(g, k, sizeof(*g), cmp_u64);
	return k;
}

/* ROUGE-N: clipped n-gram overlap.  0, or -1 on no memory. */
static int rouge_n(nsum_rouge *r, int n, nsum_rouge_prf *out)
{
	size_t need = r->ref.count + r->sum.count, nr, ns, i = 0, j = 0, hits = 0;
	uint64_t *gr, *gs;

	if (mem_grow((void **)&r->grams, &r->grams_cap, need ? need : 1,
		sizeof(*r->grams)) < 0)
		return -1;
	gr = r->grams;
	nr = grams(&r->ref, n, gr);
	gs = gr + nr;
	ns = grams(&r->sum, n, gs);
	while (i < nr && j < ns) {
		if (gr[i] < gs[j]) {
			i++;
		} else if (gs[j] < gr[i]) {
			j++;
		} else {
			uint64_t g = gr[i];
			size_t a = 0, b = 0;

			while (i < nr && gr[i] == g) {
				i++;
				a++;
			}
			while (j < ns && gs[j] == g) {
				j++;
				b++;
			}
			hits += a < b ? a : b;
		}
	}
	*out = prf(hits, ns, nr);
	return 0;
}

/* ROUGE-L: LCS of the whole token sequences, two rows.  0 or -1. */
static int rouge_l(nsum_rouge *r, nsum_rouge_prf *out)
{
	const tokens *a = &r->ref, *b = &r->sum;
	uint32_t *prev, *cur;
	size_t i, j;

	memset(out, 0, sizeof(*out));
	if (!a->count || !b->count)
		return 0;
	if (mem_grow((void **)&r->lcs, &r->lcs_cap, 2 * (b->count + 1),
		sizeof(*r->lcs)) < 0)
		return -1;
	prev = r->lcs;
	cur = r->lcs + b->count + 1;
	memset(prev, 0, (b->count + 1) * sizeof(*prev));
	cur[0] = 0;
	for (i = 0; i < a->count; i++) {
		uint32_t *tmp;

		for (j = 1; j <= b->count; j++) {
			if (a->ids[i] == b->ids[j - 1])
				cur[j] = prev[j - 1] + 1;
			else
				cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
		}
		tmp = prev;
		prev = cur;
		cur = tmp;
	}
	*out = prf(prev[b->count], b->count, a->count);
	return 0;
}

/*
 * Mark in r->in_union the tokens of ref[0..m) on one LCS with cand[0..n),
 * the one rouge-score's backtrack finds (on a tie, up in ref rather than
 * left in cand).  NSUM_OK, NSUM_ELIMIT or NSUM_ENOMEM.
 */
static nsum_status lcs_union(nsum_rouge *r, const uint32_t *ref, size_t m,
	const uint32_t *cand, size_t n, nsum_error *err)
{
	size_t w = n + 1, i, j;
	uint32_t *tb;

	if (!m || !n)
		return NSUM_OK;
	if (m + 1 > NSUM_ROUGE_LCS_MAX / w)
		return nsum_error_set(err, NSUM_ELIMIT, NULL, 0, 0,
			"ROUGE-Lsum: sentences of %zu and %zu tokens need a table "
			"larger than %zu cells", m, n, NSUM_ROUGE_LCS_MAX);
	if (mem_grow((void **)&r->lcs, &r->lcs_cap, (m + 1) * w,
		sizeof(*r->lcs)) < 0)
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	tb = r->lcs;
	memset(tb, 0, w * sizeof(*tb));
	for (i = 1; i <= m; i++) {
		uint32_t *prev = tb + (i - 1) * w, *cur = tb + i * w;

		cur[0] = 0;
		for (j = 1; j <= n; j++) {
			if (ref[i - 1] == cand[j - 1])
				cur[j] = prev[j - 1] + 1;
			else
				cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
		}
	}
	i = m;
	j = n;
	while (i > 0 && j > 0) {
		if (ref[i - 1] == cand[j - 1]) {
			r->in_union[i - 1] = 1;
			i--;
			j--;
		} else if (tb[i * w + j - 1] > tb[(i - 1) * w + j]) {
			j--;
		} else {
			i--;
		}
	}
	return NSUM_OK;
}

/* Count t's tokens in left (by id), or with reset, set them back to 0. */
static void count_tokens(const tokens *t, uint32_t *left, bool reset)
{
	size_t i;

	for (i = 0; i < t->count; i++)
		left[t->ids[i]] = reset ? 0 : left[t->ids[i]] + 1;
}

/* ROUGE-Lsum: summary-level LCS, hits clipped.  NSUM_OK or an error. */
static nsum_status rouge_lsum(nsum_rouge *r, nsum_rouge_prf *out,
	nsum_error *err)
{
	const tokens *a = &r->ref, *b = &r->sum;
	size_t m = a->count, n = b->count;
	size_t vocab = nsum_stemmer_count(r->stemmer), hits = 0, k, c, i;
	nsum_status st = NSUM_OK;

	memset(out, 0, sizeof(*out));
	if (!m || !n)
		return NSUM_OK;
	if (vocab > r->left_cap) {
		uint32_t *lr = nsum_realloc(r->left_ref, vocab * sizeof(*lr));
		uint32_t *ls;

		if (!lr)
			goto nomem;
		r->left_ref = lr;
		ls = nsum_realloc(r->left_sum, vocab * sizeof(*ls));
		if (!ls)
			goto nomem;
		r->left_sum = ls;
		memset(lr + r->left_cap, 0, (vocab - r->left_cap) * sizeof(*lr));
		memset(ls + r->left_cap, 0, (vocab - r->left_cap) * sizeof(*ls));
		r->left_cap = vocab;
	}
	count_tokens(a, r->left_ref, false);
	count_tokens(b, r->left_sum, false);
	for (k = 0; k < a->nsents && st == NSUM_OK; k++) {
		const uint32_t *rs = a->ids + a->sents[2 * k];
		size_t rn = a->sents[2 * k + 1] - a->sents[2 * k];

		if (!rn)
			continue;
		if (mem_grow((void **)&r->in_union, &r->union_cap, rn, 1) < 0) {
			st = nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0,
				"out of memory");
			break;
		}
		memset(r->in_union, 0, rn);
		for (c = 0; c < b->nsents && st == NSUM_OK; c++)
			st = lcs_union(r, rs, rn, b->ids + b->sents[2 * c],
				b->sents[2 * c + 1] - b->sents[2 * c], err);
		for (i = 0; i < rn && st == NSUM_OK; i++) {
			uint32_t id = rs[i];

			if (r->in_union[i] && r->left_sum[id] > 0 &&
				r->left_ref[id] > 0) {
				hits++;
				r->left_sum[id]--;
				r->left_ref[id]--;
			}
		}
	}
	count_tokens(a, r->left_ref, true);
	count_tokens(b, r->left_sum, true);
	if (st == NSUM_OK)
		*out = prf(hits, n, m);
	return st;
nomem:
	return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
}

nsum_status nsum_rouge_score(nsum_rouge *r, const char *summary,
	size_t summary_len, const char *const *refs, const size_t *ref_lens,
	size_t nrefs, nsum_rouge_result *out, nsum_error *err)
{
	nsum_rouge_result s;
	nsum_status st;
	size_t k;
	int m;

	memset(out, 0, sizeof(*out));
	if (!nrefs)
		return NSUM_OK;
	st = prepare(r, summary, summary_len, &r->sum, err);
	for (k = 0; k < nrefs && st == NSUM_OK; k++) {
		st = prepare(r, refs[k], ref_lens ? ref_lens[k] : strlen(refs[k]),
			&r->ref, err);
		if (st != NSUM_OK)
			break;
		if (rouge_n(r, 1, &s.metric[NSUM_ROUGE_1]) < 0 ||
			rouge_n(r, 2, &s.metric[NSUM_ROUGE_2]) < 0 ||
			rouge_l(r, &s.metric[NSUM_ROUGE_L]) < 0) {
			st = nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0,
				"out of memory");
			break;
		}
		st = rouge_lsum(r, &s.metric[NSUM_ROUGE_LSUM], err);
		if (st != NSUM_OK)
			break;
		/* Best F1 per metric; the first reference wins a tie. */
		for (m = 0; m < NSUM_ROUGE_METRICS; m++)
			if (k == 0 || s.metric[m].f > out->metric[m].f)
				out->metric[m] = s.metric[m];
	}
	if (st != NSUM_OK)
		memset(out, 0, sizeof(*out));
	return st;
}

/* ---- Over items ---- */

/* The 12 numbers of a result, in a fixed order. */
#define NUMBERS (NSUM_ROUGE_METRICS * 3)

/* Number k (0..11: p, r, f of each metric in turn) of s. */
static double number(const nsum_rouge_result *s, int k)
{
	const nsum_rouge_prf *v = &s->metric[k / 3];

	return k % 3 == 0 ? v->p : k % 3 == 1 ? v->r : v->f;
}

/* Set number k of s to x. */
static void set_number(nsum_rouge_result *s, int k, double x)
{
	nsum_rouge_prf *v = &s->metric[k / 3];

	if (k % 3 == 0)
		v->p = x;
	else if (k % 3 == 1)
		v->r = x;
	else
		v->f = x;
}

void nsum_rouge_mean(const nsum_rouge_result *items, size_t n,
	nsum_rouge_result *mean)
{
	int k;
	size_t i;

	memset(mean, 0, sizeof(*mean));
	if (!n)
		return;
	for (k = 0; k < NUMBERS; k++) {
		double sum = 0.0;

		for (i = 0; i < n; i++)
			sum += number(&items[i], k);
		set_number(mean, k, sum / (double)n);
	}
}

/* The next number of the SplitMix64 stream at *state. */
static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* A uniform draw from [0, n), n > 0, without modulo bias. */
static size_t draw(uint64_t *state, size_t n)
{
	/* Below least, the values would favour the first residues. */
	uint64_t bound = (uint64_t)n, least = (UINT64_C(0) - bound) % bound;

	for (;;) {
		uint64_t x = splitmix64(state);

		if (x >= least)
			return (size_t)(x % bound);
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The q-th percentile (0..100) of sorted x[0..n), numpy's "linear". */
static double percentile(const double *x, size_t n, double q)
{
	double h = (double)(n - 1) * q / 100.0, lo = floor(h);
	size_t i = (size_t)lo;

	if (i + 1 >= n)
		return x[n - 1];
	return x[i] + (h - lo) * (x[i + 1] - x[i]);
}

nsum_status nsum_rouge_bootstrap(const nsum_rouge_result *items, size_t n,
	size_t resamples, uint64_t seed, nsum_rouge_interval *out,
	nsum_error *err)
{
	uint64_t state = seed;
	double *means;
	size_t b, i;
	int k;

	memset(out, 0, sizeof(*out));
	if (!n || !resamples)
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"the bootstrap needs items and resamples");
	means = mem_calloc(resamples, NUMBERS * sizeof(*means));
	if (!means)
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	/* means[k * resamples + b]: number k of resample b. */
	for (b = 0; b < resamples; b++) {
		double sum[NUMBERS] = { 0 };

		for (i = 0; i < n; i++) {
			const nsum_rouge_result *s = &items[draw(&state, n)];

			for (k = 0; k < NUMBERS; k++)
				sum[k] += number(s, k);
		}
		for (k = 0; k < NUMBERS; k++)
			means[(size_t)k * resamples + b] = sum[k] / (double)n;
	}
	for (k = 0; k < NUMBERS; k++) {
		double *x = means + (size_t)k * resamples;

		qsort(x, resamples, sizeof(*x), cmp_double);
		set_number(&out->lo, k, percentile(x, resamples, 2.5));
		set_number(&out->hi, k, percentile(x, resamples, 97.5));
	}
	nsum_free(means);
	return NSUM_OK;
}
