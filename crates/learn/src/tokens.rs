//! Sentences and their words, read straight from the text as written: no copy of the text
//! is made, and every token keeps its byte range so a finding can underline it.
//!
//! A word is a run of letters and digits; apostrophes inside it are dropped, so "didn't",
//! "didn’t" and "didnt" are one word. Case is folded. `?` and `!` are tokens of their own
//! (a run of them counts once), since a question or an exclamation changes what the words
//! around it do.

use std::ops::Range;

/// At most this many tokens are weighed together; a longer run of words (a paragraph
/// with no full stop) is weighed in pieces of this size, so the cost stays linear.
pub const MAX_TOKENS: usize = 64;

/// A line shorter than this many characters ends a sentence when the next one starts with
/// a capital: hard-wrapped text fills its lines further.
const SHORT_LINE: usize = 45;

/// A word longer than this many bytes is one token, `#long`: no one blames in a 40-letter
/// word, and letter groups of an endless one would cost without telling anything.
pub const MAX_WORD: usize = 32;

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the text.
    pub span: Range<usize>,
    /// The hash of its folded form (see [`hash_word`]).
    pub hash: u64,
    /// Its folded form, for letter groups: lowercase, no apostrophes; empty for `#long`,
    /// numbers and punctuation.
    pub form: Box<str>,
}

const APOSTROPHES: &[char] = &['\'', '\u{2019}', '\u{2018}', '\u{2BC}', '`', '\u{B4}'];

/// Calls `f` with the byte range of each sentence of `text`, in order. A sentence ends
/// after `.`, `!`, `?` or `…` (and any closing quotes or brackets) followed by a blank, at
/// a blank line, and at a line break before a line that starts a new thought (a capital,
/// a digit or a bullet). Ranges are trimmed of blanks; empty ones are skipped.
pub fn sentences(text: &str, mut f: impl FnMut(Range<usize>)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut emit = |from: usize, to: usize| {
        let s = &text[from..to];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead + trail < s.len() {
            f(from + lead..to - trail);
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + c.len_utf8();
            while let Some(&(k, n)) = chars.peek() {
                if matches!(
                    n,
                    '.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']' | '”' | '’' | '»'
                ) {
                    j = k + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if j >= bytes.len() || bytes[j].is_ascii_whitespace() {
                emit(start, j);
                start = j;
            }
        } else if c == '\n' {
            let rest = &text[i + 1..];
            let blank_line = rest.find('\n').is_some_and(|j| rest[..j].trim().is_empty());
            let next = rest.trim_start_matches([' ', '\t']).chars().next();
            // A hard-wrapped line is long and goes on, even before a name in capitals; a
            // short line (a greeting, a subject, an item) ends where it ends.
            let line = text[..i].rsplit('\n').next().unwrap_or("");
            let short = line.trim().chars().count() < SHORT_LINE;
            let new_thought = next.is_some_and(|c| {
                (short && (c.is_uppercase() || c.is_ascii_digit()))
                    || matches!(c, '-' | '*' | '•' | '>')
            });
            if blank_line || new_thought {
                emit(start, i);
                start = i + 1;
            }
        }
    }
    emit(start, bytes.len());
}

/// The tokens of `sentence` (a range of `text`), appended to `out` (offsets in `text`), at
/// most [`MAX_TOKENS`] of them: returns where the tokens stopped, `sentence.end` when all
/// were taken. Letter groups need each word's folded form: `forms` keeps it.
pub fn tokens(text: &str, sentence: Range<usize>, forms: bool, out: &mut Vec<Token>) -> usize {
    let s = &text[sentence.clone()];
    let base = sentence.start;
    let mut form = String::new();
    let mut taken = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if taken == MAX_TOKENS {
            return base + i;
        }
        if c.is_alphanumeric() {
            form.clear();
            let mut end = i + c.len_utf8();
            let mut digits = c.is_ascii_digit();
            let mut len = 0;
            let mut h = FNV_START;
            let add = |c: char, form: &mut String, len: &mut usize, h: &mut u64| {
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    let bytes = l.encode_utf8(&mut buf).as_bytes();
                    *len += bytes.len();
                    if *len <= MAX_WORD {
                        *h = hash_bytes(*h, bytes);
                        if forms {
                            form.push(l);
                        }
                    }
                }
            };
            add(c, &mut form, &mut len, &mut h);
            while let Some(&(j, n)) = chars.peek() {
                if n.is_alphanumeric() {
                    digits &= n.is_ascii_digit();
                    add(n, &mut form, &mut len, &mut h);
                    end = j + n.len_utf8();
                    chars.next();
                } else if APOSTROPHES.contains(&n) {
                    // Inside a word only: "didn't", not a closing quote.
                    let mut ahead = s[j + n.len_utf8()..].chars();
                    if ahead.next().is_some_and(char::is_alphanumeric) {
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let (hash, kept) = if digits {
                (hash_word("#num"), "")
            } else if len > MAX_WORD {
                (hash_word("#long"), "")
            } else {
                (h, form.as_str())
            };
            out.push(Token {
                span: base + i..base + end,
                hash,
                form: kept.into(),
            });
            taken += 1;
        } else if c == '?' || c == '!' {
            let mut end = i + 1;
            while let Some(&(j, n)) = chars.peek() {
                if n == '?' || n == '!' {
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            let mark = if s[i..end].contains('?') { "?" } else { "!" };
            out.push(Token {
                span: base + i..base + end,
                hash: hash_word(mark),
                form: "".into(),
            });
            taken += 1;
        }
    }
    sentence.end
}

/// Words that open a clause of their own: a finding underlines the clause that blames, not
/// the polite one it is joined to ("I'm sure you're busy, but …").
const CLAUSE_WORDS: &[&str] = &["but", "though", "although", "despite", "whereas", "however"];

/// For each token of `toks` (cut from `text`), whether a clause starts there: at the first
/// token, after a comma, semicolon, colon, bracket or dash between words, after a `?` or
/// `!`, and at a word such as "but" or "although".
pub fn clause_starts(text: &str, toks: &[Token]) -> Vec<bool> {
    starts(text, toks, true)
}

/// For each token of `toks`, whether a part of the sentence that could stand as a sentence
/// of its own starts there: where a clause does ([`clause_starts`]) but not at a comma.
/// "I know things get busy, though I had hoped for a reply by now" is weighed as a whole
/// and part by part, so a polite preface does not hide what follows it.
pub fn part_starts(text: &str, toks: &[Token]) -> Vec<bool> {
    starts(text, toks, false)
}

/// The hashes of the marks after which a clause starts, and of [`CLAUSE_WORDS`]: these
/// are looked for in every sentence a learned rule weighs part by part.
const MARK_HASHES: [u64; 2] = [hash_word("?"), hash_word("!")];
const CLAUSE_HASHES: [u64; CLAUSE_WORDS.len()] = {
    let mut out = [0; CLAUSE_WORDS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = hash_word(CLAUSE_WORDS[i]);
        i += 1;
    }
    out
};

fn starts(text: &str, toks: &[Token], commas: bool) -> Vec<bool> {
    let cuts: &[char] = if commas {
        &[',', ';', ':', '(', ')', '\u{2014}', '\u{2013}']
    } else {
        &[';', ':', '(', ')', '\u{2014}', '\u{2013}']
    };
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        let start = i == 0 || {
            let prev = &toks[i - 1];
            let gap = text.get(prev.span.end..t.span.start).unwrap_or("");
            MARK_HASHES.contains(&prev.hash)
                || CLAUSE_HASHES.contains(&t.hash)
                || gap.contains(cuts)
                || gap.contains(" - ")
        };
        out.push(start);
    }
    out
}

/// The folded form of a single word as [`tokens`] makes it: lowercase, no apostrophes.
pub fn fold_word(word: &str) -> String {
    word.chars()
        .filter(|c| !APOSTROPHES.contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// FNV-1a, 64 bits: fixed on every machine and every release, unlike the standard hasher.
pub const fn hash_word(word: &str) -> u64 {
    hash_bytes(FNV_START, word.as_bytes())
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

pub(crate) const fn hash_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    // A `while` loop, so that hashes of fixed words can be constants.
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        sentences(text, |r| out.push(&text[r]));
        out
    }

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokens(text, 0..text.len(), true, &mut out);
        out.iter()
            .map(|t| {
                if t.form.is_empty() {
                    text[t.span.clone()].to_string()
                } else {
                    t.form.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_blank_lines_and_new_lines_of_thought() {
        assert_eq!(
            split("Hi Jane,\nI hope you are well. Still nothing?! Ok…\n\nthanks\nSam"),
            [
                "Hi Jane,",
                "I hope you are well.",
                "Still nothing?!",
                "Ok…",
                "thanks",
                "Sam"
            ]
        );
        // A hard-wrapped line goes on; a decimal point is not a stop.
        assert_eq!(
            split("I wanted to follow up on\nthe role, version 2.5 of it."),
            ["I wanted to follow up on\nthe role, version 2.5 of it."]
        );
        assert_eq!(
            split("He said \"no.\" Then left."),
            ["He said \"no.\"", "Then left."]
        );
        assert!(split("   \n\n  ").is_empty());
    }

    #[test]
    fn words_fold_case_and_apostrophes() {
        assert_eq!(
            words("I DIDN’T hear back?? 'Still' waiting, 3 weeks!"),
            ["i", "didnt", "hear", "back", "??", "still", "waiting", "3", "weeks", "!"]
        );
        let mut toks = Vec::new();
        tokens("didn't didnt", 0..12, false, &mut toks);
        assert_eq!(toks[0].hash, toks[1].hash);
        assert_eq!(toks[0].hash, hash_word("didnt"));
        assert_eq!(toks[0].span, 0..6);
        // A long run of words is taken in pieces.
        let many = "word ".repeat(MAX_TOKENS + 3);
        let mut toks = Vec::new();
        let stop = tokens(&many, 0..many.len(), false, &mut toks);
        assert_eq!((toks.len(), stop), (MAX_TOKENS, 5 * MAX_TOKENS - 1));
        toks.clear();
        assert_eq!(
            tokens(&many, stop..many.len(), false, &mut toks),
            many.len()
        );
        assert_eq!(toks.len(), 3);
    }

    #[test]
    fn clauses_start_at_commas_marks_and_words_like_but() {
        let text = "I know you're busy, but it's been weeks? Really; nothing (at all) - ok";
        let mut toks = Vec::new();
        tokens(text, 0..text.len(), false, &mut toks);
        let starts: Vec<&str> = clause_starts(text, &toks)
            .iter()
            .zip(&toks)
            .filter(|(s, _)| **s)
            .map(|(_, t)| &text[t.span.clone()])
            .collect();
        assert_eq!(starts, ["I", "but", "Really", "nothing", "at", "ok"]);
        // Parts that could stand alone do not start at a comma.
        let text = "Hi Jane, I know you're busy, but it's been weeks";
        let mut toks = Vec::new();
        tokens(text, 0..text.len(), false, &mut toks);
        let at = |starts: Vec<bool>| -> Vec<&str> {
            starts
                .iter()
                .zip(&toks)
                .filter(|(s, _)| **s)
                .map(|(_, t)| &text[t.span.clone()])
                .collect()
        };
        assert_eq!(at(clause_starts(text, &toks)), ["Hi", "I", "but"]);
        assert_eq!(at(part_starts(text, &toks)), ["Hi", "but"]);
    }
}
