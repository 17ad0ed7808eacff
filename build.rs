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

#[path = "src/input/greeting.rs"]
mod greeting;

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

/// A phrase whose sparse DFA is larger than this many bytes ships its dense DFA instead.
const DENSE_ABOVE: usize = 8 * 1024;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/rules/phrase.rs");
    println!("cargo:rerun-if-changed=src/input/greeting.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");
    write_greeting(&out, big_endian);
    write_calendars(&out);
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
        let Ok(dense) = phrase::build_dense(&compiled.regex, true) else {
            continue;
        };
        let Ok(sparse) = dense.to_sparse() else {
            continue;
        };
        let mut bytes = if big_endian {
            sparse.to_bytes_big_endian()
        } else {
            sparse.to_bytes_little_endian()
        };
        // Loading a sparse DFA costs more per byte than loading a dense one, whose checks
        // are linear: the few large DFAs (of phrases with gaps, mostly) ship dense.
        let kind = if bytes.len() > DENSE_ABOVE {
            let (padded, pad) = if big_endian {
                dense.to_bytes_big_endian()
            } else {
                dense.to_bytes_little_endian()
            };
            bytes = padded[pad..].to_vec();
            "Dense"
        } else {
            "Sparse"
        };
        let file = dir.join(format!("{i}.dfa"));
        std::fs::write(&file, bytes).expect("OUT_DIR is writable");
        let first = phrase::first_bytes(&sparse);
        let dfa = match kind {
            "Dense" => format!(
                "Shipped::Dense(&Aligned {{ _align: [], bytes: *include_bytes!({:?}) }}.bytes)",
                file.display().to_string()
            ),
            _ => format!(
                "Shipped::Sparse(include_bytes!({:?}))",
                file.display().to_string()
            ),
        };
        writeln!(
            code,
            "    Entry {{ text: {text:?}, anchors: &{:?}, others: &[{}], spaces: {}, lead: {}, first: {:?}, dfa: {dfa} }},",
            compiled.anchors,
            compiled
                .others
                .iter()
                .map(|set| format!("&{set:?}"))
                .collect::<Vec<_>>()
                .join(", "),
            compiled.spaces,
            compiled.lead,
            first,
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");
    std::fs::write(Path::new(&out).join("phrases.rs"), code).expect("OUT_DIR is writable");
}

/// The greeting pattern's dense DFA, in `OUT_DIR/greeting.dfa` (empty if it does not
/// build, and then the run compiles it).
fn write_greeting(out: &str, big_endian: bool) {
    let bytes = phrase::build_dense(greeting::PATTERN, true).map_or_else(
        |_| Vec::new(),
        |dfa| {
            let (padded, pad) = if big_endian {
                dfa.to_bytes_big_endian()
            } else {
                dfa.to_bytes_little_endian()
            };
            padded[pad..].to_vec()
        },
    );
    std::fs::write(Path::new(out).join("greeting.dfa"), bytes).expect("OUT_DIR is writable");
}

/// Each built-in calendar as JSON, in `OUT_DIR/calendars/CODE.json`, as for the packs.
fn write_calendars(out: &str) {
    println!("cargo:rerun-if-changed=rules/calendars");
    let dir = Path::new(out).join("calendars");
    std::fs::create_dir_all(&dir).expect("OUT_DIR is writable");
    for entry in std::fs::read_dir("rules/calendars").expect("rules/calendars is readable") {
        let path = entry.expect("rules/calendars is readable").path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let yaml = std::fs::read_to_string(&path).expect("calendar is readable");
        let json = serde_saphyr::from_str::<serde_json::Value>(&yaml)
            .map_or_else(|_| String::new(), |v| v.to_string());
        let name = path.file_stem().expect("a calendar file has a name");
        std::fs::write(dir.join(name).with_extension("json"), json).expect("OUT_DIR is writable");
    }
}
