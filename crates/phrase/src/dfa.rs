//! DFA building: a compiled phrase's regex becomes a small anchored DFA, within
//! [`SIZE_LIMIT`], with the bytes a match can start with; a match found with it is kept
//! only where its edges are word edges in Unicode too ([`unicode_edges_ok`]).

use regex_automata::dfa::{dense, sparse, Automaton, StartKind};
use regex_automata::nfa::thompson;
use regex_automata::util::{start, syntax};
use regex_automata::{Anchored, MatchKind};

/// The size in bytes that a phrase's NFA and DFA may each take: packs are data, and a
/// phrase that compiles to something huge would make every run slow.
pub const SIZE_LIMIT: usize = 1 << 20;

/// Builds the DFA of a compiled phrase regex: anchored (each search starts where a match
/// may start), leftmost-first, in the sparse form that is small to ship and to load.
/// Each of the NFA and the DFA must fit [`SIZE_LIMIT`]; `minimize` trades build time for a
/// smaller DFA (worth it ahead of time, not at run time).
pub fn build_dfa(
    regex: &str,
    minimize: bool,
) -> Result<sparse::DFA<Vec<u8>>, Box<dense::BuildError>> {
    build_dense(regex, minimize)?.to_sparse().map_err(Box::new)
}

/// [`build_dfa`] before it is made sparse: larger, but loaded from bytes in linear time.
pub fn build_dense(
    regex: &str,
    minimize: bool,
) -> Result<dense::DFA<Vec<u32>>, Box<dense::BuildError>> {
    dense::Builder::new()
        .syntax(syntax::Config::new().utf8(false))
        .thompson(
            thompson::Config::new()
                .utf8(false)
                .which_captures(thompson::WhichCaptures::None)
                .nfa_size_limit(Some(SIZE_LIMIT)),
        )
        .configure(
            dense::Config::new()
                .start_kind(StartKind::Anchored)
                .match_kind(MatchKind::LeftmostFirst)
                .minimize(minimize)
                .dfa_size_limit(Some(SIZE_LIMIT))
                .determinize_size_limit(Some(SIZE_LIMIT)),
        )
        .build(regex)
        .map_err(Box::new)
}

/// The bytes a match can start with, as a bit set: the bytes on which the DFA's anchored
/// start states (after a word byte, or after anything else) do not die at once. A search
/// is only worth starting where one of them is.
pub fn first_bytes<A: Automaton>(dfa: &A) -> [u64; 4] {
    let mut set = [0u64; 4];
    for behind in [None, Some(b'a')] {
        let config = start::Config::new()
            .anchored(Anchored::Yes)
            .look_behind(behind);
        let Ok(state) = dfa.start_state(&config) else {
            return [u64::MAX; 4];
        };
        for b in 0..=255u8 {
            if !dfa.is_dead_state(dfa.next_state(state, b)) {
                set[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
    }
    set
}

/// True when `text[start..end]` does not start or end inside a word, judged with Unicode
/// letters and digits (the regex itself only checks ASCII boundaries).
#[inline]
pub fn unicode_edges_ok(text: &str, start: usize, end: usize) -> bool {
    let inner_first = text[start..end].chars().next();
    let inner_last = text[start..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joins = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if a.is_alphanumeric() && b.is_alphanumeric());
    !joins(before, inner_first) && !joins(inner_last, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_are_word_edges_in_unicode_too() {
        assert!(unicode_edges_ok("sadly, no reply.", 7, 15));
        assert!(!unicode_edges_ok("éno reply", 2, 10));
        assert!(!unicode_edges_ok("no replyé", 0, 8));
    }

    #[test]
    fn a_match_starts_only_with_its_first_bytes() {
        let dfa = build_dfa(&crate::compile("no reply").unwrap().regex, false).unwrap();
        let first = first_bytes(&dfa);
        let starts = |b: u8| first[usize::from(b >> 6)] & (1 << (b & 63)) != 0;
        assert!(starts(b'n'));
        assert!(!starts(b'r') && !starts(b' ') && !starts(b'N'));
    }
}
