/*
 * Open-addressing string hash map with linear probing (see strmap.h).
 * The hash is FNV-1a over 64 bits, mixed at the end; good enough for word
 * keys and free of any global seed, so runs are reproducible.
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
	nsum_free(m->slots);
	nsum_free(m->arena);
	nsum_free(m->order);
	strmap_init(m);
}

uint64_t strmap_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h;
}

static strmap_entry *find_slot(const strmap *m, const char *key, size_t n,
	uint64_t h)
{
	size_t i;

	if (!m->slots)
		return NULL;
	for (i = (size_t)h & m->mask;; i = (i + 1) & m->mask) {
		strmap_entry *e = &m->slots[i];

		if (!e->used)
			return e;
		if (e->hash == h && e->keylen == n &&
			memcmp(m->arena + e->key, key, n) == 0)
			return e;
	}
}

bool strmap_get(const strmap *m, const char *key, size_t n, uint32_t *value)
{
	strmap_entry *e;

	if (!m->count)
		return false;
	e = find_slot(m, key, n, strmap_hash(key, n));
	if (!e || !e->used)
		return false;
	if (value)
		*value = e->value;
	return true;
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

		if (!old[i].used)
			continue;
		for (j = (size_t)old[i].hash & m->mask; slots[j].used;
			j = (j + 1) & m->mask)
			;
		slots[j] = old[i];
		if (m->order)
			m->order[old[i].value] = (uint32_t)j;
	}
	nsum_free(old);
	return 0;
}

/* Room for one more entry and n more key bytes.  0 or -1. */
static int make_room(strmap *m, size_t n)
{
	if (n > UINT32_MAX || m->arena_len + n + 1 > UINT32_MAX ||
		m->count >= UINT32_MAX - 1)
		return -1;
	if (mem_grow((void **)&m->arena, &m->arena_cap, m->arena_len + n + 1, 1) < 0)
		return -1;
	if (!m->slots || (m->count + 1) * 4 > (m->mask + 1) * 3)
		return rehash(m, m->slots ? (m->mask + 1) * 2 : 64);
	return 0;
}

static strmap_entry *insert(strmap *m, const char *key, size_t n, uint64_t h,
	uint32_t value)
{
	strmap_entry *e = find_slot(m, key, n, h);

	memcpy(m->arena + m->arena_len, key, n);
	m->arena[m->arena_len + n] = '\0';
	e->hash = h;
	e->key = (uint32_t)m->arena_len;
	e->keylen = (uint32_t)n;
	e->value = value;
	e->used = 1;
	m->arena_len += n + 1;
	m->count++;
	return e;
}

int strmap_put(strmap *m, const char *key, size_t n, uint32_t value)
{
	uint64_t h = strmap_hash(key, n);
	strmap_entry *e = find_slot(m, key, n, h);

	if (e && e->used) {
		e->value = value;
		return 0;
	}
	if (make_room(m, n) < 0)
		return -1;
	insert(m, key, n, h, value);
	return 0;
}

uint32_t strmap_intern(strmap *m, const char *key, size_t n)
{
	uint64_t h = strmap_hash(key, n);
	strmap_entry *e = find_slot(m, key, n, h);
	uint32_t id;

	if (e && e->used)
		return e->value;
	if (mem_grow((void **)&m->order, &m->order_cap, m->count + 1,
		sizeof(*m->order)) < 0)
		return UINT32_MAX;
	if (make_room(m, n) < 0)
		return UINT32_MAX;
	id = (uint32_t)m->count;
	e = insert(m, key, n, h, id);
	m->order[id] = (uint32_t)(e - m->slots);
	return id;
}

const char *strmap_key(const strmap *m, uint32_t id, size_t *n)
{
	const strmap_entry *e = &m->slots[m->order[id]];

	if (n)
		*n = e->keylen;
	return m->arena + e->key;
}

bool strmap_next(const strmap *m, size_t *it, const char **key, size_t *n,
	uint32_t *value)
{
	size_t size = m->slots ? m->mask + 1 : 0;

	while (*it < size) {
		const strmap_entry *e = &m->slots[(*it)++];

		if (!e->used)
			continue;
		if (key)
			*key = m->arena + e->key;
		if (n)
			*n = e->keylen;
		if (value)
			*value = e->value;
		return true;
	}
	return false;
}
