//! The labelled messages of `fixtures/mail-classes` and `fixtures/mail-classes-2` (see their
//! READMEs): blame in any part a recipient sees stops the guard (exit 1), text it cannot
//! read stops it too (exit 2), and everything else is handed on byte for byte. `check`
//! decides the same of each file.

mod common;

use std::collections::BTreeMap;
use std::process::Command;

/// The labelled folders.
const SETS: &[&str] = &["fixtures/mail-classes", "fixtures/mail-classes-2"];

struct Row {
    dir: std::path::PathBuf,
    file: String,
    class: String,
    expect: String,
}

fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for set in SETS {
        let dir = common::root().join(set);
        let text = std::fs::read_to_string(dir.join("labels.tsv")).unwrap();
        rows.extend(text.lines().skip(1).map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row {
                dir: dir.clone(),
                file: f[0].to_string(),
                class: f[1].to_string(),
                expect: f[2].to_string(),
            }
        }));
    }
    rows
}

#[test]
fn each_message_is_stopped_or_handed_on_as_labelled() {
    let rows = rows();
    assert!(rows.len() >= 200, "{} labelled messages", rows.len());
    let mut failures = Vec::new();
    let mut per_class: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for row in &rows {
        let dir = &row.dir;
        let raw = std::fs::read(dir.join(&row.file)).unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tactful"));
        cmd.args([
            "guard",
            "-q",
            "--send-date",
            "2026-12-02",
            "--holidays",
            "none",
        ])
        .args(["--", "sh", "-c", "cat > \"$1\"", "sh"])
        .arg(&out)
        .env_remove(tactful::guard::SKIP_VAR);
        let res = common::run_with_input(&mut cmd, &raw);
        let delivered = std::fs::read(&out).ok();
        let (code, sent_ok) = match row.expect.as_str() {
            "blame" => (1, delivered.is_none()),
            "unreadable" => (2, delivered.is_none()),
            _ => (0, delivered.as_deref() == Some(&raw[..])),
        };
        // `check` reads the file the same way: blame or an unreadable part is a failing
        // finding, a clean message has neither.
        let run = common::tactful(dir, &["check", "--format", "short", &row.file], None);
        let check_ok = match row.expect.as_str() {
            "blame" => run.code == 1 && run.stdout.contains("[blame/"),
            "unreadable" => run.code == 1 && run.stdout.contains("[mail/unreadable]"),
            _ => !run.stdout.contains("[blame/") && !run.stdout.contains("[mail/unreadable]"),
        };
        let ok = res.status.code() == Some(code) && sent_ok && check_ok;
        let tally = per_class.entry(&row.class).or_default();
        tally.0 += usize::from(ok);
        tally.1 += 1;
        if !ok {
            failures.push(format!(
                "{} ({}, expected {}): guard exit {:?}, handed on: {}; check exit {}:\n{}{}",
                row.file,
                row.class,
                row.expect,
                res.status.code(),
                delivered.is_some(),
                run.code,
                String::from_utf8_lossy(&res.stderr),
                run.stdout
            ));
        }
    }
    for (class, (ok, all)) in &per_class {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("{class:22} {ok}/{all}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
