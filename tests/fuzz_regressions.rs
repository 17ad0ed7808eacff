//! Inputs the fuzzers found (`fuzz/regressions/<target>/`): each is linted by the binary
//! as its target reads it, and must end in a verdict (exit 0, 1 or 2) with no panic; read
//! as mail, every finding's span lies on whole characters of the text shown for it, as the
//! fuzz targets check. A new crash found by `scripts/fuzz.sh` gets a small reproducer there.

mod common;

use tactful::input::{Draft, Format};
use tactful::lint::lint;
use tactful::rules::{builtin, Context, Overrides, RuleSet};

#[test]
fn every_fuzz_finding_ends_in_a_verdict() {
    let root = common::root().join("fuzz/regressions");
    let mut seen = 0;
    for target in std::fs::read_dir(&root).unwrap() {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().to_string();
        for input in std::fs::read_dir(&target).unwrap() {
            let input = input.unwrap().path();
            let path = input.to_str().unwrap();
            let clean = common::root().join("fixtures/cases/clean.txt");
            // The mail target reads its input as a message, whatever it looks like.
            let tmp = tempfile::tempdir().unwrap();
            let eml = tmp.path().join("message.eml");
            std::fs::copy(&input, &eml).unwrap();
            let args: Vec<&str> = match name.as_str() {
                "pack" | "phrase" => vec!["check", "--rules", path, clean.to_str().unwrap()],
                "mail" => vec!["check", eml.to_str().unwrap()],
                _ => vec!["check", path],
            };
            let run = common::tactful(common::root(), &args, None);
            assert!(
                matches!(run.code, 0..=2) && !run.stderr.contains("panicked"),
                "{name}/{}: exit {}\n{}",
                input.display(),
                run.code,
                run.stderr
            );
            if name == "mail" {
                let rules =
                    RuleSet::build(builtin::packs().unwrap(), &Overrides::default()).unwrap();
                let bytes = std::fs::read(&input).unwrap();
                if let Ok(draft) = Draft::parse("m.eml", bytes, Format::Mail) {
                    let findings = lint(&draft, &rules, &Context::default());
                    let shown = draft.into_shown_source();
                    for f in &findings {
                        assert!(
                            shown.is_char_boundary(f.span.start)
                                && shown.is_char_boundary(f.span.end),
                            "{}: {} at {:?} cuts a character",
                            input.display(),
                            f.rule,
                            f.span
                        );
                    }
                }
            }
            seen += 1;
        }
    }
    assert!(seen >= 2, "{seen} regressions");
}
