//! The tables that phrases share with the folded text they run over: tactful folds each
//! draft once (lowercased, every apostrophe made [`APOS`], every run of blanks within a
//! paragraph made one space, every filler word made [`FILLER`]), and a compiled phrase
//! spells its words as that text has them.

/// Whitespace between words: in the folded text, every run of blanks within a paragraph
/// is one space.
pub(crate) const WS: &str = " ";
/// An apostrophe: the folded text has only this one.
pub(crate) const APOS: &str = "'";
/// The characters folded to `'`, in a phrase and in the folded text: the typographic
/// quotes, the modifier letter apostrophe, the backtick and the acute accent.
pub const APOSTROPHES: &[char] = &['\u{2019}', '\u{2018}', '\u{2BC}', '`', '\u{B4}'];
/// Words that add emphasis and nothing a phrase tells them apart by: each is written
/// [`FILLER`] in a compiled phrase and in the folded text.
pub const FILLERS: &[&str] = &[
    "absolutely",
    "actually",
    "basically",
    "certainly",
    "completely",
    "definitely",
    "entirely",
    "genuinely",
    "honestly",
    "literally",
    "quite",
    "really",
    "seriously",
    "simply",
    "sincerely",
    "totally",
    "truly",
    "very",
];
/// [`FILLER`] as a literal, for `concat!`.
macro_rules! filler {
    () => {
        "E"
    };
}
pub(crate) use filler;
/// What a filler word is folded to: an uppercase letter, which folded text never holds
/// otherwise, so it is a word of its own to word boundaries and gaps.
pub const FILLER: &str = filler!();
