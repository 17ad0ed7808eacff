//! Rules: packs are loaded and checked (`pack`), phrases made tolerant (by
//! [`tactful_phrase`]), and all rules compiled into one [`RuleSet`]. The phrases of every
//! rule are found in one scan of each draft (`index`), and raw patterns by one
//! multi-pattern regex; each match is reported with its rule, and no rule runs a pass of
//! its own.
//! Each rule kind is one file (`avoid`, `require`, `order`), registered in [`check_rule`].

pub mod avoid;
pub mod builtin;
pub mod channel;
pub mod classify;
pub mod explain;
pub mod index;
pub mod order;
pub mod pack;
pub mod placeholder;
pub mod precompiled;
pub mod require;
pub mod suggest;
pub mod timing;
pub mod unreadable;

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use regex::{Regex, RegexBuilder};
use regex_automata::{meta, Input, MatchKind, PatternSet};

use crate::calendar::Calendar;
use crate::error::SourceError;
use crate::finding::{Finding, Severity};
use crate::input::{Draft, Format};
use index::{Phrase, PhraseIndex};
pub use pack::{Kind, Origin, Pack, RuleDef, Scope};

/// The compiled size a user's raw regex may take: the bound a phrase has.
pub const USER_REGEX_SIZE_LIMIT: usize = tactful_phrase::SIZE_LIMIT;
/// The limit for the combined matcher of all rules.
const SET_SIZE_LIMIT: usize = 256 << 20;

/// A rule ready to run.
#[derive(Debug)]
pub struct Rule {
    pub def: RuleDef,
    /// The id, message and help every finding of the rule shares.
    shared: (Arc<str>, Arc<str>, Option<Arc<str>>),
    /// The severity in force (after config); `None` means turned off.
    pub severity: Option<Severity>,
    pattern_src: Option<String>,
    pattern_re: OnceLock<Option<Regex>>,
    /// The `unless` phrases, compiled on first use (a user's pack compiles them at load,
    /// so an error is reported then), with the pack's word classes they may name.
    unless_phrases: OnceLock<Vec<Phrase>>,
    unless_vocab: Arc<BTreeMap<String, Vec<String>>>,
    unless_pattern_src: Option<String>,
    unless_pattern_re: OnceLock<Option<Regex>>,
    /// For `order` rules: the index of the rule named by `first`.
    pub first: Option<usize>,
    /// For `require` rules: the indexes of the rules named by `also`.
    pub also: Vec<usize>,
    /// For `classify` rules: the model.
    pub classifier: Option<classify::Classifier>,
    /// The words of the rule's `context` class, lowercase and sorted.
    context_words: Option<Box<[Box<str>]>>,
    /// For `classify` rules counted only by the rules whose `also` names them: scored when
    /// one of those asks, not in every scan.
    learned_on_demand: bool,
    /// For `classify` rules: whether a run needs its matches (it is on, or an `also` of
    /// a rule that is).
    learned_needed: bool,
}

impl Rule {
    /// True when one of the `unless` antipatterns overlaps `m` (a match of this rule, in
    /// lint-text offsets) in `draft`. Antipattern phrases are tried only around `m`; the
    /// matches of raw antipatterns, found once per draft, are `patterns` (in order).
    fn unless_overlaps(
        &self,
        draft: &Draft,
        seen: &index::Seen,
        m: &Range<usize>,
        patterns: &[Range<usize>],
    ) -> bool {
        let overlaps = |u: &Range<usize>| u.start < m.end && m.start < u.end;
        if !self.def.unless.is_empty() {
            let unless = self.unless_phrases.get_or_init(|| {
                // The built-ins' antipatterns are all parsed by the suite; none fails here.
                let shipped = self.def.shipped.map(|s| s.unless);
                let parse = |(k, p): (usize, &pack::Located)| {
                    let entry = shipped_entry(shipped, k, &p.value);
                    parse_phrase(&p.value, &self.unless_vocab, entry).ok()
                };
                self.def
                    .unless
                    .iter()
                    .enumerate()
                    .filter_map(parse)
                    .collect()
            });
            let folded = &draft.folded;
            let text = folded.text.as_str();
            let (start, end) = (folded.folded(m.start), folded.folded(m.end));
            // An antipattern that overlaps `m` starts in a paragraph `m` covers (a raw
            // pattern's match may cover several), at most its length in words before `m`.
            let mut para = folded.paragraph(start);
            loop {
                for u in unless {
                    let lo = seen.window_start(text, para.start, start.max(para.start), u.spaces);
                    let mut hit = false;
                    u.find_unanchored(seen, text, lo..end.min(para.end), para.end, |r| {
                        hit |= overlaps(&folded.original(r));
                    });
                    if hit {
                        return true;
                    }
                }
                if para.end >= end {
                    break;
                }
                para = folded.paragraph(para.end + 1);
            }
        }
        // The first antipattern match that ends after `m` starts is the only one to check:
        // they do not overlap each other, so they are in order of both ends.
        let k = patterns.partition_point(|u| u.end <= m.start);
        patterns.get(k).is_some_and(overlaps)
    }

    /// The matches of the raw `unless` patterns in `draft`, in order: compiled on first use,
    /// since only drafts that matched the rule need them.
    fn unless_pattern_matches(&self, draft: &Draft) -> Vec<Range<usize>> {
        lazy(&self.unless_pattern_re, &self.unless_pattern_src)
            .map(|re| re.find_iter(&draft.text).map(|u| u.range()).collect())
            .unwrap_or_default()
    }

    pub fn id(&self) -> &str {
        &self.def.id
    }

    /// The rule's severity in force as `tactful rules` and `explain` show it: `off`, or
    /// `signal` for a learned rule other rules use, which is never reported itself.
    pub fn severity_label(&self) -> &'static str {
        match self.severity {
            _ if !self.def.report => "signal",
            Some(s) => s.as_str(),
            None => "off",
        }
    }

    fn has_unless(&self) -> bool {
        !self.def.unless.is_empty() || self.unless_pattern_src.is_some()
    }
}

fn lazy<'a>(cell: &'a OnceLock<Option<Regex>>, src: &Option<String>) -> Option<&'a Regex> {
    cell.get_or_init(|| {
        src.as_ref()
            .and_then(|s| RegexBuilder::new(s).size_limit(SET_SIZE_LIMIT).build().ok())
    })
    .as_ref()
}

/// What a run knows beyond the draft: the send date and reply-by date given on the
/// command line (they override front matter), and the holiday calendar.
#[derive(Debug, Clone)]
pub struct Context {
    pub send_date: Option<jiff::civil::Date>,
    /// The send date of a draft that gives none (front matter, `Date:`): the editor's today.
    pub fallback_send_date: Option<jiff::civil::Date>,
    pub promised_by: Option<jiff::civil::Date>,
    pub calendar: Calendar,
    /// Template mode: placeholders are expected, never findings.
    pub templates: bool,
    /// What the job seeker knows about the people they write to.
    pub contacts: Option<std::sync::Arc<crate::contacts::Contacts>>,
}

impl Default for Context {
    /// No dates from the command line; the default calendar.
    fn default() -> Self {
        Context {
            send_date: None,
            fallback_send_date: None,
            promised_by: None,
            calendar: Calendar::default(),
            templates: false,
            contacts: None,
        }
    }
}

impl Context {
    /// The send date of `draft`: the command line's, else its front matter's, else the
    /// fallback.
    pub fn send_date(&self, draft: &Draft) -> Option<jiff::civil::Date> {
        let fm = draft.front_matter.send_date.as_ref();
        self.send_date
            .or(fm.map(|f| f.value))
            .or(self.fallback_send_date)
    }

    /// The contacts entry of the person `draft` is written to: the front matter's
    /// `contact`, else the first recipient (`To:`, then `Cc:`) the contacts file knows.
    pub fn contact_for(&self, draft: &Draft) -> Option<&crate::contacts::Entry> {
        let contacts = self.contacts.as_deref()?;
        if let Some(c) = &draft.front_matter.contact {
            return contacts.find(&c.value);
        }
        draft
            .people
            .to
            .iter()
            .find_map(|p| contacts.find_person(p.name.as_deref(), p.address.as_deref()))
    }
}

/// What the rules learn about one draft: where each rule's phrases and patterns matched,
/// in order of position, and its send date judged (once, when a timing rule first asks).
#[derive(Debug, Default)]
pub struct Matches {
    per_rule: Vec<Vec<Range<usize>>>,
    /// For each match of `per_rule`, the number of the rule's phrase that made it.
    phrase: Vec<Vec<Option<u32>>>,
    /// For `classify` rules: the sentences flagged (their words are in `per_rule`).
    learned: Vec<Vec<classify::Learned>>,
    /// The draft's sentences cut into tokens, when a learned rule first needs them.
    sentences: OnceCell<classify::Sentences>,
    /// For learned rules that only count for another (named by its `also`, not reported):
    /// the words of the sentences they flag, scored only when that rule asks.
    on_demand: Vec<OnceCell<Vec<Range<usize>>>>,
    send_day: OnceCell<Option<timing::SendDay>>,
}

impl Matches {
    /// The matches of rule `index`.
    pub fn of(&self, index: usize) -> &[Range<usize>] {
        &self.per_rule[index]
    }

    /// The number (among the rule's `phrases`) of the phrase that made match `k` of rule
    /// `index`, when a phrase made it.
    pub fn phrase(&self, index: usize, k: usize) -> Option<usize> {
        self.phrase
            .get(index)?
            .get(k)
            .copied()
            .flatten()
            .map(|p| p as usize)
    }

    /// The sentences learned rule `index` flagged.
    pub fn learned(&self, index: usize) -> &[classify::Learned] {
        self.learned.get(index).map_or(&[], Vec::as_slice)
    }

    /// The matches of rule `index` that start inside `range`; a learned rule that is only
    /// counted by others is scored here, the first time it is asked for.
    pub fn within_scored<'a>(
        &'a self,
        set: &RuleSet,
        draft: &Draft,
        index: usize,
        range: Range<usize>,
    ) -> impl Iterator<Item = &'a Range<usize>> {
        let scored = match (self.on_demand.get(index), &set.rules[index].classifier) {
            (Some(cell), Some(c)) if set.rules[index].learned_on_demand => cell.get_or_init(|| {
                let sentences = self
                    .sentences
                    .get_or_init(|| classify::Sentences::of(draft, set.learned_forms));
                classify::scan(c, &draft.text, sentences)
                    .into_iter()
                    .map(|l| l.words)
                    .collect()
            }),
            _ => &self.per_rule[index],
        };
        scored.iter().filter(move |m| range.contains(&m.start))
    }

    /// The matches of rule `index` that start inside `range`.
    pub fn within(&self, index: usize, range: Range<usize>) -> impl Iterator<Item = &Range<usize>> {
        self.per_rule[index]
            .iter()
            .filter(move |m| range.contains(&m.start))
    }
}

/// The raw patterns of every rule: one set tells, in one pass, which rules' patterns occur
/// in a text; only those rules' own regexes then find where. Each pass is linear in the
/// text, whatever the patterns.
#[derive(Debug)]
struct Matcher {
    set: meta::Regex,
    /// Pattern `i` of the set belongs to rule `owner[i]`.
    owner: Vec<usize>,
}

impl Matcher {
    /// One pattern per rule that has raw patterns; `None` when no rule has any.
    fn build(rules: &[Rule]) -> Result<Option<Matcher>, String> {
        let (owner, patterns): (Vec<usize>, Vec<&str>) = rules
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, r.pattern_src.as_deref()?)))
            .unzip();
        if patterns.is_empty() {
            return Ok(None);
        }
        let set = meta::Builder::new()
            .configure(
                // Only which patterns occur is needed: no engine for captures, and no full
                // DFA, whose build would cost more than a draft's scan. No literal prefilter
                // either: extracting one costs more than the lazy DFA saves on a draft of a
                // few kilobytes.
                meta::Config::new()
                    .match_kind(MatchKind::All)
                    .nfa_size_limit(Some(SET_SIZE_LIMIT))
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                    .auto_prefilter(false)
                    .dfa(false)
                    .onepass(false)
                    .backtrack(false),
            )
            .build_many(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(Some(Matcher { set, owner }))
    }

    /// Appends each match of each rule's patterns in `text` to the rule's list. Matches of
    /// one rule do not overlap; those of different rules may.
    fn scan(&self, rules: &[Rule], text: &str, out: &mut [Vec<Range<usize>>]) {
        let mut which = PatternSet::new(self.owner.len());
        self.set
            .which_overlapping_matches(&Input::new(text), &mut which);
        for i in which.iter() {
            let rule = self.owner[i.as_usize()];
            let Some(re) = lazy(&rules[rule].pattern_re, &rules[rule].pattern_src) else {
                continue;
            };
            // A pattern may need the blank or the stop before its words (a line start, a
            // sentence end) and after them; the finding is the words, and the search goes on
            // after them, so the stop that ends one match may begin the next.
            let mut at = 0;
            while let Some(m) = re.find_at(text, at) {
                let found = m.as_str();
                let stop = |c: char| c.is_whitespace() || ".!?…;,".contains(c);
                let lead = found.len() - found.trim_start_matches(stop).len();
                let tail = found.len() - found.trim_end_matches(stop).len();
                let words = m.start() + lead..(m.end() - tail).max(m.start() + lead);
                if !words.is_empty() {
                    out[rule].push(words.clone());
                }
                // Always forward: past the words, or one character past an empty match.
                at = words.end.max(m.start() + 1);
                while at < text.len() && !text.is_char_boundary(at) {
                    at += 1;
                }
                if at > text.len() {
                    break;
                }
            }
        }
    }
}

/// All rules of a run, compiled.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// The packs the rules came from, in load order.
    pub packs: Vec<PackInfo>,
    /// Every rule's phrases, found in the folded lint text.
    phrases: PhraseIndex,
    /// For each phrase of the index, its number among its rule's `phrases`.
    phrase_number: Vec<u32>,
    /// Every rule's raw patterns, run over the lint text as written.
    patterns: Option<Matcher>,
    /// Whether the learned rules a run may score read word forms (letter n-grams).
    learned_forms: bool,
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
            kept.retain(|k| k.name != p.name || k.group == p.group);
            kept.push(p);
        }
        // The parts of a pack share its word classes.
        // (The classes are shared, not copied: the built-in blame pack defines them in
        // one of its files.)
        let mut vocab: HashMap<String, Arc<BTreeMap<String, Vec<String>>>> = HashMap::new();
        for p in kept.iter().filter(|p| !p.vocab.is_empty()) {
            match vocab.get_mut(&p.name) {
                None => {
                    vocab.insert(p.name.clone(), Arc::clone(&p.vocab));
                }
                Some(classes) => {
                    let merged = Arc::make_mut(classes);
                    for (name, words) in p.vocab.iter() {
                        merged
                            .entry(name.clone())
                            .or_default()
                            .extend(words.iter().cloned());
                    }
                }
            }
        }
        for p in &mut kept {
            if let Some(classes) = vocab.get(&p.name) {
                p.vocab = Arc::clone(classes);
            }
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for p in &kept {
            for r in &p.rules {
                if !seen.insert(r.id.as_str()) {
                    return Err(p
                        .error(r.id_span.clone(), format!("duplicate rule id `{}`", r.id))
                        .with_note("each rule id must be unique across all loaded packs"));
                }
            }
        }
        let mut rules = Vec::new();
        let mut packs_info = Vec::new();
        let mut phrases = Vec::new();
        let mut phrase_number = Vec::new();
        for p in &kept {
            for def in &p.rules {
                let (rule, compiled) = compile_rule(p, def)?;
                phrase_number.extend(0..compiled.len() as u32);
                phrases.extend(compiled.into_iter().map(|c| (rules.len(), c)));
                rules.push(rule);
            }
            packs_info.push(PackInfo {
                name: p.name.clone(),
                path: p.path.clone(),
                description: p.description.clone(),
                origin: p.origin.clone(),
            });
        }
        let index: HashMap<String, usize> = rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.def.id.clone(), i))
            .collect();
        for i in 0..rules.len() {
            if let Some(first) = &rules[i].def.first {
                let target = index
                    .get(first.value.as_ref())
                    .copied()
                    .filter(|&t| rules[t].def.kind == Kind::Require);
                let Some(t) = target else {
                    let p = kept
                        .iter()
                        .find(|p| p.name == rules[i].def.pack)
                        .expect("rule's pack is loaded");
                    return Err(p.error(
                        first.span.clone(),
                        format!(
                            "`first` must name a loaded `require` rule; `{}` is not one",
                            first.value
                        ),
                    ));
                };
                rules[i].first = Some(t);
            }
            for name in rules[i].def.also.clone() {
                let Some(&t) = index.get(name.value.as_ref()).filter(|&&t| t != i) else {
                    let p = kept
                        .iter()
                        .find(|p| p.name == rules[i].def.pack)
                        .expect("rule's pack is loaded");
                    return Err(p.error(
                        name.span.clone(),
                        format!(
                            "`also` must name another loaded rule; `{}` is not one",
                            name.value
                        ),
                    ));
                };
                rules[i].also.push(t);
            }
        }
        for r in &mut rules {
            if let Some(s) = overrides.severity.get(&r.def.id) {
                r.severity = *s;
            }
        }
        for i in 0..rules.len() {
            let on = |r: &Rule| r.severity.is_some();
            let named = rules.iter().any(|r| on(r) && r.also.contains(&i));
            let reported = on(&rules[i]) && rules[i].def.report;
            rules[i].learned_needed = rules[i].classifier.is_some() && reported;
            rules[i].learned_on_demand = rules[i].classifier.is_some() && !reported && named;
        }
        let learned_forms = rules
            .iter()
            .filter(|r| r.learned_needed || r.learned_on_demand)
            .any(|r| r.classifier.as_ref().is_some_and(|c| c.model.needs_forms()));
        let compile_error = |e: String| {
            SourceError::new(
                "<rules>",
                "",
                0..0,
                format!("the rules do not compile together: {}", summary(&e)),
            )
        };
        let phrases = PhraseIndex::build(phrases);
        let patterns = Matcher::build(&rules).map_err(compile_error)?;
        let ruleset = RuleSet {
            rules,
            packs: packs_info,
            phrases,
            phrase_number,
            patterns,
            learned_forms,
        };
        for p in kept.iter().filter(|p| p.origin == Origin::File) {
            ruleset.check_examples(p)?;
        }
        Ok(ruleset)
    }

    /// Scans `draft` once for the phrases of every rule (and once more for raw patterns,
    /// when any pack has them). Overlapping matches of one rule are merged.
    pub fn scan(&self, draft: &Draft) -> Matches {
        self.scan_for(draft, None)
    }

    /// [`RuleSet::scan`], with learned rule `also` scored whether or not the run needs it
    /// (its examples are run even when it is off).
    fn scan_for(&self, draft: &Draft, also: Option<usize>) -> Matches {
        let mut per_rule = vec![Vec::new(); self.rules.len()];
        let mut which = vec![Vec::new(); self.rules.len()];
        let seen = self.phrases.scan(&draft.folded, &mut per_rule, &mut which);
        if let Some(m) = &self.patterns {
            m.scan(&self.rules, &draft.text, &mut per_rule);
        }
        let mut learned = Vec::new();
        let sentences = OnceCell::new();
        let is_needed = |i: usize| self.rules[i].learned_needed || also == Some(i);
        if (0..self.rules.len()).any(is_needed) {
            let forms = self.learned_forms
                || also.is_some_and(|i| {
                    let c = self.rules[i].classifier.as_ref();
                    c.is_some_and(|c| c.model.needs_forms())
                });
            let sentences = sentences.get_or_init(|| classify::Sentences::of(draft, forms));
            learned = vec![Vec::new(); self.rules.len()];
            for (i, rule) in self.rules.iter().enumerate() {
                if let (true, Some(c)) = (is_needed(i), &rule.classifier) {
                    learned[i] = classify::scan(c, &draft.text, sentences);
                    per_rule[i] = learned[i].iter().map(|l| l.words.clone()).collect();
                }
            }
        }
        let mut phrase = vec![Vec::new(); self.rules.len()];
        for (i, (rule, list)) in self.rules.iter().zip(&mut per_rule).enumerate() {
            // Each match with the number of the phrase that made it (none for raw patterns
            // and learned sentences, which come after the phrases' matches).
            let ids = std::mem::take(&mut which[i]);
            let number = |k: usize| ids.get(k).map(|&e| self.phrase_number[e as usize]);
            let mut found: Vec<(Range<usize>, Option<u32>)> = list
                .drain(..)
                .enumerate()
                .map(|(k, r)| (r, number(k)))
                .collect();
            // Antipatterns cancel single matches, before overlapping ones are merged.
            if rule.has_unless() && !found.is_empty() {
                let patterns = rule.unless_pattern_matches(draft);
                found.retain(|(m, _)| !rule.unless_overlaps(draft, &seen, m, &patterns));
            }
            found.sort_by_key(|(r, _)| (r.start, r.end));
            let mut merged: Vec<(Range<usize>, Option<u32>)> = Vec::with_capacity(found.len());
            for (r, p) in found {
                match merged.last_mut() {
                    Some((prev, _)) if r.start < prev.end => prev.end = prev.end.max(r.end),
                    _ => merged.push((r, p)),
                }
            }
            (*list, phrase[i]) = merged.into_iter().unzip();
        }
        Matches {
            per_rule,
            phrase,
            learned,
            sentences,
            on_demand: (0..self.rules.len()).map(|_| OnceCell::new()).collect(),
            send_day: OnceCell::new(),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.def.id == id)
    }

    /// Runs the `bad` and `good` examples of every rule of `pack`, with no dates from the
    /// command line and the default calendar.
    pub fn check_examples(&self, pack: &Pack) -> Result<(), SourceError> {
        let ctx = Context::default();
        for def in &pack.rules {
            for (k, ex) in def.bad.iter().enumerate() {
                if let Some(msg) = self.bad_example_fails(def, k, &ctx) {
                    return Err(pack.error(ex.span.clone(), msg).with_note(
                        "a `bad` example must be caught by the rule, on the words it marks with [[ ]] if it marks some: widen the phrases or fix the example",
                    ));
                }
            }
            for ex in &def.good {
                if let Some(fired) = self.example_fires(&def.id, &ex.value, &ctx) {
                    let msg = format!("this `good` example fires `{}` on {fired:?}", def.id);
                    return Err(pack.error(ex.span.clone(), msg).with_note(
                        "a `good` example must pass: add an `unless` antipattern or fix the example",
                    ));
                }
            }
        }
        Ok(())
    }

    /// Why `bad` example `k` of `def` fails, if it does: the rule does not fire on it, or
    /// reports none of its findings on exactly the words the example marks.
    pub fn bad_example_fails(&self, def: &RuleDef, k: usize, ctx: &Context) -> Option<String> {
        let text = &def.bad[k].value;
        let spans = self.example_spans(&def.id, text, ctx);
        let Some(first) = spans.first() else {
            return Some(format!("this `bad` example does not fire `{}`", def.id));
        };
        match def.bad_marks.get(k).cloned().flatten() {
            Some(mark) if !spans.contains(&mark) => Some(format!(
                "this `bad` example fires `{}` on {:?}, not on the words it marks ({:?})",
                def.id,
                text.get(first.clone()).unwrap_or(""),
                &text[mark]
            )),
            _ => None,
        }
    }

    /// Lints `example` as a plain draft and returns the text of the first finding of rule
    /// `id` in `ctx`, if it fires (whatever the rule's configured severity).
    pub fn example_fires(&self, id: &str, example: &str, ctx: &Context) -> Option<String> {
        let (i, draft, spans) = self.lint_example(id, example, ctx)?;
        // Unreadable parts are reported in the raw message, the rest in the lint text.
        let shown = match (&draft.origin, self.rules[i].def.kind) {
            (Some(o), Kind::Unreadable) => &o.display,
            _ => &draft.source,
        };
        spans
            .first()
            .map(|s| shown.get(s.clone()).unwrap_or("").to_string())
    }

    /// The spans of the findings of rule `id` when `example` is linted as a plain draft in
    /// `ctx` (whatever the rule's configured severity).
    pub fn example_spans(&self, id: &str, example: &str, ctx: &Context) -> Vec<Range<usize>> {
        self.lint_example(id, example, ctx)
            .map(|(_, _, spans)| spans)
            .unwrap_or_default()
    }

    /// Rule `id`'s index, `example` read as a plain draft, and the spans of the rule's
    /// findings in it; `None` for an unknown rule or an example that is not a draft.
    fn lint_example(
        &self,
        id: &str,
        example: &str,
        ctx: &Context,
    ) -> Option<(usize, Draft, Vec<Range<usize>>)> {
        let i = self.rules.iter().position(|r| r.def.id == id)?;
        let draft = Draft::parse("<example>", example.as_bytes().to_vec(), Format::Text).ok()?;
        let matches = self.scan_for(&draft, Some(i));
        let mut out = Vec::new();
        check_rule(self, i, &draft, &matches, ctx, &mut out);
        let spans = out.into_iter().map(|f| f.span).collect();
        Some((i, draft, spans))
    }
}

/// The registry of rule kinds: one line per kind.
pub fn check_rule(
    set: &RuleSet,
    index: usize,
    draft: &Draft,
    matches: &Matches,
    ctx: &Context,
    out: &mut Vec<Finding>,
) {
    let rule = &set.rules[index];
    if !rule.def.kinds.is_empty() {
        // The draft's kind: its front matter's, else its contact's.
        let kind = draft
            .front_matter
            .kind
            .as_ref()
            .map(|k| k.value)
            .or_else(|| ctx.contact_for(draft).and_then(|c| c.contact.kind));
        if let Some(kind) = kind {
            if !rule.def.kinds.contains(&kind) {
                return;
            }
        }
    }
    match rule.def.kind {
        Kind::Avoid => avoid::check(rule, &draft.text, matches, index, out),
        Kind::Require => require::check(set, draft, matches, index, out),
        Kind::Order => {
            let first = rule.first.unwrap_or(index);
            order::check(rule, &set.rules[first], draft, matches, (index, first), out)
        }
        Kind::Timing => timing::check(rule, draft, matches, ctx, out),
        Kind::Channel => channel::check(rule, draft, ctx, out),
        Kind::Placeholder => placeholder::check(rule, draft, ctx, out),
        Kind::Unreadable => unreadable::check(rule, draft, out),
        Kind::Classify => classify::check(rule, &draft.text, matches, index, out),
    }
}

/// Builds a finding of `rule` at `span`.
pub fn finding(rule: &Rule, span: Range<usize>, label: Option<String>) -> Finding {
    let (id, message, help) = &rule.shared;
    Finding {
        rule: id.clone(),
        category: rule.def.category,
        severity: rule.severity.unwrap_or(rule.def.severity),
        message: message.clone(),
        span,
        help: help.clone(),
        label,
        note: None,
        words: None,
        score: None,
        phrase: None,
    }
}

/// Compiles one rule; its phrases are returned apart, for the phrase index.
fn compile_rule(pack: &Pack, def: &RuleDef) -> Result<(Rule, Vec<Phrase>), SourceError> {
    let phrases = compile_phrases(pack, &def.phrases, def.shipped.map(|s| s.phrases))?;
    let check_patterns = |list: &[pack::Located]| -> Result<Option<String>, SourceError> {
        if pack.origin == Origin::File {
            for p in list {
                if let Err(e) = RegexBuilder::new(&p.value)
                    .size_limit(USER_REGEX_SIZE_LIMIT)
                    .build()
                {
                    return Err(pack
                        .error(p.span.clone(), regex_problem(e))
                        .with_note("split it into smaller patterns, or use `phrases`"));
                }
            }
        }
        Ok(alternation(list.iter().map(|p| format!("(?:{})", p.value))))
    };
    let patterns = check_patterns(&def.patterns)?;
    let rule = Rule {
        shared: (
            Arc::from(def.id.as_str()),
            Arc::from(def.message.as_str()),
            def.help.as_deref().map(Arc::from),
        ),
        def: def.clone(),
        severity: def.enabled.then_some(def.severity),
        pattern_src: patterns,
        pattern_re: OnceLock::new(),
        unless_phrases: if pack.origin == Origin::File {
            OnceLock::from(compile_phrases(pack, &def.unless, None)?)
        } else {
            OnceLock::new()
        },
        unless_vocab: Arc::clone(&pack.vocab),
        unless_pattern_src: check_patterns(&def.unless_patterns)?,
        unless_pattern_re: OnceLock::new(),
        first: None,
        also: Vec::new(),
        classifier: match def.kind {
            Kind::Classify => Some(classify::compile(pack, def)?),
            _ => None,
        },
        context_words: match &def.context {
            Some(c) => Some(context_words(pack, c)?),
            None => None,
        },
        learned_needed: false,
        learned_on_demand: false,
    };
    Ok((rule, phrases))
}

/// The words of the word class a rule's `context` names, lowercase and sorted.
fn context_words(pack: &Pack, c: &pack::Located) -> Result<Box<[Box<str>]>, SourceError> {
    let Some(words) = pack.vocab.get(c.value.as_ref()) else {
        let known: Vec<&str> = pack.vocab.keys().map(String::as_str).collect();
        return Err(pack
            .error(
                c.span.clone(),
                format!(
                    "`context` names `{}`, which is not a word class of the pack",
                    c.value
                ),
            )
            .with_note(if known.is_empty() {
                "the pack has no `vocab:`; `context` names one of its word classes".to_string()
            } else {
                format!("its word classes: {}", known.join(", "))
            }));
    };
    let mut out: Vec<Box<str>> = words.iter().map(|w| w.to_lowercase().into()).collect();
    out.sort();
    out.dedup();
    Ok(out.into())
}

/// A text of fewer words than this is too short to tell whether it is outside a rule's
/// `context`: one sentence quoted alone may come from any draft.
pub const CONTEXT_MIN_WORDS: usize = 40;

/// Where a text stands with a rule's `context`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// It holds a word of the context's class.
    Inside,
    /// The rule has no context, or the text is too short to tell.
    Unknown,
    /// It has [`CONTEXT_MIN_WORDS`] words or more and none of the class.
    Outside,
}

impl Rule {
    /// Whether `text` is inside the rule's context, or may be: see [`Rule::place`].
    pub fn in_context(&self, text: &str) -> bool {
        self.place(text) != Place::Outside
    }

    /// Where `text` stands with the rule's context: words are compared without case, word
    /// by word.
    pub fn place(&self, text: &str) -> Place {
        let Some(words) = &self.context_words else {
            return Place::Unknown;
        };
        let mut lower = String::new();
        let mut count = 0;
        let found = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| {
                count += 1;
                if w.is_ascii() {
                    words
                        .binary_search_by(|k| {
                            k.bytes().cmp(w.bytes().map(|b| b.to_ascii_lowercase()))
                        })
                        .is_ok()
                } else {
                    lower.clear();
                    lower.extend(w.chars().flat_map(char::to_lowercase));
                    words
                        .binary_search_by(|k| (**k).cmp(lower.as_str()))
                        .is_ok()
                }
            });
        if found {
            Place::Inside
        } else if count < CONTEXT_MIN_WORDS {
            Place::Unknown
        } else {
            Place::Outside
        }
    }
}

/// Why a phrase could not be read: it names a word class the pack lacks, or its syntax.
enum PhraseFault {
    Vocab(String),
    Syntax(tactful_phrase::PhraseError),
}

/// `value` with the word classes of `vocab` it names written out, parsed.
/// A phrase the build compiled (`shipped`, its entry) is read from the binary.
fn parse_phrase(
    value: &str,
    vocab: &BTreeMap<String, Vec<String>>,
    shipped: Option<u32>,
) -> Result<Phrase, PhraseFault> {
    if let Some(entry) = shipped.and_then(precompiled::entry) {
        return Ok(Phrase::shipped(entry));
    }
    let expanded = tactful_phrase::expand_vocab(value, vocab).map_err(PhraseFault::Vocab)?;
    Phrase::new(&expanded).map_err(PhraseFault::Syntax)
}

/// Compiles each phrase of `list`. A pack read from a file also has each phrase's DFA
/// built, so a phrase too large to build is an error at load time, not a silent miss.
fn compile_phrases(
    pack: &Pack,
    list: &[pack::Located],
    shipped: Option<&[(&str, u32)]>,
) -> Result<Vec<Phrase>, SourceError> {
    let mut out = Vec::with_capacity(list.len());
    for (k, p) in list.iter().enumerate() {
        let entry = shipped_entry(shipped, k, &p.value);
        let phrase = parse_phrase(&p.value, &pack.vocab, entry).map_err(|fault| match fault {
            PhraseFault::Vocab(e) => pack
                .error(p.span.clone(), format!("phrase `{}`: {e}", shorten(&p.value)))
                .with_note("a pack's `vocab:` names word classes; `{name}` in a phrase stands for any word of one"),
            PhraseFault::Syntax(e) => pack
                .error(p.span.clone(), format!("phrase `{}`: {}", shorten(&p.value), e.message))
                .with_note("phrases are words with `(a|b)` alternatives, `[optional]` words and `...` gaps; use `patterns` for raw regex"),
        })?;
        if pack.origin == Origin::File {
            if let Err(e) = phrase.build() {
                let problem = if e.is_size_limit_exceeded() {
                    too_large(tactful_phrase::SIZE_LIMIT)
                } else {
                    format!("regex does not compile: {e}")
                };
                return Err(pack
                    .error(
                        p.span.clone(),
                        format!("phrase `{}`: {problem}", shorten(&p.value)),
                    )
                    .with_note("split it into smaller phrases"));
            }
        }
        out.push(phrase);
    }
    Ok(out)
}

/// The entry the build compiled for phrase `k` of a list, `text`, if the list is shipped.
fn shipped_entry(shipped: Option<&[(&str, u32)]>, k: usize, text: &str) -> Option<u32> {
    shipped
        .and_then(|list| list.get(k))
        .filter(|(written, _)| *written == text)
        .map(|&(_, entry)| entry)
}

/// A phrase as an error message quotes it: whole when short, else its start.
fn shorten(phrase: &str) -> String {
    const MAX: usize = 60;
    match phrase.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &phrase[..i]),
        None => phrase.to_string(),
    }
}

fn too_large(limit: usize) -> String {
    format!("regex is too large: it compiles to more than {limit} bytes")
}

/// What is wrong with a regex that failed to build.
fn regex_problem(e: regex::Error) -> String {
    match e {
        regex::Error::CompiledTooBig(limit) => too_large(limit),
        other => format!("regex does not compile: {}", summary(&other.to_string())),
    }
}

fn alternation(parts: impl Iterator<Item = String>) -> Option<String> {
    let parts: Vec<String> = parts.collect();
    (!parts.is_empty()).then(|| format!("(?:{})", parts.join("|")))
}

/// The last line of a multi-line regex error, which says what is wrong.
fn summary(s: &str) -> String {
    let last = s.lines().last().unwrap_or(s).trim();
    last.strip_prefix("error: ").unwrap_or(last).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pattern that needs the stop before its words finds each of several in a row: the
    /// stop that ends one match begins the next.
    #[test]
    fn raw_patterns_find_matches_in_a_row() {
        let yaml = "pack: t
rules:
  - id: t/row
    kind: avoid
    category: blame
    message: m
    why: w
    patterns: ['(?:^|[.!?]\\s+)Stuck here\\.']
    examples:
      bad: ['Stuck here.']
      good: ['Not stuck here']
";
        let pack = pack::parse("t.yaml", yaml, Origin::File).unwrap();
        let set = RuleSet::build(vec![pack], &Overrides::default()).unwrap();
        let draft = Draft::parse(
            "t.txt",
            b"Stuck here. Stuck here. Stuck here.".to_vec(),
            Format::Text,
        )
        .unwrap();
        assert_eq!(set.scan(&draft).of(0).len(), 3);
    }

    /// A phrase whose anchor starts with a wide character, found twice in a row: the search
    /// of the second never resumes inside the first's characters.
    #[test]
    fn anchors_of_wide_characters_in_a_row() {
        let yaml = "pack: t
rules:
  - id: t/wide
    kind: avoid
    category: blame
    message: m
    why: w
    phrases: ['völlig ärgerlich']
    examples:
      bad: ['völlig ärgerlich']
      good: ['ärgerlich']
";
        let pack = pack::parse("t.yaml", yaml, Origin::File).unwrap();
        let set = RuleSet::build(vec![pack], &Overrides::default()).unwrap();
        for text in [
            "ärgerlich ärgerlich völlig ärgerlich",
            "ärgerlichärgerlich ärgerlich",
        ] {
            let draft = Draft::parse("t.txt", text.as_bytes().to_vec(), Format::Text).unwrap();
            let found = set.scan(&draft).of(0).len();
            assert_eq!(found, usize::from(text.contains("völlig")), "{text}");
        }
    }

    /// A rule with a `context` reports in a text that holds a word of the class, in one
    /// too short to tell, and not in a longer text without one; a pack that names a class
    /// it lacks, or puts the key on a kind it does not fit, is told so.
    #[test]
    fn context_keeps_a_rule_to_drafts_of_its_kind() {
        let yaml = "pack: t
vocab:
  job: [interview, role, Résumé]
rules:
  - id: t/said
    kind: avoid
    category: blame
    message: m
    why: w
    context: job
    phrases: ['as I wrote last week']
    examples:
      bad: ['As I wrote last week, the role suits me.']
      good: ['I wrote last week.']
";
        let pack = pack::parse("t.yaml", yaml, Origin::File).unwrap();
        let set = RuleSet::build(vec![pack], &Overrides::default()).unwrap();
        let fires = |text: &str| {
            let draft = Draft::parse("t.txt", text.as_bytes().to_vec(), Format::Text).unwrap();
            !crate::lint::lint(&draft, &set, &Context::default()).is_empty()
        };
        let filler = " The movers come on Friday, so please pack your desks by Thursday evening \
            and label each box with your name and floor, and leave the keys with the front \
            desk before you go home for the weekend.";
        assert!(fires("As I wrote last week, the move is on track."));
        assert!(!fires(&format!(
            "As I wrote last week, the move is on track.{filler}"
        )));
        assert!(fires(&format!(
            "As I wrote last week, the INTERVIEW is on.{filler}"
        )));
        assert!(fires(&format!(
            "As I wrote last week, my résumé is attached.{filler}"
        )));
        let rule = set.get("t/said").unwrap();
        assert_eq!(rule.place("The interview is on."), Place::Inside);
        assert_eq!(rule.place("The move is on."), Place::Unknown);
        assert_eq!(rule.place(&format!("{filler}{filler}")), Place::Outside);
        for (from, to, says) in [
            (
                "context: job",
                "context: jobs",
                "not a word class of the pack",
            ),
            (
                "kind: avoid",
                "kind: timing\n    day: monday",
                "does not apply",
            ),
        ] {
            let bad = yaml.replacen(from, to, 1);
            let err = pack::parse("t.yaml", &bad, Origin::File)
                .and_then(|p| RuleSet::build(vec![p], &Overrides::default()))
                .unwrap_err();
            assert!(err.to_string().contains(says), "{bad}: {err}");
        }
    }

    /// The built-ins' antipatterns are compiled on first use, where one that failed would
    /// be dropped: every one compiles.
    #[test]
    fn every_builtin_antipattern_compiles() {
        let set = RuleSet::build(builtin::packs().unwrap(), &Overrides::default()).unwrap();
        let mut n = 0;
        for rule in &set.rules {
            for u in &rule.def.unless {
                let parsed = parse_phrase(&u.value, &rule.unless_vocab, None);
                assert!(parsed.is_ok(), "{}: {}", rule.id(), u.value);
                n += 1;
            }
        }
        assert!(n > 100, "only {n} antipatterns");
    }

    /// Every built-in phrase and antipattern was compiled by the build, under its rule, to
    /// what its text with the word classes expanded compiles to: the build merged each
    /// pack's word classes as a run does.
    #[test]
    fn builtin_phrases_are_shipped_by_rule() {
        let mut n = 0;
        let set = RuleSet::build(builtin::packs().unwrap(), &Overrides::default()).unwrap();
        for rule in &set.rules {
            let def = &rule.def;
            let shipped = def
                .shipped
                .unwrap_or_else(|| panic!("{} not shipped", def.id));
            for (list, written) in [
                (&def.phrases, shipped.phrases),
                (&def.unless, shipped.unless),
            ] {
                assert_eq!(list.len(), written.len(), "{}", def.id);
                for (k, p) in list.iter().enumerate() {
                    let entry = shipped_entry(Some(written), k, &p.value)
                        .and_then(precompiled::entry)
                        .unwrap_or_else(|| panic!("{}: {} not shipped", def.id, p.value));
                    let expanded =
                        tactful_phrase::expand_vocab(&p.value, &rule.unless_vocab).unwrap();
                    assert_eq!(entry.text, expanded, "{}", def.id);
                    n += 1;
                }
            }
        }
        assert!(n > 500, "only {n} phrases");
    }

    /// Every phrase of the built-in `avoid` and `require` rules is hit by one of its rule's
    /// examples (before antipatterns and the merging of overlapping matches): a phrase no
    /// example reaches is untested. `TACTFUL_UNCOVERED=FILE` writes those that are not.
    #[test]
    fn every_builtin_phrase_is_hit_by_an_example() {
        let set = RuleSet::build(builtin::packs().unwrap(), &Overrides::default()).unwrap();
        let mut hit = vec![false; set.phrase_number.len()];
        // An `avoid` rule's phrases are what its `bad` examples say; a `require` rule's,
        // what its `good` ones say.
        fn shows(r: &Rule) -> &[pack::Located] {
            match r.def.kind {
                Kind::Avoid => &r.def.bad,
                _ => &r.def.good,
            }
        }
        let tested = |r: &Rule| matches!(r.def.kind, Kind::Avoid | Kind::Require);
        for r in set.rules.iter().filter(|r| tested(r)) {
            for ex in shows(r) {
                let draft = Draft::parse("e.txt", ex.value.as_bytes().to_vec(), Format::Text)
                    .expect("an example is a draft");
                let mut found = vec![Vec::new(); set.rules.len()];
                let mut which = vec![Vec::new(); set.rules.len()];
                set.phrases.scan(&draft.folded, &mut found, &mut which);
                let own = set.rules.iter().position(|o| o.def.id == r.def.id).unwrap();
                for &e in &which[own] {
                    hit[e as usize] = true;
                }
            }
        }
        // Entries are the rules' phrases in order.
        let mut missing = Vec::new();
        let mut e = 0;
        for r in &set.rules {
            for p in &r.def.phrases {
                if tested(r) && !hit[e] {
                    missing.push(format!("{}\t{}", r.def.id, p.value));
                }
                e += 1;
            }
        }
        if let Some(path) = std::env::var_os("TACTFUL_UNCOVERED") {
            std::fs::write(path, missing.join("\n")).unwrap();
        }
        assert!(e > 400, "the built-in phrases are read");
        assert!(
            missing.is_empty(),
            "{} of {e} phrases hit by no example of their rule:\n{}",
            missing.len(),
            missing.join("\n")
        );
    }

    /// A raw pattern's match may cover several paragraphs; an `unless` phrase in any of
    /// them cancels it (the pack's `good` example must pass for it to load).
    #[test]
    fn unless_phrases_cancel_a_match_across_paragraphs() {
        let yaml = "pack: t
rules:
  - id: t/across
    kind: avoid
    category: blame
    message: m
    why: w
    patterns: ['(?s)alpha.*omega']
    unless: ['beta gamma']
    examples:
      bad: ['alpha, then omega.', \"alpha\\n\\nbeta omega\"]
      good: [\"alpha\\n\\nbeta gamma omega\", \"alpha\\n\\nand\\n\\nthen beta gamma, omega\"]
";
        let pack = pack::parse("t.yaml", yaml, Origin::File).unwrap();
        if let Err(e) = RuleSet::build(vec![pack], &Overrides::default()) {
            panic!("{}", e.message);
        }
    }
}
