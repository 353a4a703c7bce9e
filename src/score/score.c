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

/*
 * Weight of a document's centrality (doc_centrality()) in the score of its
 * sentences, when several documents are summarized together: the articles
 * at the core of a story speak for it better than one that only touches
 * it.  Set on RPM2 dev (docs/scoring.md, "Several articles").
 */
#define DOC_WEIGHT 2.0

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

/*
 * How central each document is among several: the cosine of its TF-IDF
 * vector (candidate sentences) with the set's centroid, into cent[ndocs].
 * 0, or -1 on no memory.
 */
static int doc_centrality(const set *s, double cnorm, double *cent)
{
	double *v = mem_calloc(s->nlocal + 1, sizeof(double));
	size_t d, c = 0, i;

	if (!v)
		return -1;
	for (d = 0; d < s->ndocs; d++) {
		size_t from = c;
		double dot = 0, norm = 0;

		for (; c < s->ncands && s->cands[c].doc == d; c++)
			for (i = 0; i < s->cands[c].nstems; i++)
				v[s->cands[c].stems[i]] += 1;
		for (i = from; i < c; i++) {
			const set_sentence *ss = &s->cands[i];
			size_t k;

			for (k = 0; k < ss->nstems; k++) {
				uint32_t l = ss->stems[k];
				double x = v[l] * s->idf[l];

				if (x == 0)
					continue;
				dot += x * s->tf[l] * s->idf[l];
				norm += x * x;
				v[l] = 0;
			}
		}
		cent[d] = norm > 0 && cnorm > 0 ? dot / (sqrt(norm) * cnorm) : 0;
	}
	nsum_free(v);
	return 0;
}

/*
 * For several documents, the title feature of a sentence is the mean over
 * the titles of the share of each title's stems it holds: a sentence that
 * says what many headlines say is at the heart of the story.  That mean is
 * a sum over the sentence's stems of this weight per stem: over the titles
 * that hold the stem, 1 / (title's stems), divided by the number of
 * titles.  Returns the new array (nsum_free()), NULL on no memory.
 */
static double *title_means(const set *s, const uint32_t *ids,
	const size_t *n)
{
	double *tw = mem_calloc(s->nlocal + 1, sizeof(double));
	size_t d, k, titles = 0;

	if (!tw)
		return NULL;
	for (d = 0; d < s->ndocs; d++)
		titles += n[d] > 0;
	for (d = 0; d < s->ndocs; d++)
		for (k = 0; k < n[d]; k++)
			tw[ids[s->title_offset[d] + k]] += 1.0 / ((double)n[d] *
				(double)titles);
	return tw;
}

int score_candidates(const set *s, const nsum_weights *w, double *feat,
	double *score)
{
	double cnorm = 0, *tfidf_max, *dcent, *title_mean = NULL;
	uint32_t *title_ids;
	size_t c, i, t, *title_n;

	for (i = 0; i < s->nlocal; i++) {
		double v = s->tf[i] * s->idf[i];

		cnorm += v * v;
	}
	cnorm = sqrt(cnorm);
	tfidf_max = mem_calloc(s->ndocs + 1, sizeof(double));
	dcent = mem_calloc(s->ndocs + 1, sizeof(double));
	if (!tfidf_max || !dcent) {
		nsum_free(tfidf_max);
		nsum_free(dcent);
		return -1;
	}
	if (title_sets(s, &title_ids, &title_n) < 0) {
		nsum_free(tfidf_max);
		nsum_free(dcent);
		return -1;
	}
	if (s->ndocs > 1 && !(title_mean = title_means(s, title_ids, title_n))) {
		nsum_free(tfidf_max);
		nsum_free(dcent);
		nsum_free(title_ids);
		nsum_free(title_n);
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
		if (title_mean) {
			double acc = 0;

			for (i = 0; i < ss->nstems; i++)
				acc += title_mean[ss->stems[i]];
			f[NSUM_F_TITLE] = acc;
		}
		f[NSUM_F_LENGTH] = log(1.0 + (double)ss->words) / log(51.0);
		f[NSUM_F_SHORT] = ss->words < 8;
		f[NSUM_F_QUOTE] = quote_share(doc->text.data + sent->start,
			sent->end - sent->start);
		for (t = doc->first[ss->index]; t < doc->first[ss->index + 1]; t++)
			if (doc->tokens[t].kind == NSUM_WORD_NUMBER)
				number = true;
		f[NSUM_F_NUMBER] = number;
	}
	if (s->ndocs > 1 && doc_centrality(s, cnorm, dcent) < 0) {
		nsum_free(dcent);
		nsum_free(title_mean);
		nsum_free(tfidf_max);
		nsum_free(title_ids);
		nsum_free(title_n);
		return -1;
	}
	for (c = 0; c < s->ncands; c++) {
		double *f = feat + c * NSUM_F_COUNT, m;
		size_t k;

		m = tfidf_max[s->cands[c].doc];
		f[NSUM_F_TFIDF] = m > 0 ? f[NSUM_F_TFIDF] / m : 0;
		score[c] = w->bias;
		for (k = 0; k < NSUM_F_COUNT; k++)
			score[c] += w->w[k] * f[k];
		if (s->ndocs > 1)
			score[c] += DOC_WEIGHT * dcent[s->cands[c].doc];
	}
	nsum_free(dcent);
	nsum_free(title_mean);
	nsum_free(tfidf_max);
	nsum_free(title_ids);
	nsum_free(title_n);
	return 0;
}

long score_headline(const set *s)
{
	double cnorm = 0, best = -1;
	uint32_t *ids;
	size_t *n, d, i;
	long at = -1;

	for (i = 0; i < s->nlocal; i++)
		cnorm += s->tf[i] * s->idf[i] * s->tf[i] * s->idf[i];
	if (title_sets(s, &ids, &n) < 0)
		return -2;
	for (d = 0; d < s->ndocs; d++) {
		const uint32_t *u = ids + s->title_offset[d];
		double dot = 0, tnorm = 0, cos;

		if (!s->docs[d]->title)
			continue;
		for (i = 0; i < n[d]; i++) {
			dot += s->idf[u[i]] * s->tf[u[i]] * s->idf[u[i]];
			tnorm += s->idf[u[i]] * s->idf[u[i]];
		}
		cos = tnorm > 0 && cnorm > 0 ? dot / sqrt(tnorm * cnorm) : 0;
		if (cos > best) {
			best = cos;
			at = (long)d;
		}
	}
	nsum_free(ids);
	nsum_free(n);
	return at;
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
