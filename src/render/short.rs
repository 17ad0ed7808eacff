//! `short`: one line per finding, `path:line:col: severity[rule]: message`, for editors
//! and grep. A file that could not be linted is one line `path:line:col: error: message`.

use std::io::{self, Write};

use super::{failure_position, Failure, FileReport, Sink, Summary};
use crate::source::LineIndex;

pub struct Short<'a> {
    pub out: &'a mut dyn Write,
}

impl Sink for Short<'_> {
    fn file(&mut self, r: &FileReport) -> io::Result<()> {
        if r.findings.is_empty() {
            return Ok(());
        }
        let index = LineIndex::new(&r.source);
        for f in &r.findings {
            let (line, col) = index.line_col(&r.source, f.span.start);
            writeln!(
                self.out,
                "{}:{line}:{col}: {}[{}]: {}",
                r.path,
                f.severity.as_str(),
                f.rule,
                // One line per finding, whatever the message holds.
                f.message_with_note().replace(['\r', '\n'], " ")
            )?;
        }
        Ok(())
    }

    fn failed(&mut self, f: &Failure) -> io::Result<()> {
        let (line, col) = failure_position(f);
        writeln!(
            self.out,
            "{}:{line}:{col}: error: {}",
            f.path,
            f.message.replace(['\r', '\n'], " ")
        )
    }

    fn finish(&mut self, _: &Summary) -> io::Result<()> {
        Ok(())
    }
}
