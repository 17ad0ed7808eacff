//! Typed errors. A user's mistake in a rule pack, config file or draft is a
//! [`SourceError`]: it carries the text and the byte range, so it can be rendered like a
//! finding, with the offending line underlined.

use std::ops::Range;
use std::sync::Arc;

/// An error located in a file the user wrote (rule pack, config, front matter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub path: String,
    pub text: Arc<str>,
    pub span: Range<usize>,
    pub message: String,
    pub notes: Vec<String>,
}

impl SourceError {
    pub fn new(path: &str, text: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        SourceError {
            path: path.to_string(),
            text: Arc::from(text),
            span,
            message: message.into(),
            notes: Vec::new(),
        }
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self) -> (usize, usize) {
        let index = crate::source::LineIndex::new(&self.text);
        index.line_col(&self.text, self.span.start)
    }
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (line, col) = self.line_col();
        write!(f, "{}:{line}:{col}: {}", self.path, self.message)
    }
}

/// Everything that can make a run fail (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Source(Box<SourceError>),
    #[error("{path}: {message}")]
    Input { path: String, message: String },
    #[error("{0}")]
    Usage(String),
}

impl From<SourceError> for Error {
    fn from(e: SourceError) -> Self {
        Error::Source(Box::new(e))
    }
}
