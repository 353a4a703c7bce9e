/*
 * Fuzz target: ROUGE (nsum/rouge.h), with the harness's sentence splitter.
 *
 * The first byte picks the options (bit 0: ASCII tokens, bit 1: stems,
 * bits 2-3: the ROUGE-Lsum split); the rest is a summary, then references,
 * separated by the byte 0x1E.  Checked on every input: a text that is not
 * UTF-8 is NSUM_EENCODING or NSUM_EBINARY (a sentence pair too long for
 * an LCS table, NSUM_ELIMIT), otherwise the score is NSUM_OK
 * with every number in [0, 1] and F1 between P and R; ROUGE-1, -2 and -L
 * are symmetric (the summary's precision against a reference is the
 * reference's recall against the summary); several references give each
 * metric's best F1 of the references one by one; a text against itself
 * scores 1 when it has tokens; the tokens are UTF-8, their count right,
 * and scoring twice gives the same.
 */
#include <string.h>

#include "fuzz.h"

#define MAX_REFS 4

static void check_prf(const char *what, const nsum_rouge_prf *v)
{
	double lo = v->p < v->r ? v->p : v->r, hi = v->p < v->r ? v->r : v->p;

	fuzz_check(v->p >= 0 && v->p <= 1 && v->r >= 0 && v->r <= 1, "%s: P %g R %g "
		"outside [0, 1]", what, v->p, v->r);
	fuzz_check(v->f >= lo - 1e-12 && v->f <= hi + 1e-12, "%s: F1 %g not between "
		"P %g and R %g", what, v->f, v->p, v->r);
}

/*
 * Score a against the n references b; false when a text is not UTF-8 or
 * too long for ROUGE-Lsum.
 */
static bool score(nsum_rouge *r, const char *a, size_t an, const char *const *b,
	const size_t *bn, size_t n, nsum_rouge_result *out)
{
	nsum_error err;
	nsum_status st;
	int m;

	nsum_error_init(&err);
	st = nsum_rouge_score(r, a, an, b, bn, n, out, &err);
	if (st == NSUM_EENCODING || st == NSUM_EBINARY) {
		fuzz_check(err.status == st, "score: status %d, error %d", st, err.status);
		return false;
	}
	if (st == NSUM_ELIMIT)
		return false; /* a sentence pair too long for an LCS table */
	fuzz_check(st == NSUM_OK, "score: status %s: %s", nsum_status_string(st),
		err.text);
	for (m = 0; m < NSUM_ROUGE_METRICS; m++)
		check_prf(nsum_rouge_metric_name(m), &out->metric[m]);
	return true;
}

/* Check the tokens of s[0..n); their number, or SIZE_MAX if not UTF-8. */
static size_t check_tokens(nsum_rouge *r, const char *s, size_t n)
{
	size_t count = 0, seen = 0, i, len;
	char *t = nsum_rouge_tokenize(r, s, n, &count, NULL);

	if (!t)
		return SIZE_MAX;
	len = strlen(t);
	fuzz_check(fuzz_utf8_valid(t, len), "tokens: not UTF-8");
	for (i = 0; i < len; i++) {
		fuzz_check(t[i] != '\n' || (i > 0 && t[i - 1] != '\n'),
			"tokens: an empty sentence");
		seen += (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n');
	}
	fuzz_check(seen == count, "tokens: %zu counted, %zu shown", count, seen);
	nsum_free(t);
	return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data + 1, *parts[MAX_REFS + 1];
	size_t lens[MAX_REFS + 1], nparts = 0, n, i, start = 0, count;
	nsum_rouge_result all, one, back, again;
	nsum_rouge_options opt;
	nsum_rouge *r;
	int m;

	if (size < 1)
		return 0;
	n = size - 1;
	nsum_rouge_options_default(&opt);
	opt.tokens = data[0] & 1 ? NSUM_ROUGE_ASCII : NSUM_ROUGE_UNICODE;
	opt.stem = (data[0] & 2) != 0;
	opt.lsum_split = (nsum_rouge_lsum_split)((data[0] >> 2) % 3);
	for (i = 0; i <= n && nparts <= MAX_REFS; i++) {
		if (i == n || text[i] == '\x1E') {
			parts[nparts] = text + start;
			lens[nparts++] = i - start;
			start = i + 1;
		}
	}
	r = nsum_rouge_create(&opt, NULL);
	fuzz_check(r != NULL, "create");

	/* The summary against itself first: with no reference, the score
	 * below would not read it. */
	if (!score(r, parts[0], lens[0], parts, lens, 1, &one) ||
		!score(r, parts[0], lens[0], parts + 1, lens + 1, nparts - 1, &all))
		goto out;
	fuzz_check(score(r, parts[0], lens[0], parts + 1, lens + 1, nparts - 1,
		&again) && memcmp(&all, &again, sizeof(all)) == 0, "not repeatable");
	for (i = 1; i < nparts; i++) {
		if (!score(r, parts[0], lens[0], parts + i, lens + i, 1, &one))
			fuzz_fail("a reference failed alone, not with the others");
		for (m = 0; m < NSUM_ROUGE_METRICS; m++)
			fuzz_check(one.metric[m].f <= all.metric[m].f,
				"%s: reference %zu has F1 %g over the best %g",
				nsum_rouge_metric_name(m), i, one.metric[m].f,
				all.metric[m].f);
		fuzz_check(score(r, parts[i], lens[i], parts, lens, 1, &back),
			"the summary failed as a reference");
		for (m = NSUM_ROUGE_1; m <= NSUM_ROUGE_L; m++)
			fuzz_check(one.metric[m].p == back.metric[m].r &&
				one.metric[m].r == back.metric[m].p,
				"%s is not symmetric", nsum_rouge_metric_name(m));
	}
	count = check_tokens(r, parts[0], lens[0]);
	fuzz_check(count != SIZE_MAX, "tokenize failed on a text that scores");
	fuzz_check(score(r, parts[0], lens[0], parts, lens, 1, &one), "self");
	if (count > 0) {
		fuzz_check(one.metric[NSUM_ROUGE_1].f == 1 &&
			one.metric[NSUM_ROUGE_L].f == 1 &&
			one.metric[NSUM_ROUGE_LSUM].f == 1, "a text against itself "
			"scores %g %g %g", one.metric[NSUM_ROUGE_1].f,
			one.metric[NSUM_ROUGE_L].f, one.metric[NSUM_ROUGE_LSUM].f);
		fuzz_check(count < 2 || one.metric[NSUM_ROUGE_2].f == 1,
			"ROUGE-2 of a text against itself");
	} else {
		for (m = 0; m < NSUM_ROUGE_METRICS; m++)
			fuzz_check(one.metric[m].f == 0, "no tokens but a score");
	}
out:
	nsum_rouge_destroy(r);
	return 0;
}
