//! RFC 5322 / MIME messages: `.eml` files, a leading mbox `From ` line, or any text that
//! starts with mail headers. The mail-parser crate reads the headers and the MIME
//! structure; this module chooses what to lint, decodes it, and keeps an offset map from
//! the decoded text back to the raw bytes.
//!
//! Every part the recipient may see is read: each inline `text/plain` and `text/html`
//! part, both halves of a `multipart/alternative`, parts after attachments, and the parts
//! of a malformed multipart the way mail clients read them (no closing boundary, no
//! `boundary=` parameter). Forwarded messages and attachments are not the author's words.
//! Transfer encodings and charsets are undone here, part by part: every charset
//! mail-parser knows (with encoding_rs for the East Asian ones), UTF-16 with or without a
//! byte-order mark, and 8-bit text that is not UTF-8 read as windows-1252, as mail clients
//! do. A part that cannot be read (an unknown charset over 8-bit bytes, base64 that does
//! not decode, binary bytes) is reported, never passed over in silence.
//!
//! The text handed to the rules is the raw top-level header block (hidden, but kept so the
//! `Date:` line and an unencoded `Subject:` keep their raw offsets), then the decoded subject
//! when it was encoded, then each visible text part (the one read first leading), separated
//! by blank lines. Every byte of that text maps to a byte range of the message as read.

use std::borrow::Cow;
use std::ops::Range;

use jiff::civil::Date;
use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::decoders::{base64::base64_decode, html::add_html_token};
use mail_parser::{HeaderName, Message, MessageParser, MessagePart, MimeHeaders, PartType};

use super::frontmatter::Field;

/// How a part's text was carried in the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    /// 7bit, 8bit or binary: spans point at the very bytes.
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

/// A text part the recipient sees, as it stands in the lint text.
#[derive(Debug, Clone)]
pub struct TextPart {
    /// Its range of the lint text.
    pub lint: Range<usize>,
    pub encoding: BodyEncoding,
    /// Whether it was HTML, turned into text.
    pub html: bool,
    /// The charset its bytes were converted from, when they were not UTF-8.
    pub charset: Option<String>,
    /// Its place among the message's visible text parts, from 1, in message order.
    pub number: usize,
    /// For a half of a `multipart/alternative` other than the one read first: the index
    /// (in [`MailOrigin::parts`]) of that one. Its findings are reported only where they
    /// differ.
    pub alternative_of: Option<usize>,
    /// For an HTML part: for each byte of its text the offset in the decoded HTML that
    /// byte came from (so a note can name the line of the decoded HTML).
    html_source: Option<Vec<u32>>,
    /// Where the line breaks of the decoded text are (of the decoded HTML for an HTML part;
    /// else relative to the start of `lint`).
    newlines: Vec<u32>,
}

impl TextPart {
    /// True when the raw bytes are the words themselves.
    fn verbatim(&self) -> bool {
        self.encoding == BodyEncoding::Plain && !self.html && self.charset.is_none()
    }

    /// How the part was written, for a note: "the quoted-printable HTML part 2".
    fn describe(&self, only: bool) -> String {
        let mut how = Vec::new();
        if self.encoding != BodyEncoding::Plain {
            how.push(self.encoding.name().to_string());
        }
        if let Some(c) = &self.charset {
            how.push(c.clone());
        }
        if self.html {
            how.push("HTML".into());
        }
        let how = how.join(" ");
        let sep = if how.is_empty() { "" } else { " " };
        if only {
            format!("the {how}{sep}body")
        } else if self.alternative_of.is_some() {
            format!("the {how}{sep}alternative (text part {})", self.number)
        } else {
            format!("the {how}{sep}text part {}", self.number)
        }
    }
}

/// Where the lint text of a message came from.
#[derive(Debug, Clone)]
pub struct MailOrigin {
    /// The raw message with each byte of an invalid UTF-8 sequence shown as `?` and each
    /// lone carriage return as a line break, so that it has exactly the raw length and
    /// offsets into it are offsets into the message.
    pub display: String,
    segments: Vec<Segment>,
    /// The visible text parts, the one read first leading.
    pub parts: Vec<TextPart>,
}

impl MailOrigin {
    /// The raw byte range that the lint-text range `r` came from.
    pub fn to_raw(&self, r: &Range<usize>) -> Range<usize> {
        let find = |i: usize| {
            let k = self.segments.partition_point(|s| s.lint().end <= i);
            self.segments
                .get(k)
                .filter(|s| s.lint().contains(&i))
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
        // Bytes read in a single-byte charset may be part of a UTF-8 sequence as shown:
        // widen to whole characters of the shown text.
        let mut from = start.start.min(self.display.len());
        while !self.display.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = end.max(start.start).min(self.display.len());
        while !self.display.is_char_boundary(to) {
            to += 1;
        }
        from..to
    }

    /// The index of the text part holding lint-text offset `at`.
    pub fn part_at(&self, at: usize) -> Option<usize> {
        // The parts are in lint-text order.
        let k = self.parts.partition_point(|p| p.lint.end <= at);
        self.parts
            .get(k)
            .filter(|p| p.lint.contains(&at))
            .map(|_| k)
    }

    /// What a finding at lint-text range `r` needs said about where its words really are,
    /// and the words themselves when the raw bytes there are not them: the part, and the
    /// line of its decoded text. Nothing for words as they stand in the part read first.
    pub fn describe(&self, lint: &str, r: &Range<usize>) -> (Option<String>, Option<String>) {
        let Some(k) = self.part_at(r.start) else {
            return (None, None);
        };
        let part = &self.parts[k];
        let raw = self.to_raw(r);
        let as_written = part.verbatim() || self.display.get(raw) == lint.get(r.clone());
        if as_written && k == 0 {
            return (None, None);
        }
        let where_ = part.describe(self.parts.len() == 1);
        if as_written {
            return (Some(format!("in {where_} of the message")), None);
        }
        let line = self.decoded_line(part, r.start);
        let words = lint[r.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let note =
            format!("in {where_}: line {line} of the decoded text reads \u{201c}{words}\u{201d}");
        (Some(note), Some(words))
    }

    /// The 1-based line of the decoded part (the decoded HTML for an HTML part) that the
    /// lint-text offset `at` comes from.
    fn decoded_line(&self, part: &TextPart, at: usize) -> usize {
        let rel = at.saturating_sub(part.lint.start);
        let off = match &part.html_source {
            Some(map) => map.get(rel).copied().unwrap_or(u32::MAX),
            None => rel as u32,
        };
        part.newlines.partition_point(|&n| n < off) + 1
    }
}

/// A part meant for the recipient that tactful cannot read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The part's bytes in the raw message.
    pub span: Range<usize>,
    /// Which part, and why: "text part 2 (text/plain; charset=x-klingon) is in a charset
    /// tactful cannot read".
    pub reason: String,
}

/// Someone a message is from or to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub name: Option<String>,
    /// Lowercase.
    pub address: Option<String>,
}

/// The people of a message's headers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    pub from: Option<Person>,
    /// `To:` then `Cc:`.
    pub to: Vec<Person>,
    /// The `To:` line, in the lint text.
    pub to_line: Option<Range<usize>>,
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
    /// Who the message is from, and who it is to (`To:` then `Cc:`), with the `To:` line.
    pub people: People,
    pub origin: MailOrigin,
    /// Parts meant for the recipient that could not be read.
    pub unreadable: Vec<Unreadable>,
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

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How many bytes at the start of a message are neither header nor body: a UTF-8
/// byte-order mark, then an mbox `From ` separator line.
fn preamble_len(bytes: &[u8]) -> usize {
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let rest = &bytes[bom..];
    if rest.starts_with(b"From ") {
        bom + rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(rest.len(), |i| {
                i + 1 + usize::from(rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n'))
            })
    } else {
        bom
    }
}

/// The message with each lone carriage return made a line feed, when lone carriage
/// returns are how its lines end (old Mac mail): one byte for one, so every offset holds.
pub fn line_feeds(bytes: &[u8]) -> Cow<'_, [u8]> {
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    let lone_crs = (0..bytes.len()).filter(|&i| lone(i)).count();
    let lfs = bytes.iter().filter(|&&b| b == b'\n').count();
    if lone_crs == 0 || lone_crs <= lfs {
        return Cow::Borrowed(bytes);
    }
    let mut out = bytes.to_vec();
    for (i, b) in out.iter_mut().enumerate() {
        if *b == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            *b = b'\n';
        }
    }
    Cow::Owned(out)
}

/// Whether `bytes` start like a mail message: an optional byte-order mark and mbox `From `
/// line, then a block of header fields (with continuation lines) that names at least one
/// well-known header and ends with a blank line or the end of input. A stray line without a
/// colon (a continuation that lost its indent) is tolerated among enough real fields, as
/// mail readers tolerate it. The guard and `check` both decide by this.
pub fn looks_like_mail(bytes: &[u8]) -> bool {
    let bytes = &bytes[..bytes.len().min(64 * 1024)];
    let bytes = line_feeds(bytes);
    let bytes = &bytes[preamble_len(&bytes)..];
    let mut fields = 0;
    let mut known = false;
    let mut stray = 0;
    let mut ended = false;
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            ended = true;
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if n == 0 {
                return false;
            }
            continue;
        }
        let name = line
            .iter()
            .position(|&b| b == b':')
            .map(|colon| &line[..colon])
            .filter(|name| !name.is_empty() && name.iter().all(u8::is_ascii_graphic));
        match name {
            Some(name) => {
                let lower = name.to_ascii_lowercase();
                known |= std::str::from_utf8(&lower).is_ok_and(|l| KNOWN_HEADERS.contains(&l));
                fields += 1;
            }
            None if n == 0 => return false,
            None => stray += 1,
        }
    }
    known && fields > 0 && (stray == 0 || (ended && stray * 3 <= fields))
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
    let norm = line_feeds(raw);
    let norm: &[u8] = &norm;
    let display = display(norm);
    let skip = preamble_len(norm);
    // The parser must not take tactful down with it: should it panic on some input (its
    // own debug assertions do on a few malformed nestings), the message is unreadable.
    let parsed = std::panic::catch_unwind(|| MessageParser::default().parse(&norm[skip..]));
    let broken = parsed.is_err();
    let Some(message) = parsed.ok().flatten() else {
        // No header at all: the whole input is the body.
        let lint = display.clone();
        let len = lint.len();
        return Mail {
            lint,
            body_start: 0,
            subject: None,
            date: None,
            people: People::default(),
            origin: MailOrigin {
                segments: vec![Segment::Same {
                    lint: 0..len,
                    raw_start: 0,
                }],
                parts: vec![TextPart {
                    lint: 0..len,
                    encoding: BodyEncoding::Plain,
                    html: false,
                    charset: None,
                    number: 1,
                    alternative_of: None,
                    html_source: None,
                    newlines: Vec::new(),
                }],
                display,
            },
            unreadable: if broken {
                vec![Unreadable {
                    span: 0..len,
                    reason: "the MIME structure of the message cannot be read".into(),
                }]
            } else {
                Vec::new()
            },
        };
    };
    let root = message.root_part();
    let header_end = (skip + root.offset_body as usize).min(norm.len());
    let mut lint = display[..header_end].to_string();
    let mut segments = vec![Segment::Same {
        lint: 0..header_end,
        raw_start: 0,
    }];

    let mut date = None;
    let mut people = People::default();
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
            HeaderName::From | HeaderName::To | HeaderName::Cc => {
                let list: Vec<Person> = h
                    .value
                    .as_address()
                    .map(|a| {
                        a.iter()
                            .map(|p| Person {
                                name: p.name().map(str::to_string),
                                address: p.address().map(str::to_ascii_lowercase),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                match h.name {
                    HeaderName::From => people.from = list.into_iter().next(),
                    HeaderName::To => {
                        people.to_line = Some(trim_range(&display, field_start..value.end));
                        people.to.extend(list);
                    }
                    _ => people.to.extend(list),
                }
            }
            HeaderName::Subject if subject.is_none() && subject_text.is_none() => {
                let raw_value = &norm[value.clone()];
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
    let mut parts: Vec<TextPart> = Vec::new();
    let mut unreadable = Vec::new();
    let visible = visible_parts(&message);
    // The part read first leads the lint text (the opening and the order of things are
    // judged in it); the rest follow in message order.
    let order = reading_order(&visible);
    // Where each part stands in the lint text.
    let mut position = vec![0; order.len()];
    for (at, &k) in order.iter().enumerate() {
        position[k] = at;
    }
    for &k in &order {
        let v = &visible[k];
        let part = v.part;
        let body = (skip + part.offset_body as usize).min(norm.len())
            ..(skip + part.offset_end as usize).min(norm.len());
        let read = read_part(&norm[body.clone()], part, v.html);
        if let Some(problem) = read.problem {
            unreadable.push(Unreadable {
                span: trim_range(&display, body.clone()),
                reason: format!("text part {} ({}) {problem}", k + 1, v.describe()),
            });
        }
        if !parts.is_empty() {
            // A blank line between parts, so no phrase reads across them.
            let at = lint.len();
            lint.push_str("\n\n");
            let end = body.start as u32;
            segments.push(Segment::Mapped {
                lint: at..lint.len(),
                map: vec![end..end; 2],
            });
        }
        let start = lint.len();
        lint.push_str(&read.text);
        let newlines = if read.html_source.is_some() {
            read.newlines
        } else {
            newlines(&read.text)
        };
        match read.map {
            None => segments.push(Segment::Same {
                lint: start..lint.len(),
                raw_start: body.start,
            }),
            Some(map) => segments.push(Segment::Mapped {
                lint: start..lint.len(),
                map: map
                    .into_iter()
                    .map(|r| r.start + body.start as u32..r.end + body.start as u32)
                    .collect(),
            }),
        }
        parts.push(TextPart {
            lint: start..lint.len(),
            encoding: read.encoding,
            html: v.html,
            charset: read.charset,
            number: k + 1,
            alternative_of: v.alternative_of.map(|lead| position[lead]),
            html_source: read.html_source,
            newlines,
        });
    }
    unreadable.sort_by_key(|u| u.span.start);
    Mail {
        lint,
        body_start,
        subject,
        date,
        people,
        origin: MailOrigin {
            display,
            segments,
            parts,
        },
        unreadable,
    }
}

/// A text part the recipient may see, found in the MIME tree.
struct Visible<'a> {
    part: &'a MessagePart<'a>,
    html: bool,
    /// Which `multipart/alternative` it is a half of, and which half.
    group: Option<(usize, usize)>,
    /// Filled in once all parts are known: see [`TextPart::alternative_of`].
    alternative_of: Option<usize>,
}

impl Visible<'_> {
    /// "text/plain; charset=x-klingon"
    fn describe(&self) -> String {
        let ct = self.part.content_type();
        let mut s = ct.map_or("text/plain".to_string(), |c| {
            format!("{}/{}", c.ctype(), c.subtype().unwrap_or(""))
        });
        if let Some(cs) = ct.and_then(|c| c.attribute("charset")) {
            s.push_str(&format!("; charset={cs}"));
        }
        s
    }
}

/// Every text part of `message` a recipient may see, in message order: inline text and
/// HTML parts at any depth, not attachments, not the insides of forwarded messages.
fn visible_parts<'a>(message: &'a Message<'a>) -> Vec<Visible<'a>> {
    let mut out = Vec::new();
    let mut groups = 0;
    walk(message, 0, None, &mut groups, &mut out, 0);
    // In each alternative, the plain half is read first (else the first half); the other
    // halves point at it.
    let mut by_group: Vec<Vec<usize>> = vec![Vec::new(); groups];
    for (i, v) in out.iter().enumerate() {
        if let Some((g, _)) = v.group {
            by_group[g].push(i);
        }
    }
    for members in by_group {
        let lead = members
            .iter()
            .copied()
            .find(|&i| !out[i].html)
            .or(members.first().copied());
        if let Some(lead) = lead {
            for &i in &members {
                if i != lead && out[i].group.map(|x| x.1) != out[lead].group.map(|x| x.1) {
                    out[i].alternative_of = Some(lead);
                }
            }
        }
    }
    out
}

/// MIME nesting deeper than this is not followed (mail-parser itself stops sooner).
const MAX_DEPTH: usize = 64;

fn walk<'a>(
    message: &'a Message<'a>,
    id: u32,
    group: Option<(usize, usize)>,
    groups: &mut usize,
    out: &mut Vec<Visible<'a>>,
    depth: usize,
) {
    let Some(part) = message.part(id) else {
        return;
    };
    if depth > MAX_DEPTH {
        return;
    }
    match &part.body {
        PartType::Multipart(children) => {
            let alternative = part
                .content_type()
                .and_then(|c| c.subtype())
                .is_some_and(|s| s.eq_ignore_ascii_case("alternative"));
            let group = if alternative {
                *groups += 1;
                None
            } else {
                group
            };
            for (half, &child) in children.iter().enumerate() {
                let g = if alternative {
                    Some((*groups - 1, half))
                } else {
                    group
                };
                walk(message, child, g, groups, out, depth + 1);
            }
        }
        // A multipart without a `boundary=` comes as bytes; clients show them as text.
        PartType::Text(_) | PartType::Html(_) | PartType::Binary(_) | PartType::InlineBinary(_) => {
            let multipart = part
                .content_type()
                .is_some_and(|c| c.ctype().eq_ignore_ascii_case("multipart"));
            if matches!(part.body, PartType::Binary(_) | PartType::InlineBinary(_)) && !multipart {
                return;
            }
            if let Some(html) = shown_as_text(part) {
                out.push(Visible {
                    part,
                    html,
                    group,
                    alternative_of: None,
                });
            }
        }
        // Forwarded messages are someone else's words.
        PartType::Message(_) => {}
    }
}

/// Whether a text part is shown to the recipient as text: `Some(true)` for HTML,
/// `Some(false)` for plain text (also a part without a Content-Type, and a multipart whose
/// boundary is missing, which clients show as it is), `None` for attachments and other
/// kinds of text (calendars, vCards, CSV).
fn shown_as_text(part: &MessagePart) -> Option<bool> {
    if part
        .content_disposition()
        .is_some_and(|d| d.ctype().eq_ignore_ascii_case("attachment"))
    {
        return None;
    }
    let Some(ct) = part.content_type() else {
        return Some(false);
    };
    let sub = ct.subtype().unwrap_or("").to_ascii_lowercase();
    match ct.ctype().to_ascii_lowercase().as_str() {
        "text" if sub == "html" => Some(true),
        "text" if sub == "plain" || sub.is_empty() => Some(false),
        "multipart" => Some(false),
        _ => None,
    }
}

/// The order of the visible parts in the lint text: the part read first (the first plain
/// part that is not the other half of an alternative, else the first part), then the rest.
fn reading_order(visible: &[Visible]) -> Vec<usize> {
    let first = visible
        .iter()
        .position(|v| !v.html && v.alternative_of.is_none())
        .unwrap_or(0);
    let mut order = vec![first];
    order.extend((0..visible.len()).filter(|&i| i != first));
    order.truncate(visible.len());
    order
}

/// One part decoded.
struct PartText {
    text: String,
    /// For each byte of `text`, the range of the part's raw body it came from; `None` when
    /// the text is the raw body itself.
    map: Option<Vec<Range<u32>>>,
    encoding: BodyEncoding,
    charset: Option<String>,
    html_source: Option<Vec<u32>>,
    /// For an HTML part: where the line breaks of the decoded HTML are.
    newlines: Vec<u32>,
    /// Why the part cannot be read, if it cannot.
    problem: Option<String>,
}

/// Decodes one part's raw body: transfer encoding, charset, HTML.
fn read_part(raw: &[u8], part: &MessagePart, html: bool) -> PartText {
    let encoding = match part
        .content_transfer_encoding()
        .map(|e| e.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("quoted-printable") => BodyEncoding::QuotedPrintable,
        Some("base64") => BodyEncoding::Base64,
        _ => BodyEncoding::Plain,
    };
    let mut problem = None;
    let (decoded, dmap) = match transfer_decode(raw, encoding) {
        Some(d) => d,
        None => {
            return PartText {
                text: String::new(),
                map: Some(Vec::new()),
                encoding,
                charset: None,
                html_source: None,
                newlines: Vec::new(),
                problem: Some("is base64 that does not decode".into()),
            }
        }
    };
    let declared = part
        .content_type()
        .and_then(|c| c.attribute("charset"))
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase());
    let (text, tmap, charset) = decode_charset(&decoded, declared.as_deref(), &mut problem);
    if problem.is_none() {
        problem = binary_problem(&text);
    }
    // Maps that are the identity are `None` and never built: a large plain part costs no
    // map at all, and a large HTML part only its own.
    let mut html_newlines = Vec::new();
    let (text, map, html_source) = if html {
        let (s, smap) = html_text(&text);
        let starts = smap.iter().map(|r| r.start).collect();
        let map = then(then(smap, tmap.as_deref()), dmap.as_deref());
        html_newlines = newlines(&text);
        (s, Some(map), Some(starts))
    } else {
        let map = match (tmap, dmap) {
            (None, None) => None,
            (Some(t), d) => Some(then(t, d.as_deref())),
            (None, Some(d)) => Some(d),
        };
        (text, map, None)
    };
    PartText {
        text,
        map,
        encoding,
        charset,
        html_source,
        newlines: html_newlines,
        problem,
    }
}

/// Where the line breaks of `text` are.
fn newlines(text: &str) -> Vec<u32> {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i as u32)
        .collect()
}

/// For each byte of a text, the range of another it came from.
type ByteMap = Vec<Range<u32>>;

/// `outer` followed by `inner` (see [`compose`]); an absent `inner` is the identity.
fn then(outer: ByteMap, inner: Option<&[Range<u32>]>) -> ByteMap {
    match inner {
        Some(inner) => compose(&outer, inner),
        None => outer,
    }
}

/// Charset labels that mean UTF-8 or its ASCII subset.
const UTF8_LABELS: &[&str] = &["utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968"];

/// The text of `bytes` in `charset`, with the byte range of `bytes` each text byte came
/// from (`None` when the text is `bytes` as they stand) and the charset converted from.
/// Bytes that are not UTF-8 under a UTF-8 (or no) label are read as windows-1252, as mail
/// clients read them; an unknown charset over 8-bit bytes sets `problem`.
fn decode_charset(
    bytes: &[u8],
    charset: Option<&str>,
    problem: &mut Option<String>,
) -> (String, Option<Vec<Range<u32>>>, Option<String>) {
    // A UTF-16 byte-order mark says what the bytes are, whatever the label (or none) says.
    let bom16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let charset = match charset {
        None if bom16 => Some("utf-16"),
        Some(c) if bom16 && UTF8_LABELS.contains(&c) => Some("utf-16"),
        other => other,
    };
    if let Some(cs) = charset.filter(|c| c.starts_with("utf-16") || *c == "ucs-2") {
        let (text, map, bad) = utf16(bytes, cs);
        if let Some(b) = bad {
            *problem = Some(b);
        }
        return (text, Some(map), Some(cs.to_string()));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if charset.is_none_or(|c| UTF8_LABELS.contains(&c)) || bytes.is_ascii() {
            return (s.to_string(), None, None);
        }
    }
    let cp1252 = |bytes: &[u8]| {
        let decode = charset_decoder(b"windows-1252").expect("mail-parser knows windows-1252");
        let text = decode(bytes);
        let map = text_map(&text, bytes);
        (text, Some(map))
    };
    match charset {
        None => {
            let (t, m) = cp1252(bytes);
            (t, m, Some("windows-1252".into()))
        }
        Some(c) if UTF8_LABELS.contains(&c) => {
            let (t, m) = cp1252(bytes);
            (t, m, Some("windows-1252".into()))
        }
        Some(c) => match charset_decoder(c.as_bytes()) {
            Some(decode) => {
                let text = decode(bytes);
                let map = text_map(&text, bytes);
                (text, Some(map), Some(c.to_string()))
            }
            None => {
                if let Ok(s) = std::str::from_utf8(bytes) {
                    // An unknown label over valid UTF-8 is UTF-8 in all but name.
                    return (s.to_string(), None, None);
                }
                *problem = Some(format!("is in a charset tactful cannot read (`{c}`)"));
                let (t, m) = cp1252(bytes);
                (t, m, Some(c.to_string()))
            }
        },
    }
}

/// UTF-16 text, in the byte order its byte-order mark gives, else the one its label
/// names, else the one its zero bytes show (text in Latin letters has a zero in every
/// other byte). Returns the text, the byte range each text byte came from, and what is
/// wrong with it, if anything.
pub(super) fn utf16(bytes: &[u8], label: &str) -> (String, Vec<Range<u32>>, Option<String>) {
    let (big, skip) = match bytes {
        [0xFF, 0xFE, ..] => (false, 2),
        [0xFE, 0xFF, ..] => (true, 2),
        _ if label.ends_with("le") => (false, 0),
        _ if label.ends_with("be") => (true, 0),
        _ => {
            let sample = &bytes[..bytes.len().min(4096)];
            let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
            let zeros_odd = sample
                .iter()
                .skip(1)
                .step_by(2)
                .filter(|&&b| b == 0)
                .count();
            (zeros_even >= zeros_odd, 0)
        }
    };
    let body = &bytes[skip..];
    let units = body.chunks_exact(2).map(|p| {
        if big {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(body.len());
    let mut map = Vec::with_capacity(body.len());
    let mut at = skip as u32;
    let mut bad = 0;
    for c in char::decode_utf16(units) {
        let (c, units) = match c {
            Ok(c) => (c, c.len_utf16() as u32),
            Err(_) => {
                bad += 1;
                ('\u{FFFD}', 1)
            }
        };
        text.push(c);
        map.extend(std::iter::repeat_n(at..at + 2 * units, c.len_utf8()));
        at += 2 * units;
    }
    let problem = if body.len() % 2 == 1 {
        Some("is UTF-16 with an odd number of bytes".to_string())
    } else if bad * 50 > text.len().max(1) {
        Some("is not valid UTF-16".to_string())
    } else {
        None
    };
    (text, map, problem)
}

/// Why decoded text is not text at all: NUL bytes, or many control characters or
/// replacement characters (bytes no charset could read).
fn binary_problem(text: &str) -> Option<String> {
    if text.contains('\0') {
        return Some("holds binary data (NUL bytes), not text".into());
    }
    let mut chars = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        chars += 1;
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) {
            bad += 1;
        }
    }
    (bad >= 3 && bad * 50 > chars).then(|| "holds binary data, not text".into())
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start + s.trim_end().len();
    start..end.max(start)
}

/// Undoes the transfer encoding, with the raw range (relative to `raw`) of every decoded
/// byte (`None` when each is its own: no transfer encoding); `None` for base64 that does
/// not decode.
fn transfer_decode(raw: &[u8], encoding: BodyEncoding) -> Option<(Vec<u8>, Option<ByteMap>)> {
    Some(match encoding {
        BodyEncoding::Plain => (raw.to_vec(), None),
        BodyEncoding::QuotedPrintable => {
            let (d, m) = qp_decode(raw);
            (d, Some(m))
        }
        BodyEncoding::Base64 => {
            let decoded = base64_decode(raw)?;
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
            (decoded, Some(map))
        }
    })
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
/// decoded, scripts and styles left out, `<blockquote>` quotes marked with `> ` as plain
/// text quotes them, with the range of the HTML each text byte came from.
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
            // An unclosed tag runs to the end of the part.
            let (end, tag_end) = match html[i..].find('>') {
                Some(e) => (i + e + 1, i + e),
                None => (b.len(), b.len()),
            };
            let tag = &html[i + 1..tag_end.max(i + 1)];
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
        // Quoted as a plain-text client quotes: `> ` at the start of each line, one per
        // level, so the reply reader finds the quoted message and the linter skips it.
        if quote_depth > 0 && (out.is_empty() || out.ends_with('\n')) {
            if b[i].is_ascii_whitespace() {
                i += 1;
                continue;
            }
            push(&mut out, &mut map, &"> ".repeat(quote_depth), i..i);
        }
        if b[i] == b'&' {
            let near = b.len().min(i + 11);
            if let Some(semi) = b[i..near].iter().position(|&c| c == b';') {
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
        assert_eq!(m.origin.parts[0].encoding, BodyEncoding::Base64);
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
        // Quoted as plain text quotes, so the reply reader finds it and the linter skips it.
        assert!(body.contains("\n> I never replied"), "{body}");
        assert!(!body.contains("p{}"));
        let nested = "Subject: x\nContent-Type: text/html\n\n<p>Hi</p><blockquote><div>  On it.</div><blockquote>Older<br>words</blockquote></blockquote>\n";
        let n = read(nested.as_bytes());
        let body = &n.lint[n.body_start..];
        assert!(body.contains("\n> On it."), "{body:?}");
        assert!(body.contains("\n> > Older\n> > words"), "{body:?}");
        let at = m.lint.find("didn't").unwrap();
        let r = m.origin.to_raw(&(at..at + 6));
        assert_eq!(&raw[r], "didn&#39;t");
    }

    #[test]
    fn an_unclosed_tag_before_a_wide_character_is_no_panic() {
        let (text, map) = html_text("<p>caf\u{e9}</p><b \u{340}");
        assert_eq!(text.trim(), "caf\u{e9}");
        assert_eq!(map.len(), text.len());
    }

    #[test]
    fn alternative_reads_both_halves_plain_first() {
        let raw = "Subject: x\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/html\n\n<p>html words</p>\n--b\nContent-Type: text/plain\n\nplain words\n--b--\n";
        let m = read(raw.as_bytes());
        let body = &m.lint[m.body_start..];
        assert!(body.starts_with("plain words"), "{body:?}");
        assert!(body.contains("html words"), "{body:?}");
        assert_eq!(m.origin.parts.len(), 2);
        assert_eq!(m.origin.parts[0].number, 2);
        assert_eq!(m.origin.parts[1].alternative_of, Some(0));
        let at = m.lint.find("plain").unwrap();
        assert_eq!(&raw[m.origin.to_raw(&(at..at + 5))], "plain");
        let at = m.lint.find("html words").unwrap();
        assert_eq!(&raw[m.origin.to_raw(&(at..at + 10))], "html words");
    }

    /// The text of each visible part, in lint order.
    fn parts(raw: &[u8]) -> Vec<String> {
        let m = read(raw);
        m.origin
            .parts
            .iter()
            .map(|p| m.lint[p.lint.clone()].trim().to_string())
            .collect()
    }

    #[test]
    fn every_inline_text_part_is_read_and_attachments_are_not() {
        let raw = b"Subject: x\nContent-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain\n\none\n--m\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n--m\nContent-Type: text/plain\n\ntwo\n--m\nContent-Type: text/plain\nContent-Disposition: attachment; filename=notes.txt\n\nthree\n--m\nContent-Type: message/rfc822\n\nSubject: old\n\nfour\n--m\n\nfive, with no headers\n--m--\n";
        assert_eq!(parts(raw), ["one", "two", "five, with no headers"]);
    }

    #[test]
    fn malformed_multiparts_are_read_as_clients_read_them() {
        // No closing boundary: the last part runs to the end, still decoded.
        let raw = b"Subject: x\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\nplain\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n<p>I didn=E2=80=99t hear back</p>";
        assert_eq!(parts(raw), ["plain", "I didn\u{2019}t hear back"]);
        // No boundary parameter: the body is shown as it stands.
        let raw = b"Subject: x\nContent-Type: multipart/mixed\n\n--b\nContent-Type: text/plain\n\nI never heard back.\n--b--\n";
        let p = parts(raw);
        assert!(
            p.len() == 1 && p[0].contains("I never heard back."),
            "{p:?}"
        );
    }

    #[test]
    fn charsets_utf16_and_line_ends() {
        // Not UTF-8 and no charset: windows-1252, as clients read it.
        assert_eq!(
            parts(b"Subject: x\n\nI haven\x92t heard back.\n"),
            ["I haven\u{2019}t heard back."]
        );
        let m = read(b"Subject: x\n\nI haven\x92t heard back.\n");
        assert_eq!(m.origin.parts[0].charset.as_deref(), Some("windows-1252"));
        // UTF-16 with a byte-order mark, in base64.
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "I never heard back.".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let b64 = |b: &[u8]| {
            const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut s = String::new();
            for c in b.chunks(3) {
                let n = (u32::from(c[0]) << 16)
                    | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                    | u32::from(*c.get(2).unwrap_or(&0));
                for k in 0..4 {
                    s.push(if k <= c.len() {
                        A[(n >> (18 - 6 * k) & 63) as usize] as char
                    } else {
                        '='
                    });
                }
            }
            s
        };
        let raw = format!("Subject: x\nContent-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: base64\n\n{}\n", b64(&utf16));
        assert_eq!(parts(raw.as_bytes()), ["I never heard back."]);
        // A byte-order mark says UTF-16 where no charset (or a wrong one) does.
        let raw = format!(
            "Subject: x\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n{}\n",
            b64(&utf16)
        );
        assert_eq!(parts(raw.as_bytes()), ["I never heard back."]);
        // CR-only line ends: headers and body lines are found.
        let raw = b"Subject: Still waiting\rContent-Type: text/plain\r\rHi Jane,\r\rI never heard back.\r";
        let m = read(raw);
        assert_eq!(&m.lint[m.subject.clone().unwrap()], "Still waiting");
        assert!(
            m.lint[m.body_start..].contains("Hi Jane,\n\nI never"),
            "{:?}",
            m.lint
        );
        assert_eq!(m.lint.len(), raw.len());
        // A byte-order mark before the headers.
        let raw = b"\xEF\xBB\xBFSubject: Still waiting\n\nI never heard back.\n";
        let m = read(raw);
        assert_eq!(&m.lint[m.subject.clone().unwrap()], "Still waiting");
        assert!(looks_like_mail(raw));
    }

    #[test]
    fn what_cannot_be_read_is_reported() {
        let cases: [&[u8]; 4] = [
            b"Subject: x\nContent-Type: text/plain; charset=x-klingon\n\nQ\xe9\xe8\xe0 \xf1\xf6\xfc\n",
            b"Subject: x\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nSGVsbG8%%%\n",
            b"Subject: x\nContent-Type: text/plain\n\nbin\x00\x01\x02\x03ary\n",
            b"Subject: x\nContent-Type: text/plain; charset=utf-16le\n\nH\x00i\x00!",
        ];
        for raw in cases {
            let m = read(raw);
            assert_eq!(m.unreadable.len(), 1, "{:?}", String::from_utf8_lossy(raw));
            assert!(
                m.unreadable[0]
                    .reason
                    .starts_with("text part 1 (text/plain"),
                "{:?}",
                m.unreadable
            );
        }
        // An unknown charset over plain ASCII reads fine.
        let m = read(b"Subject: x\nContent-Type: text/plain; charset=x-klingon\n\nHello there.\n");
        assert!(m.unreadable.is_empty());
    }

    #[test]
    fn a_stray_header_line_does_not_make_mail_prose() {
        // A continuation that lost its indent, among real fields.
        assert!(looks_like_mail(b"From: a@b.c\nTo: d@e.f\nSubject: a long\nsubject line\nDate: Tue, 1 Dec 2026 09:00:00 +0000\n\nbody\n"));
        // Prose after one header-like line is not mail.
        assert!(!looks_like_mail(
            b"Subject: hello\nDear Jane,\nI hope you are well.\n"
        ));
        assert!(!looks_like_mail(
            b"Subject: hello\nDear Jane,\n\nI hope you are well.\n"
        ));
    }
}
