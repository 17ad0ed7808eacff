//! Holiday calendars and the job coach's timing rules. Calendars are data: the built-in
//! ones (`us`, `gb`, `ca`) are YAML files embedded in the binary, in the same format a user
//! writes, and a user's calendar can extend one. Date arithmetic is jiff's; this module
//! only decides which days are holidays, and `days` judges a send date against them.
//! [`today`] is the one place tactful reads the clock.

pub mod days;
pub mod spec;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};

use jiff::civil::{Date, Weekday};

use crate::error::{Error, SourceError};
use spec::{Holiday, Observed};

/// A built-in calendar: its code, its YAML and its JSON form (written by `build.rs`).
macro_rules! builtin_calendar {
    ($code:literal) => {
        (
            $code,
            include_str!(concat!("../../rules/calendars/", $code, ".yaml")),
            include_str!(concat!(env!("OUT_DIR"), "/calendars/", $code, ".json")),
        )
    };
}

/// Code, YAML text and JSON form of every built-in calendar.
pub const BUILTIN: &[(&str, &str, &str)] = &[
    builtin_calendar!("us"),
    builtin_calendar!("gb"),
    builtin_calendar!("ca"),
];

/// The calendar used when none is named.
pub const DEFAULT_CALENDAR: &str = "us";

/// Today's date in the local time zone (`TZ`, else the system's).
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

/// Today's date in `zone`, else in the local time zone.
pub fn today_in(zone: Option<&jiff::tz::TimeZone>) -> Date {
    match zone {
        Some(z) => jiff::Timestamp::now().to_zoned(z.clone()).date(),
        None => today(),
    }
}

/// The holidays of one year: date → name (names of holidays that share a day are joined
/// with " and ").
pub type Holidays = BTreeMap<Date, String>;

/// A set of holidays, placed year by year on demand.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub name: String,
    holidays: Vec<Holiday>,
    years: Arc<Mutex<HashMap<i16, Arc<Holidays>>>>,
}

impl Calendar {
    fn new(name: &str, holidays: Vec<Holiday>) -> Calendar {
        Calendar {
            name: name.to_string(),
            holidays,
            years: Arc::default(),
        }
    }

    /// No holidays at all.
    pub fn none() -> Calendar {
        Calendar::new("none", Vec::new())
    }

    /// A built-in calendar by code.
    pub fn builtin(code: &str) -> Option<Calendar> {
        if code == "none" {
            return Some(Calendar::none());
        }
        let (_, text, json) = BUILTIN.iter().find(|(c, _, _)| *c == code)?;
        let path = format!("<builtin>/rules/calendars/{code}.yaml");
        let parsed = spec::parse_prepared(&path, text, json)
            .expect("built-in calendars parse (checked by a test)");
        Some(Calendar::new(code, parsed.holidays))
    }

    /// Parses a calendar file; `extends` names a built-in calendar to add to.
    pub fn parse(path: &str, text: &str) -> Result<Calendar, SourceError> {
        let spec::Parsed {
            name,
            extends,
            mut holidays,
        } = spec::parse(path, text)?;
        if let Some((base, span)) = extends {
            let Some(base) = Calendar::builtin(&base) else {
                return Err(SourceError::new(
                    path,
                    text,
                    span,
                    format!("`extends` takes a built-in calendar (us, gb, ca, none), not `{base}`"),
                ));
            };
            let mut all = base.holidays;
            all.append(&mut holidays);
            holidays = all;
        }
        Ok(Calendar::new(&name, holidays))
    }

    /// The calendar `--holidays` names: a built-in code or a calendar file.
    pub fn resolve(value: &str, base_dir: Option<&Path>) -> Result<Calendar, Error> {
        if let Some(c) = Calendar::builtin(value) {
            return Ok(c);
        }
        let path = match base_dir {
            Some(dir) if Path::new(value).is_relative() => dir.join(value),
            _ => Path::new(value).to_path_buf(),
        };
        if !path.is_file() {
            let looks_like_file = value.contains(['/', '.', '\\']);
            return Err(Error::Usage(if looks_like_file {
                format!(
                    "holidays: no calendar file `{}` (give a YAML calendar file that exists, or one of us, gb, ca, none)",
                    path.display()
                )
            } else {
                format!(
                    "holidays: `{value}` is no built-in calendar (us, gb, ca, none) nor a calendar file"
                )
            }));
        }
        let display = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| Error::Input {
            path: display.clone(),
            message: format!("cannot read calendar: {e}"),
        })?;
        Ok(Calendar::parse(&display, &text)?)
    }

    /// Every holiday that falls in `year`, with its name, observed days included.
    pub fn year(&self, year: i16) -> Arc<Holidays> {
        let mut cache = self.years.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(year)
            .or_insert_with(|| {
                // Observed days can cross a year end (New Year's Day on a Saturday is
                // observed on December 31), so neighbouring years are placed too.
                let mut all = BTreeMap::new();
                for y in [year - 1, year, year + 1] {
                    for (d, n) in self.place(y) {
                        if d.year() == year {
                            add(&mut all, d, n);
                        }
                    }
                }
                Arc::new(all)
            })
            .clone()
    }

    /// The holidays of `year`'s rules, observed days included (some may fall in another
    /// year).
    fn place(&self, year: i16) -> Vec<(Date, String)> {
        let own: Vec<(Date, &Holiday)> = self
            .holidays
            .iter()
            .filter_map(|h| Some((h.in_year(year)?, h)))
            .collect();
        let mut taken: Vec<Date> = own.iter().map(|(d, _)| *d).collect();
        let mut out: Vec<(Date, String)> = own.iter().map(|(d, h)| (*d, h.name.clone())).collect();
        for (d, h) in &own {
            let observed = match (h.observed, d.weekday()) {
                (Observed::Nearest, Weekday::Saturday) => d.yesterday().ok(),
                (Observed::Nearest, Weekday::Sunday) => d.tomorrow().ok(),
                (Observed::Next, Weekday::Saturday | Weekday::Sunday) => {
                    let mut n = *d;
                    loop {
                        n = match n.tomorrow() {
                            Ok(n) => n,
                            Err(_) => break None,
                        };
                        if is_weekday(n) && !taken.contains(&n) {
                            break Some(n);
                        }
                    }
                }
                _ => None,
            };
            if let Some(o) = observed {
                taken.push(o);
                out.push((o, format!("{} (observed)", h.name)));
            }
        }
        out
    }

    /// The first day on or after `from` (within a year) of the holiday whose name holds
    /// `word` ("thanksgiving", "labor day"), not counting observed days.
    pub fn named(&self, word: &str, from: Date) -> Option<Date> {
        let word = word.to_lowercase();
        self.holidays
            .iter()
            .filter(|h| h.name.to_lowercase().contains(&word))
            .flat_map(|h| [from.year(), from.year() + 1].map(|y| h.in_year(y)))
            .flatten()
            .filter(|d| *d >= from)
            .min()
    }

    /// The name of the holiday on `d`, if it is one.
    pub fn holiday(&self, d: Date) -> Option<String> {
        self.year(d.year()).get(&d).cloned()
    }

    /// A weekday that is not a holiday.
    pub fn is_working_day(&self, d: Date) -> bool {
        is_weekday(d) && self.holiday(d).is_none()
    }
}

impl Default for Calendar {
    /// [`DEFAULT_CALENDAR`].
    fn default() -> Self {
        Calendar::builtin(DEFAULT_CALENDAR).expect("the default calendar is built in")
    }
}

fn add(map: &mut BTreeMap<Date, String>, d: Date, name: String) {
    map.entry(d)
        .and_modify(|n| {
            if !n.split(" and ").any(|x| x == name) {
                n.push_str(" and ");
                n.push_str(&name);
            }
        })
        .or_insert(name);
}

pub fn is_weekday(d: Date) -> bool {
    !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn builtin_calendars_parse() {
        for (code, text, json) in BUILTIN {
            let parsed = spec::parse(code, text).unwrap();
            assert_eq!(&parsed.name, code);
            assert!(!parsed.holidays.is_empty());
            // The JSON form a run reads is the same calendar.
            let prepared = spec::parse_prepared(code, text, json).unwrap();
            assert_eq!(prepared.name, parsed.name);
            assert_eq!(prepared.holidays, parsed.holidays);
        }
    }

    #[test]
    fn observed_days() {
        let us = Calendar::builtin("us").unwrap();
        assert_eq!(
            us.holiday(date(2021, 12, 31)).as_deref(),
            Some("New Year's Day (observed)")
        );
        assert_eq!(
            us.holiday(date(2026, 11, 26)).as_deref(),
            Some("Thanksgiving Day")
        );
        let gb = Calendar::builtin("gb").unwrap();
        // Christmas on a Sunday: Boxing Day keeps Monday, Christmas moves to Tuesday.
        assert!(gb
            .holiday(date(2022, 12, 27))
            .unwrap()
            .contains("Christmas"));
        assert!(gb.holiday(date(2021, 12, 28)).unwrap().contains("Boxing"));
    }
}
