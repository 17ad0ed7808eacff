//! Trains a learned rule's model on its training files with chosen options and reports
//! precision and recall on a labelled development file, at several thresholds: the way the
//! built-in models' features and threshold were chosen.
//!
//! cargo run --release --example learn-eval -- PACK.yaml 'TRAIN_GLOB' DEV.tsv [--no-letters]
//!   [--no-skips] [--no-classes] [--no-pairs] [--no-words] [--bits N] [--epochs N]
//!   [--rate R] [--l2 L] [--misses P] [--flag-rate LINES.txt]
//!
//! `--flag-rate` also reports the share of lines of a plain file (one text per line, none
//! of them blaming, say) that would be flagged at each threshold.

use std::collections::BTreeMap;

use tactful_learn::{tokens, train, Example, Model, TrainOptions, Vocab};

/// The highest score of the sentences of `text` that pass the gate (a word of one of its
/// classes), or of all sentences when there is no gate.
fn best(model: &Model, gate: &[u64], text: &str) -> f64 {
    let mut best = 0f64;
    tokens::sentences(text, |r| {
        let mut toks = Vec::new();
        tokens::tokens(text, r.clone(), false, &mut toks);
        if gate.is_empty() || model.has_class(&toks, gate) {
            best = best.max(model.explain_tokens(text, &toks, r).score);
        }
    });
    best
}

#[derive(serde::Deserialize)]
struct PackVocab {
    #[serde(default)]
    vocab: BTreeMap<String, Vec<String>>,
}

/// The labelled sentences of `path`, read as a pack's training files are.
fn read(path: &str) -> Vec<Example> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    tactful_learn::read_tsv(&text, &["blame", "interest", "flag"])
        .unwrap_or_else(|e| panic!("{path}:{}:{}: {}", e.line, e.column, e.message))
}

#[allow(clippy::print_stdout)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (pack, glob, dev) = (&args[0], &args[1], &args[2]);
    let mut opts = TrainOptions::default();
    let mut misses = None;
    let mut flag_rate: Option<String> = None;
    let mut gate: Vec<u64> = Vec::new();
    let mut i = 3;
    while i < args.len() {
        let f = &mut opts.features;
        match args[i].as_str() {
            "--no-letters" => f.letters = false,
            "--no-skips" => f.skips = false,
            "--no-classes" => f.classes = false,
            "--no-pairs" => f.pairs = false,
            "--no-words" => f.words = false,
            "--bits" => {
                i += 1;
                opts.bits = args[i].parse().expect("bits")
            }
            "--epochs" => {
                i += 1;
                opts.epochs = args[i].parse().expect("epochs")
            }
            "--rate" => {
                i += 1;
                opts.rate = args[i].parse().expect("rate")
            }
            "--positive-weight" => {
                i += 1;
                opts.positive_weight = args[i].parse().expect("weight")
            }
            "--l2" => {
                i += 1;
                opts.l2 = args[i].parse().expect("l2")
            }
            "--gate" => {
                i += 1;
                gate = args[i].split(',').map(tactful_learn::class_hash).collect();
            }
            "--flag-rate" => {
                i += 1;
                flag_rate = Some(args[i].clone())
            }
            "--misses" => {
                i += 1;
                misses = Some(args[i].parse::<f64>().expect("threshold"))
            }
            other => panic!("unknown option {other}"),
        }
        i += 1;
    }
    let text = std::fs::read_to_string(pack).expect("pack");
    let v: PackVocab = serde_saphyr::from_str(&text).expect("pack vocab");
    let vocab = Vocab::new(v.vocab.iter().map(|(k, w)| (k.as_str(), &w[..])));
    let mut examples = Vec::new();
    let dir = std::path::Path::new(glob).parent().expect("a folder");
    let pattern = globset::Glob::new(glob).expect("glob").compile_matcher();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| pattern.is_match(p))
        .collect();
    files.sort();
    for f in &files {
        examples.extend(read(&f.display().to_string()));
    }
    let t = std::time::Instant::now();
    let model = train(&examples, &vocab, &opts);
    let took = t.elapsed();
    let dev = read(dev);
    let scores: Vec<f64> = dev.iter().map(|e| best(&model, &gate, &e.text)).collect();
    println!(
        "{} training sentences from {} files, trained in {:.2?}; {:?}",
        examples.len(),
        files.len(),
        took,
        opts
    );
    for th in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95] {
        let tp = dev
            .iter()
            .zip(&scores)
            .filter(|(e, &s)| e.positive && s >= th)
            .count();
        let fp = dev
            .iter()
            .zip(&scores)
            .filter(|(e, &s)| !e.positive && s >= th)
            .count();
        let pos = dev.iter().filter(|e| e.positive).count();
        println!(
            "threshold {th:.2}: precision {:.3} recall {:.3} (found {tp} of {pos}, {fp} false alarms)",
            tp as f64 / (tp + fp).max(1) as f64,
            tp as f64 / pos.max(1) as f64
        );
    }
    if let Some(path) = &flag_rate {
        let text = std::fs::read_to_string(path).expect("flag-rate file");
        let lines: Vec<&str> = text.lines().collect();
        let best: Vec<f64> = lines.iter().map(|l| best(&model, &gate, l)).collect();
        let rates: Vec<String> = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
            .iter()
            .map(|th| {
                let n = best.iter().filter(|&&s| s >= *th).count();
                format!(
                    "{th:.2}: {:.2}%",
                    100.0 * n as f64 / lines.len().max(1) as f64
                )
            })
            .collect();
        println!(
            "flagged of {} lines of {path}: {}",
            lines.len(),
            rates.join(", ")
        );
        if let Ok(n) = std::env::var("SHOW_FLAGGED") {
            let n: usize = n.parse().expect("a number");
            for (l, s) in lines
                .iter()
                .zip(&best)
                .filter(|(_, s)| **s >= 0.8)
                .step_by(7)
                .take(n)
            {
                println!("  {s:.2} {l}");
            }
        }
    }
    if let Some(th) = misses {
        for (e, s) in dev.iter().zip(&scores) {
            if e.positive != (*s >= th) {
                let what = if e.positive { "MISS " } else { "FALSE" };
                println!("{what} {s:.2} {}", e.text);
            }
        }
    }
}
