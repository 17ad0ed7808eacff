//! Benchmarks: building the rule set (once per run) and linting one draft.
//! `cargo bench`; the end-to-end corpus comparison is `scripts/bench.sh`.

use tactful::input::{Draft, Format};
use tactful::lint::lint;
use tactful::rules::{builtin, Context, Overrides, RuleSet};

fn main() {
    divan::main();
}

const DRAFT: &str = "Hi Jane,\n\nI hope you had a restful Thanksgiving. I wanted to check in on the analyst\nrole: I still haven't heard back since our interview, and I remain very\ninterested in the position.\n\nBest,\nSam\n";

#[divan::bench]
fn build_rule_set() -> RuleSet {
    RuleSet::build(builtin::packs().unwrap(), &Overrides::default()).unwrap()
}

#[divan::bench]
fn lint_one_draft(bencher: divan::Bencher) {
    let rules = build_rule_set();
    let ctx = Context::default();
    bencher.bench(|| {
        let draft =
            Draft::from_source("d.txt", divan::black_box(DRAFT).to_string(), Format::Text).unwrap();
        lint(&draft, &rules, &ctx)
    });
}
