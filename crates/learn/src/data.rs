//! Labelled sentences as they are kept: one per line, `LABEL<TAB>SENTENCE`, with blank
//! lines and lines starting with `#` (comments, provenance) skipped.

use crate::train::Example;

/// What is wrong with a line of labelled sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// 1-based.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The labelled lines of `text`: each line number (1-based), label and sentence. A line
/// without a tab is an error.
fn labelled(text: &str) -> impl Iterator<Item = Result<(usize, &str, &str), DataError>> {
    text.lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line.strip_suffix('\r').unwrap_or(line)))
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(n, line)| match line.split_once('\t') {
            Some((label, sentence)) => Ok((n, label, sentence)),
            None => Err(DataError {
                line: n,
                column: 1,
                message: "expected `LABEL<TAB>SENTENCE`: this line has no tab".into(),
            }),
        })
}

/// Reads `text`; a label in `positive` marks a sentence the rule must flag, `ok` or `pass`
/// one it must not. Any other label is an error, as is a line without a tab or sentence.
pub fn read_tsv(text: &str, positive: &[&str]) -> Result<Vec<Example>, DataError> {
    let mut out = Vec::new();
    for line in labelled(text) {
        let (n, label, sentence) = line?;
        let err = |column, message: String| DataError {
            line: n,
            column,
            message,
        };
        let positive_label = positive.contains(&label);
        if !positive_label && !matches!(label, "ok" | "pass") {
            return Err(err(
                1,
                format!(
                    "unknown label `{label}`: use {} for a sentence the rule must flag, `ok` for one it must not",
                    positive
                        .iter()
                        .map(|p| format!("`{p}`"))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            ));
        }
        if sentence.trim().is_empty() {
            return Err(err(label.len() + 2, "the sentence is empty".into()));
        }
        out.push(Example {
            text: sentence.trim().to_string(),
            positive: positive_label,
        });
    }
    Ok(out)
}

/// The sentences of `text` that another rule flags (any label but `ok` and `pass`), as
/// sentences this rule must not flag: blaming sentences are no restatement of interest.
pub fn read_others(text: &str) -> Result<Vec<Example>, DataError> {
    let mut out = Vec::new();
    for line in labelled(text) {
        let (_, label, sentence) = line?;
        if !matches!(label, "ok" | "pass") && !sentence.trim().is_empty() {
            out.push(Example {
                text: sentence.trim().to_string(),
                positive: false,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_and_bad_ones_named() {
        let ok = read_tsv(
            "# provenance\nblame\tyou never wrote\n\nok\tthanks!\r\n",
            &["blame", "flag"],
        )
        .unwrap();
        assert_eq!(ok.len(), 2);
        assert!(ok[0].positive && !ok[1].positive);
        let e = read_tsv("ok\tfine\nnope\tx\n", &["blame"]).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("unknown label `nope`"), "{}", e.message);
        assert!(read_tsv("no tab here", &["blame"])
            .unwrap_err()
            .message
            .contains("no tab"));
        assert_eq!(read_tsv("ok\t  ", &["blame"]).unwrap_err().column, 4);
        let others = read_others("blame\tyou never wrote\nok\tthanks\n").unwrap();
        assert_eq!(others.len(), 1);
        assert!(!others[0].positive && others[0].text == "you never wrote");
    }
}
