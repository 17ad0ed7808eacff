//! Real mail written by others (`../shared/realworld/mail`): every message is read without
//! an error, a panic or a hang; fewer than 1 in 100 is flagged for blame or for a
//! placeholder (which would block a send); and quotes,
//! attribution lines and signatures are stripped the way the reply samples there need.
//! Skipped, with a message, when `../shared` is absent.

#![allow(clippy::print_stderr)]

mod common;

use std::path::{Path, PathBuf};

use tactful::input::{Draft, Format};
use tactful::lint::lint;
use tactful::rules::{builtin, Context, Overrides, RuleSet};

fn mail_dir() -> Option<PathBuf> {
    common::shared("realworld/mail")
}

/// Every message file: license and readme files are not mail.
fn messages(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build()
    {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        let skip = name.starts_with("COPYING")
            || name.starts_with("LICENSE")
            || name.starts_with("README")
            || name.contains(".upstream");
        if entry.file_type().is_some_and(|t| t.is_file()) && !skip {
            out.push(entry.into_path());
        }
    }
    out.sort();
    out
}

fn rules() -> RuleSet {
    RuleSet::build(builtin::packs().unwrap(), &Overrides::default()).unwrap()
}

#[test]
fn every_real_message_is_read_and_few_are_flagged_for_blame() {
    let Some(dir) = mail_dir() else { return };
    let rules = rules();
    let ctx = Context::default();
    let files = messages(&dir);
    assert!(files.len() > 400, "found only {} messages", files.len());
    let mut flagged = Vec::new();
    let mut placeholders = Vec::new();
    let mut mail = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let shown = path.strip_prefix(&dir).unwrap().display().to_string();
        // Bodies without headers are read as plain text; everything else as the guard
        // reads a message, whatever its headers look like.
        let format = if shown.starts_with("github__email_reply_parser") {
            Format::Text
        } else {
            mail += 1;
            Format::Mail
        };
        let draft = Draft::parse(&shown, bytes.clone(), format)
            .unwrap_or_else(|e| panic!("{shown} is not read: {e}"));
        if let Some(origin) = &draft.origin {
            assert_eq!(origin.display.len(), bytes.len(), "{shown}: display length");
        }
        let findings = lint(&draft, &rules, &ctx);
        for f in &findings {
            assert!(
                f.span.end <= bytes.len() && f.span.start <= f.span.end,
                "{shown}: {f:?}"
            );
        }
        let blame: Vec<_> = findings
            .iter()
            .filter(|f| f.rule.starts_with("blame/"))
            .map(|f| String::from_utf8_lossy(&bytes[f.span.clone()]).into_owned())
            .collect();
        if !blame.is_empty() {
            flagged.push((shown.clone(), blame));
        }
        let holes: Vec<_> = findings
            .iter()
            .filter(|f| &*f.rule == "placeholder/unfilled")
            .map(|f| String::from_utf8_lossy(&bytes[f.span.clone()]).into_owned())
            .collect();
        if !holes.is_empty() {
            placeholders.push((shown, holes));
        }
    }
    eprintln!(
        "{} of {} messages ({} read as mail) flagged for blame: {flagged:#?}",
        flagged.len(),
        files.len(),
        mail
    );
    // A placeholder finding blocks a send in the guard, so look-alikes must be rare too.
    eprintln!(
        "{} messages with placeholder findings: {placeholders:#?}",
        placeholders.len()
    );
    assert!(
        placeholders.len() * 100 < files.len(),
        "{} of {} real messages have placeholder findings: {placeholders:#?}",
        placeholders.len(),
        files.len()
    );
    assert!(
        flagged.len() * 100 < files.len(),
        "{} of {} real messages flagged for blame: {flagged:#?}",
        flagged.len(),
        files.len()
    );
}

/// The author's words of a reply sample, one trimmed line each, blank lines dropped.
fn author_lines(dir: &Path, name: &str) -> Vec<String> {
    let path = dir.join("github__email_reply_parser").join(name);
    let draft = Draft::parse(name, std::fs::read(path).unwrap(), Format::Text).unwrap();
    draft
        .text
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn quotes_attributions_and_signatures_are_stripped_from_real_replies() {
    let Some(dir) = mail_dir() else { return };
    let expect = |name: &str, lines: &[&str]| {
        assert_eq!(author_lines(&dir, name), lines, "{name}");
    };
    // Outlook blocks, with and without a rule above them.
    expect(
        "email_2_2.txt",
        &["Outlook with a reply directly above line"],
    );
    expect(
        "email_2_3.txt",
        &["Outlook with a reply directly above line"],
    );
    // Mobile signatures, one word or several.
    expect("email_iPhone.txt", &["Here is another email"]);
    expect("email_BlackBerry.txt", &["Here is another email"]);
    expect(
        "email_multi_word_sent_from_my_mobile_device.txt",
        &["Here is another email"],
    );
    // "Sent from my desk, …" is a sentence, not a signature.
    let lines = author_lines(&dir, "email_sent_from_my_not_signature.txt");
    assert!(
        lines.iter().any(|l| l.starts_with("Sent from my desk")),
        "{lines:?}"
    );
    // "-- " ends the words; "--" inside a line does not.
    expect(
        "correct_sig.txt",
        &["this is an email with a correct -- signature."],
    );
    let lines = author_lines(&dir, "email_sig_delimiter_in_middle_of_line.txt");
    assert!(
        lines.iter().any(|l| l.contains("this is not a signature")),
        "{lines:?}"
    );
    // An attribution wrapped over three lines, and one at the very top.
    let lines = author_lines(&dir, "email_1_6.txt");
    assert!(!lines.iter().any(|l| l.contains("wrote")), "{lines:?}");
    assert!(author_lines(&dir, "email_1_8.txt").is_empty());
    // The pathological sample: a huge quote after a Gmail attribution.
    expect(
        "pathological.txt",
        &[
            "I think you're onto something. I will try to fix the problem as soon as I",
            "get back to a computer.",
        ],
    );
    // A line starting "On your remote host" is not an attribution.
    let lines = author_lines(&dir, "greedy_on.txt");
    assert!(lines[0].starts_with("On your remote host"), "{lines:?}");
}
