//! Precision and recall on a labelled set of follow-up drafts (`fixtures/eval`).
//!
//! `labels.tsv` says, for each draft, whether its opening carries a pleasantry (before
//! any ask), whether it restates interest in the role (`na` for networking drafts, which
//! need not), and which words in it blame or shame the reader. The drafts are linted as
//! a user would lint them (the binary, `--format json`), and for each of the three
//! categories the test measures precision and recall against the labels:
//!
//! - blame, per span: a blame finding is right when it lies on labelled offending words
//!   (overlapping them, and reaching no more than a few words past them); a labelled
//!   phrase is found when a right finding covers it;
//! - blame, per labelled phrase: the share of labelled phrases that any blame finding
//!   overlaps (one long finding may cover several phrases of a sentence);
//! - pleasantry and interest, per draft, in both directions: the rule's finding is the
//!   prediction that the draft lacks it, its absence the prediction that the draft has it.
//!
//! Every score must be at least 0.9. Run with `--nocapture` to see the table and every
//! miss; set `TACTFUL_EVAL_DIR` to measure another folder laid out the same way.

#![allow(clippy::print_stderr)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;

use regex::Regex;
use serde_json::Value;

/// How far (in bytes) a blame span may reach past the labelled words and still be "on"
/// them: a word or two of context, never a whole sentence.
const SPAN_SLACK: usize = 24;
const TARGET: f64 = 0.9;

struct Label {
    /// The draft as read.
    text: String,
    pleasantry: bool,
    /// `None` when the draft need not restate interest.
    interest: Option<bool>,
    blame: Vec<Range<usize>>,
}

/// Where `fragment` sits in `text`, any run of whitespace matching any other.
fn locate(text: &str, fragment: &str) -> Option<Range<usize>> {
    let words: Vec<String> = fragment.split_whitespace().map(regex::escape).collect();
    let re = Regex::new(&words.join(r"\s+")).ok()?;
    re.find(text).map(|m| m.range())
}

fn labels(dir: &std::path::Path) -> BTreeMap<String, Label> {
    let tsv = fs::read_to_string(dir.join("labels.tsv")).expect("labels.tsv is readable");
    let mut out = BTreeMap::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "labels.tsv: four columns in {line:?}");
        let text =
            fs::read_to_string(dir.join(cols[0])).unwrap_or_else(|e| panic!("{}: {e}", cols[0]));
        let yes = |v: &str| match v {
            "y" => true,
            "n" => false,
            _ => panic!("labels.tsv: y or n expected, got {v:?} in {line:?}"),
        };
        let blame = if cols[3] == "-" {
            Vec::new()
        } else {
            cols[3]
                .split(" | ")
                .map(|f| {
                    let f = f.replace("\\n", "\n");
                    locate(&text, &f)
                        .unwrap_or_else(|| panic!("{}: {f:?} is not in the draft", cols[0]))
                })
                .collect()
        };
        out.insert(
            cols[0].to_string(),
            Label {
                text,
                pleasantry: yes(cols[1]),
                interest: (cols[2] != "na").then(|| yes(cols[2])),
                blame,
            },
        );
    }
    out
}

#[derive(Default)]
struct Score {
    name: &'static str,
    true_pos: usize,
    false_pos: usize,
    false_neg: usize,
    misses: Vec<String>,
}

impl Score {
    fn new(name: &'static str) -> Self {
        Score {
            name,
            ..Score::default()
        }
    }
    /// Scores one prediction about `file`; `truth` and `predicted` say "positive".
    fn add(&mut self, file: &str, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.true_pos += 1,
            (false, true) => {
                self.false_pos += 1;
                self.misses.push(format!("{file}: false alarm"));
            }
            (true, false) => {
                self.false_neg += 1;
                self.misses.push(format!("{file}: missed"));
            }
            (false, false) => {}
        }
    }
    fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }
    fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

#[test]
fn blame_pleasantry_and_interest_are_found_with_precision_and_recall_of_at_least_0_9() {
    // Another labelled set (same layout) can be measured with TACTFUL_EVAL_DIR.
    let (dir, min) = match std::env::var_os("TACTFUL_EVAL_DIR") {
        Some(d) => (std::path::PathBuf::from(d), 1),
        None => (common::root().join("fixtures/eval"), 100),
    };
    let labels = labels(&dir);
    assert!(labels.len() >= min, "the labelled set is too small");
    let run = common::tactful(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--send-date",
            "2026-12-02",
            ".",
        ],
        None,
    );
    assert!(run.code <= 1, "exit {}: {}", run.code, run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON output");
    let files = json["files"].as_array().expect("files");
    assert_eq!(files.len(), labels.len(), "every labelled draft is linted");

    let mut blame_precision = Score::new("blame spans, precision");
    let mut blame_recall = Score::new("blame spans, recall");
    let mut blame_phrases = Score::new("blame phrases overlapped");
    let mut blame_drafts = Score::new("blame drafts");
    let mut has_pleasantry = Score::new("pleasantry present");
    let mut lacks_pleasantry = Score::new("pleasantry missing");
    let mut has_interest = Score::new("interest present");
    let mut lacks_interest = Score::new("interest missing");

    for file in files {
        let path = file["path"].as_str().expect("path");
        let name = path.trim_start_matches("./");
        let label = labels
            .get(name)
            .unwrap_or_else(|| panic!("{name} has no label"));
        let findings = file["findings"].as_array().expect("findings");
        let of = |category: &'static str| {
            findings
                .iter()
                .filter(move |f| f["category"] == category)
                .map(|f| {
                    let span = &f["span"];
                    let start = span["start"].as_u64().expect("start") as usize;
                    let end = span["end"].as_u64().expect("end") as usize;
                    (start..end, f["text"].as_str().unwrap_or("").to_string())
                })
        };

        let blame: Vec<_> = of("blame").collect();
        let on = |span: &Range<usize>, words: &Range<usize>| {
            span.start < words.end
                && words.start < span.end
                && span.start + SPAN_SLACK >= words.start
                && span.end <= words.end + SPAN_SLACK
        };
        for (span, text) in &blame {
            if label.blame.iter().any(|w| on(span, w)) {
                blame_precision.true_pos += 1;
            } else {
                blame_precision.false_pos += 1;
                blame_precision
                    .misses
                    .push(format!("{name}: false alarm on {text:?}"));
            }
        }
        for words in &label.blame {
            let overlapped = blame
                .iter()
                .any(|(span, _)| span.start < words.end && words.start < span.end);
            blame_phrases.add(name, true, overlapped);
            if blame.iter().any(|(span, _)| on(span, words)) {
                blame_recall.true_pos += 1;
            } else {
                blame_recall.false_neg += 1;
                let found: Vec<&str> = blame.iter().map(|(_, t)| t.as_str()).collect();
                blame_recall.misses.push(format!(
                    "{name}: missed {:?} (blame found: {found:?})",
                    &label.text[words.clone()]
                ));
            }
        }
        blame_drafts.add(name, !label.blame.is_empty(), !blame.is_empty());

        let pleasantry_flagged = of("pleasantry").next().is_some();
        has_pleasantry.add(name, label.pleasantry, !pleasantry_flagged);
        lacks_pleasantry.add(name, !label.pleasantry, pleasantry_flagged);

        if let Some(interest) = label.interest {
            let flagged = of("interest").next().is_some();
            has_interest.add(name, interest, !flagged);
            lacks_interest.add(name, !interest, flagged);
        }
    }

    let scores = [
        &blame_precision,
        &blame_recall,
        &blame_phrases,
        &blame_drafts,
        &has_pleasantry,
        &lacks_pleasantry,
        &has_interest,
        &lacks_interest,
    ];
    let mut failed = Vec::new();
    eprintln!("{} labelled drafts", labels.len());
    for s in scores {
        let (p, r) = (s.precision(), s.recall());
        eprintln!(
            "{:<24} precision {p:.3}  recall {r:.3}  (tp {}, fp {}, fn {})",
            s.name, s.true_pos, s.false_pos, s.false_neg
        );
        for m in &s.misses {
            eprintln!("    {m}");
        }
        if p < TARGET || r < TARGET {
            failed.push(s.name);
        }
    }
    assert!(failed.is_empty(), "below {TARGET}: {failed:?}");
}
