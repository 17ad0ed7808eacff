//! Rules: packs are loaded and checked (`pack`), phrases made tolerant (`phrase`), and all
//! rules compiled into one [`RuleSet`] whose [`regex::RegexSet`] scans each text once to find
//! which rules can match at all. Only those rules then run their own regex for positions.
//! Each rule kind is one file (`avoid`, `require`, `order`), registered in [`check_rule`].

pub mod avoid;
pub mod builtin;
pub mod order;
pub mod pack;
pub mod phrase;
pub mod require;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::error::SourceError;
use crate::finding::{Finding, Severity};
use crate::input::{Draft, Format};
pub use pack::{Kind, Origin, Pack, RuleDef, Scope};

/// The compiled size a user's regex may take. Packs are data, and a pattern that compiles
/// to something huge would make every run slow.
pub const USER_REGEX_SIZE_LIMIT: usize = 1 << 20;
/// The limit for the combined matcher of all rules.
const SET_SIZE_LIMIT: usize = 256 << 20;

/// A rule ready to run.
#[derive(Debug)]
pub struct Rule {
    pub def: RuleDef,
    /// The severity in force (after config); `None` means turned off.
    pub severity: Option<Severity>,
    phrase_src: Option<String>,
    pattern_src: Option<String>,
    unless_src: Option<String>,
    phrase_re: OnceLock<Option<Regex>>,
    pattern_re: OnceLock<Option<Regex>>,
    unless_re: OnceLock<Option<Regex>>,
    /// For `order` rules: the index of the rule named by `first`.
    pub first: Option<usize>,
}

impl Rule {
    /// Every match of this rule's phrases and patterns in `text` that starts inside
    /// `range`, in order of position.
    pub fn matches(&self, text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if let Some(re) = lazy(&self.phrase_re, &self.phrase_src) {
            out.extend(
                find_from(re, text, range.clone())
                    .filter(|m| phrase::unicode_edges_ok(text, m.start, m.end)),
            );
        }
        if let Some(re) = lazy(&self.pattern_re, &self.pattern_src) {
            out.extend(find_from(re, text, range).filter(|m| m.start < m.end));
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out.dedup_by(|b, a| b.start < a.end);
        out
    }

    /// Matches of the `unless` antipatterns, for cancelling matches they overlap.
    pub fn unless_matches(&self, text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        match lazy(&self.unless_re, &self.unless_src) {
            Some(re) => find_from(re, text, range).collect(),
            None => Vec::new(),
        }
    }

    pub fn id(&self) -> &str {
        &self.def.id
    }
}

fn lazy<'a>(cell: &'a OnceLock<Option<Regex>>, src: &Option<String>) -> Option<&'a Regex> {
    cell.get_or_init(|| {
        src.as_ref()
            .and_then(|s| RegexBuilder::new(s).size_limit(SET_SIZE_LIMIT).build().ok())
    })
    .as_ref()
}

/// Matches of `re` in `text` starting within `range`, searched with the text around the
/// range as context so word boundaries at its edges are right.
fn find_from<'a>(re: &'a Regex, text: &'a str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut at = range.start.min(text.len());
    let stop = range.end.min(text.len());
    std::iter::from_fn(move || {
        if at > stop {
            return None;
        }
        let m = re.find_at(text, at)?;
        if m.start() >= stop {
            return None;
        }
        at = if m.end() > m.start() {
            m.end()
        } else {
            next_char(text, m.end())
        };
        Some(m.range())
    })
}

fn next_char(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(i + 1, |c| i + c.len_utf8())
}

/// All rules of a run, compiled.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// The packs the rules came from, in load order.
    pub packs: Vec<PackInfo>,
    set: RegexSet,
    /// For each pattern of `set`, the rule it belongs to.
    set_owner: Vec<usize>,
}

/// What `tactful rules` says about a pack.
#[derive(Debug, Clone)]
pub struct PackInfo {
    pub name: String,
    pub path: String,
    pub description: Option<String>,
    pub origin: Origin,
}

/// Rule severities changed by the config file or the command line.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Rule id → new severity, or `None` to turn the rule off.
    pub severity: HashMap<String, Option<Severity>>,
}

impl RuleSet {
    /// Compiles `packs` into one rule set. A later pack with the same name as an earlier one
    /// replaces it (that is how a user overrides a built-in pack). Packs read from files
    /// have their regexes checked one by one and their examples run.
    pub fn build(packs: Vec<Pack>, overrides: &Overrides) -> Result<RuleSet, SourceError> {
        let mut kept: Vec<Pack> = Vec::new();
        for p in packs {
            kept.retain(|k| k.name != p.name);
            kept.push(p);
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for p in &kept {
            for r in &p.rules {
                if !seen.insert(r.id.as_str()) {
                    return Err(p.error(r.id_span.clone(), format!("duplicate rule id `{}`", r.id))
                        .with_note("each rule id must be unique across all loaded packs"));
                }
            }
        }
        let mut rules = Vec::new();
        let mut packs_info = Vec::new();
        for p in &kept {
            for def in &p.rules {
                rules.push(compile_rule(p, def)?);
            }
            packs_info.push(PackInfo {
                name: p.name.clone(),
                path: p.path.clone(),
                description: p.description.clone(),
                origin: p.origin.clone(),
            });
        }
        let index: HashMap<String, usize> = rules.iter().enumerate().map(|(i, r)| (r.def.id.clone(), i)).collect();
        for i in 0..rules.len() {
            if let Some(first) = &rules[i].def.first {
                let target = index.get(&first.value).copied().filter(|&t| rules[t].def.kind == Kind::Require);
                let Some(t) = target else {
                    let p = kept.iter().find(|p| p.name == rules[i].def.pack).expect("rule's pack is loaded");
                    return Err(p.error(first.span.clone(), format!("`first` must name a loaded `require` rule; `{}` is not one", first.value)));
                };
                rules[i].first = Some(t);
            }
        }
        for r in &mut rules {
            if let Some(s) = overrides.severity.get(&r.def.id) {
                r.severity = *s;
            }
        }
        let (set, set_owner) = build_set(&rules)?;
        let ruleset = RuleSet { rules, packs: packs_info, set, set_owner };
        for p in kept.iter().filter(|p| p.origin == Origin::File) {
            ruleset.check_examples(p)?;
        }
        Ok(ruleset)
    }

    /// For each rule, whether the one-pass scan saw any of its phrases or patterns in `text`.
    pub fn candidates(&self, text: &str) -> Vec<bool> {
        let mut hit = vec![false; self.rules.len()];
        for i in self.set.matches(text).iter() {
            hit[self.set_owner[i]] = true;
        }
        hit
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.def.id == id)
    }

    /// Runs the `bad` and `good` examples of every rule of `pack`.
    pub fn check_examples(&self, pack: &Pack) -> Result<(), SourceError> {
        for def in &pack.rules {
            for (ex, must_fire) in def.bad.iter().map(|e| (e, true)).chain(def.good.iter().map(|e| (e, false))) {
                let fired = self.example_fires(&def.id, &ex.value);
                if fired.is_some() != must_fire {
                    let msg = if must_fire {
                        format!("this `bad` example does not fire `{}`", def.id)
                    } else {
                        format!("this `good` example fires `{}` on {:?}", def.id, fired.unwrap_or_default())
                    };
                    return Err(pack.error(ex.span.clone(), msg).with_note(if must_fire {
                        "a `bad` example must be caught by the rule: widen the phrases or fix the example"
                    } else {
                        "a `good` example must pass: add an `unless` antipattern or fix the example"
                    }));
                }
            }
        }
        Ok(())
    }

    /// Lints `example` as a plain draft and returns the text of the first finding of rule
    /// `id`, if it fires (whatever the rule's configured severity).
    pub fn example_fires(&self, id: &str, example: &str) -> Option<String> {
        let i = self.rules.iter().position(|r| r.def.id == id)?;
        let draft = Draft::from_source("<example>", example.to_string(), Format::Text).ok()?;
        let hits = self.candidates(&draft.text);
        let mut out = Vec::new();
        check_rule(self, i, &draft, &hits, &mut out);
        out.first().map(|f| draft.source[f.span.clone()].to_string())
    }
}

/// The registry of rule kinds: one line per kind.
pub fn check_rule(set: &RuleSet, index: usize, draft: &Draft, hits: &[bool], out: &mut Vec<Finding>) {
    let rule = &set.rules[index];
    if !rule.def.kinds.is_empty() {
        if let Some(kind) = &draft.front_matter.kind {
            if !rule.def.kinds.contains(&kind.value) {
                return;
            }
        }
    }
    match rule.def.kind {
        Kind::Avoid => avoid::check(rule, draft, hits[index], out),
        Kind::Require => require::check(rule, draft, hits[index], out),
        Kind::Order => {
            let f = rule.first.unwrap_or(index);
            order::check(rule, &set.rules[f], draft, hits[index], hits[f], out)
        }
    }
}

/// Builds a finding of `rule` at `span`.
pub fn finding(rule: &Rule, span: Range<usize>, label: Option<String>) -> Finding {
    Finding {
        rule: rule.def.id.clone(),
        category: rule.def.category,
        severity: rule.severity.unwrap_or(rule.def.severity),
        message: rule.def.message.clone(),
        span,
        help: rule.def.help.clone(),
        label,
    }
}

fn compile_rule(pack: &Pack, def: &RuleDef) -> Result<Rule, SourceError> {
    let phrases = compile_phrases(pack, &def.phrases)?;
    let check_patterns = |list: &[pack::Located]| -> Result<Option<String>, SourceError> {
        if pack.origin == Origin::File {
            for p in list {
                if let Err(e) = RegexBuilder::new(&p.value).size_limit(USER_REGEX_SIZE_LIMIT).build() {
                    let msg = match e {
                        regex::Error::CompiledTooBig(limit) => format!("regex is too large: it compiles to more than {limit} bytes"),
                        other => format!("regex does not compile: {}", summary(&other.to_string())),
                    };
                    return Err(pack.error(p.span.clone(), msg).with_note("split it into smaller patterns, or use `phrases`"));
                }
            }
        }
        Ok(alternation(list.iter().map(|p| format!("(?:{})", p.value))))
    };
    let patterns = check_patterns(&def.patterns)?;
    let unless_phrases = compile_phrases(pack, &def.unless)?;
    let unless_patterns = check_patterns(&def.unless_patterns)?;
    let unless = alternation(unless_phrases.into_iter().chain(unless_patterns));
    Ok(Rule {
        def: def.clone(),
        severity: Some(def.severity),
        phrase_src: phrases,
        pattern_src: patterns,
        unless_src: unless,
        phrase_re: OnceLock::new(),
        pattern_re: OnceLock::new(),
        unless_re: OnceLock::new(),
        first: None,
    })
}

fn compile_phrases(pack: &Pack, list: &[pack::Located]) -> Result<Option<String>, SourceError> {
    let mut parts = Vec::with_capacity(list.len());
    for p in list {
        match phrase::compile(&p.value) {
            Ok(re) => parts.push(re),
            Err(e) => {
                return Err(pack.error(p.span.clone(), format!("phrase `{}`: {}", p.value, e.message))
                    .with_note("phrases are words with `(a|b)` alternatives, `[optional]` words and `...` gaps; use `patterns` for raw regex"))
            }
        }
    }
    Ok(alternation(parts.into_iter()).map(|a| format!("(?i){a}")))
}

fn alternation(parts: impl Iterator<Item = String>) -> Option<String> {
    let parts: Vec<String> = parts.collect();
    (!parts.is_empty()).then(|| format!("(?:{})", parts.join("|")))
}

fn build_set(rules: &[Rule]) -> Result<(RegexSet, Vec<usize>), SourceError> {
    let mut patterns = Vec::new();
    let mut owner = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        for src in [&r.phrase_src, &r.pattern_src].into_iter().flatten() {
            patterns.push(src.clone());
            owner.push(i);
        }
    }
    let set = RegexSetBuilder::new(&patterns)
        .size_limit(SET_SIZE_LIMIT)
        .build()
        .map_err(|e| SourceError::new("<rules>", "", 0..0, format!("the rules do not compile together: {}", summary(&e.to_string()))))?;
    Ok((set, owner))
}

/// The last line of a multi-line regex error, which says what is wrong.
fn summary(s: &str) -> String {
    s.lines().last().unwrap_or(s).trim().to_string()
}
