//! Front matter and the config file: the input read as a Markdown and as a text draft
//! (YAML front matter between `---` lines), each linted with the built-in rules and its
//! suppressions applied; and the same bytes loaded as a `tactful.yaml` config file
//! (`Config::load` only reads from a path, so they are written to a temp file first).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tactful::config::Config;
use tactful::input::{Draft, Format};
use tactful::rules::Context;
use tactful_fuzz::{builtin_rules, lint_like_check};

/// One config file per fuzzing process (in `$TMPDIR/tactful-fuzz/<pid>/`), rewritten for
/// each input.
fn config_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = std::env::temp_dir()
            .join("tactful-fuzz")
            .join(std::process::id().to_string());
        std::fs::create_dir_all(&dir).expect("create the temp folder");
        dir.join("tactful.yaml")
    })
}

fuzz_target!(|data: &[u8]| {
    let rules = builtin_rules();
    for format in [Format::Markdown, Format::Text] {
        let Ok(draft) = Draft::parse("fuzz.md", data.to_vec(), format) else {
            continue;
        };
        let _ = draft.front_matter.clone();
        for templates in [false, true] {
            let ctx = Context {
                templates,
                ..Context::default()
            };
            lint_like_check(draft.clone(), rules, &ctx, data.len());
        }
    }
    let path = config_path();
    std::fs::write(path, data).expect("write the config file");
    if let Ok(config) = Config::load(path) {
        // What a run does next with a config: check the ignore entries' globs.
        for entry in &config.ignore {
            let _ = entry.covers("drafts/a.md", "blame/still-waiting", "still waiting");
        }
        // A calendar code, or a file beside the config (never a path elsewhere on disk).
        if let Some(h) = config
            .holidays
            .as_deref()
            .filter(|h| !h.contains(['/', '\\']))
        {
            let _ = tactful::calendar::Calendar::resolve(h, path.parent());
        }
    }
});
