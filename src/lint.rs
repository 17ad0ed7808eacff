//! Runs a [`RuleSet`] over a [`Draft`]: one scan of the lint text tells which rules can
//! match, only those run, and the findings come back sorted by position, in the input's
//! own offsets, each saying where its words really are when they were decoded.

use crate::finding::Finding;
use crate::input::{Draft, Folded, MailOrigin};
use crate::rules::{check_rule, suggest, Context, Kind, RuleSet};

/// All findings of `rules` in `draft`, sorted by position then rule id.
pub fn lint(draft: &Draft, rules: &RuleSet, ctx: &Context) -> Vec<Finding> {
    let matches = rules.scan(draft);
    let mut out = Vec::new();
    let mut raw = Vec::new();
    // Learned rules last: they skip sentences another rule of their category flagged.
    let order = rules
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.def.kind != Kind::Classify)
        .chain(
            rules
                .rules
                .iter()
                .enumerate()
                .filter(|(_, r)| r.def.kind == Kind::Classify),
        );
    for (i, rule) in order {
        if rule.severity.is_none() || !rule.def.report {
            continue;
        }
        // Unreadable parts are found in the raw message and point there already.
        let into = if rule.def.kind == Kind::Unreadable {
            &mut raw
        } else {
            &mut out
        };
        check_rule(rules, i, draft, &matches, ctx, into);
    }
    // One finding per rule and span of the lint text; distinct words may share raw bytes
    // (an encoded subject), so this is done before mapping.
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    out.dedup_by(|b, a| a.rule == b.rule && a.span == b.span);
    if let Some(origin) = &draft.origin {
        drop_repeated_alternatives(draft, origin, &mut out);
        for f in &mut out {
            (f.note, f.words) = origin.describe(&draft.source, &f.span);
            f.span = origin.to_raw(&f.span);
        }
    }
    if let Some(from) = draft.decoded_from {
        for f in &mut out {
            f.note = Some(format!(
                "the draft is saved as {from}; positions are in its text converted to UTF-8"
            ));
        }
    }
    out.append(&mut raw);
    // Help in the draft's own terms: its role, its company, the name it greets.
    if out
        .iter()
        .any(|f| f.help.as_deref().is_some_and(suggest::is_template))
    {
        let facts = suggest::Facts::of(draft);
        for f in &mut out {
            if let Some(h) = f.help.as_deref().filter(|h| suggest::is_template(h)) {
                f.help = Some(facts.fill(h).into());
            }
        }
    }
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    out
}

/// Drops the findings in the other halves of a `multipart/alternative` that the half read
/// first also has (the same rule on the same words): the recipient reads one half, and a
/// finding is reported once. What only another half says is kept.
fn drop_repeated_alternatives(draft: &Draft, origin: &MailOrigin, out: &mut Vec<Finding>) {
    if origin.parts.iter().all(|p| p.alternative_of.is_none()) {
        return;
    }
    let key = |f: &Finding| {
        (
            f.rule.clone(),
            Folded::new(&draft.source[f.span.clone()]).text,
        )
    };
    let part_of = |f: &Finding| origin.part_at(f.span.start);
    let mut seen = std::collections::HashSet::new();
    for f in out.iter() {
        if let Some(k) = part_of(f) {
            seen.insert((k, key(f)));
        }
    }
    out.retain(|f| {
        let lead = part_of(f).and_then(|k| origin.parts[k].alternative_of);
        lead.is_none_or(|lead| !seen.contains(&(lead, key(f))))
    });
}
