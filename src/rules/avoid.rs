//! `avoid` rules: flag every phrase or pattern match in the author's text, unless one of the
//! rule's `unless` antipatterns overlaps it ("sorry I didn't get back to you sooner").

use std::ops::Range;

use crate::finding::Finding;
use crate::input::Draft;

use super::{finding, Rule};

pub fn check(rule: &Rule, draft: &Draft, matches: &[Range<usize>], out: &mut Vec<Finding>) {
    for m in matches {
        if !rule.unless_overlaps(draft, m) {
            out.push(finding(rule, m.clone(), None));
        }
    }
}
