//! A check reads the built-in packs without their examples, with their phrases from the
//! binary; `explain`, `rules` and the language server read them whole. Both forms must
//! find the same thing in every draft.

use std::path::Path;

use tactful::input::{Draft, Format};
use tactful::lint::lint;
use tactful::rules::{builtin, Context, Overrides, RuleSet};

/// Every file under `dir`, sorted.
fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn lean_and_whole_packs_find_the_same() {
    let whole = RuleSet::build(builtin::packs().unwrap(), &Overrides::default()).unwrap();
    let lean = RuleSet::build(
        builtin::packs_without_examples().unwrap(),
        &Overrides::default(),
    )
    .unwrap();
    let ctx = Context::default();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths = Vec::new();
    files(&root, &mut paths);
    let (mut drafts, mut findings) = (0, 0);
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path.display().to_string();
        let Ok(draft) = Draft::parse(&name, bytes, Format::from_path(&name)) else {
            continue;
        };
        let (a, b) = (lint(&draft, &whole, &ctx), lint(&draft, &lean, &ctx));
        assert_eq!(format!("{a:?}"), format!("{b:?}"), "{name}");
        drafts += 1;
        findings += a.len();
    }
    assert!(
        drafts > 1000 && findings > 1000,
        "{drafts} drafts, {findings} findings"
    );
}
