//! Compiles the phrases of the built-in packs (`rules/*.yaml`) ahead of time, so that a
//! run loads them instead of compiling them: for each phrase, its anchors and its DFA,
//! written to `OUT_DIR` and included by `src/rules/precompiled.rs`. A phrase that does
//! not compile here is left out, and the run compiles it (and reports its error) as it
//! would a user's phrase. Each pack is also written as JSON (`OUT_DIR/packs/NAME.json`),
//! which `src/rules/builtin.rs` reads instead of the YAML.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/rules/phrase.rs"]
#[allow(dead_code)]
mod phrase;

/// What this script reads of a pack: its phrases and antipatterns.
#[derive(serde::Deserialize)]
struct Pack {
    #[serde(default)]
    rules: Vec<Rule>,
}

#[derive(serde::Deserialize)]
struct Rule {
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
}

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/rules/phrase.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");
    let mut texts = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir("rules")
        .expect("rules/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let packs_dir = Path::new(&out).join("packs");
    std::fs::create_dir_all(&packs_dir).expect("OUT_DIR is writable");
    for file in files {
        let yaml = std::fs::read_to_string(&file).expect("pack is readable");
        // The same document as JSON, which a run reads many times faster than YAML.
        // A pack that does not parse is reported by the run, with its line and column.
        let value = serde_saphyr::from_str::<serde_json::Value>(&yaml).ok();
        let json = value.as_ref().map_or_else(String::new, ToString::to_string);
        let name = file.file_stem().expect("a pack file has a name");
        std::fs::write(packs_dir.join(name).with_extension("json"), json)
            .expect("OUT_DIR is writable");
        let Some(Ok(pack)) = value.map(serde_json::from_value::<Pack>) else {
            continue;
        };
        for rule in pack.rules {
            for text in rule.phrases.into_iter().chain(rule.unless) {
                texts.entry(text).or_insert(());
            }
        }
    }
    let dir = Path::new(&out).join("phrases");
    std::fs::create_dir_all(&dir).expect("OUT_DIR is writable");
    let mut code = String::from("static ENTRIES: &[Entry] = &[\n");
    for (i, text) in texts.keys().enumerate() {
        let Ok(compiled) = phrase::compile(text) else {
            continue;
        };
        let Ok(dfa) = phrase::build_dfa(&compiled.regex, true) else {
            continue;
        };
        let bytes = if big_endian {
            dfa.to_bytes_big_endian()
        } else {
            dfa.to_bytes_little_endian()
        };
        let file = dir.join(format!("{i}.dfa"));
        std::fs::write(&file, bytes).expect("OUT_DIR is writable");
        writeln!(
            code,
            "    Entry {{ text: {text:?}, anchors: &{:?}, also: &{:?}, spaces: {}, lead: {}, first: {:?}, dfa: include_bytes!({:?}) }},",
            compiled.anchors,
            compiled.also,
            compiled.spaces,
            compiled.lead,
            phrase::first_bytes(&dfa),
            file.display().to_string()
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");
    std::fs::write(Path::new(&out).join("phrases.rs"), code).expect("OUT_DIR is writable");
}
