//! Suggestions in the draft's own terms: a rule's `help` may name `{role}` ("the Product
//! Designer role"), `{team}` ("the Acme team") and `{, name}` (", Jane"), filled from the
//! front matter (`role`, `company`, `contact`) or, failing that, from the draft itself (the
//! role it names, the name it greets), and else with plain words ("the role", "your team",
//! nothing).

use crate::input::Draft;

/// What a draft says about whom it is for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub role: Option<String>,
    pub company: Option<String>,
    pub name: Option<String>,
}

impl Facts {
    /// The facts of `draft`: its front matter's, else what its words show.
    pub fn of(draft: &Draft) -> Facts {
        let fm = &draft.front_matter;
        let text = &draft.text[draft.body_start.min(draft.text.len())..];
        let field = |f: &Option<crate::input::Field<String>>| {
            f.as_ref()
                .map(|f| f.value.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        Facts {
            role: field(&fm.role).or_else(|| named_role(text)),
            company: field(&fm.company),
            name: field(&fm.contact)
                .map(|c| c.split_whitespace().next().unwrap_or("").to_string())
                .or_else(|| greeted(text)),
        }
    }

    /// `help` with its `{role}`, `{team}` and `{, name}` filled in.
    pub fn fill(&self, help: &str) -> String {
        let role = match &self.role {
            Some(r) if r.to_lowercase().ends_with(" role") => format!("the {r}"),
            Some(r) => format!("the {r} role"),
            None => "the role".to_string(),
        };
        let team = match &self.company {
            Some(c) => format!("the {c} team"),
            None => "your team".to_string(),
        };
        let name = self
            .name
            .as_ref()
            .map_or(String::new(), |n| format!(", {n}"));
        help.replace("{role}", &role)
            .replace("{team}", &team)
            .replace("{, name}", &name)
    }
}

/// Whether `help` names anything to fill in.
pub fn is_template(help: &str) -> bool {
    ["{role}", "{team}", "{, name}"]
        .iter()
        .any(|t| help.contains(t))
}

/// The words a job is named by, after its title.
const JOB_WORDS: &[&str] = &["role", "position", "opening", "job", "opportunity"];

/// Words that end a title written in lower case: "the data analyst role".
const JOB_NAMES: &[&str] = &[
    "analyst",
    "engineer",
    "designer",
    "developer",
    "manager",
    "coordinator",
    "specialist",
    "scientist",
    "consultant",
    "associate",
    "assistant",
    "administrator",
    "architect",
    "intern",
    "internship",
    "lead",
    "director",
    "officer",
    "representative",
    "advisor",
    "adviser",
    "planner",
    "writer",
    "editor",
    "researcher",
    "technician",
    "accountant",
    "teacher",
    "nurse",
    "recruiter",
    "strategist",
    "marketer",
    "producer",
    "programmer",
    "tester",
    "analytics",
    "operations",
];

/// The words of `text` with trailing punctuation cut (a title may hold `&`, `/`, `+`, `.`).
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', ':', '!', '?', ')', '"', '\'']))
        .collect()
}

/// The role a draft names: "the Product Designer role", "for the Senior Analyst position"
/// (up to five words in capitals after "the", "for", "about" or "of"), else a title in
/// lower case that ends in a job's name ("about the data analyst role"). Read word by
/// word: a regex of repeated word classes costs more to compile than linting the draft.
fn named_role(text: &str) -> Option<String> {
    let w = words(text);
    let is_job = |i: usize| {
        w.get(i)
            .is_some_and(|x| JOB_WORDS.contains(&x.trim_end_matches('.')))
    };
    let lead = |x: &str| ["the", "for", "about", "of"].contains(&x);
    let capital = |x: &str| x.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    // "about the analyst role" names "analyst", not "the analyst".
    let bare = |title: &[&str]| {
        let skip = usize::from(
            title
                .first()
                .is_some_and(|x| ["the", "a", "an", "this"].contains(&x.to_lowercase().as_str())),
        );
        title[skip..].join(" ")
    };
    for p in (0..w.len()).filter(|&p| lead(w[p])) {
        for k in 1..=5 {
            if !capital(w.get(p + k).copied().unwrap_or("")) {
                break;
            }
            if is_job(p + k + 1) {
                return Some(bare(&w[p + 1..=p + k]));
            }
        }
    }
    for p in (0..w.len()).filter(|&p| lead(w[p])) {
        for k in 1..=4 {
            let Some(last) = w.get(p + k) else { break };
            let lower = |x: &str| x.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            if !lower(last) {
                break;
            }
            if JOB_NAMES.contains(last) && is_job(p + k + 1) {
                return Some(bare(&w[p + 1..=p + k]));
            }
        }
    }
    None
}

/// The name a draft greets: "Hi Jane," or "Dear Ms. Lee,".
fn greeted(text: &str) -> Option<String> {
    const GREETINGS: &[&str] = &[
        "good morning",
        "good afternoon",
        "good evening",
        "greetings",
        "hello",
        "dear",
        "hey",
        "hi",
    ];
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let lower = first.to_lowercase();
    let g = GREETINGS
        .iter()
        .find(|g| lower.starts_with(*g) && lower[g.len()..].starts_with(char::is_whitespace))?;
    let rest = first[g.len()..]
        .trim()
        .trim_end_matches([',', '!', ':', '.'])
        .trim_end();
    let mut parts = rest.split_whitespace();
    let mut name = Vec::new();
    let mut next = parts.next()?;
    if ["Mr.", "Mrs.", "Ms.", "Mx.", "Dr."].contains(&next) {
        name.push(next);
        next = parts.next()?;
    }
    let is_name = |x: &str| {
        x.chars().next().is_some_and(char::is_uppercase)
            && x.chars()
                .all(|c| c.is_alphanumeric() || c == '\'' || c == '-' || c == '_')
    };
    name.push(next);
    if let Some(second) = parts.next() {
        name.push(second);
    }
    // One or two words in capitals, and nothing after them.
    (parts.next().is_none()
        && name
            .iter()
            .skip(usize::from(name.len() > 1 && name[0].ends_with('.')))
            .all(|x| is_name(x)))
    .then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Format;

    fn facts(src: &str) -> Facts {
        Facts::of(&Draft::from_source("t.md", src.to_string(), Format::Markdown).unwrap())
    }

    #[test]
    fn front_matter_then_the_draft_then_plain_words() {
        let f = facts("---\nrole: Product Designer\ncompany: Acme\ncontact: Jane Lee\n---\nHi Sam,\n\nI hope you are well.\n");
        assert_eq!(
            f.fill("check in on {role} with {team}, thanks{, name}"),
            "check in on the Product Designer role with the Acme team, thanks, Jane"
        );
        let f =
            facts("Dear Ms. Lee,\n\nI remain excited about the Senior Data Analyst position.\n");
        assert_eq!(
            f.fill("{role}{, name}"),
            "the Senior Data Analyst role, Ms. Lee"
        );
        let f = facts("Hi,\n\nany news about the senior data\nanalyst role?\n");
        assert_eq!(f.fill("{role}"), "the senior data analyst role");
        assert_eq!(greeted("Hi there,\n"), None);
        assert_eq!(greeted("Hello Jane Doe!\n").as_deref(), Some("Jane Doe"));
        assert_eq!(greeted("Dear Dr. Okafor,\n").as_deref(), Some("Dr. Okafor"));
        assert_eq!(greeted("Hi Jane, thanks for the call\n"), None);
        assert_eq!(greeted("Hiya Jane,\n"), None);
        assert_eq!(
            named_role("I applied for the UX/UI Designer position, twice.").as_deref(),
            Some("UX/UI Designer")
        );
        assert_eq!(named_role("the role of my life"), None);
        let f = facts("Hello,\n\nany news on the role?\n");
        assert_eq!(
            f.fill("{role} and {team}{, name}."),
            "the role and your team."
        );
    }
}
