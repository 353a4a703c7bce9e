#!/usr/bin/env python3
"""Golden tests for the nsum command line: data, not code.

    golden.py NSUM CASE_DIR [--update]

A case is a folder holding:
  args     the arguments, one per line (no shell, no quoting); paths are
           relative to the case folder, which is the working directory
  stdin    optional: what standard input receives
  stdout   the expected standard output, byte for byte
  stderr   optional: the expected standard error, byte for byte
  status   optional: the expected exit status (default 0)

The run is isolated: HOME is an empty temporary folder, XDG_DATA_HOME is
unset and NSUM_DATADIR points nowhere, so neither a user model nor a
glossary -- the user's or the installed one -- is picked up unless a case
names it (the cases stay the same when the shipped glossary grows).  --update rewrites
stdout, stderr (if present, or if the run wrote some) and status from the
current binary; review the diff before committing."""
import os
import subprocess
import sys
import tempfile


def read(path, default=None):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return default


def show(label, data):
    text = data.decode("utf-8", "replace")
    return "--- %s (%d bytes)\n%s%s" % (label, len(data), text,
                                         "" if text.endswith("\n") else "\n")


def main():
    nsum, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    update = "--update" in sys.argv[3:]
    args = [a for a in read(os.path.join(case, "args"), b"").decode("utf-8").split("\n") if a]
    stdin = read(os.path.join(case, "stdin"), b"")
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
               "LC_ALL": "C.UTF-8", "NSUM_DATADIR": os.path.join(home, "none")}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                env[k] = os.environ[k]
        p = subprocess.run([nsum] + args, cwd=case, input=stdin, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=120)
    if update:
        with open(os.path.join(case, "stdout"), "wb") as f:
            f.write(p.stdout)
        if p.stderr or os.path.exists(os.path.join(case, "stderr")):
            with open(os.path.join(case, "stderr"), "wb") as f:
                f.write(p.stderr)
        if p.returncode:
            with open(os.path.join(case, "status"), "w") as f:
                f.write("%d\n" % p.returncode)
        elif os.path.exists(os.path.join(case, "status")):
            os.unlink(os.path.join(case, "status"))
        return 0
    failures = []
    want_status = int(read(os.path.join(case, "status"), b"0").decode().strip() or 0)
    if p.returncode != want_status:
        failures.append("exit status %d, expected %d" % (p.returncode, want_status))
    want_out = read(os.path.join(case, "stdout"), b"")
    if p.stdout != want_out:
        failures.append("stdout differs\n" + show("expected", want_out) + show("got", p.stdout))
    want_err = read(os.path.join(case, "stderr"))
    if want_err is not None and p.stderr != want_err:
        failures.append("stderr differs\n" + show("expected", want_err) + show("got", p.stderr))
    elif want_err is None and p.stderr and want_status == 0:
        failures.append("unexpected stderr\n" + show("got", p.stderr))
    if failures:
        print("FAIL %s: nsum %s" % (os.path.basename(case), " ".join(args)))
        for f in failures:
            print(f)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
