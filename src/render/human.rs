//! `human`: rustc-style diagnostics by codespan-reporting (rule id, message, the labelled
//! span, help), then a summary line. Errors in packs, config and front matter are
//! rendered the same way, pointing at the offending line.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::Buffer, Config};

use super::{FileReport, Style, Summary};
use crate::error::SourceError;
use crate::finding::Severity;

pub fn render(reports: &[FileReport], style: Style, out: &mut dyn Write) -> io::Result<()> {
    let config = Config::default();
    let mut buf = if style.color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for r in reports {
        if r.findings.is_empty() {
            continue;
        }
        let file = SimpleFile::new(r.path.as_str(), r.source.as_str());
        for f in &r.findings {
            let severity = match f.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
                Severity::Note => CsSeverity::Note,
            };
            let label = Label::primary((), f.span.clone())
                .with_message(f.label.clone().unwrap_or_default());
            let mut d = Diagnostic::new(severity)
                .with_code(&f.rule)
                .with_message(&f.message)
                .with_labels(vec![label]);
            let notes: Vec<String> = f
                .note
                .iter()
                .map(|n| format!("note: {n}"))
                .chain(f.help.iter().map(|h| format!("help: {h}")))
                .collect();
            d = d.with_notes(notes);
            term::emit_to_write_style(&mut buf, &config, &file, &d).map_err(io::Error::other)?;
        }
    }
    out.write_all(buf.as_slice())?;
    if !style.quiet {
        writeln!(out, "{}", summary_line(&Summary::of(reports)))?;
    }
    Ok(())
}

fn summary_line(s: &Summary) -> String {
    let files = plural(s.files, "file");
    if s.errors + s.warnings + s.notes == 0 {
        return format!("tactful: no problems in {files}");
    }
    format!(
        "tactful: {}, {}, {} in {files}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.notes, "note")
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A located error (bad pack, config or front matter) as a codespan diagnostic.
pub fn error_diagnostic(e: &SourceError) -> Diagnostic<()> {
    let mut d = Diagnostic::error().with_message(&e.message);
    if !e.text.is_empty() {
        d = d.with_labels(vec![Label::primary((), e.span.clone())]);
    }
    d.with_notes(e.notes.clone())
}

/// Writes a located error like a finding, with the offending line shown.
pub fn render_source_error(e: &SourceError, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let file = SimpleFile::new(e.path.as_str(), &*e.text);
    if e.text.is_empty() {
        writeln!(out, "error: {}: {}", e.path, e.message)?;
        return Ok(());
    }
    term::emit_to_write_style(&mut buf, &Config::default(), &file, &error_diagnostic(e))
        .map_err(io::Error::other)?;
    out.write_all(buf.as_slice())
}
