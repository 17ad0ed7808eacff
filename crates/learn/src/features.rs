//! The features of a sentence, each a 64-bit hash and the tokens it stands on (so a
//! finding can say which words weighed most):
//!
//! - each word, and each word's class when it has one;
//! - each pair of neighbouring words, with the sentence's start and end as words, and the
//!   same pairs with a class in place of a word ("never" + "replied" also counts as
//!   `negation` + "replied");
//! - pairs of words one word apart ("not … back"), as words and as classes;
//! - letter groups of three inside each word (`<di`, `did`, `idn`, `dnt`, `nt>`), so a
//!   misspelt or phone-typed word ("didnt", "respnse") still resembles the word it is.

use crate::tokens::{hash_bytes, Token};

/// Which families of features a model uses (all, by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub words: bool,
    pub pairs: bool,
    pub classes: bool,
    pub skips: bool,
    pub letters: bool,
}

impl Default for Options {
    /// Words, pairs, classes and pairs one word apart. Letter groups are off: on the
    /// development sentences they cost more false alarms than the misspellings they catch.
    fn default() -> Self {
        Options {
            words: true,
            pairs: true,
            classes: true,
            skips: true,
            letters: false,
        }
    }
}

impl Options {
    pub fn to_bits(self) -> u32 {
        u32::from(self.words)
            | u32::from(self.pairs) << 1
            | u32::from(self.classes) << 2
            | u32::from(self.skips) << 3
            | u32::from(self.letters) << 4
    }

    pub fn from_bits(b: u32) -> Options {
        Options {
            words: b & 1 != 0,
            pairs: b & 2 != 0,
            classes: b & 4 != 0,
            skips: b & 8 != 0,
            letters: b & 16 != 0,
        }
    }
}

/// One feature: its hash, and the tokens (by index) it stands on; `a == b` for a feature
/// of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature {
    pub hash: u64,
    pub a: u16,
    pub b: u16,
}

/// The sentence's start and end, as words of the pairs.
const START: u64 = 0x5354_4152_5421;
const END: u64 = 0x454e_4421;

/// splitmix64's finalizer: every input bit moves every output bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn combine(tag: u64, x: u64, y: u64) -> u64 {
    mix(mix(x ^ tag.wrapping_mul(0x9e37_79b9_7f4a_7c15)) ^ y.rotate_left(17))
}

/// Appends the features of `tokens` (one sentence, at most `u16::MAX` tokens) to `out`;
/// `class` gives a word's class hash, if it has one.
pub fn extract(
    tokens: &[Token],
    class: impl Fn(u64) -> Option<u64>,
    opts: Options,
    out: &mut Vec<Feature>,
) {
    let n = tokens.len().min(usize::from(u16::MAX));
    let classes: Vec<Option<u64>> = if opts.classes {
        tokens[..n].iter().map(|t| class(t.hash)).collect()
    } else {
        vec![None; n]
    };
    let one = |hash, i: usize| Feature {
        hash,
        a: i as u16,
        b: i as u16,
    };
    let two = |hash, i: usize, j: usize| Feature {
        hash,
        a: i as u16,
        b: j as u16,
    };
    for i in 0..n {
        let w = tokens[i].hash;
        if opts.words {
            out.push(one(combine(1, w, 0), i));
        }
        if let Some(c) = classes[i] {
            out.push(one(combine(2, c, 0), i));
        }
        if opts.letters && tokens[i].form.len() >= 3 {
            let form = tokens[i].form.as_bytes();
            let mut padded = Vec::with_capacity(form.len() + 2);
            padded.push(b'<');
            padded.extend_from_slice(form);
            padded.push(b'>');
            for g in padded.windows(3) {
                out.push(one(hash_bytes(0x006c_6574_7465_7273, g), i));
            }
        }
    }
    if opts.pairs {
        // Pairs with the start and the end stand on their one real token.
        for i in 0..=n {
            let (x, xi) = if i == 0 {
                (START, 0)
            } else {
                (tokens[i - 1].hash, i - 1)
            };
            let (y, yi) = if i == n {
                (END, n.saturating_sub(1))
            } else {
                (tokens[i].hash, i)
            };
            if n == 0 {
                break;
            }
            out.push(two(combine(3, x, y), xi, yi));
            if opts.classes {
                let cx = if i == 0 { None } else { classes[i - 1] };
                let cy = if i == n { None } else { classes[i] };
                if let Some(cx) = cx {
                    out.push(two(combine(4, cx, y), xi, yi));
                }
                if let Some(cy) = cy {
                    out.push(two(combine(5, x, cy), xi, yi));
                }
                if let (Some(cx), Some(cy)) = (cx, cy) {
                    out.push(two(combine(6, cx, cy), xi, yi));
                }
            }
        }
    }
    if opts.skips {
        for i in 0..n.saturating_sub(2) {
            let (x, y) = (tokens[i].hash, tokens[i + 2].hash);
            out.push(two(combine(7, x, y), i, i + 2));
            let gx = classes[i].unwrap_or(x);
            let gy = classes[i + 2].unwrap_or(y);
            if (gx, gy) != (x, y) {
                out.push(two(combine(8, gx, gy), i, i + 2));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{hash_word, tokens};

    /// The hash of the feature of word `w`.
    fn word(w: &str) -> u64 {
        combine(1, hash_word(w), 0)
    }

    fn features(text: &str, opts: Options) -> Vec<Feature> {
        let mut toks = Vec::new();
        tokens(text, 0..text.len(), true, &mut toks);
        let mut out = Vec::new();
        extract(&toks, |_| None, opts, &mut out);
        out
    }

    #[test]
    fn each_family_adds_its_features() {
        let words = Options {
            words: true,
            pairs: false,
            classes: false,
            skips: false,
            letters: false,
        };
        assert_eq!(features("still no reply", words).len(), 3);
        let pairs = Options {
            pairs: true,
            ..words
        };
        // Three words, four pairs (with the start and the end).
        assert_eq!(features("still no reply", pairs).len(), 7);
        let f = features("no reply", pairs);
        assert_eq!((f[2].a, f[2].b), (0, 0));
        assert_eq!((f[3].a, f[3].b), (0, 1));
        assert_eq!(features("no", words)[0].hash, word("no"));
        assert!(features("", Options::default()).is_empty());
    }

    #[test]
    fn the_same_words_give_the_same_features() {
        let a = features("You never replied.", Options::default());
        let b = features("you NEVER replied", Options::default());
        assert_eq!(a, b);
    }
}
