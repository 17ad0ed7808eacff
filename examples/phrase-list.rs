//! Prints the built-in packs' phrases as one regex per line, for ripgrep over raw text:
//! the same regexes tactful compiles, with its folded spaces and apostrophes written out
//! (`\s+`, `['’]`) and ASCII word boundaries kept. `scripts/bench.sh` compares
//! `rg -i -c -f` with this list against tactful over the same drafts.

use std::io::Write;

use tactful::rules::builtin;

fn main() {
    let mut out = std::io::stdout().lock();
    for pack in builtin::packs().expect("built-in packs load") {
        for rule in &pack.rules {
            for p in rule.phrases.iter().chain(&rule.unless) {
                let regex = tactful_phrase::compile(&p.value)
                    .expect("built-in phrases compile")
                    .regex
                    .replace(tactful_phrase::GAP_WORD, r"\S+")
                    .replace(' ', r"\s+")
                    .replace('\'', "['’]");
                writeln!(out, "{regex}").expect("stdout is writable");
            }
        }
    }
}
