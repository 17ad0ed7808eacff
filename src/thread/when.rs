//! Time expressions in running text, resolved against the day they were written: "by
//! Friday", "next Tuesday", "October 2", "the 9th", "within 48 hours", "5-7 business days",
//! "up to ten working days", "a fortnight", "end of the week", "early next week",
//! "mid-October", "end of the month", "the week of the 9th", "tomorrow", "end of day".
//!
//! Each resolves to the last day it allows: a range to its later end, a part of a week or
//! a month to the last day of that part. Working days skip weekends and the calendar's
//! holidays. An expression of the past ("last Friday", "two weeks ago", a day of the month
//! already gone) is not a date to wait for and is left out.

use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};
use regex::Regex;

use super::dates::{self, MONTH};
use crate::calendar::Calendar;

/// How a date was written, to report and measure by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    Weekday,
    NextWeekday,
    ExplicitDate,
    DayOfMonth,
    Days,
    WorkingDays,
    Weeks,
    Months,
    Hours,
    EndOfWeek,
    NextWeek,
    PartOfWeek,
    EndOfMonth,
    PartOfMonth,
    WeekOf,
    Tomorrow,
    Today,
    Holiday,
    Quarter,
}

impl Form {
    /// A count of days, weeks, months or hours from a day, rather than a day named.
    pub fn is_count(self) -> bool {
        matches!(
            self,
            Form::Days | Form::WorkingDays | Form::Weeks | Form::Months | Form::Hours
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Form::Weekday => "weekday",
            Form::NextWeekday => "next-weekday",
            Form::ExplicitDate => "explicit-date",
            Form::DayOfMonth => "day-of-month",
            Form::Days => "days",
            Form::WorkingDays => "working-days",
            Form::Weeks => "weeks",
            Form::Months => "months",
            Form::Hours => "hours",
            Form::EndOfWeek => "end-of-week",
            Form::NextWeek => "next-week",
            Form::PartOfWeek => "part-of-week",
            Form::EndOfMonth => "end-of-month",
            Form::PartOfMonth => "part-of-month",
            Form::WeekOf => "week-of",
            Form::Tomorrow => "tomorrow",
            Form::Today => "today",
            Form::Holiday => "holiday",
            Form::Quarter => "quarter",
        }
    }
}

/// A time expression found: the day it gives, how it was written, and where (in the
/// normalised text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub date: Date,
    pub form: Form,
    pub range: Range<usize>,
}

/// A count of days, weeks or months found, to count again from a later anchor ("within
/// two business days of the committee meeting on October 14").
#[derive(Debug, Clone)]
struct Count {
    n: i32,
    kind: Option<String>,
    unit: String,
    range: Range<usize>,
}

/// A count that counts from a time said elsewhere: "within a day after that", "within 3
/// business days of her return". Found with [`scan`], counted with [`Relative::from`].
#[derive(Debug, Clone)]
pub struct Relative {
    count: Count,
}

impl Relative {
    /// Where the count is written (the range of the [`Found`] that counts it from the
    /// day of writing instead).
    pub fn range(&self) -> Range<usize> {
        self.count.range.clone()
    }

    /// The count from `anchor`, the day of the time it refers back to.
    pub fn from(&self, anchor: Date, cal: &Calendar) -> Option<Found> {
        let c = &self.count;
        let (date, form) = duration(anchor, cal, c.n, c.kind.as_deref(), &c.unit);
        date.map(|date| Found {
            date,
            form,
            range: c.range.clone(),
        })
    }
}

/// Words after a count that count it from the message itself: "of today", "of receipt",
/// "from the date of this letter".
fn counts_from_this_message(after: &str) -> bool {
    regex!(r"^(?:of|from|after|following) (?:today|now|receipt|receiving (?:this|my|our)|the receipt of this|(?:the )?(?:date|day) (?:of|on) this|this (?:e-?mail|message|letter|note|notice|notification|correspondence)|the date hereof|(?:the )?date of issue)\b")
        .is_match(after)
}

/// Words after a count that tie it to something done, with no time of its own: "…once
/// submitted", "…after it has been received", "…when your references are back".
fn from_undated_event(after: &str) -> bool {
    regex!(r"^[^,;.]{0,60}?\b(?:once|after|when|as soon as) (?:it's |it is |it has |it's been |they're |they are |they have |they've |you've |you have |we've |we have |i've |i have |we |you |they |(?:the|your|our|all) [a-z]+ (?:is |are |has |have |))?(?:been )?(?:submitted|received|completed|returned|signed|uploaded|processed|cleared|approved|done|back|in)\b")
        .is_match(after)
}

/// Words after a count that point back to a time said before: "after that", "of her
/// return", "following which".
fn refers_back_after(after: &str) -> bool {
    regex!(r"^(?:of|after|from|following) (?:that|this|then|which|(?:her|his|their|its) (?:return|being back|meeting|call|trip|visit))\b")
        .is_match(after)
}

/// Text made ready for the patterns: lowercase, one kind of apostrophe and dash, single
/// spaces, "ten (10)" without its figures. Byte lengths may change, so ranges are into
/// this text.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{a0}' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    // Phone spellings and common typos, word by word.
    let out = respell(&out);
    // "the twenty-third of October", "before the twentieth": ordinals in words, as figures.
    let out = ordinals_in_figures(&out);
    // "ten (10) working days": the figures repeat the word.
    static PAREN: OnceLock<Regex> = OnceLock::new();
    let paren = PAREN.get_or_init(|| Regex::new(r" \(\d{1,3}\)").expect("regex compiles"));
    paren.replace_all(&out, "").into_owned()
}

/// "the twenty-third" as "the 23rd", where "the" or a word that sets a day comes before
/// it ("by the first of next month", "Thursday the twenty-third of October").
fn ordinals_in_figures(text: &str) -> String {
    const UNITS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    const TEENS: &[&str] = &[
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    let word = |w: &str| -> Option<u32> {
        if let Some(i) = UNITS.iter().position(|u| *u == w) {
            return Some(i as u32 + 1);
        }
        if let Some(i) = TEENS.iter().position(|u| *u == w) {
            return Some(i as u32 + 10);
        }
        match w {
            "twentieth" => Some(20),
            "thirtieth" => Some(30),
            _ => {
                let (tens, unit) = w.split_once(['-', ' '])?;
                let base = match tens {
                    "twenty" => 20,
                    "thirty" => 30,
                    _ => return None,
                };
                let u = UNITS.iter().position(|x| *x == unit)? as u32 + 1;
                (base + u <= 31).then_some(base + u)
            }
        }
    };
    let re = regex!(&format!(
        r"\bthe ((?:twenty|thirty)[- ](?:{units})|{units}|{teens}|twentieth|thirtieth)\b( of)?",
        units = UNITS.join("|"),
        teens = TEENS.join("|"),
    ));
    re.replace_all(text, |c: &regex::Captures| {
        let n = word(&c[1]).unwrap_or(0);
        let of = c.get(2).is_some();
        // "the first round", "the second half": an ordinal that is no day stays a word.
        let after = &text[c.get(0).expect("match").end()..];
        let next = after.trim_start().split(' ').next().unwrap_or("");
        let day_follows = of
            || next.is_empty()
            || !next.chars().next().is_some_and(|ch| ch.is_alphabetic())
            || dates::month(next).is_some() && next.len() >= 3;
        if n == 0 || !day_follows {
            return c[0].to_string();
        }
        let suffix = match (n % 10, n) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("the {n}{suffix}{}", if of { " of" } else { "" })
    })
    .into_owned()
}

/// Words as typed on phones and in a hurry, spelled out for the patterns.
fn respell(text: &str) -> String {
    /// Verbs after which a phone's "ill" is "i'll" ("ill confirm", "ill let u know"), not
    /// "sick".
    const AFTER_ILL: &[&str] = &[
        "ask", "be", "call", "check", "circle", "come", "confirm", "do", "drop", "email", "find",
        "follow", "get", "give", "have", "hear", "keep", "know", "let", "message", "pass", "ping",
        "reach", "revert", "ring", "see", "send", "sort", "speak", "talk", "tell", "text", "try",
        "update", "write",
    ];
    let mut out = String::with_capacity(text.len());
    let words: Vec<&str> = text.split(' ').collect();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let core = word.trim_end_matches(['.', ',', '!', '?', ';', ':', ')']);
        let tail = &word[core.len()..];
        let verb_follows = || words.get(i + 1).is_some_and(|w| AFTER_ILL.contains(w));
        let fixed = match core {
            "ill" if verb_follows() => "i'll",
            "u" => "you",
            "ur" => "your",
            "nxt" => "next",
            "wk" => "week",
            "tmrw" | "tmr" | "tmrow" | "tommorow" | "tomorow" | "tommorrow" | "2moro"
            | "2morrow" => "tomorrow",
            "wensday" | "wendsday" | "wednsday" | "wedensday" | "wednesdy" => "wednesday",
            "thurday" | "thursdy" | "thrusday" => "thursday",
            "tuseday" | "teusday" | "tuesdy" => "tuesday",
            "firday" | "fridy" => "friday",
            "mondy" => "monday",
            "msg" | "msge" => "message",
            "txt" => "text",
            "n" => "and",
            "pls" | "plz" => "please",
            "w/" => "with",
            "thru" => "through",
            "eow" => "end of week",
            _ => core,
        };
        out.push_str(fixed);
        out.push_str(tail);
    }
    out
}

const NUM: &str = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty-?eight|seventy-?two|(?:a )?couple(?: of)?)";
const WEEKDAY_WORD: &str =
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs?|fri)";

fn number(word: &str) -> Option<i32> {
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let w = word.trim();
    if w.contains("couple") {
        return Some(2);
    }
    match w {
        "a" | "an" => Some(1),
        "thirty" => Some(30),
        "forty-eight" | "fortyeight" => Some(48),
        "seventy-two" | "seventytwo" => Some(72),
        _ => w
            .parse::<i32>()
            .ok()
            .or_else(|| WORDS.iter().position(|x| *x == w).map(|i| i as i32)),
    }
}

struct Res {
    durations: Regex,
    or_more: Regex,
    fortnight: Regex,
    weekday: Regex,
    month_day: Regex,
    day_month: Regex,
    numeric: Regex,
    iso: Regex,
    dotted: Regex,
    new_year: Regex,
    ordinal: Regex,
    week_part: Regex,
    week_end: Regex,
    week_after_next: Regex,
    midweek: Regex,
    month_part: Regex,
    month_end: Regex,
    named_month: Regex,
    tomorrow: Regex,
    today: Regex,
    holiday: Regex,
    quarter: Regex,
}

fn res() -> &'static Res {
    static RE: OnceLock<Res> = OnceLock::new();
    RE.get_or_init(|| {
        let re = |p: String| Regex::new(&p).expect("time expression regex compiles");
        Res {
            durations: re(format!(
                r"\b({NUM})(?: ?(?:-|to|or) ?({NUM}))? (?:more |additional |further |full )?(?:(business|working|work|calendar|school|office) )?(hours?|hrs?|days?|weeks?|wks?|months?)\b"
            )),
            or_more: re(format!(
                r"\b({NUM}) (?:(business|working|calendar) )?(days?|weeks?|months?) or ({NUM})\b"
            )),
            fortnight: re(format!(r"\b(?:({NUM}) )?fortnights?\b")),
            weekday: re(format!(
                r"\b(?:(this|next|coming|following|the following|this coming|by|on|until|till|til|before|by end of|end of|eod|cob|close of business|end of business|by close of business|by eod|by cob|latest|around|from) )?(?:(coming|following) )?({WEEKDAY_WORD})\b\.?(?:,? (next week|this week|of next week|of this week|after next|week|next\b))?"
            )),
            month_day: re(format!(
                r"\b({MONTH})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (\d{{4}}))?"
            )),
            day_month: re(format!(
                r"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({MONTH})\b\.?(?:,? (\d{{4}}))?"
            )),
            numeric: re(format!(
                r"(?:\b(by|on|before|until|till|around|for|of|than):?|\b({WEEKDAY_WORD})\.?,?) (\d{{1,2}})(?:/(\d{{1,2}})(?:/(\d{{4}}|\d{{2}}))?|-(\d{{1,2}})-(\d{{4}}))\b"
            )),
            iso: re(r"\b(\d{4})-(\d{2})-(\d{2})\b".to_string()),
            // "10.03." or "10.03.2026": day first.
            dotted: re(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?:\s|$|[,;).])".to_string()),
            new_year: re(r"\b(?:(early|mid|late|start of|beginning of|the start of|the beginning of) )?(?:in |after )?the new year\b|\bearly (?:in )?(?:the )?new year\b".to_string()),
            ordinal: re(
                r"\b(by|on|before|until|till|after|around|from|of|than|friday|monday|tuesday|wednesday|thursday) (?:the )?(\d{1,2})(?:st|nd|rd|th)\b(?: of (this|next) month)?"
                    .to_string(),
            ),
            week_part: re(
                r"\b(?:(end|close|middle|mid|start|beginning|early|late|later|latter part|first half|second half|first part|back half|back end|front half)(?: of| in)?(?: the)?[ -])?(this|next|the following|the coming|the next|following) week\b"
                    .to_string(),
            ),
            week_end: re(
                r"\b(?:(?:the )?(?:end|close) of (?:the |this )?(?:working |work |business )?week|week'?s end|(?:by|before) the weekend|later (?:in )?(?:the|this) week|end of week|eow|before the week is (?:out|over)|by week'?s end|(?:the )?(?:end|close) of play (?:on )?friday)\b"
                    .to_string(),
            ),
            week_after_next: re(r"\bthe week after next\b".to_string()),
            midweek: re(r"\b(?:mid-?week|the middle of (?:the|this) week)(?: (next week))?\b|\b(?:mid-?|the middle of )next week\b|\bfirst thing (?:next week|on monday)\b".to_string()),
            month_part: re(
                r"\b(?:(end|close|middle|mid|start|beginning|early|late|first half|second half|latter half|back half|last half|first week|last week|second week|third week)(?: of)?(?: the)?[ -])?(this|next|the following|the coming|the) month\b"
                    .to_string(),
            ),
            month_end: re(
                r"\b(?:(?:the )?(?:end|close) of (?:the |this )?month|month[ -]end|end of month|eom)\b"
                    .to_string(),
            ),
            named_month: re(format!(
                r"\b(end|close|middle|mid|start|beginning|early|late|first half|second half|latter half|back half|last half|latter part|first week|last week|second week|third week|in|during|by|before|until|till|throughout|within)(?: of)?(?: the)?[ -]({MONTH})\b\.?(?:,? (\d{{4}}))?(?: ?(\d{{1,2}}))?"
            )),
            tomorrow: re(r"\b(?:(the day after|next) )?(?:tomorrow|tmrw|tmr)\b".to_string()),
            holiday: re(
                r"\b(by|before|until|till|til|on|for|around|ahead of|prior to|in time for) (?:the )?(christmas eve|christmas|xmas|thanksgiving|new year'?s eve|new year'?s(?: day)?|easter monday|easter|good friday|labou?r day|memorial day|independence day|(?:the )?fourth of july|(?:the )?4th of july|july 4th|boxing day|canada day|victoria day|remembrance day|veterans'? day|presidents'? day|juneteenth|(?:mlk|martin luther king(?: jr\.?)?) day|columbus day|halloween|(?:the )?(?:early may |spring |summer |august )?bank holiday|long weekend)\b(?: (?:weekend|break|holidays?|shutdown|closure))?"
                    .to_string(),
            ),
            quarter: re(
                r"\b(?:(by|before|in|during|within|for|until|till|through)(?: the)? )?(?:(end|close|middle|mid|start|beginning|early|late)(?: of)?(?: the)?[ -])?(?:q([1-4])|(?:(first|second|third|fourth|1st|2nd|3rd|4th|last|final|this|next|the following|the coming|following|coming) )?quarter)\b(?:[ -](?:end|close))?(?:(?: of)?,? (?:(\d{4})|fy ?(\d{2}|\d{4})))?"
                    .to_string(),
            ),
            today: re(
                r"\b(?:today|tonight|this (?:morning|afternoon|evening)|(?:the )?end of (?:the )?(?:business )?day|eod|cob|eob|close of (?:business|play)|end of business)\b"
                    .to_string(),
            ),
        }
    })
}

fn step(d: Date, days: i64) -> Option<Date> {
    d.checked_add(Span::new().days(days)).ok()
}

fn monday_of(d: Date) -> Option<Date> {
    step(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

/// Day `wd` of the week `weeks` after the one holding `d`.
fn in_week(d: Date, weeks: i64, wd: Weekday) -> Option<Date> {
    step(
        monday_of(d)?,
        7 * weeks + i64::from(wd.to_monday_zero_offset()),
    )
}

/// `n` working days after `d` (before it, for a negative `n`).
pub fn add_working_days(cal: &Calendar, d: Date, n: i32) -> Option<Date> {
    let by = if n < 0 { -1 } else { 1 };
    let mut day = d;
    let mut left = n.abs();
    let mut guard = 0;
    while left > 0 {
        day = step(day, by)?;
        guard += 1;
        if guard > 3 * 366 {
            return None;
        }
        if cal.is_working_day(day) {
            left -= 1;
        }
    }
    Some(day)
}

fn last_of_month(y: i16, m: i8) -> Option<Date> {
    let first = Date::new(y, m, 1).ok()?;
    Date::new(y, m, first.days_in_month()).ok()
}

/// The day of a month that a part of it ends on: "early" the 10th, "mid" the 15th, "late"
/// or "end" its last day.
fn month_part_day(part: Option<&str>, y: i16, m: i8) -> Option<Date> {
    let last = last_of_month(y, m)?;
    let day = match part.unwrap_or("") {
        "start" | "beginning" | "first week" => 7,
        "early" => 10,
        "second week" => 14,
        "first half" => 15,
        // The last day still "mid": a month's middle third.
        "middle" | "mid" => 20,
        "third week" => 21,
        _ => return Some(last),
    };
    Date::new(y, m, day).ok()
}

/// Whether the words just before `at` make what follows the past ("last", "ago", "since").
fn past_before(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    ["last", "past", "previous", "since", "was", "were"]
        .iter()
        .any(|w| before.ends_with(&format!(" {w}")) || before == *w)
}

fn ago_after(text: &str, end: usize) -> bool {
    let after = text[end..].trim_start();
    after.starts_with("ago") || after.starts_with("earlier") || after.starts_with("before")
}

/// Every time expression in `text` (normalised by [`normalize`]), each resolved against
/// `base`, the day the text was written. Days before `base` are left out.
pub fn find(text: &str, base: Date, cal: &Calendar) -> Vec<Found> {
    scan(text, base, cal).0
}

/// [`find`], and the counts that count from a time said elsewhere ("within a day after
/// that"), which `find` counts from `base`.
pub fn scan(text: &str, base: Date, cal: &Calendar) -> (Vec<Found>, Vec<Relative>) {
    let r = res();
    let mut out: Vec<Found> = Vec::new();
    let mut counts: Vec<Count> = Vec::new();
    let mut push = |date: Option<Date>, form: Form, range: Range<usize>| {
        if let Some(date) = date {
            if date >= base && !past_before(text, range.start) {
                out.push(Found { date, form, range });
            }
        }
    };

    for c in r.durations.captures_iter(text) {
        let whole = c.get(0).expect("match");
        if ago_after(text, whole.end())
            || schedule_after(text, whole.end())
            || !forward_before(text, whole.start())
        {
            continue;
        }
        let n = c.get(2).or(c.get(1)).and_then(|m| number(m.as_str()));
        let Some(n) = n.filter(|n| (1..=400).contains(n)) else {
            continue;
        };
        let kind = c.get(3).map(|m| m.as_str());
        let unit = &c[4];
        let (date, form) = duration(base, cal, n, kind, unit);
        counts.push(Count {
            n,
            kind: kind.map(str::to_string),
            unit: unit.to_string(),
            range: whole.range(),
        });
        push(date, form, whole.range());
    }
    for c in r.or_more.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let Some(n) = number(&c[4]).filter(|n| (1..=400).contains(n)) else {
            continue;
        };
        let (date, form) = duration(base, cal, n, c.get(2).map(|m| m.as_str()), &c[3]);
        push(date, form, whole.range());
    }
    for c in r.fortnight.captures_iter(text) {
        let n = c.get(1).and_then(|m| number(m.as_str())).unwrap_or(1);
        push(
            step(base, 14 * i64::from(n)),
            Form::Weeks,
            c.get(0).expect("match").range(),
        );
    }
    for c in r.weekday.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let qualifier = c.get(1).map(|m| m.as_str());
        let word = &c[3];
        // Short forms only after a word that makes them a day ("by fri", "on Weds").
        let full = word.ends_with("day");
        let safe_short = matches!(
            word,
            "thu" | "thur" | "thurs" | "tue" | "tues" | "weds" | "fri"
        );
        if !full && qualifier.is_none() && !safe_short {
            continue;
        }
        if word == "sun" || word == "sat" || word == "mon" && qualifier.is_none() {
            continue;
        }
        let Some(wd) = dates::weekday(word) else {
            continue;
        };
        // "on a saturday", "every friday": any such day, not one.
        let lead = text[..c.get(3).expect("weekday").start()].trim_end();
        // "Fiona came back to me on Friday evening": a day gone, told in the past tense.
        let clause = &lead[lead.rfind([',', ';', '.', '!', '?']).map_or(0, |i| i + 1)..];
        if regex!(r"\b(?:came|sent|spoke|met|said|told|called|emailed|wrote|heard|went|got back|did|replied|mentioned|chatted|talked|interviewed|saw|rang|messaged)\b").is_match(clause)
            && !regex!(r"\b(?:will|'ll|shall|going to|should|would|'d|can|plan to|hope to|aim to|expect to|by)\b").is_match(clause)
        {
            continue;
        }
        if [" a", " every", " each", " any", " one"]
            .iter()
            .any(|w| lead.ends_with(w))
        {
            continue;
        }
        // "a week from Tuesday", "two weeks from Friday": that many weeks after it.
        let weeks_from = regex!(r"\b(a|one|two|three) weeks? from$")
            .captures(lead)
            .and_then(|w| number(&w[1]));
        if let Some(n) = weeks_from {
            let date = base
                .nth_weekday(1, wd)
                .ok()
                .and_then(|d| step(d, 7 * i64::from(n)));
            push(date, Form::NextWeekday, whole.range());
            continue;
        }
        let after = c.get(4).map(|m| m.as_str());
        let next = matches!(qualifier, Some("next" | "following" | "the following"))
            || c.get(2).is_some_and(|m| m.as_str() == "following");
        let (date, form) = match after {
            Some("next week" | "of next week") => (in_week(base, 1, wd), Form::NextWeekday),
            Some("after next") => (in_week(base, 2, wd), Form::NextWeekday),
            // "Thursday next": next Thursday.
            Some("next") => (in_week(base, 1, wd), Form::NextWeekday),
            Some("week")
                if !matches!(
                    qualifier,
                    Some(
                        "next" | "this" | "following" | "the following" | "coming" | "this coming"
                    )
                ) =>
            {
                // "Tuesday week": a week after the coming Tuesday.
                (
                    base.nth_weekday(1, wd).ok().and_then(|d| step(d, 7)),
                    Form::NextWeekday,
                )
            }
            Some("this week" | "of this week") => (in_week(base, 0, wd), Form::Weekday),
            _ if next => (in_week(base, 1, wd), Form::NextWeekday),
            _ => (base.nth_weekday(1, wd).ok(), Form::Weekday),
        };
        push(date, form, whole.range());
    }
    for c in r.month_day.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let (Some(m), Ok(d)) = (dates::month(&c[1]), c[2].parse::<i8>()) else {
            continue;
        };
        // "may 5" as a modal verb is rare with a number after it; "march 3" likewise.
        if text[whole.end()..].starts_with(':') {
            continue;
        }
        let y = c.get(3).and_then(|y| y.as_str().parse().ok());
        let date = ahead(y, m, d, base);
        push_dated(&mut push, text, date, whole.range());
    }
    for c in r.day_month.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let (Some(m), Ok(d)) = (dates::month(&c[2]), c[1].parse::<i8>()) else {
            continue;
        };
        let y = c.get(3).and_then(|y| y.as_str().parse().ok());
        push_dated(&mut push, text, ahead(y, m, d, base), whole.range());
    }
    for c in r.numeric.captures_iter(text) {
        let whole = c.get(0).expect("match");
        // "05-11-2024" (dashes, with its year) as "05/11/2024".
        let second = c.get(4).or(c.get(6)).map_or("", |m| m.as_str());
        let (Ok(a), Ok(b)) = (c[3].parse::<i8>(), second.parse::<i8>()) else {
            continue;
        };
        if (a, b) == (24, 7) {
            continue;
        }
        let y = c.get(5).or(c.get(7)).and_then(|y| {
            let t = y.as_str();
            t.parse::<i16>()
                .ok()
                .map(|v| if t.len() == 2 { 2000 + v } else { v })
        });
        let wd = c.get(2).and_then(|w| dates::weekday(w.as_str()));
        let us = ahead(y, a, b, base);
        let eu = ahead(y, b, a, base);
        let date = match (us, eu) {
            (Some(u), Some(e)) => match wd {
                Some(w) if e.weekday() == w && u.weekday() != w => Some(e),
                // A promise is of a day to come: the reading that is one.
                _ if u < base && e >= base => Some(e),
                _ => Some(u),
            },
            (u, e) => u.or(e),
        };
        let start = c.get(3).map_or(whole.start(), |m| m.start());
        push_dated(&mut push, text, date, start..whole.end());
    }
    for c in r.iso.captures_iter(text) {
        let n = |i: usize| c[i].parse::<i16>().ok();
        let date = match (n(1), n(2), n(3)) {
            (Some(y), Some(m), Some(d)) => Date::new(y, m as i8, d as i8).ok(),
            _ => None,
        };
        push(date, Form::ExplicitDate, c.get(0).expect("match").range());
    }
    for c in r.dotted.captures_iter(text) {
        let (Ok(d), Ok(m)) = (c[1].parse::<i8>(), c[2].parse::<i8>()) else {
            continue;
        };
        if !(1..=12).contains(&m) {
            continue;
        }
        let y = c.get(3).and_then(|y| {
            let t = y.as_str();
            t.parse::<i16>()
                .ok()
                .map(|v| if t.len() == 2 { 2000 + v } else { v })
        });
        let whole = c.get(0).expect("match");
        push(
            ahead(y, m, d, base),
            Form::ExplicitDate,
            whole.start()..whole.end(),
        );
    }
    for c in r.new_year.captures_iter(text) {
        // "In the new year" alone says no part of it: as vague as "in the spring".
        let early = c.get(0).is_some_and(|m| m.as_str().starts_with("early"));
        if c.get(1).is_none() && !early {
            continue;
        }
        let day = match c.get(1).map(|m| m.as_str()) {
            Some("mid") => 20,
            Some("late") => 31,
            Some(p) if p.contains("start") || p.contains("beginning") => 7,
            _ => 10,
        };
        push(
            Date::new(base.year() + 1, 1, day).ok(),
            Form::PartOfMonth,
            c.get(0).expect("match").range(),
        );
    }
    for c in r.ordinal.captures_iter(text) {
        let whole = c.get(0).expect("match");
        // "the 3rd of October" is a month's day, found above.
        let rest = text[whole.end()..].trim_start();
        let rest = rest.strip_prefix("of ").unwrap_or(rest);
        if month_word_at(rest) || noun_after_ordinal(rest) {
            continue;
        }
        let Ok(d) = c[2].parse::<i8>() else {
            continue;
        };
        let date = match c.get(3).map(|m| m.as_str()) {
            Some("next") => next_month(base).and_then(|f| Date::new(f.year(), f.month(), d).ok()),
            Some(_) => Date::new(base.year(), base.month(), d).ok(),
            None => day_of_month_ahead(base, d),
        };
        let start = c.get(2).map_or(whole.start(), |m| m.start());
        push_dated(&mut push, text, date, start..whole.end());
    }
    for c in r.week_part.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let part = c.get(1).map(|m| m.as_str());
        let weeks = if c[2].contains("this") { 0 } else { 1 };
        let wd = match part {
            Some("start" | "beginning") => Weekday::Monday,
            Some("early" | "first part") => Weekday::Tuesday,
            Some("middle" | "mid" | "first half" | "front half") => Weekday::Wednesday,
            _ => Weekday::Friday,
        };
        let form = match (part, weeks) {
            (None | Some("end" | "close"), 1) => Form::NextWeek,
            (None | Some("end" | "close"), _) => Form::EndOfWeek,
            _ => Form::PartOfWeek,
        };
        let date = in_week(base, weeks, wd).map(|d| d.max(base));
        push(date, form, whole.range());
    }
    for m in r.week_end.find_iter(text) {
        let date = if base.weekday() == Weekday::Saturday || base.weekday() == Weekday::Sunday {
            in_week(base, 1, Weekday::Friday)
        } else {
            in_week(base, 0, Weekday::Friday)
        };
        push(date, Form::EndOfWeek, m.range());
    }
    for m in r.week_after_next.find_iter(text) {
        push(in_week(base, 2, Weekday::Friday), Form::NextWeek, m.range());
    }
    for m in r.midweek.find_iter(text) {
        let t = m.as_str();
        let (weeks, wd) = if t.starts_with("first thing") {
            (1, Weekday::Monday)
        } else if t.contains("next week") {
            (1, Weekday::Wednesday)
        } else if base.weekday().to_monday_zero_offset() >= 2 {
            // Said on a Wednesday or later, "midweek" is next week's.
            (1, Weekday::Wednesday)
        } else {
            (0, Weekday::Wednesday)
        };
        push(in_week(base, weeks, wd), Form::PartOfWeek, m.range());
    }
    for c in r.month_part.captures_iter(text) {
        let part = c.get(1).map(|m| m.as_str());
        // "the month" is this one only with a part named: "by the middle of the month".
        if &c[2] == "the" && part.is_none() {
            continue;
        }
        let first = if matches!(&c[2], "this" | "the") {
            Date::new(base.year(), base.month(), 1).ok()
        } else {
            next_month(base)
        };
        let date = first.and_then(|f| month_part_day(part, f.year(), f.month()));
        let form = match part {
            None | Some("end" | "close") => Form::EndOfMonth,
            _ => Form::PartOfMonth,
        };
        push(date, form, c.get(0).expect("match").range());
    }
    for m in r.month_end.find_iter(text) {
        push(
            last_of_month(base.year(), base.month()),
            Form::EndOfMonth,
            m.range(),
        );
    }
    for c in r.named_month.captures_iter(text) {
        if c.get(4).is_some() {
            // "by October 2": a month's day, found above.
            continue;
        }
        let Some(m) = dates::month(&c[2]) else {
            continue;
        };
        if &c[2] == "may" && c.get(3).is_none() && c.get(1).is_some_and(|p| p.as_str() == "by") {
            // "by may": too often the verb.
            continue;
        }
        let y = match c.get(3).and_then(|y| y.as_str().parse::<i16>().ok()) {
            Some(y) => y,
            None => {
                // The first such month that has not ended.
                let this_end = last_of_month(base.year(), m);
                match this_end {
                    Some(e) if e >= base => base.year(),
                    _ => base.year() + 1,
                }
            }
        };
        let part = &c[1];
        let (date, form) = match part {
            "by" | "before" | "until" | "till" => (Date::new(y, m, 1).ok(), Form::PartOfMonth),
            "in" | "during" | "throughout" | "within" => (last_of_month(y, m), Form::PartOfMonth),
            "end" | "close" | "late" => (last_of_month(y, m), Form::EndOfMonth),
            p => (month_part_day(Some(p), y, m), Form::PartOfMonth),
        };
        push(date, form, c.get(0).expect("match").range());
    }
    for c in r.tomorrow.captures_iter(text) {
        let days = if c.get(1).is_some() { 2 } else { 1 };
        push(
            step(base, days),
            Form::Tomorrow,
            c.get(0).expect("match").range(),
        );
    }
    for m in r.today.find_iter(text) {
        push(Some(base), Form::Today, m.range());
    }
    for c in r.holiday.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let day = holiday(&c[2], base, cal);
        // "before the long weekend", "by the Labor Day weekend": the last working day
        // before that weekend.
        let day = if whole.as_str().ends_with("weekend") {
            day.and_then(|d| working_day_before_weekend(d, cal))
        } else {
            day
        };
        push(day, Form::Holiday, whole.range());
    }
    for c in r.quarter.captures_iter(text) {
        let whole = c.get(0).expect("match");
        // "a quarter", "a quarter of an hour", "our q1 planning": a quarter is a time
        // when a word says by, in or at what part of it.
        let named = c.get(3).is_some() || c.get(4).is_some();
        let tail = whole.as_str().ends_with("end") || whole.as_str().ends_with("close");
        let placed = c.get(1).is_some() || c.get(2).is_some() || tail;
        if !placed || !named && c.get(2).is_none() && !tail {
            continue;
        }
        let year = c
            .get(5)
            .or(c.get(6))
            .and_then(|y| y.as_str().parse::<i16>().ok())
            .map(|y| if y < 100 { 2000 + y } else { y });
        let date = quarter(
            base,
            c.get(3)
                .map(|m| m.as_str())
                .or(c.get(4).map(|m| m.as_str())),
            year,
            c.get(1).map(|m| m.as_str()),
            // "quarter-end" is its end.
            if tail {
                Some("end")
            } else {
                c.get(2).map(|m| m.as_str())
            },
        );
        push(date, Form::Quarter, whole.range());
    }
    // "the week of the 9th", "the week commencing 5 October": that week's Friday.
    for f in out.iter_mut() {
        let before = text[..f.range.start].trim_end();
        let week_of = [
            "week of",
            "week of the",
            "week commencing",
            "week beginning",
            "week starting",
            "w/c",
        ]
        .iter()
        .any(|w| before.ends_with(w));
        if week_of && matches!(f.form, Form::ExplicitDate | Form::DayOfMonth) {
            if let Some(fri) = in_week(f.date, 0, Weekday::Friday) {
                f.date = fri;
                f.form = Form::WeekOf;
            }
        }
    }
    // "before Friday", "before the 20th": the day before.
    for f in out.iter_mut() {
        let before = text[..f.range.start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        let day_form = matches!(
            f.form,
            Form::Weekday
                | Form::NextWeekday
                | Form::ExplicitDate
                | Form::DayOfMonth
                | Form::Holiday
        );
        let on_or = before.ends_with("on or before") || before.ends_with("or before");
        let weekend = f.form == Form::Holiday && text[f.range.clone()].ends_with("weekend");
        // "before COB Friday", "before end of day Thursday": by the end of that day.
        let day_end = regex!(r"^(?:cob|eod|end of|close of|by close|by eod|by cob)\b")
            .is_match(&text[f.range.clone()])
            || regex!(
                r"\b(?:cob|eod|end of (?:the )?(?:business )?day|close of (?:business|play))$"
            )
            .is_match(before);
        if day_form
            && !on_or
            && !day_end
            && !weekend
            && (before.ends_with(" before")
                || before == "before"
                || text[f.range.clone()].starts_with("before "))
        {
            if let Some(d) = step(f.date, -1).filter(|d| *d >= base) {
                f.date = d;
            }
        }
        // "the day after the committee meets on Thursday".
        if day_form {
            let lead = &text[..f.range.start];
            if let Some(at) = lead.rfind("the day after") {
                if f.range.start - at < 60 && !text[at..].starts_with("the day after tomorrow") {
                    if let Some(d) = step(f.date, 1) {
                        f.date = d;
                    }
                }
            }
        }
    }
    // "Friday 30 October", "Thursday, October 8": the date says it; "Tuesday next week"
    // holds "next week": the longer says it.
    let snapshot = out.clone();
    out.retain(|f| {
        let date_follows = f.form == Form::Weekday
            && snapshot.iter().any(|g| {
                matches!(g.form, Form::ExplicitDate | Form::DayOfMonth)
                    && g.range.start >= f.range.end
                    && g.range.start - f.range.end <= 3
            });
        let inside = snapshot.iter().any(|g| {
            g.range != f.range && g.range.start <= f.range.start && g.range.end >= f.range.end
        });
        !date_follows && !inside
    });
    // "within a week of the faculty meeting on the 20th": the count from that day; and
    // "once I've spoken with them on Monday, I'll get back to you within 24 hours".
    let mut anchored = Vec::new();
    let mut relative = Vec::new();
    for c in &counts {
        let after = text[c.range.end..].trim_start();
        let from_this = counts_from_this_message(after);
        if refers_back_after(after) && !from_this {
            relative.push(Relative { count: c.clone() });
            continue;
        }
        // "5-7 days for results to come back once submitted": from an event no date gives.
        if !from_this && from_undated_event(after) {
            relative.push(Relative { count: c.clone() });
            continue;
        }
        let linked = ["of ", "after ", "from ", "following "]
            .iter()
            .any(|w| after.starts_with(w));
        let is_count = |f: &&Found| f.form.is_count();
        let anchor = if linked {
            out.iter()
                .filter(|f| f.range.start >= c.range.end && f.range.start - c.range.end < 80)
                .filter(|f| !is_count(f))
                .min_by_key(|f| f.range.start)
        } else {
            // A condition before the count: "once…", "after…", "when…".
            let head = &text[..c.range.end];
            let cond = ["once ", "after ", "when ", "following ", "as soon as "]
                .iter()
                .filter_map(|w| head.find(w))
                .min();
            cond.and_then(|at| {
                out.iter()
                    .filter(|f| f.range.start > at && f.range.end < c.range.end)
                    .filter(|f| !is_count(f))
                    .max_by_key(|f| f.range.start)
            })
        };
        if let Some(a) = anchor {
            let (date, form) = duration(a.date, cal, c.n, c.kind.as_deref(), &c.unit);
            if let Some(date) = date {
                anchored.push(Found {
                    date,
                    form,
                    range: a.range.start..a.range.end,
                });
            }
        } else if linked && !from_this {
            // "within 2 days of getting the client's feedback": from a time said
            // elsewhere, if anywhere; not from the day of writing.
            relative.push(Relative { count: c.clone() });
        }
    }
    out.retain(|f| !relative.iter().any(|r| r.count.range == f.range));
    out.extend(anchored);
    out.sort_by_key(|f| (f.range.start, f.range.end));
    (out, relative)
}

/// The last working day before the weekend a holiday on `d` makes long (a Monday's, or a
/// Friday's, which is then the weekend's first day).
fn working_day_before_weekend(d: Date, cal: &Calendar) -> Option<Date> {
    // The day after the last one it could be.
    let after = match d.weekday() {
        Weekday::Monday => step(d, -2)?,
        Weekday::Friday | Weekday::Saturday | Weekday::Sunday => d,
        _ => step(d, 1)?,
    };
    add_working_days(cal, after, -1)
}

/// The next day of a holiday named in text ("christmas", "thanksgiving", "labor day"):
/// from the calendar where it keeps the holiday, else by its usual rule.
fn holiday(name: &str, base: Date, cal: &Calendar) -> Option<Date> {
    let name = name.strip_prefix("the ").unwrap_or(name);
    // The day in `base`'s year or the next, whichever is the first not before `base`.
    let next = |in_year: &dyn Fn(i16) -> Option<Date>| {
        [base.year(), base.year() + 1]
            .into_iter()
            .filter_map(in_year)
            .find(|d| *d >= base)
    };
    let fixed = |m: i8, d: i8| next(&|y| Date::new(y, m, d).ok());
    let easter =
        |offset: i64| next(&|y| crate::calendar::spec::easter(y).and_then(|e| step(e, offset)));
    let by_name = |word: &str| cal.named(word, base);
    match name {
        "christmas eve" => fixed(12, 24),
        "halloween" => fixed(10, 31),
        "christmas" | "xmas" => by_name("christmas").or_else(|| fixed(12, 25)),
        "boxing day" => by_name("boxing").or_else(|| fixed(12, 26)),
        n if n.starts_with("new year") && n.ends_with("eve") => fixed(12, 31),
        n if n.starts_with("new year") => fixed(1, 1),
        "easter" => easter(0),
        "easter monday" => easter(1),
        "good friday" => easter(-2),
        "thanksgiving" => by_name("thanksgiving").or_else(|| {
            // The United States' rule: the fourth Thursday of November.
            next(&|y| {
                Date::new(y, 11, 1)
                    .ok()?
                    .nth_weekday_of_month(4, Weekday::Thursday)
                    .ok()
            })
        }),
        "independence day" | "fourth of july" | "4th of july" | "july 4th" => fixed(7, 4),
        "canada day" => fixed(7, 1),
        "remembrance day" | "veterans day" | "veterans' day" => fixed(11, 11),
        "juneteenth" => fixed(6, 19),
        // The next holiday on a Monday or a Friday, within a season.
        "long weekend" => (0..100).filter_map(|k| step(base, k)).find(|d| {
            matches!(d.weekday(), Weekday::Monday | Weekday::Friday) && cal.holiday(*d).is_some()
        }),
        n if n.ends_with("bank holiday") => {
            by_name(n.trim_start_matches("the ")).or_else(|| by_name("bank holiday"))
        }
        n => {
            let n = n
                .replace("labour", "labor")
                .replace("presidents' day", "presidents day");
            let word = match n.as_str() {
                "presidents day" => "washington",
                n if n.contains("martin luther king") || n.starts_with("mlk") => {
                    "martin luther king"
                }
                n => n.trim_end_matches(" day"),
            };
            by_name(word)
        }
    }
}

/// The day a quarter of a year ends on, or the part of it named: "q3", "the third
/// quarter", "end of next quarter", "early q2 2026". `which` is "3", "third", "next"…;
/// `prep` "by" or "before" with no part gives its first day, as "by October" does.
fn quarter(
    base: Date,
    which: Option<&str>,
    year: Option<i16>,
    prep: Option<&str>,
    part: Option<&str>,
) -> Option<Date> {
    let current = (base.month() - 1) / 3 + 1;
    let last_day = |y: i16, q: i8| last_of_month(y, q * 3);
    let (y, q) = match which {
        None | Some("this") => (base.year(), current),
        Some("next" | "following" | "the following" | "coming" | "the coming") => {
            if current == 4 {
                (base.year() + 1, 1)
            } else {
                (base.year(), current + 1)
            }
        }
        Some(w) => {
            let q: i8 = match w {
                "1" | "first" | "1st" => 1,
                "2" | "second" | "2nd" => 2,
                "3" | "third" | "3rd" => 3,
                _ => 4,
            };
            match year {
                Some(y) => (y, q),
                None if last_day(base.year(), q)? >= base => (base.year(), q),
                None => (base.year() + 1, q),
            }
        }
    };
    let first_month = (q - 1) * 3 + 1;
    match (part, prep) {
        (Some("start" | "beginning"), _) => month_part_day(Some("start"), y, first_month),
        (Some("early"), _) => last_of_month(y, first_month),
        (Some("middle" | "mid"), _) => last_of_month(y, first_month + 1),
        (None, Some("by" | "before")) => Date::new(y, first_month, 1).ok(),
        _ => last_day(y, q),
    }
}

/// Pushes a date written as a day of a month: a month's day, or a day of the month alone.
fn push_dated(
    push: &mut impl FnMut(Option<Date>, Form, Range<usize>),
    text: &str,
    date: Option<Date>,
    range: Range<usize>,
) {
    let words = &text[range.clone()];
    let day_then_month = words.chars().next().is_some_and(|c| c.is_ascii_digit())
        && dates::month(words.split(' ').nth(1).unwrap_or("")).is_some();
    let form = if month_word_at(words) || words.contains('/') || day_then_month {
        Form::ExplicitDate
    } else {
        Form::DayOfMonth
    };
    push(date, form, range);
}

fn month_word_at(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .is_some_and(|w| w.len() >= 3 && dates::month(w).is_some())
}

fn noun_after_ordinal(rest: &str) -> bool {
    let w = rest.split(' ').next().unwrap_or("");
    matches!(
        w,
        "round"
            | "floor"
            | "stage"
            | "step"
            | "time"
            | "place"
            | "interview"
            | "interviews"
            | "year"
            | "anniversary"
            | "candidate"
            | "person"
            | "call"
            | "meeting"
            | "week"
            | "grade"
            | "edition"
            | "attempt"
            | "reminder"
            | "email"
            | "ed"
    )
}

/// A written month and day, in the year given, else the first time it comes on or after
/// `base` (a date more than half a year past is next year's; one a little past is the past).
fn ahead(y: Option<i16>, m: i8, d: i8, base: Date) -> Option<Date> {
    if let Some(y) = y {
        return Date::new(y, m, d).ok();
    }
    let this = Date::new(base.year(), m, d).ok()?;
    if this >= base {
        return Some(this);
    }
    let past_days = base.since(this).map_or(0, |s| s.get_days());
    if past_days > 183 {
        Date::new(base.year() + 1, m, d).ok()
    } else {
        // Already gone: the past, left out by the caller.
        Some(this)
    }
}

fn next_month(base: Date) -> Option<Date> {
    Date::new(base.year(), base.month(), 1)
        .ok()?
        .checked_add(1.month())
        .ok()
}

/// The next day `d` of a month strictly after `base`.
fn day_of_month_ahead(base: Date, d: i8) -> Option<Date> {
    if d > base.day() {
        if let Ok(date) = Date::new(base.year(), base.month(), d) {
            return Some(date);
        }
    }
    let next = next_month(base)?;
    Date::new(next.year(), next.month(), d).ok()
}

/// Whether the words before a count make it a wait ahead: "within", "in", "up to", "allow",
/// "the next", "give us", "takes"; not "a crazy couple of weeks", "for 3 years".
fn forward_before(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let last: Vec<&str> = before.rsplit(' ').take(3).collect();
    const AHEAD: &[&str] = &[
        "within",
        "in",
        "up",
        "to",
        "allow",
        "allowing",
        "next",
        "coming",
        "after",
        "another",
        "about",
        "around",
        "approximately",
        "roughly",
        "approx",
        "us",
        "me",
        "take",
        "takes",
        "taking",
        "take",
        "usually",
        "typically",
        "normally",
        "generally",
        "expect",
        "wait",
        "by",
        "than",
        "least",
        "further",
        "additional",
        "extra",
        "give",
        "need",
        "needs",
        "than",
        "most",
        "latest",
        "few",
    ];
    before.is_empty()
        || last
            .iter()
            .any(|w| AHEAD.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// "5 days a week", "two days per week": a schedule, not a wait.
fn schedule_after(text: &str, end: usize) -> bool {
    let after = text[end..].trim_start();
    after.starts_with("a week")
        || after.starts_with("per ")
        || after.starts_with("notice")
        || after.starts_with("of experience")
        || after.starts_with("in the office")
        || after.starts_with("a month")
}

fn duration(
    base: Date,
    cal: &Calendar,
    n: i32,
    kind: Option<&str>,
    unit: &str,
) -> (Option<Date>, Form) {
    let unit = unit.trim_end_matches('s');
    let working = matches!(
        kind,
        Some("business" | "working" | "work" | "school" | "office")
    );
    match unit {
        "hour" | "hr" => {
            let days = (n + 23) / 24;
            if working {
                (add_working_days(cal, base, days), Form::Hours)
            } else {
                (step(base, i64::from(days)), Form::Hours)
            }
        }
        "day" if working => (add_working_days(cal, base, n), Form::WorkingDays),
        "day" => (step(base, i64::from(n)), Form::Days),
        "week" | "wk" if working => (add_working_days(cal, base, 5 * n), Form::Weeks),
        "week" | "wk" => (step(base, 7 * i64::from(n)), Form::Weeks),
        _ => (base.checked_add(n.months()).ok(), Form::Months),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn latest(text: &str, base: Date) -> Option<(Date, Form)> {
        let cal = Calendar::builtin("us").unwrap();
        find(&normalize(text), base, &cal)
            .into_iter()
            .max_by_key(|f| f.date)
            .map(|f| (f.date, f.form))
    }

    #[test]
    fn counts_of_days_and_weeks() {
        let tue = date(2026, 9, 15);
        let d = |t: &str| latest(t, tue).map(|x| x.0);
        assert_eq!(
            d("please allow up to ten working days for a response"),
            Some(date(2026, 9, 29))
        );
        assert_eq!(d("within 5-7 business days"), Some(date(2026, 9, 24)));
        assert_eq!(d("in two weeks"), Some(date(2026, 9, 29)));
        assert_eq!(d("allow 2-3 weeks"), Some(date(2026, 10, 6)));
        assert_eq!(d("within 48 hours"), Some(date(2026, 9, 17)));
        assert_eq!(d("in a fortnight"), Some(date(2026, 9, 29)));
        assert_eq!(d("a week or two"), Some(date(2026, 9, 29)));
        assert_eq!(d("ten (10) business days"), Some(date(2026, 9, 29)));
        assert_eq!(d("we met two weeks ago"), None);
        assert_eq!(d("it is 3 days a week in the office"), None);
    }

    #[test]
    fn weekdays_and_weeks() {
        let tue = date(2026, 9, 15);
        let d = |t: &str| latest(t, tue).map(|x| x.0);
        assert_eq!(d("by Friday"), Some(date(2026, 9, 18)));
        assert_eq!(d("next Tuesday"), Some(date(2026, 9, 22)));
        assert_eq!(d("this Thursday"), Some(date(2026, 9, 17)));
        assert_eq!(d("by close of business Thursday"), Some(date(2026, 9, 17)));
        assert_eq!(d("by end of the week"), Some(date(2026, 9, 18)));
        assert_eq!(d("early next week"), Some(date(2026, 9, 22)));
        assert_eq!(d("end of next week"), Some(date(2026, 9, 25)));
        assert_eq!(d("next week"), Some(date(2026, 9, 25)));
        assert_eq!(d("the week after next"), Some(date(2026, 10, 2)));
        assert_eq!(d("we spoke last Friday"), None);
        assert_eq!(d("ping me by fri"), Some(date(2026, 9, 18)));
        assert_eq!(d("tomorrow"), Some(date(2026, 9, 16)));
        assert_eq!(d("by end of day"), Some(tue));
    }

    #[test]
    fn dates_and_months() {
        let tue = date(2026, 9, 15);
        let d = |t: &str| latest(t, tue).map(|x| x.0);
        assert_eq!(d("by October 2"), Some(date(2026, 10, 2)));
        assert_eq!(d("by the 2nd of October"), Some(date(2026, 10, 2)));
        assert_eq!(d("on 10/2"), Some(date(2026, 10, 2)));
        assert_eq!(d("by the 30th"), Some(date(2026, 9, 30)));
        assert_eq!(d("after the 12th"), Some(date(2026, 10, 12)));
        assert_eq!(
            d("once the panel has met on the 3rd"),
            Some(date(2026, 10, 3))
        );
        assert_eq!(d("by mid-October"), Some(date(2026, 10, 20)));
        assert_eq!(d("by the end of the month"), Some(date(2026, 9, 30)));
        assert_eq!(d("end of next month"), Some(date(2026, 10, 31)));
        assert_eq!(d("the week of the 28th"), Some(date(2026, 10, 2)));
        assert_eq!(d("the week of October 5"), Some(date(2026, 10, 9)));
        assert_eq!(d("the 2nd round of interviews"), None);
        assert_eq!(d("we met on Sep 2"), None);
        assert_eq!(
            latest("by January 5", date(2026, 12, 10)).map(|x| x.0),
            Some(date(2027, 1, 5))
        );
    }

    #[test]
    fn holidays_and_quarters() {
        let tue = date(2026, 9, 15);
        let d = |t: &str| latest(t, tue);
        assert_eq!(
            d("before Christmas"),
            Some((date(2026, 12, 24), Form::Holiday))
        );
        assert_eq!(d("by Xmas"), Some((date(2026, 12, 25), Form::Holiday)));
        // The calendar's own rule: the fourth Thursday of November in the US.
        assert_eq!(
            d("before Thanksgiving").map(|x| x.0),
            Some(date(2026, 11, 25))
        );
        let ca = Calendar::builtin("ca").unwrap();
        let found = find(&normalize("by thanksgiving"), tue, &ca);
        assert_eq!(found.iter().map(|f| f.date).max(), Some(date(2026, 10, 12)));
        assert_eq!(d("by Labour Day").map(|x| x.0), Some(date(2027, 9, 6)));
        assert_eq!(d("ahead of Easter").map(|x| x.0), Some(date(2027, 3, 28)));
        assert_eq!(d("by Halloween").map(|x| x.0), Some(date(2026, 10, 31)));
        // A long weekend's last working day before it: Columbus Day is Mon 12 Oct 2026.
        assert_eq!(
            d("before the long weekend"),
            Some((date(2026, 10, 9), Form::Holiday))
        );
        let wed = date(2026, 9, 2);
        assert_eq!(
            latest("by the Labor Day weekend", wed).map(|x| x.0),
            Some(date(2026, 9, 4))
        );
        assert_eq!(d("we'll talk after Christmas"), None);
        assert_eq!(d("by end of Q3"), Some((date(2026, 9, 30), Form::Quarter)));
        assert_eq!(d("in Q1").map(|x| x.0), Some(date(2027, 3, 31)));
        assert_eq!(
            d("by the end of the quarter").map(|x| x.0),
            Some(date(2026, 9, 30))
        );
        assert_eq!(
            d("early next quarter").map(|x| x.0),
            Some(date(2026, 10, 31))
        );
        assert_eq!(
            d("in the fourth quarter of 2027").map(|x| x.0),
            Some(date(2027, 12, 31))
        );
        assert_eq!(d("by quarter-end").map(|x| x.0), Some(date(2026, 9, 30)));
        assert_eq!(d("as part of our Q1 planning"), None);
        assert_eq!(
            d("in the latter half of October").map(|x| x.0),
            Some(date(2026, 10, 31))
        );
        assert_eq!(
            d("by the middle of the month").map(|x| x.0),
            Some(date(2026, 9, 20))
        );
        assert_eq!(d("a quarter of the candidates"), None);
    }

    #[test]
    fn words_and_forms_from_other_englishes() {
        let tue = date(2026, 9, 15);
        let d = |t: &str| latest(t, tue).map(|x| x.0);
        assert_eq!(d("by Thursday next at the latest"), Some(date(2026, 9, 24)));
        assert_eq!(
            d("no later than Thursday the twenty-third of October"),
            Some(date(2026, 10, 23))
        );
        assert_eq!(d("before the twentieth"), Some(date(2026, 9, 19)));
        assert_eq!(d("by the first of next month"), Some(date(2026, 10, 1)));
        assert_eq!(d("after the first round"), None);
        assert_eq!(d("in the second half of October"), Some(date(2026, 10, 31)));
        assert_eq!(d("we will revert next tomorrow"), Some(date(2026, 9, 17)));
        // Month first would be gone already: day first.
        assert_eq!(
            d("Expected response by: 05-11-2026"),
            Some(date(2026, 11, 5))
        );
        assert_eq!(d("Next update by: 21/10/2026"), Some(date(2026, 10, 21)));
        // "In the new year" alone is vague; "early in the new year" is a time.
        assert_eq!(d("we'll be in touch in the new year"), None);
        assert_eq!(d("early in the new year"), Some(date(2027, 1, 10)));
        // A day gone, told in the past tense; a day to come.
        assert_eq!(d("Fiona came back to me on Friday evening"), None);
        assert_eq!(
            d("I'll come back to you on Friday"),
            Some(date(2026, 9, 18))
        );
    }

    #[test]
    fn any_such_day_is_no_day() {
        let sat = date(2025, 3, 15);
        let d = |t: &str| latest(t, sat).map(|x| x.0);
        assert_eq!(d("thanks for hopping on a call on a saturday"), None);
        assert_eq!(d("we meet every friday"), None);
        assert_eq!(d("i'll update you next tuesday"), Some(date(2025, 3, 18)));
    }

    #[test]
    fn counts_from_a_time_said_elsewhere() {
        let cal = Calendar::builtin("us").unwrap();
        let tue = date(2026, 9, 15);
        let text = normalize("within 3 business days of her return");
        let (found, relative) = scan(&text, tue, &cal);
        assert!(
            found.is_empty(),
            "not counted from the day of writing: {found:?}"
        );
        assert_eq!(relative.len(), 1);
        assert_eq!(&text[relative[0].range()], "3 business days");
        // Back on Monday the 21st: three working days later.
        let from = relative[0].from(date(2026, 9, 21), &cal).unwrap();
        assert_eq!(
            (from.date, from.form),
            (date(2026, 9, 24), Form::WorkingDays)
        );
        let (_, relative) = scan(
            &normalize("within a week of the panel on the 20th"),
            tue,
            &cal,
        );
        assert!(relative.is_empty(), "its anchor is in the same words");
    }

    #[test]
    fn normalizes() {
        assert_eq!(normalize("Ten (10)\n  Working–Days"), "ten working-days");
    }
}
