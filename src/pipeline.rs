//! One document through the linter, the same for every front end: read it (deciding what
//! is mail), lint it, and silence what its suppressions and the config's ignores cover.
//! `check` and `guard` both build one [`Session`] per run (rules compiled once, the config,
//! the dates and calendar) and call [`Session::lint`] for each document; neither repeats
//! any of it, and this module calls neither of them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::calendar::{self, days, Calendar};
use crate::cli::{LintArgs, RuleArgs};
use crate::config::{Config, Deny};
use crate::error::Error;
use crate::finding::{Category, Severity};
use crate::input::{Draft, Format};
use crate::lint::lint;
use crate::render::{FileReport, RuleDoc};
use crate::rules::{builtin, pack, Context, Kind, Origin, Overrides, RuleSet};
use crate::suppress;

/// Everything a run knows before it reads a document.
#[derive(Debug)]
pub struct Session {
    pub rules: RuleSet,
    pub config: Config,
    pub ctx: Context,
    pub deny: Deny,
    /// The pre-send hook: placeholders always fail, and nothing silences them.
    pub guard: bool,
    /// What the run should say before it starts: a pack that replaces a built-in one, an
    /// empty rule set, an ignore entry naming no rule.
    pub warnings: Vec<String>,
}

/// One document linted.
#[derive(Debug)]
pub struct Linted {
    pub report: FileReport,
    /// Suppressions written in the document that silenced nothing.
    pub unused: Vec<Range<usize>>,
    /// Names in its suppressions that are no loaded rule or pack, with where they are.
    pub unknown: Vec<(Range<usize>, String)>,
    /// Which of the config's ignore entries silenced something here.
    pub used_ignores: Vec<bool>,
    /// The parts of a message that could not be read (also reported as findings).
    pub unreadable: Vec<String>,
}

impl Session {
    /// The session `check` (`guard: false`) or `guard` builds from its flags; the language
    /// server's keeps the rules' examples, which its hovers show.
    pub fn new(
        args: &LintArgs,
        templates: bool,
        guard: bool,
        examples: Examples,
    ) -> Result<Session, Error> {
        let always: &[&str] = if guard { &["placeholder", "mail"] } else { &[] };
        let (mut rules, config, mut warnings) = load_rules(&args.rule_args, always, examples)?;
        if guard {
            // An unfilled placeholder always blocks a send, whatever the config says.
            for rule in &mut rules.rules {
                if rule.def.kind == Kind::Placeholder {
                    rule.severity = Some(Severity::Error);
                }
            }
        }
        // The guard never reads a message as a template: its placeholders are blanks.
        let mut ctx = context(args, &config, !guard && (templates || config.templates))?;
        if guard {
            let zone = config.timezone.as_ref();
            ctx.send_date
                .get_or_insert_with(|| calendar::today_in(zone));
        }
        let deny = args.deny.or(config.deny).unwrap_or(Deny::Errors);
        for entry in &config.ignore {
            if !names_loaded(&rules, &entry.rule) {
                let (line, col) = crate::source::LineIndex::new(&config.text)
                    .line_col(&config.text, entry.span.start);
                warnings.push(format!(
                    "{}:{line}:{col}: ignore entry names `{}`, which is no loaded rule or pack",
                    config_name(&config),
                    entry.rule
                ));
            }
        }
        Ok(Session {
            rules,
            config,
            ctx,
            deny,
            guard,
            warnings,
        })
    }

    /// Lints the document `bytes`, named `path`, of `format` (plain text that starts with
    /// mail headers is read as mail).
    pub fn lint(&self, path: &str, bytes: Vec<u8>, format: Format) -> Result<Linted, Error> {
        let mut draft = Draft::parse(path, bytes, format)?;
        if self.ctx.templates {
            draft.treat_as_template();
        }
        let findings = lint(&draft, &self.rules, &self.ctx);
        let mut directives = suppress::directives(&draft);
        let mut unknown = Vec::new();
        for d in &directives {
            for name in &d.rules {
                if !names_loaded(&self.rules, name) {
                    unknown.push((d.span.clone(), name.clone()));
                }
            }
        }
        let mut used_ignores = vec![false; self.config.ignore.len()];
        let send_date = self.ctx.send_date(&draft).map(|d| d.to_string());
        let unreadable = draft.unreadable.iter().map(|u| u.reason.clone()).collect();
        let source = draft.into_shown_source();
        // In the guard nothing silences a placeholder.
        let (holes, rest): (Vec<_>, Vec<_>) = findings
            .into_iter()
            .partition(|f| self.guard && f.category == Category::Placeholder);
        let mut findings = suppress::apply(
            rest,
            &mut directives,
            &self.config.ignore,
            &mut used_ignores,
            path,
            &source,
        );
        findings.extend(holes);
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        let unused = directives
            .into_iter()
            .filter(|d| !d.used)
            .map(|d| d.span)
            .collect();
        Ok(Linted {
            report: FileReport {
                path: path.to_string(),
                send_date,
                findings,
                source,
            },
            unused,
            unknown,
            used_ignores,
            unreadable,
        })
    }

    /// Whether `report` fails the run at the session's `deny` level.
    pub fn fails(&self, report: &FileReport) -> bool {
        report.findings.iter().any(|f| self.deny.fails(f.severity))
    }

    /// What the formats that describe rules (SARIF) need of every loaded rule.
    pub fn docs(&self) -> Vec<RuleDoc> {
        rule_docs(&self.rules)
    }

    /// The config file's name, for messages.
    pub fn config_name(&self) -> String {
        config_name(&self.config)
    }
}

fn config_name(config: &Config) -> String {
    config
        .path
        .as_ref()
        .map_or("<config>".into(), |p| p.display().to_string())
}

/// Whether `name` (a rule id, a pack name, `pack/*`, or `all`) names a loaded rule.
fn names_loaded(rules: &RuleSet, name: &str) -> bool {
    name == "all"
        || rules
            .rules
            .iter()
            .any(|r| suppress::names_rule(name, &r.def.id))
}

/// What the formats that describe rules (SARIF) need of every loaded rule.
pub fn rule_docs(rules: &RuleSet) -> Vec<RuleDoc> {
    rules
        .rules
        .iter()
        .map(|r| RuleDoc {
            id: r.def.id.clone(),
            description: r.def.description.clone(),
            why: r.def.why.clone(),
            // Described apart from any draft: in plain words.
            help: r
                .def
                .help
                .as_deref()
                .map(|h| crate::rules::suggest::Facts::default().fill(h)),
        })
        .collect()
}

/// The context the flags give: their send and reply-by dates and calendar.
pub fn context(args: &LintArgs, config: &Config, templates: bool) -> Result<Context, Error> {
    // Reading the clock and the time zone costs more than linting a draft: only a date
    // flag needs today.
    let today = || calendar::today_in(config.timezone.as_ref());
    let send_date = args
        .send_date
        .as_deref()
        .map(|d| parse_date("--send-date", d, today()))
        .transpose()?;
    // A reply-by phrase counts from the send date when one is given.
    let promised_by = args
        .promised_by
        .as_deref()
        .map(|d| parse_date("--promised-by", d, send_date.unwrap_or_else(today)))
        .transpose()?;
    Ok(Context {
        send_date,
        fallback_send_date: None,
        promised_by,
        calendar: calendar_for(args.holidays.as_deref(), config)?,
        templates,
        contacts: crate::contacts::for_run(args.contacts.as_deref(), config)?
            .map(std::sync::Arc::new),
    })
}

/// A date given with `flag`: `YYYY-MM-DD`, or what `tactful when` takes (today, tomorrow,
/// next Friday, in 2 weeks, ...) counted from `base`.
pub fn parse_date(
    flag: &str,
    value: &str,
    base: jiff::civil::Date,
) -> Result<jiff::civil::Date, Error> {
    days::parse_when(value, base).map_err(|m| Error::Usage(format!("{flag}: {m}")))
}

/// The calendar named by `--holidays`, else by the config (a file named there is found
/// relative to the config file), else `us`.
pub fn calendar_for(flag: Option<&str>, config: &Config) -> Result<Calendar, Error> {
    match (flag, &config.holidays) {
        (Some(h), _) => Calendar::resolve(h, None),
        (None, Some(h)) => Calendar::resolve(h, config.path.as_deref().and_then(Path::parent)),
        (None, None) => Ok(Calendar::default()),
    }
}

/// The config given with `--config`, or the one found from the current directory up.
pub fn load_config(path: Option<&Path>) -> Result<Config, Error> {
    match path {
        Some(p) => Config::load(p),
        None => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            match Config::discover(&cwd) {
                Some(p) => Config::load(&p),
                None => Ok(Config::default()),
            }
        }
    }
}

/// Loads the config and the packs named by flags and config, and compiles them; the
/// built-in packs named in `always` are loaded even with `--no-default-rules`. Also says
/// what deserves a warning: a pack replacing a built-in one, or no rules at all.
/// Whether a command needs the built-in rules' examples (to show them), or only checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Examples {
    With,
    Without,
}

pub fn load_rules(
    args: &RuleArgs,
    always: &[&str],
    examples: Examples,
) -> Result<(RuleSet, Config, Vec<String>), Error> {
    let config = if args.no_config {
        Config::default()
    } else {
        load_config(args.config.as_deref())?
    };
    let mut packs = Vec::new();
    let no_defaults = args.no_default_rules || config.no_default_rules;
    let builtin = match examples {
        Examples::With => builtin::packs()?,
        Examples::Without => builtin::packs_without_examples()?,
    };
    for pack in builtin {
        if !no_defaults || always.contains(&pack.name.as_str()) {
            packs.push(pack);
        }
    }
    let builtin_names: Vec<String> = packs.iter().map(|p| p.name.clone()).collect();
    let mut warnings = Vec::new();
    for path in config.packs.iter().chain(&args.rules) {
        for file in pack_files(path)? {
            let display = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|e| Error::Input {
                path: display.clone(),
                message: format!("cannot read rule pack: {e}"),
            })?;
            let mut pack = pack::parse(&display, &text, Origin::File)?;
            // The files of one folder that name the same pack are its parts.
            pack.group = path.display().to_string();
            if builtin_names.contains(&pack.name) && !no_defaults {
                warnings.push(format!(
                    "{display}: pack `{}` replaces the built-in pack of that name; rename it to add to the built-in rules instead",
                    pack.name
                ));
            }
            packs.push(pack);
        }
    }
    let mut overrides = Overrides::default();
    for (id, level, _) in &config.rules {
        overrides.severity.insert(id.clone(), level.severity());
    }
    let set = RuleSet::build(packs, &overrides)?;
    for (id, _, span) in &config.rules {
        if set.get(id).is_none() {
            return Err(config
                .error(span.clone(), format!("unknown rule `{id}`"))
                .with_note("`tactful rules` lists the loaded rules")
                .into());
        }
    }
    let checking = set
        .rules
        .iter()
        .filter(|r| r.severity.is_some() && !always.contains(&r.def.pack.as_str()))
        .count();
    if checking == 0 {
        warnings.push(
            "no rules are loaded (--no-default-rules and no pack, or every rule off): nothing is checked".into(),
        );
    }
    Ok((set, config, warnings))
}

/// A pack path: a file, or every `.yaml`/`.yml` file in a folder, sorted.
fn pack_files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let err = |m: String| Error::Input {
        path: path.display().to_string(),
        message: m,
    };
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| err(format!("cannot read folder: {e}")))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
            })
            .collect();
        files.sort();
        Ok(files)
    } else if path.exists() {
        Ok(vec![path.to_path_buf()])
    } else {
        Err(err(
            "no such rule pack file or folder (give a .yaml file or a folder of them)".into(),
        ))
    }
}
