//! False alarms on real text written by others: every blame finding in
//! `../shared/realworld/templates` must be one a reader would agree is blaming. The
//! reviewed list below is the whole set; a new finding (or a lost one) fails the test
//! until it is reviewed. Skipped, with a message, when `../shared` is absent.

#![allow(clippy::print_stderr)]

mod common;

use std::collections::BTreeSet;

/// (folder/file, rule, matched text): each reviewed and agreed to be blaming or shaming.
const REVIEWED: &[(&str, &str, &str)] = &[
    // "You offered [amount], which I found disappointing": shaming the offer.
    (
        "JoshDoody__fsn/2016-09-27-how-to-negotiate-a-lowball-job-offer.md",
        "blame/unprofessional",
        "which I found disappointing",
    ),
    // The sales break-up email: "Haven't heard back—totally understand".
    (
        "VJDiPaola__sales-prompt-library/follow-up-sequence.md",
        "blame/didnt-hear",
        "Haven't heard back",
    ),
    (
        "VJDiPaola__sales-prompt-library/follow-up-sequence.md",
        "blame/assume-rejected",
        "Should I assume",
    ),
    // "Just wanted to make sure you saw the above message from last week": a nag.
    (
        "Vandivier__ladderly-3/2025-01-20-social-networking-scripts.md",
        "blame/did-you-see",
        "make sure you saw the above message",
    ),
    (
        "aabulkhairov__vibebaza/follow-up-email.md",
        "blame/did-you-see",
        "Did I lose you",
    ),
    (
        "aabulkhairov__vibebaza/follow-up-email.md",
        "blame/didnt-hear",
        "I haven't heard back",
    ),
    (
        "aabulkhairov__vibebaza/follow-up-email.md",
        "blame/asking-again",
        "I've reached out a few times",
    ),
    (
        "aabulkhairov__vibebaza/follow-up-email.md",
        "blame/didnt-hear",
        "haven't heard back",
    ),
    (
        "aabulkhairov__vibebaza/partnership-email.md",
        "blame/bumping",
        "bump my note",
    ),
];

#[test]
fn blame_findings_on_real_templates_are_all_reviewed() {
    let Some(dir) = common::shared("realworld/templates") else {
        return;
    };
    let run = common::tactful(
        common::root(),
        &["check", "--format", "json", dir.to_str().unwrap()],
        None,
    );
    assert_ne!(
        run.code, 2,
        "the real templates must all be read: {}",
        run.stderr
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut found = BTreeSet::new();
    let mut learned = Vec::new();
    for file in doc["files"].as_array().unwrap() {
        let path = file["path"].as_str().unwrap().replace('\\', "/");
        let short: Vec<&str> = path.rsplitn(3, '/').collect();
        let name = format!("{}/{}", short[1], short[0]);
        for f in file["findings"].as_array().unwrap() {
            if f["rule"] == "blame/tone" {
                learned.push((name.clone(), f["text"].as_str().unwrap().to_string()));
            } else if f["category"] == "blame" {
                found.insert((
                    name.clone(),
                    f["rule"].as_str().unwrap().to_string(),
                    f["text"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    let reviewed: BTreeSet<(String, String, String)> = REVIEWED
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    let unreviewed: Vec<_> = found.difference(&reviewed).collect();
    let lost: Vec<_> = reviewed.difference(&found).collect();
    assert!(
        unreviewed.is_empty(),
        "blame findings nobody reviewed (false alarms?): {unreviewed:#?}"
    );
    assert!(
        lost.is_empty(),
        "reviewed blaming phrases no longer caught: {lost:#?}"
    );
    // The learned rule is measured, not listed: its findings move with every retraining.
    // Most of these files are advice articles, in the second person ("make sure they
    // haven't forgotten you"), and what it flags there is advice, not blame.
    let files: BTreeSet<&String> = learned.iter().map(|l| &l.0).collect();
    eprintln!(
        "blame/tone: {} findings in {} of {} files: {learned:#?}",
        learned.len(),
        files.len(),
        doc["files"].as_array().unwrap().len()
    );
    assert!(
        learned.len() <= MAX_LEARNED,
        "blame/tone flags {} passages of the real templates (at most {MAX_LEARNED})",
        learned.len()
    );
}

/// At most this many `blame/tone` findings over the real templates (36 when it was set).
const MAX_LEARNED: usize = 40;

/// Placeholder findings per file of the real templates, with or without `--templates`.
fn placeholder_counts(extra: &[&str]) -> Option<(usize, usize)> {
    let dir = common::shared("realworld/templates")?;
    let mut args = vec!["check", "--format", "json"];
    args.extend(extra);
    args.push(dir.to_str().unwrap());
    let run = common::tactful(common::root(), &args, None);
    assert_ne!(run.code, 2, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut files = 0;
    let mut findings = 0;
    for file in doc["files"].as_array().unwrap() {
        let n = file["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["category"] == "placeholder")
            .count();
        files += usize::from(n > 0);
        findings += n;
    }
    Some((files, findings))
}

#[test]
fn template_mode_reports_no_placeholder_in_real_templates() {
    let Some((files, findings)) = placeholder_counts(&[]) else {
        return;
    };
    // Outside template mode the real templates' blanks are reported…
    assert!(
        files >= 10 && findings >= 100,
        "only {findings} placeholders in {files} files found outside template mode"
    );
    // …and in template mode none is.
    let (files, findings) = placeholder_counts(&["--templates"]).unwrap();
    assert_eq!((files, findings), (0, 0));
}
