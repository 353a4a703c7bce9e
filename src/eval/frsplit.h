/*
 * Internal interface of the evaluation harness's sentence splitter, for
 * ROUGE-Lsum (see frsplit.c for why nsum keeps a second splitter).
 */
#ifndef NSUM_EVAL_FRSPLIT_H
#define NSUM_EVAL_FRSPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Called for each sentence s[0..n) in order; non-zero stops the split. */
typedef int (*frsplit_fn)(void *ctx, const char *s, size_t n);

/*
 * Split text[0..len) (valid UTF-8, NFC, LF line ends) into sentences as
 * frsplit.py's split_sentences() does and hand each to fn.  A sentence's
 * bytes are the text's with white space runs made one space and
 * hard-wrapped lines joined, so they may not lie in text.  Returns 0, fn's
 * first non-zero value, or -1 on no memory.
 */
int frsplit(const char *text, size_t len, frsplit_fn fn, void *ctx);

/*
 * Python's str.isspace(), isupper() and islower() on the one character cp
 * (Unicode 14, as Python 3.11): what frsplit.py decides with.
 */
bool frsplit_is_space(int32_t cp);
bool frsplit_is_upper(int32_t cp);
bool frsplit_is_lower(int32_t cp);

#endif
