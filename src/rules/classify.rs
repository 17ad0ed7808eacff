//! `classify` rules: each sentence of the author's words is weighed by a model trained on
//! labelled sentences (`tactful_learn`), and a sentence whose probability reaches the
//! rule's threshold is a match: its span is the run of words that weighs most, not the
//! whole sentence. A built-in rule's model was trained when tactful was built and is read
//! in place; a user's is trained when their pack loads, from the files and sentences its
//! `learn:` names.
//!
//! Words that another rule of the same category already flags are reported once, by that
//! rule: learned rules run after the others and skip the runs of words such a finding
//! overlaps.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use tactful_learn::{Model, Token, TrainOptions, Vocab};

use crate::error::SourceError;
use crate::finding::Finding;
use crate::input::Draft;

use super::{finding, precompiled, Matches, Pack, Place, Rule, RuleDef};

/// A learned rule's model and the scores (log-odds) from which it may report: `threshold`,
/// the lowest of its thresholds on their own (`threshold-inside`, which a pack may not set
/// above `threshold`; see [`floor`]), and `beside`, the lowest of all (`threshold-beside`
/// when set).
#[derive(Debug)]
pub struct Classifier {
    pub model: Model,
    pub threshold: f32,
    pub beside: f32,
}

/// One run of words a learned rule flagged: a sentence has one per clause that weighs
/// enough.
#[derive(Debug, Clone, PartialEq)]
pub struct Learned {
    /// The words that weigh most.
    pub words: Range<usize>,
    /// The words that weigh most in the whole sentence (or part) they come from: `words`
    /// itself, or the heaviest run when `words` is another clause of it.
    pub top: Range<usize>,
    pub score: f64,
}

/// The model of `def`: the one built in for a built-in pack, else trained from what its
/// `learn:` names (files relative to the pack file).
pub fn compile(pack: &Pack, def: &RuleDef) -> Result<Classifier, SourceError> {
    let learn = def
        .learn
        .as_ref()
        .expect("a classify rule has `learn` (checked at parse)");
    let model = if pack.origin == super::Origin::Builtin {
        let bytes = precompiled::model(&def.id).ok_or_else(|| {
            pack.error(
                learn.span.clone(),
                "this built-in model was not trained when tactful was built",
            )
        })?;
        Model::from_bytes(bytes).map_err(|e| pack.error(learn.span.clone(), e))?
    } else {
        train(pack, def)?
    };
    // (A pack may not set `threshold-beside` above `threshold-inside`.)
    let lowest = learn.threshold_beside.unwrap_or(learn.threshold_inside);
    Ok(Classifier {
        model,
        threshold: tactful_learn::threshold_logit(learn.threshold_inside),
        beside: tactful_learn::threshold_logit(lowest),
    })
}

/// Trains the model of a user's rule.
fn train(pack: &Pack, def: &RuleDef) -> Result<Model, SourceError> {
    let learn = def.learn.as_ref().expect("checked at parse");
    let dir = Path::new(&pack.path).parent().unwrap_or(Path::new(""));
    let mut files = Vec::with_capacity(learn.files.len() + learn.unlike.len());
    for f in learn.files.iter().chain(&learn.unlike) {
        let path = dir.join(f.value.as_ref());
        let text = std::fs::read(&path)
            .map_err(|e| {
                let why = if e.kind() == std::io::ErrorKind::NotFound {
                    "no such file".to_string()
                } else {
                    e.to_string()
                };
                pack.error(
                    f.span.clone(),
                    format!("cannot read `{}`: {why}", path.display()),
                )
            })
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| {
                    pack.error(
                        f.span.clone(),
                        format!("`{}` is not UTF-8 text; save it as UTF-8", path.display()),
                    )
                })
            })?;
        files.push((path.display().to_string(), text));
    }
    let positive = [def.category.as_str(), "flag"];
    let others = files.split_off(learn.files.len());
    let examples = tactful_learn::gather(&files, &others, &learn.flag, &learn.pass, &positive)
        .map_err(|(i, e)| {
            let (name, text) = files
                .iter()
                .chain(&others)
                .nth(i)
                .expect("a file of the rule");
            let at = crate::yaml::offset_of(text, e.line, e.column).min(text.len());
            SourceError::new(name, text, at..at, e.message)
        })?;
    if !examples.iter().any(|e| e.positive) || examples.iter().all(|e| e.positive) {
        return Err(pack
            .error(
                learn.span.clone(),
                "a learned rule needs sentences of both kinds to learn from",
            )
            .with_note(format!(
                "label a sentence it must flag `{}` (or `flag`), one it must not `ok`",
                def.category.as_str()
            )));
    }
    let vocab = Vocab::for_rule(
        pack.vocab.iter(),
        def.context.as_ref().map(|c| c.value.as_ref()),
    );
    Ok(tactful_learn::train(
        &examples,
        &vocab,
        &TrainOptions::default(),
    ))
}

/// The sentences of the author's words in `draft`, cut into tokens once for every learned
/// rule: each piece is a sentence's range and its tokens' range in the token list. A long
/// sentence comes in pieces of at most [`tactful_learn::tokens::MAX_TOKENS`] tokens.
#[derive(Debug, Default)]
pub struct Sentences {
    pub tokens: Vec<Token>,
    pub pieces: Vec<(Range<usize>, Range<usize>)>,
}

impl Sentences {
    pub fn of(draft: &Draft, forms: bool) -> Sentences {
        let body = draft.body();
        let text = &draft.text;
        let mut out = Sentences::default();
        tactful_learn::tokens::sentences(&text[body.clone()], |r| {
            let r = body.start + r.start..body.start + r.end;
            if draft.in_sign_off(r.start) || !is_prose(&text[r.clone()]) {
                return;
            }
            let mut at = r.start;
            while at < r.end {
                let first = out.tokens.len();
                let next = tactful_learn::tokens::tokens(text, at..r.end, forms, &mut out.tokens);
                if out.tokens.len() > first {
                    out.pieces
                        .push((at..next.min(r.end), first..out.tokens.len()));
                }
                at = next;
            }
        });
        out
    }
}

/// Whether a sentence reads as English prose, not code, markup, a patch or another
/// language: the models learned from English sentences, and what they make of
/// `if (buf[i] == 'S') {` or of German means nothing.
fn is_prose(sentence: &str) -> bool {
    let mut marks = 0;
    let mut chars = 0;
    for c in sentence.chars().filter(|c| !c.is_whitespace()) {
        chars += 1;
        marks += usize::from(matches!(
            c,
            '{' | '}'
                | '<'
                | '>'
                | '='
                | ';'
                | '|'
                | '\\'
                | '_'
                | '#'
                | '*'
                | '/'
                | '['
                | ']'
                | '@'
                | '('
                | ')'
                | '+'
                | '&'
                | '%'
                | '$'
                | '^'
                | '~'
                | '-'
        ));
    }
    let diff_line = sentence.lines().any(|l| {
        l.starts_with("+++")
            || l.starts_with("---")
            || l.starts_with("@@")
            || l.starts_with("diff ")
    });
    // One mark in twenty characters is a link, a dash or an aside in brackets; more is code.
    !diff_line && marks * 20 <= chars && is_english(sentence)
}

/// Words that nearly every English sentence of five words or more holds one of.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "another", "any", "are",
    "aren", "as", "at", "back", "be", "because", "been", "before", "being", "but", "by", "can",
    "could", "couldn", "did", "didn", "do", "does", "doesn", "don", "each", "even", "ever", "for",
    "from", "get", "got", "had", "has", "hasn", "have", "haven", "he", "her", "here", "him", "his",
    "how", "i", "if", "in", "into", "is", "isn", "it", "its", "ive", "just", "know", "last",
    "like", "me", "more", "most", "much", "my", "never", "no", "not", "now", "of", "off", "on",
    "once", "one", "only", "or", "other", "our", "out", "over", "said", "same", "she", "should",
    "since", "so", "some", "still", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "too", "u", "under", "until", "up", "us",
    "very", "was", "wasn", "we", "were", "what", "when", "where", "which", "while", "who", "why",
    "will", "with", "won", "would", "wouldn", "yet", "you", "your",
];

/// Whether at least one word in six of a sentence of five words or more is an English
/// function word; a contraction counts by its first part ("I've", "didn't").
fn is_english(sentence: &str) -> bool {
    // Compared in ASCII lower case, in place: this runs on every sentence of every draft.
    let (mut words, mut common) = (0, 0);
    for w in sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
    {
        let w = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
        words += 1;
        // Lowered into a buffer once, then compared as bytes: no function word is longer.
        let mut lower = [0u8; 8];
        let known = w.len() <= lower.len() && {
            let lower = &mut lower[..w.len()];
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            FUNCTION_WORDS
                .binary_search_by(|f| f.as_bytes().cmp(lower))
                .is_ok()
        };
        common += usize::from(known);
    }
    words < 5 || common * 6 >= words
}

/// The parts of a sentence's tokens weighed apart from the whole, each with its span in
/// `text`: none when it is one part (see [`tactful_learn::tokens::part_starts`]). A part
/// of fewer than three tokens says too little to be weighed alone.
pub fn parts<'t>(text: &str, toks: &'t [Token]) -> Vec<(&'t [Token], Range<usize>)> {
    let starts = tactful_learn::tokens::part_starts(text, toks);
    let mut bounds: Vec<usize> = (0..toks.len()).filter(|&i| starts[i]).collect();
    if bounds.len() < 2 {
        return Vec::new();
    }
    bounds.push(toks.len());
    bounds
        .windows(2)
        .filter(|w| w[1] - w[0] >= 3)
        .map(|w| {
            let part = &toks[w[0]..w[1]];
            (part, part[0].span.start..part[part.len() - 1].span.end)
        })
        .collect()
}

/// The runs of words of `sentences` (cut from `text`) that `c` flags: a sentence that
/// reaches the threshold as a whole, else each part of it that does. Below that threshold,
/// a sentence and its parts that reach the lower one beside another finding are flagged
/// too (with their scores, which [`check`] weighs).
pub fn scan(c: &Classifier, text: &str, sentences: &Sentences) -> Vec<Learned> {
    let mut scratch = Vec::new();
    let mut out = Vec::new();
    let flag = |toks: &[Token], span: Range<usize>, out: &mut Vec<Learned>| {
        let e = c.model.explain_tokens(text, toks, span);
        let top = e.words.clone();
        out.extend(e.underlined().map(|words| Learned {
            words: words.clone(),
            top: top.clone(),
            score: e.score,
        }));
    };
    for (sentence, toks) in &sentences.pieces {
        let toks = &sentences.tokens[toks.clone()];
        let whole = c.model.logit(toks, &mut scratch);
        if whole >= c.threshold {
            flag(toks, sentence.clone(), &mut out);
            continue;
        }
        if whole >= c.beside {
            flag(toks, sentence.clone(), &mut out);
        }
        for (part, span) in parts(text, toks) {
            if c.model.logit(part, &mut scratch) >= c.beside {
                flag(part, span, &mut out);
            }
        }
    }
    out
}

/// The probability from which `rule` reports in a text at `place`: `threshold-inside` in its
/// context, `threshold-outside` outside it (none when unset), else `threshold`.
pub fn floor(rule: &Rule, place: Place) -> Option<f64> {
    let learn = rule.def.learn.as_ref()?;
    match place {
        Place::Inside => Some(learn.threshold_inside),
        Place::Unknown => Some(learn.threshold),
        Place::Outside => learn.threshold_outside,
    }
}

/// How far (in bytes) from a finding of its category a learned rule's lower
/// `threshold-beside` reaches: the sentences around it.
const BESIDE_REACH: usize = 400;

/// The longest text (in words) in which `threshold-beside` applies: a mail's length, not an
/// article's.
const BESIDE_WORDS: usize = 400;

/// Reports the runs of words the rule's model flagged that reach its threshold where the
/// text stands with the rule's `context`.
pub fn check(rule: &Rule, text: &str, matches: &Matches, index: usize, out: &mut Vec<Finding>) {
    let learned = matches.learned(index);
    if learned.is_empty() {
        return;
    }
    let Some(floor) = floor(rule, rule.place(text)) else {
        return;
    };
    // Near a finding of the same category (another rule's, or this rule's from its own
    // threshold), a sentence is weighed against the lower threshold.
    let category = rule.def.category;
    // (In a mail's length of text: a long article's findings say nothing of its other
    // paragraphs.)
    let beside = rule
        .def
        .learn
        .as_ref()
        .and_then(|l| l.threshold_beside)
        .filter(|_| text.split_whitespace().nth(BESIDE_WORDS).is_none());
    let same: Vec<Range<usize>> = out
        .iter()
        .filter(|f| f.category == category)
        .map(|f| f.span.clone())
        .collect();
    let near = Spans::new(match beside {
        Some(_) => same
            .iter()
            .cloned()
            .chain(
                learned
                    .iter()
                    .filter(|l| l.score >= floor)
                    .map(|l| l.words.clone()),
            )
            .collect(),
        None => Vec::new(),
    });
    let passes = |l: &&Learned| {
        l.score >= floor
            || beside.is_some_and(|b| l.score >= b && near.near(&l.words, BESIDE_REACH))
    };
    // Flagged already, by a rule of the same category that says why in its own words:
    // these words, or the heaviest of their sentence (which is then the one reported).
    let flagged = Spans::new(same);
    // The findings this rule made, by start: they never overlap one another, so the last
    // one starting before a range's end is the only one that can overlap it.
    let mut made: BTreeMap<usize, usize> = BTreeMap::new();
    for l in learned.iter().filter(passes) {
        let on = |r: &Range<usize>| {
            flagged.near(r, 0)
                || made
                    .range(..r.end)
                    .next_back()
                    .is_some_and(|(_, &end)| end > r.start)
        };
        if on(&l.words) || on(&l.top) {
            continue;
        }
        made.insert(l.words.start, l.words.end);
        let mut f = finding(
            rule,
            l.words.clone(),
            Some(format!("the words that weigh most (score {:.2})", l.score)),
        );
        f.score = Some((l.score * 1000.0).round() as u16);
        out.push(f);
    }
}

/// Spans sorted by start, with the largest end so far: whether any lies near a range is a
/// binary search, not a look at each (a text can have tens of thousands).
struct Spans {
    starts: Vec<usize>,
    /// `ends[i]`: the largest end of the first `i + 1` spans.
    ends: Vec<usize>,
}

impl Spans {
    fn new(mut spans: Vec<Range<usize>>) -> Spans {
        spans.sort_by_key(|r| r.start);
        let mut end = 0;
        let ends = spans
            .iter()
            .map(|r| {
                end = end.max(r.end);
                end
            })
            .collect();
        Spans {
            starts: spans.into_iter().map(|r| r.start).collect(),
            ends,
        }
    }

    /// True when a span comes within `margin` bytes of `r` (overlaps it, for 0).
    fn near(&self, r: &Range<usize>, margin: usize) -> bool {
        let before = self.starts.partition_point(|&s| s < r.end + margin);
        before > 0 && self.ends[before - 1] + margin > r.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_near_a_range() {
        let spans = Spans::new(vec![30..40, 0..100, 200..210]);
        assert!(spans.near(&(50..60), 0), "inside the long one");
        assert!(!spans.near(&(150..160), 0));
        let spans = Spans::new(vec![30..40, 200..210]);
        assert!(!spans.near(&(50..60), 0));
        assert!(spans.near(&(50..60), 15));
        assert!(spans.near(&(35..36), 0));
        assert!(!spans.near(&(40..200), 0), "touching is not overlapping");
        assert!(!Spans::new(Vec::new()).near(&(0..10), 400));
    }

    #[test]
    fn prose_is_told_from_code_patches_and_other_languages() {
        assert!(
            FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]),
            "sorted for the search"
        );
        assert!(
            FUNCTION_WORDS.iter().all(|w| w.len() <= 8),
            "each fits the buffer a word is lowered into"
        );
        assert!(is_english("The Offer Was Sent To You And Me"));
        assert!(is_prose(
            "I wanted to follow up on the analyst role, as discussed."
        ));
        assert!(is_prose("Still nothing?"));
        assert!(is_prose("Since then I've never heard another word."));
        assert!(is_prose("Since then I\u{2019}ve never heard another word."));
        assert!(!is_prose("if (buf[i] == 'S') { tag(message, \"read\"); }"));
        assert!(!is_prose(
            "show-mark-read-then-archive-thread () archive and show next"
        ));
        assert!(!is_prose("--- a/lib/messages.c\n+++ b/lib/messages.c"));
        assert!(!is_prose(
            "Die Mail war jetzt nicht im Spam und eine E-Mail von Daniela auch nicht."
        ));
    }
}
