//! The config file: `tactful.yaml` or `.tactful.yaml`, found from the current directory
//! upward, or named with `--config`. It adds packs, changes rule severities or turns rules
//! off, and sets defaults (holidays, deny level) that command-line flags override.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, SourceError};
use crate::finding::Severity;
use crate::yaml::{self, Spanned};

/// File names searched for, in order, in each directory.
pub const FILE_NAMES: &[&str] = &["tactful.yaml", ".tactful.yaml"];

/// A rule's level in the config: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Note,
    Off,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Note => Some(Severity::Note),
            Level::Off => None,
        }
    }
}

/// `deny` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Deny {
    /// Only errors fail the run (the default)
    Errors,
    /// Warnings fail the run too
    Warnings,
}

impl Deny {
    /// Whether a finding of `severity` fails the run at this level.
    pub fn fails(self, severity: crate::finding::Severity) -> bool {
        use crate::finding::Severity;
        severity == Severity::Error || (self == Deny::Warnings && severity == Severity::Warning)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    packs: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<Level>>,
    #[serde(default)]
    no_default_rules: bool,
    #[serde(default)]
    holidays: Option<Spanned<String>>,
    #[serde(default)]
    deny: Option<Deny>,
    #[serde(default)]
    templates: bool,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<IgnoreFile>>,
    #[serde(default)]
    contacts: Option<Spanned<String>>,
    #[serde(default)]
    timezone: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IgnoreFile {
    rule: String,
    #[serde(default)]
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    text: Option<String>,
}

/// One entry of the config's `ignore` list: findings of `rule` (an id, a pack name, or
/// `all`), in files matching `paths` (all files when empty; `<message>` is the guard's),
/// whose text is `text` (any text when unset; case and blanks do not matter).
#[derive(Debug, Clone)]
pub struct IgnoreEntry {
    pub rule: String,
    pub paths: Option<globset::GlobSet>,
    pub text: Option<String>,
    /// Where the entry is written, for reporting it unused.
    pub span: std::ops::Range<usize>,
}

impl IgnoreEntry {
    /// Whether this entry silences a finding of `rule` on `text` in the file at `path`.
    pub fn covers(&self, path: &str, rule: &str, text: &str) -> bool {
        let squash = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        crate::suppress::names_rule(&self.rule, rule)
            && self
                .paths
                .as_ref()
                .is_none_or(|g| g.is_match(path) || g.is_match(path.trim_start_matches("./")))
            && self.text.as_ref().is_none_or(|t| squash(t) == squash(text))
    }
}

/// A loaded config file.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub text: String,
    /// Pack paths, resolved against the config file's directory.
    pub packs: Vec<PathBuf>,
    /// Rule id → level, with the span of the level for errors about unknown ids.
    pub rules: Vec<(String, Level, std::ops::Range<usize>)>,
    pub no_default_rules: bool,
    pub holidays: Option<String>,
    pub deny: Option<Deny>,
    pub templates: bool,
    /// Globs (gitignore syntax, relative to each folder walked) that pick draft files, and
    /// that leave files out.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Findings silenced from the config (for mail, where a comment would be sent).
    pub ignore: Vec<IgnoreEntry>,
    /// The contacts file it names, resolved against its directory.
    pub contacts: Option<PathBuf>,
    /// The time zone of "today" and of send dates (an IANA name), instead of `TZ`'s.
    pub timezone: Option<jiff::tz::TimeZone>,
}

impl Config {
    /// Reads the config at `path`.
    pub fn load(path: &Path) -> Result<Config, Error> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::Input {
            path: display.clone(),
            message: format!("cannot read config: {e}"),
        })?;
        let file: ConfigFile = yaml::parse(&display, &text)?;
        for g in file.include.iter().chain(&file.exclude) {
            if let Err(e) = globset::Glob::new(&g.value) {
                return Err(SourceError::new(
                    &display,
                    &text,
                    yaml::range(g),
                    format!("invalid glob: {}", e.kind()),
                )
                .into());
            }
        }
        let mut ignore = Vec::new();
        for entry in &file.ignore {
            let mut set = globset::GlobSetBuilder::new();
            for g in &entry.value.paths {
                let glob = globset::Glob::new(&g.value).map_err(|e| {
                    SourceError::new(
                        &display,
                        &text,
                        yaml::range(g),
                        format!("invalid glob: {}", e.kind()),
                    )
                })?;
                set.add(glob);
            }
            let paths = if entry.value.paths.is_empty() {
                None
            } else {
                set.build().ok()
            };
            ignore.push(IgnoreEntry {
                rule: entry.value.rule.clone(),
                paths,
                text: entry.value.text.clone(),
                span: yaml::range(entry),
            });
        }
        let base = path.parent().unwrap_or(Path::new("."));
        let timezone = match &file.timezone {
            None => None,
            Some(z) => Some(jiff::tz::TimeZone::get(z.value.trim()).map_err(|_| {
                SourceError::new(
                    &display,
                    &text,
                    yaml::range(z),
                    format!(
                        "`{}` is not a time zone tactful knows: write an IANA name such as Europe/London or America/New_York",
                        z.value.trim()
                    ),
                )
            })?),
        };
        Ok(Config {
            contacts: file.contacts.map(|c| base.join(c.value)),
            timezone,
            path: Some(path.to_path_buf()),
            packs: file.packs.iter().map(|p| base.join(&p.value)).collect(),
            rules: file
                .rules
                .iter()
                .map(|(k, v)| (k.clone(), v.value, yaml::range(v)))
                .collect(),
            no_default_rules: file.no_default_rules,
            holidays: file.holidays.map(|h| h.value),
            deny: file.deny,
            templates: file.templates,
            include: file.include.into_iter().map(|g| g.value).collect(),
            exclude: file.exclude.into_iter().map(|g| g.value).collect(),
            ignore,
            text,
        })
    }

    /// The first config file in `dir` or any of its ancestors.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n)))
            .find(|p| p.is_file())
    }

    /// An error pointing at `span` of this config file.
    pub fn error(&self, span: std::ops::Range<usize>, message: String) -> SourceError {
        let path = self
            .path
            .as_ref()
            .map_or("<config>".into(), |p| p.display().to_string());
        SourceError::new(&path, &self.text, span, message)
    }
}
