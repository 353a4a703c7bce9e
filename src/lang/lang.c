/*
 * Language data (see nsum/lang.h): the stopword lists compiled from
 * stopwords/fr.txt and en.txt, French abbreviations, and a function-word language guess.
 */
#include <string.h>

#include "lang/lang.h"
#include "nsum/lang.h"
#include "nsum/token.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/strmap.h"
#include "util/utf8.h"

extern const char *const nsum_stopwords_fr[];
extern const size_t nsum_stopwords_fr_count;
extern const char *const nsum_stopwords_en[];
extern const size_t nsum_stopwords_en_count;
extern const char *const nsum_stopwords_fr_terms[];
extern const size_t nsum_stopwords_fr_terms_count;

/* Titles before a name: a period after them never ends a sentence. */
static const char *const titles[] = {
	"M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Dr", "Drs", "Pr",
	"Me", "St", "Ste", "Sts", "Stes", "Gal", "Gén", "Col", "Cdt", "Lt",
	"Cne", "Sgt", "Adj", "Mr", "Mrs", "Ms", "Prof",
	"Vve", "Bd", "Mal",
};

/* Other abbreviations: a period after them may end a sentence. */
static const char *const others[] = {
	"etc", "cf", "av", "apr", "J.-C", "J.-c", "env", "ex", "p", "pp",
	"art", "al", "vol", "éd", "chap", "fig", "hab", "tél", "boul", "bd",
	"janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc",
	"min", "max", "approx", "resp", "vs", "ca", "coll", "dir", "trad",
	"op", "cit", "ibid", "id", "suiv", "sq", "n°", "no", "nos", "réf",
	"spp", "anc", "dép", "arr", "esp", "sté", "ets", "inf", "sup",
	"Cie", "Jr", "Sr",
};

struct nsum_lang {
	strmap words;     /* stopword or weak term -> LANG_* bits */
	strmap abbr;      /* abbreviation -> nsum_abbr */
};

/* Add the n words of a list to m with bit list.  0, or -1 on no memory. */
static int load_words(strmap *m, const char *const *words, size_t n,
	unsigned list)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t *v = strmap_slot(m, words[i], strlen(words[i]));

		if (!v)
			return -1;
		*v |= list;
	}
	return 0;
}

nsum_lang *nsum_lang_create(nsum_error *err)
{
	nsum_lang *lang = mem_calloc(1, sizeof(*lang));
	size_t i;
	int rc = 0;

	if (!lang)
		goto nomem;
	strmap_init(&lang->words);
	strmap_init(&lang->abbr);
	/* Room for all three lists at once (most words are on one only). */
	rc |= strmap_reserve(&lang->words, nsum_stopwords_fr_terms_count +
		nsum_stopwords_fr_count + nsum_stopwords_en_count);
	rc |= load_words(&lang->words, nsum_stopwords_fr_terms,
		nsum_stopwords_fr_terms_count, LANG_WEAK);
	rc |= load_words(&lang->words, nsum_stopwords_fr, nsum_stopwords_fr_count,
		LANG_STOP_FR);
	rc |= load_words(&lang->words, nsum_stopwords_en, nsum_stopwords_en_count,
		LANG_STOP_EN);
	for (i = 0; i < sizeof(titles) / sizeof(*titles) && !rc; i++)
		rc |= strmap_put(&lang->abbr, titles[i], strlen(titles[i]),
			NSUM_ABBR_TITLE);
	for (i = 0; i < sizeof(others) / sizeof(*others) && !rc; i++)
		rc |= strmap_put(&lang->abbr, others[i], strlen(others[i]),
			NSUM_ABBR_OTHER);
	if (rc)
		goto nomem;
	return lang;
nomem:
	nsum_lang_destroy(lang);
	nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	return NULL;
}

void nsum_lang_destroy(nsum_lang *lang)
{
	if (!lang)
		return;
	strmap_finish(&lang->words);
	strmap_finish(&lang->abbr);
	nsum_free(lang);
}

unsigned lang_word_lists(const nsum_lang *lang, const char *word, size_t len)
{
	uint32_t v = 0;

	strmap_get(&lang->words, word, len, &v);
	return v;
}

bool nsum_lang_is_stopword(const nsum_lang *lang, nsum_lang_id id,
	const char *word, size_t len)
{
	if (id != NSUM_LANG_FR && id != NSUM_LANG_EN)
		return false;
	return (lang_word_lists(lang, word, len) &
		(id == NSUM_LANG_FR ? LANG_STOP_FR : LANG_STOP_EN)) != 0;
}

/* Whether w[0..n) ends with the literal suffix, with more than one byte
 * before it. */
#define ENDS_WITH(w, n, suffix) \
	((n) > sizeof(suffix) && \
	 memcmp((w) + (n) - (sizeof(suffix) - 1), suffix, sizeof(suffix) - 1) == 0)

bool nsum_lang_is_weak_term(const nsum_lang *lang, const char *word,
	size_t len)
{
	/* A stopword of either language, or on the weak-term list. */
	return lang_word_lists(lang, word, len) != 0;
}

bool nsum_lang_is_verb_form(const char *word, size_t len)
{
	/* Every ending below ends in t: most words are out at once. */
	if (len < 6 || word[len - 1] != 't')
		return false;
	if (ENDS_WITH(word, len, "emment") || ENDS_WITH(word, len, "amment") ||
		ENDS_WITH(word, len, "aient") || ENDS_WITH(word, len, "erait") ||
		ENDS_WITH(word, len, "eront") ||
		ENDS_WITH(word, len, "\xC3\xA8rent")) /* -èrent */
		return true;
	/* -ront is a future only in longer words: not front, affront(s). */
	return len > 7 && ENDS_WITH(word, len, "ront") &&
		!ENDS_WITH(word, len, "affront");
}

nsum_abbr nsum_lang_abbreviation(const nsum_lang *lang, const char *word,
	size_t len)
{
	uint32_t v;
	char low[16];

	if (strmap_get(&lang->abbr, word, len, &v))
		return (nsum_abbr)v;
	/* "Cf", "Etc", "Av" at the start of a sentence. */
	if (len >= 2 && len < sizeof(low) && word[0] >= 'A' && word[0] <= 'Z') {
		memcpy(low, word, len);
		low[0] = (char)(low[0] | 0x20);
		if (strmap_get(&lang->abbr, low, len, &v) && v == NSUM_ABBR_OTHER)
			return NSUM_ABBR_OTHER;
	}
	return NSUM_ABBR_NONE;
}

/* Whether s[0..n) holds a letter only French uses among the two. */
static bool has_french_letter(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp;

		i += u8_decode(s, n, i, &cp);
		switch (cp) {
		case 0xE0: case 0xE2: case 0xE7: case 0xE8: case 0xE9: case 0xEA:
		case 0xEB: case 0xEE: case 0xEF: case 0xF4: case 0xF9: case 0xFB:
		case 0x153:
			return true;
		}
	}
	return false;
}

void lang_tally_word(lang_tally *t, const char *low, size_t len, bool elided,
	bool fr_stop, bool en_stop)
{
	bool isfr = elided || fr_stop || has_french_letter(low, len);

	if (isfr && !en_stop)
		t->fr++;
	else if (en_stop && !isfr)
		t->en++;
}

/*
 * The guess counts words that are stopwords of one language and not of the
 * other; a word with a French-only letter (é, è, ç, œ ...) or an elided
 * article (l', d', qu') counts for French.  English wins with at least 3
 * such words and more than twice as many as French; French wins with at
 * least 2 and more than English.  Otherwise the answer is unknown.
 */
nsum_lang_id lang_tally_verdict(const lang_tally *t)
{
	if (t->en >= 3 && t->en > 2 * t->fr)
		return NSUM_LANG_EN;
	if (t->fr >= 2 && t->fr > t->en)
		return NSUM_LANG_FR;
	return NSUM_LANG_UNKNOWN;
}

nsum_lang_id nsum_lang_guess(const nsum_lang *lang, const char *text,
	size_t len)
{
	lang_tally t = { 0, 0 };
	size_t pos = 0;
	nsum_word w;
	nsum_buf low;

	buf_init(&low);
	while (nsum_word_next(text, len, &pos, &w)) {
		if (w.kind != NSUM_WORD_ALPHA)
			continue;
		buf_clear(&low);
		if (u8_lower_append(&low, text + w.start, w.end - w.start) < 0)
			break;
		lang_tally_word(&t, low.data, low.len, w.elided,
			nsum_lang_is_stopword(lang, NSUM_LANG_FR, low.data, low.len),
			nsum_lang_is_stopword(lang, NSUM_LANG_EN, low.data, low.len));
	}
	buf_finish(&low);
	return lang_tally_verdict(&t);
}
