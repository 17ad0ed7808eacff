//! What the other person promised about when they would get back: a sentence of one of
//! their messages that speaks of hearing from them (a reply, an update, a decision,
//! feedback, next steps) and gives a time for it. "We should have an update for you by
//! Wednesday", "please allow up to ten working days for a response", "I'll follow up once
//! the panel has met on the 3rd", "if you haven't heard from us by the 30th…".
//!
//! Not promises: requests of the reader ("please send your references by Friday", "let us
//! know by Monday"), dates of other things (an interview on Thursday, a start date, an
//! office closed until Monday), and vague times ("soon", "in the coming days"), which are
//! kept as undated promises rather than guessed.

use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::Date;
use regex::Regex;

use super::when::{self, Form};
use super::{split, Message};
use crate::calendar::Calendar;

/// A promise found in a quoted message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promise {
    /// The sentence that makes it, as written (blanks collapsed).
    pub words: String,
    /// The day its message was written, when something dates it.
    pub said_on: Option<Date>,
    /// The last day it allows; `None` for a vague one or one whose message has no date.
    pub by: Option<Date>,
    /// How its time was written; `None` for a vague one.
    pub form: Option<Form>,
    /// Who wrote it ("Jane Doe <jane@acme.com>"), when the header says.
    pub from: Option<String>,
    pub address: Option<String>,
}

impl Promise {
    /// Taken back ("that has slipped", "scratch what I said"): still noted, with no date
    /// to wait for.
    fn take_back(&mut self) {
        self.by = None;
        self.form = None;
    }

    /// The words of the time alone would be too little to recognise; the sentence, cut
    /// to a readable length, is what a note quotes.
    pub fn quote(&self) -> String {
        const MAX: usize = 160;
        if self.words.chars().count() <= MAX {
            return self.words.clone();
        }
        let cut: String = self.words.chars().take(MAX).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
        format!("{cut}…")
    }
}

/// Every promise in the messages `source[body]` quotes, in the order they appear. Messages
/// written by `author` (the draft's own address) are the author's and are skipped.
/// `reference` dates headers written without a year.
pub fn promises(
    source: &str,
    body: Range<usize>,
    cal: &Calendar,
    reference: Date,
    author: Option<&str>,
) -> Vec<Promise> {
    let mut out = Vec::new();
    let thread = split(source, body, reference);
    // The author's own earlier messages, quoted back: by address, or by the name they
    // sign this draft with.
    let signed = thread
        .signature()
        .and_then(|n| n.split_whitespace().next())
        .map(str::to_lowercase);
    // A newer message that takes back what the older ones said ("scratch what I said
    // about Friday", "the role is on hold"): their times no longer stand. (Messages come
    // newest first.)
    let mut taken_back = false;
    for m in &thread.messages {
        // Their own earlier messages, and notes between colleagues ("I'll get my
        // feedback to you by Thursday", to the recruiter).
        if author.is_some() && m.address.as_deref() == author || m.internal {
            continue;
        }
        // Addressed to others, the author only copied: "I'll get back to you by Monday"
        // is to them.
        if author.is_some_and(|a| !m.to.is_empty() && !m.to.iter().any(|t| t == a)) {
            continue;
        }
        let by_name = |first: &str| {
            m.from.as_deref().is_some_and(|f| {
                f.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    == Some(first)
            })
        };
        if signed.as_deref().is_some_and(by_name) {
            continue;
        }
        let first = out.len();
        in_message(m, cal, &mut out);
        if taken_back {
            out[first..].iter_mut().for_each(Promise::take_back);
        }
        taken_back = taken_back || retracts().is_match(&when::normalize(&m.text));
    }
    out
}

/// The promises of one message.
pub fn in_message(m: &Message, cal: &Calendar, out: &mut Vec<Promise>) {
    let first = out.len();
    let sentences = sentences(&m.text);
    let mut previous: Vec<when::Found> = Vec::new();
    let scan = |clause: &str| -> (Vec<when::Found>, Vec<when::Relative>) {
        match m.date {
            Some(d) => when::scan(clause, d, cal),
            None => Default::default(),
        }
    };
    for s in &sentences {
        // Mail headers left in a message (an mbox's next message) are not sentences.
        let header_lines = s
            .lines()
            .filter(|l| regex!(r"^[A-Z][A-Za-z0-9-]{1,30}: \S").is_match(l))
            .count();
        if header_lines >= 2 {
            continue;
        }
        let norm = when::normalize(s);
        let clauses = own_clauses(&norm);
        // Each clause's times, found once: whether it promises, and what it says.
        let mut read: Vec<(&str, bool, Vec<when::Found>)> = Vec::with_capacity(clauses.len());
        let mut relative: Vec<(usize, when::Relative)> = Vec::new();
        for c in &clauses {
            let cued = cue().is_match(&notice().replace_all(c, " "));
            let (mut found, rel) = scan(c);
            found.retain(|f| !lower_bound(c, f));
            // "…the role would start in the April window if an offer is made": the day
            // work starts, not one for news.
            if start_of_work().is_match(c) {
                found.clear();
            }
            if cued {
                relative.extend(rel.into_iter().map(|r| (read.len(), r)));
            }
            read.push((*c, cued, found));
        }
        // "…and I'll let you know within a day after that": counted from the time of
        // the sentence's other clauses, else of the last sentence.
        if !relative.is_empty() {
            let not_count = |f: &&when::Found| !f.form.is_count();
            let anchor = read
                .iter()
                .filter(|(_, cued, _)| !*cued)
                .flat_map(|(_, _, f)| f.iter())
                .filter(not_count)
                .max_by_key(|f| f.date)
                .or_else(|| previous.iter().filter(not_count).max_by_key(|f| f.date))
                .map(|f| f.date);
            if let Some(anchor) = anchor {
                for (i, r) in &relative {
                    let found = &mut read[*i].2;
                    found.retain(|f| f.range != r.range());
                    found.extend(r.from(anchor, cal));
                }
            }
        }
        if !read.iter().any(|(_, cued, _)| *cued) {
            // "…by Friday. Unfortunately that has slipped.": the last promise taken back.
            if withdrawn().is_match(&norm) && takes_back().is_match(&norm) {
                if let Some(p) = out[first..].last_mut().filter(|p| p.by.is_some()) {
                    p.take_back();
                }
            }
            previous = read.into_iter().flat_map(|(_, _, f)| f).collect();
            continue;
        }
        let vague_words = read.iter().any(|(c, cued, _)| *cued && vague().is_match(c));
        // The time of the clause that promises; else of the sentence's other clauses
        // (not "until the 12th", someone away); else, for "…after that", the last
        // sentence's.
        let mut times: Vec<when::Found> = read
            .iter()
            .filter(|(_, cued, _)| *cued)
            .flat_map(|(_, _, f)| f.iter().cloned())
            .collect();
        // "…by Thursday, and after that we'll be in touch": the other clause's time is
        // when news may start, not a time for it.
        let after_it = read.iter().any(|(c, cued, _)| {
            *cued
                && regex!(r"\b(?:after (?:that|this|which)|afterwards|following (?:that|this))\b")
                    .is_match(c)
        });
        if times.is_empty() && !vague_words && !after_it {
            times = read
                .iter()
                .filter(|(c, cued, _)| !*cued && !event().is_match(c))
                .flat_map(|(c, _, f)| f.iter().filter(|f| !away_until(c, f.range.start)).cloned())
                .collect();
        }
        // "We'll regroup after the holidays and reach out then": "then" is its own event's
        // time, which no date gives.
        let own_event = regex!(r"\b(?:after|once|when|following) (?:the|our|their|his|her|we|they|christmas|thanksgiving|easter|new year)\b")
            .is_match(&norm)
            // "You won't hear anything from us before then": the earliest, not a time.
            || regex!(r"(?:\b(?:not|no|nothing|never)\b|n't\b)[^,;]*\b(?:before|until|till) then\b").is_match(&norm);
        if times.is_empty() && !vague_words && !own_event && refers_back().is_match(&norm) {
            times = previous.clone();
        }
        // "Mark said he'd circle back by the 15th, but things have slipped": a time
        // taken back is no longer one to wait for.
        // (Said before the time, "hiring is paused over the holidays, and we'll reach
        // back out in late January", it is the reason for the time.)
        let last_timed = read.iter().rposition(|(_, cued, f)| *cued && !f.is_empty());
        let withdrawn = last_timed.is_some_and(|i| {
            read[i + 1..]
                .iter()
                .any(|(c, _, f)| f.is_empty() && withdrawn().is_match(c))
        });
        if withdrawn {
            times.clear();
        }
        let latest = times.iter().max_by_key(|f| f.date);
        let words = collapse(s);
        let promise = |by: Option<&when::Found>, said_on| Promise {
            words: words.clone(),
            said_on,
            by: by.map(|f| f.date),
            form: by.map(|f| f.form),
            from: m.from.clone(),
            address: m.address.clone(),
        };
        match (latest, m.date) {
            (Some(f), Some(day)) => out.push(promise(Some(f), Some(day))),
            (None, None) if has_time_words(&norm) => out.push(promise(None, None)),
            (None, _) if vague_words || withdrawn || vague().is_match(&norm) => {
                out.push(promise(None, m.date));
            }
            _ => {}
        }
        previous = read.into_iter().flat_map(|(_, _, f)| f).collect();
    }
}

/// Whether a time found in `clause` is only the earliest news may come: "not until next
/// month at the earliest", "until after the board meets on the 21st", "no decisions will
/// be made before Monday 3 March".
fn lower_bound(clause: &str, f: &when::Found) -> bool {
    let after = clause[f.range.end..].trim_start();
    if regex!(r"^(?:at the (?:very )?earliest|or later|at the soonest)\b").is_match(after) {
        return true;
    }
    let before = clause[..f.range.start].trim_end();
    if regex!(r"\buntil after\b[^,;]*$").is_match(before) {
        return true;
    }
    // "a firm answer after the 3rd": from then on, with no end ("right after the meeting on
    // the 3rd" and "the day after" are that day, or the next).
    if regex!(r"\bafter(?: the)?$").is_match(before)
        && !regex!(r"\b(?:right|immediately|straight|directly|just|day|days|week|weeks|hours?|business|working) after(?: the)?$")
            .is_match(before)
    {
        return true;
    }
    // The word that bounds it right before the time, after a "not" in the same clause
    // ("…won't be able to decide until she's back - I'll call you first thing Monday" is
    // a time of its own).
    regex!(r"(?:\b(?:not|no|nothing|never|none)\b|n't\b)[^,;]*?\b(?:until|till|til|before|prior to|earlier than)(?: the)?(?: (?:mon|tues|wednes|thurs|fri|satur|sun)day,?)?$")
        .is_match(before)
}

/// A message that takes back the times given before it.
fn retracts() -> &'static Regex {
    regex!(
        r"\b(?:(?:scratch|scrap) that\b|(?:scratch|scrap|ignore|disregard|forget) (?:what i (?:said|wrote|mentioned)|my (?:last|earlier|previous) (?:note|email|e-mail|message)|the (?:timeline|timing|date) i (?:gave|mentioned|shared))|(?:don't|do not|no longer) have a (?:timeline|date|timeframe)|no (?:timeline|timeframe|date) (?:right now|for now|at the moment|at this point|yet)|(?:role|position|search|process|hiring|requisition|opening) (?:is|has been|was|'s) (?:now )?(?:put )?on hold|put (?:the|this) (?:role|position|search|process|hiring|requisition) on hold|(?:pausing|paused|pause|freezing|froze|frozen|halting|halted|suspending|suspended) (?:all |the |this |our )?(?:hiring|recruitment|recruiting|the role|the search|the process)|hiring freeze|(?:i|we) (?:said|told you|mentioned|promised|hoped)\b[^.!?]*\b(?:no longer (?:realistic|possible|on track|going to happen)|won'?t (?:be able to )?(?:make|meet|hit) (?:it|that|this)|(?:not|n't) going to (?:happen|make it|be possible)))\b"
    )
}

/// A clause about when the job would start.
fn start_of_work() -> &'static Regex {
    regex!(
        r"\b(?:start date|(?:role|position|job|contract|placement|employment|you|start) (?:would|will|could|should|is (?:due|expected|set|going) to|is to|'d|'ll) (?:start|begin|commence))\b"
    )
}

/// Words that say a time given has slipped: "things have slipped", "it's been pushed
/// back", "we won't make that date", "the timeline has changed".
fn withdrawn() -> &'static Regex {
    regex!(
        r"\b(?:(?:has|have|had|'s|'ve|is|are|was|were|been|got|gotten|get|getting) (?:been |a bit |a little |slightly |now )?(?:slipped|slipping|delayed|pushed (?:back|out)|postponed|put on hold|paused|held up|moved (?:back|out)|fallen behind)|(?:things|it|that|this|timelines?|dates?|everything|the process) (?:slipped|slips)|running (?:late|behind)|behind schedule|no longer (?:on track|possible|realistic|holds?|stands?)|won'?t (?:be able to )?(?:make|meet|hit|keep) (?:that|this|it|the)|(?:not|n't) (?:going to|be able to|able to) (?:make|meet|hit|keep) (?:that|this|it|the)|(?:timeline|date|deadline|schedule) (?:is|has|will|'s) (?:changed|shifted|moved|slipped|been (?:changed|moved|pushed))|(?:no longer|not) (?:going to be|be) (?:on|by) (?:that|this|the))\b"
    )
}

/// A sentence that speaks of an earlier one's time ("that", "it", "the timeline").
fn takes_back() -> &'static Regex {
    regex!(
        r"^(?:(?:unfortunately|sadly|however|but|update|apologies|sorry|i'm afraid|i am afraid)\b[ ,:]*)?(?:that|this|it|things|the (?:timeline|timing|date|decision|process|schedule))\b"
    )
}

/// "Just to let you know", "I wanted to let you know that": telling, not a promise.
fn notice() -> &'static Regex {
    regex!(
        r"\b(?:just (?:wanted |want )?|(?:wanted|want|a note|a quick note|writing) )to let you know(?: that)?\b|\b(?:just )?so you know\b|\bif (?:it's|it is|that's|the answer is|the answer's|the outcome is|the decision is|it turns out to be) (?:a )?(?:yes|no|go|positive|good news)\b|\bif (?:you are|you're) successful\b|\b(?:sorry|apologies|apologise|apologize) (?:for|about) (?:the|my|our) (?:late|slow|delayed|belated) (?:reply|response)\b|\b(?:sorry|apologies) for (?:the|my|our) (?:delay|slow reply|late reply)(?: in (?:replying|responding|getting back))?"
    )
}

/// A clause about something else that happens on a day: interviews, a start, a closure, a
/// conference, time away.
fn event() -> &'static Regex {
    regex!(
        r"\b(?:interviews? (?:will|are|is)|take place|starts?\b|start date|closed|closure|conference|vacation|holiday|on leave|out of (?:the )?office|ooo|onboarding|induction|orientation|deadline|applications? close)"
    )
}

/// "until the 12th", "through Friday": how long someone is away, not a reply.
fn away_until(clause: &str, at: usize) -> bool {
    let before = clause[..at].trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    [
        "until",
        "till",
        "til",
        "through",
        "thru",
        "back on",
        "returning",
        "return on",
        "away",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

/// Whether an undated sentence names a time at all (checked against a fixed day, since
/// its own is unknown).
fn has_time_words(norm: &str) -> bool {
    let base = Date::constant(2000, 1, 3);
    !when::find(norm, base, &Calendar::none()).is_empty()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentences of a message: paragraphs, cut after `.`, `!` or `?` (not after a
/// month's or a title's abbreviation).
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let paras = text
        .split("\n\n")
        .flat_map(|p| p.split("\r\n\r\n"))
        .flat_map(by_speaker)
        // A chat export's own lines ("Me: I'll confirm my notice period by the 10th!",
        // "You: sounds good") are the job seeker's words.
        .filter(|p| !regex!(r"^(?:Me|You|me|you):\s").is_match(p.trim_start()));
    for para in paras {
        let para = para.trim();
        if para.is_empty() {
            continue;
        }
        let mut start = 0;
        let bytes = para.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if matches!(b, b'.' | b'!' | b'?') {
                let next = bytes.get(i + 1).copied();
                let ends = next.is_none_or(|n| n == b' ' || n == b'\n' || n == b'\r');
                if ends && !abbreviation_before(&para[start..i]) {
                    out.push(para[start..=i].trim().to_string());
                    start = i + 1;
                }
            }
            i += 1;
        }
        if start < para.len() && !para[start..].trim().is_empty() {
            out.push(para[start..].trim().to_string());
        }
    }
    out
}

/// A line that begins an item of a list: "• Offers: by 21 Nov", "- Panel: week of the 9th",
/// "2) Decision by Friday".
fn list_item() -> &'static Regex {
    regex!(r"^(?:[•·▪◦‣*+-]|–|—|\d{1,2}[.)])\s+\S")
}

/// A transcript's paragraph (or a list) cut where each speaker's line (or item) begins ("Marco: will txt u
/// tmrw", "You: omg yes!!"): one speaker's words are not the next one's sentence.
fn by_speaker(para: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in para.split_inclusive('\n') {
        let t = line.trim_start();
        let speaker =
            super::speaker_line().is_match(t) || super::chat_line().is_match(t.trim_end());
        if at > start && (speaker || list_item().is_match(t)) {
            out.push(&para[start..at]);
            start = at;
        }
        at += line.len();
    }
    out.push(&para[start..]);
    out
}

fn abbreviation_before(s: &str) -> bool {
    let last = s
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        last.as_str(),
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "mr"
            | "ms"
            | "mrs"
            | "dr"
            | "prof"
            | "e.g"
            | "i.e"
            | "approx"
            | "no"
            | "st"
            | "vs"
            | "etc"
            | "a.m"
            | "p.m"
            | "inc"
            | "ltd"
            | "co"
    ) || (last.len() == 1 && last.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The clauses of a sentence that are not requests of the reader.
fn own_clauses(norm: &str) -> Vec<&str> {
    static SPLIT: OnceLock<Regex> = OnceLock::new();
    let split = SPLIT.get_or_init(|| {
        Regex::new(r"; |, and |, but |, so |, which |,? because | and (?:we|i|you'll|you will|our|the team|someone|a member|will|get|let)\b| but (?:i|we)\b| so (?:we|i)\b")
            .expect("regex compiles")
    });
    let mut out = Vec::new();
    let mut last = 0;
    for m in split.find_iter(norm) {
        out.push(&norm[last..m.start()]);
        last = m.start();
    }
    out.push(&norm[last..]);
    out.into_iter()
        .filter(|c| !is_request(c) && !reported().is_match(c))
        .collect()
}

/// A clause that reports an earlier promise ("last week I said I'd have news by Friday"):
/// not the one standing now.
fn reported() -> &'static Regex {
    regex!(
        r"\b(?:(?:i|we) (?:said|promised|told you|mentioned|had hoped|were hoping|was hoping)|(?:i|we)'d (?:said|promised|hoped)|(?:was|were) supposed to|(?:was|were) meant to|had planned to|should have (?:been|had|heard)|please assume|you (?:can|may|should) assume)\b"
    )
}

/// A clause that asks the reader to do something by a time: "please send…", "let us know
/// by…", "could you…", "you will need to…". "Please allow…" and "please expect…" are the
/// writer's own timeline and stay.
fn is_request(clause: &str) -> bool {
    // "If you haven't heard from us by Friday, feel free to check in": their timeline.
    if regex!(r"\bif you (?:haven't|have not|don't|do not|didn't|did not) (?:hear|heard|get|receive)(?: back)?(?: anything| from (?:us|me|the \w+))? (?:by|within|before|in|until)\b")
        .is_match(clause)
    {
        return false;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"\b(?:please|kindly|pls|plz)\s+(?:do\s+)?(\w+)|\blet (?:us|me|them|her|him|the team) know\b|\bget back to (?:us|me)\b|\b(?:could|can|would|will) you\b|\bif you (?:could|can)\b|\byou(?:'ll| will)? (?:need|have) to\b|\byou (?:must|should) (?:not )?(?:send|submit|complete|reply|respond|return|sign|bring|prepare|confirm|book|let|provide|fill|upload|check)\b|\bwe (?:need|require|ask|would need|'d need|would like) (?:you|your|to (?:receive|have|hear from you))\b|(?:^|\byou(?:'ll| will| must| should| need to| have to)? (?:\w+ ){0,2}|\bplease (?:\w+ ){0,2}|\bkindly (?:\w+ ){0,2})(?:respond|reply|rsvp|confirm|submit|send|return|complete|sign|book|choose|select|schedule|accept|decline|upload|register)\b(?: \w+){0,4} (?:by|before|no later than|within)\b|\b(?:reach(?:ing)? out|talk(?:ing)?|speak(?:ing)?|check(?:ing)?|get(?:ting)? back) (?:to|with) (?:them|him|her|your (?:references|referees|referee|reference)|referees|references|the (?:team|hiring|panel|client|manager|references|referees|founders|board)|my|our)\b(?: \w+){0,3} (?:by|before|on|within)\b|\bfor you to\b|\b(?:feel free to|you (?:can|may|are welcome to)|don't hesitate to|do) (?:\w+ )?(?:follow up|reach out|check in|get in touch|contact|email|ping|chase|nudge)\b|\byou (?:may|can|are welcome to|are invited to|are able to|have the option to) (?:\w+ )?(?:request|ask for|apply|reapply|appeal)\b|\byou (?:\w+ ){0,2}(?:send|submit|provide|complete|return|sign|upload|fill)\b|^(?:next steps?: |action required: )?(?:complete|submit|send|return|sign|reply|respond|upload|fill|book|schedule|confirm|register|select|choose|rsvp)\b",
        )
        .expect("request regex compiles")
    });
    for c in re.captures_iter(clause) {
        match c.get(1) {
            Some(verb) => {
                let v = verb.as_str();
                if !matches!(
                    v,
                    "allow"
                        | "expect"
                        | "note"
                        | "bear"
                        | "be"
                        | "wait"
                        | "look"
                        | "keep"
                        | "stand"
                        | "rest"
                        | "understand"
                        | "anticipate"
                        | "give"
                        | "know"
                        | "feel"
                        | "accept"
                        | "forgive"
                        | "excuse"
                        | "hold"
                        | "watch"
                        | "check"
                        | "don't"
                        | "do"
                        | "see"
                        | "find"
                        | "let"
                ) {
                    return true;
                }
                // "please let us know by…" is a request; "please let me get back to you" is
                // not.
                if v == "let" {
                    let rest = &clause[verb.end()..];
                    if rest.trim_start().starts_with("us know")
                        || rest.trim_start().starts_with("me know")
                    {
                        return true;
                    }
                }
            }
            None => {
                let m = c.get(0).map_or("", |m| m.as_str());
                // "we will get back to you… please respond by" is a request; "respond"
                // as the writer's own verb ("we will respond by") is not.
                if m.starts_with("respond")
                    || m.starts_with("reply")
                    || m.starts_with("confirm")
                    || m.starts_with("send")
                {
                    let at = c.get(0).map_or(0, |m| m.start());
                    let before = clause[..at].trim_end();
                    let own = [
                        "we will",
                        "we'll",
                        "i will",
                        "i'll",
                        "we shall",
                        "we aim to",
                        "we hope to",
                        "we expect to",
                        "we plan to",
                        "we intend to",
                        "we should",
                        "i should",
                        "will",
                        "to",
                        "we'd",
                        "i'd",
                        "we can",
                        "i can",
                        "and",
                    ]
                    .iter()
                    .any(|w| before.ends_with(w));
                    if own {
                        continue;
                    }
                }
                return true;
            }
        }
    }
    false
}

/// Words about the writer getting back to the reader.
fn cue() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b(?:(?:get|getting|come|coming|circle|circling|write|writing|report|reporting) back|revert(?:ing)?|be in touch|get in touch|in touch with you|back in touch|reach back|get (?:it|this|that|them|those|the \w+|your \w+|something|an? \w+) (?:over )?(?:back )?to you|send (?:it|this|that|them) (?:over |back )?to you|answers?\b|a call from|hear from me|be contacting|be contacted|contact(?:ing)? you\b|reach(?:ing)? out\b|hear(?:ing)? (?:back|from|something|more|anything|the outcome|news)|heard (?:back|from|anything)|let (?:you|all|everyone|each|every|the|candidates|applicants|finalists)\b[a-z ]{0,30}? know\b|(?:make|made|making) (?:a|the|our|my) (?:final |hiring )?call\b|(?:the|a|our) final call|contact(?:ing)? (?:all |the |each |every |successful |shortlisted |remaining )*(?:candidates|applicants|finalists)\b|update you|(?:an|any|some|our|further|final|next|the) updates?|(?:keep|get) you (?:posted|updated|informed)|(?:any|some|more|the|have|get|share|with|good|bad|further|no|of) news\b|news (?:for you|to share|on your|about your|as soon)|decision|decide|feedback|respon(?:d|se|ses)|repl(?:y|ies)|follow(?:-| )?(?:up|ing up)|notif(?:y|ied|ication)|inform(?:ed)? you|be informed|results?\b|outcome|next steps?|ping you|touch base|(?:send|issue|extend|make)(?: you)? (?:over )?(?:the|an|our|a|your) (?:(?:formal|written|official|final|tentative|conditional|verbal|firm|provisional|signed) )?(?:offer|details|contract|update|feedback|answer|result|decision|paperwork|invite|invitation)|offer (?:letter|details)|an offer|offers (?:will|should|are|go|to)\b|(?:for|with|on) offers\b|(?:we|i|will|'ll)(?:'ll| will| should| would| can)? confirm|from (?:us|me)\b|(?:a|an|our|my) (?:yes|no|yes/no|verdict|final word)\b|the (?:verdict|final word)\b|have (?:it|this|that|the \w+|an? \w+|something|them) (?:over )?to you\b|confirmation|a word|(?:give|call|ring|message|text|dm|email|phone|contact) you\b|call you back|(?:(?:we|i|you)(?:'ll| will| should| shall)|will|should) know\b|(?:we|i|you|will|should)(?:'ll| will| should| shall)? have (?:an|a|the|some|more|your|our) (?:[a-z-]+ ){0,2}(?:answer|update|decision|news|idea|offer|feedback|results?|contract|letter|outcome|details|paperwork|verdict|status)\b|(?:contract|offer|paperwork|letter|pack|documents?|details|feedback|decision|answer|results?|outcome|news|update|it|this|that|they|these|those) (?:will|should|'ll|would|shall) be with you\b|be updated|status (?:will|should)|inform(?:ing)? you|keep you in the loop|drop you|write to you|be in contact|status update|come to a decision|make a decision|have something (?:for you|to share)|get you (?:an|a|the|some)|loop back|back to you|back with you|hear from (?:us|me|them|him|her|the)|communicate|share (?:the|our|an|more)|expect to hear|touch again|(?:it|that|this)(?:'ll| will| should|'s| is) now be\b|(?:finalise|finalize|complete|conclude|wrap up|close) (?:the|our|this) (?:hiring|recruitment|selection|interview|search) process|allow\b[^.;]{0,40}? for (?:us|me|the team|our team|the hiring team|the panel|the committee) to (?:review|consider|assess|process|look at|go through)\b|send (?:it|this|that|them|the \w+|your \w+) (?:over|across|through)\b|make (?:an|the|our|a final) appointment\b)",
        )
        .expect("cue regex compiles")
    })
}

fn refers_back() -> &'static Regex {
    regex!(
        r"\b(?:by then|then|once (?:that|it|this|they|we) (?:is|are|has|have)\b|at that point)\b"
    )
}

/// Times that are not dates.
fn vague() -> &'static Regex {
    regex!(
        r"\b(?:soon|shortly|in due course|(?:coming|next) (?:few )?(?:days|weeks)|(?:a|the next) few (?:days|weeks)|as soon as|asap|at some point|when we (?:have|know|hear)|once we (?:have|know|hear)|near future|before long|several (?:days|weeks)|in time|at a later date|in the meantime|timely|promptly|as quickly as|when (?:i|we) can|whenever|at some stage|in a (?:few|couple of) days|a few (?:days|weeks)|nearer the (?:time|date)|closer to the (?:time|date)|can'?t promise|cannot promise|can'?t say when|not sure when|don'?t know (?:yet )?when|no (?:firm |set |fixed )?(?:timeline|date)|can'?t give (?:you )?a date|may be slow|might be slow|slower than usual|(?:in|after) the new year|after the (?:holidays|break|holiday break|summer)|in the (?:spring|summer|autumn|fall|winter))\b"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn by(src: &str) -> Vec<(Option<Date>, String)> {
        let cal = Calendar::builtin("us").unwrap();
        promises(src, 0..src.len(), &cal, date(2026, 12, 1), None)
            .into_iter()
            .map(|p| (p.by, p.words))
            .collect()
    }

    /// The latest date said in the quote of `src`, sent on Mon 2 Mar 2026.
    fn latest(quote: &str) -> Option<Date> {
        let src = format!(
            "Thanks!\n\nOn Mon, Mar 2, 2026 at 9:14 AM Ravi <ravi@lumen.example> wrote:\n> {}\n",
            quote.replace('\n', "\n> ")
        );
        by(&src).into_iter().filter_map(|p| p.0).max()
    }

    #[test]
    fn promises_of_a_process_a_review_or_a_document() {
        assert_eq!(
            latest("We expect to finalise the hiring process within two months."),
            Some(date(2026, 5, 2))
        );
        assert_eq!(
            latest("Please allow up to ten working days for us to review your application."),
            Some(date(2026, 3, 16))
        );
        assert_eq!(
            latest("I'll send it over before close of business today."),
            Some(date(2026, 3, 2))
        );
        assert_eq!(
            latest("We hope to make an appointment by the end of Q1."),
            Some(date(2026, 3, 31))
        );
        // A review of something else, on a day, is no promise to the candidate.
        assert_eq!(latest("Our board will review the budget on the 9th."), None);
    }

    #[test]
    fn chat_lines_start_dates_and_promises_given_up() {
        // A chat export's "Name  2:15 PM" line starts another message.
        let chat = "Maya Chen  2:14 PM\nI'll have the offer letter to you by EOD tomorrow\nMaya Chen  2:15 PM\nstart date would be Apr 13 if that still works";
        assert_eq!(latest(chat), Some(date(2026, 3, 3)));
        // When the job would start is not when news comes.
        assert_eq!(
            latest("The role would start in the April window if an offer is made."),
            None
        );
        // The job seeker's own lines of a chat export promise nothing of theirs.
        assert_eq!(
            latest("Me: Thanks for the call! I'll confirm my notice period by the 10th\nHelen: Perfect, no rush"),
            None
        );
        // A later message that gives up an earlier time takes it back.
        let src = "Thanks!\n\nOn Thu, Mar 5, 2026 at 5:05 PM Kim <k@x.example> wrote:\n> I said I'd have news by Friday, but that's no longer realistic. I'll update you when I can.\n>\n> On Mon, Mar 2, 2026 at 9:20 AM Kim <k@x.example> wrote:\n>> We'll have news for you by Friday!\n";
        assert_eq!(by(src).into_iter().filter_map(|p| p.0).max(), None);
    }

    #[test]
    fn lists_conditions_reasons_and_lower_bounds() {
        // A timeline in a list: each item its own sentence.
        let list = "Here's the rest of the process:\n\n  \u{2022} Your availability: by Fri, Mar 6\n  \u{2022} Decision to you: no later than Fri, Mar 20\n  \u{2022} Target start date: Mon, Apr 13";
        assert_eq!(latest(list), Some(date(2026, 3, 20)));
        // What happens if the answer is yes is not when the answer comes.
        let yes = "Decisions go out on the 20th.\n\nIf it's a yes, we do a paid trial week in early April.";
        assert_eq!(latest(yes), Some(date(2026, 3, 20)));
        // "Just so you know" tells; it promises nothing.
        assert_eq!(
            latest("Just so you know, the office is closed from 24 March to 2 April."),
            None
        );
        // A reason with "because" is not the promise's time.
        assert_eq!(
            latest("You'll have the outcome by Friday 6th, because Sam goes on leave the following Monday."),
            Some(date(2026, 3, 6))
        );
        // From then on, with no end.
        assert_eq!(latest("I can give you a firm answer after the 13th."), None);
        assert_eq!(
            latest("I'll call you right after the panel on the 13th."),
            Some(date(2026, 3, 13))
        );
        // "before COB Friday" is by the end of Friday.
        assert_eq!(
            latest("I'll come back to you before COB Friday with the outcome."),
            Some(date(2026, 3, 6))
        );
        // A phone's "ill", a count from something not yet done, "will be with you".
        assert_eq!(
            latest("give me 3 days n ill confirm"),
            Some(date(2026, 3, 5))
        );
        assert_eq!(
            latest("It usually takes 5-7 days for results to come back once submitted."),
            None
        );
        assert_eq!(
            latest("Contract will be with you Monday, I promise."),
            Some(date(2026, 3, 9))
        );
        // The reader's own window, and a promise to their referees.
        assert_eq!(
            latest("You may request feedback within 30 days of this email."),
            None
        );
        assert_eq!(latest("I'll reach out to your referees by Tuesday."), None);
    }

    #[test]
    fn a_newer_message_takes_back_an_older_promise() {
        let src = "Sorry to hear it.\n\nOn Thu, Sep 17, 2026 at 6:48 PM Ben <ben@acme.com> wrote:\n> Scratch what I said about Friday: leadership put the role on hold.\n>\n> On Mon, Sep 14, 2026 at 1:02 PM Ben <ben@acme.com> wrote:\n>> I'll have an answer for you by Friday.\n";
        let found = by(src);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, None, "still noted, with no date: {found:?}");
        // Without the newer message, the promise stands.
        let older = "Thanks!\n\nOn Mon, Sep 14, 2026 at 1:02 PM Ben <ben@acme.com> wrote:\n> I'll have an answer for you by Friday.\n";
        assert_eq!(by(older)[0].0, Some(date(2026, 9, 18)));
    }

    #[test]
    fn promises_to_others_and_apologies_are_not_the_readers() {
        let cal = Calendar::builtin("us").unwrap();
        let src = "Thanks!\n\nFrom: Lee <lee@agency.com>\nSent: Tuesday, September 15, 2026 10:02 AM\nTo: Priya <priya@client.com>\nCc: Sam <sam@example.com>\nSubject: Sam\n\nI'll get back to you with his answer by Monday.\n";
        let to_others = promises(
            src,
            0..src.len(),
            &cal,
            date(2026, 12, 1),
            Some("sam@example.com"),
        );
        assert!(to_others.is_empty(), "{to_others:?}");
        let to_sam = src.replace("To: Priya <priya@client.com>", "To: Sam <sam@example.com>");
        let found = promises(
            &to_sam,
            0..to_sam.len(),
            &cal,
            date(2026, 12, 1),
            Some("sam@example.com"),
        );
        assert_eq!(found[0].by, Some(date(2026, 9, 21)));
        let d = |body: &str| by(&quoted(body)).into_iter().filter_map(|p| p.0).max();
        assert_eq!(d("Sorry for the late reply - I'm away this week."), None);
        assert_eq!(
            d("You won't hear anything from us before then, I'm afraid."),
            None
        );
        assert_eq!(
            d("Saoirse won't be able to decide until she's back - I'll call you first thing Monday with her answer."),
            Some(date(2026, 9, 21))
        );
        let src = "Oh no.\n\nOn Fri, Sep 18, 2026 at 10:02 AM Ravi <r@x.com> wrote:\n> The client is pausing all hiring until their new financial year.\n>\n> On Tue, Sep 15, 2026 at 1:40 PM Ravi <r@x.com> wrote:\n>> I'll update you on Friday.\n";
        assert_eq!(by(src).into_iter().filter_map(|p| p.0).max(), None);
    }

    #[test]
    fn transcripts_one_speaker_at_a_time() {
        let src = "Hi Marco!\n\nSun, Sep 13, 2026, 9:14 PM\nMarco: will txt u tmrw w/ the offer details n pay\nYou: omg yes!! thank u\n";
        assert_eq!(
            by(src).into_iter().filter_map(|p| p.0).max(),
            Some(date(2026, 9, 14))
        );
        let src = "Any news?\n\n[Thu 10 Sep 2026 18:05] Ravi Menon: only need approval, I will confirm you in the next 24 hours\n[Thu 10 Sep 2026 18:11] Ana: thanks\n";
        assert_eq!(
            by(src).into_iter().filter_map(|p| p.0).max(),
            Some(date(2026, 9, 11))
        );
        let src = "Hi\n\n--- texts ---\nMon, Sep 14, 2026\nSam (Fernbrook): you'll hear from me this week, promise\nMe: thanks!\n";
        assert_eq!(
            by(src).into_iter().filter_map(|p| p.0).max(),
            Some(date(2026, 9, 18))
        );
    }

    const HEAD: &str =
        "Thanks!\n\nOn Tue, Sep 15, 2026 at 10:02 AM Jane Doe <jane@acme.com> wrote:\n";

    fn quoted(body: &str) -> String {
        let q: String = body.lines().map(|l| format!("> {l}\n")).collect();
        format!("{HEAD}{q}")
    }

    #[test]
    fn promises_in_every_register() {
        let d = |body: &str| by(&quoted(body)).into_iter().filter_map(|p| p.0).max();
        assert_eq!(
            d("Please allow up to ten working days for a response."),
            Some(date(2026, 9, 29))
        );
        assert_eq!(
            d("We should have an update for you by Wednesday."),
            Some(date(2026, 9, 16))
        );
        assert_eq!(
            d("A decision is expected the week of the 28th."),
            Some(date(2026, 10, 2))
        );
        assert_eq!(
            d("I'll follow up once the panel has met on the 3rd."),
            Some(date(2026, 10, 3))
        );
        assert_eq!(d("we will revert by thursday"), Some(date(2026, 9, 17)));
        assert_eq!(
            d("If you haven't heard from us by the 30th, assume we went another way."),
            Some(date(2026, 9, 30))
        );
        assert_eq!(
            d("The panel meets on Monday.\nWe will get back to you by then."),
            Some(date(2026, 9, 21))
        );
        // "After that" sets when it may come, not when it will have.
        assert_eq!(
            d("The panel meets on Monday.\nWe will get back to you after that."),
            None
        );
        // A count after it counts from that time.
        assert_eq!(
            d("The panel meets on Monday and we'll get back to you within two days after that."),
            Some(date(2026, 9, 23))
        );
        assert_eq!(
            d("The hiring manager is back on the 21st and I'll get you an answer within 3 business days of her return."),
            Some(date(2026, 9, 24))
        );
        assert_eq!(
            d("The panel meets on Monday.\nI'll let you know within a day of that."),
            Some(date(2026, 9, 22))
        );
        // Taken back, in the same sentence or the next.
        assert_eq!(
            d("Sam said he'd circle back by the 25th, but things have slipped on our end."),
            None
        );
        assert_eq!(
            d("We hoped to have an answer for you by Friday. Unfortunately that has been pushed back."),
            None
        );
        // Only the earliest news may come: no date to wait for.
        assert_eq!(
            d("We won't be able to make a decision until next month at the earliest."),
            None
        );
        assert_eq!(
            d("Don't expect to hear anything until after the board meets on the 21st."),
            None
        );
        assert_eq!(
            d("No decisions will be made before Monday 5 October."),
            None
        );
        assert_eq!(
            d("You'll hear from us no later than Friday."),
            Some(date(2026, 9, 18))
        );
        // Counted from an event no date gives: not datable; from this message: datable.
        assert_eq!(
            d("I'll update you within 2 days of getting the client's feedback."),
            None
        );
        assert_eq!(
            d("We will notify each candidate within fifteen (15) working days of this notice."),
            Some(date(2026, 10, 6))
        );
        assert_eq!(
            d("The panel meets on Monday 21 September. We'll share the outcome with you within two days of the panel."),
            Some(date(2026, 9, 23))
        );
        // Another clause's time that news comes after, and a "then" of its own event.
        assert_eq!(
            d("Our HR team will contact your referees by Thursday, and after that we'll be in touch about an offer."),
            None
        );
        assert_eq!(
            d("We're out this week. We'll regroup after the holidays and reach out then."),
            None
        );
        assert_eq!(
            d("You'll have the revised offer by end of day."),
            Some(date(2026, 9, 15))
        );
        // Written on a Tuesday: the coming Tuesday, and a week on.
        assert_eq!(
            d("I'll let you know a week from Tuesday."),
            Some(date(2026, 9, 29))
        );
        // A pause said first is why the time is later, and the time stands.
        assert_eq!(
            d("Hiring is paused over the holidays, and we'll reach back out in late January."),
            Some(date(2027, 1, 31))
        );
        // Several: the latest.
        assert_eq!(
            d("Feedback by Friday, and a final decision by October 9."),
            Some(date(2026, 10, 9))
        );
    }

    #[test]
    fn requests_events_and_vague_times_are_not_dated_promises() {
        let d = |body: &str| by(&quoted(body)).into_iter().filter_map(|p| p.0).max();
        assert_eq!(d("Please send your references by Friday."), None);
        assert_eq!(d("Let us know your availability by Monday."), None);
        assert_eq!(d("Your interview is on Thursday at 2pm."), None);
        assert_eq!(d("I'm out of the office until Monday."), None);
        assert_eq!(d("The role starts on January 4."), None);
        assert_eq!(d("We will be in touch soon."), None);
        let vague = by(&quoted("We will be in touch soon."));
        assert_eq!(vague.len(), 1, "a vague promise is kept, undated");
        // Mixed: the request is left out, the promise kept.
        assert_eq!(
            d("Please send your references by Friday and we will get back to you within two weeks."),
            Some(date(2026, 9, 29))
        );
    }

    #[test]
    fn the_authors_own_words_and_undated_quotes() {
        assert!(by("I'll follow up next week if I don't hear back.\n").is_empty());
        let undated = by("Ok!\n\n> We will call you tomorrow.\n");
        assert_eq!(undated.len(), 1);
        assert_eq!(undated[0].0, None);
    }

    #[test]
    fn a_promise_resolves_in_the_writers_own_day() {
        // 23:30 on a Friday in UTC-7 is already Saturday in UTC: "by Monday" is still the
        // Monday after their Friday, and "tomorrow" their Saturday.
        let src = "Thanks!\n\n> From: Jane <j@x.com>\n> Date: Fri, 18 Sep 2026 23:30:00 -0700\n> Subject: hi\n>\n> We will get back to you by Monday. I will text you tomorrow.\n";
        let got: Vec<Option<Date>> = by(src).into_iter().map(|p| p.0).collect();
        assert_eq!(got, vec![Some(date(2026, 9, 21)), Some(date(2026, 9, 19))]);
        // WhatsApp lines: each its own dated message, day first.
        let chat = "[07/10/2025, 18:05] Rohan: client liked your profile\n[08/10/2025, 14:22] Rohan: will revert by friday latest\n\nHi Rohan, any news?\n";
        let got: Vec<Option<Date>> = by(chat).into_iter().map(|p| p.0).collect();
        assert_eq!(got, vec![Some(date(2025, 10, 10))]);
    }

    #[test]
    fn sentences_keep_abbreviated_dates() {
        assert_eq!(
            sentences("We'll decide by Oct. 5. Thanks.\nJane"),
            vec!["We'll decide by Oct. 5.", "Thanks.", "Jane"]
        );
    }
}
