/*
 * Unit tests for the split stage (src/split/split.c).
 *
 * Most tests split a string and compare the sentences, as text, with the
 * expected list (assert_split); each rule is tested both ways, with a case
 * that must split and a near twin that must not.  Segments come from
 * nsum_segments_all() (every line a paragraph) or, for hard wraps and
 * paragraphs, from a layout string that says for each line whether it
 * starts a paragraph, continues one or was dropped (segs_layout).  The
 * last tests feed pathological and random input, check the invariants of
 * the output, and make every allocation fail in turn.  All the French text
 * here was written for these tests.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nsum/alloc.h"
#include "nsum/split.h"
#include "util/utf8.h"

enum {
	MAX_SENTS = 64, /* most sentences assert_split() compares */
};

/* The language data shared by the tests (created in group_setup). */
static int group_setup(void **state)
{
	nsum_lang *lang = nsum_lang_create(NULL);

	if (!lang)
		return -1;
	*state = lang;
	return 0;
}

static int group_teardown(void **state)
{
	nsum_lang_destroy(*state);
	return 0;
}

/*
 * Segments for text by layout: one character per line, 'P' for a line that
 * starts a paragraph, '.' for one that continues the paragraph, '-' for a
 * dropped line (no segment; the next kept line starts a paragraph, as the
 * cleaner does).  Returns a malloc'ed array (count in *n).
 */
static nsum_segment *segs_layout(const char *text, const char *layout,
	size_t *n)
{
	size_t len = strlen(text), nl = strlen(layout), i, start = 0, line = 0;
	nsum_segment *segs = calloc(nl + 1, sizeof(*segs));
	bool after_drop = false;

	assert_non_null(segs);
	*n = 0;
	for (i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		assert_true(line < nl);
		if (layout[line] == '-') {
			after_drop = true;
		} else {
			segs[*n].start = start;
			segs[*n].end = i;
			segs[*n].line = line + 1;
			segs[*n].flags = layout[line] == 'P' || after_drop ?
				NSUM_SEG_PARAGRAPH : 0;
			(*n)++;
			after_drop = false;
		}
		line++;
		start = i + 1;
	}
	assert_int_equal(line, nl);
	return segs;
}

/* Split text with the given segments (or nsum_segments_all's if NULL). */
static void split_with(const nsum_lang *lang, const char *text,
	const nsum_segment *given, size_t ngiven, nsum_sentences *out)
{
	nsum_segment *segs = NULL;
	nsum_error err;
	size_t n = ngiven;

	nsum_error_init(&err);
	if (!given) {
		assert_int_equal(nsum_segments_all(text, strlen(text), &segs,
			&n, &err), NSUM_OK);
		given = segs;
	}
	assert_int_equal(nsum_split(lang, text, given, n, out, &err), NSUM_OK);
	nsum_free(segs);
}

/* Print the sentences of out, for a failure message. */
static void print_sentences(const char *text, const nsum_sentences *out)
{
	size_t i;

	for (i = 0; i < out->count; i++)
		print_error("  got[%zu] = \"%.*s\"\n", i,
			(int)(out->items[i].end - out->items[i].start),
			text + out->items[i].start);
}

/*
 * Assert that the sentences of out are exactly the strings in want[0..n).
 */
static void compare(const char *text, const nsum_sentences *out,
	const char *const *want, size_t n)
{
	size_t i;
	bool ok = out->count == n;

	for (i = 0; ok && i < n; i++) {
		const nsum_sentence *s = &out->items[i];

		ok = s->end - s->start == strlen(want[i]) &&
			memcmp(text + s->start, want[i], strlen(want[i])) == 0;
	}
	if (!ok) {
		print_error("split of \"%s\":\n", text);
		print_sentences(text, out);
		for (i = 0; i < n; i++)
			print_error("  want[%zu] = \"%s\"\n", i, want[i]);
		fail_msg("sentences differ");
	}
}

/*
 * Split text (every line a segment) and assert that the sentences are the
 * strings given after it, up to a NULL.
 */
static void assert_split(const nsum_lang *lang, const char *text, ...)
{
	const char *want[MAX_SENTS];
	nsum_sentences out;
	size_t n = 0;
	va_list ap;

	va_start(ap, text);
	while (n < MAX_SENTS && (want[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	split_with(lang, text, NULL, 0, &out);
	compare(text, &out, want, n);
	nsum_sentences_finish(&out);
}

/* Same as assert_split with the segments of segs_layout(text, layout). */
static void assert_split_layout(const nsum_lang *lang, const char *text,
	const char *layout, ...)
{
	const char *want[MAX_SENTS];
	nsum_sentences out;
	nsum_segment *segs;
	size_t n = 0, nsegs;
	va_list ap;

	va_start(ap, layout);
	while (n < MAX_SENTS && (want[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	segs = segs_layout(text, layout, &nsegs);
	split_with(lang, text, segs, nsegs, &out);
	compare(text, &out, want, n);
	nsum_sentences_finish(&out);
	free(segs);
}

/* Split text and return the number of sentences. */
static size_t count_sentences(const nsum_lang *lang, const char *text)
{
	nsum_sentences out;
	size_t n;

	split_with(lang, text, NULL, 0, &out);
	n = out.count;
	nsum_sentences_finish(&out);
	return n;
}

static void test_final_punctuation(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "Le train part. Il arrive à midi.",
		"Le train part.", "Il arrive à midi.", NULL);
	assert_split(lang, "Qui part ? Personne ! Vraiment ?! Oui !!",
		"Qui part ?", "Personne !", "Vraiment ?!", "Oui !!", NULL);
	assert_split(lang, "Il attend... Rien ne vient.",
		"Il attend...", "Rien ne vient.", NULL);
	/* the run ends the sentence, wherever the spaces are */
	assert_split(lang, "Vraiment?! Oui.", "Vraiment?!", "Oui.", NULL);
	/* no split without a sentence start after the space */
	assert_split(lang, "Il est parti. et puis rien.",
		"Il est parti. et puis rien.", NULL);
	assert_split(lang, "Qui ? lui.", "Qui ? lui.", NULL);
	/* a colon or a semicolon never ends a sentence */
	assert_split(lang, "Il a dit : Oui ; Non.",
		"Il a dit : Oui ; Non.", NULL);
}

static void test_no_break_spaces(void **state)
{
	const nsum_lang *lang = *state;

	/* U+00A0 and U+202F before ? ! and after the period */
	assert_split(lang, "Qui vient\u202f? Lui\u00a0! Le soir.\u00a0Fin.",
		"Qui vient\u202f?", "Lui\u00a0!", "Le soir.", "Fin.", NULL);
	assert_split(lang, "Qui vient\u202f? lui\u00a0!",
		"Qui vient\u202f? lui\u00a0!", NULL);
}

static void test_sentence_starts(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "Il pleut. 3 trains sont annulés.",
		"Il pleut.", "3 trains sont annulés.", NULL);
	assert_split(lang, "Il pleut. « Quel temps », dit-il.",
		"Il pleut.", "« Quel temps », dit-il.", NULL);
	assert_split(lang, "Il pleut. “quel temps”, dit-il.",
		"Il pleut.", "“quel temps”, dit-il.", NULL);
	assert_split(lang, "Il pleut. — Et demain ?",
		"Il pleut.", "— Et demain ?", NULL);
	assert_split(lang, "Il pleut. – Et demain ?",
		"Il pleut.", "– Et demain ?", NULL);
	assert_split(lang, "Trois points. • Le premier.",
		"Trois points.", "• Le premier.", NULL);
	assert_split(lang, "Il pleut. (Il pleuvra encore.) Le soir.",
		"Il pleut.", "(Il pleuvra encore.)", "Le soir.", NULL);
	assert_split(lang, "Il pleut. [Note] Le soir.",
		"Il pleut.", "[Note] Le soir.", NULL);
	/* a bracket or a straight quote needs a capital or a digit after */
	assert_split(lang, "Il pleut. (voir plus bas) et il vente.",
		"Il pleut. (voir plus bas) et il vente.", NULL);
	assert_split(lang, "Il pleut. \"Quel temps\", dit-il.",
		"Il pleut.", "\"Quel temps\", dit-il.", NULL);
	/* a list number stays with its item */
	assert_split(lang, "1. Le départ. 2. Le retour.",
		"1. Le départ.", "2. Le retour.", NULL);
}

static void test_guillemets(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "« Nous avons réussi. » a affirmé le conseiller.",
		"« Nous avons réussi. » a affirmé le conseiller.", NULL);
	assert_split(lang,
		"Il promet un accord « robuste ». L'Élysée précise la date.",
		"Il promet un accord « robuste ».",
		"L'Élysée précise la date.", NULL);
	assert_split(lang, "« Qui viendra ? » demande-t-il.",
		"« Qui viendra ? » demande-t-il.", NULL);
	assert_split(lang, "Il a dit : « C'est fini ! » Puis il est parti.",
		"Il a dit : « C'est fini ! »", "Puis il est parti.", NULL);
	/* the closing guillemet after a no-break space */
	assert_split(lang, "Il a dit : «\u00a0C'est fini\u00a0!\u00a0» Puis "
		"il est parti.", "Il a dit : «\u00a0C'est fini\u00a0!\u00a0»",
		"Puis il est parti.", NULL);
	assert_split(lang, "« Nous partons. » La salle se vide.",
		"« Nous partons. »", "La salle se vide.", NULL);
}

static void test_other_quotes(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "“Nous avons réussi.” a dit le maire.",
		"“Nous avons réussi.” a dit le maire.", NULL);
	assert_split(lang, "“Nous avons réussi.” Le maire sourit.",
		"“Nous avons réussi.”", "Le maire sourit.", NULL);
	assert_split(lang, "\"Nous avons réussi.\" a dit le maire.",
		"\"Nous avons réussi.\" a dit le maire.", NULL);
	assert_split(lang, "Il a dit : \"C'est fini !\" Puis il est parti.",
		"Il a dit : \"C'est fini !\"", "Puis il est parti.", NULL);
	/* spaces on both sides: parity says the quote closes ... */
	assert_split(lang, "Il a dit : \"C'est fini ! \" Puis il est parti.",
		"Il a dit : \"C'est fini ! \"", "Puis il est parti.", NULL);
	/* ... or opens */
	assert_split(lang, "Il hésite. \" Oui \", dit-il.",
		"Il hésite.", "\" Oui \", dit-il.", NULL);
}

static void test_titles(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "Il a vu M. Dupont. Puis il est parti.",
		"Il a vu M. Dupont.", "Puis il est parti.", NULL);
	assert_split(lang, "MM. Martin et Petit sont là. Mme. Durand aussi.",
		"MM. Martin et Petit sont là.", "Mme. Durand aussi.", NULL);
	assert_split(lang, "Le Dr. Martin et le Pr. Petit ont signé.",
		"Le Dr. Martin et le Pr. Petit ont signé.", NULL);
	assert_split(lang, "Il habite rue St. Martin. Elle aussi.",
		"Il habite rue St. Martin.", "Elle aussi.", NULL);
	/* titles match with their case only: "me" is a pronoun */
	assert_split(lang, "Il ne me. Le reste manque.",
		"Il ne me.", "Le reste manque.", NULL);
}

static void test_other_abbreviations(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "Des pommes, des poires, etc. Le lendemain, rien.",
		"Des pommes, des poires, etc.", "Le lendemain, rien.", NULL);
	assert_split(lang, "Des pommes, des poires, etc. et des prunes.",
		"Des pommes, des poires, etc. et des prunes.", NULL);
	/* what follows an abbreviation must be a word, not an initial */
	assert_split(lang, "Il est né en 52 av. J.-C. et mort en 20 apr. J.-C.",
		"Il est né en 52 av. J.-C. et mort en 20 apr. J.-C.", NULL);
	assert_split(lang, "Il est mort en 20 av. J.-C. 30 ans plus tard, rien.",
		"Il est mort en 20 av. J.-C. 30 ans plus tard, rien.", NULL);
	assert_split(lang, "Il est mort en 20 av. J.-C. Les Romains pleurent.",
		"Il est mort en 20 av. J.-C.", "Les Romains pleurent.", NULL);
	/* J.-C. without the era before it is a name's initials */
	assert_split(lang, "Il a croisé J.-C. Decaux hier.",
		"Il a croisé J.-C. Decaux hier.", NULL);
	assert_split(lang, "Voir l'art. 12 du code. Le juge tranche.",
		"Voir l'art. 12 du code.", "Le juge tranche.", NULL);
	assert_split(lang, "Voir p. 12 et cf. le code. Il conclut.",
		"Voir p. 12 et cf. le code.", "Il conclut.", NULL);
	assert_split(lang, "Le 3 janv. Il neige.", "Le 3 janv.",
		"Il neige.", NULL);
	assert_split(lang, "Le 3 janv. 2025, il neige.",
		"Le 3 janv. 2025, il neige.", NULL);
	/* c.-à-d. is dotted initials */
	assert_split(lang, "Le chef, c.-à-d. Le Maire, parle.",
		"Le chef, c.-à-d. Le Maire, parle.", NULL);
}

static void test_no_language(void **state)
{
	(void)state;
	/* without language data no abbreviation is known ... */
	assert_split(NULL, "Il a vu Mme. Dupont.", "Il a vu Mme.",
		"Dupont.", NULL);
	assert_split(NULL, "Des pommes, etc. Le lendemain, rien.",
		"Des pommes, etc.", "Le lendemain, rien.", NULL);
	/* ... but initials and acronyms still hold */
	assert_split(NULL, "Il a vu M. Dupont et J.-C. Martin aux U.S.A. hier.",
		"Il a vu M. Dupont et J.-C. Martin aux U.S.A. hier.", NULL);
	assert_split(NULL, "pays.Pour finir", "pays.", "Pour finir", NULL);
}

static void test_initials_acronyms(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "Il a vu J. Dupont hier.",
		"Il a vu J. Dupont hier.", NULL);
	assert_split(lang, "Il vit aux U.S.A. Depuis 2010, il y travaille.",
		"Il vit aux U.S.A. Depuis 2010, il y travaille.", NULL);
	assert_split(lang, "La S.N.C.F. Annonce des retards.",
		"La S.N.C.F. Annonce des retards.", NULL);
	/* a capital followed by a letter is a word, not an initial */
	assert_split(lang, "Il a voté NON. Le oui gagne.",
		"Il a voté NON.", "Le oui gagne.", NULL);
	assert_split(lang, "Il a un Ph.D. de Lyon.",
		"Il a un Ph.D. de Lyon.", NULL);
}

static void test_numbers(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "Il y a 20.000 soldats, 2,5 milliards et 3.5 %.",
		"Il y a 20.000 soldats, 2,5 milliards et 3.5 %.", NULL);
	assert_split(lang, "Le 1er mai à 19h30, soit 90 % des cas.",
		"Le 1er mai à 19h30, soit 90 % des cas.", NULL);
	assert_split(lang, "La date du 12.5.2025 est fixée.",
		"La date du 12.5.2025 est fixée.", NULL);
	/* a number after a period and a space starts a sentence */
	assert_split(lang, "Il est né en 1950. 3 ans plus tard, il part.",
		"Il est né en 1950.", "3 ans plus tard, il part.", NULL);
	/* a glued year before a capitalized word is a glued sentence */
	assert_split(lang, "Il est né en 1950.Trois ans plus tard, il part.",
		"Il est né en 1950.", "Trois ans plus tard, il part.", NULL);
}

static void test_ellipsis(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "Il hésite… Puis il part… vers Paris.",
		"Il hésite…", "Puis il part… vers Paris.", NULL);
	assert_split(lang, "Il a compté 1, 2… 3 et 4.",
		"Il a compté 1, 2… 3 et 4.", NULL);
	assert_split(lang, "Il hésite... « Non », dit-il.",
		"Il hésite...", "« Non », dit-il.", NULL);
	assert_split(lang, "Il hésite... « non », dit-il.",
		"Il hésite... « non », dit-il.", NULL);
	assert_split(lang, "Il cite le texte (...) Trop long.",
		"Il cite le texte (...) Trop long.", NULL);
	assert_split(lang, "Il cite le texte […] Trop long.",
		"Il cite le texte […] Trop long.", NULL);
	assert_split(lang, "Il cite le texte … Trop long.",
		"Il cite le texte …", "Trop long.", NULL);
}

static void test_glued(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "Il vit dans ce pays.Pour justifier ce choix, "
		"il cite les Pyrénées.Alors que l'armée.L'armée part.",
		"Il vit dans ce pays.", "Pour justifier ce choix, il cite les "
		"Pyrénées.", "Alors que l'armée.", "L'armée part.", NULL);
	assert_split(lang, "Il a exprimé un \"soupçon\"Après cela, il part.",
		"Il a exprimé un \"soupçon\"", "Après cela, il part.", NULL);
	assert_split(lang, "C'est un accord robuste».Alors il signe.",
		"C'est un accord robuste».", "Alors il signe.", NULL);
	assert_split(lang, "Un ancien médecin.\"L'unité d'abord\"Puis rien.",
		"Un ancien médecin.", "\"L'unité d'abord\"", "Puis rien.", NULL);
	assert_split(lang, "Il dit \"non\".\"Je pars\", dit-il.",
		"Il dit \"non\".", "\"Je pars\", dit-il.", NULL);
	assert_split(lang, "Le plan est prêt.• Fin du dispositif.",
		"Le plan est prêt.", "• Fin du dispositif.", NULL);
	assert_split(lang, "Le plan est prêt.« Nous signons », dit-il.",
		"Le plan est prêt.", "« Nous signons », dit-il.", NULL);
	/* A and À as one-letter words */
	assert_split(lang, "Il rentre.A Paris, il pleut.À Lyon aussi.",
		"Il rentre.", "A Paris, il pleut.", "À Lyon aussi.", NULL);
	/* the space French puts before ? and ! */
	assert_split(lang, "Est-ce utile ?En revanche, non.",
		"Est-ce utile ?", "En revanche, non.", NULL);
	/* a heading glued to what follows */
	assert_split(lang, "Des jugements « alarmistes »Outre cela, rien.",
		"Des jugements « alarmistes »", "Outre cela, rien.", NULL);
	assert_split(lang, "Un soutien confidentiel\"Pour les cas graves, "
		"oui\", dit-il.", "Un soutien confidentiel",
		"\"Pour les cas graves, oui\", dit-il.", NULL);
	assert_split(lang, "Il y a péril\"\"Ça suffit\", dit-il.",
		"Il y a péril\"", "\"Ça suffit\", dit-il.", NULL);
	/* a title after a glued period */
	assert_split(lang, "Il part \"tout de suite\".M. Dupont reste.",
		"Il part \"tout de suite\".", "M. Dupont reste.", NULL);
	assert_split(lang, "Des pommes, etc.Le soir, rien.",
		"Des pommes, etc.", "Le soir, rien.", NULL);
}

static void test_glued_not(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "Son iPhone et YouTube marchent.",
		"Son iPhone et YouTube marchent.", NULL);
	assert_split(lang, "Voir lemonde.fr et www.Example.com/a.Bc ici.",
		"Voir lemonde.fr et www.Example.com/a.Bc ici.", NULL);
	assert_split(lang, "Voir https://t.co/AbC et pic.twitter.com/X ici.",
		"Voir https://t.co/AbC et pic.twitter.com/X ici.", NULL);
	assert_split(lang, "Voir https://site.fr/page.Html?Id=3 ici.",
		"Voir https://site.fr/page.Html?Id=3 ici.", NULL);
	assert_split(lang, "Écrire à jean.Dupont@example.fr ou Jean.Petit@Ex."
		"Fr demain.", "Écrire à jean.Dupont@example.fr ou Jean.Petit@Ex."
		"Fr demain.", NULL);
	assert_split(lang, "Voir photo.JPG et image.Jpeg ici.",
		"Voir photo.JPG et image.Jpeg ici.", NULL);
	/* M.Dupont and Mme.Dupont: a title glued to the name, no split */
	assert_split(lang, "Il a vu M.Dupont et Mme.Durand hier.",
		"Il a vu M.Dupont et Mme.Durand hier.", NULL);
	/* an upper-case letter before the period: acronym */
	assert_split(lang, "Les U.S.A.Ils sont loin.",
		"Les U.S.A.Ils sont loin.", NULL);
	/* two capitals after the period: not a word */
	assert_split(lang, "Le pays.ONU et OTAN.", "Le pays.ONU et OTAN.",
		NULL);
	/* a quote glued to a capital needs a lower-case letter before it */
	assert_split(lang, "Le \"OUI\"Non reste.", "Le \"OUI\"Non reste.",
		NULL);
	assert_split(lang, "Le « OUI »Non reste.", "Le « OUI »Non reste.",
		NULL);
}

static void test_urls(void **state)
{
	const nsum_lang *lang = *state;

	/* a period after a URL still ends the sentence */
	assert_split(lang, "Voir https://example.com/a.b. Le lendemain, rien.",
		"Voir https://example.com/a.b.", "Le lendemain, rien.", NULL);
	assert_split(lang, "Voir www.example.fr.Le lendemain, rien.",
		"Voir www.example.fr.Le lendemain, rien.", NULL);
	/* a bullet cannot go on a URL */
	assert_split(lang, "Voir www.example.fr.• Le lendemain.",
		"Voir www.example.fr.", "• Le lendemain.", NULL);
	assert_split(lang, "Écrire à jean.dupont@example.fr. Il répond.",
		"Écrire à jean.dupont@example.fr.", "Il répond.", NULL);
}

static void test_flags_and_lines(void **state)
{
	const nsum_lang *lang = *state;
	const char *text = "Le titre du jour\n\nIl pleut. Il vente.Le soir "
		"tombe.\n- - -\nUne ligne\n";
	nsum_segment *segs;
	nsum_sentences out;
	size_t n, i;

	segs = segs_layout(text, "P-P.P-", &n);
	split_with(lang, text, segs, n, &out);
	free(segs);
	assert_int_equal(out.count, 5);
	assert_int_equal(out.items[0].flags,
		NSUM_SENT_HEADING | NSUM_SENT_PARAGRAPH);
	assert_int_equal(out.items[0].line, 1);
	assert_int_equal(out.items[0].paragraph, 0);
	assert_int_equal(out.items[1].flags, NSUM_SENT_PARAGRAPH);
	assert_int_equal(out.items[1].line, 3);
	assert_int_equal(out.items[1].paragraph, 1);
	assert_int_equal(out.items[2].flags, 0);
	assert_int_equal(out.items[2].paragraph, 1);
	assert_int_equal(out.items[3].flags, NSUM_SENT_GLUED);
	assert_int_equal(out.items[3].start, strstr(text, "Le soir") - text);
	assert_int_equal(out.items[3].end,
		strstr(text, "tombe.") + 6 - text);
	/* "- - -" gives no sentence; paragraph indices stay dense */
	assert_int_equal(out.items[4].flags,
		NSUM_SENT_HEADING | NSUM_SENT_PARAGRAPH);
	assert_int_equal(out.items[4].line, 5);
	assert_int_equal(out.items[4].paragraph, 2);
	for (i = 0; i < out.count; i++)
		assert_int_equal(out.items[i].drop, NSUM_KEEP);
	nsum_sentences_finish(&out);
	assert_null(out.items);
	assert_int_equal(out.count, 0);
	nsum_sentences_finish(NULL);
	/* a paragraph whose first line gives no sentence: the next does */
	segs = segs_layout(text, "P-P-P.", &n);
	split_with(lang, text, segs, n, &out);
	free(segs);
	assert_int_equal(out.count, 5);
	assert_int_equal(out.items[4].flags,
		NSUM_SENT_HEADING | NSUM_SENT_PARAGRAPH);
	assert_int_equal(out.items[4].paragraph, 2);
	nsum_sentences_finish(&out);
}

static void test_headings(void **state)
{
	const nsum_lang *lang = *state;
	const char *text = "Un titre\nUne phrase.\nUne autre, puis\n"
		"« Une citation »\nIl a dit :\nEt enfin ?»\n";
	nsum_sentences out;
	unsigned want[] = { NSUM_SENT_HEADING, 0, NSUM_SENT_HEADING,
		NSUM_SENT_HEADING, 0, 0 };
	size_t i;

	split_with(lang, text, NULL, 0, &out);
	assert_int_equal(out.count, 6);
	for (i = 0; i < out.count; i++)
		assert_int_equal(out.items[i].flags & NSUM_SENT_HEADING,
			want[i]);
	nsum_sentences_finish(&out);
	/* a line without final punctuation that was split is no heading */
	split_with(lang, "Une phrase. Puis la suite", NULL, 0, &out);
	assert_int_equal(out.count, 2);
	assert_int_equal(out.items[1].flags & NSUM_SENT_HEADING, 0);
	nsum_sentences_finish(&out);
}

static void test_hard_wrap(void **state)
{
	const nsum_lang *lang = *state;
	const char *text = "Le ministre a annoncé\nune réforme. Elle vient\n"
		"demain.";
	nsum_segment *segs;
	nsum_sentences out;
	size_t n;

	assert_split_layout(lang, text, "P..",
		"Le ministre a annoncé\nune réforme.", "Elle vient\ndemain.",
		NULL);
	segs = segs_layout(text, "P..", &n);
	split_with(lang, text, segs, n, &out);
	free(segs);
	assert_int_equal(out.count, 2);
	assert_int_equal(out.items[0].line, 1);
	assert_int_equal(out.items[0].flags, NSUM_SENT_PARAGRAPH);
	assert_int_equal(out.items[1].line, 2);
	assert_int_equal(out.items[1].flags, 0);
	nsum_sentences_finish(&out);
	/* three lines */
	assert_split_layout(lang, "Il faut\nque tout\nchange.", "P..",
		"Il faut\nque tout\nchange.", NULL);
	/* joined but without final punctuation: not a heading */
	segs = segs_layout("Un titre\nen deux", "P.", &n);
	split_with(lang, "Un titre\nen deux", segs, n, &out);
	free(segs);
	assert_int_equal(out.count, 1);
	assert_int_equal(out.items[0].flags, NSUM_SENT_PARAGRAPH);
	nsum_sentences_finish(&out);
	/* the near twins that do not join */
	assert_split_layout(lang, "Le ministre a annoncé\nUne réforme.", "P.",
		"Le ministre a annoncé", "Une réforme.", NULL);
	assert_split_layout(lang, "Le ministre a annoncé.\nune réforme.",
		"P.", "Le ministre a annoncé.", "une réforme.", NULL);
	assert_split_layout(lang, "Le ministre a dit :\nune réforme.", "P.",
		"Le ministre a dit :", "une réforme.", NULL);
	assert_split_layout(lang, "Le « mot »\nune réforme.", "P.",
		"Le « mot »", "une réforme.", NULL);
	assert_split_layout(lang, "Le ministre a annoncé\nune réforme.", "PP",
		"Le ministre a annoncé", "une réforme.", NULL);
	assert_split_layout(lang, "Le ministre a annoncé\npub\nune réforme.",
		"P-.", "Le ministre a annoncé", "une réforme.", NULL);
	/* text the cleaner dropped between two pieces stops the join */
	{
		const char *t = "Le ministre XX\nune réforme.";
		nsum_segment two[2];

		memset(two, 0, sizeof(two));
		two[0].start = 0;
		two[0].end = strlen("Le ministre");
		two[0].line = 1;
		two[0].flags = NSUM_SEG_PARAGRAPH;
		two[1].start = strlen("Le ministre XX\n");
		two[1].end = strlen(t);
		two[1].line = 2;
		split_with(lang, t, two, 2, &out);
		assert_int_equal(out.count, 2);
		nsum_sentences_finish(&out);
		two[0].end = strlen("Le ministre XX");
		split_with(lang, t, two, 2, &out);
		assert_int_equal(out.count, 1);
		assert_int_equal(out.items[0].start, 0);
		assert_int_equal(out.items[0].end, strlen(t));
		nsum_sentences_finish(&out);
	}
}

static void test_symbols_only(void **state)
{
	const nsum_lang *lang = *state;
	nsum_sentences out;

	assert_split(lang, "***\n---\n« … »\n\nIl pleut.\n!!!",
		"Il pleut.", NULL);
	split_with(lang, "", NULL, 0, &out);
	assert_int_equal(out.count, 0);
	nsum_sentences_finish(&out);
	split_with(lang, "x", NULL, 0, &out);
	assert_int_equal(out.count, 1);
	nsum_sentences_finish(&out);
	{
		nsum_segment none = { 0, 0, 1, NSUM_SEG_PARAGRAPH };

		split_with(lang, "Rien", &none, 0, &out);
		assert_int_equal(out.count, 0);
		nsum_sentences_finish(&out);
		/* an empty segment gives nothing */
		split_with(lang, "Rien", &none, 1, &out);
		assert_int_equal(out.count, 0);
	}
	nsum_sentences_finish(&out);
}

static void test_trimmed_spans(void **state)
{
	const nsum_lang *lang = *state;
	const char *text = "  \u00a0Il pleut.   Il vente. \t\n";
	nsum_sentences out;

	split_with(lang, text, NULL, 0, &out);
	assert_int_equal(out.count, 2);
	assert_int_equal(out.items[0].start, 4);
	assert_int_equal(out.items[0].end, 13);
	assert_int_equal(out.items[1].start, 16);
	assert_int_equal(out.items[1].end, 25);
	nsum_sentences_finish(&out);
}

static void test_unicode(void **state)
{
	const nsum_lang *lang = *state;

	assert_split(lang, "Bravo 🎉. Le 👍 suit. 😀 Fin.",
		"Bravo 🎉.", "Le 👍 suit. 😀 Fin.", NULL);
	/* combining marks (not NFC), right-to-left text, a lone mark */
	assert_split(lang, "Le cafe\u0301. E\u0301te\u0301 chaud.",
		"Le cafe\u0301.", "E\u0301te\u0301 chaud.", NULL);
	assert_split(lang, "Il a dit مرحبا. Le soir שלום.",
		"Il a dit مرحبا.", "Le soir שלום.", NULL);
	/* control characters the reader replaced by spaces, a BOM inside */
	assert_split(lang, "Il pleut. \ufeffLe soir.", "Il pleut.",
		"Le soir.", NULL);
}

/* Build a string of n copies of unit (n * strlen(unit) bytes). */
static char *repeat(const char *unit, size_t n)
{
	size_t len = strlen(unit), i;
	char *s = malloc(n * len + 1);

	assert_non_null(s);
	for (i = 0; i < n; i++)
		memcpy(s + i * len, unit, len);
	s[n * len] = '\0';
	return s;
}

static void test_pathological(void **state)
{
	const nsum_lang *lang = *state;
	nsum_sentences out;
	char *s;

	/* 10 MB line without punctuation: one heading */
	s = repeat("mot ", 10 << 18);
	split_with(lang, s, NULL, 0, &out);
	assert_int_equal(out.count, 1);
	assert_int_equal(out.items[0].flags,
		NSUM_SENT_HEADING | NSUM_SENT_PARAGRAPH);
	nsum_sentences_finish(&out);
	free(s);
	/* 10 MB token: one word, no space */
	s = repeat("a", 10 << 20);
	assert_int_equal(count_sentences(lang, s), 1);
	free(s);
	/* 1 MB of "a.": one sentence (no capital anywhere) */
	s = repeat("a.", 1 << 19);
	assert_int_equal(count_sentences(lang, s), 1);
	free(s);
	s = repeat("a. ", 1 << 18);
	assert_int_equal(count_sentences(lang, s), 1);
	free(s);
	/* 1 MB of short sentences, spaced and glued (one 1 MB token) */
	s = repeat("Oui. ", 1 << 18);
	assert_int_equal(count_sentences(lang, s), 1 << 18);
	free(s);
	s = repeat("Non.", 1 << 18);
	assert_int_equal(count_sentences(lang, s), 1 << 18);
	free(s);
	s = repeat("Mme. ", 1 << 18);
	assert_int_equal(count_sentences(lang, s), 1);
	free(s);
	s = repeat("U.", 1 << 19);
	assert_int_equal(count_sentences(lang, s), 1);
	free(s);
	/* long runs of punctuation, quotes, spaces, openers and closers */
	s = repeat(".", 1 << 20);
	assert_int_equal(count_sentences(lang, s), 0);
	free(s);
	s = repeat("\"", 1 << 20);
	assert_int_equal(count_sentences(lang, s), 0);
	free(s);
	s = repeat("a\"", 1 << 19);
	assert_int_equal(count_sentences(lang, s), 1);
	free(s);
	s = repeat("a\"\"B", 1 << 18);
	assert_int_equal(count_sentences(lang, s), 1 << 18);
	free(s);
	s = repeat("« ", 1 << 19);
	assert_int_equal(count_sentences(lang, s), 0);
	free(s);
	s = repeat(" » ", 1 << 18);
	assert_int_equal(count_sentences(lang, s), 0);
	free(s);
	s = repeat("a.« ", 1 << 18);
	assert_int_equal(count_sentences(lang, s), 1);
	free(s);
	s = repeat("http://a.Bc/", 1 << 17);
	assert_int_equal(count_sentences(lang, s), 1);
	free(s);
	/* 1 MB of one-character lines */
	s = repeat("A\n", 1 << 19);
	assert_int_equal(count_sentences(lang, s), 1 << 19);
	free(s);
}

/* A small deterministic generator for the random test. */
static uint32_t next_random(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/*
 * Check what every split must hold: spans in order, not overlapping, not
 * empty, inside the text, trimmed, with a letter or a digit, lines
 * non-decreasing, paragraphs dense.
 */
static void check_invariants(const char *text, size_t len,
	const nsum_sentences *out)
{
	size_t i, prev_end = 0, prev_line = 0, prev_para = 0;

	for (i = 0; i < out->count; i++) {
		const nsum_sentence *s = &out->items[i];
		int32_t cp;
		size_t j;
		bool alnum = false;

		assert_true(s->start < s->end);
		assert_true(s->end <= len);
		assert_true(s->start >= prev_end);
		assert_true(s->line >= prev_line);
		u8_decode(text, s->end, s->start, &cp);
		assert_false(u8_is_space(cp));
		u8_decode_prev(text, s->end, &cp);
		assert_false(u8_is_space(cp));
		for (j = s->start; j < s->end; ) {
			j += u8_decode(text, s->end, j, &cp);
			alnum |= u8_is_alnum(cp);
		}
		assert_true(alnum);
		if (i == 0)
			assert_int_equal(s->paragraph, 0);
		else if (s->flags & NSUM_SENT_PARAGRAPH)
			assert_int_equal(s->paragraph, prev_para + 1);
		else
			assert_int_equal(s->paragraph, prev_para);
		prev_end = s->end;
		prev_line = s->line;
		prev_para = s->paragraph;
	}
}

static void test_random_text(void **state)
{
	static const int32_t alphabet[] = {
		'a', 'e', 'z', 'A', 'L', 'M', 'J', 'U', '0', '7', ' ', ' ', ' ',
		'\n', '\t', '.', '.', '!', '?', ',', ':', ';', '\'', '"', '(',
		')', '[', ']', '-', '/', '@', 0xE9, 0xC9, 0xC0, 0xA0, 0x202F,
		0xAB, 0xBB, 0x201C, 0x201D, 0x2019, 0x2026, 0x2014, 0x2022,
		0x0301, 0x05D0, 0x0627, 0x200F, 0x1F600, 0xFFFD, 0x200B,
	};
	const nsum_lang *lang = *state;
	uint32_t seed = 12345;
	char buf[4096];
	int round;

	for (round = 0; round < 2000; round++) {
		size_t len = 0, target = next_random(&seed) % 400;
		nsum_sentences out;

		while (len + 4 < target) {
			int32_t cp = alphabet[next_random(&seed) %
				(sizeof(alphabet) / sizeof(*alphabet))];

			len += u8_encode(cp, buf + len);
		}
		buf[len] = '\0';
		split_with(round % 2 ? lang : NULL, buf, NULL, 0, &out);
		check_invariants(buf, len, &out);
		nsum_sentences_finish(&out);
	}
}

/* Allocation failure injection: fail the allocation numbered fail_at. */
static size_t alloc_count, fail_at;

static void *failing_malloc(size_t size)
{
	if (++alloc_count == fail_at)
		return NULL;
	return malloc(size);
}

static void *failing_realloc(void *ptr, size_t size)
{
	if (++alloc_count == fail_at)
		return NULL;
	return realloc(ptr, size);
}

static void test_out_of_memory(void **state)
{
	const nsum_lang *lang = *state;
	const char *text = "Il pleut. Il vente. Il neige. Il gèle. Le soir "
		"tombe. La nuit vient. Le jour se lève. Il fait beau. Fin.";
	nsum_segment seg = { 0, strlen(text), 1, NSUM_SEG_PARAGRAPH };
	bool done = false;

	for (fail_at = 1; !done; fail_at++) {
		nsum_sentences out;
		nsum_error err;
		nsum_status st;

		nsum_error_init(&err);
		alloc_count = 0;
		nsum_set_alloc_funcs(failing_malloc, failing_realloc, NULL);
		st = nsum_split(lang, text, &seg, 1, &out, &err);
		nsum_set_alloc_funcs(NULL, NULL, NULL);
		if (st == NSUM_OK) {
			assert_int_equal(out.count, 9);
			done = true;
		} else {
			assert_int_equal(st, NSUM_ENOMEM);
			assert_int_equal(err.status, NSUM_ENOMEM);
			assert_null(out.items);
			assert_int_equal(out.count, 0);
		}
		nsum_sentences_finish(&out);
		assert_true(fail_at < 100);
	}
	/* err may be NULL */
	{
		nsum_sentences out;

		fail_at = 1;
		alloc_count = 0;
		nsum_set_alloc_funcs(failing_malloc, failing_realloc, NULL);
		assert_int_equal(nsum_split(lang, text, &seg, 1, &out, NULL),
			NSUM_ENOMEM);
		nsum_set_alloc_funcs(NULL, NULL, NULL);
		assert_null(out.items);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_final_punctuation),
		cmocka_unit_test(test_no_break_spaces),
		cmocka_unit_test(test_sentence_starts),
		cmocka_unit_test(test_guillemets),
		cmocka_unit_test(test_other_quotes),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_other_abbreviations),
		cmocka_unit_test(test_no_language),
		cmocka_unit_test(test_initials_acronyms),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_ellipsis),
		cmocka_unit_test(test_glued),
		cmocka_unit_test(test_glued_not),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_flags_and_lines),
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_hard_wrap),
		cmocka_unit_test(test_symbols_only),
		cmocka_unit_test(test_trimmed_spans),
		cmocka_unit_test(test_unicode),
		cmocka_unit_test(test_pathological),
		cmocka_unit_test(test_random_text),
		cmocka_unit_test(test_out_of_memory),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
