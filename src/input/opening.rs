//! The opening of a draft: the first sentences after the greeting line ("Hi Jane,",
//! "Dear Ms. Lee,"), which is where the coach wants the pleasantry. Sentence segmentation
//! (Unicode UAX #29) runs only here, and only when a rule asks for the opening.

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::dfa::{dense, Automaton};
use regex_automata::{Anchored, Input};
use tactful_phrase::{build_dense, greeting};
use unicode_segmentation::UnicodeSegmentation;

use super::{lines_in, Format};
use crate::rules::precompiled::{Aligned, Loaded, Shipped};

/// Where the opening starts in the lint text: after leading blank lines, header-like lines
/// ("Subject: …"), Markdown headings and the greeting.
pub(super) fn start(source: &str, text: &str, body_start: usize, format: Format) -> usize {
    for (start, end, next) in lines_in(text, body_start..text.len()) {
        let line = &text[start..end];
        let trimmed = line.trim();
        if trimmed.is_empty() || header_like(trimmed) {
            continue;
        }
        if format == Format::Markdown && source[start..end].trim_start().starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        return match greeting().find(trimmed) {
            Some(m) => {
                let after = start + indent + m;
                let rest = &text[after..end];
                if rest.trim().is_empty() {
                    // The greeting is the whole line: the opening is on the next lines.
                    first_word_at_or_after(text, next)
                } else {
                    after + (rest.len() - rest.trim_start().len())
                }
            }
            None => start + indent,
        };
    }
    text.len()
}

fn first_word_at_or_after(text: &str, from: usize) -> usize {
    let from = from.min(text.len());
    let rest = &text[from..];
    from + (rest.len() - rest.trim_start().len())
}

/// The range covered by the first `n` sentences from `start`, within the paragraph-aware
/// text (single line breaks of hard-wrapped drafts do not end a sentence).
pub(super) fn sentences(text: &str, start: usize, n: usize) -> Range<usize> {
    let start = start.min(text.len());
    // Look at a bounded window: an opening is a few lines, not a whole letter.
    let mut end = (start + 1500).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[start..end];
    // Join hard-wrapped lines without moving any byte: a lone line break becomes a space.
    let bytes = window.as_bytes();
    let mut joined = bytes.to_vec();
    for i in 0..bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            let prev_nl = i > 0
                && matches!(
                    bytes[..i]
                        .iter()
                        .rev()
                        .find(|b| !matches!(b, b' ' | b'\t' | b'\r')),
                    Some(b'\n')
                );
            let next_nl = bytes[i + 1..]
                .iter()
                .find(|b| !matches!(b, b' ' | b'\t' | b'\r'))
                == Some(&b'\n');
            if !prev_nl && !next_nl {
                joined[i] = b' ';
            }
        }
    }
    let joined = String::from_utf8(joined).unwrap_or_else(|_| window.to_string());
    let mut count = 0;
    let mut last_end = 0;
    for (i, s) in joined.split_sentence_bound_indices() {
        if s.trim().is_empty() {
            continue;
        }
        if count > 0 && is_sign_off_line(window, i) {
            // "Thanks!" on its own line after the ask closes the letter; it is not part
            // of the opening.
            break;
        }
        count += 1;
        last_end = i + s.trim_end().len();
        if count == n {
            break;
        }
    }
    start..start + last_end
}

/// Sign-offs that close a letter when they stand alone on a line ("Thanks!", "Best,").
const SIGN_OFFS: &[&str] = &[
    "thanks",
    "thank you",
    "many thanks",
    "thanks again",
    "thank you again",
    "thanks so much",
    "thank you so much",
    "thanks a lot",
    "thanks in advance",
    "thank you in advance",
    "with thanks",
    "best",
    "all the best",
    "best regards",
    "regards",
    "kind regards",
    "warm regards",
    "warmest regards",
    "best wishes",
    "cheers",
    "sincerely",
    "yours",
    "yours truly",
    "yours sincerely",
    "take care",
    "talk soon",
    "warmly",
    "respectfully",
    "gratefully",
];

/// The sign-off lines that close the letter in `text[body]` ("Thanks,", "Best regards,"
/// alone on a line after the author's words, with only a few short lines after it: a name,
/// a title, a phone number, or a P.S.). A thank-you there closes the letter; it is not the
/// pleasantry the coach asks for.
pub(super) fn sign_offs(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let lines: Vec<(usize, usize, usize)> = lines_in(text, body).collect();
    let mut out = Vec::new();
    let mut seen_words = false;
    for (i, &(start, end, _)) in lines.iter().enumerate() {
        if text[start..end].trim().is_empty() {
            continue;
        }
        if seen_words && is_sign_off_line(text, start) {
            // Only the lines right after it matter: a few short ones close the letter.
            let after: Vec<&str> = lines[i + 1..]
                .iter()
                .map(|&(s, e, _)| text[s..e].trim())
                .filter(|l| !l.is_empty())
                .take(5)
                .collect();
            let closing = after.first().is_some_and(|l| {
                let l = l.to_ascii_lowercase();
                l.starts_with("p.s") || l.starts_with("ps ") || l.starts_with("ps:")
            }) || (after.len() <= 4 && after.iter().all(|l| l.chars().count() < 80));
            if closing {
                out.push(start..end);
            }
        }
        seen_words = true;
    }
    out
}

/// True when the line that starts at byte `at` of `window` is a sign-off alone.
fn is_sign_off_line(window: &str, at: usize) -> bool {
    let before = window[..at].trim_end_matches([' ', '\t']);
    if !(before.is_empty() || before.ends_with('\n')) {
        return false;
    }
    let line = window[at..].split('\n').next().unwrap_or("");
    let words = line
        .trim()
        .trim_end_matches(['!', ',', '.', '-', ':'])
        .trim_end();
    SIGN_OFFS.iter().any(|s| s.eq_ignore_ascii_case(words))
}

/// The greeting line's DFA ([`greeting::PATTERN`]): built with tactful and read from the
/// binary, or compiled here should those bytes not load.
enum Greeting {
    Shipped(dense::DFA<&'static [u32]>),
    Built(dense::DFA<Vec<u32>>),
}

impl Greeting {
    /// The end of the greeting that starts `line`, if it starts with one.
    fn find(&self, line: &str) -> Option<usize> {
        let input = Input::new(line).anchored(Anchored::Yes);
        let found = match self {
            Greeting::Shipped(dfa) => dfa.try_search_fwd(&input),
            Greeting::Built(dfa) => dfa.try_search_fwd(&input),
        };
        found.ok().flatten().map(|m| m.offset())
    }
}

/// The greeting's dense DFA as `build.rs` serialized it (empty if it did not build).
static SHIPPED: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/greeting.dfa")),
};

fn greeting() -> &'static Greeting {
    static DFA: OnceLock<Greeting> = OnceLock::new();
    DFA.get_or_init(|| match Shipped::Dense(&SHIPPED.bytes).load() {
        Ok(Loaded::Dense(dfa)) => Greeting::Shipped(dfa),
        _ => Greeting::Built(
            build_dense(greeting::PATTERN, false).expect("greeting pattern compiles"),
        ),
    })
}

/// A line that looks like a mail header pasted into a draft ("Subject: …").
fn header_like(line: &str) -> bool {
    const NAMES: [&str; 7] = ["subject", "to", "from", "cc", "bcc", "date", "re"];
    let Some((name, rest)) = line.split_once(':') else {
        return false;
    };
    rest.starts_with(char::is_whitespace) && NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped greeting DFA, read in place unchecked, is one the validating reader
    /// accepts whole.
    #[test]
    fn shipped_greeting_validates() {
        let (_, read) = dense::DFA::from_bytes(&SHIPPED.bytes).expect("greeting DFA shipped");
        assert_eq!(read, SHIPPED.bytes.len());
        assert!(matches!(greeting(), Greeting::Shipped(_)));
    }

    /// The DFA built with tactful loads, and finds what the pattern compiled now finds.
    #[test]
    fn the_shipped_greeting_is_the_pattern() {
        assert!(matches!(greeting(), Greeting::Shipped(_)));
        let built = Greeting::Built(build_dense(greeting::PATTERN, false).unwrap());
        for (line, end) in [
            ("Hi Jane,", Some(8)),
            ("Dear Ms. Lee, thanks for your time.", Some(13)),
            ("Good morning team:", Some(18)),
            ("Hey there! Quick question.", Some(10)),
            ("Jane,", Some(5)),
            ("To whom it may concern,", Some(23)),
            ("Hiring is slow this year, I know.", None),
            ("I hope you are well.", None),
            ("Chère Amélie,", Some(15)),
        ] {
            assert_eq!(greeting().find(line), end, "{line}");
            assert_eq!(built.find(line), end, "{line}");
        }
    }
}
