//! Calendar files as written in YAML, and the date rules they hold: "January 1", "third
//! Monday of January", "last Monday of May", "Monday before May 25", "Easter - 2", or a
//! single date "2022-06-03". The built-in calendars are written in the same format.

use std::collections::BTreeMap;
use std::ops::Range;

use jiff::civil::{Date, Weekday};
use serde::Deserialize;

use crate::error::SourceError;
use crate::yaml::{self, Spanned};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    pub calendar: String,
    #[serde(default)]
    pub description: Option<String>,
    /// A built-in calendar whose holidays this one adds to.
    #[serde(default)]
    pub extends: Option<Spanned<String>>,
    #[serde(default)]
    pub holidays: Vec<Spanned<HolidayFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayFile {
    pub name: String,
    pub date: Spanned<String>,
    #[serde(default)]
    pub observed: Observed,
    /// First and last year the holiday is kept.
    #[serde(default)]
    pub from: Option<i16>,
    #[serde(default)]
    pub until: Option<i16>,
    /// Years in which the holiday was moved to another date.
    #[serde(default)]
    pub moved: BTreeMap<i16, Spanned<String>>,
}

/// What happens when a holiday falls on a weekend.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Observed {
    /// Nothing: the day is lost.
    #[default]
    None,
    /// Saturday is observed on the Friday before, Sunday on the Monday after (US federal).
    Nearest,
    /// The next weekday that is not already a holiday (UK and Canadian substitute days).
    Next,
}

/// When a holiday falls in a given year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateRule {
    /// The same month and day every year.
    Fixed { month: i8, day: i8 },
    /// One date only.
    Once(Date),
    /// The nth (1..=5, or -1 for last) weekday of a month.
    NthWeekday {
        nth: i8,
        weekday: Weekday,
        month: i8,
    },
    /// The nearest weekday strictly before (`-1`) or after (`1`) a month and day.
    Relative {
        dir: i8,
        weekday: Weekday,
        month: i8,
        day: i8,
    },
    /// Days from Western Easter Sunday.
    Easter(i32),
}

impl DateRule {
    /// The date of the rule in `year`, if it has one.
    pub fn in_year(&self, year: i16) -> Option<Date> {
        match *self {
            DateRule::Fixed { month, day } => Date::new(year, month, day).ok(),
            DateRule::Once(d) => (d.year() == year).then_some(d),
            DateRule::NthWeekday {
                nth,
                weekday,
                month,
            } => Date::new(year, month, 1)
                .ok()?
                .nth_weekday_of_month(nth, weekday)
                .ok(),
            DateRule::Relative {
                dir,
                weekday,
                month,
                day,
            } => Date::new(year, month, day)
                .ok()?
                .nth_weekday(i32::from(dir), weekday)
                .ok(),
            DateRule::Easter(offset) => easter(year)?
                .checked_add(jiff::Span::new().days(offset))
                .ok(),
        }
    }
}

/// Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus), which
/// no date crate provides.
pub fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).ok()
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const ORDINALS: &[(&str, i8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("last", -1),
];

pub fn weekday(word: &str) -> Option<Weekday> {
    Some(match word.to_ascii_lowercase().as_str() {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    })
}

fn month(word: &str) -> Option<i8> {
    let w = word.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w)))
        .map(|i| i as i8 + 1)
}

/// "January 1" or "01-01".
fn month_day(words: &[&str]) -> Option<(i8, i8)> {
    let (m, d) = match words {
        [m, d] => (month(m)?, d.parse().ok()?),
        [md] => {
            let (m, d) = md.split_once('-')?;
            (m.parse().ok()?, d.parse().ok()?)
        }
        _ => return None,
    };
    // Checked against a leap year, so February 29 is accepted.
    Date::new(2024, m, d).ok().map(|_| (m, d))
}

/// Parses a `date` value.
pub fn parse_rule(text: &str) -> Result<DateRule, String> {
    let t = text.trim();
    if t.len() == 10 && t.as_bytes()[4] == b'-' {
        return t
            .parse::<Date>()
            .map(DateRule::Once)
            .map_err(|_| format!("`{t}` is not a valid date"));
    }
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("easter") {
        let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        let offset = if rest.is_empty() {
            Some(0)
        } else {
            rest.parse::<i32>().ok()
        };
        return offset
            .filter(|o| o.abs() <= 100)
            .map(DateRule::Easter)
            .ok_or_else(|| format!("`{t}`: write Easter, `Easter + N` or `Easter - N` days"));
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let Some((month, day)) = month_day(&words) {
        return Ok(DateRule::Fixed { month, day });
    }
    match words.as_slice() {
        [ord, wd, "of" | "in", m] => {
            let nth = ORDINALS.iter().find(|(w, _)| w == ord).map(|&(_, n)| n);
            if let (Some(nth), Some(weekday), Some(month)) = (nth, weekday(wd), month(m)) {
                return Ok(DateRule::NthWeekday {
                    nth,
                    weekday,
                    month,
                });
            }
        }
        [wd, rel @ ("before" | "after"), md @ ..] => {
            if let (Some(weekday), Some((month, day))) = (weekday(wd), month_day(md)) {
                return Ok(DateRule::Relative {
                    dir: if *rel == "before" { -1 } else { 1 },
                    weekday,
                    month,
                    day,
                });
            }
        }
        _ => {}
    }
    Err(format!(
        "`{t}` is not a date rule; write `January 1`, `third Monday of January`, \
         `last Monday of May`, `Monday before May 25`, `Easter - 2` or `2022-06-03`"
    ))
}

/// One holiday of a calendar, ready to place in any year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub name: String,
    pub rule: DateRule,
    pub observed: Observed,
    pub from: Option<i16>,
    pub until: Option<i16>,
    pub moved: BTreeMap<i16, Date>,
}

impl Holiday {
    /// The holiday's own date in `year` (before any weekend rule).
    pub fn in_year(&self, year: i16) -> Option<Date> {
        if self.from.is_some_and(|f| year < f) || self.until.is_some_and(|u| year > u) {
            return None;
        }
        match self.moved.get(&year) {
            Some(d) => Some(*d),
            None => self.rule.in_year(year),
        }
    }
}

/// A calendar file, read.
pub struct Parsed {
    pub name: String,
    /// The built-in calendar it extends, with where that is written.
    pub extends: Option<(String, Range<usize>)>,
    pub holidays: Vec<Holiday>,
}

/// Reads a calendar file.
pub fn parse(path: &str, text: &str) -> Result<Parsed, SourceError> {
    read(path, text, yaml::parse(path, text)?)
}

/// Reads a built-in calendar from the JSON form `build.rs` wrote of its YAML `text`.
pub fn parse_prepared(path: &str, text: &str, json: &str) -> Result<Parsed, SourceError> {
    read(path, text, yaml::parse_prepared(path, json)?)
}

fn read(path: &str, text: &str, file: CalendarFile) -> Result<Parsed, SourceError> {
    let err = |span: Range<usize>, msg: String| SourceError::new(path, text, span, msg);
    let mut out = Vec::new();
    for h in &file.holidays {
        let rule =
            parse_rule(&h.value.date.value).map_err(|m| err(yaml::range(&h.value.date), m))?;
        let mut moved = BTreeMap::new();
        for (year, d) in &h.value.moved {
            let date = d
                .value
                .parse::<Date>()
                .ok()
                .filter(|d| d.year() == *year)
                .ok_or_else(|| {
                    err(
                        yaml::range(d),
                        format!("`moved` for {year} takes a date in {year}, written YYYY-MM-DD"),
                    )
                })?;
            moved.insert(*year, date);
        }
        out.push(Holiday {
            name: h.value.name.clone(),
            rule,
            observed: h.value.observed,
            from: h.value.from,
            until: h.value.until,
            moved,
        });
    }
    let extends = file.extends.map(|e| (e.value.clone(), yaml::range(&e)));
    Ok(Parsed {
        name: file.calendar,
        extends,
        holidays: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_matches_known_dates() {
        assert_eq!(easter(2024), Some(date(2024, 3, 31)));
        assert_eq!(easter(2025), Some(date(2025, 4, 20)));
        assert_eq!(easter(2026), Some(date(2026, 4, 5)));
        assert_eq!(easter(2038), Some(date(2038, 4, 25)));
        assert_eq!(easter(2285), Some(date(2285, 3, 22)));
    }

    #[test]
    fn date_rules() {
        let on = |r: &str, y| parse_rule(r).unwrap().in_year(y);
        assert_eq!(
            on("fourth Thursday of November", 2026),
            Some(date(2026, 11, 26))
        );
        assert_eq!(on("last Monday of May", 2026), Some(date(2026, 5, 25)));
        assert_eq!(on("Monday before May 25", 2026), Some(date(2026, 5, 18)));
        assert_eq!(on("Monday before May 25", 2020), Some(date(2020, 5, 18)));
        assert_eq!(on("Easter - 2", 2026), Some(date(2026, 4, 3)));
        assert_eq!(on("July 4", 2026), Some(date(2026, 7, 4)));
        assert_eq!(on("07-04", 2026), Some(date(2026, 7, 4)));
        assert_eq!(on("2022-06-03", 2022), Some(date(2022, 6, 3)));
        assert_eq!(on("2022-06-03", 2023), None);
        assert!(parse_rule("the day after tomorrow").is_err());
        assert!(parse_rule("February 30").is_err());
        assert!(parse_rule("fifth Blursday of May").is_err());
    }
}
