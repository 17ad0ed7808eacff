//! `github`: GitHub Actions workflow commands, which show as annotations on the pull
//! request. Escaping follows the runner: `%`, CR and LF in the message, and also `:` and
//! `,` in properties. Columns are given only for single-line spans, as GitHub requires.

use std::io::{self, Write};

use super::{Failure, FileReport, Sink, Summary};
use crate::finding::Severity;
use crate::source::LineIndex;

pub struct Github<'a> {
    pub out: &'a mut dyn Write,
}

impl Sink for Github<'_> {
    fn file(&mut self, r: &FileReport) -> io::Result<()> {
        if r.findings.is_empty() {
            return Ok(());
        }
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
            writeln!(self.out, "::{command} {props}::{}", data(&message))?;
        }
        Ok(())
    }

    fn failed(&mut self, f: &Failure) -> io::Result<()> {
        let mut props = format!("file={}", property(&f.path));
        if let (Some(line), Some(col)) = (f.line, f.column) {
            props.push_str(&format!(",line={line},col={col}"));
        }
        props.push_str(",title=tactful");
        writeln!(
            self.out,
            "::error {props}::{}",
            data(&format!("cannot lint this file: {}", f.message))
        )
    }

    fn finish(&mut self, _: &Summary) -> io::Result<()> {
        Ok(())
    }
}

fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
