//! Turns the bytes of a draft into a [`Draft`]: the source as read, its front matter, and a
//! *lint text* of the same length in which everything that is not the author's own words
//! (front matter, quotes, attribution blocks, signatures, Markdown syntax) is blanked out.
//! Because the lint text keeps every byte offset, a match in it is a span in the file.
//!
//! One file per input format; `reply` holds what all formats share (quotes, attribution
//! lines, signatures) and `opening` finds the greeting and the first sentences.

mod fold;
mod frontmatter;
mod mail;
mod markdown;
mod opening;
pub mod placeholder;
mod reply;

use std::ops::Range;

pub use fold::Folded;
pub use frontmatter::{Channel, DraftKind, Field, FrontMatter};
pub use mail::{looks_like_mail, BodyEncoding, MailOrigin, People, Person, TextPart, Unreadable};

use crate::error::{Error, SourceError};

/// How a draft's text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    /// An RFC 5322 message.
    Mail,
}

impl Format {
    /// The format a path's extension implies: `.md` and `.markdown` are Markdown, `.eml`
    /// is mail, everything else is plain text (which is read as mail when it starts with
    /// mail headers).
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else if lower.ends_with(".eml") {
            Format::Mail
        } else {
            Format::Text
        }
    }
}

/// A draft ready to lint.
#[derive(Debug, Clone)]
pub struct Draft {
    pub path: String,
    /// The text exactly as read.
    pub source: String,
    pub format: Format,
    pub front_matter: FrontMatter,
    /// Same length as `source`; only the author's words are left, the rest is spaces.
    pub text: String,
    /// `text` folded for phrase matching (case, apostrophes, blanks).
    pub folded: Folded,
    /// Where the body starts (after any front matter).
    pub body_start: usize,
    /// Where the opening starts: the first author words after the greeting line.
    pub opening_start: usize,
    /// The sign-off lines that close the letter ("Thanks,", "Best,"), in the lint text.
    pub sign_offs: Vec<Range<usize>>,
    /// For mail: where the text above came from in the raw message. `source` is then the
    /// decoded text the rules read, and spans are mapped back through this.
    pub origin: Option<Box<MailOrigin>>,
    /// For mail: the parts meant for the recipient that could not be read.
    pub unreadable: Vec<Unreadable>,
    /// The encoding a text draft was converted from (UTF-16 with a byte-order mark);
    /// positions are then in the converted text.
    pub decoded_from: Option<&'static str>,
    /// For mail: who it is from and to.
    pub people: People,
}

impl Draft {
    /// Reads a draft from raw bytes, as mail when `format` says so or (for plain text) when
    /// it starts with mail headers. Fails, with a message naming the file, on empty, binary
    /// or non-UTF-8 text and on invalid front matter. Text in UTF-16 with a byte-order mark
    /// is converted, and lone carriage returns end lines.
    pub fn parse(path: &str, bytes: Vec<u8>, format: Format) -> Result<Draft, Error> {
        let input_error = |message: String| Error::Input {
            path: path.to_string(),
            message,
        };
        let is_mail = format == Format::Mail || (format == Format::Text && looks_like_mail(&bytes));
        if is_mail {
            if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                return Err(input_error(
                    "empty message: there is nothing to lint".into(),
                ));
            }
            return Ok(Draft::from_mail(path, &bytes));
        }
        let (bytes, decoded_from) = match utf16_text(&bytes) {
            Some((text, name)) => (text.into_bytes(), Some(name)),
            None => (mail::line_feeds(&bytes).into_owned(), None),
        };
        if bytes.contains(&0) {
            return Err(input_error(
                "binary file (it contains NUL bytes), not a draft".into(),
            ));
        }
        let source = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            input_error(format!(
                "not valid UTF-8 (invalid byte at offset {at}, line {line}); save the draft as UTF-8"
            ))
        })?;
        if source
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
            .is_empty()
        {
            return Err(input_error("empty file: there is nothing to lint".into()));
        }
        let mut draft = Draft::from_source(path, source, format)?;
        draft.decoded_from = decoded_from;
        Ok(draft)
    }

    /// Builds a draft from text already known to be valid.
    pub fn from_source(path: &str, source: String, format: Format) -> Result<Draft, SourceError> {
        let mut mask = Mask::new();
        // A byte-order mark is not a word.
        if source.starts_with('\u{FEFF}') {
            mask.blank(0..3);
        }
        let (front_matter, body_start) = frontmatter::parse(path, &source)?;
        // A `subject:` is read with the body, as a mail's Subject: header is.
        match front_matter.subject.as_ref().map(|s| s.span.clone()) {
            Some(s) if s.end <= body_start => {
                mask.blank(0..s.start);
                mask.blank(s.end..body_start);
            }
            _ => mask.blank(0..body_start),
        }
        let author_end = reply::scan(&source, body_start..source.len(), &mut mask);
        mask.blank(author_end..source.len());
        if format == Format::Markdown {
            markdown::blank_syntax(&source, body_start..author_end, &mut mask);
        }
        for r in crate::suppress::comment_spans(&source, body_start..author_end) {
            mask.blank(r);
        }
        let text = mask.apply(&source);
        let opening_start = opening::start(&source, &text, body_start, format);
        let sign_offs = opening::sign_offs(&text, opening_start..text.len());
        Ok(Draft {
            folded: Folded::new(&text),
            path: path.to_string(),
            source,
            format,
            front_matter,
            text,
            body_start,
            opening_start,
            sign_offs,
            origin: None,
            unreadable: Vec::new(),
            decoded_from: None,
            people: People::default(),
        })
    }

    /// Builds a draft from a raw RFC 5322 message.
    pub fn from_mail(path: &str, raw: &[u8]) -> Draft {
        let m = mail::read(raw);
        let source = m.lint;
        let mut mask = Mask::new();
        match &m.subject {
            Some(s) if s.start < m.body_start => {
                mask.blank(0..s.start);
                mask.blank(s.end..m.body_start);
            }
            _ => mask.blank(0..m.body_start),
        }
        // Each part has its own quotes and signature.
        for part in &m.origin.parts {
            let author_end = reply::scan(&source, part.lint.clone(), &mut mask);
            mask.blank(author_end..part.lint.end);
        }
        let text = mask.apply(&source);
        let opening_start = opening::start(&source, &text, m.body_start, Format::Mail);
        let sign_offs = m
            .origin
            .parts
            .iter()
            .flat_map(|p| {
                let from = if p.lint.contains(&opening_start) {
                    opening_start
                } else {
                    p.lint.start
                };
                opening::sign_offs(&text, from..p.lint.end)
            })
            .collect();
        Draft {
            folded: Folded::new(&text),
            path: path.to_string(),
            source,
            format: Format::Mail,
            front_matter: FrontMatter {
                send_date: m.date,
                ..FrontMatter::default()
            },
            text,
            body_start: m.body_start,
            opening_start,
            sign_offs,
            origin: Some(Box::new(m.origin)),
            unreadable: m.unreadable,
            decoded_from: None,
            people: m.people,
        }
    }

    /// Template mode: every placeholder (`{{role}}`, `[Company Name]`) becomes one opaque
    /// word of the same length, so phrases read across it and nothing reports it.
    pub fn treat_as_template(&mut self) {
        let holes = placeholder::find(&self.text, self.body_start);
        if holes.is_empty() {
            return;
        }
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        for r in holes {
            bytes[r].fill(b'x');
        }
        // Whole characters were replaced byte for byte, so this is still UTF-8.
        self.text = String::from_utf8(bytes).unwrap_or_default();
        self.folded = Folded::new(&self.text);
    }

    /// The raw range a range of the lint text came from (the same range unless the draft
    /// is a decoded message).
    pub fn raw_span(&self, r: &Range<usize>) -> Range<usize> {
        match &self.origin {
            Some(o) => o.to_raw(r),
            None => r.clone(),
        }
    }

    /// The input as read, for showing spans: the source, or for mail the raw message.
    pub fn into_shown_source(self) -> String {
        match self.origin {
            Some(o) => o.display,
            None => self.source,
        }
    }

    /// The byte range of the first `sentences` sentences after the greeting.
    pub fn opening(&self, sentences: usize) -> Range<usize> {
        opening::sentences(&self.text, self.opening_start, sentences)
    }

    /// The first line of the file (without its line break), where findings about the
    /// draft as a whole point when nothing better is known.
    pub fn first_line(&self) -> Range<usize> {
        let end = self.source.find('\n').unwrap_or(self.source.len());
        0..self.source[..end].trim_end_matches('\r').len()
    }

    /// The first line of the opening (trimmed), where whole-draft findings point.
    pub fn first_body_line(&self) -> Range<usize> {
        let start = self.opening_start.min(self.text.len());
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let line = &self.text[start..end];
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        if trimmed_end > trimmed_start {
            trimmed_start..trimmed_end
        } else {
            start..start
        }
    }

    /// Whether lint-text offset `at` is on a sign-off line that closes the letter.
    pub fn in_sign_off(&self, at: usize) -> bool {
        // In order and apart, so one search finds the only one that may hold `at`.
        let k = self.sign_offs.partition_point(|s| s.end <= at);
        self.sign_offs.get(k).is_some_and(|s| s.contains(&at))
    }

    /// The whole author body, as a range of the lint text.
    pub fn body(&self) -> Range<usize> {
        self.body_start..self.text.len()
    }
}

/// The text of a draft saved as UTF-16 with a byte-order mark, and which UTF-16 it was.
fn utf16_text(bytes: &[u8]) -> Option<(String, &'static str)> {
    let name = match bytes {
        [0xFF, 0xFE, ..] => "UTF-16LE",
        [0xFE, 0xFF, ..] => "UTF-16BE",
        _ => return None,
    };
    let (text, _, _) = mail::utf16(bytes, "utf-16");
    let text = mail::line_feeds(text.as_bytes()).into_owned();
    String::from_utf8(text).ok().map(|s| (s, name))
}

/// Which bytes of the source are hidden from the rules.
pub(crate) struct Mask {
    hidden: Vec<Range<usize>>,
}

impl Mask {
    fn new() -> Self {
        Mask { hidden: Vec::new() }
    }

    /// Hides `range` (which must lie on char boundaries).
    pub(crate) fn blank(&mut self, range: Range<usize>) {
        if range.start < range.end {
            self.hidden.push(range);
        }
    }

    /// The source with hidden bytes turned into spaces; line breaks are kept so that
    /// hidden lines still separate the words around them.
    fn apply(&self, source: &str) -> String {
        if self.hidden.is_empty() {
            return source.to_string();
        }
        let mut bytes = source.as_bytes().to_vec();
        for r in &self.hidden {
            for b in &mut bytes[r.start.min(source.len())..r.end.min(source.len())] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        // Every hidden range lies on char boundaries, so this cannot fail; fall back to
        // the source rather than panic if it ever did.
        String::from_utf8(bytes).unwrap_or_else(|_| source.to_string())
    }
}

/// Iterates over the lines of `text[range]` as (start, end-without-newline, next-start).
pub(crate) fn lines_in(
    text: &str,
    range: Range<usize>,
) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut pos = range.start;
    let end = range.end;
    std::iter::from_fn(move || {
        if pos >= end {
            return None;
        }
        let start = pos;
        let nl = text[start..end].find('\n').map(|i| start + i);
        let (line_end, next) = match nl {
            Some(i) => (
                if i > start && text.as_bytes()[i - 1] == b'\r' {
                    i - 1
                } else {
                    i
                },
                i + 1,
            ),
            None => (end, end),
        };
        pos = next;
        Some((start, line_end, next))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(src: &str) -> Draft {
        Draft::from_source("t.txt", src.to_string(), Format::Text).unwrap()
    }

    #[test]
    fn lint_text_keeps_offsets_and_hides_quotes_and_signature() {
        let src =
            "Hi Jane,\n\nI hope you are well.\n\n> still waiting\n\n-- \nStill waiting Inc.\n";
        let d = draft(src);
        assert_eq!(d.text.len(), src.len());
        assert!(d.text.contains("I hope you are well."));
        assert!(!d.text.contains("still waiting"));
        assert!(!d.text.contains("Still waiting"));
    }

    #[test]
    fn attribution_line_hides_everything_after_it() {
        let src = "Thanks!\r\n\r\nOn Tue, Nov 3, 2026 at 9:12 AM Jane Doe <jane@example.com>\r\nwrote:\r\nno reply yet\r\n";
        let d = draft(src);
        assert!(d.text.contains("Thanks!"));
        assert!(!d.text.contains("no reply"));
        assert!(!d.text.contains("wrote"));
    }

    #[test]
    fn greeting_is_not_the_opening() {
        let d = draft("Hi Jane,\n\nI hope you had a restful Thanksgiving. Next.\n");
        assert!(d.text[d.opening_start..].starts_with("I hope"));
        let d = draft("Dear Ms. Lee, thanks for your time.\n");
        assert!(d.text[d.opening_start..].starts_with("thanks"));
        let d = draft("I hope you are well.\n");
        assert_eq!(d.opening_start, 0);
    }

    #[test]
    fn a_sign_off_line_ends_the_opening() {
        let d = draft("Hi Ellie,\n\nDoes the match start right away?\n\nThanks!\nRay\n");
        assert_eq!(&d.text[d.opening(2)], "Does the match start right away?");
        let d = draft("Hi Ellie,\n\nDoes it start right away?\nBest regards,\nRay\n");
        assert_eq!(&d.text[d.opening(2)], "Does it start right away?");
        // Thanks inside a line, or before anything else, is part of the opening.
        let d = draft("Hi Ellie,\n\nA question. Thanks for the offer!\n\nRay\n");
        assert_eq!(&d.text[d.opening(2)], "A question. Thanks for the offer!");
        let d = draft("Hi Ellie,\n\nThank you!\n\nI loved the visit.\n");
        assert_eq!(&d.text[d.opening(2)], "Thank you!\n\nI loved the visit.");
    }

    #[test]
    fn a_sign_off_closing_the_letter_is_found() {
        let d = draft("Hi Ellie,\n\nIs there news?\n\nThanks,\nRay\n");
        assert_eq!(d.sign_offs.len(), 1);
        assert_eq!(&d.text[d.sign_offs[0].clone()], "Thanks,");
        // First in the letter, or followed by more of the letter, it is not a sign-off.
        let d = draft("Hi Ellie,\n\nThank you!\n\nI loved the visit.\n");
        assert!(d.sign_offs.is_empty());
        let d = draft("Hi,\n\nA question.\n\nThanks!\n\nOne more thing: the team was great and I learned a lot about the role.\nAnd another long line here that goes on for a while, more than eighty characters long.\n");
        assert!(d.sign_offs.is_empty());
    }

    #[test]
    fn bad_bytes_are_clear_errors() {
        let e = Draft::parse("x.txt", vec![b'a', 0, b'b'], Format::Text).unwrap_err();
        assert!(e.to_string().contains("binary"), "{e}");
        let e = Draft::parse("x.txt", vec![b'a', 0xff, b'b'], Format::Text).unwrap_err();
        assert!(e.to_string().contains("UTF-8"), "{e}");
        let e = Draft::parse("x.txt", b"  \n".to_vec(), Format::Text).unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");
    }
}
