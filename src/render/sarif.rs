//! `sarif`: SARIF 2.1.0, which GitHub code scanning and other CI tools read. Every loaded
//! rule is described in `tool.driver.rules` (written before the first file, so results
//! stream); each finding is one result; the one invocation says whether every file was
//! linted, with a notification for each that was not.
//! Columns count Unicode code points (`columnKind`), and relative paths are URIs under
//! `%SRCROOT%`, the directory the run started in.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{failure_position, Failure, FileReport, RuleDoc, Sink, Summary};
use crate::finding::Severity;
use crate::source::LineIndex;

pub struct Sarif<'a> {
    docs: &'a [RuleDoc],
    out: &'a mut dyn Write,
    started: bool,
    results: usize,
    /// One notification per file that could not be linted.
    notifications: Vec<Value>,
}

impl<'a> Sarif<'a> {
    pub fn new(docs: &'a [RuleDoc], out: &'a mut dyn Write) -> Self {
        Sarif {
            docs,
            out,
            started: false,
            results: 0,
            notifications: Vec::new(),
        }
    }

    /// The document up to the opening of `results`: the tool with every loaded rule, so a
    /// result's `ruleIndex` is known before the first file is linted.
    fn start(&mut self) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let rules: Vec<Value> = self
            .docs
            .iter()
            .map(|d| {
                let mut rule = json!({
                    "id": d.id,
                    "shortDescription": { "text": d.description },
                    "fullDescription": { "text": d.why },
                });
                if let Some(help) = &d.help {
                    rule["help"] = json!({ "text": help });
                }
                rule
            })
            .collect();
        let tool = json!({
            "driver": {
                "name": "tactful",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/tactful/tactful",
                "rules": rules,
            },
        });
        write!(
            self.out,
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"columnKind\": \"unicodeCodePoints\",",
            indent(&tool, 6)
        )?;
        if let Some(root) = src_root() {
            let base = json!({ "%SRCROOT%": { "uri": root } });
            write!(
                self.out,
                "\n      \"originalUriBaseIds\": {},",
                indent(&base, 6)
            )?;
        }
        write!(self.out, "\n      \"results\": [")
    }
}

/// `v` pretty-printed, its lines after the first indented by `by` spaces.
fn indent(v: &Value, by: usize) -> String {
    let pad = format!("\n{}", " ".repeat(by));
    serde_json::to_string_pretty(v)
        .unwrap_or_default()
        .replace('\n', &pad)
}

impl Sink for Sarif<'_> {
    fn file(&mut self, r: &FileReport) -> io::Result<()> {
        self.start()?;
        if r.findings.is_empty() {
            return Ok(());
        }
        let index = LineIndex::new(&r.source);
        for f in &r.findings {
            let (line, column) = index.line_col(&r.source, f.span.start);
            let (end_line, end_column) = index.line_col(&r.source, f.span.end);
            let rule_index = self.docs.iter().position(|d| *d.id == *f.rule);
            let mut result = json!({
                "ruleId": f.rule,
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
            });
            if let Some(i) = rule_index {
                result["ruleIndex"] = json!(i);
            }
            let sep = if self.results == 0 { "" } else { "," };
            write!(self.out, "{sep}\n        {}", indent(&result, 8))?;
            self.results += 1;
        }
        Ok(())
    }

    fn failed(&mut self, f: &Failure) -> io::Result<()> {
        self.start()?;
        let (line, column) = failure_position(f);
        self.notifications.push(json!({
            "level": "error",
            "message": { "text": format!("cannot lint this file: {}", f.message) },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": artifact(&f.path),
                    "region": { "startLine": line, "startColumn": column },
                },
            }],
        }));
        Ok(())
    }

    fn finish(&mut self, _: &Summary) -> io::Result<()> {
        self.start()?;
        let close = if self.results == 0 { "]" } else { "\n      ]" };
        let invocation = json!([{
            "executionSuccessful": self.notifications.is_empty(),
            "toolExecutionNotifications": self.notifications,
        }]);
        writeln!(
            self.out,
            "{close},\n      \"invocations\": {}\n    }}\n  ]\n}}",
            indent(&invocation, 6)
        )
    }
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
