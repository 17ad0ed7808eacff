//! Real mail written by others (`../shared/realworld/mail`): every message is read without
//! an error, a panic or a hang; every blame finding is one reviewed below, and fewer than 1
//! in 100 messages has one that is a false alarm; fewer than 1 in 100 has a placeholder
//! finding (which would block a send); and quotes, attribution lines and signatures are
//! stripped the way the reply samples there need. Skipped, with a message, when
//! `../shared` is absent.

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

/// Every blame finding in the real mail: (file, rule, words, whether a reader would agree the
/// words blame or shame the reader). A new finding, or a lost one, fails the test until it
/// is reviewed here.
const REVIEWED: &[(&str, &str, &str, bool)] = &[
    // Written between quoted lines of a kernel thread: blame, though not in a job search.
    (
        "notmuch__notmuch/lkml/cur/1382298775.002992:2,",
        "blame/you-didnt-reply",
        "Someone dropped the ball",
        true,
    ),
    // A demand for a reply.
    (
        "notmuch__notmuch/threading/ghost-root/1532672447.R6968667928580738175.len:2,S",
        "blame/demand",
        "please respond to this message.",
        true,
    ),
    // The learned rule on a design discussion about tags: no one is blamed.
    (
        "notmuch__notmuch/lkml/cur/1354585346.000265:2,",
        "blame/tone",
        "that 'unread' messages get\nboth 'unread' and 'inbox' tags",
        false,
    ),
    // Its next sentence, near the first finding (`threshold-beside`): the same message.
    (
        "notmuch__notmuch/lkml/cur/1354585346.000265:2,",
        "blame/tone",
        "of 'unread",
        false,
    ),
    // The learned rule on a developer's remark about trusting his own backups: no one is
    // blamed.
    (
        "notmuch__notmuch/default/cur/47:2,",
        "blame/tone",
        "So I like that\nI don't even have to trust myself---the worst that happens is that I\nhave to recreate my index",
        false,
    ),
    // Criticism of a practice on a development list ("telling people to re-edit their
    // patches…is not what one would consider…"), and a question beside it: critique of a
    // workflow, not blame for a wait.
    (
        "notmuch__notmuch/lkml/cur/1382298793.003216:2,",
        "blame/tone",
        "telling people to re-edit their patches subject line\nis not what one would consider",
        false,
    ),
    (
        "notmuch__notmuch/lkml/cur/1382298793.003216:2,",
        "blame/tone",
        "why not",
        false,
    ),
];

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
        for f in findings.iter().filter(|f| f.rule.starts_with("blame/")) {
            let words = f
                .words
                .clone()
                .unwrap_or_else(|| String::from_utf8_lossy(&bytes[f.span.clone()]).into_owned());
            flagged.push((shown.clone(), f.rule.to_string(), words));
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
        "{} blame findings in {} messages ({} read as mail): {flagged:#?}",
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
    let reviewed: Vec<(String, String, String)> = REVIEWED
        .iter()
        .map(|(f, r, w, _)| (f.to_string(), r.to_string(), w.to_string()))
        .collect();
    let new: Vec<_> = flagged.iter().filter(|f| !reviewed.contains(f)).collect();
    let lost: Vec<_> = reviewed.iter().filter(|r| !flagged.contains(r)).collect();
    assert!(
        new.is_empty() && lost.is_empty(),
        "blame findings not yet reviewed: {new:#?}\nreviewed findings no longer found: {lost:#?}"
    );
    let mut false_alarms: Vec<&str> = REVIEWED.iter().filter(|r| !r.3).map(|r| r.0).collect();
    false_alarms.dedup();
    assert!(
        false_alarms.len() * 100 < files.len(),
        "{} of {} real messages have a blame false alarm",
        false_alarms.len(),
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
    // At the very top, then quoted with `>`: the replies below and between the quoted
    // lines are the author's.
    assert_eq!(
        author_lines(&dir, "email_1_8.txt"),
        ["I will reply under this one", "and under this."]
    );
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

/// Real mail seldom promises a reply date, and none of it in these folders is a job search:
/// a promise date found in one is almost always a false one (a news site read "today").
/// Fewer than 1 in 200 messages may get one, and each is printed for review.
#[test]
fn real_mail_seldom_yields_a_promise_date() {
    let Some(dir) = mail_dir() else { return };
    let cal = tactful::calendar::Calendar::default();
    let files = messages(&dir);
    let mut dated = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let shown = path.strip_prefix(&dir).unwrap().display().to_string();
        let Ok(draft) = Draft::parse(&shown, bytes, Format::Text) else {
            continue;
        };
        let reference = jiff::civil::date(2026, 12, 1);
        let author = draft
            .people
            .from
            .as_ref()
            .and_then(|p| p.address.as_deref());
        for p in tactful::thread::promises(
            &draft.source,
            draft.body_start..draft.source.len(),
            &cal,
            reference,
            author,
        ) {
            if let Some(by) = p.by {
                dated.push((shown.clone(), by, p.quote()));
            }
        }
    }
    eprintln!("promise dates in {} real messages: {dated:#?}", files.len());
    assert!(
        dated.len() * 200 < files.len(),
        "{} of {} real messages got a promise date: {dated:#?}",
        dated.len(),
        files.len()
    );
}
