//! Snapshot tests, with trycmd: every draft in `fixtures/cases` has a `.toml` naming the
//! command (`tactful check` with its flags, run in that folder) and its exit status, and
//! the `.stdout` and `.stderr` it must print: the findings with their spans underlined.
//! `TRYCMD=overwrite cargo test --test fixtures` rewrites the snapshots; review them.

mod common;

#[test]
fn fixture_cases() {
    let dir = common::root().join("fixtures/cases");
    let drafts: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".md") || n.ends_with(".eml"))
        .collect();
    assert!(drafts.len() >= 25, "fixture cases are missing");
    for d in &drafts {
        let stem = d.rsplit_once('.').map_or(d.as_str(), |(s, _)| s);
        for ext in ["toml", "stdout", "stderr"] {
            assert!(
                dir.join(format!("{stem}.{ext}")).is_file(),
                "{d} has no {stem}.{ext}"
            );
        }
    }
    trycmd::TestCases::new()
        .register_bin(
            "tactful",
            std::path::Path::new(env!("CARGO_BIN_EXE_tactful")),
        )
        .case(dir.join("*.toml"));
}
