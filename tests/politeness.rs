//! Blame against human judgement: the Stanford Politeness Corpus
//! (`../shared/realworld/politeness`, 10,956 requests from Wikipedia talk pages and Stack
//! Exchange, each rated for politeness by five people). The blame rules were not written
//! from it. If they find what people hear as blaming, the requests they flag are rated
//! clearly less polite than the corpus as a whole, and they flag few requests: most
//! requests blame nobody. Skipped, with a message, when `../shared` is absent.

#![allow(clippy::print_stderr)]

mod common;

use tactful::input::{Draft, Format};
use tactful::lint::lint;
use tactful::rules::{builtin, Context, Overrides, RuleSet};

/// The flagged requests' mean politeness must be at least this far below the corpus mean
/// (the normalized scores have a standard deviation of about 0.7).
const LESS_POLITE_BY: f64 = 0.25;
/// At most this share of the requests may be flagged by the phrase rules alone.
const MAX_SHARE_PHRASES: f64 = 0.01;
/// At most this share with the learned `blame/tone` as well. These are requests about
/// edits and code, not follow-ups: a learned rule that weighs reproach hears some of the
/// curtest of them as blame ("You just added it again").
const MAX_SHARE: f64 = 0.03;

#[test]
fn requests_flagged_for_blame_are_rated_less_polite() {
    let Some(dir) = common::shared("realworld/politeness/sudhof__politeness") else {
        return;
    };
    let mut phrases_only = Overrides::default();
    phrases_only.severity.insert("blame/tone".into(), None);
    for (name, overrides, max_share) in [
        ("phrase rules alone", phrases_only, MAX_SHARE_PHRASES),
        ("default rules", Overrides::default(), MAX_SHARE),
    ] {
        let rules = RuleSet::build(builtin::packs().unwrap(), &overrides).unwrap();
        rated_less_polite(&dir, name, &rules, max_share);
    }
}

fn rated_less_polite(dir: &std::path::Path, name: &str, rules: &RuleSet, max_share: f64) {
    let ctx = Context::default();
    let (mut all, mut flagged) = (Vec::new(), Vec::new());
    for corpus in ["wikipedia.annotated.csv", "stack-exchange.annotated.csv"] {
        let mut reader = csv::Reader::from_path(dir.join(corpus)).expect("corpus is readable");
        let headers = reader.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let (request, score) = (col("Request"), col("Normalized Score"));
        for row in reader.records() {
            let row = row.expect("a well-formed row");
            let score: f64 = row[score]
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("a numeric score in {row:?}"));
            let draft = Draft::from_source("request.txt", row[request].to_string(), Format::Text)
                .expect("a request is a draft");
            let blame: Vec<String> = lint(&draft, rules, &ctx)
                .into_iter()
                .filter(|f| f.rule.starts_with("blame/"))
                .map(|f| format!("{}: {:?}", f.rule, &draft.source[f.span]))
                .collect();
            all.push(score);
            if !blame.is_empty() {
                flagged.push((score, blame));
            }
        }
    }
    let mean = |v: &mut dyn Iterator<Item = f64>| {
        let (sum, n) = v.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
        sum / n.max(1) as f64
    };
    let mean_all = mean(&mut all.iter().copied());
    let mean_flagged = mean(&mut flagged.iter().map(|f| f.0));
    let share = flagged.len() as f64 / all.len() as f64;
    eprintln!(
        "{name}: {} requests, mean politeness {mean_all:.3}; {} flagged for blame ({:.2}%), mean {mean_flagged:.3}",
        all.len(),
        flagged.len(),
        share * 100.0
    );
    flagged.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (score, blame) in &flagged {
        eprintln!("  {score:+.2}  {}", blame.join("; "));
    }
    assert!(all.len() > 10_000, "the whole corpus is read");
    assert!(flagged.len() >= 20, "blame in real requests goes unfound");
    assert!(
        share <= max_share,
        "{name}: too many requests flagged: {share:.4}"
    );
    assert!(
        mean_flagged <= mean_all - LESS_POLITE_BY,
        "{name}: flagged requests are not rated less polite: {mean_flagged:.3} vs {mean_all:.3}"
    );
}
