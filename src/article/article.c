/*
 * Articles and their dates (see nsum/article.h).
 *
 * Dates are read the way French news pages write them.  The parser works
 * on bytes: digits and separators are ASCII, and month names are compared
 * after lower-casing with accents optional ("février", "fevrier",
 * "FÉVRIER"), so it needs no allocation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "nsum/article.h"
#include "util/mem.h"
#include "util/utf8.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool nsum_date_valid(int year, int month, int day)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1)
		return false;
	if (month == 2 && !leap)
		return day <= 28;
	return day <= days[month - 1];
}

/* Digits at s[0..n), at least min and at most max of them: their value in
 * *v, their count returned (0 if not min..max digits). */
static size_t digits(const char *s, size_t n, size_t min, size_t max, int *v)
{
	size_t i = 0;
	int x = 0;

	while (i < n && is_digit(s[i])) {
		if (i == max)
			return 0;
		x = x * 10 + (s[i] - '0');
		i++;
	}
	if (i < min)
		return 0;
	*v = x;
	return i;
}

/* Month names: full forms, then the abbreviations news pages use (a dot
 * may follow an abbreviation).  Accent-free; see month_word(). */
static const struct {
	const char *name;
	int month;
} months[] = {
	{ "janvier", 1 }, { "fevrier", 2 }, { "mars", 3 }, { "avril", 4 },
	{ "mai", 5 }, { "juin", 6 }, { "juillet", 7 }, { "aout", 8 },
	{ "septembre", 9 }, { "octobre", 10 }, { "novembre", 11 },
	{ "decembre", 12 },
	{ "janv", 1 }, { "fevr", 2 }, { "fev", 2 }, { "avr", 4 },
	{ "juil", 7 }, { "sept", 9 }, { "oct", 10 }, { "nov", 11 },
	{ "dec", 12 },
};

/*
 * The month named by the word at s[0..n): its number, the bytes of the
 * word (and of a dot after an abbreviation) in *len; 0 if none.  Letters
 * are lower-cased and é, è, û lose their accent.
 */
static int month_word(const char *s, size_t n, size_t *len)
{
	char w[16];
	size_t i = 0, k = 0, m;

	while (i < n) {
		int32_t cp;
		size_t l = u8_decode(s, n, i, &cp);

		if (!u8_is_letter(cp))
			break;
		cp = utf8proc_tolower(cp);
		if (cp == 0xE9 || cp == 0xE8)
			cp = 'e';
		else if (cp == 0xFB)
			cp = 'u';
		if (cp >= 0x80 || k + 1 >= sizeof(w))
			return 0;
		w[k++] = (char)cp;
		i += l;
	}
	w[k] = '\0';
	for (m = 0; m < sizeof(months) / sizeof(months[0]); m++) {
		if (strcmp(w, months[m].name) != 0)
			continue;
		/* "sept." and "déc." take their dot; a full name does not. */
		if (m >= 12 && i < n && s[i] == '.')
			i++;
		*len = i;
		return months[m].month;
	}
	return 0;
}

/* Skip spaces (ASCII, no-break) at s[i..n). */
static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n) {
		int32_t cp;
		size_t l = u8_decode(s, n, i, &cp);

		if (cp != ' ' && cp != '\t' && cp != 0xA0 && cp != 0x202F)
			break;
		i += l;
	}
	return i;
}

/*
 * A date in numbers whose first part, a (k digits), is read: then one of
 * seps, one or two digits of month, the same separator, and one or two
 * digits of day after a year (k == 4) or four of year after a day.
 * Returns its length, or 0.
 */
static size_t numeric(const char *s, size_t n, size_t k, int a,
	const char *seps, nsum_date *out)
{
	bool year_first = k == 4;
	int month, c, year, day;
	size_t i = k + 1, l;
	char sep;

	if (k >= n || !s[k] || !strchr(seps, s[k]))
		return 0;
	sep = s[k];
	l = digits(s + i, n - i, 1, 2, &month);
	if (!l || i + l >= n || s[i + l] != sep)
		return 0;
	i += l + 1;
	l = year_first ? digits(s + i, n - i, 1, 2, &c) :
		digits(s + i, n - i, 4, 4, &c);
	year = year_first ? a : c;
	day = year_first ? c : a;
	if (!l || !nsum_date_valid(year, month, day))
		return 0;
	out->year = year;
	out->month = month;
	out->day = day;
	return i + l;
}

/*
 * nsum_date_parse(); with partial, also a day and a month in words
 * without a year ("6 janvier"), as year 0.
 */
static size_t parse(const char *s, size_t n, nsum_date *out, bool partial)
{
	int a, c, month;
	size_t i, k, l;

	k = digits(s, n, 1, 4, &a);
	if (!k)
		return 0;
	/* Year first, 2026-01-06, 2026/01/06; day first, 06/01/2026,
	 * 6.1.2026, 06-01-2026. */
	if (k == 4)
		return numeric(s, n, k, a, "-/", out);
	if (k > 2)
		return 0;
	if (k < n && (s[k] == '/' || s[k] == '.' || s[k] == '-'))
		return numeric(s, n, k, a, "/.-", out);
	/* Day first, in words: 6 janvier 2026, 1er janvier 2026. */
	i = k;
	if (a == 1 && i + 1 < n && s[i] == 'e' && s[i + 1] == 'r')
		i += 2;
	l = skip_spaces(s, n, i);
	if (l == i)
		return 0;
	i = l;
	month = month_word(s + i, n - i, &l);
	if (!month)
		return 0;
	i += l;
	l = skip_spaces(s, n, i);
	if (l == i || !(k = digits(s + l, n - l, 4, 4, &c))) {
		/* "6 janvier" alone: the caller may place it in a year. */
		if (!partial || !nsum_date_valid(2000, month, a))
			return 0;
		out->year = 0;
		out->month = month;
		out->day = a;
		return i;
	}
	i = l;
	l = k;
	if (!nsum_date_valid(c, month, a))
		return 0;
	out->year = c;
	out->month = month;
	out->day = a;
	return i + l;
}

size_t nsum_date_parse(const char *s, size_t n, nsum_date *out)
{
	return parse(s, n, out, false);
}

/* Day of the week, 0 = Sunday (Sakamoto's method). */
static int weekday(int y, int m, int d)
{
	static const int t[12] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	if (m < 3)
		y -= 1;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* The weekday named by the word that ends just before s[i] (spaces
 * between), 0 = dimanche; -1 if none. */
static int weekday_before(const char *s, size_t i)
{
	static const char *const names[7] = { "dimanche", "lundi", "mardi",
		"mercredi", "jeudi", "vendredi", "samedi" };
	size_t end, start, k;

	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	end = i;
	while (i > 0 && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
		(s[i - 1] >= 'A' && s[i - 1] <= 'Z')))
		i--;
	start = i;
	if (end - start < 5 || end - start > 8)
		return -1;
	for (k = 0; k < 7; k++) {
		size_t j, len = strlen(names[k]);

		if (len != end - start)
			continue;
		for (j = 0; j < len; j++)
			if ((s[start + j] | 0x20) != names[k][j])
				break;
		if (j == len)
			return (int)k;
	}
	return -1;
}

/*
 * Place day/month d (year 0) in a year: the latest such day on or before
 * ref whose weekday is wday (-1: any); if no year of the last ten has that
 * weekday, the latest such day.
 */
static void place_in_year(nsum_date *d, const nsum_date *ref, int wday)
{
	int y = ref->year, k;

	if (d->month > ref->month || (d->month == ref->month && d->day > ref->day))
		y--;
	for (k = 0; k < 10 && wday >= 0; k++) {
		if (nsum_date_valid(y - k, d->month, d->day) &&
			weekday(y - k, d->month, d->day) == wday) {
			d->year = y - k;
			return;
		}
	}
	while (!nsum_date_valid(y, d->month, d->day) && y > ref->year - 8)
		y--;  /* 29 February */
	d->year = y;
}

/* nsum_date_find(), and with ref also dates without a year, placed
 * before ref. */
static bool find(const char *s, size_t n, const nsum_date *ref,
	nsum_date *out, size_t *at)
{
	size_t i;

	for (i = 0; i < n; i++) {
		nsum_date d;
		size_t l;

		if (!is_digit(s[i]))
			continue;
		if (i > 0) {
			int32_t cp;

			u8_decode_prev(s, i, &cp);
			if (u8_is_alnum(cp) || cp == '.' || cp == '/' || cp == '-' ||
				cp == ',')
				continue;
		}
		l = parse(s + i, n - i, &d, ref && ref->year);
		if (!l || (i + l < n && is_digit(s[i + l])))
			continue;
		if (d.year == 0) {
			place_in_year(&d, ref, weekday_before(s, i));
			if (!d.year)
				continue;
		}
		*out = d;
		if (at)
			*at = i;
		return true;
	}
	return false;
}

bool nsum_date_find(const char *s, size_t n, nsum_date *out, size_t *at)
{
	return find(s, n, NULL, out, at);
}

bool nsum_date_from_string(const char *s, nsum_date *out)
{
	size_t n = strlen(s), l, i;
	nsum_date d;

	i = skip_spaces(s, n, 0);
	l = nsum_date_parse(s + i, n - i, &d);
	if (!l)
		return false;
	i += l;
	/* What may follow: a time, a zone; nothing that starts a word. */
	if (i < n && s[i] != 'T' && s[i] != ' ' && s[i] != ',')
		return false;
	for (; i < n; i++)
		if (!(is_digit(s[i]) || strchr("T :.,+-Zh", s[i])))
			return false;
	*out = d;
	return true;
}

bool nsum_date_from_time(time_t t, nsum_date *out)
{
	struct tm tm;

	if (!localtime_r(&t, &tm) ||
		!nsum_date_valid(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday))
		return false;
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	return true;
}

char *nsum_date_format(const nsum_date *d, char *buf)
{
	if (!d || d->year <= 0 || !nsum_date_valid(d->year, d->month, d->day))
		buf[0] = '\0';
	else
		snprintf(buf, 11, "%04d-%02d-%02d", d->year, d->month, d->day);
	return buf;
}

int nsum_date_compare(const nsum_date *a, const nsum_date *b)
{
	long x = a->year ? (long)a->year * 10000 + a->month * 100 + a->day : 0;
	long y = b->year ? (long)b->year * 10000 + b->month * 100 + b->day : 0;

	return (x > y) - (x < y);
}

/* Lines the article's own date may be on, first pass: furniture about the
 * article (dateline, byline, chrome). */
static bool meta_line(nsum_drop r)
{
	return r == NSUM_DROP_DATELINE || r == NSUM_DROP_BYLINE ||
		r == NSUM_DROP_CHROME;
}

/* Kept lines looked at in the second pass: the article's opening. */
#define LEAD_LINES 3

bool nsum_doc_find_date(const nsum_doc *doc, const nsum_date *ref,
	nsum_date *out)
{
	const nsum_cleaned *c = &doc->clean;
	const char *t = doc->text.data;
	size_t i, kept = 0;

	/* Furniture, and a prefix the cleaner cut off a kept line. */
	for (i = 0; i < c->count; i++) {
		const nsum_line *l = &c->lines[i];

		if (meta_line(l->reason) &&
			find(t + l->start, l->end - l->start, ref, out, NULL))
			return true;
		if (l->reason == NSUM_KEEP && l->keep_start > l->start &&
			find(t + l->start, l->keep_start - l->start, ref, out,
			NULL))
			return true;
	}
	/* The opening lines of the article. */
	for (i = 0; i < c->count && kept < LEAD_LINES; i++) {
		const nsum_line *l = &c->lines[i];

		if (l->reason != NSUM_KEEP)
			continue;
		kept++;
		if (find(t + l->keep_start, l->keep_end - l->keep_start, ref, out,
			NULL))
			return true;
	}
	return false;
}

nsum_status nsum_article_init(nsum_article *a, nsum_doc *doc,
	const char *path, const char *source, const nsum_date *date,
	const nsum_date *ref, nsum_error *err)
{
	memset(a, 0, sizeof(*a));
	a->doc = doc;
	a->path = mem_strndup(path, strlen(path));
	if (source && *source)
		a->source = mem_strndup(source, strlen(source));
	if (!a->path || (source && *source && !a->source)) {
		nsum_article_finish(a);
		return nsum_error_set(err, NSUM_ENOMEM, path, 0, 0, "out of memory");
	}
	if (date && date->year) {
		a->date = *date;
		a->date_origin = NSUM_DATE_GIVEN;
	} else if (doc && nsum_doc_find_date(doc, ref, &a->date)) {
		a->date_origin = NSUM_DATE_TEXT;
	}
	return NSUM_OK;
}

void nsum_article_finish(nsum_article *a)
{
	if (!a)
		return;
	nsum_doc_destroy(a->doc);
	nsum_free(a->path);
	nsum_free(a->source);
	memset(a, 0, sizeof(*a));
}

typedef struct ranked {
	nsum_article a;
	size_t pos;
} ranked;

/* Dates in order, undated articles after the dated ones. */
static int date_order(const nsum_date *a, const nsum_date *b)
{
	if (!a->year != !b->year)
		return a->year ? -1 : 1;
	return nsum_date_compare(a, b);
}

int nsum_article_compare(const nsum_article *a, const nsum_article *b)
{
	int c = date_order(&a->date, &b->date);

	if (c)
		return c;
	return strcmp(a->path ? a->path : "", b->path ? b->path : "");
}

static int by_date(const void *x, const void *y)
{
	const ranked *a = x, *b = y;
	int c = nsum_article_compare(&a->a, &b->a);

	if (c)
		return c;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

void nsum_articles_sort(nsum_article *arts, size_t n)
{
	ranked *r;
	size_t i;

	if (n < 2)
		return;
	r = nsum_malloc(n * sizeof(*r));
	if (!r) {
		/* No room for the positions: an insertion sort is stable too. */
		for (i = 1; i < n; i++) {
			nsum_article x = arts[i];
			size_t j = i;

			while (j > 0 && nsum_article_compare(&arts[j - 1], &x) > 0) {
				arts[j] = arts[j - 1];
				j--;
			}
			arts[j] = x;
		}
		return;
	}
	for (i = 0; i < n; i++) {
		r[i].a = arts[i];
		r[i].pos = i;
	}
	qsort(r, n, sizeof(*r), by_date);
	for (i = 0; i < n; i++)
		arts[i] = r[i].a;
	nsum_free(r);
}
