//! The built-in `us` and `gb` calendars against an independent holiday source: the Python
//! `holidays` package, whose dates for 2019-2036 are committed in tests/data (see
//! scripts/holiday-oracle.py). For every day of 2020-2035 the timing findings and the
//! answer of `when` must be what the oracle's holidays imply under CONTRACT §6.

use std::collections::BTreeSet;

use jiff::civil::{date, Date, Weekday};
use jiff::ToSpan;
use tactful::calendar::days::{next_good_day, problems, Problem};
use tactful::calendar::Calendar;

fn oracle(code: &str) -> BTreeSet<Date> {
    let path = format!(
        "{}/tests/data/holidays-{code}.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').next().unwrap().parse().unwrap())
        .collect()
}

/// CONTRACT §6 written out directly over the oracle's holiday set.
struct Reference {
    holidays: BTreeSet<Date>,
}

impl Reference {
    fn weekend(d: Date) -> bool {
        matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
    }

    fn working(&self, d: Date) -> bool {
        !Self::weekend(d) && !self.holidays.contains(&d)
    }

    /// Whether the non-working days between `d` and the next working day in direction
    /// `dir` include a holiday.
    fn holiday_next_to(&self, d: Date, dir: i64) -> bool {
        let mut n = d;
        loop {
            n = n.checked_add(dir.days()).unwrap();
            if self.working(n) {
                return false;
            }
            if self.holidays.contains(&n) {
                return true;
            }
        }
    }

    fn rules(&self, d: Date, promised: Option<Date>) -> Vec<&'static str> {
        let mut out = Vec::new();
        match d.weekday() {
            Weekday::Monday => out.push("timing/monday"),
            Weekday::Friday => out.push("timing/friday"),
            Weekday::Saturday | Weekday::Sunday => out.push("timing/weekend"),
            _ => {}
        }
        if self.holidays.contains(&d) {
            out.push("timing/holiday");
        }
        if self.working(d) && self.holiday_next_to(d, 1) {
            out.push("timing/before-holiday");
        }
        if self.working(d) && self.holiday_next_to(d, -1) {
            out.push("timing/after-holiday");
        }
        if promised.is_some_and(|p| d <= p) {
            out.push("timing/before-promised");
        }
        out
    }

    fn when(&self, after: Date, promised: Option<Date>) -> Date {
        let mut d = after;
        loop {
            d = d.tomorrow().unwrap();
            if self.rules(d, promised).is_empty() {
                return d;
            }
        }
    }
}

fn days(from: Date, to: Date) -> impl Iterator<Item = Date> {
    std::iter::successors(Some(from), move |d| d.tomorrow().ok().filter(|n| *n <= to))
}

fn compare(code: &str) {
    let cal = Calendar::builtin(code).unwrap();
    let reference = Reference {
        holidays: oracle(code),
    };
    let mut failures = Vec::new();
    for year in 2019..=2036 {
        let ours: BTreeSet<Date> = cal.year(year).keys().copied().collect();
        let theirs: BTreeSet<Date> = reference
            .holidays
            .iter()
            .copied()
            .filter(|d| d.year() == year)
            .collect();
        if ours != theirs {
            failures.push(format!(
                "{code} {year}: only ours {:?}, only the oracle's {:?}",
                ours.difference(&theirs).collect::<Vec<_>>(),
                theirs.difference(&ours).collect::<Vec<_>>()
            ));
        }
    }
    for d in days(date(2020, 1, 1), date(2035, 12, 31)) {
        // Every day alone, and with a reply-by date a few days either side of it.
        let offset = i64::from(d.day() % 7) - 3;
        let promised = d.checked_add(offset.days()).unwrap();
        for p in [None, Some(promised)] {
            let ours: Vec<&str> = problems(&cal, d, p).iter().map(Problem::rule).collect();
            let theirs = reference.rules(d, p);
            if ours != theirs {
                failures.push(format!("{code} {d} promised {p:?}: {ours:?} != {theirs:?}"));
            }
            let next = next_good_day(&cal, d, p).unwrap().day;
            let expected = reference.when(d, p);
            if next != expected {
                failures.push(format!(
                    "{code} when after {d} promised {p:?}: {next} != {expected}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn us_matches_the_oracle_every_day() {
    compare("us");
}

#[test]
fn gb_matches_the_oracle_every_day() {
    compare("gb");
}

#[test]
fn a_user_calendar_extends_a_builtin_one() {
    let cal = Calendar::parse(
        "team.yaml",
        "calendar: team\nextends: us\nholidays:\n  - name: Company offsite\n    date: 2026-12-09\n  - name: Day after Thanksgiving\n    date: fourth Friday of November\n",
    )
    .unwrap();
    assert_eq!(
        cal.holiday(date(2026, 12, 9)).as_deref(),
        Some("Company offsite")
    );
    assert_eq!(
        cal.holiday(date(2027, 11, 26)).as_deref(),
        Some("Day after Thanksgiving")
    );
    assert_eq!(
        cal.holiday(date(2026, 11, 26)).as_deref(),
        Some("Thanksgiving Day")
    );
    let rules: Vec<_> = problems(&cal, date(2026, 12, 8), None)
        .iter()
        .map(Problem::rule)
        .collect();
    assert_eq!(rules, ["timing/before-holiday"]);
}

#[test]
fn calendar_file_errors_point_at_the_line() {
    let text = "calendar: bad\nholidays:\n  - name: Someday\n    date: the second Blursday\n";
    let e = Calendar::parse("bad.yaml", text).unwrap_err();
    assert!(e.message.contains("not a date rule"), "{}", e.message);
    assert_eq!(&text[..e.span.start].lines().count(), &4);
    let e = Calendar::parse("bad.yaml", "calendar: x\nextends: mars\n").unwrap_err();
    assert!(e.message.contains("`extends`"), "{}", e.message);
    let e = Calendar::parse("bad.yaml", "calendar: x\nholiday: []\n").unwrap_err();
    assert!(e.message.contains("unknown field"), "{}", e.message);
}
