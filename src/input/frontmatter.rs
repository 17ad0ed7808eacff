//! YAML front matter between `---` lines at the top of a text or Markdown draft. The keys
//! of CONTRACT §4 are parsed and validated; other keys (a static site's `title`, `layout`)
//! are left alone, but a misspelling of one of ours (`send_date`) is an error.

use std::collections::HashMap;
use std::ops::Range;

use jiff::civil::Date;
use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::error::SourceError;
use crate::yaml::{self, Spanned};

/// The kind of follow-up a draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DraftKind {
    Interview,
    Networking,
    Application,
}

impl DraftKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DraftKind::Interview => "interview",
            DraftKind::Networking => "networking",
            DraftKind::Application => "application",
        }
    }
}

/// How the contact prefers to be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Email,
    Phone,
    Text,
    Linkedin,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Text => "text",
            Channel::Linkedin => "linkedin",
        }
    }

    /// How to follow up on it: "by email", "by phone".
    pub fn by(self) -> &'static str {
        match self {
            Channel::Email => "by email",
            Channel::Phone => "by phone",
            Channel::Text => "by text message",
            Channel::Linkedin => "on LinkedIn",
        }
    }
}

/// A front matter value with the byte range of its line in the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// The recognised front matter of a draft; all keys are optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The whole block, `---` lines included.
    pub span: Option<Range<usize>>,
    pub send_date: Option<Field<Date>>,
    pub promised_by: Option<Field<Date>>,
    pub role: Option<Field<String>>,
    pub company: Option<Field<String>>,
    pub contact: Option<Field<String>>,
    pub prefers: Option<Field<Channel>>,
    pub kind: Option<Field<DraftKind>>,
    /// The subject line the draft will be sent with: linted with the body.
    pub subject: Option<Field<String>>,
    /// `tactful: {disable: [RULE, …]}`: rules (ids or pack names) silenced for this draft.
    pub disable: Vec<Field<String>>,
}

const KEYS: &[&str] = &[
    "send-date",
    "promised-by",
    "role",
    "company",
    "contact",
    "prefers",
    "kind",
    "subject",
    "tactful",
];

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Raw {
    send_date: Option<Spanned<String>>,
    promised_by: Option<Spanned<String>>,
    role: Option<Spanned<String>>,
    company: Option<Spanned<String>>,
    contact: Option<Spanned<String>>,
    prefers: Option<Spanned<Channel>>,
    kind: Option<Spanned<DraftKind>>,
    subject: Option<Spanned<String>>,
    tactful: Option<TactfulSettings>,
}

/// The `tactful:` key of front matter.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TactfulSettings {
    #[serde(default)]
    disable: Vec<Spanned<String>>,
}

/// Finds and parses front matter; returns it and the offset where the body starts.
pub fn parse(path: &str, source: &str) -> Result<(FrontMatter, usize), SourceError> {
    let bom = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let Some(open) = delimiter_line(source, bom) else {
        return Ok((FrontMatter::default(), 0));
    };
    let yaml_start = open;
    let mut pos = yaml_start;
    let close = loop {
        if pos >= source.len() {
            return Err(SourceError::new(
                path,
                source,
                bom..open,
                "front matter opened with `---` is never closed",
            )
            .with_note(
                "end it with a line `---`, or remove the first line if it is not front matter",
            ));
        }
        if let Some(next) = delimiter_line(source, pos) {
            break (pos, next);
        }
        pos = source[pos..]
            .find('\n')
            .map_or(source.len(), |i| pos + i + 1);
    };
    let yaml_text = &source[yaml_start..close.0];
    let fm = parse_yaml(path, source, yaml_start, yaml_text)?;
    Ok((
        FrontMatter {
            span: Some(bom..close.1),
            ..fm
        },
        close.1,
    ))
}

/// If a `---` (or `...` when closing) line starts at `at`, the offset after it.
fn delimiter_line(source: &str, at: usize) -> Option<usize> {
    let rest = &source[at..];
    let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    let line = rest[..line_end].trim_end_matches(['\n', '\r']).trim_end();
    (line == "---" || (at > 0 && line == "...")).then_some(at + line_end)
}

fn parse_yaml(
    path: &str,
    source: &str,
    base: usize,
    yaml_text: &str,
) -> Result<FrontMatter, SourceError> {
    if yaml_text.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    // Errors point into the draft, not into the YAML snippet.
    let shift = |mut e: SourceError| {
        e.path = path.to_string();
        e.text = source.into();
        e.span = e.span.start + base..e.span.end + base;
        e
    };
    let keys: HashMap<Spanned<String>, IgnoredAny> = yaml::parse(path, yaml_text).map_err(|e| {
        shift(e).with_note("front matter must be a YAML mapping of `key: value` lines")
    })?;
    for key in keys.keys() {
        let k = &key.value;
        let normal = k.to_ascii_lowercase().replace(['_', ' '], "-");
        if !KEYS.contains(&k.as_str()) {
            let alias = match normal.as_str() {
                "senddate" | "send-on" | "date-to-send" => Some("send-date"),
                "promisedby" | "promised" | "reply-by" => Some("promised-by"),
                "prefer" | "preferred-channel" | "channel" => Some("prefers"),
                n if KEYS.contains(&n) => Some(KEYS.iter().copied().find(|x| *x == n).unwrap_or(n)),
                _ => None,
            };
            if let Some(known) = alias {
                let r = yaml::range(key);
                return Err(SourceError::new(
                    path,
                    source,
                    r.start + base..r.end + base,
                    format!("unknown front matter key `{k}`"),
                )
                .with_note(format!("did you mean `{known}`?")));
            }
        }
    }
    let raw: Raw = yaml::parse(path, yaml_text).map_err(shift)?;
    let field = |s: &Spanned<String>| {
        let r = yaml::range(s);
        Field {
            value: s.value.trim().to_string(),
            span: r.start + base..r.end + base,
        }
    };
    let date =
        |s: &Option<Spanned<String>>, key: &str| -> Result<Option<Field<Date>>, SourceError> {
            let Some(s) = s else { return Ok(None) };
            let f = field(s);
            match f.value.parse::<Date>() {
                Ok(d) if f.value.len() == 10 => Ok(Some(Field {
                    value: d,
                    span: f.span,
                })),
                _ => Err(SourceError::new(
                    path,
                    source,
                    f.span,
                    format!(
                        "`{key}` must be a date written YYYY-MM-DD, not `{}`",
                        f.value
                    ),
                )),
            }
        };
    let spanned = |r: Range<usize>| r.start + base..r.end + base;
    Ok(FrontMatter {
        span: None,
        send_date: date(&raw.send_date, "send-date")?,
        promised_by: date(&raw.promised_by, "promised-by")?,
        role: raw.role.as_ref().map(field),
        company: raw.company.as_ref().map(field),
        contact: raw.contact.as_ref().map(field),
        prefers: raw.prefers.as_ref().map(|s| Field {
            value: s.value,
            span: spanned(yaml::range(s)),
        }),
        kind: raw.kind.as_ref().map(|s| Field {
            value: s.value,
            span: spanned(yaml::range(s)),
        }),
        subject: raw.subject.as_ref().map(|s| Field {
            value: s.value.clone(),
            span: spanned(yaml::range(s)),
        }),
        disable: raw
            .tactful
            .iter()
            .flat_map(|t| &t.disable)
            .map(field)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_keys_and_skips_others() {
        let src =
            "---\ntitle: Hello\nsend-date: 2026-12-01\nprefers: phone\nkind: interview\n---\nHi\n";
        let (fm, body) = parse("d.md", src).unwrap();
        assert_eq!(&src[body..], "Hi\n");
        let sd = fm.send_date.unwrap();
        assert_eq!(sd.value.to_string(), "2026-12-01");
        assert_eq!(&src[sd.span], "2026-12-01");
        assert_eq!(fm.prefers.unwrap().value, Channel::Phone);
        assert_eq!(fm.kind.unwrap().value, DraftKind::Interview);
        let src = "---\nsubject: Still no word?\nsend-date: 2026-12-01\n---\nHi\n";
        let subject = parse("d.md", src).unwrap().0.subject.unwrap();
        assert_eq!(&src[subject.span], "Still no word?");
    }

    #[test]
    fn errors_point_into_the_draft() {
        let src = "---\nsend-date: 2026-13-01\n---\nHi\n";
        let e = parse("d.md", src).unwrap_err();
        assert_eq!(e.line_col(), (2, 12));
        let e = parse("d.md", "---\nsend_date: 2026-12-01\n---\n").unwrap_err();
        assert!(e.notes[0].contains("send-date"), "{e:?}");
        assert_eq!(e.line_col(), (2, 1));
        let e = parse("d.md", "---\nprefers: pigeon\n---\n").unwrap_err();
        assert_eq!(e.line_col().0, 2);
        assert!(parse("d.md", "---\nsend-date: 2026-12-01\n").is_err());
    }
}
