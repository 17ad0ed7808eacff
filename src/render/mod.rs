//! Output formats. Each format is one file; [`Format`] is the registry. Renderers turn
//! byte spans into lines and columns at the edge, and are the only code that writes.
//!
//! Output streams: a [`Sink`] takes each file's findings as the file is done (in the order
//! the run gives, which is sorted), and the run's summary at the end, so memory does not
//! grow with the number of files. A file that could not be linted is a [`Failure`], and
//! every format shows it.

mod github;
mod human;
mod json;
mod rdjsonl;
mod sarif;
mod short;

use std::io::{self, Write};

use crate::error::Error;
use crate::finding::{Finding, Severity};

pub use human::{error_diagnostic, render_source_error};

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with the source line and a summary
    Human,
    /// One line per finding: `path:line:col: severity[rule]: message`
    Short,
    /// One JSON document (version 1)
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions annotations (workflow commands)
    Github,
    /// reviewdog diagnostics, one JSON object per line
    Rdjsonl,
}

impl Format {
    /// Whether the output is one document that a stray line would break.
    pub fn is_document(self) -> bool {
        matches!(self, Format::Json | Format::Sarif)
    }
}

/// What the formats that describe rules (SARIF) say about each one.
#[derive(Debug, Clone)]
pub struct RuleDoc {
    pub id: String,
    pub description: String,
    pub why: String,
    pub help: Option<String>,
}

/// The findings of one file, with the text they point into.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: String,
    pub source: String,
    pub send_date: Option<String>,
    pub findings: Vec<Finding>,
}

/// A file that could not be linted, and why.
#[derive(Debug, Clone)]
pub struct Failure {
    pub path: String,
    pub message: String,
    /// Where in the file the problem is, when it is in one place (1-based).
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The error itself, for formats that render it in full.
    pub error: std::sync::Arc<Error>,
}

impl Failure {
    /// The failure of `path` (the input as the run names it) that `error` describes.
    pub fn new(path: &str, error: Error) -> Failure {
        let (message, line, column) = match &error {
            Error::Source(se) => {
                let (l, c) = se.line_col();
                let located = !se.text.is_empty();
                (
                    se.message.clone(),
                    located.then_some(l),
                    located.then_some(c),
                )
            }
            Error::Input { message, .. } => (message.clone(), None, None),
            Error::Usage(m) => (m.clone(), None, None),
        };
        Failure {
            path: path.to_string(),
            message,
            line,
            column,
            error: std::sync::Arc::new(error),
        }
    }
}

/// Counts for the summary line and the JSON `summary` object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files linted.
    pub files: usize,
    /// Files that could not be linted.
    pub failed: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary::default();
        for r in reports {
            s.add(r);
        }
        s
    }

    /// Counts one more linted file.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        for f in &report.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Note => self.notes += 1,
            }
        }
    }
}

/// Options that shape rendering.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub quiet: bool,
}

/// Where a run's results go, file by file.
pub trait Sink {
    /// One linted file, with its findings.
    fn file(&mut self, report: &FileReport) -> io::Result<()>;
    /// One file that could not be linted.
    fn failed(&mut self, failure: &Failure) -> io::Result<()>;
    /// The end of the run.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// A sink writing `format` to `out`. `docs` describes every loaded rule (SARIF lists them
/// up front).
pub fn sink<'a>(
    format: Format,
    docs: &'a [RuleDoc],
    style: Style,
    out: &'a mut dyn Write,
) -> Box<dyn Sink + 'a> {
    match format {
        Format::Human => Box::new(human::Human::new(style, out)),
        Format::Short => Box::new(short::Short { out }),
        Format::Json => Box::new(json::Json::new(out)),
        Format::Sarif => Box::new(sarif::Sarif::new(docs, out)),
        Format::Github => Box::new(github::Github { out }),
        Format::Rdjsonl => Box::new(rdjsonl::Rdjsonl { out }),
    }
}

/// Writes `reports` (and `failures`, after them) in `format`, all at once.
pub fn render_all(
    format: Format,
    reports: &[FileReport],
    failures: &[Failure],
    docs: &[RuleDoc],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut sink = sink(format, docs, style, out);
    let mut summary = Summary::default();
    for r in reports {
        summary.add(r);
        sink.file(r)?;
    }
    for f in failures {
        summary.failed += 1;
        sink.failed(f)?;
    }
    sink.finish(&summary)
}

/// Writes `reports` in `format`.
pub fn render(
    format: Format,
    reports: &[FileReport],
    docs: &[RuleDoc],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    render_all(format, reports, &[], docs, style, out)
}

/// The 1-based line and column of a failure, for formats that need one.
fn failure_position(f: &Failure) -> (usize, usize) {
    (f.line.unwrap_or(1), f.column.unwrap_or(1))
}
