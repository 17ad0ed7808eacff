//! `json`: the versioned document of CONTRACT §5. Columns count Unicode scalar values and
//! `end_column` is exclusive.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{FileReport, Summary};
use crate::source::LineIndex;

pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let files: Vec<Value> = reports.iter().map(file).collect();
    let s = Summary::of(reports);
    let doc = json!({
        "tool": "tactful",
        "version": 1,
        "files": files,
        "summary": { "files": s.files, "errors": s.errors, "warnings": s.warnings, "notes": s.notes },
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn file(r: &FileReport) -> Value {
    let index = LineIndex::new(&r.source);
    let findings: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
            let (line, column) = index.line_col(&r.source, f.span.start);
            let (end_line, end_column) = index.line_col(&r.source, f.span.end);
            let mut v = json!({
                "rule": f.rule,
                "category": f.category.as_str(),
                "severity": f.severity.as_str(),
                "message": f.message,
                "span": { "start": f.span.start, "end": f.span.end },
                "line": line, "column": column, "end_line": end_line, "end_column": end_column,
                "text": f.text(&r.source),
                "help": f.help,
            });
            if let Some(note) = &f.note {
                v["note"] = json!(note);
            }
            v
        })
        .collect();
    json!({ "path": r.path, "send_date": r.send_date, "findings": findings })
}
