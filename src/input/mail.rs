//! RFC 5322 / MIME messages: `.eml` files, a leading mbox `From ` line, or any text that
//! starts with mail headers. The mail-parser crate reads the headers, the MIME structure,
//! charsets, RFC 2047 words and transfer encodings; this module chooses what to lint and
//! keeps an offset map from the decoded text back to the raw bytes.
//!
//! The text handed to the rules is the raw top-level header block (hidden, but kept so the
//! `Date:` line and an unencoded `Subject:` keep their raw offsets), then the decoded subject
//! when it was encoded, then the decoded body. Every byte of that text maps to a byte range
//! of the message as read.

use std::ops::Range;

use jiff::civil::Date;
use mail_parser::decoders::{base64::base64_decode, html::add_html_token};
use mail_parser::{Encoding, HeaderName, MessageParser, PartType};

use super::frontmatter::Field;

/// How the linted body was carried in the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    /// 7bit or 8bit: spans point at the very bytes.
    Plain,
    QuotedPrintable,
    Base64,
}

impl BodyEncoding {
    pub fn name(self) -> &'static str {
        match self {
            BodyEncoding::Plain => "plain",
            BodyEncoding::QuotedPrintable => "quoted-printable",
            BodyEncoding::Base64 => "base64",
        }
    }
}

/// One stretch of the lint text and where it came from in the raw message.
#[derive(Debug, Clone)]
enum Segment {
    /// `lint` is a verbatim copy of `raw_start..`.
    Same {
        lint: Range<usize>,
        raw_start: usize,
    },
    /// Byte `i` of `lint` came from raw bytes `map[i - lint.start]`.
    Mapped {
        lint: Range<usize>,
        map: Vec<Range<u32>>,
    },
}

impl Segment {
    fn lint(&self) -> &Range<usize> {
        match self {
            Segment::Same { lint, .. } | Segment::Mapped { lint, .. } => lint,
        }
    }

    /// The raw range byte `i` (inside this segment) came from.
    fn raw_of(&self, i: usize) -> Range<usize> {
        match self {
            Segment::Same { lint, raw_start } => {
                let r = raw_start + (i - lint.start);
                r..r + 1
            }
            Segment::Mapped { lint, map } => {
                let m = &map[i - lint.start];
                m.start as usize..m.end as usize
            }
        }
    }
}

/// Where the lint text of a message came from.
#[derive(Debug, Clone)]
pub struct MailOrigin {
    /// The raw message with each byte of an invalid UTF-8 sequence shown as `?`, so that it
    /// has exactly the raw length and offsets into it are offsets into the message.
    pub display: String,
    segments: Vec<Segment>,
    /// The lint-text range of the body and how the body was encoded.
    pub body: Range<usize>,
    pub encoding: BodyEncoding,
    /// Whether the body was an HTML part turned into text.
    pub html: bool,
    /// For an HTML body: the decoded HTML, and for each byte of the body text the offset in
    /// it that byte came from (so a note can name the line of the decoded HTML).
    html_source: Option<(String, Vec<u32>)>,
}

impl MailOrigin {
    /// The raw byte range that the lint-text range `r` came from.
    pub fn to_raw(&self, r: &Range<usize>) -> Range<usize> {
        let find = |i: usize| {
            self.segments
                .iter()
                .find(|s| s.lint().contains(&i))
                .map(|s| s.raw_of(i))
        };
        let start =
            find(r.start).or_else(|| r.start.checked_sub(1).and_then(find).map(|x| x.end..x.end));
        let Some(start) = start else {
            return self.display.len()..self.display.len();
        };
        let end = if r.end > r.start {
            find(r.end - 1).map_or(start.end, |x| x.end)
        } else {
            start.start
        };
        start.start..end.max(start.start)
    }

    /// The 1-based line of the decoded body (the decoded HTML for an HTML body) that the
    /// lint-text offset `at` (inside the body) comes from.
    pub fn decoded_line(&self, lint: &str, at: usize) -> usize {
        let rel = at.saturating_sub(self.body.start);
        match &self.html_source {
            Some((html, map)) => {
                let off = map.get(rel).copied().unwrap_or(html.len() as u32) as usize;
                html.get(..off).map_or(1, |h| h.matches('\n').count() + 1)
            }
            None => {
                lint[self.body.start..at.max(self.body.start)]
                    .matches('\n')
                    .count()
                    + 1
            }
        }
    }

    /// True when `r` lies in a body that was transfer-encoded or converted from HTML, so
    /// the raw bytes are not the words themselves.
    pub fn is_decoded(&self, r: &Range<usize>) -> bool {
        (self.encoding != BodyEncoding::Plain || self.html) && self.body.contains(&r.start)
    }
}

/// A message read for linting.
pub struct Mail {
    /// The text the rules see (see the module doc).
    pub lint: String,
    /// Where the body starts in `lint`.
    pub body_start: usize,
    /// The subject value in `lint`, linted like the body by phrase rules.
    pub subject: Option<Range<usize>>,
    /// The `Date:` header's date, in the header's own offset, with its line's range.
    pub date: Option<Field<Date>>,
    pub origin: MailOrigin,
}

/// Header names that mark the start of a message (lowercase).
const KNOWN_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "subject",
    "date",
    "message-id",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "received",
    "return-path",
    "reply-to",
    "in-reply-to",
    "references",
    "sender",
    "delivered-to",
    "x-mailer",
    "user-agent",
];

/// Whether `bytes` start like a mail message: an optional mbox `From ` line, then a block of
/// header fields (with continuation lines) that names at least one well-known header and
/// ends with a blank line or the end of input.
pub fn looks_like_mail(bytes: &[u8]) -> bool {
    let bytes = &bytes[..bytes.len().min(64 * 1024)];
    let mut lines = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let mut first = true;
    let mut known = false;
    let mut fields = 0;
    for line in lines.by_ref() {
        if first && line.starts_with(b"From ") {
            first = false;
            continue;
        }
        if line.is_empty() {
            return fields > 0 && known;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if fields == 0 {
                return false;
            }
            continue;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return false;
        };
        let name = &line[..colon];
        if name.is_empty() || !name.iter().all(|&b| b.is_ascii_graphic()) {
            return false;
        }
        let lower = name.to_ascii_lowercase();
        let lower = std::str::from_utf8(&lower).unwrap_or("");
        known |= KNOWN_HEADERS.contains(&lower);
        fields += 1;
        first = false;
    }
    fields > 0 && known
}

/// The bytes shown for a raw message: the same length, invalid UTF-8 bytes as `?`.
pub fn display(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for _ in chunk.invalid() {
            out.push('?');
        }
    }
    out
}

/// Reads a message; input without any header is all body.
pub fn read(raw: &[u8]) -> Mail {
    // A leading mbox separator line is not a header.
    let skip = if raw.starts_with(b"From ") {
        raw.iter()
            .position(|&b| b == b'\n')
            .map_or(raw.len(), |i| i + 1)
    } else {
        0
    };
    let Some(message) = MessageParser::default().parse(&raw[skip..]) else {
        // No header at all: the whole input is the body.
        let display = display(raw);
        return Mail {
            lint: display.clone(),
            body_start: 0,
            subject: None,
            date: None,
            origin: MailOrigin {
                segments: vec![Segment::Same {
                    lint: 0..display.len(),
                    raw_start: 0,
                }],
                body: 0..display.len(),
                display,
                encoding: BodyEncoding::Plain,
                html: false,
                html_source: None,
            },
        };
    };
    let root = message.root_part();
    let header_end = (skip + root.offset_body as usize).min(raw.len());
    let display = display(raw);
    let mut lint = display[..header_end].to_string();
    let mut segments = vec![Segment::Same {
        lint: 0..header_end,
        raw_start: 0,
    }];

    let mut date = None;
    let mut subject = None;
    let mut subject_text = None;
    for h in &root.headers {
        let value = skip + h.offset_start as usize..(skip + h.offset_end as usize).min(header_end);
        let field_start = skip + h.offset_field as usize;
        match h.name {
            HeaderName::Date => {
                if let Some(dt) = h.value.as_datetime() {
                    if let Ok(d) = Date::new(dt.year as i16, dt.month as i8, dt.day as i8) {
                        let line = trim_range(&display, field_start..value.end);
                        date = Some(Field {
                            value: d,
                            span: line,
                        });
                    }
                }
            }
            HeaderName::Subject if subject.is_none() && subject_text.is_none() => {
                let raw_value = &raw[value.clone()];
                let plain = std::str::from_utf8(raw_value).is_ok()
                    && !raw_value.windows(2).any(|w| w == b"=?");
                if plain {
                    subject = Some(trim_range(&display, value));
                } else if let Some(text) = h.value.as_text() {
                    subject_text = Some((text.to_string(), trim_range(&display, value)));
                }
            }
            _ => {}
        }
    }
    if let Some((text, raw_value)) = subject_text {
        let start = lint.len();
        lint.push_str(&text);
        lint.push_str("\n\n");
        let r = raw_value.start as u32..raw_value.end as u32;
        segments.push(Segment::Mapped {
            lint: start..lint.len(),
            map: vec![r; lint.len() - start],
        });
        subject = Some(start..start + text.len());
    }

    let body_start = lint.len();
    let mut encoding = BodyEncoding::Plain;
    let mut html = false;
    let mut html_source = None;
    let chosen = message
        .text_body
        .iter()
        .chain(&message.html_body)
        .filter_map(|&id| message.part(id))
        .find(|p| matches!(p.body, PartType::Text(_)))
        .or_else(|| {
            message
                .html_body
                .iter()
                .filter_map(|&id| message.part(id))
                .find(|p| matches!(p.body, PartType::Html(_)))
        });
    if let Some(part) = chosen {
        let body_raw = (skip + part.offset_body as usize).min(raw.len())
            ..(skip + part.offset_end as usize).min(raw.len());
        let text = part.text_contents().unwrap_or("");
        encoding = match part.encoding {
            Encoding::None => BodyEncoding::Plain,
            Encoding::QuotedPrintable => BodyEncoding::QuotedPrintable,
            Encoding::Base64 => BodyEncoding::Base64,
        };
        html = matches!(part.body, PartType::Html(_));
        // `format=flowed` needs nothing here: a soft line break is a blank to the matcher, so
        // flowed lines join as written.
        let rawb = &raw[body_raw.clone()];
        if encoding == BodyEncoding::Plain && !html && rawb == text.as_bytes() {
            let start = lint.len();
            lint.push_str(text);
            segments.push(Segment::Same {
                lint: start..lint.len(),
                raw_start: body_raw.start,
            });
        } else {
            let (decoded, dmap) = transfer_decode(rawb, encoding);
            let tmap = text_map(text, &decoded);
            let (body_text, map) = if html {
                let (s, smap) = html_text(text);
                let starts = smap.iter().map(|r| r.start).collect();
                html_source = Some((text.to_string(), starts));
                (s, compose(&smap, &tmap))
            } else {
                (text.to_string(), tmap)
            };
            let map = compose(&map, &dmap)
                .into_iter()
                .map(|r| r.start + body_raw.start as u32..r.end + body_raw.start as u32)
                .collect();
            let start = lint.len();
            lint.push_str(&body_text);
            segments.push(Segment::Mapped {
                lint: start..lint.len(),
                map,
            });
        }
    }
    let body = body_start..lint.len();
    Mail {
        lint,
        body_start,
        subject,
        date,
        origin: MailOrigin {
            display,
            segments,
            body,
            encoding,
            html,
            html_source,
        },
    }
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start + s.trim_end().len();
    start..end.max(start)
}

/// Undoes the transfer encoding, with the raw range (relative to `raw`) of every decoded
/// byte. Quoted-printable is decoded here only to learn the positions; the result is
/// checked against the crate's text and the map falls back to whole lines when they differ.
fn transfer_decode(raw: &[u8], encoding: BodyEncoding) -> (Vec<u8>, Vec<Range<u32>>) {
    match encoding {
        BodyEncoding::Plain => (
            raw.to_vec(),
            (0..raw.len() as u32).map(|i| i..i + 1).collect(),
        ),
        BodyEncoding::QuotedPrintable => qp_decode(raw),
        BodyEncoding::Base64 => {
            let decoded = base64_decode(raw).unwrap_or_default();
            let digits: Vec<u32> = raw
                .iter()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/'))
                .map(|(i, _)| i as u32)
                .collect();
            let whole = 0..raw.len() as u32;
            let map = (0..decoded.len())
                .map(|k| {
                    // Byte k of a group of three is carried by digits k and k+1 of its four.
                    let d = 4 * (k / 3) + k % 3;
                    match (digits.get(d), digits.get(d + 1)) {
                        (Some(&a), Some(&b)) => a..b + 1,
                        _ => whole.clone(),
                    }
                })
                .collect();
            (decoded, map)
        }
    }
}

fn qp_decode(raw: &[u8]) -> (Vec<u8>, Vec<Range<u32>>) {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(raw.len());
    let mut map: Vec<Range<u32>> = Vec::with_capacity(raw.len());
    let mut trailing_ws = 0;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b == b'=' {
            if let (Some(h), Some(l)) = (
                raw.get(i + 1).copied().and_then(hex),
                raw.get(i + 2).copied().and_then(hex),
            ) {
                out.push((h * 16 + l) as u8);
                map.push(i as u32..i as u32 + 3);
                trailing_ws = 0;
                i += 3;
                continue;
            }
            // A soft line break: "=", optional blanks, then the line end.
            let mut j = i + 1;
            while j < raw.len() && matches!(raw[j], b' ' | b'\t') {
                j += 1;
            }
            if raw.get(j) == Some(&b'\r') {
                j += 1;
            }
            if j >= raw.len() || raw[j] == b'\n' {
                i = (j + 1).min(raw.len());
                continue;
            }
        }
        if b == b'\n' || (b == b'\r' && raw.get(i + 1) == Some(&b'\n')) {
            // Blanks at the end of an encoded line are padding.
            out.truncate(out.len() - trailing_ws);
            map.truncate(map.len() - trailing_ws);
            trailing_ws = 0;
        } else if b == b' ' || b == b'\t' {
            trailing_ws += 1;
        } else {
            trailing_ws = 0;
        }
        out.push(b);
        map.push(i as u32..i as u32 + 1);
        i += 1;
    }
    (out, map)
}

/// Maps each byte of `text` (the crate's decoded, charset-converted body) to a range of
/// `decoded` (the transfer-decoded bytes): byte for byte when they are equal, character for
/// byte for single-byte charsets, line for line otherwise, and the whole body at worst.
fn text_map(text: &str, decoded: &[u8]) -> Vec<Range<u32>> {
    let whole = 0..decoded.len() as u32;
    if decoded.starts_with(text.as_bytes()) {
        return (0..text.len() as u32).map(|i| i..i + 1).collect();
    }
    let mut map = Vec::with_capacity(text.len());
    if text.chars().count() == decoded.len() {
        for (i, c) in text.chars().enumerate() {
            map.extend(std::iter::repeat_n(i as u32..i as u32 + 1, c.len_utf8()));
        }
        return map;
    }
    let text_lines: Vec<&str> = text.split('\n').collect();
    let raw_lines: Vec<Range<u32>> = {
        let mut v = Vec::new();
        let mut s = 0;
        for (i, &b) in decoded.iter().enumerate() {
            if b == b'\n' {
                v.push(s as u32..i as u32);
                s = i + 1;
            }
        }
        v.push(s as u32..decoded.len() as u32);
        v
    };
    if text_lines.len() == raw_lines.len() {
        for (k, line) in text_lines.iter().enumerate() {
            let r = raw_lines[k].clone();
            map.extend(std::iter::repeat_n(r.clone(), line.len()));
            if k + 1 < text_lines.len() {
                map.push(r.end..r.end + 1);
            }
        }
        return map;
    }
    vec![whole; text.len()]
}

/// Composes two maps: `outer` maps into the coordinates `inner` maps from.
fn compose(outer: &[Range<u32>], inner: &[Range<u32>]) -> Vec<Range<u32>> {
    let at = |i: u32| -> Range<u32> {
        inner
            .get(i as usize)
            .cloned()
            .or_else(|| inner.last().map(|l| l.end..l.end))
            .unwrap_or(0..0)
    };
    outer
        .iter()
        .map(|r| {
            let s = at(r.start);
            if r.end <= r.start {
                s.start..s.start
            } else {
                s.start..at(r.end - 1).end.max(s.start)
            }
        })
        .collect()
}

/// The text of an HTML body: tags dropped (block tags become line breaks), entities
/// decoded, scripts, styles and `<blockquote>` quotes left out, with the range of the HTML
/// each text byte came from.
fn html_text(html: &str) -> (String, Vec<Range<u32>>) {
    let b = html.as_bytes();
    // ASCII lowercasing keeps every offset, so closing tags are found in this copy.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut map: Vec<Range<u32>> = Vec::with_capacity(html.len());
    let mut quote_depth = 0usize;
    let mut i = 0;
    let push = |out: &mut String, map: &mut Vec<Range<u32>>, s: &str, r: Range<usize>| {
        out.push_str(s);
        map.extend(std::iter::repeat_n(r.start as u32..r.end as u32, s.len()));
    };
    while i < b.len() {
        if b[i] == b'<' {
            if html[i..].starts_with("<!--") {
                i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
                continue;
            }
            let end = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
            let tag = &html[i + 1..end.saturating_sub(1).max(i + 1)];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            match name.as_str() {
                "script" | "style" | "head" | "title" if !closing => {
                    let close = format!("</{name}");
                    i = lower[end..].find(&close).map_or(b.len(), |e| end + e);
                    continue;
                }
                "blockquote" => {
                    quote_depth = if closing {
                        quote_depth.saturating_sub(1)
                    } else {
                        quote_depth + 1
                    };
                    push(&mut out, &mut map, "\n", i..end);
                }
                "p" | "div" | "br" | "li" | "tr" | "table" | "ul" | "ol" | "h1" | "h2" | "h3"
                | "h4" | "h5" | "h6" | "hr" | "pre" => {
                    let s = if name == "br" { "\n" } else { "\n\n" };
                    push(&mut out, &mut map, s, i..end);
                }
                _ => {}
            }
            i = end;
            continue;
        }
        let ch_len = html[i..].chars().next().map_or(1, char::len_utf8);
        if quote_depth > 0 {
            i += ch_len;
            continue;
        }
        if b[i] == b'&' {
            if let Some(semi) = html[i..].find(';').filter(|&e| e <= 10) {
                let token = &b[i..=i + semi];
                let mut s = String::new();
                add_html_token(&mut s, token, false);
                if s.as_bytes() != token {
                    let s = if s == "\u{a0}" { " ".to_string() } else { s };
                    push(&mut out, &mut map, &s, i..i + semi + 1);
                    i += semi + 1;
                    continue;
                }
            }
        }
        if b[i] == b'\n' || b[i] == b'\r' || b[i] == b'\t' {
            push(&mut out, &mut map, " ", i..i + 1);
        } else {
            push(&mut out, &mut map, &html[i..i + ch_len], i..i + ch_len);
        }
        i += ch_len;
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_headers() {
        assert!(looks_like_mail(b"From: a@b.c\nSubject: hi\n\nbody"));
        assert!(looks_like_mail(
            b"From a@b.c Tue Nov  3 09:12:00 2026\nSubject: hi\r\n\r\nbody"
        ));
        assert!(looks_like_mail(b"Subject: hi\n  folded\n\nbody"));
        assert!(!looks_like_mail(b"Hi Jane,\n\nI hope"));
        assert!(!looks_like_mail(b"Note: I am writing\nabout the role.\n"));
        assert!(!looks_like_mail(b"Re: the role\n\nHi"));
        assert!(!looks_like_mail(b"---\nrole: x\n---\n"));
    }

    #[test]
    fn plain_body_maps_to_itself() {
        let raw = b"Subject: Still waiting\r\nDate: Tue, 1 Dec 2026 09:00:00 -0800\r\n\r\nHi Jane,\r\nI never heard back.\r\n";
        let m = read(raw);
        assert_eq!(m.lint.as_bytes(), &raw[..]);
        assert_eq!(&m.lint[m.subject.clone().unwrap()], "Still waiting");
        let d = m.date.unwrap();
        assert_eq!(d.value, Date::new(2026, 12, 1).unwrap());
        assert!(m.lint[d.span].starts_with("Date: Tue"));
        let at = m.lint.find("never").unwrap();
        assert_eq!(m.origin.to_raw(&(at..at + 5)), at..at + 5);
    }

    #[test]
    fn quoted_printable_maps_to_raw_bytes() {
        let raw = "Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nI didn=E2=80=99t hear back, caf=C3=A9 a long line that wra=\r\nps here.\r\n";
        let m = read(raw.as_bytes());
        let body = &m.lint[m.body_start..];
        assert!(body.contains("I didn’t hear back, café"), "{body}");
        assert!(body.contains("wraps here"));
        let at = m.lint.find("didn’t").unwrap();
        let r = m.origin.to_raw(&(at..at + "didn’t".len()));
        assert_eq!(&raw[r], "didn=E2=80=99t");
        let at = m.lint.find("wraps").unwrap();
        let r = m.origin.to_raw(&(at..at + 5));
        assert_eq!(&raw[r], "wra=\r\nps");
    }

    #[test]
    fn base64_maps_into_the_encoded_lines() {
        let raw = "Subject: x\nContent-Transfer-Encoding: base64\n\nSGkgSmFuZSwKSSBuZXZlciBoZWFyZCBiYWNrLgo=\n";
        let m = read(raw.as_bytes());
        assert!(m.lint[m.body_start..].contains("I never heard back."));
        let at = m.lint.find("never").unwrap();
        let r = m.origin.to_raw(&(at..at + 5));
        assert!(
            r.start >= raw.find("SGk").unwrap() && r.end <= raw.len(),
            "{r:?}"
        );
        assert_eq!(m.origin.encoding, BodyEncoding::Base64);
    }

    #[test]
    fn encoded_subject_and_latin1_body() {
        let raw = b"Subject: =?UTF-8?Q?Still_waiting_=E2=80=94_analyst?=\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\nCaf\xe9 talk. I never heard back.\n".to_vec();
        let m = read(&raw);
        assert_eq!(
            &m.lint[m.subject.clone().unwrap()],
            "Still waiting — analyst"
        );
        let at = m.lint.find("never").unwrap();
        let r = m.origin.to_raw(&(at..at + 5));
        assert_eq!(&raw[r], b"never");
        assert_eq!(m.origin.display.len(), raw.len());
    }

    #[test]
    fn html_only_bodies_are_read_as_text() {
        let raw = "Subject: x\nContent-Type: text/html\n\n<html><head><style>p{}</style></head><body><p>Hi Jane,</p><p>I didn&#39;t hear back &amp; wonder.</p><blockquote>I never replied</blockquote></body></html>\n";
        let m = read(raw.as_bytes());
        let body = &m.lint[m.body_start..];
        assert!(body.contains("I didn't hear back & wonder."), "{body}");
        assert!(!body.contains("never replied"));
        assert!(!body.contains("p{}"));
        let at = m.lint.find("didn't").unwrap();
        let r = m.origin.to_raw(&(at..at + 6));
        assert_eq!(&raw[r], "didn&#39;t");
    }

    #[test]
    fn alternative_prefers_plain() {
        let raw = "Subject: x\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\nplain words\n--b\nContent-Type: text/html\n\n<p>html words</p>\n--b--\n";
        let m = read(raw.as_bytes());
        let body = &m.lint[m.body_start..];
        assert!(
            body.contains("plain words") && !body.contains("html words"),
            "{body}"
        );
        let at = m.lint.find("plain").unwrap();
        assert_eq!(&raw[m.origin.to_raw(&(at..at + 5))], "plain");
    }
}
