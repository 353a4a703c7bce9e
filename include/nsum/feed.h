/*
 * The feeds of a daily digest folder: feed.json, a JSON Feed (version 1.1,
 * https://www.jsonfeed.org/version/1.1/), and feed.xml, an Atom feed
 * (RFC 4287), with one entry per digest day, newest first.
 *
 * feed.json is the source of truth.  An update reads it, adds the day's
 * entry or replaces the one of the same day, sorts, trims, and writes
 * feed.json then feed.xml, each atomically (see nsum/file.h).  feed.xml is
 * never read: it is rebuilt from feed.json every time.  Each item of
 * feed.json carries an "_nsum" object ({"date", "href"}) from which the
 * entry is read back; the feed-level fields (title, links, ids) come from
 * the options of the current update, not from the old file.
 *
 * Nothing in either file depends on the clock: an entry is dated at
 * 00:00:00Z of its digest day and the feed at its newest entry, so the same
 * update run twice writes the same bytes.
 */
#ifndef NSUM_FEED_H
#define NSUM_FEED_H

#include <stddef.h>

#include "nsum/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The names of the two feed files inside the digest folder. */
#define NSUM_FEED_JSON "feed.json"
#define NSUM_FEED_XML "feed.xml"

/* One digest day.  All strings are UTF-8 and borrowed for the call. */
typedef struct nsum_feed_entry {
	const char *date;     /* "YYYY-MM-DD", a real calendar day: the entry's
	                         identity and its place in the feed */
	const char *title;    /* e.g. "Digest of 2026-01-06: 4 topics";
	                         NULL: "Digest of DATE" */
	const char *summary;  /* plain text, e.g. the day's headlines, one a
	                         line; NULL: empty */
	const char *href;     /* the day's page, relative to the feed's folder
	                         ("2026-01-06.html") or absolute (with a
	                         scheme); NULL: "DATE.html" */
} nsum_feed_entry;

/* How the feeds look.  All zero (or a NULL pointer) means the defaults. */
typedef struct nsum_feed_options {
	const char *title;     /* the feeds' title; NULL: "nsum digest" */
	const char *base_url;  /* absolute URL of the digest folder
	                          ("https://example.org/digest/"; a '/' is
	                          added when it does not end in one), or NULL.
	                          With it, links are absolute, an entry's id is
	                          its link, the feed's id is the URL of
	                          feed.xml, and both feeds name their own URL.
	                          Without it, links stay relative and ids are
	                          tag URIs: "tag:nsum,DATE:digest" for an entry,
	                          "tag:nsum,2026:digest-feed" for the feed */
	size_t max_entries;    /* keep only this many newest entries; 0: all */
} nsum_feed_options;

/*
 * Add the entry for e->date to DIR/feed.json and DIR/feed.xml, or replace
 * the entry of that day, and write both files (newest day first).
 *
 * A missing feed.json means no earlier entries, even when feed.xml exists
 * (feed.xml is then rebuilt from this entry alone).  Both files are built
 * in memory before anything is written; feed.json is written first.  The
 * folder is locked (flock) while the update runs, so concurrent updates of
 * one folder take turns; the caller must not hold such a lock on dir
 * itself.  opt may be NULL.  When max_entries trims the feed, an entry
 * older than all that are kept is dropped, e->date's included.
 *
 * Returns NSUM_OK, or:
 * - NSUM_EINVAL: dir is NULL or empty, e->date is not a real YYYY-MM-DD
 *   day, a string is not UTF-8, href or base_url holds a control
 *   character, base_url is not absolute; nothing is read or written;
 * - NSUM_EFORMAT: feed.json is not JSON, or not a JSON Feed that nsum
 *   wrote (an item without its "_nsum" object, two items of one day); err
 *   names feed.json with the line and column; nothing is written;
 * - NSUM_ELIMIT: feed.json is larger than 64 MiB; nothing is written;
 * - NSUM_EIO: the folder or a file cannot be opened, read or written.
 *   When feed.json was written but feed.xml could not be, feed.json holds
 *   the new entries and feed.xml the old ones until the next update;
 * - NSUM_ENOMEM.
 */
nsum_status nsum_feed_update(const char *dir, const nsum_feed_entry *e,
	const nsum_feed_options *opt, nsum_error *err);

#ifdef __cplusplus
}
#endif

#endif
