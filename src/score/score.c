/*
 * Sentence scoring (see nsum/summarize.h): features of each candidate and
 * their weighted sum.  The weights were fitted on news articles by logistic
 * regression against the sentences a ROUGE oracle picks; docs/scoring.md
 * tells how, and bench/fit-weights reproduces them.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nsum/text.h"

#include "nsum/token.h"
#include "score/score.h"
#include "util/mem.h"
#include "util/utf8.h"

static const nsum_weights default_weights = {
	.bias = -2.0984,
	.w = {
		[NSUM_F_FIRST] = 0.0,       /* held: see docs/scoring.md */
		[NSUM_F_POSITION] = -0.0500,
		[NSUM_F_RELPOS] = -1.2883,
		[NSUM_F_PARAGRAPH] = 0.5,   /* held: see docs/scoring.md */
		[NSUM_F_TITLE] = 1.4626,
		[NSUM_F_CENTROID] = 4.4684,
		[NSUM_F_TFIDF] = 0.3189,
		[NSUM_F_LENGTH] = -1.6192,
		[NSUM_F_SHORT] = -0.5657,
		[NSUM_F_QUOTE] = -0.5275,
		[NSUM_F_NUMBER] = 0.0637,
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

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/*
 * The distinct content local ids of each document's title, sorted: those
 * of document d are (*ids)[(*at)[d] .. (*at)[d] + (*n)[d]).  Computed once,
 * so that the title feature costs each candidate a few binary searches
 * whatever the length of the title.  Both arrays are new (nsum_free()
 * them).  0, or -1 on no memory.
 */
static int title_sets(const set *s, uint32_t **ids, size_t **n)
{
	size_t d, t, total = s->title_offset[s->ndocs];

	*ids = nsum_malloc((total + 1) * sizeof(**ids));
	*n = mem_calloc(s->ndocs + 1, sizeof(**n));
	if (!*ids || !*n) {
		nsum_free(*ids);
		nsum_free(*n);
		return -1;
	}
	for (d = 0; d < s->ndocs; d++) {
		uint32_t *u = *ids + s->title_offset[d];
		size_t m = 0, k;

		for (t = s->title_offset[d]; t < s->title_offset[d + 1]; t++)
			if (s->title_lid[t] != NO_LID)
				u[m++] = s->title_lid[t];
		if (m)
			qsort(u, m, sizeof(*u), cmp_u32);
		for (k = 0; k < m; k++)
			if (k == 0 || u[k] != u[k - 1])
				u[(*n)[d]++] = u[k];
	}
	return 0;
}

int score_candidates(const set *s, const nsum_weights *w, double *feat,
	double *score)
{
	double cnorm = 0, *tfidf_max;
	uint32_t *title_ids;
	size_t c, i, t, *title_n;

	for (i = 0; i < s->nlocal; i++) {
		double v = s->tf[i] * s->idf[i];

		cnorm += v * v;
	}
	cnorm = sqrt(cnorm);
	tfidf_max = mem_calloc(s->ndocs + 1, sizeof(double));
	if (!tfidf_max)
		return -1;
	if (title_sets(s, &title_ids, &title_n) < 0) {
		nsum_free(tfidf_max);
		return -1;
	}

	for (c = 0; c < s->ncands; c++) {
		const set_sentence *ss = &s->cands[c];
		const nsum_doc *doc = s->docs[ss->doc];
		const nsum_sentence *sent = &doc->sents.items[ss->index];
		double *f = feat + c * NSUM_F_COUNT;
		double dot = 0, snorm = 0, sum = 0;
		size_t ncand = s->cand_count[ss->doc], hit = 0;
		const uint32_t *tids = title_ids + s->title_offset[ss->doc];
		size_t tn = title_n[ss->doc];
		bool number = false;

		memset(f, 0, NSUM_F_COUNT * sizeof(double));
		f[NSUM_F_FIRST] = ss->rank == 0;
		f[NSUM_F_POSITION] = 1.0 / (1.0 + (double)ss->rank);
		f[NSUM_F_RELPOS] = ncand > 1 ? (double)ss->rank / (double)(ncand - 1) : 0;
		f[NSUM_F_PARAGRAPH] = ss->rank > 0 &&
			(sent->flags & NSUM_SENT_PARAGRAPH) != 0;
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
		if (tn)
			for (i = 0; i < ss->nstems; i++)
				hit += set_index(tids, tn, ss->stems[i]) != NO_LID;
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
	nsum_free(title_ids);
	nsum_free(title_n);
	return 0;
}

/* The index of weight name s[0..n): 0 for "bias", 1 + feature otherwise. */
static int weight_index(const char *s, size_t n)
{
	size_t k;

	if (n == 4 && memcmp(s, "bias", 4) == 0)
		return 0;
	for (k = 0; k < NSUM_F_COUNT; k++)
		if (strlen(feature_names[k]) == n && memcmp(feature_names[k], s, n) == 0)
			return (int)k + 1;
	return -1;
}

nsum_status nsum_weights_read_file(const char *path, nsum_weights *out,
	nsum_error *err)
{
	bool seen[NSUM_F_COUNT + 1] = { false };
	nsum_text text;
	size_t pos = 0, line = 0;
	nsum_status st = NSUM_OK;

	*out = default_weights;
	if (nsum_text_init_file(&text, path, NSUM_READ_ALLOW_EMPTY, err) != NSUM_OK)
		return err ? err->status : NSUM_EIO;
	while (pos < text.len && st == NSUM_OK) {
		char *s = text.data + pos, *nl = memchr(s, '\n', text.len - pos), *end;
		size_t n = nl ? (size_t)(nl - s) : text.len - pos, a = 0, b;
		double v;
		int k;

		line++;
		pos += n + (nl != NULL);
		while (a < n && (s[a] == ' ' || s[a] == '\t'))
			a++;
		if (a == n || s[a] == '#')
			continue;
		b = a;
		while (b < n && s[b] != ' ' && s[b] != '\t')
			b++;
		k = weight_index(s + a, b - a);
		if (k < 0) {
			st = nsum_error_set(err, NSUM_EFORMAT, path, line, u8_length(s, a) + 1,
				"unknown weight '%.*s' (bias or a feature name)",
				(int)(b - a), s + a);
			break;
		}
		if (seen[k]) {
			st = nsum_error_set(err, NSUM_EFORMAT, path, line, u8_length(s, a) + 1,
				"'%.*s' is given twice", (int)(b - a), s + a);
			break;
		}
		seen[k] = true;
		while (b < n && (s[b] == ' ' || s[b] == '\t'))
			b++;
		if (nl)
			*nl = '\0';
		errno = 0;
		v = strtod(s + b, &end);
		while (end < s + n && (*end == ' ' || *end == '\t'))
			end++;
		if (b == n || errno || end != s + n || !isfinite(v)) {
			st = nsum_error_set(err, NSUM_EFORMAT, path, line, u8_length(s, b) + 1,
				"expected a number after '%.*s'", (int)(b - a), s + a);
			break;
		}
		if (k == 0)
			out->bias = v;
		else
			out->w[k - 1] = v;
	}
	nsum_text_finish(&text);
	return st;
}
