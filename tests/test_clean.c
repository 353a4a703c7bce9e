/*
 * Unit tests for the clean stage (src/clean/clean.c).
 *
 * Each rule is tested both ways: a line it must drop, and a near twin, a
 * real sentence that looks like it, that it must keep (a false drop costs
 * more than a kept ad).  Documents are written as rows (a line and the
 * reason expected for it) so that a failure names the line.  All the text
 * here was written for these tests.  Then come the trimmed prefixes and
 * suffixes, segments, the shipped example, pathological inputs and
 * allocation failures.
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

#include "config.h"
#include "nsum/alloc.h"
#include "nsum/clean.h"
#include "nsum/text.h"

static nsum_lang *lang;

/* A paragraph of prose, to give a document a body. */
static const char body[] =
	"Les ministres des Affaires étrangères de douze pays se sont retrouvés "
	"jeudi à Lyon pour préparer la conférence de printemps, consacrée à la "
	"sécurité alimentaire et aux routes maritimes.";

/* Two more, for documents that need prose in several places. */
static const char body2[] =
	"Les premiers cargos chargés de blé sont attendus lundi au quai nord, "
	"après six mois de travaux et une longue négociation avec les dockers.";
static const char body3[] =
	"La direction du port table sur un trafic en hausse d'un tiers d'ici à "
	"la fin de l'année, grâce aux nouvelles grues livrées en février.";

typedef struct row {
	const char *text;  /* one line, without its '\n' */
	nsum_drop want;    /* the reason expected for it */
} row;

/* The language data every test shares. */
static int setup(void **state)
{
	(void)state;
	lang = nsum_lang_create(NULL);
	return lang ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	nsum_lang_destroy(lang);
	return 0;
}

/* The name of a reason for messages: "keep" for a kept line. */
static const char *name(nsum_drop r)
{
	return r == NSUM_KEEP ? "keep" : nsum_drop_name(r);
}

/* The rows joined by '\n', as a new string (free()). */
static char *join(const row *rows, size_t n)
{
	size_t i, len = 0;
	char *s, *p;

	for (i = 0; i < n; i++)
		len += strlen(rows[i].text) + 1;
	s = p = malloc(len + 1);
	assert_non_null(s);
	for (i = 0; i < n; i++) {
		size_t k = strlen(rows[i].text);

		memcpy(p, rows[i].text, k);
		p += k;
		*p++ = '\n';
	}
	*p = '\0';
	return s;
}

/* Clean text with lang (or without), finding a title or not. */
static void clean_text(const nsum_lang *l, const char *text, size_t len,
	bool title, nsum_cleaned *c)
{
	nsum_clean_options opt;
	nsum_error err;

	nsum_error_init(&err);
	nsum_clean_options_default(&opt);
	opt.find_title = title;
	assert_int_equal(nsum_clean(l, text, len, &opt, c, &err), NSUM_OK);
}

/* Assert that line n (1-based) of c was given reason want. */
static void expect_line(const char *text, const nsum_cleaned *c, size_t n,
	nsum_drop want)
{
	const nsum_line *l;

	assert_in_range(n, 1, c->count);
	l = &c->lines[n - 1];
	if (l->reason != want)
		fail_msg("line %zu \"%.*s\": %s, want %s", n,
			(int)(l->end - l->start), text + l->start, name(l->reason),
			name(want));
}

/* Clean the rows as one document and check every line's reason. */
static void check_rows(const row *rows, size_t n, bool title)
{
	char *text = join(rows, n);
	nsum_cleaned c;
	size_t i;

	clean_text(lang, text, strlen(text), title, &c);
	assert_int_equal(c.count, n);
	for (i = 0; i < n; i++)
		expect_line(text, &c, i + 1, rows[i].want);
	nsum_cleaned_finish(&c);
	free(text);
}

/* The kept part of line n of text after cleaning, in buf. */
static void kept_part(const char *text, bool title, size_t n, char *buf,
	size_t size)
{
	nsum_cleaned c;
	const nsum_line *l;
	size_t k;

	clean_text(lang, text, strlen(text), title, &c);
	assert_in_range(n, 1, c.count);
	l = &c.lines[n - 1];
	if (l->reason != NSUM_KEEP)
		fail_msg("line %zu dropped as %s", n, name(l->reason));
	assert_true(l->start <= l->keep_start && l->keep_start <= l->keep_end &&
		l->keep_end <= l->end);
	k = l->keep_end - l->keep_start;
	assert_true(k < size);
	memcpy(buf, text + l->keep_start, k);
	buf[k] = '\0';
	nsum_cleaned_finish(&c);
}

/* ---------------------------------------------------------------------- */
/* One test per rule. */

static void test_blank(void **state)
{
	static const row rows[] = {
		{ "", NSUM_DROP_BLANK },
		{ "   \t ", NSUM_DROP_BLANK },
		{ "\xc2\xa0\xe2\x80\xaf \xe2\x80\x8b", NSUM_DROP_BLANK },
		{ body, NSUM_KEEP },
		{ "", NSUM_DROP_BLANK },
	};
	nsum_cleaned c;

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), true);
	clean_text(lang, "", 0, true, &c);
	assert_int_equal(c.count, 0);
	assert_false(c.has_title);
	nsum_cleaned_finish(&c);
	clean_text(lang, "\n\n\n", 3, true, &c);
	assert_int_equal(c.count, 3);
	assert_int_equal(c.dropped[NSUM_DROP_BLANK], 3);
	nsum_cleaned_finish(&c);
}

static void test_title(void **state)
{
	static const row headline[] = {
		{ "Sécurité alimentaire : douze pays préparent la conférence de "
			"Lyon", NSUM_DROP_TITLE },
		{ body, NSUM_KEEP },
	};
	static const row question[] = {
		{ "Qui paiera la reconstruction du port ?", NSUM_DROP_TITLE },
		{ body, NSUM_KEEP },
	};
	static const row after_chrome[] = {
		{ "Économie, Europe", NSUM_DROP_CHROME },
		{ "", NSUM_DROP_BLANK },
		{ "Le port de Gênes rouvre ses quais aux céréales", NSUM_DROP_TITLE },
		{ body, NSUM_KEEP },
	};
	static const row paragraph[] = {
		{ body, NSUM_KEEP },
		{ "Le sommet suivant aura lieu à Oslo", NSUM_KEEP },
	};
	static const row sentence[] = {
		{ "Le sommet s'est ouvert sous la pluie.", NSUM_KEEP },
		{ body, NSUM_KEEP },
	};
	static const row trailing[] = {
		{ "Elle sera faible cette année, et guère meilleure l'an "
			"prochain...", NSUM_KEEP },
		{ body, NSUM_KEEP },
	};
	static const row kicker[] = {
		{ "Cyclisme", NSUM_DROP_CHROME },
		{ "Le Tour de France partira de Gênes", NSUM_DROP_TITLE },
		{ body, NSUM_KEEP },
	};
	static const row dispatch[] = {
		{ "3 mai 2025. - Le port de Gênes a rouvert ses quais !",
			NSUM_KEEP },
		{ body, NSUM_KEEP },
	};
	nsum_cleaned c;

	(void)state;
	check_rows(headline, 2, true);
	check_rows(question, 2, true);
	check_rows(after_chrome, 4, true);
	check_rows(paragraph, 2, true);
	check_rows(sentence, 2, true);
	check_rows(trailing, 2, true);
	check_rows(dispatch, 2, true);
	check_rows(kicker, 3, true);

	clean_text(lang, "Économie, Europe\n\nLe port rouvre\n",
		strlen("Économie, Europe\n\nLe port rouvre\n"), true, &c);
	assert_true(c.has_title);
	assert_int_equal(c.title, 2);
	assert_int_equal(c.dropped[NSUM_DROP_TITLE], 1);
	nsum_cleaned_finish(&c);
	clean_text(lang, "Le port rouvre\n", strlen("Le port rouvre\n"), false,
		&c);
	assert_false(c.has_title);
	assert_int_equal(c.lines[0].reason, NSUM_KEEP);
	nsum_cleaned_finish(&c);
}

static void test_repeated(void **state)
{
	static const row rows[] = {
		{ "Le port de Gênes rouvre ses quais aux céréales", NSUM_DROP_TITLE },
		{ "Les premiers cargos sont attendus lundi, après six mois de "
			"travaux.", NSUM_KEEP },
		{ "Les premiers cargos sont attendus lundi, après six mois de "
			"travaux.", NSUM_DROP_REPEATED },
		{ "LE PORT DE GÊNES  ROUVRE SES QUAIS AUX CÉRÉALES @PortGenes "
			"#Gênes", NSUM_DROP_REPEATED },
		{ "« Le port de Gênes rouvre ses quais aux céréales ».",
			NSUM_DROP_REPEATED },
		{ "Les premiers cargos sont attendus mardi, après six mois de "
			"travaux.", NSUM_KEEP },
		{ "Le port de Gênes rouvre ses quais aux céréales et au bois",
			NSUM_KEEP },
		{ "Aucune indemnité", NSUM_KEEP },
		{ "Aucune indemnité.", NSUM_KEEP },
		{ body, NSUM_KEEP },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), true);
}

static void test_image(void **state)
{
	static const row rows[] = {
		{ "/2025/03/14/081-port-genes-6f2a91c0d3e4b5.jpg)", NSUM_DROP_IMAGE },
		{ "https://img.exemple.fr/photos/quai-nord.webp?w=800",
			NSUM_DROP_IMAGE },
		{ "![Le quai nord](quai-nord.png)", NSUM_DROP_IMAGE },
		{ "quai-nord_2.JPEG", NSUM_DROP_IMAGE },
		{ "Les enquêteurs ont retrouvé sur son ordinateur un fichier nommé "
			"carte-quais.jpg", NSUM_KEEP },
		{ body, NSUM_KEEP },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
}

static void test_caption(void **state)
{
	static const row rows[] = {
		{ "La ministre des Transports lors de l'inauguration du quai nord, "
			"à Gênes, le 14 mars 2025. (MARCO ROSSI / HANS LUCAS / AFP)",
			NSUM_DROP_CAPTION },
		{ "La ministre des Transports lors de l'inauguration du quai nord, "
			"à Gênes, le 14 mars 2025.", NSUM_KEEP },
		{ "Le directeur du port, le 2 avril 2025. © Lucia Bianchi / "
			"Reuters", NSUM_DROP_CAPTION },
		{ "Crédit photo : Lucia Bianchi / Maxppp", NSUM_DROP_CAPTION },
		{ "© Photo : Lucia Bianchi / AFP", NSUM_DROP_CAPTION },
		{ "Crédit Agricole : les résultats du trimestre sont en hausse",
			NSUM_KEEP },
		{ "Photo d'illustration.", NSUM_DROP_CAPTION },
		{ "(Getty Images)", NSUM_DROP_CAPTION },
		{ "Le projet est porté par l'Institut des hautes études portuaires "
			"(IHEP)", NSUM_KEEP },
		{ "Le maire a visité le chantier mardi matin (photo).", NSUM_KEEP },
		{ "Le groupe s'est développé par acquisitions (Crédit Foncier, "
			"Banque du Port).", NSUM_KEEP },
		{ "La coopération passe par l'Alliance atlantique (OTAN / NATO).",
			NSUM_KEEP },
		{ body, NSUM_KEEP },
	};
	char kept[1024];
	char text[1024];

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
	/* A paragraph too long for a caption loses its credit only. */
	snprintf(text, sizeof(text), "%s %s %s (MARCO ROSSI / AFP)\n", body,
		body, body);
	kept_part(text, false, 1, kept, sizeof(kept));
	assert_null(strstr(kept, "ROSSI"));
	assert_int_equal(kept[strlen(kept) - 1], '.');
}

static void test_social(void **state)
{
	static const row rows[] = {
		{ body, NSUM_KEEP },
		{ "Le ministre a salué sur X « une journée utile » pour les "
			"dockers.", NSUM_KEEP },
		{ "Merci aux équipes de @PortGenes et à @MinTransports pour ce "
			"chantier. Les quais rouvrent lundi.", NSUM_DROP_SOCIAL },
		{ "Une nouvelle étape pour le commerce des céréales en "
			"Méditerranée…", NSUM_DROP_SOCIAL },
		{ "— Ministère des Transports (@MinTransports) March 14, 2025",
			NSUM_DROP_ATTRIBUTION },
		{ "Suivez le compte @PortGenes pour les horaires des ferries.",
			NSUM_KEEP },
		{ "Le slogan #PortOuvert a circulé toute la nuit sur Twitter.",
			NSUM_KEEP },
		{ "", NSUM_DROP_BLANK },
		{ body2, NSUM_KEEP },
		{ "Le quai nord rouvre 🚢 pic.twitter.com/Ab12Cd34",
			NSUM_DROP_SOCIAL },
		{ "— Port de Gênes (@PortGenes) 2025-03-14T09:12:00+00:00",
			NSUM_DROP_ATTRIBUTION },
	};
	char para[2048];
	row longer[3];

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
	/* A long paragraph without any mark of a post is not its text. */
	snprintf(para, sizeof(para), "%s %s %s", body, body, body);
	longer[0].text = para;
	longer[0].want = NSUM_KEEP;
	longer[1].text = "— Port de Gênes (@PortGenes) 14 mars 2025";
	longer[1].want = NSUM_DROP_ATTRIBUTION;
	longer[2].text = body2;
	longer[2].want = NSUM_KEEP;
	check_rows(longer, 3, false);
}

static void test_attribution(void **state)
{
	static const row rows[] = {
		{ "— Lucia Bianchi (@lucia_bianchi) November 7, 2025",
			NSUM_DROP_ATTRIBUTION },
		{ "Une publication partagée par Port de Gênes (@portgenes)",
			NSUM_DROP_ATTRIBUTION },
		{ "— Quai Nord #Gênes (@quainord.bsky.social) "
			"2025-11-07T16:45:10+00:00", NSUM_DROP_ATTRIBUTION },
		{ "Le ministre (@MinTransports) a publié ce message lundi soir.",
			NSUM_KEEP },
		{ "— La ministre (@MinTransports) a répondu mardi aux dockers.",
			NSUM_KEEP },
		{ body, NSUM_KEEP },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
}

static void test_link(void **state)
{
	static const row rows[] = {
		{ "https://www.exemple.fr/economie/port-genes-2025", NSUM_DROP_LINK },
		{ "@PortGenes @MinTransports", NSUM_DROP_LINK },
		{ "#Gênes #Céréales #Méditerranée", NSUM_DROP_LINK },
		{ "pic.twitter.com/Ab12Cd34", NSUM_DROP_LINK },
		{ "Les horaires sont en ligne sur www.exemple.fr depuis lundi.",
			NSUM_KEEP },
		{ "Le compte @PortGenes a publié les horaires des ferries.",
			NSUM_KEEP },
		{ body, NSUM_KEEP },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
}

static void test_read_also(void **state)
{
	static const row rows[] = {
		{ "À lire aussi : Le port de Marseille mise sur l'hydrogène",
			NSUM_DROP_READ_ALSO },
		{ "A LIRE AUSSI", NSUM_DROP_READ_ALSO },
		{ "Lire aussi Les dockers votent la reprise du travail",
			NSUM_DROP_READ_ALSO },
		{ "► Voir aussi : notre carte des ports européens",
			NSUM_DROP_READ_ALSO },
		{ "Lire : Les céréales ukrainiennes arrivent à Gênes",
			NSUM_DROP_READ_ALSO },
		{ "Sur le même sujet", NSUM_DROP_READ_ALSO },
		{ "Voir aussi les chiffres du trafic baisser n'a pas surpris les "
			"syndicats.", NSUM_KEEP },
		{ "À lire les rapports de la Cour des comptes, le port coûte trop "
			"cher.", NSUM_KEEP },
		{ "Sur le même sujet, le ministre n'a rien voulu dire.", NSUM_KEEP },
		{ body, NSUM_KEEP },
	};
	/* Under a bare teaser line, the teased titles; prose ends them. */
	static const row list[] = {
		{ body, NSUM_KEEP },
		{ "Sur le même sujet", NSUM_DROP_READ_ALSO },
		{ "Les dockers de Gênes votent la reprise", NSUM_DROP_READ_ALSO },
		{ "", NSUM_DROP_BLANK },
		{ "Céréales : qui profite de la réouverture ?", NSUM_DROP_READ_ALSO },
		{ body2, NSUM_KEEP },
		{ "À lire aussi :", NSUM_DROP_READ_ALSO },
		{ "Le port a rouvert lundi.", NSUM_KEEP },
		{ body3, NSUM_KEEP },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
	check_rows(list, sizeof(list) / sizeof(*list), false);
}

static void test_ad(void **state)
{
	static const row rows[] = {
		{ "Votre Pub ici !", NSUM_DROP_AD },
		{ "Publicité", NSUM_DROP_AD },
		{ "PUBLICITÉ", NSUM_DROP_AD },
		{ "Contenus sponsorisés", NSUM_DROP_AD },
		{ "La suite après cette publicité", NSUM_DROP_AD },
		{ "La publicité en ligne a reculé de 5 % en 2025, selon le "
			"syndicat du secteur.", NSUM_KEEP },
		{ "La suite après les élections s'annonce compliquée pour la "
			"majorité.", NSUM_KEEP },
		{ body, NSUM_KEEP },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
}

static void test_dateline(void **state)
{
	static const row rows[] = {
		{ "Publié le 14/03/2025 08:15 Mis à jour le 14/03/2025 09:40",
			NSUM_DROP_DATELINE },
		{ "Mis à jour le 3 mars 2025 à 18h02", NSUM_DROP_DATELINE },
		{ "Lucia Bianchi | 04.02.2026 - Mise À Jour : 05.02.2026",
			NSUM_DROP_DATELINE },
		{ "Publié aujourd'hui à 11h03", NSUM_DROP_DATELINE },
		{ "14 mars 2025", NSUM_DROP_DATELINE },
		{ "GÊNES (AFP) -", NSUM_DROP_DATELINE },
		{ "Il y a 3 heures", NSUM_DROP_DATELINE },
		{ "00:00 / 03:12", NSUM_DROP_DATELINE },
		{ "Il y a 3 heures, le port était encore fermé.", NSUM_KEEP },
		{ "Publié en 2019, le rapport de la commission a été largement "
			"ignoré.", NSUM_KEEP },
		{ "Publié le 3 mars, le décret entre en vigueur lundi.",
			NSUM_KEEP },
		{ "Le 14 mars 2025, le gouvernement a présenté son plan pour le "
			"port.", NSUM_KEEP },
		{ "Le 8 mars :", NSUM_KEEP },
		{ body, NSUM_KEEP },
	};
	/* A city alone among bylines is a dateline; before prose, a heading. */
	static const row city[] = {
		{ body, NSUM_KEEP },
		{ "Gênes", NSUM_DROP_DATELINE },
		{ "", NSUM_DROP_BLANK },
		{ "AA / Gênes / Lucia Bianchi", NSUM_DROP_BYLINE },
		{ "Contexte", NSUM_KEEP },
		{ body2, NSUM_KEEP },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
	check_rows(city, sizeof(city) / sizeof(*city), false);
}

static void test_reading_time(void **state)
{
	static const row rows[] = {
		{ "Temps de lecture : 1min", NSUM_DROP_READING_TIME },
		{ "Lecture : 3 min", NSUM_DROP_READING_TIME },
		{ "4 min de lecture", NSUM_DROP_READING_TIME },
		{ "⏱ 5 min read", NSUM_DROP_READING_TIME },
		{ "Le temps de lecture moyen d'un article en ligne a baissé de "
			"moitié en dix ans.", NSUM_KEEP },
		{ "Lecture en cours", NSUM_DROP_CHROME },
		{ body, NSUM_KEEP },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
}

static void test_chrome(void **state)
{
	static const row rows[] = {
		{ "- Cet évènement est passé.", NSUM_DROP_CHROME },
		{ "Économie, Europe", NSUM_DROP_CHROME },
		{ "Accueil > Monde > Europe", NSUM_DROP_CHROME },
		{ "Partager", NSUM_DROP_CHROME },
		{ "Facebook Twitter LinkedIn", NSUM_DROP_CHROME },
		{ "Partager sur X", NSUM_DROP_CHROME },
		{ "Mots-clés : Gênes, ports, céréales", NSUM_DROP_CHROME },
		{ "Source : AFP", NSUM_DROP_CHROME },
		{ "Ce contenu est bloqué car vous n'avez pas accepté les cookies "
			"et autres traceurs.", NSUM_DROP_CHROME },
		{ "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de "
			"l'actualité.", NSUM_DROP_CHROME },
		{ "Abonnez-vous", NSUM_DROP_CHROME },
		{ "12 commentaires", NSUM_DROP_CHROME },
		{ "France Télévisions", NSUM_DROP_CHROME },
		{ "ÉCONOMIE –", NSUM_DROP_CHROME },
		{ "* * *", NSUM_DROP_CHROME },
		{ "Le ministre a annoncé sa décision sur Facebook et sur X, lundi "
			"soir.", NSUM_KEEP },
		{ "La CNIL a sanctionné la plateforme pour ses cookies "
			"publicitaires.", NSUM_KEEP },
		{ "Le quotidien a lancé une newsletter consacrée au climat.",
			NSUM_KEEP },
		{ "Gênes, Marseille et Valence ont signé la charte.", NSUM_KEEP },
		{ "Retour.", NSUM_KEEP },
		{ "Une présence américaine inédite", NSUM_KEEP },
		{ body, NSUM_KEEP },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
}

static void test_disclaimer(void **state)
{
	static const row rows[] = {
		{ "© AFP 2025", NSUM_DROP_DISCLAIMER },
		{ "Tous droits réservés", NSUM_DROP_DISCLAIMER },
		{ "Seule une partie des dépêches que l'agence diffuse à ses abonnés "
			"est publiée ici. Contactez-nous pour vous abonner.",
			NSUM_DROP_DISCLAIMER },
		{ "Il vous reste 75 % de cet article à lire.",
			NSUM_DROP_DISCLAIMER },
		{ "L'agence a perdu une partie de ses abonnés en 2024, selon son "
			"rapport annuel publié mardi.", NSUM_KEEP },
		{ "Les dépêches de l'agence ont été reprises par la presse "
			"régionale.", NSUM_KEEP },
		{ body, NSUM_KEEP },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
}

static void test_byline(void **state)
{
	static const row rows[] = {
		{ "Par Lucia Bianchi", NSUM_DROP_BYLINE },
		{ "Par Marco Rossi, envoyé spécial à Gênes", NSUM_DROP_BYLINE },
		{ "Avec AFP", NSUM_DROP_BYLINE },
		{ "(avec Reuters)", NSUM_DROP_BYLINE },
		{ "AA / Gênes / Lucia Bianchi", NSUM_DROP_BYLINE },
		{ "AFP", NSUM_DROP_BYLINE },
		{ "Propos recueillis par Marco Rossi", NSUM_DROP_BYLINE },
		{ "Article rédigé par Lucia Bianchi - France Télévisions",
			NSUM_DROP_BYLINE },
		{ "Article rédigé par la rédaction du port, lundi", NSUM_KEEP },
		{ "Par ailleurs, les discussions se poursuivront mardi à Genève.",
			NSUM_KEEP },
		{ "Par Gênes transitent chaque année des millions de tonnes.",
			NSUM_KEEP },
		{ "RISQUE DE CONTREPARTIE", NSUM_KEEP },
		{ "Vivre avec la crise", NSUM_KEEP },
		{ body2, NSUM_KEEP },
		{ "Ce qu'il faut retenir", NSUM_KEEP },
		{ body3, NSUM_KEEP },
		{ "Lucia Bianchi", NSUM_DROP_BYLINE },
		{ "Chroniqueuse associée", NSUM_DROP_BYLINE },
		{ "", NSUM_DROP_BLANK },
	};

	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(*rows), false);
}

/* ---------------------------------------------------------------------- */
/* The kept part of a kept line. */

static void test_trim(void **state)
{
	char kept[1024];

	(void)state;
	kept_part(" date 2025-11-07 Le port de Gênes rouvre ses quais.\n",
		false, 1, kept, sizeof(kept));
	assert_string_equal(kept, "Le port de Gênes rouvre ses quais.");
	kept_part("- Une trentaine de dirigeants se réunissent mardi à Gênes\n",
		false, 1, kept, sizeof(kept));
	assert_string_equal(kept,
		"Une trentaine de dirigeants se réunissent mardi à Gênes");
	kept_part("\xc2\xa0 Le port rouvre lundi.\xe2\x80\xaf \n", false, 1,
		kept, sizeof(kept));
	assert_string_equal(kept, "Le port rouvre lundi.");
	kept_part("GÊNES (AFP) - Le port a rouvert ses quais lundi.\n", false,
		1, kept, sizeof(kept));
	assert_string_equal(kept, "Le port a rouvert ses quais lundi.");
	kept_part("3 mai 2025. - Le port a rouvert ses quais lundi.\n", false,
		1, kept, sizeof(kept));
	assert_string_equal(kept, "Le port a rouvert ses quais lundi.");
	kept_part("Le port a rouvert ses quais lundi. (AFP)\n", false, 1,
		kept, sizeof(kept));
	assert_string_equal(kept, "Le port a rouvert ses quais lundi.");
	kept_part("Le port a rouvert ses quais lundi. #Gênes #Ports\n", false,
		1, kept, sizeof(kept));
	assert_string_equal(kept, "Le port a rouvert ses quais lundi.");
	kept_part("Le port a rouvert ses quais, a conclu le ministre."
		"dch/vm/map\n", false, 1, kept, sizeof(kept));
	assert_string_equal(kept,
		"Le port a rouvert ses quais, a conclu le ministre.");

	/* Prose that only looks like it keeps every byte. */
	kept_part("Lundi 27 mai, Marco Rossi a rouvert le quai nord.\n", false,
		1, kept, sizeof(kept));
	assert_string_equal(kept,
		"Lundi 27 mai, Marco Rossi a rouvert le quai nord.");
	kept_part("Les horaires sont publiés sur le site www.exemple.fr.\n",
		false, 1, kept, sizeof(kept));
	assert_string_equal(kept,
		"Les horaires sont publiés sur le site www.exemple.fr.");
	kept_part("Les camions y roulent à 30 km/h\n", false, 1, kept,
		sizeof(kept));
	assert_string_equal(kept, "Les camions y roulent à 30 km/h");
	kept_part("Le mot-dièse du jour était #PortOuvert\n", false, 1, kept,
		sizeof(kept));
	assert_string_equal(kept, "Le mot-dièse du jour était #PortOuvert");
	kept_part("Selon l'Agence France-Presse (AFP), le port rouvre.\n",
		false, 1, kept, sizeof(kept));
	assert_string_equal(kept,
		"Selon l'Agence France-Presse (AFP), le port rouvre.");
}

/* ---------------------------------------------------------------------- */
/* Segments. */

static void test_segments(void **state)
{
	static const char text[] =
		"Le port de Gênes rouvre\n"          /* 1 title */
		"Premier paragraphe.\n"              /* 2 paragraph */
		"Suite du premier paragraphe.\n"     /* 3 same paragraph */
		"\n"                                 /* 4 */
		"Deuxième paragraphe.\n"             /* 5 paragraph */
		"Publicité\n"                        /* 6 ad */
		"- Troisième paragraphe.\n";         /* 7 paragraph, trimmed */
	nsum_cleaned c;
	nsum_segment *segs;
	nsum_error err;
	size_t n;

	(void)state;
	nsum_error_init(&err);
	clean_text(lang, text, strlen(text), true, &c);
	assert_int_equal(nsum_cleaned_segments(&c, &segs, &n, &err), NSUM_OK);
	assert_int_equal(n, 4);
	assert_int_equal(segs[0].line, 2);
	assert_int_equal(segs[0].flags, NSUM_SEG_PARAGRAPH);
	assert_int_equal(segs[1].line, 3);
	assert_int_equal(segs[1].flags, 0);
	assert_int_equal(segs[2].line, 5);
	assert_int_equal(segs[2].flags, NSUM_SEG_PARAGRAPH);
	assert_int_equal(segs[3].line, 7);
	assert_int_equal(segs[3].flags, NSUM_SEG_PARAGRAPH);
	assert_memory_equal(text + segs[3].start, "Troisième paragraphe.",
		segs[3].end - segs[3].start);
	assert_int_equal(segs[3].end - segs[3].start,
		strlen("Troisième paragraphe."));
	nsum_free(segs);
	nsum_cleaned_finish(&c);

	/* Without a title, the first line starts the first paragraph. */
	clean_text(lang, text, strlen(text), false, &c);
	assert_int_equal(nsum_cleaned_segments(&c, &segs, &n, &err), NSUM_OK);
	assert_int_equal(n, 5);
	assert_int_equal(segs[0].line, 1);
	assert_int_equal(segs[0].flags, NSUM_SEG_PARAGRAPH);
	assert_int_equal(segs[1].flags, 0);
	nsum_free(segs);
	nsum_cleaned_finish(&c);
}

static void test_segments_all(void **state)
{
	static const char text[] =
		"Publicité\n"
		"Premier paragraphe.\n"
		"  \n"
		"\n"
		"Deuxième paragraphe.\n"
		"Suite";
	nsum_segment *segs;
	nsum_error err;
	size_t n;

	(void)state;
	nsum_error_init(&err);
	assert_int_equal(nsum_segments_all(text, strlen(text), &segs, &n, &err),
		NSUM_OK);
	assert_int_equal(n, 4);
	assert_int_equal(segs[0].line, 1);
	assert_int_equal(segs[0].flags, NSUM_SEG_PARAGRAPH);
	assert_int_equal(segs[0].end - segs[0].start, strlen("Publicité"));
	assert_int_equal(segs[1].line, 2);
	assert_int_equal(segs[1].flags, 0);
	assert_int_equal(segs[2].line, 5);
	assert_int_equal(segs[2].flags, NSUM_SEG_PARAGRAPH);
	assert_int_equal(segs[3].line, 6);
	assert_int_equal(segs[3].flags, 0);
	assert_int_equal(segs[3].end, strlen(text));
	nsum_free(segs);

	assert_int_equal(nsum_segments_all("", 0, &segs, &n, &err), NSUM_OK);
	assert_int_equal(n, 0);
	nsum_free(segs);
}

static void test_drop_names(void **state)
{
	static const char *const want[NSUM_DROP_COUNT] = {
		"", "blank", "title", "repeated", "image", "caption", "social",
		"attribution", "link", "read-also", "ad", "dateline",
		"reading-time", "chrome", "disclaimer", "byline", "english",
	};
	int i;

	(void)state;
	for (i = 0; i < NSUM_DROP_COUNT; i++)
		assert_string_equal(nsum_drop_name((nsum_drop)i), want[i]);
	assert_string_equal(nsum_drop_name(NSUM_DROP_COUNT), "");
	assert_string_equal(nsum_drop_name((nsum_drop)-1), "");
}

/* ---------------------------------------------------------------------- */
/* The shipped example cleans as its README says. */

static void test_example(void **state)
{
	static const nsum_drop dropped[] = {
		NSUM_DROP_CHROME, NSUM_DROP_TITLE, NSUM_DROP_REPEATED,
		NSUM_DROP_IMAGE, NSUM_DROP_CAPTION, NSUM_DROP_DATELINE,
		NSUM_DROP_READING_TIME, NSUM_DROP_BYLINE, NSUM_DROP_AD,
		NSUM_DROP_READ_ALSO, NSUM_DROP_SOCIAL, NSUM_DROP_ATTRIBUTION,
	};
	nsum_text text;
	nsum_cleaned c;
	nsum_error err;
	size_t i;

	(void)state;
	nsum_error_init(&err);
	assert_int_equal(nsum_text_init_file(&text,
		NSUM_SOURCE_DATADIR "/examples/sommet-paris.txt", 0, &err), NSUM_OK);
	clean_text(lang, text.data, text.len, true, &c);
	assert_true(c.has_title);
	for (i = 0; i < sizeof(dropped) / sizeof(*dropped); i++)
		if (c.dropped[dropped[i]] == 0)
			fail_msg("no line dropped as %s", name(dropped[i]));
	for (i = 0; i < c.count; i++) {
		const nsum_line *l = &c.lines[i];
		const char *s = text.data + l->keep_start;
		size_t k = l->keep_end - l->keep_start;

		if (l->reason != NSUM_KEEP)
			continue;
		/* Every kept line is prose or a heading of the article. */
		if (k < 20 || memchr(s, '@', k) || memchr(s, '/', k) ||
			strncmp(s, "Publi", 5) == 0 || strncmp(s, "Par ", 4) == 0)
			fail_msg("line %zu kept: %.*s", i + 1, (int)k, s);
	}
	nsum_cleaned_finish(&c);
	nsum_text_finish(&text);
}

/* ---------------------------------------------------------------------- */
/* Pathological input: linear time and memory, no crash. */

static void test_long_line(void **state)
{
	size_t n = 10u << 20, i;
	char *text = malloc(n);
	nsum_cleaned c;
	nsum_segment *segs;
	nsum_error err;
	size_t nseg;

	(void)state;
	assert_non_null(text);
	for (i = 0; i < n; i++)
		text[i] = "mot "[i % 4];
	clean_text(lang, text, n, true, &c);
	assert_int_equal(c.count, 1);
	assert_int_equal(c.lines[0].reason, NSUM_KEEP);
	assert_false(c.has_title);
	nsum_error_init(&err);
	assert_int_equal(nsum_cleaned_segments(&c, &segs, &nseg, &err), NSUM_OK);
	assert_int_equal(nseg, 1);
	nsum_free(segs);
	nsum_cleaned_finish(&c);

	/* One word of 10 MB, of one two-byte letter. */
	for (i = 0; i + 1 < n; i += 2)
		memcpy(text + i, "\xc3\xa9", 2);
	clean_text(lang, text, n, true, &c);
	assert_int_equal(c.count, 1);
	nsum_cleaned_finish(&c);
	clean_text(NULL, text, n, true, &c);
	assert_int_equal(c.count, 1);
	nsum_cleaned_finish(&c);
	free(text);
}

static void test_many_lines(void **state)
{
	static const char same[] = "Le même texte encore.\n";
	size_t lines = 100000, i, len = 0, size = lines * 32;
	char *text = malloc(size);
	nsum_cleaned c;

	(void)state;
	assert_non_null(text);
	for (i = 0; i < lines; i++)
		len += (size_t)snprintf(text + len, size - len,
			"Ligne %zu du texte.\n", i);
	clean_text(lang, text, len, true, &c);
	assert_int_equal(c.count, lines);
	assert_int_equal(c.dropped[NSUM_DROP_REPEATED], 0);
	nsum_cleaned_finish(&c);

	/* The same line 100 000 times: one kept, the others repeats. */
	len = 0;
	for (i = 0; i < lines; i++, len += sizeof(same) - 1)
		memcpy(text + len, same, sizeof(same) - 1);
	clean_text(lang, text, len, true, &c);
	assert_int_equal(c.count, lines);
	assert_int_equal(c.dropped[NSUM_DROP_REPEATED], lines - 1);
	nsum_cleaned_finish(&c);

	/* Only blank lines. */
	memset(text, '\n', lines);
	clean_text(lang, text, lines, true, &c);
	assert_int_equal(c.dropped[NSUM_DROP_BLANK], lines);
	nsum_cleaned_finish(&c);
	free(text);
}

static void test_odd_text(void **state)
{
	nsum_cleaned one;
	static const char *const texts[] = {
		"Bonjour",
		"@",
		"#",
		"(@",
		"— (@x)",
		"©",
		"- ",
		"e\xcc\x81\xcc\x81\xcc\x81 caf\xc3\xa9\xcc\x81 \xcc\x81\n\xcc\x81",
		"\xf0\x9f\x9a\xa2\xf0\x9f\x87\xab\xf0\x9f\x87\xb7 Le port rouvre "
			"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\n\xf0\x9f\x94\xb4",
		"  Le   port\xc2\xa0\xc2\xa0rouvre\xe2\x80\xaf!  \n \t \n",
		"Порт Генуи вновь открыт.\nΤο λιμάνι άνοιξε.\n"
			"港口重新开放。",
		"(AFP)\n(\n)\n/\n.jpg\n!\n…\n--\n« »",
		"date 2025-11-07\ndate\n2025-11-07\nGÊNES (AFP) -\n(AFP) - Texte.",
		"1er\n12/12/12/12/12\nLe 1er\nPar\nPar X\nX avec AFP",
	};
	size_t i;

	(void)state;
	/* A file of one word keeps it. */
	clean_text(lang, "Bonjour", 7, true, &one);
	assert_int_equal(one.count, 1);
	assert_int_equal(one.lines[0].reason, NSUM_DROP_TITLE);
	nsum_cleaned_finish(&one);
	clean_text(lang, "Bonjour", 7, false, &one);
	assert_int_equal(one.lines[0].reason, NSUM_KEEP);
	nsum_cleaned_finish(&one);
	for (i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
		nsum_cleaned c;
		nsum_segment *segs;
		nsum_error err;
		size_t n, j;

		nsum_error_init(&err);
		clean_text(i % 2 ? NULL : lang, texts[i], strlen(texts[i]), true,
			&c);
		for (j = 0; j < c.count; j++) {
			const nsum_line *l = &c.lines[j];

			assert_true(l->start <= l->keep_start);
			assert_true(l->keep_start <= l->keep_end);
			assert_true(l->keep_end <= l->end);
			assert_true(l->end <= strlen(texts[i]));
			assert_true(l->reason < NSUM_DROP_ENGLISH);
		}
		assert_int_equal(nsum_cleaned_segments(&c, &segs, &n, &err),
			NSUM_OK);
		nsum_free(segs);
		nsum_cleaned_finish(&c);
	}
}

/* Without language data, the rules that need no stopwords still work. */
static void test_no_lang(void **state)
{
	static const char text[] =
		"Politique, Monde\n"
		"Le port de Gênes rouvre ses quais aux céréales\n"
		"Publié le 14/03/2025 08:15 Mis à jour le 14/03/2025 09:40\n"
		"À lire aussi : Le port de Marseille mise sur l'hydrogène\n"
		"Les premiers cargos sont attendus lundi, après six mois de "
		"travaux, selon la direction du port et la ministre.\n"
		"Chroniqueuse associée\n";
	nsum_cleaned c;

	(void)state;
	clean_text(NULL, text, strlen(text), true, &c);
	expect_line(text, &c, 1, NSUM_DROP_CHROME);
	expect_line(text, &c, 2, NSUM_DROP_TITLE);
	expect_line(text, &c, 3, NSUM_DROP_DATELINE);
	expect_line(text, &c, 4, NSUM_DROP_READ_ALSO);
	expect_line(text, &c, 5, NSUM_KEEP);
	/* The signature rule needs stopwords: the line stays. */
	expect_line(text, &c, 6, NSUM_KEEP);
	nsum_cleaned_finish(&c);
}

/* ---------------------------------------------------------------------- */
/* Allocation failures. */

/* Allocations left before failing_malloc() fails (tests only). */
static size_t alloc_left;

/* An allocator that fails once alloc_left allocations are spent. */
static void *failing_malloc(size_t size)
{
	if (alloc_left == 0)
		return NULL;
	alloc_left--;
	return malloc(size);
}

static void *failing_realloc(void *ptr, size_t size)
{
	if (alloc_left == 0)
		return NULL;
	alloc_left--;
	return realloc(ptr, size);
}

static void test_no_memory(void **state)
{
	static const char text[] =
		"Le port de Gênes rouvre ses quais aux céréales\n"
		"Par Lucia Bianchi\n"
		"Les premiers cargos sont attendus lundi, après six mois de "
		"travaux.\n"
		"Les premiers cargos sont attendus lundi, après six mois de "
		"travaux.\n"
		"Chroniqueuse associée\n";
	size_t budget;
	bool done = false;

	(void)state;
	for (budget = 0; !done && budget < 10000; budget++) {
		nsum_cleaned c;
		nsum_segment *segs = NULL;
		nsum_error err;
		nsum_status st;
		size_t n;

		nsum_error_init(&err);
		alloc_left = budget;
		nsum_set_alloc_funcs(failing_malloc, failing_realloc, free);
		st = nsum_clean(lang, text, strlen(text), NULL, &c, &err);
		if (st != NSUM_OK) {
			nsum_set_alloc_funcs(NULL, NULL, NULL);
			/* A failed clean leaves *out empty. */
			assert_int_equal(st, NSUM_ENOMEM);
			assert_int_equal(err.status, NSUM_ENOMEM);
			assert_null(c.lines);
			assert_int_equal(c.count, 0);
			continue;
		}
		st = nsum_cleaned_segments(&c, &segs, &n, &err);
		nsum_set_alloc_funcs(NULL, NULL, NULL);
		assert_int_equal(c.count, 5);
		assert_int_equal(c.lines[3].reason, NSUM_DROP_REPEATED);
		if (st == NSUM_OK) {
			nsum_free(segs);
			done = true;
		} else {
			assert_int_equal(st, NSUM_ENOMEM);
		}
		nsum_cleaned_finish(&c);
	}
	assert_true(done);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_title),
		cmocka_unit_test(test_repeated),
		cmocka_unit_test(test_image),
		cmocka_unit_test(test_caption),
		cmocka_unit_test(test_social),
		cmocka_unit_test(test_attribution),
		cmocka_unit_test(test_link),
		cmocka_unit_test(test_read_also),
		cmocka_unit_test(test_ad),
		cmocka_unit_test(test_dateline),
		cmocka_unit_test(test_reading_time),
		cmocka_unit_test(test_chrome),
		cmocka_unit_test(test_disclaimer),
		cmocka_unit_test(test_byline),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_segments),
		cmocka_unit_test(test_segments_all),
		cmocka_unit_test(test_drop_names),
		cmocka_unit_test(test_example),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_many_lines),
		cmocka_unit_test(test_odd_text),
		cmocka_unit_test(test_no_lang),
		cmocka_unit_test(test_no_memory),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
