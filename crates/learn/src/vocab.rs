//! Word classes: named lists of words that count as one ("never", "not", "didnt" are all
//! `negation`), so what the model learns of one word carries to the others of its class.

use crate::tokens::{fold_word, hash_word};

/// The hash that stands for class `name` among a sentence's features.
pub fn class_hash(name: &str) -> u64 {
    hash_word(&format!("#class:{name}"))
}

/// Words and the class each belongs to, by hash, sorted by word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocab {
    pub(crate) entries: Vec<(u64, u64)>,
}

impl Vocab {
    /// The classes in the order given; a word listed in two classes belongs to the first.
    /// Words are folded as tokens are (case, apostrophes); an entry of several words is
    /// skipped, as a sentence's tokens are single words.
    pub fn new<'a>(classes: impl IntoIterator<Item = (&'a str, &'a [String])>) -> Vocab {
        let mut entries: Vec<(u64, u64)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (name, words) in classes {
            let class = class_hash(name);
            for w in words {
                let folded = fold_word(w.trim());
                if folded.is_empty() || folded.contains(char::is_whitespace) {
                    continue;
                }
                let h = hash_word(&folded);
                if seen.insert(h) {
                    entries.push((h, class));
                }
            }
        }
        entries.sort_unstable();
        Vocab { entries }
    }

    /// The classes of a pack's `vocab` that a learned rule's model uses: all but the rule's
    /// `context`, which says where the rule applies, not what it flags.
    pub fn for_rule<'a>(
        classes: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>,
        context: Option<&str>,
    ) -> Vocab {
        Vocab::new(
            classes
                .into_iter()
                .filter(|(k, _)| Some(k.as_str()) != context)
                .map(|(k, v)| (k.as_str(), &v[..])),
        )
    }

    pub fn class(&self, word: u64) -> Option<u64> {
        self.entries
            .binary_search_by_key(&word, |e| e.0)
            .ok()
            .map(|i| self.entries[i].1)
    }
}
