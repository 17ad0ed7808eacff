//! `short`: one line per finding, `path:line:col: severity[rule]: message`, for editors
//! and grep.

use std::io::{self, Write};

use super::FileReport;
use crate::source::LineIndex;

pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for r in reports {
        let index = LineIndex::new(&r.source);
        for f in &r.findings {
            let (line, col) = index.line_col(&r.source, f.span.start);
            writeln!(
                out,
                "{}:{line}:{col}: {}[{}]: {}",
                r.path,
                f.severity.as_str(),
                f.rule,
                // One line per finding, whatever the message holds.
                f.message_with_note().replace(['\r', '\n'], " ")
            )?;
        }
    }
    Ok(())
}
