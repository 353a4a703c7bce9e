#!/usr/bin/env python3
"""Scenario test of `nsum eval --per-item`: the per-item JSON lines agree
with the table they add up to.

    cli_eval.py NSUM GOLDEN_DATA_DIR

For the JSON-lines and the text-file inputs of the golden cases: one line
per scored item, in the data's order, with its id (or line number) and
the missing/failed flags; the mean of each per-item number equals the
aggregate of --format json; an unwritable --per-item path fails with exit
status 3 and writes no table.
"""
import json
import os
import subprocess
import sys
import tempfile

METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL", what)


def run(nsum, args, cwd):
    return subprocess.run([nsum, "eval"] + args, cwd=cwd, capture_output=True,
                          text=True, timeout=60)


def agree(nsum, data, args, keys, flags, tmp):
    per = os.path.join(tmp, "per.jsonl")
    p = run(nsum, args + ["-f", "json", "-b", "0", "--per-item", per], data)
    check(p.returncode == 0, "%s: exit status %d: %s" % (args, p.returncode, p.stderr))
    agg = json.loads(p.stdout)
    with open(per, encoding="utf-8") as f:
        items = [json.loads(line) for line in f]
    check(len(items) == agg["items"], "%s: %d lines for %d items" % (args, len(items), agg["items"]))
    got_keys = [it.get("id", it.get("line")) for it in items]
    check(got_keys == keys, "%s: keys %r, want %r" % (args, got_keys, keys))
    got_flags = [(bool(it.get("missing")), bool(it.get("failed"))) for it in items]
    check(got_flags == flags, "%s: flags %r, want %r" % (args, got_flags, flags))
    for m in METRICS:
        for k in "prf":
            mean = sum(it[m][k] for it in items) / len(items)
            check(abs(mean - agg[m][k]) < 1e-9,
                  "%s: mean %s.%s %.12f, table %.12f" % (args, m, k, mean, agg[m][k]))


def main():
    nsum, data = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        agree(nsum, data, ["--data", "eval-data.jsonl", "--sums", "eval-sums.jsonl"],
              ["nantes", 2, "lille", "budget", "meteo"],
              [(False, False), (False, False), (False, False), (False, True), (True, False)],
              tmp)
        agree(nsum, data, ["--refs", "eval-refs.txt", "--refs", "eval-refs2.txt",
                           "--sums", "eval-sums.txt", "--stem"],
              [1, 2, 3, 4],
              [(False, False), (False, False), (False, False), (False, True)],
              tmp)
        bad = os.path.join(tmp, "no-such-dir", "per.jsonl")
        p = run(nsum, ["--refs", "eval-refs.txt", "--sums", "eval-sums.txt",
                       "--per-item", bad], data)
        check(p.returncode == 3, "unwritable --per-item: exit status %d" % p.returncode)
        check(bad in p.stderr, "unwritable --per-item: message %r" % p.stderr)
        check(p.stdout == "", "unwritable --per-item: a table was printed")
    print("cli-eval: %s" % ("%d failed" % len(failures) if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
