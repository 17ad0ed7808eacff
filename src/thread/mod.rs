//! The earlier messages a draft quotes, and what their writers promised.
//!
//! A reply carries the thread it answers: `>` quotes under an attribution line ("On Tue,
//! Sep 15, 2026 at 10:02 AM Jane Doe <jane@acme.com> wrote:"), Outlook's "From: … Sent: …"
//! blocks, a quoted `Date:` header, or a message pasted by hand under a line that dates it
//! ("Her email from Sept 15:"). [`messages`] splits a draft's body into those messages,
//! each with the day it was written (as its writer wrote it, in their own time zone) and
//! its words with the quote marks taken off; [`promise::promises`] finds what each one
//! promised about when they would get back, resolved to a date.

/// A built-in pattern, compiled on first use.
macro_rules! regex {
    ($re:expr) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        // Compiled once, whatever loop it is written in.
        #[allow(clippy::regex_creation_in_loops)]
        RE.get_or_init(|| regex::Regex::new($re).expect("a built-in pattern compiles"))
    }};
}

pub mod dates;
pub mod promise;
pub mod when;

use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::Date;
use regex::Regex;

pub use promise::{promises, Promise};

/// One earlier message of the thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Who wrote it, as the header names them ("Jane Doe <jane@acme.com>").
    pub from: Option<String>,
    /// Their address, lowercase, when the header gives one.
    pub address: Option<String>,
    /// The day they wrote it, in their own time zone; `None` when nothing dates it.
    pub date: Option<Date>,
    /// The header's words that gave the date, as written.
    pub date_text: Option<String>,
    /// Its lines, quote marks taken off, joined with `\n`.
    pub text: String,
    /// Where its first line starts in the source.
    pub start: usize,
    /// The addresses of its `To:` line, lowercase (none when it has no such line).
    pub to: Vec<String>,
    /// Written between colleagues: every address of its `To:` line at the sender's own
    /// (not a free mail) domain, as a recruiter's note to a hiring manager forwarded on.
    pub internal: bool,
}

/// A line of the body: its quote depth and its words with the marks taken off.
struct Line<'a> {
    start: usize,
    depth: usize,
    text: &'a str,
}

fn lines(source: &str, body: Range<usize>) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = body.start;
    for raw in source[body.clone()].split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let mut t = raw.trim_end_matches(['\n', '\r']);
        let mut depth = 0;
        loop {
            let s = t.trim_start_matches([' ', '\t']);
            match s.strip_prefix('>') {
                Some(rest) => {
                    depth += 1;
                    t = rest;
                }
                None => break,
            }
        }
        let text = if depth > 0 {
            t.strip_prefix(' ').unwrap_or(t)
        } else {
            t
        };
        out.push(Line { start, depth, text });
    }
    out
}

/// How a draft's header dates are read: the year of one written without it, and whether
/// its numeric dates are written day first.
#[derive(Clone, Copy)]
struct Dating {
    reference: Date,
    day_first: bool,
}

impl Dating {
    fn read(self, text: &str) -> Option<(Date, Range<usize>)> {
        dates::in_header_ordered(text, self.reference, self.day_first)
    }
}

/// A header found at line `i`: how many lines it takes, who wrote the message it
/// introduces and when.
struct Header {
    lines: usize,
    from: Option<String>,
    date: Option<(Date, String)>,
    /// The `To:` line, when the header has one.
    to: Option<String>,
}

/// The messages quoted in `source[body]`, oldest last as mail clients put them. The
/// author's own words (before the first header, at no quote depth) are not a message.
/// `reference` dates a header written without its year (the draft's own date, else today).
pub fn messages(source: &str, body: Range<usize>, reference: Date) -> Vec<Message> {
    split(source, body, reference).messages
}

/// A draft's body split into the author's own words and the messages it quotes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Thread {
    /// The author's lines, joined with `\n`.
    pub author: String,
    pub messages: Vec<Message>,
}

impl Thread {
    /// The name the author signs with: the last line of their words when it is one to
    /// three capitalised words ("Sofia", "Sam Lee"), not a sign-off.
    pub fn signature(&self) -> Option<&str> {
        let last = self
            .author
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty())?;
        let words: Vec<&str> = last.split_whitespace().collect();
        let name_like = (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
            });
        let sign_off = [
            "Thanks",
            "Thank",
            "Best",
            "Regards",
            "Cheers",
            "Sincerely",
            "Warmly",
            "Cordially",
        ]
        .iter()
        .any(|w| {
            words
                .first()
                .is_some_and(|f| f.trim_end_matches([',', '!']) == *w)
        });
        (name_like && !sign_off).then_some(last)
    }
}

/// Splits `source[body]` into the author's words and the messages quoted.
pub fn split(source: &str, body: Range<usize>, reference: Date) -> Thread {
    let reference = Dating {
        reference,
        day_first: dates::writes_day_first(&source[body.clone()]),
    };
    let lines = lines(source, body);
    let mut author = String::new();
    // The message each quote depth belongs to now, as an index into `out`.
    let mut current: Vec<Option<usize>> = vec![None];
    let mut out: Vec<Message> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let depth = line.depth;
        if depth == 0 {
            if let Some((from, date, words)) = chat_message(line.text, reference) {
                out.push(Message {
                    internal: false,
                    to: Vec::new(),
                    address: None,
                    from: Some(from),
                    date_text: None,
                    date,
                    text: format!("{words}\n"),
                    start: line.start,
                });
                current[0] = Some(out.len() - 1);
                current.truncate(1);
                i += 1;
                continue;
            }
        }
        if let Some(h) = header_at(
            &lines,
            i,
            reference,
            !author.trim().is_empty() || !out.is_empty(),
        ) {
            let after = i + h.lines;
            // The depth of what the header introduces: its own, or one deeper when the
            // next words are quoted one level further.
            let next_depth = lines[after.min(lines.len())..]
                .iter()
                .find(|l| !l.text.trim().is_empty())
                .map_or(depth, |l| l.depth);
            let at = if next_depth > depth { depth + 1 } else { depth };
            let address = h.from.as_deref().and_then(address_in);
            // Each recipient's address, where the entry gives one.
            let recipients: Vec<Option<String>> = h.to.as_deref().map_or(Vec::new(), |t| {
                t.split([',', ';'])
                    .filter(|e| !e.trim().is_empty())
                    .map(address_in)
                    .collect()
            });
            let internal = internal(address.as_deref(), &recipients);
            let to = recipients.into_iter().flatten().collect();
            out.push(Message {
                internal,
                to,
                from: h.from,
                address,
                date_text: h.date.as_ref().map(|d| d.1.clone()),
                date: h.date.map(|d| d.0),
                text: String::new(),
                start: lines.get(after).map_or(line.start, |l| l.start),
            });
            if current.len() <= at {
                current.resize(at + 1, None);
            }
            current[at] = Some(out.len() - 1);
            current.truncate(at + 1);
            i = after;
            continue;
        }
        // "--- end ---", "---": the end of a message pasted at no depth.
        if depth == 0 && current[0].is_some() && is_frame(line.text.trim()) {
            current[0] = None;
            i += 1;
            continue;
        }
        // A quoted line with no header at its depth belongs to the nearest shallower
        // message that has one, or to an undated message of its own.
        let owner = if depth == 0 {
            current[0]
        } else {
            match (1..=depth.min(current.len() - 1))
                .rev()
                .find_map(|d| current[d])
            {
                Some(m) => Some(m),
                None => {
                    out.push(Message {
                        internal: false,
                        to: Vec::new(),
                        from: None,
                        address: None,
                        date: None,
                        date_text: None,
                        text: String::new(),
                        start: line.start,
                    });
                    if current.len() <= depth {
                        current.resize(depth + 1, None);
                    }
                    current[depth] = Some(out.len() - 1);
                    Some(out.len() - 1)
                }
            }
        };
        match owner {
            Some(m) => {
                let text = &mut out[m].text;
                text.push_str(line.text);
                text.push('\n');
            }
            None => {
                author.push_str(line.text);
                author.push('\n');
            }
        }
        i += 1;
    }
    out.retain(|m| !m.text.trim().is_empty());
    Thread {
        author,
        messages: out,
    }
}

fn is_frame(t: &str) -> bool {
    let core = t.trim_matches(|c: char| c == '-' || c == '=' || c == '*' || c == '_' || c == ' ');
    (t.starts_with("---") || t.starts_with("===") || t.starts_with("***"))
        && (core.is_empty() || core.split_whitespace().count() <= 3)
        && !core.chars().any(|c| c.is_ascii_digit())
}

/// Whether a message from `from` to `recipients` (each one's address, where its entry gives
/// one) stays within one organisation's (not a free mail) domain.
fn internal(from: Option<&str>, recipients: &[Option<String>]) -> bool {
    const FREE_MAIL: &[&str] = &[
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "mail.com",
        "yandex.com",
        "yandex.ru",
        "qq.com",
        "163.com",
        "zoho.com",
        "fastmail.com",
    ];
    let domain = |a: &str| a.rsplit_once('@').map(|(_, d)| d.to_string());
    let Some(from) = from.and_then(domain) else {
        return false;
    };
    if FREE_MAIL.contains(&from.as_str()) {
        return false;
    }
    !recipients.is_empty()
        && recipients
            .iter()
            .all(|r| r.as_deref().and_then(domain).as_deref() == Some(from.as_str()))
}

/// The address in "Jane Doe <jane@acme.com>" or a bare one, lowercase.
pub fn address_in(s: &str) -> Option<String> {
    let s = s.trim();
    let inner = match (s.rfind('<'), s.rfind('>')) {
        (Some(a), Some(b)) if a < b => &s[a + 1..b],
        _ => s
            .split(|c: char| c.is_whitespace() || c == '[' || c == ']' || c == '(' || c == ')')
            .find(|w| w.contains('@'))?,
    };
    let inner = inner.trim().trim_start_matches("mailto:");
    (inner.contains('@') && !inner.contains(' ')).then(|| inner.to_ascii_lowercase())
}

/// The name in "Jane Doe <jane@acme.com>" or "\"Doe, Jane\" <…>".
pub fn name_in(s: &str) -> Option<String> {
    let s = s.trim();
    let name = match s.find('<') {
        Some(a) => &s[..a],
        None if s.contains('@') => return None,
        None => s,
    };
    let name = name.trim().trim_matches('"').trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// A header at line `i`; `after_words`: the author has written something before it (a
/// date alone at the top of a letter is the letter's date, not a message's).
fn header_at(lines: &[Line<'_>], i: usize, reference: Dating, after_words: bool) -> Option<Header> {
    let t = lines[i].text.trim();
    if t.is_empty() || t.len() > 300 {
        return None;
    }
    attribution(lines, i, reference)
        .or_else(|| header_block(lines, i, reference))
        .or_else(|| pasted(lines, i, reference, after_words))
}

/// "On <date>, <writer> wrote:", over up to three lines.
fn attribution(lines: &[Line<'_>], i: usize, reference: Dating) -> Option<Header> {
    let first = lines[i].text.trim();
    let opener = first.split_whitespace().next().unwrap_or("").to_lowercase();
    if opener == "*" {
        return mutt_attribution(first, reference);
    }
    if !ATTRIBUTION_OPENERS.contains(&opener.as_str()) {
        return attribution_without_opener(first, reference);
    }
    let mut joined = first.to_string();
    for k in 0..3 {
        if k > 0 {
            let l = lines.get(i + k)?;
            if l.depth != lines[i].depth {
                return None;
            }
            joined.push(' ');
            joined.push_str(l.text.trim());
        }
        let caps = attribution_re()
            .captures(&joined)
            .or_else(|| attribution_name_last().captures(&joined));
        if let Some(c) = caps {
            let body = c.get(1).map_or("", |m| m.as_str());
            let date = reference.read(body).map(|(d, r)| (d, body[r].to_string()));
            let from = match c.get(2) {
                Some(name) => Some(name.as_str().trim().to_string()),
                None => writer_in_attribution(body),
            };
            return Some(Header {
                lines: k + 1,
                from,
                date,
                to: None,
            });
        }
    }
    None
}

/// "* Ola Nygaard <ola@fjordbyte.example> [2026-05-06 09:14]:", mutt's attribution with
/// `%n %a [%d]`-style formats: the writer, then the date in brackets.
fn mutt_attribution(line: &str, reference: Dating) -> Option<Header> {
    let c = regex!(r"^\*\s+(.+?)\s*\[([^\]]+)\]:$").captures(line)?;
    let when = c.get(2)?.as_str();
    let (date, r) = reference.read(when)?;
    let writer = c.get(1)?.as_str();
    let name = writer.split('<').next().unwrap_or("").trim();
    Some(Header {
        lines: 1,
        from: Some(if name.is_empty() { writer } else { name }.to_string()),
        date: Some((date, when[r].to_string())),
        to: None,
    })
}

/// "wt., 22 kwi 2025 o 14:03 Marta Zielińska <m@l.pl> napisał(a):": an attribution with no
/// word before its date, as Polish, Czech and other clients write it, on one line.
fn attribution_without_opener(line: &str, reference: Dating) -> Option<Header> {
    let c = regex!(
        &format!(r"(?i)^(.+?)\s(?:napisał\(a\)|napisała|napisał|napsal\(a\)|napsala|napsal|написал\(а\)|написала|написал|kirjoitti|yazdı|írta|{WROTE})\s?:$")
    )
    .captures(line)?;
    let body = c.get(1)?.as_str();
    let (date, r) = reference.read(body)?;
    Some(Header {
        lines: 1,
        from: writer_in_attribution(body),
        date: Some((date, body[r].to_string())),
        to: None,
    })
}

/// The writer in the words of an attribution: what follows its date and time, up to
/// "wrote".
fn writer_in_attribution(body: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)(?:\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b)")
            .expect("time regex compiles")
    });
    let until = body.find('<').unwrap_or(body.len());
    let after = re.find_iter(&body[..until]).last().map_or(0, |m| m.end());
    let name = body[after..]
        .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
        .trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    (!name.is_empty()).then(|| name.to_string())
}

/// A block of header lines: "From:" with "Sent:" or "Date:" among the next lines, after an
/// optional "-----Original Message-----" or "_____" line.
fn header_block(lines: &[Line<'_>], i: usize, reference: Dating) -> Option<Header> {
    let depth = lines[i].depth;
    let mut k = i;
    let first = lines[k].text.trim();
    let marker = is_separator(first);
    if marker {
        k += 1;
        while lines.get(k).is_some_and(|l| l.text.trim().is_empty()) {
            k += 1;
        }
    }
    let mut from = None;
    let mut to = None;
    let mut date = None;
    let mut date_key = false;
    let mut seen = 0;
    while let Some(l) = lines.get(k) {
        if l.depth != depth {
            break;
        }
        let t = l.text.trim().trim_start_matches('*');
        let Some((name, value)) = t.split_once(':') else {
            break;
        };
        let key = name.trim().trim_end_matches('*').to_ascii_lowercase();
        let value = value.trim().trim_start_matches('*').trim();
        let key = key.as_str();
        if FROM_KEYS.contains(&key) {
            from = Some(value.to_string());
        } else if TO_KEYS.contains(&key) {
            to = Some(value.to_string());
        } else if DATE_KEYS.contains(&key) {
            date_key = true;
            date = reference
                .read(value)
                .map(|(d, r)| (d, value[r].to_string()));
        } else if !OTHER_KEYS.contains(&key) {
            break;
        }
        seen += 1;
        k += 1;
    }
    let is_block = (from.is_some() && seen >= 2 && date_key) || (marker && seen >= 1);
    if !is_block {
        return None;
    }
    Some(Header {
        lines: k - i,
        from,
        date,
        to,
    })
}

/// The names of a header block's sender line, in the languages of its clients (English,
/// French, Spanish, Portuguese, Italian, German, Dutch, Scandinavian).
const FROM_KEYS: &[&str] = &["from", "de", "von", "van", "da", "fra", "från"];

/// The names of its date line.
const DATE_KEYS: &[&str] = &[
    "sent",
    "date",
    "envoyé",
    "envoyé le",
    "gesendet",
    "datum",
    "enviado",
    "enviado el",
    "enviada",
    "enviada em",
    "enviado em",
    "data",
    "inviato",
    "verzonden",
    "sendt",
    "skickat",
];

/// The names of its recipients' line.
const TO_KEYS: &[&str] = &["to", "à", "an", "para", "a", "aan", "til", "till"];

/// The names of its other lines.
const OTHER_KEYS: &[&str] = &[
    "cc",
    "bcc",
    "subject",
    "reply-to",
    "importance",
    "attachments",
    "objet",
    "betreff",
    "asunto",
    "assunto",
    "oggetto",
    "onderwerp",
    "emne",
    "ämne",
    "cci",
    "cco",
    "pièces jointes",
    "anlagen",
    "anexos",
    "bijlagen",
];

fn is_separator(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    (t.len() >= 5 && t.chars().all(|c| c == '_'))
        || (lower.starts_with('-')
            && (lower.contains("original message") || lower.contains("forwarded message")))
        || lower.starts_with("begin forwarded message")
}

/// A line by which the author introduces a message pasted below it, dating it: "Her email
/// from Sept 15:", "--- pasted from LinkedIn, 15 Sep 2026 ---", "_LinkedIn DM, Thursday,
/// August 21, 2025_" above a quote, "Notice date: 2026-03-09", a chat export's date line
/// above "Zoe Carter  10:42 AM", or "> **Ines Carvalho** - Monday, November 2, 2026".
fn pasted(lines: &[Line<'_>], i: usize, reference: Dating, after_words: bool) -> Option<Header> {
    let raw = lines[i].text.trim();
    if raw.len() > 140 {
        return None;
    }
    let framed = raw.starts_with("---") || raw.starts_with("===") || raw.starts_with("***");
    if raw.starts_with('#') {
        // A Markdown heading names a section, not a message.
        return None;
    }
    let t = raw.trim_matches(|c: char| matches!(c, '*' | '_' | ' ' | '[' | ']' | '(' | ')'));
    let emphasised = raw != t && !framed;
    let ends_colon = t.ends_with(':') || raw.ends_with(":*") || raw.ends_with(":_");
    let next = lines[i + 1..].iter().find(|l| !l.text.trim().is_empty());
    let quote_follows = next.is_some_and(|l| l.depth > lines[i].depth);
    let chat_follows = next.is_some_and(|l| {
        let t = l.text.trim();
        chat_line().is_match(t) || speaker_line().is_match(t)
    });
    let (date, r) = reference.read(t)?;
    let rest_words = {
        let mut rest = t.to_string();
        rest.replace_range(r.clone(), " ");
        time_re()
            .replace_all(&rest, " ")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    };
    let keyed = keyed_date().is_match(t);
    // "Status update expected by: 2026-06-02", "Decision due 14 May": a time set in the
    // message, not a line introducing one.
    let lead = t[..r.start].trim_end().trim_end_matches(':').to_lowercase();
    let sets_time = [
        "by", "before", "until", "till", "due", "expected", "deadline", "than",
    ]
    .iter()
    .any(|w| lead == *w || lead.ends_with(&format!(" {w}")));
    if sets_time && !keyed {
        return None;
    }
    // "--- pasted from LinkedIn ---", a name, a title, then the date alone on its line.
    let framed_above = lines[i.saturating_sub(3)..i].iter().any(|l| {
        let t = l.text.trim();
        (t.starts_with("---") || t.starts_with("===")) && t.chars().any(char::is_alphabetic)
    });
    let introduces = keyed
        || (rest_words == 0 && framed_above)
        || (pasted_re().is_match(t) && (ends_colon || framed || emphasised || quote_follows))
        || (rest_words <= 4 && (emphasised || ends_colon || quote_follows || lines[i].depth > 0))
        || (rest_words == 0 && after_words && chat_follows)
        // "Aug 27, 2025 · 3:25 PM", "PixelForge Studio — 04/22/2026 8:41 PM": a chat or
        // portal's line naming when the next message was written.
        || (rest_words <= 4 && after_words && has_clock(t));
    if !introduces || t.ends_with('.') && !ends_colon {
        return None;
    }
    Some(Header {
        lines: 1,
        from: None,
        date: Some((date, t[r].to_string())),
        to: None,
    })
}

fn has_clock(t: &str) -> bool {
    regex!(r"\b\d{1,2}:\d{2}\b").is_match(t)
}

/// A chat export's message on one line: "[16/06/2027, 18:28] Ayo: Hello…" (WhatsApp) or
/// "16/06/2027, 18:28 - Ayo: Hello…" (its Android export): who, when, and the words.
fn chat_message(text: &str, reference: Dating) -> Option<(String, Option<Date>, &str)> {
    // "[Thu 9 Jan 2025 18:05] Ravi Menon: …": any date the header reader knows, bracketed.
    if let Some(c) =
        regex!(r"^\[([^\]]{6,48})\](?: -)? ([^:\]]{1,40}?): (.+)$").captures(text.trim())
    {
        if let Some((date, _)) = reference.read(&c[1]) {
            return Some((c[2].trim().to_string(), Some(date), c.get(3)?.as_str()));
        }
    }
    let c = regex!(r"^\[?(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}),? (\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[APap]\.?[Mm]\.?)?)\]?(?: -)? ([^:\]]{1,40}?): (.*)$")
        .captures(text.trim())?;
    // With its clock, so a 24-hour time tells the date is written day first.
    let when = format!("{} {}", c.get(1)?.as_str(), c.get(2)?.as_str());
    let date = reference.read(&when).map(|d| d.0);
    Some((c[3].trim().to_string(), date, c.get(4)?.as_str()))
}

/// "Notice date: 2026-03-09", "Sent: …", "Email dated 3 May 2026:".
fn keyed_date() -> &'static Regex {
    regex!(
        r"(?i)^(?:(?:notice|letter|e-?mail|message|update|reply|response|posting)\s+)?(?:date|dated|sent|received|posted)\s*:"
    )
}

/// A transcript's line of one speaker's words: "Sam (Fernbrook): hey!!", "Me: thanks".
pub(crate) fn speaker_line() -> &'static Regex {
    regex!(r"^\p{Lu}[\w.'-]*(?: \p{Lu}[\w.'-]*){0,3}(?: \([^)]{1,40}\))?: \S")
}

/// A chat export's line naming who wrote next and when: "Zoe Carter  10:42 AM".
pub(crate) fn chat_line() -> &'static Regex {
    regex!(
        r"^\p{Lu}[\w.'-]*(?: \p{Lu}[\w.'-]*){0,3}\s+(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?|\[\d{1,2}:\d{2}.*\])$"
    )
}

fn time_re() -> &'static Regex {
    regex!(
        r"(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\bat\b|\b[+-]\d{4}\b|\b(?:utc|gmt|[a-z]{2,4}t)\b"
    )
}

/// The first words of an attribution line, in the languages [`attribution_re`] reads.
const ATTRIBUTION_OPENERS: &[&str] = &["on", "le", "am", "el", "il", "op", "em", "den", "på"];

/// "wrote" in the languages of [`ATTRIBUTION_OPENERS`], for a regex.
const WROTE: &str = "wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|skrev";

/// "On <date>, <writer> wrote:" (and its French, German, Spanish, Italian, Dutch,
/// Portuguese and Scandinavian forms),
/// the words between in group 1.
pub(crate) fn attribution_re() -> &'static Regex {
    regex!(&format!(
        r"(?i)^(?:{})\s(.+?)\s?(?:{WROTE})\s?:$",
        ATTRIBUTION_OPENERS.join("|")
    ))
}

/// "Am 09.02.27 um 10:15 schrieb Anna Becker:": the writer after the verb.
fn attribution_name_last() -> &'static Regex {
    regex!(&format!(
        r"(?i)^(?:{})\s(.+?)\s(?:{WROTE})\s(.+):$",
        ATTRIBUTION_OPENERS.join("|")
    ))
}

/// Words that say a pasted line introduces someone else's message.
fn pasted_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:e-?mail|mail|message|reply|response|note|wrote|said|sent|pasted|inmail|dm|text|letter|answer|posted|update|announcement|notice|told|linkedin|whatsapp|slack|teams|sms|voicemail|chat)\b",
        )
        .expect("pasted regex compiles")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn msgs(src: &str) -> Vec<Message> {
        messages(src, 0..src.len(), date(2026, 12, 1))
    }

    #[test]
    fn gmail_quotes_nest_one_message_per_depth() {
        let src = "Thanks Jane!\n\nOn Tue, Sep 15, 2026 at 10:02 AM Jane Doe <jane@acme.com> wrote:\n> We will get back to you by Friday.\n>\n> On Mon, Sep 14, 2026 at 9:00 AM Sam <sam@x.com> wrote:\n>> Any news?\n";
        let m = msgs(src);
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[0].date, Some(date(2026, 9, 15)));
        assert_eq!(m[0].address.as_deref(), Some("jane@acme.com"));
        assert!(m[0].text.contains("by Friday"));
        assert!(!m[0].text.contains("Any news"));
        assert_eq!(m[1].date, Some(date(2026, 9, 14)));
        assert!(m[1].text.contains("Any news"));
    }

    #[test]
    fn outlook_blocks_and_quoted_headers() {
        let src = "Hi,\nthanks.\n\n-----Original Message-----\nFrom: Jane Doe <jane@acme.com>\nSent: Tuesday, September 15, 2026 10:02 AM\nTo: Sam\nSubject: Update\n\nPlease allow ten working days.\n";
        let m = msgs(src);
        assert_eq!(m.len(), 1, "{m:#?}");
        assert_eq!(m[0].date, Some(date(2026, 9, 15)));
        assert_eq!(m[0].address.as_deref(), Some("jane@acme.com"));
        let src = "Thanks\n\n> From: Jane <j@x.com>\n> Date: Fri, 18 Sep 2026 23:30:00 -0700\n> Subject: hi\n>\n> We'll write by Monday.\n";
        let m = msgs(src);
        assert_eq!(m.len(), 1, "{m:#?}");
        assert_eq!(m[0].date, Some(date(2026, 9, 18)));
        assert!(m[0].text.contains("by Monday"));
    }

    #[test]
    fn a_pasted_message_and_an_undated_quote() {
        let src = "Notes for my reply.\n\nHer email from Sept 15:\nWe will decide by the 30th.\n";
        let m = msgs(src);
        assert_eq!(m.len(), 1, "{m:#?}");
        assert_eq!(m[0].date, Some(date(2026, 9, 15)));
        let m = msgs("Sure!\n\n> We will call you tomorrow.\n");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].date, None);
        assert!(msgs("Just my own words, by Friday.\n").is_empty());
    }

    #[test]
    fn a_mutt_attribution_dates_its_quote() {
        let m = msgs("Ok, thanks.\n\n-- \nJonas\n\n* Ola Nygaard <ola@fjordbyte.example> [2026-05-06 09:14]:\n> Will decide by Monday.\n");
        let quoted = m
            .iter()
            .find(|m| m.text.contains("decide"))
            .expect("the quote");
        assert_eq!(quoted.date, Some(date(2026, 5, 6)));
        assert_eq!(quoted.from.as_deref(), Some("Ola Nygaard"));
    }

    #[test]
    fn attributions_in_other_languages() {
        for (line, day) in [
            (
                "Em ter., 7 de out. de 2025 às 09:15, Rafael Costa <r@v.com.br> escreveu:",
                date(2025, 10, 7),
            ),
            (
                "Den tors 9 okt. 2025 kl 10:15 skrev Anna Berg <a@b.se>:",
                date(2025, 10, 9),
            ),
            (
                "Le jeu. 9 oct. 2025 à 10:15, Anne Roy <a@r.fr> a écrit :",
                date(2025, 10, 9),
            ),
            (
                "wt., 22 kwi 2025 o 14:03 Marta Zielińska <m@l.pl> napisał(a):",
                date(2025, 4, 22),
            ),
        ] {
            let src = format!("Thanks!\n\n{line}\n> We will decide by the 20th.\n");
            let m = msgs(&src);
            assert_eq!(m.len(), 1, "{line}: {m:#?}");
            assert_eq!(m[0].date, Some(day), "{line}");
        }
    }

    #[test]
    fn a_date_alone_under_a_pasted_frame_dates_the_message() {
        let src = "Any news?\n\n--- pasted from LinkedIn ---\nGabriel Fontaine · 2nd\nTalent Partner at Ellisfield\nMar 18, 2026\n\nWe should have news for you by the end of the month.\n";
        let m = msgs(src);
        assert_eq!(m.len(), 1, "{m:#?}");
        assert_eq!(m[0].date, Some(date(2026, 3, 18)));
        assert!(m[0].text.contains("end of the month"));
    }

    #[test]
    fn a_line_that_sets_a_time_is_no_header() {
        let src = "Hi\n\n> From: Talent <no-reply@ats.com>\n> Date: 2026-05-19\n> Subject: update\n> Current stage: Review\n> Status update expected by: 2026-06-02\n";
        let m = msgs(src);
        assert_eq!(m.len(), 1, "{m:#?}");
        assert!(m[0].text.contains("expected by: 2026-06-02"));
    }

    #[test]
    fn notes_between_colleagues_are_internal() {
        let block = |to: &str| {
            format!("Hi,\n\nFrom: Greg <greg@acme.com>\nSent: Monday, October 27, 2025 8:52 AM\nTo: {to}\nSubject: panel\n\nI'll get my feedback to you by Thursday.\n")
        };
        assert!(msgs(&block("Shauna <shauna@acme.com>"))[0].internal);
        assert!(msgs(&block("shauna@acme.com; lee@acme.com"))[0].internal);
        assert!(!msgs(&block("Pat <pat@gmail.com>"))[0].internal);
        assert!(!msgs(&block("Shauna <shauna@acme.com>, Pat <pat@gmail.com>"))[0].internal);
        assert!(!msgs(&block("Pat Dunne"))[0].internal);
        // Two people at one free mail domain are not colleagues.
        let free = "Hi,\n\nFrom: Greg <greg@gmail.com>\nSent: Monday, October 27, 2025 8:52 AM\nTo: pat@gmail.com\n\nBy Thursday.\n";
        assert!(!msgs(free)[0].internal);
    }

    #[test]
    fn addresses_and_names() {
        assert_eq!(
            address_in("Jane Doe <Jane@Acme.com>").as_deref(),
            Some("jane@acme.com")
        );
        assert_eq!(
            address_in("jane@acme.com").as_deref(),
            Some("jane@acme.com")
        );
        assert_eq!(address_in("Jane Doe"), None);
        assert_eq!(
            name_in("\"Doe, Jane\" <j@x.com>").as_deref(),
            Some("Doe, Jane")
        );
        assert_eq!(name_in("j@x.com"), None);
    }
}
