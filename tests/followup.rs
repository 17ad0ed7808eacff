//! Follow-up memory end to end, through the real binary: promises read from the quoted
//! thread (check, guard, `when --reply`), the contacts file (`contact set/show/remove/
//! learn`, with comments and order kept; broken files reported by line and column), what
//! is due (`due`, as text, JSON and iCalendar), and the guard's `--record`.

#![allow(clippy::print_stderr)]

mod common;

use std::path::Path;
use std::process::Command;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `tactful ARGS` in `dir` with HOME there too (so no user contacts file leaks in).
fn run(dir: &Path, args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tactful"));
    cmd.args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("TACTFUL_CONTACTS")
        .env_remove(tactful::guard::SKIP_VAR);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = common::run_with_input(&mut cmd, stdin);
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A reply to a recruiter who wrote on Tue 2026-09-15 that there would be news within ten
/// working days (by Tue 2026-09-29).
const REPLY: &str = "From: Sam Seeker <sam@seeker.org>\nTo: Jane Doe <jane@acme.com>\nSubject: Re: Analyst role\nDate: Wed, 30 Sep 2026 09:00:00 -0700\n\nHi Jane,\n\nI hope your week is going well. I am still very excited about the analyst role\nand would love to hear about next steps.\n\nBest,\nSam\n\nOn Tue, Sep 15, 2026 at 10:02 AM Jane Doe <jane@acme.com> wrote:\n> Hi Sam,\n>\n> Thank you for coming in. Please allow up to ten working days for a\n> response from the hiring team.\n>\n> Jane\n";

fn guard(dir: &Path, message: &str, send_date: &str, extra: &[&str]) -> (Out, bool) {
    let sent = dir.join("sent.eml");
    let _ = std::fs::remove_file(&sent);
    let sent_s = sent.display().to_string();
    let mut args = vec!["guard", "--send-date", send_date];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--", "sh", "-c", "cat > \"$1\"", "sh", &sent_s]);
    let out = run(dir, &args, message.as_bytes(), &[]);
    let delivered = std::fs::read(&sent).ok();
    if let Some(d) = &delivered {
        assert_eq!(d, message.as_bytes(), "handed on byte for byte");
    }
    (out, delivered.is_some())
}

#[test]
fn the_guard_holds_a_send_until_the_day_they_promised_has_passed() {
    let dir = tempfile::tempdir().unwrap();
    for day in ["2026-09-24", "2026-09-29"] {
        let (out, sent) = guard(dir.path(), REPLY, day, &[]);
        assert!(!sent, "{day}: nothing is sent on or before their date");
        assert_eq!(out.code, 1, "{day}: {}", out.stderr);
        assert!(
            out.stderr.contains("timing/before-promised"),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("they wrote on Tue 2026-09-15: \"Please allow up to ten working days for a response from the hiring team.\" (by Tue 2026-09-29)"),
            "{}",
            out.stderr
        );
    }
    let (out, sent) = guard(dir.path(), REPLY, "2026-09-30", &[]);
    assert!(sent, "the day after their date it is sent: {}", out.stderr);
    assert_eq!(out.code, 0);
    assert!(!out.stderr.contains("before-promised"), "{}", out.stderr);
}

#[test]
fn a_flag_or_front_matter_wins_over_the_thread() {
    let dir = tempfile::tempdir().unwrap();
    let (out, sent) = guard(
        dir.path(),
        REPLY,
        "2026-09-24",
        &["--promised-by", "2026-09-22"],
    );
    assert!(sent, "{}", out.stderr);
    let draft = "---\nsend-date: 2026-09-24\npromised-by: 2026-09-22\n---\nHi Jane,\n\nI hope you are well.\n\nOn Tue, Sep 15, 2026 at 10:02 AM Jane Doe <jane@acme.com> wrote:\n> We will get back to you within ten working days.\n";
    std::fs::write(dir.path().join("d.txt"), draft).unwrap();
    let out = run(
        dir.path(),
        &["check", "--format", "json", "d.txt"],
        b"",
        &[],
    );
    assert!(!out.stdout.contains("before-promised"), "{}", out.stdout);
}

#[test]
fn a_contact_who_prefers_phone_gets_the_channel_note_in_the_guard() {
    let dir = tempfile::tempdir().unwrap();
    let contacts = dir.path().join("contacts.yaml");
    std::fs::write(&contacts, "# who I talk to\njane@acme.com:\n  name: Jane Doe\n  prefers: phone # she called me back\n").unwrap();
    let c = contacts.display().to_string();
    let (out, sent) = guard(dir.path(), REPLY, "2026-09-30", &["--contacts", &c]);
    assert!(sent, "a note does not stop the send: {}", out.stderr);
    assert!(
        out.stderr.contains("channel/prefers-other"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("they prefer phone calls"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("your contacts file says so for jane@acme.com"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_contacts_promise_counts_and_the_latest_date_wins() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tactful-contacts.yaml"),
        "jane@acme.com:\n  promised-by: 2026-10-06\n  said: after the board meets\n  said-on: 2026-09-20\n",
    )
    .unwrap();
    let (out, sent) = guard(dir.path(), REPLY, "2026-09-30", &[]);
    assert!(!sent);
    assert!(
        out.stderr.contains("jane@acme.com said on Sun 2026-09-20: \"after the board meets\" (by Tue 2026-10-06), from your contacts"),
        "{}",
        out.stderr
    );
}

#[test]
fn vague_and_undated_promises_are_notes_not_dates() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "---\nsend-date: 2026-12-09\n---\nHi Ann,\n\nI hope you are well.\n\nOn Tue, Dec 1, 2026 at 9:00 AM Ann Lee <ann@acme.com> wrote:\n> Thanks for coming in. We will be in touch soon.\n";
    std::fs::write(dir.path().join("d.txt"), draft).unwrap();
    let out = run(dir.path(), &["check", "d.txt"], b"", &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains("timing/promise-undated"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("before-promised"), "{}", out.stdout);
    let undated = "---\nsend-date: 2026-12-09\n---\nHi Ann,\n\nI hope you are well.\n\n> We will call you on Friday.\n";
    std::fs::write(dir.path().join("u.txt"), undated).unwrap();
    let out = run(dir.path(), &["check", "u.txt"], b"", &[]);
    assert!(
        out.stdout.contains("no date to count from"),
        "{}",
        out.stdout
    );
}

#[test]
fn contact_edits_keep_comments_and_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.yaml");
    let original = "# People I'm in touch with\n\njane@acme.com:   # recruiter at Acme\n  name: Jane Doe\n  prefers: email   # for now\n\n# met at the meetup\n\"Sam Lee\":\n  role: engineering manager\n";
    std::fs::write(&file, original).unwrap();
    let c = file.display().to_string();
    let out = run(
        dir.path(),
        &[
            "contact",
            "--contacts",
            &c,
            "set",
            "jane@acme.com",
            "--prefers",
            "phone",
            "--promised-by",
            "2026-09-29",
            "--said",
            "please allow ten working days",
        ],
        b"",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("# People I'm in touch with\n\njane@acme.com:   # recruiter at Acme\n  name: Jane Doe\n  prefers: phone   # for now\n"),
        "{text}"
    );
    assert!(text.contains("  promised-by: 2026-09-29\n"), "{text}");
    assert!(
        text.contains("# met at the meetup\n\"Sam Lee\":\n  role: engineering manager\n"),
        "{text}"
    );
    assert!(text.find("jane@acme.com").unwrap() < text.find("Sam Lee").unwrap());
    // A phrase is resolved against the day it was said, and kept as their words.
    let out = run(
        dir.path(),
        &[
            "contact",
            "--contacts",
            &c,
            "set",
            "sam lee",
            "--promised-by",
            "end of next week",
            "--said-on",
            "2026-11-03",
        ],
        b"",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let shown = run(
        dir.path(),
        &[
            "contact",
            "--contacts",
            &c,
            "show",
            "Sam Lee",
            "--format",
            "json",
        ],
        b"",
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    let sam = &v["contacts"][0];
    assert_eq!(sam["promised_by"], "2026-11-13");
    assert_eq!(sam["said"], "end of next week");
    assert_eq!(sam["role"], "engineering manager");
    // A new contact is added at the end; removing one leaves the rest.
    let out = run(
        dir.path(),
        &[
            "contact",
            "--contacts",
            &c,
            "set",
            "lee@y.org",
            "--prefers",
            "linkedin",
            "--kind",
            "networking",
        ],
        b"",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.trim_end().ends_with("kind: networking") || text.contains("lee@y.org:\n"),
        "{text}"
    );
    let out = run(
        dir.path(),
        &["contact", "--contacts", &c, "remove", "Sam Lee"],
        b"",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains("Sam Lee")
            && text.contains("# People I'm in touch with")
            && text.contains("lee@y.org"),
        "{text}"
    );
    let out = run(
        dir.path(),
        &["contact", "--contacts", &c, "remove", "nobody"],
        b"",
        &[],
    );
    assert_eq!(out.code, 2);
}

#[test]
fn a_broken_contacts_file_names_file_line_and_column_and_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.yaml");
    let broken = "jane@acme.com:\n  prefers: pigeon\n";
    std::fs::write(&file, broken).unwrap();
    let c = file.display().to_string();
    let out = run(
        dir.path(),
        &[
            "contact",
            "--contacts",
            &c,
            "set",
            "jane@acme.com",
            "--role",
            "x",
        ],
        b"",
        &[],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("c.yaml:2:"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
    std::fs::write(&file, "jane@acme.com:\n  promised-by: next week\n").unwrap();
    let out = run(
        dir.path(),
        &["check", "--contacts", &c, "-"],
        b"Hi Jane,\n\nI hope you are well.\n",
        &[],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("c.yaml:2:16"), "{}", out.stderr);
    assert!(out.stderr.contains("YYYY-MM-DD"), "{}", out.stderr);
    let out = run(
        dir.path(),
        &["check", "--contacts", "missing.yaml", "-"],
        b"Hi\n",
        &[],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("missing.yaml"), "{}", out.stderr);
}

fn due_fixture(dir: &Path) -> String {
    let file = dir.join("c.yaml");
    std::fs::write(
        &file,
        "jane@acme.com:\n  name: Jane Doe\n  prefers: phone\n  promised-by: 2026-11-20\n  said: we will have news by the 20th\n  said-on: 2026-11-10\n\
         bo@x.org:\n  promised-by: 2026-11-20\n  followed-up: 2026-11-24\n\
         cy@z.com:\n  promised-by: 2026-12-10\n\
         di@q.com:\n  name: Di Q\n  promised-by: 2026-11-25\n  followed-up: 2026-11-18\n",
    )
    .unwrap();
    file.display().to_string()
}

#[test]
fn due_lists_passed_promises_not_followed_up_since() {
    let dir = tempfile::tempdir().unwrap();
    let c = due_fixture(dir.path());
    let out = run(
        dir.path(),
        &["due", "--contacts", &c, "--today", "2026-12-01"],
        b"",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Jane (promised 11-20, never followed up) and Di (followed up before her date) are
    // due; Bo was followed up after his date; Cy's date has not come.
    assert!(
        out.stdout
            .contains("Jane Doe <jane@acme.com>: follow up by phone"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Di Q <di@q.com>: follow up by email"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("bo@x.org") && !out.stdout.contains("cy@z.com"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.starts_with("2026-12-01  "),
        "today is a Tuesday, so today: {}",
        out.stdout
    );
    let json = run(
        dir.path(),
        &[
            "due",
            "--contacts",
            &c,
            "--today",
            "2026-12-01",
            "--format",
            "json",
        ],
        b"",
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let due = v["due"].as_array().unwrap();
    assert_eq!(due.len(), 2);
    assert_eq!(due[0]["contact"]["key"], "jane@acme.com");
    assert_eq!(due[0]["channel"], "phone");
    assert_eq!(due[0]["follow_up_on"], "2026-12-01");
    assert_eq!(due[0]["said"], "we will have news by the 20th");
    // The day after Thanksgiving and the weekend are skipped.
    let out = run(
        dir.path(),
        &[
            "due",
            "--contacts",
            &c,
            "--today",
            "2026-11-27",
            "--format",
            "json",
        ],
        b"",
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["due"][0]["follow_up_on"], "2026-12-01");
}

#[test]
fn due_and_when_write_icalendar() {
    let dir = tempfile::tempdir().unwrap();
    let c = due_fixture(dir.path());
    let out = run(
        dir.path(),
        &[
            "due",
            "--contacts",
            &c,
            "--today",
            "2026-12-01",
            "--format",
            "ics",
        ],
        b"",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ics = &out.stdout;
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20261201"), "{ics}");
    assert!(ics.contains("DTEND;VALUE=DATE:20261202"), "{ics}");
    assert!(
        ics.contains("SUMMARY:Follow up with Jane Doe by phone"),
        "{ics}"
    );
    assert!(
        ics.lines().all(|l| l.len() <= 76),
        "lines are folded: {ics}"
    );
    // A real parser reads it, when one is installed (CI installs it).
    let file = dir.path().join("due.ics");
    std::fs::write(&file, ics).unwrap();
    let check = Command::new("python3")
        .arg(common::root().join("scripts/ics-check.py"))
        .arg(&file)
        .arg("2")
        .output();
    match check {
        Ok(o) if o.status.code() == Some(3) => {
            // CI installs it: there a missing parser is a failure, not a skip.
            assert!(
                !std::env::var("CI").is_ok_and(|v| v == "true" || v == "1"),
                "CI=true, but python's icalendar is not installed"
            );
            eprintln!("skipped: python's icalendar is not installed (pip install icalendar)")
        }
        Ok(o) => assert!(
            o.status.success(),
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => eprintln!("skipped: no python3 ({e})"),
    }
    let out = run(
        dir.path(),
        &[
            "when",
            "--contacts",
            &c,
            "--to",
            "Jane Doe",
            "--after",
            "2026-11-20",
            "--format",
            "ics",
        ],
        b"",
        &[],
    );
    assert_eq!(
        out.stdout.matches("BEGIN:VEVENT").count(),
        1,
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("DTSTART;VALUE=DATE:20261124"),
        "{}",
        out.stdout
    );
}

#[test]
fn when_plans_from_a_contact_or_a_reply() {
    let dir = tempfile::tempdir().unwrap();
    let c = due_fixture(dir.path());
    let out = run(
        dir.path(),
        &[
            "when",
            "--contacts",
            &c,
            "--to",
            "jane@acme.com",
            "--after",
            "2026-11-16",
        ],
        b"",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], "2026-11-24", "{}", out.stdout);
    assert!(
        out.stdout
            .contains("follow up by phone: jane@acme.com prefers it"),
        "{}",
        out.stdout
    );
    std::fs::write(dir.path().join("reply.eml"), REPLY).unwrap();
    let only_channel = dir.path().join("c2.yaml");
    std::fs::write(&only_channel, "jane@acme.com:\n  prefers: phone\n").unwrap();
    let c2 = only_channel.display().to_string();
    let out = run(
        dir.path(),
        &[
            "when",
            "--contacts",
            &c2,
            "--reply",
            "reply.eml",
            "--after",
            "2026-09-16",
            "--format",
            "json",
        ],
        b"",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let plan = &v["plan"];
    assert_eq!(plan["promised_by"], "2026-09-29");
    assert_eq!(plan["follow_up_on"], "2026-09-30");
    assert_eq!(plan["said_on"], "2026-09-15");
    assert_eq!(
        plan["channel"], "phone",
        "the reply is to Jane, who prefers phone"
    );
    let out = run(
        dir.path(),
        &["when", "--contacts", &c, "--to", "nobody"],
        b"",
        &[],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("not in the contacts file"),
        "{}",
        out.stderr
    );
}

#[test]
fn contact_learn_records_the_promise_a_reply_quotes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("reply.eml"), REPLY).unwrap();
    let file = dir.path().join("c.yaml");
    std::fs::write(&file, "# mine\n").unwrap();
    let c = file.display().to_string();
    let out = run(
        dir.path(),
        &["contact", "--contacts", &c, "learn", "reply.eml"],
        b"",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# mine\n"), "{text}");
    let shown = run(
        dir.path(),
        &[
            "contact",
            "--contacts",
            &c,
            "show",
            "jane@acme.com",
            "--format",
            "json",
        ],
        b"",
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    let jane = &v["contacts"][0];
    assert_eq!(jane["promised_by"], "2026-09-29");
    assert_eq!(jane["said_on"], "2026-09-15");
    assert_eq!(jane["name"], "Jane Doe");
    assert!(jane["said"].as_str().unwrap().contains("ten working days"));
    // A message with no dated promise records nothing, and says so.
    std::fs::write(dir.path().join("plain.txt"), "Hi Jane,\n\nThanks!\n").unwrap();
    let out = run(
        dir.path(),
        &["contact", "--contacts", &c, "learn", "plain.txt"],
        b"",
        &[],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no dated promise"), "{}", out.stderr);
}

#[test]
fn the_guard_records_the_follow_up_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.yaml");
    std::fs::write(
        &file,
        "jane@acme.com: # recruiter\n  promised-by: 2026-09-29\n",
    )
    .unwrap();
    let c = file.display().to_string();
    let (out, sent) = guard(
        dir.path(),
        REPLY,
        "2026-09-30",
        &["--contacts", &c, "--record"],
    );
    assert!(sent, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("recorded 2026-09-30 as your follow-up with jane@acme.com"),
        "{}",
        out.stderr
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("jane@acme.com: # recruiter\n"), "{text}");
    assert!(text.contains("followed-up: 2026-09-30"), "{text}");
    // Now nothing is due for her.
    let out = run(
        dir.path(),
        &["due", "--contacts", &c, "--today", "2026-10-05"],
        b"",
        &[],
    );
    assert!(out.stdout.starts_with("nothing is due"), "{}", out.stdout);
}

#[test]
fn today_is_the_configured_time_zones() {
    // +14 and -11 hours are always a calendar day apart.
    let dir = tempfile::tempdir().unwrap();
    let mut days = Vec::new();
    for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago"] {
        let sub = dir.path().join(zone.replace('/', "-"));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join("tactful.yaml"), format!("timezone: {zone}\n")).unwrap();
        let c = sub.join("c.yaml").display().to_string();
        let out = run(
            &sub,
            &[
                "contact",
                "--contacts",
                &c,
                "set",
                "a@b.c",
                "--followed-up",
                "today",
            ],
            b"",
            &[],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        let text = std::fs::read_to_string(&c).unwrap();
        let day: jiff::civil::Date = text
            .split("followed-up: ")
            .nth(1)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        days.push(day);
    }
    assert_eq!(days[0].since(days[1]).unwrap().get_days(), 1, "{days:?}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tactful.yaml"), "timezone: Mars/Olympus\n").unwrap();
    let out = run(dir.path(), &["due"], b"", &[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("tactful.yaml:1:11") && out.stderr.contains("IANA"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_promise_quoted_only_in_html_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // Gmail's HTML-only reply: the quote is a <blockquote> under its attribution.
    let mail = "From: sam@example.com\nTo: jane@acme.com\nSubject: Re: role\nDate: Wed, 16 Sep 2026 09:00:00 -0400\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<html><body><div>Hi Jane, any news?</div><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Tue, Sep 15, 2026 at 10:02 AM Jane Doe &lt;jane@acme.com&gt; wrote:<br></div><blockquote class=\"gmail_quote\"><div>Hi Sam,</div><div>We will get back to you by Friday.</div></blockquote></div></body></html>\n";
    std::fs::write(dir.path().join("reply.eml"), mail).unwrap();
    let out = run(
        dir.path(),
        &["when", "--reply", "reply.eml", "--format", "json"],
        b"",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["plan"]["promised_by"], "2026-09-18", "{}", out.stdout);
    assert_eq!(v["plan"]["said_on"], "2026-09-15");
    // And `check` holds the send to it, without linting the quoted words.
    let out = run(
        dir.path(),
        &["check", "--color", "never", "reply.eml"],
        b"",
        &[],
    );
    assert!(
        out.stdout.contains("timing/before-promised"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("blame/"), "{}", out.stdout);
}
