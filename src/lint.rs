//! Runs a [`RuleSet`] over a [`Draft`]: one scan of the lint text tells which rules can
//! match, only those run, and the findings come back sorted by position.

use crate::finding::Finding;
use crate::input::Draft;
use crate::rules::{check_rule, Context, RuleSet};

/// All findings of `rules` in `draft`, sorted by position then rule id.
pub fn lint(draft: &Draft, rules: &RuleSet, ctx: &Context) -> Vec<Finding> {
    let matches = rules.scan(draft);
    let mut out = Vec::new();
    for (i, rule) in rules.rules.iter().enumerate() {
        if rule.severity.is_some() {
            check_rule(rules, i, draft, &matches, ctx, &mut out);
        }
    }
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    out.dedup_by(|b, a| a.rule == b.rule && a.span == b.span);
    out
}
