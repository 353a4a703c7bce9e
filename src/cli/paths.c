/*
 * File locations (see paths.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/paths.h"
#include "config.h"

bool paths_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", a, b);
	return p;
}

char *paths_installed_glossary(void)
{
	const char *env = getenv("NSUM_DATADIR");
	const char *dirs[3];
	size_t i, n = 0;

	if (env && env[0])
		dirs[n++] = env;
	dirs[n++] = NSUM_DATADIR;
	dirs[n++] = NSUM_SOURCE_DATADIR;
	for (i = 0; i < n; i++) {
		char *p = join(dirs[i], "glossary/fr-en.csv");

		if (p && paths_exists(p))
			return p;
		free(p);
		/* $NSUM_DATADIR is authoritative when set. */
		if (i == 0 && env && env[0])
			return NULL;
	}
	return NULL;
}

/* mkdir -p for the user's data folder. */
static int make_dirs(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

/* name in the nsum folder under $var, else under ~/fallback. */
static char *user_path(const char *var, const char *fallback,
	const char *name, bool create)
{
	const char *xdg = getenv(var), *home = getenv("HOME");
	char *dir, *path, *sub;

	if (xdg && xdg[0] == '/') {
		dir = join(xdg, "nsum");
	} else if (home && home[0]) {
		sub = join(home, fallback);
		dir = sub ? join(sub, "nsum") : NULL;
		free(sub);
	} else {
		return NULL;
	}
	if (!dir)
		return NULL;
	if (create && make_dirs(dir) < 0) {
		free(dir);
		return NULL;
	}
	path = join(dir, name);
	free(dir);
	return path;
}

char *paths_user_file(const char *name, bool create)
{
	return user_path("XDG_DATA_HOME", ".local/share", name, create);
}

char *paths_cache_file(const char *name, bool create)
{
	return user_path("XDG_CACHE_HOME", ".cache", name, create);
}
