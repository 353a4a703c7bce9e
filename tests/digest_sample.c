/*
 * digest_sample md|html FILE: the digest in FILE (a D.json, docs/digest.md)
 * rendered by digest_render_md() or digest_render_html(), on standard
 * output.  For tests that look at the rendering from outside (the
 * headless-browser screenshots of digest_screenshot.py).  Exit 0, 1 when
 * FILE cannot be read or parsed, 2 on bad usage.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "digest/digest_render.h"
#include "nsum/alloc.h"

int main(int argc, char **argv)
{
	json_error_t jerr;
	json_t *d;
	char *s;
	size_t len = 0;
	int html;

	if (argc != 3 || (strcmp(argv[1], "md") != 0 && strcmp(argv[1], "html") != 0)) {
		fprintf(stderr, "usage: digest_sample md|html FILE\n");
		return 2;
	}
	html = strcmp(argv[1], "html") == 0;
	d = json_load_file(argv[2], 0, &jerr);
	if (!d) {
		fprintf(stderr, "%s:%d:%d: %s\n", argv[2], jerr.line, jerr.column,
			jerr.text);
		return 1;
	}
	s = html ? digest_render_html(d, &len) : digest_render_md(d, &len);
	json_decref(d);
	if (!s) {
		fprintf(stderr, "digest_sample: out of memory\n");
		return 1;
	}
	if (fwrite(s, 1, len, stdout) != len || fflush(stdout) != 0) {
		nsum_free(s);
		perror("digest_sample: stdout");
		return 1;
	}
	nsum_free(s);
	return 0;
}
