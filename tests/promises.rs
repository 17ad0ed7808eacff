//! Promises in quoted threads (`fixtures/promises`): labelled reply drafts written apart
//! from the code, each with the date its quoted message promised a reply by, `none`, or
//! `undated`. `dev`, `dev2`, `dev3`, `dev4`, `dev5`, `dev6` and `dev7` are the sets the patterns were written against (each
//! after its first-sight run); `test` is held out and never tuned on. Each set must keep
//! the recall and precision it was measured at, and must not invent dates for messages
//! that promise none. Printed per date form.

#![allow(clippy::print_stderr)]

use std::collections::BTreeMap;

use tactful::calendar::Calendar;
use tactful::input::{Draft, Format};
use tactful::rules::{timing, Context};

struct Score {
    dated: usize,
    right: usize,
    wrong: usize,
    undatable: usize,
    invented: usize,
}

fn score(set: &str) -> Score {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/promises")
        .join(set);
    let labels = std::fs::read_to_string(dir.join("labels.tsv")).unwrap();
    let ctx = Context {
        calendar: Calendar::builtin("us").unwrap(),
        ..Context::default()
    };
    let reference = jiff::civil::date(2026, 12, 3);
    let mut s = Score {
        dated: 0,
        right: 0,
        wrong: 0,
        undatable: 0,
        invented: 0,
    };
    let mut forms: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for line in labels.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, want, form) = (cols[0], cols[1].trim(), cols[2]);
        let path = dir.join("cases").join(file);
        let name = path.display().to_string();
        let draft = Draft::parse(
            &name,
            std::fs::read(&path).unwrap(),
            Format::from_path(&name),
        )
        .unwrap_or_else(|e| panic!("{file}: {e}"));
        let at = draft
            .front_matter
            .send_date
            .as_ref()
            .map_or(reference, |f| f.value);
        let got = timing::promised(&draft, &ctx, at)
            .promised
            .map(|p| p.date.to_string());
        match want {
            "none" | "undated" => {
                s.undatable += 1;
                if got.is_some() {
                    s.invented += 1;
                    eprintln!("{set} {file}: invented {got:?}");
                }
            }
            date => {
                s.dated += 1;
                let e = forms.entry(form.to_string()).or_default();
                e.0 += 1;
                if got.as_deref() == Some(date) {
                    s.right += 1;
                    e.1 += 1;
                } else if got.is_some() {
                    s.wrong += 1;
                    eprintln!("{set} {file} [{form}]: got {got:?}, want {date}");
                } else {
                    eprintln!("{set} {file} [{form}]: missed, want {date}");
                }
            }
        }
    }
    for (form, (n, right)) in &forms {
        eprintln!("{set} {form:<14} {right}/{n}");
    }
    eprintln!(
        "{set}: dated right {}/{} (recall {:.2}, precision {:.2}); dates invented for {}/{}",
        s.right,
        s.dated,
        s.right as f64 / s.dated as f64,
        s.right as f64 / (s.right + s.wrong).max(1) as f64,
        s.invented,
        s.undatable
    );
    s
}

/// What a set must keep: at least `dated` and `undatable` cases, recall and precision of
/// at least `recall` and `precision` percent, dates invented for at most `invented`
/// percent of the cases without a datable promise.
struct Level {
    dated: usize,
    undatable: usize,
    recall: usize,
    precision: usize,
    invented: usize,
}

fn holds(set: &str, level: Level) {
    let s = score(set);
    assert!(
        s.dated >= level.dated && s.undatable >= level.undatable,
        "{set}: too few cases"
    );
    assert!(
        s.right * 100 >= s.dated * level.recall,
        "{set}: recall below 0.{}",
        level.recall
    );
    assert!(
        s.right * 100 >= (s.right + s.wrong) * level.precision,
        "{set}: precision below 0.{}",
        level.precision
    );
    assert!(
        s.invented * 100 <= s.undatable * level.invented,
        "{set}: dates invented for more than {}%",
        level.invented
    );
}

#[test]
fn the_dev_sets_are_dated_as_labelled() {
    let level = |dated, undatable, recall, precision, invented| Level {
        dated,
        undatable,
        recall,
        precision,
        invented,
    };
    holds("dev", level(81, 51, 95, 95, 4));
    holds("dev2", level(81, 51, 95, 95, 4));
    // The messiest writer's set (chat exports, typos, portals) is held to what it reaches.
    holds("dev3", level(61, 41, 88, 90, 7));
    // A fifth writer's (half without a promise).
    holds("dev4", level(50, 50, 90, 90, 12));
    // A sixth's (foreign clients, holidays, quarters, counts from another time, notes
    // between colleagues).
    holds("dev5", level(55, 45, 96, 98, 5));
    // A seventh's (transcripts, lower bounds, promises taken back, counts from events no
    // date gives).
    holds("dev6", level(55, 45, 98, 98, 3));
    // An eighth's (Englishes of other countries, ordinals in words, field-style lines,
    // promises to others).
    holds("dev7", level(55, 45, 94, 98, 5));
    // A ninth's (timelines in lists, passive and indirect promises, footers and
    // disclaimers, mutt and localized clients, reasons given with "because").
    holds("dev8", level(55, 45, 98, 98, 3));
    // A tenth's (Slack and SMS exports, Lotus Notes headers, corrections, start dates),
    // held to what it reaches after one round.
    holds("dev9", level(56, 44, 85, 90, 5));
}

#[test]
fn the_held_out_set_keeps_its_measured_level() {
    holds(
        "test",
        Level {
            dated: 81,
            undatable: 51,
            recall: 86,
            precision: 95,
            invented: 4,
        },
    );
}
