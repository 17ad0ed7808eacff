//! `human`: rustc-style diagnostics by codespan-reporting (rule id, message, the labelled
//! span, help), then a summary line. Errors in packs, config and front matter are
//! rendered the same way, pointing at the offending line.

use std::io::{self, Write};

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{self, Files, SimpleFile};
use codespan_reporting::term::{self, termcolor::Buffer, Config};

use super::{Failure, FileReport, Sink, Style, Summary};
use crate::error::SourceError;
use crate::finding::Severity;
use crate::source::{floor_char_boundary, LineIndex};

/// How much of a long line is shown on each side of a finding.
const CONTEXT: usize = 240;

/// Diagnostics for each file as it comes, then the summary line. Files that could not be
/// linted are said on stderr by the run (with their source line when there is one); the
/// summary counts them.
pub struct Human<'a> {
    style: Style,
    config: Config,
    out: &'a mut dyn Write,
}

impl<'a> Human<'a> {
    pub fn new(style: Style, out: &'a mut dyn Write) -> Self {
        Human {
            style,
            config: Config::default(),
            out,
        }
    }
}

impl Sink for Human<'_> {
    fn file(&mut self, r: &FileReport) -> io::Result<()> {
        if r.findings.is_empty() {
            return Ok(());
        }
        let mut buf = if self.style.color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        let file = SimpleFile::new(r.path.as_str(), r.source.as_str());
        let index = LineIndex::new(&r.source);
        for f in &r.findings {
            let severity = match f.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
                Severity::Note => CsSeverity::Note,
            };
            let excerpt = Excerpt::around(&r.path, &r.source, &index, &f.span);
            let span = excerpt
                .as_ref()
                .map_or(f.span.clone(), |e| e.shift(&f.span));
            let label = Label::primary((), span).with_message(f.label.clone().unwrap_or_default());
            let mut d = Diagnostic::new(severity)
                .with_code(&*f.rule)
                .with_message(&*f.message)
                .with_labels(vec![label]);
            let notes: Vec<String> = f
                .note
                .iter()
                .map(|n| format!("note: {n}"))
                .chain(f.help.iter().map(|h| format!("help: {h}")))
                .collect();
            d = d.with_notes(notes);
            match &excerpt {
                Some(e) => term::emit_to_write_style(&mut buf, &self.config, e, &d),
                None => term::emit_to_write_style(&mut buf, &self.config, &file, &d),
            }
            .map_err(io::Error::other)?;
        }
        self.out.write_all(buf.as_slice())
    }

    fn failed(&mut self, _: &Failure) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        if !self.style.quiet {
            writeln!(self.out, "{}", summary_line(s))?;
        }
        Ok(())
    }
}

/// The lines of a finding in a long line, cut to [`CONTEXT`] bytes on each side of it
/// (marked `…`), so that showing a finding costs the same however long its line is. Line
/// and column numbers are those of the whole file.
struct Excerpt<'a> {
    name: &'a str,
    text: String,
    /// The line starts of `text`.
    starts: Vec<usize>,
    /// Where `text` (after its `…`) starts in the file, and the bytes of `…` before it.
    from: usize,
    prefix: usize,
    /// The 0-based index of the file's line that `text` starts on.
    first_line: usize,
    source: &'a str,
    index: &'a LineIndex,
}

impl<'a> Excerpt<'a> {
    /// An excerpt for `span` of `source` (the file `name`), or `None` when its lines are
    /// short enough to show whole.
    fn around(
        name: &'a str,
        source: &'a str,
        index: &'a LineIndex,
        span: &Range<usize>,
    ) -> Option<Self> {
        let (line, _) = index.line_col(source, span.start);
        let line_start = index.line_range(source, line).start;
        let (end_line, _) = index.line_col(source, span.end);
        let line_end = index.line_range(source, end_line).end;
        let long_span = span.len() > 2 * CONTEXT;
        if span.start - line_start <= CONTEXT
            && line_end.saturating_sub(span.end) <= CONTEXT
            && !long_span
        {
            return None;
        }
        let from = floor_char_boundary(source, span.start.saturating_sub(CONTEXT).max(line_start));
        // A long span is shown by its start.
        let end = if long_span {
            span.start + 2 * CONTEXT
        } else {
            span.end
        };
        let mut to = (end + CONTEXT).min(line_end.max(end)).max(end);
        while !source.is_char_boundary(to) {
            to += 1;
        }
        let mut text = String::new();
        if from > line_start {
            text.push('…');
        }
        let prefix = text.len();
        text.push_str(&source[from..to]);
        if to < line_end {
            text.push('…');
        }
        let starts = files::line_starts(&text).collect();
        Some(Excerpt {
            name,
            text,
            starts,
            from,
            prefix,
            first_line: line - 1,
            source,
            index,
        })
    }

    /// `span` of the file as a span of the excerpt (cut at its end).
    fn shift(&self, span: &Range<usize>) -> Range<usize> {
        let start = span.start - self.from + self.prefix;
        let end = (span.end - self.from + self.prefix).min(self.text.len());
        start..end.max(start)
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self
            .starts
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.first_line + line_index + 1)
    }

    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let at = self.from + byte_index.saturating_sub(self.prefix);
        Ok(self
            .index
            .line_col(self.source, at.min(self.source.len()))
            .1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        let start = *self
            .starts
            .get(line_index)
            .ok_or(files::Error::LineTooLarge {
                given: line_index,
                max: self.starts.len() - 1,
            })?;
        let end = self
            .starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.text.len());
        Ok(start..end)
    }
}

fn summary_line(s: &Summary) -> String {
    let files = plural(s.files, "file");
    let failed = match s.failed {
        0 => String::new(),
        1 => "; 1 file could not be linted".to_string(),
        n => format!("; {n} files could not be linted"),
    };
    if s.errors + s.warnings + s.notes == 0 {
        return format!("tactful: no problems in {files}{failed}");
    }
    format!(
        "tactful: {}, {}, {} in {files}{failed}",
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

/// Writes a located error like a finding, with the offending line shown (cut around the
/// error when the line is long).
pub fn render_source_error(e: &SourceError, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    if e.text.is_empty() {
        writeln!(out, "error: {}: {}", e.path, e.message)?;
        return Ok(());
    }
    let index = LineIndex::new(&e.text);
    let span = e.span.start.min(e.text.len())..e.span.end.min(e.text.len());
    let excerpt = Excerpt::around(&e.path, &e.text, &index, &span);
    let mut d = error_diagnostic(e);
    match &excerpt {
        Some(x) => {
            d.labels = vec![Label::primary((), x.shift(&span))];
            term::emit_to_write_style(&mut buf, &Config::default(), x, &d)
        }
        None => {
            let file = SimpleFile::new(e.path.as_str(), &*e.text);
            term::emit_to_write_style(&mut buf, &Config::default(), &file, &d)
        }
    }
    .map_err(io::Error::other)?;
    out.write_all(buf.as_slice())
}
