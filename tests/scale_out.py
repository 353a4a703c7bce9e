#!/usr/bin/python3
"""Scenario test: nsum sharded over processes gives what one process gives.

    scale_out.py NSUM

docs/scale-out.md promises that a corpus cut into shards, each shard
handled by its own process (GNU parallel, a Hadoop Streaming task, a Spark
partition), gives the same bytes as one process over the whole corpus.
This test writes its own corpus (a few hundred short French-looking
articles made from a fixed vocabulary with a fixed seed, no corpus text)
and checks:

  a. `nsum model build` on 4 shards, then `nsum model merge`, is byte for
     byte `nsum model build` on the whole corpus, in any merge order and
     whether the shards are read from files or standard input;
  b. `nsum --jsonl` on shards (cut by lines), the outputs concatenated in
     order, is byte for byte one `nsum --jsonl` on everything, without a
     model and with --model, other options too;
  c. the same with the merged model of (a).

The shards run at the same time, as Python subprocesses (the stand-in for
an engine); where GNU parallel is installed, the commands of
docs/scale-out.md run too (`split -n l/4` + `parallel nsum model build`,
`parallel --pipe --keep-order -N ... nsum --jsonl`).  Without GNU parallel
only those are left out, with a message: the rest needs nothing but Python
and coreutils, so the test is never skipped as a whole.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

SEED = 20261121
ARTICLES = 300
SHARDS = 4

# A fixed vocabulary of French news; sentences are made from it, never
# taken from a corpus.
SUBJECTS = [
    "Le ministre de l'Économie", "La présidente de la région",
    "Le maire de la commune", "Les syndicats de cheminots",
    "Le gouvernement", "La Commission européenne", "Les députés",
    "Le préfet du département", "Une association de riverains",
    "Le Premier ministre", "Les agriculteurs", "La direction de l'hôpital",
    "Le procureur de la République", "Les enseignants",
    "Le conseil municipal", "La ministre de la Santé",
]
VERBS = [
    "a annoncé", "a présenté", "a critiqué", "a défendu", "a rejeté",
    "a confirmé", "réclame", "prépare", "conteste", "soutient",
    "a détaillé", "examinera",
]
OBJECTS = [
    "une réforme des retraites", "un plan d'investissement",
    "la fermeture de la maternité", "une hausse des salaires",
    "le budget de l'année prochaine", "un projet de loi sur l'énergie",
    "la construction d'une ligne de tramway", "des mesures contre la sécheresse",
    "un accord commercial", "la baisse des effectifs",
    "un nouveau calendrier des négociations", "le prix de l'électricité",
    "les garanties de sécurité", "un cessez-le-feu",
]
PLACES = [
    "à Paris", "à Lyon", "à Marseille", "à Bruxelles", "à Toulouse",
    "à Lille", "en Bretagne", "en Alsace", "à Strasbourg", "à Bordeaux",
]
TIMES = [
    "mardi", "jeudi soir", "lundi matin", "ce week-end", "la semaine dernière",
    "depuis plusieurs mois", "en fin de journée", "vendredi",
]
TAILS = [
    "selon un communiqué publié dans la foulée",
    "d'après plusieurs sources proches du dossier",
    "une décision attendue depuis longtemps",
    "ce qui a provoqué de vives réactions",
    "alors que l'opposition dénonce un passage en force",
    "sans donner de calendrier précis",
    "avec le soutien de plusieurs élus locaux",
]
QUOTES = [
    "« Nous irons jusqu'au bout », a déclaré un porte-parole.",
    "« C'est une étape importante », estime un responsable syndical.",
    "« Rien n'est encore décidé », assure-t-on au ministère.",
    "« Les habitants attendent des réponses », résume une élue.",
]
# Web text has typos that Unicode normalization cannot fold: an accented
# letter followed by a second, combining accent.  Snowball can take the
# accent off the letter and leave the combining one behind it; the stem
# must still come out in NFC, as the model file holds it.
TYPOS = [
    "Les pièces r\u00e9v\u00e9l\u00e9\u0301les par l'enquête ont surpris les élus.",
]
NOISE = [
    "À lire aussi : les autres annonces de la semaine",
    "Photo : AFP",
    "Publicité",
]


def sentence(rng):
    s = "%s %s %s %s %s" % (rng.choice(SUBJECTS), rng.choice(VERBS),
                            rng.choice(OBJECTS), rng.choice(PLACES),
                            rng.choice(TIMES))
    if rng.random() < 0.5:
        s += ", " + rng.choice(TAILS)
    if rng.random() < 0.2:
        s += ", pour un montant de %d,%d millions d'euros" % (
            rng.randint(2, 900), rng.randint(0, 9))
    return s + "."


def article(rng, k):
    paragraphs = []
    for _ in range(rng.randint(2, 4)):
        sents = [sentence(rng) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.3:
            sents.append(rng.choice(QUOTES))
        paragraphs.append(" ".join(sents))
    if k % 13 == 4:
        paragraphs[-1] += " " + TYPOS[k % len(TYPOS)]
    if rng.random() < 0.2:
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(NOISE))
    title = sentence(rng).rstrip(".")
    item = {"text": "\n\n".join(paragraphs)}
    # Ids as strings and numbers, some articles without one or without a
    # title: every shape --jsonl accepts.
    if k % 17 != 5:
        item["id"] = k if k % 3 == 0 else "a%04d" % k
    if k % 11 != 7:
        item["title"] = title
    return item


def write_corpus(path):
    rng = random.Random(SEED)
    with open(path, "w", encoding="utf-8") as f:
        for k in range(ARTICLES):
            f.write(json.dumps(article(rng, k), ensure_ascii=False) + "\n")
            if k % 97 == 50:
                f.write("\n")  # blank lines are skipped, wherever they fall


failures = []


def check(cond, what):
    print("%s: %s" % ("ok" if cond else "FAIL", what))
    if not cond:
        failures.append(what)


def main():
    nsum = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="nsum-scale-out")
    try:
        return run_all(nsum, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_all(nsum, tmp):
    home = os.path.join(tmp, "home")
    os.mkdir(home)
    env = {"PATH": os.path.dirname(nsum) + ":" +
           os.environ.get("PATH", "/usr/bin:/bin"),
           "HOME": home, "LC_ALL": "C.UTF-8"}
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]

    def run(args, stdin=None):
        """(exit status, stdout bytes, stderr text) of args in tmp."""
        p = subprocess.run(args, cwd=tmp, env=env, input=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=300)
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")

    def run_shards(args, shards):
        """Run args once per shard (its bytes on stdin), all at once, as an
        engine would; the exit statuses and outputs in shard order."""
        procs = []
        for k, data in enumerate(shards):
            f = open(os.path.join(tmp, "out.%d" % k), "w+b")
            p = subprocess.Popen(args, cwd=tmp, env=env, stdin=subprocess.PIPE,
                                 stdout=f, stderr=subprocess.DEVNULL)
            procs.append((p, f, data))
        results = []
        for p, f, data in procs:
            p.communicate(data, timeout=300)
            f.seek(0)
            results.append((p.returncode, f.read()))
            f.close()
        return results

    corpus = os.path.join(tmp, "corpus.jsonl")
    write_corpus(corpus)
    with open(corpus, "rb") as f:
        data = f.read()
    lines = data.splitlines(keepends=True)
    # Uneven shards, cut by lines: the engine decides where, not nsum.
    cuts = [0, 41, 150, 151, len(lines)]
    shards = [b"".join(lines[cuts[i]:cuts[i + 1]]) for i in range(SHARDS)]
    paths = []
    for k, s in enumerate(shards):
        paths.append(os.path.join(tmp, "shard%d.jsonl" % k))
        with open(paths[-1], "wb") as f:
            f.write(s)

    # (a) Models: shards merged = the whole.
    whole = os.path.join(tmp, "whole.model")
    rc, out, err = run([nsum, "model", "build", "-o", whole, corpus])
    check(rc == 0, "model build on the whole corpus (%d %s)" % (rc, err.strip()))
    with open(whole, "rb") as f:
        whole_bytes = f.read()
    head = whole_bytes.split(b"\n", 3)[:3]
    check(head[:2] == [b"nsum-model 1", b"documents %d" % ARTICLES],
          "the model counts every article: %r" % head)
    check(int(head[2].split()[1]) > 100, "the model holds stems: %r" % head[2])

    for k, p in enumerate(paths):
        rc, out, err = run([nsum, "model", "build", "-o", p + ".model", p])
        check(rc == 0, "model build on shard %d" % k)
    merged = os.path.join(tmp, "merged.model")
    rc, out, err = run([nsum, "model", "merge", "-o", merged] +
                       [p + ".model" for p in paths])
    check(rc == 0, "model merge of %d shards" % SHARDS)
    with open(merged, "rb") as f:
        merged_bytes = f.read()
    check(merged_bytes == whole_bytes,
          "merged shard models are byte for byte the whole corpus's model")
    rc, out, err = run([nsum, "model", "merge"] +
                       [p + ".model" for p in reversed(paths)])
    check(rc == 0 and out == whole_bytes,
          "merged in the other order, to stdout: the same bytes")
    # Shards read from standard input (a Hadoop task, a Spark partition),
    # each model written to stdout, the engine's output files.
    built = run_shards([nsum, "model", "build", "-"], shards)
    check(all(rc == 0 for rc, _ in built),
          "model build - on every shard at once exits 0")
    for k, (_, out) in enumerate(built):
        with open(os.path.join(tmp, "part-%05d" % k), "wb") as f:
            f.write(out)
    rc, out, err = run([nsum, "model", "merge"] +
                       [os.path.join(tmp, "part-%05d" % k) for k in range(SHARDS)])
    check(rc == 0 and out == whole_bytes,
          "models built from standard input merge to the same bytes")
    # Hadoop Streaming's text output cuts each line at its first tab and
    # writes key, tab, value: a line without a tab gets one at its end.
    # docs/scale-out.md removes it with sed 's/\t$//' before merging.
    streamed = []
    for k, (_, out) in enumerate(built):
        lines_out = [l if b"\t" in l else l + b"\t"
                     for l in out.split(b"\n")[:-1]]
        streamed.append(os.path.join(tmp, "part-m-%05d" % k))
        with open(streamed[-1], "wb") as f:
            f.write(b"".join(l + b"\n" for l in lines_out))
    rc, out, err = run([nsum, "model", "merge", streamed[0]])
    check(rc == 4, "a model with Hadoop's trailing tabs is refused (%d)" % rc)
    rc, out, err = run(["sed", "-i", "s/\t$//"] + streamed)
    rc, out, err = run([nsum, "model", "merge"] + streamed[::-1])
    check(rc == 0 and out == whole_bytes,
          "after sed, the models of Hadoop-style parts merge to the same bytes")
    # An empty shard is a model of no document, which merges as nothing.
    rc, out, err = run([nsum, "model", "build", "-"], stdin=b"")
    empty = os.path.join(tmp, "empty.model")
    with open(empty, "wb") as f:
        f.write(out)
    check(rc == 0 and out == b"nsum-model 1\ndocuments 0\nstems 0\n",
          "an empty shard gives an empty model, exit 0")
    rc, out, err = run([nsum, "model", "merge", empty, merged, empty])
    check(rc == 0 and out == whole_bytes, "merging empty models changes nothing")

    # (b) and (c) Summaries: shards concatenated = one process.
    variants = [
        ("no model", []),
        ("--model (whole corpus)", ["--model", whole]),
        ("--model (merged shards), -n 2 --gloss -t 5", ["--model", merged,
                                                       "-n", "2", "--gloss",
                                                       "-t", "5"]),
        ("--no-model --words 30", ["--no-model", "--words", "30"]),
    ]
    for name, opts in variants:
        args = [nsum, "--jsonl"] + opts
        rc, one, err = run(args, stdin=data)
        check(rc == 0, "%s: one process exits 0 (%s)" % (name, err.strip()))
        n = one.count(b"\n")
        check(n == ARTICLES and b'"error"' not in one,
              "%s: one result per article (%d)" % (name, n))
        parts = run_shards(args, shards)
        check(all(rc == 0 for rc, _ in parts),
              "%s: every shard process exits 0" % name)
        check(b"".join(out for _, out in parts) == one,
              "%s: %d shards concatenated in order = one process, "
              "byte for byte" % (name, SHARDS))
        # The same with one line per process, the extreme cut.
        if name == "no model":
            singles = run_shards(args, [l for l in lines[:60]])
            rc, first, err = run(args, stdin=b"".join(lines[:60]))
            check(b"".join(out for _, out in singles) == first,
                  "%s: one process per line = one process" % name)

    # The recipe of docs/scale-out.md, with GNU parallel.
    parallel = shutil.which("parallel", path=env["PATH"])
    if parallel and b"GNU parallel" not in run([parallel, "--version"])[1]:
        parallel = None
    if not parallel:
        print("skip: GNU parallel is not installed; its part is not tested")
    else:
        p = [parallel, "--will-cite"]
        # The parts must end in .jsonl: any other file is one article.
        rc, out, err = run(["split", "-n", "l/4", "--additional-suffix=.jsonl",
                            corpus, "part."])
        parts = sorted(n for n in os.listdir(tmp) if n.startswith("part.")
                       and n.endswith(".jsonl"))
        check(rc == 0 and len(parts) == 4, "split -n l/4: %s" % parts)
        os.link(os.path.join(tmp, parts[0]), os.path.join(tmp, "part.aa"))
        rc, out, err = run([nsum, "model", "build", "part.aa"])
        check(rc == 0 and out.startswith(b"nsum-model 1\ndocuments 1\n"),
              "a part without .jsonl is one article")
        rc, out, err = run(p + ["-j", "4", nsum, "model", "build", "-o",
                                "{}.model", "{}", ":::"] + parts)
        check(rc == 0, "parallel nsum model build (%s)" % err.strip())
        rc, out, err = run([nsum, "model", "merge", "-o", "corpus.model"] +
                           [n + ".model" for n in parts])
        with open(os.path.join(tmp, "corpus.model"), "rb") as f:
            check(rc == 0 and f.read() == whole_bytes,
                  "parallel + merge: the whole corpus's model")
        rc, out, err = run(p + ["--pipe", "--keep-order", "-N", "100", "-j", "4",
                                nsum, "model", "build", "-o", "pm.{#}.model", "-"],
                           stdin=data)
        pm = sorted(n for n in os.listdir(tmp) if n.startswith("pm."))
        rc2, out, err = run([nsum, "model", "merge"] + pm)
        check(rc == 0 and rc2 == 0 and len(pm) >= 3 and out == whole_bytes,
              "parallel --pipe nsum model build -, merged: the same (%d "
              "shards)" % len(pm))
        for name, opts in variants[:3]:
            rc, one, err = run([nsum, "--jsonl"] + opts, stdin=data)
            for n in ("1", "37"):
                rc, out, err = run(p + ["--pipe", "--keep-order", "-N", n,
                                        "-j", "4", nsum, "--jsonl"] + opts,
                                   stdin=data)
                check(rc == 0 and out == one,
                      "%s: parallel --pipe --keep-order -N %s = one process"
                      % (name, n))
        rc, one, err = run([nsum, "--jsonl"], stdin=data)
        rc, out, err = run(p + ["--pipepart", "-a", corpus, "--block", "-4",
                                "--keep-order", "-j", "2", nsum, "--jsonl"])
        check(rc == 0 and out == one,
              "parallel --pipepart --block -4 = one process")

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
