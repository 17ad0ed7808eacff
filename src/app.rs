//! Wires a run together: settings from flags and config, packs into a rule set, inputs into
//! drafts, drafts through the linter (in parallel), findings to a renderer, and the exit
//! status. Output goes only through the streams handed in.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::baseline;
use crate::cli::{CheckArgs, Cli, Command, ExplainArgs, ListFormat, RulesArgs};
use crate::config::Config;
use crate::console::{report_error, use_color};
pub use crate::console::{Streams, EXIT_CLEAN, EXIT_FAILURE, EXIT_FINDINGS};
use crate::error::Error;
use crate::input::Format as InputFormat;
use crate::pipeline::{self, Linted, Session};
use crate::render::{self, Failure, Style, Summary};
use crate::source::LineIndex;

/// File extensions picked up when walking a directory.
pub const DRAFT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "eml"];

/// Runs one command and returns the exit status.
pub fn run(cli: Cli, s: &mut Streams) -> u8 {
    let result = match cli.command {
        Command::Check(a) => check(a, s),
        Command::Rules(a) => list_rules(a, s),
        Command::Explain(a) => explain(a, s),
        Command::When(a) => crate::followup::when(a, s),
        Command::Due(a) => crate::followup::due(a, s),
        Command::Contact(a) => crate::followup::contact(a, s),
        Command::Guard(a) => crate::guard::run(a, s),
        // Run by `main` before the standard streams are locked.
        Command::Lsp(_) => Err(Error::Usage(
            "`tactful lsp` talks on the process's own standard streams".into(),
        )),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_error(&e, s.stderr, s.stderr_is_terminal);
            EXIT_FAILURE
        }
    }
}

/// One input of `check`, named as the run reports it.
enum Input {
    Stdin,
    File(PathBuf),
    /// A path that cannot be linted at all (missing, or a folder that cannot be walked).
    Broken(String, Error),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.display().to_string(),
            Input::Broken(name, _) => name.clone(),
        }
    }
}

/// How many files are linted in parallel before their results are written: enough to keep
/// every core busy, few enough that memory stays flat for any number of files.
const CHUNK: usize = 256;

fn check(args: CheckArgs, s: &mut Streams) -> Result<u8, Error> {
    let session = Session::new(
        &args.lint,
        args.templates,
        false,
        pipeline::Examples::Without,
    )?;
    // Not dropped: the process ends soon after, and freeing every compiled phrase one by
    // one would cost a one-draft run more than linting the draft does.
    let session = std::mem::ManuallyDrop::new(session);
    warn(s, &session.warnings);
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from(if s.stdin_is_terminal { "." } else { "-" }));
    }
    let mut inputs = Vec::new();
    for p in &paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            walk(p, &session.config, &mut inputs);
        } else if p.exists() {
            inputs.push(Input::File(p.clone()));
        } else {
            inputs.push(missing(p));
        }
    }
    // Sorted by name: the order of the output, whatever order the walk found them in.
    inputs.sort_by_cached_key(Input::name);
    if let Some(target) = &args.write_baseline {
        let files: Vec<&Path> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::File(p) => Some(p.as_path()),
                _ => None,
            })
            .collect();
        baseline::Recorder::check_target(target, &files)?;
    }
    let mut known = args
        .baseline
        .as_deref()
        .map(baseline::Baseline::load)
        .transpose()?;
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
            Input::Broken(_, e) => return Err(clone_error(e)),
        };
        session.lint(&path, bytes, format)
    };
    let format = args.lint.format;
    // Only SARIF describes the rules.
    let docs = if format == render::Format::Sarif {
        session.docs()
    } else {
        Vec::new()
    };
    let style = Style {
        color: use_color(args.lint.color, s.stdout_is_terminal),
        quiet: args.lint.quiet,
    };
    let mut recorder = args
        .write_baseline
        .as_ref()
        .map(|_| baseline::Recorder::default());
    let mut summary = Summary::default();
    let mut failed = false;
    let mut failing = false;
    let mut unused: Vec<String> = Vec::new();
    let mut ignore_used = vec![false; session.config.ignore.len()];
    let mut output_error = None;
    // When the reader of the output goes away (`| head`), linting goes on unwritten, so the
    // exit status and a baseline still speak for every file.
    let mut closed = false;
    {
        let mut sink = render::sink(format, &docs, style, &mut *s.stdout);
        // One file needs no thread pool; starting one would cost more than linting it.
        'chunks: for chunk in inputs.chunks(CHUNK) {
            let results: Vec<Result<Linted, Error>> = if chunk.len() > 1 {
                chunk.par_iter().map(lint_one).collect()
            } else {
                chunk.iter().map(lint_one).collect()
            };
            for (input, result) in chunk.iter().zip(results) {
                let written = match result {
                    Ok(mut l) => {
                        note_suppressions(&l, &mut unused, &mut ignore_used);
                        if let Some(r) = &mut recorder {
                            r.add(&l.report);
                        }
                        if let Some(b) = &mut known {
                            b.apply(&mut l.report);
                        }
                        failing |= session.fails(&l.report);
                        summary.add(&l.report);
                        if closed {
                            Ok(())
                        } else {
                            sink.file(&l.report)
                        }
                    }
                    Err(e) => {
                        failed = true;
                        summary.failed += 1;
                        let failure = Failure::new(&input.name(), e);
                        // Said on stderr too, except where the output itself says it in words.
                        if format != render::Format::Short || closed {
                            report_error(&failure.error, s.stderr, s.stderr_is_terminal);
                        }
                        if closed {
                            Ok(())
                        } else {
                            sink.failed(&failure)
                        }
                    }
                };
                match written {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => closed = true,
                    Err(e) => {
                        output_error = Some(e);
                        break 'chunks;
                    }
                    Ok(()) => {}
                }
            }
        }
        if output_error.is_none() && !closed {
            if let Err(e) = sink.finish(&summary) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    output_error = Some(e);
                }
            }
        }
    }
    if let Some(e) = output_error {
        report_error(
            &Error::Input {
                path: "<stdout>".into(),
                message: format!("cannot write output: {e}"),
            },
            s.stderr,
            s.stderr_is_terminal,
        );
        if args.write_baseline.is_some() {
            let _ = writeln!(
                s.stderr,
                "tactful: the baseline was not written, since the output could not be written"
            );
        }
        return Ok(EXIT_FAILURE);
    }
    let config_index = LineIndex::new(&session.config.text);
    for (entry, used) in session.config.ignore.iter().zip(&ignore_used) {
        if !used {
            let (line, col) = config_index.line_col(&session.config.text, entry.span.start);
            unused.push(format!(
                "{}:{line}:{col}: unused ignore entry for `{}` silenced nothing",
                session.config_name(),
                entry.rule
            ));
        }
    }
    unused.sort();
    if args.report_unused_disables {
        for line in &unused {
            let _ = writeln!(s.stderr, "{line}");
        }
    }
    if failed {
        if args.write_baseline.is_some() {
            let _ = writeln!(
                s.stderr,
                "tactful: the baseline was not written, since not every file could be linted"
            );
        }
        return Ok(EXIT_FAILURE);
    }
    if let (Some(r), Some(path)) = (recorder, &args.write_baseline) {
        r.write(path)?;
    }
    if args.report_unused_disables && !unused.is_empty() {
        return Ok(EXIT_FINDINGS);
    }
    Ok(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}

/// The input for a path that does not exist, with why (a dangling or looping link says so).
fn missing(p: &Path) -> Input {
    let message = match std::fs::symlink_metadata(p) {
        Ok(m) if m.file_type().is_symlink() => match std::fs::metadata(p) {
            Err(e) if e.raw_os_error() == Some(40) => {
                "a symbolic link that loops back on itself".to_string()
            }
            _ => "a symbolic link to nothing (its target does not exist)".to_string(),
        },
        _ => "no such file or directory".to_string(),
    };
    let name = p.display().to_string();
    Input::Broken(
        name.clone(),
        Error::Input {
            path: name,
            message,
        },
    )
}

/// Errors are not `Clone` (they may hold I/O errors' text only, so this loses nothing).
fn clone_error(e: &Error) -> Error {
    match e {
        Error::Source(se) => Error::Source(se.clone()),
        Error::Input { path, message } => Error::Input {
            path: path.clone(),
            message: message.clone(),
        },
        Error::Usage(m) => Error::Usage(m.clone()),
    }
}

/// Records a linted file's suppressions that silenced nothing or name no rule, and the
/// config ignore entries it used.
fn note_suppressions(l: &Linted, unused: &mut Vec<String>, ignore_used: &mut [bool]) {
    let source = &l.report.source;
    let index = LineIndex::new(source);
    for span in &l.unused {
        let (line, col) = index.line_col(source, span.start);
        let what = source[span.clone()].trim();
        unused.push(format!(
            "{}:{line}:{col}: unused suppression: {what} silenced nothing",
            l.report.path
        ));
    }
    for (span, name) in &l.unknown {
        let (line, col) = index.line_col(source, span.start);
        unused.push(format!(
            "{}:{line}:{col}: suppression names `{name}`, which is no loaded rule or pack",
            l.report.path
        ));
    }
    for (seen, used) in ignore_used.iter_mut().zip(&l.used_ignores) {
        *seen |= used;
    }
}

pub use crate::pipeline::rule_docs;

/// Ignore files honoured when walking, besides `.gitignore` and `.ignore`.
pub const IGNORE_FILE: &str = ".tactfulignore";

/// Collects draft files under `dir`, honouring .gitignore, .tactfulignore and the config's
/// include and exclude globs, and skipping hidden files.
fn walk(dir: &Path, config: &Config, inputs: &mut Vec<Input>) {
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
            let name = dir.display().to_string();
            inputs.push(Input::Broken(
                name,
                Error::Usage(format!("include/exclude globs: {e}")),
            ));
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
            Err(e) => {
                let name = walk_error_path(&e).unwrap_or_else(|| dir.display().to_string());
                inputs.push(Input::Broken(
                    name.clone(),
                    Error::Input {
                        path: name,
                        message: walk_error_message(&e),
                    },
                ));
            }
        }
    }
}

/// The path a walk error is about, when it names one.
fn walk_error_path(e: &ignore::Error) -> Option<String> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.display().to_string()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.display().to_string()),
        _ => None,
    }
}

/// What is wrong, in words, without the path (which the report names).
fn walk_error_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error_message(err),
        ignore::Error::Loop { ancestor, .. } => format!(
            "a symbolic link that loops back to {}; it is skipped",
            ancestor.display()
        ),
        other => other.to_string(),
    }
}

/// Warnings a command's rule loading raised, on stderr.
fn warn(s: &mut Streams, warnings: &[String]) {
    for w in warnings {
        let _ = writeln!(s.stderr, "warning: {w}");
    }
}

fn list_rules(args: RulesArgs, s: &mut Streams) -> Result<u8, Error> {
    let (rules, _, warnings) =
        pipeline::load_rules(&args.rule_args, &[], pipeline::Examples::With)?;
    warn(s, &warnings);
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
                        "severity": r.severity_label(),
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
        ListFormat::Markdown => {
            let mut text = String::from(
                "| rule | category | severity | what it finds |\n| --- | --- | --- | --- |\n",
            );
            for r in &rules.rules {
                let d = &r.def;
                // A phrase rule's first examples say what it finds better than any summary.
                let examples: Vec<String> = match d.kind {
                    crate::rules::Kind::Avoid => d
                        .bad
                        .iter()
                        .filter(|e| !e.value.contains('\n') && e.value.len() <= 60)
                        .take(2)
                        .map(|e| format!("\"{}\"", e.value.trim().replace('|', "\\|")))
                        .collect(),
                    _ => Vec::new(),
                };
                let what = d.description.replace('|', "\\|");
                let what = if examples.is_empty() {
                    what
                } else {
                    format!("{what}: {}", examples.join(", "))
                };
                text.push_str(&format!(
                    "| `{}` | {} | {} | {what} |\n",
                    d.id,
                    d.category.as_str(),
                    r.severity_label()
                ));
            }
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
                    r.severity_label(),
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
    let (rules, _, warnings) =
        pipeline::load_rules(&args.rule_args, &[], pipeline::Examples::With)?;
    warn(s, &warnings);
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
    if let Some(sample) = &args.text {
        return write_out(s, &crate::rules::explain::on_text(&rules, rule, sample)?);
    }
    write_out(s, &crate::rules::explain::explanation(rule, args.all))
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
