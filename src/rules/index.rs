//! The phrase index: how every rule's phrases are found in one scan of a draft.
//!
//! Each phrase has anchor literals, words that any match must contain (see
//! [`tactful_phrase::Compiled`]), each at a piece start: where a word begins, after a
//! hyphen or apostrophe, or at punctuation. One pass over the folded text looks up what
//! starts at each of those places in a table of all anchors. Around each anchor found, a
//! phrase can only start a few words before it (at most
//! [`tactful_phrase::Compiled::spaces`] spaces), so its anchored DFA is tried only at the
//! word starts of that short window, never over the whole text. A clean draft touches few
//! phrases, and each one it touches costs a few steps of a small DFA.
//!
//! The DFAs of the built-in packs are built when tactful is compiled (see
//! [`precompiled`](super::precompiled)) and read from the binary the first time a draft
//! needs them; the DFAs of a user's phrases are built when the pack is loaded.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::dfa::{dense, sparse, Automaton};
use regex_automata::util::wire::DeserializeError;
use regex_automata::{Anchored, Input};
use rustc_hash::FxBuildHasher;
use tactful_phrase::{unicode_edges_ok, PhraseError};

use super::precompiled;
use crate::input::Folded;
use crate::source::floor_char_boundary;

/// One phrase, ready to be searched for.
#[derive(Debug)]
pub struct Phrase {
    pub anchors: Literals,
    /// Literals of the other required items: see [`tactful_phrase::Compiled::others`].
    others: Others,
    /// At most this many spaces inside a match.
    pub spaces: usize,
    /// At most this many spaces in a match before its anchor.
    pub lead: usize,
    source: Source,
    /// Boxed: a DFA's header is large, and most phrases never load theirs.
    dfa: OnceLock<Option<Box<Loaded>>>,
}

/// A phrase's anchor literals: a built-in phrase's are a set of numbered literals in the
/// binary (see [`precompiled::set`]).
#[derive(Debug)]
pub enum Literals {
    Shipped(u32),
    Owned(Vec<String>),
}

impl Literals {
    /// True when one of the literals starts in `window` of the folded `text`.
    fn any_in(&self, seen: &Seen, text: &str, window: Range<usize>) -> bool {
        match self {
            Literals::Shipped(k) => seen.any_in(*k, window),
            Literals::Owned(v) => {
                let span = &text[window];
                v.iter().any(|l| span.contains(l.as_str()))
            }
        }
    }
}

/// Literal sets of a phrase's required items: a built-in phrase's are sets of numbered
/// literals in the binary.
#[derive(Debug)]
enum Others {
    Shipped(Range<u32>),
    Owned(Vec<Vec<String>>),
}

impl Others {
    /// True when `window` of the folded `text` holds a literal of every set.
    fn all_in(&self, seen: &Seen, text: &str, window: Range<usize>) -> bool {
        match self {
            Others::Shipped(sets) => sets.clone().all(|k| seen.any_in(k, window.clone())),
            Others::Owned(sets) => {
                let span = &text[window];
                sets.iter()
                    .all(|s| s.iter().any(|l| span.contains(l.as_str())))
            }
        }
    }
}

/// The literals one walk of a draft's folded text found at its piece starts: built-in
/// literals by number, and those that only a user's phrases have. Every check of a
/// phrase's required words looks here, never at the text again.
#[derive(Debug)]
pub struct Seen {
    /// Each literal found, with its start, in order of position: a built-in literal's
    /// number, or a user's literal's number after them (see [`LiteralTable`]).
    found: Vec<(usize, u32)>,
    /// The starts of built-in literal `l` are `starts[from[l]..from[l + 1]]`, ascending.
    from: Vec<u32>,
    starts: Vec<usize>,
    /// Where each space of the text is, so that a window's edges (so many spaces before
    /// or after an anchor) are looked up, not counted byte by byte; `None` in a text with
    /// a word longer than [`WORD_REACH`] (where windows also stop) or of 4 GB or more.
    spaces: Option<Vec<u32>>,
    /// One bit per byte of the text: set where a match may start (see [`may_start`]), so
    /// that a DFA is tried at word starts without stepping through the words between.
    may_start: Vec<u64>,
}

impl Seen {
    /// [`window_start`], looked up.
    pub fn window_start(&self, text: &str, floor: usize, at: usize, spaces: usize) -> usize {
        let Some(sp) = &self.spaces else {
            return window_start(text, floor, at, spaces);
        };
        // The spaces before `at`: the window starts after the `spaces + 1`-th of them.
        let before = sp.partition_point(|&s| (s as usize) < at);
        before
            .checked_sub(spaces + 1)
            .map_or(floor, |i| (sp[i] as usize + 1).max(floor))
    }

    /// Where a window from `last` ends: before the `spaces + 1`-th space at or after it,
    /// and by `end`.
    fn reach_end(&self, text: &str, last: usize, end: usize, spaces: usize) -> usize {
        let Some(sp) = &self.spaces else {
            return reach_end(text, last, end, spaces);
        };
        let i = sp.partition_point(|&s| (s as usize) < last);
        sp.get(i + spaces).map_or(end, |&s| (s as usize).min(end))
    }

    /// True when a literal of built-in set `k` starts in `window`.
    fn any_in(&self, k: u32, window: Range<usize>) -> bool {
        precompiled::set(k).iter().any(|&l| {
            let l = usize::from(l);
            let starts = &self.starts[self.from[l] as usize..self.from[l + 1] as usize];
            let i = starts.partition_point(|&s| s < window.start);
            starts.get(i).is_some_and(|&s| s < window.end)
        })
    }
}

/// True when offset `at` of `bytes` is not inside a run of ASCII letters and digits: a
/// place where an anchor may start (see [`tactful_phrase::compile`]).
pub fn piece_start(bytes: &[u8], at: usize) -> bool {
    let inner = |b: u8| b.is_ascii_alphanumeric();
    at == 0 || !(inner(bytes[at]) && inner(bytes[at - 1]))
}

/// A phrase's DFA, and the bytes a match can start with.
#[derive(Debug)]
struct Loaded {
    dfa: Dfa,
    first: [u64; 4],
}

#[derive(Debug)]
enum Source {
    /// Built with tactful: the serialized DFA, and the phrase to compile again should the
    /// bytes not load (a DFA serialized for another byte order, say).
    Shipped {
        bytes: precompiled::Shipped,
        first: [u64; 4],
        text: &'static str,
    },
    /// A user's phrase, compiled to this regex.
    Regex(String),
}

#[derive(Debug)]
enum Dfa {
    ShippedSparse(sparse::DFA<&'static [u8]>),
    ShippedDense(dense::DFA<&'static [u32]>),
    Built(sparse::DFA<Vec<u8>>),
}

impl Phrase {
    /// Compiles `text`, or finds it among the phrases compiled with tactful.
    pub fn new(text: &str) -> Result<Phrase, PhraseError> {
        if let Some(p) = precompiled::lookup(text) {
            return Ok(Phrase::shipped(p));
        }
        Phrase::compiled(text)
    }

    /// Compiles `text` now.
    fn compiled(text: &str) -> Result<Phrase, PhraseError> {
        let compiled = tactful_phrase::compile(text)?;
        Ok(Phrase {
            anchors: Literals::Owned(compiled.anchors),
            others: Others::Owned(compiled.others),
            spaces: compiled.spaces,
            lead: compiled.lead,
            source: Source::Regex(compiled.regex),
            dfa: OnceLock::new(),
        })
    }

    /// The phrase compiled when tactful was built.
    pub fn shipped(p: &'static precompiled::Entry) -> Phrase {
        Phrase {
            anchors: Literals::Shipped(p.anchors),
            others: Others::Shipped(p.others.clone()),
            spaces: p.spaces,
            lead: p.lead,
            source: Source::Shipped {
                bytes: p.dfa,
                first: p.first,
                text: p.text,
            },
            dfa: OnceLock::new(),
        }
    }

    /// Builds the DFA now rather than on first use, so that a phrase too large to build is
    /// an error when its pack loads, not a silent miss later.
    pub fn build(&self) -> Result<(), Box<dense::BuildError>> {
        if let Source::Regex(regex) = &self.source {
            if self.dfa.get().is_none() {
                let _ = self.dfa.set(Some(Box::new(build(regex)?)));
            }
        }
        Ok(())
    }

    fn dfa(&self) -> Option<&Loaded> {
        self.dfa
            .get_or_init(|| {
                match &self.source {
                    Source::Shipped { bytes, first, text } => match load(*bytes) {
                        Ok(dfa) => Some(Loaded { dfa, first: *first }),
                        Err(_) => tactful_phrase::compile(text)
                            .ok()
                            .and_then(|c| build(&c.regex).ok()),
                    },
                    Source::Regex(regex) => build(regex).ok(),
                }
                .map(Box::new)
            })
            .as_deref()
    }

    /// Finds the matches that start in `starts` (clamped to word starts) and end by `end`,
    /// in the folded `text`, calling `found` with each. Matches do not overlap: after one,
    /// the search goes on from its end. Returns where the next search may start.
    pub fn find(
        &self,
        seen: &Seen,
        text: &str,
        starts: Range<usize>,
        end: usize,
        found: impl FnMut(Range<usize>),
    ) -> usize {
        let window = self.reach(seen, text, &starts, end);
        if !self.others.all_in(seen, text, window.clone()) {
            return starts.end;
        }
        self.search(text, starts, window.end, &seen.may_start, found)
    }

    /// The text that a match starting in `starts` and ending by `end` can cover: it holds
    /// at most `spaces` spaces, so it ends before the next space after that many, and it
    /// ends before any word longer than [`WORD_REACH`] bytes.
    fn reach(&self, seen: &Seen, text: &str, starts: &Range<usize>, end: usize) -> Range<usize> {
        let from = starts.start.min(end);
        let last = starts.end.saturating_sub(1).clamp(from, end);
        from..floor_char_boundary(text, seen.reach_end(text, last, end, self.spaces))
    }

    /// [`Phrase::find`] where no anchor of the phrase has been seen: it also checks that
    /// one occurs in the window before the DFA is loaded (as for `unless` phrases, tried
    /// around a match of their rule rather than at their own anchors).
    pub fn find_unanchored(
        &self,
        seen: &Seen,
        text: &str,
        starts: Range<usize>,
        end: usize,
        found: impl FnMut(Range<usize>),
    ) -> usize {
        let window = self.reach(seen, text, &starts, end);
        if !self.anchors.any_in(seen, text, window.clone())
            || !self.others.all_in(seen, text, window.clone())
        {
            return starts.end;
        }
        self.search(text, starts, window.end, &seen.may_start, found)
    }

    /// [`Phrase::find`] without its check for the literals of every required item: tries
    /// the DFA at each start in `starts` where a match may start, the set bits of `may`
    /// (see [`Seen`]).
    fn search(
        &self,
        text: &str,
        starts: Range<usize>,
        end: usize,
        may: &[u64],
        found: impl FnMut(Range<usize>),
    ) -> usize {
        let search = Search {
            text,
            starts,
            end,
            may,
        };
        match self.dfa() {
            Some(Loaded {
                dfa: Dfa::ShippedSparse(d),
                first,
            }) => search.with(d, first, found),
            Some(Loaded {
                dfa: Dfa::ShippedDense(d),
                first,
            }) => search.with(d, first, found),
            Some(Loaded {
                dfa: Dfa::Built(d),
                first,
            }) => search.with(d, first, found),
            None => search.starts.end,
        }
    }
}

/// Reads a DFA serialized when tactful was built, in place and without validating it
/// again (see [`precompiled::Shipped::load`]).
fn load(bytes: precompiled::Shipped) -> Result<Dfa, DeserializeError> {
    Ok(match bytes.load()? {
        precompiled::Loaded::Sparse(d) => Dfa::ShippedSparse(d),
        precompiled::Loaded::Dense(d) => Dfa::ShippedDense(d),
    })
}

fn build(regex: &str) -> Result<Loaded, Box<dense::BuildError>> {
    let dfa = tactful_phrase::build_dfa(regex, false)?;
    Ok(Loaded {
        first: tactful_phrase::first_bytes(&dfa),
        dfa: Dfa::Built(dfa),
    })
}

/// One search of a phrase's DFA: the starts to try, where a match must end by, and the
/// bits of the places a match may start, which the draft's walk found.
struct Search<'t> {
    text: &'t str,
    starts: Range<usize>,
    end: usize,
    may: &'t [u64],
}

impl Search<'_> {
    /// Calls `found` with each match, and returns where the next search may start.
    fn with<A: Automaton>(
        &self,
        dfa: &A,
        first: &[u64; 4],
        mut found: impl FnMut(Range<usize>),
    ) -> usize {
        let (text, end) = (self.text, self.end);
        let bytes = text.as_bytes();
        let mut s = self.starts.start;
        let can_start = |b: u8| first[usize::from(b >> 6)] & (1 << (b & 63)) != 0;
        while let Some(at) = self.next_start(s) {
            s = at;
            if can_start(bytes[s]) {
                let input = Input::new(text).span(s..end).anchored(Anchored::Yes);
                if let Ok(Some(m)) = dfa.try_search_fwd(&input) {
                    let e = m.offset();
                    if e > s && text.is_char_boundary(e) && unicode_edges_ok(text, s, e) {
                        found(s..e);
                        s = e;
                        continue;
                    }
                }
            }
            s += 1;
        }
        s.max(self.starts.end)
    }

    /// The first place at or after `from`, before the end of the starts, where a match
    /// may start.
    fn next_start(&self, from: usize) -> Option<usize> {
        let to = self.starts.end;
        if from >= to {
            return None;
        }
        let bits = self.may;
        let mut w = from / 64;
        let mut word = bits.get(w)? & (!0u64 << (from % 64));
        loop {
            if word != 0 {
                let at = w * 64 + word.trailing_zeros() as usize;
                return (at < to).then_some(at);
            }
            w += 1;
            if w * 64 >= to {
                return None;
            }
            word = *bits.get(w)?;
        }
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True when a match may start at `s`: a character boundary that is not inside an ASCII
/// word. A phrase that starts with an ASCII letter or digit starts at a word boundary, and
/// any other phrase starts with a character that is not one.
fn may_start(text: &str, s: usize) -> bool {
    let b = text.as_bytes();
    text.is_char_boundary(s) && (s == 0 || !(is_word(b[s - 1]) && is_word(b[s])))
}

/// The longest word (in bytes) a match is looked for across: a bound that keeps each
/// window short, so a text of one endless word costs no more per byte than prose.
pub const WORD_REACH: usize = 256;

/// Where a window from `last` ends, counted byte by byte: before the `spaces + 1`-th space
/// at or after it, before any word longer than [`WORD_REACH`] bytes, and by `end`.
fn reach_end(text: &str, last: usize, end: usize, spaces: usize) -> usize {
    let mut seen = 0;
    let mut word = 0;
    for (i, &b) in text.as_bytes()[last..end].iter().enumerate() {
        if b == b' ' {
            seen += 1;
            word = 0;
            if seen > spaces {
                return last + i;
            }
        } else {
            word += 1;
            if word > WORD_REACH {
                return last + i;
            }
        }
    }
    end
}

/// Where a match holding offset `at` may start at the earliest: after the `spaces + 1`-th
/// space before `at`, not before `floor` (the start of its paragraph), and not inside a
/// word longer than [`WORD_REACH`] bytes.
pub fn window_start(text: &str, floor: usize, at: usize, spaces: usize) -> usize {
    let mut seen = 0;
    let mut word = 0;
    for (i, b) in text.as_bytes()[floor..at].iter().enumerate().rev() {
        if *b == b' ' {
            seen += 1;
            word = 0;
            if seen > spaces {
                return floor + i + 1;
            }
        } else {
            word += 1;
            if word > WORD_REACH {
                let mut start = floor + i + 1;
                while !text.is_char_boundary(start) {
                    start += 1;
                }
                return start;
            }
        }
    }
    floor
}

/// The paragraph of folded `text` around offset `at`: phrases never cross a `\n`.
pub fn paragraph(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// All phrases of all rules, indexed by their anchors.
#[derive(Debug)]
pub struct PhraseIndex {
    literals: LiteralTable,
    /// For each literal `a`, the phrases (indexes into `entries`) it anchors are
    /// `anchored[starts[a]..starts[a + 1]]`, in order.
    anchored: Vec<u32>,
    starts: Vec<u32>,
    /// Each phrase with the rule it belongs to.
    entries: Vec<(usize, Phrase)>,
}

/// Every literal a scan looks for: those of the built-in phrases, in an FST read in place
/// from the binary, and those that only a user's phrases have, numbered after them.
struct LiteralTable {
    shipped: fst::raw::Fst<&'static [u8]>,
    /// The number of built-in literals.
    count: usize,
    /// Each user's literal's bytes, and its number.
    extra: HashMap<Box<[u8]>, u32, FxBuildHasher>,
    /// The lengths of the user's literals, ascending, each once.
    lengths: Vec<usize>,
    /// The bytes a literal starts with, as a bit set.
    first: [u64; 4],
}

impl std::fmt::Debug for LiteralTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiteralTable")
            .field("shipped", &self.count)
            .field("extra", &self.extra.len())
            .finish()
    }
}

impl LiteralTable {
    fn new() -> LiteralTable {
        let shipped = precompiled::literals();
        let mut first = [0u64; 4];
        for t in shipped.root().transitions() {
            first[usize::from(t.inp >> 6)] |= 1 << (t.inp & 63);
        }
        LiteralTable {
            count: shipped.len(),
            shipped,
            extra: HashMap::default(),
            lengths: Vec::new(),
            first,
        }
    }

    /// The number of `literal`, numbering it if it is new.
    fn number(&mut self, literal: &str) -> u32 {
        if let Some(out) = self.shipped.get(literal) {
            return out.value() as u32;
        }
        let next = (self.count + self.extra.len()) as u32;
        let bytes = literal.as_bytes();
        if let Some(&b) = bytes.first() {
            self.first[usize::from(b >> 6)] |= 1 << (b & 63);
            if let Err(at) = self.lengths.binary_search(&bytes.len()) {
                self.lengths.insert(at, bytes.len());
            }
        }
        *self.extra.entry(bytes.into()).or_insert(next)
    }

    /// The literals that start at each piece start of `text` (any offset not inside a run
    /// of ASCII letters and digits, where every spelling of a phrase holds one of each of
    /// its required items' literals: see [`tactful_phrase::compile`]), in one walk.
    fn find(&self, text: &str) -> Seen {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let root = self.shipped.root();
        let mut spaces = Vec::new();
        let mut word = 0;
        let mut long_word = false;
        let mut may = vec![0u64; bytes.len().div_ceil(64)];
        let mut hits: Vec<(usize, u32)> = Vec::new();
        for (at, &b) in bytes.iter().enumerate() {
            if may_start(text, at) {
                may[at / 64] |= 1 << (at % 64);
            }
            match b {
                b' ' => {
                    spaces.push(at as u32);
                    word = 0;
                }
                b'\n' => word = 0,
                _ => {
                    word += 1;
                    long_word |= word > WORD_REACH;
                }
            }
            if self.first[usize::from(b >> 6)] & (1 << (b & 63)) == 0 || !piece_start(bytes, at) {
                continue;
            }
            // The literals that start here, with their lengths.
            hits.clear();
            let mut node = root;
            let mut out = fst::raw::Output::zero();
            for (k, &b) in bytes[at..].iter().enumerate() {
                let Some(i) = node.find_input(b) else {
                    break;
                };
                let t = node.transition(i);
                out = out.cat(t.out);
                node = self.shipped.node(t.addr);
                if node.is_final() {
                    hits.push((k + 1, out.cat(node.final_output()).value() as u32));
                }
            }
            if !self.extra.is_empty() {
                for &len in &self.lengths {
                    let Some(piece) = bytes.get(at..at + len) else {
                        break;
                    };
                    if let Some(&i) = self.extra.get(piece) {
                        hits.push((len, i));
                    }
                }
                // Shortest first, a user's literals among the built-in ones (the order
                // decides which phrase a merged finding names).
                hits.sort_by_key(|&(len, _)| len);
            }
            found.extend(hits.iter().map(|&(_, l)| (at, l)));
        }
        // The starts of each built-in literal.
        let (from, starts) = group(
            self.count,
            found
                .iter()
                .filter(|&&(_, l)| (l as usize) < self.count)
                .map(|&(at, l)| (l, at)),
        );
        let fits = u32::try_from(bytes.len()).is_ok();
        Seen {
            found,
            from,
            starts,
            spaces: (fits && !long_word).then_some(spaces),
            may_start: may,
        }
    }
}

/// `pairs` of a key below `keys` and a value, grouped by key in one array (a counting
/// sort), each group in the order given: the values of key `k` are
/// `values[starts[k]..starts[k + 1]]`.
fn group<T: Copy + Default>(
    keys: usize,
    pairs: impl Iterator<Item = (u32, T)> + Clone,
) -> (Vec<u32>, Vec<T>) {
    let mut starts = vec![0u32; keys + 1];
    for (k, _) in pairs.clone() {
        starts[k as usize + 1] += 1;
    }
    for k in 0..keys {
        starts[k + 1] += starts[k];
    }
    let mut fill = starts.clone();
    let mut values = vec![T::default(); starts[keys] as usize];
    for (k, v) in pairs {
        values[fill[k as usize] as usize] = v;
        fill[k as usize] += 1;
    }
    (starts, values)
}

impl PhraseIndex {
    /// Indexes `phrases`, each given with the rule it belongs to.
    pub fn build(phrases: Vec<(usize, Phrase)>) -> PhraseIndex {
        let mut literals = LiteralTable::new();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (i, (_, phrase)) in phrases.iter().enumerate() {
            match &phrase.anchors {
                Literals::Shipped(k) => {
                    pairs.extend(
                        precompiled::set(*k)
                            .iter()
                            .map(|&l| (u32::from(l), i as u32)),
                    );
                }
                Literals::Owned(v) => {
                    for a in v {
                        pairs.push((literals.number(a), i as u32));
                    }
                }
            }
        }
        // Grouped by anchor, each group in phrase order.
        let keys = literals.count + literals.extra.len();
        let (starts, anchored) = group(keys, pairs.into_iter());
        PhraseIndex {
            literals,
            anchored,
            starts,
            entries: phrases,
        }
    }

    /// Finds the phrases of every rule in `folded`, appending each match (in original
    /// offsets) to its rule's list, unsorted, and returns the literals found, which the
    /// rules' antipatterns are checked with. Each anchor found is searched around at once:
    /// anchors come in order of position, so each phrase's windows do too, and the starts
    /// a window shares with the one before it are not tried again. Memory stays one number
    /// per phrase, whatever the text holds.
    pub fn scan(
        &self,
        folded: &Folded,
        out: &mut [Vec<Range<usize>>],
        which: &mut [Vec<u32>],
    ) -> Seen {
        let text = folded.text.as_str();
        let seen = self.literals.find(text);
        // For each phrase, the next start still to try.
        let mut next = vec![0usize; self.entries.len()];
        let mut para = 0..0;
        // Window starts at the current anchor, by lead: phrases with the same lead share one.
        let mut starts: Vec<(usize, usize)> = Vec::new();
        // Per phrase: 0 not yet asked, 1 every required item has a literal somewhere in the
        // text, 2 one has none, so no window can hold a match.
        let mut possible = vec![0u8; self.entries.len()];
        for &(at, literal) in &seen.found {
            let literal = literal as usize;
            let Some(group) = self.starts.get(literal..literal + 2) else {
                continue;
            };
            let group = group[0] as usize..group[1] as usize;
            if group.is_empty() {
                continue;
            }
            if !para.contains(&at) {
                para = folded.paragraph(at);
            }
            starts.clear();
            for &e in &self.anchored[group] {
                let e = e as usize;
                let (rule, phrase) = &self.entries[e];
                if possible[e] == 0 {
                    possible[e] = if phrase.others.all_in(&seen, text, 0..text.len()) {
                        1
                    } else {
                        2
                    };
                }
                if possible[e] == 2 {
                    continue;
                }
                let lo = match starts.iter().find(|(lead, _)| *lead == phrase.lead) {
                    Some(&(_, lo)) => lo,
                    None => {
                        let lo = seen.window_start(text, para.start, at, phrase.lead);
                        starts.push((phrase.lead, lo));
                        lo
                    }
                };
                // Where the last search stopped may be inside a character; no match starts there.
                let mut from = lo.max(next[e]);
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                if from > at {
                    continue;
                }
                next[e] = phrase.find(&seen, text, from..at + 1, para.end, |m| {
                    out[*rule].push(folded.original(m));
                    which[*rule].push(e as u32);
                });
            }
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::builtin;

    /// Every built-in phrase, with the index of its rule: as shipped, or compiled now
    /// as a user's phrase is (`owned`), its literals then found by text.
    fn phrases(owned: bool) -> Vec<(usize, Phrase)> {
        let mut out = Vec::new();
        let mut rule = 0;
        for pack in builtin::packs().unwrap() {
            for def in &pack.rules {
                for p in def.phrases.iter().chain(&def.unless) {
                    let phrase = Phrase::new(&p.value).unwrap();
                    let phrase = match phrase.source {
                        Source::Shipped { text, .. } if owned => Phrase::compiled(text).unwrap(),
                        _ => phrase,
                    };
                    out.push((rule, phrase));
                }
                rule += 1;
            }
        }
        out
    }

    /// Each phrase's matches found by trying its DFA at every start of every paragraph.
    fn everywhere(
        entries: &[(usize, Phrase)],
        folded: &Folded,
        rules: usize,
    ) -> Vec<Vec<Range<usize>>> {
        let mut out = vec![Vec::new(); rules];
        let text = folded.text.as_str();
        // Every place a match may start, marked one by one.
        let mut may = vec![0u64; text.len().div_ceil(64)];
        for s in (0..text.len()).filter(|&s| may_start(text, s)) {
            may[s / 64] |= 1 << (s % 64);
        }
        let mut at = 0;
        while at <= text.len() {
            let para = paragraph(text, at);
            for (rule, phrase) in entries {
                phrase.search(text, para.clone(), para.end, &may, |m| {
                    out[*rule].push(folded.original(m));
                });
            }
            at = para.end + 1;
        }
        out
    }

    /// The index tries a phrase only in the windows its anchors open, and only where the
    /// literals of all its required items occur, and finds exactly what trying it
    /// everywhere finds: over every example of every built-in rule and over
    /// the fixture drafts.
    #[test]
    fn anchored_windows_find_what_a_full_search_finds() {
        anchored_windows_find_what_a_full_search_finds_with(false);
    }

    /// The same, with every phrase compiled as a user's phrase is.
    #[test]
    fn a_users_phrases_find_what_a_full_search_finds() {
        anchored_windows_find_what_a_full_search_finds_with(true);
    }

    fn anchored_windows_find_what_a_full_search_finds_with(owned: bool) {
        let entries = phrases(owned);
        let rules = entries.iter().map(|(r, _)| r + 1).max().unwrap();
        let index = PhraseIndex::build(phrases(owned));
        let mut texts: Vec<String> = Vec::new();
        for pack in builtin::packs().unwrap() {
            for def in &pack.rules {
                texts.extend(def.bad.iter().chain(&def.good).map(|e| e.value.to_string()));
            }
        }
        let cases = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/cases");
        for f in std::fs::read_dir(cases).unwrap() {
            let path = f.unwrap().path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md")
            ) {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        // Spellings that join or split a word's pieces, where an anchor starts a piece
        // only in some of them.
        texts.extend(
            [
                "Noone has replied to my emails. No-one has replied. No one e-mailed back.",
                "I have emailed you twice and e mailed your team. I've e-mailed three times.",
                "I wasn't told anything. I was nt told. I'd hoped to hear. Id hoped to hear.",
                "Its been three weeks and. It’s been three weeks and. Hello? Anyone there?",
            ]
            .map(String::from),
        );
        // A word longer than a window reaches: window edges are counted byte by byte.
        texts.push(format!(
            "{} I haven't heard back from you since Monday, as I said.",
            "x".repeat(WORD_REACH + 40)
        ));
        assert!(texts.len() > 150, "{} texts", texts.len());
        let mut found = 0;
        for text in &texts {
            let folded = Folded::new(text);
            let mut scanned = vec![Vec::new(); rules];
            let seen = index.scan(&folded, &mut scanned, &mut vec![Vec::new(); rules]);
            let mut full = everywhere(&entries, &folded, rules);
            for (a, b) in scanned.iter_mut().zip(&mut full) {
                a.sort_by_key(|r| (r.start, r.end));
                b.sort_by_key(|r| (r.start, r.end));
                a.dedup();
                b.dedup();
                found += b.len();
            }
            assert_eq!(scanned, full, "in {text:?}");
            // Searched without an anchor hit (as `unless` phrases are), each phrase still
            // finds what trying it everywhere finds.
            let mut unanchored = vec![Vec::new(); rules];
            let mut at = 0;
            while at <= folded.text.len() {
                let para = paragraph(&folded.text, at);
                for (rule, phrase) in &entries {
                    phrase.find_unanchored(&seen, &folded.text, para.clone(), para.end, |m| {
                        unanchored[*rule].push(folded.original(m));
                    });
                }
                at = para.end + 1;
            }
            for list in &mut unanchored {
                list.sort_by_key(|r| (r.start, r.end));
                list.dedup();
            }
            assert_eq!(unanchored, full, "unanchored, in {text:?}");
        }
        assert!(found > 300, "{found} matches");
    }

    /// The first match of `phrase` in `text`, found the way drafts are scanned: with its
    /// DFA, over the folded text, mapped back to the original. The tests below check the
    /// phrase compiler's spellings (contractions, fillers, punctuation, gaps, word edges)
    /// and the folding of the text together, as a run meets them.
    fn finds(phrase: &str, text: &str) -> Option<String> {
        let compiled = tactful_phrase::compile(phrase).unwrap();
        let dfa = Phrase::new(phrase).unwrap();
        let folded = Folded::new(text);
        let seen = LiteralTable::new().find(&folded.text);
        let mut found = None;
        let mut at = 0;
        while found.is_none() && at <= folded.text.len() {
            let para = paragraph(&folded.text, at);
            dfa.find(&seen, &folded.text, para.clone(), para.end, |m| {
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
}
