/* Unit tests for topics and near-duplicates (nsum/cluster.h).  The
 * articles are written for these tests. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "nsum/cluster.h"
#include "nsum/nsum.h"

static nsum_engine *engine;

static int setup(void **state)
{
	(void)state;
	engine = nsum_engine_create(NULL);
	return engine ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	nsum_engine_destroy(engine);
	return 0;
}

typedef struct fixture {
	const char *title;
	const char *text;
} fixture;

/*
 * Three stories (floods in the Gard: 3 articles; a rail strike: 2, and a
 * copy of the first with a changed sentence; bakers and electricity
 * prices: 2), an unrelated article (a comet) and an article without a
 * content word, mixed.
 */
enum { A1, B1, C1, A2, U1, B2, B1COPY, C2, A3, E1, NFIX };

static const fixture day[NFIX] = {
	[A1] = { "Inondations dans le Gard : des centaines d'habitants évacués",
		"Des pluies torrentielles se sont abattues sur le Gard dans la nuit de "
		"dimanche à lundi.\n"
		"Les crues du Gardon ont inondé plusieurs villages et les pompiers ont "
		"évacué des centaines d'habitants.\n"
		"Météo-France a placé le département en vigilance rouge pour les "
		"inondations.\n"
		"À Alès, les rues du centre sont sous un mètre d'eau et les écoles "
		"restent fermées.\n" },
	[B1] = { "Grève à la SNCF : trafic très perturbé sur les TGV",
		"Les contrôleurs de la SNCF sont en grève ce week-end pour réclamer "
		"des hausses de salaire.\n"
		"La direction prévoit un TGV sur deux et de nombreux TER supprimés.\n"
		"Les syndicats de cheminots dénoncent des primes trop faibles et des "
		"effectifs en baisse.\n"
		"Les voyageurs sont invités à reporter leur départ ou à échanger leur "
		"billet sans frais.\n" },
	[C1] = { "Les boulangers asphyxiés par la facture d'électricité",
		"Partout en France, des boulangers voient leur facture d'électricité "
		"tripler.\n"
		"Le fournil consomme beaucoup d'énergie et les fours ne peuvent pas "
		"attendre.\n"
		"Certains artisans augmentent le prix de la baguette, d'autres ferment "
		"boutique.\n"
		"La confédération de la boulangerie demande un bouclier tarifaire pour "
		"les petites entreprises.\n" },
	[A2] = { "Gard : la décrue s'amorce après les inondations",
		"Au lendemain des inondations, la décrue du Gardon a commencé dans le "
		"Gard.\n"
		"Les habitants évacués découvrent des maisons couvertes de boue.\n"
		"Les pompiers poursuivent les recherches d'un automobiliste emporté par "
		"la crue près d'Alès.\n"
		"Le préfet a demandé la reconnaissance de l'état de catastrophe "
		"naturelle.\n" },
	[U1] = { "Une comète visible à l'œil nu cette semaine",
		"Une comète venue des confins du système solaire passe au plus près de "
		"la Terre.\n"
		"Les astronomes conseillent de l'observer avant l'aube, loin des "
		"lumières des villes.\n"
		"Avec des jumelles, on distingue sa queue de poussière et de glace.\n"
		"Elle ne reviendra pas avant plusieurs milliers d'années.\n" },
	[B2] = { "SNCF : les contrôleurs maintiennent leur grève",
		"Faute d'accord avec la direction, les contrôleurs de la SNCF "
		"maintiennent leur grève.\n"
		"Les négociations sur les salaires et les primes ont échoué lundi soir.\n"
		"Le trafic des TGV et des TER restera très perturbé jusqu'à mercredi.\n"
		"Le ministre des transports appelle les syndicats de cheminots à "
		"reprendre le dialogue.\n" },
	[B1COPY] = { "Grève à la SNCF : le trafic des TGV très perturbé",
		"Les contrôleurs de la SNCF sont en grève ce week-end pour réclamer "
		"des hausses de salaire.\n"
		"La direction prévoit un TGV sur deux et de nombreux TER supprimés.\n"
		"Les syndicats de cheminots dénoncent des primes trop faibles et des "
		"effectifs en baisse.\n"
		"Les voyageurs peuvent échanger leur billet sans frais.\n" },
	[C2] = { "Électricité : le gouvernement promet d'aider les boulangers",
		"Le gouvernement promet un geste pour les boulangers étranglés par le "
		"prix de l'électricité.\n"
		"Les artisans pourront étaler le paiement de leur facture d'énergie.\n"
		"La confédération de la boulangerie juge ce bouclier insuffisant.\n"
		"Dans plusieurs villes, le prix de la baguette a déjà augmenté.\n" },
	[A3] = { "Inondations : le Gard compte ses dégâts",
		"Routes coupées, ponts emportés, maisons inondées : le Gard fait le "
		"bilan des inondations.\n"
		"Les crues ont touché une quarantaine de communes autour d'Alès.\n"
		"Les assureurs s'attendent à des centaines de dossiers de sinistre.\n"
		"Météo-France lève la vigilance rouge mais les pompiers restent "
		"mobilisés.\n" },
	[E1] = { NULL, "12, 15 et 20.\n" },
};

/* Analyze one article (no cleaning: the text is all article). */
static nsum_doc *doc_of(const fixture *f)
{
	nsum_doc_options opt;
	nsum_text text;
	nsum_error err;
	nsum_doc *d;

	nsum_error_init(&err);
	assert_int_equal(nsum_text_init_bytes(&text, f->text, strlen(f->text),
		"t.txt", 0, &err), NSUM_OK);
	nsum_doc_options_default(&opt);
	opt.clean = false;
	opt.title = f->title;
	d = nsum_doc_create(engine, "t.txt", &text, &opt, &err);
	assert_non_null(d);
	return d;
}

static void docs_of(const fixture *f, size_t n, nsum_doc **docs)
{
	size_t i;

	for (i = 0; i < n; i++)
		docs[i] = doc_of(&f[i]);
}

static void docs_free(nsum_doc **docs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		nsum_doc_destroy(docs[i]);
}

static void cluster(nsum_doc **docs, size_t n, const nsum_cluster_options *opt,
	nsum_clustering *c)
{
	nsum_error err;

	nsum_error_init(&err);
	assert_int_equal(nsum_cluster(engine, docs, n, opt, c, &err), NSUM_OK);
	assert_int_equal(err.status, NSUM_OK);
	assert_int_equal(c->ndocs, n);
	assert_non_null(c->topic);
	assert_non_null(c->copy_of);
}

/* Topics are numbered by their first article; copy_of points back. */
static void check_shape(const nsum_clustering *c)
{
	size_t i, next = 0;

	for (i = 0; i < c->ndocs; i++) {
		assert_true(c->topic[i] <= next);
		if (c->topic[i] == next)
			next++;
		assert_true(c->copy_of[i] <= i);
		assert_int_equal(c->copy_of[c->copy_of[i]], c->copy_of[i]);
		assert_int_equal(c->topic[i], c->topic[c->copy_of[i]]);
	}
	assert_int_equal(c->ntopics, next);
}

static void test_day(void **state)
{
	nsum_doc *docs[NFIX];
	nsum_clustering c;
	size_t i;

	(void)state;
	docs_of(day, NFIX, docs);
	cluster(docs, NFIX, NULL, &c);
	check_shape(&c);
	assert_int_equal(c.ntopics, 5);
	/* Numbered by first article: A1 B1 C1 . U1 */
	assert_int_equal(c.topic[A1], 0);
	assert_int_equal(c.topic[B1], 1);
	assert_int_equal(c.topic[C1], 2);
	assert_int_equal(c.topic[U1], 3);
	assert_int_equal(c.topic[E1], 4);
	assert_int_equal(c.topic[A2], 0);
	assert_int_equal(c.topic[A3], 0);
	assert_int_equal(c.topic[B2], 1);
	assert_int_equal(c.topic[B1COPY], 1);
	assert_int_equal(c.topic[C2], 2);
	for (i = 0; i < NFIX; i++)
		assert_int_equal(c.copy_of[i], i == B1COPY ? (size_t)B1 : i);
	nsum_clustering_finish(&c);
	assert_null(c.topic);
	assert_null(c.copy_of);
	assert_int_equal(c.ntopics, 0);
	nsum_clustering_finish(NULL);

	/* A strict threshold splits the stories, never the copies. */
	{
		nsum_cluster_options opt;

		nsum_cluster_options_default(&opt);
		opt.threshold = 0.99;
		cluster(docs, NFIX, &opt, &c);
		check_shape(&c);
		assert_int_equal(c.ntopics, NFIX - 1);
		assert_int_equal(c.topic[B1COPY], c.topic[B1]);
		nsum_clustering_finish(&c);

		/* No copies when only identical texts would do. */
		opt.threshold = NSUM_CLUSTER_THRESHOLD;
		opt.duplicate = 1;
		cluster(docs, NFIX, &opt, &c);
		assert_int_equal(c.copy_of[B1COPY], B1COPY);
		assert_int_equal(c.topic[B1COPY], c.topic[B1]);
		nsum_clustering_finish(&c);
	}
	docs_free(docs, NFIX);
}

/* Whether a and b put the same articles together (perm maps b's positions
 * to a's: b's article i is a's article perm[i]). */
static void assert_same_partition(const nsum_clustering *a,
	const nsum_clustering *b, const size_t *perm)
{
	size_t i, j;

	assert_int_equal(a->ntopics, b->ntopics);
	for (i = 0; i < b->ndocs; i++) {
		for (j = 0; j < b->ndocs; j++) {
			bool same_b = b->topic[i] == b->topic[j];
			bool same_a = a->topic[perm[i]] == a->topic[perm[j]];
			bool copy_b = b->copy_of[i] == b->copy_of[j];
			bool copy_a = a->copy_of[perm[i]] == a->copy_of[perm[j]];

			assert_int_equal(same_a, same_b);
			assert_int_equal(copy_a, copy_b);
		}
	}
}

static void test_order_free(void **state)
{
	nsum_doc *docs[NFIX], *shuffled[NFIX];
	size_t perm[NFIX];
	nsum_clustering ref, c, again;
	unsigned seed = 12345;
	int round;
	size_t i;

	(void)state;
	docs_of(day, NFIX, docs);
	cluster(docs, NFIX, NULL, &ref);
	/* The same input twice gives the same output. */
	cluster(docs, NFIX, NULL, &again);
	for (i = 0; i < NFIX; i++) {
		assert_int_equal(ref.topic[i], again.topic[i]);
		assert_int_equal(ref.copy_of[i], again.copy_of[i]);
	}
	nsum_clustering_finish(&again);
	for (round = 0; round < 20; round++) {
		for (i = 0; i < NFIX; i++)
			perm[i] = i;
		/* Fisher-Yates with a fixed linear congruential generator. */
		for (i = NFIX - 1; i > 0; i--) {
			size_t j, t;

			seed = seed * 1103515245u + 12345u;
			j = (seed >> 16) % (i + 1);
			t = perm[i];
			perm[i] = perm[j];
			perm[j] = t;
		}
		for (i = 0; i < NFIX; i++)
			shuffled[i] = docs[perm[i]];
		cluster(shuffled, NFIX, NULL, &c);
		check_shape(&c);
		assert_same_partition(&ref, &c, perm);
		nsum_clustering_finish(&c);
	}
	nsum_clustering_finish(&ref);
	docs_free(docs, NFIX);
}

static void test_small(void **state)
{
	nsum_clustering c;
	nsum_doc *d;

	(void)state;
	cluster(NULL, 0, NULL, &c);
	assert_int_equal(c.ntopics, 0);
	nsum_clustering_finish(&c);

	d = doc_of(&day[A1]);
	cluster(&d, 1, NULL, &c);
	assert_int_equal(c.ntopics, 1);
	assert_int_equal(c.topic[0], 0);
	assert_int_equal(c.copy_of[0], 0);
	nsum_clustering_finish(&c);
	nsum_doc_destroy(d);

	/* Articles without a content word are each a topic of their own,
	 * even when they are the same text. */
	{
		nsum_doc *e[3];

		e[0] = doc_of(&day[E1]);
		e[1] = doc_of(&day[E1]);
		e[2] = doc_of(&day[A1]);
		cluster(e, 3, NULL, &c);
		check_shape(&c);
		assert_int_equal(c.ntopics, 3);
		assert_int_equal(c.copy_of[1], 1);
		nsum_clustering_finish(&c);
		docs_free(e, 3);
	}
}

/*
 * A round-up that covers two stories is similar enough to articles of
 * each: single link would chain all seven into one topic.  The average-link
 * test keeps the two stories apart and puts the round-up in one of them.
 */
static const fixture roundup = {
	"Ce qu'il faut retenir de lundi : inondations dans le Gard, grève à la SNCF",
	"Les crues du Gardon ont inondé le Gard et les pompiers ont évacué des "
	"centaines d'habitants autour d'Alès.\n"
	"Les contrôleurs de la SNCF sont en grève et le trafic des TGV et des TER "
	"est très perturbé.\n"
};

static const fixture strike3 = {
	"Grève des contrôleurs : la SNCF promet un TGV sur deux mardi",
	"La SNCF assure qu'un TGV sur deux circulera mardi malgré la grève des "
	"contrôleurs.\n"
	"Sur les TER, le trafic sera très perturbé dans la plupart des régions.\n"
	"Les syndicats de cheminots réclament une hausse des salaires et des "
	"primes.\n"
};

static void test_no_chaining(void **state)
{
	const fixture *f[7] = {
		&day[A1], &day[B1], &roundup, &day[A2], &day[B2], &day[A3], &strike3,
	};
	nsum_doc *docs[7];
	nsum_clustering c;
	size_t i;

	(void)state;
	for (i = 0; i < 7; i++)
		docs[i] = doc_of(f[i]);
	cluster(docs, 7, NULL, &c);
	check_shape(&c);
	assert_int_equal(c.ntopics, 2);
	assert_int_equal(c.topic[0], c.topic[3]);
	assert_int_equal(c.topic[0], c.topic[5]);
	assert_int_equal(c.topic[1], c.topic[4]);
	assert_int_equal(c.topic[1], c.topic[6]);
	assert_true(c.topic[0] != c.topic[1]);
	nsum_clustering_finish(&c);
	docs_free(docs, 7);
}

static void test_options(void **state)
{
	nsum_cluster_options opt;
	nsum_clustering c;
	nsum_error err;
	nsum_doc *d = doc_of(&day[A1]);

	(void)state;
	nsum_cluster_options_default(&opt);
	assert_true(opt.threshold == NSUM_CLUSTER_THRESHOLD);
	assert_true(opt.duplicate == NSUM_CLUSTER_DUPLICATE);
	assert_int_equal(opt.top_terms, NSUM_CLUSTER_TOP_TERMS);

	opt.threshold = 0;
	nsum_error_init(&err);
	assert_int_equal(nsum_cluster(engine, &d, 1, &opt, &c, &err), NSUM_EINVAL);
	assert_int_equal(err.status, NSUM_EINVAL);
	assert_null(c.topic);
	opt.threshold = 1.5;
	assert_int_equal(nsum_cluster(engine, &d, 1, &opt, &c, NULL), NSUM_EINVAL);
	nsum_cluster_options_default(&opt);
	opt.duplicate = -1;
	assert_int_equal(nsum_cluster(engine, &d, 1, &opt, &c, NULL), NSUM_EINVAL);
	nsum_cluster_options_default(&opt);
	opt.top_terms = 0;
	assert_int_equal(nsum_cluster(engine, &d, 1, &opt, &c, NULL), NSUM_EINVAL);
	assert_int_equal(nsum_cluster(engine, NULL, 2, NULL, &c, NULL),
		NSUM_EINVAL);
	/* One top term still finds the stories of the day. */
	nsum_doc_destroy(d);
	{
		nsum_doc *docs[NFIX];

		docs_of(day, NFIX, docs);
		nsum_cluster_options_default(&opt);
		opt.top_terms = 1;
		cluster(docs, NFIX, &opt, &c);
		check_shape(&c);
		assert_int_equal(c.topic[B1COPY], c.topic[B1]);
		nsum_clustering_finish(&c);
		docs_free(docs, NFIX);
	}
}

/* IDF from a model: the day's stories come out the same. */
static void test_model(void **state)
{
	nsum_engine *e2;
	nsum_model *m;
	nsum_doc *docs[NFIX];
	nsum_clustering c;
	nsum_error err;
	const char *stems[] = { "gard", "sncf", "grev" };
	size_t lens[] = { 4, 4, 4 };
	size_t i;

	(void)state;
	nsum_error_init(&err);
	e2 = nsum_engine_create(&err);
	assert_non_null(e2);
	m = nsum_model_create(&err);
	assert_non_null(m);
	for (i = 0; i < 50; i++)
		assert_int_equal(nsum_model_add_document(m, stems, lens,
			i % 3 + 1, &err), NSUM_OK);
	nsum_engine_set_model(e2, m);
	for (i = 0; i < NFIX; i++) {
		nsum_doc_options opt;
		nsum_text text;

		assert_int_equal(nsum_text_init_bytes(&text, day[i].text,
			strlen(day[i].text), "t.txt", 0, &err), NSUM_OK);
		nsum_doc_options_default(&opt);
		opt.clean = false;
		opt.title = day[i].title;
		docs[i] = nsum_doc_create(e2, "t.txt", &text, &opt, &err);
		assert_non_null(docs[i]);
	}
	assert_int_equal(nsum_cluster(e2, docs, NFIX, NULL, &c, &err), NSUM_OK);
	check_shape(&c);
	assert_int_equal(c.ntopics, 5);
	assert_int_equal(c.topic[A3], c.topic[A1]);
	assert_int_equal(c.topic[B2], c.topic[B1]);
	assert_int_equal(c.topic[C2], c.topic[C1]);
	assert_int_equal(c.copy_of[B1COPY], B1);
	nsum_clustering_finish(&c);
	docs_free(docs, NFIX);
	nsum_engine_destroy(e2);
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
	nsum_doc *docs[NFIX];
	bool done = false;

	(void)state;
	docs_of(day, NFIX, docs);
	for (fail_at = 1; !done; fail_at++) {
		nsum_clustering c;
		nsum_error err;
		nsum_status st;

		nsum_error_init(&err);
		alloc_count = 0;
		nsum_set_alloc_funcs(failing_malloc, failing_realloc, NULL);
		st = nsum_cluster(engine, docs, NFIX, NULL, &c, &err);
		nsum_set_alloc_funcs(NULL, NULL, NULL);
		if (st == NSUM_OK) {
			assert_int_equal(c.ntopics, 5);
			done = true;
		} else {
			assert_int_equal(st, NSUM_ENOMEM);
			assert_int_equal(err.status, NSUM_ENOMEM);
			assert_null(c.topic);
			assert_null(c.copy_of);
		}
		nsum_clustering_finish(&c);
		assert_true(fail_at < 1000);
	}
	docs_free(docs, NFIX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day),
		cmocka_unit_test(test_order_free),
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_no_chaining),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_model),
		cmocka_unit_test(test_out_of_memory),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
