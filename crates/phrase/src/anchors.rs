//! Anchors and required words: which items of a phrase every match holds, the literals
//! each of them is found by (a draft without any of an item's literals holds no match),
//! and how many spaces a match spans at most, so the scan knows how far before an anchor
//! a match may start.

use crate::emit::GAP_WORDS;
use crate::forms::PRONOUNS;
use crate::syntax::Item;

/// An upper bound on the spaces inside a match of `items` (see
/// [`emit_sequence`](crate::emit::emit_sequence)): two between items (one more around a
/// filler), one inside a contraction's expansion or per hyphen of a word, and one per word
/// of a gap.
pub(crate) fn max_spaces(items: &[Item]) -> usize {
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
pub(crate) fn required(seq: &[Item]) -> Vec<(usize, Vec<String>)> {
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

/// Literals of which every spelling of `w` (see [`emit_word`](crate::emit::emit_word))
/// holds one at a piece start: after a space, an apostrophe or a hyphen. For a word of
/// several pieces, the longest piece, or it joined to the pieces before it, since the
/// hyphen or apostrophe between them may be left out: "e-mail" gives "mail" and "email".
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

/// True when `item` may match nothing at all.
pub(crate) fn can_be_empty(item: &Item) -> bool {
    match item {
        Item::Optional(_) | Item::Gap => true,
        Item::Group(alts) => alts.iter().any(|alt| alt.iter().all(can_be_empty)),
        Item::Word(_) | Item::Punct(_) | Item::Clitic(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::compile;

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
}
