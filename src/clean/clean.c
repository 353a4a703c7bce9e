/*
 * The clean stage (see nsum/clean.h): one decision for every line of a page
 * copied from the web.  The work is done in passes over the lines, each
 * linear in the size of the text.  The first pass looks at each line alone:
 * its core (without surrounding white space or a leading bullet) is folded
 * (lower case, no accents, one form of apostrophe, dash and quote, runs of
 * space as one) and checked against the rules in classify(), in order, the
 * first that fires giving the reason; a kept line may lose a noisy prefix or
 * suffix.  Rules only look at short lines (SHORT_LINE bytes): a longer line is
 * article text.  Later passes use the neighbours: the lines just above a
 * social attribution are the post's text, a lone capitalized word next to
 * other noise is a dateline, the first real line may be the title, a line
 * seen before (or the title again) is a repeat, and short lines after the
 * last paragraph of prose are a signature.  Every rule errs towards keeping:
 * a real sentence dropped costs more than an ad kept.
 */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "nsum/clean.h"
#include "nsum/token.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/strmap.h"
#include "util/utf8.h"

enum {
	SHORT_LINE = 4096,    /* bytes: rules only look at lines this short */
	TITLE_WORDS = 30,     /* a title has at most this many words */
	POST_CHARS = 400,     /* a line of a social post, at most */
	POST_NEAR_CHARS = 320,/* the line just above an attribution, at most */
	POST_LINES = 6,       /* lines of one post, at most */
	CAPTION_WORDS = 60,   /* a caption has at most this many words */
	TAIL_WORDS = 5,       /* a signature line after the last paragraph */
};

/* Facts about a line kept from the first pass, for the later ones. */
enum {
	F_POST = 1u << 0,  /* looks like a social post: handle, link, "…" */
	F_BODY = 1u << 1,  /* a paragraph of prose */
	F_END = 1u << 2,   /* ends like a sentence */
	F_WORD = 1u << 3,  /* one capitalized word alone (a city?) */
	F_LEAD = 1u << 4,  /* began with a date stamp or an agency dateline:
	                      the lead of a dispatch, never a title */
	F_TEASE = 1u << 5, /* "Sur le même sujet" alone: teasers follow */
};

enum {
	TEASERS = 5,          /* teased titles after a bare "Lire aussi" */
};

/* The folded copy of a line, with the way back to the text. */
typedef struct folded {
	nsum_buf s;        /* folded bytes */
	size_t *map;       /* map[k]: text offset of the character behind s[k];
	                      map[s.len]: the end of the folded span */
	size_t cap;        /* elements allocated in map */
} folded;

/* The part of a folded line the rules look at. */
typedef struct fview {
	const char *t;     /* the text */
	size_t tlen;       /* its length */
	const char *s;     /* folded bytes of the core */
	size_t n;          /* their number */
	const size_t *map; /* map[k] for s[k], as in folded */
	size_t lead;       /* first byte of the first letter or digit */
	size_t tail;       /* one past the last letter or digit */
	size_t words;      /* runs between spaces with a letter or digit */
} fview;

/* Everything the passes share. */
typedef struct cleaner {
	const nsum_lang *lang; /* may be NULL */
	const char *t;         /* the text */
	size_t tlen;           /* its length */
	folded f;              /* the line being classified */
	nsum_buf scratch;      /* a word in lower case, a repeat key */
} cleaner;

/* ---------------------------------------------------------------------- */
/* Word lists, folded. */

static const char *const months[] = {
	"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
	"septembre", "octobre", "novembre", "decembre", "janv", "fevr", "fev",
	"avr", "juil", "sept", "oct", "nov", "dec", "january", "february",
	"march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun",
	"jul", "aug", "sep",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};

/* Words a "Publié le ... à ..." line is made of, besides dates. */
static const char *const date_fillers[] = {
	"le", "la", "l", "a", "au", "du", "de", "et", "h", "min", "mn",
	"heure", "heures", "minutes", "hier", "aujourd'hui", "il", "y", "en",
	"par", "at", "on", "by", "am", "pm", "gmt", "utc", "cet", "cest",
	"depuis", "the", "ligne",
};

/* Words that make a line of dates a "Publié le / Mis à jour" line. */
static const char *const date_keywords[] = {
	"publie", "publiee", "mis", "mise", "jour", "modifie", "modifiee",
	"actualise", "actualisee", "maj", "updated", "published", "posted",
	"cree", "creee", "edite",
};

/* News agencies: their name alone is a byline, "(AFP)" a text credit. */
static const char *const agencies[] = {
	"afp", "reuters", "ap", "aa", "anadolu", "belga", "ats", "dpa", "efe",
	"ansa", "xinhua", "tass", "upi", "kyodo", "apa", "aps", "pa",
	"agence france-presse", "associated press", "agences",
};

/* Photo agencies and picture banks: only a photo credit names them. */
static const char *const photo_agencies[] = {
	"getty", "maxppp", "sipa", "abaca", "abacapress", "nurphoto",
	"hanslucas", "lucas", "epa", "pool", "shutterstock", "istock",
	"istockphoto", "leemage", "divergence", "zuma", "sopa", "imago",
	"alamy", "bestimage", "panoramic", "wikimedia", "unsplash", "ip3",
	"starface", "afpphoto",
};

/*
 * How a credit may open when it names no photo agency ("Photo AFP",
 * "Crédit photo : X", "Photo d'illustration"); prose puts "(photo)" alone
 * after a sentence, and "(Crédit Foncier, ...)" is a bank.
 */
static const char *const photo_starts[] = {
	"photo", "photos", "credit photo", "credits photo", "credit :",
	"credits :", "credit:", "credits:", "illustration", "capture d'ecran",
	"archives", "dr", "image",
};

/* Sites and broadcasters: their name alone on a line is chrome. */
static const char *const media[] = {
	"france televisions", "franceinfo", "france info", "france 24",
	"france 2", "france 3", "france inter", "france culture",
	"radio france", "rfi", "le monde", "le figaro", "liberation",
	"le parisien", "aujourd'hui en france", "l'express", "le point",
	"l'obs", "les echos", "la croix", "l'humanite", "mediapart",
	"ouest-france", "ouest france", "sud ouest", "la depeche",
	"la depeche du midi", "le progres", "la voix du nord", "le telegramme",
	"20 minutes", "20minutes", "bfmtv", "bfm tv", "cnews", "lci", "tf1",
	"tf1 info", "tf1info", "europe 1", "rtl", "rmc", "huffpost",
	"le huffpost", "huffington post", "slate", "konbini", "brut",
	"euronews", "rtbf", "rtbf info", "rts", "rts info", "tv5monde",
	"jeune afrique", "le journal du dimanche", "jdd", "marianne",
	"challenges", "l'equipe", "courrier international", "arte",
	"public senat", "lcp", "radio-canada", "ici radio-canada",
	"agence anadolu", "anadolu ajansi", "le dauphine libere",
	"les dernieres nouvelles d'alsace", "dna", "la provence", "nice-matin",
	"midi libre", "le nouvel obs", "le journal de montreal", "seneweb",
	"senenews", "dakaractu", "apanews", "le360", "hespress",
};

/* Section names: alone on a line, they are a category. */
static const char *const categories[] = {
	"politique", "monde", "international", "economie", "societe",
	"culture", "sport", "sports", "sante", "sciences", "science", "planete",
	"environnement", "justice", "education", "medias", "opinion",
	"opinions", "idees", "debats", "actualite", "actualites", "actu",
	"france", "europe", "afrique", "asie", "ameriques", "moyen-orient",
	"regions", "faits-divers", "tech", "high-tech", "numerique", "emploi",
	"immobilier", "argent", "loisirs", "people", "lifestyle",
	"automobile", "voyage", "meteo", "video", "videos", "podcast",
	"podcasts", "diplomatie", "defense", "geopolitique", "editorial",
	"tribune", "entretien", "analyse", "decryptage", "chronique",
	"faits divers", "accueil",
};

/* Lower-case words a name may hold ("Jean de La Fontaine"). */
static const char *const connectors[] = {
	"de", "du", "des", "d", "le", "la", "van", "von", "der", "den", "ben",
	"bin", "al", "el", "di", "da", "dos", "y", "et", "and", "&",
};

/* What a signature line says about its author. */
static const char *const roles[] = {
	"chroniqueur", "chroniqueuse", "journaliste", "correspondant",
	"correspondante", "envoye", "envoyee", "special", "speciale",
	"redacteur", "redactrice", "editorialiste", "reporter", "photographe",
	"stagiaire", "contributeur", "contributrice", "auteur", "autrice",
	"redaction", "editeur", "editrice", "pigiste", "collaborateur",
	"collaboratrice", "service", "international", "politique", "a", "en",
	"chef",
};

/* Whole lines that are site furniture. */
static const char *const chrome_lines[] = {
	"partager", "partager l'article", "partager cet article", "partagez",
	"partagez cet article", "imprimer", "imprimer l'article", "commenter",
	"commentaire", "commentaires", "voir les commentaires",
	"afficher les commentaires", "reagir", "reagissez", "newsletter",
	"newsletters", "abonnez-vous", "abonnez vous", "s'abonner",
	"je m'abonne", "lecture en cours", "chargement en cours", "video",
	"videos", "suivez-nous", "suivez nous", "accueil", "menu", "rechercher",
	"recherche", "fermer", "retour", "copier le lien", "lien copie",
	"envoyer par e-mail", "envoyer par mail", "envoyer par email",
	"les plus lus", "les plus partages", "a la une", "en direct", "direct",
	"lire la suite", "lire plus", "voir plus", "voir la suite",
	"en savoir plus", "ecouter", "ecouter cet article", "ecouter l'article",
	"offrir cet article", "offrir l'article", "ajouter a mes favoris",
	"ajouter aux favoris", "sauvegarder", "enregistrer", "s'inscrire",
	"se connecter", "connexion", "inscription", "cet evenement est passe",
	"cet evenement est termine", "evenement passe", "sommaire",
	"signaler un abus", "signaler une erreur", "mots-cles", "mots cles",
	"tags", "l'essentiel", "nos articles", "derniers articles",
	"articles recommandes", "recommande pour vous", "vous aimerez aussi",
	"vous pourriez aussi aimer", "a ne pas manquer", "agrandir l'image",
	"plein ecran", "diaporama", "galerie", "galerie photos",
	"ajouter a l'agenda", "ajouter au calendrier", "j'ai compris",
	"accepter", "tout accepter", "refuser", "tout refuser",
	"parametrer les cookies", "gerer les cookies", "gerer mes choix",
	"continuer sans accepter", "cookies", "replay", "ecouter le podcast",
	"regarder la video", "voir la video", "lire la video", "play", "pause",
	"passer la publicite", "la redaction vous conseille", "en continu",
	"toute l'actualite", "suivre", "suivre ce sujet", "s'abonner a la newsletter",
	"telecharger l'application", "deja abonne", "mon compte",
	"se deconnecter", "top", "haut de page", "retour en haut",
	"nos offres", "faire un don", "soutenez-nous",
};

/* "Lire aussi" teasers: a word or two before the teased title. */
static const char *const read_also[] = {
	"a lire aussi", "a lire egalement", "a lire ici", "lire aussi",
	"lire egalement", "a voir aussi", "a voir egalement", "voir aussi",
	"voir egalement", "a relire", "a redecouvrir", "a decouvrir aussi",
	"a ecouter aussi", "ecouter aussi", "a regarder aussi",
	"regarder aussi", "sur le meme sujet", "sur le meme theme",
	"dans la meme rubrique", "a consulter aussi", "decouvrez aussi",
	"notre dossier", "notre article",
};

/* Short teasers: only with a colon or alone on the line. */
static const char *const read_also_short[] = {
	"a lire", "a voir", "lire", "voir", "a decouvrir", "a ecouter",
	"a regarder", "a suivre",
};

/* Whole lines that are advertising. */
static const char *const ad_lines[] = {
	"publicite", "pub", "publicites", "annonce", "annonces", "sponsorise",
	"sponsorisee", "contenu sponsorise", "contenus sponsorises",
	"article sponsorise", "contenu partenaire", "contenus partenaires",
	"advertisement", "advertising", "sponsored", "sponsored content",
	"publireportage", "publi-reportage", "publi-redactionnel",
	"publi redactionnel", "communique sponsorise", "contenu de marque",
	"brand content", "espace publicitaire", "annonce partenaire",
	"la suite apres la publicite", "la suite apres cette publicite",
	"la suite apres la pub", "suite apres la publicite",
	"la suite de l'article apres cette publicite", "annoncez ici",
};

/* Ads that start this way. */
static const char *const ad_starts[] = {
	"votre pub", "votre publicite", "votre annonce", "publicite :",
	"sponsorise par", "contenu sponsorise par",
};

/* Lines that start this way and a colon, and how many words they may have. */
typedef struct colon_rule {
	const char *word;
	size_t max_words;
} colon_rule;

static const colon_rule chrome_colons[] = {
	{ "mots-cles", 40 }, { "mots cles", 40 }, { "mot-cle", 40 },
	{ "tags", 40 }, { "themes", 40 }, { "theme", 20 }, { "sujets", 40 },
	{ "categories", 20 }, { "categorie", 20 }, { "rubrique", 10 },
	{ "rubriques", 20 }, { "source", 8 }, { "sources", 12 },
	{ "lieu", 10 }, { "horaires", 12 }, { "partager", 12 },
	{ "suivez-nous", 12 }, { "lien", 8 }, { "liens", 12 },
	{ "share", 12 }, { "tarif", 10 }, { "tarifs", 12 }, { "date", 10 },
	{ "dates", 12 },
};

/* Calls to the reader that open a line of chrome. */
static const char *const chrome_starts[] = {
	"abonnez-vous", "abonnez vous", "inscrivez-vous", "suivez-nous",
	"suivez nous", "telechargez l'application", "telechargez notre",
	"rejoignez-nous", "retrouvez-nous", "suivez toute l'actualite",
	"suivez l'actualite", "activez les notifications", "pour ne rien manquer",
	"ne manquez rien", "recevez notre", "recevez nos", "s'abonner a",
	"cliquez ici", "faites un don", "soutenez notre", "cet article vous a plu",
	"vous avez aime cet article", "vous souhaitez reagir",
};

/* Words of a line of share buttons. */
static const char *const share_words[] = {
	"partager", "partagez", "facebook", "twitter", "x", "linkedin",
	"whatsapp", "messenger", "telegram", "bluesky", "threads", "instagram",
	"pinterest", "reddit", "flipboard", "email", "e-mail", "mail", "sur",
	"par", "le", "lien", "copier", "imprimer", "envoyer", "tweet",
	"tweeter", "youtube", "tiktok", "snapchat", "google", "news", "rss",
	"mastodon", "copie", "share", "print", "partage",
};

/* Of share_words, the ones that name a network (or the button itself). */
static const char *const networks[] = {
	"partager", "partagez", "facebook", "twitter", "linkedin", "whatsapp",
	"messenger", "telegram", "bluesky", "instagram", "pinterest", "reddit",
	"flipboard", "youtube", "tiktok", "snapchat", "mastodon", "share",
};

/* Phrases that make a line a paywall, subscription or copyright notice. */
static const char *const disclaimer_strong[] = {
	"tous droits reserves", "all rights reserved", "pour vous abonner",
	"de cet article a lire", "article reserve aux abonnes",
	"contenu reserve aux abonnes",
};

/* The same, but only in a short line: prose may say them too. */
static const char *const disclaimer_weak[] = {
	"toute reproduction", "reproduction interdite", "droits de reproduction",
	"reserve aux abonnes", "reservee aux abonnes", "reserve a nos abonnes",
	"reservee a nos abonnes", "pour lire la suite", "connectez-vous",
	"deja abonne", "abonnes uniquement",
};

#define COUNT(a) (sizeof(a) / sizeof(*(a)))

/* ---------------------------------------------------------------------- */
/* Folding. */

/*
 * What utf8proc's decomposition, case folding and mark stripping (fold_cp())
 * make of U+00C0..U+00FF when it is one ASCII letter: 'e' for É, È, é, è ...
 * 0 where it is something else (Æ, Ð, ×, Ø, Þ, ß ...), which fold_cp()
 * leaves to utf8proc.
 */
static const char latin1_base[64] = {
	'a', 'a', 'a', 'a', 'a', 'a', 0, 'c',       /* U+00C0 */
	'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',     /* U+00C8 */
	0, 'n', 'o', 'o', 'o', 'o', 'o', 0,         /* U+00D0 */
	0, 'u', 'u', 'u', 'u', 'y', 0, 0,           /* U+00D8 */
	'a', 'a', 'a', 'a', 'a', 'a', 0, 'c',       /* U+00E0 */
	'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',     /* U+00E8 */
	0, 'n', 'o', 'o', 'o', 'o', 'o', 0,         /* U+00F0 */
	0, 'u', 'u', 'u', 'u', 'y', 0, 'y',         /* U+00F8 */
};

/* fold_cp() of an ASCII character, which folds to one byte. */
static char fold_ascii(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return (char)(c | 0x20);
	if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r')
		return ' ';
	return (char)c;
}

/*
 * Whether byte c is ASCII that fold_span() copies as fold_ascii() makes it,
 * one byte for one: not white space nor a control character, and not a
 * quote mark it leaves out (quotes false).
 */
static bool plain_ascii(char c, bool quotes)
{
	unsigned char u = (unsigned char)c;

	return u > ' ' && u < 0x80 && (quotes || u != '"');
}

/*
 * Fold the character cp for matching into out (at least 16 bytes): lower
 * case without accents; white space as ' '; apostrophes as '\''; hyphens
 * and dashes as '-'; guillemets and curly quotes as '"'; '…' as "...".
 * Returns the number of bytes, 0 for a combining mark (it goes with the
 * letter before).
 */
static size_t fold_cp(int32_t cp, char *out)
{
	utf8proc_int32_t dst[4];
	utf8proc_ssize_t k, j;
	size_t n = 0;

	if (cp < 0x80) {
		out[0] = fold_ascii((unsigned char)cp);
		return 1;
	}
	/* The accented letters of French (and of Latin-1), without utf8proc. */
	if (cp >= 0xC0 && cp <= 0xFF && latin1_base[cp - 0xC0]) {
		out[0] = latin1_base[cp - 0xC0];
		return 1;
	}
	if (u8_is_space(cp)) {
		out[0] = ' ';
		return 1;
	}
	if (u8_is_apostrophe(cp) || cp == 0x2018 || cp == 0x2032) {
		out[0] = '\'';
		return 1;
	}
	if (u8_is_hyphen(cp) || u8_is_dash(cp)) {
		out[0] = '-';
		return 1;
	}
	switch (cp) {
	case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E:
	case 0x201F: case 0x2039: case 0x203A:
		out[0] = '"';
		return 1;
	case 0x2026:
		memcpy(out, "...", 3);
		return 3;
	case 0x131:
		out[0] = 'i';
		return 1;
	case 0x152: case 0x153:
		memcpy(out, "oe", 2);
		return 2;
	case 0xC6: case 0xE6:
		memcpy(out, "ae", 2);
		return 2;
	}
	k = utf8proc_decompose_char(cp, dst, 4, UTF8PROC_DECOMPOSE |
		UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, NULL);
	if (k < 0 || k > 4)
		return u8_encode(cp, out);
	for (j = 0; j < k; j++)
		n += u8_encode(dst[j], out + n);
	return n;
}

/*
 * Fold t[a..b) into out (cleared first), runs of space as one ' ' and none
 * at either end.  With map non-NULL, also fill *map (capacity *cap, grown
 * as needed) as folded.map is described.  With quotes false, quote marks
 * are left out (repeat keys).  Returns 0, or -1 on no memory.
 */
static int fold_span(nsum_buf *out, size_t **map, size_t *cap,
	const char *t, size_t a, size_t b, bool quotes)
{
	size_t i = a, space_at = a;
	bool space = false;

	buf_clear(out);
	if (buf_reserve(out, b - a < SHORT_LINE ? b - a : SHORT_LINE) < 0)
		return -1;
	while (i < b) {
		char enc[16];
		int32_t cp;
		size_t k, n, j;

		/* A run of ASCII that is neither white space nor a dropped quote
		 * (nearly all of a line) folds byte for byte. */
		if (plain_ascii(t[i], quotes)) {
			size_t run = i + 1;

			while (run < b && plain_ascii(t[run], quotes))
				run++;
			n = run - i;
			if (out->cap - out->len < n + 2 && buf_reserve(out, n + 1) < 0)
				return -1;
			if (map && out->len + n + 2 > *cap && mem_grow((void **)map,
				cap, out->len + n + 2, sizeof(**map)) < 0)
				return -1;
			if (space) {
				if (map)
					(*map)[out->len] = space_at;
				out->data[out->len++] = ' ';
				space = false;
			}
			for (; i < run; i++) {
				if (map)
					(*map)[out->len] = i;
				out->data[out->len++] = fold_ascii((unsigned char)t[i]);
			}
			continue;
		}
		/* Other ASCII (white space, control characters) without a call. */
		if ((unsigned char)t[i] < 0x80) {
			enc[0] = fold_ascii((unsigned char)t[i]);
			k = n = 1;
		} else {
			k = u8_decode(t, b, i, &cp);
			n = fold_cp(cp, enc);
		}

		if (n == 1 && enc[0] == ' ') {
			if (!space)
				space_at = i;
			space = out->len > 0;
			i += k;
			continue;
		}
		if (n == 0 || (!quotes && n == 1 && enc[0] == '"')) {
			i += k;
			continue;
		}
		/* Room for a space, the n bytes and the final NUL. */
		if (out->cap - out->len < n + 2 && buf_reserve(out, n + 1) < 0)
			return -1;
		if (map && out->len + n + 2 > *cap && mem_grow((void **)map, cap,
			out->len + n + 2, sizeof(**map)) < 0)
			return -1;
		if (space) {
			if (map)
				(*map)[out->len] = space_at;
			out->data[out->len++] = ' ';
			space = false;
		}
		for (j = 0; j < n; j++) {
			if (map)
				(*map)[out->len] = i;
			out->data[out->len++] = enc[j];
		}
		i += k;
	}
	out->data[out->len] = '\0';
	if (map) {
		if (mem_grow((void **)map, cap, out->len + 1, sizeof(**map)) < 0)
			return -1;
		(*map)[out->len] = b;
	}
	return 0;
}

/*
 * Fold t[a..b) into low (size bytes, NUL-terminated) as fold_cp() does.
 * Returns false when it does not fit.
 */
static bool fold_small(const char *t, size_t a, size_t b, char *low,
	size_t size)
{
	size_t n = 0;

	while (a < b) {
		char enc[16];
		int32_t cp;
		size_t k = u8_decode(t, b, a, &cp), m = fold_cp(cp, enc);

		if (n + m >= size)
			return false;
		memcpy(low + n, enc, m);
		n += m;
		a += k;
	}
	low[n] = '\0';
	return true;
}

/* Whether the folded byte string s[0..n) has a letter or digit at i. */
static bool alnum_at(const char *s, size_t n, size_t i, size_t *len)
{
	int32_t cp;

	*len = u8_decode(s, n, i, &cp);
	return u8_is_alnum(cp);
}

/* Build the view of the folded core (which starts at text offset from). */
static void make_view(const cleaner *c, size_t from, fview *v)
{
	const folded *f = &c->f;
	size_t k0 = 0, i, len;
	bool word = false;

	while (k0 < f->s.len && f->map[k0] < from)
		k0++;
	v->t = c->t;
	v->tlen = c->tlen;
	v->s = f->s.data ? f->s.data + k0 : "";
	v->n = f->s.len - k0;
	v->map = f->map ? f->map + k0 : NULL;
	v->lead = v->n;
	v->tail = 0;
	v->words = 0;
	/* One pass: the first and last letter or digit, and the runs between
	 * spaces that hold one. */
	for (i = 0; i < v->n; i += len) {
		if (v->s[i] == ' ') {
			v->words += word;
			word = false;
			len = 1;
			continue;
		}
		if (alnum_at(v->s, v->n, i, &len)) {
			if (v->lead == v->n)
				v->lead = i;
			v->tail = i + len;
			word = true;
		}
	}
	v->words += word;
	if (v->lead == v->n)
		v->tail = v->n;
}

/* ---------------------------------------------------------------------- */
/* Small tests on the folded view. */

/* Whether s[i..n) starts with pat at the end of a word (or pat's end is
 * not a letter); sets *after. */
static bool match_at(const char *s, size_t n, size_t i, const char *pat,
	size_t *after)
{
	size_t m = strlen(pat), len;

	if (m == 0 || m > n - i || memcmp(s + i, pat, m) != 0)
		return false;
	if (i + m < n && alnum_at(s, n, i + m, &len) &&
		alnum_at(pat, m, m - 1, &len))
		return false;
	if (after)
		*after = i + m;
	return true;
}

/* Whether the view's letters start with pat (a whole word or more). */
static bool starts(const fview *v, const char *pat, size_t *after)
{
	return match_at(v->s, v->n, v->lead, pat, after);
}

/*
 * Whether the view, from its first letter to its last, is pat.  One word
 * with a period is a sentence ("Retour."), never a button.
 */
static bool whole(const fview *v, const char *pat)
{
	size_t m = strlen(pat);

	if (v->words == 1 && v->n > 0 && v->s[v->n - 1] == '.')
		return false;
	return v->tail - v->lead == m && memcmp(v->s + v->lead, pat, m) == 0;
}

/* Whether the view is one of the n phrases of list (see whole()). */
static bool whole_any(const fview *v, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (whole(v, list[i]))
			return true;
	return false;
}

/* Whether pat occurs in the view as whole words. */
static bool contains(const fview *v, const char *pat)
{
	size_t i = 0, len;
	const char *p;

	/* Only where the first byte matches (memchr finds those fast). */
	while (i < v->n && (p = memchr(v->s + i, pat[0], v->n - i)) != NULL) {
		i = (size_t)(p - v->s);
		if (!(i > 0 && alnum_at(v->s, v->n, i - 1, &len) &&
			alnum_at(pat, strlen(pat), 0, &len)) &&
			match_at(v->s, v->n, i, pat, NULL))
			return true;
		i++;
	}
	return false;
}

/* Whether one of the n phrases of list occurs in the view. */
static bool contains_any(const fview *v, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (contains(v, list[i]))
			return true;
	return false;
}

/*
 * The next word of the view from *pos: a run between spaces with the
 * punctuation around it stripped, in [*a, *b) (empty for a run of
 * punctuation).  Returns false at the end.
 */
static bool next_word(const fview *v, size_t *pos, size_t *a, size_t *b)
{
	size_t i = *pos, len;
	int32_t cp;

	while (i < v->n && v->s[i] == ' ')
		i++;
	if (i >= v->n)
		return false;
	*a = i;
	while (i < v->n && v->s[i] != ' ')
		i++;
	*b = *pos = i;
	while (*a < *b && !alnum_at(v->s, *b, *a, &len))
		*a += len;
	while (*b > *a) {
		len = u8_decode_prev(v->s, *b, &cp);
		if (u8_is_alnum(cp))
			break;
		*b -= len;
	}
	return true;
}

/* Whether the folded word v->s[a..b) is w. */
static bool word_is(const fview *v, size_t a, size_t b, const char *w)
{
	if (a == b)
		return w[0] == '\0';
	/* The first byte rules out nearly every word of a list, cheaply. */
	return w[0] == v->s[a] && strlen(w) == b - a &&
		memcmp(v->s + a, w, b - a) == 0;
}

/* Whether the folded word v->s[a..b) is one of the n words of list. */
static bool word_in(const fview *v, size_t a, size_t b,
	const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (word_is(v, a, b, list[i]))
			return true;
	return false;
}

/* Whether the word at folded byte a was written with a capital. */
static bool capital_at(const fview *v, size_t a)
{
	int32_t cp;

	u8_decode(v->t, v->tlen, v->map[a], &cp);
	return u8_is_upper(cp);
}

/* Whether s[a..b) holds an ASCII digit. */
static bool has_digit(const char *s, size_t a, size_t b)
{
	for (; a < b; a++)
		if (s[a] >= '0' && s[a] <= '9')
			return true;
	return false;
}

/* Whether the view holds a byte of set (ASCII). */
static bool has_char(const fview *v, const char *set)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (strchr(set, v->s[i]) && v->s[i])
			return true;
	return false;
}

/*
 * Whether the folded word s[a..b) is a date or a time: digits with / . : -
 * h or ISO's t, z and + between them ("14/03/2025", "11h03", "1er",
 * "2025-03-14t09:12:00+00:00").  *full is set for a whole date (day, month
 * and year: two separators and six digits or more).
 */
static bool date_token(const char *s, size_t a, size_t b, bool *full)
{
	size_t digits = 0, seps = 0, i;

	*full = false;
	if (b - a >= 3 && memcmp(s + b - 2, "er", 2) == 0 &&
		has_digit(s, a, b - 2) && b - a <= 4)
		b -= 2;
	for (i = a; i < b; i++) {
		char ch = s[i];

		if (ch >= '0' && ch <= '9')
			digits++;
		else if (ch == '/' || ch == '.' || ch == '-')
			seps++;
		else if (ch != ':' && ch != 'h' && ch != 't' && ch != 'z' &&
			ch != '+')
			return false;
	}
	*full = digits >= 6 && seps >= 2;
	return digits > 0;
}

/* Top-level domains: "x.org/wiki" is a link, "mot.bur/cat" is not. */
static const char *const domains[] = {
	"com", "org", "net", "fr", "eu", "be", "ch", "ca", "io", "info",
	"gouv", "uk", "de", "it", "es", "tv", "co", "int", "ly", "me", "gl",
	"gd", "ma", "sn", "dz", "tn", "ci", "cm", "live", "news", "app",
	"social", "online", "site", "ai", "us", "ru", "ua", "jp", "cn", "edu",
	"gov", "lu", "re", "pf", "nc", "bf", "ml", "ga", "cd", "sh",
};

/* Whether s[0..n) is the lower-case ASCII word w, whatever the case. */
static bool ascii_ieq(const char *s, size_t n, const char *w)
{
	size_t i;

	if (strlen(w) != n)
		return false;
	for (i = 0; i < n; i++) {
		char ch = s[i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch | 0x20);
		if (ch != w[i])
			return false;
	}
	return true;
}

/*
 * Whether the word s[a..b) is a link, a handle or a hashtag: "@x", "#x",
 * "http://...", "www...." or "host.tld/path" with a known top-level
 * domain (*url set for the links).  Quotes and punctuation around it are
 * ignored.
 */
static bool link_word(const char *s, size_t a, size_t b, bool *url)
{
	size_t i, j, len, dot = 0;

	*url = false;
	while (a < b && strchr("([<\"'", s[a]) && s[a])
		a++;
	while (b > a && strchr(")]>\"'.,;:!?", s[b - 1]) && s[b - 1])
		b--;
	if (b - a >= 2 && (s[a] == '@' || s[a] == '#'))
		return alnum_at(s, b, a + 1, &len) || s[a + 1] == '_';
	if ((b - a > 7 && memcmp(s + a, "http://", 7) == 0) ||
		(b - a > 8 && memcmp(s + a, "https://", 8) == 0) ||
		(b - a > 4 && memcmp(s + a, "www.", 4) == 0)) {
		*url = true;
		return true;
	}
	for (i = a; i < b && s[i] != '/'; i++)
		if (s[i] == '.')
			dot = i;
	if (!dot || i >= b || dot + 1 >= i)
		return false;
	for (j = 0; j < COUNT(domains); j++)
		if (i - dot - 1 == strlen(domains[j]) &&
			ascii_ieq(s + dot + 1, i - dot - 1, domains[j])) {
			*url = true;
			return true;
		}
	return false;
}

/* ---------------------------------------------------------------------- */
/* Tests on the text itself. */

/* The last character of t[a..b) (b > a), and where it starts. */
static int32_t last_cp(const char *t, size_t a, size_t b, size_t *at)
{
	int32_t cp;
	size_t k = u8_decode_prev(t, b, &cp);

	*at = b - k >= a ? b - k : a;
	return cp;
}

/* Whether cp closes a quotation (or a parenthesis). */
static bool closing_quote(int32_t cp)
{
	return cp == 0xBB || cp == 0x201D || cp == '"' || cp == 0x2019 ||
		cp == ')';
}

/* Whether cp ends a sentence: . ! ? … */
static bool final_stop(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Whether t[a..b) ends like a sentence: . ! ? … or a closing quote. */
static bool ends_sentence(const char *t, size_t a, size_t b)
{
	size_t at;
	int32_t cp;

	if (b <= a)
		return false;
	cp = last_cp(t, a, b, &at);
	return final_stop(cp) || (closing_quote(cp) && cp != ')');
}

/* Move a forward and b back over white space. */
static void trim_space(const char *t, size_t *a, size_t *b)
{
	int32_t cp;
	size_t k;

	while (*a < *b) {
		k = u8_decode(t, *b, *a, &cp);
		if (!u8_is_space(cp))
			break;
		*a += k;
	}
	while (*b > *a) {
		k = u8_decode_prev(t, *b, &cp);
		if (!u8_is_space(cp))
			break;
		*b -= k;
	}
}

/* Whether cp marks a list item at the start of a line. */
static bool bullet(int32_t cp)
{
	switch (cp) {
	case '-': case '*': case '>': case 0x2022: case 0xB7: case 0x25BA:
	case 0x25B6: case 0x25B8: case 0x25A0: case 0x25AA: case 0x2192:
	case 0x25CF: case 0x25C6: case 0x2013: case 0x2014: case 0x2023:
	case 0x27A4: case 0x2794:
		return true;
	}
	return false;
}

/* Where t[a..b) starts once a leading bullet and its space are skipped. */
static size_t skip_bullet(const char *t, size_t a, size_t b)
{
	int32_t cp, next;
	size_t k = u8_decode(t, b, a, &cp), k2;

	if (!bullet(cp) || a + k >= b)
		return a;
	k2 = u8_decode(t, b, a + k, &next);
	if (!u8_is_space(next))
		return a;
	a += k + k2;
	while (a < b) {
		k = u8_decode(t, b, a, &cp);
		if (!u8_is_space(cp))
			break;
		a += k;
	}
	return a;
}

/* Whether t[a..b) holds a letter or a digit. */
static bool has_alnum(const char *t, size_t a, size_t b)
{
	while (a < b) {
		int32_t cp;

		a += u8_decode(t, b, a, &cp);
		if (u8_is_alnum(cp))
			return true;
	}
	return false;
}

/* Whether cp is an emoji or a pictograph (posts use them, prose not). */
static bool emoji(int32_t cp)
{
	return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
}

/* ASCII-case-insensitive: does t[i..b) start with the lower-case pat? */
static bool ascii_at(const char *t, size_t i, size_t b, const char *pat)
{
	size_t m = strlen(pat), j;

	if (m > b - i)
		return false;
	for (j = 0; j < m; j++) {
		char ch = t[i + j];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch | 0x20);
		if (ch != pat[j])
			return false;
	}
	return true;
}

/*
 * Whether t[a..b) looks like the text of a social post: a @handle or
 * #hashtag, a link, an emoji, or a final "…" where the post was cut.
 */
static bool post_like(const char *t, size_t a, size_t b)
{
	size_t i = a, at;
	int32_t prev = ' ', cp, next;

	while (i < b) {
		size_t k = u8_decode(t, b, i, &cp);

		if ((cp == '@' || cp == '#') && !u8_is_alnum(prev) && i + k < b) {
			u8_decode(t, b, i + k, &next);
			if (u8_is_alnum(next) || next == '_')
				return true;
		}
		if ((cp == 'h' && (ascii_at(t, i, b, "http://") ||
			ascii_at(t, i, b, "https://"))) ||
			(cp == 'w' && !u8_is_alnum(prev) && ascii_at(t, i, b, "www.")) ||
			(cp == 'p' && ascii_at(t, i, b, "pic.twitter.com")) ||
			(cp == 't' && !u8_is_alnum(prev) && ascii_at(t, i, b, "t.co/")) ||
			emoji(cp))
			return true;
		prev = cp;
		i += k;
	}
	cp = last_cp(t, a, b, &at);
	return cp == 0x2026 || (b - a >= 3 && memcmp(t + b - 3, "...", 3) == 0);
}

/* ---------------------------------------------------------------------- */
/* The rules of the first pass. */

/* What date_words() found in a line. */
typedef struct date_facts {
	size_t digits;   /* words that are dates or times */
	size_t words;    /* words of any other kind */
	size_t kw;       /* "publié", "mis à jour" ... */
	size_t caps;     /* other capitalized words (an author, a city) */
	bool full;       /* a whole date: "14/03/2025" */
	bool month;      /* a month or day name */
} date_facts;

/*
 * Whether the folded words of v are only dates, times, month and day
 * names, "publié / mis à jour" words, fillers ("le", "à") and capitalized
 * words, at least one of them with a digit; fills *d.  Returns false at
 * the first other word.
 */
static bool date_words(const fview *v, date_facts *d)
{
	size_t pos = 0, a, b;

	memset(d, 0, sizeof(*d));
	while (next_word(v, &pos, &a, &b)) {
		bool f;

		if (a == b)
			continue;
		if (date_token(v->s, a, b, &f)) {
			d->digits++;
			d->full |= f;
			continue;
		}
		d->words++;
		if (word_in(v, a, b, months, COUNT(months)))
			d->month = true;
		else if (word_in(v, a, b, date_keywords, COUNT(date_keywords)))
			d->kw++;
		else if (word_in(v, a, b, date_fillers, COUNT(date_fillers)))
			continue;
		else if (capital_at(v, a))
			d->caps++;
		else
			return false;
	}
	return d->digits > 0;
}

/*
 * A dateline: "Publié le 14/03/2025 08:15 Mis à jour le ...", an author
 * and a date around a bar, a date alone ("29 décembre 2025", "Paris, le 6
 * janvier 2026"), "Il y a 2 heures", times alone ("00:00 / 03:12", a video
 * player's).  A line with any other lower-case word ("Publié en 2019, le
 * rapport ...") is prose; one ending with a colon ("Le 8 août :") heads a
 * part of a chronology.
 */
static bool dateline(const fview *v)
{
	date_facts d;

	if (v->words > 25 || (v->n > 0 && v->s[v->n - 1] == ':') ||
		!date_words(v, &d))
		return false;
	if (d.kw)
		return d.caps <= 6;
	if (d.caps == 0 && v->words <= 6 && starts(v, "il y a", NULL))
		return true;
	if (d.words == 0 && d.digits <= 4 && (has_char(v, ":/") || d.full))
		return true;
	return d.caps <= 3 && (d.full || d.month) && v->words >= (d.full ? 1 : 2);
}

/* "Temps de lecture : 1min", "Lecture : 3 min", "5 min de lecture". */
static bool reading_time(const fview *v)
{
	size_t after;

	if (v->words > 8)
		return false;
	if (starts(v, "temps de lecture", NULL) ||
		starts(v, "duree de lecture", NULL) || contains(v, "min read") ||
		contains(v, "minute read") || contains(v, "minutes read") ||
		contains(v, "reading time"))
		return true;
	if (starts(v, "lecture", &after)) {
		while (after < v->n && (v->s[after] == ' ' || v->s[after] == ':'))
			after++;
		return after < v->n && v->s[after] >= '0' && v->s[after] <= '9';
	}
	return v->words <= 5 && contains(v, "de lecture") &&
		has_digit(v->s, 0, v->n);
}

/*
 * A "Lire aussi" teaser.  After the words comes the end of the line
 * (*bare is then set: the teased titles are on the next lines), a colon or
 * dash, or the teased title with its capital; "Voir aussi les chiffres
 * ..." goes on in lower case and is prose.
 */
static bool read_also_line(const fview *v, bool *bare)
{
	size_t i, after;

	for (i = 0; i < COUNT(read_also) + COUNT(read_also_short); i++) {
		bool isshort = i >= COUNT(read_also);
		const char *p = isshort ? read_also_short[i - COUNT(read_also)] :
			read_also[i];
		char ch;

		if (!starts(v, p, &after))
			continue;
		if (after >= v->tail) {
			*bare = true;
			return true;
		}
		while (after < v->n && v->s[after] == ' ')
			after++;
		ch = v->s[after];
		if (ch == ':' || ch == '-' || ch == '>' || ch == '|' ||
			(ch == '"' && !isshort))
			return true;
		if (!isshort && (capital_at(v, after) ||
			(ch >= '0' && ch <= '9')))
			return true;
		return false;
	}
	return false;
}

/* An ad: "Publicité", "Votre Pub ici !", "Contenus sponsorisés". */
static bool ad_line(const fview *v)
{
	size_t i;

	if (whole_any(v, ad_lines, COUNT(ad_lines)))
		return true;
	if (v->words > 10)
		return false;
	for (i = 0; i < COUNT(ad_starts); i++)
		if (starts(v, ad_starts[i], NULL))
			return true;
	return false;
}

/*
 * A paywall, subscription or copyright notice: "© AFP 2025", "Tous droits
 * réservés", an agency's note that only part of its dispatches is shown.
 */
static bool disclaimer(const fview *v)
{
	if (v->words > 80)
		return false;
	if (v->words <= 15 && (match_at(v->s, v->n, 0, "(c)", NULL) ||
		match_at(v->s, v->n, 0, "\xc2\xa9", NULL) ||
		starts(v, "copyright", NULL)))
		return true;
	if (contains_any(v, disclaimer_strong, COUNT(disclaimer_strong)))
		return true;
	if (v->words <= 20 &&
		contains_any(v, disclaimer_weak, COUNT(disclaimer_weak)))
		return true;
	return contains(v, "depeches") && contains(v, "abonnes");
}

/*
 * What the words of a credit s[a..b) say: 2 for a photo credit ("MARCO
 * ROSSI / HANS LUCAS / AFP", "Photo d'illustration", "© X"), 1 for an
 * agency alone ("AFP", "AFP/Reuters"), 0 otherwise ("OTAN", "IPSE", and
 * "photo" alone, which prose writes after a sentence about a picture).
 */
static int credit_kind(const fview *v, size_t a, size_t b)
{
	fview w = *v;
	size_t pos = 0, wa, wb, n = 0, agency = 0, photo = 0, other = 0, i;
	bool slash = false, generic = false;

	w.s = v->s + a;
	w.n = b - a;
	w.map = v->map + a;
	for (i = 0; i < w.n; i++) {
		slash |= w.s[i] == '/';
		if (i + 1 < w.n && memcmp(w.s + i, "\xc2\xa9", 2) == 0)
			photo++;
	}
	w.lead = 0;
	while (w.lead < w.n && w.s[w.lead] == ' ')
		w.lead++;
	for (i = 0; i < COUNT(photo_starts) && !generic; i++)
		generic = starts(&w, photo_starts[i], NULL);
	while (next_word(&w, &pos, &wa, &wb)) {
		if (wa == wb)
			continue;
		n++;
		if (word_in(&w, wa, wb, agencies, COUNT(agencies)))
			agency++;
		else if (word_in(&w, wa, wb, photo_agencies,
			COUNT(photo_agencies)))
			photo++;
		else if (word_is(&w, wa, wb, "via"))
			slash = true;
		else
			other++;
	}
	if (n == 0 || n > 12)
		return 0;
	if (generic && (n >= 2 || slash))
		photo++;
	if (photo || (slash && agency && other))
		return 2;
	return agency && !other ? 1 : 0;
}

/*
 * Where a credit at the end of the view starts (folded offset), with its
 * kind (see credit_kind): a parenthesis, "© ..." or "... / AFP" after the
 * last sentence.  Returns false when the line ends otherwise.
 */
static bool credit_suffix(const fview *v, size_t *at, int *kind)
{
	size_t end = v->n, i, open = v->n, copy = v->n, stop = v->n;

	while (end > 0 && (v->s[end - 1] == ' ' || v->s[end - 1] == '.'))
		end--;
	if (end > 0 && v->s[end - 1] == ')') {
		for (i = end - 1; i > 0; i--) {
			if (v->s[i - 1] == ')')
				break;
			if (v->s[i - 1] == '(') {
				open = i - 1;
				break;
			}
		}
		if (open < v->n) {
			*kind = credit_kind(v, open + 1, end - 1);
			*at = open;
			return *kind != 0;
		}
		return false;
	}
	for (i = end; i > 0 && end - i < 120; i--) {
		if (i >= 2 && memcmp(v->s + i - 2, "\xc2\xa9", 2) == 0) {
			copy = i - 2;
			break;
		}
		if (stop == v->n && strchr(".!?\"", v->s[i - 1]) && v->s[i - 1])
			stop = i;
	}
	if (copy < v->n) {
		*kind = 2;
		*at = copy;
		return true;
	}
	if (stop < v->n && memchr(v->s + stop, '/', end - stop)) {
		*kind = credit_kind(v, stop, end) == 2 ? 2 : 0;
		*at = stop;
		return *kind != 0;
	}
	return false;
}

/* "Crédit photo : ...", "Photo : ...", "Photo d'illustration". */
static bool credit_line(const fview *v)
{
	static const char *const credit_starts[] = {
		"credit photo", "credits photo", "credit", "credits", "photo",
		"photos", "illustration", "image", "capture d'ecran",
		"photo d'illustration", "legende",
	};
	size_t i, after;

	if (v->words > 25)
		return false;
	for (i = 0; i < COUNT(credit_starts); i++) {
		if (!starts(v, credit_starts[i], &after))
			continue;
		while (after < v->n && v->s[after] == ' ')
			after++;
		if (after >= v->tail || v->s[after] == ':' ||
			strcmp(credit_starts[i], "photo d'illustration") == 0 ||
			strcmp(credit_starts[i], "capture d'ecran") == 0)
			return true;
	}
	return false;
}

/* A line of share buttons: "Facebook Twitter", "Partager sur X". */
static bool share_line(const fview *v)
{
	size_t pos = 0, a, b, net = 0;

	if (v->words > 12 || v->words == 0)
		return false;
	while (next_word(v, &pos, &a, &b)) {
		if (a == b)
			continue;
		if (!word_in(v, a, b, share_words, COUNT(share_words)))
			return false;
		net += word_in(v, a, b, networks, COUNT(networks));
	}
	return net > 0;
}

/* "Mots-clés : ...", "Source : AFP": a word of chrome_colons and ':'. */
static bool colon_line(const fview *v)
{
	size_t i, after;

	for (i = 0; i < COUNT(chrome_colons); i++) {
		if (v->words > chrome_colons[i].max_words ||
			!starts(v, chrome_colons[i].word, &after))
			continue;
		while (after < v->n && v->s[after] == ' ')
			after++;
		if (after < v->n && v->s[after] == ':')
			return true;
	}
	return false;
}

/*
 * Whether every word of the view is written with a capital, is a
 * connector or (with roles) a role word; *caps counts the capitalized
 * ones.  With lang, a capitalized stopword ("Les", "Une") means a phrase,
 * not a name.
 */
static bool capitalized_words(cleaner *c, const fview *v, size_t from,
	size_t to, bool roles_ok, size_t *caps)
{
	size_t pos = from, a, b;
	fview w = *v;

	w.n = to;
	*caps = 0;
	while (next_word(&w, &pos, &a, &b)) {
		if (a == b)
			continue;
		if (word_in(v, a, b, connectors, COUNT(connectors)))
			continue;
		if (roles_ok && word_in(v, a, b, roles, COUNT(roles)))
			continue;
		if (!capital_at(v, a))
			return false;
		if (c->lang) {
			buf_clear(&c->scratch);
			if (u8_lower_append(&c->scratch, v->t + v->map[a],
				v->map[b] - v->map[a]) < 0)
				return false;
			if (nsum_lang_is_stopword(c->lang, NSUM_LANG_FR,
				c->scratch.data, c->scratch.len))
				return false;
		}
		(*caps)++;
	}
	return true;
}

/*
 * A breadcrumb or a list of places: short capitalized items between
 * commas, '>', '|', '»' or '·' ("Politique, Monde").  With slash_only,
 * items between slashes ("AA / Gênes / Lucia Bianchi").
 */
static bool item_list(cleaner *c, const fview *v, bool slash_only)
{
	size_t i, from = 0, items = 0, caps;

	if (v->words > (slash_only ? 12 : 8) || v->words < 2 ||
		ends_sentence(v->t, v->map[0], v->map[v->n]) ||
		has_char(v, "():;!?"))
		return false;
	for (i = 0; i <= v->n; i++) {
		bool sep = i == v->n;

		if (i < v->n) {
			char ch = v->s[i];

			sep = slash_only ? ch == '/' : (ch == ',' || ch == '>' ||
				ch == '|' || ch == '"' || (ch == '\xc2' && i + 1 < v->n &&
				v->s[i + 1] == '\xb7'));
		}
		if (!sep)
			continue;
		if (i == from || !capitalized_words(c, v, from, i, false, &caps) ||
			caps == 0 || caps > 4)
			return false;
		items++;
		from = i + 1;
		if (i < v->n && v->s[i] == '\xc2')
			from++;
	}
	return items >= 2;
}

/*
 * A byline: "Par Jean Dupont", "Article rédigé par Jean Dupont - France
 * Télévisions", "Avec AFP", "AA / Gênes / Lucia Bianchi", "Propos
 * recueillis par ...", an agency's name alone.  After "Par" come names:
 * "Par ailleurs, ..." and "Par Gênes transitent ..." are prose.
 */
static bool byline(cleaner *c, const fview *v)
{
	static const char *const by_starts[] = {
		"article redige par", "un article de", "redige par", "ecrit par",
		"texte par", "reportage de", "par", "by",
	};
	size_t after, caps, i;

	if (whole_any(v, agencies, COUNT(agencies)) || whole(v, "la redaction") ||
		whole(v, "redaction"))
		return true;
	for (i = 0; i < COUNT(by_starts) && v->words <= 14 &&
		!ends_sentence(v->t, v->map[0], v->map[v->n]) &&
		!has_char(v, "\":;"); i++) {
		if (!starts(v, by_starts[i], &after))
			continue;
		while (after < v->n && v->s[after] == ' ')
			after++;
		if (after < v->n && capital_at(v, after) &&
			capitalized_words(c, v, after, v->n, true, &caps) && caps)
			return true;
		break;
	}
	if (v->words <= 12 && starts(v, "propos recueillis par", NULL))
		return true;
	if (v->words <= 8 && (contains(v, "avec afp") || contains(v, "avec l'afp")
		|| contains(v, "avec reuters") || contains(v, "avec ap") ||
		contains(v, "avec agences") || contains(v, "avec les agences")) &&
		v->tail >= v->n - 1)
		return true;
	return item_list(c, v, true);
}

/* Whether t[a..b) holds a lower-case letter. */
static bool has_lower(const char *t, size_t a, size_t b)
{
	while (a < b) {
		int32_t cp;

		a += u8_decode(t, b, a, &cp);
		if (u8_is_lower(cp))
			return true;
	}
	return false;
}

/*
 * A name alone: one to five words, each capitalized, a connector or a
 * role ("Lucia Bianchi", "Chroniqueuse associée", "Gênes").  Sets *one when
 * it is a single word (a city or a heading: the neighbours decide).  In
 * capitals, three words or a connector make a heading ("RISQUE DE
 * CONTREPARTIE"), not a name.
 */
static bool name_line(cleaner *c, const fview *v, bool *one)
{
	size_t caps;

	*one = false;
	if (v->words == 0 || v->words > TAIL_WORDS ||
		has_digit(v->s, 0, v->n) || has_char(v, ".!?:;\"(),"))
		return false;
	if (!capitalized_words(c, v, 0, v->n, true, &caps) || caps == 0)
		return false;
	if (caps != v->words || v->words >= 3)
		if (!has_lower(v->t, v->map[0], v->map[v->n]))
			return false;
	*one = v->words == 1;
	return true;
}

/*
 * Chrome: site furniture.  Whole lines ("Partager", "Cet évènement est
 * passé."), share buttons, "Mots-clés :", cookie and newsletter banners
 * (they speak to the reader), calls to subscribe, a site's name alone,
 * breadcrumbs.
 */
static bool chrome(cleaner *c, const fview *v)
{
	size_t i, pos = 0, a, b;
	bool count = false, digit = false;

	if (whole_any(v, chrome_lines, COUNT(chrome_lines)) ||
		whole_any(v, media, COUNT(media)) || share_line(v) ||
		colon_line(v) ||
		(v->words <= 2 && whole_any(v, categories, COUNT(categories))))
		return true;
	if (v->words <= 4) {
		while (next_word(v, &pos, &a, &b)) {
			count |= word_is(v, a, b, "commentaire") ||
				word_is(v, a, b, "commentaires") ||
				word_is(v, a, b, "reactions") ||
				word_is(v, a, b, "partages");
			digit |= a < b && has_digit(v->s, a, b);
		}
		if (count && digit)
			return true;
	}
	if (v->words <= 30)
		for (i = 0; i < COUNT(chrome_starts); i++)
			if (starts(v, chrome_starts[i], NULL))
				return true;
	if (v->words <= 60 && (contains(v, "cookies") || contains(v, "cookie") ||
		contains(v, "traceurs")) && (contains(v, "vous") ||
		contains(v, "votre") || contains(v, "vos") || contains(v, "you")))
		return true;
	if (v->words <= 40 && (contains(v, "newsletter") ||
		contains(v, "newsletters") || contains(v, "lettre d'information")) &&
		(contains(v, "vous") || contains(v, "votre") || contains(v, "vos") ||
		contains(v, "inscrivez") || contains(v, "abonnez") ||
		contains(v, "recevez") || contains(v, "inscription")))
		return true;
	return item_list(c, v, false);
}

/*
 * A rubric before the title, ended by a dash: "CYCLISME -", "Monde –".
 */
static bool kicker(const fview *v)
{
	size_t end = v->n;

	while (end > 0 && v->s[end - 1] == ' ')
		end--;
	return v->words <= 3 && end > 0 && v->s[end - 1] == '-' &&
		v->tail < end;
}

/* ---------------------------------------------------------------------- */
/* Trimming a kept line. */

/*
 * Where a date stamp before a sentence ends: "date 2025-03-14 Le port",
 * "2025-03-14 11:03 Le ...", "22 mai 2012. - Prévu ...".  A date in words
 * needs the dash or bar after it: "Lundi 27 mai, Paul ..." is prose.  The
 * sentence must start with a capital (or a quote or digit).  Returns a
 * when there is no stamp.
 */
static size_t skip_date_stamp(const char *t, size_t a, size_t b)
{
	size_t i = a, j, k, words = 0;
	bool named = false, sep = false, numeric = false, dash = false;
	int32_t cp;

	if (ascii_at(t, i, b, "date ") || ascii_at(t, i, b, "date:")) {
		i += 5;
		named = true;
	}
	for (;;) {
		while (i < b && (t[i] == ' ' || t[i] == ':'))
			i++;
		for (j = i; j < b && t[j] != ' ' && j - i < 32; j++)
			;
		if (j == i || j - i >= 32)
			break;
		k = j;
		if (t[k - 1] == ',')
			return a;
		if (t[k - 1] == '.') {
			k--;
			sep = true;
		}
		{
			bool full = false, isdate, ismonth = false;
			size_t m;
			char low[64];

			if (!fold_small(t, i, k, low, sizeof(low)))
				break;
			isdate = date_token(low, 0, strlen(low), &full);
			for (m = 0; m < COUNT(months) && !isdate; m++)
				ismonth |= strcmp(low, months[m]) == 0;
			if (!isdate && !ismonth)
				break;
			numeric |= full;
			words++;
		}
		i = j;
		if (sep)
			break;
	}
	if (words == 0 || (!numeric && words < 3))
		return a;
	if (!numeric || !named) {
		while (i < b && t[i] == ' ')
			i++;
		if (i < b && (t[i] == '-' || t[i] == '|')) {
			i++;
			dash = true;
		} else if (i + 3 <= b && (memcmp(t + i, "\xe2\x80\x93", 3) == 0 ||
			memcmp(t + i, "\xe2\x80\x94", 3) == 0)) {
			i += 3;
			dash = true;
		}
		if (!dash && !(numeric && words <= 2 && !named && !sep))
			return a;
	}
	while (i < b) {
		k = u8_decode(t, b, i, &cp);
		if (!u8_is_space(cp))
			break;
		i += k;
	}
	if (i >= b)
		return a;
	u8_decode(t, b, i, &cp);
	if (!u8_is_upper(cp) && !u8_is_digit(cp) && cp != 0xAB && cp != '"' &&
		cp != 0x201C)
		return a;
	if (nsum_word_count_max(t, i, b < i + 200 ? b : i + 200, 3) < 3)
		return a;
	return i;
}

/* Whether t[a..b) (ASCII, any case) is a news agency's name. */
static bool agency_bytes(const char *t, size_t a, size_t b)
{
	char low[32];
	size_t i;

	if (b == a || !fold_small(t, a, b, low, sizeof(low)))
		return false;
	for (i = 0; i < COUNT(agencies); i++)
		if (strcmp(low, agencies[i]) == 0)
			return true;
	return false;
}

/*
 * Where the text starts after an agency dateline: "PARIS (AFP) - Le ...",
 * "Kiev, 6 janvier (Reuters) – ...".  Returns a when there is none.
 */
static size_t skip_agency_dateline(const char *t, size_t a, size_t b)
{
	size_t open, close, i;
	int32_t cp;

	for (open = a; open < b && open - a < 80 && t[open] != '('; open++)
		;
	if (open >= b || t[open] != '(' || open == a)
		return a;
	for (close = open + 1; close < b && close - open < 24 && t[close] != ')';
		close++)
		;
	if (close >= b || t[close] != ')' || !agency_bytes(t, open + 1, close))
		return a;
	u8_decode(t, b, a, &cp);
	if (!u8_is_upper(cp) || nsum_word_count_max(t, a, open, 7) > 6)
		return a;
	i = close + 1;
	while (i < b && t[i] == ' ')
		i++;
	if (i < b && t[i] == '-')
		i++;
	else if (i + 3 <= b && (memcmp(t + i, "\xe2\x80\x93", 3) == 0 ||
		memcmp(t + i, "\xe2\x80\x94", 3) == 0))
		i += 3;
	else
		return a;
	while (i < b && t[i] == ' ')
		i++;
	return i < b ? i : a;
}

/*
 * An agency dateline alone on its line: "PARIS (Reuters) -",
 * "VILLACOUBLAY, Yvelines (AFP) –".
 */
static bool agency_dateline_line(const char *t, size_t a, size_t b)
{
	size_t open, end = b;
	int32_t cp;

	while (end > a) {
		size_t k = u8_decode_prev(t, end, &cp);

		if (!u8_is_space(cp) && !u8_is_dash(cp) && cp != '-')
			break;
		end -= k;
	}
	if (end - a < 4 || t[end - 1] != ')')
		return false;
	for (open = end - 1; open > a && end - open < 24 && t[open] != '(';
		open--)
		;
	if (t[open] != '(' || !agency_bytes(t, open + 1, end - 1))
		return false;
	u8_decode(t, b, a, &cp);
	return open > a && u8_is_upper(cp) && nsum_word_count(t, a, open) <= 6;
}

/*
 * Where t[a..b) ends once the initials of an agency's desk are cut: the
 * "dch/vm/map" or "burx-mm/fjb/ico" glued after the last period of a
 * dispatch ("... a conclu le ministre.dch/vm/map"), or alone after a space
 * with three codes or more (two could be "km/h" or "et/ou").  Returns b
 * when there are none.
 */
static size_t trim_desk_codes(const char *t, size_t a, size_t b)
{
	size_t c = b, i, seg = 0, part = 0, segs = 0, first = 0;
	bool glued;

	while (c > a && t[c - 1] != ' ' && t[c - 1] != '.' && b - c < 80)
		c--;
	if (c == b || c == a || b - c >= 80 || (t[c - 1] != ' ' &&
		t[c - 1] != '.'))
		return b;
	glued = t[c - 1] == '.';
	for (i = c; i <= b; i++) {
		if (i == b || t[i] == '/') {
			if (seg == 0 && i < b)
				return b;
			if (seg && segs++ == 0)
				first = i;
			seg = part = 0;
		} else if (t[i] == '-' && part > 0) {
			seg++;
			part = 0;
		} else if (t[i] >= 'a' && t[i] <= 'z' && part < 6 && seg < 40) {
			seg++;
			part++;
		} else {
			return b;
		}
	}
	if (segs < (glued ? 2u : 3u))
		return b;
	for (i = 0; i < COUNT(domains); i++)
		if (ascii_ieq(t + c, first - c, domains[i]))
			return b;
	if (glued && (c - 1 == a || t[c - 2] == '.' || t[c - 2] == '/' ||
		t[c - 2] == ' '))
		return b;
	return c;
}

/*
 * Where t[a..b) ends once the links, handles and hashtags after its last
 * sentence are cut ("... à Paris. #Ukraine #Diplomatie").  Before them the
 * text must end like a sentence, and they must not: "sur le site
 * www.x.fr." and "avec le mot-dièse #MeToo" are prose.  Returns b when
 * nothing is cut.
 */
static size_t trim_link_tail(const char *t, size_t a, size_t b)
{
	size_t end = b, count = 0;
	int32_t cp;

	if (b <= a)
		return b;
	cp = last_cp(t, a, b, &end);
	end = b;
	if (final_stop(cp) || closing_quote(cp))
		return b;
	for (;;) {
		size_t c = end;
		bool url;

		while (c > a && t[c - 1] != ' ')
			c--;
		if (c == a || !link_word(t, c, end, &url))
			break;
		count++;
		end = c;
		trim_space(t, &a, &end);
	}
	if (count == 0 || !has_alnum(t, a, end) || !ends_sentence(t, a, end))
		return b;
	return end;
}

/* Where t[a..b) ends once a "(AFP)" after the last sentence is cut. */
static size_t trim_agency_tail(const char *t, size_t a, size_t b)
{
	size_t open = b, end;

	if (b - a < 6 || t[b - 1] != ')')
		return b;
	while (open > a && b - open < 24 && t[open - 1] != '(')
		open--;
	if (open == a || t[open - 1] != '(' || !agency_bytes(t, open, b - 1))
		return b;
	end = open - 1;
	trim_space(t, &a, &end);
	return ends_sentence(t, a, end) ? end : b;
}

/* ---------------------------------------------------------------------- */
/* The first pass. */

/* Whether the attribution's rest t[a..b) is a date ("March 14, 2025"). */
static bool date_rest(cleaner *c, size_t a, size_t b)
{
	date_facts d;
	fview v;

	if (b - a > 80)
		return false;
	if (fold_span(&c->f.s, &c->f.map, &c->f.cap, c->t, a, b, true) < 0)
		return false;
	make_view(c, a, &v);
	return date_words(&v, &d) && d.caps == 0 && (d.full || d.month);
}

/*
 * The attribution line of an embedded post: "— Name (@handle) March 14,
 * 2025", "— Port #Gênes (@port.bsky.social) 2025-03-14T09:12:00+00:00",
 * "Une publication partagée par Name (@handle)".  After "(@handle)" comes
 * a date or nothing; a sentence that names an account goes on
 * ("Le ministre (@MinTransports) a publié ...") and is prose.
 */
static bool attribution(cleaner *c, size_t a, size_t b)
{
	const char *t = c->t;
	size_t i, h, rest, end = b;
	int32_t cp;
	bool dash;

	if (b - a > 600)
		return false;
	for (i = a; i + 2 < b; i++)
		if (t[i] == '(' && t[i + 1] == '@')
			break;
	if (i + 2 >= b || !has_alnum(t, a, i))
		return false;
	for (h = i + 2; h < b && t[h] != ')' && t[h] != ' '; h++)
		;
	if (h >= b || t[h] != ')' || h == i + 2)
		return false;
	rest = h + 1;
	trim_space(t, &rest, &end);
	u8_decode(t, b, a, &cp);
	dash = u8_is_dash(cp) || cp == '-';
	if (rest < end)
		return date_rest(c, rest, end);
	return dash || ascii_at(t, a, b, "a post shared by") ||
		ascii_at(t, a, b, "une publication partag");
}

/* Whether the line t[a..b) is only links, handles and hashtags. */
static bool link_line(const char *t, size_t a, size_t b)
{
	size_t i = a, links = 0;

	while (i < b) {
		size_t s, e;
		bool url;

		while (i < b && t[i] == ' ')
			i++;
		s = i;
		while (i < b && t[i] != ' ')
			i++;
		e = i;
		if (s == e)
			continue;
		if (link_word(t, s, e, &url))
			links++;
		else if (has_alnum(t, s, e))
			return false;
	}
	return links > 0;
}

/* An image path or file name: "/2025/12/29/075-x.jpg)", "![](a.png)". */
static bool image_line(const char *t, size_t a, size_t b)
{
	static const char *const exts[] = {
		".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".bmp",
		".tif", ".tiff", ".heic",
	};
	size_t end = b, s, q, i;

	if (ascii_at(t, a, b, "![") || ascii_at(t, a, b, "<img"))
		return true;
	while (end > a && strchr(")]>\"' ", t[end - 1]) && t[end - 1])
		end--;
	for (s = end; s > a && t[s - 1] != ' '; s--)
		;
	for (q = s; q < end && t[q] != '?' && t[q] != '#'; q++)
		;
	for (i = 0; i < COUNT(exts); i++) {
		size_t m = strlen(exts[i]);

		if (q - s > m && ascii_at(t, q - m, q, exts[i]))
			break;
	}
	if (i == COUNT(exts))
		return false;
	return nsum_word_count_max(t, a, b, 4) <= 3 || t[a] == '/' ||
		ascii_at(t, a, b, "http") || ascii_at(t, a, b, "www.") ||
		t[a] == '[';
}

/*
 * Classify the line t[start..end) alone and return the reason.  For a
 * kept line, [*ka, *kb) is its kept part; *flags gets its F_* facts.  On
 * no memory, sets *nomem (and the answer means nothing).
 */
static nsum_drop classify(cleaner *c, size_t start, size_t end, size_t *ka,
	size_t *kb, unsigned char *flags, bool *nomem)
{
	const char *t = c->t;
	size_t a = start, b = end, core, at;
	fview v;
	int kind = 0;
	bool one, bare = false;

	*flags = 0;
	trim_space(t, &a, &b);
	*ka = a;
	*kb = b;
	if (a == b)
		return NSUM_DROP_BLANK;
	if (b - a <= SHORT_LINE && attribution(c, a, b))
		return NSUM_DROP_ATTRIBUTION;
	core = skip_bullet(t, a, b);
	if (!has_alnum(t, core, b))
		return NSUM_DROP_CHROME;
	if (b - a <= SHORT_LINE) {
		if (image_line(t, core, b))
			return NSUM_DROP_IMAGE;
		if (link_line(t, core, b))
			return NSUM_DROP_LINK;
		if (fold_span(&c->f.s, &c->f.map, &c->f.cap, t, a, b, true) < 0) {
			*nomem = true;
			return NSUM_KEEP;
		}
		make_view(c, core, &v);
		if (read_also_line(&v, &bare)) {
			if (bare)
				*flags |= F_TEASE;
			return NSUM_DROP_READ_ALSO;
		}
		if (ad_line(&v))
			return NSUM_DROP_AD;
		if (reading_time(&v))
			return NSUM_DROP_READING_TIME;
		if (dateline(&v))
			return NSUM_DROP_DATELINE;
		if (credit_line(&v))
			return NSUM_DROP_CAPTION;
		if (disclaimer(&v))
			return NSUM_DROP_DISCLAIMER;
		if (credit_suffix(&v, &at, &kind) && kind == 2) {
			if (v.words <= CAPTION_WORDS)
				return NSUM_DROP_CAPTION;
			b = v.map[at];
		}
		if (agency_dateline_line(t, core, b))
			return NSUM_DROP_DATELINE;
		if (chrome(c, &v) || kicker(&v))
			return NSUM_DROP_CHROME;
		if (byline(c, &v))
			return NSUM_DROP_BYLINE;
		if (name_line(c, &v, &one)) {
			if (!one)
				return NSUM_DROP_BYLINE;
			*flags |= F_WORD;
		}
	}
	a = skip_date_stamp(t, core, b);
	if (a == core)
		a = skip_agency_dateline(t, core, b);
	if (a != core)
		*flags |= F_LEAD;
	b = trim_desk_codes(t, a, b);
	b = trim_link_tail(t, a, b);
	b = trim_agency_tail(t, a, b);
	trim_space(t, &a, &b);
	if (!has_alnum(t, a, b))
		return NSUM_DROP_CHROME;
	*ka = a;
	*kb = b;
	if (b - a <= 4 * POST_CHARS && post_like(t, a, b))
		*flags |= F_POST;
	if (ends_sentence(t, a, b))
		*flags |= F_END;
	{
		size_t words = nsum_word_count_max(t, a, b, 25);

		if (words >= 25 || (words >= 12 && (*flags & F_END)))
			*flags |= F_BODY;
	}
	return NSUM_KEEP;
}

/* ---------------------------------------------------------------------- */
/* The later passes. */

/*
 * The lines of a post above each attribution line: the first kept line
 * above it whatever it says (when short enough to be a post), then lines
 * that look like a post; link lines between them belong to it.  A blank
 * line ends the post.
 */
static void mark_posts(const char *t, nsum_line *lines, const unsigned char
	*flags, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		size_t j = i, n = 0;
		bool first = true;

		if (lines[i].reason != NSUM_DROP_ATTRIBUTION)
			continue;
		while (j > 0 && n < POST_LINES) {
			nsum_line *l = &lines[--j];
			size_t chars;

			if (l->reason == NSUM_DROP_LINK || l->reason == NSUM_DROP_SOCIAL) {
				n++;
				continue;
			}
			if (l->reason != NSUM_KEEP)
				break;
			chars = l->keep_end - l->keep_start > 4 * POST_CHARS ?
				SIZE_MAX : u8_length(t + l->keep_start,
				l->keep_end - l->keep_start);
			if ((first && chars <= POST_NEAR_CHARS) ||
				((flags[j] & F_POST) && chars <= POST_CHARS)) {
				l->reason = NSUM_DROP_SOCIAL;
				first = false;
				n++;
				continue;
			}
			break;
		}
	}
}

/*
 * A capitalized word alone on a line is a dateline ("Gênes") when the
 * next line with text is noise too; before prose it is a heading, and at
 * the end it is left to mark_signature().
 */
static void mark_lone_words(nsum_line *lines, const unsigned char *flags,
	size_t count)
{
	size_t i, next = count;

	for (i = count; i-- > 0;) {
		if (lines[i].reason == NSUM_KEEP && (flags[i] & F_WORD) &&
			next < count && lines[next].reason != NSUM_KEEP)
			lines[i].reason = NSUM_DROP_DATELINE;
		if (lines[i].reason != NSUM_DROP_BLANK)
			next = i;
	}
}

/*
 * Whether t[a..b) reads like a headline: at most TITLE_WORDS words, not
 * ending with a period or "…" (a standfirst trails off that way) nor a
 * comma, colon or semicolon; a question, an exclamation or a guillemet
 * are fine.
 */
static bool headline(const char *t, size_t a, size_t b)
{
	size_t words = nsum_word_count_max(t, a, b, TITLE_WORDS + 1), at;
	int32_t cp;

	if (words == 0 || words > TITLE_WORDS)
		return false;
	cp = last_cp(t, a, b, &at);
	return cp != ',' && cp != ';' && cp != ':' && cp != '.' && cp != 0x2026;
}

/*
 * The teased titles under a bare "Sur le même sujet" or "À lire aussi":
 * up to TEASERS lines that read like headlines, blank lines between them
 * allowed; the first line of prose ends the list.
 */
static void mark_teasers(const char *t, nsum_line *lines,
	const unsigned char *flags, size_t count)
{
	size_t i, j, n;

	for (i = 0; i < count; i++) {
		if (!(flags[i] & F_TEASE))
			continue;
		for (j = i + 1, n = 0; j < count && n < TEASERS; j++) {
			nsum_line *l = &lines[j];

			if (l->reason == NSUM_DROP_BLANK)
				continue;
			if (l->reason != NSUM_KEEP || (flags[j] & F_BODY) ||
				!headline(t, l->keep_start, l->keep_end))
				break;
			l->reason = NSUM_DROP_READ_ALSO;
			n++;
		}
	}
}

/*
 * The title: the first kept line, when it reads like a headline and is
 * not the lead of a dispatch.  A capitalized word alone above it is a
 * kicker ("Cyclisme", "Ukraine"), not the title.
 */
static void find_title(nsum_cleaned *out, const unsigned char *flags,
	const char *text)
{
	size_t i, j;

	for (i = 0; i < out->count; i++) {
		nsum_line *l = &out->lines[i];

		if (l->reason != NSUM_KEEP)
			continue;
		if (flags[i] & F_WORD) {
			for (j = i + 1; j < out->count &&
				out->lines[j].reason == NSUM_DROP_BLANK; j++)
				;
			if (j < out->count && out->lines[j].reason == NSUM_KEEP) {
				l->reason = NSUM_DROP_CHROME;
				continue;
			}
		}
		if (!(flags[i] & F_LEAD) &&
			headline(text, l->keep_start, l->keep_end)) {
			l->reason = NSUM_DROP_TITLE;
			out->has_title = true;
			out->title = i;
		}
		return;
	}
}

/*
 * The repeat key of t[a..b) into key: folded, quotes left out, trailing
 * handles, hashtags and links cut.  *bare is the length of the key
 * without its final punctuation (how the title is compared: "Titre" and
 * "Titre." are one title, but a heading and the sentence that repeats it
 * with a period are two lines).  Returns 0 or -1 on no memory.
 */
static int repeat_key(nsum_buf *key, const char *t, size_t a, size_t b,
	size_t *bare)
{
	if (fold_span(key, NULL, NULL, t, a, b, false) < 0)
		return -1;
	for (;;) {
		size_t c = key->len;
		bool url;

		while (c > 0 && key->data[c - 1] != ' ')
			c--;
		if (c == 0 || !link_word(key->data, c, key->len, &url))
			break;
		key->len = c;
		while (key->len > 0 && key->data[key->len - 1] == ' ')
			key->len--;
	}
	*bare = key->len;
	while (*bare > 0 && strchr(" .!?:;,", key->data[*bare - 1]))
		(*bare)--;
	return 0;
}

/*
 * Repeats: a kept line whose key is an earlier kept line's, or whose bare
 * key is the title's.  Returns 0, or -1 on no memory.
 */
static int mark_repeats(cleaner *c, nsum_cleaned *out)
{
	strmap seen;
	nsum_buf *key = &c->scratch, title;
	size_t i, bare, kept = 0;
	int rc = 0;

	/* One kept line and no title (an article on one line, its title
	 * given apart): nothing it could repeat. */
	for (i = 0; i < out->count && kept < 2; i++)
		kept += out->lines[i].reason == NSUM_KEEP;
	if (kept < 2 && !out->has_title)
		return 0;
	strmap_init(&seen);
	buf_init(&title);
	if (out->has_title) {
		const nsum_line *l = &out->lines[out->title];

		if (repeat_key(key, c->t, l->keep_start, l->keep_end, &bare) < 0 ||
			buf_append(&title, key->data ? key->data : "", bare) < 0)
			rc = -1;
	}
	for (i = 0; i < out->count && rc == 0; i++) {
		nsum_line *l = &out->lines[i];

		if (l->reason != NSUM_KEEP)
			continue;
		if (repeat_key(key, c->t, l->keep_start, l->keep_end, &bare) < 0) {
			rc = -1;
			break;
		}
		if (key->len == 0)
			continue;
		if ((bare > 0 && bare == title.len &&
			memcmp(key->data, title.data, bare) == 0) ||
			strmap_get(&seen, key->data, key->len, NULL))
			l->reason = NSUM_DROP_REPEATED;
		else if (strmap_put(&seen, key->data, key->len, (uint32_t)i) < 0)
			rc = -1;
	}
	buf_finish(&title);
	strmap_finish(&seen);
	return rc;
}

/*
 * A signature: short lines without final punctuation after the last
 * paragraph of prose ("Chroniqueuse associée", "Journaliste à Gênes"), with at
 * most one stopword.  Needs lang, to tell a name from a phrase.
 */
static void mark_signature(cleaner *c, nsum_cleaned *out,
	const unsigned char *flags)
{
	size_t i, last = out->count;

	if (!c->lang)
		return;
	for (i = out->count; i-- > 0;)
		if (out->lines[i].reason == NSUM_KEEP && (flags[i] & F_BODY)) {
			last = i;
			break;
		}
	if (last == out->count)
		return;
	for (i = last + 1; i < out->count; i++) {
		nsum_line *l = &out->lines[i];
		size_t pos = l->keep_start, stops = 0;
		nsum_word w;

		if (l->reason != NSUM_KEEP || (flags[i] & F_END) ||
			nsum_word_count_max(c->t, l->keep_start, l->keep_end,
				TAIL_WORDS + 1) > TAIL_WORDS ||
			memchr(c->t + l->keep_start, ':', l->keep_end - l->keep_start))
			continue;
		while (nsum_word_next(c->t, l->keep_end, &pos, &w)) {
			buf_clear(&c->scratch);
			if (u8_lower_append(&c->scratch, c->t + w.start,
				w.end - w.start) < 0)
				return;
			stops += w.elided || nsum_lang_is_stopword(c->lang,
				NSUM_LANG_FR, c->scratch.data, c->scratch.len);
		}
		if (stops <= 1)
			l->reason = NSUM_DROP_BYLINE;
	}
}

/* ---------------------------------------------------------------------- */
/* The interface. */

void nsum_clean_options_default(nsum_clean_options *opt)
{
	opt->classify = true;
	opt->find_title = true;
}

/* Without classification: blank lines are blank, every other line kept. */
static void keep_all(const char *text, nsum_cleaned *out)
{
	size_t i;

	for (i = 0; i < out->count; i++) {
		nsum_line *l = &out->lines[i];

		l->keep_start = l->start;
		l->keep_end = l->end;
		trim_space(text, &l->keep_start, &l->keep_end);
		if (l->keep_start == l->keep_end) {
			l->reason = NSUM_DROP_BLANK;
			l->keep_start = l->start;
			l->keep_end = l->end;
			out->dropped[NSUM_DROP_BLANK]++;
		}
	}
}

/* Split text into lines (a final '\n' ends the last line) in out. */
static int split_lines(const char *text, size_t len, nsum_cleaned *out)
{
	size_t i, n = 0, start = 0;

	for (i = 0; i < len; i++)
		n += text[i] == '\n';
	if (len > 0 && text[len - 1] != '\n')
		n++;
	out->lines = mem_calloc(n ? n : 1, sizeof(*out->lines));
	if (!out->lines)
		return -1;
	for (i = 0; i < len; i++) {
		if (text[i] == '\n' || i + 1 == len) {
			nsum_line *l = &out->lines[out->count++];

			l->start = start;
			l->end = text[i] == '\n' ? i : len;
			start = i + 1;
		}
	}
	return 0;
}

nsum_status nsum_clean(const nsum_lang *lang, const char *text, size_t len,
	const nsum_clean_options *opt, nsum_cleaned *out, nsum_error *err)
{
	nsum_clean_options defaults;
	unsigned char *flags = NULL;
	cleaner c;
	size_t i;
	bool nomem = false;

	if (!opt) {
		nsum_clean_options_default(&defaults);
		opt = &defaults;
	}
	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.lang = lang;
	c.t = text;
	c.tlen = len;
	buf_init(&c.f.s);
	buf_init(&c.scratch);
	if (split_lines(text, len, out) < 0)
		goto nomem;
	if (!opt->classify) {
		keep_all(text, out);
		return NSUM_OK;
	}
	flags = mem_calloc(out->count ? out->count : 1, 1);
	if (!flags)
		goto nomem;

	for (i = 0; i < out->count && !nomem; i++) {
		nsum_line *l = &out->lines[i];

		l->reason = classify(&c, l->start, l->end, &l->keep_start,
			&l->keep_end, &flags[i], &nomem);
	}
	if (nomem)
		goto nomem;
	mark_posts(text, out->lines, flags, out->count);
	mark_lone_words(out->lines, flags, out->count);
	mark_teasers(text, out->lines, flags, out->count);
	if (opt->find_title)
		find_title(out, flags, text);
	if (mark_repeats(&c, out) < 0)
		goto nomem;
	mark_signature(&c, out, flags);

	for (i = 0; i < out->count; i++) {
		nsum_line *l = &out->lines[i];

		if (l->reason != NSUM_KEEP) {
			l->keep_start = l->start;
			l->keep_end = l->end;
		}
		out->dropped[l->reason]++;
	}
	out->dropped[NSUM_KEEP] = 0;
	nsum_free(flags);
	buf_finish(&c.f.s);
	nsum_free(c.f.map);
	buf_finish(&c.scratch);
	return NSUM_OK;
nomem:
	nsum_free(flags);
	buf_finish(&c.f.s);
	nsum_free(c.f.map);
	buf_finish(&c.scratch);
	nsum_cleaned_finish(out);
	return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
}

void nsum_cleaned_finish(nsum_cleaned *c)
{
	if (!c)
		return;
	nsum_free(c->lines);
	memset(c, 0, sizeof(*c));
}

nsum_status nsum_cleaned_segments(const nsum_cleaned *c, nsum_segment **segs,
	size_t *n, nsum_error *err)
{
	size_t i;
	bool gap = true;

	*n = 0;
	*segs = mem_calloc(c->count ? c->count : 1, sizeof(**segs));
	if (!*segs)
		return nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < c->count; i++) {
		const nsum_line *l = &c->lines[i];
		nsum_segment *s;

		if (l->reason != NSUM_KEEP || l->keep_end == l->keep_start) {
			gap = true;
			continue;
		}
		s = &(*segs)[(*n)++];
		s->start = l->keep_start;
		s->end = l->keep_end;
		s->line = i + 1;
		s->flags = gap ? NSUM_SEG_PARAGRAPH : 0;
		gap = false;
	}
	return NSUM_OK;
}

nsum_status nsum_segments_all(const char *text, size_t len,
	nsum_segment **segs, size_t *n, nsum_error *err)
{
	nsum_clean_options opt = { .classify = false, .find_title = false };
	nsum_cleaned c;
	nsum_status st;

	*segs = NULL;
	*n = 0;
	st = nsum_clean(NULL, text, len, &opt, &c, err);
	if (st == NSUM_OK)
		st = nsum_cleaned_segments(&c, segs, n, err);
	nsum_cleaned_finish(&c);
	return st;
}

const char *nsum_drop_name(nsum_drop reason)
{
	static const char *const names[NSUM_DROP_COUNT] = {
		[NSUM_KEEP] = "",
		[NSUM_DROP_BLANK] = "blank",
		[NSUM_DROP_TITLE] = "title",
		[NSUM_DROP_REPEATED] = "repeated",
		[NSUM_DROP_IMAGE] = "image",
		[NSUM_DROP_CAPTION] = "caption",
		[NSUM_DROP_SOCIAL] = "social",
		[NSUM_DROP_ATTRIBUTION] = "attribution",
		[NSUM_DROP_LINK] = "link",
		[NSUM_DROP_READ_ALSO] = "read-also",
		[NSUM_DROP_AD] = "ad",
		[NSUM_DROP_DATELINE] = "dateline",
		[NSUM_DROP_READING_TIME] = "reading-time",
		[NSUM_DROP_CHROME] = "chrome",
		[NSUM_DROP_DISCLAIMER] = "disclaimer",
		[NSUM_DROP_BYLINE] = "byline",
		[NSUM_DROP_ENGLISH] = "english",
	};

	if ((unsigned)reason >= NSUM_DROP_COUNT)
		return "";
	return names[reason];
}
