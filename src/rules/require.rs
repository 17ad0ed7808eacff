//! `require` rules: flag a draft when none of the rule's phrases or patterns occurs in its
//! scope: the `opening` (the first sentences after the greeting) or the whole `body`.

use crate::finding::Finding;
use crate::input::Draft;

use super::{finding, Matches, RuleSet, Scope};

pub fn check(
    set: &RuleSet,
    draft: &Draft,
    matches: &Matches,
    index: usize,
    out: &mut Vec<Finding>,
) {
    let rule = &set.rules[index];
    let range = match rule.def.scope {
        Scope::Opening => draft.opening(rule.def.sentences),
        Scope::Body => draft.body(),
    };
    if draft.text[range.clone()].trim().is_empty() {
        // Nothing of the author's to judge (a bare quote, say).
        return;
    }
    // What a sign-off line says ("Thanks,") closes the letter; it does not count here.
    // The matches of the rules named by `also` (a learned rule's sentences) count too,
    // asked for only when the rule's own phrases found nothing.
    if std::iter::once(index)
        .chain(rule.also.iter().copied())
        .flat_map(|i| matches.within_scored(set, draft, i, range.clone()))
        .any(|m| !draft.in_sign_off(m.start))
    {
        return;
    }
    let label = match rule.def.scope {
        Scope::Opening => "the draft opens here",
        Scope::Body => "nothing in this draft does that",
    };
    out.push(finding(
        rule,
        draft.first_body_line(),
        Some(label.to_string()),
    ));
}
