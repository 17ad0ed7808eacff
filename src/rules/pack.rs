//! Rule packs as written in YAML: the file format, loading, and the checks that make a
//! pack's mistakes point at the exact line (unknown keys, wrong types, bad ids, phrases and
//! regexes that do not compile, rules without examples).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;

use crate::error::SourceError;
use crate::finding::{Category, Severity};
use crate::input::DraftKind;
use crate::yaml::{self, Spanned};

use super::precompiled::{self, ShippedRule};

/// The rule kinds. Each has its own file in `src/rules/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Avoid,
    Require,
    Order,
    Timing,
    Channel,
    Placeholder,
    Unreadable,
    /// A learned sentence rule: each sentence of the author's words is scored by a model
    /// trained from labelled sentences, and those above the threshold are reported.
    Classify,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Avoid => "avoid",
            Kind::Require => "require",
            Kind::Order => "order",
            Kind::Timing => "timing",
            Kind::Channel => "channel",
            Kind::Placeholder => "placeholder",
            Kind::Unreadable => "unreadable",
            Kind::Classify => "classify",
        }
    }

    /// Whether rules of this kind match phrases or patterns in the text.
    pub fn matches_text(self) -> bool {
        matches!(self, Kind::Avoid | Kind::Require | Kind::Order)
    }
}

/// Where a `require` rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The first sentences of the body after the greeting line.
    Opening,
    /// The whole of the author's text.
    Body,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub pack: Spanned<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub version: Option<u32>,
    /// Named word classes, for the features of the pack's learned rules.
    #[serde(default)]
    pub vocab: BTreeMap<String, Vec<String>>,
    pub rules: Vec<Spanned<RuleFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleFile {
    pub id: Spanned<String>,
    pub kind: Spanned<Kind>,
    pub category: Category,
    /// A severity, or `off` for a rule a user turns on in their config.
    #[serde(default)]
    pub severity: Option<crate::config::Level>,
    pub message: Spanned<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub help: Option<String>,
    pub why: String,
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    #[serde(default)]
    pub unless: Vec<Spanned<String>>,
    #[serde(default)]
    pub unless_patterns: Vec<Spanned<String>>,
    #[serde(default)]
    pub scope: Option<Spanned<Scope>>,
    #[serde(default)]
    pub sentences: Option<Spanned<usize>>,
    #[serde(default)]
    pub first: Option<Spanned<String>>,
    #[serde(default)]
    pub kinds: Vec<DraftKind>,
    /// For `timing` rules: which problem of the send date the rule reports.
    #[serde(default)]
    pub day: Option<Spanned<String>>,
    #[serde(default)]
    pub examples: Option<Spanned<ExamplesFile>>,
    /// For `classify` rules: the labelled sentences the model learns from.
    #[serde(default)]
    pub learn: Option<Spanned<LearnFile>>,
    /// For `classify` rules: `false` makes the rule a signal other rules use (`also`), never
    /// reported itself.
    #[serde(default)]
    pub report: Option<bool>,
    /// For `require` rules: other rules whose matches count as this rule's.
    #[serde(default)]
    pub also: Vec<Spanned<String>>,
    /// For `avoid` and `classify` rules: a word class of the pack; the rule reports only in
    /// drafts that hold a word of it (a learned rule with `threshold-outside` reports from
    /// that threshold elsewhere).
    #[serde(default)]
    pub context: Option<Spanned<String>>,
}

/// What a `classify` rule learns from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LearnFile {
    /// Files of `LABEL<TAB>SENTENCE` lines, relative to the pack file.
    #[serde(default)]
    pub files: Vec<Spanned<String>>,
    /// Other rules' files: the sentences they flag are sentences this rule must not.
    #[serde(default)]
    pub unlike: Vec<Spanned<String>>,
    /// Sentences the rule must flag.
    #[serde(default)]
    pub flag: Vec<String>,
    /// Sentences it must not.
    #[serde(default)]
    pub pass: Vec<String>,
    /// The probability from which a sentence is reported (default 0.5).
    #[serde(default)]
    pub threshold: Option<Spanned<f64>>,
    /// With the rule's `context`: the probability from which a sentence is reported in a
    /// draft with a word of the context.
    #[serde(default)]
    pub threshold_inside: Option<Spanned<f64>>,
    /// With the rule's `context`: the probability from which a sentence is reported in a
    /// draft without a word of the context.
    #[serde(default)]
    pub threshold_outside: Option<Spanned<f64>>,
    /// The probability from which a sentence is reported in a draft where a finding of the
    /// rule's category already stands.
    #[serde(default)]
    pub threshold_beside: Option<Spanned<f64>>,
}

/// The values of a `timing` rule's `day`.
pub const TIMING_DAYS: &[&str] = &[
    "monday",
    "friday",
    "weekend",
    "holiday",
    "before-holiday",
    "after-holiday",
    "before-promised",
    "promise-undated",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamplesFile {
    #[serde(default)]
    pub bad: Vec<Spanned<String>>,
    #[serde(default)]
    pub good: Vec<Spanned<String>>,
}

/// Where a pack came from: built into the binary, or a file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    File,
}

/// A piece of pack text with where it sits in the pack file, for error messages.
#[derive(Debug, Clone)]
pub struct Located {
    /// Borrowed for a built-in pack's phrases, which the binary holds.
    pub value: Cow<'static, str>,
    pub span: Range<usize>,
}

impl Located {
    fn from(s: &Spanned<String>) -> Self {
        Located {
            value: Cow::Owned(s.value.clone()),
            span: yaml::range(s),
        }
    }

    /// Phrases the binary holds, which have no place in the pack's text.
    fn shipped(list: &'static [(&'static str, u32)]) -> Vec<Located> {
        list.iter()
            .map(|(text, _)| Located {
                value: Cow::Borrowed(text),
                span: 0..0,
            })
            .collect()
    }
}

/// One rule as declared in a pack, checked for shape but not yet compiled.
#[derive(Debug, Clone)]
pub struct RuleDef {
    pub id: String,
    pub pack: String,
    pub kind: Kind,
    pub category: Category,
    pub severity: Severity,
    /// Whether the rule runs unless the config says otherwise (`severity: off` in the pack
    /// turns it off by default).
    pub enabled: bool,
    pub message: String,
    pub description: String,
    pub help: Option<String>,
    pub why: String,
    pub phrases: Vec<Located>,
    pub patterns: Vec<Located>,
    pub unless: Vec<Located>,
    pub unless_patterns: Vec<Located>,
    /// For a built-in rule: its phrases and antipatterns as the build compiled them, in
    /// the order of `phrases` and `unless`.
    pub shipped: Option<&'static ShippedRule>,
    pub scope: Scope,
    pub sentences: usize,
    pub first: Option<Located>,
    pub kinds: Vec<DraftKind>,
    /// For `timing` rules, one of [`TIMING_DAYS`].
    pub day: Option<String>,
    pub bad: Vec<Located>,
    /// For each `bad` example, the span it marks as the one the rule must report (written
    /// `[[` and `]]` around the words, which are not part of the example's text).
    pub bad_marks: Vec<Option<Range<usize>>>,
    pub good: Vec<Located>,
    /// For `classify` rules: what the model learns from.
    pub learn: Option<Learn>,
    /// Whether findings of the rule are reported (`classify` rules may be signals only).
    pub report: bool,
    /// For `require` rules: the ids of rules whose matches count as this rule's.
    pub also: Vec<Located>,
    /// For `avoid` and `classify` rules: the word class a draft must hold a word of for the
    /// rule to report (see [`Learn::threshold_outside`]).
    pub context: Option<Located>,
    /// Where the rule starts in its pack file (for errors about the whole rule).
    pub span: Range<usize>,
    pub id_span: Range<usize>,
}

/// What a `classify` rule's model learns from, as the pack declares it.
#[derive(Debug, Clone)]
pub struct Learn {
    pub files: Vec<Located>,
    pub unlike: Vec<Located>,
    pub flag: Vec<String>,
    pub pass: Vec<String>,
    /// The threshold where the context is not known: a rule without `context`, or a text
    /// too short to tell.
    pub threshold: f64,
    /// With the rule's `context`: the threshold in a draft with a word of it (`threshold`
    /// when not given).
    pub threshold_inside: f64,
    /// With the rule's `context`: the threshold in a draft without a word of it (without
    /// this, the rule does not report there).
    pub threshold_outside: Option<f64>,
    /// In a draft where a finding of the rule's category already stands (from another rule,
    /// or a sentence of this one that reaches its own threshold): the threshold for the
    /// draft's other sentences. One blaming sentence makes the next more likely blame too.
    pub threshold_beside: Option<f64>,
    /// Where `learn:` is in the pack file.
    pub span: Range<usize>,
}

/// The text a pack was read from: the binary's own for a built-in pack (never copied), or
/// a file's, read at run time.
#[derive(Debug, Clone)]
pub enum Text {
    Builtin(&'static str),
    Read(Arc<str>),
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::Builtin(s) => s,
            Text::Read(s) => s,
        }
    }
}

/// A loaded pack: its rules plus the text it came from, so later errors (a regex that
/// does not compile, an example that fails) can still point into the file.
#[derive(Debug, Clone)]
pub struct Pack {
    pub name: String,
    pub description: Option<String>,
    pub path: String,
    pub text: Text,
    pub origin: Origin,
    /// Named word classes: `{name}` in a phrase stands for any word of class `name`, and
    /// the learned rules' features know each word's classes. The files of one pack share
    /// them (see [`Pack::group`]).
    pub vocab: Arc<BTreeMap<String, Vec<String>>>,
    pub rules: Vec<RuleDef>,
    /// Files of the same `pack` name and group are parts of one pack (the built-in blame
    /// pack is a file of word classes and one file per family of phrases; a folder of packs
    /// may split a pack the same way). A pack of another group with the same name replaces
    /// them all. The group is the file itself unless the loader says otherwise.
    pub group: String,
}

impl Pack {
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> SourceError {
        SourceError::new(&self.path, &self.text, span, message)
    }
}

/// Default number of sentences in the opening.
pub const DEFAULT_OPENING_SENTENCES: usize = 2;

/// Reads a pack from its YAML text and checks everything that can be checked without
/// compiling: the id format, which fields go with which kind, and that examples exist.
pub fn parse(path: &str, text: &str, origin: Origin) -> Result<Pack, SourceError> {
    let file: PackFile = yaml::parse(path, text)?;
    check(path, Text::Read(Arc::from(text)), file, origin, false)
}

/// Reads a built-in pack from the JSON form `build.rs` made of its YAML `text`, then checks
/// it like [`parse`]. Its values carry no position in `text`.
pub fn parse_prepared(path: &str, text: &'static str, json: &str) -> Result<Pack, SourceError> {
    let file: PackFile = yaml::parse_prepared(path, json)?;
    check(path, Text::Builtin(text), file, Origin::Builtin, false)
}

/// Reads a built-in pack from its lean JSON form (without phrases, antipatterns and
/// examples; `build.rs` makes it): the phrases and antipatterns are the binary's, as the
/// build compiled them, and the examples are left out, for a run that only checks drafts.
/// What the lean form leaves out was checked on the whole pack by the suite.
pub fn parse_lean(path: &str, text: &'static str, json: &str) -> Result<Pack, SourceError> {
    let file: PackFile = yaml::parse_prepared(path, json)?;
    check(path, Text::Builtin(text), file, Origin::Builtin, true)
}

/// Checks a pack read from `text`: the id format, which fields go with which kind, and that
/// examples exist.
fn check(
    path: &str,
    text: Text,
    file: PackFile,
    origin: Origin,
    lean: bool,
) -> Result<Pack, SourceError> {
    let err = |span: Range<usize>, msg: String| SourceError::new(path, &text, span, msg);
    let name = file.pack.value.clone();
    if !is_slug(&name) {
        return Err(err(
            yaml::range(&file.pack),
            format!("pack name `{name}` must be lowercase letters, digits and `-`"),
        ));
    }
    let mut rules = Vec::with_capacity(file.rules.len());
    for spanned in &file.rules {
        let r = &spanned.value;
        let id_span = yaml::range(&r.id);
        let rule_span = yaml::range(spanned);
        let id = r.id.value.clone();
        match id.split_once('/') {
            Some((p, n)) if p == name && is_slug(n) => {}
            _ => {
                return Err(err(
                    id_span,
                    format!(
                        "rule id `{id}` must be `{name}/NAME` (lowercase letters, digits and `-`)"
                    ),
                ))
            }
        }
        let kind = r.kind.value;
        let kind_span = yaml::range(&r.kind);
        let only_for = |present: bool, field: &str, allowed: &[Kind]| {
            if present && !allowed.contains(&kind) {
                Err(err(
                    kind_span.clone(),
                    format!(
                        "`{field}` does not apply to a rule of kind `{}`",
                        kind.as_str()
                    ),
                ))
            } else {
                Ok(())
            }
        };
        only_for(r.scope.is_some(), "scope", &[Kind::Require])?;
        only_for(r.sentences.is_some(), "sentences", &[Kind::Require])?;
        only_for(r.first.is_some(), "first", &[Kind::Order])?;
        only_for(
            !r.unless.is_empty() || !r.unless_patterns.is_empty(),
            "unless",
            &[Kind::Avoid, Kind::Require, Kind::Order],
        )?;
        only_for(
            !r.phrases.is_empty() || !r.patterns.is_empty(),
            "phrases",
            &[Kind::Avoid, Kind::Require, Kind::Order],
        )?;
        only_for(r.day.is_some(), "day", &[Kind::Timing])?;
        only_for(r.learn.is_some(), "learn", &[Kind::Classify])?;
        only_for(r.report.is_some(), "report", &[Kind::Classify])?;
        only_for(!r.also.is_empty(), "also", &[Kind::Require])?;
        only_for(
            r.context.is_some(),
            "context",
            &[Kind::Avoid, Kind::Classify],
        )?;
        let learn = match (&r.learn, kind) {
            (Some(l), _) => Some(learn(l, r.context.is_some(), &err)?),
            (None, Kind::Classify) => {
                return Err(err(
                    id_span,
                    format!("rule `{id}` of kind `classify` needs `learn`: the labelled sentences (`files`, `flag`, `pass`) its model learns from"),
                ))
            }
            (None, _) => None,
        };
        let shipped = match origin {
            Origin::Builtin => precompiled::rule(&id),
            Origin::File => None,
        };
        let (phrases, unless): (Vec<Located>, Vec<Located>) = match shipped.filter(|_| lean) {
            Some(s) => (Located::shipped(s.phrases), Located::shipped(s.unless)),
            None => (
                r.phrases.iter().map(Located::from).collect(),
                r.unless.iter().map(Located::from).collect(),
            ),
        };
        if kind.matches_text() && phrases.is_empty() && r.patterns.is_empty() {
            return Err(err(
                id_span,
                format!("rule `{id}` has neither `phrases` nor `patterns`"),
            ));
        }
        if kind == Kind::Timing {
            match &r.day {
                Some(d) if TIMING_DAYS.contains(&d.value.as_str()) => {}
                Some(d) => {
                    return Err(err(
                        yaml::range(d),
                        format!("`day` must be one of {}", TIMING_DAYS.join(", ")),
                    ))
                }
                None => {
                    return Err(err(
                        id_span,
                        format!(
                            "rule `{id}` of kind `timing` needs `day`: one of {}",
                            TIMING_DAYS.join(", ")
                        ),
                    ))
                }
            }
        }
        if kind == Kind::Require && r.scope.is_none() {
            return Err(err(
                id_span,
                format!("rule `{id}` of kind `require` needs a `scope` (opening or body)"),
            ));
        }
        if kind == Kind::Order && r.first.is_none() {
            return Err(err(
                id_span,
                format!("rule `{id}` of kind `order` needs `first`: the id of the `require` rule whose match must come first"),
            ));
        }
        if let Some(s) = &r.sentences {
            if s.value == 0 {
                return Err(err(yaml::range(s), "`sentences` must be at least 1".into()));
            }
        }
        let (bad, good) = match &r.examples {
            Some(ex) => (
                ex.value.bad.iter().map(Located::from).collect::<Vec<_>>(),
                ex.value.good.iter().map(Located::from).collect::<Vec<_>>(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let mut bad_marks = Vec::with_capacity(bad.len());
        let bad = bad
            .into_iter()
            .map(|mut ex| {
                let (value, mark) = marked(&ex.value).map_err(|m| err(ex.span.clone(), m))?;
                ex.value = Cow::Owned(value);
                bad_marks.push(mark);
                Ok(ex)
            })
            .collect::<Result<Vec<_>, SourceError>>()?;
        if !lean && (bad.is_empty() || good.is_empty()) {
            let span = r.examples.as_ref().map_or(id_span.clone(), yaml::range);
            return Err(err(
                span,
                format!("rule `{id}` needs `examples` with at least one `bad` (must fire) and one `good` (must not)"),
            ));
        }
        let message = r.message.value.trim().to_string();
        rules.push(RuleDef {
            id,
            pack: name.clone(),
            kind,
            category: r.category,
            severity: r
                .severity
                .and_then(crate::config::Level::severity)
                .unwrap_or(r.category.default_severity()),
            enabled: r.severity != Some(crate::config::Level::Off),
            description: r.description.clone().unwrap_or_else(|| message.clone()),
            message,
            help: r.help.as_ref().map(|h| h.trim().to_string()),
            why: r.why.trim().to_string(),
            phrases,
            patterns: r.patterns.iter().map(Located::from).collect(),
            unless,
            shipped,
            unless_patterns: r.unless_patterns.iter().map(Located::from).collect(),
            scope: r.scope.as_ref().map_or(Scope::Body, |s| s.value),
            sentences: r
                .sentences
                .as_ref()
                .map_or(DEFAULT_OPENING_SENTENCES, |s| s.value),
            first: r.first.as_ref().map(Located::from),
            kinds: r.kinds.clone(),
            day: r.day.as_ref().map(|d| d.value.clone()),
            bad,
            bad_marks,
            good,
            learn,
            report: r.report.unwrap_or(true),
            also: r.also.iter().map(Located::from).collect(),
            context: r.context.as_ref().map(Located::from),
            span: rule_span,
            id_span,
        });
    }
    Ok(Pack {
        name,
        description: file.description,
        path: path.to_string(),
        text,
        origin,
        vocab: Arc::new(file.vocab),
        rules,
        group: path.to_string(),
    })
}

/// Checks a `learn:` section: some sentences to learn from, thresholds between 0 and 1,
/// `threshold-inside` and `threshold-outside` only with a `context`, the one no higher and
/// the other no lower than `threshold`.
fn learn(
    l: &Spanned<LearnFile>,
    has_context: bool,
    err: &impl Fn(Range<usize>, String) -> SourceError,
) -> Result<Learn, SourceError> {
    let span = yaml::range(l);
    let v = &l.value;
    if v.files.is_empty() && (v.flag.is_empty() || v.pass.is_empty()) {
        return Err(err(
            span,
            "`learn` needs `files` of labelled sentences, or both `flag` and `pass` sentences"
                .into(),
        ));
    }
    let probability = |t: &Spanned<f64>, key: &str| {
        if t.value > 0.0 && t.value < 1.0 {
            Ok(t.value)
        } else {
            Err(err(
                yaml::range(t),
                format!(
                    "`{key}` is a probability between 0 and 1 (exclusive), not {}",
                    t.value
                ),
            ))
        }
    };
    let threshold = match &v.threshold {
        Some(t) => probability(t, "threshold")?,
        None => 0.5,
    };
    let needs_context = |t: &Spanned<f64>, key: &str| {
        err(
            yaml::range(t),
            format!("`{key}` needs the rule's `context`: the word class a draft is inside of"),
        )
    };
    // A threshold that must lie on one side of another: at most `bound` for one that asks
    // for less, at least `bound` for one that asks for more.
    let ordered = |t: &Spanned<f64>,
                   key: &str,
                   (bound_name, bound): (&str, f64),
                   at_most: bool,
                   why: &str| {
        let (wrong, side) = if at_most {
            (t.value > bound, "above")
        } else {
            (t.value < bound, "below")
        };
        if wrong {
            return Err(err(
                yaml::range(t),
                format!(
                    "`{key}` ({}) is {side} {bound_name} ({bound}); {why}",
                    t.value
                ),
            ));
        }
        probability(t, key)
    };
    let threshold_inside = match &v.threshold_inside {
        Some(t) if !has_context => return Err(needs_context(t, "threshold-inside")),
        Some(t) => ordered(
            t,
            "threshold-inside",
            ("`threshold`", threshold),
            true,
            "inside its context a rule asks for less, not more",
        )?,
        None => threshold,
    };
    let threshold_outside = match &v.threshold_outside {
        Some(t) if !has_context => return Err(needs_context(t, "threshold-outside")),
        Some(t) => Some(ordered(
            t,
            "threshold-outside",
            ("`threshold`", threshold),
            false,
            "outside its context a rule asks for more, not less",
        )?),
        None => None,
    };
    let threshold_beside = match &v.threshold_beside {
        Some(t) => Some(ordered(
            t,
            "threshold-beside",
            ("the threshold it lowers", threshold_inside),
            true,
            "beside another finding a rule asks for less, not more",
        )?),
        None => None,
    };
    Ok(Learn {
        files: v.files.iter().map(Located::from).collect(),
        unlike: v.unlike.iter().map(Located::from).collect(),
        flag: v.flag.clone(),
        pass: v.pass.clone(),
        threshold,
        threshold_inside,
        threshold_outside,
        threshold_beside,
        span,
    })
}

/// An example's text without its marks, and the span `[[` and `]]` marked in it: the
/// words the rule must report. At most one span; `[[` without `]]` is an error.
pub fn marked(example: &str) -> Result<(String, Option<Range<usize>>), String> {
    let Some(open) = example.find("[[") else {
        return if example.contains("]]") {
            Err("this example has `]]` without `[[` before it".into())
        } else {
            Ok((example.to_string(), None))
        };
    };
    let rest = &example[open + 2..];
    let Some(len) = rest.find("]]") else {
        return Err("this example opens a mark with `[[` and never closes it with `]]`".into());
    };
    let after = &rest[len + 2..];
    if after.contains("[[") || after.contains("]]") || rest[..len].contains("[[") {
        return Err("an example marks one span, between one `[[` and one `]]`".into());
    }
    if rest[..len].trim().is_empty() {
        return Err("this example marks no words between `[[` and `]]`".into());
    }
    let text = format!("{}{}{}", &example[..open], &rest[..len], after);
    Ok((text, Some(open..open + len)))
}

/// Lowercase ASCII letters, digits and `-`, not empty.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
