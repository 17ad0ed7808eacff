#!/usr/bin/env bash
# End to end with a real mail client: Debian's neomutt, in batch mode, sends a clean and a
# blaming follow-up through `tactful guard -- <a recorder>`. The clean one must reach the
# recorder byte for byte as neomutt piped it; the blaming one must never reach it, and
# neomutt must report the failure.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/need.sh
need neomutt neomutt neomutt-e2e

cargo build --quiet --bin tactful
BIN="$PWD/target/debug/tactful"
WORK="$(mktemp -d)"
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
export HOME="$WORK/home"
mkdir -p "$HOME"

# What the guard hands on, recorded.
cat > "$WORK/record.sh" <<'REC'
#!/bin/sh
cat > "$RECORDED"
REC
# neomutt's sendmail: keep a copy of exactly what neomutt pipes, then the guard.
cat > "$WORK/sendmail.sh" <<SEND
#!/usr/bin/env bash
set -o pipefail
tee "\$PIPED" | "$BIN" guard --send-date 2026-12-01 --holidays us -- "$WORK/record.sh" "\$@"
SEND
chmod +x "$WORK/record.sh" "$WORK/sendmail.sh"

cat > "$WORK/muttrc" <<RC
set from = "Sam Doe <sam@example.com>"
set use_from = yes
set sendmail = "$WORK/sendmail.sh"
set record = ""
set copy = no
set charset = "utf-8"
set send_charset = "utf-8"
set folder = "$WORK"
set header_cache = ""
set message_cachedir = ""
RC

send() { # body-file subject -> neomutt's exit status
    local status=0
    neomutt -n -F "$WORK/muttrc" -s "$2" -- jane@example.com < "$1" > "$WORK/neomutt.out" 2>&1 || status=$?
    return $status
}

cat > "$WORK/clean.txt" <<'MSG'
Hi Jane,

I hope you had a restful Thanksgiving. Thank you again for your time last week; I remain
very interested in the analyst role and excited about joining your team.

Is there anything else I can share as you make your decision?

Best,
Sam
MSG

cat > "$WORK/blaming.txt" <<'MSG'
Hi Jane,

I hope you had a restful Thanksgiving. I still haven't heard back from you about the
analyst role, and it has been three weeks.

Best,
Sam
MSG

export PIPED="$WORK/piped-clean.eml" RECORDED="$WORK/recorded-clean.eml"
if ! send "$WORK/clean.txt" "Checking in on the analyst role"; then
    echo "neomutt-e2e: the clean message was refused:" >&2
    cat "$WORK/neomutt.out" >&2
    exit 1
fi
if ! cmp -s "$PIPED" "$RECORDED"; then
    echo "neomutt-e2e: the clean message did not arrive byte for byte" >&2
    exit 1
fi
grep -q "remain" "$RECORDED"
echo "neomutt-e2e: clean message delivered byte-identical ($(wc -c < "$RECORDED") bytes)"

export PIPED="$WORK/piped-blaming.eml" RECORDED="$WORK/recorded-blaming.eml"
if send "$WORK/blaming.txt" "Still waiting on the analyst role"; then
    echo "neomutt-e2e: neomutt says the blaming message was sent" >&2
    cat "$WORK/neomutt.out" >&2
    exit 1
fi
if [ -e "$RECORDED" ]; then
    echo "neomutt-e2e: the blaming message reached the recorder" >&2
    exit 1
fi
if ! grep -qi "error sending message" "$WORK/neomutt.out"; then
    echo "neomutt-e2e: neomutt did not report the failure:" >&2
    cat "$WORK/neomutt.out" >&2
    exit 1
fi
echo "neomutt-e2e: blaming message stopped; neomutt said: $(grep -i 'error sending' "$WORK/neomutt.out" | head -1)"
