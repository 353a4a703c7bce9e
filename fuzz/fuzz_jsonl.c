/*
 * Fuzz target: the JSON-lines input of `nsum --jsonl`.
 *
 * The bytes are the input file.  They are read through the CLI's own
 * reader (jsonl_next() over a memory stream) and every item goes through
 * jsonl_item_doc(), summarize and the compact JSON renderer, or through
 * jsonl_error_line() when it fails -- the code of src/cli/cmd_summarize.c
 * without its main().  Checked: every non-blank line gives exactly one
 * output line, which is a JSON object: a result carrying the item's id, or
 * an error naming the line with a non-empty "error" message.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "fuzz.h"

/* Whether line[0..n) is blank as the reader sees it. */
static bool blank_line(const char *line, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' &&
			line[i] != '\n')
			return false;
	return true;
}

/* Non-blank lines of data[0..size), counted as getline() cuts them. */
static size_t items(const uint8_t *data, size_t size)
{
	size_t i = 0, n = 0;

	while (i < size) {
		const uint8_t *nl = memchr(data + i, '\n', size - i);
		size_t len = nl ? (size_t)(nl - (data + i)) + 1 : size - i;

		n += !blank_line((const char *)data + i, len);
		i += len;
	}
	return n;
}

/* Summarize doc as cmd_summarize does for --jsonl, into out. */
static void summarize(nsum_engine *engine, nsum_doc *doc, FILE *out)
{
	nsum_summary_options sopt;
	nsum_render_options ropt;
	nsum_summary *sum;
	nsum_error err;
	size_t len;
	char *s;

	nsum_error_init(&err);
	nsum_summary_options_default(&sopt);
	nsum_render_options_default(&ropt);
	ropt.format = NSUM_FORMAT_JSON;
	ropt.compact = true;
	sum = nsum_summarize(engine, &doc, 1, &sopt, &err);
	if (!sum)
		fuzz_fail("nsum_summarize: %s", err.text);
	s = nsum_render_summary(doc, sum, &ropt, &len);
	fuzz_check_output("json summary", s, len);
	fuzz_check(memchr(s, '\n', len) == s + len - 1,
		"compact JSON is not one line");
	fwrite(s, 1, len, out);
	nsum_free(s);
	nsum_summary_destroy(sum);
}

/* Each output line is a JSON object: a result or an error. */
static size_t check_output(const char *out, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		const char *nl = memchr(out + i, '\n', len - i);
		size_t k = nl ? (size_t)(nl - (out + i)) : len - i;
		json_t *j = fuzz_parse_json("jsonl output line", out + i, k);
		json_t *e = json_object_get(j, "error");

		fuzz_check(json_is_object(j), "jsonl output line is not an object");
		if (e)
			fuzz_check(json_is_string(e) && json_string_length(e) > 0 &&
				json_is_integer(json_object_get(j, "line")),
				"jsonl error line without line or message");
		else
			fuzz_check(json_is_array(json_object_get(j, "summary")),
				"jsonl output line is neither a result nor an error");
		json_decref(j);
		n++;
		i += k + 1;
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jsonl_reader jr;
	nsum_engine *engine;
	char *out = NULL;
	size_t outlen = 0, lines;
	FILE *mem;

	if (size == 0)
		return 0; /* fmemopen() wants a buffer */
	engine = nsum_engine_create(NULL);
	if (!engine)
		fuzz_fail("nsum_engine_create failed");
	memset(&jr, 0, sizeof(jr));
	jr.f = fmemopen((void *)data, size, "r");
	jr.name = "fuzz.jsonl";
	jr.close = true;
	mem = open_memstream(&out, &outlen);
	fuzz_check(jr.f && mem, "cannot open memory streams");
	for (;;) {
		json_t *obj = NULL;
		nsum_doc *doc;
		nsum_error err;
		nsum_status st;

		nsum_error_init(&err);
		st = jsonl_next(&jr, &obj, &err);
		if (st == NSUM_EEMPTY)
			break;
		fuzz_check(st == NSUM_OK || st == NSUM_EFORMAT,
			"jsonl_next: status %d", (int)st);
		if (st != NSUM_OK) {
			fuzz_check(err.line == jr.lineno && err.column > 0,
				"jsonl_next: error at %zu:%zu on line %zu", err.line,
				err.column, jr.lineno);
			jsonl_error_line(mem, NULL, jr.lineno, &err);
			continue;
		}
		st = jsonl_item_doc(engine, obj, jr.name, jr.lineno, 0, &doc, &err);
		if (st != NSUM_OK) {
			fuzz_check(doc == NULL && err.status == st &&
				err.line == jr.lineno, "jsonl_item_doc: status %d, line %zu",
				(int)st, err.line);
			jsonl_error_line(mem, json_object_get(obj, "id"), jr.lineno,
				&err);
		} else {
			summarize(engine, doc, mem);
			nsum_doc_destroy(doc);
		}
		json_decref(obj);
	}
	jsonl_close(&jr);
	fuzz_check(fclose(mem) == 0, "cannot close the memory stream");
	lines = check_output(out, outlen);
	fuzz_check(lines == items(data, size), "%zu output lines for %zu items",
		lines, items(data, size));
	free(out);
	nsum_engine_destroy(engine);
	return 0;
}
