#!/usr/bin/python3
"""Scenario test: two days of digests with the nsum CLI.

    cli_digest.py NSUM DATA

DATA is tests/golden/data.  In an empty temporary HOME, the articles of
DATA/topic (one story, three articles) and two articles on another story
written here, one a near copy of the other, become the digest of a day:
the files are there, D.json follows docs/digest.md, one topic per story,
the copy listed under its original, every summary sentence attributed to
an article of its topic.  Running it again writes the same bytes.  The
next day, with the first as history, the continued story links back and
does not repeat what it said.  A folder nsum cannot write to is an error
that leaves the old digest whole; a bad input is reported and left out.
"""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

failures = []

STORY = (
    "La ligne de tramway de Tours fermée pour trois semaines\n"
    "Publié le 12/03/2026 07:00\n\n"
    "La ligne de tramway de Tours sera fermée à partir de lundi pour trois "
    "semaines de travaux sur les rails du centre-ville.\n"
    "Des bus de remplacement circuleront toutes les dix minutes entre la "
    "gare et le quartier des Fontaines, selon l'exploitant du réseau.\n"
    "Les commerçants de la rue Nationale redoutent une baisse de leur "
    "chiffre d'affaires pendant les travaux du tramway.\n"
)
COPY = STORY.replace("toutes les dix minutes", "toutes les douze minutes")

NEXT = (
    "Crue de la Loire : les habitants d'Orléans rentrent chez eux\n"
    "Publié le 14/03/2026 09:00\n\n"
    "Les habitants des rues basses d'Orléans ont pu regagner leur logement "
    "samedi matin, après la décrue de la Loire.\n"
    "La préfecture du Loiret a levé l'interdiction de circuler sur les quais "
    "et sur le pont Royal.\n"
    "La mairie a ouvert un guichet pour aider les familles sinistrées à "
    "déclarer les dégâts à leur assureur.\n"
)


def check(cond, what):
    print("%s: %s" % ("ok" if cond else "FAIL", what))
    if not cond:
        failures.append(what)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    nsum = os.path.abspath(sys.argv[1])
    data = os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
               "LC_ALL": "C.UTF-8", "NSUM_DATADIR": os.path.join(home, "none")}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                env[k] = os.environ[k]

        def run(*args):
            p = subprocess.run([nsum] + list(args), cwd=home, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=120)
            return p.returncode, p.stdout.decode(), p.stderr.decode()

        day1 = os.path.join(home, "in1")
        shutil.copytree(os.path.join(data, "topic"), os.path.join(day1, "topic"))
        os.makedirs(os.path.join(day1, "tram"))
        with open(os.path.join(day1, "tram", "a.txt"), "w") as f:
            f.write(STORY)
        with open(os.path.join(day1, "tram", "b.txt"), "w") as f:
            f.write(COPY)
        out = os.path.join(home, "out")

        rc, so, se = run("digest", "--no-glossary", "--date", "2026-03-12",
                         "--out", out, day1)
        check(rc == 0, "digest of day 1 succeeds (%d: %s)" % (rc, se.strip()))
        names = ["2026-03-12.json", "2026-03-12.md", "2026-03-12.html",
                 "feed.xml", "feed.json"]
        for n in names:
            check(os.path.exists(os.path.join(out, n)), "%s written" % n)
        check(so.splitlines() == [out + "/" + n for n in names],
              "the written files are listed on stdout")
        d = json.load(open(os.path.join(out, "2026-03-12.json")))
        check(list(d.keys()) == ["date", "generator", "articles", "topics",
                                 "glossary"], "D.json keys in order")
        check(d["date"] == "2026-03-12" and d["articles"] == 5,
              "date and article count")
        check(len(d["topics"]) == 2, "two stories, two topics (%d)" % len(d["topics"]))
        by_n = sorted(d["topics"], key=lambda t: -len(t["articles"]))
        loire, tram = by_n[0], by_n[1]
        check(len(loire["articles"]) == 3 and "Loire" in loire["headline"],
              "the Loire topic has its three articles")
        check(len(tram["articles"]) == 1 and len(tram["articles"][0].get("duplicates", [])) == 1,
              "the tram copy is listed under its original")
        check(tram["articles"][0]["source"] == "tram", "a subfolder names the source")
        check(loire["articles"][0]["date"] == "2026-03-12", "dates from the text")
        for t in d["topics"]:
            check(t["summary"] and all(0 <= s["article"] < len(t["articles"])
                                       for s in t["summary"]),
                  "%s: every sentence attributed to one of its articles" % t["id"])
            check(list(t.keys())[:5] == ["id", "headline", "summary", "terms", "articles"],
                  "%s: topic keys in order" % t["id"])
        md = read(os.path.join(out, "2026-03-12.md")).decode()
        html = read(os.path.join(out, "2026-03-12.html")).decode()
        check(loire["headline"] in md and "Loire" in html and "<script" not in html,
              "Markdown and HTML carry the topics")
        before = {n: read(os.path.join(out, n)) for n in names}

        # With a glossary and a dictionary: the missing terms, with English
        # proposed ("pic de crue" composed word by word: "flood peak").
        rc, so, se = run("digest", "-g", os.path.join(data, "gloss.csv"),
                         "--dict", os.path.join(data, "lexicon-crue.tsv"),
                         "--date", "2026-03-12", "--out",
                         os.path.join(home, "with-dict"), os.path.join(day1, "topic"))
        gd = json.load(open(os.path.join(home, "with-dict", "2026-03-12.json")))
        miss = {m["term"]: m for m in gd["glossary"]["missing"]}
        check(rc == 0 and "pic de crue" in miss and
              miss["pic de crue"]["proposed"] == ["flood peak"] and
              miss["pic de crue"]["topics"] == ["t1"],
              "a missing term lists its topic and the English proposed")
        check("proposed: flood peak" in
              read(os.path.join(home, "with-dict", "2026-03-12.md")).decode(),
              "the Markdown shows what is proposed")
        rc, so, se = run("digest", "--no-glossary", "--dict",
                         os.path.join(data, "lexicon-crue.tsv"), day1)
        check(rc == 2, "--dict without a glossary is a usage error")

        rc, so, se = run("digest", "--no-glossary", "--date", "2026-03-12",
                         "--out", out, day1)
        check(rc == 0 and all(read(os.path.join(out, n)) == before[n] for n in names),
              "the same day again writes the same bytes")

        # Day 2: the Loire story goes on.
        day2 = os.path.join(home, "in2")
        os.makedirs(day2)
        with open(os.path.join(day2, "loire.txt"), "w") as f:
            f.write(NEXT)
        rc, so, se = run("digest", "--no-glossary", "--out", out, "--history",
                         out, day2)
        check(rc == 0, "digest of day 2 succeeds (%s)" % se.strip())
        d2 = json.load(open(os.path.join(out, "2026-03-14.json")))
        check(d2["date"] == "2026-03-14", "the day is the articles' date")
        t = d2["topics"][0]
        check(t.get("continues", {}).get("id") == loire["id"] and
              t["continues"]["date"] == "2026-03-12",
              "the continued story links to day 1's topic")
        feed = json.load(open(os.path.join(out, "feed.json")))
        check([i["_nsum"]["date"] for i in feed["items"]] == ["2026-03-14", "2026-03-12"],
              "the feed has both days, newest first")

        # A folder nsum cannot write: an error, the old digest whole.
        if os.geteuid() != 0:
            os.chmod(out, stat.S_IRUSR | stat.S_IXUSR)
            rc, so, se = run("digest", "--no-glossary", "--date", "2026-03-12",
                             "--out", out, day1, os.path.join(day1, "topic"))
            os.chmod(out, stat.S_IRWXU)
            check(rc == 3 and "2026-03-12" in se, "unwritable folder: exit 3 (%d)" % rc)
            check(all(read(os.path.join(out, n)) == before[n] for n in names[:3]),
                  "unwritable folder: the old files are whole")
        # A folder that cannot be made (its parent is a file).
        rc, so, se = run("digest", "--no-glossary", "--out",
                         os.path.join(out, "feed.json", "x"), day1)
        check(rc == 3 and "feed.json/x" in se, "--out under a file: exit 3 (%d)" % rc)
        check(read(os.path.join(out, "feed.json")) and
              json.load(open(os.path.join(out, "feed.json")))["items"],
              "--out under a file: the feed is whole")
        # A bad input is reported, left out, and the digest still written.
        bad = os.path.join(home, "in3")
        os.makedirs(bad)
        with open(os.path.join(bad, "bad.txt"), "wb") as f:
            f.write(b"Un texte \xff invalide.\n")
        with open(os.path.join(bad, "ok.txt"), "w") as f:
            f.write(NEXT)
        rc, so, se = run("digest", "--no-glossary", "--out", os.path.join(home, "o3"), bad)
        check(rc == 4 and "bad.txt:1:10" in se, "invalid UTF-8: named and exit 4 (%d: %s)" % (rc, se.strip()))
        check(os.path.exists(os.path.join(home, "o3", "2026-03-14.json")),
              "the digest of the good articles is still written")
        # A damaged history: a summary of control characters (\u0001 ...)
        # is not a digest's; the error names the file.
        hist = os.path.join(home, "hist")
        os.makedirs(hist)
        with open(os.path.join(hist, "2026-03-11.json"), "w") as f:
            json.dump({"topics": [{"id": "t1", "headline": "Crue",
                                   "summary": [{"text": "\u0001" * 40}]}]}, f)
        rc, so, se = run("digest", "--no-glossary", "--out", os.path.join(home, "o4"),
                         "--history", hist, day2)
        check(rc == 4 and "2026-03-11.json" in se and "not text" in se,
              "a history summary of control characters: named, exit 4 (%d: %s)"
              % (rc, se.strip()))
        rc, so, se = run("digest", "--date", "2026-02-30", day1)
        check(rc == 2 and "YYYY-MM-DD" in se, "a bad --date is a usage error")
        rc, so, se = run("digest")
        check(rc == 2, "no input is a usage error")
    if failures:
        print("%d failed" % len(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
