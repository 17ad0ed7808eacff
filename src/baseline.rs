//! Baselines: the findings a team has accepted in an old template repository, so CI fails
//! only on new ones. A finding is known by its file, rule and the text it points at, not by
//! its line, so edits elsewhere in a file do not make old findings new; a text that occurs
//! twice is baselined twice. A baseline is written only by a run that linted every file, and
//! never over a file that is not a baseline.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::render::FileReport;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    tool: String,
    baseline: u32,
    findings: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    rule: String,
    text: String,
}

fn entries(report: &FileReport) -> impl Iterator<Item = Entry> + '_ {
    report.findings.iter().map(|f| Entry {
        path: report.path.clone(),
        rule: f.rule.to_string(),
        text: f.text(&report.source).to_string(),
    })
}

fn input_error(path: &Path, message: String) -> Error {
    Error::Input {
        path: path.display().to_string(),
        message,
    }
}

/// Reads the baseline at `path`.
fn read(path: &Path) -> Result<BaselineFile, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| input_error(path, format!("cannot read baseline: {e}")))?;
    let file: BaselineFile = serde_json::from_str(&text).map_err(|e| {
        input_error(
            path,
            format!(
                "not a tactful baseline (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    if file.tool != "tactful" || file.baseline != 1 {
        return Err(input_error(
            path,
            "not a tactful baseline of version 1; write one with --write-baseline".into(),
        ));
    }
    Ok(file)
}

/// The findings of a baseline, to take out of a run's reports.
#[derive(Debug, Default)]
pub struct Baseline {
    known: HashMap<Entry, usize>,
}

impl Baseline {
    /// Reads the baseline at `path`.
    pub fn load(path: &Path) -> Result<Baseline, Error> {
        let mut known: HashMap<Entry, usize> = HashMap::new();
        for e in read(path)?.findings {
            *known.entry(e).or_default() += 1;
        }
        Ok(Baseline { known })
    }

    /// Removes from `report` the findings the baseline records (each as often as recorded).
    pub fn apply(&mut self, report: &mut FileReport) {
        let keep: Vec<bool> = entries(report)
            .map(|e| match self.known.get_mut(&e) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect();
        let mut keep = keep.into_iter();
        report.findings.retain(|_| keep.next().unwrap_or(true));
    }
}

/// The findings of a run, gathered to be written as a baseline when the run ends well.
#[derive(Debug, Default)]
pub struct Recorder {
    findings: Vec<Entry>,
}

impl Recorder {
    /// Checks before a run that `path` may be written: absent, or a baseline already, and
    /// not one of the files the run lints (`inputs`).
    pub fn check_target(path: &Path, inputs: &[&Path]) -> Result<(), Error> {
        let same = |p: &Path| match (p.canonicalize(), path.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => p == path,
        };
        if inputs.iter().any(|p| same(p)) {
            return Err(input_error(
                path,
                "refusing to write the baseline over a file being checked; give another path for --write-baseline".into(),
            ));
        }
        if path.exists() {
            read(path).map_err(|_| {
                input_error(
                    path,
                    "refusing to overwrite it: it is not a tactful baseline; give a new path for --write-baseline, or remove the file".into(),
                )
            })?;
        }
        Ok(())
    }

    /// Notes every finding of `report`.
    pub fn add(&mut self, report: &FileReport) {
        self.findings.extend(entries(report));
    }

    /// Writes the findings noted to `path`, whole or not at all (a temporary file beside
    /// it, renamed over it).
    pub fn write(self, path: &Path) -> Result<(), Error> {
        let file = BaselineFile {
            tool: "tactful".into(),
            baseline: 1,
            findings: self.findings,
        };
        let text = serde_json::to_string_pretty(&file).expect("a baseline serializes") + "\n";
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let fail = |e: std::io::Error| input_error(path, format!("cannot write baseline: {e}"));
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
        tmp.write_all(text.as_bytes()).map_err(fail)?;
        tmp.persist(path).map_err(|e| fail(e.error))?;
        Ok(())
    }
}
