//! The command line as users and scripts see it: exit codes, formats, stdin, directories,
//! config discovery, `rules` and `explain`, and every kind of broken rule pack.

mod common;

use std::fs;

use common::{json_findings, root, tactful};

const CLEAN: &str =
    "Hi Jane,\n\nI hope you had a restful Thanksgiving. I remain very interested in the role.\n";
const BLAMING: &str = "Hi Jane,\n\nI hope you are well. I still haven't heard back. I remain very interested in the role.\n";

#[test]
fn exit_codes_follow_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("clean.txt"), CLEAN).unwrap();
    fs::write(dir.path().join("bad.txt"), BLAMING).unwrap();
    assert_eq!(tactful(dir.path(), &["check", "clean.txt"], None).code, 0);
    assert_eq!(tactful(dir.path(), &["check", "bad.txt"], None).code, 1);
    let missing = tactful(dir.path(), &["check", "nope.txt"], None);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.txt"), "{}", missing.stderr);
    assert_eq!(
        tactful(
            dir.path(),
            &["check", "--format", "nonsense", "clean.txt"],
            None
        )
        .code,
        2
    );
    assert_eq!(
        tactful(
            dir.path(),
            &["check", "--send-date", "2026-02-30", "clean.txt"],
            None
        )
        .code,
        2
    );
    assert_eq!(
        tactful(
            dir.path(),
            &["check", "--holidays", "mars", "clean.txt"],
            None
        )
        .code,
        2
    );
}

#[test]
fn stdin_is_read_with_dash_and_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let run = tactful(
        dir.path(),
        &["check", "--format", "short", "-"],
        Some(BLAMING.as_bytes()),
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with("-:3:22: error[blame/didnt-hear]"),
        "{}",
        run.stdout
    );
    let run = tactful(
        dir.path(),
        &["check", "--format", "json"],
        Some(BLAMING.as_bytes()),
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["files"][0]["path"], "-");
    assert_eq!(
        doc["files"][0]["findings"][0]["text"],
        "I still haven't heard back"
    );
}

#[test]
fn directories_are_walked_and_sorted() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("drafts/sub")).unwrap();
    fs::write(dir.path().join("drafts/sub/b.md"), BLAMING).unwrap();
    fs::write(dir.path().join("drafts/a.txt"), BLAMING).unwrap();
    fs::write(dir.path().join("drafts/c.txt"), CLEAN).unwrap();
    fs::write(dir.path().join("drafts/image.png"), [0u8, 1, 2]).unwrap();
    let run = tactful(dir.path(), &["check", "--format", "json", "drafts"], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["drafts/a.txt", "drafts/c.txt", "drafts/sub/b.md"]);
    assert_eq!(doc["summary"]["files"], 3);
    assert_eq!(doc["files"][1]["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn bad_input_is_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("bin.txt"), [b'h', 0, 0xff]).unwrap();
    fs::write(dir.path().join("latin1.txt"), b"caf\xe9 still waiting").unwrap();
    fs::write(
        dir.path().join("fm.md"),
        "---\nsend-date: tomorrow\n---\nHi\n",
    )
    .unwrap();
    for (file, needle) in [
        ("empty.txt", "empty"),
        ("bin.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("fm.md", "fm.md:2:"),
    ] {
        let run = tactful(dir.path(), &["check", file], None);
        assert_eq!(run.code, 2, "{file}");
        assert!(run.stderr.contains(needle), "{file}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{file}: {}", run.stderr);
    }
}

#[test]
fn config_is_discovered_upward_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("a/b")).unwrap();
    fs::write(dir.path().join("a/b/bad.txt"), BLAMING).unwrap();
    fs::write(
        dir.path().join("tactful.yaml"),
        "rules:\n  blame/didnt-hear: warning\n",
    )
    .unwrap();
    let run = tactful(
        &dir.path().join("a/b"),
        &["check", "--format", "short", "bad.txt"],
        None,
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("warning[blame/didnt-hear]"),
        "{}",
        run.stdout
    );
    let run = tactful(
        &dir.path().join("a/b"),
        &["check", "--deny", "warnings", "bad.txt"],
        None,
    );
    assert_eq!(run.code, 1);
    fs::write(
        dir.path().join("tactful.yaml"),
        "rules:\n  blame/didnt-hear: off\n",
    )
    .unwrap();
    let run = tactful(
        &dir.path().join("a/b"),
        &["check", "--format", "short", "bad.txt"],
        None,
    );
    assert!(!run.stdout.contains("didnt-hear"), "{}", run.stdout);
    // The learned rule weighs the same sentence on its own, and is turned off the same way.
    fs::write(
        dir.path().join("tactful.yaml"),
        "rules:\n  blame/didnt-hear: off\n  blame/tone: \"off\"\n",
    )
    .unwrap();
    let run = tactful(
        &dir.path().join("a/b"),
        &["check", "--format", "short", "bad.txt"],
        None,
    );
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    fs::write(
        dir.path().join("tactful.yaml"),
        "rules:\n  blame/no-such-rule: off\n",
    )
    .unwrap();
    let run = tactful(&dir.path().join("a/b"), &["check", "bad.txt"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown rule `blame/no-such-rule`"),
        "{}",
        run.stderr
    );
    fs::write(dir.path().join("tactful.yaml"), "rulez: {}\n").unwrap();
    let run = tactful(&dir.path().join("a/b"), &["check", "bad.txt"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown field `rulez`") && run.stderr.contains("tactful.yaml:1:1"),
        "{}",
        run.stderr
    );
}

#[test]
fn user_pack_adds_rules_and_can_replace_a_builtin_pack() {
    let dir = tempfile::tempdir().unwrap();
    let pack = root().join("fixtures/packs/good.yaml");
    let draft = "Hi Jane,\n\nI hope you are well. Just circling back on this. I remain very interested in the role.\n";
    fs::write(dir.path().join("d.txt"), draft).unwrap();
    let run = tactful(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "--rules",
            pack.to_str().unwrap(),
            "d.txt",
        ],
        None,
    );
    assert!(
        run.stdout.contains("warning[nudge/circling-back]"),
        "{}{}",
        run.stdout,
        run.stderr
    );
    let run = tactful(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "--no-default-rules",
            "--rules",
            pack.to_str().unwrap(),
            "d.txt",
        ],
        None,
    );
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    let rules = tactful(
        dir.path(),
        &[
            "rules",
            "--format",
            "json",
            "--rules",
            pack.to_str().unwrap(),
        ],
        None,
    );
    let list: serde_json::Value = serde_json::from_str(&rules.stdout).unwrap();
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "nudge/circling-back" && r["pack"] == "nudge"));
}

#[test]
fn each_bad_pack_names_file_line_and_column() {
    let cases = [
        ("syntax.yaml", "syntax.yaml:4:", ""),
        (
            "unknown-key.yaml",
            "unknown-key.yaml:5:5",
            "unknown field `phrase`",
        ),
        ("wrong-type.yaml", "wrong-type.yaml:8:14", ""),
        (
            "duplicate-id.yaml",
            "duplicate-id.yaml:10:9",
            "duplicate rule id `dup/one`",
        ),
        (
            "bad-regex.yaml",
            "bad-regex.yaml:9:9",
            "regex does not compile",
        ),
        (
            "huge-regex.yaml",
            "huge-regex.yaml:9:9",
            "regex is too large",
        ),
        (
            "no-examples.yaml",
            "no-examples.yaml:3:9",
            "needs `examples`",
        ),
        (
            "failing-example.yaml",
            "failing-example.yaml:11:11",
            "this `bad` example does not fire `fail/waiting`",
        ),
        (
            "firing-good-example.yaml",
            "firing-good-example.yaml:14:11",
            "this `good` example fires `fail/waiting`",
        ),
        ("bad-phrase.yaml", "bad-phrase.yaml:9:9", "is never closed"),
        ("bad-id.yaml", "bad-id.yaml:3:9", "must be `wrong/NAME`"),
    ];
    let dir = root().join("fixtures/packs/bad");
    for (file, location, message) in cases {
        let run = tactful(
            &dir,
            &["rules", "--no-default-rules", "--rules", file],
            None,
        );
        assert_eq!(run.code, 2, "{file}: {}", run.stdout);
        assert!(
            run.stderr.contains(location),
            "{file}: expected {location} in\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(message),
            "{file}: expected {message:?} in\n{}",
            run.stderr
        );
    }
}

#[test]
fn rules_and_explain_describe_the_packs() {
    let dir = tempfile::tempdir().unwrap();
    let run = tactful(dir.path(), &["rules"], None);
    assert_eq!(run.code, 0);
    for id in [
        "blame/didnt-hear",
        "opening/missing-pleasantry",
        "opening/pleasantry-after-ask",
        "interest/missing",
    ] {
        assert!(run.stdout.contains(id), "{id}");
    }
    let run = tactful(dir.path(), &["explain", "blame/didnt-hear"], None);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("Why:")
            && run.stdout.contains("Bad (fires):")
            && run.stdout.contains("Good (does not fire):")
    );
    let run = tactful(dir.path(), &["explain", "didnt-hear"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean blame/didnt-hear"),
        "{}",
        run.stderr
    );
}

#[test]
fn bundled_examples_show_findings() {
    let run = tactful(
        root(),
        &["check", "--format", "short", "fixtures/examples/"],
        None,
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("blaming.txt") && run.stdout.contains("error[blame/"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("tactful.md"),
        "the tactful example must be clean:\n{}",
        run.stdout
    );
    // What the README's first screen shows is what the first command prints.
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let shown = readme
        .split("## Try it")
        .nth(1)
        .and_then(|s| s.split("```text\n").nth(1))
        .and_then(|s| s.split("```").next())
        .expect("the README shows the first command's output");
    let (excerpt, last) = shown
        .split_once("…\n")
        .expect("an excerpt, then the summary");
    let run = tactful(
        root(),
        &["check", "--color", "never", "fixtures/examples/"],
        None,
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(excerpt),
        "README excerpt not in the output:\n{excerpt}\n---\n{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().last(), Some(last.trim_end()));
}

#[test]
fn when_skips_a_holiday_week_and_waits_for_the_promised_date() {
    let dir = common::root();
    let run = common::tactful(dir, &["when", "--after", "2026-11-24", "--verbose"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut lines = run.stdout.lines();
    assert_eq!(lines.next(), Some("2026-12-01"));
    assert!(lines.next().unwrap().starts_with("Tuesday: "));
    let skipped: Vec<&str> = lines.collect();
    assert_eq!(skipped.len(), 6, "{}", run.stdout);
    assert!(skipped[1].contains("Thursday 2026-11-26: Thanksgiving Day"));

    // The first line (the date) and the whole output of `tactful when ARGS`.
    let when = |args: &[&str]| {
        let out = common::tactful(dir, &[&["when"], args].concat(), None).stdout;
        (out.lines().next().unwrap_or_default().to_string(), out)
    };
    // The promised date, as a phrase relative to --after: Friday 2026-12-04.
    let (day, out) = when(&["--after", "2026-11-24", "--promised-by", "end of next week"]);
    assert_eq!(day, "2026-12-08", "{out}");
    assert!(out.contains("after 2026-12-04"));
    let (day, _) = when(&["--after", "2026-11-24", "--promised-by", "in 2 weeks"]);
    assert_eq!(day, "2026-12-09");

    // Christmas and New Year: the US and England differ.
    assert_eq!(when(&["--after", "2026-12-23"]).0, "2026-12-29");
    assert_eq!(
        when(&["--after", "2026-12-23", "--holidays", "gb"]).0,
        "2026-12-30"
    );
    assert_eq!(
        when(&["--after", "2026-11-24", "--holidays", "none"]).0,
        "2026-11-25"
    );
}

#[test]
fn when_rejects_what_it_cannot_read() {
    let dir = common::root();
    for args in [
        &["when", "--after", "sometime soon"][..],
        &["when", "--after", "2026-02-30"],
        &["when", "--promised-by", "whenever"],
        &["when", "--holidays", "mars"],
    ] {
        let run = common::tactful(dir, args, None);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"));
    }
}

#[test]
fn tactfulignore_and_gitignore_leave_files_out_of_a_walk() {
    let tmp = tempfile::tempdir().unwrap();
    let blaming = "Hi Ann,\n\nI still haven't heard back about the role.\n";
    for name in [
        "kept.txt",
        "drafts-old/ignored.txt",
        "scratch/git-ignored.txt",
    ] {
        let path = tmp.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, blaming).unwrap();
    }
    std::fs::write(tmp.path().join(".tactfulignore"), "drafts-old/\n").unwrap();
    std::fs::write(tmp.path().join(".gitignore"), "scratch/\n").unwrap();
    std::fs::create_dir(tmp.path().join(".git")).unwrap();
    let run = common::tactful(tmp.path(), &["check", "--format", "short", "."], None);
    assert!(run.stdout.contains("kept.txt"), "{}", run.stdout);
    assert!(!run.stdout.contains("ignored.txt"), "{}", run.stdout);
}

#[test]
fn config_include_and_exclude_globs_pick_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let blaming = "Hi Ann,\n\nI still haven't heard back about the role.\n";
    for name in [
        "templates/a.md",
        "templates/b.txt",
        "templates/archive/c.md",
        "notes.txt",
    ] {
        let path = tmp.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, blaming).unwrap();
    }
    std::fs::write(
        tmp.path().join("tactful.yaml"),
        "include: [\"templates/**\"]\nexclude: [\"archive/\", \"*.txt\"]\n",
    )
    .unwrap();
    let run = common::tactful(tmp.path(), &["check", "--format", "short", "."], None);
    let files: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert!(
        files.iter().all(|f| f.ends_with("templates/a.md")),
        "{}",
        run.stdout
    );
    assert!(!files.is_empty(), "{}{}", run.stdout, run.stderr);

    std::fs::write(tmp.path().join("tactful.yaml"), "exclude: [\"a[\"]\n").unwrap();
    let run = common::tactful(tmp.path(), &["check", "."], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("invalid glob"), "{}", run.stderr);
    assert!(run.stderr.contains("tactful.yaml:1:"), "{}", run.stderr);
}

#[test]
fn baseline_round_trip_fails_only_on_new_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let old = "Hi Ann,\n\nI hope you are well. I still haven't heard back about the analyst role, which I remain very interested in.\n";
    std::fs::write(tmp.path().join("old.txt"), old).unwrap();
    let run = common::tactful(
        tmp.path(),
        &[
            "check",
            "--write-baseline",
            "tactful-baseline.json",
            "old.txt",
        ],
        None,
    );
    assert_eq!(
        run.code, 1,
        "the run that writes a baseline still reports: {}",
        run.stdout
    );
    let baseline = std::fs::read_to_string(tmp.path().join("tactful-baseline.json")).unwrap();
    assert!(baseline.contains("blame/didnt-hear"), "{baseline}");

    // The old finding, moved down by an edit, stays accepted.
    std::fs::write(tmp.path().join("old.txt"), format!("\n\n{old}")).unwrap();
    let args = [
        "check",
        "--format",
        "short",
        "--baseline",
        "tactful-baseline.json",
        "old.txt",
    ];
    let run = common::tactful(tmp.path(), &args, None);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.is_empty(), "{}", run.stdout);

    // A new blaming sentence fails, and only it is reported.
    std::fs::write(
        tmp.path().join("old.txt"),
        format!("{old}Per my last email, any news?\n"),
    )
    .unwrap();
    let run = common::tactful(tmp.path(), &args, None);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("blame/per-my-last-email"));

    std::fs::write(tmp.path().join("broken.json"), "{\"tool\": 3}").unwrap();
    let run = common::tactful(
        tmp.path(),
        &["check", "--baseline", "broken.json", "old.txt"],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("broken.json"), "{}", run.stderr);
}

#[test]
fn templates_true_in_the_config_is_template_mode() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "Hi [First Name],\n\nI hope you had a good week. I remain very interested in the {{role}} role.\n";
    std::fs::write(dir.path().join("t.md"), draft).unwrap();
    let run = common::tactful(dir.path(), &["check", "--format", "short", "t.md"], None);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(
        run.stdout.matches("placeholder/unfilled").count(),
        2,
        "{}",
        run.stdout
    );
    std::fs::write(dir.path().join("tactful.yaml"), "templates: true\n").unwrap();
    let run = common::tactful(dir.path(), &["check", "--format", "short", "t.md"], None);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.stdout.contains("placeholder"), "{}", run.stdout);
}

#[test]
fn suppression_comments_front_matter_and_config_ignore() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    // Comments in Markdown: a range, one line, and one that silences nothing.
    std::fs::write(
        p.join("a.md"),
        "Hi Jane,\n\nI hope you had a restful weekend. I remain interested in the role.\n\n\
         <!-- tactful-disable blame/still-waiting -->\nI'm still waiting to hear.\n\
         <!-- tactful-enable blame/still-waiting -->\n\
         <!-- tactful-disable-next-line blame -->\nI haven't heard back from you.\n\
         I'm still waiting, again.\n\
         <!-- tactful-disable-next-line blame/guilt -->\nThanks.\n",
    )
    .unwrap();
    // Front matter for a whole draft.
    std::fs::write(
        p.join("b.md"),
        "---\ntactful:\n  disable: [blame/didnt-hear, interest]\n---\nHi Jane,\n\nI hope you are well. I haven't heard back.\n",
    )
    .unwrap();
    // Mail: only the config can silence it.
    std::fs::write(
        p.join("c.eml"),
        "Subject: Hello\n\nHi Jane,\n\nI hope you are well. Per my last email, I remain interested in the role.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("tactful.yaml"),
        "ignore:\n  - rule: blame/per-my-last-email\n    paths: [\"*.eml\"]\n    text: per my last email\n  - rule: timing\n",
    )
    .unwrap();
    let run = common::tactful(
        p,
        &[
            "check",
            "--format",
            "short",
            "--report-unused-disables",
            "a.md",
            "b.md",
            "c.eml",
        ],
        None,
    );
    let findings: Vec<&str> = run.stdout.lines().collect();
    // a.md: only the unsuppressed "still waiting" on the line after the next-line comment.
    assert!(
        findings
            .iter()
            .any(|l| l.starts_with("a.md:10:") && l.contains("blame/still-waiting")),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.matches("a.md:").count(), 1, "{}", run.stdout);
    assert!(!run.stdout.contains("b.md:"), "{}", run.stdout);
    assert!(!run.stdout.contains("c.eml:"), "{}", run.stdout);
    // Unused: the blame/guilt comment and the `timing` ignore entry; the run fails.
    assert!(
        run.stderr.contains("a.md:11:1: unused suppression"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("unused ignore entry for `timing`"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("unused").count(), 2, "{}", run.stderr);
    assert_eq!(run.code, 1);
    // Without the flag, the same run passes.
    let run = common::tactful(p, &["check", "--format", "short", "b.md", "c.eml"], None);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

/// A file that cannot be linted is in every output format, and the human summary says so.
#[test]
fn a_failed_file_appears_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a-clean.txt"), CLEAN).unwrap();
    fs::write(dir.path().join("b-empty.txt"), "  \n").unwrap();
    fs::write(dir.path().join("c-bad.txt"), BLAMING).unwrap();
    let run = tactful(dir.path(), &["check", "--format", "json", "."], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 3, "{}", run.stdout);
    assert_eq!(files[1]["path"], "./b-empty.txt");
    assert!(files[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("empty"));
    assert_eq!(doc["summary"]["files"], 3);
    assert_eq!(doc["summary"]["failed"], 1);
    assert!(run.stderr.contains("b-empty.txt"), "{}", run.stderr);

    let run = tactful(dir.path(), &["check", "--format", "sarif", "."], None);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let inv = &doc["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let notes = inv["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "b-empty.txt"
    );

    let run = tactful(dir.path(), &["check", "--format", "short", "."], None);
    assert!(
        run.stdout.contains("./b-empty.txt:1:1: error: empty file"),
        "{}",
        run.stdout
    );
    let run = tactful(dir.path(), &["check", "."], None);
    assert!(
        run.stdout
            .contains("in 2 files; 1 file could not be linted"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("b-empty.txt"), "{}", run.stderr);
    for format in ["github", "rdjsonl"] {
        let run = tactful(dir.path(), &["check", "--format", format, "."], None);
        assert!(
            run.stdout.contains("b-empty.txt"),
            "{format}: {}",
            run.stdout
        );
    }
}

#[test]
fn write_baseline_never_overwrites_a_draft_nor_writes_after_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("draft.txt"), BLAMING).unwrap();
    // The draft itself, named as the baseline.
    let run = tactful(
        dir.path(),
        &["check", "--write-baseline", "draft.txt", "draft.txt"],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("refusing"), "{}", run.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        BLAMING
    );
    // Another file that is not a baseline.
    fs::write(dir.path().join("notes.json"), "{\"mine\": true}\n").unwrap();
    let run = tactful(
        dir.path(),
        &["check", "--write-baseline", "notes.json", "draft.txt"],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not a tactful baseline"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.json")).unwrap(),
        "{\"mine\": true}\n"
    );
    // A run with a file that fails writes nothing.
    let run = tactful(
        dir.path(),
        &[
            "check",
            "--write-baseline",
            "base.json",
            "draft.txt",
            "missing.txt",
        ],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(!dir.path().join("base.json").exists());
    assert!(
        run.stderr.contains("baseline was not written"),
        "{}",
        run.stderr
    );
    // A good run writes it, and a later run may replace it.
    for _ in 0..2 {
        let run = tactful(
            dir.path(),
            &["check", "--write-baseline", "base.json", "draft.txt"],
            None,
        );
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(fs::read_to_string(dir.path().join("base.json"))
            .unwrap()
            .contains("\"tool\": \"tactful\""));
    }
}

#[test]
fn warnings_for_shadowed_packs_empty_rule_sets_and_unknown_names() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("d.md"),
        format!("<!-- tactful-disable-next-line blame/no-such -->\n{CLEAN}"),
    )
    .unwrap();
    let pack = "pack: blame\nrules:\n  - id: blame/mine\n    kind: avoid\n    category: blame\n    message: m\n    why: w\n    phrases: [\"totally unique words\"]\n    examples:\n      bad: [\"totally unique words\"]\n      good: [\"fine\"]\n";
    fs::write(dir.path().join("blame.yaml"), pack).unwrap();
    let run = tactful(
        dir.path(),
        &["check", "--rules", "blame.yaml", "d.md"],
        None,
    );
    assert!(
        run.stderr
            .contains("warning: blame.yaml: pack `blame` replaces the built-in pack"),
        "{}",
        run.stderr
    );
    let run = tactful(dir.path(), &["check", "--no-default-rules", "d.md"], None);
    assert!(run.stderr.contains("no rules are loaded"), "{}", run.stderr);
    let run = tactful(
        dir.path(),
        &["check", "--report-unused-disables", "d.md"],
        None,
    );
    assert!(
        run.stderr
            .contains("names `blame/no-such`, which is no loaded rule"),
        "{}",
        run.stderr
    );
    fs::write(
        dir.path().join("tactful.yaml"),
        "ignore:\n  - rule: blame/nope\n",
    )
    .unwrap();
    let run = tactful(dir.path(), &["check", "d.md"], None);
    assert!(
        run.stderr
            .contains("tactful.yaml:2:5: ignore entry names `blame/nope`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_symlink_loop_or_dangling_link_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("loop.txt", dir.path().join("loop.txt")).unwrap();
    std::os::unix::fs::symlink("gone.txt", dir.path().join("dangling.txt")).unwrap();
    let run = tactful(dir.path(), &["check", "loop.txt", "dangling.txt"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("loops back on itself"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("a symbolic link to nothing"),
        "{}",
        run.stderr
    );
}

/// Each error says what is wrong and where, in words a writer can act on.
#[test]
fn errors_say_what_is_wrong_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("clean.txt"), CLEAN).unwrap();
    fs::write(dir.path().join("colons.md"), "---\n: : :\n---\nHi\n").unwrap();
    fs::write(dir.path().join("alias.md"), "---\nrole: *nope\n---\nHi\n").unwrap();
    let mut bomb = String::from("---\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = "a".to_string();
    for name in ["b", "c", "d", "e", "f", "g", "h"] {
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
        prev = name.to_string();
    }
    bomb.push_str("---\nHi Jane,\n");
    fs::write(dir.path().join("bomb.md"), bomb).unwrap();
    let deep = format!("{}word{}", "(".repeat(14_000), ")".repeat(14_000));
    fs::write(
        dir.path().join("deep.yaml"),
        format!("pack: deep\nrules:\n  - id: deep/x\n    kind: avoid\n    category: blame\n    message: m\n    why: w\n    phrases: [\"{deep}\"]\n    examples:\n      bad: [\"word\"]\n      good: [\"x\"]\n"),
    )
    .unwrap();
    let nested = format!(
        "pack: deep\nrules: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    fs::write(dir.path().join("nested.yaml"), nested).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["check", "colons.md"], "colons.md:2:1"),
        (&["check", "colons.md"], "a value is missing here"),
        (&["check", "alias.md"], "refers to no anchor"),
        (
            &["check", "bomb.md"],
            "tactful stops reading this YAML here",
        ),
        (
            &["check", "--send-date", "2026-02-30", "clean.txt"],
            "February 2026 has 28 days",
        ),
        (
            &["check", "--holidays", "team.yaml", "clean.txt"],
            "no calendar file `team.yaml`",
        ),
        (
            &["check", "--holidays", "mars", "clean.txt"],
            "`mars` is no built-in calendar",
        ),
        (
            &["when", "--after", "9999-12-30"],
            "the calendar ends on 9999-12-31",
        ),
        (
            &["check", "--rules", "deep.yaml", "clean.txt"],
            "brackets nest more than 16 deep",
        ),
    ];
    for (args, needle) in cases {
        let run = tactful(dir.path(), args, None);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(needle),
            "{args:?}: expected {needle:?} in\n{}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("panicked") && !run.stderr.contains("Option<"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.len() < 2000,
            "{args:?}: a short message, not {} bytes",
            run.stderr.len()
        );
    }
}

/// The README's table of rules is `tactful rules --format markdown`, kept current:
/// `TACTFUL_BLESS=1 cargo test` rewrites it.
#[test]
fn the_readme_rule_table_is_the_packs() {
    let run = tactful(root(), &["rules", "--format", "markdown"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let readme_path = root().join("README.md");
    let readme = fs::read_to_string(&readme_path).unwrap();
    let start = "<!-- rules: the output of `tactful rules --format markdown`; a test keeps it current -->\n";
    let end = "<!-- end of rules -->";
    let a = readme.find(start).expect("the README marks its rule table") + start.len();
    let b = a + readme[a..].find(end).expect("the table's end is marked");
    if std::env::var_os("TACTFUL_BLESS").is_some() {
        fs::write(
            &readme_path,
            format!("{}{}{}", &readme[..a], run.stdout, &readme[b..]),
        )
        .unwrap();
        return;
    }
    assert!(
        readme[a..b] == run.stdout,
        "the README's rule table is stale: run `TACTFUL_BLESS=1 cargo test --test cli`"
    );
    assert!(run.stdout.lines().count() > 20, "{}", run.stdout);
}

/// A pack's `vocab:` names word classes that its phrases use as `{name}`; an unknown class
/// is an error at the phrase.
#[test]
fn phrases_use_the_packs_word_classes() {
    let dir = tempfile::tempdir().unwrap();
    let pack = |phrase: &str| {
        format!(
            "pack: words\nvocab:\n  chase: [chasing, nudging, pinging]\nrules:\n  - id: words/chase\n    kind: avoid\n    category: blame\n    message: a nudge\n    why: It reads as a reminder.\n    phrases: [\"{phrase}\"]\n    examples:\n      bad: [\"Pinging you again about the role.\"]\n      good: [\"Thinking of you again.\"]\n"
        )
    };
    fs::write(dir.path().join("words.yaml"), pack("{chase} you again")).unwrap();
    fs::write(
        dir.path().join("d.txt"),
        "Hi Jane,\n\nI hope you are well. Nudging you again on this.\n",
    )
    .unwrap();
    let run = tactful(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--no-default-rules",
            "--rules",
            "words.yaml",
            "d.txt",
        ],
        None,
    );
    let found = json_findings(&run, "words/chase");
    assert_eq!(found.len(), 1, "{}", run.stdout);
    assert_eq!(found[0]["text"], "Nudging you again");
    // The finding names the phrase as written, class and all.
    assert_eq!(found[0]["phrase"], "{chase} you again");
    fs::write(dir.path().join("words.yaml"), pack("{chasers} you again")).unwrap();
    let run = tactful(
        dir.path(),
        &["check", "--rules", "words.yaml", "d.txt"],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("words.yaml:10")
            && run
                .stderr
                .contains("no word class `chasers` in the pack's `vocab:` (chase)"),
        "{}",
        run.stderr
    );
}

/// A folder's files that name the same pack are its parts: they share its word classes and
/// are all loaded. A `bad` example marks with `[[ ]]` the words the rule must report, and
/// a pack whose rule reports other words does not load.
#[test]
fn a_pack_in_several_files_shares_its_words_and_examples_mark_their_span() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    fs::create_dir(&rules).unwrap();
    fs::write(
        rules.join("a-words.yaml"),
        "pack: nudges\nvocab:\n  chase: [chasing, nudging, pinging]\nrules: []\n",
    )
    .unwrap();
    let family = |id: &str, phrase: &str, bad: &str| {
        format!(
            "pack: nudges\nrules:\n  - id: nudges/{id}\n    kind: avoid\n    category: blame\n    message: a nudge\n    why: It reads as a reminder.\n    phrases: [\"{phrase}\"]\n    examples:\n      bad: [\"{bad}\"]\n      good: [\"Thinking of you again.\"]\n"
        )
    };
    fs::write(
        rules.join("b-again.yaml"),
        family(
            "again",
            "{chase} you again",
            "Well, [[pinging you again]] about it.",
        ),
    )
    .unwrap();
    fs::write(
        rules.join("c-top.yaml"),
        family(
            "top",
            "{chase} this to the top",
            "[[Nudging this to the top]].",
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("d.txt"),
        "Hi Jane,\n\nI hope you are well. Nudging you again, and chasing this to the top.\n",
    )
    .unwrap();
    let args = [
        "check",
        "--format",
        "json",
        "--no-default-rules",
        "--rules",
        "rules",
        "d.txt",
    ];
    let run = tactful(dir.path(), &args, None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        json_findings(&run, "nudges/again")[0]["text"],
        "Nudging you again"
    );
    assert_eq!(
        json_findings(&run, "nudges/top")[0]["text"],
        "chasing this to the top"
    );

    // The mark is checked: this one asks for more words than the rule reports.
    fs::write(
        rules.join("c-top.yaml"),
        family(
            "top",
            "{chase} this to the top",
            "[[Nudging this to the top.]]",
        ),
    )
    .unwrap();
    let run = tactful(dir.path(), &args, None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("c-top.yaml:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("not on the words it marks"),
        "{}",
        run.stderr
    );
    // A mark left open is an error at the example.
    fs::write(
        rules.join("c-top.yaml"),
        family(
            "top",
            "{chase} this to the top",
            "[[Nudging this to the top.",
        ),
    )
    .unwrap();
    let run = tactful(dir.path(), &args, None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("never closes it"), "{}", run.stderr);
}

/// Two families of blame phrases on the same words ("did you get" asks whether they read
/// it, "my last email" points back to it) give one finding, over the words of both, named
/// by the one that starts first.
#[test]
fn overlapping_blame_families_give_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("d.txt"),
        "Hi Jane,\n\nI hope you are well. Did you get my last email about the role?\n",
    )
    .unwrap();
    let run = tactful(dir.path(), &["check", "--format", "json", "d.txt"], None);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let blame: Vec<_> = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["category"] == "blame")
        .collect();
    assert_eq!(blame.len(), 1, "{}", run.stdout);
    assert_eq!(blame[0]["rule"], "blame/did-you-see");
    assert!(
        blame[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Did you get my last email"),
        "{}",
        run.stdout
    );
}
