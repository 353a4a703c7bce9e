/*
 * The engine (see nsum/engine.h): language data, stemmer and model held
 * together for the life of a batch.
 */
#include "nsum/engine.h"
#include "util/mem.h"

struct nsum_engine {
	nsum_lang *lang;
	nsum_stemmer *stemmer;
	nsum_model *model;     /* NULL: IDF from the article itself */
};

nsum_engine *nsum_engine_create(nsum_error *err)
{
	nsum_engine *e = mem_calloc(1, sizeof(*e));

	if (!e) {
		nsum_error_set(err, NSUM_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	e->lang = nsum_lang_create(err);
	if (e->lang)
		e->stemmer = nsum_stemmer_create(err);
	if (!e->lang || !e->stemmer) {
		nsum_engine_destroy(e);
		return NULL;
	}
	return e;
}

void nsum_engine_destroy(nsum_engine *e)
{
	if (!e)
		return;
	nsum_lang_destroy(e->lang);
	nsum_stemmer_destroy(e->stemmer);
	nsum_model_destroy(e->model);
	nsum_free(e);
}

void nsum_engine_set_model(nsum_engine *e, nsum_model *model)
{
	if (e->model != model)
		nsum_model_destroy(e->model);
	e->model = model;
}

const nsum_lang *nsum_engine_lang(const nsum_engine *e)
{
	return e->lang;
}

nsum_stemmer *nsum_engine_stemmer(nsum_engine *e)
{
	return e->stemmer;
}

const nsum_model *nsum_engine_model(const nsum_engine *e)
{
	return e->model;
}
