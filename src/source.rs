//! Byte offsets to 1-based lines and columns. Everything inside tactful works in byte
//! ranges; positions for people are computed only when rendering.

/// Start offsets of every line of a text, and marks inside long lines, so that a column
/// costs at most [`MARK_EVERY`] bytes of counting however long its line is.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Offsets (on char boundaries, about every [`MARK_EVERY`] bytes of long lines) and
    /// the 0-based column each is at.
    marks: Vec<(usize, usize)>,
}

/// How far apart the column marks of a long line are.
pub const MARK_EVERY: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text));
        let mut marks = Vec::new();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(text.len());
            let mut at = start;
            let mut col = 0;
            while end - at > MARK_EVERY {
                let next = floor_char_boundary(text, at + MARK_EVERY);
                col += text[at..next].chars().count();
                at = next;
                marks.push((at, col));
            }
        }
        LineIndex { starts, marks }
    }

    /// 1-based line and column of `offset`; the column counts Unicode scalar values.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.starts[line];
        let (from, col) = match self.marks.partition_point(|&(m, _)| m <= offset) {
            0 => (line_start, 0),
            k if self.marks[k - 1].0 > line_start => self.marks[k - 1],
            _ => (line_start, 0),
        };
        (line + 1, col + text[from..offset].chars().count() + 1)
    }

    /// Byte range of the 1-based `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).copied().unwrap_or(text.len());
        let content = text[start..end].trim_end_matches(['\n', '\r']);
        start..start + content.len()
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "ab\r\nçé x\nlast";
        let ix = LineIndex::new(text);
        assert_eq!(ix.line_col(text, 0), (1, 1));
        assert_eq!(ix.line_col(text, 4), (2, 1));
        assert_eq!(ix.line_col(text, 9), (2, 4));
        assert_eq!(ix.line_col(text, text.len()), (3, 5));
        assert_eq!(&text[ix.line_range(text, 1)], "ab");
        assert_eq!(&text[ix.line_range(text, 3)], "last");
    }

    #[test]
    fn columns_in_long_lines_use_the_marks() {
        let text = format!("x\n{}é{}\nz", "ab".repeat(5000), "çd".repeat(4000));
        let ix = LineIndex::new(&text);
        let slow = |offset: usize| {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            text[start..offset].chars().count() + 1
        };
        for offset in [
            2,
            3,
            4097,
            4098,
            10_002,
            10_004,
            12_000,
            20_000,
            text.len() - 2,
        ] {
            let offset = floor_char_boundary(&text, offset);
            assert_eq!(ix.line_col(&text, offset), (2, slow(offset)), "at {offset}");
        }
        assert_eq!(ix.line_col(&text, text.len()), (3, 2));
    }
}
