//! `json`: the versioned document of CONTRACT §5, written file by file as the run goes, in
//! the layout a pretty-printer gives the whole document. Columns count Unicode scalar
//! values and `end_column` is exclusive. A file that could not be linted has an `error`
//! (`message`, and `line` and `column` where the problem is in one place); the summary
//! counts such files as `failed`.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{Failure, FileReport, Sink, Summary};
use crate::source::LineIndex;

pub struct Json<'a> {
    out: &'a mut dyn Write,
    /// Files written so far.
    written: usize,
}

impl<'a> Json<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Json { out, written: 0 }
    }

    /// Writes one entry of `files`, indented as inside the document.
    fn entry(&mut self, v: &Value) -> io::Result<()> {
        if self.written == 0 {
            write!(
                self.out,
                "{{\n  \"tool\": \"tactful\",\n  \"version\": 1,\n  \"files\": ["
            )?;
        } else {
            write!(self.out, ",")?;
        }
        self.written += 1;
        let text = serde_json::to_string_pretty(v)?;
        for line in text.lines() {
            write!(self.out, "\n    {line}")?;
        }
        Ok(())
    }
}

impl Sink for Json<'_> {
    fn file(&mut self, r: &FileReport) -> io::Result<()> {
        self.entry(&file(r))
    }

    fn failed(&mut self, f: &Failure) -> io::Result<()> {
        let mut error = json!({ "message": f.message });
        if let (Some(line), Some(column)) = (f.line, f.column) {
            error["line"] = json!(line);
            error["column"] = json!(column);
        }
        self.entry(&json!({
            "path": f.path,
            "send_date": null,
            "findings": [],
            "error": error,
        }))
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        if self.written == 0 {
            write!(
                self.out,
                "{{\n  \"tool\": \"tactful\",\n  \"version\": 1,\n  \"files\": [],"
            )?;
        } else {
            write!(self.out, "\n  ],")?;
        }
        let mut summary = json!({
            "files": s.files + s.failed,
            "errors": s.errors,
            "warnings": s.warnings,
            "notes": s.notes,
        });
        if s.failed > 0 {
            summary["failed"] = json!(s.failed);
        }
        let text = serde_json::to_string_pretty(&summary)?.replace('\n', "\n  ");
        writeln!(self.out, "\n  \"summary\": {text}\n}}")
    }
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
            if let Some(phrase) = &f.phrase {
                v["phrase"] = json!(phrase);
            }
            if let Some(score) = f.score {
                v["score"] = json!(f64::from(score) / 1000.0);
            }
            v
        })
        .collect();
    json!({ "path": r.path, "send_date": r.send_date, "findings": findings })
}
