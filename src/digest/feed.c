/*
 * The feeds of a digest folder (see nsum/feed.h): feed.json, a JSON Feed
 * 1.1 that is read back on every update, and feed.xml, an Atom feed built
 * from the same entries.
 *
 * An update runs under an flock on the folder: read feed.json into items
 * that borrow their strings from the parsed JSON, add or replace the day's
 * item, sort newest first, trim, build both files in memory, then write
 * them.  jansson keeps no positions, so when feed.json parses but is not a
 * feed nsum wrote, the offending value is found again in the raw bytes
 * (locate()) to report its line and column.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <jansson.h>

#include "nsum/feed.h"
#include "nsum/file.h"
#include "nsum/nsum.h"
#include "nsum/text.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/mem.h"
#include "util/utf8.h"

/* feed.json is read whole; a digest feed is a few kilobytes a day. */
#define FEED_MAX_BYTES ((size_t)64 << 20)

#define JSON_FEED_VERSION "https://jsonfeed.org/version/1.1"
#define FEED_AUTHOR "nsum"
#define FEED_TAG_ID "tag:nsum,2026:digest-feed"

/* No position: locate() was not asked for a deeper step. */
#define NO_INDEX SIZE_MAX

typedef struct item {
	nsum_feed_entry e;  /* strings borrowed from the caller or the JSON */
	size_t index;       /* position in the old feed.json; NO_INDEX for the
	                       entry of this update */
} item;

/* What one update works on; everything is freed by feed_finish(). */
typedef struct feed {
	nsum_buf json_path;  /* DIR/feed.json */
	nsum_buf xml_path;   /* DIR/feed.xml */
	nsum_buf base;       /* base_url ending in '/'; empty without one */
	nsum_buf href;       /* the default href "DATE.html" when e->href is NULL */
	nsum_buf title;      /* the default title "Digest of DATE" */
	nsum_buf raw;        /* the bytes of the old feed.json */
	json_t *root;        /* the old feed.json, parsed; NULL if none */
	item *items;         /* owned array; strings borrowed */
	size_t count;
	size_t cap;
} feed;

/* Make f empty, ready for prepare(); free with feed_finish(). */
static void feed_init(feed *f)
{
	memset(f, 0, sizeof(*f));
	buf_init(&f->json_path);
	buf_init(&f->xml_path);
	buf_init(&f->base);
	buf_init(&f->href);
	buf_init(&f->title);
	buf_init(&f->raw);
}

/* Free what f holds and leave it empty. */
static void feed_finish(feed *f)
{
	buf_finish(&f->json_path);
	buf_finish(&f->xml_path);
	buf_finish(&f->base);
	buf_finish(&f->href);
	buf_finish(&f->title);
	buf_finish(&f->raw);
	json_decref(f->root);
	nsum_free(f->items);
	memset(f, 0, sizeof(*f));
}

/* ---- validation ---- */

/* True for the ASCII digits. */
static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The number written by the n ASCII digits at s. */
static unsigned digits(const char *s, size_t n)
{
	unsigned v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	return v;
}

/* True if s is "YYYY-MM-DD" and names a day of the Gregorian calendar. */
static bool valid_date(const char *s)
{
	static const unsigned char mdays[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};
	unsigned y, m, d;
	size_t i;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(s[i]))
			return false;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29)
		return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
	return true;
}

/* True if the NUL-terminated s is valid UTF-8 (what jansson accepts). */
static bool valid_utf8(const char *s)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		int32_t cp;
		size_t k = u8_decode(s, n, i, &cp);

		if (k == 1 && cp == 0xFFFD)
			return false;
		i += k;
	}
	return true;
}

/* True if s holds a C0 control character or DEL. */
static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return true;
	return false;
}

/* True for the ASCII letters. */
static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* True if s starts with a URI scheme and ':' (RFC 3986), i.e. is absolute. */
static bool is_absolute(const char *s)
{
	size_t i;

	if (!is_alpha(s[0]))
		return false;
	for (i = 1; s[i]; i++) {
		if (s[i] == ':')
			return s[i + 1] != '\0';
		if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '+' &&
			s[i] != '-' && s[i] != '.')
			return false;
	}
	return false;
}

/* NSUM_EINVAL naming what of the entry or options is wrong, or NSUM_OK. */
static nsum_status check_text(const char *what, const char *s, bool url,
	nsum_error *err)
{
	if (!s)
		return NSUM_OK;
	if (!valid_utf8(s))
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"feed %s is not valid UTF-8", what);
	if (url && has_control(s))
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"feed %s holds a control character", what);
	return NSUM_OK;
}

/* Check the arguments of nsum_feed_update(); NSUM_OK or NSUM_EINVAL. */
static nsum_status check_args(const char *dir, const nsum_feed_entry *e,
	const nsum_feed_options *opt, nsum_error *err)
{
	nsum_status st;

	if (!dir || !*dir)
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"no digest folder for the feeds");
	if (!e || !valid_date(e->date))
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"feed date '%s' is not a day written YYYY-MM-DD",
			e && e->date && valid_utf8(e->date) ? e->date : "");
	if ((st = check_text("entry title", e->title, false, err)) ||
		(st = check_text("entry summary", e->summary, false, err)) ||
		(st = check_text("entry link", e->href, true, err)))
		return st;
	if (e->href && !*e->href)
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"feed entry link is empty");
	if (!opt)
		return NSUM_OK;
	if ((st = check_text("title", opt->title, false, err)) ||
		(st = check_text("base URL", opt->base_url, true, err)))
		return st;
	if (opt->base_url && !is_absolute(opt->base_url))
		return nsum_error_set(err, NSUM_EINVAL, NULL, 0, 0,
			"feed base URL '%s' is not absolute (no scheme)",
			opt->base_url);
	return NSUM_OK;
}

/* ---- positions in the raw JSON ---- */

/* The offset of the first byte at or after s[i] that is not JSON space. */
static size_t skip_space(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		s[i] == '\r'))
		i++;
	return i;
}

/* The offset just past the JSON string that opens at s[i]. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
	for (i++; i < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"')
			return i + 1;
	}
	return n;
}

/* The offset just past the JSON value at s[i] (the text is valid JSON). */
static size_t skip_value(const char *s, size_t n, size_t i)
{
	size_t depth = 0;

	while (i < n) {
		char c = s[i];

		if (c == '"') {
			i = skip_string(s, n, i);
			if (depth == 0)
				return i;
			continue;
		}
		if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return i;
			if (--depth == 0)
				return i + 1;
		} else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' ||
			c == '\n' || c == '\r')) {
			return i;
		}
		i++;
	}
	return n;
}

/*
 * The offset of the value of key in the object at s[i], or n when s[i] is
 * not an object or has no such key (a key written with escapes is not
 * recognized: nsum writes none).
 */
static size_t member(const char *s, size_t n, size_t i, const char *key)
{
	size_t klen = strlen(key);

	if (i >= n || s[i] != '{')
		return n;
	for (i++;;) {
		size_t k;
		bool match;

		i = skip_space(s, n, i);
		if (i >= n || s[i] != '"')
			return n;
		k = i;
		i = skip_string(s, n, i);
		match = i - k == klen + 2 && memcmp(s + k + 1, key, klen) == 0;
		i = skip_space(s, n, i);
		if (i >= n || s[i] != ':')
			return n;
		i = skip_space(s, n, i + 1);
		if (match)
			return i;
		i = skip_space(s, n, skip_value(s, n, i));
		if (i >= n || s[i] != ',')
			return n;
		i++;
	}
}

/* The offset of element index of the array at s[i], or n. */
static size_t element(const char *s, size_t n, size_t i, size_t index)
{
	size_t k;

	if (i >= n || s[i] != '[')
		return n;
	for (i++, k = 0;; k++) {
		i = skip_space(s, n, i);
		if (i >= n || s[i] == ']')
			return n;
		if (k == index)
			return i;
		i = skip_space(s, n, skip_value(s, n, i));
		if (i >= n || s[i] != ',')
			return n;
		i++;
	}
}

/*
 * The offset in the feed.json bytes of root[key][index][key2][key3], each
 * step left out when NULL (or NO_INDEX); when a step is not found, the
 * offset of the deepest value that was.
 */
static size_t locate(const nsum_buf *raw, const char *key, size_t index,
	const char *key2, const char *key3)
{
	const char *s = raw->data;
	size_t n = raw->len, at = skip_space(s, n, 0), next;

	if (key) {
		if ((next = member(s, n, at, key)) == n)
			return at;
		at = next;
	}
	if (index != NO_INDEX) {
		if ((next = element(s, n, at, index)) == n)
			return at;
		at = next;
	}
	if (key2) {
		if ((next = member(s, n, at, key2)) == n)
			return at;
		at = next;
	}
	if (key3 && (next = member(s, n, at, key3)) != n)
		at = next;
	return at;
}

/* Record NSUM_EFORMAT at offset off of feed.json; returns NSUM_EFORMAT. */
static nsum_status bad_feed(const feed *f, size_t off, nsum_error *err,
	const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static nsum_status bad_feed(const feed *f, size_t off, nsum_error *err,
	const char *fmt, ...)
{
	char text[NSUM_ERROR_TEXT_MAX];
	size_t line, column;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	nsum_text_position(f->raw.data, f->raw.len, off, &line, &column);
	return nsum_error_set(err, NSUM_EFORMAT, f->json_path.data, line, column,
		"%s", text);
}

/* ---- reading feed.json ---- */

/*
 * Read DIR/feed.json into f->raw.  A missing file leaves f->raw empty
 * (data NULL) and returns NSUM_OK.  NSUM_EIO, NSUM_ELIMIT or NSUM_ENOMEM.
 */
static nsum_status read_raw(feed *f, nsum_error *err)
{
	const char *path = f->json_path.data;
	nsum_status st = NSUM_OK;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return NSUM_OK;
		return nsum_error_set(err, NSUM_EIO, path, 0, 0, "cannot open: %s",
			strerror(errno));
	}
	for (;;) {
		ssize_t r;

		if (buf_reserve(&f->raw, 1 << 16) < 0) {
			st = nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
			goto out;
		}
		r = read(fd, f->raw.data + f->raw.len, f->raw.cap - f->raw.len - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			st = nsum_error_set(err, NSUM_EIO, path, 0, 0, "cannot read: %s",
				strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		f->raw.len += (size_t)r;
		f->raw.data[f->raw.len] = '\0';
		if (f->raw.len > FEED_MAX_BYTES) {
			st = nsum_error_set(err, NSUM_ELIMIT, path, 0, 0,
				"feed larger than %zu bytes", FEED_MAX_BYTES);
			goto out;
		}
	}
out:
	close(fd);
	return st;
}

/* Make room for one more item in f->items.  NSUM_OK or NSUM_ENOMEM. */
static nsum_status grow_items(feed *f, nsum_error *err)
{
	if (mem_grow((void **)&f->items, &f->cap, f->count + 1, sizeof(*f->items)) < 0)
		return nsum_error_set(err, NSUM_ENOMEM, f->json_path.data, 0, 0,
			"out of memory");
	return NSUM_OK;
}

/* The string member key of obj, or NULL when it is missing or not one. */
static const char *get_string(json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

/* Read item i of the old feed into a new f->items entry. */
static nsum_status read_item(feed *f, json_t *obj, size_t i, nsum_error *err)
{
	json_t *ext;
	item *it;
	nsum_status st;

	if (!json_is_object(obj))
		return bad_feed(f, locate(&f->raw, "items", i, NULL, NULL), err,
			"items[%zu] is not an object", i);
	ext = json_object_get(obj, "_nsum");
	if (!json_is_object(ext))
		return bad_feed(f, locate(&f->raw, "items", i, "_nsum", NULL), err,
			"items[%zu] has no \"_nsum\" object: not an item nsum wrote", i);
	if ((st = grow_items(f, err)) != NSUM_OK)
		return st;
	it = &f->items[f->count];
	it->index = i;
	it->e.date = get_string(ext, "date");
	it->e.href = get_string(ext, "href");
	it->e.title = get_string(obj, "title");
	it->e.summary = get_string(obj, "content_text");
	if (!valid_date(it->e.date))
		return bad_feed(f, locate(&f->raw, "items", i, "_nsum", "date"), err,
			"items[%zu]._nsum.date is not a day written YYYY-MM-DD", i);
	if (!it->e.href || !*it->e.href)
		return bad_feed(f, locate(&f->raw, "items", i, "_nsum", "href"), err,
			"items[%zu]._nsum.href is not a link", i);
	if (!it->e.title)
		return bad_feed(f, locate(&f->raw, "items", i, "title", NULL), err,
			"items[%zu].title is not a string", i);
	if (!it->e.summary)
		return bad_feed(f, locate(&f->raw, "items", i, "content_text", NULL),
			err, "items[%zu].content_text is not a string", i);
	f->count++;
	return NSUM_OK;
}

/*
 * Parse f->raw into f->root.  NSUM_EFORMAT with jansson's line and column,
 * or NSUM_ENOMEM.
 */
static nsum_status load_root(feed *f, nsum_error *err)
{
	json_error_t je, again;

	f->root = json_loadb(f->raw.data, f->raw.len, JSON_REJECT_DUPLICATES, &je);
	if (f->root)
		return NSUM_OK;
	/*
	 * jansson reports some failed allocations as syntax errors ("invalid
	 * token") and others with no message.  A real syntax error comes back
	 * the same on a second parse; anything else was memory.
	 */
	f->root = json_loadb(f->raw.data, f->raw.len, JSON_REJECT_DUPLICATES,
		&again);
	if (f->root)
		return NSUM_OK;
	if (json_failed_on_memory(&je, &again))
		return nsum_error_set(err, NSUM_ENOMEM, f->json_path.data, 0, 0,
			"out of memory");
	return nsum_error_set(err, NSUM_EFORMAT, f->json_path.data,
		je.line > 0 ? (size_t)je.line : 1,
		je.column > 0 ? (size_t)je.column : 1, "%s", je.text);
}

/*
 * Parse f->raw (when there is a feed.json) into f->root and f->items.
 * NSUM_EFORMAT with feed.json's line and column, or NSUM_ENOMEM.
 */
static nsum_status parse_feed(feed *f, nsum_error *err)
{
	json_t *items;
	const char *version;
	size_t i;
	nsum_status st;

	if (!f->raw.data)
		return NSUM_OK;
	if ((st = load_root(f, err)) != NSUM_OK)
		return st;
	if (!json_is_object(f->root))
		return bad_feed(f, locate(&f->raw, NULL, NO_INDEX, NULL, NULL), err,
			"not a JSON Feed: expected an object");
	version = get_string(f->root, "version");
	if (!version || (strcmp(version, "https://jsonfeed.org/version/1") != 0 &&
		strcmp(version, JSON_FEED_VERSION) != 0))
		return bad_feed(f, locate(&f->raw, "version", NO_INDEX, NULL, NULL),
			err, "not a JSON Feed: \"version\" is not %s",
			JSON_FEED_VERSION);
	items = json_object_get(f->root, "items");
	if (!json_is_array(items))
		return bad_feed(f, locate(&f->raw, "items", NO_INDEX, NULL, NULL), err,
			"not a JSON Feed: \"items\" is not an array");
	for (i = 0; i < json_array_size(items); i++)
		if ((st = read_item(f, json_array_get(items, i), i, err)) != NSUM_OK)
			return st;
	return NSUM_OK;
}

/* Newest day first; the old feed's order between items of one day. */
static int newest_first(const void *a, const void *b)
{
	const item *x = a, *y = b;
	int c = strcmp(y->e.date, x->e.date);

	if (c)
		return c;
	return (x->index > y->index) - (x->index < y->index);
}

/*
 * Sort the old items, refuse two of one day, then add e or replace the
 * item of its day, and trim to max items (0: all).
 */
static nsum_status merge(feed *f, const nsum_feed_entry *e, size_t max,
	nsum_error *err)
{
	size_t i;
	nsum_status st;

	if (f->count > 1)
		qsort(f->items, f->count, sizeof(*f->items), newest_first);
	for (i = 1; i < f->count; i++)
		if (strcmp(f->items[i - 1].e.date, f->items[i].e.date) == 0)
			return bad_feed(f, locate(&f->raw, "items", f->items[i].index,
				NULL, NULL), err, "items[%zu] is a second item of %s",
				f->items[i].index, f->items[i].e.date);
	for (i = 0; i < f->count; i++)
		if (strcmp(f->items[i].e.date, e->date) == 0)
			break;
	if (i == f->count) {
		if ((st = grow_items(f, err)) != NSUM_OK)
			return st;
		f->count++;
	}
	f->items[i].e = *e;
	f->items[i].index = NO_INDEX;
	qsort(f->items, f->count, sizeof(*f->items), newest_first);
	if (max && f->count > max)
		f->count = max;
	return NSUM_OK;
}

/* ---- links and ids ---- */

/* Append the URL of the page at href: absolute when it can be. 0 or -1. */
static int put_link(nsum_buf *b, const feed *f, const char *href)
{
	if (!is_absolute(href) && f->base.len && buf_append(b, f->base.data,
		f->base.len) < 0)
		return -1;
	return buf_puts(b, href);
}

/* True if the link put_link() makes for href is absolute. */
static bool link_absolute(const feed *f, const char *href)
{
	return f->base.len || is_absolute(href);
}

/* Append the id of entry e: its link with a base URL, else a tag URI. */
static int put_id(nsum_buf *b, const feed *f, const nsum_feed_entry *e)
{
	if (f->base.len)
		return put_link(b, f, e->href);
	return buf_printf(b, "tag:nsum,%s:digest", e->date);
}

/* Append the RFC 3339 time of the start of day date (UTC). */
static int put_time(nsum_buf *b, const char *date)
{
	return buf_printf(b, "%sT00:00:00Z", date);
}

/* ---- feed.json ---- */

/* Set key of obj to v, taking v over; -1 if v is NULL or on error. */
static int put(json_t *obj, const char *key, json_t *v)
{
	return v ? json_object_set_new(obj, key, v) : -1;
}

/*
 * A new JSON string of what the call that returned filled appended to the
 * scratch buffer b (NULL if filled < 0 or on no memory); b is cleared.
 */
static json_t *str_of(nsum_buf *b, int filled)
{
	json_t *j = filled < 0 ? NULL : json_stringn(b->data ? b->data : "",
		b->len);

	buf_clear(b);
	return j;
}

/* The JSON Feed item of e (b: an empty scratch buffer), or NULL. */
static json_t *json_item(const feed *f, const nsum_feed_entry *e, nsum_buf *b)
{
	json_t *o = json_object(), *ext = json_object();
	int rc = 0;

	if (!o || !ext) {
		json_decref(o);
		json_decref(ext);
		return NULL;
	}
	rc |= put(o, "id", str_of(b, put_id(b, f, e)));
	if (link_absolute(f, e->href))
		rc |= put(o, "url", str_of(b, put_link(b, f, e->href)));
	rc |= put(o, "title", json_string(e->title));
	rc |= put(o, "content_text", json_string(e->summary));
	rc |= put(o, "date_published", str_of(b, put_time(b, e->date)));
	rc |= put(ext, "date", json_string(e->date));
	rc |= put(ext, "href", json_string(e->href));
	rc |= put(o, "_nsum", ext);
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/*
 * The new feed.json (NUL-terminated, newline at the end), in *out and
 * *len; free with nsum_free().  0, or -1 on no memory.
 */
static int format_json(const feed *f, const char *title, char **out,
	size_t *len)
{
	json_t *root = json_object(), *authors = json_array(), *author = json_object();
	json_t *items = json_array();
	nsum_buf b;
	size_t i;
	int rc = 0;

	buf_init(&b);
	if (!root || !authors || !author || !items) {
		json_decref(author);
		json_decref(authors);
		json_decref(items);
		rc = -1;
		goto out;
	}
	rc |= put(root, "version", json_string(JSON_FEED_VERSION));
	rc |= put(root, "title", json_string(title));
	if (f->base.len) {
		rc |= put(root, "home_page_url", json_string(f->base.data));
		rc |= put(root, "feed_url", str_of(&b, buf_printf(&b, "%s%s",
			f->base.data, NSUM_FEED_JSON)));
	}
	rc |= put(author, "name", json_string(FEED_AUTHOR));
	rc |= json_array_append_new(authors, author) ? -1 : 0;
	rc |= put(root, "authors", authors);
	for (i = 0; i < f->count; i++)
		rc |= json_array_append_new(items, json_item(f, &f->items[i].e, &b)) ?
			-1 : 0;
	rc |= put(root, "items", items);
	if (rc)
		goto out;
	buf_clear(&b);
	if (json_dump_append(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER, &b) < 0 ||
		buf_putc(&b, '\n') < 0) {
		rc = -1;
		goto out;
	}
	*len = b.len;
	*out = buf_steal(&b);
	rc = *out ? 0 : -1;
out:
	json_decref(root);
	buf_finish(&b);
	return rc;
}

/* ---- feed.xml ---- */

/*
 * Append s escaped for XML 1.0 text or a double-quoted attribute: & < > "
 * as entities, CR (and, in an attribute, tab and LF, which attribute
 * normalization would turn into spaces) as character references, and the
 * characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF)
 * left out.  s is valid UTF-8.  Unlike render_html_escape(), which HTML
 * needs, this one must drop what an XML parser refuses.  0 or -1.
 */
static int xml_escape(nsum_buf *b, const char *s, bool attr)
{
	size_t i, start = 0, n = strlen(s);

	for (i = 0; i < n; i++) {
		const unsigned char c = (unsigned char)s[i];
		const char *rep = NULL;
		size_t skip = 1;

		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\r': rep = "&#13;"; break;
		case '\t': rep = attr ? "&#9;" : NULL; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		default:
			if (c < 0x20)
				rep = "";
			else if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
				((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) {
				rep = "";
				skip = 3;
			}
			break;
		}
		if (!rep)
			continue;
		if (buf_append(b, s + start, i - start) < 0 || buf_puts(b, rep) < 0)
			return -1;
		start = i + skip;
		i += skip - 1;
	}
	return buf_append(b, s + start, n - start);
}

/* Append "<tag>text</tag>\n" indented by indent, text escaped.  0 or -1. */
static int xml_element(nsum_buf *b, const char *indent, const char *tag,
	const char *attrs, const char *text)
{
	if (buf_printf(b, "%s<%s%s>", indent, tag, attrs) < 0 ||
		xml_escape(b, text, false) < 0)
		return -1;
	return buf_printf(b, "</%s>\n", tag);
}

/* Append <link rel="rel" href="HREF"/> for the page at href.  0 or -1. */
static int xml_link(nsum_buf *b, nsum_buf *scratch, const char *indent,
	const char *rel, const char *type, const feed *f, const char *href)
{
	buf_clear(scratch);
	if (put_link(scratch, f, href) < 0 ||
		buf_printf(b, "%s<link rel=\"%s\"%s%s%s href=\"", indent, rel,
			type ? " type=\"" : "", type ? type : "", type ? "\"" : "") < 0 ||
		xml_escape(b, scratch->data, true) < 0)
		return -1;
	return buf_puts(b, "\"/>\n");
}

/* Append the Atom <entry> of e (scratch: a work buffer).  0 or -1. */
static int xml_entry(nsum_buf *b, nsum_buf *scratch, const feed *f,
	const nsum_feed_entry *e)
{
	const char *in = "    ";

	buf_clear(scratch);
	if (buf_puts(b, "  <entry>\n") < 0 || put_id(scratch, f, e) < 0 ||
		xml_element(b, in, "id", "", scratch->data) < 0 ||
		xml_element(b, in, "title", " type=\"text\"", e->title) < 0)
		return -1;
	buf_clear(scratch);
	if (put_time(scratch, e->date) < 0 ||
		xml_element(b, in, "published", "", scratch->data) < 0 ||
		xml_element(b, in, "updated", "", scratch->data) < 0 ||
		xml_link(b, scratch, in, "alternate", NULL, f, e->href) < 0 ||
		xml_element(b, in, "summary", " type=\"text\"", e->summary) < 0)
		return -1;
	return buf_puts(b, "  </entry>\n");
}

/*
 * The new feed.xml in *out and *len (f->count >= 1); free with
 * nsum_free().  0, or -1 on no memory.
 */
static int format_xml(const feed *f, const char *title, char **out,
	size_t *len)
{
	nsum_buf b, scratch;
	size_t i;
	int rc = -1;

	buf_init(&b);
	buf_init(&scratch);
	if (buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n") < 0)
		goto out;
	if (f->base.len ? buf_printf(&scratch, "%s%s", f->base.data,
		NSUM_FEED_XML) < 0 : buf_puts(&scratch, FEED_TAG_ID) < 0)
		goto out;
	if (xml_element(&b, "  ", "id", "", scratch.data) < 0 ||
		xml_element(&b, "  ", "title", " type=\"text\"", title) < 0)
		goto out;
	buf_clear(&scratch);
	if (put_time(&scratch, f->items[0].e.date) < 0 ||
		xml_element(&b, "  ", "updated", "", scratch.data) < 0 ||
		buf_puts(&b, "  <author>\n") < 0 ||
		xml_element(&b, "    ", "name", "", FEED_AUTHOR) < 0 ||
		buf_puts(&b, "  </author>\n") < 0 ||
		buf_puts(&b, "  <generator version=\"") < 0 ||
		xml_escape(&b, nsum_version(), true) < 0 ||
		buf_puts(&b, "\">nsum</generator>\n") < 0)
		goto out;
	if (f->base.len && (xml_link(&b, &scratch, "  ", "self",
		"application/atom+xml", f, NSUM_FEED_XML) < 0 ||
		xml_link(&b, &scratch, "  ", "alternate", NULL, f, "") < 0))
		goto out;
	for (i = 0; i < f->count; i++)
		if (xml_entry(&b, &scratch, f, &f->items[i].e) < 0)
			goto out;
	if (buf_puts(&b, "</feed>\n") < 0)
		goto out;
	*len = b.len;
	*out = buf_steal(&b);
	rc = *out ? 0 : -1;
out:
	buf_finish(&scratch);
	buf_finish(&b);
	return rc;
}

/* ---- the update ---- */

/*
 * Open dir and take an exclusive flock on it; *fd receives the descriptor
 * (close it to unlock).  NSUM_OK or NSUM_EIO.
 */
static nsum_status lock_dir(const char *dir, int *fd, nsum_error *err)
{
	nsum_status st;

	*fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*fd < 0)
		return nsum_error_set(err, NSUM_EIO, dir, 0, 0,
			"cannot open the digest folder: %s", strerror(errno));
	while (flock(*fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			st = nsum_error_set(err, NSUM_EIO, dir, 0, 0,
				"cannot lock the digest folder: %s", strerror(errno));
			close(*fd);
			*fd = -1;
			return st;
		}
	}
	return NSUM_OK;
}

/*
 * Fill the paths, the base URL and the defaults of e into f, and *out
 * with e's strings or their defaults.  NSUM_OK or NSUM_ENOMEM.
 */
static nsum_status prepare(feed *f, const char *dir, const nsum_feed_entry *e,
	const nsum_feed_options *opt, nsum_feed_entry *out, nsum_error *err)
{
	const char *base = opt ? opt->base_url : NULL;
	const char *sep = dir[strlen(dir) - 1] == '/' ? "" : "/";

	if (buf_printf(&f->json_path, "%s%s%s", dir, sep, NSUM_FEED_JSON) < 0 ||
		buf_printf(&f->xml_path, "%s%s%s", dir, sep, NSUM_FEED_XML) < 0 ||
		(base && buf_printf(&f->base, "%s%s", base,
			base[strlen(base) - 1] == '/' ? "" : "/") < 0) ||
		buf_printf(&f->href, "%s.html", e->date) < 0 ||
		buf_printf(&f->title, "Digest of %s", e->date) < 0)
		return nsum_error_set(err, NSUM_ENOMEM, dir, 0, 0, "out of memory");
	out->date = e->date;
	out->title = e->title ? e->title : f->title.data;
	out->summary = e->summary ? e->summary : "";
	out->href = e->href ? e->href : f->href.data;
	return NSUM_OK;
}

nsum_status nsum_feed_update(const char *dir, const nsum_feed_entry *e,
	const nsum_feed_options *opt, nsum_error *err)
{
	const char *title = opt && opt->title ? opt->title : "nsum digest";
	nsum_feed_entry entry;
	char *json = NULL, *xml = NULL;
	size_t json_len = 0, xml_len = 0;
	nsum_status st;
	feed f;
	int dfd = -1;

	feed_init(&f);
	if ((st = check_args(dir, e, opt, err)) != NSUM_OK ||
		(st = prepare(&f, dir, e, opt, &entry, err)) != NSUM_OK ||
		(st = lock_dir(dir, &dfd, err)) != NSUM_OK ||
		(st = read_raw(&f, err)) != NSUM_OK ||
		(st = parse_feed(&f, err)) != NSUM_OK ||
		(st = merge(&f, &entry, opt ? opt->max_entries : 0, err)) != NSUM_OK)
		goto out;
	if (format_json(&f, title, &json, &json_len) < 0 ||
		format_xml(&f, title, &xml, &xml_len) < 0) {
		st = nsum_error_set(err, NSUM_ENOMEM, dir, 0, 0, "out of memory");
		goto out;
	}
	if ((st = nsum_file_write_atomic(f.json_path.data, json, json_len,
		err)) != NSUM_OK)
		goto out;
	st = nsum_file_write_atomic(f.xml_path.data, xml, xml_len, err);
out:
	nsum_free(json);
	nsum_free(xml);
	if (dfd >= 0) {
		flock(dfd, LOCK_UN);
		close(dfd);
	}
	feed_finish(&f);
	return st;
}
