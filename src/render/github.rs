//! `github`: GitHub Actions workflow commands, which show as annotations on the pull
//! request. Escaping follows the runner: `%`, CR and LF in the message, and also `:` and
//! `,` in properties. Columns are given only for single-line spans, as GitHub requires.

use std::io::{self, Write};

use super::FileReport;
use crate::finding::Severity;
use crate::source::LineIndex;

pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for r in reports {
        let index = LineIndex::new(&r.source);
        for f in &r.findings {
            let (line, col) = index.line_col(&r.source, f.span.start);
            let (end_line, end_col) = index.line_col(&r.source, f.span.end);
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let mut props = format!("file={},line={line},endLine={end_line}", property(&r.path));
            if line == end_line {
                props.push_str(&format!(",col={col},endColumn={end_col}"));
            }
            props.push_str(&format!(
                ",title={}",
                property(&format!("tactful {}", f.rule))
            ));
            let mut message = f.message_with_note();
            if let Some(help) = &f.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            writeln!(out, "::{command} {props}::{}", data(&message))?;
        }
    }
    Ok(())
}

fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
