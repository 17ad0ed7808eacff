#!/usr/bin/env bash
# The same findings as a given commit: builds REV (default: the previous commit) in a
# temporary worktree and this checkout, runs both with `check --format json` over the
# 10,000-draft benchmark corpus, and compares the whole output byte for byte.
# Usage: scripts/same-findings.sh [REV]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD~1}
tree=$(mktemp -d)
trap 'git worktree remove --force "$tree" > /dev/null 2>&1 || true; rm -rf "$tree"' EXIT
git worktree add -q --detach "$tree" "$rev"
[ -d bench-corpus ] || python3 scripts/gen-corpus.py bench-corpus 10000
cargo build --release -q
(cd "$tree" && CARGO_TARGET_DIR="$PWD/../$(basename "$tree")-target" cargo build --release -q)
old="$tree/../$(basename "$tree")-target/release/tactful"
# Exit status 1 means findings; only higher ones are failures.
"$old" check -q --format json bench-corpus > "$tree.old.json" || [ $? -eq 1 ]
target/release/tactful check -q --format json bench-corpus > "$tree.new.json" || [ $? -eq 1 ]
if cmp -s "$tree.old.json" "$tree.new.json"; then
  echo "same findings as $rev over $(ls bench-corpus | wc -l) drafts ($(wc -c < "$tree.new.json") bytes of JSON)"
else
  echo "findings differ from $rev:"
  diff <(python3 -m json.tool "$tree.old.json") <(python3 -m json.tool "$tree.new.json") | head -40
  exit 1
fi
rm -rf "$tree.old.json" "$tree.new.json" "$tree/../$(basename "$tree")-target"
