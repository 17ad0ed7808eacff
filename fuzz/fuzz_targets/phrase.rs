//! The phrase compiler: the input compiled as a phrase and its DFA built, as a pack read
//! from a file has it: the phrase is made into a one-rule pack (origin: file), whose build
//! compiles it again and builds its DFA (`tactful_phrase::build_dfa` and `first_bytes`,
//! through `index::Phrase::build`). The phrase's own text, and its words without the
//! syntax, are then linted with that rule, so the phrase index runs the DFA. (A phrase of
//! a built-in pack is not compiled by a build, its DFA ships in the binary: for those the
//! DFA is built here explicitly.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use tactful::finding::{Category, Severity};
use tactful::input::{Draft, Format};
use tactful::lint::lint;
use tactful::rules::pack::Located;
use tactful::rules::{
    precompiled, Context, Kind, Origin, Overrides, Pack, RuleDef, RuleSet, Scope,
};
use tactful_fuzz::check_spans;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(compiled) = tactful_phrase::compile(text) else {
        return;
    };
    if precompiled::lookup(text).is_some() {
        if let Ok(dfa) = tactful_phrase::build_dfa(&compiled.regex, false) {
            let _ = tactful_phrase::first_bytes(&dfa);
        }
    }

    let located = |s: &str| Located {
        value: s.to_string(),
        span: 0..text.len(),
    };
    let def = RuleDef {
        id: "fuzz/phrase".into(),
        pack: "fuzz".into(),
        kind: Kind::Avoid,
        category: Category::Blame,
        severity: Severity::Error,
        enabled: true,
        message: "m".into(),
        description: "d".into(),
        help: None,
        why: "w".into(),
        phrases: vec![located(text)],
        patterns: Vec::new(),
        unless: Vec::new(),
        unless_patterns: Vec::new(),
        scope: Scope::Body,
        sentences: 2,
        first: None,
        kinds: Vec::new(),
        day: None,
        bad: Vec::new(),
        bad_marks: Vec::new(),
        good: Vec::new(),
        learn: None,
        report: true,
        also: Vec::new(),
        span: 0..text.len(),
        id_span: 0..0,
    };
    let pack = Pack {
        name: "fuzz".into(),
        description: None,
        path: "fuzz.yaml".into(),
        text: text.into(),
        origin: Origin::File,
        vocab: Default::default(),
        rules: vec![def],
        group: "fuzz.yaml".into(),
    };
    let Ok(set) = RuleSet::build(vec![pack], &Overrides::default()) else {
        return;
    };
    // The phrase's words, without its syntax, as a draft: likely a match.
    let words: String = text
        .chars()
        .map(|c| if "()[]|?".contains(c) { ' ' } else { c })
        .collect::<String>()
        .replace("...", "some words");
    for draft_text in [text.to_string(), words] {
        if let Ok(draft) = Draft::from_source("fuzz.txt", draft_text.clone(), Format::Text) {
            let findings = lint(&draft, &set, &Context::default());
            check_spans(&findings, draft_text.len(), &draft.source);
        }
    }
});
