//! Helpers shared by the fuzz targets: the built-in rules (compiled once per process), the
//! checks every finding must pass, and a lint run the way `tactful check` does one.

use std::sync::OnceLock;

use tactful::finding::Finding;
use tactful::input::Draft;
use tactful::lint::lint;
use tactful::render::{self, FileReport, RuleDoc, Style};
use tactful::rules::{builtin, Context, Overrides, Pack, RuleSet};

/// The built-in packs, read once (each input gets a clone).
pub fn builtin_packs() -> Vec<Pack> {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS
        .get_or_init(|| builtin::packs().expect("the built-in packs load"))
        .clone()
}

/// The built-in rules, compiled once per process.
pub fn builtin_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        RuleSet::build(builtin_packs(), &Overrides::default()).expect("the built-in rules build")
    })
}

/// The rule docs of the built-in rules (for SARIF).
pub fn builtin_docs() -> &'static [RuleDoc] {
    static DOCS: OnceLock<Vec<RuleDoc>> = OnceLock::new();
    DOCS.get_or_init(|| tactful::app::rule_docs(builtin_rules()))
}

/// Panics unless every finding's span lies inside the input (`input_len` bytes) and on
/// char boundaries of `shown`, the text the renderers show the span in.
pub fn check_spans(findings: &[Finding], input_len: usize, shown: &str) {
    for f in findings {
        let s = &f.span;
        assert!(
            s.start <= s.end,
            "finding {} has a reversed span {s:?}",
            f.rule
        );
        assert!(
            s.end <= input_len,
            "finding {} span {s:?} ends past the input ({input_len} bytes)",
            f.rule
        );
        assert!(
            s.end <= shown.len(),
            "finding {} span {s:?} ends past the shown text ({} bytes)",
            f.rule,
            shown.len()
        );
        assert!(
            shown.is_char_boundary(s.start) && shown.is_char_boundary(s.end),
            "finding {} span {s:?} is not on char boundaries of the shown text",
            f.rule
        );
    }
}

/// What `tactful check` does with one draft after reading it: template mode if asked,
/// lint, the draft's own suppressions applied. Returns the report as the renderers get it.
pub fn lint_like_check(
    mut draft: Draft,
    rules: &RuleSet,
    ctx: &Context,
    input_len: usize,
) -> FileReport {
    if ctx.templates {
        draft.treat_as_template();
    }
    let findings = lint(&draft, rules, ctx);
    let mut directives = tactful::suppress::directives(&draft);
    let send_date = ctx.send_date(&draft).map(|d| d.to_string());
    let path = draft.path.clone();
    let source = draft.into_shown_source();
    check_spans(&findings, input_len, &source);
    let findings =
        tactful::suppress::apply(findings, &mut directives, &[], &mut [], &path, &source);
    FileReport {
        path,
        source,
        send_date,
        findings,
    }
}

/// Every output format.
pub const FORMATS: &[render::Format] = &[
    render::Format::Human,
    render::Format::Short,
    render::Format::Json,
    render::Format::Sarif,
    render::Format::Github,
    render::Format::Rdjsonl,
];

/// Renders `reports` in every format into memory; JSON, SARIF and each rdjsonl line must
/// parse as JSON.
pub fn render_all(reports: &[FileReport], docs: &[RuleDoc]) {
    for &format in FORMATS {
        for color in [false, true] {
            if color && format != render::Format::Human {
                continue;
            }
            let mut out = Vec::new();
            render::render(
                format,
                reports,
                docs,
                Style {
                    color,
                    quiet: false,
                },
                &mut out,
            )
            .expect("rendering into a Vec cannot fail");
            let text = String::from_utf8(out).expect("rendered output is UTF-8");
            match format {
                render::Format::Json | render::Format::Sarif => {
                    if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
                        panic!("{format:?} output is not JSON: {e}\n{text}");
                    }
                }
                render::Format::Rdjsonl => {
                    for line in text.lines().filter(|l| !l.trim().is_empty()) {
                        if let Err(e) = serde_json::from_str::<serde_json::Value>(line) {
                            panic!("rdjsonl line is not JSON: {e}\n{line}");
                        }
                    }
                }
                _ => {}
            }
        }
    }
}
