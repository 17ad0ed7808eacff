//! Unfilled template placeholders: `{{first_name}}`, `{first_name}`, `[Company Name]`,
//! `<Role>`, `%NAME%`. Look-alikes that are not placeholders are left alone: Markdown links
//! (`[text](url)`, `[text][ref]`), footnote marks (`[1]`), subject tags (`[PATCH v2]`,
//! `[EXTERNAL]`), editorial marks (`[sic]`), HTML tags and `<addresses@example.com>`.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"\{\{[^{}\n]{1,60}\}\}",
            r"|\{[A-Za-z_][A-Za-z0-9_ .-]{0,40}\}",
            r"|\[[A-Za-z][A-Za-z_ '’./&-]{0,50}\]",
            r"|<[A-Z][A-Za-z_ '’-]{0,40}>",
            r"|%[A-Za-z_][A-Za-z_]{2,40}%",
        ))
        .expect("placeholder regex compiles")
    })
}

/// Bracketed words that are conventions of mail, not blanks to fill (lowercase).
const NOT_PLACEHOLDERS: &[&str] = &[
    "sic",
    "patch",
    "rfc",
    "external",
    "ext",
    "spam",
    "suspicious",
    "caution",
    "warning",
    "important",
    "urgent",
    "resend",
    "wip",
    "fwd",
    "fw",
    "re",
    "ps",
    "edit",
    "update",
    "updated",
    "redacted",
    "deleted",
    "removed",
    "snip",
    "snipped",
    "...",
    "x",
    "link",
    "image",
    "attachment",
    "attached",
    "emphasis added",
    "emphasis mine",
    "laughs",
    "smiles",
    "sigh",
    "tl;dr",
    "eom",
    "nrn",
    "ann",
    "announce",
    "pull",
    "git pull",
    "off-topic",
    "ot",
];

/// HTML element names, which a Markdown draft may use inline (lowercase).
const HTML_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "tt",
    "u",
    "ul",
    "html",
    "body",
    "head",
];

/// Single lowercase words that are blanks to fill when bracketed (`[company]`); other
/// single lowercase words in brackets are more often code or usage text (`[tag]`, `[i]`).
const BLANK_WORDS: &[&str] = &[
    "name",
    "company",
    "role",
    "position",
    "title",
    "job",
    "date",
    "day",
    "time",
    "recruiter",
    "manager",
    "interviewer",
    "team",
    "department",
    "email",
    "phone",
    "city",
    "location",
    "industry",
    "school",
    "university",
    "event",
    "conference",
    "topic",
    "amount",
    "salary",
    "number",
    "link",
    "url",
    "website",
    "product",
    "contact",
    "signature",
    "sender",
    "recipient",
    "firstname",
    "lastname",
    "fullname",
    "blank",
    "result",
    "results",
    "skill",
    "skills",
    "project",
    "achievement",
    "organization",
    "organisation",
    "employer",
    "field",
    "degree",
    "major",
    "referrer",
    "mutual",
    "deadline",
    "month",
    "year",
    "weekday",
    "here",
];

/// The placeholders in `text`, in order. Before `words_start` (a mail's subject), brackets
/// that lead the subject are tags (`[PATCH]`, `[list-name]`), a convention of mail; later in
/// the subject they are placeholders like anywhere else.
pub fn find(text: &str, words_start: usize) -> Vec<Range<usize>> {
    // Every placeholder holds one of these; most drafts have none, and then the regex is
    // never built.
    if !text.contains(['{', '[', '<', '%']) {
        return Vec::new();
    }
    pattern()
        .find_iter(text)
        .filter(|m| {
            let before = text[..m.start()].chars().next_back();
            let bracketed = matches!(m.as_str().as_bytes()[0], b'[' | b'<');
            !(bracketed && m.start() < words_start && is_subject_tag(&text[..m.start()]))
                && is_placeholder(m.as_str(), before, &text[m.end()..])
        })
        .map(|m| m.range())
        .collect()
}

/// Whether a bracket after `before` (the text up to it) leads its line, after other tags
/// and reply prefixes only: `[list] Re: [PATCH 2/3] …`.
fn is_subject_tag(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or("");
    let mut rest = line.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        if let Some(p) = ["re:", "fwd:", "fw:", "aw:", "wg:", "sv:"]
            .iter()
            .find(|p| lower.starts_with(*p))
        {
            rest = rest[p.len()..].trim_start();
        } else if rest.starts_with('[') {
            match rest.find(']') {
                Some(e) => rest = rest[e + 1..].trim_start(),
                None => return false,
            }
        } else {
            return rest.is_empty();
        }
    }
}

/// Words that joined before a blank word make one (`firstname`, `yourcompany`).
const BLANK_PREFIXES: &[&str] = &[
    "your",
    "my",
    "first",
    "last",
    "full",
    "company",
    "job",
    "team",
    "hiring",
    "contact",
    "recipient",
    "sender",
    "start",
    "end",
    "interview",
    "meeting",
    "mutual",
    "candidate",
];

/// Whether one bracketed word names a blank: a blank word (`company`), or one made of a
/// blank word and another (`firstname`, `companyname`, `your-name`, `job-title`).
fn names_a_blank(word: &str) -> bool {
    word.split(['-', '_']).any(|part| {
        BLANK_WORDS.contains(&part)
            || BLANK_PREFIXES.iter().any(|p| {
                part.strip_prefix(p)
                    .is_some_and(|rest| BLANK_WORDS.contains(&rest))
            })
            || ["name", "title", "date"].iter().any(|s| {
                part.strip_suffix(s)
                    .is_some_and(|rest| BLANK_WORDS.contains(&rest))
            })
    })
}

fn is_placeholder(found: &str, before: Option<char>, after: &str) -> bool {
    // `items[i]`, `map{key}`, `f<T>`: code, not a blank.
    let code_before =
        |c: char| c.is_alphanumeric() || matches!(c, '_' | ')' | ']' | '.' | '$' | '\\');
    let code_after = |c: char| c.is_alphanumeric() || c == '_';
    if before.is_some_and(code_before) || after.chars().next().is_some_and(code_after) {
        return false;
    }
    let inner = found[1..found.len() - 1].trim();
    let lower = inner.to_lowercase();
    match found.as_bytes()[0] {
        b'[' => {
            let one_word = !inner.contains([' ', '/', '.']);
            // A path or a file name (`[arch/powerpc/io.o]`, `[build_log]`): one token of code,
            // unless it names a blank (`[FIRST_NAME]`, `[job_title]`).
            let code = !inner.contains(' ')
                && !names_a_blank(&lower)
                && (inner.contains('_')
                    || inner
                        .split('.')
                        .skip(1)
                        .any(|e| e.starts_with(char::is_alphabetic))
                    || (inner.contains('/') && inner == lower));
            // A Markdown link or reference, or a link definition.
            !after.starts_with(['(', '[', ':'])
                && inner.chars().count() > 1
                && !NOT_PLACEHOLDERS.contains(&lower.as_str())
                && !lower.starts_with("patch ")
                && !code
                // One word alone is a blank only when it names one (`[Company]`, `[NAME]`,
                // `[FirstName]`); others are tags and code (`[NETFILTER]`, `[tag]`, `[i]`).
                && (!one_word || names_a_blank(&lower))
        }
        b'<' => inner.chars().count() > 1 && !HTML_TAGS.contains(&lower.as_str()),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text, 0).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_every_style() {
        assert_eq!(
            found("Hi {{first_name}}, the {role} at [Company Name] (<Team>) %SENDER%."),
            [
                "{{first_name}}",
                "{role}",
                "[Company Name]",
                "<Team>",
                "%SENDER%"
            ]
        );
        assert_eq!(
            found("Dear [Hiring Manager's Name],"),
            ["[Hiring Manager's Name]"]
        );
        assert_eq!(found("{{ company }}"), ["{{ company }}"]);
        assert_eq!(
            found("at [company] as [job title]"),
            ["[company]", "[job title]"]
        );
        assert_eq!(
            found("[NAME], [Position], [FirstName], [your-name], [FIRST_NAME], [job_title] and [Company/School]"),
            [
                "[NAME]",
                "[Position]",
                "[FirstName]",
                "[your-name]",
                "[FIRST_NAME]",
                "[job_title]",
                "[Company/School]"
            ]
        );
        assert_eq!(find("[Company] tag", 9), Vec::<Range<usize>>::new());
        let subject = "    Re: [list] Checking in on the [Role] opening\n\nbody";
        assert_eq!(find(subject, 44).len(), 1);
        assert_eq!(&subject[find(subject, 44)[0].clone()], "[Role]");
    }

    #[test]
    fn leaves_look_alikes_alone() {
        let text = "See [the post](https://x.y) and [docs][1], note [1], [PATCH v2 3/5] and \
                    [PATCH], [sic], [EXTERNAL], <jane@example.com>, <br>, <https://x.y>, \
                    100% and 50%, a {} and 3 < 4 > 2, items[i], map{key}, [tag], \
                    notmuch <expression>, %A47%, [A], [kvm_]cvt, \\{mode-map}, [PATCH -next], \
                    [NETFILTER], [arch/powerpc/io.o], [build_log], [Makefile.am], [Monday].";
        assert_eq!(found(text), Vec::<&str>::new());
    }
}
