/*
 * An open-addressing hash map from byte strings to 32-bit values.
 * Keys are copied into an arena the map owns; lookups never allocate.
 * Ids handed out by strmap_intern() are dense (0, 1, 2, ...), so a map
 * doubles as a string interner: strmap_key() gives the string back.
 */
#ifndef NSUM_UTIL_STRMAP_H
#define NSUM_UTIL_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct strmap_entry {
	uint32_t hash;   /* low 32 bits of the key's hash (they pick the slot) */
	uint32_t key;    /* offset of the key in the arena plus 1; 0: empty */
	uint32_t keylen;
	uint32_t value;
} strmap_entry;

typedef struct strmap {
	strmap_entry *slots; /* power-of-two table */
	size_t mask;         /* slots - 1 */
	size_t count;        /* entries */
	char *arena;         /* key bytes, NUL after each key */
	size_t arena_len;
	size_t arena_cap;
	uint32_t *order;     /* order[i] = slot of the entry with value i,
	                        for interned maps; NULL otherwise */
	size_t order_cap;
	bool borrowed;       /* slots and arena belong to someone else (see
	                        strmap_borrow()) */
} strmap;

void strmap_init(strmap *m);
void strmap_finish(strmap *m);  /* m may be NULL */

uint64_t strmap_hash(const char *s, size_t n);

/* Find key; returns true and sets *value when present. */
bool strmap_get(const strmap *m, const char *key, size_t n, uint32_t *value);

/*
 * Make room for n entries in all, so that filling the map up to n never
 * rebuilds its table.  Returns 0, or -1 on no memory (the map unchanged).
 */
int strmap_reserve(strmap *m, size_t n);

/*
 * Set key to value (insert or replace).  Returns 0, or -1 on no memory
 * (the map unchanged).
 */
int strmap_put(strmap *m, const char *key, size_t n, uint32_t value);

/*
 * The value of key, for reading and writing in place: a new key is added
 * with value 0.  Returns NULL on no memory (the map unchanged).  The
 * pointer is good until the next key is added.  One hash and one probe
 * where strmap_get() then strmap_put() take two.
 */
uint32_t *strmap_slot(strmap *m, const char *key, size_t n);

/*
 * Intern key: return its id, giving it the next id (= count) when new.
 * Returns UINT32_MAX on no memory.  Do not mix with strmap_put on one map.
 */
uint32_t strmap_intern(strmap *m, const char *key, size_t n);

/* The key of interned id (NUL-terminated, lives as long as the map). */
const char *strmap_key(const strmap *m, uint32_t id, size_t *n);

/*
 * The map's tables as they are (borrowed, valid until the map changes):
 * for saving a built map and restoring it later with strmap_restore().
 * Not for interned maps (their order is not part of the tables).
 */
void strmap_tables(const strmap *m, const strmap_entry **slots, size_t *nslots,
	const char **arena, size_t *arena_len);

/*
 * Initialize m over tables from strmap_tables() of a map built by this
 * same program (the hash must be the same), without copying them: slots
 * (aligned for strmap_entry) and arena stay the caller's and must outlive
 * the map; they are only read, and the map's first change makes its own
 * copies.  Every key is checked to lie in the arena and every value to be
 * at most max_value.  0, or -1 when the tables are malformed (m then empty).
 */
int strmap_borrow(strmap *m, const strmap_entry *slots, size_t nslots,
	const char *arena, size_t arena_len, uint32_t max_value);

/* Iterate: for (i = 0; strmap_next(m, &i, &k, &n, &v); ) visits all. */
bool strmap_next(const strmap *m, size_t *it, const char **key, size_t *n,
	uint32_t *value);

#endif
