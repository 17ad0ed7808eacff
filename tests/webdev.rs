//! Real phrasing from career-advice sources (`../shared/realworld/web-dev`): the phrases
//! they call blaming the reader, and the sample emails they hold up as good. Printed as a
//! measurement, with floors that the rules must not fall below. Skipped, with a message,
//! when `../shared` is absent.

#![allow(clippy::print_stderr)]

mod common;

use tactful::input::{Draft, Format};
use tactful::lint::lint;
use tactful::rules::{builtin, Context, Overrides, RuleSet};

#[derive(serde::Deserialize)]
struct Phrase {
    text: String,
    kind: String,
}

#[derive(serde::Deserialize)]
struct Email {
    text: String,
}

fn blames(rules: &RuleSet, text: &str) -> Vec<String> {
    let draft = Draft::from_source("t.txt", text.to_string(), Format::Text).expect("a draft");
    lint(&draft, rules, &Context::default())
        .into_iter()
        .filter(|f| f.rule.starts_with("blame/"))
        .map(|f| f.rule.to_string())
        .collect()
}

#[test]
fn blaming_phrases_are_found_and_good_samples_pass() {
    let Some(dir) = common::shared("realworld/web-dev") else {
        return;
    };
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("readable");
    let phrases: Vec<Phrase> = serde_json::from_str(&read("bad_phrases.json")).expect("JSON");
    let emails: Vec<Email> = serde_json::from_str(&read("good_emails.json")).expect("JSON");
    let mut phrases_only = Overrides::default();
    phrases_only.severity.insert("blame/tone".into(), None);
    for (name, overrides) in [
        ("phrase rules alone", phrases_only),
        ("default rules", Overrides::default()),
    ] {
        let rules = RuleSet::build(builtin::packs().unwrap(), &overrides).unwrap();
        let blaming: Vec<&Phrase> = phrases
            .iter()
            .filter(|p| p.kind == "blame-reader")
            .collect();
        let found = blaming
            .iter()
            .filter(|p| !blames(&rules, &p.text).is_empty())
            .count();
        let flagged: Vec<Vec<String>> = emails
            .iter()
            .map(|e| blames(&rules, &e.text))
            .filter(|b| !b.is_empty())
            .collect();
        eprintln!(
            "{name}: {found} of {} blaming phrases found; {} of {} good sample emails flagged {flagged:?}",
            blaming.len(),
            flagged.len(),
            emails.len()
        );
        assert!(blaming.len() > 50, "the phrases are read");
        assert!(
            found * 100 >= blaming.len() * 70,
            "{name}: {found} of {}",
            blaming.len()
        );
        assert!(flagged.len() * 25 <= emails.len(), "{name}: {flagged:?}");
    }
}
