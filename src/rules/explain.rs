//! `tactful explain RULE --text TEXT`: what one rule makes of a text. A learned rule shows
//! each sentence's score against its threshold and the words that weighed most either way;
//! any other rule, the words it flags.

use std::fmt::Write as _;

use crate::error::Error;
use crate::input::{Draft, Format};

use super::{check_rule, classify, Context, Rule, RuleSet};

/// How many words of a sentence are listed, heaviest first.
const WORDS: usize = 6;

pub fn on_text(rules: &RuleSet, rule: &Rule, sample: &str) -> Result<String, Error> {
    let draft = Draft::parse("<text>", sample.as_bytes().to_vec(), Format::Text)?;
    let mut out = String::new();
    let id = rule.id();
    if let Some(c) = &rule.classifier {
        let sentences = classify::Sentences::of(&draft, c.model.needs_forms());
        let mut from = c.probability;
        let _ = write!(
            out,
            "{id}: a sentence is flagged from a score of {:.2}",
            c.probability
        );
        if let Some(class) = &rule.def.context {
            let outside = rule.def.learn.as_ref().and_then(|l| l.threshold_outside);
            let inside = rule.in_context(&draft.text);
            match outside {
                Some(t) => {
                    let _ = write!(
                        out,
                        " in a draft with a word of `{}`, else from {t}",
                        class.value
                    );
                }
                None => {
                    let _ = write!(out, " in a draft with a word of `{}`", class.value);
                }
            }
            let _ = write!(
                out,
                "; this text {}",
                if inside { "has one" } else { "has none" }
            );
            if !inside {
                from = outside.unwrap_or(f64::INFINITY);
            }
        }
        out.push('\n');
        for (range, toks) in &sentences.pieces {
            let e =
                c.model
                    .explain_tokens(&draft.text, &sentences.tokens[toks.clone()], range.clone());
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
