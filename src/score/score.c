/*
 * Sentence scoring (see nsum/summarize.h): features of each candidate and
 * their weighted sum.  The weights were fitted on news articles by logistic
 * regression against the sentences a ROUGE oracle picks; docs/scoring.md
 * tells how, and bench/fit-weights reproduces them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nsum/token.h"
#include "score/score.h"
#include "util/mem.h"
#include "util/utf8.h"

static const nsum_weights default_weights = {
	.bias = -2.8920,
	.w = {
		[NSUM_F_FIRST] = -0.9521,
		[NSUM_F_POSITION] = 2.6635,
		[NSUM_F_RELPOS] = -0.4825,
		[NSUM_F_PARAGRAPH] = -1.0827,
		[NSUM_F_TITLE] = 1.4649,
		[NSUM_F_CENTROID] = 3.3633,
		[NSUM_F_TFIDF] = 0.2527,
		[NSUM_F_LENGTH] = -1.2115,
		[NSUM_F_SHORT] = -0.4409,
		[NSUM_F_QUOTE] = -0.5650,
		[NSUM_F_NUMBER] = 0.0296,
	},
};

static const char *const feature_names[NSUM_F_COUNT] = {
	[NSUM_F_FIRST] = "first",
	[NSUM_F_POSITION] = "position",
	[NSUM_F_RELPOS] = "relpos",
	[NSUM_F_PARAGRAPH] = "paragraph",
	[NSUM_F_TITLE] = "title",
	[NSUM_F_CENTROID] = "centroid",
	[NSUM_F_TFIDF] = "tfidf",
	[NSUM_F_LENGTH] = "length",
	[NSUM_F_SHORT] = "short",
	[NSUM_F_QUOTE] = "quote",
	[NSUM_F_NUMBER] = "number",
};

const nsum_weights *nsum_weights_default(void)
{
	return &default_weights;
}

const char *nsum_feature_name(nsum_feature f)
{
	return (unsigned)f < NSUM_F_COUNT ? feature_names[f] : "";
}

/* Share of the letters and digits of s[0..n) that sit inside quotes. */
static double quote_share(const char *s, size_t n)
{
	size_t i = 0, in = 0, all = 0;
	int depth = 0;
	bool straight = false;

	while (i < n) {
		int32_t cp;
		size_t k = u8_decode(s, n, i, &cp);

		if (cp == 0xAB || cp == 0x201C)
			depth++;
		else if ((cp == 0xBB || cp == 0x201D) && depth > 0)
			depth--;
		else if (cp == '"')
			straight = !straight;
		else if (u8_is_alnum(cp)) {
			all++;
			if (depth > 0 || straight)
				in++;
		}
		i += k;
	}
	return all ? (double)in / (double)all : 0;
}

/* Whether the sorted array a[0..n) holds v. */
static bool contains(const uint32_t *a, size_t n, uint32_t v)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (a[mid] < v)
			lo = mid + 1;
		else if (a[mid] > v)
			hi = mid;
		else
			return true;
	}
	return false;
}

int score_candidates(const set *s, const nsum_weights *w, double *feat,
	double *score)
{
	double cnorm = 0, *tfidf_max;
	size_t c, i, t;

	for (i = 0; i < s->nlocal; i++) {
		double v = s->tf[i] * s->idf[i];

		cnorm += v * v;
	}
	cnorm = sqrt(cnorm);
	tfidf_max = mem_calloc(s->ndocs + 1, sizeof(double));
	if (!tfidf_max)
		return -1;

	for (c = 0; c < s->ncands; c++) {
		const set_sentence *ss = &s->cands[c];
		const nsum_doc *doc = s->docs[ss->doc];
		const nsum_sentence *sent = &doc->sents.items[ss->index];
		double *f = feat + c * NSUM_F_COUNT;
		double dot = 0, snorm = 0, sum = 0;
		size_t ncand = s->cand_count[ss->doc], tb, te, tn = 0, hit = 0;
		bool number = false;

		memset(f, 0, NSUM_F_COUNT * sizeof(double));
		f[NSUM_F_FIRST] = ss->rank == 0;
		f[NSUM_F_POSITION] = 1.0 / (1.0 + (double)ss->rank);
		f[NSUM_F_RELPOS] = ncand > 1 ? (double)ss->rank / (double)(ncand - 1) : 0;
		f[NSUM_F_PARAGRAPH] = (sent->flags & NSUM_SENT_PARAGRAPH) != 0;
		for (i = 0; i < ss->nstems; i++) {
			uint32_t l = ss->stems[i];

			dot += s->idf[l] * s->tf[l] * s->idf[l];
			snorm += s->idf[l] * s->idf[l];
			sum += s->tf[l] * s->idf[l];
		}
		f[NSUM_F_CENTROID] = snorm > 0 && cnorm > 0 ?
			dot / (sqrt(snorm) * cnorm) : 0;
		f[NSUM_F_TFIDF] = ss->nstems ? sum / (double)ss->nstems : 0;
		if (f[NSUM_F_TFIDF] > tfidf_max[ss->doc])
			tfidf_max[ss->doc] = f[NSUM_F_TFIDF];

		/* Title overlap: distinct title stems found in the sentence. */
		tb = s->title_offset[ss->doc];
		te = s->title_offset[ss->doc + 1];
		for (t = tb; t < te; t++) {
			uint32_t l = s->title_lid[t];
			size_t u;
			bool dup = false;

			if (l == NO_LID)
				continue;
			for (u = tb; u < t && !dup; u++)
				dup = s->title_lid[u] == l;
			if (dup)
				continue;
			tn++;
			hit += contains(ss->stems, ss->nstems, l);
		}
		f[NSUM_F_TITLE] = tn ? (double)hit / (double)tn : 0;
		f[NSUM_F_LENGTH] = log(1.0 + (double)ss->words) / log(51.0);
		f[NSUM_F_SHORT] = ss->words < 8;
		f[NSUM_F_QUOTE] = quote_share(doc->text.data + sent->start,
			sent->end - sent->start);
		for (t = doc->first[ss->index]; t < doc->first[ss->index + 1]; t++)
			if (doc->tokens[t].kind == NSUM_WORD_NUMBER)
				number = true;
		f[NSUM_F_NUMBER] = number;
	}
	for (c = 0; c < s->ncands; c++) {
		double *f = feat + c * NSUM_F_COUNT, m;
		size_t k;

		m = tfidf_max[s->cands[c].doc];
		f[NSUM_F_TFIDF] = m > 0 ? f[NSUM_F_TFIDF] / m : 0;
		score[c] = w->bias;
		for (k = 0; k < NSUM_F_COUNT; k++)
			score[c] += w->w[k] * f[k];
	}
	nsum_free(tfidf_max);
	return 0;
}
