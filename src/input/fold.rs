//! The folded text that phrases run over: the author's words with the variation that
//! phrases must tolerate taken out once, before the scan, instead of being spelled out in
//! every pattern. Letters are lowercased, every apostrophe people type becomes `'`,
//! and a run of blanks (spaces, tabs, one line break, no-break spaces) becomes one space;
//! a run that holds a blank line becomes one `\n`, which no phrase crosses. Contracted
//! negations are spelled out, and filler words are one word, as in phrases.
//!
//! Each byte of the folded text remembers where its character began in the original, so a
//! match maps back to the exact span in the file.

use std::ops::Range;

use tactful_phrase::{APOSTROPHES, FILLER, FILLERS};

/// One replacement in the folded text.
struct Edit {
    at: Range<usize>,
    with: &'static str,
}

/// Text folded for phrase matching, with the way back to the original offsets.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// `starts[i]` is the original offset of the character folded byte `i` came from; one
    /// more entry maps the end.
    starts: Vec<u32>,
    /// Where each `\n` of `text` is: the paragraph breaks, which no phrase crosses.
    breaks: Vec<u32>,
}

fn is_blank(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\n' | '\u{A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' | '\u{3000}'
    ) || ('\u{2000}'..='\u{200A}').contains(&c)
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut out = String::with_capacity(text.len());
        let mut starts = Vec::with_capacity(text.len() + 1);
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_blank(c) {
                let mut newlines = usize::from(c == '\n');
                while let Some(&(_, n)) = chars.peek() {
                    if !is_blank(n) {
                        break;
                    }
                    newlines += usize::from(n == '\n');
                    chars.next();
                }
                out.push(if newlines >= 2 { '\n' } else { ' ' });
                starts.push(i as u32);
            } else if APOSTROPHES.contains(&c) {
                out.push('\'');
                starts.push(i as u32);
            } else if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
                starts.push(i as u32);
            } else {
                let before = out.len();
                out.extend(c.to_lowercase());
                starts.extend(std::iter::repeat_n(i as u32, out.len() - before));
            }
        }
        starts.push(text.len() as u32);
        let mut folded = Folded {
            text: out,
            starts,
            breaks: Vec::new(),
        };
        folded.expand_contracted_negations();
        folded.fold_fillers();
        folded.breaks = folded
            .text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i as u32)
            .collect();
        folded
    }

    /// The paragraph of the folded text around offset `at` (without its `\n`), found in
    /// the index of breaks rather than by a search of the text.
    pub fn paragraph(&self, at: usize) -> Range<usize> {
        let k = self.breaks.partition_point(|&b| (b as usize) < at);
        let start = k.checked_sub(1).map_or(0, |p| self.breaks[p] as usize + 1);
        let end = self.breaks.get(k).map_or(self.text.len(), |&b| b as usize);
        start..end
    }

    /// "I've not" and "you're not" are the same words as "I haven't" and "you aren't":
    /// spelled out as "i have not" and "you are not", which phrases match in any of their
    /// forms. The bytes written in map to the apostrophe they replace.
    fn expand_contracted_negations(&mut self) {
        const FORMS: [(&str, &str); 2] = [("'ve not", " have"), ("'re not", " are")];
        if !FORMS.iter().any(|(from, _)| self.text.contains(from)) {
            return;
        }
        let bytes = self.text.as_bytes();
        let edits: Vec<Edit> = self
            .text
            .match_indices('\'')
            .filter_map(|(i, _)| {
                let (from, to) = FORMS.iter().find(|(from, _)| {
                    bytes[i..].starts_with(from.as_bytes())
                        && i > 0
                        && bytes[i - 1].is_ascii_alphabetic()
                        && bytes
                            .get(i + from.len())
                            .is_none_or(|b| !b.is_ascii_alphanumeric())
                })?;
                // " have" stands for "'ve" (one origin); " not" keeps its own bytes.
                Some(Edit {
                    at: i..i + from.len() - " not".len(),
                    with: to,
                })
            })
            .collect();
        self.splice(&edits);
    }

    /// Writes every filler word ([`FILLERS`]) as [`FILLER`], as phrases do.
    fn fold_fillers(&mut self) {
        let bytes = self.text.as_bytes();
        let inside = |b: u8| b.is_ascii_alphanumeric() || b == b'\'' || b == b'-' || b >= 0x80;
        let mut edits = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_lowercase() || (i > 0 && inside(bytes[i - 1])) {
                i += 1;
                continue;
            }
            let end = bytes[i..]
                .iter()
                .position(|&b| !inside(b))
                .map_or(bytes.len(), |n| i + n);
            if FILLERS.contains(&&self.text[i..end]) {
                edits.push(Edit {
                    at: i..end,
                    with: FILLER,
                });
            }
            i = end;
        }
        self.splice(&edits);
    }

    /// Replaces each `at` range (in order, not overlapping) by its `with`, whose bytes map
    /// to where the range started.
    fn splice(&mut self, edits: &[Edit]) {
        if edits.is_empty() {
            return;
        }
        let mut text = String::with_capacity(self.text.len() + 16);
        let mut starts = Vec::with_capacity(self.starts.len() + 16);
        let mut copied = 0;
        for e in edits {
            text.push_str(&self.text[copied..e.at.start]);
            starts.extend_from_slice(&self.starts[copied..e.at.start]);
            text.push_str(e.with);
            starts.extend(std::iter::repeat_n(self.starts[e.at.start], e.with.len()));
            copied = e.at.end;
        }
        text.push_str(&self.text[copied..]);
        starts.extend_from_slice(&self.starts[copied..]);
        self.text = text;
        self.starts = starts;
    }

    /// The original byte range of the folded range `r`.
    pub fn original(&self, r: Range<usize>) -> Range<usize> {
        self.starts[r.start] as usize..self.starts[r.end] as usize
    }

    /// The folded offset of original offset `original`: the first folded byte that comes
    /// from it or from after it.
    pub fn folded(&self, original: usize) -> usize {
        self.starts.partition_point(|&s| (s as usize) < original)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_apostrophes_and_blanks() {
        let src = "I  Didn\u{2019}t\r\nHEAR\u{A0}back.\n\n\nNext";
        let f = Folded::new(src);
        assert_eq!(f.text, "i didn't hear back.\nnext");
        let at = f.text.find("didn't hear").unwrap();
        let r = f.original(at..at + "didn't hear".len());
        assert_eq!(&src[r.clone()], "Didn\u{2019}t\r\nHEAR");
        assert_eq!(f.folded(r.start), at);
        assert_eq!(f.folded(r.end), at + "didn't hear".len());
    }

    #[test]
    fn lowercases_all_letters_and_keeps_their_offsets() {
        let src = "Café DÉJÀ vu";
        let f = Folded::new(src);
        assert_eq!(f.text, "café déjà vu");
        let at = f.text.find("déjà").unwrap();
        assert_eq!(&src[f.original(at..at + "déjà".len())], "DÉJÀ");
    }

    #[test]
    fn a_blank_line_is_a_newline_and_the_end_maps_to_the_end() {
        let src = "a \n \n b";
        let f = Folded::new(src);
        assert_eq!(f.text, "a\nb");
        assert_eq!(f.original(0..f.text.len()), 0..src.len());
    }

    #[test]
    fn contracted_negations_are_spelled_out_and_map_back() {
        let src = "I\u{2019}ve not heard. You're not late. Weave note.";
        let f = Folded::new(src);
        assert_eq!(f.text, "i have not heard. you are not late. weave note.");
        let at = f.text.find("i have not heard").unwrap();
        let r = f.original(at..at + "i have not heard".len());
        assert_eq!(&src[r], "I\u{2019}ve not heard");
        let at = f.text.find("not late").unwrap();
        assert_eq!(&src[f.original(at..at + 8)], "not late");
    }

    #[test]
    fn fillers_are_one_word_and_map_back() {
        let src = "I have REALLY  heard absolutely nothing. Really? Very-good everything";
        let f = Folded::new(src);
        assert_eq!(f.text, "i have E heard E nothing. E? very-good everything");
        let at = f.text.find("have E heard E nothing").unwrap();
        let r = f.original(at..at + "have E heard E nothing".len());
        assert_eq!(&src[r], "have REALLY  heard absolutely nothing");
    }
}
