//! `channel` rules: the contact said how they like to be reached (front matter `prefers`),
//! and it is not email, which is what a draft is.

use crate::finding::Finding;
use crate::input::{Channel, Draft};

use super::{finding, Rule};

pub fn check(rule: &Rule, draft: &Draft, out: &mut Vec<Finding>) {
    let Some(prefers) = &draft.front_matter.prefers else {
        return;
    };
    let message = match prefers.value {
        Channel::Email => return,
        Channel::Phone => "they prefer phone calls: consider calling instead",
        Channel::Text => "they prefer text messages: consider texting instead",
        Channel::Linkedin => "they prefer LinkedIn: consider a LinkedIn message instead",
    };
    let mut f = finding(
        rule,
        prefers.span.clone(),
        Some("their preferred channel".into()),
    );
    f.message = message.into();
    out.push(f);
}
