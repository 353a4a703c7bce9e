#!/usr/bin/python3
"""Kill test: a write killed half-way leaves the old file or the new one.

    kill_writes.py NSUM [RUNS]

For each file nsum writes -- a glossary (`nsum glossary add`), a model
(`nsum model build -o`), a digest (`nsum digest --out`: D.json, D.md,
D.html, feed.json, feed.xml) -- a first version is written, then the
writing command is started RUNS times (default 50) on an input large
enough for the write to take a while, and killed with SIGKILL:

- half of the runs after a random delay over the whole run (measured
  once beforehand, plus a tenth), so that kills land while nsum reads,
  computes and writes;
- the other half once the write has begun (the first temporary file has
  appeared in the folder, or a target has changed), after a random part
  of the time the writing takes: every such kill lands inside the write.

After each kill, every target file must be byte for byte the first
version or the complete new one (never torn, never missing), and a
digest's files must have been replaced in the order nsum writes them
(D.json, D.md, D.html, feed.json, feed.xml).  Besides the targets, the
folder may hold only what a kill can leave: the temporary file of an
atomic write, named TARGET.tmp-XXXXXX (include/nsum/file.h); nsum never
reads those.  They are counted, checked, and removed before the next run.

Exit status: 0 when every check holds, 1 otherwise.
"""
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

failures = []

SYLLABLES = ("ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu "
             "ga ge go gu la le li lo lu ma me mi mo mu na ne ni no nu pa "
             "pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va "
             "ve vi vo vu tra tre tri pro pre cha che chi ion ain eur ent "
             "ou oi an on in").split()


def check(cond, what):
    if not cond:
        print("FAIL: %s" % what)
        failures.append(what)
    return cond


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def sentence(rng, n):
    words = [word(rng) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def article(rng, day, title_words=6, sentences=8):
    lines = [sentence(rng, title_words)[:-1],
             "Publié le %s 08:00" % day, ""]
    lines += [sentence(rng, rng.randint(10, 20)) for _ in range(sentences)]
    return "\n".join(lines) + "\n"


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


class Target:
    """A command that writes files in folder; subclasses make the inputs."""

    name = ""
    files = ()        # the files it writes, in the order it writes them

    def __init__(self, nsum, work, env):
        self.nsum = nsum
        self.work = work
        self.env = env
        self.folder = os.path.join(work, self.name)
        os.makedirs(self.folder)

    def run(self, args):
        p = subprocess.run([self.nsum] + args, env=self.env, cwd=self.work,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=120)
        if p.returncode != 0:
            raise RuntimeError("%s: exit %d: %s" % (" ".join(args),
                               p.returncode, p.stderr.decode()[-500:]))

    def paths(self):
        return [os.path.join(self.folder, f) for f in self.files]

    def snapshot(self):
        return [read(p) for p in self.paths()]

    def restore(self, version):
        for p, data in zip(self.paths(), version):
            write(p, data)


class Glossary(Target):
    name = "glossary"
    files = ("fr-en.csv",)

    def prepare(self, rng):
        rows = ["fr,en,note,pos,domain,status,case"]
        seen = set()
        while len(rows) < 20000:
            fr = word(rng) + " " + word(rng)
            if fr in seen:
                continue
            seen.add(fr)
            rows.append("%s,%s,,noun,,," % (fr, word(rng)))
        rows[1:] = sorted(rows[1:])
        write(self.paths()[0], ("\n".join(rows) + "\n").encode())
        self.old = self.snapshot()
        self.command = ["glossary", "add", "-g", self.paths()[0],
                        "zzz terme neuf", "new term", "--domain", "test"]
        self.run(self.command)
        self.new = self.snapshot()


class Model(Target):
    name = "model"
    files = ("corpus.model",)

    def prepare(self, rng):
        small = os.path.join(self.work, "small.txt")
        write(small, article(rng, "01/03/2026").encode())
        big = os.path.join(self.work, "corpus.jsonl")
        with open(big, "w") as f:
            for i in range(1200):
                f.write('{"id": %d, "text": "%s"}\n' % (
                    i, " ".join(sentence(rng, 12) for _ in range(3))))
        self.run(["model", "build", "-o", self.paths()[0], small])
        self.old = self.snapshot()
        self.command = ["model", "build", "-o", self.paths()[0], big]
        self.run(self.command)
        self.new = self.snapshot()


class Digest(Target):
    name = "digest"
    files = ("2026-03-02.json", "2026-03-02.md", "2026-03-02.html",
             "feed.json", "feed.xml")

    def prepare(self, rng):
        first = os.path.join(self.work, "first")
        day = os.path.join(self.work, "day")
        os.makedirs(first)
        os.makedirs(day)
        for i in range(3):
            write(os.path.join(first, "a%d.txt" % i),
                  article(rng, "02/03/2026").encode())
        for i in range(150):
            write(os.path.join(day, "a%03d.txt" % i),
                  article(rng, "02/03/2026", sentences=12).encode())
        common = ["digest", "--date", "2026-03-02", "--out", self.folder,
                  "--no-glossary", "--no-model"]
        self.run(common + [first])
        self.old = self.snapshot()
        self.command = common + [day]
        self.run(self.command)
        self.new = self.snapshot()


TEMP = re.compile(r"^(?P<target>.+)\.tmp-[A-Za-z0-9]{6}$")


def stats(t):
    """What tells that t's files are being written: (inode, size, time)."""
    out = []
    for p in t.paths():
        try:
            st = os.stat(p)
            out.append((st.st_ino, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append(None)
    return out


def writing(t, before):
    """Whether t's write has begun: a temporary file or a changed target
    (the second tells an in-place write, which this test must catch)."""
    return (any(".tmp-" in n for n in os.listdir(t.folder)) or
            stats(t) != before)


def leftovers(t):
    """Names in t's folder that are not its files."""
    return sorted(set(os.listdir(t.folder)) - set(t.files))


def measure(t):
    """Seconds a full run takes, and when its first temporary file shows."""
    t.restore(t.old)
    before = stats(t)
    start = time.monotonic()
    p = subprocess.Popen([t.nsum] + t.command, env=t.env, cwd=t.work,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    first_tmp = None
    while p.poll() is None:
        if first_tmp is None and writing(t, before):
            first_tmp = time.monotonic() - start
    total = time.monotonic() - start
    check(p.returncode == 0, "%s: the measured run failed" % t.name)
    check(t.snapshot() == t.new, "%s: a full run is not the new version"
          % t.name)
    return total, first_tmp if first_tmp is not None else total * 0.9


def kill_once(t, rng, total, first_tmp, in_write):
    """One run killed at a random moment; returns what it hit."""
    t.restore(t.old)
    before = stats(t)
    p = subprocess.Popen([t.nsum] + t.command, env=t.env, cwd=t.work,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    saw_tmp = False
    if in_write:
        # Wait for the write to begin, then kill within it.
        while p.poll() is None and not saw_tmp:
            saw_tmp = writing(t, before)
        time.sleep(rng.uniform(0, max(total - first_tmp, 0.001)))
    else:
        time.sleep(rng.uniform(0, total * 1.1))
    killed = p.poll() is None
    if killed:
        p.send_signal(signal.SIGKILL)
    p.wait()

    got = []
    for path, old, new in zip(t.paths(), t.old, t.new):
        if not check(os.path.exists(path), "%s: %s is missing" % (t.name,
                                                                 path)):
            got.append("missing")
            continue
        data = read(path)
        if data == new:
            got.append("new")
        elif data == old:
            got.append("old")
        else:
            check(False, "%s: %s is torn (%d bytes; old %d, new %d)" % (
                t.name, os.path.basename(path), len(data), len(old),
                len(new)))
            got.append("torn")
    # Files are replaced one after the other: the new ones come first.
    if "old" in got:
        check("new" not in got[got.index("old"):],
              "%s: files replaced out of order: %s" % (t.name, got))
    if not killed:
        check(p.returncode == 0 and set(got) == {"new"},
              "%s: a run that finished left %s" % (t.name, got))
    strays = leftovers(t)
    for name in strays:
        m = TEMP.match(name)
        check(m is not None and m.group("target") in t.files,
              "%s: unexpected file left: %s" % (t.name, name))
        os.unlink(os.path.join(t.folder, name))
    return killed, saw_tmp, got, len(strays)


def main():
    nsum = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    rng = random.Random(20260302)
    with tempfile.TemporaryDirectory() as work:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": work,
               "LC_ALL": "C.UTF-8",
               "NSUM_DATADIR": os.path.join(work, "none")}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                env[k] = os.environ[k]
        for cls in (Glossary, Model, Digest):
            t = cls(nsum, work, env)
            t.prepare(rng)
            check(t.old != t.new, "%s: the two versions are the same"
                  % t.name)
            total, first_tmp = measure(t)
            counts = {"killed": 0, "in write": 0, "old": 0, "new": 0,
                      "mixed": 0, "temp left": 0}
            for i in range(runs):
                killed, saw_tmp, got, strays = kill_once(
                    t, rng, total, first_tmp, in_write=i % 2 == 1)
                counts["killed"] += killed
                counts["in write"] += killed and saw_tmp
                state = set(got)
                counts["old" if state == {"old"} else "new"
                       if state == {"new"} else "mixed"] += 1
                counts["temp left"] += strays > 0
            # Kills meant to land inside the write must have done so.
            check(counts["in write"] > 0,
                  "%s: no kill landed inside the write" % t.name)
            print("%s: run %.3f s (write from %.3f s); %d runs: %s" % (
                t.name, total, first_tmp, runs,
                ", ".join("%s %d" % kv for kv in counts.items())))
    if failures:
        print("%d failures" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
