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
    phrases.retain(|f| !is_mentioned(&draft.text, &f.span));
    merge_overlapping(&mut phrases);
    out.append(&mut phrases);
    // Learned rules last: they skip words another rule of their category flagged.
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
            let (note, words) = origin.describe(&draft.source, &f.span);
            // A rule's own note (what they wrote, where a preference comes from) stays.
            f.note = match (f.note.take(), note) {
                (Some(own), Some(place)) => Some(format!("{own}; {place}")),
                (own, place) => own.or(place),
            };
            f.words = words;
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

/// Words that, before a quotation, say it is talked about rather than said to the reader.
const MENTION_BEFORE: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "wrote",
    "writes",
    "write",
    "quoted",
    "quote",
    "quoting",
    "phrase",
    "phrases",
    "like",
    "lists",
    "listed",
    "example",
    "examples",
    "flagged",
    "flags",
    "replacing",
    "replace",
    "replaced",
    "rewritten",
    "rewrote",
    "template",
    "article",
    "guide",
    "words",
    "word",
    "called",
    "debated",
    "whether",
    "asked",
    "told",
    "reads",
    "such",
    "e.g",
    "eg",
    "term",
    "terms",
    "expression",
    "expressions",
    "sentence",
    "sentences",
    "wording",
    "means",
    "meant",
    "avoid",
    "avoiding",
    "instead",
    "than",
    "versus",
    "vs",
];

/// Words right after a quotation that say the same.
const MENTION_AFTER: &[&str] = &[
    "sounded",
    "sounds",
    "sound",
    "comes",
    "came",
    "reads",
    "read",
    "rewritten",
    "became",
    "becomes",
    "translates",
    "means",
    "meant",
];

/// How far around a finding [`is_mentioned`] reads its line for quotation marks.
const MENTION_REACH: usize = 2000;

/// Whether the words of `span` in `text` are a quotation talked about ("the guide lists
/// "per my last email" as hostile"), not said to the reader: a quotation of three words
/// or more on one line, with a word such as "said", "phrase" or "example" before it in
/// its sentence, or "sounded" or "reads" right after it. A word or two in quotes is
/// often irony ("your "prompt" reply") and stays a finding.
fn is_mentioned(text: &str, span: &std::ops::Range<usize>) -> bool {
    // The line, but no more than `MENTION_REACH` bytes either side of the span: a line of
    // a megabyte with a finding every few words is read around each, not whole each time.
    let mut floor = span.start.saturating_sub(MENTION_REACH);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let ceil = crate::source::floor_char_boundary(text, (span.end + MENTION_REACH).min(text.len()));
    let line_start = text[floor..span.start]
        .rfind('\n')
        .map_or(floor, |i| floor + i + 1);
    let line_end = text[span.end..ceil]
        .find('\n')
        .map_or(ceil, |i| span.end + i);
    let line = &text[line_start..line_end];
    // The quotations of the line, as byte ranges of `text` (their inside only).
    let mut open: Option<(usize, char)> = None;
    for (i, c) in line.char_indices() {
        let at = line_start + i;
        match (open, c) {
            (None, '"' | '\u{201C}') => open = Some((at, c)),
            (Some((quote, q)), '"' | '\u{201D}') if q == '"' || c == '\u{201D}' => {
                open = None;
                let from = quote + q.len_utf8();
                if from > span.start || at < span.end {
                    continue;
                }
                let inside = &text[from..at];
                if inside.split_whitespace().count() < 3 {
                    continue;
                }
                let before = &text[line_start..quote];
                let sentence = before
                    .rfind(['.', '!', '?', ';'])
                    .map_or(before, |k| &before[k + 1..]);
                let words = |s: &str| {
                    s.split(|c: char| !c.is_alphanumeric() && c != '.')
                        .filter(|w| !w.is_empty())
                        .map(|w| w.trim_end_matches('.').to_lowercase())
                        .collect::<Vec<_>>()
                };
                let after = words(&text[at + c.len_utf8()..line_end]);
                // "I wrote "…"" and "you said "…"" repeat what passed between the writer
                // and the reader: that is said to them again, not talked about.
                let before = words(sentence);
                let cue = before.iter().enumerate().any(|(k, w)| {
                    MENTION_BEFORE.contains(&w.as_str())
                        && !(k > 0 && ["i", "we", "you", "u"].contains(&before[k - 1].as_str()))
                });
                return cue
                    || after
                        .first()
                        .is_some_and(|w| MENTION_AFTER.contains(&w.as_str()));
            }
            _ => {}
        }
    }
    false
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

#[cfg(test)]
mod tests {
    use super::is_mentioned;

    fn mentioned(text: &str, words: &str) -> bool {
        let at = text.find(words).expect("words in text");
        is_mentioned(text, &(at..at + words.len()))
    }

    #[test]
    fn quotations_talked_about_are_told_from_words_said_to_the_reader() {
        let guide = "The guide lists \"per my last email\" as hostile.";
        assert!(mentioned(guide, "per my last email"));
        let after = "She felt \u{201C}I never heard back from you\u{201D} sounded harsh.";
        assert!(mentioned(after, "I never heard back"));
        // Said to the reader, or quoted without a word that talks about it.
        assert!(!mentioned(
            "Per my last email, I need an answer.",
            "Per my last email"
        ));
        let quoted = "Honestly, \"I'm still waiting on your reply\" is all I can say.";
        assert!(!mentioned(quoted, "I'm still waiting"));
        // A word or two in quotes is irony, not a quotation.
        assert!(!mentioned(
            "Thanks for the \"prompt reply\", as they say.",
            "prompt reply"
        ));
        // Only the quotation that holds the words counts.
        let own = "I wrote \"this is my fourth message to you\" and even that got ignored.";
        assert!(!mentioned(own, "this is my fourth message"));
        let two = "He said \"thanks a lot\" and then I'm still waiting.";
        assert!(!mentioned(two, "I'm still waiting"));
        // On a line far longer than it reads around a finding, the quotation near it
        // still counts, and one far away does not decide.
        let filler = "Some words of a long line without any quotation marks. ".repeat(100);
        let long = format!("{filler}The guide lists \"per my last email\" as hostile. {filler}");
        assert!(mentioned(&long, "per my last email"));
        let far = format!("The guide lists \"{filler}\" as hostile. Per my last email, hi.");
        assert!(!mentioned(&far, "Per my last email"));
    }
}
