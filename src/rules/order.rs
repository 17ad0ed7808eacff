//! `order` rules: what the `first` rule requires must come before what this rule matches.
//! The built-in use: the pleasantry comes before the ask. When the required thing is
//! missing altogether, the `require` rule reports that, and this rule stays quiet.

use crate::finding::Finding;
use crate::input::Draft;

use super::{finding, Rule};

pub fn check(rule: &Rule, first: &Rule, draft: &Draft, hit: bool, hit_first: bool, out: &mut Vec<Finding>) {
    if !hit || !hit_first {
        return;
    }
    let body = draft.body();
    let Some(ask) = rule.matches(&draft.text, body.clone()).into_iter().next() else {
        return;
    };
    let Some(required) = first.matches(&draft.text, body).into_iter().next() else {
        return;
    };
    if ask.start < required.start {
        out.push(finding(rule, ask, Some(format!("this comes before the first `{}` match", first.def.id))));
    }
}
