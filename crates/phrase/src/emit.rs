//! Regex output: a parsed phrase written as a regex over the folded text. Between two
//! words goes a space and room for one filler word; a contraction has each of its
//! spellings, a hyphen may be a space or nothing, and a gap is up to [`GAP_WORDS`] words.
//! Word boundaries are ASCII and stand only at the phrase's edges, which keeps the DFA
//! small.

use crate::fold::{filler, APOS, WS};
use crate::forms::{clitic_aux, PRONOUNS};
use crate::syntax::Item;

/// A word boundary that stays on the DFA fast path.
const B: &str = r"(?-u:\b)";
/// At most this many words inside a `...` gap.
pub(crate) const GAP_WORDS: usize = 4;
/// One word of a gap: bytes, not characters, since a gap word ends at a space and so never
/// ends inside a character.
pub const GAP_WORD: &str = r"(?-u:[^ \n<>])+";
/// What goes between two words of a phrase: a space, and room for one filler.
const BETWEEN: &str = concat!(" (?:", filler!(), " )?");

/// The regex of `phrase`, parsed into `seq`.
pub(crate) fn phrase_regex(phrase: &str, seq: &[Item]) -> String {
    // Word boundaries only at the phrase's edges: between words, whitespace is required
    // anyway, and fewer assertions keep the automaton small.
    let first = phrase
        .trim_start()
        .trim_start_matches(['(', '['])
        .chars()
        .next();
    let tail = phrase.trim_end();
    let tail = tail
        .strip_suffix(")?")
        .map_or(tail, |t| &tail[..t.len() + 1]);
    let last = tail.trim_end_matches([')', ']']).chars().next_back();
    // The boundary is ASCII, so it only stands at an ASCII letter or digit; the Unicode
    // edges are checked on each match.
    let edge = |c: Option<char>| {
        if c.is_some_and(|c| c.is_ascii_alphanumeric()) {
            B
        } else {
            ""
        }
    };
    let split = seq.last().is_some_and(split_end);
    format!(
        "{}(?:{}){}",
        edge(first),
        emit_sequence_ending(seq, split),
        if split { "" } else { edge(last) }
    )
}

pub(crate) fn emit_sequence(items: &[Item]) -> String {
    emit_sequence_ending(items, false)
}

/// [`emit_sequence`]; with `edged` (when the last item is a group that [`split_end`]s),
/// that group gets the closing word boundary inside, on the spellings that end in a word.
fn emit_sequence_ending(items: &[Item], edged: bool) -> String {
    let mut out = String::new();
    // Whether something required has been emitted yet (decides where whitespace goes).
    let mut have_required = false;
    let mut pending_optional_prefix: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let optional = matches!(item, Item::Optional(_) | Item::Gap);
        let edge = edged && i + 1 == items.len();
        // A group whose spellings differ in what comes before them (a contraction's tail,
        // punctuation) carries that before each spelling itself, unless nothing comes
        // before the group.
        let glued = have_required && joins(item);
        let body = match item {
            Item::Group(alts) | Item::Optional(alts) if edge || glued => {
                emit_alternatives(alts, glued, edge)
            }
            _ => emit_item(item),
        };
        let glue = glue(item);
        if optional {
            if have_required {
                match item {
                    Item::Gap => out.push_str(&body),
                    _ => out.push_str(&format!("(?:{glue}{body})?")),
                }
            } else {
                pending_optional_prefix.push(match item {
                    Item::Gap => body,
                    _ => format!("(?:{body}{BETWEEN})?"),
                });
            }
            continue;
        }
        if have_required {
            out.push_str(&glue);
        }
        for p in pending_optional_prefix.drain(..) {
            out.push_str(&p);
        }
        out.push_str(&body);
        have_required = true;
    }
    out
}

/// What goes between the item before `item` and `item`. Punctuation may follow a word
/// directly ("emails, no reply"), optional or not; a contraction's tail holds its own
/// whitespace. A group whose spellings differ in this carries it inside, per spelling.
fn glue(item: &Item) -> String {
    match item {
        Item::Clitic(_) => String::new(),
        Item::Optional(alts) | Item::Group(alts) => {
            let mut glues = alts.iter().map(|alt| alt.first().map(glue));
            let first = glues.next().flatten();
            if glues.all(|g| g == first) {
                first.unwrap_or_else(|| BETWEEN.to_string())
            } else {
                String::new()
            }
        }
        Item::Punct(p) if !p.starts_with('-') => format!("{WS}?"),
        Item::Punct(_) => WS.to_string(),
        Item::Word(_) | Item::Gap => BETWEEN.to_string(),
    }
}

/// Whether every match of `items` ends in a word (`Some(true)`) or in punctuation
/// (`Some(false)`); `None` when that varies or an optional part may end it.
fn ends_in_word(items: &[Item]) -> Option<bool> {
    match items.last()? {
        Item::Word(_) | Item::Clitic(_) => Some(true),
        Item::Punct(_) => Some(false),
        Item::Group(alts) => {
            let mut ends = alts.iter().map(|a| ends_in_word(a));
            let first = ends.next().flatten()?;
            ends.all(|e| e == Some(first)).then_some(first)
        }
        Item::Optional(_) | Item::Gap => None,
    }
}

/// True when `item` is a group whose spellings all end either in a word or in
/// punctuation, but not all in the same: "(.|!|and)". Its closing word boundary goes
/// inside it (see [`emit_sequence_ending`]).
fn split_end(item: &Item) -> bool {
    let Item::Group(alts) = item else {
        return false;
    };
    let ends: Option<Vec<bool>> = alts.iter().map(|a| ends_in_word(a)).collect();
    ends.is_some_and(|e| e.contains(&true) && e.contains(&false))
}

/// True when `item` is a group whose spellings each carry their own [`glue`].
fn joins(item: &Item) -> bool {
    matches!(item, Item::Optional(_) | Item::Group(_)) && glue(item).is_empty()
}

/// `alts` as one regex group; with `glued`, each spelling starts with its own [`glue`];
/// with `edged`, each spelling that ends in a word ends with a word boundary.
fn emit_alternatives(alts: &[Vec<Item>], glued: bool, edged: bool) -> String {
    let parts: Vec<String> = alts
        .iter()
        .map(|a| {
            let g = match (glued, a.first()) {
                (true, Some(first)) => glue(first),
                _ => String::new(),
            };
            let b = if edged && ends_in_word(a) == Some(true) {
                B
            } else {
                ""
            };
            format!("{g}{}{b}", emit_sequence(a))
        })
        .collect();
    format!("(?:{})", parts.join("|"))
}

fn emit_item(item: &Item) -> String {
    match item {
        Item::Word(w) => emit_word(w),
        Item::Punct(p) => regex::escape(p),
        Item::Optional(alts) | Item::Group(alts) => emit_alternatives(alts, false, false),
        Item::Clitic(tail) => {
            let aux = clitic_aux(tail).unwrap_or(tail);
            // "Ive", "Im": these two are often written without the apostrophe, and
            // leaving it out makes no other word.
            let apos = if matches!(tail.as_str(), "ve" | "m") {
                format!("{APOS}?")
            } else {
                APOS.to_string()
            };
            format!("(?:{apos}{tail}|{WS}{aux})")
        }
        Item::Gap => format!(r"(?:{WS}{GAP_WORD}){{0,{GAP_WORDS}}}"),
    }
}

/// One word, made tolerant of contractions, apostrophes and hyphens.
pub(crate) fn emit_word(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("n't") {
        return match stem {
            "ca" => format!("(?:can{APOS}?t|can(?:{WS})?not)"),
            "wo" => format!("(?:won{APOS}?t|will{WS}not)"),
            "sha" => format!("(?:shan{APOS}?t|shall{WS}not)"),
            _ => {
                let s = emit_plain(stem);
                format!("(?:{s}n{APOS}?t|{s}{WS}not)")
            }
        };
    }
    if let Some((pronoun, tail)) = w.split_once('\'') {
        if PRONOUNS.contains(&pronoun) {
            // "I'm" but not "you'm"; "it's" but not "I's".
            let fits = match tail {
                "m" => pronoun == "i",
                "s" => pronoun != "i",
                _ => true,
            };
            if let Some(aux) = clitic_aux(tail).filter(|_| fits) {
                let p = emit_plain(pronoun);
                return format!("(?:{p}{APOS}?{tail}|{p}{WS}{aux})");
            }
        }
    }
    emit_plain(w)
}

fn emit_plain(w: &str) -> String {
    let mut out = String::with_capacity(w.len() + 8);
    for c in w.chars() {
        match c {
            '\'' => {
                out.push_str(APOS);
                out.push('?');
            }
            '-' => {
                out.push_str("(?:-|");
                out.push_str(WS);
                out.push_str(")?");
            }
            c => {
                // The characters `regex::escape` escapes.
                if "\\.+*?()|[]{}^$#&-~".contains(c) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use regex_automata::dfa::Automaton;
    use regex_automata::{Anchored, Input};

    /// Whether the DFA of `phrase` matches the whole of `text`, written as folded text is.
    fn whole(phrase: &str, text: &str) -> bool {
        let dfa = crate::build_dfa(&crate::compile(phrase).unwrap().regex, false).unwrap();
        let input = Input::new(text).anchored(Anchored::Yes);
        dfa.try_search_fwd(&input)
            .unwrap()
            .is_some_and(|m| m.offset() == text.len())
    }

    #[test]
    fn a_contraction_and_a_hyphen_have_each_of_their_spellings() {
        for text in ["i didn't hear", "i didnt hear", "i did not hear"] {
            assert!(whole("I didn't hear", text), "{text}");
        }
        for text in ["you're late", "youre late", "you are late"] {
            assert!(whole("you are late", text), "{text}");
        }
        for text in ["follow-up", "follow up", "followup"] {
            assert!(whole("follow-up", text), "{text}");
        }
    }

    #[test]
    fn one_filler_may_stand_between_two_words() {
        assert!(whole("heard nothing", "heard E nothing"));
        assert!(!whole("heard nothing", "heard E E nothing"));
        assert!(whole("(very|so) excited", "E excited"));
        assert!(!whole("(very|so) excited", "excited"));
    }

    #[test]
    fn a_gap_holds_up_to_four_words() {
        assert!(whole("in ... role", "in role"));
        assert!(whole("in ... role", "in a b c d role"));
        assert!(!whole("in ... role", "in a b c d e role"));
    }
}
