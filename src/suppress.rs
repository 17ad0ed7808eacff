//! Silencing findings on purpose. In text and Markdown drafts, HTML comments:
//! `<!-- tactful-disable RULE -->` … `<!-- tactful-enable RULE -->` and
//! `<!-- tactful-disable-next-line RULE -->`; in any draft, front matter
//! `tactful: {disable: [RULE, …]}`; for mail, where a comment would reach the recipient, the
//! config's `ignore` list. RULE is a rule id, a pack name (`blame` or `blame/*`), or nothing
//! for every rule; several may be given, separated by spaces or commas.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::config::IgnoreEntry;
use crate::finding::Finding;
use crate::input::{Draft, Format};

/// One suppression written in a draft.
#[derive(Debug, Clone)]
pub struct Directive {
    /// Where it is written (the comment, or the front matter entry).
    pub span: Range<usize>,
    /// The rules it names; empty means all.
    pub rules: Vec<String>,
    /// The part of the draft it covers; `None` is the whole draft.
    pub covers: Option<Range<usize>>,
    pub used: bool,
}

/// True when `text` may hold a directive comment: most drafts do not, and then the regex
/// is never built.
fn may_have_comment(text: &str) -> bool {
    text.contains("tactful-")
}

fn comment() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<!--\s*tactful-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
            .expect("directive regex compiles")
    })
}

/// The byte ranges of the directive comments in `source[range]`, for hiding from the rules.
pub fn comment_spans(source: &str, range: Range<usize>) -> Vec<Range<usize>> {
    if !may_have_comment(&source[range.clone()]) {
        return Vec::new();
    }
    comment()
        .find_iter(&source[range.clone()])
        .map(|m| m.start() + range.start..m.end() + range.start)
        .collect()
}

fn names(list: &str) -> Vec<String> {
    list.split([' ', ',', '\t', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `pattern` (an id, a pack name, `pack/*`, or `all`) names `rule`.
pub fn names_rule(pattern: &str, rule: &str) -> bool {
    let pack = rule.split('/').next().unwrap_or(rule);
    pattern == "all"
        || pattern == rule
        || pattern == pack
        || pattern.strip_suffix("/*") == Some(pack)
}

fn covers_rule(rules: &[String], rule: &str) -> bool {
    rules.is_empty() || rules.iter().any(|p| names_rule(p, rule))
}

/// The suppressions written in `draft`: its front matter's, and (except in mail) its
/// comments'.
pub fn directives(draft: &Draft) -> Vec<Directive> {
    let mut out: Vec<Directive> = draft
        .front_matter
        .disable
        .iter()
        .map(|f| Directive {
            span: f.span.clone(),
            rules: vec![f.value.clone()],
            covers: None,
            used: false,
        })
        .collect();
    let source = &draft.source;
    let body = draft.body_start..source.len();
    if draft.format == Format::Mail || !may_have_comment(&source[body.clone()]) {
        return out;
    }
    let mut open: Vec<usize> = Vec::new();
    for c in comment().captures_iter(&source[body.clone()]) {
        let (Some(m), Some(kind), Some(list)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let span = m.start() + body.start..m.end() + body.start;
        let rules = names(list.as_str());
        match kind.as_str() {
            "disable-next-line" => {
                let line_start = source[span.end..]
                    .find('\n')
                    .map_or(source.len(), |i| span.end + i + 1);
                let line_end = source[line_start..]
                    .find('\n')
                    .map_or(source.len(), |i| line_start + i);
                out.push(Directive {
                    span,
                    rules,
                    covers: Some(line_start..line_end),
                    used: false,
                });
            }
            "disable" => {
                open.push(out.len());
                out.push(Directive {
                    span: span.clone(),
                    rules,
                    covers: Some(span.end..source.len()),
                    used: false,
                });
            }
            _ => {
                // `enable` closes the open disables it names (all of them when it names none).
                open.retain(|&i| {
                    let d = &mut out[i];
                    let closes = rules.is_empty() || d.rules.iter().any(|r| rules.contains(r));
                    if closes {
                        d.covers = Some(d.span.end..span.start);
                    }
                    !closes
                });
            }
        }
    }
    out
}

/// Drops the findings that a directive or an ignore entry covers, marking what was used.
/// `used_ignores[i]` is set when `ignores[i]` silenced something.
pub fn apply(
    findings: Vec<Finding>,
    directives: &mut [Directive],
    ignores: &[IgnoreEntry],
    used_ignores: &mut [bool],
    path: &str,
    shown: &str,
) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| {
            let mut silenced = false;
            for d in directives.iter_mut() {
                let inside = d.covers.as_ref().is_none_or(|r| r.contains(&f.span.start));
                if inside && covers_rule(&d.rules, &f.rule) {
                    d.used = true;
                    silenced = true;
                }
            }
            let text = f.text(shown);
            for (i, e) in ignores.iter().enumerate() {
                if e.covers(path, &f.rule, text) {
                    used_ignores[i] = true;
                    silenced = true;
                }
            }
            !silenced
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_patterns() {
        assert!(names_rule("blame/guilt", "blame/guilt"));
        assert!(names_rule("blame", "blame/guilt"));
        assert!(names_rule("blame/*", "blame/guilt"));
        assert!(names_rule("all", "timing/friday"));
        assert!(!names_rule("blame/guil", "blame/guilt"));
        assert!(!names_rule("timing", "blame/guilt"));
    }

    #[test]
    fn comments_cover_ranges_and_lines() {
        let src = "Hi,\n<!-- tactful-disable-next-line blame/guilt -->\nline two\nline three\n<!-- tactful-disable blame, opening -->\nfour\n<!-- tactful-enable blame -->\nfive\n";
        let d = Draft::from_source("t.md", src.to_string(), Format::Markdown).unwrap();
        let ds = directives(&d);
        assert_eq!(ds.len(), 2);
        assert_eq!(&src[ds[0].covers.clone().unwrap()], "line two");
        assert_eq!(ds[1].rules, ["blame", "opening"]);
        assert_eq!(src[ds[1].covers.clone().unwrap()].trim(), "four");
        // The comments themselves are not linted.
        assert!(!d.text.contains("tactful-disable"));
    }
}
