//! The rule-pack loader: the input read as a YAML rule pack from a file, built into a rule
//! set alone and together with the built-in packs (which runs the pack's examples). A pack
//! that builds also lints its own text, so its phrases and patterns run.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tactful::input::{Draft, Format};
use tactful::lint::lint;
use tactful::rules::{pack, Context, Origin, Overrides, RuleSet};
use tactful_fuzz::{builtin_packs, check_spans};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(user) = pack::parse("fuzz.yaml", text, Origin::File) else {
        return;
    };
    let alone = RuleSet::build(vec![user.clone()], &Overrides::default());
    let mut packs = builtin_packs();
    packs.push(user);
    let together = RuleSet::build(packs, &Overrides::default());
    for set in [alone, together].into_iter().flatten() {
        if let Ok(draft) = Draft::from_source("fuzz.txt", text.to_string(), Format::Text) {
            let findings = lint(&draft, &set, &Context::default());
            check_spans(&findings, text.len(), &draft.source);
        }
    }
});
