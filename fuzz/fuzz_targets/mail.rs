//! The mail reader: the input read as an RFC 5322 message, linted with the built-in rules;
//! every finding's span must lie inside the raw message and on char boundaries of the text
//! the renderers show (the raw message with invalid UTF-8 bytes as `?`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tactful::input::{Draft, Format};
use tactful::lint::lint;
use tactful::rules::Context;
use tactful_fuzz::{builtin_rules, check_spans};

fuzz_target!(|data: &[u8]| {
    let rules = builtin_rules();
    let Ok(draft) = Draft::parse("fuzz.eml", data.to_vec(), Format::Mail) else {
        return;
    };
    // The lint text and the rules' view of it keep every offset.
    assert_eq!(
        draft.text.len(),
        draft.source.len(),
        "lint text and source differ in length"
    );
    let findings = lint(&draft, rules, &Context::default());
    let shown = draft.into_shown_source();
    assert_eq!(
        shown.len(),
        data.len(),
        "the shown message is not the raw length"
    );
    check_spans(&findings, data.len(), &shown);
});
