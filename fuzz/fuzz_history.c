/*
 * Fuzz target: an earlier digest read from the history folder.
 *
 * The bytes are an earlier day's D.json: they are written as
 * 2026-03-11.json in a folder of the target's own, and the digest of
 * 2026-03-12 is built from three fixed articles (two on one story, one on
 * another) with that folder as history -- the path of `nsum digest
 * --history`.  Checked: a file that is not a digest is NSUM_EFORMAT naming
 * it (with a line when it is not JSON at all); otherwise the digest is
 * built, its JSON parses with one entry per topic, every topic that
 * continues an earlier one names the history's day and a topic id that
 * the history holds, and the Markdown and HTML are UTF-8 of the stated
 * length.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

static const char *const texts[] = {
	"Le pont de Nantes ferm\xC3\xA9 pour travaux\n"
	"Publi\xC3\xA9 le 12/03/2026 08:00\n\n"
	"Le pont de la Loire, \xC3\xA0 Nantes, sera ferm\xC3\xA9 aux voitures "
	"pendant deux mois pour des travaux de renforcement.\n"
	"Les cyclistes pourront toujours le traverser, a pr\xC3\xA9" "cis\xC3\xA9 "
	"la m\xC3\xA9tropole.\n",

	"Nantes : deux mois de travaux sur le pont de la Loire\n"
	"12 mars 2026\n\n"
	"La m\xC3\xA9tropole ferme le pont aux voitures \xC3\xA0 partir de "
	"lundi pour deux mois de travaux.\n"
	"Une navette fluviale circulera pendant le chantier.\n",

	"Le festival de cin\xC3\xA9ma de Lille r\xC3\xA9" "compense un premier "
	"film\n"
	"Publi\xC3\xA9 le 12/03/2026 19:30\n\n"
	"Le jury du festival de Lille a remis son grand prix \xC3\xA0 un "
	"premier film.\n"
	"Le festival a attir\xC3\xA9 vingt mille spectateurs en une semaine.\n",
};
#define NTEXTS (sizeof(texts) / sizeof(*texts))

/* The history folder and the file in it, made on the first input. */
static char folder[256], file[300];

static void cleanup(void)
{
	unlink(file);
	rmdir(folder);
}

static void make_folder(void)
{
	const char *tmp = getenv("TMPDIR");

	if (folder[0])
		return;
	if (!tmp || !tmp[0])
		tmp = "/tmp";
	snprintf(folder, sizeof(folder), "%s/nsum-fuzz-history-XXXXXX", tmp);
	if (!mkdtemp(folder))
		fuzz_fail("cannot create a folder in %s", tmp);
	snprintf(file, sizeof(file), "%s/2026-03-11.json", folder);
	atexit(cleanup);
}

static void write_history(const uint8_t *data, size_t size)
{
	FILE *f = fopen(file, "wb");

	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		fuzz_fail("cannot write %s", file);
}

/* Whether the history, parsed, has a topic with this id. */
static bool history_has(json_t *hist, const char *id)
{
	json_t *t;
	size_t i;

	json_array_foreach(json_object_get(hist, "topics"), i, t) {
		const char *x = json_string_value(json_object_get(t, "id"));

		if (x && strcmp(x, id) == 0)
			return true;
	}
	return false;
}

/* The built digest keeps its promises (see the top of this file). */
static void check_digest(const nsum_digest *d, const uint8_t *data,
	size_t size)
{
	json_t *root, *t, *hist;
	json_error_t je;
	size_t i, len;
	char *s;

	s = nsum_digest_render(d, NSUM_FORMAT_JSON, true, &len);
	fuzz_check_output("digest json", s, len);
	root = fuzz_parse_json("digest json", s, len);
	nsum_free(s);
	fuzz_check(json_array_size(json_object_get(root, "topics")) ==
		nsum_digest_topic_count(d), "digest json: %zu topics, %zu counted",
		json_array_size(json_object_get(root, "topics")),
		nsum_digest_topic_count(d));
	hist = json_loadb((const char *)data, size, 0, &je);
	fuzz_check(hist != NULL, "the digest read a history jansson refuses");
	json_array_foreach(json_object_get(root, "topics"), i, t) {
		json_t *c = json_object_get(t, "continues");
		const char *id;

		if (!c)
			continue;
		id = json_string_value(json_object_get(c, "id"));
		fuzz_check(json_is_string(json_object_get(c, "date")) &&
			strcmp(json_string_value(json_object_get(c, "date")),
			"2026-03-11") == 0, "topic %zu continues another day", i);
		fuzz_check(id && history_has(hist, id),
			"topic %zu continues a topic the history lacks", i);
	}
	json_decref(hist);
	json_decref(root);
	s = nsum_digest_render(d, NSUM_FORMAT_MD, false, &len);
	fuzz_check_output("digest md", s, len);
	nsum_free(s);
	s = nsum_digest_render(d, NSUM_FORMAT_HTML, false, &len);
	fuzz_check_output("digest html", s, len);
	nsum_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nsum_article arts[NTEXTS];
	nsum_digest_options opt;
	nsum_engine *engine;
	nsum_digest *d;
	nsum_error err;
	size_t i;

	make_folder();
	write_history(data, size);
	engine = nsum_engine_create(NULL);
	if (!engine)
		fuzz_fail("nsum_engine_create failed");
	memset(arts, 0, sizeof(arts));
	for (i = 0; i < NTEXTS; i++) {
		char path[32];
		nsum_text text;
		nsum_doc *doc;

		snprintf(path, sizeof(path), "a%zu.txt", i + 1);
		nsum_error_init(&err);
		if (nsum_text_init_bytes(&text, texts[i], strlen(texts[i]), path, 0,
			&err) != NSUM_OK)
			fuzz_fail("%s: %s", path, err.text);
		doc = nsum_doc_create(engine, path, &text, NULL, &err);
		if (!doc || nsum_article_init(&arts[i], doc, path, NULL, NULL, NULL,
			&err) != NSUM_OK)
			fuzz_fail("%s: %s", path, err.text);
	}
	nsum_digest_options_default(&opt);
	opt.date = "2026-03-12";
	opt.history = folder;
	nsum_error_init(&err);
	d = nsum_digest_build(engine, arts, NTEXTS, &opt, &err);
	if (d) {
		check_digest(d, data, size);
	} else {
		fuzz_check(err.status == NSUM_EFORMAT, "digest with history: %s: "
			"%s", nsum_status_string(err.status), err.text);
		fuzz_check(strcmp(err.source, file) == 0,
			"the error names '%s', not the history file", err.source);
	}
	nsum_digest_destroy(d);
	for (i = 0; i < NTEXTS; i++)
		nsum_article_finish(&arts[i]);
	nsum_engine_destroy(engine);
	return 0;
}
