/*
 * Safe file replacement.  Every file nsum writes (models, glossaries,
 * digests) goes through here: the new content is written to a temporary
 * file in the same folder, flushed to disk, then renamed over the old one,
 * so a crash or a full disk leaves either the old file or the new one,
 * never a torn mix.
 */
#ifndef NSUM_FILE_H
#define NSUM_FILE_H

#include <stddef.h>

#include "nsum/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Replace the file at path by len bytes of data, atomically.  A new file
 * gets mode 0644 (less the umask); an existing file keeps its mode.
 * Returns NSUM_OK, or NSUM_EIO naming path and the system's reason (the
 * old file is then untouched and no temporary file is left behind).
 */
nsum_status nsum_file_write_atomic(const char *path, const char *data,
	size_t len, nsum_error *err);

#ifdef __cplusplus
}
#endif

#endif
