#!/usr/bin/env bash
# End-to-end speed: one draft from process start to exit, and 10,000 drafts compared with
# ripgrep over the same files using an equivalent ASCII-boundary phrase list.
# Needs ripgrep and hyperfine (Debian: apt-get install ripgrep hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile dist -q
python3 scripts/gen-corpus.py bench-corpus 10000
bin=target/dist/tactful
# The rg baselines, both with ASCII word boundaries: every phrase of the built-in packs as
# tactful compiles it (the equivalent list), and scripts/bench-phrases.txt: 63 regexes of the
# main forms of blame, pleasantries and interest.
cargo run --release -q --example phrase-list > bench-corpus.phrases
echo "== one draft, process start to exit"
hyperfine -N --warmup 5 --runs 50 "$bin check -q --format short bench-corpus/draft-00000.txt" --ignore-failure --export-json /tmp/tactful-one.json | grep -E "Time|Range"
if command -v valgrind > /dev/null; then
  # Instructions, unlike seconds, do not change with the machine's load.
  echo "== one draft, instructions executed (valgrind --tool=callgrind)"
  valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$bin" check -q --format short bench-corpus/draft-00000.txt 2>&1 >/dev/null \
    | grep -o "Collected : [0-9]*" || true
fi
echo "== 10,000 drafts ($(wc -l < bench-corpus.phrases) phrases in the equivalent list)"
hyperfine --warmup 1 --runs 5 --ignore-failure \
  "$bin check -q --format json bench-corpus > /dev/null" \
  "rg -i -c -f bench-corpus.phrases bench-corpus > /dev/null" \
  "rg -i -c -f scripts/bench-phrases.txt bench-corpus > /dev/null" \
  --export-json /tmp/tactful-corpus.json | grep -E "Time|Range|±|faster"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak memory, 10,000 drafts, --format json: %M KB" \
    "$bin" check -q --format json bench-corpus > /dev/null || true
fi
python3 - <<'PY'
import json
r = json.load(open("/tmp/tactful-corpus.json"))["results"]
t, full, short = (x["mean"] for x in r)
print(f"ratio tactful/rg, equivalent list = {t / full:.2f} (tactful {t:.3f} s, rg {full:.3f} s)")
print(f"ratio tactful/rg, 63-phrase list  = {t / short:.2f} (rg {short:.3f} s)")
PY
echo "== guard: a message with a 25 MB attachment, handed on to cat"
python3 - <<'PY'
import base64, os
body = ("Hi Jane,\n\nI hope you had a restful Thanksgiving. I remain very interested in the "
        "analyst role; my portfolio is attached.\n\nBest,\nSam\n")
data = base64.encodebytes(os.urandom(25 * 1024 * 1024)).decode()
msg = ("From: sam@example.com\nTo: jane@example.com\nSubject: Portfolio\n"
       "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
       "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n--b\n"
       "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n" + data + "--b--\n")
open("bench-corpus.big.eml", "w").write(msg)
PY
hyperfine -N --warmup 2 --runs 10 "sh -c '$bin guard -q -- cat < bench-corpus.big.eml > /dev/null'" | grep -E "Time|Range"
cmp <("$bin" guard -q -- cat < bench-corpus.big.eml) bench-corpus.big.eml && echo "guard handed on the 25 MB message byte for byte"
