/* The library's version string, from meson's project version. */
#include "config.h"
#include "nsum/nsum.h"

const char *nsum_version(void)
{
	return NSUM_VERSION;
}
