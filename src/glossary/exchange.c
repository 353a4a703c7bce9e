/*
 * Glossary exchange (see nsum/glossary.h): DeepL CSV, OmegaT TSV and
 * TBX-Basic out; nsum CSV, TSV and TBX in.
 *
 * TBX statuses: preferred, admitted and deprecated map to TBX-Basic's
 * preferredTerm, admittedTerm and deprecatedTerm; forbidden goes out as
 * supersededTerm and proposed with no status and a "proposed" note, and
 * both come back as they went.
 */
#include <string.h>

#include "glossary/csv.h"
#include "nsum/glossary.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

bool nsum_gloss_format_parse(const char *name, nsum_gloss_format *out)
{
	static const struct {
		const char *name;
		nsum_gloss_format f;
	} names[] = {
		{ "csv", NSUM_GLOSS_CSV }, { "deepl", NSUM_GLOSS_DEEPL },
		{ "tsv", NSUM_GLOSS_TSV }, { "omegat", NSUM_GLOSS_TSV },
		{ "tbx", NSUM_GLOSS_TBX },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].f;
			return true;
		}
	}
	return false;
}

/*
 * The next English alternative of en from *pos on: its first byte in *alt,
 * its length in *n, spaces around it trimmed, empty ones skipped
 * ("ceasefire | truce", even "ceasefire|truce |").  false at the end.
 */
static bool next_alternative(const char *en, size_t *pos, const char **alt,
	size_t *n)
{
	while (en[*pos]) {
		size_t a = *pos, b;

		while (en[a] == ' ')
			a++;
		b = a;
		while (en[b] && en[b] != '|')
			b++;
		*pos = en[b] ? b + 1 : b;
		while (b > a && en[b - 1] == ' ')
			b--;
		if (b > a) {
			*alt = en + a;
			*n = b - a;
			return true;
		}
	}
	return false;
}

/* Whether an entry with status s goes to DeepL and OmegaT. */
static bool exported(nsum_gloss_status s)
{
	return s == NSUM_GLOSS_PREFERRED || s == NSUM_GLOSS_ADMITTED;
}

/* s[0..n) with tabs and line breaks as spaces (a TSV cell). */
static int tsv_cell(nsum_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (buf_putc(b, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ?
			' ' : s[i]) < 0)
			return -1;
	return 0;
}

static int xml_text(nsum_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int rc;

		switch (s[i]) {
		case '&': rc = buf_puts(b, "&amp;"); break;
		case '<': rc = buf_puts(b, "&lt;"); break;
		case '>': rc = buf_puts(b, "&gt;"); break;
		case '"': rc = buf_puts(b, "&quot;"); break;
		default: rc = buf_putc(b, s[i]); break;
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

static const char *tbx_status(nsum_gloss_status s)
{
	switch (s) {
	case NSUM_GLOSS_PREFERRED: return "preferredTerm-admn-sts";
	case NSUM_GLOSS_ADMITTED: return "admittedTerm-admn-sts";
	case NSUM_GLOSS_DEPRECATED: return "deprecatedTerm-admn-sts";
	case NSUM_GLOSS_FORBIDDEN: return "supersededTerm-admn-sts";
	case NSUM_GLOSS_PROPOSED: return NULL;
	}
	return NULL;
}

static int tbx_entry(nsum_buf *b, const nsum_gloss_entry *e, size_t id)
{
	const char *st = tbx_status(e->status), *alt;
	size_t pos = 0, n;

	if (buf_printf(b, "      <termEntry id=\"t%zu\">\n", id) < 0)
		return -1;
	if (e->domain[0] && (buf_puts(b, "        <descrip type=\"subjectField\">") < 0 ||
		xml_text(b, e->domain, strlen(e->domain)) < 0 ||
		buf_puts(b, "</descrip>\n") < 0))
		return -1;
	if (e->note[0] && (buf_puts(b, "        <note>") < 0 ||
		xml_text(b, e->note, strlen(e->note)) < 0 || buf_puts(b, "</note>\n") < 0))
		return -1;
	if (e->status == NSUM_GLOSS_PROPOSED &&
		buf_puts(b, "        <note>proposed</note>\n") < 0)
		return -1;
	if (buf_puts(b, "        <langSet xml:lang=\"fr\">\n          <tig>\n"
		"            <term>") < 0 || xml_text(b, e->fr, strlen(e->fr)) < 0 ||
		buf_puts(b, "</term>\n") < 0)
		return -1;
	if (e->pos[0] && (buf_puts(b, "            <termNote type=\"partOfSpeech\">") < 0 ||
		xml_text(b, e->pos, strlen(e->pos)) < 0 ||
		buf_puts(b, "</termNote>\n") < 0))
		return -1;
	if (st && buf_printf(b, "            <termNote type=\"administrativeStatus\">"
		"%s</termNote>\n", st) < 0)
		return -1;
	if (buf_puts(b, "          </tig>\n        </langSet>\n"
		"        <langSet xml:lang=\"en\">\n") < 0)
		return -1;
	while (next_alternative(e->en, &pos, &alt, &n))
		if (buf_puts(b, "          <tig>\n            <term>") < 0 ||
			xml_text(b, alt, n) < 0 ||
			buf_puts(b, "</term>\n          </tig>\n") < 0)
			return -1;
	return buf_puts(b, "        </langSet>\n      </termEntry>\n");
}

char *nsum_glossary_export(const nsum_glossary *g, nsum_gloss_format fmt,
	size_t *len)
{
	nsum_buf b;
	size_t i;

	buf_init(&b);
	if (fmt == NSUM_GLOSS_TBX && buf_puts(&b,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">\n"
		"<martif type=\"TBX-Basic\" xml:lang=\"fr\">\n"
		"  <martifHeader>\n"
		"    <fileDesc><sourceDesc><p>nsum French-English glossary</p>"
		"</sourceDesc></fileDesc>\n"
		"    <encodingDesc><p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>"
		"</encodingDesc>\n"
		"  </martifHeader>\n"
		"  <text>\n    <body>\n") < 0)
		goto nomem;
	for (i = 0; i < nsum_glossary_count(g); i++) {
		const nsum_gloss_entry *e = nsum_glossary_entry(g, i);
		const char *alt;
		size_t pos = 0, n;
		bool first = true;
		int rc = 0;

		switch (fmt) {
		case NSUM_GLOSS_DEEPL:
			if (!exported(e->status) || !next_alternative(e->en, &pos, &alt, &n))
				break;
			rc = csv_append_field(&b, e->fr, strlen(e->fr));
			if (rc == 0)
				rc = buf_putc(&b, ',');
			if (rc == 0)
				rc = csv_append_field(&b, alt, n);
			if (rc == 0)
				rc = buf_putc(&b, '\n');
			break;
		case NSUM_GLOSS_TSV:
			if (!exported(e->status))
				break;
			while (rc == 0 && next_alternative(e->en, &pos, &alt, &n)) {
				if (tsv_cell(&b, e->fr, strlen(e->fr)) < 0 ||
					buf_putc(&b, '\t') < 0 || tsv_cell(&b, alt, n) < 0 ||
					buf_putc(&b, '\t') < 0 ||
					(first && tsv_cell(&b, e->note, strlen(e->note)) < 0) ||
					buf_putc(&b, '\n') < 0)
					rc = -1;
				first = false;
			}
			break;
		case NSUM_GLOSS_TBX:
			rc = tbx_entry(&b, e, i + 1);
			break;
		case NSUM_GLOSS_CSV:
			break;
		}
		if (rc < 0)
			goto nomem;
	}
	if (fmt == NSUM_GLOSS_TBX && buf_puts(&b, "    </body>\n  </text>\n</martif>\n") < 0)
		goto nomem;
	if (len)
		*len = b.len;
	return buf_steal(&b);
nomem:
	buf_finish(&b);
	return NULL;
}

/* ---------------------------------------------------------------------- */
/* Import. */

void nsum_gloss_items_free(nsum_gloss_item *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		nsum_free(items[i].fr);
		nsum_free(items[i].en);
		nsum_free(items[i].note);
		nsum_free(items[i].pos);
		nsum_free(items[i].domain);
	}
	nsum_free(items);
}

typedef struct items {
	nsum_gloss_item *v;
	size_t n, cap;
} items;

/* Append an item (copies of the strings).  0 or -1. */
static int push(items *it, const char *fr, size_t frl, const char *en,
	size_t enl, const char *note, const char *pos, const char *domain,
	nsum_gloss_status status, size_t line)
{
	nsum_gloss_item *x;

	if (mem_grow((void **)&it->v, &it->cap, it->n + 1, sizeof(*it->v)) < 0)
		return -1;
	x = &it->v[it->n];
	memset(x, 0, sizeof(*x));
	x->fr = mem_strndup(fr, frl);
	x->en = mem_strndup(en, enl);
	x->note = mem_strndup(note, strlen(note));
	x->pos = mem_strndup(pos, strlen(pos));
	x->domain = mem_strndup(domain, strlen(domain));
	x->status = status;
	x->line = line;
	it->n++;
	if (!x->fr || !x->en || !x->note || !x->pos || !x->domain)
		return -1;
	return 0;
}

static nsum_status import_csv(const char *data, size_t len, const char *source,
	items *it, nsum_error *err)
{
	nsum_glossfile *f = nsum_glossfile_parse(data, len, source, err);
	static const char *const names[] = { "fr", "en", "note", "pos", "domain",
		"status" };
	long c[6];
	size_t r, k, line, col;

	if (!f)
		return err ? err->status : NSUM_EFORMAT;
	for (k = 0; k < 6; k++)
		c[k] = nsum_glossfile_column_index(f, names[k]);
	for (r = 0; r < nsum_glossfile_rows(f); r++) {
		const char *v[6];
		nsum_gloss_status st;

		for (k = 0; k < 6; k++)
			v[k] = c[k] < 0 ? "" : nsum_glossfile_cell(f, r, (size_t)c[k]);
		nsum_glossfile_position(f, r, (size_t)c[0], &line, &col);
		if (!nsum_gloss_status_parse(v[5], &st)) {
			nsum_glossfile_position(f, r, (size_t)c[5], &line, &col);
			nsum_glossfile_destroy(f);
			return nsum_error_set(err, NSUM_EFORMAT, source, line, col,
				"unknown status '%s'", v[5]);
		}
		if (push(it, v[0], strlen(v[0]), v[1], strlen(v[1]), v[2], v[3], v[4],
			st, line) < 0) {
			nsum_glossfile_destroy(f);
			return nsum_error_set(err, NSUM_ENOMEM, source, 0, 0, "out of memory");
		}
	}
	nsum_glossfile_destroy(f);
	return NSUM_OK;
}

/* DeepL glossaries: CSV rows "source,target", no header. */
static nsum_status import_deepl(const char *data, size_t len,
	const char *source, items *it, nsum_error *err)
{
	csv_file f;
	size_t r;
	nsum_status st = csv_parse(data, len, source, &f, err);

	if (st != NSUM_OK)
		return st;
	for (r = 0; r < f.count && st == NSUM_OK; r++) {
		csv_record *rec = &f.records[r];

		if (rec->count != 2 || !rec->fields[0].len || !rec->fields[1].len) {
			st = nsum_error_set(err, NSUM_EFORMAT, source, rec->line, 1,
				"expected \"source,target\" with both terms");
			break;
		}
		if (push(it, rec->fields[0].value, rec->fields[0].len,
			rec->fields[1].value, rec->fields[1].len, "", "", "",
			NSUM_GLOSS_PREFERRED, rec->line) < 0)
			st = nsum_error_set(err, NSUM_ENOMEM, source, 0, 0, "out of memory");
	}
	csv_file_finish(&f);
	return st;
}

static nsum_status import_tsv(const char *data, size_t len, const char *source,
	items *it, nsum_error *err)
{
	size_t pos = 0, line = 0;

	while (pos < len) {
		const char *s = data + pos, *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		const char *t1, *t2;
		size_t enl;

		line++;
		pos += n + 1;
		if (n && s[n - 1] == '\r')
			n--;
		if (!n)
			continue;
		t1 = memchr(s, '\t', n);
		if (!t1 || t1 == s) {
			return nsum_error_set(err, NSUM_EFORMAT, source, line, 1,
				"expected \"source<TAB>target[<TAB>comment]\"");
		}
		if (line == 1 && ((t1 - s == 2 && memcmp(s, "fr", 2) == 0) ||
			(t1 - s == 6 && memcmp(s, "source", 6) == 0)))
			continue; /* a header */
		t2 = memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - s));
		enl = t2 ? (size_t)(t2 - t1 - 1) : n - (size_t)(t1 + 1 - s);
		if (!enl)
			return nsum_error_set(err, NSUM_EFORMAT, source, line,
				u8_length(s, (size_t)(t1 - s)) + 2, "empty target term");
		/* Several rows of one source are alternatives of one entry. */
		if (it->n && strlen(it->v[it->n - 1].fr) == (size_t)(t1 - s) &&
			memcmp(it->v[it->n - 1].fr, s, (size_t)(t1 - s)) == 0) {
			nsum_gloss_item *x = &it->v[it->n - 1];
			nsum_buf b;

			buf_init(&b);
			if (buf_puts(&b, x->en) < 0 || buf_puts(&b, " | ") < 0 ||
				buf_append(&b, t1 + 1, enl) < 0) {
				buf_finish(&b);
				return nsum_error_set(err, NSUM_ENOMEM, source, 0, 0, "out of memory");
			}
			nsum_free(x->en);
			x->en = buf_steal(&b);
			if (!x->en)
				return nsum_error_set(err, NSUM_ENOMEM, source, 0, 0, "out of memory");
			continue;
		}
		{
			char *note = t2 ? mem_strndup(t2 + 1, n - (size_t)(t2 + 1 - s)) :
				mem_strndup("", 0);
			int rc = note ? push(it, s, (size_t)(t1 - s), t1 + 1, enl, note, "",
				"", NSUM_GLOSS_PREFERRED, line) : -1;

			nsum_free(note);
			if (rc < 0)
				return nsum_error_set(err, NSUM_ENOMEM, source, 0, 0, "out of memory");
		}
	}
	return NSUM_OK;
}

/* ---- a small XML reader for TBX ---- */

typedef struct xml {
	const char *s;
	size_t n, i, line;
} xml;

/* Append the XML text s[0..n) with entities decoded to b.  0, -1 nomem,
 * 1 bad entity. */
static int xml_unescape(nsum_buf *b, const char *s, size_t n)
{
	static const struct {
		const char *name;
		char c;
	} ents[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' },
		{ "apos;", '\'' },
	};
	size_t i = 0, k;

	while (i < n) {
		if (s[i] != '&') {
			if (buf_putc(b, s[i++]) < 0)
				return -1;
			continue;
		}
		for (k = 0; k < sizeof(ents) / sizeof(*ents); k++) {
			size_t l = strlen(ents[k].name);

			if (n - i - 1 >= l && memcmp(s + i + 1, ents[k].name, l) == 0) {
				if (buf_putc(b, ents[k].c) < 0)
					return -1;
				i += 1 + l;
				break;
			}
		}
		if (k < sizeof(ents) / sizeof(*ents))
			continue;
		if (i + 2 < n && s[i + 1] == '#') {
			size_t j = i + 2;
			long cp = 0;
			bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
			char enc[4];

			j += hex;
			while (j < n && s[j] != ';' && cp < 0x110000) {
				int dgt = s[j] >= '0' && s[j] <= '9' ? s[j] - '0' :
					hex && (s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'f' ?
					(s[j] | 0x20) - 'a' + 10 : -1;

				if (dgt < 0)
					return 1;
				cp = cp * (hex ? 16 : 10) + dgt;
				j++;
			}
			if (j >= n || cp <= 0 || cp >= 0x110000 || (cp >= 0xD800 && cp < 0xE000))
				return 1;
			if (buf_append(b, enc, u8_encode((int32_t)cp, enc)) < 0)
				return -1;
			i = j + 1;
			continue;
		}
		return 1;
	}
	return 0;
}

/* An attribute's value in the tag text t[0..n), or NULL. */
static const char *xml_attr(const char *t, size_t n, const char *name,
	size_t *vlen)
{
	size_t k = strlen(name), i;

	for (i = 0; i + k + 2 < n; i++) {
		if (memcmp(t + i, name, k) == 0 && (i == 0 || t[i - 1] == ' ' ||
			t[i - 1] == '\t' || t[i - 1] == '\n') && t[i + k] == '=' &&
			(t[i + k + 1] == '"' || t[i + k + 1] == '\'')) {
			const char *v = t + i + k + 2, *e = memchr(v, t[i + k + 1],
				n - (i + k + 2));

			if (!e)
				return NULL;
			*vlen = (size_t)(e - v);
			return v;
		}
	}
	return NULL;
}

typedef struct tbx_state {
	nsum_buf fr;        /* the entry's French terms, 0x1F-separated */
	nsum_buf en;        /* its English terms, " | "-separated */
	nsum_buf note, pos, domain, status;
	nsum_buf text;      /* the text of the element being read */
	int lang;           /* current langSet: 0 other, 1 fr, 2 en */
	size_t entry_line;
} tbx_state;

/* Whether the tag text tag[0..tlen) is element name. */
static bool tag_is(const char *tag, size_t tlen, const char *name)
{
	size_t k = strlen(name);

	return tlen >= k && memcmp(tag, name, k) == 0 &&
		(tlen == k || tag[k] == ' ' || tag[k] == '/' || tag[k] == '\t' ||
		tag[k] == '\n');
}

static nsum_status import_tbx(const char *data, size_t len, const char *source,
	items *it, nsum_error *err)
{
	xml x = { data, len, 0, 1 };
	tbx_state t;
	nsum_buf *target = NULL;
	nsum_status st = NSUM_OK;
	nsum_buf *bufs[] = { &t.fr, &t.en, &t.note, &t.pos, &t.domain, &t.status,
		&t.text };
	size_t k, text_start = 0;
	bool in_entry = false;

	memset(&t, 0, sizeof(t));
	for (k = 0; k < 7; k++)
		buf_init(bufs[k]);
	while (x.i < x.n) {
		const char *lt = memchr(x.s + x.i, '<', x.n - x.i);
		const char *tag, *gt;
		size_t tlen, j;
		bool closing;

		if (!lt)
			break;
		for (j = x.i; j < (size_t)(lt - x.s); j++)
			x.line += x.s[j] == '\n';
		if (target) {
			int rc = xml_unescape(&t.text, x.s + text_start,
				(size_t)(lt - x.s) - text_start);

			if (rc > 0) {
				st = nsum_error_set(err, NSUM_EFORMAT, source, x.line, 0,
					"bad XML entity");
				break;
			}
			if (rc < 0)
				goto nomem;
		}
		x.i = (size_t)(lt - x.s);
		if (x.n - x.i >= 4 && memcmp(lt, "<!--", 4) == 0) {
			const char *e = NULL;

			for (j = x.i + 4; j + 2 < x.n; j++)
				if (memcmp(x.s + j, "-->", 3) == 0) {
					e = x.s + j;
					break;
				}
			if (!e) {
				st = nsum_error_set(err, NSUM_EFORMAT, source, x.line, 0,
					"unterminated comment");
				break;
			}
			for (j = x.i; j < (size_t)(e - x.s); j++)
				x.line += x.s[j] == '\n';
			x.i = (size_t)(e - x.s) + 3;
			text_start = x.i;
			continue;
		}
		gt = memchr(lt, '>', x.n - x.i);
		if (!gt) {
			st = nsum_error_set(err, NSUM_EFORMAT, source, x.line, 0,
				"unterminated tag");
			break;
		}
		tag = lt + 1;
		tlen = (size_t)(gt - tag);
		closing = tlen && tag[0] == '/';
		if (closing) {
			tag++;
			tlen--;
		}
		for (j = 0; j < tlen; j++)
			x.line += tag[j] == '\n';
		if (tag_is(tag, tlen, "termEntry")) {
			if (!closing) {
				for (k = 0; k < 7; k++)
					buf_clear(bufs[k]);
				t.entry_line = x.line;
				in_entry = true;
			} else if (in_entry) {
				/* One item per French term. */
				const char *p = t.fr.data ? t.fr.data : "";
				nsum_gloss_status s = NSUM_GLOSS_PREFERRED;

				if (t.status.len) {
					const char *v = t.status.data;

					if (strncmp(v, "admitted", 8) == 0)
						s = NSUM_GLOSS_ADMITTED;
					else if (strncmp(v, "deprecated", 10) == 0)
						s = NSUM_GLOSS_DEPRECATED;
					else if (strncmp(v, "superseded", 10) == 0)
						s = NSUM_GLOSS_FORBIDDEN;
				} else if (t.note.len && strcmp(t.note.data, "proposed") == 0) {
					s = NSUM_GLOSS_PROPOSED;
				}
				if (t.note.len && strcmp(t.note.data, "proposed") == 0)
					buf_clear(&t.note);
				while (t.fr.len && *p && t.en.len) {
					const char *sep = strchr(p, '\x1f');
					size_t l = sep ? (size_t)(sep - p) : strlen(p);

					if (push(it, p, l, t.en.data, t.en.len,
						t.note.data ? t.note.data : "",
						t.pos.data ? t.pos.data : "",
						t.domain.data ? t.domain.data : "", s, t.entry_line) < 0)
						goto nomem;
					if (!sep)
						break;
					p = sep + 1;
				}
				in_entry = false;
			}
		} else if (tag_is(tag, tlen, "langSet") && !closing) {
			size_t vl;
			const char *v = xml_attr(tag, tlen, "xml:lang", &vl);

			t.lang = v && vl >= 2 && (v[0] | 0x20) == 'f' && (v[1] | 0x20) == 'r' ?
				1 : v && vl >= 2 && (v[0] | 0x20) == 'e' && (v[1] | 0x20) == 'n' ? 2 : 0;
		} else if (in_entry && !closing && (tag_is(tag, tlen, "term") || tag_is(tag, tlen, "note") ||
			tag_is(tag, tlen, "descrip") || tag_is(tag, tlen, "termNote"))) {
			size_t vl = 0;
			const char *type = xml_attr(tag, tlen, "type", &vl);

			target = NULL;
			if (tag_is(tag, tlen, "term"))
				target = t.lang == 1 ? &t.fr : t.lang == 2 ? &t.en : NULL;
			else if (tag_is(tag, tlen, "note") && !t.note.len)
				target = &t.note;
			else if (tag_is(tag, tlen, "descrip") && type && vl == 12 &&
				memcmp(type, "subjectField", 12) == 0)
				target = &t.domain;
			else if (tag_is(tag, tlen, "termNote") && type && vl == 12 &&
				memcmp(type, "partOfSpeech", 12) == 0 && t.lang == 1)
				target = &t.pos;
			else if (tag_is(tag, tlen, "termNote") && type && vl == 20 &&
				memcmp(type, "administrativeStatus", 20) == 0 && t.lang == 1)
				target = &t.status;
			buf_clear(&t.text);
		} else if (closing && target && (tag_is(tag, tlen, "term") || tag_is(tag, tlen, "note") ||
			tag_is(tag, tlen, "descrip") || tag_is(tag, tlen, "termNote"))) {
			/* Alternatives: French joined by 0x1F, English by " | ". */
			const char *sep = target == &t.fr ? "\x1f" : target == &t.en ? " | " : "";

			if (t.text.len && ((target->len && buf_puts(target, sep) < 0) ||
				buf_append(target, t.text.data, t.text.len) < 0))
				goto nomem;
			target = NULL;
		}
		x.i = (size_t)(gt - x.s) + 1;
		text_start = x.i;
	}
	goto out;
nomem:
	st = nsum_error_set(err, NSUM_ENOMEM, source, 0, 0, "out of memory");
out:
	for (k = 0; k < 7; k++)
		buf_finish(bufs[k]);
	return st;
}

nsum_status nsum_gloss_import_parse(const char *data, size_t len,
	const char *source, nsum_gloss_format fmt, nsum_gloss_item **out,
	size_t *n, nsum_error *err)
{
	items it = { NULL, 0, 0 };
	nsum_status st;

	switch (fmt) {
	case NSUM_GLOSS_TSV:
		st = import_tsv(data, len, source, &it, err);
		break;
	case NSUM_GLOSS_TBX:
		st = import_tbx(data, len, source, &it, err);
		break;
	case NSUM_GLOSS_DEEPL:
		st = import_deepl(data, len, source, &it, err);
		break;
	case NSUM_GLOSS_CSV:
	default:
		st = import_csv(data, len, source, &it, err);
		break;
	}
	if (st != NSUM_OK) {
		nsum_gloss_items_free(it.v, it.n);
		*out = NULL;
		*n = 0;
		return st;
	}
	*out = it.v;
	*n = it.n;
	return NSUM_OK;
}
