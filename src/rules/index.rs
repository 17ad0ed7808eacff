//! The phrase index: how every rule's phrases are found in one scan of a draft.
//!
//! Each phrase has anchor literals, words that any match must contain (see
//! [`phrase::Compiled`](super::phrase::Compiled)). One Aho-Corasick automaton over all
//! anchors scans the folded text once; a phrase's regex then runs only over the paragraphs
//! where one of its anchors occurs, and is compiled the first time that happens. A clean
//! draft touches few regexes, and no run pays to compile phrases it never needs.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;

use super::phrase::{self, Compiled};
use super::USER_REGEX_SIZE_LIMIT;
use crate::input::Folded;

#[derive(Debug)]
struct Entry {
    rule: usize,
    regex: String,
    compiled: OnceLock<Option<Regex>>,
}

impl Entry {
    fn regex(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| compile(&self.regex).ok())
            .as_ref()
    }
}

/// Compiles one phrase regex with the size limit every phrase must fit. Only match
/// bounds are needed, so the regex is built without the engines that serve capture
/// groups, nor a full DFA; that halves the time to build it, which matters because a
/// one-draft run builds each regex it needs on the spot.
pub fn compile(regex: &str) -> Result<Regex, Box<meta::BuildError>> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(USER_REGEX_SIZE_LIMIT))
                .which_captures(WhichCaptures::Implicit)
                .onepass(false)
                .backtrack(false)
                .dfa(false),
        )
        .build(regex)
        .map_err(Box::new)
}

/// All phrases of all rules, indexed by their anchors.
#[derive(Debug)]
pub struct PhraseIndex {
    automaton: Option<AhoCorasick>,
    /// For each anchor literal, the phrases (indexes into `entries`) it anchors.
    anchored: Vec<Vec<usize>>,
    entries: Vec<Entry>,
}

impl PhraseIndex {
    /// Indexes `phrases`, each given with the rule it belongs to.
    pub fn build(phrases: Vec<(usize, Compiled)>) -> Result<PhraseIndex, String> {
        let mut literals: Vec<String> = Vec::new();
        let mut anchored: Vec<Vec<usize>> = Vec::new();
        let mut position = std::collections::HashMap::new();
        let mut entries = Vec::with_capacity(phrases.len());
        for (i, (rule, compiled)) in phrases.into_iter().enumerate() {
            for a in compiled.anchors {
                let at = *position.entry(a.clone()).or_insert_with(|| {
                    literals.push(a);
                    anchored.push(Vec::new());
                    literals.len() - 1
                });
                anchored[at].push(i);
            }
            entries.push(Entry {
                rule,
                regex: compiled.regex,
                compiled: OnceLock::new(),
            });
        }
        let automaton = if literals.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&literals)
                    .map_err(|e| e.to_string())?,
            )
        };
        Ok(PhraseIndex {
            automaton,
            anchored,
            entries,
        })
    }

    /// Finds the phrases of every rule in `folded`, appending each match (in original
    /// offsets) to its rule's list, unsorted.
    pub fn scan(&self, folded: &Folded, out: &mut [Vec<Range<usize>>]) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        let text = folded.text.as_str();
        // Phrases never cross a paragraph (a `\n` in folded text), so each candidate
        // phrase runs over the paragraph where its anchor is.
        let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        let paragraph = |at: usize| breaks.partition_point(|&b| b < at);
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for hit in automaton.find_overlapping_iter(text) {
            let p = paragraph(hit.start());
            for &e in &self.anchored[hit.pattern().as_usize()] {
                candidates.push((p, e));
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for (p, e) in candidates {
            let entry = &self.entries[e];
            let Some(re) = entry.regex() else { continue };
            let start = if p == 0 { 0 } else { breaks[p - 1] + 1 };
            let end = breaks.get(p).copied().unwrap_or(text.len());
            for m in re.find_iter(&text[start..end]) {
                let (s, t) = (start + m.start(), start + m.end());
                if s < t && phrase::unicode_edges_ok(text, s, t) {
                    out[entry.rule].push(folded.original(s..t));
                }
            }
        }
    }
}
