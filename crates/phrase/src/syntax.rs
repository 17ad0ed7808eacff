//! Phrase syntax: a phrase is parsed into [`Item`]s (words, punctuation, contraction tails,
//! groups, optional words and gaps), with brackets nested at most [`MAX_NESTING`] deep,
//! or a [`PhraseError`] at the offset of what is wrong.

use std::fmt;

use crate::anchors::can_be_empty;
use crate::fold::{FILLER, FILLERS};
use crate::forms::{clitic_aux, fold_expansions, normalize_apostrophes};

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

/// One item of a parsed phrase.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
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

/// Parses `phrase` into its items, with its written-out forms folded (see `forms`).
pub(crate) fn parse(phrase: &str) -> Result<Vec<Item>, PhraseError> {
    let mut parser = Parser {
        src: phrase,
        pos: 0,
        depth: 0,
    };
    let seq = parser.sequence(None)?;
    if parser.pos < phrase.len() {
        return Err(parser.error("unbalanced `)` or `]`"));
    }
    Ok(seq)
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    /// How many brackets are open here.
    depth: usize,
}

/// How deep brackets may nest in a phrase: real phrases use two or three levels, and a
/// bound keeps a hostile pack from exhausting the stack.
const MAX_NESTING: usize = 16;

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

#[cfg(test)]
mod tests {
    use crate::compile;

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
