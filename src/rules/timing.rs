//! `timing` rules: judge the send date (from the command line, else the front matter)
//! against the calendar. Each rule reports one problem of the day
//! (`day: friday`, `day: after-holiday`, …), so one date can raise several, each with its
//! own severity. Findings point at the line the date came from, or the first line.

use jiff::civil::Date;

use crate::calendar::days::{self, Day, Problem};
use crate::finding::Finding;
use crate::input::Draft;

use super::{finding, Context, Matches, Rule};

/// A draft's send date judged against the calendar: done once per draft and shared by
/// every timing rule, each of which reports one of the problems.
#[derive(Debug)]
pub struct SendDay {
    date: Date,
    problems: Vec<Problem>,
    /// The next good day after it, to suggest.
    next: Option<Date>,
}

impl SendDay {
    fn judge(draft: &Draft, ctx: &Context) -> Option<SendDay> {
        let date = ctx.send_date(draft)?;
        let promised = ctx.promised_by(draft);
        Some(SendDay {
            date,
            problems: days::problems(&ctx.calendar, date, promised),
            next: days::next_good_day(&ctx.calendar, date, promised)
                .ok()
                .map(|n| n.day),
        })
    }
}

pub fn check(rule: &Rule, draft: &Draft, matches: &Matches, ctx: &Context, out: &mut Vec<Finding>) {
    let Some(day) = rule.def.day.as_deref() else {
        return;
    };
    let judged = matches.send_day.get_or_init(|| SendDay::judge(draft, ctx));
    let Some(send) = judged else {
        return;
    };
    let Some(problem) = send.problems.iter().find(|p| p.key() == day) else {
        return;
    };
    let mut message = format!("{} is {}", Day(send.date), problem.describe());
    if let Some(next) = send.next {
        message.push_str(&format!("; consider {}", Day(next)));
    }
    // The line the date came from; when a flag (or the guard's today) gave another date,
    // the first line.
    let span = draft
        .front_matter
        .send_date
        .as_ref()
        .filter(|f| f.value == send.date)
        .map(|f| f.span.clone())
        .unwrap_or_else(|| draft.first_line());
    let mut f = finding(rule, span, Some("the send date".into()));
    f.message = message.into();
    out.push(f);
}
