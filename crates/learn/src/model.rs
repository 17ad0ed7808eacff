//! A trained model as bytes: a short header, the word classes, then one weight per hash
//! bucket. A run reads a built-in model in place, from the bytes the build wrote; a user's
//! model is the same bytes, made when their pack loads. All numbers are little-endian.
//!
//! ```text
//! "TFLM" version:u32 bits:u32 options:u32 bias:f32 classes:u32
//! classes × (word:u64 class:u64), sorted by word
//! 2^bits × weight:f32
//! ```

use std::borrow::Cow;
use std::ops::Range;

use crate::features::{extract, Feature, Options};
use crate::math;
use crate::tokens::{self, Token};
use crate::vocab::Vocab;

/// Bumped whenever features or the layout change, so old bytes are refused, not misread.
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 4] = b"TFLM";
const HEADER: usize = 24;

/// The bytes of a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weights(pub Cow<'static, [u8]>);

/// A model ready to score sentences.
#[derive(Debug, Clone)]
pub struct Model {
    bytes: Weights,
    bits: u32,
    options: Options,
    bias: f32,
    classes: usize,
}

/// What drove a sentence's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    /// The probability the model gives the sentence.
    pub score: f64,
    /// The words that weigh most for it: the run of tokens of one clause whose weights sum
    /// highest.
    pub words: Range<usize>,
    /// Runs of other clauses of the sentence that weigh nearly as much, in order.
    pub also: Vec<Range<usize>>,
    /// Each token's span and its share of the score.
    pub tokens: Vec<(Range<usize>, f32)>,
}

impl Explained {
    /// Every run a finding underlines: [`Explained::words`], then [`Explained::also`].
    pub fn underlined(&self) -> impl Iterator<Item = &Range<usize>> {
        std::iter::once(&self.words).chain(&self.also)
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"))
}

fn f32_at(b: &[u8], at: usize) -> f32 {
    f32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"))
}

impl Model {
    /// Lays out a model's bytes.
    pub(crate) fn encode(
        bits: u32,
        options: Options,
        bias: f32,
        vocab: &Vocab,
        weights: &[f32],
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + vocab.entries.len() * 16 + weights.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&bits.to_le_bytes());
        out.extend_from_slice(&options.to_bits().to_le_bytes());
        out.extend_from_slice(&bias.to_le_bytes());
        out.extend_from_slice(&(vocab.entries.len() as u32).to_le_bytes());
        for (w, c) in &vocab.entries {
            out.extend_from_slice(&w.to_le_bytes());
            out.extend_from_slice(&c.to_le_bytes());
        }
        for w in weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads the header of a model's bytes, checking that the rest is as long as it says.
    pub fn from_bytes(bytes: impl Into<Cow<'static, [u8]>>) -> Result<Model, String> {
        let bytes = bytes.into();
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return Err("not a tactful model".into());
        }
        let version = u32_at(&bytes, 4);
        if version != FORMAT_VERSION {
            return Err(format!(
                "a model of format {version}; this build reads format {FORMAT_VERSION}"
            ));
        }
        let bits = u32_at(&bytes, 8);
        let classes = u32_at(&bytes, 20) as usize;
        if !(4..=24).contains(&bits) {
            return Err(format!("a model of 2^{bits} weights"));
        }
        let want = HEADER + classes * 16 + (4usize << bits);
        if bytes.len() != want {
            return Err(format!(
                "{} bytes where the header says {want}",
                bytes.len()
            ));
        }
        Ok(Model {
            bits,
            options: Options::from_bits(u32_at(&bytes, 12)),
            bias: f32_at(&bytes, 16),
            classes,
            bytes: Weights(bytes),
        })
    }

    /// Whether the model's features need each word's folded form (letter groups).
    pub fn needs_forms(&self) -> bool {
        self.options.letters
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes.0
    }

    /// Whether one of `tokens` belongs to one of `classes` (hashes from [`class_hash`]).
    pub fn has_class(&self, tokens: &[Token], classes: &[u64]) -> bool {
        tokens
            .iter()
            .any(|t| self.class(t.hash).is_some_and(|c| classes.contains(&c)))
    }

    /// The class of a word, by binary search in the model's own table.
    fn class(&self, word: u64) -> Option<u64> {
        let b = &self.bytes.0;
        let (mut lo, mut hi) = (0, self.classes);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let at = HEADER + mid * 16;
            match u64_at(b, at).cmp(&word) {
                std::cmp::Ordering::Equal => return Some(u64_at(b, at + 8)),
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    fn weight(&self, hash: u64) -> f32 {
        let bucket = (hash >> (64 - self.bits)) as usize;
        f32_at(&self.bytes.0, HEADER + self.classes * 16 + bucket * 4)
    }

    /// The features of `tokens`, into `out` (cleared first).
    pub fn features(&self, tokens: &[Token], out: &mut Vec<Feature>) {
        out.clear();
        extract(tokens, |w| self.class(w), self.options, out);
    }

    /// The raw score (log-odds) of a sentence's tokens.
    pub fn logit(&self, tokens: &[Token], scratch: &mut Vec<Feature>) -> f32 {
        self.features(tokens, scratch);
        self.bias + scratch.iter().map(|f| self.weight(f.hash)).sum::<f32>()
    }

    /// The score of `sentence` (a range of `text`), with each token's share of it and the
    /// run of tokens that weighs most.
    pub fn explain(&self, text: &str, sentence: Range<usize>) -> Explained {
        let mut toks = Vec::new();
        tokens::tokens(text, sentence.clone(), self.options.letters, &mut toks);
        self.explain_tokens(text, &toks, sentence)
    }

    /// [`Model::explain`] of tokens already cut from `text`; `fallback` is the span when
    /// there are none.
    pub fn explain_tokens(&self, text: &str, toks: &[Token], fallback: Range<usize>) -> Explained {
        let mut feats = Vec::new();
        let z = self.logit(toks, &mut feats);
        let mut share = vec![0f32; toks.len()];
        for f in &feats {
            let w = self.weight(f.hash);
            if f.a == f.b {
                share[usize::from(f.a)] += w;
            } else {
                share[usize::from(f.a)] += w / 2.0;
                share[usize::from(f.b)] += w / 2.0;
            }
        }
        let starts = tokens::clause_starts(text, toks);
        let runs = heaviest_runs(&share, &starts);
        let bytes = |r: &Range<usize>| toks[r.start].span.start..toks[r.end - 1].span.end;
        Explained {
            score: math::sigmoid(f64::from(z)),
            words: runs.first().map_or(fallback, bytes),
            also: runs.iter().skip(1).map(bytes).collect(),
            tokens: toks.iter().map(|t| t.span.clone()).zip(share).collect(),
        }
    }
}

/// A clause weighing at least this much (in log-odds), and at least half as much as the
/// heaviest, is underlined as well: a sentence can blame twice.
const ALSO_WEIGHT: f32 = 2.5;

/// The run of tokens whose shares sum highest within one clause (`starts[i]`: a clause
/// starts at token `i`), found by Kadane's algorithm restarted at each clause, then the
/// heaviest runs of other clauses that weigh nearly as much, in order of the text.
fn heaviest_runs(share: &[f32], starts: &[bool]) -> Vec<Range<usize>> {
    // The heaviest run of each clause.
    let mut per_clause: Vec<(f32, Range<usize>)> = Vec::new();
    let mut best: Option<(f32, Range<usize>)> = None;
    let (mut sum, mut from) = (0f32, 0);
    for (i, &s) in share.iter().enumerate() {
        let new_clause = starts.get(i).copied().unwrap_or(false);
        if new_clause {
            per_clause.extend(best.take());
        }
        if sum <= 0.0 || new_clause {
            sum = 0.0;
            from = i;
        }
        sum += s;
        if sum > 0.0 && best.as_ref().is_none_or(|b| sum > b.0) {
            best = Some((sum, from..i + 1));
        }
    }
    per_clause.extend(best);
    let Some(top) = per_clause
        .iter()
        .enumerate()
        .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
    else {
        return Vec::new();
    };
    let floor = ALSO_WEIGHT.max(per_clause[top].0 / 2.0);
    let mut out = vec![per_clause[top].1.clone()];
    out.extend(
        per_clause
            .iter()
            .enumerate()
            .filter(|&(i, c)| i != top && c.0 >= floor)
            .map(|(_, c)| c.1.clone()),
    );
    out
}

/// The score below which a probability `p` is not reached, as a log-odds threshold.
pub fn threshold_logit(p: f64) -> f32 {
    math::logit(p) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_runs_are_found() {
        let none = [false; 6];
        let share = [-1.0, 2.0, -0.5, 1.0, -3.0, 1.0];
        assert_eq!(
            heaviest_runs(&share, &none),
            std::iter::once(1..4).collect::<Vec<_>>()
        );
        assert!(heaviest_runs(&[-1.0, -2.0], &none).is_empty());
        assert!(heaviest_runs(&[], &none).is_empty());
        // It stays within a clause; a light second clause is not underlined.
        let starts = [true, false, false, true, false, false];
        assert_eq!(
            heaviest_runs(&share, &starts),
            std::iter::once(1..2).collect::<Vec<_>>()
        );
        // A second clause weighing nearly as much is, in order of the text.
        let share = [2.0, 1.0, -2.0, 3.0, 1.0, -4.0];
        assert_eq!(heaviest_runs(&share, &starts), [3..5, 0..2]);
        assert_eq!(
            heaviest_runs(&share, &none),
            std::iter::once(0..5).collect::<Vec<_>>()
        );
    }

    #[test]
    fn bytes_of_the_wrong_shape_are_refused() {
        assert!(Model::from_bytes(b"nope".to_vec()).is_err());
        let good = Model::encode(4, Options::default(), 0.5, &Vocab::default(), &[0.0; 16]);
        assert!(Model::from_bytes(good.clone()).is_ok());
        assert!(Model::from_bytes(good[..good.len() - 4].to_vec()).is_err());
    }
}
