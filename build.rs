//! Compiles the phrases of the built-in packs (`rules/*.yaml`) ahead of time, with the
//! phrase engine a run uses (`tactful_phrase`), so that a run loads them instead of
//! compiling them: for each phrase, its anchors and its DFA, written to `OUT_DIR` and
//! included by `src/rules/precompiled.rs`. A phrase that does not compile here is left
//! out, and the run compiles it (and reports its error) as it would a user's phrase. Each
//! pack and each holiday calendar is also written as JSON (`OUT_DIR/packs/NAME.json`,
//! `OUT_DIR/calendars/CODE.json`), which a run reads instead of the YAML, with a lean form
//! of each pack (`NAME.lean.json`: without phrases, antipatterns and examples) and, in
//! `phrases.rs`, each rule's phrases and antipatterns with their entries, so that a check
//! parses neither the phrases nor the examples; and the greeting
//! pattern as a DFA (`OUT_DIR/greeting.dfa`). Each learned (`classify`) rule's model is
//! trained from its labelled sentences and written as the bytes a run reads in place
//! (`OUT_DIR/models/`, listed in `OUT_DIR/models.rs`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use regex_automata::dfa::dense;

/// What this script reads of a pack: its phrases and antipatterns, and what its learned
/// rules learn from.
#[derive(serde::Deserialize)]
struct Pack {
    #[serde(default)]
    pack: String,
    #[serde(default)]
    vocab: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    rules: Vec<Rule>,
}

#[derive(serde::Deserialize)]
struct Rule {
    #[serde(default)]
    id: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    learn: Option<Learn>,
    #[serde(default)]
    context: Option<String>,
}

#[derive(serde::Deserialize)]
struct Learn {
    #[serde(default)]
    files: Vec<String>,
    #[serde(default)]
    unlike: Vec<String>,
    #[serde(default)]
    flag: Vec<String>,
    #[serde(default)]
    pass: Vec<String>,
}

/// A phrase whose sparse DFA is larger than this many bytes ships its dense DFA instead.
const DENSE_ABOVE: usize = 8 * 1024;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=crates/learn/src");
    println!("cargo:rerun-if-changed=crates/phrase/src");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");
    write_greeting(&out, big_endian);
    write_as_json("rules/calendars", &out, "calendars");
    let mut texts = BTreeMap::new();
    // Each built-in phrase as written, with its pack's name, and its expanded text.
    let mut raw: BTreeMap<(String, String), String> = BTreeMap::new();
    // Each built-in rule's phrases and antipatterns as written, by rule id.
    let mut per_rule: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    let mut models = String::from("static MODELS: &[(&str, &[u8])] = &[\n");
    let model_dir = Path::new(&out).join("models");
    std::fs::create_dir_all(&model_dir).expect("OUT_DIR is writable");
    let packs: Vec<Pack> = write_as_json("rules", &out, "packs")
        .into_iter()
        .filter_map(|value| serde_json::from_value::<Pack>(value).ok())
        .collect();
    // The files of one pack (`pack: blame` in rules/blame.yaml and in each family file of
    // rules/blame/) share its word classes, as a run merges them.
    let mut vocab: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for pack in &packs {
        let classes = vocab.entry(pack.pack.clone()).or_default();
        for (name, words) in &pack.vocab {
            classes
                .entry(name.clone())
                .or_default()
                .extend(words.iter().cloned());
        }
    }
    for mut pack in packs {
        pack.vocab = vocab[&pack.pack].clone();
        for rule in &pack.rules {
            if let Some(learn) = &rule.learn {
                let file = model_dir.join(format!("{}.bin", rule.id.replace('/', "--")));
                std::fs::write(&file, train_model(&pack, rule, learn))
                    .expect("OUT_DIR is writable");
                writeln!(
                    models,
                    "    ({:?}, include_bytes!({:?})),",
                    rule.id,
                    file.display().to_string()
                )
                .expect("writing to a String");
            }
        }
        for rule in pack.rules {
            per_rule.insert(rule.id.clone(), (rule.phrases.clone(), rule.unless.clone()));
            for text in rule.phrases.into_iter().chain(rule.unless) {
                // As a run expands it: the table is looked up by the expanded text.
                if let Ok(expanded) = tactful_phrase::expand_vocab(&text, &pack.vocab) {
                    let expanded = expanded.into_owned();
                    texts.entry(expanded.clone()).or_insert(());
                    raw.insert((pack.pack.clone(), text), expanded);
                }
            }
        }
    }
    let dir = Path::new(&out).join("phrases");
    std::fs::create_dir_all(&dir).expect("OUT_DIR is writable");
    // Each phrase that compiles, with its DFA's source and the bytes a match starts with.
    let mut built = Vec::new();
    for (i, text) in texts.keys().enumerate() {
        let Ok(compiled) = tactful_phrase::compile(text) else {
            continue;
        };
        let Ok(dense) = tactful_phrase::build_dense(&compiled.regex, true) else {
            continue;
        };
        let Ok(sparse) = dense.to_sparse() else {
            continue;
        };
        let file = dir.join(format!("{i}.dfa"));
        let path = file.display().to_string();
        let sparse_bytes = if big_endian {
            sparse.to_bytes_big_endian()
        } else {
            sparse.to_bytes_little_endian()
        };
        // Loading a sparse DFA costs more per byte than loading a dense one, whose checks
        // are linear: the few large DFAs (of phrases with gaps, mostly) ship dense.
        let (bytes, dfa) = if sparse_bytes.len() > DENSE_ABOVE {
            (
                dense_bytes(&dense, big_endian),
                format!("Shipped::Dense(&Aligned {{ _align: [], bytes: *include_bytes!({path:?}) }}.bytes)"),
            )
        } else {
            (
                sparse_bytes,
                format!("Shipped::Sparse(include_bytes!({path:?}))"),
            )
        };
        std::fs::write(&file, bytes).expect("OUT_DIR is writable");
        let first = tactful_phrase::first_bytes(&sparse);
        built.push((text.as_str(), compiled, dfa, first));
    }
    // Every literal of every phrase, numbered in byte order: the FST a run walks at each
    // piece start of a draft maps each to its number, and each phrase's sets of literals
    // are lists of numbers in one flat array (no pointer for the loader to relocate).
    let literals: std::collections::BTreeSet<&str> = built
        .iter()
        .flat_map(|(_, c, _, _)| c.anchors.iter().chain(c.others.iter().flatten()))
        .map(String::as_str)
        .collect();
    let number: BTreeMap<&str, usize> = literals.iter().enumerate().map(|(i, l)| (*l, i)).collect();
    let mut fst = fst::MapBuilder::memory();
    for (l, i) in &number {
        fst.insert(l, *i as u64)
            .expect("literals are inserted in order, once each");
    }
    let fst_file = Path::new(&out).join("literals.fst");
    std::fs::write(&fst_file, fst.into_inner().expect("an FST in memory"))
        .expect("OUT_DIR is writable");
    let mut ids: Vec<usize> = Vec::new();
    let mut set_ends: Vec<usize> = Vec::new();
    let mut add_set = |set: &[String]| {
        ids.extend(set.iter().map(|l| number[l.as_str()]));
        set_ends.push(ids.len());
        set_ends.len() - 1
    };
    let mut code = String::from("static ENTRIES: &[Entry] = &[\n");
    let mut position = BTreeMap::new();
    for (text, compiled, dfa, first) in &built {
        position.insert(*text, position.len());
        let anchors = add_set(&compiled.anchors);
        let others_from = anchors + 1;
        for set in &compiled.others {
            add_set(set);
        }
        let others_to = others_from + compiled.others.len();
        writeln!(
            code,
            "    Entry {{ text: {text:?}, anchors: {anchors}, others: {others_from}..{others_to}, spaces: {}, lead: {}, first: {first:?}, dfa: {dfa} }},",
            compiled.spaces,
            compiled.lead,
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");
    let list = |v: &[usize]| {
        v.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(code, "static LITERAL_IDS: &[u16] = &[{}];", list(&ids)).expect("writing to a String");
    writeln!(code, "static SET_ENDS: &[u32] = &[{}];", list(&set_ends))
        .expect("writing to a String");
    writeln!(
        code,
        "static LITERALS: &[u8] = include_bytes!({:?});",
        fst_file.display().to_string()
    )
    .expect("writing to a String");
    assert!(
        literals.len() <= usize::from(u16::MAX),
        "literal numbers fit in a u16"
    );
    // Each rule's phrases and antipatterns as written, with their entries (`u32::MAX` for
    // one that did not compile here), so a run reads them from the binary, not the JSON.
    code.push_str("static RULES: &[ShippedRule] = &[\n");
    let entry_of = |pack: &str, text: &String| {
        raw.get(&(pack.to_string(), text.clone()))
            .and_then(|e| position.get(e.as_str()))
            .map_or(u32::MAX, |&at| at as u32)
    };
    for (id, (phrases, unless)) in &per_rule {
        let pack = id.split('/').next().unwrap_or_default();
        let list = |texts: &[String]| {
            texts
                .iter()
                .map(|t| format!("({t:?}, {})", entry_of(pack, t)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(
            code,
            "    ShippedRule {{ id: {id:?}, phrases: &[{}], unless: &[{}] }},",
            list(phrases),
            list(unless)
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");
    std::fs::write(Path::new(&out).join("phrases.rs"), code).expect("OUT_DIR is writable");
    models.push_str("];\n");
    std::fs::write(Path::new(&out).join("models.rs"), models).expect("OUT_DIR is writable");
}

/// Trains a built-in learned rule's model from its labelled sentences (files relative to
/// `rules/`), with the code a run uses to train a user's. Bad data stops the build, naming
/// the file and line.
fn train_model(pack: &Pack, rule: &Rule, learn: &Learn) -> Vec<u8> {
    let read = |list: &[String]| -> Vec<(String, String)> {
        list.iter()
            .map(|f| {
                let path = Path::new("rules").join(f);
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e} (named by `{}`)", path.display(), rule.id));
                (path.display().to_string(), text)
            })
            .collect()
    };
    let (files, unlike) = (read(&learn.files), read(&learn.unlike));
    let positive = [rule.category.as_str(), "flag"];
    let examples = tactful_learn::gather(&files, &unlike, &learn.flag, &learn.pass, &positive)
        .unwrap_or_else(|(i, e)| {
            let name = files
                .iter()
                .chain(&unlike)
                .nth(i)
                .map_or("", |f| f.0.as_str());
            panic!("{name}:{}:{}: {}", e.line, e.column, e.message)
        });
    let vocab = tactful_learn::Vocab::for_rule(&pack.vocab, rule.context.as_deref());
    tactful_learn::train(&examples, &vocab, &tactful_learn::TrainOptions::default())
        .bytes()
        .to_vec()
}

/// The greeting pattern's dense DFA, in `OUT_DIR/greeting.dfa` (empty if it does not
/// build, and then the run compiles it).
fn write_greeting(out: &str, big_endian: bool) {
    let bytes = tactful_phrase::build_dense(tactful_phrase::greeting::PATTERN, true)
        .map_or_else(|_| Vec::new(), |dfa| dense_bytes(&dfa, big_endian));
    std::fs::write(Path::new(out).join("greeting.dfa"), bytes).expect("OUT_DIR is writable");
}

/// A dense DFA serialized in the target's byte order, without the padding that aligns it
/// within the returned buffer (the binary aligns it instead).
fn dense_bytes(dfa: &dense::DFA<Vec<u32>>, big_endian: bool) -> Vec<u8> {
    let (padded, pad) = if big_endian {
        dfa.to_bytes_big_endian()
    } else {
        dfa.to_bytes_little_endian()
    };
    padded[pad..].to_vec()
}

/// A pack without what a run reads elsewhere or only on demand: its rules' phrases and
/// antipatterns (in `phrases.rs`) and their examples (read with the whole pack by the
/// commands that show or test them).
fn lean(mut pack: serde_json::Value) -> serde_json::Value {
    if let Some(rules) = pack.get_mut("rules").and_then(|r| r.as_array_mut()) {
        for rule in rules.iter_mut().filter_map(|r| r.as_object_mut()) {
            for key in ["phrases", "unless", "examples"] {
                rule.remove(key);
            }
        }
    }
    pack
}

/// Writes each YAML document in `from` as JSON to `OUT_DIR/to/NAME.json`, which a run
/// reads many times faster than YAML, and returns the documents. A document that does not
/// parse gets an empty file; the run reports its error, with its line and column.
fn write_as_json(from: &str, out: &str, to: &str) -> Vec<serde_json::Value> {
    let dir = Path::new(out).join(to);
    std::fs::create_dir_all(&dir).expect("OUT_DIR is writable");
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for path in std::fs::read_dir(from)
        .unwrap_or_else(|e| panic!("{from}/ is readable: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
    {
        if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        } else if path.is_dir()
            && path
                .file_name()
                .is_some_and(|n| n != "calendars" && n != "learn")
        {
            folders.push(path);
        }
    }
    files.sort();
    folders.sort();
    let mut values = Vec::new();
    for file in files {
        let yaml = std::fs::read_to_string(&file).expect("YAML file is readable");
        let value = serde_saphyr::from_str::<serde_json::Value>(&yaml).ok();
        let json = value.as_ref().map_or_else(String::new, ToString::to_string);
        let name = file.file_stem().expect("a YAML file has a name");
        std::fs::write(dir.join(name).with_extension("json"), json).expect("OUT_DIR is writable");
        if to != "calendars" {
            let lean = value
                .clone()
                .map_or_else(String::new, |v| lean(v).to_string());
            std::fs::write(dir.join(name).with_extension("lean.json"), lean)
                .expect("OUT_DIR is writable");
        }
        values.extend(value);
    }
    // A folder of the rules holds the family files of a pack (rules/blame/*.yaml).
    for folder in folders {
        let name = folder
            .file_name()
            .expect("a folder has a name")
            .to_string_lossy()
            .to_string();
        values.extend(write_as_json(
            &folder.display().to_string(),
            &dir.display().to_string(),
            &name,
        ));
    }
    values
}
