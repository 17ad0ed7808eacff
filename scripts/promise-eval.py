#!/usr/bin/env python3
"""Measure how well tactful finds and dates the promises of quoted threads.

Usage: scripts/promise-eval.py [--binary PATH] [--show] DIR

DIR holds cases/ and labels.tsv (columns: file, promised_by, form, quote, note), where
promised_by is a date, `none` (no datable promise) or `undated` (a promise, but nothing
dates its message). Each case is run through `tactful when --reply FILE --format json`,
and its `promised_by` compared with the label. Prints, per date form, how many were
dated right, dated wrong and missed; and how many cases without a datable promise got a
date anyway.
"""
import csv
import json
import os
import subprocess
import sys
from collections import defaultdict


def main():
    args = sys.argv[1:]
    binary = os.path.abspath("target/release/tactful")
    show = False
    if "--binary" in args:
        i = args.index("--binary")
        binary = args[i + 1]
        del args[i : i + 2]
    if "--show" in args:
        show = True
        args.remove("--show")
    (folder,) = args
    folder = os.path.abspath(folder)
    rows = list(csv.DictReader(open(f"{folder}/labels.tsv"), delimiter="\t"))
    per_form = defaultdict(lambda: [0, 0, 0, 0])  # n, right, wrong, missed
    none_n = none_invented = 0
    undated_n = undated_invented = 0
    for r in rows:
        path = f"{folder}/cases/{r['file']}"
        # No contacts file: only the thread counts.
        env = {"PATH": os.environ.get("PATH", ""), "HOME": "/nonexistent", "TZ": "UTC"}
        out = subprocess.run(
            [binary, "when", "--reply", path, "--format", "json", "--holidays", "us"],
            capture_output=True, text=True, env=env, cwd="/",
        )
        if out.returncode != 0:
            print(f"{r['file']}: tactful failed: {out.stderr.strip()}")
            got = None
        else:
            got = json.loads(out.stdout)["plan"]["promised_by"]
        want = r["promised_by"].strip()
        if want == "none":
            none_n += 1
            if got:
                none_invented += 1
                if show:
                    print(f"INVENTED {r['file']}: got {got}")
        elif want == "undated":
            undated_n += 1
            if got:
                undated_invented += 1
                if show:
                    print(f"INVENTED(undated) {r['file']}: got {got}")
        else:
            f = per_form[r["form"]]
            f[0] += 1
            if got == want:
                f[1] += 1
            elif got:
                f[2] += 1
                if show:
                    print(f"WRONG {r['file']} [{r['form']}]: got {got}, want {want}: {r['quote']}")
            else:
                f[3] += 1
                if show:
                    print(f"MISSED {r['file']} [{r['form']}]: want {want}: {r['quote']}")
    print(f"{'form':<15} {'n':>4} {'right':>6} {'wrong':>6} {'missed':>7} {'recall':>7} {'precision':>9}")
    tn = tr = tw = 0
    for form in sorted(per_form):
        n, right, wrong, missed = per_form[form]
        tn, tr, tw = tn + n, tr + right, tw + wrong
        prec = right / (right + wrong) if right + wrong else 1.0
        print(f"{form:<15} {n:>4} {right:>6} {wrong:>6} {missed:>7} {right / n:>7.2f} {prec:>9.2f}")
    print(f"{'all dated':<15} {tn:>4} {tr:>6} {tw:>6} {tn - tr - tw:>7} {tr / max(tn, 1):>7.2f} {tr / max(tr + tw, 1):>9.2f}")
    clean = none_n + undated_n - none_invented - undated_invented
    print(f"no datable promise: {none_n + undated_n} cases, a date invented for "
          f"{none_invented + undated_invented} ({clean / max(none_n + undated_n, 1):.2f} left undated)")


if __name__ == "__main__":
    main()
