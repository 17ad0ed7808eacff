#!/usr/bin/env bash
# The language server under a real LSP client library: pytest-lsp (from PyPI) runs
# tests/lsp-protocol against `tactful lsp`.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c "import pytest_lsp" 2>/dev/null; then
    python3 -m pip install -q pytest-lsp
fi
cargo build --quiet --bin tactful
TACTFUL_BIN="$PWD/target/debug/tactful" python3 -m pytest -q -p no:cacheprovider tests/lsp-protocol
