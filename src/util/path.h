/*
 * Path helpers for the files nsum replaces and locks.
 */
#ifndef NSUM_UTIL_PATH_H
#define NSUM_UTIL_PATH_H

#include "util/buf.h"

/* Append the folder of path to dir: "." for a bare name, "/" at the root.
 * 0 or -1 on no memory. */
int path_folder(const char *path, nsum_buf *dir);

#endif
