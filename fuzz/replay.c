/*
 * A main() for the fuzz targets without libFuzzer: run the empty input,
 * then every file named on the command line through LLVMFuzzerTestOneInput()
 * -- for a directory, every regular file in it, in name order.  meson runs
 * each target this way over its saved corpus (fuzz/corpus/<target>/), so
 * an input that once broke the library is checked by every build.
 *
 * Exit status: 0 when every input ran (a broken invariant aborts before),
 * 1 when a file or directory cannot be read.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/*
 * Read the file at path into a new buffer (*data, *len; free() it).  The
 * buffer is exactly len bytes long, so that a target reading past the end
 * of its input trips AddressSanitizer as it would under libFuzzer.
 * Returns false, having said why, when the file cannot be read.
 */
static bool read_file(const char *path, uint8_t **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL, *exact;
	size_t n = 0, cap = 0;

	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return false;
	}
	for (;;) {
		size_t r;

		if (n == cap) {
			uint8_t *nb = realloc(buf, cap ? cap * 2 : 4096);

			if (!nb)
				goto fail;
			buf = nb;
			cap = cap ? cap * 2 : 4096;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	exact = malloc(n ? n : 1);
	if (!exact) {
		free(buf);
		fprintf(stderr, "replay: %s: out of memory\n", path);
		return false;
	}
	if (n)
		memcpy(exact, buf, n);
	free(buf);
	*data = exact;
	*len = n;
	return true;
fail:
	fprintf(stderr, "replay: %s: %s\n", path,
		errno ? strerror(errno) : "read error");
	free(buf);
	fclose(f);
	return false;
}

/* Run one file through the target.  Returns false if it cannot be read. */
static bool run_file(const char *path)
{
	uint8_t *data;
	size_t len;

	if (!read_file(path, &data, &len))
		return false;
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return true;
}

/* Keep directory entries that do not start with '.'. */
static int visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/*
 * Run every regular file of the directory at path, in name order; *count
 * adds the inputs run.  Returns false if something cannot be read.
 */
static bool run_dir(const char *path, size_t *count)
{
	struct dirent **names;
	bool ok = true;
	int n, i;

	n = scandir(path, &names, visible, alphasort);
	if (n < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return false;
	}
	for (i = 0; i < n; i++) {
		size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
		char *full = malloc(len);
		struct stat st;

		if (!full) {
			fprintf(stderr, "replay: out of memory\n");
			ok = false;
		} else {
			snprintf(full, len, "%s/%s", path, names[i]->d_name);
			if (stat(full, &st) == 0 && S_ISREG(st.st_mode)) {
				if (run_file(full))
					(*count)++;
				else
					ok = false;
			}
			free(full);
		}
		free(names[i]);
	}
	free(names);
	return ok;
}

/* Run the empty input, then each argument (a file or a directory). */
int main(int argc, char **argv)
{
	size_t count = 1;
	bool ok = true;
	int i;

	LLVMFuzzerTestOneInput((const uint8_t *)"", 0);
	for (i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			ok &= run_dir(argv[i], &count);
		} else if (run_file(argv[i])) {
			count++;
		} else {
			ok = false;
		}
	}
	printf("replay: %zu inputs\n", count);
	return ok ? 0 : 1;
}
