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

/// A day written short, for notes: "Tue 2026-09-15".
pub struct ShortDay(pub Date);

impl fmt::Display for ShortDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", &weekday_name(self.0.weekday())[..3], self.0)
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

/// The next good day to follow up, and the days passed over on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextGood {
    pub day: Date,
    /// Each day skipped, with its problems.
    pub skipped: Skipped,
    /// Days before the promised date passed over without being listed, when it is far off:
    /// from the first to the last (inclusive).
    pub jumped: Option<(Date, Date)>,
}

impl NextGood {
    /// How many days were passed over in all.
    pub fn days_skipped(&self) -> usize {
        let jumped = self.jumped.map_or(0, |(a, b)| {
            b.since(a).map_or(0, |s| s.get_days().max(0) as usize + 1)
        });
        self.skipped.len() + jumped
    }
}

/// Why no good day was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoGoodDay {
    /// The search ran past the last date there is (9999-12-31).
    EndOfTime,
    /// A year of days went by and every one had a problem.
    AllBad,
}

/// Days before the promised date longer than this are passed over unlisted.
const LISTED: i32 = 62;

/// The first day strictly after `after` with no timing problem (a Tuesday, Wednesday or
/// Thursday, not a holiday nor next to one, and strictly later than `promised_by`), and
/// each day skipped on the way with its problems. A promised date far off is jumped to,
/// so the cost does not grow with how far off it is.
pub fn next_good_day(
    cal: &Calendar,
    after: Date,
    promised_by: Option<Date>,
) -> Result<NextGood, NoGoodDay> {
    let mut skipped = Vec::new();
    let mut d = after;
    let mut jumped = None;
    if let Some(p) = promised_by {
        let days = p.since(after).map_or(0, |s| s.get_days());
        if days > LISTED {
            // Every day up to a week before the promise is before the promise; the last
            // week is listed, with whatever else is wrong with its days.
            let to = step(p, -7).ok_or(NoGoodDay::EndOfTime)?;
            jumped = Some((step(after, 1).ok_or(NoGoodDay::EndOfTime)?, to));
            d = to;
        }
    }
    let limit = promised_by.map_or(0, |p| p.since(d).map_or(0, |s| s.get_days().max(0)));
    for _ in 0..(HORIZON + limit) {
        d = step(d, 1).ok_or(NoGoodDay::EndOfTime)?;
        let p = problems(cal, d, promised_by);
        if p.is_empty() {
            return Ok(NextGood {
                day: d,
                skipped,
                jumped,
            });
        }
        skipped.push((d, p));
    }
    Err(NoGoodDay::AllBad)
}

/// Reads a date given on the command line: `YYYY-MM-DD`, or a plain phrase relative to
/// `base`: "today", "tomorrow", "Friday" or "this Friday" (the next one, today excluded),
/// "next Friday" (the Friday of next week), "next week" (its Monday), "end of the week",
/// "end of next week" (a Friday), "in 3 days", "in 2 weeks", "in a week".
pub fn parse_when(text: &str, base: Date) -> Result<Date, String> {
    let t = text.trim().to_ascii_lowercase();
    if let Some(iso) = iso_date(&t) {
        return iso;
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

/// A date written `YYYY-MM-DD`, or what is wrong with one written that way; `None` when
/// `t` is not written that way at all.
fn iso_date(t: &str) -> Option<Result<Date, String>> {
    let parts: Vec<&str> = t.split('-').collect();
    let [y, m, d] = parts[..] else {
        return None;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return None;
    }
    let (y, m, d): (i16, i8, i8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if !(1..=12).contains(&m) {
        return Some(Err(format!(
            "`{t}` is not a date: there is no month {m} (write YYYY-MM-DD, months 01 to 12)"
        )));
    }
    if y == 0 {
        return Some(Err(format!("`{t}` is not a date: years start at 0001")));
    }
    let days = Date::new(y, m, 1).map_or(31, |first| first.days_in_month());
    Some(Date::new(y, m, d).map_err(|_| {
        format!(
            "`{t}` is not a date: {} {y} has {days} days",
            MONTHS[(m - 1) as usize]
        )
    }))
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
        let next = next_good_day(&us, date(2026, 11, 24), None).unwrap();
        assert_eq!(next.day, date(2026, 12, 1));
        assert_eq!(next.skipped.len(), 6);
        assert_eq!(next.days_skipped(), 6);
    }

    #[test]
    fn a_far_promise_is_jumped_to_and_the_end_of_time_is_said() {
        let us = Calendar::builtin("us").unwrap();
        // Jumped, with the same answer as walking day by day would give.
        let next = next_good_day(&us, date(2026, 12, 1), Some(date(2027, 6, 30))).unwrap();
        assert_eq!(next.day, date(2027, 7, 1));
        assert_eq!(next.jumped, Some((date(2026, 12, 2), date(2027, 6, 23))));
        assert_eq!(next.days_skipped(), 211);
        let far = next_good_day(&us, date(2026, 12, 1), Some(date(9000, 12, 31))).unwrap();
        assert!(far.day > date(9000, 12, 31) && far.skipped.len() < 30);
        assert_eq!(
            next_good_day(&us, date(9999, 12, 30), None),
            Err(NoGoodDay::EndOfTime)
        );
        assert_eq!(
            next_good_day(&us, date(2026, 12, 1), Some(date(9999, 12, 31))),
            Err(NoGoodDay::EndOfTime)
        );
    }

    #[test]
    fn impossible_dates_say_what_is_wrong() {
        let base = date(2026, 11, 26);
        let e = parse_when("2026-02-30", base).unwrap_err();
        assert!(e.contains("February 2026 has 28 days"), "{e}");
        let e = parse_when("2028-02-30", base).unwrap_err();
        assert!(e.contains("February 2028 has 29 days"), "{e}");
        let e = parse_when("2026-13-01", base).unwrap_err();
        assert!(e.contains("no month 13"), "{e}");
        assert_eq!(parse_when("2026-02-28", base), Ok(date(2026, 2, 28)));
        assert!(parse_when("26-02-28", base)
            .unwrap_err()
            .contains("write YYYY-MM-DD"));
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
