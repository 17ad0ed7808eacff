//! `order` rules: what the `first` rule requires must come before what this rule matches.
//! The built-in use: the pleasantry comes before the ask. When the required thing is
//! missing altogether, the `require` rule reports that, and this rule stays quiet.

use crate::finding::Finding;
use crate::input::Draft;

use super::{finding, Matches, Rule};

/// `indices` are the positions of `rule` and of `first` in the rule set.
pub fn check(
    rule: &Rule,
    first: &Rule,
    draft: &Draft,
    matches: &Matches,
    indices: (usize, usize),
    out: &mut Vec<Finding>,
) {
    let body = draft.body();
    let Some(ask) = matches.within(indices.0, body.clone()).next() else {
        return;
    };
    // A thank-you that signs the letter off is not the pleasantry.
    let Some(required) = matches
        .within(indices.1, body)
        .find(|m| !draft.in_sign_off(m.start))
    else {
        return;
    };
    if ask.start < required.start {
        out.push(finding(
            rule,
            ask.clone(),
            Some(format!(
                "this comes before the first `{}` match",
                first.def.id
            )),
        ));
    }
}
