#!/usr/bin/env python3
"""Precision and recall of tactful on a file of labelled sentences, each linted alone.

Usage: scripts/sentence-eval.py [--bin PATH] [--config tactful.yaml] [--misses] FILE.tsv...

Each line of FILE is `LABEL<TAB>SENTENCE`. A `blame` sentence should get a blame finding;
an `interest` sentence should be taken as restating interest (no `interest/missing`
finding); `ok` should get neither of the finding its file is about.
"""
import json, os, subprocess, sys, tempfile

args = sys.argv[1:]
binary = "target/release/tactful"
show = False
if "--bin" in args:
    i = args.index("--bin"); binary = args[i + 1]; del args[i:i + 2]
extra = []
if "--config" in args:
    i = args.index("--config"); extra = ["--config", os.path.abspath(args[i + 1])]; del args[i:i + 2]
if "--misses" in args:
    args.remove("--misses"); show = True
for path in args:
    rows = [l.rstrip("\n").split("\t", 1) for l in open(path, encoding="utf-8") if l.strip()]
    labels = {r[0] for r in rows} - {"ok"}
    (want,) = labels
    with tempfile.TemporaryDirectory() as d:
        for n, (_, text) in enumerate(rows):
            with open(os.path.join(d, f"{n:05}.txt"), "w", encoding="utf-8") as f:
                f.write(text + "\n")
        out = subprocess.run([binary, "check", "--format", "json", *extra, d], capture_output=True, text=True)
        report = json.loads(out.stdout)
    fired, which = {}, {}
    for f in report["files"]:
        n = int(os.path.basename(f["path"]).split(".")[0])
        cats = {x["category"] for x in f.get("findings", [])}
        rules = {x["rule"] for x in f.get("findings", [])}
        which[n] = sorted(x["rule"] for x in f.get("findings", []) if x["category"] == "blame")
        if want == "blame":
            fired[n] = "blame" in cats
        else:
            fired[n] = "interest/missing" not in rules
    tp = sum(1 for n, r in enumerate(rows) if r[0] != "ok" and fired.get(n))
    fp = sum(1 for n, r in enumerate(rows) if r[0] == "ok" and fired.get(n))
    fn = sum(1 for n, r in enumerate(rows) if r[0] != "ok" and not fired.get(n))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"{path}: {want}: {tp + fn} of {len(rows)}; found {tp}, missed {fn}, false alarms {fp}; precision {p:.3f}, recall {r:.3f}")
    if show:
        for n, row in enumerate(rows):
            if (row[0] != "ok") != bool(fired.get(n)):
                rules = f"  [{', '.join(which.get(n, []))}]" if row[0] == "ok" and want == "blame" else ""
                print(("  MISS  " if row[0] != "ok" else "  FALSE ") + row[1] + rules)
