#!/usr/bin/env bash
# Runs the fuzz targets in fuzz/ one after another, each for a fixed time, with one job.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Defaults: 120 seconds, every target (mail pack phrase frontmatter lint).
#
# Before running, it seeds fuzz/corpus/<target>/ (creating it when absent) from
#   - ../shared/realworld/mail (every file: mail and lint),
#   - fixtures/ (drafts and .eml files: mail, lint, frontmatter; packs: pack, phrase),
#   - rules/*.yaml (pack; their phrases, one per file: phrase),
# and writes a few config files for frontmatter. Seeds are named by the hash of their
# content, so seeding again adds nothing twice. The corpus is never committed
# (fuzz/.gitignore): the real-world mail is not ours to ship.
#
# cargo fuzz needs nightly-only compiler flags (-Zsanitizer, ...). On the stable toolchain
# RUSTC_BOOTSTRAP=1 lets stable rustc accept them; the address sanitizer's runtime ships
# with the stable toolchain on x86_64 Linux. Set FUZZ_SANITIZER=none to build without it
# (the script also falls back to none when the address-sanitizer build fails).
#
# Environment:
#   FUZZ_SANITIZER   address (default) or none
#   CARGO_BUILD_JOBS compiler jobs for the build (default 1: the machine has 2 cores)
#   FUZZ_EXTRA_ARGS  more libFuzzer flags, e.g. "-max_len=65536"
#
# For each target it prints how long it ran, how many inputs it executed and whether it
# found a crash (a panic, abort, timeout or out-of-memory), listing the new artifact files
# in fuzz/artifacts/<target>/. Exits non-zero if any target found a crash (or failed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/fuzz"
REALWORLD="$ROOT/../shared/realworld/mail"
ALL_TARGETS=(mail pack phrase frontmatter lint)

SECONDS_PER_TARGET="${1:-120}"
if ! [[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] || [ "$SECONDS_PER_TARGET" -eq 0 ]; then
    echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
    echo "targets: ${ALL_TARGETS[*]}" >&2
    exit 2
fi
shift || true
if [ "$#" -gt 0 ]; then
    TARGETS=("$@")
else
    TARGETS=("${ALL_TARGETS[@]}")
fi
for t in "${TARGETS[@]}"; do
    if [ ! -f "$FUZZ/fuzz_targets/$t.rs" ]; then
        echo "error: no fuzz target \`$t\` (targets: ${ALL_TARGETS[*]})" >&2
        exit 2
    fi
done

export RUSTC_BOOTSTRAP=1
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
SANITIZER="${FUZZ_SANITIZER:-address}"

# --- seeds -------------------------------------------------------------------------------

# seed TARGET FILE...: copies each file into the target's corpus under its content hash.
seed() {
    local target="$1" dir="$FUZZ/corpus/$1" f hash
    shift
    mkdir -p "$dir"
    for f in "$@"; do
        [ -f "$f" ] || continue
        hash="$(sha1sum < "$f" | cut -c1-40)"
        [ -e "$dir/seed-$hash" ] || cp "$f" "$dir/seed-$hash"
    done
}

# seed_text TARGET TEXT: writes TEXT as one seed.
seed_text() {
    local dir="$FUZZ/corpus/$1" hash
    mkdir -p "$dir"
    hash="$(printf '%s' "$2" | sha1sum | cut -c1-40)"
    [ -e "$dir/seed-$hash" ] || printf '%s' "$2" > "$dir/seed-$hash"
}

seed_all() {
    local realworld=() drafts=() packs=() rules=() f
    if [ -d "$REALWORLD" ]; then
        while IFS= read -r -d '' f; do realworld+=("$f"); done \
            < <(find "$REALWORLD" -type f -print0 | sort -z)
    else
        echo "note: $REALWORLD not found; seeding from the repository only" >&2
    fi
    while IFS= read -r -d '' f; do drafts+=("$f"); done < <(
        find "$ROOT/fixtures" -type f \
            \( -name '*.txt' -o -name '*.md' -o -name '*.markdown' -o -name '*.eml' \) \
            -print0 | sort -z
    )
    while IFS= read -r -d '' f; do packs+=("$f"); done \
        < <(find "$ROOT/fixtures/packs" -type f \( -name '*.yaml' -o -name '*.yml' \) -print0 | sort -z)
    for f in "$ROOT"/rules/*.yaml; do [ -f "$f" ] && rules+=("$f"); done

    for t in "${TARGETS[@]}"; do
        mkdir -p "$FUZZ/corpus/$t"
        case "$t" in
            mail | lint)
                seed "$t" ${realworld[@]+"${realworld[@]}"} ${drafts[@]+"${drafts[@]}"}
                ;;
            pack)
                seed "$t" ${rules[@]+"${rules[@]}"} ${packs[@]+"${packs[@]}"}
                ;;
            phrase)
                # Every quoted list item of the packs (phrases, unless, examples), and every
                # quoted string of a flow list on a `phrases:` or `unless:` line.
                local p
                while IFS= read -r p; do
                    [ -n "$p" ] && seed_text phrase "$p"
                done < <(
                    cat ${rules[@]+"${rules[@]}"} ${packs[@]+"${packs[@]}"} \
                        | sed -n -E \
                            -e "s/^[[:space:]]*- \"(.*)\"[[:space:]]*\$/\\1/p" \
                            -e "s/^[[:space:]]*- '(.*)'[[:space:]]*\$/\\1/p"
                    cat ${rules[@]+"${rules[@]}"} ${packs[@]+"${packs[@]}"} \
                        | grep -E '^[[:space:]]*(phrases|unless):[[:space:]]*\[' \
                        | grep -oE '"[^"]*"' | sed -E 's/^"(.*)"$/\1/'
                )
                ;;
            frontmatter)
                seed "$t" ${drafts[@]+"${drafts[@]}"}
                seed_text frontmatter $'---\nsend-date: 2026-11-30\npromised-by: 2026-12-04\nrole: analyst\ncompany: Acme\ncontact: Ann\nprefers: phone\nkind: interview\ntactful: {disable: [blame/didnt-hear, timing]}\n---\nHi Ann,\n\nI hope you are well. I still have not heard back.\n'
                seed_text frontmatter $'\xef\xbb\xbf---\r\ntitle: Draft\r\nsend-date: 2026-12-24\r\n...\r\n# Hi Ann\r\n\r\nThanks for your time.\r\n'
                seed_text frontmatter $'packs: [team-rules.yaml, more/]\nrules:\n  blame/didnt-hear: off\n  timing/monday: error\n  opening: note\nno-default-rules: false\nholidays: gb\ndeny: warnings\ntemplates: true\ninclude: ["drafts/**/*.md", "*.eml"]\nexclude: ["archive/**"]\nignore:\n  - rule: blame/per-my-last-email\n    paths: ["*.eml"]\n    text: per my last email\n  - rule: timing\n'
                seed_text frontmatter $'holidays: none\nignore:\n  - rule: all\n    paths: ["<message>", "{a,b}/[!x]*.txt"]\n'
                ;;
        esac
    done
}

# --- build -------------------------------------------------------------------------------

cd "$FUZZ"
seed_all

# Built as shipped (-O: release, no debug assertions, which mail-parser trips on a few
# malformed nestings it reads fine without them), with overflow checks kept on.
export RUSTFLAGS="${RUSTFLAGS:-} -Coverflow-checks=on"
SAN_ARGS=(-O --sanitizer "$SANITIZER")
echo "building fuzz targets (sanitizer: $SANITIZER, RUSTC_BOOTSTRAP=1, $CARGO_BUILD_JOBS job(s))"
if ! cargo fuzz build "${SAN_ARGS[@]}"; then
    if [ "$SANITIZER" = none ]; then
        exit 2
    fi
    echo "warning: the $SANITIZER-sanitizer build failed; building with --sanitizer none" >&2
    SANITIZER=none
    SAN_ARGS=(-O --sanitizer none)
    cargo fuzz build "${SAN_ARGS[@]}"
fi

# --- run ---------------------------------------------------------------------------------

mkdir -p "$FUZZ/logs"
status=0
summary=()
for t in "${TARGETS[@]}"; do
    corpus="$FUZZ/corpus/$t"
    artifacts="$FUZZ/artifacts/$t"
    log="$FUZZ/logs/$t.log"
    mkdir -p "$artifacts"
    before="$(ls -1 "$artifacts")"
    args=(
        "-max_total_time=$SECONDS_PER_TARGET"
        -rss_limit_mb=2048
        # A whole built-in pack (200 KB, seeded from rules/) builds in 0.3 s as shipped, but
        # several times slower under the sanitizer and coverage: 30 s is a hang, not that.
        -timeout=30
        -print_final_stats=1
        "-artifact_prefix=$artifacts/"
    )
    [ -f "$FUZZ/dict/$t.dict" ] && args+=("-dict=$FUZZ/dict/$t.dict")
    # shellcheck disable=SC2206
    [ -n "${FUZZ_EXTRA_ARGS:-}" ] && args+=($FUZZ_EXTRA_ARGS)
    echo "== $t: ${SECONDS_PER_TARGET}s, one job, corpus $(ls -1 "$corpus" | wc -l) inputs (log: fuzz/logs/$t.log)"
    start="$(date +%s)"
    set +e
    # No -jobs/-workers: libFuzzer then fuzzes in this one process.
    cargo fuzz run "${SAN_ARGS[@]}" "$t" "$corpus" -- "${args[@]}" >"$log" 2>&1
    rc=$?
    set -e
    ran=$(($(date +%s) - start))
    execs="$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)"
    if [ -z "$execs" ]; then
        execs="$(grep -oE '^#[0-9]+' "$log" | tr -d '#' | sort -n | tail -1 || true)"
    fi
    after="$(ls -1 "$artifacts")"
    new="$(comm -13 <(printf '%s\n' "$before" | sort) <(printf '%s\n' "$after" | sort) \
        | grep -E '^(crash|leak|timeout|oom|slow-unit)-' || true)"
    crashes="$(printf '%s\n' "$new" | grep -E '^(crash|leak|timeout|oom)-' || true)"
    if [ -n "$crashes" ]; then
        result="CRASH"
        status=1
    elif [ "$rc" -ne 0 ]; then
        result="FAILED (exit $rc, no artifact; see fuzz/logs/$t.log)"
        status=1
    else
        result="no crash"
    fi
    line="$t: ran ${ran}s, ${execs:-?} executions, $result"
    echo "$line"
    if [ -n "$new" ]; then
        while IFS= read -r a; do
            [ -n "$a" ] && echo "    fuzz/artifacts/$t/$a" && line+=$'\n'"    fuzz/artifacts/$t/$a"
        done <<<"$new"
        grep -m1 -E "panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer|SUMMARY" "$log" | sed 's/^/    /' || true
    fi
    summary+=("$line")
done

echo
echo "== summary (sanitizer: $SANITIZER)"
printf '%s\n' "${summary[@]}"
exit "$status"
