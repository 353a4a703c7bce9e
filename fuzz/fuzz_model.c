/*
 * Fuzz target: reading a document-frequency model file.
 *
 * The bytes are written to a temporary file and read back with
 * nsum_model_read_file().  A malformed file must be NSUM_EFORMAT (or
 * NSUM_EENCODING / NSUM_EBINARY from the read stage) naming a line; a
 * model that reads must format to a file that reads back to the same
 * model, and merged with itself must double every count.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

/* Write len bytes of data to a new temporary file; its path, to free(). */
static char *temp_file(const void *data, size_t len)
{
	const char *dir = getenv("TMPDIR");
	size_t n;
	char *path;
	int fd;

	if (!dir || !dir[0])
		dir = "/tmp";
	n = strlen(dir) + sizeof("/nsum-fuzz-model-XXXXXX");
	path = malloc(n);
	if (!path)
		fuzz_fail("out of memory");
	snprintf(path, n, "%s/nsum-fuzz-model-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0)
		fuzz_fail("cannot create a temporary file in %s", dir);
	if (len && write(fd, data, len) != (ssize_t)len)
		fuzz_fail("cannot write %s", path);
	close(fd);
	return path;
}

/* Read data as a model file; NULL when it is not one. */
static nsum_model *read_model(const void *data, size_t len, nsum_error *err)
{
	char *path = temp_file(data, len);
	nsum_model *m;

	nsum_error_init(err);
	m = nsum_model_read_file(path, err);
	unlink(path);
	free(path);
	return m;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nsum_model *m, *again, *twice;
	nsum_error err;
	char *s, *s2, *s3;
	size_t len, len2, len3;

	m = read_model(data, size, &err);
	if (!m) {
		fuzz_check(err.status == NSUM_EFORMAT ||
			err.status == NSUM_EENCODING || err.status == NSUM_EBINARY,
			"model read failed with status %d", (int)err.status);
		fuzz_check(err.line > 0 || err.status == NSUM_EBINARY,
			"model error without a line: %s", err.text);
		return 0;
	}
	s = nsum_model_format(m, &len);
	fuzz_check_output("nsum_model_format", s, len);
	again = read_model(s, len, &err);
	if (!again)
		fuzz_fail("the formatted model does not read back: %zu:%zu: %s",
			err.line, err.column, err.text);
	s2 = nsum_model_format(again, &len2);
	fuzz_check_output("nsum_model_format", s2, len2);
	fuzz_check(len == len2 && memcmp(s, s2, len) == 0,
		"the model changes when written and read back");
	fuzz_check(nsum_model_documents(again) == nsum_model_documents(m) &&
		nsum_model_stems(again) == nsum_model_stems(m),
		"documents or stems differ after a round trip");

	twice = nsum_model_create(NULL);
	if (!twice)
		fuzz_fail("nsum_model_create failed");
	if (nsum_model_merge(twice, m, &err) == NSUM_OK) {
		nsum_status st = nsum_model_merge(twice, m, &err);

		if (st == NSUM_OK) {
			fuzz_check(nsum_model_documents(twice) ==
				2 * nsum_model_documents(m), "merge: documents");
			s3 = nsum_model_format(twice, &len3);
			fuzz_check_output("nsum_model_format", s3, len3);
			nsum_free(s3);
		} else {
			fuzz_check(st == NSUM_ELIMIT, "merge: status %d", (int)st);
		}
	}
	nsum_free(s);
	nsum_free(s2);
	nsum_model_destroy(again);
	nsum_model_destroy(twice);
	nsum_model_destroy(m);
	return 0;
}
