#!/usr/bin/env bash
# Time and peak memory on inputs of the worst shapes, at several sizes, to show that a run
# costs the same per byte however large or odd its input is: one paragraph of blaming lines
# (every line a match), one line with no line break, one paragraph of prose, one endless
# word, a message with a huge Subject, and a message whose HTML part is one huge paragraph.
# Usage: scripts/worst-case.sh [MB...]   (default: 1 10; 100 takes a few minutes per shape)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10)
cargo build --release -q
bin=$PWD/target/release/tactful
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '%-16s %6s %9s %9s %10s %9s\n' shape MB seconds 's/MB' 'peak MB' findings
for mb in "${sizes[@]}"; do
  python3 - "$dir" "$mb" <<'PY'
import sys
d, mb = sys.argv[1], int(sys.argv[2])
n = mb * 1024 * 1024
def fill(unit, head=""):
    return head + unit * ((n - len(head)) // len(unit) + 1)
shapes = {
    "blame-lines.txt": fill("I still haven't heard back from you about the analyst role.\n", "Hi Jane,\n\n"),
    "one-line.txt": fill("Per my last email, I am still waiting to hear back. ", "Hi Jane, "),
    "prose.txt": fill("I hope you had a restful weekend and I remain interested in the role. ", "Hi Jane,\n\n"),
    "one-word.txt": fill("heard-back-waiting-", "Hi Jane,\n\n"),
    "subject.eml": "From: a@example.com\nTo: b@example.com\nSubject: " + fill("still waiting per my last email ")[: n] + "\n\nHi Jane,\n\nI hope you are well.\n",
    "html.eml": "From: a@example.com\nTo: b@example.com\nSubject: Hello\nContent-Type: text/html\n\n<p>" + fill("I never heard back &amp; I&#39;m still waiting. <b>Really.</b> ") + "</p>\n",
}
for name, text in shapes.items():
    open(f"{d}/{mb}-{name}", "w").write(text)
PY
  for f in "$dir/$mb"-*; do
    shape=$(basename "$f"); shape=${shape#"$mb"-}
    /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" check -q --format short "$f" > "$dir/out" || true
    read -r secs kb < <(tail -1 "$dir/time")
    python3 -c "import sys; s,kb,mb,n=float(sys.argv[1]),int(sys.argv[2]),int(sys.argv[3]),int(sys.argv[4]); print(f'{sys.argv[5]:16} {mb:6} {s:9.2f} {s/mb:9.3f} {kb/1024:10.0f} {n:9}')" \
      "$secs" "$kb" "$mb" "$(wc -l < "$dir/out")" "$shape"
  done
done
