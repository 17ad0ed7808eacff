//! `tactful guard`: generated messages (headers, transfer encodings, charsets, CRLF,
//! attachments, sizes) are either handed on byte for byte, with the command's exit status
//! passed back, or not handed on at all; the bypass sends unlinted; the guard's own
//! failures send nothing and exit 2.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

struct Outcome {
    code: i32,
    stderr: String,
    delivered: Option<Vec<u8>>,
}

/// Runs `tactful guard ARGS -- sh -c 'cat > OUT; exit STATUS'` on `message`.
fn guard(message: &[u8], args: &[&str], status: i32, env: &[(&str, &str)]) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("delivered.eml");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tactful"));
    cmd.arg("guard")
        .args(["--send-date", "2026-12-01"])
        .args(args)
        .arg("--")
        .args(["sh", "-c", "cat > \"$1\"; exit \"$2\"", "sh"])
        .arg(&out)
        .arg(status.to_string())
        .current_dir(dir.path())
        .env_remove(tactful::guard::SKIP_VAR);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let res = common::run_with_input(&mut cmd, message);
    Outcome {
        code: res.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&res.stderr).into_owned(),
        delivered: read_if_exists(&out),
    }
}

fn read_if_exists(p: &Path) -> Option<Vec<u8>> {
    std::fs::read(p).ok()
}

/// A small deterministic generator, so a failure names a seed that reproduces it.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const CLEAN: &str =
    "Hi Jane,\n\nI hope you had a restful Thanksgiving and a good start to the week. \
Thank you again for your time on Tuesday; I remain very interested in the analyst role and \
excited about the chance to join your team.\n\nIs there anything else I can share?\n\nBest,\nSam\n";

const BLAMING: &str = "Hi Jane,\n\nI hope you had a restful Thanksgiving. I still haven't heard \
back from you about the analyst role, and it's been three weeks.\n\nBest,\nSam\n";

fn b64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, chunk) in bytes.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push('\n');
        }
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn qp(text: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for b in text.bytes() {
        let piece = match b {
            b'\n' => {
                out.push('\n');
                col = 0;
                continue;
            }
            b'=' | 128..=255 => format!("={b:02X}"),
            _ => (b as char).to_string(),
        };
        if col + piece.len() > 72 {
            out.push_str("=\n");
            col = 0;
        }
        col += piece.len();
        out.push_str(&piece);
    }
    out
}

/// A message whose body is `body`, in an encoding, layout and size chosen by `rng`.
fn message(rng: &mut Rng, body: &str) -> Vec<u8> {
    let curly = rng.below(2) == 0;
    let body = if curly {
        body.replace('\'', "\u{2019}")
    } else {
        body.to_string()
    };
    let mut headers = String::from(
        "From: Sam Doe <sam@example.com>\nTo: Jane Roe <jane@example.com>\nDate: Tue, 1 Dec 2026 10:00:00 -0800\nMessage-ID: <x1@example.com>\n",
    );
    headers.push_str(match rng.below(3) {
        0 => "Subject: Checking in on the analyst role\n",
        1 => "Subject: =?UTF-8?Q?Checking_in_=E2=80=94_analyst_role?=\n",
        _ => "Subject: Checking in on\n the analyst role\n",
    });
    headers.push_str("MIME-Version: 1.0\n");
    let (cte, encoded) = match rng.below(4) {
        0 => ("7bit", body.clone()),
        1 => ("8bit", body.clone()),
        2 => ("quoted-printable", qp(&body)),
        _ => ("base64", b64(body.as_bytes())),
    };
    let text_part = format!(
        "Content-Type: text/plain; charset=utf-8{}\nContent-Transfer-Encoding: {cte}\n\n{encoded}\n",
        if rng.below(3) == 0 { "; format=flowed" } else { "" }
    );
    let html = format!(
        "<html><body>{}</body></html>",
        body.split("\n\n")
            .map(|p| format!("<p>{}</p>", p.replace('\'', "&#39;")))
            .collect::<String>()
    );
    let mut m = headers;
    match rng.below(4) {
        0 => m.push_str(&text_part),
        1 => m.push_str(&format!(
            "Content-Type: multipart/alternative; boundary=\"alt\"\n\n--alt\n{text_part}--alt\nContent-Type: text/html; charset=utf-8\n\n{html}\n--alt--\n"
        )),
        2 => m.push_str(&format!(
            "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{}\n",
            qp(&html)
        )),
        _ => {
            // An attachment of random bytes, up to a few megabytes.
            let size = [10usize, 5_000, 300_000, 3_000_000][rng.below(4) as usize];
            let data: Vec<u8> = (0..size).map(|_| rng.next() as u8).collect();
            m.push_str(&format!(
                "Content-Type: multipart/mixed; boundary=\"mix\"\n\n--mix\n{text_part}--mix\nContent-Type: application/pdf; name=\"cv.pdf\"\nContent-Disposition: attachment; filename=\"cv.pdf\"\nContent-Transfer-Encoding: base64\n\n{}\n--mix--\n",
                b64(&data)
            ));
        }
    }
    let mut bytes = m.into_bytes();
    if rng.below(2) == 0 {
        bytes = String::from_utf8(bytes)
            .unwrap()
            .replace('\n', "\r\n")
            .into_bytes();
    }
    if rng.below(5) == 0 {
        let mut with_from = b"From sam@example.com Tue Dec  1 10:00:00 2026\n".to_vec();
        with_from.extend(bytes);
        bytes = with_from;
    }
    bytes
}

#[test]
fn generated_messages_are_delivered_identical_or_not_at_all() {
    for seed in 1..=60u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let blaming = rng.below(2) == 0;
        let msg = message(&mut rng, if blaming { BLAMING } else { CLEAN });
        let status = rng.below(4) as i32;
        let out = guard(&msg, &[], status, &[]);
        if blaming {
            assert_eq!(
                out.code, 1,
                "seed {seed}: a blaming message must be stopped: {}",
                out.stderr
            );
            assert!(
                out.delivered.is_none(),
                "seed {seed}: nothing may be handed on"
            );
            assert!(out.stderr.contains("blame/"), "seed {seed}: {}", out.stderr);
        } else {
            assert_eq!(
                out.code, status,
                "seed {seed}: the command's status: {}",
                out.stderr
            );
            assert!(
                out.delivered.as_deref() == Some(&msg[..]),
                "seed {seed}: the clean message must arrive byte for byte: {}",
                out.stderr
            );
        }
    }
}

#[test]
fn the_bypass_sends_unlinted_and_says_so() {
    let mut rng = Rng(7);
    let msg = message(&mut rng, BLAMING);
    let out = guard(&msg, &[], 0, &[(tactful::guard::SKIP_VAR, "1")]);
    assert_eq!(out.code, 0);
    assert_eq!(out.delivered.as_deref(), Some(&msg[..]));
    assert!(out.stderr.contains("without linting"), "{}", out.stderr);
    // TACTFUL_SKIP=0 is not a bypass.
    let out = guard(&msg, &[], 0, &[(tactful::guard::SKIP_VAR, "0")]);
    assert_eq!(out.code, 1);
    assert!(out.delivered.is_none());
}

#[test]
fn unfilled_placeholders_always_block() {
    let msg = b"Subject: Hello\n\nDear [Hiring Manager],\n\nI hope you had a good week. I remain very interested in the <Role> position.\n";
    let dir = tempfile::tempdir().unwrap();
    // Even with the rule turned off and ignored in the config, and the built-in packs left out.
    std::fs::write(
        dir.path().join("tactful.yaml"),
        "rules:\n  placeholder/unfilled: off\ntemplates: true\nignore:\n  - rule: placeholder\n",
    )
    .unwrap();
    let config = dir.path().join("tactful.yaml");
    let out = guard(
        msg,
        &["--no-default-rules", "--config", config.to_str().unwrap()],
        0,
        &[],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.delivered.is_none());
    assert!(out.stderr.contains("[Hiring Manager]"), "{}", out.stderr);
    assert!(out.stderr.contains("<Role>"), "{}", out.stderr);
}

#[test]
fn the_report_file_gets_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    let mut rng = Rng(11);
    let msg = message(&mut rng, BLAMING);
    let out = guard(
        &msg,
        &["--report", report.to_str().unwrap(), "--color", "always"],
        0,
        &[],
    );
    assert_eq!(out.code, 1);
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("blame/didnt-hear"), "{text}");
    assert!(text.contains("not sent"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no colour codes in the report file"
    );
}

#[test]
fn its_own_failures_send_nothing_and_exit_2() {
    let mut rng = Rng(3);
    let msg = message(&mut rng, CLEAN);
    // A broken config.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bad.yaml");
    std::fs::write(&config, "rules: [\n").unwrap();
    let out = guard(&msg, &["--config", config.to_str().unwrap()], 0, &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.delivered.is_none());
    assert!(out.stderr.contains("nothing was sent"), "{}", out.stderr);
    // An empty message.
    let out = guard(b"", &[], 0, &[]);
    assert_eq!(out.code, 2);
    assert!(out.delivered.is_none());
    // A command that cannot be run.
    let run = common::tactful(
        common::root(),
        &["guard", "--", "/nonexistent/sendmail", "-oi"],
        Some(&msg),
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("cannot run"), "{}", run.stderr);
    // No command at all is a usage error.
    let run = common::tactful(common::root(), &["guard"], None);
    assert_eq!(run.code, 2);
}

#[test]
fn binary_and_odd_bytes_pass_through_untouched() {
    // Latin-1 8bit text, a NUL in an attachment, a bare CR: handed on exactly.
    let mut msg = b"From: a@example.com\r\nSubject: Hello\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHi Ren\xe9e,\r\n\r\nI hope you had a lovely weekend. I remain very interested in the role.\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n".to_vec();
    msg.extend_from_slice(&[0, 1, 2, 255, 13, 10, 0, 13]);
    msg.extend_from_slice(b"\r\n--b--\r\n");
    let out = guard(&msg, &[], 0, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.delivered.as_deref(), Some(&msg[..]));
}

#[test]
fn config_ignore_entries_apply_to_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("tactful.yaml");
    std::fs::write(
        &config,
        "ignore:\n  - rule: blame/still-waiting\n    paths: [\"<message>\"]\n",
    )
    .unwrap();
    let msg = b"Subject: Still waiting\n\nHi Jane,\n\nI hope you had a good week. I remain very interested in the role.\n";
    let out = guard(msg, &["--config", config.to_str().unwrap()], 0, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.delivered.as_deref(), Some(&msg[..]));
    let out = guard(msg, &[], 0, &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
}

/// A clean message of about `size` bytes: many times more than a pipe holds.
fn big_clean_message(size: usize) -> Vec<u8> {
    let mut m = String::from(
        "From: Sam Doe <sam@example.com>\nTo: Jane Roe <jane@example.com>\nSubject: Portfolio\nDate: Tue, 1 Dec 2026 10:00:00 -0800\n\n",
    );
    m.push_str(CLEAN);
    let mut n = 0;
    while m.len() < size {
        n += 1;
        m.push_str(&format!(
            "\nProject {n}: I rebuilt the reporting pipeline and documented every step for the team.\n"
        ));
    }
    m.into_bytes()
}

/// Sends `signal` (a name for `kill -s`) to process `pid`.
fn kill(pid: u32, signal: &str) {
    let ok = Command::new("kill")
        .args(["-s", signal, &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -s {signal} {pid}");
}

/// Waits up to `secs` seconds for `cond`.
fn wait_for(secs: f64, mut cond: impl FnMut() -> bool) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed().as_secs_f64() < secs {
        if cond() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    cond()
}

/// Starts the guard on `message`, written to its stdin in pieces, with a command that
/// marks when it starts, takes its time, and moves what it read to `out` only when it
/// completes.
fn start_guard(
    dir: &Path,
    message: &[u8],
    pause: &str,
) -> (std::process::Child, std::thread::JoinHandle<()>) {
    let script = format!("touch started; sleep {pause}; cat > part && mv part out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tactful"))
        .args([
            "guard",
            "-q",
            "--send-date",
            "2026-12-01",
            "--",
            "sh",
            "-c",
            &script,
        ])
        .current_dir(dir)
        .env_remove(tactful::guard::SKIP_VAR)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let bytes = message.to_vec();
    let writer = std::thread::spawn(move || {
        for piece in bytes.chunks(32 * 1024) {
            if stdin.write_all(piece).is_err() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    });
    (child, writer)
}

/// A guard told to stop while its command runs kills the command: it never completes,
/// whatever it had read by then.
#[test]
fn a_guard_stopped_while_its_command_runs_stops_the_command() {
    let msg = big_clean_message(400 * 1024);
    for (signal, number) in [("TERM", 15), ("INT", 2), ("HUP", 1)] {
        let dir = tempfile::tempdir().unwrap();
        let (mut child, writer) = start_guard(dir.path(), &msg, "1");
        assert!(
            wait_for(60.0, || dir.path().join("started").exists()),
            "the command started"
        );
        kill(child.id(), signal);
        let status = child.wait().unwrap();
        writer.join().unwrap();
        let mut stderr = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.code(), Some(128 + number), "SIG{signal}: {stderr}");
        assert!(stderr.contains("killed before it finished"), "{stderr}");
        // Past the command's pause: had it lived, it would have completed by now.
        std::thread::sleep(std::time::Duration::from_millis(1500));
        assert!(
            !dir.path().join("out").exists(),
            "SIG{signal}: the command must not complete after the guard was stopped"
        );
    }
}

/// Killed at any moment (while it reads, lints, starts the command or waits for it), by
/// any signal including SIGKILL, the guard never lets its command complete with fewer
/// bytes than it was given: the command either never completes or completes with all of
/// them.
#[test]
fn a_guard_killed_at_any_moment_never_hands_on_a_truncated_message() {
    let msg = big_clean_message(300 * 1024);
    // How long a whole send takes here, so the kills can be spread over all of it.
    let dir = tempfile::tempdir().unwrap();
    let clock = std::time::Instant::now();
    let (mut child, writer) = start_guard(dir.path(), &msg, "0.05");
    assert!(child.wait().unwrap().success());
    writer.join().unwrap();
    let whole = clock.elapsed().as_millis() as u64;
    assert_eq!(std::fs::read(dir.path().join("out")).unwrap(), msg);
    let mut completed = 0;
    let mut stopped = 0;
    for signal in ["TERM", "INT", "HUP", "KILL"] {
        for step in 0..=10u64 {
            let delay_ms = whole * step / 9;
            let dir = tempfile::tempdir().unwrap();
            let (mut child, writer) = start_guard(dir.path(), &msg, "0.05");
            std::thread::sleep(std::time::Duration::from_millis(delay_ms));
            // The guard may have finished already; then there is nothing to kill.
            if child.try_wait().unwrap().is_none() {
                kill(child.id(), signal);
            }
            child.wait().unwrap();
            writer.join().unwrap();
            // A command the guard left running (after SIGKILL) finishes on its own; one it
            // was stopped by the guard never will.
            let out = dir.path().join("out");
            if signal == "KILL" && dir.path().join("started").exists() {
                wait_for(30.0, || out.exists());
            }
            match std::fs::read(&out) {
                Ok(bytes) => {
                    assert!(
                        bytes == msg,
                        "SIG{signal} after {delay_ms} ms: the command completed with {} of {} bytes",
                        bytes.len(),
                        msg.len()
                    );
                    completed += 1;
                }
                Err(_) => stopped += 1,
            }
        }
    }
    // Both outcomes happened: the kills landed at different moments.
    assert!(
        completed > 0 && stopped > 0,
        "{completed} completed, {stopped} stopped"
    );
}

/// A JSON or SARIF report is one valid document; a human one ends with the verdict.
#[test]
fn machine_reports_stay_valid_documents() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(11);
    let msg = message(&mut rng, BLAMING);
    for format in ["json", "sarif"] {
        let report = dir.path().join(format!("report.{format}"));
        let out = guard(
            &msg,
            &["--format", format, "--report", report.to_str().unwrap()],
            0,
            &[],
        );
        assert_eq!(out.code, 1);
        let text = std::fs::read_to_string(&report).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{format} report is not JSON ({e}): {text}"));
        assert!(doc.is_object());
    }
    // Unreadable text is refused with the reason, and the report says it too.
    let report = dir.path().join("report.txt");
    let raw =
        b"Subject: x\nContent-Type: text/plain; charset=x-klingon\n\nQ\xe9\xe8\xe0 \xf1\xf6\xfc\n";
    let out = guard(raw, &["--report", report.to_str().unwrap()], 0, &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.delivered.is_none());
    assert!(
        out.stderr.contains("charset tactful cannot read"),
        "{}",
        out.stderr
    );
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.contains("mail/unreadable") && text.contains("was not sent"),
        "{text}"
    );
    let report = dir.path().join("report.json");
    let json = ["--format", "json", "--report", report.to_str().unwrap()];
    let out = guard(raw, &json, 0, &[]);
    assert_eq!(out.code, 2);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let findings = doc["files"][0]["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["rule"] == "mail/unreadable"),
        "{doc}"
    );
    // Refused before anything is linted, the report says so, as one document too.
    let out = guard(b"  \n", &json, 0, &[]);
    assert_eq!(out.code, 2);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert!(doc["files"][0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("empty"));
}
