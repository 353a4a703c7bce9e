/*
 * Open-addressing string hash map with linear probing (see strmap.h).
 * The hash reads eight bytes at a time and mixes at the end (murmur3's
 * finalizer): fast on short word keys, and free of any global seed, so runs
 * are reproducible.
 */
#include <string.h>

#include "util/mem.h"
#include "util/strmap.h"

void strmap_init(strmap *m)
{
	memset(m, 0, sizeof(*m));
}

void strmap_finish(strmap *m)
{
	if (!m)
		return;
	if (!m->borrowed) {
		nsum_free(m->slots);
		nsum_free(m->arena);
	}
	nsum_free(m->order);
	strmap_init(m);
}

/* The 8 bytes at p as a little-endian number (one load on most machines). */
static uint64_t load64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
		(uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
		(uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

/* The 4 bytes at p as a little-endian number. */
static uint64_t load32(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
		(uint64_t)p[3] << 24;
}

uint64_t strmap_hash(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t h = 0x9e3779b97f4a7c15ull ^ ((uint64_t)n * 0xff51afd7ed558ccdull);
	uint64_t w = 0;

	/* Eight bytes at a time, then the rest, then a final mix (murmur3's). */
	for (; n >= 8; p += 8, n -= 8) {
		h = (h ^ load64(p)) * 0xc4ceb9fe1a85ec53ull;
		h ^= h >> 29;
	}
	/* 4 to 7 bytes: two overlapping loads; 1 to 3: first, middle, last. */
	if (n >= 4)
		w = load32(p) | (uint64_t)load32(p + n - 4) << 32;
	else if (n > 0)
		w = (uint64_t)p[0] | (uint64_t)p[n / 2] << 8 |
			(uint64_t)p[n - 1] << 16;
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h;
}

/* The slot of key (hash h): its entry, or the free slot where it would go;
 * NULL while the map has no table. */
static inline strmap_entry *find_slot(const strmap *m, const char *key,
	size_t n, uint64_t h)
{
	size_t i;

	if (!m->slots)
		return NULL;
	for (i = (uint32_t)h & m->mask;; i = (i + 1) & m->mask) {
		strmap_entry *e = &m->slots[i];

		if (!e->key)
			return e;
		if (e->hash == (uint32_t)h && e->keylen == n &&
			memcmp(m->arena + e->key - 1, key, n) == 0)
			return e;
	}
}

bool strmap_get(const strmap *m, const char *key, size_t n, uint32_t *value)
{
	strmap_entry *e;

	if (!m->count)
		return false;
	e = find_slot(m, key, n, strmap_hash(key, n));
	if (!e || !e->key)
		return false;
	if (value)
		*value = e->value;
	return true;
}

/* Before the first change to a borrowed map: copies of its tables. */
static int own(strmap *m)
{
	size_t nslots = m->mask + 1;
	strmap_entry *slots;
	char *arena;

	if (!m->borrowed)
		return 0;
	slots = nsum_malloc(nslots * sizeof(*slots));
	arena = nsum_malloc(m->arena_len + 1);
	if (!slots || !arena) {
		nsum_free(slots);
		nsum_free(arena);
		return -1;
	}
	memcpy(slots, m->slots, nslots * sizeof(*slots));
	memcpy(arena, m->arena, m->arena_len);
	arena[m->arena_len] = '\0';
	m->slots = slots;
	m->arena = arena;
	m->arena_cap = m->arena_len + 1;
	m->borrowed = false;
	return 0;
}

static int rehash(strmap *m, size_t nslots)
{
	strmap_entry *old = m->slots, *slots;
	size_t oldn = m->slots ? m->mask + 1 : 0, i;

	slots = mem_calloc(nslots, sizeof(*slots));
	if (!slots)
		return -1;
	m->slots = slots;
	m->mask = nslots - 1;
	for (i = 0; i < oldn; i++) {
		size_t j;

		if (!old[i].key)
			continue;
		for (j = old[i].hash & m->mask; slots[j].key;
			j = (j + 1) & m->mask)
			;
		slots[j] = old[i];
		if (m->order)
			m->order[old[i].value] = (uint32_t)j;
	}
	nsum_free(old);
	return 0;
}

int strmap_reserve(strmap *m, size_t n)
{
	size_t slots = 64;

	if (own(m) < 0)
		return -1;
	while (n * 4 > slots * 3) {
		if (slots > UINT32_MAX / 2)
			return -1;
		slots *= 2;
	}
	if (m->slots && slots <= m->mask + 1)
		return 0;
	return rehash(m, slots);
}

/*
 * Room for one more entry and n more key bytes.  Returns 0, 1 when the
 * table was rebuilt (slots found before are stale), or -1 on no memory or
 * past the 32-bit limits.
 */
static int make_room(strmap *m, size_t n)
{
	if (n > UINT32_MAX || m->arena_len + n + 1 > UINT32_MAX ||
		m->count >= UINT32_MAX - 1)
		return -1;
	if (m->arena_len + n + 1 > m->arena_cap && mem_grow((void **)&m->arena,
		&m->arena_cap, m->arena_len + n + 1, 1) < 0)
		return -1;
	if (!m->slots || (m->count + 1) * 4 > (m->mask + 1) * 3) {
		/* Slots are picked by 32 bits of the hash: 2^32 of them at most. */
		if (m->slots && m->mask >= UINT32_MAX / 2)
			return -1;
		return rehash(m, m->slots ? (m->mask + 1) * 2 : 64) < 0 ? -1 : 1;
	}
	return 0;
}

/*
 * Add key (hash h, not in m) with value in slot e, the free slot
 * find_slot() gave for it, after make_room() returned 0.
 */
static void insert(strmap *m, strmap_entry *e, const char *key, size_t n,
	uint64_t h, uint32_t value)
{
	memcpy(m->arena + m->arena_len, key, n);
	m->arena[m->arena_len + n] = '\0';
	e->hash = (uint32_t)h;
	e->key = (uint32_t)m->arena_len + 1;
	e->keylen = (uint32_t)n;
	e->value = value;
	m->arena_len += n + 1;
	m->count++;
}

int strmap_put(strmap *m, const char *key, size_t n, uint32_t value)
{
	uint64_t h = strmap_hash(key, n);
	strmap_entry *e;
	int room;

	if (own(m) < 0)
		return -1;
	e = find_slot(m, key, n, h);
	if (e && e->key) {
		e->value = value;
		return 0;
	}
	room = make_room(m, n);
	if (room < 0)
		return -1;
	if (room > 0)
		e = find_slot(m, key, n, h);
	insert(m, e, key, n, h, value);
	return 0;
}

uint32_t *strmap_slot(strmap *m, const char *key, size_t n)
{
	uint64_t h = strmap_hash(key, n);
	strmap_entry *e;
	int room;

	if (own(m) < 0)
		return NULL;
	e = find_slot(m, key, n, h);
	if (e && e->key)
		return &e->value;
	room = make_room(m, n);
	if (room < 0)
		return NULL;
	if (room > 0)
		e = find_slot(m, key, n, h);
	insert(m, e, key, n, h, 0);
	return &e->value;
}

uint32_t strmap_intern(strmap *m, const char *key, size_t n)
{
	uint64_t h = strmap_hash(key, n);
	strmap_entry *e;
	uint32_t id;
	int room;

	if (own(m) < 0)
		return UINT32_MAX;
	e = find_slot(m, key, n, h);
	if (e && e->key)
		return e->value;
	if (m->count + 1 > m->order_cap && mem_grow((void **)&m->order,
		&m->order_cap, m->count + 1, sizeof(*m->order)) < 0)
		return UINT32_MAX;
	room = make_room(m, n);
	if (room < 0)
		return UINT32_MAX;
	if (room > 0)
		e = find_slot(m, key, n, h);
	id = (uint32_t)m->count;
	insert(m, e, key, n, h, id);
	m->order[id] = (uint32_t)(e - m->slots);
	return id;
}

const char *strmap_key(const strmap *m, uint32_t id, size_t *n)
{
	const strmap_entry *e = &m->slots[m->order[id]];

	if (n)
		*n = e->keylen;
	return m->arena + e->key - 1;
}

bool strmap_next(const strmap *m, size_t *it, const char **key, size_t *n,
	uint32_t *value)
{
	size_t size = m->slots ? m->mask + 1 : 0;

	while (*it < size) {
		const strmap_entry *e = &m->slots[(*it)++];

		if (!e->key)
			continue;
		if (key)
			*key = m->arena + e->key - 1;
		if (n)
			*n = e->keylen;
		if (value)
			*value = e->value;
		return true;
	}
	return false;
}

void strmap_tables(const strmap *m, const strmap_entry **slots, size_t *nslots,
	const char **arena, size_t *arena_len)
{
	*slots = m->slots;
	*nslots = m->slots ? m->mask + 1 : 0;
	*arena = m->arena;
	*arena_len = m->arena_len;
}

int strmap_borrow(strmap *m, const strmap_entry *slots, size_t nslots,
	const char *arena, size_t arena_len, uint32_t max_value)
{
	size_t i, count = 0;

	strmap_init(m);
	if (nslots == 0)
		return arena_len == 0 ? 0 : -1;
	if ((nslots & (nslots - 1)) || nslots > ((size_t)1 << 31) ||
		arena_len >= UINT32_MAX || (arena_len && arena[arena_len - 1]))
		return -1;
	/* Every key must lie in the arena, NUL-terminated, and every value be
	 * in range: a damaged table gives a refusal, not a crash. */
	for (i = 0; i < nslots; i++) {
		const strmap_entry *e = &slots[i];

		if (!e->key)
			continue;
		if ((size_t)e->key - 1 >= arena_len ||
			(size_t)e->keylen >= arena_len - ((size_t)e->key - 1) ||
			arena[e->key - 1 + e->keylen] != '\0' || e->value > max_value)
			return -1;
		count++;
	}
	/* A full table would make a lookup of a missing key loop for ever. */
	if (count * 4 > nslots * 3)
		return -1;
	m->slots = (strmap_entry *)slots;
	m->arena = (char *)arena;
	m->mask = nslots - 1;
	m->count = count;
	m->arena_len = arena_len;
	m->arena_cap = arena_len;
	m->borrowed = true;
	return 0;
}
