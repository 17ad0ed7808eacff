//! Helpers shared by the integration tests: run the real binary and capture its output.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `cmd` with `input` written to its stdin from another thread (so a command that
/// writes while it reads never blocks on a full pipe), and returns its output.
pub fn run_with_input(cmd: &mut Command, input: &[u8]) -> std::process::Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let bytes = input.to_vec();
    // A command may stop reading early; what it did with the rest is its status's business.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("the command finishes");
    writer.join().expect("the writer finishes");
    out
}

/// Runs `tactful ARGS` in `dir` with `stdin` piped in (empty when `None`).
pub fn tactful(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tactful"));
    cmd.args(args).current_dir(dir).env_remove("NO_COLOR");
    let out = run_with_input(&mut cmd, stdin.unwrap_or_default());
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The folder `rel` of `../shared` (real text written by others), or `None`, after saying
/// the test is skipped, when it is absent. In CI (`CI=true`) a missing folder fails the
/// test: a skipped measurement must not pass for a good one.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let dir = root().join("../shared").join(rel);
    if dir.is_dir() {
        Some(dir)
    } else if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!(
            "{} is absent, and CI=true: the tests on real text cannot run",
            dir.display()
        );
    } else {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipped: {} is absent", dir.display());
        }
        None
    }
}

/// The findings of rule `rule` in the first file of a `--format json` run's output.
pub fn json_findings(run: &Run, rule: &str) -> Vec<serde_json::Value> {
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect(&run.stderr);
    report["files"][0]["findings"]
        .as_array()
        .expect("a list of findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .cloned()
        .collect()
}
