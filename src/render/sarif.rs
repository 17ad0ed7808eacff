//! `sarif`: SARIF 2.1.0, which GitHub code scanning and other CI tools read. Every rule that
//! reported something is described in `tool.driver.rules`; each finding is one result.
//! Columns count Unicode code points (`columnKind`), and relative paths are URIs under
//! `%SRCROOT%`, the directory the run started in.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{FileReport, RuleDoc};
use crate::finding::Severity;
use crate::source::LineIndex;

pub fn render(reports: &[FileReport], docs: &[RuleDoc], out: &mut dyn Write) -> io::Result<()> {
    let mut reported: Vec<&str> = reports
        .iter()
        .flat_map(|r| r.findings.iter().map(|f| &*f.rule))
        .collect();
    reported.sort_unstable();
    reported.dedup();
    let rules: Vec<Value> = reported
        .iter()
        .map(|id| {
            let doc = docs.iter().find(|d| d.id == *id);
            let short = doc.map_or(*id, |d| d.description.as_str());
            let full = doc.map_or(short, |d| d.why.as_str());
            let mut rule = json!({
                "id": id,
                "shortDescription": { "text": short },
                "fullDescription": { "text": full },
            });
            if let Some(help) = doc.and_then(|d| d.help.as_deref()) {
                rule["help"] = json!({ "text": help });
            }
            rule
        })
        .collect();
    let mut results = Vec::new();
    for r in reports {
        let index = LineIndex::new(&r.source);
        for f in &r.findings {
            let (line, column) = index.line_col(&r.source, f.span.start);
            let (end_line, end_column) = index.line_col(&r.source, f.span.end);
            let rule_index = reported.iter().position(|id| *id == &*f.rule).unwrap_or(0);
            results.push(json!({
                "ruleId": f.rule,
                "ruleIndex": rule_index,
                "level": level(f.severity),
                "message": { "text": f.message_with_note() },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact(&r.path),
                        "region": {
                            "startLine": line,
                            "startColumn": column,
                            "endLine": end_line,
                            "endColumn": end_column,
                            "byteOffset": f.span.start,
                            "byteLength": f.span.len(),
                        },
                    },
                }],
            }));
        }
    }
    let mut run = json!({
        "tool": {
            "driver": {
                "name": "tactful",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/tactful/tactful",
                "rules": rules,
            },
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if let Some(root) = src_root() {
        run["originalUriBaseIds"] = json!({ "%SRCROOT%": { "uri": root } });
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A relative path becomes a URI relative to `%SRCROOT%` (what code scanning needs to find
/// the file in the repository); an absolute one a `file://` URI.
fn artifact(path: &str) -> Value {
    let p = path.replace('\\', "/");
    if p == "-" {
        return json!({ "uri": "stdin" });
    }
    if p.starts_with('/') {
        return json!({ "uri": format!("file://{}", percent(&p)) });
    }
    let rel = p.trim_start_matches("./");
    json!({ "uri": percent(rel), "uriBaseId": "%SRCROOT%" })
}

/// The current directory as a `file://` URI ending in `/`.
fn src_root() -> Option<String> {
    let cwd = std::env::current_dir().ok()?;
    let s = cwd.to_str()?.replace('\\', "/");
    let s = if s.starts_with('/') {
        s
    } else {
        format!("/{s}")
    };
    Some(format!("file://{}/", percent(s.trim_end_matches('/'))))
}

/// Percent-encodes what may not stand in a URI path.
fn percent(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
