//! Output formats. Each format is one file; [`Format`] is the registry. Renderers turn
//! byte spans into lines and columns at the edge, and are the only code that writes.

mod github;
mod human;
mod json;
mod rdjsonl;
mod sarif;
mod short;

use std::io::{self, Write};

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

/// Counts for the summary line and the JSON `summary` object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for f in reports.iter().flat_map(|r| &r.findings) {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Note => s.notes += 1,
            }
        }
        s
    }
}

/// Options that shape rendering.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub quiet: bool,
}

/// Writes `reports` in `format`.
pub fn render(
    format: Format,
    reports: &[FileReport],
    docs: &[RuleDoc],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(reports, style, out),
        Format::Short => short::render(reports, out),
        Format::Json => json::render(reports, out),
        Format::Sarif => sarif::render(reports, docs, out),
        Format::Github => github::render(reports, out),
        Format::Rdjsonl => rdjsonl::render(reports, out),
    }
}
