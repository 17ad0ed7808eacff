#!/usr/bin/env bash
# The real pre-commit framework runs this repository's hooks (.pre-commit-hooks.yaml, at the
# committed HEAD) in a scratch git repository: a blaming draft must be blocked and a clean
# one pass; a template passes `tactful-templates` but is blocked by `tactful` for its
# placeholders. The hook is built once, into a pre-commit cache inside the scratch folder.
# Needs Python's pip (installs pre-commit from PyPI).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="$(git -C "$repo" rev-parse HEAD)"
python3 -m pip install --quiet --disable-pip-version-check pre-commit
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
cd "$work"
git init -q
cat > .pre-commit-config.yaml <<CONFIG
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: tactful
      - id: tactful-templates
CONFIG
printf 'Hi Ann,\n\nI still have not heard back about the analyst role.\n' > blaming.txt
printf 'Hi Ann,\n\nI hope you had a restful Thanksgiving. I remain very interested in the analyst role.\n' > clean.md
printf 'Hi {{first_name}},\n\nI hope you had a restful Thanksgiving. I remain very interested in the [Job Title] role.\n' > template.md
git add .

# passes HOOK FILE / blocks HOOK FILE PATTERN (a line the output must contain)
passes() {
  if python3 -m pre_commit run "$1" --files "$2" > "$2.$1.log" 2>&1; then
    echo "pre-commit: $1 passes $2"
  else
    cat "$2.$1.log"; echo "pre-commit: $1 blocked $2" >&2; exit 1
  fi
}
blocks() {
  if python3 -m pre_commit run "$1" --files "$2" > "$2.$1.log" 2>&1; then
    cat "$2.$1.log"; echo "pre-commit: $1 did not block $2" >&2; exit 1
  fi
  grep -q "$3" "$2.$1.log" || { cat "$2.$1.log"; exit 1; }
  echo "pre-commit: $1 blocks $2"
}

passes tactful clean.md
blocks tactful blaming.txt 'blaming.txt:3:1: error\[blame/didnt-hear\]'
passes tactful-templates template.md
blocks tactful template.md 'placeholder/unfilled'
