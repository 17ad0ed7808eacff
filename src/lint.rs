//! Runs a [`RuleSet`] over a [`Draft`]: one scan of the lint text tells which rules can
//! match, only those run, and the findings come back sorted by position.

use crate::finding::Finding;
use crate::input::{BodyEncoding, Draft, MailOrigin};
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
    if let Some(origin) = &draft.origin {
        for f in &mut out {
            if origin.is_decoded(&f.span) {
                f.note = Some(decoded_note(draft, origin, &f.span));
            }
            f.span = origin.to_raw(&f.span);
        }
    }
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    out.dedup_by(|b, a| a.rule == b.rule && a.span == b.span);
    out
}

/// Says where a finding in a decoded mail body really is: the line of the decoded text and
/// the words, since the raw bytes it points at are encoded.
fn decoded_note(draft: &Draft, origin: &MailOrigin, span: &std::ops::Range<usize>) -> String {
    let line = origin.decoded_line(&draft.source, span.start);
    let words = draft.source[span.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let how = match (origin.encoding, origin.html) {
        (BodyEncoding::Plain, true) => "HTML".to_string(),
        (e, true) => format!("{} HTML", e.name()),
        (e, false) => e.name().to_string(),
    };
    format!("in the {how} body: line {line} of the decoded text reads \u{201c}{words}\u{201d}")
}
