//! Wires a run together: settings from flags and config, packs into a rule set, inputs into
//! drafts, drafts through the linter (in parallel), findings to a renderer, and the exit
//! status. Output goes only through the streams handed in.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::baseline;
use crate::calendar::{self, days, Calendar};
use crate::cli::{
    CheckArgs, Cli, ColorChoice, Command, ExplainArgs, LintArgs, ListFormat, RuleArgs, RulesArgs,
    WhenArgs,
};
use crate::config::{Config, Deny};
use crate::error::Error;
use crate::finding::Severity;
use crate::input::{Draft, Format as InputFormat};
use crate::lint::lint;
use crate::render::{self, FileReport, RuleDoc, Style};
use crate::rules::{builtin, pack, Context, Origin, Overrides, RuleSet};
use crate::source::LineIndex;
use crate::suppress;

/// Exit statuses (CONTRACT §2).
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;

/// File extensions picked up when walking a directory.
pub const DRAFT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "eml"];

/// The process's standard streams, passed in so tests can capture them.
pub struct Streams<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
}

/// Runs one command and returns the exit status.
pub fn run(cli: Cli, s: &mut Streams) -> u8 {
    let result = match cli.command {
        Command::Check(a) => check(a, s),
        Command::Rules(a) => list_rules(a, s),
        Command::Explain(a) => explain(a, s),
        Command::When(a) => when(a, s),
        Command::Guard(a) => crate::guard::run(a, s),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_error(&e, s);
            EXIT_FAILURE
        }
    }
}

pub(crate) fn report_error(e: &Error, s: &mut Streams) {
    let color = s.stderr_is_terminal && std::env::var_os("NO_COLOR").is_none();
    let _ = match e {
        Error::Source(se) => render::render_source_error(se, color, s.stderr),
        other => writeln!(s.stderr, "error: {other}"),
    };
}

/// A date given with `flag`: `YYYY-MM-DD`, or what `tactful when` takes (today, tomorrow,
/// next Friday, in 2 weeks, ...) counted from `base`.
pub(crate) fn parse_date(
    flag: &str,
    value: &str,
    base: jiff::civil::Date,
) -> Result<jiff::civil::Date, Error> {
    days::parse_when(value, base).map_err(|m| Error::Usage(format!("{flag}: {m}")))
}

/// The calendar named by `--holidays`, else by the config (a file named there is found
/// relative to the config file), else `us`.
pub(crate) fn calendar_for(flag: Option<&str>, config: &Config) -> Result<Calendar, Error> {
    match (flag, &config.holidays) {
        (Some(h), _) => Calendar::resolve(h, None),
        (None, Some(h)) => Calendar::resolve(h, config.path.as_deref().and_then(Path::parent)),
        (None, None) => Ok(Calendar::default()),
    }
}

/// The config given with `--config`, or the one found from the current directory up.
fn load_config(path: Option<&Path>) -> Result<Config, Error> {
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

/// `tactful when`: the next good day to follow up.
fn when(args: WhenArgs, s: &mut Streams) -> Result<u8, Error> {
    let config = load_config(args.config.as_deref())?;
    let cal = calendar_for(args.holidays.as_deref(), &config)?;
    let today = calendar::today();
    let after = match &args.after {
        Some(a) => parse_date("--after", a, today)?,
        None => today,
    };
    let promised_by = args
        .promised_by
        .as_deref()
        .map(|p| parse_date("--promised-by", p, after))
        .transpose()?;
    let next = days::next_good_day(&cal, after, promised_by).map_err(|e| {
        Error::Usage(match e {
            days::NoGoodDay::EndOfTime => format!(
                "no good day found after {after}: the calendar ends on 9999-12-31; give an earlier --after or --promised-by"
            ),
            days::NoGoodDay::AllBad => format!(
                "no good day found within a year after {after}: the `{}` calendar has a holiday, or a day next to one, on every working day; check the calendar file",
                cal.name
            ),
        })
    })?;
    let day = next.day;
    let mut why = format!(
        "{}: the first Tuesday, Wednesday or Thursday after {after} that is not a holiday nor next to one",
        days::weekday_name(day.weekday())
    );
    if let Some(p) = promised_by {
        why.push_str(&format!(
            ", and after {p}, the date they said they would reply by"
        ));
    }
    let n = next.days_skipped();
    why.push_str(&format!(
        " ({} calendar; {n} day{} skipped)",
        cal.name,
        if n == 1 { "" } else { "s" }
    ));
    let mut out = format!("{day}\n{why}\n");
    if args.verbose {
        if let Some((from, to)) = next.jumped {
            out.push_str(&format!(
                "  skipped {from} to {to}: on or before the date they said they would reply by\n"
            ));
        }
        for (d, problems) in &next.skipped {
            let reasons: Vec<String> = problems.iter().map(|p| p.describe()).collect();
            out.push_str(&format!(
                "  skipped {}: {}\n",
                days::Day(*d),
                reasons.join("; ")
            ));
        }
    }
    s.stdout
        .write_all(out.as_bytes())
        .map_err(|e| Error::Input {
            path: "<stdout>".into(),
            message: format!("cannot write output: {e}"),
        })?;
    Ok(EXIT_CLEAN)
}

/// Loads the config and the packs named by flags and config, and compiles them.
pub fn load_rules(args: &RuleArgs) -> Result<(RuleSet, Config), Error> {
    load_rules_with(args, &[])
}

/// Like [`load_rules`], and the built-in packs named in `always` are loaded even with
/// `--no-default-rules`.
pub fn load_rules_with(args: &RuleArgs, always: &[&str]) -> Result<(RuleSet, Config), Error> {
    let config = load_config(args.config.as_deref())?;
    let mut packs = Vec::new();
    if !(args.no_default_rules || config.no_default_rules) {
        packs.extend(builtin::packs()?);
    } else {
        for pack in builtin::packs()? {
            if always.contains(&pack.name.as_str()) {
                packs.push(pack);
            }
        }
    }
    for path in config.packs.iter().chain(&args.rules) {
        for file in pack_files(path)? {
            let display = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|e| Error::Input {
                path: display.clone(),
                message: format!("cannot read rule pack: {e}"),
            })?;
            packs.push(pack::parse(&display, &text, Origin::File)?);
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
    Ok((set, config))
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
        Err(err("no such rule pack file or folder".into()))
    }
}

enum Input {
    Stdin,
    File(PathBuf),
}

fn check(args: CheckArgs, s: &mut Streams) -> Result<u8, Error> {
    let (rules, config) = load_rules(&args.lint.rule_args)?;
    // Not dropped: the process ends soon after, and freeing every compiled phrase one by
    // one would cost a one-draft run more than linting the draft does.
    let rules = std::mem::ManuallyDrop::new(rules);
    let ctx = context(&args.lint, &config, args.templates || config.templates)?;
    let deny = args.lint.deny.or(config.deny).unwrap_or(Deny::Errors);
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from(if s.stdin_is_terminal { "." } else { "-" }));
    }
    let mut inputs = Vec::new();
    let mut failures: Vec<Error> = Vec::new();
    for p in &paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            walk(p, &config, &mut inputs, &mut failures);
        } else if p.exists() {
            inputs.push(Input::File(p.clone()));
        } else {
            failures.push(Error::Input {
                path: p.display().to_string(),
                message: "no such file or directory".into(),
            });
        }
    }
    let mut stdin_bytes = None;
    if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        let mut buf = Vec::new();
        s.stdin.read_to_end(&mut buf).map_err(|e| Error::Input {
            path: "-".into(),
            message: format!("cannot read standard input: {e}"),
        })?;
        stdin_bytes = Some(buf);
    }
    let lint_one = |input: &Input| -> Result<Linted, Error> {
        let (path, bytes, format) = match input {
            Input::Stdin => (
                "-".to_string(),
                stdin_bytes.clone().unwrap_or_default(),
                InputFormat::Text,
            ),
            Input::File(p) => {
                let display = p.display().to_string();
                let bytes = std::fs::read(p).map_err(|e| Error::Input {
                    path: display.clone(),
                    message: format!("cannot read: {e}"),
                })?;
                let format = InputFormat::from_path(&display);
                (display, bytes, format)
            }
        };
        let mut draft = Draft::parse(&path, bytes, format)?;
        if ctx.templates {
            draft.treat_as_template();
        }
        let findings = lint(&draft, &rules, &ctx);
        let mut directives = suppress::directives(&draft);
        let mut used_ignores = vec![false; config.ignore.len()];
        let send_date = ctx.send_date(&draft).map(|d| d.to_string());
        let source = draft.into_shown_source();
        let findings = suppress::apply(
            findings,
            &mut directives,
            &config.ignore,
            &mut used_ignores,
            &path,
            &source,
        );
        let unused = directives
            .into_iter()
            .filter(|d| !d.used)
            .map(|d| d.span)
            .collect();
        Ok(Linted {
            report: FileReport {
                path,
                send_date,
                findings,
                source,
            },
            unused,
            used_ignores,
        })
    };
    // One file needs no thread pool; starting one would cost more than linting it.
    let results: Vec<Result<Linted, Error>> = if inputs.len() > 1 {
        inputs.par_iter().map(lint_one).collect()
    } else {
        inputs.iter().map(lint_one).collect()
    };
    let mut reports = Vec::new();
    let mut unused: Vec<String> = Vec::new();
    let mut ignore_used = vec![false; config.ignore.len()];
    for r in results {
        match r {
            Ok(l) => {
                let index = LineIndex::new(&l.report.source);
                for span in &l.unused {
                    let (line, col) = index.line_col(&l.report.source, span.start);
                    let what = l.report.source[span.clone()].trim();
                    unused.push(format!(
                        "{}:{line}:{col}: unused suppression: {what} silenced nothing",
                        l.report.path
                    ));
                }
                for (seen, used) in ignore_used.iter_mut().zip(&l.used_ignores) {
                    *seen |= used;
                }
                reports.push(l.report);
            }
            Err(e) => failures.push(e),
        }
    }
    let config_index = LineIndex::new(&config.text);
    let config_path = config
        .path
        .as_ref()
        .map_or("<config>".into(), |p| p.display().to_string());
    for (entry, used) in config.ignore.iter().zip(&ignore_used) {
        if !used {
            let (line, col) = config_index.line_col(&config.text, entry.span.start);
            let path = &config_path;
            unused.push(format!(
                "{path}:{line}:{col}: unused ignore entry for `{}` silenced nothing",
                entry.rule
            ));
        }
    }
    unused.sort();
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(path) = &args.write_baseline {
        baseline::write(path, &reports)?;
    }
    if let Some(path) = &args.baseline {
        baseline::apply(path, &mut reports)?;
    }
    let style = Style {
        color: use_color(args.lint.color, s.stdout_is_terminal),
        quiet: args.lint.quiet,
    };
    if let Err(e) = render::render(
        args.lint.format,
        &reports,
        &rule_docs(&rules),
        style,
        s.stdout,
    ) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            failures.push(Error::Input {
                path: "<stdout>".into(),
                message: format!("cannot write output: {e}"),
            });
        }
    }
    if args.report_unused_disables {
        for line in &unused {
            let _ = writeln!(s.stderr, "{line}");
        }
    }
    for f in &failures {
        report_error(f, s);
    }
    if !failures.is_empty() {
        return Ok(EXIT_FAILURE);
    }
    if args.report_unused_disables && !unused.is_empty() {
        return Ok(EXIT_FINDINGS);
    }
    let failing = reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| deny.fails(f.severity));
    Ok(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}

/// The context the flags give: their send and reply-by dates and calendar.
pub(crate) fn context(args: &LintArgs, config: &Config, templates: bool) -> Result<Context, Error> {
    let today = calendar::today();
    let send_date = args
        .send_date
        .as_deref()
        .map(|d| parse_date("--send-date", d, today))
        .transpose()?;
    // A reply-by phrase counts from the send date when one is given.
    let promised_by = args
        .promised_by
        .as_deref()
        .map(|d| parse_date("--promised-by", d, send_date.unwrap_or(today)))
        .transpose()?;
    Ok(Context {
        send_date,
        promised_by,
        calendar: calendar_for(args.holidays.as_deref(), config)?,
        templates,
    })
}

/// Whether to colour output going to a stream that is (or is not) a terminal.
pub(crate) fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
    }
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
            help: r.def.help.clone(),
        })
        .collect()
}

/// One file linted: its report, the spans of its suppressions that silenced nothing, and
/// which config ignore entries silenced something in it.
struct Linted {
    report: FileReport,
    unused: Vec<std::ops::Range<usize>>,
    used_ignores: Vec<bool>,
}

/// Ignore files honoured when walking, besides `.gitignore` and `.ignore`.
pub const IGNORE_FILE: &str = ".tactfulignore";

/// Collects draft files under `dir`, honouring .gitignore, .tactfulignore and the config's
/// include and exclude globs, and skipping hidden files.
fn walk(dir: &Path, config: &Config, inputs: &mut Vec<Input>, failures: &mut Vec<Error>) {
    // In an override set a plain glob includes and a `!glob` excludes.
    let patterns = config
        .include
        .iter()
        .cloned()
        .chain(config.exclude.iter().map(|g| format!("!{g}")));
    let mut globs = ignore::overrides::OverrideBuilder::new(dir);
    let mut added = Ok(());
    for p in patterns {
        if let Err(e) = globs.add(&p) {
            added = Err(e);
            break;
        }
    }
    let overrides = match added.and_then(|_| globs.build()) {
        Ok(o) => o,
        Err(e) => {
            failures.push(Error::Usage(format!("include/exclude globs: {e}")));
            return;
        }
    };
    let walker = ignore::WalkBuilder::new(dir)
        .add_custom_ignore_filename(IGNORE_FILE)
        .overrides(overrides)
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                let ext = e
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .map(str::to_ascii_lowercase);
                if ext.is_some_and(|x| DRAFT_EXTENSIONS.contains(&x.as_str())) {
                    inputs.push(Input::File(e.into_path()));
                }
            }
            Ok(_) => {}
            Err(e) => failures.push(Error::Input {
                path: dir.display().to_string(),
                message: e.to_string(),
            }),
        }
    }
}

fn list_rules(args: RulesArgs, s: &mut Streams) -> Result<u8, Error> {
    let (rules, _) = load_rules(&args.rule_args)?;
    let severity = |r: &crate::rules::Rule| r.severity.map_or("off", Severity::as_str);
    let out = match args.format {
        ListFormat::Json => {
            let list: Vec<serde_json::Value> = rules
                .rules
                .iter()
                .map(|r| {
                    let pack = rules.packs.iter().find(|p| p.name == r.def.pack);
                    serde_json::json!({
                        "id": r.def.id,
                        "kind": r.def.kind.as_str(),
                        "category": r.def.category.as_str(),
                        "severity": severity(r),
                        "description": r.def.description,
                        "pack": r.def.pack,
                        "pack_path": pack.map(|p| p.path.clone()),
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&list).unwrap_or_default();
            text.push('\n');
            text
        }
        ListFormat::Human => {
            let width = rules
                .rules
                .iter()
                .map(|r| r.def.id.len())
                .max()
                .unwrap_or(0);
            let mut text = String::new();
            for r in &rules.rules {
                text.push_str(&format!(
                    "{:width$}  {:<11} {:<8} {}  [{}]\n",
                    r.def.id,
                    r.def.category.as_str(),
                    severity(r),
                    r.def.description,
                    r.def.pack
                ));
            }
            text
        }
    };
    write_out(s, &out)
}

fn explain(args: ExplainArgs, s: &mut Streams) -> Result<u8, Error> {
    let (rules, _) = load_rules(&args.rule_args)?;
    let Some(rule) = rules.get(&args.rule) else {
        let near: Vec<&str> = rules
            .rules
            .iter()
            .map(|r| r.id())
            .filter(|id| {
                id.contains(&args.rule) || args.rule.contains(id.split('/').nth(1).unwrap_or(id))
            })
            .collect();
        let hint = if near.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", near.join(", "))
        };
        return Err(Error::Usage(format!(
            "unknown rule `{}`{hint}; `tactful rules` lists them",
            args.rule
        )));
    };
    let d = &rule.def;
    let mut text = format!(
        "{} ({}, {}, {} rule, pack {})\n{}\n\nWhy: {}\n",
        d.id,
        d.category.as_str(),
        rule.severity.map_or("off", Severity::as_str),
        d.kind.as_str(),
        d.pack,
        d.message,
        d.why
    );
    if let Some(h) = &d.help {
        text.push_str(&format!("Help: {h}\n"));
    }
    let indent = |ex: &str| {
        ex.trim_end()
            .lines()
            .map(|l| format!("    {l}\n"))
            .collect::<String>()
    };
    text.push_str("\nBad (fires):\n");
    for ex in &d.bad {
        text.push_str(&indent(&ex.value));
    }
    text.push_str("\nGood (does not fire):\n");
    for ex in &d.good {
        text.push_str(&indent(&ex.value));
    }
    write_out(s, &text)
}

fn write_out(s: &mut Streams, text: &str) -> Result<u8, Error> {
    match s.stdout.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Input {
            path: "<stdout>".into(),
            message: format!("cannot write output: {e}"),
        }),
        _ => Ok(EXIT_CLEAN),
    }
}
