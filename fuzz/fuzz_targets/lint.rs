//! The linter as a whole: the input as a draft of each format, linted with the built-in
//! rules (plain and in template mode) the way `tactful check` does, and rendered in every
//! output format into memory; JSON output must parse as JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tactful::input::{Draft, Format};
use tactful::rules::Context;
use tactful_fuzz::{builtin_docs, builtin_rules, lint_like_check, render_all};

fuzz_target!(|data: &[u8]| {
    let rules = builtin_rules();
    let mut reports = Vec::new();
    for (format, path) in [
        (Format::Text, "fuzz.txt"),
        (Format::Markdown, "fuzz.md"),
        (Format::Mail, "fuzz.eml"),
    ] {
        let Ok(draft) = Draft::parse(path, data.to_vec(), format) else {
            continue;
        };
        for templates in [false, true] {
            let ctx = Context {
                templates,
                ..Context::default()
            };
            let mut report = lint_like_check(draft.clone(), rules, &ctx, data.len());
            if templates {
                report.path = format!("template/{path}");
            }
            reports.push(report);
        }
    }
    render_all(&reports, builtin_docs());
});
