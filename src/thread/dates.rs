//! Calendar dates as people and mail clients write them: "Tue, Sep 15, 2026 at 10:02 AM",
//! "15 Sep 2026 10:02:00 -0700", "Tuesday, September 15, 2026", "15/09/2026", "9/15/26",
//! "2026-09-15", "Sept 15" (the year taken from a reference day). A date is read as
//! written, in its writer's own time zone: "Fri, 18 Sep 2026 23:30 -0700" is that Friday.

use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};

pub(crate) const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
pub(crate) const WEEKDAY: &str = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";

/// The month a word names (1 to 12): "sep", "Sept", "September".
pub fn month(word: &str) -> Option<i8> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let head = w.get(..3)?;
    NAMES.iter().position(|m| *m == head).map(|i| i as i8 + 1)
}

/// The weekday a word names: "tue", "Tues", "Tuesday".
pub fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    Some(match w.get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

fn year(text: &str) -> Option<i16> {
    let y: i16 = text.parse().ok()?;
    Some(if text.len() == 2 { 2000 + y } else { y })
}

/// `month`/`day` of `year`, or of the year that puts it nearest before `reference` (a
/// week's grace after it) when the year is not written.
pub fn resolve_year(y: Option<i16>, m: i8, d: i8, reference: Date) -> Option<Date> {
    if let Some(y) = y {
        return Date::new(y, m, d).ok();
    }
    let this = Date::new(reference.year(), m, d).ok();
    match this {
        Some(t) if t.since(reference).map_or(0, |s| s.get_days()) <= 7 => Some(t),
        _ => Date::new(reference.year() - 1, m, d).ok(),
    }
}

fn header_res() -> &'static [Regex; 5] {
    static RE: OnceLock<[Regex; 5]> = OnceLock::new();
    RE.get_or_init(|| {
        let re = |p: String| Regex::new(&p).expect("date regex compiles");
        [
            re(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b".to_string()),
            re(format!(
                r"(?i)\b(?:({WEEKDAY})\.?,?\s+)?({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
            )),
            re(format!(
                r"(?i)\b(?:({WEEKDAY})\.?,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})\.?,?\s+(\d{{4}})\b"
            )),
            re(format!(
                r"(?i)\b(?:({WEEKDAY})\.?,?\s+)?(\d{{1,2}})[/.](\d{{1,2}})[/.](\d{{4}}|\d{{2}})\b"
            )),
            re(format!(
                r"(?i)\b(?:({WEEKDAY})\.?,?\s+)?(?:({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH}))\b"
            )),
        ]
    })
}

/// Month names and abbreviations in the other languages mail clients write dates in
/// (German, Dutch, French, Spanish, Portuguese, Italian, Scandinavian, Polish), where
/// English ones differ.
const FOREIGN_MONTHS: &[(&str, i8)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("januari", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("februar", 2),
    ("februari", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fév", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("febbraio", 2),
    ("märz", 3),
    ("mär", 3),
    ("maerz", 3),
    ("maart", 3),
    ("mrt", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mei", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mag", 5),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("giu", 6),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("lug", 7),
    ("augustus", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("set", 9),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("out", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dezembro", 12),
    ("dicembre", 12),
    // Swedish, Danish and Norwegian, beyond the German and Dutch forms above.
    ("maj", 5),
    ("augusti", 8),
    ("desember", 12),
    // Polish: the genitive a date takes, and its abbreviations.
    ("stycznia", 1),
    ("sty", 1),
    ("lutego", 2),
    ("lut", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("kwi", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("cze", 6),
    ("lipca", 7),
    ("lip", 7),
    ("sierpnia", 8),
    ("sie", 8),
    ("września", 9),
    ("wrz", 9),
    ("października", 10),
    ("paź", 10),
    ("listopada", 11),
    ("lis", 11),
    ("grudnia", 12),
    ("gru", 12),
];

/// A day, a month named in another language and a year, as foreign clients write a
/// header's date: "27. Februar 2025", "16 okt 2025", "6 févr. 2025", "4 de mar. de 2025",
/// "3 de junio de 2025", "4 giu 2025". The month word is group 2.
fn foreign() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut names: Vec<&str> = FOREIGN_MONTHS.iter().map(|m| m.0).collect();
        // Longest first, so "januari" is not read as "januar".
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        Regex::new(&format!(
            r"(?i)\b(\d{{1,2}})(?:\.|º|er)?\s*(?:de\s+)?({}|{MONTH})\.?,?\s+(?:de\s+)?(\d{{4}})\b",
            names.join("|")
        ))
        .expect("date regex compiles")
    })
}

/// The month a word of another language names ("okt", "Februar", "févr.").
fn foreign_month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    FOREIGN_MONTHS
        .iter()
        .find(|m| m.0 == w)
        .map(|m| m.1)
        .or_else(|| month(&w))
}

/// The first date written in a header's words, and where it is.
pub fn in_header(text: &str, reference: Date) -> Option<(Date, Range<usize>)> {
    in_header_ordered(text, reference, false)
}

/// Whether `text` writes a numeric date day first where it can be told ("16/06/2027"):
/// then every numeric date of it is read day first.
pub fn writes_day_first(text: &str) -> bool {
    regex!(r"\b(?:1[3-9]|2\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.]\d{2,4}\b").is_match(text)
}

/// [`in_header`], reading a numeric date day first when `day_first` (or when it has dots).
pub fn in_header_ordered(
    text: &str,
    reference: Date,
    day_first: bool,
) -> Option<(Date, Range<usize>)> {
    let [iso, mdy, dmy, numeric, no_year] = header_res();
    let checked = |c: &Captures, date: Option<Date>| -> Option<Date> {
        let date = date?;
        match c.get(1).and_then(|w| weekday(w.as_str())) {
            Some(w) if w != date.weekday() => None,
            _ => Some(date),
        }
    };
    if let Some(c) = iso.captures(text) {
        let n = |i: usize| c[i].parse::<i16>().ok();
        if let Ok(d) = Date::new(n(1)?, n(2)? as i8, n(3)? as i8) {
            return Some((d, c.get(0)?.range()));
        }
    }
    for re in [mdy, dmy] {
        if let Some(c) = re.captures(text) {
            let (m, d) = if std::ptr::eq(re, mdy) {
                (month(&c[2])?, c[3].parse().ok()?)
            } else {
                (month(&c[3])?, c[2].parse().ok()?)
            };
            let date = Date::new(year(&c[4])?, m, d).ok();
            if let Some(date) = checked(&c, date) {
                return Some((date, c.get(0)?.range()));
            }
        }
    }
    if let Some(c) = numeric.captures(text) {
        let a: i8 = c[2].parse().ok()?;
        let b: i8 = c[3].parse().ok()?;
        let y = year(&c[4])?;
        let us = Date::new(y, a, b).ok();
        let eu = Date::new(y, b, a).ok();
        // Dots are written day first ("09.02.27"); slashes month first unless only the
        // other way is a date or matches the weekday given.
        // A 24-hour clock beside it ("15/09/2026 10:02") is a day-first writer's.
        let clock_24 = regex!(r"\b\d{1,2}:\d{2}(?::\d{2})?\b(?:\s*[^aApP\s]|\s*$)").is_match(text)
            && !regex!(r"(?i)\d\s*[ap]\.?m\b").is_match(text);
        let dotted = day_first || clock_24 || c.get(0).is_some_and(|m| m.as_str().contains('.'));
        let (first, second) = if dotted { (eu, us) } else { (us, eu) };
        let pick = match (checked(&c, first), checked(&c, second)) {
            (Some(f), _) => Some(f),
            (None, s) => s,
        };
        if let Some(d) = pick {
            return Some((d, c.get(0)?.range()));
        }
    }
    if let Some(c) = foreign().captures(text) {
        if let (Some(m), Ok(d), Some(y)) = (foreign_month(&c[2]), c[1].parse::<i8>(), year(&c[3])) {
            if let Ok(date) = Date::new(y, m, d) {
                return Some((date, c.get(0)?.range()));
            }
        }
    }
    let c = no_year.captures(text)?;
    let (m, d) = match (c.get(2), c.get(3), c.get(4), c.get(5)) {
        (Some(m), Some(d), _, _) => (month(m.as_str())?, d.as_str().parse().ok()?),
        (_, _, Some(d), Some(m)) => (month(m.as_str())?, d.as_str().parse().ok()?),
        _ => return None,
    };
    let date = checked(&c, resolve_year(None, m, d, reference))?;
    Some((date, c.get(0)?.range()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn h(text: &str) -> Option<Date> {
        in_header(text, date(2026, 12, 1)).map(|d| d.0)
    }

    #[test]
    fn header_dates_as_clients_write_them() {
        let sep15 = Some(date(2026, 9, 15));
        assert_eq!(h("Tue, Sep 15, 2026 at 10:02 AM Jane Doe <j@x.com>"), sep15);
        assert_eq!(h("Sep 15, 2026, at 10:02 AM, Jane"), sep15);
        assert_eq!(h("Tuesday, September 15, 2026 10:02 AM"), sep15);
        assert_eq!(h("Tue, 15 Sep 2026 10:02:00 -0700"), sep15);
        assert_eq!(h("15/09/2026 10:02, Jane Doe"), sep15);
        assert_eq!(h("9/15/26 10:02 AM, Jane Doe"), sep15);
        assert_eq!(h("2026-09-15 10:02"), sep15);
        assert_eq!(h("Her email from Sept 15:"), sep15);
        assert_eq!(h("the 15th of September 2026"), sep15);
        // A weekday settles which way round a numeric date is written.
        assert_eq!(h("Thu, 03/09/2026"), Some(date(2026, 9, 3)));
        assert_eq!(h("Mon, 03/09/2026"), Some(date(2026, 3, 9)));
        // As written, in the writer's zone.
        assert_eq!(
            h("Fri, 18 Sep 2026 23:30:00 -0700"),
            Some(date(2026, 9, 18))
        );
        // Other languages' month names, as their mail clients write them.
        assert_eq!(h("Am 15. September 2026 um 10:02"), sep15);
        assert_eq!(h("Op di 15 sep 2026 om 10:02"), sep15);
        assert_eq!(h("Le mar. 15 sept. 2026 à 10:02"), sep15);
        assert_eq!(h("El mar, 15 sept 2026 a las 10:02"), sep15);
        assert_eq!(h("martes, 15 de septiembre de 2026 10:02"), sep15);
        assert_eq!(h("Em ter., 15 de set. de 2026 às 10:02"), sep15);
        assert_eq!(h("Il giorno mar 15 set 2026 alle ore 10:02"), sep15);
        assert_eq!(h("Op do 16 okt 2025 om 14:07"), Some(date(2025, 10, 16)));
        assert_eq!(h("Le jeu. 6 févr. 2025 à 14:35"), Some(date(2025, 2, 6)));
        assert_eq!(h("no date here"), None);
        // Without a year: the latest such day up to a week after the reference.
        assert_eq!(h("Dec 5"), Some(date(2026, 12, 5)));
        assert_eq!(h("Dec 20"), Some(date(2025, 12, 20)));
    }
}
