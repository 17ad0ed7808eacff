//! `avoid` rules: flag every phrase or pattern match in the author's text. A match that one
//! of the rule's `unless` antipatterns overlaps ("sorry I didn't get back to you sooner")
//! was already dropped by the scan.

use std::ops::Range;

use crate::finding::Finding;

use super::{finding, Rule};

pub fn check(rule: &Rule, matches: &[Range<usize>], out: &mut Vec<Finding>) {
    for m in matches {
        out.push(finding(rule, m.clone(), None));
    }
}
