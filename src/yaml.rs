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
        let message = plain_words(&e.without_snippet().to_string());
        SourceError::new(path, text, clamp(span, text.len()), message)
    })
}

/// The YAML library's message in words a pack or config author can act on: its position
/// ("at line L, column C", and for aliases where they were defined and used) is cut, since
/// the error points there itself, and its messages for Rust programmers are said plainly.
fn plain_words(message: &str) -> String {
    let head = message.find(" at line ").map_or(message, |i| &message[..i]);
    let head = head.split("; use Option<").next().unwrap_or(head).trim();
    if let Some(breach) = head.strip_prefix("budget breached: ") {
        let what = breach.split([' ', '{']).next().unwrap_or(breach);
        let limit = match what {
            "Nodes" => "it holds too many values (aliases repeat all they refer to)",
            "Aliases" => "it uses too many aliases",
            "Anchors" => "it defines too many anchors",
            "Depth" => "it is nested too deep",
            "Events" => "it is too large",
            "ScalarBytes" | "InputBytes" => "it is too long",
            _ => "it is too large or too complex",
        };
        return format!("tactful stops reading this YAML here: {limit}");
    }
    match head {
        "cannot deserialize null into string" | "invalid char: cannot deserialize null" => {
            "a value is missing here: write text after the colon, or remove the line".into()
        }
        "recursion limit exceeded" => {
            "tactful stops reading this YAML here: it is nested too deep".into()
        }
        "alias references unknown anchor" => {
            "this alias (`*name`) refers to no anchor: define `&name` before using it".into()
        }
        _ if head.starts_with("alias replay limit exceeded")
            || head.starts_with("alias expansion limit exceeded") =>
        {
            "tactful stops reading this YAML here: its aliases expand to too much".into()
        }
        _ => head.to_string(),
    }
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
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use super::plain_words;

    #[test]
    fn library_messages_in_plain_words() {
        assert_eq!(
            plain_words(
                "budget breached: Nodes { nodes: 250001 } at line 1, column 12 (defined at line 5, column 9) (used at line 7, column 14)"
            ),
            "tactful stops reading this YAML here: it holds too many values (aliases repeat all they refer to)"
        );
        assert!(
            plain_words("cannot deserialize null into string; use Option<String>")
                .starts_with("a value is missing here")
        );
        assert!(
            plain_words("alias references unknown anchor at line 2, column 7")
                .contains("define `&name`")
        );
        assert_eq!(
            plain_words("unknown field `rulez`, expected one of `pack` at line 1, column 1"),
            "unknown field `rulez`, expected one of `pack`"
        );
    }
}
