#!/usr/bin/env bash
# End to end with a real editor: Debian's neovim, headless, runs `tactful lsp` on a draft,
# waits for its diagnostics and applies its code actions (scripts/neovim-lsp-e2e.lua).
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/need.sh
need nvim neovim neovim-lsp-e2e

cargo build --quiet --bin tactful
WORK="$(mktemp -d)"
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state"
mkdir -p "$HOME"
cat > "$WORK/draft.md" <<'DRAFT'
Hi Jane,

I hope you had a restful weekend. I didn't hear back from you about the analyst role.

I remain very interested in the role.

Best,
Sam
DRAFT
export TACTFUL_BIN="$PWD/target/debug/tactful" DRAFT="$WORK/draft.md"
if timeout 60 nvim --headless -n -u NONE -i NONE -c "luafile scripts/neovim-lsp-e2e.lua"; then
    echo "neovim-lsp-e2e: diagnostics shown, silence and rewrite applied"
else
    echo "neovim-lsp-e2e: failed" >&2
    exit 1
fi
