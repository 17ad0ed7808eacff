//! Replies and signatures as mail clients write them: `>` quotes at any depth, attribution
//! lines ("On Tue, Nov 3, 2026 at 9:12 AM Jane Doe <jane@example.com> wrote:", also wrapped
//! over two lines), Outlook's "-----Original Message-----" and "From: … Sent: …" blocks,
//! forwarded-message markers, the "-- " signature and "Sent from my iPhone".
//! None of that is the author's own words, so none of it is linted.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{lines_in, Mask};

/// Hides quoted lines in `source[range]` and returns where the author's text ends: the
/// first attribution line, original-message block or signature, or the end of the range.
pub(super) fn scan(source: &str, range: Range<usize>, mask: &mut Mask) -> usize {
    let end = range.end;
    let lines: Vec<(usize, usize, usize)> = lines_in(source, range).collect();
    let mut seen_words = false;
    // Lines of an attribution already handled.
    let mut skip_to = 0;
    for (i, &(start, end, _)) in lines.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        let line = &source[start..end];
        let trimmed = line.trim();
        if line.trim_start().starts_with('>') {
            mask.blank(start..end);
            continue;
        }
        if let Some(last) = attribution_at(&lines, i, source) {
            // Quoted with `>` below it, the reply may go on after the quote (bottom-posted
            // or between quoted lines): only the attribution is hidden. Without `>`, all
            // that follows is the quoted message.
            let quoted = lines[last + 1..]
                .iter()
                .map(|&(s, e, _)| source[s..e].trim_start())
                .find(|l| !l.is_empty())
                .is_some_and(|l| l.starts_with('>'));
            if !quoted {
                return start;
            }
            mask.blank(start..lines[last].1);
            skip_to = last + 1;
            continue;
        }
        if is_cut_line(line) {
            return start;
        }
        if trimmed.is_empty() {
            continue;
        }
        // Outlook's reply header: "From: …" then "Sent:"/"Date:" within a few lines,
        // only after the author has written something (a draft may start with headers).
        if seen_words && outlook_from(&lines[i..], source) {
            return start;
        }
        seen_words = true;
    }
    end
}

/// The index of the last line of an attribution ("On … wrote:", also wrapped over two or
/// three lines) that starts at line `i`.
fn attribution_at(lines: &[(usize, usize, usize)], i: usize, source: &str) -> Option<usize> {
    let (start, end, _) = lines[i];
    let trimmed = source[start..end].trim();
    if trimmed.len() >= 200 || !starts_attribution(trimmed) {
        return None;
    }
    if trimmed.ends_with(':') && attribution().is_match(trimmed) {
        return Some(i);
    }
    let mut joined = trimmed.to_string();
    for (k, &(s2, e2, _)) in lines.iter().enumerate().skip(i + 1).take(2) {
        joined.push(' ');
        joined.push_str(source[s2..e2].trim());
        if joined.ends_with(':') && attribution().is_match(&joined) {
            return Some(k);
        }
    }
    None
}

fn is_cut_line(line: &str) -> bool {
    let t = line.trim();
    if t == "--" {
        return true;
    }
    if t.len() >= 400 {
        return false;
    }
    // Cheap tests first, so that a draft without such lines never builds the regexes.
    may_be_cut_marker(t) && cut_markers().is_match(t)
}

/// True when `t` starts the way one of [`cut_markers`] does.
fn may_be_cut_marker(t: &str) -> bool {
    let starts = |p: &str| {
        t.as_bytes()
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    t.starts_with(['-', '_'])
        || ["sent ", "begin forwarded", "get outlook"]
            .into_iter()
            .any(starts)
}

fn outlook_from(lines: &[(usize, usize, usize)], source: &str) -> bool {
    let first = source[lines[0].0..lines[0].1].trim();
    let Some(rest) = first
        .strip_prefix("From:")
        .or_else(|| first.strip_prefix("*From:*"))
    else {
        return false;
    };
    if rest.trim().is_empty() {
        return false;
    }
    lines.iter().skip(1).take(4).any(|&(s, e, _)| {
        let t = source[s..e].trim().trim_start_matches('*');
        t.starts_with("Sent:") || t.starts_with("Date:")
    })
}

fn starts_attribution(line: &str) -> bool {
    let lower = line.get(..3).unwrap_or("").to_ascii_lowercase();
    ["on ", "le ", "am ", "el ", "il ", "op "].contains(&lower.as_str())
}

fn attribution() -> &'static Regex {
    crate::thread::attribution_re()
}

fn cut_markers() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:-{2,}\s*original message\s*-{2,}|_{5,}|begin forwarded message:|-{2,}\s*forwarded message\s*-{2,}|sent (?:from|with|using) (?:my )?(?:\S+ ){0,4}(?:iphone|ipad|android|mobile|phone|smartphone|device|galaxy|blackberry|samsung|pixel|tablet|outlook|yahoo mail|mail for windows(?: 10| 11)?|proton ?mail|gmail|aol|fastmail|airmail|spark|superhuman)(?: (?:for|on) (?:ios|android|iphone|windows|mac))?\.?|get outlook for (?:ios|android).*)$",
        )
        .expect("cut marker regex compiles")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn author_end(src: &str) -> usize {
        scan(src, 0..src.len(), &mut Mask::new())
    }

    #[test]
    fn finds_where_the_author_stops() {
        let src = "Hello\n-----Original Message-----\nFrom: x\n";
        assert_eq!(
            &src[author_end(src)..],
            "-----Original Message-----\nFrom: x\n"
        );
        let src = "Hello\nFrom: Jane Doe <j@x.com>\nSent: Tuesday\nTo: me\n";
        assert!(src[author_end(src)..].starts_with("From: Jane"));
        let src = "Hello\n\nSent from my iPhone\n";
        assert!(src[author_end(src)..].starts_with("Sent from"));
        let src = "Hello\n--\nJane\n";
        assert!(src[author_end(src)..].starts_with("--"));
        let src = "Hello\nOn Tue, Nov 3, 2026, Jane wrote:\nhi\n";
        assert!(src[author_end(src)..].starts_with("On Tue"));
        let src = "Hello\n\nSent from my Verizon Wireless BlackBerry\n";
        assert!(src[author_end(src)..].starts_with("Sent from"));
        let src = "Hello\nSent from my desk, is much easier then my mobile phone.\n";
        assert_eq!(author_end(src), src.len());
        let src = "Hi\nOn Dec 16, 2011, at 12:47 PM, Corey\n<reply@example.com>\nwrote:\nx\n";
        assert!(src[author_end(src)..].starts_with("On Dec"));
        let src = "From: me@x.com\nSubject: hi\n\nHello there\n";
        assert_eq!(author_end(src), src.len());
    }

    #[test]
    fn a_reply_below_or_between_quotes_is_the_authors() {
        let src = "On Tue, Nov 3, 2026, Jane wrote:\n> Any news?\n> Jane\n\nI never heard back.\n";
        let mut mask = Mask::new();
        assert_eq!(scan(src, 0..src.len(), &mut mask), src.len());
        let text = mask.apply(src);
        assert!(text.contains("I never heard back."), "{text:?}");
        assert!(
            !text.contains("wrote") && !text.contains("Any news"),
            "{text:?}"
        );
        // Without quote marks, what follows the attribution is the quoted message.
        let src = "Thanks!\nOn Tue, Nov 3, 2026, Jane wrote:\nAny news?\n";
        assert!(src[author_end(src)..].starts_with("On Tue"));
    }
}
