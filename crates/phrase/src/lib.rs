//! The phrase engine: turns a phrase written the way people write it ("I didn't hear
//! back") into a regex that tolerates how drafts really look: any case, ’ or ',
//! `didn't` / `did not` / `didnt`, `you're` / `you are`, and any run of spaces or one line
//! break between words.
//!
//! Each phrase becomes a small anchored DFA ([`build_dfa`]): word boundaries are ASCII
//! (`(?-u:\b)`), and apostrophes, whitespace and the words of a gap are explicit byte
//! classes, so the DFA stays small and can be built ahead of time: tactful's build script
//! compiles the built-in packs' phrases (and the [`greeting`] pattern) with this crate, and
//! a run compiles a user's phrases with the same code, so a phrase shipped compiled is
//! what the run would have compiled. Callers check the Unicode word boundary at the edges
//! of each match (see [`unicode_edges_ok`]), so text with accented letters is still
//! handled correctly.
//!
//! Phrases run over folded text: lowercased, every apostrophe made `'` (from any of
//! [`APOSTROPHES`]), every run of blanks within a paragraph one space, and a run that
//! holds a blank line one `\n`, which no phrase crosses. tactful folds each draft once,
//! with the tables that phrases are compiled with here.
//!
//! Phrase syntax, beyond plain words:
//! - `(a|b c)`: one of several alternatives, each itself a phrase;
//! - `[word ...]` or `[a|b]`: optional words (`(a|b)?` means the same);
//! - `...`: a gap of up to four words;
//! - `{name}`: any word of the word class `name` of the pack's `vocab:`, expanded before
//!   the phrase is compiled ([`expand_vocab`]).
//!
//! Words that only add emphasis ([`FILLERS`]: "really", "actually", "absolutely" …) are one
//! word to phrases, [`FILLER`] in phrases and in the folded text alike: one of them may stand
//! between any two words of a phrase ("I have heard absolutely nothing" is found by "heard
//! nothing"), and a phrase that names one finds any of them ("(very|so) excited" finds
//! "truly excited", but not "excited").
//!
//! One file per job: `syntax` parses a phrase, `vocab` expands its word classes, `forms`
//! knows English contractions, `anchors` picks the words every match holds, `emit` writes
//! the regex, `fold` holds the tables shared with the folded text, and `dfa` builds the
//! automaton.

mod anchors;
mod dfa;
mod emit;
mod fold;
mod forms;
pub mod greeting;
mod syntax;
mod vocab;

pub use dfa::{build_dense, build_dfa, first_bytes, unicode_edges_ok, SIZE_LIMIT};
pub use emit::GAP_WORD;
pub use fold::{APOSTROPHES, FILLER, FILLERS};
pub use syntax::PhraseError;
pub use vocab::expand_vocab;

/// A phrase compiled for the scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    /// The regex, to run over folded text.
    pub regex: String,
    /// Literals of which every match contains at least one: a draft without any of them
    /// cannot match, so the regex only runs where one occurs.
    pub anchors: Vec<String>,
    /// For each other required item, literals of which its every spelling holds one: a
    /// stretch of text that lacks all of one item's literals holds no match, so the DFA
    /// need not even be loaded there.
    pub others: Vec<Vec<String>>,
    /// At most this many spaces occur inside a match.
    pub spaces: usize,
    /// At most this many spaces occur in a match before the end of its anchor literal, so
    /// a match starts at most this many words before the anchor it holds.
    pub lead: usize,
}

/// Compiles one phrase into a regex over folded text, and the literals that anchor it.
pub fn compile(phrase: &str) -> Result<Compiled, PhraseError> {
    let seq = syntax::parse(phrase)?;
    if seq.iter().all(anchors::can_be_empty) {
        return Err(PhraseError {
            message: "phrase matches nothing: it has no required word".into(),
            offset: 0,
        });
    }
    let regex = emit::phrase_regex(phrase, &seq);
    let mut items = anchors::required(&seq).into_iter();
    let Some((at, anchors)) = items.next() else {
        return Err(PhraseError {
            message: "no word stands in every match of this phrase (only contraction tails \
                      or optional words): add a word that must be there"
                .into(),
            offset: 0,
        });
    };
    let others = items.map(|(_, set)| set).collect();
    Ok(Compiled {
        regex,
        anchors,
        others,
        spaces: anchors::max_spaces(&seq),
        lead: anchors::max_spaces(&seq[..=at]),
    })
}
