//! The process's standard streams, its exit statuses, and how an error and colour are
//! shown on them: what every front end (`check`, `guard`, the others) shares.

use std::io::{Read, Write};

use crate::cli::ColorChoice;
use crate::error::Error;
use crate::render;

/// Exit statuses (CONTRACT §2).
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;

/// The process's standard streams, passed in so tests can capture them.
pub struct Streams<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
}

/// Writes `e` to `out` (stderr), located errors with their source line.
pub fn report_error(e: &Error, out: &mut dyn Write, terminal: bool) {
    let color = terminal && std::env::var_os("NO_COLOR").is_none();
    let _ = match e {
        Error::Source(se) => render::render_source_error(se, color, out),
        other => writeln!(out, "error: {other}"),
    };
}

/// Whether to colour output going to a stream that is (or is not) a terminal.
pub fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
    }
}
