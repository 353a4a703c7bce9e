#!/usr/bin/python3
"""Scenario test: maintaining a glossary with the nsum CLI, and its cache.

    cli_glossary.py NSUM

Each step runs NSUM in an empty temporary HOME (so the user's glossary and
cache are its own) and checks the exit status and output: add, lookup,
remove and import change the glossary file; a summary with the glossary
shows what the file holds at that moment, whether it came from the file or
from the cache nsum keeps under ~/.cache/nsum; a damaged or unwritable
cache changes nothing.  nsum does not cache a file changed in the last two
seconds (a second change could keep the same times): the test waits where
it needs a cache.
"""
import glob
import os
import subprocess
import sys
import tempfile
import time

ARTICLE = (
    "Les dirigeants européens ont discuté des garanties de sécurité lors "
    "du sommet.\n\n"
    "Les garanties de sécurité doivent encore être précisées par les "
    "ministres.\n\n"
    "Un cessez-le-feu reste l'objectif des négociations en cours.\n"
)

failures = []


def check(cond, what):
    print("%s: %s" % ("ok" if cond else "FAIL", what))
    if not cond:
        failures.append(what)


def read(paths):
    """The bytes of the first of paths, or None."""
    if not paths:
        return None
    with open(paths[0], "rb") as f:
        return f.read()


def main():
    nsum = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
               "LC_ALL": "C.UTF-8", "NSUM_DATADIR": os.path.join(home, "none")}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                env[k] = os.environ[k]

        def run(*args, extra=None):
            e = dict(env, **(extra or {}))
            p = subprocess.run([nsum] + list(args), cwd=home, env=e,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=60)
            return p.returncode, p.stdout.decode("utf-8"), \
                p.stderr.decode("utf-8")

        g = os.path.join(home, "g.csv")
        art = os.path.join(home, "article.txt")
        with open(art, "w", encoding="utf-8") as f:
            f.write(ARTICLE)
        cache_dir = os.path.join(home, ".cache", "nsum")

        rc, out, err = run("glossary", "add", "-g", g,
                           "garantie de sécurité", "security guarantee",
                           "--domain", "security")
        check(rc == 0 and os.path.exists(g), "add creates the glossary")
        rc, out, err = run("glossary", "add", "-g", g,
                           "garanties de sécurité", "x")
        check(rc == 1 and "g.csv" in err, "adding an inflected duplicate "
              "is refused, naming the file (%d: %s)" % (rc, err.strip()))
        rc, out, err = run("glossary", "lookup", "-g", g,
                           "Garanties de sécurité")
        check(rc == 0 and "security guarantee" in out, "lookup finds an inflection")

        rc, first, err = run("-g", g, art)
        check(rc == 0 and "security guarantee" in first,
              "the summary shows the term")
        caches = glob.glob(os.path.join(cache_dir, "glossary-*.bin"))
        check(len(caches) == 0, "a glossary just changed is not cached")
        time.sleep(3)
        rc, first, err = run("-g", g, art)
        caches = glob.glob(os.path.join(cache_dir, "glossary-*.bin"))
        check(len(caches) == 1, "the loaded glossary is cached")
        cached = read(caches)
        rc, second, err = run("-g", g, art)
        check(rc == 0 and second == first, "from the cache: the same output")

        rc, out, err = run("glossary", "add", "-g", g, "cessez-le-feu",
                           "ceasefire")
        check(rc == 0, "add a second term")
        rc, out, err = run("-g", g, art)
        check(rc == 0 and "ceasefire" in out,
              "a changed glossary is read again, not taken from the cache")
        time.sleep(3)
        rc, out, err = run("-g", g, art)
        check(rc == 0 and "ceasefire" in out and read(caches) != cached,
              "and cached again once it is settled")

        for c in glob.glob(os.path.join(cache_dir, "glossary-*.bin")):
            with open(c, "r+b") as f:
                f.seek(40)
                f.write(b"\xff" * 64)
        rc, damaged, err = run("-g", g, art)
        check(rc == 0 and damaged == out and not err,
              "a damaged cache is ignored and written again")
        rc, again, err = run("-g", g, art)
        check(rc == 0 and again == out, "the rewritten cache gives the same")

        rc, out2, err = run("-g", g, art, extra={"NSUM_NO_CACHE": "1"})
        check(rc == 0 and out2 == out, "NSUM_NO_CACHE: the same output")
        blocked = os.path.join(home, "not-a-folder")
        with open(blocked, "w") as f:
            f.write("x")
        rc, out3, err = run("-g", g, art, extra={"XDG_CACHE_HOME": blocked})
        check(rc == 0 and out3 == out and not err,
              "a cache that cannot be written changes nothing")

        rc, out, err = run("glossary", "remove", "-g", g,
                           "garantie de sécurité")
        check(rc == 0, "remove")
        rc, out, err = run("glossary", "lookup", "-g", g,
                           "garantie de sécurité")
        check(rc == 1, "a removed term is not found")
        rc, out, err = run("-g", g, art)
        check(rc == 0 and "security guarantee" not in out and "ceasefire" in out,
              "the summary follows the removal")

        tsv = os.path.join(home, "in.tsv")
        with open(tsv, "w", encoding="utf-8") as f:
            f.write("fr\ten\nnégociations\tnegotiations\n")
        rc, out, err = run("glossary", "import", "-g", g, tsv, "-f", "tsv")
        check(rc == 0, "import a TSV file")
        rc, out, err = run("glossary", "lookup", "-g", g, "négociation")
        check(rc == 0 and "negotiations" in out, "an imported term is found")
        rc, out, err = run("glossary", "check", "-g", g)
        check(rc == 0, "the maintained glossary checks clean (%s)" %
              (out + err).strip())

    print("%d step(s) failed" % len(failures) if failures else "all steps passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
