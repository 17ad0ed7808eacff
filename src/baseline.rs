//! Baselines: the findings a team has accepted in an old template repository, so CI fails
//! only on new ones. A finding is known by its file, rule and the text it points at, not by
//! its line, so edits elsewhere in a file do not make old findings new; a text that occurs
//! twice is baselined twice.

use std::collections::HashMap;
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

/// Writes every finding of `reports` to `path`.
pub fn write(path: &Path, reports: &[FileReport]) -> Result<(), Error> {
    let file = BaselineFile {
        tool: "tactful".into(),
        baseline: 1,
        findings: reports.iter().flat_map(entries).collect(),
    };
    let text = serde_json::to_string_pretty(&file).expect("a baseline serializes") + "\n";
    std::fs::write(path, text).map_err(|e| Error::Input {
        path: path.display().to_string(),
        message: format!("cannot write baseline: {e}"),
    })
}

/// Removes from `reports` the findings recorded in the baseline at `path`.
pub fn apply(path: &Path, reports: &mut [FileReport]) -> Result<(), Error> {
    let display = path.display().to_string();
    let input_error = |message: String| Error::Input {
        path: display.clone(),
        message,
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| input_error(format!("cannot read baseline: {e}")))?;
    let file: BaselineFile = serde_json::from_str(&text).map_err(|e| {
        input_error(format!(
            "not a tactful baseline (line {}, column {}): {e}",
            e.line(),
            e.column()
        ))
    })?;
    if file.tool != "tactful" || file.baseline != 1 {
        return Err(input_error(
            "not a tactful baseline of version 1; write one with --write-baseline".into(),
        ));
    }
    let mut known: HashMap<Entry, usize> = HashMap::new();
    for e in file.findings {
        *known.entry(e).or_default() += 1;
    }
    for report in reports.iter_mut() {
        let keep: Vec<bool> = entries(report)
            .map(|e| match known.get_mut(&e) {
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
    Ok(())
}
