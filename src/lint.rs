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
    let mut phrases = Vec::new();
    let on = |r: &&crate::rules::Rule| r.severity.is_some() && r.def.report;
    for (i, rule) in rules.rules.iter().enumerate().filter(|(_, r)| on(r)) {
        // Unreadable parts are found in the raw message and point there already.
        let into = match rule.def.kind {
            Kind::Classify => continue,
            Kind::Unreadable => &mut raw,
            Kind::Avoid => &mut phrases,
            _ => &mut out,
        };
        check_rule(rules, i, draft, &matches, ctx, into);
    }
    merge_overlapping(&mut phrases);
    out.append(&mut phrases);
    // Learned rules last: they skip sentences another rule of their category flagged.
    for (i, rule) in rules.rules.iter().enumerate().filter(|(_, r)| on(r)) {
        if rule.def.kind == Kind::Classify {
            check_rule(rules, i, draft, &matches, ctx, &mut out);
        }
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

/// One finding per span of words: overlapping findings of phrase rules of one category
/// (two families of blame phrases on "per my last email, again") become the finding of
/// the one that starts first (the longer on a tie), over the words of both.
fn merge_overlapping(found: &mut Vec<Finding>) {
    if found.len() < 2 {
        return;
    }
    found.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end))
            .cmp(&(b.span.start, std::cmp::Reverse(b.span.end)))
    });
    let mut kept: Vec<Finding> = Vec::with_capacity(found.len());
    // The last finding kept of each category: sorted by start, only it can overlap the next.
    let mut last: Vec<(crate::finding::Category, usize)> = Vec::new();
    for f in found.drain(..) {
        match last.iter().find(|(c, _)| *c == f.category) {
            Some(&(_, k)) if f.span.start < kept[k].span.end => {
                kept[k].span.end = kept[k].span.end.max(f.span.end);
            }
            _ => {
                last.retain(|(c, _)| *c != f.category);
                last.push((f.category, kept.len()));
                kept.push(f);
            }
        }
    }
    *found = kept;
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
