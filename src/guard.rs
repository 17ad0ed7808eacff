//! `tactful guard -- CMD [ARG]...`: the pre-send hook. It reads the whole message, lints
//! it as mail with the send date = today, and either hands CMD the identical bytes and
//! exits with CMD's status, or prints why on stderr (and in `--report`), runs nothing and
//! exits 1. Any failure of its own exits 2 without sending, so the mail client keeps the
//! draft. `TACTFUL_SKIP=1` sends without linting.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::cli::GuardArgs;
use crate::console::{self, Streams, EXIT_FAILURE, EXIT_FINDINGS};
use crate::error::Error;
use crate::input::Format;
use crate::pipeline::Session;
use crate::render::{self, Failure, Style};

/// The name findings are reported under.
const MESSAGE: &str = "<message>";

/// The environment variable that turns the guard off for one send.
pub const SKIP_VAR: &str = "TACTFUL_SKIP";

pub fn run(args: GuardArgs, s: &mut Streams) -> Result<u8, Error> {
    let mut message = Vec::new();
    if let Err(e) = s.stdin.read_to_end(&mut message) {
        return Ok(refuse_with_report(
            &args,
            s,
            &format!("cannot read the message: {e}"),
        ));
    }
    if skip_requested() {
        let _ = writeln!(
            s.stderr,
            "tactful guard: {SKIP_VAR} is set: sending without linting"
        );
        return Ok(send(&args, &message, s));
    }
    if message.iter().all(u8::is_ascii_whitespace) {
        return Ok(refuse_with_report(&args, s, "the message is empty"));
    }
    let checked = Session::new(&args.lint, false, true, crate::pipeline::Examples::Without)
        .and_then(|session| {
            let linted = session.lint(MESSAGE, message.clone(), Format::Mail)?;
            Ok((session, linted))
        });
    let (session, linted) = match checked {
        Ok(c) => c,
        Err(e) => {
            console::report_error(&e, s.stderr, s.stderr_is_terminal);
            let why = format!("the message could not be checked: {e}");
            let _ = write_report(&args, &[], &[Failure::new(MESSAGE, e)], &[], &why);
            return Ok(refuse(s, "the message could not be checked"));
        }
    };
    for w in &session.warnings {
        let _ = writeln!(s.stderr, "warning: {w}");
    }
    let report = linted.report;
    // What cannot be read cannot be checked, and is never sent unchecked (exit 2 rather than
    // 1: the message is not wrong, tactful cannot judge it).
    let unreadable = !linted.unreadable.is_empty();
    let failing = unreadable || session.fails(&report);
    let docs = session.docs();
    let verdict = if failing {
        "the message was not sent"
    } else {
        "the message passed and was handed on"
    };
    if let Err(why) = write_report(&args, std::slice::from_ref(&report), &[], &docs, verdict) {
        return Ok(refuse(s, &why));
    }
    if failing || !(args.lint.quiet || report.findings.is_empty()) {
        let style = Style {
            color: console::use_color(args.lint.color, s.stderr_is_terminal),
            quiet: args.lint.quiet,
        };
        let _ = render::render(
            args.lint.format,
            std::slice::from_ref(&report),
            &docs,
            style,
            s.stderr,
        );
    }
    if unreadable {
        let why = format!(
            "{}; tactful cannot check what it cannot read (save the message as UTF-8 text, or set {SKIP_VAR}=1 to send it unchecked)",
            linted.unreadable.join("; ")
        );
        return Ok(refuse(s, &why));
    }
    if failing {
        let _ = writeln!(
            s.stderr,
            "tactful guard: the message was not sent (set {SKIP_VAR}=1 to send it anyway)"
        );
        return Ok(EXIT_FINDINGS);
    }
    let code = send(&args, &message, s);
    if code == 0 && args.record {
        let day = session.ctx.send_date.unwrap_or_else(crate::calendar::today);
        match crate::followup::record_sent(
            &message,
            args.lint.contacts.as_deref(),
            &session.config,
            day,
        ) {
            Ok(keys) if !keys.is_empty() => {
                let _ = writeln!(
                    s.stderr,
                    "tactful guard: recorded {day} as your follow-up with {}",
                    keys.join(", ")
                );
            }
            Ok(_) => {}
            Err(e) => {
                let _ = writeln!(
                    s.stderr,
                    "tactful guard: the message was sent, but the follow-up was not recorded: {e}"
                );
            }
        }
    }
    Ok(code)
}

/// Writes `--report`, when given: the findings (or failures) in the chosen format, and for
/// the formats that are not one document, a last line with `verdict`. A JSON or SARIF report
/// stays one valid document.
fn write_report(
    args: &GuardArgs,
    reports: &[render::FileReport],
    failures: &[Failure],
    docs: &[render::RuleDoc],
    verdict: &str,
) -> Result<(), String> {
    let Some(path) = &args.report else {
        return Ok(());
    };
    let mut text = Vec::new();
    let style = Style {
        color: false,
        quiet: false,
    };
    let _ = render::render_all(args.lint.format, reports, failures, docs, style, &mut text);
    if !args.lint.format.is_document() {
        text.extend_from_slice(format!("tactful guard: {verdict}\n").as_bytes());
    }
    std::fs::write(path, text)
        .map_err(|e| format!("cannot write the report {}: {e}", path.display()))
}

/// Refuses before anything was linted, saying why in the report too (so a report from an
/// earlier send is never left standing).
fn refuse_with_report(args: &GuardArgs, s: &mut Streams, why: &str) -> u8 {
    let failure = Failure::new(
        MESSAGE,
        Error::Input {
            path: MESSAGE.into(),
            message: why.to_string(),
        },
    );
    let _ = write_report(
        args,
        &[],
        &[failure],
        &[],
        &format!("{why}; nothing was sent"),
    );
    refuse(s, why)
}

fn skip_requested() -> bool {
    std::env::var_os(SKIP_VAR).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Runs CMD with `message` on its stdin and returns its exit status (128 + the signal
/// when a signal ended it, or ended the guard while CMD ran).
///
/// CMD reads a complete copy of the message from an unlinked temporary file, written and
/// flushed before CMD starts: however the guard ends, CMD never sees an end of input before
/// the last byte. A guard told to stop (SIGTERM, SIGINT, SIGHUP) while CMD runs kills CMD
/// first, so a half-finished send is never left to complete on its own.
fn send(args: &GuardArgs, message: &[u8], s: &mut Streams) -> u8 {
    let (program, rest) = match args.command.split_first() {
        Some(p) => p,
        None => return refuse(s, "no command to send the message with"),
    };
    let copy = match staged(message) {
        Ok(f) => f,
        Err(e) => {
            return refuse(
                s,
                &format!(
                    "cannot stage the message in a temporary file: {e} (set TMPDIR to a writable folder)"
                ),
            )
        }
    };
    let name = program.to_string_lossy().into_owned();
    let mut command = Command::new(program);
    command.args(rest).stdin(Stdio::from(copy));
    match run_to_end(command) {
        Ok(Ended::Exited(status)) => exit_code(status),
        Ok(Ended::Stopped((signal, number))) => {
            let _ = writeln!(
                s.stderr,
                "tactful guard: stopped by {signal}: `{name}` was killed before it finished; check your outbox before sending again"
            );
            128 + number
        }
        Ok(Ended::NotStarted((signal, number))) => {
            refuse(s, &format!("stopped by {signal}"));
            128 + number
        }
        Err(e) => refuse(s, &format!("cannot run `{name}`: {e}")),
    }
}

/// The message in an unlinked temporary file, flushed and rewound.
fn staged(message: &[u8]) -> std::io::Result<std::fs::File> {
    use std::io::{Seek, SeekFrom};
    let mut file = tempfile::tempfile()?;
    file.write_all(message)?;
    file.flush()?;
    file.seek(SeekFrom::Start(0))?;
    Ok(file)
}

/// A signal's name and number.
type Signal = (&'static str, u8);

/// How the sending command ended.
enum Ended {
    Exited(std::process::ExitStatus),
    /// The guard was told to stop (by this signal) while the command ran, and killed it.
    Stopped(Signal),
    /// The guard was told to stop before the command started.
    NotStarted(Signal),
}

/// Starts `command` and waits for it, killing it if the guard is told to stop first. One
/// loop waits for both: the child's SIGCHLD and the stop signals arrive through the same
/// signal-hook iterator, registered before the child starts so none is missed.
#[cfg(unix)]
fn run_to_end(mut command: Command) -> std::io::Result<Ended> {
    use signal_hook::consts::signal::{SIGCHLD, SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let name = |sig: i32| {
        let name = match sig {
            SIGHUP => "SIGHUP",
            SIGINT => "SIGINT",
            _ => "SIGTERM",
        };
        (name, sig as u8)
    };
    // Once the command has ended, a stop signal does what it always does: the handlers
    // below step aside for the default action then.
    let ended = Arc::new(AtomicBool::new(false));
    for sig in [SIGTERM, SIGINT, SIGHUP] {
        signal_hook::flag::register_conditional_default(sig, Arc::clone(&ended))?;
    }
    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP, SIGCHLD])?;
    let result = wait_for(&mut command, &mut signals, name);
    ended.store(true, Ordering::SeqCst);
    result
}

/// The loop of [`run_to_end`]: starts the command, then waits for its end or a stop signal.
#[cfg(unix)]
fn wait_for(
    command: &mut Command,
    signals: &mut signal_hook::iterator::Signals,
    name: impl Fn(i32) -> Signal,
) -> std::io::Result<Ended> {
    use signal_hook::consts::signal::SIGCHLD;
    if let Some(sig) = signals.pending().find(|&s| s != SIGCHLD) {
        return Ok(Ended::NotStarted(name(sig)));
    }
    let mut child = command.spawn()?;
    loop {
        for sig in signals.wait() {
            if sig == SIGCHLD {
                if let Some(status) = child.try_wait()? {
                    return Ok(Ended::Exited(status));
                }
                continue;
            }
            // The command may have finished already: its SIGCHLD comes later in the batch.
            if let Some(status) = child.try_wait()? {
                return Ok(Ended::Exited(status));
            }
            // SIGKILL: the command gets no chance to finish what it started.
            let _ = child.kill();
            let status = child.wait()?;
            // It may still have finished between the two: then it was not stopped.
            {
                use std::os::unix::process::ExitStatusExt;
                if status.signal() != Some(9) {
                    return Ok(Ended::Exited(status));
                }
            }
            return Ok(Ended::Stopped(name(sig)));
        }
    }
}

#[cfg(not(unix))]
fn run_to_end(mut command: Command) -> std::io::Result<Ended> {
    Ok(Ended::Exited(command.spawn()?.wait()?))
}

#[cfg(unix)]
fn exit_code(status: std::process::ExitStatus) -> u8 {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(c), _) => (c & 0xff) as u8,
        (None, Some(sig)) => (128 + sig).min(255) as u8,
        (None, None) => EXIT_FAILURE,
    }
}

#[cfg(not(unix))]
fn exit_code(status: std::process::ExitStatus) -> u8 {
    status.code().map_or(EXIT_FAILURE, |c| (c & 0xff) as u8)
}

/// Says why nothing was sent and returns the guard's own failure status.
fn refuse(s: &mut Streams, why: &str) -> u8 {
    let _ = writeln!(s.stderr, "tactful guard: {why}; nothing was sent");
    EXIT_FAILURE
}
