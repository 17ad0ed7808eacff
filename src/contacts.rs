//! The contacts file: what the job seeker knows about each person they write to. Keyed by
//! address or name, each entry says how they like to be reached, when they promised to get
//! back and in what words, their role, company and kind of contact, and when the job seeker
//! last followed up:
//!
//! ```yaml
//! # People I'm in touch with
//! jane@acme.com:
//!   name: Jane Doe
//!   prefers: phone          # she called back when I emailed
//!   promised-by: 2026-09-29
//!   said: please allow up to ten working days for a response
//!   said-on: 2026-09-15
//!   kind: interview
//! ```
//!
//! It is found like the config (`tactful-contacts.yaml` or `.tactful-contacts.yaml` in the
//! current directory or above), else in the user's config folder
//! (`$XDG_CONFIG_HOME/tactful/contacts.yaml`, `~/.config/tactful/contacts.yaml`), unless
//! `--contacts`, `TACTFUL_CONTACTS` or the config's `contacts:` names one. `tactful contact`
//! edits it in place with yaml-edit, so its comments, order and layout stay as written.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use jiff::civil::Date;
use serde::Deserialize;

use crate::error::{Error, SourceError};
use crate::input::{Channel, DraftKind};
use crate::yaml::{self, Spanned};

/// File names searched for, in order, in each directory.
pub const FILE_NAMES: &[&str] = &["tactful-contacts.yaml", ".tactful-contacts.yaml"];

/// The environment variable that names the contacts file.
pub const ENV_VAR: &str = "TACTFUL_CONTACTS";

/// The keys of an entry, in the order `tactful contact set` writes new ones.
pub const KEYS: &[&str] = &[
    "name",
    "also",
    "role",
    "company",
    "kind",
    "prefers",
    "promised-by",
    "said",
    "said-on",
    "followed-up",
    "notes",
];

/// What is known about one person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: Option<String>,
    /// Other addresses or names they write from.
    pub also: Vec<String>,
    pub role: Option<String>,
    pub company: Option<String>,
    pub kind: Option<DraftKind>,
    pub prefers: Option<Channel>,
    pub promised_by: Option<Date>,
    /// Their words about when they would get back.
    pub said: Option<String>,
    /// The day they said it.
    pub said_on: Option<Date>,
    /// The last day the job seeker followed up.
    pub followed_up: Option<Date>,
    pub notes: Option<String>,
}

/// One entry of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub contact: Contact,
    /// Where the entry's fields are written.
    pub span: Range<usize>,
}

/// A loaded contacts file.
#[derive(Debug, Clone, Default)]
pub struct Contacts {
    pub path: Option<PathBuf>,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    name: Option<String>,
    #[serde(default)]
    also: OneOrMany,
    role: Option<String>,
    company: Option<String>,
    kind: Option<DraftKind>,
    prefers: Option<Channel>,
    promised_by: Option<Spanned<String>>,
    said: Option<String>,
    said_on: Option<Spanned<String>>,
    followed_up: Option<Spanned<String>>,
    notes: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl Contacts {
    /// Reads the contacts in `text` (the contents of `path`).
    pub fn parse(path: &str, text: &str) -> Result<Contacts, SourceError> {
        if text
            .trim()
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            return Ok(Contacts::default());
        }
        let raw: BTreeMap<String, Option<Spanned<Raw>>> = yaml::parse(path, text)?;
        let mut entries = Vec::new();
        for (key, value) in raw {
            let Some(value) = value else {
                entries.push(Entry {
                    key,
                    contact: Contact::default(),
                    span: text.len()..text.len(),
                });
                continue;
            };
            let span = yaml::range(&value);
            let r = value.value;
            let date =
                |s: &Option<Spanned<String>>, name: &str| -> Result<Option<Date>, SourceError> {
                    let Some(s) = s else { return Ok(None) };
                    let v = s.value.trim();
                    match v.parse::<Date>() {
                        Ok(d) if v.len() == 10 => Ok(Some(d)),
                        _ => Err(SourceError::new(
                            path,
                            text,
                            yaml::range(s),
                            format!("`{name}` must be a date written YYYY-MM-DD, not `{v}`"),
                        )),
                    }
                };
            let contact = Contact {
                name: r.name,
                also: match r.also {
                    OneOrMany::None => Vec::new(),
                    OneOrMany::One(s) => vec![s],
                    OneOrMany::Many(v) => v,
                },
                role: r.role,
                company: r.company,
                kind: r.kind,
                prefers: r.prefers,
                promised_by: date(&r.promised_by, "promised-by")?,
                said: r.said,
                said_on: date(&r.said_on, "said-on")?,
                followed_up: date(&r.followed_up, "followed-up")?,
                notes: r.notes,
            };
            entries.push(Entry { key, contact, span });
        }
        entries.sort_by_key(|e| e.span.start);
        Ok(Contacts {
            path: Some(PathBuf::from(path)),
            entries,
        })
    }

    /// Reads the contacts file at `path`; a missing file is an empty one.
    pub fn load(path: &Path) -> Result<Contacts, Error> {
        let display = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Contacts {
                    path: Some(path.to_path_buf()),
                    entries: Vec::new(),
                })
            }
            Err(e) => {
                return Err(Error::Input {
                    path: display,
                    message: format!("cannot read contacts: {e}"),
                })
            }
        };
        let mut c = Contacts::parse(&display, &text)?;
        c.path = Some(path.to_path_buf());
        Ok(c)
    }

    /// The contacts file to use from `dir`: the first of [`FILE_NAMES`] there or above,
    /// else the user's one (which need not exist yet).
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n)))
            .find(|p| p.is_file())
            .or_else(user_file)
    }

    /// The entry for someone named by address or by name (case does not matter).
    pub fn find(&self, who: &str) -> Option<&Entry> {
        let who = who.trim();
        if who.is_empty() {
            return None;
        }
        let is = |s: &str| s.trim().eq_ignore_ascii_case(who);
        self.entries
            .iter()
            .find(|e| is(&e.key) || e.contact.also.iter().any(|a| is(a)))
            .or_else(|| {
                self.entries
                    .iter()
                    .find(|e| e.contact.name.as_deref().is_some_and(is))
            })
    }

    /// The entry for a person of a message's headers: by address, else by name.
    pub fn find_person(&self, name: Option<&str>, address: Option<&str>) -> Option<&Entry> {
        address
            .and_then(|a| self.find(a))
            .or_else(|| name.and_then(|n| self.find(n)))
    }
}

/// Where a run's contacts file is: `flag`, else `TACTFUL_CONTACTS`, else the config's
/// `contacts`, else [`Contacts::discover`] from the current directory.
pub fn path_for(flag: Option<&Path>, config: &crate::config::Config) -> Option<(PathBuf, bool)> {
    if let Some(p) = flag {
        return Some((p.to_path_buf(), true));
    }
    if let Some(p) = std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    if let Some(p) = &config.contacts {
        return Some((p.clone(), true));
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    Contacts::discover(&cwd).map(|p| (p, false))
}

/// The contacts of a run, if there is a file (one named explicitly must exist).
pub fn for_run(
    flag: Option<&Path>,
    config: &crate::config::Config,
) -> Result<Option<Contacts>, Error> {
    let Some((path, named)) = path_for(flag, config) else {
        return Ok(None);
    };
    if !path.is_file() {
        if named {
            return Err(Error::Input {
                path: path.display().to_string(),
                message: "cannot read contacts: no such file".into(),
            });
        }
        return Ok(None);
    }
    Contacts::load(&path).map(Some)
}

/// `$XDG_CONFIG_HOME/tactful/contacts.yaml`, else `~/.config/tactful/contacts.yaml`.
pub fn user_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(base.join("tactful").join("contacts.yaml"))
}

/// One change to an entry: a key set to a value, or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Set(&'static str, String),
    Remove(&'static str),
}

/// `text` (a contacts file) with the entry `key` changed, created if missing; comments,
/// order and layout of everything else kept.
pub fn edit(path: &str, text: &str, key: &str, changes: &[Change]) -> Result<String, Error> {
    // Check it reads as contacts first, so a broken file is reported, not rewritten.
    let before = Contacts::parse(path, text)?;
    let blank = text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    let doc = if blank {
        let mut start = text.to_string();
        if !start.is_empty() && !start.ends_with('\n') {
            start.push('\n');
        }
        start.push_str(&format!("{}: {{}}\n", quote_key(key)));
        yaml_edit::Document::from_str(&start).map_err(|e| edit_error(path, e))?
    } else {
        yaml_edit::Document::from_str(text).map_err(|e| edit_error(path, e))?
    };
    let root = doc.as_mapping().ok_or_else(|| Error::Input {
        path: path.to_string(),
        message: "the contacts file must be a mapping of addresses or names to entries".into(),
    })?;
    // The key as written in the file, whatever its case.
    let existing = before.find(key).map(|e| e.key.clone());
    let written = existing.unwrap_or_else(|| key.to_string());
    let entry = match root.get_mapping(written.as_str()) {
        Some(m) if !m.is_flow_style() => m,
        _ => {
            root.set(written.as_str(), yaml_edit::Mapping::new());
            root.get_mapping(written.as_str())
                .ok_or_else(|| Error::Input {
                    path: path.to_string(),
                    message: format!("cannot add `{written}` to the contacts file"),
                })?
        }
    };
    for change in changes {
        match change {
            Change::Set(k, v) => entry.set(*k, v.as_str()),
            Change::Remove(k) => {
                entry.remove(*k);
            }
        }
    }
    let out = doc.to_string();
    // What was written must read back as the same contacts with the change.
    Contacts::parse(path, &out).map_err(|e| Error::Input {
        path: path.to_string(),
        message: format!(
            "the edit would break the file ({}); it was not written",
            e.message
        ),
    })?;
    Ok(out)
}

fn quote_key(key: &str) -> String {
    if key
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '@' | '.' | '-' | '_' | '+' | ' '))
        && !key.starts_with(' ')
    {
        key.to_string()
    } else {
        format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

fn edit_error(path: &str, e: yaml_edit::YamlError) -> Error {
    Error::Input {
        path: path.to_string(),
        message: format!("cannot edit the contacts file: {e}"),
    }
}

/// `text` with the entry `key` removed (comments elsewhere kept); `None` when there is no
/// such entry.
pub fn remove(path: &str, text: &str, key: &str) -> Result<Option<String>, Error> {
    let Some(existing) = Contacts::parse(path, text)?
        .find(key)
        .map(|e| e.key.clone())
    else {
        return Ok(None);
    };
    let doc = yaml_edit::Document::from_str(text).map_err(|e| edit_error(path, e))?;
    doc.remove(existing.as_str());
    Ok(Some(doc.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const FILE: &str = "# People I'm in touch with\njane@acme.com:   # recruiter\n  name: Jane Doe\n  prefers: email  # said so\n\n# from the meetup\n\"Sam Lee\":\n  role: engineering manager\n  also: [sam@lee.dev]\n";

    #[test]
    fn reads_entries_in_file_order() {
        let c = Contacts::parse("c.yaml", FILE).unwrap();
        assert_eq!(c.entries.len(), 2);
        assert_eq!(c.entries[0].key, "jane@acme.com");
        assert_eq!(c.entries[0].contact.prefers, Some(Channel::Email));
        assert_eq!(c.find("JANE@acme.com").unwrap().key, "jane@acme.com");
        assert_eq!(c.find("jane doe").unwrap().key, "jane@acme.com");
        assert_eq!(c.find("sam@lee.dev").unwrap().key, "Sam Lee");
        assert!(c.find("nobody").is_none());
    }

    #[test]
    fn edits_keep_comments_and_order() {
        let out = edit(
            "c.yaml",
            FILE,
            "Jane@Acme.com",
            &[
                Change::Set("prefers", "phone".into()),
                Change::Set("promised-by", "2026-09-29".into()),
                Change::Set("said", "please allow: ten \"working\" days".into()),
            ],
        )
        .unwrap();
        assert!(out.starts_with("# People I'm in touch with\njane@acme.com:   # recruiter\n  name: Jane Doe\n  prefers: phone  # said so\n"), "{out}");
        assert!(out.contains("# from the meetup\n\"Sam Lee\":"), "{out}");
        let c = Contacts::parse("c.yaml", &out).unwrap();
        let jane = &c.find("jane@acme.com").unwrap().contact;
        assert_eq!(jane.promised_by, Some(date(2026, 9, 29)));
        assert_eq!(
            jane.said.as_deref(),
            Some("please allow: ten \"working\" days")
        );
        assert_eq!(c.entries[1].key, "Sam Lee");
        // A new entry goes at the end.
        let out = edit(
            "c.yaml",
            &out,
            "lee@y.org",
            &[Change::Set("prefers", "linkedin".into())],
        )
        .unwrap();
        let c = Contacts::parse("c.yaml", &out).unwrap();
        assert_eq!(c.entries.last().unwrap().key, "lee@y.org");
        assert_eq!(
            c.entries.last().unwrap().contact.prefers,
            Some(Channel::Linkedin)
        );
        // Into an empty file, or one with only comments.
        for start in ["", "# mine\n"] {
            let out = edit(
                "c.yaml",
                start,
                "a@b.c",
                &[Change::Set("prefers", "text".into())],
            )
            .unwrap();
            assert!(out.starts_with(start));
            let c = Contacts::parse("c.yaml", &out).unwrap();
            assert_eq!(
                c.find("a@b.c").unwrap().contact.prefers,
                Some(Channel::Text),
                "{out}"
            );
        }
        let out = remove("c.yaml", FILE, "sam lee").unwrap().unwrap();
        assert!(
            !out.contains("Sam Lee") && out.contains("# People"),
            "{out}"
        );
    }

    #[test]
    fn broken_files_name_line_and_column() {
        let e = Contacts::parse("c.yaml", "jane@acme.com:\n  prefers: pigeon\n").unwrap_err();
        assert_eq!(e.line_col().0, 2, "{e:?}");
        let e =
            Contacts::parse("c.yaml", "jane@acme.com:\n  promised-by: next week\n").unwrap_err();
        assert_eq!(e.line_col(), (2, 16), "{e:?}");
        assert!(e.message.contains("YYYY-MM-DD"));
        let e = Contacts::parse("c.yaml", "jane@acme.com:\n  prefer: phone\n").unwrap_err();
        assert_eq!(e.line_col().0, 2, "{e:?}");
        assert!(edit("c.yaml", "a: [1\n", "x", &[]).is_err());
    }
}
