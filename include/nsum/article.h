/*
 * Articles: an analyzed text (nsum_doc) with what a digest needs to know
 * about it -- where it was read from, where it was published, and when.
 *
 * A date comes from the input's own fields when it has them (a JSON line's
 * "date"), else from the text, else from the file's modification time.  In
 * the text, nsum looks first at the lines the cleaner set aside as page
 * furniture about the article itself ("Publié le 29/12/2025 11:03",
 * "Serap Doğansoy | 06.01.2026", a leading "date 2026-01-06"), then at the
 * opening lines of the article; never at embedded social posts, their
 * attribution lines, photo captions or "À lire aussi" teasers, whose dates
 * are other people's.
 */
#ifndef NSUM_ARTICLE_H
#define NSUM_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "nsum/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A calendar day.  year 0 means "no date". */
typedef struct nsum_date {
	int year;          /* 1900..2199, or 0 */
	int month;         /* 1..12 */
	int day;           /* 1..31, valid for the month */
} nsum_date;

/* Where an article's date came from. */
typedef enum nsum_date_origin {
	NSUM_DATE_NONE = 0,  /* unknown */
	NSUM_DATE_GIVEN,     /* the input said so (a JSON line's "date") */
	NSUM_DATE_TEXT,      /* found in the text */
	NSUM_DATE_FILE,      /* the file's modification time */
} nsum_date_origin;

typedef struct nsum_article {
	nsum_doc *doc;       /* the analyzed text; owned */
	char *path;          /* where it was read: a file, "-", or "FILE:LINE"
	                        for a JSON line; owned */
	char *source;        /* where it was published, or NULL; owned */
	nsum_date date;      /* its day; year 0 when unknown */
	nsum_date_origin date_origin;
} nsum_article;

/*
 * Parse the date that starts at s[0..n), in one of the forms news pages use:
 * ISO "2026-01-06" (a time may follow: "2026-01-06T11:03"), "2026/01/06",
 * day first "06/01/2026", "6.1.2026", "06-01-2026", and French words
 * "6 janvier 2026", "1er janvier 2026", "06 janv. 2026" (any case, accents
 * optional).  A weekday before the day ("mardi 6 janvier 2026") is the
 * caller's to skip.  Returns the number of bytes the date takes, or 0 (and
 * *out untouched) when s does not start with a valid calendar day.
 */
size_t nsum_date_parse(const char *s, size_t n, nsum_date *out);

/*
 * The first date in s[0..n): a date that starts at a word boundary and is
 * not followed by a digit.  Returns true and sets *out (and *at, its byte
 * offset, when at is not NULL), or false.
 */
bool nsum_date_find(const char *s, size_t n, nsum_date *out, size_t *at);

/*
 * A date given as a whole string, as a JSON field holds it: a form
 * nsum_date_parse() knows, alone, or followed by a time ("T11:03:00Z",
 * " 11:03").  Returns false for anything else.
 */
bool nsum_date_from_string(const char *s, nsum_date *out);

/* The local calendar day of t.  false if t cannot be converted. */
bool nsum_date_from_time(time_t t, nsum_date *out);

/*
 * d as "YYYY-MM-DD" into buf (at least 11 bytes); "" for no date.
 * Returns buf.
 */
char *nsum_date_format(const nsum_date *d, char *buf);

/* <0, 0, >0 as a is before, on or after b; no date sorts first. */
int nsum_date_compare(const nsum_date *a, const nsum_date *b);

/* Whether y-m-d is a real calendar day (1900..2199). */
bool nsum_date_valid(int year, int month, int day);

/*
 * The article's date as its text gives it (see the top of this file).
 * With a reference day ref (not NULL, year not 0: the file's time, or
 * today), a day written without its year ("ce mardi 6 janvier") counts
 * too: it is placed on the latest such day on or before ref that falls on
 * the weekday written before it, if any.  Returns true and sets *out, or
 * false when the text holds none.
 */
bool nsum_doc_find_date(const nsum_doc *doc, const nsum_date *ref,
	nsum_date *out);

/*
 * Set up *a for doc (taken over: destroyed by nsum_article_finish(), also
 * on failure), read from path.  source, date and ref may be NULL.  The
 * date is date when given (NSUM_DATE_GIVEN), else the text's
 * (nsum_doc_find_date() with ref); the caller may fill in a file time
 * afterwards.  Returns NSUM_OK or NSUM_ENOMEM (then *a is empty).
 */
nsum_status nsum_article_init(nsum_article *a, nsum_doc *doc,
	const char *path, const char *source, const nsum_date *date,
	const nsum_date *ref, nsum_error *err);

/* Free what *a holds and leave it empty.  a may be NULL. */
void nsum_article_finish(nsum_article *a);

/* <0, 0, >0 as a comes before b in reading order: by date (undated
 * last), then by path. */
int nsum_article_compare(const nsum_article *a, const nsum_article *b);

/*
 * Sort articles by date (undated ones last), then by path, then by their
 * position in the array: the reading order of a topic.  Stable.
 */
void nsum_articles_sort(nsum_article *arts, size_t n);

#ifdef __cplusplus
}
#endif

#endif
