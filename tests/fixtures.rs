//! Snapshot tests: every draft in `fixtures/cases` is linted (with the arguments in its
//! `.args` file, `--format short` by default) and its output and exit code compared with
//! its `.expected` file. `TACTFUL_BLESS=1 cargo test` rewrites the snapshots; review them.

mod common;

use std::fs;

#[test]
fn fixture_snapshots_match() {
    let dir = common::root().join("fixtures/cases");
    let bless = std::env::var_os("TACTFUL_BLESS").is_some();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".md") || n.ends_with(".eml"))
        .collect();
    names.sort();
    assert!(names.len() >= 25, "fixture cases are missing");
    let mut failures = Vec::new();
    for name in &names {
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
        let args_file = dir.join(format!("{stem}.args"));
        let extra = fs::read_to_string(&args_file).unwrap_or_else(|_| "--format short".into());
        let mut args: Vec<&str> = vec!["check"];
        args.extend(extra.split_whitespace());
        args.push(name);
        let run = common::tactful(&dir, &args, None);
        let actual = format!("{}exit: {}\n", run.stdout, run.code);
        let expected_file = dir.join(format!("{stem}.expected"));
        if bless {
            fs::write(&expected_file, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_file).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "--- {name}\nexpected:\n{expected}\nactual:\n{actual}\nstderr:\n{}",
                run.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
