/*
 * Atomic file replacement (see nsum/file.h): temporary file in the target's
 * folder, write, fsync, rename, fsync the folder.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nsum/file.h"
#include "util/buf.h"
#include "util/path.h"

static nsum_status fail(nsum_error *err, const char *path, const char *what,
	int code)
{
	return nsum_error_set(err, NSUM_EIO, path, 0, 0, "%s: %s", what,
		strerror(code));
}

int path_folder(const char *path, nsum_buf *dir)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return buf_puts(dir, ".");
	if (slash == path)
		return buf_puts(dir, "/");
	return buf_append(dir, path, (size_t)(slash - path));
}

nsum_status nsum_file_write_atomic(const char *path, const char *data,
	size_t len, nsum_error *err)
{
	nsum_buf tmp, dir;
	struct stat st;
	mode_t mode = 0644;
	size_t done = 0;
	int fd = -1, dfd, code;
	nsum_status rc = NSUM_OK;

	buf_init(&tmp);
	buf_init(&dir);
	if (buf_printf(&tmp, "%s.tmp-XXXXXX", path) < 0 || path_folder(path, &dir) < 0) {
		rc = nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
		goto out;
	}
	if (stat(path, &st) == 0) {
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(022);

		umask(mask);
		mode = 0644 & ~mask;
	}
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		rc = fail(err, path, "cannot create a temporary file", errno);
		goto out;
	}
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			rc = fail(err, path, "cannot write", errno);
			goto out;
		}
		done += (size_t)w;
	}
	if (fchmod(fd, mode) < 0 || fsync(fd) < 0) {
		rc = fail(err, path, "cannot write", errno);
		goto out;
	}
	code = close(fd);
	fd = -1;
	if (code < 0) {
		rc = fail(err, path, "cannot write", errno);
		goto out;
	}
	if (rename(tmp.data, path) < 0) {
		rc = fail(err, path, "cannot replace", errno);
		goto out;
	}
	buf_clear(&tmp);
	dfd = open(dir.data, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
out:
	if (fd >= 0)
		close(fd);
	if (rc != NSUM_OK && tmp.len)
		unlink(tmp.data);
	buf_finish(&tmp);
	buf_finish(&dir);
	return rc;
}
