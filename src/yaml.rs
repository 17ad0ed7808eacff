//! The one place that talks to the YAML library (serde-saphyr), so that choice stays cheap
//! to change (`build.rs` also reads the built-in packs with it, to compile their phrases
//! and to write them as JSON, and nothing else). Everything else sees [`Spanned`] values and [`SourceError`]s with byte ranges.

use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::error::SourceError;

pub use serde_saphyr::Spanned;

/// Parses `text` (the contents of `path`) into `T`, turning any error into a
/// [`SourceError`] that points at the offending line.
pub fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, SourceError> {
    serde_saphyr::from_str(text).map_err(|e| {
        let span = e.location().map_or(0..0, |l| {
            let at = l
                .span()
                .byte_offset()
                .map(|o| o as usize)
                .unwrap_or_else(|| offset_of(text, l.line() as usize, l.column() as usize));
            at..at
        });
        let plain = e.without_snippet().to_string();
        // The library appends "at line L, column C"; we show the position ourselves.
        let message = match plain.rfind(" at line ") {
            Some(i) => plain[..i].to_string(),
            None => plain,
        };
        SourceError::new(path, text, clamp(span, text.len()), message)
    })
}

/// Reads `json`, the JSON form of the YAML document `path` that `build.rs` wrote for a
/// built-in pack (parsing JSON takes a fraction of the time). Values read this way carry
/// no position: [`range`] gives `0..0` for them.
pub fn parse_prepared<T: DeserializeOwned>(path: &str, json: &str) -> Result<T, SourceError> {
    serde_json::from_str(json).map_err(|e| {
        SourceError::new(
            path,
            json,
            0..0,
            format!("built-in pack does not load: {e}"),
        )
    })
}

/// The byte range of a spanned value in the document it was read from.
pub fn range<T>(value: &Spanned<T>) -> Range<usize> {
    let span = value.referenced.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(o), Some(l)) => o as usize..(o + l) as usize,
        (Some(o), None) => o as usize..o as usize,
        _ => 0..0,
    }
}

/// The byte offset of 1-based `line` and `column` (in characters).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .chars()
            .take(column.saturating_sub(1))
            .map(char::len_utf8)
            .sum::<usize>()
}

fn clamp(r: Range<usize>, len: usize) -> Range<usize> {
    r.start.min(len)..r.end.min(len)
}
