//! Turns a phrase written the way people write it ("I didn't hear back") into a regex that
//! tolerates how drafts really look: any case, ’ or ', `didn't` / `did not` / `didnt`,
//! `you're` / `you are`, and any run of spaces or one line break between words.
//!
//! Each phrase becomes a small anchored DFA ([`build_dfa`]): word boundaries are ASCII
//! (`(?-u:\b)`), and apostrophes, whitespace and the words of a gap are explicit byte
//! classes, so the DFA stays small and can be built ahead of time (the built-in packs'
//! DFAs are built when tactful is compiled and shipped in the binary). Callers check the
//! Unicode word boundary at the edges of each match (see [`unicode_edges_ok`]), so text
//! with accented letters is still handled correctly.
//!
//! Phrase syntax, beyond plain words:
//! - `(a|b c)`: one of several alternatives, each itself a phrase;
//! - `[word ...]` or `[a|b]`: optional words (`(a|b)?` means the same);
//! - `...`: a gap of up to four words.
//!
//! Words that only add emphasis ([`FILLERS`]: "really", "actually", "absolutely" …) are one
//! word to phrases, [`FILLER`] in phrases and in the folded text alike: one of them may stand
//! between any two words of a phrase ("I have heard absolutely nothing" is found by "heard
//! nothing"), and a phrase that names one finds any of them ("(very|so) excited" finds
//! "truly excited", but not "excited").

use std::fmt;

use regex_automata::dfa::{dense, sparse, Automaton, StartKind};
use regex_automata::nfa::thompson;
use regex_automata::util::{start, syntax};
use regex_automata::{Anchored, MatchKind};

/// Whitespace between words. Phrases run over folded text (see [`crate::input::Folded`]),
/// where every run of blanks within a paragraph is one space.
pub const WS: &str = " ";
/// An apostrophe: the folded text has only this one.
pub const APOS: &str = "'";
/// A word boundary that stays on the DFA fast path.
const B: &str = r"(?-u:\b)";
/// At most this many words inside a `...` gap.
const GAP_WORDS: usize = 4;
/// One word of a gap: bytes, not characters, since a gap word ends at a space and so never
/// ends inside a character.
pub const GAP_WORD: &str = r"(?-u:[^ \n<>])+";
/// Words that add emphasis and nothing a phrase tells them apart by: each is written
/// [`FILLER`] in a compiled phrase and in the folded text (see [`crate::input::Folded`]).
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
/// What a filler word is folded to: an uppercase letter, which folded text never holds
/// otherwise, so it is a word of its own to word boundaries and gaps.
macro_rules! filler {
    () => {
        "E"
    };
}
pub const FILLER: &str = filler!();
/// What goes between two words of a phrase: a space, and room for one filler.
const BETWEEN: &str = concat!(" (?:", filler!(), " )?");
/// The size in bytes that a phrase's NFA and DFA may each take: packs are data, and a
/// phrase that compiles to something huge would make every run slow.
pub const SIZE_LIMIT: usize = 1 << 20;

/// Why a phrase could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseError {
    pub message: String,
    /// Byte offset inside the phrase where the problem is.
    pub offset: usize,
}

impl fmt::Display for PhraseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Item {
    Word(String),
    Punct(String),
    /// A contraction's tail written on its own, `'ve` in `(I|we) ('ve|have) waited`: it
    /// joins the word before it, as `'ve` or as ` have`.
    Clitic(String),
    Group(Vec<Vec<Item>>),
    /// Optional alternatives: `[a|b]`.
    Optional(Vec<Vec<Item>>),
    Gap,
}

/// A phrase compiled for the scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    /// The regex, to run over folded text (see [`crate::input::Folded`]).
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

/// `phrase` with each `{name}` replaced by the alternatives of the word class `name` of
/// its pack's `vocab:` (`{negation}` becomes `(not|never|didn't|...)`), so a list of words
/// is written once for a whole pack. An unknown name, or a class word holding phrase syntax,
/// is an error.
pub fn expand_vocab<'a>(
    phrase: &'a str,
    vocab: &std::collections::BTreeMap<String, Vec<String>>,
) -> Result<std::borrow::Cow<'a, str>, String> {
    if !phrase.contains('{') {
        return Ok(std::borrow::Cow::Borrowed(phrase));
    }
    let mut out = String::with_capacity(phrase.len() * 4);
    let mut rest = phrase;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| "`{` opens a word class that no `}` closes".to_string())?;
        let name = after[..close].trim();
        let words = vocab.get(name).ok_or_else(|| {
            let known: Vec<&str> = vocab.keys().map(String::as_str).collect();
            if known.is_empty() {
                format!("no word class `{name}`: the pack has no `vocab:`")
            } else {
                format!(
                    "no word class `{name}` in the pack's `vocab:` ({})",
                    known.join(", ")
                )
            }
        })?;
        if words.is_empty() {
            return Err(format!("the word class `{name}` is empty"));
        }
        if let Some(w) = words.iter().find(|w| {
            w.trim().is_empty()
                || w.contains(['(', ')', '|', '[', ']', '{', '}'])
                || w.contains("...")
        }) {
            return Err(format!(
                "the word class `{name}` holds {w:?}: class words are plain words"
            ));
        }
        out.push('(');
        out.push_str(&words.iter().map(|w| w.trim()).collect::<Vec<_>>().join("|"));
        out.push(')');
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(std::borrow::Cow::Owned(out))
}

/// Compiles one phrase into a regex over folded text, and the literals that anchor it.
pub fn compile(phrase: &str) -> Result<Compiled, PhraseError> {
    let mut parser = Parser {
        src: phrase,
        pos: 0,
        depth: 0,
    };
    let seq = parser.sequence(None)?;
    if parser.pos < phrase.len() {
        return Err(parser.error("unbalanced `)` or `]`"));
    }
    if seq.iter().all(can_be_empty) {
        return Err(PhraseError {
            message: "phrase matches nothing: it has no required word".into(),
            offset: 0,
        });
    }
    // Word boundaries only at the phrase's edges: between words, whitespace is required
    // anyway, and fewer assertions keep the automaton small.
    let first = phrase
        .trim_start()
        .trim_start_matches(['(', '['])
        .chars()
        .next();
    let tail = phrase.trim_end();
    let tail = tail
        .strip_suffix(")?")
        .map_or(tail, |t| &tail[..t.len() + 1]);
    let last = tail.trim_end_matches([')', ']']).chars().next_back();
    // The boundary is ASCII, so it only stands at an ASCII letter or digit; the Unicode
    // edges are checked on each match.
    let edge = |c: Option<char>| {
        if c.is_some_and(|c| c.is_ascii_alphanumeric()) {
            B
        } else {
            ""
        }
    };
    let split = seq.last().is_some_and(split_end);
    let regex = format!(
        "{}(?:{}){}",
        edge(first),
        emit_sequence_ending(&seq, split),
        if split { "" } else { edge(last) }
    );
    let mut items = required(&seq).into_iter();
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
        spaces: max_spaces(&seq),
        lead: max_spaces(&seq[..=at]),
    })
}

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

/// An upper bound on the spaces inside a match of `items` (see [`emit_sequence`]): two
/// between items (one more around a filler), one inside a contraction's expansion or per
/// hyphen of a word, and one per word of a gap.
fn max_spaces(items: &[Item]) -> usize {
    items
        .iter()
        .map(|item| {
            2 + match item {
                Item::Word(w) => 1 + w.matches('-').count(),
                Item::Punct(_) | Item::Clitic(_) => 0,
                Item::Group(alts) | Item::Optional(alts) => {
                    alts.iter().map(|a| max_spaces(a)).max().unwrap_or(0)
                }
                Item::Gap => GAP_WORDS,
            }
        })
        .sum()
}

/// Words too common to be worth anchoring on when a rarer word is there.
const COMMON: &[&str] = &[
    "a", "an", "and", "are", "as", "be", "been", "did", "do", "for", "had", "has", "have", "i",
    "in", "is", "it", "me", "my", "not", "of", "on", "so", "that", "the", "this", "to", "was",
    "we", "you", "your",
];

/// The best set of anchor literals for `seq`: one of its required items, the one whose
/// literals are longest and least common.
fn anchors(seq: &[Item]) -> Option<Vec<String>> {
    required(seq).into_iter().next().map(|(_, set)| set)
}

/// The required items of `seq` with their literals, the longest and least common first.
fn required(seq: &[Item]) -> Vec<(usize, Vec<String>)> {
    let score = |set: &Vec<String>| {
        let weakest = set
            .iter()
            .map(|l| {
                if COMMON.contains(&l.as_str()) {
                    0
                } else {
                    l.chars().count()
                }
            })
            .min()
            .unwrap_or(0);
        (weakest, std::cmp::Reverse(set.len()))
    };
    let mut items: Vec<(usize, Vec<String>)> = seq
        .iter()
        .enumerate()
        .filter_map(|(i, item)| item_anchors(item).map(|set| (i, set)))
        .collect();
    // Stable, so that of equal items the last stays first, as `max_by_key` would pick.
    items.reverse();
    items.sort_by_key(|(_, set)| std::cmp::Reverse(score(set)));
    items
}

/// Literals of which every match of `item` contains one, or `None` when it can be empty.
fn item_anchors(item: &Item) -> Option<Vec<String>> {
    match item {
        Item::Word(w) => Some(word_anchors(w)),
        Item::Punct(p) => Some(vec![p.clone()]),
        Item::Group(alts) => {
            let mut all = Vec::new();
            for alt in alts {
                all.extend(anchors(alt)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        Item::Optional(_) | Item::Gap | Item::Clitic(_) => None,
    }
}

/// Literals of which every spelling of `w` (see [`emit_word`]) holds one at a piece start:
/// after a space, an apostrophe or a hyphen. For a word of several pieces, the longest
/// piece, or it joined to the pieces before it, since the hyphen or apostrophe between
/// them may be left out: "e-mail" gives "mail" and "email".
fn word_anchors(w: &str) -> Vec<String> {
    let pieces = |s: &str| {
        let parts: Vec<&str> = s.split(['\'', '-']).collect();
        let longest = (0..parts.len())
            .rev()
            .max_by_key(|&i| parts[i].len())
            .unwrap_or(0);
        let mut set: Vec<String> = (0..=longest)
            .map(|j| parts[j..=longest].concat())
            .filter(|s| !s.is_empty())
            .collect();
        set.sort();
        set.dedup();
        set
    };
    if let Some(stem) = w.strip_suffix("n't") {
        return match stem {
            "ca" => vec!["can".into()],
            "wo" => vec!["will".into(), "won".into()],
            "sha" => vec!["shall".into(), "shan".into()],
            _ => pieces(stem),
        };
    }
    if let Some((pronoun, _)) = w.split_once('\'') {
        if PRONOUNS.contains(&pronoun) {
            // "I'll" is also written "I will", where "ll" does not occur.
            return vec![pronoun.to_string()];
        }
    }
    pieces(w)
}

/// True when `text[start..end]` does not start or end inside a word, judged with Unicode
/// letters and digits (the regex itself only checks ASCII boundaries).
pub fn unicode_edges_ok(text: &str, start: usize, end: usize) -> bool {
    let inner_first = text[start..end].chars().next();
    let inner_last = text[start..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joins = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if a.is_alphanumeric() && b.is_alphanumeric());
    !joins(before, inner_first) && !joins(inner_last, after)
}

fn can_be_empty(item: &Item) -> bool {
    match item {
        Item::Optional(_) | Item::Gap => true,
        Item::Group(alts) => alts.iter().any(|alt| alt.iter().all(can_be_empty)),
        Item::Word(_) | Item::Punct(_) | Item::Clitic(_) => false,
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    /// How many brackets are open here.
    depth: usize,
}

/// How deep brackets may nest in a phrase: real phrases use two or three levels, and a
/// bound keeps a hostile pack from exhausting the stack.
pub const MAX_NESTING: usize = 16;

impl Parser<'_> {
    fn error(&self, message: &str) -> PhraseError {
        PhraseError {
            message: message.to_string(),
            offset: self.pos,
        }
    }

    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    /// Steps into a bracket, unless that nests them too deep.
    fn open(&mut self) -> Result<(), PhraseError> {
        if self.depth >= MAX_NESTING {
            return Err(self.error(&format!(
                "brackets nest more than {MAX_NESTING} deep; split the phrase into several"
            )));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// Parses items until the end of input or one of the closing characters in `until`.
    fn sequence(&mut self, until: Option<&[char]>) -> Result<Vec<Item>, PhraseError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if until.is_some_and(|u| u.contains(&c)) {
                break;
            }
            match c {
                c if c.is_whitespace() => self.pos += c.len_utf8(),
                '(' => {
                    self.open()?;
                    let alts = self.alternatives(')', "`(` is never closed with `)`")?;
                    self.depth -= 1;
                    if alts.iter().any(Vec::is_empty) {
                        return Err(self.error("empty alternative in `( | )`"));
                    }
                    // `(a|b)?` is accepted as a synonym of `[a|b]`.
                    if self.peek() == Some('?') {
                        self.pos += 1;
                        items.push(Item::Optional(alts));
                    } else {
                        items.push(Item::Group(alts));
                    }
                }
                '[' => {
                    self.open()?;
                    let alts = self.alternatives(']', "`[` is never closed with `]`")?;
                    self.depth -= 1;
                    if alts.iter().any(|a| a.iter().all(can_be_empty)) {
                        return Err(self.error("empty alternative in `[ | ]`"));
                    }
                    items.push(Item::Optional(alts));
                }
                ')' | ']' | '|' => {
                    return Err(self.error(&format!("unexpected `{c}`")));
                }
                _ if self.src[self.pos..].starts_with("...") || c == '…' => {
                    self.pos += if c == '…' { c.len_utf8() } else { 3 };
                    items.push(Item::Gap);
                }
                _ => items.extend(self.word()),
            }
        }
        Ok(fold_expansions(items))
    }

    /// Alternatives separated by `|` up to the closing character `close`.
    fn alternatives(&mut self, close: char, unclosed: &str) -> Result<Vec<Vec<Item>>, PhraseError> {
        let mut alts = vec![self.sequence(Some(&['|', close]))?];
        loop {
            match self.peek() {
                Some('|') => {
                    self.pos += 1;
                    alts.push(self.sequence(Some(&['|', close]))?);
                }
                Some(c) if c == close => {
                    self.pos += 1;
                    return Ok(alts);
                }
                _ => return Err(self.error(unclosed)),
            }
        }
    }

    /// A run of non-space, non-syntax characters; leading and trailing punctuation
    /// become their own items so that "email?" is the word "email" then "?".
    fn word(&mut self) -> Vec<Item> {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_whitespace() || "()[]|…".contains(c) || self.src[self.pos..].starts_with("...")
            {
                break;
            }
            self.pos += c.len_utf8();
        }
        let raw = normalize_apostrophes(&self.src[start..self.pos].to_lowercase());
        let core_start = raw.find(|c: char| c.is_alphanumeric()).unwrap_or(raw.len());
        let core_end = raw
            .rfind(|c: char| c.is_alphanumeric())
            .map_or(core_start, |i| {
                i + raw[i..].chars().next().map_or(1, char::len_utf8)
            });
        // Keep a trailing apostrophe-contraction tail ("n't" ends in a letter anyway).
        let mut out = Vec::new();
        if core_start == 1 && raw.starts_with('\'') && clitic_aux(&raw[1..core_end]).is_some() {
            out.push(Item::Clitic(raw[1..core_end].to_string()));
            if core_end < raw.len() {
                out.push(Item::Punct(raw[core_end..].to_string()));
            }
            return out;
        }
        if core_start > 0 {
            out.push(Item::Punct(raw[..core_start].to_string()));
        }
        if core_end > core_start {
            let word = &raw[core_start..core_end];
            let word = if FILLERS.contains(&word) {
                FILLER
            } else {
                word
            };
            out.push(Item::Word(word.to_string()));
        }
        if core_end < raw.len() && core_end >= core_start {
            out.push(Item::Punct(raw[core_end..].to_string()));
        }
        out
    }
}

fn normalize_apostrophes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{2BC}' | '`' | '\u{B4}' => '\'',
            c => c,
        })
        .collect()
}

/// Auxiliaries whose "X not" is also written "Xn't".
const NOT_AUX: &[&str] = &[
    "do", "does", "did", "have", "has", "had", "is", "are", "was", "were", "could", "would",
    "should", "must", "need", "might",
];
/// Pronouns that contract with a following auxiliary ("you are" / "you're").
const PRONOUNS: &[&str] = &[
    "i", "you", "we", "they", "he", "she", "it", "that", "there", "what", "who", "here",
];

/// The auxiliary a contraction's tail stands for: `'ve` is "have".
fn clitic_aux(tail: &str) -> Option<&'static str> {
    match tail {
        "m" => Some("am"),
        "re" => Some("are"),
        "ve" => Some("have"),
        "ll" => Some("will"),
        "d" => Some("(?:would|had)"),
        "s" => Some("(?:is|has)"),
        _ => None,
    }
}

/// Folds written-out forms into their contracted spelling, so that "did not" and "didn't"
/// (and "you are" / "you're") compile to the same tolerant regex.
fn fold_expansions(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        if let (Some(Item::Word(prev)), Item::Word(w)) = (out.last(), &item) {
            let folded = match (prev.as_str(), w.as_str()) {
                ("can", "not") => Some("can't".to_string()),
                ("will", "not") => Some("won't".to_string()),
                (p, "not") if NOT_AUX.contains(&p) => Some(format!("{p}n't")),
                ("i", "am") => Some("i'm".to_string()),
                (p, "are") if PRONOUNS.contains(&p) => Some(format!("{p}'re")),
                (p, "have") if PRONOUNS.contains(&p) => Some(format!("{p}'ve")),
                (p, "will") if PRONOUNS.contains(&p) => Some(format!("{p}'ll")),
                (p, "would" | "had") if PRONOUNS.contains(&p) => Some(format!("{p}'d")),
                (p, "is" | "has") if PRONOUNS.contains(&p) && p != "i" => Some(format!("{p}'s")),
                _ => None,
            };
            if let Some(folded) = folded {
                out.pop();
                out.push(Item::Word(folded));
                continue;
            }
        }
        if let Item::Word(w) = &item {
            if w == "cannot" {
                out.push(Item::Word("can't".into()));
                continue;
            }
        }
        out.push(item);
    }
    out
}

fn emit_sequence(items: &[Item]) -> String {
    emit_sequence_ending(items, false)
}

/// [`emit_sequence`]; with `edged` (when the last item is a group that [`split_end`]s),
/// that group gets the closing word boundary inside, on the spellings that end in a word.
fn emit_sequence_ending(items: &[Item], edged: bool) -> String {
    let mut out = String::new();
    // Whether something required has been emitted yet (decides where whitespace goes).
    let mut have_required = false;
    let mut pending_optional_prefix: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let optional = matches!(item, Item::Optional(_) | Item::Gap);
        let edge = edged && i + 1 == items.len();
        // A group whose spellings differ in what comes before them (a contraction's tail,
        // punctuation) carries that before each spelling itself, unless nothing comes
        // before the group.
        let glued = have_required && joins(item);
        let body = match item {
            Item::Group(alts) | Item::Optional(alts) if edge || glued => {
                emit_alternatives(alts, glued, edge)
            }
            _ => emit_item(item),
        };
        let glue = glue(item);
        if optional {
            if have_required {
                match item {
                    Item::Gap => out.push_str(&body),
                    _ => out.push_str(&format!("(?:{glue}{body})?")),
                }
            } else {
                pending_optional_prefix.push(match item {
                    Item::Gap => body,
                    _ => format!("(?:{body}{BETWEEN})?"),
                });
            }
            continue;
        }
        if have_required {
            out.push_str(&glue);
        }
        for p in pending_optional_prefix.drain(..) {
            out.push_str(&p);
        }
        out.push_str(&body);
        have_required = true;
    }
    out
}

/// What goes between the item before `item` and `item`. Punctuation may follow a word
/// directly ("emails, no reply"), optional or not; a contraction's tail holds its own
/// whitespace. A group whose spellings differ in this carries it inside, per spelling.
fn glue(item: &Item) -> String {
    match item {
        Item::Clitic(_) => String::new(),
        Item::Optional(alts) | Item::Group(alts) => {
            let mut glues = alts.iter().map(|alt| alt.first().map(glue));
            let first = glues.next().flatten();
            if glues.all(|g| g == first) {
                first.unwrap_or_else(|| BETWEEN.to_string())
            } else {
                String::new()
            }
        }
        Item::Punct(p) if !p.starts_with('-') => format!("{WS}?"),
        Item::Punct(_) => WS.to_string(),
        Item::Word(_) | Item::Gap => BETWEEN.to_string(),
    }
}

/// Whether every match of `items` ends in a word (`Some(true)`) or in punctuation
/// (`Some(false)`); `None` when that varies or an optional part may end it.
fn ends_in_word(items: &[Item]) -> Option<bool> {
    match items.last()? {
        Item::Word(_) | Item::Clitic(_) => Some(true),
        Item::Punct(_) => Some(false),
        Item::Group(alts) => {
            let mut ends = alts.iter().map(|a| ends_in_word(a));
            let first = ends.next().flatten()?;
            ends.all(|e| e == Some(first)).then_some(first)
        }
        Item::Optional(_) | Item::Gap => None,
    }
}

/// True when `item` is a group whose spellings all end either in a word or in
/// punctuation, but not all in the same: "(.|!|and)". Its closing word boundary goes
/// inside it (see [`emit_sequence_ending`]).
fn split_end(item: &Item) -> bool {
    let Item::Group(alts) = item else {
        return false;
    };
    let ends: Option<Vec<bool>> = alts.iter().map(|a| ends_in_word(a)).collect();
    ends.is_some_and(|e| e.contains(&true) && e.contains(&false))
}

/// True when `item` is a group whose spellings each carry their own [`glue`].
fn joins(item: &Item) -> bool {
    matches!(item, Item::Optional(_) | Item::Group(_)) && glue(item).is_empty()
}

/// `alts` as one regex group; with `glued`, each spelling starts with its own [`glue`];
/// with `edged`, each spelling that ends in a word ends with a word boundary.
fn emit_alternatives(alts: &[Vec<Item>], glued: bool, edged: bool) -> String {
    let parts: Vec<String> = alts
        .iter()
        .map(|a| {
            let g = match (glued, a.first()) {
                (true, Some(first)) => glue(first),
                _ => String::new(),
            };
            let b = if edged && ends_in_word(a) == Some(true) {
                B
            } else {
                ""
            };
            format!("{g}{}{b}", emit_sequence(a))
        })
        .collect();
    format!("(?:{})", parts.join("|"))
}

fn emit_item(item: &Item) -> String {
    match item {
        Item::Word(w) => emit_word(w),
        Item::Punct(p) => regex::escape(p),
        Item::Optional(alts) | Item::Group(alts) => emit_alternatives(alts, false, false),
        Item::Clitic(tail) => {
            let aux = clitic_aux(tail).unwrap_or(tail);
            // "Ive", "Im": these two are often written without the apostrophe, and
            // leaving it out makes no other word.
            let apos = if matches!(tail.as_str(), "ve" | "m") {
                format!("{APOS}?")
            } else {
                APOS.to_string()
            };
            format!("(?:{apos}{tail}|{WS}{aux})")
        }
        Item::Gap => format!(r"(?:{WS}{GAP_WORD}){{0,{GAP_WORDS}}}"),
    }
}

/// One word, made tolerant of contractions, apostrophes and hyphens.
fn emit_word(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("n't") {
        return match stem {
            "ca" => format!("(?:can{APOS}?t|can(?:{WS})?not)"),
            "wo" => format!("(?:won{APOS}?t|will{WS}not)"),
            "sha" => format!("(?:shan{APOS}?t|shall{WS}not)"),
            _ => {
                let s = emit_plain(stem);
                format!("(?:{s}n{APOS}?t|{s}{WS}not)")
            }
        };
    }
    if let Some((pronoun, tail)) = w.split_once('\'') {
        if PRONOUNS.contains(&pronoun) {
            // "I'm" but not "you'm"; "it's" but not "I's".
            let fits = match tail {
                "m" => pronoun == "i",
                "s" => pronoun != "i",
                _ => true,
            };
            if let Some(aux) = clitic_aux(tail).filter(|_| fits) {
                let p = emit_plain(pronoun);
                return format!("(?:{p}{APOS}?{tail}|{p}{WS}{aux})");
            }
        }
    }
    emit_plain(w)
}

fn emit_plain(w: &str) -> String {
    let mut out = String::with_capacity(w.len() + 8);
    for c in w.chars() {
        match c {
            '\'' => {
                out.push_str(APOS);
                out.push('?');
            }
            '-' => {
                out.push_str("(?:-|");
                out.push_str(WS);
                out.push_str(")?");
            }
            c => {
                // The characters `regex::escape` escapes.
                if "\\.+*?()|[]{}^$#&-~".contains(c) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::input::Folded;
    use crate::rules::index::{paragraph, piece_start, Phrase};

    /// The first match of `phrase` in `text`, found the way drafts are scanned: with its
    /// DFA, over the folded text, mapped back to the original.
    fn finds(phrase: &str, text: &str) -> Option<String> {
        let compiled = compile(phrase).unwrap();
        let dfa = Phrase::new(phrase).unwrap();
        let folded = Folded::new(text);
        let mut found = None;
        let mut at = 0;
        while found.is_none() && at <= folded.text.len() {
            let para = paragraph(&folded.text, at);
            dfa.find(&folded.text, para.clone(), para.end, |m| {
                found = found.clone().or(Some(m));
            });
            at = para.end + 1;
        }
        if let Some(m) = &found {
            let hit = &folded.text[m.clone()];
            assert!(
                compiled.anchors.iter().any(|a| hit
                    .match_indices(a.as_str())
                    .any(|(i, _)| piece_start(hit.as_bytes(), i))),
                "{hit:?} holds none of the anchors {:?} at a piece start",
                compiled.anchors
            );
            assert!(
                hit.matches(' ').count() <= compiled.spaces,
                "{hit:?} has more than {} spaces",
                compiled.spaces
            );
        }
        found.map(|m| text[folded.original(m)].to_string())
    }

    #[test]
    fn anchors_are_the_rarest_required_words() {
        let a = |p: &str| compile(p).unwrap().anchors;
        assert_eq!(a("I haven't heard back"), ["heard"]);
        assert_eq!(a("[still] waiting"), ["waiting"]);
        assert_eq!(a("(you said|you promised)"), ["promised", "said"]);
        assert_eq!(a("you won't"), ["will", "won"]);
        assert_eq!(a("follow-up"), ["follow"]);
        assert_eq!(a("e-mail"), ["email", "mail"]);
        assert_eq!(a("no-one"), ["noone", "one"]);
        assert_eq!(a("I'll"), ["i"]);
        assert_eq!(a("(email|e-mail) sent"), ["sent"]);
        assert_eq!(a("you're late"), ["late"]);
    }

    #[test]
    fn contractions_and_expansions_match_each_other() {
        for text in [
            "I didn't hear",
            "I did not hear",
            "I didnt hear",
            "I DIDN’T hear",
            "I did\nnot  hear",
        ] {
            assert!(finds("I didn't hear", text).is_some(), "{text}");
            assert!(finds("I did not hear", text).is_some(), "{text}");
        }
        for text in ["you're late", "you are late", "youre late", "You’re late"] {
            assert!(finds("you are late", text).is_some(), "{text}");
        }
        assert!(finds("I can't", "I cannot").is_some());
        assert!(finds("I cannot", "I can not").is_some());
        assert!(finds("I won't", "I will not").is_some());
        assert!(finds("it's been", "it has been").is_some());
    }

    /// Asserts that `phrase` finds each of `texts`, whole.
    fn finds_whole(phrase: &str, texts: &[&str]) {
        for &text in texts {
            assert_eq!(finds(phrase, text).as_deref(), Some(text), "{text}");
        }
    }

    /// Asserts that `phrase` finds nothing in any of `texts`.
    fn finds_none(phrase: &str, texts: &[&str]) {
        for &text in texts {
            assert_eq!(finds(phrase, text), None, "{text}");
        }
    }

    #[test]
    fn a_last_group_may_end_in_a_word_or_in_punctuation() {
        let phrase = "still nothing (.|!|and)";
        finds_whole(
            phrase,
            &["Still nothing.", "still nothing !", "still nothing and"],
        );
        finds_none(
            phrase,
            &[
                "still nothing andes",
                "still nothing beats it",
                "still nothings.",
            ],
        );
        // After a word or a word-like spelling, the boundary still holds.
        finds_whole("a (b|bc)", &["a bc"]);
        finds_none("a (b|bc|.)", &["a bcd"]);
    }

    #[test]
    fn a_filler_may_stand_between_words_and_names_every_filler() {
        finds_whole(
            "[I] haven't heard nothing",
            &[
                "haven't heard nothing",
                "I really haven't heard absolutely nothing",
                "I haven't actually heard nothing",
            ],
        );
        // One filler between two words, not a run of them.
        finds_none(
            "haven't heard nothing",
            &["haven't heard really truly nothing"],
        );
        // A filler in a phrase is any filler; a group may still require one.
        finds_whole(
            "am (very|so) excited",
            &["am so excited", "am truly excited"],
        );
        finds_none("am (very|so) excited", &["am excited"]);
        // Not inside a longer word.
        finds_none(
            "am (very|so) excited",
            &["am everyexcited", "am very-excited"],
        );
    }

    #[test]
    fn a_contraction_tail_on_its_own_joins_the_word_before_it() {
        let phrase = "(I|we) (waited|'ve waited) long";
        finds_whole(
            phrase,
            &[
                "I've waited long",
                "I’ve waited long",
                "we have waited long",
                "Ive waited long",
                "I waited long",
            ],
        );
        finds_none(
            phrase,
            &[
                "I 've waited long",
                "I havewaited long",
                "I had waited long",
            ],
        );
        finds_whole(
            "(I|we) [would have|'d have] (hoped|liked) sooner",
            &[
                "I'd have liked sooner",
                "we would have hoped sooner",
                "I had have liked sooner",
                "I liked sooner",
            ],
        );
        // The apostrophe may only be left out where no other word is made.
        finds_none("(we|it) ('ll|'s) go", &["well go", "its go"]);
        assert!(finds("(we|it) ('ll|'s) go", "it's go").is_some());
    }

    #[test]
    fn whitespace_tolerates_one_line_break_but_not_a_paragraph() {
        assert!(finds("still waiting", "still\r\n   waiting").is_some());
        assert!(finds("still waiting", "still\n\nwaiting").is_none());
    }

    #[test]
    fn punctuation_follows_a_word_directly_optional_or_not() {
        for phrase in ["two emails, no reply", "two emails [,] no reply"] {
            assert!(finds(phrase, "Two emails, no reply.").is_some(), "{phrase}");
            assert!(
                finds(phrase, "Two emails , no reply.").is_some(),
                "{phrase}"
            );
        }
        assert!(finds("two emails [,] no reply", "two emails no reply").is_some());
    }

    #[test]
    fn word_boundaries_hold_for_ascii_and_unicode() {
        assert!(finds("no reply", "no replying").is_none());
        assert!(finds("no reply", "uno reply").is_none());
        assert!(finds("no reply", "no replyé").is_none());
        assert!(finds("no reply", "éno reply").is_none());
        assert_eq!(
            finds("no reply", "Sadly, no reply.").as_deref(),
            Some("no reply")
        );
    }

    #[test]
    fn groups_optionals_and_gaps() {
        assert!(finds(
            "(haven't|never) heard [back] from you",
            "I never heard from you"
        )
        .is_some());
        assert_eq!(
            finds(
                "[I] haven't heard back [from you]",
                "I haven't heard back from you yet"
            )
            .as_deref(),
            Some("I haven't heard back from you")
        );
        assert!(finds(
            "interested in ... role",
            "interested in the senior analyst role"
        )
        .is_some());
        assert!(finds("interested in ... role", "interested in a b c d e role").is_none());
        assert!(finds("follow-up", "a follow up email").is_some());
        assert!(finds("no [word|news] yet", "no news yet").is_some());
        assert!(finds("no [word|news] yet", "no yet").is_some());
        assert!(finds("no (word|news)? yet", "no yet").is_some());
        assert!(finds("follow-up", "a followup email").is_some());
        assert!(finds("did you get my email?", "did you get my email ?").is_some());
    }

    #[test]
    fn malformed_phrases_are_errors() {
        assert!(compile("(a|b").is_err());
        assert!(compile("a]").is_err());
        assert!(compile("[a]").is_err());
        assert!(compile("x [a|]").is_err());
        assert!(compile("(a|)").is_err());
        assert!(compile("").is_err());
    }
}
