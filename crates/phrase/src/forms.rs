//! English forms: a contraction and its written-out words are one phrase word ("did not" is
//! `didn't`, "you are" is `you're`), and a contraction's tail (`'ve`, `'ll`) stands for its
//! auxiliary. The regex of each form is written by `emit`, its anchors chosen by `anchors`.

use crate::fold::APOSTROPHES;
use crate::syntax::Item;

/// `s` with every apostrophe people type made `'`, as the folded text has it.
pub(crate) fn normalize_apostrophes(s: &str) -> String {
    s.chars()
        .map(|c| if APOSTROPHES.contains(&c) { '\'' } else { c })
        .collect()
}

/// Auxiliaries whose "X not" is also written "Xn't".
const NOT_AUX: &[&str] = &[
    "do", "does", "did", "have", "has", "had", "is", "are", "was", "were", "could", "would",
    "should", "must", "need", "might",
];
/// Pronouns that contract with a following auxiliary ("you are" / "you're").
pub(crate) const PRONOUNS: &[&str] = &[
    "i", "you", "we", "they", "he", "she", "it", "that", "there", "what", "who", "here",
];

/// The auxiliary a contraction's tail stands for: `'ve` is "have".
pub(crate) fn clitic_aux(tail: &str) -> Option<&'static str> {
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
pub(crate) fn fold_expansions(items: Vec<Item>) -> Vec<Item> {
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

#[cfg(test)]
mod tests {
    /// A phrase written out and the same phrase contracted compile to one regex.
    #[test]
    fn written_out_forms_compile_as_their_contraction() {
        let regex = |p: &str| crate::compile(p).unwrap().regex;
        assert_eq!(regex("I did not hear"), regex("I didn't hear"));
        assert_eq!(regex("I cannot"), regex("I can't"));
        assert_eq!(regex("you are late"), regex("you're late"));
        assert_eq!(regex("it has been"), regex("it's been"));
        assert_eq!(regex("I am late"), regex("I’m late"));
    }
}
