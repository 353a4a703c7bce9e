/*
 * Shared pieces of the fuzz targets.
 *
 * Every target defines LLVMFuzzerTestOneInput().  Linked with libFuzzer
 * (-Dfuzzing=true, clang) it is fuzzed; linked with replay.c it is a plain
 * program that runs a saved corpus, so every build replays it as a test.
 * A target that finds a broken invariant calls fuzz_fail(), which prints
 * what and aborts: libFuzzer then saves the input as a crash.
 */
#ifndef NSUM_FUZZ_H
#define NSUM_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nsum/nsum.h"

/* The entry point of a target: run one input.  Always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Print "invariant failed: " and the message on stderr, then abort(). */
void fuzz_fail(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2), noreturn))
#endif
	;

/* fuzz_fail() with the message unless ok. */
void fuzz_check(bool ok, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Whether s[0..n) is valid UTF-8 (no surrogates, no overlongs). */
bool fuzz_utf8_valid(const char *s, size_t n);

/*
 * Check what the library promises of a rendered string: non-NULL (inputs
 * are small, so NULL would not be "no memory"), *len == strlen(s), valid
 * UTF-8.  what names the renderer in the message.
 */
void fuzz_check_output(const char *what, const char *s, size_t len);

/*
 * Parse the JSON s[0..len) with jansson and return it (json_decref() it),
 * failing when it does not parse.
 */
struct json_t;
struct json_t *fuzz_parse_json(const char *what, const char *s, size_t len);

#endif
