//! `avoid` rules: flag every phrase or pattern match in the author's text. A match that one
//! of the rule's `unless` antipatterns overlaps ("sorry I didn't get back to you sooner")
//! was already dropped by the scan.

use std::ops::Range;

use crate::finding::Finding;

use super::{finding, Matches, Rule};

/// Each match is a finding that names the phrase that made it.
/// A rule with a `context` reports nothing in a draft outside it.
pub fn check(rule: &Rule, text: &str, matches: &Matches, index: usize, out: &mut Vec<Finding>) {
    if matches.of(index).is_empty() || !rule.in_context(text) {
        return;
    }
    for (k, m) in matches.of(index).iter().enumerate() {
        if !is_mention(text, m) {
            let mut f = finding(rule, m.clone(), None);
            f.phrase = matches
                .phrase(index, k)
                .and_then(|p| rule.def.phrases.get(p))
                .map(|p| p.value.as_ref().into());
            out.push(f);
        }
    }
}

/// Words after which a quoted phrase names a thing rather than says it.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "any", "no", "my", "your", "our", "their",
    "his", "her", "its",
];

/// True when the match `m` of `text` is a phrase mentioned, not used: it stands inside
/// double quotes that follow a determiner, as in `a "you forgot to attach" plugin` or
/// `the "per my last email" tone`. Said to the reader, the same words are not quoted so.
fn is_mention(text: &str, m: &Range<usize>) -> bool {
    // A mention is a short phrase: its quote opens at most this far before the match.
    const REACH: usize = 200;
    let mut from = m.start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let line_start = text[from..m.start]
        .rfind('\n')
        .map_or(from, |i| from + i + 1);
    let before = &text[line_start..m.start];
    let Some((open, quote)) = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '"' | '\u{201c}' | '\u{201d}'))
    else {
        return false;
    };
    // A closing quote, or a sentence ended since the quote opened: not inside one phrase.
    if quote == '\u{201d}' || before[open..].contains(['.', '!', '?']) {
        return false;
    }
    let mut reach = (m.end + REACH).min(text.len());
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let line_end = text[m.end..reach].find('\n').map_or(reach, |i| m.end + i);
    let closed = text[m.end..line_end]
        .find(['"', '\u{201d}'])
        .is_some_and(|i| !text[m.end..m.end + i].contains(['.', '!', '?']));
    let word = before[..open]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    closed && DETERMINERS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::is_mention;

    fn mention(text: &str, words: &str) -> bool {
        let at = text.find(words).unwrap();
        is_mention(text, &(at..at + words.len()))
    }

    #[test]
    fn quoted_phrases_after_a_determiner_are_mentions() {
        assert!(mention(
            "we need a \"you forgot to attach\" plugin",
            "you forgot to"
        ));
        assert!(mention(
            "I hate the \u{201c}per my last email\u{201d} tone.",
            "per my last email"
        ));
        // Quoted at the reader, or quoting what was said, is not a mention.
        assert!(!mention(
            "\"You forgot to reply,\" I thought.",
            "You forgot to"
        ));
        assert!(!mention(
            "You said \"you would get back to me\" by now.",
            "you would get back to me"
        ));
        assert!(!mention(
            "Per my last email, you forgot to reply.",
            "you forgot to"
        ));
        assert!(!mention(
            "a \"note. You forgot to reply\" here",
            "You forgot to"
        ));
    }
}
