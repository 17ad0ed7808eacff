//! What a lint run produces: findings with a rule id, category, severity and byte span.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// What kind of problem a rule finds (CONTRACT §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Blame,
    Pleasantry,
    Interest,
    Timing,
    Channel,
    Placeholder,
    /// Text meant for the recipient that tactful cannot read, so cannot check.
    Unreadable,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Blame => "blame",
            Category::Pleasantry => "pleasantry",
            Category::Interest => "interest",
            Category::Timing => "timing",
            Category::Channel => "channel",
            Category::Placeholder => "placeholder",
            Category::Unreadable => "unreadable",
        }
    }

    /// The severity a rule of this category has unless its pack or the config says otherwise.
    pub fn default_severity(self) -> Severity {
        match self {
            Category::Blame | Category::Placeholder | Category::Unreadable => Severity::Error,
            Category::Pleasantry | Category::Interest | Category::Timing => Severity::Warning,
            Category::Channel => Severity::Note,
        }
    }
}

/// One problem in one draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule id, message and help are shared with the rule (and every other finding of
    /// it): a draft with many findings holds each text once.
    pub rule: Arc<str>,
    pub category: Category,
    pub severity: Severity,
    pub message: Arc<str>,
    /// Byte range in the input as read; `end` exclusive.
    pub span: Range<usize>,
    pub help: Option<Arc<str>>,
    /// A label for the span in rich output ("the ask comes first here").
    pub label: Option<String>,
    /// Where the words really are when the span's bytes are encoded (a quoted-printable or
    /// base64 mail body, an HTML part): the line of the decoded text, and the words.
    pub note: Option<String>,
    /// The words as the reader sees them, when the bytes at `span` are encoded.
    pub words: Option<String>,
    /// For a learned rule: the probability its model gave the sentence, in thousandths.
    pub score: Option<u16>,
    /// For a phrase rule: the phrase, as its pack writes it, that matched.
    pub phrase: Option<Arc<str>>,
}

impl Finding {
    /// The words the finding is about: as the reader sees them, else the bytes of
    /// `source` (the input as read) at its span.
    pub fn text<'a>(&'a self, source: &'a str) -> &'a str {
        self.words
            .as_deref()
            .unwrap_or_else(|| source.get(self.span.clone()).unwrap_or(""))
    }

    /// The message with the note, if any, for one-line formats.
    pub fn message_with_note(&self) -> String {
        match &self.note {
            Some(n) => format!("{} ({n})", self.message),
            None => self.message.to_string(),
        }
    }
}
