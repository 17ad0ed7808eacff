//! `timing` rules: judge the send date (from the command line, the front matter or the
//! mail `Date:` header) against the calendar. Each rule reports one problem of the day
//! (`day: friday`, `day: after-holiday`, …), so one date can raise several, each with its
//! own severity. Findings point at the line the date came from, or the first line.

use crate::calendar::days::{self, Day};
use crate::finding::Finding;
use crate::input::Draft;

use super::{finding, Context, Rule};

pub fn check(rule: &Rule, draft: &Draft, ctx: &Context, out: &mut Vec<Finding>) {
    let Some(day) = rule.def.day.as_deref() else {
        return;
    };
    let fm = &draft.front_matter;
    let Some(date) = ctx.send_date.or(fm.send_date.as_ref().map(|f| f.value)) else {
        return;
    };
    let promised = ctx.promised_by.or(fm.promised_by.as_ref().map(|f| f.value));
    let problems = days::problems(&ctx.calendar, date, promised);
    let Some(problem) = problems.iter().find(|p| p.key() == day) else {
        return;
    };
    let mut message = format!("{} is {}", Day(date), problem.describe());
    if let Some((next, _)) = days::next_good_day(&ctx.calendar, date, promised) {
        message.push_str(&format!("; consider {}", Day(next)));
    }
    let span = fm
        .send_date
        .as_ref()
        .map(|f| f.span.clone())
        .unwrap_or_else(|| draft.first_line());
    let mut f = finding(rule, span, Some("the send date".into()));
    f.message = message;
    out.push(f);
}
