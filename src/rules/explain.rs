//! `tactful explain RULE --text TEXT`: what one rule makes of a text. A learned rule shows
//! each sentence's score against its threshold and the words that weighed most either way;
//! any other rule, the words it flags.

use std::fmt::Write as _;

use crate::error::Error;
use crate::input::{Draft, Format};

use super::{check_rule, classify, Context, Place, Rule, RuleSet};

/// How many words of a sentence are listed, heaviest first.
const WORDS: usize = 6;

/// A learned rule's thresholds in words, and which one applies to a text at `place`.
fn thresholds(rule: &Rule, place: Place) -> String {
    let Some(learn) = &rule.def.learn else {
        return String::new();
    };
    let beside = learn.threshold_beside.map_or(String::new(), |b| {
        format!(
            " (in a draft where a `{}` finding already stands, from {b:.2})",
            rule.def.category.as_str()
        )
    });
    let Some(class) = &rule.def.context else {
        return format!(
            "a sentence is flagged from a score of {:.2}{beside}",
            learn.threshold
        );
    };
    let outside = match learn.threshold_outside {
        Some(t) => format!("from {t:.2}"),
        None => "never".into(),
    };
    let here = match place {
        Place::Inside => "this text has one",
        Place::Unknown => "this text has none but is short",
        Place::Outside => "this text has none",
    };
    format!(
        "a sentence is flagged from a score of {:.2} in a draft with a word of `{}`, from {:.2} in a text of fewer than {} words without one, and {outside} in a longer one{beside}; {here}",
        learn.threshold_inside,
        class.value,
        learn.threshold,
        super::CONTEXT_MIN_WORDS,
    )
}

pub fn on_text(rules: &RuleSet, rule: &Rule, sample: &str) -> Result<String, Error> {
    let draft = Draft::parse("<text>", sample.as_bytes().to_vec(), Format::Text)?;
    let mut out = String::new();
    let id = rule.id();
    if let Some(c) = &rule.classifier {
        let sentences = classify::Sentences::of(&draft, c.model.needs_forms());
        let place = rule.place(&draft.text);
        let from = classify::floor(rule, place).unwrap_or(f64::INFINITY);
        let _ = writeln!(out, "{id}: {}", thresholds(rule, place));
        for (range, toks) in &sentences.pieces {
            let toks = &sentences.tokens[toks.clone()];
            let e = c.model.explain_tokens(&draft.text, toks, range.clone());
            let verdict = if e.score >= from { "flagged" } else { "passes" };
            let _ = writeln!(
                out,
                "\n{:.2} {verdict}: {}",
                e.score,
                &draft.source[range.clone()]
            );
            if e.score >= from {
                for words in e.underlined() {
                    let _ = writeln!(out, "  underlined: {}", &draft.source[words.clone()]);
                }
            } else {
                for (part, span) in classify::parts(&draft.text, toks) {
                    let p = c.model.explain_tokens(&draft.text, part, span.clone());
                    if p.score >= from {
                        let _ = writeln!(
                            out,
                            "  {:.2} flagged, this part alone: {}",
                            p.score, &draft.source[span]
                        );
                        for words in p.underlined() {
                            let _ =
                                writeln!(out, "    underlined: {}", &draft.source[words.clone()]);
                        }
                    }
                }
            }
            let mut shares: Vec<_> = e.tokens.iter().filter(|t| t.1 != 0.0).collect();
            shares.sort_by(|a, b| {
                b.1.abs()
                    .total_cmp(&a.1.abs())
                    .then(a.0.start.cmp(&b.0.start))
            });
            let words: Vec<String> = shares
                .iter()
                .take(WORDS)
                .map(|(r, w)| format!("{} {w:+.2}", &draft.source[r.clone()]))
                .collect();
            let _ = writeln!(out, "  weighed most: {}", words.join(", "));
        }
        return Ok(out);
    }
    let matches = rules.scan(&draft);
    let index = rules
        .rules
        .iter()
        .position(|r| r.id() == id)
        .expect("the rule is in the set");
    let mut found = Vec::new();
    check_rule(
        rules,
        index,
        &draft,
        &matches,
        &Context::default(),
        &mut found,
    );
    if found.is_empty() {
        let _ = writeln!(out, "{id} does not fire on this text");
        if let Some(class) = &rule.def.context {
            if !matches.of(index).is_empty() && !rule.in_context(&draft.text) {
                let _ = writeln!(
                    out,
                    "  its words are here, but it reports only in a draft with a word of `{}`",
                    class.value
                );
            }
        }
    }
    for f in found {
        let _ = writeln!(
            out,
            "{id} fires on: {}",
            draft.source.get(f.span.clone()).unwrap_or("")
        );
        if let Some(p) = &f.phrase {
            let _ = writeln!(out, "  by the phrase: {p}");
        }
    }
    Ok(out)
}

/// What `tactful explain RULE` prints: the rule, why, its help, and its examples (a few,
/// or `all`). The language server shows the same on hover.
pub fn explanation(rule: &Rule, all: bool) -> String {
    let d = &rule.def;
    let mut text = format!(
        "{} ({}, {}, {} rule, pack {})\n{}\n\nWhy: {}\n",
        d.id,
        d.category.as_str(),
        rule.severity_label(),
        d.kind.as_str(),
        d.pack,
        d.message,
        d.why
    );
    if let Some(h) = &d.help {
        let h = crate::rules::suggest::Facts::default().fill(h);
        text.push_str(&format!("Help: {h}\n"));
    }
    let indent = |ex: &str| {
        ex.trim_end()
            .lines()
            .map(|l| format!("    {l}\n"))
            .collect::<String>()
    };
    // A few examples say what a rule finds; the rest are there with --all.
    const FEW: usize = 3;
    let shown = |n: usize| if all { n } else { n.min(FEW) };
    let mut hidden = 0;
    for (title, list) in [("Bad (fires)", &d.bad), ("Good (does not fire)", &d.good)] {
        text.push_str(&format!("\n{title}:\n"));
        for ex in &list[..shown(list.len())] {
            text.push_str(&indent(&ex.value));
        }
        hidden += list.len() - shown(list.len());
    }
    if hidden > 0 {
        text.push_str(&format!(
            "\n{hidden} more example{} with `tactful explain {} --all`\n",
            if hidden == 1 { "" } else { "s" },
            d.id
        ));
    }
    text
}
