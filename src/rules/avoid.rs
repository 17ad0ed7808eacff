//! `avoid` rules: flag every phrase or pattern match in the author's text, unless one of the
//! rule's `unless` antipatterns overlaps it ("sorry I didn't get back to you sooner").

use crate::finding::Finding;
use crate::input::Draft;

use super::{finding, Rule};

pub fn check(rule: &Rule, draft: &Draft, hit: bool, out: &mut Vec<Finding>) {
    if !hit {
        return;
    }
    let all = 0..draft.text.len();
    let matches = rule.matches(&draft.text, all.clone());
    if matches.is_empty() {
        return;
    }
    let unless = rule.unless_matches(&draft.text, all);
    for m in matches {
        if unless.iter().any(|u| u.start < m.end && m.start < u.end) {
            continue;
        }
        out.push(finding(rule, m, None));
    }
}
