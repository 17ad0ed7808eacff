//! `rdjsonl`: reviewdog's diagnostic format, one JSON object per line. Lines and columns are
//! 1-based and columns count UTF-8 bytes, as reviewdog expects. A file that could not be
//! linted is an `ERROR` diagnostic with the code `tactful/unlintable`.

use std::io::{self, Write};

use serde_json::json;

use super::{failure_position, Failure, FileReport, Sink, Summary};
use crate::finding::Severity;
use crate::source::LineIndex;

pub struct Rdjsonl<'a> {
    pub out: &'a mut dyn Write,
}

impl Sink for Rdjsonl<'_> {
    fn file(&mut self, r: &FileReport) -> io::Result<()> {
        if r.findings.is_empty() {
            return Ok(());
        }
        let index = LineIndex::new(&r.source);
        let position = |offset: usize| {
            let (line, _) = index.line_col(&r.source, offset);
            let start = index.line_range(&r.source, line).start;
            json!({ "line": line, "column": offset.saturating_sub(start) + 1 })
        };
        for f in &r.findings {
            let severity = match f.severity {
                Severity::Error => "ERROR",
                Severity::Warning => "WARNING",
                Severity::Note => "INFO",
            };
            let d = json!({
                "message": f.message_with_note(),
                "location": {
                    "path": r.path,
                    "range": { "start": position(f.span.start), "end": position(f.span.end) },
                },
                "severity": severity,
                "source": { "name": "tactful" },
                "code": { "value": f.rule },
            });
            serde_json::to_writer(&mut *self.out, &d)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn failed(&mut self, f: &Failure) -> io::Result<()> {
        let (line, column) = failure_position(f);
        let d = json!({
            "message": format!("cannot lint this file: {}", f.message),
            "location": {
                "path": f.path,
                "range": { "start": { "line": line, "column": column } },
            },
            "severity": "ERROR",
            "source": { "name": "tactful" },
            "code": { "value": "tactful/unlintable" },
        });
        serde_json::to_writer(&mut *self.out, &d)?;
        writeln!(self.out)
    }

    fn finish(&mut self, _: &Summary) -> io::Result<()> {
        Ok(())
    }
}
