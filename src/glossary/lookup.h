/*
 * The glossary lookup that the library's own stages use.
 *
 * nsum_glossary_lookup() answers -1 both for "no such entry" and for "no
 * memory"; a summary or a suggestion list must not take the second for the
 * first (a term the glossary has, shown as missing), so inside the library
 * the two are told apart.
 */
#ifndef NSUM_GLOSSARY_LOOKUP_H
#define NSUM_GLOSSARY_LOOKUP_H

#include <stddef.h>

#include "nsum/glossary.h"

/*
 * The entry whose French term is term[0..len) (as nsum_glossary_lookup()
 * finds it) in *found, or -1 there when there is none.  Returns 0, or -1
 * on no memory.
 */
int gloss_lookup(const nsum_glossary *g, const char *term, size_t len,
	long *found);

#endif
