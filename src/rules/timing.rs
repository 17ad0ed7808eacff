//! `timing` rules: judge the send date (from the command line, else the front matter)
//! against the calendar. Each rule reports one problem of the day
//! (`day: friday`, `day: after-holiday`, …), so one date can raise several, each with its
//! own severity. Findings point at the line the date came from, or the first line.
//!
//! The date they promised to reply by comes from `--promised-by`, else the front matter,
//! else the latest of what the quoted thread promises and what the contacts file records
//! for a recipient. `day: promise-undated` reports a promise in the thread that gives no
//! date to wait for ("we'll be in touch soon"), or whose message has no date.

use jiff::civil::Date;

use crate::calendar::days::{self, Day, Problem};
use crate::finding::Finding;
use crate::input::Draft;
use crate::thread::{self, Promise};

use super::{finding, Context, Matches, Rule};

/// Where the reply-by date came from.
#[derive(Debug, Clone)]
pub enum Source {
    Flag,
    FrontMatter,
    /// A promise in the quoted thread.
    Thread(Promise),
    /// The contacts file's entry for a recipient: its key, and what they said if recorded.
    Contact {
        key: String,
        said: Option<String>,
        said_on: Option<Date>,
    },
}

/// The date they promised to reply by, and where it came from.
#[derive(Debug, Clone)]
pub struct Promised {
    pub date: Date,
    pub source: Source,
}

impl Promised {
    /// A note for a finding: their words and the date they resolve to.
    pub fn note(&self) -> Option<String> {
        let short = days::ShortDay;
        match &self.source {
            Source::Flag | Source::FrontMatter => None,
            Source::Thread(p) => Some(match p.said_on {
                Some(on) => format!(
                    "they wrote on {}: \"{}\" (by {})",
                    short(on),
                    p.quote(),
                    short(self.date)
                ),
                None => format!("they wrote: \"{}\" (by {})", p.quote(), short(self.date)),
            }),
            Source::Contact { key, said, said_on } => Some(match (said, said_on) {
                (Some(s), Some(on)) => format!(
                    "{key} said on {}: \"{s}\" (by {}), from your contacts",
                    short(*on),
                    short(self.date)
                ),
                (Some(s), None) => {
                    format!(
                        "{key} said: \"{s}\" (by {}), from your contacts",
                        short(self.date)
                    )
                }
                _ => format!("your contacts say {key} will reply by {}", short(self.date)),
            }),
        }
    }
}

/// What a draft's thread and contacts promise: the date to wait for, and the promises that
/// give none.
#[derive(Debug, Clone, Default)]
pub struct Promises {
    pub promised: Option<Promised>,
    pub undated: Vec<Promise>,
}

/// The promises of `draft`'s thread, dated against `reference` when a header gives no year.
pub fn thread_promises(draft: &Draft, ctx: &Context, reference: Date) -> Vec<Promise> {
    let author = draft
        .people
        .from
        .as_ref()
        .and_then(|p| p.address.as_deref());
    thread::promises(
        &draft.source,
        draft.body_start..draft.source.len(),
        &ctx.calendar,
        reference,
        author,
    )
}

/// The date they promised to reply by for `draft`: the command line's, else the front
/// matter's, else the latest of the thread's and the contacts file's.
pub fn promised(draft: &Draft, ctx: &Context, reference: Date) -> Promises {
    if let Some(date) = ctx.promised_by {
        return Promises {
            promised: Some(Promised {
                date,
                source: Source::Flag,
            }),
            undated: Vec::new(),
        };
    }
    if let Some(f) = &draft.front_matter.promised_by {
        return Promises {
            promised: Some(Promised {
                date: f.value,
                source: Source::FrontMatter,
            }),
            undated: Vec::new(),
        };
    }
    let found = thread_promises(draft, ctx, reference);
    let mut best: Option<Promised> = None;
    let mut undated = Vec::new();
    for p in found {
        match p.by {
            Some(date) if best.as_ref().is_none_or(|b| date > b.date) => {
                best = Some(Promised {
                    date,
                    source: Source::Thread(p),
                })
            }
            Some(_) => {}
            None => undated.push(p),
        }
    }
    if let Some(c) = ctx.contact_for(draft) {
        if let Some(date) = c.contact.promised_by {
            if best.as_ref().is_none_or(|b| date > b.date) {
                best = Some(Promised {
                    date,
                    source: Source::Contact {
                        key: c.key.clone(),
                        said: c.contact.said.clone(),
                        said_on: c.contact.said_on,
                    },
                });
            }
        }
    }
    if best.is_some() {
        undated.clear();
    }
    Promises {
        promised: best,
        undated,
    }
}

/// A draft's send date judged against the calendar: done once per draft and shared by
/// every timing rule, each of which reports one of the problems.
#[derive(Debug)]
pub struct SendDay {
    date: Date,
    problems: Vec<Problem>,
    /// The next good day after it, to suggest.
    next: Option<Date>,
    promises: Promises,
}

impl SendDay {
    fn judge(draft: &Draft, ctx: &Context) -> Option<SendDay> {
        let date = ctx.send_date(draft)?;
        let promises = promised(draft, ctx, date);
        let promised = promises.promised.as_ref().map(|p| p.date);
        Some(SendDay {
            date,
            problems: days::problems(&ctx.calendar, date, promised),
            next: days::next_good_day(&ctx.calendar, date, promised)
                .ok()
                .map(|n| n.day),
            promises,
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
    // The line the date came from; when a flag (or the guard's today) gave another date,
    // the first line.
    let span = draft
        .front_matter
        .send_date
        .as_ref()
        .filter(|f| f.value == send.date)
        .map(|f| f.span.clone())
        .unwrap_or_else(|| draft.first_line());
    if day == "promise-undated" {
        if let Some(p) = send.promises.undated.first() {
            let mut f = finding(rule, span, Some("the send date".into()));
            f.message = match p.said_on {
                Some(_) => format!(
                    "they wrote \"{}\", which gives no date: wait at least a week from their message",
                    p.quote()
                ),
                None => format!(
                    "they wrote \"{}\", but the quoted message has no date to count from",
                    p.quote()
                ),
            }
            .into();
            out.push(f);
        }
        return;
    }
    let Some(problem) = send.problems.iter().find(|p| p.key() == day) else {
        return;
    };
    let mut message = format!("{} is {}", Day(send.date), problem.describe());
    if let Some(next) = send.next {
        message.push_str(&format!("; consider {}", Day(next)));
    }
    let mut f = finding(rule, span, Some("the send date".into()));
    f.message = message.into();
    if matches!(problem, Problem::BeforePromised(_)) {
        f.note = send.promises.promised.as_ref().and_then(Promised::note);
    }
    out.push(f);
}
