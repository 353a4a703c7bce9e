/*
 * Where nsum's files are: the installed data (the glossary), the user's
 * own glossary and model.
 */
#ifndef NSUM_CLI_PATHS_H
#define NSUM_CLI_PATHS_H

#include <stdbool.h>

/*
 * The installed glossary: glossary/fr-en.csv under $NSUM_DATADIR if set,
 * else under the data folder nsum was installed with, else under the
 * source tree it was built from (so a build runs from its checkout).
 * NULL if none exists.  Free with free().
 */
char *paths_installed_glossary(void);

/*
 * name under the user's nsum data folder ($XDG_DATA_HOME/nsum, else
 * ~/.local/share/nsum): "glossary.csv", "model".  With create, the folder
 * is made if missing.  NULL when neither variable is set (or on failure).
 * Free with free().
 */
char *paths_user_file(const char *name, bool create);

/*
 * name under the user's nsum cache folder ($XDG_CACHE_HOME/nsum, else
 * ~/.cache/nsum), made when create is set and it is missing.  NULL when
 * neither variable is set (or on failure).  Free with free().
 */
char *paths_cache_file(const char *name, bool create);

/* Whether path names an existing regular file. */
bool paths_exists(const char *path);

#endif
