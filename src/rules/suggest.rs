//! Suggestions in the draft's own terms: a rule's `help` may name `{role}` ("the Product
//! Designer role"), `{team}` ("the Acme team") and `{, name}` (", Jane"), filled from the
//! front matter (`role`, `company`, `contact`) or, failing that, from the draft itself (the
//! role it names, the name it greets), and else with plain words ("the role", "your team",
//! nothing).

use std::sync::OnceLock;

use regex::Regex;

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

/// The role a draft names in capitals: "the Product Designer role", "for the Senior
/// Analyst position".
fn named_role(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"\b(?:the|for|about|of)\s+((?:[A-Z][\w&/+.-]*\s+){0,4}?[A-Z][\w&/+.-]*)\s+(?:role|position|opening|job|opportunity)\b",
        )
        .expect("role regex compiles")
    });
    // "about the analyst role" names "analyst", not "the analyst".
    let bare = |s: &str| {
        // A hard-wrapped draft breaks lines inside a title.
        let words: Vec<&str> = s.split_whitespace().collect();
        let skip = usize::from(
            words
                .first()
                .is_some_and(|w| ["the", "a", "an", "this"].contains(&w.to_lowercase().as_str())),
        );
        words[skip..].join(" ")
    };
    if let Some(c) = re.captures(text) {
        return Some(bare(&c[1]));
    }
    // In lower case, a title that ends in a job's name: "the data analyst role".
    static LOWER: OnceLock<Regex> = OnceLock::new();
    let lower = LOWER.get_or_init(|| {
        Regex::new(
            r"\b(?:the|for|about|of)\s+((?:[a-z][\w&/+-]*\s+){0,3}(?:analyst|engineer|designer|developer|manager|coordinator|specialist|scientist|consultant|associate|assistant|administrator|architect|intern|internship|lead|director|officer|representative|advisor|adviser|planner|writer|editor|researcher|technician|accountant|teacher|nurse|recruiter|strategist|marketer|producer|programmer|tester|analytics|operations))\s+(?:role|position|opening|job)\b",
        )
        .expect("role regex compiles")
    });
    lower.captures(text).map(|c| bare(&c[1]))
}

/// The name a draft greets: "Hi Jane," or "Dear Ms. Lee,".
fn greeted(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"^(?i:hi|hello|hey|dear|good morning|good afternoon|good evening|greetings)\s+((?:Mr\.|Mrs\.|Ms\.|Mx\.|Dr\.)?\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s*[,!:.]?\s*$",
        )
        .expect("greeting regex compiles")
    });
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    re.captures(first).map(|c| c[1].trim().to_string())
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
        let f = facts("Hello,\n\nany news on the role?\n");
        assert_eq!(
            f.fill("{role} and {team}{, name}."),
            "the role and your team."
        );
    }
}
