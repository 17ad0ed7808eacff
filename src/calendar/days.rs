//! The timing rules of CONTRACT §6 as plain functions of a date: what is wrong with sending
//! on a day, and the next day that is fine. A working day is Monday to Friday and not a
//! holiday; "the day before a holiday" is the last working day before it, "the day after"
//! the first working day after it.

use std::fmt;

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};

use super::{is_weekday, spec, Calendar};

/// Why a day is a poor one to send a follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Monday,
    Friday,
    Weekend,
    Holiday(String),
    BeforeHoliday(String),
    AfterHoliday(String),
    /// On or before the date they promised to reply by.
    BeforePromised(Date),
}

impl Problem {
    /// The `timing/…` rule this problem raises.
    pub fn rule(&self) -> &'static str {
        match self {
            Problem::Monday => "timing/monday",
            Problem::Friday => "timing/friday",
            Problem::Weekend => "timing/weekend",
            Problem::Holiday(_) => "timing/holiday",
            Problem::BeforeHoliday(_) => "timing/before-holiday",
            Problem::AfterHoliday(_) => "timing/after-holiday",
            Problem::BeforePromised(_) => "timing/before-promised",
        }
    }

    /// The `day` a `timing` rule names to report this problem.
    pub fn key(&self) -> &'static str {
        &self.rule()["timing/".len()..]
    }

    /// What is wrong with `day`, as the end of a sentence that starts with the day.
    pub fn describe(&self) -> String {
        match self {
            Problem::Monday => "a Monday, when people are catching up".into(),
            Problem::Friday => "a Friday, when people are wrapping up".into(),
            Problem::Weekend => "a weekend day".into(),
            Problem::Holiday(h) => h.clone(),
            Problem::BeforeHoliday(h) => format!("the last working day before {h}"),
            Problem::AfterHoliday(h) => format!("the first working day after {h}"),
            Problem::BeforePromised(p) => {
                format!("not after {p}, the date they said they would reply by")
            }
        }
    }
}

/// A day written for people: "Friday 2026-11-27".
pub struct Day(pub Date);

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", weekday_name(self.0.weekday()), self.0)
    }
}

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// Days passed over by [`next_good_day`], each with what is wrong with it.
pub type Skipped = Vec<(Date, Vec<Problem>)>;

/// How far to look for a working day next to a holiday before giving up (a calendar file
/// could make every day a holiday).
const HORIZON: i32 = 400;

fn step(d: Date, by: i32) -> Option<Date> {
    d.checked_add(Span::new().days(by)).ok()
}

/// Every timing problem of sending on `d`, in rule order.
pub fn problems(cal: &Calendar, d: Date, promised_by: Option<Date>) -> Vec<Problem> {
    let mut out = Vec::new();
    match d.weekday() {
        Weekday::Monday => out.push(Problem::Monday),
        Weekday::Friday => out.push(Problem::Friday),
        Weekday::Saturday | Weekday::Sunday => out.push(Problem::Weekend),
        _ => {}
    }
    if let Some(h) = cal.holiday(d) {
        out.push(Problem::Holiday(h));
    } else if is_weekday(d) {
        if let Some(h) = neighbour_holiday(cal, d, 1) {
            out.push(Problem::BeforeHoliday(h));
        }
        if let Some(h) = neighbour_holiday(cal, d, -1) {
            out.push(Problem::AfterHoliday(h));
        }
    }
    if let Some(p) = promised_by {
        if d <= p {
            out.push(Problem::BeforePromised(p));
        }
    }
    out
}

/// For a working day `d`: the holiday (or holidays) reached going in direction `dir`
/// before the next working day, if any. Weekends are passed over.
fn neighbour_holiday(cal: &Calendar, d: Date, dir: i32) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    let mut n = d;
    for _ in 0..HORIZON {
        n = step(n, dir)?;
        if let Some(h) = cal.holiday(n) {
            // A weekend holiday and its observed day are one holiday to the reader.
            names.extend(
                h.split(" and ")
                    .map(|x| x.trim_end_matches(" (observed)").to_string()),
            );
        } else if is_weekday(n) {
            break;
        }
    }
    if dir < 0 {
        names.reverse();
    }
    let mut seen = Vec::new();
    names.retain(|n| {
        let new = !seen.contains(n);
        seen.push(n.clone());
        new
    });
    (!names.is_empty()).then(|| names.join(" and "))
}

/// The first day strictly after `after` with no timing problem (a Tuesday, Wednesday or
/// Thursday, not a holiday nor next to one, and strictly later than `promised_by`), and
/// each day skipped on the way with its problems.
pub fn next_good_day(
    cal: &Calendar,
    after: Date,
    promised_by: Option<Date>,
) -> Option<(Date, Skipped)> {
    let mut skipped = Vec::new();
    let mut d = after;
    // Past the promised date, a good day comes within a few weeks unless the calendar is
    // full of holidays.
    let limit = promised_by.map_or(0, |p| p.since(after).map_or(0, |s| s.get_days().max(0)));
    for _ in 0..(HORIZON + limit) {
        d = step(d, 1)?;
        let p = problems(cal, d, promised_by);
        if p.is_empty() {
            return Some((d, skipped));
        }
        skipped.push((d, p));
    }
    None
}

/// Reads a date given on the command line: `YYYY-MM-DD`, or a plain phrase relative to
/// `base`: "today", "tomorrow", "Friday" or "this Friday" (the next one, today excluded),
/// "next Friday" (the Friday of next week), "next week" (its Monday), "end of the week",
/// "end of next week" (a Friday), "in 3 days", "in 2 weeks", "in a week".
pub fn parse_when(text: &str, base: Date) -> Result<Date, String> {
    let t = text.trim().to_ascii_lowercase();
    if let Ok(d) = t.parse::<Date>() {
        if t.len() == 10 {
            return Ok(d);
        }
    }
    let words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "on" | "by"))
        .collect();
    let monday_this_week = || -> Option<Date> {
        let next_day = base.tomorrow().ok()?;
        next_day.nth_weekday(-1, Weekday::Monday).ok()
    };
    let in_week = |weeks: i32, wd: Weekday| -> Option<Date> {
        let monday = step(monday_this_week()?, 7 * weeks)?;
        let offset = i32::from(wd.to_monday_zero_offset());
        step(monday, offset)
    };
    let result = match words.as_slice() {
        ["today"] | ["now"] => Some(base),
        ["tomorrow"] => base.tomorrow().ok(),
        [w] | ["this", w] if spec::weekday(w).is_some() => base
            .nth_weekday(1, spec::weekday(w).unwrap_or(Weekday::Monday))
            .ok(),
        ["next", w] if spec::weekday(w).is_some() => {
            in_week(1, spec::weekday(w).unwrap_or(Weekday::Monday))
        }
        ["next", "week"] => in_week(1, Weekday::Monday),
        ["end", "of", "week"] | ["end", "of", "this", "week"] => in_week(0, Weekday::Friday),
        ["end", "of", "next", "week"] => in_week(1, Weekday::Friday),
        ["in", n, unit] => count(n).and_then(|n| match unit.trim_end_matches('s') {
            "day" => step(base, n),
            "week" => base.checked_add(n.weeks()).ok(),
            "month" => base.checked_add(n.months()).ok(),
            _ => None,
        }),
        _ => None,
    };
    result.ok_or_else(|| {
        format!(
            "`{text}` is not a date: write YYYY-MM-DD, or one of today, tomorrow, Friday, \
             next Friday, next week, end of the week, end of next week, in 3 days, in 2 weeks"
        )
    })
}

fn count(word: &str) -> Option<i32> {
    const WORDS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    match word {
        "a" | "an" => Some(1),
        w => w
            .parse::<i32>()
            .ok()
            .filter(|n| (0..=365).contains(n))
            .or_else(|| WORDS.iter().position(|x| *x == w).map(|i| i as i32)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn rules(cal: &Calendar, d: Date, p: Option<Date>) -> Vec<&'static str> {
        problems(cal, d, p).iter().map(Problem::rule).collect()
    }

    #[test]
    fn thanksgiving_week() {
        let us = Calendar::builtin("us").unwrap();
        assert_eq!(
            rules(&us, date(2026, 11, 25), None),
            ["timing/before-holiday"]
        );
        assert_eq!(rules(&us, date(2026, 11, 26), None), ["timing/holiday"]);
        assert_eq!(
            rules(&us, date(2026, 11, 27), None),
            ["timing/friday", "timing/after-holiday"]
        );
        assert_eq!(rules(&us, date(2026, 11, 30), None), ["timing/monday"]);
        assert!(rules(&us, date(2026, 12, 1), None).is_empty());
        assert_eq!(
            rules(&us, date(2026, 12, 1), Some(date(2026, 12, 1))),
            ["timing/before-promised"]
        );
        let (next, skipped) = next_good_day(&us, date(2026, 11, 24), None).unwrap();
        assert_eq!(next, date(2026, 12, 1));
        assert_eq!(skipped.len(), 6);
    }

    #[test]
    fn phrases_relative_to_a_base() {
        let thu = date(2026, 11, 26);
        let p = |s| parse_when(s, thu).unwrap();
        assert_eq!(p("today"), thu);
        assert_eq!(p("tomorrow"), date(2026, 11, 27));
        assert_eq!(p("Friday"), date(2026, 11, 27));
        assert_eq!(p("Thursday"), date(2026, 12, 3));
        assert_eq!(p("next Friday"), date(2026, 12, 4));
        assert_eq!(p("next week"), date(2026, 11, 30));
        assert_eq!(p("end of the week"), date(2026, 11, 27));
        assert_eq!(p("end of next week"), date(2026, 12, 4));
        assert_eq!(p("in 2 weeks"), date(2026, 12, 10));
        assert_eq!(p("in two weeks"), date(2026, 12, 10));
        assert_eq!(p("in 3 days"), date(2026, 11, 29));
        assert_eq!(p("2027-01-05"), date(2027, 1, 5));
        assert!(parse_when("soonish", thu).is_err());
        assert!(parse_when("2027-13-01", thu).is_err());
        // From a Sunday, "next week" is the week that starts tomorrow.
        assert_eq!(
            parse_when("next week", date(2026, 11, 29)).unwrap(),
            date(2026, 11, 30)
        );
    }
}
