//! The CI formats (sarif, github, rdjsonl, and json and short beside them) rendered from one
//! shared set of sample findings and compared with snapshots in `fixtures/formats`
//! (`TACTFUL_BLESS=1` rewrites them). The samples cover what formats get wrong: a span over
//! two lines, non-ASCII text before a span, `%`, `:`, `,` and line breaks in messages and
//! paths, every severity, a finding at the end of a file. SARIF is also validated against
//! the OASIS schema in ../shared/schemas.
#![allow(clippy::print_stderr)]

mod common;

use tactful::finding::{Category, Finding, Severity};
use tactful::render::{render, FileReport, Format, RuleDoc, Style};

fn finding(rule: &str, severity: Severity, span: std::ops::Range<usize>, message: &str) -> Finding {
    Finding {
        rule: rule.into(),
        category: Category::Blame,
        severity,
        message: message.into(),
        span,
        help: Some("say it kindly".into()),
        label: None,
        note: None,
        words: None,
        score: None,
        phrase: None,
    }
}

fn samples() -> (Vec<FileReport>, Vec<RuleDoc>) {
    let a = "Hi Zoë,\n\nZoë, I still haven't heard\nback from you. 100% sure?\n";
    let at = |s: &str| a.find(s).unwrap();
    let b = "Dear Ms. Lee,\r\n\r\nPer my last email, see below.";
    let reports = vec![
        FileReport {
            path: "drafts/zoë, re: role.txt".into(),
            source: a.into(),
            send_date: Some("2026-12-01".into()),
            findings: vec![
                finding(
                    "blame/didnt-hear",
                    Severity::Error,
                    at("haven't")..at("back") + 4,
                    "don't point out: 50% of it, you know,\nnew line",
                ),
                finding(
                    "opening/missing-pleasantry",
                    Severity::Warning,
                    at("I still")..at("I still") + 21,
                    "open with a pleasantry",
                ),
            ],
        },
        FileReport {
            path: "b.md".into(),
            source: b.into(),
            send_date: None,
            findings: vec![
                finding(
                    "blame/per-my-last-email",
                    Severity::Error,
                    17..34,
                    "per my last email",
                ),
                finding(
                    "channel/prefers-other",
                    Severity::Note,
                    b.len()..b.len(),
                    "they prefer phone calls",
                ),
            ],
        },
        FileReport {
            path: "clean.txt".into(),
            source: "Hi\n".into(),
            send_date: None,
            findings: vec![],
        },
    ];
    let docs = [
        "blame/didnt-hear",
        "opening/missing-pleasantry",
        "blame/per-my-last-email",
        "channel/prefers-other",
    ]
    .iter()
    .map(|id| RuleDoc {
        id: id.to_string(),
        description: format!("what {id} finds"),
        why: format!("why {id} matters"),
        help: Some("say it kindly".into()),
    })
    .collect();
    (reports, docs)
}

fn rendered(format: Format) -> String {
    let (reports, docs) = samples();
    let mut out = Vec::new();
    let style = Style {
        color: false,
        quiet: false,
    };
    render(format, &reports, &docs, style, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    if format == Format::Sarif {
        // The source root is the directory the run started in; keep the snapshot portable.
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///SRCROOT/".into();
        return serde_json::to_string_pretty(&doc).unwrap() + "\n";
    }
    text
}

#[test]
fn formats_match_their_snapshots() {
    let dir = common::root().join("fixtures/formats");
    let bless = std::env::var_os("TACTFUL_BLESS").is_some();
    let mut failures = Vec::new();
    for (format, file) in [
        (Format::Sarif, "sarif.json"),
        (Format::Github, "github.txt"),
        (Format::Rdjsonl, "rdjsonl.jsonl"),
        (Format::Json, "json.json"),
        (Format::Short, "short.txt"),
    ] {
        let actual = rendered(format);
        let path = dir.join(file);
        if bless {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "--- {file}\nexpected:\n{expected}\nactual:\n{actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn github_commands_are_escaped_and_columns_only_on_one_line() {
    let out = rendered(Format::Github);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4);
    // The first finding spans two lines: no columns.
    assert!(
        lines[0].starts_with("::error file=drafts/zoë%2C re%3A role.txt,line=3,endLine=4,title=")
    );
    assert!(!lines[0].contains("col="));
    assert!(lines[0].contains("::don't point out: 50%25 of it, you know,%0Anew line%0Ahelp: "));
    assert!(lines[1].contains("col=6,endColumn=27"), "{}", lines[1]);
    assert!(lines[3].starts_with("::notice "));
}

#[test]
fn rdjsonl_columns_count_bytes() {
    let out = rendered(Format::Rdjsonl);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    // "haven't" follows "Zoë, I still " on line 3: column 15 in bytes (14 in characters).
    assert_eq!(
        first["location"]["range"]["start"],
        serde_json::json!({"line": 3, "column": 15})
    );
    assert_eq!(first["severity"], "ERROR");
}

fn sarif_validator() -> Option<jsonschema::Validator> {
    let path = common::shared("schemas")?.join("sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    Some(jsonschema::validator_for(&schema).unwrap())
}

fn assert_valid(validator: &jsonschema::Validator, doc: &serde_json::Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn sarif_validates_against_the_schema() {
    let Some(validator) = sarif_validator() else {
        return;
    };
    let doc: serde_json::Value = serde_json::from_str(&rendered(Format::Sarif)).unwrap();
    assert_valid(&validator, &doc, "samples");
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    assert_eq!(
        doc["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    // And the real output over every fixture draft.
    let run = common::tactful(
        &common::root().join("fixtures/cases"),
        &["check", "--format", "sarif", "."],
        None,
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_valid(&validator, &doc, "fixtures/cases");
    let uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap();
    assert!(!uri.starts_with("./") && !uri.starts_with('/'), "{uri}");
}
