//! `unreadable` rules: a part of a message meant for the recipient that tactful could not
//! read (an unknown charset, base64 that does not decode, binary bytes), so could not check.
//! The mail reader finds these; the rule reports each one where its bytes are.

use crate::finding::Finding;
use crate::input::Draft;

use super::{finding, Rule};

/// Pushes one finding per unreadable part; their spans are already raw offsets.
pub fn check(rule: &Rule, draft: &Draft, out: &mut Vec<Finding>) {
    for u in &draft.unreadable {
        let line_end = draft.origin.as_ref().map_or(u.span.end, |o| {
            o.display[u.span.start..u.span.end]
                .find('\n')
                .map_or(u.span.end, |i| u.span.start + i)
        });
        let mut f = finding(rule, u.span.start..line_end, Some("this part".into()));
        f.message = format!("{}: {}", rule.def.message, u.reason).into();
        out.push(f);
    }
}
