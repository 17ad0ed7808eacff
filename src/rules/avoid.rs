//! `avoid` rules: flag every phrase or pattern match in the author's text, unless one of the
//! rule's `unless` antipatterns overlaps it ("sorry I didn't get back to you sooner").

use std::ops::Range;

use crate::finding::Finding;
use crate::input::Draft;

use super::{finding, Rule};

pub fn check(rule: &Rule, draft: &Draft, matches: &[Range<usize>], out: &mut Vec<Finding>) {
    if matches.is_empty() {
        return;
    }
    let unless = rule.unless_matches(draft);
    for m in matches.iter().cloned() {
        if unless.iter().any(|u| u.start < m.end && m.start < u.end) {
            continue;
        }
        out.push(finding(rule, m, None));
    }
}
