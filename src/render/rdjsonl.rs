//! `rdjsonl`: reviewdog's diagnostic format, one JSON object per line. Lines and columns are
//! 1-based and columns count UTF-8 bytes, as reviewdog expects.

use std::io::{self, Write};

use serde_json::json;

use super::FileReport;
use crate::finding::Severity;
use crate::source::LineIndex;

pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for r in reports {
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
            serde_json::to_writer(&mut *out, &d)?;
            writeln!(out)?;
        }
    }
    Ok(())
}
