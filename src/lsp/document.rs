//! An open document: its text, kept up to date from the client's changes, and the
//! conversion between byte offsets and LSP positions in the encoding agreed at start.

use std::ops::Range;

use lsp_types as lsp;

use crate::input::Format;

/// How a position's `character` counts: UTF-16 code units (the LSP default) or bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

#[derive(Debug)]
pub struct Document {
    pub text: String,
    pub version: i32,
    language: String,
    /// Changed since its diagnostics were last published.
    pub dirty: bool,
}

impl Document {
    pub fn new(text: String, version: i32, language: &str) -> Document {
        Document {
            text,
            version,
            language: language.to_string(),
            dirty: true,
        }
    }

    /// The format to read it in: Markdown by language or name, mail by language or name
    /// (a mutt, aerc or git compose file is headers, a blank line, the body), else text,
    /// which is read as mail when it starts with headers.
    pub fn format(&self, name: &str) -> Format {
        match self.language.as_str() {
            "markdown" => Format::Markdown,
            "mail" | "email" | "eml" => Format::Mail,
            _ => Format::from_path(name),
        }
    }

    /// Applies one change: `range` replaced by `text`, or the whole text when there is no
    /// range. Ranges past the end are clamped; a reversed range is read forwards.
    pub fn apply(&mut self, range: Option<lsp::Range>, text: &str, enc: Encoding) {
        match range {
            None => self.text = text.to_string(),
            Some(r) => {
                let (a, b) = (self.offset(r.start, enc), self.offset(r.end, enc));
                let (a, b) = (a.min(b), a.max(b));
                self.text.replace_range(a..b, text);
            }
        }
    }

    /// The byte offset of `pos`, clamped to its line and to the text.
    pub fn offset(&self, pos: lsp::Position, enc: Encoding) -> usize {
        let mut start = 0;
        for _ in 0..pos.line {
            match self.text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => return self.text.len(),
            }
        }
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let line = &self.text[start..line_end];
        let want = pos.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= want {
                return start + i;
            }
            units += match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        line_end
    }

    /// The position of byte offset `at` (clamped to the text and to a character boundary).
    pub fn position(&self, at: usize, enc: Encoding) -> lsp::Position {
        let at = crate::source::floor_char_boundary(&self.text, at.min(self.text.len()));
        let before = &self.text[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count();
        let character: usize = match enc {
            Encoding::Utf8 => at - line_start,
            Encoding::Utf16 => before[line_start..].chars().map(char::len_utf16).sum(),
        };
        lsp::Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }

    pub fn range(&self, r: Range<usize>, enc: Encoding) -> lsp::Range {
        lsp::Range {
            start: self.position(r.start, enc),
            end: self.position(r.end, enc),
        }
    }

    /// Where the line holding byte `at` starts.
    pub fn line_start(&self, at: usize) -> usize {
        let at = crate::source::floor_char_boundary(&self.text, at.min(self.text.len()));
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }
}

/// The sentence of `text` around `span`: from after the previous `.`, `!`, `?` or line
/// break to its own closing mark.
pub fn sentence_around(text: &str, span: Range<usize>) -> Range<usize> {
    let start = crate::source::floor_char_boundary(text, span.start.min(text.len()));
    let end = crate::source::floor_char_boundary(text, span.end.min(text.len())).max(start);
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let from = text[..start].rfind(is_end).map_or(0, |i| i + 1);
    let from = from + (text[from..start].len() - text[from..start].trim_start().len());
    let to = text[end..].find(is_end).map_or(text.len(), |i| {
        let c = text[end + i..].chars().next().unwrap_or('\n');
        if c == '\n' {
            end + i
        } else {
            end + i + c.len_utf8()
        }
    });
    from..to.max(from)
}

/// `r` and the blanks after it on the same line, so removing a sentence leaves no gap.
pub fn with_trailing_space(text: &str, r: Range<usize>) -> Range<usize> {
    let rest = &text[r.end..];
    let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    r.start..r.end + blanks
}

/// `r` and a comma or semicolon after it, and the blanks after that: what removing a clause
/// from its sentence takes with it.
pub fn with_trailing_separator(text: &str, r: Range<usize>) -> Range<usize> {
    let end = r.end.min(text.len());
    let rest = &text[end..];
    let after_mark = rest.strip_prefix([',', ';']).unwrap_or(rest);
    let blanks = after_mark.len() - after_mark.trim_start_matches([' ', '\t']).len();
    r.start..end + (rest.len() - after_mark.len()) + blanks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> lsp::Position {
        lsp::Position { line, character }
    }

    #[test]
    fn positions_count_utf16_units_or_bytes() {
        let d = Document::new("héllo 😀 x\nsecond".into(), 1, "plaintext");
        // "😀" is two UTF-16 units and four bytes.
        let x = d.text.find('x').unwrap();
        assert_eq!(d.position(x, Encoding::Utf16), pos(0, 9));
        assert_eq!(d.position(x, Encoding::Utf8), pos(0, 12));
        assert_eq!(d.offset(pos(0, 9), Encoding::Utf16), x);
        assert_eq!(d.offset(pos(0, 12), Encoding::Utf8), x);
        // Past the line's end: its end; past the last line: the text's end.
        assert_eq!(
            d.offset(pos(0, 99), Encoding::Utf16),
            d.text.find('\n').unwrap()
        );
        assert_eq!(d.offset(pos(9, 0), Encoding::Utf16), d.text.len());
        // Inside a character's units: not split.
        assert_eq!(
            d.offset(pos(0, 8), Encoding::Utf16),
            d.text.find('😀').unwrap() + 4
        );
        assert_eq!(d.position(d.text.len(), Encoding::Utf16), pos(1, 6));
    }

    #[test]
    fn incremental_changes_edit_the_text() {
        let mut d = Document::new("Hi Jane,\nI never heard back.\n".into(), 1, "plaintext");
        let r = lsp::Range {
            start: pos(1, 2),
            end: pos(1, 18),
        };
        d.apply(Some(r), "wanted to check in", Encoding::Utf16);
        assert_eq!(d.text, "Hi Jane,\nI wanted to check in.\n");
        // A reversed range, and one far past the end, do not panic.
        d.apply(
            Some(lsp::Range {
                start: pos(5, 0),
                end: pos(0, 2),
            }),
            "!",
            Encoding::Utf16,
        );
        assert_eq!(d.text, "Hi!");
        d.apply(None, "all new", Encoding::Utf8);
        assert_eq!(d.text, "all new");
    }

    #[test]
    fn the_sentence_around_a_span_is_found() {
        let t = "Hi Jane,\n\nThanks again. I never heard back from you! Best,\n";
        let at = t.find("heard").unwrap();
        let s = sentence_around(t, at..at + 5);
        assert_eq!(&t[s.clone()], "I never heard back from you!");
        assert_eq!(
            &t[with_trailing_space(t, s)],
            "I never heard back from you! "
        );
        let t = "Per my last email, I'm available Tuesday.";
        assert_eq!(&t[with_trailing_separator(t, 0..17)], "Per my last email, ");
    }
}
