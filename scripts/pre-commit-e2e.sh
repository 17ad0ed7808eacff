#!/usr/bin/env bash
# The real pre-commit framework runs this repository's hook (.pre-commit-hooks.yaml) with
# `try-repo` in a scratch git repository: a blaming template must be blocked, a clean one
# must pass, and a template passes `tactful-templates` but not `tactful`. Needs Python's
# pip (installs pre-commit from PyPI).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
python3 -m pip install --quiet --disable-pip-version-check pre-commit
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q
printf 'Hi Ann,\n\nI still have not heard back about the analyst role.\n' > blaming.txt
printf 'Hi Ann,\n\nI hope you had a restful Thanksgiving. I remain very interested in the analyst role.\n' > clean.md
git add .
if python3 -m pre_commit try-repo "$repo" tactful --files clean.md > clean.log 2>&1; then
  echo "pre-commit: the clean template passes"
else
  cat clean.log; echo "pre-commit: the clean template was blocked" >&2; exit 1
fi
if python3 -m pre_commit try-repo "$repo" tactful --files blaming.txt > blaming.log 2>&1; then
  cat blaming.log; echo "pre-commit: the blaming template was not blocked" >&2; exit 1
fi
grep -q 'blaming.txt:3:1: error\[blame/didnt-hear\]' blaming.log || { cat blaming.log; exit 1; }
echo "pre-commit: the blaming template is blocked"
# A template repository: placeholders pass the templates hook and are caught by the plain one.
printf 'Hi {{first_name}},\n\nI hope you had a restful Thanksgiving. I remain very interested in the [Job Title] role.\n' > template.md
git add template.md
if python3 -m pre_commit try-repo "$repo" tactful-templates --files template.md > template.log 2>&1; then
  echo "pre-commit: the template passes tactful-templates"
else
  cat template.log; echo "pre-commit: tactful-templates blocked a template for its placeholders" >&2; exit 1
fi
if python3 -m pre_commit try-repo "$repo" tactful --files template.md > filled.log 2>&1; then
  cat filled.log; echo "pre-commit: tactful let unfilled placeholders through" >&2; exit 1
fi
grep -q 'placeholder/unfilled' filled.log || { cat filled.log; exit 1; }
echo "pre-commit: tactful blocks the unfilled placeholders"
