//! Markdown syntax that is not the author's words: fenced code, HTML comments, headings,
//! emphasis markers and link targets. Blanking the markers lets "**still** waiting"
//! match like the plain words.

use std::ops::Range;

use super::{lines_in, Mask};

pub(super) fn blank_syntax(source: &str, range: Range<usize>, mask: &mut Mask) {
    let mut fence: Option<&str> = None;
    for (start, end, next) in lines_in(source, range.clone()) {
        let line = &source[start..end];
        let trimmed = line.trim_start();
        if let Some(f) = fence {
            mask.blank(start..next.min(range.end));
            if trimmed.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            mask.blank(start..next.min(range.end));
            continue;
        }
        // Headings are the document's titles, not the email's words.
        if trimmed.starts_with('#') {
            mask.blank(start..end);
            continue;
        }
        // List bullets are layout, not words.
        let indent = line.len() - trimmed.len();
        let marker = trimmed.len() - trimmed.trim_start_matches(['*', '-', '+']).len();
        if marker > 0 && trimmed[marker..].starts_with(' ') {
            mask.blank(start + indent..start + indent + marker);
        }
    }
    let text = &source[range.clone()];
    let base = range.start;
    // HTML comments, possibly over several lines.
    let mut from = 0;
    while let Some(i) = text[from..].find("<!--") {
        let s = from + i;
        let e = text[s..].find("-->").map_or(text.len(), |j| s + j + 3);
        mask.blank(base + s..base + e);
        from = e;
    }
    // Emphasis and code markers, and the target of links: `[words](url)` keeps "words".
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'*' | b'`' | b'~' => mask.blank(base + i..base + i + 1),
            // An underscore inside a word (`first_name`) is not emphasis.
            b'_' if !(i > 0
                && bytes[i - 1].is_ascii_alphanumeric()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)) =>
            {
                mask.blank(base + i..base + i + 1)
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                let close = text[i..].find(')').map_or(i + 1, |j| i + j + 1);
                mask.blank(base + i..base + close);
                i = close;
                continue;
            }
            // The bracket of a link; a bracket that is not one (`[Company]`) is kept.
            b'[' if is_link(&text[i..]) => mask.blank(base + i..base + i + 1),
            _ => {}
        }
        i += 1;
    }
}

/// Whether the `[` at the start of `rest` opens a link: `[text](url)` or `[text][ref]`.
fn is_link(rest: &str) -> bool {
    let line = rest.split('\n').next().unwrap_or("");
    line.find(']')
        .is_some_and(|j| line[j + 1..].starts_with(['(', '[']))
}
