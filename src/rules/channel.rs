//! `channel` rules: the contact said how they like to be reached (front matter `prefers`,
//! else the contacts file's entry for a recipient), and it is not email, which is what a
//! draft is.

use crate::finding::Finding;
use crate::input::{Channel, Draft};

use super::{finding, Context, Rule};

pub fn check(rule: &Rule, draft: &Draft, ctx: &Context, out: &mut Vec<Finding>) {
    let (prefers, span, from) = match &draft.front_matter.prefers {
        Some(p) => (p.value, p.span.clone(), None),
        None => {
            let Some(entry) = ctx.contact_for(draft) else {
                return;
            };
            let Some(p) = entry.contact.prefers else {
                return;
            };
            // The line that names them: the front matter's `contact`, the `To:` line.
            let span = draft
                .front_matter
                .contact
                .as_ref()
                .map(|c| c.span.clone())
                .or_else(|| draft.people.to_line.clone())
                .unwrap_or_else(|| draft.first_line());
            (p, span, Some(entry.key.as_str()))
        }
    };
    let message = match prefers {
        Channel::Email => return,
        Channel::Phone => "they prefer phone calls: consider calling instead",
        Channel::Text => "they prefer text messages: consider texting instead",
        Channel::Linkedin => "they prefer LinkedIn: consider a LinkedIn message instead",
    };
    let mut f = finding(rule, span, Some("their preferred channel".into()));
    f.message = message.into();
    if let Some(key) = from {
        f.note = Some(format!("your contacts file says so for {key}"));
    }
    out.push(f);
}
