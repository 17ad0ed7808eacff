//! The `tactful` binary: parse arguments, run, map to an exit code.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match tactful::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                tactful::app::EXIT_FAILURE
            } else {
                tactful::app::EXIT_CLEAN
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // The language server reads and writes the standard streams from its own threads.
    if let tactful::cli::Command::Lsp(_) = cli.command {
        return ExitCode::from(tactful::lsp::run());
    }
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut streams = tactful::app::Streams {
        stdin_is_terminal: stdin.is_terminal(),
        stdout_is_terminal: stdout.is_terminal(),
        stderr_is_terminal: stderr.is_terminal(),
        stdin: &mut stdin.lock(),
        stdout: &mut stdout.lock(),
        stderr: &mut stderr.lock(),
    };
    ExitCode::from(tactful::app::run(cli, &mut streams))
}
