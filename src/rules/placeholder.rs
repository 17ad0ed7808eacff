//! `placeholder` rules: an unfilled template placeholder in a draft about to be sent. Not
//! reported in template mode, where placeholders are expected.

use crate::finding::Finding;
use crate::input::{placeholder, Draft};

use super::{finding, Context, Rule};

pub fn check(rule: &Rule, draft: &Draft, ctx: &Context, out: &mut Vec<Finding>) {
    if ctx.templates {
        return;
    }
    for r in placeholder::find(&draft.text, draft.body_start) {
        let mut f = finding(rule, r.clone(), Some("fill this in".into()));
        f.message = format!("unfilled placeholder `{}`", &draft.text[r]).into();
        out.push(f);
    }
}
