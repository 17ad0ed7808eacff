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

/// Runs `tactful ARGS` in `dir` with `stdin` piped in (empty when `None`).
pub fn tactful(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tactful"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tactful runs");
    {
        let mut input = child.stdin.take().expect("stdin is piped");
        if let Some(bytes) = stdin {
            input.write_all(bytes).expect("stdin is written");
        }
    }
    let out = child.wait_with_output().expect("tactful finishes");
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
