/*
 * The read stage (see nsum/text.h): validate UTF-8, drop the BOM, turn CRLF
 * and CR into LF, blank out stray control characters, put the text in NFC.
 *
 * Two passes over the bytes: the first validates and measures, the second
 * writes the normalized copy.  NFC goes through utf8proc only when a
 * character that NFC could change is present; for ordinary French text it is
 * a scan, not a rewrite.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "nsum/text.h"
#include "util/mem.h"
#include "util/utf8.h"

/* Inputs larger than this are refused (offsets and ids stay 32-bit safe). */
#define TEXT_MAX ((size_t)1 << 31)
/* Bytes at the start searched for a NUL, the mark of a binary file. */
#define BINARY_PROBE 8192

static const char *name_of(const char *source)
{
	return source ? source : "<stdin>";
}

/* Line and column (characters) of byte off in s[0..n). */
void nsum_text_position(const char *data, size_t len, size_t off,
	size_t *line, size_t *column)
{
	size_t i, l = 1, c = 1;

	if (off > len)
		off = len;
	for (i = 0; i < off; i++) {
		unsigned char b = (unsigned char)data[i];

		if (b == '\n' || (b == '\r' && (i + 1 >= len || data[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if ((b & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*column = c;
}

static bool is_control(unsigned char b)
{
	return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' &&
		b != '\v') || b == 0x7F;
}

/* Length of the valid UTF-8 sequence at s[i], or 0 if it is invalid. */
static size_t valid_seq(const unsigned char *s, size_t n, size_t i)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);

	return k > 0 ? (size_t)k : 0;
}

/* Put out->data in NFC through utf8proc. */
static nsum_status apply_nfc(nsum_text *out, const char *source, nsum_error *err)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t n;
	char *copy;

	n = utf8proc_map((const utf8proc_uint8_t *)out->data,
		(utf8proc_ssize_t)out->len, &nfc,
		UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		return nsum_error_set(err, n == UTF8PROC_ERROR_NOMEM ? NSUM_ENOMEM :
			NSUM_EENCODING, name_of(source), 0, 0,
			"cannot normalize to NFC: %s", utf8proc_errmsg(n));
	}
	copy = mem_strndup((const char *)nfc, (size_t)n);
	free(nfc);
	if (!copy)
		return nsum_error_set(err, NSUM_ENOMEM, name_of(source), 0, 0,
			"out of memory");
	out->normalized = out->len != (size_t)n || memcmp(copy, out->data, (size_t)n) != 0;
	nsum_free(out->data);
	out->data = copy;
	out->len = (size_t)n;
	return NSUM_OK;
}

static bool all_space(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp;

		i += u8_decode(s, n, i, &cp);
		if (!u8_is_space(cp))
			return false;
	}
	return true;
}

nsum_status nsum_text_init_bytes(nsum_text *out, const char *bytes, size_t len,
	const char *source, unsigned flags, nsum_error *err)
{
	const unsigned char *s = (const unsigned char *)bytes;
	size_t i, begin = 0, outlen = 0, controls = 0, probe;
	char *w;
	nsum_status st;

	memset(out, 0, sizeof(*out));
	if (len > TEXT_MAX)
		return nsum_error_set(err, NSUM_ELIMIT, name_of(source), 0, 0,
			"input larger than %zu bytes", TEXT_MAX);
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		begin = 3;
		out->had_bom = true;
	}
	probe = len < BINARY_PROBE ? len : BINARY_PROBE;
	if (probe > begin) {
		const unsigned char *nul = memchr(s + begin, 0, probe - begin);

		if (nul) {
			size_t l, c;

			nsum_text_position(bytes, len, (size_t)(nul - s), &l, &c);
			return nsum_error_set(err, NSUM_EBINARY, name_of(source), l, c,
				"binary data (NUL byte), not a text file");
		}
	}

	/* Pass 1: validate, count what the copy needs. */
	for (i = begin; i < len;) {
		size_t k, run = i;

		/* Printable ASCII, nearly all of it, is copied as it is. */
		while (run < len && s[run] >= 0x20 && s[run] < 0x7F)
			run++;
		if (run > i) {
			outlen += run - i;
			i = run;
			continue;
		}
		if (s[i] < 0x80) {
			if (s[i] == 0) {
				size_t l, c;

				nsum_text_position(bytes, len, i, &l, &c);
				return nsum_error_set(err, NSUM_EBINARY, name_of(source),
					l, c, "binary data (NUL byte), not a text file");
			}
			if (is_control(s[i]))
				controls++;
			if (s[i] == '\r')
				out->crlf++;
			outlen += !(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n');
			i++;
			continue;
		}
		k = valid_seq(s, len, i);
		if (!k) {
			size_t l, c;

			if (!(flags & NSUM_READ_LOSSY)) {
				nsum_text_position(bytes, len, i, &l, &c);
				return nsum_error_set(err, NSUM_EENCODING,
					name_of(source), l, c,
					"invalid UTF-8 byte 0x%02X (use --lossy to replace "
					"invalid bytes)", s[i]);
			}
			out->replaced++;
			outlen += 3;
			i++;
			continue;
		}
		outlen += k;
		i += k;
	}
	if (controls > 16 && controls * 20 > len - begin) {
		return nsum_error_set(err, NSUM_EBINARY, name_of(source), 0, 0,
			"binary data (%zu control characters), not a text file",
			controls);
	}

	/* Pass 2: write the normalized copy. */
	out->data = nsum_malloc(outlen + 1);
	if (!out->data)
		return nsum_error_set(err, NSUM_ENOMEM, name_of(source), 0, 0,
			"out of memory");
	w = out->data;
	for (i = begin; i < len;) {
		size_t k, run = i;

		while (run < len && s[run] >= 0x20 && s[run] < 0x7F)
			run++;
		if (run > i) {
			memcpy(w, s + i, run - i);
			w += run - i;
			i = run;
			continue;
		}
		if (s[i] < 0x80) {
			if (s[i] == '\r') {
				if (!(i + 1 < len && s[i + 1] == '\n'))
					*w++ = '\n';
			} else {
				*w++ = is_control(s[i]) ? ' ' : (char)s[i];
			}
			i++;
			continue;
		}
		k = valid_seq(s, len, i);
		if (!k) {
			memcpy(w, "\xEF\xBF\xBD", 3);
			w += 3;
			i++;
			continue;
		}
		memcpy(w, s + i, k);
		w += k;
		i += k;
	}
	*w = '\0';
	out->len = (size_t)(w - out->data);

	if (u8_needs_nfc(out->data, out->len)) {
		st = apply_nfc(out, source, err);
		if (st != NSUM_OK) {
			nsum_text_finish(out);
			return st;
		}
	}
	if (!(flags & NSUM_READ_ALLOW_EMPTY) && all_space(out->data, out->len)) {
		nsum_text_finish(out);
		return nsum_error_set(err, NSUM_EEMPTY, name_of(source), 0, 0,
			len ? "no text, only white space" : "empty input");
	}
	return NSUM_OK;
}

/* Read all of fd into a new buffer (*data, *len).  NSUM_OK or an error. */
static nsum_status read_all(int fd, const char *name, char **data, size_t *len,
	nsum_error *err)
{
	struct stat st;
	size_t cap = 1 << 16, n = 0;
	char *buf;

	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return nsum_error_set(err, NSUM_EIO, name, 0, 0,
				"is a directory");
		if (S_ISREG(st.st_mode) && st.st_size > 0) {
			if ((uint64_t)st.st_size > TEXT_MAX)
				return nsum_error_set(err, NSUM_ELIMIT, name, 0, 0,
					"input larger than %zu bytes", TEXT_MAX);
			cap = (size_t)st.st_size + 1;
		}
	}
	buf = nsum_malloc(cap);
	if (!buf)
		return nsum_error_set(err, NSUM_ENOMEM, name, 0, 0, "out of memory");
	for (;;) {
		ssize_t r;

		if (n == cap) {
			if (cap > TEXT_MAX) {
				nsum_free(buf);
				return nsum_error_set(err, NSUM_ELIMIT, name, 0, 0,
					"input larger than %zu bytes", TEXT_MAX);
			}
			if (mem_grow((void **)&buf, &cap, cap + 1, 1) < 0) {
				nsum_free(buf);
				return nsum_error_set(err, NSUM_ENOMEM, name, 0, 0,
					"out of memory");
			}
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			nsum_free(buf);
			return nsum_error_set(err, NSUM_EIO, name, 0, 0, "%s",
				strerror(errno));
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*data = buf;
	*len = n;
	return NSUM_OK;
}

nsum_status nsum_text_init_file(nsum_text *out, const char *path,
	unsigned flags, nsum_error *err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	char *raw = NULL;
	size_t len = 0;
	nsum_status st;
	int fd;

	memset(out, 0, sizeof(*out));
	if (is_stdin) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return nsum_error_set(err, NSUM_EIO, name, 0, 0, "%s",
				strerror(errno));
	}
	st = read_all(fd, name, &raw, &len, err);
	if (!is_stdin)
		close(fd);
	if (st != NSUM_OK)
		return st;
	st = nsum_text_init_bytes(out, raw, len, name, flags, err);
	nsum_free(raw);
	return st;
}

void nsum_text_finish(nsum_text *text)
{
	if (!text)
		return;
	nsum_free(text->data);
	memset(text, 0, sizeof(*text));
}
