#!/usr/bin/python3
"""The digest's HTML page as a browser shows it: headless Chromium screenshots.

    digest_screenshot.py DIGEST_SAMPLE

DIGEST_SAMPLE is tests/digest_sample (the library's digest_render_html() on
a D.json file).  The test writes a sample digest (French text with a long
unbroken path, a long compound word, a duplicate, terms missing from the
glossary), renders it, and loads the page in headless Chromium (a throwaway
profile and HOME, device scale factor 1, scroll bars hidden, 30 s at most a
run).  Python's standard library only: the PNGs are decoded here with zlib
and struct.  Exit 0 when every check passes, 1 when one fails, 77 (meson:
skipped) when there is no Chromium (`chromium` on PATH or /usr/bin/chromium).

What is checked, and how.  A pixel is "ink" when it differs from the page's
background (the top-left pixel, inside the body's margin) by more than a
small threshold.

1. Not blank: at 390 px (a phone) and 1280 px (a desktop), at least 1 % of
   the pixels are ink, spread over many rows (lines of text).
2. Nothing cut at the right edge of a phone: at 390 px the rightmost 8
   columns hold no ink (the body's padding is 16 px).  This is what a reader
   sees, but it misses overflow whose ink happens not to cross the edge.
3. Nothing wider than a phone, anywhere on the page: the same page with one
   line of CSS added, `html{transform:scale(.25);transform-origin:0 0}`.  A
   transform changes painting, not layout: the page is still laid out 390 px
   wide, then painted at a quarter of its size, so everything inside the
   layout width lands in the leftmost 98 columns and whatever overflows it
   (a fixed-width element, a word or path that does not wrap) is painted to
   their right, where the screenshot shows it.  The quarter-size page must
   also end inside the screenshot, or the check would not have seen all of
   it.  No script is needed (the page has none and gets none), and the check
   does not depend on where the overflowing ink happens to be.
4. Readable on a desktop: at 1280 px the text keeps a margin of at least
   150 px on both sides (the column has a maximum width and is centered).
5. Dark mode: with --force-dark-mode (prefers-color-scheme: dark) the
   background is dark and the text lighter than it.

The checks of 2 and 3 are themselves checked on every run: a copy of the
page with a 1200 px wide element, and a copy whose long words may not wrap
(overflow-wrap:normal), must both be caught, or the test fails.

With NSUM_SCREENSHOTS=DIR in the environment, the pages and screenshots
are copied into DIR (created if need be) to be looked at.
"""
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zlib

TIMEOUT = 30  # seconds, each Chromium run
PHONE = (390, 844)
DESKTOP = (1280, 800)
PROBE_SCALE = 4  # the overflow probe paints the page at 1/PROBE_SCALE
PROBE = (390, 1400)

failures = []


def check(cond, what):
    print("%s: %s" % ("ok" if cond else "FAIL", what))
    if not cond:
        failures.append(what)
    return cond


def chromium():
    """The Chromium program, or None."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return None


# A sample digest: three topics, text of our own.
# Neither has a break opportunity (no space, hyphen or slash in the name):
# on a phone they fit only if the page lets words wrap anywhere.
LONG_PATH = ("/srv/archives/presse-regionale/2026/01/06/"
             "tempete_gerard_vents_violents_finistere_morbihan_"
             "cotes_d_armor_ille_et_vilaine.txt:17")
LONG_WORD = "#TempêteGérardBretagneFinistèreMorbihanCôtesdArmorIlleEtVilaine"


def article(aid, path, title, source, date="2026-01-06"):
    return {"id": aid, "path": path, "title": title, "source": source,
            "date": date}


SAMPLE = {
    "date": "2026-01-06",
    "generator": "nsum 0.1.0",
    "articles": 7,
    "topics": [
        {
            "id": "t1",
            "headline": "Tempête Gérard : la Bretagne balayée par des vents "
                        "violents",
            "summary": [
                {"text": "Des rafales à plus de 130 km/h ont été relevées "
                         "dans le Finistère pendant la nuit de lundi "
                         "(" + LONG_WORD + ").",
                 "article": 0, "score": 0.91},
                {"text": "Près de 40 000 foyers restaient privés "
                         "d'électricité mardi matin, selon Enedis.",
                 "article": 1, "score": 0.84},
                {"text": "La préfecture maintient la vigilance orange "
                         "jusqu'à mercredi et déconseille les "
                         "déplacements.", "article": 0, "score": 0.7},
            ],
            "terms": [
                {"term": "vigilance orange", "en": "orange alert"},
                {"term": "rafales", "en": "gusts"},
                {"term": "coupures d'électricité", "en": "power cuts"},
                {"term": "cellule de crise", "en": None},
            ],
            "articles": [
                dict(article("a1", LONG_PATH, "Tempête Gérard : nuit "
                             "agitée dans le Finistère", "Ouest-France"),
                     duplicates=[article("a5", "depeches/afp-0412.txt",
                                         "Tempête : la Bretagne touchée",
                                         "Le Télégramme"),
                                 article("a6", "depeches/afp-0413.txt",
                                         "Vents violents en Bretagne",
                                         "20 Minutes")]),
                article("a2", "presse/lemonde/tempete.txt", "Des dizaines "
                        "de milliers de foyers sans électricité",
                        "Le Monde"),
            ],
            "continues": {"date": "2026-01-05", "id": "t2",
                          "headline": "Alerte aux vents forts sur l'Ouest"},
        },
        {
            "id": "t2",
            "headline": "Énergie : Bruxelles et les États membres relancent "
                        "les discussions",
            "summary": [
                {"text": "Les ministres de l'énergie se réunissent jeudi "
                         "pour examiner le règlement sur la "
                         "décarbonation.",
                 "article": 0, "score": 0.8},
                {"text": "Le prix de gros de l'électricité a reculé de 12 % "
                         "en un mois.", "article": 1, "score": 0.6},
            ],
            "terms": [
                {"term": "prix de gros", "en": "wholesale price"},
                {"term": "marché de l'électricité", "en": None},
            ],
            "articles": [
                article("b1", "presse/echos/energie.txt", "Énergie : "
                        "nouvelles négociations à Bruxelles", "Les Échos"),
                article("b2", "presse/liberation/prix.txt", "Le prix de "
                        "l'électricité recule", "Libération"),
            ],
        },
        {
            "id": "t3",
            "headline": "Transports : grève à la SNCF jeudi",
            "summary": [
                {"text": "Les syndicats ont déposé un préavis de grève pour "
                         "jeudi ; le trafic sera très perturbé en "
                         "Île-de-France.", "article": 0, "score": 0.75},
            ],
            "terms": [{"term": "préavis de grève", "en": None}],
            "articles": [
                article("c1", "presse/parisien/greve.txt", "Grève jeudi : "
                        "les prévisions de trafic", "Le Parisien"),
            ],
        },
    ],
    "glossary": {
        "terms": [
            {"term": "vigilance orange", "en": "orange alert"},
            {"term": "rafales", "en": "gusts"},
            {"term": "coupures d'électricité", "en": "power cuts"},
            {"term": "prix de gros", "en": "wholesale price"},
        ],
        "missing": [
            {"term": "cellule de crise", "topics": ["t1"]},
            {"term": "marché de l'électricité", "topics": ["t2"]},
            {"term": "préavis de grève", "topics": ["t3"]},
        ],
    },
}


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(path):
    """(width, height, rows): rows of (r, g, b) tuples, from an 8-bit RGB
    or RGBA, non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("%s: not a PNG" % path)
    pos, idat, head = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, ctype, _, _, interlace = head
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError("%s: unsupported PNG (depth %d, colour type %d, "
                         "interlace %d)" % (path, depth, ctype, interlace))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        at = y * (stride + 1)
        ftype, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif ftype == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif ftype == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                upleft = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(left, prev[i], upleft)) & 255
        elif ftype != 0:
            raise ValueError("%s: bad filter %d" % (path, ftype))
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, bpp)])
        prev = line
    return width, height, rows


def is_ink(px, bg, threshold=40):
    return max(abs(px[0] - bg[0]), abs(px[1] - bg[1]),
               abs(px[2] - bg[2])) > threshold


def luminance(px):
    return 0.2126 * px[0] + 0.7152 * px[1] + 0.0722 * px[2]


class Shot:
    """A screenshot: its pixels, background and ink statistics."""

    def __init__(self, path):
        self.width, self.height, self.rows = read_png(path)
        self.bg = self.rows[0][0]

    def ink_columns(self, x0, x1, threshold=40):
        """Pixels of ink in columns x0..x1-1, over the whole height."""
        return sum(1 for row in self.rows for px in row[x0:x1]
                   if is_ink(px, self.bg, threshold))

    def stats(self):
        """(ink pixels, rows with ink, ink bounding box x0, x1)."""
        ink = rows = 0
        x0, x1 = self.width, -1
        for row in self.rows:
            xs = [x for x, px in enumerate(row) if is_ink(px, self.bg)]
            if xs:
                ink += len(xs)
                rows += 1
                x0, x1 = min(x0, xs[0]), max(x1, xs[-1])
        return ink, rows, x0, x1

    def last_ink_row(self, threshold=16):
        for y in range(self.height - 1, -1, -1):
            if any(is_ink(px, self.bg, threshold) for px in self.rows[y]):
                return y
        return -1


def run_chromium(browser, tmp, html_path, size, png, dark=False):
    """Screenshot html_path at size (width, height) into png.  True when
    Chromium wrote it within TIMEOUT seconds."""
    env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp)
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            "--disable-dev-shm-usage", "--force-device-scale-factor=1",
            "--user-data-dir=" + os.path.join(
                tmp, "profile-" + os.path.splitext(os.path.basename(png))[0]),
            "--window-size=%d,%d" % size, "--screenshot=" + png]
    if dark:
        args.append("--force-dark-mode")
    args.append("file://" + html_path)
    if os.path.exists(png):
        os.unlink(png)
    proc = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        out = proc.communicate(timeout=TIMEOUT)[0]
    except subprocess.TimeoutExpired:
        # Chromium and the processes it started: its own session, whose
        # id is its pid (the group lives while any of them does).
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        print("chromium: no screenshot after %d s: %s" % (TIMEOUT, png))
        return False
    if proc.returncode != 0 or not os.path.exists(png):
        sys.stdout.write(out.decode("utf-8", "replace")[-2000:])
        print("chromium: exit %d, no %s" % (proc.returncode, png))
        return False
    return True


def with_css(page, css):
    """page with css added at the end of its head."""
    return page.replace("</head>", "<style>%s</style>\n</head>" % css, 1)


def overflow(browser, tmp, name, page):
    """(right-edge ink at phone width, ink beyond the layout width in the
    probe, whether the probe saw the page's end) for page, or None when
    Chromium failed."""
    path = os.path.join(tmp, name + ".html")
    probe = os.path.join(tmp, name + "-probe.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
    with open(probe, "w", encoding="utf-8") as f:
        f.write(with_css(page, "html{transform:scale(%g);"
                         "transform-origin:0 0}" % (1 / PROBE_SCALE)))
    png, ppng = path[:-5] + ".png", probe[:-5] + ".png"
    if not (run_chromium(browser, tmp, path, PHONE, png) and
            run_chromium(browser, tmp, probe, PROBE, ppng)):
        return None
    shot, pshot = Shot(png), Shot(ppng)
    edge = shot.ink_columns(shot.width - 8, shot.width)
    layout = -(-PHONE[0] // PROBE_SCALE) + 1  # 390 / 4, rounded up, + 1
    beyond = pshot.ink_columns(layout, pshot.width, threshold=16)
    ended = pshot.last_ink_row() < pshot.height - 4
    return shot, edge, beyond, ended


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    browser = chromium()
    if not browser:
        print("skipped: no chromium (on PATH or /usr/bin/chromium)")
        return 77
    with tempfile.TemporaryDirectory(prefix="nsum-shot-") as tmp:
        src = os.path.join(tmp, "2026-01-06.json")
        with open(src, "w", encoding="utf-8") as f:
            json.dump(SAMPLE, f, ensure_ascii=False)
        res = subprocess.run([sys.argv[1], "html", src], capture_output=True,
                             timeout=60)
        if not check(res.returncode == 0, "digest_sample renders the page"):
            sys.stdout.write(res.stderr.decode("utf-8", "replace"))
            return 1
        page = res.stdout.decode("utf-8")
        low = page.lower()
        check(all(s not in low for s in ("<script", "http://", "https://",
                                         "url(", "@import", "<link",
                                         "<img")),
              "self-contained: no script, no external asset")

        # 1, 2, 3: the page at phone width.
        got = overflow(browser, tmp, "phone", page)
        if not check(got is not None, "chromium: phone screenshots"):
            return 1
        shot, edge, beyond, ended = got
        ink, rows, x0, x1 = shot.stats()
        check(ink >= shot.width * shot.height // 100 and rows >= 100,
              "phone: not blank (%d ink pixels on %d rows)" % (ink, rows))
        check(x1 - x0 >= shot.width * 0.6,
              "phone: the text uses the width (ink from x=%d to %d)"
              % (x0, x1))
        check(edge == 0, "phone: nothing cut at the right edge (%d ink "
              "pixels in the last 8 columns)" % edge)
        check(ended, "probe: the quarter-size page ends inside the "
              "screenshot (the sample fits the probe)")
        check(beyond == 0, "phone: nothing wider than 390 px anywhere on "
              "the page (%d ink pixels beyond the layout in the probe)"
              % beyond)

        # 4: desktop.
        png = os.path.join(tmp, "desktop.png")
        if check(run_chromium(browser, tmp, os.path.join(tmp, "phone.html"),
                              DESKTOP, png), "chromium: desktop screenshot"):
            shot = Shot(png)
            ink, rows, x0, x1 = shot.stats()
            check(ink >= shot.width * shot.height // 200 and rows >= 100,
                  "desktop: not blank (%d ink pixels on %d rows)"
                  % (ink, rows))
            check(x0 >= 150 and shot.width - 1 - x1 >= 150,
                  "desktop: a centered column (ink from x=%d to %d)"
                  % (x0, x1))

        # 5: dark.
        png = os.path.join(tmp, "dark.png")
        if check(run_chromium(browser, tmp, os.path.join(tmp, "phone.html"),
                              PHONE, png, dark=True),
                 "chromium: dark screenshot"):
            shot = Shot(png)
            text = [px for row in shot.rows for px in row
                    if is_ink(px, shot.bg)]
            light = sum(1 for px in text
                        if luminance(px) > luminance(shot.bg) + 60)
            check(luminance(shot.bg) < 64,
                  "dark: dark background %s" % (shot.bg,))
            check(text and light >= len(text) // 2,
                  "dark: light text (%d of %d ink pixels)"
                  % (light, len(text)))

        # The checks catch what they are meant to catch.
        wide = page.replace(
            "<body>\n", "<body>\n<div style=\"width:1200px\">%s</div>\n"
            % ("Un paragraphe trop large pour un téléphone. " * 40), 1)
        got = overflow(browser, tmp, "wide", wide)
        if check(got is not None, "chromium: control page (1200 px)"):
            check(got[1] > 0, "control: the right-edge check catches a "
                  "1200 px wide element (%d ink pixels)" % got[1])
            check(got[2] > 0, "control: the probe catches a 1200 px wide "
                  "element (%d ink pixels)" % got[2])
        nowrap = page.replace("overflow-wrap:anywhere", "overflow-wrap:normal")
        check(nowrap != page, "control: the page asks long words to wrap")
        got = overflow(browser, tmp, "nowrap", nowrap)
        if check(got is not None, "chromium: control page (no wrap)"):
            check(got[2] > 0, "control: the probe catches long words that "
                  "do not wrap (%d ink pixels)" % got[2])
        keep = os.environ.get("NSUM_SCREENSHOTS")
        if keep:
            os.makedirs(keep, exist_ok=True)
            for name in sorted(os.listdir(tmp)):
                if name.endswith((".png", ".html")) and \
                        os.path.isfile(os.path.join(tmp, name)):
                    shutil.copy(os.path.join(tmp, name), keep)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
